#!/bin/sh
# The seed page (../shared/seed) must give its expected tree exactly, and
# so must the same page in the other shapes people keep it in (re-wrapped,
# re-encoded, other line ends, an issue folder): tests/reshape.py writes
# them, tests/score.py compares field by field.
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
seed="$top_srcdir/../shared/seed/000_4b26129b71a72054"
[ -f "$seed.txt" ] || { echo "no ../shared/seed: skipped"; exit 77; }
command -v python3 >/dev/null 2>&1 || exit 77

exp="$seed.expected.json"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0

. "$top_srcdir/tests/score-lib.sh"

check seed 100 "$seed.txt"
python3 "$top_srcdir/tests/reshape.py" "$seed.txt" "$tmp/shapes" || exit 99
for s in crlf cr bom utf16le utf16be wrap20 wrap33 wrap57; do
	check "$s" 100 "$tmp/shapes/$s.txt" --ignore=encoding
done
check gb18030 100 "$tmp/shapes/gb18030.txt" --ignore=encoding
grep -q '"encoding": "GB18030"' "$tmp/gb18030.json" ||
    { echo "FAIL gb18030: encoding not reported as GB18030"; fail=1; }
# Without blank lines a heading that fills a whole line cannot be told
# from a paragraph's first line; these shapes are held to 97%.
for s in indent20 indent33 indent57; do
	check "$s" 97 "$tmp/shapes/$s.txt" --ignore=encoding
done
check folder 100 "$tmp/shapes/2021-12-07" --ignore=encoding,date,number
# In Traditional characters and Big5, as a Taiwan or Hong Kong reader
# keeps it: the expected tree goes through the same conversion.
if command -v opencc >/dev/null 2>&1 && command -v iconv >/dev/null 2>&1
then
	opencc -c s2tw -i "$seed.txt" -o "$tmp/tw.txt" &&
	    opencc -c s2tw -i "$seed.expected.json" -o "$tmp/tw.json" &&
	    iconv -f UTF-8 -t BIG5 "$tmp/tw.txt" >"$tmp/big5.txt" || exit 99
	exp="$tmp/tw.json"
	check traditional 100 "$tmp/tw.txt"
	check big5 100 "$tmp/big5.txt" --ignore=encoding
	grep -q '"encoding": "BIG5"' "$tmp/big5.json" ||
	    { echo "FAIL big5: encoding not reported as BIG5"; fail=1; }
else
	echo "no opencc or iconv: Traditional/Big5 shape not tried"
fi
grep -q '"date": "2021-12-07"' "$tmp/folder.json" ||
    { echo "FAIL folder: date not taken from the folder name"; fail=1; }
exit $fail
