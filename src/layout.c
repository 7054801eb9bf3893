/*
 * layout.c -- one article and a width in, display lines out.
 *
 * Every line is a byte range of one string (a model string, or a
 * decoration string the layout owns) plus an indent, an optional prefix
 * and the columns it uses, all measured with text_cell_width(): the reader
 * pane and --dump=text draw exactly these lines and never measure again.
 *
 * Line breaking (layout_prep, layout_fit) works on grapheme clusters
 * (u32_grapheme_breaks, so flags and ZWJ sequences stay whole). A break
 * before a cluster is allowed when:
 *   - UAX #14 allows it (u32_possible_linebreaks), tailored for Chinese:
 *     a break is also allowed before “ ‘ and after ” ’ next to a wide
 *     character (libunistring 1.0 forbids both, which leaves lines half
 *     empty), and never inside a run of Latin letters, digits and ASCII
 *     punctuation (so words, numbers and URLs stay whole);
 *   - and the clreq rules (避头尾, strict level) hold: the cluster is not a
 *     mark that may not start a line (closing punctuation, pause and stop
 *     marks, interpuncts, connector marks, the solidus, ellipses, dashes,
 *     postfix signs), the previous one is not a mark that may not end a
 *     line (opening punctuation, the solidus, currency prefixes), and the
 *     break does not split a run of fullwidth digits or letters. Doubled
 *     …… and —— are whole because their second half may not start a line.
 * The fitter is greedy. When a cluster does not fit, the line breaks at
 * the last allowed place, so a closing mark that does not fit takes the
 * character before it down to the next line (push-out, 推出, what clreq
 * recommends); a mark is "pulled up" only in the sense that it stays on
 * the line whenever its cells are free, never by hanging past the edge,
 * because no line may be wider than the pane. Spaces at a break hang and
 * are not part of either line. Only when a line has no allowed place at
 * all (a word or URL longer than the line) is it cut at the last grapheme
 * boundary that keeps the clreq rules, or failing that at the last
 * boundary. The work is linear: each cluster is decoded once and looked
 * at a bounded number of times.
 */
#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>

#include "i18n.h"
#include "layout.h"
#include "model.h"
#include "text.h"
#include "util.h"

/* Characters looked at for a wide one: is a paragraph Chinese? */
#define LAYOUT_CJK_LOOK	16

/* A grapheme cluster on the line being filled. */
struct layout_cl {
	size_t		off;	/* first byte */
	int		w;	/* cells */
	bool		ok;	/* a break before it is allowed */
	bool		kok;	/* a break before it keeps the clreq rules */
	bool		space;	/* a space: hangs at the end of a line */
	bool		soft;	/* a break before it would cut a word where
				   UAX #14 allows it ("example.|com") */
};

/* One wrapped line of a paragraph. */
struct layout_piece {
	size_t		off, len;
	int		cols;
};

/*
 * Buffers reused for every paragraph of a layout. A paragraph is decoded
 * once (layout_prep) into code points with their byte offsets and cells,
 * its grapheme cluster starts and UAX #14 break opportunities; fitting it
 * to a width (layout_fit), perhaps several times over for a balanced
 * title, reads only these arrays.
 */
struct layout_scratch {
	ucs4_t			*uc;	/* code points */
	size_t			*off;	/* byte offset of each, and the end */
	signed char		*w;	/* cells of each, as drawn */
	char			*lb;	/* UAX #14 break before each */
	char			*gb;	/* a grapheme cluster starts here */
	size_t			 nuc;	/* code points of the paragraph */
	size_t			 len;	/* its bytes */
	size_t			 cap;
	struct layout_cl	*cl;
	size_t			 clcap;
	struct layout_piece	*pc;
	size_t			 npc, pccap;
	bool			 forced_first;	/* the first line broke a
						   clreq rule */
};

