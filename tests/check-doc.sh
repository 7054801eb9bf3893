#!/bin/sh
# check-doc.sh -- "dubao --help", the man page and the README cannot drift
# apart:
#   - every long option that --help prints is a tag of the man page's
#     OPTIONS section, spelled the same way with its argument
#     (--dump[=FORMAT], --ambiguous-width=auto|1|2);
#   - every option tag of the man page's OPTIONS section is printed by
#     --help;
#   - the defaults that --help states ("default 80") are the ones the
#     man page states for the same options;
#   - every long option that --help prints is named in README.
# The man page is read from its source (no groff needed).
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
man=$top_srcdir/doc/dubao.1
readme=$top_srcdir/README

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# Long options of "dubao --help": the first --word of each option line,
# with its argument, one a line, sorted.
doc_help_options() {
	sed -n 's/^ \{2,\}\(-[A-Za-z0-9], \)\{0,1\}\(--[a-z][a-z0-9-]*[^ ,]*\).*/\2/p' |
	    sort -u
}

# Long options of the tags (the line after .TP) of the OPTIONS section of
# a man page source on standard input, rendered as a reader sees them:
# font macros joined (.BR/.BI/... without spaces), \c continued, escapes
# removed.
doc_man_options() {
	awk -v mode="${1:-opts}" '
	function render(s,    macro, out, arg, alt, n, c, i, q) {
		if (s !~ /^\./)
			return s
		macro = s
		sub(/[ \t].*/, "", macro)
		s = substr(s, length(macro) + 1)
		alt = (length(macro) == 3)	# .BR .BI .IR .RB .RI .IB .IR
		out = ""; n = 0; arg = ""; q = 0
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\"") { q = !q; continue }
			if (!q && (c == " " || c == "\t")) {
				if (arg != "") {
					out = out (n > 0 && !alt ? " " : "") arg
					n++
				}
				arg = ""
				continue
			}
			arg = arg c
		}
		if (arg != "")
			out = out (n > 0 && !alt ? " " : "") arg
		return out
	}
	function clean(s) {
		gsub(/\\-/, "-", s)
		gsub(/\\f[BIRP]/, "", s)
		gsub(/\\&/, "", s)
		gsub(/\\\|/, "", s)
		return s
	}
	# Print the options of the finished tag (mode opts), or each option
	# name with the default its description states (mode defaults).
	function flush(    t, o, d) {
		if (tag == "")
			return
		t = tag
		d = ""
		if (match(desc, /[Dd]efault[,:]? +[A-Za-z0-9]+/)) {
			d = substr(desc, RSTART, RLENGTH)
			sub(/.* /, "", d)
		}
		while (match(t, /--[a-z][a-z0-9-]*[^ ,]*/)) {
			o = substr(t, RSTART, RLENGTH)
			t = substr(t, RSTART + RLENGTH)
			if (mode == "opts")
				print o
			else if (d != "") {
				sub(/[[=].*/, "", o)
				print o "\t" d
			}
		}
		tag = ""
		desc = ""
	}
	/^\.SH/ {
		if (insec)
			flush()
		insec = ($0 ~ /^\.SH[ \t]+"?OPTIONS"?[ \t]*$/)
		want = 0
		next
	}
	!insec { next }
	/^\.TP/ { flush(); want = 1; tag = ""; next }
	want {
		t = render($0)
		if (t ~ /\\c$/) {
			tag = tag substr(t, 1, length(t) - 2)
			next
		}
		tag = clean(tag t)
		want = 0
		next
	}
	/^\.(PP|P|LP|RS|RE|IP)/ { next }
	tag != "" { desc = desc " " clean(render($0)) }
	END { if (insec) flush() }' | sort -u
}

