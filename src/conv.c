/*
 * conv.c -- byte order marks, encoding detection and conversion of a
 * whole file to UTF-8.
 *
 * Detection (conv_guess) goes through these steps and stops at the first
 * that decides; each records a reason that --check can show:
 *
 *  1. A byte order mark (UTF-8, UTF-32LE/BE, UTF-16LE/BE, GB18030).
 *  2. NUL bytes. Text in UTF-16 without a BOM has NULs in the high byte
 *     of every ASCII character (a line end is enough), all at odd offsets
 *     (LE) or all at even offsets (BE). NULs at both parities, or a zero
 *     code unit, mean a binary file. Many other control bytes do too.
 *  3. Strict UTF-8 (u8_check): legacy double-byte text of any length is
 *     almost never valid UTF-8 by accident.
 *  4. An encoding declared by an XML prolog or an HTML <meta> tag.
 *  5. Nearly valid UTF-8: many well-formed multi-byte sequences and few
 *     bad bytes is a damaged UTF-8 file, not a legacy one.
 *  6. Trial decodes of a sample as GB18030 and BIG5, both of which nearly
 *     always succeed on the other's bytes, scored by plausibility: the
 *     share of Han characters that are among the 60 most frequent ones of
 *     each script, the share of double-byte pairs whose trail byte is in
 *     0x40-0x7E (about 45 % in Big5, 0 in GB2312-range text) and the
 *     invalid sequences each decoder met. Big5 text that BIG5 cannot
 *     decode but BIG5-HKSCS can is BIG5-HKSCS.
 *
 * Conversion runs iconv (or, for UTF-8, u8_check and a copy) over the
 * whole input. Every invalid sequence becomes U+FFFD and a diagnostic
 * whose line and column are counted in the output produced so far, which
 * has the same line ends as the source (LF, CRLF or CR are kept as they
 * are). A sequence cut by the end of the file is reported and replaced
 * too. Per-sequence diagnostics stop after CONV_MAX_DIAGS and a summary
 * gives the rest.
 *
 * GB2312, GBK and CP936 are decoded by the GB18030 decoder (glibc's
 * GB2312 table maps A1AA differently), with CP936's lone 0x80 read as
 * the euro sign. In GB-family text a '?' between double-byte characters
 * after which the bytes decode better one byte later is counted as
 * damage (the SogouCA corpus has such text: a byte replaced by '?').
 */

#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "i18n.h"
#include "util.h"
#include "diag.h"
#include "conv.h"

/* Bytes examined by detection (the sample is cut at a line end). */
#define CONV_SAMPLE		CONV_STREAM_START	/* conv.h */
/* How far an XML or HTML encoding declaration is looked for. */
#define CONV_DECL_SPAN		2048
/* Diagnostics for single invalid sequences before a summary. */
#define CONV_MAX_DIAGS		20
/* Damage diagnostics before a summary. */
#define CONV_MAX_DAMAGE		20
/* Bytes of an invalid run shown in its diagnostic. */
#define CONV_SHOW_BYTES		8
/* Bytes after a '?' compared by the damage check. */
#define CONV_DAMAGE_SPAN	48
/* Han characters from which a low common share speaks against both
 * GB18030 and Big5. */
#define CONV_FEW_HAN		20
/* A legacy guess below this confidence gets a warning. */
#define CONV_UNSURE		60

enum conv_kind {
	CONV_UTF8,		/* u8_check and copy */
	CONV_ICONV,		/* iconv with DECODER */
	CONV_BINARY		/* not text */
};

struct conv_guess {
	enum conv_kind	 kind;
	const char	*name;		/* canonical name, static */
	const char	*decoder;	/* iconv name */
	int		 confidence;
	size_t		 skip;		/* bytes of BOM */
	bool		 valid;		/* the whole input passed u8_check */
	bool		 poor;		/* reads poorly in every candidate */
	char		 reason[160];
};

/* Statistics of one trial decode. */
struct conv_trial {
	size_t	errors;		/* invalid sequences */
	size_t	han;		/* Han characters */
	size_t	top;		/* of which among the most frequent */
};

/* One conversion in progress. */
struct conv_run {
	const char		*path;
	const char		*encname;	/* shown in diagnostics */
	struct diag_list	*diags;		/* NULL: count only */
	char			*out;
	size_t			 len;
	size_t			 cap;
	size_t			 replaced;
	size_t			 ndiags;	/* per-sequence ones added */
	size_t			 dropped;	/* ... and not added */
	/* Line and column at output offset pos_done. */
	size_t			 pos_done;
	size_t			 line;
	size_t			 col;
	bool			 pos_cr;
	/* A run of adjacent invalid bytes not reported yet. */
	const unsigned char	*bad;		/* NULL when none */
	size_t			 badlen;
	size_t			 badline;
	size_t			 badcol;
	size_t			 badseqs;
};

/*
 * The 60 most frequent characters of modern Chinese text, Simplified
 * (的一是不了在人有我他这个们中来上大为和国…) and their Taiwan forms
 * (…這個們中來上大為和國…), sorted by code point for bsearch.
 */
