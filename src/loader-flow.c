/*
 * loader-flow.c -- column lines read into paragraphs, and the column
 * blocks of each article put back in reading order: pdftotext's default
 * mode (and -layout, once loader-columns.c has cut it into columns) made
 * into a page dump.
 *
 * The input is one page of lines, blank lines between blocks; a block is
 * a stretch of one column as pdftotext read it, sometimes with a title
 * in front. For each block:
 *
 * - its measure is the most common line width (typeset columns);
 * - title lines in front (much wider or much narrower than the measure,
 *   without a clause mark) are set apart;
 * - lines are read into units. pdftotext drops the 2-character indent
 *   (-layout keeps it), so a paragraph's first line falls short of the
 *   measure by about an indent; its last line ends with a stop or falls
 *   short. A short line without a stop is a title line of its own (an
 *   intertitle, a subhead); a byline or a dateline starts a unit.
 *
 * The blocks are then chained. A block whose first unit continues a
 * paragraph (a full first line, no indent) follows the block that left
 * a paragraph open: the block right before it when that one is open and
 * of the same measure, else the latest open block of that measure still
 * waiting (pdftotext read a headline, a caption or another box's column
 * in between). The two halves of the paragraph become one unit.
 *
 * The chains are written out in the order of their first blocks: one
 * unit a line, the first lines of paragraphs indented, a blank line
 * between units -- the shape of a page dump, which the passes after
 * this one read. A page header pdftotext scattered is put back on one
 * line first (loader-head.c).
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "i18n.h"
#include "loader-int.h"

#define LOADER_FLOW_NONE	((size_t)-1)

enum loader_flow_kind {
	LF_START,		/* a paragraph from its first line */
	LF_CONT,		/* the rest of a paragraph begun elsewhere */
	LF_TITLE		/* a title line (headline, intertitle...) */
};

struct loader_flow_unit {
	char			*text;	/* owned */
	size_t			 line;
	size_t			 nlines;
	enum loader_flow_kind	 kind;
};

/* A block of one column, or a title set apart. */
struct loader_flow_item {
	size_t	 u0;		/* its units: u[u0 .. u0 + nu) */
	size_t	 nu;
	int	 m;		/* measure; 0 for a title */
	bool	 open;		/* its last line is full: a paragraph may
				   go on elsewhere */
	bool	 hard_open;	/* ... and ends without a stop: it does */
	size_t	 next;		/* the block that continues it */
	size_t	 prev;
	bool	 far;		/* its part before is not the block before
				   it: a doubtful join */
	bool	 done;		/* written out */
};

struct loader_flow {
	struct loader_flow_unit	*u;
	size_t			 nu;
	size_t			 ucap;
	struct loader_flow_item	*it;
	size_t			 nit;
	size_t			 itcap;
	bool			 known_indents;	/* -layout: indents seen */
	const struct loader_report *rp;		/* notes go there; or NULL */
};

/* ------------------------------------------------------------------ */
/* Lines. */

/* Is UC wide without a doubt (CJK, Hangul, full-width forms)? */
static bool
loader_flow_wide(ucs4_t uc)
{
	return (uc >= 0x3400 && uc <= 0x9fff) || (uc >= 0xac00 &&
	    uc <= 0xd7a3) || (uc >= 0xf900 && uc <= 0xfaff) ||
	    (uc >= 0xff01 && uc <= 0xff60) || (uc >= 0x3001 && uc <= 0x303e);
}

int
loader_flow_width(const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 uc;
	int		 w = 0, k;

	/* u8_width(s, "GBK") with the common characters looked up here. */
	while (*p != '\0') {
		if (*p < 0x80) {
			w += *p >= 0x20 && *p != 0x7f;
			p++;
			continue;
		}
		k = u8_strmbtouc(&uc, p);
		if (k <= 0)
			break;
		w += loader_flow_wide(uc) ? 2 : uc_width(uc, "GBK");
		p += k;
	}
	return w;
}

static bool
loader_flow_latin(ucs4_t uc)
{
	return uc < 0x80 && ((uc | 0x20) >= 'a' && (uc | 0x20) <= 'z');
}

