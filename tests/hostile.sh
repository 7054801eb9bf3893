#!/bin/sh
# hostile.sh -- input that tries to talk to the terminal or to make dubao
# stop: text and names with escape sequences, C1 controls and bidi
# overrides reach no output raw (--dump=text, --dump=outline, --dump=json,
# --check, error messages); a FIFO, devices, a socket, /proc/self/mem, an
# unreadable file, a file that grows and shrinks while it is read, a
# folder of 100,000 empty files, a path of 4,000 bytes and one too long.
# Each gets exit 1 with "dubao: PATH: reason" or a best-effort view,
# never a crash, a hang (every run has a time limit) or unbounded memory
# (files of 1 GB or more are refused: src/loader-read.c).

: "${DUBAO:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-hostile.XXXXXX") || exit 99
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 99
fail=0

ESC=$(printf '\033')
BEL=$(printf '\007')
CSI_C1=$(printf '\302\233')		# U+009B, a one-character CSI
RLO=$(printf '\342\200\256')		# U+202E RIGHT-TO-LEFT OVERRIDE
TITLE="${ESC}]2;owned${BEL}"		# sets the window title
RESET="${ESC}c"				# resets the terminal

# unclean FILE: print what in FILE a terminal would obey (C0 controls but
# the line end and form feed, DEL, C1 controls as UTF-8, bidi embeddings,
# overrides and isolates), one "offset: bytes" a line; nothing if clean.
unclean() {
	od -An -v -tx1 "$1" | tr -s ' \n' '\n\n' | grep . | awk '
	{ b[NR] = $1 }
	END {
		for (i = 1; i <= NR; i++) {
			x = b[i]
			if (x ~ /^(0[0-9b-f]|1[0-9a-f]|7f)$/ && x != "0a" &&
			    x != "0c")
				print i - 1 ": " x
			else if (x == "c2" && b[i + 1] ~ /^[89]/)
				print i - 1 ": c2 " b[i + 1]
			else if (x == "e2" && ((b[i + 1] == "80" &&
			    b[i + 2] ~ /^a[a-e]$/) || (b[i + 1] == "81" &&
			    b[i + 2] ~ /^a[6-9]$/)))
				print i - 1 ": e2 " b[i + 1] " " b[i + 2]
		}
	}'
}

# clean WHAT FILE: fail unless FILE is clean.
clean() {
	bad=$(unclean "$2" | head -n 3)
	if [ -n "$bad" ]; then
		echo "FAIL: $1 prints raw control bytes at $bad"
		od -c "$2" | head -n 6 | sed 's/^/  /'
		fail=1
	fi
}

# run WHAT ARGS...: run dubao on ARGS, check stdout and stderr are clean,
# and that it did not crash or hang (status 0, 1, or 2 for bad usage,
# within two minutes).
run() {
	what=$1
	shift
	timeout 120 "$DUBAO" "$@" >out 2>err </dev/null
	st=$?
	if [ "$st" -eq 124 ]; then
		echo "FAIL: $what: still running after two minutes"
		fail=1
	elif [ "$st" -gt 2 ]; then
		echo "FAIL: $what: exit $st"
		sed 's/^/  stderr: /' err | head -n 5
		fail=1
	fi
	clean "$what (stdout)" out
	clean "$what (stderr)" err
}

# A crawler folder whose article text holds escape sequences, C1 controls
# and a bidi override on every line the crawler format has (kicker,
# headline, subhead, paragraphs).
mkdir -p crawl/20240101
printf '%s引题\n%s标题%s\n副题%s\n\n　　%s正文%s第一段%s。\n　　第二段。\n' \
    "$TITLE" "$RESET" "$CSI_C1" "$RLO" "${ESC}[31m" "${ESC}[0m" "$BEL" \
    >crawl/20240101/20240101-01-01.txt
for mode in text outline json; do
	run "crawler text, --dump=$mode" --dump=$mode crawl/20240101
done
run "crawler text, --check" --check crawl/20240101
grep -q '标题' out || { echo "FAIL: crawler headline lost"; fail=1; }

# The same in a page dump.
printf '第01版：%s要闻\n\n%s标题\n\n　　%s正文%s。\n' "$TITLE" "$RESET" \
    "$CSI_C1" "$RLO" >page.txt
