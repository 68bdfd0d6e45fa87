/* test_text.c - reading, validation, normalization and the offset map. */
#include "harness.h"
#include "internal.h"

static void expect_error(const char *data, size_t len, int code, const char *formatted)
{
	lor_document *doc = NULL;
	lor_error err;
	char buf[2200];

	assert_int_equal(lor_document_new(&doc, "x.txt", data, len, &err), code);
	assert_null(doc);
	assert_string_equal(lor_error_format(&err, buf, sizeof(buf)), formatted);
}

static void test_invalid_utf8_is_positioned(void **state)
{
	(void)state;
	expect_error("ok\nab\xC3(", 6, LOR_EINPUT, "x.txt:2:3: error: invalid UTF-8 (byte 0xC3 at offset 5)");
	/* an overlong encoding and a lone continuation byte */
	expect_error("\xC0\xAF", 2, LOR_EINPUT, "x.txt:1:1: error: invalid UTF-8 (byte 0xC0 at offset 0)");
	expect_error("a\x80", 2, LOR_EINPUT, "x.txt:1:2: error: invalid UTF-8 (byte 0x80 at offset 1)");
	/* a surrogate code point encoded in UTF-8 is not valid UTF-8 */
	expect_error("\xED\xA0\x80", 3, LOR_EINPUT, "x.txt:1:1: error: invalid UTF-8 (byte 0xED at offset 0)");
}

static void test_binary_and_empty(void **state)
{
	(void)state;
	expect_error("GIF89a\0\0", 8, LOR_EINPUT, "x.txt: error: binary file, not text");
	expect_error("\x01\x02\x03\x04text", 8, LOR_EINPUT, "x.txt: error: binary file, not text");
	expect_error("", 0, LOR_EINPUT, "x.txt: error: empty file, no text to check");
	expect_error(" \n\r\n\t ", 6, LOR_EINPUT, "x.txt: error: empty file, no text to check");
}

static void test_normalized_view(void **state)
{
	/* BOM, curly quotes, en dash, em dash, NBSP, CRLF, ellipsis, soft hyphen */
	const char *in = "\xEF\xBB\xBF\xE2\x80\x9CHi\xE2\x80\x9D it\xE2\x80\x99s 2018\xE2\x80\x93"
	                 "20\xE2\x80\x94ok\xC2\xA0now\r\nend\xE2\x80\xA6 co\xC2\xADop";
	lor_document *doc = h_doc(in);

	(void)state;
	assert_string_equal(lor_document_normalized(doc, NULL),
	                    "\"Hi\" it's 2018-20 - ok now\nend... coop");
	lor_document_free(doc);
}

static void test_nfc(void **state)
{
	/* e + combining acute composes to U+00E9 */
	lor_document *doc = h_doc("Jose\xCC\x81 built it.");
	size_t len;

	(void)state;
	assert_string_equal(lor_document_normalized(doc, &len), "Jos\xC3\xA9 built it.");
	assert_int_equal(len, 15);
	lor_document_free(doc);
}

static void test_offsets_map_back(void **state)
{
	/* A finding's span in the original must cover the original bytes, even
	 * when normalization changed their length. */
	lor_document *doc = h_doc("A\xE2\x80\x94" "B \xE2\x80\x9Cquoted\xE2\x80\x9D.");
	lor_span sp;
	size_t n, i;

	(void)state;
	n = lor_document_token_count(doc, LOR_TOK_WORD);
	assert_int_equal(n, 3);
	assert_int_equal(lor_document_token(doc, LOR_TOK_WORD, 2, &sp), LOR_OK);
	/* "quoted" starts after A, em dash (3 bytes), B, space, left quote (3 bytes) */
	assert_int_equal(sp.offset, 9);
	assert_int_equal(sp.length, 6);
	assert_int_equal(sp.column, 6);
	for (i = 0; i < n; i++)
		assert_int_equal(lor_document_token(doc, LOR_TOK_WORD, i, &sp), LOR_OK);
	lor_document_free(doc);
}

/* The map back to the original, byte by byte: every normalized byte's
 * source as the dense map (one entry a byte) gave it, and the original's
 * end past the view. The map is kept as runs (text.c): each case breaks
 * or bends a run another way. */
