/*
 * fold.h -- fold text for search the way a Chinese reader expects, and
 * remember where each folded byte came from. Pure: no curses, no I/O.
 *
 * One fold is applied to the text and to the query alike:
 *
 *   - NFKC and case folding (libunistring): ＣＮ８１ is cn81, ＡＢＣ is abc,
 *     ｶﾞ is ガ, ß is ss, ㈱ is (株);
 *   - default-ignorable code points (ZWSP, ZWJ, soft hyphen) dropped;
 *   - quotation marks, dashes and middle dots that differ only by
 *     convention folded to one form (“ ” " are one mark, ― is —, ・ is ·);
 *   - with variants on, Traditional and Simplified characters folded to
 *     the Simplified form through OpenCC (tw2s, then hk2s), and the
 *     corner brackets 「」『』 folded to the quotes they stand for;
 *   - white space (line breaks included) dropped next to a wide (CJK)
 *     character, elsewhere a run of it kept as one space, and dropped at
 *     both ends of the string.
 *
 * OpenCC converts whole strings at about 5 MB/s; here it is asked about
 * each distinct character once, and the answer is kept in a memo table
 * of the fold context, so folding runs at memory speed after the first
 * few paragraphs. Phrase context is lost on purpose: text and query get
 * the same character-by-character fold.
 *
 * The offset map: map[k] is the offset in the original string of the
 * character (grapheme cluster) that gave folded byte k. A match [fs, fe)
 * in the folded text covers the original bytes from map[fs] to the end
 * of the cluster at map[fe - 1] (fold_span).
 */
#ifndef DUBAO_FOLD_H
#define DUBAO_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fold;

/* Folded text and its offset map, grown as needed. */
struct fold_buf {
	char		*s;	/* folded UTF-8, NUL-terminated when len > 0 */
	size_t		 len;
	size_t		 cap;
	uint32_t	*map;	/* map[k]: original offset; NULL without map */
	size_t		 mapcap;
};

/*
 * A fold context. VARIANTS asks for Traditional/Simplified folding; it is
 * off when dubao was built without OpenCC or OpenCC's data cannot be
 * opened (fold_variants() says which). Free with fold_free().
 */
struct fold	*fold_new(bool variants);
void		 fold_free(struct fold *);

/* Is Traditional/Simplified folding in effect (after the first fold)? */
bool		 fold_variants(struct fold *);

void		 fold_buf_init(struct fold_buf *);
void		 fold_buf_clear(struct fold_buf *);

/*
 * Append the fold of S[0..N) to B. With WANT_MAP, B->map gets one entry
 * per folded byte: the offset in S (not in B) of the cluster that gave
 * it. Invalid UTF-8 folds as U+FFFD. The whitespace rule treats both ends
 * of S as string ends, so each string appended is folded on its own.
 */
void		 fold_add(struct fold *, struct fold_buf *b, const char *s,
		    size_t n, bool want_map);

/*
 * Append a NUL byte to B (map entry 0 with WANT_MAP): a separator that no
 * query matches across, since a query never holds a NUL.
 */
void		 fold_add_sep(struct fold_buf *b, bool want_map);

/*
 * The fold of the NUL-terminated QUERY as a new string (caller frees);
 * its length in *LEN if LEN is not NULL. An empty string when the query
 * folds to nothing (only spaces).
 */
char		*fold_query(struct fold *, const char *query, size_t *len);

/*
 * The original bytes of a match: folded bytes [FS, FE) of B (FE > FS,
 * both within the fold of one string S[0..N) appended with WANT_MAP)
 * came from S[*OS, *OE): from the start of the character that gave the
 * first folded byte to the end of the one that gave the last.
 */
void		 fold_span(const struct fold_buf *b, const char *s, size_t n,
		    size_t fs, size_t fe, size_t *os, size_t *oe);

/*
 * Bumped whenever the fold of some text changes, so that a stored fold
 * (the search index) made by another version is rebuilt.
 */
#define FOLD_VERSION 1

#endif /* DUBAO_FOLD_H */
