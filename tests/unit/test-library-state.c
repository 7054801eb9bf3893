/*
 * test-library-state.c -- the reading state in SQLite: last positions,
 * read marks, counts and bookmarks survive closing and opening again;
 * two processes writing at once lose nothing; a damaged file and a file
 * from a newer dubao are moved aside with a note, and the state works
 * on; damage in a table is found when that table is read, not by
 * scanning the whole file at every open.
 */
#include <config.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "library-state.h"
#include "util.h"
#include "tcheck.h"

static char	*tmp;

static struct position
key(const char *paper, int y, int m, int d)
{
	struct position	p;

	memset(&p, 0, sizeof p);
	position_set_paper(&p, paper);
	p.year = y;
	p.month = m;
	p.day = d;
	return p;
}

static struct library_state *
open_state(const char *name, char **note)
{
	char			*p = xasprintf("%s/%s", tmp, name);
	struct library_state	*ls = library_state_open(p, note);

	free(p);
	return ls;
}

static void
test_roundtrip(void)
{
	struct library_state	*ls;
	struct position		 k = key("人民日报", 2019, 2, 1), p, got, *reads;
	struct library_bookmark	*bm;
	char			*note;
	size_t			 n;

	ls = open_state("s/state.db", &note);
	CHECK(note == NULL && library_state_ok(ls));
	CHECK(!library_state_position(ls, &k, &got));
	p = k;
	p.page = 3;
	p.page_ord = 2;
	p.art = 4;
	p.art_hash = 0xdeadbeef;
	p.field = ARTICLE_F_PARA;
	p.index = 7;
	p.off = 123;
	library_state_set_position(ls, &p);
	library_state_mark_read(ls, &p);
	library_state_mark_read(ls, &p);	/* once is enough */
	p.art = 5;
	library_state_mark_read(ls, &p);
	library_state_set_count(ls, &k, 72);
	CHECK(library_state_add_bookmark(ls, &p, "标题", "要再读") > 0);
	CHECK(library_state_add_bookmark(ls, &k, "另一篇", NULL) > 0);
	library_state_close(ls);

	ls = open_state("s/state.db", &note);
	CHECK(note == NULL);
	CHECK(library_state_position(ls, &k, &got));
	CHECK(got.page == 3 && got.page_ord == 2 && got.art == 4 &&
	    got.art_hash == 0xdeadbeef && got.field == ARTICLE_F_PARA &&
	    got.index == 7 && got.off == 123);
	CHECK_STR(got.paper, "人民日报");
	CHECK(library_state_read_count(ls, &k) == 2);
	n = library_state_reads(ls, &k, &reads);
	CHECK(n == 2 && reads[0].art_hash == 0xdeadbeef);
	free(reads);
	CHECK(library_state_count(ls, &k) == 72);
	k.day = 2;
	CHECK(library_state_count(ls, &k) == -1);
	CHECK(library_state_read_count(ls, &k) == 0);
	n = library_state_bookmarks(ls, &bm);
	CHECK(n == 2);
	if (n == 2) {
		/* Newest first. */
		CHECK_STR(bm[0].title, "另一篇");
		CHECK(bm[0].note == NULL);
		CHECK_STR(bm[1].note, "要再读");
		CHECK(bm[1].pos.year == 2019 && bm[1].pos.day == 1 &&
		    bm[1].pos.off == 123);
		library_state_delete_bookmark(ls, bm[0].id);
	}
	library_bookmarks_free(bm, n);
	n = library_state_bookmarks(ls, &bm);
	CHECK(n == 1);
	library_bookmarks_free(bm, n);
	library_state_close(ls);
}

/* Children write bookmarks and read marks at the same time. */
static void
test_two_writers(void)
{
	struct library_state	*ls;
	struct library_bookmark	*bm;
	struct position		 k = key("报", 2020, 1, 1), p;
	char			*note;
	pid_t			 pid[2];
	int			 c, i, status, ok = 1;
	size_t			 n;

	/* The file exists before they start (as after a first run). */
	library_state_close(open_state("w/state.db", &note));
	for (c = 0; c < 2; c++) {
		if ((pid[c] = fork()) == 0) {
			ls = open_state("w/state.db", &note);
			p = k;
			for (i = 0; i < 100; i++) {
				p.art = (unsigned)(c * 1000 + i);
				library_state_mark_read(ls, &p);
				library_state_add_bookmark(ls, &p, "t", NULL);
				library_state_set_position(ls, &p);
			}
			library_state_close(ls);
			_exit(note == NULL ? 0 : 1);
		}
	}
	for (c = 0; c < 2; c++)
		if (waitpid(pid[c], &status, 0) != pid[c] ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			ok = 0;
	CHECK(ok);
	ls = open_state("w/state.db", &note);
	CHECK(library_state_read_count(ls, &k) == 200);
	n = library_state_bookmarks(ls, &bm);
	CHECK(n == 200);
	library_bookmarks_free(bm, n);
	library_state_close(ls);
}

static void
test_damaged(void)
{
	struct library_state	*ls;
	struct position		 k = key("", 0, 0, 0), got;
	char			*note, *p;
	FILE			*fp;
	struct stat		 st;

	p = xasprintf("%s/d/state.db", tmp);
	ls = open_state("d/state.db", &note);
	library_state_set_position(ls, &k);
	library_state_close(ls);
	/* Garbage over the file. */
	fp = fopen(p, "w");
	fputs("this is no database at all, just some text that was written"
	    " over it by mistake, long enough to fill a header........\n",
	    fp);
	fclose(fp);
	ls = open_state("d/state.db", &note);
	CHECK(note != NULL && strstr(note, "damaged") != NULL &&
	    strchr(note, '\n') == NULL);
	CHECK(library_state_ok(ls));
	/* Carries on with a fresh file. */
	CHECK(!library_state_position(ls, &k, &got));
	library_state_set_position(ls, &k);
	CHECK(library_state_position(ls, &k, &got));
	library_state_close(ls);
	free(note);
	/* The old file is kept beside it. */
	CHECK(stat(p, &st) == 0);
	free(p);
}

/* Overwrite the root pages of table TABLE and its key index with junk. */
static void
spoil_table(const char *path, const char *table)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	FILE		*fp;
	long		 psize = 0, root[2];
	int		 n = 0, i;
	char		*junk;

	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master"
	    " WHERE tbl_name = ?1 AND (type = 'table' OR name LIKE"
	    " 'sqlite_autoindex_%')", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (n < 2 && sqlite3_step(st) == SQLITE_ROW)
		root[n++] = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, NULL) ==
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		psize = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	/* Last connection closed: the WAL is folded into the file. */
	sqlite3_close(db);
	CHECK(n == 2 && psize >= 512);
	junk = xmalloc((size_t)psize);
	memset(junk, 0x5a, (size_t)psize);
	fp = fopen(path, "r+b");
	CHECK(fp != NULL);
	for (i = 0; fp != NULL && i < n; i++) {
		fseek(fp, (root[i] - 1) * psize, SEEK_SET);
		fwrite(junk, 1, (size_t)psize, fp);
	}
	if (fp != NULL)
		fclose(fp);
	free(junk);
}

