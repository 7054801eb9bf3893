/*
 * diag.c -- diagnostics list. Library modules never print: they append
 * here and the front end (main.c, dump.c, ui*.c) decides where it goes.
 * A diagnostic quotes names and text from outside (paths, config words,
 * a line of the issue), so each is sanitised as it is added: whatever
 * prints it may print it as it is.
 */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>

#include "diag.h"
#include "text.h"
#include "util.h"

void
diag_list_init(struct diag_list *dl)
{
	dl->v = NULL;
	dl->n = dl->cap = 0;
}

void
diag_list_clear(struct diag_list *dl)
{
	size_t	i;

	for (i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].message);
	}
	free(dl->v);
	diag_list_init(dl);
}

void
diag_add(struct diag_list *dl, enum diag_severity sev, const char *file,
    size_t line, size_t col, const char *fmt, ...)
{
	struct diag	*d;
	va_list		 ap;
	char		*msg;

	dl->v = util_grow(dl->v, &dl->cap, dl->n + 1, sizeof *dl->v);
	d = &dl->v[dl->n++];
	d->file = text_sanitize_str(file);
	d->line = line;
	d->col = col;
	d->severity = sev;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	d->message = text_sanitize_str(msg);
	free(msg);
}

void
diag_list_move(struct diag_list *dst, struct diag_list *src)
{
	size_t	i;

	dst->v = util_grow(dst->v, &dst->cap, dst->n + src->n, sizeof *dst->v);
	for (i = 0; i < src->n; i++)
		dst->v[dst->n++] = src->v[i];
	free(src->v);
	diag_list_init(src);
}

size_t
diag_count(const struct diag_list *dl, enum diag_severity min)
{
	size_t	i, n = 0;

	for (i = 0; i < dl->n; i++)
		if (dl->v[i].severity >= min)
			n++;
	return n;
}

char *
diag_format(const struct diag *d)
{
	const char	*f = d->file != NULL ? d->file : "-";

	if (d->line != 0 && d->col != 0)
		return xasprintf("%s:%zu:%zu: %s", f, d->line, d->col,
		    d->message);
	if (d->line != 0)
		return xasprintf("%s:%zu: %s", f, d->line, d->message);
	return xasprintf("%s: %s", f, d->message);
}
