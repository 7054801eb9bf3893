/*
 * layout-bench.c -- layout speed. Built and run by bench/layout.sh
 * against a build tree's src/libdubao.a.
 *
 *   layout-bench line FILE	FILE as one single paragraph (newlines
 *				removed): time to sanitise it and to lay it
 *				out at 80 columns, best of 3.
 *   layout-bench issue FILE N	the non-empty lines of FILE dealt out as
 *				paragraphs of N articles: time to lay out
 *				all of them again at each width 60..139 (a
 *				resize), best and median in ms.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <time.h>

#include "layout.h"
#include "model.h"
#include "text.h"
#include "util.h"

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*d;
	long	 n;

	if (fp == NULL) {
		perror(path);
		exit(1);
	}
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	d = xmalloc(n + 1);
	if (fread(d, 1, n, fp) != (size_t)n)
		exit(1);
	d[n] = '\0';
	fclose(fp);
	*len = n;
	return d;
}

static int
cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	struct layout_opts	 lo = { 80, 0 };
	struct layout		*lay;
	struct article		*arts;
	size_t			 len, i, j, k, nl, na;
	char			*d, *s, *clean, *line;
	double			 t0, best1 = 1e9, best2 = 1e9, t[80];
	int			 r, w;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc == 3 && strcmp(argv[1], "line") == 0) {
		d = slurp(argv[2], &len);
		for (i = j = 0; i < len; i++)
			if (d[i] != '\n' && d[i] != '\r')
				d[j++] = d[i];
		len = j;
		for (r = 0; r < 3; r++) {
			struct article art;

			t0 = now();
			clean = text_sanitize(d, len, &len, NULL);
			if (now() - t0 < best1)
				best1 = now() - t0;
			memset(&art, 0, sizeof art);
			article_take_para(&art, clean);
			t0 = now();
			lay = layout_new(&art, &lo);
			if (now() - t0 < best2)
				best2 = now() - t0;
			nl = lay->nlines;
			layout_free(lay);
			article_clear(&art);
		}
		printf("%.1f MB in one line: sanitise %.3f s, layout %.3f s "
		    "(%zu lines at 80 columns)\n", len / 1e6, best1, best2, nl);
		free(d);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "issue") == 0) {
		d = slurp(argv[2], &len);
		na = strtoul(argv[3], NULL, 10);
		arts = xcalloc(na, sizeof *arts);
		k = 0;
		for (s = d; (line = strsep(&s, "\n")) != NULL; ) {
			line[strcspn(line, "\r")] = '\0';
			if (*line == '\0')
				continue;
			clean = text_sanitize(line, strlen(line), NULL, NULL);
			if (arts[k % na].headline == NULL)
				arts[k % na].headline = clean;
			else
				article_take_para(&arts[k % na], clean);
			k++;
		}
		for (w = 60; w < 140; w++) {
			lo.width = w;
			t0 = now();
			for (i = 0; i < na; i++)
				layout_free(layout_new(&arts[i], &lo));
			t[w - 60] = (now() - t0) * 1000;
		}
		qsort(t, 80, sizeof t[0], cmp);
		printf("%zu bytes in %zu articles: re-layout best %.2f ms, "
		    "median %.2f ms, worst %.2f ms\n", len, na, t[0], t[40],
		    t[79]);
		for (i = 0; i < na; i++)
			article_clear(&arts[i]);
		free(arts);
		free(d);
		return 0;
	}
	fprintf(stderr, "usage: layout-bench line FILE | issue FILE N\n");
	return 1;
}
