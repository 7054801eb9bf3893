#!/bin/sh
# The reader in a terminal that draws East Asian Ambiguous characters two
# cells wide (pyte, a VT emulator, with its widths changed): dubao must
# find that out from its probe and keep the screen consistent.
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
# Debian's python3-pyte is for the system python3, not another one first
# on PATH.
py=/usr/bin/python3
[ -x "$py" ] || { echo "no $py: skipped"; exit 77; }
exec "$py" -B "$top_srcdir/tests/tui/ambiguous.py" "$DUBAO" \
    "$top_srcdir/data/sample.txt"
