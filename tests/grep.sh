#!/bin/sh
# grep.sh -- dubao --grep=PATTERN: one line per match, DATE PAGE
# HEADLINE: …context…, with the context centred on the match and the line
# fitted to --width; exit 0 on a match, 1 on none, 2 on bad input or
# usage, like grep; folding (Traditional/Simplified, full width, white
# space between CJK) on the command line, and `set fold-variants no`.

: "${DUBAO:?}" "${top_srcdir:=.}"
data="$top_srcdir/tests/tui/data"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-grep.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
no() { echo "FAIL: $*"; fail=1; }

# status WANT ARGS...: run dubao with ARGS, output in $tmp/out.
status() {
	want=$1
	shift
	XDG_CONFIG_HOME="$tmp/config" "$DUBAO" "$@" >"$tmp/out" \
	    2>"$tmp/err" </dev/null
	got=$?
	[ "$got" -eq "$want" ] ||
	    no "dubao $*: exit $got, expected $want ($(head -c 200 "$tmp/err"))"
}

# An issue folder with a date, in Traditional characters, full-width
# Latin and a phrase that a column break cut with a line break.
mkdir -p "$tmp/2021-12-07" "$tmp/config/dubao" || exit 99
cat >"$tmp/2021-12-07/01.txt" <<'EOF'
第01版：要聞

滿洲裏口岸迎來首趟班列

本報記者 林曉舟

　　清晨六點，滿洲裏口岸的站台上，編號ＣＮ ８１的班列緩緩駛入。這是今年冬天開通的第一趟中歐班列，車廂裡裝著木材和機械零件，司機老周說，這條線路跑了十年，今天格外順利。

EOF

# The format, the page and the date, exit 0.
status 0 --grep=陈老师 "$data/two-pages.txt"
[ "$(wc -l <"$tmp/out")" -eq 3 ] || no "陈老师: $(wc -l <"$tmp/out") lines, expected 3"
grep -qv '^two-pages.txt 第0\{0,1\}[12]版 [^:]*: .*陈老师' "$tmp/out" &&
    no "陈老师: a line not DATE PAGE HEADLINE: context: $(cat "$tmp/out")"
grep -q '^two-pages.txt 第2版 ' "$tmp/out" || no "no match on page 2"
# No escape sequence when not asked for; bold red around the match when
# asked for.
grep -q "$(printf '\033')" "$tmp/out" && no "escape sequence in a pipe"
status 0 --color=always --grep=陈老师 "$data/two-pages.txt"
grep -q "$(printf '\033\\[1;31m陈老师\033\\[m')" "$tmp/out" ||
    no "--color=always: match not in colour"

# Folding on the command line: Simplified finds Traditional, half width
# finds full width, a Simplified phrase with the space of the original.
status 0 --grep=满洲里 "$tmp/2021-12-07"
[ "$(wc -l <"$tmp/out")" -eq 2 ] || no "满洲里: $(cat "$tmp/out")"
grep -q '^2021-12-07 第1版 滿洲裏口岸迎來[^:]*: 滿洲裏口岸' "$tmp/out" ||
    no "满洲里: headline line: $(cat "$tmp/out")"
status 0 --grep='cn 81' "$tmp/2021-12-07"
grep -q 'ＣＮ ８１' "$tmp/out" || no "cn 81: $(cat "$tmp/out")"
status 1 --grep='cn81' "$tmp/2021-12-07"
status 0 --grep='編號ＣＮ ８１的班列' "$tmp/2021-12-07"
status 0 --grep='车厢里装着木材' "$tmp/2021-12-07"
# set fold-variants no: Traditional and Simplified differ again.
echo 'set fold-variants no' >"$tmp/config/dubao/config"
status 1 --grep=满洲里 "$tmp/2021-12-07"
status 0 --grep=滿洲裏 "$tmp/2021-12-07"
rm "$tmp/config/dubao/config"

# The context is centred on the match and the line fits --width.
status 0 --width=40 --grep=零件 "$tmp/2021-12-07"
line=$(cat "$tmp/out")
case $line in
*': …'*'零件'*'…') ;;
*) no "--width=40: not centred with ellipses: $line" ;;
esac
w=$(LC_ALL=C.UTF-8 wc -L <"$tmp/out")
[ "$w" -le 40 ] || no "--width=40: a line of $w columns: $line"
[ "$w" -ge 36 ] || no "--width=40: only $w columns used: $line"
status 0 --width=300 --grep=零件 "$tmp/2021-12-07"
grep -q ': 清晨六點.*今天格外順利。$' "$tmp/out" ||
    no "--width=300: the whole paragraph should fit: $(cat "$tmp/out")"

# Exit status like grep's.
status 1 --grep=不存在的词语 "$data/two-pages.txt"
[ -s "$tmp/out" ] && no "no match printed something"
status 2 --grep=陈老师 "$tmp/no-such-file"
grep -q 'no-such-file' "$tmp/err" || no "missing file: no message"
status 2 --grep=陈老师 "$data/two-pages.txt" "$tmp/no-such-file"
status 2 --grep=' ' "$data/two-pages.txt"
status 2 --grep=陈老师 --dump "$data/two-pages.txt"
status 2 --grep
exit $fail
