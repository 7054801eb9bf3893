/*
 * dump.c -- batch output: the JSON tree (keys of DESIGN.md), the text
 * layout (the reader's lines without colour), an outline, and the
 * --check report. Every string printed here was sanitised by the loader;
 * JSON escaping still escapes every control character.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "dump.h"
#include "i18n.h"
#include "layout.h"
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

static void
dump_json_issue(FILE *fp, const struct issue *is, bool comma)
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
	fprintf(fp, "    }%s\n", comma ? "," : "");
}

void
dump_json(FILE *fp, const struct library *lib)
{
	size_t	i;

	fputs("{\n  \"issues\": [\n", fp);
	for (i = 0; i < lib->n; i++)
		dump_json_issue(fp, lib->issues[i], i + 1 < lib->n);
	fputs("  ]\n}\n", fp);
}

/* Print the part of a layout line that is model text, as drawn. */
static void
dump_text_line(FILE *fp, const struct layout_line *ln)
{
	const char	*s = ln->text + ln->off, *end = s + ln->len, *sub;
	const char	*p;

	fprintf(fp, "%*s", ln->indent, "");
	if (ln->prefix != NULL)
		fputs(ln->prefix, fp);
	p = s;
	while (p < end) {
		ucs4_t	uc;
		int	k;

		k = u8_mbtouc(&uc, (const uint8_t *)p, end - p);
		sub = text_display(uc);
		if (sub != NULL)
			fputs(sub, fp);
		else
			fwrite(p, 1, k, fp);
		p += k;
	}
	fputc('\n', fp);
}

void
dump_text(FILE *fp, const struct library *lib, int width, int measure)
{
	struct layout_opts	 lo;
	struct layout		*lay;
	size_t			 i, j, k, l;
	char			 date[16];

	memset(&lo, 0, sizeof lo);
	lo.width = width;
	lo.measure = measure;
	for (i = 0; i < lib->n; i++) {
		const struct issue *is = lib->issues[i];

		issue_date_str(is, date);
		for (j = 0; j < is->npages; j++) {
			const struct page *pg = &is->pages[j];

			for (k = 0; k < pg->narts; k++) {
				lay = layout_new(&pg->arts[k], &lo);
				for (l = 0; l < lay->nlines; l++)
					dump_text_line(fp, &lay->lines[l]);
				layout_free(lay);
				fputc('\n', fp);
			}
		}
	}
}

void
dump_outline(FILE *fp, const struct library *lib)
{
	size_t	i, j, k;
	char	date[16];

	for (i = 0; i < lib->n; i++) {
		const struct issue *is = lib->issues[i];

		issue_date_str(is, date);
		fprintf(fp, "%s %s (%s)\n", is->title != NULL ? is->title :
		    _("(untitled)"), date[0] != '\0' ? date : _("(no date)"),
		    is->encoding != NULL ? is->encoding : "?");
		for (j = 0; j < is->npages; j++) {
			const struct page *pg = &is->pages[j];

			if (pg->number > 0)
				fprintf(fp, _("  Page %d"), pg->number);
			else
				fprintf(fp, _("  Page ?"));
			if (pg->name != NULL)
				fprintf(fp, " %s", pg->name);
			fputc('\n', fp);
			for (k = 0; k < pg->narts; k++) {
				const struct article *a = &pg->arts[k];

				fprintf(fp, "    %s%s  (%zu)\n",
				    a->kind == ARTICLE_PHOTO ? _("[photo] ") :
				    "", article_title(a), article_chars(a));
			}
		}
	}
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

size_t
dump_check(FILE *fp, const struct library *lib)
{
	size_t	i, j, k, n, problems = 0, notes = 0, pchars, ichars;
	size_t	*chars = NULL, ncap = 0;
	char	date[16], c1[64], c2[64], c3[64];

	for (i = 0; i < lib->n; i++) {
		const struct issue *is = lib->issues[i];

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
		util_grow(&chars, &ncap, issue_narticles(is) + 1,
		    sizeof *chars);
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
			if (pg->number > 0)
				fprintf(fp, _("  page %d"), pg->number);
			else
				fputs(_("  page ?"), fp);
			if (pg->name != NULL)
				fprintf(fp, " %s", pg->name);
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
				problems++;
			else
				notes++;
		}
	}
	free(chars);
	for (j = 0; j < lib->diags.n; j++) {
		dump_check_diag(fp, &lib->diags.v[j]);
		if (lib->diags.v[j].severity >= DIAG_WARNING)
			problems++;
		else
			notes++;
	}
	snprintf(c1, sizeof c1, P_("%zu issue", "%zu issues", lib->n),
	    lib->n);
	snprintf(c2, sizeof c2, P_("%zu problem", "%zu problems", problems),
	    problems);
	snprintf(c3, sizeof c3, P_("%zu note", "%zu notes", notes), notes);
	/* TRANSLATORS: issues, problems, notes. */
	fprintf(fp, _("%s, %s, %s\n"), c1, c2, c3);
	return problems;
}
