/*
 * ui-text.h -- a page of text lines under a title, scrolled by lines and
 * screens: what the help and info views show (ui-text.c). Only src/ui*.c
 * include this header.
 */
#ifndef DUBAO_UI_TEXT_H
#define DUBAO_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "ui-view.h"

/* A screen row of a page: bytes [off, off + len) of a line. */
struct ui_text_row {
	size_t	line, off, len;
};

struct ui_text {
	char		**lines;	/* UTF-8, owned */
	size_t		 *hl;		/* bytes drawn as keys at the start */
	int		 *indent;	/* columns before a continuation */
	size_t		  n, cap;
	struct ui_text_row *rows_v;	/* the lines wrapped to WIDTH */
	size_t		  nrows, rowcap;
	int		  width;	/* of the wrapping, or 0: none yet */
	size_t		  top;		/* first row in view */
	size_t		  mark;		/* line with a search match, or
					   SIZE_MAX */
	size_t		  mark_off, mark_len;	/* its bytes */
	bool		  mark_scroll;	/* bring it into view at the next
					   draw */
	int		  rows;		/* text rows in view */
	char		 *title;
};

/* A page titled TITLE (copied), without lines. Free with ui_text_free. */
struct ui_text *ui_text_new(const char *title);
void	ui_text_free(struct ui_text *);

/*
 * Add LINE (taken: malloc'd UTF-8), its first HL bytes drawn in the
 * help-key colour. A line wider than the page wraps, at a blank where
 * it can, its continuation rows two columns in (or as ui_text_indent()
 * says): nothing is cut at the right edge.
 */
void	ui_text_add(struct ui_text *, char *line, size_t hl);

/* Continuation rows of the last line added start COLS columns in. */
void	ui_text_indent(struct ui_text *, int cols);

/*
 * Draw bytes [OFF, OFF + LEN) of line LINE as the current search match;
 * the next draw scrolls the line into view if it is not.
 */
void	ui_text_mark(struct ui_text *, size_t line, size_t off, size_t len);

/* Scroll by OP, or pop the view on a closing op; every key is used. */
bool	ui_text_key(struct ui *u, struct ui_text *t, int key, enum op op);

/* Draw the title on R's first row and the lines in view below it. */
void	ui_text_draw(struct ui *u, struct ui_text *t, const struct ui_rect *r);

#endif /* DUBAO_UI_TEXT_H */
