/*
 * test-loader.c -- the page parser's rules, one small page each: joining
 * of hard-wrapped lines, classification of blocks, assembly of articles
 * (headlines that land inside their article, cut paragraphs, moved
 * tails), pages and continuation notes. Every case would fail without the
 * rule it names.
 */
#include <config.h>

#include <string.h>

#include "loader.h"
#include "model.h"
#include "tcheck.h"

static struct issue *
parse(const char *text)
{
	struct issue	*is = issue_new();

	loader_parse_text(is, text, strlen(text), "t.txt");
	return is;
}

static const struct article *
art(const struct issue *is, size_t page, size_t n)
{
	if (page >= is->npages || n >= is->pages[page].narts)
		return NULL;
	return &is->pages[page].arts[n];
}

/* Lines inside a block are joined: nothing between CJK, a space between
 * Latin words, a hyphenated word put back. */
static void
test_join(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("标题一\n\n本报讯 甲乙报道：第一行文字接着\n第二行文字结束。\n");
	a = art(is, 0, 0);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK_STR(a->headline, "标题一");
		CHECK(a->npara == 1);
		CHECK_STR(a->paras[0],
		    "本报讯 甲乙报道：第一行文字接着第二行文字结束。");
	}
	issue_free(is);

	is = parse("RIVER NEWS\n\nThe river rose over the\nbanks and the news-\npaper "
	    "office closed at 10\n30 people were there.\n");
	a = art(is, 0, 0);
	CHECK(a != NULL && a->npara == 1);
	if (a != NULL && a->npara == 1)
		CHECK_STR(a->paras[0], "The river rose over the banks and "
		    "the newspaper office closed at 10 30 people were there.");
	issue_free(is);

	/* A number cut at the line end inside CJK text gets no space. */
	is = parse("标题二\n\n今年共有1\n0000人参加。\n");
	a = art(is, 0, 0);
	CHECK(a != NULL && a->npara == 1);
	if (a != NULL && a->npara == 1)
		CHECK_STR(a->paras[0], "今年共有10000人参加。");
	issue_free(is);
}

/* Indented hard-wrapped text without blank lines: 　　 starts a paragraph,
 * a line short of the measure ends one, a short unindented line is a
 * heading. */
static void
test_indent(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("溪口镇新建一座图书馆\n"
	    "　　本报讯 记者王青报道：溪口镇的新图书馆昨天开门，\n"
	    "第一天就来了三百多位读者，馆里的座位一直坐得满满的。\n"
	    "　　馆长说，明年还要增加一千册新书。\n");
	a = art(is, 0, 0);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK_STR(a->headline, "溪口镇新建一座图书馆");
		CHECK(a->npara == 2);
		CHECK_STR(a->dateline, "本报讯 记者王青报道");
		if (a->npara == 2)
			CHECK_STR(a->paras[1],
			    "馆长说，明年还要增加一千册新书。");
	}
	issue_free(is);
}

/* Two title lines: a comma clause below a long line makes kicker +
 * headline; a short phrase pair below makes headline + subhead. */
static void
test_titles(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("南湖县全面推进乡村道路养护改革提升群众出行满意度\n\n"
	    "“路长制”，让每条路都有人管\n\n■张明 李华\n\n"
	    "清晨六点，养护队已经上路。\n");
	a = art(is, 0, 0);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK_STR(a->kicker,
		    "南湖县全面推进乡村道路养护改革提升群众出行满意度");
		CHECK_STR(a->headline, "“路长制”，让每条路都有人管");
		CHECK(a->subhead == NULL);
		CHECK_STR(a->byline, "张明 李华");
	}
	issue_free(is);

	is = parse("北山区组织民兵开展防汛演练\n\n练在平时 用在关键\n\n"
	    "本报讯 赵一报道：北山区昨天组织防汛演练。\n");
	a = art(is, 0, 0);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK(a->kicker == NULL);
		CHECK_STR(a->headline, "北山区组织民兵开展防汛演练");
		CHECK_STR(a->subhead, "练在平时 用在关键");
		CHECK_STR(a->dateline, "本报讯 赵一报道");
	}
	issue_free(is);
}

