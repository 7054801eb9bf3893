#!/usr/bin/env python3
"""Measure how dubao rebuilds recomposed issues: placement and fields.

Usage: measure.py [--dubao=src/dubao] [--seeds=1,2,3] [--one-file]
                  [--work=DIR] [--jobs=N] [--quiet] ISSUEDIR...

Each crawler ISSUEDIR is laid out as page dumps by tools/recompose.py
once per seed, read back with dubao --dump=json and compared with the
tree the folder describes (tests/score.py): placement (the share of
paragraphs that land whole in the right article) and the field score.
Prints one line per issue and seed, then the median and the worst
placement per seed and over all.  Without --work the page dumps go to a
temporary folder that is removed at the end.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
import score  # noqa: E402
import recompose  # noqa: E402


def median(v):
    s = sorted(v)
    n = len(s)
    if n == 0:
        return float("nan")
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def measure_one(dubao, exp_path, folder):
    out = subprocess.run([dubao, "--dump=json", folder],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         check=False)
    if out.returncode != 0:
        return 0.0, 0.0
    act = json.loads(out.stdout.decode("utf-8"))
    with open(exp_path, encoding="utf-8") as f:
        exp = json.load(f)
    placed, total = score.placement(exp, act)
    sc = score.Score(True)
    score.compare(exp, act, sc, {"encoding"})
    return (100.0 * placed / total if total else 100.0), sc.percent()


def main(argv):
    dubao, seeds, work, one_file, quiet = "src/dubao", [1, 2, 3], None, \
        False, False
    issues = []
    for a in argv[1:]:
        if a.startswith("--dubao="):
            dubao = a[8:]
        elif a.startswith("--seeds="):
            seeds = [int(x) for x in a[8:].split(",")]
        elif a.startswith("--work="):
            work = a[7:]
        elif a == "--one-file":
            one_file = True
        elif a == "--quiet":
            quiet = True
        else:
            issues.append(a.rstrip("/"))
    if not issues:
        print(__doc__, file=sys.stderr)
        return 2
    tmp = work or tempfile.mkdtemp(prefix="dubao-measure.")
    allp, perseed = [], {}
    try:
        for seed in seeds:
            out = os.path.join(tmp, "seed%d" % seed)
            os.makedirs(out, exist_ok=True)
            for folder in issues:
                date = recompose.recompose(folder, out, seed, one_file)
                p, f = measure_one(dubao, os.path.join(
                    out, date + ".expected.json"), os.path.join(out, date))
                perseed.setdefault(seed, []).append(p)
                allp.append(p)
                if not quiet:
                    print("seed %d %s placement %6.2f%% fields %6.2f%%" %
                          (seed, date, p, f))
        for seed in seeds:
            v = perseed[seed]
            print("seed %d: %d issues, placement median %.2f%%, worst "
                  "%.2f%%" % (seed, len(v), median(v), min(v)))
        print("all: %d runs, placement median %.2f%%, worst %.2f%%" %
              (len(allp), median(allp), min(allp)))
    finally:
        if work is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
