/*
 * ui-prompt.c -- the line editor on the message row (the search prompt):
 * characters in, Backspace, Delete, Left/Right, Home/End, Ctrl-A/E/U/K,
 * Up/Down through the lines entered before, Enter to take the line, Esc,
 * Ctrl-G or Ctrl-C to cancel. The cursor is placed by the widths
 * ui_put() draws, and the line scrolls so that the cursor stays on it
 * and, as long as the cursor allows, the end of the line too (a pasted
 * query shows its end, where the typing goes on).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unistr.h>

#include "util.h"
#include "ui-input.h"
#include "ui-view.h"

#define UI_PROMPT_MAX	1024	/* characters in the line */

enum ui_edit_result {
	UI_EDIT_MORE,
	UI_EDIT_DONE,
	UI_EDIT_CANCEL
};

struct ui_edit {
	wchar_t	buf[UI_PROMPT_MAX];
	size_t	n, cur;
	size_t	hist;		/* history entry shown, or nhistory */
};

static void
ui_history_add(struct ui *u, const char *s)
{
	if (u->nhistory > 0 && strcmp(u->history[u->nhistory - 1], s) == 0)
		return;
	if (u->nhistory == UI_HISTORY) {
		free(u->history[0]);
		memmove(u->history, u->history + 1,
		    (UI_HISTORY - 1) * sizeof *u->history);
		u->nhistory--;
	}
	u->history[u->nhistory++] = xstrdup(s);
}

void
ui_prompt_free(struct ui *u)
{
	size_t	i;

	for (i = 0; i < u->nhistory; i++)
		free(u->history[i]);
	u->nhistory = 0;
}

/* Load UTF-8 S into the edit buffer; the cursor goes to its end. */
static void
ui_edit_load(struct ui_edit *e, const char *s)
{
	size_t	len = strlen(s);
	ucs4_t	uc;
	int	k;

	e->n = 0;
	while (len > 0 && e->n < UI_PROMPT_MAX - 1) {
		k = u8_mbtouc(&uc, (const uint8_t *)s, len);
		e->buf[e->n++] = (wchar_t)uc;
		s += k;
		len -= (size_t)k;
	}
	e->cur = e->n;
}

/* The characters BUF[FROM..TO) as UTF-8 in B. */
static void
ui_edit_utf8(const wchar_t *buf, size_t from, size_t to, struct buf *b)
{
	uint8_t	u8[8];
	int	k;

	for (; from < to; from++) {
		k = u8_uctomb(u8, (ucs4_t)buf[from], sizeof u8);
		if (k > 0)
			buf_add(b, u8, (size_t)k);
	}
}

static int
ui_edit_width(const wchar_t *buf, size_t from, size_t to)
{
	int	w = 0;

	for (; from < to; from++)
		w += ui_put_width((ucs4_t)buf[from]);
	return w;
}

static void
ui_prompt_draw(struct ui *u, const char *prompt, const struct ui_edit *e)
{
	struct buf	 b;
	size_t		 start = 0;
	int		 px, w;
	attr_t		 at = u->roles[UI_ROLE_MESSAGE];

	ui_blank(LINES - 1, 0, COLS, at);
	px = ui_put(LINES - 1, 0, COLS, prompt, strlen(prompt), at);
	/* Scroll: the end of the line in view, unless the cursor is not. */
	while (start < e->cur &&
	    ui_edit_width(e->buf, start, e->n) > COLS - px - 1)
		start++;
	buf_init(&b);
	ui_edit_utf8(e->buf, start, e->n, &b);
	ui_put(LINES - 1, px, COLS, b.len > 0 ? b.data : "", b.len, at);
	buf_clear(&b);
	w = ui_edit_width(e->buf, start, e->cur);
	move(LINES - 1, px + w < COLS ? px + w : COLS - 1);
	refresh();
}

static void
ui_edit_delete(struct ui_edit *e, size_t at)
{
	memmove(e->buf + at, e->buf + at + 1,
	    (e->n - at - 1) * sizeof *e->buf);
	e->n--;
}

static void
ui_edit_insert(struct ui_edit *e, wchar_t c)
{
	if (c < 0x20 || c == 0x7f || e->n + 1 >= UI_PROMPT_MAX)
		return;
	memmove(e->buf + e->cur + 1, e->buf + e->cur,
	    (e->n - e->cur) * sizeof *e->buf);
	e->buf[e->cur++] = c;
	e->n++;
}

/* Up and Down: the history. */
static void
ui_edit_history(struct ui *u, struct ui_edit *e, int dir)
{
	if (dir < 0 && e->hist > 0)
		ui_edit_load(e, u->history[--e->hist]);
	else if (dir > 0 && e->hist < u->nhistory) {
		if (++e->hist < u->nhistory)
			ui_edit_load(e, u->history[e->hist]);
		else
			e->n = e->cur = 0;
	}
}