/* Marks that never start a line (clreq strict, CJK.md 1.4). */
static bool
layout_no_start(ucs4_t c)
{
	if (c < 0x80)
		return c == ')' || c == ']' || c == '}' || c == ',' ||
		    c == '.' || c == ';' || c == ':' || c == '!' ||
		    c == '?' || c == '%';
	switch (c) {
	case 0x00B0:	/* ° */
	case 0x00B7:	/* · */
	case 0x2013:	/* – */
	case 0x2014:	/* — */
	case 0x2015:	/* ― */
	case 0x2019:	/* ’ */
	case 0x201D:	/* ” */
	case 0x2022:	/* • */
	case 0x2025:	/* ‥ */
	case 0x2026:	/* … */
	case 0x2027:	/* ‧ */
	case 0x2030:	/* ‰ */
	case 0x2103:	/* ℃ */
	case 0x22EF:	/* ⋯ */
	case 0x2E3A:	/* ⸺ */
	case 0x2E3B:	/* ⸻ */
	case 0x3001:	/* 、 */
	case 0x3002:	/* 。 */
	case 0x3003:	/* 〃 */
	case 0x3005:	/* 々 */
	case 0x3009:	/* 〉 */
	case 0x300B:	/* 》 */
	case 0x300D:	/* 」 */
	case 0x300F:	/* 』 */
	case 0x3011:	/* 】 */
	case 0x3015:	/* 〕 */
	case 0x3017:	/* 〗 */
	case 0x3019:	/* 〙 */
	case 0x301B:	/* 〛 */
	case 0x301C:	/* 〜 */
	case 0x301E:	/* 〞 */
	case 0x301F:	/* 〟 */
	case 0x30FB:	/* ・ */
	case 0xFE50: case 0xFE51: case 0xFE52:	/* small ，、． */
	case 0xFF01:	/* ！ */
	case 0xFF05:	/* ％ */
	case 0xFF09:	/* ） */
	case 0xFF0C:	/* ， */
	case 0xFF0E:	/* ． */
	case 0xFF0F:	/* ／ */
	case 0xFF1A:	/* ： */
	case 0xFF1B:	/* ； */
	case 0xFF1F:	/* ？ */
	case 0xFF3D:	/* ］ */
	case 0xFF5D:	/* ｝ */
	case 0xFF5E:	/* ～ */
	case 0xFF61:	/* ｡ */
	case 0xFF64:	/* ､ */
	case 0xFF65:	/* ･ */
		return true;
	default:
		return false;
	}
}

/* Marks that never end a line. */
static bool
layout_no_end(ucs4_t c)
{
	if (c < 0x80)
		return c == '(' || c == '[' || c == '{' || c == '$';
	switch (c) {
	case 0x00A3:	/* £ */
	case 0x00A5:	/* ¥ */
	case 0x2018:	/* ‘ */
	case 0x201C:	/* “ */
	case 0x20AC:	/* € */
	case 0x3008:	/* 〈 */
	case 0x300A:	/* 《 */
	case 0x300C:	/* 「 */
	case 0x300E:	/* 『 */
	case 0x3010:	/* 【 */
	case 0x3014:	/* 〔 */
	case 0x3016:	/* 〖 */
	case 0x3018:	/* 〘 */
	case 0x301A:	/* 〚 */
	case 0x301D:	/* 〝 */
	case 0xFF04:	/* ＄ */
	case 0xFF08:	/* （ */
	case 0xFF0F:	/* ／ */
	case 0xFF3B:	/* ［ */
	case 0xFF5B:	/* ｛ */
	case 0xFFE5:	/* ￥ */
		return true;
	default:
		return false;
	}
}

/* Fullwidth digits and letters, kept together (２０２１). */
static bool
layout_fw_alnum(ucs4_t c)
{
	return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
	    (c >= 0xFF41 && c <= 0xFF5A);
}

/* Letters, digits and ASCII punctuation of Latin words, numbers, URLs. */
static bool
layout_word_char(ucs4_t c)
{
	return (c > 0x20 && c < 0x7f) ||
	    (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7);
}

