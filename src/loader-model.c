/*
 * loader-model.c -- the two questions the assembly asks of a page, as
 * small linear models over features of the units around the place:
 *
 * - start: does an article start at this run of title-like units (its
 *   title group), or is the run inside an article (intertitles, box
 *   labels, verse, figures, a fragment)?
 * - join: does the open paragraph A continue at unit B (a paragraph cut
 *   by a column break), or did A end there by its form?
 *
 * Each feature is a number, mostly 0 or 1, computed here from the text
 * and the layout of the units (pass 1 records where each unit stands in
 * its block and how full its last line is). The score is the bias plus
 * the weighted sum of the features; the answer is yes when it is
 * positive. The weights are fitted offline on recomposed training pages
 * by tools/fit-loader.py, which writes src/loader-weights.c; the
 * features' names here are the names in that file.
 *
 * loader_set_trace() lets a tool see every question asked, with its
 * features, to fit the weights on what the assembly actually meets.
 */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "loader-int.h"

static loader_trace_fn	 loader_trace;

void
loader_set_trace(loader_trace_fn fn)
{
	loader_trace = fn;
}

const char *const loader_start_names[LSF_N] = {
	[LSF_FIRST] = "first",
	[LSF_K1] = "k1",
	[LSF_K2] = "k2",
	[LSF_K3] = "k3",
	[LSF_LEN6] = "len6",
	[LSF_LEN14] = "len14",
	[LSF_LEN24] = "len24",
	[LSF_LEN40] = "len40",
	[LSF_LENMAX] = "lenmax",
	[LSF_TAG] = "tag",
	[LSF_NUMBERED] = "numbered",
	[LSF_COLON] = "colon",
	[LSF_DASH_END] = "dash_end",
	[LSF_DASH_START] = "dash_start",
	[LSF_LABEL] = "label",
	[LSF_CLOSED] = "closed",
	[LSF_CLAUSE_END] = "clause_end",
	[LSF_FIGURE] = "figure",
	[LSF_COMMA] = "comma",
	[LSF_SPACE] = "space",
	[LSF_QUOTED] = "quoted",
	[LSF_N_DATELINE] = "n_dateline",
	[LSF_N_INDENT] = "n_indent",
	[LSF_N_BYLINE] = "n_byline",
	[LSF_N_CAPTION] = "n_caption",
	[LSF_N_NONE] = "n_none",
	[LSF_N_SHORT] = "n_short",
	[LSF_P_OPEN] = "p_open",
	[LSF_P_NOTE] = "p_note",
	[LSF_P_COLON] = "p_colon",
	[LSF_P_SHORT] = "p_short",
	[LSF_APART] = "apart",
	[LSF_SERIES1] = "series1",
	[LSF_SERIES2] = "series2",
	[LSF_COHESION] = "cohesion",
	[LSF_AHEAD] = "ahead",
	[LSF_BEHIND] = "behind",
	[LSF_GAP_SHORT] = "gap_short",
	[LSF_GAP_LONG] = "gap_long",
	[LSF_INDENT_PAGE] = "indent_page",
	[LSF_JOIN_ACROSS] = "join_across",
	[LSF_AFTER_TITLE] = "after_title",
	[LSF_DASH_FIRST] = "dash_first",
	[LSF_INNER_COLON] = "inner_colon",
	[LSF_SIGNATURE] = "signature",
	[LSF_BROKEN] = "broken",
	[LSF_N_LEAD] = "n_lead",
	[LSF_MEASURE_SAME] = "measure_same",
	[LSF_MEASURE_DIFF] = "measure_diff",
	[LSF_NONEND] = "nonend",
	[LSF_N_NONSTART] = "n_nonstart",
	[LSF_TFIDF] = "tfidf",
	[LSF_TFIDF_TITLE] = "tfidf_title",
	[LSF_LEX] = "lex",
	[LSF_N_LEX] = "n_lex",
	[LSF_RUN_TITLE] = "run_title",
};

const char *const loader_join_names[LJF_N] = {
	[LJF_FULL] = "full",
	[LJF_SHORT] = "short",
	[LJF_UNKNOWN] = "unknown",
	[LJF_APART] = "apart",
	[LJF_CLAUSE] = "clause",
	[LJF_COLON] = "colon",
	[LJF_LETTER] = "letter",
	[LJF_B_CLOSER] = "b_closer",
	[LJF_B_QUOTE] = "b_quote",
	[LJF_B_DATELINE] = "b_dateline",
	[LJF_B_OPENER] = "b_opener",
	[LJF_B_LIST] = "b_list",
	[LJF_B_SHORT] = "b_short",
	[LJF_PAIR] = "pair",
	[LJF_A_SHORT] = "a_short",
	[LJF_A_FIGURE] = "a_figure",
	[LJF_A_LONG] = "a_long",
	[LJF_ACROSS] = "across",
	[LJF_B_APART_SHORT] = "b_apart_short",
	[LJF_A_FIRST] = "a_first",
	[LJF_B_TITLE] = "b_title",
	[LJF_B_FLUSH] = "b_flush",
	[LJF_B_STRANDED] = "b_stranded",
	[LJF_A_TITLE] = "a_title",
	[LJF_A_CLOSED] = "a_closed",
	[LJF_A_CUT] = "a_cut",
	[LJF_B_TINY] = "b_tiny",
	[LJF_B_NONSTART] = "b_nonstart",
	[LJF_A_NONEND] = "a_nonend",
	[LJF_TAIL] = "tail",
	[LJF_B_FIRST_LEX] = "b_first_lex",
	[LJF_A_LAST_LEX] = "a_last_lex",
};

void
loader_trace_units(const struct loader_ctx *cx)
{
	double	x;
	size_t	i;

	if (loader_trace == NULL)
		return;
	for (i = 0; i < cx->lp->n; i++) {
		x = cx->lp->u[i].kind;
		(void)loader_trace("unit", cx->name, cx->lp->u[i].line, 0,
		    &x, 1, 0);
	}
}

