/*
 * test-library-index.c -- the search index's parts: an issue packed and
 * unpacked is the same issue; a damaged blob (cut short, a byte changed)
 * or one made by hand with a control character in a string unpacks to
 * NULL, never a crash;
 * a search on a stored fold gives the hits of a search that folds; the
 * index keeps an issue fresh until one of its files changes, and gives
 * back its fold and tree.
 */
#include <config.h>

#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fold.h"
#include "library.h"
#include "library-index.h"
#include "model.h"
#include "search.h"
#include "util.h"
#include "tcheck.h"

static struct issue *
make_issue(void)
{
	struct issue	*is = issue_new();
	struct page	*pg;
	struct article	*a;

	is->title = xstrdup("河畔晚報");
	is->year = 2021;
	is->month = 3;
	is->day = 7;
	issue_take_source(is, xstrdup("lib/2021-03-07/01.txt"));
	issue_add_masthead(is, "河畔晚報");
	issue_add_masthead(is, "CN 81-0002");
	pg = issue_add_page(is);
	pg->number = 1;
	model_set(&pg->name, "要闻");
	model_set(&pg->editor, "林晓舟");
	a = page_add_article(pg);
	model_set(&a->column, "小城故事");
	model_set(&a->kicker, "冬天来了");
	model_set(&a->headline, "滿洲裏口岸迎來班列");
	model_set(&a->subhead, "副题");
	model_set(&a->byline, "本报记者 林晓舟");
	model_set(&a->dateline, "本报讯");
	model_set(&a->quote, "一码走遍全城");
	model_set(&a->quote_by, "朱广弟");
	article_add_para(a, "编号ＣＮ ８１的班列缓缓驶入，“老兵\t码”运行体系…");
	article_add_para(a, "第二段，满洲里。");
	article_add_caption(a, "图为满洲里口岸", "林晓舟");
	a->cont_page = 2;
	pg = issue_add_page(is);
	pg->number = 2;
	a = page_add_article(pg);
	a->kind = ARTICLE_PHOTO;
	article_add_caption(a, "雪后的满洲里", NULL);
	a = page_add_article(pg);
	model_set(&a->headline, "下半篇");
	article_add_para(a, "接上文。");
	a->from_page = 1;
	return is;
}

static bool
str_eq(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL &&
	    strcmp(a, b) == 0);
}

static bool
article_eq(const struct article *a, const struct article *b)
{
	size_t	i;

	if (a->kind != b->kind || !str_eq(a->column, b->column) ||
	    !str_eq(a->kicker, b->kicker) || !str_eq(a->headline, b->headline) ||
	    !str_eq(a->subhead, b->subhead) || !str_eq(a->byline, b->byline) ||
	    !str_eq(a->dateline, b->dateline) || !str_eq(a->quote, b->quote) ||
	    !str_eq(a->quote_by, b->quote_by) || a->npara != b->npara ||
	    a->ncap != b->ncap || a->cont_page != b->cont_page ||
	    a->from_page != b->from_page)
		return false;
	for (i = 0; i < a->npara; i++)
		if (!str_eq(a->paras[i], b->paras[i]))
			return false;
	for (i = 0; i < a->ncap; i++)
		if (!str_eq(a->caps[i].text, b->caps[i].text) ||
		    !str_eq(a->caps[i].credit, b->caps[i].credit))
			return false;
	return true;
}

static bool
issue_eq(const struct issue *a, const struct issue *b)
{
	size_t	i, k;

	if (!str_eq(a->title, b->title) || a->year != b->year ||
	    a->month != b->month || a->day != b->day ||
	    a->nsources != b->nsources || a->nmasthead != b->nmasthead ||
	    a->npages != b->npages)
		return false;
	for (i = 0; i < a->nsources; i++)
		if (!str_eq(a->sources[i], b->sources[i]))
			return false;
	for (i = 0; i < a->nmasthead; i++)
		if (!str_eq(a->masthead[i], b->masthead[i]))
			return false;
	for (i = 0; i < a->npages; i++) {
		if (a->pages[i].number != b->pages[i].number ||
		    !str_eq(a->pages[i].name, b->pages[i].name) ||
		    a->pages[i].narts != b->pages[i].narts)
			return false;
		for (k = 0; k < a->pages[i].narts; k++)
			if (!article_eq(&a->pages[i].arts[k],
			    &b->pages[i].arts[k]))
				return false;
	}
	return true;
}

/* Packed and unpacked: the same issue; damaged bytes never crash. */
static void
test_pack(void)
{
	struct issue	*is = make_issue(), *back;
	struct buf	 b;
	char		*bad;
	size_t		 i, sound = 0;

	buf_init(&b);
	library_pack(is, &b);
	back = library_unpack(b.data, b.len);
	CHECK(back != NULL && issue_eq(is, back));
	issue_free(back);
	/* Cut short anywhere: never an issue. */
	for (i = 0; i < b.len; i++)
		CHECK(library_unpack(b.data, i) == NULL);
	/* One byte changed anywhere: the hash refuses it. */
	bad = xmalloc(b.len);
	for (i = 0; i < b.len; i++) {
		memcpy(bad, b.data, b.len);
		bad[i] ^= (char)(i % 2 ? 0x80 : 0x41);
		back = library_unpack(bad, b.len);
		sound += back != NULL;
		issue_free(back);
	}
	CHECK(sound == 0);
	/* A control character or broken UTF-8 in a string, in a blob whose
	 * hash is right (a file made by hand): refused all the same. */
	for (i = 0; i < 3; i++) {
		static const char *const bads[] = { "\033[c", "\xe5\xb0",
		    "\xc2\x9b" };
		struct issue	*h = make_issue();
		struct buf	 hb;

		model_set(&h->pages[0].arts[0].headline, bads[i]);
		buf_init(&hb);
		library_pack(h, &hb);
		CHECK(library_unpack(hb.data, hb.len) == NULL);
		buf_clear(&hb);
		issue_free(h);
	}
	free(bad);
	buf_clear(&b);
	issue_free(is);
}

