/*
 * state-issue.c -- the reader state across the archive: opening an issue
 * (pinned in the library's cache, its read marks loaded from the store),
 * resuming where the reader left it, keeping the position and read marks
 * as the reader goes, > and < to the next or previous issue of the same
 * paper on the same page, the offer to go on to the next issue at the
 * end of one, and 版 N.
 *
 * The store (library-state.c) is optional: without it marks live only as
 * long as the state. Positions are saved when the article changes, when
 * the reader leaves an issue and when the state is freed; an article is
 * marked read when its last line has been on screen.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "library.h"
#include "library-state.h"
#include "model.h"
#include "state.h"
#include "state-int.h"

/* The stable position of the article on screen, top of the view in it. */
static void
state_issue_here(struct reader_state *st, struct position *pos)
{
	library_position(st->lib, st->issue, st->page, st->art, pos);
	pos->field = (enum article_field)st->top_field;
	pos->index = (unsigned)st->top_index;
	pos->off = st->top_off;
}

void
state_issue_save(struct reader_state *st)
{
	struct position	pos;

	if (st->store == NULL || st->issue == SIZE_MAX ||
	    state_issue(st)->npages == 0)
		return;
	state_issue_here(st, &pos);
	library_state_set_position(st->store, &pos);
}

/* Load the read marks of the current issue from the store. */
static void
state_issue_load_marks(struct reader_state *st)
{
	const struct issue	*is = state_issue(st);
	struct position		 key, *reads;
	size_t			 n, i, p, a, k;

	if (st->issue >= st->nread) {
		st->read = util_grow(st->read, &st->readcap, st->issue + 1,
		    sizeof *st->read);
		memset(st->read + st->nread, 0, (st->issue + 1 - st->nread) *
		    sizeof *st->read);
		st->nread = st->issue + 1;
	}
	if (st->read[st->issue] != NULL)
		return;
	st->read[st->issue] = xcalloc(issue_narticles(is) + 1,
	    sizeof **st->read);
	if (st->store == NULL)
		return;
	library_position(st->lib, st->issue, 0, 0, &key);
	library_state_set_count(st->store, &key, (long)issue_narticles(is));
	n = library_state_reads(st->store, &key, &reads);
	for (i = 0; i < n; i++) {
		if (!position_locate(&reads[i], is, &p, &a))
			continue;
		k = state_ordinal(is, p, a);
		if (k < issue_narticles(is))
			st->read[st->issue][k] = true;
	}
	free(reads);
}

void
state_issue_check_end(struct reader_state *st)
{
	const struct issue	*is = state_issue(st);
	struct position		 pos;
	size_t			 k, rows;

	rows = st->rows > 0 ? (size_t)st->rows : 1;
	if (st->art >= state_narts(st, st->page) || st->nlines == 0 ||
	    st->nlines == SIZE_MAX || st->line + rows < st->nlines)
		return;
	k = state_ordinal(is, st->page, st->art);
	if (k >= issue_narticles(is) || st->read[st->issue][k])
		return;
	st->read[st->issue][k] = true;
	if (st->store == NULL)
		return;
	library_position(st->lib, st->issue, st->page, st->art, &pos);
	library_state_mark_read(st->store, &pos);
}

/* Is POS the top of the issue's first article (nothing to resume)? */
static bool
state_issue_at_start(const struct position *pos)
{
	if (pos->page_ord != 0 || pos->art != 0)
		return false;
	return pos->field < ARTICLE_F_PARA || (pos->field == ARTICLE_F_PARA &&
	    pos->index == 0 && pos->off == 0);
}

