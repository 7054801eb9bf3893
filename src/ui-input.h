/*
 * ui-input.h -- reading the terminal: bytes in, keys out, and the
 * terminal's answers to the probe's queries recognised whenever they
 * arrive (ui-input.c). Only src/ui*.c include this header.
 */
#ifndef DUBAO_UI_INPUT_H
#define DUBAO_UI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "keyseq.h"

struct ui;

/* A background as the terminal or the user says it is. */
enum ui_background {
	UI_BG_UNKNOWN,
	UI_BG_DARK,
	UI_BG_LIGHT
};

/* What the terminal answered to the queries it was sent. */
struct ui_answers {
	int			 ambiguous;	/* cells an ambiguous character
						   took: 1, 2, or 0 unknown */
	enum ui_background	 background;	/* from OSC 11 */
};

/*
 * Queries are in flight: a cursor position report, after an ambiguous
 * character when WIDTH (its column then says how wide the terminal drew
 * it), and, when OSC11, the background colour, asked for before the
 * report (so that once the report is in, an answer would have come).
 */
void	ui_input_expect(bool width, bool osc11);

/*
 * Bytes read from the terminal elsewhere (by the probe): decoded now,
 * answers taken, keys kept for ui_getkey().
 */
void	ui_input_take(const unsigned char *bytes, size_t n);

/* Whether the position report is still awaited. */
bool	ui_input_waiting(void);

/* What the terminal has answered so far. */
void	ui_input_answers(struct ui_answers *);

/*
 * Read keys from FD from now on (the terminal curses runs on), their
 * characters in UTF-8 when UTF8, else in the locale's charset. Sets up
 * the pipe that wakes the reading on a signal. Returns false (errno set)
 * when it cannot.
 */
bool	ui_input_start(int fd, bool utf8);
void	ui_input_stop(void);

/* From a signal handler: wake ui_getkey() (async-signal-safe). */
void	ui_input_wake(void);

/*
 * Read one key for U into *KEY: a key code (ui-keys.h), UI_KEY_RESIZE
 * after the terminal's size changed (curses knows the new size),
 * UI_KEY_TERM after the terminal answered a query late, UI_KEY_SUSPEND
 * on Ctrl-Z, KEY_MOUSE with the report in u->mouse; characters of a
 * bracketed paste have UI_PASTED set. Returns false once the program
 * must stop: a signal arrived (u->status = 128 + signal) or the terminal
 * hung up (u->status = 1).
 */
bool	ui_getkey(struct ui *u, int *key);

/*
 * ui_getkey(), waiting at most MS milliseconds (0: only what is there):
 * *KEY is UI_KEY_NONE when no key came in time.
 */
bool	ui_getkey_within(struct ui *u, int *key, int ms);

/* Note a signal for ui_getkey(): SIGWINCH, SIGTSTP (async-signal-safe). */
void	ui_input_note_winch(void);
void	ui_input_note_tstp(void);

#endif /* DUBAO_UI_INPUT_H */
