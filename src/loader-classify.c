/*
 * loader-classify.c -- pass 2: a kind for each unit from its own text.
 *
 * Page header (第03版：国防动员), masthead line, editor line (■本版责任编
 * 辑), byline (■...), pull quote attribution (——name), caption (图：...),
 * credit (...摄), continuation note (（下转第N版）), title-like (short,
 * no closing punctuation) or paragraph. On a first page, the units before
 * the first article that name the paper or carry masthead patterns are
 * the masthead.
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "loader-int.h"

static bool
loader_is_masthead_line(const char *s, size_t nchars)
{
	static const char *const pat[] = { "代号", "出版物号", "统一刊号",
	    "代號", "出版物號", "統一刊號",
	    "國內統一", "网址", "網址", "http://", "https://", "www.",
	    "公众号", "公眾號", "邮发", "郵發", "零售价", "定价", "社址",
	    "国内统一", "星期", "农历", "農曆", "期）", "第1期" };
	size_t	i;

	if (nchars > LL_MAST_MAX)
		return false;
	for (i = 0; i < LOADER_N(pat); i++)
		if (strstr(s, pat[i]) != NULL)
			return true;
	/* CN 81-0002 (J), ISSN 1234-5678 */
	if ((loader_starts(s, "CN") || loader_starts(s, "ISSN")) &&
	    strchr(s, '-') != NULL)
		return true;
	return false;
}

/* A paper's name: short, ends with 报/報 or 日报/晚报..., no digits. */
static bool
loader_is_paper_name(const char *s, size_t nchars)
{
	const char	*p;

	if (nchars < LL_PAPER_MIN || nchars > LL_PAPER_MAX)
		return false;
	for (p = s; *p != '\0'; p++)
		if ((*p >= '0' && *p <= '9') || *p == ' ')
			return false;
	return loader_ends(s, "报") || loader_ends(s, "報") ||
	    loader_ends(s, "时报") || loader_ends(s, "新闻") ||
	    loader_ends(s, "新聞") || loader_ends(s, "周刊") ||
	    loader_ends(s, "週刊");
}

/* A credit of the page's design or graphics: 版式设计：蔡华伟. */
static bool
loader_is_page_credit(const char *s, size_t nchars)
{
	static const char *const pfx[] = { "版式设计", "版式設計", "版式：",
	    "版面设计", "制图：", "製圖：", "本版制图", "本版製圖", "图表制作",
	    "美编：", "本版图片", "本版摄影", "设计：", "設計：", "统筹：",
	    "統籌：", "本期统筹", "本版统筹", "策划：", "策劃：", "图片来源：",
	    "圖片來源：", "栏目投稿", "投稿邮箱", "本版邮箱", "电子邮箱" };

	return nchars <= LL_CREDIT_MAX && strstr(s, "。") == NULL &&
	    loader_starts_any(s, pfx, LOADER_N(pfx));
}

/* The marks that end a photographer's name. */
static const char *const loader_credit_marks[] = { "摄影报道", "攝影報導",
    "摄影", "攝影", "供图", "供圖", "摄", "攝" };

/*
 * Where the credit mark (摄, 摄影, 供图) of S[0..LEN) ends its name: the
 * length of the name before it, or -1. The mark ends S, or comes before
 * an agency in brackets: 刘春辉摄（影像中国）.
 */
static int
loader_credit_mark(const char *s, size_t len, size_t *mlen)
{
	const char	*open = NULL, *p;
	size_t		 i, m, end = len;

	if (len >= 3 && memcmp(s + len - 3, "）", 3) == 0) {
		for (p = s; (p = strstr(p, "（")) != NULL && p < s + len; p++)
			open = p;
		if (open != NULL && open > s)
			end = open - s;
	}
	for (i = 0; i < LOADER_N(loader_credit_marks); i++) {
		m = strlen(loader_credit_marks[i]);
		if (end >= m && memcmp(s + end - m, loader_credit_marks[i],
		    m) == 0) {
			*mlen = m;
			return (int)(end - m);
		}
	}
	return -1;
}

/* A cartoon's credit: 勾 犇图 付千也文, 曹 一图 杨立新文. */
static bool
loader_is_art_credit(const char *s)
{
	const char	*tu = strstr(s, "图");

	return tu != NULL && (loader_ends(s, "文") || loader_ends(s, "图")) &&
	    (strchr(s, ' ') != NULL || strstr(s, "\xe3\x80\x80") != NULL) &&
	    (loader_ends(s, "文") ? tu < s + strlen(s) - 3 :
	    strstr(s, "文") != NULL);
}

