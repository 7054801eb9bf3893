#!/bin/sh
# search.sh -- search speed (issue 11), every figure measured in this run:
#
#   1. the fold (NFKC, case, variants, white space) in MB/s, on the seed
#      page repeated to 10 MB and on its Traditional version;
#   2. a search in the reader: one issue (the seed page 8 times, about
#      110 KB of text), the first search (fold + scan) and the next ones,
#      in ms per 100 KB (target: under 1 ms);
#   3. dubao --grep against grep -rF on a generated one-year library
#      (365 crawler issue folders, about 17,000 files and 65 MB: the
#      corpus issues copied round-robin under new dates), side by side,
#      unindexed and, when dubao has --index, indexed; the time of the
#      first --index and its MB/s (target: 20 MB/s or more).
#
# Usage: bench/search.sh BUILDDIR [DAYS]   (a configured and built tree;
# DAYS of the library, default 365)
# Needs cc, python3, GNU grep, ../shared/seed and
# ../shared/corpus/rmrb-caspiankexin next to the source tree; opencc (the
# command) for the Traditional text. grep's output goes to a file: GNU
# grep stops at the first match when it writes to /dev/null.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: search.sh BUILDDIR [DAYS]}" && pwd)
days=${2:-365}
dubao=$build/src/dubao
seed=$(ls "$top"/../shared/seed/*.txt | head -n 1)
corpus=$top/../shared/corpus/rmrb-caspiankexin
[ -x "$dubao" ] || { echo "no $dubao: build first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8

libs=-lunistring
grep -q 'define HAVE_OPENCC 1' "$build/config.h" &&
    libs="$(pkg-config --libs opencc) $libs"
# shellcheck disable=SC2086
cc -O2 -I"$build" -I"$top/src" -o "$tmp/search-bench" \
    "$top/bench/search-bench.c" "$build/src/libdubao.a" $libs

echo "== 1. the fold"
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); \
open(sys.argv[2],'wb').write(d * 710)" "$seed" "$tmp/big.txt"
"$tmp/search-bench" fold "$tmp/big.txt"
if command -v opencc >/dev/null 2>&1; then
	opencc -c s2tw -i "$tmp/big.txt" -o "$tmp/bigtw.txt"
	echo "(Traditional version)"
	"$tmp/search-bench" fold "$tmp/bigtw.txt"
fi

echo "== 2. a search in the reader"
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); \
open(sys.argv[2],'wb').write(b'\f'.join([d] * 8))" "$seed" "$tmp/issue.txt"
"$tmp/search-bench" issue "$tmp/issue.txt" 老兵码 滿洲裏 不存在的词语 的 \
    'ＣＮ ８１'

echo "== 3. dubao --grep and grep -rF on a library of $days issues"
[ -d "$corpus" ] || { echo "no $corpus: skipped"; exit 0; }
set -- $(python3 "$top/bench/mklibrary.py" "$corpus" "$tmp/lib" "$days")
files=$1 bytes=$2
echo "library: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB"

# best NAME CMD...: best wall time of 3 runs in ms into $best, the peak
# resident memory in kB (GNU time, when installed) into $rss; output in
# $tmp/out.
gtime=
[ -x /usr/bin/time ] && gtime="/usr/bin/time -f %M -o $tmp/rss"
best() {
	_name=$1
	shift
	best= rss=0
	for _i in 1 2 3; do
		_s=$(date +%s%N)
		$gtime "$@" >"$tmp/out" 2>"$tmp/err" || true
		_e=$(date +%s%N)
		_t=$(( (_e - _s) / 1000000 ))
		if [ -z "$best" ] || [ "$_t" -lt "$best" ]; then best=$_t; fi
		[ -z "$gtime" ] || rss=$(awk -v r="$rss" \
		    '$1 ~ /^[0-9]+$/ && $1 > r { r = $1 } END { print r }' \
		    "$tmp/rss")
	done
}

has_index=no
"$dubao" --help | grep -q -- '--index' && has_index=yes
printf '%-14s %10s %8s %10s %8s %8s %s\n' pattern "grep -rF" lines \
    "dubao" matches ratio "peak kB grep/dubao"
compare() {
	mode=$1
	for pat in 女排 满洲里 发展 不存在的词语; do
		best grep grep -rF -- "$pat" "$tmp/lib"
		g=$best gl=$(wc -l <"$tmp/out") gr=$rss
		best dubao env XDG_CACHE_HOME="$tmp/cache" "$dubao" \
		    --grep="$pat" "$tmp/lib"
		d=$best dl=$(wc -l <"$tmp/out")
		printf '%-14s %8d ms %8d %7d ms %8d %7.2fx  %d/%d  %s\n' \
		    "$pat" "$g" "$gl" "$d" "$dl" "$(awk -v d="$d" -v g="$g" \
		    'BEGIN { print (g > 0 ? d / g : 0) }')" "$gr" "$rss" "$mode"
	done
}
compare unindexed
if [ "$has_index" = yes ]; then
	_s=$(date +%s%N)
	XDG_CACHE_HOME="$tmp/cache" "$dubao" --index "$tmp/lib" >/dev/null
	_e=$(date +%s%N)
	t=$(( (_e - _s) / 1000000 ))
	echo "first --index: $t ms, $(awk -v b="$bytes" -v t="$t" \
	    'BEGIN { printf "%.1f", b / 1e6 / (t / 1000) }') MB/s," \
	    "index $(du -sh "$tmp/cache" | cut -f1)"
	compare indexed
fi
