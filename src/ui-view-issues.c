/*
 * ui-view-issues.c -- the issue list: every issue of the library, newest
 * first, with its paper, date, number of pages (版) and how many of its
 * articles are unread. Enter opens the issue where the reader left it;
 * q goes back. Counts come from the catalogue and the reading state, so
 * listing ten years parses nothing; an issue never opened shows the
 * count its file names give (crawler folders) or "new". While a walk
 * finds issues, the list grows around the selection.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "library.h"
#include "library-state.h"
#include "state.h"
#include "ui-list.h"
#include "ui-view.h"

/* Columns: the paper's, and where the counts start from the right. */
#define UI_ISSUES_PAPER_W	24
#define UI_ISSUES_COUNTS_W	22

struct ui_issues {
	struct ui_list	 l;
	size_t		*order;		/* catalogue indexes, newest first */
};

static long
ui_issues_day(const struct library_issue *e)
{
	return e->year * 10000L + e->month * 100 + e->day;
}

/* An issue to sort: its day, its place in archive order, its index. */
struct ui_issues_key {
	long	day;
	size_t	rank, i;
};

static int
ui_issues_cmp(const void *va, const void *vb)
{
	const struct ui_issues_key *a = va, *b = vb;

	if (a->day != b->day)
		return a->day > b->day ? -1 : 1;
	return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* List the library's issues, newest first, with issue SEL selected. */
static void
ui_issues_list(struct ui *u, struct ui_issues *v, size_t sel)
{
	struct library		*lib = state_library(u->st);
	struct ui_issues_key	*keys;
	size_t			 i;

	v->l.n = library_count(lib);
	keys = xcalloc(v->l.n + 1, sizeof *keys);
	for (i = 0; i < v->l.n; i++) {
		keys[i].day = ui_issues_day(library_entry(lib, i));
		keys[i].rank = library_rank(lib, i);
		keys[i].i = i;
	}
	qsort(keys, v->l.n, sizeof *keys, ui_issues_cmp);
	free(v->order);
	v->order = xcalloc(v->l.n + 1, sizeof *v->order);
	for (i = 0; i < v->l.n; i++) {
		v->order[i] = keys[i].i;
		if (v->order[i] == sel)
			ui_list_select(&v->l, i);
	}
	free(keys);
}

static void *
ui_issues_enter(struct ui *u)
{
	struct ui_issues	*v = xcalloc(1, sizeof *v);

	ui_issues_list(u, v, state_issue_index(u->st));
	return v;
}

/* Issues were found: list them, the same one selected. */
static void
ui_issues_update(struct ui *u, void *data, int flags)
{
	struct ui_issues	*v = data;

	if (flags & STATE_LIBRARY)
		ui_issues_list(u, v, v->l.n > 0 ? v->order[v->l.sel] :
		    (size_t)-1);
}

static void
ui_issues_leave(struct ui *u, void *data)
{
	struct ui_issues	*v = data;

	(void)u;
	free(v->order);
	free(v);
}

/*
 * Unread articles of issue I into BUF, and whether it is all read:
 * "12 unread", "all read", "new" (never opened, count unknown).
 */
static bool
ui_issues_unread(struct ui *u, size_t i, char *buf, size_t size)
{
	struct library		*lib = state_library(u->st);
	struct library_state	*ls = state_store(u->st);
	const struct library_issue *e = library_entry(lib, i);
	struct position		 key;
	long			 n = -1, r = 0;

	memset(&key, 0, sizeof key);
	position_set_paper(&key, e->paper);
	key.year = e->year;
	key.month = e->month;
	key.day = e->day;
	if (ls != NULL) {
		n = library_state_count(ls, &key);
		r = library_state_read_count(ls, &key);
	}
	if (n < 0)
		n = e->narts;
	if (n < 0) {
		snprintf(buf, size, "%s", r > 0 ? _("partly read") : _("new"));
		return false;
	}
	if (r >= n) {
		snprintf(buf, size, "%s", _("all read"));
		return true;
	}
	snprintf(buf, size, _("%ld unread"), n - r);
	return false;
}

static void
ui_issues_row(struct ui *u, void *data, size_t k, int y, int x, int maxx,
    bool selected)
{
	struct ui_issues		*v = data;
	struct library			*lib = state_library(u->st);
	size_t				 i = v->order[k];
	const struct library_issue	*e = library_entry(lib, i);
	const char			*paper;
	char				 date[16], pages[32], unread[64];
	attr_t				 at;
	bool				 read;
	int				 cx;

	read = ui_issues_unread(u, i, unread, sizeof unread);
	at = u->roles[selected ? UI_ROLE_TOC_SEL : read ? UI_ROLE_TOC_READ :
	    UI_ROLE_TOC_ITEM];
	ui_blank(y, x, maxx, at);
	if (i == state_issue_index(u->st))
		ui_put(y, x + 1, maxx, ">", 1, at);
	library_date_str(lib, i, date);
	cx = ui_put(y, x + 3, maxx, date[0] != '\0' ? date : "----------",
	    date[0] != '\0' ? strlen(date) : 10, at);
	cx += 2;
	paper = library_paper_name(lib, i);
	ui_put(y, cx, maxx - UI_ISSUES_COUNTS_W - 1 > cx + 4 ?
	    maxx - UI_ISSUES_COUNTS_W - 1 : maxx, paper, strlen(paper), at);
	if (maxx - x < UI_ISSUES_COUNTS_W + 16)
		return;
	if (e->npages > 0)
		snprintf(pages, sizeof pages, _("%d版"), e->npages);
	else
		snprintf(pages, sizeof pages, "-");
	ui_blank(y, maxx - UI_ISSUES_COUNTS_W, maxx, at);
	ui_put(y, maxx - UI_ISSUES_COUNTS_W, maxx, pages, strlen(pages), at);
	ui_put(y, maxx - UI_ISSUES_COUNTS_W + 7, maxx, unread, strlen(unread),
	    at);
}

static bool
ui_issues_key(struct ui *u, void *data, int key, enum op op, int count)
{
	struct ui_issues	*v = data;
	size_t			 pick;

	if (key == UI_ESC)
		op = OP_QUIT;
	if (ui_list_move(&v->l, op, count))
		return true;
	switch (op) {
	case OP_OPEN:
		if (v->l.n == 0)
			return true;
		pick = v->order[v->l.sel];	/* ui_pop() frees V */
		ui_pop(u);
		ui_apply(u, state_open_issue(u->st, pick));
		return true;
	case OP_QUIT:
	case OP_BACK:
	case OP_ISSUES:
		ui_pop(u);
		return true;
	case OP_QUIT_NOW:
		u->quit = true;
		return true;
	case OP_REDRAW:
		clearok(curscr, TRUE);
		return true;
	default:
		return false;
	}
}

static void
ui_issues_draw(struct ui *u, void *data, const struct ui_rect *r,
    bool focused)
{
	struct ui_issues	*v = data;
	char			*title;

	(void)focused;
	title = xasprintf(P_("%zu issue, newest first (Enter opens, q "
	    "closes)", "%zu issues, newest first (Enter opens, q closes)",
	    v->l.n), v->l.n);
	ui_list_draw(u, &v->l, r, title, NULL, "", ui_issues_row, v);
	free(title);
}

static void
ui_issues_status(struct ui *u, void *data, struct buf *left,
    struct buf *right)
{
	struct ui_issues	*v = data;
	char			 tmp[64];

	(void)u;
	buf_adds(left, _("issues"));
	snprintf(tmp, sizeof tmp, "%zu/%zu", v->l.n > 0 ? v->l.sel + 1 : 0,
	    v->l.n);
	buf_adds(right, tmp);
}

const struct ui_view ui_view_issues = {
	.name = "issues",
	.enter = ui_issues_enter,
	.leave = ui_issues_leave,
	.key = ui_issues_key,
	.draw = ui_issues_draw,
	.status = ui_issues_status,
	.update = ui_issues_update,
};
