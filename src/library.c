/*
 * library.c -- the catalogue of issues and the cache of parsed ones.
 *
 * The catalogue is an array of entries (struct library_issue) that
 * library-scan.c fills from folder and file names. library_get() parses
 * an entry on first use through the loader and keeps the tree; when more
 * than max_issues unpinned trees (or max_bytes of their files) are kept,
 * the least recently used is freed. Pinned trees (the issue on screen)
 * are never freed, and do not count against the bounds.
 *
 * An entry's counts (版, articles) come from the names at first and are
 * made exact by the parse; file sizes and times likewise are filled in
 * when the issue is parsed (the scan reads names only, as find does).
 *
 * Walks left for later (library_add_path_later()) wait in lib->walks,
 * first come first walked; library_more() runs them for the time it is
 * given. Archive order is a permutation kept beside the entries, made
 * again when it is asked for after the catalogue changed.
 */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "text.h"
#include "util.h"

/* The cache's bounds: parsed issues kept, and the bytes of their files. */
#define LIBRARY_CACHE_ISSUES	8
#define LIBRARY_CACHE_BYTES	((size_t)32 << 20)
/* library_add_path() calls its progress callback this often. */
#define LIBRARY_PROGRESS_MS	100

/* Archive order: the entries' indexes in it, and each entry's place. */
struct library_order {
	size_t	*nth, *rank;
	size_t	 n, cap;
	bool	 valid;
};

struct library *
library_new(const struct loader_opts *opts)
{
	struct library	*lib;
	const char	*x, *h;

	lib = xcalloc(1, sizeof *lib);
	if (opts != NULL)
		lib->opts = *opts;
	diag_list_init(&lib->diags);
	lib->max_issues = LIBRARY_CACHE_ISSUES;
	lib->max_bytes = LIBRARY_CACHE_BYTES;
	lib->order = xcalloc(1, sizeof *lib->order);
	x = getenv("XDG_CACHE_HOME");
	h = getenv("HOME");
	if (x != NULL && x[0] == '/')
		lib->cache_dir = xasprintf("%s/dubao", x);
	else if (h != NULL && h[0] == '/')
		lib->cache_dir = xasprintf("%s/.cache/dubao", h);
	return lib;
}

static void
library_entry_free(struct library_issue *e)
{
	size_t	i;

	if (e->names == NULL)
		for (i = 0; i < e->nfiles; i++)
			free(e->files[i].name);
	free(e->names);
	free(e->files);
	free(e->paper);
	free(e->label);
	free(e->title);
	free(e->dir);
	issue_free(e->parsed);
	free(e);
}

void
library_free(struct library *lib)
{
	size_t	i;

	if (lib == NULL)
		return;
	library_stop(lib);
	free(lib->walks);
	for (i = 0; i < lib->n; i++)
		library_entry_free(lib->v[i]);
	free(lib->v);
	free(lib->order->nth);
	free(lib->order->rank);
	free(lib->order);
	diag_list_clear(&lib->diags);
	free(lib->cache_dir);
	free(lib);
}

void
library_set_cache_size(struct library *lib, size_t issues, size_t bytes)
{
	lib->max_issues = issues > 0 ? issues : 1;
	lib->max_bytes = bytes;
}

void
library_set_cache_dir(struct library *lib, const char *dir)
{
	free(lib->cache_dir);
	lib->cache_dir = dir != NULL ? xstrdup(dir) : NULL;
}

struct library_issue *
library_append(struct library *lib)
{
	struct library_issue	*e;

	lib->v = util_grow(lib->v, &lib->cap, lib->n + 1, sizeof *lib->v);
	e = xcalloc(1, sizeof *e);
	e->narts = -1;
	lib->v[lib->n++] = e;
	lib->order->valid = false;
	return e;
}

