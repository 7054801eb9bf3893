/*
 * dump.h -- batch output of the tree and its layout: --dump=json, text
 * and outline, and the --check summary. Writes to a FILE; no curses.
 */
#ifndef DUBAO_DUMP_H
#define DUBAO_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "library.h"
#include "model.h"
#include "search.h"

struct settings;

enum dump_mode {
	DUMP_NONE,
	DUMP_JSON,
	DUMP_TEXT,
	DUMP_OUTLINE
};

/*
 * The dumps stream LIB one issue at a time through its cache, so memory
 * does not grow with the archive. Each issue's warnings go to DIAG
 * (standard error) as they come; an issue without a readable page is left out.
 * They return the number of issues left out.
 */

/* Print LIB as one JSON document ({"issues": [...]}). */
int	dump_json(FILE *, FILE *diag, struct library *lib);

/*
 * Print every article of LIB laid out for WIDTH columns with reader text
 * width MEASURE (0 = WIDTH): exactly the reader's lines, without colour.
 * With several issues each starts with its paper and date; with several
 * pages each starts with its name (第3版 国防动员); a form feed goes
 * between pages.
 */
int	dump_text(FILE *, FILE *diag, struct library *lib, int width,
	    int measure);

/* Print the structure: issue, pages, article titles with 字数. */
int	dump_outline(FILE *, FILE *diag, struct library *lib);

/*
 * Print the --check report of LIB: pages x articles, 字数 per article and
 * page, the encoding and detection confidence, and every diagnostic as
 * file:line:col, those of the config file CF (may be NULL) included.
 * Returns the number of problems (warnings and errors).
 */
size_t	dump_check(FILE *, struct library *lib, const struct settings *cf);

/* --grep's lines (dump-grep.c). */
struct dump_grep {
	int		 width;		/* columns of a line */
	bool		 color;		/* the match in bold red */
	size_t		 matches;	/* lines printed so far */
};

/* Lines of WIDTH columns, the match in colour when COLOR. */
void	dump_grep_init(struct dump_grep *, int width, bool color);

/*
 * Print a line "DATE PAGE HEADLINE: …context…" for each hit of S, a
 * search of IS (masthead hits included).
 */
void	dump_grep_hits(FILE *, struct dump_grep *, const struct issue *is,
	    const struct search *s);

/*
 * Write article A as plain UTF-8 text: its title lines, a blank line,
 * one line a paragraph, then the captions (what the reader's | and s
 * give). Returns 0, or -1 on a write error.
 */
int	dump_article_text(FILE *, const struct article *a);

/* Write S as a JSON string literal (quotes included); NULL -> null. */
void	dump_json_string(FILE *, const char *s);

#endif /* DUBAO_DUMP_H */
