/*
 * library.h -- the library: a catalogue of issues found from folder and
 * file names alone (paper, date, where the files are), and a bounded
 * cache of parsed issues. An issue is parsed when it is opened, dumped
 * or searched, never before; at most LIBRARY_CACHE_ISSUES parsed issues
 * (and LIBRARY_CACHE_BYTES of their files) stay in memory, besides the
 * pinned ones. No curses, no printing: problems are diagnostics.
 *
 * Order: the issues of each path added, sorted by date (unknown last),
 * then paper, then folder; paths in the order they were added.
 */
#ifndef DUBAO_LIBRARY_H
#define DUBAO_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "loader.h"
#include "model.h"

/* How an issue lies on disk. */
enum library_kind {
	LIBRARY_CRAWLER,	/* crawler articles of one date in one folder */
	LIBRARY_DATED,		/* one file named by its date */
	LIBRARY_PAGES,		/* the page files of an issue folder */
	LIBRARY_FILE,		/* one file given by its path */
	LIBRARY_MEMORY		/* parsed already (standard input, tests) */
};

struct library_file {
	char		*name;	/* entry name in the issue's folder */
	long long	 size;	/* bytes; -1 until known */
	long long	 mtime;	/* modification time in nanoseconds since
				   the epoch; 0 until known */
};

/* One issue of the catalogue. */
struct library_issue {
	char			*paper;	/* paper key from the names, or NULL */
	int			 year, month, day;	/* 0 when unknown */
	enum library_kind	 kind;
	char			*dir;	/* its folder; a FILE's own path */
	struct library_file	*files;	/* in reading order */
	size_t			 nfiles;
	char			*names;	/* when set, the files' names are in
					   this one block */
	int			 npages;	/* 版: from the names, exact
						   once parsed; 0 unknown */
	long			 narts;		/* articles: exact once parsed;
						   -1 unknown */

	/* The cache (library.c). */
	struct issue		*parsed;	/* or NULL */
	unsigned		 pins;
	unsigned long long	 used;		/* clock of the last use */
	size_t			 cost;		/* bytes charged to the cache */
};

struct library {
	struct loader_opts	 opts;
	struct library_issue	**v;
	size_t			 n, cap;
	struct diag_list	 diags;		/* the scan's problems */
	bool			 stopped;	/* a scan was stopped */
	char			*cache_dir;	/* catalogue cache, or NULL */

	size_t			 cached;	/* issues parsed, unpinned */
	size_t			 cached_bytes;
	size_t			 max_issues, max_bytes;
	unsigned long long	 clock;
};

/*
 * Progress of a scan: folders read and issues found so far. Called at
 * most every LIBRARY_PROGRESS_MS; return true to stop the scan.
 */
typedef bool (*library_progress_cb)(void *arg, size_t folders,
    size_t issues);

/*
 * A new, empty library reading files with OPTS (copied; the encoding
 * string is borrowed). The catalogue cache goes under
 * $XDG_CACHE_HOME/dubao/ (else ~/.cache/dubao/) when it can.
 */
struct library	*library_new(const struct loader_opts *opts);
void		 library_free(struct library *);

/* Keep at most ISSUES parsed issues and BYTES of their files (tests). */
void		 library_set_cache_size(struct library *, size_t issues,
		    size_t bytes);
/* Where the catalogue cache lives; NULL turns it off (tests). */
void		 library_set_cache_dir(struct library *, const char *dir);

/*
 * Add what PATH holds: "-" (standard input, parsed now), a file (parsed
 * now, so that a bad file is reported at once) or a folder (scanned:
 * issues found from names, parsed later). PROGRESS (may be NULL) is
 * called during a long scan; when it stops the scan, what was found is
 * kept and lib->stopped is set. Returns 0, or -1 with a translated
 * *CAUSE (caller frees) when PATH cannot be read or holds no issue.
 */
int		 library_add_path(struct library *, const char *path,
		    library_progress_cb progress, void *arg, char **cause);

/* Add a parsed issue (takes ownership); it stays in memory. */
void		 library_add_issue(struct library *, struct issue *is);

size_t		 library_count(const struct library *);
/* The catalogue entry of issue I (borrowed). */
const struct library_issue *library_entry(const struct library *, size_t i);

/*
 * Issue I parsed (from the cache, or parsed now). Never NULL: an issue
 * whose files cannot be read is an issue without pages whose diags say
 * why. The pointer is valid until the cache drops the issue: while it is
 * pinned, or until LIBRARY_CACHE_ISSUES other issues have been got.
 */
const struct issue *library_get(struct library *, size_t i);

/*
 * Fill in the sizes and times of issue I's files as they are now (a
 * stat() each; the search index compares them with what it holds).
 */
void		 library_stat(struct library *, size_t i);

/* Keep issue I in memory until as many library_unpin() calls. */
void		 library_pin(struct library *, size_t i);
void		 library_unpin(struct library *, size_t i);
/* Drop issue I from the cache now, unless it is pinned. */
void		 library_release(struct library *, size_t i);

/*
 * The stable position of article ART of page PAGE of issue I (parsed):
 * the issue's key from the catalogue, the article's identity.
 */
void		 library_position(struct library *, size_t i, size_t page,
		    size_t art, struct position *pos);

/* The issue a position names, or SIZE_MAX. */
size_t		 library_find(const struct library *,
		    const struct position *pos);

/*
 * The next issue of the same paper as issue I in date order (DIR 1) or
 * the previous one (DIR -1), or SIZE_MAX when there is none.
 */
size_t		 library_step(const struct library *, size_t i, int dir);

/* "2021-12-07" of issue I into BUF (16 bytes), "" when unknown. */
void		 library_date_str(const struct library *, size_t i,
		    char *buf);

/* ------------------------------------------------------------------ */
/* library-scan.c: folders to catalogue entries. */

/*
 * Scan folder PATH into LIB (library_add_path() calls it). Returns the
 * number of issues added, or -1 with *CAUSE when PATH cannot be read.
 */
long		 library_scan(struct library *, const char *path,
		    library_progress_cb progress, void *arg, char **cause);

/* Append a new empty catalogue entry to LIB and return it. */
struct library_issue *library_append(struct library *);

#endif /* DUBAO_LIBRARY_H */