/* Single spaces between CJK characters in S. */
static int
loader_flow_spaced(const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 prev = 0, next, after;
	int		 spaced = 0, k;

	while (*p != '\0') {
		k = u8_strmbtouc(&next, p);
		if (k <= 0)
			return 0;
		if (next == ' ' && p[1] != ' ' && p[1] != '\0' &&
		    prev >= 0x2e80 && u8_strmbtouc(&after, p + 1) > 0 &&
		    after >= 0x2e80)
			spaced++;
		prev = next;
		p += k;
	}
	return spaced;
}

/*
 * A justified line that pdftotext read with a space between every two
 * characters ("本 报 北 京 9 月 30日电"): when LL_COL_SPACED or more single
 * spaces stand between CJK characters, drop every single space that does
 * not stand between two Latin letters. S shrinks in place; true when
 * it did.
 */
static bool
loader_flow_unspace(char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 prev = 0, next, after;
	char		*o = s;
	int		 k, spaced = 0, letters = 0;

	/* Spaced out: most characters stand apart (a byline's names with
	 * spaces between them are not). */
	if (loader_flow_spaced(s) < LL_COL_SPACED)
		return false;
	for (p = (const uint8_t *)s; *p != '\0'; p++) {
		letters += *p != ' ' && (*p & 0xc0) != 0x80;
		spaced += *p == ' ' && p > (const uint8_t *)s &&
		    p[-1] != ' ' && p[1] != ' ' && p[1] != '\0';
	}
	if (spaced * 100 < letters * LL_FLOW_SPACED_PCT)
		return false;
	p = (const uint8_t *)s;
	while (*p != '\0') {
		k = u8_strmbtouc(&next, p);
		if (next == ' ' && p[1] != ' ' && (const char *)p > s &&
		    p[-1] != ' ') {
			after = 0;
			if (p[1] != '\0')
				u8_strmbtouc(&after, p + 1);
			if (!(loader_flow_latin(prev) &&
			    loader_flow_latin(after))) {
				p++;
				continue;
			}
		}
		memmove(o, p, k);
		o += k;
		p += k;
		prev = next;
	}
	*o = '\0';
	return true;
}

/* Is S free of the punctuation that running text has? */
static bool
loader_flow_bare(const char *s)
{
	static const char *const marks[] = { "，", "。", "；", "！", "？",
	    "、", ",", ";" };
	size_t	i;

	for (i = 0; i < LOADER_N(marks); i++)
		if (strstr(s, marks[i]) != NULL)
			return false;
	return true;
}

bool
loader_flow_glued(const char *s)
{
	ucs4_t	uc = loader_first(s);

	return loader_is_closer(uc) || loader_is_stop(uc) || uc == 0xff0c ||
	    uc == 0x3001 || uc == 0xff1a;
}

/* A dateline at the start of S: 本报北京2月4日电, 新华社…1月31日电. */
static bool
loader_flow_dateline(const char *s)
{
	static const char *const who[] = { "本报", "新华社", "中新社" };
	const uint8_t	*p;
	ucs4_t		 uc, prev = 0;
	int		 i, k;

	if (!loader_starts_any(s, who, LOADER_N(who)))
		return false;
	p = (const uint8_t *)s + (loader_starts(s, "本报") ? 6 : 9);
	for (i = 0; i < LL_FLOW_DATELINE_LOOK && *p != '\0'; i++) {
		k = u8_strmbtouc(&uc, p);
		if (k <= 0 || uc == ' ' || uc == 0xff0c || uc == 0x3002)
			return false;
		if (uc == 0x65e5 && prev >= '0' && prev <= '9')	/* 日 */
			return true;
		prev = uc;
		p += k;
	}
	return false;
}

/* A byline line: 本报记者 某某, short, no clause mark. */
static bool
loader_flow_byline(const char *s)
{
	static const char *const who[] = { "本报记者", "本报通讯员",
	    "新华社记者", "本报特约记者", "记者" };

	return loader_starts_any(s, who, LOADER_N(who)) &&
	    loader_nchars(s) <= LL_FLOW_BYLINE_MAX && loader_flow_bare(s);
}

