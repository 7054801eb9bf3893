#!/usr/bin/env python3
"""Print crawler issues as broadsheet pages and extract them with pdftotext.

Usage: broadsheet.py [--seed=S] [--png] [--font-cache=DIR] [--dates=LIST]
                     OUT SOURCE...
       broadsheet.py --deps     (exit 0 when everything it needs is here)

SOURCE is a crawler folder (files YYYYMMDD-PP-NN.txt, as in
../shared/corpus/rmrb-caspiankexin), a folder holding such folders at any
depth, or a .tar.xz archive of them (unpacked into a temporary folder).
--dates=20190215,20191001 keeps only those issues.

For each issue this writes OUT/YYYY-MM-DD/:
  issue.html     the pages as HTML/CSS (tools/broadsheet_html.py)
  issue.pdf      printed by headless Chromium, fonts embedded as CID
                 TrueType (tools/broadsheet_font.py)
  default.txt    pdftotext -enc UTF-8
  layout.txt     pdftotext -layout -enc UTF-8
  expected.json  the tree the crawler folder describes (its ground
                 truth), with the page furniture that was printed
  page-NN.png    with --png, each page at 40 dpi (pdftoppm)

The seed (default 1) chooses the layouts; the same seed gives the same
pages.  Needs chromium, poppler-utils, fonts-noto-cjk and
python3-fonttools (tools/install-deps).  Exits 0 when every issue was
printed, 1 when one failed, 2 on bad usage.

The expected tree holds what the crawler recorded: kicker, headline and
subhead from lines 1-3, paragraphs from the rest, caption ("图为……") and
credit ("……摄") lines among them as the crawler has them (the page prints
those that open or close an article under a picture).  Bylines and
datelines are not recorded by the crawler: score with
--ignore=byline,dateline,encoding.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import broadsheet_font  # noqa: E402
import broadsheet_html  # noqa: E402

NAME = re.compile(r"^(\d{4})(\d{2})(\d{2})-(\d+)-(\d+)\.txt$")
SPACE = re.compile("[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-quic", "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer", "--virtual-time-budget=60000"]


def clean(line):
    return SPACE.sub(" ", line).strip(" ")


def log(msg):
    print("broadsheet: %s" % msg, file=sys.stderr)


# ------------------------------------------------------------------
# Reading crawler folders.

def find_issues(top):
    """Crawler folders under TOP: {YYYYMMDD: path}."""
    out = {}
    for root, _, files in os.walk(top):
        for f in files:
            m = NAME.match(f)
            if m:
                out["".join(m.group(1, 2, 3))] = root
    return out


def read_issue(folder):
    """The issue a crawler folder describes."""
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
            lines = [clean(x) for x in re.split(r"\r\n|\n|\r", f.read())]
        pg = pages.setdefault(page, {"number": page, "articles": [],
                                     "ads": 0})
        if [x for x in lines if x] == ["广告"]:
            pg["ads"] += 1
            continue
        lines += ["", "", ""]
        pg["articles"].append({"kicker": lines[0] or None,
                               "headline": lines[1] or None,
                               "subhead": lines[2] or None,
                               "paragraphs": [x for x in lines[3:] if x]})
    return {"date": date, "pages": [pages[k] for k in sorted(pages)]}


def expected_tree(issue, furn):
    pages = []
    for pg, fp in zip(issue["pages"], furn["pages"]):
        arts = []
        for a in pg["articles"]:
            arts.append({
                "kind": "article", "column": None, "kicker": a["kicker"],
                "headline": a["headline"], "subhead": a["subhead"],
                "byline": None, "dateline": None, "quote": None,
                "paragraphs": a["paragraphs"], "captions": []})
        pages.append({"number": pg["number"], "name": fp["name"],
                      "editor": fp["editor"], "credits": fp["credits"],
                      "articles": arts})
    return {"issues": [{"title": "人民日报", "date": issue["date"],
                        "masthead": furn["masthead"], "pages": pages}]}


def issue_chars(issue):
    text = []
    for pg in issue["pages"]:
        for a in pg["articles"]:
            text += [a["kicker"] or "", a["headline"] or "",
                     a["subhead"] or ""] + a["paragraphs"]
    return set("".join(text))


# ------------------------------------------------------------------
# Printing and extracting.

def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=600, **kw)


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def print_pdf(html_path, pdf_path):
    with tempfile.TemporaryDirectory(prefix="broadsheet-chromium-") as ud:
        r = run([chromium()] + CHROMIUM_FLAGS +
                ["--user-data-dir=" + ud, "--print-to-pdf=" + pdf_path,
                 "file://" + os.path.abspath(html_path)],
                stdin=subprocess.DEVNULL)
    if r.returncode != 0 or not os.path.exists(pdf_path):
        raise RuntimeError("chromium failed: %s"
                           % r.stderr.decode(errors="replace")[-500:])


def check_pdf(pdf_path, npages):
    """The page script ran (pages are not Letter) and the fonts are CID
    TrueType, never Type 3."""
    info = run(["pdfinfo", "-l", "9999", pdf_path]).stdout.decode()
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    if len(sizes) != npages:
        raise RuntimeError("%d PDF pages, expected %d" % (len(sizes), npages))
    if any(abs(float(w) - 612) < 1 for w, _ in sizes):
        raise RuntimeError("the page script did not run (Letter pages)")
    fonts = run(["pdffonts", pdf_path]).stdout.decode()
    if "Type 3" in fonts or "CID TrueType" not in fonts:
        raise RuntimeError("fonts are not all CID TrueType:\n" + fonts)


def print_issue(issue, out, seed, fonts, png):
    os.makedirs(out, exist_ok=True)
    doc, furn = broadsheet_html.build(issue, seed, fonts)
    html_path = os.path.join(out, "issue.html")
    pdf_path = os.path.join(out, "issue.pdf")
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(doc)
    print_pdf(html_path, pdf_path)
    check_pdf(pdf_path, len(issue["pages"]))
    for name, flags in (("default.txt", []), ("layout.txt", ["-layout"])):
        r = run(["pdftotext"] + flags + ["-enc", "UTF-8", pdf_path,
                                         os.path.join(out, name)])
        if r.returncode != 0:
            raise RuntimeError("pdftotext failed: %s" % r.stderr.decode())
    if png:
        run(["pdftoppm", "-png", "-r", "40", pdf_path,
             os.path.join(out, "page")])
    with open(os.path.join(out, "expected.json"), "w",
              encoding="utf-8") as f:
        json.dump(expected_tree(issue, furn), f, ensure_ascii=False,
                  indent=1)
        f.write("\n")


def gather(sources, tmp):
    issues = {}
    for src in sources:
        if os.path.isfile(src) and src.endswith((".tar.xz", ".tar")):
            dest = tempfile.mkdtemp(dir=tmp)
            with tarfile.open(src) as tar:
                tar.extractall(dest)
            src = dest
        if not os.path.isdir(src):
            raise RuntimeError("%s: not a folder or archive" % src)
        issues.update(find_issues(src))
    return issues


def have_fonttools():
    """True when fontTools imports.  The python3 first on PATH may not be
    Debian's, which has python3-fonttools: then Debian's is tried once."""
    try:
        import fontTools  # noqa: F401
        return True
    except ImportError:
        pass
    deb = "/usr/bin/python3"
    if os.path.exists(deb) and not os.environ.get("BROADSHEET_REEXEC") \
            and os.path.realpath(sys.executable) != os.path.realpath(deb):
        os.environ["BROADSHEET_REEXEC"] = "1"
        os.execv(deb, [deb] + sys.argv)
    return False


def missing_tools():
    """What printing needs and this machine lacks."""
    miss = [t + " (poppler-utils)" for t in ("pdftotext", "pdffonts",
                                             "pdfinfo", "pdftoppm")
            if not shutil.which(t)]
    if not chromium():
        miss.append("chromium")
    if not have_fonttools():
        miss.append("python3-fonttools")
    for fname, _ in broadsheet_font.FACES.values():
        if not broadsheet_font.find_source(fname):
            miss.append(fname + " (fonts-noto-cjk)")
    return miss


def main(argv):
    seed, png, cache, dates, args = "1", False, None, None, []
    for a in argv[1:]:
        if a.startswith("--seed="):
            seed = a[7:]
        elif a == "--png":
            png = True
        elif a.startswith("--font-cache="):
            cache = a[13:]
        elif a.startswith("--dates="):
            dates = set(a[8:].replace("-", "").split(","))
        elif a == "--deps":
            miss = missing_tools()
            for m in miss:
                log("missing: %s" % m)
            return 1 if miss else 0
        elif a.startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            args.append(a)
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    miss = missing_tools()
    if miss:
        log("missing: %s (tools/install-deps)" % ", ".join(miss))
        return 1
    out = args[0]
    with tempfile.TemporaryDirectory(prefix="broadsheet-") as tmp:
        try:
            found = gather(args[1:], tmp)
        except (RuntimeError, OSError, tarfile.TarError) as e:
            log(str(e))
            return 1
        keys = sorted(k for k in found if dates is None or k in dates)
        if not keys:
            log("no crawler issue found")
            return 1
        issues = [read_issue(found[k]) for k in keys]
        chars = set(broadsheet_html.furniture_text(None, seed))
        for issue in issues:
            chars |= issue_chars(issue)
        try:
            fonts = broadsheet_font.ensure(chars, cache, log)
        except RuntimeError as e:
            log(str(e))
            return 1
        status = 0
        for issue in issues:
            dest = os.path.join(out, issue["date"])
            try:
                print_issue(issue, dest, seed, fonts, png)
                log("%s: %d pages" % (dest, len(issue["pages"])))
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                log("%s: %s" % (issue["date"], e))
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
