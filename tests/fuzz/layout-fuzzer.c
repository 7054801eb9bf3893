/*
 * layout-fuzzer.c -- arbitrary text laid out at arbitrary widths. The
 * first three bytes choose the pane width (8 to 263 columns), the text
 * width, whether ambiguous characters are drawn wide, and how the lines
 * of the rest fill an article (fields, paragraphs, captions). Each line
 * is sanitised as the loader does (and must come out clean), then laid
 * out; every display line must fit the pane, start on a character
 * boundary inside its string, measure what it claims, and the lines of
 * one string must come in order.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "fuzz.h"
#include "layout.h"
#include "model.h"
#include "text.h"
#include "util.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static void
layout_fuzz_fail(const struct layout_line *ln, size_t i, const char *why)
{
	fprintf(stderr, "fuzz: layout line %zu (indent %d, cols %d, %zu "
	    "bytes at %zu): %s\n", i, ln->indent, ln->cols, ln->len, ln->off,
	    why);
	abort();
}

static void
layout_fuzz_check(const struct layout *lay, int width)
{
	const struct layout_line *ln, *prev = NULL;
	size_t	i;
	int	cols;

	for (i = 0; i < lay->nlines; i++) {
		ln = &lay->lines[i];
		if (ln->cols > width || ln->indent < 0 || ln->cols < 0)
			layout_fuzz_fail(ln, i, "wider than the pane");
		if (ln->kind == LAYOUT_BLANK)
			continue;
		if (ln->text == NULL || ln->off + ln->len > strlen(ln->text))
			layout_fuzz_fail(ln, i, "outside its string");
		if (u8_check((const uint8_t *)ln->text + ln->off, ln->len) !=
		    NULL)
			layout_fuzz_fail(ln, i, "cuts a character");
		cols = ln->indent + text_strwidth(ln->text + ln->off, ln->len);
		if (ln->prefix != NULL)
			cols += text_strwidth(ln->prefix, strlen(ln->prefix));
		if (cols != ln->cols)
			layout_fuzz_fail(ln, i, "measures otherwise");
		if (prev != NULL && prev->text == ln->text &&
		    prev->off + prev->len > ln->off)
			layout_fuzz_fail(ln, i, "overlaps the line before");
		prev = ln;
	}
}

/* Sanitise line S[0..N) and put it in field K of A (0-8: the fields and
 * the paragraphs, 9: a caption). */
static void
layout_fuzz_field(struct article *a, int k, const char *s, size_t n)
{
	char	**fields[] = { &a->column, &a->kicker, &a->headline,
	    &a->subhead, &a->byline, &a->dateline, &a->quote, &a->quote_by };
	char	*clean;
	size_t	 len, fit;
	int	 used;

	clean = text_sanitize(s, n, &len, NULL);
	fuzz_check_clean("sanitised text", clean, len);
	/* What fits in some columns: whole characters, within them. */
	fit = text_fit(clean, len, (int)(n % 64), &used);
	if (fit > len || used > (int)(n % 64) ||
	    u8_check((const uint8_t *)clean, fit) != NULL ||
	    text_strwidth(clean, fit) != used)
		abort();
	if (k < 8 && *fields[k] == NULL) {
		*fields[k] = clean;
		return;
	}
	if (k == 9) {
		article_add_caption(a, clean, len % 2 ? clean : NULL);
		free(clean);
		return;
	}
	article_take_para(a, clean);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article		 a;
	struct layout_opts	 lo;
	struct layout		*lay;
	const char		*s, *e, *end;
	int			 k = 0, full;

	if (size < 3)
		return 0;
	memset(&a, 0, sizeof a);
	memset(&lo, 0, sizeof lo);
	lo.width = LAYOUT_MIN_WIDTH + data[0];
	lo.measure = (data[1] & 0x7f) == 0 ? 0 : (data[1] & 0x7f) + 4;
	text_set_ambiguous(data[1] & 0x80 ? 2 : 1);
	full = data[2];
	a.from_page = full & 0x10 ? 3 : 0;
	a.cont_page = full & 0x20 ? 12 : 0;
	s = (const char *)data + 3;
	end = (const char *)data + size;
	for (; s <= end; s = e + 1) {
		e = memchr(s, '\n', end - s);
		if (e == NULL)
			e = end;
		/* Fields in order, or a headline then paragraphs. */
		layout_fuzz_field(&a, full & 1 ? k : (k == 0 ? 2 : 8), s,
		    e - s);
		if (full & 2 && e == end)
			layout_fuzz_field(&a, 9, s, e - s);
		k = k < 9 ? k + 1 : 8;
	}
	lay = layout_new(&a, &lo);
	layout_fuzz_check(lay, lo.width);
	if (lay->nlines > 0) {
		const struct layout_line *ln = &lay->lines[lay->nlines / 2];

		if (layout_find(lay, ln->field, ln->index, ln->off) >
		    lay->nlines)
			abort();
	}
	layout_free(lay);
	article_clear(&a);
	text_set_ambiguous(1);
	return 0;
}
