/*
 * loader.h -- plain text to the article tree. A page dump (blocks
 * separated by blank lines, or hard-wrapped lines with 　　 indents, form
 * feeds between pages), an issue folder of page files or a crawler folder
 * of per-article files (YYYYMMDD-PP-NN.txt). Walking a library of
 * folders is the library's job (library-scan.c); it hands the loader one
 * issue at a time.
 */
#ifndef DUBAO_LOADER_H
#define DUBAO_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "model.h"

struct loader_opts {
	const char	*encoding;	/* forced source encoding, or NULL */
};

/*
 * Load one file: PATH is a page dump, a single crawler article
 * (YYYYMMDD-PP-NN.txt), or "-" for standard input. On success return 0
 * and store a new issue in *OUT (free with issue_free()); problems that
 * do not stop loading go to its diags. On failure return -1 and store a
 * translated message in *CAUSE (caller frees): no such file, a folder,
 * an empty file, a binary file.
 */
int	loader_load_file(const char *path, const struct loader_opts *opts,
	    struct issue **out, char **cause);

/* The shapes of an issue on disk, as its names tell (loader-name.c). */
enum loader_issue_kind {
	LOADER_ISSUE_CRAWLER,	/* YYYYMMDD-PP-NN.txt files of one date */
	LOADER_ISSUE_DATED,	/* one file named by its date */
	LOADER_ISSUE_PAGES	/* page files of an issue folder */
};

/* One issue as the library catalogued it from names (borrowed strings). */
struct loader_issue_spec {
	enum loader_issue_kind	 kind;
	const char		*dir;	/* folder of the files */
	const char *const	*files;	/* entry names in DIR, in reading
					   order */
	size_t			 nfiles;
	int			 year, month, day;	/* 0 when unknown */
	const char		*paper;	/* the title when the text has none,
					   or NULL */
};

/*
 * Load the issue SPEC describes. Always stores a new issue in *OUT (free
 * with issue_free()); files that cannot be read are in its diags. Returns
 * 0, or -1 with a translated *CAUSE (caller frees) when no file gave an
 * article: *OUT then has no page.
 */
int	loader_load_issue(const struct loader_issue_spec *spec,
	    const struct loader_opts *opts, struct issue **out, char **cause);

/* What a file's name says (loader_name_classify()). */
enum loader_name_kind {
	LOADER_NAME_CRAWLER,	/* YYYYMMDD-PP-NN.txt: an article */
	LOADER_NAME_DATED,	/* 2021-12-07.txt: a whole issue */
	LOADER_NAME_PAGE	/* anything else: a page */
};

struct loader_name {
	enum loader_name_kind	 kind;
	int			 year, month, day;	/* 0 when none */
	int			 page;	/* crawler PP, or the page number the
					   name gives; 0 when none */
	int			 num;	/* crawler NN */
};

/* Classify the text file NAME by its name alone. */
void	loader_name_classify(const char *name, struct loader_name *out);
/* A text file that may hold newspaper text (*.txt, not a README). */
bool	loader_name_is_text(const char *name);
/* YYYYMMDD-PP-NN.txt: fills the date, page and num of *OUT. */
bool	loader_name_crawler(const char *name, struct loader_name *out);
/*
 * A date that is the whole of NAME[0..N): 2021-12-07, 2021_12_07,
 * 2021.12.07, 20211207, 2021年12月7日 (日 optional).
 */
bool	loader_name_date(const char *name, size_t n, int *y, int *m, int *d);
/* The date of folder PATH: its own name, or its last three as Y/M/D. */
bool	loader_name_date_path(const char *path, int *y, int *m, int *d);
/*
 * The page number a page file's name gives, or 0: 03.txt, 第03版.txt,
 * page3.txt, A03-要闻.txt; none for names such as wrap20.txt.
 */
int	loader_name_page(const char *name);
/*
 * A Chronicling America page, LCCN-ed-N_seq-P.txt: the paper's code
 * (with -ed-N after editions other than the first) in *PAPER when not
 * NULL (caller frees), and the page P in *PAGE.
 */
bool	loader_name_lccn(const char *name, char **paper, int *page);
/* Does folder name NAME[0..N) obviously name a newspaper (报, Daily)? */
bool	loader_name_paper(const char *name, size_t n);
/* The last component of PATH, trailing slashes ignored, and its length. */
const char *loader_name_base(const char *path);
size_t	loader_name_base_len(const char *path);

