/*
 * ui-view.h -- the reader's screen as a stack of views (STYLE.md 4.11,
 * after tmux's window modes), and what ui.c offers every view.
 *
 * A view is one ui-view-*.c file exporting one const struct ui_view.
 * The bottom of the stack is the reading screen: two panes, the contents
 * (ui_view_contents) and the reader (ui_view_reader), side by side or one
 * at a time. Views pushed over them (help, info, ...) take the whole area
 * above the status line. ui.c's top comment says how to add one.
 * Only src/ui*.c include this header (it includes curses).
 */
#ifndef DUBAO_UI_VIEW_H
#define DUBAO_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "state.h"
#include "util.h"
#include "ui-draw.h"
#include "ui-keys.h"
#include "ui-input.h"

struct ui;
struct options;
struct library_state;

/* A mouse event, in the coordinates of the view's rectangle. */
enum ui_mouse_kind {
	UI_MOUSE_CLICK,		/* button 1 pressed */
	UI_MOUSE_WHEEL_UP,
	UI_MOUSE_WHEEL_DOWN
};

struct ui_mouse {
	enum ui_mouse_kind	kind;
	int			y, x;
};

/*
 * What a view does. DATA is what enter() returned (NULL when enter is
 * NULL). Every member but key and draw may be NULL.
 */
struct ui_view {
	const char	*name;
	/* Make the view's data (owned by the view until leave). */
	void	*(*enter)(struct ui *u);
	/* Free it. */
	void	 (*leave)(struct ui *u, void *data);
	/* The view's rectangle changed (and once after enter). */
	void	 (*resize)(struct ui *u, void *data, const struct ui_rect *r);
	/*
	 * A key: its code (ui-keys.h), the op it is bound to (OP_NONE if
	 * none) and the count typed before it (0: none). Returns true when
	 * the view used it; ui.c then forgets the count. An unused key that
	 * is bound to nothing gets the "not bound" message.
	 */
	bool	 (*key)(struct ui *u, void *data, int key, enum op op,
		    int count);
	/* Draw into R (whole rows; no refresh). */
	void	 (*draw)(struct ui *u, void *data, const struct ui_rect *r,
		    bool focused);
	/*
	 * What the status line says, left and right. A view without it
	 * shows the status of the view below.
	 */
	void	 (*status)(struct ui *u, void *data, struct buf *left,
		    struct buf *right);
	/* The reader state changed: the STATE_* flags state_apply() gave. */
	void	 (*update)(struct ui *u, void *data, int flags);
	/* A click or a wheel turn inside the view. */
	void	 (*mouse)(struct ui *u, void *data, const struct ui_mouse *m);
	/*
	 * Work to do between keys (a search running): called while no key
	 * waits, for a short slice each time; returns true while there is
	 * more. The loop redraws after each slice.
	 */
	bool	 (*work)(struct ui *u, void *data);
};

extern const struct ui_view ui_view_contents;
extern const struct ui_view ui_view_reader;
extern const struct ui_view ui_view_help;
extern const struct ui_view ui_view_info;
extern const struct ui_view ui_view_results;
extern const struct ui_view ui_view_issues;
extern const struct ui_view ui_view_calendar;
extern const struct ui_view ui_view_bookmarks;

/* Bookmark the place on screen, asking for a note (ui-view-bookmarks.c). */
void	ui_bookmark_add(struct ui *u);
/* The article to a shell command; to a file (ui-export.c). */
void	ui_export_pipe(struct ui *u);
void	ui_export_save(struct ui *u);

/* A view on the stack, with its data and rectangle. */
struct ui_frame {
	const struct ui_view	*view;
	void			*data;
	struct ui_rect		 rect;
	bool			 busy;	/* its work() has more to do */
};

#define UI_PANE_TOC	0
#define UI_PANE_READER	1
#define UI_STACK	8	/* views pushed over the panes, at most */
#define UI_HISTORY	50	/* search prompt lines kept */
#define UI_WHEEL	3	/* lines (items) a turn of the wheel moves */

