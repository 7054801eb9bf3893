#!/usr/bin/env python3
"""Compare an article tree (dubao --dump=json) with an expected tree.

Articles are paired page by page (the pairing that maximises the number
of equal fields, found greedily on similarity of headline and text), then
compared field by field: kind, column, kicker, headline, subhead, byline,
dateline, quote, each caption, and each paragraph (paragraphs aligned as
sequences).  Issue fields (title, date, masthead lines) and page fields
(number, name, editor) count too.

score = 2 * equal fields / (expected fields + actual fields), so missing
and extra material both cost.  Prints the score and every difference;
exits 1 when the score is below --min (percent).

Placement: the share of expected paragraphs that land whole in the right
article.  Pages are paired by number (else by order); on each page every
expected article is paired with at most one actual article, the pairs
that share the most paragraphs first; a paragraph counts when its paired
article holds it unchanged: as a paragraph (an intertitle is one), as a
caption or, for a photo credit "某某摄", as a caption's credit, or as
its byline ("本报记者 某某" on a line of its own).  A page
credit (版式设计：某某) counts when it is in its page's "credits".  An
article cut in two keeps only its bigger part; two glued together keep
one.  Exits 1 when placement is below --min-placement (percent).

Usage: score.py EXPECTED.json ACTUAL.json [--min=97] [--quiet]
       [--min-placement=95] [--ignore=encoding,date,number,...]
       (--ignore: issue or page keys to skip)
"""

import difflib
import json
import sys

ART_FIELDS = ["kind", "column", "kicker", "headline", "subhead", "byline",
              "dateline"]


def norm(v):
    if isinstance(v, str):
        return " ".join(v.split())
    return v


