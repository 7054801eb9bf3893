/*
 * fold.c -- the search fold (fold.h): NFKC, case folding, marks,
 * Traditional/Simplified variants and white space, with an offset map.
 *
 * The text is cut into chunks that no normalisation crosses: a code point
 * on its own when the next one starts a new grapheme cluster (almost
 * always), else the whole cluster (a base and its combining marks, Hangul
 * jamo, ｶ with ﾞ). A lone code point is folded through the memo table: a
 * lazily filled table of 256-entry pages over the whole code space that
 * says what the code point folds to (one code point, nothing, a space, or
 * "several": the slow path). A cluster goes through u8_casefold() with
 * NFKC, then each code point of the result through the same table. So
 * libunistring and OpenCC see each distinct character once per context.
 *
 * Invariant: every folded byte has a map entry when a map is asked for,
 * and map entries never decrease within one string.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#ifdef HAVE_OPENCC
#include <opencc.h>
#endif

#include "fold.h"
#include "text.h"
#include "util.h"

#define FOLD_PAGE_BITS	8
#define FOLD_PAGE_SIZE	(1u << FOLD_PAGE_BITS)
#define FOLD_NPAGES	(0x110000u >> FOLD_PAGE_BITS)

/*
 * Memo entries. 0: not computed yet. Otherwise either a special value or
 * (folded code point + 1), with FOLD_M_WIDE set when the folded code
 * point is a wide (CJK) character, for the white space rule.
 */
#define FOLD_M_DROP	0xffffffffu	/* folds to nothing */
#define FOLD_M_SPACE	0xfffffffeu	/* white space */
#define FOLD_M_SLOW	0xfffffffdu	/* several code points */
#define FOLD_M_WIDE	0x40000000u
#define FOLD_M_CP	0x001fffffu

/* How often a variant is folded again (its own variant): a fixpoint. */
#define FOLD_VARIANT_STEPS 4

/* OpenCC configurations asked in turn: Taiwan, then Hong Kong forms. */
static const char *const fold_cc_names[] = { "tw2s.json", "hk2s.json" };
#define FOLD_NCC (sizeof fold_cc_names / sizeof fold_cc_names[0])

struct fold {
	bool		 want_variants;
	int		 cc_state;	/* 0 not tried, 1 open, -1 unavailable */
#ifdef HAVE_OPENCC
	opencc_t	 cc[FOLD_NCC];
#endif
	uint32_t	*memo[FOLD_NPAGES];
};

/*
 * Marks folded to one form. ALWAYS: conventions that differ by font or
 * keyboard only (curly and straight quotes, the two long dashes that GB
 * and Unicode texts use for ——, the middle dots of names). VARIANTS: the
 * corner brackets Taiwan and Hong Kong print where the mainland prints
 * quotation marks.
 */
static const struct fold_mark {
	ucs4_t	from, to;
	bool	variants;
} fold_marks[] = {
	{ 0x2015, 0x2014, false },	/* ― horizontal bar -> — */
	{ 0x2018, '\'', false },	/* ‘ */
	{ 0x2019, '\'', false },	/* ’ */
	{ 0x201A, '\'', false },	/* ‚ */
	{ 0x201B, '\'', false },	/* ‛ */
	{ 0x201C, '"', false },		/* “ */
	{ 0x201D, '"', false },		/* ” */
	{ 0x201E, '"', false },		/* „ */
	{ 0x201F, '"', false },		/* ‟ */
	{ 0x2027, 0x00B7, false },	/* ‧ hyphenation point (Big5) */
	{ 0x300C, '"', true },		/* 「 */
	{ 0x300D, '"', true },		/* 」 */
	{ 0x300E, '\'', true },		/* 『 */
	{ 0x300F, '\'', true },		/* 』 */
	{ 0x301C, '~', false },		/* 〜 wave dash */
	{ 0x301D, '"', false },		/* 〝 */
	{ 0x301E, '"', false },		/* 〞 */
	{ 0x301F, '"', false },		/* 〟 */
	{ 0x30FB, 0x00B7, false },	/* ・ katakana middle dot */
};

