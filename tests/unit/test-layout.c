/*
 * test-layout.c -- line breaking (every rule with a case that fails
 * without it) and article layout: kinds, indents, the measure, prefixes,
 * notes, widths as drawn, layout_find.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "model.h"
#include "tcheck.h"
#include "text.h"
#include "util.h"

/*
 * layout_wrap(S, WIDTH, FIRST, REST) shown with '|' before every line but
 * the first, trailing spaces included (they hang between lines).
 */
static const struct {
	const char	*s;
	int		 width, first;
	const char	*want;
	const char	*rule;
} wrap_cases[] = {
	{ "好热闹啊！”第二天，他们", 12, 0, "好热闹啊！”|第二天，他们",
	  "break after ” before a wide character (STYLE.md 3.2)" },
	{ "汉字汉字汉“引号”", 10, 0, "汉字汉字汉|“引号”",
	  "break before “ after a wide character" },
	{ "汉字汉”汉", 7, 0, "汉字汉”|汉",
	  "a 1-cell closing mark stays when its cell is free" },
	{ "汉字汉字汉，汉", 10, 0, "汉字汉字|汉，汉",
	  "， never starts a line: the character before it goes down" },
	{ "汉字汉字汉。", 10, 0, "汉字汉字|汉。", "。 never starts a line" },
	{ "汉字汉字汉）", 10, 0, "汉字汉字|汉）", "） never starts a line" },
	{ "汉字汉字·汉字", 8, 0, "汉字汉|字·汉字",
	  "· never starts a line (UAX #14 allows it)" },
	{ "汉字汉字～汉字", 8, 0, "汉字汉|字～汉字", "～ never starts a line" },
	{ "汉字汉字—汉字", 8, 0, "汉字汉|字—汉字", "— never starts a line" },
	{ "汉字汉字•汉字", 8, 0, "汉字汉|字•汉字", "• never starts a line" },
	{ "汉字汉字／汉字", 8, 0, "汉字汉|字／汉字", "／ never starts a line" },
	{ "汉字汉／汉字", 8, 0, "汉字|汉／汉字", "／ never ends a line" },
	{ "汉字汉（注）", 8, 0, "汉字汉|（注）", "（ never ends a line" },
	{ "汉字汉《书》", 8, 0, "汉字汉|《书》", "《 never ends a line" },
	{ "汉字汉“引”", 7, 0, "汉字汉|“引”", "“ never ends a line" },
	{ "汉字汉……汉", 7, 0, "汉字|汉……汉", "…… is never split" },
	{ "汉字汉——汉", 7, 0, "汉字|汉——汉", "—— is never split" },
	{ "在２０２１", 9, 0, "在|２０２１",
	  "fullwidth digit runs stay whole (UAX #14 splits them)" },
	{ "见www.81.cn网站", 10, 0, "见|www.81.cn|网站",
	  "URLs stay whole (libunistring breaks after a full stop)" },
	{ "hello world foo", 8, 0, "hello |world |foo",
	  "Latin words stay whole; spaces hang" },
	{ "abcdefghijkl", 8, 0, "abcdefgh|ijkl",
	  "a word longer than the line is cut" },
	{ "中文abcdefghij", 8, 0, "中文|abcdefgh|ij",
	  "a long word starts a new line before it is cut" },
	{ "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 4, 0,
	  "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81|e\xcc\x81",
	  "never inside a grapheme cluster (combining mark)" },
	{ "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\xf0\x9f\x87\xba\xf0\x9f\x87\xb8"
	  "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3", 5, 0,
	  "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\xf0\x9f\x87\xba\xf0\x9f\x87\xb8|"
	  "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3",
	  "never inside a flag (u8_grapheme_next miscounts them)" },
	{ "汉字汉字汉字", 8, 4, "汉字|汉字汉字", "first-line indent" },
	{ "", 8, 0, "", "an empty paragraph is one empty line" },
};

static char *
wrap_show(const char *s, int width, int first)
{
	size_t	*starts, n, i, len = strlen(s);
	char	*out;
	size_t	 o = 0, from = 0;

	n = layout_wrap(s, len, width, first, 0, &starts);
	out = xmalloc(len + n + 1);
	for (i = 1; i <= n; i++) {
		size_t to = i < n ? starts[i] : len;

		memcpy(out + o, s + from, to - from);
		o += to - from;
		if (i < n)
			out[o++] = '|';
		from = to;
	}
	out[o] = '\0';
	free(starts);
	return out;
}

