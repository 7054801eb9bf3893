#!/bin/sh
# results.sh -- library search (S) in the reader, on a generated library
# of crawler folders: the results view groups the matches by issue (date,
# count), page and article (count), one row a match with its snippet and
# the match in the original form highlighted; Enter opens the article at
# the match (highlighted there), q comes back to the list as it was, q
# again closes it. The search indexes what it reads. Esc stops a search
# still running, and what was found stays.
. "$top_srcdir/tests/tui/lib.sh"
TUI_ENV="XDG_CACHE_HOME=$TUI_TMP/cache"
lib=$TUI_TMP/lib

# article DIR DATE PAGE N HEADLINE TEXT: one crawler file.
article() {
	mkdir -p "$1" || exit 99
	printf '\r\n%s\r\n\r\n　　%s\r\n' "$5" "$6" >"$1/$2-$3-$4.txt"
}
for d in 01 02 03; do
	dir=$lib/2021/03/202103$d
	article "$dir" "202103$d" 01 01 "河畔小城第$d期要闻" \
	    "清晨六点，河畔小城的街道被薄雪覆盖。环卫工人老周从东门扫到西门。"
	article "$dir" "202103$d" 01 02 "滿洲裏口岸迎來班列" \
	    "編號ＣＮ ８１的班列緩緩駛入滿洲裏站，司機老周說今天格外順利。"
	article "$dir" "202103$d" 02 01 "山村图书室的灯光" \
	    "退休教师陈老师在这里义务值守，灯光亮着，村子就有了精神。"
done
# Reverse-video runs above the status line (row 28 of 30).
hits() { tui_screen -e | python3 -B "$top_srcdir/tests/tui/reverse.py" |
    awk -F '\t' '$1 < 28 { print $2 }'; }
command -v python3 >/dev/null 2>&1 || { echo "no python3: skipped"; exit 77; }

tui_start 100 30 "$lib"
tui_wait "河畔小城第01期要闻"
tui_keys S
tui_wait "search every issue:"
tui_text "满洲里"
tui_keys Enter
tui_wait "library search: 满洲里: 6 matches in 3 issues"
tui_has "2021-03-01"
tui_has "2021-03-03"
# Each issue row counts 2, each article row 2 (headline and text).
[ "$(tui_screen | grep -c '^2021-03-0[123] .* 2$')" -eq 3 ] ||
    tui_fail "issue rows with their counts"
[ "$(tui_screen | grep -c '^  第1版 .*滿洲裏口岸迎來班列 .* 2$')" -eq 3 ] ||
    tui_fail "article rows with their counts"
tui_has "編號ＣＮ ８１的班列緩緩駛入滿洲裏站"
# The matches in their original form, highlighted (and the selection).
[ "$(hits | grep -c '^滿洲裏$')" -ge 5 ] || tui_fail "matches: $(hits)"
# To the second match of the first issue, and open it.
tui_keys j j j
tui_wait "4/"
tui_keys Enter
tui_wait "article 2/3"
tui_wait_gone "library search: 满洲里"
tui_has "2021-03-01"
[ "$(hits | grep -c '滿洲裏')" -ge 2 ] || tui_fail "no match in the reader: $(hits)"
tui_wait "/满洲里"
# Back: the list as it was, the selection on the same row.
tui_keys q
tui_wait "library search: 满洲里: 6 matches in 3 issues"
tui_has "4/"
# The search put what it read into the index.
[ -s "$TUI_TMP/cache/dubao/index.sqlite" ] || tui_fail "nothing indexed"
tui_keys q
tui_wait_gone "library search"
tui_wait "article 2/3"

# No match anywhere: said in the list's status.
tui_keys S
tui_wait "search every issue:"
tui_text "不存在的词语"
tui_keys Enter
tui_wait "not found: 不存在的词语"
tui_keys q
tui_wait_gone "not found"
tui_keys q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"

# Many issues: Esc stops the search; what was found stays listed.
python3 - "$lib/many" <<'EOS' || exit 99
import datetime, os, sys
text = "清晨六点，河畔小城的街道被薄雪覆盖。老周从东门扫到西门，再从西门扫回东门。"
day = datetime.date(2020, 1, 1)
for n in range(250):
    d = (day + datetime.timedelta(days=n)).strftime("%Y%m%d")
    os.makedirs(os.path.join(sys.argv[1], d))
    for p in range(1, 9):
        with open(os.path.join(sys.argv[1], d, "%s-%02d-01.txt" % (d, p)),
                  "w", encoding="utf-8") as f:
            f.write("\r\n第%02d版的一篇文章\r\n\r\n　　%s\r\n" % (p, text * 20))
EOS
$T kill-session -t t 2>/dev/null
tui_start 100 30 "$lib/many"
tui_wait "第01版的一篇文章"
tui_keys S
tui_wait "search every issue:"
tui_text "老周"
tui_keys Enter Escape
tui_wait "stopped"
tui_screen | grep -q 'library search: 老周: [0-9]* matches in [0-9]* issues' ||
    tui_fail "no counts after Esc"
tui_lacks "(Esc stops)"
tui_keys q
tui_wait_gone "stopped"
tui_keys q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
