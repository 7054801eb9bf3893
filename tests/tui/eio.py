#!/usr/bin/python3
"""The terminal goes away without a hang-up signal: dubao must notice
that reading keys fails and exit, not spin.

A hang-up (SIGHUP, tests/tui/hangup.sh) is not the only way a terminal
goes: a process started with the signal blocked, or one whose terminal
is not its controlling terminal, only sees its reads fail (EIO or end of
file). dubao is started here on a pseudo-terminal with SIGHUP blocked;
once the reader is up, the terminal's side is closed. dubao must exit
within 3 seconds, with status 1, and not eat the CPU meanwhile.

Usage: eio.py DUBAO FILE    exit 0 pass, 1 fail, 77 no pyte
"""

import os
import signal
import sys
import time

try:
    from pyterm import Terminal
except ImportError:
    print("python3-pyte not installed: skipped")
    sys.exit(77)


def main(argv):
    dubao, path = argv[1], argv[2]
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8", "HOME": os.environ.get("HOME", "/")}
    # The reading state goes where tests/isolate.sh says, not under HOME.
    for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        if k in os.environ:
            env[k] = os.environ[k]
    # The child inherits the blocked signal through fork and exec.
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    term = Terminal([dubao, "--ambiguous-width=1", path], env, 80, 24)
    signal.pthread_sigmask(signal.SIG_SETMASK, old)
    if not term.pump(lambda: "article 1/" in term.screen.display[-2]):
        print("FAIL: the reader did not come up")
        print("\n".join(term.screen.display))
        os.kill(term.pid, signal.SIGKILL)
        return 1
    os.close(term.fd)
    end = time.time() + 3
    while time.time() < end:
        pid, status = os.waitpid(term.pid, os.WNOHANG)
        if pid != 0:
            break
        time.sleep(0.05)
    else:
        os.kill(term.pid, signal.SIGKILL)
        os.waitpid(term.pid, 0)
        print("FAIL: still running 3 s after its terminal went away")
        return 1
    if not os.WIFEXITED(status):
        print("FAIL: ended by signal %d, not by exit" %
              os.WTERMSIG(status))
        return 1
    if os.WEXITSTATUS(status) != 1:
        print("FAIL: exit status %d, expected 1" % os.WEXITSTATUS(status))
        return 1
    print("ok: exited with status 1 once reading the terminal failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
