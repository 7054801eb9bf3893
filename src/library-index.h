/*
 * library-index.h -- the search index of a library: for each issue, its
 * fold (search_fold_issue()) and its parsed tree packed as bytes, kept in
 * SQLite under the cache folder ($XDG_CACHE_HOME/dubao/index.sqlite), so
 * that a search of the library reads neither the issue's files nor
 * parses them. No curses, no printing.
 *
 * An issue is known by its place on disk (its folder made absolute, its
 * kind, date and paper, as the catalogue names it), and is fresh while
 * its files have the sizes and modification times they had when it was
 * indexed and the fold is the same (FOLD_VERSION, variants on or off):
 * an issue is read again only when one of its files changed.
 *
 * Two processes may use the index at once (SQLite, WAL, busy timeout).
 * A file that is no database or is damaged is set aside and a new one
 * made; an index of another schema version is emptied and rebuilt.
 */
#ifndef DUBAO_LIBRARY_INDEX_H
#define DUBAO_LIBRARY_INDEX_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct fold;
struct issue;
struct library;

/* Bump when the tables or the packed tree change. */
#define LIBRARY_INDEX_SCHEMA	2
#define LIBRARY_INDEX_FILE	"index.sqlite"

struct library_index;

/*
 * Open the index in folder DIR (made when missing). For writing, a new
 * index is created if there is none; for reading, no index gives NULL
 * without *CAUSE. A damaged or older index is set aside or emptied, with
 * a translated one-line *NOTE (caller frees; NULL when nothing was
 * done). Returns NULL with a translated *CAUSE (caller frees) when the
 * index cannot be opened at all.
 */
struct library_index *library_index_open(const char *dir, bool write,
	    char **note, char **cause);
void	library_index_close(struct library_index *);

/*
 * Is issue I of LIB in the index, fresh (files and fold as they are
 * now; folded with VARIANTS)? Stats the issue's files.
 */
bool	library_index_fresh(struct library_index *, struct library *lib,
	    size_t i, bool variants);

/*
 * Look issue I of LIB up: true when the index holds it fresh. Then, until
 * library_index_done(), library_index_folded() gives its fold
 * (search_fold_issue()) and library_index_tree() its packed tree
 * (library_pack()), both borrowed from SQLite (the tree is read from
 * disk only when asked for).
 */
bool	library_index_find(struct library_index *, struct library *lib,
	    size_t i, bool variants);
const char *library_index_folded(struct library_index *, size_t *len);
const void *library_index_tree(struct library_index *, size_t *len);
void	library_index_done(struct library_index *);

/*
 * Put issue I of LIB into the index unless it is fresh: parse it through
 * the library's cache, fold it with F, store it. Returns 1 when stored,
 * 0 when it was fresh already, -1 with a translated *CAUSE when the
 * index could not be written.
 */
int	library_index_add(struct library_index *, struct library *lib,
	    size_t i, struct fold *f, char **cause);

/*
 * Store a parsed issue IS as issue I of LIB (its files as they are now)
 * with its fold FOLDED[0..FLEN) made with VARIANTS: for a search that
 * parsed and folded it anyway. Returns 0, or -1 with *CAUSE.
 */
int	library_index_put(struct library_index *, struct library *lib,
	    size_t i, const struct issue *is, const char *folded,
	    size_t flen, bool variants, char **cause);

/*
 * Group writes: library_index_add() and _put() between begin and end go
 * into one transaction. Returns 0, or -1 with *CAUSE.
 */
int	library_index_begin(struct library_index *, char **cause);
int	library_index_end(struct library_index *, char **cause);

/*
 * Forget the issues of the index under folder ROOT that LIB does not
 * hold any more (removed from disk). Returns how many were forgotten.
 */
size_t	library_index_prune(struct library_index *, struct library *lib,
	    const char *root);

/* ------------------------------------------------------------------ */
/* library-pack.c: a parsed issue as bytes. */

/* Append the bytes of IS (without its diagnostics) to B. */
void	library_pack(const struct issue *is, struct buf *b);

/*
 * The issue that DATA[0..LEN) holds (free with issue_free()), or NULL
 * when the bytes are not a packed issue (damaged).
 */
struct issue *library_unpack(const void *data, size_t len);

#endif /* DUBAO_LIBRARY_INDEX_H */
