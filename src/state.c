/*
 * state.c -- the reader's state and the ops that change it ("keys -> ops
 * -> state"). Pure: the UI hands in the sizes it measured (layout lines,
 * pane rows) and gets back flags saying what to redraw, plus a translated
 * message for the message line.
 *
 * Invariants kept after every call:
 * - issue < library_count(lib); page < npages unless the issue has no page; art <
 *   narts unless the page has no article (then nothing is shown);
 * - line <= the last line that still fills the view (0 when it all fits);
 * - toc_sel < state_toc_count(), and toc_top <= toc_sel < toc_top +
 *   toc_rows when toc_rows > 0;
 * - an article whose last line has been in view is marked read (and so
 *   kept, when the state has a store; state-issue.c).
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "library.h"
#include "model.h"
#include "library-index.h"
#include "search.h"
#include "state.h"
#include "state-int.h"

static const struct state_opinfo {
	const char	*name;
	const char	*help;
} state_ops[OP__COUNT] = {
	[OP_NONE] = { NULL, NULL },
	[OP_LINE_DOWN] = { "line-down", N_("next line, or next item") },
	[OP_LINE_UP] = { "line-up", N_("previous line, or previous item") },
	[OP_PAGE_DOWN] = { "page-down",
	    N_("next screen (at the end: the next article)") },
	[OP_PAGE_UP] = { "page-up", N_("previous screen") },
	[OP_HALF_DOWN] = { "half-down", N_("half a screen down") },
	[OP_HALF_UP] = { "half-up", N_("half a screen up") },
	[OP_TOP] = { "top", N_("first line; with a count N before it, 第N版") },
	[OP_BOTTOM] = { "bottom", N_("last line") },
	[OP_OPEN] = { "open",
	    N_("open the item; in an article follow its continuation") },
	[OP_BACK] = { "back",
	    N_("go back (from a continuation, or to the contents)") },
	[OP_FOCUS_NEXT] = { "focus-next", N_("move to the other pane") },
	[OP_TOGGLE_CONTENTS] = { "toggle-contents",
	    N_("show or hide the contents") },
	[OP_NEXT_ARTICLE] = { "next-article",
	    N_("next article (at the end: the next issue)") },
	[OP_PREV_ARTICLE] = { "prev-article", N_("previous article") },
	[OP_NEXT_PAGE] = { "next-page", N_("next page (版)") },
	[OP_PREV_PAGE] = { "prev-page", N_("previous page (版)") },
	[OP_NEXT_ISSUE] = { "next-issue",
	    N_("next issue of the same paper, same page (版)") },
	[OP_PREV_ISSUE] = { "prev-issue",
	    N_("previous issue of the same paper, same page (版)") },
	[OP_SEARCH] = { "search", N_("search the issue from here") },
	[OP_SEARCH_LIBRARY] = { "search-library",
	    N_("search every issue, the matches in a list") },
	[OP_NEXT_MATCH] = { "next-match", N_("next match") },
	[OP_PREV_MATCH] = { "prev-match", N_("previous match") },
	[OP_INFO] = { "info", N_("about this issue") },
	[OP_HELP] = { "help", N_("this help") },
	[OP_QUIT] = { "quit", N_("go back, or quit at the top") },
	[OP_QUIT_NOW] = { "quit-now", N_("quit at once") },
	[OP_REDRAW] = { "redraw", N_("redraw the screen") },
	[OP_ISSUES] = { "issues",
	    N_("the issues of the library, newest first") },
	[OP_CALENDAR] = { "calendar", N_("the issues on a calendar") },
	[OP_BOOKMARK] = { "bookmark", N_("bookmark this place, with a note") },
	[OP_BOOKMARKS] = { "bookmarks", N_("the bookmarks: Enter goes there") },
	[OP_PIPE] = { "pipe", N_("the article to a shell command") },
	[OP_SAVE] = { "save", N_("save the article as a text file") },
};

const char *
state_op_name(enum op op)
{
	if ((int)op < 0 || op >= OP__COUNT)
		return NULL;
	return state_ops[op].name;
}

const char *
state_op_help(enum op op)
{
	if ((int)op <= 0 || op >= OP__COUNT)
		return "";
	return _(state_ops[op].help);
}

enum op
state_op_find(const char *name)
{
	int	i;

	for (i = 1; i < OP__COUNT; i++)
		if (strcmp(state_ops[i].name, name) == 0)
			return (enum op)i;
	return OP_NONE;
}

const struct issue *
state_issue(const struct reader_state *st)
{
	return library_get(st->lib, st->issue);
}

size_t
state_narts(const struct reader_state *st, size_t page)
{
	const struct issue	*is = state_issue(st);

	return page < is->npages ? is->pages[page].narts : 0;
}

size_t
state_ordinal(const struct issue *is, size_t page, size_t art)
{
	size_t	p, n = 0;

	for (p = 0; p < page && p < is->npages; p++)
		n += is->pages[p].narts;
	return n + art;
}

const struct article *
state_article(const struct reader_state *st)
{
	const struct issue	*is = state_issue(st);

	if (st->art >= state_narts(st, st->page))
		return NULL;
	return &is->pages[st->page].arts[st->art];
}

size_t
state_article_no(const struct reader_state *st, size_t *total)
{
	const struct issue	*is = state_issue(st);

	*total = issue_narticles(is);
	return state_ordinal(is, st->page, st->art);
}

bool
state_is_read(const struct reader_state *st, size_t issue, size_t page,
    size_t art)
{
	const struct issue	*is;
	size_t			 k;

	if (issue >= st->nread || st->read[issue] == NULL)
		return false;
	is = library_get(st->lib, issue);
	k = state_ordinal(is, page, art);
	return k < issue_narticles(is) && st->read[issue][k];
}

size_t
state_toc_count(const struct reader_state *st)
{
	const struct issue	*is = state_issue(st);
	size_t			 p, n = 0;

	for (p = 0; p < is->npages; p++)
		n += 1 + is->pages[p].narts;
	return n;
}

void
state_toc_item(const struct reader_state *st, size_t k, size_t *page,
    size_t *art)
{
	const struct issue	*is = state_issue(st);
	size_t			 p;

	for (p = 0; p < is->npages; p++) {
		if (k == 0) {
			*page = p;
			*art = SIZE_MAX;
			return;
		}
		k--;
		if (k < is->pages[p].narts) {
			*page = p;
			*art = k;
			return;
		}
		k -= is->pages[p].narts;
	}
	*page = is->npages;
	*art = SIZE_MAX;
}

/* The contents item of PAGE's article ART (SIZE_MAX: the page line). */
size_t
state_toc_index(const struct reader_state *st, size_t page, size_t art)
{
	const struct issue	*is = state_issue(st);
	size_t			 p, k = 0;

	for (p = 0; p < page && p < is->npages; p++)
		k += 1 + is->pages[p].narts;
	return art == SIZE_MAX ? k : k + 1 + art;
}

