/*
 * loader-int.h -- what the passes of the page-dump loader share; private
 * to src/loader*.c.
 *
 * A page dump goes through four passes, one file each:
 *
 *   loader-unit.c      lines to units (paragraphs or title lines)
 *   loader-classify.c  a kind for each unit from its own text, and the
 *                      masthead of a first page
 *   loader-assemble.c  units to articles: title groups, bylines, captions,
 *                      paragraphs cut by column breaks joined
 *   loader-tail.c      tails the extraction put before their article's
 *                      title group moved back
 *
 * loader.c is the entry: it cuts the text into pages and runs the passes
 * on each. loader-char.c holds the character and string helpers they all
 * use. Every threshold the passes use is named in enum loader_limit
 * below, so that tuning touches one table.
 */
#ifndef DUBAO_LOADER_INT_H
#define DUBAO_LOADER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unistr.h>

#include "loader.h"
#include "model.h"
#include "text.h"
#include "util.h"

/*
 * The thresholds of the passes, in characters (code points) unless
 * named otherwise. Widths are in typeset columns: an ideograph counts 2.
 */
enum loader_limit {
	/* Pass 1: units. */
	LL_INDENT_COLS = 4,		/* a paragraph indent (　　) */
	LL_MEASURE_MIN_LINES = 4,	/* fewer lines: the widest is the
					   measure */
	LL_MEASURE_MIN_VOTES = 3,	/* a measure needs this many lines */
	LL_SLACK_MIN = 4,		/* a line this much short of the
					   measure ends its paragraph */
	LL_SLACK_DIV = 10,		/* ... or a tenth of the measure */
	LL_CLOSED_SLACK = 4,		/* a closed line this much short ends
					   its paragraph (no indents) */
	LL_HEAD_LINES = 4,		/* unindented lines before an indented
					   one that may form a heading */
	LL_HEAD_MAX_COLS = 60,		/* a heading line is narrower */

	/* Pass 2: classification. */
	LL_NUMBER_MAX = 999,		/* a larger number is no page number */
	LL_MAST_MAX = 40,		/* masthead line */
	LL_PAPER_MIN = 2,		/* the paper's name */
	LL_PAPER_MAX = 10,
	LL_PAPER_FIRST_UNITS = 3,	/* it stands among the first units */
	LL_MAST_TITLES = 2,		/* title lines under a masthead that
					   still belong to the first article */
	LL_PAGEHDR_MAX = 30,		/* 第03版：国防动员 */
	LL_NOTE_MAX = 16,		/* （下转第2版） on its own */
	LL_CREDIT_MIN = 2,		/* 李述梁摄 */
	LL_CREDIT_MAX = 30,
	LL_MARKED_BYLINE_MAX = 16,	/* ■殷忠好 车鑫欣 */
	LL_BYLINE_MAX = 24,		/* 本报记者 某某 */
	LL_SIGNATURE_MAX = 20,		/* 江西丰城市 徐新林 */
	LL_QUOTE_BY_MAX = 20,		/* ——王裕斌 */
	LL_QUOTE_BY_BODY_MAX = 14,
	LL_QUOTE_NAME_MAX = 6,		/* a name without · */
	LL_DATELINE_LOOK = 40,		/* a dateline lies in the first chars */
	LL_DATELINE_BRACKET = 60,	/* （记者某某）, in bytes */
	LL_TITLE_MAX = 40,		/* a title-like unit is no longer */
	LL_TITLE_LONG = 100,		/* ... unless tagged （栏目） or
					   with —— */
	LL_TITLE_QUESTION = 24,		/* a title may end with ？ or ！ */
	LL_SUBHEAD_MAX = 200,		/* an unindented summary under a
					   title */
	LL_INDENTED_PAGE_MIN = 3,	/* paragraphs for a page to count as
					   indented ... */
	LL_INDENTED_PAGE_PCT = 50,	/* ... and the share indented */

