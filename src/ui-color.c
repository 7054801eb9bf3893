/*
 * ui-color.c -- colour roles: the defaults of UI_ROLES (ui-draw.h), the
 * config file's colour lines over them, and curses colour pairs when
 * the terminal has colours and the user wants them. The attributes alone
 * keep every role readable with colours off.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "settings.h"
#include "options.h"
#include "ui-view.h"

static short
ui_color_parse(const char *s, bool *ok)
{
	static const char *const names[] = { "black", "red", "green",
	    "yellow", "blue", "magenta", "cyan", "white" };
	char	*end;
	long	 v;
	size_t	 i;

	*ok = true;
	if (s == NULL || strcmp(s, "default") == 0)
		return -1;
	for (i = 0; i < 8; i++)
		if (strcasecmp(s, names[i]) == 0)
			return (short)i;
	v = strtol(s, &end, 10);
	if (*end == '\0' && v >= 0 && v < 256)
		return (short)v;
	*ok = false;
	return -1;
}

static attr_t
ui_attrs_parse(const char *s)
{
	static const struct {
		const char	*name;
		attr_t		 at;
	} names[] = {
		{ "bold", A_BOLD }, { "underline", A_UNDERLINE },
		{ "reverse", A_REVERSE }, { "dim", A_DIM },
		{ "standout", A_STANDOUT }, { "blink", A_BLINK },
		{ "italic", A_ITALIC }, { "normal", A_NORMAL },
	};
	attr_t	 at = A_NORMAL;
	size_t	 i, n;

	while (s != NULL && *s != '\0') {
		n = strcspn(s, ",");
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n &&
			    strncasecmp(names[i].name, s, n) == 0)
				at |= names[i].at;
		s += n;
		if (*s == ',')
			s++;
	}
	return at;
}

void
ui_colors_init(struct ui *u)
{
	static const struct {
		const char	*name;
		short		 fg;
		attr_t		 at;
	} defs[UI_NROLES] = {
#define R(id, name, fg, at) { name, fg, at },
		UI_ROLES
#undef R
	};
	const struct settings	*cf = u->opts->settings;
	short			 fg[UI_NROLES], bg[UI_NROLES];
	attr_t			 at[UI_NROLES];
	bool			 color, ok1, ok2;
	size_t			 i;
	int			 r;

	color = u->opts->color != COLOR_NEVER && has_colors();
	if (color && start_color() == ERR)
		color = false;
	if (color)
		use_default_colors();
	for (r = 0; r < UI_NROLES; r++) {
		fg[r] = defs[r].fg;
		bg[r] = -1;
		at[r] = defs[r].at;
	}
	for (i = 0; cf != NULL && i < cf->ncolors; i++) {
		const struct settings_color *c = &cf->colors[i];
		short f, b;

		for (r = 0; r < UI_NROLES; r++)
			if (strcmp(defs[r].name, c->role) == 0)
				break;
		f = ui_color_parse(c->fg, &ok1);
		b = ui_color_parse(c->bg, &ok2);
		if (r == UI_NROLES || !ok1 || !ok2) {
			ui_message(u, true, _("%s:%zu: bad colour line"),
			    cf->path != NULL ? cf->path : "config", c->line);
			continue;
		}
		fg[r] = f;
		bg[r] = b;
		if (c->attrs != NULL)
			at[r] = ui_attrs_parse(c->attrs);
	}
	for (r = 0; r < UI_NROLES; r++) {
		u->roles[r] = at[r];
		if (!color || (fg[r] == -1 && bg[r] == -1))
			continue;
		if (fg[r] >= COLORS || bg[r] >= COLORS || r + 1 >= COLOR_PAIRS)
			continue;
		if (init_pair((short)(r + 1), fg[r], bg[r]) == OK)
			u->roles[r] |= COLOR_PAIR(r + 1);
	}
}
