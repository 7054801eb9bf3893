/*
 * ui-probe.c -- what the reader asks before curses starts: how wide the
 * terminal draws East Asian Ambiguous characters and what its background
 * colour is (queries answered while dubao loads), and what the locale's
 * charset can show.
 */
#include <config.h>

#include <sys/types.h>

#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <uniconv.h>

#include "ui.h"
#include "ui-input.h"
#include "ui-probe.h"

/*
 * The probe: ask the terminal for its background colour (OSC 11), then
 * print an East Asian Ambiguous character at the start of the current row,
 * in the locale's charset (UTF-8, GB18030, Big5...), and ask for the
 * cursor position (vim's t_u7 probe). The terminal
 * answers in order, so once the position report is in, an answer to OSC
 * 11 would have come before it. main() calls ui_probe_start() first thing
 * when the reader will likely run, so that the round trip (a network
 * round trip over SSH) overlaps loading the locale and the issues;
 * ui_probe_finish() waits for the answers at most UI_PROBE_MS from the
 * start, and ui-input.c takes any answer that comes later, whenever it
 * comes. From the start until curses takes the tty (ui_probe_release())
 * the tty neither echoes nor waits for lines, so no answer shows and no
 * key typed meanwhile is lost; a signal or exit() in between puts it
 * back (ui_probe_sig, ui_probe_atexit).
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

static void
ui_probe_atexit(void)
{
	ui_probe_finish();
	ui_probe_release();
}

/* The name of the locale the environment sets for characters, or NULL. */
static const char *
ui_env_locale(void)
{
	const char	*loc;

	if ((loc = getenv("LC_ALL")) == NULL || *loc == '\0')
		if ((loc = getenv("LC_CTYPE")) == NULL || *loc == '\0')
			loc = getenv("LANG");
	return loc;
}

/* Whether the locale the environment names is UTF-8 (before setlocale). */
static bool
ui_env_utf8(void)
{
	const char	*p;

	for (p = ui_env_locale(); p != NULL && *p != '\0'; p++)
		if (strncasecmp(p, "UTF-8", 5) == 0 ||
		    strncasecmp(p, "UTF8", 4) == 0)
			return true;
	return false;
}

/*
 * Whether the N bytes of NAME (a locale name's charset, "gb18030",
 * "big5hkscs") name a charset that shows Chinese: the GB, Big5 and EUC
 * families, as ui_locale_kind() counts them.
 */
static bool
ui_probe_cjk(const char *name, size_t n)
{
	static const char *const fam[] = { "gb", "big5", "euc" };
	size_t	i;

	for (i = 0; i < sizeof fam / sizeof fam[0]; i++)
		if (n >= strlen(fam[i]) &&
		    strncasecmp(name, fam[i], strlen(fam[i])) == 0)
			return true;
	return false;
}

/*
 * The probe's ambiguous character, U+201C, in the charset of the locale
 * the environment names (curses later writes it in that charset): its
 * bytes into OUT, their number returned; 0 when that charset is not
 * UTF-8 nor one that shows Chinese (ui_locale_kind()), or has no U+201C.
 */
static size_t
ui_probe_quote(char out[8])
{
	static const uint8_t	 in[] = "\xe2\x80\x9c";
	const char		*loc, *dot;
	char			 cs[32], *r;
	size_t			 n, ol = 8;

	if (ui_locale_kind() == 1 || ui_env_utf8()) {
		memcpy(out, in, 3);
		return 3;
	}
	if ((loc = ui_env_locale()) == NULL || (dot = strchr(loc, '.')) == NULL)
		return 0;
	n = strcspn(dot + 1, "@");
	if (n == 0 || n >= sizeof cs || !ui_probe_cjk(dot + 1, n))
		return 0;
	memcpy(cs, dot + 1, n);
	cs[n] = '\0';
	/* Into OUT itself; a result too long for it is no answer. */
	r = u8_conv_to_encoding(cs, iconveh_error, in, 3, NULL, out, &ol);
	if (r != out) {
		free(r);
		return 0;
	}
	return ol;
}

/*
 * Whether TERM may be sent OSC 11: the Linux console and real VTs print
 * an OSC they do not know (the row is erased after the probe, but the
 * text would shift the position report).
 */
