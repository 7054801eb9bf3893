#!/bin/sh
# A large archive is walked while the reader is on screen: the first
# screen comes before the walk ends, the walk's progress is on the status
# line, the issue list grows as issues are found, and Esc or Ctrl-C stops
# the walk, keeping what was found and saying so. A walk left to run ends
# with the count. With a reading history the reader goes to the issue
# last read as soon as it is found, unless a key was pressed first.
# Before any issue is found the progress is all there is on screen, and
# Esc then ends dubao with the reason.
#
# The archive is small (196 issues); the walk is slowed by the test hook
# DUBAO_TEST_SCAN_DELAY_MS (read only by the walk, src/library-scan.c):
# 50 ms a folder (about ten seconds) where a key must come while it
# runs, so that a loaded machine still has the time; 10 ms where it is
# left to end.
. "$top_srcdir/tests/tui/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "no python3: skipped"; exit 77; }
arc=$TUI_TMP/arc
python3 -B - "$arc" <<'EOS' || exit 99
import os, sys
for m in range(1, 8):
    for d in range(1, 29):
        day = "2001%02d%02d" % (m, d)
        path = os.path.join(sys.argv[1], "快报", "2001年%d月" % m, day)
        os.makedirs(path)
        with open(os.path.join(path, day + "-01-01.txt"), "w") as f:
            f.write("\r\n%d月%d日 头条\r\n\r\n　　正文。\r\n" % (m, d))
EOS
slow="DUBAO_TEST_SCAN_DELAY_MS=50"
fast="DUBAO_TEST_SCAN_DELAY_MS=10"
TUI_ENV=$slow

# The number in "N issues, newest first" on screen.
listed() { tui_screen | sed -n 's/^ *\([0-9]*\) issues, newest first.*/\1/p'; }

# The first screen while the walk goes on, its progress on the status line.
tui_start 80 24 "$arc"
tui_wait "快报  2001-01-01"
tui_wait "reading: "
tui_row 23 | grep -q '快报  2001-01-01.*reading: [0-9]* folders, [0-9]* issues (Esc stops)' ||
    tui_fail "the progress is not on the status line"
# The issue list grows while it is open.
tui_keys i
tui_wait "issues, newest first"
n1=$(listed)
i=0
while [ "$(listed)" = "$n1" ]; do
	i=$((i + 1))
	[ "$i" -gt 200 ] && tui_fail "the issue list does not grow"
	sleep 0.05
done
# Esc stops the walk; the list stays, with what was found.
tui_keys Escape
tui_wait "stopped reading"
tui_has "issues, newest first"
n2=$(tui_screen | sed -n 's/.*stopped reading .*: \([0-9]*\) issues found so far.*/\1/p')
[ -n "$n2" ] && [ "$n2" -lt 196 ] || tui_fail "stopped with $n2 issues"
[ "$(listed)" = "$n2" ] || tui_fail "the list shows $(listed), not $n2"
tui_lacks "reading: "
tui_keys q
tui_wait "issue 1/$n2 "
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status after Esc"
$T kill-session -t t

# Ctrl-C stops the walk, not the reader.
tui_start 80 24 "$arc"
tui_wait "快报  2001-01-01"
tui_wait "reading: "
tui_keys C-c
tui_wait "stopped reading"
tui_has "快报  2001-01-01"
[ -f "$TUI_TMP/status" ] && tui_fail "Ctrl-C ended the reader"
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status after Ctrl-C"
$T kill-session -t t

# A walk left to run ends with the count; the last issue read ...
TUI_ENV=$fast tui_start 80 24 "$arc"
tui_wait "196 issues in the library"
tui_keys 7 3 '>'
tui_wait "快报  2001-03-18"
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status after the whole walk"
$T kill-session -t t
# ... is where the next start goes once the walk finds it, walk or not.
TUI_KEEP_STATE=1 tui_start 80 24 "$arc"
tui_wait "快报  2001-01-01"
tui_wait "快报  2001-03-18"
tui_has "reading: "
tui_keys Q
$T kill-session -t t
# A key pressed before that keeps the reader where it is.
TUI_ENV="DUBAO_TEST_SCAN_DELAY_MS=30" TUI_KEEP_STATE=1 tui_start 80 24 "$arc"
tui_wait "快报  2001-01-01"
tui_keys j
tui_wait "196 issues in the library"
tui_has "快报  2001-01-01"
tui_keys Q
$T kill-session -t t

# Before any issue is found, the progress alone; Esc then ends dubao.
python3 -B -c 'import os, sys
for i in range(60): os.makedirs(os.path.join(sys.argv[1], "0-empty", str(i)))
' "$TUI_TMP/deep" || exit 99
cp -r "$arc/快报/2001年1月/20010101" "$TUI_TMP/deep/20010101"
TUI_ENV="DUBAO_TEST_SCAN_DELAY_MS=100" tui_start 80 24 "$TUI_TMP/deep"
tui_wait "0 issues (Esc stops)"
tui_keys Escape
[ "$(tui_status)" = 1 ] || tui_fail "exit status when stopped with none"
grep -q "stopped before any issue was found" "$TUI_TMP/stderr" ||
    tui_fail "no reason on stderr: $(cat "$TUI_TMP/stderr")"
$T kill-session -t t
# Left to run, the first issue found opens the reader.
TUI_ENV=$fast tui_start 80 24 "$TUI_TMP/deep"
tui_wait "0 issues (Esc stops)"
tui_wait "2001-01-01"
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
