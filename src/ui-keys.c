/*
 * ui-keys.c -- keys: the default table that binds them to ops, the
 * config file's bind lines, their names for help and for the config, and
 * the key codes of what keyseq.c decodes (a character is its code point;
 * a function key is curses' code; one with Shift, Ctrl or Alt is none).
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "i18n.h"
#include "util.h"
#include "settings.h"
#include "options.h"
#include "state.h"
#include "ui-view.h"

volatile sig_atomic_t	ui_sig;

static const struct ui_binding ui_default_keys[] = {
	{ 'j', OP_LINE_DOWN },
	{ UI_FKEY(KEY_DOWN), OP_LINE_DOWN },
	{ 'k', OP_LINE_UP },
	{ UI_FKEY(KEY_UP), OP_LINE_UP },
	{ ' ', OP_PAGE_DOWN },
	{ UI_FKEY(KEY_NPAGE), OP_PAGE_DOWN },
	{ 'f', OP_PAGE_DOWN },
	{ 'b', OP_PAGE_UP },
	{ UI_FKEY(KEY_PPAGE), OP_PAGE_UP },
	{ 'd', OP_HALF_DOWN },
	{ 'u', OP_HALF_UP },
	{ 'g', OP_TOP },
	{ UI_FKEY(KEY_HOME), OP_TOP },
	{ 'G', OP_BOTTOM },
	{ UI_FKEY(KEY_END), OP_BOTTOM },
	{ '\r', OP_OPEN },
	{ '\n', OP_OPEN },
	{ UI_FKEY(KEY_ENTER), OP_OPEN },
	{ 'l', OP_OPEN },
	{ UI_FKEY(KEY_RIGHT), OP_OPEN },
	{ 'h', OP_BACK },
	{ UI_FKEY(KEY_LEFT), OP_BACK },
	{ UI_FKEY(KEY_BACKSPACE), OP_BACK },
	{ 0x7f, OP_BACK },
	{ UI_CTRL('H'), OP_BACK },
	{ '\t', OP_FOCUS_NEXT },
	{ 't', OP_TOGGLE_CONTENTS },
	{ ']', OP_NEXT_ARTICLE },
	{ '[', OP_PREV_ARTICLE },
	{ '}', OP_NEXT_PAGE },
	{ '{', OP_PREV_PAGE },
	{ '>', OP_NEXT_ISSUE },
	{ '<', OP_PREV_ISSUE },
	{ '/', OP_SEARCH },
	{ 'S', OP_SEARCH_LIBRARY },
	{ 'n', OP_NEXT_MATCH },
	{ 'N', OP_PREV_MATCH },
	{ '=', OP_INFO },
	{ '?', OP_HELP },
	{ UI_FKEY(KEY_F(1)), OP_HELP },
	{ 'q', OP_QUIT },
	{ 'Q', OP_QUIT_NOW },
	{ UI_CTRL('L'), OP_REDRAW },
	{ 'i', OP_ISSUES },
	{ 'c', OP_CALENDAR },
	{ 'm', OP_BOOKMARK },
	{ '\'', OP_BOOKMARKS },
	{ '|', OP_PIPE },
	{ 's', OP_SAVE },
};

/* Names of keys for help and for "bind" in the config file. */
static const struct ui_keyname {
	const char	*name;
	int		 key;
} ui_keynames[] = {
	{ "Down", UI_FKEY(KEY_DOWN) },
	{ "Up", UI_FKEY(KEY_UP) },
	{ "Left", UI_FKEY(KEY_LEFT) },
	{ "Right", UI_FKEY(KEY_RIGHT) },
	{ "PageDown", UI_FKEY(KEY_NPAGE) },
	{ "PgDn", UI_FKEY(KEY_NPAGE) },
	{ "PageUp", UI_FKEY(KEY_PPAGE) },
	{ "PgUp", UI_FKEY(KEY_PPAGE) },
	{ "Home", UI_FKEY(KEY_HOME) },
	{ "End", UI_FKEY(KEY_END) },
	{ "Enter", '\r' },
	{ "Return", '\n' },
	{ "KPEnter", UI_FKEY(KEY_ENTER) },
	{ "Backspace", UI_FKEY(KEY_BACKSPACE) },
	{ "BS", 0x7f },
	{ "Tab", '\t' },
	{ "Space", ' ' },
	{ "Esc", UI_ESC },
	{ "Delete", UI_FKEY(KEY_DC) },
	{ "Insert", UI_FKEY(KEY_IC) },
};

#define UI_NKEYNAMES	(sizeof ui_keynames / sizeof ui_keynames[0])

enum op
ui_key_op(const struct ui_keys *keys, int key)
{
	size_t	i;

	for (i = 0; i < keys->n; i++)
		if (keys->v[i].key == key)
			return keys->v[i].op;
	return OP_NONE;
}

/* The name of a function key (UI_FKEY). */
static void
ui_fkey_name(int key, char *buf, size_t size)
{
	key &= ~0x1000000;
	if (key >= KEY_F(1) && key <= KEY_F(12))
		snprintf(buf, size, "F%d", key - KEY_F(0));
	else
		snprintf(buf, size, "%s", keyname(key));
}

