/*
 * keyseq.c -- terminal input bytes to events, one byte at a time: a
 * small state machine after ECMA-48's shape of escape sequences.
 *
 *   ground   a byte under 0x80 is a character, Esc starts a sequence,
 *            any other byte starts a multibyte character
 *   Esc      [ starts a CSI, O an SS3, ] an OSC; Esc and any other byte
 *            is the Esc key and that byte (Alt held down)
 *   CSI      parameter and intermediate bytes, then a final byte that
 *            says what it was: a key (ESC [ A, ESC [ 1 ~ ...), a cursor
 *            position report (ESC [ row ; col R), a mouse report (ESC [
 *            < b ; x ; y M, or ESC [ M and three raw bytes), a paste mark
 *            (ESC [ 200 ~, ESC [ 201 ~), or something to ignore whole
 *   SS3      the keys xterm sends in application mode (ESC O A ...)
 *   OSC      up to BEL or ESC \: a colour reply (ESC ] 11 ; rgb:...)
 *
 * A byte that cannot go on with the sequence under way (a control
 * character in a CSI, a byte that breaks a character) ends it and is read
 * again from the ground state, so that no key is lost behind a broken
 * sequence.
 */
#include <config.h>

#include <string.h>
#include <wchar.h>

#include <unistr.h>

#include "keyseq.h"

enum {
	KS_GROUND,
	KS_ESC,
	KS_CSI,
	KS_SS3,
	KS_OSC,
	KS_OSC_ESC,
	KS_X10,
	KS_MB
};

#define KS_ESCAPE	0x1b
#define KS_BEL		0x07
#define KS_MB_MAX	8	/* bytes of a character, at most */
#define KS_NPARAMS	8	/* CSI parameters kept */
#define KS_PARAM_MAX	100000	/* a larger parameter is clamped */
#define KS_POS_MAX	9999	/* a row or column past it is no report */

/* The parameters of a CSI or SS3: "<1;2;3", "?62;c"... */
struct ks_params {
	int	v[KS_NPARAMS];
	int	n;
	char	priv;		/* '<' '=' '>' '?' first, or 0 */
	bool	bad;		/* an intermediate byte, or out of place */
};

static void	ks_ground(struct keyseq *, unsigned char,
		    struct keyseq_event *, int *);
static void	ks_esc(struct keyseq *, unsigned char,
		    struct keyseq_event *, int *);

static struct keyseq_event *
ks_add(struct keyseq_event *ev, int *n, enum keyseq_type type)
{
	struct keyseq_event	*e = &ev[(*n)++];

	memset(e, 0, sizeof *e);
	e->type = type;
	return e;
}

static void
ks_char(struct keyseq_event *ev, int *n, uint32_t ch)
{
	ks_add(ev, n, KEYSEQ_CHAR)->ch = ch;
}

static void
ks_key(struct keyseq_event *ev, int *n, int key, int mods)
{
	struct keyseq_event	*e = ks_add(ev, n, KEYSEQ_KEY);

	e->key = key;
	e->mods = mods;
}

void
keyseq_init(struct keyseq *ks, bool utf8)
{
	memset(ks, 0, sizeof *ks);
	ks->state = KS_GROUND;
	ks->utf8 = utf8;
}

/* Append B to the sequence; past KEYSEQ_MAX it is only marked too long. */
static void
ks_push(struct keyseq *ks, unsigned char b)
{
	if (ks->n < KEYSEQ_MAX)
		ks->seq[ks->n++] = b;
	else
		ks->overflow = true;
}

/* Start a new sequence in STATE. */
static void
ks_begin(struct keyseq *ks, int state)
{
	ks->state = state;
	ks->n = 0;
	ks->overflow = false;
}

/*
 * The character in seq[0..n): 1 when complete (in *UC), -2 when more
 * bytes may complete it, -1 when they never will.
 */
