/*
 * ui-scan.h -- the library's walks of folders run from the reader's loop
 * (ui-scan.c): steps between keys, progress on the status line, Esc and
 * Ctrl-C to stop. Only src/ui*.c include this header.
 */
#ifndef DUBAO_UI_SCAN_H
#define DUBAO_UI_SCAN_H

#include <signal.h>
#include <stdbool.h>

struct ui;
struct buf;

/*
 * Set while a walk runs (ui.c's SIGINT handler then sets ui_scan_int,
 * which stops the walk at the next step, instead of ending the reader).
 */
extern volatile sig_atomic_t ui_scan_running;
extern volatile sig_atomic_t ui_scan_int;

/* Start running the walks u->lib has left (none: nothing to do). */
void	ui_scan_start(struct ui *u);
/* Are walks left? Then the loop steps them whenever no key waits. */
bool	ui_scan_busy(const struct ui *u);
/* Walk on for a moment; tell the state and the views what was found. */
void	ui_scan_step(struct ui *u);
/* Stop every walk (what was found stays) and say so. */
void	ui_scan_stop(struct ui *u);
/* Esc while walking stops the walk: true when KEY was taken so. */
bool	ui_scan_key(struct ui *u, int key);
/* Has the walk taken more than a moment, so that its progress shows? */
bool	ui_scan_shown(const struct ui *u);
/*
 * The walk's progress at the end of the right of the status line, once
 * it shows: true when it was added to RIGHT.
 */
bool	ui_scan_status(struct ui *u, struct buf *right);
/*
 * Before the reader state exists: walk, showing the progress alone,
 * until the first issue is found. False when none was (the walks ended
 * or were stopped; the reasons are in u->lib's diags) or the reader
 * must stop.
 */
bool	ui_scan_first(struct ui *u);

#endif /* DUBAO_UI_SCAN_H */
