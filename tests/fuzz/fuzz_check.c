/* fuzz_check.c - feed arbitrary bytes through the whole library: document, check, every reporter.
 *
 * Each letter is also judged as a letter set of itself twice (portfolio.c).
 * Built two ways, as utf8proc's fuzzer is: with -DLOR_LIBFUZZER it is a
 * libFuzzer target (`make fuzz`), otherwise a plain program that runs the
 * same function over each file named on its command line, which `make test`
 * does over corpus/ and the test fixtures under ASan+UBSan. Any input must
 * end in a report or a clean error: never a crash, a leak or a hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lorlint.h"

/* The rule set is loaded once and never changed: it is what a long-running
 * caller would share between threads too. */
static const lor_ruleset *rules(void)
{
	static lor_ruleset *rs;
	lor_error err;

	if (!rs && lor_ruleset_load(&rs, NULL, &err)) {
		char buf[2200];

		fprintf(stderr, "%s\n", lor_error_format(&err, buf, sizeof(buf)));
		abort();
	}
	return rs;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *const *formats = lor_reporter_formats();
	lor_check_options copts = LOR_CHECK_OPTIONS_INIT;
	lor_document *doc = NULL;
	lor_report *report = NULL;
	const lor_report *pair[2];
	lor_portfolio *pf = NULL;
	lor_error err;
	size_t i;

	if (lor_document_new(&doc, "fuzz.txt", (const char *)data, size, &err)) {
		if (err.code == LOR_OK || !err.message[0])
			abort(); /* a failure must say why */
		return 0;
	}
	copts.as_of_year = 2026;
	copts.as_of_month = 11;
	copts.as_of_day = 27;
	if (lor_check(&report, rules(), doc, &copts, &err)) {
		if (err.code != LOR_ELIMIT && err.code != LOR_ENOMEM)
			abort();
		lor_document_free(doc);
		return 0;
	}
	/* the letter twice, as a letter set: every sentence is compared with itself */
	pair[0] = pair[1] = report;
	if (lor_portfolio_judge(&pf, rules(), NULL, pair, 2, &err) && err.code != LOR_ELIMIT &&
	    err.code != LOR_ENOMEM)
		abort();
	for (i = 0; formats[i]; i++) {
		lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
		lor_reporter *rep = NULL;
		FILE *fp = fopen("/dev/null", "w");

		if (!fp)
			abort();
		o.rules = rules();
		o.redact = (int)(i % 2);
		if (lor_reporter_new(&rep, formats[i], fp, &o, &err) || (pf && lor_reporter_portfolio(rep, pf)) ||
		    lor_reporter_file(rep, report) || lor_reporter_finish(rep))
			abort();
		lor_reporter_free(rep);
		fclose(fp);
	}
	lor_portfolio_free(pf);
	lor_report_free(report);
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
			fprintf(stderr, "fuzz_check: cannot read '%s'\n", argv[i]);
			return 2;
		}
		buf = malloc((size_t)n + 1);
		if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
			fprintf(stderr, "fuzz_check: cannot read '%s'\n", argv[i]);
			return 2;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, (size_t)n);
		free(buf);
	}
	lor_ruleset_free((lor_ruleset *)rules());
	printf("fuzz_check: %d inputs, no crash\n", argc - 1);
	return 0;
}
#endif