struct ui {
	const struct options	*opts;
	struct library		*lib;		/* borrowed */
	struct reader_state	*st;
	struct library_state	*store;		/* the reading state kept */
	struct ui_keys		 keys;
	attr_t			 roles[UI_NROLES];
	enum ui_background	 background;	/* the palette's */
	bool			 small;		/* too small to draw */
	bool			 ascii;		/* ASCII borders */
	int			 prows;		/* rows above the status */
	struct ui_frame		 panes[2];	/* the bottom of the stack */
	bool			 shown[2];	/* which panes are on screen */
	struct ui_frame		 stack[UI_STACK];	/* pushed views */
	size_t			 depth;
	char			 msg[512];	/* the message line */
	bool			 msg_error;
	char			*history[UI_HISTORY];
	size_t			 nhistory;
	struct keyseq_event	 mouse;		/* the last mouse report */
	int			 status;	/* exit status */
	bool			 quit;
	bool			 touched;	/* a key was pressed */

	/* The library's walks (ui-scan.c). */
	bool			 walking;	/* walks are left */
	struct timespec		 walk_t0;	/* when they started */
	size_t			 walk_seen;	/* issues the views know */

	void			*results_kept;	/* the library search's results
						   while one is read */
	char			*results_query;	/* for the results view */
};

/* Say something on the message line (an error in the error colour). */
void	ui_message(struct ui *u, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * Act on the flags state_apply() returned: the message, quit, panes,
 * every view's update, the views the flags open, the search prompt.
 */
void	ui_apply(struct ui *u, int flags);

/*
 * A key for the reader state (the panes' key function): apply OP COUNT
 * times and act on the result. False for OP_NONE (the key is unused).
 */
bool	ui_state_key(struct ui *u, enum op op, int count);

/* Push VIEW over the others (ignored when the stack is full). */
void	ui_push(struct ui *u, const struct ui_view *view);

/* Pop the top view; the panes at the bottom stay. */
void	ui_pop(struct ui *u);

/*
 * What ui_getkey() returns besides keys: a resize, Ctrl-Z (the program
 * stops until fg), a late answer from the terminal. Acts on KEY and
 * returns true when it was one of those.
 */
bool	ui_handle(struct ui *u, int key);

/* Lay out the frames again for the terminal's size, and draw. */
void	ui_resize(struct ui *u);
void	ui_draw(struct ui *u);

/*
 * Edit a line on the message row after PROMPT (ui-prompt.c). Returns the
 * UTF-8 text (caller frees; "" when Enter was pressed on an empty line),
 * or NULL when cancelled or when the program must stop (u->quit set
 * then). Lines that are not empty are kept in u->history.
 */
char	*ui_prompt(struct ui *u, const char *prompt);

/*
 * The same with the line starting as INITIAL (may be NULL). FLAGS:
 * UI_PROMPT_HISTORY keeps the line and lets Up/Down recall others;
 * UI_PROMPT_EMPTY returns "" for an empty line (else NULL, as cancel).
 */
#define UI_PROMPT_HISTORY	0x1
#define UI_PROMPT_EMPTY		0x2
char	*ui_prompt_with(struct ui *u, const char *prompt, const char *initial,
	    int flags);
void	 ui_prompt_free(struct ui *u);

/*
 * Forget the library search's results kept while an article is read
 * (ui-view-results.c): a new search, or the end.
 */
void	ui_results_drop(struct ui *u);

/*
 * Colour roles into u->roles: the attributes that read without colour,
 * the palette for the background (u->background), the config file's
 * colour lines. Call again when the background may have changed.
 */
void	ui_colors_init(struct ui *u);

/* The background to choose a palette for, as known now. */
enum ui_background ui_colors_background(const struct ui *u);

#endif /* DUBAO_UI_VIEW_H */
