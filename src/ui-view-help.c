/*
 * ui-view-help.c -- the help view: every action with the keys bound to
 * it now (the defaults and the config file's bind lines), then a few
 * notes on counts, the mouse and the prompt.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "text.h"
#include "state.h"
#include "ui-text.h"

/* Pad S with blanks to COLS columns (measured by text.h). */
static void
ui_pad(struct buf *b, const char *s, int cols)
{
	int	w = text_strwidth(s, strlen(s));

	buf_adds(b, s);
	do
		buf_addc(b, ' ');
	while (++w < cols);
}

/* The keys bound to OP, by name ("j Down"), or "-". */
static char *
ui_help_keys(const struct ui_keys *keys, enum op op)
{
	struct buf	b;
	char		name[32];
	size_t		i;

	buf_init(&b);
	for (i = 0; i < keys->n; i++) {
		if (keys->v[i].op != op)
			continue;
		ui_key_name(keys->v[i].key, name, sizeof name);
		/* Enter and Return look the same to a reader. */
		if (b.len > 0 && strstr(b.data, name) != NULL)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, name);
	}
	return b.len > 0 ? buf_take(&b) : xstrdup("-");
}

static void *
ui_help_enter(struct ui *u)
{
	struct ui_text	*t;
	struct buf	 line;
	char		*klist[OP__COUNT];
	size_t		 hl;
	int		 op, w, kw = 0;

	t = ui_text_new(_("dubao help: keys and actions (q to close)"));
	/* First the keys of each action, to size the key column. */
	for (op = 1; op < OP__COUNT; op++) {
		klist[op] = ui_help_keys(&u->keys, (enum op)op);
		w = text_strwidth(klist[op], strlen(klist[op]));
		if (w > kw)
			kw = w;
	}
	for (op = 1; op < OP__COUNT; op++) {
		buf_init(&line);
		ui_pad(&line, klist[op], kw + 2);
		hl = line.len;
		ui_pad(&line, state_op_name((enum op)op), 18);
		buf_adds(&line, state_op_help((enum op)op));
		ui_text_add(t, buf_take(&line), hl);
		ui_text_indent(t, kw + 2 + 18);	/* under the description */
		free(klist[op]);
	}
	ui_text_add(t, xstrdup(""), 0);
	ui_text_add(t, xstrdup(_("A number before a key repeats it: 5j.")), 0);
	ui_text_add(t, xstrdup(_("Mouse: click an item to open it, or a "
	    "continuation note to follow it; the wheel scrolls the pane "
	    "under the pointer.")), 0);
	ui_text_add(t, xstrdup(_("Search prompt: Backspace, Left/Right, "
	    "Ctrl-U, Up/Down for history, Esc cancels.")), 0);
	return t;
}

static void
ui_help_leave(struct ui *u, void *data)
{
	(void)u;
	ui_text_free(data);
}

static bool
ui_help_key(struct ui *u, void *data, int key, enum op op, int count)
{
	(void)count;
	return ui_text_key(u, data, key, op);
}

static void
ui_help_draw(struct ui *u, void *data, const struct ui_rect *r,
    bool focused)
{
	(void)focused;
	ui_text_draw(u, data, r);
}

const struct ui_view ui_view_help = {
	.name = "help",
	.enter = ui_help_enter,
	.leave = ui_help_leave,
	.key = ui_help_key,
	.draw = ui_help_draw,
};
