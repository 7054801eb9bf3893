/*
 * loader-head.c -- the page header of a printed page, as pdftotext
 * scatters it, put back on one line.
 *
 * A printed page carries its number, the date, the section and the
 * paper's name in a header ("2  要闻  人民日报 2019年2月5日 星期二");
 * pdftotext gives the pieces as lines of their own, near the top of the
 * page or wherever its reading order meets them, and a page dump reader
 * would take a bare "2" or "要闻" for a title. Here the pieces are found
 * and replaced by one line in the form page dumps use
 * ("2019年2月5日 星期二 第2版：要闻"), which pass 2 knows as a page
 * header. Unmistakable pieces (第2版, a line that is only a date) are
 * taken anywhere on the page, weak ones (a bare number, a short section
 * name, the paper's name) only among its first lines. A page without a
 * number (a front page under its masthead) is left as it is.
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "loader-int.h"

/* What the header pieces of one page said. */
struct loader_head {
	int	 number;		/* 0: not seen */
	char	*name;			/* section, or NULL */
	char	*date;			/* 2019年2月5日 星期二, or NULL */
};

/* Is S only ASCII digits, at most LL_HEAD_NUM_DIGITS of them? */
static int
loader_head_bare_number(const char *s)
{
	size_t	n = strspn(s, "0123456789");

	if (n == 0 || n > LL_HEAD_NUM_DIGITS || s[n] != '\0')
		return 0;
	return atoi(s);
}

/* 第N版 or 第N版：NAME as the whole of S: N, *NAME (caller frees) set
 * when named; else 0. */
static int
loader_head_page_line(const char *s, char **name)
{
	const char	*end, *p;
	int		 n;

	if (!loader_starts(s, "第"))
		return 0;
	n = loader_find_page_no(s, &end);
	if (n <= 0)
		return 0;
	p = loader_skip_space(end);
	if (*p == '\0')
		return n;
	if (loader_starts(p, "："))
		p += 3;
	else if (*p == ':')
		p++;
	else
		return 0;
	p = loader_skip_space(p);
	if (*p == '\0' || loader_nchars(p) > LL_HEAD_NAME_MAX ||
	    strchr(p, ' ') != NULL)
		return 0;
	*name = xstrdup(p);
	return n;
}

/* The date "2019年2月5日" (with " 星期二" when there) of a line that is
 * a date and little else, or NULL (caller frees). */
static char *
loader_head_date(const char *s)
{
	const char	*p, *wk;
	int		 y, m, d, len;
	char		 out[64];

	if (loader_nchars(s) > LL_HEAD_DATE_MAX || strstr(s, "，") != NULL ||
	    strstr(s, "。") != NULL)
		return NULL;
	for (p = s; *p != '\0'; p++) {
		len = -1;	/* %n is set only when 日 matched */
		if (*p >= '0' && *p <= '9' && (p == s || p[-1] < '0' ||
		    p[-1] > '9') && sscanf(p, "%4d年%d月%d日%n", &y, &m, &d,
		    &len) == 3 && len > 0 && y >= 1800 && m >= 1 && m <= 12 &&
		    d >= 1 && d <= 31)
			break;
	}
	if (*p == '\0')
		return NULL;
	wk = strstr(s, "星期");
	/* Only a date, or a date with its weekday or the paper's name. */
	if (wk == NULL && p != s && p[len] != '\0')
		return NULL;
	snprintf(out, sizeof out, "%d年%d月%d日", y, m, d);
	if (wk != NULL && strlen(wk) >= 9) {
		size_t	 n = strlen(out);

		snprintf(out + n, sizeof out - n, " %.9s", wk);
	}
	return xstrdup(out);
}

/* A section name: two to six Han characters and nothing else. */
static bool
loader_head_section(const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 uc;
	size_t		 n = 0;
	int		 k;

	while (*p != '\0') {
		k = u8_strmbtouc(&uc, p);
		if (k <= 0 || !text_is_han(uc))
			return false;
		p += k;
		n++;
	}
	return n >= LL_HEAD_NAME_MIN && n <= LL_HEAD_NAME_MAX &&
	    !loader_starts(s, "本版");
}

/* Take line L (the SEEN-th non-blank line) into H when it is a header
 * piece; true when it was. */
static bool
loader_head_piece(struct loader_head *h, const char *l, size_t seen)
{
	bool	 top = seen <= LL_HEAD_TOP;
	char	*name = NULL, *date;
	int	 n;

	if (h->number == 0 && (n = loader_head_page_line(l, &name)) > 0) {
		h->number = n;
		if (name != NULL && h->name == NULL)
			h->name = name;
		else
			free(name);
		return true;
	}
	if (top && h->number == 0 && (n = loader_head_bare_number(l)) > 0) {
		h->number = n;
		return true;
	}
	if (h->date == NULL && (date = loader_head_date(l)) != NULL) {
		h->date = date;
		return true;
	}
	if (top && h->name == NULL && loader_head_section(l)) {
		h->name = xstrdup(l);
		return true;
	}
	return top && (strcmp(l, "人民日报") == 0 || strcmp(l, "人民日報") == 0);
}

/* One line for H: "DATE 第N版：NAME". */
static char *
loader_head_line(const struct loader_head *h)
{
	struct buf	b;
	char		num[32];

	buf_init(&b);
	if (h->date != NULL) {
		buf_adds(&b, h->date);
		buf_addc(&b, ' ');
	}
	snprintf(num, sizeof num, "第%d版", h->number);
	buf_adds(&b, num);
	if (h->name != NULL) {
		buf_adds(&b, "：");
		buf_adds(&b, h->name);
	}
	return b.data;
}

char *
loader_head_take(struct loader_line *ln, size_t n)
{
	struct loader_head	 h;
	bool			*used;
	size_t			 i, seen = 0;
	char			*line = NULL;

	memset(&h, 0, sizeof h);
	used = xcalloc(n + 1, sizeof *used);
	for (i = 0; i < n; i++)
		if (ln[i].text != NULL)
			used[i] = loader_head_piece(&h, ln[i].text, ++seen);
	if (h.number > 0) {
		line = loader_head_line(&h);
		for (i = 0; i < n; i++)
			if (used[i]) {
				free(ln[i].text);
				ln[i].text = NULL;
			}
	}
	free(used);
	free(h.name);
	free(h.date);
	return line;
}