static bool
loader_is_credit(const char *s, size_t nchars)
{
	size_t	mlen;

	/* An agency's picture: 新华社发, 新华社发（某某摄）. */
	if (nchars <= LL_CREDIT_MAX && (loader_starts(s, "新华社发") ||
	    loader_starts(s, "新華社發") || loader_starts(s, "中新社发")))
		return true;
	if (nchars > LL_CREDIT_MAX || nchars < LL_CREDIT_MIN ||
	    strstr(s, "。") != NULL || strstr(s, "，") != NULL)
		return false;
	return loader_credit_mark(s, strlen(s), &mlen) > 0 ||
	    loader_is_art_credit(s);
}

/* The credit name: "本报记者 陶然摄" -> "本报记者 陶然", "刘春辉摄（影像
 * 中国）" -> "刘春辉（影像中国）". */
char *
loader_credit_name(const char *s)
{
	struct buf	 b;
	const char	*p = s;
	size_t		 len, mlen;
	int		 at;
	char		*r;

	len = strlen(p);
	if ((loader_starts(p, "（") && loader_ends(p, "）")) ||
	    (*p == '(' && p[len - 1] == ')')) {
		p += *p == '(' ? 1 : 3;
		len -= *s == '(' ? 2 : 6;
	}
	buf_init(&b);
	at = loader_credit_mark(p, len, &mlen);
	if (at > 0) {
		buf_add(&b, p, at);
		buf_add(&b, p + at + mlen, len - at - mlen);
	} else
		buf_add(&b, p, len);
	r = loader_clean(b.data);
	buf_clear(&b);
	return r;
}

static bool
loader_is_caption(const char *s)
{
	static const char *const pfx[] = { "图：", "图:", "圖：", "上图：",
	    "下图：", "左图：", "右图：", "中图：", "上圖：", "下圖：",
	    "左圖：", "右圖：", "题图：", "上图:", "下图:", "图为", "圖為",
	    "图片：", "組圖：", "组图：", "图①", "图②", "图③", "上图为",
	    "下图为" };

	return loader_starts_any(s, pfx, LOADER_N(pfx));
}

/* A caption that points at a picture inside an article (上图, 左图...). */
bool
loader_is_relative_caption(const char *s)
{
	return !(loader_starts(s, "图：") || loader_starts(s, "图:") ||
	    loader_starts(s, "圖：") || loader_starts(s, "图为") ||
	    loader_starts(s, "圖為"));
}

static const char *const loader_editor_pfx[] = {
	"■本版责任编辑", "本版责任编辑", "■本版責任編輯", "本版責任編輯",
	"■责任编辑", "责任编辑", "責任編輯", "本版编辑", "■本版编辑",
	"本版編輯", "本版责编", "本版責編"
};

/* The editor's name of an editor line, or NULL. */
char *
loader_editor(const char *s)
{
	size_t		 i;
	const char	*p;

	for (i = 0; i < LOADER_N(loader_editor_pfx); i++) {
		if (!loader_starts(s, loader_editor_pfx[i]))
			continue;
		p = s + strlen(loader_editor_pfx[i]);
		p = loader_skip_space(p);
		if (loader_starts(p, "："))
			p += 3;
		else if (*p == ':')
			p++;
		p = loader_skip_space(p);
		return loader_clean(p);
	}
	return NULL;
}

static bool
loader_is_byline(const char *s, size_t nchars)
{
	static const char *const pfx[] = { "本报记者", "本報記者",
	    "本报通讯员", "本報通訊員", "本报特约记者", "新华社记者",
	    "新華社記者", "人民日报记者", "中新社记者", "本报评论员",
	    "通讯员", "记者",
	    "記者", "文/", "文／", "文 /", "文：", "作者：", "撰文" };

	if (loader_starts(s, "■") || loader_starts(s, "□") ||
	    loader_starts(s, "●"))
		return nchars <= LL_MARKED_BYLINE_MAX &&
		    strstr(s, "。") == NULL && strstr(s, "，") == NULL &&
		    !loader_ends_nonend(s);
	if (nchars > LL_BYLINE_MAX || strstr(s, "：") != NULL ||
	    strstr(s, "。") != NULL || strstr(s, "，") != NULL ||
	    loader_ends(s, "报道") || loader_ends(s, "摄"))
		return false;
	return loader_starts_any(s, pfx, LOADER_N(pfx));
}

/* The byline without its marker. */
char *
loader_byline(const char *s)
{
	if (loader_starts(s, "■") || loader_starts(s, "□") ||
	    loader_starts(s, "●"))
		s += 3;
	return loader_clean(s);
}

