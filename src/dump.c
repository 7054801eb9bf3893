/*
 * dump.c -- batch output: the JSON tree (keys of DESIGN.md), the text
 * layout (the reader's lines without colour), an outline, and the
 * --check report. Every string printed here comes from the tree, from a
 * diagnostic or from the catalogue, and each was sanitised on its way in
 * (text_sanitize: the loader's lines; text_sanitize_str: names, paths,
 * config words, messages); tests/hostile.sh and the loader fuzzer check
 * it. JSON escaping still escapes every control character.
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "dump.h"
#include "i18n.h"
#include "layout.h"
#include "library.h"
#include "settings.h"
#include "text.h"
#include "util.h"


void
dump_json_string(FILE *fp, const char *s)
{
	const unsigned char	*p;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	fputc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

static void
dump_json_key(FILE *fp, int indent, const char *key)
{
	fprintf(fp, "%*s\"%s\": ", indent, "", key);
}

static void
dump_json_field(FILE *fp, int indent, const char *key, const char *val,
    bool comma)
{
	dump_json_key(fp, indent, key);
	dump_json_string(fp, val);
	fputs(comma ? ",\n" : "\n", fp);
}

static void
dump_json_article(FILE *fp, const struct article *a, bool comma)
{
	size_t	i;

	fputs("            {\n", fp);
	dump_json_field(fp, 14, "kind",
	    a->kind == ARTICLE_PHOTO ? "photo" : "article", true);
	dump_json_field(fp, 14, "column", a->column, true);
	dump_json_field(fp, 14, "kicker", a->kicker, true);
	dump_json_field(fp, 14, "headline", a->headline, true);
	dump_json_field(fp, 14, "subhead", a->subhead, true);
	dump_json_field(fp, 14, "byline", a->byline, true);
	dump_json_field(fp, 14, "dateline", a->dateline, true);
	dump_json_key(fp, 14, "quote");
	if (a->quote == NULL)
		fputs("null,\n", fp);
	else {
		fputs("{\"text\": ", fp);
		dump_json_string(fp, a->quote);
		fputs(", \"by\": ", fp);
		dump_json_string(fp, a->quote_by);
		fputs("},\n", fp);
	}
	dump_json_key(fp, 14, "paragraphs");
	if (a->npara == 0)
		fputs("[],\n", fp);
	else {
		fputs("[\n", fp);
		for (i = 0; i < a->npara; i++) {
			fprintf(fp, "%16s", "");
			dump_json_string(fp, a->paras[i]);
			fputs(i + 1 < a->npara ? ",\n" : "\n", fp);
		}
		fprintf(fp, "%14s],\n", "");
	}
	dump_json_key(fp, 14, "intertitles");
	fputs("[", fp);
	for (i = 0; i < a->ninter; i++)
		fprintf(fp, "%s%zu", i > 0 ? ", " : "", a->inter[i]);
	fputs("],\n", fp);
	dump_json_key(fp, 14, "captions");
	if (a->ncap == 0)
		fputs("[],\n", fp);
	else {
		fputs("[\n", fp);
		for (i = 0; i < a->ncap; i++) {
			fprintf(fp, "%16s{\"text\": ", "");
			dump_json_string(fp, a->caps[i].text);
			fputs(", \"credit\": ", fp);
			dump_json_string(fp, a->caps[i].credit);
			fputs(i + 1 < a->ncap ? "},\n" : "}\n", fp);
		}
		fprintf(fp, "%14s],\n", "");
	}
	dump_json_key(fp, 14, "continues");
	if (a->cont_page > 0)
		fprintf(fp, "{\"page\": %d},\n", a->cont_page);
	else
		fputs("null,\n", fp);
	dump_json_key(fp, 14, "continued_from");
	if (a->from_page > 0)
		fprintf(fp, "{\"page\": %d},\n", a->from_page);
	else
		fputs("null,\n", fp);
	dump_json_key(fp, 14, "chars");
	fprintf(fp, "%zu\n", article_chars(a));
	fprintf(fp, "            }%s\n", comma ? "," : "");
}

/* One issue, without the line end after its closing brace. */
static void
dump_json_issue(FILE *fp, const struct issue *is)
{
	char	date[16];
	size_t	i, j;

	issue_date_str(is, date);
	fputs("    {\n", fp);
	dump_json_field(fp, 6, "title", is->title, true);
	dump_json_field(fp, 6, "date", date[0] != '\0' ? date : NULL, true);
	dump_json_field(fp, 6, "encoding", is->encoding, true);
	dump_json_key(fp, 6, "source");
	fputs("[", fp);
	for (i = 0; i < is->nsources; i++) {
		if (i > 0)
			fputs(", ", fp);
		dump_json_string(fp, is->sources[i]);
	}
	fputs("],\n", fp);
	dump_json_key(fp, 6, "masthead");
	fputs("[", fp);
	for (i = 0; i < is->nmasthead; i++) {
		if (i > 0)
			fputs(", ", fp);
		dump_json_string(fp, is->masthead[i]);
	}
	fputs("],\n", fp);
	dump_json_key(fp, 6, "pages");
	fputs("[\n", fp);
	for (i = 0; i < is->npages; i++) {
		const struct page *pg = &is->pages[i];

		fputs("        {\n", fp);
		dump_json_key(fp, 10, "number");
		if (pg->number > 0)
			fprintf(fp, "%d,\n", pg->number);
		else
			fputs("null,\n", fp);
		dump_json_field(fp, 10, "name", pg->name, true);
		dump_json_field(fp, 10, "editor", pg->editor, true);
		dump_json_key(fp, 10, "credits");
		fputs("[", fp);
		for (j = 0; j < pg->ncredits; j++) {
			if (j > 0)
				fputs(", ", fp);
			dump_json_string(fp, pg->credits[j]);
		}
		fputs("],\n", fp);
		dump_json_key(fp, 10, "articles");
		if (pg->narts == 0)
			fputs("[]\n", fp);
		else {
			fputs("[\n", fp);
			for (j = 0; j < pg->narts; j++)
				dump_json_article(fp, &pg->arts[j],
				    j + 1 < pg->narts);
			fprintf(fp, "%10s]\n", "");
		}
		fprintf(fp, "        }%s\n", i + 1 < is->npages ? "," : "");
	}
	fputs("      ]\n", fp);
	fputs("    }", fp);
}

