/*
 * loader.c -- a page dump (text extracted from a printed newspaper page)
 * to the article tree.
 *
 * The work is done in four passes over one page at a time:
 *
 * 1. Units. Lines are grouped by blank lines. Inside a group, lines are
 *    joined into one unit (nothing between CJK characters, a space between
 *    Latin words, a hyphen at line end removed) unless a line starts with
 *    an indent (　　 or two spaces) or the previous line ended a paragraph
 *    (closing punctuation on a line shorter than the group's measure).
 * 2. Classification. Each unit gets a kind from its own text: page header
 *    (第03版：国防动员), masthead line, editor line (■本版责任编辑),
 *    byline (■...), pull quote attribution (——name), caption (图：...),
 *    credit (...摄), continuation note (（下转第N版）), title-like (short,
 *    no closing punctuation) or paragraph.
 * 3. Assembly. Title-like units before a body form a title group (kicker,
 *    headline, subhead; a column label when a pull quote follows); a group
 *    that interrupts an article without a headline, or one waiting for the
 *    rest of a cut paragraph, belongs to that article. A paragraph that
 *    ends without closing punctuation continues at the next paragraph unit
 *    of its article, across interleaved headline, byline and caption
 *    units.
 * 4. Tails. An article that still ends open at the end of its page had its
 *    tail moved by the extraction: the paragraphs just before its title
 *    group (counted to the previous article) are tried as its
 *    continuation, and the run whose first unit joins the open end best
 *    (scored by how often the character pair at the join occurs elsewhere
 *    on the page, and by how unlike a paragraph start it is) is moved
 *    back.
 *
 * Invariant: every string stored in the tree is sanitised UTF-8 without
 * line ends.
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "conv.h"
#include "i18n.h"
#include "loader.h"
#include "text.h"
#include "util.h"

enum loader_kind {
	LK_PARA,
	LK_TITLE,		/* title-like: short, not closed */
	LK_MAST,		/* masthead line */
	LK_PAGEHDR,
	LK_EDITOR,
	LK_BYLINE,
	LK_QUOTE_BY,
	LK_CAPTION,
	LK_CREDIT,
	LK_NOTE,		/* continuation note on its own */
	LK_AD,			/* 广告 */
	LK_DROP			/* consumed */
};

struct loader_unit {
	char		*text;
	size_t		 line;		/* first source line, 1-based */
	enum loader_kind kind;
	size_t		 nchars;	/* code points */
	bool		 open;		/* ends without closing punctuation */
	bool		 indented;	/* started with a paragraph indent */
};

struct loader_page {
	struct loader_unit	*u;
	size_t			 n;
	size_t			 cap;
};

/* Where each paragraph of an article came from, for the tail pass. */
struct loader_art {
	struct article	*a;		/* built here, moved into the page at the end */
	size_t		 first_unit;	/* first unit of its title group */
	size_t		 body_unit;	/* first body unit */
	size_t		*para_unit;	/* unit index of each paragraph start */
	size_t		 npu;
	size_t		 pucap;
	bool		 open;		/* last paragraph awaits its rest */
	bool		 photo;
	size_t		 lastcap;	/* allocated size of the last paragraph */
};

/* ------------------------------------------------------------------ */
/* Character helpers. */

static bool	loader_starts(const char *, const char *);
static bool	loader_ends(const char *, const char *);

static ucs4_t
loader_first(const char *s)
{
	ucs4_t	uc = 0;

	if (*s != '\0')
		u8_strmbtouc(&uc, (const uint8_t *)s);
	return uc;
}

static ucs4_t
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

static size_t
loader_nchars(const char *s)
{
	return u8_strmblen((const uint8_t *)s) == 0 ? 0 :
	    u8_mbsnlen((const uint8_t *)s, strlen(s));
}

static bool
loader_is_wide_letter(ucs4_t uc)
{
	return text_is_han(uc) || (uc >= 0x3040 && uc <= 0x30ff) ||
	    (uc >= 0xac00 && uc <= 0xd7a3) || (uc >= 0xff10 && uc <= 0xff5a);
}

static bool
loader_is_space(ucs4_t uc)
{
	return uc == ' ' || uc == '\t' || uc == 0xa0 || uc == 0x3000 ||
	    (uc >= 0x2000 && uc <= 0x200a) || uc == 0x202f || uc == 0x205f;
}

/* Marks that end a sentence. */
static bool
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
static bool
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

static bool
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
static bool
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
static bool
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

static bool
loader_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool
loader_ends(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

#define LOADER_N(a)	(sizeof (a) / sizeof (a)[0])

/* Does S start with one of the N words W? */
static bool
loader_starts_any(const char *s, const char *const *w, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (loader_starts(s, w[i]))
			return true;
	return false;
}

/* Does S end with one of the N words W? */
static bool
loader_ends_any(const char *s, const char *const *w, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (loader_ends(s, w[i]))
			return true;
	return false;
}

/* Skip leading spaces of any kind. */
static const char *
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
static size_t
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
static void
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
static char *
loader_clean(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1);

	loader_clean_to(out, s);
	return out;
}

/* Parse a decimal or Chinese numeral page number at *SP, advance it. */
static int
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
			n = n * 10 + (*s - '0');
			s++;
			seen = 1;
			continue;
		}
		if (u8_strmbtouc(&uc, (const uint8_t *)s) > 0 &&
		    uc >= 0xff10 && uc <= 0xff19) {
			n = n * 10 + (int)(uc - 0xff10);
			s += 3;
			seen = 1;
			continue;
		}
		for (i = 0; i < 10; i++) {
			d = strlen(digits[i]);
			if (strncmp(s, digits[i], d) == 0) {
				n = n * 10 + i;
				s += d;
				seen = 1;
				goto k_again;
			}
		}
		if (strncmp(s, "十", 3) == 0) {
			n = (n == 0 ? 1 : n) * 10;
			s += 3;
			seen = 1;
			continue;
		}
		break;
	}
	if (!seen || n > 999)
		return -1;
	*sp = s;
	return n;
}

/*
 * Find "第N版" in S; return N and store the end of the match in *END, or
 * return -1.
 */
static int
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
static int
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

/* ------------------------------------------------------------------ */
/* Pass 1: lines to units. */

struct loader_line {
	char	*text;		/* sanitised, trailing spaces removed */
	size_t	 line;
	bool	 indented;
	int	 width;		/* columns, indent excluded */
};