for mode in text outline json; do
	run "page text, --dump=$mode" --dump=$mode page.txt
done
run "page text, --check" --check page.txt

# Names: a path that does not exist, a file and a folder named with
# escape sequences (the folder names the paper, so it becomes the title).
run "missing file with escapes" --dump=text "${TITLE}missing.txt"
[ "$st" -eq 1 ] && grep -q '^dubao: .*missing\.txt: ' err || {
	echo "FAIL: missing file: exit $st"; cat err; fail=1; }
cp page.txt "${RESET}${TITLE}name.txt"
run "file name, --check" --check "${RESET}${TITLE}name.txt"
run "file name, --dump=text" --dump=text "${RESET}${TITLE}name.txt"
paper="${RESET}${RLO}人民日报"
mkdir -p "lib/$paper/2024-01-01" "lib/$paper/2024-01-02"
cp page.txt "lib/$paper/2024-01-01/01.txt"
printf '第01版：要闻\n\n标题\n\n　　正文。\n' >"lib/$paper/2024-01-02/01.txt"
for mode in text outline json; do
	run "folder name, --dump=$mode" --dump=$mode lib
done
run "folder name, --check" --check lib
# A name with a bidi override but no control character still names the
# paper: the heading of each issue shows it, overridden no more.
mkdir -p "lib2/${RLO}人民日报/2024-01-01" "lib2/${RLO}人民日报/2024-01-02"
cp "lib/$paper/2024-01-01/01.txt" "lib2/${RLO}人民日报/2024-01-01/"
cp "lib/$paper/2024-01-02/01.txt" "lib2/${RLO}人民日报/2024-01-02/"
run "paper's name, --dump=text" --dump=text lib2
grep -q '人民日报 2024-01-02' out || {
	echo "FAIL: the paper's name is not in the issue's heading"; fail=1; }
for mode in outline json; do
	run "paper's name, --dump=$mode" --dump=$mode lib2
done
# Options that echo their value in an error.
run "bad --encoding" --encoding="${TITLE}" --dump=text page.txt
[ "$st" -eq 1 ] || { echo "FAIL: bad --encoding: exit $st"; fail=1; }
for opt in width dump color; do
	run "bad --$opt" --$opt="${TITLE}" page.txt
	[ "$st" -eq 2 ] || { echo "FAIL: bad --$opt: exit $st"; fail=1; }
done

# The config file: its words in diagnostics, and its path (from the
# environment) in an error when it cannot be read.
mkdir -p "cfg/dubao" "bad${TITLE}cfg/dubao/config"
printf 'set %s 1\nbind %s line-down\ncolor %s x y\n' "$TITLE" "$RESET" \
    "$RLO" >cfg/dubao/config
XDG_CONFIG_HOME="$tmp/cfg" run "config words" --dump=text page.txt
grep -q 'config:1: ' err || { echo "FAIL: config diagnostic lost"; fail=1; }
XDG_CONFIG_HOME="$tmp/bad${TITLE}cfg" run "config path" --dump=text page.txt
grep -q 'cfg/dubao/config: ' err || {
	echo "FAIL: unreadable config not reported"; cat err; fail=1; }

# expect1 WHAT PATTERN ARGS...: run, then exit status 1 and "dubao: ..."
# matching PATTERN (an extended regular expression) on stderr.
expect1() {
	what=$1 pat=$2
	shift 2
	run "$what" "$@"
	if [ "$st" -ne 1 ] || ! grep -Eq -- "^dubao: $pat" err; then
		echo "FAIL: $what: exit $st, expected 1 and /dubao: $pat/"
		sed 's/^/  stderr: /' err | head -n 3
		fail=1
	fi
}

# Special files, none of them opened for reading: no wait, no side effect.
mkfifo fifo.txt
expect1 "a FIFO" 'fifo\.txt: is a named pipe' --dump=json fifo.txt
expect1 "a FIFO, --check" 'fifo\.txt: is a named pipe' --check fifo.txt
expect1 "/dev/zero" '/dev/zero: is a device' --dump=text /dev/zero
expect1 "/dev/null" '/dev/null: is a device' --dump=text /dev/null
expect1 "/dev/urandom" '/dev/urandom: is a device' --check /dev/urandom
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
    sock.txt && expect1 "a socket" 'sock\.txt: is a socket' --dump=text sock.txt