/* Is the UTF-8 character at S[0..K) one of the characters of SET? */
static bool
loader_char_in(const char *set, const char *s, int k)
{
	char	c[8];

	if (k <= 0 || k > 4)
		return false;
	memcpy(c, s, k);
	c[k] = '\0';
	return strstr(set, c) != NULL;
}

bool
loader_starts_nonstart(const char *s)
{
	ucs4_t	uc;

	return loader_char_in(loader_nonstart, s,
	    u8_strmbtouc(&uc, (const uint8_t *)s));
}

bool
loader_ends_nonend(const char *s)
{
	const uint8_t	*end = (const uint8_t *)s + strlen(s), *p;
	ucs4_t		 uc;

	if (end == (const uint8_t *)s)
		return false;
	p = u8_prev(&uc, end, (const uint8_t *)s);
	return p != NULL && loader_char_in(loader_nonend, (const char *)p,
	    (int)(end - p));
}

/* ------------------------------------------------------------------ */
/* Cues in one unit's text. */

/*
 * Does S start with a number that orders items: 一、 （一） 第二节 1. 1、
 * （1） ①? Headings so numbered are parts of an article, never its title.
 */
bool
loader_is_numbered(const char *s)
{
	static const char *const after[] = { "、", "，", "章", "节", "部分",
	    "篇", "条", "是", "步", "阶段" };
	const char	*p = s;
	ucs4_t		 uc = loader_first(s);
	int		 n;

	if (uc >= 0x2460 && uc <= 0x2473)	/* ① */
		return true;
	if (loader_starts(p, "第")) {
		p += 3;
		return loader_number(&p) > 0 &&
		    loader_starts_any(p, after, LOADER_N(after));
	}
	if (loader_starts(p, "（") || *p == '(') {
		p += *p == '(' ? 1 : 3;
		n = loader_number(&p);
		return n > 0 && (loader_starts(p, "）") || *p == ')');
	}
	n = loader_number(&p);
	if (n <= 0 || n > 99)
		return false;
	return loader_starts(p, "、") || loader_starts(p, "．") ||
	    (*p == '.' && !(p[1] >= '0' && p[1] <= '9'));
}

/* A label that heads a box or a part: 核心阅读, 这正是：, 开栏的话. */
bool
loader_is_label(const char *s)
{
	static const char *const w[] = { "核心阅读", "這正是", "这正是",
	    "开栏的话", "開欄的話", "内容提要", "內容提要", "编者按",
	    "編者按", "编后", "链接", "鏈接", "小贴士", "小貼士", "记者手记",
	    "記者手記", "短评", "短評", "延伸阅读", "延伸閱讀", "背景",
	    "相关链接", "知识链接", "亲历者说", "專家點評", "专家点评",
	    "数说", "图说", "编者的话", "编辑手记", "点评", "【" };
	size_t	n = loader_nchars(s);

	return n <= 8 && loader_starts_any(s, w, LOADER_N(w));
}

/* A figure on its own line: 507.1亿件, 2.5%, 628个. */
bool
loader_is_figure(const char *s)
{
	ucs4_t	uc;
	int	k, digits = 0, other = 0;

	while (*s != '\0') {
		k = u8_strmbtouc(&uc, (const uint8_t *)s);
		if (k <= 0)
			break;
		if ((uc >= '0' && uc <= '9') || uc == '.' || uc == '%' ||
		    (uc >= 0xff10 && uc <= 0xff19))
			digits++;
		else
			other++;
		s += k;
	}
	return digits > 0 && other <= 4;
}

/* Does S end with a bracketed tag after its text: …（人民观察）? */
static bool
loader_has_tag(const char *s)
{
	const char	*open;

	if (!loader_ends(s, "）"))
		return false;
	open = strstr(s, "（");
	return open != NULL && open != s;
}

/* Is the end of paragraph S a note that closes an article: （记者某某）,
 * （本报记者…）, （新华社北京1月1日电）, （作者为…）, （摘编自…）? */
bool
loader_ends_note(const char *s)
{
	static const char *const w[] = { "记者", "記者", "电）", "電）",
	    "作者", "摘编", "摘編", "据", "據", "本报", "本報", "编辑",
	    "通讯员", "来源" };
	const char	*open;
	size_t		 i;

	if (!loader_ends(s, "）"))
		return false;
	open = NULL;
	for (i = 0; s[i] != '\0'; i++)
		if (strncmp(s + i, "（", 3) == 0)
			open = s + i;
	if (open == NULL)
		return false;
	for (i = 0; i < LOADER_N(w); i++)
		if (strstr(open, w[i]) != NULL)
			return true;
	/* A name or two in brackets: （赵 兵 丁雅诵）. */
	return loader_nchars(open) <= 14 && strstr(open, "，") == NULL;
}

/* Words that open a paragraph far more often than they continue one. */
bool
loader_para_opener(const char *s)
{
	static const char *const w[] = { "据悉", "据了解", "近日", "日前",
	    "目前", "此外", "同时", "今年", "去年", "此次", "这次", "如今",
	    "当天", "随后", "另外", "然而", "但是", "因此", "截至", "近年来",
	    "记者", "与此同时", "对此", "为此", "其中", "据介绍", "据统计" };

	return loader_starts_any(s, w, LOADER_N(w));
}

/* Does S start a list item: 一是, 二是, （一）, 1., ①? */
static bool
loader_list_item(const char *s)
{
	static const char *const w[] = { "一是", "二是", "三是", "四是",
	    "五是", "六是", "首先", "其次", "再次", "最后", "第一，", "第二，",
	    "第三，" };

	return loader_starts_any(s, w, LOADER_N(w)) || loader_is_numbered(s);
}

/* ------------------------------------------------------------------ */
/* Bigrams: how the words of a place relate to the text around it. */

/* Sizes of the windows the features look at, in characters or units. */
enum {
	LOADER_CUT_CHARS = 30,		/* a paragraph cut by a column */
	LOADER_TINY_CHARS = 12,		/* the last words of a paragraph */
	LOADER_MEASURE_LOOK = 12,	/* units to a block of several lines */
	LOADER_SERIES_WINDOW = 120,	/* units to a look-alike title */
	LOADER_BIGRAM_CAP = 8192,	/* bigrams of a window (a power of 2) */
	LOADER_NBAGS = 3,		/* scratch bags a question fills */
	LOADER_CONTEXT_CHARS = 800,	/* text after a run */
	LOADER_ARTICLE_CHARS = 2400,	/* text of the article so far */
	LOADER_LEX_CHARS = 64,		/* characters of a title line read */
	LOADER_LEAD_CHARS = 24		/* ... of a paragraph's opening */
};

