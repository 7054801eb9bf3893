/*
 * loader.c -- a page dump (text extracted from a printed newspaper page)
 * to the article tree: the entry of the page-dump loader.
 *
 * The text is cut into pages at form feeds and at page headers that name
 * another page; each page's lines go through four passes (see
 * loader-int.h): units (loader-unit.c), classification
 * (loader-classify.c), assembly (loader-assemble.c) and tails
 * (loader-tail.c). Pages continued elsewhere (（上接第N版）) borrow the
 * headline of the article they continue.
 *
 * Invariant: every string stored in the tree is sanitised UTF-8 without
 * line ends.
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conv.h"
#include "i18n.h"
#include "loader-int.h"

/* A date such as 2021年12月7日 in S: fill the issue date if unknown. */
static void
loader_date(struct issue *is, const char *s)
{
	const char	*p;
	int		 y, m, d;

	if (is->year != 0)
		return;
	for (p = s; *p != '\0'; p++) {
		if (sscanf(p, "%4d年%d月%d日", &y, &m, &d) == 3 &&
		    y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
		    d <= 31) {
			is->year = y;
			is->month = m;
			is->day = d;
			return;
		}
		if (!(*p >= '0' && *p <= '9'))
			continue;
		while (p[1] >= '0' && p[1] <= '9')
			p++;
	}
}

static void
loader_page_clear(struct loader_page *lp)
{
	size_t	i;

	for (i = 0; i < lp->n; i++)
		free(lp->u[i].text);
	free(lp->u);
	memset(lp, 0, sizeof *lp);
}

/* Build one page of the tree from the units of LP. */
static void
loader_build_page(struct issue *is, struct loader_page *lp, const char *name,
    bool first_page)
{
	struct loader_ctx	 cx;
	struct page		*pg;
	size_t			 i;
	const char		*end, *p;
	int			 n;

	loader_reclassify(lp);

	pg = issue_add_page(is);
	model_set_name(&pg->source, name);
	/* Page header lines name the page. */
	for (i = 0; i < lp->n; i++) {
		if (lp->u[i].kind != LK_PAGEHDR)
			continue;
		loader_date(is, lp->u[i].text);
		n = loader_find_page_no(lp->u[i].text, &end);
		if (pg->number == 0 && n > 0) {
			pg->number = n;
			p = loader_skip_space(end);
			if (loader_starts(p, "："))
				p += 3;
			else if (*p == ':')
				p++;
			p = loader_skip_space(p);
			if (*p != '\0' && pg->name == NULL)
				pg->name = loader_clean(p);
		}
	}

	memset(&cx, 0, sizeof cx);
	cx.is = is;
	cx.pg = pg;
	cx.lp = lp;
	cx.name = name;
	if (first_page)
		loader_masthead(&cx);
	for (i = 0; i < lp->n; i++)
		if (lp->u[i].kind == LK_MAST)
			loader_date(is, lp->u[i].text);
	loader_trace_units(&cx);
	loader_assemble(&cx);
	loader_tails(&cx);
	loader_model_done(&cx);

	for (i = 0; i < cx.narts; i++) {
		struct article *a;

		a = page_add_article(pg);
		article_move(a, cx.arts[i]->a);
		free(cx.arts[i]->a);
		free(cx.arts[i]->para_unit);
		free(cx.arts[i]);
		if (a->kind == ARTICLE_TEXT && a->headline == NULL &&
		    a->npara > 0 && a->from_page == 0)
			diag_add(&is->diags, DIAG_NOTE, name, a->line, 0,
			    _("article without a headline"));
	}
	free(cx.arts);
	page_shrink(pg);
}

/*
 * Build the page or pages of LP. A page header naming another page
 * (第02版) after some text starts a new page even without a form feed;
 * the same header again (a running head or foot) does not.
 */
