#!/bin/sh
# Golden layouts: tests/golden/layout/mixed.txt (every non-empty line a
# paragraph) laid out at a few widths must print exactly mixed.wN.
# UPDATE_GOLDEN=1 rewrites the expected files, to be reviewed in the diff.
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
		cp "$out" "$dir/mixed.w$w"
	elif ! diff -u "$dir/mixed.w$w" "$out"; then
		fail=1
	fi
done
exit $fail