static const uint32_t conv_top_gb[] = {
	0x4e00, 0x4e0a, 0x4e0b, 0x4e0d, 0x4e2a, 0x4e2d, 0x4e3a, 0x4e4b,
	0x4e5f, 0x4e86, 0x4e8b, 0x4e8e, 0x4eba, 0x4ed6, 0x4ee5, 0x4eec,
	0x4f1a, 0x4f5c, 0x4f60, 0x51fa, 0x5230, 0x53d1, 0x53ef, 0x540e,
	0x548c, 0x56fd, 0x5728, 0x5730, 0x5927, 0x5b50, 0x5bb6, 0x5bf9,
	0x5c31, 0x5e74, 0x5f97, 0x6210, 0x6211, 0x6240, 0x65b9, 0x65f6,
	0x662f, 0x6709, 0x6765, 0x7136, 0x751f, 0x7528, 0x7684, 0x7740,
	0x79cd, 0x800c, 0x80fd, 0x81ea, 0x884c, 0x8981, 0x8bf4, 0x8fc7,
	0x8fd9, 0x9053, 0x90a3, 0x91cc
};
static const uint32_t conv_top_b5[] = {
	0x4e00, 0x4e0a, 0x4e0b, 0x4e0d, 0x4e2d, 0x4e4b, 0x4e5f, 0x4e86,
	0x4e8b, 0x4eba, 0x4ed6, 0x4ee5, 0x4f5c, 0x4f60, 0x4f86, 0x500b,
	0x5011, 0x51fa, 0x5230, 0x53ef, 0x548c, 0x570b, 0x5728, 0x5730,
	0x5927, 0x5b50, 0x5bb6, 0x5c0d, 0x5c31, 0x5e74, 0x5f8c, 0x5f97,
	0x6210, 0x6211, 0x6240, 0x65b9, 0x65bc, 0x662f, 0x6642, 0x6703,
	0x6709, 0x70ba, 0x7136, 0x751f, 0x7528, 0x767c, 0x7684, 0x7a2e,
	0x800c, 0x80fd, 0x81ea, 0x8457, 0x884c, 0x88e1, 0x8981, 0x8aaa,
	0x9019, 0x904e, 0x9053, 0x90a3
};
/* The same Simplified characters as GB2312 byte pairs. */
static const uint16_t conv_top_gbbytes[] = {
	0xb2bb, 0xb3c9, 0xb3f6, 0xb4f3, 0xb5bd, 0xb5c0, 0xb5c3, 0xb5c4,
	0xb5d8, 0xb6d4, 0xb6f8, 0xb7a2, 0xb7bd, 0xb8f6, 0xb9fa, 0xb9fd,
	0xbacd, 0xbaf3, 0xbbe1, 0xbcd2, 0xbecd, 0xbfc9, 0xc0b4, 0xc0ef,
	0xc1cb, 0xc3c7, 0xc4c7, 0xc4dc, 0xc4e3, 0xc4ea, 0xc8bb, 0xc8cb,
	0xc9cf, 0xc9fa, 0xcab1, 0xcac2, 0xcac7, 0xcbb5, 0xcbf9, 0xcbfb,
	0xceaa, 0xced2, 0xcfc2, 0xd0d0, 0xd2aa, 0xd2b2, 0xd2bb, 0xd2d4,
	0xd3c3, 0xd3d0, 0xd3da, 0xd4da, 0xd5e2, 0xd6ae, 0xd6d0, 0xd6d6,
	0xd7c5, 0xd7d3, 0xd7d4, 0xd7f7
};

#define CONV_NITEMS(a)	(sizeof(a) / sizeof((a)[0]))
/* The block of the frequent characters (a bitmap while scoring). */
#define CONV_HAN_START	0x4e00
#define CONV_HAN_END	0xa000

/*
 * Other ASCII-compatible encodings a declaration may name (UTF-16 and
 * UTF-32 declarations in ASCII-compatible bytes are wrong by definition
 * and ignored).
 */
static const char *const conv_other[] = {
	"BIG5-HKSCS", "EUC-TW", "EUC-JP", "SHIFT_JIS", "EUC-KR",
	"ISO-8859-1", "WINDOWS-1252", "US-ASCII"
};

static int
conv_cmp_u16(const void *a, const void *b)
{
	uint16_t x = *(const uint16_t *)a, y = *(const uint16_t *)b;

	return x < y ? -1 : x > y;
}

static bool
conv_is_han(ucs4_t uc)
{
	return (uc >= 0x3400 && uc <= 0x4dbf) ||
	    (uc >= 0x4e00 && uc <= 0x9fff) ||
	    (uc >= 0xf900 && uc <= 0xfaff) ||
	    (uc >= 0x20000 && uc <= 0x3134f);
}

/* True for the names decoded by the GB18030 decoder. */
static bool
conv_is_gb_family(const char *name)
{
	static const char *const names[] = {
		"GB18030", "GBK", "GB2312", "CP936", "X-GBK", "EUC-CN",
		"EUCCN", "GB_2312-80", "CSGB2312", "MS936", "WINDOWS-936"
	};
	size_t i;

	for (i = 0; i < CONV_NITEMS(names); i++)
		if (strcasecmp(name, names[i]) == 0)
			return true;
	return false;
}

static bool
conv_is_big5_family(const char *name)
{
	return strcasecmp(name, "BIG5") == 0 ||
	    strcasecmp(name, "BIG-5") == 0 ||
	    strcasecmp(name, "CP950") == 0 ||
	    strcasecmp(name, "X-X-BIG5") == 0 ||
	    strcasecmp(name, "CSBIG5") == 0;
}

static bool
conv_is_utf8_name(const char *name)
{
	return strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0;
}

/*
 * Output buffer and position bookkeeping.
 */

static void
conv_run_reserve(struct conv_run *r, size_t more)
{
	if (r->cap - r->len < more + 1) {
		r->out = util_grow(r->out, &r->cap, r->len + more + 1, 1);
	}
}

static void
conv_run_add(struct conv_run *r, const void *p, size_t n)
{
	conv_run_reserve(r, n);
	memcpy(r->out + r->len, p, n);
	r->len += n;
}

/*
 * Bring r->line and r->col up to the end of the output. A line ends at
 * LF, at CR not followed by LF, or at CRLF (the pair counts once); the
 * column counts characters (UTF-8 lead bytes).
 */
static void
conv_run_locate(struct conv_run *r)
{
	const unsigned char *p = (const unsigned char *)r->out;
	size_t i;

	for (i = r->pos_done; i < r->len; i++) {
		unsigned char c = p[i];

		if (c == '\n') {
			if (!r->pos_cr)
				r->line++;
			r->col = 1;
			r->pos_cr = false;
		} else if (c == '\r') {
			r->line++;
			r->col = 1;
			r->pos_cr = true;
		} else {
			if ((c & 0xc0) != 0x80)
				r->col++;
			r->pos_cr = false;
		}
	}
	r->pos_done = r->len;
}

static void
conv_hex(char *dst, size_t size, const unsigned char *p, size_t n)
{
	size_t i, used = 0;

	dst[0] = '\0';
	for (i = 0; i < n && i < CONV_SHOW_BYTES && used + 6 < size; i++)
		used += snprintf(dst + used, size - used, "%s0x%02X",
		    i > 0 ? " " : "", p[i]);
	if (n > CONV_SHOW_BYTES && used + 5 < size)
		snprintf(dst + used, size - used, " ...");
}