	/* Pass 3: assembly, two title lines: kicker + headline when the
	 * cues add up to LL_KICKER_MIN, else headline + subhead. */
	LL_KICKER_MIN = 2,
	LL_KICK_CLAUSE = 2,		/* second line is a clause (，！？：) */
	LL_KICK_SPACED = -2,		/* second line starts with a dash or
					   has spaces */
	LL_KICK_COLON = 2,		/* first line ends with ： */
	LL_KICK_VERB = 4,		/* first line ends 强调, 印发 ... */
	LL_KICK_DASH = 4,		/* first line ends with —— */
	LL_KICK_LONG = -6,		/* second line longer than
					   LL_TITLE_MAX: a summary */
	LL_KICK_GENRE = 4,		/* first line ends 综述, 侧记 ... */
	LL_KICK_SUBHEAD = -10,		/* second line starts —— or （, or
					   lists who attended */
	LL_KICK_COUPLET = 4,		/* first line a couplet, second not */
	LL_KICK_SERIES = 2,		/* first line ends with ① */
	LL_KICK_TAG = 4,		/* second line ends with （栏目） */

	/* Pass 0: pdftotext's shapes (loader-columns.c). */
	LL_COL_MIN_LINES = 12,		/* fewer lines: a page as it is */
	LL_COL_SHAPE_GAP = 3,		/* spaces between two columns side by
					   side (-layout) ... */
	LL_COL_GAP_PCT = 25,		/* ... on this share of the lines */
	LL_COL_CJK_PCT = 50,		/* one column of lines: CJK on this
					   share of the lines ... */
	LL_COL_REPEAT = 3,		/* ... and this many lines or more of
					   one width ... */
	LL_COL_REPEAT_PCT = 60,		/* ... make this share of them */
	LL_COL_INDENT_PCT = 10,		/* ... fewer than this share indented
					   (a page dump wrapped keeps them) ... */
	LL_COL_DROPPED = 3,		/* ... and this many paragraphs show a
					   dropped indent */
	LL_COL_GAP = 2,			/* -layout: spaces that end a segment */
	LL_COL_INDENT = 5,		/* a segment this near a column's left
					   edge continues it */
	LL_COL_MIN_INDENT = 2,		/* ... and this far right is indented */
	LL_COL_NEAR_ROWS = 4,		/* rows around a line whose segments
					   give its column's measure */
	LL_COL_COLLIDE_SLACK = 8,	/* two columns' lines run together:
					   the left one this near the measure
					   (half ideographs) */
	LL_COL_MEASURE_VOTES = 3,	/* lines that make a column's measure */
	LL_COL_SEGS_GUESS = 4,		/* segments a line holds, to start
					   with */
	LL_COL_ROW_GAP = 10,		/* rows a column may skip (other
					   columns' lines between its own) */
	LL_COL_BLANK_ROWS = 0,		/* ... of them blank */
	LL_COL_DEPTH = 64,		/* reading-order cuts, nested */
	LL_COL_SPACED = 3,		/* single spaces between CJK characters
					   that make a line spaced out */

	/* Pass 0: column lines to paragraphs (loader-flow.c). Widths in
	 * typeset columns against the block's measure. */
	LL_FLOW_SMALL_BLOCK = 4,	/* a block this small has a measure
					   when two lines share a width */
	LL_FLOW_INDENT_MIN = 3,		/* a first line falls short by an
					   indent (4), give or take a digit */
	LL_FLOW_INDENT_MAX = 6,		/* ... or a character pushed down */
	LL_FLOW_CLOSED_SHORT = 3,	/* a line ending a sentence this short
					   (its indent aside) ends its unit */
	LL_FLOW_SHORT = 5,		/* a line without a stop this short,
					   not a first line, ends its unit */
	LL_FLOW_START_SHORT = 4,	/* a first line this short beyond its
					   indent is a unit alone */
	LL_FLOW_TITLE_SHORT = 3,	/* a line this short before a first
					   line is a title line */
	LL_FLOW_LEAD_SHORT = 2,		/* ... this short when it ends on ：
					   or —— */
	LL_FLOW_FULL = 2,		/* a last line this near the measure is
					   full: the paragraph may go on */
	LL_FLOW_TITLE_WIDE = 2,		/* a line this much wider than the
					   measure is no column line */
	LL_FLOW_TITLE_NARROW = 10,	/* ... nor one this much narrower in
					   front of a column */
	LL_FLOW_TITLE_LINES = 3,	/* lines of a title set in a box */
	LL_FLOW_BYLINE_MAX = 14,	/* 本报记者 某某 */
	LL_FLOW_DATELINE_LOOK = 12,	/* 本报北京2月4日电: 日 this near */
	LL_FLOW_SPACED_PCT = 50,	/* a line spaced out has spaces between
					   this share of its characters */

