/*
 * loader-assemble.c -- pass 3: classified units to articles.
 *
 * Title-like units before a body form a title group (kicker, headline,
 * subhead; a column label when a pull quote follows); a group that
 * interrupts an article without a headline, or one waiting for the rest
 * of a cut paragraph, belongs to that article. A paragraph that ends
 * without closing punctuation continues at the next paragraph unit of its
 * article, across interleaved headline, byline and caption units.
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader-int.h"

static struct loader_art *
loader_new_art(struct loader_ctx *cx, size_t unit, bool photo)
{
	struct loader_art	*la;

	cx->arts = util_grow(cx->arts, &cx->artcap, cx->narts + 1,
	    sizeof *cx->arts);
	la = xcalloc(1, sizeof *la);
	cx->arts[cx->narts++] = la;
	la->a = xcalloc(1, sizeof *la->a);
	la->a->kind = photo ? ARTICLE_PHOTO : ARTICLE_TEXT;
	la->a->line = cx->lp->u[unit].line;
	model_set_name(&la->a->source, cx->name);
	la->first_unit = unit;
	la->body_unit = (size_t)-1;
	la->photo = photo;
	return la;
}

void
loader_art_take_para(struct loader_art *la, size_t unit, char *text)
{
	article_take_para(la->a, text);
	la->lastcap = 0;
	la->para_unit = util_grow(la->para_unit, &la->pucap, la->npu + 1,
	    sizeof *la->para_unit);
	la->para_unit[la->npu++] = unit;
	if (la->body_unit == (size_t)-1)
		la->body_unit = unit;
}

static void
loader_art_para(struct loader_art *la, size_t unit, const char *text)
{
	loader_art_take_para(la, unit, xstrdup(text));
}

/*
 * Append TEXT to the last paragraph of LA (a cut paragraph joined). The
 * paragraph grows geometrically, so joining many pieces stays linear.
 */
void
loader_art_continue(struct loader_art *la, const char *text)
{
	struct article	*a = la->a;
	struct buf	 b;

	b.data = a->paras[a->npara - 1];
	b.len = strlen(b.data);
	b.cap = la->lastcap > b.len ? la->lastcap : b.len + 1;
	loader_join(&b, text);
	a->paras[a->npara - 1] = b.data;
	la->lastcap = b.cap;
}

/*
 * Does a title end with a verb that introduces what follows ("...在会上
 * 强调", "中办国办印发", "...发表重要文章")? Such a line is a kicker.
 */
static bool
loader_kicker_verb(const char *s)
{
	static const char *const verbs[] = { "强调", "強調", "指出", "表示",
	    "印发", "印發", "发表重要文章", "发表重要讲话", "重要文章",
	    "重要讲话", "讲话", "講話", "致信", "致电", "宣布", "提出",
	    "要求", "发布", "發布", "寄语", "回信", "署名文章", "批准",
	    "反响", "之际", "主持召开", "主持" };

	return loader_ends_any(s, verbs, LOADER_N(verbs));
}

/*
 * Decide the roles of a title group of N units G[0..N): a column label is
 * handled by the caller. One unit is a headline; three are kicker,
 * headline, subhead. With two, explicit cues of how papers set titles
 * decide: for kicker + headline, a second line that is a clause (a comma),
 * a first line that ends with a verb introducing what follows (…强调,
 * 印发), a dash or a genre label (…综述), a couplet first line, a series
 * number (①), a headline's column tag in brackets; against, a second line
 * that starts with a dash or a bracket, lists who attended, is a couplet
 * or is too long to be a headline. No cue: headline + subhead.
 */