struct loader_bigrams {
	uint64_t	keys[LOADER_BIGRAM_CAP];	/* 0 = empty */
	uint16_t	tf[LOADER_BIGRAM_CAP];		/* times seen */
	uint16_t	used[LOADER_BIGRAM_CAP / 2];	/* slots taken */
	size_t		n;
};

/* Empty BG (which starts zeroed): only the slots taken are cleared, so
 * that a question costs what its text costs, not the table's size. */
static void
loader_bigram_clear(struct loader_bigrams *bg)
{
	size_t	i;

	for (i = 0; i < bg->n; i++) {
		bg->keys[bg->used[i]] = 0;
		bg->tf[bg->used[i]] = 0;
	}
	bg->n = 0;
}

static size_t
loader_bigram_slot(const struct loader_bigrams *bg, uint64_t k)
{
	uint64_t	h = k * 0x9e3779b97f4a7c15ULL;
	size_t		i = (size_t)(h >> 40) & (LOADER_BIGRAM_CAP - 1);

	while (bg->keys[i] != 0 && bg->keys[i] != k)
		i = (i + 1) & (LOADER_BIGRAM_CAP - 1);
	return i;
}

static bool
loader_bigram_has(const struct loader_bigrams *bg, uint64_t k)
{
	return bg->keys[loader_bigram_slot(bg, k)] == k;
}

/*
 * Add the bigrams of the letters of S to BG, at most *BUDGET characters
 * (decremented); from the end of S backwards when BACK. Returns false
 * when the budget is spent.
 */
static bool
loader_bigram_add(struct loader_bigrams *bg, const char *s, bool back,
    int *budget)
{
	const uint8_t	*start = (const uint8_t *)s, *p;
	ucs4_t		 a = 0, b;
	uint64_t	 k;
	size_t		 i;

	p = back ? start + strlen(s) : start;
	while (*budget > 0) {
		if (back) {
			if (p <= start || (p = u8_prev(&b, p, start)) == NULL)
				break;
		} else {
			int n = u8_strmbtouc(&b, p);

			if (n <= 0)
				break;
			p += n;
		}
		(*budget)--;
		if (!loader_is_wide_letter(b)) {
			a = 0;
			continue;
		}
		if (a != 0 && bg->n < LOADER_BIGRAM_CAP / 2) {
			k = back ? ((uint64_t)b << 32 | a) :
			    ((uint64_t)a << 32 | b);
			i = loader_bigram_slot(bg, k);
			if (bg->keys[i] == 0) {
				bg->keys[i] = k;
				bg->used[bg->n++] = (uint16_t)i;
			}
			if (bg->tf[i] < UINT16_MAX)
				bg->tf[i]++;
		}
		a = b;
	}
	return *budget > 0;
}

/* Share of the bigrams of S found in BG (0 when S has none). */
static double
loader_bigram_share(const struct loader_bigrams *bg, const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 a = 0, b;
	int		 n, total = 0, found = 0;

	while ((n = u8_strmbtouc(&b, p)) > 0) {
		p += n;
		if (!loader_is_wide_letter(b)) {
			a = 0;
			continue;
		}
		if (a != 0) {
			total++;
			if (loader_bigram_has(bg, (uint64_t)a << 32 | b))
				found++;
		}
		a = b;
	}
	return total == 0 ? 0 : (double)found / total;
}

/* Share of the bigrams of X found in Y. */
static double
loader_bigram_overlap(const struct loader_bigrams *x,
    const struct loader_bigrams *y)
{
	size_t	i, found = 0;

	if (x->n == 0)
		return 0;
	for (i = 0; i < x->n; i++)
		if (loader_bigram_has(y, x->keys[x->used[i]]))
			found++;
	return (double)found / x->n;
}

/*
 * The pairs of adjacent letters of a page, with the number of units each
 * occurs in (for weighting words by how rare they are on the page): open
 * addressing, key 0 empty.
 */
struct loader_pairset {
	uint64_t	*keys;
	uint32_t	*df;		/* units holding the pair */
	uint32_t	*last;		/* the last unit counted, + 1 */
	size_t		 mask;
	size_t		 ndocs;		/* units */
};

static size_t
loader_pairset_slot(const struct loader_pairset *ps, uint64_t k)
{
	size_t	h = (size_t)((k * 0x9e3779b97f4a7c15ULL) >> 17) & ps->mask;

	while (ps->keys[h] != 0 && ps->keys[h] != k)
		h = (h + 1) & ps->mask;
	return h;
}

static void
loader_pairset_count(struct loader_pairset *ps, uint64_t k, size_t unit)
{
	size_t	h = loader_pairset_slot(ps, k);

	ps->keys[h] = k;
	if (ps->last[h] != unit + 1) {
		ps->last[h] = (uint32_t)(unit + 1);
		ps->df[h]++;
	}
}

static struct loader_pairset *
loader_pairset_build(const struct loader_page *lp)
{
	struct loader_pairset	*ps = xcalloc(1, sizeof *ps);
	const uint8_t		*p;
	size_t			 i, total = 0, cap = 64;
	ucs4_t			 a, b;
	int			 n;

	for (i = 0; i < lp->n; i++)
		total += lp->u[i].text != NULL ? strlen(lp->u[i].text) : 0;
	while (cap < total)
		cap *= 2;
	ps->keys = xcalloc(cap, sizeof *ps->keys);
	ps->df = xcalloc(cap, sizeof *ps->df);
	ps->last = xcalloc(cap, sizeof *ps->last);
	ps->mask = cap - 1;
	for (i = 0; i < lp->n; i++) {
		a = 0;
		if (lp->u[i].text != NULL && lp->u[i].text[0] != '\0')
			ps->ndocs++;
		for (p = (const uint8_t *)lp->u[i].text; p != NULL &&
		    (n = u8_strmbtouc(&b, p)) > 0; p += n) {
			if (a != 0 && loader_is_wide_letter(a) &&
			    loader_is_wide_letter(b))
				loader_pairset_count(ps,
				    (uint64_t)a << 32 | b, i);
			a = b;
		}
	}
	return ps;
}

