#!/bin/sh
# Next and previous article and page, counts, boundary messages, and
# following a 下转 note to its continuation (with Enter or a click) and
# back.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 120 40 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_keys ']'
tui_wait "article 2/4"
tui_has "本报通讯员 苏明远"
tui_keys '['
tui_wait "article 1/4"
tui_keys '['
tui_wait "already at the first article"
tui_keys '}'
tui_wait "article 3/4"
tui_has "第2版"
tui_has "城南菜市场"
tui_keys '{'
tui_wait "article 1/4"
tui_keys 3 ']'
tui_wait "article 4/4"
tui_keys ']'
tui_wait "already at the last article"
tui_keys '}'
tui_wait "already at the last page"

# The article on page 1 continues on page 2: open follows the note, back
# returns to where the reader was.
tui_keys '{' ']'
tui_wait "article 2/4"
tui_keys Tab Enter
tui_wait "continued on page 2"
tui_has "article 4/4"
tui_has "返乡创业"
tui_keys h
tui_wait "article 2/4"
tui_has "石岭村"
# A click on the note follows it too (X10 mouse report: ESC [ M, then 32
# plus the button, the column and the row); a click on the text above it
# does not.
click() {
	tui_keys -H 1b 5b 4d 20 "$(printf %x $((32 + $1)))" \
	    "$(printf %x $((32 + $2)))"
}
tui_wait "（下转第2版）"
row=$(tui_screen | grep -n "（下转第2版）" | cut -d: -f1)
click 60 5
# = opens the info screen once the click before it was read.
tui_keys =
tui_wait "about this issue"
tui_keys q
tui_wait "article 2/4"
tui_lacks "continued on page 2"
click 100 "$row"
tui_wait "continued on page 2"
tui_has "article 4/4"
tui_keys h
tui_wait "article 2/4"

# Scrolling in the reader: a line down moves the text up.
tui_keys '['
tui_wait "article 1/4"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