	/* Pass 0: the page header pdftotext scatters (loader-head.c). */
	LL_HEAD_TOP = 6,		/* weak pieces among the first lines */
	LL_HEAD_NUM_DIGITS = 3,		/* a bare page number */
	LL_HEAD_NAME_MIN = 2,		/* a section name, in Han characters */
	LL_HEAD_NAME_MAX = 6,
	LL_HEAD_DATE_MAX = 24,		/* a date line is no longer */

	LL_MOVED_TITLES = 3,		/* title lines of a group after text
					   the columns pass moved up */
	LL_PARTS_LOOK = 400,		/* units looked ahead for more parts
					   of a feature (title, byline) */

	/* Pass 4: tails. The join of an open end A and a start B. */
	LL_SPLIT_LOOK = 12,		/* paragraphs before a title group that
					   may be its article's first ones */
	/* The best tail of an article that ends open is taken when the
	 * join model scores it over LL_TAIL_MIN, or LL_TAIL_MARGIN over
	 * any other candidate and over LL_TAIL_FLOOR (swept on the
	 * training pages). */
	LL_TAIL_MIN = -1,
	LL_TAIL_MARGIN = 3,
	LL_TAIL_FLOOR = -5,
	LL_PAGE_HASH_BYTES = 200000,	/* bigger pages hash their pairs */
	LL_JOIN_PAIR = 3,		/* the pair across the join is seen
					   elsewhere on the page */
	LL_JOIN_QUOTE = -3,		/* B opens a quote after a letter */
	LL_JOIN_OPENER = -2,		/* B starts with 据悉, 近日 ... */
	LL_JOIN_CLAUSE = 1,		/* A ends with ，、： */
	LL_JOIN_PUNCT = 2,		/* B starts with ，。、 */
	LL_JOIN_DATELINE = -5		/* B starts with a dateline */
};

enum loader_kind {
	LK_PARA,
	LK_TITLE,		/* title-like: short, not closed */
	LK_MAST,		/* masthead line */
	LK_PAGEHDR,
	LK_EDITOR,
	LK_BYLINE,
	LK_QUOTE_BY,
	LK_CAPTION,
	LK_CREDIT,		/* a photo credit: 某某摄 */
	LK_PAGE_CREDIT,		/* a page credit: 版式设计：某某 */
	LK_NOTE,		/* continuation note on its own */
	LK_AD,			/* 广告 */
	LK_DROP			/* consumed */
};

/* A paragraph, or part of one, or a title line: the text between breaks. */
struct loader_unit {
	char		*text;
	size_t		 line;		/* first source line, 1-based */
	enum loader_kind kind;
	size_t		 nchars;	/* code points */
	bool		 open;		/* ends without closing punctuation */
	bool		 indented;	/* started with a paragraph indent */
	/* Where the unit stands in its block, from pass 1. */
	bool		 block_first;	/* first unit after a blank line */
	bool		 block_last;	/* last unit before a blank line */
	int		 nlines;	/* source lines joined */
	int		 measure;	/* its block's measure in columns, 0 when
					   unknown (a block of one line) */
	int		 last_cols;	/* width of its last line, indent
					   included */
};

/* The units of one page (or of one file, before it is cut in pages). */
struct loader_page {
	struct loader_unit	*u;
	size_t			 n;
	size_t			 cap;
};

/* One source line, sanitised, as pass 1 reads it. */
struct loader_line {
	char	*text;		/* sanitised, trailing spaces removed */
	size_t	 line;
	bool	 indented;
	int	 width;		/* columns, indent excluded */
	int	 lead;		/* characters of space before text */
};

/* Where each paragraph of an article came from, for the tail pass. */
struct loader_art {
	struct article	*a;		/* built here, moved into the page
					   at the end */
	size_t		 first_unit;	/* first unit of its title group */
	size_t		 body_unit;	/* first body unit */
	size_t		*para_unit;	/* unit index of each paragraph start */
	size_t		 npu;
	size_t		 pucap;
	bool		 open;		/* last paragraph awaits its rest */
	bool		 sealed;	/* last paragraph takes no rest (an
					   intertitle) */
	bool		 photo;
	size_t		 last_unit;	/* last unit of the last paragraph */
	size_t		 lastcap;	/* allocated size of the last
					   paragraph */
};