/* A line that ends on a lead-in (：, ——): what follows may be apart. */
static bool
loader_flow_lead_in(const char *s)
{
	return loader_ends(s, "：") || loader_ends(s, "——") ||
	    loader_ends(s, ":");
}

/* A note wholly in brackets: （本系列评论到此结束）. */
static bool
loader_flow_note(const char *s)
{
	return (loader_starts(s, "（") || s[0] == '(') &&
	    (loader_ends(s, "）") || loader_ends(s, ")"));
}

/* ------------------------------------------------------------------ */
/* Blocks to units. */

/* Join line L to B; a dateline that filled the line before keeps the
 * space after it (本报北京2月4日电 （记者…）). */
static void
loader_flow_join(struct buf *b, const char *l)
{
	if (b->len > 0 && loader_ends(b->data, "电") &&
	    loader_flow_dateline(b->data) &&
	    loader_nchars(b->data) <= LL_FLOW_DATELINE_LOOK + 3)
		buf_addc(b, ' ');
	loader_join(b, l);
}

/* The lines [A, B) joined as a typesetter joins them (caller frees). */
static char *
loader_flow_text(const struct loader_line *ln, size_t a, size_t b)
{
	struct buf	bf;
	size_t		i, len = 1;

	buf_init(&bf);
	/* Room for the lines and a space between each two, at once. */
	for (i = a; i < b; i++)
		len += strlen(ln[i].text) + 1;
	bf.data = util_grow(bf.data, &bf.cap, len, 1);
	bf.data[0] = '\0';
	for (i = a; i < b; i++)
		loader_flow_join(&bf, ln[i].text);
	return bf.data;
}

/* Append a unit of the lines [A, B). */
static void
loader_flow_add_unit(struct loader_flow *fl, const struct loader_line *ln,
    size_t a, size_t b, enum loader_flow_kind kind)
{
	struct loader_flow_unit	*u;

	fl->u = util_grow(fl->u, &fl->ucap, fl->nu + 1, sizeof *fl->u);
	u = &fl->u[fl->nu++];
	u->text = loader_flow_text(ln, a, b);
	u->line = ln[a].line;
	u->nlines = b - a;
	u->kind = kind;
}

static struct loader_flow_item *
loader_flow_add_item(struct loader_flow *fl, size_t u0, int m)
{
	struct loader_flow_item	*it;

	fl->it = util_grow(fl->it, &fl->itcap, fl->nit + 1, sizeof *fl->it);
	it = &fl->it[fl->nit++];
	memset(it, 0, sizeof *it);
	it->u0 = u0;
	it->nu = fl->nu - u0;
	it->m = m;
	it->next = it->prev = LOADER_FLOW_NONE;
	return it;
}

/* The lines [A, B) as one title item. */
static void
loader_flow_title(struct loader_flow *fl, const struct loader_line *ln,
    size_t a, size_t b)
{
	size_t	u0 = fl->nu;

	loader_flow_add_unit(fl, ln, a, b, LF_TITLE);
	loader_flow_add_item(fl, u0, 0);
}

/*
 * The measure of the block [A, B): the most frequent width (the wider
 * one on a tie), when LL_MEASURE_MIN_VOTES lines share it, or two in a
 * block of LL_FLOW_SMALL_BLOCK lines or fewer; else 0.
 */
static int
loader_flow_measure(const struct loader_line *ln, size_t a, size_t b)
{
	enum { MAXW = 256 };	/* wider lines have no measure */
	int	best = 0, bestn = 0, hist[MAXW];
	size_t	i;

	memset(hist, 0, sizeof hist);
	for (i = a; i < b; i++)
		if (ln[i].width >= 0 && ln[i].width < MAXW)
			hist[ln[i].width]++;
	for (i = a; i < b; i++) {
		int w = ln[i].width;

		if (w < 0 || w >= MAXW)
			continue;
		if (hist[w] > bestn || (hist[w] == bestn && w > best)) {
			bestn = hist[w];
			best = w;
		}
	}
	if (bestn >= LL_MEASURE_MIN_VOTES ||
	    (bestn >= 2 && b - a <= LL_FLOW_SMALL_BLOCK))
		return best;
	return 0;
}