static void
loader_build_pages(struct issue *is, struct loader_page *lp, const char *name,
    bool first_page)
{
	struct loader_page	 seg;
	const char		*end;
	size_t			 i, start = 0;
	int			 cur = -1, n = -1;
	bool			 content = false;

	for (i = 0; i < lp->n; i++)
		lp->u[i].kind = loader_classify(&lp->u[i]);
	for (i = 0; i <= lp->n; i++) {
		if (i < lp->n) {
			if (lp->u[i].kind != LK_PAGEHDR) {
				if (lp->u[i].kind != LK_DROP)
					content = true;
				continue;
			}
			n = loader_find_page_no(lp->u[i].text, &end);
			if (cur < 0 || !content || n == cur) {
				if (cur < 0)
					cur = n;
				continue;
			}
		}
		/* The units [start, i) are one page; LP keeps owning them. */
		memset(&seg, 0, sizeof seg);
		seg.u = lp->u + start;
		seg.n = i - start;
		loader_build_page(is, &seg, name, first_page);
		first_page = false;
		start = i;
		cur = n;
		content = false;
	}
}

/* Group the lines LN[0..N) (text NULL: a blank line) into units of LP. */
static void
loader_group_all(struct loader_page *lp, struct loader_line *ln, size_t n)
{
	size_t	a, b, i;

	for (a = 0; a < n; a = b + 1) {
		for (b = a; b < n && ln[b].text != NULL; b++)
			;
		if (b > a)
			loader_group(lp, ln + a, b - a);
		for (i = a; i < b; i++) {
			free(ln[i].text);
			ln[i].text = NULL;
		}
	}
}

size_t
loader_read_lines(const char *text, size_t len, size_t line0,
    struct loader_line **lnp, size_t *np)
{
	struct loader_line	*ln = NULL;
	size_t			 nln = 0, lncap = 0, line = line0;
	const char		*p = text, *end = text + len, *e;

	for (;;) {
		size_t	 n, clean_len, changed;
		char	*clean;
		const char *body;
		bool	 indented;

		e = p;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		n = e - p;
		clean = text_sanitize(p, n, &clean_len, &changed);
		body = clean;
		indented = false;
		/* Indent: 　 or two or more spaces at the line start. */
		if (loader_starts(body, "\xe3\x80\x80") ||
		    loader_starts(body, "  ") || loader_starts(body, "\t") ||
		    loader_starts(body, "\xc2\xa0\xc2\xa0"))
			indented = true;
		body = loader_skip_space(body);
		clean_len = loader_trim_len(body, strlen(body));
		ln = util_grow(ln, &lncap, nln + 1, sizeof *ln);
		memset(&ln[nln], 0, sizeof *ln);
		ln[nln].line = line;
		if (clean_len > 0) {
			/* Keep the sanitised copy, trimmed in place. */
			ln[nln].lead = (int)u8_mbsnlen((const uint8_t *)clean,
			    body - clean);
			memmove(clean, body, clean_len);
			clean[clean_len] = '\0';
			ln[nln].text = clean;
			ln[nln].indented = indented;
			ln[nln].width = -1;	/* measured when needed */
		} else
			free(clean);		/* a blank line: text NULL */
		nln++;
		if (e >= end)
			break;
		if (*e == '\r' && e + 1 < end && e[1] == '\n')
			e++;
		p = e + 1;
		line++;
	}
	*lnp = ln;
	*np = nln;
	return line;
}

/*
 * Parse the text of one page, which starts at line LINE0 of NAME; its
 * shape in *SHAPE. Returns the line number after the page's last line
 * end.
 */
static size_t
loader_split_page(struct issue *is, const char *text, size_t len,
    const char *name, size_t line0, bool first_page,
    enum loader_shape *shape)
{
	struct loader_page	 lp;
	struct loader_line	*ln;
	struct loader_report	 rp;
	size_t			 nln, line;

	memset(&lp, 0, sizeof lp);
	line = loader_read_lines(text, len, line0, &ln, &nln);
	/* pdftotext's shapes made into lines pass 1 reads (loader-columns.c). */
	rp.dl = &is->diags;
	rp.name = name;
	*shape = loader_columns_prepare(&ln, &nln, &rp);
	loader_group_all(&lp, ln, nln);
	free(ln);
	if (lp.n > 0)
		loader_build_pages(is, &lp, name, first_page);
	loader_page_clear(&lp);
	return line;
}

