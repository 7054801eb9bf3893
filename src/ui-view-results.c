/*
 * ui-view-results.c -- the library search's results (S): every match of
 * the query in every issue of the library, grouped by issue (date and
 * paper, with its number of matches), then by page and article (with
 * theirs), each match on a row of its own: a keyword-in-context snippet
 * centred on the match and fitted to the width (search_kwic()), the
 * match highlighted. Enter opens the article at the match; back (h, q)
 * from there comes back to this list as it was.
 *
 * The search runs between keys (the view's work function): some issues
 * at a time through library-search.c (the index where it holds an
 * issue, else a parse, which goes into the index on the way), with a
 * progress bar on the title row; Esc stops it and keeps what was found.
 * Rows are added as issues are done, so the list can be read at once.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "util.h"
#include "library.h"
#include "library-index.h"
#include "library-search.h"
#include "model.h"
#include "search.h"
#include "state.h"
#include "text.h"
#include "ui-view.h"

/* Time given to the search between two looks at the keyboard. */
#define UI_RESULTS_SLICE_MS	40
/* Bytes of a field kept on each side of a match, for its snippet. */
#define UI_RESULTS_CONTEXT	240
/* Indents of article and match rows. */
#define UI_RESULTS_ART_INDENT	2
#define UI_RESULTS_HIT_INDENT	4

#define UI_RESULTS_ELLIPSIS	"\xe2\x80\xa6"

/* One match: where it is, and the text around it. */
struct ui_results_hit {
	size_t		 issue;		/* in the library */
	struct position	 pos;		/* article, field, index, offset */
	size_t		 len;		/* bytes matched */
	char		*window;	/* the field's text around it */
	size_t		 wlen, woff;	/* its length, the match in it */
	bool		 cut_left, cut_right;	/* the field goes on */
};

enum ui_results_kind {
	UI_RESULTS_ISSUE,
	UI_RESULTS_ARTICLE,
	UI_RESULTS_HIT
};

struct ui_results_row {
	enum ui_results_kind	 kind;
	size_t			 hit;	/* the match, or the first of the
					   group */
	size_t			 count;	/* matches of the group */
	char			*label;	/* issue and article rows */
};

struct ui_results {
	char			*query;
	struct library_search	 ls;
	struct library_index	*ix;
	size_t			 next, total;	/* issues searched, all */
	size_t			 issues;	/* issues with matches */
	bool			 running, stopped;
	struct ui_results_hit	*hits;
	size_t			 nhits, hitcap;
	struct ui_results_row	*rows;
	size_t			 nrows, rowcap;
	size_t			 issue_row, art_row;	/* open groups */
	size_t			 sel, top;
	int			 h;		/* list rows in view */
};

/* ------------------------------------------------------------------ */
/* Collecting the matches. */

static size_t
ui_results_add_row(struct ui_results *r, enum ui_results_kind kind,
    char *label)
{
	struct ui_results_row	*w;

	r->rows = util_grow(r->rows, &r->rowcap, r->nrows + 1,
	    sizeof *r->rows);
	w = &r->rows[r->nrows];
	w->kind = kind;
	w->hit = r->nhits;
	w->count = 0;
	w->label = label;
	return r->nrows++;
}

/* "2021-03-04 中國國防報" for issue I. */
static char *
ui_results_issue_label(const struct library *lib, size_t i,
    const struct issue *is)
{
	char	date[16];

	library_date_str(lib, i, date);
	return xasprintf("%s %s", date[0] != '\0' ? date : _("(no date)"),
	    is->title != NULL ? is->title : "");
}

/* "第1版 要闻  滿洲裏口岸迎來班列" for hit H's article. */
static char *
ui_results_article_label(const struct issue *is, const struct search_hit *h)
{
	const struct page	*pg = &is->pages[h->page];
	char			 p[256];

	if (h->field == LAYOUT_F_MASTHEAD)
		return xstrdup(_("masthead"));
	page_label(pg, h->page, p, sizeof p);
	return xasprintf("%s  %s", p, article_title(&pg->arts[h->art]));
}

/* Start of the character at or before OFF in S. */
static size_t
ui_results_char_start(const char *s, size_t off)
{
	while (off > 0 && ((unsigned char)s[off] & 0xc0) == 0x80)
		off--;
	return off;
}