static int
ks_decode(const struct keyseq *ks, uint32_t *uc)
{
	mbstate_t	mbs;
	wchar_t		w;
	ucs4_t		u;
	size_t		r;
	int		k;

	if (ks->utf8) {
		k = u8_mbtoucr(&u, ks->seq, ks->n);
		*uc = u;
		return k > 0 ? 1 : k;
	}
	memset(&mbs, 0, sizeof mbs);
	r = mbrtowc(&w, (const char *)ks->seq, ks->n, &mbs);
	*uc = (uint32_t)w;
	return r == (size_t)-2 ? -2 : r == (size_t)-1 ? -1 : 1;
}

/* A byte of a multibyte character (the first one from ks_ground()). */
static void
ks_mb(struct keyseq *ks, unsigned char b, struct keyseq_event *ev, int *n)
{
	uint32_t	uc;
	int		r;

	ks->seq[ks->n++] = b;
	r = ks_decode(ks, &uc);
	if (r == 1) {
		ks->state = KS_GROUND;
		ks_char(ev, n, uc);
		return;
	}
	if (r == -2 && ks->n < KS_MB_MAX)
		return;
	ks->state = KS_GROUND;
	ks_char(ev, n, 0xfffd);
	if (ks->n > 1)
		ks_ground(ks, b, ev, n);	/* it may start the next one */
}

static void
ks_ground(struct keyseq *ks, unsigned char b, struct keyseq_event *ev,
    int *n)
{
	if (b == KS_ESCAPE)
		ks_begin(ks, KS_ESC);
	else if (b < 0x80)
		ks_char(ev, n, b);
	else {
		ks_begin(ks, KS_MB);
		ks_mb(ks, b, ev, n);
	}
}

static void
ks_esc(struct keyseq *ks, unsigned char b, struct keyseq_event *ev, int *n)
{
	switch (b) {
	case '[':
		ks_begin(ks, KS_CSI);
		break;
	case 'O':
		ks_begin(ks, KS_SS3);
		break;
	case ']':
		ks_begin(ks, KS_OSC);
		break;
	case KS_ESCAPE:
		ks_char(ev, n, KS_ESCAPE);	/* and a new Esc */
		break;
	default:
		ks_char(ev, n, KS_ESCAPE);
		ks->state = KS_GROUND;
		ks_ground(ks, b, ev, n);
		break;
	}
}

/* Split seq[0..n) into parameters. */
static void
ks_parse(const struct keyseq *ks, struct ks_params *p)
{
	size_t	i = 0;
	int	*v;

	memset(p, 0, sizeof *p);
	if (ks->n > 0 && ks->seq[0] >= '<' && ks->seq[0] <= '?')
		p->priv = (char)ks->seq[i++];
	p->n = 1;
	for (; i < ks->n; i++) {
		v = &p->v[p->n - 1];
		if (ks->seq[i] >= '0' && ks->seq[i] <= '9')
			*v = *v < KS_PARAM_MAX ? *v * 10 + (ks->seq[i] - '0') :
			    KS_PARAM_MAX;
		else if ((ks->seq[i] == ';' || ks->seq[i] == ':') &&
		    p->n < KS_NPARAMS)
			p->n++;
		else if (ks->seq[i] != ';' && ks->seq[i] != ':')
			p->bad = true;
	}
	if (ks->n == 0 || (ks->n == 1 && p->priv != 0))
		p->n = 0;
}

/* xterm's modifier parameter (1 + Shift 1, Alt 2, Ctrl 4...) less one. */
static int
ks_mods(const struct ks_params *p, int i)
{
	return i < p->n && p->v[i] > 1 ? p->v[i] - 1 : 0;
}

/* The key of a CSI or SS3 ending in a letter, or 0. */
static int
ks_letter(unsigned char final)
{
	static const char	keys[] = "ABCDHFZPQRSM";
	static const int	codes[] = { KEYSEQ_UP, KEYSEQ_DOWN,
	    KEYSEQ_RIGHT, KEYSEQ_LEFT, KEYSEQ_HOME, KEYSEQ_END,
	    KEYSEQ_BACKTAB, KEYSEQ_F1, KEYSEQ_F1 + 1, KEYSEQ_F1 + 2,
	    KEYSEQ_F1 + 3, KEYSEQ_KPENTER };
	const char		*k = final != 0 ? strchr(keys, final) : NULL;

	return k != NULL ? codes[k - keys] : 0;
}

