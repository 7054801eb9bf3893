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
	return u8_width((const uint8_t *)s, strlen(s), "GBK");
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
	size_t	i, lines = 0, gaps = 0, cjk = 0;
	int	*w;

	w = xcalloc(n + 1, sizeof *w);
	for (i = 0; i < n; i++) {
		if (ln[i].text == NULL)
			continue;
		if (loader_columns_has_gap(ln[i].text))
			gaps++;
		if (loader_columns_cjk(ln[i].text))
			cjk++;
		w[lines++] = loader_columns_width(ln[i].text);
	}
	i = loader_columns_repeated(w, lines);
	free(w);
	if (lines < LL_COL_MIN_LINES)
		return LOADER_SHAPE_PLAIN;
	if (gaps * 100 >= lines * LL_COL_GAP_PCT)
		return LOADER_SHAPE_LAYOUT;
	/* Lines wrapped at a measure whose paragraphs' first lines are short
	 * by the indent pdftotext dropped. A page dump merely re-wrapped (a
	 * blank line after each paragraph, or its indents kept) is read as
	 * it is. */
	if (cjk * 100 >= lines * LL_COL_CJK_PCT &&
	    i * 100 >= lines * LL_COL_REPEAT_PCT &&
	    !loader_columns_indents(ln, n) &&
	    loader_flow_dropped_indents(ln, n) >= LL_COL_DROPPED)
		return LOADER_SHAPE_COLUMN;
	return LOADER_SHAPE_PLAIN;
}

/* ------------------------------------------------------------------ */
/* -layout: columns by position. */

/* Cut line ROW (with LEAD spaces before TEXT) into segments. */
static void
loader_columns_segs(const char *text, int lead, size_t row,
    struct loader_seg **segs, size_t *n, size_t *cap)
{
	const char	*p = text, *s, *e;
	size_t		 len;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		s = p;
		/* A segment runs to LL_COL_GAP spaces or the end. */
		for (e = p; *e != '\0'; e++)
			if ((int)strspn(e, " ") >= LL_COL_GAP)
				break;
		len = e - s;
		*segs = util_grow(*segs, cap, *n + 1, sizeof **segs);
		(*segs)[*n].row = row;
		(*segs)[*n].start = lead + loader_columns_chars(text, s);
		(*segs)[*n].end = (*segs)[*n].start +
		    loader_columns_chars(s, e);
		(*segs)[*n].text = xmalloc(len + 1);
		memcpy((*segs)[*n].text, s, len);
		(*segs)[*n].text[len] = '\0';
		(*n)++;
		p = e;
	}
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

/*
 * Put segment K (on row ROW) into a column: the open column whose left
 * edge it shares within an indent and whose last line is near, else a
 * new one. Columns it crosses without joining are closed: something now
 * stands in their way.
 */
static void
loader_columns_place(struct loader_col **cols, size_t *ncols, size_t *cap,
    struct loader_seg *segs, size_t k)
{
	struct loader_seg	*s = &segs[k];
	struct loader_col	*c;
	size_t			 i, best = (size_t)-1;
	int			 d, bestd = 1 << 30;

	for (i = 0; i < *ncols; i++) {
		c = &(*cols)[i];
		if (!c->open)
			continue;
		if (s->row > c->bottom + LL_COL_ROW_GAP) {
			c->open = false;
			continue;
		}
		if (c->bottom == s->row ||
		    !loader_columns_overlap(c->left, c->right, s->start,
		    s->end))
			continue;
		d = abs(s->start - c->left);
		if (loader_columns_fits(c, s) && d < bestd) {
			bestd = d;
			best = i;
		}
	}
	for (i = 0; i < *ncols; i++) {
		c = &(*cols)[i];
		if (i != best && c->open && c->bottom != s->row &&
		    loader_columns_overlap(c->left, c->right, s->start, s->end))
			c->open = false;
	}
	if (best == (size_t)-1) {
		*cols = util_grow(*cols, cap, *ncols + 1, sizeof **cols);
		c = &(*cols)[(*ncols)++];
		memset(c, 0, sizeof *c);
		c->left = s->start;
		c->right = s->end;
		c->top = s->row;
		c->open = true;
	} else
		c = &(*cols)[best];
	c->seg = util_grow(c->seg, &c->cap, c->n + 1, sizeof *c->seg);
	c->seg[c->n++] = k;
	if (s->start < c->left)
		c->left = s->start;
	if (s->end > c->right)
		c->right = s->end;
	c->bottom = s->row;
	s->col = c - *cols;
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
	struct loader_col	*cols = NULL;
	struct loader_line	*o = NULL;
	size_t			 nseg = 0, segcap = 0, ncols = 0, colcap = 0;
	size_t			 no = 0, ocap = 0, i, j, norder = 0;
	size_t			*idx, *order;

	for (i = 0; i < n; i++)
		if (ln[i].text != NULL)
			loader_columns_segs(ln[i].text, ln[i].lead, i, &segs,
			    &nseg, &segcap);
	for (i = 0; i < nseg; i++)
		loader_columns_place(&cols, &ncols, &colcap, segs, i);
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
