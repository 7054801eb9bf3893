/*
 * loader-columns.c -- the shapes pdftotext gives a printed page, made
 * into lines that pass 1 (loader-unit.c) can read.
 *
 * pdftotext extracts a page in one of two shapes:
 *
 * - Default mode: one line per printed line, a column read down; no
 *   indents (the 2-character first-line indent is dropped), no blank line
 *   between paragraphs; blank lines only where the reading order jumps to
 *   another column or box. A paragraph's first line is then as wide as
 *   the column's measure less the indent, its last line shorter. Here the
 *   first lines get their indent back (struct loader_line.indented), and
 *   a line much wider than its block's measure (a headline that
 *   pdftotext read into a column's block) is set apart, so that pass 1
 *   sees paragraphs as on any indented page.
 * - -layout: the columns of a page side by side on the same lines. The
 *   page is cut into columns by where text stands: each line is cut into
 *   segments at runs of two or more spaces; a segment continues the
 *   column whose left edge it shares (within an indent) when nothing
 *   stood in that column between them; the columns are then put in
 *   reading order by cutting the page recursively, across where no
 *   column crosses (top to bottom) and else down (left to right). Each
 *   column is read down, its indented lines marked, with a blank line
 *   between columns: the default-mode shape, with the indents kept.
 *   Positions are counted in characters, as pdftotext aligns them.
 *
 * A page of neither shape (a page dump, a crawler file) is left as it is.
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "loader-int.h"

/* One run of text on a -layout line: characters [start, end). */
struct loader_seg {
	size_t	 row;		/* index of its line */
	int	 start;
	int	 end;
	char	*text;		/* owned */
	size_t	 col;		/* the column it was put in */
	int	 width;		/* in half ideographs, spaces aside */
	bool	 clean;		/* no single space inside */
};

/* A column: segments stacked down the page. */
struct loader_col {
	size_t	*seg;		/* indexes into the segment array */
	size_t	 n;
	size_t	 cap;
	int	 left;		/* leftmost start (an unindented line) */
	int	 right;		/* rightmost end */
	size_t	 top;		/* first and last row */
	size_t	 bottom;
	bool	 open;		/* may still grow */
};

/* Typeset width of S in columns, ideographs 2, as pass 1 measures. */
static int
loader_columns_width(const char *s)
{
	return loader_flow_width(s);
}

/* ------------------------------------------------------------------ */
/* Shape. */

/* Characters of S from its start up to P. */
static int
loader_columns_chars(const char *s, const char *p)
{
	return (int)u8_mbsnlen((const uint8_t *)s, p - s);
}

/* Does line S hold a run of LL_COL_SHAPE_GAP or more spaces inside its
 * text (two columns side by side)? */
static bool
loader_columns_has_gap(const char *s)
{
	const char	*p;
	int		 run = 0;

	for (p = s; *p != '\0'; p++) {
		if (*p == ' ') {
			run++;
			continue;
		}
		if (run >= LL_COL_SHAPE_GAP && p - run > s)
			return true;
		run = 0;
	}
	return false;
}

/* Does S hold a CJK character? */
static bool
loader_columns_cjk(const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 uc;
	int		 k;

	for (; *p != '\0'; p += k) {
		k = u8_strmbtouc(&uc, p);
		if (k <= 0)
			return false;
		if (loader_is_wide_letter(uc))
			return true;
	}
	return false;
}

/* Of the N lines of widths W, how many share their width with
 * LL_COL_REPEAT - 1 others or more? */
static size_t
loader_columns_repeated(const int *w, size_t n)
{
	enum { MAXW = 1024 };
	size_t	*hist, i, k = 0;

	hist = xcalloc(MAXW, sizeof *hist);
	for (i = 0; i < n; i++)
		if (w[i] < MAXW)
			hist[w[i]]++;
	for (i = 0; i < n; i++)
		if (w[i] < MAXW && hist[w[i]] >= LL_COL_REPEAT)
			k++;
	free(hist);
	return k;
}

