/*
 * library-index.c -- the search index in SQLite (library-index.h).
 *
 * Schema version 2 (PRAGMA user_version; 2: the tree is hashed):
 *
 *	issues(key, files, variants, fold, paper, date, folded, tree)
 *		one row per issue: KEY its place on disk, FILES the names,
 *		sizes and times of its files when it was indexed, VARIANTS
 *		and FOLD how it was folded, FOLDED its fold, TREE its parse
 *
 * Why not an FTS5 trigram table: on this corpus FTS5's trigram
 * tokenizer indexes Chinese at 1-2.5 MB/s (every character starts a
 * distinct trigram), ten times under what indexing must reach, while a
 * memmem() over the stored fold of a one-year library (60 MB) takes a
 * few tens of milliseconds. So the index keeps what is slow to make
 * (the parse and the fold) and a query scans the folds, which also
 * answers queries of one or two characters the same way.
 *
 * Writes go in transactions (BEGIN IMMEDIATE, with a busy timeout, so
 * two dubao processes take turns); reads see the last commit (WAL).
 */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fold.h"
#include "i18n.h"
#include "library.h"
#include "library-index.h"
#include "search.h"
#include "util.h"

/* How long a write waits for another dubao holding the lock. */
#define LIBRARY_INDEX_BUSY_MS	10000
/* Between two tries at turning a new file into WAL (library_index_wal). */
#define LIBRARY_INDEX_RETRY_MS	20
/* Pages of 64 KiB: each issue's blobs take a few hundred KiB. */
#define LIBRARY_INDEX_PAGE	65536
/* Bytes of the file mapped into memory: reads without a copy. */
#define LIBRARY_INDEX_MMAP	"1073741824"

struct library_index {
	sqlite3		*db;
	char		*path;
	bool		 write;
	bool		 in_tx;
	bool		 damaged;	/* seen damaged: removed at close */
	sqlite3_stmt	*get, *put;
	struct fold_buf	 fold;		/* scratch, kept from issue to issue */
	struct buf	 tree;
};

static const char library_index_schema[] =
	"CREATE TABLE IF NOT EXISTS issues(key BLOB PRIMARY KEY,"
	" files BLOB NOT NULL, variants INT NOT NULL, fold INT NOT NULL,"
	" paper TEXT, date TEXT, folded BLOB NOT NULL, tree BLOB NOT NULL);";

/* ------------------------------------------------------------------ */
/* Opening. */

static void
library_index_mkdirs(const char *dir)
{
	char	*p = xstrdup(dir), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0700);
		*s = '/';
	}
	mkdir(p, 0700);
	free(p);
}

