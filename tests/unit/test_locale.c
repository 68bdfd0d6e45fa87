/* test_locale.c - a program that links the library and sets a comma-decimal locale gets the same reports.
 *
 * The lorlint command never calls setlocale, but a program using the library
 * may call setlocale(LC_ALL, "") under de_DE, where strtod reads "0.6" as 0
 * and printf writes "0,6". Rule files (min_confidence: 0.6) and every report
 * format must not change: the same letters are checked and written in the
 * "C" locale, then again with the rules reloaded under de_DE.UTF-8.
 * The locale must exist (Debian: localedef -i de_DE -f UTF-8 de_DE.UTF-8;
 * .ci/run makes it); without it the test is skipped and says so.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <locale.h>

#include "harness.h"

static const char *const letters[] = {
	"corpus/mixed/06-portuguese-paragraph.txt", "corpus/mixed/05-vietnamese-brazilian-names.txt",
	"corpus/strong/01-cmio-sepsis.txt", "corpus/weak/01-hedged-think-well.txt", "tests/fixtures/letters/faint.txt",
};

/* Every format of every letter, checked with freshly loaded built-in rules. */
static char *all_reports(void)
{
	const char *const *formats = lor_reporter_formats();
	lor_ruleset *rs = h_rules(NULL);
	char *out = NULL;
	size_t len = 0, f, i;
	FILE *fp = open_memstream(&out, &len);

	assert_non_null(fp);
	for (f = 0; formats[f]; f++) {
		lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
		lor_reporter *rep = NULL;
		lor_error err;

		/* docx and odt write a reviewed copy of one letter, not a report of five */
		if (!strcmp(formats[f], "docx") || !strcmp(formats[f], "odt"))
			continue;
		o.rules = rs;
		o.as_of = "2026-11-27";
		assert_int_equal(lor_reporter_new(&rep, formats[f], fp, &o, &err), LOR_OK);
		for (i = 0; i < sizeof(letters) / sizeof(letters[0]); i++) {
			lor_document *doc = NULL;
			lor_report *r;

			if (lor_document_read(&doc, letters[i], &err))
				fail_msg("%s: %s", letters[i], err.message);
			r = h_check(rs, doc);
			assert_int_equal(lor_reporter_file(rep, r), LOR_OK);
			lor_report_free(r);
			lor_document_free(doc);
		}
		assert_int_equal(lor_reporter_finish(rep), LOR_OK);
		lor_reporter_free(rep);
	}
	fclose(fp);
	lor_ruleset_free(rs);
	return out;
}

static void test_comma_locale(void **state)
{
	static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8" };
	char *c_reports, *de_reports;
	const char *got = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]) && !got; i++)
		got = setlocale(LC_ALL, names[i]);
	if (!got) {
		print_message("SKIP: no de_DE.UTF-8 locale (make it: localedef -i de_DE -f UTF-8 de_DE.UTF-8)\n");
		skip();
	}
	setlocale(LC_ALL, "C");
	c_reports = all_reports();
	assert_non_null(setlocale(LC_ALL, names[i - 1]));
	assert_string_equal(localeconv()->decimal_point, ",");
	de_reports = all_reports();
	setlocale(LC_ALL, "C");
	assert_string_equal(de_reports, c_reports);
	free(c_reports);
	free(de_reports);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comma_locale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