static void expect_map(const char *in, const char *view, const size_t *want)
{
	lor_document *doc = h_doc(in);
	size_t len, i;

	assert_string_equal(lor_document_normalized(doc, &len), view);
	for (i = 0; i < len; i++)
		if (lor_text__orig(doc, i) != want[i])
			fail_msg("'%s' byte %zu: %zu, want %zu", view, i, lor_text__orig(doc, i), want[i]);
	assert_int_equal(lor_text__orig(doc, len), strlen(in));
	assert_int_equal(lor_text__orig(doc, len + 7), strlen(in));
	lor_document_free(doc);
}

static void test_map_exact(void **state)
{
	static const size_t crlf[] = { 0, 1, 3, 4, 5, 6, 7 }, bom[] = { 3, 4 }, em[] = { 0, 1, 1, 1, 4 },
	                    apos[] = { 0, 1, 2, 5 }, nfc[] = { 0, 0, 3 }, acute[] = { 0, 0, 2, 2, 4 },
	                    han[] = { 0, 0, 0, 3, 3, 3 }, zw[] = { 0, 4 }, dots[] = { 0, 1, 1, 1, 4 },
	                    emoji[] = { 0, 0, 0, 0, 4 }, mixed[] = { 0, 1, 1, 3, 4, 4, 4, 7, 8, 9 },
	                    mark[] = { 0, 1, 2, 3, 3, 6, 7 }, tabmark[] = { 0, 1, 2, 3, 3 };

	(void)state;
	expect_map("a\r\nb\rc\td", "a\nb\nc d", crlf);                 /* CRLF, CR, tab */
	expect_map("\xEF\xBB\xBF" "ab", "ab", bom);                    /* a BOM skipped */
	expect_map("a\xE2\x80\x94" "b", "a - b", em);                  /* one source, three bytes */
	expect_map("it\xE2\x80\x99s", "it's", apos);                   /* three bytes become one */
	expect_map("e\xCC\x81x", "\xC3\xA9x", nfc);                    /* composed */
	expect_map("\xC3\xA9\xC3\xA9x", "\xC3\xA9\xC3\xA9x", acute);   /* copied, two bytes */
	expect_map("\xE6\x97\xA5\xE6\x9C\xAC", "\xE6\x97\xA5\xE6\x9C\xAC", han);
	expect_map("a\xE2\x80\x8B" "b", "ab", zw);                     /* dropped */
	expect_map("x\xE2\x80\xA6y", "x...y", dots);
	expect_map("\xF0\x9F\x98\x80!", "\xF0\x9F\x98\x80!", emoji);
	expect_map("a\xC3\xA9" "b\xE2\x80\x94" "cde", "a\xC3\xA9" "b - cde", mixed);
	/* a run of plain ASCII is copied in one piece, but not the letter a
	 * combining mark after it composes with */
	expect_map("abce\xCC\x81xy", "abc\xC3\xA9xy", mark);
	expect_map("ab\tc\xCC\x81", "ab \xC4\x87", tabmark);
}

/* A plain letter is one run, and its view is its bytes, kept once. */
static void test_map_plain(void **state)
{
	const char *in = "Dear Committee,\n\nShe is the best student I have taught.\n";
	lor_document *doc = h_doc(in), *tab = h_doc("a\tb c.");
	size_t len;

	(void)state;
	assert_int_equal(doc->nmap, 1);
	assert_ptr_equal(lor_document_normalized(doc, &len), lor_document_bytes(doc, NULL));
	assert_int_equal(len, strlen(in));
	assert_int_equal(lor_text__orig(doc, 20), 20);
	/* a tab is a space in the view: two texts, and the original keeps its tab */
	assert_ptr_not_equal(lor_document_normalized(tab, NULL), lor_document_bytes(tab, NULL));
	assert_string_equal(lor_document_normalized(tab, NULL), "a b c.");
	assert_string_equal(lor_document_bytes(tab, NULL), "a\tb c.");
	assert_int_equal(tab->nmap, 1);
	lor_document_free(doc);
	lor_document_free(tab);
}

