/* fuzz_config.c - a .lorlint.yml: YAML, its keys, levels, and the ignore globs it sets.
 *
 * A rejected file must say where and why; an accepted one is asked whether
 * a few paths are ignored, which runs its globs.
 */
#include "fuzz.h"

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = { "letter.txt", "drafts/old/a.md", "./x/.hidden.txt", "" };
	lor_config *c = NULL;
	lor_error err;
	size_t i;

	memset(&err, 0, sizeof(err));
	if (lor_config__parse(&c, "repo/.lorlint.yml", (const char *)data, size, &err)) {
		if (err.code == LOR_OK || !err.message[0] || strcmp(err.path, "repo/.lorlint.yml"))
			abort();
		return 0;
	}
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		lor_config_ignored(c, paths[i]);
	lor_config_free(c);
	return 0;
}
