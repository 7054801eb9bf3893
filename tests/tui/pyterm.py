"""A terminal for the reader tests that tmux cannot be: pyte (a VT
emulator) on a pseudo-terminal, with the width of East Asian Ambiguous
characters, the charset of the byte stream, the speed of its answers and
its background colour chosen by the test.

    term = Terminal(argv, env, cols, rows, ambiguous=2, charset="gb18030",
                    delay=0.6, background="light")
    term.pump(lambda: "article 1/" in term.screen.display[-2])
    n = term.count(b"j", lambda: ...)  # bytes the program wrote for a key
    return term.verdict(fail, "ok: ...")   # q; FAIL lines; exit code

The emulator answers the program's queries in the same charset: the
cursor position report (ESC [ 6 n) of dubao's ambiguous-width probe, and
the background colour (OSC 11 ; ?) when BACKGROUND is "light" or "dark"
(None: no answer, as a terminal without OSC 11). With DELAY > 0 each
answer goes out DELAY seconds after the query, as over a slow link. Every
byte the program wrote is kept in term.raw.
"""

import codecs
import os
import pty
import re
import select
import signal
import time
import unicodedata

import pyte
import pyte.screens
from wcwidth import wcwidth

# REP (ESC [ N b: the character before, N more times), which ncurses
# uses where terminfo has it (xterm) and pyte does not know.
REP = re.compile(r"(.)\x1b\[(\d*)b", re.S)

BACKGROUNDS = {"light": "rgb:ffff/ffff/ffff", "dark": "rgb:0000/0000/0000"}


class Terminal:
    def __init__(self, argv, env, cols, rows, ambiguous=1,
                 charset="utf-8", delay=0.0, background=None):
        # pyte measures with its module's wcwidth: set it for each
        # terminal (an earlier one may have left the wide one).
        if ambiguous == 2:
            def width(ch):
                if unicodedata.east_asian_width(ch) == "A":
                    return 2
                return wcwidth(ch)
            pyte.screens.wcwidth = width
        else:
            pyte.screens.wcwidth = wcwidth
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.Stream(self.screen)
        self.decoder = codecs.getincrementaldecoder(charset)(
            errors="replace")
        self.charset = charset
        self.delay = delay
        self.background = background
        self.raw = bytearray()
        self.scanned = 0        # raw bytes searched for OSC 11 queries
        self.due = []           # (time, bytes) answers not sent yet
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            env = dict(env, COLUMNS=str(cols), LINES=str(rows))
            os.execve(argv[0], argv, env)
        self.screen.write_process_input = self.answer

    def rows(self):
        """The screen's rows as text. pyte's own display fails on some
        damaged screens (a wide character cut at the edge); then each
        cell is taken as it is."""
        try:
            return self.screen.display
        except IndexError:
            return ["".join(self.screen.buffer[y][x].data
                            for x in range(self.screen.columns))
                    for y in range(self.screen.lines)]

    def answer(self, text):
        """Send TEXT to the program, now or DELAY seconds from now."""
        data = text.encode(self.charset)
        if self.delay > 0:
            self.due.append((time.time() + self.delay, data))
        else:
            os.write(self.fd, data)

    def send_due(self):
        now = time.time()
        while self.due and self.due[0][0] <= now:
            os.write(self.fd, self.due.pop(0)[1])

    def osc11(self):
        """Answer the OSC 11 queries that came in since the last call."""
        while True:
            i = self.raw.find(b"\x1b]11;?", self.scanned)
            if i < 0:
                self.scanned = max(self.scanned, len(self.raw) - 5)
                return
            self.scanned = i + 6
            if self.background is not None:
                self.answer("\x1b]11;%s\x1b\\" %
                            BACKGROUNDS[self.background])

    def pump(self, until, seconds=5.0):
        """Feed the output to the screen until UNTIL() holds (True) or
        SECONDS pass or the program's side closes (False)."""
        end = time.time() + seconds
        while time.time() < end:
            self.send_due()
            r, _, _ = select.select([self.fd], [], [], 0.02)
            if r:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    return False
                if not data:
                    return False
                self.raw.extend(data)
                self.osc11()
                text = REP.sub(lambda m: m.group(1) *
                               (1 + int(m.group(2) or 1)),
                               self.decoder.decode(data))
                self.stream.feed(text)
            if until():
                return True
        return False

    def idle(self, seconds=0.3):
        """Pump until the program has written nothing for SECONDS."""
        mark = [len(self.raw), time.time()]

        def quiet():
            if len(self.raw) != mark[0]:
                mark[0], mark[1] = len(self.raw), time.time()
            return time.time() - mark[1] >= seconds
        self.pump(quiet, 10.0)

    def count(self, keys):
        """Type KEYS (bytes), wait until the output settles; return the
        number of bytes the program wrote in answer."""
        self.idle()
        n = len(self.raw)
        os.write(self.fd, keys)
        self.idle()
        return len(self.raw) - n

    def quit(self):
        """Press q; return the exit status, or None if the program did not
        exit normally within 5 s (it is killed then)."""
        os.write(self.fd, b"q")
        end = time.time() + 5
        while True:
            self.pump(lambda: False, 0.1)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.time() > end:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                return None
        return os.WEXITSTATUS(status) if os.WIFEXITED(status) else None

    def verdict(self, fail, ok):
        """Quit with q (a status other than 0 is one more failure), print
        the failures and the screen, or OK; return the test's exit code."""
        rows = self.rows()
        st = self.quit()
        if st != 0:
            fail.append("q did not quit with status 0 (%r)" % st)
        for f in fail:
            print("FAIL:", f)
        if fail:
            print("\n".join(rows))
            return 1
        print(ok)
        return 0