/* One page being assembled. */
struct loader_ctx {
	struct issue		*is;
	struct page		*pg;
	struct loader_page	*lp;
	struct loader_art	**arts;	/* stable pointers */
	size_t			 narts;
	size_t			 artcap;
	const char		*name;
	bool			 indent_page;	/* paragraphs are indented */
	struct loader_pairset	*pairs;	/* letter pairs of the page, built
					   by the first join question */
	struct loader_bigrams	*bags;	/* the models' scratch word bags */
};

#define LOADER_N(a)	(sizeof (a) / sizeof (a)[0])

/* ------------------------------------------------------------------ */
/* Characters (loader-char.c; the small predicates inline here). */

static inline bool
loader_starts(const char *s, const char *prefix)
{
	size_t	n = 0;

	while (prefix[n] != '\0') {
		if (s[n] != prefix[n])
			return false;
		n++;
	}
	return true;
}

static inline bool
loader_is_wide_letter(ucs4_t uc)
{
	return text_is_han(uc) || (uc >= 0x3040 && uc <= 0x30ff) ||
	    (uc >= 0xac00 && uc <= 0xd7a3) || (uc >= 0xff10 && uc <= 0xff5a);
}

static inline bool
loader_is_space(ucs4_t uc)
{
	return uc == ' ' || uc == '\t' || uc == 0xa0 || uc == 0x3000 ||
	    (uc >= 0x2000 && uc <= 0x200a) || uc == 0x202f || uc == 0x205f;
}

/* The first code point of S, or 0. */
ucs4_t		 loader_first(const char *s);
/* The code point BACK places before the end of S[0..LEN), or 0. */
ucs4_t		 loader_last(const char *s, size_t len, size_t back);
/* Code points of S. */
size_t		 loader_nchars(const char *s);
/* Marks that end a sentence: 。！？…；. */
bool		 loader_is_stop(ucs4_t);
/* Closing quotes and brackets that may follow a stop: ”’」』）》】. */
bool		 loader_is_closer(ucs4_t);
bool		 loader_is_opener(ucs4_t);
/* Does S end a sentence (a stop, closers after a stop, a note wholly in
 * brackets)? */
bool		 loader_is_closed(const char *s);
/* Are the quotes and brackets of S balanced? */
bool		 loader_balanced(const char *s);
bool		 loader_ends(const char *s, const char *suffix);
/* Does S start (end) with one of the N words W? */
bool		 loader_starts_any(const char *s, const char *const *w,
		    size_t n);
bool		 loader_ends_any(const char *s, const char *const *w,
		    size_t n);
/* S after its leading spaces of any kind. */
const char	*loader_skip_space(const char *s);
/* Length of S[0..LEN) without its trailing spaces of any kind. */
size_t		 loader_trim_len(const char *s, size_t len);
/* S trimmed, runs of layout spaces made one, into OUT (may be S). */
void		 loader_clean_to(char *out, const char *s);
/* A cleaned copy of S (caller frees). */
char		*loader_clean(const char *s);
/* A decimal or Chinese numeral at *SP (advanced past it), or -1 (none, or
 * over LL_NUMBER_MAX; any number of digits is safe). */
int		 loader_number(const char **sp);
/* N of "第N版" in S, *END after it; or -1. */
int		 loader_find_page_no(const char *s, const char **end);
/* N of （下转第N版） or （上接第N版） in S, *DOWN for 下转, the match
 * [*MS, *ME); or -1. */
int		 loader_find_note(const char *s, bool *down, const char **ms,
		    const char **me);
/* Append line L to B as a typesetter joins lines (nothing between CJK,
 * a space between Latin words, a hyphenated word put back together). */
void		 loader_join(struct buf *b, const char *l);

/* Index of the first unit after I that is not of kind LK_DROP. */
static inline size_t
loader_next(const struct loader_page *lp, size_t i)
{
	for (i++; i < lp->n && lp->u[i].kind == LK_DROP; i++)
		;
	return i;
}

/* ------------------------------------------------------------------ */
/* Lines (loader.c). */

/* The lines of TEXT[0..LEN), numbered from LINE0, sanitised and trimmed,
 * into a new array *LN of *N (text NULL: a blank line). Returns the line
 * number after the last line end. */
size_t		 loader_read_lines(const char *text, size_t len, size_t line0,
		    struct loader_line **ln, size_t *n);

/* ------------------------------------------------------------------ */
/* Pass 0: pdftotext's shapes (loader-columns.c). */

