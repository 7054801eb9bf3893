#!/bin/sh
# Resizing: two panes from 100 columns, one at a time below, the same
# text at the top of the reader after a resize (the paragraph and the
# offset in it, not the line number), "too small" and recovery.
. "$top_srcdir/tests/tui/lib.sh"

# The paragraph number ("第七段") on the reader's first row.
top_para() {
	tui_screen | head -n 1 | grep -o "第[一二三四五六七八九十]*段"
}
# wait_top WHERE: poll until the seventh paragraph is on the first row.
wait_top() {
	i=0
	until [ "$(top_para)" = "第七段" ]; do
		i=$((i + 1))
		[ "$i" -gt 100 ] && tui_fail "top paragraph lost at $1"
		sleep 0.05
	done
}

tui_start 120 12 "$TUI_DATA/long.txt"
tui_wait "article 1/2"
tui_screen | head -n 1 | grep -q "│" || tui_fail "two panes at 120x12"
# The seventh paragraph to the top: 4 lines of headline and byline, one
# line for each paragraph before it at this width.
tui_keys Tab 1 0 j
wait_top 120x12

# Under 100 columns the reader, which has the focus, takes the width:
# the contents (and the title of the second article in it) go.
tui_resize 80 12
tui_wait_gone "小镇新开了一家书店"
tui_lacks "│"
wait_top 80x12

tui_resize 60 20
tui_wait_gone "小镇新开了一家书店"
wait_top 60x20
tui_has "article 1/2"
tui_resize 24 8
tui_wait "long."
wait_top 24x8
tui_screen | grep -q "第八段：照片上的渡口$" || tui_fail "24x8 layout"
# The offset inside the paragraph is kept too: with the last line of the
# seventh paragraph at the top, a wider terminal keeps that line (not the
# paragraph's first) at the top, and so does the way back.
tui_keys 2 j
tui_wait_row 1 "找来了几十年前的老照片。"
tui_resize 50 12
tui_wait_row 1 " 找来了几十年前的老照片。"
tui_resize 24 8
tui_wait_row 1 "找来了几十年前的老照片。"
tui_keys 2 k
wait_top 24x8
# Tab shows the contents alone in a narrow terminal, and back.
tui_keys Tab
tui_wait "第1版"
tui_keys Tab
tui_wait_gone "第1版"
tui_resize 12 4
tui_wait "terminal too"
tui_resize 120 12
tui_wait "小镇新开"
tui_screen | head -n 1 | grep -q "│" || tui_fail "two panes again"
wait_top 120x12
# At 120x40 nearly all of it fits: it keeps the end of the article in
# view rather than blank rows.
tui_resize 120 40
tui_wait "第二十四段"
tui_has "第七段"
tui_has "article 1/2"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
