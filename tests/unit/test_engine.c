/* test_engine.c - checking documents: each rule kind, exceptions, unless, scoring, reports. */
#define _GNU_SOURCE
#include <jansson.h>

#include "harness.h"

static lor_ruleset *kinds(void)
{
	const char *dirs[] = { "tests/fixtures/rules/kinds" };
	lor_ruleset_options opts = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;

	opts.dirs = dirs;
	opts.ndirs = 1; /* built-in rules and profiles too: scoring uses residency */
	assert_int_equal(lor_ruleset_load(&rs, &opts, &err), LOR_OK);
	return rs;
}

static size_t count_rule(const lor_report *r, const char *id, const lor_finding **last)
{
	size_t i, n = 0;

	for (i = 0; i < lor_report_finding_count(r); i++)
		if (!strcmp(lor_report_finding(r, i)->rule, id)) {
			n++;
			if (last)
				*last = lor_report_finding(r, i);
		}
	return n;
}

static void test_kinds_on_text(void **state)
{
	lor_ruleset *rs = kinds();
	lor_document *doc = h_doc("She is hard-working and a team player.\n\n"
	                          "Last year she designed a sepsis\ndashboard for the unit. "
	                          "Maybe it seems fine.");
	lor_report *r = h_check(rs, doc);
	const lor_finding *f = NULL;
	const char *by;

	(void)state;
	/* substitution: two swaps, message with both %s */
	assert_int_equal(count_rule(r, "k.Swap", &f), 2);
	assert_string_equal(f->message, "write 'who <did what with whom>' instead of 'team player'");
	/* cooccurrence over a line break inside one sentence */
	assert_int_equal(count_rule(r, "k.Evidence", &f), 1);
	assert_int_equal(f->span.line, 3);
	assert_true(lor_report_signal(r, LOR_SIG_CONCRETE_INFORMATICS_EXAMPLE, &by));
	assert_string_equal(by, "k.Evidence");
	/* occurrence: no ranking -> one finding, signal false but decided */
	assert_int_equal(count_rule(r, "k.Ranking", &f), 1);
	assert_string_equal(f->message, "no comparison with peers (0 found)");
	assert_false(lor_report_signal(r, LOR_SIG_COMPARATIVE_RANKING, &by));
	assert_string_equal(by, "k.Ranking");
	/* metric density: 2 hedges in 21 words > 5 per 100 */
	assert_int_equal(count_rule(r, "k.Hedges", &f), 1);
	assert_string_equal(f->message, "hedge density 9.5 per 100 words");
	/* metric words: 21 words, above min 10 */
	assert_int_equal(count_rule(r, "k.Short", NULL), 0);
	assert_int_equal(lor_report_words(r), 21);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void test_window_exceptions_unless(void **state)
{
	lor_ruleset *rs = kinds();
	/* the artefact and the action in adjacent sentences: window 2 */
	lor_document *d1 = h_doc("The registry was new. She built its import. I recommend her.");
	/* "not among the top" is an exception; the bare recommendation is then flagged */
	lor_document *d2 = h_doc("She is not in the top 10% of residents. I recommend her.");
	/* a favourable ranking: the bare recommendation rule is skipped (unless) */
	lor_document *d3 = h_doc("She is in the top 5% of residents. I recommend her.");
	lor_report *r1 = h_check(rs, d1), *r2 = h_check(rs, d2), *r3 = h_check(rs, d3);

	(void)state;
	assert_int_equal(count_rule(r1, "k.Evidence", NULL), 1);
	assert_false(lor_report_signal(r2, LOR_SIG_COMPARATIVE_RANKING, NULL));
	assert_int_equal(count_rule(r2, "k.BareRecommend", NULL), 1);
	assert_true(lor_report_signal(r3, LOR_SIG_COMPARATIVE_RANKING, NULL));
	assert_int_equal(count_rule(r3, "k.BareRecommend", NULL), 0);
	assert_int_equal(count_rule(r3, "k.Short", NULL), 0);
	lor_report_free(r1);
	lor_report_free(r2);
	lor_report_free(r3);
	lor_document_free(d1);
	lor_document_free(d2);
	lor_document_free(d3);
	lor_ruleset_free(rs);
}

static void test_spaces_in_tokens(void **state)
{
	/* spaces in lookbehinds stay literal; elsewhere a space (or two) matches
	 * any white space, line breaks included */
	lor_ruleset *rs = kinds();
	lor_document *doc = h_doc("She is alert. The new alerts fired. A sepsis\nbundle too.");
	lor_report *r = h_check(rs, doc);
	const lor_finding *f = NULL;

	(void)state;
	assert_int_equal(count_rule(r, "k.Behind", &f), 2);
	assert_int_equal(f->span.line, 1);     /* starts at "sepsis" */
	assert_int_equal(f->span.end_line, 2); /* ends at "bundle" */
	assert_string_equal(f->message, "'sepsis bundle' is an alert");
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void test_scoring_is_explained(void **state)
{
	lor_ruleset *rs = kinds();
	lor_document *doc = h_doc("Top 5% of all residents I have known.");
	lor_report *r = h_check(rs, doc);
	int sc, mx, sum = 0, c;
	size_t i;

	(void)state;
	assert_string_equal(lor_report_profile(r), "residency");
	for (c = 0; c < LOR_CAT_COUNT; c++) {
		lor_report_category(r, (lor_category)c, &sc, &mx);
		assert_true(sc >= 0 && sc <= mx);
		sum += sc;
	}
	assert_int_equal(sum, lor_report_score(r));
	assert_true(lor_report_reason_count(r) > 0);
	for (i = 0; i < lor_report_reason_count(r); i++)
		assert_non_null(lor_report_reason(r, i)->reason);
	assert_null(lor_report_reason(r, lor_report_reason_count(r)));
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void test_share_metric_and_profiles(void **state)
{
	lor_ruleset *rs = kinds();
	/* three paragraphs of 5+ words, one about informatics: 33% < 50%;
	 * the short salutation does not count */
	lor_document *doc = h_doc("Dear committee,\n\nShe built the sepsis dashboard last spring.\n\n"
	                          "She is kind to every patient she meets.\n\n"
	                          "She teaches the students every single week.\n");
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_report *r = NULL;
	const lor_finding *f = NULL;
	lor_error err;

	(void)state;
	o.profile = "fellowship";
	assert_int_equal(lor_check(&r, rs, doc, &o, &err), LOR_OK);
	assert_int_equal(count_rule(r, "k.Focus", &f), 1);
	assert_string_equal(f->message, "only 33.3% of the paragraphs speak of informatics");
	lor_report_free(r);
	/* profiles: [fellowship] - the rule does not run under residency */
	r = h_check(rs, doc);
	assert_int_equal(count_rule(r, "k.Focus", NULL), 0);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void test_ambiguous_letter_date_reads_us_style(void **state)
{
	/* The contract: an ambiguous numeric date is read month-first, even
	 * when that puts it after the reference date (then FutureDate says so
	 * and AmbiguousDate asks for the month in words). */
	lor_ruleset *rs = kinds();
	lor_document *d1 = h_doc("Dear Committee,\n\nText.\n\nYours faithfully,\nDr. Paul Okafor\nDate: 12/10/2026\n");
	lor_report *r1 = h_check(rs, d1);
	int y, m, d;

	(void)state;
	assert_int_equal(lor_report_letter_date(r1, &y, &m, &d), 1);
	assert_int_equal(y * 10000 + m * 100 + d, 20261210);
	assert_int_equal(count_rule(r1, "lorlint.FutureDate", NULL), 1);
	assert_int_equal(count_rule(r1, "lorlint.AmbiguousDate", NULL), 1);
	lor_report_free(r1);
	lor_document_free(d1);
	lor_ruleset_free(rs);
}

static void test_month_only_letter_date(void **state)
{
	/* A letter dated "October 2026" has no day: none is invented. */
	lor_ruleset *rs = kinds();
	lor_document *doc = h_doc("October 2026\n\nDear Committee,\n\nText.\n");
	lor_report *r = h_check(rs, doc);
	int y, m, d;
	char iso[16];

	(void)state;
	assert_int_equal(lor_report_letter_date(r, &y, &m, &d), 1);
	assert_int_equal(y * 10000 + m * 100 + d, 20261000);
	assert_string_equal(lor_report_letter_date_iso(r, iso, sizeof(iso)), "2026-10");
	assert_null(lor_report_letter_date_iso(r, iso, 4)); /* too small a buffer */
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void test_unknown_profile(void **state)
{
	lor_ruleset *rs = kinds();
	lor_document *doc = h_doc("Text.");
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_report *r = NULL;
	lor_error err;

	(void)state;
	o.profile = "astronaut";
	assert_int_equal(lor_check(&r, rs, doc, &o, &err), LOR_ENOTFOUND);
	assert_null(r);
	assert_string_equal(err.message, "unknown profile 'astronaut'");
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static json_t *render(const lor_report *r, int redact, const char *format, char **text)
{
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	lor_reporter *rep = NULL;
	lor_error err, ferr;
	size_t len;
	FILE *fp = open_memstream(text, &len);
	json_t *doc;
	json_error_t jerr;

	o.redact = redact;
	o.as_of = "2026-11-27";
	assert_int_equal(lor_reporter_new(&rep, format, fp, &o, &err), LOR_OK);
	assert_int_equal(lor_reporter_file(rep, r), LOR_OK);
	memset(&ferr, 0, sizeof(ferr));
	snprintf(ferr.path, sizeof(ferr.path), "broken.txt");
	snprintf(ferr.message, sizeof(ferr.message), "binary file, not text");
	assert_int_equal(lor_reporter_error(rep, &ferr), LOR_OK);
	assert_int_equal(lor_reporter_finish(rep), LOR_OK);
	lor_reporter_free(rep);
	fclose(fp);
	if (strcmp(format, "json"))
		return NULL;
	doc = json_loads(*text, 0, &jerr);
	if (!doc)
		fail_msg("invalid JSON: %s at %d:%d\n%s", jerr.text, jerr.line, jerr.column, *text);
	return doc;
}

static void test_json_report_has_every_field(void **state)
{
	lor_ruleset *rs = kinds();
	lor_document *doc = h_doc("She is a \"team player\".\n");
	lor_report *r = h_check(rs, doc);
	char *text = NULL;
	json_t *j = render(r, 0, "json", &text), *file, *f, *sig;
	const char *keys[] = { "path", "words", "letter_date", "score", "verdict", "signals",
		               "categories", "languages", "findings", NULL };
	const char *fkeys[] = { "rule", "category", "level", "line", "column", "end_line", "end_column",
		                "offset", "length", "excerpt", "message", "fix", NULL };
	size_t i;
	int c;

	(void)state;
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "tool"), "name")), "lorlint");
	assert_string_equal(json_string_value(json_object_get(j, "as_of")), "2026-11-27");
	assert_string_equal(json_string_value(json_object_get(j, "profile")), "residency");
	file = json_array_get(json_object_get(j, "files"), 0);
	for (i = 0; keys[i]; i++)
		if (!json_object_get(file, keys[i]))
			fail_msg("file object lacks '%s'", keys[i]);
	assert_true(json_is_null(json_object_get(file, "letter_date")));
	sig = json_object_get(file, "signals");
	for (c = 0; c < LOR_SIG_COUNT; c++)
		assert_true(json_is_boolean(json_object_get(sig, lor_signal_name((lor_signal)c))));
	for (c = 0; c < LOR_CAT_COUNT; c++)
		assert_non_null(json_object_get(json_object_get(json_object_get(file, "categories"),
		                                                lor_category_name((lor_category)c)), "max"));
	f = NULL;
	for (i = 0; i < json_array_size(json_object_get(file, "findings")); i++) {
		json_t *x = json_array_get(json_object_get(file, "findings"), i);

		if (!strcmp(json_string_value(json_object_get(x, "rule")), "k.Swap"))
			f = x;
	}
	assert_non_null(f);
	for (i = 0; fkeys[i]; i++)
		if (!json_object_get(f, fkeys[i]))
			fail_msg("finding lacks '%s'", fkeys[i]);
	assert_string_equal(json_string_value(json_object_get(f, "excerpt")), "team player");
	assert_int_equal(json_integer_value(json_object_get(f, "offset")), 10);
	assert_int_equal(json_integer_value(json_object_get(f, "length")), 11);
	assert_int_equal(json_integer_value(json_object_get(f, "column")), 11);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j, "errors"), 0),
	                                                      "message")), "binary file, not text");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "summary"), "errors")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "summary"), "files")), 1);
	json_decref(j);
	free(text);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void test_redaction_keeps_text_out(void **state)
{
	lor_ruleset *rs = kinds();
	/* k.Name matches the invented word; only the letter holds it */
	lor_document *doc = h_doc("Zanzibarian is a team player.\n");
	lor_report *r = h_check(rs, doc);
	const char *formats[] = { "json", "text" };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		char *text = NULL;
		json_t *j = render(r, 1, formats[i], &text);

		assert_null(strstr(text, "Zanzibar"));
		assert_null(strstr(text, "anzibari"));
		assert_non_null(strstr(text, "[redacted]"));
		json_decref(j);
		free(text);
	}
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

