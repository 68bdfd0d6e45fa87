/* test_token.c - tokenizer cases from tests/data/tokens.txt, plus spans and positions. */
#include "harness.h"
#include "internal.h"

typedef struct tcase {
	char name[256];
	char *text;
	long paragraphs, nwords;
	char *sents[64];
	size_t nsents;
	char *words;
} tcase;

/* The normalized text of token i of kind k. */
static char *tok_text(const lor_document *doc, lor_token_kind k, size_t i)
{
	lor_span sp;
	size_t nlen;
	const char *norm = lor_document_normalized(doc, &nlen);
	const char *orig = lor_document_bytes(doc, NULL);
	/* The original span: compare against normalized text by re-normalizing it. */
	lor_document *part;
	lor_error err;
	char *out;

	(void)norm;
	assert_int_equal(lor_document_token(doc, k, i, &sp), LOR_OK);
	if (lor_document_new(&part, "part", orig + sp.offset, sp.length, &err))
		return strdup("");
	out = strdup(lor_document_normalized(part, NULL));
	lor_document_free(part);
	return out;
}

static int run_case(const tcase *c)
{
	lor_document *doc = NULL;
	lor_error err;
	size_t i, n;
	int ok = 1;

	if (lor_document_new(&doc, c->name, c->text, strlen(c->text), &err)) {
		print_error("case '%s': document failed: %s\n", c->name, err.message);
		return 0;
	}
	if (c->paragraphs >= 0 && lor_document_token_count(doc, LOR_TOK_PARAGRAPH) != (size_t)c->paragraphs) {
		print_error("case '%s': %zu paragraphs, expected %ld\n", c->name,
		            lor_document_token_count(doc, LOR_TOK_PARAGRAPH), c->paragraphs);
		ok = 0;
	}
	n = lor_document_token_count(doc, LOR_TOK_SENTENCE);
	if (c->nsents && n != c->nsents) {
		print_error("case '%s': %zu sentences, expected %zu\n", c->name, n, c->nsents);
		ok = 0;
	}
	for (i = 0; c->nsents && i < n && i < c->nsents; i++) {
		char *t = tok_text(doc, LOR_TOK_SENTENCE, i);

		if (strcmp(t, c->sents[i])) {
			print_error("case '%s': sentence %zu is '%s', expected '%s'\n", c->name, i + 1, t, c->sents[i]);
			ok = 0;
		}
		free(t);
	}
	n = lor_document_token_count(doc, LOR_TOK_WORD);
	if (c->nwords >= 0 && n != (size_t)c->nwords) {
		print_error("case '%s': %zu words, expected %ld\n", c->name, n, c->nwords);
		ok = 0;
	}
	if (c->words) {
		char got[4096] = "";
		size_t len = 0;

		for (i = 0; i < n; i++) {
			char *t = tok_text(doc, LOR_TOK_WORD, i);

			len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s", i ? "|" : "", t);
			free(t);
			if (len >= sizeof(got))
				break;
		}
		if (strcmp(got, c->words)) {
			print_error("case '%s': words '%s', expected '%s'\n", c->name, got, c->words);
			ok = 0;
		}
	}
	lor_document_free(doc);
	return ok;
}

static void test_token_cases(void **state)
{
	char *data = h_slurp("tests/data/tokens.txt", NULL), *line, *save = NULL;
	tcase c;
	size_t cases = 0, failed = 0, i;
	int have = 0;

	(void)state;
	memset(&c, 0, sizeof(c));
	for (line = strtok_r(data, "\n", &save);; line = strtok_r(NULL, "\n", &save)) {
		if (!line || !strncmp(line, "# name: ", 8)) {
			if (have) {
				cases++;
				failed += !run_case(&c);
				for (i = 0; i < c.nsents; i++)
					free(c.sents[i]);
			}
			if (!line)
				break;
			memset(&c, 0, sizeof(c));
			c.paragraphs = c.nwords = -1;
			snprintf(c.name, sizeof(c.name), "%s", line + 8);
			have = 1;
		} else if (!strncmp(line, "text: ", 6)) {
			c.text = line + 6;
			h_unescape(c.text);
		} else if (!strncmp(line, "sent: ", 6)) {
			assert_true(c.nsents < 64);
			c.sents[c.nsents] = strdup(line + 6);
			h_unescape(c.sents[c.nsents++]);
		} else if (!strncmp(line, "words: ", 7)) {
			c.words = line + 7;
			h_unescape(c.words);
		} else if (!strncmp(line, "paragraphs: ", 12)) {
			c.paragraphs = atol(line + 12);
		} else if (!strncmp(line, "nwords: ", 8)) {
			c.nwords = atol(line + 8);
		}
	}
	free(data);
	print_message("%zu tokenizer cases, %zu failed\n", cases, failed);
	assert_true(cases >= 40);
	assert_int_equal(failed, 0);
}

static void test_spans_and_positions(void **state)
{
	/* "é" is two bytes, one column; the CRLF counts as one line end. */
	lor_document *doc = h_doc("caf\xC3\xA9 ok.\r\nNext line here.");
	lor_span sp;
	size_t line, col;

	(void)state;
	assert_int_equal(lor_document_token_count(doc, LOR_TOK_SENTENCE), 2);
	assert_int_equal(lor_document_token(doc, LOR_TOK_SENTENCE, 1, &sp), LOR_OK);
	assert_int_equal(sp.offset, 11);
	assert_int_equal(sp.line, 2);
	assert_int_equal(sp.column, 1);
	assert_int_equal(sp.end_line, 2);
	assert_int_equal(sp.end_column, 16);
	assert_int_equal(lor_document_token(doc, LOR_TOK_WORD, 1, &sp), LOR_OK);
	assert_int_equal(sp.offset, 6);
	assert_int_equal(sp.column, 6);
	lor_document_position(doc, 5, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 5);
	assert_int_equal(lor_document_token(doc, LOR_TOK_WORD, 99, &sp), LOR_EARG);
	lor_document_free(doc);
}

/* Words keep only their spans (lor_word): a word's sentence is the one
 * whose [first, first + count) holds it, so the sentences' ranges must
 * cover every word once, in order, each inside its sentence. */
static void test_words_by_sentence(void **state)
{
	lor_document *doc = h_doc("Dear Dr. Smith,\n\nShe led the team. It worked well, e.g. twice!\n"
	                          "- one item\n- two items here\n\n\xE6\x97\xA5\xE6\x9C\xAC is here.");
	size_t k, next = 0;

	(void)state;
	assert_null(doc->tok[LOR_TOK_WORD]);
	for (k = 0; k < doc->ntok[LOR_TOK_SENTENCE]; k++) {
		const lor_tok *s = &doc->tok[LOR_TOK_SENTENCE][k];
		size_t w;

		assert_int_equal(s->first, next);
		for (w = s->first; w < s->first + s->count; w++) {
			assert_true(doc->words[w].start >= s->start);
			assert_true(doc->words[w].end <= s->end);
			assert_true(doc->words[w].start < doc->words[w].end);
		}
		next = s->first + s->count;
	}
	assert_int_equal(next, doc->ntok[LOR_TOK_WORD]);
	assert_true(next >= 20);
	lor_document_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token_cases),
		cmocka_unit_test(test_spans_and_positions),
		cmocka_unit_test(test_words_by_sentence),
	};

	return cmocka_run_group_tests_name("token", tests, NULL, NULL);
}