static void
loader_page_add(struct loader_page *pg, char *text, size_t line,
    bool indented)
{
	struct loader_unit	*u;

	util_grow(&pg->u, &pg->cap, pg->n + 1, sizeof *pg->u);
	u = &pg->u[pg->n++];
	memset(u, 0, sizeof *u);
	u->text = text;
	u->line = line;
	u->indented = indented;
	u->nchars = loader_nchars(text);
	u->open = !loader_is_closed(text);
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
static void
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

/*
 * Turn one group of consecutive non-empty lines into units. A line ends
 * its paragraph when the next line is indented, or when it ends a
 * sentence and is clearly shorter than the group's measure (the widest
 * lines of the group).
 */
/*
 * The measure of a group of lines: the width most full lines share (a
 * typesetter's lines are equally wide, but a line may hang a closing mark
 * past it, or hold half-width digits). The most frequent width among the
 * wider half of the lines, or the widest line when no width repeats.
 */
static int
loader_measure(const struct loader_line *ln, size_t n)
{
	enum { MAXW = 1024 };
	int	max = 0, best = 0, bestn = 0, w;
	int	*hist;
	size_t	i;

	for (i = 0; i < n; i++)
		if (ln[i].width + (ln[i].indented ? 4 : 0) > max)
			max = ln[i].width + (ln[i].indented ? 4 : 0);
	if (n < 4 || max >= MAXW)
		return max;
	hist = xcalloc(MAXW, sizeof *hist);
	for (i = 0; i < n; i++)
		hist[ln[i].width + (ln[i].indented ? 4 : 0)]++;
	for (w = (max + 1) / 2; w <= max; w++)
		if (hist[w] >= bestn) {
			bestn = hist[w];
			best = w;
		}
	free(hist);
	return bestn >= 3 ? best : max;
}

static void
loader_group(struct loader_page *pg, struct loader_line *ln, size_t n)
{
	struct buf	 b;
	size_t		 i, first = 0;
	int		 measure = 0, slack;
	bool		 indented = false, brk, indent_mode = false;

	if (n == 1) {
		/* Clean in place and hand the line over to the unit. */
		loader_clean_to(ln[0].text, ln[0].text);
		loader_page_add(pg, ln[0].text, ln[0].line, ln[0].indented);
		ln[0].text = NULL;
		return;
	}
	for (i = 0; i < n; i++) {
		if (ln[i].indented && i > 0)
			indent_mode = true;
		/* Typeset width: CJK punctuation such as “ ” … is as wide
		 * as an ideograph on the printed page. */
		ln[i].width = u8_width((const uint8_t *)ln[i].text,
		    strlen(ln[i].text), "GBK");
	}
	measure = loader_measure(ln, n);
	slack = measure / 10 > 4 ? measure / 10 : 4;
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (b.len == 0) {
			first = ln[i].line;
			indented = ln[i].indented;
		}
		loader_join(&b, ln[i].text);
		brk = i + 1 == n || ln[i + 1].indented;
		/* A line never starts with closing punctuation: what does
		 * is the rest of this one. */
		if (!brk && (loader_is_closer(loader_first(ln[i + 1].text)) ||
		    loader_is_stop(loader_first(ln[i + 1].text)) ||
		    loader_first(ln[i + 1].text) == 0xff0c ||
		    loader_first(ln[i + 1].text) == 0x3001)) {
			continue;
		}
		if (!brk && indent_mode) {
			/* Paragraphs start indented: a line that does not
			 * reach the measure ends its unit (a paragraph's
			 * last line, or a heading). */
			if (ln[i].width + (ln[i].indented ? 4 : 0) <
			    measure - slack)
				brk = true;
			/* A sentence that ends at the measure, then up to
			 * three unindented lines ending in no stop before the
			 * next indented line: a heading follows. */
			else if (loader_is_closed(ln[i].text)) {
				size_t	j = i + 1;

				while (j < n && j < i + 5 && !ln[j].indented)
					j++;
				if ((j == n || ln[j].indented) && j - i <= 4 &&
				    !loader_is_closed(ln[j - 1].text))
					brk = true;
			}
		} else if (!brk && n > 1 && loader_is_closed(ln[i].text) &&
		    ln[i].width + (ln[i].indented ? 4 : 0) < measure - 4)
			brk = true;
		/* A short line with no stop, alone between short lines, is
		 * a heading of its own. */
		if (!brk && n > 2 && ln[i].width < measure / 2 &&
		    ln[i + 1].width < measure / 2 && !ln[i].indented &&
		    ln[i].width < 60)
			brk = true;
		if (brk) {
			loader_page_add(pg, loader_clean(b.data), first,
			    indented);
			buf_clear(&b);
		}
	}
	buf_clear(&b);
}

/* ------------------------------------------------------------------ */
/* Pass 2: classification. */

static bool
loader_is_masthead_line(const char *s, size_t nchars)
{
	static const char *const pat[] = { "代号", "出版物号", "统一刊号",
	    "代號", "出版物號", "統一刊號",
	    "國內統一", "网址", "網址", "http://", "https://", "www.",
	    "公众号", "公眾號", "邮发", "郵發", "零售价", "定价", "社址",
	    "国内统一", "星期", "农历", "農曆", "期）", "第1期" };
	size_t	i;

	if (nchars > 40)
		return false;
	for (i = 0; i < LOADER_N(pat); i++)
		if (strstr(s, pat[i]) != NULL)
			return true;
	/* CN 81-0002 (J), ISSN 1234-5678 */
	if ((loader_starts(s, "CN") || loader_starts(s, "ISSN")) &&
	    strchr(s, '-') != NULL)
		return true;
	return false;
}

/* A paper's name: short, ends with 报/報 or 日报/晚报..., no digits. */
static bool
loader_is_paper_name(const char *s, size_t nchars)
{
	const char	*p;

	if (nchars < 2 || nchars > 10)
		return false;
	for (p = s; *p != '\0'; p++)
		if ((*p >= '0' && *p <= '9') || *p == ' ')
			return false;
	return loader_ends(s, "报") || loader_ends(s, "報") ||
	    loader_ends(s, "时报") || loader_ends(s, "新闻") ||
	    loader_ends(s, "新聞") || loader_ends(s, "周刊") ||
	    loader_ends(s, "週刊");
}

static bool
loader_is_credit(const char *s, size_t nchars)
{
	if (nchars > 24 || nchars < 2)
		return false;
	if (loader_ends(s, "摄") || loader_ends(s, "攝") ||
	    loader_ends(s, "摄）") || loader_ends(s, "攝）") ||
	    loader_ends(s, "摄影") || loader_ends(s, "攝影") ||
	    loader_ends(s, "供图") ||
	    loader_ends(s, "供圖"))
		return strstr(s, "。") == NULL && strstr(s, "，") == NULL;
	return false;
}

/* The credit name: "本报记者 陶然摄" -> "本报记者 陶然". */
static char *
loader_credit_name(const char *s)
{
	struct buf	 b;
	const char	*p = s;
	size_t		 len;

	if (loader_starts(p, "（"))
		p += 3;
	else if (*p == '(')
		p++;
	len = strlen(p);
	if (len >= 3 && memcmp(p + len - 3, "）", 3) == 0)
		len -= 3;
	else if (len >= 1 && p[len - 1] == ')')
		len--;
	if (len >= 6 && (memcmp(p + len - 6, "摄影", 6) == 0 ||
	    memcmp(p + len - 6, "攝影", 6) == 0 ||
	    memcmp(p + len - 6, "供图", 6) == 0 ||
	    memcmp(p + len - 6, "供圖", 6) == 0))
		len -= 6;
	else if (len >= 3 && (memcmp(p + len - 3, "摄", 3) == 0 ||
	    memcmp(p + len - 3, "攝", 3) == 0))
		len -= 3;
	buf_init(&b);
	buf_add(&b, p, len);
	p = loader_clean(b.data);
	buf_clear(&b);
	return (char *)p;
}

