/*
 * layout.h -- turn one article into display lines for a given width.
 * Pure: no curses, no I/O. All widths come from text.h (text_cell_width),
 * so the lines are exactly what the reader pane draws and what
 * --dump=text prints.
 *
 * Line breaking: UAX #14 opportunities from libunistring, tailored for
 * Chinese (clreq "strict" level kinsoku), never inside a grapheme
 * cluster, with an emergency split for pieces wider than the line.
 */
#ifndef DUBAO_LAYOUT_H
#define DUBAO_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

#define LAYOUT_MIN_WIDTH 8

enum layout_kind {
	LAYOUT_BLANK,		/* empty separator line */
	LAYOUT_COLUMN,		/* 栏目 label */
	LAYOUT_KICKER,		/* 引题 */
	LAYOUT_HEADLINE,	/* 主题 */
	LAYOUT_SUBHEAD,		/* 副题 */
	LAYOUT_BYLINE,
	LAYOUT_DATELINE,
	LAYOUT_QUOTE,		/* pull quote text */
	LAYOUT_QUOTE_BY,	/* its attribution */
	LAYOUT_BODY,		/* a paragraph */
	LAYOUT_INTERTITLE,	/* a paragraph that is an intertitle (小标题) */
	LAYOUT_CAPTION,
	LAYOUT_CREDIT,
	LAYOUT_NOTE		/* continuation note (下转第N版) and the like */
};

/*
 * Which piece of the article a line shows, so search matches (byte
 * offsets into one model string) can be found on screen. The values are
 * those of enum article_field, which stable positions use (model.h).
 */
enum layout_field {
	LAYOUT_F_NONE = ARTICLE_F_NONE,	/* decoration, not model text */
	LAYOUT_F_COLUMN = ARTICLE_F_COLUMN,
	LAYOUT_F_KICKER = ARTICLE_F_KICKER,
	LAYOUT_F_HEADLINE = ARTICLE_F_HEADLINE,
	LAYOUT_F_SUBHEAD = ARTICLE_F_SUBHEAD,
	LAYOUT_F_BYLINE = ARTICLE_F_BYLINE,
	LAYOUT_F_DATELINE = ARTICLE_F_DATELINE,
	LAYOUT_F_QUOTE = ARTICLE_F_QUOTE,
	LAYOUT_F_QUOTE_BY = ARTICLE_F_QUOTE_BY,
	LAYOUT_F_PARA = ARTICLE_F_PARA,	/* index = paragraph number */
	LAYOUT_F_CAPTION = ARTICLE_F_CAPTION,	/* index = caption number */
	LAYOUT_F_CREDIT = ARTICLE_F_CREDIT,	/* index = caption number */
	LAYOUT_F_MASTHEAD = ARTICLE_F_MASTHEAD	/* search only: index = line
						   of the front matter
						   (page and article 0) */
};

struct layout_line {
	const char		*text;	/* borrowed from the model or the layout */
	size_t			 off;	/* first byte of this line in text */
	size_t			 len;	/* bytes on this line */
	int			 indent;	/* leading blank columns */
	int			 cols;	/* columns used, indent included */
	enum layout_kind	 kind;
	enum layout_field	 field;
	size_t			 index;	/* paragraph or caption number */
	const char		*prefix;	/* decoration drawn before text
					   ("■", "——"), or NULL */
};

struct layout_opts {
	int	width;		/* pane width in columns */
	int	measure;	/* text width: 0 = the whole pane; default 80;
				   centred when the pane is wider */
};

struct layout {
	struct layout_line	*lines;
	size_t			 nlines;
	size_t			 cap;
	int			 width;		/* the pane width laid out for */
	char			**owned;	/* strings the layout made */
	size_t			 nowned;
	size_t			 ownedcap;
};

/*
 * Lay out ART for OPTS->width columns (clamped to at least
 * LAYOUT_MIN_WIDTH). The result borrows text from ART: free it with
 * layout_free() before ART is freed, and rebuild it when the width
 * changes. No line is wider than the width.
 */
struct layout	*layout_new(const struct article *art,
		    const struct layout_opts *opts);
void		 layout_free(struct layout *);

/*
 * Scratch buffers that one layout_new_cached() call leaves for the next,
 * so that laying out many articles in a row (--dump=text) does not
 * allocate them again for each. Not shared between threads.
 */
struct layout_cache;
struct layout_cache *layout_cache_new(void);
void		 layout_cache_free(struct layout_cache *);
/* layout_new(), with the scratch buffers of LC (NULL: its own). */
struct layout	*layout_new_cached(const struct article *art,
		    const struct layout_opts *opts, struct layout_cache *lc);

/*
 * Index of the first line that shows byte OFF of FIELD/INDEX, or
 * lay->nlines if none (used to keep the reading position on resize and to
 * scroll to search matches).
 */
size_t		 layout_find(const struct layout *lay, enum layout_field field,
		    size_t index, size_t off);

/*
 * Wrap one string S[0..N) into WIDTH columns, first line starting at
 * column FIRST (its indent), others at REST. Stores byte offsets of line
 * starts in a new array *STARTS (caller frees) and returns their number.
 * Exposed for unit and property tests.
 */
size_t		 layout_wrap(const char *s, size_t n, int width, int first,
		    int rest, size_t **starts);

#endif /* DUBAO_LAYOUT_H */
