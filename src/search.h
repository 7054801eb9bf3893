/*
 * search.h -- find the matches of a query in an issue. Pure: no curses,
 * no I/O. Matches are data (less's hilite): byte ranges of model strings,
 * named the way layout lines name them (field and index), in reading
 * order, so the reader can highlight them and step through them.
 *
 * Matching is folded (fold.h): NFKC, case, marks, Traditional/Simplified
 * and white space between CJK characters, applied to the text and the
 * query alike. The issue is folded once into one buffer (every field of
 * every article, each followed by a NUL so no match crosses fields) with
 * an offset map, and kept until another issue is searched; a query is
 * then one memmem() pass. Hits are reported in original offsets, from the
 * first character that matched to the end of the last one, so a match
 * that a line break or a column break cuts is one hit, and the reader
 * highlights the part on each line.
 */
#ifndef DUBAO_SEARCH_H
#define DUBAO_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

struct article;
struct fold;
struct fold_buf;
struct issue;
struct search_text;

struct search_hit {
	size_t			 page, art;
	enum layout_field	 field;
	size_t			 index;	/* paragraph, caption, masthead line */
	size_t			 off;	/* byte offset in the field's string */
	size_t			 len;	/* bytes */
};

/* search.flags */
#define SEARCH_MASTHEAD	0x01	/* the issue's front matter too (page 0,
				   article 0, LAYOUT_F_MASTHEAD) */

struct search {
	char			*query;	/* as typed; NULL when no search is
					   active */
	struct search_hit	*hits;	/* in reading order */
	size_t			 n, cap;
	unsigned		 flags;	/* SEARCH_* */
	bool			 variants;	/* fold Traditional/Simplified
						   (default true) */
	struct fold		*fold;	/* made on first use */
	struct search_text	*text;	/* the fold of the issue last searched */
	const struct issue	*text_of;
};

void	search_init(struct search *);
void	search_clear(struct search *);

/*
 * Turn Traditional/Simplified folding on or off (the fold-variants
 * setting); the hits stay until the next search_run().
 */
void	search_set_variants(struct search *s, bool on);

/* The fold S uses (made on first use; owned by S). */
struct fold *search_get_fold(struct search *s);

/*
 * Find every match of QUERY (UTF-8) in IS, replacing what S held.
 * Returns the number of hits: 0 for a query that is not valid UTF-8 or
 * that folds to nothing. The fold of IS is kept in S for the next query:
 * call search_forget() before IS is freed or changed.
 */
size_t	search_run(struct search *s, const struct issue *is,
	    const char *query);

/*
 * How many matches QUERY has in IS, without hits and without touching
 * what S holds (for counting other issues).
 */
size_t	search_count(struct search *s, const struct issue *is,
	    const char *query);

/*
 * The fold of IS that search_run() makes, masthead included, into OUT
 * (fold_buf_init()ed, or a buffer used before, which is emptied first;
 * no offset map): what the search index stores.
 */
void	search_fold_issue(struct fold *f, const struct issue *is,
	    struct fold_buf *out);

/*
 * The fold of IS that the last search_run() made (the bytes
 * search_fold_issue() gives when S searches the masthead), its length in
 * *LEN; NULL when S holds no fold of IS. Borrowed until the next search.
 */
const char *search_last_fold(const struct search *s, const struct issue *is,
	    size_t *len);

/*
 * search_run() on IS given its stored fold FOLDED[0..LEN) (made by
 * search_fold_issue() with a fold like S's): the same hits, without
 * folding the issue again, only the fields that hold a match. A fold
 * that does not fit IS (another version) is ignored and IS folded.
 * Keeps nothing of IS.
 */
size_t	search_run_folded(struct search *s, const struct issue *is,
	    const char *folded, size_t len, const char *query);

/* Matches of QUERY in a stored fold (without the issue). */
size_t	search_count_folded(struct search *s, const char *folded, size_t len,
	    const char *query);

/* Drop the fold S keeps of IS, if any (IS is about to be freed). */
void	search_forget(struct search *s, const struct issue *is);

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

/*
 * The string a hit points into (masthead lines included), or NULL when
 * the issue has no such field (borrowed from the model).
 */
const char *search_hit_text(const struct issue *is,
	    const struct search_hit *h);

/*
 * A keyword-in-context window: bytes [start, end) of a field around a
 * match, with "…" to draw before it when cut_left and after it when
 * cut_right.
 */
struct search_kwic {
	size_t	start, end;
	bool	cut_left, cut_right;
};

/*
 * The window of TEXT[0..N) around the match [OFF, OFF + LEN) that fits
 * in COLS columns (text_strwidth, whole grapheme clusters, ellipses
 * included), with the match centred when there is text on both sides,
 * else as much of the other side as fits. A match wider than COLS keeps
 * its start.
 */
void	search_kwic(const char *text, size_t n, size_t off, size_t len,
	    int cols, struct search_kwic *k);

#endif /* DUBAO_SEARCH_H */
