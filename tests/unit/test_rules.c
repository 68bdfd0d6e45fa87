/* test_rules.c - loading rule sets: kinds, overrides, errors as values. */
#include "harness.h"

static lor_ruleset *load(const char *dir, int builtin, int expect)
{
	const char *dirs[1];
	lor_ruleset_options opts = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;
	char buf[2200];
	int rc;

	dirs[0] = dir;
	opts.builtin = builtin;
	opts.dirs = dirs;
	opts.ndirs = dir ? 1 : 0;
	rc = lor_ruleset_load(&rs, &opts, &err);
	if (rc != expect)
		fail_msg("load %s: %d (%s)", dir, rc, lor_error_format(&err, buf, sizeof(buf)));
	return rs;
}

static void test_builtin_load(void **state)
{
	lor_ruleset *rs = load(NULL, 1, LOR_OK);
	lor_rule_info info;
	const char *prev = "";
	size_t i;

	(void)state;
	assert_true(lor_ruleset_count(rs) > 0);
	assert_true(lor_ruleset_profile_count(rs) >= 1);
	assert_true(lor_ruleset_find(rs, "lorlint.HedgedEndorsement") >= 0);
	assert_true(lor_ruleset_find(rs, "LORLINT.hedgedendorsement") >= 0);
	assert_int_equal(lor_ruleset_find(rs, "lorlint.Nope"), -1);
	for (i = 0; i < lor_ruleset_count(rs); i++) {
		assert_int_equal(lor_ruleset_rule(rs, i, &info), LOR_OK);
		assert_non_null(info.id);
		assert_non_null(info.message);
		assert_int_equal(strncmp(info.path, "rules/", 6), 0);
		assert_true(strcmp(prev, info.id) < 0); /* sorted by id, no duplicates */
		prev = info.id;
	}
	assert_int_equal(lor_ruleset_rule(rs, lor_ruleset_count(rs), &info), LOR_EARG);
	lor_ruleset_free(rs);
	lor_ruleset_free(NULL);
}

static void test_override_replaces_builtin(void **state)
{
	lor_ruleset *base = load(NULL, 1, LOR_OK), *rs = load("tests/fixtures/rules/override", 1, LOR_OK);
	lor_rule_info info;
	long i = lor_ruleset_find(rs, "lorlint.HedgedEndorsement");

	(void)state;
	assert_int_equal(lor_ruleset_count(rs), lor_ruleset_count(base));
	assert_true(i >= 0);
	lor_ruleset_rule(rs, (size_t)i, &info);
	assert_string_equal(info.message, "overridden: %s");
	assert_string_equal(info.path, "tests/fixtures/rules/override/lorlint/HedgedEndorsement.yml");
	lor_ruleset_free(rs);
	lor_ruleset_free(base);
}

static void expect_error(const char *dir, int code, const char *formatted)
{
	const char *dirs[1];
	lor_ruleset_options opts = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;
	char buf[2200];

	dirs[0] = dir;
	opts.builtin = 0;
	opts.dirs = dirs;
	opts.ndirs = 1;
	assert_int_equal(lor_ruleset_load(&rs, &opts, &err), code);
	assert_null(rs);
	assert_string_equal(lor_error_format(&err, buf, sizeof(buf)), formatted);
}

static void test_errors_are_positioned(void **state)
{
	(void)state;
	expect_error("tests/fixtures/rules/bad-key", LOR_ERULE,
	             "tests/fixtures/rules/bad-key/fx/Typo.yml:3:1: error: unknown key 'tokns' (did you mean 'tokens'?)");
	expect_error("tests/fixtures/rules/bad-regex", LOR_ERULE,
	             "tests/fixtures/rules/bad-regex/fx/BadRegex.yml:5:38: error: invalid regex "
	             "'(?:s?he|they) (will|would do well': missing closing parenthesis at offset 33");
	expect_error("tests/fixtures/rules/no-message", LOR_ERULE,
	             "tests/fixtures/rules/no-message/fx/NoMessage.yml:1:1: error: missing 'message' (what a finding says)");
	expect_error("tests/fixtures/rules/wrong-type", LOR_ERULE,
	             "tests/fixtures/rules/wrong-type/fx/WrongType.yml:3:6: error: 'min' must be a number, not 'one'");
	expect_error("tests/fixtures/rules/nope", LOR_EIO, "tests/fixtures/rules/nope: error: not a rules directory");
}

/* A catalogue load (for --list-rules, --list-classes, --explain) describes
 * the same rules as a full load, refuses to check, and still compiles the
 * rules of a folder, so their errors are reported as before. */
