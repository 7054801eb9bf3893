/*
 * keyseq-fuzzer.c -- arbitrary terminal input bytes through the key
 * decoder (keyseq.c). The first byte chooses UTF-8 or the locale's
 * charset (zh_CN.GB18030 when the system has it, else C.UTF-8), and how
 * often the decoder is flushed (as if the bytes stopped coming); the
 * rest is what the terminal sent. Checks: no byte makes more than
 * KEYSEQ_MAXEV events; every event holds values in range (a code point
 * that is one, a known key, a report inside 1..9999, colours of 16
 * bits); the decoder never holds more than KEYSEQ_MAX bytes; and after
 * a flush it holds nothing.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "keyseq.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	if (setlocale(LC_CTYPE, "zh_CN.GB18030") == NULL)
		setlocale(LC_CTYPE, "C.UTF-8");
	return 0;
}

static void
keyseq_fuzz_fail(const char *why, size_t at)
{
	fprintf(stderr, "fuzz: keyseq: %s (byte %zu)\n", why, at);
	abort();
}

static void
keyseq_fuzz_events(const struct keyseq_event *ev, int n, size_t at)
{
	int	i;

	if (n < 0 || n > KEYSEQ_MAXEV)
		keyseq_fuzz_fail("event count", at);
	for (i = 0; i < n; i++)
		switch (ev[i].type) {
		case KEYSEQ_CHAR:
			if (ev[i].ch > 0x10ffff ||
			    (ev[i].ch >= 0xd800 && ev[i].ch < 0xe000))
				keyseq_fuzz_fail("no code point", at);
			break;
		case KEYSEQ_KEY:
			if (ev[i].key < KEYSEQ_UP || ev[i].key > KEYSEQ_F1 + 11 ||
			    ev[i].mods < 0)
				keyseq_fuzz_fail("no key", at);
			break;
		case KEYSEQ_CPR:
		case KEYSEQ_MOUSE:
			if (ev[i].row < 1 || ev[i].col < 1 ||
			    ev[i].row > 9999 || ev[i].col > 9999)
				keyseq_fuzz_fail("position out of range", at);
			break;
		case KEYSEQ_COLOR:
			if (ev[i].rgb[0] > 65535 || ev[i].rgb[1] > 65535 ||
			    ev[i].rgb[2] > 65535)
				keyseq_fuzz_fail("colour out of range", at);
			break;
		case KEYSEQ_PASTE_BEGIN:
		case KEYSEQ_PASTE_END:
		case KEYSEQ_IGNORED:
			break;
		default:
			keyseq_fuzz_fail("unknown event", at);
		}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keyseq		 ks;
	struct keyseq_event	 ev[KEYSEQ_MAXEV];
	size_t			 i, every;
	int			 n;

	if (size < 1)
		return 0;
	keyseq_init(&ks, (data[0] & 1) != 0);
	every = data[0] >> 1;		/* 0: only at the end */
	for (i = 1; i < size; i++) {
		n = keyseq_byte(&ks, data[i], ev);
		keyseq_fuzz_events(ev, n, i);
		if (ks.n > KEYSEQ_MAX)
			keyseq_fuzz_fail("holds too much", i);
		if (every != 0 && i % every == 0) {
			n = keyseq_flush(&ks, ev);
			keyseq_fuzz_events(ev, n, i);
		}
	}
	n = keyseq_flush(&ks, ev);
	keyseq_fuzz_events(ev, n, size);
	if (keyseq_pending(&ks) != KEYSEQ_IDLE)
		keyseq_fuzz_fail("holds bytes after a flush", size);
	return 0;
}
