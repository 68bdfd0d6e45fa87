/* test_dynlib.c - libxml2 and libzip are opened on first use (src/dynlib.c).
 *
 * The command does not link them (tests/run.sh checks its NEEDED entries), so
 * a missing library must surface as one clear error when a document is read,
 * and the table must be whole once they load. This suite compiles dynlib.c a
 * second time under sonames that exist nowhere, beside the library's own copy
 * (lor_dl__need of liblorlint.a, reached through lor_document_from_file). */
#include "harness.h"

#define lor_dl test_dl
#define lor_dl__need test_dl__need
#define LOR_XML2_SONAME "liblorlint-no-such-xml.so.9"
#define LOR_ZIP_SONAME "liblorlint-no-such-zip.so.9"
#include "../../src/dynlib.c"
#undef lor_dl
#undef lor_dl__need
/* the library's own copy */
extern lor_dl_table lor_dl;
int lor_dl__need(const char *path, lor_error *err);

static void test_missing_library_is_one_clear_error(void **state)
{
	lor_error err;

	(void)state;
	memset(&err, 0, sizeof(err));
	assert_int_equal(test_dl__need("letters/a.docx", &err), LOR_EIO);
	assert_string_equal(err.path, "letters/a.docx");
	assert_non_null(strstr(err.message, "cannot read documents"));
	assert_non_null(strstr(err.message, "liblorlint-no-such-xml.so.9"));
	/* asked again (another thread, another document): the same answer */
	memset(&err, 0, sizeof(err));
	assert_int_equal(test_dl__need("letters/b.odt", &err), LOR_EIO);
	assert_string_equal(err.path, "letters/b.odt");
}

static void test_real_libraries_fill_the_table(void **state)
{
	lor_error err;

	(void)state;
	memset(&err, 0, sizeof(err));
	assert_int_equal(lor_dl__need("x.docx", &err), LOR_OK);
#define CHECK(f) assert_non_null((void *)lor_dl.f);
	LOR_DL_XML(CHECK)
	LOR_DL_ZIP(CHECK)
#undef CHECK
	assert_non_null((void *)lor_dl.xmlFree_var);
	assert_non_null((void *)*lor_dl.xmlFree_var);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_library_is_one_clear_error),
		cmocka_unit_test(test_real_libraries_fill_the_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
