/*
 * ui-keys.h -- keys: reading them from the terminal, their names, and
 * the table that binds them to ops (defaults, then the config file's bind
 * lines). ui-keys.c. Only src/ui*.c include this header.
 */
#ifndef DUBAO_UI_KEYS_H
#define DUBAO_UI_KEYS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "state.h"

struct ui;

/*
 * Key codes: a character is its code point; a function key is curses'
 * KEY_* code marked with UI_FKEY, so the two never meet.
 */
#define UI_FKEY(k)	((k) | 0x1000000)
#define UI_IS_FKEY(k)	(((k) & 0x1000000) != 0)
#define UI_CTRL(c)	((c) & 0x1f)
#define UI_ESC		0x1b

struct ui_binding {
	int		key;
	enum op		op;
};

struct ui_keys {
	struct ui_binding	*v;
	size_t			 n, cap;
	int			 errs;	/* failed reads in a row */
	bool			 utf8;	/* keys are UTF-8 whatever the
					   locale says (LANG=C) */
};

/*
 * The signal that must stop the reader (set by ui.c's handler), or 0.
 * Reading keys gives up when it is set.
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
 * Read one key for U into *KEY (a key code as above). Returns false once
 * the program must stop: a signal arrived (u->status = 128 + signal) or
 * the terminal hung up (u->status = 1).
 */
bool	ui_getkey(struct ui *u, int *key);

#endif /* DUBAO_UI_KEYS_H */
