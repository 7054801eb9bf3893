#!/bin/sh
# Next and previous article and page, counts, boundary messages, and
# following a 下转 note to its continuation and back.
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

# Scrolling in the reader: a line down moves the text up.
tui_keys '['
tui_wait "article 1/4"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
