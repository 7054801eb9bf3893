/*
 * state.h -- the reader's state and the operations on it, pure: no
 * curses, no I/O. The UI maps keys to ops, calls state_apply() and redraws
 * what the returned flags say. Positions are (issue, page, article, line);
 * the line is an index into the current article's layout, which the UI
 * owns and describes to the state with state_set_view().
 */
#ifndef DUBAO_STATE_H
#define DUBAO_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "search.h"

struct library;

/* Actions a key can be bound to (DESIGN.md "Keys and actions"). */
enum op {
	OP_NONE,
	OP_LINE_DOWN,
	OP_LINE_UP,
	OP_PAGE_DOWN,
	OP_PAGE_UP,
	OP_HALF_DOWN,
	OP_HALF_UP,
	OP_TOP,
	OP_BOTTOM,
	OP_OPEN,
	OP_BACK,
	OP_FOCUS_NEXT,
	OP_TOGGLE_CONTENTS,
	OP_NEXT_ARTICLE,
	OP_PREV_ARTICLE,
	OP_NEXT_PAGE,
	OP_PREV_PAGE,
	OP_NEXT_ISSUE,
	OP_PREV_ISSUE,
	OP_SEARCH,
	OP_NEXT_MATCH,
	OP_PREV_MATCH,
	OP_INFO,
	OP_HELP,
	OP_QUIT,
	OP_QUIT_NOW,
	OP_REDRAW,
	OP__COUNT
};

/* What state_apply() asks the UI to do. */
#define STATE_DRAW_TOC		0x01	/* the contents pane changed */
#define STATE_DRAW_READER	0x02	/* the reader pane scrolled */
#define STATE_RELAYOUT		0x04	/* another article: lay it out again */
#define STATE_LAYOUT_PANES	0x08	/* panes shown or sized differently */
#define STATE_QUIT		0x10
#define STATE_PROMPT		0x20	/* open the search prompt */
#define STATE_HELP		0x40
#define STATE_INFO		0x80
#define STATE_REDRAW		0x100	/* clear and repaint everything */
#define STATE_DRAW_ALL	(STATE_DRAW_TOC | STATE_DRAW_READER)

enum state_focus {
	STATE_FOCUS_TOC,
	STATE_FOCUS_READER
};

/* A place to come back to after following a continuation note. */
struct state_mark {
	size_t	issue, page, art, line;
};

struct reader_state {
	struct library	*lib;		/* borrowed */
	size_t		 issue, page, art;	/* the article shown */
	size_t		 line;		/* first layout line in view */
	size_t		 nlines;	/* lines of its layout (from the UI) */
	int		 rows;		/* reader rows (from the UI) */
	int		 toc_rows;	/* contents rows (from the UI) */

	enum state_focus focus;
	bool		 toc_shown;	/* the contents pane is wanted */
	bool		 narrow;	/* one pane at a time (set by the UI) */
	size_t		 toc_sel;	/* selected contents item */
	size_t		 toc_top;	/* first contents item in view */

	bool		**read;		/* [issue][article ordinal], each
					   made when the issue is opened */

	struct state_mark *back;	/* continuation history */
	size_t		 nback, backcap;

	/*
	 * Where the top of the view should be after the next layout: set by
	 * ops that jump to a model position; the UI resolves it with
	 * layout_find() and calls state_set_line().
	 */
	bool		 want;
	enum layout_field want_field;
	size_t		 want_index, want_off;

	/* The model position at the top of the view (from the UI). */
	enum layout_field top_field;
	size_t		 top_index, top_off;

	struct search	 search;	/* the last search of this issue */
	size_t		 search_issue;
	size_t		 hit;		/* current hit, or SIZE_MAX */

	const char	*msg;		/* translated, or NULL */
	char		 msgbuf[512];
};

/* Start at the first article of the first issue of LIB (borrowed). */
void	state_init(struct reader_state *, struct library *lib);
void	state_clear(struct reader_state *);

/*
 * Tell the state about the view: lines of the current article's layout
 * and the rows of the reader and contents panes. Clamps the positions.
 */
void	state_set_view(struct reader_state *, size_t nlines, int rows,
	    int toc_rows);

/* Set the first line in view (after resolving st->want). */
void	state_set_line(struct reader_state *, size_t line);

/* Record the model position shown at the top of the reader. */
void	state_set_top(struct reader_state *, enum layout_field field,
	    size_t index, size_t off);

/*
 * Apply OP COUNT times (COUNT < 1 counts as 1). Returns STATE_* flags and
 * leaves a translated message for the message line in st->msg (NULL when
 * there is nothing to say). Never touches curses.
 */
int	state_apply(struct reader_state *, enum op op, int count);

/*
 * Search the current issue for QUERY (UTF-8) from the top of the view;
 * jump to the first match. Returns STATE_* flags and a message.
 */
int	state_search(struct reader_state *, const char *query);

/* The article shown, or NULL when its page has none (borrowed). */
const struct article *state_article(const struct reader_state *);

/* Number of items in the contents pane of the current issue. */
size_t	state_toc_count(const struct reader_state *);

/*
 * The contents item K: its page in *PAGE, its article in *ART or
 * SIZE_MAX for the page's own line.
 */
void	state_toc_item(const struct reader_state *, size_t k, size_t *page,
	    size_t *art);

/* Select contents item K and open it (a mouse click). */
int	state_toc_open(struct reader_state *, size_t k);

/* Scroll the pane under the pointer by DELTA lines (the mouse wheel). */
int	state_scroll(struct reader_state *, bool toc, int delta);

/* Has the article been opened? */
bool	state_is_read(const struct reader_state *, size_t issue, size_t page,
	    size_t art);

/* Ordinal of the current article in its issue (0-based) and the total. */
size_t	state_article_no(const struct reader_state *, size_t *total);

/* Action names for key bindings and help: "line-down"; NULL if none. */
const char *state_op_name(enum op op);
/* A translated one-line description of OP. */
const char *state_op_help(enum op op);
/* The op named NAME, or OP_NONE. */
enum op	 state_op_find(const char *name);

#endif /* DUBAO_STATE_H */
