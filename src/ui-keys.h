/*
 * ui-keys.h -- keys: their codes and names, and the table that binds
 * them to ops (defaults, then the config file's bind lines). ui-keys.c;
 * reading them is ui-input.c. Only src/ui*.c include this header.
 */
#ifndef DUBAO_UI_KEYS_H
#define DUBAO_UI_KEYS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "state.h"
#include "keyseq.h"

struct ui;

/*
 * Key codes: a character is its code point; a function key is curses'
 * KEY_* code marked with UI_FKEY, so the two never meet.
 */
#define UI_FKEY(k)	((k) | 0x1000000)
#define UI_IS_FKEY(k)	(((k) & 0x1000000) != 0)
#define UI_CTRL(c)	((c) & 0x1f)
#define UI_ESC		0x1b
/* A character that came in a bracketed paste. */
#define UI_PASTED	0x2000000
/* What the loop hears besides keys (ui_getkey()). */
#define UI_KEY_RESIZE	UI_FKEY(KEY_RESIZE)	/* curses has the new size */
#define UI_KEY_MOUSE	UI_FKEY(KEY_MOUSE)	/* the report in u->mouse */
#define UI_KEY_TERM	UI_FKEY(KEY_MAX + 1)	/* the terminal answered */
#define UI_KEY_SUSPEND	UI_FKEY(KEY_MAX + 2)	/* Ctrl-Z */
#define UI_KEY_NONE	UI_FKEY(KEY_MAX + 3)	/* no key came in time */

struct ui_binding {
	int		key;
	enum op		op;
};

struct ui_keys {
	struct ui_binding	*v;
	size_t			 n, cap;
};

/*
 * The signal that must stop the reader (set by ui.c's handler), or 0.
 * Reading keys (ui-input.c) gives up when it is set.
 */
extern volatile sig_atomic_t ui_sig;

/*
 * Bind the default keys, then the config file's bind lines; a bad line
 * is reported on U's message line. Free with ui_keys_free().
 */
void	ui_keys_init(struct ui *u);
void	ui_keys_free(struct ui_keys *);

/* The op KEY is bound to, or OP_NONE. */
enum op	ui_key_op(const struct ui_keys *, int key);

/* KEY's name as help shows it and the config file takes it ("PgDn"). */
void	ui_key_name(int key, char *buf, size_t size);

/*
 * The key code of a decoded character or function key, or -1 for what
 * binds to nothing (a key with modifiers, a sequence to ignore).
 */
int	ui_key_of(const struct keyseq_event *ev);

#endif /* DUBAO_UI_KEYS_H */
