#!/usr/bin/env python3
"""Lay crawler issues out as the page dumps a PDF extraction gives.

Usage: recompose.py [--seed=N] [--one-file] OUTDIR ISSUEDIR...

Each ISSUEDIR is a crawler folder (YYYYMMDD-PP-NN.txt, one file per
article: kicker, headline, subhead on lines 1-3, then paragraphs; files
whose whole text is 广告 are advertisements).  For each issue this writes
into OUTDIR:

  YYYY-MM-DD/NN.txt       one page dump per 版 (with --one-file, a single
                          YYYY-MM-DD/issue.txt with form feeds between
                          the pages)
  YYYY-MM-DD.expected.json  the tree the folder describes, in the form of
                          dubao --dump=json (the crawler's paragraphs as
                          they are: intertitles, captions and credits
                          among them)
  YYYY-MM-DD.truth.tsv    for every line written: file, line number,
                          page, article index on the page (-1 for page
                          furniture), paragraph index in the article (-1
                          for a title line) and role (header, masthead,
                          title, body, display)

How a page is set, as a broadsheet is and as its extraction reads it:

- a page header (第05版 and variants) on every page, a masthead on the
  first;
- for each article, its title lines (kicker, headline, subhead) as short
  lines, in blocks of their own (a long one then sometimes broken in
  two) or together;
- its paragraphs hard-wrapped at the article's column measure (half-width
  characters count half), a line never starting with closing punctuation
  nor ending with an opening bracket, Latin words and spaces never cut;
- the body poured into columns of a random height: a column break is a
  blank line, cutting a paragraph wherever a line ends;
- short paragraphs that end without a stop (intertitles, box labels,
  credits, figures) set as display lines: no indent, often in a block of
  their own; captions and credits stay where the crawler has them;
- now and then the title group set after the article's first column (a
  headline in the middle of its article, as on the seed page), and now
  and then a page's last article with its last column before its title
  group (a tail the extraction put first).

Each page draws its form from the seed: paragraphs indented with 　　 and
no blank line between them, or a blank line between paragraphs, or both,
or one line per paragraph (no wrapping, as the seed page), or that with
each block wrapped again at one width for the page (as a viewer reflows
text copied out of a PDF).  The same seed
gives the same output.  Python 3 standard library only.
"""

import json
import os
import random
import re
import sys

SPACE = "[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+"
NAME = re.compile(r"^(\d{4})(\d{2})(\d{2})-(\d+)-(\d+)\.txt$")
# A line never starts with these (kinsoku) ...
CLOSERS = set("，。、；：？！）》」』】〕〉”’…%·～,.;:?!)]}》—")
# ... nor ends with these.
OPENERS = set("（《「『【〔〈“‘([{")
STOPS = set("。！？…；.!?;")
TAIL = set("”’」』）》】)\"'")
WEEKDAY = "一二三四五六日"


def clean(line):
    """A crawler line as the tree holds it: layout spaces one space."""
    return re.sub(SPACE, " ", line).strip(" ")


def closed(s):
    """Does S end a sentence (a stop, perhaps closing marks after it)?"""
    t = s.rstrip("".join(TAIL))
    return t[-1:] in STOPS or (s.startswith("（") and s.endswith("）"))


