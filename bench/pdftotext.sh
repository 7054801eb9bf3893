#!/bin/sh
# pdftotext.sh -- what reading pdftotext's output costs against reading a
# page dump of the same text: one People's Daily issue printed as
# broadsheet pages by tools/broadsheet.py and extracted with pdftotext in
# both modes, and the same issue as a page dump (one paragraph a line,
# built from the crawler folder's text), each repeated COPIES times into
# one file (form feeds between the pages), read with `dubao --check`.
#
# Usage: bench/pdftotext.sh BUILDDIR [COPIES [ISSUEDIR]]
#   BUILDDIR  a configured and built tree
#   COPIES    copies of the issue in each file (default 40: about 12 MB
#             of -layout text)
#   ISSUEDIR  a folder broadsheet.py wrote (default.txt, layout.txt,
#             expected.json); without it the issue of 2019-02-05 is
#             printed from ../shared/corpus/rmrb-train (needs chromium,
#             poppler-utils, python3-fonttools: tools/install-deps)
# Prints, per shape: bytes, the least CPU seconds of 5 runs, MB/s, and
# the time against the page dump's (the same text, so the same work
# after the shapes are read). Needs GNU time in /usr/bin/time.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: pdftotext.sh BUILDDIR [COPIES [ISSUEDIR]]}" && pwd)
copies=${2:-40}
dubao=$build/src/dubao
[ -x "$dubao" ] || { echo "no $dubao: build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time in /usr/bin/time" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8

if [ -n "$3" ]; then
	issue=$(cd "$3" && pwd)
else
	train=$top/../shared/corpus/rmrb-train/rmrb-2019-02-10.tar.xz
	[ -f "$train" ] || { echo "no $train: name an ISSUEDIR" >&2; exit 1; }
	python3 "$top/tools/broadsheet.py" --dates=20190205 "$tmp/print" \
	    "$train" >&2
	issue=$tmp/print/2019-02-05
fi

# The page dump of the same text: page header, title lines, paragraphs
# indented, a blank line after each.
python3 - "$issue/expected.json" >"$tmp/dump1.txt" <<'EOF'
import json, sys
pages = []
for p in json.load(open(sys.argv[1], encoding="utf-8"))["issues"][0]["pages"]:
    out = ["第%02d版：%s" % (p["number"], p.get("name") or ""), ""]
    for a in p["articles"]:
        for k in ("kicker", "headline", "subhead"):
            if a.get(k):
                out += [a[k], ""]
        for x in a.get("paragraphs") or []:
            out += ["\u3000\u3000" + x, ""]
    pages.append("\n".join(out))
sys.stdout.write("\f".join(pages))
EOF

# repeat IN OUT: COPIES copies of IN, a form feed between them.
repeat() {
	awk -v n="$copies" -v f="$1" 'BEGIN {
		RS = "^$"; getline s < f
		sub(/\f+$/, "", s)
		for (i = 0; i < n; i++)
			printf "%s%s", (i ? "\f" : ""), s
	}' >"$2"
}
repeat "$tmp/dump1.txt" "$tmp/dump.txt"
repeat "$issue/default.txt" "$tmp/default.txt"
repeat "$issue/layout.txt" "$tmp/layout.txt"

# best PATH: the least CPU time (user + system) of five runs of dubao
# --check: CPU time, not elapsed time, so that a busy machine disturbs
# the comparison less.
best() {
	b=
	for i in 1 2 3 4 5; do
		/usr/bin/time -f '%U %S' -o "$tmp/time" \
		    "$dubao" --check "$1" >/dev/null 2>&1 || true
		t=$(awk '{ printf "%.3f", $1 + $2 }' "$tmp/time")
		if [ -z "$b" ] || awk "BEGIN { exit !($t < $b) }"; then
			b=$t
		fi
	done
	echo "$b"
}

base=$(best "$tmp/dump.txt")
for f in dump default layout; do
	if [ "$f" = dump ]; then t=$base; else t=$(best "$tmp/$f.txt"); fi
	awk -v n="$f" -v b="$(wc -c <"$tmp/$f.txt")" -v t="$t" -v base="$base" \
	    'BEGIN {
		mb = b / 1e6
		printf "%-8s %7.1f MB %7.2f s %7.1f MB/s  %5.2f x the page dump\n",
		    n, mb, t, (t > 0 ? mb / t : 0), (base > 0 ? t / base : 0)
	}'
done
