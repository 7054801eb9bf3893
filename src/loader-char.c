/*
 * loader-char.c -- the characters and strings the loader passes test:
 * sentence stops, closing and opening marks, layout spaces, cleaning a
 * unit's text, page numbers and continuation notes (第N版, （下转第N版）),
 * and joining lines as a typesetter does.
 *
 * All functions take NUL-terminated UTF-8 that text_sanitize() produced;
 * none of them fails or allocates except loader_clean().
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "loader-int.h"

ucs4_t
loader_first(const char *s)
{
	ucs4_t	uc = 0;

	if (*s != '\0')
		u8_strmbtouc(&uc, (const uint8_t *)s);
	return uc;
}

ucs4_t
loader_last(const char *s, size_t len, size_t back)
{
	const uint8_t	*start = (const uint8_t *)s, *p = start + len;
	ucs4_t		 uc = 0;

	while (p != NULL && p > start) {
		p = u8_prev(&uc, p, start);
		if (back-- == 0)
			return uc;
	}
	return 0;
}

size_t
loader_nchars(const char *s)
{
	const unsigned char	*p;
	size_t			 n = 0;

	/* Valid UTF-8 (sanitised): one lead byte a code point. */
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		n += (*p & 0xc0) != 0x80;
	return n;
}

/* Marks that end a sentence. */
bool
loader_is_stop(ucs4_t uc)
{
	switch (uc) {
	case 0x3002:	/* 。 */
	case 0xff01:	/* ！ */
	case 0xff1f:	/* ？ */
	case 0x2026:	/* … */
	case 0xff0e:	/* ． */
	case 0xff1b:	/* ； */
	case '.':
	case '!':
	case '?':
	case ';':
		return true;
	}
	return false;
}

/* Closing quotes and brackets that may follow a stop. */
bool
loader_is_closer(ucs4_t uc)
{
	switch (uc) {
	case 0x201d:	/* ” */
	case 0x2019:	/* ’ */
	case 0x300d:	/* 」 */
	case 0x300f:	/* 』 */
	case 0xff09:	/* ） */
	case 0x300b:	/* 》 */
	case 0x3011:	/* 】 */
	case ')':
	case ']':
	case '"':
	case '\'':
		return true;
	}
	return false;
}

bool
loader_is_opener(ucs4_t uc)
{
	switch (uc) {
	case 0x201c:	/* “ */
	case 0x2018:	/* ‘ */
	case 0x300c:	/* 「 */
	case 0x300e:	/* 『 */
	case 0xff08:	/* （ */
	case 0x300a:	/* 《 */
	case 0x3010:	/* 【 */
	case '(':
	case '[':
		return true;
	}
	return false;
}

/*
 * Does S end a sentence? A stop, or closers after a stop ("。”", "！）"),
 * or a continuation note's closing bracket.
 */
bool
loader_is_closed(const char *s)
{
	size_t	len = strlen(s), i;
	ucs4_t	uc;

	/* A note wholly in brackets ends what it follows:
	 * （新华社北京1月31日电）, （作者为…）. */
	if ((loader_starts(s, "（") && loader_ends(s, "）")) ||
	    (s[0] == '(' && len > 0 && s[len - 1] == ')'))
		return true;

	for (i = 0; i < 4; i++) {
		uc = loader_last(s, len, i);
		if (uc == 0)
			return false;
		if (loader_is_stop(uc))
			return true;
		if (!loader_is_closer(uc))
			return false;
	}
	return false;
}

/* Are quotes and brackets of S balanced (a cut fragment often is not)? */
bool
loader_balanced(const char *s)
{
	int	depth = 0;
	ucs4_t	uc;
	int	k;

	while (*s != '\0') {
		k = u8_strmbtouc(&uc, (const uint8_t *)s);
		if (k <= 0)
			break;
		if (loader_is_opener(uc))
			depth++;
		else if (loader_is_closer(uc) && uc != '"' && uc != '\'')
			depth--;
		s += k;
	}
	return depth == 0;
}