/* The weight of bigram K on the page: the log of how rare it is. */
static double
loader_pairset_idf(const struct loader_pairset *ps, uint64_t k)
{
	size_t	h = loader_pairset_slot(ps, k);
	double	df = ps->keys[h] == k ? ps->df[h] : 0;

	return log((ps->ndocs + 1.0) / (df + 1.0));
}

void
loader_pairset_free(struct loader_pairset *ps)
{
	if (ps == NULL)
		return;
	free(ps->keys);
	free(ps->df);
	free(ps->last);
	free(ps);
}

/*
 * Scratch bag N (0-2) of CX, allocated zeroed once per page and emptied
 * by whoever fills it (loader_bigram_clear).
 */
static struct loader_bigrams *
loader_bag(struct loader_ctx *cx, size_t n)
{
	if (cx->bags == NULL)
		cx->bags = xcalloc(LOADER_NBAGS, sizeof *cx->bags);
	return &cx->bags[n];
}

void
loader_model_done(struct loader_ctx *cx)
{
	loader_pairset_free(cx->pairs);
	cx->pairs = NULL;
	free(cx->bags);
	cx->bags = NULL;
}

/* The page's pair set, built at the first question that needs it. */
static struct loader_pairset *
loader_pairs(struct loader_ctx *cx)
{
	if (cx->pairs == NULL)
		cx->pairs = loader_pairset_build(cx->lp);
	return cx->pairs;
}

/*
 * The cosine of the bigram bags X and Y, each bigram weighted by how rare
 * it is on the page (tf-idf): 1 for the same words, 0 for none shared.
 */
static double
loader_bag_cosine(struct loader_ctx *cx, const struct loader_bigrams *x,
    const struct loader_bigrams *y)
{
	struct loader_pairset	*ps = loader_pairs(cx);
	double			 dot = 0, nx = 0, ny = 0, w, idf;
	size_t			 i, h, s;

	for (i = 0; i < x->n; i++) {
		s = x->used[i];
		idf = loader_pairset_idf(ps, x->keys[s]);
		w = idf * x->tf[s];
		nx += w * w;
		h = loader_bigram_slot(y, x->keys[s]);
		if (y->keys[h] == x->keys[s])
			dot += w * idf * y->tf[h];
	}
	for (i = 0; i < y->n; i++) {
		s = y->used[i];
		w = loader_pairset_idf(ps, y->keys[s]) * y->tf[s];
		ny += w * w;
	}
	return nx > 0 && ny > 0 ? dot / sqrt(nx * ny) : 0;
}

static bool
loader_is_body(enum loader_kind k)
{
	return k == LK_PARA;
}

/* The body text from unit I on, up to LOADER_CONTEXT_CHARS. */
static void
loader_context_after(const struct loader_page *lp, size_t i,
    struct loader_bigrams *bg)
{
	int	budget = LOADER_CONTEXT_CHARS;

	loader_bigram_clear(bg);
	for (; i < lp->n; i++)
		if (loader_is_body(lp->u[i].kind) &&
		    !loader_bigram_add(bg, lp->u[i].text, false, &budget))
			break;
}

/* The text of article A so far (its last paragraphs, backwards, up to
 * LOADER_ARTICLE_CHARS), and its title lines into TITLE. */
static void
loader_context_article(const struct article *a, struct loader_bigrams *bg,
    struct loader_bigrams *title)
{
	int	budget = LOADER_ARTICLE_CHARS;
	size_t	i;

	loader_bigram_clear(bg);
	loader_bigram_clear(title);
	if (a == NULL)
		return;
	for (i = a->npara; i-- > 0;)
		if (!loader_bigram_add(bg, a->paras[i], true, &budget))
			break;
	budget = LOADER_ARTICLE_CHARS;
	if (a->kicker != NULL)
		loader_bigram_add(title, a->kicker, false, &budget);
	if (a->headline != NULL)
		loader_bigram_add(title, a->headline, false, &budget);
	if (a->subhead != NULL)
		loader_bigram_add(title, a->subhead, false, &budget);
}

/* ------------------------------------------------------------------ */
/* Scoring. */


static double
loader_score(const struct loader_model *m, const double *x)
{
	double	s = m->bias;
	size_t	i;

	for (i = 0; i < m->n; i++)
		s += m->w[i] * x[i];
	return s;
}

/* Tell the trace function, which may answer instead of the model. */
static double
loader_emit(const struct loader_ctx *cx, const char *model, size_t a,
    size_t b, const double *x, size_t n, double score)
{
	double	v;

	if (loader_trace == NULL)
		return score;
	v = loader_trace(model, cx->name, cx->lp->u[a].line,
	    b < cx->lp->n ? cx->lp->u[b].line : 0, x, n, score);
	return isnan(v) ? score : v;
}

/* Length bucket features of N characters. */
static void
loader_len_features(double *x, size_t n)
{
	if (n <= 6)
		x[LSF_LEN6] = 1;
	else if (n <= 14)
		x[LSF_LEN14] = 1;
	else if (n <= 24)
		x[LSF_LEN24] = 1;
	else if (n <= 40)
		x[LSF_LEN40] = 1;
	else
		x[LSF_LENMAX] = 1;
}

/* A signature closing a letter: a place and a name, 江西丰城市 徐新林. */
static bool
loader_is_signature(const char *s)
{
	const char	*sp = strrchr(s, ' ');
	size_t		 n;

	if (sp == NULL || loader_nchars(s) > 20)
		return false;
	n = loader_nchars(sp + 1);
	return n >= 2 && n <= 4 && !loader_has_tag(s);
}

