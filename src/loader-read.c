/*
 * loader-read.c -- reading a page dump file: whole, or chunk by chunk.
 *
 * A small file is read whole and parsed (loader_parse_pages()). A large
 * one (LOADER_STREAM_MIN bytes or more, a regular file) is read in chunks
 * of about LOADER_CHUNK bytes cut at form feeds, each parsed before the
 * next is read, so that the file's bytes are never in memory whole next
 * to the tree made of them: the peak is the tree and one chunk, and the
 * reading buffer is touched once, not once a megabyte. conv_stream_*()
 * decides whether a file may be read so (valid UTF-8 without a BOM or a
 * NUL byte, which nearly every large page dump is) with exactly the
 * answer detection would give for the whole file; when it may not, or a
 * later chunk shows that it may not after all, the file is read again
 * from its start, whole.
 *
 * Only regular files are read (loader_open()): a FIFO would block, a
 * device could be endless or have side effects, a socket cannot be
 * opened at all. Standard input ("-") is read whatever it is.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conv.h"
#include "i18n.h"
#include "loader.h"
#include "util.h"

/* Files this large are read chunk by chunk. */
#define LOADER_STREAM_MIN	((size_t)4 << 20)
/* The size of one read, and of a chunk (more when a page is larger). */
#define LOADER_CHUNK		((size_t)1 << 20)
/* Larger files are refused: no newspaper issue is this big. */
#define LOADER_MAX_FILE		((size_t)1 << 30)

const char *
loader_file_kind(mode_t mode)
{
	if (S_ISFIFO(mode))
		return _("is a named pipe (FIFO), not read");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return _("is a device, not read");
	if (S_ISSOCK(mode))
		return _("is a socket, not read");
	return NULL;
}

char *
loader_errno(int err)
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
	case ENAMETOOLONG:
		return xstrdup(_("the path is too long"));
	default:
		return xstrdup(strerror(err));
	}
}

int
loader_open(const char *path, char **cause)
{
	struct stat	 st;
	const char	*why;
	int		 fd, fl;

	/* Neither a FIFO nor a device is opened: no wait, no side effect. */
	if (stat(path, &st) == 0 && (why = loader_file_kind(st.st_mode)) !=
	    NULL) {
		*cause = xstrdup(why);
		return -1;
	}
	/* Without blocking, in case it became one in between. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		*cause = loader_errno(errno);
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		why = loader_file_kind(st.st_mode);
		*cause = why != NULL ? xstrdup(why) : loader_errno(S_ISDIR(
		    st.st_mode) ? EISDIR : errno);
		close(fd);
		return -1;
	}
	if ((fl = fcntl(fd, F_GETFL)) != -1)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

int
loader_read_all(int fd, char **data, size_t *n, char **cause)
{
	struct stat	 st;
	size_t		 cap = 65536, len = 0;
	ssize_t		 r;
	char		*p;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((unsigned long long)st.st_size >= LOADER_MAX_FILE) {
			*cause = xstrdup(_("file too large"));
			return -1;
		}
		/* Room to see the end without growing the buffer. */
		cap = (size_t)st.st_size + 4096;
	}
	p = xmalloc(cap);
	for (;;) {
		if (len + 1 >= cap) {
			if (cap >= LOADER_MAX_FILE) {
				free(p);
				*cause = xstrdup(_("file too large"));
				return -1;
			}
			cap *= 2;
			p = xrealloc(p, cap);
		}
		r = read(fd, p + len, cap - len - 1);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*cause = xstrdup(strerror(errno));
			free(p);
			return -1;
		}
		len += (size_t)r;
	}
	p[len] = '\0';
	*data = p;
	*n = len;
	return 0;
}

/* The file read whole, then parsed. */
static struct issue *
loader_read_whole(int fd, const char *name, const struct loader_opts *opts,
    char **cause)
{
	struct issue	*is;
	char		*data;
	size_t		 len;

	if (loader_read_all(fd, &data, &len, cause) != 0)
		return NULL;
	is = loader_parse_pages(data, len, name, opts, cause);
	free(data);
	return is;
}