void
state_toc_fix(struct reader_state *st)
{
	size_t	n = state_toc_count(st), rows;

	if (n == 0) {
		st->toc_sel = st->toc_top = 0;
		return;
	}
	if (st->toc_sel >= n)
		st->toc_sel = n - 1;
	rows = st->toc_rows > 0 ? (size_t)st->toc_rows : 1;
	if (st->toc_sel < st->toc_top)
		st->toc_top = st->toc_sel;
	if (st->toc_sel >= st->toc_top + rows)
		st->toc_top = st->toc_sel - rows + 1;
	if (n > rows && st->toc_top > n - rows)
		st->toc_top = n - rows;
	if (n <= rows)
		st->toc_top = 0;
}

size_t
state_max_line(const struct reader_state *st)
{
	size_t	rows = st->rows > 0 ? (size_t)st->rows : 1;

	return st->nlines > rows ? st->nlines - rows : 0;
}

int
state_go(struct reader_state *st, size_t page, size_t art)
{
	st->page = page;
	st->art = art;
	st->line = 0;
	st->nlines = 0;
	st->want = st->want_top = false;
	st->top_field = LAYOUT_F_NONE;
	st->top_index = st->top_off = 0;
	state_issue_save(st);
	st->toc_sel = state_toc_index(st, page, art < state_narts(st, page) ?
	    art : SIZE_MAX);
	state_toc_fix(st);
	return STATE_RELAYOUT | STATE_DRAW_ALL;
}

