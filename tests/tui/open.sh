#!/bin/sh
# Opening an issue: contents on the left, the first article on the right,
# the status line with the page and the article count.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 120 40 "$TUI_DATA/two-pages.txt"
tui_wait "河畔小城迎来第一场雪"
tui_wait "article 1/4"
tui_has "第1版 要闻"
tui_has "第2版 民生"
tui_has "178字"
tui_has "本报记者 林晓舟"
tui_has "清晨六点"
# The status line (second row from the bottom) names the page.
tui_screen | tail -n 2 | head -n 1 | grep -q "第1版" || tui_fail "status line"
# The alternate screen is in use while reading.
[ "$($T display-message -p -t t '#{alternate_on}')" = 1 ] ||
    tui_fail "not on the alternate screen"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
