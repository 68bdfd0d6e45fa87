/* fuzz.h - what every fuzz target shares: the built-in rule set, the finding property, a plain main().
 *
 * Each tests/fuzz/fuzz_*.c defines LLVMFuzzerTestOneInput for one input of
 * lorlint and includes this header. Built with -DLOR_LIBFUZZER it is a
 * libFuzzer target (`make fuzz`); otherwise the same function runs as a plain
 * program over each file named on its command line (utf8proc's fuzzer does
 * the same), which is how `make test` replays the checked-in corpus under
 * ASan+UBSan. A target reports a broken property with abort(), so that
 * libFuzzer and the sanitizers keep the input.
 */
#ifndef LOR_FUZZ_H
#define LOR_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "lorlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The built-in rule set, loaded once and never changed: what a long-running
 * caller would share between threads too. Freed by the plain main(). */
static lor_ruleset *fuzz_ruleset;

static inline const lor_ruleset *fuzz_rules(void)
{
	lor_error err;

	if (!fuzz_ruleset && lor_ruleset_load(&fuzz_ruleset, NULL, &err)) {
		char buf[2200];

		fprintf(stderr, "%s\n", lor_error_format(&err, buf, sizeof(buf)));
		abort();
	}
	return fuzz_ruleset;
}

/* FUZZ_INIT(expr): run expr once before the first input (LLVMFuzzerInitialize),
 * so that loading the rules is not timed as if it were the first input: on
 * a loaded machine the built-in rules took longer than -timeout under ASan. */
#ifdef LOR_LIBFUZZER
int LLVMFuzzerInitialize(int *argc, char ***argv);
#define FUZZ_INIT(expr) \
	int LLVMFuzzerInitialize(int *argc, char ***argv) \
	{ \
		(void)argc; \
		(void)argv; \
		(void)(expr); \
		return 0; \
	}
#else
#define FUZZ_INIT(expr)
#endif

/* 1 if s[0..n) is valid UTF-8 (utf8proc's strict reading), else 0. */
static inline int fuzz_utf8(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t c;
		size_t left = n - i;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      left > 4 ? 4 : (utf8proc_ssize_t)left, &c);

		if (k <= 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* The property every finding of every report keeps: its span lies inside the
 * letter, starts and ends on character boundaries (so an excerpt of it is
 * valid UTF-8), its line and column are those of its offsets, and it says
 * something. Aborts naming the broken part. */
static inline void fuzz_check_findings(const lor_report *report)
{
	const lor_document *doc = lor_report_document(report);
	size_t len, i, line, col;
	const char *bytes = lor_document_bytes(doc, &len);

	for (i = 0; i < lor_report_finding_count(report); i++) {
		const lor_finding *f = lor_report_finding(report, i);
		const lor_span *s = &f->span;
		const char *broken = NULL;

		if (s->offset > len || s->length > len - s->offset)
			broken = "span outside the letter";
		else if ((s->offset < len && ((unsigned char)bytes[s->offset] & 0xC0) == 0x80) ||
		         (s->offset + s->length < len && ((unsigned char)bytes[s->offset + s->length] & 0xC0) == 0x80))
			broken = "span cut inside a character";
		else if (!fuzz_utf8(bytes + s->offset, s->length))
			broken = "excerpt not valid UTF-8";
		else if (!f->message || !f->message[0] || !f->message_redacted || !f->message_redacted[0] ||
		         !f->rule || !f->rule[0])
			broken = "finding without a message or rule";
		if (!broken) {
			lor_document_position(doc, s->offset, &line, &col);
			if (line != s->line || col != s->column)
				broken = "line:column disagrees with the offset";
			lor_document_position(doc, s->offset + s->length, &line, &col);
			if (line != s->end_line || col != s->end_column)
				broken = "end line:column disagrees with offset + length";
		}
		if (broken) {
			fprintf(stderr, "fuzz: finding %zu [%s] at %zu+%zu (%zu:%zu): %s\n", i, f->rule ? f->rule : "?",
			        s->offset, s->length, s->line, s->column, broken);
			abort();
		}
	}
}

/* Check data as a letter named path against rs (as of 2026-11-27). Returns the
 * report, with *doc its document, or NULL when the letter was rejected or
 * the check stopped (*doc is then NULL); either must be for a reason a user
 * is told (a message; a regex limit or memory), else this aborts. */
static inline lor_report *fuzz_check_letter(const lor_ruleset *rs, const char *path, const uint8_t *data,
                                            size_t size, lor_document **doc)
{
	lor_check_options copts = LOR_CHECK_OPTIONS_INIT;
	lor_report *report = NULL;
	lor_error err;

	*doc = NULL;
	if (lor_document_new(doc, path, (const char *)data, size, &err)) {
		if (err.code == LOR_OK || !err.message[0])
			abort(); /* a failure must say why */
		*doc = NULL;
		return NULL;
	}
	copts.as_of_year = 2026;
	copts.as_of_month = 11;
	copts.as_of_day = 27;
	if (lor_check(&report, rs, *doc, &copts, &err)) {
		if (err.code != LOR_ELIMIT && err.code != LOR_ENOMEM)
			abort();
		lor_document_free(*doc);
		*doc = NULL;
		return NULL;
	}
	fuzz_check_findings(report);
	return report;
}

#ifndef LOR_LIBFUZZER
/* The plain program: run the target over every file named, then free the
 * shared rule set so that LeakSanitizer sees nothing left. */
int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		char *buf;
		long n;

		if (!fp || fseek(fp, 0, SEEK_END) || (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET)) {
			fprintf(stderr, "%s: cannot read '%s'\n", argv[0], argv[i]);
			return 2;
		}
		buf = malloc((size_t)n + 1);
		if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
			fprintf(stderr, "%s: cannot read '%s'\n", argv[0], argv[i]);
			return 2;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, (size_t)n);
		free(buf);
	}
	lor_ruleset_free(fuzz_ruleset);
	printf("%s: %d inputs, no crash\n", argv[0], argc - 1);
	return 0;
}
#endif
#endif /* LOR_FUZZ_H */