/*
 * The width of what S starts with when no line may be cut inside it: a
 * quoted or bracketed character and the closers and clause marks after
 * it ("“重”，"); 0 when S starts otherwise. A line above S was cut short
 * when this would not have fit at its end. (A quote that runs on, "“我
 * 非常", may be cut after its first character: a title line before it
 * must stay apart.)
 */
static int
loader_flow_chunk(const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 uc;
	int		 w = 0, k, state = 0;	/* openers, a letter, marks */

	while (*p != '\0' && *p != ' ') {
		k = u8_strmbtouc(&uc, p);
		if (k <= 0)
			break;
		if (state == 0 && loader_is_opener(uc))
			;
		else if (state == 0)
			state = 1;
		else if (loader_is_closer(uc) || loader_is_stop(uc) ||
		    uc == 0xff0c || uc == 0x3001 || uc == 0xff1a)
			state = 2;
		else
			break;
		w += uc < 0x80 ? 1 : 2;
		p += k;
	}
	return state == 2 ? w : 0;
}

/* Was line I of the block [.., B) of measure M, after INDENT columns,
 * cut before its end because the start of the next line would not fit
 * (a line ends short but full)? */
static bool
loader_flow_pushed(const struct loader_line *ln, size_t i, size_t b, int m,
    int indent)
{
	int	w;

	if (i + 1 >= b || !loader_is_opener(loader_first(ln[i + 1].text)))
		return false;
	w = loader_flow_chunk(ln[i + 1].text);
	return w > 0 && ln[i].width + indent + w > m;
}

/* Does line I of the block [.., B), of measure M, start a paragraph by
 * its indent? */
static bool
loader_flow_indented(const struct loader_flow *fl,
    const struct loader_line *ln, size_t i, size_t b, int m)
{
	int	d = m - ln[i].width;

	if (fl->known_indents)
		return ln[i].indented;
	return d >= LL_FLOW_INDENT_MIN && (d <= LL_FLOW_INDENT_MAX ||
	    (!loader_is_closed(ln[i].text) &&
	    loader_flow_pushed(ln, i, b, m, LL_INDENT_COLS)));
}

/* With indents known, is line I of the block [.., B) a title line: short,
 * no stop, and followed by an indented line, a short one or nothing (not
 * by the rest of a paragraph a column break cut)? */
static bool
loader_flow_title_line(const struct loader_flow *fl,
    const struct loader_line *ln, size_t i, size_t b, int m)
{
	if (m - ln[i].width < LL_FLOW_SHORT || loader_is_closed(ln[i].text))
		return false;
	return i + 1 == b || loader_flow_indented(fl, ln, i + 1, b, m) ||
	    m - ln[i + 1].width >= LL_FLOW_SHORT;
}

/*
 * Does line I of the block [.., B) of measure M (the first of its unit
 * when START) end its unit?
 */
