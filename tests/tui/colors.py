#!/usr/bin/python3
"""Colours that read on the terminal's background: every character on
the screen (headlines, kickers, bylines, captions, the contents, the
status bar, a search match) must stand out from what is behind it by a
contrast ratio of at least MIN (WCAG's formula), with xterm's colours, on
a white and on a black background.

The terminal (pyte) answers OSC 11 with white or black, or not at all
(then both backgrounds must read); with 256 colours (xterm-256color) and
with 8 (xterm). Also: an answer that comes 0.8 s late still changes the
palette; COLORFGBG says the background when OSC 11 is not answered; and
`set background dark` in the config wins over the terminal's answer.

Usage: colors.py DUBAO SAMPLE    exit 0 pass, 1 fail, 77 no pyte
"""

import os
import sys
import tempfile

try:
    from pyterm import Terminal
except ImportError:
    print("python3-pyte not installed: skipped")
    sys.exit(77)

COLS, ROWS = 120, 30
MIN = 3.0
WHITE, BLACK = (255, 255, 255), (0, 0, 0)
# xterm's default 16 colours, by the names pyte gives them.
NAMED = {
    "black": (0, 0, 0), "red": (205, 0, 0), "green": (0, 205, 0),
    "brown": (205, 205, 0), "blue": (0, 0, 238), "magenta": (205, 0, 205),
    "cyan": (0, 205, 205), "white": (229, 229, 229),
    "brightblack": (127, 127, 127), "brightred": (255, 0, 0),
    "brightgreen": (0, 255, 0), "brightbrown": (255, 255, 0),
    "brightblue": (92, 92, 255), "brightmagenta": (255, 0, 255),
    "brightcyan": (0, 255, 255), "brightwhite": (255, 255, 255),
}


def rgb(name, default):
    if name == "default":
        return default
    if name in NAMED:
        return NAMED[name]
    return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))


def luminance(c):
    def lin(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def worst(term, bg):
    """The lowest contrast of any character on screen on background BG,
    with the terminal's default foreground the opposite of BG."""
    fg_default = BLACK if bg == WHITE else WHITE
    low = (99, "")
    for y in range(term.screen.lines):
        for x, cell in term.screen.buffer[y].items():
            if not cell.data.strip():
                continue
            fg, back = rgb(cell.fg, fg_default), rgb(cell.bg, bg)
            if cell.reverse:
                fg, back = back, fg
            c = contrast(fg, back)
            if c < low[0]:
                low = (c, "%r %s on %s" % (cell.data, cell.fg, cell.bg))
    return low


def run(dubao, sample, term_name, answer, extra_env=None, config=None,
        delay=0.0):
    env = dict(os.environ, TERM=term_name, LC_ALL="C.UTF-8")
    env.pop("COLORFGBG", None)
    env.pop("NO_COLOR", None)
    env.update(extra_env or {})
    tmp = tempfile.mkdtemp()
    env["XDG_CONFIG_HOME"] = tmp
    if config:
        os.mkdir(os.path.join(tmp, "dubao"))
        with open(os.path.join(tmp, "dubao", "config"), "w") as f:
            f.write(config)
    term = Terminal([dubao, sample], env, COLS, ROWS, delay=delay,
                    background=answer)
    term.pump(lambda: "article 1/" in term.rows()[-2])
    if delay:
        term.pump(lambda: False, delay + 0.5)
    # A search, so that a match and the current match are on screen.
    os.write(term.fd, "/茶馆\r".encode())
    term.pump(lambda: "/茶馆 " in term.rows()[-2])
    term.idle()
    return term


def check(term, what, bgs, fail):
    for bg in bgs:
        c, cell = worst(term, bg)
        name = "white" if bg == WHITE else "black"
        print("%s, on %s: lowest contrast %.2f (%s)" % (what, name, c, cell))
        if c < MIN:
            fail.append("%s: %s reads badly on %s (%.2f)" %
                        (what, cell, name, c))


def main(argv):
    dubao, sample = argv[1], argv[2]
    code = 0
    for tn in ("xterm-256color", "xterm"):
        for answer, bgs in (("light", [WHITE]), ("dark", [BLACK]),
                            (None, [WHITE, BLACK])):
            fail = []
            what = "%s, OSC 11 %s" % (tn, answer or "unanswered")
            t = run(dubao, sample, tn, answer)
            check(t, what, bgs, fail)
            code |= t.verdict(fail, "ok: " + what)
    # Late: the answer comes after the first screen, and still counts.
    fail = []
    t = run(dubao, sample, "xterm-256color", "light", delay=0.8)
    check(t, "late answer, light", [WHITE], fail)
    code |= t.verdict(fail, "ok: late answer")
    # No answer: COLORFGBG says white (15) behind.
    fail = []
    t = run(dubao, sample, "xterm", None, {"COLORFGBG": "0;15"})
    check(t, "COLORFGBG light", [WHITE], fail)
    code |= t.verdict(fail, "ok: COLORFGBG")
    # The config wins over the terminal.
    fail = []
    t = run(dubao, sample, "xterm-256color", "light",
            config="set background dark\n")
    check(t, "set background dark", [BLACK], fail)
    code |= t.verdict(fail, "ok: set background")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
