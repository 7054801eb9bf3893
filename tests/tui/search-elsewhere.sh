#!/bin/sh
# search-elsewhere.sh -- a search that the issue on screen cannot answer
# says how many matches the other open issues hold and that S lists
# them; with none elsewhere it says "not found".
. "$top_srcdir/tests/tui/lib.sh"

cat >"$TUI_TMP/other.txt" <<'EOS'
第01版：要闻

春耕时节访农家

本报记者 林晓舟

　　清晨的田野上，拖拉机来回翻地。村里的老农说，今年雨水足，春耕比往年早了几天。
EOS

tui_start 100 20 "$TUI_TMP/other.txt" "$TUI_DATA/two-pages.txt"
tui_wait "春耕时节访农家"
tui_keys /
tui_text "陈老师"
tui_keys Enter
tui_wait "not found here: 陈老师; 3 matches in 1 other issue (S lists them)"
tui_has "春耕时节访农家"
tui_keys /
tui_text "不存在的词语"
tui_keys Enter
tui_wait "not found: 不存在的词语"
tui_keys q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
