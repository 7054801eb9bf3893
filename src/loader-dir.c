/*
 * loader-dir.c -- every input shape on the command line becomes issues.
 *
 * PATH may be:
 *
 * - "-": standard input, read to the end and parsed as a page dump;
 * - a file: a page dump (loader_parse_pages() in loader.c), or a single
 *   crawler article when its name is YYYYMMDD-PP-NN.txt;
 * - a folder. Its text files (*.txt) are of two kinds. Files named
 *   YYYYMMDD-PP-NN.txt are crawler articles: one issue per date, page PP,
 *   article NN, in numeric order. Other text files are the pages of one
 *   issue folder, whose date comes from the folder name (2021-12-07,
 *   20211207, 2021年12月7日, or the last three folders 2021/12/07) and
 *   each page's number from its file name (03.txt, 第03版.txt) when the
 *   text does not name it. Subfolders are searched the same way at any
 *   depth (a library of papers and dated issues); the issues found under
 *   one PATH are sorted by date.
 *
 * Folders are identified by (device, inode) so that a symbolic link loop,
 * or two links to one folder, is followed once; depth is capped. Entries
 * that cannot be read become diagnostics in the library, and loading
 * fails only when nothing at all could be loaded.
 *
 * The paper's title is never guessed from crawler files (they do not
 * name it); a folder above a dated issue that obviously names a paper
 * (its name has no digit and contains 报, or words such as "Daily" or
 * "Times") gives the title when the text did not.
 */
#include <config.h>

#include <sys/types.h>
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "conv.h"
#include "i18n.h"
#include "loader.h"
#include "text.h"
#include "util.h"

/* Folders deeper than this below PATH are not searched. */
#define LOADER_DIR_MAX_DEPTH	32

struct loader_dir_id {
	dev_t	dev;
	ino_t	ino;
};

struct loader_dir_ctx {
	const struct loader_opts *opts;
	struct library		*lib;
	struct loader_dir_id	*seen;		/* folders entered */
	size_t			 nseen;
	size_t			 seencap;
	size_t			 loaded;	/* issues added */
	char			*first_cause;	/* first file that failed */
};

/* One text file of a folder. */
struct loader_dir_file {
	char	*name;		/* entry name */
	char	*path;		/* folder path + name */
	int	 year, month, day;	/* crawler or dated: from the name */
	int	 page;		/* crawler PP, or the name's page number */
	int	 num;		/* crawler NN */
	int	 kind;		/* LOADER_DIR_CRAWLER, _DATED or _PAGE */
};

/* Kinds of text files in a folder, in the order they are loaded. */
#define LOADER_DIR_CRAWLER	0	/* YYYYMMDD-PP-NN.txt: an article */
#define LOADER_DIR_DATED	1	/* 2021-12-07.txt: a whole issue */
#define LOADER_DIR_PAGE		2	/* anything else: a page */

/* ------------------------------------------------------------------ */
/* Names and paths. */