struct loader_stream {
	int		 fd;
	char		*buf;
	size_t		 len, cap;
	size_t		 total;		/* bytes read so far */
	bool		 eof;
};

/* Read on until the buffer holds at least WANT bytes or the file ends. */
static int
loader_stream_fill(struct loader_stream *ls, size_t want, char **cause)
{
	ssize_t	r;

	while (!ls->eof && ls->len < want) {
		if (ls->cap - ls->len < LOADER_CHUNK + 1)
			ls->buf = util_grow(ls->buf, &ls->cap,
			    ls->len + LOADER_CHUNK + 1, 1);
		r = read(ls->fd, ls->buf + ls->len, LOADER_CHUNK);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*cause = xstrdup(strerror(errno));
			return -1;
		}
		if (r == 0)
			ls->eof = true;
		ls->len += (size_t)r;
		ls->total += (size_t)r;
		if (ls->total >= LOADER_MAX_FILE) {
			*cause = xstrdup(_("file too large"));
			return -1;
		}
	}
	return 0;
}

/*
 * Parse the file of LS chunk by chunk into IS. Returns 1 when it was read
 * so to its end, 0 when it must be read whole instead, -1 with *CAUSE on
 * a read error.
 */
static int
loader_stream_parse(struct loader_stream *ls, struct issue *is,
    struct conv_stream *cs, const char *name, char **cause)
{
	size_t		 line = 1, cut;
	const char	*ff;

	if (loader_stream_fill(ls, CONV_STREAM_START, cause) != 0)
		return -1;
	if (!conv_stream_start(cs, ls->buf, ls->len))
		return 0;
	for (;;) {
		if (loader_stream_fill(ls, LOADER_CHUNK, cause) != 0)
			return -1;
		/* Whole pages: up to the last form feed, or all at the end. */
		ff = ls->eof ? NULL : memrchr(ls->buf, '\f', ls->len);
		if (ff == NULL && !ls->eof) {
			/* One page longer than a chunk: read on. */
			if (loader_stream_fill(ls, ls->len + LOADER_CHUNK,
			    cause) != 0)
				return -1;
			continue;
		}
		cut = ff != NULL ? (size_t)(ff - ls->buf) : ls->len;
		if (!conv_stream_feed(cs, ls->buf, cut))
			return 0;
		loader_parse_part(is, ls->buf, cut, name, &line);
		if (ff == NULL)
			return 1;
		ls->len -= cut + 1;
		memmove(ls->buf, ff + 1, ls->len);
	}
}

struct issue *
loader_read_pages(int fd, const char *name, const struct loader_opts *opts,
    char **cause)
{
	struct loader_stream	 ls;
	struct conv_stream	 cs;
	struct conv_result	 cr;
	struct issue		*is;
	struct stat		 st;
	int			 rv;

	if ((opts != NULL && opts->encoding != NULL) || fstat(fd, &st) != 0 ||
	    !S_ISREG(st.st_mode) || (size_t)st.st_size < LOADER_STREAM_MIN ||
	    lseek(fd, 0, SEEK_CUR) != 0)
		return loader_read_whole(fd, name, opts, cause);
	memset(&ls, 0, sizeof ls);
	ls.fd = fd;
	is = issue_new();
	rv = loader_stream_parse(&ls, is, &cs, name, cause);
	free(ls.buf);
	if (rv != 1) {
		issue_free(is);
		if (rv < 0)
			return NULL;
		/* Not for reading in chunks after all: from the start. */
		if (lseek(fd, 0, SEEK_SET) != 0) {
			*cause = xstrdup(strerror(errno));
			return NULL;
		}
		return loader_read_whole(fd, name, opts, cause);
	}
	conv_stream_finish(&cs, &cr);
	is->encoding = cr.encoding;
	is->confidence = cr.confidence;
	is->enc_reason = cr.reason;
	issue_take_source(is, xstrdup(name != NULL ? name : "-"));
	loader_link_pages(is);
	if (is->npages == 0) {
		issue_free(is);
		*cause = xstrdup(_("no text in this file"));
		return NULL;
	}
	return is;
}