static bool
ui_probe_osc_ok(const char *term)
{
	return strncmp(term, "linux", 5) != 0 && strncmp(term, "vt", 2) != 0 &&
	    strncmp(term, "cons", 4) != 0;
}

/*
 * Write the queries: OSC 11 when OSC, then the position report, after
 * the ambiguous character QUOTE (QN bytes) when QN > 0. The row is
 * erased after the report (the answer is decided by then).
 */
static bool
ui_probe_send(int fd, bool osc, const char *quote, size_t qn)
{
	static const char	 q_osc[] = "\033]11;?\033\\";
	char			 buf[64];
	size_t			 n = 0;

	if (osc) {
		memcpy(buf, q_osc, sizeof q_osc - 1);
		n = sizeof q_osc - 1;
	}
	if (qn > 0) {
		buf[n++] = '\r';
		memcpy(buf + n, quote, qn);
		n += qn;
	}
	memcpy(buf + n, "\033[6n", 4);
	n += 4;
	if (qn > 0) {
		memcpy(buf + n, "\r\033[K", 4);
		n += 4;
	}
	return write(fd, buf, n) == (ssize_t)n;
}

/* No echo, no lines: nothing the terminal or the user sends shows. */
static void
ui_probe_raw(int fd)
{
	struct termios	raw = ui_probe.old;

	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	tcsetattr(fd, TCSANOW, &raw);
}

void
ui_probe_start(void)
{
	struct sigaction	 sa;
	const char		*term = getenv("TERM");
	char			 quote[8];
	size_t			 qn;
	bool			 osc;
	int			 fd, i;

	if (ui_probe.fd >= 0 || term == NULL || *term == '\0' ||
	    strcmp(term, "dumb") == 0)
		return;
	qn = ui_probe_quote(quote);
	osc = ui_probe_osc_ok(term);
	if ((qn == 0 && !osc) ||
	    (fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
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
	ui_probe.fd = fd;
	ui_probe_raw(fd);
	clock_gettime(CLOCK_MONOTONIC, &ui_probe.t0);
	if (ui_probe_send(fd, osc, quote, qn))
		ui_input_expect(qn > 0, osc);
	if (!ui_probe.hooked) {
		ui_probe.hooked = true;
		atexit(ui_probe_atexit);
	}
}

/* Milliseconds left of UI_PROBE_MS since the probe was sent. */
static int
ui_probe_left(void)
{
	struct timespec	t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return UI_PROBE_MS - (int)((t1.tv_sec - ui_probe.t0.tv_sec) * 1000 +
	    (t1.tv_nsec - ui_probe.t0.tv_nsec) / 1000000);
}

void
ui_probe_finish(void)
{
	struct pollfd	pf;
	unsigned char	buf[256];
	ssize_t		k;
	int		left;

	int		i;

	if (ui_probe.fd < 0)
		return;
	pf.fd = ui_probe.fd;
	pf.events = POLLIN;
	/*
	 * Take what came while dubao loaded; then, while the report is
	 * awaited and time is left, wait for more.
	 */
	for (;;) {
		left = ui_input_waiting() ? ui_probe_left() : 0;
		if (poll(&pf, 1, left > 0 ? left : 0) <= 0 ||
		    (k = read(ui_probe.fd, buf, sizeof buf)) <= 0)
			break;
		ui_input_take(buf, (size_t)k);
	}
	/* The reader's own handlers come next. */
	for (i = 0; i < 4; i++)
		sigaction(ui_probe_sigs[i], &ui_probe.sa[i], NULL);
}

void
ui_probe_release(void)
{
	if (ui_probe.fd < 0)
		return;
	tcsetattr(ui_probe.fd, TCSANOW, &ui_probe.old);
	close(ui_probe.fd);
	ui_probe.fd = -1;
}

/* Is the locale's charset one that shows Chinese? */
int
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

bool
ui_locale_ascii(void)
{
	mbstate_t	mbs;
	wchar_t		w;

	memset(&mbs, 0, sizeof mbs);
	return MB_CUR_MAX == 1 &&
	    mbrtowc(&w, "\x80", 1, &mbs) == (size_t)-1;
}
