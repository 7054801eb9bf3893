/*
 * state-int.h -- the reader state's insides, shared by the files that
 * implement it: state.c (the ops on one issue: moving, the contents,
 * search) and state-issue.c (the archive: opening issues, resuming,
 * read marks, next and previous issue, 版 N). Nothing else includes it;
 * the UI sees the state only through state.h.
 */
#ifndef DUBAO_STATE_INT_H
#define DUBAO_STATE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "search.h"

struct library_state;

/* A place to come back to after following a continuation note. */
struct state_mark {
	size_t	issue, page, art, line;
	bool	results;	/* came from the library search's results */
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

	bool		**read;		/* [issue][article ordinal], made
					   when the issue is opened */
	size_t		 nread, readcap;	/* issues it has room for */

	struct state_mark *back;	/* continuation history */
	size_t		 nback, backcap;

	/*
	 * Where the top of the view should be after the next layout: set by
	 * ops that jump to a model position; the UI resolves it with
	 * layout_find() and calls state_show_line().
	 */
	bool		 want;
	bool		 want_top;	/* put it at the top (a resume), not
					   just in view (a search hit) */
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

	/* The archive (state-issue.c). */
	struct library_state *store;	/* borrowed, or NULL: nothing kept */
	size_t		 hop;		/* the issue the last op offered to
					   open next, or SIZE_MAX */
	size_t		 offered;	/* the offer the op before made */

	/*
	 * The issues last read (the store's, most recent first), looked
	 * for among the issues as walks find them: until the reader does
	 * something, the state moves to a more recent one when it turns up.
	 */
	struct position	*recent;
	size_t		 nrecent;
	size_t		 recent_best;	/* the one shown, or nrecent */
	size_t		 recent_seen;	/* issues looked at so far */
};

/* Articles of page PAGE of the current issue (0 past the last page). */
size_t	state_narts(const struct reader_state *, size_t page);
/* Ordinal in IS of article ART of page PAGE. */
size_t	state_ordinal(const struct issue *is, size_t page, size_t art);
/* The contents item of PAGE's article ART (SIZE_MAX: the page line). */
size_t	state_toc_index(const struct reader_state *, size_t page, size_t art);
/* Keep the contents selection in range and in view. */
void	state_toc_fix(struct reader_state *);
/* The last line that still fills the view. */
size_t	state_max_line(const struct reader_state *);
/* Show article ART of PAGE from its first line; sync the contents. */
int	state_go(struct reader_state *, size_t page, size_t art);
/* Leave MSG (translated, static or st->msgbuf) for the message line. */
void	state_msg(struct reader_state *, const char *msg);

/* state-issue.c */

/*
 * Make issue I the current one (pinned in the library's cache, its read
 * marks loaded), at its last position when RESUME and there is one, else
 * at its first article. Returns STATE_* flags.
 */
int	state_issue_open(struct reader_state *, size_t i, bool resume);
/*
 * The issue to open first: the one read most recently among the issues
 * LIB has so far, else the first found.
 */
size_t	state_issue_first(struct reader_state *);
/*
 * Among the issues found since the last call, one read more recently
 * than the one chosen so far: its index, or SIZE_MAX.
 */
size_t	state_issue_recent(struct reader_state *);
/* Save where the reader is in the current issue. */
void	state_issue_save(struct reader_state *);
/* Mark the current article read when its end is on screen. */
void	state_issue_check_end(struct reader_state *);
/* > and <: the next or previous issue of the same paper, same page. */
int	state_issue_step(struct reader_state *, int dir, int count);
/*
 * At the last article: say which issue comes next; when it was said by
 * the op before, go there. Returns STATE_* flags.
 */
int	state_issue_hop(struct reader_state *);
/* Go to 版 N (the page numbered N, else the Nth page). */
int	state_issue_page(struct reader_state *, int n);

#endif /* DUBAO_STATE_INT_H */