static char *
loader_dir_join(const char *dir, const char *name)
{
	size_t	n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

static const char *
loader_dir_base(const char *path)
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

/* Length of the base name of PATH without trailing slashes. */
static size_t
loader_dir_base_len(const char *path)
{
	const char	*b = loader_dir_base(path);
	size_t		 n = 0;

	while (b[n] != '\0' && b[n] != '/')
		n++;
	return n;
}

/* A text file that may hold newspaper text (not a README or licence). */
static bool
loader_dir_is_text_name(const char *name)
{
	static const char *const notes[] = {
		"readme", "license", "licence", "copying", "changelog"
	};
	size_t	n = strlen(name), i;

	for (i = 0; i < sizeof notes / sizeof notes[0]; i++)
		if (strncasecmp(name, notes[i], strlen(notes[i])) == 0)
			return false;
	return (n > 4 && strcasecmp(name + n - 4, ".txt") == 0) ||
	    (n > 5 && strcasecmp(name + n - 5, ".text") == 0);
}

/* Read up to MAXD decimal digits at *SP (at least one); -1 if none. */
static int
loader_dir_digits(const char **sp, int maxd)
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
loader_dir_valid_date(int y, int m, int d)
{
	return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= 31;
}

/*
 * A date that is the whole of NAME[0..N): 2021-12-07, 2021_12_07,
 * 2021.12.07, 20211207, 2021年12月7日 (日 optional).
 */
static bool
loader_dir_date_name(const char *name, size_t n, int *y, int *m, int *d)
{
	const char	*s = name, *e = name + n;
	int		 yy, mm, dd;

	if (n == 8) {
		for (s = name; s < e; s++)
			if (!isdigit((unsigned char)*s))
				return false;
		yy = (name[0] - '0') * 1000 + (name[1] - '0') * 100 +
		    (name[2] - '0') * 10 + (name[3] - '0');
		mm = (name[4] - '0') * 10 + (name[5] - '0');
		dd = (name[6] - '0') * 10 + (name[7] - '0');
	} else {
		s = name;
		if ((yy = loader_dir_digits(&s, 4)) < 0 || s - name != 4)
			return false;
		if (s < e && (*s == '-' || *s == '_' || *s == '.'))
			s++;
		else if (e - s >= 3 && memcmp(s, "年", 3) == 0)
			s += 3;
		else
			return false;
		if ((mm = loader_dir_digits(&s, 2)) < 0)
			return false;
		if (s < e && (*s == '-' || *s == '_' || *s == '.'))
			s++;
		else if (e - s >= 3 && memcmp(s, "月", 3) == 0)
			s += 3;
		else
			return false;
		if ((dd = loader_dir_digits(&s, 2)) < 0)
			return false;
		if (e - s >= 3 && memcmp(s, "日", 3) == 0)
			s += 3;
		if (s != e)
			return false;
	}
	if (!loader_dir_valid_date(yy, mm, dd))
		return false;
	*y = yy;
	*m = mm;
	*d = dd;
	return true;
}

/*
 * The date of the folder PATH: its own name, or its last three
 * components as YYYY/MM/DD.
 */
static bool
loader_dir_date_path(const char *path, int *y, int *m, int *d)
{
	const char	*c[3], *e;
	size_t		 len[3];
	int		 i, v[3];

	if (loader_dir_date_name(loader_dir_base(path),
	    loader_dir_base_len(path), y, m, d))
		return true;
	/* Walk back over three components. */
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

		if ((v[i] = loader_dir_digits(&s, i == 0 ? 4 : 2)) < 0 ||
		    (size_t)(s - c[i]) != len[i] ||
		    (i == 0 && len[i] != 4))
			return false;
	}
	if (!loader_dir_valid_date(v[0], v[1], v[2]))
		return false;
	*y = v[0];
	*m = v[1];
	*d = v[2];
	return true;
}

/* Is NAME a crawler article file, YYYYMMDD-PP-NN.txt? */
static bool
loader_dir_crawler_name(struct loader_dir_file *f)
{
	const char	*s = f->name;
	int		 pp, nn;

	if (!loader_dir_date_name(s, 8, &f->year, &f->month, &f->day) ||
	    s[8] != '-')
		return false;
	s += 9;
	if ((pp = loader_dir_digits(&s, 3)) < 0 || *s != '-')
		return false;
	s++;
	if ((nn = loader_dir_digits(&s, 4)) < 0 ||
	    strcasecmp(s, ".txt") != 0)
		return false;
	f->page = pp;
	f->num = nn;
	f->kind = LOADER_DIR_CRAWLER;
	return true;
}

/*
 * The page number a page file's name gives, or 0: one to three digits,
 * after an optional 第, "page", "p" or a single capital letter (A03),
 * before an optional 版, then the end of the name or a separator and
 * anything (03.txt, 第03版.txt, page3.txt, A03-要闻.txt). Names such as
 * utf16le.txt or wrap20.txt give none.
 */