/* A column label with a pull quote; the headline and byline land in the
 * middle, cutting a paragraph that continues after them. */
static void
test_column(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("基层故事\n\n"
	    "做事要先听群众怎么说，再想自己怎么办。\n\n"
	    "——周小川\n\n"
	    "第一段落，讲了一件事情。\n\n"
	    "第二段落写到一半被栏线切断了，可是这一段话还没有说完，剩下的\n\n"
	    "听见群众的声音\n\n"
	    "■钱多多\n\n"
	    "内容在标题后面接着出现。\n");
	CHECK(is->npages == 1 && is->pages[0].narts == 1);
	a = art(is, 0, 0);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK_STR(a->column, "基层故事");
		CHECK_STR(a->quote, "做事要先听群众怎么说，再想自己怎么办。");
		CHECK_STR(a->quote_by, "周小川");
		CHECK_STR(a->headline, "听见群众的声音");
		CHECK_STR(a->byline, "钱多多");
		CHECK(a->npara == 2);
		if (a->npara == 2)
			CHECK_STR(a->paras[1], "第二段落写到一半被栏线切断了，"
			    "可是这一段话还没有说完，剩下的内容在标题后面接着"
			    "出现。");
	}
	issue_free(is);
}

/* Captions: 上图 belongs to its article with its credit; a bare 图 after
 * an article's end is a photo item. The editor line names the editor. */
static void
test_captions(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("河边的新桥通车了\n\n本报讯 孙二报道：新桥昨天通车。\n\n"
	    "上图：市民走过新桥。\n\n李四摄\n\n"
	    "■本版责任编辑 王五\n\n"
	    "图：山村小学的孩子们在操场上做操。\n\n赵六摄\n");
	CHECK(is->npages == 1);
	CHECK_STR(is->pages[0].editor, "王五");
	CHECK(is->pages[0].narts == 2);
	a = art(is, 0, 0);
	if (a != NULL) {
		CHECK(a->ncap == 1);
		if (a->ncap == 1) {
			CHECK_STR(a->caps[0].text, "上图：市民走过新桥。");
			CHECK_STR(a->caps[0].credit, "李四");
		}
	}
	a = art(is, 0, 1);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK(a->kind == ARTICLE_PHOTO);
		CHECK(a->headline == NULL && a->npara == 0);
		CHECK(a->ncap == 1);
		if (a->ncap == 1)
			CHECK_STR(a->caps[0].credit, "赵六");
	}
	issue_free(is);

	/* People's Daily prints its editors as 本版责编：, not a title. */
	is = parse("第02版：要闻\n\n本版责编：王佳 李明\n\n河边的新桥通车了\n\n"
	    "本报讯 孙二报道：新桥昨天通车。\n");
	CHECK(is->npages == 1);
	CHECK_STR(is->pages[0].editor, "王佳 李明");
	CHECK(is->pages[0].narts == 1);
	a = art(is, 0, 0);
	if (a != NULL)
		CHECK_STR(a->headline, "河边的新桥通车了");
	issue_free(is);

	/* ... above the masthead on its front page: the masthead is one. */
	is = parse("本版责编：傅宁\n\n人民日报\n\nRENMIN RIBAO\n\n"
	    "2019年2月19日 星期二\n\n代号1-1\n\n河边的新桥通车了\n\n"
	    "本报讯 孙二报道：新桥昨天通车。\n");
	CHECK_STR(is->pages[0].editor, "傅宁");
	CHECK(is->pages[0].narts == 1);
	a = art(is, 0, 0);
	if (a != NULL)
		CHECK_STR(a->headline, "河边的新桥通车了");
	issue_free(is);
}

/* The tail of the last article, placed by the extraction before that
 * article's headline, goes back after the article's open end. */
