/*
 * main.c -- options, locale and gettext start-up, loading, then the
 * reader or a batch mode (--dump, --check). Exit status: 0 success,
 * 1 bad input, 2 bad usage.
 */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include <uniconv.h>
#include <unistr.h>

#include "dump.h"
#include "i18n.h"
#include "fold.h"
#include "layout.h"
#include "library-index.h"
#include "library-search.h"
#include "library.h"
#include "loader.h"
#include "model.h"
#include "options.h"
#include "settings.h"
#include "text.h"
#include "ui.h"
#include "util.h"

enum {
	OPT_DUMP = CHAR_MAX + 1,
	OPT_WIDTH,
	OPT_ENCODING,
	OPT_AMBIGUOUS,
	OPT_COLOR,
	OPT_CHECK,
	OPT_TEXT_WIDTH,
	OPT_GREP,
	OPT_INDEX
};

static const struct option main_longopts[] = {
	{ "dump", optional_argument, NULL, OPT_DUMP },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "text-width", required_argument, NULL, OPT_TEXT_WIDTH },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "ambiguous-width", required_argument, NULL, OPT_AMBIGUOUS },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "grep", required_argument, NULL, OPT_GREP },
	{ "index", no_argument, NULL, OPT_INDEX },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
main_usage(int status)
{
	if (status != 0) {
		fprintf(stderr, _("Try '%s --help' for more information.\n"),
		    progname);
		exit(status);
	}
	printf(_("Usage: %s [OPTION]... [PATH]...\n"), progname);
	fputs(_("Read newspaper issues: page dumps, issue folders, crawler "
	    "folders\nor libraries of dated issues, in a terminal.\n\n"),
	    stdout);
	fputs(_("With no PATH, open the sample issue that ships with dubao. "
	    "PATH - reads\nstandard input. When standard output is not a "
	    "terminal, print the\nissue as text (like --dump=text).\n\n"),
	    stdout);
	fputs(_("Options:\n"), stdout);
	fputs(_("      --dump[=FORMAT]     print the issues and exit; FORMAT is"
	    " json, text\n                            (the default) or "
	    "outline\n"), stdout);
	fputs(_("      --index             make or bring up to date the search "
	    "index of the\n                            PATHs (read again: "
	    "only issues whose files changed)\n"), stdout);
	fputs(_("      --grep=PATTERN      print each match as DATE PAGE "
	    "HEADLINE: context;\n                            exit 0 if "
	    "something matched, 1 if not\n"), stdout);
	fputs(_("      --width=N           lay text out for N columns "
	    "(--dump=text, --grep;\n                            default 80, "
	    "--grep: the terminal's)\n"), stdout);
	fputs(_("      --text-width=N      reader text width in columns, "
	    "0 = the whole pane\n                            (default 80)\n"),
	    stdout);
	fputs(_("      --check             print a structure summary and "
	    "every diagnostic;\n                            exit 1 if there "
	    "were problems\n"), stdout);
	fputs(_("      --encoding=NAME     read the input in encoding NAME "
	    "(UTF-8, GB18030,\n                            GBK, BIG5, "
	    "UTF-16LE...) instead of detecting it\n"), stdout);
	fputs(_("      --ambiguous-width=auto|1|2\n"
	    "                            cells the terminal gives to "
	    "ambiguous characters\n                            such as "
	    "\u201c \u201d \u2014 \u2026 (default auto: ask the terminal)\n"),
	    stdout);
	fputs(_("      --color=auto|always|never\n"
	    "                            use colours in the reader and for "
	    "--grep matches\n                            (default auto; "
	    "NO_COLOR in the environment\n                            means "
	    "never)\n"), stdout);
	fputs(_("  -h, --help              display this help and exit\n"),
	    stdout);
	fputs(_("  -V, --version           output version information and "
	    "exit\n"), stdout);
	fputs(_("\nExit status: 0 success, 1 bad input, 2 bad usage.\n"),
	    stdout);
	fputs(_("With --grep: 0 a match, 1 no match, 2 bad input or usage."
	    "\n"), stdout);
	printf(_("\nIn the reader, press ? for the keys.\n"));
	exit(0);
}

