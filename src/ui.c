/*
 * ui.c -- the interactive reader: curses start and stop, signals and
 * hang-up, the main loop, and the stack of views it runs.
 *
 * The screen is computed, then drawn: state.c decides where the reader
 * is, layout.c how the article's lines fall, and the views only draw.
 * One frame is one refresh(). The files of the UI:
 *
 *   ui.c                 this loop, the stack, the status and message lines
 *   ui-probe.c           what the terminal and the locale can do, asked
 *                        before curses starts
 *   ui-keys.c            reading keys, their names, the key -> op table
 *   ui-prompt.c          the line editor on the message row
 *   ui-color.c           colour roles
 *   ui-draw.c            drawing text runs (every view uses it)
 *   ui-text.c            a scrolled page of lines (help, info)
 *   ui-article.c         drawing an article's layout (the reader view)
 *   ui-list.c            a list with a selection (issues, bookmarks)
 *   ui-export.c          the article to a shell command or a file
 *   ui-scan.c            the library's walks, stepped between keys
 *   ui-view-*.c          the views
 *
 * Views (ui-view.h, STYLE.md 4.11). The bottom of the stack is the
 * reading screen: the contents and reader views as two panes, side by
 * side, or one at a time when the terminal is narrow. The pane with the
 * state's focus gets the keys. Views pushed over them (help, info) take
 * the area above the status line and get the keys until they pop. The
 * loop knows nothing of what a view does: it draws, reads a key, maps it
 * to an op through the bindings, collects a count, and hands both to the
 * view on top. To add a view:
 *
 *   1. write src/ui-view-NAME.c exporting one const struct ui_view
 *      ui_view_NAME (enter/leave own its data; draw draws into the
 *      rectangle it is given; key gets the key, its op and the count and
 *      pops the view with ui_pop() when done; a view reads the reader
 *      state through the state_*() accessors and changes it only by ops,
 *      with ui_apply() on what they return);
 *   2. declare it in ui-view.h, add the file to Makefile.am (and to
 *      po/POTFILES.in if it has strings to translate);
 *   3. say what opens it: a STATE_* flag an op returns, in ui_openers[]
 *      below (or a ui_push() from another view).
 *
 * The terminal is always given back: endwin() runs on q, on the signals
 * caught here (their handlers only set a flag), on hang-up (reading keys
 * failing several times in a row: the tty is gone) and from fatal()
 * through the hook registered with util_set_fatal_hook().
 */
#include <config.h>

#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"
#include "library.h"
#include "library-state.h"
#include "model.h"
#include "settings.h"
#include "text.h"
#include "state.h"
#include "options.h"
#include "settings.h"
#include "ui.h"
#include "ui-input.h"
#include "ui-probe.h"
#include "ui-scan.h"
#include "ui-view.h"

/* Below these the screen only says it is too small. */
#define UI_MIN_COLS	16
#define UI_MIN_ROWS	5
/*
 * Narrower than this, one pane at a time, each the whole width: at 80
 * columns, two panes would leave the titles a few characters and the
 * article a narrow column, and a pane that does not span the terminal
 * cannot scroll with the terminal's own scrolling.
 */
#define UI_NARROW	100
/* The contents pane: this share of the columns, within these bounds. */
#define UI_TOC_SHARE	30	/* per cent */
#define UI_TOC_MIN	30
#define UI_TOC_MAX	44
/* The views the flags of an op open. */
static const struct {
	int			 flag;
	const struct ui_view	*view;
} ui_openers[] = {
	{ STATE_HELP, &ui_view_help },
	{ STATE_INFO, &ui_view_info },
	{ STATE_ISSUES, &ui_view_issues },
	{ STATE_CALENDAR, &ui_view_calendar },
	{ STATE_BOOKMARKS, &ui_view_bookmarks },
};