/* Report the pending run of invalid bytes, if any. */
static void
conv_run_flush_bad(struct conv_run *r)
{
	char hex[CONV_SHOW_BYTES * 5 + 8];

	if (r->bad == NULL)
		return;
	if (r->diags != NULL && r->ndiags < CONV_MAX_DIAGS) {
		conv_hex(hex, sizeof hex, r->bad, r->badlen);
		if (r->badseqs == 1)
			diag_add(r->diags, DIAG_WARNING, r->path, r->badline,
			    r->badcol,
			    _("invalid %s sequence (%s) replaced by U+FFFD"),
			    r->encname, hex);
		else
			diag_add(r->diags, DIAG_WARNING, r->path, r->badline,
			    r->badcol,
			    _("%zu invalid %s sequences (%s) replaced by "
			    "U+FFFD"), r->badseqs, r->encname, hex);
		r->ndiags++;
	} else
		r->dropped += r->badseqs;
	r->bad = NULL;
}

/*
 * Replace the invalid sequence P[0..N) by U+FFFD. Adjacent sequences are
 * reported together.
 */
static void
conv_run_bad(struct conv_run *r, const unsigned char *p, size_t n)
{
	if (r->bad != NULL && r->bad + r->badlen == p) {
		r->badlen += n;
		r->badseqs++;
	} else {
		conv_run_flush_bad(r);
		conv_run_locate(r);
		r->bad = p;
		r->badlen = n;
		r->badseqs = 1;
		r->badline = r->line;
		r->badcol = r->col;
	}
	conv_run_add(r, "\xef\xbf\xbd", 3);
	r->replaced++;
}

/* Replace the sequence P[0..N) cut by the end of the input. */
static void
conv_run_truncated(struct conv_run *r, const unsigned char *p, size_t n)
{
	char hex[CONV_SHOW_BYTES * 5 + 8];

	conv_run_flush_bad(r);
	conv_run_locate(r);
	if (r->diags != NULL) {
		conv_hex(hex, sizeof hex, p, n);
		diag_add(r->diags, DIAG_WARNING, r->path, r->line, r->col,
		    _("%s sequence (%s) cut short by the end of the file, "
		    "replaced by U+FFFD"), r->encname, hex);
	}
	conv_run_add(r, "\xef\xbf\xbd", 3);
	r->replaced++;
}

static void
conv_run_finish(struct conv_run *r)
{
	conv_run_flush_bad(r);
	if (r->diags != NULL && r->dropped > 0)
		diag_add(r->diags, DIAG_WARNING, r->path, 0, 0,
		    P_("%zu more invalid %s sequence replaced by U+FFFD",
		    "%zu more invalid %s sequences replaced by U+FFFD",
		    r->dropped), r->dropped, r->encname);
	conv_run_reserve(r, 0);
	r->out[r->len] = '\0';
}

static void
conv_run_init(struct conv_run *r, const char *path, const char *encname,
    struct diag_list *diags, size_t guess)
{
	memset(r, 0, sizeof *r);
	r->path = path;
	r->encname = encname;
	r->diags = diags;
	r->line = 1;
	r->col = 1;
	conv_run_reserve(r, guess);
}

/*
 * Copy UTF-8 input, replacing each maximal invalid subpart (as
 * u8_mbtouc measures it) by U+FFFD.
 */
static void
conv_run_utf8(struct conv_run *r, const unsigned char *s, size_t n)
{
	const unsigned char *p = s, *end = s + n, *q;
	ucs4_t uc;
	int len;

	while (p < end) {
		q = u8_check(p, end - p);
		if (q == NULL) {
			conv_run_add(r, p, end - p);
			break;
		}
		conv_run_add(r, p, q - p);
		if (u8_mbtoucr(&uc, q, end - q) == -2) {
			conv_run_truncated(r, q, end - q);
			break;
		}
		len = u8_mbtouc(&uc, q, end - q);
		if (len < 1)
			len = 1;
		conv_run_bad(r, q, len);
		p = q + len;
	}
}

/* Bytes an invalid sequence of DECODER takes at P (at least 1). */
static size_t
conv_unit(const char *decoder)
{
	if (strncasecmp(decoder, "UTF-16", 6) == 0 ||
	    strncasecmp(decoder, "UCS-2", 5) == 0)
		return 2;
	if (strncasecmp(decoder, "UTF-32", 6) == 0 ||
	    strncasecmp(decoder, "UCS-4", 5) == 0)
		return 4;
	return 1;
}

/*
 * Convert with iconv; CD converts from DECODER to UTF-8. GB is true for
 * the GB18030 decoder, where a lone 0x80 is CP936's euro sign.
 */
static void
conv_run_iconv(struct conv_run *r, iconv_t cd, const char *decoder, bool gb,
    const unsigned char *s, size_t n)
{
	char *in = (char *)s, *outp;
	size_t inleft = n, outleft, unit, k;

	unit = conv_unit(decoder);
	while (inleft > 0) {
		conv_run_reserve(r, inleft + inleft / 2 + 16);
		outp = r->out + r->len;
		outleft = r->cap - r->len - 1;
		k = iconv(cd, (ICONV_CONST char **)&in, &inleft, &outp,
		    &outleft);
		r->len = outp - r->out;
		if (k != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL) {
			/* The input ends inside a sequence. */
			conv_run_truncated(r, (unsigned char *)in, inleft);
			inleft = 0;
			break;
		}
		if (errno != EILSEQ)
			fatal("iconv");
		if (gb && (unsigned char)*in == 0x80) {
			conv_run_add(r, "\xe2\x82\xac", 3);
			in++;
			inleft--;
			continue;
		}
		k = unit < inleft ? unit : inleft;
		conv_run_bad(r, (unsigned char *)in, k);
		in += k;
		inleft -= k;
	}
	outp = r->out + r->len;
	outleft = r->cap - r->len - 1;
	iconv(cd, NULL, NULL, &outp, &outleft);
	r->len = outp - r->out;
}

static iconv_t
conv_open(const char *decoder)
{
	return iconv_open("UTF-8", decoder);
}

/*
 * Detection.
 */

