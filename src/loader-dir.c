/*
 * loader-dir.c -- files on disk become issues.
 *
 * - loader_load_file(): "-" (standard input, read to the end and parsed
 *   as a page dump) or one file: a page dump (loader_parse_pages() in
 *   loader.c), or a single crawler article when its name is
 *   YYYYMMDD-PP-NN.txt. The date comes from the text, else from the
 *   file's name, else from its folder's.
 * - loader_load_issue(): the files of one issue as the library found
 *   them from their names (library-scan.c walks the folders):
 *   - crawler articles YYYYMMDD-PP-NN.txt of one date, page PP, article
 *     NN, in that order;
 *   - a file named by its date (2021-12-07.txt), a whole issue;
 *   - the page files of an issue folder, whose date comes from the
 *     folder's name (2021-12-07, 20211207, 2021年12月7日, or the last
 *     three folders 2021/12/07) and each page's number from its file
 *     name (03.txt, 第03版.txt) when the text does not name it.
 *
 * Files that cannot be read become diagnostics of the issue; an issue
 * fails only when none of its files could be read.
 *
 * The paper's title is never guessed from crawler files (they do not
 * name it); the library passes the name of a folder above that
 * obviously names a paper, which is the title when the text gives none.
 */
#include <config.h>

#include <sys/types.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conv.h"
#include "i18n.h"
#include "loader.h"
#include "text.h"
#include "util.h"


struct loader_dir_ctx {
	const struct loader_opts *opts;
	char			*first_cause;	/* first file that failed */
};

