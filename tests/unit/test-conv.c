/*
 * test-conv.c -- unit tests of conv.c: every detection step with a case
 * that needs it, the confidence ordering, diagnostics with line:col,
 * damage detection, forced encodings, binary input, and the real corpus
 * files when "$top_srcdir/../shared/corpus" exists (that part is skipped
 * otherwise). Fixtures are in tests/data/conv (see regen.sh there).
 */

#include <config.h>

#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"
#include "diag.h"
#include "conv.h"
#include "tcheck.h"

static const char *srcdir;

/* Four lines ended by CRLF, CR and LF, then an invalid byte. */
#define LINES	"中文中文中文中文中文中文\r\n字\r字\n中文\xff"
/* 你去哪里?我不知道。 in GBK, with an ASCII question mark. */
#define QUESTION "\xc4\xe3\xc8\xa5\xc4\xc4\xc0\xef?\xce\xd2\xb2\xbb" \
	"\xd6\xaa\xb5\xc0\xa1\xa3\n"

/* Read a whole file; returns NULL when it does not exist. */
static char *
read_path(const char *path, size_t *n)
{
	FILE *fp;
	char *data;
	long size;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	data = xmalloc(size + 1);
	*n = fread(data, 1, size, fp);
	data[*n] = '\0';
	fclose(fp);
	return data;
}

static char *
fixture(const char *name, size_t *n)
{
	char *path, *data;

	path = xasprintf("%s/tests/data/conv/%s", srcdir, name);
	data = read_path(path, n);
	if (data == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(99);
	}
	free(path);
	return data;
}

/* Convert and keep the diagnostics; returns conv_to_utf8's value. */
static int
convert(const char *data, size_t n, const char *enc, struct conv_result *cr,
    struct diag_list *dl, char **cause)
{
	*cause = NULL;
	diag_list_init(dl);
	return conv_to_utf8(data, n, enc, "f.txt", cr, dl, cause);
}

/* True when some diagnostic is at LINE:COL and contains WORD. */
static bool
has_diag(const struct diag_list *dl, size_t line, size_t col,
    const char *word)
{
	size_t i;

	for (i = 0; i < dl->n; i++)
		if (dl->v[i].line == line && dl->v[i].col == col &&
		    strstr(dl->v[i].message, word) != NULL)
			return true;
	return false;
}

static void
show_diags(const struct diag_list *dl)
{
	size_t i;
	char *s;

	for (i = 0; i < dl->n; i++) {
		s = diag_format(&dl->v[i]);
		fprintf(stderr, "  %s\n", s);
		free(s);
	}
}

/*
 * Decode fixture NAME without --encoding and check the encoding and
 * that the text equals fixture EXPECT; returns the confidence.
 */
static int
check_fixture(const char *name, const char *enc, const char *expect)
{
	struct conv_result cr;
	struct diag_list dl;
	char *data, *want, *cause;
	size_t n, wn;
	int conf = -1;

	data = fixture(name, &n);
	want = fixture(expect, &wn);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
	if (cr.text != NULL) {
		if (strcmp(cr.encoding, enc) != 0)
			fprintf(stderr, "%s: %s (%s)\n", name, cr.encoding,
			    cr.reason);
		CHECK_STR(cr.encoding, enc);
		CHECK(cr.len == wn && memcmp(cr.text, want, wn) == 0);
		CHECK(cr.replaced == 0 && cr.suspicious == 0);
		CHECK(dl.n == 0);
		CHECK(cr.reason != NULL && *cr.reason != '\0');
		conf = cr.confidence;
		CHECK(conv_detect(data, n, &conf) != NULL);
		CHECK(conf == cr.confidence);
	}
	show_diags(&dl);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);
	free(want);
	return conf;
}

