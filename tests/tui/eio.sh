#!/bin/sh
# The terminal goes away and no SIGHUP comes (it is blocked): the reader
# must give up after its reads fail, and exit 1 (tests/tui/eio.py).
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
# Debian's python3-pyte is for the system python3, not another one first
# on PATH.
py=/usr/bin/python3
[ -x "$py" ] || { echo "no $py: skipped"; exit 77; }
exec "$py" -B "$top_srcdir/tests/tui/eio.py" "$DUBAO" \
    "$top_srcdir/tests/tui/data/two-pages.txt"
