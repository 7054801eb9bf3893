/*
 * options.h -- the command line, parsed once in main.c and passed down.
 */
#ifndef DUBAO_OPTIONS_H
#define DUBAO_OPTIONS_H

#include <stdbool.h>

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

struct settings;

struct options {
	const char	*encoding;	/* --encoding, or NULL */
	int		 ambiguous;	/* 0 = auto, 1 or 2 */
	enum color_mode	 color;
	int		 width;		/* --width, 0 = not given */
	int		 measure;	/* reader text width (set text-width) */
	const struct settings *settings; /* the config file: bindings, colours
					   and its diagnostics; never NULL */
};

#endif /* DUBAO_OPTIONS_H */
