/*
 * library-search.h -- a query over the issues of a library, issue by
 * issue: from the search index where it holds the issue as its files are
 * now, else by parsing the issue (and, when writing, putting it into the
 * index on the way). Both give the same hits: the index keeps the parse
 * and the fold, not an approximation of them. No curses, no printing:
 * --grep prints what it finds, the results view lists it.
 */
#ifndef DUBAO_LIBRARY_SEARCH_H
#define DUBAO_LIBRARY_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "search.h"

struct issue;
struct library;
struct library_index;

struct library_search {
	struct library		*lib;		/* borrowed */
	struct library_index	*ix;		/* borrowed, or NULL */
	bool			 write;		/* index what is parsed */
	struct search		 search;	/* the query, its hits */
	char			*query;
	size_t			 from_index;	/* issues read from the index */
	size_t			 parsed;	/* issues parsed */
	size_t			 matches;	/* hits so far */
	char			*error;		/* the index could not be
						   written: why (then no
						   more writes) */
	struct issue		*unpacked;	/* the last issue read from
						   the index (owned) */
	size_t			 released;	/* the last issue parsed, to
						   release, or SIZE_MAX */
};

/*
 * Start searching LIB for QUERY (UTF-8), folded with VARIANTS; through IX
 * when not NULL, putting the issues it parses into it when WRITE.
 */
void	library_search_init(struct library_search *, struct library *lib,
	    struct library_index *ix, bool write, const char *query,
	    bool variants);
void	library_search_clear(struct library_search *);

/*
 * Search issue I. Returns the issue with its hits in ls->search (in
 * reading order, masthead included), or NULL when it has none. The issue
 * is borrowed until the next call (it may be the library's parse or one
 * read from the index); its index in the library is I.
 */
const struct issue *library_search_issue(struct library_search *,
	    size_t i);

#endif /* DUBAO_LIBRARY_SEARCH_H */
