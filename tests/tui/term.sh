#!/bin/sh
# Terminals: the reader works on xterm-256color, screen, tmux-256color,
# linux and vt100; TERM=dumb and an unknown terminal get a clear message
# and exit status 1.
. "$top_srcdir/tests/tui/lib.sh"

for term in xterm-256color screen tmux-256color linux vt100; do
	infocmp "$term" >/dev/null 2>&1 || continue
	TUI_TERM=$term
	tui_start 80 24 "$TUI_DATA/two-pages.txt"
	tui_wait "article 1/4"
	tui_has "河畔小城迎来第一场雪"
	tui_keys ]
	tui_wait "article 2/4"
	tui_keys q
	s=$(tui_status)
	[ "$s" = 0 ] || tui_fail "TERM=$term: exit status $s"
	$T kill-session -t t
done
for term in dumb no-such-terminal-xyz; do
	TUI_TERM=$term
	tui_start 80 24 "$TUI_DATA/two-pages.txt"
	s=$(tui_status)
	[ "$s" = 1 ] || tui_fail "TERM=$term: exit status $s"
	grep -q "TERM=$term" "$TUI_TMP/stderr" ||
	    tui_fail "TERM=$term: no message: $(cat "$TUI_TMP/stderr")"
	$T kill-session -t t 2>/dev/null
done
exit 0