/* Are LL_COL_INDENT_PCT of the lines or more indented? */
static bool
loader_columns_indents(const struct loader_line *ln, size_t n)
{
	size_t	i, lines = 0, indented = 0;

	for (i = 0; i < n; i++)
		if (ln[i].text != NULL) {
			lines++;
			indented += ln[i].indented;
		}
	return indented * 100 >= lines * LL_COL_INDENT_PCT;
}

/*
 * Several columns side by side (runs of spaces inside many lines), one
 * column of lines wrapped at a measure (CJK lines whose widths repeat:
 * a page dump's paragraphs are each as long as they are), or neither.
 */
enum loader_shape
loader_columns_shape(struct loader_line *ln, size_t n)
{
	size_t	i, lines = 0, gaps = 0, cjk = 0, rep;
	int	*w;

	for (i = 0; i < n; i++) {
		if (ln[i].text == NULL)
			continue;
		lines++;
		if (loader_columns_has_gap(ln[i].text))
			gaps++;
		if (loader_columns_cjk(ln[i].text))
			cjk++;
	}
	if (lines < LL_COL_MIN_LINES)
		return LOADER_SHAPE_PLAIN;
	if (gaps * 100 >= lines * LL_COL_GAP_PCT)
		return LOADER_SHAPE_LAYOUT;
	/* Lines wrapped at a measure whose paragraphs' first lines are short
	 * by the indent pdftotext dropped. A page dump merely re-wrapped (a
	 * blank line after each paragraph, or its indents kept) is read as
	 * it is. The cheap tests first: measuring every line is the dear
	 * one, and a page dump with its indents never needs it. The widths
	 * stay in LN for the passes after this one. */
	if (cjk * 100 < lines * LL_COL_CJK_PCT || loader_columns_indents(ln, n))
		return LOADER_SHAPE_PLAIN;
	w = xcalloc(lines + 1, sizeof *w);
	for (i = 0, lines = 0; i < n; i++)
		if (ln[i].text != NULL) {
			ln[i].width = loader_columns_width(ln[i].text);
			w[lines++] = ln[i].width;
		}
	rep = loader_columns_repeated(w, lines);
	free(w);
	if (rep * 100 >= lines * LL_COL_REPEAT_PCT &&
	    loader_flow_dropped_indents(ln, n) >= LL_COL_DROPPED)
		return LOADER_SHAPE_COLUMN;
	return LOADER_SHAPE_PLAIN;
}

/* ------------------------------------------------------------------ */
/* -layout: columns by position. */

/* Is the byte at P of S a single space between two non-spaces? */
static bool
loader_columns_single(const char *s, const char *p)
{
	return *p == ' ' && p > s && p[-1] != ' ' && p[1] != ' ' &&
	    p[1] != '\0';
}

/* Typeset width of S[0..LEN) in half ideographs, spaces not counted:
 * an ASCII letter or digit is half an ideograph. */
static int
loader_columns_letters(const char *s, size_t len)
{
	size_t	i;
	int	k = 0;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0xc0)
			k += 2;
		else if (s[i] != ' ' && (unsigned char)s[i] < 0x80)
			k++;
	return k;
}

static bool
loader_columns_clean(const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++)
		if (loader_columns_single(s, p))
			return false;
	return true;
}

/* Measure segment G's text: its width and whether it is clean. */
static void
loader_columns_measure_seg(struct loader_seg *g)
{
	g->width = loader_columns_letters(g->text, strlen(g->text));
	g->clean = loader_columns_clean(g->text);
}

/* Cut line ROW (with LEAD spaces before TEXT) into segments. */
static void
loader_columns_segs(const char *text, int lead, size_t row,
    struct loader_seg **segs, size_t *n, size_t *cap)
{
	const char		*p = text, *s;
	struct loader_seg	*g;
	int			 x = lead;	/* characters before P */

