/*
 * ui-article.c -- how the reader view draws an article: the lines that
 * layout computed, as they are: indent blanks, the prefix, then the
 * line's bytes (through ui_put()), styled by the line's kind, with
 * search hits in reverse video. It never measures or wraps text itself.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "model.h"
#include "layout.h"
#include "search.h"
#include "state.h"
#include "ui-article.h"

static enum ui_role
ui_article_role(enum layout_kind kind)
{
	switch (kind) {
	case LAYOUT_BLANK:
	case LAYOUT_BODY:
		return UI_ROLE_BODY;
	case LAYOUT_COLUMN:
		return UI_ROLE_COLUMN;
	case LAYOUT_KICKER:
		return UI_ROLE_KICKER;
	case LAYOUT_HEADLINE:
		return UI_ROLE_HEADLINE;
	case LAYOUT_SUBHEAD:
		return UI_ROLE_SUBHEAD;
	case LAYOUT_INTERTITLE:
		return UI_ROLE_INTERTITLE;
	case LAYOUT_BYLINE:
		return UI_ROLE_BYLINE;
	case LAYOUT_DATELINE:
		return UI_ROLE_DATELINE;
	case LAYOUT_QUOTE:
	case LAYOUT_QUOTE_BY:
		return UI_ROLE_QUOTE;
	case LAYOUT_CAPTION:
	case LAYOUT_CREDIT:
		return UI_ROLE_CAPTION;
	case LAYOUT_NOTE:
		return UI_ROLE_NOTE;
	}
	return UI_ROLE_BODY;
}

/*
 * One layout line at row Y, with the hits of its field among S's from
 * FIRST on (S may be NULL); hit CUR is the current one.
 */
static void
ui_article_line(const struct ui_rect *r, int y, const struct layout_line *ln,
    const struct search *s, size_t first, size_t cur, const attr_t *roles)
{
	const struct search_hit	*h;
	attr_t			 at = roles[ui_article_role(ln->kind)];
	size_t			 pos = ln->off, end = ln->off + ln->len, i, a, b;
	int			 x = r->x + ln->indent, maxx = r->x + r->w;
	size_t			 page = s != NULL ? s->hits[first].page : 0;
	size_t			 art = s != NULL ? s->hits[first].art : 0;

	if (ln->prefix != NULL)
		x = ui_put(y, x, maxx, ln->prefix, strlen(ln->prefix), at);
	for (i = first; s != NULL && ln->field != LAYOUT_F_NONE && i < s->n;
	    i++) {
		h = &s->hits[i];
		if (h->page != page || h->art != art)
			break;
		if (h->field != ln->field || h->index != ln->index)
			continue;
		a = h->off > pos ? h->off : pos;
		b = h->off + h->len < end ? h->off + h->len : end;
		if (b <= a)
			continue;
		x = ui_put(y, x, maxx, ln->text + pos, a - pos, at);
		x = ui_put(y, x, maxx, ln->text + a, b - a,
		    roles[i == cur ? UI_ROLE_MATCH_CUR : UI_ROLE_MATCH]);
		pos = b;
	}
	if (pos < end)
		ui_put(y, x, maxx, ln->text + pos, end - pos, at);
}

void
ui_article_draw(const struct ui_rect *r, const struct layout *lay,
    const struct reader_state *st, const attr_t *roles)
{
	const struct search	*s;
	size_t			 first = 0, cur, li;
	int			 row;

	/* The hits of this article: from FIRST on, while they are its. */
	s = state_hits(st, &cur);
	if (s != NULL)
		first = search_first_in(s, state_page(st), state_art(st));
	if (s != NULL && first >= s->n)
		s = NULL;
	for (row = 0; row < r->h; row++) {
		ui_blank(r->y + row, r->x, r->x + r->w, roles[UI_ROLE_BODY]);
		li = state_line(st) + (size_t)row;
		if (lay == NULL || li >= lay->nlines)
			continue;
		ui_article_line(r, r->y + row, &lay->lines[li], s, first, cur,
		    roles);
	}
}
