/*
 * ui-draw.h -- colour roles, pane rectangles and the text drawing
 * helpers every view uses (ui-draw.c). Only src/ui*.c include it (it
 * includes curses).
 */
#ifndef DUBAO_UI_DRAW_H
#define DUBAO_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include <unitypes.h>

#include "settings-names.h"

/* Colour roles: R(id, name, attributes), settings-names.h. */
#define UI_ROLES	SETTINGS_ROLES

enum ui_role {
#define R(id, name, at) UI_ROLE_##id,
	UI_ROLES
#undef R
	UI_NROLES
};

/* A pane: top row, left column, rows, columns. */
struct ui_rect {
	int	y, x, h, w;
};

/*
 * Draw UTF-8 S[0..N) at row Y from column X, never past column MAXX
 * (exclusive), with attributes AT. Characters go through text_display();
 * those the locale cannot show become '?'. Returns the column after the
 * last character drawn.
 */
int	ui_put(int y, int x, int maxx, const char *s, size_t n, attr_t at);

/* Cells ui_put() gives UC: its substitute's, its own, or 1 for a '?'. */
int	ui_put_width(ucs4_t uc);

/* Fill row Y from column X to MAXX (exclusive) with blanks in AT. */
void	ui_blank(int y, int x, int maxx, attr_t at);

#endif /* DUBAO_UI_DRAW_H */
