"""Print the runs of reverse-video text in a tmux capture-pane -e dump
read from standard input, one per line as ROW<TAB>TEXT (rows from 0):
what the reader highlights as search matches, the selection and the
status line.

    tui_screen -e | python3 -B tests/tui/reverse.py
"""

import re
import sys

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def reverse_after(params, on):
    """The reverse-video state after one SGR sequence."""
    nums = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(nums):
        n = nums[i]
        if n in (38, 48, 58) and i + 1 < len(nums):
            # Extended colours: 38;5;N or 38;2;R;G;B, not attributes.
            i += 3 if nums[i + 1] == 5 else 5
            continue
        if n == 0:
            on = False
        elif n == 7:
            on = True
        elif n == 27:
            on = False
        i += 1
    return on


def main():
    on = False
    for row, line in enumerate(sys.stdin.read().split("\n")):
        run = []
        pos = 0
        for m in SGR.finditer(line):
            if on:
                run.append(line[pos:m.start()])
            was = on
            on = reverse_after(m.group(1), on)
            if was and not on and "".join(run):
                print("%d\t%s" % (row, "".join(run)))
                run = []
            pos = m.end()
        if on:
            run.append(line[pos:])
        if "".join(run):
            print("%d\t%s" % (row, "".join(run)))


main()