void
library_add_issue(struct library *lib, struct issue *is)
{
	struct library_issue	*e = library_append(lib);

	e->kind = LIBRARY_MEMORY;
	e->seq = lib->npaths++;
	e->paper = is->title != NULL ? xstrdup(is->title) : NULL;
	e->year = is->year;
	e->month = is->month;
	e->day = is->day;
	e->dir = xstrdup(is->nsources > 0 ? is->sources[0] : "-");
	e->npages = (int)is->npages;
	e->narts = (long)issue_narticles(is);
	e->parsed = is;
}

/* A file given by its path: parsed now, so a bad file is told at once. */
static int
library_add_file(struct library *lib, const char *path, char **cause)
{
	struct library_issue	*e;
	struct issue		*is;

	if (loader_load_file(path, &lib->opts, &is, cause) != 0)
		return -1;
	if (strcmp(path, "-") == 0) {
		library_add_issue(lib, is);
		return 0;
	}
	e = library_append(lib);
	e->kind = LIBRARY_FILE;
	e->seq = lib->npaths++;
	e->dir = xstrdup(path);
	e->files = xcalloc(1, sizeof *e->files);
	e->files[0].name = xstrdup(loader_name_base(path));
	e->files[0].size = -1;
	e->nfiles = 1;
	e->paper = is->title != NULL ? xstrdup(is->title) : NULL;
	e->label = text_sanitize(loader_name_base(path),
	    loader_name_base_len(path), NULL, NULL);
	e->year = is->year;
	e->month = is->month;
	e->day = is->day;
	/* Into the cache like any parse. */
	e->parsed = is;
	e->npages = (int)is->npages;
	e->narts = (long)issue_narticles(is);
	e->used = ++lib->clock;
	lib->cached++;
	return 0;
}

/* Issues by path, then date (unknown dates last), paper, folder. */
static int
library_cmp(const struct library_issue *a, const struct library_issue *b)
{
	long	ka, kb;
	int	c;

	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	ka = a->year > 0 ? a->year * 10000L + a->month * 100 + a->day :
	    99999999L;
	kb = b->year > 0 ? b->year * 10000L + b->month * 100 + b->day :
	    99999999L;
	if (ka != kb)
		return ka < kb ? -1 : 1;
	c = strcmp(a->paper != NULL ? a->paper : "", b->paper != NULL ?
	    b->paper : "");
	if (c != 0)
		return c;
	if ((c = strcmp(a->dir, b->dir)) != 0)
		return c;
	return strcmp(a->nfiles > 0 ? a->files[0].name : "",
	    b->nfiles > 0 ? b->files[0].name : "");
}

static int
library_cmp_entry(const void *va, const void *vb)
{
	return library_cmp(*(struct library_issue *const *)va,
	    *(struct library_issue *const *)vb);
}

static bool
library_is_dir(const char *path)
{
	struct stat	st;

	return strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode);
}

int
library_add_path(struct library *lib, const char *path,
    library_progress_cb progress, void *arg, char **cause)
{
	struct library_scan	*sc;
	size_t			 first = lib->n, folders, issues;
	long			 n;

	*cause = NULL;
	if (!library_is_dir(path))
		return library_add_file(lib, path, cause);
	if ((sc = library_scan_open(lib, path, lib->npaths++, cause)) == NULL)
		return -1;
	while (library_scan_step(sc, LIBRARY_PROGRESS_MS)) {
		library_scan_count(sc, &folders, &issues);
		if (progress != NULL && progress(arg, folders, issues))
			library_scan_stop(sc);
	}
	n = library_scan_close(sc, cause);
	/* Nobody holds these numbers yet: into archive order. */
	if (lib->n - first > 1)
		qsort(lib->v + first, lib->n - first, sizeof *lib->v,
		    library_cmp_entry);
	lib->order->valid = false;
	return n < 0 ? -1 : 0;
}

int
library_add_path_later(struct library *lib, const char *path, char **cause)
{
	struct library_scan	*sc;

	*cause = NULL;
	if (!library_is_dir(path))
		return library_add_file(lib, path, cause);
	if ((sc = library_scan_open(lib, path, lib->npaths++, cause)) == NULL)
		return -1;
	lib->walks = util_grow(lib->walks, &lib->walkcap, lib->nwalks + 1,
	    sizeof *lib->walks);
	lib->walks[lib->nwalks++] = sc;
	return 0;
}