/* Every line: no wider than the pane, and cols is what gets drawn. */
static void
check_lines(const struct layout *lay, int width)
{
	size_t	i;

	for (i = 0; i < lay->nlines; i++) {
		const struct layout_line *ln = &lay->lines[i];
		int w = ln->indent + text_strwidth(ln->text + ln->off,
		    ln->len) + (ln->prefix != NULL ?
		    text_strwidth(ln->prefix, strlen(ln->prefix)) : 0);

		if (ln->kind == LAYOUT_BLANK)
			continue;
		if (w != ln->cols || ln->cols > width)
			fprintf(stderr, "width %d line %zu: cols %d drawn %d\n",
			    width, i, ln->cols, w);
		CHECK(w == ln->cols);
		CHECK(ln->cols <= width);
	}
}

static size_t
find_kind(const struct layout *lay, enum layout_kind kind)
{
	size_t	i;

	for (i = 0; i < lay->nlines; i++)
		if (lay->lines[i].kind == kind)
			return i;
	return lay->nlines;
}

/*
 * The body: a paragraph that starts with a digit is indented in a Chinese
 * article, not in an English one; an intertitle stands on its own lines,
 * blank lines around it, without indent; a dateline that the first
 * paragraph starts with is shown once, in the paragraph.
 */
static void
test_body(void)
{
	struct article		 art;
	struct layout_opts	 lo;
	struct layout		*lay;
	size_t			 k;

	memset(&art, 0, sizeof art);
	memset(&lo, 0, sizeof lo);
	lo.width = 40;
	art.headline = xstrdup("产业兴旺看山村");
	art.dateline = xstrdup("本报北京2月4日电");
	article_add_para(&art, "本报北京2月4日电 山村里的辣椒产业越做越大。");
	article_add_para(&art, "产业兴旺的底气");
	article_add_para(&art, "2019年，全村种了三百亩辣椒。");
	article_add_para(&art, "APEC会议期间，辣椒酱也上了展台。");
	article_mark_intertitle(&art, 1);
	lay = layout_new(&art, &lo);
	CHECK(find_kind(lay, LAYOUT_DATELINE) == lay->nlines);
	k = layout_find(lay, LAYOUT_F_PARA, 0, 0);
	CHECK(k < lay->nlines && lay->lines[k].kind == LAYOUT_BODY &&
	    lay->lines[k].indent == 4);
	k = layout_find(lay, LAYOUT_F_PARA, 1, 0);
	CHECK(k < lay->nlines && lay->lines[k].kind == LAYOUT_INTERTITLE &&
	    lay->lines[k].indent == 0);
	CHECK(k > 0 && k + 1 < lay->nlines &&
	    lay->lines[k - 1].kind == LAYOUT_BLANK &&
	    lay->lines[k + 1].kind == LAYOUT_BLANK);
	k = layout_find(lay, LAYOUT_F_PARA, 2, 0);
	CHECK(k < lay->nlines && lay->lines[k].indent == 4);
	k = layout_find(lay, LAYOUT_F_PARA, 3, 0);
	CHECK(k < lay->nlines && lay->lines[k].indent == 4);
	layout_free(lay);
	article_clear(&art);

	/* An English article: no indents; its dateline stands apart. */
	memset(&art, 0, sizeof art);
	art.headline = xstrdup("Snow in town");
	art.dateline = xstrdup("NEW YORK, Jan. 1");
	article_add_para(&art, "1916 began with snow.");
	article_add_para(&art, "The streets were white.");
	lay = layout_new(&art, &lo);
	CHECK(find_kind(lay, LAYOUT_DATELINE) < lay->nlines);
	k = layout_find(lay, LAYOUT_F_PARA, 0, 0);
	CHECK(k < lay->nlines && lay->lines[k].indent == 0);
	k = layout_find(lay, LAYOUT_F_PARA, 1, 0);
	CHECK(k < lay->nlines && lay->lines[k].indent == 0);
	layout_free(lay);
	article_clear(&art);
}

