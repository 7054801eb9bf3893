/*
 * library-scan.c -- walk a folder tree and catalogue the issues in it
 * from folder and file names alone, as find(1) walks: one readdir() a
 * folder, a stat() only for folders and for entries whose type readdir
 * does not give. No file is opened.
 *
 * The walk is a job done in steps (library_scan_step()), so that the
 * reader can show its first screen while a large tree is still being
 * read, and stop the walk when asked: the folders on the way down are a
 * stack of frames, each with its listing and the next entry to look at.
 * A step enters one subfolder (reads it, catalogues its files, pushes
 * it) or leaves a folder that has no more.
 *
 * In each folder, text files (loader_name_is_text()) become issues:
 * crawler articles YYYYMMDD-PP-NN.txt one issue per date; a file named
 * by a date one issue; Chronicling America pages (LCCN-ed-N_seq-P.txt)
 * one issue per paper; the other files together the pages of one issue
 * dated by the folder's name. The paper is the nearest folder, from the
 * path as given down, whose name obviously names one (loader_name_paper).
 * When none does, the issue is known by the nearest folder whose name is
 * not a date (its label: "rmrb-caspiankexin" for .../2019年2月/20190201).
 *
 * Folders are known by (device, inode). A symbolic link to a folder
 * already seen is skipped quietly; a link to a folder on the way down
 * (a real loop) is reported. Depth is capped at LIBRARY_SCAN_MAX_DEPTH.
 *
 * The catalogue cache (library-memo.c) remembers each folder's listing
 * with its modification time, so that the next walk of an unchanged
 * folder skips its readdir(). It is written only when a walk ends
 * complete.
 *
 * DUBAO_TEST_SCAN_DELAY_MS (tests only: tests/tui/scan.sh) makes the
 * walk sleep that long before each folder, so that a small tree takes
 * long enough to watch; nothing else reads it.
 */
#include <config.h>

#include <sys/types.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "library.h"
#include "library-memo.h"
#include "text.h"
#include "util.h"

/* Folders deeper than this below the path given are not searched. */
#define LIBRARY_SCAN_MAX_DEPTH	32
/* The test hook's bound (DUBAO_TEST_SCAN_DELAY_MS). */
#define LIBRARY_SCAN_DELAY_MAX	1000

struct library_scan_id {
	dev_t	dev;
	ino_t	ino;
};

/* A folder on the way down. */
struct library_scan_frame {
	char			*path;
	struct library_scan_id	 id;
	struct library_memo_list ls;		/* its files and subfolders */
	size_t			 next;		/* the next entry to look at */
	char			*paper;		/* the paper below here, or
						   NULL (owned) */
	char			*label;		/* the folder name below here
						   that is not a date (owned) */
};

struct library_scan {
	struct library		*lib;
	char			*root;
	unsigned		 seq;		/* the entries' path number */
	size_t			 folders, found;
	bool			 stopped;

	struct library_scan_frame *stack;	/* the way down */
	size_t			 depth, stackcap;
	struct library_scan_id	*seen;		/* open-addressed set */
	size_t			 nseen, seencap;

	struct library_memo	*memo;		/* the catalogue cache */
	long			 delay;		/* test hook: ms a folder */
};

/* One text file of a folder, classified by its name. */
struct library_scan_file {
	const char		*name;		/* borrowed from the listing */
	struct loader_name	 nm;
	char			*paper;		/* LCCN pages: the paper */
};

/* ------------------------------------------------------------------ */
/* Folders seen. */

static size_t
library_scan_hash(const struct library_scan_id *id)
{
	uint64_t	h = (uint64_t)id->dev * 0x9e3779b97f4a7c15ULL;

	h ^= (uint64_t)id->ino + 0x632be59bd9b4e019ULL + (h << 6) + (h >> 2);
	return (size_t)(h ^ (h >> 29));
}

