/*
 * library-state.c -- the reading state in SQLite (library-state.h).
 *
 * Schema version 1 (PRAGMA user_version):
 *
 *	positions(paper, date, page, page_ord, art, art_hash, field, idx,
 *	    off, at)			one row per issue: the last position
 *	reads(paper, date, page, page_ord, art, art_hash, at)
 *					one row per article read
 *	issues(paper, date, narts)	articles of each issue parsed
 *	bookmarks(id, paper, date, page, page_ord, art, art_hash, field,
 *	    idx, off, title, note, at)
 *
 * An issue is (paper, date): the paper key ("" when unknown) and the
 * date as YYYY-MM-DD ("" when unknown).
 */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "i18n.h"
#include "library-state.h"
#include "util.h"

#define LIBRARY_STATE_VERSION	1
/* Positions library_state_recent() gives at most. */
#define LIBRARY_STATE_RECENT	64
/* How long a write waits for another dubao holding the lock. */
#define LIBRARY_STATE_BUSY_MS	5000

struct library_state {
	sqlite3		*db;		/* NULL: no state file */
	char		*path;
	char		*note;		/* said once the file was mended */
};

static const char library_state_schema[] =
	"CREATE TABLE IF NOT EXISTS positions(paper TEXT NOT NULL,"
	" date TEXT NOT NULL, page INT, page_ord INT, art INT, art_hash INT,"
	" field INT, idx INT, off INT, at INT, PRIMARY KEY(paper, date));"
	"CREATE TABLE IF NOT EXISTS reads(paper TEXT NOT NULL,"
	" date TEXT NOT NULL, page INT, page_ord INT, art INT, art_hash INT,"
	" at INT, PRIMARY KEY(paper, date, page_ord, art, art_hash));"
	"CREATE TABLE IF NOT EXISTS issues(paper TEXT NOT NULL,"
	" date TEXT NOT NULL, narts INT, PRIMARY KEY(paper, date));"
	"CREATE TABLE IF NOT EXISTS bookmarks(id INTEGER PRIMARY KEY,"
	" paper TEXT NOT NULL, date TEXT NOT NULL, page INT, page_ord INT,"
	" art INT, art_hash INT, field INT, idx INT, off INT, title TEXT,"
	" note TEXT, at INT);"
	"PRAGMA user_version = 1;";

char *
library_state_default_path(void)
{
	const char	*x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/dubao/state.db", x);
	if (h != NULL && h[0] == '/')
		return xasprintf("%s/.local/state/dubao/state.db", h);
	return NULL;
}

