/*
 * fuzz.h -- what the fuzz targets of tests/fuzz share: the libFuzzer entry
 * points, and checks of the invariants dubao promises, which abort() (a
 * crash the fuzzer reports) when one does not hold:
 *
 *   - every string in the model is valid UTF-8 without C0 or C1 controls,
 *     DEL, format characters (Cf: bidi controls, zero-width characters)
 *     or line and paragraph separators (model.h);
 *   - output meant for a terminal is valid UTF-8 and holds no control
 *     byte but the line end (and the form feed between pages), so no
 *     escape sequence from the input reaches the terminal.
 *
 * Each target is built twice: with libFuzzer (./configure
 * --enable-fuzzing; make fuzz) and with replay.c, which make check runs
 * on the target's corpus without libFuzzer.
 */
#ifndef DUBAO_FUZZ_H
#define DUBAO_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

/* Abort unless S[0..N) is clean model text (see above). WHAT names it. */
void	fuzz_check_clean(const char *what, const char *s, size_t n);
/* fuzz_check_clean() on every string of IS and its diagnostics. */
void	fuzz_check_issue(const struct issue *is);
/* Abort unless S[0..N) is safe terminal output (see above). */
void	fuzz_check_output(const char *what, const char *s, size_t n);
/* A NUL-terminated copy of DATA[0..SIZE) (caller frees). */
char	*fuzz_copy(const uint8_t *data, size_t size);

#endif /* DUBAO_FUZZ_H */
