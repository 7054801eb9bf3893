/*
 * settings.c -- read the configuration file: set, bind and color
 * directives, one a line. Everything is checked here, so that --check
 * and the reader report every mistake with file:line and skip the line:
 * settings and their values, key names (their spelling; the UI turns
 * them into curses codes), actions, colour roles, colours and
 * attributes. The names below must stay those the UI knows (ui.c's key
 * names, ui-draw.h's UI_ROLES, ui.c's attributes).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "settings.h"
#include "i18n.h"
#include "state.h"
#include "util.h"

#define SETTINGS_MAX_SIZE (1024 * 1024)

void
settings_init(struct settings *cf)
{
	memset(cf, 0, sizeof *cf);
	cf->text_width = -1;
	cf->ambiguous = -1;
	cf->fold_variants = -1;
	cf->background = -1;
	diag_list_init(&cf->diags);
}

void
settings_clear(struct settings *cf)
{
	size_t	i;

	for (i = 0; i < cf->nbinds; i++) {
		free(cf->binds[i].key);
		free(cf->binds[i].action);
	}
	free(cf->binds);
	for (i = 0; i < cf->ncolors; i++) {
		free(cf->colors[i].role);
		free(cf->colors[i].fg);
		free(cf->colors[i].bg);
		free(cf->colors[i].attrs);
	}
	free(cf->colors);
	free(cf->library);
	free(cf->path);
	diag_list_clear(&cf->diags);
	settings_init(cf);
}

char *
settings_default_path(void)
{
	const char	*x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	if (x != NULL && *x == '/')
		return xasprintf("%s/dubao/config", x);
	if (h != NULL && *h != '\0')
		return xasprintf("%s/.config/dubao/config", h);
	return NULL;
}

/* Split LINE (modified) into at most MAX words; returns their number. */
static size_t
settings_words(char *line, char **w, size_t max)
{
	size_t	n = 0;
	char	*p = line;

	while (*p != '\0' && n < max) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		w[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
	return n;
}


/* Key names a bind line may use besides one character, ^X and F1-F12. */
static const char *const settings_keynames[] = {
	"Down", "Up", "Left", "Right", "PageDown", "PgDn", "PageUp", "PgUp",
	"Home", "End", "Enter", "Return", "KPEnter", "Backspace", "BS", "Tab",
	"Space", "Esc", "Delete", "Insert"
};

/* Colour roles (ui-draw.h UI_ROLES). */
static const char *const settings_roles[] = {
	"normal", "column", "kicker", "headline", "subhead", "byline",
	"dateline", "quote", "body", "intertitle", "caption", "note", "match",
	"match-current", "contents-page", "contents", "contents-read",
	"contents-selected", "status", "message", "error", "border"
};

static const char *const settings_colors[] = {
	"default", "black", "red", "green", "yellow", "blue", "magenta",
	"cyan", "white"
};

static const char *const settings_attrs[] = {
	"bold", "underline", "reverse", "dim", "standout", "blink", "italic",
	"normal"
};

#define SETTINGS_NELEM(a)	(sizeof (a) / sizeof (a)[0])

static bool
settings_in(const char *s, size_t n, const char *const *v, size_t nv)
{
	size_t	i;

	for (i = 0; i < nv; i++)
		if (strlen(v[i]) == n && strncasecmp(v[i], s, n) == 0)
			return true;
	return false;
}

bool
settings_key_valid(const char *s)
{
	size_t	n = strlen(s);
	ucs4_t	uc;
	int	k;

	if (n >= 3 && s[0] == '<' && s[n - 1] == '>') {
		s++;
		n -= 2;
	}
	if (n == 2 && s[0] == '^')
		return s[1] == '?' || (s[1] >= '@' && s[1] <= '_') ||
		    (s[1] >= 'a' && s[1] <= 'z');
	if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3 &&
	    s[1] >= '1' && s[1] <= '9' && (n == 2 || (s[2] >= '0' &&
	    s[2] <= '9' && (s[1] - '0') * 10 + (s[2] - '0') <= 12)))
		return true;
	if (settings_in(s, n, settings_keynames,
	    SETTINGS_NELEM(settings_keynames)))
		return true;
	k = u8_mbtouc(&uc, (const uint8_t *)s, n);
	return k > 0 && (size_t)k == n && uc != 0xfffd && uc >= 0x20 &&
	    uc != 0x7f;
}