def read_issue(folder):
    """The pages of a crawler folder: {page: [article]}, and the date."""
    files = []
    for name in os.listdir(folder):
        m = NAME.match(name)
        if m:
            files.append((int(m.group(4)), int(m.group(5)), name, m))
    files.sort()
    pages, date = {}, None
    for page, _, name, m in files:
        date = "%s-%s-%s" % m.group(1, 2, 3)
        with open(os.path.join(folder, name), encoding="utf-8",
                  newline="") as f:
            raw = re.split(r"\r\n|\n|\r", f.read())
        lines = [clean(l) for l in raw]
        if [l for l in lines if l] in (["广告"], ["廣告"]):
            continue
        lines += ["", "", ""]
        # The printed text keeps the crawler's own spacing inside a line.
        body = [re.sub("^%s|%s$" % (SPACE, SPACE), "", l) for l in raw[3:]
                if clean(l)]
        art = {"kicker": lines[0] or None, "headline": lines[1] or None,
               "subhead": lines[2] or None,
               "paragraphs": [l for l in lines[3:] if l],
               "printed": body,
               "titles": [re.sub("^%s|%s$" % (SPACE, SPACE), "", raw[i])
                          for i in range(3) if lines[i]]}
        pages.setdefault(page, []).append(art)
    return date, pages


def half(ch):
    """Typeset width in half-ems: Latin letters and digits are half as
    wide as ideographs and CJK punctuation."""
    return 1 if ord(ch) < 0x2000 or 0xff61 <= ord(ch) <= 0xffdc else 2


def tokens(text):
    """Pieces a typesetter keeps whole: a run of Latin letters, digits
    and URL characters, or one CJK character.  Spaces stick to the
    piece before them and the piece after, so no line ends or starts
    at a space (joining the lines again gives back the text)."""
    out, run = [], ""
    for ch in text:
        if ord(ch) < 0x2000 and not ch.isspace():
            run += ch
            continue
        if run:
            out.append(run)
            run = ""
        out.append(ch)
    if run:
        out.append(run)
    glued = []
    for tok in out:
        if glued and (tok.isspace() or glued[-1][-1:].isspace()):
            glued[-1] += tok
        else:
            glued.append(tok)
    return glued


def wrap(text, width, indent=""):
    """Hard-wrap TEXT at WIDTH ideographs, the first line after INDENT:
    closing marks never start a line, opening marks never end one."""
    toks = tokens(text)
    lines, line, used = [], indent, sum(half(c) for c in indent)
    for i, tok in enumerate(toks):
        w = sum(half(c) for c in tok)
        if used + w > 2 * width and line.strip() and tok[0] not in CLOSERS:
            # Never end a line with an opening mark: carry it over.
            carry = ""
            while line and line[-1] in OPENERS:
                carry = line[-1] + carry
                line = line[:-1]
            if line.strip():
                lines.append(line)
                line, used = carry, sum(half(c) for c in carry)
            else:
                line = line + carry
        line += tok
        used += w
    if line:
        lines.append(line)
    return lines


class Page:
    """The lines of one page dump and what each of them is."""

    def __init__(self):
        self.lines = []         # text, "" for a blank line
        self.truth = []         # (article, paragraph, role) per line

    def blank(self):
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
            self.truth.append((-1, -1, "blank"))

    def add(self, text, art, role, para=-1):
        self.lines.append(text)
        self.truth.append((art, para, role))

    def extend(self, block):
        for text, art, role, para in block:
            if text == "":
                self.blank()
            else:
                self.add(text, art, role, para)


class Form:
    """How one page is set, drawn from the seed."""

    def __init__(self, rnd):
        self.kind = rnd.choices(
            ["indent", "blank", "indent-blank", "lines", "rewrap"],
            [30, 20, 15, 20, 15])[0]
        # "rewrap": one line per block as "lines", then every block
        # wrapped again at one width for the page (a viewer's reflow).
        self.rewrap = rnd.randint(16, 50)
        self.display_blank = rnd.random() < 0.7
        self.titles_apart = rnd.random() < 0.75
        self.move_title = rnd.choice([0.0, 0.1, 0.2, 0.3])
        self.move_tail = rnd.random() < 0.25


