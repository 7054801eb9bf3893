"""broadsheet_html.py -- one issue as broadsheet pages in HTML/CSS.

Each page (版) is a sheet 330 mm wide on a grid of 6 to 8 columns.
Articles are boxes spanning some grid columns; a box holds its title
group (kicker, headline, subhead), maybe a photo with its caption, and
its body set in CSS columns (one per grid column, or one per two for a
wide measure).  The title group either heads the box or stands over some
of its body columns, the body starting beside it.  Around the boxes:
the page header (folio) with the page name, number and date, the
editor's line, a page credit, and on page 1 the masthead.

Python chooses everything that varies (grid, type size, spans, title
placement, photos, furniture) from the seed; a script in the page then
measures what Chromium set, packs the boxes on the grid (each box goes
where its columns are lowest, in the order of the articles) and sizes
each printed page to its content.  So the same seed gives the same pages.

build(issue, seed, fonts) returns (html, furniture) where furniture
holds, per page, the page name, editor and credits as printed, and the
masthead lines, for the expected tree.
"""

import html
import random
import re

SHEET_MM = 330.0        # type area width
MARGIN_MM = 10.0
GAP_MM = 4.0            # gutter between grid columns
LINE = 1.45             # body line height, in ems

# Page names of a People's Daily issue, by page number (1-based).
PAGE_NAMES = ["要闻", "要闻", "要闻", "要闻", "评论", "经济", "政治", "社会",
              "理论", "经济", "产经", "综合", "文化", "教育", "体育", "国际",
              "国际", "副刊", "视点", "生态"]

# Made-up names for editors and designers: a surname and a given name.
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = ["洲", "晓晴", "军伟", "蔚", "明远", "宁", "欣", "慧敏", "小川", "海鸣",
         "雪", "一鸣", "彦", "俊", "思远", "红梅", "越", "琳", "志刚", "静",
         "博", "凯", "华蔚", "丹", "晨", "芳", "立新", "楠", "佳", "文", "毅"]

WEEKDAYS = "一二三四五六日"


def esc(s):
    return html.escape(s, quote=True)