/* Length of a sample of S[0..N) that ends at a line end when possible. */
static size_t
conv_sample_len(const unsigned char *s, size_t n)
{
	const unsigned char *nl;

	if (n <= CONV_SAMPLE)
		return n;
	nl = memrchr(s, '\n', CONV_SAMPLE);
	return nl != NULL ? (size_t)(nl - s) + 1 : CONV_SAMPLE;
}

/*
 * Decode S[0..N) with DECODER and count errors, Han characters and the
 * most frequent ones of TOP. Returns false when iconv lacks DECODER.
 */
static bool
conv_trial(const char *decoder, const unsigned char *s, size_t n,
    const uint32_t *top, size_t ntop, struct conv_trial *t)
{
	struct conv_run r;
	iconv_t cd;
	const uint8_t *p, *end;
	uint8_t bits[(CONV_HAN_END - CONV_HAN_START) / 8];
	ucs4_t uc;
	size_t i;
	int len;

	memset(t, 0, sizeof *t);
	memset(bits, 0, sizeof bits);
	for (i = 0; i < ntop; i++)
		if (top[i] >= CONV_HAN_START && top[i] < CONV_HAN_END)
			bits[(top[i] - CONV_HAN_START) / 8] |=
			    1 << (top[i] % 8);
	if ((cd = conv_open(decoder)) == (iconv_t)-1)
		return false;
	conv_run_init(&r, NULL, decoder, NULL, n + n / 2);
	conv_run_iconv(&r, cd, decoder, conv_is_gb_family(decoder), s, n);
	iconv_close(cd);
	conv_run_finish(&r);
	t->errors = r.replaced;
	p = (const uint8_t *)r.out;
	end = p + r.len;
	while (p < end) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		if ((*p & 0xf0) == 0xe0 && end - p >= 3) {
			/* The output is valid UTF-8. */
			uc = (ucs4_t)(p[0] & 0x0f) << 12 |
			    (ucs4_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			len = 3;
		} else
			len = u8_mbtouc(&uc, p, end - p);
		if (conv_is_han(uc)) {
			t->han++;
			if (uc >= CONV_HAN_START && uc < CONV_HAN_END &&
			    (bits[(uc - CONV_HAN_START) / 8] &
			    (1 << (uc % 8))) != 0)
				t->top++;
		}
		p += len > 0 ? len : 1;
	}
	free(r.out);
	return true;
}

/*
 * Count double-byte pairs of S[0..N) (read as GB18030 or Big5 would:
 * a byte >= 0x81 starts a pair, or a GB18030 four-byte sequence when
 * the next byte is a digit) and those whose trail byte is 0x40-0x7E.
 */
static void
conv_trail_stat(const unsigned char *s, size_t n, size_t *pairs,
    size_t *low)
{
	size_t i = 0;

	*pairs = *low = 0;
	while (i < n) {
		if (s[i] < 0x81 || i + 1 >= n) {
			i++;
			continue;
		}
		if (s[i + 1] >= 0x30 && s[i + 1] <= 0x39) {
			i += 4;
			continue;
		}
		(*pairs)++;
		if (s[i + 1] >= 0x40 && s[i + 1] <= 0x7e)
			(*low)++;
		i += 2;
	}
}

/*
 * Find an encoding declared in the first bytes: an XML prolog
 * (<?xml ... encoding="NAME"?>) or an HTML <meta ... charset=NAME>.
 * Copies NAME to BUF and returns true.
 */
static bool
conv_find_decl(const unsigned char *s, size_t n, char *buf, size_t size)
{
	const char *p, *end, *key, *stop;
	size_t len, i;

	if (n > CONV_DECL_SPAN)
		n = CONV_DECL_SPAN;
	p = (const char *)s;
	end = p + n;
	while (p < end && isspace((unsigned char)*p))
		p++;
	key = NULL;
	if (end - p > 5 && strncmp(p, "<?xml", 5) == 0) {
		stop = memmem(p, end - p, "?>", 2);
		if (stop == NULL)
			stop = end;
		key = memmem(p, stop - p, "encoding", 8);
		if (key != NULL)
			key += 8;
	}
	for (p = (const char *)s; key == NULL && p < end; p++) {
		if (*p != '<' || end - p < 5 || strncasecmp(p, "<meta", 5) != 0)
			continue;
		stop = memchr(p, '>', end - p);
		if (stop == NULL)
			stop = end;
		for (; p + 7 <= stop; p++)
			if (strncasecmp(p, "charset", 7) == 0) {
				key = p + 7;
				break;
			}
	}
	if (key == NULL)
		return false;
	p = key;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p >= end || *p++ != '=')
		return false;
	while (p < end && (isspace((unsigned char)*p) || *p == '"' ||
	    *p == '\''))
		p++;
	for (len = 0; p + len < end && len + 1 < size; len++) {
		unsigned char c = p[len];

		if (!isalnum(c) && c != '-' && c != '_' && c != '.' &&
		    c != ':')
			break;
	}
	if (len == 0)
		return false;
	for (i = 0; i < len; i++)
		buf[i] = toupper((unsigned char)p[i]);
	buf[len] = '\0';
	return true;
}

/*
 * Count well-formed multi-byte UTF-8 sequences (*GOOD) and maximal
 * invalid subparts (*BAD) in S[0..N).
 */
static void
conv_utf8_stat(const unsigned char *s, size_t n, size_t *good, size_t *bad)
{
	const unsigned char *p = s, *end = s + n;
	ucs4_t uc;
	int len;

	*good = *bad = 0;
	while (p < end) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		len = u8_mbtoucr(&uc, p, end - p);
		if (len > 0) {
			(*good)++;
			p += len;
			continue;
		}
		(*bad)++;
		len = u8_mbtouc(&uc, p, end - p);
		p += len > 0 ? len : 1;
	}
}

static void
conv_set(struct conv_guess *g, enum conv_kind kind, const char *name,
    const char *decoder, int confidence, size_t skip)
{
	g->kind = kind;
	g->name = name;
	g->decoder = decoder;
	g->confidence = confidence;
	g->skip = skip;
}

static int
conv_clamp(double v, int lo, int hi)
{
	if (v < lo)
		return lo;
	if (v > hi)
		return hi;
	return (int)(v + 0.5);
}