void
state_msg(struct reader_state *st, const char *msg)
{
	st->msg = msg;
}

struct reader_state *
state_new(struct library *lib, struct library_state *store)
{
	struct reader_state	*st = xcalloc(1, sizeof *st);

	st->lib = lib;
	st->store = store;
	st->toc_shown = true;
	st->focus = STATE_FOCUS_TOC;
	st->hop = st->offered = SIZE_MAX;
	search_init(&st->search);
	st->search.flags = SEARCH_MASTHEAD;
	st->hit = SIZE_MAX;
	st->issue = SIZE_MAX;
	state_issue_open(st, state_issue_first(st), true);
	if (st->page == 0 && st->art == 0)
		st->toc_top = 0;	/* the page line above it too */
	return st;
}

void
state_free(struct reader_state *st)
{
	size_t	i;

	if (st == NULL)
		return;
	state_issue_save(st);
	for (i = 0; i < st->nread; i++)
		free(st->read[i]);
	library_unpin(st->lib, st->issue);
	free(st->read);
	free(st->recent);
	free(st->back);
	search_clear(&st->search);
	free(st);
}

void
state_set_view(struct reader_state *st, size_t nlines, int rows)
{
	st->nlines = nlines;
	st->rows = rows;
	if (st->line > state_max_line(st))
		st->line = state_max_line(st);
	state_issue_check_end(st);
}

void
state_set_toc_rows(struct reader_state *st, int rows)
{
	st->toc_rows = rows;
	state_toc_fix(st);
}

void
state_set_line(struct reader_state *st, size_t line)
{
	st->line = line;
	if (st->line > state_max_line(st))
		st->line = state_max_line(st);
	st->want = false;
}

void
state_set_narrow(struct reader_state *st, bool narrow)
{
	st->narrow = narrow;
}

bool
state_want(const struct reader_state *st, enum layout_field *field,
    size_t *index, size_t *off)
{
	if (!st->want)
		return false;
	*field = st->want_field;
	*index = st->want_index;
	*off = st->want_off;
	return true;
}

void
state_show_line(struct reader_state *st, size_t line)
{
	size_t	rows = st->rows > 0 ? (size_t)st->rows : 1;

	if (line != SIZE_MAX && st->want_top)
		state_set_line(st, line);
	else if (line != SIZE_MAX && (line < st->line ||
	    line >= st->line + rows))
		state_set_line(st, line > 2 ? line - 2 : 0);
	st->want = st->want_top = false;
}

void
state_set_top(struct reader_state *st, enum layout_field field,
    size_t index, size_t off)
{
	st->top_field = field;
	st->top_index = index;
	st->top_off = off;
}

static int
state_next_article(struct reader_state *st, int count)
{
	const struct issue	*is = state_issue(st);
	size_t			 p = st->page, a = st->art;

	while (count-- > 0) {
		size_t np = p, na = a + 1;

		while (np < is->npages && na >= is->pages[np].narts) {
			np++;
			na = 0;
		}
		if (np >= is->npages)
			break;
		p = np;
		a = na;
	}
	if (p == st->page && a == st->art)
		return state_issue_hop(st);
	return state_go(st, p, a);
}

static int
state_prev_article(struct reader_state *st, int count)
{
	const struct issue	*is = state_issue(st);
	size_t			 p = st->page, a = st->art;

	if (a > state_narts(st, p))
		a = state_narts(st, p);
	while (count-- > 0) {
		size_t np = p, na = a;

		while (na == 0 && np > 0) {
			np--;
			na = is->pages[np].narts;
		}
		if (na == 0)
			break;
		p = np;
		a = na - 1;
	}
	if (p == st->page && a == st->art) {
		state_msg(st, _("already at the first article"));
		return 0;
	}
	return state_go(st, p, a);
}

