#!/bin/sh
# Locales and widths: with LC_ALL=C the reader says how to fix the locale
# and shows '?' for what it cannot print (never raw bytes), while Chinese
# typed into the search prompt (UTF-8 from the terminal) still searches,
# and Esc after it still cancels; with
# --ambiguous-width=2 borders are ASCII and ambiguous characters are
# replaced by ones every terminal draws alike.
. "$top_srcdir/tests/tui/lib.sh"

TUI_LC=C
tui_start 120 24 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_has "cannot show Chinese"
tui_has "LANG=C.UTF-8"
tui_has "two-pages.txt"
tui_lacks "河畔"
tui_screen | grep -q "^> ?*  *178?" || tui_fail "contents not shown as ?"
# A character the locale lacks must not swallow the keys after it.
tui_keys /
tui_text "𠮷"
tui_wait "/?"
tui_keys Escape
tui_wait_gone "/?"
tui_keys /
tui_text "河畔"
tui_keys Enter
tui_wait "/?? 1/"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "C locale: exit status $s"
$T kill-session -t t

TUI_LC=C.UTF-8
tui_start 120 24 --ambiguous-width=2 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_has "河畔小城迎来第一场雪"
tui_lacks "│"
tui_screen | head -n 1 | grep -q "|" || tui_fail "no ASCII border"
# The byline's ■ (ambiguous) is drawn as a narrow substitute.
tui_lacks "■"
tui_has "本报记者 林晓舟"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "ambiguous 2: exit status $s"
exit 0