static void
library_scan_seen_grow(struct library_scan *sc)
{
	struct library_scan_id	*old = sc->seen;
	size_t			 oldcap = sc->seencap, i, k;

	sc->seencap = oldcap == 0 ? 256 : oldcap * 2;
	sc->seen = xcalloc(sc->seencap, sizeof *sc->seen);
	for (i = 0; i < oldcap; i++) {
		if (old[i].ino == 0 && old[i].dev == 0)
			continue;
		k = library_scan_hash(&old[i]) & (sc->seencap - 1);
		while (sc->seen[k].ino != 0 || sc->seen[k].dev != 0)
			k = (k + 1) & (sc->seencap - 1);
		sc->seen[k] = old[i];
	}
	free(old);
}

/* Has folder ID been seen? Marks it seen if not. */
static bool
library_scan_seen(struct library_scan *sc, const struct stat *st)
{
	struct library_scan_id	id;
	size_t			k;

	id.dev = st->st_dev;
	id.ino = st->st_ino;
	if ((sc->nseen + 1) * 2 > sc->seencap)
		library_scan_seen_grow(sc);
	k = library_scan_hash(&id) & (sc->seencap - 1);
	while (sc->seen[k].ino != 0 || sc->seen[k].dev != 0) {
		if (sc->seen[k].dev == id.dev && sc->seen[k].ino == id.ino)
			return true;
		k = (k + 1) & (sc->seencap - 1);
	}
	sc->seen[k] = id;
	sc->nseen++;
	return false;
}