class Score:
    def __init__(self, quiet):
        self.equal = 0
        self.expected = 0
        self.actual = 0
        self.quiet = quiet

    def field(self, where, exp, act):
        """One field on each side (None counts as absent)."""
        e = norm(exp)
        a = norm(act)
        if e is not None or a is not None:
            if e is not None:
                self.expected += 1
            if a is not None:
                self.actual += 1
            if e == a:
                self.equal += 1
            elif not self.quiet:
                print("%s:\n  expected: %s\n  actual:   %s" %
                      (where, short(e), short(a)))
        else:
            # Both null: a field right by saying nothing.
            self.expected += 1
            self.actual += 1
            self.equal += 1

    def seq(self, where, exp, act):
        """Two lists of strings aligned as sequences."""
        e = [norm(x) for x in exp]
        a = [norm(x) for x in act]
        self.expected += len(e)
        self.actual += len(a)
        sm = difflib.SequenceMatcher(a=e, b=a, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                self.equal += i2 - i1
            elif not self.quiet:
                for k in range(i1, i2):
                    print("%s[%d] expected: %s" % (where, k, short(e[k])))
                for k in range(j1, j2):
                    print("%s[%d] actual:   %s" % (where, k, short(a[k])))

    def percent(self):
        total = self.expected + self.actual
        return 100.0 if total == 0 else 200.0 * self.equal / total


def short(v):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 90 else s[:87] + "..."


def fingerprint(art):
    parts = [art.get("headline") or ""]
    parts += art.get("paragraphs") or []
    parts += [c.get("text") or "" for c in art.get("captions") or []]
    return "".join(parts)


def similarity(a, b):
    fa, fb = fingerprint(a), fingerprint(b)
    if not fa and not fb:
        return 1.0
    # Character sets are enough to tell articles apart and cheap.
    sa, sb = set(fa), set(fb)
    inter = len(sa & sb)
    union = len(sa | sb) or 1
    head = 1.0 if norm(a.get("headline")) == norm(b.get("headline")) and \
        a.get("headline") else 0.0
    return inter / union + head


def pair(exp, act):
    """Greedy pairing by similarity; returns list of (e or None, a or None)."""
    cand = []
    for i, e in enumerate(exp):
        for j, a in enumerate(act):
            cand.append((similarity(e, a), i, j))
    cand.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_e, used_a, pairs = set(), set(), []
    for s, i, j in cand:
        if i in used_e or j in used_a or s < 0.2:
            continue
        used_e.add(i)
        used_a.add(j)
        pairs.append((i, j))
    out = [(exp[i], act[j]) for i, j in sorted(pairs)]
    out += [(exp[i], None) for i in range(len(exp)) if i not in used_e]
    out += [(None, act[j]) for j in range(len(act)) if j not in used_a]
    return out


def compare_article(sc, where, e, a, ignore=()):
    empty = {}
    e = e or empty
    a = a or empty
    for f in ART_FIELDS:
        if f in ignore:
            continue
        if e is empty or a is empty:
            # Missing article: its present fields only.
            if e.get(f) is not None:
                sc.expected += 1
            if a.get(f) is not None:
                sc.actual += 1
            continue
        sc.field("%s.%s" % (where, f), e.get(f), a.get(f))
    qe, qa = e.get("quote"), a.get("quote")
    if e is not empty and a is not empty:
        sc.field(where + ".quote.text", (qe or {}).get("text"),
                 (qa or {}).get("text"))
        sc.field(where + ".quote.by", (qe or {}).get("by"),
                 (qa or {}).get("by"))
    sc.seq(where + ".paragraphs", e.get("paragraphs") or [],
           a.get("paragraphs") or [])
    ce = ["%s|%s" % (c.get("text"), c.get("credit"))
          for c in e.get("captions") or []]
    ca = ["%s|%s" % (c.get("text"), c.get("credit"))
          for c in a.get("captions") or []]
    sc.seq(where + ".captions", ce, ca)


CREDIT_TAIL = ("摄影", "攝影", "供图", "供圖", "摄", "攝")


def pieces(art):
    """The normalized texts an article holds: paragraphs, captions, and
    caption credits with and without the 摄 that the loader removes."""
    out = set(norm(p) for p in art.get("paragraphs") or [])
    for c in art.get("captions") or []:
        if c.get("text"):
            out.add(norm(c["text"]))
        if c.get("credit"):
            cr = norm(c["credit"])
            out.add(cr)
            out.update(cr + t for t in CREDIT_TAIL)
    q = art.get("quote")
    if isinstance(q, dict) and q.get("text"):
        out.add(norm(q["text"]))
    if art.get("byline"):
        out.add(norm(art["byline"]))
    return out


def held(p, have):
    """Is expected paragraph P (normalized) in the set HAVE?  A credit
    with an agency in brackets, 某某摄（影像中国）, may be kept without it."""
    if p in have:
        return True
    # The loader keeps 某某（影像中国） of 某某摄（影像中国）.
    return "摄（" in p and p.replace("摄（", "（") in have


def page_pairs(ep, ap):
    """Expected and actual pages side by side: by number when both sides
    number them, else by order."""
    nums = [p.get("number") for p in ep] + [p.get("number") for p in ap]
    if all(n is not None for n in nums):
        byn = dict((p.get("number"), p) for p in ap)
        return [(p, byn.get(p.get("number"), {})) for p in ep]
    return [(ep[i], ap[i] if i < len(ap) else {}) for i in range(len(ep))]


def placement(exp, act):
    """(placed, expected) paragraphs over all issues and pages."""
    placed = total = 0
    ei, ai = exp.get("issues", []), act.get("issues", [])
    for n, e in enumerate(ei):
        a = ai[n] if n < len(ai) else {}
        for pe, pa in page_pairs(e.get("pages") or [], a.get("pages") or []):
            credits = set(norm(c) for c in pa.get("credits") or [])
            ea = pe.get("articles") or []
            aa = pa.get("articles") or []
            have = [pieces(x) for x in aa]
            count = []
            for i, x in enumerate(ea):
                paras = [norm(p) for p in x.get("paragraphs") or []]
                total += len(paras)
                # Page credits are placed wherever the article is.
                placed += sum(1 for p in paras if p in credits)
                paras = [p for p in paras if p not in credits]
                for j, h in enumerate(have):
                    k = sum(1 for p in paras if held(p, h))
                    if k:
                        count.append((-k, i, j))
            count.sort()
            used_e, used_a = set(), set()
            for k, i, j in count:
                if i not in used_e and j not in used_a:
                    used_e.add(i)
                    used_a.add(j)
                    placed -= k
    return placed, total


def compare(exp, act, sc, ignore):
    ei, ai = exp.get("issues", []), act.get("issues", [])
    for n in range(max(len(ei), len(ai))):
        e = ei[n] if n < len(ei) else {}
        a = ai[n] if n < len(ai) else {}
        w = "issue[%d]" % n
        for f in ["title", "date", "encoding"]:
            if f in ignore:
                continue
            sc.field(w + "." + f, e.get(f), a.get(f))
        if "masthead" not in ignore:
            sc.seq(w + ".masthead", e.get("masthead") or [],
                   a.get("masthead") or [])
        ep, ap = e.get("pages") or [], a.get("pages") or []
        for p in range(max(len(ep), len(ap))):
            pe = ep[p] if p < len(ep) else {}
            pa = ap[p] if p < len(ap) else {}
            wp = "%s.page[%d]" % (w, p)
            for f in ["number", "name", "editor"]:
                if f not in ignore:
                    sc.field(wp + "." + f, pe.get(f), pa.get(f))
            for k, (ea, aa) in enumerate(pair(pe.get("articles") or [],
                                              pa.get("articles") or [])):
                title = (ea or aa or {}).get("headline") or "(photo)"
                compare_article(sc, "%s.%s" % (wp, title[:12]), ea, aa,
                                ignore)


def main(argv):
    minimum = None
    min_place = None
    quiet = False
    ignore = set()
    args = []
    for a in argv[1:]:
        if a.startswith("--min="):
            minimum = float(a[6:])
        elif a.startswith("--min-placement="):
            min_place = float(a[16:])
        elif a == "--quiet":
            quiet = True
        elif a.startswith("--ignore="):
            ignore = set(a[9:].split(","))
        else:
            args.append(a)
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        exp = json.load(f)
    with open(args[1], encoding="utf-8") as f:
        act = json.load(f)
    sc = Score(quiet)
    compare(exp, act, sc, ignore)
    pct = sc.percent()
    placed, total = placement(exp, act)
    ppct = 100.0 if total == 0 else 100.0 * placed / total
    print("placement: %.2f%% (%d of %d paragraphs in the right article)" %
          (ppct, placed, total))
    print("score: %.2f%% (%d equal fields; %d expected, %d actual)" %
          (pct, sc.equal, sc.expected, sc.actual))
    if minimum is not None and pct < minimum:
        return 1
    if min_place is not None and ppct < min_place:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
