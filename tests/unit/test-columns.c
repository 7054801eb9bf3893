/*
 * test-columns.c -- pass 0, pdftotext's shapes (loader-columns.c,
 * loader-flow.c, loader-head.c), on small pages written the way
 * pdftotext writes them: default mode (short lines, indents dropped, an
 * article's second column after another box) and -layout (two columns
 * side by side). Checked: the shape seen, the page dump handed to pass 1
 * (paragraphs whole, first lines indented, titles apart, the cut
 * paragraph joined, the article's parts in order, the page header on
 * one line), the note on a join across other text, and what the whole
 * loader builds from it. A page dump re-wrapped is left alone.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "loader-int.h"
#include "loader.h"
#include "model.h"
#include "tcheck.h"

#define P1 "辣椒产业是我们村的老生意，这两年外出务工的人回来多了，村里也" \
	"热闹了起来。"
#define P2 "坐在火塘边烤火取暖，村党总支书记梁正锋喜滋滋算着增收账，这个" \
	"位于山区的村子变了样。"
#define P3 "大家聚在一起聊收获谈未来，热闹不已。"
#define P4 "除夕夜承载了中国人特别的情怀，年夜饭的每一道菜都散发着幸福的" \
	"味道。"
#define P5 "老字号的传统佳肴飘香四溢，儿时的记忆被打开。"
#define IND "\xe3\x80\x80\xe3\x80\x80"	/* 　　 */

/* pdftotext -enc UTF-8: article A's first column, box B, then the rest
 * of A (its second column stood under B's title on the page). */
static const char default_page[] =
	    "3\n"
	    "\n"
	    "要闻\n"
	    "\n"
	    "人民日报 2019年2月5日 星期二\n"
	    "\n"
	    "小辣椒奏响新乐章（新春走基层）\n"
	    "辣椒产业是我们村\n"
	    "的老生意，这两年外出\n"
	    "务工的人回来多了，村\n"
	    "里也热闹了起来。\n"
	    "坐在火塘边烤火取\n"
	    "暖，村党总支书记梁正\n"
	    "锋喜滋滋算着增收账，\n"
	    "\n"
	    "这个年真有味儿\n"
	    "\n"
	    "除夕夜承载了中国\n"
	    "人特别的情怀，年夜饭\n"
	    "的每一道菜都散发着幸\n"
	    "福的味道。\n"
	    "老字号的传统佳肴\n"
	    "飘香四溢，儿时的记忆\n"
	    "被打开。\n"
	    "\n"
	    "这个位于山区的村子变\n"
	    "了样。\n"
	    "大家聚在一起聊收\n"
	    "获谈未来，热闹不已。\n";

/* pdftotext -layout -enc UTF-8: A's two columns side by side, B under. */
static const char layout_page[] =
	    "3   要闻   人民日报 2019年2月5日 星期二\n"
	    "\n"
	    "\n"
	    "\n"
	    "        小辣椒奏响新乐章（新春走基层）\n"
	    "\n"
	    "    辣椒产业是我们村            这个位于山区的村子变\n"
	    "的老生意，这两年外出              了样。\n"
	    "务工的人回来多了，村                  大家聚在一起聊收\n"
	    "里也热闹了起来。                获谈未来，热闹不已。\n"
	    "    坐在火塘边烤火取\n"
	    "暖，村党总支书记梁正\n"
	    "锋喜滋滋算着增收账，\n"
	    "\n"
	    "        这个年真有味儿\n"
	    "\n"
	    "    除夕夜承载了中国\n"
	    "人特别的情怀，年夜饭\n"
	    "的每一道菜都散发着幸\n"
	    "福的味道。\n"
	    "    老字号的传统佳肴\n"
	    "飘香四溢，儿时的记忆\n"
	    "被打开。\n";

/* The page dump pass 0 makes of TEXT: its non-blank lines, an indented
 * one with 　　 in front, joined with "|"; the shape in *SHAPE, the notes
 * in DL. Caller frees. */
