/*
 * layout-check.c -- checks the layout invariants of issue 4 from outside:
 * widths are measured again here with wcwidth() (not with text.c), and the
 * punctuation sets are written out again from clreq, so a bug in the
 * layout's own tables is not hidden by sharing them.
 *
 *   layout-check article FILE MIN MAX [MEASURE [FULL]]
 *	Lays out every non-empty line of FILE as one paragraph of an article
 *	at every width MIN..MAX (text width MEASURE, default 0 = the pane)
 *	and checks: no line wider than the width; `cols' is what is drawn; no
 *	continuation line starts with a closing mark, no line that continues
 *	ends with an opening one; no …… ―― or fullwidth number split; lines
 *	start on grapheme boundaries; every character of the input appears in
 *	order (spaces at breaks excepted); and, for widths of 12 and more, at
 *	least 90% of the lines a paragraph continues after are full (within
 *	3 cells of the width): at each width with 20 such lines or more, and
 *	over all widths together. FULL (default 90) changes that share; 0
 *	for texts made of edge cases rather than prose.
 *   layout-check dump WIDTH < TEXT
 *	Checks --dump=text output: no line wider than WIDTH, none that starts
 *	with a closing mark or ends with an opening one.
 *   layout-check print FILE WIDTH
 *	Prints the article of FILE laid out as above (for golden files).
 *
 * Exit status 0 when every check holds, 1 otherwise, 99 on bad usage.
 */
#include <config.h>

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unigbrk.h>
#include <unistr.h>

#include "layout.h"
#include "model.h"
#include "text.h"
#include "util.h"

static const char closing[] =
    "，。、；：？！）》」』】〕〉”’…‰%％·～—―／•";
static const char opening[] = "（《「『【〔〈“‘";

static bool
in_set(const char *set, ucs4_t uc)
{
	const uint8_t	*p = (const uint8_t *)set;
	ucs4_t		 c;

	while (*p != '\0') {
		p += u8_mbtouc(&c, p, strlen((const char *)p));
		if (c == uc)
			return true;
	}
	return false;
}

static int
cells(const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + n;
	ucs4_t		 uc;
	int		 w = 0, k;

	while (p < end) {
		p += u8_mbtouc(&uc, p, end - p);
		if (uc >= 0x1F3FB && uc <= 0x1F3FF)
			continue;	/* skin tones are never drawn */
		k = wcwidth((wchar_t)uc);
		w += k < 0 ? 1 : k;
	}
	return w;
}

static ucs4_t
first_char(const char *s, size_t n)
{
	ucs4_t	uc = 0;

	if (n > 0)
		u8_mbtouc(&uc, (const uint8_t *)s, n);
	return uc;
}

static ucs4_t
last_char(const char *s, size_t n)
{
	const uint8_t	*p;
	ucs4_t		 uc = 0;

	if (n == 0)
		return 0;
	p = u8_prev(&uc, (const uint8_t *)s + n, (const uint8_t *)s);
	return p == NULL ? 0 : uc;
}

static bool
fw_alnum(ucs4_t c)
{
	return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
	    (c >= 0xFF41 && c <= 0xFF5A);
}

/*
 * Cells of the fullwidth digits and letters that end S[0..N) and start
 * T[0..M): a run that cannot fit on one line has to be cut somewhere.
 */
static int
fw_run(const char *s, size_t n, const char *t, size_t m)
{
	const uint8_t	*p = (const uint8_t *)s + n;
	const uint8_t	*q = (const uint8_t *)t, *end = q + m;
	ucs4_t		 uc;
	int		 w = 0;

	while ((p = u8_prev(&uc, p, (const uint8_t *)s)) != NULL &&
	    fw_alnum(uc))
		w += 2;
	while (q < end) {
		q += u8_mbtouc(&uc, q, end - q);
		if (!fw_alnum(uc))
			break;
		w += 2;
	}
	return w;
}

/*
 * Is the break between S[0..N) and T[0..M) forced: are the characters the
 * clreq rules hold together around it (closing marks with what precedes
 * them, opening marks with what follows) wider than WIDTH together? Then
 * no break there can keep every rule, and the layout may break one.
 */
static bool
forced(const char *s, size_t n, const char *t, size_t m, int width)
{
	const uint8_t	*b = (const uint8_t *)s, *p = b + n, *q;
	const uint8_t	*u = (const uint8_t *)t, *end = u + m;
	ucs4_t		 c, pc;
	int		 w = 0, k;

	while ((q = u8_prev(&c, p, b)) != NULL) {
		k = wcwidth((wchar_t)c);
		w += k < 0 ? 1 : k;
		p = q;
		/* " and ' stand for “ ” ‘ ’ in ambiguous-wide output. */
		if (in_set(closing, c) || c == '"' || c == '\'')
			continue;
		if (u8_prev(&pc, p, b) != NULL && (in_set(opening, pc) ||
		    pc == '"' || pc == '\''))
			continue;
		break;
	}
	while (u < end) {
		u += u8_mbtouc(&c, u, end - u);
		k = wcwidth((wchar_t)c);
		w += k < 0 ? 1 : k;
		if (u < end && !in_set(closing, first_char((const char *)u,
		    end - u)) && !in_set(opening, c))
			break;
	}
	return w > width;
}