/*
 * Steps 1 and 2: a BOM, then NUL bytes. Returns true when decided.
 */
static bool
conv_guess_bom_nul(const unsigned char *s, size_t n, struct conv_guess *g)
{
	const unsigned char *nul;
	size_t i, m, even = 0, odd = 0, zero = 0, lenl = 0, benl = 0;
	bool le;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		conv_set(g, CONV_UTF8, "UTF-8", "UTF-8", 100, 3);
		snprintf(g->reason, sizeof g->reason, "%s",
		    _("UTF-8 byte order mark"));
		return true;
	}
	if (n >= 4 && memcmp(s, "\xff\xfe\0\0", 4) == 0) {
		conv_set(g, CONV_ICONV, "UTF-32LE", "UTF-32LE", 100, 4);
		snprintf(g->reason, sizeof g->reason, "%s",
		    _("UTF-32LE byte order mark"));
		return true;
	}
	if (n >= 4 && memcmp(s, "\0\0\xfe\xff", 4) == 0) {
		conv_set(g, CONV_ICONV, "UTF-32BE", "UTF-32BE", 100, 4);
		snprintf(g->reason, sizeof g->reason, "%s",
		    _("UTF-32BE byte order mark"));
		return true;
	}
	if (n >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
	    memcmp(s, "\xfe\xff", 2) == 0)) {
		le = s[0] == 0xff;
		conv_set(g, CONV_ICONV, le ? "UTF-16LE" : "UTF-16BE",
		    le ? "UTF-16LE" : "UTF-16BE", 100, 2);
		snprintf(g->reason, sizeof g->reason, "%s",
		    le ? _("UTF-16LE byte order mark") :
		    _("UTF-16BE byte order mark"));
		return true;
	}
	if (n >= 4 && memcmp(s, "\x84\x31\x95\x33", 4) == 0) {
		conv_set(g, CONV_ICONV, "GB18030", "GB18030", 100, 4);
		snprintf(g->reason, sizeof g->reason, "%s",
		    _("GB18030 byte order mark"));
		return true;
	}

	if ((nul = memchr(s, '\0', n)) == NULL)
		return false;
	m = conv_sample_len(s, n);
	for (i = 0; i + 1 < m; i += 2) {
		if (s[i] == 0 && s[i + 1] == 0)
			zero++;
		else if (s[i] == 0) {
			even++;
			if (s[i + 1] == '\n' || s[i + 1] == '\r')
				benl++;
		} else if (s[i + 1] == 0) {
			odd++;
			if (s[i] == '\n' || s[i] == '\r')
				lenl++;
		}
	}
	/*
	 * UTF-16 needs NULs and no zero code unit. NULs alone do not give
	 * the byte order: U+3000 and U+4E00 have a zero low byte. Line ends
	 * do: 0A 00 at an even offset is LF in UTF-16LE, 00 0A in UTF-16BE
	 * (U+0A00 and U+0D00 do not occur in Chinese text). Confidence 90
	 * plus one a line end, at most 99, when line ends of one order
	 * outnumber the other ten to one; 90 when there are none and every
	 * NUL is on one side.
	 */
	if (zero == 0 && (lenl > 10 * benl || benl > 10 * lenl)) {
		le = lenl > benl;
		conv_set(g, CONV_ICONV, le ? "UTF-16LE" : "UTF-16BE",
		    le ? "UTF-16LE" : "UTF-16BE",
		    conv_clamp(90.0 + (le ? lenl : benl), 90, 99), 0);
		snprintf(g->reason, sizeof g->reason,
		    P_("no byte order mark; %zu line end as in %s",
		    "no byte order mark; %zu line ends as in %s",
		    le ? lenl : benl), le ? lenl : benl,
		    le ? "UTF-16LE" : "UTF-16BE");
		return true;
	}
	if (zero == 0 && lenl == 0 && benl == 0 &&
	    (even == 0) != (odd == 0)) {
		le = odd > 0;
		conv_set(g, CONV_ICONV, le ? "UTF-16LE" : "UTF-16BE",
		    le ? "UTF-16LE" : "UTF-16BE", 90, 0);
		snprintf(g->reason, sizeof g->reason,
		    _("no byte order mark; %zu NUL bytes, all at %s offsets"),
		    le ? odd : even, le ? _("odd") : _("even"));
		return true;
	}
	conv_set(g, CONV_BINARY, NULL, NULL, 0, 0);
	snprintf(g->reason, sizeof g->reason,
	    _("binary file (NUL byte at offset %zu)"), (size_t)(nul - s));
	return true;
}

/*
 * Share of control bytes (C0 other than TAB, LF, VT, FF, CR and ESC) in
 * the sample, in percent.
 */
static int
conv_control_percent(const unsigned char *s, size_t n)
{
	size_t i, m, ctl = 0;

	m = n < CONV_SAMPLE ? n : CONV_SAMPLE;
	for (i = 0; i < m; i++)
		if ((s[i] < 0x20 && (s[i] < 0x09 || s[i] > 0x0d) &&
		    s[i] != 0x1b) || s[i] == 0x7f)
			ctl++;
	return m > 0 ? (int)(ctl * 100 / m) : 0;
}

/*
 * Step 6: GB18030 or BIG5. The evidence for BIG5 is summed in points
 * (negative points favour GB18030):
 *
 *   500 x (Big5 common share - GB common share) x min(1, Han / 100)
 *   100 x (share of trail bytes 0x40-0x7E - 0.10) x min(1, pairs / 100)
 *   2000 x (GB error rate - Big5 error rate), at most +-200
 *
 * where a "common share" is the fraction of decoded Han characters that
 * are among the 60 most frequent of the script, and an error rate is
 * invalid sequences per double-byte pair. Real text gives shares of
 * 0.16-0.22 for the right script and under 0.01 for the wrong one, and
 * a trail statistic of about 0.45 in Big5 and 0 in GB2312-range text,
 * so a full page scores over 100 points. Confidence = 50 + points / 2,
 * at most 99: 50 is a coin toss (GB18030 is taken on a tie, being the
 * more common source), a margin of 0.1 in common share alone gives 75.
 * Two things lower it, because then the text is not plausible in either
 * encoding: the winner's own error rate (minus 1000 x rate), and a
 * common share under 0.05 over CONV_FEW_HAN or more Han characters (at
 * most 50 + 200 x share; the text is then said to read poorly, and the
 * guess gets a warning).
 */