static char *
prepare(const char *text, enum loader_shape *shape, struct diag_list *dl)
{
	struct loader_line	*ln;
	struct loader_report	 rp = { dl, "t.txt" };
	struct buf		 b;
	size_t			 n, i;

	loader_read_lines(text, strlen(text), 1, &ln, &n);
	*shape = loader_columns_prepare(&ln, &n, &rp);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (ln[i].text != NULL) {
			if (b.len > 0)
				buf_addc(&b, '|');
			if (ln[i].indented)
				buf_adds(&b, IND);
			buf_adds(&b, ln[i].text);
		}
		free(ln[i].text);
	}
	free(ln);
	return b.data != NULL ? b.data : xstrdup("");
}

/* What both shapes must come to. */
static const char want[] =
	"2019年2月5日 星期二 第3版：要闻|小辣椒奏响新乐章（新春走基层）|"
	IND P1 "|" IND P2 "|" IND P3 "|这个年真有味儿|" IND P4 "|" IND P5;

static void
test_default(void)
{
	struct diag_list	 dl;
	enum loader_shape	 shape;
	char			*got;

	diag_list_init(&dl);
	got = prepare(default_page, &shape, &dl);
	CHECK(shape == LOADER_SHAPE_COLUMN);
	CHECK_STR(got, want);
	/* The rest of P2 came after box B: one doubtful join, noted at the
	 * line it starts on (26), naming the paragraph's first line (12). */
	CHECK(dl.n == 1);
	if (dl.n == 1) {
		CHECK(dl.v[0].line == 26);
		CHECK(strstr(dl.v[0].message, "12") != NULL);
	}
	free(got);
	diag_list_clear(&dl);
}

static void
test_layout(void)
{
	struct diag_list	 dl;
	enum loader_shape	 shape;
	char			*got;

	diag_list_init(&dl);
	got = prepare(layout_page, &shape, &dl);
	CHECK(shape == LOADER_SHAPE_LAYOUT);
	CHECK_STR(got, want);
	/* The columns stand in order: nothing was joined from afar. */
	CHECK(dl.n == 0);
	free(got);
	diag_list_clear(&dl);
}

/* A page dump hard-wrapped with a blank line after each paragraph (no
 * dropped indents to see), and one that keeps its indents: as they are. */
static void
test_plain(void)
{
	static const char wrapped[] =
	    "标题\n\n"
	    "辣椒产业是我们村的老\n生意，这两年外出务工\n的人回来多了。\n\n"
	    "坐在火塘边烤火取暖，\n村党总支书记梁正锋喜\n滋滋算着增收账。\n\n"
	    "这个位于山区的村子变\n了样，大家聚在一起聊\n收获谈未来。\n\n"
	    "除夕夜承载了中国人特\n别的情怀，年夜饭的每\n一道菜都很香。\n";
	static const char indented[] =
	    "标题\n"
	    IND "辣椒产业是我们村的老\n生意，这两年外出务工\n的人回来多了。\n"
	    IND "坐在火塘边烤火取暖，\n村党总支书记梁正锋喜\n滋滋算着增收账。\n"
	    IND "这个位于山区的村子变\n了样，大家聚在一起聊\n收获谈未来。\n"
	    IND "除夕夜承载了中国人特\n别的情怀，年夜饭的每\n一道菜都很香。\n";
	enum loader_shape	 shape;
	char			*got;

	got = prepare(wrapped, &shape, NULL);
	CHECK(shape == LOADER_SHAPE_PLAIN);
	free(got);
	got = prepare(indented, &shape, NULL);
	CHECK(shape == LOADER_SHAPE_PLAIN);
	free(got);
}

/* The whole loader on the default-mode page: page 3 要闻, two articles,
 * A's paragraphs whole and in order, and --check's note on the shape. */
