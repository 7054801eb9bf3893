#!/bin/sh
# Colours that read on the terminal's background, light, dark or unknown
# (OSC 11 answered, late, not at all; COLORFGBG; set background), in 256
# and in 8 colours (pyte on a pty, contrast of every character).
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
# Debian's python3-pyte is for the system python3, not another one first
# on PATH.
py=/usr/bin/python3
[ -x "$py" ] || { echo "no $py: skipped"; exit 77; }
exec "$py" -B "$top_srcdir/tests/tui/colors.py" "$DUBAO" \
    "$top_srcdir/data/sample.txt"
