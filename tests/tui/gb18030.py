#!/usr/bin/python3
"""Run dubao in a zh_CN.GB18030 locale, in a terminal that speaks
GB18030, and check what a reader would see.

The terminal is pyte (a VT emulator) fed with the program's output decoded
as GB18030; like the Chinese terminals of that encoding it draws East
Asian Ambiguous characters two cells wide, as glibc's wcwidth() says they
are in that locale.

Checks: every byte dubao writes is valid GB18030 and none of its Chinese
text goes out in UTF-8 (the wide-character curses API converts to the
locale's charset); the contents, the article and the status line show
the sample's Chinese whole and in place; no hint about a locale that
cannot show Chinese; the pane border is ASCII; a byte that is no GB18030
does not swallow the key after it; q quits with status 0.

Then a GB18030 terminal that draws ambiguous characters one cell wide
(xterm through luit, without -cjk_width) although the locale counts them
two: the probe asks in GB18030, and the reader draws substitutes, so
that the pane border stays in one column on every row.

With --installed (make installcheck runs it on the installed program,
whose message catalogs are installed): the interface's translated
strings (the status line, the help) come out in GB18030 too, whole, as
the article text does; before, gettext handed them out in GB18030 and
the reader drew them as if they were UTF-8.

Usage: gb18030.py [--installed] DUBAO FILE    exit 0 pass, 1 fail, 77 no
pyte or no zh_CN.GB18030 locale
"""

import locale
import os
import sys

try:
    from pyterm import Terminal
except ImportError:
    print("python3-pyte not installed: skipped")
    sys.exit(77)

COLS, ROWS = 100, 30
LOCALE = "zh_CN.GB18030"


def translated(term, fail):
    """The installed catalog's strings on screen, whole."""
    screen = term.screen
    if not term.pump(lambda: "文章 2/10" in term.rows()[-2]):
        fail.append("status line not translated: %r" % term.rows()[-2])
    os.write(term.fd, b"?")
    if not term.pump(lambda: any("dubao 帮助：按键与动作" in r
                                 for r in term.rows())):
        fail.append("help title not translated or garbled: %r" %
                    term.rows()[0])
    if not any("下一篇文章" in r for r in term.rows()):
        fail.append("help lines not translated or garbled")
    os.write(term.fd, b"q")
    term.pump(lambda: "文章 2/10" in term.rows()[-2])
    term.idle()


def main(argv):
    installed = len(argv) > 1 and argv[1] == "--installed"
    if installed:
        argv = argv[1:]
    dubao, path = argv[1], argv[2]
    try:
        locale.setlocale(locale.LC_CTYPE, LOCALE)
    except locale.Error:
        print("no %s locale (tools/install-deps makes it): skipped" % LOCALE)
        return 77
    locale.setlocale(locale.LC_CTYPE, "C")

    env = dict(os.environ, TERM="xterm-256color", LC_ALL=LOCALE)
    term = Terminal([dubao, path], env, COLS, ROWS, ambiguous=2,
                    charset="gb18030")
    screen, raw = term.screen, term.raw

    fail = []
    if not term.pump(lambda: any("1/10" in r for r in term.rows()[-2:])):
        fail.append("no status line within 5 s")
    rows = term.rows()
    text = "\n".join(rows)
    if "\ufffd" in bytes(raw).decode("gb18030", errors="replace"):
        fail.append("output is not valid GB18030")
    for s in ("石板巷里", "青溪晚報"):
        if s.encode("utf-8") in raw:
            fail.append("%s written in UTF-8, not GB18030" % s)
        if s.encode("gb18030") not in raw:
            fail.append("%s not written in GB18030" % s)
    if not any("石板巷里，老茶馆又开张了" in r for r in rows[:-2]):
        fail.append("contents entry not shown whole")
    if not any("“阿婆，还是老样子" in r for r in rows[:-2]):
        fail.append("first paragraph not shown with its quotation mark")
    if "cannot show Chinese" in text or "LANG=C.UTF-8" in text:
        fail.append("hint about the locale in a locale that shows Chinese")
    if "\u2502" in text or not any("|" in r for r in rows[:-2]):
        fail.append("pane border not in ASCII")
    # The status line is whole: the paper's name at its start, the
    # position at its end, nothing pushed onto another row.
    status = rows[-2]
    if not (status.startswith(" 青溪晚報") and "1/10" in status and
            (status.rstrip().endswith("%") or
             status.rstrip().endswith("全部"))):
        fail.append("status line damaged: %r" % status)

    # A byte that is no GB18030 must not swallow the keys after it.
    os.write(term.fd, b"\xff]")
    if not term.pump(lambda: "2/10" in term.rows()[-2]):
        fail.append("] after an invalid byte did not reach the reader")
    if installed:
        translated(term, fail)
    try:
        bytes(raw).decode("gb18030")
    except UnicodeDecodeError as e:
        fail.append("output is not valid GB18030 (after the keys): %r" %
                    bytes(raw[max(0, e.start - 40):e.end + 10]))

    if term.verdict(fail, "ok: GB18030 output, screen consistent") != 0:
        return 1
    return narrow(dubao, path, env)


def narrow(dubao, path, env):
    """A GB18030 terminal that draws ambiguous characters one cell wide
    (xterm through luit, without -cjk_width), where the locale's
    wcwidth() counts two: the probe asks in GB18030, and the answer has
    the reader draw substitutes, so every row keeps its pane border in
    one column."""
    term = Terminal([dubao, path], env, COLS, ROWS, ambiguous=1,
                    charset="gb18030")
    fail = []
    if not term.pump(lambda: "/10" in term.rows()[-2]):
        fail.append("narrow: no status line within 5 s")
    term.idle()
    if "\u201c".encode("gb18030") + b"\x1b[6n" not in bytes(term.raw):
        fail.append("narrow: the width probe not asked in GB18030")
    rows = term.rows()
    text = "\n".join(rows[:-2])
    if "\u201c" in text or "\u2026" in text:
        fail.append("narrow: ambiguous characters drawn as they are")
    buf = term.screen.buffer
    cols = {x for y in range(ROWS - 2) for x in range(COLS)
            if buf[y][x].data == "|"}
    if len(cols) != 1:
        fail.append("narrow: the pane border in columns %s" % sorted(cols))
    if not any('一方柜台里的"慢功夫"' in r for r in rows[:-2]):
        fail.append("narrow: a title not shown with its substitutes")
    return term.verdict(fail, "ok: narrow ambiguous, substitutes")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