/* Say how many pages of NAME from line LINE on were read in pdftotext's
 * shapes (COUNT by shape). */
static void
loader_shape_notes(struct issue *is, const char *name, size_t line,
    const size_t *count)
{
	if (count[LOADER_SHAPE_COLUMN] > 0)
		diag_add(&is->diags, DIAG_NOTE, name, line, 0,
		    P_("%zu page read as pdftotext output: one column of "
		    "lines, paragraph indents dropped",
		    "%zu pages read as pdftotext output: one column of "
		    "lines, paragraph indents dropped",
		    count[LOADER_SHAPE_COLUMN]), count[LOADER_SHAPE_COLUMN]);
	if (count[LOADER_SHAPE_LAYOUT] > 0)
		diag_add(&is->diags, DIAG_NOTE, name, line, 0,
		    P_("%zu page read as pdftotext -layout output: columns "
		    "side by side", "%zu pages read as pdftotext -layout "
		    "output: columns side by side",
		    count[LOADER_SHAPE_LAYOUT]), count[LOADER_SHAPE_LAYOUT]);
}

void
loader_parse_part(struct issue *is, const char *text, size_t len,
    const char *name, size_t *line)
{
	const char		*p = text, *end = text + len, *ff;
	size_t			 line0 = *line, count[LOADER_NSHAPES] = { 0 };
	bool			 first = is->npages == 0;
	enum loader_shape	 shape;

	while (p <= end) {
		ff = memchr(p, '\f', end - p);
		if (ff == NULL)
			ff = end;
		*line = loader_split_page(is, p, ff - p, name, *line, first,
		    &shape);
		count[shape]++;
		if (is->npages > 0)
			first = false;
		if (ff == end)
			break;
		p = ff + 1;
	}
	/* A file read whole is one part: its notes name no line. */
	loader_shape_notes(is, name, line0 > 1 ? line0 : 0, count);
}

void
loader_parse_text(struct issue *is, const char *text, size_t len,
    const char *name)
{
	size_t	line = 1;

	loader_parse_part(is, text, len, name, &line);
	loader_link_pages(is);
}

void
loader_link_pages(struct issue *is)
{
	size_t	i, j, k, l;

	for (i = 0; i < is->npages; i++)
		for (j = 0; j < is->pages[i].narts; j++) {
			struct article *a = &is->pages[i].arts[j];

			if (a->from_page == 0 || a->headline != NULL)
				continue;
			for (k = 0; k < is->npages && a->headline == NULL; k++) {
				if (is->pages[k].number != a->from_page)
					continue;
				for (l = 0; l < is->pages[k].narts; l++) {
					struct article *b = &is->pages[k].arts[l];

					if (b->cont_page == is->pages[i].number &&
					    b->headline != NULL) {
						a->headline = xstrdup(b->headline);
						break;
					}
				}
			}
		}
}

struct issue *
loader_parse_pages(const char *data, size_t n, const char *name,
    const struct loader_opts *opts, char **cause)
{
	struct conv_result	 cr;
	struct issue		*is;
	struct diag_list	 dl;

	if (n == 0) {
		*cause = xstrdup(_("empty file"));
		return NULL;
	}
	diag_list_init(&dl);
	memset(&cr, 0, sizeof cr);
	if (conv_to_utf8_borrow(data, n, opts != NULL ? opts->encoding : NULL,
	    name, &cr, &dl, cause) != 0) {
		diag_list_clear(&dl);
		return NULL;
	}
	is = issue_new();
	diag_list_move(&is->diags, &dl);
	is->encoding = xstrdup(cr.encoding != NULL ? cr.encoding : "UTF-8");
	is->confidence = cr.confidence;
	if (cr.reason != NULL)
		is->enc_reason = xstrdup(cr.reason);
	issue_take_source(is, xstrdup(name != NULL ? name : "-"));
	loader_parse_text(is, cr.text, cr.len, name);
	conv_result_clear(&cr);
	/* Only blank lines (or spaces, or format characters): no page. */
	if (is->npages == 0) {
		issue_free(is);
		*cause = xstrdup(_("no text in this file"));
		return NULL;
	}
	return is;
}

