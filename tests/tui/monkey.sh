#!/bin/sh
# A storm of input: random keys, counts, searches (Chinese, emoji, an
# invisible character), clicks and wheel turns anywhere, and resizes down
# to "too small", in four terminal and locale pairs, each a fixed sequence
# (awk's rand() with a seed). The reader never dies and never stops
# answering: afterwards Esc and Q still end it with status 0, and nothing
# is written to standard error. In a sanitizer build (make check with
# --enable-sanitizers) any ASan or UBSan report fails it too.
. "$top_srcdir/tests/tui/lib.sh"

# actions SEED: one action a line: "key K", "search TEXT END",
# "mouse B X Y" (X10 bytes, hex) or "size COLS ROWS".
actions() {
	awk -v seed="$1" 'BEGIN {
		srand(seed)
		nk = split("j k J K f b d u g G l h [ ] { } < > n N = ? t Tab " \
		    "Enter BSpace Escape Up Down Left Right PageUp PageDown " \
		    "Home End F1 C-l C-u C-h C-s C-q 0 1 2 5 9 Space", key, " ")
		nw = split("茶馆 青溪 xyz “ a ， 石板巷里，老茶馆又开张了 " \
		    "\342\200\213 😀 𠮷", word, " ")
		ne = split("Enter Escape BSpace Up C-u", end, " ")
		ns = split("120x40 80x24 60x20 24x8 12x4 200x60 16x5 70x20",
		    size, " ")
		nb = split("20 60 61 23", button, " ")
		for (i = 0; i < 250; i++) {
			r = rand()
			if (r < 0.05) {
				split(size[1 + int(rand() * ns)], s, "x")
				print "size", s[1], s[2]
			} else if (r < 0.12)
				print "search", word[1 + int(rand() * nw)],
				    end[1 + int(rand() * ne)]
			else if (r < 0.17)
				printf "mouse %s %x %x\n",
				    button[1 + int(rand() * nb)],
				    33 + int(rand() * 120), 33 + int(rand() * 40)
			else
				print "key", key[1 + int(rand() * nk)]
		}
	}'
}

for spec in "1 screen C.UTF-8" "2 linux C" "3 xterm-256color zh_CN.UTF-8" \
    "4 vt100 C.UTF-8"; do
	set -- $spec
	TUI_TERM=$2 TUI_LC=$3
	tui_start 80 24 "$top_srcdir/data/sample.txt" "$TUI_DATA/long.txt" \
	    "$TUI_DATA/two-pages.txt"
	tui_wait "article 1/10"
	actions "$1" >"$TUI_TMP/actions"
	while read -r what a b c; do
		case $what in
		key) tui_keys "$a" ;;
		search) tui_keys /; tui_text "$a"; tui_keys "$b" ;;
		mouse) tui_keys -H 1b 5b 4d "$a" "$b" "$c" ;;
		size) tui_resize "$a" "$b" ;;
		esac
	done <"$TUI_TMP/actions"
	tui_resize 80 24
	[ -f "$TUI_TMP/status" ] && tui_fail "seed $1: ended by itself" \
	    "(status $(cat "$TUI_TMP/status"))"
	tui_keys Escape
	sleep 0.2
	tui_keys Q
	s=$(tui_status)
	[ "$s" = 0 ] || tui_fail "seed $1 ($2, $3): exit status $s after Q"
	if [ -s "$TUI_TMP/stderr" ]; then
		cat "$TUI_TMP/stderr"
		tui_fail "seed $1 ($2, $3): standard error not empty"
	fi
	$T kill-session -t t
done
exit 0