/* A text that would need more runs than bytes (an em dash every few
 * bytes) keeps one entry a byte, with the same values; hard-wrapped, its
 * dropped blanks leave the rest exact. */
static void test_map_dense(void **state)
{
	size_t n = 2000, i, len;
	char *s = malloc(4 * n + 1), *w = malloc(60 * 120 + 1);
	const char *v;
	lor_document *doc;

	(void)state;
	assert_non_null(s);
	assert_non_null(w);
	for (i = 0; i < n; i++)
		memcpy(s + 4 * i, "a\xE2\x80\x94", 4); /* "a—": the view "a - " */
	s[4 * n] = '\0';
	doc = h_doc(s);
	assert_true(doc->map_dense);
	v = lor_document_normalized(doc, &len);
	assert_int_equal(len, 4 * n);
	for (i = 0; i < len; i++)
		assert_int_equal(lor_text__orig(doc, i), i % 4 == 0 ? i : i - i % 4 + 1);
	assert_int_equal(lor_text__orig(doc, len), 4 * n);
	lor_document_free(doc);
	/* 60 wrapped lines of "b—" with blanks before the line ends */
	w[0] = '\0';
	for (i = 0; i < 60; i++) {
		size_t k;

		for (k = 0; k < 12; k++)
			strcat(w, "b\xE2\x80\x94");
		strcat(w, i == 59 ? "end" : i % 2 ? "end  \r\n" : "end \n");
	}
	doc = h_doc(w);
	assert_true(doc->map_dense);
	v = lor_document_normalized(doc, &len);
	assert_null(strchr(v, '\n')); /* one paragraph, every line end joined */
	assert_int_equal(len, 59 * 52 + 51); /* a line: 12 "b - ", "end" and one space */
	for (i = 0; i < len; i++) {
		size_t o = lor_text__orig(doc, i);

		assert_true(i == 0 || o >= lor_text__orig(doc, i - 1));
		assert_true(w[o] == v[i] || (v[i] == ' ' && (w[o] == '\n' || w[o] == '\r')) ||
		            (w[o] == '\xE2' && (v[i] == ' ' || v[i] == '-')));
	}
	assert_int_equal(lor_text__orig(doc, (size_t)(strstr(v, "end b") - v) + 3), strstr(w, "\n") - w);
	lor_document_free(doc);
	free(s);
	free(w);
}

static char *dup_text(const char *s)
{
	char *p = malloc(strlen(s) + 1);

	assert_non_null(p);
	memcpy(p, s, strlen(s) + 1);
	return p;
}

/* A letter read from a file keeps the bytes it was read into (no second
 * copy of a 2 MB letter); a document that fails leaves them the caller's
 * (ASan's run of the suite catches a double free or a leak either way). */
static void test_adopt(void **state)
{
	char *plain = dup_text("She is the best student I have taught."), *curly = dup_text("it\xE2\x80\x99s fine."),
	     *empty = dup_text(" \n \n"), *binary = dup_text("ab\x01\x02\x03\x04\x05\x06");
	char *own;
	lor_document *doc = NULL;
	lor_error err;

	(void)state;
	assert_int_equal(lor_document__adopt(&doc, "a.txt", plain, strlen(plain), &err), LOR_OK);
	assert_ptr_equal(lor_document_bytes(doc, NULL), plain);
	assert_ptr_equal(lor_document_normalized(doc, NULL), plain); /* the same bytes: one text */
	lor_document_free(doc);
	assert_int_equal(lor_document__adopt(&doc, "b.txt", curly, strlen(curly), &err), LOR_OK);
	assert_ptr_equal(lor_document_bytes(doc, NULL), curly);
	assert_string_equal(lor_document_normalized(doc, NULL), "it's fine.");
	lor_document_free(doc);
	/* failures: the empty view was the original itself when the check failed */
	doc = NULL;
	assert_int_equal(lor_document__adopt(&doc, "c.txt", empty, strlen(empty), &err), LOR_EINPUT);
	assert_null(doc);
	assert_int_equal(lor_document__adopt(&doc, "d.txt", binary, strlen(binary), &err), LOR_EINPUT);
	assert_null(doc);
	free(empty);
	free(binary);
	/* through the reader: a text takes the buffer, an HTML file does not */
	own = dup_text("Plain words here.");
	assert_int_equal(lor_extract__document(&doc, "e.txt", own, strlen(own), &own, NULL, &err), LOR_OK);
	assert_null(own);
	assert_string_equal(lor_document_bytes(doc, NULL), "Plain words here.");
	lor_document_free(doc);
	own = dup_text("<html><body><p>Some words.</p></body></html>");
	assert_int_equal(lor_extract__document(&doc, "f.html", own, strlen(own), &own, NULL, &err), LOR_OK);
	assert_non_null(own);
	assert_ptr_not_equal(lor_document_bytes(doc, NULL), own);
	lor_document_free(doc);
	free(own);
}