static int
loader_dir_page_from_name(const char *name)
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
	if ((v = loader_dir_digits(&s, 3)) <= 0 || isdigit((unsigned char)*s))
		return 0;
	if (strncmp(s, "版", strlen("版")) == 0)
		s += strlen("版");
	if (*s != '\0' && *s != '.' && *s != '-' && *s != '_' && *s != ' ')
		return 0;
	return v;
}

/* Does folder name NAME (N bytes) obviously name a newspaper? */
static bool
loader_dir_paper_name(const char *name, size_t n)
{
	static const char *const words[] = {
		"daily", "times", "news", "post", "herald", "journal",
		"gazette", "tribune"
	};
	char	*low;
	size_t	 i;
	bool	 yes = false;

	if (n == 0 || n > 90 || name[0] == '.')
		return false;
	for (i = 0; i < n; i++)
		if (isdigit((unsigned char)name[i]))
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

/* A translated reason for errno ERR. */
static char *
loader_dir_errno(int err)
{
	switch (err) {
	case ENOENT:
		return xstrdup(_("no such file or directory"));
	case EACCES:
	case EPERM:
		return xstrdup(_("permission denied"));
	case ELOOP:
		return xstrdup(_("symbolic link loop"));
	case EISDIR:
		return xstrdup(_("is a folder"));
	default:
		return xstrdup(strerror(err));
	}
}

/* ------------------------------------------------------------------ */
/* Reading. */

/* Read all of FD into *DATA (NUL-terminated) and *N. */
static int
loader_dir_read_fd(int fd, char **data, size_t *n, char **cause)
{
	return loader_read_all(fd, data, n, cause);
}

static int
loader_dir_read_file(const char *path, char **data, size_t *n, char **cause)
{
	int	fd, rv;

	if ((fd = open(path, O_RDONLY)) < 0) {
		*cause = loader_dir_errno(errno);
		return -1;
	}
	rv = loader_dir_read_fd(fd, data, n, cause);
	close(fd);
	return rv;
}

/* ------------------------------------------------------------------ */
/* Crawler files. */

/*
 * Bytes of the layout space at P (valid UTF-8 before E), or 0: ASCII
 * space and tab, U+00A0 no-break, U+2000-200A, U+202F, U+205F and U+3000
 * ideographic space. Byte tests: this runs over every crawler line.
 */
static size_t
loader_dir_space_len(const unsigned char *p, const unsigned char *e)
{
	if (*p == ' ' || *p == '\t')
		return 1;
	if (*p == 0xc2 && e - p >= 2 && p[1] == 0xa0)
		return 2;
	if (e - p < 3)
		return 0;
	if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] <= 0x8a || p[2] == 0xaf))
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
		return 3;
	return 0;
}

/*
 * One line of a crawler file, sanitised: leading and trailing spaces
 * (the 　　 paragraph indent among them) removed, and each run of layout
 * spaces inside (no-break, ideographic, ASCII) made one ASCII space.
 */
static char *
loader_dir_clean_line(const char *s, size_t n)
{
	char			*clean;
	const unsigned char	*p, *e;
	size_t			 len, o = 0, l;
	bool			 space = false;

	clean = text_sanitize(s, n, &len, NULL);
	/* In place: the output is never longer than the input. */
	p = (const unsigned char *)clean;
	e = p + len;
	while (p < e) {
		if ((l = loader_dir_space_len(p, e)) > 0) {
			space = o > 0;
			p += l;
			continue;
		}
		if (space)
			clean[o++] = ' ';
		space = false;
		/* Copy one character: its length from the lead byte. */
		l = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
		if (l > (size_t)(e - p))
			l = e - p;
		memmove(clean + o, p, l);
		o += l;
		p += l;
	}
	clean[o] = '\0';
	return clean;
}

