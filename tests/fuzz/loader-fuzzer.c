/*
 * loader-fuzzer.c -- arbitrary bytes as a page dump: encoding detection
 * and conversion (conv.c), then every pass of the loader, then every
 * batch output; and the same bytes as one article file of a crawler
 * folder. Checks that every string of the tree is clean (fuzz.h) and
 * that --dump=text, --dump=outline and --check print nothing a terminal
 * would obey.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "dump.h"
#include "fuzz.h"
#include "library.h"
#include "loader.h"
#include "model.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* Run one batch writer into memory and check what it wrote, and its
 * messages (what goes to standard error). */
static void
loader_fuzz_dump(const char *what, struct library *lib, int mode,
    bool terminal)
{
	FILE	*fp, *diag;
	char	*out = NULL, *err = NULL;
	size_t	 len = 0, elen = 0;

	if ((fp = open_memstream(&out, &len)) == NULL ||
	    (diag = open_memstream(&err, &elen)) == NULL)
		abort();
	switch (mode) {
	case 0:
		dump_json(fp, diag, lib);
		break;
	case 1:
		dump_text(fp, diag, lib, 40, 0);
		break;
	case 2:
		dump_outline(fp, diag, lib);
		break;
	default:
		dump_check(fp, lib, NULL);
		break;
	}
	fclose(fp);
	fclose(diag);
	if (terminal)
		fuzz_check_output(what, out, len);
	fuzz_check_output("messages", err, elen);
	free(out);
	free(err);
}

/* The bytes as a crawler article file (loader-dir.c). */
static void
loader_fuzz_crawler(const char *text, size_t size)
{
	struct issue	*is = issue_new();

	loader_parse_crawler(issue_add_page(is), text, size,
	    "20240101-01-01.txt");
	fuzz_check_issue(is);
	issue_free(is);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct library	*lib;
	struct issue	*is;
	char		*text, *cause = NULL;

	text = fuzz_copy(data, size);
	loader_fuzz_crawler(text, size);
	is = loader_parse_pages(text, size, "fuzz.txt", NULL, &cause);
	if (is == NULL) {
		if (cause == NULL)
			abort();	/* a failure must say why */
		free(cause);
		free(text);
		return 0;
	}
	fuzz_check_issue(is);
	lib = library_new(NULL);
	library_set_cache_dir(lib, NULL);
	library_add_issue(lib, is);
	loader_fuzz_dump("--dump=json", lib, 0, false);
	loader_fuzz_dump("--dump=text", lib, 1, true);
	loader_fuzz_dump("--dump=outline", lib, 2, true);
	loader_fuzz_dump("--check", lib, 3, true);
	library_free(lib);
	free(text);
	return 0;
}
