/*
 * test-keyseq.c -- terminal input bytes to events: characters (UTF-8 and
 * GB18030, broken ones), every Home/End/Delete variant, cursor position
 * reports and OSC colour replies among keys, sequences nobody asked for
 * taken whole and ignored (kitty keys, device attributes, overlong ones),
 * bracketed paste marks, X10 and SGR mouse reports, a lone Esc and Alt
 * keys; and random bytes, which never make more events than promised
 * and always leave the decoder idle after a flush.
 */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tcheck.h"
#include "keyseq.h"

#define MAXOUT 64

/*
 * Decode S (N bytes) from a fresh decoder in UTF-8 (or the locale's
 * charset), flushing at the end when FLUSH. Returns the events' number.
 */
static int
decode(const char *s, size_t n, bool utf8, bool flush,
    struct keyseq_event *out)
{
	struct keyseq		ks;
	struct keyseq_event	ev[KEYSEQ_MAXEV];
	size_t			i;
	int			k, j, m = 0;

	keyseq_init(&ks, utf8);
	for (i = 0; i < n; i++) {
		k = keyseq_byte(&ks, (unsigned char)s[i], ev);
		for (j = 0; j < k && m < MAXOUT; j++)
			out[m++] = ev[j];
	}
	if (flush) {
		k = keyseq_flush(&ks, ev);
		for (j = 0; j < k && m < MAXOUT; j++)
			out[m++] = ev[j];
	}
	return m;
}

#define DECODE(s, out) decode((s), sizeof(s) - 1, true, true, (out))

static bool
is_char(const struct keyseq_event *e, uint32_t ch)
{
	return e->type == KEYSEQ_CHAR && e->ch == ch;
}

static bool
is_key(const struct keyseq_event *e, int key, int mods)
{
	return e->type == KEYSEQ_KEY && e->key == key && e->mods == mods;
}

/* One sequence that must be exactly one key. */
static void
check_key(const char *s, int key, int mods)
{
	struct keyseq_event	out[MAXOUT];
	int			n = decode(s, strlen(s), true, true, out);

	if (n != 1 || !is_key(&out[0], key, mods)) {
		fprintf(stderr, "sequence \\e%s: %d events, first %d/%d\n",
		    s + 1, n, n > 0 ? (int)out[0].type : -1,
		    n > 0 ? out[0].key : -1);
		CHECK(false);
	} else
		CHECK(true);
}

static void
test_chars(void)
{
	struct keyseq_event	out[MAXOUT];
	int			n;

	n = DECODE("jq", out);
	CHECK(n == 2 && is_char(&out[0], 'j') && is_char(&out[1], 'q'));
	n = DECODE("中“x", out);
	CHECK(n == 3 && is_char(&out[0], 0x4E2D) &&
	    is_char(&out[1], 0x201C) && is_char(&out[2], 'x'));
	/* A byte that is no UTF-8, then a key: the key is not lost. */
	n = DECODE("\xff]", out);
	CHECK(n == 2 && is_char(&out[0], 0xFFFD) && is_char(&out[1], ']'));
	n = DECODE("\xe8]", out);
	CHECK(n == 2 && is_char(&out[0], 0xFFFD) && is_char(&out[1], ']'));
	/* A character broken by Esc: Esc still starts a key. */
	n = DECODE("\xe4\xb8\x1b[A", out);
	CHECK(n == 2 && is_char(&out[0], 0xFFFD) &&
	    is_key(&out[1], KEYSEQ_UP, 0));
	/* Half a character, then nothing: U+FFFD on the flush. */
	n = decode("\xe4\xb8", 2, true, false, out);
	CHECK(n == 0);
	n = DECODE("\xe4\xb8", out);
	CHECK(n == 1 && is_char(&out[0], 0xFFFD));
}