static void
main_version(void)
{
	printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	fputs(_("Copyright (C) 2026 the dubao authors.\n"
	    "License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and "
	    "redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"),
	    stdout);
	exit(0);
}

/*
 * "dubao: WHAT: WHY" on stderr. Both may quote names and input (a path,
 * an option's value), so both are sanitised first.
 */
static void
main_error(const char *what, const char *why)
{
	char	*w = text_sanitize_str(what), *y = text_sanitize_str(why);

	fprintf(stderr, "%s: %s: %s\n", progname, w, y);
	free(w);
	free(y);
}

static int
main_number(const char *opt, const char *arg, int min, int max)
{
	char	*end, *a;
	long	 v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max) {
		a = text_sanitize_str(arg);
		fprintf(stderr, _("%s: invalid %s value '%s' (expected %d to "
		    "%d)\n"), progname, opt, a, min, max);
		free(a);
		main_usage(2);
	}
	return (int)v;
}

/* The sample issue: installed copy first, then the source tree's. */
static const char *
main_sample_path(void)
{
	static const char *const cand[] = {
		PKGDATADIR "/sample.txt",
#ifdef ABS_SRCDIR
		ABS_SRCDIR "/data/sample.txt",
#endif
	};
	const char	*env;
	size_t		 i;

	env = getenv("DUBAO_SAMPLE");
	if (env != NULL && *env != '\0')
		return env;
	for (i = 0; i < sizeof cand / sizeof cand[0]; i++)
		if (access(cand[i], R_OK) == 0)
			return cand[i];
	return cand[0];
}

/* Write errors (a full disk, a closed pipe) are bad output: exit 1. */
static int
main_close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("%s: write error: %s\n"), progname,
		    strerror(errno));
		return 1;
	}
	return status;
}

/* Problems in the config file, for batch modes (the reader shows them). */
static void
main_print_settings(const struct settings *cf)
{
	size_t	i;
	char	*s;

	for (i = 0; i < cf->diags.n; i++) {
		s = diag_format(&cf->diags.v[i]);
		fprintf(stderr, "%s: %s\n", progname, s);
		free(s);
	}
}

/* The scan's problems (catalogue-wide), for batch modes. */
static void
main_print_scan_diags(const struct library *lib)
{
	size_t	i;
	char	*s;

	for (i = 0; i < lib->diags.n; i++) {
		s = diag_format(&lib->diags.v[i]);
		fprintf(stderr, "%s: %s\n", progname, s);
		free(s);
	}
}

/*
 * A long scan before the reader starts: its progress on the terminal
 * (standard error) after MAIN_PROGRESS_MS, and Ctrl-C stops it (what was
 * found so far is opened).
 */
#define MAIN_PROGRESS_MS	500

struct main_scan {
	char		*path;		/* sanitised for showing */
	struct timespec	 t0;
	bool		 shown;
};

static volatile sig_atomic_t main_interrupted;

static void
main_on_sigint(int sig)
{
	(void)sig;
	main_interrupted = 1;
}

static bool
main_progress(void *arg, size_t folders, size_t issues)
{
	struct main_scan	*ms = arg;
	struct timespec		 now;
	char			 c1[64], c2[64];

	if (main_interrupted)
		return true;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((now.tv_sec - ms->t0.tv_sec) * 1000L + (now.tv_nsec -
	    ms->t0.tv_nsec) / 1000000L < MAIN_PROGRESS_MS ||
	    !isatty(STDERR_FILENO))
		return false;
	snprintf(c1, sizeof c1, P_("%zu folder", "%zu folders", folders),
	    folders);
	snprintf(c2, sizeof c2, P_("%zu issue", "%zu issues", issues),
	    issues);
	fputc('\r', stderr);
	/* TRANSLATORS: folders, issues. */
	fprintf(stderr, _("%s: reading %s: %s, %s (Ctrl-C stops)"),
	    progname, ms->path, c1, c2);
	fputs("\033[K", stderr);
	ms->shown = true;
	return false;
}

/*
 * Add PATH to LIB; 0 or -1 (reported). For the reader (LATER), a folder
 * is only opened: the reader walks it while it shows the first screen.
 * Else a folder is walked now, with progress on the terminal.
 */