	while (*p != '\0') {
		for (; *p == ' '; p++)
			x++;
		if (*p == '\0')
			break;
		*segs = util_grow(*segs, cap, *n + 1, sizeof **segs);
		g = &(*segs)[(*n)++];
		memset(g, 0, sizeof *g);
		g->row = row;
		g->start = x;
		/* A segment runs to LL_COL_GAP spaces or the end. */
		for (s = p; *p != '\0' && !(*p == ' ' &&
		    (int)strspn(p, " ") >= LL_COL_GAP); p++)
			x += ((unsigned char)*p & 0xc0) != 0x80;
		g->end = x;
		g->text = xmalloc(p - s + 1);
		memcpy(g->text, s, p - s);
		g->text[p - s] = '\0';
		loader_columns_measure_seg(g);
	}
}

/* The width that segments without a single space inside share, when
 * they start where segment K does (within an indent) on near rows: the
 * measure of K's column, in half ideographs; 0 unless
 * LL_COL_MEASURE_VOTES lines that wide or nearly agree. */
static int
loader_columns_local_measure(const struct loader_seg *segs, size_t n,
    size_t k)
{
	size_t	i, lo, hi, votes = 0;
	int	m = 0, len;

	lo = k;
	while (lo > 0 && segs[lo - 1].row + LL_COL_NEAR_ROWS >= segs[k].row)
		lo--;
	for (hi = k + 1; hi < n && segs[hi].row <= segs[k].row +
	    LL_COL_NEAR_ROWS; hi++)
		;
	for (i = lo; i < hi; i++) {
		len = segs[i].width;
		if (i != k && abs(segs[i].start - segs[k].start) <=
		    LL_COL_INDENT && len > m && segs[i].clean)
			m = len;
	}
	for (i = lo; i < hi; i++) {
		len = segs[i].width;
		if (i != k && abs(segs[i].start - segs[k].start) <=
		    LL_COL_INDENT && len >= m - 2 && segs[i].clean)
			votes++;
	}
	return votes >= LL_COL_MEASURE_VOTES ? m : 0;
}

/*
 * Where pdftotext ran the lines of two columns together with a single
 * space (a line too wide for the column of measure M, in half
 * ideographs): the byte offset of the single space between two CJK
 * characters after which the left part is about M wide (and the right
 * part no wider); 0 when S is no such line.
 */
static size_t
loader_columns_collision(const char *s, int m)
{
	const char	*p;
	size_t		 best = 0, len = strlen(s);
	int		 left, right, d, bestd = 1 << 30;

	if (m == 0 || loader_columns_letters(s, len) <= m + 2)
		return 0;
	for (p = s; *p != '\0'; p++) {
		/* Between two CJK characters: Latin words keep their spaces. */
		if (!loader_columns_single(s, p) ||
		    (unsigned char)p[-1] < 0x80 || (unsigned char)p[1] < 0x80)
			continue;
		left = loader_columns_letters(s, p - s);
		right = loader_columns_letters(p + 1, len - (p + 1 - s));
		d = abs(left - m);
		if (left >= m - LL_COL_COLLIDE_SLACK && left <= m + 2 &&
		    right <= m + 2 && !loader_flow_glued(p + 1) && d < bestd) {
			bestd = d;
			best = p - s;
		}
	}
	return best;
}

