#!/bin/sh
# broadsheet.sh -- tools/broadsheet.py prints two training issues of
# ../shared/corpus/rmrb-train as broadsheet pages and extracts them with
# pdftotext, as a person keeping e-paper PDFs as text would. Checked here:
# the PDF carries CID TrueType fonts only (Chromium's Type 3 fonts would
# make pdftotext read each CJK glyph twice its size); one PDF page per
# printed page; every character of every article is on its page in both
# extractions (nothing clipped or lost); the expected tree is the crawler
# folder's; the scorer reads both extractions with dubao.
# Skips (77) without ../shared, chromium, poppler-utils or
# python3-fonttools.

: "${DUBAO:?}" "${top_srcdir:?}"
train=$top_srcdir/../shared/corpus/rmrb-train
[ -f "$train/rmrb-2019-02-10.tar.xz" ] || exit 77
archive=$(cd "$train" && pwd)/rmrb-2019-02-10.tar.xz
for tool in chromium pdftotext pdffonts pdfinfo python3; do
	command -v "$tool" >/dev/null 2>&1 || { echo "no $tool"; exit 77; }
done
python3 "$top_srcdir/tools/broadsheet.py" --deps || exit 77
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-broadsheet.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

# A Tuesday in February and a Friday in October: eight pages each.
dates=20190205,20191004
if ! python3 "$top_srcdir/tools/broadsheet.py" --dates=$dates "$tmp/out" \
    "$archive" 2>"$tmp/err"; then
	echo "FAIL: broadsheet.py"; cat "$tmp/err"; exit 1
fi

fail=0
for d in 2019-02-05 2019-10-04; do
	o=$tmp/out/$d
	for f in issue.pdf default.txt layout.txt expected.json; do
		[ -s "$o/$f" ] || { echo "FAIL $d: no $f"; fail=1; }
	done
	pdffonts "$o/issue.pdf" >"$tmp/fonts"
	if grep -q 'Type 3' "$tmp/fonts" ||
	    ! grep -q 'CID TrueType' "$tmp/fonts"; then
		echo "FAIL $d: fonts are not CID TrueType"; cat "$tmp/fonts"
		fail=1
	fi
done
[ "$fail" -eq 0 ] || exit 1

cat >"$tmp/check.py" <<'EOF'
import collections, json, os, re, sys

top, out, archive_dir = sys.argv[1:4]
sys.path.insert(0, os.path.join(top, "tools"))
sys.dont_write_bytecode = True
import broadsheet

bad = 0
for d in sorted(os.listdir(out)):
    with open(os.path.join(out, d, "expected.json"), encoding="utf-8") as f:
        exp = json.load(f)["issues"][0]
    # The expected tree is the crawler folder's, file by file.
    folder = broadsheet.find_issues(archive_dir)[d.replace("-", "")]
    issue = broadsheet.read_issue(folder)
    for pe, pi in zip(exp["pages"], issue["pages"]):
        got = [(a["kicker"], a["headline"], a["subhead"], a["paragraphs"])
               for a in pe["articles"]]
        want = [(a["kicker"], a["headline"], a["subhead"], a["paragraphs"])
                for a in pi["articles"]]
        if got != want:
            print("FAIL %s page %d: expected tree is not the crawler's"
                  % (d, pe["number"]))
            bad += 1
    if [p["number"] for p in exp["pages"]] != \
            [p["number"] for p in issue["pages"]]:
        print("FAIL %s: page numbers differ" % d)
        bad += 1
    for mode in ("default", "layout"):
        with open(os.path.join(out, d, mode + ".txt"),
                  encoding="utf-8") as f:
            pages = f.read().split("\f")
        if len(pages) - 1 != len(exp["pages"]):
            print("FAIL %s %s: %d pages, expected %d"
                  % (d, mode, len(pages) - 1, len(exp["pages"])))
            bad += 1
            continue
        for n, pe in enumerate(exp["pages"]):
            want = collections.Counter()
            for a in pe["articles"]:
                for t in [a["kicker"], a["headline"], a["subhead"]] + \
                        a["paragraphs"]:
                    want.update(c for c in t or "" if not c.isspace())
            have = collections.Counter(c for c in pages[n]
                                       if not c.isspace())
            lost = want - have
            if lost:
                print("FAIL %s %s page %d: %d characters lost: %s"
                      % (d, mode, n + 1, sum(lost.values()),
                         "".join(sorted(lost.elements()))[:40]))
                bad += 1
            # Line length of body text in default mode: a column's
            # measure (10 to 17 ideographs), never a whole row.
            if mode == "default":
                lens = collections.Counter(len(l) for l in
                                           pages[n].split("\n")
                                           if len(l) >= 8)
                common = lens.most_common(1)[0][0] if lens else 0
                if not 10 <= common <= 18:
                    print("FAIL %s page %d: most common line length %d"
                          % (d, n + 1, common))
                    bad += 1
sys.exit(1 if bad else 0)
EOF
mkdir "$tmp/src"
(cd "$tmp/src" && tar xJf "$archive" --wildcards '*/20190205/*' \
    '*/20191004/*') || exit 99
python3 "$tmp/check.py" "$top_srcdir" "$tmp/out" "$tmp/src" || fail=1

# The scorer reads both extractions with dubao and gives a figure per
# mode. The floors are regression floors: where this code stood when they
# were set, less two points. With the loader's model of article starts
# (issue 9), default mode stands at 65.60% and 56.67% of paragraphs
# placed (it was 41.98% and 42.17%), -layout at 32.45% and 45.55% (it was
# 44.06% and 40.00%: the model takes more of the cut -layout columns for
# article starts). They are far below issue 14's targets (90% and 70%);
# raise them as the scores rise.
floors="--min-default=59 --worst-default=54 --min-layout=37 --worst-layout=30"
if ! python3 "$top_srcdir/tools/broadsheet_score.py" --dubao="$DUBAO" \
    $floors "$tmp/out" >"$tmp/score" 2>&1; then
	echo "FAIL: broadsheet_score.py (below the floors: $floors)"
	fail=1
fi
cat "$tmp/score"
grep -q '^default median' "$tmp/score" && grep -q '^layout  median' \
    "$tmp/score" || { echo "FAIL: no medians"; fail=1; }
exit $fail