/* "——顾长庚" (an attribution): the name, or NULL. */
char *
loader_quote_by(const char *s, size_t nchars)
{
	if (nchars > LL_QUOTE_BY_MAX)
		return NULL;
	if (loader_starts(s, "——"))
		s += 6;
	else if (loader_starts(s, "—"))
		s += 3;
	else if (loader_starts(s, "――"))
		s += 6;
	else if (loader_starts(s, "--"))
		s += 2;
	else
		return NULL;
	s = loader_skip_space(s);
	/* A name: a few characters (a foreign one with its ·), no 的. */
	if (loader_nchars(s) > LL_QUOTE_NAME_MAX && strstr(s, "·") == NULL &&
	    strstr(s, "•") == NULL)
		return NULL;
	if (strstr(s, "的") != NULL || strstr(s, "“") != NULL)
		return NULL;
	/* The editor signs an editor's note (——编 者): text, no quote. */
	if (loader_starts(s, "编") || loader_starts(s, "編") ||
	    loader_starts(s, "本报编辑部") || loader_starts(s, "本報編輯部"))
		return NULL;
	if (*s == '\0' || loader_is_closed(s) ||
	    nchars > LL_QUOTE_BY_BODY_MAX ||
	    loader_starts(s, "访") || loader_starts(s, "訪") ||
	    loader_starts(s, "记") || loader_starts(s, "記"))
		return NULL;
	return loader_clean(s);
}

/*
 * A dateline at the start of a paragraph: "本报讯 孙贵新报道：", "本报记者
 * 沈知遥报道：", "本报北京9月30日电 （记者某某）", "新华社北京1月1日电".
 * Returns the dateline (without the colon), or NULL.
 */
char *
loader_dateline(const char *s)
{
	static const char *const pfx[] = { "本报讯", "本報訊", "本报记者",
	    "本報記者", "本报", "本報", "新华社", "新華社", "中新社",
	    "中新网", "央视网消息", "人民网", "记者", "通讯员", "特约记者",
	    "【本報訊】", "【本报讯】", "本刊讯" };
	const char	*p, *colon, *dian, *lim;
	size_t		 i, len;
	struct buf	 b;
	char		*r;

	if (!loader_starts_any(s, pfx, LOADER_N(pfx)))
		return NULL;
	if (loader_starts(s, "【本報訊】") || loader_starts(s, "【本报讯】"))
		return xstrndup(s, strlen("【本報訊】"));
	/* Look in the first characters. */
	lim = s;
	for (i = 0; i < LL_DATELINE_LOOK && *lim != '\0'; i++) {
		ucs4_t	uc;
		int	k = u8_strmbtouc(&uc, (const uint8_t *)lim);

		if (k <= 0)
			break;
		lim += k;
	}
	len = lim - s;
	colon = NULL;
	for (p = s; p < lim; p++)
		if (strncmp(p, "：", 3) == 0 || *p == ':') {
			colon = p;
			break;
		}
	if (colon != NULL) {
		buf_init(&b);
		buf_add(&b, s, colon - s);
		if (loader_ends(b.data, "报道") || loader_ends(b.data, "報導") ||
		    loader_ends(b.data, "報道") ||
		    loader_ends(b.data, "电") || loader_ends(b.data, "電") ||
		    loader_ends(b.data, "讯") || loader_ends(b.data, "訊") ||
		    loader_ends(b.data, "消息")) {
			r = loader_clean(b.data);
			buf_clear(&b);
			return r;
		}
		buf_clear(&b);
	}
	/* "本报北京9月30日电 （记者张烁）" */
	dian = NULL;
	for (p = s; p + 3 <= s + len; p++)
		if (strncmp(p, "电", 3) == 0 || strncmp(p, "電", 3) == 0) {
			dian = p + 3;
			break;
		}
	if (dian == NULL)
		return NULL;
	p = loader_skip_space(dian);
	if (loader_starts(p, "（") || *p == '(') {
		const char *close = strstr(p, "）");

		if (close == NULL || close - p > LL_DATELINE_BRACKET)
			close = strchr(p, ')');
		else
			close += 3;
		if (close != NULL && close - p <= LL_DATELINE_BRACKET) {
			if (*close == ')')
				close++;
			dian = close;
		}
	}
	buf_init(&b);
	buf_add(&b, s, dian - s);
	r = loader_clean(b.data);
	buf_clear(&b);
	return r;
}

/*
 * In Latin script a heading is set in capitals: a unit without CJK whose
 * letters are mostly lower case is running text (OCR lines of a column).
 */