static bool
loader_is_caption(const char *s)
{
	static const char *const pfx[] = { "图：", "图:", "圖：", "上图：",
	    "下图：", "左图：", "右图：", "中图：", "上圖：", "下圖：",
	    "左圖：", "右圖：", "题图：", "上图:", "下图:", "图为", "圖為",
	    "图片：", "組圖：", "组图：", "图①", "图②", "图③", "上图为",
	    "下图为" };

	return loader_starts_any(s, pfx, LOADER_N(pfx));
}

/* A caption that points at a picture inside an article (上图, 左图...). */
static bool
loader_is_relative_caption(const char *s)
{
	return !(loader_starts(s, "图：") || loader_starts(s, "图:") ||
	    loader_starts(s, "圖：") || loader_starts(s, "图为") ||
	    loader_starts(s, "圖為"));
}

static const char *const loader_editor_pfx[] = {
	"■本版责任编辑", "本版责任编辑", "■本版責任編輯", "本版責任編輯",
	"■责任编辑", "责任编辑", "責任編輯", "本版编辑", "■本版编辑",
	"本版編輯"
};

/* The editor's name of an editor line, or NULL. */
static char *
loader_editor(const char *s)
{
	size_t		 i;
	const char	*p;

	for (i = 0; i < LOADER_N(loader_editor_pfx); i++) {
		if (!loader_starts(s, loader_editor_pfx[i]))
			continue;
		p = s + strlen(loader_editor_pfx[i]);
		p = loader_skip_space(p);
		if (loader_starts(p, "："))
			p += 3;
		else if (*p == ':')
			p++;
		p = loader_skip_space(p);
		return loader_clean(p);
	}
	return NULL;
}

static bool
loader_is_byline(const char *s, size_t nchars)
{
	static const char *const pfx[] = { "本报记者", "本報記者",
	    "本报通讯员", "本報通訊員", "本报特约记者", "通讯员", "记者",
	    "記者", "文/", "文／", "文 /", "文：", "作者：", "撰文" };

	if (loader_starts(s, "■") || loader_starts(s, "□") ||
	    loader_starts(s, "●"))
		return nchars <= 30 && strstr(s, "。") == NULL;
	if (nchars > 24 || strstr(s, "：") != NULL ||
	    strstr(s, "。") != NULL || strstr(s, "，") != NULL ||
	    loader_ends(s, "报道") || loader_ends(s, "摄"))
		return false;
	return loader_starts_any(s, pfx, LOADER_N(pfx));
}

/* The byline without its marker. */
static char *
loader_byline(const char *s)
{
	if (loader_starts(s, "■") || loader_starts(s, "□") ||
	    loader_starts(s, "●"))
		s += 3;
	return loader_clean(s);
}

/* "——顾长庚" (an attribution): the name, or NULL. */
static char *
loader_quote_by(const char *s, size_t nchars)
{
	if (nchars > 20)
		return NULL;
	if (loader_starts(s, "——"))
		s += 6;
	else if (loader_starts(s, "—"))
		s += 3;
	else if (loader_starts(s, "――"))
		s += 6;
	else if (loader_starts(s, "--"))
		s += 2;
	else
		return NULL;
	s = loader_skip_space(s);
	/* A name: a few characters (a foreign one with its ·), no 的. */
	if (loader_nchars(s) > 6 && strstr(s, "·") == NULL &&
	    strstr(s, "•") == NULL)
		return NULL;
	if (strstr(s, "的") != NULL || strstr(s, "“") != NULL)
		return NULL;
	if (*s == '\0' || loader_is_closed(s) || nchars > 14 ||
	    loader_starts(s, "访") || loader_starts(s, "訪") ||
	    loader_starts(s, "记") || loader_starts(s, "記"))
		return NULL;
	return loader_clean(s);
}

/*
 * A dateline at the start of a paragraph: "本报讯 孙贵新报道：", "本报记者
 * 沈知遥报道：", "本报北京9月30日电 （记者某某）", "新华社北京1月1日电".
 * Returns the dateline (without the colon), or NULL.
 */
static char *
loader_dateline(const char *s)
{
	static const char *const pfx[] = { "本报讯", "本報訊", "本报记者",
	    "本報記者", "本报", "本報", "新华社", "新華社", "中新社",
	    "中新网", "央视网消息", "人民网", "记者", "通讯员", "特约记者",
	    "【本報訊】", "【本报讯】", "本刊讯" };
	const char	*p, *colon, *dian, *lim;
	size_t		 i, len;
	struct buf	 b;
	char		*r;

	if (!loader_starts_any(s, pfx, LOADER_N(pfx)))
		return NULL;
	if (loader_starts(s, "【本報訊】") || loader_starts(s, "【本报讯】"))
		return xstrndup(s, strlen("【本報訊】"));
	/* Look in the first 40 characters. */
	lim = s;
	for (i = 0; i < 40 && *lim != '\0'; i++) {
		ucs4_t	uc;
		int	k = u8_strmbtouc(&uc, (const uint8_t *)lim);

		if (k <= 0)
			break;
		lim += k;
	}
	len = lim - s;
	colon = NULL;
	for (p = s; p < lim; p++)
		if (strncmp(p, "：", 3) == 0 || *p == ':') {
			colon = p;
			break;
		}
	if (colon != NULL) {
		buf_init(&b);
		buf_add(&b, s, colon - s);
		if (loader_ends(b.data, "报道") || loader_ends(b.data, "報導") ||
		    loader_ends(b.data, "報道") ||
		    loader_ends(b.data, "电") || loader_ends(b.data, "電") ||
		    loader_ends(b.data, "讯") || loader_ends(b.data, "訊") ||
		    loader_ends(b.data, "消息")) {
			r = loader_clean(b.data);
			buf_clear(&b);
			return r;
		}
		buf_clear(&b);
	}
	/* "本报北京9月30日电 （记者张烁）" */
	dian = NULL;
	for (p = s; p + 3 <= s + len; p++)
		if (strncmp(p, "电", 3) == 0 || strncmp(p, "電", 3) == 0) {
			dian = p + 3;
			break;
		}
	if (dian == NULL)
		return NULL;
	p = loader_skip_space(dian);
	if (loader_starts(p, "（") || *p == '(') {
		const char *close = strstr(p, "）");

		if (close == NULL || close - p > 60)
			close = strchr(p, ')');
		else
			close += 3;
		if (close != NULL && close - p <= 60) {
			if (*close == ')')
				close++;
			dian = close;
		}
	}
	buf_init(&b);
	buf_add(&b, s, dian - s);
	r = loader_clean(b.data);
	buf_clear(&b);
	return r;
}

