/*
 * model.h -- the article tree: issue -> pages (版) -> articles -> fields
 * and paragraphs. The tree owns every string in it; each node has exactly
 * one owner, its parent. No I/O here.
 *
 * Invariant kept by the loader: every string is valid UTF-8 with no C0
 * or C1 control character other than TAB and no format (Cf) character;
 * paragraphs contain no newline.
 */
#ifndef DUBAO_MODEL_H
#define DUBAO_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

enum article_kind {
	ARTICLE_TEXT,		/* "article" in JSON */
	ARTICLE_PHOTO		/* "photo": a picture with a caption, no text */
};

struct caption {
	char	*text;		/* "上图：..." as printed */
	char	*credit;	/* photographer without 摄, or NULL */
};

struct article {
	enum article_kind kind;
	char		*column;	/* 栏目 label, or NULL */
	char		*kicker;	/* 引题, or NULL */
	char		*headline;	/* 主题; NULL only for a photo */
	char		*subhead;	/* 副题, or NULL */
	char		*byline;	/* without the ■ marker, or NULL */
	char		*dateline;	/* "本报讯 某某报道", or NULL */
	char		*quote;		/* pull quote text, or NULL */
	char		*quote_by;	/* its attribution without ——, or NULL */
	char		**paras;	/* body paragraphs in reading order */
	size_t		 npara;
	size_t		 parcap;
	size_t		*inter;		/* indexes of the paragraphs that are
					   intertitles (小标题, 核心阅读 ...),
					   ascending */
	size_t		 ninter;
	size_t		 intercap;
	struct caption	*caps;
	size_t		 ncap;
	size_t		 capcap;
	int		 cont_page;	/* 下转第N版: continues on page N; 0 none */
	int		 from_page;	/* 上接第N版: continued from page N; 0 none */
	char		*source;	/* file the article came from, or NULL */
	size_t		 line;		/* first line in that file, or 0 */
};

struct page {
	int		 number;	/* 版 number, 0 when unknown */
	char		*name;		/* 版 name such as 国防动员, or NULL */
	char		*editor;	/* 本版责任编辑, or NULL */
	char		**credits;	/* page credits: 版式设计：某某 */
	size_t		 ncredits;
	size_t		 credcap;
	struct article	*arts;
	size_t		 narts;
	size_t		 artcap;
	char		*source;	/* file the page came from, or NULL */
};

struct issue {
	char		*title;		/* the paper's name, or NULL */
	int		 year, month, day;	/* 0 when unknown */
	char		*encoding;	/* "UTF-8", "GB18030", "BIG5", ... */
	int		 confidence;	/* encoding detection, 0-100 */
	char		*enc_reason;	/* why that encoding (translated), or
					   NULL */
	char		**sources;	/* paths as given, sanitised for
					   showing */
	size_t		 nsources;
	size_t		 srccap;
	char		**masthead;	/* front matter that is no article */
	size_t		 nmasthead;
	size_t		 mastcap;
	struct page	*pages;
	size_t		 npages;
	size_t		 pagecap;
	struct diag_list diags;
};

struct issue	*issue_new(void);
void		 issue_free(struct issue *);
/*
 * Takes ownership of PATH and stores it sanitised (text_sanitize_str):
 * sources are for showing, not for opening.
 */
void		 issue_take_source(struct issue *, char *path);
void		 issue_add_masthead(struct issue *, const char *line);
/* Append an empty page and return it (valid until the next add). */
struct page	*issue_add_page(struct issue *);
/* Total articles and characters (字数, Han and other letters) of IS. */
size_t		 issue_narticles(const struct issue *);
/* "2021-12-07" into BUF (at least 16 bytes), or "" when unknown. */
void		 issue_date_str(const struct issue *, char *buf);

void		 page_clear(struct page *);
void		 page_add_credit(struct page *, const char *text);
/*
 * Give back the room that the arrays and paragraphs of PG were grown by
 * while it was built (the loader calls it once a page is complete), so
 * that a large issue takes the memory of its text and little more.
 */
void		 page_shrink(struct page *);
/*
 * The name of page PG, the I-th of its issue, as every view shows it, in
 * BUF: "第N版 name" or "第N版", and for a page without a number its name,
 * else "page I+1" (translated).
 */
void		 page_label(const struct page *pg, size_t i, char *buf,
		    size_t size);
/* Append an empty article and return it (valid until the next add). */
struct article	*page_add_article(struct page *);

