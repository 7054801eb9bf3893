#!/usr/bin/env python3
"""Write a page dump in the other shapes people keep newspapers in.

Usage: reshape.py SRC OUTDIR

From one UTF-8 page dump (blocks separated by blank lines, pages by form
feeds) this writes into OUTDIR:

  wrapN.txt      every block hard-wrapped at N characters (N = 20, 33, 57),
                 never starting a line with closing punctuation, blank
                 lines kept
  indentN.txt    no blank lines: paragraphs start with 　　 and are
                 hard-wrapped at N characters; headings and the rest of a
                 paragraph cut by a column break stay unindented
  crlf.txt, cr.txt           other line ends
  bom.txt                    UTF-8 with a byte order mark
  utf16le.txt, utf16be.txt   UTF-16 with a byte order mark
  gb18030.txt                GB18030 (what GBK/GB2312 files decode as)
  2021-12-07/NN.txt          an issue folder, one file per page, the page
                             number in the file name

The tree dubao builds from each must be the tree of SRC (encoding and
source aside); tests/seed.sh and tests/golden/shapes.sh check that.
"""

import os
import sys

CLOSERS = "，。、；：？！）》」』】〕〉”’…%·～"


def cells(ch):
    """Typeset width in half-ems: Latin letters and digits are half as
    wide as ideographs and CJK punctuation on a printed page."""
    return 1 if ord(ch) < 0x2000 else 2


def tokens(text):
    """Split TEXT into pieces a typesetter keeps whole: a run of Latin
    letters, digits and URL characters, a single space, or one CJK
    character.  A space between CJK and Latin text is kept with its
    neighbours, so no break loses it."""
    out, run = [], ""
    for ch in text:
        if ord(ch) < 0x2000 and ch != " ":
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
        if len(glued) >= 2 and glued[-1] == " " and (
                (ord(glued[-2][-1]) >= 0x2000) != (ord(tok[0]) >= 0x2000)):
            glued[-2:] = [glued[-2] + " " + tok]
        else:
            glued.append(tok)
    return glued


def wrap(text, width):
    """Hard-wrap TEXT at WIDTH ideographs (2 * WIDTH half-ems) as a
    typesetter would: Latin words are not split (unless longer than a
    line), a space at a break disappears, closers stay off line starts."""
    out, line, used = [], "", 0
    for tok in tokens(text):
        w = sum(cells(c) for c in tok)
        if used + w > 2 * width and tok[0] not in CLOSERS and line:
            out.append(line.rstrip(" "))
            line, used = "", 0
            if tok == " ":
                continue
        line += tok
        used += w
    if line:
        out.append(line)
    return out


def is_closed(block):
    """Ends a sentence: a stop, or closing quotes after one."""
    return block.rstrip("”’」』）") [-1:] in ("。", "！", "？", "…")


def is_paragraph(block):
    """Running text: closed, or long with clause punctuation (a long
    heading or a masthead line has none)."""
    return is_closed(block) or (len(block) > 30 and
                                ("，" in block or "。" in block))


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, out = argv[1], argv[2]
    with open(src, encoding="utf-8") as f:
        text = f.read()
    os.makedirs(out, exist_ok=True)

    def write(name, data, encoding="utf-8", newline="\n"):
        with open(os.path.join(out, name), "w", encoding=encoding,
                  newline="") as f:
            f.write(data.replace("\n", newline))

    pages = text.split("\f")
    for width in (20, 33, 57):
        res = []
        for page in pages:
            lines = []
            for line in page.split("\n"):
                if line.strip():
                    lines += wrap(line.strip(), width)
                else:
                    lines.append("")
            res.append("\n".join(lines))
        write("wrap%d.txt" % width, "\f".join(res))
        res = []
        for page in pages:
            lines = []
            closed = True
            for line in page.split("\n"):
                line = line.strip()
                if not line:
                    continue
                # A block that continues a cut paragraph has no indent
                # on the printed page; a paragraph's first block has.
                if is_paragraph(line) and closed:
                    lines += wrap("\u3000\u3000" + line, width)
                else:
                    lines += wrap(line, width)
                if is_paragraph(line):
                    closed = is_closed(line)
            res.append("\n".join(lines) + "\n")
        write("indent%d.txt" % width, "\f".join(res))
    write("crlf.txt", text, newline="\r\n")
    write("cr.txt", text, newline="\r")
    write("bom.txt", "\ufeff" + text)
    with open(os.path.join(out, "utf16le.txt"), "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    with open(os.path.join(out, "utf16be.txt"), "wb") as f:
        f.write(b"\xfe\xff" + text.encode("utf-16-be"))
    with open(os.path.join(out, "gb18030.txt"), "wb") as f:
        f.write(text.encode("gb18030"))
    folder = os.path.join(out, "2021-12-07")
    os.makedirs(folder, exist_ok=True)
    for n, page in enumerate(pages, 1):
        with open(os.path.join(folder, "%02d.txt" % n), "w",
                  encoding="utf-8") as f:
            f.write(page.strip("\n") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
