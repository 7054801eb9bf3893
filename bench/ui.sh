#!/bin/sh
# ui.sh -- two speed claims of the reader, measured in a private tmux
# server at 120x40:
#  1. first screen: the time from starting the program until its whole
#     first screen is on the terminal (its bottom row drawn), for
#     `dubao FILE` and `less FILE` side by side in the same run
#     (alternating, RUNS each; median and best in ms). A third program,
#     bench/floor.c, is the least any ncurses program does to show a
#     screen (newterm(), a screen of Chinese text, refresh()): the floor
#     that a curses reader cannot go under;
#  2. redraw cost: CPU time (utime + stime from /proc) of dubao per key,
#     over many keys that scroll the reader (j/k) and change articles (]/[).
#
# Usage: bench/ui.sh BUILDDIR [FILE] [RUNS]   (FILE defaults to the sample
# issue, RUNS to 20). Needs tmux, less, awk, a C compiler, pkg-config with
# ncursesw, and Linux /proc.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: ui.sh BUILDDIR [FILE] [RUNS]}" && pwd)
file=${2:-$top/data/sample.txt}
runs=${3:-20}
dubao=$build/src/dubao
[ -x "$dubao" ] || { echo "no $dubao: build first" >&2; exit 1; }
command -v tmux >/dev/null && command -v less >/dev/null ||
    { echo "needs tmux and less" >&2; exit 1; }
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
# XDG folders of its own: a reading position left in the user's state
# would open another article and the sentinel would never show.
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" \
    XDG_CACHE_HOME="$tmp/cache"
T="tmux -S $tmp/sock -f /dev/null"
trap '$T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
${CC:-cc} -O2 -o "$tmp/floor" "$top/bench/floor.c" \
    $(pkg-config --cflags --libs ncursesw) ||
    { echo "cannot build bench/floor.c" >&2; exit 1; }
$T new-session -d -s keep -x 20 -y 5 "sleep 600"

now_ms() { date +%s%N | awk '{ printf "%.1f", $1 / 1e6 }'; }

# first NAME SENTINEL CMD...: milliseconds until SENTINEL is on screen.
first() {
	name=$1 sentinel=$2
	shift 2
	t0=$(now_ms)
	$T new-session -d -s b -x 120 -y 40 "$@"
	until $T capture-pane -p -t b 2>/dev/null | grep -qF -- "$sentinel"; do
		:
	done
	t1=$(now_ms)
	$T kill-session -t b
	echo "$name $(awk "BEGIN { print $t1 - $t0 }")" >>"$tmp/first"
}

# Both are timed until the last line of their first screen is there:
# less's prompt (the file's name, on the bottom row) and dubao's status
# line, so neither is caught half-drawn.
for i in $(seq "$runs"); do
	first less "$file" env TERM=screen less "$file"
	first dubao "article 1/" env TERM=screen "$dubao" "$file"
	first floor "article 1/" env TERM=screen "$tmp/floor"
done
echo "first screen at 120x40, $runs runs each (ms):"
for name in less floor dubao; do
	awk -v n="$name" '$1 == n { print $2 }' "$tmp/first" | sort -n |
	    awk -v n="$name" '{ v[NR] = $1 } END {
		printf "  %-6s median %6.1f  best %6.1f\n", n,
		    v[int((NR + 1) / 2)], v[1] }'
done

# Redraw cost: CPU ticks of the process before and after many keys.
$T new-session -d -s r -x 120 -y 40 "env TERM=screen $dubao $file"
until $T capture-pane -p -t r | grep -qF "article 1/"; do :; done
pid=$(ps -o pid= --ppid "$($T display-message -p -t r '#{pane_pid}')" |
    tr -d ' ')
[ -n "$pid" ] || pid=$($T display-message -p -t r '#{pane_pid}')
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
$T send-keys -t r Tab
keys=0
c0=$(ticks)
for i in $(seq 50); do
	$T send-keys -t r j j j j j k k k k k ] ] [ [ j k j k j k
	keys=$((keys + 20))
done
# "=" opens the info screen: once it shows, every key before it is done.
$T send-keys -t r =
until $T capture-pane -p -t r | grep -qF "about this issue"; do :; done
c1=$(ticks)
awk -v k="$keys" -v t="$((c1 - c0))" -v hz="$hz" 'BEGIN {
	printf "redraw: %d keys, %.0f ms CPU, %.3f ms per key\n", k,
	    t * 1000 / hz, t * 1000 / hz / k }'