enum loader_shape {
	LOADER_SHAPE_PLAIN,	/* a page dump as it is */
	LOADER_SHAPE_COLUMN,	/* pdftotext default: short lines, no indents */
	LOADER_SHAPE_LAYOUT,	/* pdftotext -layout: columns side by side */
	LOADER_NSHAPES
};

/* Where pass 0 says what it did: the issue's diagnostics, the file. */
struct loader_report {
	struct diag_list	*dl;
	const char		*name;
};

/* The shape of the lines LN[0..N) of one page (text NULL: blank line). */
enum loader_shape loader_columns_shape(struct loader_line *ln,
		    size_t n);
/* Make the lines *LN[0..*N) of one page readable by pass 1: -layout
 * columns read down, then column lines read into paragraphs
 * (loader_flow_page). May replace *LN (the old array and its texts are
 * freed). Returns the shape seen. */
enum loader_shape loader_columns_prepare(struct loader_line **ln, size_t *n,
		    const struct loader_report *rp);
/* Read the column lines *LN[0..*N) of one page (blank lines between
 * blocks) into a page dump: one paragraph or title a line, first lines
 * of paragraphs indented, blank lines between, the blocks of each
 * article in reading order (loader-flow.c). KNOWN_INDENTS: the lines'
 * .indented says where paragraphs start (-layout). Replaces *LN. A
 * paragraph joined with a part that is not next to it is a note in RP
 * (may be NULL). */
void		 loader_flow_page(struct loader_line **ln, size_t *n,
		    bool known_indents, const struct loader_report *rp);
/* Typeset width of S in columns (an ideograph 2, ambiguous marks such
 * as “ ” wide, as a Chinese page sets them): u8_width(S, "GBK"). */
int		 loader_flow_width(const char *s);
/* Does S start with what never starts a line (，。、： or a closer)? */
bool		 loader_flow_glued(const char *s);
/* How many paragraphs of LN[0..N) start inside a block short by an
 * indent, after a line ending a sentence (pdftotext dropped their
 * indent)? Measures the lines' widths. */
size_t		 loader_flow_dropped_indents(struct loader_line *ln, size_t n);
/* Take the pieces of the page header out of LN[0..N) (their texts freed
 * and set NULL); returns them as one line "DATE 第N版：NAME" (caller
 * frees), or NULL when no page number was seen (loader-head.c). */
char		*loader_head_take(struct loader_line *ln, size_t n);

/* ------------------------------------------------------------------ */
/* Pass 1: units (loader-unit.c). */

/* Append a unit of TEXT (taken) starting at LINE to PG; returns it
 * (valid until the next add). */
struct loader_unit *loader_page_add(struct loader_page *pg, char *text,
		    size_t line, bool indented);
/* Turn N consecutive non-empty lines LN (a group between blank lines)
 * into units of PG; takes the text of LN[0] when N is 1. */
void		 loader_group(struct loader_page *pg, struct loader_line *ln,
		    size_t n);

/* ------------------------------------------------------------------ */
/* Pass 2: classification (loader-classify.c). */

enum loader_kind loader_classify(const struct loader_unit *u);
/* Unindented summaries under a title on an indented page are titles. */
void		 loader_reclassify(struct loader_page *lp);
/* Mark the masthead units of a first page (LK_MAST), filling the issue's
 * title and masthead. */
void		 loader_masthead(struct loader_ctx *cx);
/* The editor's name of an editor line, or NULL (caller frees). */
char		*loader_editor(const char *s);
/* The photographer of a credit line without 摄 (caller frees). */
char		*loader_credit_name(const char *s);
/* A caption that points at a picture inside an article (上图...)? */
bool		 loader_is_relative_caption(const char *s);
/* The byline without its ■ marker (caller frees). */
char		*loader_byline(const char *s);
/* The name of an attribution "——王裕斌", or NULL (caller frees). */
char		*loader_quote_by(const char *s, size_t nchars);
/* The dateline a paragraph starts with, or NULL (caller frees). */
char		*loader_dateline(const char *s);
/* Can title-like unit U be a title line (not a label, a numbered
 * heading, a figure or a clause)? */
bool		 loader_is_title_line(const struct loader_unit *u);
/* Is title-like unit U, inside an article, a heading (an intertitle)
 * rather than a line of verse or a figure? */