/*
 * In Latin script a heading is set in capitals: a unit without CJK whose
 * letters are mostly lower case is running text (OCR lines of a column).
 */
static bool
loader_latin_title(const char *s)
{
	size_t	upper = 0, lower = 0;
	ucs4_t	uc;
	int	k;

	while (*s != '\0') {
		k = u8_strmbtouc(&uc, (const uint8_t *)s);
		if (k <= 0)
			break;
		if (loader_is_wide_letter(uc))
			return true;
		if (uc_is_upper(uc))
			upper++;
		else if (uc_is_lower(uc))
			lower++;
		s += k;
	}
	return upper + lower < 3 || upper * 10 >= (upper + lower) * 7;
}

char *
loader_dateline_of(const char *para)
{
	return loader_dateline(para);
}

static enum loader_kind
loader_classify(const struct loader_unit *u)
{
	const char	*s = u->text, *end;
	size_t		 n = u->nchars;
	bool		 down;
	const char	*ms, *me;
	char		*t;

	if (n == 0)
		return LK_DROP;
	if (strcmp(s, "广告") == 0 || strcmp(s, "廣告") == 0)
		return LK_AD;
	if (n <= 30 && loader_find_page_no(s, &end) > 0 &&
	    strstr(s, "。") == NULL && strstr(s, "，") == NULL &&
	    loader_find_note(s, &down, &ms, &me) < 0)
		return LK_PAGEHDR;
	if ((t = loader_editor(s)) != NULL) {
		free(t);
		return LK_EDITOR;
	}
	if (n <= 16 && loader_find_note(s, &down, &ms, &me) > 0 &&
	    *loader_skip_space(me) == '\0')
		return LK_NOTE;
	if (loader_is_caption(s))
		return LK_CAPTION;
	if (loader_is_credit(s, n))
		return LK_CREDIT;
	if ((t = loader_quote_by(s, n)) != NULL) {
		free(t);
		return LK_QUOTE_BY;
	}
	if (loader_is_byline(s, n))
		return LK_BYLINE;
	if (!u->open || n > 40 || u->indented || !loader_balanced(s))
		return LK_PARA;
	if (n > 24 && (strstr(s, "，") != NULL || strstr(s, "、") != NULL))
		return LK_PARA;
	if (strstr(s, "。") != NULL || strstr(s, "；") != NULL)
		return LK_PARA;
	if ((t = loader_dateline(s)) != NULL) {
		free(t);
		return LK_PARA;
	}
	if (!loader_latin_title(s))
		return LK_PARA;
	return LK_TITLE;
}

/* ------------------------------------------------------------------ */
/* Pass 3: assembly. */

struct loader_ctx {
	struct issue		*is;
	struct page		*pg;
	struct loader_page	*lp;
	struct loader_art	**arts;	/* stable pointers */
	size_t			 narts;
	size_t			 artcap;
	const char		*name;
};

static struct loader_art *
loader_new_art(struct loader_ctx *cx, size_t unit, bool photo)
{
	struct loader_art	*la;

	util_grow(&cx->arts, &cx->artcap, cx->narts + 1, sizeof *cx->arts);
	la = xcalloc(1, sizeof *la);
	cx->arts[cx->narts++] = la;
	la->a = xcalloc(1, sizeof *la->a);
	la->a->kind = photo ? ARTICLE_PHOTO : ARTICLE_TEXT;
	la->a->line = cx->lp->u[unit].line;
	la->a->source = cx->name != NULL ? xstrdup(cx->name) : NULL;
	la->first_unit = unit;
	la->body_unit = (size_t)-1;
	la->photo = photo;
	return la;
}

/* Append paragraph TEXT (taken) that starts at unit UNIT. */
static void
loader_art_take_para(struct loader_art *la, size_t unit, char *text)
{
	article_take_para(la->a, text);
	la->lastcap = 0;
	util_grow(&la->para_unit, &la->pucap, la->npu + 1,
	    sizeof *la->para_unit);
	la->para_unit[la->npu++] = unit;
	if (la->body_unit == (size_t)-1)
		la->body_unit = unit;
}

static void
loader_art_para(struct loader_art *la, size_t unit, const char *text)
{
	loader_art_take_para(la, unit, xstrdup(text));
}

/*
 * Append TEXT to the last paragraph of LA (a cut paragraph joined). The
 * paragraph grows geometrically, so joining many pieces stays linear.
 */
static void
loader_art_continue(struct loader_art *la, const char *text)
{
	struct article	*a = la->a;
	struct buf	 b;

	b.data = a->paras[a->npara - 1];
	b.len = strlen(b.data);
	b.cap = la->lastcap > b.len ? la->lastcap : b.len + 1;
	loader_join(&b, text);
	a->paras[a->npara - 1] = b.data;
	la->lastcap = b.cap;
}

/*
 * Does a title end with a verb that introduces what follows ("...在会上
 * 强调", "中办国办印发", "...发表重要文章")? Such a line is a kicker.
 */
static bool
loader_kicker_verb(const char *s)
{
	static const char *const verbs[] = { "强调", "強調", "指出", "表示",
	    "印发", "印發", "发表重要文章", "发表重要讲话", "重要文章",
	    "重要讲话", "讲话", "講話", "致信", "致电", "宣布", "提出",
	    "要求", "发布", "發布", "寄语", "回信", "署名文章", "批准",
	    "反响", "之际", "主持召开", "主持" };

	return loader_ends_any(s, verbs, LOADER_N(verbs));
}

/*
 * Decide the roles of a title group of N units G[0..N): a column label is
 * handled by the caller. One unit is a headline; three are kicker,
 * headline, subhead. With two, explicit cues of how papers set titles
 * decide: for kicker + headline, a second line that is a clause (a comma),
 * a first line that ends with a verb introducing what follows (…强调,
 * 印发), a dash or a genre label (…综述), a couplet first line, a series
 * number (①), a headline's column tag in brackets; against, a second line
 * that starts with a dash or a bracket, lists who attended, is a couplet
 * or is too long to be a headline. No cue: headline + subhead.
 */