def title_block(art, idx, rnd, form):
    """The title lines of an article: each in a block of its own, or all
    in one block; a long line in a block of its own sometimes broken in
    two where a typesetter could."""
    out = []
    for t in art["titles"]:
        parts = [t]
        if len(t) > 26 and form.titles_apart and rnd.random() < 0.5:
            parts = wrap(t, rnd.randint(max(14, len(t) // 3 + 2),
                                        max(15, len(t) - 6)))
        if form.titles_apart:
            out.append(("", idx, "blank", -1))
        for p in parts:
            out.append((p, idx, "title", -1))
    out.append(("", idx, "blank", -1))
    return out


def is_display(p):
    """A paragraph print sets as a line of its own: short and open
    (an intertitle, a box label, a credit, a figure)."""
    return len(p) <= 30 and not closed(p)


def body_lines(art, idx, rnd, form, measure):
    """The article's paragraphs as printed lines: (text, para, first,
    display) with the indent and wrapping of the page's form."""
    out = []
    for k, p in enumerate(art["printed"]):
        disp = is_display(p)
        indent = "" if disp or form.kind in ("blank", "lines", "rewrap") \
            else \
            "\u3000\u3000"
        for j, l in enumerate(wrap(p, measure, indent)):
            out.append((l, k, j == 0, disp))
    return out


def cut_columns(lines, rnd, height):
    """Column breaks after every HEIGHT lines (the first column shorter):
    the indexes of the lines that start a column."""
    breaks, n = [], rnd.randint(2, height)
    while n < len(lines):
        breaks.append(n)
        n += height
    return breaks


def set_body(lines, breaks, idx, form):
    """The body as blocks: blank lines at column breaks, and between
    paragraphs or around display lines as the form wants. Returns a list
    of columns, each a list of (text, art, role, paragraph)."""
    cols, col, last = [], [], None
    bset = set(breaks)
    for i, (text, para, first, disp) in enumerate(lines):
        if i in bset:
            cols.append(col)
            col = []
            last = None
        role = "display" if disp else "body"
        if first and last is not None:
            apart = form.kind in ("blank", "indent-blank", "lines",
                                  "rewrap") or \
                ((disp or last[1]) and form.display_blank)
            if apart:
                col.append(("", idx, "blank", -1))
        if form.kind in ("lines", "rewrap") and not first and col and \
                col[-1][0] != "" and last is not None:
            # One line per paragraph: the rest of this line's paragraph
            # goes on the same output line.
            t, a, r, k = col[-1]
            col[-1] = (t + text, a, r, k)
        else:
            col.append((text, idx, role, para))
        last = (para, disp)
    cols.append(col)
    return cols


def lay_article(art, idx, rnd, form):
    """One article as a list of columns (each a list of lines), and its
    title block, and whether the last column starts inside a paragraph."""
    measure = rnd.choice([11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 26])
    height = rnd.randint(8, 36)
    lines = body_lines(art, idx, rnd, form, measure)
    breaks = cut_columns(lines, rnd, height)
    cols = set_body(lines, breaks, idx, form)
    cut_tail = bool(breaks) and not lines[breaks[-1]][2]
    return title_block(art, idx, rnd, form), cols, cut_tail


def page_header(rnd, date, page):
    y, m, d = (int(x) for x in date.split("-"))
    import datetime
    wd = WEEKDAY[datetime.date(y, m, d).weekday()]
    cn = "%d年%d月%d日" % (y, m, d)
    return rnd.choice([
        "第%02d版" % page,
        "第%d版" % page,
        "人民日报　%s　第%02d版" % (cn, page),
        "%s　星期%s　第%d版" % (cn, wd, page),
    ])


def masthead(date):
    y, m, d = (int(x) for x in date.split("-"))
    import datetime
    wd = WEEKDAY[datetime.date(y, m, d).weekday()]
    return ["人民日报", "人民网网址：http://www.people.com.cn",
            "%d年%d月%d日 星期%s" % (y, m, d, wd),
            "国内统一连续出版物号 CN 11-0065", "代号1-1"]


def lay_page(rnd, date, number, arts):
    """The page dump of one page: a Page."""
    form = Form(rnd)
    pg = Page()
    pg.add(page_header(rnd, date, number), -1, "header")
    pg.blank()
    if number == 1:
        for l in masthead(date):
            pg.add(l, -1, "masthead")
            pg.blank()
    laid = [lay_article(a, i, rnd, form) for i, a in enumerate(arts)]
    for i, (title, cols, cut_tail) in enumerate(laid):
        tail = None
        if i == len(laid) - 1 and form.move_tail and len(cols) > 1 and \
                cut_tail:
            tail = cols.pop()
            pg.blank()
            pg.extend(tail)
        pg.blank()
        if len(cols) > 1 and rnd.random() < form.move_title:
            pg.extend(cols[0])
            pg.extend(title)
            rest = cols[1:]
        else:
            pg.extend(title)
            rest = cols
        for c in rest:
            pg.blank()
            pg.extend(c)
        pg.blank()
    while pg.lines and pg.lines[-1] == "":
        pg.lines.pop()
        pg.truth.pop()
    if form.kind == "rewrap":
        rewrap(pg, form.rewrap)
    return pg


def rewrap(pg, width):
    """Wrap every line of PG longer than WIDTH again, at WIDTH."""
    lines, truth = [], []
    for text, t in zip(pg.lines, pg.truth):
        parts = wrap(text, width) if len(text) > width else [text]
        lines += parts
        truth += [t] * len(parts)
    pg.lines, pg.truth = lines, truth


def expected(date, pages):
    """The tree dubao should give, from the crawler files."""
    out_pages = []
    for number in sorted(pages):
        arts = []
        for a in pages[number]:
            arts.append({"kind": "article", "column": None,
                         "kicker": a["kicker"], "headline": a["headline"],
                         "subhead": a["subhead"], "byline": None,
                         "dateline": None, "quote": None,
                         "paragraphs": a["paragraphs"], "captions": []})
        out_pages.append({"number": number, "name": None, "editor": None,
                          "articles": arts})
    return {"issues": [{"title": "人民日报", "date": date,
                        "encoding": "UTF-8", "masthead": masthead(date),
                        "pages": out_pages}]}


def recompose(folder, out, seed, one_file):
    date, pages = read_issue(folder)
    if date is None:
        raise SystemExit("%s: no crawler files" % folder)
    rnd = random.Random("%s:%s" % (seed, date))
    dest = os.path.join(out, date)
    os.makedirs(dest, exist_ok=True)
    truth, texts = [], []
    for number in sorted(pages):
        pg = lay_page(rnd, date, number, pages[number])
        texts.append((number, pg))
    if one_file:
        name = os.path.join(date, "issue.txt")
        line = 1
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            for k, (number, pg) in enumerate(texts):
                if k:
                    f.write("\f")
                f.write("\n".join(pg.lines) + "\n")
                for j, (a, k, r) in enumerate(pg.truth):
                    truth.append((name, line + j, number, a, k, r))
                line += len(pg.lines)
    else:
        for number, pg in texts:
            name = os.path.join(date, "%02d.txt" % number)
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write("\n".join(pg.lines) + "\n")
            for j, (a, k, r) in enumerate(pg.truth):
                truth.append((name, j + 1, number, a, k, r))
    with open(os.path.join(out, date + ".expected.json"), "w",
              encoding="utf-8") as f:
        json.dump(expected(date, pages), f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, date + ".truth.tsv"), "w",
              encoding="utf-8") as f:
        for row in truth:
            f.write("\t".join(str(x) for x in row) + "\n")
    return date


def main(argv):
    seed, one_file, args = 1, False, []
    for a in argv[1:]:
        if a.startswith("--seed="):
            seed = int(a[7:])
        elif a == "--one-file":
            one_file = True
        else:
            args.append(a)
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    os.makedirs(args[0], exist_ok=True)
    for folder in args[1:]:
        print(recompose(folder.rstrip("/"), args[0], seed, one_file))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
