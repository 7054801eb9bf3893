/*
 * ui-view-contents.c -- the contents view, the left pane of the reading
 * screen: each page (版) of the current issue with its number and name,
 * and under it the page's articles by headline with their 字数. The
 * article shown is marked with '>', articles already read are dimmed,
 * the selection is in reverse video when the pane has the focus. While a
 * page's articles scroll, its heading stays on the first row. Keys go
 * to the reader state as ops; a click opens an item, the wheel moves the
 * selection. Widths come from text.h; nothing here is measured by hand.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "model.h"
#include "text.h"
#include "state.h"
#include "ui-view.h"

/*
 * The page line that heads the items in view: SIZE_MAX when the first
 * item in view is a page line itself, else the item of its page's line,
 * which is drawn on the first row above the items (it sticks there while
 * the page's articles scroll under it).
 */
static size_t
ui_toc_heading(const struct reader_state *st)
{
	size_t	k = state_toc_top(st), p, a;

	if (k >= state_toc_count(st))
		return SIZE_MAX;
	state_toc_item(st, k, &p, &a);
	if (a == SIZE_MAX)
		return SIZE_MAX;
	while (k > 0) {
		state_toc_item(st, --k, &p, &a);
		if (a == SIZE_MAX)
			return k;
	}
	return SIZE_MAX;
}

/* The contents item under pane row ROW, or SIZE_MAX. */
static size_t
ui_toc_item_at(const struct reader_state *st, int row)
{
	size_t	k, head = ui_toc_heading(st);

	if (row < 0)
		return SIZE_MAX;
	if (head != SIZE_MAX && row == 0)
		return head;
	k = state_toc_top(st) + (size_t)row - (head != SIZE_MAX);
	return k < state_toc_count(st) ? k : SIZE_MAX;
}

static void
ui_toc_page(const struct ui_rect *r, int y, const struct page *pg,
    size_t p, attr_t at)
{
	char	s[256];

	page_label(pg, p, s, sizeof s);
	ui_blank(y, r->x, r->x + r->w, at);
	ui_put(y, r->x, r->x + r->w, s, strlen(s), at);
}

static void
ui_toc_article(const struct ui_rect *r, int y, const struct article *a,
    bool cur, attr_t at)
{
	static const char ell[] = "\xe2\x80\xa6";	/* U+2026 */
	const char	*title = article_title(a);
	char		*count;
	size_t		 tn = strlen(title), fit;
	int		 cw, room, used, maxx = r->x + r->w, x;

	ui_blank(y, r->x, maxx, at);
	ui_put(y, r->x, maxx, cur ? ">" : " ", 1, at);
	/* A photo has no text to count. */
	count = a->kind == ARTICLE_PHOTO ? xstrdup("") :
	    xasprintf(_("%zu字"), article_chars(a));
	cw = text_strwidth(count, strlen(count));
	room = r->w - 2 - (cw > 0 ? cw + 1 : 0);
	if (room < 4) {
		/* Too narrow for the count: the title alone. */
		room = r->w - 2;
		cw = 0;
	}
	fit = text_fit(title, tn, room, &used);
	if (fit < tn) {
		int ew = text_strwidth(ell, sizeof ell - 1);

		fit = text_fit(title, tn, room - ew, &used);
		x = ui_put(y, r->x + 2, maxx, title, fit, at);
		ui_put(y, x, maxx, ell, sizeof ell - 1, at);
	} else
		ui_put(y, r->x + 2, maxx, title, tn, at);
	if (cw > 0)
		ui_put(y, maxx - cw, maxx, count, strlen(count), at);
	free(count);
}

/* The attributes of article item K (page P, article A). */
static attr_t
ui_toc_attr(const struct reader_state *st, const attr_t *roles, size_t p,
    size_t a, bool sel)
{
	if (sel)
		return roles[UI_ROLE_TOC_SEL];
	if (p == state_page(st) && a == state_art(st))
		return roles[UI_ROLE_TOC_ITEM] | A_BOLD;
	if (state_is_read(st, state_issue_index(st), p, a))
		return roles[UI_ROLE_TOC_READ];
	return roles[UI_ROLE_TOC_ITEM];
}

/* Contents item K at row Y of R. */
static void
ui_toc_row(struct ui *u, const struct ui_rect *r, int y, size_t k,
    bool sel)
{
	const struct reader_state	*st = u->st;
	const struct issue		*is = state_issue(st);
	size_t				 p, a;

	state_toc_item(st, k, &p, &a);
	if (a == SIZE_MAX)
		ui_toc_page(r, y, &is->pages[p], p, u->roles[sel ?
		    UI_ROLE_TOC_SEL : UI_ROLE_TOC_PAGE]);
	else
		ui_toc_article(r, y, &is->pages[p].arts[a],
		    p == state_page(st) && a == state_art(st),
		    ui_toc_attr(st, u->roles, p, a, sel));
}

static void
ui_toc_draw(struct ui *u, void *data, const struct ui_rect *r,
    bool focused)
{
	const struct reader_state	*st = u->st;
	size_t				 k, n = state_toc_count(st);
	size_t				 head = ui_toc_heading(st);
	int				 row = 0;

	(void)data;
	if (head != SIZE_MAX && r->h > 1)
		ui_toc_row(u, r, r->y + row++, head, false);
	for (k = state_toc_top(st); row < r->h; row++, k++) {
		if (k < n)
			ui_toc_row(u, r, r->y + row, k, focused &&
			    k == state_toc_sel(st));
		else
			ui_blank(r->y + row, r->x, r->x + r->w,
			    u->roles[UI_ROLE_NORMAL]);
	}
}

/* A row is kept for the heading of the page whose articles are in view. */
static void
ui_toc_resize(struct ui *u, void *data, const struct ui_rect *r)
{
	(void)data;
	state_set_toc_rows(u->st, r->h > 1 ? r->h - 1 : 1);
}

static bool
ui_toc_key(struct ui *u, void *data, int key, enum op op, int count)
{
	(void)data;
	(void)key;
	return ui_state_key(u, op, count);
}

static void
ui_toc_mouse(struct ui *u, void *data, const struct ui_mouse *m)
{
	size_t	k;

	(void)data;
	if (m->kind != UI_MOUSE_CLICK) {
		ui_apply(u, state_scroll(u->st, true,
		    m->kind == UI_MOUSE_WHEEL_UP ? -UI_WHEEL : UI_WHEEL));
		return;
	}
	if ((k = ui_toc_item_at(u->st, m->y)) != SIZE_MAX)
		ui_apply(u, state_toc_open(u->st, k));
}

const struct ui_view ui_view_contents = {
	.name = "contents",
	.resize = ui_toc_resize,
	.key = ui_toc_key,
	.draw = ui_toc_draw,
	.mouse = ui_toc_mouse,
};
