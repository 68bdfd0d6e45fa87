/* doctext.c - print the text lorlint reads from a document, for tests and for looking.
 *
 * Usage: doctext [--original] [--places] FILE
 * Prints the extracted text exactly (the document's "original" bytes, which
 * every offset in a report refers to). With --places, each line is prefixed
 * with the part, paragraph and page of its first byte. Exit 2 with the
 * library's one-line error when the file cannot be read.
 */
#include <stdio.h>
#include <string.h>

#include "lorlint.h"

int main(int argc, char **argv)
{
	lor_read_options ro = LOR_READ_OPTIONS_INIT;
	lor_document *doc;
	lor_error err;
	const char *path = NULL, *s;
	size_t len, i, start = 0;
	int places = 0, k;
	char buf[2200];

	for (k = 1; k < argc; k++) {
		if (!strcmp(argv[k], "--original"))
			ro.original = 1;
		else if (!strcmp(argv[k], "--places"))
			places = 1;
		else
			path = argv[k];
	}
	if (!path) {
		fprintf(stderr, "usage: doctext [--original] [--places] FILE\n");
		return 2;
	}
	if (lor_document_read_as(&doc, path, &ro, &err)) {
		fprintf(stderr, "%s\n", lor_error_format(&err, buf, sizeof(buf)));
		return 2;
	}
	s = lor_document_bytes(doc, &len);
	if (!places) {
		fwrite(s, 1, len, stdout);
	} else {
		for (i = 0; i <= len; i++) {
			if (i == len || s[i] == '\n') {
				lor_place p;

				if (lor_document_place(doc, start, &p))
					printf("%s %zu p%zu | ", p.part, p.paragraph, p.page);
				printf("%.*s\n", (int)(i - start), s + start);
				start = i + 1;
			}
		}
	}
	lor_document_free(doc);
	return 0;
}
