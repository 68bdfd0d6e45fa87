/* test_json.c - the JSON report's string writer against jansson, byte for byte.
 *
 * report_json.c writes each letter's object itself, with the bytes jansson's
 * json_dumpf would give (see there). Its strings are the part where the two
 * could differ: escapes, control characters, and which byte strings are not
 * valid UTF-8 (jansson's json_string refuses them, and the member is left
 * out). Every string here is written both ways and must come out the same:
 * every byte value alone and inside text, hand-made valid and invalid
 * sequences at the edges of UTF-8, a hundred thousand random byte strings,
 * and every line of the corpus letters.
 */
#include <jansson.h>

#include "harness.h"
#include "../../src/internal.h"

/* str both ways: lor_json__string and json_dumps(json_string(str)). */
static void same_as_jansson(const char *str)
{
	lor_buf b = LOR_BUF_INIT;
	json_t *j = json_string(str);
	char *want = j ? json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
	int rc;

	assert_int_equal(lor_buf__add(&b, "x", 1), 0);
	rc = lor_json__string(&b, str);
	if (!j) {
		assert_int_equal(rc, LOR_EINPUT);
		assert_int_equal(b.len, 1); /* nothing written */
	} else {
		assert_int_equal(rc, LOR_OK);
		assert_non_null(want);
		if (strcmp(b.data + 1, want))
			fail_msg("'%s': writer gave %s, jansson %s", str, b.data + 1, want);
	}
	free(want);
	json_decref(j);
	lor_buf__release(&b);
}

static void test_every_byte(void **state)
{
	char s[8];
	int c;

	(void)state;
	for (c = 1; c < 256; c++) {
		s[0] = (char)c;
		s[1] = '\0';
		same_as_jansson(s);
		snprintf(s, sizeof(s), "a%cb", c);
		same_as_jansson(s);
	}
	same_as_jansson("");
}

static void test_edges_of_utf8(void **state)
{
	static const char *const cases[] = {
		"caf\xc3\xa9", "\xe2\x80\x94 dash", "\xf0\x9f\x98\x80 emoji", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf",
		"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf",
		"\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe",
		"\x80", "abc\xbf", "\xc3", "\xe2\x80", "\xf0\x9f\x98", "\xc3\x28", "\xe2\x28\xa1",
		"tab\tnew\nline\rcr\bbs\fff", "quote \" back \\ slash /", "\x01\x1f\x7f", "\xc2\x80\xc2\x9f",
		"\xe2\x80\xa8\xe2\x80\xa9", NULL
	};
	size_t i;

	(void)state;
	for (i = 0; cases[i]; i++)
		same_as_jansson(cases[i]);
}

static void test_random_bytes(void **state)
{
	uint64_t x = 0x9E3779B97F4A7C15ull;
	char s[24];
	int i, k, n;

	(void)state;
	for (i = 0; i < 100000; i++) {
		n = (int)(x % 20);
		for (k = 0; k < n; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* mostly bytes near the interesting ranges */
			s[k] = (char)(k & 1 ? 0x80 + (x & 0x3F) : (x >> 8) & 0xFF);
			if (!s[k])
				s[k] = 'a';
		}
		s[n] = '\0';
		same_as_jansson(s);
		x += 0x9E3779B97F4A7C15ull;
	}
}

static void test_corpus_lines(void **state)
{
	static const char *const files[] = {
		"corpus/strong/01-cmio-sepsis.txt", "corpus/moderate/10-crlf-nbsp-neuroradiology.txt",
		"corpus/weak/12-curly-wish-success.txt", "tests/fixtures/letters/markup-chars.txt", NULL
	};
	size_t i, len;

	(void)state;
	for (i = 0; files[i]; i++) {
		char *buf = h_slurp(files[i], &len), *line = buf, *nl;

		same_as_jansson(buf); /* the whole letter, newlines and all */
		for (; (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = '\0';
			same_as_jansson(line);
		}
		free(buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_edges_of_utf8),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_corpus_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
