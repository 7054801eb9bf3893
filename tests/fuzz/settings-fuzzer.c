/*
 * settings-fuzzer.c -- arbitrary bytes as a configuration file. Every
 * diagnostic it gives is shown on the terminal (stderr, the reader's
 * message line), so each must be clean text (fuzz.h); settings that were
 * accepted must hold values in their ranges.
 */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "settings.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings	 cf;
	char		*text;
	size_t		 i;

	text = fuzz_copy(data, size);
	settings_init(&cf);
	settings_parse(&cf, text, size, "config");
	if (cf.text_width < -1 || cf.text_width > 10000 ||
	    cf.ambiguous < -1 || cf.ambiguous > 2 ||
	    cf.fold_variants < -1 || cf.fold_variants > 1)
		abort();
	for (i = 0; i < cf.diags.n; i++)
		fuzz_check_clean("config diagnostic", cf.diags.v[i].message,
		    strlen(cf.diags.v[i].message));
	settings_clear(&cf);
	free(text);
	return 0;
}
