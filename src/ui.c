/*
 * ui.c -- the interactive reader: curses start and stop, the terminal
 * probe for ambiguous widths, signals and hang-up, the key table (keys ->
 * ops -> state), colour roles, the status and message lines, the search
 * prompt, help and info, mouse and resize.
 *
 * The screen is computed, then drawn: state.c decides where the reader
 * is, layout.c how the article's lines fall, and the pane renderers in
 * ui-toc.c and ui-article.c only draw. One frame is one refresh().
 *
 * The terminal is always given back: endwin() runs on q, on the signals
 * caught here (their handlers only set a flag), on hang-up (getch()
 * failing several times in a row: the tty is gone) and from fatal()
 * through the hook registered with util_set_fatal_hook().
 */
#include <config.h>

#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include <unistr.h>

#include "i18n.h"
#include "util.h"
#include "diag.h"
#include "model.h"
#include "text.h"
#include "layout.h"
#include "search.h"
#include "state.h"
#include "settings.h"
#include "options.h"
#include "ui.h"
#include "ui-draw.h"

/* Below these the screen only says it is too small. */
#define UI_MIN_COLS	16
#define UI_MIN_ROWS	5
/* Narrower than this, one pane at a time. */
#define UI_NARROW	70
/* Function keys are kept apart from characters in key codes. */
#define UI_FKEY(k)	((k) | 0x1000000)
#define UI_CTRL(c)	((c) & 0x1f)
#define UI_ESC		0x1b
#define UI_HISTORY	50

struct ui_key {
	int		key;
	enum op		op;
};

static const struct ui_key ui_default_keys[] = {
	{ 'j', OP_LINE_DOWN },
	{ UI_FKEY(KEY_DOWN), OP_LINE_DOWN },
	{ 'k', OP_LINE_UP },
	{ UI_FKEY(KEY_UP), OP_LINE_UP },
	{ ' ', OP_PAGE_DOWN },
	{ UI_FKEY(KEY_NPAGE), OP_PAGE_DOWN },
	{ 'f', OP_PAGE_DOWN },
	{ 'b', OP_PAGE_UP },
	{ UI_FKEY(KEY_PPAGE), OP_PAGE_UP },
	{ 'd', OP_HALF_DOWN },
	{ 'u', OP_HALF_UP },
	{ 'g', OP_TOP },
	{ UI_FKEY(KEY_HOME), OP_TOP },
	{ 'G', OP_BOTTOM },
	{ UI_FKEY(KEY_END), OP_BOTTOM },
	{ '\r', OP_OPEN },
	{ '\n', OP_OPEN },
	{ UI_FKEY(KEY_ENTER), OP_OPEN },
	{ 'l', OP_OPEN },
	{ UI_FKEY(KEY_RIGHT), OP_OPEN },
	{ 'h', OP_BACK },
	{ UI_FKEY(KEY_LEFT), OP_BACK },
	{ UI_FKEY(KEY_BACKSPACE), OP_BACK },
	{ 0x7f, OP_BACK },
	{ UI_CTRL('H'), OP_BACK },
	{ '\t', OP_FOCUS_NEXT },
	{ 't', OP_TOGGLE_CONTENTS },
	{ ']', OP_NEXT_ARTICLE },
	{ '[', OP_PREV_ARTICLE },
	{ '}', OP_NEXT_PAGE },
	{ '{', OP_PREV_PAGE },
	{ '>', OP_NEXT_ISSUE },
	{ '<', OP_PREV_ISSUE },
	{ '/', OP_SEARCH },
	{ 'n', OP_NEXT_MATCH },
	{ 'N', OP_PREV_MATCH },
	{ '=', OP_INFO },
	{ '?', OP_HELP },
	{ UI_FKEY(KEY_F(1)), OP_HELP },
	{ 'q', OP_QUIT },
	{ 'Q', OP_QUIT_NOW },
	{ UI_CTRL('L'), OP_REDRAW },
};

/* Names of keys for help and for "bind" in the config file. */
static const struct ui_keyname {
	const char	*name;
	int		 key;
} ui_keynames[] = {
	{ "Down", UI_FKEY(KEY_DOWN) },
	{ "Up", UI_FKEY(KEY_UP) },
	{ "Left", UI_FKEY(KEY_LEFT) },
	{ "Right", UI_FKEY(KEY_RIGHT) },
	{ "PageDown", UI_FKEY(KEY_NPAGE) },
	{ "PgDn", UI_FKEY(KEY_NPAGE) },
	{ "PageUp", UI_FKEY(KEY_PPAGE) },
	{ "PgUp", UI_FKEY(KEY_PPAGE) },
	{ "Home", UI_FKEY(KEY_HOME) },
	{ "End", UI_FKEY(KEY_END) },
	{ "Enter", '\r' },
	{ "Return", '\n' },
	{ "KPEnter", UI_FKEY(KEY_ENTER) },
	{ "Backspace", UI_FKEY(KEY_BACKSPACE) },
	{ "BS", 0x7f },
	{ "Tab", '\t' },
	{ "Space", ' ' },
	{ "Esc", UI_ESC },
	{ "Delete", UI_FKEY(KEY_DC) },
	{ "Insert", UI_FKEY(KEY_IC) },
};

struct ui_text {
	char		**lines;
	size_t		 *hl;		/* bytes drawn as keys at the start */
	size_t		  n, cap;
	size_t		  top;
	char		 *title;
};

struct ui {
	const struct options	*opts;
	struct reader_state	 st;
	struct layout		*lay;
	int			 lay_w;
	struct ui_key		*keys;
	size_t			 nkeys, keycap;
	attr_t			 roles[UI_NROLES];
	bool			 small;
	bool			 ascii;		/* ASCII borders */
	struct ui_rect		 toc, reader, text;
	bool			 show_toc, show_reader;
	int			 prows;
	char			 msg[512];
	bool			 msg_error;
	struct ui_text		*over;		/* help or info, or NULL */
	char			*history[UI_HISTORY];
	size_t			 nhistory;
	int			 status;	/* exit status */
	bool			 quit;
	int			 errs;		/* failed reads in a row */
	bool			 utf8_keys;	/* keys are UTF-8 whatever the
						   locale (ui_getch_mb) */
};

static volatile sig_atomic_t	 ui_sig;
static SCREEN			*ui_screen;

static void
ui_on_signal(int sig)
{
	ui_sig = sig;
}

/* Give the terminal back; safe to call twice (also the fatal hook). */
static void
ui_fini(void)
{
	if (ui_screen != NULL && !isendwin()) {
		curs_set(1);
		endwin();
	}
}