static void
test_gb18030(void)
{
	struct keyseq_event	out[MAXOUT];
	int			n;

	if (setlocale(LC_CTYPE, "zh_CN.GB18030") == NULL) {
		fprintf(stderr, "no zh_CN.GB18030 locale: GB18030 skipped\n");
		return;
	}
	/* 中 is D6 D0; U+0080 is the four bytes 81 30 81 30. */
	n = decode("\xd6\xd0" "a\x81\x30\x81\x30", 7, false, true, out);
	CHECK(n == 3 && is_char(&out[0], 0x4E2D) && is_char(&out[1], 'a') &&
	    is_char(&out[2], 0x80));
	/* A second byte in ASCII's range is part of the character. */
	n = decode("\x81\x40", 2, false, true, out);
	CHECK(n == 1 && out[0].type == KEYSEQ_CHAR && out[0].ch != 0xFFFD);
	n = decode("\xff" "q", 2, false, true, out);
	CHECK(n == 2 && is_char(&out[0], 0xFFFD) && is_char(&out[1], 'q'));
	n = decode("\x81\x1b[H", 4, false, true, out);
	CHECK(n == 2 && is_char(&out[0], 0xFFFD) &&
	    is_key(&out[1], KEYSEQ_HOME, 0));
	setlocale(LC_CTYPE, "C.UTF-8");
}

static void
test_keys(void)
{
	static const struct {
		const char	*s;
		int		 key, mods;
	} keys[] = {
		{ "\x1b[A", KEYSEQ_UP, 0 }, { "\x1bOA", KEYSEQ_UP, 0 },
		{ "\x1b[B", KEYSEQ_DOWN, 0 }, { "\x1bOC", KEYSEQ_RIGHT, 0 },
		{ "\x1b[D", KEYSEQ_LEFT, 0 },
		{ "\x1b[1;5A", KEYSEQ_UP, 4 }, { "\x1b[1;2B", KEYSEQ_DOWN, 1 },
		/* Home and End as xterm, rxvt, the Linux console and tmux
		   with TERM=xterm-256color send them. */
		{ "\x1b[1~", KEYSEQ_HOME, 0 }, { "\x1b[7~", KEYSEQ_HOME, 0 },
		{ "\x1b[H", KEYSEQ_HOME, 0 }, { "\x1bOH", KEYSEQ_HOME, 0 },
		{ "\x1b[4~", KEYSEQ_END, 0 }, { "\x1b[8~", KEYSEQ_END, 0 },
		{ "\x1b[F", KEYSEQ_END, 0 }, { "\x1bOF", KEYSEQ_END, 0 },
		{ "\x1b[3~", KEYSEQ_DELETE, 0 }, { "\x1b[2~", KEYSEQ_INSERT, 0 },
		{ "\x1b[5~", KEYSEQ_PGUP, 0 }, { "\x1b[6~", KEYSEQ_PGDN, 0 },
		{ "\x1b[6;5~", KEYSEQ_PGDN, 4 }, { "\x1b[Z", KEYSEQ_BACKTAB, 0 },
		{ "\x1bOP", KEYSEQ_F1, 0 }, { "\x1b[11~", KEYSEQ_F1, 0 },
		{ "\x1b[15~", KEYSEQ_F1 + 4, 0 },
		{ "\x1b[24~", KEYSEQ_F1 + 11, 0 },
		{ "\x1bOM", KEYSEQ_KPENTER, 0 },
	};
	size_t	i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		check_key(keys[i].s, keys[i].key, keys[i].mods);
}