static bool
loader_flow_ends(const struct loader_flow *fl, const struct loader_line *ln,
    size_t i, size_t b, int m, bool start)
{
	const struct loader_line	*l = &ln[i], *nx = &ln[i + 1];
	int				 d = m - l->width, d1, de;
	bool				 closed, ind1;

	if (i + 1 == b)
		return true;
	if (loader_flow_glued(nx->text))
		return false;
	if (loader_flow_dateline(nx->text) || loader_flow_byline(nx->text) ||
	    loader_flow_byline(l->text))
		return true;
	closed = loader_is_closed(l->text);
	d1 = m - nx->width;
	ind1 = loader_flow_indented(fl, ln, i + 1, b, m);
	/* Indents known: a paragraph ends where the next one is indented
	 * or a title line follows (not after a full line that goes on: that
	 * is the paragraph's last line, "……最强" "音——"); a short line
	 * without a stop is a title line, or a piece cut by a column break. */
	if (fl->known_indents)
		return ind1 || (!closed && !start && d >= LL_FLOW_SHORT) ||
		    ((closed || d > LL_FLOW_FULL) &&
		    loader_flow_title_line(fl, ln, i + 1, b, m));
	/* How short the line is, its own indent aside. */
	de = start ? d - LL_INDENT_COLS : d;
	if (closed)
		return de >= LL_FLOW_CLOSED_SHORT || ind1 ||
		    (!loader_is_closed(nx->text) && d1 >= LL_FLOW_SHORT) ||
		    loader_flow_note(nx->text);
	/* Without a stop: a short line is a title line of its own, unless
	 * the next line's start would not have fit. */
	if (loader_flow_pushed(ln, i, b, m, start ? LL_INDENT_COLS : 0))
		return false;
	if (!start && d >= LL_FLOW_SHORT)
		return true;
	if (start && de >= LL_FLOW_START_SHORT)
		return true;
	/* A title line, then a paragraph's first line; not a paragraph's
	 * first line and its short last one. */
	if (ind1 && d >= LL_FLOW_TITLE_SHORT &&
	    !(start && loader_is_closed(nx->text)))
		return true;
	return ind1 && d >= LL_FLOW_LEAD_SHORT && loader_flow_lead_in(l->text);
}

/*
 * The kind of the unit of the lines [A, B) in a block of measure M, the
 * block's first when FIRST: a paragraph's start by its indent; else a
 * title when a few lines end short without a stop; else the rest of a
 * paragraph when it opens its block (or, with indents known, whenever
 * it is not indented), a paragraph's start otherwise (its indent lost
 * where a paragraph ended).
 */
static enum loader_flow_kind
loader_flow_kind(const struct loader_flow *fl, const struct loader_line *ln,
    size_t a, size_t b, int m, bool first)
{
	if (loader_flow_indented(fl, ln, a, b, m))
		return LF_START;
	if (b - a <= LL_FLOW_TITLE_LINES &&
	    m - ln[b - 1].width >= LL_FLOW_SHORT &&
	    !loader_is_closed(ln[b - 1].text))
		return LF_TITLE;
	return first || fl->known_indents ? LF_CONT : LF_START;
}

/* Read the lines [A, B) of a block of measure M into units. */
static void
loader_flow_units(struct loader_flow *fl, const struct loader_line *ln,
    size_t a, size_t b, int m)
{
	size_t	i, first = a;
	bool	start;

	for (i = a; i < b; i++) {
		start = i == first && loader_flow_indented(fl, ln, i, b, m);
		if (!loader_flow_ends(fl, ln, i, b, m, start))
			continue;
		loader_flow_add_unit(fl, ln, first, i + 1,
		    loader_flow_kind(fl, ln, first, i + 1, m, first == a));
		first = i + 1;
	}
}

/* Title lines pdftotext read in front of the column [A, B) of measure M:
 * how many. */
static size_t
loader_flow_front(const struct loader_line *ln, size_t a, size_t b, int m)
{
	size_t	i;

	for (i = a; i < b && !loader_is_closed(ln[i].text) &&
	    (ln[i].width > m + LL_FLOW_TITLE_WIDE ||
	    ln[i].width < m - LL_FLOW_TITLE_NARROW) &&
	    loader_flow_bare(ln[i].text); i++)
		;
	return i < b ? i - a : 0;
}

/* The title lines [A, B): a title wrapped in its box goes on while its
 * lines are as wide as its first; a shorter line ends it, a wider one
 * starts another. */
static void
loader_flow_titles(struct loader_flow *fl, const struct loader_line *ln,
    size_t a, size_t b)
{
	size_t	i, first = a;

	for (i = a; i < b; i++)
		if (i + 1 == b ||
		    ln[i].width < ln[first].width - LL_FLOW_FULL ||
		    ln[i + 1].width > ln[first].width + LL_FLOW_FULL) {
			loader_flow_title(fl, ln, first, i + 1);
			first = i + 1;
		}
}