/* Step 1: BOMs are recognised and never reach the text. */
static void
test_bom(void)
{
	struct conv_result cr;
	struct diag_list dl;
	char *cause, buf[64];
	int conf;

	conf = check_fixture("prose-bom.utf8.txt", "UTF-8", "prose.utf8.txt");
	CHECK(conf == 100);
	conf = check_fixture("prose-bom.utf16le.txt", "UTF-16LE",
	    "prose.utf8.txt");
	CHECK(conf == 100);
	conf = check_fixture("prose-bom.utf16be.txt", "UTF-16BE",
	    "prose.utf8.txt");
	CHECK(conf == 100);

	/* UTF-32LE "中\n" and a GB18030 BOM before "中\n". */
	memcpy(buf, "\xff\xfe\0\0\x2d\x4e\0\0\n\0\0\0", 12);
	CHECK(convert(buf, 12, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "UTF-32LE");
	CHECK_STR(cr.text, "中\n");
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	CHECK(convert("\x84\x31\x95\x33\xd6\xd0\n", 7, NULL, &cr, &dl,
	    &cause) == 0);
	CHECK_STR(cr.encoding, "GB18030");
	CHECK_STR(cr.text, "中\n");
	CHECK(cr.confidence == 100);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
}

/* Step 2: UTF-16 without BOM, found by where its NUL bytes are. */
static void
test_utf16_nobom(void)
{
	int conf;

	conf = check_fixture("prose.utf16le.txt", "UTF-16LE",
	    "prose.utf8.txt");
	CHECK(conf >= 90 && conf < 100);
	conf = check_fixture("prose.utf16be.txt", "UTF-16BE",
	    "prose.utf8.txt");
	CHECK(conf >= 90 && conf < 100);
}

/* Step 3: UTF-8, and line ends kept as they are. */
static void
test_utf8(void)
{
	int conf;

	conf = check_fixture("prose.utf8.txt", "UTF-8", "prose.utf8.txt");
	CHECK(conf == 100);
	conf = check_fixture("prose-crlf.utf8.txt", "UTF-8",
	    "prose-crlf.utf8.txt");
	CHECK(conf == 100);
	/* Two multi-byte characters could be legacy text: less sure. */
	CHECK(conv_detect("\xc3\xa9t\xc3\xa9", 5, &conf) != NULL);
	CHECK(conf > 50 && conf < 100);
	CHECK(conv_detect("plain ASCII\n", 12, &conf) != NULL);
	CHECK(conf == 100);
}

/* Step 6: GB18030 and Big5 told apart by scores, not by errors. */
static void
test_legacy(void)
{
	struct conv_result cr;
	struct diag_list dl;
	char *data, *cause;
	size_t n;
	struct buf b;
	int conf, cgb, cb5, cshort;
	unsigned int seed;

	cgb = check_fixture("prose.gb18030.txt", "GB18030", "prose.utf8.txt");
	CHECK(cgb >= 90);
	conf = check_fixture("prose-crlf.gbk.txt", "GB18030",
	    "prose-crlf.utf8.txt");
	CHECK(conf >= 90);

	/* Big5 bytes decode without error as GB18030 too. */
	data = fixture("prose.big5.txt", &n);
	CHECK(convert(data, n, "GB18030", &cr, &dl, &cause) == 0);
	CHECK(cr.replaced == 0);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "BIG5");
	CHECK(cr.replaced == 0 && dl.n == 0);
	CHECK(cr.text != NULL && strstr(cr.text, "小鎮閱報欄的早晨\n") ==
	    cr.text);
	CHECK(strstr(cr.text, "郵遞員老周騎著那輛舊自行車") != NULL);
	cb5 = cr.confidence;
	CHECK(cb5 >= 90);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);

	/* Short snippets: right, but less sure than a whole page. */
	CHECK_STR(conv_detect("\xc4\xe3\xba\xc3", 4, &cshort), "GB18030");
	CHECK(cshort < cgb);
	/* "中國國防報" in Big5. */
	CHECK_STR(conv_detect("\xa4\xa4\xb0\xea\xb0\xea\xa8\xbe\xb3\xf8", 10,
	    &conf), "BIG5");
	CHECK(conf < cb5 && conf > 50);
	/*
	 * "漢字鄉鎮" has none of the frequent characters in either reading:
	 * only its trail bytes (three of four in 0x40-0x7E) say Big5.
	 */
	CHECK_STR(conv_detect("\xba\x7e\xa6\x72\xb6\x6d\xc2\xed", 8, &conf),
	    "BIG5");
	CHECK(conf > 50 && conf < 60);

	/* Big5 with Hong Kong characters (佢哋講㗎嘢): BIG5-HKSCS. */
	data = fixture("prose.big5.txt", &n);
	buf_init(&b);
	buf_add(&b, data, n);
	buf_adds(&b, "\xca\x5c\x92\x5d\xc1\xbf\x9d\xee\x9d\xcf\n");
	CHECK(convert(b.data, b.len, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "BIG5-HKSCS");
	CHECK(cr.replaced == 0);
	CHECK(strstr(cr.text, "郵遞員") != NULL &&
	    strstr(cr.text, "佢哋講㗎嘢\n") != NULL);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	buf_clear(&b);
	free(data);

	/* Random high bytes decode as GB18030, but with little trust. */
	data = xmalloc(20000);
	for (n = 0, seed = 1; n < 20000; n++) {
		seed = seed * 1103515245 + 12345;
		data[n] = (char)(0x80 | (seed >> 16));
	}
	CHECK(conv_detect(data, n, &conf) != NULL);
	CHECK(conf < 60);
	free(data);

	/* CP936's euro sign, a lone 0x80, is not an error. */
	data = fixture("euro.cp936.txt", &n);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "GB18030");
	CHECK_STR(cr.text, "价格：10€，约合人民币七十八元。\n");
	CHECK(cr.replaced == 0 && dl.n == 0);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);
}

