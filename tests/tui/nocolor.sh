#!/bin/sh
# Colours: on by default in a colour terminal, off with NO_COLOR and with
# --color=never; the search highlight and the status line stay visible
# without colour (reverse video).
. "$top_srcdir/tests/tui/lib.sh"

# The escape sequences of colours tmux reports with capture-pane -e.
has_color() { tui_screen -e | grep -q '\[3[0-7]m\|\[3[0-7];\|;3[0-7]m\|38;5;'; }

TUI_TERM=screen-256color
tui_start 120 24 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
has_color || tui_fail "no colours by default"
tui_keys q
tui_status >/dev/null
$T kill-session -t t

for env in "NO_COLOR=1" "DUBAO_UNUSED=1"; do
	TUI_ENV=$env
	if [ "$env" = NO_COLOR=1 ]; then
		tui_start 120 24 "$TUI_DATA/two-pages.txt"
	else
		tui_start 120 24 --color=never "$TUI_DATA/two-pages.txt"
	fi
	tui_wait "article 1/4"
	tui_keys /
	tui_text "老周"
	tui_keys Enter
	tui_wait "/老周 1/1"
	has_color && tui_fail "$env: colours despite NO_COLOR or --color=never"
	tui_screen -e | grep -q "7m[^ ]*老周" || tui_fail "$env: match not in reverse video"
	tui_screen -e | tail -n 2 | head -n 1 | grep -q "7m" ||
	    tui_fail "$env: status line not in reverse video"
	tui_keys q
	s=$(tui_status)
	[ "$s" = 0 ] || tui_fail "exit status after q: $s"
	$T kill-session -t t
done
exit 0
