#!/bin/sh
# seed-search.sh -- the folding cases of issue 11 on the real seed page
# (../shared/seed), through dubao --grep, with the original characters
# highlighted: 国防报 finds 中國國防報, 滿洲裏 finds 满洲里, ＣＮ ８１ finds
# CN 81, and 老兵码”运行体系 is found although a column break cuts it in
# the file. The same queries on the page hard-wrapped at 20 and 33
# characters (tests/reshape.py), where line breaks cut the phrases too.
# ＣＮ８１ finds CN81; 一帶一路 finds every 一带一路 of a People's Daily
# issue of ../shared/corpus.

: "${DUBAO:?}" "${top_srcdir:=.}"
seed="$top_srcdir/../shared/seed/000_4b26129b71a72054.txt"
[ -f "$seed" ] || { echo "no ../shared/seed: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-seed-search.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
no() { echo "FAIL: $*"; fail=1; }
hl() { printf '\033[1;31m%s\033[m' "$1"; }

# found FILE QUERY HIGHLIGHT [LINES]: --grep finds QUERY in FILE and
# highlights HIGHLIGHT (the original text) LINES times (default: once or
# more).
found() {
	XDG_CONFIG_HOME="$tmp/none" "$DUBAO" --color=always --width=120 \
	    --grep="$2" "$1" >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "$st" -eq 0 ] || { no "$1: $2: exit $st"; return; }
	n=$(grep -cF -- "$(hl "$3")" "$tmp/out")
	if [ -n "$4" ] && [ "$n" -ne "$4" ]; then
		no "$1: $2: $3 highlighted on $n lines, expected $4"
		sed 's/^/  /' "$tmp/out"
	elif [ "$n" -eq 0 ]; then
		no "$1: $2: $3 not highlighted"
		sed 's/^/  /' "$tmp/out"
	fi
}

# The phrase is cut in the file itself: plain grep cannot find it.
grep -qF '老兵码”运行体系' "$seed" && no "the seed no longer cuts the phrase"

check_page() {
	if grep -q 'define HAVE_OPENCC 1' "${top_builddir:-.}/config.h"; then
		found "$1" 国防报 國防報 1
		found "$1" 滿洲裏 满洲里 3
	else
		echo "built without OpenCC: Traditional/Simplified not tried"
	fi
	found "$1" 'ＣＮ ８１' 'CN 81' 1
	found "$1" '老兵码”运行体系' '老兵码”运行体系' 1
	found "$1" '"老兵码"' '“老兵码”' 5
}

check_page "$seed"

# ＣＮ８１ finds CN81 (NFKC) in a line of our own.
mkdir -p "$tmp/2021-12-08" || exit 99
printf '第01版：要闻\n\n新型机车\n\n　　型号CN81的机车今天出厂。\n' \
    >"$tmp/2021-12-08/01.txt"
found "$tmp/2021-12-08" 'ＣＮ８１' CN81 1

# 一帶一路 on a real People's Daily issue (../shared/corpus): finds every
# 一带一路 that plain grep finds in its files (a line break may cut more),
# each highlighted.
corpus="$top_srcdir/../shared/corpus/rmrb-caspiankexin/2019年2月/20190201"
if [ -d "$corpus" ] &&
    grep -q 'define HAVE_OPENCC 1' "${top_builddir:-.}/config.h"; then
	n=$(cat "$corpus"/*.txt | grep -o 一带一路 | wc -l)
	[ "$n" -gt 0 ] || no "no 一带一路 in $corpus"
	found "$corpus" 一帶一路 一带一路
	m=$(grep -oF "$(hl 一带一路)" "$tmp/out" | wc -l)
	[ "$m" -ge "$n" ] || no "一帶一路: $m highlighted, grep finds $n"
fi
if command -v python3 >/dev/null 2>&1; then
	python3 "$top_srcdir/tests/reshape.py" "$seed" "$tmp/shapes" || exit 99
	check_page "$tmp/shapes/wrap20.txt"
	check_page "$tmp/shapes/wrap33.txt"
fi
exit $fail
