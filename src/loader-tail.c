/*
 * loader-tail.c -- pass 4: tails moved before their article's headline.
 *
 * An article that still ends open at the end of its page had its tail
 * moved by the extraction: the paragraphs just before its title group
 * (counted to the previous article) are tried as its continuation, and
 * the run whose first unit joins the open end best (the join model of
 * loader-model.c) is moved back, when the model says it joins at all.
 */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader-int.h"

void
loader_tails(struct loader_ctx *cx)
{
	size_t	i, j, k, best_k;
	double	s, best, second;

	for (i = 1; i < cx->narts; i++) {
		struct loader_art *la = cx->arts[i], *pa;
		struct article *a = la->a, *p;

		if (la->photo || a->npara == 0 ||
		    loader_is_closed(a->paras[a->npara - 1]))
			continue;
		/* The article just before this one in the text. */
		pa = NULL;
		for (j = i; j-- > 0;)
			if (!cx->arts[j]->photo) {
				pa = cx->arts[j];
				break;
			}
		if (pa == NULL || pa->a->npara < 2 || pa->open)
			continue;
		p = pa->a;
		/* Candidate tails: the last paragraphs of PA that lie
		 * before LA's title group; PA keeps at least one. */
		best = second = -HUGE_VAL;
		best_k = 0;
		for (k = p->npara - 1; k >= 1; k--) {
			if (pa->para_unit[k] >= la->first_unit)
				continue;
			if (pa->para_unit[k] <= pa->body_unit)
				break;
			/* What stays behind must end where its article
			 * ends: with a closed paragraph. */
			if (!loader_is_closed(p->paras[k - 1]))
				continue;
			s = loader_join_score(cx, la->last_unit,
			    a->paras[a->npara - 1], pa->para_unit[k],
			    LOADER_JOIN_TAIL, a->npara == 1);
			/* Ties go to the later start: move as little of
			 * the other article as the evidence allows. */
			if (s > best) {
				second = best;
				best = s;
				best_k = k;
			} else if (s > second)
				second = s;
		}
		/* The tail is somewhere: the best place, when the model
		 * likes it or likes it far better than any other. */
		if (best_k == 0 || !(best > LL_TAIL_MIN ||
		    (best - second >= LL_TAIL_MARGIN && best > LL_TAIL_FLOOR)))
			continue;
		/* Move paragraphs best_k.. of PA to the end of A: the first
		 * one continues A's open paragraph. */
		loader_art_continue(la, p->paras[best_k]);
		for (k = best_k + 1; k < p->npara; k++) {
			la->para_unit = util_grow(la->para_unit, &la->pucap,
			    la->npu + 1, sizeof *la->para_unit);
			la->para_unit[la->npu++] = pa->para_unit[k];
		}
		article_move_paras(a, p, best_k + 1);
		free(article_pop_para(p));
		la->lastcap = 0;
		pa->npu = best_k;
		la->open = !loader_is_closed(a->paras[a->npara - 1]);
	}
}
