/*
 * test-library.c -- the catalogue and the cache (src/library*.c): issues
 * found from names in a generated archive, the catalogue cache that
 * spares an unchanged folder its readdir, symbolic links, the bound on
 * parsed issues, stable positions across a re-parse, and the corpus
 * folders when ../shared is there.
 */
#include <config.h>

#include <sys/stat.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "library.h"
#include "util.h"
#include "tcheck.h"

static char	*tmp;

static void
put(const char *rel, const char *text)
{
	char	*p = xasprintf("%s/%s", tmp, rel), *s;
	FILE	*fp;

	/* mkdir -p of the folders on the way. */
	for (s = p + strlen(tmp) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	if ((fp = fopen(p, "w")) == NULL) {
		perror(p);
		exit(99);
	}
	fputs(text, fp);
	fclose(fp);
	free(p);
}

static char *
at(const char *rel)
{
	return xasprintf("%s/%s", tmp, rel);
}

/* A crawler article: kicker, headline, subhead, one paragraph. */
static void
crawler(const char *dir, const char *name, const char *headline)
{
	char	*rel = xasprintf("%s/%s", dir, name);
	char	*text = xasprintf("\n%s\n\n　　%s的正文，内容完整。\n",
		    headline, headline);

	put(rel, text);
	free(rel);
	free(text);
}

static struct library *
scan(const char *rel, bool memo)
{
	struct library	*lib = library_new(NULL);
	char		*p = at(rel), *cause = NULL, *cdir;

	cdir = at("cache");
	library_set_cache_dir(lib, memo ? cdir : NULL);
	free(cdir);
	if (library_add_path(lib, p, NULL, NULL, &cause) != 0) {
		fprintf(stderr, "scan %s: %s\n", p, cause);
		free(cause);
	}
	free(p);
	return lib;
}

/* The same, walked in steps as the reader walks it (library_more()). */
static struct library *
scan_later(const char *rel, bool memo)
{
	struct library	*lib = library_new(NULL);
	char		*p = at(rel), *cause = NULL, *cdir;

	cdir = at("cache");
	library_set_cache_dir(lib, memo ? cdir : NULL);
	free(cdir);
	if (library_add_path_later(lib, p, &cause) != 0) {
		fprintf(stderr, "scan %s: %s\n", p, cause);
		free(cause);
	}
	while (library_more(lib, 1))
		continue;
	free(p);
	return lib;
}

static void
make_archive(void)
{
	/* A paper, three days of crawler issues, one with an ad. */
	crawler("arc/人民日报/2019年2月/20190201", "20190201-01-01.txt", "一版头条");
	crawler("arc/人民日报/2019年2月/20190201", "20190201-01-02.txt", "一版二条");
	crawler("arc/人民日报/2019年2月/20190201", "20190201-02-01.txt", "二版头条");
	put("arc/人民日报/2019年2月/20190201/20190201-03-01.txt", "\n广告\n\n");
	crawler("arc/人民日报/2019年2月/20190202", "20190202-01-01.txt", "次日头条");
	crawler("arc/人民日报/2019年2月/20190203", "20190203-01-01.txt", "三日头条");
	/* An issue folder of page files, dated by three folders. */
	put("arc/国防报/2021/12/07/01.txt", "标题一\n\n　　第一版的正文，内容完整。\n");
	put("arc/国防报/2021/12/07/第03版.txt",
	    "标题三\n\n　　第三版的正文，内容完整。\n");
	put("arc/国防报/2021/12/07/README.txt", "not an issue\n");
	/* Chronicling America pages of two papers on one day. */
	put("arc/dates/19160101/sn83030214-ed-1_seq-1.txt",
	    "NEW-YORK TRIBUNE\n\nWAR NEWS TODAY\n\nThe news of the day is "
	    "told here in full.\n");
	put("arc/dates/19160101/sn84026749-ed-1_seq-1.txt",
	    "THE WASHINGTON TIMES\n\nSNOW IN THE CITY\n\nThe snow fell all "
	    "day long in the city.\n");
	/* Files named by dates: an issue each. */
	put("arc/old/1999-12-31.txt", "世纪末\n\n　　最后一天的正文，内容完整。\n");
}

static size_t
find(struct library *lib, int y, int m, int d, const char *paper)
{
	const struct library_issue	*e;
	size_t				 i;

	for (i = 0; i < library_count(lib); i++) {
		e = library_entry(lib, i);
		if (e->year == y && e->month == m && e->day == d &&
		    (paper == NULL || (e->paper != NULL &&
		    strcmp(e->paper, paper) == 0)))
			return i;
	}
	return SIZE_MAX;
}

static void
test_catalogue(void)
{
	struct library			*lib = scan("arc", false);
	const struct library_issue	*e;
	const struct issue		*is;
	size_t				 i, k;

	/* 3 crawler days + 1 page folder + 2 papers + 1 dated file. */
	CHECK(library_count(lib) == 7);
	/* Sorted by date. */
	for (i = 1; i < library_count(lib); i++) {
		const struct library_issue *a = library_entry(lib, i - 1);

		e = library_entry(lib, i);
		CHECK(a->year * 10000 + a->month * 100 + a->day <=
		    e->year * 10000 + e->month * 100 + e->day);
	}
	/* Nothing parsed yet: names only. */
	for (i = 0; i < library_count(lib); i++)
		CHECK(library_entry(lib, i)->parsed == NULL);

	k = find(lib, 2019, 2, 1, "人民日报");
	CHECK(k != SIZE_MAX);
	e = library_entry(lib, k);
	CHECK(e->kind == LIBRARY_CRAWLER && e->nfiles == 4 && e->npages == 3);
	is = library_get(lib, k);
	CHECK(is->npages == 2 && e->narts == 3 && e->npages == 2);
	CHECK(e->files[0].size > 0 && e->files[0].mtime > 0);
	CHECK_STR(is->title, "人民日报");

	k = find(lib, 2021, 12, 7, "国防报");
	CHECK(k != SIZE_MAX && library_entry(lib, k)->kind == LIBRARY_PAGES);
	CHECK(library_entry(lib, k)->nfiles == 2);	/* README left out */
	is = library_get(lib, k);
	CHECK(is->npages == 2 && is->pages[1].number == 3);

	/* Two papers of one day: two issues, named by their codes. */
	CHECK(find(lib, 1916, 1, 1, "sn83030214") != SIZE_MAX);
	CHECK(find(lib, 1916, 1, 1, "sn84026749") != SIZE_MAX);
	k = find(lib, 1999, 12, 31, NULL);
	CHECK(k != SIZE_MAX && library_entry(lib, k)->kind == LIBRARY_DATED);

	/* > and <: the same paper, by date. */
	k = find(lib, 2019, 2, 1, "人民日报");
	CHECK(library_step(lib, k, 1) == find(lib, 2019, 2, 2, "人民日报"));
	CHECK(library_step(lib, find(lib, 2019, 2, 3, NULL), 1) == SIZE_MAX);
	CHECK(library_step(lib, k, -1) == SIZE_MAX);
	CHECK(library_step(lib, find(lib, 2019, 2, 3, NULL), -1) ==
	    find(lib, 2019, 2, 2, NULL));
	library_free(lib);
}

/* Set the modification time of folder REL back to T. */
static void
set_mtime(const char *rel, const struct timespec *t)
{
	struct timespec	 ts[2];
	char		*p = at(rel);

	ts[0] = ts[1] = *t;
	utimensat(AT_FDCWD, p, ts, 0);
	free(p);
}

static void
test_memo(void)
{
	struct library	*lib;
	struct stat	 st;
	char		*p, *cfile;
	size_t		 n;

	lib = scan("arc", true);
	n = library_count(lib);
	library_free(lib);
	cfile = at("cache");
	CHECK(stat(cfile, &st) == 0 && S_ISDIR(st.st_mode));
	free(cfile);

	/*
	 * A file slipped into a folder whose time is then set back: the
	 * memo still holds the old listing, which proves the folder was
	 * not read again; without the memo the file is seen.
	 */
	p = at("arc/人民日报/2019年2月/20190203");
	CHECK(stat(p, &st) == 0);
	crawler("arc/人民日报/2019年2月/20190203", "20190204-01-01.txt",
	    "偷偷加入");
	set_mtime("arc/人民日报/2019年2月/20190203", &st.st_mtim);
	lib = scan("arc", true);
	CHECK(library_count(lib) == n);
	library_free(lib);
	/* The reader's walk in steps uses the same memo. */
	lib = scan_later("arc", true);
	CHECK(library_count(lib) == n);
	library_free(lib);
	lib = scan("arc", false);
	CHECK(library_count(lib) == n + 1);
	library_free(lib);

	/* A new folder changes its parent's time: found with the memo. */
	crawler("arc/人民日报/2019年2月/20190205", "20190205-01-01.txt",
	    "新的一天");
	lib = scan_later("arc", true);
	CHECK(library_count(lib) == n + 1);
	library_free(lib);
	lib = scan("arc", true);
	CHECK(library_count(lib) == n + 1);
	CHECK(find(lib, 2019, 2, 5, "人民日报") != SIZE_MAX);
	CHECK(find(lib, 2019, 2, 4, "人民日报") == SIZE_MAX);
	library_free(lib);
	free(p);
}

static void
test_links(void)
{
	struct library	*lib;
	char		*a, *b;
	size_t		 n, i;
	bool		 loop = false;

	lib = scan("arc", false);
	n = library_count(lib);
	library_free(lib);
	/* A link to a folder seen elsewhere: skipped, and quietly. */
	a = at("arc/人民日报/2019年2月");
	b = at("arc/again");
	CHECK(symlink(a, b) == 0);
	lib = scan("arc", false);
	CHECK(library_count(lib) == n);
	CHECK(lib->diags.n == 0);
	library_free(lib);
	free(a);
	free(b);
	/* A link to a folder above: a loop, reported and not followed. */
	a = at("arc");
	b = at("arc/国防报/2021/up");
	CHECK(symlink(a, b) == 0);
	lib = scan("arc", false);
	CHECK(library_count(lib) == n);
	for (i = 0; i < lib->diags.n; i++)
		if (strstr(lib->diags.v[i].file, "2021/up") != NULL &&
		    strstr(lib->diags.v[i].message, "loop") != NULL)
			loop = true;
	CHECK(loop && lib->diags.n == 1);
	library_free(lib);
	unlink(b);
	free(a);
	free(b);
	b = at("arc/again");
	unlink(b);
	free(b);
}

static void
test_cache(void)
{
	struct library	*lib = scan("arc", false);
	size_t		 i, n = library_count(lib), parsed;

	library_set_cache_size(lib, 2, (size_t)1 << 30);
	library_pin(lib, 0);
	for (i = 1; i < n; i++)
		library_get(lib, i);
	for (parsed = 0, i = 0; i < n; i++)
		parsed += library_entry(lib, i)->parsed != NULL;
	/* Two unpinned trees and the pinned one; the oldest went. */
	CHECK(parsed == 3);
	CHECK(library_entry(lib, 0)->parsed != NULL);
	CHECK(library_entry(lib, 1)->parsed == NULL);
	CHECK(library_entry(lib, n - 1)->parsed != NULL);
	library_unpin(lib, 0);
	for (parsed = 0, i = 0; i < n; i++)
		parsed += library_entry(lib, i)->parsed != NULL;
	CHECK(parsed == 2);
	/* Got again: parsed again, the same text. */
	CHECK(library_get(lib, 1)->npages > 0);
	library_free(lib);
}

static void
test_positions(void)
{
	struct library		*lib;
	struct position		 pos;
	const struct issue	*is;
	size_t			 k, page, art;

	lib = scan("arc", false);
	k = find(lib, 2019, 2, 1, "人民日报");
	library_position(lib, k, 0, 1, &pos);
	CHECK_STR(pos.paper, "人民日报");
	CHECK(pos.year == 2019 && pos.page == 1 && pos.art == 1);
	CHECK(library_find(lib, &pos) == k);
	library_free(lib);

	/* An article comes in before it: the hash still finds it. */
	crawler("arc/人民日报/2019年2月/20190201", "20190201-01-00.txt",
	    "插进来的");
	lib = scan("arc", false);
	k = library_find(lib, &pos);
	CHECK(k != SIZE_MAX);
	is = library_get(lib, k);
	CHECK(position_locate(&pos, is, &page, &art));
	CHECK(page == 0 && art == 2);
	CHECK_STR(is->pages[page].arts[art].headline, "一版二条");
	/* A hash no article has: the ordinal, clamped. */
	pos.art_hash ^= 1;
	pos.art = 9;
	CHECK(!position_locate(&pos, is, &page, &art));
	CHECK(page == 0 && art == 2);
	library_free(lib);
}

/* The corpus folders laid out as an archive. */
static void
test_corpus(void)
{
	const char	*top = getenv("top_srcdir");
	struct library	*lib;
	char		*p, *cause;
	size_t		 i;

	if (top == NULL)
		top = ".";
	p = xasprintf("%s/../shared/corpus/rmrb-caspiankexin", top);
	if (access(p, R_OK) != 0) {
		fprintf(stderr, "no ../shared: corpus part skipped\n");
		free(p);
		return;
	}
	lib = library_new(NULL);
	library_set_cache_dir(lib, NULL);
	CHECK(library_add_path(lib, p, NULL, NULL, &cause) == 0);
	CHECK(library_count(lib) == 4);
	CHECK(library_entry(lib, 0)->year == 2019 &&
	    library_entry(lib, 0)->month == 2);
	CHECK(library_entry(lib, 3)->day == 19);
	for (i = 0; i < library_count(lib); i++)
		CHECK(library_entry(lib, i)->kind == LIBRARY_CRAWLER);
	/* Pages of advertisements only are no pages. */
	CHECK(library_get(lib, 0)->npages == 18);
	CHECK(library_entry(lib, 0)->narts == 70);
	free(p);
	p = xasprintf("%s/../shared/corpus/chronam-1916", top);
	CHECK(library_add_path(lib, p, NULL, NULL, &cause) == 0);
	CHECK(library_count(lib) == 4 + 7);
	for (i = 4; i < library_count(lib); i++) {
		CHECK(library_entry(lib, i)->paper != NULL);
		CHECK(library_entry(lib, i)->year == 1916);
		CHECK(library_get(lib, i)->npages == 1);
	}
	CHECK(find(lib, 1916, 1, 1, "sn86064187") != SIZE_MAX);
	free(p);
	library_free(lib);
}

int
main(void)
{
	char	*cmd;
	int	 rv;

	TSTART();
	tmp = xstrdup("/tmp/dubao-test-library.XXXXXX");
	if (getenv("TMPDIR") != NULL) {
		free(tmp);
		tmp = xasprintf("%s/dubao-test-library.XXXXXX",
		    getenv("TMPDIR"));
	}
	if (mkdtemp(tmp) == NULL)
		return 99;
	make_archive();
	test_catalogue();
	test_memo();
	test_links();
	test_cache();
	test_positions();
	test_corpus();
	rv = TDONE();
	cmd = xasprintf("rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		rv = 99;
	free(cmd);
	free(tmp);
	return rv;
}
