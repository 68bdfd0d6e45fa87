/* fuzz_check.c - the whole pipeline: a letter through the document, every rule, the score and a reporter.
 *
 * The first input byte chooses one reporter (and --redact or not), so that an
 * execution costs one report, not five: the campaign then reaches millions
 * of runs in hours. What the reporter writes is checked, not thrown away: it
 * must be valid UTF-8; JSON and SARIF must parse (jansson) and every finding
 * in them must carry a message; and every finding of the report keeps the
 * span property of fuzz.h. Run as a plain program (make test, over corpus/,
 * the fixtures and tests/fuzz/corpus/fuzz_check/) it writes every format.
 * Each letter is also judged as a letter set of itself twice (portfolio.c),
 * and the set goes into the report.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <jansson.h>

#include "fuzz.h"

static void fail(const char *format, int redact, const char *what)
{
	fprintf(stderr, "fuzz_check: %s report%s: %s\n", format, redact ? " (redacted)" : "", what);
	abort();
}

/* 1 if every element of the array at o[key] has a non-empty string at the
 * path msg (one or two keys deep). */
static int all_have_message(json_t *arr, const char *k1, const char *k2)
{
	size_t i;
	json_t *v;

	if (!json_is_array(arr))
		return 0;
	json_array_foreach(arr, i, v) {
		json_t *m = json_object_get(v, k1);

		if (k2)
			m = json_object_get(m, k2);
		if (!json_is_string(m) || !json_string_length(m))
			return 0;
	}
	return 1;
}

static void check_json(const char *format, int redact, const char *out, size_t len)
{
	json_error_t jerr;
	json_t *root = json_loadb(out, len, 0, &jerr), *v;
	size_t i;
	int ok = 1;

	if (!root)
		fail(format, redact, jerr.text);
	if (!strcmp(format, "json")) {
		json_array_foreach(json_object_get(root, "files"), i, v)
			ok = ok && all_have_message(json_object_get(v, "findings"), "message", NULL);
	} else {
		json_array_foreach(json_object_get(root, "runs"), i, v)
			ok = ok && all_have_message(json_object_get(v, "results"), "message", "text");
	}
	json_decref(root);
	if (!ok)
		fail(format, redact, "a finding without a message");
}

static void report_as(const lor_report *report, const lor_portfolio *pf, const char *format, int redact)
{
	lor_output_options o = LOR_OUTPUT_OPTIONS_INIT;
	lor_reporter *rep = NULL;
	lor_error err;
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	/* docx and odt are reviewed copies, zip archives: only the text formats
	 * are held to UTF-8; a copy may be refused (LOR_EINPUT: text XML cannot
	 * carry, such as a form feed), as the command says in one line */
	int copy = !strcmp(format, "docx") || !strcmp(format, "odt"), rc;

	if (!fp)
		abort();
	o.rules = fuzz_rules();
	o.redact = redact;
	o.as_of = "2026-11-27";
	if (lor_reporter_new(&rep, format, fp, &o, &err) || (pf && lor_reporter_portfolio(rep, pf)))
		fail(format, redact, "the reporter failed");
	rc = lor_reporter_file(rep, report);
	if ((rc && !(copy && rc == LOR_EINPUT)) || lor_reporter_finish(rep))
		fail(format, redact, "the reporter failed");
	lor_reporter_free(rep);
	if (fclose(fp))
		abort();
	if (copy && rc) {
		free(out);
		return;
	}
	if (copy) {
		if (len < 4 || memcmp(out, "PK\3\4", 4))
			fail(format, redact, "output is not a zip archive");
	} else if (!fuzz_utf8(out, len)) {
		fail(format, redact, "output is not valid UTF-8");
	}
	if (!strcmp(format, "json") || !strcmp(format, "sarif"))
		check_json(format, redact, out, len);
	free(out);
}

FUZZ_INIT(fuzz_rules())

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *const *formats = lor_reporter_formats();
	lor_document *doc;
	lor_report *report = fuzz_check_letter(fuzz_rules(), "fuzz.txt", data, size, &doc);
	const lor_report *pair[2];
	lor_portfolio *pf = NULL;
	lor_error err;
	size_t nformats = 0, i;

	if (!report)
		return 0;
	/* the letter twice, as a letter set: every sentence is compared with itself */
	pair[0] = pair[1] = report;
	if (lor_portfolio_judge(&pf, fuzz_rules(), NULL, pair, 2, &err) && err.code != LOR_ELIMIT &&
	    err.code != LOR_ENOMEM)
		abort();
	while (formats[nformats])
		nformats++;
#ifdef LOR_LIBFUZZER
	i = size ? data[0] % nformats : 0;
	report_as(report, pf, formats[i], size && (data[0] / nformats) % 2);
#else
	for (i = 0; i < nformats; i++)
		report_as(report, pf, formats[i], (int)(i % 2));
#endif
	lor_portfolio_free(pf);
	lor_report_free(report);
	lor_document_free(doc);
	return 0;
}
