/*
 * ui-draw.c -- the text drawing helpers every view uses: a UTF-8 run at
 * a column, never past a right edge, each character through
 * text_display() (the ambiguous-width substitutes) and shown as '?' when
 * the locale cannot show it; and blank runs. Nothing here measures or
 * wraps text: callers pass what layout or text.h computed.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include <unistr.h>

#include "text.h"
#include "ui-draw.h"

#define UI_PUT_BUF 128

static void
ui_flush(wchar_t *buf, int *nb)
{
	if (*nb > 0)
		addnwstr(buf, *nb);
	*nb = 0;
}

int
ui_put_width(ucs4_t uc)
{
	const char	*sub = text_display(uc);
	int		 w;

	if (sub != NULL)
		return text_strwidth(sub, strlen(sub));
	w = wcwidth((wchar_t)uc);
	return w < 0 ? 1 : w;
}

int
ui_put(int y, int x, int maxx, const char *s, size_t n, attr_t at)
{
	wchar_t		 buf[UI_PUT_BUF];
	const char	*sub;
	ucs4_t		 uc;
	size_t		 i = 0;
	int		 col = x, nb = 0, k, w;

	if (x >= maxx)
		return x;
	attrset(at);
	move(y, x);
	while (i < n) {
		k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		i += (size_t)k;
		if ((sub = text_display(uc)) != NULL) {
			ui_flush(buf, &nb);
			col = ui_put(y, col, maxx, sub, strlen(sub), at);
			move(y, col);
			continue;
		}
		w = wcwidth((wchar_t)uc);
		if (w < 0 || (w == 0 && col == x && nb == 0)) {
			/* Not printable in this locale: one '?' cell. */
			uc = '?';
			w = 1;
		}
		if (col + w > maxx)
			break;
		if (nb == UI_PUT_BUF)
			ui_flush(buf, &nb);
		buf[nb++] = (wchar_t)uc;
		col += w;
	}
	ui_flush(buf, &nb);
	return col;
}

void
ui_blank(int y, int x, int maxx, attr_t at)
{
	attrset(at);
	if (x < maxx)
		mvhline(y, x, ' ', maxx - x);
}
