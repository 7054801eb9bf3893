#!/bin/sh
# Scrolling the reader by its keys moves the text by exactly what each
# key promises, at a fixed size (50x16: the reader's pane has 14 rows):
# j and k one line, d and u half the pane (7 rows), Space and b the pane
# less one line of overlap (13 rows); in the help screen d and u half its
# text, Space and b all of it. Each step is checked by where a known row
# of the screen before the key is after it.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 50 16 "$TUI_DATA/long.txt"
tui_wait "article 1/2"
tui_keys Enter
tui_wait "第一段"
rows=14
top=$(tui_row 1)

# scroll KEY LINES: press KEY, then the row LINES below the top (or above,
# for a negative count: the top row must come LINES rows down) must be
# at the top. The text's rows are $first to $first + $rows - 1.
first=1
scroll() {
	_before=$(tui_screen | sed -n "$first,$((first + rows - 1))p")
	tui_keys "$1"
	if [ "$2" -ge 0 ]; then
		_want=$(printf '%s\n' "$_before" | sed -n "$(($2 + 1))p")
		tui_wait_row "$first" "$_want"
	else
		_want=$(printf '%s\n' "$_before" | sed -n 1p)
		tui_wait_row $((first - $2)) "$_want"
	fi
}

scroll j 1
scroll d $(((rows + 1) / 2))
scroll Space $((rows - 1))
scroll k -1
scroll u -$(((rows + 1) / 2))
scroll b -$((rows - 1))
tui_wait_row 1 "$top"
# A count before the key repeats it; g goes back to the top.
tui_keys 3
scroll j 3
tui_keys g
tui_wait_row 1 "$top"

# The help screen scrolls the same way: its text has 13 rows under its
# title, so d and u move 7 rows, Space and b 13.
tui_keys '?'
tui_wait "dubao help: keys and actions"
first=2 rows=13
top=$(tui_row 2)
scroll d $(((rows + 1) / 2))
scroll u -$(((rows + 1) / 2))
# A whole page: what was the last row comes just above the top, so one
# line up brings it to the top; j and b go back.
last=$(tui_row $((first + rows - 1)))
tui_keys Space k
tui_wait_row 2 "$last"
tui_keys j b
tui_wait_row 2 "$top"
tui_keys q
tui_wait_gone "dubao help: keys and actions"
tui_keys q
tui_wait "小镇新开了一家书店"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