/* Step 4: a declaration beats the scores. */
static void
test_declaration(void)
{
	struct conv_result cr;
	struct diag_list dl;
	struct buf b;
	char *data, *cause;
	size_t n;
	int conf;
	/* GB2312 bytes of 的一是不了: as Big5 they are rare characters. */
	static const char gbbytes[] =
	    "\xb5\xc4\xd2\xbb\xca\xc7\xb2\xbb\xc1\xcb";

	CHECK_STR(conv_detect(gbbytes, 10, &conf), "GB18030");
	buf_init(&b);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"big5\"?>\n<t>");
	buf_adds(&b, gbbytes);
	buf_adds(&b, "</t>\n");
	CHECK(convert(b.data, b.len, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "BIG5");
	CHECK(strstr(cr.text, "<t>腔珨岆祥賸</t>") != NULL);
	CHECK(cr.confidence >= 90 && cr.confidence < 100);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	buf_clear(&b);

	/* An HTML meta charset names GBK over Big5-looking bytes. */
	data = fixture("prose.big5.txt", &n);
	buf_init(&b);
	buf_adds(&b, "<html><head><meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=GBK\"></head><body>\n");
	buf_add(&b, data, n);
	CHECK(convert(b.data, b.len, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "GB18030");
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	buf_clear(&b);
	buf_init(&b);
	buf_adds(&b, "<meta charset='big5'>");
	buf_add(&b, data, n);
	CHECK_STR(conv_detect(b.data, b.len, &conf), "BIG5");
	buf_clear(&b);
	free(data);
}

/* Step 5 and diagnostics: invalid bytes become U+FFFD at line:col. */
static void
test_invalid(void)
{
	struct conv_result cr;
	struct diag_list dl;
	struct buf b;
	char *data, *cause;
	size_t n, i;

	/* One bad byte in UTF-8 text: still UTF-8 (step 5). */
	data = fixture("invalid-mid.utf8.txt", &n);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "UTF-8");
	CHECK(cr.replaced == 1);
	CHECK(dl.n == 1 && has_diag(&dl, 3, 11, "0xFF"));
	CHECK(strstr(cr.text, "六点，邮\xef\xbf\xbd递员") != NULL);
	CHECK(cr.confidence >= 90);
	show_diags(&dl);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);

	data = fixture("invalid-mid.gb18030.txt", &n);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "GB18030");
	CHECK(cr.replaced == 1);
	CHECK(dl.n == 1 && has_diag(&dl, 4, 6, "GB18030"));
	CHECK(strstr(cr.text, "　　七点以\xef\xbf\xbd后") != NULL);
	show_diags(&dl);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);

	/* Truncated last characters are replaced, not dropped. */
	data = fixture("truncated.utf8.txt", &n);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "UTF-8");
	CHECK(cr.replaced == 1 && cr.len >= 6);
	CHECK(memcmp(cr.text + cr.len - 6, "里\xef\xbf\xbd", 6) == 0);
	CHECK(dl.n == 1 && has_diag(&dl, 6, 57, "end of the file"));
	show_diags(&dl);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);

	data = fixture("truncated.gb18030.txt", &n);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "GB18030");
	CHECK(cr.replaced == 1 && cr.len >= 6);
	CHECK(memcmp(cr.text + cr.len - 6, "里\xef\xbf\xbd", 6) == 0);
	CHECK(dl.n == 1 && has_diag(&dl, 6, 57, "end of the file"));
	show_diags(&dl);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);

	/* Line ends: CRLF counts once, a lone CR counts. */
	CHECK(convert(LINES, sizeof LINES - 1, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "UTF-8");
	CHECK(dl.n == 1 && has_diag(&dl, 4, 3, "UTF-8"));
	show_diags(&dl);
	conv_result_clear(&cr);
	diag_list_clear(&dl);

	/* 100 bad bytes: 20 diagnostics and a summary of the other 80. */
	buf_init(&b);
	for (i = 0; i < 100; i++)
		buf_adds(&b, "中文中文中文中文中文\xfe\n");
	CHECK(convert(b.data, b.len, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "UTF-8");
	CHECK(cr.replaced == 100);
	CHECK(dl.n == 21);
	CHECK(has_diag(&dl, 20, 11, "0xFE"));
	CHECK(dl.n == 21 && strstr(dl.v[20].message, "80") != NULL);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	buf_clear(&b);

	/* Adjacent bad bytes give one diagnostic, one U+FFFD each. */
	CHECK(convert("abc\xd6", 4, "GB18030", &cr, &dl, &cause) == 0);
	CHECK_STR(cr.text, "abc\xef\xbf\xbd");
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	CHECK(convert("ab\xff\xff\xff" "cd", 7, "UTF-8", &cr, &dl,
	    &cause) == 0);
	CHECK(cr.replaced == 3 && dl.n == 1 && has_diag(&dl, 1, 3, "3"));
	conv_result_clear(&cr);
	diag_list_clear(&dl);

	/* UTF-16 cut in the middle of a code unit. */
	CHECK(convert("\xff\xfe\x2d\x4e\x87", 5, NULL, &cr, &dl,
	    &cause) == 0);
	CHECK_STR(cr.text, "中\xef\xbf\xbd");
	CHECK(dl.n == 1 && has_diag(&dl, 1, 2, "end of the file"));
	conv_result_clear(&cr);
	diag_list_clear(&dl);
}

/* '?' in place of a byte in GBK text is reported as damage. */
static void
test_damage(void)
{
	struct conv_result cr;
	struct diag_list dl;
	char *data, *cause;
	size_t n;

	data = fixture("damaged.gbk.txt", &n);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "GB18030");
	CHECK(cr.replaced == 0);
	CHECK(cr.suspicious == 1);
	CHECK(dl.n == 1 && has_diag(&dl, 5, 9, "damaged"));
	show_diags(&dl);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);

	/* A real question mark between sentences is not damage. */
	CHECK(convert(QUESTION, sizeof QUESTION - 1, "GBK", &cr, &dl,
	    &cause) == 0);
	CHECK_STR(cr.text, "你去哪里?我不知道。\n");
	CHECK(cr.suspicious == 0 && dl.n == 0);
	CHECK_STR(cr.encoding, "GBK");
	CHECK(cr.confidence == 100);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
}