/* The first walk left is over: close it, and say when it found none. */
static void
library_walk_end(struct library *lib)
{
	struct library_scan	*sc = lib->walks[0];
	char			*root = xstrdup(library_scan_root(sc)), *cause;

	if (library_scan_close(sc, &cause) < 0)
		diag_add(&lib->diags, DIAG_ERROR, root, 0, 0, "%s", cause);
	free(cause);
	free(root);
	memmove(lib->walks, lib->walks + 1, --lib->nwalks *
	    sizeof *lib->walks);
}

static long
library_ms_since(const struct timespec *t)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000L +
	    (now.tv_nsec - t->tv_nsec) / 1000000L;
}

bool
library_more(struct library *lib, long ms)
{
	struct timespec	t0;
	long		left = ms;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (lib->nwalks > 0) {
		if (library_scan_step(lib->walks[0], left))
			return true;
		library_walk_end(lib);
		if ((left = ms - library_ms_since(&t0)) <= 0)
			break;
	}
	return lib->nwalks > 0;
}

bool
library_busy(const struct library *lib, struct library_progress *p)
{
	size_t	i, f, k;

	memset(p, 0, sizeof *p);
	if (lib->nwalks == 0)
		return false;
	p->path = library_scan_root(lib->walks[0]);
	for (i = 0; i < lib->nwalks; i++) {
		library_scan_count(lib->walks[i], &f, &k);
		p->folders += f;
		p->issues += k;
	}
	return true;
}

void
library_stop(struct library *lib)
{
	while (lib->nwalks > 0) {
		library_scan_stop(lib->walks[0]);
		library_walk_end(lib);
	}
}

size_t
library_count(const struct library *lib)
{
	return lib->n;
}

const struct library_issue *
library_entry(const struct library *lib, size_t i)
{
	return i < lib->n ? lib->v[i] : NULL;
}

/* Sizes and times of the files of E, as they are now. */
static void
library_stat_files(struct library_issue *e)
{
	struct stat	 st;
	char		*p;
	size_t		 i;

	for (i = 0; i < e->nfiles; i++) {
		p = e->kind == LIBRARY_FILE ? xstrdup(e->dir) :
		    xasprintf("%s/%s", e->dir, e->files[i].name);
		if (stat(p, &st) == 0) {
			e->files[i].size = (long long)st.st_size;
			e->files[i].mtime = (long long)st.st_mtim.tv_sec *
			    1000000000LL + st.st_mtim.tv_nsec;
		} else
			e->files[i].size = -1;
		free(p);
	}
}

void
library_stat(struct library *lib, size_t i)
{
	if (i < lib->n && lib->v[i]->kind != LIBRARY_MEMORY)
		library_stat_files(lib->v[i]);
}

/* Parse entry E through the loader. */
static struct issue *
library_parse(struct library *lib, struct library_issue *e)
{
	struct loader_issue_spec spec;
	struct issue		*is;
	const char		**names;
	char			*cause;
	size_t			 i;

	if (e->kind == LIBRARY_FILE) {
		if (loader_load_file(e->dir, &lib->opts, &is, &cause) == 0)
			return is;
		is = issue_new();
		issue_take_source(is, xstrdup(e->dir));
		diag_add(&is->diags, DIAG_ERROR, e->dir, 0, 0, "%s", cause);
		free(cause);
		return is;
	}
	names = xcalloc(e->nfiles + 1, sizeof *names);
	for (i = 0; i < e->nfiles; i++)
		names[i] = e->files[i].name;
	memset(&spec, 0, sizeof spec);
	spec.kind = e->kind == LIBRARY_CRAWLER ? LOADER_ISSUE_CRAWLER :
	    e->kind == LIBRARY_DATED ? LOADER_ISSUE_DATED :
	    LOADER_ISSUE_PAGES;
	spec.dir = e->dir;
	spec.files = names;
	spec.nfiles = e->nfiles;
	spec.year = e->year;
	spec.month = e->month;
	spec.day = e->day;
	spec.paper = e->paper;
	if (loader_load_issue(&spec, &lib->opts, &is, &cause) != 0) {
		if (is->diags.n == 0)
			diag_add(&is->diags, DIAG_ERROR, e->dir, 0, 0, "%s",
			    cause);
		free(cause);
	}
	free(names);
	return is;
}

