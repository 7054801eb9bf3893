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
 * Colour roles: name, foreground (on the terminal's own background) and
 * attributes. The attributes alone keep every role readable with colours
 * off (NO_COLOR, --color=never, vt100): the match highlight is reverse
 * video, the current match also bold and underlined; reverse roles show
 * their colour as the background.
 */
#define UI_ROLES							\
	R(NORMAL,	"normal",	-1,		A_NORMAL)	\
	R(COLUMN,	"column",	COLOR_MAGENTA,	A_NORMAL)	\
	R(KICKER,	"kicker",	COLOR_CYAN,	A_NORMAL)	\
	R(HEADLINE,	"headline",	COLOR_YELLOW,	A_BOLD)		\
	R(SUBHEAD,	"subhead",	COLOR_CYAN,	A_BOLD)		\
	R(BYLINE,	"byline",	COLOR_GREEN,	A_NORMAL)	\
	R(DATELINE,	"dateline",	COLOR_GREEN,	A_NORMAL)	\
	R(QUOTE,	"quote",	COLOR_CYAN,	A_BOLD)		\
	R(BODY,		"body",		-1,		A_NORMAL)	\
	R(INTERTITLE,	"intertitle",	-1,		A_BOLD)		\
	R(CAPTION,	"caption",	COLOR_BLUE,	A_NORMAL)	\
	R(NOTE,		"note",		COLOR_MAGENTA,	A_UNDERLINE)	\
	R(MATCH,	"match",	COLOR_YELLOW,	A_REVERSE)	\
	R(MATCH_CUR,	"match-current", COLOR_GREEN,			\
	    A_REVERSE | A_BOLD | A_UNDERLINE)				\
	R(TOC_PAGE,	"contents-page", COLOR_YELLOW,	A_BOLD)		\
	R(TOC_ITEM,	"contents",	-1,		A_NORMAL)	\
	R(TOC_READ,	"contents-read", -1,		A_DIM)		\
	R(TOC_SEL,	"contents-selected", COLOR_CYAN, A_REVERSE)	\
	R(STATUS,	"status",	COLOR_CYAN,	A_REVERSE)	\
	R(MESSAGE,	"message",	-1,		A_NORMAL)	\
	R(ERROR,	"error",	COLOR_RED,	A_BOLD)		\
	R(BORDER,	"border",	COLOR_BLUE,	A_NORMAL)	\
	R(HELP_KEY,	"help-key",	COLOR_GREEN,	A_BOLD)

enum ui_role {
#define R(id, name, fg, at) UI_ROLE_##id,
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
