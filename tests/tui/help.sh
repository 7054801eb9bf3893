#!/bin/sh
# Help (? and F1) is generated from the live key table: a binding from the
# config file shows up in it. Help and info wrap what is wider than the
# terminal, with nothing cut at the right edge: the help at 100 columns,
# a diagnostic with a long path at 80.
. "$top_srcdir/tests/tui/lib.sh"

mkdir -p "$TUI_TMP/config/dubao"
printf 'bind x next-article\nbind <F5> info\n' >"$TUI_TMP/config/dubao/config"
tui_start 100 40 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_keys '?'
tui_wait "keys and actions"
tui_screen | grep -q "^ *j Down  *line-down" || tui_fail "line-down keys"
tui_screen | grep -q "^ *] x  *next-article" || tui_fail "rebinding not shown"
tui_screen | grep -q "^ *= F5  *info" || tui_fail "F5 not shown"
tui_screen | grep -q "^ *? F1  *help" || tui_fail "help keys"
tui_keys q
tui_wait_gone "keys and actions"
tui_has "article 1/4"
# The new binding works, and F1 opens the help too.
tui_keys x
tui_wait "article 2/4"
tui_keys F1
tui_wait "keys and actions"
tui_keys Escape
tui_wait_gone "keys and actions"
# Unbound keys say so.
tui_keys z
tui_wait "key z is not bound"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
$T kill-session -t t

# 100 columns: "open" is described whole, its last word on a row of its
# own under the description.
tui_start 100 30 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_keys '?'
tui_wait "keys and actions"
tui_screen | grep -q "^  *continuation$" || tui_fail "help cut at 100 columns"
tui_keys q q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
$T kill-session -t t

# 80 columns: a diagnostic's message after a long path, whole.
d="$TUI_TMP/一个很长的文件夹名字/another-long-folder-name"
mkdir -p "$d"
printf '第01版：要闻\n\n标题\n\n　　正文\377里有坏字节。\n' >"$d/page.txt"
tui_start 80 24 "$d/page.txt"
tui_wait "article 1/1"
tui_keys =
tui_wait "about this issue"
tui_screen | grep -q "replaced by U+FFFD" || tui_fail "diagnostic cut at 80"
tui_keys q q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
