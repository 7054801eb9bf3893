/*
 * ui-article.c -- the reader pane and the text drawing helpers every pane
 * uses. It draws the lines that layout computed, as they are: indent
 * blanks, the prefix, then the line's bytes, each character through
 * text_display(), styled by the line's kind, with search hits in reverse
 * video. It never measures or wraps text itself.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <unistr.h>

#include "model.h"
#include "text.h"
#include "layout.h"
#include "search.h"
#include "state.h"
#include "ui-draw.h"

#define UI_PUT_BUF 128

static void
ui_flush(wchar_t *buf, int *nb)
{
	if (*nb > 0)
		addnwstr(buf, *nb);
	*nb = 0;
}

int
ui_put_width(ucs4_t uc)
{
	const char	*sub = text_display(uc);
	int		 w;

	if (sub != NULL)
		return text_strwidth(sub, strlen(sub));
	w = wcwidth((wchar_t)uc);
	return w < 0 ? 1 : w;
}

int
ui_put(int y, int x, int maxx, const char *s, size_t n, attr_t at)
{
	wchar_t		 buf[UI_PUT_BUF];
	const char	*sub;
	ucs4_t		 uc;
	size_t		 i = 0;
	int		 col = x, nb = 0, k, w;

	if (x >= maxx)
		return x;
	attrset(at);
	move(y, x);
	while (i < n) {
		k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		i += (size_t)k;
		if ((sub = text_display(uc)) != NULL) {
			ui_flush(buf, &nb);
			col = ui_put(y, col, maxx, sub, strlen(sub), at);
			move(y, col);
			continue;
		}
		w = wcwidth((wchar_t)uc);
		if (w < 0 || (w == 0 && col == x && nb == 0)) {
			/* Not printable in this locale: one '?' cell. */
			uc = '?';
			w = 1;
		}
		if (col + w > maxx)
			break;
		if (nb == UI_PUT_BUF)
			ui_flush(buf, &nb);
		buf[nb++] = (wchar_t)uc;
		col += w;
	}
	ui_flush(buf, &nb);
	return col;
}

void
ui_blank(int y, int x, int maxx, attr_t at)
{
	attrset(at);
	if (x < maxx)
		mvhline(y, x, ' ', maxx - x);
}

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

/* One layout line at row Y, with the hits of its field from FIRST on. */
static void
ui_article_line(const struct ui_rect *r, int y, const struct layout_line *ln,
    const struct reader_state *st, size_t first, const attr_t *roles)
{
	const struct search	*s = &st->search;
	const struct search_hit	*h;
	attr_t			 at = roles[ui_article_role(ln->kind)];
	size_t			 pos = ln->off, end = ln->off + ln->len, i, a, b;
	int			 x = r->x + ln->indent, maxx = r->x + r->w;

	if (ln->prefix != NULL)
		x = ui_put(y, x, maxx, ln->prefix, strlen(ln->prefix), at);
	for (i = first; ln->field != LAYOUT_F_NONE && i < s->n; i++) {
		h = &s->hits[i];
		if (h->page != st->page || h->art != st->art)
			break;
		if (h->field != ln->field || h->index != ln->index)
			continue;
		a = h->off > pos ? h->off : pos;
		b = h->off + h->len < end ? h->off + h->len : end;
		if (b <= a)
			continue;
		x = ui_put(y, x, maxx, ln->text + pos, a - pos, at);
		x = ui_put(y, x, maxx, ln->text + a, b - a,
		    roles[i == st->hit ? UI_ROLE_MATCH_CUR : UI_ROLE_MATCH]);
		pos = b;
	}
	if (pos < end)
		ui_put(y, x, maxx, ln->text + pos, end - pos, at);
}

void
ui_article_draw(const struct ui_rect *r, const struct layout *lay,
    const struct reader_state *st, const attr_t *roles)
{
	size_t	first = SIZE_MAX, li;
	int	row;

	if (st->search.query != NULL && st->search_issue == st->issue)
		first = search_first_in(&st->search, st->page, st->art);
	else
		first = st->search.n;
	for (row = 0; row < r->h; row++) {
		ui_blank(r->y + row, r->x, r->x + r->w, roles[UI_ROLE_BODY]);
		li = st->line + (size_t)row;
		if (lay == NULL || li >= lay->nlines)
			continue;
		ui_article_line(r, r->y + row, &lay->lines[li], st, first,
		    roles);
	}
}
