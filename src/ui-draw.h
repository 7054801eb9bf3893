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

/*
 * Colour roles: name, and the attributes that keep the role readable
 * with no colour at all (NO_COLOR, --color=never, vt100): the match
 * highlight is reverse video, the current match also bold and
 * underlined. The colours come from a palette for the terminal's
 * background (ui-color.c).
 */
#define UI_ROLES							\
	R(NORMAL,	"normal",		A_NORMAL)		\
	R(COLUMN,	"column",		A_NORMAL)		\
	R(KICKER,	"kicker",		A_NORMAL)		\
	R(HEADLINE,	"headline",		A_BOLD)			\
	R(SUBHEAD,	"subhead",		A_BOLD)			\
	R(BYLINE,	"byline",		A_NORMAL)		\
	R(DATELINE,	"dateline",		A_NORMAL)		\
	R(QUOTE,	"quote",		A_BOLD)			\
	R(BODY,		"body",			A_NORMAL)		\
	R(INTERTITLE,	"intertitle",		A_BOLD)			\
	R(CAPTION,	"caption",		A_NORMAL)		\
	R(NOTE,		"note",			A_UNDERLINE)		\
	R(MATCH,	"match",		A_REVERSE)		\
	R(MATCH_CUR,	"match-current",				\
	    A_REVERSE | A_BOLD | A_UNDERLINE)				\
	R(TOC_PAGE,	"contents-page",	A_BOLD)			\
	R(TOC_ITEM,	"contents",		A_NORMAL)		\
	R(TOC_READ,	"contents-read",	A_DIM)			\
	R(TOC_SEL,	"contents-selected",	A_REVERSE)		\
	R(STATUS,	"status",		A_REVERSE)		\
	R(MESSAGE,	"message",		A_NORMAL)		\
	R(ERROR,	"error",		A_BOLD)			\
	R(BORDER,	"border",		A_NORMAL)		\
	R(HELP_KEY,	"help-key",		A_BOLD)

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