static int
state_go_page(struct reader_state *st, int delta)
{
	const struct issue	*is = state_issue(st);
	long			 p = (long)st->page + delta;

	if (p < 0)
		p = 0;
	if (is->npages == 0 || (size_t)p >= is->npages)
		p = is->npages > 0 ? (long)is->npages - 1 : 0;
	if ((size_t)p == st->page) {
		state_msg(st, delta > 0 ? _("already at the last page") :
		    _("already at the first page"));
		return 0;
	}
	return state_go(st, (size_t)p, 0);
}

/* Remember the current place for back (RESULTS: it is the results). */
static void
state_push_mark(struct reader_state *st, bool results)
{
	st->back = util_grow(st->back, &st->backcap, st->nback + 1,
	    sizeof *st->back);
	st->back[st->nback].issue = st->issue;
	st->back[st->nback].page = st->page;
	st->back[st->nback].art = st->art;
	st->back[st->nback].line = st->line;
	st->back[st->nback].results = results;
	st->nback++;
}

/*
 * The reader's search becomes QUERY in the issue shown, at the hit at
 * the model position FIELD, INDEX, OFF (highlighted, and n goes on).
 */
static void
state_search_at(struct reader_state *st, const char *query,
    enum layout_field field, size_t index, size_t off)
{
	struct search_hit	at;
	bool			wrapped;

	search_run(&st->search, state_issue(st), query);
	st->search_issue = st->issue;
	memset(&at, 0, sizeof at);
	at.page = st->page;
	at.art = st->art;
	at.field = field;
	at.index = index;
	at.off = off;
	st->hit = search_find(&st->search, &at, true, &wrapped);
}

int
state_open_result(struct reader_state *st, size_t issue,
    const struct position *pos, const char *query)
{
	size_t	page, art;
	int	fl = 0;

	st->msg = NULL;
	if (issue >= library_count(st->lib))
		return 0;
	if (issue != st->issue)
		fl = state_issue_open(st, issue, false);
	state_push_mark(st, true);
	/* The masthead: the info view shows it. */
	if (pos->field == ARTICLE_F_MASTHEAD) {
		state_search_at(st, query, LAYOUT_F_MASTHEAD, pos->index,
		    pos->off);
		return fl | STATE_INFO | STATE_DRAW_ALL;
	}
	position_locate(pos, state_issue(st), &page, &art);
	fl |= state_go(st, page, art) | STATE_LAYOUT_PANES;
	st->focus = STATE_FOCUS_READER;
	st->want = true;
	st->want_field = (enum layout_field)pos->field;
	st->want_index = pos->index;
	st->want_off = pos->off;
	state_search_at(st, query, st->want_field, pos->index, pos->off);
	return fl;
}

/* Push the current place and jump to the continuation, if any. */
static int
state_follow(struct reader_state *st)
{
	const struct issue	*is = state_issue(st);
	const struct article	*a;
	size_t			 p, k;
	int			 to, from;
	bool			 down;

	if (st->art >= state_narts(st, st->page)) {
		state_msg(st, _("nothing to open here"));
		return 0;
	}
	a = &is->pages[st->page].arts[st->art];
	down = a->cont_page != 0;
	to = down ? a->cont_page : a->from_page;
	from = is->pages[st->page].number;
	if (to == 0) {
		state_msg(st, _("this article does not continue on another "
		    "page"));
		return 0;
	}
	for (p = 0; p < is->npages; p++) {
		if (is->pages[p].number != to)
			continue;
		/* The article there that points back here, else the first. */
		for (k = 0; k < is->pages[p].narts; k++) {
			const struct article *b = &is->pages[p].arts[k];

			if ((down && b->from_page == from) ||
			    (!down && b->cont_page == from))
				break;
		}
		if (k == is->pages[p].narts)
			k = 0;
		state_push_mark(st, false);
		snprintf(st->msgbuf, sizeof st->msgbuf,
		    _("continued on page %d: back with h or q"), to);
		st->msg = st->msgbuf;
		st->focus = STATE_FOCUS_READER;
		return state_go(st, p, k) | STATE_LAYOUT_PANES;
	}
	snprintf(st->msgbuf, sizeof st->msgbuf,
	    _("page %d is not in this issue"), to);
	st->msg = st->msgbuf;
	return 0;
}

