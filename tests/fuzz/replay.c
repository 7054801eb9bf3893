/*
 * replay.c -- the main() of a fuzz target when it is built without
 * libFuzzer: make check runs it, and it feeds every file of the target's
 * corpus (tests/fuzz/NAME.in/, where NAME is the program's name) to
 * LLVMFuzzerTestOneInput() once. With arguments, it replays those files
 * or folders instead (a crash file from a fuzzing run, say). A broken
 * invariant aborts, which fails the test.
 *
 * Exit status: 0 every input was replayed, 99 the corpus is missing or a
 * file cannot be read.
 */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util.h"

/* Read PATH whole into *DATA (caller frees); -1 on error. */
static int
replay_read(const char *path, char **data, size_t *len)
{
	struct buf	 b;
	FILE		*fp;
	char		 chunk[65536];
	size_t		 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(fp)) {
		fclose(fp);
		buf_clear(&b);
		return -1;
	}
	fclose(fp);
	*len = b.len;
	*data = buf_take(&b);
	return 0;
}

static int
replay_file(const char *path)
{
	char	*data;
	size_t	 len;

	if (replay_read(path, &data, &len) != 0) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		return -1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return 0;
}

static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay every regular file of DIR, in name order; count them in *N. */
static int
replay_dir(const char *dir, size_t *n)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL;
	size_t		 nn = 0, cap = 0, i;
	int		 rc = 0;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "replay: %s: cannot open\n", dir);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = util_grow(names, &cap, nn + 1, sizeof *names);
		names[nn++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof *names, replay_cmp);
	for (i = 0; i < nn; i++) {
		if (rc == 0 && replay_file(names[i]) != 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	*n += nn;
	return rc;
}

static int
replay_path(const char *path, size_t *n)
{
	struct stat	st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return replay_dir(path, n);
	(*n)++;
	return replay_file(path);
}

int
main(int argc, char **argv)
{
	const char	*base, *src;
	char		*dir;
	size_t		 n = 0, len;
	int		 i, rc = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	if (argc > 1) {
		for (i = 1; i < argc && rc == 0; i++)
			rc = replay_path(argv[i], &n);
		fprintf(stderr, "replay: %zu inputs\n", n);
		return rc == 0 ? 0 : 99;
	}
	/* tests/fuzz/NAME, or .libs/lt-NAME under libtool. */
	base = strrchr(argv[0], '/');
	base = base != NULL ? base + 1 : argv[0];
	if (strncmp(base, "lt-", 3) == 0)
		base += 3;
	len = strcspn(base, ".");
	src = getenv("top_srcdir");
	if (src == NULL || *src == '\0')
		src = ABS_SRCDIR;
	dir = xasprintf("%s/tests/fuzz/%.*s.in", src, (int)len, base);
	rc = replay_dir(dir, &n);
	fprintf(stderr, "replay: %s: %zu inputs\n", dir, n);
	free(dir);
	return rc == 0 && n > 0 ? 0 : 99;
}