static void
conv_guess_legacy(const unsigned char *s, size_t n, struct conv_guess *g)
{
	struct conv_trial gb, b5, hk;
	size_t m, pairs, low;
	double sgb, sb5, w, wt, trail, egb, eb5, pts, perr, conf;
	bool big5, poor;

	m = conv_sample_len(s, n);
	if (!conv_trial("GB18030", s, m, conv_top_gb,
	    CONV_NITEMS(conv_top_gb), &gb))
		fatalx("iconv lacks GB18030");
	if (!conv_trial("BIG5", s, m, conv_top_b5, CONV_NITEMS(conv_top_b5),
	    &b5))
		fatalx("iconv lacks BIG5");
	conv_trail_stat(s, m, &pairs, &low);

	sgb = gb.han > 0 ? (double)gb.top / gb.han : 0;
	sb5 = b5.han > 0 ? (double)b5.top / b5.han : 0;
	w = (gb.han > b5.han ? gb.han : b5.han) / 100.0;
	if (w > 1)
		w = 1;
	wt = pairs / 100.0;
	if (wt > 1)
		wt = 1;
	trail = pairs > 0 ? (double)low / pairs : 0;
	egb = pairs > 0 ? (double)gb.errors / pairs : gb.errors;
	eb5 = pairs > 0 ? (double)b5.errors / pairs : b5.errors;
	perr = 2000 * (egb - eb5);
	if (perr > 200)
		perr = 200;
	if (perr < -200)
		perr = -200;
	pts = 500 * (sb5 - sgb) * w + 100 * (trail - 0.10) * wt + perr;

	big5 = pts > 0;
	conf = 50 + (big5 ? pts : -pts) / 2;
	conf -= 1000 * (big5 ? eb5 : egb);
	poor = (big5 ? b5.han : gb.han) >= CONV_FEW_HAN &&
	    (big5 ? sb5 : sgb) < 0.05;
	if (poor && conf > 50 + 200 * (big5 ? sb5 : sgb))
		conf = 50 + 200 * (big5 ? sb5 : sgb);
	conv_set(g, CONV_ICONV, big5 ? "BIG5" : "GB18030",
	    big5 ? "BIG5" : "GB18030", conv_clamp(conf, 0, 99), 0);
	g->poor = poor;
	/*
	 * Hong Kong text has HKSCS characters (leads 0x87-0xA0) that BIG5
	 * rejects: when BIG5-HKSCS decodes with fewer errors, use it.
	 */
	if (big5 && b5.errors > 0 && conv_trial("BIG5-HKSCS", s, m,
	    conv_top_b5, CONV_NITEMS(conv_top_b5), &hk) &&
	    hk.errors < b5.errors)
		conv_set(g, CONV_ICONV, "BIG5-HKSCS", "BIG5-HKSCS",
		    g->confidence, 0);
	snprintf(g->reason, sizeof g->reason,
	    _("common characters GB18030 %.3f, Big5 %.3f; trail bytes "
	    "0x40-0x7E %.0f%%; invalid sequences %zu, %zu"),
	    sgb, sb5, trail * 100, gb.errors, b5.errors);
}

/* Lead bytes of multi-byte sequences in S[0..N), counted on from SEEN
 * and up to 8 (all that conv_guess_valid() looks at). */
static size_t
conv_lead_bytes(const unsigned char *s, size_t n, size_t seen)
{
	const unsigned char *p = s, *end = s + n;

	for (; p < end && seen < 8; p++)
		seen += *p >= 0xc0;
	return seen;
}

/*
 * Step 3 decided: valid UTF-8 with LEAD (up to 8) multi-byte sequences.
 * Confidence 100 for ASCII (every candidate reads it the same) or 8 or
 * more multi-byte sequences; fewer could be a short legacy snippet that
 * happens to be valid UTF-8.
 */
static void
conv_guess_valid(struct conv_guess *g, size_t lead)
{
	conv_set(g, CONV_UTF8, "UTF-8", "UTF-8",
	    lead == 0 || lead >= 8 ? 100 : 60 + 5 * (int)lead, 0);
	g->valid = true;
	snprintf(g->reason, sizeof g->reason, "%s",
	    lead == 0 ? _("ASCII") : _("valid UTF-8"));
}

/*
 * Run the detection steps over S[0..N) and fill G.
 */
static void
conv_guess(const unsigned char *s, size_t n, struct conv_guess *g)
{
	char decl[64];
	size_t good, bad, m;
	int pct;

	memset(g, 0, sizeof *g);
	if (n == 0) {
		conv_set(g, CONV_UTF8, "UTF-8", "UTF-8", 100, 0);
		snprintf(g->reason, sizeof g->reason, "%s", _("empty"));
		return;
	}
	if (conv_guess_bom_nul(s, n, g))
		return;
	if ((pct = conv_control_percent(s, n)) > 10) {
		conv_set(g, CONV_BINARY, NULL, NULL, 0, 0);
		snprintf(g->reason, sizeof g->reason,
		    _("binary file (%d%% control bytes)"), pct);
		return;
	}
	if (u8_check(s, n) == NULL) {
		conv_guess_valid(g, conv_lead_bytes(s, n, 0));
		return;
	}
	if (conv_find_decl(s, n, decl, sizeof decl)) {
		struct conv_trial t;
		const char *name = NULL, *dec = NULL;
		size_t i;

		if (conv_is_gb_family(decl))
			name = dec = "GB18030";
		else if (conv_is_big5_family(decl))
			name = dec = "BIG5";
		else if (conv_is_utf8_name(decl))
			name = dec = "UTF-8";
		for (i = 0; dec == NULL && i < CONV_NITEMS(conv_other); i++)
			if (strcasecmp(decl, conv_other[i]) == 0)
				name = dec = conv_other[i];
		if (dec != NULL && conv_trial(dec, s, conv_sample_len(s, n),
		    NULL, 0, &t)) {
			/*
			 * The declaration wins; 95 when the sample decodes
			 * cleanly, 60 when it does not.
			 */
			conv_set(g, strcmp(dec, "UTF-8") == 0 ? CONV_UTF8 :
			    CONV_ICONV, name, dec, t.errors == 0 ? 95 : 60, 0);
			snprintf(g->reason, sizeof g->reason,
			    _("declared in the file as %s"), decl);
			return;
		}
	}
	/*
	 * Step 5: damaged UTF-8 has at least 10 good multi-byte sequences
	 * for each bad one (legacy text has mostly bad ones). Confidence is
	 * the share of good ones, at most 99.
	 */
	m = conv_sample_len(s, n);
	conv_utf8_stat(s, m, &good, &bad);
	if (good > 0 && good >= 10 * bad) {
		conv_set(g, CONV_UTF8, "UTF-8", "UTF-8",
		    conv_clamp(100.0 * good / (good + bad), 0, 99), 0);
		snprintf(g->reason, sizeof g->reason,
		    P_("UTF-8 with errors (%zu valid, %zu invalid sequence)",
		    "UTF-8 with errors (%zu valid, %zu invalid sequences)",
		    bad), good, bad);
		return;
	}
	conv_guess_legacy(s, n, g);
}

