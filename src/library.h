/*
 * library.h -- the library: a catalogue of issues found from folder and
 * file names alone (paper, date, where the files are), and a bounded
 * cache of parsed issues. An issue is parsed when it is opened, dumped
 * or searched, never before; at most LIBRARY_CACHE_ISSUES parsed issues
 * (and LIBRARY_CACHE_BYTES of their files) stay in memory, besides the
 * pinned ones. No curses, no printing: problems are diagnostics.
 *
 * A folder is walked (library-scan.c) either at once, by
 * library_add_path(), or in steps that the caller runs when it likes:
 * library_add_path_later(), then library_more() until it says that no
 * walk is left. The reader does the latter, so that it shows its first
 * screen while a large archive is still being walked.
 *
 * Issues are numbered in the order they are found, and a number never
 * changes while walks go on (the reader holds them). Archive order is
 * another thing (library_nth(), library_rank()): the issues of each path
 * added by date (unknown last), then paper, then folder; paths in the
 * order they were added. library_add_path() puts the issues it adds in
 * archive order, so that after it the two orders are the same.
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
	char			*label;	/* the nearest folder name that is
					   not a date, else the name of its
					   folder or file (sanitised), or
					   NULL (in memory) */
	char			*title;	/* the masthead's, once parsed */
	unsigned		 seq;	/* the path it came from, in the
				   order paths were added */
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

struct library_scan;
struct library_order;

struct library {
	struct loader_opts	 opts;
	struct library_issue	**v;
	size_t			 n, cap;
	struct diag_list	 diags;		/* the walks' problems */
	bool			 stopped;	/* a walk was stopped */
	char			*cache_dir;	/* catalogue cache, or NULL */
	unsigned		 npaths;	/* paths added */
	struct library_scan	**walks;	/* walks left (library_more) */
	size_t			 nwalks, walkcap;
	struct library_order	*order;		/* archive order, made on
						   demand */

	size_t			 cached;	/* issues parsed, unpinned */
	size_t			 cached_bytes;
	size_t			 max_issues, max_bytes;
	unsigned long long	 clock;
};

/*
 * Progress of a walk: folders read and issues found so far. Called
 * every LIBRARY_PROGRESS_MS; return true to stop the walk.
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

/*
 * The same, except that a folder is only opened now (so that a folder
 * that cannot be read is told at once): it is walked by library_more().
 */
int		 library_add_path_later(struct library *, const char *path,
		    char **cause);

/*
 * Walk the folders left for about MS milliseconds (at least one folder),
 * the issues found added as they are found. Returns true while some are
 * left. A folder whose walk ends without an issue gets an error in
 * lib->diags ("no text files in this folder").
 */
bool		 library_more(struct library *, long ms);

/* What the walks left are at. */
struct library_progress {
	const char	*path;		/* the folder being walked (as given) */
	size_t		 folders;	/* read so far, by every walk */
	size_t		 issues;	/* found so far, by every walk */
};

/* Fill in *P and return true while walks are left. */
bool		 library_busy(const struct library *,
		    struct library_progress *p);

/*
 * Stop every walk left: what they found stays; lib->stopped is set; a
 * walk that had found nothing gets an error in lib->diags.
 */
void		 library_stop(struct library *);

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
/* Does issue I carry the key (paper and date) of POS? */
bool		 library_matches(const struct library *, size_t i,
		    const struct position *pos);

/*
 * The issue at place K of archive order, and the place of issue I in it
 * (both < library_count()).
 */
size_t		 library_nth(const struct library *, size_t k);
size_t		 library_rank(const struct library *, size_t i);

/*
 * What to call issue I's paper on screen and in dumps: the masthead's
 * title once the issue has been parsed, else the paper its folder or
 * file names give, else the nearest folder above it whose name is not a
 * date ("rmrb-caspiankexin" for rmrb-caspiankexin/2019年2月/20190201),
 * else the name of its folder or file ("-" for standard input). Never
 * NULL, sanitised; valid while the library is.
 */
const char	*library_paper_name(const struct library *, size_t i);

/*
 * The next issue of the same paper as issue I in date order (DIR 1) or
 * the previous one (DIR -1), or SIZE_MAX when there is none.
 */
size_t		 library_step(const struct library *, size_t i, int dir);

/* "2021-12-07" of issue I into BUF (16 bytes), "" when unknown. */
void		 library_date_str(const struct library *, size_t i,
		    char *buf);

/* ------------------------------------------------------------------ */
/* library-scan.c: walking folders into catalogue entries. */

/*
 * Start walking folder PATH into LIB, its entries numbered SEQ; the
 * folder itself is read now. NULL with a translated *CAUSE (caller
 * frees) when PATH cannot be read.
 */
struct library_scan *library_scan_open(struct library *, const char *path,
		    unsigned seq, char **cause);
/*
 * Walk on for about MS milliseconds (at least one folder). Returns true
 * while folders are left.
 */
bool		 library_scan_step(struct library_scan *, long ms);
/* Folders read and issues found so far. */
void		 library_scan_count(const struct library_scan *,
		    size_t *folders, size_t *issues);
/* The folder as given. */
const char	*library_scan_root(const struct library_scan *);
/* Walk no further. */
void		 library_scan_stop(struct library_scan *);
/*
 * End the walk (complete, stopped or not; the catalogue cache is written
 * only when it was complete) and free it. Returns the number of issues
 * found, or -1 with a translated *CAUSE (caller frees) when none was.
 */
long		 library_scan_close(struct library_scan *, char **cause);

/* Append a new empty catalogue entry to LIB and return it. */
struct library_issue *library_append(struct library *);

#endif /* DUBAO_LIBRARY_H */