/* Remove PATH and its -wal and -shm files. */
static void
library_index_remove(const char *path)
{
	char	*p;

	unlink(path);
	p = xasprintf("%s-wal", path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", path);
	unlink(p);
	free(p);
}

/* One integer from SQL (a PRAGMA); -1 on error, with *RC. */
static long long
library_index_int(sqlite3 *db, const char *sql, int *rc)
{
	sqlite3_stmt	*st;
	long long	 v = -1;

	*rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return -1;
	if ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

static bool
library_index_is_damage(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
}

/*
 * WAL mode for DB. SQLite does not wait for the busy timeout when it
 * turns a file into WAL: another dubao making the index at the same
 * moment gets SQLITE_BUSY at once. So try again for a while.
 */
static int
library_index_wal(sqlite3 *db)
{
	char	sql[128];
	int	rc, waited;

	snprintf(sql, sizeof sql, "PRAGMA page_size=%d;"
	    "PRAGMA journal_mode=WAL", LIBRARY_INDEX_PAGE);
	for (waited = 0;; waited += LIBRARY_INDEX_RETRY_MS) {
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || waited >=
		    LIBRARY_INDEX_BUSY_MS)
			return rc;
		sqlite3_sleep(LIBRARY_INDEX_RETRY_MS);
	}
}

/*
 * Empty the index and make the schema of this version, unless another
 * dubao made it since we looked (checked again under the write lock).
 * On failure a transaction may be left open: closing DB rolls it back,
 * and its error stays for the message.
 */
static int
library_index_create(sqlite3 *db)
{
	char		sql[512];
	long long	v;
	int		rc;

	if ((rc = library_index_wal(db)) != SQLITE_OK ||
	    (rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) !=
	    SQLITE_OK)
		return rc;
	v = library_index_int(db, "PRAGMA user_version", &rc);
	if (rc != SQLITE_OK || v == LIBRARY_INDEX_SCHEMA)
		return rc != SQLITE_OK ? rc : sqlite3_exec(db, "COMMIT", NULL,
		    NULL, NULL);
	snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS issues; %s"
	    "PRAGMA user_version=%d; COMMIT;", library_index_schema,
	    LIBRARY_INDEX_SCHEMA);
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Results of opening a file. */
#define LIBRARY_INDEX_GOOD	0
#define LIBRARY_INDEX_DAMAGED	1
#define LIBRARY_INDEX_OLDER	2	/* another schema: rebuilt */
#define LIBRARY_INDEX_FAILED	3
#define LIBRARY_INDEX_NONE	4	/* reading, and there is none */

static int
library_index_try(struct library_index *ix)
{
	long long	v;
	int		rc, flags;

	flags = ix->write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE :
	    SQLITE_OPEN_READONLY;
	if (!ix->write && access(ix->path, F_OK) != 0)
		return LIBRARY_INDEX_NONE;
	if (sqlite3_open_v2(ix->path, &ix->db, flags, NULL) != SQLITE_OK)
		return LIBRARY_INDEX_FAILED;
	sqlite3_busy_timeout(ix->db, LIBRARY_INDEX_BUSY_MS);
	sqlite3_exec(ix->db, "PRAGMA mmap_size=" LIBRARY_INDEX_MMAP
	    "; PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
	v = library_index_int(ix->db, "PRAGMA user_version", &rc);
	if (library_index_is_damage(rc))
		return LIBRARY_INDEX_DAMAGED;
	if (rc != SQLITE_OK)
		return LIBRARY_INDEX_FAILED;
	if (v == LIBRARY_INDEX_SCHEMA)
		return LIBRARY_INDEX_GOOD;
	if (!ix->write)
		return LIBRARY_INDEX_NONE;
	rc = library_index_create(ix->db);
	if (library_index_is_damage(rc))
		return LIBRARY_INDEX_DAMAGED;
	if (rc != SQLITE_OK)
		return LIBRARY_INDEX_FAILED;
	return v == 0 ? LIBRARY_INDEX_GOOD : LIBRARY_INDEX_OLDER;
}

static void
library_index_shut(struct library_index *ix)
{
	sqlite3_finalize(ix->get);
	sqlite3_finalize(ix->put);
	ix->get = ix->put = NULL;
	sqlite3_close(ix->db);
	ix->db = NULL;
}

struct library_index *
library_index_open(const char *dir, bool write, char **note, char **cause)
{
	struct library_index	*ix = xcalloc(1, sizeof *ix);
	int			 r;

	*note = *cause = NULL;
	ix->write = write;
	ix->path = xasprintf("%s/%s", dir, LIBRARY_INDEX_FILE);
	if (write)
		library_index_mkdirs(dir);
	r = library_index_try(ix);
	if (r == LIBRARY_INDEX_DAMAGED && write) {
		library_index_shut(ix);
		library_index_remove(ix->path);
		*note = xasprintf(_("%s: damaged; made again"), ix->path);
		r = library_index_try(ix);
	} else if (r == LIBRARY_INDEX_OLDER) {
		*note = xasprintf(_("%s: made by another version of dubao; "
		    "made again"), ix->path);
		r = LIBRARY_INDEX_GOOD;
	}
	if (r == LIBRARY_INDEX_GOOD)
		return ix;
	if (r == LIBRARY_INDEX_FAILED)
		*cause = xasprintf(_("%s: cannot open the search index: %s"),
		    ix->path, ix->db != NULL ? sqlite3_errmsg(ix->db) :
		    strerror(errno));
	else if (r == LIBRARY_INDEX_DAMAGED)
		*note = xasprintf(_("%s: damaged; run dubao --index to make "
		    "it again"), ix->path);
	library_index_shut(ix);
	free(ix->path);
	free(ix);
	return NULL;
}

void
library_index_close(struct library_index *ix)
{
	char	*cause;

	if (ix == NULL)
		return;
	if (ix->in_tx && library_index_end(ix, &cause) != 0)
		free(cause);
	library_index_shut(ix);
	/* A cache: a damaged one goes, and the next --index makes it. */
	if (ix->damaged && ix->write)
		library_index_remove(ix->path);
	fold_buf_clear(&ix->fold);
	buf_clear(&ix->tree);
	free(ix->path);
	free(ix);
}

/* ------------------------------------------------------------------ */
/* An issue's key and files. */

/*
 * The key of issue E: its folder made absolute, its kind, date and paper
 * and, for a file named by its date, the file (NUL-separated).
 */
static void
library_index_key(const struct library_issue *e, struct buf *b)
{
	char	*abs = realpath(e->dir, NULL);

	buf_adds(b, abs != NULL ? abs : e->dir);
	free(abs);
	buf_addc(b, '\0');
	buf_printf(b, "%d %04d-%02d-%02d", (int)e->kind, e->year, e->month,
	    e->day);
	buf_addc(b, '\0');
	buf_adds(b, e->paper != NULL ? e->paper : "");
	if (e->kind == LIBRARY_DATED && e->nfiles > 0) {
		buf_addc(b, '\0');
		buf_adds(b, e->files[0].name);
	}
}

/* Names, sizes and times of E's files (library_stat() first). */
static void
library_index_files(const struct library_issue *e, struct buf *b)
{
	size_t	i;

	for (i = 0; i < e->nfiles; i++) {
		buf_adds(b, e->files[i].name);
		buf_addc(b, '\0');
		buf_printf(b, "%lld %lld", e->files[i].size, e->files[i].mtime);
		buf_addc(b, '\0');
	}
}

static sqlite3_stmt *
library_index_stmt(struct library_index *ix, sqlite3_stmt **st,
    const char *sql)
{
	if (*st == NULL && sqlite3_prepare_v2(ix->db, sql, -1, st, NULL) !=
	    SQLITE_OK) {
		if (library_index_is_damage(sqlite3_errcode(ix->db)))
			ix->damaged = true;
		*st = NULL;
	}
	return *st;
}

/*
 * Look issue I up: its row when it is fresh (the statement stepped to
 * it; columns 0 folded, 1 tree), else NULL. The caller resets it.
 */
static sqlite3_stmt *
library_index_row(struct library_index *ix, struct library *lib, size_t i,
    bool variants)
{
	const struct library_issue	*e = library_entry(lib, i);
	struct buf			 key, files;
	sqlite3_stmt			*st;
	const void			*f;
	bool				 ok = false;
	int				 rc;

	if (ix == NULL || ix->damaged || e == NULL ||
	    e->kind == LIBRARY_MEMORY)
		return NULL;
	st = library_index_stmt(ix, &ix->get, "SELECT folded, tree, files,"
	    " variants, fold FROM issues WHERE key = ?");
	if (st == NULL)
		return NULL;
	library_stat(lib, i);
	buf_init(&key);
	buf_init(&files);
	library_index_key(e, &key);
	library_index_files(e, &files);
	sqlite3_bind_blob(st, 1, key.data, (int)key.len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		f = sqlite3_column_blob(st, 2);
		ok = (size_t)sqlite3_column_bytes(st, 2) == files.len &&
		    (files.len == 0 || memcmp(f, files.data, files.len) == 0) &&
		    sqlite3_column_int(st, 3) == (int)variants &&
		    sqlite3_column_int(st, 4) == FOLD_VERSION;
	} else if (library_index_is_damage(rc))
		ix->damaged = true;
	if (!ok)
		sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	buf_clear(&key);
	buf_clear(&files);
	return ok ? st : NULL;
}

bool
library_index_fresh(struct library_index *ix, struct library *lib, size_t i,
    bool variants)
{
	sqlite3_stmt	*st = library_index_row(ix, lib, i, variants);

	if (st == NULL)
		return false;
	sqlite3_reset(st);
	return true;
}

bool
library_index_find(struct library_index *ix, struct library *lib, size_t i,
    bool variants)
{
	return library_index_row(ix, lib, i, variants) != NULL;
}

/* Blob column K of the row found, borrowed; "" when empty. */
static const void *
library_index_column(struct library_index *ix, int k, size_t *len)
{
	const void	*p;

	p = sqlite3_column_blob(ix->get, k);
	*len = (size_t)sqlite3_column_bytes(ix->get, k);
	if (p == NULL) {
		if (library_index_is_damage(sqlite3_errcode(ix->db)))
			ix->damaged = true;
		*len = 0;
		return "";
	}
	return p;
}

const char *
library_index_folded(struct library_index *ix, size_t *len)
{
	return library_index_column(ix, 0, len);
}

const void *
library_index_tree(struct library_index *ix, size_t *len)
{
	return library_index_column(ix, 1, len);
}

void
library_index_done(struct library_index *ix)
{
	if (ix != NULL && ix->get != NULL)
		sqlite3_reset(ix->get);
}

/* ------------------------------------------------------------------ */
/* Writing. */

static int
library_index_fail(struct library_index *ix, char **cause)
{
	if (library_index_is_damage(sqlite3_errcode(ix->db)))
		ix->damaged = true;
	*cause = xasprintf(_("%s: cannot write the search index: %s"),
	    ix->path, sqlite3_errmsg(ix->db));
	return -1;
}

int
library_index_begin(struct library_index *ix, char **cause)
{
	if (ix->in_tx)
		return 0;
	if (sqlite3_exec(ix->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return library_index_fail(ix, cause);
	ix->in_tx = true;
	return 0;
}

int
library_index_end(struct library_index *ix, char **cause)
{
	if (!ix->in_tx)
		return 0;
	ix->in_tx = false;
	if (sqlite3_exec(ix->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		library_index_fail(ix, cause);	/* before ROLLBACK's own */
		if (!sqlite3_get_autocommit(ix->db))
			sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* Bind the issue's small columns: key, files, variants, paper, date. */
static void
library_index_bind(sqlite3_stmt *st, const struct library_issue *e,
    const struct buf *key, const struct buf *files, bool variants)
{
	char	date[16];

	snprintf(date, sizeof date, "%04d-%02d-%02d", e->year % 10000,
	    e->month % 100, e->day % 100);
	sqlite3_bind_blob(st, 1, key->data, (int)key->len, SQLITE_TRANSIENT);
	sqlite3_bind_blob(st, 2, files->len > 0 ? files->data : "",
	    (int)files->len, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, variants);
	sqlite3_bind_int(st, 4, FOLD_VERSION);
	if (e->paper != NULL)
		sqlite3_bind_text(st, 5, e->paper, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 5);
	sqlite3_bind_text(st, 6, date, -1, SQLITE_TRANSIENT);
}

int
library_index_put(struct library_index *ix, struct library *lib, size_t i,
    const struct issue *is, const char *folded, size_t flen, bool variants,
    char **cause)
{
	const struct library_issue	*e = library_entry(lib, i);
	struct buf			 key, files;
	sqlite3_stmt			*st;
	int				 rc;

	if (e == NULL || e->kind == LIBRARY_MEMORY || !ix->write ||
	    flen > INT_MAX)
		return 0;
	st = library_index_stmt(ix, &ix->put, "INSERT OR REPLACE INTO issues"
	    "(key, files, variants, fold, paper, date, folded, tree)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	if (st == NULL)
		return library_index_fail(ix, cause);
	buf_init(&key);
	buf_init(&files);
	library_index_key(e, &key);
	library_index_files(e, &files);
	ix->tree.len = 0;
	library_pack(is, &ix->tree);
	library_index_bind(st, e, &key, &files, variants);
	sqlite3_bind_blob(st, 7, flen > 0 ? folded : "", (int)flen,
	    SQLITE_STATIC);
	sqlite3_bind_blob(st, 8, ix->tree.data, (int)ix->tree.len,
	    SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	buf_clear(&key);
	buf_clear(&files);
	return rc == SQLITE_DONE ? 0 : library_index_fail(ix, cause);
}

int
library_index_add(struct library_index *ix, struct library *lib, size_t i,
    struct fold *f, char **cause)
{
	const struct issue	*is;
	int			 rc;

	if (library_index_fresh(ix, lib, i, fold_variants(f)))
		return 0;
	is = library_get(lib, i);	/* stats the files, then reads them */
	search_fold_issue(f, is, &ix->fold);
	rc = library_index_put(ix, lib, i, is, ix->fold.s != NULL ?
	    ix->fold.s : "", ix->fold.len, fold_variants(f), cause);
	return rc < 0 ? -1 : 1;
}

/* Is KEY[0..KLEN) a key of an issue under the folder ROOT? */
static bool
library_index_under(const void *key, size_t klen, const char *root)
{
	size_t	rn = strlen(root);
	char	c;

	if (klen <= rn || memcmp(key, root, rn) != 0)
		return false;
	c = ((const char *)key)[rn];
	return c == '/' || c == '\0';
}

/* Is KEY[0..KLEN) one of the keys in KEEP? */
static bool
library_index_kept(const void *key, size_t klen, const struct buf *keep,
    size_t nkeep)
{
	size_t	i;

	for (i = 0; i < nkeep; i++)
		if (keep[i].len == klen && memcmp(keep[i].data, key, klen) ==
		    0)
			return true;
	return false;
}

/* Delete the rows whose keys are in GONE. */
static size_t
library_index_delete(struct library_index *ix, const struct buf *gone,
    size_t ngone)
{
	sqlite3_stmt	*del;
	size_t		 i, n = 0;

	if (sqlite3_prepare_v2(ix->db, "DELETE FROM issues WHERE key = ?", -1,
	    &del, NULL) != SQLITE_OK)
		return 0;
	for (i = 0; i < ngone; i++) {
		sqlite3_bind_blob(del, 1, gone[i].data, (int)gone[i].len,
		    SQLITE_STATIC);
		n += sqlite3_step(del) == SQLITE_DONE &&
		    sqlite3_changes(ix->db) > 0;
		sqlite3_reset(del);
	}
	sqlite3_finalize(del);
	return n;
}

size_t
library_index_prune(struct library_index *ix, struct library *lib,
    const char *root)
{
	sqlite3_stmt	*st;
	struct buf	*keep, *gone = NULL;
	const void	*k;
	char		*abs;
	size_t		 i, n = 0, ngone = 0, gonecap = 0, nkeep;
	size_t		 klen;

	if (ix == NULL || !ix->write || (abs = realpath(root, NULL)) == NULL)
		return 0;
	nkeep = library_count(lib);
	keep = xcalloc(nkeep + 1, sizeof *keep);
	for (i = 0; i < nkeep; i++)
		library_index_key(library_entry(lib, i), &keep[i]);
	if (sqlite3_prepare_v2(ix->db, "SELECT key FROM issues", -1, &st,
	    NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			k = sqlite3_column_blob(st, 0);
			klen = (size_t)sqlite3_column_bytes(st, 0);
			if (!library_index_under(k, klen, abs) ||
			    library_index_kept(k, klen, keep, nkeep))
				continue;
			gone = util_grow(gone, &gonecap, ngone + 1,
			    sizeof *gone);
			buf_init(&gone[ngone]);
			buf_add(&gone[ngone++], k, klen);
		}
		sqlite3_finalize(st);
	}
	n = library_index_delete(ix, gone, ngone);
	for (i = 0; i < ngone; i++)
		buf_clear(&gone[i]);
	for (i = 0; i < nkeep; i++)
		buf_clear(&keep[i]);
	free(gone);
	free(keep);
	free(abs);
	return n;
}
