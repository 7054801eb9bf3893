/*
 * text.c -- the one width function of dubao and the column-aware UTF-8
 * helpers built on it.
 *
 * Widths: text_width() is wcwidth() in the current locale, which is what
 * ncursesw uses to place characters (CJK.md 2.1, STYLE.md 3.1). Code
 * points wcwidth() rejects count as one cell because they are shown as
 * U+FFFD. In a locale that is not multibyte (LC_ALL=C) wcwidth() knows no
 * CJK at all, so the UTF-8 widths of libunistring are used instead; such a
 * locale can only be a --dump run, never the reader.
 *
 * Display: terminals set up for CJK draw East Asian Ambiguous characters
 * (“ ” — … · ■ and others) two cells wide while ncursesw counts one (in a
 * UTF-8 locale), and others draw them one cell wide where ncursesw counts
 * two (wcwidth() of a GB18030 or Big5 locale). When the terminal's width
 * (text_set_ambiguous(), from the user or the terminal's answer) is not
 * the locale's, text_display() names an unambiguous substitute for each
 * of them, so that what is drawn measures the same for ncursesw and for
 * the terminal; text_cell_width() is the width of what is drawn and is
 * what the layout counts. The stored text
 * is never changed. A few characters that terminals cluster differently
 * (variation selectors, emoji skin tones) are never drawn at all.
 *
 * Sanitising: text_sanitize() makes untrusted text safe to show: nothing
 * that moves the cursor, changes colours or reorders text reaches the
 * terminal, and every cell on screen is accounted for by text_width().
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "util.h"

/* Cells an East Asian Ambiguous character takes on the terminal. */
/* The terminal's cells for an ambiguous character; 0: as the locale. */
static int text_ambiguous_cells;

/*
 * East Asian Width "A" ranges (Unicode EastAsianWidth.txt) that wcwidth()
 * counts as one cell: the characters a CJK-configured terminal draws
 * wide. Combining marks and variation selectors, which are also "A" but
 * take no cell, are left out. Sorted; searched by bisection.
 */
