/* fuzz_docx.c - feed arbitrary bytes to the .docx and .odt readers, and annotate what they accept.
 *
 * Built two ways, like fuzz_check.c: with -DLOR_LIBFUZZER a libFuzzer target
 * (`make fuzz-docs`), otherwise a plain program that runs the same function
 * over each file named on its command line (tests/docs/run.sh does, over the
 * hand-made and hostile documents, under ASan+UBSan in the sanitizer run).
 * Every input is read as a .docx and as an .odt; each must end in a document
 * or a clean error, and a document must survive being checked and written
 * back as a reviewed copy: never a crash, a leak or a hang.
 */
#include "fuzz.h"

FUZZ_INIT(fuzz_rules())

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = { "docx", "odt" };
	size_t i;

	for (i = 0; i < 2; i++) {
		lor_read_options ro = LOR_READ_OPTIONS_INIT;
		lor_check_options co = LOR_CHECK_OPTIONS_INIT;
		lor_output_options oo = LOR_OUTPUT_OPTIONS_INIT;
		lor_document *doc = NULL;
		lor_report *report = NULL;
		lor_reporter *rep = NULL;
		lor_error err;
		FILE *fp;
		int rc;

		ro.format = formats[i];
		ro.original = (int)(size % 2);
		if (lor_document_new_as(&doc, i ? "fuzz.odt" : "fuzz.docx", (const char *)data, size, &ro, &err)) {
			if (err.code == LOR_OK || !err.message[0] || strchr(err.message, '\n'))
				abort(); /* a failure must say why, in one line */
			continue;
		}
		if (lor_check(&report, fuzz_rules(), doc, &co, &err)) {
			if (err.code != LOR_ELIMIT && err.code != LOR_ENOMEM)
				abort();
			lor_document_free(doc);
			continue;
		}
		if (!(fp = fopen("/dev/null", "w")))
			abort();
		oo.as_of = "2026-11-27";
		if (lor_reporter_new(&rep, formats[i], fp, &oo, &err))
			abort();
		/* a document the reader accepted can be annotated, unless a part
		 * the reader never needed is damaged (then: LOR_EINPUT, not a crash) */
		rc = lor_reporter_file(rep, report);
		if (rc && rc != LOR_EINPUT)
			abort();
		lor_reporter_free(rep);
		fclose(fp);
		lor_report_free(report);
		lor_document_free(doc);
	}
	return 0;
}
