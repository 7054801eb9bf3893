/*
 * ui-article.h -- drawing an article's layout into the reader pane
 * (ui-article.c). Only src/ui*.c include this header.
 */
#ifndef DUBAO_UI_ARTICLE_H
#define DUBAO_UI_ARTICLE_H

#include "layout.h"
#include "state.h"
#include "ui-draw.h"

/*
 * Draw LAY (may be NULL when the page has no article) from the state's
 * top line into R, highlighting the hits of the current search.
 */
void	ui_article_draw(const struct ui_rect *r, const struct layout *lay,
	    const struct reader_state *st, const attr_t *roles);

#endif /* DUBAO_UI_ARTICLE_H */
