/* test_extract.c - the document readers (.docx, .odt, .html, .pdf) and the reviewed copies, from memory.
 *
 * Every hand-made case of tests/tools/docfixtures.h is read with
 * lor_document_new_as(): its text must be exactly the expected one (as
 * accepted, and as original when the case has tracked changes), or the
 * reading must fail with the expected one-line error. Then the map back to
 * places, and the annotated copy: read again, it is the same letter, with
 * the existing comments kept and one new comment per finding.
 */
#include "harness.h"

#include "../tools/docfixtures.h"

static void read_case(const fx_case *c, int original)
{
	lor_read_options ro = LOR_READ_OPTIONS_INIT;
	lor_document *doc = NULL;
	lor_error err;
	char *data;
	size_t len, tlen;
	const char *text;
	int rc;

	assert_int_equal(fx_bytes(c, &data, &len), 0);
	ro.original = original;
	rc = lor_document_new_as(&doc, c->file, data, len, &ro, &err);
	free(data);
	if (!c->accepted) {
		if (rc == LOR_OK)
			fail_msg("%s: read, but '%s' was expected", c->file, c->error);
		assert_int_equal(rc, LOR_EINPUT);
		if (!strstr(err.message, c->error))
			fail_msg("%s: error '%s', expected '%s'", c->file, err.message, c->error);
		assert_string_equal(err.path, c->file);
		assert_null(strchr(err.message, '\n'));
		return;
	}
	if (rc)
		fail_msg("%s: %s", c->file, err.message);
	text = lor_document_bytes(doc, &tlen);
	if (strcmp(text, original && c->original ? c->original : c->accepted))
		fail_msg("%s%s: text differs:\n[%s]\nexpected:\n[%s]", c->file, original ? " (original)" : "",
		         text, original && c->original ? c->original : c->accepted);
	lor_document_free(doc);
}

static void test_cases(void **state)
{
	const fx_case *c;

	(void)state;
	for (c = fx_cases; c->file; c++) {
		read_case(c, 0);
		if (c->original)
			read_case(c, 1);
	}
}

static void test_generated_hostile(void **state)
{
	size_t k;

	(void)state;
	for (k = 0; fx_generated[k].file; k++) {
		lor_document *doc = NULL;
		lor_error err;
		char *data;
		size_t len;

		assert_int_equal(fx_make(fx_generated[k].file, &data, &len), 0);
		assert_int_equal(lor_document_new_as(&doc, fx_generated[k].file, data, len, NULL, &err), LOR_EINPUT);
		free(data);
		if (!strstr(err.message, fx_generated[k].error))
			fail_msg("%s: error '%s', expected '%s'", fx_generated[k].file, err.message, fx_generated[k].error);
	}
}

static const fx_case *find_case(const char *file)
{
	const fx_case *c;

	for (c = fx_cases; c->file && strcmp(c->file, file); c++)
		;
	assert_non_null(c->file);
	return c;
}

static lor_document *read_bytes(const char *file, const char *data, size_t len)
{
	lor_document *doc = NULL;
	lor_error err;

	if (lor_document_new_as(&doc, file, data, len, NULL, &err))
		fail_msg("%s: %s", file, err.message);
	return doc;
}

static void test_places(void **state)
{
	const fx_case *c = find_case("header-fields-notes.docx");
	lor_document *doc;
	lor_place p;
	char *data;
	size_t len;
	const char *text;

	(void)state;
	assert_int_equal(fx_bytes(c, &data, &len), 0);
	doc = read_bytes(c->file, data, len);
	free(data);
	text = lor_document_bytes(doc, &len);
	assert_string_equal(lor_document_format(doc), "docx");
	assert_int_equal(lor_document_place(doc, 0, &p), 1);
	assert_string_equal(p.part, "header");
	assert_int_equal(p.paragraph, 1);
	assert_int_equal(lor_document_place(doc, (size_t)(strstr(text, "Dated") - text), &p), 1);
	assert_string_equal(p.part, "body");
	assert_int_equal(p.paragraph, 1);
	assert_int_equal(p.page, 0);
	assert_int_equal(lor_document_place(doc, (size_t)(strstr(text, "weekly") - text), &p), 1);
	assert_string_equal(p.part, "footnote");
	lor_document_free(doc);
	/* a plain-text letter has no places: its lines are the place */
	assert_int_equal(lor_document_new(&doc, "x.txt", "Hello.\n", 7, NULL), LOR_OK);
	assert_string_equal(lor_document_format(doc), "text");
	assert_int_equal(lor_document_place(doc, 0, &p), 0);
	lor_document_free(doc);
}