static void
loader_titles(struct article *a, struct loader_unit **g, size_t n)
{
	const char	*x, *y;
	int		 score = 0;

	if (n == 1) {
		model_set(&a->headline, g[0]->text);
		return;
	}
	if (n >= 3) {
		model_set(&a->kicker, g[n - 3]->text);
		model_set(&a->headline, g[n - 2]->text);
		model_set(&a->subhead, g[n - 1]->text);
		return;
	}
	x = g[0]->text;
	y = g[1]->text;
	if (strstr(y, "，") != NULL || strstr(y, "！") != NULL ||
	    strstr(y, "？") != NULL || strstr(y, "：") != NULL)
		score += LL_KICK_CLAUSE;
	if (loader_starts(y, "——") || loader_starts(y, "—") ||
	    strchr(y, ' ') != NULL || strstr(y, "\xe3\x80\x80") != NULL)
		score += LL_KICK_SPACED;
	if (loader_ends(x, "：") || loader_ends(x, ":"))
		score += LL_KICK_COLON;
	if (loader_kicker_verb(x) && !loader_kicker_verb(y))
		score += LL_KICK_VERB;
	if (loader_ends(x, "——") || loader_ends(x, "—"))
		score += LL_KICK_DASH;
	if (g[1]->nchars > LL_TITLE_MAX)
		score += LL_KICK_LONG;	/* a summary: no headline is so long */
	/* A genre label ends a kicker (…综述, …侧记). */
	if (loader_ends(x, "综述") || loader_ends(x, "侧记") ||
	    loader_ends(x, "纪实") || loader_ends(x, "述评") ||
	    loader_ends(x, "綜述") || loader_ends(x, "側記"))
		score += LL_KICK_GENRE;
	/* A line that starts with a dash, names a date, or lists who
	 * attended is a subhead. */
	if (loader_starts(y, "——") || loader_starts(y, "（") ||
	    loader_ends(y, "出席") || loader_ends(y, "参加会见") ||
	    loader_ends(y, "出席开幕式") || loader_ends(y, "参加") ||
	    loader_ends(y, "陪同"))
		score += LL_KICK_SUBHEAD;
	/* A couplet of two phrases is a subordinate line. */
	if ((strchr(x, ' ') != NULL || strstr(x, "\xe3\x80\x80") != NULL) &&
	    strchr(y, ' ') == NULL && strstr(y, "\xe3\x80\x80") == NULL)
		score += LL_KICK_COUPLET;
	/* A series number (①) ends a kicker; a column tag in brackets
	 * ("（人民观察）") ends a headline. */
	{
		ucs4_t	lx = loader_last(x, strlen(x), 0);

		if ((lx >= 0x2460 && lx <= 0x2473) || lx == 0x2474)
			score += LL_KICK_SERIES;
	}
	if (loader_ends(y, "）") && strstr(y, "（") != NULL &&
	    strstr(y, "（") != y)
		score += LL_KICK_TAG;
	if (score >= LL_KICKER_MIN) {
		model_set(&a->kicker, x);
		model_set(&a->headline, y);
	} else {
		model_set(&a->headline, x);
		model_set(&a->subhead, y);
	}
}

/*
 * Strip continuation notes from a paragraph, recording them. Returns a
 * new string, or TEXT itself when it has no note.
 */
static char *
loader_notes_take(struct loader_art *la, char *text)
{
	const char	*ms, *me;
	bool		 down;
	int		 n;
	struct buf	 b;
	char		*r;

	if (strstr(text, "版") == NULL ||
	    (n = loader_find_note(text, &down, &ms, &me)) <= 0)
		return text;
	if (down)
		la->a->cont_page = n;
	else
		la->a->from_page = n;
	buf_init(&b);
	buf_add(&b, text, ms - text);
	buf_adds(&b, me);
	r = loader_clean(b.data);
	buf_clear(&b);
	free(text);
	return r;
}

/* The first unit from I on that is not a byline, caption or credit. */
static size_t
loader_body_after(const struct loader_page *lp, size_t i)
{
	while (i < lp->n && (lp->u[i].kind == LK_DROP ||
	    lp->u[i].kind == LK_BYLINE || lp->u[i].kind == LK_CAPTION ||
	    lp->u[i].kind == LK_CREDIT || lp->u[i].kind == LK_PAGE_CREDIT))
		i++;
	return i;
}