/*
 * Damage: '?' between double-byte characters after which the bytes read
 * better one byte later. A pair scores 2 when it is one of the most
 * frequent characters, 1 for other GB2312 level-1 characters, 0 for
 * symbols, -1 for level-2 characters, -2 for GBK-only ones and -3 for
 * what is not a pair at all.
 */
static int
conv_pair_score(const unsigned char *p, const unsigned char *end)
{
	uint16_t v;

	if (end - p < 2 || p[1] < 0x40 || p[1] == 0x7f || p[1] == 0xff)
		return -3;
	v = (uint16_t)(p[0] << 8 | p[1]);
	if (p[1] >= 0xa1) {
		if (bsearch(&v, conv_top_gbbytes,
		    CONV_NITEMS(conv_top_gbbytes), sizeof v,
		    conv_cmp_u16) != NULL)
			return 2;
		if (p[0] >= 0xb0 && p[0] <= 0xd7)
			return 1;
		if (p[0] >= 0xa1 && p[0] <= 0xa9)
			return 0;
		if (p[0] >= 0xd8 && p[0] <= 0xf7)
			return -1;
	}
	return -2;
}

static int
conv_run_score(const unsigned char *p, const unsigned char *end)
{
	int sc = 0;

	for (; p < end; p += 2)
		sc += conv_pair_score(p, end);
	return sc;
}

/*
 * Scan GB-family source S[0..N) for damage; returns the number of sites
 * and reports them (line and column counted in characters of the
 * source).
 */
static size_t
conv_scan_damage(const unsigned char *s, size_t n, const char *path,
    struct diag_list *diags)
{
	size_t i = 0, line = 1, col = 1, found = 0, j;

	while (i < n) {
		unsigned char c = s[i];

		if (c >= 0x81) {
			i += (i + 1 < n && s[i + 1] >= 0x30 &&
			    s[i + 1] <= 0x39) ? 4 : 2;
			col++;
			continue;
		}
		if (c == '?' && i > 0 && s[i - 1] >= 0x81 && i + 1 < n &&
		    s[i + 1] >= 0x81) {
			for (j = i + 1; j < n && s[j] >= 0x81 &&
			    j - i <= CONV_DAMAGE_SPAN; j++)
				;
			if (conv_run_score(s + i + 2, s + j) >
			    conv_run_score(s + i + 1, s + j)) {
				if (diags != NULL && found < CONV_MAX_DAMAGE)
					diag_add(diags, DIAG_WARNING, path,
					    line, col, "%s", _("text looks "
					    "damaged: '?' in place of a byte, "
					    "the characters after it decode "
					    "one byte out of step"));
				found++;
			}
		}
		if (c == '\n' || c == '\r') {
			if (!(c == '\n' && i > 0 && s[i - 1] == '\r'))
				line++;
			col = 1;
		} else
			col++;
		i++;
	}
	if (diags != NULL && found > CONV_MAX_DAMAGE)
		diag_add(diags, DIAG_WARNING, path, 0, 0,
		    _("%zu more places where the text looks damaged"),
		    found - CONV_MAX_DAMAGE);
	return found;
}

const char *
conv_detect(const char *data, size_t n, int *confidence)
{
	struct conv_guess g;

	conv_guess((const unsigned char *)data, n, &g);
	if (confidence != NULL)
		*confidence = g.confidence;
	return g.kind == CONV_BINARY ? NULL : g.name;
}

/*
 * Work out how to decode with the encoding the user named: fills G,
 * or returns -1 with *CAUSE when iconv does not know it.
 */
static int
conv_forced(const unsigned char *s, size_t n, const char *encoding,
    struct conv_guess *g, char **cause)
{
	iconv_t cd;

	memset(g, 0, sizeof *g);
	g->confidence = 100;
	snprintf(g->reason, sizeof g->reason, "%s", _("given by the user"));
	if (conv_is_utf8_name(encoding)) {
		g->kind = CONV_UTF8;
		g->decoder = "UTF-8";
		return 0;
	}
	g->kind = CONV_ICONV;
	if (conv_is_gb_family(encoding))
		g->decoder = "GB18030";
	else if (strcasecmp(encoding, "UTF-16") == 0 ||
	    strcasecmp(encoding, "UTF-32") == 0) {
		/*
		 * glibc reads these in host order when there is no BOM:
		 * use the BOM or the NUL pattern, else little-endian.
		 */
		struct conv_guess d;
		bool is16 = encoding[4] == '1';

		if (conv_guess_bom_nul(s, n, &d) && d.kind == CONV_ICONV &&
		    strncasecmp(d.decoder, encoding, 6) == 0) {
			g->decoder = d.decoder;
			g->skip = d.skip;
		} else
			g->decoder = is16 ? "UTF-16LE" : "UTF-32LE";
		return 0;
	} else
		g->decoder = encoding;
	if ((cd = conv_open(g->decoder)) == (iconv_t)-1) {
		*cause = xasprintf(_("unknown encoding \"%s\""), encoding);
		return -1;
	}
	iconv_close(cd);
	return 0;
}

static int	conv_convert(const char *, size_t, const char *, const char *,
		    struct conv_result *, struct diag_list *, char **, bool);