struct fold *
fold_new(bool variants)
{
	struct fold	*f = xcalloc(1, sizeof *f);

	f->want_variants = variants;
	return f;
}

void
fold_free(struct fold *f)
{
	size_t	i;

	if (f == NULL)
		return;
	for (i = 0; i < FOLD_NPAGES; i++)
		free(f->memo[i]);
#ifdef HAVE_OPENCC
	if (f->cc_state == 1)
		for (i = 0; i < FOLD_NCC; i++)
			if (f->cc[i] != (opencc_t)-1)
				opencc_close(f->cc[i]);
#endif
	free(f);
}

/* Open OpenCC on first need; variants stay off when it cannot be. */
static bool
fold_cc_open(struct fold *f)
{
#ifdef HAVE_OPENCC
	size_t	i;
	int	ok = 0;

	if (f->cc_state != 0)
		return f->cc_state == 1;
	for (i = 0; i < FOLD_NCC; i++) {
		f->cc[i] = opencc_open(fold_cc_names[i]);
		ok += f->cc[i] != (opencc_t)-1;
	}
	if (ok == 0) {
		f->cc_state = -1;
		return false;
	}
	f->cc_state = 1;
	return true;
#else
	f->cc_state = -1;
	return false;
#endif
}

bool
fold_variants(struct fold *f)
{
	return f->want_variants && fold_cc_open(f);
}

#ifdef HAVE_OPENCC
/* What converter CC makes of UC alone: one code point, else UC. */
static ucs4_t
fold_cc_char(opencc_t cc, ucs4_t uc)
{
	uint8_t	 in[8];
	char	*out;
	ucs4_t	 r = uc;
	int	 n, k;

	n = u8_uctomb(in, uc, sizeof in - 1);
	if (n <= 0)
		return uc;
	in[n] = '\0';
	out = opencc_convert_utf8(cc, (const char *)in, (size_t)n);
	if (out == NULL)
		return uc;
	k = u8_mbtouc(&r, (const uint8_t *)out, strlen(out));
	if (k <= 0 || out[k] != '\0')
		r = uc;
	opencc_convert_utf8_free(out);
	return r;
}
#endif

/* The Simplified form of Han character UC (UC itself without one). */
static ucs4_t
fold_han(struct fold *f, ucs4_t uc)
{
#ifdef HAVE_OPENCC
	ucs4_t	nx;
	size_t	step, i;

	if (!fold_variants(f))
		return uc;
	for (step = 0; step < FOLD_VARIANT_STEPS; step++) {
		nx = uc;
		for (i = 0; i < FOLD_NCC && nx == uc; i++)
			if (f->cc[i] != (opencc_t)-1)
				nx = fold_cc_char(f->cc[i], uc);
		if (nx == uc || !text_is_han(nx))
			break;
		uc = nx;
	}
#else
	(void)f;
#endif
	return uc;
}

static ucs4_t
fold_mark(const struct fold *f, ucs4_t uc)
{
	size_t	lo = 0, hi = sizeof fold_marks / sizeof fold_marks[0], mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fold_marks[mid].from < uc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < sizeof fold_marks / sizeof fold_marks[0] &&
	    fold_marks[lo].from == uc &&
	    (!fold_marks[lo].variants || f->want_variants))
		return fold_marks[lo].to;
	return uc;
}

/*
 * The memo entry of code point C already normalised and case folded:
 * marks and variants, white space, width.
 */
static uint32_t
fold_entry(struct fold *f, ucs4_t c)
{
	if (uc_is_property_default_ignorable_code_point(c))
		return FOLD_M_DROP;
	if (uc_is_property_white_space(c))
		return FOLD_M_SPACE;
	c = fold_mark(f, c);
	if (text_is_han(c))
		c = fold_han(f, c);
	return (c + 1) | (uc_width(c, "UTF-8") == 2 ? FOLD_M_WIDE : 0);
}