/* Is the unit before I (captions and credits aside) the editor's line? */
static bool
loader_after_editor(const struct loader_page *lp, size_t i)
{
	while (i-- > 0) {
		if (lp->u[i].kind == LK_EDITOR)
			return true;
		if (lp->u[i].kind != LK_DROP && lp->u[i].kind != LK_CAPTION &&
		    lp->u[i].kind != LK_CREDIT)
			return false;
	}
	return false;
}

/*
 * A title-like run, then a paragraph N that opens with a dateline (本报讯
 * 某某报道：, 本报北京9月30日电): an article starts there, whatever else
 * the page says.
 */
static bool
loader_group_dateline(const struct loader_page *lp, size_t n)
{
	char	*d;

	if (n >= lp->n || lp->u[n].kind != LK_PARA ||
	    (d = loader_dateline(lp->u[n].text)) == NULL)
		return false;
	free(d);
	return true;
}

/* A title-like run, then a note that it continues from another page
 * (（上接第1版）): the article's continuation starts. */
static bool
loader_group_cont(const struct loader_page *lp, size_t j)
{
	const char	*ms, *me;
	bool		 down;

	return j < lp->n && lp->u[j].kind == LK_NOTE &&
	    loader_find_note(lp->u[j].text, &down, &ms, &me) >= 0 && !down;
}

/* Is there a title line over a byline among the units after J? */
static bool
loader_bylined_ahead(const struct loader_page *lp, size_t j)
{
	size_t	k, end = j + LL_PARTS_LOOK < lp->n ? j + LL_PARTS_LOOK : lp->n;

	for (k = j + 1; k + 1 < end; k++)
		if (lp->u[k].kind == LK_TITLE && lp->u[k + 1].kind == LK_BYLINE)
			return true;
	return false;
}

/*
 * A title-like run [I, J), then a byline: an article starts, when the
 * byline has its ■ mark. Without it, the run may be the heading of one
 * part of a feature (parts have their own bylines, often a place with a
 * dash, "内蒙古阿尔山——", and come in series). It starts an article only
 * after one (CUR) that had its own byline and no intertitles, when no
 * other title over a byline follows on the page.
 */
static bool
loader_group_byline(const struct loader_page *lp, size_t i, size_t j,
    const struct loader_art *cur)
{
	size_t	k;

	if (j >= lp->n || lp->u[j].kind != LK_BYLINE)
		return false;
	if (loader_starts(lp->u[j].text, "■") ||
	    loader_starts(lp->u[j].text, "□") ||
	    loader_starts(lp->u[j].text, "●"))
		return true;
	if (cur == NULL || cur->a->byline == NULL || cur->a->ninter > 0)
		return false;
	for (k = i; k < j; k++)
		if (loader_starts(lp->u[k].text, "—") ||
		    loader_ends(lp->u[k].text, "—"))
			return false;
	return !loader_bylined_ahead(lp, j);
}

/* The state of the assembly of one page. */
struct loader_asm {
	struct loader_ctx	*cx;
	struct loader_art	*cur;	/* the article being read */
	struct loader_art	*photo;	/* a picture that takes a credit */
	size_t			 cont;	/* the unit that continues the open
					   paragraph across a title group, or
					   (size_t)-1 */
};

/* Does unit I continue the open paragraph of the current article? */
static bool
loader_asm_joins(struct loader_asm *st, size_t i)
{
	struct loader_art	*cur = st->cur;
	const struct loader_page *lp = st->cx->lp;
	size_t			 k;
	bool			 across = false;

	if (cur == NULL || cur->sealed || cur->a->npara == 0 ||
	    lp->u[i].indented)
		return false;
	if (i == st->cont)
		return true;
	for (k = cur->last_unit + 1; k < i; k++)
		if (lp->u[k].kind != LK_DROP)
			across = true;
	return loader_join_score(st->cx, cur->last_unit,
	    cur->a->paras[cur->a->npara - 1], i,
	    across ? LOADER_JOIN_ACROSS : LOADER_JOIN_NEXT,
	    cur->a->npara == 1) > 0;
}

/*
 * Unit I is text of the current article: it continues the open paragraph
 * or starts one (an intertitle when INTER, which never continues and is
 * never continued).
 */
