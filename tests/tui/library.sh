#!/bin/sh
# The reader on an archive: the status line names paper, date and
# "issue N/M"; the issue list (i), newest first, opens an issue; > and <
# go to the next and previous issue of the paper on the same page; at the
# end of an issue ] says which comes next and a second ] goes there; a
# count before g goes to 版 N; the calendar (c) at 80x24 shows the month
# and opens a day.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/tui/archive.sh"
tui_archive "$TUI_TMP/arc"

tui_start 80 24 "$TUI_TMP/arc"
tui_wait "issue 1/3"
tui_has "晨报  2021-03-01  第1版"

# The issue list: newest first, with 版 and unread counts.
tui_keys i
tui_wait "3 issues, newest first"
tui_screen | sed -n 2,4p >"$TUI_TMP/list"
sed -n 1p "$TUI_TMP/list" | grep -q '2021-03-03  晨报 .*3版 .*4 unread' ||
    tui_fail "issue list: newest first with counts"
sed -n 3p "$TUI_TMP/list" | grep -q '^ > 2021-03-01' ||
    tui_fail "issue list: the current issue marked"
tui_keys k Enter
tui_wait "issue 2/3"
tui_has "2021-03-02"

# > and < keep the page.
tui_keys '}'
tui_wait "第2版"
tui_keys '>'
tui_wait "2021-03-03  第2版"
tui_has "三月三日 二版头条"
tui_keys '<' '<'
tui_wait "2021-03-01  第2版"
tui_keys '<'
tui_wait "no earlier issue of this paper"

# A count before g: 版 N.
tui_keys 3 g
tui_wait "2021-03-01  第3版"
tui_keys 9 g
tui_wait "no 第9版 in this issue"

# The end of an issue: ] says what comes next, a second ] goes there.
tui_keys ']'
tui_wait "press again for 晨报 2021-03-02"
tui_has "2021-03-01  第3版"
tui_keys ']'
tui_wait "issue 2/3"
tui_has "2021-03-02"
# Another key in between cancels the offer.
tui_keys 3 g ']'
tui_wait "press again for 晨报 2021-03-03"
tui_keys k ']'
tui_wait "press again for 晨报 2021-03-03"
tui_has "issue 2/3"

# The calendar: the month, the days with issues, Enter opens one.
tui_keys c
tui_wait "2021年3月  3 issues"
tui_has "Mon"
tui_screen >"$TUI_TMP/cal"
grep -Eq ' 1 [0-9]+ +2 [0-9]+ +3 [0-9]+ ' "$TUI_TMP/cal" ||
    tui_fail "calendar: days 1-3 with their unread counts"
grep -q '31' "$TUI_TMP/cal" || tui_fail "calendar: the month's last day"
[ "$(wc -L <"$TUI_TMP/cal")" -le 80 ] || tui_fail "calendar wider than 80"
tui_keys Right
tui_wait "calendar  2021-03-03"
tui_keys Enter
tui_wait "issue 3/3"
tui_has "2021-03-03"
tui_keys c Right
tui_wait "calendar  2021-03-04"
tui_keys Enter
tui_wait "no issue on this day"
tui_keys q Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
