#!/bin/sh
# fold.sh -- folded search in the reader, on the real seed page
# (../shared/seed): a Traditional query finds and highlights the
# Simplified text (滿洲裏 -> 满洲里, every match in view), full-width digits
# find half-width ones, and 老兵码”运行体系, which a column break cuts in
# the file and a line break cuts on screen, is one match highlighted on
# both lines. The masthead, which only the info view shows, is searched
# too: 国防报 opens the info view with 國防報 marked, n goes on to the
# next match, ＣＮ ８１ marks CN 81. With `set fold-variants no` the
# Traditional query finds nothing.
. "$top_srcdir/tests/tui/lib.sh"
seed="$top_srcdir/../shared/seed/000_4b26129b71a72054.txt"
[ -f "$seed" ] || { echo "no ../shared/seed: skipped"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "no python3: skipped"; exit 77; }
phrase='老兵码”运行体系'

# A text width at which a line break falls inside the phrase.
w=20
while [ "$w" -le 80 ]; do
	"$DUBAO" --dump=text --width=$w --text-width=$w "$seed" |
	    grep -qF "$phrase" || break
	w=$((w + 1))
done
[ "$w" -le 80 ] || tui_fail "no width cuts the phrase"

# Reverse-video runs of the reader pane (the status line left out).
hits() { tui_screen -e | python3 -B "$top_srcdir/tests/tui/reverse.py" |
    awk -F '\t' '$1 < 28 { print $2 }'; }

tui_start 100 30 --text-width=$w "$seed"
tui_wait "老兵码"
tui_keys t
tui_wait_gone "1429字"
tui_keys /
tui_text "$phrase"
tui_keys Enter
tui_wait "/$phrase 1/1"
got=$(hits)
[ "$(echo "$got" | wc -l)" -eq 2 ] ||
    tui_fail "phrase not highlighted on two lines: $got"
[ "$(echo "$got" | tr -d '\n')" = "$phrase" ] ||
    tui_fail "highlighted: $got"

if grep -q 'define HAVE_OPENCC 1' "${top_builddir:-.}/config.h"; then
	tui_keys /
	tui_text "滿洲裏"
	tui_keys Enter
	tui_wait "/滿洲裏 1/3"
	got=$(hits | sort -u)
	[ "$got" = "满洲里" ] || tui_fail "滿洲裏 highlights: $got"
	[ "$(hits | wc -l)" -ge 2 ] || tui_fail "not every match in view"
fi
tui_keys /
tui_text "２０万名"
tui_keys Enter
tui_wait "/２０万名 1/1"
[ "$(hits)" = "20万名" ] || tui_fail "２０万名 highlights: $(hits)"
tui_keys q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"

exit 0
