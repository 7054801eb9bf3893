/*
 * model.c -- constructors and destructors of the article tree. Each
 * node owns its strings and children; issue_free() releases everything.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "i18n.h"
#include "model.h"
#include "text.h"
#include "util.h"

struct issue *
issue_new(void)
{
	struct issue	*is;

	is = xcalloc(1, sizeof *is);
	diag_list_init(&is->diags);
	return is;
}

void
issue_free(struct issue *is)
{
	size_t	i;

	if (is == NULL)
		return;
	for (i = 0; i < is->npages; i++)
		page_clear(&is->pages[i]);
	free(is->pages);
	for (i = 0; i < is->nsources; i++)
		free(is->sources[i]);
	free(is->sources);
	for (i = 0; i < is->nmasthead; i++)
		free(is->masthead[i]);
	free(is->masthead);
	free(is->title);
	free(is->encoding);
	free(is->enc_reason);
	diag_list_clear(&is->diags);
	free(is);
}

void
issue_take_source(struct issue *is, char *path)
{
	is->sources = util_grow(is->sources, &is->srccap, is->nsources + 1,
	    sizeof *is->sources);
	is->sources[is->nsources++] = text_sanitize_str(path);
	free(path);
}

void
model_set_name(char **dst, const char *name)
{
	free(*dst);
	*dst = text_sanitize_str(name);
}

void
issue_add_masthead(struct issue *is, const char *line)
{
	is->masthead = util_grow(is->masthead, &is->mastcap, is->nmasthead + 1,
	    sizeof *is->masthead);
	is->masthead[is->nmasthead++] = xstrdup(line);
}

struct page *
issue_add_page(struct issue *is)
{
	struct page	*pg;

	is->pages = util_grow(is->pages, &is->pagecap, is->npages + 1,
	    sizeof *is->pages);
	pg = &is->pages[is->npages++];
	memset(pg, 0, sizeof *pg);
	return pg;
}

size_t
issue_narticles(const struct issue *is)
{
	size_t	i, n = 0;

	for (i = 0; i < is->npages; i++)
		n += is->pages[i].narts;
	return n;
}

void
issue_date_str(const struct issue *is, char *buf)
{
	if (is->year > 0 && is->month > 0 && is->day > 0)
		snprintf(buf, 16, "%04u-%02u-%02u",
		    (unsigned)is->year % 10000, (unsigned)is->month % 100,
		    (unsigned)is->day % 100);
	else
		buf[0] = '\0';
}

void
page_clear(struct page *pg)
{
	size_t	i;

	for (i = 0; i < pg->narts; i++)
		article_clear(&pg->arts[i]);
	free(pg->arts);
	for (i = 0; i < pg->ncredits; i++)
		free(pg->credits[i]);
	free(pg->credits);
	free(pg->name);
	free(pg->editor);
	free(pg->source);
	memset(pg, 0, sizeof *pg);
}

void
page_add_credit(struct page *pg, const char *text)
{
	pg->credits = util_grow(pg->credits, &pg->credcap, pg->ncredits + 1,
	    sizeof *pg->credits);
	pg->credits[pg->ncredits++] = xstrdup(text);
}

void
page_label(const struct page *pg, size_t i, char *buf, size_t size)
{
	if (pg->number > 0 && pg->name != NULL)
		snprintf(buf, size, _("第%d版 %s"), pg->number, pg->name);
	else if (pg->number > 0)
		snprintf(buf, size, _("第%d版"), pg->number);
	else if (pg->name != NULL)
		snprintf(buf, size, "%s", pg->name);
	else
		snprintf(buf, size, _("page %zu"), i + 1);
}

void
page_shrink(struct page *pg)
{
	struct article	*a;
	size_t		 i, j;

	if (pg->narts < pg->artcap) {
		pg->arts = xreallocarray(pg->arts, pg->narts, sizeof *pg->arts);
		pg->artcap = pg->narts;
	}
	for (i = 0; i < pg->narts; i++) {
		a = &pg->arts[i];
		if (a->npara < a->parcap) {
			a->paras = xreallocarray(a->paras, a->npara,
			    sizeof *a->paras);
			a->parcap = a->npara;
		}
		for (j = 0; j < a->npara; j++)
			a->paras[j] = xrealloc(a->paras[j],
			    strlen(a->paras[j]) + 1);
	}
}

struct article *
page_add_article(struct page *pg)
{
	struct article	*a;

	pg->arts = util_grow(pg->arts, &pg->artcap, pg->narts + 1,
	    sizeof *pg->arts);
	a = &pg->arts[pg->narts++];
	memset(a, 0, sizeof *a);
	return a;
}

void
article_clear(struct article *a)
{
	size_t	i;

	free(a->column);
	free(a->kicker);
	free(a->headline);
	free(a->subhead);
	free(a->byline);
	free(a->dateline);
	free(a->quote);
	free(a->quote_by);
	for (i = 0; i < a->npara; i++)
		free(a->paras[i]);
	free(a->paras);
	free(a->inter);
	for (i = 0; i < a->ncap; i++) {
		free(a->caps[i].text);
		free(a->caps[i].credit);
	}
	free(a->caps);
	free(a->source);
	memset(a, 0, sizeof *a);
}

void
article_take_para(struct article *a, char *text)
{
	a->paras = util_grow(a->paras, &a->parcap, a->npara + 1,
	    sizeof *a->paras);
	a->paras[a->npara++] = text;
}

void
article_add_para(struct article *a, const char *text)
{
	article_take_para(a, xstrdup(text));
}

void
article_mark_intertitle(struct article *a, size_t i)
{
	size_t	k;

	if (i >= a->npara || article_is_intertitle(a, i))
		return;
	a->inter = util_grow(a->inter, &a->intercap, a->ninter + 1,
	    sizeof *a->inter);
	for (k = a->ninter; k > 0 && a->inter[k - 1] > i; k--)
		a->inter[k] = a->inter[k - 1];
	a->inter[k] = i;
	a->ninter++;
}

bool
article_is_intertitle(const struct article *a, size_t i)
{
	size_t	k;

	for (k = a->ninter; k > 0; k--)
		if (a->inter[k - 1] <= i)
			return a->inter[k - 1] == i;
	return false;
}

char *
article_pop_para(struct article *a)
{
	if (a->npara == 0)
		return NULL;
	if (a->ninter > 0 && a->inter[a->ninter - 1] == a->npara - 1)
		a->ninter--;
	return a->paras[--a->npara];
}

void
article_move_paras(struct article *dst, struct article *src, size_t from)
{
	size_t	i;

	for (i = from; i < src->npara; i++) {
		article_take_para(dst, src->paras[i]);
		if (article_is_intertitle(src, i))
			article_mark_intertitle(dst, dst->npara - 1);
	}
	if (from < src->npara)
		src->npara = from;
	while (src->ninter > 0 && src->inter[src->ninter - 1] >= from)
		src->ninter--;
}

void
article_add_caption(struct article *a, const char *text, const char *credit)
{
	struct caption	*c;

	a->caps = util_grow(a->caps, &a->capcap, a->ncap + 1, sizeof *a->caps);
	c = &a->caps[a->ncap++];
	c->text = xstrdup(text != NULL ? text : "");
	c->credit = credit != NULL ? xstrdup(credit) : NULL;
}

const char *
article_title(const struct article *a)
{
	if (a->headline != NULL)
		return a->headline;
	if (a->ncap > 0)
		return a->caps[0].text;
	if (a->kicker != NULL)
		return a->kicker;
	if (a->npara > 0)
		return a->paras[0];
	return "";
}

size_t
article_chars(const struct article *a)
{
	size_t		 i, n = 0;
	const uint8_t	*s;
	ucs4_t		 uc;

	for (i = 0; i < a->npara; i++) {
		s = (const uint8_t *)a->paras[i];
		while (*s != '\0') {
			/* Fast paths: ASCII, and the ideographs U+4E00-9FFF
			 * (lead bytes E4-E9) that make most of the text. */
			if (*s < 0x80) {
				if ((*s >= '0' && *s <= '9') ||
				    ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))
					n++;
				s++;
				continue;
			}
			if (*s >= 0xe4 && *s <= 0xe9 && s[1] != '\0' &&
			    s[2] != '\0') {
				n++;
				s += 3;
				continue;
			}
			s = u8_next(&uc, s);
			if (s == NULL)
				break;
			if (!uc_is_property_white_space(uc) &&
			    !uc_is_general_category(uc, UC_CATEGORY_P) &&
			    !uc_is_general_category(uc, UC_CATEGORY_S))
				n++;
		}
	}
	return n;
}

void
article_move(struct article *dst, struct article *src)
{
	*dst = *src;
	memset(src, 0, sizeof *src);
}

void
model_set(char **dst, const char *src)
{
	free(*dst);
	*dst = src != NULL ? xstrdup(src) : NULL;
}