int
loader_parse_crawler(struct page *pg, const char *text, size_t len,
    const char *name)
{
	struct article	 a, *dst;
	const char	*p = text, *end = text + len, *e;
	size_t		 lineno = 0, nonempty = 0;
	bool		 ad_word = false;
	char		*s;

	memset(&a, 0, sizeof a);
	while (p < end) {
		e = p;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		s = loader_dir_clean_line(p, e - p);
		lineno++;
		if (*s != '\0') {
			nonempty++;
			ad_word = strcmp(s, "广告") == 0 ||
			    strcmp(s, "廣告") == 0;
		}
		if (lineno <= 3 && *s != '\0') {
			char **field = lineno == 1 ? &a.kicker :
			    lineno == 2 ? &a.headline : &a.subhead;

			*field = s;
		} else if (lineno > 3 && *s != '\0')
			article_take_para(&a, s);
		else
			free(s);
		if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
			e++;
		p = e + 1;
	}
	if (nonempty == 1 && ad_word) {
		article_clear(&a);
		return -1;
	}
	a.kind = ARTICLE_TEXT;
	/* The first paragraph's dateline, as in a page dump (the
	 * paragraph keeps it too). */
	if (a.npara > 0)
		a.dateline = loader_dateline_of(a.paras[0]);
	model_set_name(&a.source, name);
	a.line = 1;
	dst = page_add_article(pg);
	article_move(dst, &a);
	return 0;
}

