/* facts_eval.c - measure the fact rules (writer role, letter kind, observation, setting) against labels.
 *
 *   facts_eval [--check] [--bar X] [--quiet] LABELS.tsv
 *
 * LABELS.tsv (corpus/portfolios/letters.tsv and the like): a header line
 * "path<TAB>fact<TAB>fact...", then one row per letter with the expected
 * value of each named fact. Every letter is checked with the built-in rules
 * (residency profile, as of 2026-11-27) and its facts compared with the
 * labels. Prints, per fact, the agreement (right / letters) and every
 * disagreement (path, fact, expected, got).
 *
 * --check: exit 1 unless the facts named "role" and "kind" are each right on
 * at least the bar (default 0.90) of the letters (issue 13's acceptance);
 * the other facts are reported, not barred. Exit 2 on a usage, label-file,
 * rule or letter error. Paths are relative to the working directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lorlint.h"

#define MAX_FACTS 8

static size_t split_tabs(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		fields[n++] = p;
		if (!(p = strchr(p, '\t')))
			break;
		*p++ = '\0';
	}
	return n;
}

int main(int argc, char **argv)
{
	const char *labels = NULL;
	double bar = 0.90;
	int check = 0, quiet = 0, ai, status = 0;
	char line[4096], *head[MAX_FACTS + 1], header[4096];
	size_t nhead = 0, right[MAX_FACTS] = { 0 }, total = 0, k;
	lor_ruleset *rs = NULL;
	lor_check_options copts = LOR_CHECK_OPTIONS_INIT;
	lor_error err;
	FILE *fp;

	for (ai = 1; ai < argc; ai++) {
		if (!strcmp(argv[ai], "--check"))
			check = 1;
		else if (!strcmp(argv[ai], "--quiet"))
			quiet = 1;
		else if (!strcmp(argv[ai], "--bar") && ai + 1 < argc)
			bar = strtod(argv[++ai], NULL);
		else if (argv[ai][0] != '-' && !labels)
			labels = argv[ai];
		else {
			fprintf(stderr, "usage: facts_eval [--check] [--bar X] [--quiet] LABELS.tsv\n");
			return 2;
		}
	}
	if (!labels) {
		fprintf(stderr, "usage: facts_eval [--check] [--bar X] [--quiet] LABELS.tsv\n");
		return 2;
	}
	if (!(fp = fopen(labels, "r"))) {
		perror(labels);
		return 2;
	}
	if (!fgets(header, sizeof(header), fp) || (nhead = split_tabs(header, head, MAX_FACTS + 1)) < 2 ||
	    strcmp(head[0], "path")) {
		fprintf(stderr, "%s:1: error: the header must be 'path' then fact names, tab-separated\n", labels);
		fclose(fp);
		return 2;
	}
	if (lor_ruleset_load(&rs, NULL, &err)) {
		fprintf(stderr, "%s\n", lor_error_format(&err, line, sizeof(line)));
		fclose(fp);
		return 2;
	}
	copts.as_of_year = 2026;
	copts.as_of_month = 11;
	copts.as_of_day = 27;
	while (fgets(line, sizeof(line), fp)) {
		char *f[MAX_FACTS + 1];
		size_t nf = split_tabs(line, f, MAX_FACTS + 1);
		lor_document *doc = NULL;
		lor_report *rep = NULL;

		if (!line[0] || line[0] == '#')
			continue;
		if (nf != nhead) {
			fprintf(stderr, "%s: error: '%s' has %zu fields, the header %zu\n", labels, f[0], nf, nhead);
			status = 2;
			break;
		}
		if (lor_document_read(&doc, f[0], &err) || lor_check(&rep, rs, doc, &copts, &err)) {
			char msg[2048];

			fprintf(stderr, "%s\n", lor_error_format(&err, msg, sizeof(msg)));
			lor_document_free(doc);
			status = 2;
			break;
		}
		total++;
		for (k = 1; k < nf; k++) {
			const char *got = lor_report_fact_value(rep, head[k]);

			if (got && !strcmp(got, f[k]))
				right[k - 1]++;
			else if (!quiet)
				printf("  %-62s %-12s expected %-20s got %s\n", f[0], head[k], f[k], got ? got : "(none)");
		}
		lor_report_free(rep);
		lor_document_free(doc);
	}
	fclose(fp);
	lor_ruleset_free(rs);
	if (status)
		return status;
	for (k = 1; k < nhead; k++) {
		double share = total ? (double)right[k - 1] / (double)total : 0;
		int barred = !strcmp(head[k], "role") || !strcmp(head[k], "kind");

		printf("%-12s %3zu/%zu right (%.1f%%)%s\n", head[k], right[k - 1], total, 100.0 * share,
		       barred ? (share >= bar ? "" : "  BELOW THE BAR") : "  (reported, no bar)");
		if (check && barred && share < bar)
			status = 1;
	}
	return status;
}
