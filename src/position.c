/*
 * position.c -- the stable position (model.h): naming an article by its
 * ordinal and the hash of its title, and finding it again in a fresh
 * parse of the same issue. No I/O.
 */
#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "model.h"

/* FNV-1a, 32 bits: small, stable across runs and machines. */
#define POSITION_FNV_OFFSET	2166136261u
#define POSITION_FNV_PRIME	16777619u

uint32_t
position_hash(const struct article *art)
{
	const unsigned char	*s = (const unsigned char *)article_title(art);
	uint32_t		 h = POSITION_FNV_OFFSET;

	for (; *s != '\0'; s++) {
		h ^= *s;
		h *= POSITION_FNV_PRIME;
	}
	return h;
}

void
position_set_paper(struct position *pos, const char *s)
{
	size_t	n = s != NULL ? strlen(s) : 0;

	if (n >= sizeof pos->paper) {
		n = sizeof pos->paper - 1;
		/* Back to the start of a character. */
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	if (n > 0)
		memcpy(pos->paper, s, n);
	pos->paper[n] = '\0';
}

void
position_set_article(struct position *pos, const struct issue *is,
    size_t page, size_t art)
{
	pos->page_ord = (unsigned)page;
	pos->page = page < is->npages ? is->pages[page].number : 0;
	pos->art = (unsigned)art;
	pos->art_hash = page < is->npages && art < is->pages[page].narts ?
	    position_hash(&is->pages[page].arts[art]) : 0;
	pos->field = ARTICLE_F_NONE;
	pos->index = 0;
	pos->off = 0;
}

/* The page POS names: by number, else by ordinal, clamped. */
static size_t
position_page(const struct position *pos, const struct issue *is)
{
	size_t	p;

	if (pos->page != 0) {
		/* The same number nearest the ordinal (a number may repeat
		 * when pages of two sections share it). */
		if (pos->page_ord < is->npages &&
		    is->pages[pos->page_ord].number == pos->page)
			return pos->page_ord;
		for (p = 0; p < is->npages; p++)
			if (is->pages[p].number == pos->page)
				return p;
	}
	return pos->page_ord < is->npages ? pos->page_ord : is->npages - 1;
}

/* The article of PG with hash H nearest ordinal K, or SIZE_MAX. */
static size_t
position_nearest(const struct page *pg, uint32_t h, size_t k)
{
	size_t	d;

	if (pg->narts == 0)
		return SIZE_MAX;
	if (k >= pg->narts)
		k = pg->narts - 1;
	for (d = 0; d <= k || k + d < pg->narts; d++) {
		if (d <= k && position_hash(&pg->arts[k - d]) == h)
			return k - d;
		if (d > 0 && k + d < pg->narts &&
		    position_hash(&pg->arts[k + d]) == h)
			return k + d;
	}
	return SIZE_MAX;
}

bool
position_locate(const struct position *pos, const struct issue *is,
    size_t *page, size_t *art)
{
	size_t	p, a;

	*page = *art = 0;
	if (is->npages == 0)
		return false;
	p = position_page(pos, is);
	if ((a = position_nearest(&is->pages[p], pos->art_hash, pos->art)) !=
	    SIZE_MAX) {
		*page = p;
		*art = a;
		return true;
	}
	for (*page = 0; *page < is->npages; (*page)++)
		for (*art = 0; *art < is->pages[*page].narts; (*art)++)
			if (position_hash(&is->pages[*page].arts[*art]) ==
			    pos->art_hash)
				return true;
	*page = p;
	*art = is->pages[p].narts == 0 ? 0 : pos->art < is->pages[p].narts ?
	    pos->art : is->pages[p].narts - 1;
	return false;
}