static bool
loader_latin_title(const char *s)
{
	size_t	upper = 0, lower = 0;
	ucs4_t	uc;
	int	k;

	while (*s != '\0') {
		k = u8_strmbtouc(&uc, (const uint8_t *)s);
		if (k <= 0)
			break;
		if (loader_is_wide_letter(uc))
			return true;
		if (uc_is_upper(uc))
			upper++;
		else if (uc_is_lower(uc))
			lower++;
		s += k;
	}
	return upper + lower < 3 || upper * 10 >= (upper + lower) * 7;
}

char *
loader_dateline_of(const char *para)
{
	return loader_dateline(para);
}

/*
 * A line that signs what comes before it, never a title: a reader's
 * place and name under a letter (江西丰城市 徐新林), the editor under an
 * editor's note (——编 者).
 */
static bool
loader_is_signed(const char *s)
{
	static const char *const place[] = { "省", "市", "县", "区", "镇",
	    "乡", "村", "州", "旗", "縣", "區", "鎮", "鄉" };
	const char	*sp = strrchr(s, ' ');
	char		 buf[64];
	size_t		 n;

	if (loader_starts(s, "——编") || loader_starts(s, "——編"))
		return loader_nchars(s) <= 8;
	if (sp == NULL || loader_nchars(s) > LL_SIGNATURE_MAX)
		return false;
	n = loader_nchars(sp + 1);
	if (n < 2 || n > 4 || (size_t)(sp - s) >= sizeof buf)
		return false;
	memcpy(buf, s, sp - s);
	buf[sp - s] = '\0';
	return loader_ends_any(buf,
	    place, LOADER_N(place));
}

/* A source note under a chart: text of its article, never a title. */
static const char *const loader_source_pfx[] = { "数据来源", "數據來源",
    "资料来源", "資料來源", "来源：", "來源：" };

/*
 * Can U be a title line by its shape? Open (or a short question or
 * exclamation), no sentence inside; up to LL_TITLE_MAX characters, or
 * LL_TITLE_LONG for a headline with its column tag （栏目·系列）, a
 * kicker that ends with —— or a subhead that starts with one.
 */
static bool
loader_title_shape(const struct loader_unit *u)
{
	const char	*s = u->text;
	bool		 dash = loader_ends(s, "——") || loader_starts(s, "——");
	bool		 tag = loader_ends(s, "）") && strstr(s, "（") != NULL &&
	    !loader_starts(s, "（");

	/* A subhead wholly in brackets: （2019年1月31日）, （…通过）. */
	if (loader_starts(s, "（") && loader_ends(s, "）"))
		return u->nchars <= LL_TITLE_MAX && loader_balanced(s + 3) &&
		    ((strstr(s, "年") != NULL && strstr(s, "日") != NULL) ||
		    loader_ends(s, "通过）"));
	if (!u->open && (u->nchars > LL_TITLE_QUESTION ||
	    !(loader_ends(s, "？") || loader_ends(s, "！") ||
	    loader_ends(s, "？”") || loader_ends(s, "！”"))))
		return false;
	if (u->nchars > (dash || tag ? LL_TITLE_LONG : LL_TITLE_MAX))
		return false;
	if (strstr(s, "；") != NULL)
		return false;
	return strstr(s, "。") == NULL || (dash && loader_ends(s, "——"));
}

enum loader_kind
loader_classify(const struct loader_unit *u)
{
	const char	*s = u->text, *end;
	size_t		 n = u->nchars;
	bool		 down;
	const char	*ms, *me;
	char		*t;

	if (n == 0)
		return LK_DROP;
	if (strcmp(s, "广告") == 0 || strcmp(s, "廣告") == 0)
		return LK_AD;
	/* A page header names its page; a note in brackets that points at
	 * another page (（讲话全文见第三版）), whole or cut, is text. */
	if (n <= LL_PAGEHDR_MAX && loader_find_page_no(s, &end) > 0 &&
	    strstr(s, "。") == NULL && strstr(s, "，") == NULL &&
	    strstr(s, "见") == NULL && strstr(s, "見") == NULL &&
	    loader_find_note(s, &down, &ms, &me) < 0 &&
	    !loader_starts(s, "（") && s[0] != '(' && loader_balanced(s))
		return LK_PAGEHDR;
	if ((t = loader_editor(s)) != NULL) {
		free(t);
		return LK_EDITOR;
	}
	if (n <= LL_NOTE_MAX && loader_find_note(s, &down, &ms, &me) > 0 &&
	    *loader_skip_space(me) == '\0')
		return LK_NOTE;
	if (loader_is_page_credit(s, n))
		return LK_PAGE_CREDIT;
	if (loader_is_caption(s))
		return LK_CAPTION;
	if (loader_is_credit(s, n))
		return LK_CREDIT;
	if ((t = loader_quote_by(s, n)) != NULL) {
		free(t);
		return LK_QUOTE_BY;
	}
	if (loader_is_byline(s, n))
		return LK_BYLINE;
	if (u->indented || !loader_balanced(s) || !loader_title_shape(u) ||
	    loader_starts_any(s, loader_source_pfx, LOADER_N(loader_source_pfx)) ||
	    loader_is_signed(s))
		return LK_PARA;
	if ((t = loader_dateline(s)) != NULL) {
		free(t);
		return LK_PARA;
	}
	if (!loader_latin_title(s))
		return LK_PARA;
	return LK_TITLE;
}