/*
 * Back: to where a continuation was followed from, or to the library
 * search's results when the reader came from there (the reader stays).
 */
static int
state_pop(struct reader_state *st)
{
	struct state_mark	*m;
	int			 fl;

	m = &st->back[--st->nback];
	if (m->results)
		return STATE_RESULTS;
	fl = state_go(st, m->page, m->art);
	/* Lines are clamped by the next state_set_view(). */
	st->want = false;
	st->line = m->line;
	st->nlines = SIZE_MAX;
	return fl;
}

static int
state_reader_op(struct reader_state *st, enum op op, int count)
{
	size_t	max = state_max_line(st), rows, step;

	rows = st->rows > 0 ? (size_t)st->rows : 1;
	switch (op) {
	case OP_LINE_DOWN:
	case OP_PAGE_DOWN:
	case OP_HALF_DOWN:
		if (st->line >= max) {
			if (op == OP_PAGE_DOWN)
				return state_next_article(st, 1);
			state_msg(st, _("end of the article"));
			return 0;
		}
		step = op == OP_LINE_DOWN ? 1 : op == OP_HALF_DOWN ?
		    (rows + 1) / 2 : (rows > 2 ? rows - 1 : 1);
		step *= (size_t)count;
		st->line = max - st->line < step ? max : st->line + step;
		return STATE_DRAW_READER;
	case OP_LINE_UP:
	case OP_PAGE_UP:
	case OP_HALF_UP:
		if (st->line == 0) {
			state_msg(st, _("top of the article"));
			return 0;
		}
		step = op == OP_LINE_UP ? 1 : op == OP_HALF_UP ?
		    (rows + 1) / 2 : (rows > 2 ? rows - 1 : 1);
		step *= (size_t)count;
		st->line = st->line < step ? 0 : st->line - step;
		return STATE_DRAW_READER;
	case OP_TOP:
		st->line = 0;
		return STATE_DRAW_READER;
	case OP_BOTTOM:
		st->line = max;
		return STATE_DRAW_READER;
	case OP_OPEN:
		return state_follow(st);
	case OP_BACK:
		if (st->nback > 0)
			return state_pop(st);
		st->focus = STATE_FOCUS_TOC;
		st->toc_shown = true;
		return STATE_DRAW_ALL | STATE_LAYOUT_PANES;
	default:
		return 0;
	}
}

static int
state_toc_op(struct reader_state *st, enum op op, int count)
{
	size_t	n = state_toc_count(st), rows, step, page, art;

	rows = st->toc_rows > 0 ? (size_t)st->toc_rows : 1;
	if (n == 0)
		return 0;
	switch (op) {
	case OP_LINE_DOWN:
	case OP_PAGE_DOWN:
	case OP_HALF_DOWN:
		if (st->toc_sel + 1 >= n) {
			state_msg(st, _("end of the contents"));
			return 0;
		}
		step = op == OP_LINE_DOWN ? 1 : op == OP_HALF_DOWN ?
		    (rows + 1) / 2 : rows;
		step *= (size_t)count;
		st->toc_sel = n - 1 - st->toc_sel < step ? n - 1 :
		    st->toc_sel + step;
		break;
	case OP_LINE_UP:
	case OP_PAGE_UP:
	case OP_HALF_UP:
		if (st->toc_sel == 0) {
			state_msg(st, _("top of the contents"));
			return 0;
		}
		step = op == OP_LINE_UP ? 1 : op == OP_HALF_UP ?
		    (rows + 1) / 2 : rows;
		step *= (size_t)count;
		st->toc_sel = st->toc_sel < step ? 0 : st->toc_sel - step;
		break;
	case OP_TOP:
		st->toc_sel = 0;
		break;
	case OP_BOTTOM:
		st->toc_sel = n - 1;
		break;
	case OP_OPEN:
		return state_toc_open(st, st->toc_sel);
	case OP_BACK:
		state_toc_item(st, st->toc_sel, &page, &art);
		st->toc_sel = state_toc_index(st, page, SIZE_MAX);
		break;
	default:
		return 0;
	}
	state_toc_fix(st);
	return STATE_DRAW_TOC;
}

