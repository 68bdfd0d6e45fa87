/* fuzz_rule.c - one rule file: YAML, the keys of every rule kind, word classes and PCRE2 compilation.
 *
 * The text is compiled as rules/fuzz/Rule.yml against the built-in word
 * classes and thrown away. A rejected file must say where and why: the
 * error names the file and carries a message.
 */
#include "fuzz.h"

#include "internal.h"

FUZZ_INIT(fuzz_rules())

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lor_error err;

	memset(&err, 0, sizeof(err));
	if (lor_rules__compile_data(fuzz_rules(), "rules/fuzz/Rule.yml", (const char *)data, size, &err) &&
	    (err.code == LOR_OK || !err.message[0] || strcmp(err.path, "rules/fuzz/Rule.yml")))
		abort();
	return 0;
}