static void
test_replies(void)
{
	struct keyseq_event	out[MAXOUT];
	int			n;

	/* A late position report among keys: all keys kept, in order. */
	n = DECODE("j\x1b[12;3Rk", out);
	CHECK(n == 3 && is_char(&out[0], 'j') && is_char(&out[2], 'k'));
	CHECK(out[1].type == KEYSEQ_CPR && out[1].row == 12 &&
	    out[1].col == 3);
	/* xterm's Shift-F3 is the same bytes as a report from row 1. */
	n = DECODE("\x1b[1;2R", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_CPR && out[0].col == 2);
	/* OSC 11 replies, ended by BEL or by ST, 4 or 2 digits. */
	n = DECODE("\x1b]11;rgb:ffff/ffff/ffff\x07q", out);
	CHECK(n == 2 && out[0].type == KEYSEQ_COLOR && out[0].osc == 11 &&
	    out[0].rgb[0] == 65535 && out[0].rgb[2] == 65535 &&
	    is_char(&out[1], 'q'));
	n = DECODE("\x1b]11;rgb:00/80/ff\x1b\\", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_COLOR && out[0].rgb[0] == 0 &&
	    out[0].rgb[1] == 32896 && out[0].rgb[2] == 65535);
	n = DECODE("\x1b]10;rgba:1/2/3/4\x07", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_COLOR && out[0].osc == 10 &&
	    out[0].rgb[0] == 4369);
	/* Other OSC strings (a title report) are ignored whole. */
	n = DECODE("\x1b]2;title 标题\x07j", out);
	CHECK(n == 2 && out[0].type == KEYSEQ_IGNORED &&
	    is_char(&out[1], 'j'));
	/* Esc inside one ends it; what follows is read as usual. */
	n = DECODE("\x1b]2;ab\x1b[A", out);
	CHECK(n == 2 && out[0].type == KEYSEQ_IGNORED &&
	    is_key(&out[1], KEYSEQ_UP, 0));
	n = DECODE("\x1b]11;rgb:zz/00/00\x07", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_IGNORED);
}

static void
test_ignored(void)
{
	struct keyseq_event	out[MAXOUT];
	char			big[KEYSEQ_MAX + 64];
	int			n;

	/* Kitty's keys, device attributes, focus: whole, and nothing else. */
	n = DECODE("\x1b[99;5u", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_IGNORED);
	n = DECODE("\x1b[?62;22c", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_IGNORED);
	n = DECODE("\x1b[I\x1b[O", out);
	CHECK(n == 2 && out[0].type == KEYSEQ_IGNORED &&
	    out[1].type == KEYSEQ_IGNORED);
	n = DECODE("\x1b[>1;2;3$q", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_IGNORED);
	/* Longer than the decoder keeps: still one sequence. */
	memcpy(big, "\x1b[", 2);
	memset(big + 2, '1', sizeof big - 3);
	big[sizeof big - 1] = 'A';
	n = decode(big, sizeof big, true, true, out);
	CHECK(n == 1 && out[0].type == KEYSEQ_IGNORED);
	/* A control byte breaks a CSI and is read again. */
	n = DECODE("\x1b[12\rq", out);
	CHECK(n == 3 && out[0].type == KEYSEQ_IGNORED &&
	    is_char(&out[1], '\r') && is_char(&out[2], 'q'));
}

static void
test_paste_mouse(void)
{
	struct keyseq_event	out[MAXOUT];
	int			n;

	n = DECODE("\x1b[200~q]\x1b[201~", out);
	CHECK(n == 4 && out[0].type == KEYSEQ_PASTE_BEGIN &&
	    is_char(&out[1], 'q') && is_char(&out[2], ']') &&
	    out[3].type == KEYSEQ_PASTE_END);
	/* X10: button 0 at column 5, row 5; the wheel at column 200. */
	n = DECODE("\x1b[M\x20\x25\x25", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_MOUSE && out[0].button == 0 &&
	    out[0].col == 5 && out[0].row == 5 && out[0].press);
	n = DECODE("\x1b[M\x61\xe8\x22", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_MOUSE && out[0].button == 65 &&
	    out[0].col == 200 && out[0].row == 2);
	n = DECODE("\x1b[M\x23\x25\x25", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_MOUSE && !out[0].press);
	/* SGR 1006: press and release. */
	n = DECODE("\x1b[<64;300;40M\x1b[<0;3;4m", out);
	CHECK(n == 2 && out[0].type == KEYSEQ_MOUSE && out[0].button == 64 &&
	    out[0].col == 300 && out[0].row == 40 && out[0].press &&
	    out[1].type == KEYSEQ_MOUSE && !out[1].press);
	/* Reports naming no cell (column or row 0, or past any terminal's
	 * size: fuzzing found them) are taken whole and ignored. */
	n = DECODE("\x1b[<64;0;1M\x1b[M\x20\x20\x25\x1b[0;5R\x1b[3;99999R",
	    out);
	CHECK(n == 4 && out[0].type == KEYSEQ_IGNORED &&
	    out[1].type == KEYSEQ_IGNORED && out[2].type == KEYSEQ_IGNORED &&
	    out[3].type == KEYSEQ_IGNORED);
}

