#!/bin/sh
# layout.sh -- layout speed (issue 4): a 28 MB single-line CJK file laid
# out in one go (target: under 2 s), and a whole issue (8 copies of the
# seed page, about 110 KB in 30 articles) laid out again on each resize
# (target: under 5 ms). Also times `dubao --dump=text` on the big file.
# Usage: bench/layout.sh BUILDDIR   (a configured and built tree)
# Needs cc, python3 and ../shared/seed next to the source tree.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: layout.sh BUILDDIR}" && pwd)
page=$(ls "$top"/../shared/seed/*.txt | head -n 1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -I"$build" -I"$top/src" -o "$tmp/layout-bench" \
    "$top/bench/layout-bench.c" "$build/src/libdubao.a" -lunistring
# The seed page's text without line ends, repeated to 28 MB: one line.
python3 -c "import sys; d=open(sys.argv[1],'rb').read().replace(b'\n', b''); \
open(sys.argv[2],'wb').write(d * (28000000 // len(d) + 1))" "$page" \
    "$tmp/line.txt"
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); \
open(sys.argv[2],'wb').write(d * 8)" "$page" "$tmp/issue.txt"
"$tmp/layout-bench" line "$tmp/line.txt"
"$tmp/layout-bench" issue "$tmp/issue.txt" 30
# End to end, loader included: the wall time of the whole program.
printf 'dubao --dump=text --width=80 on the 28 MB line: '
s=$(date +%s%N)
LC_ALL=C.UTF-8 "$build/src/dubao" --dump=text --width=80 "$tmp/line.txt" \
    >"$tmp/out.txt"
e=$(date +%s%N)
echo "$(( (e - s) / 1000000 )) ms, $(wc -l <"$tmp/out.txt") lines"
