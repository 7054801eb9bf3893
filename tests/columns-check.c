/*
 * columns-check.c -- what the pdftotext pass (src/loader-columns.c)
 * makes of a text file, as a page dump: for tests and for looking.
 *
 *   columns-check FILE
 *	Cuts FILE into pages at form feeds, runs loader_columns_prepare on
 *	each page's lines and prints the lines it hands to pass 1: a line
 *	marked indented starts with 　　, a blank line stays blank, pages
 *	are separated by form feeds. The shape of each page goes to stderr,
 *	one word a page (plain, column, layout), then the pass's notes
 *	("LINE: message", lines counted from the page's first).
 *
 * Exit status 0, or 99 when FILE cannot be read.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "loader-int.h"

static const char *const shape_names[] = { "plain", "column", "layout" };

static void
print_page(const char *text, size_t len)
{
	struct loader_line	*ln;
	size_t			 n, i;
	enum loader_shape	 shape;

	struct diag_list	 dl;
	struct loader_report	 rp = { &dl, "-" };

	diag_list_init(&dl);
	loader_read_lines(text, len, 1, &ln, &n);
	shape = loader_columns_prepare(&ln, &n, &rp);
	fprintf(stderr, "%s\n", shape_names[shape]);
	for (i = 0; i < dl.n; i++)
		fprintf(stderr, "%zu: %s\n", dl.v[i].line, dl.v[i].message);
	diag_list_clear(&dl);
	for (i = 0; i < n; i++) {
		if (ln[i].text != NULL)
			printf("%s%s", ln[i].indented ? "\xe3\x80\x80\xe3\x80\x80" :
			    "", ln[i].text);
		putchar('\n');
		free(ln[i].text);
	}
	free(ln);
}

int
main(int argc, char **argv)
{
	FILE		*f;
	char		*data = NULL;
	size_t		 len = 0, cap = 0, k;
	const char	*p, *ff, *end;

	if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: columns-check FILE\n");
		return 99;
	}
	for (;;) {
		data = util_grow(data, &cap, len + 65536, 1);
		k = fread(data + len, 1, 65536, f);
		len += k;
		if (k == 0)
			break;
	}
	fclose(f);
	end = data + len;
	for (p = data; p <= end; p = ff + 1) {
		ff = memchr(p, '\f', end - p);
		if (ff == NULL)
			ff = end;
		print_page(p, ff - p);
		if (ff == end)
			break;
		putchar('\f');
	}
	free(data);
	return 0;
}
