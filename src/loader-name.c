/*
 * loader-name.c -- what file and folder names say about an issue, read
 * from the names alone (no file is opened here). The library's scan
 * uses these to catalogue an archive without reading it, and the folder
 * loader uses them to put pages in order.
 *
 *	20191001-01-03.txt		crawler article: date, page 1, article 3
 *	2021-12-07.txt, 20211207.txt	a whole issue, named by its date
 *	03.txt, 第03版.txt, A03-要闻.txt	a page file and its number
 *	sn84026749-ed-1_seq-1.txt	a Chronicling America page: the paper's
 *					LCCN, the edition and the page
 *	2021-12-07/, 2021/12/07/	a dated issue folder
 *	人民日报/, Daily News/		a folder that names a paper
 */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "loader.h"
#include "util.h"

/* Longest folder name taken as a paper's name, in bytes. */
#define LOADER_NAME_PAPER_MAX	90

/* Read up to MAXD decimal digits at *SP (at least one); -1 if none. */
static int
loader_name_digits(const char **sp, int maxd)
{
	const char	*s = *sp;
	int		 v = 0, n = 0;

	while (n < maxd && isdigit((unsigned char)s[n])) {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n == 0)
		return -1;
	*sp = s + n;
	return v;
}

static bool
loader_name_valid_date(int y, int m, int d)
{
	return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= 31;
}

const char *
loader_name_base(const char *path)
{
	const char	*s;
	size_t		 n = strlen(path);

	/* Ignore trailing slashes: "2021-12-07/" names 2021-12-07. */
	while (n > 1 && path[n - 1] == '/')
		n--;
	s = path + n;
	while (s > path && s[-1] != '/')
		s--;
	return s;
}

size_t
loader_name_base_len(const char *path)
{
	const char	*b = loader_name_base(path);
	size_t		 n = 0;

	while (b[n] != '\0' && b[n] != '/')
		n++;
	return n;
}

bool
loader_name_is_text(const char *name)
{
	static const char *const notes[] = {
		"readme", "license", "licence", "copying", "changelog"
	};
	size_t	n = strlen(name), i;

	if (name[0] == '.')
		return false;
	for (i = 0; i < sizeof notes / sizeof notes[0]; i++)
		if (strncasecmp(name, notes[i], strlen(notes[i])) == 0)
			return false;
	return (n > 4 && strcasecmp(name + n - 4, ".txt") == 0) ||
	    (n > 5 && strcasecmp(name + n - 5, ".text") == 0);
}

/* Eight digits YYYYMMDD at NAME. */
static bool
loader_name_date8(const char *name, int *y, int *m, int *d)
{
	int	i;

	for (i = 0; i < 8; i++)
		if (!isdigit((unsigned char)name[i]))
			return false;
	*y = (name[0] - '0') * 1000 + (name[1] - '0') * 100 +
	    (name[2] - '0') * 10 + (name[3] - '0');
	*m = (name[4] - '0') * 10 + (name[5] - '0');
	*d = (name[6] - '0') * 10 + (name[7] - '0');
	return true;
}

/* A separator between date parts: - _ . or the CJK word WORD. */
static bool
loader_name_sep(const char **sp, const char *e, const char *word)
{
	const char	*s = *sp;

	if (s < e && (*s == '-' || *s == '_' || *s == '.')) {
		*sp = s + 1;
		return true;
	}
	if (e - s >= 3 && memcmp(s, word, 3) == 0) {
		*sp = s + 3;
		return true;
	}
	return false;
}

bool
loader_name_date(const char *name, size_t n, int *y, int *m, int *d)
{
	const char	*s = name, *e = name + n;
	int		 yy, mm, dd;

	if (n == 8) {
		if (!loader_name_date8(name, &yy, &mm, &dd))
			return false;
	} else {
		if ((yy = loader_name_digits(&s, 4)) < 0 || s - name != 4 ||
		    !loader_name_sep(&s, e, "年") ||
		    (mm = loader_name_digits(&s, 2)) < 0 ||
		    !loader_name_sep(&s, e, "月") ||
		    (dd = loader_name_digits(&s, 2)) < 0)
			return false;
		if (e - s >= 3 && memcmp(s, "日", 3) == 0)
			s += 3;
		if (s != e)
			return false;
	}
	if (!loader_name_valid_date(yy, mm, dd))
		return false;
	*y = yy;
	*m = mm;
	*d = dd;
	return true;
}