/* The key of ESC [ N ~, or 0. */
static int
ks_tilde(int num)
{
	static const int	fkeys[] = { 11, 12, 13, 14, 15, 17, 18, 19,
	    20, 21, 23, 24 };
	size_t			i;

	switch (num) {
	case 1:
	case 7:
		return KEYSEQ_HOME;
	case 4:
	case 8:
		return KEYSEQ_END;
	case 2:
		return KEYSEQ_INSERT;
	case 3:
		return KEYSEQ_DELETE;
	case 5:
		return KEYSEQ_PGUP;
	case 6:
		return KEYSEQ_PGDN;
	}
	for (i = 0; i < sizeof fkeys / sizeof fkeys[0]; i++)
		if (fkeys[i] == num)
			return KEYSEQ_F1 + (int)i;
	return 0;
}

/* Is ROW, COL a cell a terminal could report (1-based)? */
static bool
ks_pos_ok(int row, int col)
{
	return row >= 1 && col >= 1 && row <= KS_POS_MAX && col <= KS_POS_MAX;
}

/* A mouse report; one naming no cell (column 0, say) is ignored. */
static void
ks_mouse(struct keyseq_event *ev, int *n, int button, int col, int row,
    bool press)
{
	struct keyseq_event	*e;

	if (!ks_pos_ok(row, col)) {
		ks_add(ev, n, KEYSEQ_IGNORED);
		return;
	}
	e = ks_add(ev, n, KEYSEQ_MOUSE);
	e->button = button;
	e->col = col;
	e->row = row;
	e->press = press;
}

/* ESC [ ~ with parameter NUM: a key or a paste mark. */
static void
ks_csi_tilde(const struct ks_params *p, struct keyseq_event *ev, int *n)
{
	int	key = p->n > 0 ? ks_tilde(p->v[0]) : 0;

	if (p->n > 0 && p->v[0] == 200)
		ks_add(ev, n, KEYSEQ_PASTE_BEGIN);
	else if (p->n > 0 && p->v[0] == 201)
		ks_add(ev, n, KEYSEQ_PASTE_END);
	else if (key != 0)
		ks_key(ev, n, key, ks_mods(p, 1));
	else
		ks_add(ev, n, KEYSEQ_IGNORED);
}

/* A CSI ends with FINAL. */
static void
ks_csi(struct keyseq *ks, unsigned char final, struct keyseq_event *ev,
    int *n)
{
	struct ks_params	p;
	struct keyseq_event	*e;
	int			key = ks_letter(final);

	ks_parse(ks, &p);
	if (ks->overflow || p.bad)
		ks_add(ev, n, KEYSEQ_IGNORED);
	else if (p.priv == '<' && (final == 'M' || final == 'm') && p.n >= 3)
		ks_mouse(ev, n, p.v[0], p.v[1], p.v[2], final == 'M');
	else if (p.priv != 0)
		ks_add(ev, n, KEYSEQ_IGNORED);
	else if (final == 'R' && p.n == 2 && !ks_pos_ok(p.v[0], p.v[1]))
		ks_add(ev, n, KEYSEQ_IGNORED);
	else if (final == 'R' && p.n == 2) {
		e = ks_add(ev, n, KEYSEQ_CPR);
		e->row = p.v[0];
		e->col = p.v[1];
	} else if (final == '~')
		ks_csi_tilde(&p, ev, n);
	else if (final == 'M' && p.n >= 3)	/* urxvt's mouse mode */
		ks_mouse(ev, n, p.v[0] - 32, p.v[1], p.v[2], true);
	else if (key != 0 && key != KEYSEQ_KPENTER)
		ks_key(ev, n, key, ks_mods(&p, 1));
	else
		ks_add(ev, n, KEYSEQ_IGNORED);
}

static void
ks_ss3(struct keyseq *ks, unsigned char final, struct keyseq_event *ev,
    int *n)
{
	struct ks_params	p;
	int			key = ks_letter(final);

	ks_parse(ks, &p);
	if (ks->overflow || p.bad || p.priv != 0 || key == 0 ||
	    key == KEYSEQ_BACKTAB)
		ks_add(ev, n, KEYSEQ_IGNORED);
	else
		ks_key(ev, n, key, p.n > 0 ? ks_mods(&p, p.n - 1) : 0);
}

