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
struct library_state;
struct position;

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
	OP_SEARCH_LIBRARY,
	OP_NEXT_MATCH,
	OP_PREV_MATCH,
	OP_INFO,
	OP_HELP,
	OP_QUIT,
	OP_QUIT_NOW,
	OP_REDRAW,
	OP_ISSUES,
	OP_CALENDAR,
	OP_BOOKMARK,
	OP_BOOKMARKS,
	OP_PIPE,
	OP_SAVE,
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
#define STATE_ISSUES		0x200	/* open the issue list */
#define STATE_CALENDAR		0x400
#define STATE_BOOKMARKS		0x800
#define STATE_BOOKMARK		0x1000	/* add a bookmark (asks for a note) */
#define STATE_PIPE		0x2000	/* the article to a shell command */
#define STATE_SAVE		0x4000	/* the article to a file */
#define STATE_LIBRARY_PROMPT	0x8000	/* ask for a library search */
#define STATE_RESULTS		0x10000	/* back to the library search's
					   results */
#define STATE_LIBRARY		0x20000	/* the library grew: views that list
					   issues list them again */
#define STATE_DRAW_ALL	(STATE_DRAW_TOC | STATE_DRAW_READER)

enum state_focus {
	STATE_FOCUS_TOC,
	STATE_FOCUS_READER
};

/*
 * The reader's state is opaque: the UI reads it through the accessors
 * below and changes it only through state_apply() and the few setters
 * that hand in what the UI measured (sizes, the position at the top).
 */
struct reader_state;

/*
 * A state on LIB (borrowed: it must outlive the state; at least one
 * issue), at the issue last read in it and where the reader left it when
 * STORE (borrowed, may be NULL) knows, else at the first article of the
 * first issue found. STORE
 * keeps positions and read marks as the reader goes. Never NULL
 * (allocation failure is fatal). Free with state_free(), which saves the
 * position.
 */
struct reader_state *state_new(struct library *lib,
	    struct library_state *store);
void	state_free(struct reader_state *);

/*
 * The library grew: a walk found more issues. Until the reader has done
 * something (UNTOUCHED), the state goes to the issue last read as soon
 * as it is found. Returns STATE_* flags (STATE_LIBRARY at least).
 */
int	state_library_grew(struct reader_state *, bool untouched);

/*
 * Tell the state about the reader pane: lines of the current article's
 * layout and the rows in view. Clamps the positions.
 */
void	state_set_view(struct reader_state *, size_t nlines, int rows);

/* Tell the state how many contents items are in view. */
void	state_set_toc_rows(struct reader_state *, int rows);

/* One pane at a time (a narrow terminal), as the UI decided. */
void	state_set_narrow(struct reader_state *, bool narrow);

/* Set the first line in view (clamped to the view). */
void	state_set_line(struct reader_state *, size_t line);

/* Record the model position shown at the top of the reader. */
void	state_set_top(struct reader_state *, enum layout_field field,
	    size_t index, size_t off);

/*
 * A pending jump to a model position (after a search or a match): true
 * with the position in *FIELD, *INDEX, *OFF. The UI finds its layout line
 * and calls state_show_line().
 */
bool	state_want(const struct reader_state *, enum layout_field *field,
	    size_t *index, size_t *off);

/*
 * Bring layout line LINE into view, two lines below the top when it was
 * out of view, and end the pending jump. SIZE_MAX only ends it.
 */
void	state_show_line(struct reader_state *, size_t line);

/*
 * Apply OP COUNT times (COUNT < 1 counts as 1). Returns STATE_* flags and
 * leaves a translated message for the message line (state_message()).
 * Never touches curses.
 */
int	state_apply(struct reader_state *, enum op op, int count);

/*
 * Search the current issue for QUERY (UTF-8) from the top of the view;
 * jump to the first match. Returns STATE_* flags and a message.
 */
int	state_search(struct reader_state *, const char *query);