bool
loader_name_date_path(const char *path, int *y, int *m, int *d)
{
	const char	*c[3], *e;
	size_t		 len[3];
	int		 i, v[3];

	if (loader_name_date(loader_name_base(path),
	    loader_name_base_len(path), y, m, d))
		return true;
	/* Walk back over three components: YYYY/MM/DD. */
	e = path + strlen(path);
	for (i = 2; i >= 0; i--) {
		while (e > path && e[-1] == '/')
			e--;
		c[i] = e;
		while (c[i] > path && c[i][-1] != '/')
			c[i]--;
		len[i] = e - c[i];
		if (len[i] == 0)
			return false;
		e = c[i];
	}
	for (i = 0; i < 3; i++) {
		const char *s = c[i];

		if ((v[i] = loader_name_digits(&s, i == 0 ? 4 : 2)) < 0 ||
		    (size_t)(s - c[i]) != len[i] || (i == 0 && len[i] != 4))
			return false;
	}
	if (!loader_name_valid_date(v[0], v[1], v[2]))
		return false;
	*y = v[0];
	*m = v[1];
	*d = v[2];
	return true;
}

bool
loader_name_crawler(const char *name, struct loader_name *out)
{
	const char	*s = name;
	int		 y, m, d, pp, nn;

	if (strlen(name) < 8 || !loader_name_date8(s, &y, &m, &d) ||
	    !loader_name_valid_date(y, m, d) || s[8] != '-')
		return false;
	s += 9;
	if ((pp = loader_name_digits(&s, 3)) < 0 || *s != '-')
		return false;
	s++;
	if ((nn = loader_name_digits(&s, 4)) < 0 ||
	    strcasecmp(s, ".txt") != 0)
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	out->page = pp;
	out->num = nn;
	return true;
}

int
loader_name_page(const char *name)
{
	static const char *const prefixes[] = { "第", "page", "Page", "p" };
	const char	*s = name;
	size_t		 i, n;
	int		 v;

	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		n = strlen(prefixes[i]);
		if (strncmp(s, prefixes[i], n) == 0) {
			s += n;
			break;
		}
	}
	if (s == name && *s >= 'A' && *s <= 'Z')
		s++;
	if (*s == '-' || *s == '_')
		s++;
	if ((v = loader_name_digits(&s, 3)) <= 0 || isdigit((unsigned char)*s))
		return 0;
	if (strncmp(s, "版", strlen("版")) == 0)
		s += strlen("版");
	if (*s != '\0' && *s != '.' && *s != '-' && *s != '_' && *s != ' ')
		return 0;
	return v;
}

/*
 * A Library of Congress control number as Chronicling America writes it
 * in file names: up to three lower-case letters, then 8 to 10 digits.
 * Returns its length at S, or 0.
 */
static size_t
loader_name_lccn_len(const char *s)
{
	size_t	a = 0, d = 0;

	while (a < 3 && s[a] >= 'a' && s[a] <= 'z')
		a++;
	while (isdigit((unsigned char)s[a + d]))
		d++;
	return d >= 8 && d <= 10 ? a + d : 0;
}

bool
loader_name_lccn(const char *name, char **paper, int *page)
{
	const char	*s;
	size_t		 n;
	int		 ed, seq;

	if ((n = loader_name_lccn_len(name)) == 0 ||
	    strncmp(name + n, "-ed-", 4) != 0)
		return false;
	s = name + n + 4;
	if ((ed = loader_name_digits(&s, 3)) <= 0 ||
	    strncmp(s, "_seq-", 5) != 0)
		return false;
	s += 5;
	if ((seq = loader_name_digits(&s, 4)) <= 0 ||
	    strcasecmp(s, ".txt") != 0)
		return false;
	if (paper != NULL)
		*paper = ed == 1 ? xstrndup(name, n) :
		    xasprintf("%.*s-ed-%d", (int)n, name, ed);
	*page = seq;
	return true;
}

bool
loader_name_paper(const char *name, size_t n)
{
	static const char *const words[] = {
		"daily", "times", "news", "post", "herald", "journal",
		"gazette", "tribune"
	};
	char	*low;
	size_t	 i;
	bool	 yes = false;

	if (n == 0 || n > LOADER_NAME_PAPER_MAX || name[0] == '.')
		return false;
	for (i = 0; i < n; i++)
		if (isdigit((unsigned char)name[i]) ||
		    (unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return false;
	low = xstrndup(name, n);
	if (strstr(low, "报") != NULL || strstr(low, "報") != NULL)
		yes = true;
	for (i = 0; i < n; i++)
		low[i] = tolower((unsigned char)low[i]);
	for (i = 0; !yes && i < sizeof words / sizeof words[0]; i++)
		if (strstr(low, words[i]) != NULL)
			yes = true;
	free(low);
	return yes;
}

void
loader_name_classify(const char *name, struct loader_name *out)
{
	int	y, m, d;

	memset(out, 0, sizeof *out);
	if (loader_name_crawler(name, out)) {
		out->kind = LOADER_NAME_CRAWLER;
		return;
	}
	if (loader_name_date(name, strcspn(name, "."), &y, &m, &d)) {
		out->kind = LOADER_NAME_DATED;
		out->year = y;
		out->month = m;
		out->day = d;
		return;
	}
	out->kind = LOADER_NAME_PAGE;
	if (!loader_name_lccn(name, NULL, &out->page))
		out->page = loader_name_page(name);
}