/*
 * Issue I of LIB, parsed; its warnings go to DIAG. Returns
 * NULL (and counts a failure in *BAD) when no page could be read.
 */
static const struct issue *
dump_get(FILE *diag, struct library *lib, size_t i, int *bad)
{
	const struct issue	*is = library_get(lib, i);
	size_t			 j;
	char			*s;

	for (j = 0; j < is->diags.n; j++) {
		if (is->diags.v[j].severity < DIAG_WARNING)
			continue;
		s = diag_format(&is->diags.v[j]);
		fprintf(diag, "%s: %s\n", progname, s);
		free(s);
	}
	if (is->npages > 0)
		return is;
	(*bad)++;
	library_release(lib, i);
	return NULL;
}

int
dump_json(FILE *fp, FILE *diag, struct library *lib)
{
	const struct issue	*is;
	size_t			 i, n = 0;
	int			 bad = 0;

	fputs("{\n  \"issues\": [\n", fp);
	for (i = 0; i < library_count(lib); i++) {
		if ((is = dump_get(diag, lib, i, &bad)) == NULL)
			continue;
		if (n++ > 0)
			fputs(",\n", fp);
		dump_json_issue(fp, is);
		library_release(lib, i);
	}
	fputs(n > 0 ? "\n  ]\n}\n" : "  ]\n}\n", fp);
	return bad;
}

/*
 * Whether S[0..N) may hold a character drawn as a substitute
 * (text_display()): none below U+00A1 or in U+3000-DFFF has one, and
 * unless ambiguous characters are drawn wide only U+FE0E, U+FE0F (EF B8
 * 8E, EF B8 8F) and the skin tones (F0 9F 8F BB-BF) do.
 */
