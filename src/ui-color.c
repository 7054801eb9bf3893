/*
 * ui-color.c -- colour roles. Each role (UI_ROLES, ui-draw.h) starts
 * from the attributes that read with no colour; with colours, a palette
 * for the terminal's background gives it a foreground, a background and
 * attributes; the config file's colour lines come last.
 *
 * The background is the user's (set background light|dark), else the
 * terminal's answer to OSC 11 (ui-input.c, whenever it comes), else
 * COLORFGBG, else unknown. There are three palettes: dark, light, and
 * one for an unknown background that reads on both (the default
 * foreground, bold, red and magenta, and bars with both colours set);
 * each in 8 colours and, where the terminal has them, in 256.
 *
 * Palettes are written as the config file's colour lines are, so that
 * what a user writes and what dubao ships read the same: ROLE FG BG
 * [ATTRS]. A palette line without attributes means none. Bars and
 * highlights are reverse video over both colours, as they are without
 * colour: "match yellow black reverse" is black on yellow.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "settings.h"
#include "options.h"
#include "ui-input.h"
#include "ui-view.h"

/* One role's look: colours (-1 the terminal's own) and attributes. */
struct ui_look {
	short	fg, bg;
	attr_t	at;
};

/* Dark background: xterm's default colours on black. */
static const char *const ui_dark8[] = {
	"column magenta default", "kicker cyan default",
	"headline yellow default bold", "subhead cyan default bold",
	"byline green default", "dateline green default",
	"quote cyan default bold", "caption cyan default",
	"note magenta default underline", "match yellow black reverse",
	"match-current green black reverse,bold,underline",
	"contents-page yellow default bold",
	"contents-read default default dim",
	"contents-selected cyan black reverse", "status cyan black reverse",
	"error red default bold", "border default default",
	"help-key green default bold", NULL
};

/* Light background: no yellow, cyan or green text (they fade on white). */
static const char *const ui_light8[] = {
	"column magenta default", "kicker magenta default",
	"headline blue default bold", "subhead blue default",
	"byline red default", "dateline default default",
	"quote blue default bold", "caption default default",
	"note red default underline", "match yellow black reverse",
	"match-current green black reverse,bold,underline",
	"contents-page blue default bold",
	"contents-read default default dim",
	"contents-selected blue white reverse", "status blue white reverse",
	"error red default bold", "border blue default",
	"help-key blue default bold", NULL
};

/* Background unknown: what reads on black and on white alike. */
static const char *const ui_any8[] = {
	"column magenta default", "kicker magenta default",
	"headline default default bold", "subhead default default bold",
	"byline red default", "dateline default default",
	"quote default default bold", "caption default default",
	"note magenta default underline", "match yellow black reverse",
	"match-current green black reverse,bold,underline",
	"contents-page default default bold,underline",
	"contents-read default default dim",
	"contents-selected cyan black reverse", "status cyan black reverse",
	"error red default bold", "border default default",
	"help-key default default bold", NULL
};

static const char *const ui_dark256[] = {
	"column 176 default", "kicker 116 default",
	"headline 222 default bold", "subhead 152 default bold",
	"byline 114 default", "dateline 108 default",
	"quote 152 default bold", "caption 110 default",
	"note 176 default underline", "match 222 16 reverse",
	"match-current 114 16 reverse,bold,underline",
	"contents-page 222 default bold", "contents-read 245 default",
	"contents-selected 116 16 reverse", "status 110 16 reverse",
	"error 203 default bold", "border 60 default",
	"help-key 114 default bold", NULL
};

static const char *const ui_light256[] = {
	"column 127 default", "kicker 90 default",
	"headline 19 default bold", "subhead 24 default bold",
	"byline 28 default", "dateline 28 default",
	"quote 24 default bold", "caption 59 default",
	"note 124 default underline", "match 228 16 reverse",
	"match-current 156 16 reverse,bold,underline",
	"contents-page 19 default bold", "contents-read 246 default",
	"contents-selected 24 231 reverse", "status 24 231 reverse",
	"error 160 default bold", "border 245 default",
	"help-key 28 default bold", NULL
};

/* Mid tones: dark enough for white, light enough for black. */
static const char *const ui_any256[] = {
	"column 133 default", "kicker 133 default",
	"headline default default bold", "subhead default default bold",
	"byline 65 default", "dateline 65 default",
	"quote default default bold", "caption 66 default",
	"note 133 default underline", "match 220 16 reverse",
	"match-current 114 16 reverse,bold,underline",
	"contents-page default default bold,underline",
	"contents-read 244 default",
	"contents-selected 31 231 reverse", "status 31 231 reverse",
	"error 160 default bold", "border 244 default",
	"help-key 31 default bold", NULL
};

static const char *const ui_role_names[UI_NROLES] = {
#define R(id, name, at) name,
	UI_ROLES
#undef R
};

static const attr_t ui_role_attrs[UI_NROLES] = {
#define R(id, name, at) at,
	UI_ROLES
#undef R
};

