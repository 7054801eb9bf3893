/*
 * library-memo.h -- the catalogue cache: what each folder of a scanned
 * tree held (its text files and subfolders) and its modification time,
 * so that the next scan takes an unchanged folder's listing from here
 * instead of reading it. One file per tree under the cache folder
 * (catalogue-HASH, HASH of the tree's real path); written whole to a
 * temporary file and renamed. A missing, damaged or foreign file is no
 * error: the tree is read again. Private to library-scan.c.
 */
#ifndef DUBAO_LIBRARY_MEMO_H
#define DUBAO_LIBRARY_MEMO_H

#include <sys/stat.h>

#include <stdbool.h>
#include <stddef.h>

#define LIBRARY_MEMO_FILE	1	/* a text file */
#define LIBRARY_MEMO_DIR	2	/* a folder */

struct library_memo_item {
	int		 type;		/* LIBRARY_MEMO_FILE or _DIR */
	char		*name;
};

/* A folder's listing. Names are owned unless BORROWED (from the memo). */
struct library_memo_list {
	struct library_memo_item *v;
	size_t			  n, cap;
	bool			  borrowed;
};

struct library_memo;

void	library_memo_list_add(struct library_memo_list *, int type,
	    const char *name);
/*
 * Sort by name, numbers by their value (the order folders are walked
 * and files listed: 2010年2月 before 2010年10月).
 */
void	library_memo_list_sort(struct library_memo_list *);
void	library_memo_list_clear(struct library_memo_list *);

/*
 * Open the memo of the tree at ROOT in folder DIR (NULL: no memo; then
 * every get misses and nothing is written). Never fails.
 */
struct library_memo *library_memo_open(const char *dir, const char *root);

/*
 * The listing of folder PATH (below ROOT) when the memo has it and ST
 * (PATH's stat) shows it unchanged; the names are borrowed from the memo
 * until library_memo_close().
 */
bool	library_memo_get(struct library_memo *, const char *path,
	    const struct stat *st, struct library_memo_list *ls);

/* Remember the listing of folder PATH read now. */
void	library_memo_put(struct library_memo *, const char *path,
	    const struct stat *st, const struct library_memo_list *ls);

/*
 * Write the memo when the scan was COMPLETE and something changed, then
 * free it (NULL allowed).
 */
void	library_memo_close(struct library_memo *, bool complete);

#endif /* DUBAO_LIBRARY_MEMO_H */
