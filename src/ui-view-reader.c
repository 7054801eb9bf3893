/*
 * ui-view-reader.c -- the reader view, the right pane of the reading
 * screen: the current article laid out for the pane's text width and
 * drawn from the state's top line (ui-article.c), and the status line of
 * the reading screen (paper, date, 版, article n/m, how far, the search).
 *
 * The view owns the article's layout. It lays the article out again when
 * the article or the text width changed, keeping the same text at the
 * top after a resize (the paragraph and offset, not the line number), and
 * resolves the state's pending jumps (a search hit) to a layout line.
 * After each change it tells the state the layout's line count and the
 * model position at the top (state_set_view(), state_set_top()).
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
#include "text.h"
#include "layout.h"
#include "search.h"
#include "state.h"
#include "options.h"
#include "ui-view.h"
#include "ui-article.h"
#include "ui-scan.h"

/* A margin of one column on each side once the pane is this wide. */
#define UI_MARGIN_FROM	40

struct ui_reader {
	struct layout		*lay;	/* of ART at width LAY_W, or NULL */
	const struct article	*art;
	size_t			 issue;
	int			 lay_w;
	struct ui_rect		 pane;	/* the whole pane */
	struct ui_rect		 text;	/* where text goes: the pane less its
					   margins */
};

static void *
ui_reader_enter(struct ui *u)
{
	(void)u;
	return xcalloc(1, sizeof(struct ui_reader));
}

static void
ui_reader_leave(struct ui *u, void *data)
{
	struct ui_reader	*rd = data;

	(void)u;
	layout_free(rd->lay);
	free(rd);
}

/* Tell the state which model position is at the top of the pane. */
static void
ui_reader_top(struct ui *u, const struct ui_reader *rd)
{
	const struct layout_line	*ln;
	size_t				 i;

	for (i = state_line(u->st); rd->lay != NULL && i < rd->lay->nlines;
	    i++) {
		ln = &rd->lay->lines[i];
		if (ln->field != LAYOUT_F_NONE) {
			state_set_top(u->st, ln->field, ln->index, ln->off);
			return;
		}
	}
	state_set_top(u->st, LAYOUT_F_NONE, 0, 0);
}

/*
 * Lay the current article out again. When only the width changed, the
 * first model text in view stays at the same row (unless a jump is
 * pending: it says where to be).
 */
static void
ui_reader_layout(struct ui *u, struct ui_reader *rd)
{
	const struct article	*a = state_article(u->st);
	const struct layout	*old = rd->lay;
	struct layout_opts	 lo;
	enum layout_field	 wf;
	size_t			 i, li, top = state_line(u->st), wi, wo;
	bool			 keep = old != NULL && a == rd->art &&
				    state_issue_index(u->st) == rd->issue &&
				    !state_want(u->st, &wf, &wi, &wo);

	for (i = top; keep && i < old->nlines; i++)
		if (old->lines[i].field != LAYOUT_F_NONE)
			break;
	keep = keep && i < old->nlines;
	memset(&lo, 0, sizeof lo);
	lo.width = rd->text.w;
	lo.measure = u->opts->measure;
	rd->lay = a != NULL ? layout_new(a, &lo) : NULL;
	rd->art = a;
	rd->issue = state_issue_index(u->st);
	rd->lay_w = rd->text.w;
	if (keep && rd->lay != NULL) {
		state_set_view(u->st, rd->lay->nlines, rd->pane.h);
		li = layout_find(rd->lay, old->lines[i].field,
		    old->lines[i].index, old->lines[i].off);
		if (li < rd->lay->nlines)
			state_set_line(u->st, li >= i - top ? li - (i - top) :
			    0);
	}
	layout_free((struct layout *)old);
}

/*
 * Bring the layout up to date with the state (the article shown, the
 * width), tell the state about it, and resolve a pending jump.
 */
static void
ui_reader_sync(struct ui *u, struct ui_reader *rd)
{
	enum layout_field	field;
	size_t			index, off, li = SIZE_MAX;

	if (rd->art != state_article(u->st) || rd->lay_w != rd->text.w ||
	    rd->issue != state_issue_index(u->st) ||
	    (rd->lay == NULL && rd->art != NULL))
		ui_reader_layout(u, rd);
	state_set_view(u->st, rd->lay != NULL ? rd->lay->nlines : 0,
	    rd->pane.h);
	if (state_want(u->st, &field, &index, &off)) {
		if (rd->lay != NULL)
			li = layout_find(rd->lay, field, index, off);
		state_show_line(u->st, rd->lay != NULL &&
		    li < rd->lay->nlines ? li : SIZE_MAX);
	}
	ui_reader_top(u, rd);
}

static void
ui_reader_resize(struct ui *u, void *data, const struct ui_rect *r)
{
	struct ui_reader	*rd = data;
	int			 margin = r->w >= UI_MARGIN_FROM ? 1 : 0;

	rd->pane = *r;
	rd->text = *r;
	rd->text.x += margin;
	rd->text.w -= 2 * margin;
	if (rd->text.w < LAYOUT_MIN_WIDTH)
		rd->text.w = LAYOUT_MIN_WIDTH;
	ui_reader_sync(u, rd);
}

static void
ui_reader_update(struct ui *u, void *data, int flags)
{
	if (flags & (STATE_RELAYOUT | STATE_LAYOUT_PANES | STATE_DRAW_READER))
		ui_reader_sync(u, data);
}

static bool
ui_reader_key(struct ui *u, void *data, int key, enum op op, int count)
{
	(void)data;
	(void)key;
	return ui_state_key(u, op, count);
}

