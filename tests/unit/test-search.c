/*
 * test-search.c -- folded search over an issue: hits in reading order
 * across fields, articles and pages, byte offsets of CJK text, folding
 * (case, width, Traditional/Simplified, white space) with hits in
 * original offsets, the masthead on request, counting, next/previous with
 * wrap; the keyword-in-context window of the results view and --grep.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "search.h"
#include "text.h"
#include "tcheck.h"

#ifdef HAVE_OPENCC
#define HAVE_VARIANTS 1
#else
#define HAVE_VARIANTS 0
#endif

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

/* The original text of hit I. */
static char *
hit_str(const struct issue *is, const struct search *s, size_t i)
{
	const char	*t = search_hit_text(is, &s->hits[i]);

	return t == NULL ? NULL : strndup(t + s->hits[i].off, s->hits[i].len);
}

static void
check_hit(const struct issue *is, const struct search *s, size_t i,
    const char *want)
{
	char	*h = i < s->n ? hit_str(is, s, i) : NULL;

	CHECK_STR(h, want);
	free(h);
}

/* Folding at the issue level: spans in the original, fields, masthead. */
static void
test_fold(void)
{
	struct issue	*is = issue_new(), *other = issue_new();
	struct page	*pg;
	struct article	*a;
	struct search	 s;

	issue_add_masthead(is, "中國國防報");
	issue_add_masthead(is, "CN 81-0002 (J)");
	pg = issue_add_page(is);
	a = page_add_article(pg);
	model_set(&a->headline, "內蒙古軍區組織民兵支援滿洲裏市抗疫");
	article_add_para(a, "构建全域互认的“老兵\n码”运行体系。");
	article_add_para(a, "省…地");
	article_add_caption(a, "图为ＣＮ ８１号", NULL);
	search_init(&s);

	/* Simplified query, Traditional text; the original is highlighted. */
	if (search_run(&s, is, "满洲里") == 1)
		check_hit(is, &s, 0, "滿洲裏");
	else
		CHECK(s.n == 1 || !HAVE_VARIANTS);
	/* White space between CJK characters is no obstacle. */
	CHECK(search_run(&s, is, "老兵码”运行体系") == 1);
	check_hit(is, &s, 0, "老兵\n码”运行体系");
	CHECK(s.hits[0].field == LAYOUT_F_PARA && s.hits[0].index == 0);
	/* Full width against half width, spaces kept between Latin. */
	CHECK(search_run(&s, is, "cn 81") == 1);
	check_hit(is, &s, 0, "ＣＮ ８１");
	CHECK(s.hits[0].field == LAYOUT_F_CAPTION);
	CHECK(search_run(&s, is, "cn81") == 0);
	/* Three dots inside one …: one hit, never two overlapping. */
	CHECK(search_run(&s, is, ".") == 1);
	check_hit(is, &s, 0, "…");
	/* No match across two fields. */
	CHECK(search_run(&s, is, "疫构建") == 0);
	/* The masthead only when asked for, before everything else. */
	CHECK(search_run(&s, is, "81") == 1);
	s.flags = SEARCH_MASTHEAD;
	search_forget(&s, is);
	CHECK(search_run(&s, is, "81") == 2);
	CHECK(s.hits[0].field == LAYOUT_F_MASTHEAD && s.hits[0].index == 1);
	check_hit(is, &s, 0, "81");
	if (HAVE_VARIANTS) {
		CHECK(search_run(&s, is, "国防报") == 1);
		check_hit(is, &s, 0, "國防報");
	}
	/* Counting another issue leaves the hits alone. */
	CHECK(search_run(&s, is, "81") == 2);
	model_set(&page_add_article(issue_add_page(other))->headline,
	    "ＣＮ８１ cn 81 CN 81");
	CHECK(search_count(&s, other, "cn 81") == 2);
	CHECK(s.n == 2 && s.hits[0].field == LAYOUT_F_MASTHEAD);
	/* fold-variants no: Traditional and Simplified differ again. */
	search_set_variants(&s, false);
	CHECK(search_run(&s, is, "满洲里") == 0);
	CHECK(search_run(&s, is, "滿洲裏") == 1);
	/* Empty and blank queries match nothing. */
	CHECK(search_run(&s, is, "") == 0);
	CHECK(search_run(&s, is, " \t ") == 0);
	search_clear(&s);
	issue_free(is);
	issue_free(other);
}


