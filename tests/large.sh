#!/bin/sh
# large.sh -- a page dump of 4 MB or more is read and parsed chunk by
# chunk (src/loader-read.c); it must give exactly the tree the same bytes
# give when read whole (standard input is always read whole), for a
# plain file and for the files that must fall back to a whole read: an
# invalid byte, a NUL byte or a cut character near the end, a BOM, CRLF
# line ends, and a first page longer than a chunk.
: "${top_srcdir:=.}" "${DUBAO:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-large.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

# The sample issue 336 times, form feeds between the copies: 4.4 MB.
printf '\f' >"$tmp/ff"
cat "$top_srcdir/data/sample.txt" "$tmp/ff" >"$tmp/p16"
for i in 1 2 3 4; do
	cat "$tmp/p16" "$tmp/p16" >"$tmp/x" && mv "$tmp/x" "$tmp/p16"
done
# Then a page whose article has no headline: a note with its line number,
# counted across every chunk before it.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21; do
	cat "$tmp/p16"
done >"$tmp/plain"
printf '　　这一段正文前面没有标题，只有一段话。\n' >>"$tmp/plain"
[ "$(wc -c <"$tmp/plain")" -gt 4194304 ] || { echo "input too small"; exit 99; }
tail="$top_srcdir/data/sample.txt"
{ cat "$tmp/plain"; printf 'bad \377 byte\n'; cat "$tail"; } >"$tmp/invalid"
{ cat "$tmp/plain"; printf 'a NUL \000 byte\n'; cat "$tail"; } >"$tmp/nul"
{ cat "$tmp/plain"; printf '\344\270'; } >"$tmp/cut"
{ printf '\357\273\277'; cat "$tmp/plain"; } >"$tmp/bom"
sed 's/$/\r/' "$tmp/plain" >"$tmp/crlf"
{ i=0; while [ $i -lt 120 ]; do cat "$tail"; i=$((i + 1)); done
  cat "$tmp/plain"; } >"$tmp/longpage"

# The whole tree for the plain file and one that falls back, the --check
# summary and diagnostics (file:line) for all.
for f in plain invalid nul cut bom crlf longpage; do
	modes=--check
	case $f in plain | invalid) modes="--dump=json --check" ;; esac
	for mode in $modes; do
		"$DUBAO" $mode "$tmp/$f" >"$tmp/file.out" 2>"$tmp/file.err"
		s1=$?
		"$DUBAO" $mode - <"$tmp/$f" >"$tmp/stdin.out" 2>"$tmp/stdin.err"
		s2=$?
		# Only the name differs: the path, or "-".
		sed "s|$tmp/$f|-|g" "$tmp/file.out" >"$tmp/file.norm"
		sed "s|$tmp/$f|-|g" "$tmp/file.err" >"$tmp/file.enorm"
		if [ $s1 -ne $s2 ] || ! cmp -s "$tmp/file.norm" "$tmp/stdin.out" ||
		    ! cmp -s "$tmp/file.enorm" "$tmp/stdin.err"; then
			echo "FAIL: $f $mode: read in chunks ($s1) differs from" \
			    "read whole ($s2)"
			diff "$tmp/file.norm" "$tmp/stdin.out" | head -n 5
			diff "$tmp/file.enorm" "$tmp/stdin.err" | head -n 5
			fail=1
		fi
	done
done
exit $fail
