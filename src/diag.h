/*
 * diag.h -- a list of diagnostics (problems that do not stop loading),
 * each with the file, line and column it is about.
 */
#ifndef DUBAO_DIAG_H
#define DUBAO_DIAG_H

#include <stddef.h>

enum diag_severity {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR
};

struct diag {
	char			*file;	/* path as given, sanitised; or NULL */
	size_t			 line;	/* 1-based; 0 when not known */
	size_t			 col;	/* 1-based, in characters; 0 when not known */
	enum diag_severity	 severity;
	char			*message;	/* translated, no trailing period */
};

struct diag_list {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
};

void	diag_list_init(struct diag_list *);
void	diag_list_clear(struct diag_list *);
/*
 * Append a diagnostic; FILE may be NULL. Stores sanitised copies of FILE
 * and the message (text_sanitize_str), so both are safe to print.
 */
void	diag_add(struct diag_list *, enum diag_severity, const char *file,
	    size_t line, size_t col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
/* Move every diagnostic of SRC to the end of DST; SRC is left empty. */
void	diag_list_move(struct diag_list *dst, struct diag_list *src);
/* Count diagnostics of at least severity MIN. */
size_t	diag_count(const struct diag_list *, enum diag_severity min);
/* Format one diagnostic as "file:line:col: message" (caller frees). */
char	*diag_format(const struct diag *);

#endif /* DUBAO_DIAG_H */
