/* lang_rule_check.c - the language bars measured through the NonEnglish rule, not the model alone.
 *
 * Usage: lang_rule_check TSV...   (format: tests/lang/README.md)
 * Each item is checked as a one-paragraph letter with the built-in rules,
 * and the report's non_english signal must be true for non-English items and
 * false for English ones. Buckets by length: under 80 characters (the
 * ~40-character items), under 200, longer. Bars, as for text from outside:
 * at least 95% right in the short bucket, 99% in the others, and no English
 * item flagged. Prints each miss; exits 1 below a bar, 2 on an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lorlint.h"

int main(int argc, char **argv)
{
	lor_ruleset *rs = NULL;
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_error err;
	unsigned tot[3] = { 0, 0, 0 }, ok[3] = { 0, 0, 0 }, en = 0, enfp = 0;
	char line[8192];
	int a, b, status = 0;

	if (argc < 2) {
		fputs("usage: lang_rule_check TSV...\n", stderr);
		return 2;
	}
	if (lor_ruleset_load(&rs, NULL, &err)) {
		fprintf(stderr, "lang_rule_check: %s\n", lor_error_format(&err, line, sizeof(line)));
		return 2;
	}
	o.as_of_year = 2026;
	o.as_of_month = 11;
	o.as_of_day = 27;
	for (a = 1; a < argc; a++) {
		FILE *fp = fopen(argv[a], "r");

		if (!fp) {
			fprintf(stderr, "lang_rule_check: cannot open '%s'\n", argv[a]);
			return 2;
		}
		while (fgets(line, sizeof(line), fp)) {
			char *tab = strchr(line, '\t'), *text;
			size_t n;
			lor_document *doc = NULL;
			lor_report *r = NULL;
			int want, got;

			line[strcspn(line, "\r\n")] = '\0';
			if (!tab || line[0] == '#' || !strncmp(line, "lang\t", 5))
				continue;
			*tab = '\0';
			text = tab + 1;
			n = strlen(text);
			if (lor_document_new(&doc, "item", text, n, &err) || lor_check(&r, rs, doc, &o, &err)) {
				fprintf(stderr, "lang_rule_check: %s: %s\n", text, err.message);
				lor_document_free(doc);
				return 2;
			}
			b = n < 80 ? 0 : n < 200 ? 1 : 2;
			want = strcmp(line, "en") != 0;
			got = lor_report_signal(r, LOR_SIG_NON_ENGLISH, NULL);
			tot[b]++;
			if (got == want)
				ok[b]++;
			else
				printf("miss: %s: %s\n", line, text);
			if (!want) {
				en++;
				enfp += (unsigned)got;
			}
			lor_report_free(r);
			lor_document_free(doc);
		}
		fclose(fp);
	}
	for (b = 0; b < 3; b++) {
		unsigned bar = b ? 99 : 95;

		if (100 * ok[b] < bar * tot[b])
			status = 1;
		printf("bucket %s: %u/%u right (bar %u%%)\n", b == 0 ? "short" : b == 1 ? "medium" : "long",
		       ok[b], tot[b], bar);
	}
	printf("English items flagged: %u of %u (bar 0)\n", enfp, en);
	if (enfp)
		status = 1;
	lor_ruleset_free(rs);
	return status;
}