/* The block [A, B): its title lines, then its units as one item. */
static void
loader_flow_block(struct loader_flow *fl, const struct loader_line *ln,
    size_t a, size_t b)
{
	struct loader_flow_item	*it;
	size_t			 u0, i;
	int			 m = loader_flow_measure(ln, a, b);
	bool			 bare = true;

	if (m == 0) {
		for (i = a; i < b; i++)
			bare = bare && loader_flow_bare(ln[i].text);
		if (bare && b - a <= LL_FLOW_TITLE_LINES)
			loader_flow_title(fl, ln, a, b);
		else
			for (i = a; i < b; i++)
				loader_flow_title(fl, ln, i, i + 1);
		return;
	}
	/* pdftotext's default mode reads a title into the column under it;
	 * with indents known, lines come apart anyway. */
	if (!fl->known_indents) {
		i = loader_flow_front(ln, a, b, m);
		loader_flow_titles(fl, ln, a, a + i);
		a += i;
	}
	u0 = fl->nu;
	loader_flow_units(fl, ln, a, b, m);
	it = loader_flow_add_item(fl, u0, m);
	it->open = ln[b - 1].width >= m - LL_FLOW_FULL &&
	    fl->u[fl->nu - 1].kind != LF_TITLE;
	it->hard_open = it->open && !loader_is_closed(ln[b - 1].text);
}

/* ------------------------------------------------------------------ */
/* Chains. */

/*
 * The block that block K (which starts inside a paragraph) continues:
 * the block right before it when open and of the same measure, else the
 * latest waiting open block of that measure (one that ends without a
 * stop first), or LOADER_FLOW_NONE.
 */
static size_t
loader_flow_pred(const struct loader_flow *fl, size_t k, const size_t *pend,
    size_t npend)
{
	const struct loader_flow_item	*it = &fl->it[k], *p;
	size_t				 i, soft = LOADER_FLOW_NONE;

	if (k > 0) {
		p = &fl->it[k - 1];
		if (p->m == it->m && p->next == LOADER_FLOW_NONE && p->open)
			return k - 1;
	}
	for (i = npend; i-- > 0;) {
		p = &fl->it[pend[i]];
		if (p->m != it->m || p->next != LOADER_FLOW_NONE)
			continue;
		if (p->hard_open)
			return pend[i];
		if (soft == LOADER_FLOW_NONE)
			soft = pend[i];
	}
	return soft;
}

/* Link each block that starts inside a paragraph to the block that left
 * that paragraph open. */
static void
loader_flow_link(struct loader_flow *fl)
{
	struct loader_flow_item	*it;
	size_t			*pend, npend = 0, k, c;

	pend = xcalloc(fl->nit + 1, sizeof *pend);
	for (k = 0; k < fl->nit; k++) {
		it = &fl->it[k];
		if (it->m == 0)
			continue;
		if (fl->u[it->u0].kind == LF_CONT) {
			c = loader_flow_pred(fl, k, pend, npend);
			if (c != LOADER_FLOW_NONE) {
				fl->it[c].next = k;
				it->prev = c;
				it->far = c + 1 != k;
			}
		}
		if (it->open)
			pend[npend++] = k;
	}
	free(pend);
}

/* Lines out: the page dump being written. */
struct loader_flow_out {
	struct loader_line	*o;
	size_t			 n;
	size_t			 cap;
};

/* Write TEXT (taken) as a line, then a blank line. */
static void
loader_flow_put(struct loader_flow_out *out, char *text, size_t line,
    bool indented)
{
	out->o = util_grow(out->o, &out->cap, out->n + 2, sizeof *out->o);
	memset(&out->o[out->n], 0, 2 * sizeof *out->o);
	out->o[out->n].text = text;
	out->o[out->n].line = line;
	out->o[out->n].indented = indented;
	out->o[out->n].width = -1;
	out->n += 2;
}

/* Append TEXT to the last line written: the rest of its paragraph. */
static void
loader_flow_put_rest(struct loader_flow_out *out, const char *text)
{
	struct loader_line	*l = &out->o[out->n - 2];
	struct buf		 b;

	buf_init(&b);
	buf_adds(&b, l->text);
	loader_join(&b, text);
	free(l->text);
	l->text = b.data;
}

