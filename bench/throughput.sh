#!/bin/sh
# throughput.sh -- `dubao --dump=text --width=40` against `wc -m` on the
# same 100 MB page dump, side by side in one run (issue 13: dubao must
# take at most twice the time of wc -m), and, when w3m is installed,
# against `w3m -dump -cols 40` laying out the same text as HTML (one
# paragraph a line: w3m does not wrap text/plain). The input is the
# bundled sample issue repeated, form feeds between the copies, so every
# page is a real page and the benchmark needs nothing but this tree.
#
# Usage: bench/throughput.sh BUILDDIR [MB [ROUNDS]]   (default 100 MB, 5)
# The programs run in turn, ROUNDS times each; the best CPU time
# (user + sys) and the best elapsed time of each are kept, because other
# work on the machine only ever adds time. Peak memory is GNU time's
# maximum resident set size. Needs /usr/bin/time; w3m is optional.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: throughput.sh BUILDDIR [MB [ROUNDS]]}" && pwd)
mb=${2:-100}
rounds=${3:-5}
dubao=$build/src/dubao
[ -x "$dubao" ] || { echo "no $dubao: build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time in /usr/bin/time" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8

awk -v n="$mb" -v f="$top/data/sample.txt" 'BEGIN {
	while ((getline l < f) > 0) s = s l "\n"
	copies = int(n * 1000000 / length(s)) + 1
	for (i = 0; i < copies; i++)
		printf "%s%s", (i ? "\f" : ""), s
}' >"$tmp/in.txt"
bytes=$(wc -c <"$tmp/in.txt")
cat "$tmp/in.txt" >/dev/null	# into the page cache for both
w3m=$(command -v w3m || :)
[ -n "$w3m" ] && awk '{
	gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/>/, "\\&gt;")
	gsub(/\f/, ""); print "<p>" $0
}' "$tmp/in.txt" >"$tmp/in.html"

# run NAME CMD...: one timed run; appends "NAME cpu elapsed rss" to times.
run() {
	name=$1
	shift
	/usr/bin/time -f "$name %U %S %e %M" -a -o "$tmp/times" "$@" \
	    >/dev/null 2>&1
}
i=0
while [ "$i" -lt "$rounds" ]; do
	run wc wc -m "$tmp/in.txt"
	run dubao "$dubao" --dump=text --width=40 "$tmp/in.txt"
	[ -z "$w3m" ] ||
	    run w3m "$w3m" -dump -cols 40 -T text/html "$tmp/in.html"
	i=$((i + 1))
done
awk -v bytes="$bytes" '
{
	cpu = $2 + $3
	if (!($1 in c) || cpu < c[$1]) c[$1] = cpu
	if (!($1 in e) || $4 < e[$1]) e[$1] = $4
	if ($5 > r[$1]) r[$1] = $5
}
END {
	mb = bytes / 1e6
	printf "input: %.1f MB page dump (data/sample.txt repeated)\n", mb
	printf "%-28s %8s %8s %9s %10s\n", "", "CPU s", "wall s",
	    "CPU MB/s", "peak RSS"
	printf "%-28s %8.2f %8.2f %9.1f %7.1f MB\n", "wc -m", c["wc"],
	    e["wc"], mb / c["wc"], r["wc"] / 1024
	printf "%-28s %8.2f %8.2f %9.1f %7.1f MB (%.2f x input)\n",
	    "dubao --dump=text --width=40", c["dubao"], e["dubao"],
	    mb / c["dubao"], r["dubao"] / 1024, r["dubao"] * 1024 / bytes
	printf "dubao / wc -m: %.2f x CPU time, %.2f x elapsed\n",
	    c["dubao"] / c["wc"], e["dubao"] / e["wc"]
	if ("w3m" in c) {
		printf "%-28s %8.2f %8.2f %9.1f %7.1f MB\n",
		    "w3m -dump -cols 40 (HTML)", c["w3m"], e["w3m"],
		    mb / c["w3m"], r["w3m"] / 1024
		printf "dubao / w3m: %.2f x CPU time, %.2f x elapsed\n",
		    c["dubao"] / c["w3m"], e["dubao"] / e["w3m"]
	} else
		print "w3m not installed: not measured"
}' "$tmp/times"