/* Backspace: cancels on an empty line. */
static enum ui_edit_result
ui_edit_backspace(struct ui_edit *e)
{
	if (e->cur == 0)
		return e->n == 0 ? UI_EDIT_CANCEL : UI_EDIT_MORE;
	ui_edit_delete(e, --e->cur);
	return UI_EDIT_MORE;
}

static enum ui_edit_result
ui_edit_fkey(struct ui *u, struct ui_edit *e, int k)
{
	switch (k) {
	case KEY_LEFT:
		e->cur -= e->cur > 0;
		break;
	case KEY_RIGHT:
		e->cur += e->cur < e->n;
		break;
	case KEY_HOME:
		e->cur = 0;
		break;
	case KEY_END:
		e->cur = e->n;
		break;
	case KEY_BACKSPACE:
		return ui_edit_backspace(e);
	case KEY_DC:
		if (e->cur < e->n)
			ui_edit_delete(e, e->cur);
		break;
	case KEY_UP:
	case KEY_DOWN:
		ui_edit_history(u, e, k == KEY_UP ? -1 : 1);
		break;
	case KEY_ENTER:
		return UI_EDIT_DONE;
	}
	return UI_EDIT_MORE;
}

/*
 * What is not typed: a resize, a late answer, Ctrl-Z, the mouse, and
 * pasted text, which is text (its line breaks blanks). True if KEY was.
 */
static bool
ui_edit_other(struct ui *u, struct ui_edit *e, int key)
{
	if (ui_handle(u, key))
		ui_draw(u);
	else if (key & UI_PASTED) {
		key &= ~UI_PASTED;
		ui_edit_insert(e, key == '\r' || key == '\n' ? ' ' :
		    (wchar_t)key);
	} else if (key != UI_KEY_MOUSE)
		return false;
	return true;
}

static enum ui_edit_result
ui_edit_key(struct ui *u, struct ui_edit *e, int key)
{
	if (ui_edit_other(u, e, key))
		return UI_EDIT_MORE;
	if (UI_IS_FKEY(key))
		return ui_edit_fkey(u, e, key & ~0x1000000);
	switch (key) {
	case UI_ESC:
	case UI_CTRL('G'):
	case UI_CTRL('C'):
		return UI_EDIT_CANCEL;
	case '\r':
	case '\n':
		return UI_EDIT_DONE;
	case 0x7f:
	case UI_CTRL('H'):
		return ui_edit_backspace(e);
	case UI_CTRL('U'):
		memmove(e->buf, e->buf + e->cur, (e->n - e->cur) *
		    sizeof *e->buf);
		e->n -= e->cur;
		e->cur = 0;
		break;
	case UI_CTRL('K'):
		e->n = e->cur;
		break;
	case UI_CTRL('A'):
		e->cur = 0;
		break;
	case UI_CTRL('E'):
		e->cur = e->n;
		break;
	default:
		ui_edit_insert(e, (wchar_t)key);
		break;
	}
	return UI_EDIT_MORE;
}

char *
ui_prompt_with(struct ui *u, const char *prompt, const char *initial,
    int flags)
{
	struct ui_edit		 e;
	struct buf		 out;
	enum ui_edit_result	 r = UI_EDIT_MORE;
	int			 key;

	memset(&e, 0, sizeof e);
	e.hist = u->nhistory;
	if (initial != NULL)
		ui_edit_load(&e, initial);
	leaveok(stdscr, FALSE);		/* the cursor shows where to type */
	curs_set(1);
	u->msg[0] = '\0';
	while (r == UI_EDIT_MORE) {
		ui_prompt_draw(u, prompt, &e);
		if (!ui_getkey(u, &key)) {
			u->quit = true;
			r = UI_EDIT_CANCEL;
		} else if ((flags & UI_PROMPT_HISTORY) == 0 &&
		    (key == UI_FKEY(KEY_UP) || key == UI_FKEY(KEY_DOWN)))
			continue;
		else
			r = ui_edit_key(u, &e, key);
	}
	curs_set(0);
	leaveok(stdscr, TRUE);
	if (r == UI_EDIT_CANCEL)
		return NULL;
	buf_init(&out);
	ui_edit_utf8(e.buf, 0, e.n, &out);
	if (out.len == 0) {
		buf_clear(&out);
		return (flags & UI_PROMPT_EMPTY) ? xstrdup("") : NULL;
	}
	if (flags & UI_PROMPT_HISTORY)
		ui_history_add(u, out.data);
	return buf_take(&out);
}

char *
ui_prompt(struct ui *u, const char *prompt)
{
	return ui_prompt_with(u, prompt, NULL, UI_PROMPT_HISTORY |
	    UI_PROMPT_EMPTY);
}