bool
loader_ends(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* Does S start with one of the N words W? */
bool
loader_starts_any(const char *s, const char *const *w, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (loader_starts(s, w[i]))
			return true;
	return false;
}

/* Does S end with one of the N words W? */
bool
loader_ends_any(const char *s, const char *const *w, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (loader_ends(s, w[i]))
			return true;
	return false;
}


/* Skip leading spaces of any kind. */
const char *
loader_skip_space(const char *s)
{
	ucs4_t	uc;
	int	k;

	while (*s != '\0') {
		k = u8_strmbtouc(&uc, (const uint8_t *)s);
		if (k <= 0 || !loader_is_space(uc))
			break;
		s += k;
	}
	return s;
}

/* Length of S without trailing spaces of any kind. */
size_t
loader_trim_len(const char *s, size_t len)
{
	const uint8_t	*start = (const uint8_t *)s, *p = start + len, *q;
	ucs4_t		 uc;

	while (p > start) {
		q = u8_prev(&uc, p, start);
		if (q == NULL || !loader_is_space(uc))
			break;
		p = q;
	}
	return p - start;
}

/*
 * Copy S, trimmed, with runs of no-break and other layout spaces between
 * words made one ASCII space. An ideographic space inside the text is
 * text (a separator the paper printed) and is kept, but a run of them
 * counts as one.
 */
/* Clean S into OUT (which may be S itself: the result never grows). */
void
loader_clean_to(char *out, const char *s)
{
	const char	*p, *end;
	char		*o = out;
	ucs4_t		 uc;
	int		 k;
	bool		 space = false, ideo = false;

	p = loader_skip_space(s);
	end = p + loader_trim_len(p, strlen(p));
	while (p < end) {
		if (*p != ' ' && *p != '\t' && (unsigned char)*p < 0x80) {
			if (space) {
				if (ideo) {
					memcpy(o, "\xe3\x80\x80", 3);
					o += 3;
				} else
					*o++ = ' ';
				space = ideo = false;
			}
			*o++ = *p++;
			continue;
		}
		/* U+4000-9FFF (lead bytes E4-E9) are never spaces. */
		if ((unsigned char)*p >= 0xe4 && (unsigned char)*p <= 0xe9 &&
		    end - p >= 3) {
			k = 3;
			uc = 0x4e00;
		} else
			k = u8_mbtouc_unsafe(&uc, (const uint8_t *)p,
			    end - p);
		if (loader_is_space(uc)) {
			space = true;
			if (uc == 0x3000)
				ideo = true;
			p += k;
			continue;
		}
		if (space) {
			if (ideo) {
				memcpy(o, "\xe3\x80\x80", 3);
				o += 3;
			} else
				*o++ = ' ';
			space = ideo = false;
		}
		memmove(o, p, k);
		o += k;
		p += k;
	}
	*o = '\0';
}

/* A cleaned copy of S (caller frees). */
char *
loader_clean(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1);

	loader_clean_to(out, s);
	return out;
}


/*
 * N * 10 + D, or a value over LL_NUMBER_MAX once N is already over it:
 * the digits of a long number are read but never overflow.
 */
static int
loader_number_step(int n, int d)
{
	return n > LL_NUMBER_MAX ? n : n * 10 + d;
}

/* Parse a decimal or Chinese numeral page number at *SP, advance it. */
int
loader_number(const char **sp)
{
	static const char *const digits[] = { "〇", "一", "二", "三", "四",
	    "五", "六", "七", "八", "九" };
	const char	*s = *sp;
	int		 n = 0, i, seen = 0, d;
	ucs4_t		 uc;

	for (;;) {
		k_again:
		if (*s >= '0' && *s <= '9') {
			n = loader_number_step(n, *s - '0');
			s++;
			seen = 1;
			continue;
		}
		if (u8_strmbtouc(&uc, (const uint8_t *)s) > 0 &&
		    uc >= 0xff10 && uc <= 0xff19) {
			n = loader_number_step(n, (int)(uc - 0xff10));
			s += 3;
			seen = 1;
			continue;
		}
		for (i = 0; i < 10; i++) {
			d = strlen(digits[i]);
			if (strncmp(s, digits[i], d) == 0) {
				n = loader_number_step(n, i);
				s += d;
				seen = 1;
				goto k_again;
			}
		}
		if (strncmp(s, "十", 3) == 0) {
			n = loader_number_step(n == 0 ? 1 : n, 0);
			s += 3;
			seen = 1;
			continue;
		}
		break;
	}
	if (!seen || n > LL_NUMBER_MAX)
		return -1;
	*sp = s;
	return n;
}