/* Does S open as a news lead: a date (2月7日，), 近日, 记者, 当地时间? */
static bool
loader_is_lead(const char *s)
{
	static const char *const w[] = { "近日", "日前", "昨天", "今天",
	    "当地时间", "记者", "本报", "据新华社", "新华社", "日前，" };
	const char	*p = s, *yue = NULL;
	int		 i;
	ucs4_t		 uc;

	if (loader_starts_any(s, w, LOADER_N(w)))
		return true;
	for (i = 0; i < 12 && *p != '\0'; i++) {
		int k = u8_strmbtouc(&uc, (const uint8_t *)p);

		if (k <= 0)
			break;
		if (uc == 0x6708)		/* 月 */
			yue = p;
		else if (uc == 0x65e5 && yue != NULL)	/* 日 */
			return true;
		p += k;
	}
	return false;
}

/* The measure of the nearest body unit of several lines from I on
 * (forward) or before I (backwards), within LOADER_MEASURE_LOOK units;
 * 0 when none. */
static int
loader_near_measure(const struct loader_page *lp, size_t i, bool back)
{
	size_t	k, n = 0;

	for (k = i; n < LOADER_MEASURE_LOOK; n++) {
		if (back) {
			if (k == 0)
				break;
			k--;
		} else if (++k >= lp->n)
			break;
		if (lp->u[k].kind == LK_TITLE)
			break;
		if (lp->u[k].kind == LK_PARA && lp->u[k].nlines >= 3)
			return lp->u[k].measure;
	}
	return 0;
}

double
loader_lex_of(const struct loader_lex *table, size_t n, ucs4_t uc)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (table[mid].uc < uc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && table[lo].uc == uc ? table[lo].w : 0;
}

/*
 * How much the first LIMIT characters of S read as the class of TABLE:
 * the sum of their log odds, each distinct character once, over the
 * square root of their number.
 */
static double
loader_lex(const char *s, const struct loader_lex *table, size_t ntable,
    size_t limit)
{
	ucs4_t	seen[64], uc;
	size_t	n = 0, k, used = 0;
	double	sum = 0;
	int	len;

	while ((len = u8_strmbtouc(&uc, (const uint8_t *)s)) > 0 &&
	    n < 64 && used++ < limit) {
		s += len;
		for (k = 0; k < n && seen[k] != uc; k++)
			;
		if (k < n)
			continue;
		seen[n++] = uc;
		sum += loader_lex_of(table, ntable, uc);
	}
	return n > 0 ? sum / sqrt((double)n) : 0;
}

/* Features of the run's own text (its first unit, mostly). */
static void
loader_run_text(const struct loader_page *lp, size_t i, size_t j, double *x)
{
	const struct loader_unit *u = &lp->u[i];
	const char	*s = u->text;
	size_t		 k;
	ucs4_t		 last = loader_last(s, strlen(s), 0);

	x[j - i == 1 ? LSF_K1 : j - i == 2 ? LSF_K2 : LSF_K3] = 1;
	loader_len_features(x, u->nchars);
	for (k = i; k < j; k++) {
		if (loader_has_tag(lp->u[k].text))
			x[LSF_TAG] = 1;
		if (k > i && loader_starts(lp->u[k].text, "——"))
			x[LSF_DASH_START] = 1;
		if (lp->u[k].block_last && k + 1 < j)
			x[LSF_BROKEN] = 1;
	}
	x[LSF_DASH_FIRST] = loader_starts(s, "——");
	x[LSF_INNER_COLON] = last != 0xff1a && strstr(s, "：") != NULL;
	x[LSF_SIGNATURE] = loader_is_signature(s);
	x[LSF_LEX] = loader_lex(s, loader_title_lex, loader_title_nlex,
	    LOADER_LEX_CHARS);
	x[LSF_NUMBERED] = loader_is_numbered(s);
	x[LSF_COLON] = last == 0xff1a || last == ':';
	x[LSF_DASH_END] = loader_ends(s, "——") || loader_ends(s, "—");
	x[LSF_LABEL] = loader_is_label(s);
	x[LSF_CLOSED] = !u->open;
	x[LSF_CLAUSE_END] = last == 0xff0c || last == 0x3001 ||
	    last == 0xff1b;
	x[LSF_FIGURE] = loader_is_figure(s);
	x[LSF_COMMA] = strstr(s, "，") != NULL;
	x[LSF_SPACE] = strchr(s, ' ') != NULL ||
	    strstr(s, "\xe3\x80\x80") != NULL;
	x[LSF_QUOTED] = loader_starts(s, "“");
	x[LSF_APART] = u->block_first;
	for (k = i; k < j && !lp->u[k].block_last; k++)
		;
	if (k == j)
		x[LSF_APART] = 0;
}

/*
 * The shape of a title-like line, for series: how it is numbered, and
 * where its clause marks and spaces stand.
 */
static void
loader_shape(const char *s, char *out, size_t size)
{
	size_t	o = 0;
	ucs4_t	uc;
	int	k;

	if (loader_is_numbered(s)) {
		snprintf(out, size, "#");
		return;
	}
	while (*s != '\0' && o + 2 < size) {
		k = u8_strmbtouc(&uc, (const uint8_t *)s);
		if (k <= 0)
			break;
		out[o++] = uc == 0xff0c || uc == 0x3001 ? ',' :
		    loader_is_space(uc) ? ' ' : uc == 0xff1a ? ':' :
		    loader_is_opener(uc) || loader_is_closer(uc) ? '"' : 'x';
		s += k;
	}
	out[o] = '\0';
}

/*
 * How many other title-like units near unit I have its shape (numbered
 * alike, or as long with the same clause marks where they stand):
 * intertitles come in series, headlines of different articles seldom
 * look alike.
 */
static int
loader_series(const struct loader_page *lp, size_t i)
{
	char	me[128], other[128];
	size_t	k, lo, hi;
	int	n = 0;

	loader_shape(lp->u[i].text, me, sizeof me);
	lo = i > LOADER_SERIES_WINDOW ? i - LOADER_SERIES_WINDOW : 0;
	hi = i + LOADER_SERIES_WINDOW < lp->n ? i + LOADER_SERIES_WINDOW :
	    lp->n;
	for (k = lo; k < hi; k++) {
		if (k == i || lp->u[k].kind != LK_TITLE ||
		    (k > 0 && lp->u[k - 1].kind == LK_TITLE) ||
		    (k + 1 < lp->n && lp->u[k + 1].kind == LK_TITLE))
			continue;
		loader_shape(lp->u[k].text, other, sizeof other);
		if (strcmp(me, other) == 0)
			n++;
	}
	return n;
}

