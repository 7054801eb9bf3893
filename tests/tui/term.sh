#!/bin/sh
# Terminals: the reader works on xterm-256color, screen, tmux-256color,
# linux and vt100; TERM=dumb, an unknown terminal and one whose name
# holds an escape sequence get a clear message (shown, not obeyed) and
# exit status 1.
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
# A TERM with an escape sequence in it is named in the message as text:
# no control byte of it reaches the terminal through standard error.
TUI_TERM="'$(printf 'xterm\033]2;PWNED\007')'"
tui_start 80 24 "$TUI_DATA/two-pages.txt"
s=$(tui_status)
[ "$s" = 1 ] || tui_fail "TERM with an escape: exit status $s"
grep -q "TERM=xterm" "$TUI_TMP/stderr" ||
    tui_fail "TERM with an escape: no message: $(cat "$TUI_TMP/stderr")"
LC_ALL=C tr -d '\n' <"$TUI_TMP/stderr" | LC_ALL=C grep -q '[[:cntrl:]]' &&
    tui_fail "TERM with an escape: control bytes in the message"
exit 0