/* Compute the memo entry of UC on its own. */
static uint32_t
fold_compute(struct fold *f, ucs4_t uc)
{
	uint8_t		 in[8], buf[64], *r;
	size_t		 len = sizeof buf;
	ucs4_t		 c;
	uint32_t	 m;
	int		 n, k;

	if (uc_is_property_default_ignorable_code_point(uc))
		return FOLD_M_DROP;
	n = u8_uctomb(in, uc, sizeof in);
	if (n <= 0)
		return (uc + 1);
	r = u8_casefold(in, (size_t)n, "", UNINORM_NFKC, buf, &len);
	if (r == NULL)
		return (uc + 1);
	if (len == 0)
		m = FOLD_M_DROP;
	else {
		k = u8_mbtouc(&c, r, len);
		m = (size_t)k == len ? fold_entry(f, c) : FOLD_M_SLOW;
	}
	if (r != buf)
		free(r);
	return m;
}

static inline uint32_t
fold_memo(struct fold *f, ucs4_t uc)
{
	uint32_t	*pg;

	if (uc >= 0x110000)
		uc = 0xfffd;
	pg = f->memo[uc >> FOLD_PAGE_BITS];
	if (pg == NULL)
		pg = f->memo[uc >> FOLD_PAGE_BITS] = xcalloc(FOLD_PAGE_SIZE,
		    sizeof *pg);
	if (pg[uc & (FOLD_PAGE_SIZE - 1)] == 0)
		pg[uc & (FOLD_PAGE_SIZE - 1)] = fold_compute(f, uc);
	return pg[uc & (FOLD_PAGE_SIZE - 1)];
}

/*
 * May a normalisation join code points A and B? Nothing below U+0300
 * extends a cluster, nor does a Han character, CJK or general
 * punctuation or a full-width form (the tone marks U+302A-302F and the
 * half-width sound marks U+FF9E-FF9F do); otherwise ask libunistring.
 */
static inline bool
fold_break(ucs4_t a, ucs4_t b)
{
	if (b < 0x300 || (b >= 0x3400 && b <= 0x9fff) ||
	    (b >= 0x3000 && b <= 0x3029) || (b >= 0x2010 && b <= 0x2027) ||
	    (b >= 0xff00 && b <= 0xff9d))
		return true;
	return uc_is_grapheme_break(a, b);
}

/* Decode S[I..N): the code point in *UC, its length returned. */
static inline size_t
fold_decode(const char *s, size_t n, size_t i, ucs4_t *uc)
{
	const unsigned char	*p = (const unsigned char *)s + i;
	ucs4_t			 u;
	int			 k;

	if (p[0] < 0x80) {
		*uc = p[0];
		return 1;
	}
	/* Three bytes, the size of every CJK character of the BMP. */
	if ((p[0] & 0xf0) == 0xe0 && n - i >= 3 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80) {
		u = (ucs4_t)(p[0] & 0x0f) << 12 | (ucs4_t)(p[1] & 0x3f) << 6 |
		    (p[2] & 0x3f);
		if (u >= 0x800 && (u < 0xd800 || u > 0xdfff)) {
			*uc = u;
			return 3;
		}
	}
	k = u8_mbtouc(uc, p, n - i);
	return k > 0 ? (size_t)k : 1;
}

/* End of the chunk that starts at S[I] with code point UC of length L. */
static size_t
fold_chunk_end(const char *s, size_t n, size_t i, ucs4_t uc, size_t l)
{
	size_t	j = i + l, k;
	ucs4_t	nx;

	while (j < n) {
		k = fold_decode(s, n, j, &nx);
		if (fold_break(uc, nx))
			break;
		uc = nx;
		j += k;
	}
	return j;
}