static void
ui_reader_draw(struct ui *u, void *data, const struct ui_rect *r,
    bool focused)
{
	struct ui_reader	*rd = data;
	struct ui_rect		 t = rd->text;
	const char		*none = _("(no article on this page)");

	(void)focused;
	/* The text never runs past the pane, whatever its width. */
	if (t.x + t.w > r->x + r->w)
		t.w = r->x + r->w - t.x;
	if (t.w < 1)
		t.w = 1;
	ui_article_draw(&t, rd->lay, u->st, u->roles);
	if (rd->lay == NULL)
		ui_put(t.y, t.x, t.x + t.w, none, strlen(none),
		    u->roles[UI_ROLE_NOTE]);
}

/* Append TEXT to B, separated by two blanks when B is not empty. */
static void
ui_status_add(struct buf *b, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	if (b->len > 0)
		buf_adds(b, "  ");
	buf_adds(b, text);
}

/*
 * The left of the status line: the paper (its title, else the name the
 * catalogue gives it, else the file), the date, 第N版, the page name.
 */
static void
ui_reader_where(const struct reader_state *st, struct buf *left)
{
	const struct issue	*is = state_issue(st);
	const struct page	*pg;
	char			 date[16], tmp[64];

	ui_status_add(left, library_paper_name(state_library(st),
	    state_issue_index(st)));
	library_date_str(state_library(st), state_issue_index(st), date);
	if (date[0] == '\0')
		issue_date_str(is, date);
	ui_status_add(left, date);
	if (state_page(st) < is->npages) {
		pg = &is->pages[state_page(st)];
		if (pg->number > 0) {
			snprintf(tmp, sizeof tmp, _("第%d版"), pg->number);
			ui_status_add(left, tmp);
		} else if (pg->name == NULL) {
			page_label(pg, state_page(st), tmp, sizeof tmp);
			ui_status_add(left, tmp);
		}
		ui_status_add(left, pg->name);
	}
}

/* The search on the right of the status line: "/query 3/12". */
static void
ui_reader_search(const struct reader_state *st, struct buf *right)
{
	const struct search	*s;
	const char		*q = state_query(st);
	char			 tmp[64];
	size_t			 hit;

	if (q == NULL)
		return;
	if (right->len > 0)
		buf_adds(right, "  ");
	buf_addc(right, '/');
	buf_adds(right, q);
	if ((s = state_hits(st, &hit)) == NULL)
		return;
	if (hit < s->n)
		snprintf(tmp, sizeof tmp, " %zu/%zu", hit + 1, s->n);
	else
		snprintf(tmp, sizeof tmp, " -/%zu", s->n);
	buf_adds(right, tmp);
}

static void
ui_reader_status(struct ui *u, void *data, struct buf *left,
    struct buf *right)
{
	struct ui_reader	*rd = data;
	char			 tmp[64];
	size_t			 no, total, rows = (size_t)rd->pane.h;
	int			 pct;

	ui_reader_where(u->st, left);
	if (library_count(state_library(u->st)) > 1) {
		snprintf(tmp, sizeof tmp, _("issue %zu/%zu"),
		    library_rank(state_library(u->st),
		    state_issue_index(u->st)) + 1,
		    library_count(state_library(u->st)));
		ui_status_add(right, tmp);
	}
	/* While a long walk shows its progress, room for it. */
	if (ui_scan_shown(u))
		return;
	no = state_article_no(u->st, &total);
	if (total > 0 && state_article(u->st) != NULL) {
		snprintf(tmp, sizeof tmp, _("article %zu/%zu"), no + 1, total);
		ui_status_add(right, tmp);
	}
	if (rd->lay != NULL && rd->lay->nlines > 0) {
		if (rd->lay->nlines <= rows)
			snprintf(tmp, sizeof tmp, "%s", _("all"));
		else {
			pct = (int)((state_line(u->st) + rows) * 100 /
			    rd->lay->nlines);
			snprintf(tmp, sizeof tmp, "%d%%", pct > 100 ? 100 :
			    pct);
		}
		ui_status_add(right, tmp);
	}
	ui_reader_search(u->st, right);
}

/* Whether pane row ROW shows a continuation note ("（下转第2版）"). */
static bool
ui_reader_note_at(const struct ui *u, const struct ui_reader *rd, int row)
{
	size_t	li = state_line(u->st) + (size_t)row;

	return row >= 0 && rd->lay != NULL && li < rd->lay->nlines &&
	    rd->lay->lines[li].kind == LAYOUT_NOTE;
}

/*
 * The wheel scrolls the article; a click gives the pane the focus, and a
 * click on a continuation note follows it, as Enter does.
 */
static void
ui_reader_mouse(struct ui *u, void *data, const struct ui_mouse *m)
{
	struct ui_reader	*rd = data;

	if (m->kind != UI_MOUSE_CLICK) {
		ui_apply(u, state_scroll(u->st, false,
		    m->kind == UI_MOUSE_WHEEL_UP ? -UI_WHEEL : UI_WHEEL));
		return;
	}
	ui_apply(u, state_set_focus(u->st, STATE_FOCUS_READER));
	if (ui_reader_note_at(u, rd, m->y - (rd->text.y - rd->pane.y)))
		ui_apply(u, state_apply(u->st, OP_OPEN, 1));
}

const struct ui_view ui_view_reader = {
	.name = "reader",
	.enter = ui_reader_enter,
	.leave = ui_reader_leave,
	.resize = ui_reader_resize,
	.key = ui_reader_key,
	.draw = ui_reader_draw,
	.status = ui_reader_status,
	.update = ui_reader_update,
	.mouse = ui_reader_mouse,
};
