/* fuzz_html.c - feed arbitrary bytes to the HTML text extractor and check what it gives.
 *
 * Built like fuzz_check.c: a libFuzzer target with -DLOR_LIBFUZZER (`make
 * fuzz-docs`), else a plain program over the files named (tests/docs/run.sh
 * runs it over the HTML letters pandoc made and the hand-made one). Any bytes
 * must give a document whose text is valid for the rest of the pipeline, or
 * a one-line error; never a crash, a leak or a hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lorlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

#ifndef LOR_LIBFUZZER
int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		char *buf;
		long n;

		if (!fp || fseek(fp, 0, SEEK_END) || (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET)) {
			fprintf(stderr, "fuzz_html: cannot read '%s'\n", argv[i]);
			return 2;
		}
		buf = malloc((size_t)n + 1);
		if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
			fprintf(stderr, "fuzz_html: cannot read '%s'\n", argv[i]);
			return 2;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, (size_t)n);
		free(buf);
	}
	printf("fuzz_html: %d inputs, no crash\n", argc - 1);
	return 0;
}
#endif
