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
import pty
import select
import sys
import time
import unicodedata

try:
    import pyte
    import pyte.screens
    from wcwidth import wcwidth
except ImportError:
    print("python3-pyte not installed: skipped")
    sys.exit(77)

COLS, ROWS = 100, 30


def wide_ambiguous(ch):
    if unicodedata.east_asian_width(ch) == "A":
        return 2
    return wcwidth(ch)


def main(argv):
    dubao, path = argv[1], argv[2]
    pyte.screens.wcwidth = wide_ambiguous
    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)

    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8",
                   COLUMNS=str(COLS), LINES=str(ROWS))
        os.execve(dubao, [dubao, path], env)

    # The emulator's answers (the cursor position report) go back to
    # the program.
    screen.write_process_input = lambda data: os.write(fd, data.encode())

    def pump(until, seconds=5.0):
        end = time.time() + seconds
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    return False
                if not data:
                    return False
                stream.feed(data)
            if until():
                return True
        return False

    fail = []
    if not pump(lambda: any("article 1/" in r for r in screen.display[-2:])):
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

    os.write(fd, b"q")
    pump(lambda: False, 1.0)
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        fail.append("q did not quit with status 0 (%r)" % status)

    for f in fail:
        print("FAIL:", f)
    if fail:
        print("\n".join(rows))
        return 1
    print("ok: ambiguous width 2 detected, screen consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
