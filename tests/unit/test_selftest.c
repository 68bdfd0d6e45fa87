/* test_selftest.c - every rule against its own examples, and proof the harness catches a wrong one.
 *
 * Each built-in rule must flag each of its examples.bad and none of its
 * examples.good, and must carry a description, a fix, a source and at least
 * one example of each kind. A fixture rule whose "bad" example is in fact fine
 * shows that a failing example is caught and named.
 */
#include "harness.h"

static void test_builtin_rules_pass_their_examples(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_error err;
	size_t i, failures = 0;
	char buf[2200];

	(void)state;
	assert_true(lor_ruleset_count(rs) >= 2);
	for (i = 0; i < lor_ruleset_count(rs); i++) {
		lor_rule_info info;

		assert_int_equal(lor_ruleset_rule(rs, i, &info), LOR_OK);
		if (lor_ruleset_selftest(rs, i, &err)) {
			print_error("FAIL %s\n", lor_error_format(&err, buf, sizeof(buf)));
			failures++;
		}
		if (!info.description || !info.fix || !info.source || !info.nbad || !info.ngood) {
			print_error("FAIL %s: a built-in rule needs description, fix, source and bad and good examples\n",
			            info.path);
			failures++;
		}
	}
	lor_ruleset_free(rs);
	assert_int_equal(failures, 0);
}

/* Every built-in word class matches its `match` examples in full and none of
 * its `nomatch` ones, and says what it is. */
static void test_builtin_classes_pass_their_examples(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_error err;
	size_t i, failures = 0;
	char buf[2200];

	(void)state;
	assert_true(lor_ruleset_class_count(rs) >= 10);
	for (i = 0; i < lor_ruleset_class_count(rs); i++) {
		lor_class_info c;

		assert_int_equal(lor_ruleset_class(rs, i, &c), LOR_OK);
		if (lor_ruleset_class_selftest(rs, i, &err)) {
			print_error("FAIL %s\n", lor_error_format(&err, buf, sizeof(buf)));
			failures++;
		}
		if (!c.description || !c.nmatch || !c.nnomatch) {
			print_error("FAIL %s: a built-in word class needs a description and match and nomatch "
			            "examples\n", c.path);
			failures++;
		}
	}
	assert_int_equal(lor_ruleset_find_class(rs, "DURATION") >= 0, 1);
	assert_int_equal(lor_ruleset_find_class(rs, "no-such-class"), -1);
	lor_ruleset_free(rs);
	assert_int_equal(failures, 0);
}

static void test_wrong_example_is_caught(void **state)
{
	const char *dirs[] = { "tests/fixtures/selftest-wrong" };
	lor_ruleset_options opts = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;
	long i;
	char buf[2200];

	(void)state;
	opts.builtin = 0;
	opts.dirs = dirs;
	opts.ndirs = 1;
	assert_int_equal(lor_ruleset_load(&rs, &opts, &err), LOR_OK);
	i = lor_ruleset_find(rs, "fixture.WrongExample");
	assert_true(i >= 0);
	assert_int_equal(lor_ruleset_selftest(rs, (size_t)i, &err), LOR_ERULE);
	assert_string_equal(lor_error_format(&err, buf, sizeof(buf)),
	                    "tests/fixtures/selftest-wrong/fixture/WrongExample.yml: error: rule "
	                    "'fixture.WrongExample' does not flag its bad example 2: 'She exceeded "
	                    "expectations.'");
	i = lor_ruleset_find(rs, "fixture.WrongGood");
	assert_true(i >= 0);
	assert_int_equal(lor_ruleset_selftest(rs, (size_t)i, &err), LOR_ERULE);
	assert_string_equal(err.message, "rule 'fixture.WrongGood' flags its good example 1: "
	                                 "'We had no complaints.'");
	lor_ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_rules_pass_their_examples),
		cmocka_unit_test(test_builtin_classes_pass_their_examples),
		cmocka_unit_test(test_wrong_example_is_caught),
	};

	return cmocka_run_group_tests_name("selftest", tests, NULL, NULL);
}
