#!/bin/sh
# The contents pane: pages and articles with 字数, the current article
# marked, opening with the keyboard and the mouse, Tab and t.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 100 30 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_screen | grep -q "^> 河畔小城迎来第一场雪 .*178字" ||
    tui_fail "current article not marked"
# j j selects the second page's first article; Enter opens it.
tui_keys j j j Enter
tui_wait "article 3/4"
tui_screen | grep -q "^> 菜市场里的新变化" || tui_fail "marker did not move"
# Focus is in the reader now: j scrolls the text, not the list.
tui_keys Tab k k Enter
tui_wait "article 2/4"
# t hides the contents pane, t again shows it.
tui_keys t
tui_wait_gone "第1版 要闻"
tui_has "石岭村"
tui_keys t
tui_wait "第1版 要闻"
# A click (X10 mouse encoding) on the fifth row opens that article.
tui_keys -H 1b 5b 4d 20 25 25 1b 5b 4d 23 25 25
tui_wait "article 3/4"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