static bool
layout_space(ucs4_t c)
{
	return c == ' ' || c == 0x3000;
}

static void
layout_scratch_free(struct layout_scratch *sc)
{
	free(sc->off);		/* the block of the per-code-point arrays */
	free(sc->cl);
	free(sc->pc);
}

/*
 * Add the line made of clusters CL[0, K), which ends at byte END; spaces at
 * its end hang and are left out of it.
 */
static void
layout_piece_add(struct layout_scratch *sc, const struct layout_cl *cl,
    size_t k, size_t end)
{
	size_t	i;
	int	cols = 0;

	for (i = 0; i < k; i++)
		cols += cl[i].w;
	for (i = k; i > 0 && cl[i - 1].space; i--) {
		end = cl[i - 1].off;
		cols -= cl[i - 1].w;
	}
	sc->pc = util_grow(sc->pc, &sc->pccap, sc->npc + 1, sizeof *sc->pc);
	sc->pc[sc->npc].off = cl[0].off;
	sc->pc[sc->npc].len = end - cl[0].off;
	sc->pc[sc->npc].cols = cols;
	sc->npc++;
}

/*
 * Is UC one that never joins its neighbours in a grapheme cluster
 * (Grapheme_Cluster_Break=Other)? The common ones answer at once.
 */
static bool
layout_gcb_other(ucs4_t uc)
{
	if (uc < 0x7f)
		return uc >= 0x20;
	if ((uc >= 0x4e00 && uc <= 0x9fff) || (uc >= 0x3000 && uc <= 0x3029) ||
	    (uc >= 0xff01 && uc <= 0xff9d))
		return true;
	return uc_graphemeclusterbreak_property(uc) == GBP_OTHER;
}

/*
 * Make room in SC for a paragraph of N bytes (at most N code points): one
 * block for the five arrays, grown geometrically, so that a layout of many
 * paragraphs allocates a few times, not once a paragraph.
 */
static void
layout_prep_room(struct layout_scratch *sc, size_t n)
{
	size_t	cap = sc->cap < 256 ? 256 : sc->cap, each;
	char	*p;

	if (n + 1 <= sc->cap)
		return;
	while (cap < n + 1) {
		if (cap > SIZE_MAX / 2)
			fatalx("allocation too large");
		cap *= 2;
	}
	each = sizeof *sc->uc + sizeof *sc->off + 3;
	free(sc->off);
	p = xreallocarray(NULL, cap, each);
	/* The most aligned array first. */
	sc->off = (size_t *)p;
	sc->uc = (ucs4_t *)(p + cap * sizeof *sc->off);
	sc->w = (signed char *)(p + cap * (sizeof *sc->off + sizeof *sc->uc));
	sc->lb = (char *)sc->w + cap;
	sc->gb = sc->lb + cap;
	sc->cap = cap;
}

/*
 * Decode S[0..N) (valid UTF-8, as every model string is) once: code
 * points, offsets, cells, grapheme cluster starts, UAX #14 breaks. When
 * every code point stands alone in its cluster (Chinese text, ASCII),
 * the grapheme segmentation is known without running it.
 */
