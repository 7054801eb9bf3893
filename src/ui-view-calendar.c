/*
 * ui-view-calendar.c -- the calendar (c): one month as a grid of weeks,
 * Monday first. Each day that has an issue shows how many of its
 * articles are unread, and is shaded by that share: bright when nothing
 * was read, plain when some was, dim when all was; a day without an
 * issue shows only its number, dim. Arrows move by days and weeks (h l
 * j k too), PgUp and PgDn by months, [ and ] to the previous or next day
 * that has an issue, g and G to the first and last; Enter opens the
 * day's issue (of the paper being read, when it has one that day).
 *
 * Sized for 80x24 and up: 7 cells of UI_CAL_CELL columns, two rows a
 * week; below 40 columns or 17 rows the grid tightens to one row a week.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "library.h"
#include "library-state.h"
#include "state.h"
#include "ui-view.h"

#define UI_CAL_CELL	10	/* columns of a day's cell */
#define UI_CAL_CELL_MIN	5	/* ... on a narrow screen */

struct ui_cal_day {
	long	day;		/* days since 1970-01-01 */
	size_t	i;		/* catalogue index */
	size_t	rank;		/* its place in archive order */
};

struct ui_cal {
	struct ui_cal_day	*v;	/* issues by day */
	size_t			 n;
	long			 cur;	/* the day the cursor is on */
};

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long
ui_cal_days(int y, int m, int d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The civil date of day Z. */
static void
ui_cal_civil(long z, int *y, int *m, int *d)
{
	long	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 for Monday ... 6 for Sunday. */
static int
ui_cal_weekday(long z)
{
	return (int)(((z % 7) + 7 + 3) % 7);
}

static int
ui_cal_cmp(const void *va, const void *vb)
{
	const struct ui_cal_day *a = va, *b = vb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* The first entry of day Z in C->v, or C->n. */
static size_t
ui_cal_find(const struct ui_cal *c, long z)
{
	size_t	lo = 0, hi = c->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->v[mid].day < z)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The dated issues of the library, by day. */
static void
ui_cal_list(struct ui *u, struct ui_cal *c)
{
	struct library			*lib = state_library(u->st);
	const struct library_issue	*e;
	size_t				 i;

	free(c->v);
	c->v = xcalloc(library_count(lib) + 1, sizeof *c->v);
	c->n = 0;
	for (i = 0; i < library_count(lib); i++) {
		e = library_entry(lib, i);
		if (e->year == 0)
			continue;
		c->v[c->n].day = ui_cal_days(e->year, e->month, e->day);
		c->v[c->n].rank = library_rank(lib, i);
		c->v[c->n++].i = i;
	}
	qsort(c->v, c->n, sizeof *c->v, ui_cal_cmp);
}

/* Issues were found: mark their days too. */
static void
ui_cal_update(struct ui *u, void *data, int flags)
{
	if (flags & STATE_LIBRARY)
		ui_cal_list(u, data);
}

static void *
ui_cal_enter(struct ui *u)
{
	struct ui_cal			*c = xcalloc(1, sizeof *c);
	struct library			*lib = state_library(u->st);
	const struct library_issue	*e;

	ui_cal_list(u, c);
	e = library_entry(lib, state_issue_index(u->st));
	c->cur = e->year != 0 ? ui_cal_days(e->year, e->month, e->day) :
	    c->n > 0 ? c->v[c->n - 1].day : ui_cal_days(2000, 1, 1);
	return c;
}

static void
ui_cal_leave(struct ui *u, void *data)
{
	struct ui_cal	*c = data;

	(void)u;
	free(c->v);
	free(c);
}

/* Articles and unread articles of the issues of day Z; false if none. */
static bool
ui_cal_counts(struct ui *u, const struct ui_cal *c, long z, long *total,
    long *unread)
{
	struct library			*lib = state_library(u->st);
	struct library_state		*ls = state_store(u->st);
	const struct library_issue	*e;
	struct position			 key;
	size_t				 k;
	long				 n, r;

	*total = *unread = 0;
	k = ui_cal_find(c, z);
	if (k == c->n || c->v[k].day != z)
		return false;
	for (; k < c->n && c->v[k].day == z; k++) {
		e = library_entry(lib, c->v[k].i);
		memset(&key, 0, sizeof key);
		position_set_paper(&key, e->paper);
		key.year = e->year;
		key.month = e->month;
		key.day = e->day;
		n = ls != NULL ? library_state_count(ls, &key) : -1;
		r = ls != NULL ? library_state_read_count(ls, &key) : 0;
		if (n < 0)
			n = e->narts > 0 ? e->narts : r;
		*total += n;
		*unread += n > r ? n - r : 0;
	}
	return true;
}

/* One day's cell at row Y, column X, W columns. */
static void
ui_cal_cell(struct ui *u, const struct ui_cal *c, long z, int y, int x,
    int w)
{
	char	 text[64], num[24];
	long	 total, unread;
	int	 yy, mm, dd, role;
	bool	 any;

	ui_cal_civil(z, &yy, &mm, &dd);
	any = ui_cal_counts(u, c, z, &total, &unread);
	if (!any) {
		role = UI_ROLE_TOC_READ;
		num[0] = '\0';
	} else if (unread == 0) {
		role = UI_ROLE_TOC_READ;
		snprintf(num, sizeof num, "%s", _("read"));
	} else {
		role = unread < total ? UI_ROLE_TOC_ITEM : UI_ROLE_HEADLINE;
		snprintf(num, sizeof num, "%ld", unread);
	}
	if (z == c->cur)
		role = UI_ROLE_TOC_SEL;
	snprintf(text, sizeof text, w >= UI_CAL_CELL ? " %2d %s" : "%2d%s",
	    dd, w >= UI_CAL_CELL ? num : any ? "*" : "");
	ui_blank(y, x, x + w - 1, u->roles[role]);
	ui_put(y, x, x + w - 1, text, strlen(text), u->roles[role]);
}

/* The month heading: "2019年2月", and the month's issues. */
static void
ui_cal_heading(struct ui *u, const struct ui_cal *c, int y, int x0,
    int maxx)
{
	char	buf[128];
	int	yy, mm, dd;
	long	first, next;
	size_t	n;

	ui_cal_civil(c->cur, &yy, &mm, &dd);
	first = ui_cal_days(yy, mm, 1);
	next = ui_cal_days(mm == 12 ? yy + 1 : yy, mm == 12 ? 1 : mm + 1, 1);
	n = ui_cal_find(c, next) - ui_cal_find(c, first);
	snprintf(buf, sizeof buf, P_("%d年%d月  %zu issue", "%d年%d月  "
	    "%zu issues", n), yy, mm, n);
	ui_blank(y, x0, maxx, u->roles[UI_ROLE_NORMAL]);
	ui_put(y, x0, maxx, buf, strlen(buf), u->roles[UI_ROLE_TOC_PAGE]);
}

static void
ui_cal_grid(struct ui *u, const struct ui_cal *c, const struct ui_rect *r,
    int y, int cell, int step)
{
	static const char *const wd[7] = { N_("Mon"), N_("Tue"), N_("Wed"),
	    N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };
	int	x0 = r->x + (r->w - 7 * cell) / 2, i, yy, mm, dd, m0;
	long	z;

	for (i = 0; i < 7; i++)
		ui_put(y, x0 + i * cell + 1, r->x + r->w, _(wd[i]),
		    strlen(_(wd[i])), u->roles[UI_ROLE_TOC_READ]);
	ui_cal_civil(c->cur, &yy, &m0, &dd);
	z = ui_cal_days(yy, m0, 1);
	z -= ui_cal_weekday(z);
	for (y += step; y < r->y + r->h - 2; y += step) {
		for (i = 0; i < 7; i++, z++) {
			ui_cal_civil(z, &yy, &mm, &dd);
			if (mm == m0)
				ui_cal_cell(u, c, z, y, x0 + i * cell, cell);
		}
		ui_cal_civil(z, &yy, &mm, &dd);
		if (mm != m0)
			break;
	}
}

/* The last rows: the legend, and what the day under the cursor holds. */
static void
ui_cal_footer(struct ui *u, const struct ui_cal *c, const struct ui_rect *r)
{
	struct library	*lib = state_library(u->st);
	const char	*legend = _("bright: unread  plain: partly read  "
	    "dim: read  (numbers: unread articles)");
	struct buf	 b;
	size_t		 k;
	char		 date[16];
	int		 maxx = r->x + r->w;

	ui_put(r->y + r->h - 2, r->x + 1, maxx, legend, strlen(legend),
	    u->roles[UI_ROLE_TOC_READ]);
	buf_init(&b);
	k = ui_cal_find(c, c->cur);
	for (; k < c->n && c->v[k].day == c->cur; k++) {
		const struct library_issue *e = library_entry(lib, c->v[k].i);

		library_date_str(lib, c->v[k].i, date);
		buf_printf(&b, "%s%s %s", b.len > 0 ? "; " : "", date,
		    library_paper_name(lib, c->v[k].i));
		if (e->npages > 0)
			buf_printf(&b, _(" %d版"), e->npages);
	}
	if (b.len == 0)
		buf_adds(&b, _("no issue on this day"));
	ui_put(r->y + r->h - 1, r->x + 1, maxx, b.data, b.len,
	    u->roles[UI_ROLE_NORMAL]);
	buf_clear(&b);
}

static void
ui_cal_draw(struct ui *u, void *data, const struct ui_rect *r, bool focused)
{
	struct ui_cal	*c = data;
	const char	*title = _("calendar (arrows: days and weeks, PgUp "
	    "PgDn: months, Enter opens, q closes)");
	int		 y, cell, step, maxx = r->x + r->w;

	(void)focused;
	for (y = r->y; y < r->y + r->h; y++)
		ui_blank(y, r->x, maxx, u->roles[UI_ROLE_NORMAL]);
	ui_blank(r->y, r->x, maxx, u->roles[UI_ROLE_HEADLINE]);
	ui_put(r->y, r->x + 1, maxx, title, strlen(title),
	    u->roles[UI_ROLE_HEADLINE]);
	cell = r->w >= 7 * UI_CAL_CELL + 2 ? UI_CAL_CELL : UI_CAL_CELL_MIN;
	step = r->h >= 17 ? 2 : 1;
	ui_cal_heading(u, c, r->y + step, r->x + (r->w - 7 * cell) / 2 + 1,
	    maxx);
	ui_cal_grid(u, c, r, r->y + 2 * step, cell, step);
	if (r->h >= 8)
		ui_cal_footer(u, c, r);
}

/* Move to the next (DIR 1) or previous day that has an issue. */
static void
ui_cal_hop(struct ui *u, struct ui_cal *c, int dir)
{
	size_t	k = ui_cal_find(c, c->cur);

	if (dir > 0) {
		while (k < c->n && c->v[k].day <= c->cur)
			k++;
		if (k < c->n)
			c->cur = c->v[k].day;
	} else if (k > 0)
		c->cur = c->v[k - 1].day;
	else
		ui_message(u, false, "%s", _("no earlier issue"));
}

/* A month earlier or later (DIR), on the same day or the month's last. */
static void
ui_cal_month(struct ui_cal *c, int dir)
{
	int	y, m, d, last;

	ui_cal_civil(c->cur, &y, &m, &d);
	m += dir;
	if (m < 1) {
		m = 12;
		y--;
	} else if (m > 12) {
		m = 1;
		y++;
	}
	last = (int)(ui_cal_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
	    ui_cal_days(y, m, 1));
	c->cur = ui_cal_days(y, m, d > last ? last : d);
}

/* Open the issue of the day under the cursor. */
static void
ui_cal_open(struct ui *u, struct ui_cal *c)
{
	struct library			*lib = state_library(u->st);
	const struct library_issue	*cur, *e;
	size_t				 k = ui_cal_find(c, c->cur), pick;

	if (k == c->n || c->v[k].day != c->cur) {
		ui_message(u, false, "%s", _("no issue on this day"));
		return;
	}
	cur = library_entry(lib, state_issue_index(u->st));
	for (pick = c->v[k].i; k < c->n && c->v[k].day == c->cur; k++) {
		e = library_entry(lib, c->v[k].i);
		if (e->paper != NULL && cur->paper != NULL &&
		    strcmp(e->paper, cur->paper) == 0) {
			pick = c->v[k].i;
			break;
		}
	}
	ui_pop(u);
	ui_apply(u, state_open_issue(u->st, pick));
}

static bool
ui_cal_key(struct ui *u, void *data, int key, enum op op, int count)
{
	struct ui_cal	*c = data;
	long		 n = count > 0 ? count : 1;

	if (key == UI_FKEY(KEY_LEFT) || key == 'h')
		c->cur -= n;
	else if (key == UI_FKEY(KEY_RIGHT) || key == 'l')
		c->cur += n;
	else if (key == UI_FKEY(KEY_UP) || key == 'k')
		c->cur -= 7 * n;
	else if (key == UI_FKEY(KEY_DOWN) || key == 'j')
		c->cur += 7 * n;
	else if (key == UI_FKEY(KEY_PPAGE) || key == 'b')
		ui_cal_month(c, -1);
	else if (key == UI_FKEY(KEY_NPAGE) || key == ' ' || key == 'f')
		ui_cal_month(c, 1);
	else if (key == '[' || key == ']')
		ui_cal_hop(u, c, key == ']' ? 1 : -1);
	else if ((key == 'g' || key == UI_FKEY(KEY_HOME)) && c->n > 0)
		c->cur = c->v[0].day;
	else if ((key == 'G' || key == UI_FKEY(KEY_END)) && c->n > 0)
		c->cur = c->v[c->n - 1].day;
	else if (key == '\r' || key == '\n' || key == UI_FKEY(KEY_ENTER))
		ui_cal_open(u, c);
	else if (key == UI_ESC || op == OP_QUIT || op == OP_CALENDAR)
		ui_pop(u);
	else if (op == OP_QUIT_NOW)
		u->quit = true;
	else
		return false;
	return true;
}

static void
ui_cal_status(struct ui *u, void *data, struct buf *left, struct buf *right)
{
	struct ui_cal	*c = data;
	int		 y, m, d;

	(void)u;
	(void)right;
	ui_cal_civil(c->cur, &y, &m, &d);
	buf_adds(left, _("calendar"));
	buf_printf(left, "  %04d-%02d-%02d", y, m, d);
}

const struct ui_view ui_view_calendar = {
	.name = "calendar",
	.enter = ui_cal_enter,
	.leave = ui_cal_leave,
	.key = ui_cal_key,
	.draw = ui_cal_draw,
	.status = ui_cal_status,
	.update = ui_cal_update,
};
