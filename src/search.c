/*
 * search.c -- plain search of an issue. Every field of every article is
 * scanned in reading order (the order layout shows them: column, kicker,
 * headline, subhead, byline, dateline, quote, its attribution, paragraphs,
 * then captions with their credits), and each match is kept as a
 * struct search_hit. The hit array is sorted by construction, so lookups
 * are binary searches.
 *
 * Invariant: hits never overlap within one field (scanning resumes after
 * each match), and off + len never exceeds the field's length.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "util.h"
#include "model.h"
#include "search.h"

/* Reading order of the fields; captions and credits interleave. */
static int
search_rank(enum layout_field f)
{
	switch (f) {
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
}

void
search_clear(struct search *s)
{
	free(s->query);
	free(s->hits);
	memset(s, 0, sizeof *s);
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
	}
	return NULL;
}

static int
search_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Does Q[0..QN) match at T (at least QN bytes long)? */
static int
search_match_at(const char *t, const char *q, size_t qn, bool fold)
{
	size_t	i;

	if (!fold)
		return memcmp(t, q, qn) == 0;
	for (i = 0; i < qn; i++)
		if (search_lower((unsigned char)t[i]) != (unsigned char)q[i])
			return 0;
	return 1;
}

static void
search_field(struct search *s, size_t page, size_t art,
    enum layout_field field, size_t index, const char *text)
{
	struct search_hit	*h;
	size_t			 qn, n, i;

	if (text == NULL)
		return;
	qn = strlen(s->query);
	n = strlen(text);
	if (qn == 0 || n < qn)
		return;
	for (i = 0; i + qn <= n;) {
		if (!s->fold) {
			const char *p = memmem(text + i, n - i, s->query, qn);

			if (p == NULL)
				break;
			i = (size_t)(p - text);
		} else if (!search_match_at(text + i, s->query, qn, true)) {
			i++;
			continue;
		}
		s->hits = util_grow(s->hits, &s->cap, s->n + 1,
		    sizeof *s->hits);
		h = &s->hits[s->n++];
		h->page = page;
		h->art = art;
		h->field = field;
		h->index = index;
		h->off = i;
		h->len = qn;
		i += qn;
	}
}

size_t
search_run(struct search *s, const struct issue *is, const char *query)
{
	const struct article	*a;
	size_t			 p, k, i;
	const char		*c;
	char			*copy;

	/* QUERY may be s->query itself (a search run again elsewhere). */
	copy = xstrdup(query);
	free(s->query);
	s->query = copy;
	query = copy;
	s->n = 0;
	s->fold = true;
	for (c = query; *c != '\0'; c++)
		if (*c >= 'A' && *c <= 'Z')
			s->fold = false;
	/* Only valid UTF-8 matches on character boundaries. */
	if (u8_check((const uint8_t *)query, strlen(query)) != NULL)
		return 0;
	for (p = 0; p < is->npages; p++) {
		for (k = 0; k < is->pages[p].narts; k++) {
			a = &is->pages[p].arts[k];
			search_field(s, p, k, LAYOUT_F_COLUMN, 0, a->column);
			search_field(s, p, k, LAYOUT_F_KICKER, 0, a->kicker);
			search_field(s, p, k, LAYOUT_F_HEADLINE, 0,
			    a->headline);
			search_field(s, p, k, LAYOUT_F_SUBHEAD, 0, a->subhead);
			search_field(s, p, k, LAYOUT_F_BYLINE, 0, a->byline);
			search_field(s, p, k, LAYOUT_F_DATELINE, 0,
			    a->dateline);
			search_field(s, p, k, LAYOUT_F_QUOTE, 0, a->quote);
			search_field(s, p, k, LAYOUT_F_QUOTE_BY, 0,
			    a->quote_by);
			for (i = 0; i < a->npara; i++)
				search_field(s, p, k, LAYOUT_F_PARA, i,
				    a->paras[i]);
			for (i = 0; i < a->ncap; i++) {
				search_field(s, p, k, LAYOUT_F_CAPTION, i,
				    a->caps[i].text);
				search_field(s, p, k, LAYOUT_F_CREDIT, i,
				    a->caps[i].credit);
			}
		}
	}
	return s->n;
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
