#!/bin/sh
# Search: the prompt edits characters (not bytes), every match in view is
# in reverse video and nothing else is, the current one distinct, n and N cross articles and
# pages and wrap around with a message.
. "$top_srcdir/tests/tui/lib.sh"

tui_start 120 40 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
# 陈老X, Backspace removes the whole X character, then 师.
tui_keys /
tui_text "陈老Ｘ"
tui_wait "/陈老Ｘ"
tui_keys BSpace
tui_wait_gone "陈老Ｘ"
tui_text "师"
tui_keys Enter
tui_wait "/陈老师 1/3"
tui_has "article 2/4"
# Both matches of the article are highlighted (reverse video, SGR 7),
# and only the matches: no text before or after them.
runs=$(tui_reverse_runs | grep -F "陈老师")
n=$(printf '%s\n' "$runs" | grep -c .)
[ "$n" -ge 2 ] || tui_fail "highlights: $n"
printf '%s\n' "$runs" | grep -qvx "陈老师" &&
    tui_fail "a highlight holds more than the match: $runs"
tui_keys n
tui_wait "/陈老师 2/3"
tui_keys n
tui_wait "/陈老师 3/3"
tui_has "article 4/4"
tui_has "第2版"
tui_keys n
tui_wait "wrapped around to the first match"
tui_has "/陈老师 1/3"
tui_keys N
tui_wait "wrapped around to the last match"
tui_has "/陈老师 3/3"
# Esc cancels a prompt and keeps the search.
tui_keys /
tui_text "石岭"
tui_wait "/石岭"
tui_keys Escape
tui_wait_gone "/石岭"
tui_has "/陈老师 3/3"
# Up recalls the last query, searched again from the current article.
tui_keys '{'
tui_wait "article 1/4"
tui_keys / Up
tui_wait "/陈老师"
tui_keys Enter
tui_wait "/陈老师 1/3"
tui_has "article 2/4"
# No match: a message, nothing moves.
tui_keys /
tui_text "不存在的词"
tui_keys Enter
tui_wait "not found: 不存在的词"
tui_keys q
s=$(tui_status)
[ "$s" = 0 ] || tui_fail "exit status after q: $s"
exit 0