/* --encoding: wins, maps GB2312 to the GB18030 decoder, and fails. */
static void
test_forced(void)
{
	struct conv_result cr;
	struct diag_list dl;
	char *data, *cause;
	size_t n;

	data = fixture("prose.utf16be.txt", &n);
	CHECK(convert(data, n, "utf-16", &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "UTF-16");
	CHECK(strncmp(cr.text, "小镇阅报栏", strlen("小镇阅报栏")) == 0);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);

	/* A1AA is U+2014 in GBK/GB18030, U+2015 in glibc's GB2312. */
	CHECK(convert("\xa1\xaa", 2, "gb2312", &cr, &dl, &cause) == 0);
	CHECK_STR(cr.encoding, "GB2312");
	CHECK_STR(cr.text, "\xe2\x80\x94");
	CHECK(cr.confidence == 100);
	conv_result_clear(&cr);
	diag_list_clear(&dl);

	/* Forcing UTF-8 onto a file with a BOM still drops the BOM. */
	data = fixture("prose-bom.utf8.txt", &n);
	CHECK(convert(data, n, "UTF-8", &cr, &dl, &cause) == 0);
	CHECK(strncmp(cr.text, "小镇", strlen("小镇")) == 0);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
	free(data);

	CHECK(convert("abc", 3, "no-such-encoding", &cr, &dl, &cause) == -1);
	CHECK(cause != NULL && strstr(cause, "no-such-encoding") != NULL);
	free(cause);
	diag_list_clear(&dl);
}

