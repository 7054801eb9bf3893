/*
 * ui-input.c -- reading the terminal. dubao reads the tty itself rather
 * than through curses' getch(): every byte goes through the decoder of
 * keyseq.c, which takes each escape sequence whole. So a cursor position
 * report or a background colour reply is recognised whenever it arrives
 * (before curses starts, while dubao loads, or seconds later over a slow
 * link), and is never read as keys; an unknown sequence is ignored whole;
 * and the keys typed around a reply are all kept, in order.
 *
 * The loop waits in poll() on the tty and on a pipe that the signal
 * handlers write to, so that a signal (quit, resize, Ctrl-Z) wakes it at
 * once. A lone Esc is the Esc key after UI_ESC_MS without more bytes;
 * part of a sequence is given up after UI_SEQ_MS.
 */
#include <config.h>

#include <sys/ioctl.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include "util.h"
#include "keyseq.h"
#include "ui-input.h"
#include "ui-view.h"

#define UI_ESC_MS	25	/* a lone Esc: the key, after this long */
#define UI_SEQ_MS	500	/* part of a sequence: given up after this */
#define UI_READ		1024	/* bytes read at a time */
#define UI_HANGUP	3	/* failed reads in a row: the tty is gone */

static struct {
	struct keyseq		 ks;
	bool			 ks_ready;
	struct keyseq_event	*q;	/* decoded, not yet read */
	size_t			 qhead, qn, qcap;
	int			 fd;
	int			 pipe[2];
	int			 errs;
	bool			 paste;	/* inside a bracketed paste */
	bool			 want_cpr, want_osc;
	bool			 want_width;	/* the report measures */
	bool			 answered;	/* since the last UI_KEY_TERM */
	struct ui_answers	 ans;
	volatile sig_atomic_t	 winch, tstp;
} ui_in = { .fd = -1, .pipe = { -1, -1 } };

static void
ui_input_ready(void)
{
	if (!ui_in.ks_ready) {
		keyseq_init(&ui_in.ks, true);
		ui_in.ks_ready = true;
	}
}

void
ui_input_expect(bool width, bool osc11)
{
	ui_input_ready();
	ui_in.want_cpr = true;
	ui_in.want_width = width;
	ui_in.want_osc = osc11;
}

bool
ui_input_waiting(void)
{
	return ui_in.want_cpr;
}

void
ui_input_answers(struct ui_answers *a)
{
	*a = ui_in.ans;
}

/* Dark or light, by the colour's luminance (Rec. 709 weights). */
static enum ui_background
ui_input_shade(const unsigned rgb[3])
{
	unsigned long	y = (2126UL * rgb[0] + 7152UL * rgb[1] +
			    722UL * rgb[2]) / 10000;

	return y >= 32768 ? UI_BG_LIGHT : UI_BG_DARK;
}

/* An answer to a query in flight; anything else is dropped. */
static void
ui_input_answer(const struct keyseq_event *ev)
{
	if (ev->type == KEYSEQ_CPR && ui_in.want_cpr) {
		ui_in.want_cpr = false;
		/* An answer to OSC 11 would have come before this one. */
		ui_in.want_osc = false;
		if (ui_in.want_width)
			ui_in.ans.ambiguous = ev->col == 2 || ev->col == 3 ?
			    ev->col - 1 : 0;
		ui_in.answered = true;
	} else if (ev->type == KEYSEQ_COLOR && ev->osc == 11 &&
	    ui_in.want_osc) {
		ui_in.want_osc = false;
		ui_in.ans.background = ui_input_shade(ev->rgb);
		ui_in.answered = true;
	}
}

/* Keep EV for ui_getkey(), or take it as an answer. */
static void
ui_input_event(const struct keyseq_event *ev)
{
	if (ev->type == KEYSEQ_CPR || ev->type == KEYSEQ_COLOR) {
		ui_input_answer(ev);
		return;
	}
	if (ev->type == KEYSEQ_IGNORED)
		return;
	if (ui_in.qhead == ui_in.qn)
		ui_in.qhead = ui_in.qn = 0;
	ui_in.q = util_grow(ui_in.q, &ui_in.qcap, ui_in.qn + 1,
	    sizeof *ui_in.q);
	ui_in.q[ui_in.qn++] = *ev;
}

void
ui_input_take(const unsigned char *bytes, size_t n)
{
	struct keyseq_event	ev[KEYSEQ_MAXEV];
	size_t			i;
	int			k, j;

	ui_input_ready();
	for (i = 0; i < n; i++) {
		k = keyseq_byte(&ui_in.ks, bytes[i], ev);
		for (j = 0; j < k; j++)
			ui_input_event(&ev[j]);
	}
}

static void
ui_input_flush(void)
{
	struct keyseq_event	ev[KEYSEQ_MAXEV];
	int			k, j;

	k = keyseq_flush(&ui_in.ks, ev);
	for (j = 0; j < k; j++)
		ui_input_event(&ev[j]);
}

bool
ui_input_start(int fd, bool utf8)
{
	int	i;

	ui_input_ready();
	ui_in.ks.utf8 = utf8;
	ui_in.fd = fd;
	ui_in.errs = 0;
	if (ui_in.pipe[0] == -1 && pipe(ui_in.pipe) != 0)
		return false;
	for (i = 0; i < 2; i++) {
		fcntl(ui_in.pipe[i], F_SETFL, fcntl(ui_in.pipe[i], F_GETFL) |
		    O_NONBLOCK);
		fcntl(ui_in.pipe[i], F_SETFD, FD_CLOEXEC);
	}
	return true;
}

