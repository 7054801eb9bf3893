#!/usr/bin/python3
"""Bytes on the wire: one line of scrolling (j) in dubao's reader costs no
more than twice what less sends for one line (j) of the same text, at
80x24 in the same terminal (pyte on a pty, TERM=xterm-256color).

The text is one long article made of the sample issue's paragraphs;
less shows it as `dubao --dump=text --width=78` prints it, which is what
the reader shows at 80 columns. Each program gets two j to settle, then
JS more, each counted alone (the program's output settles before the
next key); the means are compared. Over a slow link these bytes are the
lag after each key.

Usage: bytes.py DUBAO SAMPLE    exit 0 pass, 1 fail, 77 no pyte or less
"""

import os
import shutil
import subprocess
import sys
import tempfile

try:
    from pyterm import Terminal
except ImportError:
    print("python3-pyte not installed: skipped")
    sys.exit(77)

COLS, ROWS, JS = 80, 24, 10


def article(sample, path):
    """A page with one article: the sample's long paragraphs, thrice."""
    with open(sample, encoding="utf-8") as f:
        paras = [ln.strip() for ln in f if len(ln.strip()) > 60]
    with open(path, "w", encoding="utf-8") as f:
        f.write("第01版：要闻\n\n渡口边的长文\n\n本报记者 周晚晴\n\n")
        for p in paras * 3:
            f.write("\u3000\u3000%s\n\n" % p)


def per_j(term):
    for _ in range(2):
        term.count(b"j")
    return [term.count(b"j") for _ in range(JS)]


def main(argv):
    dubao, sample = argv[1], argv[2]
    less = shutil.which("less")
    if less is None:
        print("less not installed: skipped")
        return 77
    tmp = tempfile.mkdtemp()
    page, dump = os.path.join(tmp, "page.txt"), os.path.join(tmp, "dump")
    article(sample, page)
    with open(dump, "w") as f:
        subprocess.run([dubao, "--dump=text", "--width=78", page],
                       stdout=f, check=True)
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8",
               LESS="", LESSOPEN="", LESSCLOSE="", LESSHISTFILE="-")
    fail = []

    t = Terminal([less, dump], env, COLS, ROWS)
    if not t.pump(lambda: "dump" in t.screen.display[-1]):
        fail.append("less did not start")
    lb = per_j(t)
    t.quit()

    t = Terminal([dubao, page], env, COLS, ROWS)
    if not t.pump(lambda: "article 1/" in t.screen.display[-2]):
        fail.append("no status line within 5 s")
    t.count(b"\r")      # open the article (the contents come first)
    db = per_j(t)
    t.count(b"q")       # back to the contents, where q quits
    shutil.rmtree(tmp)
    lm, dm = sum(lb) / len(lb), sum(db) / len(db)
    print("bytes per j at %dx%d: less %.0f %s, dubao %.0f %s (%.2fx)" %
          (COLS, ROWS, lm, lb, dm, db, dm / lm))
    if lm <= 0 or min(db) <= 0:
        fail.append("a j wrote nothing: less %s, dubao %s" % (lb, db))
    elif dm > 2 * lm:
        fail.append("dubao sends %.0f bytes per line, more than twice "
                    "less's %.0f" % (dm, lm))
    return t.verdict(fail, "ok: %.2fx the bytes less sends" % (dm / lm))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
