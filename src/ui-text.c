/*
 * ui-text.c -- a page of text lines under a title (help, info): lines
 * added once, wrapped to the page's width (at a blank where one fits,
 * else between characters; continuation rows indented), drawn from the
 * first row in view, scrolled by the reader's own movement ops; q, Esc,
 * h, Enter and the op that opened it close it. One line may hold a
 * search match, drawn as the reader draws the current one.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "util.h"
#include "text.h"
#include "ui-text.h"

#define UI_TEXT_INDENT	2	/* continuation rows, by default */

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
		t->indent = xreallocarray(t->indent, t->cap,
		    sizeof *t->indent);
	}
	t->lines[t->n] = line;
	t->hl[t->n] = hl;
	t->indent[t->n] = UI_TEXT_INDENT;
	t->n++;
	t->width = 0;
}

void
ui_text_indent(struct ui_text *t, int cols)
{
	if (t->n > 0)
		t->indent[t->n - 1] = cols;
	t->width = 0;
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
	free(t->indent);
	free(t->rows_v);
	free(t->title);
	free(t);
}

/* Scroll T for OP; false when OP does not scroll. */
static bool
ui_text_scroll(struct ui_text *t, enum op op)
{
	size_t	rows = t->rows > 0 ? (size_t)t->rows : 1;
	size_t	max = t->nrows > rows ? t->nrows - rows : 0;
	size_t	step = rows;

	switch (op) {
	case OP_LINE_DOWN:
		t->top = t->top < max ? t->top + 1 : max;
		return true;
	case OP_LINE_UP:
		t->top = t->top > 0 ? t->top - 1 : 0;
		return true;
	case OP_HALF_DOWN:
		step = (rows + 1) / 2;
		/* FALLTHROUGH */
	case OP_PAGE_DOWN:
		t->top = t->top + step < max ? t->top + step : max;
		return true;
	case OP_HALF_UP:
		step = (rows + 1) / 2;
		/* FALLTHROUGH */
	case OP_PAGE_UP:
		t->top = t->top > step ? t->top - step : 0;
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

static void
ui_text_row_add(struct ui_text *t, size_t line, size_t off, size_t len)
{
	t->rows_v = util_grow(t->rows_v, &t->rowcap, t->nrows + 1,
	    sizeof *t->rows_v);
	t->rows_v[t->nrows].line = line;
	t->rows_v[t->nrows].off = off;
	t->rows_v[t->nrows].len = len;
	t->nrows++;
}

/*
 * Bytes of S[0..N) that go on a row of COLS columns: up to the last
 * blank that fits when the rest does not, at least one character.
 */
static size_t
ui_text_break(const char *s, size_t n, int cols)
{
	size_t	fit, i;
	int	used, k;

	fit = text_fit(s, n, cols > 1 ? cols : 1, &used);
	if (fit >= n)
		return n;
	for (i = fit; i > 0; i--)
		if (s[i - 1] == ' ')
			return i;
	if (fit == 0 && (k = u8_mblen((const uint8_t *)s, n)) > 0)
		return (size_t)k;
	return fit > 0 ? fit : n;
}

/* Columns before a continuation row of line I: less on a narrow page. */
static int
ui_text_ind(const struct ui_text *t, size_t i)
{
	return t->indent[i] < t->width / 2 ? t->indent[i] : UI_TEXT_INDENT;
}

/* Wrap every line to W columns (the first row starts one column in). */
static void
ui_text_wrap(struct ui_text *t, int w)
{
	size_t	i, off, len, k;
	int	room;

	t->nrows = 0;
	t->width = w;
	for (i = 0; i < t->n; i++) {
		len = strlen(t->lines[i]);
		off = 0;
		do {
			room = w - 1 - (off > 0 ? ui_text_ind(t, i) : 0);
			k = ui_text_break(t->lines[i] + off, len - off,
			    room > 8 ? room : 8);
			ui_text_row_add(t, i, off, k);
			off += k;
			while (off < len && t->lines[i][off] == ' ')
				off++;
		} while (off < len);
	}
}

/* Draw bytes [A, B) of line I: keys, the match, the rest in their roles. */
static int
ui_text_run(struct ui *u, const struct ui_text *t, size_t i, size_t a,
    size_t b, int y, int x, int maxx)
{
	const char	*l = t->lines[i];
	size_t		 cut[3], e, k;
	attr_t		 at;

	cut[0] = t->hl[i];
	cut[1] = i == t->mark ? t->mark_off : SIZE_MAX;
	cut[2] = i == t->mark ? t->mark_off + t->mark_len : SIZE_MAX;
	while (a < b) {
		e = b;
		for (k = 0; k < 3; k++)
			if (cut[k] > a && cut[k] < e)
				e = cut[k];
		if (a < t->hl[i])
			at = u->roles[UI_ROLE_HELP_KEY];
		else if (i == t->mark && a >= cut[1] && a < cut[2])
			at = u->roles[UI_ROLE_MATCH_CUR];
		else
			at = u->roles[UI_ROLE_NORMAL];
		x = ui_put(y, x, maxx, l + a, e - a, at);
		a = e;
	}
	return x;
}

/* The first row of the marked line's match. */
static size_t
ui_text_mark_row(const struct ui_text *t)
{
	size_t	k;

	for (k = 0; k < t->nrows; k++)
		if (t->rows_v[k].line == t->mark &&
		    t->rows_v[k].off + t->rows_v[k].len > t->mark_off)
			return k;
	return 0;
}

void
ui_text_draw(struct ui *u, struct ui_text *t, const struct ui_rect *r)
{
	const struct ui_text_row	*rw;
	size_t				 k, m, half;
	int				 row, x, maxx = r->x + r->w;

	t->rows = r->h > 1 ? r->h - 1 : 1;
	half = (size_t)t->rows / 2;
	if (t->width != r->w)
		ui_text_wrap(t, r->w);
	if (t->mark_scroll && t->mark != SIZE_MAX) {
		m = ui_text_mark_row(t);
		if (m < t->top || m >= t->top + (size_t)t->rows)
			t->top = m > half ? m - half : 0;
	}
	t->mark_scroll = false;
	if (t->top > 0 && t->top + (size_t)t->rows > t->nrows)
		t->top = t->nrows > (size_t)t->rows ?
		    t->nrows - (size_t)t->rows : 0;
	ui_blank(r->y, r->x, maxx, u->roles[UI_ROLE_HEADLINE]);
	ui_put(r->y, r->x + 1, maxx, t->title, strlen(t->title),
	    u->roles[UI_ROLE_HEADLINE]);
	for (row = 1; row < r->h; row++) {
		k = t->top + (size_t)row - 1;
		ui_blank(r->y + row, r->x, maxx, u->roles[UI_ROLE_NORMAL]);
		if (k >= t->nrows)
			continue;
		rw = &t->rows_v[k];
		x = r->x + 1 + (rw->off > 0 ? ui_text_ind(t, rw->line) : 0);
		ui_text_run(u, t, rw->line, rw->off, rw->off + rw->len,
		    r->y + row, x, maxx);
	}
}
