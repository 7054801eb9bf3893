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

/* Index of the first unit after I that is not of kind LK_DROP. */
static size_t
loader_next(const struct loader_page *lp, size_t i)
{
	for (i++; i < lp->n && lp->u[i].kind == LK_DROP; i++)
		;
	return i;
}

void
loader_assemble(struct loader_ctx *cx)
{
	struct loader_page	*lp = cx->lp;
	struct loader_art	*cur = NULL, *photo = NULL, *la;
	struct loader_unit	*g[3];
	size_t			 i, j, k, ng;
	char			*t;

	for (i = 0; i < lp->n; i++) {
		struct loader_unit *u = &lp->u[i];

		switch (u->kind) {
		case LK_DROP:
		case LK_AD:
		case LK_PAGEHDR:
		case LK_MAST:
			break;
		case LK_EDITOR:
			t = loader_editor(u->text);
			if (cx->pg->editor == NULL)
				cx->pg->editor = t;
			else
				free(t);
			photo = NULL;
			break;
		case LK_NOTE:
			/* A note on its own: record it, keep no text. */
			if (cur != NULL)
				free(loader_notes_take(cur, xstrdup(u->text)));
			break;
		case LK_TITLE:
			/* Collect the group. */
			ng = 0;
			for (j = i; j < lp->n && ng < 3; j = loader_next(lp, j)) {
				if (lp->u[j].kind != LK_TITLE)
					break;
				g[ng++] = &lp->u[j];
			}
			k = j;		/* first unit after the group */
			/* Column label: one title, then a quote and its
			 * attribution. */
			if (ng >= 1 && k < lp->n &&
			    (lp->u[k].kind == LK_PARA ||
			    lp->u[k].kind == LK_TITLE)) {
				size_t q = loader_next(lp, k);

				if (q < lp->n && lp->u[q].kind == LK_QUOTE_BY) {
					size_t lab = (size_t)(g[ng - 1] -
					    lp->u);

					/* Titles before the label: a title
					 * group of its own. */
					if (ng > 1) {
						struct loader_art *pa;

						pa = loader_new_art(cx, i, false);
						loader_titles(pa->a, g, ng - 1);
					}
					la = loader_new_art(cx, lab, false);
					model_set(&la->a->column,
					    lp->u[lab].text);
					model_set(&la->a->quote, lp->u[k].text);
					la->a->quote_by = loader_quote_by(
					    lp->u[q].text, lp->u[q].nchars);
					cur = la;
					photo = NULL;
					i = q;
					break;
				}
			}
			if (cur != NULL && cur->a->headline == NULL &&
			    !cur->photo && (cur->open ||
			    cur->a->column != NULL)) {
				/* A headline that landed inside its own
				 * article. */
				loader_titles(cur->a, g, ng);
			} else {
				cur = loader_new_art(cx, i, false);
				loader_titles(cur->a, g, ng);
			}
			photo = NULL;
			i = (size_t)(g[ng - 1] - lp->u);
			break;
		case LK_BYLINE:
			if (cur == NULL || cur->photo)
				cur = loader_new_art(cx, i, false);
			t = loader_byline(u->text);
			if (cur->a->byline == NULL)
				cur->a->byline = t;
			else
				free(t);
			break;
		case LK_QUOTE_BY:
			/* An attribution without a label: the paragraph
			 * before it was a pull quote of the current
			 * article. */
			if (cur != NULL && cur->a->quote == NULL &&
			    cur->a->npara > 0) {
				struct article *a = cur->a;

				a->quote = a->paras[--a->npara];
				cur->npu--;
				cur->lastcap = 0;
				a->quote_by = loader_quote_by(u->text,
				    u->nchars);
				cur->open = a->npara > 0 &&
				    !loader_is_closed(a->paras[a->npara - 1]);
			} else if (cur != NULL) {
				/* keep the text */
				loader_art_para(cur, i, u->text);
			}
			break;
		case LK_CAPTION:
			if (!loader_is_relative_caption(u->text) &&
			    (cur == NULL || !cur->open)) {
				photo = loader_new_art(cx, i, true);
				article_add_caption(photo->a, u->text, NULL);
			} else {
				if (cur == NULL)
					cur = loader_new_art(cx, i, false);
				article_add_caption(cur->a, u->text, NULL);
				photo = NULL;
			}
			break;
		case LK_CREDIT:
			la = photo != NULL ? photo : cur;
			t = loader_credit_name(u->text);
			if (la != NULL && la->a->ncap > 0 &&
			    la->a->caps[la->a->ncap - 1].credit == NULL)
				la->a->caps[la->a->ncap - 1].credit = t;
			else if (la != NULL && la->a->ncap == 0 && la->a->npara == 0) {
				article_add_caption(la->a, "", t);
				free(t);
			} else {
				/* A credit for a picture with no caption. */
				if (cur == NULL)
					cur = loader_new_art(cx, i, false);
				article_add_caption(cur->a, "", t);
				free(t);
			}
			break;
		case LK_PARA:
			if (cur == NULL || cur->photo)
				cur = loader_new_art(cx, i, false);
			photo = NULL;
			/* The paragraph takes the unit's text; the tail pass
			 * reads paragraphs, not units. */
			t = loader_notes_take(cur, u->text);
			u->text = NULL;
			/* An indented unit starts a paragraph of its own. */
			if (cur->open && cur->a->npara > 0 && !u->indented) {
				loader_art_continue(cur, t);
				free(t);
			} else {
				if (cur->a->npara == 0 &&
				    cur->a->dateline == NULL)
					cur->a->dateline = loader_dateline(t);
				loader_art_take_para(cur, i, t);
			}
			cur->open = !loader_is_closed(
			    cur->a->paras[cur->a->npara - 1]);
			break;
		}
	}
}