/* Read FILE into an article: one paragraph a non-empty line. */
static void
read_article(const char *path, struct article *art)
{
	FILE	*fp;
	char	*line = NULL, *clean;
	size_t	 cap = 0, n, k;
	ssize_t	 len;

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		exit(99);
	}
	memset(art, 0, sizeof *art);
	while ((len = getline(&line, &cap, fp)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r' || line[len - 1] == ' '))
			len--;
		clean = text_sanitize(line, len, &n, NULL);
		/* Indents go, as the loader removes them. */
		for (k = 0; k < n; ) {
			if (clean[k] == ' ')
				k++;
			else if (n - k >= 3 &&
			    memcmp(clean + k, "\xe3\x80\x80", 3) == 0)
				k += 3;
			else
				break;
		}
		if (k < n) {
			memmove(clean, clean + k, n - k + 1);
			article_take_para(art, clean);
		} else
			free(clean);
	}
	free(line);
	fclose(fp);
}

/* Non-space characters of S[0..N) appended to B. */
static void
add_ink(struct buf *b, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i + 3 <= n && memcmp(s + i, "\xe3\x80\x80", 3) == 0)
			i += 2;
		else if (s[i] != ' ')
			buf_addc(b, s[i]);
	}
}

static int
check_article(const struct article *art, int width, int measure,
    int *full, int *cont)
{
	struct layout_opts	 lo = { width, measure };
	struct layout		*lay;
	struct buf		 want, got;
	size_t			 i, p;
	int			 bad = 0, w, lim;
	char			*g = NULL;
	const char		*gtext = NULL;
	size_t			 glen = 0;

	lay = layout_new(art, &lo);
	buf_init(&want);
	buf_init(&got);
	for (p = 0; p < art->npara; p++)
		add_ink(&want, art->paras[p], strlen(art->paras[p]));
	lim = measure > 0 && measure < width ? measure : width;
	for (i = 0; i < lay->nlines; i++) {
		const struct layout_line *ln = &lay->lines[i];
		const struct layout_line *nx = i + 1 < lay->nlines ?
		    &lay->lines[i + 1] : NULL;
		const char *s = ln->text + ln->off;
		bool cont_next = nx != NULL && nx->field == LAYOUT_F_PARA &&
		    ln->field == LAYOUT_F_PARA && nx->index == ln->index;
		bool continued = i > 0 && ln->field == LAYOUT_F_PARA &&
		    lay->lines[i - 1].field == LAYOUT_F_PARA &&
		    lay->lines[i - 1].index == ln->index;

		if (ln->kind == LAYOUT_BLANK)
			continue;
		w = ln->indent + cells(s, ln->len) + (ln->prefix != NULL ?
		    cells(ln->prefix, strlen(ln->prefix)) : 0);
		if (w > width) {
			printf("w%d line %zu: %d cells: %.*s\n", width, i, w,
			    (int)ln->len, s);
			bad++;
		}
		if (w != ln->cols) {
			printf("w%d line %zu: cols %d, drawn %d\n", width, i,
			    ln->cols, w);
			bad++;
		}
		if (ln->field != LAYOUT_F_PARA)
			continue;
		add_ink(&got, s, ln->len);
		if (continued && in_set(closing, first_char(s, ln->len)) &&
		    !forced(lay->lines[i - 1].text + lay->lines[i - 1].off,
		    lay->lines[i - 1].len, s, ln->len, width)) {
			printf("w%d line %zu starts with a closing mark: "
			    "%.*s\n", width, i, (int)ln->len, s);
			bad++;
		}
		if (!cont_next)
			continue;
		{
			const char *t = nx->text + nx->off;
			ucs4_t a = last_char(s, ln->len);
			ucs4_t b = first_char(t, nx->len);

			if (in_set(opening, a) &&
			    !forced(s, ln->len, t, nx->len, width)) {
				printf("w%d line %zu ends with an opening "
				    "mark: %.*s\n", width, i, (int)ln->len, s);
				bad++;
			}
			if ((a == 0x2026 && b == 0x2026) ||
			    (a == 0x2014 && b == 0x2014) ||
			    (fw_alnum(a) && fw_alnum(b) &&
			    fw_run(s, ln->len, t, nx->len) + 2 <= width)) {
				printf("w%d line %zu: split pair: %.*s|%.*s\n",
				    width, i, (int)ln->len, s, (int)nx->len, t);
				bad++;
			}
			/* The next line starts on a grapheme boundary. */
			if (gtext != ln->text) {
				free(g);
				gtext = ln->text;
				glen = strlen(gtext);
				g = xmalloc(glen + 1);
				u8_grapheme_breaks((const uint8_t *)gtext,
				    glen, g);
			}
			if (nx->off < glen && !g[nx->off]) {
				printf("w%d line %zu: cut inside a grapheme "
				    "cluster\n", width, i + 1);
				bad++;
			}
			(*cont)++;
			if (width >= 12 && ln->cols >= lim - 3 +
			    (lim < width ? (width - lim) / 2 : 0))
				(*full)++;
			else if (width < 12)
				(*full)++;
		}
	}
	if (want.len != got.len || (want.len > 0 &&
	    memcmp(want.data, got.data, want.len) != 0)) {
		printf("w%d: text lost or changed (%zu bytes in, %zu out)\n",
		    width, want.len, got.len);
		bad++;
	}
	free(g);
	buf_clear(&want);
	buf_clear(&got);
	layout_free(lay);
	return bad;
}