static void
layout_prep(struct layout_scratch *sc, const char *s, size_t n)
{
	const uint8_t	*u = (const uint8_t *)s;
	size_t		 i = 0, k = 0;
	ucs4_t		 uc;
	bool		 simple = true;

	layout_prep_room(sc, n);
	while (i < n) {
		sc->off[k] = i;
		if (u[i] < 0x80) {
			uc = u[i++];
			sc->w[k] = uc >= 0x20 && uc < 0x7f ? 1 :
			    (signed char)text_cell_width(uc);
		} else {
			/* Three bytes that need no check beyond the
			 * continuation bytes: U+1000-CFFF, U+E000-FFFF. */
			if (n - i >= 3 && ((u[i] >= 0xe1 && u[i] <= 0xec) ||
			    u[i] >= 0xee) && u[i] <= 0xef &&
			    (u[i + 1] & 0xc0) == 0x80 &&
			    (u[i + 2] & 0xc0) == 0x80) {
				uc = (ucs4_t)(u[i] & 0x0f) << 12 |
				    (ucs4_t)(u[i + 1] & 0x3f) << 6 |
				    (u[i + 2] & 0x3f);
				i += 3;
			} else
				i += u8_mbtouc(&uc, u + i, n - i);
			sc->w[k] = uc >= 0x4e00 && uc <= 0x9fff ? 2 :
			    (signed char)text_cell_width(uc);
		}
		sc->uc[k] = uc;
		if (simple && !layout_gcb_other(uc))
			simple = false;
		sc->gb[k] = 1;
		k++;
	}
	sc->off[k] = n;
	sc->nuc = k;
	sc->len = n;
	if (k == 0)
		return;
	if (!simple)
		u32_grapheme_breaks(sc->uc, k, sc->gb);
	u32_possible_linebreaks(sc->uc, k, "UTF-8", sc->lb);
}

/*
 * Fit the paragraph SC holds into lines of AFIRST cells (the first) and
 * AREST cells (the others); the lines go to SC->pc. An empty paragraph
 * gives one empty line.
 */
static void
layout_fit(struct layout_scratch *sc, int afirst, int arest)
{
	size_t		 k, k1, m = 0, b;
	ucs4_t		 c0, c, prev = 0;
	int		 w, col = 0, avail = afirst;
	bool		 uax;

	sc->npc = 0;
	sc->forced_first = false;
	if (sc->nuc == 0) {
		sc->pc = util_grow(sc->pc, &sc->pccap, 1, sizeof *sc->pc);
		sc->pc[0].off = sc->pc[0].len = 0;
		sc->pc[0].cols = 0;
		sc->npc = 1;
		return;
	}
	for (k = 0; k < sc->nuc; k = k1) {
		struct layout_cl *cl;

		/* The grapheme cluster of code points [k, k1). */
		c0 = c = sc->uc[k];
		w = sc->w[k];
		for (k1 = k + 1; k1 < sc->nuc && !sc->gb[k1]; k1++) {
			c = sc->uc[k1];
			w += sc->w[k1];
		}

		if (m + 1 > sc->clcap)
			sc->cl = util_grow(sc->cl, &sc->clcap, m + 1,
			    sizeof *sc->cl);
		cl = &sc->cl[m];
		cl->off = sc->off[k];
		cl->w = w;
		cl->space = layout_space(c0);
		cl->kok = !layout_no_start(c0) && !layout_no_end(prev) &&
		    !(layout_fw_alnum(prev) && layout_fw_alnum(c0)) &&
		    !cl->space;
		uax = sc->lb[k] == UC_BREAK_POSSIBLE ||
		    sc->lb[k] == UC_BREAK_MANDATORY;
		/* Quotation marks beside wide characters (STYLE.md 3.2). */
		if ((c0 == 0x201C || c0 == 0x2018) &&
		    (text_width(prev) == 2 || prev == 0x201D || prev == 0x2019))
			uax = true;
		if ((prev == 0x201D || prev == 0x2019) &&
		    (text_width(c0) == 2 || c0 == 0x201C || c0 == 0x2018))
			uax = true;
		/* Latin words, numbers and URLs stay whole. */
		cl->soft = uax && cl->kok;
		if (layout_word_char(prev) && layout_word_char(c0))
			uax = false;
		cl->ok = uax && cl->kok;
		m++;
		col += w;
		prev = c;

		/* Break while the line overflows and can be broken. */
		while (!sc->cl[m - 1].space && col > avail && m > 1) {
			for (b = m - 1; b > 0 && !sc->cl[b].ok; b--)
				continue;
			/* Emergency: where UAX #14 would cut a long word. */
			if (b == 0)
				for (b = m - 1; b > 0 && !sc->cl[b].soft; b--)
					continue;
			/* Else anywhere that keeps the clreq rules. */
			if (b == 0)
				for (b = m - 1; b > 0 && !sc->cl[b].kok; b--)
					continue;
			if (b == 0) {	/* last resort: any boundary */
				b = m - 1;
				if (sc->npc == 0)
					sc->forced_first = true;
			}
			layout_piece_add(sc, sc->cl, b, sc->cl[b].off);
			memmove(sc->cl, sc->cl + b, (m - b) * sizeof *sc->cl);
			m -= b;
			col = 0;
			for (b = 0; b < m; b++)
				col += sc->cl[b].w;
			avail = arest;
		}
	}
	layout_piece_add(sc, sc->cl, m, sc->len);
}

