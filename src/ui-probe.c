/*
 * ui-probe.c -- what the reader learns before curses starts: how wide
 * the terminal draws East Asian Ambiguous characters (a cursor position
 * probe, answered while dubao loads), and what the locale's charset can
 * show.
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

#include "ui.h"
#include "ui-probe.h"

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

int
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
