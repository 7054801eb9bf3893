/*
 * ui-text.c -- a page of text lines under a title (help, info): lines
 * added once, drawn from the first one in view, scrolled by the reader's
 * own movement ops; q, Esc, h, Enter and the op that opened it close it.
 * One line may hold a search match, drawn as the reader draws the
 * current one.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "ui-text.h"

struct ui_text *
ui_text_new(const char *title)
{
	struct ui_text	*t = xcalloc(1, sizeof *t);

	t->title = xstrdup(title);
	t->rows = 1;
	t->mark = SIZE_MAX;
	return t;
}

void
ui_text_mark(struct ui_text *t, size_t line, size_t off, size_t len)
{
	size_t	n;

	if (line >= t->n)
		return;
	n = strlen(t->lines[line]);
	t->mark = line;
	t->mark_off = off < n ? off : n;
	t->mark_len = len < n - t->mark_off ? len : n - t->mark_off;
	t->mark_scroll = true;
}

void
ui_text_add(struct ui_text *t, char *line, size_t hl)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->lines = xreallocarray(t->lines, t->cap, sizeof *t->lines);
		t->hl = xreallocarray(t->hl, t->cap, sizeof *t->hl);
	}
	t->lines[t->n] = line;
	t->hl[t->n] = hl;
	t->n++;
}

void
ui_text_free(struct ui_text *t)
{
	size_t	i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->lines[i]);
	free(t->lines);
	free(t->hl);
	free(t->title);
	free(t);
}

/* Scroll T for OP; false when OP does not scroll. */
static bool
ui_text_scroll(struct ui_text *t, enum op op)
{
	size_t	rows = t->rows > 0 ? (size_t)t->rows : 1;
	size_t	max = t->n > rows ? t->n - rows : 0;

	switch (op) {
	case OP_LINE_DOWN:
		t->top = t->top < max ? t->top + 1 : max;
		return true;
	case OP_LINE_UP:
		t->top = t->top > 0 ? t->top - 1 : 0;
		return true;
	case OP_PAGE_DOWN:
	case OP_HALF_DOWN:
		t->top = t->top + rows < max ? t->top + rows : max;
		return true;
	case OP_PAGE_UP:
	case OP_HALF_UP:
		t->top = t->top > rows ? t->top - rows : 0;
		return true;
	case OP_TOP:
		t->top = 0;
		return true;
	case OP_BOTTOM:
		t->top = max;
		return true;
	default:
		return false;
	}
}

bool
ui_text_key(struct ui *u, struct ui_text *t, int key, enum op op)
{
	if (key == UI_ESC)
		op = OP_QUIT;
	if (ui_text_scroll(t, op))
		return true;
	switch (op) {
	case OP_QUIT_NOW:
		u->quit = true;
		break;
	case OP_REDRAW:
		clearok(curscr, TRUE);
		break;
	case OP_QUIT:
	case OP_BACK:
	case OP_HELP:
	case OP_INFO:
	case OP_OPEN:
		ui_pop(u);
		break;
	default:
		break;
	}
	return true;
}

/* The marked line from column X: before, the match, after. */
static void
ui_text_draw_mark(struct ui *u, const struct ui_text *t, int y, int x,
    int maxx)
{
	const char	*l = t->lines[t->mark];
	size_t		 a = t->mark_off, b = a + t->mark_len, h = t->hl[t->mark];

	if (a < h)
		a = h;
	if (b < a)
		b = a;
	x = ui_put(y, x, maxx, l + h, a - h, u->roles[UI_ROLE_NORMAL]);
	x = ui_put(y, x, maxx, l + a, b - a, u->roles[UI_ROLE_MATCH_CUR]);
	ui_put(y, x, maxx, l + b, strlen(l) - b, u->roles[UI_ROLE_NORMAL]);
}

void
ui_text_draw(struct ui *u, struct ui_text *t, const struct ui_rect *r)
{
	size_t	i;
	int	row, x, maxx = r->x + r->w;

	t->rows = r->h > 1 ? r->h - 1 : 1;
	if (t->mark_scroll && (t->mark < t->top ||
	    t->mark >= t->top + (size_t)t->rows))
		t->top = t->mark > (size_t)t->rows / 2 ?
		    t->mark - (size_t)t->rows / 2 : 0;
	t->mark_scroll = false;
	ui_blank(r->y, r->x, maxx, u->roles[UI_ROLE_HEADLINE]);
	ui_put(r->y, r->x + 1, maxx, t->title, strlen(t->title),
	    u->roles[UI_ROLE_HEADLINE]);
	for (row = 1; row < r->h; row++) {
		i = t->top + (size_t)row - 1;
		ui_blank(r->y + row, r->x, maxx, u->roles[UI_ROLE_NORMAL]);
		if (i >= t->n)
			continue;
		x = ui_put(r->y + row, r->x + 1, maxx, t->lines[i], t->hl[i],
		    u->roles[UI_ROLE_HELP_KEY]);
		if (i == t->mark)
			ui_text_draw_mark(u, t, r->y + row, x, maxx);
		else
			ui_put(r->y + row, x, maxx, t->lines[i] + t->hl[i],
			    strlen(t->lines[i]) - t->hl[i],
			    u->roles[UI_ROLE_NORMAL]);
	}
}