/* Features of the units around the run [I, J). */
static void
loader_run_context(const struct loader_ctx *cx, size_t i, size_t j,
    double *x)
{
	const struct loader_page *lp = cx->lp;
	const struct loader_unit *p = NULL, *nb = NULL;
	size_t		 k, gap = 0;
	char		*d;

	for (k = i; k-- > 0;) {
		if (lp->u[k].kind == LK_TITLE)
			break;
		if (loader_is_body(lp->u[k].kind)) {
			if (p == NULL)
				p = &lp->u[k];
			gap += lp->u[k].nchars;
		}
	}
	for (k = j; k < lp->n; k++)
		if (lp->u[k].kind != LK_DROP)
			break;
	if (k >= lp->n)
		x[LSF_N_NONE] = 1;
	else {
		x[LSF_N_INDENT] = lp->u[k].indented;
		x[LSF_N_BYLINE] = lp->u[k].kind == LK_BYLINE;
		x[LSF_N_CAPTION] = lp->u[k].kind == LK_CAPTION ||
		    lp->u[k].kind == LK_CREDIT;
	}
	for (; k < lp->n; k++)
		if (loader_is_body(lp->u[k].kind)) {
			nb = &lp->u[k];
			break;
		}
	if (nb != NULL && (d = loader_dateline(nb->text)) != NULL) {
		free(d);
		x[LSF_N_DATELINE] = 1;
	}
	if (nb != NULL && nb->nchars <= 30 && nb->open)
		x[LSF_N_SHORT] = 1;
	if (nb != NULL && loader_is_lead(nb->text))
		x[LSF_N_LEAD] = 1;
	if (nb != NULL && loader_starts_nonstart(nb->text))
		x[LSF_N_NONSTART] = 1;
	if (nb != NULL)
		x[LSF_N_LEX] = loader_lex(nb->text, loader_lead_lex,
		    loader_lead_nlex, LOADER_LEAD_CHARS);
	x[LSF_NONEND] = loader_ends_nonend(lp->u[i].text);
	{
		int mb = loader_near_measure(lp, i, true);
		int ma = loader_near_measure(lp, j - 1, false);

		if (mb > 0 && ma > 0) {
			x[LSF_MEASURE_SAME] = mb - ma <= 2 && ma - mb <= 2;
			x[LSF_MEASURE_DIFF] = !x[LSF_MEASURE_SAME];
		}
	}
	if (p == NULL)
		x[LSF_FIRST] = 1;
	else {
		x[LSF_P_OPEN] = p->open;
		x[LSF_P_NOTE] = loader_ends_note(p->text);
		x[LSF_P_COLON] = loader_ends(p->text, "：");
		x[LSF_P_SHORT] = p->nchars <= 30;
		x[LSF_GAP_SHORT] = gap < 60;
		x[LSF_GAP_LONG] = gap > 600;
	}
}

/*
 * Cohesion: how the words after the run relate to the article so far and
 * to its title, and the run's own words to both.
 */
static void
loader_run_words(struct loader_ctx *cx, size_t i, size_t j,
    const struct article *cur, double *x)
{
	struct loader_bigrams	*before, *after, *title;
	size_t			 k;
	double			 ahead = 0, behind = 0, head = 0, v;

	before = loader_bag(cx, 0);
	after = loader_bag(cx, 1);
	title = loader_bag(cx, 2);
	loader_context_article(cur, before, title);
	loader_context_after(cx->lp, j, after);
	if (before->n > 0 && after->n > 0) {
		x[LSF_COHESION] = loader_bigram_overlap(after, before);
		x[LSF_TFIDF] = loader_bag_cosine(cx, after, before);
	}
	if (title->n > 0 && after->n > 0) {
		x[LSF_AFTER_TITLE] = loader_bigram_overlap(title, after);
		x[LSF_TFIDF_TITLE] = loader_bag_cosine(cx, after, title);
	}
	for (k = i; k < j; k++) {
		if (cx->lp->u[k].kind != LK_TITLE)
			continue;
		v = loader_bigram_share(after, cx->lp->u[k].text);
		ahead = v > ahead ? v : ahead;
		v = loader_bigram_share(before, cx->lp->u[k].text);
		behind = v > behind ? v : behind;
		v = loader_bigram_share(title, cx->lp->u[k].text);
		head = v > head ? v : head;
	}
	x[LSF_AHEAD] = ahead;
	x[LSF_BEHIND] = behind;
	x[LSF_RUN_TITLE] = head;
}

double
loader_start_score(struct loader_ctx *cx, size_t i, size_t j,
    bool join_across, const struct article *cur)
{
	double	x[LSF_N];
	double	s;
	int	series;

	memset(x, 0, sizeof x);
	loader_run_text(cx->lp, i, j, x);
	loader_run_context(cx, i, j, x);
	loader_run_words(cx, i, j, cur, x);
	series = loader_series(cx->lp, i);
	x[LSF_SERIES1] = series == 1;
	x[LSF_SERIES2] = series >= 2;
	x[LSF_INDENT_PAGE] = cx->indent_page;
	x[LSF_JOIN_ACROSS] = join_across;
	s = loader_score(&loader_start_model, x);
	return loader_emit(cx, "start", i, j, x, LSF_N, s);
}

/* ------------------------------------------------------------------ */
/* Splits: where an article starts whose title came after its first
 * column. */