int
conv_to_utf8(const char *data, size_t n, const char *encoding,
    const char *path, struct conv_result *out, struct diag_list *diags,
    char **cause)
{
	return conv_convert(data, n, encoding, path, out, diags, cause, false);
}

int
conv_to_utf8_borrow(const char *data, size_t n, const char *encoding,
    const char *path, struct conv_result *out, struct diag_list *diags,
    char **cause)
{
	return conv_convert(data, n, encoding, path, out, diags, cause, true);
}

/*
 * A legacy encoding guessed on poor evidence (text that reads badly in
 * every candidate: EUC-TW, for one, is none of them) is said so.
 */
static void
conv_warn_unsure(const struct conv_guess *g, const char *path,
    struct diag_list *diags)
{
	if (!g->poor || g->confidence >= CONV_UNSURE || diags == NULL)
		return;
	diag_add(diags, DIAG_WARNING, path, 0, 0,
	    _("the encoding is a guess (%s, %d%%): the text reads poorly in "
	    "every encoding tried (EUC-TW or another?); name it with "
	    "--encoding"), g->name != NULL ? g->name : g->decoder,
	    g->confidence);
}

static int
conv_convert(const char *data, size_t n, const char *encoding,
    const char *path, struct conv_result *out, struct diag_list *diags,
    char **cause, bool borrow)
{
	const unsigned char *s = (const unsigned char *)data;
	struct conv_guess g;
	struct conv_run r;
	char *upper = NULL, *p;
	const char *encname;
	iconv_t cd;
	size_t k;
	bool gb;

	memset(out, 0, sizeof *out);
	memset(&g, 0, sizeof g);
	if (encoding != NULL && *encoding != '\0') {
		if (conv_forced(s, n, encoding, &g, cause) != 0)
			return -1;
		if (conv_unit(g.decoder) == 1 &&
		    (p = memchr(s, '\0', n)) != NULL) {
			*cause = xasprintf(_("binary file (NUL byte at offset "
			    "%zu)"), (size_t)(p - data));
			return -1;
		}
		upper = xstrdup(encoding);
		for (p = upper; *p != '\0'; p++)
			*p = toupper((unsigned char)*p);
	} else {
		conv_guess(s, n, &g);
		if (g.kind == CONV_BINARY) {
			*cause = xstrdup(g.reason);
			return -1;
		}
		upper = xstrdup(g.name != NULL ? g.name : g.decoder);
		for (p = upper; *p != '\0'; p++)
			*p = toupper((unsigned char)*p);
	}
	encname = upper;
	gb = g.kind == CONV_ICONV && conv_is_gb_family(g.decoder);
	if (encoding == NULL || *encoding == '\0')
		conv_warn_unsure(&g, path, diags);

	if (borrow && g.kind == CONV_UTF8 && g.valid && g.skip == 0) {
		/* Checked while guessing: the caller's bytes are the text. */
		out->text = (char *)data;
		out->borrowed = true;
		out->len = n;
		out->encoding = upper;
		out->confidence = g.confidence;
		out->reason = xstrdup(g.reason);
		return 0;
	}

	conv_run_init(&r, path, encname, diags,
	    g.kind == CONV_UTF8 ? n : n + n / 2 + 16);
	if (g.kind == CONV_UTF8 && g.valid && g.skip == 0)
		conv_run_add(&r, s, n);		/* checked while guessing */
	else if (g.kind == CONV_UTF8)
		conv_run_utf8(&r, s + g.skip, n - g.skip);
	else {
		if ((cd = conv_open(g.decoder)) == (iconv_t)-1)
			fatal("iconv_open %s", g.decoder);
		conv_run_iconv(&r, cd, g.decoder, gb, s + g.skip, n - g.skip);
		iconv_close(cd);
	}
	conv_run_finish(&r);

	/*
	 * A BOM the decoder kept (under a forced encoding), or a second one
	 * after the first (files joined together), is dropped.
	 */
	for (k = 0; r.len - k >= 3 && memcmp(r.out + k, "\xef\xbb\xbf", 3) == 0;
	    k += 3)
		;
	if (k > 0) {
		memmove(r.out, r.out + k, r.len - k + 1);
		r.len -= k;
	}
	out->text = r.out;
	out->len = r.len;
	out->encoding = upper;
	out->confidence = g.confidence;
	out->replaced = r.replaced;
	out->reason = xstrdup(g.reason);
	if (gb)
		out->suspicious = conv_scan_damage(s + g.skip, n - g.skip,
		    path, diags);
	return 0;
}

void
conv_result_clear(struct conv_result *cr)
{
	if (!cr->borrowed)
		free(cr->text);
	free(cr->encoding);
	free(cr->reason);
	memset(cr, 0, sizeof *cr);
}

/*
 * Reading a large file chunk by chunk. Detection looks at the whole
 * input only to see that it is valid UTF-8 without a NUL byte; its other
 * steps look at the start (a BOM, the control bytes of the sample). So
 * a file whose start passes conv_stream_start() and whose chunks all
 * pass conv_stream_feed() is detected exactly as conv_to_utf8() would
 * detect it whole, and its chunks are the text.
 */
bool
conv_stream_start(struct conv_stream *cs, const char *data, size_t n)
{
	const unsigned char	*s = (const unsigned char *)data;
	struct conv_guess	 g;

	cs->lead = 0;
	memset(&g, 0, sizeof g);
	if (conv_guess_bom_nul(s, n, &g) || conv_control_percent(s, n) > 10)
		return false;
	return true;
}

bool
conv_stream_feed(struct conv_stream *cs, const char *data, size_t n)
{
	const unsigned char	*s = (const unsigned char *)data;

	if (memchr(s, '\0', n) != NULL || u8_check(s, n) != NULL)
		return false;
	if (cs->lead < 8)
		cs->lead = conv_lead_bytes(s, n, cs->lead);
	return true;
}

void
conv_stream_finish(const struct conv_stream *cs, struct conv_result *out)
{
	struct conv_guess	g;

	memset(out, 0, sizeof *out);
	memset(&g, 0, sizeof g);
	conv_guess_valid(&g, cs->lead);
	out->encoding = xstrdup(g.name);
	out->confidence = g.confidence;
	out->reason = xstrdup(g.reason);
}
