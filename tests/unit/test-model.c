/*
 * test-model.c -- the article tree: constructors that grow and keep what
 * was added, 字数 as a newspaper counts it (no spaces, punctuation or
 * symbols), the title an article is listed under, the issue date string,
 * and the tree loader_parse_crawler() builds from one crawler file.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "model.h"
#include "tcheck.h"
#include "util.h"

static void
test_constructors(void)
{
	struct issue	*is;
	struct page	*pg;
	struct article	*a, moved;
	char		 name[32];
	size_t		 i;

	is = issue_new();
	CHECK(is->npages == 0 && is->title == NULL && is->year == 0);
	CHECK(is->diags.n == 0);
	issue_take_source(is, xstrdup("a/20210101"));
	issue_add_masthead(is, "中國國防報");
	CHECK(is->nsources == 1);
	CHECK_STR(is->sources[0], "a/20210101");
	CHECK_STR(is->masthead[0], "中國國防報");

	/* Pages and articles grow; earlier ones keep their contents. */
	for (i = 0; i < 40; i++) {
		pg = issue_add_page(is);
		CHECK(pg->narts == 0 && pg->name == NULL);
		pg->number = (int)i + 1;
		a = page_add_article(pg);
		CHECK(a->headline == NULL && a->npara == 0);
		snprintf(name, sizeof name, "第%zu版标题", i + 1);
		model_set(&a->headline, name);
		article_add_para(a, "第一段。");
		if (i % 2 == 0)
			page_add_article(pg);
	}
	CHECK(is->npages == 40);
	CHECK(is->pages[0].number == 1 && is->pages[39].number == 40);
	CHECK_STR(is->pages[0].arts[0].headline, "第1版标题");
	CHECK_STR(is->pages[39].arts[0].headline, "第40版标题");
	CHECK(issue_narticles(is) == 60);

	/* add copies, take owns. */
	a = &is->pages[1].arts[0];
	memcpy(name, "第二段。", sizeof "第二段。");
	article_add_para(a, name);
	name[0] = 'x';
	CHECK_STR(a->paras[1], "第二段。");
	article_take_para(a, xstrdup("第三段。"));
	CHECK(a->npara == 3);
	article_add_caption(a, "上图：演练现场。", NULL);
	article_add_caption(a, NULL, "陶然");
	CHECK(a->ncap == 2);
	CHECK_STR(a->caps[0].text, "上图：演练现场。");
	CHECK(a->caps[0].credit == NULL);
	CHECK_STR(a->caps[1].text, "");
	CHECK_STR(a->caps[1].credit, "陶然");

	/* model_set replaces, NULL clears. */
	model_set(&a->kicker, "引题");
	model_set(&a->kicker, "新引题");
	CHECK_STR(a->kicker, "新引题");
	model_set(&a->kicker, NULL);
	CHECK(a->kicker == NULL);

	/* article_move leaves the source empty. */
	memset(&moved, 0, sizeof moved);
	article_move(&moved, a);
	CHECK(a->npara == 0 && a->headline == NULL && a->paras == NULL);
	CHECK(moved.npara == 3);
	CHECK_STR(moved.headline, "第2版标题");
	article_clear(&moved);
	CHECK(moved.headline == NULL && moved.npara == 0);

	issue_free(is);
	issue_free(NULL);
}

static void
test_chars(void)
{
	static const struct {
		const char	*para[3];
		size_t		 chars;
	} cases[] = {
		/* Han and digits count; spaces and brackets do not. */
		{ { "本报北京1月18日电 （记者沈知遥）国家。", NULL }, 17 },
		/* Full-width punctuation, ideographic space, quotes. */
		{ { "　　“我们来了！”他说：“好。”", NULL }, 7 },
		/* Latin letters count, ASCII punctuation does not. */
		{ { "Hello, world!", NULL }, 10 },
		/* Symbols (■ ★ ＋) are not characters of the text. */
		{ { "■本版责任编辑 唐嘉禾", "★★★ 1＋1", NULL }, 11 },
		/* Several paragraphs add up; an empty one adds nothing. */
		{ { "一二三。", "", "四五" }, 5 },
		{ { NULL }, 0 },
	};
	struct article	a;
	size_t		i, j;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&a, 0, sizeof a);
		for (j = 0; j < 3 && cases[i].para[j] != NULL; j++)
			article_add_para(&a, cases[i].para[j]);
		if (article_chars(&a) != cases[i].chars)
			fprintf(stderr, "case %zu: %zu chars\n", i,
			    article_chars(&a));
		CHECK(article_chars(&a) == cases[i].chars);
		article_clear(&a);
	}
}

