/* fuzz_suppress.c - suppression comments in a Markdown letter, over a small rule set that fires often.
 *
 * The fixture rules of tests/fixtures/rules/ok (run from the repository's
 * root) make findings in short texts, so the comments <!-- lorlint off -->,
 * <!-- lorlint disable fx.Faint --> and their partners have something to
 * silence. Whatever is kept must keep the span property of fuzz.h.
 */
#include "fuzz.h"

static lor_ruleset *fixture_rules;

/* The fixture rule set, loaded once (before the first input, see FUZZ_INIT). */
static const lor_ruleset *fixture(void)
{
	if (!fixture_rules) {
		lor_ruleset_options ro = LOR_RULESET_OPTIONS_INIT;
		const char *dirs[] = { "tests/fixtures/rules/ok" };
		lor_error err;

		ro.builtin = 0;
		ro.dirs = dirs;
		ro.ndirs = 1;
		if (lor_ruleset_load(&fixture_rules, &ro, &err)) {
			fprintf(stderr, "fuzz_suppress: run from the repository's root: %s\n", err.message);
			abort();
		}
		fuzz_ruleset = fixture_rules; /* freed by the plain main() */
	}
	return fixture_rules;
}

FUZZ_INIT(fixture())

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lor_document *doc;
	lor_report *report = fuzz_check_letter(fixture(), "fuzz.md", data, size, &doc);

	lor_report_free(report);
	lor_document_free(doc);
	return 0;
}