void
ui_key_name(int key, char *buf, size_t size)
{
	uint8_t	u8[8];
	size_t	i;
	int	n;

	for (i = 0; i < UI_NKEYNAMES; i++) {
		if (ui_keynames[i].key == key) {
			snprintf(buf, size, "%s", ui_keynames[i].name);
			return;
		}
	}
	if (key == '\n' || key == '\r')
		snprintf(buf, size, "Enter");
	else if (UI_IS_FKEY(key))
		ui_fkey_name(key, buf, size);
	else if (key < 0x20)
		snprintf(buf, size, "^%c", key + '@');
	else if (key == 0x7f)
		snprintf(buf, size, "^?");
	else {
		n = u8_uctomb(u8, (ucs4_t)key, sizeof u8 - 1);
		snprintf(buf, size, "%.*s", n > 0 ? n : 0, (const char *)u8);
	}
}

/* A control key written ^X; -1 if S is no such thing. */
static int
ui_key_parse_ctrl(const char *s)
{
	if (s[1] == '?')
		return 0x7f;
	if ((s[1] >= '@' && s[1] <= '_') || (s[1] >= 'a' && s[1] <= 'z'))
		return UI_CTRL(s[1]);
	return -1;
}

/* Parse a key as written in the config file; -1 if unknown. */
static int
ui_key_parse(const char *s)
{
	char	name[32];
	size_t	n = strlen(s), i;
	ucs4_t	uc;
	int	k;

	if (n >= 3 && s[0] == '<' && s[n - 1] == '>' && n - 2 < sizeof name) {
		memcpy(name, s + 1, n - 2);
		name[n - 2] = '\0';
		s = name;
		n -= 2;
	}
	if (n == 2 && s[0] == '^')
		return ui_key_parse_ctrl(s);
	if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3 &&
	    (k = atoi(s + 1)) >= 1 && k <= 12)
		return UI_FKEY(KEY_F(k));
	for (i = 0; i < UI_NKEYNAMES; i++)
		if (strcasecmp(ui_keynames[i].name, s) == 0)
			return ui_keynames[i].key;
	k = u8_mbtouc(&uc, (const uint8_t *)s, n);
	if (k > 0 && (size_t)k == n && uc != 0xfffd && uc >= 0x20)
		return (int)uc;
	return -1;
}

static void
ui_bind(struct ui_keys *keys, int key, enum op op)
{
	size_t	i;

	for (i = 0; i < keys->n; i++) {
		if (keys->v[i].key == key) {
			keys->v[i].op = op;
			return;
		}
	}
	keys->v = util_grow(keys->v, &keys->cap, keys->n + 1, sizeof *keys->v);
	keys->v[keys->n].key = key;
	keys->v[keys->n].op = op;
	keys->n++;
}

/* One bind line of the config file; a mistake goes to the message line. */
static void
ui_bind_line(struct ui *u, const struct settings *cf, size_t i)
{
	const char	*path = cf->path != NULL ? cf->path : "config";
	int		 key = ui_key_parse(cf->binds[i].key);
	enum op		 op = state_op_find(cf->binds[i].action);

	if (strcmp(cf->binds[i].action, "none") == 0 && key != -1)
		ui_bind(&u->keys, key, OP_NONE);
	else if (key == -1)
		ui_message(u, true, _("%s:%zu: unknown key '%s'"), path,
		    cf->binds[i].line, cf->binds[i].key);
	else if (op == OP_NONE)
		ui_message(u, true, _("%s:%zu: unknown action '%s'"), path,
		    cf->binds[i].line, cf->binds[i].action);
	else
		ui_bind(&u->keys, key, op);
}

void
ui_keys_init(struct ui *u)
{
	const struct settings	*cf = u->opts->settings;
	size_t			 i;

	for (i = 0; i < sizeof ui_default_keys / sizeof ui_default_keys[0];
	    i++)
		ui_bind(&u->keys, ui_default_keys[i].key,
		    ui_default_keys[i].op);
	for (i = 0; cf != NULL && i < cf->nbinds; i++)
		ui_bind_line(u, cf, i);
}

void
ui_keys_free(struct ui_keys *keys)
{
	free(keys->v);
	keys->v = NULL;
	keys->n = keys->cap = 0;
}

/* Function keys as keyseq.c decodes them, as curses names them. */
static const int ui_fkeys[] = {
	[KEYSEQ_UP] = KEY_UP,
	[KEYSEQ_DOWN] = KEY_DOWN,
	[KEYSEQ_RIGHT] = KEY_RIGHT,
	[KEYSEQ_LEFT] = KEY_LEFT,
	[KEYSEQ_HOME] = KEY_HOME,
	[KEYSEQ_END] = KEY_END,
	[KEYSEQ_INSERT] = KEY_IC,
	[KEYSEQ_DELETE] = KEY_DC,
	[KEYSEQ_PGUP] = KEY_PPAGE,
	[KEYSEQ_PGDN] = KEY_NPAGE,
	[KEYSEQ_BACKTAB] = KEY_BTAB,
	[KEYSEQ_KPENTER] = KEY_ENTER,
};

int
ui_key_of(const struct keyseq_event *ev)
{
	size_t	n = sizeof ui_fkeys / sizeof ui_fkeys[0];

	if (ev->type == KEYSEQ_CHAR)
		return (int)ev->ch;
	if (ev->type != KEYSEQ_KEY || ev->mods != 0)
		return -1;
	if (ev->key >= KEYSEQ_F1 && ev->key < KEYSEQ_F1 + 12)
		return UI_FKEY(KEY_F(ev->key - KEYSEQ_F1 + 1));
	if (ev->key > 0 && (size_t)ev->key < n && ui_fkeys[ev->key] != 0)
		return UI_FKEY(ui_fkeys[ev->key]);
	return -1;
}
