/*
 * util.h -- allocation that never fails from the caller's point of view,
 * fatal errors with a cleanup hook, and the program name.
 */
#ifndef DUBAO_UTIL_H
#define DUBAO_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* The program name used in messages ("dubao"). */
extern const char *progname;

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/*
 * Grow ARR (of *CAP elements of SIZE bytes) so that it holds at least
 * NEED elements, and return it (perhaps moved): arr = util_grow(arr,
 * &cap, n + 1, sizeof *arr). Doubles, so appending is amortised linear.
 * A size that does not fit in size_t is fatal.
 */
void	*util_grow(void *arr, size_t *cap, size_t need, size_t size)
	    __attribute__((warn_unused_result));

/*
 * Register a function run before fatal() and fatalx() print (the UI
 * registers the function that gives the terminal back).
 */
void	 util_set_fatal_hook(void (*)(void));

/* Print "dubao: MESSAGE[: strerror(errno)]" after the hook and exit 1. */
void	 fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
void	 fatalx(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

/* A growable byte buffer, always NUL-terminated once anything is added. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
void	 buf_init(struct buf *);
void	 buf_clear(struct buf *);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Return the contents (caller frees) and reset the buffer. */
char	*buf_take(struct buf *);

#endif /* DUBAO_UTIL_H */
