#!/bin/sh
# A scan that takes a while (a tree of 30,000 folders, or all of /)
# shows its progress on the terminal and stops at Ctrl-C: the reader then
# opens what was found so far (fewer issues than there are), and q quits.
# Never a hang.
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

TUI_STDERR=tty
tui_start 100 24 "$tree"
tui_wait "(Ctrl-C stops)"
tui_keys C-c
tui_wait "article 1/"
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

# dubao / : the whole system, scanned from names only; whatever it finds,
# it comes to the reader (or stops at Ctrl-C) and quits, within a minute.
tui_start 100 24 /
_i=0
until tui_screen | grep -qE 'article 1/|Ctrl-C stops'; do
	_i=$((_i + 1))
	[ "$_i" -gt 1200 ] && tui_fail "dubao / shows nothing after a minute"
	sleep 0.05
done
tui_screen | grep -q 'Ctrl-C stops' && tui_keys C-c
tui_wait "article 1/"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "dubao /: exit status after q: $s"
exit 0
