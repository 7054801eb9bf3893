/*
 * text.h -- the one width function and the other column-aware UTF-8
 * helpers: fitting by columns, grapheme stepping, sanitising untrusted
 * text, display substitution for terminals that draw East Asian
 * Ambiguous characters two cells wide. No curses.
 */
#ifndef DUBAO_TEXT_H
#define DUBAO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <unitypes.h>

/*
 * Columns that code point UC takes on the terminal: 0, 1 or 2. This is the
 * answer curses will use (wcwidth() in the current locale, which must be a
 * UTF-8 one for CJK). Code points that wcwidth() rejects count as 1,
 * because they are shown as one replacement cell.
 */
int	text_width(ucs4_t uc);

/*
 * How the terminal draws East Asian Ambiguous characters: 1 or 2 cells,
 * or 0 (the default): as the locale counts them (what text_ambiguous()
 * then returns). Process-wide display setting, set by main.c/ui.c before any
 * layout (and again when the terminal's late answer changes it). Where
 * it is not what wcwidth() counts in the locale (1 in UTF-8, 2 in
 * GB18030), text_display() substitutes those characters.
 */
void	text_set_ambiguous(int cells);
int	text_ambiguous(void);

/*
 * The UTF-8 string actually drawn for UC (a substitute when the terminal
 * would measure UC differently from ncursesw, e.g. “ -> " when ambiguous
 * characters are wide), or NULL when UC is drawn as it is. Borrowed,
 * static.
 */
const char *text_display(ucs4_t uc);

/* Columns UC takes as drawn: text_width() of UC or of its substitute. */
int	text_cell_width(ucs4_t uc);

/* Columns of S[0..N) as drawn (sum of text_cell_width). */
int	text_strwidth(const char *s, size_t n);

/*
 * Bytes of the longest prefix of S[0..N) that fits in COLS columns without
 * splitting a grapheme cluster. The columns used go to *USED if not NULL.
 */
size_t	text_fit(const char *s, size_t n, int cols, int *used);

/*
 * Sanitise untrusted UTF-8 text S[0..N) (one line, no line ends): invalid
 * sequences become U+FFFD, C0 controls and DEL visible placeholders
 * (U+2400 control pictures: ESC shows as U+241B), C1 controls, bidi
 * embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and
 * unassigned code points U+FFFD; the other format characters, which are
 * invisible by design (Cf: ZWSP, ZWJ, soft hyphen, BOM, LRM...), are
 * dropped; U+2028/2029 become a space and TAB spaces to the next multiple
 * of 4 columns. Returns a new NUL-terminated string (caller frees), its
 * length in *OUTLEN if not NULL, and the number of characters changed in
 * *CHANGED if not NULL.
 */
char	*text_sanitize(const char *s, size_t n, size_t *outlen,
	    size_t *changed);

/*
 * text_sanitize() of the NUL-terminated string S: the one entry point for
 * every string from outside the text of an issue on its way to the model
 * or the output (file and folder names, config values, environment
 * variables, command-line arguments shown in messages). Returns a new
 * string (caller frees), or NULL when S is NULL.
 */
char	*text_sanitize_str(const char *s);

/* Is UC a Han ideograph (CJK Unified, extensions, compatibility)? */
bool	text_is_han(ucs4_t uc);

#endif /* DUBAO_TEXT_H */