static void
loader_titles(struct article *a, struct loader_unit **g, size_t n)
{
	const char	*x, *y;
	int		 score = 0;

	if (n == 1) {
		model_set(&a->headline, g[0]->text);
		return;
	}
	if (n >= 3) {
		model_set(&a->kicker, g[n - 3]->text);
		model_set(&a->headline, g[n - 2]->text);
		model_set(&a->subhead, g[n - 1]->text);
		return;
	}
	x = g[0]->text;
	y = g[1]->text;
	if (strstr(y, "，") != NULL || strstr(y, "！") != NULL ||
	    strstr(y, "？") != NULL || strstr(y, "：") != NULL)
		score += 2;
	if (loader_starts(y, "——") || loader_starts(y, "—") ||
	    strchr(y, ' ') != NULL || strstr(y, "\xe3\x80\x80") != NULL)
		score -= 2;
	if (loader_ends(x, "：") || loader_ends(x, ":"))
		score += 2;
	if (loader_kicker_verb(x) && !loader_kicker_verb(y))
		score += 4;
	if (loader_ends(x, "——") || loader_ends(x, "—"))
		score += 4;
	if (g[1]->nchars > 40)
		score -= 6;	/* a summary; no headline is that long */
	/* A genre label ends a kicker (…综述, …侧记). */
	if (loader_ends(x, "综述") || loader_ends(x, "侧记") ||
	    loader_ends(x, "纪实") || loader_ends(x, "述评") ||
	    loader_ends(x, "綜述") || loader_ends(x, "側記"))
		score += 4;
	/* A line that starts with a dash, names a date, or lists who
	 * attended is a subhead. */
	if (loader_starts(y, "——") || loader_starts(y, "（") ||
	    loader_ends(y, "出席") || loader_ends(y, "参加会见") ||
	    loader_ends(y, "出席开幕式") || loader_ends(y, "参加") ||
	    loader_ends(y, "陪同"))
		score -= 10;
	/* A couplet of two phrases is a subordinate line. */
	if ((strchr(x, ' ') != NULL || strstr(x, "\xe3\x80\x80") != NULL) &&
	    strchr(y, ' ') == NULL && strstr(y, "\xe3\x80\x80") == NULL)
		score += 4;
	/* A series number (①) ends a kicker; a column tag in brackets
	 * ("（人民观察）") ends a headline. */
	{
		ucs4_t	lx = loader_last(x, strlen(x), 0);

		if ((lx >= 0x2460 && lx <= 0x2473) || lx == 0x2474)
			score += 2;
	}
	if (loader_ends(y, "）") && strstr(y, "（") != NULL &&
	    strstr(y, "（") != y)
		score += 4;
	if (score >= 2) {
		model_set(&a->kicker, x);
		model_set(&a->headline, y);
	} else {
		model_set(&a->headline, x);
		model_set(&a->subhead, y);
	}
}

/*
 * Strip continuation notes from a paragraph, recording them. Returns a
 * new string, or TEXT itself when it has no note.
 */
static char *
loader_notes_take(struct loader_art *la, char *text)
{
	const char	*ms, *me;
	bool		 down;
	int		 n;
	struct buf	 b;
	char		*r;

	if (strstr(text, "版") == NULL ||
	    (n = loader_find_note(text, &down, &ms, &me)) <= 0)
		return text;
	if (down)
		la->a->cont_page = n;
	else
		la->a->from_page = n;
	buf_init(&b);
	buf_add(&b, text, ms - text);
	buf_adds(&b, me);
	r = loader_clean(b.data);
	buf_clear(&b);
	free(text);
	return r;
}

/* Index of the first unit after I that is not of kind LK_DROP. */
static size_t
loader_next(const struct loader_page *lp, size_t i)
{
	for (i++; i < lp->n && lp->u[i].kind == LK_DROP; i++)
		;
	return i;
}

