/* fuzz_lang.c - language identification over arbitrary bytes with the built-in model.
 *
 * The guess must be a code with a confidence in [0, 1]; the word walk must
 * give spans inside the text. Invalid UTF-8 is allowed here on purpose: the
 * identifier promises to treat it as separators.
 */
#include "fuzz.h"

#include "internal.h"
#include "lang.h"

static void on_word(void *ctx, size_t offset, size_t length, const char *lower)
{
	size_t size = *(const size_t *)ctx;

	if (offset > size || length > size - offset || !lower)
		abort();
}

FUZZ_INIT(fuzz_rules())

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const lor_lang__model *m = fuzz_rules()->lang;
	lor_lang__guess g;

	if (!m)
		abort();
	if (lor_lang__identify(m, (const char *)data, size, &g))
		abort();
	if (!g.code[0] || g.confidence < 0 || g.confidence > 1 || g.home < 0 || g.home > 1 ||
	    (!g.judged && g.confidence != 0))
		abort();
	if (g.judged)
		lor_lang__function_words(m, g.code, (const char *)data, size);
	lor_lang__each_word(m, (const char *)data, size, on_word, &size);
	return 0;
}