/* Hard-wrapped prose reads as running text in the view: the line ends a
 * greedy wrap made become spaces (trailing blanks dropped), while a
 * paragraph's end, a short line, a list item, an indented line and a line
 * after a colon keep theirs; positions still map to the original. */
/* The list and the closing after the wrapped paragraph: their line ends stay. */
#define UNWRAP_TAIL                                                                \
	"\n"                                                                      \
	"\n"                                                                      \
	"She carried out the following duties for our service this year:\n"       \
	"- admitted and examined patients on the acute medical take\n"            \
	"- wrote the discharge summaries for all of our ward patients\n"          \
	"\n"                                                                      \
	"Sincerely,\n"                                                            \
	"Dr. A. Person\n"

static void test_unwrap_hard_wrapped(void **state)
{
	const char *in =
		"Dear Committee,\n"
		"\n"
		"Of the 34 house officers who passed through my unit in that period, \n"
		"she was the best, without question. I recommend her without\n"
		"reservation and would not hesitate to have her back on my team." UNWRAP_TAIL;
	const char *want =
		"Dear Committee,\n"
		"\n"
		"Of the 34 house officers who passed through my unit in that period, "
		"she was the best, without question. I recommend her without "
		"reservation and would not hesitate to have her back on my team." UNWRAP_TAIL;
	lor_document *doc = h_doc(in);
	size_t she = (size_t)(strstr(in, "\nshe was") - in) + 1, i, n, found = 0;
	lor_span sp;

	(void)state;
	assert_string_equal(lor_document_normalized(doc, NULL), want);
	/* the word "she" still maps to the start of line 4 of the original */
	n = lor_document_token_count(doc, LOR_TOK_WORD);
	for (i = 0; i < n; i++) {
		assert_int_equal(lor_document_token(doc, LOR_TOK_WORD, i, &sp), LOR_OK);
		if (sp.offset == she) {
			assert_int_equal(sp.length, 3);
			assert_int_equal(sp.line, 4);
			assert_int_equal(sp.column, 1);
			found = 1;
		}
	}
	assert_true(found);
	/* every byte of the view still comes from its own byte of the original
	 * (a joined line end from its '\n', the blanks before it dropped) */
	n = strlen(want);
	for (i = 0; i < n; i++) {
		size_t o = lor_text__orig(doc, i);

		assert_true(o < strlen(in));
		assert_true(in[o] == want[i] || (want[i] == ' ' && in[o] == '\n'));
		assert_true(i == 0 || o > lor_text__orig(doc, i - 1));
	}
	assert_int_equal(lor_text__orig(doc, (size_t)(strstr(want, ", she was") - want) + 1),
	                 she - 1); /* "period, \nshe": the space is the line end */
	lor_document_free(doc);
}

/* Text that is not wrapped keeps every line end: one paragraph a line
 * (lines wider than any wrap), and short lines. */
static void test_unwrap_leaves_unwrapped_text(void **state)
{
	const char *para =
		"I have supervised Dr. Okafor for two years on the medical service of our hospital, "
		"and I recommend her without reservation.\n"
		"She built the sepsis dashboard.\n";
	const char *poem = "Roses are red,\nviolets are blue,\nsugar is sweet,\nand so are you.\n";
	lor_document *a = h_doc(para), *b = h_doc(poem);

	(void)state;
	assert_string_equal(lor_document_normalized(a, NULL), para);
	assert_string_equal(lor_document_normalized(b, NULL), poem);
	lor_document_free(a);
	lor_document_free(b);
}