/* Wrap S[0..N) into lines of AFIRST and then AREST cells (SC->pc). */
static void
layout_wrap_para(struct layout_scratch *sc, const char *s, size_t n,
    int afirst, int arest)
{
	layout_prep(sc, s, n);
	layout_fit(sc, afirst, arest);
}

size_t
layout_wrap(const char *s, size_t n, int width, int first, int rest,
    size_t **starts)
{
	struct layout_scratch	sc;
	size_t			i, count;

	memset(&sc, 0, sizeof sc);
	layout_wrap_para(&sc, s, n, width - first, width - rest);
	count = sc.npc;
	*starts = xreallocarray(NULL, count, sizeof **starts);
	for (i = 0; i < count; i++)
		(*starts)[i] = sc.pc[i].off;
	layout_scratch_free(&sc);
	return count;
}

/* How a block is placed inside the measure. */
enum layout_align {
	LAYOUT_LEFT,
	LAYOUT_CENTRE,
	LAYOUT_RIGHT
};

/* Scratch buffers kept from one layout to the next (layout.h). */
struct layout_cache {
	struct layout_scratch	 sc;
};

/* The state of one layout_new() call. */
struct layout_ctx {
	struct layout		*lay;
	struct layout_scratch	*sc;
	int			 margin;	/* blank columns left of the
						   measure */
	int			 measure;	/* text width */
};

static struct layout_line *
layout_add(struct layout *lay)
{
	struct layout_line	*ln;

	lay->lines = util_grow(lay->lines, &lay->cap, lay->nlines + 1,
	    sizeof *lay->lines);
	ln = &lay->lines[lay->nlines++];
	memset(ln, 0, sizeof *ln);
	return ln;
}

static const char *
layout_own(struct layout *lay, char *s)
{
	lay->owned = util_grow(lay->owned, &lay->ownedcap, lay->nowned + 1,
	    sizeof *lay->owned);
	lay->owned[lay->nowned++] = s;
	return s;
}

/*
 * A decoration string as it will be drawn (substitutes applied), so the
 * UI and dump may print a prefix with or without substituting again.
 */
static const char *
layout_own_display(struct layout *lay, const char *s)
{
	struct buf	 b;
	const uint8_t	*p = (const uint8_t *)s, *end = p + strlen(s);
	const char	*sub;
	ucs4_t		 uc;
	int		 k;

	buf_init(&b);
	buf_add(&b, "", 0);
	while (p < end) {
		k = u8_mbtouc(&uc, p, end - p);
		sub = text_display(uc);
		if (sub != NULL)
			buf_adds(&b, sub);
		else
			buf_add(&b, p, k);
		p += k;
	}
	return layout_own(lay, buf_take(&b));
}

static void
layout_blank(struct layout_ctx *ctx)
{
	struct layout	*lay = ctx->lay;

	if (lay->nlines == 0 || lay->lines[lay->nlines - 1].kind == LAYOUT_BLANK)
		return;
	layout_add(lay)->kind = LAYOUT_BLANK;
}

/* Whether every line of SC but the last ends where spaces were hung. */
static bool
layout_breaks_at_spaces(const struct layout_scratch *sc)
{
	size_t	i;

	for (i = 0; i + 1 < sc->npc; i++)
		if (sc->pc[i].off + sc->pc[i].len == sc->pc[i + 1].off)
			return false;
	return true;
}

