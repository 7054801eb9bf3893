/*
 * settings.h -- the configuration file ($XDG_CONFIG_HOME/dubao/config, by
 * default ~/.config/dubao/config): one directive a line, # comments.
 *
 *	set text-width 72		reader measure; 0 = the whole pane
 *	set ambiguous-width auto	auto | 1 | 2
 *	set fold-variants yes		search folds Simplified/Traditional
 *	set background auto		auto | light | dark: the palette
 *	set library ~/newspapers
 *	bind ^N next-article		key names are kept as written; the UI
 *					resolves them (only it knows curses)
 *	color headline yellow default bold
 *
 * Every mistake (an unknown directive or setting, a bad value, an
 * unknown key name or action, a bad colour line) is reported with
 * file:line and its line skipped; a missing file is no error. No curses,
 * no printing.
 */
#ifndef DUBAO_SETTINGS_H
#define DUBAO_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct settings_bind {
	char	*key;		/* as written: "j", "^N", "<PageDown>" */
	char	*action;	/* "next-article" */
	size_t	 line;
};

struct settings_color {
	char	*role;		/* "headline" */
	char	*fg, *bg;	/* colour names or numbers, "default" */
	char	*attrs;		/* "bold", "bold,underline" or NULL */
	size_t	 line;
};

struct settings {
	int			 text_width;	/* -1 when not set */
	int			 ambiguous;	/* -1 not set, 0 auto, 1, 2 */
	int			 fold_variants;	/* -1 not set, 0, 1 */
	int			 background;	/* -1 not set, 0 auto, 1 dark,
						   2 light */
	char			*library;	/* ~ expanded, or NULL */
	char			*path;		/* the file read, or NULL */
	struct settings_bind	*binds;
	size_t			 nbinds;
	size_t			 bindcap;
	struct settings_color	*colors;
	size_t			 ncolors;
	size_t			 colorcap;
	struct diag_list	 diags;
};

void	settings_init(struct settings *);
void	settings_clear(struct settings *);

/*
 * The config file's path from the environment (XDG_CONFIG_HOME, else
 * HOME/.config), or NULL when neither is set. Caller frees.
 */
char	*settings_default_path(void);

/*
 * Read the file at PATH into CF. Returns 0 when the file was read or does
 * not exist, -1 with a translated *CAUSE when it exists but cannot be
 * read. Problems inside the file go to CF->diags.
 */
int	settings_load(struct settings *cf, const char *path, char **cause);

/*
 * Is S a key name a bind line may use: one character, ^X, F1-F12 or a
 * name such as PageDown or <Esc>?
 */
bool	settings_key_valid(const char *s);

/* Parse one buffer (for tests); NAME is used in diagnostics. */
void	settings_parse(struct settings *cf, const char *text, size_t len,
	    const char *name);

#endif /* DUBAO_SETTINGS_H */
