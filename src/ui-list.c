/*
 * ui-list.c -- a list of rows with a selection (ui-list.h).
 */
#include <config.h>

#include <string.h>

#include "ui-list.h"

static void
ui_list_fix(struct ui_list *l)
{
	size_t	rows = l->rows > 0 ? (size_t)l->rows : 1;

	if (l->n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->n <= rows)
		l->top = 0;
	else if (l->top > l->n - rows)
		l->top = l->n - rows;
}

void
ui_list_select(struct ui_list *l, size_t i)
{
	l->sel = i;
	ui_list_fix(l);
}

bool
ui_list_move(struct ui_list *l, enum op op, int count)
{
	size_t	rows = l->rows > 1 ? (size_t)l->rows : 1, step;

	if (count < 1)
		count = 1;
	switch (op) {
	case OP_LINE_DOWN:
	case OP_LINE_UP:
		step = 1;
		break;
	case OP_HALF_DOWN:
	case OP_HALF_UP:
		step = (rows + 1) / 2;
		break;
	case OP_PAGE_DOWN:
	case OP_PAGE_UP:
		step = rows;
		break;
	case OP_TOP:
		ui_list_select(l, 0);
		return true;
	case OP_BOTTOM:
		ui_list_select(l, l->n > 0 ? l->n - 1 : 0);
		return true;
	default:
		return false;
	}
	step *= (size_t)count;
	if (op == OP_LINE_UP || op == OP_HALF_UP || op == OP_PAGE_UP)
		l->sel = l->sel < step ? 0 : l->sel - step;
	else
		l->sel = l->n - 1 - l->sel < step ? l->n - 1 : l->sel + step;
	ui_list_fix(l);
	return true;
}

void
ui_list_draw(struct ui *u, struct ui_list *l, const struct ui_rect *r,
    const char *title, const char *head, const char *empty,
    ui_list_row_cb row, void *data)
{
	int	y = r->y, maxx = r->x + r->w, first;
	size_t	i;

	ui_blank(y, r->x, maxx, u->roles[UI_ROLE_HEADLINE]);
	ui_put(y, r->x + 1, maxx, title, strlen(title),
	    u->roles[UI_ROLE_HEADLINE]);
	y++;
	if (head != NULL && y < r->y + r->h) {
		ui_blank(y, r->x, maxx, u->roles[UI_ROLE_NORMAL]);
		ui_put(y, r->x + 1, maxx, head, strlen(head),
		    u->roles[UI_ROLE_TOC_READ]);
		y++;
	}
	first = y;
	l->rows = r->y + r->h - first > 0 ? r->y + r->h - first : 1;
	ui_list_fix(l);
	for (; y < r->y + r->h; y++) {
		i = l->top + (size_t)(y - first);
		ui_blank(y, r->x, maxx, u->roles[UI_ROLE_NORMAL]);
		if (l->n == 0 && y == first)
			ui_put(y, r->x + 1, maxx, empty, strlen(empty),
			    u->roles[UI_ROLE_NORMAL]);
		if (i < l->n)
			row(u, data, i, y, r->x, maxx, i == l->sel);
	}
}
