#!/usr/bin/python3
"""Run dubao in a terminal that draws East Asian Ambiguous characters two
cells wide, and check what a reader would see.

The terminal is pyte (a VT emulator) with its width function changed so
that characters such as “ ” — … take two cells; it answers dubao's cursor
position probe, so dubao must find out by itself (no --ambiguous-width).

Checks: no ambiguous character reaches the screen (dubao substitutes
them), the pane border is drawn in ASCII, the status line sits whole on
the bottom row, and q quits with status 0.

Usage: ambiguous.py DUBAO FILE    exit 0 pass, 1 fail, 77 no pyte
"""

import os
import sys
import unicodedata

try:
    from pyterm import Terminal
except ImportError:
    print("python3-pyte not installed: skipped")
    sys.exit(77)

COLS, ROWS = 100, 30


def main(argv):
    dubao, path = argv[1], argv[2]
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
    term = Terminal([dubao, path], env, COLS, ROWS, ambiguous=2)
    screen = term.screen

    fail = []
    if not term.pump(lambda: any("article 1/" in r for r in
                                 screen.display[-2:])):
        fail.append("no status line within 5 s")
    rows = screen.display
    text = "\n".join(rows)
    amb = sorted({c for c in text if unicodedata.east_asian_width(c) == "A"})
    if amb:
        fail.append("ambiguous characters on screen: %s" % " ".join(amb))
    if "\u2502" in text:
        fail.append("box-drawing border (ambiguous) instead of ASCII")
    if not any("|" in r for r in rows[:-2]):
        fail.append("no ASCII pane border")
    if '"' not in text:
        fail.append("no substituted quotation mark in the article")
    # The status line is whole: the paper's name at its start, the
    # article count and position at its end, nothing shifted off.
    status = rows[-2]
    if not (status.startswith(" 青溪晚報") and "article 1/10" in status and
            status.rstrip().endswith("%")):
        fail.append("status line damaged: %r" % status)

    return term.verdict(fail, "ok: ambiguous width 2 detected, screen consistent")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
