/*
 * ui.h -- the interactive reader. The only module (with ui-*.c) that
 * includes curses.
 */
#ifndef DUBAO_UI_H
#define DUBAO_UI_H

#include "model.h"
#include "options.h"

struct library;

/*
 * Run the reader on LIB (at least one issue) until the user quits.
 * Returns the exit status: 0 after q, 1 when the terminal cannot be used
 * (the reason printed on stderr as "dubao: reason") or hung up, 128 + N
 * after signal N (SIGINT, SIGTERM, SIGHUP, SIGQUIT). The terminal is
 * given back in every case.
 */
int	ui_run(struct library *lib, const struct options *opts);

/*
 * Ask the terminal now how wide it draws ambiguous-width characters (the
 * probe ui_run() needs), so that the answer comes back while dubao loads.
 * Call only when the reader will likely run (a needless probe costs one
 * wait for its answer at exit); does nothing when TERM cannot run the
 * reader or the locale is not UTF-8 (as the environment names it, when
 * called before setlocale()). The tty is put back by ui_run(), on exit()
 * and on SIGINT, SIGTERM, SIGHUP and SIGQUIT.
 */
void	ui_probe_start(void);

#endif /* DUBAO_UI_H */
