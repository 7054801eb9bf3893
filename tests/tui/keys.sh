#!/bin/sh
# Key sequences are taken whole, as a terminal sends them (TERM=
# xterm-256color, whose terminfo knows only some of them): every common
# Home and End variant moves to the top and bottom, Delete and Home/End
# edit the prompt, a sequence nobody binds (a kitty key, Ctrl-Up) does
# nothing at all, and a bracketed paste is no command outside the prompt
# and text inside it. Before, ESC [ 1 ~ ran '[' (previous article) and
# then said "key ~ is not bound".
. "$top_srcdir/tests/tui/lib.sh"

# seq HEX...: send bytes as the terminal would.
seq() { tui_keys -H "$@"; }
# The reader's first row shows the byline at the top of the article, and
# the last paragraph's start at the bottom.
at_top() { tui_wait "■本报记者 周晚晴"; tui_wait_gone "第二十四段"; }
at_end() { tui_wait "第二十四段"; tui_wait_gone "■本报记者 周晚晴"; }
# Nothing but the expected: the article and no message.
same() {
	tui_has "article 2/2" && tui_lacks "not bound" && tui_lacks "article 1/2"
}

TUI_TERM=xterm-256color
tui_start 120 12 "$TUI_DATA/long.txt"
tui_wait "article 1/2"
# The reader, on the second article, then back to the first with ]/[ to
# prove those keys work; the focus goes to the reader.
tui_keys ']'
tui_wait "article 2/2"
tui_keys '['
tui_wait "article 1/2"
tui_keys Tab
for home in "1b 5b 31 7e" "1b 5b 37 7e" "1b 5b 48" "1b 4f 48"; do
	tui_keys G
	at_end
	# shellcheck disable=SC2086
	seq $home
	at_top
	tui_has "article 1/2"
	tui_lacks "not bound"
done
for end in "1b 5b 34 7e" "1b 5b 38 7e" "1b 5b 46" "1b 4f 46"; do
	tui_keys g
	at_top
	# shellcheck disable=SC2086
	seq $end
	at_end
	tui_has "article 1/2"
	tui_lacks "not bound"
done

# Sequences bound to nothing do nothing, quietly: kitty's Ctrl-C, Ctrl-Up,
# a focus report, device attributes.
tui_keys ']'
tui_wait "article 2/2"
seq 1b 5b 39 39 3b 35 75
seq 1b 5b 31 3b 35 41
seq 1b 5b 49
seq 1b 5b 3f 36 32 3b 63
# A paste outside the prompt is no command: not q, not ], not [.
seq 1b 5b 32 30 30 7e 71 5d 5b 1b 5b 32 30 31 7e
# = opens the info screen only after all of the above was read.
tui_keys =
tui_wait "about this issue"
tui_keys q
tui_wait "article 2/2"
same

# In the prompt: Home, End and Delete in the variants above edit the
# line, and a paste is text (its line break a blank).
tui_keys /
tui_text "abc"
tui_keys Left Left
seq 1b 5b 33 7e
tui_wait "/ac"
seq 1b 5b 31 7e
tui_text "x"
tui_wait "/xac"
seq 1b 4f 46
tui_text "y"
tui_wait "/xacy"
tui_keys C-u
tui_wait_gone "/xacy"
seq 1b 5b 32 30 30 7e e5 b0 8f e9 95 87 0a 1b 5b 32 30 31 7e
tui_wait "/小镇"
tui_keys BSpace Enter
tui_wait "/小镇 1/"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
