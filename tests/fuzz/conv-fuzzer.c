/*
 * conv-fuzzer.c -- arbitrary bytes through conv.c: detection, and the
 * conversion under every encoding dubao detects or a user may force. The
 * text that comes out must be valid UTF-8 of the length it claims, and
 * any failure must say why.
 */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "conv.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static void
conv_fuzz_one(const char *data, size_t size, const char *encoding)
{
	struct conv_result	 cr;
	struct diag_list	 dl;
	char			*cause = NULL;
	size_t			 i;

	diag_list_init(&dl);
	if (conv_to_utf8(data, size, encoding, "fuzz.txt", &cr, &dl,
	    &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
	} else {
		if (cr.text == NULL || cr.text[cr.len] != '\0' ||
		    u8_check((const uint8_t *)cr.text, cr.len) != NULL)
			abort();
		if (cr.confidence < 0 || cr.confidence > 100)
			abort();
		conv_result_clear(&cr);
	}
	for (i = 0; i < dl.n; i++)
		fuzz_check_clean("conversion diagnostic", dl.v[i].message,
		    strlen(dl.v[i].message));
	diag_list_clear(&dl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const forced[] = { NULL, "UTF-8", "GB18030",
	    "BIG5", "UTF-16LE", "UTF-16BE" };
	char	*text;
	int	 conf;
	size_t	 i;

	text = fuzz_copy(data, size);
	conv_detect(text, size, &conf);
	if (conf < 0 || conf > 100)
		abort();
	for (i = 0; i < sizeof forced / sizeof forced[0]; i++)
		conv_fuzz_one(text, size, forced[i]);
	free(text);
	return 0;
}