/* A colour name or number (0-255); -1 for default. False if bad. */
static bool
ui_color_parse(const char *s, short *c)
{
	static const char *const names[] = { "black", "red", "green",
	    "yellow", "blue", "magenta", "cyan", "white" };
	char	*end;
	long	 v;
	size_t	 i;

	*c = -1;
	if (s == NULL || strcmp(s, "default") == 0)
		return true;
	for (i = 0; i < 8; i++) {
		if (strcasecmp(s, names[i]) == 0) {
			*c = (short)i;
			return true;
		}
	}
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || v < 0 || v > 255)
		return false;
	*c = (short)v;
	return true;
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

static int
ui_role_find(const char *name)
{
	int	r;

	for (r = 0; r < UI_NROLES; r++)
		if (strcmp(ui_role_names[r], name) == 0)
			return r;
	return -1;
}

/*
 * Give ROLE the colours FG and BG and, when ATTRS is not NULL, those
 * attributes. False when the role or a colour is unknown.
 */
static bool
ui_look_set(struct ui_look *looks, const char *role, const char *fg,
    const char *bg, const char *attrs)
{
	struct ui_look	l;
	int		r = ui_role_find(role);

	if (r < 0 || !ui_color_parse(fg, &l.fg) || !ui_color_parse(bg, &l.bg))
		return false;
	looks[r].fg = l.fg;
	looks[r].bg = l.bg;
	if (attrs != NULL)
		looks[r].at = ui_attrs_parse(attrs);
	return true;
}

/* A palette's lines over LOOKS. */
static void
ui_palette_apply(struct ui_look *looks, const char *const *lines)
{
	char	role[32], fg[16], bg[16], attrs[64];
	int	n;

	for (; *lines != NULL; lines++) {
		n = sscanf(*lines, "%31s %15s %15s %63s", role, fg, bg, attrs);
		if (n >= 3)
			ui_look_set(looks, role, fg, bg, n == 4 ? attrs :
			    "normal");
	}
}

/*
 * The background from COLORFGBG ("15;0", "0;default;15"): its last
 * field, a colour number; 7 and 9 to 15 are light.
 */
static enum ui_background
ui_colorfgbg(void)
{
	const char	*s = getenv("COLORFGBG"), *last;
	char		*end;
	long		 v;

	if (s == NULL || (last = strrchr(s, ';')) == NULL)
		return UI_BG_UNKNOWN;
	v = strtol(last + 1, &end, 10);
	if (end == last + 1 || *end != '\0' || v < 0 || v > 15)
		return UI_BG_UNKNOWN;
	return v == 7 || v >= 9 ? UI_BG_LIGHT : UI_BG_DARK;
}

enum ui_background
ui_colors_background(const struct ui *u)
{
	const struct settings	*cf = u->opts->settings;
	struct ui_answers	 a;

	if (cf != NULL && cf->background == 1)
		return UI_BG_DARK;
	if (cf != NULL && cf->background == 2)
		return UI_BG_LIGHT;
	ui_input_answers(&a);
	if (a.background != UI_BG_UNKNOWN)
		return a.background;
	return ui_colorfgbg();
}

static const char *const *
ui_palette(enum ui_background bg, bool c256)
{
	switch (bg) {
	case UI_BG_DARK:
		return c256 ? ui_dark256 : ui_dark8;
	case UI_BG_LIGHT:
		return c256 ? ui_light256 : ui_light8;
	default:
		return c256 ? ui_any256 : ui_any8;
	}
}

/* The config file's colour lines; a bad one goes to the message line. */
static void
ui_config_colors(struct ui *u, struct ui_look *looks)
{
	const struct settings		*cf = u->opts->settings;
	const struct settings_color	*c;
	size_t				 i;

	for (i = 0; cf != NULL && i < cf->ncolors; i++) {
		c = &cf->colors[i];
		if (!ui_look_set(looks, c->role, c->fg, c->bg, c->attrs))
			ui_message(u, true, _("%s:%zu: bad colour line"),
			    cf->path != NULL ? cf->path : "config", c->line);
	}
}

/* Whether the reader may and can use colours. */
static bool
ui_colors_on(const struct ui *u)
{
	static int	started;

	if (u->opts->color == COLOR_NEVER || !has_colors())
		return false;
	if (!started)
		started = start_color() == OK ? 1 : -1;
	if (started < 0)
		return false;
	use_default_colors();
	return true;
}

void
ui_colors_init(struct ui *u)
{
	struct ui_look	looks[UI_NROLES];
	bool		color = ui_colors_on(u);
	int		r;

	u->background = ui_colors_background(u);
	for (r = 0; r < UI_NROLES; r++) {
		looks[r].fg = looks[r].bg = -1;
		looks[r].at = ui_role_attrs[r];
	}
	if (color)
		ui_palette_apply(looks, ui_palette(u->background,
		    COLORS >= 256));
	ui_config_colors(u, looks);
	for (r = 0; r < UI_NROLES; r++) {
		u->roles[r] = looks[r].at;
		if (!color || (looks[r].fg == -1 && looks[r].bg == -1))
			continue;
		if (looks[r].fg >= COLORS || looks[r].bg >= COLORS ||
		    r + 1 >= COLOR_PAIRS)
			continue;
		if (init_pair((short)(r + 1), looks[r].fg, looks[r].bg) == OK)
			u->roles[r] |= COLOR_PAIR(r + 1);
	}
}