# "--option<TAB>default" for every option whose --help text on standard
# input states a default ("default 80", "default auto").
doc_help_defaults() {
	awk '
	function flush(    d) {
		if (opt != "" && match(desc, /[Dd]efault[,:]? +[A-Za-z0-9]+/)) {
			d = substr(desc, RSTART, RLENGTH)
			sub(/.* /, "", d)
			print opt "\t" d
		}
		opt = ""
		desc = ""
	}
	/^  +(-[A-Za-z0-9], )?--[a-z]/ {
		flush()
		s = $0
		sub(/^ +(-[A-Za-z0-9], )?/, "", s)
		opt = s
		sub(/[[= ].*/, "", opt)
		sub(/^[^ ]*/, "", s)
		desc = s
		next
	}
	/^      +[^ -]/ { if (opt != "") desc = desc " " $0; next }
	{ flush() }
	END { flush() }' | sort -u
}

# Self-test of the man page reader on the forms doc/dubao.1 uses.
cat >"$tmp/self.1" <<'EOF'
.SH OPTIONS
.TP
.BR \-\-dump [ =\c
.IR FORMAT ]
text
.TP
.BI \-\-width= N
Columns (default 80).
.TP
.BR \-\-color= auto | always | never
The default,
.BR auto ,
asks.
.TP
.BR \-h ", " \-\-help
.SH KEYS
.TP
.B \-\-not\-an\-option
EOF
printf '%s\n' '--color=auto|always|never' '--dump[=FORMAT]' '--help' \
    '--width=N' | sort >"$tmp/self.want"
doc_man_options <"$tmp/self.1" >"$tmp/self.got"
printf -- '--color\tauto\n--width\t80\n' >>"$tmp/self.want"
doc_man_options defaults <"$tmp/self.1" >>"$tmp/self.got"
if ! cmp -s "$tmp/self.want" "$tmp/self.got"; then
	echo "check-doc: self-test of the man page reader failed:"
	diff "$tmp/self.want" "$tmp/self.got"
	exit 99
fi

[ -f "$man" ] || { echo "check-doc: $man is missing"; exit 1; }
[ -f "$readme" ] || { echo "check-doc: $readme is missing"; exit 1; }
if ! "$DUBAO" --help >"$tmp/help"; then
	echo "check-doc: $DUBAO --help failed"
	exit 1
fi
doc_help_options <"$tmp/help" >"$tmp/help.opts"
doc_man_options <"$man" >"$tmp/man.opts"
if ! grep -qx -- '--help' "$tmp/help.opts" ||
    ! grep -qx -- '--version' "$tmp/help.opts"; then
	echo "check-doc: no --help and --version in the output of --help:"
	cat "$tmp/help"
	exit 1
fi

fail=0
for o in $(comm -23 "$tmp/help.opts" "$tmp/man.opts"); do
	echo "check-doc: $o is in --help but not in the OPTIONS of doc/dubao.1"
	fail=1
done
for o in $(comm -13 "$tmp/help.opts" "$tmp/man.opts"); do
	echo "check-doc: $o is in the OPTIONS of doc/dubao.1 but not in --help"
	fail=1
done
doc_help_defaults <"$tmp/help" >"$tmp/help.defaults"
doc_man_options defaults <"$man" >"$tmp/man.defaults"
comm -23 "$tmp/help.defaults" "$tmp/man.defaults" |
while IFS="$(printf '\t')" read -r o d; do
	echo "check-doc: --help gives $o the default '$d'; doc/dubao.1 does not"
	echo x >>"$tmp/bad.defaults"
done
comm -13 "$tmp/help.defaults" "$tmp/man.defaults" |
while IFS="$(printf '\t')" read -r o d; do
	echo "check-doc: doc/dubao.1 gives $o the default '$d'; --help does not"
	echo x >>"$tmp/bad.defaults"
done
[ -f "$tmp/bad.defaults" ] && fail=1
while IFS= read -r o; do
	name=$(printf '%s\n' "$o" | sed 's/=.*//; s/\[.*//')
	if ! grep -q -e "$name\$" -e "$name[^a-z0-9-]" "$readme"; then
		echo "check-doc: $name is in --help but not in README"
		fail=1
	fi
done <"$tmp/help.opts"
[ $fail -eq 0 ] &&
    echo "check-doc: $(wc -l <"$tmp/help.opts") options and" \
    "$(wc -l <"$tmp/help.defaults") defaults agree in --help," \
    "doc/dubao.1 and README"
exit $fail
