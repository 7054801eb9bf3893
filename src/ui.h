/*
 * ui.h -- the interactive reader. The only module (with ui-*.c) that
 * includes curses.
 */
#ifndef DUBAO_UI_H
#define DUBAO_UI_H

#include "model.h"
#include "options.h"

/*
 * Run the reader on LIB (at least one issue) until the user quits.
 * Returns the exit status: 0 after q, 1 when the terminal cannot be used
 * (the reason printed on stderr as "dubao: reason") or hung up, 128 + N
 * after signal N (SIGINT, SIGTERM, SIGHUP, SIGQUIT). The terminal is
 * given back in every case.
 */
int	ui_run(struct library *lib, const struct options *opts);

#endif /* DUBAO_UI_H */
