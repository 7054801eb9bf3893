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

/* The four kinds of mistakes, all reported, each line skipped. */
static void
test_mistakes(void)
{
	struct settings	 cf;
	const char	*text =
	    "set colour-scheme dark\n"		/* 1: unknown setting */
	    "bind j frobnicate\n"		/* 2: unknown action */
	    "color headline chartreuse default\n"	/* 3: bad colour */
	    "color sidebar red default\n"	/* 4: unknown role */
	    "color body red default blinking\n"	/* 5: bad attribute */
	    "bind <PageDwn> page-down\n"		/* 6: bad key name */
	    "bind ^ĉ top\n"			/* 7: bad key name */
	    "bind F13 top\n"			/* 8: no such key */
	    "bind <PgDn> page-down\n"		/* good */
	    "bind F12 help\n"			/* good */
	    "bind 版 next-page\n"		/* good */
	    "color match 208 default bold,underline\n"	/* good */
	    "bind q none\n";			/* good */
	static const size_t lines[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	size_t		 i;

	settings_init(&cf);
	settings_parse(&cf, text, strlen(text), "cfg");
	CHECK(cf.diags.n == 8);
	for (i = 0; i < cf.diags.n && i < 8; i++)
		CHECK(cf.diags.v[i].line == lines[i]);
	if (cf.diags.n == 8) {
		CHECK(strstr(cf.diags.v[0].message, "colour-scheme") != NULL);
		CHECK(strstr(cf.diags.v[1].message, "frobnicate") != NULL);
		CHECK(strstr(cf.diags.v[2].message, "chartreuse") != NULL);
		CHECK(strstr(cf.diags.v[5].message, "PageDwn") != NULL);
	}
	CHECK(cf.nbinds == 4 && cf.ncolors == 1);
	settings_clear(&cf);
	CHECK(settings_key_valid("j") && settings_key_valid("<Esc>") &&
	    settings_key_valid("^N") && settings_key_valid("F1") &&
	    !settings_key_valid("F0") && !settings_key_valid("Foo") &&
	    !settings_key_valid("jj"));
}

/* set background: auto, light, dark; anything else a warning. */
static void
test_background(void)
{
	struct settings	 cf;
	const char	*text = "set background light\n"
	    "set background grey\n";

	settings_init(&cf);
	CHECK(cf.background == -1);
	settings_parse(&cf, text, strlen(text), "config");
	CHECK(cf.background == 2);
	CHECK(cf.diags.n == 1 && cf.diags.v[0].line == 2);
	settings_parse(&cf, "set background dark", 19, "config");
	CHECK(cf.background == 1);
	settings_parse(&cf, "set background auto", 19, "config");
	CHECK(cf.background == 0);
	settings_clear(&cf);
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
	test_mistakes();
	test_background();
	test_missing();
	test_default_path();
	return TDONE();
}