static void
test_title(void)
{
	struct article	a;

	memset(&a, 0, sizeof a);
	CHECK_STR(article_title(&a), "");
	article_add_para(&a, "没有标题的文章。");
	CHECK_STR(article_title(&a), "没有标题的文章。");
	model_set(&a.kicker, "引题");
	CHECK_STR(article_title(&a), "引题");
	article_add_caption(&a, "上图：演练现场。", "陶然");
	CHECK_STR(article_title(&a), "上图：演练现场。");
	model_set(&a.headline, "主题");
	CHECK_STR(article_title(&a), "主题");
	article_clear(&a);
}

static void
test_date(void)
{
	struct issue	*is = issue_new();
	char		 buf[16];

	issue_date_str(is, buf);
	CHECK_STR(buf, "");
	is->year = 2021;
	is->month = 12;
	issue_date_str(is, buf);
	CHECK_STR(buf, "");	/* no day: unknown */
	is->day = 7;
	issue_date_str(is, buf);
	CHECK_STR(buf, "2021-12-07");
	is->year = 1916;
	is->month = 1;
	is->day = 1;
	issue_date_str(is, buf);
	CHECK_STR(buf, "1916-01-01");
	issue_free(is);
}

/* A crawler file: lines 1-3 are kicker, headline and subhead. */
static void
test_crawler(void)
{
	struct page		 pg;
	const struct article	*a;
	const char		*t;

	memset(&pg, 0, sizeof pg);
	t = "\r\n青溪市长同外宾举行会谈\r\n\r\n"
	    "\u3000\u3000本报青溪3月18日电\u00a0\u00a0（记者沈知遥）会谈。\r\n"
	    "\r\n"
	    "\u3000\u3000倡导新风尚\u00a0同过春分节。\u3000\u3000\r\n";
	CHECK(loader_parse_crawler(&pg, t, strlen(t), "x-01-01.txt") == 0);
	CHECK(pg.narts == 1);
	a = &pg.arts[0];
	CHECK(a->kicker == NULL && a->subhead == NULL);
	CHECK_STR(a->headline, "青溪市长同外宾举行会谈");
	CHECK(a->npara == 2);	/* the blank line is no paragraph */
	CHECK_STR(a->paras[0], "本报青溪3月18日电 （记者沈知遥）会谈。");
	CHECK_STR(a->paras[1], "倡导新风尚 同过春分节。");
	CHECK_STR(a->source, "x-01-01.txt");

	/* All three title lines, LF and bare CR line ends. */
	t = "引题\n主题\r副题\n\u3000\u3000正文。";
	CHECK(loader_parse_crawler(&pg, t, strlen(t), NULL) == 0);
	CHECK(pg.narts == 2);
	a = &pg.arts[1];
	CHECK_STR(a->kicker, "引题");
	CHECK_STR(a->headline, "主题");
	CHECK_STR(a->subhead, "副题");
	CHECK(a->npara == 1);
	CHECK_STR(a->paras[0], "正文。");

	/* Advertisements are skipped; an article about 广告 is not. */
	t = "\r\n广告\r\n\r\n";
	CHECK(loader_parse_crawler(&pg, t, strlen(t), NULL) == -1);
	CHECK(pg.narts == 2);
	t = "\r\n广告\r\n\r\n\u3000\u3000虚假广告被查处。\r\n";
	CHECK(loader_parse_crawler(&pg, t, strlen(t), NULL) == 0);
	CHECK(pg.narts == 3);
	CHECK_STR(pg.arts[2].headline, "广告");
	page_clear(&pg);
}

int
main(void)
{
	TSTART();
	test_constructors();
	test_chars();
	test_title();
	test_date();
	test_crawler();
	return TDONE();
}
