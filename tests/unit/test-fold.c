/*
 * test-fold.c -- the search fold: each rule with a case that only that
 * rule folds (NFKC, case, ignorables, marks, variants, white space), the
 * offset map back to the original (spans of matches, monotonic, on
 * character boundaries), and chunked folding against libunistring's
 * whole-string fold.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"
#include "tcheck.h"

/* Text and its expected fold; VARIANTS: needs Traditional folding. */
static const struct {
	const char	*in;
	const char	*out;
	bool		 variants;
} fold_cases[] = {
	/* NFKC: full-width letters, digits, punctuation; half-width kana. */
	{ "ＣＮ８１", "cn81", false },
	{ "１２３，４５６！", "123,456!", false },
	{ "ｶﾞｷﾞ", "ガギ", false },
	{ "㈱①", "(株)1", false },
	{ "⼀⼆", "一二", false },		/* Kangxi radicals */
	/* Case folding, beyond ASCII too. */
	{ "NATO", "nato", false },
	{ "Straße", "strasse", false },
	{ "ΣΑΣ", "σασ", false },
	/* Default-ignorable code points are dropped. */
	{ "老\xe2\x80\x8b兵", "老兵", false },	/* ZWSP */
	{ "co\xc2\xad" "op", "coop", false },	/* soft hyphen */
	/* Marks that differ by convention only. */
	{ "“老兵码”", "\"老兵码\"", false },
	{ "‘一码’", "'一码'", false },
	{ "――", "——", false },
	{ "爱新觉罗・溥仪", "爱新觉罗·溥仪", false },
	{ "〜", "~", false },
	/* White space: dropped beside CJK, one space elsewhere, trimmed. */
	{ "老兵 码", "老兵码", false },
	{ "老兵\n码", "老兵码", false },
	{ "老兵\xe3\x80\x80码", "老兵码", false },	/* U+3000 */
	{ "近 20 万名", "近20万名", false },
	{ "CN  81", "cn 81", false },
	{ "ＣＮ ８１", "cn 81", false },
	{ "a\t\r\nb", "a b", false },
	{ "  cn 81  ", "cn 81", false },
	{ "", "", false },
	{ " \n ", "", false },
	/* Traditional and Simplified, Taiwan and Hong Kong forms. */
	{ "滿洲裏", "满洲里", true },
	{ "中國國防報", "中国国防报", true },
	{ "看著", "看着", true },		/* tw2s only */
	{ "衞生", "卫生", true },		/* hk2s only */
	{ "「老兵碼」", "\"老兵码\"", true },
	{ "『一碼』", "'一码'", true },
	{ "满洲里", "满洲里", true },		/* Simplified stays */
};

static char *
fold_str(struct fold *f, const char *s)
{
	return fold_query(f, s, NULL);
}

static void
test_rules(void)
{
	struct fold	*on = fold_new(true), *off = fold_new(false);
	size_t		 i;
	char		*r;

	for (i = 0; i < sizeof fold_cases / sizeof fold_cases[0]; i++) {
		if (fold_cases[i].variants && !fold_variants(on))
			continue;
		r = fold_str(fold_cases[i].variants ? on : off,
		    fold_cases[i].in);
		CHECK_STR(r, fold_cases[i].out);
		free(r);
	}
	/* Without variants, Traditional text and corner brackets stay. */
	r = fold_str(off, "滿洲裏「」");
	CHECK_STR(r, "滿洲裏「」");
	free(r);
	CHECK(!fold_variants(off));
#ifdef HAVE_OPENCC
	CHECK(fold_variants(on));
#endif
	fold_free(on);
	fold_free(off);
}

/* Fold TEXT, find the fold of QUERY in it, return the original span. */
static int
span_of(struct fold *f, const char *text, const char *query, size_t *os,
    size_t *oe)
{
	struct fold_buf	 b;
	char		*q, *p;
	size_t		 qn;
	int		 found = 0;

	fold_buf_init(&b);
	fold_add(f, &b, text, strlen(text), true);
	q = fold_query(f, query, &qn);
	p = b.s != NULL && qn > 0 ? memmem(b.s, b.len, q, qn) : NULL;
	if (p != NULL) {
		fold_span(&b, text, strlen(text), (size_t)(p - b.s),
		    (size_t)(p - b.s) + qn, os, oe);
		found = 1;
	}
	free(q);
	fold_buf_clear(&b);
	return found;
}