static bool
dump_may_substitute(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s, *end = p + n;

	if (text_ambiguous() != 2) {
		if (memchr(s, 0xf0, n) != NULL)
			return true;
		while ((p = memchr(p, 0xef, end - p)) != NULL && ++p < end)
			if (*p == 0xb8)
				return true;
		return false;
	}
	for (; p < end; p++)
		if (*p >= 0xc2 && (*p < 0xe3 || *p > 0xed))
			return true;
	return false;
}

/* Append S[0..N) to B as drawn: display substitutes where the terminal
 * needs them (text_display()). */
static void
dump_text_chars(struct buf *b, const char *s, size_t n)
{
	const char	*p = s, *end = s + n, *sub;
	ucs4_t		 uc;
	int		 k;

	if (!dump_may_substitute(s, n)) {
		buf_add(b, s, n);
		return;
	}
	while (p < end) {
		k = u8_mbtouc(&uc, (const uint8_t *)p, end - p);
		if ((sub = text_display(uc)) != NULL)
			buf_adds(b, sub);
		else
			buf_add(b, p, k);
		p += k;
	}
}

/* Append one layout line to B as drawn: indent, prefix, text, newline. */
static void
dump_text_line(struct buf *b, const struct layout_line *ln)
{
	static const char	spaces[] = "                                ";
	int			n;

	for (n = ln->indent; n > 0; n -= (int)sizeof spaces - 1)
		buf_add(b, spaces, n < (int)sizeof spaces - 1 ? (size_t)n :
		    sizeof spaces - 1);
	if (ln->prefix != NULL)
		buf_adds(b, ln->prefix);
	if (ln->text != NULL)		/* else a blank line */
		dump_text_chars(b, ln->text + ln->off, ln->len);
	buf_addc(b, '\n');
}

/* Write B out and empty it. */
static void
dump_flush(FILE *fp, struct buf *b)
{
	if (b->len > 0)
		fwrite(b->data, 1, b->len, fp);
	b->len = 0;
}

/* A heading S wrapped to WIDTH columns, then a blank line. */
static void
dump_text_heading(FILE *fp, const char *s, int width)
{
	struct buf	 b;
	size_t		*starts, n, i, len = strlen(s), e;

	buf_init(&b);
	n = layout_wrap(s, len, width, 0, 0, &starts);
	for (i = 0; i < n; i++) {
		e = i + 1 < n ? starts[i + 1] : len;
		/* The break's spaces stay out of the line. */
		while (e > starts[i] && s[e - 1] == ' ')
			e--;
		dump_text_chars(&b, s + starts[i], e - starts[i]);
		buf_addc(&b, '\n');
	}
	free(starts);
	buf_addc(&b, '\n');
	dump_flush(fp, &b);
	buf_clear(&b);
}

/* The heading of an issue: its paper and date. */
static void
dump_text_issue_head(FILE *fp, const struct library *lib, size_t i,
    const struct issue *is, int width)
{
	char	date[16], *s;

	(void)is;
	library_date_str(lib, i, date);
	s = xasprintf("%s %s", library_paper_name(lib, i),
	    date[0] != '\0' ? date : _("(no date)"));
	dump_text_heading(fp, s, width);
	free(s);
}

/*
 * The articles of page PG laid out with LO (scratch buffers from LC),
 * each written out whole through B.
 */
static void
dump_text_page(FILE *fp, const struct page *pg, const struct layout_opts *lo,
    struct layout_cache *lc, struct buf *b)
{
	struct layout	*lay;
	size_t		 k, l;

	for (k = 0; k < pg->narts; k++) {
		lay = layout_new_cached(&pg->arts[k], lo, lc);
		for (l = 0; l < lay->nlines; l++)
			dump_text_line(b, &lay->lines[l]);
		layout_free(lay);
		buf_addc(b, '\n');
		dump_flush(fp, b);
	}
}