/* A note: unit U continues the paragraph written last, from afar. */
static void
loader_flow_note_far(const struct loader_flow *fl,
    const struct loader_flow_out *out, const struct loader_flow_unit *u)
{
	if (fl->rp == NULL || fl->rp->dl == NULL)
		return;
	diag_add(fl->rp->dl, DIAG_NOTE, fl->rp->name, u->line, 0,
	    _("taken as the rest of the paragraph at line %zu, across other "
	    "text (a doubtful join)"), out->o[out->n - 2].line);
}

/* Write the chain that starts at block K. */
static void
loader_flow_emit(struct loader_flow *fl, size_t k, struct loader_flow_out *out)
{
	struct loader_flow_item	*it;
	struct loader_flow_unit	*u;
	size_t			 i;
	bool			 rest = false;

	for (; k != LOADER_FLOW_NONE && !fl->it[k].done; k = it->next) {
		it = &fl->it[k];
		it->done = true;
		for (i = 0; i < it->nu; i++) {
			u = &fl->u[it->u0 + i];
			if (i == 0 && rest) {
				if (it->far)
					loader_flow_note_far(fl, out, u);
				loader_flow_put_rest(out, u->text);
			} else {
				loader_flow_put(out, u->text, u->line,
				    u->kind == LF_START);
				u->text = NULL;
			}
		}
		rest = true;
	}
}

/* Write the chains in the order of their first blocks. */
static void
loader_flow_order(struct loader_flow *fl, struct loader_flow_out *out)
{
	size_t	k;

	for (k = 0; k < fl->nit; k++)
		if (!fl->it[k].done && (fl->it[k].prev == LOADER_FLOW_NONE ||
		    fl->it[fl->it[k].prev].done))
			loader_flow_emit(fl, k, out);
	for (k = 0; k < fl->nit; k++)
		if (!fl->it[k].done)
			loader_flow_emit(fl, k, out);
}

void
loader_flow_page(struct loader_line **lnp, size_t *np, bool known_indents,
    const struct loader_report *rp)
{
	struct loader_line	*ln = *lnp;
	struct loader_flow	 fl;
	struct loader_flow_out	 out;
	size_t			 n = *np, a, b, i;
	char			*head;

	memset(&fl, 0, sizeof fl);
	memset(&out, 0, sizeof out);
	fl.known_indents = known_indents;
	fl.rp = rp;
	head = loader_head_take(ln, n);
	if (head != NULL)
		loader_flow_put(&out, head, n > 0 ? ln[0].line : 1, false);
	for (i = 0; i < n; i++)
		if (ln[i].text != NULL &&
		    (loader_flow_unspace(ln[i].text) || ln[i].width < 0))
			ln[i].width = loader_flow_width(ln[i].text);
	for (a = 0; a < n; a = b + 1) {
		for (b = a; b < n && ln[b].text != NULL; b++)
			;
		if (b > a)
			loader_flow_block(&fl, ln, a, b);
	}
	loader_flow_link(&fl);
	loader_flow_order(&fl, &out);
	for (i = 0; i < fl.nu; i++)
		free(fl.u[i].text);
	free(fl.u);
	free(fl.it);
	for (i = 0; i < n; i++)
		free(ln[i].text);
	free(ln);
	*lnp = out.o;
	*np = out.n;
}

size_t
loader_flow_dropped_indents(struct loader_line *ln, size_t n)
{
	size_t	a, b, i, k = 0;
	int	m, d;

	for (i = 0; i < n; i++)
		if (ln[i].text != NULL && ln[i].width < 0)
			ln[i].width = loader_flow_width(ln[i].text);
	for (a = 0; a < n; a = b + 1) {
		for (b = a; b < n && ln[b].text != NULL; b++)
			;
		if (b - a < 2 || (m = loader_flow_measure(ln, a, b)) == 0)
			continue;
		for (i = a + 1; i < b; i++) {
			d = m - ln[i].width;
			if (d >= LL_FLOW_INDENT_MIN && d <= LL_FLOW_INDENT_MAX &&
			    loader_is_closed(ln[i - 1].text))
				k++;
		}
	}
	return k;
}