static void
check_span(struct fold *f, const char *text, const char *query,
    const char *want)
{
	size_t	os = 0, oe = 0;

	if (!span_of(f, text, query, &os, &oe)) {
		CHECK(!"no match");
		fprintf(stderr, "  %s in %s\n", query, text);
		return;
	}
	CHECK(oe - os == strlen(want) && memcmp(text + os, want,
	    oe - os) == 0);
	if (oe - os != strlen(want) || memcmp(text + os, want, oe - os) != 0)
		fprintf(stderr, "  %s in %s: [%zu, %zu)\n", query, text, os,
		    oe);
}

static void
test_spans(void)
{
	struct fold	*f = fold_new(true);
	size_t		 os, oe;

	/* Highlight exactly the original characters, whatever their size. */
	check_span(f, "德国ＳＴＲＡßＥ街", "strasse", "ＳＴＲＡßＥ");
	check_span(f, "代号 CN 81-0002 (J)", "ＣＮ ８１", "CN 81");
	/* Between Latin letters and digits a space still counts. */
	CHECK(!span_of(f, "代号 CN 81-0002 (J)", "cn81", &os, &oe));
	/* Across a line break or space between CJK: both ends kept. */
	check_span(f, "构建“老兵\n码”运行体系", "老兵码”运行",
	    "老兵\n码”运行");
	check_span(f, "e\xcc\x81x", "\xc3\xa9", "e\xcc\x81");	/* é */
	check_span(f, "a…b", ".", "…");	/* inside an expansion */
	check_span(f, "x㈱y", "株", "㈱");
	if (fold_variants(f)) {
		check_span(f, "内蒙古满洲里市", "滿洲裏", "满洲里");
		check_span(f, "中國國防報微信", "国防报", "國防報");
	}
	fold_free(f);
}

/* The map is monotonic and points at character starts. */
static void
test_map(void)
{
	static const char *const texts[] = {
		"德国ＳＴＲＡßＥ街", "老兵 \n码 ｶﾞ㈱ e\xcc\x81 “中國”",
		"\xff\xfe bad \xe4\xb8", "",
	};
	struct fold	*f = fold_new(true);
	struct fold_buf	 b;
	size_t		 i, k, n;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		fold_buf_init(&b);
		fold_add(f, &b, "prefix", 6, true);
		k = b.len;
		n = strlen(texts[i]);
		fold_add(f, &b, texts[i], n, true);
		for (; k < b.len; k++) {
			CHECK(b.map[k] < n);
			CHECK(((unsigned char)texts[i][b.map[k]] & 0xc0) != 0x80);
			if (k > 6)
				CHECK(b.map[k] >= b.map[k - 1]);
		}
		/* Invalid bytes fold to U+FFFD: the fold is valid UTF-8. */
		CHECK(b.s == NULL || u8_check((const uint8_t *)b.s, b.len) ==
		    NULL);
		fold_buf_clear(&b);
	}
	fold_free(f);
}

/*
 * Folding chunk by chunk equals folding the whole string with
 * libunistring, for text the other rules leave alone.
 */
static void
test_chunks(void)
{
	static const char *const texts[] = {
		"ｶﾞｷﾞｸﾞ㈱①⑴ßΣΑΣe\xcc\x81" "A\xcc\x8a" "Ω℃㎡Ⅻ½ﬁ™",
		"\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8",	/* Hangul jamo LVT */
		"ａｂｃＡＢＣ片仮名ｶﾀｶﾅ",
	};
	struct fold	*f = fold_new(false);
	uint8_t		*whole;
	size_t		 i, len;
	char		*r;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		whole = u8_casefold((const uint8_t *)texts[i],
		    strlen(texts[i]), "", UNINORM_NFKC, NULL, &len);
		r = fold_str(f, texts[i]);
		CHECK(whole != NULL && strlen(r) == len &&
		    memcmp(r, whole, len) == 0);
		free(r);
		free(whole);
	}
	fold_free(f);
}

int
main(void)
{
	TSTART();
	test_rules();
	test_spans();
	test_map();
	test_chunks();
	return TDONE();
}