int
state_toc_open(struct reader_state *st, size_t k)
{
	size_t	page, art;
	int	fl;

	st->msg = NULL;
	if (k >= state_toc_count(st))
		return 0;
	state_toc_item(st, k, &page, &art);
	if (art == SIZE_MAX)
		art = 0;
	fl = state_go(st, page, art);
	if (art >= state_narts(st, page)) {
		st->toc_sel = k;
		state_toc_fix(st);
		state_msg(st, _("this page has no articles"));
		return fl | STATE_DRAW_TOC;
	}
	st->focus = STATE_FOCUS_READER;
	return fl | STATE_LAYOUT_PANES;
}

int
state_scroll(struct reader_state *st, bool toc, int delta)
{
	size_t	n, d = (size_t)(delta < 0 ? -delta : delta), max;

	st->msg = NULL;
	if (toc) {
		n = state_toc_count(st);
		if (delta < 0)
			st->toc_sel = st->toc_sel < d ? 0 : st->toc_sel - d;
		else
			st->toc_sel = n > 0 && st->toc_sel + d >= n ? n - 1 :
			    st->toc_sel + d;
		state_toc_fix(st);
		return STATE_DRAW_TOC;
	}
	max = state_max_line(st);
	if (delta < 0)
		st->line = st->line < d ? 0 : st->line - d;
	else
		st->line = st->line + d > max ? max : st->line + d;
	state_issue_check_end(st);
	return STATE_DRAW_READER;
}

/*
 * Go to hit I of the current search. A hit in the masthead, which the
 * reader does not show, opens the info view, which does.
 */
static int
state_go_hit(struct reader_state *st, size_t i)
{
	const struct search_hit	*h = &st->search.hits[i];
	int			 fl = STATE_DRAW_READER;

	st->hit = i;
	if (h->field == LAYOUT_F_MASTHEAD)
		return STATE_INFO | STATE_DRAW_ALL;
	if (h->page != st->page || h->art != st->art)
		fl = state_go(st, h->page, h->art);
	st->want = true;
	st->want_field = h->field;
	st->want_index = h->index;
	st->want_off = h->off;
	return fl | STATE_DRAW_TOC;
}

static void
state_here(const struct reader_state *st, struct search_hit *at)
{
	memset(at, 0, sizeof *at);
	at->page = st->page;
	at->art = st->art;
	at->field = st->top_field;
	at->index = st->top_index;
	at->off = st->top_off;
}

/* Matches of QUERY in issue I: in memory, or in the index IX, or 0. */
static size_t
state_count_in(struct reader_state *st, struct library_index *ix, size_t i,
    const char *query)
{
	const struct library_issue	*e = library_entry(st->lib, i);
	const char			*folded;
	size_t				 n = 0, len;

	if (e->parsed != NULL)
		return search_count(&st->search, e->parsed, query);
	if (ix != NULL && library_index_find(ix, st->lib, i,
	    st->search.variants)) {
		folded = library_index_folded(ix, &len);
		n = search_count_folded(&st->search, folded, len, query);
		library_index_done(ix);
	}
	return n;
}

/*
 * QUERY is not in this issue: say so, and how many matches the other
 * issues in memory or in the search index hold, which S lists.
 */
static void
state_not_found(struct reader_state *st, const char *query)
{
	struct library_index	*ix = NULL;
	size_t			 i, n, hits = 0, issues = 0;
	char			 m[64], k[64], *note, *cause;

	if (st->lib->cache_dir != NULL) {
		ix = library_index_open(st->lib->cache_dir, false, &note,
		    &cause);
		free(note);
		free(cause);
	}
	for (i = 0; i < library_count(st->lib); i++) {
		if (i == st->issue)
			continue;
		n = state_count_in(st, ix, i, query);
		hits += n;
		issues += n > 0;
	}
	library_index_close(ix);
	if (hits == 0) {
		snprintf(st->msgbuf, sizeof st->msgbuf, _("not found: %s"),
		    query);
		st->msg = st->msgbuf;
		return;
	}
	snprintf(m, sizeof m, P_("%zu match", "%zu matches", hits), hits);
	snprintf(k, sizeof k, P_("%zu other issue", "%zu other issues",
	    issues), issues);
	/* TRANSLATORS: not found here: QUERY; 42 matches in 3 other issues. */
	snprintf(st->msgbuf, sizeof st->msgbuf, _("not found here: %s; %s "
	    "in %s (S lists them)"), query, m, k);
	st->msg = st->msgbuf;
}

