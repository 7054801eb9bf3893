/*
 * fuzz-check.c -- the invariant checks of fuzz.h. They measure with
 * libunistring directly, not with text.c, so that a bug in the sanitiser
 * is not hidden by sharing its tables.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "fuzz.h"
#include "util.h"

static void
fuzz_fail(const char *what, const char *why, const char *s, size_t n,
    size_t at)
{
	size_t	i, from = at > 16 ? at - 16 : 0;

	fprintf(stderr, "fuzz: %s: %s at byte %zu:", what, why, at);
	for (i = from; i < n && i < at + 16; i++)
		fprintf(stderr, " %02x", (unsigned char)s[i]);
	fputc('\n', stderr);
	abort();
}

void
fuzz_check_clean(const char *what, const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 i = 0;
	ucs4_t		 uc;
	int		 k;

	if (s == NULL)
		return;
	if (u8_check(p, n) != NULL)
		fuzz_fail(what, "invalid UTF-8", s, n,
		    (size_t)(u8_check(p, n) - p));
	while (i < n) {
		k = u8_mbtouc(&uc, p + i, n - i);
		if (uc < 0x20 || uc == 0x7f || (uc >= 0x80 && uc < 0xa0))
			fuzz_fail(what, "control character", s, n, i);
		if (uc == 0x2028 || uc == 0x2029)
			fuzz_fail(what, "line separator", s, n, i);
		if (uc_is_general_category(uc, UC_CATEGORY_Cf))
			fuzz_fail(what, "format character", s, n, i);
		i += k;
	}
}

static void
fuzz_check_str(const char *what, const char *s)
{
	if (s != NULL)
		fuzz_check_clean(what, s, strlen(s));
}

static void
fuzz_check_article(const struct article *a)
{
	size_t	i;

	fuzz_check_str("column", a->column);
	fuzz_check_str("kicker", a->kicker);
	fuzz_check_str("headline", a->headline);
	fuzz_check_str("subhead", a->subhead);
	fuzz_check_str("byline", a->byline);
	fuzz_check_str("dateline", a->dateline);
	fuzz_check_str("quote", a->quote);
	fuzz_check_str("quote_by", a->quote_by);
	fuzz_check_str("article source", a->source);
	for (i = 0; i < a->npara; i++)
		fuzz_check_str("paragraph", a->paras[i]);
	for (i = 0; i < a->ncap; i++) {
		fuzz_check_str("caption", a->caps[i].text);
		fuzz_check_str("credit", a->caps[i].credit);
	}
}

void
fuzz_check_issue(const struct issue *is)
{
	size_t	i, j;

	fuzz_check_str("title", is->title);
	fuzz_check_str("encoding", is->encoding);
	fuzz_check_str("encoding reason", is->enc_reason);
	for (i = 0; i < is->nsources; i++)
		fuzz_check_str("source", is->sources[i]);
	for (i = 0; i < is->nmasthead; i++)
		fuzz_check_str("masthead", is->masthead[i]);
	for (i = 0; i < is->npages; i++) {
		const struct page *pg = &is->pages[i];

		fuzz_check_str("page name", pg->name);
		fuzz_check_str("editor", pg->editor);
		fuzz_check_str("page source", pg->source);
		for (j = 0; j < pg->narts; j++)
			fuzz_check_article(&pg->arts[j]);
	}
	for (i = 0; i < is->diags.n; i++) {
		fuzz_check_str("diagnostic file", is->diags.v[i].file);
		fuzz_check_str("diagnostic", is->diags.v[i].message);
	}
}

void
fuzz_check_output(const char *what, const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 i = 0;
	ucs4_t		 uc;
	int		 k;

	if (u8_check(p, n) != NULL)
		fuzz_fail(what, "invalid UTF-8", s, n,
		    (size_t)(u8_check(p, n) - p));
	while (i < n) {
		k = u8_mbtouc(&uc, p + i, n - i);
		if ((uc < 0x20 && uc != '\n' && uc != '\f') || uc == 0x7f ||
		    (uc >= 0x80 && uc < 0xa0))
			fuzz_fail(what, "control character", s, n, i);
		if ((uc >= 0x202a && uc <= 0x202e) ||
		    (uc >= 0x2066 && uc <= 0x2069))
			fuzz_fail(what, "bidi control", s, n, i);
		i += k;
	}
}

char *
fuzz_copy(const uint8_t *data, size_t size)
{
	char	*s = xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