/* The signals the reader handles: their handlers only note them. */
#define UI_NSIGS	6
static const int	 ui_sigs[UI_NSIGS] = { SIGINT, SIGTERM, SIGHUP,
    SIGQUIT, SIGWINCH, SIGTSTP };
static SCREEN		*ui_screen;

static void
ui_on_signal(int sig)
{
	if (sig == SIGWINCH)
		ui_input_note_winch();
	else if (sig == SIGTSTP)
		ui_input_note_tstp();
	else if (sig == SIGINT && ui_scan_running) {
		/* Ctrl-C while walking stops the walk, not the reader. */
		ui_scan_int = 1;
		ui_input_wake();
	} else {
		ui_sig = sig;
		ui_input_wake();
	}
}

/*
 * Bracketed paste on or off (terminfo's BE and BD, where the terminal
 * has them): pasted text comes marked, so that a paste outside the
 * prompt runs no command. Sent before endwin() and before a refresh().
 */
static void
ui_paste(bool on)
{
	char	*s = tigetstr(on ? "BE" : "BD");

	if (s != NULL && s != (char *)-1)
		putp(s);
}

/* Give the terminal back; safe to call twice (also the fatal hook). */
static void
ui_fini(void)
{
	if (ui_screen != NULL && !isendwin()) {
		ui_paste(false);
		curs_set(1);
		endwin();
	}
}

