/*
 * conv-bench.c -- time conv_to_utf8 on a file held in memory: prints
 * the encoding found and MB/s, best of REPEAT runs. Built and run by
 * bench/conv.sh against a build tree's src/libdubao.a.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "util.h"
#include "diag.h"
#include "conv.h"

int
main(int argc, char **argv)
{
	struct conv_result cr;
	struct diag_list dl;
	struct timespec t0, t1;
	FILE *fp;
	char *data, *cause;
	long size;
	double best = 1e9, sec;
	int i, repeat = 5;

	if (argc < 2) {
		fprintf(stderr, "usage: conv-bench FILE [REPEAT]\n");
		return 2;
	}
	if (argc > 2)
		repeat = atoi(argv[2]);
	if ((fp = fopen(argv[1], "rb")) == NULL)
		fatal("%s", argv[1]);
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	data = xmalloc(size + 1);
	if (fread(data, 1, size, fp) != (size_t)size)
		fatal("%s", argv[1]);
	fclose(fp);
	for (i = 0; i < repeat; i++) {
		diag_list_init(&dl);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (conv_to_utf8(data, size, NULL, argv[1], &cr, &dl,
		    &cause) != 0)
			fatalx("%s", cause);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		sec = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
		if (sec < best)
			best = sec;
		if (i + 1 == repeat)
			printf("%s: %ld bytes, %s (%d), %zu replaced, "
			    "%zu diagnostics, best %.4f s = %.0f MB/s\n  %s\n",
			    argv[1], size, cr.encoding, cr.confidence,
			    cr.replaced, dl.n, best, size / best / 1e6,
			    cr.reason);
		conv_result_clear(&cr);
		diag_list_clear(&dl);
	}
	free(data);
	return 0;
}
