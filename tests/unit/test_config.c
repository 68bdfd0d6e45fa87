/* test_config.c - the .lorlint.yml reader: values, errors, ignores, lookup. */
#include "harness.h"

static void test_good_config(void **state)
{
	lor_config *c = NULL;
	lor_error err;

	(void)state;
	assert_int_equal(lor_config_load(&c, "tests/fixtures/config/good/.lorlint.yml", &err), LOR_OK);
	assert_int_equal(c->nrules, 1);
	assert_string_equal(c->rules[0], "tests/fixtures/config/good/house");
	assert_int_equal(c->ndisable, 1);
	assert_string_equal(c->disable[0], "fx.Endorse");
	assert_int_equal(c->nlevels, 1);
	assert_string_equal(c->level_ids[0], "fx.Faint");
	assert_int_equal(c->levels[0], LOR_LEVEL_ERROR);
	assert_int_equal(c->fail_level, LOR_LEVEL_ERROR);
	assert_int_equal(c->min_level, LOR_LEVEL_WARNING);
	assert_int_equal(c->fail_under, -1);
	assert_null(c->profile);
	assert_true(lor_config_ignored(c, "x/old"));
	assert_true(lor_config_ignored(c, "./sub/skip.draft.txt"));
	assert_false(lor_config_ignored(c, "sub/letter.txt"));
	assert_false(lor_config_ignored(NULL, "sub/letter.txt"));
	lor_config_free(c);
	lor_config_free(NULL);
}

static void test_config_errors(void **state)
{
	lor_config *c = NULL;
	lor_error err;
	char buf[2200];

	(void)state;
	assert_int_equal(lor_config_load(&c, "tests/fixtures/config/typo/.lorlint.yml", &err), LOR_ERULE);
	assert_null(c);
	assert_string_equal(lor_error_format(&err, buf, sizeof(buf)),
	                    "tests/fixtures/config/typo/.lorlint.yml:2:1: error: unknown key 'fial_under'");
	assert_int_equal(lor_config_load(&c, "tests/fixtures/config/badtype/.lorlint.yml", &err), LOR_ERULE);
	assert_string_equal(err.message, "'fail_under' must be a number, not 'sixty'");
	assert_int_equal(lor_config_load(&c, "tests/fixtures/config/none.yml", &err), LOR_EIO);
}

static void test_find_walks_upward(void **state)
{
	char buf[4096];

	(void)state;
	assert_int_equal(lor_config_find(buf, sizeof(buf), "tests/fixtures/config/good/sub"), 1);
	assert_string_equal(buf, "tests/fixtures/config/good/sub/../.lorlint.yml");
	assert_int_equal(lor_config_find(buf, sizeof(buf), "tests/fixtures/config/good"), 1);
	assert_string_equal(buf, "tests/fixtures/config/good/.lorlint.yml");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_config),
		cmocka_unit_test(test_config_errors),
		cmocka_unit_test(test_find_walks_upward),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
