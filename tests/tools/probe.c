/* probe.c - check one-sentence phrasings against the signal each must (or must not) set.
 *
 *   probe FILE...
 *
 * Each line of a probe file is SIGNAL|EXPECTED|TEXT, where EXPECTED is 1 (the
 * text must set the signal) or 0 (it must not), and "\n" in TEXT is a line
 * break; blank lines and lines starting with '#' are skipped. Each text is
 * checked as a whole letter with the built-in rules, the residency profile,
 * as of 2026-11-27. Probes pin a phenomenon in words that appear in no
 * letter the rules were measured on (tests/real/README.md): a rule change
 * that loses one is caught here. Prints every miss and a total; exits 1 on
 * any miss, 2 on a usage, file or rule error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lorlint.h"

/* Turn the two characters "\n" into a line break, in place. */
static void unescape(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*w++ = '\n';
			s++;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

int main(int argc, char **argv)
{
	lor_ruleset *rs = NULL;
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_error err;
	char line[8192], buf[2200];
	unsigned total = 0, misses = 0;
	int a, status = 0;

	if (argc < 2) {
		fputs("usage: probe FILE...\n", stderr);
		return 2;
	}
	if (lor_ruleset_load(&rs, NULL, &err)) {
		fprintf(stderr, "probe: %s\n", lor_error_format(&err, buf, sizeof(buf)));
		return 2;
	}
	o.as_of_year = 2026;
	o.as_of_month = 11;
	o.as_of_day = 27;
	for (a = 1; a < argc && status < 2; a++) {
		FILE *fp = fopen(argv[a], "r");
		unsigned long ln = 0;

		if (!fp) {
			fprintf(stderr, "probe: %s: cannot open\n", argv[a]);
			status = 2;
			break;
		}
		while (fgets(line, sizeof(line), fp)) {
			char *sig, *exp, *text, *bar1, *bar2;
			size_t n = strcspn(line, "\r\n");
			lor_document *doc = NULL;
			lor_report *rep = NULL;
			long s;
			int got;

			ln++;
			line[n] = '\0';
			if (!n || line[0] == '#')
				continue;
			bar1 = strchr(line, '|');
			bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
			if (!bar2 || (bar1[1] != '0' && bar1[1] != '1') || bar2 != bar1 + 2) {
				fprintf(stderr, "%s:%lu: error: expected SIGNAL|0 or 1|TEXT\n", argv[a], ln);
				status = 2;
				break;
			}
			*bar1 = *bar2 = '\0';
			sig = line;
			exp = bar1 + 1;
			text = bar2 + 1;
			if ((s = lor_signal_find(sig)) < 0) {
				fprintf(stderr, "%s:%lu: error: unknown signal '%s'\n", argv[a], ln, sig);
				status = 2;
				break;
			}
			unescape(text);
			if (lor_document_new(&doc, "probe", text, strlen(text), &err) ||
			    lor_check(&rep, rs, doc, &o, &err)) {
				fprintf(stderr, "%s:%lu: %s\n", argv[a], ln, lor_error_format(&err, buf, sizeof(buf)));
				lor_document_free(doc);
				status = 2;
				break;
			}
			got = lor_report_signal(rep, (lor_signal)s, NULL);
			total++;
			if (got != (exp[0] == '1')) {
				misses++;
				printf("%s:%lu: MISS %s expected %c, got %d: %s\n", argv[a], ln, sig, exp[0], got, text);
			}
			lor_report_free(rep);
			lor_document_free(doc);
		}
		fclose(fp);
	}
	lor_ruleset_free(rs);
	if (status)
		return status;
	printf("probes: %u of %u right\n", total - misses, total);
	return misses ? 1 : 0;
}
