/*
 * ui-probe.h -- what the reader learns from the terminal and the locale
 * before curses starts (ui-probe.c). ui_probe_start() is in ui.h, for
 * main(). Only src/ui*.c include this header.
 */
#ifndef DUBAO_UI_PROBE_H
#define DUBAO_UI_PROBE_H

#include <stdbool.h>

/*
 * Read the answer to the probe ui_probe_start() sent, at most
 * UI_PROBE_MS after it was sent, and give the tty back. Returns 1 or 2
 * (cells the terminal gave an ambiguous character), or 0: no probe, or
 * no answer.
 */
int	ui_probe_finish(void);

/* The locale's charset: 1 UTF-8, 2 a Chinese legacy charset, 0 other. */
int	ui_locale_kind(void);

/* Whether the locale's characters end at ASCII (C, POSIX). */
bool	ui_locale_ascii(void);

#endif /* DUBAO_UI_PROBE_H */
