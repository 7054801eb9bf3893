/*
 * test-text.c -- the width function, fitting by columns, display
 * substitutes for ambiguous-wide terminals, and the sanitiser.
 */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unistr.h>

#include "tcheck.h"
#include "text.h"

/* Every class of character the layout cares about, with its width. */
static const struct {
	ucs4_t	uc;
	int	width;
} width_cases[] = {
	{ 'a', 1 }, { ' ', 1 }, { '1', 1 },
	{ 0x4E2D, 2 },		/* 中 */
	{ 0x3400, 2 },		/* 㐀 extension A */
	{ 0x20000, 2 },		/* 𠀀 extension B */
	{ 0x3007, 2 },		/* 〇 */
	{ 0xFF0C, 2 },		/* ， */
	{ 0x3002, 2 },		/* 。 */
	{ 0x3001, 2 },		/* 、 */
	{ 0x300A, 2 },		/* 《 */
	{ 0x300C, 2 },		/* 「 */
	{ 0x3000, 2 },		/* ideographic space */
	{ 0xFF21, 2 },		/* Ａ */
	{ 0xFF11, 2 },		/* １ */
	{ 0xFFE5, 2 },		/* ￥ */
	{ 0xFF5E, 2 },		/* ～ */
	{ 0xFF0F, 2 },		/* ／ */
	{ 0x30FB, 2 },		/* ・ */
	{ 0xFF71, 1 },		/* ｱ halfwidth */
	{ 0x201C, 1 },		/* “ ambiguous */
	{ 0x201D, 1 },		/* ” */
	{ 0x2018, 1 },		/* ‘ */
	{ 0x2014, 1 },		/* — */
	{ 0x2015, 1 },		/* ― */
	{ 0x2026, 1 },		/* … */
	{ 0x00B7, 1 },		/* · */
	{ 0x2022, 1 },		/* • */
	{ 0x25A0, 1 },		/* ■ */
	{ 0x2460, 1 },		/* ① */
	{ 0x00E9, 1 },		/* é */
	{ 0x0301, 0 },		/* combining acute */
	{ 0xFE0F, 0 },		/* variation selector 16 */
	{ 0x1F600, 2 },		/* 😀 */
	{ 0x1F1E8, 1 },		/* regional indicator C */
	{ 0x2400 + 0x1B, 1 },	/* ␛ */
	{ 0xFFFD, 1 },		/* replacement character */
	{ 0x1B, 1 },		/* ESC itself: rejected, counts as one */
	{ 0xE0000 + 0x3FFF, 1 }	/* unassigned: shown as one cell */
};

