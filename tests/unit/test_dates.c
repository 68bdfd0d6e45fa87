/* test_dates.c - cmocka tests for the date module (src/dates.h).
 *
 * Most behaviour is pinned by tests/data/dates.txt, a case file in the spirit
 * of jq's tests/jq.test: each case is a text and the exact items and letter
 * date expected, in a compact notation described at the top of that file.
 * One test runs every case and reports each failure with its name, text,
 * expected and actual output, so a regression reads like a diff.  The calendar
 * helpers get direct unit tests, and a small seeded fuzz checks the scanner's
 * invariants (spans in bounds and in order, every DAY a real date) on inputs
 * nobody thought to write down.  Tests run from the repository root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dates.h"

#define CASES_PATH "tests/data/dates.txt"
#define MIN_CASES 100

/* ---- a bounded string builder --------------------------------------- */

struct out {
	char buf[4096];
	size_t len;
};

/* Lets -Wformat=2 check callers instead of flagging the vsnprintf below. */
#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static void put(struct out *o, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len >= sizeof(o->buf) - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, sizeof(o->buf) - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n < sizeof(o->buf) - o->len ? (size_t)n : sizeof(o->buf) - 1 - o->len;
}

/* ---- the notation (see the header of tests/data/dates.txt) ---------- */

static void put_item(struct out *o, const lor_date__item *it)
{
	static const char *const season_names[] = { "?", "spring", "summer", "fall", "winter" };

	if (it->ambiguous)
		put(o, "ambiguous:");
	switch (it->kind) {
	case LOR_DATE__DAY:
		put(o, "%04d-%02d-%02d", it->year, it->month, it->day);
		break;
	case LOR_DATE__MONTH:
		put(o, "%04d-%02d", it->year, it->month);
		break;
	case LOR_DATE__SEASON:
		put(o, "%04d-%s", it->year,
		    it->season <= LOR_DATE__WINTER ? season_names[it->season] : "?");
		break;
	case LOR_DATE__YEAR:
		put(o, "%04d", it->year);
		break;
	case LOR_DATE__RELATIVE:
		put(o, "relative");
		break;
	}
}

static void put_dates(struct out *o, const lor_dates__list *l)
{
	size_t i;

	if (!l->count)
		put(o, "none");
	for (i = 0; i < l->count; i++) {
		if (i)
			put(o, l->items[i].range_end ? ".." : " ");
		put_item(o, &l->items[i]);
	}
}

static void put_context(struct out *o, const lor_dates__list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		int c = l->items[i].context;
		const char *sep = "";

		if (i)
			put(o, " ");
		if (!c)
			put(o, "-");
		if (c & LOR_DATE__CTX_OBSERVATION) {
			put(o, "%sobs", sep);
			sep = ",";
		}
		if (c & LOR_DATE__CTX_FUTURE) {
			put(o, "%sfuture", sep);
			sep = ",";
		}
		if (c & LOR_DATE__CTX_LABEL)
			put(o, "%slabel", sep);
	}
}

static void put_spans(struct out *o, const lor_dates__list *l, const char *text)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		put(o, "%s%.*s", i ? " | " : "", (int)l->items[i].length, text + l->items[i].offset);
}

/* ---- the case file ---------------------------------------------------- */

struct test_case {
	char name[256];
	char text[4096];
	size_t text_len;
	char dates[1024], letter[128], context[512], spans[1024];
	int has_dates, has_letter, has_context, has_spans;
	int line;
};

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			char *grown = realloc(buf, cap = cap ? cap * 2 : 65536);

			if (!grown) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

/* Copy [s, e) to dst, collapsing white space runs to one space and trimming,
 * so expected values may be aligned freely. */
static void copy_squeezed(char *dst, size_t cap, const char *s, const char *e)
{
	size_t n = 0;
	int space = 0;

	for (; s < e && n + 1 < cap; s++) {
		if (*s == ' ' || *s == '\t') {
			space = n > 0;
			continue;
		}
		if (space && n + 2 < cap)
			dst[n++] = ' ';
		space = 0;
		dst[n++] = *s;
	}
	dst[n] = '\0';
}