/* Binary data is refused with a reason; empty data is empty text. */
static void
test_binary(void)
{
	struct conv_result cr;
	struct diag_list dl;
	char *data, *cause;
	size_t n;
	int conf;

	data = fixture("binary.bin", &n);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == -1);
	CHECK(cause != NULL && strstr(cause, "binary") != NULL &&
	    strstr(cause, "offset 7") != NULL);
	CHECK(conv_detect(data, n, &conf) == NULL && conf == 0);
	free(cause);
	diag_list_clear(&dl);
	free(data);

	/* A named encoding does not make NUL bytes text. */
	data = fixture("binary.bin", &n);
	CHECK(convert(data, n, "GBK", &cr, &dl, &cause) == -1);
	CHECK(cause != NULL && strstr(cause, "offset 7") != NULL);
	free(cause);
	diag_list_clear(&dl);
	free(data);

	data = fixture("control.bin", &n);
	CHECK(convert(data, n, NULL, &cr, &dl, &cause) == -1);
	CHECK(cause != NULL && strstr(cause, "control") != NULL);
	free(cause);
	diag_list_clear(&dl);
	free(data);

	CHECK(convert("", 0, NULL, &cr, &dl, &cause) == 0);
	CHECK(cr.len == 0 && cr.text != NULL && cr.text[0] == '\0');
	conv_result_clear(&cr);
	diag_list_clear(&dl);
}

/* Real files from ../shared/corpus, when present. */
static void
test_corpus(void)
{
	struct conv_result cr;
	struct diag_list dl;
	struct stat st;
	char *dir, *path, *data, *cause, *body;
	size_t n;
	int conf;

	dir = xasprintf("%s/../shared/corpus", srcdir);
	if (stat(dir, &st) != 0) {
		fprintf(stderr, "no %s: corpus checks skipped\n", dir);
		free(dir);
		return;
	}

	path = xasprintf("%s/chardet-legacy-cjk/tests/Big5/"
	    "coolloud.org.tw.xml", dir);
	if ((data = read_path(path, &n)) != NULL) {
		CHECK_STR(conv_detect(data, n, &conf), "BIG5");
		/* Without its declaration, by the scores alone. */
		body = strstr(data, "?>");
		CHECK(body != NULL);
		if (body != NULL) {
			CHECK_STR(conv_detect(body + 2, n - (body + 2 - data),
			    &conf), "BIG5");
			CHECK(conf >= 90);
		}
		free(data);
	} else
		CHECK(!"coolloud.org.tw.xml missing");
	free(path);

	path = xasprintf("%s/chardet-legacy-cjk/tests/GB2312/"
	    "acnnewswire.net.xml", dir);
	if ((data = read_path(path, &n)) != NULL) {
		CHECK_STR(conv_detect(data, n, &conf), "GB18030");
		body = strstr(data, "?>");
		CHECK(body != NULL);
		if (body != NULL) {
			CHECK_STR(conv_detect(body + 2, n - (body + 2 - data),
			    &conf), "GB18030");
			CHECK(conf >= 90);
		}
		free(data);
	} else
		CHECK(!"acnnewswire.net.xml missing");
	free(path);

	path = xasprintf("%s/sogou-smarty-gbk/news_tensite_xml.smarty.dat",
	    dir);
	if ((data = read_path(path, &n)) != NULL) {
		CHECK(convert(data, n, NULL, &cr, &dl, &cause) == 0);
		CHECK_STR(cr.encoding, "GB18030");
		CHECK(cr.confidence >= 90);
		CHECK(cr.replaced == 0);
		/*
		 * 97 records have a '?' in place of a byte; every other
		 * '?' in them starts a stretch read out of step. The first
		 * is "统一销毁。?；泼鳎" on line 6.
		 */
		CHECK(cr.suspicious >= 80);
		CHECK(has_diag(&dl, 6, 131, "damaged"));
		fprintf(stderr, "sogou: %s %d, %zu suspicious (%s)\n",
		    cr.encoding, cr.confidence, cr.suspicious, cr.reason);
		conv_result_clear(&cr);
		diag_list_clear(&dl);
		free(data);
	} else
		CHECK(!"sogou sample missing");
	free(path);

	path = xasprintf("%s/rmrb-caspiankexin/2019年2月/20190201/"
	    "20190201-01-01.txt", dir);
	if ((data = read_path(path, &n)) != NULL) {
		CHECK_STR(conv_detect(data, n, &conf), "UTF-8");
		CHECK(conf == 100);
		free(data);
	}
	free(path);
	free(dir);
}

