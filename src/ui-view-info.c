/*
 * ui-view-info.c -- the info view: the current issue's paper, date,
 * encoding (and why it was chosen), files, masthead (front matter that
 * is no article: the reader shows it only here, so a search match in it
 * opens this view, with the match marked), pages with their article
 * counts, and every diagnostic the loader left.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "diag.h"
#include "library.h"
#include "model.h"
#include "options.h"
#include "settings.h"
#include "search.h"
#include "state.h"
#include "ui-text.h"
#include "ui-view.h"

/* Indent of the masthead lines. */
#define UI_INFO_INDENT	"  "

/* The masthead, the current search hit marked when it is in it. */
static void
ui_info_masthead(struct ui *u, struct ui_text *t, const struct issue *is)
{
	const struct search	*s;
	const struct search_hit	*h = NULL;
	size_t			 i, hit;

	if (is->nmasthead == 0)
		return;
	s = state_hits(u->st, &hit);
	if (s != NULL && hit < s->n &&
	    s->hits[hit].field == LAYOUT_F_MASTHEAD)
		h = &s->hits[hit];
	ui_text_add(t, xstrdup(_("masthead:")), 0);
	for (i = 0; i < is->nmasthead; i++) {
		ui_text_add(t, xasprintf(UI_INFO_INDENT "%s", is->masthead[i]),
		    0);
		if (h != NULL && h->index == i)
			ui_text_mark(t, t->n - 1, h->off +
			    strlen(UI_INFO_INDENT), h->len);
	}
}

/* The info screen: the issue, its files, pages and diagnostics. */
static void *
ui_info_enter(struct ui *u)
{
	const struct issue	*is = state_issue(u->st);
	const struct diag_list	*cf;
	struct ui_text		*t;
	char			 date[16], c1[64], c2[64], lab[256];
	size_t			 i, n;

	t = ui_text_new(_("about this issue (q to close)"));
	issue_date_str(is, date);
	ui_text_add(t, xasprintf(_("paper: %s"), is->title != NULL ?
	    is->title : _("unknown")), 0);
	ui_text_add(t, xasprintf(_("date: %s"), date[0] != '\0' ? date :
	    _("unknown")), 0);
	ui_text_add(t, xasprintf(_("encoding: %s (confidence %d%%)"),
	    is->encoding != NULL ? is->encoding : "?", is->confidence), 0);
	if (is->enc_reason != NULL)
		ui_text_add(t, xasprintf("  %s", is->enc_reason), 0);
	for (i = 0; i < is->nsources; i++)
		ui_text_add(t, xasprintf(_("file: %s"), is->sources[i]), 0);
	ui_info_masthead(u, t, is);
	n = issue_narticles(is);
	snprintf(c1, sizeof c1, P_("%zu page", "%zu pages", is->npages),
	    is->npages);
	snprintf(c2, sizeof c2, P_("%zu article", "%zu articles", n), n);
	/* TRANSLATORS: issue i of n, pages, articles. */
	ui_text_add(t, xasprintf(_("issue %zu of %zu, %s, %s"),
	    library_rank(state_library(u->st), state_issue_index(u->st)) + 1,
	    library_count(state_library(u->st)), c1, c2), 0);
	for (i = 0; i < is->npages; i++) {
		snprintf(c1, sizeof c1, P_("%zu article", "%zu articles",
		    is->pages[i].narts), is->pages[i].narts);
		page_label(&is->pages[i], i, lab, sizeof lab);
		ui_text_add(t, xasprintf("  %s: %s", lab, c1), 0);
	}
	ui_text_add(t, xasprintf(P_("%zu diagnostic", "%zu diagnostics",
	    is->diags.n), is->diags.n), 0);
	for (i = 0; i < is->diags.n; i++)
		ui_text_add(t, diag_format(&is->diags.v[i]), 0);
	cf = &u->opts->settings->diags;
	if (cf->n > 0)
		ui_text_add(t, xasprintf(P_("%zu mistake in the config file "
		    "(its line skipped)", "%zu mistakes in the config file "
		    "(their lines skipped)", cf->n), cf->n), 0);
	for (i = 0; i < cf->n; i++)
		ui_text_add(t, diag_format(&cf->v[i]), 0);
	return t;
}

static void
ui_info_leave(struct ui *u, void *data)
{
	(void)u;
	ui_text_free(data);
}

/* n, N and / go on with the search from here: back to the reader. */
static bool
ui_info_key(struct ui *u, void *data, int key, enum op op, int count)
{
	if (op == OP_NEXT_MATCH || op == OP_PREV_MATCH || op == OP_SEARCH) {
		ui_pop(u);
		return ui_state_key(u, op, count);
	}
	return ui_text_key(u, data, key, op);
}

static void
ui_info_draw(struct ui *u, void *data, const struct ui_rect *r,
    bool focused)
{
	(void)focused;
	ui_text_draw(u, data, r);
}

const struct ui_view ui_view_info = {
	.name = "info",
	.enter = ui_info_enter,
	.leave = ui_info_leave,
	.key = ui_info_key,
	.draw = ui_info_draw,
};