bool		 loader_is_heading(const struct loader_unit *u);

/* ------------------------------------------------------------------ */
/* Pass 3: assembly (loader-assemble.c). */

/* Build the articles of CX's page from its classified units. */
void		 loader_assemble(struct loader_ctx *cx);
/* Append paragraph TEXT (taken) that starts at unit UNIT: the one way
 * to add a paragraph, so that para_unit stays in step with paras. */
void		 loader_art_take_para(struct loader_art *la, size_t unit,
		    char *text);
/* Append TEXT to the last paragraph of LA (a cut paragraph joined). */
void		 loader_art_continue(struct loader_art *la, const char *text);

/* ------------------------------------------------------------------ */
/* The models of the assembly (loader-model.c, weights in
 * loader-weights.c, written by tools/fit-loader.py). */

/* Features of "does an article start at this run of title lines?" */
enum loader_start_feat {
	LSF_FIRST,		/* no body before it on the page */
	LSF_K1, LSF_K2, LSF_K3,	/* one, two, three or more lines */
	LSF_LEN6, LSF_LEN14, LSF_LEN24, LSF_LEN40, LSF_LENMAX,
				/* length of its first line */
	LSF_TAG,		/* a line ends with （栏目） */
	LSF_NUMBERED,		/* 一、 （一） 1. ① */
	LSF_COLON,		/* ends with ： */
	LSF_DASH_END,		/* ends with —— */
	LSF_DASH_START,		/* a line after the first starts with —— */
	LSF_LABEL,		/* 核心阅读, 这正是： */
	LSF_CLOSED,		/* ends with ？ or ！ */
	LSF_CLAUSE_END,		/* ends with ，、； (verse, lists) */
	LSF_FIGURE,		/* 507.1亿件 */
	LSF_COMMA,		/* has a ， */
	LSF_SPACE,		/* has a space (a couplet) */
	LSF_QUOTED,		/* starts with “ */
	LSF_N_DATELINE,		/* the next paragraph starts with a dateline */
	LSF_N_INDENT,		/* the next unit is indented */
	LSF_N_BYLINE,		/* a byline follows */
	LSF_N_CAPTION,		/* a caption or a credit follows */
	LSF_N_NONE,		/* nothing follows on the page */
	LSF_N_SHORT,		/* the next paragraph is short and open */
	LSF_P_OPEN,		/* the paragraph before ends open */
	LSF_P_NOTE,		/* ... ends with （记者某某） */
	LSF_P_COLON,		/* ... ends with ： */
	LSF_P_SHORT,		/* ... is short */
	LSF_APART,		/* the run is blocks of its own */
	LSF_SERIES1, LSF_SERIES2,	/* one, or more, look-alikes on the
					   page */
	LSF_COHESION,		/* words after the run seen in the article
				   so far */
	LSF_AHEAD,		/* the run's words in the text after it */
	LSF_BEHIND,		/* ... in the article so far */
	LSF_GAP_SHORT,		/* under 60 characters since the last run */
	LSF_GAP_LONG,		/* over 600 */
	LSF_INDENT_PAGE,	/* the page indents its paragraphs */
	LSF_JOIN_ACROSS,	/* the paragraph before continues after it */
	LSF_AFTER_TITLE,	/* the article's title words after the run */
	LSF_RUN_TITLE,		/* the run's words in the article's title */
	LSF_DASH_FIRST,		/* it starts with —— (a speaker, a
				   subhead) */
	LSF_INNER_COLON,	/* a ： inside: 北京：聚焦… */
	LSF_SIGNATURE,		/* a place and a name: 江西丰城市 徐新林 */
	LSF_BROKEN,		/* a blank line inside the run */
	LSF_N_LEAD,		/* the next paragraph opens as a lead:
				   2月7日，近日 */
	LSF_MEASURE_SAME,	/* the text before and after is set at one
				   measure */
	LSF_MEASURE_DIFF,	/* ... at different measures */
	LSF_NONEND,		/* its first line ends with a character that
				   seldom ends a title (a cut: 的, 在) */
	LSF_N_NONSTART,		/* the next paragraph starts with one that
				   seldom starts a paragraph */
	LSF_TFIDF,		/* the words after the run and the article's
				   so far, weighted by rarity (cosine) */
	LSF_TFIDF_TITLE,	/* ... and the article's title */
	LSF_LEX,		/* its characters read as a title's rather
				   than a line's inside an article */
	LSF_N_LEX,		/* the next paragraph's opening reads as an
				   article's first paragraph's */
	LSF_N
};

