/*
 * test-settings.c -- the config file: every directive, bad values and
 * unknown directives reported with their line, nothing applied from a bad
 * line, a missing file no error.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "tcheck.h"

static void
test_parse(void)
{
	struct settings	 cf;
	const char	*text =
	    "# comment\n"
	    "set text-width 72   # trailing comment\n"
	    "set ambiguous-width 2\r\n"
	    "set fold-variants no\n"
	    "\n"
	    "bind ^N next-article\n"
	    "color headline yellow default bold\n"
	    "set text-width wide\n"		/* line 8: bad value */
	    "frobnicate 1\n"			/* line 9: unknown */
	    "bind x\n"				/* line 10: missing action */
	    "set library ~/papers\n";

	setenv("HOME", "/srv/reader", 1);
	settings_init(&cf);
	settings_parse(&cf, text, strlen(text), "config");
	CHECK(cf.text_width == 72);
	CHECK(cf.ambiguous == 2);
	CHECK(cf.fold_variants == 0);
	CHECK_STR(cf.library, "/srv/reader/papers");
	CHECK(cf.nbinds == 1);
	if (cf.nbinds == 1) {
		CHECK_STR(cf.binds[0].key, "^N");
		CHECK_STR(cf.binds[0].action, "next-article");
		CHECK(cf.binds[0].line == 6);
	}
	CHECK(cf.ncolors == 1);
	if (cf.ncolors == 1) {
		CHECK_STR(cf.colors[0].role, "headline");
		CHECK_STR(cf.colors[0].fg, "yellow");
		CHECK_STR(cf.colors[0].attrs, "bold");
	}
	CHECK(cf.diags.n == 3);
	if (cf.diags.n == 3) {
		CHECK(cf.diags.v[0].line == 8);
		CHECK(cf.diags.v[1].line == 9);
		CHECK(cf.diags.v[2].line == 10);
		CHECK_STR(cf.diags.v[1].file, "config");
	}
	settings_clear(&cf);
	CHECK(cf.nbinds == 0 && cf.text_width == -1);
}

static void
test_missing(void)
{
	struct settings	 cf;
	char		*cause = NULL;

	settings_init(&cf);
	CHECK(settings_load(&cf, "/nonexistent/dubao/config", &cause) == 0);
	CHECK(cause == NULL);
	CHECK(cf.path == NULL && cf.diags.n == 0);
	settings_clear(&cf);
}

static void
test_default_path(void)
{
	char	*p;

	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	p = settings_default_path();
	CHECK_STR(p, "/x/cfg/dubao/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/srv/r", 1);
	p = settings_default_path();
	CHECK_STR(p, "/srv/r/.config/dubao/config");
	free(p);
}

int
main(void)
{
	TSTART();
	test_parse();
	test_missing();
	test_default_path();
	return TDONE();
}
