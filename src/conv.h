/*
 * conv.h -- byte order marks, encoding detection and conversion of whole
 * files to UTF-8. Detection order: BOM; UTF-16 without BOM by NUL
 * patterns; strict UTF-8; an XML/HTML declaration; nearly valid UTF-8
 * (a damaged UTF-8 file); then trial decodes as GB18030 and BIG5 scored
 * by how plausible the text is (share of the most frequent Han
 * characters of each script, trail-byte statistics). conv.c explains
 * what each confidence value means.
 */
#ifndef DUBAO_CONV_H
#define DUBAO_CONV_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct conv_result {
	char	*text;		/* UTF-8, NUL-terminated, BOM removed */
	size_t	 len;		/* bytes of text */
	char	*encoding;	/* canonical name: "UTF-8", "UTF-16LE",
				   "UTF-16BE", "GB18030", "BIG5", also
				   "BIG5-HKSCS", "UTF-32LE/BE" (BOM) or a
				   declared one; or as forced by the user
				   (upper case) */
	int	 confidence;	/* 0-100: how sure the detection was;
				   100 for a BOM or a forced encoding */
	size_t	 replaced;	/* invalid sequences replaced by U+FFFD */
	size_t	 suspicious;	/* signs of damaged text (e.g. '?' inside
				   double-byte text) */
	char	*reason;	/* translated: why this encoding was
				   chosen ("valid UTF-8", "UTF-16LE byte
				   order mark", the GB/Big5 scores...) */
	bool	 borrowed;	/* text is the caller's DATA (see
				   conv_to_utf8_borrow()); not freed */
};

/*
 * Convert DATA[0..N) to UTF-8. ENCODING forces the source encoding when
 * not NULL. PATH names the file in diagnostics (line numbers refer to the
 * source lines). Invalid sequences become U+FFFD, each reported with its
 * file:line:col in DIAGS; truncated sequences at the very end are
 * reported too, never dropped silently. In GB18030/GBK text, a '?' in
 * place of a byte (the rest decoding out of step) is counted in
 * OUT->suspicious and reported. Diagnostics are capped, with a summary
 * line for the rest. Returns 0 and fills *OUT (free with
 * conv_result_clear()); returns -1 with a translated *CAUSE when
 * ENCODING is unknown to iconv or the data is not text at all (binary:
 * NUL bytes outside UTF-16, or over 10 % control bytes). Empty data gives
 * empty text.
 */
int	conv_to_utf8(const char *data, size_t n, const char *encoding,
	    const char *path, struct conv_result *out, struct diag_list *diags,
	    char **cause);
/*
 * As conv_to_utf8(), but when DATA is valid UTF-8 without a BOM (the
 * common case) OUT->text is DATA itself and OUT->borrowed is set: no
 * copy. DATA[N] must be a NUL byte, and DATA must outlive OUT->text.
 */
int	conv_to_utf8_borrow(const char *data, size_t n, const char *encoding,
	    const char *path, struct conv_result *out, struct diag_list *diags,
	    char **cause);
void	conv_result_clear(struct conv_result *);

/*
 * Detect the encoding of DATA[0..N) without converting; returns a static
 * canonical name and stores the confidence (0-100) in *CONFIDENCE.
 * Returns NULL (confidence 0) when the data looks binary.
 */
const char *conv_detect(const char *data, size_t n, int *confidence);

/*
 * A large file read chunk by chunk, each chunk ending on a character
 * boundary (the loader cuts them at form feeds). conv_stream_start()
 * looks at the first bytes of the file (at least CONV_STREAM_START of
 * them, or the whole file) and says whether the file may be read so;
 * conv_stream_feed() checks each chunk in turn (the first included) and
 * says whether it is still valid UTF-8 without NUL bytes. When every
 * chunk passed, the chunks are the text, and conv_stream_finish() fills
 * OUT (encoding, confidence, reason; text NULL) as conv_to_utf8() of the
 * whole file would have. When one did not, read the whole file instead.
 */
#define CONV_STREAM_START	(64 * 1024)
struct conv_stream {
	size_t	lead;		/* multi-byte sequences seen, up to 8 */
};
bool	conv_stream_start(struct conv_stream *, const char *data, size_t n);
bool	conv_stream_feed(struct conv_stream *, const char *data, size_t n);
void	conv_stream_finish(const struct conv_stream *,
	    struct conv_result *out);

#endif /* DUBAO_CONV_H */
