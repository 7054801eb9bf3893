#!/bin/sh
# index.sh -- the search index (dubao --index) on a small generated
# library of crawler folders: --grep gives the same lines with and
# without it; a second --index reads nothing again; a changed file is
# read again (and --grep finds its new text before that, by scanning
# it), also when only its size or only its mtime changed, and its old
# text is never given; with neither changed, the index answers short and
# long queries from the text it keeps; a removed issue is forgotten; a damaged index file and an index of
# another schema are made again; two --index at once both succeed and
# leave a sound index, and a --grep meanwhile gives the right lines.

: "${DUBAO:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-index.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
no() { echo "FAIL: $*"; fail=1; }
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/none"
idx=$tmp/cache/dubao/index.sqlite
lib=$tmp/lib

# article DIR DATE PAGE N HEADLINE TEXT: one crawler file.
article() {
	mkdir -p "$1" || exit 99
	printf '\r\n%s\r\n\r\n　　%s\r\n' "$5" "$6" >"$1/$2-$3-$4.txt"
}
for d in 01 02 03 04 05 06; do
	dir=$lib/2021/03/202103$d
	article "$dir" "202103$d" 01 01 "河畔小城第$d期要闻" \
	    "清晨六点，河畔小城的街道被薄雪覆盖。环卫工人老周从东门扫到西门。"
	article "$dir" "202103$d" 01 02 "滿洲裏口岸迎來班列" \
	    "編號ＣＮ ８１的班列緩緩駛入，司機老周說今天格外順利。"
	article "$dir" "202103$d" 02 01 "山村图书室的灯光" \
	    "退休教师陈老师在这里义务值守，灯光亮着，村子就有了精神。"
done

# grep_both QUERY: --grep with the index equals --grep without one.
grep_both() {
	XDG_CACHE_HOME="$tmp/empty" "$DUBAO" --grep="$1" "$lib" \
	    >"$tmp/scan.out" 2>"$tmp/scan.err"
	s1=$?
	"$DUBAO" --grep="$1" "$lib" >"$tmp/index.out" 2>"$tmp/index.err"
	s2=$?
	[ "$s1" -eq "$s2" ] || no "$1: exit $s1 scanning, $s2 indexed"
	cmp -s "$tmp/scan.out" "$tmp/index.out" ||
	    no "$1: other lines with the index: $(diff "$tmp/scan.out" "$tmp/index.out" | head -5)"
}

# summary WANT ARGS: --index's summary line.
summary() {
	want=$1
	shift
	out=$("$DUBAO" --index "$@" 2>"$tmp/err")
	st=$?
	[ "$st" -eq 0 ] || no "--index: exit $st: $(cat "$tmp/err")"
	[ "$out" = "$want" ] || no "--index: '$out', expected '$want'"
}

summary "6 issues: 6 read, 0 unchanged, 0 forgotten" "$lib"
[ -s "$idx" ] || no "no index file in \$XDG_CACHE_HOME/dubao"
for q in 满洲里 老周 'cn 81' 陈老师 灯 不存在的词语; do grep_both "$q"; done
[ "$(grep -c . "$tmp/index.out")" -eq 0 ] || no "a line for a missing word"
"$DUBAO" --grep=满洲里 "$lib" | grep -q '^2021-03-04 第1版 滿洲裏口岸迎來班列: ' ||
    no "indexed --grep line: $("$DUBAO" --grep=满洲里 "$lib" | head -2)"

# Nothing changed: nothing is read again.
summary "6 issues: 0 read, 6 unchanged, 0 forgotten" "$lib"

# A changed file: --grep finds the new text at once (that issue is
# scanned), and the next --index reads that issue only.
f=$lib/2021/03/20210303/20210303-02-01.txt
printf '\r\n山村图书室的灯光\r\n\r\n　　今年冬天村里来了一位新的图书管理员小林。\r\n' >"$f"
touch -d '2021-03-03 12:00' "$f"
"$DUBAO" --grep=图书管理员 "$lib" >"$tmp/out" 2>/dev/null ||
    no "a stale issue's new text not found"
grep -q '^2021-03-03 第2版 ' "$tmp/out" || no "stale: $(cat "$tmp/out")"
grep_both 图书管理员
grep_both 陈老师
summary "6 issues: 1 read, 5 unchanged, 0 forgotten" "$lib"
grep_both 陈老师
# The old text is never given: 陈老师 has left that article.
"$DUBAO" --grep=陈老师 "$lib" | grep -q '^2021-03-03 ' &&
    no "stale: 陈老师 still found on 2021-03-03"

# found QUERY: --grep finds QUERY on 2021-03-03, indexed as scanned.
found() {
	"$DUBAO" --grep="$1" "$lib" | grep -q '^2021-03-03 第2版 ' ||
	    no "$1 not found on 2021-03-03"
	grep_both "$1"
}
# gone QUERY: --grep does not find QUERY on 2021-03-03.
gone() {
	"$DUBAO" --grep="$1" "$lib" | grep -q '^2021-03-03 ' &&
	    no "$1 still found on 2021-03-03"
}

