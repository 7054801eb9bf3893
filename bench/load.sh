#!/bin/sh
# load.sh -- loading speed and memory of `dubao --check`: a page dump made
# by repeating the bundled sample page (form feeds between the copies) at
# three sizes, to see that time grows linearly with the input, and a
# library of crawler folders when ../shared/corpus is present.
#
# Usage: bench/load.sh BUILDDIR [MB]   (a configured and built tree; MB is
# the largest page dump, default 64)
# Needs /usr/bin/time (GNU time, for max RSS) and awk. Prints, per input:
# bytes, best elapsed seconds of 3 runs, MB/s, max RSS and RSS / input.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: load.sh BUILDDIR [MB]}" && pwd)
max=${2:-64}
dubao=$build/src/dubao
[ -x "$dubao" ] || { echo "no $dubao: build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time in /usr/bin/time" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8

# run NAME PATH BYTES: best of three runs.
run() {
	best=
	for i in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$tmp/time" \
		    "$dubao" --check "$2" >"$tmp/check" 2>/dev/null || true
		set -- "$1" "$2" "$3" $(cat "$tmp/time")
		if [ -z "$best" ] || awk "BEGIN { exit !($4 < $best) }"; then
			best=$4 rss=$5
		fi
		set -- "$1" "$2" "$3"
	done
	awk -v n="$1" -v b="$3" -v t="$best" -v r="$rss" 'BEGIN {
		mb = b / 1e6
		printf "%-22s %8.1f MB %7.2f s %8.1f MB/s  max RSS %7.1f MB" \
		    "  (%.1f x input)\n", n, mb, t, (t > 0 ? mb / t : 0),
		    r / 1024, r * 1024 / b
	}'
	tail -n 1 "$tmp/check" | sed 's/^/                       /'
}

# The page dump: the sample issue (two pages) repeated, as one very big
# issue: each copy's page numbers, in its page headers (第01版) and
# continuation notes (下转第2版), are moved up so that every page number
# occurs once, as in a real issue.
page=$top/data/sample.txt
psize=$(wc -c <"$page")
for mb in $((max / 4)) $((max / 2)) $max; do
	copies=$((mb * 1000000 / psize + 1))
	awk -v n="$copies" -v f="$page" 'BEGIN {
		while ((getline l < f) > 0) s = s l "\n"
		for (i = 0; i < n; i++) {
			t = s
			gsub(/第01版/, "第" (2 * i + 1) "版", t)
			gsub(/第02版/, "第" (2 * i + 2) "版", t)
			gsub(/第1版/, "第" (2 * i + 1) "版", t)
			gsub(/第2版/, "第" (2 * i + 2) "版", t)
			printf "%s%s", (i ? "\f" : ""), t
		}
	}' >"$tmp/dump.txt"
	run "page dump" "$tmp/dump.txt" "$(wc -c <"$tmp/dump.txt")"
done
rm -f "$tmp/dump.txt"

# A library: copies of the four crawler issues (files linked, not copied).
corpus=$top/../shared/corpus/rmrb-caspiankexin
if [ -d "$corpus" ]; then
	bytes=0
	for k in $(seq 1 40); do
		for d in "$corpus"/*/*/; do
			dst=$tmp/lib/$k/$(basename "$d")
			mkdir -p "$dst"
			ln -s "$d"/*.txt "$dst"/
		done
	done
	bytes=$(($(cat "$corpus"/*/*/*.txt | wc -c) * 40))
	run "crawler library" "$tmp/lib" "$bytes"
fi
