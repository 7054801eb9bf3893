#!/usr/bin/env python3
"""Score dubao on issues printed by tools/broadsheet.py.

Usage: broadsheet_score.py [--dubao=PATH] [--min-default=P]
                           [--min-layout=P] [--worst-default=P]
                           [--worst-layout=P] [--show=N] OUT [DATE...]

For each issue folder OUT/YYYY-MM-DD (all of them, or the DATEs given),
dubao reads default.txt and layout.txt (--dump=json, written beside them
as default.json and layout.json), and each tree is compared with
expected.json:

  placement  paragraphs in the right article: articles are paired page by
             page as tests/score.py pairs them, the paragraphs of each
             pair aligned as sequences; 2 * paragraphs equal in a pair /
             (expected paragraphs + paragraphs dubao gave).  A paragraph
             cut in two, glued to another or put in another article
             counts as missing on one side and wrong on the other.
  fields     tests/score.py's score over every field, bylines, datelines
             and the encoding aside (the crawler does not record them).

Prints one line per issue and mode, then the median and the worst per
mode; with --show=N, the first N paragraph differences of each issue.
Exits 1 when a median or a worst is below the minimum given, 2 on bad
usage.
"""

import difflib
import json
import os
import statistics
import subprocess
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "tests"))

import score  # noqa: E402  (tests/score.py)

MODES = ("default", "layout")
IGNORE = {"byline", "dateline", "encoding"}


def placement(exp, act, show=0):
    """(equal, expected, actual) paragraph counts, and up to SHOW
    differences as text lines."""
    equal = n_exp = n_act = 0
    notes = []
    ei, ai = exp.get("issues", []), act.get("issues", [])
    ep = ei[0].get("pages", []) if ei else []
    ap = ai[0].get("pages", []) if ai else []
    for p in range(max(len(ep), len(ap))):
        ea = (ep[p] if p < len(ep) else {}).get("articles") or []
        aa = (ap[p] if p < len(ap) else {}).get("articles") or []
        for e, a in score.pair(ea, aa):
            pe = [score.norm(x) for x in (e or {}).get("paragraphs") or []]
            pa = [score.norm(x) for x in (a or {}).get("paragraphs") or []]
            n_exp += len(pe)
            n_act += len(pa)
            sm = difflib.SequenceMatcher(a=pe, b=pa, autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag == "equal":
                    equal += i2 - i1
                elif len(notes) < show:
                    title = ((e or a or {}).get("headline") or "")[:14]
                    for k in range(i1, min(i2, i1 + 2)):
                        notes.append("  p%d %s expected: %s"
                                     % (p + 1, title, pe[k][:60]))
                    for k in range(j1, min(j2, j1 + 2)):
                        notes.append("  p%d %s got:      %s"
                                     % (p + 1, title, pa[k][:60]))
    return equal, n_exp, n_act, notes


def fields(exp, act):
    sc = score.Score(True)
    score.compare(exp, act, sc, IGNORE)
    return sc.percent()


def dump(dubao, txt, out_json):
    with open(out_json, "w", encoding="utf-8") as f:
        r = subprocess.run([dubao, "--dump=json", txt], stdout=f,
                           stderr=subprocess.PIPE, timeout=300)
    if r.returncode != 0:
        raise RuntimeError("dubao failed on %s: %s"
                           % (txt, r.stderr.decode(errors="replace")))
    with open(out_json, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    dubao = os.path.join(TOP, "src", "dubao")
    mins, worsts, show, args = {}, {}, 0, []
    for a in argv[1:]:
        key, _, val = a.partition("=")
        if key == "--dubao":
            dubao = val
        elif key in ("--min-default", "--min-layout"):
            mins[key[6:]] = float(val)
        elif key in ("--worst-default", "--worst-layout"):
            worsts[key[8:]] = float(val)
        elif key == "--show":
            show = int(val)
        elif a.startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            args.append(a)
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    out = args[0]
    dates = args[1:] or sorted(d for d in os.listdir(out)
                               if os.path.exists(os.path.join(
                                   out, d, "expected.json")))
    results = {m: [] for m in MODES}
    for d in dates:
        folder = os.path.join(out, d)
        with open(os.path.join(folder, "expected.json"),
                  encoding="utf-8") as f:
            exp = json.load(f)
        for mode in MODES:
            act = dump(dubao, os.path.join(folder, mode + ".txt"),
                       os.path.join(folder, mode + ".json"))
            eq, ne, na, notes = placement(exp, act, show)
            pl = 100.0 * 2 * eq / ((ne + na) or 1)
            fl = fields(exp, act)
            results[mode].append(pl)
            print("%s %-7s placement %6.2f%% (%d of %d paragraphs, dubao "
                  "gave %d)  fields %6.2f%%" % (d, mode, pl, eq, ne, na, fl))
            for n in notes:
                print(n)
    status = 0
    for mode in MODES:
        r = results[mode]
        med, worst = statistics.median(r), min(r)
        print("%-7s median %6.2f%%  worst %6.2f%%  (%d issues)"
              % (mode, med, worst, len(r)))
        if med < mins.get(mode, 0) or worst < worsts.get(mode, 0):
            print("FAIL %s: need median >= %s%%, worst >= %s%%"
                  % (mode, mins.get(mode, 0), worsts.get(mode, 0)))
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