static const struct text_range {
	ucs4_t	lo, hi;
} text_eaw_a[] = {
	{ 0x00A1, 0x00A1 }, { 0x00A4, 0x00A4 }, { 0x00A7, 0x00A8 },
	{ 0x00AA, 0x00AA }, { 0x00AD, 0x00AE }, { 0x00B0, 0x00B4 },
	{ 0x00B6, 0x00BA }, { 0x00BC, 0x00BF }, { 0x00C6, 0x00C6 },
	{ 0x00D0, 0x00D0 }, { 0x00D7, 0x00D8 }, { 0x00DE, 0x00E1 },
	{ 0x00E6, 0x00E6 }, { 0x00E8, 0x00EA }, { 0x00EC, 0x00ED },
	{ 0x00F0, 0x00F0 }, { 0x00F2, 0x00F3 }, { 0x00F7, 0x00FA },
	{ 0x00FC, 0x00FC }, { 0x00FE, 0x00FE }, { 0x0101, 0x0101 },
	{ 0x0111, 0x0111 }, { 0x0113, 0x0113 }, { 0x011B, 0x011B },
	{ 0x0126, 0x0127 }, { 0x012B, 0x012B }, { 0x0131, 0x0133 },
	{ 0x0138, 0x0138 }, { 0x013F, 0x0142 }, { 0x0144, 0x0144 },
	{ 0x0148, 0x014B }, { 0x014D, 0x014D }, { 0x0152, 0x0153 },
	{ 0x0166, 0x0167 }, { 0x016B, 0x016B }, { 0x01CE, 0x01CE },
	{ 0x01D0, 0x01D0 }, { 0x01D2, 0x01D2 }, { 0x01D4, 0x01D4 },
	{ 0x01D6, 0x01D6 }, { 0x01D8, 0x01D8 }, { 0x01DA, 0x01DA },
	{ 0x01DC, 0x01DC }, { 0x0251, 0x0251 }, { 0x0261, 0x0261 },
	{ 0x02C4, 0x02C4 }, { 0x02C7, 0x02C7 }, { 0x02C9, 0x02CB },
	{ 0x02CD, 0x02CD }, { 0x02D0, 0x02D0 }, { 0x02D8, 0x02DB },
	{ 0x02DD, 0x02DD }, { 0x02DF, 0x02DF }, { 0x0391, 0x03A1 },
	{ 0x03A3, 0x03A9 }, { 0x03B1, 0x03C1 }, { 0x03C3, 0x03C9 },
	{ 0x0401, 0x0401 }, { 0x0410, 0x044F }, { 0x0451, 0x0451 },
	{ 0x2010, 0x2010 }, { 0x2013, 0x2016 }, { 0x2018, 0x2019 },
	{ 0x201C, 0x201D }, { 0x2020, 0x2022 }, { 0x2024, 0x2027 },
	{ 0x2030, 0x2030 }, { 0x2032, 0x2033 }, { 0x2035, 0x2035 },
	{ 0x203B, 0x203B }, { 0x203E, 0x203E }, { 0x2074, 0x2074 },
	{ 0x207F, 0x207F }, { 0x2081, 0x2084 }, { 0x20AC, 0x20AC },
	{ 0x2103, 0x2103 }, { 0x2105, 0x2105 }, { 0x2109, 0x2109 },
	{ 0x2113, 0x2113 }, { 0x2116, 0x2116 }, { 0x2121, 0x2122 },
	{ 0x2126, 0x2126 }, { 0x212B, 0x212B }, { 0x2153, 0x2154 },
	{ 0x215B, 0x215E }, { 0x2160, 0x216B }, { 0x2170, 0x2179 },
	{ 0x2189, 0x2189 }, { 0x2190, 0x2199 }, { 0x21B8, 0x21B9 },
	{ 0x21D2, 0x21D2 }, { 0x21D4, 0x21D4 }, { 0x21E7, 0x21E7 },
	{ 0x2200, 0x2200 }, { 0x2202, 0x2203 }, { 0x2207, 0x2208 },
	{ 0x220B, 0x220B }, { 0x220F, 0x220F }, { 0x2211, 0x2211 },
	{ 0x2215, 0x2215 }, { 0x221A, 0x221A }, { 0x221D, 0x2220 },
	{ 0x2223, 0x2223 }, { 0x2225, 0x2225 }, { 0x2227, 0x222C },
	{ 0x222E, 0x222E }, { 0x2234, 0x2237 }, { 0x223C, 0x223D },
	{ 0x2248, 0x2248 }, { 0x224C, 0x224C }, { 0x2252, 0x2252 },
	{ 0x2260, 0x2261 }, { 0x2264, 0x2267 }, { 0x226A, 0x226B },
	{ 0x226E, 0x226F }, { 0x2282, 0x2283 }, { 0x2286, 0x2287 },
	{ 0x2295, 0x2295 }, { 0x2299, 0x2299 }, { 0x22A5, 0x22A5 },
	{ 0x22BF, 0x22BF }, { 0x2312, 0x2312 }, { 0x2460, 0x24E9 },
	{ 0x24EB, 0x254B }, { 0x2550, 0x2573 }, { 0x2580, 0x258F },
	{ 0x2592, 0x2595 }, { 0x25A0, 0x25A1 }, { 0x25A3, 0x25A9 },
	{ 0x25B2, 0x25B3 }, { 0x25B6, 0x25B7 }, { 0x25BC, 0x25BD },
	{ 0x25C0, 0x25C1 }, { 0x25C6, 0x25C8 }, { 0x25CB, 0x25CB },
	{ 0x25CE, 0x25D1 }, { 0x25E2, 0x25E5 }, { 0x25EF, 0x25EF },
	{ 0x2605, 0x2606 }, { 0x2609, 0x2609 }, { 0x260E, 0x260F },
	{ 0x261C, 0x261C }, { 0x261E, 0x261E }, { 0x2640, 0x2640 },
	{ 0x2642, 0x2642 }, { 0x2660, 0x2661 }, { 0x2663, 0x2665 },
	{ 0x2667, 0x266A }, { 0x266C, 0x266D }, { 0x266F, 0x266F },
	{ 0x269E, 0x269F }, { 0x26BF, 0x26BF }, { 0x26C6, 0x26CD },
	{ 0x26CF, 0x26D3 }, { 0x26D5, 0x26E1 }, { 0x26E3, 0x26E3 },
	{ 0x26E8, 0x26E9 }, { 0x26EB, 0x26F1 }, { 0x26F4, 0x26F4 },
	{ 0x26F6, 0x26F9 }, { 0x26FB, 0x26FC }, { 0x26FE, 0x26FF },
	{ 0x273D, 0x273D }, { 0x2776, 0x277F }, { 0x2B56, 0x2B59 },
	{ 0xE000, 0xF8FF }, { 0xFFFD, 0xFFFD }, { 0x1F100, 0x1F10A },
	{ 0x1F110, 0x1F12D }, { 0x1F130, 0x1F169 }, { 0x1F170, 0x1F18D },
	{ 0x1F18F, 0x1F190 }, { 0x1F19B, 0x1F1AC }, { 0xF0000, 0xFFFFD },
	{ 0x100000, 0x10FFFD }
};

