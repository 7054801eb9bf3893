/*
 * keyseq.h -- terminal input bytes to events: characters, function keys,
 * the terminal's answers to queries (cursor position reports, OSC colour
 * replies), mouse reports and bracketed paste marks. Pure: no curses, no
 * I/O, no allocation; any byte sequence is safe to feed.
 *
 * Every escape sequence is taken whole (CSI, SS3, OSC, X10 mouse), so
 * that no part of one ever reads as keys; a sequence nobody asked for
 * comes out as one KEYSEQ_IGNORED event. Characters are decoded as UTF-8
 * or in the locale's charset (mbrtowc). A byte that cannot continue a
 * character ends it as U+FFFD and is read again.
 *
 *	struct keyseq ks;
 *	struct keyseq_event ev[KEYSEQ_MAXEV];
 *	keyseq_init(&ks, true);
 *	for each byte b: n = keyseq_byte(&ks, b, ev); handle ev[0..n)
 *	when no byte came for a while (keyseq_pending() says how long to
 *	wait): n = keyseq_flush(&ks, ev); handle ev[0..n)
 */
#ifndef DUBAO_KEYSEQ_H
#define DUBAO_KEYSEQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum keyseq_type {
	KEYSEQ_CHAR,		/* .ch: a character, or U+FFFD */
	KEYSEQ_KEY,		/* .key, .mods */
	KEYSEQ_CPR,		/* .row, .col: cursor position report */
	KEYSEQ_COLOR,		/* .osc, .rgb: OSC colour reply */
	KEYSEQ_MOUSE,		/* .button, .press, .row, .col */
	KEYSEQ_PASTE_BEGIN,	/* bracketed paste starts */
	KEYSEQ_PASTE_END,	/* and ends */
	KEYSEQ_IGNORED		/* a whole sequence to ignore */
};

enum keyseq_key {
	KEYSEQ_UP = 1,
	KEYSEQ_DOWN,
	KEYSEQ_RIGHT,
	KEYSEQ_LEFT,
	KEYSEQ_HOME,
	KEYSEQ_END,
	KEYSEQ_INSERT,
	KEYSEQ_DELETE,
	KEYSEQ_PGUP,
	KEYSEQ_PGDN,
	KEYSEQ_BACKTAB,
	KEYSEQ_KPENTER,
	KEYSEQ_F1		/* F1 to F12: KEYSEQ_F1 + 0..11 */
};

struct keyseq_event {
	enum keyseq_type type;
	uint32_t	 ch;		/* KEYSEQ_CHAR */
	int		 key;		/* KEYSEQ_KEY: enum keyseq_key */
	int		 mods;		/* KEYSEQ_KEY: xterm's modifier code
					   less one (1 Shift, 2 Alt, 4 Ctrl;
					   0 none) */
	int		 row, col;	/* CPR and mouse, counted from 1 */
	int		 button;	/* mouse: xterm's button code (0-2
					   buttons, 64 and 65 the wheel, +32
					   motion, +4 +8 +16 modifiers) */
	bool		 press;		/* mouse: pressed (not released) */
	int		 osc;		/* COLOR: 10 foreground, 11 background */
	unsigned	 rgb[3];	/* COLOR: 0 to 65535 each */
};

/* Events one byte or one flush can produce, at most. */
#define KEYSEQ_MAXEV	3
/* Bytes of a sequence kept; a longer one is ignored whole. */
#define KEYSEQ_MAX	256

/* What the decoder holds: nothing, a lone Esc, or part of something. */
enum keyseq_wait {
	KEYSEQ_IDLE,
	KEYSEQ_WAIT_ESC,	/* Esc alone: the key, unless more follows */
	KEYSEQ_WAIT_MORE	/* part of a sequence or of a character */
};

struct keyseq {
	int		 state;
	bool		 utf8;		/* else the locale's charset */
	bool		 overflow;	/* the sequence outgrew seq */
	unsigned char	 seq[KEYSEQ_MAX];
	size_t		 n;
};

/*
 * Start decoding; characters are UTF-8 when UTF8, else in the charset of
 * the locale (LC_CTYPE) at the time each byte is fed.
 */
void	keyseq_init(struct keyseq *, bool utf8);

/* Feed byte B; the events it completes go to EV. Returns their number. */
int	keyseq_byte(struct keyseq *, unsigned char b,
	    struct keyseq_event ev[KEYSEQ_MAXEV]);

/* What keyseq_flush() would end now. */
enum keyseq_wait keyseq_pending(const struct keyseq *);

/*
 * No more bytes came: end what is pending (a lone Esc is the Esc key,
 * Esc and one of [ O ] are Esc and that key, part of a character is
 * U+FFFD, part of a sequence is ignored). Returns the events' number.
 */
int	keyseq_flush(struct keyseq *, struct keyseq_event ev[KEYSEQ_MAXEV]);

#endif /* DUBAO_KEYSEQ_H */
