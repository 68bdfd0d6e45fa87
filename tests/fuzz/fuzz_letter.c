/* fuzz_letter.c - a letter, as text or Markdown, through the document and every built-in rule.
 *
 * The first byte's low bit names the letter fuzz.md or fuzz.txt; no reporter
 * runs, so executions are cheap (fuzz_check covers the reporters). Every
 * finding must keep the span property of fuzz.h; a failed check must be a
 * runaway-regex limit or memory, never anything else.
 */
#include "fuzz.h"

FUZZ_INIT(fuzz_rules())

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lor_document *doc;
	lor_report *report = fuzz_check_letter(fuzz_rules(), size && (data[0] & 1) ? "fuzz.md" : "fuzz.txt", data,
	                                       size, &doc);

	lor_report_free(report);
	lor_document_free(doc);
	return 0;
}
