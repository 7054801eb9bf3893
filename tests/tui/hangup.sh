#!/bin/sh
# When the terminal goes away (an SSH session dropped), dubao exits within
# 2 seconds instead of spinning on read errors.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 80 24 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
pid=$(tui_pid)
[ -n "$pid" ] || tui_fail "no process"
$T kill-session -t t
i=0
while kill -0 "$pid" 2>/dev/null; do
	i=$((i + 1))
	if [ "$i" -gt 20 ]; then
		echo "FAIL: still running 2 s after the hang-up"
		ps -o pid,stat,pcpu,cmd -p "$pid"
		kill -KILL "$pid"
		exit 1
	fi
	sleep 0.1
done
exit 0