static int
loader_dir_cmp_file(const void *va, const void *vb)
{
	const struct loader_dir_file *a = va, *b = vb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	/* Page files without a number in their name go last. */
	if ((a->page == 0) != (b->page == 0))
		return a->page == 0 ? 1 : -1;
	if (a->page != b->page)
		return a->page < b->page ? -1 : 1;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* Record the first failure inside a folder, for when nothing loads. */
static void
loader_dir_failed(struct loader_dir_ctx *cx, struct diag_list *dl,
    const char *path, const char *cause)
{
	diag_add(dl, DIAG_WARNING, path, 0, 0, "%s", cause);
	if (cx->first_cause == NULL)
		cx->first_cause = xasprintf("%s: %s", path, cause);
}

/* Take the encoding of one file into IS (the first, lowest confidence). */
static void
loader_dir_encoding(struct issue *is, const struct conv_result *cr,
    const char *path)
{
	if (is->encoding == NULL) {
		is->encoding = xstrdup(cr->encoding != NULL ? cr->encoding :
		    "UTF-8");
		is->confidence = cr->confidence;
		if (cr->reason != NULL)
			is->enc_reason = xstrdup(cr->reason);
		return;
	}
	if (cr->encoding != NULL && strcmp(cr->encoding, is->encoding) != 0)
		diag_add(&is->diags, DIAG_NOTE, path, 0, 0,
		    _("encoding %s, unlike the rest of the issue (%s)"),
		    cr->encoding, is->encoding);
	if (cr->confidence < is->confidence)
		is->confidence = cr->confidence;
}

/*
 * Build one issue from crawler files F[0..N) of one date, in order.
 * Returns NULL when no article could be read.
 */
static struct issue *
loader_dir_crawler_issue(struct loader_dir_ctx *cx, const char *dir,
    struct loader_dir_file *f, size_t n)
{
	struct issue		*is;
	struct page		*pg = NULL;
	struct conv_result	 cr;
	char			*data, *cause;
	size_t			 i, len;

	is = issue_new();
	is->year = f[0].year;
	is->month = f[0].month;
	is->day = f[0].day;
	issue_take_source(is, xstrdup(dir));
	for (i = 0; i < n; i++) {
		if (loader_dir_read_file(f[i].path, &data, &len, &cause) != 0) {
			loader_dir_failed(cx, &is->diags, f[i].path, cause);
			free(cause);
			continue;
		}
		if (len == 0) {
			loader_dir_failed(cx, &is->diags, f[i].path,
			    _("empty file"));
			free(data);
			continue;
		}
		memset(&cr, 0, sizeof cr);
		if (conv_to_utf8(data, len, cx->opts != NULL ?
		    cx->opts->encoding : NULL, f[i].path, &cr, &is->diags,
		    &cause) != 0) {
			loader_dir_failed(cx, &is->diags, f[i].path, cause);
			free(cause);
			free(data);
			continue;
		}
		free(data);
		loader_dir_encoding(is, &cr, f[i].path);
		if (pg == NULL || pg->number != f[i].page) {
			if (pg != NULL && pg->narts == 0) {
				/* Only advertisements: no page to read. */
				page_clear(pg);
				is->npages--;
			}
			pg = issue_add_page(is);
			pg->number = f[i].page;
		}
		loader_parse_crawler(pg, cr.text, cr.len, f[i].path);
		conv_result_clear(&cr);
	}
	if (pg != NULL && pg->narts == 0) {
		page_clear(pg);
		is->npages--;
	}
	if (is->npages == 0) {
		/* Nothing to read: the reasons go to the library. */
		diag_list_move(&cx->lib->diags, &is->diags);
		issue_free(is);
		return NULL;
	}
	return is;
}

/* ------------------------------------------------------------------ */
/* Page files. */

/* Move the pages, masthead, sources and diagnostics of SRC into DST. */
static void
loader_dir_merge(struct issue *dst, struct issue *src)
{
	struct page	*pg;
	size_t		 i;

	for (i = 0; i < src->npages; i++) {
		pg = issue_add_page(dst);
		*pg = src->pages[i];
	}
	src->npages = 0;
	for (i = 0; i < src->nmasthead; i++)
		issue_add_masthead(dst, src->masthead[i]);
	if (dst->title == NULL && src->title != NULL) {
		dst->title = src->title;
		src->title = NULL;
	}
	if (dst->year == 0 && src->year != 0) {
		dst->year = src->year;
		dst->month = src->month;
		dst->day = src->day;
	}
	diag_list_move(&dst->diags, &src->diags);
	issue_free(src);
}

/* Load one page dump file PATH; NULL with *CAUSE on failure. */
static struct issue *
loader_dir_page_file(struct loader_dir_ctx *cx, const char *path,
    const char *name, char **cause)
{
	struct issue	*is;
	int		 fd, num;

	if ((fd = open(path, O_RDONLY)) < 0) {
		*cause = loader_dir_errno(errno);
		return NULL;
	}
	/* A large file is read and parsed chunk by chunk (loader-read.c). */
	is = loader_read_pages(fd, path, cx->opts, cause);
	close(fd);
	if (is == NULL)
		return NULL;
	num = loader_dir_page_from_name(name);
	if (num > 0 && is->npages == 1 && is->pages[0].number == 0)
		is->pages[0].number = num;
	return is;
}

/* One issue from the page files F[0..N) of folder DIR. */
static struct issue *
loader_dir_pages_issue(struct loader_dir_ctx *cx, const char *dir,
    struct loader_dir_file *f, size_t n)
{
	struct issue	*is = NULL, *one;
	struct diag_list dl;
	char		*cause;
	size_t		 i;
	int		 y, m, d;

	diag_list_init(&dl);
	for (i = 0; i < n; i++) {
		one = loader_dir_page_file(cx, f[i].path, f[i].name, &cause);
		if (one == NULL) {
			loader_dir_failed(cx, &dl, f[i].path, cause);
			free(cause);
			continue;
		}
		if (is == NULL) {
			is = issue_new();
			issue_take_source(is, xstrdup(dir));
			is->encoding = one->encoding;
			is->confidence = one->confidence;
			is->enc_reason = one->enc_reason;
			one->encoding = one->enc_reason = NULL;
		} else {
			struct conv_result cr;

			memset(&cr, 0, sizeof cr);
			cr.encoding = one->encoding;
			cr.confidence = one->confidence;
			loader_dir_encoding(is, &cr, f[i].path);
		}
		loader_dir_merge(is, one);
	}
	if (is == NULL) {
		/* Nothing loaded here: the reasons go to the library. */
		diag_list_move(&cx->lib->diags, &dl);
		return NULL;
	}
	diag_list_move(&is->diags, &dl);
	loader_link_pages(is);
	if (loader_dir_date_path(dir, &y, &m, &d)) {
		if (is->year != 0 && (is->year != y || is->month != m ||
		    is->day != d))
			diag_add(&is->diags, DIAG_NOTE, dir, 0, 0,
			    _("the folder is dated %04d-%02d-%02d, the text "
			    "%04d-%02d-%02d"), y, m, d, is->year, is->month,
			    is->day);
		is->year = y;
		is->month = m;
		is->day = d;
	}
	return is;
}

/* ------------------------------------------------------------------ */
/* Folders. */

static void
loader_dir_add(struct loader_dir_ctx *cx, struct issue *is,
    const char *paper)
{
	if (is->title == NULL && paper != NULL)
		model_set_name(&is->title, paper);
	library_take_issue(cx->lib, is);
	cx->loaded++;
}

/* Has the folder ST been entered already? Marks it entered if not. */
static bool
loader_dir_seen(struct loader_dir_ctx *cx, const struct stat *st)
{
	size_t	i;

	for (i = 0; i < cx->nseen; i++)
		if (cx->seen[i].dev == st->st_dev &&
		    cx->seen[i].ino == st->st_ino)
			return true;
	cx->seen = util_grow(cx->seen, &cx->seencap, cx->nseen + 1,
	    sizeof *cx->seen);
	cx->seen[cx->nseen].dev = st->st_dev;
	cx->seen[cx->nseen].ino = st->st_ino;
	cx->nseen++;
	return false;
}

static int
loader_dir_cmp_name(const void *va, const void *vb)
{
	const char *const *a = va, *const *b = vb;

	return strcmp(*a, *b);
}

static void
loader_dir_files_free(struct loader_dir_file *f, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(f[i].name);
		free(f[i].path);
	}
	free(f);
}

