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
 */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "util.h"

/* The cache's bounds: parsed issues kept, and the bytes of their files. */
#define LIBRARY_CACHE_ISSUES	8
#define LIBRARY_CACHE_BYTES	((size_t)32 << 20)

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
	for (i = 0; i < lib->n; i++)
		library_entry_free(lib->v[i]);
	free(lib->v);
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
	return e;
}

void
library_add_issue(struct library *lib, struct issue *is)
{
	struct library_issue	*e = library_append(lib);

	e->kind = LIBRARY_MEMORY;
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
	e->dir = xstrdup(path);
	e->files = xcalloc(1, sizeof *e->files);
	e->files[0].name = xstrdup(loader_name_base(path));
	e->files[0].size = -1;
	e->nfiles = 1;
	e->paper = is->title != NULL ? xstrdup(is->title) : NULL;
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

int
library_add_path(struct library *lib, const char *path,
    library_progress_cb progress, void *arg, char **cause)
{
	struct stat	st;

	*cause = NULL;
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return library_scan(lib, path, progress, arg, cause) < 0 ?
		    -1 : 0;
	return library_add_file(lib, path, cause);
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

/* Does entry E carry the key of POS? */
static bool
library_same_key(const struct library_issue *e, const struct position *pos)
{
	struct position	k;

	position_set_paper(&k, e->paper);
	return e->year == pos->year && e->month == pos->month &&
	    e->day == pos->day && strcmp(k.paper, pos->paper) == 0;
}

size_t
library_find(const struct library *lib, const struct position *pos)
{
	size_t	i;

	for (i = 0; i < lib->n; i++)
		if (library_same_key(lib->v[i], pos))
			return i;
	return SIZE_MAX;
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
	size_t				 k, best = SIZE_MAX;
	long				 d = library_day(e), cd, bd = 0;

	/* The nearest date after (before) this one; ties by order. */
	for (k = 0; k < lib->n; k++) {
		c = lib->v[k];
		if (k == i || !library_same_paper(c, e))
			continue;
		cd = library_day(c);
		if (dir > 0 ? (cd < d || (cd == d && k < i)) :
		    (cd > d || (cd == d && k > i)))
			continue;
		if (best == SIZE_MAX || (dir > 0 ? cd < bd || (cd == bd &&
		    k < best) : cd > bd || (cd == bd && k > best))) {
			best = k;
			bd = cd;
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
