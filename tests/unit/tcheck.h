/*
 * tcheck.h -- a twenty-line test harness. CHECK(cond) records a failure
 * with file:line on stderr; TDONE() returns the exit status (0 pass,
 * 1 fail). Unit tests run in C.UTF-8 because widths depend on the locale.
 */
#ifndef DUBAO_TCHECK_H
#define DUBAO_TCHECK_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tcheck_failures, tcheck_checks;

#define CHECK(cond) do {						\
	tcheck_checks++;						\
	if (!(cond)) {							\
		tcheck_failures++;					\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *tc_a = (a), *tc_b = (b);				\
	tcheck_checks++;						\
	if ((tc_a == NULL) != (tc_b == NULL) ||				\
	    (tc_a != NULL && strcmp(tc_a, tc_b) != 0)) {		\
		tcheck_failures++;					\
		fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__,	\
		    __LINE__, tc_a ? tc_a : "(null)",			\
		    tc_b ? tc_b : "(null)");				\
	}								\
} while (0)

#define TSTART() do {							\
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {			\
		fprintf(stderr, "no C.UTF-8 locale\n");			\
		return 99;						\
	}								\
} while (0)

#define TDONE() (fprintf(stderr, "%d checks, %d failed\n",		\
	tcheck_checks, tcheck_failures), tcheck_failures ? 1 : 0)

#endif /* DUBAO_TCHECK_H */
