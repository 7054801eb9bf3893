#!/bin/sh
# check-po.sh -- po/POTFILES.in is complete and true: every file under
# src/ that marks strings for translation (_(, N_( or P_( ) is listed, and
# every listed file exists. Otherwise xgettext would silently miss
# messages, or "make update-po" would fail. Prints the names and exits 1
# when the list is wrong.
# Usage: check-po.sh [TOPDIR]   (default $top_srcdir)
: "${top_srcdir:=.}"

# List problems for the tree at $1 on stdout; return 1 if there are any.
po_check() {
	top=$1
	list=$top/po/POTFILES.in
	bad=0
	if [ ! -f "$list" ]; then
		echo "check-po: $list is missing"
		return 1
	fi
	# Listed files: drop comments and blank lines.
	sed -e 's/#.*//' -e 's/[ \t]*$//' -e '/^$/d' "$list" >"$tmp/listed"
	while IFS= read -r f; do
		if [ ! -f "$top/$f" ]; then
			echo "check-po: $f is listed in po/POTFILES.in but" \
			    "does not exist"
			bad=1
		fi
	done <"$tmp/listed"
	# Files that use the gettext markers.
	for f in "$top"/src/*.c "$top"/src/*.h; do
		[ -f "$f" ] || continue
		rel=src/${f##*/}
		[ "$rel" = src/i18n.h ] && continue	# defines _() itself
		grep -Eq '(^|[^A-Za-z0-9_])[NP]?_\(' "$f" || continue
		if ! grep -Fxq "$rel" "$tmp/listed"; then
			echo "check-po: $rel uses _() or N_() but is not" \
			    "listed in po/POTFILES.in"
			bad=1
		fi
	done
	return $bad
}

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# Self-test on a small wrong tree: one unlisted file, one listed file
# that is gone, one listed file that is fine.
mkdir -p "$tmp/t/src" "$tmp/t/po" || exit 99
printf 'x = _("a");\n' >"$tmp/t/src/a.c"
printf 'x = N_("b");\n' >"$tmp/t/src/b.c"
printf 'x = my_("c");\n' >"$tmp/t/src/c.c"
printf '# comment\nsrc/a.c\nsrc/gone.c\n' >"$tmp/t/po/POTFILES.in"
po_check "$tmp/t" >"$tmp/self"
if [ "$(grep -c '^check-po:' "$tmp/self")" -ne 2 ] ||
    ! grep -q 'src/b.c' "$tmp/self" || ! grep -q 'src/gone.c' "$tmp/self"
then
	echo "check-po: self-test failed; expected src/b.c and src/gone.c," \
	    "got:"
	cat "$tmp/self"
	exit 99
fi

[ -d "$top_srcdir/src" ] || { echo "check-po: no $top_srcdir/src"; exit 99; }
po_check "$top_srcdir" >"$tmp/out"
status=$?
cat "$tmp/out"
[ $status -eq 0 ] && echo "check-po: po/POTFILES.in ok ($(wc -l <"$tmp/listed") files)"
exit $status
