#!/bin/sh
# cli.sh -- exit codes and messages of the command line: bad input (a
# path that does not exist, an empty file, a binary file, a folder without
# text files) exits 1 with "dubao: PATH: reason" and never crashes; bad
# usage exits 2; --help and --version exit 0; --check exits 0 when clean
# and 1 with file:line:col diagnostics; input shapes (standard input,
# issue folders dated by name, symbolic link loops) load; several issues
# dump with headings; config mistakes are all reported with file:line; a
# page without a number is "page N" everywhere.

: "${DUBAO:?}" "${top_srcdir:=.}"
case $top_srcdir in /*) ;; *) top_srcdir=$(pwd)/$top_srcdir ;; esac
XDG_CACHE_HOME=$(mktemp -d "${TMPDIR:-/tmp}/dubao-cli-xdg.XXXXXX") || exit 99
XDG_CONFIG_HOME=$XDG_CACHE_HOME/config XDG_STATE_HOME=$XDG_CACHE_HOME/state
export XDG_CACHE_HOME XDG_CONFIG_HOME XDG_STATE_HOME
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-cli.XXXXXX") || exit 99
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp" "$XDG_CACHE_HOME"' EXIT INT TERM
cd "$tmp" || exit 99
fail=0

# expect STATUS PATTERN ARGS...: run dubao, compare the exit status and
# look for the extended regular expression PATTERN in stderr (or stdout
# for status 0); PATTERN "" checks the status only.
expect() {
	want=$1 pat=$2
	shift 2
	"$DUBAO" "$@" >out 2>err </dev/null
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "FAIL: dubao $*: exit $got, expected $want"
		sed 's/^/  stderr: /' err | head -5
		fail=1
		return
	fi
	[ -z "$pat" ] && return
	if [ "$want" -eq 0 ]; then f=out; else f=err; fi
	if ! grep -Eq -- "$pat" "$f"; then
		echo "FAIL: dubao $*: no /$pat/ in $f:"
		sed 's/^/  /' "$f" | head -5
		fail=1
	fi
}

# Bad input: exit 1 with the path and the reason.
: >empty.txt
printf 'ab\000cd\000\001\002\003efgh' >binary.txt
mkdir notext emptydir
echo 'not a newspaper' >notext/README.md
expect 1 '^dubao: no-such-file\.txt: no such file or directory$' \
    --dump=json no-such-file.txt
expect 1 '^dubao: empty\.txt: empty file$' --dump=json empty.txt
expect 1 '^dubao: binary\.txt: binary file' --dump=json binary.txt
expect 1 '^dubao: notext: no text files in this folder$' --dump=json notext
expect 1 '^dubao: emptydir: no text files in this folder$' --check emptydir
expect 1 '^dubao: -: empty file$' --dump=json -
# One bad path among good ones still fails, and names the bad one.
printf '标题在此\n\n　　这是第一段文字，内容完整。\n' >good.txt
expect 1 '^dubao: empty\.txt: empty file$' --dump=json good.txt empty.txt

# Bad usage: exit 2.
expect 2 'unrecognized option|--help' --no-such-option good.txt
expect 2 "invalid --width value 'abc'" --dump=text --width=abc good.txt
expect 2 '' --dump=yaml good.txt
expect 0 '^Usage: ' --help
expect 0 '[0-9]+\.[0-9]' --version

# Standard input is read to the end.
"$DUBAO" --dump=json - <good.txt >out 2>err
[ $? -eq 0 ] && grep -q '这是第一段文字' out || {
	echo "FAIL: standard input not read"; fail=1; }

# An issue folder: the date from the folder names (2021/12/07), the page
# number from each file name, pages in numeric order.
mkdir -p lib/报/2021/12/07
printf '第一个标题\n\n　　第十版的段落，内容完整。\n' >lib/报/2021/12/07/10.txt
printf '第二个标题\n\n　　第二版的段落，内容完整。\n' \
    >lib/报/2021/12/07/第02版.txt
expect 0 '"date": "2021-12-07"' --dump=json lib/报/2021/12/07
order='"number":2,.*第二个标题.*"number":10,.*第一个标题'
tr -d ' \n' <out | grep -q "$order" || {
	echo "FAIL: pages of an issue folder not numbered or ordered"
	fail=1; }

# A folder of files named by date: an issue each, sorted by date; a README
# there is no issue.
mkdir dated
cp good.txt dated/2021-12-07.txt
cp good.txt dated/20211205.txt
echo 'notes about this folder' >dated/README.txt
"$DUBAO" --check dated >out 2>err
[ "$(sed -n 's/^  date: //p' out | tr '\n' ' ')" = "2021-12-05 2021-12-07 " ] ||
    { echo "FAIL: dated files"; cat out; fail=1; }

# A name with digits that are no page number gives none.
cp good.txt wrap20.txt
expect 0 '"number": null' --dump=json wrap20.txt

# A library with a symbolic link loop and a second dated issue: both
# issues, sorted by date, and the loop reported, not followed forever.
mkdir -p lib/报/2021-12-06
cp good.txt lib/报/2021-12-06/01.txt
ln -s .. lib/报/2021/loop
"$DUBAO" --check lib >out 2>err
st=$?
[ "$st" -eq 1 ] || { echo "FAIL: --check on a loop: exit $st"; fail=1; }
grep -q 'lib/报/2021/loop: warning: .*not followed' out || {
	echo "FAIL: symbolic link loop not reported"; cat out; fail=1; }
[ "$(grep -c '^  date: ' out)" -eq 2 ] || {
	echo "FAIL: expected 2 issues in the library"; cat out; fail=1; }
grep '^  date: ' out | head -1 | grep -q 2021-12-06 || {
	echo "FAIL: library issues not sorted by date"; fail=1; }

# --dump=text of several issues and pages: a heading for each issue
# (paper, date) and each page (第N版), a form feed between pages.
mkdir -p arc/日报/2021-12-06 arc/日报/2021-12-07
printf '头版标题\n\n　　头版正文，内容完整。\n' >arc/日报/2021-12-06/01.txt
printf '二版标题\n\n　　二版正文，内容完整。\n' >arc/日报/2021-12-06/02.txt
cp good.txt arc/日报/2021-12-07/01.txt
"$DUBAO" --dump=text arc >out 2>err || { echo "FAIL: dump of arc"; fail=1; }
[ "$(grep -c '^日报 2021-12-0[67]$' out)" -eq 2 ] &&
    [ "$(grep -c '^第[12]版$' out)" -eq 3 ] &&
    [ "$(tr -cd '\f' <out | wc -c)" -eq 2 ] &&
    grep -q '^第2版$' out && sed -n 1p out | grep -q '^日报 2021-12-06$' || {
	echo "FAIL: --dump=text headings and form feeds"; cat -A out | head -30
	fail=1; }
# One issue of one page: no heading, as before.
"$DUBAO" --dump=text good.txt >out 2>err
grep -q '版\|2021' out && { echo "FAIL: heading on a single page"; fail=1; }

# The config file: every mistake with file:line, the good lines kept, and
# --check goes on to the issue.
mkdir -p cfg/dubao
cat >cfg/dubao/config <<'EOC'
set colour-scheme dark
bind j frobnicate
color headline chartreuse default
bind <PageDwn> page-down
set text-width 60
EOC
XDG_CONFIG_HOME=$tmp/cfg "$DUBAO" --check good.txt >out 2>err
st=$?
[ "$st" -eq 1 ] || { echo "FAIL: --check with config mistakes: exit $st"; fail=1; }
for n in 1 2 3 4; do
	grep -q "cfg/dubao/config:$n: warning: " out || {
		echo "FAIL: config mistake on line $n not reported"; cat out
		fail=1; }
done
grep -q 'config:5' out && { echo "FAIL: a good line reported"; fail=1; }
grep -q '^  1 page × 1 article' out || { echo "FAIL: --check stopped"; fail=1; }
XDG_CONFIG_HOME=$tmp/cfg "$DUBAO" --dump=text good.txt >out 2>err
[ "$(grep -c 'cfg/dubao/config:[1-4]:' err)" -eq 4 ] || {
	echo "FAIL: dump does not report the config mistakes"; cat err
	fail=1; }

# Chronicling America pages of several papers in one folder: an issue
# each, named by the paper's code.
chronam=$top_srcdir/../shared/corpus/chronam-1916/dates/19160101
if [ -d "$chronam" ]; then
	"$DUBAO" --check "$chronam" >out 2>err
	[ "$(grep -c '^  paper: sn' out)" -eq 6 ] &&
	    [ "$(grep -c '^  date: 1916-01-01' out)" -eq 7 ] || {
		echo "FAIL: chronam pages not an issue per paper"
		grep '^  paper' out; fail=1; }
fi

# --check: exit 0 on clean input; 1 with file:line:col for a bad byte.
expect 0 '^  1 page × 1 article, ' --check good.txt
{
	printf '标题在此\n\n'
	i=0
	while [ $i -lt 20 ]; do
		printf '　　这是一段完整的文字，用来检测编码。\n'
		i=$((i + 1))
	done
	printf '　　这里有一个坏字节\377在中间。\n'
} >bad.txt
"$DUBAO" --check bad.txt >out 2>err
st=$?
[ "$st" -eq 1 ] || { echo "FAIL: --check bad.txt: exit $st"; fail=1; }
grep -Eq '^bad\.txt:23:[0-9]+: (warning|error): ' out || {
	echo "FAIL: --check gave no file:line:col diagnostic"; cat out
	fail=1; }

# An unreadable folder inside a library is a diagnostic, not a failure
# (skipped as root, who reads everything).
if [ "$(id -u)" -ne 0 ]; then
	mkdir -p lib2/2021-12-06 lib2/closed
	cp good.txt lib2/2021-12-06/01.txt
	cp good.txt lib2/closed/01.txt
	chmod 000 lib2/closed
	"$DUBAO" --check lib2 >out 2>err
	st=$?
	[ "$st" -eq 1 ] && grep -q 'lib2/closed: warning: permission denied' \
	    out || { echo "FAIL: unreadable folder: exit $st"; cat out err
		fail=1; }
	chmod 755 lib2/closed
fi

# A page without a number has one name everywhere: its position.
printf '河边的新桥通车了\n\n\343\200\200\343\200\200新桥昨天通车。\n' \
    >nonum.txt
expect 0 '^  page 1$' --dump=outline nonum.txt
expect 0 '^  page 1: 1 article' --check nonum.txt
for mode in outline text; do
	"$DUBAO" --dump=$mode --check nonum.txt >out 2>&1
	if grep -Eq 'Page \?|page \?|第0版' out; then
		echo "FAIL: --dump=$mode names the page without a number:"
		cat out
		fail=1
	fi
done

exit $fail
