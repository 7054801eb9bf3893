/*
 * loader.h -- plain text to the article tree. A page dump (blocks
 * separated by blank lines, or hard-wrapped lines with 　　 indents, form
 * feeds between pages), an issue folder of page files, a crawler folder
 * of per-article files (YYYYMMDD-PP-NN.txt) or a library of papers and
 * dated issue folders at any depth.
 */
#ifndef DUBAO_LOADER_H
#define DUBAO_LOADER_H

#include <stddef.h>

#include "model.h"

struct loader_opts {
	const char	*encoding;	/* forced source encoding, or NULL */
};

/*
 * Load PATH (a file, "-" for standard input, an issue folder, a crawler
 * folder or a library) and append every issue found to LIB. On success
 * return 0; problems that do not stop loading go to the issues' diags
 * (or LIB->diags). On failure return -1 and store a translated message
 * in *CAUSE (caller frees): no such file, no text files in a folder, an
 * empty file, a binary file.
 */
int	loader_load_path(const char *path, const struct loader_opts *opts,
	    struct library *lib, char **cause);

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

#endif /* DUBAO_LOADER_H */