/*
 * On a page whose first units look like a masthead, mark them: every
 * unit before the first article's title group, as long as the run holds
 * at least one masthead-pattern line or the paper's name. The title
 * group in front of the first body unit counts at most two units here
 * (a slogan under the masthead reads like a kicker otherwise).
 */
void
loader_masthead(struct loader_ctx *cx)
{
	struct loader_page	*lp = cx->lp;
	size_t			 i, body, start, last_mast = (size_t)-1;
	size_t			 ntitle;
	bool			 seen = false;

	for (body = 0; body < lp->n; body++) {
		enum loader_kind k = lp->u[body].kind;

		/* An editor line may stand above the masthead (People's
		 * Daily prints 本版责编： in the page's top corner). */
		if (k == LK_PARA || k == LK_BYLINE || k == LK_CAPTION ||
		    k == LK_QUOTE_BY || k == LK_CREDIT)
			break;
		if (k == LK_TITLE && (loader_is_masthead_line(lp->u[body].text,
		    lp->u[body].nchars) || (body < LL_PAPER_FIRST_UNITS &&
		    loader_is_paper_name(lp->u[body].text,
		    lp->u[body].nchars)))) {
			seen = true;
			last_mast = body;
		}
	}
	if (!seen)
		return;
	/* The title group: up to two title units right before the body
	 * (a column label with its quote is one unit before the quote). */
	ntitle = 0;
	start = body;
	while (start > 0 && start - 1 > last_mast &&
	    lp->u[start - 1].kind == LK_TITLE && ntitle < LL_MAST_TITLES) {
		start--;
		ntitle++;
	}
	if (body < lp->n && lp->u[body].kind == LK_QUOTE_BY && start < body)
		start = body - 2 > last_mast ? body - 2 : last_mast + 1;
	for (i = 0; i < start; i++) {
		if (lp->u[i].kind != LK_TITLE)
			continue;
		if (cx->is->title == NULL && loader_is_paper_name(
		    lp->u[i].text, lp->u[i].nchars))
			cx->is->title = xstrdup(lp->u[i].text);
		issue_add_masthead(cx->is, lp->u[i].text);
		lp->u[i].kind = LK_MAST;
	}
}


bool
loader_is_title_line(const struct loader_unit *u)
{
	ucs4_t	last = loader_last(u->text, strlen(u->text), 0);

	return !loader_is_label(u->text) && !loader_is_numbered(u->text) &&
	    !loader_is_figure(u->text) && last != 0xff0c && last != 0x3001 &&
	    last != 0xff1b;
}

bool
loader_is_heading(const struct loader_unit *u)
{
	ucs4_t	last = loader_last(u->text, strlen(u->text), 0);

	return u->kind == LK_TITLE && !loader_is_figure(u->text) &&
	    last != 0xff0c && last != 0x3001 && last != 0xff1b;
}

/*
 * On a page whose paragraphs start indented, an unindented unit between
 * a title and the first indented paragraph is part of the title group
 * (a long 副题 summary), however long it is.
 */
void
loader_reclassify(struct loader_page *lp)
{
	size_t	i, npara = 0, nind = 0;

	for (i = 0; i < lp->n; i++)
		if (lp->u[i].kind == LK_PARA) {
			npara++;
			if (lp->u[i].indented)
				nind++;
		}
	if (npara < LL_INDENTED_PAGE_MIN ||
	    nind * 100 < npara * LL_INDENTED_PAGE_PCT)
		return;
	for (i = 1; i + 1 < lp->n; i++) {
		struct loader_unit *u = &lp->u[i];

		if (u->kind == LK_PARA && !u->indented &&
		    u->nchars <= LL_SUBHEAD_MAX &&
		    lp->u[i - 1].kind == LK_TITLE &&
		    ((lp->u[i + 1].kind == LK_PARA && lp->u[i + 1].indented) ||
		    lp->u[i + 1].kind == LK_BYLINE))
			u->kind = LK_TITLE;
	}
}

