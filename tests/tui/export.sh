#!/bin/sh
# The article leaves the reader: | pipes its text to a shell command
# (curses suspended, then back after Enter; a failing command is told),
# and s saves it under the name the prompt offers (the date and the
# headline, Chinese kept), never over an existing file.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/tui/archive.sh"
tui_archive "$TUI_TMP/arc"

tui_start 100 24 "$TUI_TMP/arc"
tui_wait "issue 1/3"
tui_keys ']'
tui_wait "article 2/4"

tui_keys '|'
tui_wait "pipe the article to:"
tui_text "cat >'$TUI_TMP/piped'; echo piped-ok"
tui_keys Enter
tui_wait "piped-ok"
tui_wait "Press Enter to go back to dubao"
tui_lacks "article 2/4"
tui_keys Enter
tui_wait "article 2/4"
grep -q '^三月一日 一版二条$' "$TUI_TMP/piped" &&
    grep -q '^三月一日 一版二条到此结束。$' "$TUI_TMP/piped" ||
    tui_fail "piped text: $(cat "$TUI_TMP/piped")"
[ "$(wc -l <"$TUI_TMP/piped")" -eq 5 ] || tui_fail "piped lines"

tui_keys '|'
tui_wait "pipe the article to:"
tui_text "exit 3"
tui_keys Enter
tui_wait "Press Enter"
tui_keys Enter
tui_wait "exit 3: exit status 3"

# Save: the name offered, edited to go into the test's folder.
tui_keys s
tui_wait "save the article as: 2021-03-01 三月一日 一版二条.txt"
tui_keys C-a
tui_text "$TUI_TMP/"
tui_keys Enter
tui_wait "saved to $TUI_TMP/2021-03-01 三月一日 一版二条.txt"
cmp "$TUI_TMP/piped" "$TUI_TMP/2021-03-01 三月一日 一版二条.txt" ||
    tui_fail "saved text differs from the piped text"
tui_keys s C-a
tui_text "$TUI_TMP/"
tui_keys Enter
tui_wait "exists, not overwritten"
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
