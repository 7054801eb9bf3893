/*
 * fold-fuzzer.c -- search folding (fold.c) on arbitrary queries and
 * texts. The first byte says whether Traditional/Simplified variants are
 * folded; the rest is a query, a NUL byte, then a text (without a NUL,
 * all of it is the text and its first line the query). Checks: the
 * folded text and query are valid UTF-8 without NUL bytes; the offset
 * map has one entry per folded byte, each inside the text, on a
 * character boundary, never going back; and every place the folded
 * query occurs in the folded text maps back to a non-empty span of
 * whole characters of the original.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "fold.h"
#include "fuzz.h"
#include "util.h"

static struct fold *fold_fuzz_ctx[2];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	/* Made once: OpenCC's tables take a while to load. */
	fold_fuzz_ctx[0] = fold_new(false);
	fold_fuzz_ctx[1] = fold_new(true);
	return 0;
}

static void
fold_fuzz_fail(const char *why, size_t at)
{
	fprintf(stderr, "fuzz: fold: %s (at %zu)\n", why, at);
	abort();
}

/* Is OFF the start of a character of valid-or-not UTF-8 S[0..N)? */
static bool
fold_fuzz_boundary(const char *s, size_t n, size_t off)
{
	return off == 0 || off == n || (off < n &&
	    ((unsigned char)s[off] & 0xc0) != 0x80);
}

static void
fold_fuzz_check_map(const struct fold_buf *b, const char *s, size_t n)
{
	size_t	k;

	if (b->len > 0 && memchr(b->s, '\0', b->len) != NULL)
		fold_fuzz_fail("NUL byte in the fold", 0);
	if (u8_check((const uint8_t *)b->s, b->len) != NULL)
		fold_fuzz_fail("fold is not UTF-8", 0);
	for (k = 0; k < b->len; k++) {
		if (b->map[k] >= n && n > 0)
			fold_fuzz_fail("map past the text", k);
		if (k > 0 && b->map[k] < b->map[k - 1])
			fold_fuzz_fail("map goes back", k);
		if (u8_check((const uint8_t *)s, n) == NULL &&
		    !fold_fuzz_boundary(s, n, b->map[k]))
			fold_fuzz_fail("map inside a character", k);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fold_buf	 b;
	struct fold	*f;
	const char	*s, *nul, *nl, *text, *p;
	char		*query, *fq;
	size_t		 n, tn, qn, os, oe;

	if (size < 1)
		return 0;
	f = fold_fuzz_ctx[data[0] & 1];
	s = (const char *)data + 1;
	n = size - 1;
	nul = memchr(s, '\0', n);
	if (nul != NULL) {
		query = xstrndup(s, nul - s);
		text = nul + 1;
		tn = strnlen(text, n - (nul - s) - 1);	/* up to a NUL */
	} else {
		nl = memchr(s, '\n', n);	/* DATA holds no NUL to stop at */
		query = xstrndup(s, nl != NULL ? (size_t)(nl - s) : n);
		text = s;
		tn = n;
	}
	fq = fold_query(f, query, &qn);
	if (strlen(fq) != qn || u8_check((const uint8_t *)fq, qn) != NULL)
		fold_fuzz_fail("folded query", 0);
	fold_buf_init(&b);
	fold_add(f, &b, text, tn, true);
	fold_fuzz_check_map(&b, text, tn);
	for (p = b.s; qn > 0 && b.len >= qn &&
	    (p = memmem(p, b.len - (p - b.s), fq, qn)) != NULL; p++) {
		fold_span(&b, text, tn, p - b.s, p - b.s + qn, &os, &oe);
		if (os >= oe || oe > tn)
			fold_fuzz_fail("match spans nothing", p - b.s);
		if (u8_check((const uint8_t *)text, tn) == NULL &&
		    (!fold_fuzz_boundary(text, tn, os) ||
		    !fold_fuzz_boundary(text, tn, oe)))
			fold_fuzz_fail("match cuts a character", p - b.s);
		if ((size_t)(p - b.s) + qn >= b.len)
			break;
	}
	fold_buf_clear(&b);
	free(fq);
	free(query);
	return 0;
}