/* Cut the segments of SEGS[0..*N) that hold two columns' lines. */
static void
loader_columns_uncollide(struct loader_seg **segs, size_t *n, size_t *cap)
{
	struct loader_seg	*o = NULL, *s;
	size_t			 no = 0, ocap = 0, k, cut, ncut = 0;
	size_t			*cuts;

	cuts = xcalloc(*n + 1, sizeof *cuts);
	for (k = 0; k < *n; k++)
		if (!(*segs)[k].clean) {
			cuts[k] = loader_columns_collision((*segs)[k].text,
			    loader_columns_local_measure(*segs, *n, k));
			ncut += cuts[k] > 0;
		}
	if (ncut == 0) {
		free(cuts);
		return;
	}
	o = util_grow(o, &ocap, *n + ncut, sizeof *o);
	for (k = 0; k < *n; k++) {
		s = &(*segs)[k];
		cut = cuts[k];
		o[no] = *s;
		if (cut > 0) {
			o[no + 1] = *s;
			o[no + 1].text = xstrdup(s->text + cut + 1);
			o[no + 1].start = s->start +
			    loader_columns_chars(s->text, s->text + cut) + 1;
			o[no].text[cut] = '\0';
			o[no].end = o[no + 1].start - 1;
			loader_columns_measure_seg(&o[no]);
			loader_columns_measure_seg(&o[no + 1]);
			no++;
		}
		no++;
	}
	free(cuts);
	free(*segs);
	*segs = o;
	*n = no;
	*cap = ocap;
}

static bool
loader_columns_overlap(int a0, int a1, int b0, int b1)
{
	return a0 < b1 && b0 < a1;
}

/* Can segment S go on column C: its left edge the column's, give or
 * take an indent, and no wider? */
static bool
loader_columns_fits(const struct loader_col *c, const struct loader_seg *s)
{
	return abs(s->start - c->left) <= LL_COL_INDENT &&
	    s->end <= c->right + LL_COL_INDENT + 1;
}

/* The columns being built, and which of them may still grow. */
struct loader_colset {
	struct loader_col	*c;
	size_t			 n;
	size_t			 cap;
	size_t			*open;		/* indexes into c */
	size_t			 nopen;
	size_t			 opencap;
};

/* The open column segment S continues, or (size_t)-1; columns that can
 * no longer grow (blank rows or something else in their way) close. */
static size_t
loader_columns_find(struct loader_colset *cs, const struct loader_seg *s,
    const size_t *blank)
{
	struct loader_col	*c;
	size_t			 i, j, best = (size_t)-1;
	int			 d, bestd = 1 << 30;

	for (i = j = 0; i < cs->nopen; i++) {
		c = &cs->c[cs->open[i]];
		/* Rows of other columns may stand between two lines of a
		 * column (their baselines differ); blank rows may not. */
		if (s->row > c->bottom + LL_COL_ROW_GAP ||
		    blank[s->row] - blank[c->bottom + 1] >
		    (size_t)LL_COL_BLANK_ROWS) {
			c->open = false;
			continue;
		}
		cs->open[j++] = cs->open[i];
		if (c->bottom == s->row ||
		    !loader_columns_overlap(c->left, c->right, s->start,
		    s->end))
			continue;
		d = abs(s->start - c->left);
		if (loader_columns_fits(c, s) && d < bestd) {
			bestd = d;
			best = cs->open[i];
		}
	}
	cs->nopen = j;
	/* Columns S crosses without joining are closed. */
	for (i = j = 0; i < cs->nopen; i++) {
		c = &cs->c[cs->open[i]];
		if (cs->open[i] != best && c->bottom != s->row &&
		    loader_columns_overlap(c->left, c->right, s->start, s->end))
			c->open = false;
		else
			cs->open[j++] = cs->open[i];
	}
	cs->nopen = j;
	return best;
}

/*
 * Put segment K into a column: the open column whose left edge it shares
 * within an indent and whose last line is near (only other columns'
 * rows between), else a new one.
 */
