/*
 * library-memo.c -- the catalogue cache (library-memo.h). The file:
 *
 *	dubao-catalogue 2
 *	/real/path/of/the/tree
 *	D MTIME_NS INODE RELATIVE/PATH		a folder ("." for the tree)
 *	f NAME					a text file in it
 *	d NAME					a subfolder
 *
 * Names that hold a newline are never written: their folder is simply
 * not remembered, and is read again next time.
 */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "library-memo.h"
#include "util.h"

#define LIBRARY_MEMO_MAGIC	"dubao-catalogue 2\n"
/* A memo larger than this is not read (a tree of a million files). */
#define LIBRARY_MEMO_MAX	((size_t)256 << 20)

struct library_memo_rec {
	const char	*rel;		/* into buf */
	long long	 mtime;
	unsigned long long ino;
	size_t		 first, n;	/* its items */
};

struct library_memo {
	char			*file;		/* the memo's path, or NULL */
	char			*real;		/* the tree's real path */
	size_t			 rootlen;	/* of the path as given */

	char			*buf;		/* the old memo, split in place */
	struct library_memo_rec	*recs;
	size_t			 nrecs, reccap;
	size_t			*index;		/* open-addressed: rec + 1 */
	size_t			 indexcap;
	struct library_memo_item *items;
	size_t			 nitems, itemcap;

	/*
	 * The new memo: folders in the order visited, as records of the
	 * old memo (unchanged) or as text already formatted (read now).
	 * Written only when something changed.
	 */
	struct library_memo_visit *visits;
	size_t			 nvisits, visitcap;
	struct buf		 fresh;		/* folders read now */
	bool			 changed;
};

struct library_memo_visit {
	size_t		 rec;		/* old record, or SIZE_MAX */
	size_t		 off, len;	/* else its text in fresh */
};

void
library_memo_list_add(struct library_memo_list *ls, int type,
    const char *name)
{
	ls->v = util_grow(ls->v, &ls->cap, ls->n + 1, sizeof *ls->v);
	ls->v[ls->n].type = type;
	ls->v[ls->n].name = xstrdup(name);
	ls->n++;
}