# The same size, another mtime: read again (小林 -> 小王, as many bytes).
sed 's/小林/小王/' "$f" >"$tmp/new" && cat "$tmp/new" >"$f"
touch -d '2021-03-03 13:00' "$f"
found 小王
gone 小林
summary "6 issues: 1 read, 5 unchanged, 0 forgotten" "$lib"
found 小王
gone 小林

# The same mtime, another size: read again.
sed 's/小王/小王和小周/' "$f" >"$tmp/new" && cat "$tmp/new" >"$f"
touch -d '2021-03-03 13:00' "$f"
found 小周
summary "6 issues: 1 read, 5 unchanged, 0 forgotten" "$lib"
found 小周

# Neither changed: the index is trusted and the file not read. Queries
# of one or two characters (小王, 周) and longer ones are all answered
# from the fold the index keeps.
sed 's/小王/小赵/' "$f" >"$tmp/new" && cat "$tmp/new" >"$f"
touch -d '2021-03-03 13:00' "$f"
for q in 小王 周 图书管理员小王; do
	"$DUBAO" --grep="$q" "$lib" | grep -q '^2021-03-03 第2版 ' ||
	    no "$q: not answered from the index"
done
gone 小赵
summary "6 issues: 0 read, 6 unchanged, 0 forgotten" "$lib"
# A new mtime: the new text.
touch -d '2021-03-03 14:00' "$f"
found 小赵
gone 小王
summary "6 issues: 1 read, 5 unchanged, 0 forgotten" "$lib"

# A removed issue is forgotten.
rm -r "$lib/2021/03/20210306"
summary "5 issues: 0 read, 5 unchanged, 1 forgotten" "$lib"
grep_both 老周

# A damaged index: --grep still answers (by scanning), --index makes it
# again and says so.
head -c 300000 /dev/urandom >"$idx"
rm -f "$idx-wal" "$idx-shm"
grep_both 满洲里
"$DUBAO" --index "$lib" >"$tmp/out" 2>"$tmp/err" || no "--index on a damaged index failed"
grep -q 'damaged; made again' "$tmp/err" || no "no note on the damaged index: $(cat "$tmp/err")"
grep -q '5 read' "$tmp/out" || no "damaged index not made again: $(cat "$tmp/out")"
grep_both 满洲里

# An index of another schema version is made again.
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$idx" 'PRAGMA user_version = 99' || exit 99
	"$DUBAO" --index "$lib" >"$tmp/out" 2>"$tmp/err"
	grep -q 'another version of dubao' "$tmp/err" ||
	    no "no note on an index of another version: $(cat "$tmp/err")"
	grep -q '5 read' "$tmp/out" || no "other version: $(cat "$tmp/out")"
fi

# Two writers at once: both finish, the index is sound and answers.
rm -f "$idx" "$idx-wal" "$idx-shm"
"$DUBAO" --index "$lib" >"$tmp/a.out" 2>"$tmp/a.err" &
a=$!
"$DUBAO" --index "$lib" >"$tmp/b.out" 2>"$tmp/b.err" &
b=$!
# A reader meanwhile: the same lines as a scan.
XDG_CACHE_HOME="$tmp/empty" "$DUBAO" --grep=老周 "$lib" >"$tmp/scan.out"
"$DUBAO" --grep=老周 "$lib" >"$tmp/c.out" 2>"$tmp/c.err" ||
    no "a reader during two writers failed: $(cat "$tmp/c.err")"
cmp -s "$tmp/scan.out" "$tmp/c.out" || no "a reader during two writers: \
$(diff "$tmp/scan.out" "$tmp/c.out" | head -5)"
wait "$a" || no "first of two writers failed: $(cat "$tmp/a.err")"
wait "$b" || no "second of two writers failed: $(cat "$tmp/b.err")"
if command -v sqlite3 >/dev/null 2>&1; then
	[ "$(sqlite3 "$idx" 'PRAGMA integrity_check')" = ok ] ||
	    no "index not sound after two writers"
	[ "$(sqlite3 "$idx" 'SELECT count(*) FROM issues')" = 5 ] ||
	    no "two writers: $(sqlite3 "$idx" 'SELECT count(*) FROM issues') issues"
fi
summary "5 issues: 0 read, 5 unchanged, 0 forgotten" "$lib"
for q in 满洲里 老周 陈老师 图书管理员; do grep_both "$q"; done

# --index with another mode is bad usage.
"$DUBAO" --index --grep=x "$lib" >/dev/null 2>&1
[ $? -eq 2 ] || no "--index --grep: not exit 2"
exit $fail
