/*
 * settings-names.h -- the names the config file gives keys, colour
 * roles, colours and attributes: one list of each, read by settings.c
 * (which checks a line and reports an unknown name with file:line) and
 * by the UI (which maps each name to curses: ui-keys.c, ui-draw.h,
 * ui-color.c), so that what --check accepts and what the reader does
 * never part.
 *
 * Each list is a macro of entries written with curses's names. A macro
 * argument that is not used is never expanded, so settings.c, which
 * takes the names only, needs no curses.
 */
#ifndef DUBAO_SETTINGS_NAMES_H
#define DUBAO_SETTINGS_NAMES_H

/*
 * Colour roles: R(id, name, attributes). The attributes keep the role
 * readable with no colour at all (NO_COLOR, --color=never, vt100): the
 * match highlight is reverse video, the current match also bold and
 * underlined. The colours come from a palette for the terminal's
 * background (ui-color.c).
 */
#define SETTINGS_ROLES							\
	R(NORMAL,	"normal",		A_NORMAL)		\
	R(COLUMN,	"column",		A_NORMAL)		\
	R(KICKER,	"kicker",		A_NORMAL)		\
	R(HEADLINE,	"headline",		A_BOLD)			\
	R(SUBHEAD,	"subhead",		A_BOLD)			\
	R(BYLINE,	"byline",		A_NORMAL)		\
	R(DATELINE,	"dateline",		A_NORMAL)		\
	R(QUOTE,	"quote",		A_BOLD)			\
	R(BODY,		"body",			A_NORMAL)		\
	R(INTERTITLE,	"intertitle",		A_BOLD)			\
	R(CAPTION,	"caption",		A_NORMAL)		\
	R(NOTE,		"note",			A_UNDERLINE)		\
	R(MATCH,	"match",		A_REVERSE)		\
	R(MATCH_CUR,	"match-current",				\
	    A_REVERSE | A_BOLD | A_UNDERLINE)				\
	R(TOC_PAGE,	"contents-page",	A_BOLD)			\
	R(TOC_ITEM,	"contents",		A_NORMAL)		\
	R(TOC_READ,	"contents-read",	A_DIM)			\
	R(TOC_SEL,	"contents-selected",	A_REVERSE)		\
	R(STATUS,	"status",		A_REVERSE)		\
	R(MESSAGE,	"message",		A_NORMAL)		\
	R(ERROR,	"error",		A_BOLD)			\
	R(BORDER,	"border",		A_NORMAL)		\
	R(HELP_KEY,	"help-key",		A_BOLD)

/*
 * Keys a bind line may name besides one character, ^X and F1-F12:
 * K(name, key code as ui-keys.h has it). Names are matched without
 * regard to case; the first name of a key is the one help shows.
 */
#define SETTINGS_KEYS							\
	K("Down",	UI_FKEY(KEY_DOWN))				\
	K("Up",		UI_FKEY(KEY_UP))				\
	K("Left",	UI_FKEY(KEY_LEFT))				\
	K("Right",	UI_FKEY(KEY_RIGHT))				\
	K("PageDown",	UI_FKEY(KEY_NPAGE))				\
	K("PgDn",	UI_FKEY(KEY_NPAGE))				\
	K("PageUp",	UI_FKEY(KEY_PPAGE))				\
	K("PgUp",	UI_FKEY(KEY_PPAGE))				\
	K("Home",	UI_FKEY(KEY_HOME))				\
	K("End",	UI_FKEY(KEY_END))				\
	K("Enter",	'\r')						\
	K("Return",	'\n')						\
	K("KPEnter",	UI_FKEY(KEY_ENTER))				\
	K("Backspace",	UI_FKEY(KEY_BACKSPACE))				\
	K("BS",		0x7f)						\
	K("Tab",	'\t')						\
	K("Space",	' ')						\
	K("Esc",	UI_ESC)						\
	K("Delete",	UI_FKEY(KEY_DC))				\
	K("Insert",	UI_FKEY(KEY_IC))

/* The eight colours by name, in curses's order (0-7); also 0-255. */
#define SETTINGS_COLORS							\
	C("black")	C("red")	C("green")	C("yellow")	\
	C("blue")	C("magenta")	C("cyan")	C("white")

/* Attributes of a colour line, comma-separated: A(name, attribute). */
#define SETTINGS_ATTRS							\
	A("bold",	A_BOLD)						\
	A("underline",	A_UNDERLINE)					\
	A("reverse",	A_REVERSE)					\
	A("dim",	A_DIM)						\
	A("standout",	A_STANDOUT)					\
	A("blink",	A_BLINK)					\
	A("italic",	A_ITALIC)					\
	A("normal",	A_NORMAL)

#endif /* DUBAO_SETTINGS_NAMES_H */
