/* test_sarif.c - the sarif and summary reporters: SARIF 2.1.0 structure, URIs, redaction, summary rows.
 *
 * Reports are rendered into memory (open_memstream) and, for SARIF, parsed
 * back with jansson, so the checks are about the document a SARIF consumer
 * (GitHub code scanning) reads, not about its byte layout; the exact bytes
 * are pinned by the transcripts in tests/cli/formats.t. Structural checks use
 * the built-in rules, which grow over time; checks of exact values use the
 * small fixture rule set tests/fixtures/rules/ok.
 */
#define _GNU_SOURCE
#include <jansson.h>
#include <unistd.h>

#include "harness.h"

static lor_ruleset *load(int builtin, const char *dir)
{
	lor_ruleset_options opts = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;

	opts.builtin = builtin;
	opts.dirs = dir ? &dir : NULL;
	opts.ndirs = dir ? 1 : 0;
	assert_int_equal(lor_ruleset_load(&rs, &opts, &err), LOR_OK);
	return rs;
}

static lor_document *doc_at(const char *path, const char *text)
{
	lor_document *doc = NULL;
	lor_error err;

	assert_int_equal(lor_document_new(&doc, path, text, strlen(text), &err), LOR_OK);
	return doc;
}

/* Render reports (n of them) and, when with_error, one file error, in the
 * given format; returns the text (caller frees). */
static char *render(const char *format, const lor_output_options *o, lor_report *const *reports,
                    size_t n, int with_error)
{
	lor_reporter *rep = NULL;
	lor_error err;
	char *text = NULL;
	size_t len, i;
	FILE *fp = open_memstream(&text, &len);

	assert_non_null(fp);
	assert_int_equal(lor_reporter_new(&rep, format, fp, o, &err), LOR_OK);
	for (i = 0; i < n; i++)
		assert_int_equal(lor_reporter_file(rep, reports[i]), LOR_OK);
	if (with_error) {
		lor_error fe;

		memset(&fe, 0, sizeof(fe));
		fe.code = LOR_EINPUT;
		snprintf(fe.path, sizeof(fe.path), "broken.txt");
		fe.line = 1;
		fe.column = 12;
		snprintf(fe.message, sizeof(fe.message), "invalid UTF-8 (byte 0xFF at offset 11)");
		assert_int_equal(lor_reporter_error(rep, &fe), LOR_OK);
	}
	assert_int_equal(lor_reporter_finish(rep), LOR_OK);
	lor_reporter_free(rep);
	fclose(fp);
	return text;
}

static json_t *parse(const char *text)
{
	json_error_t jerr;
	json_t *j = json_loads(text, 0, &jerr);

	if (!j)
		fail_msg("invalid JSON: %s at %d:%d\n%s", jerr.text, jerr.line, jerr.column, text);
	return j;
}

static json_t *at(json_t *j, const char *path)
{
	char key[64];
	const char *p = path;

	while (j && *p) {
		size_t n = strcspn(p, ".");

		snprintf(key, sizeof(key), "%.*s", (int)n, p);
		if (key[0] >= '0' && key[0] <= '9')
			j = json_array_get(j, strtoul(key, NULL, 10));
		else
			j = json_object_get(j, key);
		p += n + (p[n] == '.');
	}
	if (!j)
		fail_msg("no '%s' in the SARIF document", path);
	return j;
}

static const char *str(json_t *j, const char *path)
{
	json_t *v = at(j, path);

	if (!json_is_string(v))
		fail_msg("'%s' is not a string", path);
	return json_string_value(v);
}

static long long num(json_t *j, const char *path)
{
	json_t *v = at(j, path);

	if (!json_is_integer(v))
		fail_msg("'%s' is not an integer", path);
	return json_integer_value(v);
}

static int is_level(const char *s)
{
	return !strcmp(s, "error") || !strcmp(s, "warning") || !strcmp(s, "note");
}

/* Every result names a rule of driver.rules by id and index, has a SARIF
 * level, a message and a relative location with a region. Returns the
 * number of results. */
