/*
 * search.c -- folded search of an issue (search.h). Every field of every
 * article is folded in reading order (the order layout shows them:
 * column, kicker, headline, subhead, byline, dateline, quote, its
 * attribution, paragraphs and intertitles, then captions with their
 * credits), after the masthead when asked, into one buffer: a
 * struct search_text, whose units say which folded bytes belong to which
 * field. A query is folded the same way and found with memmem(); each
 * match is mapped back to its field and original offsets and kept as a
 * struct search_hit. The fold kept for hits has an offset map (four bytes
 * a folded byte); one made only to count matches has none. The hit
 * array is sorted by construction, so lookups are binary searches.
 *
 * Invariant: hits never overlap within one field (scanning resumes after
 * each match, and a match whose original span overlaps the previous one
 * is dropped), and off + len never exceeds the field's length.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unistr.h>

#include "fold.h"
#include "model.h"
#include "search.h"
#include "text.h"
#include "util.h"

/* One field's place in the folded buffer. */
struct search_unit {
	size_t			 page, art;
	enum layout_field	 field;
	size_t			 index;
	const char		*text;	/* borrowed from the model */
	size_t			 len;
	size_t			 start;	/* its first folded byte */
};

struct search_text {
	struct fold_buf		 buf;	/* every field, NUL after each */
	bool			 map;	/* buf has its offset map */
	struct search_unit	*u;
	size_t			 n, cap;

	/* Walking a stored fold (buf borrowed, no fold): where unit n starts. */
	bool			 borrowed;	/* buf.s is the caller's */
	size_t			 pos;
	bool			 bad;	/* the fold does not fit the issue */
	/* Without a map: one unit folded again with its map, for spans. */
	struct fold		*fold;	/* borrowed */
	struct fold_buf		 unit;
	size_t			 unit_of;	/* which, or SIZE_MAX */
};
/* Reading order of the fields; captions and credits interleave. */
static int
search_rank(enum layout_field f)
{
	switch (f) {
	case LAYOUT_F_MASTHEAD:
		return -1;
	case LAYOUT_F_NONE:
		return 0;
	case LAYOUT_F_COLUMN:
		return 1;
	case LAYOUT_F_KICKER:
		return 2;
	case LAYOUT_F_HEADLINE:
		return 3;
	case LAYOUT_F_SUBHEAD:
		return 4;
	case LAYOUT_F_BYLINE:
		return 5;
	case LAYOUT_F_DATELINE:
		return 6;
	case LAYOUT_F_QUOTE:
		return 7;
	case LAYOUT_F_QUOTE_BY:
		return 8;
	case LAYOUT_F_PARA:
		return 9;
	case LAYOUT_F_CAPTION:
	case LAYOUT_F_CREDIT:
		return 10;
	}
	return 11;
}

void
search_init(struct search *s)
{
	memset(s, 0, sizeof *s);
	s->variants = true;
}

static void
search_text_free(struct search_text *t)
{
	if (t == NULL)
		return;
	if (t->borrowed)
		fold_buf_init(&t->buf);
	fold_buf_clear(&t->buf);
	fold_buf_clear(&t->unit);
	free(t->u);
	free(t);
}

void
search_forget(struct search *s, const struct issue *is)
{
	if (s->text_of != is)
		return;
	search_text_free(s->text);
	s->text = NULL;
	s->text_of = NULL;
}

void
search_clear(struct search *s)
{
	search_forget(s, s->text_of);
	fold_free(s->fold);
	free(s->query);
	free(s->hits);
	memset(s, 0, sizeof *s);
	s->variants = true;
}

void
search_set_variants(struct search *s, bool on)
{
	if (s->variants == on)
		return;
	search_forget(s, s->text_of);
	fold_free(s->fold);
	s->fold = NULL;
	s->variants = on;
}

static struct fold *
search_fold(struct search *s)
{
	if (s->fold == NULL)
		s->fold = fold_new(s->variants);
	return s->fold;
}

struct fold *
search_get_fold(struct search *s)
{
	return search_fold(s);
}