/*
 * Load folder PATH (already stat()ed and marked entered) at DEPTH below
 * the command line's PATH. PAPER is the nearest folder name above that
 * names a paper, or NULL. Returns -1 with *CAUSE only when PATH itself
 * cannot be read.
 */
static int
loader_dir_walk(struct loader_dir_ctx *cx, const char *path, int depth,
    const char *paper, char **cause)
{
	DIR			*dp;
	struct dirent		*de;
	struct stat		 st, lst;
	struct loader_dir_file	*f = NULL;
	size_t			 nf = 0, fcap = 0, i, j, ncrawl;
	char			**sub = NULL, *p, *own = NULL, *reason;
	size_t			 nsub = 0, subcap = 0;
	struct issue		*is;

	if ((dp = opendir(path)) == NULL) {
		char *why = loader_dir_errno(errno);

		if (depth == 0) {
			*cause = why;
			return -1;
		}
		diag_add(&cx->lib->diags, DIAG_WARNING, path, 0, 0, "%s", why);
		free(why);
		return 0;
	}
	if (loader_dir_paper_name(loader_dir_base(path),
	    loader_dir_base_len(path))) {
		own = xstrndup(loader_dir_base(path),
		    loader_dir_base_len(path));
		paper = own;
	}
	while ((errno = 0, de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		p = loader_dir_join(path, de->d_name);
		if (stat(p, &st) != 0) {
			int err = errno;

			if (lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode) &&
			    err == ENOENT)
				diag_add(&cx->lib->diags, DIAG_WARNING, p, 0, 0,
				    "%s", _("broken symbolic link"));
			else {
				char *why = loader_dir_errno(err);

				diag_add(&cx->lib->diags, DIAG_WARNING, p, 0,
				    0, "%s", why);
				free(why);
			}
			free(p);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			sub = util_grow(sub, &subcap, nsub + 1, sizeof *sub);
			sub[nsub++] = p;
		} else if (S_ISREG(st.st_mode) &&
		    loader_dir_is_text_name(de->d_name)) {
			f = util_grow(f, &fcap, nf + 1, sizeof *f);
			memset(&f[nf], 0, sizeof f[nf]);
			f[nf].name = xstrdup(de->d_name);
			f[nf].path = p;
			if (loader_dir_crawler_name(&f[nf]))
				;
			else if (loader_dir_date_name(de->d_name,
			    strcspn(de->d_name, "."), &f[nf].year,
			    &f[nf].month, &f[nf].day))
				f[nf].kind = LOADER_DIR_DATED;
			else {
				f[nf].kind = LOADER_DIR_PAGE;
				f[nf].page = loader_dir_page_from_name(
				    de->d_name);
			}
			nf++;
		} else
			free(p);
	}
	if (errno != 0) {
		char *why = loader_dir_errno(errno);

		diag_add(&cx->lib->diags, DIAG_WARNING, path, 0, 0, "%s", why);
		free(why);
	}
	closedir(dp);

	/*
	 * Text files here: crawler issues by date, files named by a date
	 * (an issue each), then the other files as pages of one issue.
	 */
	if (nf > 0)
		qsort(f, nf, sizeof *f, loader_dir_cmp_file);
	for (ncrawl = 0; ncrawl < nf && f[ncrawl].kind == LOADER_DIR_CRAWLER;
	    ncrawl++)
		;
	for (i = 0; i < ncrawl; i = j) {
		for (j = i + 1; j < ncrawl && f[j].year == f[i].year &&
		    f[j].month == f[i].month && f[j].day == f[i].day; j++)
			;
		if ((is = loader_dir_crawler_issue(cx, path, f + i, j - i)) !=
		    NULL)
			loader_dir_add(cx, is, paper);
	}
	for (i = ncrawl; i < nf && f[i].kind == LOADER_DIR_DATED; i++) {
		is = loader_dir_page_file(cx, f[i].path, f[i].name, &reason);
		if (is == NULL) {
			loader_dir_failed(cx, &cx->lib->diags, f[i].path,
			    reason);
			free(reason);
			continue;
		}
		is->year = f[i].year;
		is->month = f[i].month;
		is->day = f[i].day;
		loader_dir_add(cx, is, paper);
	}
	if (i < nf && (is = loader_dir_pages_issue(cx, path, f + i,
	    nf - i)) != NULL)
		loader_dir_add(cx, is, paper);
	loader_dir_files_free(f, nf);

	/* Then the subfolders, in name order. */
	if (nsub > 0)
		qsort(sub, nsub, sizeof *sub, loader_dir_cmp_name);
	for (i = 0; i < nsub; i++) {
		if (stat(sub[i], &st) != 0)
			continue;
		if (depth + 1 > LOADER_DIR_MAX_DEPTH)
			diag_add(&cx->lib->diags, DIAG_WARNING, sub[i], 0, 0,
			    "%s", _("folders nested too deep, not searched"));
		else if (loader_dir_seen(cx, &st))
			diag_add(&cx->lib->diags, DIAG_WARNING, sub[i], 0, 0,
			    "%s", _("folder already visited (symbolic link "
			    "loop?), not followed"));
		else
			loader_dir_walk(cx, sub[i], depth + 1, paper, cause);
		free(sub[i]);
	}
	free(sub);
	free(own);
	return 0;
}

