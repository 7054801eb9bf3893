#!/bin/sh
# Late answers to the terminal probe (a slow link, a slow load): taken
# whenever they come, applied, never read as keys; no key typed around
# them is lost (pyte on a pty that answers late).
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
# Debian's python3-pyte is for the system python3, not another one first
# on PATH.
py=/usr/bin/python3
[ -x "$py" ] || { echo "no $py: skipped"; exit 77; }
exec "$py" -B "$top_srcdir/tests/tui/late.py" "$DUBAO" \
    "$top_srcdir/data/sample.txt"
