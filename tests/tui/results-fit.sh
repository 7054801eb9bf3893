#!/bin/sh
# results-fit.sh -- the library search's results view as a reader sees it
# at 80x24 and 120x40, on a generated library whose match sits in the
# middle of a long paragraph near the end of a long article: each match
# row is a snippet cut on both sides ("…"), filled to the width of the
# screen, the match centred and highlighted; Enter opens the article
# scrolled to the match, highlighted there; back (q) gives the list
# exactly as it was (the same rows, the same selection), also when the
# list had been scrolled; while the search runs the title row shows a
# progress bar.
. "$top_srcdir/tests/tui/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "no python3: skipped"; exit 77; }
lib=$TUI_TMP/lib
q=青铜器修复师

# Twelve issues; in each, an article of 30 short paragraphs and then a
# long one with the query in its middle, and an article without it.
python3 - "$lib" "$q" <<'EOS' || exit 99
import os, sys
fill = "河畔小城的街道被薄雪覆盖环卫工人从东门扫到西门再从西门扫回东门"
text = (fill * 10)[:200]
for n in range(1, 13):
    d = "202103%02d" % n
    os.makedirs(os.path.join(sys.argv[1], d))
    ps = ["第%d段，%s。" % (i, text[:30]) for i in range(1, 31)]
    ps.append(text + sys.argv[2] + text + "。")
    with open(os.path.join(sys.argv[1], d, d + "-01-01.txt"), "w",
              encoding="utf-8") as f:
        f.write("\r\n修复室里的春天\r\n\r\n")
        f.write("".join("　　%s\r\n" % p for p in ps))
    with open(os.path.join(sys.argv[1], d, d + "-02-01.txt"), "w",
              encoding="utf-8") as f:
        f.write("\r\n另一篇文章\r\n\r\n　　没有那个词。\r\n")
EOS

# check_row COLS: every match row on screen is "    …LEFT QUERY RIGHT…",
# as wide as COLS or one column less (a wide character that did not fit),
# LEFT and RIGHT within two columns of each other.
check_row() {
	tui_screen | python3 -B -c '
import sys, unicodedata
cols, q = int(sys.argv[1]), sys.argv[2]
def w(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)
rows = [r.rstrip() for r in sys.stdin.read().split("\n")
        if q in r and r.startswith("    ")]
if not rows:
    sys.exit("no match row")
for r in rows:
    if not r.startswith("    \u2026") or not r.endswith("\u2026"):
        sys.exit("not cut on both sides: " + r)
    left, right = r[5:-1].split(q)
    if not cols - 1 <= w(r) <= cols:
        sys.exit("%d columns of %d: %s" % (w(r), cols, r))
    if abs(w(left) - w(right)) > 2:
        sys.exit("not centred (%d | %d): %s" % (w(left), w(right), r))
' "$1" "$q" || tui_fail "match rows at $1 columns"
}

# sel: the selected row's number on the status line ("N/36"), the row
# above the message line.
sel() { tui_row $((rows - 1)) | sed -n 's|.* \([0-9]*\)/36 *$|\1|p'; }
# sel_wait N: poll up to 10 s for the selection on row N.
sel_wait() {
	_i=0
	until [ "$(sel)" = "$1" ]; do
		_i=$((_i + 1))
		[ "$_i" -gt 200 ] && tui_fail "timeout waiting for row $1"
		sleep 0.05
	done
}

# hits: the reverse-video runs above the status line, one a row.
hits() { tui_screen -e | python3 -B "$top_srcdir/tests/tui/reverse.py" |
    awk -F '\t' -v last="$1" '$1 < last { print $2 }'; }

for size in "80 24" "120 40"; do
	set -- $size
	cols=$1 rows=$2
	$T kill-session -t t 2>/dev/null
	tui_start "$cols" "$rows" --ambiguous-width=1 "$lib"
	tui_wait "修复室里的春天"
	tui_keys S
	tui_wait "search every issue:"
	tui_text "$q"
	tui_keys Enter
	tui_wait "library search: $q: 12 matches in 12 issues"
	sel_wait 1
	check_row "$cols"
	# The match is highlighted in each row (the selection is an issue
	# row, so every run is a match).
	[ "$(hits $((rows - 2)) | grep -cx "$q")" -eq "$(tui_screen |
	    grep -c "^    .*$q")" ] || tui_fail "highlights: $(hits $((rows - 2)))"
	# Down a page, up to the nearest match row; open it.
	tui_keys NPage j
	_i=0
	until n=$(sel); [ -n "$n" ] && [ "$n" -gt 1 ]; do
		_i=$((_i + 1))
		[ "$_i" -gt 200 ] && tui_fail "the selection did not move"
		sleep 0.05
	done
	while [ $((n % 3)) -ne 0 ]; do
		tui_keys k
		n=$((n - 1))
		sel_wait "$n"
	done
	tui_screen >"$TUI_TMP/list"
	tui_keys Enter
	tui_wait "/$q 1/1"
	# The match is on screen and highlighted (maybe on two lines); at
	# 80x24 that takes scrolling the article down.
	[ "$cols" -gt 80 ] || tui_lacks "第1段，"
	[ "$(hits $((rows - 2)) | tr -d '\n')" = "$q" ] ||
	    tui_fail "in the article: $(hits $((rows - 2)))"
	tui_has "2021-03-$(printf %02d $((n / 3)))"
	# Back: the list exactly as it was.
	tui_keys q
	sel_wait "$n"
	tui_screen >"$TUI_TMP/back"
	cmp -s "$TUI_TMP/list" "$TUI_TMP/back" ||
	    tui_fail "the list changed: $(diff "$TUI_TMP/list" "$TUI_TMP/back")"
	tui_keys Q
	[ "$(tui_status)" = 0 ] || tui_fail "exit status"
done

# A progress bar on the title row while the search runs (an empty index,
# a few hundred issues and 48,000 matches to list: it runs for a while),
# then the counts alone.
python3 - "$TUI_TMP/many" <<'EOS' || exit 99
import datetime, os, sys
text = "清晨六点，河畔小城的街道被薄雪覆盖。老周从东门扫到西门，再从西门扫回东门。"
day = datetime.date(2019, 1, 1)
for n in range(300):
    d = (day + datetime.timedelta(days=n)).strftime("%Y%m%d")
    os.makedirs(os.path.join(sys.argv[1], d))
    for p in range(1, 9):
        with open(os.path.join(sys.argv[1], d, "%s-%02d-01.txt" % (d, p)),
                  "w", encoding="utf-8") as f:
            f.write("\r\n第%02d版的一篇文章\r\n\r\n　　%s\r\n" % (p, text * 20))
EOS
rm -rf "$TUI_TMP/cache"
$T kill-session -t t 2>/dev/null
tui_start 80 24 "$TUI_TMP/many"
tui_wait "第01版的一篇文章"
tui_keys S
tui_wait "search every issue:"
tui_text "老周"
tui_keys Enter
# "library search: 老周: N matches in N issues N/300 (Esc stops) [##...]"
_i=0
until tui_screen | head -n 1 |
    grep -Eq '[0-9]+/300 \(Esc stops\) \[#*\.+\] *$'; do
	_i=$((_i + 1))
	[ "$_i" -gt 200 ] && tui_fail "no progress bar"
	sleep 0.05
done
# The end: the counts without the bar (up to 60 s on a loaded machine).
_i=0
until tui_screen | head -n 1 |
    grep -q '老周: 48000 matches in 300 issues *$'; do
	_i=$((_i + 1))
	[ "$_i" -gt 1200 ] && tui_fail "the search did not end"
	sleep 0.05
done
tui_keys Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