/* Issues by date (unknown dates last), then title, then source. */
static int
loader_dir_cmp_issue(const void *va, const void *vb)
{
	const struct issue *a = *(struct issue *const *)va;
	const struct issue *b = *(struct issue *const *)vb;
	long		 ka, kb;
	int		 c;

	ka = a->year > 0 ? a->year * 10000L + a->month * 100 + a->day :
	    99999999L;
	kb = b->year > 0 ? b->year * 10000L + b->month * 100 + b->day :
	    99999999L;
	if (ka != kb)
		return ka < kb ? -1 : 1;
	c = strcmp(a->title != NULL ? a->title : "", b->title != NULL ?
	    b->title : "");
	if (c != 0)
		return c;
	return strcmp(a->nsources > 0 ? a->sources[0] : "",
	    b->nsources > 0 ? b->sources[0] : "");
}

/* A single file (not a folder): a page dump or one crawler article. */
static int
loader_dir_file(struct loader_dir_ctx *cx, const char *path, char **cause)
{
	struct loader_dir_file	 f;
	struct issue		*is;
	char			*dir;
	int			 y, m, d;

	memset(&f, 0, sizeof f);
	f.name = xstrndup(loader_dir_base(path), loader_dir_base_len(path));
	f.path = xstrdup(path);
	if (loader_dir_crawler_name(&f)) {
		dir = xstrndup(path, loader_dir_base(path) - path);
		is = loader_dir_crawler_issue(cx, dir[0] != '\0' ? dir : ".",
		    &f, 1);
		free(dir);
		if (is == NULL) {
			if (cx->first_cause != NULL) {
				/* Report the file's own reason. */
				*cause = xstrdup(cx->first_cause +
				    strlen(path) + 2);
			} else
				*cause = xstrdup(_("an advertisement, no "
				    "article"));
		}
	} else {
		is = loader_dir_page_file(cx, path, f.name, cause);
		if (is != NULL && is->year == 0) {
			/* The date from the file's name or its folder's. */
			if (loader_dir_date_name(f.name, strcspn(f.name, "."),
			    &y, &m, &d)) {
				is->year = y;
				is->month = m;
				is->day = d;
			} else {
				dir = xstrndup(path, loader_dir_base(path) -
				    path);
				if (dir[0] != '\0' && loader_dir_date_path(dir,
				    &y, &m, &d)) {
					is->year = y;
					is->month = m;
					is->day = d;
				}
				free(dir);
			}
		}
	}
	free(f.name);
	free(f.path);
	if (is == NULL)
		return -1;
	loader_dir_add(cx, is, NULL);
	return 0;
}

