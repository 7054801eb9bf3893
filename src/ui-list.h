/*
 * ui-list.h -- a list of rows with a selection, scrolled by lines and
 * screens: what the issue list and the bookmarks show (ui-list.c). The
 * view draws each row; the list keeps the selection in view. Only
 * src/ui*.c include this header.
 */
#ifndef DUBAO_UI_LIST_H
#define DUBAO_UI_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "ui-view.h"

/* Draw row I at screen row Y, columns X to MAXX, selected or not. */
typedef void (*ui_list_row_cb)(struct ui *u, void *data, size_t i, int y,
    int x, int maxx, bool selected);

struct ui_list {
	size_t	n;		/* rows */
	size_t	sel;		/* the selected row */
	size_t	top;		/* the first row in view */
	int	rows;		/* rows in view (set by ui_list_draw) */
};

/*
 * Move the selection by OP (line, half, page, top, bottom) COUNT times;
 * true when OP was such a move.
 */
bool	ui_list_move(struct ui_list *, enum op op, int count);

/* Select row I and bring it into view. */
void	ui_list_select(struct ui_list *, size_t i);

/*
 * Draw TITLE on R's first row, a HEAD line under it when not NULL, and
 * the rows in view below, each through ROW; an EMPTY line when there is
 * no row.
 */
void	ui_list_draw(struct ui *u, struct ui_list *l, const struct ui_rect *r,
	    const char *title, const char *head, const char *empty,
	    ui_list_row_cb row, void *data);

#endif /* DUBAO_UI_LIST_H */
