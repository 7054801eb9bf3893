/*
 * library-state.h -- the reading state, kept across runs in SQLite
 * ($XDG_STATE_HOME/dubao/state.db, else ~/.local/state/dubao/state.db):
 * the last position in each issue, read marks (articles whose end has
 * been on screen), the article count of each issue seen (so the issue
 * list can count unread articles without parsing), and bookmarks with
 * notes. Everything is named by stable positions (model.h).
 *
 * WAL mode with a busy timeout: two dubao processes at once both write,
 * and nothing is lost (each change is its own transaction; read marks
 * and bookmarks are added, never rewritten). A damaged file, or one
 * written by a newer dubao (a higher schema version), is moved aside
 * with a one-line note and a fresh one is made. Damage is what SQLite
 * reports (a corrupt file, tables not of this version), at open or
 * later; the file is never scanned whole. When no state file can
 * be had at all, every call does nothing and the reader carries on.
 * No curses, no printing: notes are returned as strings.
 */
#ifndef DUBAO_LIBRARY_STATE_H
#define DUBAO_LIBRARY_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct library_state;

struct library_bookmark {
	long long	 id;
	struct position	 pos;
	char		*title;		/* the article's title when marked */
	char		*note;		/* or NULL */
	long long	 created;	/* seconds since the epoch */
};

/* The default state file's path (caller frees), or NULL without HOME. */
char	*library_state_default_path(void);

/*
 * Open or create the state file PATH (NULL: the default). Never NULL.
 * When something had to be said (the file was damaged or newer and was
 * moved aside; no state file could be opened) a translated one-line note
 * goes to *NOTE (caller frees), else *NOTE is NULL.
 */
struct library_state *library_state_open(const char *path, char **note);
void	library_state_close(struct library_state *);
/*
 * A note left when SQLite found the file corrupt while it was in use:
 * the file was moved aside, and a fresh one is used from then on. The
 * translated one-line note (caller frees), or NULL; given once.
 */
char	*library_state_take_note(struct library_state *);
/* Is there a state file behind it (false: every call does nothing)? */
bool	library_state_ok(const struct library_state *);

/* Remember POS as the last position in its issue. */
void	library_state_set_position(struct library_state *,
	    const struct position *pos);
/* The last position in the issue KEY names (its paper and date). */
bool	library_state_position(struct library_state *,
	    const struct position *key, struct position *out);

/*
 * The last positions kept, the most recently saved first (at most
 * LIBRARY_STATE_RECENT): a new array in *OUT (caller frees); their number.
 */
size_t	library_state_recent(struct library_state *, struct position **out);

/* Mark the article POS names read. */
void	library_state_mark_read(struct library_state *,
	    const struct position *pos);
/*
 * The articles read in the issue KEY names: a new array in *OUT (caller
 * frees) of positions whose article part is set. Returns their number.
 */
size_t	library_state_reads(struct library_state *, const struct position *key,
	    struct position **out);
/* Articles read in the issue KEY names. */
long	library_state_read_count(struct library_state *,
	    const struct position *key);

/* The number of articles of the issue KEY names, as last parsed. */
void	library_state_set_count(struct library_state *,
	    const struct position *key, long narts);
/* That number, or -1 when the issue was never parsed. */
long	library_state_count(struct library_state *, const struct position *key);

/*
 * Add a bookmark at POS with the article's TITLE and an optional NOTE.
 * Returns its id, or -1.
 */
long long library_state_add_bookmark(struct library_state *,
	    const struct position *pos, const char *title, const char *note);
/* Every bookmark, newest first, into a new array *OUT; their number. */
size_t	library_state_bookmarks(struct library_state *,
	    struct library_bookmark **out);
void	library_state_delete_bookmark(struct library_state *, long long id);
void	library_bookmarks_free(struct library_bookmark *, size_t n);

#endif /* DUBAO_LIBRARY_STATE_H */