const char *
search_field_text(const struct article *a, enum layout_field field,
    size_t index)
{
	switch (field) {
	case LAYOUT_F_NONE:
		return NULL;
	case LAYOUT_F_COLUMN:
		return a->column;
	case LAYOUT_F_KICKER:
		return a->kicker;
	case LAYOUT_F_HEADLINE:
		return a->headline;
	case LAYOUT_F_SUBHEAD:
		return a->subhead;
	case LAYOUT_F_BYLINE:
		return a->byline;
	case LAYOUT_F_DATELINE:
		return a->dateline;
	case LAYOUT_F_QUOTE:
		return a->quote;
	case LAYOUT_F_QUOTE_BY:
		return a->quote_by;
	case LAYOUT_F_PARA:
		return index < a->npara ? a->paras[index] : NULL;
	case LAYOUT_F_CAPTION:
		return index < a->ncap ? a->caps[index].text : NULL;
	case LAYOUT_F_CREDIT:
		return index < a->ncap ? a->caps[index].credit : NULL;
	case LAYOUT_F_MASTHEAD:
		return NULL;
	}
	return NULL;
}

const char *
search_hit_text(const struct issue *is, const struct search_hit *h)
{
	if (h->field == LAYOUT_F_MASTHEAD)
		return h->index < is->nmasthead ? is->masthead[h->index] :
		    NULL;
	if (h->page >= is->npages || h->art >= is->pages[h->page].narts)
		return NULL;
	return search_field_text(&is->pages[h->page].arts[h->art], h->field,
	    h->index);
}

/*
 * One field of the walk: folded into t->buf with F, or with F NULL found
 * in the stored fold already in t->buf (it ends at the next NUL).
 */
static void
search_text_unit(struct search_text *t, struct fold *f, size_t page,
    size_t art, enum layout_field field, size_t index, const char *text)
{
	struct search_unit	*u;
	const char		*nul;

	if (text == NULL || *text == '\0' || t->bad)
		return;
	t->u = util_grow(t->u, &t->cap, t->n + 1, sizeof *t->u);
	u = &t->u[t->n++];
	u->page = page;
	u->art = art;
	u->field = field;
	u->index = index;
	u->text = text;
	u->len = strlen(text);
	if (f == NULL) {
		nul = t->pos < t->buf.len ? memchr(t->buf.s + t->pos, '\0',
		    t->buf.len - t->pos) : NULL;
		if (nul == NULL) {
			t->bad = true;
			return;
		}
		u->start = t->pos;
		t->pos = (size_t)(nul - t->buf.s) + 1;
		return;
	}
	u->start = t->buf.len;
	fold_add(f, &t->buf, text, u->len, t->map);
	fold_add_sep(&t->buf, t->map);
}

static void
search_text_article(struct search_text *t, struct fold *f, size_t p,
    size_t k, const struct article *a)
{
	size_t	i;

	search_text_unit(t, f, p, k, LAYOUT_F_COLUMN, 0, a->column);
	search_text_unit(t, f, p, k, LAYOUT_F_KICKER, 0, a->kicker);
	search_text_unit(t, f, p, k, LAYOUT_F_HEADLINE, 0, a->headline);
	search_text_unit(t, f, p, k, LAYOUT_F_SUBHEAD, 0, a->subhead);
	search_text_unit(t, f, p, k, LAYOUT_F_BYLINE, 0, a->byline);
	search_text_unit(t, f, p, k, LAYOUT_F_DATELINE, 0, a->dateline);
	search_text_unit(t, f, p, k, LAYOUT_F_QUOTE, 0, a->quote);
	search_text_unit(t, f, p, k, LAYOUT_F_QUOTE_BY, 0, a->quote_by);
	for (i = 0; i < a->npara; i++)
		search_text_unit(t, f, p, k, LAYOUT_F_PARA, i, a->paras[i]);
	for (i = 0; i < a->ncap; i++) {
		search_text_unit(t, f, p, k, LAYOUT_F_CAPTION, i,
		    a->caps[i].text);
		search_text_unit(t, f, p, k, LAYOUT_F_CREDIT, i,
		    a->caps[i].credit);
	}
}

/* Every field of IS in reading order (F NULL: a stored fold). */
static void
search_text_walk(struct search_text *t, struct fold *f, const struct issue *is,
    unsigned flags)
{
	size_t	p, k;

	if (flags & SEARCH_MASTHEAD)
		for (k = 0; k < is->nmasthead; k++)
			search_text_unit(t, f, 0, 0, LAYOUT_F_MASTHEAD, k,
			    is->masthead[k]);
	for (p = 0; p < is->npages; p++)
		for (k = 0; k < is->pages[p].narts; k++)
			search_text_article(t, f, p, k,
			    &is->pages[p].arts[k]);
}

/*
 * Fold IS with F, the masthead too when FLAGS say so; MAP: with the
 * offset map (for hits), else for counting only.
 */
