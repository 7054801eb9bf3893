/*
 * loader-unit.c -- pass 1: lines to units.
 *
 * Lines are grouped by blank lines. Inside a group, lines are joined into
 * one unit (nothing between CJK characters, a space between Latin words,
 * a hyphen at line end removed) unless a line starts with an indent (　　
 * or two spaces) or the previous line ended a paragraph (closing
 * punctuation on a line shorter than the group's measure).
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "loader-int.h"

struct loader_unit *
loader_page_add(struct loader_page *pg, char *text, size_t line,
    bool indented)
{
	struct loader_unit	*u;

	pg->u = util_grow(pg->u, &pg->cap, pg->n + 1, sizeof *pg->u);
	u = &pg->u[pg->n++];
	memset(u, 0, sizeof *u);
	u->text = text;
	u->line = line;
	u->indented = indented;
	u->nchars = loader_nchars(text);
	u->open = !loader_is_closed(text);
	u->block_first = u->block_last = true;
	u->nlines = 1;
	return u;
}


/*
 * The measure of a group of lines: the width most full lines share (a
 * typesetter's lines are equally wide, but a line may hang a closing mark
 * past it, or hold half-width digits). The most frequent width among the
 * wider half of the lines, or the widest line when no width repeats.
 */
static int
loader_line_cols(const struct loader_line *l)
{
	return l->width + (l->indented ? LL_INDENT_COLS : 0);
}

static int
loader_measure(const struct loader_line *ln, size_t n)
{
	enum { MAXW = 1024 };	/* wider lines: no histogram */
	int	max = 0, best = 0, bestn = 0, w;
	int	*hist;
	size_t	i;

	for (i = 0; i < n; i++)
		if (loader_line_cols(&ln[i]) > max)
			max = loader_line_cols(&ln[i]);
	if (n < LL_MEASURE_MIN_LINES || max >= MAXW)
		return max;
	hist = xcalloc(MAXW, sizeof *hist);
	for (i = 0; i < n; i++)
		hist[loader_line_cols(&ln[i])]++;
	for (w = (max + 1) / 2; w <= max; w++)
		if (hist[w] >= bestn) {
			bestn = hist[w];
			best = w;
		}
	free(hist);
	return bestn >= LL_MEASURE_MIN_VOTES ? best : max;
}

/*
 * Turn one group of consecutive non-empty lines into units. A line ends
 * its paragraph when the next line is indented, or when it ends a
 * sentence and is clearly shorter than the group's measure (the widest
 * lines of the group).
 */
void
loader_group(struct loader_page *pg, struct loader_line *ln, size_t n)
{
	struct buf		 b;
	struct loader_unit	*u;
	size_t			 i, first = 0, ustart = 0;
	int			 measure = 0, slack;
	bool		 indented = false, brk, indent_mode = false;

	if (n == 1) {
		/* Clean in place and hand the line over to the unit. */
		loader_clean_to(ln[0].text, ln[0].text);
		u = loader_page_add(pg, ln[0].text, ln[0].line,
		    ln[0].indented);
		ln[0].text = NULL;
		u->last_cols = u8_width((const uint8_t *)u->text,
		    strlen(u->text), "GBK") +
		    (u->indented ? LL_INDENT_COLS : 0);
		return;
	}
	for (i = 0; i < n; i++) {
		if (ln[i].indented && i > 0)
			indent_mode = true;
		/* Typeset width: CJK punctuation such as “ ” … is as wide
		 * as an ideograph on the printed page. */
		ln[i].width = u8_width((const uint8_t *)ln[i].text,
		    strlen(ln[i].text), "GBK");
	}
	measure = loader_measure(ln, n);
	slack = measure / LL_SLACK_DIV > LL_SLACK_MIN ?
	    measure / LL_SLACK_DIV : LL_SLACK_MIN;
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (b.len == 0) {
			first = ln[i].line;
			indented = ln[i].indented;
			ustart = i;
		}
		loader_join(&b, ln[i].text);
		brk = i + 1 == n || ln[i + 1].indented;
		/* A line never starts with closing punctuation: what does
		 * is the rest of this one. */
		if (!brk && (loader_is_closer(loader_first(ln[i + 1].text)) ||
		    loader_is_stop(loader_first(ln[i + 1].text)) ||
		    loader_first(ln[i + 1].text) == 0xff0c ||
		    loader_first(ln[i + 1].text) == 0x3001)) {
			continue;
		}
		if (!brk && indent_mode) {
			/* Paragraphs start indented: a line that does not
			 * reach the measure ends its unit (a paragraph's
			 * last line, or a heading). */
			if (loader_line_cols(&ln[i]) < measure - slack)
				brk = true;
			/* A sentence that ends at the measure, then up to
			 * three unindented lines ending in no stop before the
			 * next indented line: a heading follows. */
			else if (loader_is_closed(ln[i].text)) {
				size_t	j = i + 1;

				while (j < n && j <= i + LL_HEAD_LINES &&
				    !ln[j].indented)
					j++;
				if ((j == n || ln[j].indented) &&
				    j - i <= LL_HEAD_LINES &&
				    !loader_is_closed(ln[j - 1].text))
					brk = true;
			}
		} else if (!brk && n > 1 && loader_is_closed(ln[i].text) &&
		    loader_line_cols(&ln[i]) < measure - LL_CLOSED_SLACK)
			brk = true;
		/* The lines of a paragraph all fill its measure but the
		 * last: a line clearly narrower than the next one ends its
		 * unit (a title line over a longer one). */
		if (!brk && loader_line_cols(&ln[i]) + slack <
		    loader_line_cols(&ln[i + 1]))
			brk = true;
		/* A short line with no stop, alone between short lines, is
		 * a heading of its own. */
		if (!brk && n > 2 && ln[i].width < measure / 2 &&
		    ln[i + 1].width < measure / 2 && !ln[i].indented &&
		    ln[i].width < LL_HEAD_MAX_COLS)
			brk = true;
		if (brk) {
			u = loader_page_add(pg, loader_clean(b.data), first,
			    indented);
			u->block_first = ustart == 0;
			u->block_last = i + 1 == n;
			u->nlines = (int)(i - ustart + 1);
			u->measure = measure;
			u->last_cols = loader_line_cols(&ln[i]);
			buf_clear(&b);
		}
	}
	buf_clear(&b);
}