static void
loader_assemble(struct loader_ctx *cx)
{
	struct loader_page	*lp = cx->lp;
	struct loader_art	*cur = NULL, *photo = NULL, *la;
	struct loader_unit	*g[3];
	size_t			 i, j, k, ng;
	char			*t;

	for (i = 0; i < lp->n; i++) {
		struct loader_unit *u = &lp->u[i];

		switch (u->kind) {
		case LK_DROP:
		case LK_AD:
		case LK_PAGEHDR:
		case LK_MAST:
			break;
		case LK_EDITOR:
			t = loader_editor(u->text);
			if (cx->pg->editor == NULL)
				cx->pg->editor = t;
			else
				free(t);
			photo = NULL;
			break;
		case LK_NOTE:
			/* A note on its own: record it, keep no text. */
			if (cur != NULL)
				free(loader_notes_take(cur, xstrdup(u->text)));
			break;
		case LK_TITLE:
			/* Collect the group. */
			ng = 0;
			for (j = i; j < lp->n && ng < 3; j = loader_next(lp, j)) {
				if (lp->u[j].kind != LK_TITLE)
					break;
				g[ng++] = &lp->u[j];
			}
			k = j;		/* first unit after the group */
			/* Column label: one title, then a quote and its
			 * attribution. */
			if (ng >= 1 && k < lp->n &&
			    (lp->u[k].kind == LK_PARA ||
			    lp->u[k].kind == LK_TITLE)) {
				size_t q = loader_next(lp, k);

				if (q < lp->n && lp->u[q].kind == LK_QUOTE_BY) {
					size_t lab = (size_t)(g[ng - 1] -
					    lp->u);

					/* Titles before the label: a title
					 * group of its own. */
					if (ng > 1) {
						struct loader_art *pa;

						pa = loader_new_art(cx, i, false);
						loader_titles(pa->a, g, ng - 1);
					}
					la = loader_new_art(cx, lab, false);
					model_set(&la->a->column,
					    lp->u[lab].text);
					model_set(&la->a->quote, lp->u[k].text);
					la->a->quote_by = loader_quote_by(
					    lp->u[q].text, lp->u[q].nchars);
					cur = la;
					photo = NULL;
					i = q;
					break;
				}
			}
			if (cur != NULL && cur->a->headline == NULL &&
			    !cur->photo && (cur->open ||
			    cur->a->column != NULL)) {
				/* A headline that landed inside its own
				 * article. */
				loader_titles(cur->a, g, ng);
			} else {
				cur = loader_new_art(cx, i, false);
				loader_titles(cur->a, g, ng);
			}
			photo = NULL;
			i = (size_t)(g[ng - 1] - lp->u);
			break;
		case LK_BYLINE:
			if (cur == NULL || cur->photo)
				cur = loader_new_art(cx, i, false);
			t = loader_byline(u->text);
			if (cur->a->byline == NULL)
				cur->a->byline = t;
			else
				free(t);
			break;
		case LK_QUOTE_BY:
			/* An attribution without a label: the paragraph
			 * before it was a pull quote of the current
			 * article. */
			if (cur != NULL && cur->a->quote == NULL &&
			    cur->a->npara > 0) {
				struct article *a = cur->a;

				a->quote = a->paras[--a->npara];
				cur->npu--;
				cur->lastcap = 0;
				a->quote_by = loader_quote_by(u->text,
				    u->nchars);
				cur->open = a->npara > 0 &&
				    !loader_is_closed(a->paras[a->npara - 1]);
			} else if (cur != NULL) {
				/* keep the text */
				loader_art_para(cur, i, u->text);
			}
			break;
		case LK_CAPTION:
			if (!loader_is_relative_caption(u->text) &&
			    (cur == NULL || !cur->open)) {
				photo = loader_new_art(cx, i, true);
				article_add_caption(photo->a, u->text, NULL);
			} else {
				if (cur == NULL)
					cur = loader_new_art(cx, i, false);
				article_add_caption(cur->a, u->text, NULL);
				photo = NULL;
			}
			break;
		case LK_CREDIT:
			la = photo != NULL ? photo : cur;
			t = loader_credit_name(u->text);
			if (la != NULL && la->a->ncap > 0 &&
			    la->a->caps[la->a->ncap - 1].credit == NULL)
				la->a->caps[la->a->ncap - 1].credit = t;
			else if (la != NULL && la->a->ncap == 0 && la->a->npara == 0) {
				article_add_caption(la->a, "", t);
				free(t);
			} else {
				/* A credit for a picture with no caption. */
				if (cur == NULL)
					cur = loader_new_art(cx, i, false);
				article_add_caption(cur->a, "", t);
				free(t);
			}
			break;
		case LK_PARA:
			if (cur == NULL || cur->photo)
				cur = loader_new_art(cx, i, false);
			photo = NULL;
			/* The paragraph takes the unit's text; the tail pass
			 * reads paragraphs, not units. */
			t = loader_notes_take(cur, u->text);
			u->text = NULL;
			/* An indented unit starts a paragraph of its own. */
			if (cur->open && cur->a->npara > 0 && !u->indented) {
				loader_art_continue(cur, t);
				free(t);
			} else {
				if (cur->a->npara == 0 &&
				    cur->a->dateline == NULL)
					cur->a->dateline = loader_dateline(t);
				loader_art_take_para(cur, i, t);
			}
			cur->open = !loader_is_closed(
			    cur->a->paras[cur->a->npara - 1]);
			break;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Pass 4: tails moved before their article's headline. */

/*
 * The set of adjacent character pairs of a page, built once when a tail
 * has to be placed: open addressing over 64-bit keys (two code points).
 */
struct loader_pairs {
	uint64_t	*keys;		/* 0 = empty */
	size_t		 mask;
};

static size_t
loader_pair_hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k;
}

static void
loader_pairs_add(struct loader_pairs *ps, const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 a = 0, b;
	uint64_t	 k;
	size_t		 h;
	int		 n;

	while (*p != '\0') {
		n = u8_strmbtouc(&b, p);
		if (n <= 0)
			break;
		p += n;
		if (a != 0) {
			k = ((uint64_t)a << 32) | b;
			h = loader_pair_hash(k) & ps->mask;
			while (ps->keys[h] != 0 && ps->keys[h] != k)
				h = (h + 1) & ps->mask;
			ps->keys[h] = k;
		}
		a = b;
	}
}

/* Bytes of text of a page once assembled: its articles' paragraphs. */
static size_t
loader_page_bytes(const struct loader_ctx *cx)
{
	size_t	i, j, total = 0;

	for (i = 0; i < cx->narts; i++)
		for (j = 0; j < cx->arts[i]->a->npara; j++)
			total += strlen(cx->arts[i]->a->paras[j]);
	return total;
}

static void
loader_pairs_build(struct loader_pairs *ps, const struct loader_ctx *cx)
{
	size_t	i, j, cap = 64, total = loader_page_bytes(cx);

	while (cap < total)
		cap *= 2;
	ps->keys = xcalloc(cap, sizeof *ps->keys);
	ps->mask = cap - 1;
	for (i = 0; i < cx->narts; i++)
		for (j = 0; j < cx->arts[i]->a->npara; j++)
			loader_pairs_add(ps, cx->arts[i]->a->paras[j]);
}

static bool
loader_pairs_has(const struct loader_pairs *ps, ucs4_t a, ucs4_t b)
{
	uint64_t	k = ((uint64_t)a << 32) | b;
	size_t		h = loader_pair_hash(k) & ps->mask;

	while (ps->keys[h] != 0) {
		if (ps->keys[h] == k)
			return true;
		h = (h + 1) & ps->mask;
	}
	return false;
}

/*
 * How well does paragraph start B continue the open end A? Positive is
 * plausible. The character pair across the join is looked up in the rest
 * of the page; a start that reads like a new paragraph (an opening quote
 * after a letter, a dateline) counts against.
 */
/* Words that open a paragraph far more often than they continue one. */
static bool
loader_para_opener(const char *s)
{
	static const char *const w[] = { "据悉", "据了解", "近日", "日前",
	    "目前", "此外", "同时", "今年", "去年", "此次", "这次", "如今",
	    "当天", "随后", "另外", "然而", "但是", "因此", "截至", "近年来",
	    "记者", "与此同时", "对此", "为此", "其中", "据介绍", "据统计" };

	return loader_starts_any(s, w, LOADER_N(w));
}

/* Does the pair X Y occur in the page's paragraphs? */
static bool
loader_pair_seen(const struct loader_ctx *cx, struct loader_pairs *ps,
    ucs4_t x, ucs4_t y)
{
	uint8_t	pair[16];
	size_t	i, j, len = 0;
	int	k;

	if (ps->keys != NULL || loader_page_bytes(cx) > 200000) {
		/* A huge page: one hash of all pairs instead of scans. */
		if (ps->keys == NULL)
			loader_pairs_build(ps, cx);
		return loader_pairs_has(ps, x, y);
	}
	k = u8_uctomb(pair, x, 8);
	if (k > 0)
		len += k;
	k = u8_uctomb(pair + len, y, 8);
	if (k > 0)
		len += k;
	pair[len] = '\0';
	for (i = 0; i < cx->narts; i++)
		for (j = 0; j < cx->arts[i]->a->npara; j++)
			if (strstr(cx->arts[i]->a->paras[j],
			    (const char *)pair) != NULL)
				return true;
	return false;
}

/*
 * How well does paragraph start B continue the open end A? Positive is
 * plausible. The character pair across the join is looked up in the rest
 * of the page; a start that reads like a new paragraph (an opening quote
 * after a letter, a dateline, a word such as 据悉) counts against.
 */
static int
loader_join_score(const struct loader_ctx *cx, struct loader_pairs *ps,
    const char *a, const char *b)
{
	ucs4_t	x = loader_last(a, strlen(a), 0), y = loader_first(b);
	int	score = 0;
	char	*d;

	if (x == 0 || y == 0)
		return -100;
	if (loader_is_wide_letter(x) && loader_is_wide_letter(y) &&
	    loader_pair_seen(cx, ps, x, y))
		score += 3;
	if (loader_is_opener(y) && (loader_is_wide_letter(x) ||
	    uc_is_alpha(x)))
		score -= 3;
	if (loader_para_opener(b))
		score -= 2;
	if (x == 0xff0c || x == 0x3001 || x == 0xff1a)	/* ，、： */
		score += 1;
	if (y == 0xff0c || y == 0x3002 || y == 0x3001)
		score += 2;		/* a line never starts with these */
	if ((d = loader_dateline(b)) != NULL) {
		free(d);
		score -= 5;
	}
	return score;
}

static void
loader_tails(struct loader_ctx *cx)
{
	struct loader_pairs	 ps = { NULL, 0 };
	size_t			 i, j, k, best_k;
	int			 s, best;

	for (i = 1; i < cx->narts; i++) {
		struct loader_art *la = cx->arts[i], *pa;
		struct article *a = la->a, *p;

		if (la->photo || a->npara == 0 ||
		    loader_is_closed(a->paras[a->npara - 1]))
			continue;
		/* The article just before this one in the text. */
		pa = NULL;
		for (j = i; j-- > 0;)
			if (!cx->arts[j]->photo) {
				pa = cx->arts[j];
				break;
			}
		if (pa == NULL || pa->a->npara < 2 || pa->open)
			continue;
		p = pa->a;
		/* Candidate tails: the last paragraphs of PA that lie
		 * before LA's title group; PA keeps at least one. */
		best = -1;
		best_k = 0;
		for (k = p->npara - 1; k >= 1; k--) {
			if (pa->para_unit[k] >= la->first_unit)
				continue;
			if (pa->para_unit[k] <= pa->body_unit)
				break;
			/* What stays behind must end where its article
			 * ends: with a closed paragraph. */
			if (!loader_is_closed(p->paras[k - 1]))
				continue;
			s = loader_join_score(cx, &ps,
			    a->paras[a->npara - 1], p->paras[k]);
			/* Ties go to the later start: move as little of
			 * the other article as the evidence allows. */
			if (s > best) {
				best = s;
				best_k = k;
			}
		}
		if (best_k == 0 || best < 0)
			continue;
		/* Move paragraphs best_k.. of PA to the end of A. */
		loader_art_continue(la, p->paras[best_k]);
		free(p->paras[best_k]);
		for (k = best_k + 1; k < p->npara; k++) {
			article_take_para(a, p->paras[k]);
			la->lastcap = 0;
		}
		p->npara = best_k;
		pa->npu = best_k;
		la->open = !loader_is_closed(a->paras[a->npara - 1]);
	}
	free(ps.keys);
}

/* ------------------------------------------------------------------ */
/* Masthead. */

/*
 * On a page whose first units look like a masthead, mark them: every
 * unit before the first article's title group, as long as the run holds
 * at least one masthead-pattern line or the paper's name. The title
 * group in front of the first body unit counts at most two units here
 * (a slogan under the masthead reads like a kicker otherwise).
 */
static void
loader_masthead(struct loader_ctx *cx)
{
	struct loader_page	*lp = cx->lp;
	size_t			 i, body, start, last_mast = (size_t)-1;
	size_t			 ntitle;
	bool			 seen = false;

	for (body = 0; body < lp->n; body++) {
		enum loader_kind k = lp->u[body].kind;

		if (k == LK_PARA || k == LK_BYLINE || k == LK_CAPTION ||
		    k == LK_QUOTE_BY || k == LK_EDITOR || k == LK_CREDIT)
			break;
		if (k == LK_TITLE && (loader_is_masthead_line(lp->u[body].text,
		    lp->u[body].nchars) || (body < 3 &&
		    loader_is_paper_name(lp->u[body].text,
		    lp->u[body].nchars)))) {
			seen = true;
			last_mast = body;
		}
	}
	if (!seen)
		return;
	/* The title group: up to two title units right before the body
	 * (a column label with its quote is one unit before the quote). */
	ntitle = 0;
	start = body;
	while (start > 0 && start - 1 > last_mast &&
	    lp->u[start - 1].kind == LK_TITLE && ntitle < 2) {
		start--;
		ntitle++;
	}
	if (body < lp->n && lp->u[body].kind == LK_QUOTE_BY && start < body)
		start = body - 2 > last_mast ? body - 2 : last_mast + 1;
	for (i = 0; i < start; i++) {
		if (lp->u[i].kind != LK_TITLE)
			continue;
		if (cx->is->title == NULL && loader_is_paper_name(
		    lp->u[i].text, lp->u[i].nchars))
			cx->is->title = xstrdup(lp->u[i].text);
		issue_add_masthead(cx->is, lp->u[i].text);
		lp->u[i].kind = LK_MAST;
	}
}

/* A date such as 2021年12月7日 in S: fill the issue date if unknown. */
static void
loader_date(struct issue *is, const char *s)
{
	const char	*p;
	int		 y, m, d;

	if (is->year != 0)
		return;
	for (p = s; *p != '\0'; p++) {
		if (sscanf(p, "%4d年%d月%d日", &y, &m, &d) == 3 &&
		    y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
		    d <= 31) {
			is->year = y;
			is->month = m;
			is->day = d;
			return;
		}
		if (!(*p >= '0' && *p <= '9'))
			continue;
		while (p[1] >= '0' && p[1] <= '9')
			p++;
	}
}

/* ------------------------------------------------------------------ */

/*
 * On a page whose paragraphs start indented, an unindented unit between
 * a title and the first indented paragraph is part of the title group
 * (a long 副题 summary), however long it is.
 */
static void
loader_reclassify(struct loader_page *lp)
{
	size_t	i, npara = 0, nind = 0;

	for (i = 0; i < lp->n; i++)
		if (lp->u[i].kind == LK_PARA) {
			npara++;
			if (lp->u[i].indented)
				nind++;
		}
	if (npara < 3 || nind * 10 < npara * 5)
		return;
	for (i = 1; i + 1 < lp->n; i++) {
		struct loader_unit *u = &lp->u[i];

		if (u->kind == LK_PARA && !u->indented && u->nchars <= 200 &&
		    lp->u[i - 1].kind == LK_TITLE &&
		    ((lp->u[i + 1].kind == LK_PARA && lp->u[i + 1].indented) ||
		    lp->u[i + 1].kind == LK_BYLINE))
			u->kind = LK_TITLE;
	}
}

static void
loader_page_clear(struct loader_page *lp)
{
	size_t	i;

	for (i = 0; i < lp->n; i++)
		free(lp->u[i].text);
	free(lp->u);
	memset(lp, 0, sizeof *lp);
}

/* Build one page of the tree from the units of LP. */
static void
loader_build_page(struct issue *is, struct loader_page *lp, const char *name,
    bool first_page)
{
	struct loader_ctx	 cx;
	struct page		*pg;
	size_t			 i;
	const char		*end, *p;
	int			 n;

	loader_reclassify(lp);

	pg = issue_add_page(is);
	pg->source = name != NULL ? xstrdup(name) : NULL;
	/* Page header lines name the page. */
	for (i = 0; i < lp->n; i++) {
		if (lp->u[i].kind != LK_PAGEHDR)
			continue;
		loader_date(is, lp->u[i].text);
		n = loader_find_page_no(lp->u[i].text, &end);
		if (pg->number == 0 && n > 0) {
			pg->number = n;
			p = loader_skip_space(end);
			if (loader_starts(p, "："))
				p += 3;
			else if (*p == ':')
				p++;
			p = loader_skip_space(p);
			if (*p != '\0' && pg->name == NULL)
				pg->name = loader_clean(p);
		}
	}

	memset(&cx, 0, sizeof cx);
	cx.is = is;
	cx.pg = pg;
	cx.lp = lp;
	cx.name = name;
	if (first_page)
		loader_masthead(&cx);
	for (i = 0; i < lp->n; i++)
		if (lp->u[i].kind == LK_MAST)
			loader_date(is, lp->u[i].text);
	loader_assemble(&cx);
	loader_tails(&cx);

	for (i = 0; i < cx.narts; i++) {
		struct article *a;

		a = page_add_article(pg);
		article_move(a, cx.arts[i]->a);
		free(cx.arts[i]->a);
		free(cx.arts[i]->para_unit);
		free(cx.arts[i]);
		if (a->kind == ARTICLE_TEXT && a->headline == NULL &&
		    a->npara > 0 && a->from_page == 0)
			diag_add(&is->diags, DIAG_NOTE, name, a->line, 0,
			    _("article without a headline"));
	}
	free(cx.arts);
}

/*
 * Build the page or pages of LP. A page header naming another page
 * (第02版) after some text starts a new page even without a form feed;
 * the same header again (a running head or foot) does not.
 */
static void
loader_build_pages(struct issue *is, struct loader_page *lp, const char *name,
    bool first_page)
{
	struct loader_page	 seg;
	const char		*end;
	size_t			 i, start = 0;
	int			 cur = -1, n = -1;
	bool			 content = false;

	for (i = 0; i < lp->n; i++)
		lp->u[i].kind = loader_classify(&lp->u[i]);
	for (i = 0; i <= lp->n; i++) {
		if (i < lp->n) {
			if (lp->u[i].kind != LK_PAGEHDR) {
				if (lp->u[i].kind != LK_DROP)
					content = true;
				continue;
			}
			n = loader_find_page_no(lp->u[i].text, &end);
			if (cur < 0 || !content || n == cur) {
				if (cur < 0)
					cur = n;
				continue;
			}
		}
		/* The units [start, i) are one page; LP keeps owning them. */
		memset(&seg, 0, sizeof seg);
		seg.u = lp->u + start;
		seg.n = i - start;
		loader_build_page(is, &seg, name, first_page);
		first_page = false;
		start = i;
		cur = n;
		content = false;
	}
}

/*
 * Parse the text of one page, which starts at line LINE0 of NAME.
 * Returns the line number after the page's last line end.
 */
static size_t
loader_split_page(struct issue *is, const char *text, size_t len,
    const char *name, size_t line0, bool first_page)
{
	struct loader_page	 lp;
	struct loader_line	*ln = NULL;
	size_t			 nln = 0, lncap = 0, i, line = line0;
	const char		*p = text, *end = text + len, *e;

	memset(&lp, 0, sizeof lp);
	for (;;) {
		size_t	 n, clean_len, changed;
		char	*clean;
		const char *body;
		bool	 indented;

		e = p;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		n = e - p;
		clean = text_sanitize(p, n, &clean_len, &changed);
		body = clean;
		indented = false;
		/* Indent: 　 or two or more spaces at the line start. */
		if (loader_starts(body, "\xe3\x80\x80") ||
		    loader_starts(body, "  ") || loader_starts(body, "\t") ||
		    loader_starts(body, "\xc2\xa0\xc2\xa0"))
			indented = true;
		body = loader_skip_space(body);
		clean_len = loader_trim_len(body, strlen(body));
		if (clean_len > 0) {
			util_grow(&ln, &lncap, nln + 1, sizeof *ln);
			/* Keep the sanitised copy, trimmed in place. */
			memmove(clean, body, clean_len);
			clean[clean_len] = '\0';
			ln[nln].text = clean;
			ln[nln].line = line;
			ln[nln].indented = indented;
			ln[nln].width = -1;	/* measured when needed */
			nln++;
		} else {
			free(clean);
			if (nln > 0) {
				loader_group(&lp, ln, nln);
				for (i = 0; i < nln; i++)
					free(ln[i].text);
				nln = 0;
			}
		}
		if (e >= end)
			break;
		if (*e == '\r' && e + 1 < end && e[1] == '\n')
			e++;
		p = e + 1;
		line++;
	}
	if (nln > 0) {
		loader_group(&lp, ln, nln);
		for (i = 0; i < nln; i++)
			free(ln[i].text);
	}
	free(ln);
	if (lp.n > 0)
		loader_build_pages(is, &lp, name, first_page);
	loader_page_clear(&lp);
	return line;
}

void
loader_parse_text(struct issue *is, const char *text, size_t len,
    const char *name)
{
	const char	*p = text, *end = text + len, *ff;
	size_t		 line = 1;
	bool		 first = is->npages == 0;

	while (p <= end) {
		ff = memchr(p, '\f', end - p);
		if (ff == NULL)
			ff = end;
		line = loader_split_page(is, p, ff - p, name, line, first);
		if (is->npages > 0)
			first = false;
		if (ff == end)
			break;
		p = ff + 1;
	}
	loader_link_pages(is);
}

void
loader_link_pages(struct issue *is)
{
	size_t	i, j, k, l;

	for (i = 0; i < is->npages; i++)
		for (j = 0; j < is->pages[i].narts; j++) {
			struct article *a = &is->pages[i].arts[j];

			if (a->from_page == 0 || a->headline != NULL)
				continue;
			for (k = 0; k < is->npages && a->headline == NULL; k++) {
				if (is->pages[k].number != a->from_page)
					continue;
				for (l = 0; l < is->pages[k].narts; l++) {
					struct article *b = &is->pages[k].arts[l];

					if (b->cont_page == is->pages[i].number &&
					    b->headline != NULL) {
						a->headline = xstrdup(b->headline);
						break;
					}
				}
			}
		}
}

struct issue *
loader_parse_pages(const char *data, size_t n, const char *name,
    const struct loader_opts *opts, char **cause)
{
	struct conv_result	 cr;
	struct issue		*is;
	struct diag_list	 dl;

	if (n == 0) {
		*cause = xstrdup(_("empty file"));
		return NULL;
	}
	diag_list_init(&dl);
	memset(&cr, 0, sizeof cr);
	if (conv_to_utf8_borrow(data, n, opts != NULL ? opts->encoding : NULL,
	    name, &cr, &dl, cause) != 0) {
		diag_list_clear(&dl);
		return NULL;
	}
	is = issue_new();
	diag_list_move(&is->diags, &dl);
	is->encoding = xstrdup(cr.encoding != NULL ? cr.encoding : "UTF-8");
	is->confidence = cr.confidence;
	if (cr.reason != NULL)
		is->enc_reason = xstrdup(cr.reason);
	issue_take_source(is, xstrdup(name != NULL ? name : "-"));
	loader_parse_text(is, cr.text, cr.len, name);
	conv_result_clear(&cr);
	/* Only blank lines (or spaces, or format characters): no page. */
	if (is->npages == 0) {
		issue_free(is);
		*cause = xstrdup(_("no text in this file"));
		return NULL;
	}
	return is;
}