int
dump_text(FILE *fp, FILE *diag, struct library *lib, int width,
    int measure)
{
	struct layout_opts	 lo;
	struct layout_cache	*lc;
	struct buf		 b;
	const struct issue	*is;
	size_t			 i, j, pages = 0;
	int			 bad = 0;
	bool			 many = library_count(lib) > 1;
	char			 name[256];

	memset(&lo, 0, sizeof lo);
	lo.width = width;
	lo.measure = measure;
	lc = layout_cache_new();
	buf_init(&b);
	for (i = 0; i < library_count(lib); i++) {
		if ((is = dump_get(diag, lib, i, &bad)) == NULL)
			continue;
		for (j = 0; j < is->npages; j++) {
			/* A form feed between pages, as pr(1) puts it. */
			if (pages++ > 0)
				fputs("\f\n", fp);
			if (many && j == 0)
				dump_text_issue_head(fp, lib, i, is, width);
			page_label(&is->pages[j], j, name, sizeof name);
			if (many || is->npages > 1)
				dump_text_heading(fp, name, width);
			dump_text_page(fp, &is->pages[j], &lo, lc, &b);
		}
		library_release(lib, i);
	}
	buf_clear(&b);
	layout_cache_free(lc);
	return bad;
}

int
dump_outline(FILE *fp, FILE *diag, struct library *lib)
{
	const struct issue	*is;
	size_t			 i, j, k;
	int			 bad = 0;
	char			 date[16], name[256];

	for (i = 0; i < library_count(lib); i++) {
		if ((is = dump_get(diag, lib, i, &bad)) == NULL)
			continue;
		issue_date_str(is, date);
		fprintf(fp, "%s %s (%s)\n", library_paper_name(lib, i),
		    date[0] != '\0' ? date : _("(no date)"),
		    is->encoding != NULL ? is->encoding : "?");
		for (j = 0; j < is->npages; j++) {
			const struct page *pg = &is->pages[j];

			page_label(pg, j, name, sizeof name);
			fprintf(fp, "  %s\n", name);
			for (k = 0; k < pg->narts; k++) {
				const struct article *a = &pg->arts[k];

				fprintf(fp, "    %s%s  (%zu)\n",
				    a->kind == ARTICLE_PHOTO ? _("[photo] ") :
				    "", article_title(a), article_chars(a));
			}
		}
		library_release(lib, i);
	}
	return bad;
}

/* One diagnostic as "file:line:col: warning: message". */
static void
dump_check_diag(FILE *fp, const struct diag *d)
{
	const char	*sev;

	switch (d->severity) {
	case DIAG_ERROR:
		sev = _("error");
		break;
	case DIAG_WARNING:
		sev = _("warning");
		break;
	default:
		sev = _("note");
		break;
	}
	fputs(d->file != NULL ? d->file : "-", fp);
	if (d->line != 0)
		fprintf(fp, ":%zu", d->line);
	if (d->line != 0 && d->col != 0)
		fprintf(fp, ":%zu", d->col);
	fprintf(fp, ": %s: %s\n", sev, d->message);
}

/* How sure the encoding detection was, in words. */
static const char *
dump_check_sure(int confidence)
{
	if (confidence >= 100)
		return _("certain");
	if (confidence >= 80)
		return _("sure");
	if (confidence >= 60)
		return _("fairly sure");
	return _("unsure, check with --encoding");
}