static int
main_add(struct library *lib, const char *path, bool later)
{
	struct main_scan	 ms;
	struct sigaction	 sa, old;
	char			*cause;
	int			 rv;

	if (later) {
		if ((rv = library_add_path_later(lib, path, &cause)) != 0) {
			main_error(path, cause);
			free(cause);
		}
		return rv;
	}
	memset(&ms, 0, sizeof ms);
	ms.path = text_sanitize_str(path);
	clock_gettime(CLOCK_MONOTONIC, &ms.t0);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = main_on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	rv = library_add_path(lib, path, main_progress, &ms, &cause);
	sigaction(SIGINT, &old, NULL);
	if (ms.shown)
		fputs("\r\033[K", stderr);
	free(ms.path);
	if (rv != 0) {
		main_error(path, cause);
		free(cause);
	}
	return rv;
}

/* Columns of a --grep line: --width, else the terminal's, else 80. */
static int
main_grep_width(const struct options *opts)
{
	struct winsize	 ws;
	const char	*env;
	int		 w;

	if (opts->width != 0)
		return opts->width;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col >= LAYOUT_MIN_WIDTH)
		return ws.ws_col;
	env = getenv("COLUMNS");
	if (env != NULL && (w = atoi(env)) >= LAYOUT_MIN_WIDTH && w <= 10000)
		return w;
	return 80;
}

/*
 * The --grep pattern in UTF-8: as given in a UTF-8 or ASCII locale (a
 * C locale gets UTF-8 bytes, as the reader does), else converted from
 * the locale's charset (GB18030, Big5). NULL when it cannot be.
 */
static char *
main_grep_pattern(const char *arg)
{
	const char	*cs = nl_langinfo(CODESET);
	uint8_t		*u;
	size_t		 n;

	if (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "ANSI_X3.4-1968") == 0) {
		if (u8_check((const uint8_t *)arg, strlen(arg)) != NULL)
			return NULL;
		return xstrdup(arg);
	}
	u = u8_conv_from_encoding(cs, iconveh_error, arg, strlen(arg), NULL,
	    NULL, &n);
	if (u == NULL)
		return NULL;
	u = xrealloc(u, n + 1);
	u[n] = '\0';
	return (char *)u;
}

/*
 * The search index of LIB for reading (--grep) or writing (--index), or
 * NULL (none, or no cache folder); its notes and problems on stderr.
 */
static struct library_index *
main_index_open(const struct library *lib, bool write)
{
	struct library_index	*ix;
	char			*note, *cause;

	if (lib->cache_dir == NULL)
		return NULL;
	ix = library_index_open(lib->cache_dir, write, &note, &cause);
	if (note != NULL)
		fprintf(stderr, "%s: %s\n", progname, note);
	if (cause != NULL)
		fprintf(stderr, "%s: %s\n", progname, cause);
	free(note);
	free(cause);
	return ix;
}

/* --grep over every issue of LIB: 0 a match, 1 none, 2 if STATUS. */
static int
main_grep(struct library *lib, const struct options *opts,
    const char *pattern, bool variants, int status)
{
	struct library_search	 ls;
	struct library_index	*ix = main_index_open(lib, false);
	struct dump_grep	 g;
	const struct issue	*is;
	size_t			 i;
	bool			 color;

	color = opts->color == COLOR_ALWAYS || (opts->color == COLOR_AUTO &&
	    isatty(STDOUT_FILENO) && getenv("TERM") != NULL &&
	    strcmp(getenv("TERM"), "dumb") != 0);
	dump_grep_init(&g, main_grep_width(opts), color);
	/* Issue by issue, from the index or the cache: memory stays flat. */
	library_search_init(&ls, lib, ix, false, pattern, variants);
	for (i = 0; i < library_count(lib); i++)
		if ((is = library_search_issue(&ls, i)) != NULL)
			dump_grep_hits(stdout, &g, is, &ls.search);
	library_search_clear(&ls);
	library_index_close(ix);
	if (main_close_stdout(0) != 0 || status != 0)
		return 2;
	return g.matches > 0 ? 0 : 1;
}

