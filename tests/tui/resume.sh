#!/bin/sh
# Reading state across runs: reopening resumes in the issue last read, at
# the article and the text where the reader was; an article is marked
# read once its end has been on screen, and the marks survive a restart
# (the issue list counts them); a damaged state file is moved aside with
# a one-line note and the reader works on.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/tui/archive.sh"
TUI_KEEP_STATE=1
tui_archive "$TUI_TMP/arc"

tui_start 80 24 "$TUI_TMP/arc"
tui_wait "issue 1/3"
# To the second issue, its long first article, some way down.
tui_keys '>' Tab
tui_wait "issue 2/3"
tui_keys ' '
tui_wait "第15段正文"
tui_screen | sed -n 1p >"$TUI_TMP/top"
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
$T kill-session -t t

tui_start 80 24 "$TUI_TMP/arc"
tui_wait "back where you left off"
tui_has "issue 2/3"
tui_has "2021-03-02  第1版"
# The same text at the top as when it quit.
[ "$(tui_screen | sed -n 1p)" = "$(cat "$TUI_TMP/top")" ] ||
    tui_fail "not at the same line: $(cat "$TUI_TMP/top")"
# Nothing read yet: the end of no article was seen.
tui_keys i
tui_wait "3 issues"
tui_screen | grep -q '2021-03-02  晨报 .* 4 unread' ||
    tui_fail "unread before reading"
tui_keys q
# Read the long article to its end, and the next (short) one.
tui_keys G ']'
tui_wait "article 2/4"
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
$T kill-session -t t

tui_start 80 24 "$TUI_TMP/arc"
tui_wait "issue 2/3"
tui_keys i
tui_wait "3 issues"
tui_screen | grep -q '2021-03-02  晨报 .* 2 unread' ||
    tui_fail "read marks not kept across a restart"
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
$T kill-session -t t

# A damaged state file: moved aside, said in one line, and on we go.
printf 'not a database, only some words written over it by accident\n' \
    >"$TUI_TMP/state/dubao/state.db"
tui_start 80 24 "$TUI_TMP/arc"
tui_wait "damaged; moved aside to"
tui_has "issue 1/3"
ls "$TUI_TMP/state/dubao/" | grep -q '^state\.db\.damaged-' ||
    tui_fail "the damaged file was not kept aside"
tui_keys '>' Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
$T kill-session -t t
tui_start 80 24 "$TUI_TMP/arc"
tui_wait "issue 2/3"
tui_lacks "damaged"
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