static void
loader_asm_para(struct loader_asm *st, size_t i, bool inter)
{
	struct loader_unit	*u = &st->cx->lp->u[i];
	struct loader_art	*cur;
	char			*t;
	bool			 join;

	if (st->cur == NULL || st->cur->photo)
		st->cur = loader_new_art(st->cx, i, false);
	cur = st->cur;
	st->photo = NULL;
	join = !inter && loader_asm_joins(st, i);
	t = loader_notes_take(cur, xstrdup(u->text));
	if (join) {
		loader_art_continue(cur, t);
		free(t);
	} else {
		if (cur->a->npara == 0 && cur->a->dateline == NULL)
			cur->a->dateline = loader_dateline(t);
		loader_art_take_para(cur, i, t);
		if (inter && loader_is_heading(u))
			article_mark_intertitle(cur->a, cur->a->npara - 1);
	}
	cur->open = !inter && !loader_is_closed(
	    cur->a->paras[cur->a->npara - 1]);
	cur->sealed = inter;
	cur->last_unit = i;
}

/*
 * A column label: one title unit, then a pull quote and its attribution
 * (交流干部国动人 / quote / ——王裕斌). Titles before the label form a
 * title group of their own. Returns the last unit used, or 0 when the run
 * [I, J) is no label.
 */
static size_t
loader_asm_label(struct loader_asm *st, size_t i, size_t j)
{
	struct loader_ctx	*cx = st->cx;
	struct loader_page	*lp = cx->lp;
	struct loader_unit	*g[3];
	struct loader_art	*la;
	size_t			 q, lab, k, ng = 0;

	if (j >= lp->n || (lp->u[j].kind != LK_PARA &&
	    lp->u[j].kind != LK_TITLE))
		return 0;
	q = loader_next(lp, j);
	if (q >= lp->n || lp->u[q].kind != LK_QUOTE_BY)
		return 0;
	for (k = i; k < j && ng < 3; k = loader_next(lp, k))
		g[ng++] = &lp->u[k];
	lab = (size_t)(g[ng - 1] - lp->u);
	if (ng > 1) {
		la = loader_new_art(cx, i, false);
		loader_titles(la->a, g, ng - 1);
	}
	la = loader_new_art(cx, lab, false);
	model_set(&la->a->column, lp->u[lab].text);
	model_set(&la->a->quote, lp->u[j].text);
	la->a->quote_by = loader_quote_by(lp->u[q].text, lp->u[q].nchars);
	st->cur = la;
	st->photo = NULL;
	return q;
}

/*
 * The title group [I, J) starts a new article. Its first paragraphs may
 * stand before it, at the end of the current article (the title set
 * beside the article's first column; ACROSS when the open paragraph
 * before the group continues after it, so that at least that paragraph
 * is the new article's). The split model picks where the new article
 * starts among the current one's last paragraphs. Returns the new
 * article, holding those paragraphs.
 */
static struct loader_art *
loader_asm_split(struct loader_asm *st, size_t i, size_t j, bool across)
{
	struct loader_art	*cur = st->cur, *la;
	struct article		*a;
	size_t			 k, lo, best;
	double			 s, best_s = 0;

	if (cur == NULL || cur->photo || cur->a->npara < 2)
		return loader_new_art(st->cx, i, false);
	a = cur->a;
	best = across ? a->npara - 1 : a->npara;
	lo = a->npara > LL_SPLIT_LOOK ? a->npara - LL_SPLIT_LOOK : 1;
	for (k = lo; k < a->npara; k++) {
		if (cur->para_unit[k] <= cur->body_unit)
			continue;
		s = loader_split_score(st->cx, cur, k, i, j, across);
		if (s > best_s) {
			best_s = s;
			best = k;
		}
	}
	if (best >= a->npara)
		return loader_new_art(st->cx, i, false);
	la = loader_new_art(st->cx, cur->para_unit[best], false);
	for (k = best; k < a->npara; k++) {
		la->para_unit = util_grow(la->para_unit, &la->pucap,
		    la->npu + 1, sizeof *la->para_unit);
		la->para_unit[la->npu++] = cur->para_unit[k];
	}
	la->body_unit = cur->para_unit[best];
	cur->npu = best;
	article_move_paras(la->a, a, best);
	la->open = cur->open;
	la->sealed = cur->sealed;
	la->last_unit = cur->last_unit;
	cur->open = false;
	cur->lastcap = 0;
	return la;
}