/* The --check report of one issue; adds its problems and notes. */
static void
dump_check_issue(FILE *fp, const struct issue *is, size_t *problems,
    size_t *notes)
{
	size_t	j, k, n, pchars, ichars;
	size_t	*chars;
	char	date[16], c1[64], c2[64], c3[64], name[256];

	issue_date_str(is, date);
	fprintf(fp, "%s\n", is->nsources > 0 ? is->sources[0] : "-");
	fprintf(fp, _("  paper: %s\n"), is->title != NULL ?
	    is->title : _("(unknown)"));
	fprintf(fp, _("  date: %s\n"), date[0] != '\0' ? date :
	    _("(unknown)"));
	fprintf(fp, _("  encoding: %s, %d%% %s"),
	    is->encoding != NULL ? is->encoding : "?",
	    is->confidence, dump_check_sure(is->confidence));
	if (is->enc_reason != NULL)
		fprintf(fp, " (%s)", is->enc_reason);
	fputc('\n', fp);
	/* 字数 of every article, counted once. */
	chars = xcalloc(issue_narticles(is) + 1, sizeof *chars);
	ichars = n = 0;
	for (j = 0; j < is->npages; j++)
		for (k = 0; k < is->pages[j].narts; k++) {
			chars[n] = article_chars(&is->pages[j].arts[k]);
			ichars += chars[n++];
		}
	snprintf(c1, sizeof c1, P_("%zu page", "%zu pages",
	    is->npages), is->npages);
	snprintf(c2, sizeof c2, P_("%zu article", "%zu articles", n),
	    n);
	snprintf(c3, sizeof c3, P_("%zu character", "%zu characters",
	    ichars), ichars);
	/* TRANSLATORS: pages, articles, characters. */
	fprintf(fp, _("  %s \u00d7 %s, %s\n"), c1, c2, c3);
	n = 0;
	for (j = 0; j < is->npages; j++) {
		const struct page *pg = &is->pages[j];

		pchars = 0;
		for (k = 0; k < pg->narts; k++)
			pchars += chars[n + k];
		page_label(pg, j, name, sizeof name);
		fprintf(fp, "  %s", name);
		snprintf(c1, sizeof c1, P_("%zu article",
		    "%zu articles", pg->narts), pg->narts);
		snprintf(c2, sizeof c2, P_("%zu character",
		    "%zu characters", pchars), pchars);
		/* TRANSLATORS: articles, characters. */
		fprintf(fp, _(": %s, %s\n"), c1, c2);
		for (k = 0; k < pg->narts; k++) {
			const struct article *a = &pg->arts[k];

			fprintf(fp, "    %6zu  %s%s\n", chars[n++],
			    a->kind == ARTICLE_PHOTO ? _("[photo] ") :
			    "", article_title(a));
		}
	}
	for (j = 0; j < is->diags.n; j++) {
		dump_check_diag(fp, &is->diags.v[j]);
		if (is->diags.v[j].severity >= DIAG_WARNING)
			(*problems)++;
		else
			(*notes)++;
	}
	free(chars);
}

size_t
dump_check(FILE *fp, struct library *lib, const struct settings *cf)
{
	size_t	i, j, problems = 0, notes = 0;
	char	c1[64], c2[64], c3[64];

	for (i = 0; i < library_count(lib); i++) {
		dump_check_issue(fp, library_get(lib, i), &problems, &notes);
		library_release(lib, i);
	}
	for (j = 0; j < lib->diags.n; j++) {
		dump_check_diag(fp, &lib->diags.v[j]);
		if (lib->diags.v[j].severity >= DIAG_WARNING)
			problems++;
		else
			notes++;
	}
	/* The config file's mistakes: each skipped, all reported. */
	for (j = 0; cf != NULL && j < cf->diags.n; j++) {
		dump_check_diag(fp, &cf->diags.v[j]);
		problems++;
	}
	snprintf(c1, sizeof c1, P_("%zu issue", "%zu issues",
	    library_count(lib)), library_count(lib));
	snprintf(c2, sizeof c2, P_("%zu problem", "%zu problems", problems),
	    problems);
	snprintf(c3, sizeof c3, P_("%zu note", "%zu notes", notes), notes);
	/* TRANSLATORS: issues, problems, notes. */
	fprintf(fp, _("%s, %s, %s\n"), c1, c2, c3);
	return problems;
}

int
dump_article_text(FILE *fp, const struct article *a)
{
	const char *const head[] = { a->column, a->kicker, a->headline,
	    a->subhead, a->byline };
	size_t		 i;

	for (i = 0; i < sizeof head / sizeof head[0]; i++)
		if (head[i] != NULL)
			fprintf(fp, "%s\n", head[i]);
	fputc('\n', fp);
	if (a->quote != NULL)
		fprintf(fp, "%s%s%s\n\n", a->quote, a->quote_by != NULL ?
		    " \u2014\u2014" : "", a->quote_by != NULL ? a->quote_by : "");
	for (i = 0; i < a->npara; i++)
		fprintf(fp, "%s\n", a->paras[i]);
	for (i = 0; i < a->ncap; i++)
		fprintf(fp, "\n%s%s%s\n", a->caps[i].text,
		    a->caps[i].credit != NULL ? " " : "",
		    a->caps[i].credit != NULL ? a->caps[i].credit : "");
	return ferror(fp) ? -1 : 0;
}