/* Columns search_kwic()'s window K of T takes, ellipses included. */
static int
kwic_width(const char *t, const struct search_kwic *k)
{
	int	ell = text_strwidth("\xe2\x80\xa6", 3);

	return text_strwidth(t + k->start, k->end - k->start) +
	    (k->cut_left ? ell : 0) + (k->cut_right ? ell : 0);
}

/* Text of N copies of UNIT with MATCH after the first AT copies. */
static char *
kwic_text(const char *unit, size_t n, size_t at, const char *match,
    size_t *off)
{
	size_t	ul = strlen(unit), ml = strlen(match), i;
	char	*t = malloc(ul * n + ml + 1), *p = t;

	for (i = 0; i < n; i++) {
		if (i == at) {
			*off = (size_t)(p - t);
			memcpy(p, match, ml);
			p += ml;
		}
		memcpy(p, unit, ul);
		p += ul;
	}
	*p = '\0';
	return t;
}

/* The keyword-in-context window: centred, fitted, whole characters. */
static void
test_kwic(void)
{
	struct search_kwic	 k;
	size_t			 off, n;
	int			 cols, l, r, ell = text_strwidth("\xe2\x80\xa6", 3);
	char			*t;

	/* All of a short text, uncut. */
	search_kwic("老周说满洲里到了", 24, 9, 9, 40, &k);
	CHECK(k.start == 0 && k.end == 24 && !k.cut_left && !k.cut_right);

	/* The middle of a long CJK paragraph: centred, cut on both sides,
	 * filled to the width or one column short (a wide character does
	 * not fit in the last one), at every width, odd ones too. */
	t = kwic_text("河畔小城的街道", 100, 50, "满洲里", &off);
	n = strlen(t);
	for (cols = 20; cols <= 120; cols++) {
		search_kwic(t, n, off, 9, cols, &k);
		CHECK(k.cut_left && k.cut_right);
		CHECK(k.start < off && k.end > off + 9 && k.end <= n);
		CHECK(kwic_width(t, &k) <= cols && kwic_width(t, &k) >= cols - 1);
		l = text_strwidth(t + k.start, off - k.start);
		r = text_strwidth(t + off + 9, k.end - off - 9);
		CHECK(l - r <= 2 && r - l <= 2);
		CHECK(((unsigned char)t[k.start] & 0xc0) != 0x80);
		CHECK(((unsigned char)t[k.end] & 0xc0) != 0x80);
	}
	/* A short left side gives its room to the right. */
	search_kwic(t, n, 3, 9, 40, &k);
	CHECK(k.start == 0 && !k.cut_left && k.cut_right);
	CHECK(kwic_width(t, &k) >= 39 && kwic_width(t, &k) <= 40);
	/* And a short right side to the left. */
	search_kwic(t, n, n - 12, 9, 40, &k);
	CHECK(k.end == n && !k.cut_right && k.cut_left);
	CHECK(kwic_width(t, &k) >= 39 && kwic_width(t, &k) <= 40);
	/* A match wider than the width keeps its start. */
	search_kwic(t, n, off, 9 + 21 * 30, 40, &k);
	CHECK(k.start == off && k.cut_left && k.cut_right);
	CHECK(kwic_width(t, &k) <= 40);
	free(t);

	/* A paragraph of a megabyte: the same window, in the middle. */
	t = kwic_text("河畔小城的街道", 50000, 25000, "满洲里", &off);
	n = strlen(t);
	search_kwic(t, n, off, 9, 80, &k);
	CHECK(k.cut_left && k.cut_right && k.start < off && k.end > off + 9);
	CHECK(kwic_width(t, &k) >= 79 && kwic_width(t, &k) <= 80);
	free(t);

	/* Latin letters with combining accents are never split. */
	t = kwic_text("e\xcc\x81" "a\xcc\x80 ", 200, 100, "Manzhouli", &off);
	n = strlen(t);
	for (cols = 20; cols <= 41; cols++) {
		search_kwic(t, n, off, 9, cols, &k);
		CHECK(kwic_width(t, &k) <= cols);
		CHECK((unsigned char)t[k.start] != 0xcc);
		CHECK((unsigned char)t[k.end] != 0xcc);
	}
	free(t);
	CHECK(ell == 1 || ell == 2);
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
	/* Case is folded, whatever the query's case. */
	CHECK(search_run(&s, is, "abc") == 2);
	CHECK(search_run(&s, is, "ABC") == 2);
	CHECK(search_run(&s, is, "teacher") == 1);
	CHECK(search_run(&s, is, "TEACHER") == 1);
	CHECK(search_run(&s, is, "ＡＢＣ") == 2);
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

	test_fold();
	test_kwic();
	return TDONE();
}