static struct search_text *
search_text_new(struct fold *f, const struct issue *is, unsigned flags,
    bool map)
{
	struct search_text	*t = xcalloc(1, sizeof *t);

	t->map = map;
	t->fold = f;
	t->unit_of = SIZE_MAX;
	search_text_walk(t, f, is, flags);
	return t;
}

/*
 * The stored fold FOLDED[0..LEN) of IS (search_fold_issue()) as a search
 * text without map, or NULL when it does not fit IS.
 */
static struct search_text *
search_text_stored(struct fold *f, const struct issue *is,
    const char *folded, size_t len)
{
	struct search_text	*t = xcalloc(1, sizeof *t);

	t->fold = f;
	t->unit_of = SIZE_MAX;
	t->borrowed = true;
	t->buf.s = (char *)folded;	/* only read */
	t->buf.len = len;
	search_text_walk(t, NULL, is, SEARCH_MASTHEAD);
	if (t->bad || t->pos != len) {
		search_text_free(t);
		return NULL;
	}
	return t;
}

/*
 * The original span of folded bytes [M, M + QN) of unit K: from the map,
 * or without one by folding the unit again with its map (the same bytes).
 */
static void
search_text_span(struct search_text *t, size_t k, size_t m, size_t qn,
    size_t *os, size_t *oe)
{
	const struct search_unit	*u = &t->u[k];

	if (t->map) {
		fold_span(&t->buf, u->text, u->len, m, m + qn, os, oe);
		return;
	}
	if (t->unit_of != k) {
		t->unit.len = 0;
		fold_add(t->fold, &t->unit, u->text, u->len, true);
		t->unit_of = k;
	}
	m -= u->start;
	if (m + qn > t->unit.len) {	/* cannot be: the fold is the same */
		*os = 0;
		*oe = u->len;
		return;
	}
	fold_span(&t->unit, u->text, u->len, m, m + qn, os, oe);
}

/* Record the match at folded bytes [M, M + QN) of unit K, if new. */
static void
search_add_hit(struct search *s, struct search_text *t, size_t k, size_t m,
    size_t qn)
{
	const struct search_unit	*u = &t->u[k];
	struct search_hit		*h, *prev;
	size_t				 os, oe;

	if (u->field == LAYOUT_F_MASTHEAD && !(s->flags & SEARCH_MASTHEAD))
		return;
	search_text_span(t, k, m, qn, &os, &oe);
	prev = s->n > 0 ? &s->hits[s->n - 1] : NULL;
	/* Two matches inside one expanded character (… is ...). */
	if (prev != NULL && prev->page == u->page && prev->art == u->art &&
	    prev->field == u->field && prev->index == u->index &&
	    os < prev->off + prev->len)
		return;
	s->hits = util_grow(s->hits, &s->cap, s->n + 1, sizeof *s->hits);
	h = &s->hits[s->n++];
	h->page = u->page;
	h->art = u->art;
	h->field = u->field;
	h->index = u->index;
	h->off = os;
	h->len = oe - os;
}

/* Every match of the folded query Q[0..QN) in T, as hits. */
static void
search_scan(struct search *s, struct search_text *t, const char *q,
    size_t qn)
{
	const char	*b = t->buf.s, *p;
	size_t		 pos = 0, u = 0, m;

	while (t->n > 0 && pos + qn <= t->buf.len &&
	    (p = memmem(b + pos, t->buf.len - pos, q, qn)) != NULL) {
		m = (size_t)(p - b);
		while (u + 1 < t->n && t->u[u + 1].start <= m)
			u++;
		search_add_hit(s, t, u, m, qn);
		pos = m + qn;
	}
}

/* Count the matches of Q[0..QN) in B[0..LEN). */
static size_t
search_bytes_count(const char *b, size_t len, const char *q, size_t qn)
{
	const char	*p;
	size_t		 pos = 0, n = 0;

	while (pos + qn <= len &&
	    (p = memmem(b + pos, len - pos, q, qn)) != NULL) {
		n++;
		pos = (size_t)(p - b) + qn;
	}
	return n;
}

static size_t
search_text_count(const struct search_text *t, const char *q, size_t qn)
{
	return search_bytes_count(t->buf.s, t->buf.len, q, qn);
}

/*
 * Make QUERY the current one (it may be s->query itself) and fold it.
 * Returns the folded query (caller frees) with its length in *QN, or
 * NULL when it is not valid UTF-8 or folds to nothing.
 */