/* The state of one fold_add() call. */
struct fold_out {
	struct fold_buf	*b;
	bool		 want_map;
	size_t		 start;		/* b->len when the string began */
	bool		 pending;	/* white space seen, not yet written */
	uint32_t	 pend_off;
	bool		 prev_wide;
};

static void
fold_grow(struct fold_out *o, size_t more)
{
	struct fold_buf	*b = o->b;

	if (b->len + more + 1 > b->cap)
		b->s = util_grow(b->s, &b->cap, b->len + more + 1, 1);
	if (o->want_map && b->len + more > b->mapcap)
		b->map = util_grow(b->map, &b->mapcap, b->len + more,
		    sizeof *b->map);
}

/* Append K (at most 8) bytes that came from offset OFF. */
static inline void
fold_put(struct fold_out *o, const uint8_t *bytes, size_t k, uint32_t off)
{
	struct fold_buf	*b = o->b;
	size_t		 i;

	if (b->len + k >= b->cap || (o->want_map && b->len + k > b->mapcap))
		fold_grow(o, k < 64 ? 64 : k);
	for (i = 0; i < k; i++)
		b->s[b->len + i] = (char)bytes[i];
	if (o->want_map)
		for (i = 0; i < k; i++)
			b->map[b->len + i] = off;
	b->len += k;
}

/* Settle white space before a character (WIDE or not) is written. */
static inline void
fold_settle(struct fold_out *o, bool wide)
{
	if (o->b->len > o->start && !o->prev_wide && !wide)
		fold_put(o, (const uint8_t *)" ", 1, o->pend_off);
	o->pending = false;
}

/* Write folded code point C (WIDE or not) that came from offset OFF. */
static void
fold_emit(struct fold_out *o, ucs4_t c, bool wide, uint32_t off)
{
	uint8_t	u[8];
	int	k;

	if (o->pending)
		fold_settle(o, wide);
	if (c < 0x80) {
		u[0] = (uint8_t)c;
		k = 1;
	} else if ((k = u8_uctomb(u, c, sizeof u)) <= 0) {
		return;
	}
	fold_put(o, u, (size_t)k, off);
	o->prev_wide = wide;
}

static void
fold_space(struct fold_out *o, uint32_t off)
{
	if (!o->pending) {
		o->pending = true;
		o->pend_off = off;
	}
}

/* Write what memo entry M says, for a code point UC at OFF. */
static void
fold_apply(struct fold_out *o, uint32_t m, ucs4_t uc, uint32_t off)
{
	switch (m) {
	case FOLD_M_DROP:
		return;
	case FOLD_M_SPACE:
		fold_space(o, off);
		return;
	case FOLD_M_SLOW:
		/* Only for code points of a cluster's fold: keep them. */
		fold_emit(o, uc, uc_width(uc, "UTF-8") == 2, off);
		return;
	}
	fold_emit(o, (m & FOLD_M_CP) - 1, (m & FOLD_M_WIDE) != 0, off);
}

/* A cluster or a code point that folds to several: libunistring. */
static void
fold_slow(struct fold *f, struct fold_out *o, const char *s, size_t n,
    uint32_t off)
{
	uint8_t		 buf[128], *r;
	size_t		 len = sizeof buf, i;
	ucs4_t		 c;
	int		 k;

	r = u8_casefold((const uint8_t *)s, n, "", UNINORM_NFKC, buf, &len);
	if (r == NULL) {
		r = (uint8_t *)s;	/* only read below */
		len = n;
	}
	for (i = 0; i < len; i += (size_t)k) {
		k = u8_mbtouc(&c, r + i, len - i);
		if (k <= 0)
			k = 1;
		fold_apply(o, fold_memo(f, c), c, off);
	}
	if (r != buf && r != (const uint8_t *)s)
		free(r);
}