/* The hit H of issue I (IS): its place and the text around it. */
static void
ui_results_add_hit(struct ui_results *r, struct library *lib, size_t i,
    const struct issue *is, const struct search_hit *h)
{
	struct ui_results_hit	*x;
	const char		*t = search_hit_text(is, h);
	size_t			 n = t != NULL ? strlen(t) : 0, a, b;

	r->hits = util_grow(r->hits, &r->hitcap, r->nhits + 1,
	    sizeof *r->hits);
	x = &r->hits[r->nhits++];
	memset(x, 0, sizeof *x);
	x->issue = i;
	position_set_paper(&x->pos, library_entry(lib, i)->paper);
	x->pos.year = library_entry(lib, i)->year;
	x->pos.month = library_entry(lib, i)->month;
	x->pos.day = library_entry(lib, i)->day;
	position_set_article(&x->pos, is, h->page, h->art);
	x->pos.field = (enum article_field)h->field;
	x->pos.index = (unsigned)h->index;
	x->pos.off = h->off;
	x->len = h->len;
	a = h->off > UI_RESULTS_CONTEXT ? h->off - UI_RESULTS_CONTEXT : 0;
	a = ui_results_char_start(t != NULL ? t : "", a);
	b = h->off + h->len + UI_RESULTS_CONTEXT < n ? h->off + h->len +
	    UI_RESULTS_CONTEXT : n;
	b = ui_results_char_start(t != NULL ? t : "", b);
	x->window = xstrndup(t != NULL ? t + a : "", b - a);
	x->wlen = b - a;
	x->woff = h->off - a;
	x->cut_left = a > 0;
	x->cut_right = b < n;
}

/* The matches of issue I (IS), found by ls, as rows. */
static void
ui_results_add_issue(struct ui_results *r, struct library *lib, size_t i,
    const struct issue *is)
{
	const struct search	*s = &r->ls.search;
	const struct search_hit	*h, *prev = NULL;
	size_t			 k;

	r->issue_row = ui_results_add_row(r, UI_RESULTS_ISSUE,
	    ui_results_issue_label(lib, i, is));
	r->issues++;
	for (k = 0; k < s->n; k++) {
		h = &s->hits[k];
		if (prev == NULL || prev->page != h->page ||
		    prev->art != h->art || (prev->field == LAYOUT_F_MASTHEAD)
		    != (h->field == LAYOUT_F_MASTHEAD))
			r->art_row = ui_results_add_row(r, UI_RESULTS_ARTICLE,
			    ui_results_article_label(is, h));
		ui_results_add_row(r, UI_RESULTS_HIT, NULL);
		ui_results_add_hit(r, lib, i, is, h);
		r->rows[r->issue_row].count++;
		r->rows[r->art_row].count++;
		prev = h;
	}
}

static long
ui_results_ms_since(const struct timespec *t0)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000L + (now.tv_nsec -
	    t0->tv_nsec) / 1000000L;
}

/* Search issues for a slice of time; false once all are done. */
static bool
ui_results_work(struct ui *u, void *data)
{
	struct ui_results	*r = data;
	struct library		*lib = state_library(u->st);
	const struct issue	*is;
	struct timespec		 t0;
	char			*cause;

	if (!r->running)
		return false;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (r->ix != NULL && library_index_begin(r->ix, &cause) != 0)
		free(cause);
	while (r->next < r->total && ui_results_ms_since(&t0) <
	    UI_RESULTS_SLICE_MS) {
		if ((is = library_search_issue(&r->ls, r->next)) != NULL)
			ui_results_add_issue(r, lib, r->next, is);
		r->next++;
	}
	if (r->ix != NULL && library_index_end(r->ix, &cause) != 0)
		free(cause);
	r->running = r->next < r->total;
	return r->running;
}

/* ------------------------------------------------------------------ */
/* The view. */

static void *
ui_results_enter(struct ui *u)
{
	struct ui_results	*r;
	struct library		*lib = state_library(u->st);
	char			*note, *cause;

	if (u->results_kept != NULL) {	/* back from an article */
		r = u->results_kept;
		u->results_kept = NULL;
		return r;
	}
	r = xcalloc(1, sizeof *r);
	r->query = u->results_query != NULL ? u->results_query : xstrdup("");
	u->results_query = NULL;
	if (lib->cache_dir != NULL) {
		r->ix = library_index_open(lib->cache_dir, true, &note, &cause);
		if (note != NULL || cause != NULL)
			ui_message(u, cause != NULL, "%s",
			    cause != NULL ? cause : note);
		free(note);
		free(cause);
	}
	library_search_init(&r->ls, lib, r->ix, true, r->query,
	    state_variants(u->st));
	r->total = library_count(lib);
	r->running = true;
	return r;
}

static void
ui_results_free(struct ui_results *r)
{
	size_t	i;

	library_search_clear(&r->ls);
	library_index_close(r->ix);
	for (i = 0; i < r->nhits; i++)
		free(r->hits[i].window);
	for (i = 0; i < r->nrows; i++)
		free(r->rows[i].label);
	free(r->hits);
	free(r->rows);
	free(r->query);
	free(r);
}