static char *
search_start(struct search *s, const char *query, size_t *qn)
{
	char	*copy, *q;

	copy = xstrdup(query);
	free(s->query);
	s->query = copy;
	s->n = 0;
	if (u8_check((const uint8_t *)copy, strlen(copy)) != NULL)
		return NULL;
	q = fold_query(search_fold(s), copy, qn);
	if (*qn == 0) {
		free(q);
		return NULL;
	}
	return q;
}

size_t
search_run(struct search *s, const struct issue *is, const char *query)
{
	char	*q;
	size_t	 qn;

	if ((q = search_start(s, query, &qn)) == NULL)
		return 0;
	if (s->text_of != is || s->text == NULL) {
		search_forget(s, s->text_of);
		s->text = search_text_new(s->fold, is, s->flags, true);
		s->text_of = is;
	}
	search_scan(s, s->text, q, qn);
	free(q);
	return s->n;
}

size_t
search_run_folded(struct search *s, const struct issue *is,
    const char *folded, size_t len, const char *query)
{
	struct search_text	*t;
	char			*q;
	size_t			 qn;

	if ((q = search_start(s, query, &qn)) == NULL)
		return 0;
	search_forget(s, s->text_of);
	t = search_text_stored(s->fold, is, folded, len);
	if (t == NULL)
		t = search_text_new(s->fold, is, s->flags, true);
	search_scan(s, t, q, qn);
	search_text_free(t);
	free(q);
	return s->n;
}

size_t
search_count_folded(struct search *s, const char *folded, size_t len,
    const char *query)
{
	char	*q;
	size_t	 qn, n = 0;

	if (u8_check((const uint8_t *)query, strlen(query)) != NULL)
		return 0;
	q = fold_query(search_fold(s), query, &qn);
	if (qn > 0)
		n = search_bytes_count(folded, len, q, qn);
	free(q);
	return n;
}

const char *
search_last_fold(const struct search *s, const struct issue *is,
    size_t *len)
{
	if (s->text == NULL || s->text_of != is ||
	    !(s->flags & SEARCH_MASTHEAD))
		return NULL;
	*len = s->text->buf.len;
	return s->text->buf.s != NULL ? s->text->buf.s : "";
}

void
search_fold_issue(struct fold *f, const struct issue *is,
    struct fold_buf *out)
{
	struct search_text	*t = xcalloc(1, sizeof *t);

	/* Into OUT's memory, which the caller may reuse issue after issue. */
	t->buf = *out;
	t->buf.len = 0;
	t->fold = f;
	t->unit_of = SIZE_MAX;
	search_text_walk(t, f, is, SEARCH_MASTHEAD);
	*out = t->buf;
	fold_buf_init(&t->buf);
	search_text_free(t);
}

size_t
search_count(struct search *s, const struct issue *is, const char *query)
{
	struct search_text	*t;
	char			*q;
	size_t			 qn, n = 0;

	if (u8_check((const uint8_t *)query, strlen(query)) != NULL)
		return 0;
	q = fold_query(search_fold(s), query, &qn);
	if (qn > 0) {
		if (s->text_of == is && s->text != NULL)
			n = search_text_count(s->text, q, qn);
		else {
			t = search_text_new(s->fold, is, s->flags, false);
			n = search_text_count(t, q, qn);
			search_text_free(t);
		}
	}
	free(q);
	return n;
}

static int
search_cmp_size(size_t a, size_t b)
{
	return a < b ? -1 : a > b;
}

int
search_cmp(const struct search_hit *a, const struct search_hit *b)
{
	int	c;

	if ((c = search_cmp_size(a->page, b->page)) != 0)
		return c;
	if ((c = search_cmp_size(a->art, b->art)) != 0)
		return c;
	if ((c = search_rank(a->field) - search_rank(b->field)) != 0)
		return c;
	if ((c = search_cmp_size(a->index, b->index)) != 0)
		return c;
	/* A caption comes before its own credit. */
	if ((c = (a->field == LAYOUT_F_CREDIT) - (b->field ==
	    LAYOUT_F_CREDIT)) != 0)
		return c;
	return search_cmp_size(a->off, b->off);
}

