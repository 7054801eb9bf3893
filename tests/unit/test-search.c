/*
 * test-search.c -- plain search over an issue: hits in reading order
 * across fields, articles and pages, byte offsets of CJK text, ASCII
 * folding only for queries without capitals, next/previous with wrap.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "model.h"
#include "search.h"
#include "tcheck.h"

static struct issue *
make_issue(void)
{
	struct issue	*is = issue_new();
	struct page	*pg;
	struct article	*a;

	pg = issue_add_page(is);
	pg->number = 1;
	a = page_add_article(pg);
	model_set(&a->headline, "老师的一天");
	model_set(&a->byline, "本报记者 张老师");
	article_add_para(a, "老师老师，早上好。");
	article_add_para(a, "Teacher said ABC and abc.");
	a = page_add_article(pg);
	model_set(&a->headline, "第二篇");
	article_add_para(a, "没有那个词。");
	pg = issue_add_page(is);
	pg->number = 2;
	a = page_add_article(pg);
	model_set(&a->kicker, "引题里的老师");
	model_set(&a->headline, "第三篇");
	article_add_para(a, "aaa");
	article_add_caption(a, "图为老师", "老师");
	return is;
}

int
main(void)
{
	struct issue		*is;
	struct search		 s;
	struct search_hit	 at;
	size_t			 n, i;
	bool			 wrapped;

	TSTART();
	is = make_issue();
	search_init(&s);

	/* Every 老师, in reading order. */
	n = search_run(&s, is, "老师");
	CHECK(n == 7);
	CHECK(s.hits[0].field == LAYOUT_F_HEADLINE && s.hits[0].off == 0);
	CHECK(s.hits[1].field == LAYOUT_F_BYLINE && s.hits[1].off == 16);
	CHECK(s.hits[2].field == LAYOUT_F_PARA && s.hits[2].index == 0 &&
	    s.hits[2].off == 0 && s.hits[2].len == 6);
	CHECK(s.hits[3].off == 6);	/* adjacent, not overlapping */
	CHECK(s.hits[4].page == 1 && s.hits[4].field == LAYOUT_F_KICKER &&
	    s.hits[4].off == 12);
	CHECK(s.hits[5].field == LAYOUT_F_CAPTION && s.hits[5].off == 6);
	CHECK(s.hits[6].field == LAYOUT_F_CREDIT);
	for (i = 1; i < n; i++)
		CHECK(search_cmp(&s.hits[i - 1], &s.hits[i]) < 0);
	/* The text at each hit is the query. */
	for (i = 0; i < n; i++) {
		const struct article *a =
		    &is->pages[s.hits[i].page].arts[s.hits[i].art];
		const char *t = search_field_text(a, s.hits[i].field,
		    s.hits[i].index);

		CHECK(t != NULL && memcmp(t + s.hits[i].off, "老师", 6) == 0);
	}

	/* Non-overlapping: "aa" occurs once in "aaa". */
	CHECK(search_run(&s, is, "aa") == 1);
	/* ASCII folding when the query has no capital letter. */
	CHECK(search_run(&s, is, "abc") == 2);
	CHECK(search_run(&s, is, "ABC") == 1);
	CHECK(search_run(&s, is, "teacher") == 1);
	CHECK(search_run(&s, is, "Teacher") == 1);
	CHECK(search_run(&s, is, "不存在") == 0);
	/* A query that is not valid UTF-8 (half of 老) matches nothing. */
	CHECK(search_run(&s, is, "\xe8\x80") == 0);

	/* Next and previous from a position, with wrap-around. */
	search_run(&s, is, "老师");
	memset(&at, 0, sizeof at);
	at.page = 0;
	at.art = 1;
	i = search_find(&s, &at, true, &wrapped);
	CHECK(i == 4 && !wrapped);
	i = search_find(&s, &at, false, &wrapped);
	CHECK(i == 3 && !wrapped);
	at.page = 5;
	i = search_find(&s, &at, true, &wrapped);
	CHECK(i == 0 && wrapped);
	at.page = 0;
	at.art = 0;
	at.field = LAYOUT_F_NONE;
	i = search_find(&s, &at, false, &wrapped);
	CHECK(i == s.n - 1 && wrapped);
	/* Hits of one article. */
	CHECK(search_first_in(&s, 0, 0) == 0);
	CHECK(search_first_in(&s, 0, 1) == s.n);
	CHECK(search_first_in(&s, 1, 0) == 4);

	search_clear(&s);
	CHECK(s.query == NULL && s.n == 0);
	issue_free(is);
	return TDONE();
}