/* Decode the \n, \t and \\ escapes of a text: line.  0 ok, -1 bad escape. */
static int unescape(struct test_case *c, const char *s, const char *e)
{
	size_t n = 0;

	for (; s < e && n + 1 < sizeof(c->text); s++) {
		if (*s != '\\') {
			c->text[n++] = *s;
			continue;
		}
		if (++s == e)
			return -1;
		if (*s == 'n')
			c->text[n++] = '\n';
		else if (*s == 't')
			c->text[n++] = '\t';
		else if (*s == '\\')
			c->text[n++] = '\\';
		else
			return -1;
	}
	c->text[n] = '\0';
	c->text_len = n;
	return 0;
}

static int key_is(const char *s, const char *e, const char *key, const char **val)
{
	size_t k = strlen(key);

	if ((size_t)(e - s) < k || memcmp(s, key, k) != 0)
		return 0;
	*val = s + k;
	return 1;
}

/* Run one case; print what differs and return 1 on failure. */
static int run_case(const struct test_case *c)
{
	lor_dates__list list = { NULL, 0, 0 };
	struct out dates = { "", 0 }, letter = { "", 0 }, context = { "", 0 }, spans = { "", 0 };
	long idx;
	int bad = 0;

	if (lor_dates__extract(&list, c->text, c->text_len) != 0) {
		print_error("%s:%d: case '%s': lor_dates__extract failed\n", CASES_PATH, c->line, c->name);
		return 1;
	}
	idx = lor_dates__letter_date(&list, c->text, c->text_len);
	put_dates(&dates, &list);
	if (idx < 0)
		put(&letter, "none");
	else if ((size_t)idx < list.count)
		put_item(&letter, &list.items[idx]);
	else
		put(&letter, "out-of-range:%ld", idx);
	put_context(&context, &list);
	put_spans(&spans, &list, c->text);
	bad = strcmp(dates.buf, c->dates) != 0 || strcmp(letter.buf, c->letter) != 0 ||
	      (c->has_context && strcmp(context.buf, c->context) != 0) ||
	      (c->has_spans && strcmp(spans.buf, c->spans) != 0);
	if (bad) {
		print_error("%s:%d: case '%s' failed\n  text:     %s\n", CASES_PATH, c->line, c->name, c->text);
		print_error("  dates:    expected '%s', got '%s'\n", c->dates, dates.buf);
		print_error("  letter:   expected '%s', got '%s'\n", c->letter, letter.buf);
		if (c->has_context)
			print_error("  context:  expected '%s', got '%s'\n", c->context, context.buf);
		if (c->has_spans)
			print_error("  spans:    expected '%s', got '%s'\n", c->spans, spans.buf);
	}
	lor_dates__list_release(&list);
	return bad;
}

/* Check that a parsed block is a complete case, then run it. */
static int finish_case(struct test_case *c, int *cases)
{
	if (!c->has_dates && !c->has_letter && !c->text_len && !c->name[0])
		return 0;  /* a comment-only block */
	++*cases;
	if (!c->name[0] || !c->has_dates || !c->has_letter) {
		print_error("%s:%d: case '%s' lacks name, dates or letter\n", CASES_PATH, c->line, c->name);
		return 1;
	}
	return run_case(c);
}