/* Free parsed trees, least recently used first, until within bounds. */
static void
library_trim(struct library *lib, size_t keep)
{
	struct library_issue	*e, *old;
	size_t			 i;

	while (lib->cached > lib->max_issues ||
	    (lib->cached > 1 && lib->cached_bytes > lib->max_bytes)) {
		old = NULL;
		for (i = 0; i < lib->n; i++) {
			e = lib->v[i];
			if (e->parsed == NULL || e->pins > 0 || i == keep ||
			    e->kind == LIBRARY_MEMORY)
				continue;
			if (old == NULL || e->used < old->used)
				old = e;
		}
		if (old == NULL)
			return;
		issue_free(old->parsed);
		old->parsed = NULL;
		lib->cached--;
		lib->cached_bytes -= old->cost;
		old->cost = 0;
	}
}

/* What a parsed issue is charged: the bytes of its files. */
static size_t
library_cost(const struct library_issue *e)
{
	size_t	i, n = 0;

	for (i = 0; i < e->nfiles; i++)
		if (e->files[i].size > 0)
			n += (size_t)e->files[i].size;
	return n;
}

const struct issue *
library_get(struct library *lib, size_t i)
{
	struct library_issue	*e = lib->v[i];

	e->used = ++lib->clock;
	if (e->parsed != NULL)
		return e->parsed;
	library_stat_files(e);
	e->parsed = library_parse(lib, e);
	if (e->title == NULL && e->parsed->title != NULL)
		e->title = xstrdup(e->parsed->title);
	e->npages = (int)e->parsed->npages;
	e->narts = (long)issue_narticles(e->parsed);
	e->cost = library_cost(e);
	if (e->pins == 0) {
		lib->cached++;
		lib->cached_bytes += e->cost;
	}
	library_trim(lib, i);
	return e->parsed;
}

void
library_pin(struct library *lib, size_t i)
{
	struct library_issue	*e = lib->v[i];

	library_get(lib, i);
	if (e->pins++ == 0 && e->kind != LIBRARY_MEMORY) {
		lib->cached--;
		lib->cached_bytes -= e->cost;
	}
}

void
library_unpin(struct library *lib, size_t i)
{
	struct library_issue	*e = lib->v[i];

	if (e->pins == 0 || --e->pins > 0)
		return;
	if (e->parsed != NULL && e->kind != LIBRARY_MEMORY) {
		lib->cached++;
		lib->cached_bytes += e->cost;
		library_trim(lib, SIZE_MAX);
	}
}

void
library_release(struct library *lib, size_t i)
{
	struct library_issue	*e = lib->v[i];

	if (e->parsed == NULL || e->pins > 0 || e->kind == LIBRARY_MEMORY)
		return;
	issue_free(e->parsed);
	e->parsed = NULL;
	lib->cached--;
	lib->cached_bytes -= e->cost;
	e->cost = 0;
}

void
library_position(struct library *lib, size_t i, size_t page, size_t art,
    struct position *pos)
{
	const struct library_issue	*e = lib->v[i];

	memset(pos, 0, sizeof *pos);
	position_set_paper(pos, e->paper);
	pos->year = e->year;
	pos->month = e->month;
	pos->day = e->day;
	position_set_article(pos, library_get(lib, i), page, art);
}