/*
 * A title that takes K >= 2 lines at WIDTH is set in K lines of even
 * length, as papers set them, not in full lines and a short last one
 * ("……完成改" / "造"): the narrowest width that still gives K lines.
 * When the title has spaces between its clauses and some width from
 * there to WIDTH breaks it at them, in K lines, that width wins.
 */
static void
layout_balance(struct layout_scratch *sc, int width)
{
	size_t	k = sc->npc;
	int	lo = LAYOUT_MIN_WIDTH / 2, hi = width, w;

	while (lo < hi) {
		w = lo + (hi - lo) / 2;
		layout_fit(sc, w, w);
		if (sc->npc <= k && !sc->forced_first)
			hi = w;
		else
			lo = w + 1;
	}
	for (w = lo; w <= width; w++) {
		layout_fit(sc, w, w);
		if (sc->npc == k && layout_breaks_at_spaces(sc))
			return;
	}
	layout_fit(sc, lo, lo);
}

/*
 * Lay out TEXT as one block: the first line indented by FIRST columns
 * inside the measure (after PREFIX, if any), the others by REST, each
 * line then placed by ALIGN.
 */
static void
layout_block(struct layout_ctx *ctx, const char *text, enum layout_kind kind,
    enum layout_field field, size_t index, const char *prefix, int first,
    int rest, enum layout_align align)
{
	struct layout		*lay = ctx->lay;
	struct layout_line	*ln;
	struct layout_scratch	*sc = ctx->sc;
	int			 pw = 0, afirst, arest, used, ind;
	size_t			 i;

	if (text == NULL)
		return;
	if (prefix != NULL) {
		prefix = layout_own_display(lay, prefix);
		pw = text_strwidth(prefix, strlen(prefix));
	}
	/* Keep at least four cells (two ideographs) on every line. */
	if (ctx->measure - first - pw < 4)
		first = pw = 0, prefix = NULL;
	if (ctx->measure - rest < 4)
		rest = 0;
	afirst = ctx->measure - first - pw;
	arest = ctx->measure - rest;
	layout_wrap_para(sc, text, strlen(text), afirst, arest);
	if (sc->forced_first && first + pw > rest) {
		/*
		 * What opens the block does not fit after its indent without
		 * breaking a rule ("“想，" in four cells): set the block
		 * without the indent instead.
		 */
		first = rest;
		afirst = arest - pw;
		layout_fit(sc, afirst, arest);
	}
	if (align == LAYOUT_CENTRE && sc->npc >= 2 && afirst == arest &&
	    !sc->forced_first)
		layout_balance(sc, arest);
	for (i = 0; i < sc->npc; i++) {
		ln = layout_add(lay);
		ln->text = text;
		ln->off = sc->pc[i].off;
		ln->len = sc->pc[i].len;
		ln->kind = kind;
		ln->field = field;
		ln->index = index;
		ind = i == 0 ? first : rest;
		used = ind + (i == 0 ? pw : 0) + sc->pc[i].cols;
		if (i == 0)
			ln->prefix = prefix;
		if (align == LAYOUT_CENTRE && used < ctx->measure)
			ind += (ctx->measure - used) / 2;
		else if (align == LAYOUT_RIGHT && used < ctx->measure)
			ind += ctx->measure - used;
		used = ind + (i == 0 ? pw : 0) + sc->pc[i].cols;
		ln->indent = ctx->margin + ind;
		ln->cols = ctx->margin + used;
	}
}

struct layout_cache *
layout_cache_new(void)
{
	return xcalloc(1, sizeof (struct layout_cache));
}

void
layout_cache_free(struct layout_cache *lc)
{
	if (lc == NULL)
		return;
	layout_scratch_free(&lc->sc);
	free(lc);
}

struct layout *
layout_new(const struct article *art, const struct layout_opts *opts)
{
	return layout_new_cached(art, opts, NULL);
}