/*
 * Open the article POS names in issue ISSUE at its field, index and
 * offset (a match of the library search for QUERY): the reader goes
 * there with QUERY as its search (the match highlighted, n and N go
 * on), and back (h, q) then returns STATE_RESULTS to go back to the
 * results. A match in the masthead opens the info view. Returns STATE_*
 * flags.
 */
struct position;
int	state_open_result(struct reader_state *, size_t issue,
	    const struct position *pos, const char *query);

/* Give FOCUS the focus (a click in a pane). Returns STATE_* flags. */
int	state_set_focus(struct reader_state *, enum state_focus focus);

/* Select contents item K and open it (a mouse click). */
int	state_toc_open(struct reader_state *, size_t k);

/* Scroll the pane under the pointer by DELTA lines (the mouse wheel). */
int	state_scroll(struct reader_state *, bool toc, int delta);

/*
 * Open issue I of the library where the reader left it (or at its
 * start). Returns STATE_* flags.
 */
int	state_open_issue(struct reader_state *, size_t i);

/*
 * Go to the place POS names (a bookmark): its issue, its article, and
 * the text there. Returns STATE_* flags; a message when it is gone.
 */
int	state_goto(struct reader_state *, const struct position *pos);

/* The stable position of the top of the reader. */
void	state_position(struct reader_state *, struct position *pos);

/* The reading state kept (borrowed), or NULL. */
struct library_state *state_store(const struct reader_state *);

/* The library (borrowed), and the current issue and its index. */
struct library *state_library(const struct reader_state *);
const struct issue *state_issue(const struct reader_state *);
size_t	state_issue_index(const struct reader_state *);

/* The page and article shown (indexes into the issue), the top line. */
size_t	state_page(const struct reader_state *);
size_t	state_art(const struct reader_state *);
size_t	state_line(const struct reader_state *);

/* The article shown, or NULL when its page has none (borrowed). */
const struct article *state_article(const struct reader_state *);

/* Ordinal of the current article in its issue (0-based) and the total. */
size_t	state_article_no(const struct reader_state *, size_t *total);

/* Which pane has the focus; whether the contents pane is wanted. */
enum state_focus state_focus(const struct reader_state *);
bool	state_toc_shown(const struct reader_state *);

/* Number of items in the contents pane of the current issue. */
size_t	state_toc_count(const struct reader_state *);

/* The selected contents item, and the first one in view. */
size_t	state_toc_sel(const struct reader_state *);
size_t	state_toc_top(const struct reader_state *);

/*
 * The contents item K: its page in *PAGE, its article in *ART or
 * SIZE_MAX for the page's own line.
 */
void	state_toc_item(const struct reader_state *, size_t k, size_t *page,
	    size_t *art);

/* Has the article been opened? */
bool	state_is_read(const struct reader_state *, size_t issue, size_t page,
	    size_t art);

/* Continuations followed that back (h, q) returns from. */
size_t	state_back_depth(const struct reader_state *);

/* What the last op or search had to say (translated), or NULL. */
const char *state_message(const struct reader_state *);

/*
 * Fold Traditional and Simplified characters in searches (the
 * fold-variants setting; on by default). The next n searches again.
 */
void	state_set_variants(struct reader_state *, bool on);

/* Is Traditional/Simplified folding on (state_set_variants())? */
bool	state_variants(const struct reader_state *);

/* The last search's query (UTF-8), or NULL when there was none. */
const char *state_query(const struct reader_state *);

/*
 * The hits of the last search when it ran on the current issue, with the
 * current hit in *HIT (SIZE_MAX: none yet); NULL when it ran elsewhere or
 * there was none. Borrowed until the next op.
 */
const struct search *state_hits(const struct reader_state *, size_t *hit);

/* Action names for key bindings and help: "line-down"; NULL if none. */
const char *state_op_name(enum op op);
/* A translated one-line description of OP. */
const char *state_op_help(enum op op);
/* The op named NAME, or OP_NONE. */
enum op	 state_op_find(const char *name);

#endif /* DUBAO_STATE_H */