bool
library_matches(const struct library *lib, size_t i,
    const struct position *pos)
{
	const struct library_issue	*e = lib->v[i];
	struct position			 k;

	if (e->year != pos->year || e->month != pos->month ||
	    e->day != pos->day)
		return false;
	position_set_paper(&k, e->paper);
	return strcmp(k.paper, pos->paper) == 0;
}

size_t
library_find(const struct library *lib, const struct position *pos)
{
	size_t	i;

	for (i = 0; i < lib->n; i++)
		if (library_matches(lib, i, pos))
			return i;
	return SIZE_MAX;
}

/* The entries of LIB, for qsort_r-less sorting of indexes. */
static struct library_issue *const *library_sorting;

static int
library_cmp_index(const void *va, const void *vb)
{
	size_t	a = *(const size_t *)va, b = *(const size_t *)vb;
	int	c = library_cmp(library_sorting[a], library_sorting[b]);

	return c != 0 ? c : a < b ? -1 : a > b;
}

/* Make archive order again if the catalogue changed since. */
static void
library_order_make(const struct library *lib)
{
	struct library_order	*o = lib->order;
	size_t			 i;

	if (o->valid && o->n == lib->n)
		return;
	if (lib->n > o->cap) {
		o->cap = lib->n * 2;
		o->nth = xreallocarray(o->nth, o->cap, sizeof *o->nth);
		o->rank = xreallocarray(o->rank, o->cap, sizeof *o->rank);
	}
	for (i = 0; i < lib->n; i++)
		o->nth[i] = i;
	library_sorting = lib->v;
	qsort(o->nth, lib->n, sizeof *o->nth, library_cmp_index);
	library_sorting = NULL;
	for (i = 0; i < lib->n; i++)
		o->rank[o->nth[i]] = i;
	o->n = lib->n;
	o->valid = true;
}

size_t
library_nth(const struct library *lib, size_t k)
{
	library_order_make(lib);
	return k < lib->n ? lib->order->nth[k] : SIZE_MAX;
}

size_t
library_rank(const struct library *lib, size_t i)
{
	library_order_make(lib);
	return i < lib->n ? lib->order->rank[i] : SIZE_MAX;
}

const char *
library_paper_name(const struct library *lib, size_t i)
{
	const struct library_issue	*e = lib->v[i];

	if (e->title != NULL)
		return e->title;
	if (e->paper != NULL)
		return e->paper;
	return e->label != NULL ? e->label : "-";
}

static bool
library_same_paper(const struct library_issue *a,
    const struct library_issue *b)
{
	if (a->paper == NULL || b->paper == NULL)
		return a->paper == b->paper;
	return strcmp(a->paper, b->paper) == 0;
}

static long
library_day(const struct library_issue *e)
{
	return e->year > 0 ? e->year * 10000L + e->month * 100 + e->day : 0;
}

size_t
library_step(const struct library *lib, size_t i, int dir)
{
	const struct library_issue	*e = lib->v[i], *c;
	size_t				 k, r, ri, best = SIZE_MAX, br = 0;
	long				 d = library_day(e), cd, bd = 0;

	/* The nearest date after (before) this one; ties by archive order. */
	ri = library_rank(lib, i);
	for (k = 0; k < lib->n; k++) {
		c = lib->v[k];
		if (k == i || !library_same_paper(c, e))
			continue;
		cd = library_day(c);
		r = lib->order->rank[k];
		if (dir > 0 ? (cd < d || (cd == d && r < ri)) :
		    (cd > d || (cd == d && r > ri)))
			continue;
		if (best == SIZE_MAX || (dir > 0 ? cd < bd || (cd == bd &&
		    r < br) : cd > bd || (cd == bd && r > br))) {
			best = k;
			bd = cd;
			br = r;
		}
	}
	return best;
}

void
library_date_str(const struct library *lib, size_t i, char *buf)
{
	const struct library_issue	*e = lib->v[i];

	if (e->year == 0)
		buf[0] = '\0';
	else
		snprintf(buf, 16, "%04d-%02d-%02d", e->year % 10000,
		    e->month % 100, e->day % 100);
}