static void test_pdf(void **state)
{
	lor_document *doc;
	lor_place p;
	char *data;
	size_t len;

	(void)state;
	assert_int_equal(fx_make("text.pdf", &data, &len), 0);
	doc = read_bytes("text.pdf", data, len);
	free(data);
	assert_string_equal(lor_document_bytes(doc, &len), "I think she will do well.\n\n");
	assert_int_equal(lor_document_place(doc, 3, &p), 1);
	assert_int_equal(p.page, 1);
	assert_int_equal(p.paragraph, 1);
	lor_document_free(doc);
}

/* Annotate in memory, read the copy again. */
static lor_document *annotated(const lor_ruleset *rs, lor_document *doc, const char *format, char **bytes,
                               size_t *blen)
{
	lor_check_options co = LOR_CHECK_OPTIONS_INIT;
	lor_output_options oo = LOR_OUTPUT_OPTIONS_INIT;
	lor_report *rep = NULL;
	lor_reporter *out = NULL;
	lor_error err;
	FILE *fp = open_memstream(bytes, blen);

	assert_non_null(fp);
	co.as_of_year = 2026;
	co.as_of_month = 11;
	co.as_of_day = 27;
	oo.as_of = "2026-11-27";
	assert_int_equal(lor_check(&rep, rs, doc, &co, &err), LOR_OK);
	assert_int_equal(lor_reporter_new(&out, format, fp, &oo, &err), LOR_OK);
	assert_int_equal(lor_reporter_file(out, rep), LOR_OK);
	assert_int_equal(lor_reporter_finish(out), LOR_OK);
	lor_reporter_free(out);
	lor_report_free(rep);
	fclose(fp);
	return read_bytes(strcmp(format, "odt") ? "copy.docx" : "copy.odt", *bytes, *blen);
}

static void test_annotate(void **state)
{
	static const char *const files[] = { "comments.docx", "split-runs.docx", "tracked.docx", "misc.odt",
	                                     "letter.html", NULL };
	lor_ruleset *rs;
	lor_error err;
	size_t k;

	(void)state;
	assert_int_equal(lor_ruleset_load(&rs, NULL, &err), LOR_OK);
	for (k = 0; files[k]; k++) {
		const fx_case *c = find_case(files[k]);
		int odt = strstr(c->file, ".odt") != NULL;
		lor_document *doc, *copy;
		char *data, *bytes = NULL;
		size_t len, blen, l1, l2;
		const char *t1, *t2;

		assert_int_equal(fx_bytes(c, &data, &len), 0);
		doc = read_bytes(c->file, data, len);
		free(data);
		copy = annotated(rs, doc, odt ? "odt" : "docx", &bytes, &blen);
		/* the same letter: the same characters (a fresh .docx may space lines differently) */
		t1 = lor_document_bytes(doc, &l1);
		t2 = lor_document_bytes(copy, &l2);
		if (strstr(c->file, ".html")) {
			size_t a = 0, b = 0;

			for (;;) {
				while (a < l1 && strchr(" \n\t", t1[a]))
					a++;
				while (b < l2 && strchr(" \n\t", t2[b]))
					b++;
				if (a == l1 || b == l2)
					break;
				assert_int_equal(t1[a], t2[b]);
				a++;
				b++;
			}
			assert_true(a == l1 && b == l2);
		} else {
			assert_string_equal(t1, t2);
		}
		/* the existing comment stays, and ours are added beside it */
		if (!strcmp(c->file, "comments.docx")) {
			zip_error_t ze;
			zip_source_t *s = zip_source_buffer_create(bytes, blen, 0, &ze);
			zip_t *za = zip_open_from_source(s, ZIP_RDONLY, &ze);
			zip_file_t *f = za ? zip_fopen(za, "word/comments.xml", 0) : NULL;
			char xml[65536];
			zip_int64_t n = f ? zip_fread(f, xml, sizeof(xml) - 1) : -1;

			assert_true(n > 0);
			xml[n] = '\0';
			assert_non_null(strstr(xml, "SECRET REVIEW NOTE"));
			assert_non_null(strstr(xml, "w:id=\"1\" w:author=\"lorlint\""));
			assert_null(strstr(xml, "w:id=\"0\" w:author=\"lorlint\""));
			assert_non_null(strstr(xml, "HedgedEndorsement"));
			zip_fclose(f);
			zip_close(za);
		}
		free(bytes);
		lor_document_free(copy);
		lor_document_free(doc);
	}
	lor_ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_generated_hostile),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_annotate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
