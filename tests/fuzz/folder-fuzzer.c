/*
 * folder-fuzzer.c -- the folder loader and the library's scan on trees of
 * odd names. The input is a little program that builds a tree in a
 * scratch folder; the tree is then opened as a user's archive would be,
 * every issue found is parsed, and --dump=outline and --check are
 * written. Checks that every string of the trees is clean and that
 * nothing printed carries a byte a terminal would obey (fuzz.h), however
 * the names were spelt.
 *
 * The program is a list of records separated by NUL bytes. The first
 * byte of a record, less one (a record holds no NUL), says what to make
 * and where:
 *
 *	bits 0-1	0 a folder, 1 an empty file, 2 a file, 3 a symbolic
 *			link to a folder made before (a loop when it is an
 *			ancestor)
 *	bits 2-7	which folder made before is the parent (modulo their
 *			number; the scratch folder is folder 0)
 *
 * The rest of the record is the name, any bytes but '/' (which becomes
 * '_'); a file's text follows the name after a 0x01 byte. Names are cut
 * to NAME_MAX; "", "." and ".." become "x". Up to FOLDER_MAX_NODES
 * records are made, so that one input costs milliseconds.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dump.h"
#include "fuzz.h"
#include "library.h"
#include "util.h"

#define FOLDER_MAX_NODES	48
#define FOLDER_MAX_DEPTH	16

static char	*folder_root;		/* the scratch folder */

struct folder_tree {
	char	*dirs[FOLDER_MAX_NODES + 1];	/* folders made; [0] the root */
	int	 depth[FOLDER_MAX_NODES + 1];
	size_t	 ndirs;
};

static void	folder_clear(void);

/* At exit: the scratch folder and what is left in it. */
static void
folder_remove(void)
{
	folder_clear();
	rmdir(folder_root);
	free(folder_root);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	folder_root = xasprintf("%s/dubao-folder-fuzz.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(folder_root) == NULL)
		abort();
	atexit(folder_remove);
	return 0;
}

static int
folder_unlink(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	if (ftw->level > 0)
		remove(path);
	return 0;
}

/* Empty the scratch folder (links are removed, never followed). */
static void
folder_clear(void)
{
	nftw(folder_root, folder_unlink, 16, FTW_DEPTH | FTW_PHYS);
}

/* The name of a record: '/' made '_', cut to NAME_MAX, never . or .. */
static char *
folder_name(const char *s, size_t n)
{
	char	*name;
	size_t	 i;

	if (n > NAME_MAX)
		n = NAME_MAX;
	if (n == 0 || (n == 1 && s[0] == '.') ||
	    (n == 2 && s[0] == '.' && s[1] == '.'))
		return xstrdup("x");
	name = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		name[i] = s[i] == '/' ? '_' : s[i];
	name[n] = '\0';
	return name;
}

/* Write TEXT[0..N) into the new file PATH (errors are not the point). */
static void
folder_write(const char *path, const char *text, size_t n)
{
	int	fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644)) == -1)
		return;
	if (n > 0 && write(fd, text, n) < 0)
		(void)0;
	close(fd);
}

/* Make one record REC[0..N) in T. */
static void
folder_make(struct folder_tree *t, const char *rec, size_t n)
{
	unsigned char	 op = (unsigned char)(rec[0] - 1);
	size_t		 parent = (size_t)(op >> 2) % t->ndirs, nlen;
	const char	*body = rec + 1, *text;
	char		*name, *path;

	text = memchr(body, 0x01, n - 1);
	nlen = text != NULL ? (size_t)(text - body) : n - 1;
	name = folder_name(body, nlen);
	path = xasprintf("%s/%s", t->dirs[parent], name);
	free(name);
	switch (op & 3) {
	case 0:
		if (t->depth[parent] < FOLDER_MAX_DEPTH &&
		    mkdir(path, 0755) == 0) {
			t->depth[t->ndirs] = t->depth[parent] + 1;
			t->dirs[t->ndirs++] = path;
			return;
		}
		break;
	case 1:
		folder_write(path, NULL, 0);
		break;
	case 2:
		if (text != NULL)
			folder_write(path, text + 1, n - 1 - nlen - 1);
		break;
	default:
		if (symlink(t->dirs[(op * 7u + nlen) % t->ndirs], path) != 0)
			(void)0;
		break;
	}
	free(path);
}

/* Build the tree DATA describes under the scratch folder. */
static void
folder_build(struct folder_tree *t, const char *data, size_t size)
{
	const char	*p = data, *end = data + size, *nul;
	size_t		 made = 0;

	t->dirs[0] = folder_root;
	t->depth[0] = 0;
	t->ndirs = 1;
	while (p < end && made < FOLDER_MAX_NODES) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL)
			nul = end;
		if (nul > p) {
			folder_make(t, p, (size_t)(nul - p));
			made++;
		}
		p = nul + 1;
	}
}

/* Write --dump=outline and --check of LIB into memory and check them. */
static void
folder_dump(struct library *lib)
{
	FILE	*fp, *diag;
	char	*out = NULL, *err = NULL;
	size_t	 len = 0, elen = 0;

	if ((fp = open_memstream(&out, &len)) == NULL ||
	    (diag = open_memstream(&err, &elen)) == NULL)
		abort();
	dump_outline(fp, diag, lib);
	dump_check(fp, lib, NULL);
	fclose(fp);
	fclose(diag);
	fuzz_check_output("outline and --check", out, len);
	fuzz_check_output("messages", err, elen);
	free(out);
	free(err);
}

/* Open the scratch folder as an archive and read every issue in it. */
static void
folder_open(void)
{
	struct library		*lib;
	const struct library_issue *e;
	const struct diag	*d;
	char			*cause = NULL;
	size_t			 i;

	lib = library_new(NULL);
	library_set_cache_dir(lib, NULL);
	if (library_add_path(lib, folder_root, NULL, NULL, &cause) != 0) {
		if (cause == NULL)
			abort();	/* a failure must say why */
		fuzz_check_clean("cause", cause, strlen(cause));
		free(cause);
	}
	for (i = 0; i < lib->diags.n; i++) {
		d = &lib->diags.v[i];
		if (d->file != NULL)
			fuzz_check_clean("scan diagnostic", d->file,
			    strlen(d->file));
		fuzz_check_clean("scan diagnostic", d->message,
		    strlen(d->message));
	}
	for (i = 0; i < library_count(lib); i++) {
		e = library_entry(lib, i);
		if (e->paper != NULL)
			fuzz_check_clean("paper", e->paper, strlen(e->paper));
		fuzz_check_issue(library_get(lib, i));
	}
	folder_dump(lib);
	library_free(lib);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct folder_tree	t;
	size_t			i;

	folder_clear();
	folder_build(&t, (const char *)data, size);
	folder_open();
	for (i = 1; i < t.ndirs; i++)
		free(t.dirs[i]);
	folder_clear();
	return 0;
}