static size_t check_results(json_t *run)
{
	json_t *rules = at(run, "tool.driver.rules"), *results = at(run, "results"), *res;
	size_t i;

	assert_true(json_is_array(results));
	json_array_foreach(results, i, res) {
		const char *id = str(res, "ruleId"), *uri;
		long long ix = num(res, "ruleIndex");
		json_t *region = at(res, "locations.0.physicalLocation.region");

		assert_true(ix >= 0 && (size_t)ix < json_array_size(rules));
		assert_string_equal(str(json_array_get(rules, (size_t)ix), "id"), id);
		assert_true(is_level(str(res, "level")));
		assert_true(strlen(str(res, "message.text")) > 0);
		uri = str(res, "locations.0.physicalLocation.artifactLocation.uri");
		assert_true(uri[0] && uri[0] != '/' && !strstr(uri, "://"));
		assert_true(num(region, "startLine") >= 1 && num(region, "startColumn") >= 1);
		assert_true(num(region, "endLine") >= num(region, "startLine"));
		assert_true(num(region, "endLine") > num(region, "startLine") ||
		            num(region, "endColumn") >= num(region, "startColumn"));
		assert_true(num(region, "byteOffset") >= 0 && num(region, "byteLength") >= 0);
	}
	return json_array_size(results);
}