/*
 * The title-like units [I, J) inside an article: intertitles, labels,
 * verse; the last one may be the first half of a paragraph cut by a
 * column break, which the text after the run continues.
 */
static void
loader_asm_inner(struct loader_asm *st, size_t i, size_t j)
{
	struct loader_page	*lp = st->cx->lp;
	size_t			 k, n;

	for (k = i; k < j; k = loader_next(lp, k)) {
		n = loader_next(lp, k);
		if (n >= j && n < lp->n && lp->u[n].kind == LK_PARA &&
		    !lp->u[n].indented && loader_join_score(st->cx, k,
		    lp->u[k].text, n, LOADER_JOIN_NEXT, false) > 0)
			loader_asm_para(st, k, false);
		else
			loader_asm_para(st, k, true);
	}
}

/*
 * The run [I, J) starts an article: its first units (up to three, before
 * a label or a numbered heading) are the title group, the rest the first
 * paragraphs, as intertitles. ACROSS when the open paragraph before the
 * run continues after it (the title moved down into its article).
 */
static void
loader_asm_titles(struct loader_asm *st, size_t i, size_t j, bool across)
{
	struct loader_page	*lp = st->cx->lp;
	struct loader_art	*cur = st->cur;
	struct loader_unit	*g[3];
	size_t			 k, ng = 0, last = i;

	for (k = i; k < j && ng < 3; k = loader_next(lp, k)) {
		if (ng > 0 && loader_title_score(st->cx, i, k, j) <= 0)
			break;
		g[ng++] = &lp->u[k];
		last = k;
	}
	if (cur != NULL && cur->a->headline == NULL && !cur->photo &&
	    (cur->a->column != NULL || across)) {
		/* A headline that landed inside its own article. */
	} else
		st->cur = loader_asm_split(st, i, j, across);
	loader_titles(st->cur->a, g, ng);
	st->photo = NULL;
	loader_asm_inner(st, loader_next(lp, last), j);
}

/*
 * Is the title-like unit I the rest of the open paragraph of the current
 * article? Only if it continues that paragraph better than the body unit
 * N after the run does (or N is lp->n: none). *ACROSS tells whether the
 * paragraph continues at N, across the run.
 */
static bool
loader_asm_rest(struct loader_asm *st, size_t i, size_t n, bool *across)
{
	struct loader_art	*cur = st->cur;
	double			 here = -1, there = -1;

	*across = false;
	if (cur == NULL || cur->sealed || cur->a->npara == 0)
		return false;
	/* A closed paragraph is not continued across a title group. An
	 * article with a column label and no headline yet waits for its
	 * headline inside its text: the group is no obstacle there. */
	if (n < st->cx->lp->n && cur->open)
		there = loader_join_score(st->cx, cur->last_unit,
		    cur->a->paras[cur->a->npara - 1], n,
		    cur->a->column != NULL && cur->a->headline == NULL ?
		    LOADER_JOIN_NEXT : LOADER_JOIN_ACROSS,
		    cur->a->npara == 1);
	/* Only an open paragraph is continued by a line like a title. */
	if (!st->cx->lp->u[i].indented && cur->open)
		here = loader_join_score(st->cx, cur->last_unit,
		    cur->a->paras[cur->a->npara - 1], i,
		    i > cur->last_unit + 1 ? LOADER_JOIN_ACROSS :
		    LOADER_JOIN_NEXT, cur->a->npara == 1);
	*across = there > 0 && there > here;
	return here > 0 && here >= there;
}

/*
 * Does the title unit I come after a paragraph that stood below it in the
 * file? The columns pass (loader-flow.c) moved that text up to the
 * paragraph it continues, across I: I is not inside that article's flow,
 * it starts another one (a short title group [I, J), not numbered).
 * Page dumps as they are never go back.
 */
