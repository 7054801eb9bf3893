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
