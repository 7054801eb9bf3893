#!/usr/bin/python3
"""Late answers to the terminal probe, as over a slow SSH link: dubao
asks the terminal how wide it draws ambiguous characters (a cursor
position report) and waits 250 ms; the answer may come later. It must be
recognised whenever it comes, never read as keys, and applied (here: the
terminal draws “ ” — … two cells wide, so the screen is redrawn with
substitutes and an ASCII border), and no key typed around it is lost.

1. The answer comes 0.8 s after the question. A ] typed before the first
   screen and another after the answer both count: article 3/10.
2. The answer comes at once, while dubao loads a large issue (longer
   than 250 ms): it was read then, so the first screen is already right.

Checks in both: no "not bound" message, no ambiguous character on the
screen, an ASCII pane border, q quits with status 0.

Usage: late.py DUBAO SAMPLE    exit 0 pass, 1 fail, 77 no pyte
"""

import os
import shutil
import sys
import tempfile
import time
import unicodedata

try:
    from pyterm import Terminal
except ImportError:
    print("python3-pyte not installed: skipped")
    sys.exit(77)

COLS, ROWS = 100, 30


def consistent(term, fail, what):
    """The screen as a terminal with wide ambiguous characters needs."""
    rows = term.rows()
    text = "\n".join(rows)
    amb = sorted({c for c in text if unicodedata.east_asian_width(c) == "A"})
    if amb:
        fail.append("%s: ambiguous characters on screen: %s" %
                    (what, " ".join(amb)))
    if not any("|" in r for r in rows[:-2]):
        fail.append("%s: no ASCII pane border" % what)
    if "not bound" in text:
        fail.append("%s: the answer was read as keys: %r" %
                    (what, rows[-1]))


def status(term, text):
    return lambda: text in term.rows()[-2]


def late(dubao, sample, env, fail):
    term = Terminal([dubao, sample], env, COLS, ROWS, ambiguous=2,
                    delay=0.8)
    t0 = time.time()
    os.write(term.fd, b"]")
    if not term.pump(status(term, "article 2/10")):
        fail.append("late: ] typed before the first screen was lost")
    if time.time() - t0 > 0.7:
        fail.append("late: the first screen waited for the answer")
    # The answer comes at 0.8 s: then the border turns to ASCII.
    term.pump(lambda: any("|" in r for r in term.rows()[:-2]))
    term.idle()
    os.write(term.fd, b"]")
    if not term.pump(status(term, "article 3/10")):
        fail.append("late: ] typed after the answer was lost")
    term.idle()
    consistent(term, fail, "late")
    return term


def during_load(dubao, sample, env, fail):
    tmp = tempfile.mkdtemp()
    big = os.path.join(tmp, "big.txt")
    with open(sample, "rb") as f:
        page = f.read()
    with open(big, "wb") as f:
        f.write(page * 900)             # about 12 MB: a slow load
    # A reading state of its own: the big issue has the sample's paper
    # and date, and would resume where late() left the sample.
    env = dict(env, XDG_STATE_HOME=tmp)
    term = Terminal([dubao, big], env, COLS, ROWS, ambiguous=2)
    if not term.pump(lambda: "article 1/" in term.rows()[-2], 60):
        fail.append("load: no first screen within 60 s")
    term.idle()
    consistent(term, fail, "load")
    os.write(term.fd, b"]")
    if not term.pump(status(term, "article 2/")):
        fail.append("load: ] after the first screen did nothing")
    shutil.rmtree(tmp)
    return term


def main(argv):
    dubao, sample = argv[1], argv[2]
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
    fail = []
    code = late(dubao, sample, env, fail).verdict(fail, "ok: late answer")
    fail = []
    code |= during_load(dubao, sample, env, fail).verdict(
        fail, "ok: answer during the load")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