/* Features of "does the open paragraph A continue at unit B?" */
enum loader_join_feat {
	LJF_FULL,		/* A's last line fills its measure */
	LJF_SHORT,		/* ... stops short of it */
	LJF_UNKNOWN,		/* A's block is one line: no measure */
	LJF_APART,		/* a blank line between A and B */
	LJF_CLAUSE,		/* A ends with ，、 */
	LJF_COLON,		/* A ends with ： */
	LJF_LETTER,		/* A ends with a letter or digit */
	LJF_B_CLOSER,		/* B starts with closing punctuation */
	LJF_B_QUOTE,		/* B opens a quote after A's letter */
	LJF_B_DATELINE,		/* B starts with a dateline */
	LJF_B_OPENER,		/* B starts with 据悉, 近日 ... */
	LJF_B_LIST,		/* B starts a list item: 一是, （一） */
	LJF_B_SHORT,		/* B is short and open */
	LJF_PAIR,		/* the letters across the join meet elsewhere
				   on the page */
	LJF_A_SHORT,		/* A is short */
	LJF_A_FIGURE,		/* A is a figure: 507.1亿件 */
	LJF_A_LONG,		/* A is long */
	LJF_ACROSS,		/* title or caption lines between A and B */
	LJF_B_APART_SHORT,	/* B is a short block of its own */
	LJF_A_FIRST,		/* A is its article's first paragraph (a
				   summary under the title) */
	LJF_B_TITLE,		/* B looks like a title line */
	LJF_B_FLUSH,		/* B is not indented on a page whose
				   paragraphs are */
	LJF_B_STRANDED,		/* B ends open and no text follows it */
	LJF_A_TITLE,		/* A looks like a title line */
	LJF_A_CLOSED,		/* A ends a sentence */
	LJF_A_CUT,		/* A is long, ends in a letter or ，, and
				   is not its article's first paragraph */
	LJF_B_TINY,		/* B is a short sentence: the last words of
				   a paragraph */
	LJF_B_NONSTART,		/* B starts with a character that seldom
				   starts a paragraph: 的, 了, 于 ... */
	LJF_A_NONEND,		/* A ends with one that seldom ends a
				   paragraph or a title: 的, 在, 和 ... */
	LJF_TAIL,		/* B is a tail before A's title group */
	LJF_B_FIRST_LEX,	/* log odds of B's first character opening
				   a paragraph */
	LJF_A_LAST_LEX,		/* ... of A's last closing one */
	LJF_N
};

/* Features of "is this unit, after the first of a title group, a title
 * line too (kicker, headline, subhead), or already the article's first
 * display line (核心阅读, a quoted question)?" */
enum loader_title_feat {
	LTF_SECOND, LTF_THIRD,	/* its place in the group */
	LTF_PREV_TAG,		/* the line before has its column tag */
	LTF_PREV_DASH_END,	/* the line before ends with —— */
	LTF_DASH_FIRST,		/* it starts with —— */
	LTF_BRACKETED,		/* wholly in brackets: （2019年1月31日） */
	LTF_LABEL, LTF_NUMBERED, LTF_FIGURE,
	LTF_QUOTED,		/* starts with “ */
	LTF_CLOSED,		/* ends with ？ or ！ */
	LTF_INNER_COLON,	/* 本期主题：… */
	LTF_CLAUSE_END,		/* ends with ，、； */
	LTF_LEN6, LTF_LEN14, LTF_LEN24, LTF_LEN40, LTF_LENMAX,
	LTF_SAME_BLOCK,		/* in the block of the line before */
	LTF_OWN_BLOCK,		/* a block of its own */
	LTF_LAST,		/* the body follows it */
	LTF_TAG,		/* it has a column tag */
	LTF_SPACE,		/* a couplet */
	LTF_N
};

/* Features of "does the new article, whose title group comes later,
 * start at this paragraph of the current article?" */
