#!/usr/bin/env python3
"""Fit the weights of the loader's models on recomposed training pages.

Usage: fit-loader.py [--features=tools/loader-features] [--seeds=1,2,3]
                     [--out=src/loader-weights.c] [--l2=1.0]
                     [--validate=DIR,DIR...] ISSUEDIR...

Each crawler ISSUEDIR is laid out as page dumps by tools/recompose.py once
per seed.  tools/loader-features reads them back and prints every question
the assembly asks ("does an article start at this run of title lines?",
"does this open paragraph continue at that unit?") with its features; the
truth that recompose.py wrote for every line gives the answer.  A logistic
regression with an L2 penalty (Newton's method) is fitted for each model,
its table is printed (feature, weight), and the weights are written as C
data into --out, which the loader compiles in.  --validate names issues
that are laid out and scored the same way but not fitted on.

Regenerate src/loader-weights.c after changing the features in
src/loader-model.c: build, run this script twice (the questions the
assembly asks depend on the weights it has), rebuild, and measure with
tools/measure.py.  Python 3 standard library only.
"""

import math
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import recompose  # noqa: E402

ENUM = {"start": "LSF_", "join": "LJF_", "title": "LTF_",
        "split": "LPF_"}


def read_truth(path):
    """{(page file, line): (article, paragraph, role, previous line)},
    the previous line being the last line before it that is not blank."""
    truth, prev = {}, {}
    with open(path, encoding="utf-8") as f:
        for row in f:
            name, line, _page, art, para, role = row.rstrip("\n").split("\t")
            truth[(name, int(line))] = (int(art), int(para), role,
                                        prev.get(name))
            if role != "blank":
                prev[name] = (name, int(line))
    return truth


def label(model, truth, key, nkey):
    t = truth.get(key)
    if t is None:
        return None
    if model in ("start", "title"):
        return 1 if t[2] == "title" else 0
    u = truth.get(nkey)
    if u is None or t[0] < 0:
        return None
    if model == "split":
        # The paragraph belongs to the article of the title group after
        # it (NKEY), and the line before it does not.
        p = truth.get(t[3]) if t[3] else None
        return 1 if t[0] == u[0] and (p is None or p[0] != u[0]) else 0
    return 1 if (t[0], t[1]) == (u[0], u[1]) and t[1] >= 0 else 0


def questions(features, out, date):
    """Run loader-features on one recomposed issue; yield (model, x, y)."""
    truth = read_truth(os.path.join(out, date + ".truth.tsv"))
    res = subprocess.run([features, os.path.join(out, date)],
                         stdout=subprocess.PIPE, check=True)
    names = {}
    for row in res.stdout.decode("utf-8").splitlines():
        f = row.split("\t")
        if f[0].startswith("#"):
            names[f[0][1:]] = f[1].split(",")
            continue
        model, path, line, nline = f[0], f[1], int(f[2]), int(f[3])
        name = os.path.join(os.path.basename(os.path.dirname(path)),
                            os.path.basename(path))
        y = label(model, truth, (name, line), (name, nline))
        if y is not None:
            yield model, [float(v) for v in f[5].split(",")], y, names


