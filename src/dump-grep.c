/*
 * dump-grep.c -- dubao --grep=PATTERN: one line per match,
 *
 *	DATE PAGE HEADLINE: …context…
 *
 * DATE is the issue's date (the name of its first file when the date is
 * unknown),
 * PAGE 第N版 (- when unknown), HEADLINE the article's title cropped to a
 * third of the line (the paper's name for a match in the masthead), and
 * the context a keyword-in-context window of the field that matched,
 * centred on the match and fitted to what is left of the width by
 * search_kwic() (columns of text_strwidth, whole grapheme clusters). With
 * colour the match is shown in bold red, as grep shows it.
 *
 * The hits come from the caller (library-search.c: the index or a
 * parse, folded, masthead included), one issue at a time, so an archive
 * streams through it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "i18n.h"
#include "model.h"
#include "search.h"
#include "text.h"
#include "util.h"

/*
 * The headline and the file name take at most 1/N of the line, and the
 * context keeps at least 1/N of it (and DUMP_GREP_MIN_CONTEXT columns).
 */
#define DUMP_GREP_TITLE_SHARE	3
#define DUMP_GREP_FILE_SHARE	4
#define DUMP_GREP_CONTEXT_SHARE	2
#define DUMP_GREP_MIN_CONTEXT	10
#define DUMP_GREP_MIN_TITLE	4

#define DUMP_GREP_ELLIPSIS	"\xe2\x80\xa6"
#define DUMP_GREP_SGR_MATCH	"\033[1;31m"
#define DUMP_GREP_SGR_OFF	"\033[m"

void
dump_grep_init(struct dump_grep *g, int width, bool color)
{
	memset(g, 0, sizeof *g);
	g->width = width;
	g->color = color;
}

/* Write S[0..N) with tabs as spaces (model text has no other control). */
static void
dump_grep_put(FILE *fp, const char *s, size_t n)
{
	const char	*tab;

	while (n > 0 && (tab = memchr(s, '\t', n)) != NULL) {
		fwrite(s, 1, (size_t)(tab - s), fp);
		fputc(' ', fp);
		n -= (size_t)(tab - s) + 1;
		s = tab + 1;
	}
	fwrite(s, 1, n, fp);
}

/* Write S cropped to COLS columns, "…" at the end when cut; columns used. */
static int
dump_grep_crop(FILE *fp, const char *s, int cols)
{
	size_t	n = strlen(s), fit;
	int	w = text_strwidth(s, n), used;

	if (w <= cols) {
		dump_grep_put(fp, s, n);
		return w;
	}
	fit = text_fit(s, n, cols - text_strwidth(DUMP_GREP_ELLIPSIS, 3),
	    &used);
	dump_grep_put(fp, s, fit);
	fputs(DUMP_GREP_ELLIPSIS, fp);
	return used + text_strwidth(DUMP_GREP_ELLIPSIS, 3);
}

/* "DATE PAGE HEADLINE: " for hit H; returns its columns. */
static int
dump_grep_prefix(FILE *fp, const struct dump_grep *g, const struct issue *is,
    const struct search_hit *h)
{
	char		 date[16], page[32], *src = NULL;
	const char	*title, *base;
	int		 w, tw;

	issue_date_str(is, date);
	if (date[0] != '\0')
		fputs(date, fp);
	else if (is->nsources > 0) {
		base = strrchr(is->sources[0], '/');
		base = base != NULL && base[1] != '\0' ? base + 1 :
		    is->sources[0];
		src = text_sanitize(base, strlen(base), NULL, NULL);
	}
	page[0] = '-';
	page[1] = '\0';
	if (h->field == LAYOUT_F_MASTHEAD)
		title = is->title != NULL ? is->title : "";
	else {
		if (is->pages[h->page].number > 0)
			snprintf(page, sizeof page, _("第%d版"),
			    is->pages[h->page].number);
		title = article_title(&is->pages[h->page].arts[h->art]);
	}
	if (date[0] != '\0')
		w = (int)strlen(date);
	else if (src != NULL)
		w = dump_grep_crop(fp, src, g->width / DUMP_GREP_FILE_SHARE);
	else {
		fputc('-', fp);
		w = 1;
	}
	fprintf(fp, " %s ", page);
	w += text_strwidth(page, strlen(page)) + 2;
	tw = g->width - w - 2 - g->width / DUMP_GREP_CONTEXT_SHARE;
	if (tw > g->width / DUMP_GREP_TITLE_SHARE)
		tw = g->width / DUMP_GREP_TITLE_SHARE;
	if (tw < DUMP_GREP_MIN_TITLE)
		tw = DUMP_GREP_MIN_TITLE;
	w += dump_grep_crop(fp, title, tw);
	fputs(": ", fp);
	free(src);
	return w + 2;
}

static void
dump_grep_line(FILE *fp, const struct dump_grep *g, const struct issue *is,
    const struct search_hit *h)
{
	const char		*t = search_hit_text(is, h);
	struct search_kwic	 k;
	size_t			 n, me;
	int			 cols;

	if (t == NULL)
		return;
	cols = g->width - dump_grep_prefix(fp, g, is, h);
	if (cols < DUMP_GREP_MIN_CONTEXT)
		cols = DUMP_GREP_MIN_CONTEXT;
	n = strlen(t);
	search_kwic(t, n, h->off, h->len, cols, &k);
	me = h->off + h->len < k.end ? h->off + h->len : k.end;
	if (k.cut_left)
		fputs(DUMP_GREP_ELLIPSIS, fp);
	dump_grep_put(fp, t + k.start, h->off - k.start);
	if (g->color)
		fputs(DUMP_GREP_SGR_MATCH, fp);
	dump_grep_put(fp, t + h->off, me - h->off);
	if (g->color)
		fputs(DUMP_GREP_SGR_OFF, fp);
	dump_grep_put(fp, t + me, k.end - me);
	if (k.cut_right)
		fputs(DUMP_GREP_ELLIPSIS, fp);
	fputc('\n', fp);
}

void
dump_grep_hits(FILE *fp, struct dump_grep *g, const struct issue *is,
    const struct search *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		dump_grep_line(fp, g, is, &s->hits[i]);
	g->matches += s->n;
}