/* A colour: a name or a number 0-255. */
static bool
settings_color_valid(const char *s)
{
	char	*end;
	long	 v;

	if (settings_in(s, strlen(s), settings_colors,
	    SETTINGS_NELEM(settings_colors)))
		return true;
	v = strtol(s, &end, 10);
	return end != s && *end == '\0' && v >= 0 && v < 256;
}

/* The first unknown attribute in a list such as "bold,underline", as a
 * new string, or NULL when all are known. */
static char *
settings_attrs_bad(const char *s)
{
	size_t	n;

	while (*s != '\0') {
		n = strcspn(s, ",");
		if (!settings_in(s, n, settings_attrs,
		    SETTINGS_NELEM(settings_attrs)))
			return xstrndup(s, n);
		s += n;
		if (*s == ',')
			s++;
	}
	return NULL;
}

static int
settings_number(const char *s, int min, int max, int *out)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

static int
settings_bool(const char *s)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "on") == 0 ||
	    strcmp(s, "true") == 0 || strcmp(s, "1") == 0)
		return 1;
	if (strcmp(s, "no") == 0 || strcmp(s, "off") == 0 ||
	    strcmp(s, "false") == 0 || strcmp(s, "0") == 0)
		return 0;
	return -1;
}

/* The values of set background, by their number in cf->background. */
static const char *const settings_backgrounds[] = { "auto", "dark",
    "light", NULL };

/* The index of S in the NULL-ended list WORDS, or -1. */
static int
settings_word(const char *s, const char *const *words)
{
	int	i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(s, words[i]) == 0)
			return i;
	return -1;
}

static char *
settings_expand(const char *s)
{
	const char	*h = getenv("HOME");

	if (s[0] == '~' && (s[1] == '/' || s[1] == '\0') && h != NULL)
		return xasprintf("%s%s", h, s + 1);
	return xstrdup(s);
}

static void
settings_set(struct settings *cf, char **w, size_t n, const char *name,
    size_t line)
{
	int	v;

	if (n != 3) {
		diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
		    _("'set' takes an option and a value"));
		return;
	}
	if (strcmp(w[1], "text-width") == 0) {
		if (settings_number(w[2], 0, 10000, &v) == 0)
			cf->text_width = v;
		else
			diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
			    _("text-width must be a number from 0 to 10000"));
	} else if (strcmp(w[1], "ambiguous-width") == 0) {
		if (strcmp(w[2], "auto") == 0)
			cf->ambiguous = 0;
		else if (strcmp(w[2], "1") == 0 || strcmp(w[2], "2") == 0)
			cf->ambiguous = w[2][0] - '0';
		else
			diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
			    _("ambiguous-width must be auto, 1 or 2"));
	} else if (strcmp(w[1], "fold-variants") == 0) {
		if ((v = settings_bool(w[2])) >= 0)
			cf->fold_variants = v;
		else
			diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
			    _("fold-variants must be yes or no"));
	} else if (strcmp(w[1], "background") == 0) {
		if ((v = settings_word(w[2], settings_backgrounds)) >= 0)
			cf->background = v;
		else
			diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
			    _("background must be auto, light or dark"));
	} else if (strcmp(w[1], "library") == 0) {
		free(cf->library);
		cf->library = settings_expand(w[2]);
	} else
		diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
		    _("unknown setting '%s'"), w[1]);
}

static void
settings_bind(struct settings *cf, char **w, size_t n, const char *name,
    size_t line)
{
	struct settings_bind	*b;

	if (n != 3) {
		diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
		    _("'bind' takes a key and an action"));
		return;
	}
	if (!settings_key_valid(w[1])) {
		diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
		    _("unknown key '%s'"), w[1]);
		return;
	}
	if (strcmp(w[2], "none") != 0 && state_op_find(w[2]) == OP_NONE) {
		diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
		    _("unknown action '%s'"), w[2]);
		return;
	}
	cf->binds = util_grow(cf->binds, &cf->bindcap, cf->nbinds + 1,
	    sizeof *cf->binds);
	b = &cf->binds[cf->nbinds++];
	b->key = xstrdup(w[1]);
	b->action = xstrdup(w[2]);
	b->line = line;
}