enum loader_split_feat {
	LPF_DATELINE,		/* the paragraph starts with a dateline */
	LPF_LEAD,		/* ... opens as a lead: 2月7日，近日 */
	LPF_PREV_NOTE,		/* the one before ends with （记者某某） */
	LPF_PREV_CLOSED,	/* the one before ends a sentence */
	LPF_PREV_OPEN_JOIN,	/* the one before ends open and joins it */
	LPF_BLOCK,		/* the paragraph starts a block */
	LPF_MEASURE_DIFF,	/* its measure is not the article's */
	LPF_MEASURE_SAME,	/* its measure is the article's */
	LPF_NEW_TITLE,		/* the new title's words in the text from it */
	LPF_OLD_TITLE,		/* the current title's words there */
	LPF_COHESION,		/* the text from it seen before it */
	LPF_LAST,		/* it is the current article's last paragraph */
	LPF_ACROSS,		/* the last paragraph continues after the
				   title group */
	LPF_CHARS200, LPF_CHARS600, LPF_CHARS1500, LPF_CHARSMAX,
				/* characters from it to the title group */
	LPF_N
};

/* A linear model: the answer is yes when bias + w . x is positive. */
struct loader_model {
	size_t		 n;
	double		 bias;
	const double	*w;
};

extern const struct loader_model loader_start_model, loader_join_model,
		    loader_title_model, loader_split_model;
extern const char *const loader_split_names[LPF_N];
/* The score of the title group [I, J) having its article start at
 * paragraph K of LA (ACROSS: LA's last paragraph continues after the
 * group). */
double		 loader_split_score(struct loader_ctx *cx,
		    const struct loader_art *la, size_t k, size_t i, size_t j,
		    bool across);
extern const char *const loader_start_names[LSF_N];
extern const char *const loader_join_names[LJF_N];
extern const char *const loader_title_names[LTF_N];
/* Characters (UTF-8, one after the other) that seldom start a paragraph,
 * and that seldom end a paragraph or a title, counted on the training
 * issues by tools/fit-loader.py. */
extern const char loader_nonstart[], loader_nonend[];
/* Characters, ascending, with the log odds of a title line holding one
 * against a short open line inside an article holding one. */
struct loader_lex {
	uint32_t	 uc;
	float		 w;
};
extern const struct loader_lex loader_title_lex[], loader_lead_lex[],
		    loader_first_lex[], loader_last_lex[];
extern const size_t loader_title_nlex, loader_lead_nlex, loader_first_nlex,
		    loader_last_nlex;
/* The log odds of UC in TABLE[0..N), 0 when absent. */
double		 loader_lex_of(const struct loader_lex *table, size_t n,
		    ucs4_t uc);
/* Is the first (last) character of S among those? */
bool		 loader_starts_nonstart(const char *s);
bool		 loader_ends_nonend(const char *s);

/* The score of unit K being a title line of the group that starts at
 * unit I, in the run [I, J). */
double		 loader_title_score(const struct loader_ctx *cx, size_t i,
		    size_t k, size_t j);

/* The score of an article starting at the title run [I, J) of CX's page;
 * JOIN_ACROSS when the open paragraph before continues after it. */
double		 loader_start_score(struct loader_ctx *cx, size_t i,
		    size_t j, bool join_across, const struct article *cur);
/* The score of unit IB continuing the open paragraph ATEXT whose last
 * unit is IA; WHERE is LOADER_JOIN_NEXT when nothing lies between,
 * LOADER_JOIN_ACROSS when title or caption units do, LOADER_JOIN_TAIL
 * when B stands before A's title group. */
enum { LOADER_JOIN_NEXT, LOADER_JOIN_ACROSS, LOADER_JOIN_TAIL };
double		 loader_join_score(struct loader_ctx *cx, size_t ia,
		    const char *atext, size_t ib, int where, bool a_first);
void		 loader_pairset_free(struct loader_pairset *);
/* Free what the models kept for CX's page (pairs, scratch bags). */
void		 loader_model_done(struct loader_ctx *cx);
/* Tell the trace function the kind of every unit of CX's page. */
void		 loader_trace_units(const struct loader_ctx *cx);
/* Cues in one unit's text, shared with the classification. */
bool		 loader_is_numbered(const char *s);
bool		 loader_is_label(const char *s);
bool		 loader_is_figure(const char *s);
bool		 loader_ends_note(const char *s);
bool		 loader_para_opener(const char *s);

/* ------------------------------------------------------------------ */
/* Pass 4: tails (loader-tail.c). */

/* Move tails that the extraction put before their title group back. */
void		 loader_tails(struct loader_ctx *cx);

#endif /* DUBAO_LOADER_INT_H */