/* Hex digits S[0..LEN) as a 16-bit colour component; -1 if bad. */
static long
ks_hex(const char *s, size_t len)
{
	long	v = 0;
	size_t	i;

	if (len < 1 || len > 4)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			v = v * 16 + (s[i] - '0');
		else if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f')
			v = v * 16 + ((s[i] | 0x20) - 'a' + 10);
		else
			return -1;
	}
	return v * 65535 / ((1L << (4 * len)) - 1);
}

/* "rgb:RRRR/GGGG/BBBB" (or rgba:, 1 to 4 digits each) into RGB. */
static bool
ks_rgb(const char *s, unsigned rgb[3])
{
	size_t	len;
	long	v;
	int	i;

	if (strncmp(s, "rgb:", 4) == 0)
		s += 4;
	else if (strncmp(s, "rgba:", 5) == 0)
		s += 5;
	else
		return false;
	for (i = 0; i < 3; i++) {
		len = strcspn(s, "/");
		if ((v = ks_hex(s, len)) < 0 || (i < 2 && s[len] != '/'))
			return false;
		rgb[i] = (unsigned)v;
		s += len + (s[len] == '/');
	}
	return true;
}

/* The number before the first ';' of an OSC ("11"), or -1. */
static int
ks_osc_number(const struct keyseq *ks, size_t *semi)
{
	size_t	i;
	int	v = 0;

	for (i = 0; i < ks->n && i < 4 && ks->seq[i] != ';'; i++) {
		if (ks->seq[i] < '0' || ks->seq[i] > '9')
			return -1;
		v = v * 10 + (ks->seq[i] - '0');
	}
	*semi = i;
	return i > 0 && i < ks->n && ks->seq[i] == ';' ? v : -1;
}

/* An OSC ends: a colour reply, or nothing we asked for. */
static void
ks_osc(struct keyseq *ks, struct keyseq_event *ev, int *n)
{
	struct keyseq_event	 e;
	char			 text[KEYSEQ_MAX + 1];
	size_t			 semi = 0;

	memset(&e, 0, sizeof e);
	e.type = KEYSEQ_COLOR;
	ks->state = KS_GROUND;
	e.osc = ks->overflow ? -1 : ks_osc_number(ks, &semi);
	if (e.osc >= 0) {
		memcpy(text, ks->seq + semi + 1, ks->n - semi - 1);
		text[ks->n - semi - 1] = '\0';
	}
	if (e.osc < 0 || !ks_rgb(text, e.rgb))
		ks_add(ev, n, KEYSEQ_IGNORED);
	else
		ev[(*n)++] = e;
}

/* A byte of a CSI (after ESC [). */
static void
ks_csi_byte(struct keyseq *ks, unsigned char b, struct keyseq_event *ev,
    int *n)
{
	if (ks->n == 0 && !ks->overflow && b == 'M')
		ks_begin(ks, KS_X10);	/* three raw bytes follow */
	else if (b >= 0x20 && b <= 0x3f)
		ks_push(ks, b);
	else if (b >= 0x40 && b <= 0x7e) {
		ks->state = KS_GROUND;
		ks_csi(ks, b, ev, n);
	} else {
		ks->state = KS_GROUND;
		ks_add(ev, n, KEYSEQ_IGNORED);
		ks_ground(ks, b, ev, n);
	}
}

static void
ks_ss3_byte(struct keyseq *ks, unsigned char b, struct keyseq_event *ev,
    int *n)
{
	if (b >= 0x30 && b <= 0x3f)
		ks_push(ks, b);
	else if (b >= 0x40 && b <= 0x7e) {
		ks->state = KS_GROUND;
		ks_ss3(ks, b, ev, n);
	} else {
		ks->state = KS_GROUND;
		ks_add(ev, n, KEYSEQ_IGNORED);
		ks_ground(ks, b, ev, n);
	}
}

