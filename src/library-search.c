/*
 * library-search.c -- a query over a library, issue by issue
 * (library-search.h).
 *
 * For an issue the index holds fresh, the stored fold is scanned first
 * (a memmem over bytes read from SQLite); only when it matches is the
 * stored tree unpacked, and search_run_folded() maps the matches to
 * fields and original offsets by folding those fields again. Any other
 * issue is parsed through the library's cache, searched as the reader
 * searches it, and (when writing) stored in the index; a parsed issue is
 * released (unless pinned) at the next call, so memory stays flat however
 * many issues are searched.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "library.h"
#include "library-index.h"
#include "library-search.h"
#include "model.h"
#include "util.h"

void
library_search_init(struct library_search *ls, struct library *lib,
    struct library_index *ix, bool write, const char *query, bool variants)
{
	memset(ls, 0, sizeof *ls);
	ls->lib = lib;
	ls->ix = ix;
	ls->write = write && ix != NULL;
	ls->query = xstrdup(query);
	ls->released = SIZE_MAX;
	search_init(&ls->search);
	search_set_variants(&ls->search, variants);
	ls->search.flags = SEARCH_MASTHEAD;
}

/* Let go of the issue returned last. */
static void
library_search_let_go(struct library_search *ls)
{
	issue_free(ls->unpacked);
	ls->unpacked = NULL;
	if (ls->released != SIZE_MAX) {
		search_forget(&ls->search, ls->search.text_of);
		library_release(ls->lib, ls->released);
		ls->released = SIZE_MAX;
	}
}

void
library_search_clear(struct library_search *ls)
{
	library_search_let_go(ls);
	search_clear(&ls->search);
	free(ls->query);
	free(ls->error);
	memset(ls, 0, sizeof *ls);
}

static bool
library_search_variants(struct library_search *ls)
{
	return fold_variants(search_get_fold(&ls->search));
}

/*
 * Issue I from the index: true when the index holds it fresh, with the
 * issue in ls->unpacked when it matches.
 */
static bool
library_search_indexed(struct library_search *ls, size_t i)
{
	const char	*folded;
	const void	*tree;
	size_t		 flen, tlen;

	if (!library_index_find(ls->ix, ls->lib, i,
	    library_search_variants(ls)))
		return false;
	folded = library_index_folded(ls->ix, &flen);
	if (search_count_folded(&ls->search, folded, flen, ls->query) == 0) {
		library_index_done(ls->ix);
		ls->from_index++;
		return true;
	}
	tree = library_index_tree(ls->ix, &tlen);
	ls->unpacked = library_unpack(tree, tlen);
	if (ls->unpacked != NULL)
		search_run_folded(&ls->search, ls->unpacked, folded, flen,
		    ls->query);
	library_index_done(ls->ix);
	if (ls->unpacked == NULL)	/* damaged: parse it instead */
		return false;
	ls->from_index++;
	return true;
}

/* Store the parsed issue I, folded by the search, in the index. */
static void
library_search_store(struct library_search *ls, size_t i,
    const struct issue *is)
{
	struct fold_buf	 fb;
	const char	*f;
	size_t		 n;
	char		*cause;

	if (!ls->write || ls->error != NULL)
		return;
	fold_buf_init(&fb);
	if ((f = search_last_fold(&ls->search, is, &n)) == NULL) {
		search_fold_issue(search_get_fold(&ls->search), is, &fb);
		f = fb.s != NULL ? fb.s : "";
		n = fb.len;
	}
	if (library_index_put(ls->ix, ls->lib, i, is, f, n,
	    library_search_variants(ls), &cause) != 0)
		ls->error = cause;
	fold_buf_clear(&fb);
}

const struct issue *
library_search_issue(struct library_search *ls, size_t i)
{
	const struct issue	*is;

	library_search_let_go(ls);
	ls->search.n = 0;
	if (ls->ix != NULL && library_search_indexed(ls, i)) {
		ls->matches += ls->search.n;
		return ls->search.n > 0 ? ls->unpacked : NULL;
	}
	issue_free(ls->unpacked);
	ls->unpacked = NULL;
	if (ls->ix != NULL && ls->write)
		library_stat(ls->lib, i);
	is = library_get(ls->lib, i);
	ls->released = i;
	ls->parsed++;
	search_run(&ls->search, is, ls->query);
	library_search_store(ls, i, is);
	ls->matches += ls->search.n;
	return ls->search.n > 0 ? is : NULL;
}