static void
ui_results_leave(struct ui *u, void *data)
{
	/* Kept while its article is read; freed when another search runs. */
	if (data == u->results_kept)
		return;
	ui_results_free(data);
}

void
ui_results_drop(struct ui *u)
{
	if (u->results_kept != NULL)
		ui_results_free(u->results_kept);
	u->results_kept = NULL;
	free(u->results_query);
	u->results_query = NULL;
}

/* Keep the selection in view and on a row. */
static void
ui_results_fix(struct ui_results *r)
{
	size_t	h = r->h > 0 ? (size_t)r->h : 1;

	if (r->nrows == 0) {
		r->sel = r->top = 0;
		return;
	}
	if (r->sel >= r->nrows)
		r->sel = r->nrows - 1;
	if (r->sel < r->top)
		r->top = r->sel;
	if (r->sel >= r->top + h)
		r->top = r->sel - h + 1;
}

/* Open the match of row K: the reader goes there, this list waits. */
static void
ui_results_open(struct ui *u, struct ui_results *r, size_t k)
{
	const struct ui_results_hit	*x;
	int				 fl;

	if (k >= r->nrows)
		return;
	x = &r->hits[r->rows[k].hit];
	r->sel = k;
	u->results_kept = r;
	ui_pop(u);
	fl = state_open_result(u->st, x->issue, &x->pos, r->query);
	ui_apply(u, fl);
}

/* Move the selection by DELTA rows (clamped). */
static void
ui_results_move(struct ui_results *r, long delta)
{
	if (delta < 0)
		r->sel = (size_t)-delta > r->sel ? 0 : r->sel - (size_t)-delta;
	else
		r->sel = r->sel + (size_t)delta;
	ui_results_fix(r);
}

static bool
ui_results_key(struct ui *u, void *data, int key, enum op op, int count)
{
	struct ui_results	*r = data;
	long			 n = count > 0 ? count : 1;

	if (key == UI_ESC && r->running) {
		r->running = false;
		r->stopped = true;
		return true;
	}
	switch (key == UI_ESC ? OP_QUIT : op) {
	case OP_LINE_DOWN:
		ui_results_move(r, n);
		break;
	case OP_LINE_UP:
		ui_results_move(r, -n);
		break;
	case OP_PAGE_DOWN:
	case OP_HALF_DOWN:
		ui_results_move(r, n * (op == OP_PAGE_DOWN ? r->h : r->h / 2));
		break;
	case OP_PAGE_UP:
	case OP_HALF_UP:
		ui_results_move(r, -n * (op == OP_PAGE_UP ? r->h : r->h / 2));
		break;
	case OP_TOP:
		r->sel = 0;
		ui_results_fix(r);
		break;
	case OP_BOTTOM:
		r->sel = r->nrows > 0 ? r->nrows - 1 : 0;
		ui_results_fix(r);
		break;
	case OP_OPEN:
		ui_results_open(u, r, r->sel);
		break;
	case OP_QUIT_NOW:
		u->quit = true;
		break;
	case OP_QUIT:
	case OP_BACK:
	case OP_SEARCH_LIBRARY:
		ui_pop(u);
		break;
	case OP_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		return op != OP_NONE;
	}
	return true;
}

/* The title row: the query and counts, or the progress bar. */
static void
ui_results_title(struct ui *u, const struct ui_results *r, int y, int x,
    int maxx)
{
	attr_t	at = u->roles[UI_ROLE_HEADLINE];
	char	*s, m[64], k[64];
	int	w, bar, i;

	snprintf(m, sizeof m, P_("%zu match", "%zu matches",
	    r->ls.matches), r->ls.matches);
	snprintf(k, sizeof k, P_("%zu issue", "%zu issues", r->issues),
	    r->issues);
	ui_blank(y, x, maxx, at);
	/* TRANSLATORS: library search: QUERY: 42 matches in 3 issues. */
	s = xasprintf(_("library search: %s: %s in %s"), r->query, m, k);
	x = ui_put(y, x + 1, maxx, s, strlen(s), at);
	free(s);
	if (!r->running)
		return;
	/* [#####.....] 120/365, Esc stops */
	s = xasprintf(_(" %zu/%zu (Esc stops) "), r->next, r->total);
	w = maxx - x - text_strwidth(s, strlen(s)) - 3;
	x = ui_put(y, x, maxx, s, strlen(s), at);
	free(s);
	if (w < 4)
		return;
	bar = r->total > 0 ? (int)((double)w * (double)r->next /
	    (double)r->total) : 0;
	x = ui_put(y, x, maxx, "[", 1, at);
	for (i = 0; i < w; i++)
		x = ui_put(y, x, maxx, i < bar ? "#" : ".", 1,
		    u->roles[i < bar ? UI_ROLE_HELP_KEY : UI_ROLE_NORMAL]);
	ui_put(y, x, maxx, "]", 1, at);
}