/* skip_facts leaves out the fact rules (they serve the letter-set judgement
 * only) and nothing else: the same findings, signals and score, no facts.
 * Options of version 1 (without the field) still give the facts. */
static void test_skip_facts(void **state)
{
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_report *with = NULL, *without = NULL, *v1 = NULL;
	lor_document *doc = NULL;
	lor_ruleset *rs;
	lor_error err;
	size_t i;

	(void)state;
	assert_int_equal(lor_document_read(&doc, "corpus/strong/01-cmio-sepsis.txt", &err), LOR_OK);
	rs = h_rules(NULL);
	o.as_of_year = 2026;
	o.as_of_month = 11;
	o.as_of_day = 27;
	assert_int_equal(lor_check(&with, rs, doc, &o, &err), LOR_OK);
	o.skip_facts = 1;
	assert_int_equal(lor_check(&without, rs, doc, &o, &err), LOR_OK);
	o.version = 1;
	o.skip_facts = 0;
	assert_int_equal(lor_check(&v1, rs, doc, &o, &err), LOR_OK);
	assert_true(lor_report_fact_count(with) > 0);
	assert_int_equal(lor_report_fact_count(without), 0);
	assert_int_equal(lor_report_fact_count(v1), lor_report_fact_count(with));
	assert_int_equal(lor_report_score(with), lor_report_score(without));
	assert_int_equal(lor_report_finding_count(with), lor_report_finding_count(without));
	for (i = 0; i < LOR_SIG_COUNT; i++)
		assert_int_equal(lor_report_signal(with, (lor_signal)i, NULL), lor_report_signal(without, (lor_signal)i, NULL));
	lor_report_free(with);
	lor_report_free(without);
	lor_report_free(v1);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds_on_text),
		cmocka_unit_test(test_window_exceptions_unless),
		cmocka_unit_test(test_spaces_in_tokens),
		cmocka_unit_test(test_scoring_is_explained),
		cmocka_unit_test(test_share_metric_and_profiles),
		cmocka_unit_test(test_ambiguous_letter_date_reads_us_style),
		cmocka_unit_test(test_month_only_letter_date),
		cmocka_unit_test(test_unknown_profile),
		cmocka_unit_test(test_json_report_has_every_field),
		cmocka_unit_test(test_redaction_keeps_text_out),
		cmocka_unit_test(test_skip_facts),
	};

	return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}