static void test_read_errors(void **state)
{
	lor_document *doc = NULL;
	lor_error err;

	(void)state;
	assert_int_equal(lor_document_read(&doc, "tests/fixtures/letters/no-such-file.txt", &err), LOR_EIO);
	assert_null(doc);
	assert_string_equal(err.path, "tests/fixtures/letters/no-such-file.txt");
	assert_int_equal(lor_document_read(&doc, "tests/fixtures", &err), LOR_EIO);
	assert_string_equal(err.message, "is a directory");
	assert_int_equal(lor_document_read(&doc, "tests/fixtures/letters/firm.txt", &err), LOR_OK);
	assert_string_equal(lor_document_path(doc), "tests/fixtures/letters/firm.txt");
	lor_document_free(doc);
	lor_document_free(NULL);
}

static void test_huge_line(void **state)
{
	/* one 2 MB line: no crash, one paragraph, positions on line 1 */
	size_t n = 2u << 20, i;
	char *big = malloc(n + 1);
	lor_document *doc;
	size_t line, col;

	(void)state;
	assert_non_null(big);
	for (i = 0; i < n; i++)
		big[i] = (i % 7 == 6) ? ' ' : 'a';
	big[n] = '\0';
	doc = h_doc(big);
	assert_int_equal(lor_document_token_count(doc, LOR_TOK_PARAGRAPH), 1);
	lor_document_position(doc, n - 1, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, n);
	lor_document_free(doc);
	free(big);
}

static void test_position_checkpoints(void **state)
{
	/* Columns on long lines come from checkpoints every 1024 bytes: check
	 * around them, with multi-byte characters and a second line, and at the
	 * very end of a text whose length is a multiple of 1024. */
	size_t n = 4096, i, line, col;
	char *s = malloc(n + 1);
	lor_document *doc;

	(void)state;
	assert_non_null(s);
	for (i = 0; i < n; i += 2) { /* "é" repeated: 2 bytes, 1 column each */
		s[i] = '\xC3';
		s[i + 1] = '\xA9';
	}
	s[3000] = '\n'; /* breaks an "é": make the bytes around it ASCII */
	s[2998] = 'w';
	s[2999] = 'x';
	s[3001] = 'y';
	s[n] = '\0';
	doc = h_doc(s);
	lor_document_position(doc, 1024, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 513);
	lor_document_position(doc, 2998, &line, &col);
	assert_int_equal(col, 1500);
	lor_document_position(doc, 3001, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	lor_document_position(doc, 3072, &line, &col); /* a checkpoint on line 2 */
	assert_int_equal(col, 37);
	lor_document_position(doc, n, &line, &col);    /* the end, a multiple of 1024 */
	assert_int_equal(line, 2);
	assert_int_equal(col, 1 + 1 + (n - 3002) / 2);
	lor_document_free(doc);
	free(s);
}

static void test_date_parse(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(lor_date_parse("2024-02-29", &y, &m, &d), LOR_OK);
	assert_int_equal(y * 10000 + m * 100 + d, 20240229);
	assert_int_equal(lor_date_parse("2023-02-29", &y, &m, &d), LOR_EARG);
	assert_int_equal(lor_date_parse("2026-13-01", &y, &m, &d), LOR_EARG);
	assert_int_equal(lor_date_parse("2026-1-01", &y, &m, &d), LOR_EARG);
	assert_int_equal(lor_date_parse("2026-01-01x", &y, &m, &d), LOR_EARG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invalid_utf8_is_positioned),
		cmocka_unit_test(test_binary_and_empty),
		cmocka_unit_test(test_normalized_view),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_offsets_map_back),
		cmocka_unit_test(test_map_exact),
		cmocka_unit_test(test_map_plain),
		cmocka_unit_test(test_map_dense),
		cmocka_unit_test(test_adopt),
		cmocka_unit_test(test_unwrap_hard_wrapped),
		cmocka_unit_test(test_unwrap_leaves_unwrapped_text),
		cmocka_unit_test(test_read_errors),
		cmocka_unit_test(test_huge_line),
		cmocka_unit_test(test_position_checkpoints),
		cmocka_unit_test(test_date_parse),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