int
loader_load_path(const char *path, const struct loader_opts *opts,
    struct library *lib, char **cause)
{
	struct loader_dir_ctx	 cx;
	struct issue		*is;
	struct stat		 st;
	char			*data;
	size_t			 n, first = lib->n;
	int			 rv = 0;

	*cause = NULL;
	memset(&cx, 0, sizeof cx);
	cx.opts = opts;
	cx.lib = lib;

	if (strcmp(path, "-") == 0) {
		if (loader_dir_read_fd(STDIN_FILENO, &data, &n, cause) != 0)
			return -1;
		is = loader_parse_pages(data, n, "-", opts, cause);
		free(data);
		if (is == NULL)
			return -1;
		library_take_issue(lib, is);
		return 0;
	}
	if (stat(path, &st) != 0) {
		*cause = loader_dir_errno(errno);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		rv = loader_dir_file(&cx, path, cause);
		free(cx.first_cause);
		return rv;
	}

	loader_dir_seen(&cx, &st);
	if (loader_dir_walk(&cx, path, 0, NULL, cause) != 0)
		rv = -1;
	else if (cx.loaded == 0) {
		*cause = cx.first_cause != NULL ? cx.first_cause :
		    xstrdup(_("no text files in this folder"));
		cx.first_cause = NULL;
		rv = -1;
	} else if (lib->n - first > 1)
		qsort(lib->issues + first, lib->n - first,
		    sizeof *lib->issues, loader_dir_cmp_issue);
	free(cx.first_cause);
	free(cx.seen);
	return rv;
}
