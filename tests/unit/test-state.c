/*
 * test-state.c -- the reader's ops without a terminal: articles and pages
 * in order with counts and boundary messages, scrolling clamped to the
 * article, the contents list, continuations and back, search from the
 * current position with wrap-around, issues, action names.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "model.h"
#include "library.h"
#include "state.h"
#include "tcheck.h"

static struct issue *
make_issue(const char *word)
{
	struct issue	*is = issue_new();
	struct page	*pg;
	struct article	*a;

	pg = issue_add_page(is);
	pg->number = 1;
	model_set(&pg->name, "要闻");
	a = page_add_article(pg);
	model_set(&a->headline, "第一篇");
	article_add_para(a, word);
	a = page_add_article(pg);
	model_set(&a->headline, "第二篇");
	article_add_para(a, "上半篇。");
	a->cont_page = 2;
	pg = issue_add_page(is);
	pg->number = 2;
	a = page_add_article(pg);
	model_set(&a->headline, "第三篇");
	article_add_para(a, word);
	a = page_add_article(pg);
	model_set(&a->headline, "第二篇");
	article_add_para(a, "下半篇。");
	a->from_page = 1;
	return is;
}

/* The current hit, or SIZE_MAX. */
static size_t
hit_of(const struct reader_state *st)
{
	size_t	hit;

	state_hits(st, &hit);
	return hit;
}

/* Hits of the last search in the current issue (0 when none). */
static size_t
hits_of(const struct reader_state *st)
{
	size_t			 hit;
	const struct search	*s = state_hits(st, &hit);

	return s != NULL ? s->n : 0;
}

/*
 * A match in the masthead opens the info view (which shows it) and moves
 * nothing; n goes on to the articles. fold-variants off: Traditional and
 * Simplified differ.
 */
static void
test_masthead(void)
{
	struct library		*lib = library_new(NULL);
	struct issue		*is = make_issue("滿洲裏口岸");
	struct reader_state	*st;
	const struct search	*s;
	size_t			 hit;
	int			 fl;

	issue_add_masthead(is, "河畔晚报");
	issue_add_masthead(is, "满洲里版");
	library_add_issue(lib, is);
	st = state_new(lib, NULL);
	state_set_top(st, LAYOUT_F_NONE, 0, 0);
	fl = state_search(st, "晚报");
	s = state_hits(st, &hit);
	CHECK((fl & STATE_INFO) && s != NULL && hit == 0 &&
	    s->hits[0].field == LAYOUT_F_MASTHEAD && s->hits[0].index == 0);
	CHECK(state_page(st) == 0 && state_art(st) == 0);
	fl = state_search(st, "满洲里");
	s = state_hits(st, &hit);
#ifdef HAVE_OPENCC
	CHECK(s != NULL && s->n == 3);	/* the masthead, pages 1 and 2 */
#endif
	/* From the top of the first article: its paragraph comes first. */
	CHECK(s != NULL && s->hits[hit].field == LAYOUT_F_PARA);
	fl = state_apply(st, OP_PREV_MATCH, 1);
	s = state_hits(st, &hit);
	CHECK((fl & STATE_INFO) && s != NULL && s->hits[hit].field ==
	    LAYOUT_F_MASTHEAD);
	fl = state_apply(st, OP_NEXT_MATCH, 1);
	s = state_hits(st, &hit);
	CHECK(!(fl & STATE_INFO) && s != NULL && s->hits[hit].field ==
	    LAYOUT_F_PARA);
	state_set_variants(st, false);
	state_search(st, "满洲里");
	s = state_hits(st, &hit);
	CHECK(s != NULL && s->n == 1);	/* the masthead only */
	state_free(st);
	library_free(lib);
}