/* What is wrong with a color line's words, as a new message, or NULL. */
static char *
settings_color_fault(char **w, size_t n)
{
	char	*bad, *msg;

	if (n < 4 || n > 5)
		return xstrdup(_("'color' takes a role, a foreground, a "
		    "background and optional attributes"));
	if (!settings_in(w[1], strlen(w[1]), settings_roles,
	    SETTINGS_NELEM(settings_roles)))
		return xasprintf(_("unknown colour role '%s'"), w[1]);
	if (!settings_color_valid(w[2]))
		return xasprintf(_("unknown colour '%s'"), w[2]);
	if (!settings_color_valid(w[3]))
		return xasprintf(_("unknown colour '%s'"), w[3]);
	if (n == 5 && (bad = settings_attrs_bad(w[4])) != NULL) {
		msg = xasprintf(_("unknown attribute '%s'"), bad);
		free(bad);
		return msg;
	}
	return NULL;
}

static void
settings_color(struct settings *cf, char **w, size_t n, const char *name,
    size_t line)
{
	struct settings_color	*c;
	char			*msg;

	if ((msg = settings_color_fault(w, n)) != NULL) {
		diag_add(&cf->diags, DIAG_WARNING, name, line, 0, "%s", msg);
		free(msg);
		return;
	}
	cf->colors = util_grow(cf->colors, &cf->colorcap, cf->ncolors + 1,
	    sizeof *cf->colors);
	c = &cf->colors[cf->ncolors++];
	c->role = xstrdup(w[1]);
	c->fg = xstrdup(w[2]);
	c->bg = xstrdup(w[3]);
	c->attrs = n == 5 ? xstrdup(w[4]) : NULL;
	c->line = line;
}

void
settings_parse(struct settings *cf, const char *text, size_t len,
    const char *name)
{
	const char	*p = text, *end = text + len, *e;
	size_t		 line = 0, n;
	char		*buf, *w[8];

	while (p < end) {
		e = memchr(p, '\n', end - p);
		if (e == NULL)
			e = end;
		line++;
		buf = xstrndup(p, e - p);
		if ((n = strlen(buf)) > 0 && buf[n - 1] == '\r')
			buf[n - 1] = '\0';
		n = settings_words(buf, w, 8);
		if (n == 0)
			;
		else if (strcmp(w[0], "set") == 0)
			settings_set(cf, w, n, name, line);
		else if (strcmp(w[0], "bind") == 0)
			settings_bind(cf, w, n, name, line);
		else if (strcmp(w[0], "color") == 0 ||
		    strcmp(w[0], "colour") == 0)
			settings_color(cf, w, n, name, line);
		else
			diag_add(&cf->diags, DIAG_WARNING, name, line, 0,
			    _("unknown directive '%s'"), w[0]);
		free(buf);
		p = e < end ? e + 1 : end;
	}
}

int
settings_load(struct settings *cf, const char *path, char **cause)
{
	FILE	*fp;
	char	*data;
	size_t	 n;

	fp = fopen(path, "rb");
	if (fp == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		*cause = xasprintf("%s", strerror(errno));
		return -1;
	}
	data = xmalloc(SETTINGS_MAX_SIZE + 1);
	n = fread(data, 1, SETTINGS_MAX_SIZE + 1, fp);
	if (ferror(fp)) {
		*cause = xasprintf("%s", strerror(errno));
		fclose(fp);
		free(data);
		return -1;
	}
	fclose(fp);
	if (n > SETTINGS_MAX_SIZE) {
		*cause = xstrdup(_("file too large"));
		free(data);
		return -1;
	}
	free(cf->path);
	cf->path = xstrdup(path);
	settings_parse(cf, data, n, path);
	free(data);
	return 0;
}