/*
 * Is paragraph S Chinese text: a wide character among its first
 * LAYOUT_CJK_LOOK characters ("2019年，…", "APEC会议…" are; an English
 * sentence is not)?
 */
static bool
layout_cjk_para(const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 uc;
	int		 i, k;

	for (i = 0; i < LAYOUT_CJK_LOOK; i++) {
		if ((k = u8_strmbtouc(&uc, p)) <= 0)
			return false;
		if (uc != 0x201C && uc != 0x2018 && text_width(uc) == 2)
			return true;
		p += k;
	}
	return false;
}

/*
 * The body: Chinese paragraphs indented by two ideographs, those that
 * start with a digit or a Latin word too; intertitles stand apart, on
 * their own lines, without indent.
 */
static void
layout_body(struct layout_ctx *ctx, const struct article *art)
{
	size_t	i;
	int	indent;

	for (i = 0; i < art->npara; i++) {
		if (art->paras[i] == NULL || art->paras[i][0] == '\0')
			continue;
		if (article_is_intertitle(art, i)) {
			layout_blank(ctx);
			layout_block(ctx, art->paras[i], LAYOUT_INTERTITLE,
			    LAYOUT_F_PARA, i, NULL, 0, 0, LAYOUT_LEFT);
			layout_blank(ctx);
		} else {
			indent = layout_cjk_para(art->paras[i]) ? 4 : 0;
			layout_block(ctx, art->paras[i], LAYOUT_BODY,
			    LAYOUT_F_PARA, i, NULL, indent, 0, LAYOUT_LEFT);
		}
	}
}

struct layout *
layout_new_cached(const struct article *art, const struct layout_opts *opts,
    struct layout_cache *lc)
{
	struct layout_ctx	 ctx;
	struct layout_scratch	 own;
	struct layout		*lay;
	size_t			 i;
	int			 width, q;
	char			*s;

	lay = xcalloc(1, sizeof *lay);
	memset(&ctx, 0, sizeof ctx);
	memset(&own, 0, sizeof own);
	ctx.sc = lc != NULL ? &lc->sc : &own;
	ctx.lay = lay;
	width = opts->width < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH : opts->width;
	lay->width = width;
	ctx.measure = width;
	if (opts->measure > 0 && opts->measure < width) {
		ctx.measure = opts->measure < LAYOUT_MIN_WIDTH ?
		    LAYOUT_MIN_WIDTH : opts->measure;
		ctx.margin = (width - ctx.measure) / 2;
	}
	q = ctx.measure >= 24 ? 4 : 0;	/* pull quote inset */

	/* Heading group: column label, kicker, headline, subhead. */
	layout_block(&ctx, art->column, LAYOUT_COLUMN, LAYOUT_F_COLUMN, 0,
	    NULL, 0, 0, LAYOUT_LEFT);
	layout_block(&ctx, art->kicker, LAYOUT_KICKER, LAYOUT_F_KICKER, 0,
	    NULL, 0, 0, LAYOUT_CENTRE);
	layout_block(&ctx, art->headline, LAYOUT_HEADLINE, LAYOUT_F_HEADLINE,
	    0, NULL, 0, 0, LAYOUT_CENTRE);
	layout_block(&ctx, art->subhead, LAYOUT_SUBHEAD, LAYOUT_F_SUBHEAD, 0,
	    NULL, 0, 0, LAYOUT_CENTRE);
	layout_blank(&ctx);

	/* Byline ("■" as printed) and dateline, unless the first paragraph
	 * starts with it (it keeps it): shown once. */
	layout_block(&ctx, art->byline, LAYOUT_BYLINE, LAYOUT_F_BYLINE, 0,
	    "\xe2\x96\xa0", 0, 0, LAYOUT_LEFT);
	if (art->dateline != NULL && (art->npara == 0 ||
	    strncmp(art->paras[0], art->dateline,
	    strlen(art->dateline)) != 0))
		layout_block(&ctx, art->dateline, LAYOUT_DATELINE,
		    LAYOUT_F_DATELINE, 0, NULL, 0, 0, LAYOUT_LEFT);
	layout_blank(&ctx);

