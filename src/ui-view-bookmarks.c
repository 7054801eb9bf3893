/*
 * ui-view-bookmarks.c -- the bookmarks ('), newest first: date, page,
 * the article's title and the note. Enter goes to the place (the issue,
 * the article, the text at the top of the view when it was marked); d
 * deletes one. They are read from the reading state when the view opens,
 * so bookmarks another dubao added meanwhile are there too.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "library-state.h"
#include "model.h"
#include "state.h"
#include "ui-list.h"
#include "ui-view.h"

struct ui_bookmarks {
	struct ui_list		 l;
	struct library_bookmark	*v;
};

static void
ui_bookmarks_load(struct ui *u, struct ui_bookmarks *b)
{
	library_bookmarks_free(b->v, b->l.n);
	b->v = NULL;
	b->l.n = 0;
	if (state_store(u->st) != NULL)
		b->l.n = library_state_bookmarks(state_store(u->st), &b->v);
	ui_list_select(&b->l, b->l.sel);
}

static void *
ui_bookmarks_enter(struct ui *u)
{
	struct ui_bookmarks	*b = xcalloc(1, sizeof *b);

	ui_bookmarks_load(u, b);
	return b;
}

static void
ui_bookmarks_leave(struct ui *u, void *data)
{
	struct ui_bookmarks	*b = data;

	(void)u;
	library_bookmarks_free(b->v, b->l.n);
	free(b);
}

static void
ui_bookmarks_row(struct ui *u, void *data, size_t i, int y, int x,
    int maxx, bool selected)
{
	struct ui_bookmarks		*b = data;
	const struct library_bookmark	*m = &b->v[i];
	struct buf			 line;
	attr_t				 at;

	at = u->roles[selected ? UI_ROLE_TOC_SEL : UI_ROLE_TOC_ITEM];
	ui_blank(y, x, maxx, at);
	buf_init(&line);
	if (m->pos.year > 0)
		buf_printf(&line, "%04d-%02d-%02d", m->pos.year % 10000,
		    m->pos.month % 100, m->pos.day % 100);
	if (m->pos.paper[0] != '\0')
		buf_printf(&line, " %s", m->pos.paper);
	if (m->pos.page > 0)
		buf_printf(&line, _(" 第%d版"), m->pos.page);
	buf_printf(&line, "  %s", m->title != NULL ? m->title : "");
	if (m->note != NULL)
		buf_printf(&line, "  \u2014 %s", m->note);
	ui_put(y, x + 1, maxx, line.data, line.len, at);
	buf_clear(&line);
}

static bool
ui_bookmarks_key(struct ui *u, void *data, int key, enum op op, int count)
{
	struct ui_bookmarks	*b = data;
	struct position		 pos;

	if (key == UI_ESC)
		op = OP_QUIT;
	/* d deletes here (elsewhere it is half-down). */
	if (key == 'd' && b->l.n > 0) {
		library_state_delete_bookmark(state_store(u->st),
		    b->v[b->l.sel].id);
		ui_bookmarks_load(u, b);
		ui_message(u, false, "%s", _("bookmark deleted"));
		return true;
	}
	if (ui_list_move(&b->l, op, count))
		return true;
	switch (op) {
	case OP_OPEN:
		if (b->l.n == 0)
			return true;
		pos = b->v[b->l.sel].pos;
		ui_pop(u);
		ui_apply(u, state_goto(u->st, &pos));
		return true;
	case OP_QUIT:
	case OP_BACK:
	case OP_BOOKMARKS:
		ui_pop(u);
		return true;
	case OP_QUIT_NOW:
		u->quit = true;
		return true;
	default:
		return false;
	}
}

static void
ui_bookmarks_draw(struct ui *u, void *data, const struct ui_rect *r,
    bool focused)
{
	struct ui_bookmarks	*b = data;

	(void)focused;
	ui_list_draw(u, &b->l, r, _("bookmarks (Enter goes there, d deletes, "
	    "q closes)"), NULL, state_store(u->st) != NULL ?
	    _("no bookmarks yet: m marks the place you are reading") :
	    _("no reading state is kept, so no bookmarks"),
	    ui_bookmarks_row, b);
}

static void
ui_bookmarks_status(struct ui *u, void *data, struct buf *left,
    struct buf *right)
{
	struct ui_bookmarks	*b = data;
	char			 tmp[64];

	(void)u;
	buf_adds(left, _("bookmarks"));
	snprintf(tmp, sizeof tmp, "%zu/%zu", b->l.n > 0 ? b->l.sel + 1 : 0,
	    b->l.n);
	buf_adds(right, tmp);
}

void
ui_bookmark_add(struct ui *u)
{
	const struct article	*a = state_article(u->st);
	struct position		 pos;
	char			*note;

	if (a == NULL)
		return;
	if (state_store(u->st) == NULL) {
		ui_message(u, true, "%s", _("no reading state is kept, so no "
		    "bookmarks"));
		return;
	}
	note = ui_prompt_with(u, _("bookmark; a note (Enter for none): "),
	    NULL, UI_PROMPT_EMPTY);
	if (note == NULL)
		return;
	state_position(u->st, &pos);
	if (library_state_add_bookmark(state_store(u->st), &pos,
	    article_title(a), note) < 0)
		ui_message(u, true, "%s", _("the bookmark could not be kept"));
	else
		ui_message(u, false, _("bookmarked: %s (' lists them)"),
		    article_title(a));
	free(note);
}

const struct ui_view ui_view_bookmarks = {
	.name = "bookmarks",
	.enter = ui_bookmarks_enter,
	.leave = ui_bookmarks_leave,
	.key = ui_bookmarks_key,
	.draw = ui_bookmarks_draw,
	.status = ui_bookmarks_status,
};