static void
test_tail(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("甲地开展植树活动\n\n"
	    "本报讯 钱一报道：甲地昨天开展植树活动，所属各单位都来了。\n\n"
	    "“种下一棵树，就种下一份希望。”一位老人说。\n\n"
	    "属学校的师生也赶来帮忙，一共种下三千棵树。\n\n"
	    "乙地举办读书节\n\n"
	    "本报讯 孙二报道：乙地昨天举办读书节，附近所\n");
	CHECK(is->pages[0].narts == 2);
	a = art(is, 0, 0);
	if (a != NULL)
		CHECK(a->npara == 2);
	a = art(is, 0, 1);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK_STR(a->headline, "乙地举办读书节");
		CHECK(a->npara == 1);
		if (a->npara >= 1)
			CHECK_STR(a->paras[a->npara - 1],
			    "本报讯 孙二报道：乙地昨天举办读书节，附近所"
			    "属学校的师生也赶来帮忙，一共种下三千棵树。");
	}
	issue_free(is);
}

/* A masthead is front matter, not an article; its paper name is the
 * issue title and a date in it the issue date. */
static void
test_masthead(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("青溪晚報\n\n代号 9-999\n\n2026年11月29日 星期日\n\n"
	    "网址: http://example.invalid\n\n"
	    "小城迎来第一场雪\n\n本报讯 记者李雪报道：昨夜小城下了今冬第一场雪。\n");
	CHECK_STR(is->title, "青溪晚報");
	CHECK(is->nmasthead == 4);
	CHECK(is->year == 2026 && is->month == 11 && is->day == 29);
	CHECK(is->pages[0].narts == 1);
	a = art(is, 0, 0);
	if (a != NULL)
		CHECK_STR(a->headline, "小城迎来第一场雪");
	issue_free(is);
}

/* Form feeds separate pages; 第N版：name lines name them; continuation
 * notes are recorded and removed from the text. */
static void
test_pages(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("第01版：要闻\n\n新车站开工\n\n"
	    "本报讯 周一报道：新车站昨天开工。（下转第2版）\n"
	    "\f第 2 版：综合\n\n"
	    "（上接第1版）工程预计两年完成。\n");
	CHECK(is->npages == 2);
	if (is->npages == 2) {
		CHECK(is->pages[0].number == 1);
		CHECK_STR(is->pages[0].name, "要闻");
		CHECK(is->pages[1].number == 2);
		CHECK_STR(is->pages[1].name, "综合");
	}
	a = art(is, 0, 0);
	if (a != NULL) {
		CHECK(a->cont_page == 2);
		CHECK(a->npara == 1);
		if (a->npara == 1)
			CHECK_STR(a->paras[0],
			    "本报讯 周一报道：新车站昨天开工。");
	}
	a = art(is, 1, 0);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK(a->from_page == 1);
		CHECK_STR(a->headline, "新车站开工");
		if (a->npara == 1)
			CHECK_STR(a->paras[0], "工程预计两年完成。");
	}
	issue_free(is);
}

/*
 * A page number of many digits is no page number, and reading it never
 * overflows: 4294967297 wrapped round to page 1 in an int (and
 * 99999999999999 stopped the sanitizer build).
 */
static void
test_pages_huge(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("第4294967297版：要闻\n\n新车站开工\n\n"
	    "本报讯 周一报道：新车站开工。（下转第99999999999999版）\n"
	    "\f第一〇〇〇〇〇〇〇〇〇〇〇〇〇一版：综合\n\n"
	    "运动会开幕\n\n本报讯 吴二报道：运动会开幕了。\n");
	CHECK(is->npages == 2);
	if (is->npages == 2) {
		CHECK(is->pages[0].number == 0);
		CHECK(is->pages[1].number == 0);
	}
	a = art(is, 0, 0);
	if (a != NULL)
		CHECK(a->cont_page == 0);
	issue_free(is);
}

/* Without form feeds, a header naming another page starts it; the same
 * header again (a running foot) does not. */
