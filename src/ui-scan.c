/*
 * ui-scan.c -- the library's walks of folders, run from the reader's
 * loop so that the first screen never waits for a whole archive: a step
 * of UI_SCAN_STEP_MS whenever no key is waiting, the issues found shown
 * as they come (views that list issues list them again; until the
 * reader does something, the state goes to the issue last read when it
 * turns up), the progress on the status line once the walk has taken
 * longer than UI_SCAN_QUIET_MS, and Esc or Ctrl-C to stop it, keeping
 * what was found.
 *
 * Before the first issue is found there is no reader state to draw:
 * ui_scan_first() shows the progress alone until there is one.
 */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "library.h"
#include "state.h"
#include "ui-input.h"
#include "ui-scan.h"
#include "ui-view.h"

/* Time a step walks before the loop looks at the keys again. */
#define UI_SCAN_STEP_MS		40
/* A walk this short shows no progress on the status line. */
#define UI_SCAN_QUIET_MS	300

volatile sig_atomic_t	ui_scan_running;
volatile sig_atomic_t	ui_scan_int;

static long
ui_scan_ms(const struct ui *u)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - u->walk_t0.tv_sec) * 1000L +
	    (now.tv_nsec - u->walk_t0.tv_nsec) / 1000000L;
}

void
ui_scan_start(struct ui *u)
{
	struct library_progress	p;

	clock_gettime(CLOCK_MONOTONIC, &u->walk_t0);
	u->walking = library_busy(u->lib, &p);
	u->walk_seen = library_count(u->lib);
	ui_scan_int = 0;
	ui_scan_running = u->walking;
}

bool
ui_scan_busy(const struct ui *u)
{
	return u->walking;
}

/* Issues were found: tell the state and the views. */
static void
ui_scan_grew(struct ui *u)
{
	if (library_count(u->lib) == u->walk_seen || u->st == NULL)
		return;
	u->walk_seen = library_count(u->lib);
	ui_apply(u, state_library_grew(u->st, !u->touched));
}

/* The walks are over: say how it went when it is worth saying. */
static void
ui_scan_done(struct ui *u, const char *stopped)
{
	const struct library	*lib = u->lib;
	size_t			 n = library_count(lib);
	char			*d;

	u->walking = false;
	ui_scan_running = 0;
	ui_scan_grew(u);
	if (stopped != NULL)
		ui_message(u, false, P_("stopped reading %s: %zu issue found "
		    "so far", "stopped reading %s: %zu issues found so far",
		    n), stopped, n);
	else if (lib->diags.n > 0) {
		d = diag_format(&lib->diags.v[lib->diags.n - 1]);
		ui_message(u, true, "%s", d);
		free(d);
	} else if (ui_scan_ms(u) >= UI_SCAN_QUIET_MS)
		ui_message(u, false, P_("%zu issue in the library",
		    "%zu issues in the library", n), n);
}

void
ui_scan_stop(struct ui *u)
{
	struct library_progress	 p;
	char			*path;

	if (!u->walking)
		return;
	path = library_busy(u->lib, &p) ? xstrdup(p.path) : xstrdup("");
	library_stop(u->lib);
	ui_scan_done(u, path);
	free(path);
}

void
ui_scan_step(struct ui *u)
{
	if (!u->walking)
		return;
	if (ui_scan_int) {
		ui_scan_stop(u);
		return;
	}
	if (library_more(u->lib, UI_SCAN_STEP_MS))
		ui_scan_grew(u);
	else
		ui_scan_done(u, NULL);
}

bool
ui_scan_key(struct ui *u, int key)
{
	if (!u->walking || key != UI_ESC)
		return false;
	ui_scan_stop(u);
	return true;
}

/* "reading: 1,234 folders, 1,200 issues (Esc stops)" into B. */
static void
ui_scan_progress(const struct library_progress *p, struct buf *b)
{
	char	f[64], k[64];

	snprintf(f, sizeof f, P_("%zu folder", "%zu folders", p->folders),
	    p->folders);
	snprintf(k, sizeof k, P_("%zu issue", "%zu issues", p->issues),
	    p->issues);
	/* TRANSLATORS: folders read, issues found. */
	buf_printf(b, _("reading: %s, %s (Esc stops)"), f, k);
}

bool
ui_scan_shown(const struct ui *u)
{
	return u->walking && ui_scan_ms(u) >= UI_SCAN_QUIET_MS;
}

bool
ui_scan_status(struct ui *u, struct buf *right)
{
	struct library_progress	p;

	if (!ui_scan_shown(u) || !library_busy(u->lib, &p))
		return false;
	if (right->len > 0)
		buf_adds(right, "  ");
	ui_scan_progress(&p, right);
	return true;
}

/* The screen while no issue is found yet: the progress alone. */
static void
ui_scan_draw_wait(struct ui *u)
{
	struct library_progress	p;
	struct buf		b;
	attr_t			at = u->roles[UI_ROLE_STATUS];

	erase();
	buf_init(&b);
	if (library_busy(u->lib, &p)) {
		ui_blank(LINES - 2, 0, COLS, at);
		ui_put(LINES - 2, 1, COLS, p.path, strlen(p.path), at);
		ui_scan_progress(&p, &b);
		ui_put(LINES - 1, 0, COLS, b.data, b.len,
		    u->roles[UI_ROLE_MESSAGE]);
	}
	buf_clear(&b);
	refresh();
}

bool
ui_scan_first(struct ui *u)
{
	int	key;

	while (u->walking && library_count(u->lib) == 0 && !u->quit) {
		ui_scan_draw_wait(u);
		if (!ui_getkey_within(u, &key, 0)) {
			u->quit = true;
			break;
		}
		/* Other keys wait for a screen to act on; a new size is
		   taken at the next frame. */
		if (key == UI_KEY_NONE)
			ui_scan_step(u);
		else if (key == UI_ESC || key == 'q' || key == 'Q')
			ui_scan_stop(u);
	}
	return library_count(u->lib) > 0 && !u->quit;
}