/* Is folder ST on the way down to here (a link to it is a loop)? */
static bool
library_scan_on_stack(const struct library_scan *sc, const struct stat *st)
{
	size_t	i;

	for (i = 0; i < sc->depth; i++)
		if (sc->stack[i].id.dev == st->st_dev &&
		    sc->stack[i].id.ino == st->st_ino)
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Diagnostics. */

/* A translated reason for errno ERR met while walking. */
static const char *
library_scan_reason(int err)
{
	switch (err) {
	case ENOENT:
		return _("broken symbolic link");
	case EACCES:
	case EPERM:
		return _("permission denied");
	case ELOOP:
		return _("symbolic link loop, not followed");
	default:
		return strerror(err);
	}
}

static void
library_scan_warn(struct library_scan *sc, const char *path, int err)
{
	diag_add(&sc->lib->diags, DIAG_WARNING, path, 0, 0, "%s",
	    library_scan_reason(err));
}

static char *
library_scan_join(const char *dir, const char *name)
{
	size_t	n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* ------------------------------------------------------------------ */
/* Reading a folder. */

/* A FIFO, a device or a socket among the files: never read (loader.h). */
#define LIBRARY_SCAN_SPECIAL	(-2)

/*
 * Is entry DE of folder PATH a folder, a file, a FIFO, device or socket
 * (LIBRARY_SCAN_SPECIAL), or none of them (-1)?
 */
static int
library_scan_type(struct library_scan *sc, const char *path,
    const struct dirent *de)
{
	struct stat	 st;
	char		*p;
	int		 err;

	if (de->d_type == DT_DIR)
		return LIBRARY_MEMO_DIR;
	if (de->d_type == DT_REG)
		return LIBRARY_MEMO_FILE;
	if (de->d_type == DT_FIFO || de->d_type == DT_CHR ||
	    de->d_type == DT_BLK || de->d_type == DT_SOCK)
		return LIBRARY_SCAN_SPECIAL;
	if (de->d_type != DT_LNK && de->d_type != DT_UNKNOWN)
		return -1;
	p = library_scan_join(path, de->d_name);
	if (stat(p, &st) != 0) {
		err = errno;
		library_scan_warn(sc, p, err);
		free(p);
		return -1;
	}
	free(p);
	if (S_ISDIR(st.st_mode))
		return LIBRARY_MEMO_DIR;
	if (loader_file_kind(st.st_mode) != NULL)
		return LIBRARY_SCAN_SPECIAL;
	return S_ISREG(st.st_mode) ? LIBRARY_MEMO_FILE : -1;
}

/* A FIFO, device or socket named like a text file: skipped, with a note. */
static void
library_scan_special(struct library_scan *sc, const char *path,
    const char *name)
{
	struct stat	 st;
	char		*p = library_scan_join(path, name);

	if (stat(p, &st) == 0 && loader_file_kind(st.st_mode) != NULL)
		diag_add(&sc->lib->diags, DIAG_NOTE, p, 0, 0, "%s",
		    loader_file_kind(st.st_mode));
	free(p);
}

/* Read folder PATH into LS (its text files and subfolders, sorted). */
static int
library_scan_read(struct library_scan *sc, const char *path,
    struct library_memo_list *ls)
{
	DIR		*dp;
	struct dirent	*de;
	int		 type;

	if ((dp = opendir(path)) == NULL)
		return -1;
	while ((errno = 0, de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		type = library_scan_type(sc, path, de);
		if (type == LIBRARY_MEMO_FILE && loader_name_is_text(de->d_name))
			library_memo_list_add(ls, LIBRARY_MEMO_FILE,
			    de->d_name);
		else if (type == LIBRARY_MEMO_DIR)
			library_memo_list_add(ls, LIBRARY_MEMO_DIR, de->d_name);
		else if (type == LIBRARY_SCAN_SPECIAL &&
		    loader_name_is_text(de->d_name))
			library_scan_special(sc, path, de->d_name);
	}
	if (errno != 0)
		library_scan_warn(sc, path, errno);
	closedir(dp);
	library_memo_list_sort(ls);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Files to issues. */

static int
library_scan_cmp_file(const void *va, const void *vb)
{
	const struct library_scan_file *a = va, *b = vb;
	int	c;

	if (a->nm.kind != b->nm.kind)
		return a->nm.kind < b->nm.kind ? -1 : 1;
	if (a->nm.year != b->nm.year)
		return a->nm.year < b->nm.year ? -1 : 1;
	if (a->nm.month != b->nm.month)
		return a->nm.month < b->nm.month ? -1 : 1;
	if (a->nm.day != b->nm.day)
		return a->nm.day < b->nm.day ? -1 : 1;
	/* Pages of one paper together. */
	if ((c = strcmp(a->paper != NULL ? a->paper : "",
	    b->paper != NULL ? b->paper : "")) != 0)
		return c;
	/* Page files without a number in their name go last. */
	if ((a->nm.page == 0) != (b->nm.page == 0))
		return a->nm.page == 0 ? 1 : -1;
	if (a->nm.page != b->nm.page)
		return a->nm.page < b->nm.page ? -1 : 1;
	if (a->nm.num != b->nm.num)
		return a->nm.num < b->nm.num ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* A new entry for files F[0..N) of the folder of frame FR. */
static struct library_issue *
library_scan_entry(struct library_scan *sc, enum library_kind kind,
    const struct library_scan_frame *fr, const struct library_scan_file *f,
    size_t n, const char *paper)
{
	struct library_issue	*e = library_append(sc->lib);
	size_t			 i, len = 0, o = 0;
	int			 last = -1;

	e->kind = kind;
	e->seq = sc->seq;
	e->dir = xstrdup(fr->path);
	e->paper = paper != NULL ? xstrdup(paper) : NULL;
	e->label = fr->label != NULL ? xstrdup(fr->label) :
	    text_sanitize(loader_name_base(fr->path),
	    loader_name_base_len(fr->path), NULL, NULL);
	e->files = xcalloc(n, sizeof *e->files);
	e->nfiles = n;
	/* The names in one block: an archive has many. */
	for (i = 0; i < n; i++)
		len += strlen(f[i].name) + 1;
	e->names = xmalloc(len);
	for (i = 0; i < n; i++) {
		e->files[i].name = e->names + o;
		len = strlen(f[i].name) + 1;
		memcpy(e->names + o, f[i].name, len);
		o += len;
		e->files[i].size = -1;
		if (f[i].nm.page == 0 || f[i].nm.page != last)
			e->npages++;
		last = f[i].nm.page;
	}
	if (kind == LIBRARY_DATED)
		e->npages = 0;
	e->year = f[0].nm.year;
	e->month = f[0].nm.month;
	e->day = f[0].nm.day;
	sc->found++;
	return e;
}

/* Crawler files F[0..N), sorted: an issue per date. */
static size_t
library_scan_crawler(struct library_scan *sc,
    const struct library_scan_frame *fr, const struct library_scan_file *f,
    size_t n)
{
	struct library_issue	*e;
	size_t			 i, j;

	for (i = 0; i < n && f[i].nm.kind == LOADER_NAME_CRAWLER; i = j) {
		for (j = i + 1; j < n && f[j].nm.kind == LOADER_NAME_CRAWLER &&
		    f[j].nm.year == f[i].nm.year &&
		    f[j].nm.month == f[i].nm.month &&
		    f[j].nm.day == f[i].nm.day; j++)
			;
		e = library_scan_entry(sc, LIBRARY_CRAWLER, fr, f + i, j - i,
		    fr->paper);
		/* An estimate until parsed: advertisements are files too. */
		e->narts = (long)(j - i);
	}
	return i;
}

/* Page files F[0..N), sorted: an issue per paper code, else one. */
static void
library_scan_pages(struct library_scan *sc,
    const struct library_scan_frame *fr, struct library_scan_file *f,
    size_t n)
{
	struct library_issue	*e;
	size_t			 i, j;
	int			 y, m, d;
	bool			 dated;

	dated = loader_name_date_path(fr->path, &y, &m, &d);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && (f[j].paper == NULL) ==
		    (f[i].paper == NULL) && (f[i].paper == NULL ||
		    strcmp(f[j].paper, f[i].paper) == 0); j++)
			;
		e = library_scan_entry(sc, LIBRARY_PAGES, fr, f + i, j - i,
		    f[i].paper != NULL ? f[i].paper : fr->paper);
		if (dated) {
			e->year = y;
			e->month = m;
			e->day = d;
		}
	}
}

/* Turn the text files of the folder of frame FR into catalogue entries. */
static void
library_scan_files(struct library_scan *sc,
    const struct library_scan_frame *fr)
{
	const struct library_memo_list	*ls = &fr->ls;
	struct library_scan_file	*f;
	size_t				 i, n = 0, k;
	int				 page;

	f = xcalloc(ls->n + 1, sizeof *f);
	for (i = 0; i < ls->n; i++) {
		if (ls->v[i].type != LIBRARY_MEMO_FILE)
			continue;
		f[n].name = ls->v[i].name;
		loader_name_classify(f[n].name, &f[n].nm);
		if (f[n].nm.kind == LOADER_NAME_PAGE)
			loader_name_lccn(f[n].name, &f[n].paper, &page);
		n++;
	}
	qsort(f, n, sizeof *f, library_scan_cmp_file);
	k = library_scan_crawler(sc, fr, f, n);
	for (; k < n && f[k].nm.kind == LOADER_NAME_DATED; k++)
		library_scan_entry(sc, LIBRARY_DATED, fr, f + k, 1, fr->paper);
	if (k < n)
		library_scan_pages(sc, fr, f + k, n - k);
	for (i = 0; i < n; i++)
		free(f[i].paper);
	free(f);
}

/* ------------------------------------------------------------------ */
/* The walk. */

/* A paper's name from folder name NAME, sanitised, or NULL. */
static char *
library_scan_paper(const char *path)
{
	const char	*b = loader_name_base(path);
	size_t		 n = loader_name_base_len(path);

	if (!loader_name_paper(b, n))
		return NULL;
	return text_sanitize(b, n, NULL, NULL);
}

/*
 * Is folder name NAME[0..N) a date or a part of one (2019, 02,
 * 2019年2月, 20190201, 2019-02-01): digits, with only separators and
 * 年月日号 besides?
 */
static bool
library_scan_dateish(const char *name, size_t n)
{
	static const char *const marks[] = { "年", "月", "日", "号" };
	size_t	i = 0, k;
	bool	digit = false;

	while (i < n) {
		if (name[i] >= '0' && name[i] <= '9') {
			digit = true;
			i++;
			continue;
		}
		if (strchr("-_. ", name[i]) != NULL && name[i] != '\0') {
			i++;
			continue;
		}
		for (k = 0; k < sizeof marks / sizeof marks[0]; k++)
			if (n - i >= 3 && memcmp(name + i, marks[k], 3) == 0)
				break;
		if (k == sizeof marks / sizeof marks[0])
			return false;
		i += 3;
	}
	return digit;
}

/* The label folder PATH gives, sanitised, or NULL (a date, "." or ""). */
static char *
library_scan_label(const char *path)
{
	const char	*b = loader_name_base(path);
	size_t		 n = loader_name_base_len(path);

	if (n == 0 || (b[0] == '.' && (n == 1 || (n == 2 && b[1] == '.'))) ||
	    library_scan_dateish(b, n))
		return NULL;
	return text_sanitize(b, n, NULL, NULL);
}

static void library_scan_push(struct library_scan *, char *path,
    const struct stat *st, const char *paper, const char *label);

/* Enter subfolder PATH (owned) of the folder on top of the stack. */
static void
library_scan_sub(struct library_scan *sc, char *path)
{
	struct library_scan_frame	*up = &sc->stack[sc->depth - 1];
	struct stat			 st;

	if (stat(path, &st) != 0) {
		library_scan_warn(sc, path, errno);
		free(path);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		free(path);
		return;
	}
	if (library_scan_on_stack(sc, &st)) {
		library_scan_warn(sc, path, ELOOP);
		free(path);
		return;
	}
	if (library_scan_seen(sc, &st)) {
		free(path);
		return;
	}
	if (sc->depth > LIBRARY_SCAN_MAX_DEPTH) {
		diag_add(&sc->lib->diags, DIAG_WARNING, path, 0, 0, "%s",
		    _("folders nested too deep, not searched"));
		free(path);
		return;
	}
	library_scan_push(sc, path, &st, up->paper, up->label);
}

/*
 * Read folder PATH (owned; ST its stat), catalogue its files and put it
 * on top of the stack; its paper and label are its own when its name
 * gives them, else PAPER and LABEL (those of the folder it is in; NULL
 * when none).
 */
static void
library_scan_push(struct library_scan *sc, char *path, const struct stat *st,
    const char *paper, const char *label)
{
	struct library_scan_frame	*f;
	struct timespec			 ts;

	if (sc->delay > 0) {
		ts.tv_sec = sc->delay / 1000;
		ts.tv_nsec = sc->delay % 1000 * 1000000L;
		nanosleep(&ts, NULL);
	}
	sc->folders++;
	sc->stack = util_grow(sc->stack, &sc->stackcap, sc->depth + 1,
	    sizeof *sc->stack);
	f = &sc->stack[sc->depth];
	memset(f, 0, sizeof *f);
	if (!library_memo_get(sc->memo, path, st, &f->ls)) {
		if (library_scan_read(sc, path, &f->ls) != 0) {
			library_scan_warn(sc, path, errno);
			library_memo_list_clear(&f->ls);
			free(path);
			return;
		}
		library_memo_put(sc->memo, path, st, &f->ls);
	}
	f->path = path;
	f->id.dev = st->st_dev;
	f->id.ino = st->st_ino;
	if ((f->paper = library_scan_paper(path)) == NULL && paper != NULL)
		f->paper = xstrdup(paper);
	if ((f->label = library_scan_label(path)) == NULL && label != NULL)
		f->label = xstrdup(label);
	sc->depth++;
	library_scan_files(sc, f);
}

static void
library_scan_pop(struct library_scan *sc)
{
	struct library_scan_frame	*f = &sc->stack[--sc->depth];

	library_memo_list_clear(&f->ls);
	free(f->path);
	free(f->paper);
	free(f->label);
}

/* One step: enter the next subfolder of the top folder, or leave it. */
static void
library_scan_next(struct library_scan *sc)
{
	struct library_scan_frame	*f = &sc->stack[sc->depth - 1];
	const struct library_memo_item	*it;

	while (f->next < f->ls.n && f->ls.v[f->next].type != LIBRARY_MEMO_DIR)
		f->next++;
	if (f->next == f->ls.n) {
		library_scan_pop(sc);
		return;
	}
	it = &f->ls.v[f->next++];
	library_scan_sub(sc, library_scan_join(f->path, it->name));
}

/*
 * The nearest folder name that is not a date from PATH up (its real
 * path, so that "." has a name), or NULL; likewise the paper named above
 * PATH in *PAPER, looking at the path as given.
 */
static char *
library_scan_above(const char *path, char **paper)
{
	char	*dir, *label = NULL;
	size_t	 n;

	*paper = NULL;
	dir = realpath(path, NULL);
	while (dir != NULL && label == NULL && strcmp(dir, "/") != 0) {
		label = library_scan_label(dir);
		n = (size_t)(loader_name_base(dir) - dir);
		dir[n > 1 ? n - 1 : 1] = '\0';
		if (n <= 1 && label == NULL)
			break;
	}
	free(dir);
	dir = xstrdup(path);
	for (;;) {
		n = strlen(dir);
		while (n > 1 && dir[n - 1] == '/')
			dir[--n] = '\0';
		n = loader_name_base(dir) - dir;
		/* Up one folder, until the root or the start of PATH. */
		if (n <= 1 || n >= strlen(dir))
			break;
		dir[n - 1] = '\0';
		if (strcmp(loader_name_base(dir), "..") == 0 ||
		    strcmp(loader_name_base(dir), ".") == 0)
			break;
		if ((*paper = library_scan_paper(dir)) != NULL)
			break;
	}
	free(dir);
	return label;
}

struct library_scan *
library_scan_open(struct library *lib, const char *path, unsigned seq,
    char **cause)
{
	struct library_scan	*sc;
	struct stat		 st;
	const char		*delay = getenv("DUBAO_TEST_SCAN_DELAY_MS");
	char			*paper, *label;

	*cause = NULL;
	if (stat(path, &st) != 0 || access(path, R_OK | X_OK) != 0) {
		*cause = xstrdup(errno == ENOENT ?
		    _("no such file or directory") :
		    library_scan_reason(errno));
		return NULL;
	}
	sc = xcalloc(1, sizeof *sc);
	sc->lib = lib;
	sc->root = xstrdup(path);
	sc->seq = seq;
	sc->delay = delay != NULL ? strtol(delay, NULL, 10) : 0;
	if (sc->delay < 0 || sc->delay > LIBRARY_SCAN_DELAY_MAX)
		sc->delay = 0;
	sc->memo = library_memo_open(lib->cache_dir, path);
	library_scan_seen(sc, &st);
	label = library_scan_above(path, &paper);
	library_scan_push(sc, xstrdup(path), &st, paper, label);
	free(paper);
	free(label);
	return sc;
}

bool
library_scan_step(struct library_scan *sc, long ms)
{
	struct timespec	t0, now;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (sc->depth > 0 && !sc->stopped) {
		library_scan_next(sc);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - t0.tv_sec) * 1000L + (now.tv_nsec -
		    t0.tv_nsec) / 1000000L >= ms)
			break;
	}
	return sc->depth > 0 && !sc->stopped;
}

void
library_scan_count(const struct library_scan *sc, size_t *folders,
    size_t *issues)
{
	*folders = sc->folders;
	*issues = sc->found;
}

const char *
library_scan_root(const struct library_scan *sc)
{
	return sc->root;
}

void
library_scan_stop(struct library_scan *sc)
{
	if (sc->depth > 0)
		sc->stopped = true;
}

long
library_scan_close(struct library_scan *sc, char **cause)
{
	long	found = (long)sc->found;

	*cause = NULL;
	if (sc->stopped)
		sc->lib->stopped = true;
	library_memo_close(sc->memo, !sc->stopped && sc->depth == 0);
	while (sc->depth > 0)
		library_scan_pop(sc);
	if (found == 0)
		*cause = xstrdup(sc->stopped ? _("stopped before any issue "
		    "was found") : _("no text files in this folder"));
	free(sc->stack);
	free(sc->seen);
	free(sc->root);
	free(sc);
	return found > 0 ? found : -1;
}
