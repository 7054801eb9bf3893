#!/usr/bin/env python3
"""first-screen.py -- time a terminal program until its first screen.

Usage: first-screen.py COLS ROWS SENTINEL CMD [ARG...]

Runs CMD on a new pseudo-terminal of COLS x ROWS and reads what it draws
until SENTINEL (a string, UTF-8) has been drawn, answering a cursor
position request as a terminal would; then sends "q" and waits
for the program to end. Prints one line: the milliseconds from the start
to the sentinel, and the peak resident memory of the program in kB (from
wait4's rusage, so the whole life of the process, start-up included).
Exits 1 when the sentinel does not come within 60 seconds.

A SENTINEL written "screen:TEXT" is looked for on the screen as a
terminal shows it (drawn with pyte, Debian's python3-pyte), not in the
bytes: for text that curses updates in place, a few cells at a time.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time


def main():
    cols, rows, sentinel = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    cmd = sys.argv[4:]
    shown = None
    if sentinel.startswith("screen:"):
        import pyte
        sentinel = sentinel[len("screen:"):]
        screen = pyte.Screen(cols, rows)
        stream = pyte.ByteStream(screen)
        shown = lambda data: (stream.feed(data),
                              sentinel in "\n".join(screen.display))[1]
    want = sentinel.encode()
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols,
                                                       0, 0))
        os.execvp(cmd[0], cmd)
    seen = b""
    t1 = None
    deadline = t0 + 60
    while t1 is None and time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        seen = (seen + data)[-65536:]
        if b"\033[6n" in data:
            # Answer the cursor position probe as a terminal does: the
            # probe character took one cell.
            os.write(fd, b"\033[1;2R")
        if (shown(data) if shown is not None else want in seen):
            t1 = time.monotonic()
    # Quit, keep draining until the program is gone.
    try:
        os.write(fd, b"q")
    except OSError:
        pass
    end = time.monotonic() + 10
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done == pid:
            break
    else:
        os.kill(pid, 9)
        done, status, usage = os.wait4(pid, 0)
    if done == 0:
        done, status, usage = os.wait4(pid, 0)
    if t1 is None:
        print("timeout", file=sys.stderr)
        sys.exit(1)
    print("%.1f %d" % ((t1 - t0) * 1000, usage.ru_maxrss))


main()