static bool
loader_after_moved(const struct loader_page *lp, size_t i, size_t j)
{
	size_t	k, n = 0;

	if (i == 0 || lp->u[i - 1].kind != LK_PARA ||
	    lp->u[i - 1].line <= lp->u[i].line ||
	    loader_is_numbered(lp->u[i].text))
		return false;
	/* A title group, not a list of contents the flow read apart. */
	for (k = i; k < j; k = loader_next(lp, k))
		n++;
	return n <= LL_MOVED_TITLES;
}

/*
 * Is the current article the page's first, one paragraph without any
 * title line before it (a line the page header could not be read from),
 * which the run does not continue across? Then the run starts an
 * article of its own.
 */
static bool
loader_after_headless(const struct loader_asm *st, bool across)
{
	const struct article	*a = st->cur->a;

	return !across && st->cx->narts == 1 && a->npara == 1 &&
	    a->headline == NULL && a->kicker == NULL && a->subhead == NULL &&
	    a->column == NULL;
}

/*
 * A run of title-like units from unit I: the title group of a new article,
 * or intertitles and the like inside the current one, or the rest of a cut
 * paragraph that looks like a title. Returns the last unit used.
 */
static size_t
loader_asm_run(struct loader_asm *st, size_t i)
{
	struct loader_ctx	*cx = st->cx;
	struct loader_page	*lp = cx->lp;
	struct loader_art	*cur = st->cur;
	size_t			 j, k, n, body;
	bool			 across = false, start;

	for (j = i; j < lp->n && lp->u[j].kind == LK_TITLE;
	    j = loader_next(lp, j))
		;
	if ((k = loader_asm_label(st, i, j)) != 0)
		return k;
	body = loader_body_after(lp, j);
	/* N: the unit that may continue a paragraph across the run. */
	n = body < lp->n && lp->u[body].kind == LK_PARA &&
	    !lp->u[body].indented ? body : lp->n;
	if (loader_asm_rest(st, i, n, &across)) {
		/* The rest of the open paragraph only looks like a title. */
		loader_asm_para(st, i, false);
		return i;
	}
	/* The first half of a cut paragraph, which the text after the run
	 * continues: right after it, or after title lines that came
	 * between the halves. */
	if (n < lp->n && (n == j || loader_next(lp, i) < j) &&
	    loader_join_score(cx, i, lp->u[i].text, n,
	    loader_next(lp, i) == n ? LOADER_JOIN_NEXT : LOADER_JOIN_ACROSS,
	    false) > 0) {
		loader_asm_para(st, i, false);
		return i;
	}
	/* A column label waits for its headline; after a picture of its
	 * own or the editor's line, the current article has ended. */
	start = cur == NULL || cur->photo || (cur->a->column != NULL &&
	    cur->a->headline == NULL) || st->photo != NULL ||
	    loader_after_editor(lp, i) || loader_after_moved(lp, i, j) ||
	    loader_group_dateline(lp, body) || loader_group_byline(lp, i, j, cur) ||
	    loader_group_cont(lp, j) || loader_after_headless(st, across) ||
	    loader_start_score(cx, i, j, across, cur->a) > 0;
	if (start) {
		loader_asm_titles(st, i, j, across);
		if (across)
			st->cont = n;
	} else
		loader_asm_inner(st, i, j);
	for (k = i; loader_next(lp, k) < j; k = loader_next(lp, k))
		;
	return k;
}

/* A caption: of a picture of its own, or of the current article. */
static void
loader_asm_caption(struct loader_asm *st, size_t i)
{
	struct loader_unit	*u = &st->cx->lp->u[i];

	if (!loader_is_relative_caption(u->text) &&
	    (st->cur == NULL || !st->cur->open)) {
		st->photo = loader_new_art(st->cx, i, true);
		article_add_caption(st->photo->a, u->text, NULL);
	} else {
		if (st->cur == NULL)
			st->cur = loader_new_art(st->cx, i, false);
		article_add_caption(st->cur->a, u->text, NULL);
		st->photo = NULL;
	}
}

