/*
 * library-pack.c -- a parsed issue as bytes and back, for the search
 * index (library-index.c): what search and its results show (paper,
 * date, files, masthead, pages, every field of every article), without
 * the diagnostics.
 *
 * The format: "DBP2", then the issue in the order of struct issue, each
 * number as an unsigned LEB128 varint, each string as a varint of its
 * length plus one (0 for NULL) followed by its bytes, then a 64-bit hash
 * of all that. Unpacking trusts nothing: the hash first (a blob damaged
 * anywhere is refused at once), then every
 * count and length against the bytes left, and every string must be
 * valid UTF-8 without control characters other than TAB: the hash is no
 * proof against a file made by hand, and these strings go to the
 * terminal. Anything wrong makes the whole blob unreadable (NULL), which
 * the index treats as a damaged entry.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "library-index.h"
#include "model.h"
#include "util.h"

#define LIBRARY_PACK_MAGIC	"DBP2"
#define LIBRARY_PACK_HASH	8	/* bytes of the hash at the end */
/* No count in a packed issue is larger (pages, articles, lines...). */
#define LIBRARY_PACK_MAX_COUNT	((uint64_t)1 << 24)

/* ------------------------------------------------------------------ */
/* Packing. */

/* A 64-bit hash of P[0..N): eight bytes a step, multiply and shift. */
static uint64_t
library_pack_hash(const unsigned char *p, size_t n)
{
	uint64_t	h = 0x9e3779b97f4a7c15ULL ^ n, w;
	size_t		i, k;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	for (w = 0, k = 0; i < n; i++, k++)
		w |= (uint64_t)p[i] << (8 * k);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

static void
library_pack_num(struct buf *b, uint64_t v)
{
	unsigned char	c;

	do {
		c = v & 0x7f;
		v >>= 7;
		if (v != 0)
			c |= 0x80;
		buf_add(b, &c, 1);
	} while (v != 0);
}

static void
library_pack_str(struct buf *b, const char *s)
{
	size_t	n;

	if (s == NULL) {
		library_pack_num(b, 0);
		return;
	}
	n = strlen(s);
	library_pack_num(b, (uint64_t)n + 1);
	buf_add(b, s, n);
}

static void
library_pack_int(struct buf *b, int v)
{
	library_pack_num(b, v < 0 ? 0 : (uint64_t)v);
}

static void
library_pack_article(struct buf *b, const struct article *a)
{
	size_t	i;

	library_pack_num(b, a->kind == ARTICLE_PHOTO);
	library_pack_str(b, a->column);
	library_pack_str(b, a->kicker);
	library_pack_str(b, a->headline);
	library_pack_str(b, a->subhead);
	library_pack_str(b, a->byline);
	library_pack_str(b, a->dateline);
	library_pack_str(b, a->quote);
	library_pack_str(b, a->quote_by);
	library_pack_num(b, a->npara);
	for (i = 0; i < a->npara; i++)
		library_pack_str(b, a->paras[i]);
	library_pack_num(b, a->ncap);
	for (i = 0; i < a->ncap; i++) {
		library_pack_str(b, a->caps[i].text);
		library_pack_str(b, a->caps[i].credit);
	}
	library_pack_int(b, a->cont_page);
	library_pack_int(b, a->from_page);
	library_pack_str(b, a->source);
	library_pack_num(b, a->line);
}

/* Append the hash of what was packed from START on. */
static void
library_pack_sum(struct buf *b, size_t start)
{
	uint64_t	h;
	unsigned char	c[LIBRARY_PACK_HASH];
	size_t		i;

	h = library_pack_hash((const unsigned char *)b->data + start,
	    b->len - start);
	for (i = 0; i < LIBRARY_PACK_HASH; i++)
		c[i] = (unsigned char)(h >> (8 * i));
	buf_add(b, c, LIBRARY_PACK_HASH);
}

void
library_pack(const struct issue *is, struct buf *b)
{
	size_t	i, k, start = b->len;

	buf_add(b, LIBRARY_PACK_MAGIC, 4);
	library_pack_str(b, is->title);
	library_pack_int(b, is->year);
	library_pack_int(b, is->month);
	library_pack_int(b, is->day);
	library_pack_str(b, is->encoding);
	library_pack_num(b, is->nsources);
	for (i = 0; i < is->nsources; i++)
		library_pack_str(b, is->sources[i]);
	library_pack_num(b, is->nmasthead);
	for (i = 0; i < is->nmasthead; i++)
		library_pack_str(b, is->masthead[i]);
	library_pack_num(b, is->npages);
	for (i = 0; i < is->npages; i++) {
		const struct page *pg = &is->pages[i];

		library_pack_int(b, pg->number);
		library_pack_str(b, pg->name);
		library_pack_str(b, pg->editor);
		library_pack_str(b, pg->source);
		library_pack_num(b, pg->narts);
		for (k = 0; k < pg->narts; k++)
			library_pack_article(b, &pg->arts[k]);
	}
	library_pack_sum(b, start);
}

/* ------------------------------------------------------------------ */
/* Unpacking. */

struct library_unpack {
	const unsigned char	*p, *end;
	bool			 bad;
};

static uint64_t
library_unpack_num(struct library_unpack *u)
{
	uint64_t	v = 0;
	unsigned	shift = 0;

	while (!u->bad) {
		if (u->p == u->end || shift > 63) {
			u->bad = true;
			break;
		}
		v |= (uint64_t)(*u->p & 0x7f) << shift;
		shift += 7;
		if (!(*u->p++ & 0x80))
			return v;
	}
	return 0;
}

/* A count of things that take at least one byte each. */
static size_t
library_unpack_count(struct library_unpack *u)
{
	uint64_t	n = library_unpack_num(u);

	if (n > LIBRARY_PACK_MAX_COUNT || n > (uint64_t)(u->end - u->p))
		u->bad = true;
	return u->bad ? 0 : (size_t)n;
}

static int
library_unpack_int(struct library_unpack *u)
{
	uint64_t	v = library_unpack_num(u);

	if (v > INT32_MAX)
		u->bad = true;
	return u->bad ? 0 : (int)v;
}

/* Length of the valid UTF-8 sequence at P[0..N) that is no C1 control. */
static size_t
library_unpack_seq(const unsigned char *p, size_t n)
{
	unsigned	c = p[0];

	if (c >= 0xe0 && c <= 0xef && n >= 3 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80 && (c != 0xe0 || p[1] >= 0xa0) &&
	    (c != 0xed || p[1] < 0xa0))
		return 3;
	if (c >= 0xc2 && c <= 0xdf && n >= 2 && (p[1] & 0xc0) == 0x80 &&
	    !(c == 0xc2 && p[1] < 0xa0))
		return 2;
	if (c >= 0xf0 && c <= 0xf4 && n >= 4 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80 &&
	    (c != 0xf0 || p[1] >= 0x90) && (c != 0xf4 || p[1] < 0x90))
		return 4;
	return 0;
}

/*
 * Model text: valid UTF-8 without C0 (but TAB), DEL or C1 controls. One
 * pass, ASCII and three-byte (CJK) sequences first.
 */
static bool
library_unpack_clean(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k;

	while (i < n) {
		if (p[i] < 0x80) {
			if ((p[i] < 0x20 && p[i] != '\t') || p[i] == 0x7f)
				return false;
			i++;
			continue;
		}
		if ((k = library_unpack_seq(p + i, n - i)) == 0)
			return false;
		i += k;
	}
	return true;
}

static char *
library_unpack_str(struct library_unpack *u)
{
	uint64_t	 n = library_unpack_num(u);
	char		*s;

	if (u->bad || n == 0)
		return NULL;
	n--;
	if (n > (uint64_t)(u->end - u->p) ||
	    !library_unpack_clean((const char *)u->p, (size_t)n)) {
		u->bad = true;
		return NULL;
	}
	s = xstrndup((const char *)u->p, (size_t)n);
	u->p += n;
	return s;
}

static void
library_unpack_article(struct library_unpack *u, struct article *a)
{
	size_t	i, n;
	char	*t, *c;

	a->kind = library_unpack_num(u) ? ARTICLE_PHOTO : ARTICLE_TEXT;
	a->column = library_unpack_str(u);
	a->kicker = library_unpack_str(u);
	a->headline = library_unpack_str(u);
	a->subhead = library_unpack_str(u);
	a->byline = library_unpack_str(u);
	a->dateline = library_unpack_str(u);
	a->quote = library_unpack_str(u);
	a->quote_by = library_unpack_str(u);
	n = library_unpack_count(u);
	for (i = 0; i < n && !u->bad; i++)
		if ((t = library_unpack_str(u)) != NULL)
			article_take_para(a, t);
		else
			u->bad = true;
	n = library_unpack_count(u);
	for (i = 0; i < n && !u->bad; i++) {
		t = library_unpack_str(u);
		c = library_unpack_str(u);
		article_add_caption(a, t != NULL ? t : "", c);
		free(t);
		free(c);
	}
	a->cont_page = library_unpack_int(u);
	a->from_page = library_unpack_int(u);
	a->source = library_unpack_str(u);
	a->line = (size_t)library_unpack_num(u);
}

static void
library_unpack_page(struct library_unpack *u, struct page *pg)
{
	size_t	k, n;

	pg->number = library_unpack_int(u);
	pg->name = library_unpack_str(u);
	pg->editor = library_unpack_str(u);
	pg->source = library_unpack_str(u);
	n = library_unpack_count(u);
	for (k = 0; k < n && !u->bad; k++)
		library_unpack_article(u, page_add_article(pg));
}

struct issue *
library_unpack(const void *data, size_t len)
{
	const unsigned char	*d = data;
	struct library_unpack	 u;
	struct issue		*is;
	uint64_t		 h = 0;
	size_t			 i, n, k;
	char			*s;

	if (len < 4 + LIBRARY_PACK_HASH || memcmp(data, LIBRARY_PACK_MAGIC,
	    4) != 0)
		return NULL;
	len -= LIBRARY_PACK_HASH;
	for (k = 0; k < LIBRARY_PACK_HASH; k++)
		h |= (uint64_t)d[len + k] << (8 * k);
	if (h != library_pack_hash(d, len))
		return NULL;
	u.p = d + 4;
	u.end = d + len;
	u.bad = false;
	is = issue_new();
	is->title = library_unpack_str(&u);
	is->year = library_unpack_int(&u);
	is->month = library_unpack_int(&u);
	is->day = library_unpack_int(&u);
	is->encoding = library_unpack_str(&u);
	n = library_unpack_count(&u);
	for (i = 0; i < n && !u.bad; i++)
		if ((s = library_unpack_str(&u)) != NULL)
			issue_take_source(is, s);
	n = library_unpack_count(&u);
	for (i = 0; i < n && !u.bad; i++)
		if ((s = library_unpack_str(&u)) != NULL) {
			issue_add_masthead(is, s);
			free(s);
		}
	n = library_unpack_count(&u);
	for (i = 0; i < n && !u.bad; i++)
		library_unpack_page(&u, issue_add_page(is));
	if (u.bad || u.p != u.end) {
		issue_free(is);
		return NULL;
	}
	return is;
}