/* Index of the first hit not before AT (s->n when none). */
static size_t
search_lower_bound(const struct search *s, const struct search_hit *at)
{
	size_t	lo = 0, hi = s->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (search_cmp(&s->hits[mid], at) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
search_find(const struct search *s, const struct search_hit *at,
    bool forward, bool *wrapped)
{
	size_t	i;

	*wrapped = false;
	if (s->n == 0)
		return SIZE_MAX;
	i = search_lower_bound(s, at);
	if (forward) {
		if (i < s->n)
			return i;
		*wrapped = true;
		return 0;
	}
	if (i > 0)
		return i - 1;
	*wrapped = true;
	return s->n - 1;
}

size_t
search_first_in(const struct search *s, size_t page, size_t art)
{
	struct search_hit	at;
	size_t			i;

	memset(&at, 0, sizeof at);
	at.page = page;
	at.art = art;
	at.field = LAYOUT_F_NONE;
	i = search_lower_bound(s, &at);
	if (i < s->n && s->hits[i].page == page && s->hits[i].art == art)
		return i;
	return s->n;
}

/* The ellipsis drawn where a keyword-in-context window cuts the text. */
#define SEARCH_ELLIPSIS "\xe2\x80\xa6"	/* … */

/*
 * Start of the longest suffix of S[0..N) that fits in COLS columns
 * without splitting a grapheme cluster; the columns used in *USED.
 */
static size_t
search_fit_suffix(const char *s, size_t n, int cols, int *used)
{
	const uint8_t	*u = (const uint8_t *)s, *p, *lo;
	size_t		 back = (size_t)(cols > 0 ? cols : 0) * 8 + 64;
	size_t		 start = n;
	int		 w = 0, cw;

	/* Look back only as far as COLS columns can reach. */
	lo = u + (n > back ? n - back : 0);
	while (lo < u + n && (*lo & 0xc0) == 0x80)
		lo++;
	p = u + n;
	while (p > lo) {
		const uint8_t *q = u8_grapheme_prev(p, lo);

		if (q == NULL)
			break;
		cw = text_strwidth((const char *)q, (size_t)(p - q));
		if (w + cw > cols)
			break;
		w += cw;
		p = q;
		start = (size_t)(q - u);
	}
	if (used != NULL)
		*used = w;
	return start;
}

/*
 * Bytes worth measuring for COLS columns: a column takes at least one
 * byte but for zero-width marks, so text beyond this many bytes is taken
 * to be wider than COLS (it keeps the window's cost in columns, not in
 * the length of the paragraph).
 */
static size_t
search_reach(int cols)
{
	return (size_t)(cols > 0 ? cols : 0) * 4 + 64;
}

/* Fit the right side: bytes after the match that fit in COLS. */
static size_t
search_fit_right(const char *text, size_t n, size_t from, int cols)
{
	size_t	rest = n - from, reach = search_reach(cols);

	return from + text_fit(text + from, rest < reach ? rest : reach,
	    cols < 0 ? 0 : cols, NULL);
}

/* Columns of S[0..N), or more than COLS when it is beyond reach. */
static int
search_width_upto(const char *s, size_t n, int cols)
{
	if (n > search_reach(cols))
		return cols + 1;
	return text_strwidth(s, n);
}


void
search_kwic(const char *text, size_t n, size_t off, size_t len, int cols,
    struct search_kwic *k)
{
	int	ell = text_strwidth(SEARCH_ELLIPSIS, 3), m, lw, rw, l, r, used;

	memset(k, 0, sizeof *k);
	if (off > n)
		off = n;
	if (len > n - off)
		len = n - off;
	m = search_width_upto(text + off, len, cols);
	lw = search_width_upto(text, off, cols);
	rw = search_width_upto(text + off + len, n - off - len, cols);
	if (lw + m + rw <= cols) {
		k->end = n;
		return;
	}
	if (m + (off > 0 ? ell : 0) >= cols) {
		/* Only the match, from its start. */
		k->start = off;
		k->cut_left = off > 0;
		k->end = search_fit_right(text, n, off, cols - ell -
		    (k->cut_left ? ell : 0));
		k->cut_right = k->end < n;
		return;
	}
	/* Centre the match; a short side gives its room to the other. */
	l = (cols - m) / 2;
	if (lw <= l)
		l = lw;
	else if (rw <= cols - m - l)
		l = cols - m - rw - ell;
	else
		l -= ell;
	k->start = search_fit_suffix(text, off, l, &used);
	k->cut_left = k->start > 0;
	/* The right side takes what the left left (a wide character that
	 * did not fit there), less its ellipsis when it is cut. */
	r = cols - m - used - (k->cut_left ? ell : 0);
	if (rw > r)
		r -= ell;
	k->end = search_fit_right(text, n, off + len, r);
	k->cut_right = k->end < n;
}