void
ui_input_stop(void)
{
	int	i;

	for (i = 0; i < 2; i++) {
		if (ui_in.pipe[i] != -1)
			close(ui_in.pipe[i]);
		ui_in.pipe[i] = -1;
	}
	free(ui_in.q);
	ui_in.q = NULL;
	ui_in.qhead = ui_in.qn = ui_in.qcap = 0;
	ui_in.fd = -1;
}

void
ui_input_wake(void)
{
	int	saved = errno;
	char	c = 0;

	if (ui_in.pipe[1] != -1)
		(void)!write(ui_in.pipe[1], &c, 1);
	errno = saved;
}

void
ui_input_note_winch(void)
{
	ui_in.winch = 1;
	ui_input_wake();
}

void
ui_input_note_tstp(void)
{
	ui_in.tstp = 1;
	ui_input_wake();
}

/* Tell curses the terminal's size, if it changed. */
static bool
ui_input_winsize(void)
{
	struct winsize	ws;

	if (ioctl(ui_in.fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0)
		return false;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return false;
	resizeterm(ws.ws_row, ws.ws_col);
	return true;
}

/* Read what the tty has; false after UI_HANGUP failures in a row. */
static bool
ui_input_read(void)
{
	unsigned char	buf[UI_READ];
	ssize_t		k = read(ui_in.fd, buf, sizeof buf);

	if (k > 0) {
		ui_in.errs = 0;
		ui_input_take(buf, (size_t)k);
		return true;
	}
	if (k < 0 && (errno == EINTR || errno == EAGAIN))
		return true;
	/* EOF or EIO: the terminal is gone (CJK.md 3.7). */
	return ++ui_in.errs < UI_HANGUP;
}

/*
 * Wait for bytes, a signal, or the end of a pending Esc or sequence, at
 * most LIMIT ms when nothing is pending (-1: no limit; *IDLE set when the
 * limit passed). False when the terminal hung up.
 */
static bool
ui_input_wait(int limit, bool *idle)
{
	struct pollfd	pf[2];
	char		drain[64];
	int		ms = -1, r;
	bool		 mine = false;

	switch (keyseq_pending(&ui_in.ks)) {
	case KEYSEQ_WAIT_ESC:
		ms = UI_ESC_MS;
		break;
	case KEYSEQ_WAIT_MORE:
		ms = UI_SEQ_MS;
		break;
	default:
		break;
	}
	/* A pending Esc or sequence keeps its own timer. */
	if (limit >= 0 && ms < 0) {
		ms = limit;
		mine = true;
	}
	pf[0].fd = ui_in.fd;
	pf[1].fd = ui_in.pipe[0];
	pf[0].events = pf[1].events = POLLIN;
	pf[0].revents = pf[1].revents = 0;
	if ((r = poll(pf, 2, ms)) < 0)
		return errno == EINTR || ++ui_in.errs < UI_HANGUP;
	if (r == 0 && mine)
		*idle = true;
	else if (r == 0)
		ui_input_flush();
	if (pf[1].revents & POLLIN)
		while (read(ui_in.pipe[0], drain, sizeof drain) > 0)
			continue;
	if (pf[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL))
		return ui_input_read();
	return true;
}

/* The key code of a decoded event, or -1 when it is no key. */
static int
ui_input_key(struct ui *u, const struct keyseq_event *ev)
{
	int	key;

	switch (ev->type) {
	case KEYSEQ_PASTE_BEGIN:
	case KEYSEQ_PASTE_END:
		ui_in.paste = ev->type == KEYSEQ_PASTE_BEGIN;
		return -1;
	case KEYSEQ_MOUSE:
		u->mouse = *ev;
		return UI_KEY_MOUSE;
	default:
		key = ui_key_of(ev);
		if (key != -1 && ui_in.paste && !UI_IS_FKEY(key))
			key |= UI_PASTED;
		return key;
	}
}

/* A key from what happened since the last one, or -1. */
static int
ui_input_next(struct ui *u)
{
	if (ui_in.winch) {
		ui_in.winch = 0;
		if (ui_input_winsize())
			return UI_KEY_RESIZE;
	}
	if (ui_in.tstp) {
		ui_in.tstp = 0;
		return UI_KEY_SUSPEND;
	}
	if (ui_in.answered) {
		ui_in.answered = false;
		return UI_KEY_TERM;
	}
	while (ui_in.qhead < ui_in.qn) {
		int key = ui_input_key(u, &ui_in.q[ui_in.qhead++]);

		if (key != -1)
			return key;
	}
	return -1;
}

bool
ui_getkey_within(struct ui *u, int *key, int ms)
{
	bool	idle = false;

	for (;;) {
		if (ui_sig != 0) {
			u->status = 128 + ui_sig;
			return false;
		}
		if ((*key = ui_input_next(u)) != -1)
			return true;
		if (idle) {
			*key = UI_KEY_NONE;
			return true;
		}
		if (!ui_input_wait(ms, &idle)) {
			u->status = 1;
			return false;
		}
	}
}

bool
ui_getkey(struct ui *u, int *key)
{
	return ui_getkey_within(u, key, -1);
}