/*
 * A byte of an OSC. It must start with a digit: ESC ] and anything else
 * is Alt-] and that key.
 */
static void
ks_osc_byte(struct keyseq *ks, unsigned char b, struct keyseq_event *ev,
    int *n)
{
	if (ks->n == 0 && !ks->overflow && (b < '0' || b > '9')) {
		ks->state = KS_GROUND;
		ks_char(ev, n, KS_ESCAPE);
		ks_char(ev, n, ']');
		ks_ground(ks, b, ev, n);
	} else if (b == KS_BEL)
		ks_osc(ks, ev, n);
	else if (b == KS_ESCAPE)
		ks->state = KS_OSC_ESC;
	else if (b < 0x20 || b == 0x7f) {
		ks->state = KS_GROUND;
		ks_add(ev, n, KEYSEQ_IGNORED);
		ks_ground(ks, b, ev, n);
	} else
		ks_push(ks, b);
}

/* After ESC inside an OSC: \ ends it (ST); anything else breaks it. */
static void
ks_osc_esc(struct keyseq *ks, unsigned char b, struct keyseq_event *ev,
    int *n)
{
	if (b == '\\') {
		ks_osc(ks, ev, n);
		return;
	}
	ks_add(ev, n, KEYSEQ_IGNORED);
	ks->state = KS_ESC;
	ks_esc(ks, b, ev, n);
}

/* ESC [ M and three bytes, each 32 more than its value. */
static void
ks_x10(struct keyseq *ks, unsigned char b, struct keyseq_event *ev, int *n)
{
	ks->seq[ks->n++] = b;
	if (ks->n < 3)
		return;
	ks->state = KS_GROUND;
	ks_mouse(ev, n, ks->seq[0] - 32, ks->seq[1] - 32, ks->seq[2] - 32,
	    (ks->seq[0] & 3) != 3);
}

int
keyseq_byte(struct keyseq *ks, unsigned char b,
    struct keyseq_event ev[KEYSEQ_MAXEV])
{
	int	n = 0;

	switch (ks->state) {
	case KS_ESC:
		ks_esc(ks, b, ev, &n);
		break;
	case KS_CSI:
		ks_csi_byte(ks, b, ev, &n);
		break;
	case KS_SS3:
		ks_ss3_byte(ks, b, ev, &n);
		break;
	case KS_OSC:
		ks_osc_byte(ks, b, ev, &n);
		break;
	case KS_OSC_ESC:
		ks_osc_esc(ks, b, ev, &n);
		break;
	case KS_X10:
		ks_x10(ks, b, ev, &n);
		break;
	case KS_MB:
		ks_mb(ks, b, ev, &n);
		break;
	default:
		ks_ground(ks, b, ev, &n);
		break;
	}
	return n;
}

enum keyseq_wait
keyseq_pending(const struct keyseq *ks)
{
	if (ks->state == KS_GROUND)
		return KEYSEQ_IDLE;
	return ks->state == KS_ESC ? KEYSEQ_WAIT_ESC : KEYSEQ_WAIT_MORE;
}

int
keyseq_flush(struct keyseq *ks, struct keyseq_event ev[KEYSEQ_MAXEV])
{
	static const char	intro[] = { [KS_CSI] = '[', [KS_SS3] = 'O',
	    [KS_OSC] = ']' };
	int			n = 0, state = ks->state;

	ks->state = KS_GROUND;
	switch (state) {
	case KS_GROUND:
		break;
	case KS_ESC:
		ks_char(ev, &n, KS_ESCAPE);
		break;
	case KS_CSI:
	case KS_SS3:
	case KS_OSC:
		if (ks->n == 0 && !ks->overflow) {
			ks_char(ev, &n, KS_ESCAPE);
			ks_char(ev, &n, (uint32_t)intro[state]);
		} else
			ks_add(ev, &n, KEYSEQ_IGNORED);
		break;
	case KS_MB:
		ks_char(ev, &n, 0xfffd);
		break;
	default:
		ks_add(ev, &n, KEYSEQ_IGNORED);
		break;
	}
	ks->n = 0;
	return n;
}
