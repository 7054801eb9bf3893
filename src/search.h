/*
 * search.h -- find the matches of a query in an issue. Pure: no curses,
 * no I/O. Matches are data (less's hilite): byte ranges of model strings,
 * named the way layout lines name them (field and index), in reading
 * order, so the reader can highlight them and step through them.
 *
 * Matching is plain for now: the query's bytes against the text's bytes
 * (both valid UTF-8, so a match always starts and ends on a character
 * boundary), with ASCII letters folded when the query has no capital
 * letter. A later folding step (NFKC, case, Traditional/Simplified) maps
 * folded text back to original offsets before hits are stored, so the hit
 * format does not change.
 */
#ifndef DUBAO_SEARCH_H
#define DUBAO_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

struct article;
struct issue;

struct search_hit {
	size_t			 page, art;
	enum layout_field	 field;
	size_t			 index;	/* paragraph or caption number */
	size_t			 off;	/* byte offset in the field's string */
	size_t			 len;	/* bytes */
};

struct search {
	char			*query;	/* NULL when no search is active */
	bool			 fold;	/* ASCII letters folded */
	struct search_hit	*hits;	/* in reading order */
	size_t			 n, cap;
};

void	search_init(struct search *);
void	search_clear(struct search *);

/*
 * Find every match of QUERY (UTF-8, not empty) in IS, replacing what S
 * held. Returns the number of hits (0 for a query that is not valid
 * UTF-8).
 */
size_t	search_run(struct search *s, const struct issue *is,
	    const char *query);

/*
 * Compare two positions in reading order: negative, zero or positive.
 * Offsets count within the field.
 */
int	search_cmp(const struct search_hit *a, const struct search_hit *b);

/*
 * The hit to go to from position AT: the first hit at or after AT when
 * FORWARD (the last before it otherwise), wrapping around the issue; sets
 * *WRAPPED when it wrapped. Returns its index, or SIZE_MAX without hits.
 */
size_t	search_find(const struct search *s, const struct search_hit *at,
	    bool forward, bool *wrapped);

/*
 * Index of the first hit in article ART of page PAGE, or s->n when it has
 * none. Hits of one article are consecutive.
 */
size_t	search_first_in(const struct search *s, size_t page, size_t art);

/* The string of FIELD/INDEX in ART, or NULL (borrowed from the model). */
const char *search_field_text(const struct article *art,
	    enum layout_field field, size_t index);

#endif /* DUBAO_SEARCH_H */