static void
ui_message(struct ui *u, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
ui_message(struct ui *u, bool error, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

/*
 * The ambiguous-width probe: print an East Asian Ambiguous character at
 * the start of the current row, ask for the cursor position and read the
 * answer with a short timeout (vim's t_u7 probe). main() calls
 * ui_probe_start() first thing when the reader will likely run, so that
 * the round trip (a network round trip over SSH) overlaps loading the
 * locale and the issues; ui_probe_finish() reads the answer before curses
 * starts. In between the tty does not echo, so the answer never shows; a
 * signal or exit() in between puts the tty back (ui_probe_sig,
 * ui_probe_atexit).
 */
#define UI_PROBE_MS	250
static const int	 ui_probe_sigs[4] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static struct {
	int			 fd;	/* /dev/tty; -1: no probe in flight */
	struct termios		 old;
	struct timespec		 t0;
	struct sigaction	 sa[4];
	bool			 hooked;
} ui_probe = { .fd = -1 };

static void
ui_probe_sig(int sig)
{
	struct pollfd	pf;

	if (ui_probe.fd >= 0) {
		/* Let the answer come, then drop it (and any typeahead). */
		pf.fd = ui_probe.fd;
		pf.events = POLLIN;
		poll(&pf, 1, 100);
		tcsetattr(ui_probe.fd, TCSAFLUSH, &ui_probe.old);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static int	ui_probe_finish(void);
static int	ui_locale_kind(void);

static void
ui_probe_atexit(void)
{
	ui_probe_finish();
}

/* Whether the locale the environment names is UTF-8 (before setlocale). */
static bool
ui_env_utf8(void)
{
	const char	*loc, *p;

	if ((loc = getenv("LC_ALL")) == NULL || *loc == '\0')
		if ((loc = getenv("LC_CTYPE")) == NULL || *loc == '\0')
			loc = getenv("LANG");
	for (p = loc; p != NULL && *p != '\0'; p++)
		if (strncasecmp(p, "UTF-8", 5) == 0 ||
		    strncasecmp(p, "UTF8", 4) == 0)
			return true;
	return false;
}

void
ui_probe_start(void)
{
	/* The erase follows the request: the answer is already decided. */
	static const char	 probe[] = "\r\xe2\x80\x9c\033[6n\r\033[K";
	struct termios		 raw;
	struct sigaction	 sa;
	const char		*term = getenv("TERM");
	int			 fd, i;

	if (ui_probe.fd >= 0 || term == NULL || *term == '\0' ||
	    strcmp(term, "dumb") == 0 ||
	    (ui_locale_kind() != 1 && !ui_env_utf8()))
		return;
	if ((fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
		return;
	if (tcgetattr(fd, &ui_probe.old) != 0) {
		close(fd);
		return;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_probe_sig;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 4; i++)
		sigaction(ui_probe_sigs[i], &sa, &ui_probe.sa[i]);
	raw = ui_probe.old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	ui_probe.fd = fd;
	tcsetattr(fd, TCSANOW, &raw);
	clock_gettime(CLOCK_MONOTONIC, &ui_probe.t0);
	if (write(fd, probe, sizeof probe - 1) != (ssize_t)(sizeof probe - 1))
		ui_probe.t0.tv_sec -= UI_PROBE_MS / 1000 + 1;	/* no wait */
	if (!ui_probe.hooked) {
		ui_probe.hooked = true;
		atexit(ui_probe_atexit);
	}
}

/*
 * Read the answer to the probe in flight, at most UI_PROBE_MS after it
 * was sent, and give the tty back. Returns 1 or 2 (cells the terminal
 * gave the character), or 0: no probe, or no answer.
 */
static int
ui_probe_finish(void)
{
	struct pollfd		 pf;
	struct timespec		 t1;
	char			 buf[64], *e;
	size_t			 len = 0;
	ssize_t			 k;
	int			 i, row, col, r = 0, left;

	if (ui_probe.fd < 0)
		return 0;
	pf.fd = ui_probe.fd;
	pf.events = POLLIN;
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		left = UI_PROBE_MS - (int)((t1.tv_sec - ui_probe.t0.tv_sec) *
		    1000 + (t1.tv_nsec - ui_probe.t0.tv_nsec) / 1000000);
		if (left <= 0 || len >= sizeof buf - 1 ||
		    poll(&pf, 1, left) <= 0)
			break;
		k = read(ui_probe.fd, buf + len, sizeof buf - 1 - len);
		if (k <= 0)
			break;
		len += (size_t)k;
		buf[len] = '\0';
		e = strstr(buf, "\033[");
		if (e != NULL && strchr(e, 'R') != NULL &&
		    sscanf(e, "\033[%d;%dR", &row, &col) == 2) {
			r = col - 1;
			break;
		}
	}
	tcsetattr(ui_probe.fd, TCSANOW, &ui_probe.old);
	close(ui_probe.fd);
	ui_probe.fd = -1;
	for (i = 0; i < 4; i++)
		sigaction(ui_probe_sigs[i], &ui_probe.sa[i], NULL);
	return r == 1 || r == 2 ? r : 0;
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

/* Key code of a ui_getkey() result. */
static int
ui_keycode(int r, wint_t wc)
{
	return r == KEY_CODE_YES ? UI_FKEY((int)wc) : (int)wc;
}

static enum op
ui_key_op(const struct ui *u, int key)
{
	size_t	i;

	for (i = 0; i < u->nkeys; i++)
		if (u->keys[i].key == key)
			return u->keys[i].op;
	return OP_NONE;
}

static void
ui_key_name(int key, char *buf, size_t size)
{
	uint8_t	u8[8];
	size_t	i;
	int	n;

	for (i = 0; i < sizeof ui_keynames / sizeof ui_keynames[0]; i++) {
		if (ui_keynames[i].key == key) {
			snprintf(buf, size, "%s", ui_keynames[i].name);
			return;
		}
	}
	if (key == '\n' || key == '\r') {
		snprintf(buf, size, "Enter");
		return;
	}
	if (key & 0x1000000) {
		key &= ~0x1000000;
		if (key >= KEY_F(1) && key <= KEY_F(12))
			snprintf(buf, size, "F%d", key - KEY_F(0));
		else
			snprintf(buf, size, "%s", keyname(key));
		return;
	}
	if (key < 0x20) {
		snprintf(buf, size, "^%c", key + '@');
		return;
	}
	if (key == 0x7f) {
		snprintf(buf, size, "^?");
		return;
	}
	n = u8_uctomb(u8, (ucs4_t)key, sizeof u8 - 1);
	if (n <= 0)
		n = 0;
	snprintf(buf, size, "%.*s", n, (const char *)u8);
}

/* Parse a key as written in the config file; -1 if unknown. */
static int
ui_key_parse(const char *s)
{
	char	name[32];
	size_t	n = strlen(s), i;
	ucs4_t	uc;
	int	k;

	if (n >= 3 && s[0] == '<' && s[n - 1] == '>' && n - 2 < sizeof name) {
		memcpy(name, s + 1, n - 2);
		name[n - 2] = '\0';
		s = name;
		n -= 2;
	}
	if (n == 2 && s[0] == '^') {
		if (s[1] == '?')
			return 0x7f;
		if ((s[1] >= '@' && s[1] <= '_') || (s[1] >= 'a' && s[1] <=
		    'z'))
			return UI_CTRL(s[1]);
		return -1;
	}
	if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3 &&
	    (k = atoi(s + 1)) >= 1 && k <= 12)
		return UI_FKEY(KEY_F(k));
	for (i = 0; i < sizeof ui_keynames / sizeof ui_keynames[0]; i++)
		if (strcasecmp(ui_keynames[i].name, s) == 0)
			return ui_keynames[i].key;
	k = u8_mbtouc(&uc, (const uint8_t *)s, n);
	if (k > 0 && (size_t)k == n && uc != 0xfffd && uc >= 0x20)
		return (int)uc;
	return -1;
}

static void
ui_bind(struct ui *u, int key, enum op op)
{
	size_t	i;

	for (i = 0; i < u->nkeys; i++) {
		if (u->keys[i].key == key) {
			u->keys[i].op = op;
			return;
		}
	}
	u->keys = util_grow(u->keys, &u->keycap, u->nkeys + 1, sizeof *u->keys);
	u->keys[u->nkeys].key = key;
	u->keys[u->nkeys].op = op;
	u->nkeys++;
}

/* The default table, then the config file's bind lines. */
static void
ui_keys_init(struct ui *u)
{
	const struct settings	*cf = u->opts->settings;
	size_t			 i;
	enum op			 op;
	int			 key;

	for (i = 0; i < sizeof ui_default_keys / sizeof ui_default_keys[0];
	    i++)
		ui_bind(u, ui_default_keys[i].key, ui_default_keys[i].op);
	for (i = 0; cf != NULL && i < cf->nbinds; i++) {
		key = ui_key_parse(cf->binds[i].key);
		op = state_op_find(cf->binds[i].action);
		if (strcmp(cf->binds[i].action, "none") == 0 && key != -1)
			ui_bind(u, key, OP_NONE);
		else if (key == -1)
			ui_message(u, true, _("%s:%zu: unknown key '%s'"),
			    cf->path != NULL ? cf->path : "config",
			    cf->binds[i].line, cf->binds[i].key);
		else if (op == OP_NONE)
			ui_message(u, true, _("%s:%zu: unknown action '%s'"),
			    cf->path != NULL ? cf->path : "config",
			    cf->binds[i].line, cf->binds[i].action);
		else
			ui_bind(u, key, op);
	}
}

static short
ui_color_parse(const char *s, bool *ok)
{
	static const char *const names[] = { "black", "red", "green",
	    "yellow", "blue", "magenta", "cyan", "white" };
	char	*end;
	long	 v;
	size_t	 i;

	*ok = true;
	if (s == NULL || strcmp(s, "default") == 0)
		return -1;
	for (i = 0; i < 8; i++)
		if (strcasecmp(s, names[i]) == 0)
			return (short)i;
	v = strtol(s, &end, 10);
	if (*end == '\0' && v >= 0 && v < 256)
		return (short)v;
	*ok = false;
	return -1;
}

static attr_t
ui_attrs_parse(const char *s)
{
	static const struct {
		const char	*name;
		attr_t		 at;
	} names[] = {
		{ "bold", A_BOLD }, { "underline", A_UNDERLINE },
		{ "reverse", A_REVERSE }, { "dim", A_DIM },
		{ "standout", A_STANDOUT }, { "blink", A_BLINK },
		{ "italic", A_ITALIC }, { "normal", A_NORMAL },
	};
	attr_t	 at = A_NORMAL;
	size_t	 i, n;

	while (s != NULL && *s != '\0') {
		n = strcspn(s, ",");
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n &&
			    strncasecmp(names[i].name, s, n) == 0)
				at |= names[i].at;
		s += n;
		if (*s == ',')
			s++;
	}
	return at;
}

/* Colour roles: defaults, the config's color lines, colours if wanted. */
static void
ui_colors_init(struct ui *u)
{
	static const struct {
		const char	*name;
		short		 fg;
		attr_t		 at;
	} defs[UI_NROLES] = {
#define R(id, name, fg, at) { name, fg, at },
		UI_ROLES
#undef R
	};
	const struct settings	*cf = u->opts->settings;
	short			 fg[UI_NROLES], bg[UI_NROLES];
	attr_t			 at[UI_NROLES];
	bool			 color, ok1, ok2;
	size_t			 i;
	int			 r;

	color = u->opts->color != COLOR_NEVER && has_colors();
	if (color && start_color() == ERR)
		color = false;
	if (color)
		use_default_colors();
	for (r = 0; r < UI_NROLES; r++) {
		fg[r] = defs[r].fg;
		bg[r] = -1;
		at[r] = defs[r].at;
	}
	for (i = 0; cf != NULL && i < cf->ncolors; i++) {
		const struct settings_color *c = &cf->colors[i];
		short f, b;

		for (r = 0; r < UI_NROLES; r++)
			if (strcmp(defs[r].name, c->role) == 0)
				break;
		f = ui_color_parse(c->fg, &ok1);
		b = ui_color_parse(c->bg, &ok2);
		if (r == UI_NROLES || !ok1 || !ok2) {
			ui_message(u, true, _("%s:%zu: bad colour line"),
			    cf->path != NULL ? cf->path : "config", c->line);
			continue;
		}
		fg[r] = f;
		bg[r] = b;
		if (c->attrs != NULL)
			at[r] = ui_attrs_parse(c->attrs);
	}
	for (r = 0; r < UI_NROLES; r++) {
		u->roles[r] = at[r];
		if (!color || (fg[r] == -1 && bg[r] == -1))
			continue;
		if (fg[r] >= COLORS || bg[r] >= COLORS || r + 1 >= COLOR_PAIRS)
			continue;
		if (init_pair((short)(r + 1), fg[r], bg[r]) == OK)
			u->roles[r] |= COLOR_PAIR(r + 1);
	}
}

/* Pane rectangles for the current terminal size and focus. */
static void
ui_geometry(struct ui *u)
{
	struct reader_state	*st = &u->st;
	int			 tw, margin;

	u->small = COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
	u->prows = LINES - 2;
	st->narrow = COLS < UI_NARROW;
	memset(&u->toc, 0, sizeof u->toc);
	memset(&u->reader, 0, sizeof u->reader);
	u->reader.h = u->toc.h = u->prows;
	if (st->narrow) {
		u->show_toc = st->focus == STATE_FOCUS_TOC;
		u->show_reader = !u->show_toc;
		u->toc.w = COLS;
		u->reader.w = COLS;
	} else if (st->toc_shown) {
		tw = COLS * 3 / 10;
		tw = tw < 24 ? 24 : tw > 40 ? 40 : tw;
		u->show_toc = u->show_reader = true;
		u->toc.w = tw;
		u->reader.x = tw + 1;
		u->reader.w = COLS - tw - 1;
	} else {
		u->show_toc = false;
		u->show_reader = true;
		u->reader.w = COLS;
	}
	u->text = u->reader;
	margin = u->reader.w >= 40 ? 1 : 0;
	u->text.x += margin;
	u->text.w -= 2 * margin;
	if (u->text.w < LAYOUT_MIN_WIDTH)
		u->text.w = LAYOUT_MIN_WIDTH;
}

/* Tell the state which model position is at the top of the reader. */
static void
ui_update_top(struct ui *u)
{
	const struct layout_line	*ln;
	size_t				 i;

	if (u->lay != NULL) {
		for (i = u->st.line; i < u->lay->nlines; i++) {
			ln = &u->lay->lines[i];
			if (ln->field != LAYOUT_F_NONE) {
				state_set_top(&u->st, ln->field, ln->index,
				    ln->off);
				return;
			}
		}
	}
	state_set_top(&u->st, LAYOUT_F_NONE, 0, 0);
}

/*
 * Recompute the panes; lay the article out again when RELAYOUT or when
 * the width changed, keeping the same text at the top (the paragraph and
 * offset, not the line number). Resolves a pending jump (st->want).
 */
static void
ui_reshape(struct ui *u, bool relayout)
{
	const struct article	*a;
	struct layout_opts	 lo;
	struct reader_state	*st = &u->st;
	enum layout_field	 field = LAYOUT_F_NONE;
	size_t			 index = 0, off = 0, delta = 0, li, i;
	bool			 keep = false;

	ui_geometry(u);
	if (!relayout && u->lay != NULL && u->lay_w == u->text.w)
		goto view;
	if (!relayout && u->lay != NULL) {
		for (i = st->line; i < u->lay->nlines; i++) {
			if (u->lay->lines[i].field != LAYOUT_F_NONE) {
				field = u->lay->lines[i].field;
				index = u->lay->lines[i].index;
				off = u->lay->lines[i].off;
				delta = i - st->line;
				keep = true;
				break;
			}
		}
	}
	layout_free(u->lay);
	u->lay = NULL;
	u->lay_w = u->text.w;
	if ((a = state_article(st)) != NULL) {
		lo.width = u->text.w;
		lo.measure = u->opts->measure;
		u->lay = layout_new(a, &lo);
	}
	if (keep && u->lay != NULL) {
		state_set_view(st, u->lay->nlines, u->prows, u->prows);
		li = layout_find(u->lay, field, index, off);
		if (li < u->lay->nlines)
			state_set_line(st, li >= delta ? li - delta : 0);
	}
view:
	state_set_view(st, u->lay != NULL ? u->lay->nlines : 0, u->prows,
	    u->prows);
	if (st->want) {
		li = u->lay != NULL ? layout_find(u->lay, st->want_field,
		    st->want_index, st->want_off) : SIZE_MAX;
		if (u->lay != NULL && li < u->lay->nlines &&
		    (li < st->line || li >= st->line + (size_t)u->prows))
			state_set_line(st, li > 2 ? li - 2 : 0);
		st->want = false;
	}
	ui_update_top(u);
}

/* Append "TEXT" to B, separated by two blanks when B is not empty. */
static void
ui_status_add(struct buf *b, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	if (b->len > 0)
		buf_adds(b, "  ");
	buf_adds(b, text);
}

static void
ui_draw_status(struct ui *u, int y)
{
	const struct reader_state	*st = &u->st;
	const struct issue		*is = st->lib->issues[st->issue];
	const struct page		*pg;
	struct buf			 left, right;
	char				 date[16], tmp[64];
	size_t				 no, total;
	int				 rw, lw, pct;
	attr_t				 at = u->roles[UI_ROLE_STATUS];

	buf_init(&left);
	buf_init(&right);
	if (is->title != NULL)
		ui_status_add(&left, is->title);
	else if (is->nsources > 0) {
		const char *base = strrchr(is->sources[0], '/');

		ui_status_add(&left, base != NULL && base[1] != '\0' ?
		    base + 1 : is->sources[0]);
	}
	issue_date_str(is, date);
	ui_status_add(&left, date);
	if (st->page < is->npages) {
		pg = &is->pages[st->page];
		if (pg->number > 0) {
			snprintf(tmp, sizeof tmp, _("第%d版"), pg->number);
			ui_status_add(&left, tmp);
		}
		ui_status_add(&left, pg->name);
	}
	no = state_article_no(st, &total);
	if (total > 0 && state_article(st) != NULL) {
		snprintf(tmp, sizeof tmp, _("article %zu/%zu"), no + 1, total);
		ui_status_add(&right, tmp);
	}
	if (u->lay != NULL && u->lay->nlines > 0) {
		if (u->lay->nlines <= (size_t)u->prows)
			snprintf(tmp, sizeof tmp, "%s", _("all"));
		else {
			pct = (int)((st->line + (size_t)u->prows) * 100 /
			    u->lay->nlines);
			snprintf(tmp, sizeof tmp, "%d%%", pct > 100 ? 100 :
			    pct);
		}
		ui_status_add(&right, tmp);
	}
	if (st->search.query != NULL) {
		if (right.len > 0)
			buf_adds(&right, "  ");
		buf_addc(&right, '/');
		buf_adds(&right, st->search.query);
		if (st->search_issue == st->issue && st->hit <
		    st->search.n)
			snprintf(tmp, sizeof tmp, " %zu/%zu", st->hit + 1,
			    st->search.n);
		else if (st->search_issue == st->issue)
			snprintf(tmp, sizeof tmp, " -/%zu", st->search.n);
		else
			tmp[0] = '\0';
		buf_adds(&right, tmp);
	}
	ui_blank(y, 0, COLS, at);
	rw = right.len > 0 ? text_strwidth(right.data, right.len) : 0;
	lw = left.len > 0 ? text_strwidth(left.data, left.len) : 0;
	if (rw + 2 > COLS) {
		ui_put(y, 0, COLS, right.data, right.len, at);
	} else {
		if (left.len > 0)
			ui_put(y, 1, COLS - rw - 2, left.data, left.len, at);
		if (right.len > 0)
			ui_put(y, COLS - rw - 1 > lw + 2 ? COLS - rw - 1 :
			    COLS - rw, COLS, right.data, right.len, at);
	}
	buf_clear(&left);
	buf_clear(&right);
}

static void
ui_draw_overlay(struct ui *u)
{
	struct ui_text	*t = u->over;
	size_t		 i;
	int		 row, x;

	ui_blank(0, 0, COLS, u->roles[UI_ROLE_HEADLINE]);
	ui_put(0, 1, COLS, t->title, strlen(t->title),
	    u->roles[UI_ROLE_HEADLINE]);
	for (row = 1; row < u->prows; row++) {
		i = t->top + (size_t)row - 1;
		ui_blank(row, 0, COLS, u->roles[UI_ROLE_NORMAL]);
		if (i >= t->n)
			continue;
		x = ui_put(row, 1, COLS, t->lines[i], t->hl[i],
		    u->roles[UI_ROLE_HELP_KEY]);
		ui_put(row, x, COLS, t->lines[i] + t->hl[i],
		    strlen(t->lines[i]) - t->hl[i], u->roles[UI_ROLE_NORMAL]);
	}
}

static void
ui_draw(struct ui *u)
{
	char	tmp[128];
	int	y;

	erase();
	if (u->small) {
		snprintf(tmp, sizeof tmp, _("terminal too small (%dx%d)"),
		    COLS, LINES);
		ui_put(LINES / 2, 0, COLS, tmp, strlen(tmp),
		    u->roles[UI_ROLE_ERROR]);
		refresh();
		return;
	}
	if (u->over != NULL)
		ui_draw_overlay(u);
	else {
		if (u->show_toc)
			ui_toc_draw(&u->toc, &u->st, u->roles,
			    u->st.focus == STATE_FOCUS_TOC);
		if (u->show_toc && u->show_reader) {
			attrset(u->roles[UI_ROLE_BORDER]);
			for (y = 0; y < u->prows; y++) {
				if (u->ascii)
					mvaddch(y, u->toc.w, '|');
				else
					mvaddch(y, u->toc.w, ACS_VLINE);
			}
		}
		if (u->show_reader) {
			struct ui_rect r = u->text;

			if (r.x + r.w > u->reader.x + u->reader.w)
				r.w = u->reader.x + u->reader.w - r.x;
			if (r.w < 1)
				r.w = 1;
			ui_article_draw(&r, u->lay, &u->st, u->roles);
			if (u->lay == NULL)
				ui_put(0, r.x, r.x + r.w,
				    _("(no article on this page)"),
				    strlen(_("(no article on this page)")),
				    u->roles[UI_ROLE_NOTE]);
		}
	}
	ui_draw_status(u, LINES - 2);
	ui_blank(LINES - 1, 0, COLS, u->roles[UI_ROLE_MESSAGE]);
	if (u->msg[0] != '\0')
		ui_put(LINES - 1, 0, COLS, u->msg, strlen(u->msg),
		    u->roles[u->msg_error ? UI_ROLE_ERROR : UI_ROLE_MESSAGE]);
	refresh();
}

static void
ui_text_add(struct ui_text *t, char *line, size_t hl)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->lines = xreallocarray(t->lines, t->cap, sizeof *t->lines);
		t->hl = xreallocarray(t->hl, t->cap, sizeof *t->hl);
	}
	t->lines[t->n] = line;
	t->hl[t->n] = hl;
	t->n++;
}

static void
ui_text_free(struct ui_text *t)
{
	size_t	i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->lines[i]);
	free(t->lines);
	free(t->hl);
	free(t->title);
	free(t);
}

/* Pad S with blanks to COLS columns (measured by text.h). */
static void
ui_pad(struct buf *b, const char *s, int cols)
{
	int	w = text_strwidth(s, strlen(s));

	buf_adds(b, s);
	do
		buf_addc(b, ' ');
	while (++w < cols);
}

/* The help: every action with the keys bound to it now. */
static struct ui_text *
ui_help_new(const struct ui *u)
{
	struct ui_text	*t = xcalloc(1, sizeof *t);
	struct buf	 keys, line;
	char		 name[32], *klist[OP__COUNT];
	size_t		 i, hl;
	int		 op, w, kw = 0;

	t->title = xstrdup(_("dubao help: keys and actions (q to close)"));
	/* First the keys of each action, to size the key column. */
	for (op = 1; op < OP__COUNT; op++) {
		buf_init(&keys);
		for (i = 0; i < u->nkeys; i++) {
			if (u->keys[i].op != (enum op)op)
				continue;
			ui_key_name(u->keys[i].key, name, sizeof name);
			/* Enter and Return look the same to a reader. */
			if (keys.len > 0 && strstr(keys.data, name) != NULL)
				continue;
			if (keys.len > 0)
				buf_addc(&keys, ' ');
			buf_adds(&keys, name);
		}
		klist[op] = keys.len > 0 ? buf_take(&keys) : xstrdup("-");
		w = text_strwidth(klist[op], strlen(klist[op]));
		if (w > kw)
			kw = w;
	}
	for (op = 1; op < OP__COUNT; op++) {
		buf_init(&line);
		ui_pad(&line, klist[op], kw + 2);
		hl = line.len;
		ui_pad(&line, state_op_name((enum op)op), 18);
		buf_adds(&line, state_op_help((enum op)op));
		ui_text_add(t, buf_take(&line), hl);
		free(klist[op]);
	}
	ui_text_add(t, xstrdup(""), 0);
	ui_text_add(t, xstrdup(_("A number before a key repeats it: 5j.")), 0);
	ui_text_add(t, xstrdup(_("Mouse: click an item to open it, the wheel "
	    "scrolls the pane under the pointer.")), 0);
	ui_text_add(t, xstrdup(_("Search prompt: Backspace, Left/Right, "
	    "Ctrl-U, Up/Down for history, Esc cancels.")), 0);
	return t;
}

/* The info screen: the issue, its files, pages and diagnostics. */
static struct ui_text *
ui_info_new(const struct ui *u)
{
	const struct issue	*is = u->st.lib->issues[u->st.issue];
	struct ui_text		*t = xcalloc(1, sizeof *t);
	char			 date[16], c1[64], c2[64];
	size_t			 i, n;

	t->title = xstrdup(_("about this issue (q to close)"));
	issue_date_str(is, date);
	ui_text_add(t, xasprintf(_("paper: %s"), is->title != NULL ?
	    is->title : _("unknown")), 0);
	ui_text_add(t, xasprintf(_("date: %s"), date[0] != '\0' ? date :
	    _("unknown")), 0);
	ui_text_add(t, xasprintf(_("encoding: %s (confidence %d%%)"),
	    is->encoding != NULL ? is->encoding : "?", is->confidence), 0);
	if (is->enc_reason != NULL)
		ui_text_add(t, xasprintf("  %s", is->enc_reason), 0);
	for (i = 0; i < is->nsources; i++)
		ui_text_add(t, xasprintf(_("file: %s"), is->sources[i]), 0);
	n = issue_narticles(is);
	snprintf(c1, sizeof c1, P_("%zu page", "%zu pages", is->npages),
	    is->npages);
	snprintf(c2, sizeof c2, P_("%zu article", "%zu articles", n), n);
	/* TRANSLATORS: issue i of n, pages, articles. */
	ui_text_add(t, xasprintf(_("issue %zu of %zu, %s, %s"),
	    u->st.issue + 1, u->st.lib->n, c1, c2), 0);
	for (i = 0; i < is->npages; i++) {
		snprintf(c1, sizeof c1, P_("%zu article", "%zu articles",
		    is->pages[i].narts), is->pages[i].narts);
		ui_text_add(t, xasprintf(_("  第%d版 %s: %s"),
		    is->pages[i].number, is->pages[i].name != NULL ?
		    is->pages[i].name : "", c1), 0);
	}
	ui_text_add(t, xasprintf(P_("%zu diagnostic", "%zu diagnostics",
	    is->diags.n), is->diags.n), 0);
	for (i = 0; i < is->diags.n; i++)
		ui_text_add(t, diag_format(&is->diags.v[i]), 0);
	return t;
}

/* Keys while help or info is shown. */
static void
ui_overlay_key(struct ui *u, int key)
{
	struct ui_text	*t = u->over;
	size_t		 rows = u->prows > 1 ? (size_t)u->prows - 1 : 1;
	size_t		 max = t->n > rows ? t->n - rows : 0;

	switch (key == UI_ESC ? OP_QUIT : ui_key_op(u, key)) {
	case OP_LINE_DOWN:
		t->top = t->top < max ? t->top + 1 : max;
		break;
	case OP_LINE_UP:
		t->top = t->top > 0 ? t->top - 1 : 0;
		break;
	case OP_PAGE_DOWN:
	case OP_HALF_DOWN:
		t->top = t->top + rows < max ? t->top + rows : max;
		break;
	case OP_PAGE_UP:
	case OP_HALF_UP:
		t->top = t->top > rows ? t->top - rows : 0;
		break;
	case OP_TOP:
		t->top = 0;
		break;
	case OP_BOTTOM:
		t->top = max;
		break;
	case OP_QUIT_NOW:
		u->quit = true;
		break;
	case OP_REDRAW:
		clearok(curscr, TRUE);
		break;
	case OP_QUIT:
	case OP_BACK:
	case OP_HELP:
	case OP_INFO:
	case OP_OPEN:
		ui_text_free(u->over);
		u->over = NULL;
		break;
	default:
		break;
	}
}

/*
 * One key, its bytes put together here rather than by ncurses' get_wch(),
 * which takes a byte it cannot decode (a Chinese character under LANG=C;
 * a stray 8-bit byte, such as Alt on a terminal that sets the eighth bit,
 * anywhere) as the start of a character it can never complete, and
 * swallows the keys after it (Esc, q) while it waits. The bytes are
 * decoded in the locale's charset (mbrtowc), or as UTF-8 when the locale
 * knows only ASCII (LANG=C, common over SSH: the terminal still sends
 * UTF-8). A sequence that breaks off is U+FFFD, and the byte that broke it
 * is read again.
 */
static int
ui_getch_mb(bool utf8, wint_t *wc)
{
	char		seq[8];
	mbstate_t	mbs;
	wchar_t		w;
	ucs4_t		uc = 0xfffd;
	size_t		n = 0, r;
	int		c, k;

	for (;;) {
		if ((c = getch()) == ERR) {
			if (n == 0)
				return ERR;
			*wc = 0xfffd;	/* the rest never came */
			return OK;
		}
		if (c >= KEY_MIN) {
			if (n > 0) {
				ungetch(c);
				*wc = 0xfffd;
				return OK;
			}
			*wc = (wint_t)c;
			return KEY_CODE_YES;
		}
		if (n == 0 && c < 0x80) {
			*wc = (wint_t)c;
			return OK;
		}
		seq[n++] = (char)c;
		if (utf8)
			k = u8_mbtoucr(&uc, (const uint8_t *)seq, n);
		else {
			memset(&mbs, 0, sizeof mbs);
			r = mbrtowc(&w, seq, n, &mbs);
			k = r == (size_t)-2 ? -2 : r == (size_t)-1 ? -1 : 1;
			uc = (ucs4_t)w;
		}
		if (k > 0) {
			*wc = (wint_t)uc;
			return OK;
		}
		if (k == -1 || n == sizeof seq) {
			if (n > 1)
				ungetch(c);	/* it may start the next one */
			*wc = 0xfffd;
			return OK;
		}
	}
}

/*
 * Read one key. Returns OK or KEY_CODE_YES, or ERR once the program must
 * stop: a signal arrived (u->status set) or the terminal hung up.
 */
static int
ui_getkey(struct ui *u, wint_t *wc)
{
	int	r, eintr = 0;

	for (;;) {
		if (ui_sig != 0) {
			u->status = 128 + ui_sig;
			return ERR;
		}
		errno = 0;
		r = ui_getch_mb(u->utf8_keys, wc);
		if (ui_sig != 0) {
			u->status = 128 + ui_sig;
			return ERR;
		}
		if (r != ERR) {
			u->errs = 0;
			return r;
		}
		/* A signal ncurses did not turn into a key: try again. */
		if (errno == EINTR && ++eintr < 100)
			continue;
		/* EOF or EIO: the terminal is gone (CJK.md 3.7). */
		if (++u->errs >= 3) {
			u->status = 1;
			return ERR;
		}
	}
}

static void
ui_history_add(struct ui *u, const char *s)
{
	if (u->nhistory > 0 && strcmp(u->history[u->nhistory - 1], s) == 0)
		return;
	if (u->nhistory == UI_HISTORY) {
		free(u->history[0]);
		memmove(u->history, u->history + 1,
		    (UI_HISTORY - 1) * sizeof *u->history);
		u->nhistory--;
	}
	u->history[u->nhistory++] = xstrdup(s);
}

/* Load history entry S into the edit buffer. */
static size_t
ui_prompt_load(wchar_t *buf, size_t cap, const char *s)
{
	size_t	n = 0, len = strlen(s);
	ucs4_t	uc;
	int	k;

	while (len > 0 && n < cap - 1) {
		k = u8_mbtouc(&uc, (const uint8_t *)s, len);
		buf[n++] = (wchar_t)uc;
		s += k;
		len -= (size_t)k;
	}
	return n;
}

static void
ui_prompt_draw(struct ui *u, const char *prompt, const wchar_t *buf,
    size_t n, size_t cur)
{
	struct buf	 b;
	uint8_t		 u8[8];
	size_t		 start = 0, i;
	int		 room, w, k, px, x;
	attr_t		 at = u->roles[UI_ROLE_MESSAGE];

	ui_blank(LINES - 1, 0, COLS, at);
	px = ui_put(LINES - 1, 0, COLS, prompt, strlen(prompt), at);
	room = COLS - px - 1;
	/* Scroll so that the cursor stays on the line. */
	for (;;) {
		for (w = 0, i = start; i < cur; i++)
			w += ui_put_width((ucs4_t)buf[i]);
		if (w <= room || start >= cur)
			break;
		start++;
	}
	buf_init(&b);
	for (i = start; i < n; i++) {
		k = u8_uctomb(u8, (ucs4_t)buf[i], sizeof u8);
		if (k > 0)
			buf_add(&b, u8, (size_t)k);
	}
	x = ui_put(LINES - 1, px, COLS, b.len > 0 ? b.data : "", b.len, at);
	(void)x;
	for (w = 0, i = start; i < cur; i++)
		w += ui_put_width((ucs4_t)buf[i]);
	move(LINES - 1, px + w < COLS ? px + w : COLS - 1);
	buf_clear(&b);
	refresh();
}

/*
 * Edit a line on the message row after PROMPT. Returns the UTF-8 text
 * (caller frees), or NULL when cancelled with Esc or when the program
 * must stop (u->quit set).
 */
static char *
ui_prompt(struct ui *u, const char *prompt)
{
	wchar_t		 buf[256];
	struct buf	 out;
	uint8_t		 u8[8];
	size_t		 n = 0, cur = 0, hist = u->nhistory, i;
	wint_t		 wc;
	int		 r, k;

	curs_set(1);
	u->msg[0] = '\0';
	for (;;) {
		ui_prompt_draw(u, prompt, buf, n, cur);
		if ((r = ui_getkey(u, &wc)) == ERR) {
			u->quit = true;
			curs_set(0);
			return NULL;
		}
		if (r == KEY_CODE_YES) {
			switch (wc) {
			case KEY_RESIZE:
				ui_reshape(u, false);
				ui_draw(u);
				break;
			case KEY_LEFT:
				if (cur > 0)
					cur--;
				break;
			case KEY_RIGHT:
				if (cur < n)
					cur++;
				break;
			case KEY_HOME:
				cur = 0;
				break;
			case KEY_END:
				cur = n;
				break;
			case KEY_BACKSPACE:
				goto backspace;
			case KEY_DC:
				if (cur < n) {
					memmove(buf + cur, buf + cur + 1,
					    (n - cur - 1) * sizeof *buf);
					n--;
				}
				break;
			case KEY_UP:
				if (hist > 0) {
					hist--;
					n = cur = ui_prompt_load(buf,
					    sizeof buf / sizeof *buf,
					    u->history[hist]);
				}
				break;
			case KEY_DOWN:
				if (hist < u->nhistory) {
					hist++;
					n = cur = hist < u->nhistory ?
					    ui_prompt_load(buf, sizeof buf /
					    sizeof *buf, u->history[hist]) : 0;
				}
				break;
			case KEY_ENTER:
				goto done;
			}
			continue;
		}
		switch (wc) {
		case UI_ESC:
		case UI_CTRL('G'):
		case UI_CTRL('C'):
			curs_set(0);
			return NULL;
		case '\r':
		case '\n':
			goto done;
		case 0x7f:
		case UI_CTRL('H'):
backspace:
			if (cur == 0) {
				if (n == 0) {
					curs_set(0);
					return NULL;
				}
				break;
			}
			memmove(buf + cur - 1, buf + cur,
			    (n - cur) * sizeof *buf);
			cur--;
			n--;
			break;
		case UI_CTRL('U'):
			memmove(buf, buf + cur, (n - cur) * sizeof *buf);
			n -= cur;
			cur = 0;
			break;
		case UI_CTRL('K'):
			n = cur;
			break;
		case UI_CTRL('A'):
			cur = 0;
			break;
		case UI_CTRL('E'):
			cur = n;
			break;
		default:
			if (wc < 0x20 || wc == 0x7f || n + 1 >= sizeof buf /
			    sizeof *buf)
				break;
			memmove(buf + cur + 1, buf + cur,
			    (n - cur) * sizeof *buf);
			buf[cur++] = (wchar_t)wc;
			n++;
			break;
		}
	}
done:
	curs_set(0);
	buf_init(&out);
	for (i = 0; i < n; i++) {
		k = u8_uctomb(u8, (ucs4_t)buf[i], sizeof u8);
		if (k > 0)
			buf_add(&out, u8, (size_t)k);
	}
	if (out.len == 0) {
		buf_clear(&out);
		return NULL;
	}
	ui_history_add(u, out.data);
	return buf_take(&out);
}

/* Apply the flags state_apply() returned. */
static void
ui_after(struct ui *u, int fl)
{
	if (u->st.msg != NULL)
		ui_message(u, false, "%s", u->st.msg);
	if (fl & STATE_QUIT)
		u->quit = true;
	if (fl & (STATE_RELAYOUT | STATE_LAYOUT_PANES))
		ui_reshape(u, (fl & STATE_RELAYOUT) != 0);
	else if (fl & STATE_DRAW_READER)
		ui_reshape(u, false);
	if (fl & STATE_REDRAW)
		clearok(curscr, TRUE);
	if (fl & STATE_HELP) {
		ui_text_free(u->over);
		u->over = ui_help_new(u);
	}
	if (fl & STATE_INFO) {
		ui_text_free(u->over);
		u->over = ui_info_new(u);
	}
}

static bool
ui_in(const struct ui_rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

static void
ui_mouse(struct ui *u)
{
	MEVENT	ev;
	bool	toc;
	size_t	k;

	if (getmouse(&ev) != OK || u->small || u->over != NULL)
		return;
	toc = u->show_toc && ui_in(&u->toc, ev.y, ev.x);
	if (!toc && !(u->show_reader && ui_in(&u->reader, ev.y, ev.x)))
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		ui_after(u, state_scroll(&u->st, toc, (ev.bstate &
		    BUTTON4_PRESSED) ? -3 : 3));
		return;
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	if (toc) {
		k = ui_toc_item_at(&u->st, ev.y - u->toc.y);
		if (k != SIZE_MAX)
			ui_after(u, state_toc_open(&u->st, k));
		return;
	}
	u->st.focus = STATE_FOCUS_READER;
	ui_after(u, STATE_DRAW_ALL);
}

static void
ui_search(struct ui *u)
{
	char	*q;

	q = ui_prompt(u, "/");
	if (q == NULL)
		return;
	ui_after(u, state_search(&u->st, q));
	free(q);
}

static void
ui_loop(struct ui *u)
{
	wint_t	wc;
	int	r, key, count = 0, fl;
	enum op	op;

	while (!u->quit) {
		ui_draw(u);
		if ((r = ui_getkey(u, &wc)) == ERR)
			break;
		key = ui_keycode(r, wc);
		if (key == UI_FKEY(KEY_RESIZE)) {
			ui_reshape(u, false);
			continue;
		}
		u->msg[0] = '\0';
		if (key == UI_FKEY(KEY_MOUSE)) {
			ui_mouse(u);
			continue;
		}
		if (u->small) {
			if (ui_key_op(u, key) == OP_QUIT_NOW ||
			    ui_key_op(u, key) == OP_QUIT)
				u->quit = true;
			continue;
		}
		if (u->over != NULL) {
			ui_overlay_key(u, key);
			continue;
		}
		op = ui_key_op(u, key);
		if (op == OP_NONE && key >= '0' && key <= '9' &&
		    (key != '0' || count > 0)) {
			count = count < 10000 ? count * 10 + (key - '0') :
			    count;
			continue;
		}
		if (op == OP_NONE) {
			if (key != UI_ESC) {
				char name[32];

				ui_key_name(key, name, sizeof name);
				ui_message(u, false, _("key %s is not bound: "
				    "? for help"), name);
			}
			count = 0;
			continue;
		}
		fl = state_apply(&u->st, op, count);
		count = 0;
		ui_after(u, fl);
		if (fl & STATE_PROMPT)
			ui_search(u);
	}
}

/* Is the locale's charset one that shows Chinese? */
static int
ui_locale_kind(void)
{
	static const char *const cjk[] = { "GB18030", "GBK", "GB2312",
	    "BIG5", "BIG5-HKSCS", "EUC-CN", "EUC-TW", "EUC-JP", "EUC-KR" };
	const char	*cs = nl_langinfo(CODESET);
	size_t		 i;

	if (strcmp(cs, "UTF-8") == 0)
		return 1;
	for (i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
		if (strcasecmp(cs, cjk[i]) == 0)
			return 2;
	return 0;
}

/* Whether the locale's characters end at ASCII (C, POSIX). */
static bool
ui_locale_ascii(void)
{
	mbstate_t	mbs;
	wchar_t		w;

	memset(&mbs, 0, sizeof mbs);
	return MB_CUR_MAX == 1 &&
	    mbrtowc(&w, "\x80", 1, &mbs) == (size_t)-1;
}

int
ui_run(struct library *lib, const struct options *opts)
{
	struct sigaction	 sa, old[4];
	static const int	 sigs[4] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct ui		 u;
	const char		*term = getenv("TERM");
	int			 i, kind;
	size_t			 k;

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		fprintf(stderr, _("%s: this terminal (TERM=%s) cannot show "
		    "the reader; use a terminal such as xterm, or --dump\n"),
		    progname, term != NULL ? term : "");
		return 1;
	}
	memset(&u, 0, sizeof u);
	u.opts = opts;
	kind = ui_locale_kind();
	if (kind == 1 && opts->ambiguous == 0) {
		ui_probe_start();	/* unless main() did */
		if (ui_probe_finish() == 2)
			text_set_ambiguous(2);
	} else
		ui_probe_finish();	/* an early probe, not needed */
	/* Line drawing is ambiguous-width, and unreliable without UTF-8. */
	u.ascii = text_ambiguous() == 2 || kind != 1;
	u.utf8_keys = ui_locale_ascii();

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 4; i++)
		sigaction(sigs[i], &sa, &old[i]);

	ui_screen = newterm(NULL, stdout, stdin);
	if (ui_screen == NULL || tigetstr("cup") == NULL ||
	    tigetstr("cup") == (char *)-1) {
		if (ui_screen != NULL) {
			endwin();
			delscreen(ui_screen);
			ui_screen = NULL;
		}
		for (i = 0; i < 4; i++)
			sigaction(sigs[i], &old[i], NULL);
		fprintf(stderr, _("%s: this terminal (TERM=%s) cannot show "
		    "the reader; use a terminal such as xterm, or --dump\n"),
		    progname, term);
		return 1;
	}
	set_term(ui_screen);
	util_set_fatal_hook(ui_fini);
	cbreak();
	noecho();
	nonl();
	ui_no_flow_control();
	keypad(stdscr, TRUE);
	set_escdelay(25);
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

	ui_keys_init(&u);
	ui_colors_init(&u);
	if (kind == 0)
		ui_message(&u, true, _("locale %s cannot show Chinese: try "
		    "LANG=C.UTF-8"), nl_langinfo(CODESET));
	state_init(&u.st, lib);
	ui_reshape(&u, true);
	ui_loop(&u);

	ui_fini();
	delscreen(ui_screen);
	ui_screen = NULL;
	util_set_fatal_hook(NULL);
	for (i = 0; i < 4; i++)
		sigaction(sigs[i], &old[i], NULL);
	layout_free(u.lay);
	state_clear(&u.st);
	ui_text_free(u.over);
	for (k = 0; k < u.nhistory; k++)
		free(u.history[k]);
	free(u.keys);
	return u.status;
}