expect1 "/proc/self/mem" '/proc/self/mem: ' --dump=text /proc/self/mem
# A folder that holds a FIFO named like a page: the other page is read,
# the FIFO skipped with a note.
mkdir -p fifodir/2024-01-01
cp page.txt fifodir/2024-01-01/01.txt
mkfifo fifodir/2024-01-01/02.txt
run "a folder with a FIFO" --check fifodir
grep -q '02\.txt: note: is a named pipe' out || {
	echo "FAIL: the FIFO in a folder has no note"; cat out; fail=1; }
grep -q '标题' out || { echo "FAIL: the folder's page is lost"; fail=1; }

# An unreadable file: as root, read as nobody through setpriv when it is
# there (root reads everything); as another user, as that user.
cp page.txt closed.txt
chmod 000 closed.txt
if [ "$(id -u)" -ne 0 ]; then
	expect1 "an unreadable file" 'closed\.txt: permission denied' \
	    --dump=text closed.txt
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	chmod 755 "$tmp"
	timeout 60 setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$DUBAO" --dump=text "$tmp/closed.txt" >out 2>err </dev/null
	st=$?
	[ "$st" -eq 1 ] && grep -q 'closed\.txt: permission denied' err || {
		echo "FAIL: an unreadable file as nobody: exit $st"; cat err
		fail=1; }
	chmod 700 "$tmp"
else
	echo "unreadable file: running as root without setpriv: skipped"
fi

# A file that grows and shrinks while it is read: a writer rewrites it
# (cut short, then longer) while dubao reads it again and again. Every
# read ends (the 1 GB limit bounds it) with a view or a reason.
cat page.txt page.txt page.txt page.txt >chunk.txt
( i=0; while [ $i -lt 400 ]; do
	: >moving.txt
	cat chunk.txt chunk.txt chunk.txt >>moving.txt
	cat chunk.txt >>moving.txt
	i=$((i + 1))
  done ) &
writer=$!
i=0
while [ $i -lt 20 ]; do
	run "a file that changes while it is read" --dump=text moving.txt
	i=$((i + 1))
done
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null

# A folder of 100,000 empty files: each reported, memory bounded.
python3 -c '
import os, sys
os.mkdir(sys.argv[1])
for i in range(100000):
    open("%s/%06d.txt" % (sys.argv[1], i), "w").close()
' empty100k || exit 99
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f %M -o rss timeout 120 "$DUBAO" --check empty100k \
	    >out 2>err
	st=$?
	rss=$(tail -n 1 rss)
	# 256 MB; four times that under AddressSanitizer, whose shadow
	# memory and 256 MB quarantine count in the resident size (458 MB
	# measured in CI's sanitizer run).
	limit=262144
	ldd "$DUBAO" 2>/dev/null | grep -q libasan && limit=1048576
	[ "$rss" -lt "$limit" ] || {
		echo "FAIL: 100,000 empty files took $rss KB"; fail=1; }
else
	timeout 120 "$DUBAO" --check empty100k >out 2>err
	st=$?
fi
[ "$st" -eq 1 ] && grep -q '^1 issue, 100000 problems' out || {
	echo "FAIL: 100,000 empty files: exit $st"; tail -n 2 out; fail=1; }
rm -rf empty100k

# A path of 4,000 bytes is read; one longer than the system allows gets
# a reason.
long=$(python3 -c '
import os, sys
p = sys.argv[1] + "/long"
while len(p) < 3700:
    p += "/" + "d" * 200
os.makedirs(p)
f = p + "/" + "x" * (3995 - len(p) - 5) + ".txt"
print(f)' "$tmp") || exit 99
cp page.txt "$long"
run "a path of 4,000 bytes" --dump=text "$long"
[ "$st" -eq 0 ] && grep -q '标题' out || {
	echo "FAIL: a path of ${#long} bytes: exit $st"; fail=1; }
expect1 "a path too long" '.*: the path is too long' --dump=text \
    "$long/$(python3 -c 'print("y" * 255)')/$(python3 -c 'print("z" * 255)')"

exit $fail
