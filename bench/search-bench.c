/*
 * search-bench.c -- speed of the search fold and of a search in the
 * reader (bench/search.sh builds and runs it).
 *
 *	search-bench fold FILE
 *		fold every line of FILE, with and without the offset map,
 *		with and without Traditional/Simplified folding: MB/s
 *	search-bench issue FILE QUERY...
 *		parse FILE (a page dump) as one issue and time search_run(),
 *		in ms and ms per 100 KB of the issue's text: the first search
 *		of a session (OpenCC asked about each new character, the
 *		issue folded, then scanned), the first search of an issue
 *		(folded and scanned) and the following ones (scanned only)
 *
 * Each figure is the best of BENCH_REPEAT runs.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fold.h"
#include "loader.h"
#include "model.h"
#include "search.h"

#define BENCH_REPEAT	5

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
bench_min(double a, double b)
{
	return a < b ? a : b;
}

static char *
bench_read(const char *path, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*d;
	long	 n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0) {
		perror(path);
		exit(1);
	}
	rewind(fp);
	d = malloc((size_t)n + 1);
	if (d == NULL || fread(d, 1, (size_t)n, fp) != (size_t)n) {
		perror(path);
		exit(1);
	}
	d[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return d;
}

/* Best seconds to fold every line of D[0..N). */
static double
bench_fold_once(struct fold *f, const char *d, size_t n, bool map)
{
	struct fold_buf	 b;
	const char	*p = d, *e;
	double		 t0, best = 1e9;
	int		 r;

	for (r = 0; r < BENCH_REPEAT; r++) {
		fold_buf_init(&b);
		t0 = bench_now();
		for (p = d; p < d + n; p = e + 1) {
			e = memchr(p, '\n', (size_t)(d + n - p));
			if (e == NULL)
				e = d + n;
			fold_add(f, &b, p, (size_t)(e - p), map);
			fold_add_sep(&b, map);
		}
		if (bench_now() - t0 < best)
			best = bench_now() - t0;
		fold_buf_clear(&b);
	}
	return best;
}

static void
bench_fold(const char *path)
{
	size_t		 n;
	char		*d = bench_read(path, &n);
	struct fold	*f;
	int		 v, m;
	double		 t;

	for (v = 1; v >= 0; v--) {
		f = fold_new(v);
		for (m = 1; m >= 0; m--) {
			t = bench_fold_once(f, d, n, m);
			printf("fold %-9s %-10s %7.1f MB/s  (%.1f MB in %.1f ms)\n",
			    v ? "variants" : "plain", m ? "with map" : "no map",
			    (double)n / 1e6 / t, (double)n / 1e6, t * 1e3);
		}
		fold_free(f);
	}
	free(d);
}

/* Bytes of text in IS (every field that search folds). */
static size_t
bench_issue_bytes(const struct issue *is)
{
	size_t	p, k, i, n = 0;

	for (p = 0; p < is->npages; p++)
		for (k = 0; k < is->pages[p].narts; k++) {
			const struct article *a = &is->pages[p].arts[k];

			n += a->headline != NULL ? strlen(a->headline) : 0;
			for (i = 0; i < a->npara; i++)
				n += strlen(a->paras[i]);
			for (i = 0; i < a->ncap; i++)
				n += strlen(a->caps[i].text);
		}
	return n;
}

static void
bench_issue(const char *path, char **queries, int nq)
{
	struct loader_opts	 lo;
	struct issue		*is;
	struct search		 s;
	size_t			 n, bytes, hits = 0;
	char			*d = bench_read(path, &n), *cause = NULL;
	double			 t0, cold, first, again;
	int			 q, r;

	memset(&lo, 0, sizeof lo);
	is = loader_parse_pages(d, n, path, &lo, &cause);
	if (is == NULL) {
		fprintf(stderr, "%s: %s\n", path, cause);
		exit(1);
	}
	bytes = bench_issue_bytes(is);
	printf("issue: %zu pages, %zu articles, %.1f KB of text\n",
	    is->npages, issue_narticles(is), (double)bytes / 1e3);
	for (q = 0; q < nq; q++) {
		cold = first = again = 1e9;
		for (r = 0; r < BENCH_REPEAT; r++) {
			search_init(&s);
			t0 = bench_now();
			hits = search_run(&s, is, queries[q]);
			cold = bench_min(cold, bench_now() - t0);
			search_forget(&s, is);
			t0 = bench_now();
			search_run(&s, is, queries[q]);
			first = bench_min(first, bench_now() - t0);
			t0 = bench_now();
			search_run(&s, is, queries[q]);
			again = bench_min(again, bench_now() - t0);
			search_clear(&s);
		}
		printf("/%s: %zu hits\n", queries[q], hits);
		printf("  first of the session %8.3f ms %8.3f ms/100 KB\n",
		    cold * 1e3, cold * 1e3 * 1e5 / (double)bytes);
		printf("  first in the issue   %8.3f ms %8.3f ms/100 KB\n",
		    first * 1e3, first * 1e3 * 1e5 / (double)bytes);
		printf("  again                %8.3f ms %8.3f ms/100 KB\n",
		    again * 1e3, again * 1e3 * 1e5 / (double)bytes);
	}
	issue_free(is);
	free(d);
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (argc == 3 && strcmp(argv[1], "fold") == 0)
		bench_fold(argv[2]);
	else if (argc >= 4 && strcmp(argv[1], "issue") == 0)
		bench_issue(argv[2], argv + 3, argc - 3);
	else {
		fprintf(stderr, "usage: search-bench fold FILE | "
		    "issue FILE QUERY...\n");
		return 2;
	}
	return 0;
}
