/*
 * loader-features.c -- print every question the loader's assembly asks
 * of its models, with the features it answers from: one line per
 * question, "MODEL<TAB>FILE<TAB>LINE<TAB>OTHER<TAB>SCORE<TAB>X1,X2,...",
 * after a line "#MODEL<TAB>NAME1,NAME2,..." for each model, and one line
 * "unit<TAB>FILE<TAB>LINE<TAB>0<TAB>0<TAB>KIND" per unit.
 * tools/fit-loader.py reads this to fit src/loader-weights.c.
 *
 * With --truth (a .truth.tsv of tools/recompose.py) and --oracle=MODELS
 * (start, join, title, split, comma-separated), the truth answers those
 * models' questions instead, and --json prints the tree that results (as
 * dubao --dump=json) instead of the questions: what the loader would
 * give if those models made no mistake.
 *
 * Usage: loader-features [--truth=FILE --oracle=MODELS] [--json] PATH...
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "library.h"
#include "loader-int.h"

/* One line of the truth: where it is and what it is. */
struct truth_row {
	char	*file;		/* base name of the page file */
	size_t	 line;
	int	 art, para;	/* -1: page furniture, title line */
	int	 role_title;	/* role "title" */
	size_t	 prev;		/* the line before that is not blank */
};

static struct truth_row	*truth;
static size_t		 ntruth, truthcap;
static const char	*oracle = "";
static int		 json;

static const char *
base_name(const char *path)
{
	const char	*s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

static void
truth_read(const char *path)
{
	FILE	*fp = fopen(path, "r");
	char	 buf[4096], name[1024], role[64];
	size_t	 line, prev = 0;
	int	 page, art, para;
	char	 last[1024] = "";

	if (fp == NULL) {
		perror(path);
		exit(2);
	}
	while (fgets(buf, sizeof buf, fp) != NULL) {
		if (sscanf(buf, "%1023s %zu %d %d %d %63s", name, &line,
		    &page, &art, &para, role) != 6)
			continue;
		if (strcmp(last, base_name(name)) != 0)
			prev = 0;
		snprintf(last, sizeof last, "%s", base_name(name));
		truth = util_grow(truth, &truthcap, ntruth + 1, sizeof *truth);
		truth[ntruth].file = xstrdup(base_name(name));
		truth[ntruth].line = line;
		truth[ntruth].art = art;
		truth[ntruth].para = para;
		truth[ntruth].role_title = strcmp(role, "title") == 0;
		truth[ntruth].prev = prev;
		ntruth++;
		if (strcmp(role, "blank") != 0)
			prev = line;
	}
	fclose(fp);
}

static const struct truth_row *
truth_find(const char *file, size_t line)
{
	size_t	i;

	for (i = 0; i < ntruth; i++)
		if (truth[i].line == line &&
		    strcmp(truth[i].file, base_name(file)) == 0)
			return &truth[i];
	return NULL;
}

/* The truth's answer to a question of MODEL, or NAN. */
static double
truth_answer(const char *model, const char *file, size_t line, size_t next)
{
	const struct truth_row	*t, *u, *p;

	if (strstr(oracle, model) == NULL || file == NULL ||
	    (t = truth_find(file, line)) == NULL)
		return NAN;
	if (strcmp(model, "start") == 0 || strcmp(model, "title") == 0)
		return t->role_title ? 10 : -10;
	if ((u = truth_find(file, next)) == NULL)
		return NAN;
	if (strcmp(model, "split") == 0) {
		p = t->prev != 0 ? truth_find(file, t->prev) : NULL;
		return t->art == u->art && (p == NULL || p->art != u->art) ?
		    10 : -10;
	}
	return t->art == u->art && t->para == u->para && t->para >= 0 ?
	    10 : -10;
}

static double
features_print(const char *model, const char *file, size_t line,
    size_t next, const double *x, size_t n, double score)
{
	size_t	i;

	if (!json) {
		printf("%s\t%s\t%zu\t%zu\t%.4f\t", model,
		    file != NULL ? file : "-", line, next, score);
		for (i = 0; i < n; i++)
			printf("%s%g", i > 0 ? "," : "", x[i]);
		putchar('\n');
	}
	return truth_answer(model, file, line, next);
}

static void
features_names(const char *model, const char *const *names, size_t n)
{
	size_t	i;

	if (json)
		return;
	printf("#%s\t", model);
	for (i = 0; i < n; i++)
		printf("%s%s", i > 0 ? "," : "", names[i]);
	putchar('\n');
}

int
main(int argc, char **argv)
{
	struct loader_opts	 opts;
	struct library		*lib;
	char			*cause = NULL;
	size_t			 n;
	int			 i, rv = 0;

	memset(&opts, 0, sizeof opts);
	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strncmp(argv[i], "--truth=", 8) == 0)
			truth_read(argv[i] + 8);
		else if (strncmp(argv[i], "--oracle=", 9) == 0)
			oracle = argv[i] + 9;
		else if (strcmp(argv[i], "--json") == 0)
			json = 1;
	}
	features_names("start", loader_start_names, LSF_N);
	features_names("join", loader_join_names, LJF_N);
	features_names("title", loader_title_names, LTF_N);
	features_names("split", loader_split_names, LPF_N);
	loader_set_trace(features_print);
	lib = library_new(&opts);
	library_set_cache_dir(lib, NULL);
	for (; i < argc; i++)
		if (library_add_path(lib, argv[i], NULL, NULL, &cause) != 0) {
			fprintf(stderr, "loader-features: %s: %s\n", argv[i],
			    cause);
			free(cause);
			cause = NULL;
			rv = 1;
		}
	/* Folders are parsed when their issues are asked for. */
	if (json)
		dump_json(stdout, stderr, lib);
	else
		for (n = 0; n < library_count(lib); n++)
			(void)library_get(lib, n);
	library_free(lib);
	return rv;
}
