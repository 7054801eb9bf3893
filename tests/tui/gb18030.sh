#!/bin/sh
# The reader in a zh_CN.GB18030 locale, in a terminal that speaks GB18030
# (pyte fed with the output decoded as GB18030): the output goes through
# the locale's charset, and the screen is whole.
: "${top_srcdir:=.}" "${DUBAO:=src/dubao}"
# Debian's python3-pyte is for the system python3, not another one first
# on PATH.
py=/usr/bin/python3
[ -x "$py" ] || { echo "no $py: skipped"; exit 77; }
exec "$py" -B "$top_srcdir/tests/tui/gb18030.py" "$DUBAO" \
    "$top_srcdir/data/sample.txt"