def solve(a, b):
    """Solve A x = B (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for c in range(n - 1, -1, -1):
        s = m[c][n] - sum(m[c][k] * x[k] for k in range(c + 1, n))
        x[c] = s / m[c][c] if abs(m[c][c]) > 1e-12 else 0.0
    return x


def fit(samples, nfeat, l2):
    """Logistic regression, bias last: Newton's method on sparse rows."""
    rows = [([(i, v) for i, v in enumerate(x) if v] + [(nfeat, 1.0)], y)
            for x, y in samples]
    w = [0.0] * (nfeat + 1)
    for _ in range(25):
        g = [l2 * w[i] for i in range(nfeat)] + [0.0]
        h = [[0.0] * (nfeat + 1) for _ in range(nfeat + 1)]
        for i in range(nfeat):
            h[i][i] = l2
        for nz, y in rows:
            z = sum(w[i] * v for i, v in nz)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            d = p - y
            q = p * (1 - p)
            for i, v in nz:
                g[i] += d * v
                hi = h[i]
                for j, u in nz:
                    hi[j] += q * v * u
        step = solve(h, g)
        w = [w[i] - step[i] for i in range(nfeat + 1)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w[:nfeat], w[nfeat]


def accuracy(samples, w, b):
    ok = sum(1 for x, y in samples
             if (b + sum(wi * xi for wi, xi in zip(w, x)) > 0) == (y == 1))
    return 100.0 * ok / len(samples) if samples else 100.0


def collect(features, issues, seeds, tmp):
    data = {"start": [], "join": [], "title": [], "split": []}
    names = {}
    for seed in seeds:
        out = os.path.join(tmp, "seed%d" % seed)
        os.makedirs(out, exist_ok=True)
        for folder in issues:
            date = recompose.recompose(folder, out, seed, False)
            for model, x, y, nm in questions(features, out, date):
                data[model].append((x, y))
                names.update(nm)
    return data, names


def char_tables(issues):
    """Characters that seldom start a paragraph, and that seldom end a
    paragraph or a title line, on the crawler files of ISSUES: seen at
    least MIN_SEEN times, and at a start (an end) under RARE of what
    their frequency in the text would give."""
    first, last, seen = {}, {}, {}
    nlines = 0
    for folder in issues:
        for name in sorted(os.listdir(folder)):
            if not recompose.NAME.match(name):
                continue
            with open(os.path.join(folder, name), encoding="utf-8",
                      newline="") as f:
                lines = [recompose.clean(l) for l in
                         f.read().replace("\r", "").split("\n")]
            for i, l in enumerate(lines):
                if not l:
                    continue
                nlines += 1
                for ch in l:
                    seen[ch] = seen.get(ch, 0) + 1
                if i >= 3:
                    first[l[0]] = first.get(l[0], 0) + 1
                last[l[-1]] = last.get(l[-1], 0) + 1
    total = sum(seen.values())
    nonstart, nonend = [], []
    for ch, n in sorted(seen.items(), key=lambda t: (-t[1], t[0])):
        if n < MIN_SEEN or not "\u4e00" <= ch <= "\u9fff":
            continue
        expect = n * nlines / total
        if first.get(ch, 0) < expect * RARE:
            nonstart.append(ch)
        if last.get(ch, 0) < expect * RARE:
            nonend.append(ch)
    return "".join(nonstart), "".join(nonend)


MIN_SEEN, RARE = 300, 0.05
LEX_CHARS = 400


def title_lex(issues):
    """Log odds of a character in a title line (kicker, headline,
    subhead) against a short open paragraph (intertitles, labels,
    credits: the lines that look like titles inside articles), each line
    counting a character once; the LEX_CHARS characters that tell them
    apart best, ascending by code point."""
    ct, cd, nt, nd = {}, {}, 0, 0
    for folder in issues:
        for name in sorted(os.listdir(folder)):
            if not recompose.NAME.match(name):
                continue
            with open(os.path.join(folder, name), encoding="utf-8",
                      newline="") as f:
                lines = [recompose.clean(l) for l in
                         f.read().replace("\r", "").split("\n")]
            if [l for l in lines if l] in (["广告"], ["廣告"]):
                continue
            for i, l in enumerate(lines):
                if not l:
                    continue
                if i < 3:
                    nt += 1
                    for ch in set(l):
                        ct[ch] = ct.get(ch, 0) + 1
                elif len(l) <= 40 and not recompose.closed(l):
                    nd += 1
                    for ch in set(l):
                        cd[ch] = cd.get(ch, 0) + 1
    w = {}
    for ch in set(ct) | set(cd):
        w[ch] = math.log((ct.get(ch, 0) + 1) / (nt + 2)) - \
            math.log((cd.get(ch, 0) + 1) / (nd + 2))
    top = sorted(w, key=lambda c: (-abs(w[c]) * (ct.get(c, 0) +
                                                 cd.get(c, 0)) ** 0.5, c))
    return sorted((ord(c), w[c]) for c in top[:LEX_CHARS])


def lead_lex(issues):
    """Log odds of a character among the first LEAD characters of an
    article's first paragraph against those of a paragraph after an
    intertitle-like line (short, open) inside an article."""
    ca, cs, na, ns = {}, {}, 0, 0
    for lines in crawler_files(issues):
        body = lines[3:]
        for k, l in enumerate(body):
            head = set(l[:LEAD])
            if k == 0:
                na += 1
                for ch in head:
                    ca[ch] = ca.get(ch, 0) + 1
            elif len(body[k - 1]) <= 40 and \
                    not recompose.closed(body[k - 1]):
                ns += 1
                for ch in head:
                    cs[ch] = cs.get(ch, 0) + 1
    return log_odds(ca, na, cs, ns, LEX_CHARS)


def edge_lex(issues):
    """Log odds of a character opening a paragraph, and of one closing a
    paragraph or a title line, against its frequency in the text."""
    first, last, seen = {}, {}, {}
    nfirst = nlast = total = 0
    for lines in crawler_files(issues):
        for i, l in enumerate(lines):
            if not l:
                continue
            for ch in l:
                seen[ch] = seen.get(ch, 0) + 1
                total += 1
            if i >= 3:
                first[l[0]] = first.get(l[0], 0) + 1
                nfirst += 1
            last[l[-1]] = last.get(l[-1], 0) + 1
            nlast += 1
    return (log_odds(first, nfirst, seen, total, EDGE_CHARS),
            log_odds(last, nlast, seen, total, EDGE_CHARS))


def crawler_files(issues):
    """The cleaned lines of every article file of ISSUES (ads left out)."""
    for folder in issues:
        for name in sorted(os.listdir(folder)):
            if not recompose.NAME.match(name):
                continue
            with open(os.path.join(folder, name), encoding="utf-8",
                      newline="") as f:
                lines = [recompose.clean(l) for l in
                         f.read().replace("\r", "").split("\n")]
            if [l for l in lines if l] in (["广告"], ["廣告"]):
                continue
            yield [l for l in lines[:3]] + [l for l in lines[3:] if l]


def log_odds(ca, na, cb, nb, keep):
    """Smoothed log odds of each character between counts CA (of NA) and
    CB (of NB); the KEEP characters that tell them apart best, as (code
    point, weight) ascending."""
    w = {}
    for ch in set(ca) | set(cb):
        w[ch] = math.log((ca.get(ch, 0) + 1) / (na + 2)) - \
            math.log((cb.get(ch, 0) + 1) / (nb + 2))
    top = sorted(w, key=lambda c: (-abs(w[c]) * (ca.get(c, 0) +
                                                 cb.get(c, 0)) ** 0.5, c))
    return sorted((ord(c), w[c]) for c in top[:keep])


LEAD, EDGE_CHARS = 24, 800


def c_lex(name, table):
    out = ["const struct loader_lex loader_%s_lex[] = {" % name]
    for uc, v in table:
        out.append("\t{ 0x%04x, %.3f }," % (uc, v))
    out.append("};")
    out.append("const size_t loader_%s_nlex = %d;" % (name, len(table)))
    return "\n".join(out)


def c_chars(name, chars):
    out = ["const char %s[] =" % name]
    for k in range(0, len(chars), 24):
        out.append('    "%s"' % chars[k:k + 24])
    out[-1] += ";"
    return "\n".join(out)


def c_table(model, names, w, b):
    lines = ["static const double loader_%s_w[%sN] = {" %
             (model, ENUM[model])]
    for n, v in zip(names, w):
        lines.append("\t[%s%s] = %.4f," % (ENUM[model], n.upper(), v))
    lines.append("};")
    lines.append("")
    lines.append("const struct loader_model loader_%s_model = {" % model)
    lines.append("\t%sN, %.4f, loader_%s_w" % (ENUM[model], b, model))
    lines.append("};")
    return "\n".join(lines)


HEADER = """/*
 * loader-weights.c -- the weights of the loader's models (features in
 * loader-model.c), fitted by tools/fit-loader.py on %s recomposed
 * training issues (seeds %s). Do not edit by hand: to regenerate, build,
 * then run
 *
 *   python3 tools/fit-loader.py --seeds=%s ISSUEDIR...
 *
 * on the unpacked ../shared/corpus/rmrb-train issues (twice, rebuilding
 * in between: the questions depend on the weights).
 */
#include <config.h>

#include "loader-int.h"

"""


def main(argv):
    features = os.path.join(HERE, "loader-features")
    seeds, out, l2, validate, issues = [1, 2, 3], None, 1.0, [], []
    for a in argv[1:]:
        if a.startswith("--features="):
            features = a[11:]
        elif a.startswith("--seeds="):
            seeds = [int(x) for x in a[8:].split(",")]
        elif a.startswith("--out="):
            out = a[6:]
        elif a.startswith("--l2="):
            l2 = float(a[5:])
        elif a.startswith("--validate="):
            validate = [x for x in a[11:].split(",") if x]
        else:
            issues.append(a.rstrip("/"))
    if not issues:
        print(__doc__, file=sys.stderr)
        return 2
    if out is None:
        out = os.path.join(HERE, "..", "src", "loader-weights.c")
    tmp = tempfile.mkdtemp(prefix="dubao-fit.")
    try:
        data, names = collect(features, issues, seeds, tmp)
        vdata = collect(features, validate, seeds, tmp)[0] if validate \
            else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tables = []
    for model in ("start", "join", "title", "split"):
        nm = names[model]
        w, b = fit(data[model], len(nm), l2)
        pos = sum(y for _, y in data[model])
        print("%s: %d questions (%d yes), training accuracy %.2f%%" %
              (model, len(data[model]), pos, accuracy(data[model], w, b)))
        if vdata:
            print("%s: validation accuracy %.2f%% on %d questions" %
                  (model, accuracy(vdata[model], w, b), len(vdata[model])))
        print("  %-16s %8.3f" % ("(bias)", b))
        for n, v in sorted(zip(nm, w), key=lambda t: -abs(t[1])):
            print("  %-16s %8.3f" % (n, v))
        tables.append(c_table(model, nm, w, b))
    nonstart, nonend = char_tables(issues)
    print("%d characters seldom start a paragraph, %d seldom end one" %
          (len(nonstart), len(nonend)))
    tables.append(c_chars("loader_nonstart", nonstart))
    tables.append(c_chars("loader_nonend", nonend))
    tables.append(c_lex("title", title_lex(issues)))
    tables.append(c_lex("lead", lead_lex(issues)))
    first, last = edge_lex(issues)
    tables.append(c_lex("first", first))
    tables.append(c_lex("last", last))
    sl = ",".join(str(s) for s in seeds)
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER % (len(issues), sl, sl))
        f.write("\n\n".join(tables) + "\n")
    print("wrote %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