static int
check_dump(int width)
{
	char	*line = NULL, *prev = NULL;
	size_t	 cap = 0, n, i, pi = 0, pn;
	ssize_t	 len;
	int	 bad = 0, lno = 0, w;

	while ((len = getline(&line, &cap, stdin)) != -1) {
		lno++;
		n = len;
		if (n > 0 && line[n - 1] == '\n')
			n--;
		w = cells(line, n);
		for (i = 0; i < n && line[i] == ' '; i++)
			continue;
		if (w > width) {
			printf("w%d dump line %d: %d cells: %.*s\n", width, lno,
			    w, (int)n, line);
			bad++;
		}
		/* "——" leads a quote's attribution, as printed. */
		if (i < n && in_set(closing, first_char(line + i, n - i)) &&
		    !(prev != NULL && forced(prev + pi, strlen(prev + pi),
		    line + i, n - i, width - (int)i)) &&
		    !(n - i > 6 && memcmp(line + i, "——", 6) == 0 &&
		    first_char(line + i + 6, n - i - 6) != 0x2014)) {
			printf("w%d dump line %d starts with a closing mark: "
			    "%.*s\n", width, lno, (int)n, line);
			bad++;
		}
		if (prev != NULL && (pn = strlen(prev)) > 0 &&
		    in_set(opening, last_char(prev, pn)) && i < n &&
		    !forced(prev + pi, pn - pi, line + i, n - i, width)) {
			printf("w%d dump line %d ends with an opening mark: "
			    "%s\n", width, lno - 1, prev);
			bad++;
		}
		free(prev);
		prev = n > i ? xstrndup(line, n) : NULL;
		pi = i;
	}
	free(line);
	free(prev);
	return bad;
}

int
main(int argc, char **argv)
{
	struct article	art;
	int		lo, hi, w, bad = 0, full, cont, measure = 0;
	int		worst = 1000, worstw = 0, allfull = 0, allcont = 0;
	int		need = 90;
	size_t		i;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 99;
	if (argc >= 5 && strcmp(argv[1], "article") == 0) {
		read_article(argv[2], &art);
		lo = atoi(argv[3]);
		hi = atoi(argv[4]);
		if (argc > 5)
			measure = atoi(argv[5]);
		if (argc > 6)
			need = atoi(argv[6]);
		for (w = lo; w <= hi; w++) {
			full = cont = 0;
			bad += check_article(&art, w, measure, &full, &cont);
			if (cont > 0 && full * 1000 / cont < worst) {
				worst = full * 1000 / cont;
				worstw = w;
			}
			allfull += full;
			allcont += cont;
			/* Too few lines make no statistic; see the total. */
			if (cont >= 20 && full * 100 < cont * need) {
				printf("w%d: only %d of %d continued lines "
				    "full\n", w, full, cont);
				bad++;
			}
		}
		if (allcont > 0 && allfull * 100 < allcont * need) {
			printf("only %d of %d continued lines full\n",
			    allfull, allcont);
			bad++;
		}
		article_clear(&art);
		printf("%s: widths %d-%d: %d problems; fewest full lines "
		    "%d.%d%% (width %d)\n", argv[2], lo, hi, bad, worst / 10,
		    worst % 10, worstw);
	} else if (argc == 3 && strcmp(argv[1], "dump") == 0) {
		bad = check_dump(atoi(argv[2]));
	} else if (argc == 4 && strcmp(argv[1], "print") == 0) {
		struct layout_opts o = { atoi(argv[3]), 0 };
		struct layout *lay;

		read_article(argv[2], &art);
		lay = layout_new(&art, &o);
		for (i = 0; i < lay->nlines; i++) {
			const struct layout_line *ln = &lay->lines[i];

			printf("%*s%s%.*s\n", ln->indent, "",
			    ln->prefix != NULL ? ln->prefix : "", (int)ln->len,
			    ln->text + ln->off);
		}
		layout_free(lay);
		article_clear(&art);
	} else {
		fprintf(stderr, "usage: layout-check article FILE MIN MAX "
		    "[MEASURE [FULL]] | dump WIDTH | print FILE WIDTH\n");
		return 99;
	}
	return bad > 0 ? 1 : 0;
}
