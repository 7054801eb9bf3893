#!/bin/sh
# A scan that takes a while (a tree of 30,000 folders, or all of /): the
# reader comes up with the first issue found, the scan's progress on its
# status line, and Ctrl-C stops the scan, not the reader: the info screen
# then counts fewer issues than there are, and q quits. Never a hang.
. "$top_srcdir/tests/tui/lib.sh"

# 300 x 100 folders, each a dated issue of one small page.
tree=$TUI_TMP/tree
python3 -c '
import os, sys
for i in range(300):
    for j in range(100):
        d = "%s/p%03d/2024-%02d-%02d-%d" % (sys.argv[1], i, j % 12 + 1,
                                            j % 28 + 1, j)
        os.makedirs(d)
        with open(d + "/01.txt", "w") as f:
            f.write("第01版：要闻\n\n标题%d\n\n　　正文。\n" % j)
' "$tree" || exit 99

tui_start 100 24 "$tree"
tui_wait "issue 1/"
tui_wait "(Esc stops)"
tui_row 23 | grep -q '^ p[0-9]*  .*issue 1/[0-9]*  reading: ' ||
    tui_fail "no paper, date, issue and progress on the status line"
tui_keys C-c
tui_wait "stopped reading"
tui_lacks "(Esc stops)"
tui_has "article 1/"
# The info screen counts the issues found: fewer than the 30,000 there.
tui_keys =
tui_wait "issue 1 of "
n=$(tui_screen | sed -n 's/.*issue 1 of \([0-9]*\).*/\1/p' | head -n 1)
[ -n "$n" ] && [ "$n" -lt 30000 ] ||
    tui_fail "Ctrl-C did not stop the scan: $n issues"
tui_keys q
tui_wait_gone "issue 1 of "
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after Ctrl-C and q: $s"
$T kill-session -t t 2>/dev/null

# dubao / : the whole system, scanned from names only. Within a minute
# it shows the reader or, while no issue is found, the progress alone;
# Ctrl-C then stops the scan, and q (or, with no issue, the stop
# itself) ends dubao. Never a hang.
tui_start 100 24 /
_i=0
until tui_screen | grep -qE 'article 1/|Esc stops'; do
	_i=$((_i + 1))
	[ "$_i" -gt 1200 ] && tui_fail "dubao / shows nothing after a minute"
	sleep 0.05
done
# The walk of / goes on behind the reader, or before it while none is
# found: Ctrl-C stops it either way.
tui_keys C-c
_i=0
until tui_screen | grep -q 'stopped reading' || [ -f "$TUI_TMP/status" ]; do
	_i=$((_i + 1))
	[ "$_i" -gt 200 ] && tui_fail "dubao /: Ctrl-C did not stop the scan"
	sleep 0.05
done
if [ -f "$TUI_TMP/status" ]; then
	grep -q "stopped before any issue was found" "$TUI_TMP/stderr" ||
	    tui_fail "dubao /: ended without the reason"
	exit 0
fi
tui_lacks "(Esc stops)"
tui_keys Q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "dubao /: exit status after Q: $s"
exit 0
