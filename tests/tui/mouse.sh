#!/bin/sh
# The mouse (X10 encoding, as TERM=screen asks for): the wheel scrolls
# the pane under the pointer and nothing else (the reader by three lines,
# the contents by three items); a click in the reader gives it the focus,
# so that j then scrolls the article. (A click in the contents is in
# contents.sh.) No fixed sleeps: that nothing moved is checked once a
# later key has shown its effect.
. "$top_srcdir/tests/tui/lib.sh"

# ESC [ M, then 32 + button (0 left, 64 wheel up, 65 wheel down), then
# 32 + column and 32 + row, both counted from 1.
mouse() {
	tui_keys -H 1b 5b 4d "$(printf %x $((32 + $1)))" \
	    "$(printf %x $((32 + $2)))" "$(printf %x $((32 + $3)))"
}
# The reader's position, the number before % on the status line.
pos() { tui_screen | grep "article 1/2" | sed 's/.* \([0-9]*\)%.*/\1/'; }

tui_start 120 24 "$TUI_DATA/long.txt"
tui_wait "article 1/2"
p0=$(pos)
[ -n "$p0" ] || tui_fail "no position on the status line"
tui_has "■本报记者 周晚晴"
# Wheel down over the reader (column 60, row 10): three lines on.
mouse 65 60 10
tui_wait_gone "■本报记者 周晚晴"
p1=$(pos)
[ "$p1" -gt "$p0" ] || tui_fail "wheel down: position $p0 -> $p1"
# Wheel up: back to the top.
mouse 64 60 10
tui_wait "■本报记者 周晚晴"
[ "$(pos)" = "$p0" ] || tui_fail "wheel up: position $(pos), not $p0"
# The wheel over the contents (column 5, row 3) leaves the reader alone.
# Keys are read in order: once the message of a key sent after the wheel
# is on screen (a sentinel; [ at the first article moves nothing), the
# wheel has been handled.
mouse 65 5 3
mouse 65 5 3
tui_keys '['
tui_wait "already at the first article"
[ "$(pos)" = "$p0" ] || tui_fail "wheel over the contents moved the reader"
tui_has "■本报记者 周晚晴"
# The contents pane has the focus at start: j moves its selection, not
# the reader. A click in the reader gives the reader the focus: j
# scrolls the article.
mouse 0 60 10
tui_keys j
_i=0
until [ "$(pos)" -gt "$p0" ]; do
	_i=$((_i + 1))
	[ "$_i" -gt 200 ] && tui_fail "j after a click did not scroll"
	sleep 0.05
done
tui_has "> 江边渡口的三十年"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
$T kill-session -t t

# A contents pane longer than the screen: the wheel over it moves its
# selection three items a turn, and the pane follows (its first items
# go; the heading of their page stays on the first row), while the
# article stays where it was.
tui_start 120 8 "$top_srcdir/data/sample.txt"
tui_wait "article 1/10"
tui_has "第1版 要闻"
tui_screen | grep -q "^> 石板巷里" || tui_fail "first article not listed"
mouse 65 5 3
mouse 65 5 3
tui_wait "第2版 综合"
tui_screen | grep -q "^> 石板巷里" && tui_fail "first item still listed"
tui_screen | head -n 1 | grep -q "^第1版 要闻" ||
    tui_fail "the page's heading left the first row"
tui_has "■周晓岚 林一舟"
tui_has "article 1/10"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