	/* Pull quote, inset on both sides, its attribution after a dash. */
	if (art->quote != NULL) {
		ctx.measure -= q;
		layout_block(&ctx, art->quote, LAYOUT_QUOTE, LAYOUT_F_QUOTE, 0,
		    NULL, q, q, LAYOUT_LEFT);
		layout_block(&ctx, art->quote_by, LAYOUT_QUOTE_BY,
		    LAYOUT_F_QUOTE_BY, 0, "\xe2\x80\x94\xe2\x80\x94", 0, 0,
		    LAYOUT_RIGHT);
		ctx.measure += q;
		layout_blank(&ctx);
	}

	if (art->from_page > 0) {
		/* TRANSLATORS: printed before an article continued from
		   page %d, in the newspaper's own words. */
		s = xasprintf(_("\xef\xbc\x88\xe4\xb8\x8a\xe6\x8e\xa5\xe7\xac\xac"
		    "%d\xe7\x89\x88\xef\xbc\x89"), art->from_page);
		layout_block(&ctx, layout_own(lay, s), LAYOUT_NOTE,
		    LAYOUT_F_NONE, 0, NULL, 0, 0, LAYOUT_LEFT);
	}
	layout_body(&ctx, art);
	if (art->cont_page > 0) {
		/* TRANSLATORS: printed after an article that continues on
		   page %d, in the newspaper's own words. */
		s = xasprintf(_("\xef\xbc\x88\xe4\xb8\x8b\xe8\xbd\xac\xe7\xac\xac"
		    "%d\xe7\x89\x88\xef\xbc\x89"), art->cont_page);
		layout_block(&ctx, layout_own(lay, s), LAYOUT_NOTE,
		    LAYOUT_F_NONE, 0, NULL, 0, 0, LAYOUT_RIGHT);
	}

	/* Captions, each with its credit ("陶然 摄") set right. */
	for (i = 0; i < art->ncap; i++) {
		const struct caption *cap = &art->caps[i];

		layout_blank(&ctx);
		layout_block(&ctx, cap->text, LAYOUT_CAPTION,
		    LAYOUT_F_CAPTION, i, NULL, 0, 0, LAYOUT_LEFT);
		if (cap->credit != NULL && cap->credit[0] != '\0') {
			/* TRANSLATORS: a photographer's credit; "摄" means
			   "photo by". The name must come first. */
			s = xasprintf(_("%s \xe6\x91\x84"), cap->credit);
			/* The name keeps its byte offsets in the copy. */
			layout_block(&ctx, layout_own(lay, s), LAYOUT_CREDIT,
			    strncmp(s, cap->credit, strlen(cap->credit)) == 0 ?
			    LAYOUT_F_CREDIT : LAYOUT_F_NONE, i, NULL, 0, 0,
			    LAYOUT_RIGHT);
		}
	}
	/* No blank line at the end. */
	while (lay->nlines > 0 && lay->lines[lay->nlines - 1].kind ==
	    LAYOUT_BLANK)
		lay->nlines--;
	if (lc == NULL)
		layout_scratch_free(&own);
	return lay;
}

void
layout_free(struct layout *lay)
{
	size_t	i;

	if (lay == NULL)
		return;
	for (i = 0; i < lay->nowned; i++)
		free(lay->owned[i]);
	free(lay->owned);
	free(lay->lines);
	free(lay);
}

size_t
layout_find(const struct layout *lay, enum layout_field field, size_t index,
    size_t off)
{
	size_t	i, best = lay->nlines;

	for (i = 0; i < lay->nlines; i++) {
		const struct layout_line *ln = &lay->lines[i];

		if (ln->field != field || ln->index != index)
			continue;
		if (best == lay->nlines || ln->off <= off)
			best = i;
		else
			break;
	}
	return best;
}
