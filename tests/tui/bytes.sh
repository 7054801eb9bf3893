#!/bin/sh
# Bytes on the wire: a line of scrolling in the reader costs at most
# twice what less sends for a line of the same text (pyte on a pty).
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
# Debian's python3-pyte is for the system python3, not another one first
# on PATH.
py=/usr/bin/python3
[ -x "$py" ] || { echo "no $py: skipped"; exit 77; }
exec "$py" -B "$top_srcdir/tests/tui/bytes.py" "$DUBAO" \
    "$top_srcdir/data/sample.txt"