/* Substitutes for ambiguous characters: each one 1 cell (N/Na) or 2 (W/F)
 * on every terminal. */
static const struct text_sub {
	ucs4_t		 uc;
	const char	*s;
} text_subs[] = {
	{ 0x00A7, "S" },		/* § */
	{ 0x00B0, "o" },		/* ° */
	{ 0x00B1, "+-" },		/* ± */
	{ 0x00B7, "\xe3\x83\xbb" },	/* · -> ・ (W) */
	{ 0x00D7, "x" },		/* × */
	{ 0x00F7, "/" },		/* ÷ */
	{ 0x2010, "-" },		/* ‐ */
	{ 0x2013, "-" },		/* – */
	{ 0x2014, "--" },		/* — (two cells, as drawn wide) */
	{ 0x2015, "--" },		/* ― */
	{ 0x2016, "||" },		/* ‖ */
	{ 0x2018, "'" },		/* ‘ */
	{ 0x2019, "'" },		/* ’ */
	{ 0x201C, "\"" },		/* “ */
	{ 0x201D, "\"" },		/* ” */
	{ 0x2020, "+" },		/* † */
	{ 0x2021, "++" },		/* ‡ */
	{ 0x2022, "\xe3\x83\xbb" },	/* • -> ・ */
	{ 0x2025, ".." },		/* ‥ */
	{ 0x2026, "\xe2\x8b\xaf" },	/* … -> ⋯ (N) */
	{ 0x2027, "\xe3\x83\xbb" },	/* ‧ -> ・ */
	{ 0x2030, "o/oo" },		/* ‰ */
	{ 0x2032, "'" },		/* ′ */
	{ 0x2033, "''" },		/* ″ */
	{ 0x203B, "\xef\xbc\x8a" },	/* ※ -> ＊ (F) */
	{ 0x20AC, "EUR" },		/* € */
	{ 0x2103, "oC" },		/* ℃ */
	{ 0x2116, "No." },		/* № */
	{ 0x2190, "<-" },		/* ← */
	{ 0x2191, "^" },		/* ↑ */
	{ 0x2192, "->" },		/* → */
	{ 0x2193, "v" },		/* ↓ */
	{ 0x25A0, "#" },		/* ■ */
	{ 0x25A1, "#" },		/* □ */
	{ 0x25B2, "^" },		/* ▲ */
	{ 0x25B3, "^" },		/* △ */
	{ 0x25C6, "*" },		/* ◆ */
	{ 0x25C7, "*" },		/* ◇ */
	{ 0x25CB, "o" },		/* ○ */
	{ 0x25CE, "o" },		/* ◎ */
	{ 0x25CF, "*" },		/* ● */
	{ 0x2605, "*" },		/* ★ */
	{ 0x2606, "*" },		/* ☆ */
	{ 0xFFFD, "?" }			/* replacement character */
};