/* One ASCII byte C at OFF: lower case, white space, or as it is. */
static inline void
fold_ascii(struct fold_out *o, unsigned char c, uint32_t off)
{
	uint8_t	ch;

	if (c == ' ' || (c >= '\t' && c <= '\r')) {
		fold_space(o, off);
		return;
	}
	if (o->pending)
		fold_settle(o, false);
	ch = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	fold_put(o, &ch, 1, off);
	o->prev_wide = false;
}

/*
 * Code point UC, bytes S[0..L) at OFF, whose memo entry M is a code
 * point: the common case, written without encoding when it is unchanged.
 */
static inline void
fold_char(struct fold_out *o, uint32_t m, ucs4_t uc, const char *s, size_t l,
    uint32_t off)
{
	bool	wide = (m & FOLD_M_WIDE) != 0;

	if ((m & FOLD_M_CP) - 1 != uc || uc == 0xfffd) {
		fold_emit(o, (m & FOLD_M_CP) - 1, wide, off);
		return;
	}
	if (o->pending)
		fold_settle(o, wide);
	fold_put(o, (const uint8_t *)s, l, off);
	o->prev_wide = wide;
}

void
fold_add(struct fold *f, struct fold_buf *b, const char *s, size_t n,
    bool want_map)
{
	struct fold_out	 o;
	size_t		 i = 0, l, j;
	ucs4_t		 uc, nx;
	uint32_t	 off, m;

	memset(&o, 0, sizeof o);
	o.b = b;
	o.want_map = want_map;
	o.start = b->len;
	fold_grow(&o, n);
	while (i < n) {
		off = i > UINT32_MAX ? UINT32_MAX : (uint32_t)i;
		if ((unsigned char)s[i] < 0x80 && (i + 1 == n ||
		    (unsigned char)s[i + 1] < 0x80)) {
			fold_ascii(&o, (unsigned char)s[i], off);
			i++;
			continue;
		}
		l = fold_decode(s, n, i, &uc);
		if (i + l < n) {
			fold_decode(s, n, i + l, &nx);
			if (!fold_break(uc, nx)) {
				j = fold_chunk_end(s, n, i, uc, l);
				fold_slow(f, &o, s + i, j - i, off);
				i = j;
				continue;
			}
		}
		m = fold_memo(f, uc);
		if (m < FOLD_M_SLOW)
			fold_char(&o, m, uc, s + i, l, off);
		else if (m == FOLD_M_SLOW)
			fold_slow(f, &o, s + i, l, off);
		else
			fold_apply(&o, m, uc, off);
		i += l;
	}
	if (b->s != NULL)
		b->s[b->len] = '\0';
}

void
fold_add_sep(struct fold_buf *b, bool want_map)
{
	struct fold_out	o;

	memset(&o, 0, sizeof o);
	o.b = b;
	o.want_map = want_map;
	fold_put(&o, (const uint8_t *)"", 1, 0);
	b->s[b->len] = '\0';
}

char *
fold_query(struct fold *f, const char *query, size_t *len)
{
	struct fold_buf	b;

	fold_buf_init(&b);
	fold_add(f, &b, query, strlen(query), false);
	if (b.s == NULL)
		b.s = xstrdup("");
	if (len != NULL)
		*len = b.len;
	return b.s;
}

void
fold_span(const struct fold_buf *b, const char *s, size_t n, size_t fs,
    size_t fe, size_t *os, size_t *oe)
{
	size_t	last, l;
	ucs4_t	uc;

	*os = b->map[fs];
	last = b->map[fe - 1];
	if (last >= n) {
		*oe = n;
		return;
	}
	l = fold_decode(s, n, last, &uc);
	*oe = fold_chunk_end(s, n, last, uc, l);
}

void
fold_buf_init(struct fold_buf *b)
{
	memset(b, 0, sizeof *b);
}

void
fold_buf_clear(struct fold_buf *b)
{
	free(b->s);
	free(b->map);
	memset(b, 0, sizeof *b);
}
