/* doccmp.c - does a letter read from a document give the same findings and score as its .txt?
 *
 * Usage: doccmp LETTER.txt DOCUMENT...
 * Checks the .txt and each document with the built-in rules (as of
 * 2026-11-27) and compares the score and the findings: the same rules on the
 * same excerpts (white space collapsed, since a word processor rewraps lines).
 * Prints one line per document that differs, with what differs; exit 1 if any
 * does, 2 if a file cannot be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lorlint.h"

/* "rule excerpt" per finding, each on a line, in order. */
static char *findings(const lor_report *r, int *score)
{
	const lor_document *doc = lor_report_document(r);
	size_t len, i, n = 0, cap = 1;
	const char *s = lor_document_bytes(doc, &len);
	char *out = malloc(1);

	*score = lor_report_score(r);
	if (!out)
		return NULL;
	out[0] = '\0';
	for (i = 0; i < lor_report_finding_count(r); i++) {
		const lor_finding *f = lor_report_finding(r, i);
		size_t k, need = strlen(f->rule) + f->span.length + 3;
		int space = 0;

		if (n + need + 1 > cap) {
			char *v = realloc(out, cap = (n + need + 1) * 2);

			if (!v) {
				free(out);
				return NULL;
			}
			out = v;
		}
		n += (size_t)sprintf(out + n, "%s ", f->rule);
		for (k = f->span.offset; k < f->span.offset + f->span.length && k < len; k++) {
			if (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r') {
				space = 1;
				continue;
			}
			if (space && out[n - 1] != ' ')
				out[n++] = ' ';
			space = 0;
			out[n++] = s[k];
		}
		out[n++] = '\n';
		out[n] = '\0';
	}
	return out;
}

static char *check(const lor_ruleset *rs, const char *path, int *score)
{
	lor_check_options co = LOR_CHECK_OPTIONS_INIT;
	lor_document *doc;
	lor_report *r;
	lor_error err;
	char buf[2200], *f;

	co.as_of_year = 2026;
	co.as_of_month = 11;
	co.as_of_day = 27;
	if (lor_document_read(&doc, path, &err) || lor_check(&r, rs, doc, &co, &err)) {
		fprintf(stderr, "%s\n", lor_error_format(&err, buf, sizeof(buf)));
		return NULL;
	}
	f = findings(r, score);
	lor_report_free(r);
	lor_document_free(doc);
	return f;
}

int main(int argc, char **argv)
{
	lor_ruleset *rs;
	lor_error err;
	char *ref, buf[2200];
	int score, i, differ = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: doccmp LETTER.txt DOCUMENT...\n");
		return 2;
	}
	if (lor_ruleset_load(&rs, NULL, &err)) {
		fprintf(stderr, "%s\n", lor_error_format(&err, buf, sizeof(buf)));
		return 2;
	}
	if (!(ref = check(rs, argv[1], &score))) {
		lor_ruleset_free(rs);
		return 2;
	}
	for (i = 2; i < argc; i++) {
		int s2;
		char *got = check(rs, argv[i], &s2);

		if (!got) {
			differ = 2;
			continue;
		}
		if (s2 != score || strcmp(got, ref)) {
			printf("%s: differs from %s: score %d, not %d\n--- findings of the .txt\n%s--- findings of the document\n%s",
			       argv[i], argv[1], s2, score, ref, got);
			if (!differ)
				differ = 1;
		}
		free(got);
	}
	free(ref);
	lor_ruleset_free(rs);
	return differ;
}
