#!/bin/sh
# check-translations.sh -- every catalog named in po/LINGUAS is complete
# for the sources as they are now, not as they were at the last
# "make update-po":
#  - msgfmt -c accepts it and counts no fuzzy and no untranslated
#    messages;
#  - every msgid that a fresh xgettext run over po/POTFILES.in finds is
#    translated in it (msgcmp without fuzzy matching);
#  - each translation keeps the leading and trailing spaces of its msgid,
#    and continuation lines of the --help option table keep their indent,
#    so that indented and aligned output stays aligned.
# A self-test on small made-up catalogs runs first, so that the check is
# known to fail on a missing, a fuzzy and a misaligned entry.
# Skips (77) when the gettext tools are not installed.
: "${top_srcdir:=.}"
: "${top_builddir:=.}"

for t in xgettext msgfmt msgcmp msgcat; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "check-translations: $t not found, skipped"
		exit 77
	fi
done
unset LANGUAGE

tmp=$(mktemp -d "$top_builddir/check-translations.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# Print entries of catalog $1 whose msgstr does not start and end with
# the same spaces as the msgid, or whose --help continuation lines (28
# spaces in the msgid) lost that indent.
ws_check() {
	msgcat --no-wrap "$1" | awk -v file="$1" '
	function flush() {
		if (state == "str" && id != "" && str != "") {
			if (lead(id) != lead(str) || trail(id) != trail(str))
				printf "%s: spaces around the translation of " \
				    "\"%s\" differ from the msgid\n", file, id
			if (index(id, "\\n" pad) > 0 &&
			    (index(str, "\\n" pad) == 0 ||
			    index(str, "\\n" pad " ") > 0))
				printf "%s: --help continuation lines of " \
				    "\"%s\" must start at column 29\n", file, id
		}
		id = str = ""
		state = ""
	}
	function lead(s) { match(s, /^ */); return RLENGTH }
	function trail(s) { match(s, / *(\\n)*$/); return substr(s, RSTART) }
	function body(s) { sub(/^[^"]*"/, "", s); sub(/"$/, "", s); return s }
	BEGIN { pad = sprintf("%28s", "") }
	/^#~/ { next }
	/^msgid / { flush(); state = "id"; id = body($0); next }
	/^msgid_plural / { next }
	/^msgstr(\[0\])? / { state = "str"; str = body($0); next }
	/^"/ {
		if (state == "id")
			id = id body($0)
		else if (state == "str")
			str = str body($0)
		next
	}
	{ flush() }
	END { flush() }'
}

# Check catalog $1 against the template $2; print the problems and
# return 1 if there are any.
po_check() {
	bad=0
	if ! stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$1" 2>&1)
	then
		printf '%s\n' "$stats"
		echo "check-translations: msgfmt -c rejects $1"
		bad=1
	fi
	case $stats in
	*fuzzy*|*untranslated*)
		echo "check-translations: $1: $stats"
		bad=1
		;;
	esac
	if ! LC_ALL=C msgcmp -N "$1" "$2" >"$tmp/cmp" 2>&1; then
		# Name the message, not a line of the temporary template.
		awk -v pot="$2" -v po="$1" '
		/this message is used but not defined/ {
			n = $0
			sub(/: this message.*/, "", n)
			sub(/.*:/, "", n)
			want[n + 0] = 1
			next
		}
		/is not used|^msgcmp: found / { next }
		{ print }
		END {
			while ((getline l <pot) > 0)
				line[++nl] = l
			for (n in want) {
				i = n
				while (i > 1 && line[i] !~ /^msgid /)
					i--
				s = substr(line[i], 7)
				while (line[++i] ~ /^"/)
					s = substr(s, 1, length(s) - 1) \
					    substr(line[i], 2)
				printf "%s: no translation of %s\n", po, s
			}
		}' "$tmp/cmp"
		echo "check-translations: $1 lacks translations of current" \
		    "messages (run \"make -C po update-po\" and translate)"
		bad=1
	fi
	ws_check "$1" >"$tmp/ws"
	if [ -s "$tmp/ws" ]; then
		cat "$tmp/ws"
		bad=1
	fi
	return $bad
}

# Self-test: a template of three messages, a complete catalog that must
# pass, and four broken copies that must fail.
cat >"$tmp/ref.pot" <<'EOF'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#, c-format
msgid "page %d"
msgstr ""

#, c-format
msgid "  %zu articles\n"
msgstr ""

msgid ""
"      --x=N     one\n"
"                            two\n"
msgstr ""
EOF
good='msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=1; plural=0;\n"

#, c-format
msgid "page %d"
msgstr "第%d版"
'
opt='
msgid ""
"      --x=N     one\n"
"                            two\n"
msgstr ""
"      --x=N     一\n"
"                            二\n"
'
printf '%s\n#, c-format\nmsgid "  %%zu articles\\n"\nmsgstr "  %%zu 篇\\n"\n%s' \
    "$good" "$opt" >"$tmp/good.po"
printf '%s%s' "$good" "$opt" >"$tmp/missing.po"
printf '%s\n#, fuzzy, c-format\nmsgid "  %%zu articles\\n"\nmsgstr "  %%zu 篇\\n"\n%s' \
    "$good" "$opt" >"$tmp/fuzzy.po"
printf '%s\n#, c-format\nmsgid "  %%zu articles\\n"\nmsgstr "%%zu 篇\\n"\n%s' \
    "$good" "$opt" >"$tmp/space.po"
printf '%s\n#, c-format\nmsgid "  %%zu articles\\n"\nmsgstr "  %%zu 篇\\n"\n%s' \
    "$good" "$(printf '%s' "$opt" | sed 's/^"      *二/"  二/')" \
    >"$tmp/indent.po"
if ! po_check "$tmp/good.po" "$tmp/ref.pot" >"$tmp/self"; then
	cat "$tmp/self"
	echo "check-translations: self-test: a complete catalog failed"
	exit 99
fi
for b in missing fuzzy space indent; do
	if po_check "$tmp/$b.po" "$tmp/ref.pot" >"$tmp/self" 2>&1; then
		echo "check-translations: self-test: the $b catalog passed"
		exit 99
	fi
done

# The real catalogs against the sources as they are now.
list=$top_srcdir/po/POTFILES.in
sed -e 's/#.*//' -e 's/[ \t]*$//' -e '/^$/d' "$list" >"$tmp/files" ||
    exit 99
xgettext --keyword=_ --keyword=N_ --keyword=P_:1,2 --from-code=UTF-8 -D "$top_srcdir" \
    -f "$tmp/files" -o "$tmp/fresh.pot" || exit 99
if [ ! -s "$tmp/fresh.pot" ]; then
	echo "check-translations: xgettext found no messages in the files" \
	    "of po/POTFILES.in"
	exit 1
fi
nmsg=$(grep -c '^msgid ' "$tmp/fresh.pot")
langs=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")
if [ -z "$langs" ]; then
	echo "check-translations: po/LINGUAS names no catalog"
	exit 1
fi
status=0
for l in $langs; do
	po=$top_srcdir/po/$l.po
	if [ ! -f "$po" ]; then
		echo "check-translations: po/$l.po is missing"
		status=1
		continue
	fi
	if po_check "$po" "$tmp/fresh.pot"; then
		echo "check-translations: po/$l.po complete" \
		    "($((nmsg - 1)) messages)"
	else
		status=1
	fi
done
exit $status
