/* test_dynlib.c - libxml2, libzip and zlib are opened on first use, each on its own (src/dynlib.c).
 *
 * The command does not link them (tests/run.sh checks its NEEDED entries), so
 * a missing library must surface as one clear error when a document is read,
 * and the table must be whole once they load. This suite compiles dynlib.c a
 * second time, beside the library's own copy (lor_dl__need of liblorlint.a,
 * reached through lor_document_from_file), with a real libxml2 and sonames
 * for libzip and zlib that exist nowhere: libxml2 alone must then load, and
 * what needs libzip or zlib must say no without touching libxml2's answer.
 */
#include "harness.h"

#define lor_dl test_dl
#define lor_dl__need test_dl__need
#define lor_dl__need_xml test_dl__need_xml
#define lor_dl__need_zip test_dl__need_zip
#define lor_dl__need_z test_dl__need_z
#define LOR_XML2_SONAME "libxml2.so.2"
#define LOR_ZIP_SONAME "liblorlint-no-such-zip.so.9"
#define LOR_Z_SONAME "liblorlint-no-such-z.so.9"
#include "../../src/dynlib.c"
#undef lor_dl
#undef lor_dl__need
#undef lor_dl__need_xml
#undef lor_dl__need_zip
#undef lor_dl__need_z
/* the library's own copy */
extern lor_dl_table lor_dl;
int lor_dl__need(const char *path, lor_error *err);
int lor_dl__need_z(void);

static void test_missing_library_is_one_clear_error(void **state)
{
	lor_error err;

	(void)state;
	memset(&err, 0, sizeof(err));
	assert_int_equal(test_dl__need("letters/a.docx", &err), LOR_EIO);
	assert_string_equal(err.path, "letters/a.docx");
	assert_non_null(strstr(err.message, "cannot read documents"));
	assert_non_null(strstr(err.message, "liblorlint-no-such-zip.so.9"));
	/* asked again (another thread, another document): the same answer */
	memset(&err, 0, sizeof(err));
	assert_int_equal(test_dl__need_zip("letters/b.odt", &err), LOR_EIO);
	assert_string_equal(err.path, "letters/b.odt");
	assert_non_null(strstr(err.message, "liblorlint-no-such-zip.so.9"));
	/* no zlib: the archive reader quietly leaves its work to libzip */
	assert_int_equal(test_dl__need_z(), -1);
	assert_int_equal(test_dl__need_z(), -1);
}

static void test_each_library_loads_alone(void **state)
{
	lor_error err;

	(void)state;
	memset(&err, 0, sizeof(err));
	/* libxml2 loads though libzip is missing (an .html letter needs no
	 * more), and only libxml2's entries are filled */
	assert_int_equal(test_dl__need_xml("a.html", &err), LOR_OK);
#define FILLED(f) assert_non_null((void *)test_dl.f);
#define EMPTY(f) assert_null((void *)test_dl.f);
	LOR_DL_XML(FILLED)
	LOR_DL_ZIP(EMPTY)
	LOR_DL_Z(EMPTY)
	assert_int_equal(test_dl__need_zip("a.docx", &err), LOR_EIO);
	assert_int_equal(test_dl__need_xml("b.html", &err), LOR_OK);
}

static void test_real_libraries_fill_the_table(void **state)
{
	lor_error err;

	(void)state;
	memset(&err, 0, sizeof(err));
	assert_int_equal(lor_dl__need("x.docx", &err), LOR_OK);
	assert_int_equal(lor_dl__need_z(), 0);
#define LOADED(f) assert_non_null((void *)lor_dl.f);
	LOR_DL_XML(LOADED)
	LOR_DL_ZIP(LOADED)
	LOR_DL_Z(LOADED)
#undef LOADED
#undef FILLED
#undef EMPTY
	assert_non_null((void *)lor_dl.xmlFree_var);
	assert_non_null((void *)*lor_dl.xmlFree_var);
}

/* Opened with RTLD_LAZY, the libraries bind what they call on first use:
 * they must run, down to what lies behind them (an encoding conversion in
 * libxml2, inflate in zlib, an error text in libzip). */
static void test_lazily_bound_libraries_run(void **state)
{
	static const char html[] = "<html><head><meta charset=\"windows-1252\"></head>"
	                           "<body><p>caf\xE9 \x93quoted\x94</p></body></html>";
	static const unsigned char deflated[] = { 0x4b, 0x4c, 0x4a, 0x06, 0x00 }; /* "abc", raw deflate */
	unsigned char out[8];
	lor_error err;
	htmlDocPtr doc;
	xmlChar *text;
	z_stream zs;
	zip_error_t ze;

	(void)state;
	assert_int_equal(lor_dl__need("x.html", &err), LOR_OK);
	assert_int_equal(lor_dl__need_z(), 0);
	doc = lor_dl.htmlReadMemory(html, (int)strlen(html), "x.html", NULL,
	                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	text = lor_dl.xmlNodeGetContent(lor_dl.xmlDocGetRootElement(doc));
	assert_non_null(strstr((const char *)text, "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"));
	(*lor_dl.xmlFree_var)(text);
	lor_dl.xmlFreeDoc(doc);
	memset(&zs, 0, sizeof(zs));
	assert_int_equal(lor_dl.inflateInit2_(&zs, -15, ZLIB_VERSION, (int)sizeof(zs)), Z_OK);
	zs.next_in = (Bytef *)(uintptr_t)deflated;
	zs.avail_in = sizeof(deflated);
	zs.next_out = out;
	zs.avail_out = sizeof(out);
	assert_int_equal(lor_dl.inflate(&zs, Z_FINISH), Z_STREAM_END);
	assert_int_equal(zs.total_out, 3);
	assert_memory_equal(out, "abc", 3);
	lor_dl.inflateEnd(&zs);
	assert_int_equal(lor_dl.crc32(0, out, 3), 0x352441C2UL);
	lor_dl.zip_error_init(&ze);
	assert_non_null(lor_dl.zip_error_strerror(&ze));
	lor_dl.zip_error_fini(&ze);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_library_is_one_clear_error),
		cmocka_unit_test(test_each_library_loads_alone),
		cmocka_unit_test(test_real_libraries_fill_the_table),
		cmocka_unit_test(test_lazily_bound_libraries_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