const char *const loader_split_names[LPF_N] = {
	[LPF_DATELINE] = "dateline",
	[LPF_LEAD] = "lead",
	[LPF_PREV_NOTE] = "prev_note",
	[LPF_PREV_CLOSED] = "prev_closed",
	[LPF_PREV_OPEN_JOIN] = "prev_open_join",
	[LPF_BLOCK] = "block",
	[LPF_MEASURE_DIFF] = "measure_diff",
	[LPF_MEASURE_SAME] = "measure_same",
	[LPF_NEW_TITLE] = "new_title",
	[LPF_OLD_TITLE] = "old_title",
	[LPF_COHESION] = "cohesion",
	[LPF_LAST] = "last",
	[LPF_ACROSS] = "across",
	[LPF_CHARS200] = "chars200",
	[LPF_CHARS600] = "chars600",
	[LPF_CHARS1500] = "chars1500",
	[LPF_CHARSMAX] = "charsmax",
};

/* Words of the paragraphs of A from K on (SINCE) and before K (BEFORE,
 * backwards), and of its title (TITLE). */
static void
loader_split_words(const struct article *a, size_t k,
    struct loader_bigrams *since, struct loader_bigrams *before,
    struct loader_bigrams *title)
{
	int	budget = LOADER_ARTICLE_CHARS;
	size_t	q;

	loader_bigram_clear(since);
	for (q = k; q < a->npara; q++)
		if (!loader_bigram_add(since, a->paras[q], false, &budget))
			break;
	loader_context_article(a, before, title);
	loader_bigram_clear(before);
	budget = LOADER_ARTICLE_CHARS;
	for (q = k; q-- > 0;)
		if (!loader_bigram_add(before, a->paras[q], true, &budget))
			break;
}

/* The share of the bigrams of the title-like units [I, J) found in BG. */
static double
loader_run_share(const struct loader_page *lp, size_t i, size_t j,
    const struct loader_bigrams *bg)
{
	double	v, best = 0;
	size_t	q;

	for (q = i; q < j; q++)
		if (lp->u[q].kind == LK_TITLE &&
		    (v = loader_bigram_share(bg, lp->u[q].text)) > best)
			best = v;
	return best;
}

double
loader_split_score(struct loader_ctx *cx, const struct loader_art *la,
    size_t k, size_t i, size_t j, bool across)
{
	const struct article	*a = la->a;
	const struct loader_unit *u = &cx->lp->u[la->para_unit[k]];
	struct loader_bigrams	*since, *before, *title;
	double			 x[LPF_N], s;
	size_t			 q, chars = 0;
	char			*d;
	int			 mb;

	memset(x, 0, sizeof x);
	if ((d = loader_dateline(a->paras[k])) != NULL) {
		free(d);
		x[LPF_DATELINE] = 1;
	}
	x[LPF_LEAD] = loader_is_lead(a->paras[k]);
	x[LPF_PREV_NOTE] = loader_ends_note(a->paras[k - 1]);
	x[LPF_PREV_CLOSED] = loader_is_closed(a->paras[k - 1]);
	x[LPF_BLOCK] = u->block_first;
	mb = cx->lp->u[la->body_unit].measure;
	if (u->measure > 0 && mb > 0) {
		x[LPF_MEASURE_SAME] = u->measure - mb <= 2 &&
		    mb - u->measure <= 2;
		x[LPF_MEASURE_DIFF] = !x[LPF_MEASURE_SAME];
	}
	x[LPF_LAST] = k + 1 == a->npara;
	x[LPF_ACROSS] = across;
	for (q = k; q < a->npara; q++)
		chars += loader_nchars(a->paras[q]);
	x[chars <= 200 ? LPF_CHARS200 : chars <= 600 ? LPF_CHARS600 :
	    chars <= 1500 ? LPF_CHARS1500 : LPF_CHARSMAX] = 1;
	since = loader_bag(cx, 0);
	before = loader_bag(cx, 1);
	title = loader_bag(cx, 2);
	loader_split_words(a, k, since, before, title);
	x[LPF_NEW_TITLE] = loader_run_share(cx->lp, i, j, since);
	if (title->n > 0)
		x[LPF_OLD_TITLE] = loader_bigram_overlap(title, since);
	if (since->n > 0 && before->n > 0)
		x[LPF_COHESION] = loader_bigram_overlap(since, before);
	s = loader_score(&loader_split_model, x);
	return loader_emit(cx, "split", la->para_unit[k], i, x, LPF_N, s);
}

/* ------------------------------------------------------------------ */
/* Title lines. */

const char *const loader_title_names[LTF_N] = {
	[LTF_SECOND] = "second",
	[LTF_THIRD] = "third",
	[LTF_PREV_TAG] = "prev_tag",
	[LTF_PREV_DASH_END] = "prev_dash_end",
	[LTF_DASH_FIRST] = "dash_first",
	[LTF_BRACKETED] = "bracketed",
	[LTF_LABEL] = "label",
	[LTF_NUMBERED] = "numbered",
	[LTF_FIGURE] = "figure",
	[LTF_QUOTED] = "quoted",
	[LTF_CLOSED] = "closed",
	[LTF_INNER_COLON] = "inner_colon",
	[LTF_CLAUSE_END] = "clause_end",
	[LTF_LEN6] = "len6",
	[LTF_LEN14] = "len14",
	[LTF_LEN24] = "len24",
	[LTF_LEN40] = "len40",
	[LTF_LENMAX] = "lenmax",
	[LTF_SAME_BLOCK] = "same_block",
	[LTF_OWN_BLOCK] = "own_block",
	[LTF_LAST] = "last",
	[LTF_TAG] = "tag",
	[LTF_SPACE] = "space",
};