void		 article_clear(struct article *);
/* Takes ownership of TEXT. */
void		 article_take_para(struct article *, char *text);
void		 article_add_para(struct article *, const char *text);
/* Mark paragraph I (an existing one) as an intertitle. */
void		 article_mark_intertitle(struct article *, size_t i);
bool		 article_is_intertitle(const struct article *, size_t i);
/* Remove the last paragraph and return it (caller frees), or NULL. */
char		*article_pop_para(struct article *);
/* Move paragraphs FROM.. of SRC, with their intertitle marks, to the end
 * of DST. */
void		 article_move_paras(struct article *dst, struct article *src,
		    size_t from);
void		 article_add_caption(struct article *, const char *text,
		    const char *credit);
/* The headline, or for a photo its first caption, or "" (borrowed). */
const char	*article_title(const struct article *);
/*
 * 字数 of an article: characters of its paragraphs that are not spaces
 * or punctuation, as a newspaper counts them.
 */
size_t		 article_chars(const struct article *);
/* Move the contents of SRC to DST (DST must be cleared); SRC is zeroed. */
void		 article_move(struct article *dst, struct article *src);

/* Replace *DST (freed) with a copy of SRC (NULL allowed). */
void		 model_set(char **dst, const char *src);
/*
 * Replace *DST (freed) with a sanitised copy of NAME (NULL allowed): for
 * names from outside the text (paths, folder names) that the model
 * shows.
 */
void		 model_set_name(char **dst, const char *name);

/*
 * Which string of an article a position points into. enum layout_field
 * (layout.h) has the same values: layout lines and search hits name
 * their text the same way.
 */
enum article_field {
	ARTICLE_F_NONE,		/* the article as a whole */
	ARTICLE_F_COLUMN,
	ARTICLE_F_KICKER,
	ARTICLE_F_HEADLINE,
	ARTICLE_F_SUBHEAD,
	ARTICLE_F_BYLINE,
	ARTICLE_F_DATELINE,
	ARTICLE_F_QUOTE,
	ARTICLE_F_QUOTE_BY,
	ARTICLE_F_PARA,		/* index = paragraph number */
	ARTICLE_F_CAPTION,	/* index = caption number */
	ARTICLE_F_CREDIT,	/* index = caption number */
	ARTICLE_F_MASTHEAD	/* index = line of the issue's front matter */
};

#define POSITION_PAPER_MAX	96	/* bytes of a paper key, NUL included */

/*
 * A stable place in the library: it still names the same text after the
 * program quits, the window is resized or the issue is parsed again.
 * Saved reading positions, read marks, bookmarks, search results and the
 * search index all use it. A plain value: copy it with =.
 *
 * The issue is (paper, date) as the library's catalogue names it. The
 * article is its ordinal within the page and a hash of its title, so
 * that a re-parse that adds or drops an article before it still finds
 * it (position_locate()).
 */
struct position {
	char		 paper[POSITION_PAPER_MAX];	/* "" when unknown */
	int		 year, month, day;	/* 0 when unknown */
	int		 page;		/* 版 number; 0 when the page has none */
	unsigned	 page_ord;	/* the page's index in the issue */
	unsigned	 art;		/* the article's ordinal in its page */
	uint32_t	 art_hash;	/* position_hash() of its title */
	enum article_field field;
	unsigned	 index;		/* paragraph or caption number */
	size_t		 off;		/* byte offset in that field's text */
};

/* The hash that identifies an article: of article_title(ART). */
uint32_t	 position_hash(const struct article *art);

/*
 * Fill the article part of *POS (page, page_ord, art, art_hash) for
 * article ART of page PAGE of IS, and set the field to the whole
 * article. The paper and date are the caller's (the catalogue's key).
 */
void		 position_set_article(struct position *pos,
		    const struct issue *is, size_t page, size_t art);

/*
 * Find the article POS names in IS: the page by number (by ordinal when
 * it has none), then the article at its ordinal if its hash matches,
 * else the article of that page with the hash nearest the ordinal, else
 * the article with that hash anywhere in the issue, else the ordinal
 * clamped to the page. Stores the indexes in *PAGE and *ART and returns
 * true when the hash matched; false when the position fell back (or the
 * issue has no page: *PAGE = *ART = 0).
 */
bool		 position_locate(const struct position *pos,
		    const struct issue *is, size_t *page, size_t *art);

/* Copy S into the paper key of POS, cut at a character boundary. */
void		 position_set_paper(struct position *pos, const char *s);


#endif /* DUBAO_MODEL_H */
