/*
 * loader-tail.c -- pass 4: tails moved before their article's headline.
 *
 * An article that still ends open at the end of its page had its tail
 * moved by the extraction: the paragraphs just before its title group
 * (counted to the previous article) are tried as its continuation, and
 * the run whose first unit joins the open end best (scored by how often
 * the character pair at the join occurs elsewhere on the page, and by how
 * unlike a paragraph start it is) is moved back.
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "loader-int.h"

/*
 * The set of adjacent character pairs of a page, built once when a tail
 * has to be placed: open addressing over 64-bit keys (two code points).
 */
struct loader_pairs {
	uint64_t	*keys;		/* 0 = empty */
	size_t		 mask;
};

static size_t
loader_pair_hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k;
}

static void
loader_pairs_add(struct loader_pairs *ps, const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 a = 0, b;
	uint64_t	 k;
	size_t		 h;
	int		 n;

	while (*p != '\0') {
		n = u8_strmbtouc(&b, p);
		if (n <= 0)
			break;
		p += n;
		if (a != 0) {
			k = ((uint64_t)a << 32) | b;
			h = loader_pair_hash(k) & ps->mask;
			while (ps->keys[h] != 0 && ps->keys[h] != k)
				h = (h + 1) & ps->mask;
			ps->keys[h] = k;
		}
		a = b;
	}
}

/* Bytes of text of a page once assembled: its articles' paragraphs. */
static size_t
loader_page_bytes(const struct loader_ctx *cx)
{
	size_t	i, j, total = 0;

	for (i = 0; i < cx->narts; i++)
		for (j = 0; j < cx->arts[i]->a->npara; j++)
			total += strlen(cx->arts[i]->a->paras[j]);
	return total;
}

static void
loader_pairs_build(struct loader_pairs *ps, const struct loader_ctx *cx)
{
	size_t	i, j, cap = 64, total = loader_page_bytes(cx);

	while (cap < total)
		cap *= 2;
	ps->keys = xcalloc(cap, sizeof *ps->keys);
	ps->mask = cap - 1;
	for (i = 0; i < cx->narts; i++)
		for (j = 0; j < cx->arts[i]->a->npara; j++)
			loader_pairs_add(ps, cx->arts[i]->a->paras[j]);
}

static bool
loader_pairs_has(const struct loader_pairs *ps, ucs4_t a, ucs4_t b)
{
	uint64_t	k = ((uint64_t)a << 32) | b;
	size_t		h = loader_pair_hash(k) & ps->mask;

	while (ps->keys[h] != 0) {
		if (ps->keys[h] == k)
			return true;
		h = (h + 1) & ps->mask;
	}
	return false;
}

/*
 * How well does paragraph start B continue the open end A? Positive is
 * plausible. The character pair across the join is looked up in the rest
 * of the page; a start that reads like a new paragraph (an opening quote
 * after a letter, a dateline) counts against.
 */
/* Words that open a paragraph far more often than they continue one. */
static bool
loader_para_opener(const char *s)
{
	static const char *const w[] = { "据悉", "据了解", "近日", "日前",
	    "目前", "此外", "同时", "今年", "去年", "此次", "这次", "如今",
	    "当天", "随后", "另外", "然而", "但是", "因此", "截至", "近年来",
	    "记者", "与此同时", "对此", "为此", "其中", "据介绍", "据统计" };

	return loader_starts_any(s, w, LOADER_N(w));
}

/* Does the pair X Y occur in the page's paragraphs? */
static bool
loader_pair_seen(const struct loader_ctx *cx, struct loader_pairs *ps,
    ucs4_t x, ucs4_t y)
{
	uint8_t	pair[16];
	size_t	i, j, len = 0;
	int	k;

	if (ps->keys != NULL || loader_page_bytes(cx) > LL_PAGE_HASH_BYTES) {
		/* A huge page: one hash of all pairs instead of scans. */
		if (ps->keys == NULL)
			loader_pairs_build(ps, cx);
		return loader_pairs_has(ps, x, y);
	}
	k = u8_uctomb(pair, x, 8);
	if (k > 0)
		len += k;
	k = u8_uctomb(pair + len, y, 8);
	if (k > 0)
		len += k;
	pair[len] = '\0';
	for (i = 0; i < cx->narts; i++)
		for (j = 0; j < cx->arts[i]->a->npara; j++)
			if (strstr(cx->arts[i]->a->paras[j],
			    (const char *)pair) != NULL)
				return true;
	return false;
}