/* Go to the position the store kept for the current issue, if any. */
static int
state_issue_resume(struct reader_state *st)
{
	struct position	key, pos;
	size_t		page, art;
	int		fl;

	if (st->store == NULL)
		return 0;
	library_position(st->lib, st->issue, 0, 0, &key);
	if (!library_state_position(st->store, &key, &pos) ||
	    state_issue_at_start(&pos))
		return 0;
	if (!position_locate(&pos, state_issue(st), &page, &art))
		return 0;
	fl = state_go(st, page, art);
	if (pos.field != ARTICLE_F_NONE) {
		st->want = st->want_top = true;
		st->want_field = (enum layout_field)pos.field;
		st->want_index = pos.index;
		st->want_off = pos.off;
	}
	st->focus = STATE_FOCUS_READER;
	state_msg(st, _("back where you left off (g: the top, 1g: 版 1)"));
	return fl | STATE_LAYOUT_PANES;
}

int
state_issue_open(struct reader_state *st, size_t i, bool resume)
{
	int	fl;

	if (st->issue != SIZE_MAX) {
		state_issue_save(st);
		/* The issue on screen stays parsed; the one left may go. */
		library_pin(st->lib, i);
		search_forget(&st->search, state_issue(st));
		library_unpin(st->lib, st->issue);
	} else
		library_pin(st->lib, i);
	st->issue = i;
	st->nback = 0;
	st->hit = SIZE_MAX;
	state_issue_load_marks(st);
	if (resume && (fl = state_issue_resume(st)) != 0)
		return fl;
	return state_go(st, 0, 0) | STATE_LAYOUT_PANES;
}

size_t
state_issue_recent(struct reader_state *st)
{
	size_t	i, r, n = library_count(st->lib), k = SIZE_MAX;

	for (i = st->recent_seen; i < n; i++)
		for (r = 0; r < st->recent_best; r++)
			if (library_matches(st->lib, i, &st->recent[r])) {
				st->recent_best = r;
				k = i;
				break;
			}
	st->recent_seen = n;
	return k;
}

size_t
state_issue_first(struct reader_state *st)
{
	size_t	k;

	if (st->store != NULL)
		st->nrecent = library_state_recent(st->store, &st->recent);
	st->recent_best = st->nrecent;
	k = state_issue_recent(st);
	return k != SIZE_MAX ? k : 0;
}

int
state_library_grew(struct reader_state *st, bool untouched)
{
	size_t	k;

	if (!untouched) {
		/* The reader chose: no more moving on its own. */
		st->recent_best = 0;
		return STATE_LIBRARY;
	}
	if ((k = state_issue_recent(st)) == SIZE_MAX || k == st->issue)
		return STATE_LIBRARY;
	return state_issue_open(st, k, true) | STATE_LIBRARY | STATE_DRAW_ALL;
}

/* "人民日报 2019-02-02" (its paper's name alone when undated) of issue I. */
static void
state_issue_name(const struct reader_state *st, size_t i, char *buf,
    size_t size)
{
	char	date[16];

	library_date_str(st->lib, i, date);
	snprintf(buf, size, "%s%s%s", library_paper_name(st->lib, i),
	    date[0] != '\0' ? " " : "", date);
}

/* The page of the current issue that is page P of issue IS, or 0. */
static size_t
state_issue_same_page(const struct reader_state *st,
    const struct page *old, bool *found)
{
	const struct issue	*is = state_issue(st);
	size_t			 p;

	*found = true;
	for (p = 0; p < is->npages; p++)
		if (old->number != 0 && is->pages[p].number == old->number)
			return p;
	for (p = 0; p < is->npages; p++)
		if (old->name != NULL && is->pages[p].name != NULL &&
		    strcmp(is->pages[p].name, old->name) == 0)
			return p;
	*found = false;
	return 0;
}

