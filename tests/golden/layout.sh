#!/bin/sh
# Golden layouts: tests/golden/layout/mixed.txt (every non-empty line a
# paragraph) laid out at a few widths must print exactly mixed.wN, less
# the header of lines beginning with # that says how the file was checked.
# UPDATE_GOLDEN=1 rewrites the expected files with a header saying they
# are not checked yet: check them by hand, then say so in the header.
: "${top_srcdir:=.}" "${top_builddir:=.}"
check="$top_builddir/tests/layout-check"
dir="$top_srcdir/tests/golden/layout"
[ -x "$check" ] || { echo "no $check"; exit 99; }
out=$(mktemp) || exit 99
trap 'rm -f "$out"' EXIT
fail=0
for w in 8 20 33 57 80; do
	"$check" print "$dir/mixed.txt" $w >"$out" || exit 99
	if [ -n "$UPDATE_GOLDEN" ]; then
		{ echo "# Written by UPDATE_GOLDEN=1; not checked by hand yet."
		  cat "$out"; } >"$dir/mixed.w$w"
	elif ! awk 'body || !/^#/ { body = 1; print }' "$dir/mixed.w$w" |
	    diff -u - "$out"; then
		fail=1
	fi
done
exit $fail