static bool
hits_eq(const struct search *a, const struct search *b)
{
	size_t	i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (search_cmp(&a->hits[i], &b->hits[i]) != 0 ||
		    a->hits[i].len != b->hits[i].len)
			return false;
	return true;
}

/* The hits of a search on a stored fold are the hits of a search. */
static void
test_folded(void)
{
	static const char *const queries[] = { "满洲里", "cn 81", "老兵码",
	    "河畔晚报", "林晓舟", "...", "接上文", "不存在", "码”运" };
	struct issue	*is = make_issue();
	struct search	 a, b;
	struct fold_buf	 fb;
	size_t		 q, n;
	unsigned	 flags;
	char		*cut;

	for (flags = 0; flags <= SEARCH_MASTHEAD; flags += SEARCH_MASTHEAD) {
		search_init(&a);
		search_init(&b);
		a.flags = b.flags = flags;
		fold_buf_init(&fb);
		search_fold_issue(search_get_fold(&a), is, &fb);
		for (q = 0; q < sizeof queries / sizeof queries[0]; q++) {
			n = search_run(&a, is, queries[q]);
			CHECK(search_run_folded(&b, is, fb.s, fb.len,
			    queries[q]) == n);
			CHECK(hits_eq(&a, &b));
			CHECK(search_count_folded(&b, fb.s, fb.len,
			    queries[q]) >= n);
		}
		/* A fold that does not fit the issue is not used. */
		cut = xmalloc(fb.len);
		memcpy(cut, fb.s, fb.len);
		*(char *)memchr(cut, '\0', fb.len) = 'x';
		n = search_run(&a, is, "满洲里");
		CHECK(search_run_folded(&b, is, cut, fb.len, "满洲里") == n);
		free(cut);
		fold_buf_clear(&fb);
		search_clear(&a);
		search_clear(&b);
	}
	issue_free(is);
}

static char	*tmp;

static void
put(const char *name, const char *text)
{
	char	*p = xasprintf("%s/%s", tmp, name);
	FILE	*fp = fopen(p, "w");

	if (fp == NULL) {
		perror(p);
		exit(99);
	}
	fputs(text, fp);
	fclose(fp);
	free(p);
}

/* The index: fresh until a file changes; its fold and tree come back. */
static void
test_index(void)
{
	struct library		*lib = library_new(NULL);
	struct library_index	*ix;
	struct fold		*f = fold_new(true);
	struct issue		*back;
	const void		*tree;
	char			*note, *cause, *path, *cdir;
	size_t			 tlen, flen;

	put("2021-03-07.txt", "第01版：要闻\n\n滿洲裏口岸迎來班列\n\n"
	    "　　編號ＣＮ ８１的班列緩緩駛入。\n");
	path = xasprintf("%s/2021-03-07.txt", tmp);
	cdir = xasprintf("%s/cache", tmp);
	library_set_cache_dir(lib, NULL);
	CHECK(library_add_path(lib, path, NULL, NULL, &cause) == 0);
	CHECK(library_index_open(cdir, false, &note, &cause) == NULL &&
	    note == NULL && cause == NULL);	/* none yet */
	ix = library_index_open(cdir, true, &note, &cause);
	CHECK(ix != NULL && note == NULL && cause == NULL);
	CHECK(!library_index_fresh(ix, lib, 0, true));
	CHECK(library_index_add(ix, lib, 0, f, &cause) == 1);
	CHECK(library_index_fresh(ix, lib, 0, true));
	CHECK(!library_index_fresh(ix, lib, 0, false));	/* another fold */
	CHECK(library_index_add(ix, lib, 0, f, &cause) == 0);
	CHECK(library_index_find(ix, lib, 0, true));
	CHECK(library_index_folded(ix, &flen) != NULL && flen > 0);
	tree = library_index_tree(ix, &tlen);
	back = library_unpack(tree, tlen);
	library_index_done(ix);
	CHECK(back != NULL && issue_eq(back, library_get(lib, 0)));
	issue_free(back);
	/* A file that changes makes the issue stale. */
	put("2021-03-07.txt", "第01版：要闻\n\n滿洲裏口岸\n\n　　新的一段。\n");
	CHECK(!library_index_fresh(ix, lib, 0, true));
	library_release(lib, 0);
	CHECK(library_index_add(ix, lib, 0, f, &cause) == 1);
	CHECK(library_index_fresh(ix, lib, 0, true));
	library_index_close(ix);
	fold_free(f);
	library_free(lib);
	free(path);
	free(cdir);
}

int
main(void)
{
	char	*cmd;

	TSTART();
	tmp = xstrdup("/tmp/dubao-test-index.XXXXXX");
	if (getenv("TMPDIR") != NULL) {
		free(tmp);
		tmp = xasprintf("%s/dubao-test-index.XXXXXX",
		    getenv("TMPDIR"));
	}
	if (mkdtemp(tmp) == NULL)
		return 99;
	test_pack();
	test_folded();
	test_index();
	cmd = xasprintf("rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp);
	free(cmd);
	free(tmp);
	return TDONE();
}