static void test_structure_with_builtin_rules(void **state)
{
	lor_ruleset *rs = load(1, NULL);
	lor_document *doc = doc_at("letters/hedged.txt",
	                           "Dear committee,\n\nI think she will do well in your program. "
	                           "We had no complaints.\n");
	lor_report *r = h_check(rs, doc);
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text;
	json_t *j, *run, *rules, *rule, *res;
	size_t i, hedges = 0;

	(void)state;
	o.rules = rs;
	text = render("sarif", &o, &r, 1, 1);
	j = parse(text);
	assert_string_equal(str(j, "version"), "2.1.0");
	assert_non_null(strstr(str(j, "$schema"), "sarif-2.1.0"));
	assert_int_equal(json_array_size(at(j, "runs")), 1);
	run = at(j, "runs.0");
	assert_string_equal(str(run, "tool.driver.name"), "lorlint");
	assert_string_equal(str(run, "tool.driver.version"), LOR_VERSION);
	assert_string_equal(str(run, "columnKind"), "unicodeCodePoints");
	/* every rule of the set is described, in the set's order */
	rules = at(run, "tool.driver.rules");
	assert_int_equal(json_array_size(rules), lor_ruleset_count(rs));
	json_array_foreach(rules, i, rule) {
		lor_rule_info ri;

		assert_int_equal(lor_ruleset_rule(rs, i, &ri), LOR_OK);
		assert_string_equal(str(rule, "id"), ri.id);
		assert_non_null(strstr(ri.id, str(rule, "name")));
		assert_true(strlen(str(rule, "shortDescription.text")) > 0);
		assert_true(strlen(str(rule, "fullDescription.text")) > 0);
		assert_true(strlen(str(rule, "help.text")) > 0);
		assert_true(is_level(str(rule, "defaultConfiguration.level")));
		assert_string_equal(str(rule, "properties.category"), ri.category);
		if (ri.description)
			assert_string_equal(str(rule, "fullDescription.text"), ri.description);
		if (ri.fix)
			assert_non_null(strstr(str(rule, "help.text"), ri.fix));
		if (ri.source)
			assert_non_null(strstr(str(rule, "help.text"), ri.source));
	}
	assert_true(check_results(run) > 0);
	json_array_foreach(at(run, "results"), i, res) {
		if (strcmp(str(res, "ruleId"), "lorlint.HedgedEndorsement"))
			continue;
		hedges++;
		assert_string_equal(str(res, "level"), "warning");
		assert_string_equal(str(res, "locations.0.physicalLocation.artifactLocation.uri"),
		                    "letters/hedged.txt");
	}
	assert_true(hedges >= 1); /* "I think she will do well" at least; the rule set may change */
	/* the file error is a notification, and the run did not fully succeed */
	assert_true(json_is_false(at(run, "invocations.0.executionSuccessful")));
	assert_string_equal(str(run, "invocations.0.toolExecutionNotifications.0.level"), "error");
	assert_string_equal(str(run, "invocations.0.toolExecutionNotifications.0.message.text"),
	                    "invalid UTF-8 (byte 0xFF at offset 11)");
	assert_string_equal(str(run, "invocations.0.toolExecutionNotifications.0.locations.0."
	                             "physicalLocation.artifactLocation.uri"), "broken.txt");
	assert_int_equal(num(run, "invocations.0.toolExecutionNotifications.0.locations.0."
	                          "physicalLocation.region.startColumn"), 12);
	json_decref(j);
	free(text);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

/* Exact values against the fixture rules: levels mapped, regions in code
 * points and bytes, a zero-length region for an absence finding. */
static void test_exact_regions(void **state)
{
	lor_ruleset *rs = load(0, "tests/fixtures/rules/ok");
	/* "é" is two bytes, one column: columns and byte offsets part ways */
	lor_document *doc = doc_at("faint.txt", "Dr. Ana Ruiz \xC3\xA9 met expectations.\n");
	lor_report *r = h_check(rs, doc);
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text;
	json_t *j, *run, *res;

	(void)state;
	o.rules = rs;
	text = render("sarif", &o, &r, 1, 0);
	j = parse(text);
	run = at(j, "runs.0");
	assert_int_equal(check_results(run), 2);
	/* fx.Endorse (error, occurrence min 1): nothing to point at, so an
	 * insertion point at the start */
	res = at(run, "results.0");
	assert_string_equal(str(res, "ruleId"), "fx.Endorse");
	assert_string_equal(str(res, "level"), "error");
	assert_string_equal(str(res, "message.text"), "no explicit recommendation (found 0)");
	assert_int_equal(num(res, "locations.0.physicalLocation.region.startColumn"), 1);
	assert_int_equal(num(res, "locations.0.physicalLocation.region.endColumn"), 1);
	assert_int_equal(num(res, "locations.0.physicalLocation.region.byteLength"), 0);
	res = at(run, "results.1");
	assert_string_equal(str(res, "ruleId"), "fx.Faint");
	assert_string_equal(str(res, "level"), "warning");
	assert_string_equal(str(res, "message.text"), "'met expectations' is faint praise");
	assert_int_equal(num(res, "locations.0.physicalLocation.region.startLine"), 1);
	assert_int_equal(num(res, "locations.0.physicalLocation.region.startColumn"), 16);
	assert_int_equal(num(res, "locations.0.physicalLocation.region.endColumn"), 32);
	assert_int_equal(num(res, "locations.0.physicalLocation.region.byteOffset"), 16);
	assert_int_equal(num(res, "locations.0.physicalLocation.region.byteLength"), 16);
	assert_string_equal(str(run, "tool.driver.rules.0.defaultConfiguration.level"), "error");
	assert_string_equal(str(run, "tool.driver.rules.1.defaultConfiguration.level"), "warning");
	assert_string_equal(str(run, "tool.driver.rules.1.properties.signal"), "vague_endorsement");
	assert_true(json_is_true(at(run, "invocations.0.executionSuccessful")));
	assert_null(json_object_get(at(run, "invocations.0"), "toolExecutionNotifications"));
	json_decref(j);
	free(text);
	/* --min-level error drops the warning */
	o.min_level = LOR_LEVEL_ERROR;
	text = render("sarif", &o, &r, 1, 0);
	j = parse(text);
	assert_int_equal(check_results(at(j, "runs.0")), 1);
	assert_string_equal(str(j, "runs.0.results.0.ruleId"), "fx.Endorse");
	json_decref(j);
	free(text);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void test_redaction_keeps_text_out(void **state)
{
	lor_ruleset *rs = load(1, NULL);
	lor_document *doc = doc_at("zanzibar.txt", "Dr. Zanzibar Quill met expectations. "
	                                           "I believe that he would do okay.\n");
	lor_report *r = h_check(rs, doc);
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text, *results;
	json_t *j;

	(void)state;
	o.rules = rs;
	text = render("sarif", &o, &r, 1, 0);
	j = parse(text);
	results = json_dumps(at(j, "runs.0.results"), 0);
	/* the messages quote the letter... */
	assert_non_null(strstr(results, "met expectations"));
	assert_non_null(strstr(results, "he would do okay"));
	free(results);
	json_decref(j);
	free(text);
	/* ...but not when redacted. The rules' own descriptions may quote
	 * examples of the phrases they flag, so the phrases are looked for in
	 * the results, and the letter's unique names everywhere. */
	o.redact = 1;
	text = render("sarif", &o, &r, 1, 0);
	j = parse(text);
	assert_true(check_results(at(j, "runs.0")) >= 2);
	results = json_dumps(at(j, "runs.0.results"), 0);
	assert_null(strstr(results, "met expectations"));
	assert_null(strstr(results, "he would do okay"));
	assert_non_null(strstr(results, "[redacted]"));
	assert_null(strstr(text, "Zanzibar"));
	assert_null(strstr(text, "Quill"));
	free(results);
	json_decref(j);
	free(text);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

/* The URI of a letter with the given path. */
static char *uri_of(const lor_ruleset *rs, const char *path)
{
	lor_document *doc = doc_at(path, "We had no complaints.\n");
	lor_report *r = h_check(rs, doc);
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text = render("sarif", &o, &r, 1, 0), *uri;
	json_t *j = parse(text);
	json_t *loc = at(j, "runs.0.results.0.locations.0.physicalLocation.artifactLocation");

	uri = strdup(str(loc, "uri"));
	/* relative references say what they are relative to; stdin and file://
	 * URIs are not repository files */
	if (strcmp(uri, "stdin") && strncmp(uri, "file://", 7))
		assert_string_equal(str(loc, "uriBaseId"), "%SRCROOT%");
	else
		assert_null(json_object_get(loc, "uriBaseId"));
	json_decref(j);
	free(text);
	lor_report_free(r);
	lor_document_free(doc);
	return uri;
}

static void test_uris(void **state)
{
	lor_ruleset *rs = load(0, "tests/fixtures/rules/ok");
	char cwd[4096], path[4200], *u;
	size_t i;
	struct {
		const char *path, *uri;
	} cases[] = {
		{ "letters/a.txt", "letters/a.txt" },
		{ "./letters/./a.txt", "letters/./a.txt" }, /* one spelling of the start */
		{ "../up/a.txt", "../up/a.txt" },
		{ "-", "stdin" },
		{ "some dir/50% \xC3\xA9t\xC3\xA9:1#?.txt", "some%20dir/50%25%20%C3%A9t%C3%A9%3A1%23%3F.txt" },
		{ "/nonexistent-root/x y.txt", "file:///nonexistent-root/x%20y.txt" },
	};

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		u = uri_of(rs, cases[i].path);
		assert_string_equal(u, cases[i].uri);
		free(u);
	}
	/* an absolute path under the working directory becomes relative to it */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	snprintf(path, sizeof(path), "%s/tests/fixtures/letters/faint.txt", cwd);
	u = uri_of(rs, path);
	assert_string_equal(u, "tests/fixtures/letters/faint.txt");
	free(u);
	snprintf(path, sizeof(path), "%s//deep/x.txt", cwd);
	u = uri_of(rs, path);
	assert_string_equal(u, "deep/x.txt");
	free(u);
	/* a sibling directory sharing the prefix is not under it */
	snprintf(path, sizeof(path), "%sx/y.txt", cwd);
	u = uri_of(rs, path);
	assert_int_equal(strncmp(u, "file:///", 8), 0);
	free(u);
	lor_ruleset_free(rs);
}

/* Library callers need not pass a rule set: the rules are then described
 * as findings name them, and the document is still well formed. */
static void test_without_a_rule_set(void **state)
{
	lor_ruleset *rs = load(0, "tests/fixtures/rules/ok");
	lor_document *d1 = doc_at("a.txt", "We had no complaints. She met expectations.\n");
	lor_document *d2 = doc_at("b.txt", "I recommend her without reservation.\n");
	lor_report *r[2];
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text;
	json_t *j, *rules;

	(void)state;
	r[0] = h_check(rs, d1);
	r[1] = h_check(rs, d2);
	text = render("sarif", &o, r, 2, 1);
	j = parse(text);
	assert_int_equal(check_results(at(j, "runs.0")), 3);
	rules = at(j, "runs.0.tool.driver.rules");
	assert_int_equal(json_array_size(rules), 2); /* each rule once */
	assert_string_equal(str(rules, "0.id"), "fx.Endorse");
	assert_string_equal(str(rules, "0.name"), "Endorse");
	assert_string_equal(str(rules, "0.defaultConfiguration.level"), "error");
	assert_string_equal(str(rules, "1.properties.category"), "tone");
	assert_true(json_is_false(at(j, "runs.0.invocations.0.executionSuccessful")));
	json_decref(j);
	free(text);
	lor_report_free(r[0]);
	lor_report_free(r[1]);
	lor_document_free(d1);
	lor_document_free(d2);
	lor_ruleset_free(rs);
}

/* A finding whose rule is not in opts.rules (reports from another rule set)
 * names its rule by id alone: SARIF allows it, an index would lie. */
static void test_foreign_rule_has_no_index(void **state)
{
	lor_ruleset *fx = load(0, "tests/fixtures/rules/ok"), *kinds = load(0, "tests/fixtures/rules/kinds");
	lor_document *doc = doc_at("a.txt", "We had no complaints.\n");
	lor_report *r = h_check(fx, doc);
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text;
	json_t *j, *res;
	size_t i;

	(void)state;
	o.rules = kinds;
	text = render("sarif", &o, &r, 1, 0);
	j = parse(text);
	assert_true(json_array_size(at(j, "runs.0.results")) > 0);
	json_array_foreach(at(j, "runs.0.results"), i, res) {
		assert_non_null(json_object_get(res, "ruleId"));
		assert_null(json_object_get(res, "ruleIndex"));
	}
	json_decref(j);
	free(text);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(fx);
	lor_ruleset_free(kinds);
}

static void test_empty_run(void **state)
{
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text = render("sarif", &o, NULL, 0, 0);
	json_t *j = parse(text);

	(void)state;
	assert_int_equal(json_array_size(at(j, "runs.0.results")), 0);
	assert_int_equal(json_array_size(at(j, "runs.0.tool.driver.rules")), 0);
	assert_true(json_is_true(at(j, "runs.0.invocations.0.executionSuccessful")));
	json_decref(j);
	free(text);
}

/* ------------------------------------------------------------- summary */

static void test_summary_rows(void **state)
{
	lor_ruleset *rs = load(0, "tests/fixtures/rules/ok");
	char longp[200];
	lor_document *d1, *d2;
	lor_report *r[2];
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text;

	(void)state;
	/* 100 columns of path: cut to 60, keeping the file name */
	memset(longp, 'd', sizeof(longp));
	memcpy(longp + 80, "/the-letter-name.txt", 21);
	d1 = doc_at(longp, "Dr. Zanzibar met expectations.\n");
	d2 = doc_at("new\nline.txt", "I recommend him without reservation.\n");
	r[0] = h_check(rs, d1);
	r[1] = h_check(rs, d2);
	text = render("summary", &o, r, 2, 1);
	assert_null(strstr(text, "Zanzibar"));
	assert_null(strstr(text, "expectations"));
	assert_string_equal(
		text,
		"PATH                                                          WORDS  SCORE  VERDICT   FAILED SIGNALS\n"
		"...ddddddddddddddddddddddddddddddddddddd/the-letter-name.txt      4      0  weak      "
		"explicit_endorsement, comparative_ranking, concrete_informatics_example, observation_context, vague_endorsement\n"
		"new?line.txt                                                      5      0  weak      "
		"comparative_ranking, concrete_informatics_example, observation_context\n"
		"broken.txt                                                    ERROR invalid UTF-8 (byte 0xFF at offset 11)\n"
		"2 letters checked: 0 strong, 0 moderate, 2 weak; 1 error; mean score 0.0\n");
	free(text);
	/* colour marks the verdict and errors, and leaves the columns alone */
	o.color = 1;
	text = render("summary", &o, &r[1], 1, 1);
	assert_string_equal(text,
	                    "\033[1mPATH          WORDS  SCORE  VERDICT   FAILED SIGNALS\033[0m\n"
	                    "new?line.txt      5      0  \033[31mweak\033[0m      "
	                    "comparative_ranking, concrete_informatics_example, observation_context\n"
	                    "broken.txt    \033[31mERROR\033[0m invalid UTF-8 (byte 0xFF at offset 11)\n"
	                    "1 letter checked: 0 strong, 0 moderate, 1 weak; 1 error; mean score 0.0\n");
	free(text);
	lor_report_free(r[0]);
	lor_report_free(r[1]);
	lor_document_free(d1);
	lor_document_free(d2);
	lor_ruleset_free(rs);
}

/* The mean is rounded half up to one decimal, without the C locale's help. */
static void test_summary_mean(void **state)
{
	lor_ruleset *rs = load(1, NULL);
	lor_document *d[3];
	lor_report *r[3];
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	char *text, expect[64];
	long sum = 0, tenths;
	size_t i;

	(void)state;
	d[0] = doc_at("a.txt", "I recommend her without reservation; she is the best of the 40 residents I "
	                       "have supervised.\n");
	d[1] = doc_at("b.txt", "I think she will do well.\n");
	d[2] = doc_at("c.txt", "She is hard-working.\n");
	for (i = 0; i < 3; i++) {
		r[i] = h_check(rs, d[i]);
		sum += lor_report_score(r[i]);
	}
	text = render("summary", &o, r, 3, 0);
	tenths = (sum * 20 + 3) / 6;
	snprintf(expect, sizeof(expect), "; 0 errors; mean score %ld.%ld\n", tenths / 10, tenths % 10);
	assert_non_null(strstr(text, expect));
	free(text);
	text = render("summary", &o, NULL, 0, 0);
	assert_string_equal(text, "0 letters checked: 0 strong, 0 moderate, 0 weak; 0 errors; mean score -\n");
	free(text);
	for (i = 0; i < 3; i++) {
		lor_report_free(r[i]);
		lor_document_free(d[i]);
	}
	lor_ruleset_free(rs);
}

static void test_formats_listed(void **state)
{
	const char *const *f = lor_reporter_formats();
	int sarif = 0, summary = 0;
	lor_reporter *rep = NULL;
	lor_error err;

	(void)state;
	for (; *f; f++) {
		sarif |= !strcmp(*f, "sarif");
		summary |= !strcmp(*f, "summary");
	}
	assert_true(sarif && summary);
	assert_int_equal(lor_reporter_new(&rep, "sarif2", stdout, NULL, &err), LOR_ENOTFOUND);
	assert_null(rep);
	assert_non_null(strstr(err.message, "sarif"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure_with_builtin_rules),
		cmocka_unit_test(test_exact_regions),
		cmocka_unit_test(test_redaction_keeps_text_out),
		cmocka_unit_test(test_uris),
		cmocka_unit_test(test_without_a_rule_set),
		cmocka_unit_test(test_foreign_rule_has_no_index),
		cmocka_unit_test(test_empty_run),
		cmocka_unit_test(test_summary_rows),
		cmocka_unit_test(test_summary_mean),
		cmocka_unit_test(test_formats_listed),
	};

	return cmocka_run_group_tests_name("sarif and summary", tests, NULL, NULL);
}