static void
test_pages_noff(void)
{
	struct issue	*is;

	is = parse("第01版：要闻\n\n新车站开工\n\n本报讯 周一报道：新车站昨天开工。\n\n"
	    "第01版：要闻\n\n"
	    "第02版：综合\n\n春季运动会开幕\n\n本报讯 吴二报道：运动会开幕了。\n");
	CHECK(is->npages == 2);
	if (is->npages == 2) {
		CHECK(is->pages[0].number == 1 && is->pages[0].narts == 1);
		CHECK(is->pages[1].number == 2 && is->pages[1].narts == 1);
		CHECK_STR(is->pages[1].name, "综合");
		if (is->pages[1].narts == 1)
			CHECK_STR(is->pages[1].arts[0].headline,
			    "春季运动会开幕");
	}
	issue_free(is);
}

/* Layout spaces (no-break, runs) become one space; an ideographic space
 * between names is kept as the paper printed it. */
static void
test_spaces(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("标题三\n\n本报北京1月18日电\xc2\xa0\xc2\xa0（记者张三）"
	    "会议召开。\n\n本报记者　李四　王五摄\n");
	a = art(is, 0, 0);
	CHECK(a != NULL);
	if (a != NULL && a->npara == 1) {
		CHECK_STR(a->paras[0],
		    "本报北京1月18日电 （记者张三）会议召开。");
		CHECK_STR(a->dateline, "本报北京1月18日电 （记者张三）");
	}
	issue_free(is);
}

/*
 * Intertitles stay in their article: a box label (核心阅读) and two
 * section heads are paragraphs listed in a->inter, the article is one;
 * a page credit goes to the page. Two titles with bylines, and a title
 * over a note that it continues from another page, start articles.
 */
static void
test_intertitles(void)
{
	struct issue		*is;
	const struct article	*a;

	is = parse("第05版：经济\n\n"
	    "山村图书室的灯光\n\n本报通讯员 苏明远\n\n"
	    "　　在石岭村，有一间只有二十平方米的图书室。\n\n"
	    "山村产业兴旺记\n\n本报记者 林晓舟\n\n"
	    "　　清晨六点，山村的辣椒加工厂已经开工。工人们把新鲜辣椒倒进"
	    "清洗池，机器轰鸣。\n\n核心阅读\n\n"
	    "　　这几年，村里的辣椒产业从小作坊变成了大工厂。\n\n"
	    "产业兴旺的底气\n\n"
	    "　　村党支部书记说，产业要兴旺，关键在人才。\n\n"
	    "　　去年，全村辣椒亩产提高了两成。\n\n销路打开的秘诀\n\n"
	    "　　电商平台让山村的辣椒卖到了全国各地。\n\n"
	    "版式设计：蔡华伟\n\n"
	    "小城的雪\n\n（上接第01版）\n\n"
	    "　　这场雪将持续到明天中午。\n");
	CHECK(is->npages == 1);
	if (is->npages != 1) {
		issue_free(is);
		return;
	}
	CHECK(is->pages[0].narts == 3);
	CHECK(is->pages[0].ncredits == 1);
	if (is->pages[0].ncredits == 1)
		CHECK_STR(is->pages[0].credits[0], "版式设计：蔡华伟");
	a = art(is, 0, 0);
	if (a != NULL) {
		CHECK_STR(a->headline, "山村图书室的灯光");
		CHECK(a->ninter == 0);
	}
	a = art(is, 0, 1);
	if (a != NULL) {
		CHECK_STR(a->headline, "山村产业兴旺记");
		CHECK(a->npara == 8);
		CHECK(a->ninter == 3);
		if (a->ninter == 3 && a->npara == 8) {
			CHECK(a->inter[0] == 1 && a->inter[1] == 3 &&
			    a->inter[2] == 6);
			CHECK_STR(a->paras[1], "核心阅读");
			CHECK_STR(a->paras[6], "销路打开的秘诀");
		}
	}
	a = art(is, 0, 2);
	if (a != NULL) {
		CHECK_STR(a->headline, "小城的雪");
		CHECK(a->from_page == 1);
	}
	issue_free(is);
}

int
main(void)
{
	TSTART();
	test_join();
	test_indent();
	test_titles();
	test_column();
	test_captions();
	test_intertitles();
	test_tail();
	test_masthead();
	test_pages();
	test_pages_noff();
	test_pages_huge();
	test_spaces();
	return TDONE();
}
