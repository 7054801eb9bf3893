#!/bin/sh
# Golden tree of the bundled sample issue: data/sample.txt must give
# tests/golden/sample.expected.json (written by hand) field for field, and
# so must the same issue in every other shape (re-wrapped, indented
# without blank lines, other line ends, UTF-16, GB18030, an issue folder).
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
command -v python3 >/dev/null 2>&1 || { echo "no python3"; exit 77; }
exp="$top_srcdir/tests/golden/sample.expected.json"
sample="$top_srcdir/data/sample.txt"

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0

. "$top_srcdir/tests/score-lib.sh"

check sample 100 "$sample"
python3 "$top_srcdir/tests/reshape.py" "$sample" "$tmp/shapes" || exit 99
for s in crlf cr bom utf16le utf16be gb18030 wrap20 wrap33 wrap57; do
	check "$s" 100 "$tmp/shapes/$s.txt" --ignore=encoding
done
for s in indent20 indent33 indent57; do
	check "$s" 97 "$tmp/shapes/$s.txt" --ignore=encoding
done
check folder 100 "$tmp/shapes/2021-12-07" --ignore=encoding,date
exit $fail