static void
test_esc(void)
{
	struct keyseq		ks;
	struct keyseq_event	out[MAXOUT], ev[KEYSEQ_MAXEV];
	int			n;

	/* A lone Esc waits, then is the Esc key. */
	keyseq_init(&ks, true);
	CHECK(keyseq_pending(&ks) == KEYSEQ_IDLE);
	CHECK(keyseq_byte(&ks, 0x1b, ev) == 0);
	CHECK(keyseq_pending(&ks) == KEYSEQ_WAIT_ESC);
	n = keyseq_flush(&ks, ev);
	CHECK(n == 1 && is_char(&ev[0], 0x1b));
	CHECK(keyseq_pending(&ks) == KEYSEQ_IDLE);
	/* Esc and a key is Alt and that key: Esc, then the key. */
	n = DECODE("\x1bq", out);
	CHECK(n == 2 && is_char(&out[0], 0x1b) && is_char(&out[1], 'q'));
	n = DECODE("\x1b\x1b", out);
	CHECK(n == 2 && is_char(&out[0], 0x1b) && is_char(&out[1], 0x1b));
	/* Alt-[ and Alt-] typed alone: Esc and the bracket. */
	n = DECODE("\x1b[", out);
	CHECK(n == 2 && is_char(&out[0], 0x1b) && is_char(&out[1], '['));
	n = DECODE("\x1b]q", out);
	CHECK(n == 3 && is_char(&out[0], 0x1b) && is_char(&out[1], ']') &&
	    is_char(&out[2], 'q'));
	/* Part of a sequence, then nothing: ignored, not typed. */
	n = DECODE("\x1b[12;", out);
	CHECK(n == 1 && out[0].type == KEYSEQ_IGNORED);
	keyseq_init(&ks, true);
	keyseq_byte(&ks, 0x1b, ev);
	keyseq_byte(&ks, '[', ev);
	CHECK(keyseq_pending(&ks) == KEYSEQ_WAIT_MORE);
}

/* Random bytes: never more events than promised, idle after a flush. */
static void
test_random(void)
{
	struct keyseq		ks;
	struct keyseq_event	ev[KEYSEQ_MAXEV];
	static const char	alpha[] = "\x1b[]O;:0123456789<?~RMm\x07\\"
	    "\xe4\xb8\xad\xff\x81 aq";
	unsigned		seed = 12345, r;
	int			i, k, bad = 0;

	keyseq_init(&ks, true);
	for (i = 0; i < 200000; i++) {
		seed = seed * 1103515245u + 12345u;
		r = (seed >> 16) & 0x7fff;
		k = keyseq_byte(&ks, r % 4 == 0 ? (unsigned char)(r >> 2) :
		    (unsigned char)alpha[(r >> 2) % (sizeof alpha - 1)], ev);
		if (k < 0 || k > KEYSEQ_MAXEV)
			bad++;
		if (r % 97 == 0) {
			k = keyseq_flush(&ks, ev);
			if (k < 0 || k > KEYSEQ_MAXEV ||
			    keyseq_pending(&ks) != KEYSEQ_IDLE)
				bad++;
		}
	}
	CHECK(bad == 0);
}

int
main(void)
{
	TSTART();
	test_chars();
	test_gb18030();
	test_keys();
	test_replies();
	test_ignored();
	test_paste_mouse();
	test_esc();
	test_random();
	return TDONE();
}