static void test_case_file(void **state)
{
	size_t len = 0;
	char *buf = read_file(CASES_PATH, &len), *p, *end;
	struct test_case *c = calloc(1, sizeof(*c));
	int failures = 0, cases = 0, lineno = 0;

	(void)state;
	if (!buf || !c) {
		free(buf);
		free(c);
		fail_msg("cannot read '%s' (tests run from the repository root)", CASES_PATH);
		return;
	}
	for (p = buf, end = buf + len; p < end;) {
		char *eol = memchr(p, '\n', (size_t)(end - p)), *le = eol ? eol : end;
		const char *v;

		lineno++;
		if (le == p) {
			failures += finish_case(c, &cases);
			memset(c, 0, sizeof(*c));
		} else if (key_is(p, le, "# name:", &v)) {
			copy_squeezed(c->name, sizeof(c->name), v, le);
			c->line = lineno;
		} else if (*p == '#') {
			;  /* a comment */
		} else if (key_is(p, le, "text: ", &v)) {
			if (unescape(c, v, le) != 0) {
				print_error("%s:%d: bad escape in text\n", CASES_PATH, lineno);
				failures++;
			}
		} else if (key_is(p, le, "dates:", &v)) {
			copy_squeezed(c->dates, sizeof(c->dates), v, le);
			c->has_dates = 1;
		} else if (key_is(p, le, "letter:", &v)) {
			copy_squeezed(c->letter, sizeof(c->letter), v, le);
			c->has_letter = 1;
		} else if (key_is(p, le, "context:", &v)) {
			copy_squeezed(c->context, sizeof(c->context), v, le);
			c->has_context = 1;
		} else if (key_is(p, le, "spans:", &v)) {
			copy_squeezed(c->spans, sizeof(c->spans), v, le);
			c->has_spans = 1;
		} else {
			print_error("%s:%d: unknown key in '%.*s'\n", CASES_PATH, lineno, (int)(le - p), p);
			failures++;
		}
		p = eol ? eol + 1 : end;
	}
	failures += finish_case(c, &cases);
	free(c);
	free(buf);
	print_message("%d date cases, %d failed\n", cases, failures);
	assert_true(cases >= MIN_CASES);
	assert_int_equal(failures, 0);
}

/* ---- calendar helpers ------------------------------------------------- */

static void test_valid(void **state)
{
	(void)state;
	assert_true(lor_dates__valid(2024, 2, 29));   /* divisible by 4 */
	assert_false(lor_dates__valid(2023, 2, 29));
	assert_true(lor_dates__valid(2000, 2, 29));   /* divisible by 400 */
	assert_false(lor_dates__valid(1900, 2, 29));  /* century */
	assert_true(lor_dates__valid(2021, 12, 31));
	assert_false(lor_dates__valid(2021, 4, 31));
	assert_false(lor_dates__valid(2021, 2, 30));
	assert_false(lor_dates__valid(2021, 0, 1));
	assert_false(lor_dates__valid(2021, 13, 1));
	assert_false(lor_dates__valid(2021, 1, 0));
	assert_false(lor_dates__valid(2021, 1, 32));
	assert_false(lor_dates__valid(0, 1, 1));
	assert_false(lor_dates__valid(10000, 1, 1));
	assert_true(lor_dates__valid(1, 1, 1));
	assert_true(lor_dates__valid(9999, 12, 31));
}

static void test_days_between(void **state)
{
	(void)state;
	assert_int_equal(lor_dates__days_between(2021, 3, 3, 2021, 3, 3), 0);
	assert_int_equal(lor_dates__days_between(2021, 3, 3, 2021, 3, 4), 1);
	assert_int_equal(lor_dates__days_between(2021, 3, 4, 2021, 3, 3), -1);
	assert_int_equal(lor_dates__days_between(2024, 2, 28, 2024, 3, 1), 2);
	assert_int_equal(lor_dates__days_between(2023, 2, 28, 2023, 3, 1), 1);
	assert_int_equal(lor_dates__days_between(1970, 1, 1, 2000, 1, 1), 10957);
	assert_int_equal(lor_dates__days_between(2000, 1, 1, 2024, 1, 1), 8766);
	assert_int_equal(lor_dates__days_between(2020, 12, 31, 2021, 1, 1), 1);
	assert_int_equal(lor_dates__days_between(1, 1, 1, 9999, 12, 31), 3652058);
	assert_true(lor_dates__days_between(2021, 2, 30, 2021, 3, 1) == LOR_DATES__BAD_SPAN);
	assert_true(lor_dates__days_between(2021, 3, 1, 2021, 13, 1) == LOR_DATES__BAD_SPAN);
}

static void test_parse_iso(void **state)
{
	static const char *const bad[] = {
		"2026-13-01", "2026-02-30", "2026-1-1", "2026-01-1", "2026-01-01x",
		"2026-01-01 ", " 2026-01-01", "2026/01/01", "26-01-01", "+2026-01-01",
		"2026-00-10", "2026-01-00", "0000-01-01", "2023-02-29", "", "2026",
		"2026-01-", "2026-01-01\n", "２０２６-01-01",
	};
	int y = -7, m = -7, d = -7;
	size_t i;

	(void)state;
	assert_int_equal(lor_dates__parse_iso("2026-01-31", &y, &m, &d), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 1);
	assert_int_equal(d, 31);
	assert_int_equal(lor_dates__parse_iso("2024-02-29", &y, &m, &d), 0);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		y = m = d = -7;
		if (lor_dates__parse_iso(bad[i], &y, &m, &d) != LOR_EARG)
			fail_msg("'%s' was accepted", bad[i]);
		/* out-parameters are set only on success */
		assert_int_equal(y, -7);
		assert_int_equal(m, -7);
		assert_int_equal(d, -7);
	}
	assert_int_equal(lor_dates__parse_iso(NULL, &y, &m, &d), LOR_EARG);
}