/* Valid UTF-8 is used in place; anything converted or checked is not. */
static void
test_borrow(void)
{
	static const char utf8[] = "青溪晚报\n第一版\n";
	static const char gb[] = "\xc7\xe0\xcf\xaa\xcd\xed\xb1\xa8\n";
	static const char bom[] = "\xef\xbb\xbf\xe9\x9d\x92\n";
	struct conv_result	 r;
	struct diag_list	 dl;
	char			*cause = NULL;

	diag_list_init(&dl);
	CHECK(conv_to_utf8_borrow(utf8, sizeof utf8 - 1, NULL, "b", &r, &dl,
	    &cause) == 0);
	CHECK(r.borrowed && r.text == utf8 && r.len == sizeof utf8 - 1);
	CHECK_STR(r.encoding, "UTF-8");
	conv_result_clear(&r);
	CHECK(conv_to_utf8_borrow(gb, sizeof gb - 1, NULL, "b", &r, &dl,
	    &cause) == 0);
	CHECK(!r.borrowed && r.text != gb);
	CHECK_STR(r.text, "青溪晚报\n");
	conv_result_clear(&r);
	CHECK(conv_to_utf8_borrow(bom, sizeof bom - 1, NULL, "b", &r, &dl,
	    &cause) == 0);
	CHECK(!r.borrowed);
	CHECK_STR(r.text, "青\n");
	conv_result_clear(&r);
	diag_list_clear(&dl);
}

/*
 * EUC-TW is none of the encodings detection tries: a page of it reads
 * poorly as GB18030 and as Big5, so the guess says so (a warning naming
 * EUC-TW) and its confidence stays low, never "sure" on no evidence.
 */
static void
test_euc_tw(void)
{
	static const char	 text[] = "中華民國的報紙今天出版了很多新聞，"
	    "我們一起來看看臺灣的消息。經濟發展與社會進步是大家共同關心的"
	    "問題。\n";
	struct conv_result	 cr;
	struct diag_list	 dl;
	char			 out[512], *in = (char *)text, *o = out, *cause;
	size_t			 inleft = sizeof text - 1, outleft = sizeof out;
	size_t			 i;
	iconv_t			 cd;
	bool			 warned = false;

	if ((cd = iconv_open("EUC-TW", "UTF-8")) == (iconv_t)-1)
		return;		/* this iconv has no EUC-TW */
	CHECK(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	diag_list_init(&dl);
	CHECK(convert(out, (size_t)(o - out), NULL, &cr, &dl, &cause) == 0);
	CHECK(cr.confidence < 60);
	for (i = 0; i < dl.n; i++)
		if (dl.v[i].severity == DIAG_WARNING &&
		    strstr(dl.v[i].message, "EUC-TW") != NULL)
			warned = true;
	CHECK(warned);
	conv_result_clear(&cr);
	diag_list_clear(&dl);
}

int
main(void)
{
	TSTART();
	if ((srcdir = getenv("top_srcdir")) == NULL)
		srcdir = ABS_SRCDIR;
	test_bom();
	test_utf16_nobom();
	test_utf8();
	test_legacy();
	test_euc_tw();
	test_declaration();
	test_invalid();
	test_damage();
	test_forced();
	test_binary();
	test_borrow();
	test_corpus();
	return TDONE();
}