/*
 * Find "第N版" in S; return N and store the end of the match in *END, or
 * return -1.
 */
int
loader_find_page_no(const char *s, const char **end)
{
	const char	*p = s, *q;
	int		 n;

	while ((p = strstr(p, "第")) != NULL) {
		q = loader_skip_space(p + 3);
		n = loader_number(&q);
		if (n > 0) {
			q = loader_skip_space(q);
			if (loader_starts(q, "版")) {
				*end = q + 3;
				return n;
			}
		}
		p += 3;
	}
	return -1;
}

/*
 * A continuation note: （下转第N版） or （上接第N版）, with ( or （ and
 * optional spaces. Returns N and sets *DOWN (true for 下转/转第) and the
 * match [*MS, *ME) in S, or returns -1.
 */
int
loader_find_note(const char *s, bool *down, const char **ms, const char **me)
{
	const char	*p = s, *q, *open;
	int		 n;

	for (; (p = strstr(p, "第")) != NULL; p += 3) {
		/* Look back for the verb and the bracket. */
		open = NULL;
		if (p - s >= 6 && (strncmp(p - 6, "下转", 6) == 0 ||
		    strncmp(p - 6, "下轉", 6) == 0 ||
		    strncmp(p - 6, "上接", 6) == 0 ||
		    strncmp(p - 6, "接上", 6) == 0)) {
			*down = strncmp(p - 6, "下", 3) == 0;
			open = p - 6;
		} else if (p - s >= 3 && (strncmp(p - 3, "转", 3) == 0 ||
		    strncmp(p - 3, "轉", 3) == 0 ||
		    strncmp(p - 3, "接", 3) == 0)) {
			*down = strncmp(p - 3, "接", 3) != 0;
			open = p - 3;
		}
		if (open == NULL)
			continue;
		q = p + 3;
		n = loader_number(&q);
		if (n <= 0 || !loader_starts(q, "版"))
			continue;
		q += 3;
		if (open - s >= 3 && strncmp(open - 3, "（", 3) == 0)
			open -= 3;
		else if (open - s >= 1 && open[-1] == '(')
			open--;
		if (loader_starts(q, "）"))
			q += 3;
		else if (*q == ')')
			q++;
		*ms = open;
		*me = q;
		return n;
	}
	return -1;
}

/* Is there a CJK character among the last (or first) four characters? */
static bool
loader_cjk_near(const char *s, size_t len, bool at_end)
{
	const uint8_t	*p;
	ucs4_t		 uc;
	int		 i, k;

	for (i = 0; i < 4; i++) {
		if (at_end) {
			uc = loader_last(s, len, i);
		} else {
			p = (const uint8_t *)s;
			k = 0;
			uc = 0;
			while (k <= i && *p != '\0') {
				int n = u8_strmbtouc(&uc, p);

				if (n <= 0)
					break;
				p += n;
				k++;
			}
			if (k <= i)
				uc = 0;
		}
		if (uc != 0 && (loader_is_wide_letter(uc) || (uc >= 0x2e80 &&
		    uc <= 0xffef)))
			return true;
	}
	return false;
}

/*
 * Append line text L to B, joining as a typesetter would: nothing
 * between CJK characters (nor inside a number cut at the line end), one
 * space between Latin words, a hyphenated word put back together.
 */
void
loader_join(struct buf *b, const char *l)
{
	ucs4_t	last, first;

	if (b->len == 0) {
		buf_adds(b, l);
		return;
	}
	last = loader_last(b->data, b->len, 0);
	first = loader_first(l);
	if (last == '-' && b->len >= 2 && first < 0x80 &&
	    uc_is_alpha(loader_last(b->data, b->len, 1)) &&
	    uc_is_lower(first)) {
		b->len--;		/* hyphenated word: "news-" "paper" */
		b->data[b->len] = '\0';
	} else if (last < 0x2000 && first < 0x2000 && last != '-' &&
	    last != '/' && !loader_cjk_near(b->data, b->len, true) &&
	    !loader_cjk_near(l, strlen(l), false))
		buf_addc(b, ' ');
	buf_adds(b, l);
}