static void test_last_day(void **state)
{
	lor_date__item it;
	int y = 0, m = 0, d = 0;

	(void)state;
	memset(&it, 0, sizeof(it));
	it.kind = LOR_DATE__MONTH;
	it.year = 2024;
	it.month = 2;
	assert_int_equal(lor_dates__last_day(&it, &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20240229);
	it.kind = LOR_DATE__YEAR;
	assert_int_equal(lor_dates__last_day(&it, &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20241231);
	it.kind = LOR_DATE__SEASON;
	it.month = 0;
	it.season = LOR_DATE__WINTER;
	it.year = 2023;
	assert_int_equal(lor_dates__last_day(&it, &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20240229);  /* winter 2023 ends in Feb 2024 */
	it.season = LOR_DATE__FALL;
	assert_int_equal(lor_dates__last_day(&it, &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20231130);
	it.kind = LOR_DATE__DAY;
	it.month = 3;
	it.day = 3;
	assert_int_equal(lor_dates__last_day(&it, &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20230303);
	y = m = d = -1;
	it.day = 32;
	assert_int_equal(lor_dates__last_day(&it, &y, &m, &d), LOR_EARG);
	it.kind = LOR_DATE__RELATIVE;
	assert_int_equal(lor_dates__last_day(&it, &y, &m, &d), LOR_EARG);
	assert_int_equal(y, -1);
}

/* The scanner's hashed lexicon says of every word what a row-by-row scan of
 * its tables says: each table word, its capitals, words one byte off, and
 * every word of a few corpus letters (which have the tables' words in
 * every case and position). */
static void test_lexicon_agrees_with_tables(void **state)
{
	static const char *const files[] = { "corpus/strong/01-cmio-sepsis.txt", CASES_PATH };
	static const char words[] = "MARCH march Mar. Sept sept. l L ann\303\251e ANN\303\211E \xc3\xa9t\xc3\xa9 "
	                            "a an of OF few several months year's couple Couple d\303\251cembre "
	                            "D\303\251cembre \xc2\xba \xc2\xb0 - / Between AND y Y";
	size_t i, len;

	(void)state;
	assert_int_equal(lor_dates__lexicon_check(words, sizeof(words) - 1), 0);
	for (i = 0; i < sizeof(files) / sizeof(*files); i++) {
		char *buf = read_file(files[i], &len);

		if (!buf)
			fail_msg("cannot read '%s' (tests run from the repository root)", files[i]);
		assert_int_equal(lor_dates__lexicon_check(buf, len), 0);
		free(buf);
	}
}

/* ---- the scanner's contract ------------------------------------------- */

static void test_empty_and_release(void **state)
{
	lor_dates__list list = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(lor_dates__extract(&list, "", 0), 0);
	assert_int_equal(list.count, 0);
	assert_int_equal(lor_dates__letter_date(&list, "", 0), -1);
	lor_dates__list_release(&list);
	assert_int_equal(lor_dates__extract(&list, NULL, 0), 0);
	assert_int_equal(list.count, 0);
	lor_dates__list_release(&list);
	lor_dates__list_release(NULL);  /* must not crash */
	assert_int_equal(lor_dates__extract(NULL, "in 2019", 7), LOR_EARG);
	assert_int_equal(lor_dates__extract(&list, NULL, 3), LOR_EARG);
	assert_null(list.items);
}

/* The scanner reads `len` bytes and no more: no NUL terminator is assumed. */
static void test_respects_length(void **state)
{
	static const char text[] = "in 20199 and March 3, 20215";
	lor_dates__list list = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(lor_dates__extract(&list, text, 7), 0);  /* "in 2019" */
	assert_int_equal(list.count, 1);
	assert_int_equal(list.items[0].year, 2019);
	assert_int_equal(list.items[0].offset, 3);
	assert_int_equal(list.items[0].length, 4);
	lor_dates__list_release(&list);
	assert_int_equal(lor_dates__extract(&list, text, sizeof(text) - 2), 0);
	assert_int_equal(list.count, 1);  /* "March 3, 2021"; "20199" is no year */
	assert_int_equal(list.items[0].kind, LOR_DATE__DAY);
	assert_int_equal(list.items[0].day, 3);
	lor_dates__list_release(&list);
}

/* Grows past the initial capacity and keeps every item. */
static void test_many_items(void **state)
{
	enum { N = 5000 };
	char *text = malloc(N * 8 + 1);
	lor_dates__list list = { NULL, 0, 0 };
	size_t i, n = 0;

	(void)state;
	assert_non_null(text);
	for (i = 0; i < N; i++) {
		memcpy(text + n, "in 2019.", 8);
		n += 8;
	}
	assert_int_equal(lor_dates__extract(&list, text, n), 0);
	assert_int_equal(list.count, N);
	assert_int_equal(list.items[N - 1].offset, n - 5);
	assert_int_equal(lor_dates__letter_date(&list, text, n), -1);
	lor_dates__list_release(&list);
	free(text);
}

/* Random texts built from date-ish fragments: whatever comes out must keep
 * the contract.  A fixed seed keeps the test reproducible. */
static void test_fuzz_invariants(void **state)
{
	static const char *const frags[] = {
		"March", "Mar.", "3", "31", "2021", "2019", "1949", "12", "/", "-", ".",
		",", " ", "\n", "de", "of", "3rd", "1er", "f\xc3\xa9vrier", "last", "year",
		"ago", "two", "$", "%", ":", "Spring", "Date:", "Dear X,", "Sincerely,",
		"2018-20", "29", "Feb", "\xc3", "l'", "ann\303\251e", "derni\xc3\xa8re",
		"between", "and", "to", "(617)", "555", "+55", "\t", "mai", "199",
	};
	enum { ROUNDS = 3000, MAX_FRAGS = 40 };
	char text[MAX_FRAGS * 16];
	unsigned long seed = 20250301UL;
	int round;

	(void)state;
	for (round = 0; round < ROUNDS; round++) {
		lor_dates__list list = { NULL, 0, 0 };
		size_t n = 0, i, prev_end = 0, k = 1 + (seed >> 16) % MAX_FRAGS;
		long letter;

		for (i = 0; i < k; i++) {
			const char *f;
			size_t fl;

			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			f = frags[(seed >> 33) % (sizeof(frags) / sizeof(*frags))];
			fl = strlen(f);
			memcpy(text + n, f, fl);
			n += fl;
		}
		assert_int_equal(lor_dates__extract(&list, text, n), 0);
		for (i = 0; i < list.count; i++) {
			const lor_date__item *it = &list.items[i];

			assert_true(it->offset >= prev_end);
			assert_true(it->length > 0 && it->offset + it->length <= n);
			prev_end = it->offset + it->length;
			if (it->kind == LOR_DATE__DAY)
				assert_true(lor_dates__valid(it->year, it->month, it->day));
			if (it->kind != LOR_DATE__RELATIVE)
				assert_true(it->year >= LOR_DATES__MIN_YEAR && it->year <= LOR_DATES__MAX_YEAR);
			assert_false(i == 0 && it->range_end);
		}
		letter = lor_dates__letter_date(&list, text, n);
		assert_true(letter >= -1 && letter < (long)list.count);
		if (letter >= 0)
			assert_true(list.items[letter].kind == LOR_DATE__DAY ||
				    list.items[letter].kind == LOR_DATE__MONTH);
		lor_dates__list_release(&list);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_file),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_days_between),
		cmocka_unit_test(test_parse_iso),
		cmocka_unit_test(test_last_day),
		cmocka_unit_test(test_lexicon_agrees_with_tables),
		cmocka_unit_test(test_empty_and_release),
		cmocka_unit_test(test_respects_length),
		cmocka_unit_test(test_many_items),
		cmocka_unit_test(test_fuzz_invariants),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