int
state_issue_step(struct reader_state *st, int dir, int count)
{
	const struct issue	*is = state_issue(st);
	struct page		 old;
	size_t			 j = st->issue, k, p;
	char			 name[256];
	bool			 found;
	int			 fl;

	while (count-- > 0 && (k = library_step(st->lib, j, dir)) != SIZE_MAX)
		j = k;
	if (j == st->issue) {
		state_msg(st, dir > 0 ? _("no later issue of this paper") :
		    _("no earlier issue of this paper"));
		return 0;
	}
	/* The page as it was, by number and name (the tree may go). */
	memset(&old, 0, sizeof old);
	if (st->page < is->npages) {
		old.number = is->pages[st->page].number;
		old.name = is->pages[st->page].name != NULL ?
		    xstrdup(is->pages[st->page].name) : NULL;
	}
	fl = state_issue_open(st, j, false);
	p = state_issue_same_page(st, &old, &found);
	state_issue_name(st, j, name, sizeof name);
	if (found || old.number == 0) {
		fl |= state_go(st, p, 0);
		snprintf(st->msgbuf, sizeof st->msgbuf, "%s", name);
	} else
		snprintf(st->msgbuf, sizeof st->msgbuf,
		    _("%s has no 第%d版"), name, old.number);
	st->msg = st->msgbuf;
	free(old.name);
	return fl;
}

/*
 * The issue that comes after the current one: same paper, else the next
 * in archive order.
 */
static size_t
state_issue_next(const struct reader_state *st)
{
	size_t	k = library_step(st->lib, st->issue, 1);

	if (k != SIZE_MAX)
		return k;
	return library_nth(st->lib, library_rank(st->lib, st->issue) + 1);
}

int
state_issue_hop(struct reader_state *st)
{
	size_t	next = state_issue_next(st);
	char	name[256];

	if (next == SIZE_MAX) {
		state_msg(st, _("already at the last article"));
		return 0;
	}
	if (st->offered == next)
		return state_issue_open(st, next, true);
	st->hop = next;
	state_issue_name(st, next, name, sizeof name);
	snprintf(st->msgbuf, sizeof st->msgbuf, _("end of this issue; press "
	    "again for %s"), name);
	st->msg = st->msgbuf;
	return STATE_DRAW_READER;
}

int
state_issue_page(struct reader_state *st, int n)
{
	const struct issue	*is = state_issue(st);
	size_t			 p;

	for (p = 0; p < is->npages; p++)
		if (is->pages[p].number == n)
			break;
	/* Pages without numbers: the Nth page. */
	if (p == is->npages && n >= 1 && (size_t)n <= is->npages &&
	    is->pages[n - 1].number == 0)
		p = (size_t)n - 1;
	if (p == is->npages) {
		snprintf(st->msgbuf, sizeof st->msgbuf,
		    _("no 第%d版 in this issue"), n);
		st->msg = st->msgbuf;
		return 0;
	}
	return state_go(st, p, 0) | STATE_LAYOUT_PANES;
}

int
state_open_issue(struct reader_state *st, size_t i)
{
	st->msg = NULL;
	if (i >= library_count(st->lib))
		return 0;
	if (i == st->issue)
		return STATE_DRAW_ALL;
	return state_issue_open(st, i, true);
}

void
state_position(struct reader_state *st, struct position *pos)
{
	state_issue_here(st, pos);
}

int
state_goto(struct reader_state *st, const struct position *pos)
{
	size_t	i = library_find(st->lib, pos), page, art;
	int	fl;

	st->msg = NULL;
	if (i == SIZE_MAX) {
		state_msg(st, _("that issue is not in this library"));
		return 0;
	}
	fl = i == st->issue ? 0 : state_issue_open(st, i, false);
	if (!position_locate(pos, state_issue(st), &page, &art))
		state_msg(st, _("that article is gone; the nearest one shown"));
	fl |= state_go(st, page, art);
	if (pos->field != ARTICLE_F_NONE) {
		st->want = st->want_top = true;
		st->want_field = (enum layout_field)pos->field;
		st->want_index = pos->index;
		st->want_off = pos->off;
	}
	st->focus = STATE_FOCUS_READER;
	return fl | STATE_LAYOUT_PANES | STATE_DRAW_ALL;
}