/* "(1)".."(20)" for circled and parenthesised numbers, "1.".."20." for
 * numbers with a full stop. */
static const char *const text_paren_num[] = {
	"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)",
	"(11)", "(12)", "(13)", "(14)", "(15)", "(16)", "(17)", "(18)", "(19)",
	"(20)"
};
static const char *const text_dot_num[] = {
	"1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.", "10.", "11.",
	"12.", "13.", "14.", "15.", "16.", "17.", "18.", "19.", "20."
};

/* One-character strings for every printable ASCII character. */
static const char text_ascii[] =
    " \0!\0\"\0#\0$\0%\0&\0'\0(\0)\0*\0+\0,\0-\0.\0/\0"
    "0\0" "1\0" "2\0" "3\0" "4\0" "5\0" "6\0" "7\0" "8\0" "9\0"
    ":\0;\0<\0=\0>\0?\0@\0"
    "A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0M\0N\0O\0P\0Q\0R\0S\0T\0U\0V\0"
    "W\0X\0Y\0Z\0[\0\\\0]\0^\0_\0`\0"
    "a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0q\0r\0s\0t\0u\0v\0"
    "w\0x\0y\0z\0{\0|\0}\0~";

/* wcwidth() if the locale is multibyte, else libunistring's UTF-8 width. */
static int
text_wcwidth(ucs4_t uc)
{
	if (MB_CUR_MAX > 1)
		return wcwidth((wchar_t)uc);
	if (uc_is_general_category(uc, UC_CATEGORY_Cn))
		return -1;
	return uc_width(uc, "UTF-8");
}

int
text_width(ucs4_t uc)
{
	int	w;

	if (uc >= 0x20 && uc < 0x7f)
		return 1;
	if (uc >= 0x4e00 && uc <= 0x9fff)
		return 2;
	w = text_wcwidth(uc);
	return w < 0 ? 1 : w;
}

void
text_set_ambiguous(int cells)
{
	text_ambiguous_cells = cells == 1 || cells == 2 ? cells : 0;
}

int
text_ambiguous(void)
{
	if (text_ambiguous_cells != 0)
		return text_ambiguous_cells;
	return text_width(0x201C) == 2 ? 2 : 1;
}