/*
 * A table whose pages are spoiled, in a file whose header and schema are
 * sound: opening says nothing (no integrity scan at each open), the
 * other tables are read as before, and reading the spoiled one moves the
 * file aside with a one-line note and carries on with a fresh file.
 */
static void
test_damaged_page(void)
{
	struct library_state	*ls;
	struct position		 k = key("人民日报", 2019, 2, 1), a, got;
	char			*note, *p;
	int			 i;

	p = xasprintf("%s/p/state.db", tmp);
	ls = open_state("p/state.db", &note);
	library_state_set_position(ls, &k);
	for (i = 0; i < 2000; i++) {
		a = k;
		a.page = 1 + i / 100;
		a.page_ord = (unsigned)i / 100;
		a.art = (unsigned)i % 100;
		library_state_mark_read(ls, &a);
	}
	CHECK(library_state_read_count(ls, &k) == 2000);
	library_state_close(ls);
	spoil_table(p, "reads");

	ls = open_state("p/state.db", &note);
	CHECK(note == NULL);
	free(note);
	CHECK(library_state_take_note(ls) == NULL);
	CHECK(library_state_position(ls, &k, &got) && got.page == k.page);
	/* Reading the marks finds the damage. */
	library_state_read_count(ls, &k);
	note = library_state_take_note(ls);
	CHECK(note != NULL && strstr(note, "damaged") != NULL &&
	    strchr(note, '\n') == NULL);
	free(note);
	CHECK(library_state_take_note(ls) == NULL);
	/* On with a fresh file. */
	CHECK(library_state_ok(ls));
	CHECK(library_state_read_count(ls, &k) == 0);
	library_state_mark_read(ls, &k);
	CHECK(library_state_read_count(ls, &k) == 1);
	library_state_close(ls);
	ls = open_state("p/state.db", &note);
	CHECK(note == NULL && library_state_read_count(ls, &k) == 1);
	library_state_close(ls);
	free(p);
}

static void
test_newer(void)
{
	struct library_state	*ls;
	sqlite3			*db;
	char			*note, *p;

	p = xasprintf("%s/n/state.db", tmp);
	ls = open_state("n/state.db", &note);
	library_state_close(ls);
	CHECK(sqlite3_open(p, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL,
	    NULL) == SQLITE_OK);
	sqlite3_close(db);
	ls = open_state("n/state.db", &note);
	CHECK(note != NULL && strstr(note, "newer") != NULL);
	CHECK(library_state_ok(ls));
	library_state_close(ls);
	free(note);
	/* Opened again: the fresh file is ours, nothing to say. */
	ls = open_state("n/state.db", &note);
	CHECK(note == NULL);
	library_state_close(ls);
	free(p);
}

static void
test_unwritable(void)
{
	struct library_state	*ls;
	struct position		 k = key("x", 2000, 1, 1), got;
	char			*note;

	/* A folder where the file should be: no state, a note, no crash. */
	ls = open_state("", &note);
	CHECK(note != NULL);
	CHECK(!library_state_ok(ls));
	library_state_set_position(ls, &k);
	CHECK(!library_state_position(ls, &k, &got));
	library_state_close(ls);
	free(note);
}

int
main(void)
{
	char	*cmd;
	int	 rv;

	TSTART();
	tmp = xasprintf("%s/dubao-test-state.XXXXXX", getenv("TMPDIR") !=
	    NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmp) == NULL)
		return 99;
	test_roundtrip();
	test_two_writers();
	test_damaged();
	test_damaged_page();
	test_newer();
	test_unwritable();
	rv = TDONE();
	cmd = xasprintf("rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		rv = 99;
	free(cmd);
	free(tmp);
	return rv;
}