static void
loader_columns_place(struct loader_colset *cs, struct loader_seg *segs,
    size_t k, const size_t *blank)
{
	struct loader_seg	*s = &segs[k];
	struct loader_col	*c;
	size_t			 best = loader_columns_find(cs, s, blank);

	if (best == (size_t)-1) {
		cs->c = util_grow(cs->c, &cs->cap, cs->n + 1, sizeof *cs->c);
		best = cs->n++;
		c = &cs->c[best];
		memset(c, 0, sizeof *c);
		c->left = s->start;
		c->right = s->end;
		c->top = s->row;
		c->open = true;
		cs->open = util_grow(cs->open, &cs->opencap, cs->nopen + 1,
		    sizeof *cs->open);
		cs->open[cs->nopen++] = best;
	} else
		c = &cs->c[best];
	c->seg = util_grow(c->seg, &c->cap, c->n + 1, sizeof *c->seg);
	c->seg[c->n++] = k;
	if (s->start < c->left)
		c->left = s->start;
	if (s->end > c->right)
		c->right = s->end;
	c->bottom = s->row;
	s->col = best;
}

/*
 * Reading order of the columns IDX[0..N): cut across where no column
 * crosses (the parts top to bottom), else down (left to right), and
 * order each part the same way. Appends to ORDER.
 */
static void
loader_columns_order(const struct loader_col *cols, size_t *idx, size_t n,
    size_t *order, size_t *norder, int depth);

static int
loader_columns_cmp_top(const void *a, const void *b, const void *arg)
{
	const struct loader_col	*cols = arg;
	const struct loader_col	*x = &cols[*(const size_t *)a];
	const struct loader_col	*y = &cols[*(const size_t *)b];

	if (x->top != y->top)
		return x->top < y->top ? -1 : 1;
	return x->left - y->left;
}

static int
loader_columns_cmp_left(const void *a, const void *b, const void *arg)
{
	const struct loader_col	*cols = arg;
	const struct loader_col	*x = &cols[*(const size_t *)a];
	const struct loader_col	*y = &cols[*(const size_t *)b];

	if (x->left != y->left)
		return x->left - y->left;
	return x->top < y->top ? -1 : x->top > y->top;
}

/* Insertion sort with a context (the column counts are small). */
static void
loader_columns_sort(size_t *idx, size_t n, const struct loader_col *cols,
    int (*cmp)(const void *, const void *, const void *))
{
	size_t	i, j, t;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && cmp(&idx[j - 1], &idx[j], cols) > 0; j--) {
			t = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = t;
		}
}

/* Cut IDX[0..N) (sorted by top, or by left when ACROSS is false) where
 * no column crosses; order each part. True when there was a cut. */
static bool
loader_columns_cut_at(const struct loader_col *cols, size_t *idx, size_t n,
    bool across, size_t *order, size_t *norder, int depth)
{
	size_t	i, start = 0;
	long	reach;
	bool	cut = false;

	reach = across ? (long)cols[idx[0]].bottom : cols[idx[0]].right;
	for (i = 1; i <= n; i++) {
		const struct loader_col *c = i < n ? &cols[idx[i]] : NULL;

		if (c != NULL && (across ? (long)c->top <= reach :
		    c->left < reach)) {
			if (across && (long)c->bottom > reach)
				reach = c->bottom;
			if (!across && c->right > reach)
				reach = c->right;
			continue;
		}
		if (c == NULL && !cut)
			return false;
		cut = true;
		loader_columns_order(cols, idx + start, i - start, order,
		    norder, depth + 1);
		start = i;
		if (c != NULL)
			reach = across ? (long)c->bottom : c->right;
	}
	return true;
}

static void
loader_columns_order(const struct loader_col *cols, size_t *idx, size_t n,
    size_t *order, size_t *norder, int depth)
{
	size_t	i;

	if (n == 1 || depth > LL_COL_DEPTH) {
		loader_columns_sort(idx, n, cols, loader_columns_cmp_top);
		for (i = 0; i < n; i++)
			order[(*norder)++] = idx[i];
		return;
	}
	loader_columns_sort(idx, n, cols, loader_columns_cmp_top);
	if (loader_columns_cut_at(cols, idx, n, true, order, norder, depth))
		return;
	loader_columns_sort(idx, n, cols, loader_columns_cmp_left);
	if (loader_columns_cut_at(cols, idx, n, false, order, norder, depth))
		return;
	/* No cut: top to bottom, then left to right. */
	loader_columns_sort(idx, n, cols, loader_columns_cmp_top);
	for (i = 0; i < n; i++)
		order[(*norder)++] = idx[i];
}

