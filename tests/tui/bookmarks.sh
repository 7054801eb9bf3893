#!/bin/sh
# Bookmarks from two dubao processes at once: each adds one (m, with a
# note) while the other runs; both are kept, ' lists them newest first
# with their notes, and Enter goes to the place the other process marked.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/tui/archive.sh"
TUI_KEEP_STATE=1
tui_archive "$TUI_TMP/arc"

tui_start 100 24 "$TUI_TMP/arc"
tui_wait "issue 1/3"
# The second process, with the same state folder.
$T new-session -d -s u -x 100 -y 24 sh "$TUI_TMP/run.sh" "$TUI_TMP/arc" ||
    exit 99
_i=0
until $T capture-pane -p -t u | grep -qF "issue 1/3"; do
	_i=$((_i + 1)); [ "$_i" -gt 200 ] && tui_fail "second dubao"
	sleep 0.05
done

tui_keys '}'
tui_wait "第2版"
tui_keys m
tui_wait "a note (Enter for none)"
tui_text "甲的笔记"
tui_keys Enter
tui_wait "bookmarked: 三月一日 二版头条"

$T send-keys -t u '>' '}' '}' m
_i=0
until $T capture-pane -p -t u | grep -qF "a note"; do
	_i=$((_i + 1)); [ "$_i" -gt 200 ] && tui_fail "second prompt"
	sleep 0.05
done
$T send-keys -t u -l "乙的笔记"
$T send-keys -t u Enter
_i=0
until $T capture-pane -p -t u | grep -qF "bookmarked: 三月二日 三版头条"; do
	_i=$((_i + 1)); [ "$_i" -gt 200 ] && tui_fail "second bookmark"
	sleep 0.05
done

# The first process lists both, the other's first (newest).
tui_keys "'"
tui_wait "bookmarks (Enter goes there"
tui_screen | sed -n 2p | grep -q '2021-03-02 晨报 第3版  三月二日 三版头条.*乙的笔记' ||
    tui_fail "the other process's bookmark first"
tui_screen | sed -n 3p | grep -q '2021-03-01 晨报 第2版  三月一日 二版头条.*甲的笔记' ||
    tui_fail "this process's bookmark"
tui_keys Enter
tui_wait "2021-03-02  第3版"
tui_has "issue 2/3"
# Deleting one leaves the other.
tui_keys "'" d
tui_wait "bookmark deleted"
tui_screen | grep -q '甲的笔记' || tui_fail "the other bookmark went too"
tui_lacks "乙的笔记"
tui_keys q Q
$T send-keys -t u Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