static bool
text_is_eaw_a(ucs4_t uc)
{
	size_t	lo = 0, hi = sizeof text_eaw_a / sizeof text_eaw_a[0], mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (uc < text_eaw_a[mid].lo)
			hi = mid;
		else if (uc > text_eaw_a[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* The substitute of ambiguous UC (ambiguous-wide terminals only). */
static const char *
text_ambiguous_sub(ucs4_t uc)
{
	size_t		lo = 0, hi = sizeof text_subs / sizeof text_subs[0];
	size_t		mid;
	ucs4_t		dec[UC_DECOMPOSITION_MAX_LENGTH];
	int		type;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (uc < text_subs[mid].uc)
			hi = mid;
		else if (uc > text_subs[mid].uc)
			lo = mid + 1;
		else
			return text_subs[mid].s;
	}
	if (uc >= 0x2460 && uc <= 0x2473)
		return text_paren_num[uc - 0x2460];
	if (uc >= 0x2474 && uc <= 0x2487)
		return text_paren_num[uc - 0x2474];
	if (uc >= 0x2488 && uc <= 0x249B)
		return text_dot_num[uc - 0x2488];
	if (uc >= 0x2500 && uc <= 0x257F) {	/* box drawing */
		switch (uc) {
		case 0x2500: case 0x2501: case 0x2504: case 0x2505:
		case 0x2508: case 0x2509: case 0x254C: case 0x254D:
		case 0x2550:
			return "-";
		case 0x2502: case 0x2503: case 0x2506: case 0x2507:
		case 0x250A: case 0x250B: case 0x254E: case 0x254F:
		case 0x2551:
			return "|";
		default:
			return "+";
		}
	}
	if (uc >= 0x2580 && uc <= 0x259F)	/* block elements */
		return "#";
	/* Latin letters with marks: the base letter (é -> e). */
	if (uc >= 0xC0 && uc < 0x250 &&
	    uc_decomposition(uc, &type, dec) > 0 &&
	    type == UC_DECOMP_CANONICAL && dec[0] >= 0x20 && dec[0] < 0x7f)
		return &text_ascii[(dec[0] - 0x20) * 2];
	/* XXX Greek, Cyrillic, maths and the rest: no faithful narrow
	 * form; a question mark at least keeps the row aligned. */
	return "?";
}

const char *
text_display(ucs4_t uc)
{
	int	w;

	if (uc < 0xa1 || (uc >= 0x3000 && uc < 0xe000))
		return NULL;
	/* Never drawn: terminals disagree on how they join. */
	if (uc == 0xfe0e || uc == 0xfe0f || (uc >= 0x1f3fb && uc <= 0x1f3ff))
		return "";
	if (!text_is_eaw_a(uc))
		return NULL;
	w = text_width(uc);
	if (text_ambiguous_cells == 0 || (w != 1 && w != 2) ||
	    w == text_ambiguous_cells)
		return NULL;
	return text_ambiguous_sub(uc);
}

int
text_cell_width(ucs4_t uc)
{
	const char	*sub;

	if (uc < 0xa1 || (uc >= 0x3000 && uc < 0xe000))
		return text_width(uc);
	sub = text_display(uc);
	if (sub == NULL)
		return text_width(uc);
	return text_strwidth(sub, strlen(sub));
}

int
text_strwidth(const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + n;
	ucs4_t		 uc;
	int		 w = 0;

	while (p < end) {
		if (*p >= 0x20 && *p < 0x7f) {
			w++;
			p++;
			continue;
		}
		p += u8_mbtouc(&uc, p, end - p);
		w += text_cell_width(uc);
	}
	return w;
}

size_t
text_fit(const char *s, size_t n, int cols, int *used)
{
	const uint8_t	*u = (const uint8_t *)s;
	char		 sbuf[512], *g;
	size_t		 i, j, fit = 0;
	int		 w = 0, cw;
	ucs4_t		 uc;

	g = n <= sizeof sbuf ? sbuf : xmalloc(n);
	if (n > 0)
		u8_grapheme_breaks(u, n, g);
	for (i = 0; i < n; i = j) {
		/* One grapheme cluster [i, j). */
		cw = 0;
		j = i;
		do {
			j += u8_mbtouc(&uc, u + j, n - j);
			cw += text_cell_width(uc);
		} while (j < n && !g[j]);
		if (w + cw > cols)
			break;
		w += cw;
		fit = j;
	}
	if (g != sbuf)
		free(g);
	if (used != NULL)
		*used = w;
	return fit;
}

/* Bidi embedding, override and isolate controls: shown, never obeyed. */
static bool
text_is_bidi_control(ucs4_t uc)
{
	return (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069);
}

char *
text_sanitize(const char *s, size_t n, size_t *outlen, size_t *changed)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + n, *q;
	uint8_t		*out;
	size_t		 cap = n + 16, len = 0, nchanged = 0;
	size_t		 col = 0;	/* only its value mod 4 matters */
	int		 k;
	ucs4_t		 uc;

	out = xmalloc(cap);
	while (p < end) {
		/* Room for the largest expansion of one input byte. */
		if (cap - len < 8)
			out = util_grow(out, &cap, len + 8, 1);
		if (*p >= 0x20 && *p < 0x7f) {
			out[len++] = *p++;
			col++;
			continue;
		}
		/* Fast path: well-formed CJK ideographs (U+4E00-9FFF) and
		 * CJK punctuation and fullwidth forms, which are assigned,
		 * printable and two cells wide. */
		if (end - p >= 3 && (p[0] >= 0xe4 && p[0] <= 0xe9) &&
		    (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
			memcpy(out + len, p, 3);
			len += 3;
			p += 3;
			col += 2;
			continue;
		}
		if (end - p >= 3 && p[0] == 0xe3 && p[1] == 0x80 &&
		    p[2] >= 0x81 && p[2] <= 0xbf) {		/* U+3001-303F */
			memcpy(out + len, p, 3);
			len += 3;
			p += 3;
			col += 2;
			continue;
		}
		if (end - p >= 3 && p[0] == 0xef && ((p[1] == 0xbc &&
		    p[2] >= 0x81 && p[2] <= 0xbf) || (p[1] == 0xbd &&
		    p[2] >= 0x80 && p[2] <= 0x9e))) {		/* U+FF01-FF5E */
			memcpy(out + len, p, 3);
			len += 3;
			p += 3;
			col += 2;
			continue;
		}
		q = p;
		k = u8_mbtouc(&uc, p, end - p);
		p += k;
		if (uc == 0xfffd && !(k == 3 && q[0] == 0xef && q[1] == 0xbf &&
		    q[2] == 0xbd))
			nchanged++;	/* an invalid sequence */
		if (uc == '\t') {
			/* Spaces to the next multiple of 4 columns. */
			do {
				if (cap - len < 2)
					out = util_grow(out, &cap, len + 2, 1);
				out[len++] = ' ';
				col++;
			} while (col % 4 != 0);
			nchanged++;
			continue;
		}
		if (uc < 0x20)			/* C0: control pictures */
			uc = 0x2400 + uc, nchanged++;
		else if (uc == 0x7f)
			uc = 0x2421, nchanged++;
		else if (uc >= 0x80 && uc < 0xa0)	/* C1 */
			uc = 0xfffd, nchanged++;
		else if (text_is_bidi_control(uc))
			uc = 0xfffd, nchanged++;
		else if (uc == 0x2028 || uc == 0x2029)
			uc = ' ', nchanged++;
		else if (uc >= 0x80 &&
		    uc_is_general_category(uc, UC_CATEGORY_Cf)) {
			/* Zero-width and other format characters: they take
			 * no cell and mean nothing on a terminal. */
			nchanged++;
			continue;
		} else if (uc >= 0xa0 && (uc < 0x4e00 || uc > 0x9fff) &&
		    text_wcwidth(uc) < 0)
			uc = 0xfffd, nchanged++;	/* unassigned */
		col += text_width(uc);
		len += u8_uctomb(out + len, uc, cap - len);
	}
	out[len] = '\0';
	if (outlen != NULL)
		*outlen = len;
	if (changed != NULL)
		*changed = nchanged;
	return (char *)out;
}

char *
text_sanitize_str(const char *s)
{
	char	*t;
	size_t	 len;

	if (s == NULL)
		return NULL;
	t = text_sanitize(s, strlen(s), &len, NULL);
	return xrealloc(t, len + 1);	/* names are kept: no slack */
}

bool
text_is_han(ucs4_t uc)
{
	return (uc >= 0x4e00 && uc <= 0x9fff) ||	/* URO */
	    (uc >= 0x3400 && uc <= 0x4dbf) ||		/* Ext A */
	    (uc >= 0xf900 && uc <= 0xfaff) ||		/* compatibility */
	    (uc >= 0x20000 && uc <= 0x2ffff) ||		/* Ext B-F, compat */
	    (uc >= 0x30000 && uc <= 0x3134f) ||		/* Ext G */
	    uc == 0x3007;				/* 〇 */
}