int
main(void)
{
	struct library		*lib;
	struct reader_state	*st;
	size_t			 page, art, total, index, off;
	enum layout_field	 field;
	int			 fl, op;

	TSTART();
	lib = library_new(NULL);
	library_set_cache_dir(lib, NULL);
	library_add_issue(lib, make_issue("河畔的雪"));
	st = state_new(lib, NULL);
	CHECK(state_page(st) == 0 && state_art(st) == 0 &&
	    state_focus(st) == STATE_FOCUS_TOC);
	/* Read once the article's end has been on screen, not before. */
	CHECK(!state_is_read(st, 0, 0, 0));
	state_set_toc_rows(st, 10);
	state_set_view(st, 50, 10);
	CHECK(!state_is_read(st, 0, 0, 0));
	state_apply(st, OP_FOCUS_NEXT, 1);
	state_apply(st, OP_BOTTOM, 1);
	CHECK(state_is_read(st, 0, 0, 0));
	CHECK(!state_is_read(st, 0, 0, 1));
	state_apply(st, OP_TOP, 0);
	state_apply(st, OP_FOCUS_NEXT, 1);

	/* Articles across pages, with counts and boundaries. */
	fl = state_apply(st, OP_NEXT_ARTICLE, 1);
	CHECK((fl & STATE_RELAYOUT) && state_page(st) == 0 &&
	    state_art(st) == 1);
	fl = state_apply(st, OP_NEXT_ARTICLE, 1);
	CHECK(state_page(st) == 1 && state_art(st) == 0);
	CHECK(state_article_no(st, &total) == 2 && total == 4);
	fl = state_apply(st, OP_NEXT_ARTICLE, 5);
	CHECK(state_page(st) == 1 && state_art(st) == 1);
	fl = state_apply(st, OP_NEXT_ARTICLE, 1);
	CHECK(fl == 0 && state_message(st) != NULL && state_art(st) == 1);
	fl = state_apply(st, OP_PREV_ARTICLE, 3);
	CHECK(state_page(st) == 0 && state_art(st) == 0 &&
	    state_message(st) == NULL);
	fl = state_apply(st, OP_PREV_ARTICLE, 1);
	CHECK(fl == 0 && state_message(st) != NULL);
	fl = state_apply(st, OP_NEXT_PAGE, 1);
	CHECK(state_page(st) == 1 && state_art(st) == 0);
	fl = state_apply(st, OP_NEXT_PAGE, 1);
	CHECK(fl == 0 && state_message(st) != NULL && state_page(st) == 1);
	fl = state_apply(st, OP_PREV_PAGE, 1);
	CHECK(state_page(st) == 0 && state_art(st) == 0);
	fl = state_apply(st, OP_NEXT_ISSUE, 1);
	CHECK(fl == 0 && state_message(st) != NULL);

	/* Scrolling in the reader, clamped to the last full screen. */
	state_apply(st, OP_FOCUS_NEXT, 1);
	CHECK(state_focus(st) == STATE_FOCUS_READER);
	state_set_view(st, 50, 10);
	fl = state_apply(st, OP_LINE_DOWN, 5);
	CHECK(fl == STATE_DRAW_READER && state_line(st) == 5);
	state_apply(st, OP_PAGE_DOWN, 1);
	CHECK(state_line(st) == 14);
	state_apply(st, OP_HALF_UP, 1);
	CHECK(state_line(st) == 9);
	state_apply(st, OP_BOTTOM, 1);
	CHECK(state_line(st) == 40);
	fl = state_apply(st, OP_LINE_DOWN, 1);
	CHECK(fl == 0 && state_message(st) != NULL && state_line(st) == 40);
	state_apply(st, OP_TOP, 1);
	fl = state_apply(st, OP_LINE_UP, 1);
	CHECK(fl == 0 && state_message(st) != NULL && state_line(st) == 0);
	/* Space at the end of an article goes on to the next one. */
	state_apply(st, OP_BOTTOM, 1);
	fl = state_apply(st, OP_PAGE_DOWN, 1);
	CHECK((fl & STATE_RELAYOUT) && state_art(st) == 1 &&
	    state_line(st) == 0);
	/* A shorter article clamps the line. */
	state_set_view(st, 50, 10);
	state_set_line(st, 30);
	state_set_view(st, 12, 10);
	CHECK(state_line(st) == 2);

	/* The continuation: open follows 下转第2版, back returns. */
	state_set_view(st, 50, 10);
	state_set_line(st, 7);
	fl = state_apply(st, OP_OPEN, 1);
	CHECK((fl & STATE_RELAYOUT) && state_page(st) == 1 &&
	    state_art(st) == 1);
	CHECK(state_message(st) != NULL && state_back_depth(st) == 1);
	fl = state_apply(st, OP_BACK, 1);
	state_set_view(st, 50, 10);
	CHECK(state_page(st) == 0 && state_art(st) == 1 &&
	    state_line(st) == 7 && state_back_depth(st) == 0);
	/* On the first article, open has nowhere to go. */
	state_apply(st, OP_PREV_ARTICLE, 1);
	fl = state_apply(st, OP_OPEN, 1);
	CHECK(fl == 0 && state_message(st) != NULL);
	/* Back in the reader goes to the contents. */
	fl = state_apply(st, OP_BACK, 1);
	CHECK(state_focus(st) == STATE_FOCUS_TOC);

	/* The contents: a line for each page and each article. */
	CHECK(state_toc_count(st) == 6);
	state_toc_item(st, 0, &page, &art);
	CHECK(page == 0 && art == SIZE_MAX);
	state_toc_item(st, 3, &page, &art);
	CHECK(page == 1 && art == SIZE_MAX);
	state_toc_item(st, 5, &page, &art);
	CHECK(page == 1 && art == 1);
	CHECK(state_toc_sel(st) == 1);
	state_apply(st, OP_LINE_DOWN, 3);
	CHECK(state_toc_sel(st) == 4 && state_page(st) == 0);
	fl = state_apply(st, OP_OPEN, 1);
	CHECK(state_page(st) == 1 && state_art(st) == 0 &&
	    state_focus(st) == STATE_FOCUS_READER);
	CHECK(!state_is_read(st, 0, 1, 0));
	state_set_view(st, 8, 10);	/* all of it fits: read */
	CHECK(state_is_read(st, 0, 1, 0));
	state_apply(st, OP_FOCUS_NEXT, 1);
	state_apply(st, OP_BOTTOM, 1);
	fl = state_apply(st, OP_LINE_DOWN, 1);
	CHECK(fl == 0 && state_message(st) != NULL && state_toc_sel(st) == 5);
	/* Opening a page line opens its first article. */
	fl = state_toc_open(st, 0);
	CHECK(state_page(st) == 0 && state_art(st) == 0);
	/* Hiding the contents moves the focus to the reader. */
	state_apply(st, OP_TOGGLE_CONTENTS, 1);
	CHECK(!state_toc_shown(st) && state_focus(st) == STATE_FOCUS_READER);
	state_apply(st, OP_TOGGLE_CONTENTS, 1);
	CHECK(state_toc_shown(st) && state_focus(st) == STATE_FOCUS_TOC);

	/* Search from the current position, n and N with wrap-around. */
	state_set_top(st, LAYOUT_F_NONE, 0, 0);
	fl = state_search(st, "河畔");
	CHECK(hits_of(st) == 2 && hit_of(st) == 0);
	CHECK(state_want(st, &field, &index, &off));
	CHECK(field == LAYOUT_F_PARA && off == 0);
	state_show_line(st, SIZE_MAX);
	CHECK(!state_want(st, &field, &index, &off));
	fl = state_apply(st, OP_NEXT_MATCH, 1);
	CHECK(hit_of(st) == 1 && state_page(st) == 1 && state_art(st) == 0);
	CHECK(state_message(st) == NULL);
	fl = state_apply(st, OP_NEXT_MATCH, 1);
	CHECK(hit_of(st) == 0 && state_page(st) == 0 &&
	    state_message(st) != NULL);
	fl = state_apply(st, OP_PREV_MATCH, 1);
	CHECK(hit_of(st) == 1 && state_message(st) != NULL);
	fl = state_apply(st, OP_NEXT_MATCH, 2);
	CHECK(hit_of(st) == 1);
	/* Searching from the second page finds the hit there first. */
	state_apply(st, OP_PREV_PAGE, 1);
	state_apply(st, OP_NEXT_PAGE, 1);
	state_set_top(st, LAYOUT_F_NONE, 0, 0);
	state_search(st, "河畔");
	CHECK(hit_of(st) == 1 && state_page(st) == 1);
	fl = state_search(st, "没有的词");
	CHECK(hits_of(st) == 0 && state_message(st) != NULL);
	fl = state_apply(st, OP_NEXT_MATCH, 1);
	CHECK(fl == 0 && state_message(st) != NULL);

	/* Quit: back from a continuation first, then quit. */
	CHECK(state_apply(st, OP_QUIT, 1) == STATE_QUIT);
	CHECK(state_apply(st, OP_QUIT_NOW, 1) == STATE_QUIT);
	CHECK(state_apply(st, OP_SEARCH, 1) == STATE_PROMPT);
	CHECK(state_apply(st, OP_HELP, 1) == STATE_HELP);
	state_free(st);

	/* Two issues: > and < move between them and reset the search. */
	library_add_issue(lib, make_issue("青石滩"));
	st = state_new(lib, NULL);
	state_search(st, "河畔");
	fl = state_apply(st, OP_NEXT_ISSUE, 1);
	CHECK((fl & STATE_RELAYOUT) && state_issue_index(st) == 1 &&
	    state_page(st) == 0);
	fl = state_apply(st, OP_NEXT_MATCH, 1);
	CHECK(fl == 0 && state_message(st) != NULL);	/* no 河畔 in issue 2 */
	/* ... but issue 1, in memory, has: the message counts its hits. */
	CHECK(state_message(st) != NULL && strstr(state_message(st),
	    "in 1 other issue (S lists them)") != NULL);
	fl = state_apply(st, OP_NEXT_ISSUE, 1);
	CHECK(fl == 0 && state_message(st) != NULL);
	state_apply(st, OP_PREV_ISSUE, 1);
	CHECK(state_issue_index(st) == 0);
	state_free(st);

	/* Every action has a name that maps back to it. */
	for (op = 1; op < OP__COUNT; op++) {
		CHECK(state_op_name((enum op)op) != NULL);
		CHECK(state_op_find(state_op_name((enum op)op)) == (enum op)op);
		CHECK(*state_op_help((enum op)op) != '\0');
	}
	CHECK(state_op_find("no-such-action") == OP_NONE);

	library_free(lib);
	test_masthead();
	return TDONE();
}