static void test_catalogue_load(void **state)
{
	lor_ruleset_options opts = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *full = load(NULL, 1, LOR_OK), *cat = NULL;
	const char *dirs[1] = { "tests/fixtures/rules/bad-regex" };
	lor_rule_info a, b;
	lor_document *doc = NULL;
	lor_report *rep = NULL;
	lor_error err;
	char buf[2200];
	size_t i;

	(void)state;
	opts.catalogue = 1;
	assert_int_equal(lor_ruleset_load(&cat, &opts, &err), LOR_OK);
	assert_int_equal(lor_ruleset_count(cat), lor_ruleset_count(full));
	assert_int_equal(lor_ruleset_class_count(cat), lor_ruleset_class_count(full));
	assert_int_equal(lor_ruleset_profile_count(cat), lor_ruleset_profile_count(full));
	for (i = 0; i < lor_ruleset_count(full); i++) {
		assert_int_equal(lor_ruleset_rule(full, i, &a), LOR_OK);
		assert_int_equal(lor_ruleset_rule(cat, i, &b), LOR_OK);
		assert_string_equal(a.id, b.id);
		assert_string_equal(a.kind, b.kind);
		assert_string_equal(a.message, b.message);
		assert_int_equal(a.level, b.level);
		assert_int_equal(a.nbad, b.nbad);
		assert_int_equal(a.ngood, b.ngood);
	}
	assert_int_equal(lor_document_new(&doc, "t.txt", "I recommend her.", 16, &err), LOR_OK);
	assert_int_equal(lor_check(&rep, cat, doc, NULL, &err), LOR_EARG);
	assert_null(rep);
	assert_int_equal(lor_ruleset_selftest(cat, 0, &err), LOR_EARG);
	assert_int_equal(lor_check(&rep, full, doc, NULL, &err), LOR_OK);
	lor_report_free(rep);
	lor_document_free(doc);
	lor_ruleset_free(cat);
	lor_ruleset_free(full);

	cat = NULL;
	opts.builtin = 0;
	opts.dirs = dirs;
	opts.ndirs = 1;
	assert_int_equal(lor_ruleset_load(&cat, &opts, &err), LOR_ERULE);
	assert_null(cat);
	assert_string_equal(lor_error_format(&err, buf, sizeof(buf)),
	                    "tests/fixtures/rules/bad-regex/fx/BadRegex.yml:5:38: error: invalid regex "
	                    "'(?:s?he|they) (will|would do well': missing closing parenthesis at offset 33");

	/* a caller built against version 1 of the options has no catalogue field */
	opts = (lor_ruleset_options)LOR_RULESET_OPTIONS_INIT;
	opts.version = 1;
	assert_int_equal(lor_ruleset_load(&cat, &opts, &err), LOR_OK);
	assert_int_equal(lor_ruleset_selftest(cat, 0, &err), LOR_OK);
	lor_ruleset_free(cat);
}

/* A folder's word class that redefines a built-in one changes what the
 * built-in rules match: their token lists are expanded again (no load plan,
 * no cached regex), so "fervently" becomes a strength adverb. */
static void test_folder_class_reaches_builtin_rules(void **state)
{
	lor_ruleset *plain = load(NULL, 1, LOR_OK), *over = load("tests/fixtures/rules/classes-override", 1, LOR_OK);
	const char *text = "Dear Committee,\n\nI fervently recommend her for your program.\n\nSincerely,\nA. Writer\n";
	lor_document *doc = NULL;
	lor_report *a, *b;
	lor_error err;

	(void)state;
	assert_int_equal(lor_document_new(&doc, "t.txt", text, strlen(text), &err), LOR_OK);
	a = h_check(plain, doc);
	b = h_check(over, doc);
	assert_int_equal(lor_report_signal(a, LOR_SIG_EXPLICIT_ENDORSEMENT, NULL), 0);
	assert_int_equal(lor_report_signal(b, LOR_SIG_EXPLICIT_ENDORSEMENT, NULL), 1);
	lor_report_free(a);
	lor_report_free(b);
	lor_document_free(doc);
	lor_ruleset_free(plain);
	lor_ruleset_free(over);
}

static void test_every_kind_loads(void **state)
{
	lor_ruleset *rs = load("tests/fixtures/rules/kinds", 0, LOR_OK);
	const char *kinds[] = { "substitution", "cooccurrence", "metric", "metric", "occurrence", "existence",
		                "existence", "metric", "existence" };
	const char *ids[] = { "k.Swap", "k.Evidence", "k.Short", "k.Hedges", "k.Ranking", "k.BareRecommend",
		              "k.Name", "k.Focus", "k.Behind" };
	size_t i;

	(void)state;
	assert_int_equal(lor_ruleset_count(rs), 9);
	for (i = 0; i < 9; i++) {
		lor_rule_info info;
		long k = lor_ruleset_find(rs, ids[i]);

		assert_true(k >= 0);
		lor_ruleset_rule(rs, (size_t)k, &info);
		assert_string_equal(info.kind, kinds[i]);
	}
	lor_ruleset_free(rs);
}

/* The embedded rules skip the one-by-one compile of their tokens at start-up
 * (match.c): the same files loaded as a folder get every check, so a token
 * that only compiles inside the alternation fails the suite here. */
static void test_builtin_rules_as_folder(void **state)
{
	lor_ruleset *rs = load("rules", 0, LOR_OK);
	lor_ruleset *b = load(NULL, 1, LOR_OK);

	(void)state;
	assert_int_equal(lor_ruleset_count(rs), lor_ruleset_count(b));
	lor_ruleset_free(rs);
	lor_ruleset_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_load),
		cmocka_unit_test(test_builtin_rules_as_folder),
		cmocka_unit_test(test_override_replaces_builtin),
		cmocka_unit_test(test_errors_are_positioned),
		cmocka_unit_test(test_every_kind_loads),
		cmocka_unit_test(test_catalogue_load),
		cmocka_unit_test(test_folder_class_reaches_builtin_rules),
	};

	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