/* A group's row: its label, its count on the right. */
static void
ui_results_draw_group(const struct ui_results_row *w, int y, int x, int maxx,
    attr_t at)
{
	char	c[32];
	int	cw;

	snprintf(c, sizeof c, "%zu", w->count);
	cw = (int)strlen(c);
	ui_blank(y, x, maxx, at);
	ui_put(y, x + (w->kind == UI_RESULTS_ARTICLE ? UI_RESULTS_ART_INDENT :
	    0), maxx - cw - 2, w->label, strlen(w->label), at);
	ui_put(y, maxx - cw - 1, maxx, c, strlen(c), at);
}

/* A match's row: the snippet, the match highlighted. */
static void
ui_results_draw_hit(struct ui *u, const struct ui_results_hit *x, int y,
    int col, int maxx, bool sel)
{
	struct search_kwic	k;
	attr_t			at = u->roles[sel ? UI_ROLE_TOC_SEL :
				    UI_ROLE_BODY];
	int			cols = maxx - col - UI_RESULTS_HIT_INDENT;
	size_t			me;

	ui_blank(y, col, maxx, at);
	col += UI_RESULTS_HIT_INDENT;
	search_kwic(x->window, x->wlen, x->woff, x->len, cols, &k);
	if (k.cut_left || (k.start == 0 && x->cut_left))
		col = ui_put(y, col, maxx, UI_RESULTS_ELLIPSIS, 3, at);
	col = ui_put(y, col, maxx, x->window + k.start, x->woff - k.start,
	    at);
	me = x->woff + x->len < k.end ? x->woff + x->len : k.end;
	col = ui_put(y, col, maxx, x->window + x->woff, me - x->woff,
	    u->roles[sel ? UI_ROLE_MATCH_CUR : UI_ROLE_MATCH]);
	col = ui_put(y, col, maxx, x->window + me, k.end - me, at);
	if (k.cut_right || (k.end == x->wlen && x->cut_right))
		ui_put(y, col, maxx, UI_RESULTS_ELLIPSIS, 3, at);
}

static void
ui_results_draw(struct ui *u, void *data, const struct ui_rect *rc,
    bool focused)
{
	struct ui_results		*r = data;
	const struct ui_results_row	*w;
	size_t				 i;
	int				 row, maxx = rc->x + rc->w;
	attr_t				 at;

	(void)focused;
	r->h = rc->h > 1 ? rc->h - 1 : 1;
	ui_results_fix(r);
	ui_results_title(u, r, rc->y, rc->x, maxx);
	for (row = 1; row < rc->h; row++) {
		i = r->top + (size_t)row - 1;
		if (i >= r->nrows) {
			ui_blank(rc->y + row, rc->x, maxx,
			    u->roles[UI_ROLE_NORMAL]);
			continue;
		}
		w = &r->rows[i];
		if (w->kind == UI_RESULTS_HIT) {
			ui_results_draw_hit(u, &r->hits[w->hit], rc->y + row,
			    rc->x, maxx, i == r->sel);
			continue;
		}
		at = u->roles[i == r->sel ? UI_ROLE_TOC_SEL :
		    w->kind == UI_RESULTS_ISSUE ? UI_ROLE_TOC_PAGE :
		    UI_ROLE_KICKER];
		ui_results_draw_group(w, rc->y + row, rc->x, maxx, at);
	}
}

static void
ui_results_status(struct ui *u, void *data, struct buf *left,
    struct buf *right)
{
	struct ui_results	*r = data;

	(void)u;
	buf_adds(left, _("library search"));
	if (r->stopped)
		buf_adds(right, _("stopped"));
	else if (!r->running && r->nhits == 0)
		buf_printf(right, _("not found: %s"), r->query);
	else if (r->nrows > 0)
		buf_printf(right, "%zu/%zu", r->sel + 1, r->nrows);
}

static void
ui_results_mouse(struct ui *u, void *data, const struct ui_mouse *m)
{
	struct ui_results	*r = data;

	switch (m->kind) {
	case UI_MOUSE_WHEEL_UP:
		ui_results_move(r, -3);
		break;
	case UI_MOUSE_WHEEL_DOWN:
		ui_results_move(r, 3);
		break;
	case UI_MOUSE_CLICK:
		if (m->y >= 1 && r->top + (size_t)m->y - 1 < r->nrows)
			ui_results_open(u, r, r->top + (size_t)m->y - 1);
		break;
	}
}

const struct ui_view ui_view_results = {
	.name = "results",
	.enter = ui_results_enter,
	.leave = ui_results_leave,
	.key = ui_results_key,
	.draw = ui_results_draw,
	.status = ui_results_status,
	.mouse = ui_results_mouse,
	.work = ui_results_work,
};
