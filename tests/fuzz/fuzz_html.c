/* fuzz_html.c - feed arbitrary bytes to the HTML text extractor and check what it gives.
 *
 * Built like fuzz_check.c: a libFuzzer target with -DLOR_LIBFUZZER (`make
 * fuzz-docs`), else a plain program over the files named (tests/docs/run.sh
 * runs it over the HTML letters pandoc made and the hand-made one). Any bytes
 * must give a document whose text is valid for the rest of the pipeline, or
 * a one-line error; never a crash, a leak or a hang.
 */
#include "fuzz.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lor_read_options ro = LOR_READ_OPTIONS_INIT;
	lor_document *doc = NULL;
	lor_error err;
	size_t len, i, n;
	const char *text;

	ro.format = "html";
	if (lor_document_new_as(&doc, "fuzz.html", (const char *)data, size, &ro, &err)) {
		if (err.code == LOR_OK || !err.message[0] || strchr(err.message, '\n'))
			abort();
		return 0;
	}
	text = lor_document_bytes(doc, &len);
	/* every token lies inside the text, and every place is in order */
	n = lor_document_token_count(doc, LOR_TOK_WORD);
	for (i = 0; i < n; i++) {
		lor_span sp;
		lor_place p;

		if (lor_document_token(doc, LOR_TOK_WORD, i, &sp) || sp.offset + sp.length > len ||
		    !lor_document_place(doc, sp.offset, &p) || !p.paragraph)
			abort();
	}
	if (memchr(text, '\0', len))
		abort();
	lor_document_free(doc);
	return 0;
}