static const struct {
	const char	*s;
	int		 cols;		/* budget */
	size_t		 bytes;		/* expected bytes that fit */
	int		 used;		/* expected columns used */
} fit_cases[] = {
	{ "abc",	2,	2,	2 },
	{ "中文ab",	3,	3,	2 },	/* never half a wide char */
	{ "中文ab",	5,	7,	5 },
	{ "中文ab",	0,	0,	0 },
	{ "e\xcc\x81x",	1,	3,	1 },	/* combining mark stays */
	/* Two flags: 2 cells each, never half a flag (4 code points). */
	{ "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\xf0\x9f\x87\xba\xf0\x9f\x87\xb8",
			3,	8,	2 },
	/* ZWJ family: one cluster of 6 cells by wcwidth, all or none. */
	{ "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	  "\xf0\x9f\x91\xa7",	5,	0,	0 },
	{ "“巷长制”",	7,	12,	7 },
};

static const struct {
	const char	*in;
	const char	*out;
	size_t		 changed;
} san_cases[] = {
	{ "巷长制", "巷长制", 0 },
	{ "a\x1b[31mb", "a\xe2\x90\x9b[31mb", 1 },	/* ESC -> ␛ */
	{ "a\x07" "b", "a\xe2\x90\x87" "b", 1 },		/* BEL -> ␇ */
	{ "a\x7f", "a\xe2\x90\xa1", 1 },		/* DEL -> ␡ */
	{ "a\xc2\x9b" "b", "a\xef\xbf\xbd" "b", 1 },	/* C1 CSI */
	{ "\xe2\x80\xae" "abc", "\xef\xbf\xbd" "abc", 1 },	/* RLO */
	{ "\xe2\x81\xa6x\xe2\x81\xa9", "\xef\xbf\xbdx\xef\xbf\xbd", 2 },
	{ "老\xe2\x80\x8b兵", "老兵", 1 },		/* ZWSP dropped */
	{ "co\xc2\xad" "op", "coop", 1 },		/* soft hyphen */
	{ "\xef\xbb\xbf" "BOM", "BOM", 1 },		/* BOM */
	{ "a\tb", "a   b", 1 },				/* TAB to col 4 */
	{ "中\tb", "中  b", 1 },
	{ "\tx", "    x", 1 },
	{ "a\xff" "b", "a\xef\xbf\xbd" "b", 1 },		/* invalid */
	{ "a\xe4\xb8", "a\xef\xbf\xbd", 1 },		/* truncated */
	{ "x\xe2\x80\xa8y", "x y", 1 },			/* U+2028 */
	{ "\xef\xbf\xbd", "\xef\xbf\xbd", 0 },		/* real U+FFFD */
};

/* East Asian Ambiguous characters common in Chinese text. */
static const ucs4_t ambiguous[] = {
	0x201C, 0x201D, 0x2018, 0x2019, 0x2014, 0x2015, 0x2026, 0x00B7,
	0x25A0, 0x25CF, 0x2022, 0x2460, 0x00D7, 0x2103, 0x00E9, 0x0410,
	0x03B1, 0xFFFD, 0x2500, 0x2192
};

int
main(void)
{
	size_t		 i, len, changed;
	int		 used;
	ucs4_t		 uc, c;
	char		*s;
	const char	*sub;
	const uint8_t	*p;

	TSTART();

	for (i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++) {
		int w = text_width(width_cases[i].uc);

		if (w != width_cases[i].width)
			fprintf(stderr, "U+%04X: width %d\n",
			    (unsigned)width_cases[i].uc, w);
		CHECK(w == width_cases[i].width);
	}
	/* The one width function agrees with what ncursesw uses. */
	for (uc = 0x20; uc < 0x30000; uc++) {
		int w = wcwidth((wchar_t)uc);

		if (w >= 0 && text_width(uc) != w) {
			fprintf(stderr, "U+%04X: %d vs wcwidth %d\n",
			    (unsigned)uc, text_width(uc), w);
			CHECK(text_width(uc) == w);
			break;
		}
	}
	CHECK(text_strwidth("中文ab", strlen("中文ab")) == 6);
	CHECK(text_strwidth("“巷长制”，", strlen("“巷长制”，")) == 10);
	CHECK(text_strwidth("", 0) == 0);

	for (i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		len = text_fit(fit_cases[i].s, strlen(fit_cases[i].s),
		    fit_cases[i].cols, &used);
		if (len != fit_cases[i].bytes || used != fit_cases[i].used)
			fprintf(stderr, "fit case %zu: %zu bytes, %d cols\n",
			    i, len, used);
		CHECK(len == fit_cases[i].bytes);
		CHECK(used == fit_cases[i].used);
	}

	/* Ambiguous = 1 (default): everything drawn as it is. */
	CHECK(text_ambiguous() == 1);
	for (i = 0; i < sizeof ambiguous / sizeof ambiguous[0]; i++) {
		CHECK(text_display(ambiguous[i]) == NULL);
		CHECK(text_cell_width(ambiguous[i]) == 1);
	}
	/* Never drawn in any mode: emoji presentation and skin tones. */
	CHECK_STR(text_display(0xFE0F), "");
	CHECK(text_cell_width(0x1F3FD) == 0);
	CHECK(text_display(0x4E2D) == NULL);

	/* Ambiguous = 2: every ambiguous character gets a substitute. */
	text_set_ambiguous(2);
	CHECK(text_ambiguous() == 2);
	for (i = 0; i < sizeof ambiguous / sizeof ambiguous[0]; i++) {
		sub = text_display(ambiguous[i]);
		if (sub == NULL)
			fprintf(stderr, "U+%04X not substituted\n",
			    (unsigned)ambiguous[i]);
		CHECK(sub != NULL && sub[0] != '\0');
	}
	CHECK_STR(text_display(0x201C), "\"");
	CHECK_STR(text_display(0x2019), "'");
	CHECK_STR(text_display(0x2026), "\xe2\x8b\xaf");	/* ⋯ */
	CHECK_STR(text_display(0x00B7), "\xe3\x83\xbb");	/* ・ */
	CHECK_STR(text_display(0x2460), "(1)");
	CHECK_STR(text_display(0x00E9), "e");
	CHECK(text_cell_width(0x00B7) == 2);	/* ・ is wide everywhere */
	CHECK(text_cell_width(0x2014) == 2);	/* "--" */
	CHECK(text_cell_width(0x2460) == 3);
	CHECK(text_display(0x4E2D) == NULL);	/* 中 is never changed */
	CHECK(text_display(0xFF0C) == NULL);	/* nor ， */
	CHECK(text_strwidth("“中”", strlen("“中”")) == 4);
	/*
	 * No substitute is itself ambiguous, so nothing drawn can measure
	 * differently on the terminal and in ncursesw; and the widths the
	 * layout counts are those of the substitutes.
	 */
	for (uc = 0xA1; uc < 0x10000; uc++) {
		if ((sub = text_display(uc)) == NULL)
			continue;
		used = 0;
		for (p = (const uint8_t *)sub; *p != '\0'; ) {
			p += u8_mbtouc(&c, p, strlen((const char *)p));
			CHECK(text_display(c) == NULL);
			used += text_width(c);
		}
		CHECK(text_cell_width(uc) == used);
	}
	text_set_ambiguous(1);
	CHECK(text_display(0x201C) == NULL);

	/*
	 * A GB18030 locale counts ambiguous characters two cells wide: as
	 * they are by default, substitutes for a terminal that draws one.
	 */
	if (setlocale(LC_CTYPE, "zh_CN.GB18030") != NULL) {
		text_set_ambiguous(0);
		CHECK(text_ambiguous() == 2);
		CHECK(text_display(0x201C) == NULL);
		CHECK(text_cell_width(0x201C) == 2);
		text_set_ambiguous(1);
		CHECK_STR(text_display(0x201C), "\"");
		CHECK(text_cell_width(0x201C) == 1);
		setlocale(LC_CTYPE, "C");
		text_set_ambiguous(1);
	}

	for (i = 0; i < sizeof san_cases / sizeof san_cases[0]; i++) {
		s = text_sanitize(san_cases[i].in, strlen(san_cases[i].in),
		    &len, &changed);
		CHECK_STR(s, san_cases[i].out);
		CHECK(len == strlen(san_cases[i].out));
		if (changed != san_cases[i].changed)
			fprintf(stderr, "sanitize case %zu: %zu changed\n", i,
			    changed);
		CHECK(changed == san_cases[i].changed);
		free(s);
	}
	/* NUL bytes inside a line become ␀, never a string end. */
	s = text_sanitize("a\0b", 3, &len, NULL);
	CHECK(len == 5 && memcmp(s, "a\xe2\x90\x80" "b", 5) == 0);
	free(s);
	/* What comes out is valid UTF-8 without controls, whatever goes in. */
	{
		char	 junk[512];
		size_t	 k;

		srand(4);
		for (k = 0; k < sizeof junk; k++)
			junk[k] = (char)(rand() & 0xff);
		s = text_sanitize(junk, sizeof junk, &len, NULL);
		CHECK(u8_check((const uint8_t *)s, len) == NULL);
		for (k = 0; k < len; k++)
			CHECK((unsigned char)s[k] >= 0x20 && s[k] != 0x7f);
		free(s);
	}

	CHECK(text_is_han(0x4E2D));
	CHECK(text_is_han(0x20000));
	CHECK(!text_is_han(0x3002));
	CHECK(!text_is_han('A'));
	return TDONE();
}