int
main(void)
{
	struct layout_opts	 lo;
	struct layout		*lay;
	struct article		 art;
	size_t			 i, k;
	char			*got;
	int			 w;

	TSTART();

	for (i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++) {
		got = wrap_show(wrap_cases[i].s, wrap_cases[i].width,
		    wrap_cases[i].first);
		if (strcmp(got, wrap_cases[i].want) != 0)
			fprintf(stderr, "rule: %s\n", wrap_cases[i].rule);
		CHECK_STR(got, wrap_cases[i].want);
		free(got);
	}

	/* An article with every part. */
	memset(&art, 0, sizeof art);
	art.column = xstrdup("基层故事");
	art.kicker = xstrdup("青溪市全面推进老城区微更新");
	art.headline = xstrdup("“巷长制”，老街小巷有人管");
	art.subhead = xstrdup("十二条街巷完成改造");
	art.byline = xstrdup("周晓岚 林一舟");
	art.dateline = xstrdup("本报讯 记者某某报道");
	art.quote = xstrdup("“早上好，老街坊！”茶馆老板的一声招呼让他心里一暖。");
	art.quote_by = xstrdup("顾长庚");
	article_add_para(&art, "“不仅方便还很热闹！”钱秀英告诉记者，在青溪，"
	    "报名“巷长制”的居民“一人”管好一条巷，“一巷”有事大家商量。");
	article_add_para(&art, "Latin text is not indented, and long words "
	    "such as https://example.com/a/very/long/path stay whole.");
	article_add_para(&art, "从青溪向东南150公里，云岭市民沈知遥正在"
	    "乘坐地铁1号线。过安检、手机亮码、进站……有人发现。");
	article_add_caption(&art, "上图：居民在巷口的晾晒场晾衣服。", "陶然");
	art.cont_page = 3;

	memset(&lo, 0, sizeof lo);
	for (w = 1; w <= 130; w++) {
		lo.width = w;
		lo.measure = w % 2 ? 0 : 40;
		lay = layout_new(&art, &lo);
		CHECK(lay->width == (w < LAYOUT_MIN_WIDTH ?
		    LAYOUT_MIN_WIDTH : w));
		check_lines(lay, lay->width);
		layout_free(lay);
	}

	lo.width = 40;
	lo.measure = 0;
	lay = layout_new(&art, &lo);
	k = find_kind(lay, LAYOUT_BODY);
	CHECK(k < lay->nlines);
	CHECK(lay->lines[k].indent == 4);	/* two ideographic widths */
	CHECK(lay->lines[k].field == LAYOUT_F_PARA);
	CHECK(lay->lines[k].index == 0);
	CHECK(lay->lines[k + 1].indent == 0);
	CHECK(lay->lines[k].cols >= 37);	/* the lines are full */
	CHECK(lay->lines[k + 1].cols >= 37);
	/* An English paragraph is not indented. */
	k = layout_find(lay, LAYOUT_F_PARA, 1, 0);
	CHECK(k < lay->nlines && lay->lines[k].indent == 0);
	/* The URL is on one line. */
	for (i = 0; i < lay->nlines; i++)
		if (lay->lines[i].field == LAYOUT_F_PARA &&
		    lay->lines[i].index == 1 &&
		    memmem(lay->lines[i].text + lay->lines[i].off,
		    lay->lines[i].len, "https://example.com/a/very/long/path",
		    35) != NULL)
			break;
	CHECK(i < lay->nlines);
	/* Headline centred, byline with ■, kinds in reading order. */
	k = find_kind(lay, LAYOUT_HEADLINE);
	CHECK(k < lay->nlines);
	CHECK(lay->lines[k].indent == (40 - text_strwidth(art.headline,
	    strlen(art.headline))) / 2);
	CHECK(find_kind(lay, LAYOUT_COLUMN) < find_kind(lay, LAYOUT_KICKER));
	CHECK(find_kind(lay, LAYOUT_KICKER) < k);
	CHECK(k < find_kind(lay, LAYOUT_SUBHEAD));
	k = find_kind(lay, LAYOUT_BYLINE);
	CHECK(k < lay->nlines);
	CHECK_STR(lay->lines[k].prefix, "■");
	CHECK(lay->lines[k].cols == 1 + 13);
	CHECK(find_kind(lay, LAYOUT_DATELINE) > k);
	k = find_kind(lay, LAYOUT_QUOTE_BY);
	CHECK(k < lay->nlines);
	CHECK_STR(lay->lines[k].prefix, "——");
	CHECK(find_kind(lay, LAYOUT_QUOTE) < k);
	CHECK(lay->lines[find_kind(lay, LAYOUT_QUOTE)].indent == 4);
	/* The continuation note after the body, the credit set right. */
	k = find_kind(lay, LAYOUT_NOTE);
	CHECK(k < lay->nlines && k > find_kind(lay, LAYOUT_BODY));
	CHECK(lay->lines[k].len == strlen("（下转第3版）") &&
	    memcmp(lay->lines[k].text, "（下转第3版）",
	    lay->lines[k].len) == 0);
	k = find_kind(lay, LAYOUT_CREDIT);
	CHECK(k < lay->nlines);
	CHECK(lay->lines[k].field == LAYOUT_F_CREDIT);
	CHECK(lay->lines[k].cols == 40);
	CHECK(strncmp(lay->lines[k].text, "陶然 摄", lay->lines[k].len) == 0);
	CHECK(lay->lines[k - 1].kind == LAYOUT_CAPTION);
	/* No blank line at either end, never two in a row. */
	CHECK(lay->lines[0].kind != LAYOUT_BLANK);
	CHECK(lay->lines[lay->nlines - 1].kind != LAYOUT_BLANK);
	for (i = 1; i < lay->nlines; i++)
		CHECK(lay->lines[i].kind != LAYOUT_BLANK ||
		    lay->lines[i - 1].kind != LAYOUT_BLANK);
	/* layout_find: the line holding a byte of paragraph 2. */
	k = layout_find(lay, LAYOUT_F_PARA, 2, strlen(art.paras[2]) - 3);
	CHECK(k < lay->nlines);
	CHECK(lay->lines[k].index == 2 && lay->lines[k].off <=
	    strlen(art.paras[2]) - 3 && lay->lines[k].off + lay->lines[k].len
	    >= strlen(art.paras[2]) - 3);
	CHECK(layout_find(lay, LAYOUT_F_PARA, 2, 0) ==
	    layout_find(lay, LAYOUT_F_PARA, 2, 1));
	CHECK(layout_find(lay, LAYOUT_F_PARA, 9, 0) == lay->nlines);
	layout_free(lay);

	/* The measure: 80 columns centred in a 120-column pane. */
	lo.width = 120;
	lo.measure = 80;
	lay = layout_new(&art, &lo);
	for (i = 0; i < lay->nlines; i++) {
		if (lay->lines[i].kind == LAYOUT_BLANK)
			continue;
		CHECK(lay->lines[i].indent >= 20);
		CHECK(lay->lines[i].cols <= 100);
	}
	k = find_kind(lay, LAYOUT_BODY);
	CHECK(lay->lines[k].indent == 24);
	layout_free(lay);
	/* Measure 0: the whole pane. */
	lo.measure = 0;
	lay = layout_new(&art, &lo);
	CHECK(lay->lines[find_kind(lay, LAYOUT_BODY)].indent == 4);
	layout_free(lay);

	/* Ambiguous-wide terminal: widths are those of the substitutes. */
	text_set_ambiguous(2);
	for (w = 8; w <= 60; w++) {
		lo.width = w;
		lay = layout_new(&art, &lo);
		check_lines(lay, w);
		k = find_kind(lay, LAYOUT_BYLINE);
		CHECK(k < lay->nlines && strcmp(lay->lines[k].prefix, "#") == 0);
		layout_free(lay);
	}
	text_set_ambiguous(1);

	/*
	 * Titles on several lines are set in even lines, never full lines
	 * and a lone last character; a space between clauses is where a
	 * two-line title breaks when it can.
	 */
	article_clear(&art);
	memset(&art, 0, sizeof art);
	art.headline = xstrdup("老城区微更新试点满三个月首批十二条街巷完成改造");
	art.kicker = xstrdup("老城区“微更新”试点满三个月 首批十二条街巷完成改造");
	article_add_para(&art, "正文。");
	for (w = 16; w <= 60; w++) {
		size_t	n = 0, first, last;
		int	lo_c = 1000, hi_c = 0;

		lo.width = w;
		lay = layout_new(&art, &lo);
		check_lines(lay, w);
		for (i = 0; i < lay->nlines; i++) {
			int c = lay->lines[i].cols - lay->lines[i].indent;

			if (lay->lines[i].kind != LAYOUT_HEADLINE)
				continue;
			n++;
			lo_c = c < lo_c ? c : lo_c;
			hi_c = c > hi_c ? c : hi_c;
		}
		/* 23 ideographs, w / 2 a line: as few lines as that allows. */
		CHECK(n == (size_t)((23 + w / 2 - 1) / (w / 2)));
		if (hi_c - lo_c > 2)
			fprintf(stderr, "width %d: headline lines of %d to %d "
			    "cells\n", w, lo_c, hi_c);
		CHECK(hi_c - lo_c <= 2);
		first = find_kind(lay, LAYOUT_KICKER);
		for (last = first; last + 1 < lay->nlines &&
		    lay->lines[last + 1].kind == LAYOUT_KICKER; last++)
			continue;
		if (w >= 26 && w < 49) {	/* two lines: at the space */
			CHECK(last == first + 1);
			CHECK(lay->lines[first].len == strlen("老城区“微更新”"
			    "试点满三个月"));
		}
		layout_free(lay);
	}

	/* A photo: captions only; an empty article: no lines. */
	article_clear(&art);
	memset(&art, 0, sizeof art);
	art.kind = ARTICLE_PHOTO;
	article_add_caption(&art, "图为演练现场。", NULL);
	lo.width = 20;
	lay = layout_new(&art, &lo);
	CHECK(lay->nlines == 1 && lay->lines[0].kind == LAYOUT_CAPTION);
	layout_free(lay);
	article_clear(&art);
	memset(&art, 0, sizeof art);
	lay = layout_new(&art, &lo);
	CHECK(lay->nlines == 0);
	layout_free(lay);
	test_body();
	return TDONE();
}