void
ui_message(struct ui *u, bool error, const char *fmt, ...)
{
	va_list	 ap;
	char	*raw, *s;
	size_t	 n;

	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	/* Messages quote keys typed, names and config words: shown as
	 * placeholders, never obeyed (text_sanitize_str). */
	s = text_sanitize_str(raw);
	n = strlen(s);
	if (n >= sizeof u->msg) {
		/* Cut at the start of a character. */
		n = sizeof u->msg - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(u->msg, s, n);
	u->msg[n] = '\0';
	free(s);
	free(raw);
	u->msg_error = error;
}

/*
 * Ctrl-S and Ctrl-Q reach the reader as keys, not as flow control: a
 * stray Ctrl-S would otherwise stop all output, and even q could not
 * finish (endwin() waits for the output to drain). The mode is saved as
 * curses' program mode, so it comes back after endwin() and Ctrl-Z; the
 * shell gets its own modes back on exit.
 */
static void
ui_no_flow_control(void)
{
	struct termios	t;
	int		fd = fileno(stdout);

	if (tcgetattr(fd, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	if (tcsetattr(fd, TCSANOW, &t) == 0)
		def_prog_mode();
}

/* The pane rectangles for the terminal's size and the state's focus. */
static void
ui_geometry(struct ui *u)
{
	struct ui_rect	*toc = &u->panes[UI_PANE_TOC].rect;
	struct ui_rect	*rd = &u->panes[UI_PANE_READER].rect;
	bool		 narrow = COLS < UI_NARROW;
	int		 tw;

	u->small = COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
	u->prows = LINES - 2;
	state_set_narrow(u->st, narrow);
	memset(toc, 0, sizeof *toc);
	memset(rd, 0, sizeof *rd);
	toc->h = rd->h = u->prows;
	toc->w = rd->w = COLS;
	if (narrow) {
		u->shown[UI_PANE_TOC] = state_focus(u->st) == STATE_FOCUS_TOC;
		u->shown[UI_PANE_READER] = !u->shown[UI_PANE_TOC];
	} else if (state_toc_shown(u->st)) {
		tw = COLS * UI_TOC_SHARE / 100;
		tw = tw < UI_TOC_MIN ? UI_TOC_MIN : tw > UI_TOC_MAX ?
		    UI_TOC_MAX : tw;
		u->shown[UI_PANE_TOC] = u->shown[UI_PANE_READER] = true;
		toc->w = tw;
		rd->x = tw + 1;
		rd->w = COLS - tw - 1;
	} else {
		u->shown[UI_PANE_TOC] = false;
		u->shown[UI_PANE_READER] = true;
	}
}

/* The frame that gets the keys: the top view, or the focused pane. */
static struct ui_frame *
ui_focused(struct ui *u)
{
	if (u->depth > 0)
		return &u->stack[u->depth - 1];
	return &u->panes[state_focus(u->st) == STATE_FOCUS_TOC ?
	    UI_PANE_TOC : UI_PANE_READER];
}

static void
ui_frame_resize(struct ui *u, struct ui_frame *f)
{
	if (f->view->resize != NULL)
		f->view->resize(u, f->data, &f->rect);
}

void
ui_resize(struct ui *u)
{
	size_t	i;

	ui_geometry(u);
	ui_frame_resize(u, &u->panes[UI_PANE_TOC]);
	ui_frame_resize(u, &u->panes[UI_PANE_READER]);
	for (i = 0; i < u->depth; i++) {
		u->stack[i].rect.y = u->stack[i].rect.x = 0;
		u->stack[i].rect.h = u->prows;
		u->stack[i].rect.w = COLS;
		ui_frame_resize(u, &u->stack[i]);
	}
}

void
ui_push(struct ui *u, const struct ui_view *view)
{
	struct ui_frame	*f;

	if (u->depth == UI_STACK)
		return;
	f = &u->stack[u->depth++];
	f->view = view;
	f->busy = view->work != NULL;
	f->data = view->enter != NULL ? view->enter(u) : NULL;
	f->rect.y = f->rect.x = 0;
	f->rect.h = u->prows;
	f->rect.w = COLS;
	ui_frame_resize(u, f);
}

void
ui_pop(struct ui *u)
{
	struct ui_frame	*f;

	if (u->depth == 0)
		return;
	f = &u->stack[--u->depth];
	if (f->view->leave != NULL)
		f->view->leave(u, f->data);
	f->data = NULL;
}

/* Tell every view that the state changed. */
static void
ui_update(struct ui *u, int flags)
{
	size_t	i;

	for (i = 0; i < 2; i++)
		if (u->panes[i].view->update != NULL)
			u->panes[i].view->update(u, u->panes[i].data, flags);
	for (i = 0; i < u->depth; i++)
		if (u->stack[i].view->update != NULL)
			u->stack[i].view->update(u, u->stack[i].data, flags);
}

/*
 * The library search's prompt, then its results; an empty line searches
 * for the last query of /.
 */
static void
ui_library_search(struct ui *u)
{
	char	*q;

	q = ui_prompt(u, _("search every issue: "));
	if (q == NULL)
		return;
	if (*q == '\0') {
		free(q);
		if (state_query(u->st) == NULL) {
			ui_message(u, false, _("no search yet: type S and a "
			    "word"));
			return;
		}
		q = xstrdup(state_query(u->st));
	}
	ui_results_drop(u);
	u->results_query = q;
	ui_push(u, &ui_view_results);
}

/* The search prompt; an empty line repeats the last search, as in less. */
static void
ui_search(struct ui *u)
{
	char	*q;

	q = ui_prompt(u, "/");
	if (q == NULL)
		return;
	if (*q == '\0')
		ui_apply(u, state_apply(u->st, OP_NEXT_MATCH, 1));
	else
		ui_apply(u, state_search(u->st, q));
	free(q);
}

void
ui_apply(struct ui *u, int flags)
{
	const char	*msg = state_message(u->st);
	size_t		 i;

	if (msg != NULL)
		ui_message(u, false, "%s", msg);
	if (flags & STATE_QUIT)
		u->quit = true;
	if (flags & STATE_LAYOUT_PANES)
		ui_resize(u);
	ui_update(u, flags);
	if (flags & STATE_REDRAW)
		clearok(curscr, TRUE);
	for (i = 0; i < sizeof ui_openers / sizeof ui_openers[0]; i++)
		if (flags & ui_openers[i].flag)
			ui_push(u, ui_openers[i].view);
	if (flags & STATE_PROMPT)
		ui_search(u);
	if (flags & STATE_LIBRARY_PROMPT)
		ui_library_search(u);
	/* Back from an article opened from the results: the results. */
	if ((flags & STATE_RESULTS) && u->results_kept != NULL)
		ui_push(u, &ui_view_results);
	if (flags & STATE_BOOKMARK)
		ui_bookmark_add(u);
	if (flags & STATE_PIPE)
		ui_export_pipe(u);
	if (flags & STATE_SAVE)
		ui_export_save(u);
}

bool
ui_state_key(struct ui *u, enum op op, int count)
{
	if (op == OP_NONE)
		return false;
	ui_apply(u, state_apply(u->st, op, count));
	return true;
}

/* The status line: the top view's (or the one below it that has one). */
static void
ui_draw_status(struct ui *u, int y)
{
	const struct ui_frame	*f = NULL;
	struct buf		 left, right;
	size_t			 i;
	int			 rw, lw;
	attr_t			 at = u->roles[UI_ROLE_STATUS];

	for (i = u->depth; f == NULL && i > 0; i--)
		if (u->stack[i - 1].view->status != NULL)
			f = &u->stack[i - 1];
	if (f == NULL)
		f = &u->panes[UI_PANE_READER];
	buf_init(&left);
	buf_init(&right);
	f->view->status(u, f->data, &left, &right);
	ui_scan_status(u, &right);
	ui_blank(y, 0, COLS, at);
	rw = right.len > 0 ? text_strwidth(right.data, right.len) : 0;
	lw = left.len > 0 ? text_strwidth(left.data, left.len) : 0;
	if (rw + 2 > COLS)
		ui_put(y, 0, COLS, right.data, right.len, at);
	else {
		if (left.len > 0)
			ui_put(y, 1, COLS - rw - 2, left.data, left.len, at);
		if (right.len > 0)
			ui_put(y, COLS - rw - 1 > lw + 2 ? COLS - rw - 1 :
			    COLS - rw, COLS, right.data, right.len, at);
	}
	buf_clear(&left);
	buf_clear(&right);
}

/* The reading screen: the panes shown, and the border between them. */
static void
ui_draw_panes(struct ui *u)
{
	struct ui_frame	*f;
	bool		 toc_focus = state_focus(u->st) == STATE_FOCUS_TOC;
	int		 i, y;

	for (i = 0; i < 2; i++) {
		f = &u->panes[i];
		if (u->shown[i])
			f->view->draw(u, f->data, &f->rect,
			    toc_focus == (i == UI_PANE_TOC));
	}
	if (!u->shown[UI_PANE_TOC] || !u->shown[UI_PANE_READER])
		return;
	attrset(u->roles[UI_ROLE_BORDER]);
	for (y = 0; y < u->prows; y++)
		mvaddch(y, u->panes[UI_PANE_TOC].rect.w,
		    u->ascii ? '|' : ACS_VLINE);
}

void
ui_draw(struct ui *u)
{
	struct ui_frame	*f;
	char		 tmp[128];

	erase();
	if (u->small) {
		snprintf(tmp, sizeof tmp, _("terminal too small (%dx%d)"),
		    COLS, LINES);
		ui_put(LINES / 2, 0, COLS, tmp, strlen(tmp),
		    u->roles[UI_ROLE_ERROR]);
		refresh();
		return;
	}
	if (u->depth > 0) {
		f = &u->stack[u->depth - 1];
		f->view->draw(u, f->data, &f->rect, true);
	} else
		ui_draw_panes(u);
	ui_draw_status(u, LINES - 2);
	ui_blank(LINES - 1, 0, COLS, u->roles[UI_ROLE_MESSAGE]);
	if (u->msg[0] != '\0')
		ui_put(LINES - 1, 0, COLS, u->msg, strlen(u->msg),
		    u->roles[u->msg_error ? UI_ROLE_ERROR : UI_ROLE_MESSAGE]);
	refresh();
}

static bool
ui_in(const struct ui_rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

/* The frame under the pointer at Y, X, or NULL. */
static struct ui_frame *
ui_frame_at(struct ui *u, int y, int x)
{
	int	i;

	if (u->depth > 0)
		return NULL;	/* pushed views take no clicks yet */
	for (i = 0; i < 2; i++)
		if (u->shown[i] && ui_in(&u->panes[i].rect, y, x))
			return &u->panes[i];
	return NULL;
}

/* A mouse report goes to the view under the pointer. */
static void
ui_mouse(struct ui *u)
{
	const struct keyseq_event	*ev = &u->mouse;
	struct ui_mouse			 m;
	struct ui_frame			*f;

	if (!ev->press || (ev->button & 32) || u->small)
		return;		/* releases, drags */
	if (ev->button == 64 || ev->button == 65)
		m.kind = ev->button == 64 ? UI_MOUSE_WHEEL_UP :
		    UI_MOUSE_WHEEL_DOWN;
	else if (ev->button == 0)
		m.kind = UI_MOUSE_CLICK;
	else
		return;
	if ((f = ui_frame_at(u, ev->row - 1, ev->col - 1)) == NULL ||
	    f->view->mouse == NULL)
		return;
	m.y = ev->row - 1 - f->rect.y;
	m.x = ev->col - 1 - f->rect.x;
	f->view->mouse(u, f->data, &m);
}

/* The terminal's answer on ambiguous widths; true if it changed them. */
static bool
ui_answer_widths(struct ui *u)
{
	struct ui_answers	a;

	ui_input_answers(&a);
	if (u->opts->ambiguous != 0 || a.ambiguous == 0 ||
	    a.ambiguous == text_ambiguous())
		return false;
	/* Not what the locale counts: substitutes from now on. */
	text_set_ambiguous(a.ambiguous);
	if (a.ambiguous == 2)
		u->ascii = true;	/* line drawing is ambiguous-width */
	return true;
}

/* The terminal's late answers: widths, the background for the palette. */
static bool
ui_answers(struct ui *u)
{
	bool	changed = ui_answer_widths(u);

	if (ui_colors_background(u) != u->background) {
		ui_colors_init(u);
		changed = true;
	}
	return changed;
}

/*
 * Ctrl-Z: give the terminal back, stop, and come back as we were (curses
 * restores its modes at the next refresh; the size may have changed).
 */
static void
ui_suspend(struct ui *u)
{
	struct sigaction	sa, old;

	ui_paste(false);
	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, &old);
	kill(getpid(), SIGTSTP);
	sigaction(SIGTSTP, &old, NULL);
	ui_paste(true);
	clearok(curscr, TRUE);
	ui_input_note_winch();
	ui_resize(u);
}

bool
ui_handle(struct ui *u, int key)
{
	switch (key) {
	case UI_KEY_RESIZE:
		ui_resize(u);
		return true;
	case UI_KEY_SUSPEND:
		ui_suspend(u);
		return true;
	case UI_KEY_TERM:
		if (ui_answers(u)) {
			clearok(curscr, TRUE);
			ui_resize(u);
		}
		return true;
	default:
		return false;
	}
}

/* One key: a digit of a count, or a key for the view on top. */
static void
ui_key(struct ui *u, int key, int *count)
{
	enum op		 op = ui_key_op(&u->keys, key);
	struct ui_frame	*f;
	char		 name[32];

	if (key & UI_PASTED)
		return;		/* a paste is no command */
	if (u->small) {
		if (op == OP_QUIT || op == OP_QUIT_NOW)
			u->quit = true;
		return;
	}
	if (op == OP_NONE && key >= '0' && key <= '9' &&
	    (key != '0' || *count > 0)) {
		*count = *count < 10000 ? *count * 10 + (key - '0') : *count;
		return;
	}
	f = ui_focused(u);
	if (!f->view->key(u, f->data, key, op, *count) && op == OP_NONE &&
	    key != UI_ESC) {
		ui_key_name(key, name, sizeof name);
		ui_message(u, false, _("key %s is not bound: ? for help"),
		    name);
	}
	*count = 0;
}

/* The reading state's file went aside while in use: say so. */
static void
ui_store_note(struct ui *u)
{
	char	*note = library_state_take_note(u->store);

	if (note != NULL)
		ui_message(u, true, "%s", note);
	free(note);
}

/* The top view, when it has work to do between keys. */
static struct ui_frame *
ui_busy(struct ui *u)
{
	struct ui_frame	*f;

	if (u->depth == 0)
		return NULL;
	f = &u->stack[u->depth - 1];
	return f->busy ? f : NULL;
}

static void
ui_loop(struct ui *u)
{
	struct ui_frame	*f;
	int		 key, count = 0;

	while (!u->quit) {
		ui_store_note(u);
		ui_draw(u);
		f = ui_busy(u);
		/* While a view works or the library walks, a step whenever
		   no key is waiting. */
		if (!ui_getkey_within(u, &key,
		    f != NULL || ui_scan_busy(u) ? 0 : -1))
			break;
		if (key == UI_KEY_NONE) {
			if (f != NULL)
				f->busy = f->view->work(u, f->data);
			if (ui_scan_busy(u))
				ui_scan_step(u);
			continue;
		}
		if (ui_handle(u, key))
			continue;
		u->msg[0] = '\0';
		u->touched = true;
		if (ui_scan_key(u, key))
			continue;
		if (key == UI_KEY_MOUSE)
			ui_mouse(u);
		else
			ui_key(u, key, &count);
	}
}

/* Print that TERM cannot run the reader. */
static int
ui_bad_term(const char *term)
{
	char	*t = text_sanitize_str(term != NULL ? term : "");

	fprintf(stderr, _("%s: this terminal (TERM=%s) cannot show the "
	    "reader; use a terminal such as xterm, or --dump\n"), progname,
	    t);
	free(t);
	return 1;
}

/* Curses on the terminal, in the reader's modes; false if it cannot. */
static bool
ui_start_curses(void)
{
	ui_screen = newterm(NULL, stdout, stdin);
	if (ui_screen == NULL)
		return false;
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		endwin();
		delscreen(ui_screen);
		ui_screen = NULL;
		return false;
	}
	set_term(ui_screen);
	util_set_fatal_hook(ui_fini);
	/* The tty's own modes, not the probe's, are the shell's. */
	ui_probe_release();
	def_shell_mode();
	cbreak();
	noecho();
	nonl();
	ui_no_flow_control();
	keypad(stdscr, TRUE);
	/*
	 * A line of scrolling is the terminal's own scrolling (a scroll
	 * region, or delete and insert line), not a repaint; and the hidden
	 * cursor is not parked after each frame (the prompt shows it).
	 */
	idlok(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	/* Keys are read by ui-input.c: curses never looks at the input. */
	typeahead(-1);
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	/*
	 * Until the first endwin(), ncurses (6.4) flushes its output at
	 * every cursor move: the first frame would go out as one write()
	 * per row. Leaving curses mode now, before anything is drawn, costs
	 * nothing visible; the first refresh() comes back and draws the
	 * frame in one write.
	 */
	endwin();
	return true;
}

/*
 * The probe's answers that came before curses starts (ui_answers()
 * takes the late ones). Returns the locale's kind.
 */
static int
ui_probe(struct ui *u)
{
	int	kind = ui_locale_kind();

	ui_probe_start();	/* unless main() did */
	ui_probe_finish();
	ui_answer_widths(u);
	/* Line drawing is ambiguous-width, and unreliable without UTF-8. */
	u->ascii = text_ambiguous() == 2 || kind != 1;
	return kind;
}

/* The reading screen at the bottom of the stack. */
static void
ui_panes_init(struct ui *u)
{
	u->panes[UI_PANE_TOC].view = &ui_view_contents;
	u->panes[UI_PANE_READER].view = &ui_view_reader;
	u->panes[UI_PANE_TOC].data = NULL;
	u->panes[UI_PANE_READER].data = ui_view_reader.enter(u);
	ui_resize(u);
}

static void
ui_panes_free(struct ui *u)
{
	while (u->depth > 0)
		ui_pop(u);
	ui_view_reader.leave(u, u->panes[UI_PANE_READER].data);
}

static void
ui_signals(struct sigaction *old, bool restore)
{
	struct sigaction	sa;
	int			i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < UI_NSIGS; i++)
		sigaction(ui_sigs[i], restore ? &old[i] : &sa, restore ?
		    NULL : &old[i]);
}

/*
 * The config file's mistakes on the message line: the first with
 * file:line, and how many more there are (the info view lists them all).
 */
static void
ui_config_message(struct ui *u)
{
	const struct diag_list	*dl = &u->opts->settings->diags;
	char			*first;

	if (dl->n == 0)
		return;
	first = diag_format(&dl->v[0]);
	if (dl->n == 1)
		ui_message(u, true, "%s", first);
	else
		ui_message(u, true, P_("%s (and %zu more mistake in the "
		    "config: = lists it)", "%s (and %zu more mistakes in the "
		    "config: = lists them)", dl->n - 1), first, dl->n - 1);
	free(first);
}

/*
 * Give the terminal back and free the reader. When it never started (no
 * issue was found), say why as the batch modes do.
 */
static int
ui_end(struct ui *u, struct sigaction *old)
{
	size_t	i;
	char	*s;

	ui_scan_running = 0;
	ui_fini();
	delscreen(ui_screen);
	ui_screen = NULL;
	util_set_fatal_hook(NULL);
	ui_input_stop();
	ui_signals(old, true);
	if (u->st != NULL) {
		ui_panes_free(u);
		ui_results_drop(u);
		state_free(u->st);
		library_state_close(u->store);
	}
	ui_prompt_free(u);
	ui_keys_free(&u->keys);
	if (u->st != NULL)
		return u->status;
	for (i = 0; i < u->lib->diags.n; i++) {
		s = diag_format(&u->lib->diags.v[i]);
		fprintf(stderr, "%s: %s\n", progname, s);
		free(s);
	}
	return u->status != 0 ? u->status : 1;
}

int
ui_run(struct library *lib, const struct options *opts)
{
	struct sigaction	 old[UI_NSIGS];
	struct ui		 u;
	const char		*term = getenv("TERM");
	char			*note;
	int			 kind;

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		ui_probe_release();
		return ui_bad_term(term);
	}
	memset(&u, 0, sizeof u);
	u.opts = opts;
	u.lib = lib;
	kind = ui_probe(&u);
	ui_signals(old, false);
	if (!ui_start_curses()) {
		ui_probe_release();
		ui_signals(old, true);
		return ui_bad_term(term);
	}
	if (!ui_input_start(fileno(stdin), kind == 1 || ui_locale_ascii()))
		fatal("pipe");
	ui_keys_init(&u);
	ui_colors_init(&u);
	if (kind == 0)
		ui_message(&u, true, _("locale %s cannot show Chinese: try "
		    "LANG=C.UTF-8"), nl_langinfo(CODESET));
	ui_scan_start(&u);
	if (!ui_scan_first(&u))
		return ui_end(&u, old);
	u.store = library_state_open(NULL, &note);
	u.st = state_new(lib, u.store);
	state_set_variants(u.st, opts->settings->fold_variants != 0);
	if (state_message(u.st) != NULL)
		ui_message(&u, false, "%s", state_message(u.st));
	ui_config_message(&u);
	if (note != NULL) {
		ui_message(&u, true, "%s", note);
		free(note);
	}
	ui_panes_init(&u);
	ui_paste(true);
	ui_loop(&u);
	return ui_end(&u, old);
}
