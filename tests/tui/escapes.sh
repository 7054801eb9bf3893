#!/bin/sh
# A file with terminal escape sequences (a window title change, colours,
# a bidi override) cannot reach the terminal: the pane title stays, the
# text around them is shown, the controls are visible placeholders.
. "$top_srcdir/tests/tui/lib.sh"

f=$TUI_TMP/escapes.txt
printf '第01版：要闻\n\n标题里有\033]2;PWNED\007转义\n\n' >"$f"
printf '本报记者 王小明\n\n' >>"$f"
printf '　　正文开始\033[31m红色\033[0m，然后\342\200\256反向文字结束。\n' >>"$f"
$T set-option -g set-titles off
tui_start 120 24 "$f"
tui_wait "article 1/1"
tui_wait "反向文字结束"
title=$($T display-message -p -t t '#{pane_title}')
case $title in
*PWNED*) tui_fail "the file changed the pane title: $title" ;;
esac
tui_screen | grep -q "正文开始.*红色" || tui_fail "text around the escape"
# The file's colour sequence is shown as text, never obeyed: no real
# red foreground (ESC [31m) on the line.
esc=$(printf '\033')
tui_screen -e | grep "红色" | grep -q "$esc\[31m" &&
    tui_fail "file colour reached the terminal"
tui_has "[31m红色"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
$T kill-session -t t

# A key that is not bound is named on the message line: a bidi override
# typed (or pasted) is shown as a placeholder, not obeyed.
rlo=$(printf '\342\200\256')
tui_start 120 24 "$f"
tui_wait "article 1/1"
tui_text "$rlo"
tui_wait "is not bound"
tui_screen | grep -q "$rlo" && tui_fail "a bidi override reached the screen"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
