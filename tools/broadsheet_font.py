"""broadsheet_font.py -- the faces tools/broadsheet.py prints with.

Debian's Noto CJK faces are OpenType collections with CFF outlines.
Chromium embeds CFF faces in a PDF as Type 3 fonts, and pdftotext then
reads each CJK glyph as twice its size, which changes where it cuts
blocks.  A typesetting system's e-paper PDF carries CID TrueType fonts.
So each face is subset to the characters the pages use and its outlines
are converted to TrueType (quadratic) outlines once; Chromium then embeds
it as a CID TrueType font.

Converted faces are cached outside the repository (--font-cache, else
$XDG_CACHE_HOME/dubao-broadsheet, else ~/.cache/dubao-broadsheet), each
with the list of characters it covers.  A face is rebuilt, covering the
union of the old and new characters, only when a page needs a character
it lacks.  Files are written under a temporary name and renamed, so two
runs never see half a font.
"""

import json
import os
import tempfile

# The faces: CSS family name -> (file name, index of Simplified Chinese
# in the collection).  The SC face is the third in Debian's collections.
FACES = {
    "bs-serif": ("NotoSerifCJK-Regular.ttc", 2),
    "bs-serif-bold": ("NotoSerifCJK-Bold.ttc", 2),
    "bs-sans": ("NotoSansCJK-Regular.ttc", 2),
    "bs-sans-bold": ("NotoSansCJK-Bold.ttc", 2),
}

FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/opentype",
             "/usr/share/fonts"]

# Bumped when the conversion changes, so old caches are not reused.
VERSION = 1

# Largest distance (font units) between a cubic curve and the quadratic
# splines that replace it.  Noto CJK has 1000 units to the em.
MAX_ERR = 1.0


def find_source(name):
    """Path of the collection NAME, or None."""
    for top in FONT_DIRS:
        for root, _, files in os.walk(top):
            if name in files:
                return os.path.join(root, name)
    return None


def cache_dir(given):
    if given:
        return given
    base = os.environ.get("XDG_CACHE_HOME") or \
        os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "dubao-broadsheet")


def _covered(meta_path):
    try:
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
    except (OSError, ValueError):
        return None
    if meta.get("version") != VERSION:
        return None
    return set(meta.get("chars", []))


def ensure(chars, cache=None, log=None):
    """Return {family: path of a TrueType face covering CHARS}.
    Raises RuntimeError when a source face is missing."""
    top = cache_dir(cache)
    os.makedirs(top, exist_ok=True)
    want = {ord(c) for c in chars if ord(c) >= 0x20}
    out = {}
    for family, (fname, index) in FACES.items():
        ttf = os.path.join(top, family + ".ttf")
        meta = os.path.join(top, family + ".json")
        have = _covered(meta)
        if have is not None and want <= have and os.path.exists(ttf):
            out[family] = ttf
            continue
        src = find_source(fname)
        if src is None:
            raise RuntimeError("font %s not found (Debian: fonts-noto-cjk)"
                               % fname)
        cover = want | (have or set())
        if log:
            log("converting %s to TrueType (%d characters)"
                % (family, len(cover)))
        _convert(src, index, cover, ttf)
        _write_atomic(meta, json.dumps({"version": VERSION,
                                        "chars": sorted(cover)}))
        out[family] = ttf
    return out


def _write_atomic(path, text):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def _convert(src, index, codepoints, dest):
    """Subset face INDEX of SRC to CODEPOINTS and give it TrueType
    outlines; write it to DEST."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(src, fontNumber=index)
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=codepoints)
    sub.subset(font)
    _cff_to_glyf(font)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(dest), suffix=".ttf")
    os.close(fd)
    font.save(tmp)
    os.replace(tmp, dest)


def _cff_to_glyf(font):
    """Replace the CFF table of FONT by glyf/loca tables holding the same
    outlines as quadratic splines, and fix the tables that depend on the
    outline format (maxp, post, head)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:          # vertical origins: CFF faces only
        del font["VORG"]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for field in ("maxPoints", "maxContours", "maxCompositePoints",
                  "maxCompositeContours", "maxTwilightPoints", "maxStorage",
                  "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
