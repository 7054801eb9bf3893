"""A terminal for the reader tests that tmux cannot be: pyte (a VT
emulator) on a pseudo-terminal, with the width of East Asian Ambiguous
characters and the charset of the byte stream chosen by the test.

    term = Terminal(argv, env, cols, rows, ambiguous=2, charset="gb18030")
    term.pump(lambda: "article 1/" in term.screen.display[-2])
    return term.verdict(fail, "ok: ...")   # q; FAIL lines; exit code

The emulator answers the program's queries (the cursor position report of
dubao's ambiguous-width probe) in the same charset. Every byte the
program wrote is kept in term.raw.
"""

import codecs
import os
import pty
import select
import signal
import time
import unicodedata

import pyte
import pyte.screens
from wcwidth import wcwidth


class Terminal:
    def __init__(self, argv, env, cols, rows, ambiguous=1,
                 charset="utf-8"):
        if ambiguous == 2:
            def width(ch):
                if unicodedata.east_asian_width(ch) == "A":
                    return 2
                return wcwidth(ch)
            pyte.screens.wcwidth = width
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.Stream(self.screen)
        self.decoder = codecs.getincrementaldecoder(charset)(
            errors="replace")
        self.raw = bytearray()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            env = dict(env, COLUMNS=str(cols), LINES=str(rows))
            os.execve(argv[0], argv, env)
        self.screen.write_process_input = lambda data: os.write(
            self.fd, data.encode(charset))

    def pump(self, until, seconds=5.0):
        """Feed the output to the screen until UNTIL() holds (True) or
        SECONDS pass or the program's side closes (False)."""
        end = time.time() + seconds
        while time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    return False
                if not data:
                    return False
                self.raw.extend(data)
                self.stream.feed(self.decoder.decode(data))
            if until():
                return True
        return False

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
        rows = self.screen.display
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
