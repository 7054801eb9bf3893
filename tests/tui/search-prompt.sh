#!/bin/sh
# search-prompt.sh -- the search prompt: an empty / repeats the last
# search forward, as in less (and says so when there was none); a query
# longer than the row (pasted) keeps its end and the cursor in view,
# also when the cursor moves back into it, and Home shows its start.
. "$top_srcdir/tests/tui/lib.sh"

row() { tui_screen | tail -n 1; }
cursor() { $T display-message -p -t t '#{cursor_x} #{cursor_y}'; }
# cursor_moved FROM: poll up to 10 s until the cursor is not at FROM.
cursor_moved() {
	_i=0
	while [ "$(cursor)" = "$1" ]; do
		_i=$((_i + 1))
		[ "$_i" -gt 200 ] && tui_fail "the cursor stays at $1"
		sleep 0.05
	done
}

tui_start 40 12 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
# No search yet: an empty / says so.
tui_keys / Enter
tui_wait "no search yet"
tui_keys /
tui_text "陈老师"
tui_keys Enter
tui_wait "/陈老师 1/3"
tui_keys / Enter
tui_wait "/陈老师 2/3"
tui_keys / Enter
tui_wait "/陈老师 3/3"
tui_has "第2版"

# A pasted query of 30 characters (60 columns) on a 40-column row.
long="一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
tui_keys /
tui_text "$long"
tui_wait "申酉"
r=$(row)
case $r in
*寅卯辰巳午未申酉) ;;
*) tui_fail "end of the query not in view: $r" ;;
esac
# The cursor is after the last character, on the row.
set -- $(cursor)
[ "$2" -eq 11 ] && [ "$1" -ge 36 ] && [ "$1" -le 39 ] ||
    tui_fail "cursor at $1 $2"
# One character back: the end stays in view, the cursor on 酉.
was=$(cursor)
tui_keys Left
cursor_moved "$was"
case $(row) in
*申酉) ;;
*) tui_fail "end scrolled away after Left: $(row)" ;;
esac
set -- $(cursor)
[ "$1" -ge 34 ] && [ "$1" -le 37 ] || tui_fail "cursor at $1 after Left"
# Home: the start of the query and the cursor after the slash.
tui_keys Home
tui_wait "/一二三"
set -- $(cursor)
[ "$1" -eq 1 ] || tui_fail "cursor at $1 after Home"
tui_keys End Enter
tui_wait "not found: 一二三"
tui_keys q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
