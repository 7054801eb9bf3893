#!/bin/sh
# library.sh -- the library's speed and memory claims, on a generated
# archive (bench/gen-archive.py: the four People's Daily crawler issues
# of ../shared/corpus/rmrb-caspiankexin copied round-robin under new
# dates, as hard links when the file system allows):
#  1. first screen of a ten-year archive (3,650 issue folders, ~171,000
#     files) at 80x24, with the catalogue cache empty (cold) and filled
#     (warm), beside `find` over the same tree, alternating in one run;
#     time until the status line is drawn, and peak resident memory;
#     then, cold and warm, the time until the walk behind the first
#     screen has catalogued all 3,650 issues ("issue N/3650" on the
#     status line; needs python3-pyte);
#  2. one issue folder out of that archive beside the same issue copied
#     alone;
#  3. peak memory of --dump=json of a one-year archive (365 issues).
#
# Usage: bench/library.sh BUILDDIR [RUNS]   (RUNS defaults to 5). Needs
# python3, GNU time (/usr/bin/time) and ../shared/corpus.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: library.sh BUILDDIR [RUNS]}" && pwd)
runs=${2:-5}
dubao=$build/src/dubao
corpus=$top/../shared/corpus/rmrb-caspiankexin
[ -x "$dubao" ] || { echo "no $dubao: build first" >&2; exit 1; }
[ -d "$corpus" ] || { echo "no $corpus" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time" >&2; exit 1; }
export LC_ALL=C.UTF-8 TERM=screen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
first="python3 $top/bench/first-screen.py 80 24 article"
all="/usr/bin/python3 $top/bench/first-screen.py 80 24 screen:/3650"

python3 "$top/bench/gen-archive.py" "$tmp/ten" 3650 "$corpus"/*/*/
python3 "$top/bench/gen-archive.py" "$tmp/one" 365 "$corpus"/*/*/
one=$(ls -d "$tmp/ten/人民日报/2010年1月/20100101")
mkdir "$tmp/alone"
cp -r "$one" "$tmp/alone/"

# median of the first column of stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for i in $(seq "$runs"); do
	/usr/bin/time -f "%e %M" -o "$tmp/t" find "$tmp/ten" >/dev/null
	awk '{ printf "%.1f %d\n", $1 * 1000, $2 }' "$tmp/t" >>"$tmp/find"
	rm -rf "$tmp/cache"
	XDG_CACHE_HOME="$tmp/cache" $first "$dubao" "$tmp/ten" >>"$tmp/cold"
	XDG_CACHE_HOME="$tmp/cache" $first "$dubao" "$tmp/ten" >>"$tmp/warm"
	# The whole catalogue, walked behind the first screen.
	rm -rf "$tmp/cache"
	XDG_CACHE_HOME="$tmp/cache" $all "$dubao" "$tmp/ten" >>"$tmp/all-cold"
	XDG_CACHE_HOME="$tmp/cache" $all "$dubao" "$tmp/ten" >>"$tmp/all-warm"
	XDG_CACHE_HOME="$tmp/cache" $first "$dubao" "$one" >>"$tmp/inside"
	XDG_CACHE_HOME="$tmp/cache" $first "$dubao" "$tmp/alone/20100101" \
	    >>"$tmp/alone.t"
done
echo "ten-year archive: 3650 issues, $(find "$tmp/ten" -type f | wc -l) files"
echo "first screen at 80x24, $runs runs each, median (ms, peak kB):"
for n in find cold warm all-cold all-warm inside alone.t; do
	printf '  %-8s %8.1f ms %8d kB\n' "$n" \
	    "$(cut -d' ' -f1 <"$tmp/$n" | median)" \
	    "$(cut -d' ' -f2 <"$tmp/$n" | median)"
done

rm -rf "$tmp/cache"
XDG_CACHE_HOME="$tmp/cache" /usr/bin/time -f "%e %M" -o "$tmp/t" \
    "$dubao" --dump=json "$tmp/one" >"$tmp/one.json"
bytes=$(find "$tmp/one" -type f -printf '%s\n' |
    awk '{ n += $1 } END { printf "%.0f MB", n / 1048576 }')
echo "--dump=json of a one-year archive (365 issues, $bytes): $(awk '{ printf "%.1f s, peak %.1f MB", $1, $2 / 1024 }' \
    "$tmp/t"), output $(wc -c <"$tmp/one.json") bytes"