/* A photo credit: the last caption's, or a picture's without caption. */
static void
loader_asm_credit(struct loader_asm *st, size_t i)
{
	struct loader_art	*la = st->photo != NULL ? st->photo : st->cur;
	char			*t = loader_credit_name(st->cx->lp->u[i].text);

	if (la != NULL && la->a->ncap > 0 &&
	    la->a->caps[la->a->ncap - 1].credit == NULL) {
		la->a->caps[la->a->ncap - 1].credit = t;
		return;
	}
	if (la == NULL || la->a->ncap != 0 || la->a->npara != 0) {
		if (st->cur == NULL)
			st->cur = loader_new_art(st->cx, i, false);
		la = st->cur;
	}
	article_add_caption(la->a, "", t);
	free(t);
}

/*
 * An attribution: with no label before, the paragraph before it was a
 * pull quote of the current article.
 */
static void
loader_asm_quote_by(struct loader_asm *st, size_t i)
{
	struct loader_unit	*u = &st->cx->lp->u[i];
	struct loader_art	*cur = st->cur;
	struct article		*a;

	if (cur == NULL)
		return;
	a = cur->a;
	if (a->quote == NULL && a->npara > 0) {
		a->quote = article_pop_para(a);
		cur->npu--;
		cur->lastcap = 0;
		a->quote_by = loader_quote_by(u->text, u->nchars);
		cur->open = a->npara > 0 &&
		    !loader_is_closed(a->paras[a->npara - 1]);
	} else
		loader_art_para(cur, i, u->text);
}

static void
loader_asm_byline(struct loader_asm *st, size_t i)
{
	char	*t;

	if (st->cur == NULL || st->cur->photo)
		st->cur = loader_new_art(st->cx, i, false);
	if (st->cur->a->byline != NULL) {
		/* A second byline: text. */
		loader_asm_para(st, i, false);
		return;
	}
	t = loader_byline(st->cx->lp->u[i].text);
	st->cur->a->byline = t;
}

/* Do most paragraphs of the page start indented? */
static bool
loader_indent_page(const struct loader_page *lp)
{
	size_t	i, npara = 0, nind = 0;

	for (i = 0; i < lp->n; i++)
		if (lp->u[i].kind == LK_PARA) {
			npara++;
			nind += lp->u[i].indented;
		}
	return npara >= LL_INDENTED_PAGE_MIN &&
	    nind * 100 >= npara * LL_INDENTED_PAGE_PCT;
}

void
loader_assemble(struct loader_ctx *cx)
{
	struct loader_page	*lp = cx->lp;
	struct loader_asm	 st;
	size_t			 i;
	char			*t;

	memset(&st, 0, sizeof st);
	st.cx = cx;
	st.cont = (size_t)-1;
	cx->indent_page = loader_indent_page(lp);
	for (i = 0; i < lp->n; i++) {
		switch (lp->u[i].kind) {
		case LK_DROP:
		case LK_AD:
		case LK_PAGEHDR:
		case LK_MAST:
			break;
		case LK_EDITOR:
			t = loader_editor(lp->u[i].text);
			if (cx->pg->editor == NULL)
				cx->pg->editor = t;
			else
				free(t);
			st.photo = NULL;
			break;
		case LK_PAGE_CREDIT:
			page_add_credit(cx->pg, lp->u[i].text);
			break;
		case LK_NOTE:
			/* A note on its own: record it, keep no text. */
			if (st.cur != NULL)
				free(loader_notes_take(st.cur,
				    xstrdup(lp->u[i].text)));
			break;
		case LK_TITLE:
			i = loader_asm_run(&st, i);
			break;
		case LK_BYLINE:
			loader_asm_byline(&st, i);
			break;
		case LK_QUOTE_BY:
			loader_asm_quote_by(&st, i);
			break;
		case LK_CAPTION:
			loader_asm_caption(&st, i);
			break;
		case LK_CREDIT:
			loader_asm_credit(&st, i);
			break;
		case LK_PARA:
			loader_asm_para(&st, i, false);
			break;
		}
	}
}