static void
test_loader(void)
{
	struct issue		*is = issue_new();
	const struct article	*a;
	size_t			 i;
	bool			 shape_note = false;

	loader_parse_text(is, default_page, strlen(default_page), "t.txt");
	CHECK(is->npages == 1);
	if (is->npages == 1) {
		CHECK(is->pages[0].number == 3);
		CHECK_STR(is->pages[0].name, "要闻");
		CHECK(is->pages[0].narts == 2);
	}
	if (is->npages == 1 && is->pages[0].narts == 2) {
		a = &is->pages[0].arts[0];
		CHECK_STR(a->headline, "小辣椒奏响新乐章（新春走基层）");
		CHECK(a->npara == 3);
		if (a->npara == 3) {
			CHECK_STR(a->paras[0], P1);
			CHECK_STR(a->paras[1], P2);
			CHECK_STR(a->paras[2], P3);
		}
		a = &is->pages[0].arts[1];
		CHECK_STR(a->headline, "这个年真有味儿");
		CHECK(a->npara == 2);
	}
	CHECK(is->year == 2019 && is->month == 2 && is->day == 5);
	for (i = 0; i < is->diags.n; i++)
		if (strstr(is->diags.v[i].message, "pdftotext") != NULL)
			shape_note = true;
	CHECK(shape_note);
	issue_free(is);
}

/* Default mode, one column of measure 10: a paragraph's first line ends
 * four characters short because "“重”，" may not be cut and did not fit
 * after the lost indent. It starts a paragraph; it is no title line. */
static void
test_pushed(void)
{
	static const char	 col[] =
	    "辣椒产业是我们村\n"
	    "的老生意，这两年外出\n"
	    "务工的人回来多了，村\n"
	    "里也热闹了起来。\n"
	    "因为产业偏\n"
	    "“重”，一些江苏制造\n"
	    "曾被人调侃过。\n"
	    "今天的江苏制造已\n"
	    "经走向了世界各地。\n";
	struct loader_line	*ln;
	struct buf		 b;
	size_t			 n, i;

	loader_read_lines(col, strlen(col), 1, &ln, &n);
	loader_flow_page(&ln, &n, false, NULL);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (ln[i].text != NULL) {
			if (b.len > 0)
				buf_addc(&b, '|');
			if (ln[i].indented)
				buf_adds(&b, IND);
			buf_adds(&b, ln[i].text);
		}
		free(ln[i].text);
	}
	free(ln);
	CHECK_STR(b.data, IND "辣椒产业是我们村的老生意，这两年外出务工的人回来"
	    "多了，村里也热闹了起来。|" IND "因为产业偏“重”，一些江苏制造曾被人"
	    "调侃过。|" IND "今天的江苏制造已经走向了世界各地。");
	free(b.data);
}

/* Header pieces: a bare number only near the top; a date without 日
 * (a paragraph's "1958年3月13") is no date line. */
static void
test_head(void)
{
	struct loader_line	*ln;
	size_t			 n, i;
	char			*h;
	static const char	 top[] = "要闻\n\n第4版\n\n2019年2月5日 星期二\n";
	static const char	 deep[] = "甲\n乙\n丙\n丁\n戊\n己\n庚\n12\n";
	static const char	 cut[] = "5\n编者按： 1958年3月13\n";

	loader_read_lines(top, strlen(top), 1, &ln, &n);
	h = loader_head_take(ln, n);
	CHECK_STR(h, "2019年2月5日 星期二 第4版：要闻");
	for (i = 0; i < n; i++)
		CHECK(ln[i].text == NULL);
	free(h);
	free(ln);

	loader_read_lines(deep, strlen(deep), 1, &ln, &n);
	h = loader_head_take(ln, n);
	CHECK(h == NULL);
	CHECK_STR(ln[7].text, "12");
	for (i = 0; i < n; i++)
		free(ln[i].text);
	free(ln);

	loader_read_lines(cut, strlen(cut), 1, &ln, &n);
	h = loader_head_take(ln, n);
	CHECK_STR(h, "第5版");
	CHECK_STR(ln[1].text, "编者按： 1958年3月13");
	free(h);
	for (i = 0; i < n; i++)
		free(ln[i].text);
	free(ln);
}

int
main(void)
{
	TSTART();
	test_default();
	test_layout();
	test_plain();
	test_loader();
	test_pushed();
	test_head();
	return TDONE();
}