static char *
loader_dir_join(const char *dir, const char *name)
{
	size_t	n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* A translated reason for errno ERR. */
static char *
loader_dir_errno(int err)
{
	return loader_errno(err);
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

	if ((fd = loader_open(path, cause)) < 0)
		return -1;
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

/* Record the failure of one file; the first one is the issue's reason. */
static void
loader_dir_failed(struct loader_dir_ctx *cx, struct diag_list *dl,
    const char *path, const char *cause)
{
	diag_add(dl, DIAG_WARNING, path, 0, 0, "%s", cause);
	if (cx->first_cause == NULL)
		cx->first_cause = xstrdup(cause);
}

/* Read and convert one crawler file into CR; -1 when it failed. */
static int
loader_dir_crawler_read(struct loader_dir_ctx *cx, struct issue *is,
    const char *path, struct conv_result *cr)
{
	char	*data, *cause;
	size_t	 len;

	if (loader_dir_read_file(path, &data, &len, &cause) != 0) {
		loader_dir_failed(cx, &is->diags, path, cause);
		free(cause);
		return -1;
	}
	if (len == 0) {
		loader_dir_failed(cx, &is->diags, path, _("empty file"));
		free(data);
		return -1;
	}
	memset(cr, 0, sizeof *cr);
	if (conv_to_utf8(data, len, cx->opts != NULL ? cx->opts->encoding :
	    NULL, path, cr, &is->diags, &cause) != 0) {
		loader_dir_failed(cx, &is->diags, path, cause);
		free(cause);
		free(data);
		return -1;
	}
	free(data);
	loader_dir_encoding(is, cr, path);
	return 0;
}

/* Drop the last page of IS when it holds no article (only ads). */
static void
loader_dir_drop_empty(struct issue *is)
{
	if (is->npages > 0 && is->pages[is->npages - 1].narts == 0) {
		page_clear(&is->pages[is->npages - 1]);
		is->npages--;
	}
}

/* The crawler files of SPEC (one date, in page and article order). */
static void
loader_dir_crawler_issue(struct loader_dir_ctx *cx, struct issue *is,
    const struct loader_issue_spec *spec)
{
	struct page		*pg = NULL;
	struct conv_result	 cr;
	struct loader_name	 nm;
	char			*path;
	size_t			 i;

	for (i = 0; i < spec->nfiles; i++) {
		if (!loader_name_crawler(spec->files[i], &nm))
			continue;
		path = loader_dir_join(spec->dir, spec->files[i]);
		if (loader_dir_crawler_read(cx, is, path, &cr) != 0) {
			free(path);
			continue;
		}
		if (pg == NULL || pg->number != nm.page) {
			loader_dir_drop_empty(is);
			pg = issue_add_page(is);
			pg->number = nm.page;
		}
		loader_parse_crawler(pg, cr.text, cr.len, path);
		conv_result_clear(&cr);
		free(path);
	}
	loader_dir_drop_empty(is);
	if (is->year == 0 && spec->nfiles > 0 &&
	    loader_name_crawler(spec->files[0], &nm)) {
		is->year = nm.year;
		is->month = nm.month;
		is->day = nm.day;
	}
}

/* Load one page dump file PATH; NULL with *CAUSE on failure. */
static struct issue *
loader_dir_page_file(struct loader_dir_ctx *cx, const char *path,
    const char *name, char **cause)
{
	struct issue	*is;
	int		 fd, num;

	if ((fd = loader_open(path, cause)) < 0)
		return NULL;
	/* A large file is read and parsed chunk by chunk (loader-read.c). */
	is = loader_read_pages(fd, path, cx->opts, cause);
	close(fd);
	if (is == NULL)
		return NULL;
	if (!loader_name_lccn(name, NULL, &num))
		num = loader_name_page(name);
	if (num > 0 && is->npages == 1 && is->pages[0].number == 0)
		is->pages[0].number = num;
	return is;
}

/* Take the first file's encoding, or compare with it. */
static void
loader_dir_page_encoding(struct issue *is, struct issue *one,
    const char *path)
{
	struct conv_result	cr;

	if (is->encoding == NULL) {
		is->encoding = one->encoding;
		is->confidence = one->confidence;
		is->enc_reason = one->enc_reason;
		one->encoding = one->enc_reason = NULL;
		return;
	}
	memset(&cr, 0, sizeof cr);
	cr.encoding = one->encoding;
	cr.confidence = one->confidence;
	loader_dir_encoding(is, &cr, path);
}

/* The page files of SPEC, in the order given, into IS. */
static void
loader_dir_pages_issue(struct loader_dir_ctx *cx, struct issue *is,
    const struct loader_issue_spec *spec)
{
	struct issue	*one;
	char		*cause, *path;
	size_t		 i;
	bool		 any = false;

	for (i = 0; i < spec->nfiles; i++) {
		path = loader_dir_join(spec->dir, spec->files[i]);
		one = loader_dir_page_file(cx, path, spec->files[i], &cause);
		if (one == NULL) {
			loader_dir_failed(cx, &is->diags, path, cause);
			free(cause);
			free(path);
			continue;
		}
		loader_dir_page_encoding(is, one, path);
		loader_dir_merge(is, one);
		any = true;
		free(path);
	}
	if (any)
		loader_link_pages(is);
}

/* The date from the names wins over the text's; a difference is noted. */
static void
loader_dir_set_date(struct issue *is, const struct loader_issue_spec *spec)
{
	if (spec->year == 0)
		return;
	if (is->year != 0 && (is->year != spec->year ||
	    is->month != spec->month || is->day != spec->day))
		diag_add(&is->diags, DIAG_NOTE, spec->dir, 0, 0,
		    _("the folder is dated %04d-%02d-%02d, the text "
		    "%04d-%02d-%02d"), spec->year, spec->month, spec->day,
		    is->year, is->month, is->day);
	is->year = spec->year;
	is->month = spec->month;
	is->day = spec->day;
}

int
loader_load_issue(const struct loader_issue_spec *spec,
    const struct loader_opts *opts, struct issue **out, char **cause)
{
	struct loader_dir_ctx	 cx;
	struct issue		*is;

	memset(&cx, 0, sizeof cx);
	cx.opts = opts;
	*cause = NULL;
	is = issue_new();
	issue_take_source(is, xstrdup(spec->dir));
	if (spec->kind == LOADER_ISSUE_CRAWLER)
		loader_dir_crawler_issue(&cx, is, spec);
	else
		loader_dir_pages_issue(&cx, is, spec);
	if (spec->kind != LOADER_ISSUE_CRAWLER)
		loader_dir_set_date(is, spec);
	if (is->title == NULL && spec->paper != NULL)
		model_set_name(&is->title, spec->paper);
	*out = is;
	if (is->npages > 0) {
		free(cx.first_cause);
		return 0;
	}
	*cause = cx.first_cause != NULL ? cx.first_cause :
	    xstrdup(_("an advertisement, no article"));
	return -1;
}

/* The date of a page dump from its file's name or its folder's. */
static void
loader_dir_file_date(struct issue *is, const char *path)
{
	const char	*name = loader_name_base(path);
	char		*dir;
	int		 y, m, d;

	if (is->year != 0)
		return;
	if (!loader_name_date(name, strcspn(name, "."), &y, &m, &d)) {
		dir = xstrndup(path, name - path);
		if (dir[0] == '\0' || !loader_name_date_path(dir, &y, &m, &d)) {
			free(dir);
			return;
		}
		free(dir);
	}
	is->year = y;
	is->month = m;
	is->day = d;
}

/* A single crawler article file given by its path. */
static int
loader_dir_crawler_file(const char *path, const struct loader_opts *opts,
    struct issue **out, char **cause)
{
	struct loader_issue_spec spec;
	const char		*name = loader_name_base(path);
	char			*dir;
	int			 rv;

	memset(&spec, 0, sizeof spec);
	dir = xstrndup(path, name - path);
	spec.kind = LOADER_ISSUE_CRAWLER;
	spec.dir = dir[0] != '\0' ? dir : ".";
	spec.files = &name;
	spec.nfiles = 1;
	rv = loader_load_issue(&spec, opts, out, cause);
	free(dir);
	if (rv != 0) {
		issue_free(*out);
		*out = NULL;
	}
	return rv;
}

int
loader_load_file(const char *path, const struct loader_opts *opts,
    struct issue **out, char **cause)
{
	struct loader_dir_ctx	 cx;
	struct loader_name	 nm;
	struct stat		 st;
	char			*data;
	size_t			 n;

	*cause = NULL;
	*out = NULL;
	memset(&cx, 0, sizeof cx);
	cx.opts = opts;
	if (strcmp(path, "-") == 0) {
		if (loader_dir_read_fd(STDIN_FILENO, &data, &n, cause) != 0)
			return -1;
		*out = loader_parse_pages(data, n, "-", opts, cause);
		free(data);
		return *out != NULL ? 0 : -1;
	}
	if (stat(path, &st) != 0) {
		*cause = loader_dir_errno(errno);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = loader_dir_errno(EISDIR);
		return -1;
	}
	if (loader_file_kind(st.st_mode) != NULL) {
		*cause = xstrdup(loader_file_kind(st.st_mode));
		return -1;
	}
	if (loader_name_crawler(loader_name_base(path), &nm))
		return loader_dir_crawler_file(path, opts, out, cause);
	*out = loader_dir_page_file(&cx, path, loader_name_base(path), cause);
	if (*out == NULL)
		return -1;
	loader_dir_file_date(*out, path);
	return 0;
}
