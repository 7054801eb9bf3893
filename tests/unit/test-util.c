/*
 * test-util.c -- the byte buffer, growth of arrays and the diagnostics
 * list with its "file:line:col: message" format.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"
#include "tcheck.h"

static void
test_buf(void)
{
	struct buf	 b;
	char		*s;
	int		 i;

	buf_init(&b);
	s = buf_take(&b);
	CHECK_STR(s, "");
	free(s);
	buf_adds(&b, "中文");
	buf_addc(&b, ' ');
	buf_printf(&b, "%d-%s", 42, "x");
	CHECK(b.len == strlen("中文 42-x"));
	CHECK_STR(b.data, "中文 42-x");
	for (i = 0; i < 10000; i++)
		buf_addc(&b, 'a');
	CHECK(b.len == strlen("中文 42-x") + 10000);
	CHECK(b.data[b.len] == '\0');
	s = buf_take(&b);
	CHECK(b.data == NULL && b.len == 0);
	CHECK(strncmp(s, "中文 42-x", strlen("中文 42-x")) == 0);
	free(s);
}

static void
test_grow(void)
{
	int	*v = NULL;
	size_t	 cap = 0, i;

	for (i = 0; i < 1000; i++) {
		v = util_grow(v, &cap, i + 1, sizeof *v);
		v[i] = (int)i;
	}
	CHECK(cap >= 1000);
	CHECK(v[999] == 999 && v[0] == 0);
	free(v);
}

static void
test_diag(void)
{
	struct diag_list	 a, b;
	char			*s;

	diag_list_init(&a);
	diag_list_init(&b);
	diag_add(&a, DIAG_WARNING, "p.txt", 12, 5, "bad byte %s", "0xff");
	diag_add(&a, DIAG_NOTE, "p.txt", 3, 0, "note");
	diag_add(&b, DIAG_ERROR, NULL, 0, 0, "no file");
	s = diag_format(&a.v[0]);
	CHECK_STR(s, "p.txt:12:5: bad byte 0xff");
	free(s);
	s = diag_format(&a.v[1]);
	CHECK_STR(s, "p.txt:3: note");
	free(s);
	s = diag_format(&b.v[0]);
	CHECK_STR(s, "-: no file");
	free(s);
	CHECK(diag_count(&a, DIAG_WARNING) == 1);
	diag_list_move(&a, &b);
	CHECK(a.n == 3 && b.n == 0);
	CHECK(diag_count(&a, DIAG_WARNING) == 2);
	diag_list_clear(&a);
	diag_list_clear(&b);
	CHECK(a.n == 0);
}

int
main(void)
{
	TSTART();
	test_buf();
	test_grow();
	test_diag();
	return TDONE();
}
