#!/bin/sh
# The contents pane: pages and articles with 字数, the current article
# marked, opening with the keyboard and the mouse, Tab and t. At 80x24 the
# contents take the whole width, so titles are shown whole, and the
# heading of the page whose articles are in view stays on the first row.
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
$T kill-session -t t

# 80x24: the contents alone, titles whole (the longest, a photo caption
# of 36 characters, and every title with its 字数 at the right edge).
tui_start 80 24 "$top_srcdir/data/sample.txt"
tui_wait "article 1/10"
tui_has "图：春分将至，青溪湿地公园的油菜花进入盛花期，吸引不少市民前来踏青。"
tui_screen | grep -q "^> 石板巷里，老茶馆又开张了  *687字$" ||
    tui_fail "first title not whole with its count at 80 columns"
tui_has "异乡人的镜头里，青溪的四季与烟火"
tui_lacks "…"
# Enter opens the article across the width; q goes back to the list.
tui_keys Enter
tui_wait_gone "异乡人的镜头里"
tui_has "阿婆，还是老样子"
tui_keys q
tui_wait "异乡人的镜头里"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "80x24: exit status after q: $s"
$T kill-session -t t

# 80x6: four items in view under the sticky heading. Moving down, the
# first page's heading stays on top while its articles scroll; once the
# second page's articles are in view, its heading is on top.
tui_start 80 6 "$top_srcdir/data/sample.txt"
tui_wait "article 1/10"
tui_keys j j j j j
tui_wait_gone "石板巷里"
tui_screen | head -n 1 | grep -q "^第1版 要闻" ||
    tui_fail "page 1 heading not kept on the first row"
tui_keys j j j j j
tui_wait_gone "三百名"
tui_screen | head -n 1 | grep -q "^第2版 综合" ||
    tui_fail "page 2 heading not on the first row"
tui_screen | head -n 4 | grep -q "第1版" && tui_fail "page 1 still listed"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "80x6: exit status after q: $s"
exit 0