static int
state_match(struct reader_state *st, bool forward, int count)
{
	struct search_hit	 at;
	bool			 wrapped = false, w;
	size_t			 i = SIZE_MAX;

	if (st->search.query == NULL) {
		state_msg(st, _("no search yet: type / to search"));
		return 0;
	}
	if (st->search_issue != st->issue) {
		search_run(&st->search, state_issue(st), st->search.query);
		st->search_issue = st->issue;
		st->hit = SIZE_MAX;
	}
	if (st->search.n == 0) {
		state_not_found(st, st->search.query);
		return 0;
	}
	while (count-- > 0) {
		if (i == SIZE_MAX && st->hit < st->search.n &&
		    st->search.hits[st->hit].page == st->page &&
		    st->search.hits[st->hit].art == st->art)
			i = st->hit;
		if (i != SIZE_MAX) {
			if (forward) {
				w = i + 1 == st->search.n;
				i = w ? 0 : i + 1;
			} else {
				w = i == 0;
				i = w ? st->search.n - 1 : i - 1;
			}
		} else {
			state_here(st, &at);
			i = search_find(&st->search, &at, forward, &w);
		}
		wrapped = wrapped || w;
	}
	if (wrapped)
		state_msg(st, forward ? _("search wrapped around to the "
		    "first match") : _("search wrapped around to the last "
		    "match"));
	return state_go_hit(st, i);
}

int
state_search(struct reader_state *st, const char *query)
{
	struct search_hit	at;
	size_t			i;
	bool			wrapped;

	st->msg = NULL;
	if (query == NULL || *query == '\0')
		return 0;
	search_run(&st->search, state_issue(st), query);
	st->search_issue = st->issue;
	st->hit = SIZE_MAX;
	if (st->search.n == 0) {
		state_not_found(st, query);
		return STATE_DRAW_ALL;
	}
	state_here(st, &at);
	i = search_find(&st->search, &at, true, &wrapped);
	if (wrapped)
		state_msg(st, _("search wrapped around to the first match"));
	return state_go_hit(st, i);
}