/* How far --index got, for its progress line. */
struct main_indexing {
	size_t		 done, stored, total;
	long long	 bytes;
	struct timespec	 t0, last;
	bool		 shown;
};

/* The progress of --index on a terminal, at most every 100 ms. */
static void
main_index_progress(struct main_indexing *mi, bool last)
{
	struct timespec	now;
	char		c1[64];

	if (!isatty(STDERR_FILENO))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!last && (now.tv_sec - mi->last.tv_sec) * 1000L +
	    (now.tv_nsec - mi->last.tv_nsec) / 1000000L < 100)
		return;
	mi->last = now;
	snprintf(c1, sizeof c1, P_("%zu issue", "%zu issues", mi->total),
	    mi->total);
	/* TRANSLATORS: done of N issues, read again, megabytes. */
	fputc('\r', stderr);
	fprintf(stderr, _("%s: indexing: %zu of %s, %zu read, %.1f MB "
	    "(Ctrl-C stops)"), progname, mi->done, c1, mi->stored,
	    (double)mi->bytes / 1e6);
	fputs(last ? "\033[K\n" : "\033[K", stderr);
	mi->shown = true;
}

/* Bytes of the files of issue I (stat()ed by the index). */
static long long
main_index_bytes(const struct library *lib, size_t i)
{
	const struct library_issue	*e = library_entry(lib, i);
	long long			 n = 0;
	size_t				 k;

	for (k = 0; k < e->nfiles; k++)
		if (e->files[k].size > 0)
			n += e->files[k].size;
	return n;
}

/* Put every issue of LIB into IX; 0, or 1 when stopped or failing. */
static int
main_index_all(struct library *lib, struct library_index *ix,
    struct fold *f, struct main_indexing *mi)
{
	char	*cause = NULL;
	size_t	 i;
	int	 r = 0;

	for (i = 0; i < library_count(lib) && !main_interrupted; i++) {
		if (i % 32 == 0 && (library_index_end(ix, &cause) != 0 ||
		    library_index_begin(ix, &cause) != 0))
			break;
		if ((r = library_index_add(ix, lib, i, f, &cause)) < 0)
			break;
		mi->stored += r > 0;
		mi->bytes += main_index_bytes(lib, i);
		library_release(lib, i);
		mi->done = i + 1;
		main_index_progress(mi, false);
	}
	if (cause == NULL)
		library_index_end(ix, &cause);
	if (cause != NULL) {
		fprintf(stderr, "%s: %s\n", progname, cause);
		free(cause);
		return 1;
	}
	return main_interrupted ? 1 : 0;
}

/*
 * --index: the index of every issue of LIB, made or brought up to date;
 * the issues of the folders in PATHS that are gone are forgotten.
 */
static int
main_index(struct library *lib, char **paths, int npaths, bool variants,
    int status)
{
	struct library_index	*ix = main_index_open(lib, true);
	struct main_indexing	 mi;
	struct sigaction	 sa, old;
	struct fold		*f;
	size_t			 gone = 0;
	char			 c1[64];
	int			 i, r;

	if (ix == NULL) {
		if (lib->cache_dir == NULL)
			fprintf(stderr, _("%s: no cache folder for the index "
			    "(set XDG_CACHE_HOME or HOME)\n"), progname);
		return 1;
	}
	memset(&mi, 0, sizeof mi);
	mi.total = library_count(lib);
	f = fold_new(variants);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = main_on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	r = main_index_all(lib, ix, f, &mi);
	sigaction(SIGINT, &old, NULL);
	if (mi.shown)
		main_index_progress(&mi, true);
	for (i = 0; i < npaths && r == 0; i++)
		gone += library_index_prune(ix, lib, paths[i]);
	fold_free(f);
	library_index_close(ix);
	snprintf(c1, sizeof c1, P_("%zu issue", "%zu issues", mi.done),
	    mi.done);
	/* TRANSLATORS: N issues: read again, unchanged, forgotten. */
	printf(_("%s: %zu read, %zu unchanged, %zu forgotten\n"), c1,
	    mi.stored, mi.done - mi.stored, gone);
	return main_close_stdout(r != 0 ? 1 : status);
}