/*
 * How well does paragraph start B continue the open end A? Positive is
 * plausible. The character pair across the join is looked up in the rest
 * of the page; a start that reads like a new paragraph (an opening quote
 * after a letter, a dateline, a word such as 据悉) counts against.
 */
static int
loader_join_score(const struct loader_ctx *cx, struct loader_pairs *ps,
    const char *a, const char *b)
{
	ucs4_t	x = loader_last(a, strlen(a), 0), y = loader_first(b);
	int	score = 0;
	char	*d;

	if (x == 0 || y == 0)
		return -100;
	if (loader_is_wide_letter(x) && loader_is_wide_letter(y) &&
	    loader_pair_seen(cx, ps, x, y))
		score += LL_JOIN_PAIR;
	if (loader_is_opener(y) && (loader_is_wide_letter(x) ||
	    uc_is_alpha(x)))
		score += LL_JOIN_QUOTE;
	if (loader_para_opener(b))
		score += LL_JOIN_OPENER;
	if (x == 0xff0c || x == 0x3001 || x == 0xff1a)	/* ，、： */
		score += LL_JOIN_CLAUSE;
	if (y == 0xff0c || y == 0x3002 || y == 0x3001)
		score += LL_JOIN_PUNCT;	/* a line never starts with these */
	if ((d = loader_dateline(b)) != NULL) {
		free(d);
		score += LL_JOIN_DATELINE;
	}
	return score;
}

void
loader_tails(struct loader_ctx *cx)
{
	struct loader_pairs	 ps = { NULL, 0 };
	size_t			 i, j, k, best_k;
	int			 s, best;

	for (i = 1; i < cx->narts; i++) {
		struct loader_art *la = cx->arts[i], *pa;
		struct article *a = la->a, *p;

		if (la->photo || a->npara == 0 ||
		    loader_is_closed(a->paras[a->npara - 1]))
			continue;
		/* The article just before this one in the text. */
		pa = NULL;
		for (j = i; j-- > 0;)
			if (!cx->arts[j]->photo) {
				pa = cx->arts[j];
				break;
			}
		if (pa == NULL || pa->a->npara < 2 || pa->open)
			continue;
		p = pa->a;
		/* Candidate tails: the last paragraphs of PA that lie
		 * before LA's title group; PA keeps at least one. */
		best = -1;
		best_k = 0;
		for (k = p->npara - 1; k >= 1; k--) {
			if (pa->para_unit[k] >= la->first_unit)
				continue;
			if (pa->para_unit[k] <= pa->body_unit)
				break;
			/* What stays behind must end where its article
			 * ends: with a closed paragraph. */
			if (!loader_is_closed(p->paras[k - 1]))
				continue;
			s = loader_join_score(cx, &ps,
			    a->paras[a->npara - 1], p->paras[k]);
			/* Ties go to the later start: move as little of
			 * the other article as the evidence allows. */
			if (s > best) {
				best = s;
				best_k = k;
			}
		}
		if (best_k == 0 || best < 0)
			continue;
		/* Move paragraphs best_k.. of PA to the end of A. */
		loader_art_continue(la, p->paras[best_k]);
		free(p->paras[best_k]);
		for (k = best_k + 1; k < p->npara; k++)
			loader_art_take_para(la, pa->para_unit[k],
			    p->paras[k]);
		p->npara = best_k;
		pa->npu = best_k;
		la->open = !loader_is_closed(a->paras[a->npara - 1]);
	}
	free(ps.keys);
}
