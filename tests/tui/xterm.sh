#!/bin/sh
# The reader as users see it: in a real xterm (under Xvfb), on a white
# and on a black background, with screenshots in tests/out/. xterm
# answers dubao's OSC 11 question with its background, and the palette
# must follow: on white, the headline is dark blue (256-colour 19,
# #0000af) and no yellow of the dark palette (#ffd787) or of xterm's
# (#cdcd00) shows; on black, the headline is gold (#ffd787). The status
# bar's colour (#005f87 on white, #87afd7 on black) says the first
# screen is there. Skipped (77) without Xvfb, xterm or ImageMagick.
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
for p in Xvfb xterm import convert; do
	command -v "$p" >/dev/null 2>&1 || { echo "no $p: skipped"; exit 77; }
done
out=${top_builddir:-.}/tests/out
mkdir -p "$out" || exit 99
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-xterm.XXXXXX") || exit 99
xpid=
trap '[ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$tmp"' EXIT

# A display of our own: Xvfb picks a free number and writes it to a file.
Xvfb -displayfd 3 -screen 0 1000x700x24 -nolisten tcp 3>"$tmp/display" \
    2>"$tmp/xvfb.log" &
xpid=$!
i=0
until [ -s "$tmp/display" ]; do
	i=$((i + 1))
	[ "$i" -gt 100 ] && { echo "Xvfb did not start"; exit 77; }
	sleep 0.1
done
DISPLAY=:$(cat "$tmp/display")
export DISPLAY

# count IMAGE HEX: pixels of colour #HEX in IMAGE.
count() {
	convert "$1" -fill black +opaque "#$2" -fill white -opaque "#$2" \
	    -format '%[fx:int(mean*w*h+0.5)]' info:
}

# shot BG FG BAR: run dubao in xterm on BG, wait for the status bar in
# colour BAR, leave the screenshot in $out/xterm-BG.png.
shot() {
	png=$out/xterm-$1.png
	rm -f "$png"
	xterm -geometry 100x30+0+0 -bg "$1" -fg "$2" -tn xterm-256color \
	    -fa 'DejaVu Sans Mono' -fd 'Noto Sans Mono CJK SC' -fs 11 -e env LC_ALL=C.UTF-8 \
	    XDG_CONFIG_HOME="$tmp" COLORFGBG= "$DUBAO" \
	    "$top_srcdir/data/sample.txt" &
	xt=$!
	end=$(($(date +%s) + 20))
	while :; do
		import -window root "$tmp/shot.png" 2>/dev/null &&
		    [ "$(count "$tmp/shot.png" "$3")" -gt 2000 ] && break
		if [ "$(date +%s)" -gt "$end" ]; then
			import -window root "$png"
			kill "$xt"
			echo "FAIL: no status bar in #$3 on $1 within 20 s: $png"
			exit 1
		fi
		sleep 0.2
	done
	# The bar is drawn with the rest of the frame; one more shot to be
	# sure the whole frame is in.
	import -window root "$png"
	kill "$xt" 2>/dev/null
	wait "$xt" 2>/dev/null
}

fail=0
shot white black 005f87
n_head=$(count "$png" 0000af)
n_gold=$(count "$png" ffd787)
n_yellow=$(count "$png" cdcd00)
echo "white: headline #0000af $n_head px, #ffd787 $n_gold px, #cdcd00 $n_yellow px"
[ "$n_head" -gt 500 ] || { echo "FAIL: no dark blue headline on white"; fail=1; }
[ "$n_gold" -eq 0 ] && [ "$n_yellow" -eq 0 ] ||
    { echo "FAIL: yellow on white"; fail=1; }

shot black white 87afd7
n_gold=$(count "$png" ffd787)
n_head=$(count "$png" 0000af)
echo "black: headline #ffd787 $n_gold px, #0000af $n_head px"
[ "$n_gold" -gt 500 ] || { echo "FAIL: no gold headline on black"; fail=1; }
[ "$n_head" -eq 0 ] || { echo "FAIL: dark blue on black"; fail=1; }
echo "screenshots: $out/xterm-white.png $out/xterm-black.png"
exit $fail
