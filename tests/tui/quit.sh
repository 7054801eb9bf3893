#!/bin/sh
# Quitting gives the terminal back: q and Q exit 0; SIGTERM, SIGINT
# (Ctrl-C), SIGQUIT and SIGHUP leave the alternate screen too. A stray
# Ctrl-S (XOFF) freezes nothing: keys still move the reader and q still
# quits; nor does a byte that is no UTF-8 (Alt on a terminal that sets
# the eighth bit) swallow the keys after it.
. "$top_srcdir/tests/tui/lib.sh"

for how in q Q C-c TERM HUP QUIT; do
	tui_start 80 24 "$TUI_DATA/two-pages.txt"
	tui_wait "article 1/4"
	[ "$($T display-message -p -t t '#{alternate_on}')" = 1 ] ||
	    tui_fail "$how: not on the alternate screen"
	case $how in
	q | Q | C-c) tui_keys "$how" ;;
	*) kill -"$how" "$(tui_pid)" ;;
	esac
	s=$(tui_status)
	case $how in
	q | Q) [ "$s" = 0 ] || tui_fail "$how: exit status $s" ;;
	*) [ "$s" != timeout ] && [ "$s" != 0 ] ||
	    tui_fail "$how: exit status $s" ;;
	esac
	[ "$($T display-message -p -t t '#{alternate_on}')" = 0 ] ||
	    tui_fail "$how: alternate screen left on"
	$T kill-session -t t
done

tui_start 80 24 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_keys C-s ]
tui_wait "article 2/4"
tui_keys C-s q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "Ctrl-S then q: exit status $s"
$T kill-session -t t

tui_start 80 24 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_keys -H e8
tui_keys ]
tui_wait "article 2/4"
tui_keys Q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "8-bit byte then Q: exit status $s"
exit 0