/* mkdir -p of the folder of FILE (0700 for the folders made). */
static void
library_state_mkdirs(const char *file)
{
	char	*p = xstrdup(file), *s;

	if ((s = strrchr(p, '/')) != NULL)
		*s = '\0';
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

/* One integer from SQL (a PRAGMA); -1 on error, with *RC. */
static long long
library_state_int(sqlite3 *db, const char *sql, int *rc)
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
library_state_corrupt(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/*
 * Does the file hold the tables of this version, with their columns?
 * Every column the statements below use is named once; preparing reads
 * the schema only, however large the file. The SQLite code of the first
 * failure, else SQLITE_OK.
 */
static int
library_state_schema_rc(sqlite3 *db)
{
	static const char *const probe[] = {
		"SELECT paper, date, page, page_ord, art, art_hash, field,"
		" idx, off, at FROM positions",
		"SELECT paper, date, page, page_ord, art, art_hash, at"
		" FROM reads",
		"SELECT paper, date, narts FROM issues",
		"SELECT id, paper, date, page, page_ord, art, art_hash,"
		" field, idx, off, title, note, at FROM bookmarks",
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof probe / sizeof probe[0]; i++) {
		rc = sqlite3_prepare_v2(db, probe[i], -1, &st, NULL);
		sqlite3_finalize(st);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

/* Results of checking a file. */
#define LIBRARY_STATE_GOOD	0
#define LIBRARY_STATE_DAMAGED	1
#define LIBRARY_STATE_NEWER	2
#define LIBRARY_STATE_FAILED	3	/* cannot open or write at all */

/*
 * Open PATH and make the schema. The file is judged by what SQLite
 * reports, never scanned whole (an integrity check costs as much as the
 * file is large): damaged when SQLite finds it corrupt, or when its
 * tables are not this version's.
 */
static int
library_state_try(struct library_state *ls, const char *path)
{
	long long	v;
	int		rc;

	rc = sqlite3_open_v2(path, &ls->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		return LIBRARY_STATE_FAILED;
	sqlite3_busy_timeout(ls->db, LIBRARY_STATE_BUSY_MS);
	v = library_state_int(ls->db, "PRAGMA user_version", &rc);
	if (library_state_corrupt(rc))
		return LIBRARY_STATE_DAMAGED;
	if (rc != SQLITE_OK)
		return LIBRARY_STATE_FAILED;
	if (v > LIBRARY_STATE_VERSION)
		return LIBRARY_STATE_NEWER;
	sqlite3_exec(ls->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
	/* In WAL mode a commit is still atomic without a sync each time. */
	sqlite3_exec(ls->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
	rc = sqlite3_exec(ls->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(ls->db, library_state_schema, NULL, NULL,
		    NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(ls->db, "COMMIT", NULL, NULL, NULL);
	else
		sqlite3_exec(ls->db, "ROLLBACK", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = library_state_schema_rc(ls->db);
	if (library_state_corrupt(rc))
		return LIBRARY_STATE_DAMAGED;
	if (rc == SQLITE_ERROR)		/* another schema */
		return LIBRARY_STATE_DAMAGED;
	return rc == SQLITE_OK ? LIBRARY_STATE_GOOD : LIBRARY_STATE_FAILED;
}

/* Rename PATH (and its -wal and -shm) to PATH.WHY-TIME; the new name. */
static char *
library_state_move_aside(const char *path, const char *why)
{
	static const char *const ext[] = { "-wal", "-shm" };
	char		*to, *a, *b;
	size_t		 i;

	to = xasprintf("%s.%s-%lld", path, why, (long long)time(NULL));
	if (rename(path, to) != 0) {
		free(to);
		return NULL;
	}
	for (i = 0; i < 2; i++) {
		a = xasprintf("%s%s", path, ext[i]);
		b = xasprintf("%s%s", to, ext[i]);
		if (rename(a, b) != 0 && errno == ENOENT)
			remove(b);
		free(a);
		free(b);
	}
	return to;
}

static void
library_state_shut(struct library_state *ls)
{
	sqlite3_close(ls->db);
	ls->db = NULL;
}

/*
 * Open ls->path; when it is damaged or newer, move it aside and open a
 * fresh one. A note (translated, one line) when something had to be
 * said, else NULL.
 */
static char *
library_state_start(struct library_state *ls)
{
	char	*note = NULL, *to;
	int	 r;

	library_state_mkdirs(ls->path);
	r = library_state_try(ls, ls->path);
	if (r == LIBRARY_STATE_DAMAGED || r == LIBRARY_STATE_NEWER) {
		library_state_shut(ls);
		to = library_state_move_aside(ls->path,
		    r == LIBRARY_STATE_NEWER ? "newer" : "damaged");
		if (to != NULL)
			note = xasprintf(r == LIBRARY_STATE_NEWER ?
			    _("%s: written by a newer dubao; moved aside to "
			    "%s") : _("%s: damaged; moved aside to %s"),
			    ls->path, to);
		free(to);
		r = to != NULL ? library_state_try(ls, ls->path) :
		    LIBRARY_STATE_FAILED;
	}
	if (r != LIBRARY_STATE_GOOD) {
		if (note == NULL)
			note = xasprintf(_("%s: cannot keep the reading "
			    "state: %s"), ls->path, ls->db != NULL ?
			    sqlite3_errmsg(ls->db) : strerror(errno));
		library_state_shut(ls);
	}
	return note;
}

struct library_state *
library_state_open(const char *path, char **note)
{
	struct library_state	*ls = xcalloc(1, sizeof *ls);

	*note = NULL;
	ls->path = path != NULL ? xstrdup(path) :
	    library_state_default_path();
	if (ls->path != NULL)
		*note = library_state_start(ls);
	return ls;
}

/*
 * SQLite found the open file corrupt while using it: it goes aside as
 * at open, and the reader carries on with a fresh one; the note waits
 * for library_state_take_note().
 */
static void
library_state_mend(struct library_state *ls)
{
	char	*to;

	library_state_shut(ls);
	free(ls->note);
	if ((to = library_state_move_aside(ls->path, "damaged")) == NULL) {
		ls->note = xasprintf(_("%s: cannot keep the reading state: %s"),
		    ls->path, strerror(errno));
		return;
	}
	ls->note = xasprintf(_("%s: damaged; moved aside to %s"), ls->path,
	    to);
	free(to);
	if (library_state_try(ls, ls->path) != LIBRARY_STATE_GOOD)
		library_state_shut(ls);
}

char *
library_state_take_note(struct library_state *ls)
{
	char	*note = ls->note;

	ls->note = NULL;
	return note;
}

void
library_state_close(struct library_state *ls)
{
	if (ls == NULL)
		return;
	library_state_shut(ls);
	free(ls->note);
	free(ls->path);
	free(ls);
}

bool
library_state_ok(const struct library_state *ls)
{
	return ls->db != NULL;
}

/* ------------------------------------------------------------------ */
/* Statements. */

/* Prepare SQL; NULL when there is no state or it fails. */
static sqlite3_stmt *
library_state_prepare(struct library_state *ls, const char *sql)
{
	sqlite3_stmt	*st;

	if (ls->db == NULL ||
	    sqlite3_prepare_v2(ls->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

/* "YYYY-MM-DD" of POS, or "". */
static void
library_state_date(const struct position *pos, char *buf)
{
	if (pos->year == 0)
		buf[0] = '\0';
	else
		snprintf(buf, 16, "%04d-%02d-%02d", pos->year % 10000,
		    pos->month % 100, pos->day % 100);
}

/* Bind the issue key of POS to parameters 1 and 2. */
static void
library_state_bind_key(sqlite3_stmt *st, const struct position *pos)
{
	char	date[16];

	library_state_date(pos, date);
	sqlite3_bind_text(st, 1, pos->paper, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
}

/* Bind page, page_ord, art, art_hash of POS from parameter K on. */
static void
library_state_bind_article(sqlite3_stmt *st, int k,
    const struct position *pos)
{
	sqlite3_bind_int(st, k, pos->page);
	sqlite3_bind_int64(st, k + 1, pos->page_ord);
	sqlite3_bind_int64(st, k + 2, pos->art);
	sqlite3_bind_int64(st, k + 3, pos->art_hash);
}

/* Bind field, idx, off of POS from parameter K on. */
static void
library_state_bind_place(sqlite3_stmt *st, int k, const struct position *pos)
{
	sqlite3_bind_int(st, k, (int)pos->field);
	sqlite3_bind_int64(st, k + 1, pos->index);
	sqlite3_bind_int64(st, k + 2, (sqlite3_int64)pos->off);
}

static void library_state_mend(struct library_state *);

/*
 * Free ST, whose last step gave RC. When SQLite found the file corrupt
 * there, it is moved aside and a fresh one made (library_state_mend()).
 */
static void
library_state_finish(struct library_state *ls, sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	if (library_state_corrupt(rc))
		library_state_mend(ls);
}

/* Run a prepared change to the end and free it. */
static void
library_state_run(struct library_state *ls, sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	library_state_finish(ls, st, sqlite3_step(st));
}

/* Column K on of a row into the article and place parts of *POS. */
static void
library_state_column_pos(sqlite3_stmt *st, int k, struct position *pos,
    bool place)
{
	long long	f;

	pos->page = sqlite3_column_int(st, k);
	pos->page_ord = (unsigned)sqlite3_column_int64(st, k + 1);
	pos->art = (unsigned)sqlite3_column_int64(st, k + 2);
	pos->art_hash = (uint32_t)sqlite3_column_int64(st, k + 3);
	if (!place)
		return;
	f = sqlite3_column_int64(st, k + 4);
	pos->field = f >= ARTICLE_F_NONE && f <= ARTICLE_F_MASTHEAD ?
	    (enum article_field)f : ARTICLE_F_NONE;
	pos->index = (unsigned)sqlite3_column_int64(st, k + 5);
	f = sqlite3_column_int64(st, k + 6);
	pos->off = f > 0 ? (size_t)f : 0;
}

static void library_state_column_key(sqlite3_stmt *, int,
    struct position *);

/* ------------------------------------------------------------------ */
/* Positions. */

void
library_state_set_position(struct library_state *ls,
    const struct position *pos)
{
	sqlite3_stmt	*st;

	st = library_state_prepare(ls, "INSERT OR REPLACE INTO positions"
	    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (st == NULL)
		return;
	library_state_bind_key(st, pos);
	library_state_bind_article(st, 3, pos);
	library_state_bind_place(st, 7, pos);
	sqlite3_bind_int64(st, 10, (sqlite3_int64)time(NULL));
	library_state_run(ls, st);
}

bool
library_state_position(struct library_state *ls, const struct position *key,
    struct position *out)
{
	sqlite3_stmt	*st;
	bool		 found = false;
	int		 rc;

	st = library_state_prepare(ls, "SELECT page, page_ord, art, art_hash,"
	    " field, idx, off FROM positions WHERE paper = ?1 AND date = ?2");
	if (st == NULL)
		return false;
	library_state_bind_key(st, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = *key;
		library_state_column_pos(st, 0, out, true);
		found = true;
	}
	library_state_finish(ls, st, rc);
	return found;
}

size_t
library_state_recent(struct library_state *ls, struct position **out)
{
	sqlite3_stmt	*st;
	int		 rc;
	size_t		 n = 0, cap = 0;

	*out = NULL;
	st = library_state_prepare(ls, "SELECT paper, date, page, page_ord,"
	    " art, art_hash, field, idx, off FROM positions"
	    " ORDER BY at DESC, rowid DESC LIMIT ?1");
	if (st == NULL)
		return 0;
	sqlite3_bind_int(st, 1, LIBRARY_STATE_RECENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = util_grow(*out, &cap, n + 1, sizeof **out);
		memset(&(*out)[n], 0, sizeof **out);
		library_state_column_key(st, 0, &(*out)[n]);
		library_state_column_pos(st, 2, &(*out)[n], true);
		n++;
	}
	library_state_finish(ls, st, rc);
	return n;
}

/* ------------------------------------------------------------------ */
/* Read marks and counts. */

void
library_state_mark_read(struct library_state *ls, const struct position *pos)
{
	sqlite3_stmt	*st;

	st = library_state_prepare(ls, "INSERT OR IGNORE INTO reads"
	    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (st == NULL)
		return;
	library_state_bind_key(st, pos);
	library_state_bind_article(st, 3, pos);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)time(NULL));
	library_state_run(ls, st);
}

size_t
library_state_reads(struct library_state *ls, const struct position *key,
    struct position **out)
{
	sqlite3_stmt	*st;
	int		 rc;
	size_t		 n = 0, cap = 0;

	*out = NULL;
	st = library_state_prepare(ls, "SELECT page, page_ord, art, art_hash"
	    " FROM reads WHERE paper = ?1 AND date = ?2");
	if (st == NULL)
		return 0;
	library_state_bind_key(st, key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = util_grow(*out, &cap, n + 1, sizeof **out);
		(*out)[n] = *key;
		library_state_column_pos(st, 0, &(*out)[n], false);
		(*out)[n].field = ARTICLE_F_NONE;
		(*out)[n].index = 0;
		(*out)[n].off = 0;
		n++;
	}
	library_state_finish(ls, st, rc);
	return n;
}

/* One count for the issue KEY names from SQL; -1 when there is none. */
static long
library_state_key_count(struct library_state *ls, const char *sql,
    const struct position *key)
{
	sqlite3_stmt	*st;
	int		 rc;
	long		 n = -1;

	if ((st = library_state_prepare(ls, sql)) == NULL)
		return -1;
	library_state_bind_key(st, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		n = (long)sqlite3_column_int64(st, 0);
	library_state_finish(ls, st, rc);
	return n;
}

long
library_state_read_count(struct library_state *ls,
    const struct position *key)
{
	long	n;

	n = library_state_key_count(ls, "SELECT COUNT(*) FROM reads"
	    " WHERE paper = ?1 AND date = ?2", key);
	return n < 0 ? 0 : n;
}

void
library_state_set_count(struct library_state *ls, const struct position *key,
    long narts)
{
	sqlite3_stmt	*st;

	if (library_state_count(ls, key) == narts)
		return;
	st = library_state_prepare(ls, "INSERT OR REPLACE INTO issues"
	    " VALUES(?1, ?2, ?3)");
	if (st == NULL)
		return;
	library_state_bind_key(st, key);
	sqlite3_bind_int64(st, 3, narts);
	library_state_run(ls, st);
}

long
library_state_count(struct library_state *ls, const struct position *key)
{
	return library_state_key_count(ls, "SELECT narts FROM issues"
	    " WHERE paper = ?1 AND date = ?2", key);
}

/* ------------------------------------------------------------------ */
/* Bookmarks. */

long long
library_state_add_bookmark(struct library_state *ls,
    const struct position *pos, const char *title, const char *note)
{
	sqlite3_stmt	*st;
	int		 rc;
	long long	 id = -1;

	st = library_state_prepare(ls, "INSERT INTO bookmarks(paper, date,"
	    " page, page_ord, art, art_hash, field, idx, off, title, note, at)"
	    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	if (st == NULL)
		return -1;
	library_state_bind_key(st, pos);
	library_state_bind_article(st, 3, pos);
	library_state_bind_place(st, 7, pos);
	sqlite3_bind_text(st, 10, title != NULL ? title : "", -1,
	    SQLITE_TRANSIENT);
	if (note != NULL && *note != '\0')
		sqlite3_bind_text(st, 11, note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 12, (sqlite3_int64)time(NULL));
	if ((rc = sqlite3_step(st)) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(ls->db);
	library_state_finish(ls, st, rc);
	return id;
}

/* Paper and date columns K, K+1 into the key of *POS. */
static void
library_state_column_key(sqlite3_stmt *st, int k, struct position *pos)
{
	const char	*date = (const char *)sqlite3_column_text(st, k + 1);

	position_set_paper(pos, (const char *)sqlite3_column_text(st, k));
	if (date == NULL || sscanf(date, "%d-%d-%d", &pos->year, &pos->month,
	    &pos->day) != 3)
		pos->year = pos->month = pos->day = 0;
}

static char *
library_state_column_str(sqlite3_stmt *st, int k)
{
	const unsigned char	*s = sqlite3_column_text(st, k);

	return s != NULL ? xstrdup((const char *)s) : NULL;
}

size_t
library_state_bookmarks(struct library_state *ls,
    struct library_bookmark **out)
{
	sqlite3_stmt		*st;
	struct library_bookmark	*b;
	size_t			 n = 0, cap = 0;
	int			 rc;

	*out = NULL;
	st = library_state_prepare(ls, "SELECT id, paper, date, page,"
	    " page_ord, art, art_hash, field, idx, off, title, note, at"
	    " FROM bookmarks ORDER BY at DESC, id DESC");
	if (st == NULL)
		return 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = util_grow(*out, &cap, n + 1, sizeof **out);
		b = &(*out)[n++];
		memset(b, 0, sizeof *b);
		b->id = sqlite3_column_int64(st, 0);
		library_state_column_key(st, 1, &b->pos);
		library_state_column_pos(st, 3, &b->pos, true);
		b->title = library_state_column_str(st, 10);
		b->note = library_state_column_str(st, 11);
		b->created = sqlite3_column_int64(st, 12);
	}
	library_state_finish(ls, st, rc);
	return n;
}

void
library_state_delete_bookmark(struct library_state *ls, long long id)
{
	sqlite3_stmt	*st;

	st = library_state_prepare(ls, "DELETE FROM bookmarks WHERE id = ?1");
	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, id);
	library_state_run(ls, st);
}

void
library_bookmarks_free(struct library_bookmark *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].note);
	}
	free(v);
}