def person(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def weekday(date):
    import datetime
    y, m, d = (int(x) for x in date.split("-"))
    return "星期" + WEEKDAYS[datetime.date(y, m, d).weekday()]


def cn_date(date):
    y, m, d = (int(x) for x in date.split("-"))
    return "%d年%d月%d日" % (y, m, d)


def width_units(text):
    """Width of TEXT in ems: ideographs 1, Latin letters and digits
    about a half."""
    return sum(0.55 if ord(c) < 0x2000 else 1.0 for c in text)


class Page:
    """The choices made for one page."""

    def __init__(self, rng, number, count):
        self.rng = rng
        self.number = number
        self.grid = rng.choice([6, 7, 8, 8])
        self.colw = (SHEET_MM - (self.grid - 1) * GAP_MM) / self.grid
        # Characters per grid column: 11 to 17, as on real pages.
        self.cpl = rng.randint(11, 17) if self.grid < 8 else \
            rng.randint(10, 13)
        self.fs = self.colw / (self.cpl + 0.25)
        self.name = PAGE_NAMES[(number - 1) % len(PAGE_NAMES)] \
            if number > 1 else None
        self.count = count


def span_for(rng, page, art, lead):
    g = page.grid
    n = sum(len(p) for p in art["paragraphs"])
    if lead:
        return rng.randint(max(3, g - 3), g)
    if n > 3000:
        lo, hi = 3, g - 2
    elif n > 1200:
        lo, hi = 2, 4
    elif n > 400:
        lo, hi = 1, 3
    else:
        lo, hi = 1, 2
    return rng.randint(lo, min(hi, g))


CREDIT = re.compile(r"^.{0,24}摄）?$")
CAPTION = re.compile(r"^(图为|（?[上下左右中]图[：:]|图[：:])")


def is_caption(p):
    return bool(CREDIT.match(p) or (CAPTION.match(p) and len(p) < 200))


def split_captions(paras):
    """(lead, body, tail): the caption and credit lines that open and
    close PARAS, printed under a picture, and the text between.  A photo
    story (only a caption and its credit) is all lead."""
    n = len(paras)
    i = 0
    while i < n and is_caption(paras[i]):
        i += 1
    j = n
    while j > i and is_caption(paras[j - 1]):
        j -= 1
    if j < n and j - i == 1 and n - j <= 2 and i == 0:
        i = j = 0               # caption text, then its credit
        return paras, [], []
    return paras[:i], paras[i:j], paras[j:]


def title_html(art, hs, align):
    out = ['<div class="titles" style="text-align:%s">' % align]
    if art.get("kicker"):
        out.append('<p class="kicker" style="font-size:%.2fmm">%s</p>'
                   % (max(3.6, hs * 0.42), esc(art["kicker"])))
    out.append('<h1 style="font-size:%.2fmm">%s</h1>'
               % (hs, esc(art["headline"] or "")))
    if art.get("subhead"):
        out.append('<p class="subhead" style="font-size:%.2fmm">%s</p>'
                   % (max(3.8, hs * 0.5), esc(art["subhead"])))
    out.append("</div>")
    return "".join(out)


def photo_html(rng, lines, fs):
    """A picture with LINES (caption and credit) under it."""
    if not lines:
        return ""
    return ('<figure><div class="img" style="height:%dmm"></div>'
            '<figcaption style="font-size:%.2fmm">%s</figcaption></figure>'
            % (rng.randint(25, 70), fs * 0.9,
               "<br>".join(esc(x) for x in lines)))


def box_html(rng, page, art, lead):
    lead_caps, body, tail = split_captions(art["paragraphs"])
    span = span_for(rng, page, art, lead)
    if lead and page.number == 1:
        span = page.grid - mast_span(page)   # beside the masthead
    cols = span
    if span >= 4 and span % 2 == 0 and rng.random() < 0.25:
        cols = span // 2            # a wide measure: two grid columns each
    width = span * page.colw + (span - 1) * GAP_MM
    hs = min(12.0, 5.0 + 1.4 * span) if lead else \
        min(9.0, 4.2 + 1.1 * span)
    hs = max(hs, page.fs * 1.4)
    # Keep a headline to two lines at most.
    hw = width_units(art["headline"] or "")
    while hw * hs > 2 * width and hs > page.fs * 1.3:
        hs -= 0.5
    over = cols >= 2 and body and rng.random() < 0.4
    k = a = 0
    if over:
        k = rng.randint(max(1, cols // 2), cols - 1)
        a = rng.choice([0, cols - k])
    cls = "box"
    if not lead and span <= 3 and rng.random() < 0.12:
        cls += " frame"
    face = rng.choice(["bs-sans-bold", "bs-serif-bold"])
    align = "center" if rng.random() < 0.6 else "left"
    attrs = ('class="%s" data-span="%d" data-cols="%d" data-ta="%d" '
             'data-tk="%d" style="width:%.2fmm"'
             % (cls, span, cols, a, k, width))
    out = ["<section %s>" % attrs]
    titles = title_html(art, hs, align).replace(
        'class="titles"', 'class="titles" data-face="%s"' % face)
    photos = photo_html(rng, lead_caps, page.fs)
    if over:
        out.append(titles.replace('class="titles"', 'class="titles over"'))
        # A photo goes under the title group it stands with.
        if photos:
            out[-1] = out[-1][:-len("</div>")] + photos + "</div>"
            photos = ""
    else:
        out.append(titles)
    out.append(photos)
    out.append('<div class="body" style="column-count:%d">' % cols)
    # The end marker sits on the last line of text, where the page
    # script can see whether the text fits (an empty span of its own
    # would have no line box to stand on).
    for i, p in enumerate(body):
        out.append("<p>%s%s</p>" % (esc(p), '<span class="end"></span>'
                                     if i == len(body) - 1 else ""))
    out.append("</div>")
    out.append(photo_html(rng, tail, page.fs))
    out.append("</section>")
    return "".join(out)


def ad_html(rng, page):
    span = rng.randint(2, page.grid)
    width = span * page.colw + (span - 1) * GAP_MM
    return ('<section class="box ad" data-span="%d" data-cols="1" '
            'data-ta="0" data-tk="0" style="width:%.2fmm">'
            '<div class="img" style="height:%dmm"></div></section>'
            % (span, width, rng.randint(60, 200)))


def masthead(issue, rng):
    date = issue["date"]
    lines = ["人民日报", "RENMIN RIBAO",
             "%s %s" % (cn_date(date), weekday(date)),
             "今日%d版" % max(p["number"] for p in issue["pages"]),
             "人民网网址：http://www.people.com.cn",
             "第%d期" % (25000 + rng.randint(0, 999)),
             "国内统一连续出版物号 CN 11-0065", "代号1-1"]
    return lines


def mast_span(page):
    return 2 if page.grid < 8 else 3


def masthead_html(lines, page):
    span = mast_span(page)
    width = span * page.colw + (span - 1) * GAP_MM
    out = ['<section class="box mast" data-span="%d" data-cols="1" '
           'data-ta="0" data-tk="0" style="width:%.2fmm">' % (span, width)]
    out.append('<div class="mast-title">%s</div>' % esc(lines[0]))
    out.append('<div class="mast-roman">%s</div>' % esc(lines[1]))
    for line in lines[2:]:
        out.append('<div class="mast-line">%s</div>' % esc(line))
    out.append("</section>")
    return "".join(out)


def folio_html(rng, page, date):
    """The page header; returns (html, name printed or None)."""
    if page.number == 1:
        return "", None
    style = rng.choice(["named", "plain", "spread"])
    name = page.name
    if style == "named":
        left = "第%02d版：%s" % (page.number, name)
        mid = "人民日报"
        right = "%s %s" % (cn_date(date), weekday(date))
    elif style == "plain":
        left = "%d" % page.number
        mid = name
        right = "人民日报 %s %s" % (cn_date(date), weekday(date))
    else:
        left = name
        mid = "%s %s" % (cn_date(date), weekday(date))
        right = "第%d版" % page.number
    return ('<div class="folio"><span class="f-left">%s</span>'
            '<span class="f-mid">%s</span><span class="f-right">%s</span>'
            '</div>' % (esc(left), esc(mid), esc(right))), name


def page_html(issue, pg, rng, furniture):
    page = Page(rng, pg["number"], len(issue["pages"]))
    folio, name = folio_html(rng, page, issue["date"])
    editors = [person(rng) for _ in range(rng.randint(1, 3))]
    editor = " ".join(editors)
    ed_style = rng.choice(["top", "bottom"]) if pg["articles"] else "none"
    credits = []
    if pg["articles"] and rng.random() < 0.5:
        credits.append("版式设计：%s" % person(rng))
    furniture["pages"].append({"number": pg["number"], "name": name,
                               "editor": editor if ed_style != "none"
                               else None, "credits": credits})
    # Whole pixels: Chromium rounds each line box, and lines of
    # neighbouring columns must stand on the same baselines, as on a
    # typeset page (pdftotext cuts columns whose baselines drift apart
    # into pieces).
    lh = round(LINE * page.fs * 96 / 25.4)
    out = ['<div class="page" data-page="p%d" style="page:p%d;--fs:%.3fmm;'
           '--lh:%dpx">' % (pg["number"], pg["number"], page.fs, lh)]
    out.append(folio)
    if ed_style == "top":
        out.append('<div class="editor top">本版责编：%s</div>'
                   % esc(editor))
    out.append('<div class="sheet" data-grid="%d">' % page.grid)
    if pg["number"] == 1:
        lines = masthead(issue, rng)
        furniture["masthead"] = lines
        out.append(masthead_html(lines, page))
    for i, art in enumerate(pg["articles"]):
        out.append(box_html(rng, page, art, i == 0))
    for _ in range(pg.get("ads", 0)):
        out.append(ad_html(rng, page))
    out.append("</div>")
    foot = []
    if ed_style == "bottom":
        foot.append('<span>■本版责任编辑 %s</span>' % esc(editor))
    for c in credits:
        foot.append("<span>%s</span>" % esc(c))
    if foot:
        out.append('<div class="foot">%s</div>' % "".join(foot))
    out.append("</div>")
    return "".join(out)


CSS = """
@page { margin: 0 }
html, body { margin: 0; padding: 0 }
body { font-family: bs-serif; color: #000; }
.page { width: %(w)smm; padding: %(m)smm; box-sizing: border-box;
        break-after: page; position: relative; font-size: var(--fs) }
.folio { display: flex; justify-content: space-between; align-items: baseline;
         border-bottom: 0.6mm solid #000; padding-bottom: 1.5mm;
         margin-bottom: 3mm; font-family: bs-sans-bold; font-size: 5mm }
.folio .f-mid { font-family: bs-serif; font-size: 4mm }
.editor.top { text-align: right; font-family: bs-sans; font-size: 3mm;
              margin: -1.5mm 0 2mm }
.foot { display: flex; justify-content: space-between; font-family: bs-sans;
        font-size: 3mm; border-top: 0.3mm solid #000; padding-top: 1.5mm;
        margin-top: 3mm }
.sheet { position: relative; width: %(s)smm }
.box { position: absolute; box-sizing: border-box; }
.box { border-top: 0.3mm solid #000; padding-top: 2mm }
.box.first-row { border-top-color: transparent }
.box.frame { border: 0.4mm solid #000; padding: 2mm }
.titles { margin-bottom: 2.5mm }
.titles.over { position: absolute; top: 0 }
.titles h1 { margin: 0; line-height: 1.2; font-weight: normal }
.titles[data-face="bs-sans-bold"] h1 { font-family: bs-sans-bold }
.titles[data-face="bs-serif-bold"] h1 { font-family: bs-serif-bold }
.kicker { margin: 0 0 1mm; font-family: bs-sans; line-height: 1.3 }
.subhead { margin: 1mm 0 0; font-family: bs-serif-bold; line-height: 1.3 }
figure { margin: 0 0 2.5mm }
.img { background: #bbb; width: 100%%; }
figcaption { font-family: bs-sans; line-height: 1.35; margin-top: 1mm }
.body { column-gap: %(g)smm; line-height: var(--lh); }
.body p { margin: 0; text-indent: 2em; text-align: justify }
.body p.cont { text-indent: 0 }
.spacer { break-inside: avoid }
.mast-title { font-family: bs-serif-bold; font-size: 16mm; color: #c00;
              line-height: 1.1 }
.mast-roman { font-family: bs-sans; font-size: 3.5mm; letter-spacing: 1mm;
              margin-bottom: 2mm }
.mast-line { font-family: bs-sans; font-size: 3mm; line-height: 1.5 }
.ad .img { background: #999 }
"""

SCRIPT = r"""
(function () {
var MM = 96 / 25.4, GAP = %(g)s * MM;

/* Column of RECT in a body whose left edge is LEFT. */
function columnOf(rect, left, cw) {
  return Math.floor((rect.left - left + GAP / 2) / (cw + GAP));
}

/* Where body column J begins: {p, node, off}, or null when the text
   ends before it.  Text order is column order, so the paragraphs and
   then the characters of the one that crosses into J are searched. */
function columnStart(body, j, cw) {
  var left = body.getBoundingClientRect().left;
  var ps = body.querySelectorAll("p");
  for (var i = 0; i < ps.length; i++) {
    var rects = ps[i].getClientRects();
    if (!rects.length) continue;
    if (columnOf(rects[rects.length - 1], left, cw) < j) continue;
    if (columnOf(rects[0], left, cw) >= j)
      return { p: ps[i], node: null, off: 0 };
    var node = ps[i].firstChild, range = document.createRange();
    var lo = 0, hi = node.length;
    while (lo < hi) {
      var m = (lo + hi) >> 1;
      range.setStart(node, m);
      range.setEnd(node, m + 1);
      var r = range.getClientRects();
      if (r.length && columnOf(r[r.length - 1], left, cw) >= j) hi = m;
      else lo = m + 1;
    }
    return { p: ps[i], node: node, off: lo };
  }
  return null;
}

/* Put the text at the top of body column J below a spacer of height T,
   splitting the paragraph there; its rest keeps no indent. */
function spacerAt(body, j, cw, t) {
  var sp = document.createElement("div");
  sp.className = "spacer";
  sp.style.height = t + "px";
  if (j === 0) {
    body.insertBefore(sp, body.firstChild);
    return true;
  }
  var at = columnStart(body, j, cw);
  if (!at)
    return true;                // the text ends before column J
  if (!at.node || at.off === 0) {
    body.insertBefore(sp, at.p);
    return true;
  }
  if (at.off >= at.node.length)
    return false;
  var rest = at.node.splitText(at.off);
  var q = document.createElement("p");
  q.className = "cont";
  while (rest) {
    var next = rest.nextSibling;
    q.appendChild(rest);
    rest = next;
  }
  at.p.parentNode.insertBefore(q, at.p.nextSibling);
  body.insertBefore(sp, q);
  return true;
}

function overflows(body) {
  var br = body.getBoundingClientRect();
  var e = body.querySelector(".end").getBoundingClientRect();
  return e.right > br.right + 1 || e.bottom > br.bottom + 1;
}

/* A title group over body columns [a, a+k): the body is set with
   column-fill auto at a height found by trial, with a spacer at the top
   of each of those columns. */
function layoutOver(box) {
  var body = box.querySelector(".body"), t = box.querySelector(".titles");
  var c = +box.dataset.cols, a = +box.dataset.ta, k = +box.dataset.tk;
  var cw = (body.clientWidth - (c - 1) * GAP) / c;
  t.style.left = (a * (cw + GAP)) + "px";
  t.style.width = (k * cw + (k - 1) * GAP) + "px";
  var lh0 = parseFloat(getComputedStyle(body).lineHeight);
  // The spacer keeps the columns on the page's baseline grid.
  var th = Math.ceil((t.offsetHeight + GAP) / lh0 - 0.01) * lh0;
  var keep = body.innerHTML;
  var lh = parseFloat(getComputedStyle(body).lineHeight);
  function fits(ht) {
    body.innerHTML = keep;
    body.style.height = ht + "px";
    body.style.columnFill = "auto";
    for (var j = a; j < a + k; j++)
      if (!spacerAt(body, j, cw, th))
        return false;
    return !overflows(body);
  }
  // Taller always fits: search the lowest height, to a quarter line.
  var lo = body.offsetHeight, hi = lo + k * th + 4 * lh;
  for (var n = 0; n < 50 && !fits(hi); n++)
    hi += 4 * lh;
  while (hi - lo > lh / 4) {
    var mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid; else lo = mid;
  }
  fits(hi);
}

/* Move the body of BOX down to the page's baseline grid (multiples of
   the body line height LH from the box top): pdftotext reads columns
   whose lines stand on one grid as columns, and a real page has one. */
function alignBody(box) {
  var body = box.querySelector(".body");
  if (!body || !body.firstChild)
    return;
  var off = body.getBoundingClientRect().top - box.getBoundingClientRect().top;
  var want = Math.ceil(off / LH - 0.01) * LH;
  body.style.marginTop = (want - off) + "px";
  var over = box.querySelector(".titles.over");
  if (over)
    over.style.top = body.offsetTop + "px";
}

var LH = 0;

function packSheet(sheet) {
  var g = +sheet.dataset.grid;
  var colw = (sheet.clientWidth - (g - 1) * GAP) / g;
  var sky = [];
  for (var i = 0; i < g; i++) sky.push(0);
  sheet.querySelectorAll(":scope > .box").forEach(function (box) {
    var s = +box.dataset.span, best = 0, top = Infinity;
    for (var x = 0; x + s <= g; x++) {
      var m = Math.max.apply(null, sky.slice(x, x + s));
      if (m < top - 0.5) { top = m; best = x; }
    }
    if (top > 0)
      top = Math.ceil((top + GAP) / LH - 0.01) * LH;
    else
      box.classList.add("first-row");
    box.style.left = (best * (colw + GAP)) + "px";
    box.style.top = top + "px";
    var bottom = top + box.offsetHeight;
    for (var x2 = best; x2 < best + s; x2++) sky[x2] = bottom;
  });
  sheet.style.height = Math.max.apply(null, sky) + "px";
}

function run() {
  document.querySelectorAll(".sheet").forEach(function (sheet) {
    var b = sheet.querySelector(".body");
    LH = b ? parseFloat(getComputedStyle(b).lineHeight) : 20;
    sheet.querySelectorAll(":scope > .box").forEach(function (box) {
      if (+box.dataset.tk > 0) layoutOver(box);
      alignBody(box);
    });
    packSheet(sheet);
  });
  var css = "";
  document.querySelectorAll(".page").forEach(function (p) {
    css += "@page " + p.dataset.page + " { size: %(w)smm " +
        Math.ceil(p.offsetHeight + 2) + "px; margin: 0 }\n";
  });
  var st = document.createElement("style");
  st.textContent = css;
  document.head.appendChild(st);
  window.scrollTo(0, 0);
  document.body.dataset.done = "1";
}
document.fonts.ready.then(run);
})();
"""


def build(issue, seed, fonts):
    """HTML of ISSUE printed with SEED; FONTS maps family -> TTF path."""
    furniture = {"pages": [], "masthead": []}
    faces = "".join('@font-face { font-family: %s; src: url("file://%s"); }\n'
                    % (fam, path) for fam, path in sorted(fonts.items()))
    css = CSS % {"w": SHEET_MM + 2 * MARGIN_MM, "m": MARGIN_MM,
                 "s": SHEET_MM, "g": GAP_MM, "lh": LINE}
    pages = []
    for pg in issue["pages"]:
        rng = random.Random("%s/%s/%d" % (seed, issue["date"], pg["number"]))
        pages.append(page_html(issue, pg, rng, furniture))
    script = SCRIPT % {"g": GAP_MM, "w": SHEET_MM + 2 * MARGIN_MM}
    doc = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
           '<title>%s</title><style>%s%s</style></head><body>%s'
           '<script>%s</script></body></html>'
           % (esc(issue["date"]), faces, css, "".join(pages), script))
    return doc, furniture


def furniture_text(issue, seed):
    """Every string build() may print outside the articles, for the
    font subset."""
    extra = "".join(PAGE_NAMES) + SURNAMES + "".join(GIVEN) + WEEKDAYS
    extra += "人民日报RENMIN RIBAO今日版人民网网址：http://www.people.com.cn"
    extra += "第期国内统一连续出版物号 CN 11-0065代号1-1年月日星期本版责编：■任辑"
    extra += "版式设计：0123456789"
    return extra