double
loader_title_score(const struct loader_ctx *cx, size_t i, size_t k,
    size_t j)
{
	const struct loader_page *lp = cx->lp;
	const struct loader_unit *u = &lp->u[k], *p;
	const char	*s = u->text;
	double		 x[LTF_N];
	size_t		 n = 0, q, prev = i;
	ucs4_t		 last = loader_last(s, strlen(s), 0);
	double		 sc;

	memset(x, 0, sizeof x);
	for (q = i; q < k; q++)
		if (lp->u[q].kind != LK_DROP) {
			n++;
			prev = q;
		}
	p = &lp->u[prev];
	x[n <= 1 ? LTF_SECOND : LTF_THIRD] = 1;
	x[LTF_PREV_TAG] = loader_has_tag(p->text);
	x[LTF_PREV_DASH_END] = loader_ends(p->text, "——");
	x[LTF_DASH_FIRST] = loader_starts(s, "——");
	x[LTF_BRACKETED] = loader_starts(s, "（") && loader_ends(s, "）");
	x[LTF_LABEL] = loader_is_label(s);
	x[LTF_NUMBERED] = loader_is_numbered(s);
	x[LTF_FIGURE] = loader_is_figure(s);
	x[LTF_QUOTED] = loader_starts(s, "“");
	x[LTF_CLOSED] = !u->open;
	x[LTF_INNER_COLON] = last != 0xff1a && strstr(s, "：") != NULL;
	x[LTF_CLAUSE_END] = last == 0xff0c || last == 0x3001 ||
	    last == 0xff1b;
	x[u->nchars <= 6 ? LTF_LEN6 : u->nchars <= 14 ? LTF_LEN14 :
	    u->nchars <= 24 ? LTF_LEN24 : u->nchars <= 40 ? LTF_LEN40 :
	    LTF_LENMAX] = 1;
	x[LTF_SAME_BLOCK] = !p->block_last;
	x[LTF_OWN_BLOCK] = u->block_first && u->block_last;
	x[LTF_LAST] = loader_next(lp, k) >= j;
	x[LTF_TAG] = loader_has_tag(s);
	x[LTF_SPACE] = strchr(s, ' ') != NULL ||
	    strstr(s, "\xe3\x80\x80") != NULL;
	sc = loader_score(&loader_title_model, x);
	return loader_emit(cx, "title", k, k, x, LTF_N, sc);
}

/* ------------------------------------------------------------------ */
/* Joins. */

/* Does the pair X Y occur in the page's units of text? */
static bool
loader_pair_on_page(struct loader_ctx *cx, ucs4_t x, ucs4_t y)
{
	uint64_t	k = (uint64_t)x << 32 | y;

	struct loader_pairset	*ps = loader_pairs(cx);

	return ps->keys[loader_pairset_slot(ps, k)] == k;
}

double
loader_join_score(struct loader_ctx *cx, size_t ia, const char *atext,
    size_t ib, int where, bool a_first)
{
	const struct loader_unit *a = &cx->lp->u[ia], *b = &cx->lp->u[ib];
	double		 x[LJF_N];
	ucs4_t		 last = loader_last(atext, strlen(atext), 0);
	ucs4_t		 first = loader_first(b->text);
	int		 slack;
	char		*d;
	double		 s;
	size_t		 k;

	memset(x, 0, sizeof x);
	slack = a->measure / LL_SLACK_DIV > LL_SLACK_MIN ?
	    a->measure / LL_SLACK_DIV : LL_SLACK_MIN;
	if (a->measure == 0 || a->nlines < 2)
		x[LJF_UNKNOWN] = 1;
	else if (a->last_cols >= a->measure - slack)
		x[LJF_FULL] = 1;
	else
		x[LJF_SHORT] = 1;
	x[LJF_APART] = a->block_last && b->block_first;
	x[LJF_CLAUSE] = last == 0xff0c || last == 0x3001;
	x[LJF_COLON] = last == 0xff1a || last == ':';
	x[LJF_LETTER] = loader_is_wide_letter(last) || uc_is_alnum(last);
	x[LJF_B_CLOSER] = loader_is_closer(first) || loader_is_stop(first) ||
	    first == 0xff0c || first == 0x3001 || first == 0xff1a;
	x[LJF_B_QUOTE] = loader_is_opener(first) &&
	    (loader_is_wide_letter(last) || uc_is_alpha(last));
	if ((d = loader_dateline(b->text)) != NULL) {
		free(d);
		x[LJF_B_DATELINE] = 1;
	}
	x[LJF_B_OPENER] = loader_para_opener(b->text);
	x[LJF_B_LIST] = loader_list_item(b->text);
	x[LJF_B_SHORT] = b->nchars <= 30 && b->open;
	x[LJF_B_APART_SHORT] = x[LJF_B_SHORT] != 0 && b->block_first &&
	    b->block_last;
	x[LJF_PAIR] = loader_is_wide_letter(last) &&
	    loader_is_wide_letter(first) &&
	    loader_pair_on_page(cx, last, first);
	x[LJF_A_SHORT] = a->nchars <= 12;
	x[LJF_A_FIGURE] = loader_is_figure(a->text);
	x[LJF_A_LONG] = loader_nchars(atext) >= 60;
	x[LJF_ACROSS] = where == LOADER_JOIN_ACROSS;
	x[LJF_TAIL] = where == LOADER_JOIN_TAIL;
	x[LJF_A_FIRST] = a_first;
	x[LJF_B_TITLE] = b->kind == LK_TITLE;
	x[LJF_A_TITLE] = a->kind == LK_TITLE && strcmp(atext, a->text) == 0;
	x[LJF_A_CLOSED] = loader_is_closed(atext);
	x[LJF_A_CUT] = (x[LJF_LETTER] != 0 || x[LJF_CLAUSE] != 0) &&
	    !a_first && loader_nchars(atext) >= LOADER_CUT_CHARS;
	x[LJF_B_TINY] = !b->open && b->nchars <= LOADER_TINY_CHARS;
	x[LJF_B_NONSTART] = loader_starts_nonstart(b->text);
	x[LJF_A_NONEND] = loader_ends_nonend(atext);
	x[LJF_B_FIRST_LEX] = loader_lex_of(loader_first_lex,
	    loader_first_nlex, first);
	x[LJF_A_LAST_LEX] = loader_lex_of(loader_last_lex, loader_last_nlex,
	    last);
	x[LJF_B_FLUSH] = cx->indent_page && !b->indented;
	for (k = ib + 1; k < cx->lp->n && cx->lp->u[k].kind == LK_DROP; k++)
		;
	x[LJF_B_STRANDED] = b->open && (k >= cx->lp->n ||
	    cx->lp->u[k].kind != LK_PARA);
	s = loader_score(&loader_join_model, x);
	return loader_emit(cx, "join", ia, ib, x, LJF_N, s);
}
