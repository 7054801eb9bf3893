/*
 * ui-probe.h -- what the reader learns from the terminal and the locale
 * before curses starts (ui-probe.c). ui_probe_start() is in ui.h, for
 * main(). Only src/ui*.c include this header.
 */
#ifndef DUBAO_UI_PROBE_H
#define DUBAO_UI_PROBE_H

#include <stdbool.h>

/*
 * Take what the terminal sent since ui_probe_start() (ui-input.c keeps
 * the answers and the keys), and wait for the position report at most
 * UI_PROBE_MS from the start. The signal handlers are put back; the tty
 * stays without echo (curses takes it next).
 */
void	ui_probe_finish(void);

/*
 * Give the tty its modes back (curses saves them as the shell's right
 * after). Does nothing when no probe was sent.
 */
void	ui_probe_release(void);

/* The locale's charset: 1 UTF-8, 2 a Chinese legacy charset, 0 other. */
int	ui_locale_kind(void);

/* Whether the locale's characters end at ASCII (C, POSIX). */
bool	ui_locale_ascii(void);

#endif /* DUBAO_UI_PROBE_H */