/*
 * Read the -layout page LN[0..N) down its columns: a new array of lines
 * in *OUT (count in *NOUT), a blank line between columns, each line's
 * indent (its start right of its column's left edge) in .indented.
 */
static void
loader_columns_layout(struct loader_line *ln, size_t n,
    struct loader_line **out, size_t *nout)
{
	struct loader_seg	*segs = NULL;
	struct loader_colset	 cs;
	struct loader_col	*cols;
	struct loader_line	*o = NULL;
	size_t			 nseg = 0, segcap = 0, ncols;
	size_t			 no = 0, ocap = 0, i, j, norder = 0;
	size_t			*idx, *order, *blank;

	segs = util_grow(segs, &segcap, n * LL_COL_SEGS_GUESS, sizeof *segs);
	for (i = 0; i < n; i++)
		if (ln[i].text != NULL)
			loader_columns_segs(ln[i].text, ln[i].lead, i, &segs,
			    &nseg, &segcap);
	loader_columns_uncollide(&segs, &nseg, &segcap);
	/* blank[r]: blank rows before row R. */
	blank = xcalloc(n + 1, sizeof *blank);
	for (i = 0; i < n; i++)
		blank[i + 1] = blank[i] + (ln[i].text == NULL);
	memset(&cs, 0, sizeof cs);
	for (i = 0; i < nseg; i++)
		loader_columns_place(&cs, segs, i, blank);
	free(blank);
	free(cs.open);
	cols = cs.c;
	ncols = cs.n;
	idx = xcalloc(ncols + 1, sizeof *idx);
	order = xcalloc(ncols + 1, sizeof *order);
	for (i = 0; i < ncols; i++)
		idx[i] = i;
	if (ncols > 0)
		loader_columns_order(cols, idx, ncols, order, &norder, 0);
	for (i = 0; i < norder; i++) {
		const struct loader_col *c = &cols[order[i]];

		for (j = 0; j < c->n; j++) {
			struct loader_seg *s = &segs[c->seg[j]];

			o = util_grow(o, &ocap, no + 1, sizeof *o);
			memset(&o[no], 0, sizeof *o);
			o[no].text = s->text;
			o[no].line = ln[s->row].line;
			/* An indent, not a line set in the middle. */
			o[no].indented = s->start - c->left >= LL_COL_MIN_INDENT &&
			    s->start - c->left <= LL_COL_INDENT;
			o[no].width = -1;
			s->text = NULL;
			no++;
		}
		o = util_grow(o, &ocap, no + 1, sizeof *o);
		memset(&o[no++], 0, sizeof *o);
		free(c->seg);
	}
	free(idx);
	free(order);
	free(cols);
	for (i = 0; i < nseg; i++)
		free(segs[i].text);
	free(segs);
	*out = o;
	*nout = no;
}

enum loader_shape
loader_columns_prepare(struct loader_line **ln, size_t *n,
    const struct loader_report *rp)
{
	struct loader_line	*o = NULL;
	size_t			 no = 0, i;
	enum loader_shape	 shape;

	shape = loader_columns_shape(*ln, *n);
	if (shape == LOADER_SHAPE_PLAIN)
		return shape;
	if (shape == LOADER_SHAPE_LAYOUT) {
		loader_columns_layout(*ln, *n, &o, &no);
		/* The columns now read as default mode does. */
		for (i = 0; i < *n; i++)
			free((*ln)[i].text);
		free(*ln);
		*ln = o;
		*n = no;
	}
	loader_flow_page(ln, n, shape == LOADER_SHAPE_LAYOUT, rp);
	return shape;
}