/* The length of the run of ASCII digits at S. */
static size_t
library_memo_digits(const char *s)
{
	size_t	n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/*
 * Names in the order people number things: runs of digits by their
 * value (2010年2月 before 2010年10月, 9 before 10), the rest byte by
 * byte; names equal so are then taken byte by byte.
 */
static int
library_memo_cmp_name(const char *a, const char *b)
{
	const char	*p = a, *q = b;
	size_t		 na, nb;
	int		 c;

	while (*p != '\0' && *q != '\0') {
		na = library_memo_digits(p);
		nb = library_memo_digits(q);
		if (na == 0 || nb == 0) {
			if (*p != *q)
				return (unsigned char)*p < (unsigned char)*q ?
				    -1 : 1;
			p++;
			q++;
			continue;
		}
		p += na;
		q += nb;
		for (; na > 1 && p[-(long)na] == '0'; na--)
			;
		for (; nb > 1 && q[-(long)nb] == '0'; nb--)
			;
		if (na != nb)
			return na < nb ? -1 : 1;
		if ((c = memcmp(p - na, q - nb, na)) != 0)
			return c;
	}
	if (*p != *q)
		return *p == '\0' ? -1 : 1;
	return strcmp(a, b);
}

static int
library_memo_cmp_item(const void *va, const void *vb)
{
	const struct library_memo_item *a = va, *b = vb;

	return library_memo_cmp_name(a->name, b->name);
}

void
library_memo_list_sort(struct library_memo_list *ls)
{
	if (ls->n > 1)
		qsort(ls->v, ls->n, sizeof *ls->v, library_memo_cmp_item);
}

void
library_memo_list_clear(struct library_memo_list *ls)
{
	size_t	i;

	if (!ls->borrowed)
		for (i = 0; i < ls->n; i++)
			free(ls->v[i].name);
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

static uint64_t
library_memo_hash(const char *s)
{
	uint64_t	h = 14695981039346656037ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* ------------------------------------------------------------------ */
/* Reading the old memo. */

static void
library_memo_index_add(struct library_memo *m, size_t r)
{
	size_t	k;

	k = library_memo_hash(m->recs[r].rel) & (m->indexcap - 1);
	while (m->index[k] != 0)
		k = (k + 1) & (m->indexcap - 1);
	m->index[k] = r + 1;
}

static void
library_memo_index(struct library_memo *m)
{
	size_t	r;

	m->indexcap = 16;
	while (m->indexcap < m->nrecs * 2)
		m->indexcap *= 2;
	m->index = xcalloc(m->indexcap, sizeof *m->index);
	for (r = 0; r < m->nrecs; r++)
		library_memo_index_add(m, r);
}

/* One "D MTIME INODE REL" line; false when it is malformed. */
static bool
library_memo_parse_dir(struct library_memo *m, char *line)
{
	struct library_memo_rec	*r;
	char			*p = line + 2, *end;

	m->recs = util_grow(m->recs, &m->reccap, m->nrecs + 1,
	    sizeof *m->recs);
	r = &m->recs[m->nrecs];
	errno = 0;
	r->mtime = strtoll(p, &end, 10);
	if (end == p || *end != ' ' || errno != 0)
		return false;
	p = end + 1;
	r->ino = strtoull(p, &end, 10);
	if (end == p || *end != ' ' || errno != 0)
		return false;
	r->rel = end + 1;
	r->first = m->nitems;
	r->n = 0;
	m->nrecs++;
	return true;
}

/* Split the old memo in BUF into records and items. */
static bool
library_memo_parse(struct library_memo *m, char *p, char *end)
{
	struct library_memo_item	*it;
	char				*e;
	size_t				 lines = 0, dirs = 0;

	/* Room for every line at once: no copying while the arrays grow. */
	for (e = p; (e = memchr(e, '\n', end - e)) != NULL; e++) {
		lines++;
		if (e + 1 < end && e[1] == 'D')
			dirs++;
	}
	m->items = util_grow(m->items, &m->itemcap, lines + 1,
	    sizeof *m->items);
	m->recs = util_grow(m->recs, &m->reccap, dirs + 2, sizeof *m->recs);
	for (; p < end; p = e + 1) {
		if ((e = memchr(p, '\n', end - p)) == NULL || e - p < 2 ||
		    p[1] != ' ')
			return false;
		*e = '\0';
		if (p[0] == 'D') {
			if (!library_memo_parse_dir(m, p))
				return false;
			continue;
		}
		if ((p[0] != 'f' && p[0] != 'd') || m->nrecs == 0)
			return false;
		m->items = util_grow(m->items, &m->itemcap, m->nitems + 1,
		    sizeof *m->items);
		it = &m->items[m->nitems++];
		it->type = p[0] == 'f' ? LIBRARY_MEMO_FILE : LIBRARY_MEMO_DIR;
		it->name = p + 2;
		m->recs[m->nrecs - 1].n++;
	}
	return true;
}

/* Read the whole memo file; NULL when missing or too large. */
static char *
library_memo_slurp(const char *file, size_t *len)
{
	struct stat	 st;
	char		*data;
	ssize_t		 r;
	size_t		 got = 0;
	int		 fd;

	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size > LIBRARY_MEMO_MAX) {
		close(fd);
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size &&
	    (r = read(fd, data + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)r;
	close(fd);
	data[got] = '\0';
	*len = got;
	return data;
}

static void
library_memo_load(struct library_memo *m)
{
	size_t	len, hl = strlen(LIBRARY_MEMO_MAGIC), rl = strlen(m->real);
	char	*p;

	if ((m->buf = library_memo_slurp(m->file, &len)) == NULL)
		return;
	p = m->buf;
	if (len < hl + rl + 1 || memcmp(p, LIBRARY_MEMO_MAGIC, hl) != 0 ||
	    memcmp(p + hl, m->real, rl) != 0 || p[hl + rl] != '\n' ||
	    !library_memo_parse(m, p + hl + rl + 1, p + len)) {
		/* Foreign or damaged: start afresh. */
		m->nrecs = m->nitems = 0;
		return;
	}
	library_memo_index(m);
}

/* ------------------------------------------------------------------ */

struct library_memo *
library_memo_open(const char *dir, const char *root)
{
	struct library_memo	*m;
	char			*real;

	m = xcalloc(1, sizeof *m);
	m->rootlen = strlen(root);
	buf_init(&m->fresh);
	if (dir == NULL || (real = realpath(root, NULL)) == NULL ||
	    strchr(real, '\n') != NULL)
		return m;
	m->real = real;
	m->file = xasprintf("%s/catalogue-%016llx", dir,
	    (unsigned long long)library_memo_hash(real));
	library_memo_load(m);
	return m;
}

/* PATH relative to the tree: "." for the tree itself. */
static const char *
library_memo_rel(const struct library_memo *m, const char *path)
{
	const char	*rel = path + m->rootlen;

	while (*rel == '/')
		rel++;
	return *rel == '\0' ? "." : rel;
}

static long long
library_memo_mtime(const struct stat *st)
{
	return (long long)st->st_mtim.tv_sec * 1000000000LL +
	    st->st_mtim.tv_nsec;
}

/* Format a folder's listing as memo lines into B. */
static bool
library_memo_format(struct buf *b, const char *rel, long long mtime,
    unsigned long long ino, const struct library_memo_item *v, size_t n)
{
	size_t	i;

	if (strchr(rel, '\n') != NULL)
		return false;
	for (i = 0; i < n; i++)
		if (strchr(v[i].name, '\n') != NULL)
			return false;
	buf_printf(b, "D %lld %llu %s\n", mtime, ino, rel);
	for (i = 0; i < n; i++) {
		buf_adds(b, v[i].type == LIBRARY_MEMO_FILE ? "f " : "d ");
		buf_adds(b, v[i].name);
		buf_addc(b, '\n');
	}
	return true;
}

static void
library_memo_visit(struct library_memo *m, size_t rec, size_t off,
    size_t len)
{
	m->visits = util_grow(m->visits, &m->visitcap, m->nvisits + 1,
	    sizeof *m->visits);
	m->visits[m->nvisits].rec = rec;
	m->visits[m->nvisits].off = off;
	m->visits[m->nvisits].len = len;
	m->nvisits++;
}

bool
library_memo_get(struct library_memo *m, const char *path,
    const struct stat *st, struct library_memo_list *ls)
{
	const struct library_memo_rec	*r;
	const char			*rel = library_memo_rel(m, path);
	size_t				 k;

	if (m->indexcap == 0)
		return false;
	k = library_memo_hash(rel) & (m->indexcap - 1);
	for (; m->index[k] != 0; k = (k + 1) & (m->indexcap - 1)) {
		r = &m->recs[m->index[k] - 1];
		if (strcmp(r->rel, rel) != 0)
			continue;
		if (r->mtime != library_memo_mtime(st) ||
		    r->ino != (unsigned long long)st->st_ino)
			return false;
		ls->v = xcalloc(r->n + 1, sizeof *ls->v);
		memcpy(ls->v, m->items + r->first, r->n * sizeof *ls->v);
		ls->n = ls->cap = r->n;
		ls->borrowed = true;
		library_memo_visit(m, (size_t)(r - m->recs), 0, 0);
		return true;
	}
	return false;
}

void
library_memo_put(struct library_memo *m, const char *path,
    const struct stat *st, const struct library_memo_list *ls)
{
	size_t	off = m->fresh.len;

	m->changed = true;
	if (m->file == NULL || !library_memo_format(&m->fresh,
	    library_memo_rel(m, path), library_memo_mtime(st),
	    (unsigned long long)st->st_ino, ls->v, ls->n)) {
		m->fresh.len = off;
		return;
	}
	library_memo_visit(m, SIZE_MAX, off, m->fresh.len - off);
}

/* mkdir -p DIR (mode 0700 for the folders made). */
static int
library_memo_mkdirs(const char *dir)
{
	char	*p = xstrdup(dir), *s;
	int	 rv = 0;

	for (s = p + 1; rv == 0 && *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rv = -1;
		*s = '/';
	}
	if (rv == 0 && mkdir(p, 0700) != 0 && errno != EEXIST)
		rv = -1;
	free(p);
	return rv;
}

/* The whole new memo, in the order the folders were visited. */
static void
library_memo_text(struct library_memo *m, struct buf *out)
{
	const struct library_memo_visit	*v;
	const struct library_memo_rec	*r;
	size_t				 i;

	buf_adds(out, LIBRARY_MEMO_MAGIC);
	buf_printf(out, "%s\n", m->real);
	for (i = 0; i < m->nvisits; i++) {
		v = &m->visits[i];
		if (v->rec == SIZE_MAX) {
			buf_add(out, m->fresh.data + v->off, v->len);
			continue;
		}
		r = &m->recs[v->rec];
		library_memo_format(out, r->rel, r->mtime, r->ino,
		    m->items + r->first, r->n);
	}
}

/* Write the new memo to a temporary file and rename it into place. */
static void
library_memo_write(struct library_memo *m)
{
	struct buf	 out;
	char		*tmp, *dir;
	int		 fd;
	bool		 ok;

	dir = xstrndup(m->file, strrchr(m->file, '/') - m->file);
	if (library_memo_mkdirs(dir) != 0) {
		free(dir);
		return;
	}
	free(dir);
	buf_init(&out);
	library_memo_text(m, &out);
	tmp = xasprintf("%s.%ld.tmp", m->file, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0) {
		ok = write(fd, out.data, out.len) == (ssize_t)out.len;
		ok = close(fd) == 0 && ok;
		if (!ok || rename(tmp, m->file) != 0)
			unlink(tmp);
	}
	buf_clear(&out);
	free(tmp);
}

void
library_memo_close(struct library_memo *m, bool complete)
{
	if (m == NULL)
		return;
	if (m->file != NULL && complete && (m->changed ||
	    m->nvisits != m->nrecs))
		library_memo_write(m);
	buf_clear(&m->fresh);
	free(m->visits);
	free(m->file);
	free(m->real);
	free(m->buf);
	free(m->recs);
	free(m->index);
	free(m->items);
	free(m);
}