int
state_apply(struct reader_state *st, enum op op, int count)
{
	int	fl = 0;

	st->msg = NULL;
	/* An offer to open the next issue holds for the next op only. */
	st->offered = st->hop;
	st->hop = SIZE_MAX;
	/* A count before g (top) goes to 版 N. */
	if (op == OP_TOP && count > 0)
		return state_issue_page(st, count);
	if (count < 1)
		count = 1;
	switch (op) {
	case OP_NONE:
	case OP__COUNT:
		return 0;
	case OP_LINE_DOWN:
	case OP_LINE_UP:
	case OP_PAGE_DOWN:
	case OP_PAGE_UP:
	case OP_HALF_DOWN:
	case OP_HALF_UP:
	case OP_TOP:
	case OP_BOTTOM:
	case OP_OPEN:
	case OP_BACK:
		if (st->focus == STATE_FOCUS_TOC)
			return state_toc_op(st, op, count);
		fl = state_reader_op(st, op, count);
		state_issue_check_end(st);
		return fl;
	case OP_FOCUS_NEXT:
		st->focus = st->focus == STATE_FOCUS_TOC ?
		    STATE_FOCUS_READER : STATE_FOCUS_TOC;
		if (st->focus == STATE_FOCUS_TOC && !st->toc_shown) {
			st->toc_shown = true;
			fl = STATE_LAYOUT_PANES;
		}
		return fl | STATE_DRAW_ALL | (st->narrow ?
		    STATE_LAYOUT_PANES : 0);
	case OP_TOGGLE_CONTENTS:
		if (st->narrow) {
			st->focus = st->focus == STATE_FOCUS_TOC ?
			    STATE_FOCUS_READER : STATE_FOCUS_TOC;
			st->toc_shown = true;
		} else {
			st->toc_shown = !st->toc_shown;
			st->focus = st->toc_shown ? STATE_FOCUS_TOC :
			    STATE_FOCUS_READER;
		}
		return STATE_LAYOUT_PANES | STATE_DRAW_ALL;
	case OP_NEXT_ARTICLE:
		return state_next_article(st, count);
	case OP_PREV_ARTICLE:
		return state_prev_article(st, count);
	case OP_NEXT_PAGE:
		return state_go_page(st, count);
	case OP_PREV_PAGE:
		return state_go_page(st, -count);
	case OP_NEXT_ISSUE:
		return state_issue_step(st, 1, count);
	case OP_PREV_ISSUE:
		return state_issue_step(st, -1, count);
	case OP_SEARCH:
		return STATE_PROMPT;
	case OP_SEARCH_LIBRARY:
		return STATE_LIBRARY_PROMPT;
	case OP_NEXT_MATCH:
		return state_match(st, true, count);
	case OP_PREV_MATCH:
		return state_match(st, false, count);
	case OP_INFO:
		return STATE_INFO;
	case OP_HELP:
		return STATE_HELP;
	case OP_QUIT:
		if (st->nback > 0)
			return state_pop(st);
		if (st->narrow && st->focus == STATE_FOCUS_READER) {
			st->focus = STATE_FOCUS_TOC;
			return STATE_LAYOUT_PANES | STATE_DRAW_ALL;
		}
		return STATE_QUIT;
	case OP_QUIT_NOW:
		return STATE_QUIT;
	case OP_REDRAW:
		return STATE_REDRAW;
	case OP_ISSUES:
		return STATE_ISSUES;
	case OP_CALENDAR:
		return STATE_CALENDAR;
	case OP_BOOKMARKS:
		return STATE_BOOKMARKS;
	case OP_BOOKMARK:
	case OP_PIPE:
	case OP_SAVE:
		if (state_article(st) == NULL) {
			state_msg(st, _("no article here"));
			return 0;
		}
		return op == OP_BOOKMARK ? STATE_BOOKMARK : op == OP_PIPE ?
		    STATE_PIPE : STATE_SAVE;
	}
	return 0;
}

int
state_set_focus(struct reader_state *st, enum state_focus focus)
{
	st->msg = NULL;
	st->focus = focus;
	return STATE_DRAW_ALL;
}

struct library_state *
state_store(const struct reader_state *st)
{
	return st->store;
}

struct library *
state_library(const struct reader_state *st)
{
	return st->lib;
}

size_t
state_issue_index(const struct reader_state *st)
{
	return st->issue;
}

size_t
state_page(const struct reader_state *st)
{
	return st->page;
}

size_t
state_art(const struct reader_state *st)
{
	return st->art;
}

size_t
state_line(const struct reader_state *st)
{
	return st->line;
}

enum state_focus
state_focus(const struct reader_state *st)
{
	return st->focus;
}

bool
state_toc_shown(const struct reader_state *st)
{
	return st->toc_shown;
}

size_t
state_toc_sel(const struct reader_state *st)
{
	return st->toc_sel;
}

size_t
state_toc_top(const struct reader_state *st)
{
	return st->toc_top;
}

size_t
state_back_depth(const struct reader_state *st)
{
	return st->nback;
}

const char *
state_message(const struct reader_state *st)
{
	return st->msg;
}

void
state_set_variants(struct reader_state *st, bool on)
{
	search_set_variants(&st->search, on);
	st->search_issue = SIZE_MAX;
	st->hit = SIZE_MAX;
}

bool
state_variants(const struct reader_state *st)
{
	return st->search.variants;
}

const char *
state_query(const struct reader_state *st)
{
	return st->search.query;
}

const struct search *
state_hits(const struct reader_state *st, size_t *hit)
{
	*hit = st->hit;
	if (st->search.query == NULL || st->search_issue != st->issue)
		return NULL;
	return &st->search;
}