/*
 * Parse one page dump already in memory: DATA[0..N) raw bytes from the
 * file NAME (used in diagnostics and "source"); DATA[N] must be a NUL
 * byte (valid UTF-8 is then parsed in place, without a copy). Returns a new issue (free
 * with issue_free()) or NULL with *CAUSE set (empty or binary input).
 */
struct issue *loader_parse_pages(const char *data, size_t n, const char *name,
	    const struct loader_opts *opts, char **cause);

/*
 * Parse decoded, sanitised UTF-8 TEXT (one page or several separated by
 * form feeds) into IS, appending pages. NAME is used in diagnostics.
 * Exposed for unit tests.
 */
void	loader_parse_text(struct issue *is, const char *text, size_t len,
	    const char *name);

/*
 * Parse part of a page dump: decoded UTF-8 TEXT[0..LEN) of
 * whole pages (form feeds between them), which starts at line *LINE of
 * NAME, appending pages to IS; *LINE is the line after it then. Run
 * loader_link_pages() once after the last part.
 */
void	loader_parse_part(struct issue *is, const char *text, size_t len,
	    const char *name, size_t *line);

/*
 * Read a page dump from FD (open for reading, at its start) and parse
 * it: a large regular file chunk by chunk (loader-read.c), anything else
 * whole. Returns a new issue or NULL with *CAUSE set, as
 * loader_parse_pages() does; NAME is used in diagnostics and "source".
 */
struct issue *loader_read_pages(int fd, const char *name,
	    const struct loader_opts *opts, char **cause);

/*
 * Open PATH for reading, a regular file only: a FIFO, a device or a socket
 * gets a translated *CAUSE (loader_file_kind()) without being opened for
 * reading, so nothing blocks; so does a folder or an error. Returns the
 * descriptor (blocking, close-on-exec), or -1.
 */
int	loader_open(const char *path, char **cause);

/* A translated reason for errno ERR ("no such file or directory"). Caller
 * frees. */
char	*loader_errno(int err);

/* Why a file of MODE is not read ("is a named pipe (FIFO), not read"),
 * or NULL for a regular file or a folder. Translated, static. */
const char *loader_file_kind(mode_t mode);

/*
 * Read all of FD into *DATA (NUL-terminated; caller frees) and *N.
 * Returns 0, or -1 with a translated *CAUSE (a read error, a file of a
 * gigabyte or more).
 */
int	loader_read_all(int fd, char **data, size_t *n, char **cause);

/*
 * The dateline a paragraph starts with ("本报讯 某某报道", "本报北京9月30日
 * 电 （记者张烁）", "新华社北京1月1日电"), without its colon, or NULL.
 * Caller frees.
 */
char	*loader_dateline_of(const char *para);

/*
 * Give an article continued from another page (（上接第N版）) without a
 * headline of its own the headline of the article that continues on its
 * page (（下转第M版）). Run after all pages of an issue are in place;
 * loader_parse_text() does it for the pages of one file.
 */
void	loader_link_pages(struct issue *is);

/*
 * Parse one crawler article file (line 1 kicker, line 2 headline, line 3
 * subhead, then paragraphs) into a new article of PG. Returns 0, or -1
 * when the file is an advertisement (its whole text is 广告) and was
 * skipped. Exposed for unit tests.
 */
int	loader_parse_crawler(struct page *pg, const char *text, size_t len,
	    const char *name);

/*
 * For tools/loader-features and the fitting of the loader's weights
 * (tools/fit-loader.py): FN is called for every question the assembly
 * asks of its models ("start", "join", "title", "split"), and for every
 * unit ("unit", X[0] its kind), with the file, the line of the place
 * (and of the other unit asked about, or 0), the features X[0..N) and
 * the model's score. FN returns NAN to let the model answer, or a score
 * of its own (a tool answers from the truth, to measure what each
 * model's mistakes cost). NULL (the default) calls nothing. Not
 * thread-safe.
 */
typedef double (*loader_trace_fn)(const char *model, const char *file,
	    size_t line, size_t next_line, const double *x, size_t n,
	    double score);
void	loader_set_trace(loader_trace_fn fn);

#endif /* DUBAO_LOADER_H */