/*
 * Whether the command line likely starts the reader: no option asks for
 * a batch mode, help, the version or a fixed ambiguous width (long
 * options may be abbreviated), and the last argument is not "-". Only
 * decides how early the terminal probe goes out.
 */
static bool
main_reader_likely(int argc, char **argv)
{
	static const char *const batch[] = { "dump", "check", "help",
	    "version", "ambiguous-width", "grep", "index" };
	const char	*a;
	size_t		 i, n;
	int		 k;

	for (k = 1; k < argc; k++) {
		a = argv[k];
		if (strcmp(a, "--") == 0)
			break;
		if (a[0] != '-' || a[1] == '\0')
			continue;
		if (a[1] != '-') {
			if (strpbrk(a, "hV") != NULL)
				return false;
			continue;
		}
		n = strcspn(a + 2, "=");
		for (i = 0; i < sizeof batch / sizeof batch[0]; i++)
			if (n > 0 && strncmp(a + 2, batch[i], n) == 0)
				return false;
	}
	return !(argc > 1 && strcmp(argv[argc - 1], "-") == 0);
}

int
main(int argc, char **argv)
{
	struct options		 opts;
	struct loader_opts	 lopts;
	struct library		*lib;
	struct library_progress	 busy;
	struct settings		 cfg;
	enum dump_mode		 dump = DUMP_NONE;
	bool			 check = false, reader, likely, index = false;
	int			 c, i, status = 0;
	char			*cause, *arg, *grep = NULL;
	const char		*path;

	/* The reader's terminal probe is answered while dubao loads. */
	likely = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
	    main_reader_likely(argc, argv);
	if (likely)
		ui_probe_start();

	/*
	 * Characters and messages only: dubao formats its own numbers and
	 * dates (JSON stays JSON in any locale), and sorts by code point.
	 */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
	/*
	 * The reader draws every string as UTF-8, article text and messages
	 * alike (the config's and the loader's included), and curses turns
	 * them into the locale's charset in one place. In a GB18030 locale
	 * gettext would hand out GB18030 instead, drawn as if UTF-8.
	 */
	if (likely)
		bind_textdomain_codeset(PACKAGE, "UTF-8");
#endif

	memset(&opts, 0, sizeof opts);
	opts.measure = 80;
	if (getenv("NO_COLOR") != NULL && *getenv("NO_COLOR") != '\0')
		opts.color = COLOR_NEVER;

	/* The config file first: the command line overrides it. */
	settings_init(&cfg);
	{
		char *cpath = settings_default_path();

		if (cpath != NULL && settings_load(&cfg, cpath, &cause) != 0) {
			main_error(cpath, cause);
			free(cause);
		}
		free(cpath);
	}
	if (cfg.text_width >= 0)
		opts.measure = cfg.text_width;
	if (cfg.ambiguous >= 0)
		opts.ambiguous = cfg.ambiguous;
	opts.settings = &cfg;

	while ((c = getopt_long(argc, argv, "hV", main_longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DUMP:
			if (optarg == NULL || strcmp(optarg, "text") == 0)
				dump = DUMP_TEXT;
			else if (strcmp(optarg, "json") == 0)
				dump = DUMP_JSON;
			else if (strcmp(optarg, "outline") == 0)
				dump = DUMP_OUTLINE;
			else {
				arg = text_sanitize_str(optarg);
				fprintf(stderr, _("%s: invalid --dump format "
				    "'%s' (json, text or outline)\n"),
				    progname, arg);
				main_usage(2);
			}
			break;
		case OPT_WIDTH:
			opts.width = main_number("--width", optarg,
			    LAYOUT_MIN_WIDTH, 10000);
			break;
		case OPT_TEXT_WIDTH:
			opts.measure = main_number("--text-width", optarg, 0,
			    10000);
			break;
		case OPT_ENCODING:
			opts.encoding = optarg;
			break;
		case OPT_AMBIGUOUS:
			if (strcmp(optarg, "auto") == 0)
				opts.ambiguous = 0;
			else
				opts.ambiguous = main_number(
				    "--ambiguous-width", optarg, 1, 2);
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				opts.color = COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				opts.color = COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				opts.color = COLOR_NEVER;
			else {
				arg = text_sanitize_str(optarg);
				fprintf(stderr, _("%s: invalid --color value "
				    "'%s' (auto, always or never)\n"),
				    progname, arg);
				main_usage(2);
			}
			break;
		case OPT_CHECK:
			check = true;
			break;
		case OPT_INDEX:
			index = true;
			break;
		case OPT_GREP:
			free(grep);
			if ((grep = main_grep_pattern(optarg)) == NULL) {
				fprintf(stderr, _("%s: --grep: the pattern is "
				    "not valid text in this locale\n"),
				    progname);
				main_usage(2);
			}
			break;
		case 'h':
			main_usage(0);
			break;
		case 'V':
			main_version();
			break;
		default:
			main_usage(2);
		}
	}
	if (check && dump != DUMP_NONE) {
		fprintf(stderr, _("%s: --check and --dump cannot be used "
		    "together\n"), progname);
		main_usage(2);
	}
	if (grep != NULL && (check || dump != DUMP_NONE)) {
		fprintf(stderr, _("%s: --grep cannot be used with --check or "
		    "--dump\n"), progname);
		main_usage(2);
	}
	if (index && (check || dump != DUMP_NONE || grep != NULL)) {
		fprintf(stderr, _("%s: --index cannot be used with --check, "
		    "--dump or --grep\n"), progname);
		main_usage(2);
	}
	if (grep != NULL && grep[strspn(grep, " \t\n")] == '\0') {
		fprintf(stderr, _("%s: --grep needs a pattern\n"), progname);
		main_usage(2);
	}

	/* The reader runs on a terminal, and not on standard input. */
	reader = !check && grep == NULL && !index && dump == DUMP_NONE &&
	    isatty(STDOUT_FILENO) &&
	    isatty(STDIN_FILENO) &&
	    !(optind < argc && strcmp(argv[argc - 1], "-") == 0);

	memset(&lopts, 0, sizeof lopts);
	lopts.encoding = opts.encoding;
	lib = library_new(&lopts);
	if (optind >= argc) {
		path = cfg.library != NULL ? cfg.library : main_sample_path();
		if (main_add(lib, path, reader) != 0) {
			library_free(lib);
			settings_clear(&cfg);
			status = grep != NULL ? 2 : 1;
			free(grep);
			return status;
		}
	}
	for (i = optind; i < argc; i++)
		if (main_add(lib, argv[i], reader) != 0)
			status = 1;
	if (library_count(lib) == 0 && !library_busy(lib, &busy)) {
		library_free(lib);
		settings_clear(&cfg);
		if (grep != NULL) {
			free(grep);
			return 2;
		}
		return status != 0 ? status : 1;
	}

	if (index) {
		main_print_settings(&cfg);
		status = main_index(lib, argv + optind, argc - optind,
		    cfg.fold_variants != 0, status);
		library_free(lib);
		settings_clear(&cfg);
		return status;
	}
	if (grep != NULL) {
		main_print_settings(&cfg);
		status = main_grep(lib, &opts, grep, cfg.fold_variants != 0,
		    status);
		free(grep);
		library_free(lib);
		settings_clear(&cfg);
		return status;
	}

	if (check) {
		if (dump_check(stdout, lib, &cfg) != 0)
			status = 1;
		library_free(lib);
		settings_clear(&cfg);
		return main_close_stdout(status);
	}

	if (opts.ambiguous != 0)
		text_set_ambiguous(opts.ambiguous);
	if (dump == DUMP_NONE && !reader)
		dump = DUMP_TEXT;

	if (dump != DUMP_NONE) {
		main_print_settings(&cfg);
		main_print_scan_diags(lib);
		switch (dump) {
		case DUMP_JSON:
			c = dump_json(stdout, stderr, lib);
			break;
		case DUMP_OUTLINE:
			c = dump_outline(stdout, stderr, lib);
			break;
		default:
			c = dump_text(stdout, stderr, lib, opts.width != 0 ? opts.width :
			    80, opts.measure);
			break;
		}
		if (c != 0)
			status = 1;
		library_free(lib);
		settings_clear(&cfg);
		return main_close_stdout(status);
	}

	c = ui_run(lib, &opts);
	library_free(lib);
	settings_clear(&cfg);
	return c != 0 ? c : status;
}
