/* eval.c - measure the built-in rules and profiles against the labelled corpus.
 *
 *   eval [--check] [--quiet] [--f1-bar X] [--verdict-bar X] [--min-positives N]
 *        [--no-date-bar] [--rules DIR]... [--as-of YYYY-MM-DD] EXPECTED.tsv
 *
 * Reads the labels (corpus/expected.tsv: path, verdict, letter_date, the ten
 * signals, profile), checks every letter with the built-in rules (plus any
 * --rules directories) under the row's profile as of 2026-11-27 (the date the
 * labels were judged on), and prints, per signal, TP/FP/FN/TN, precision,
 * recall and F1, then the verdict agreement and its confusion matrix, then
 * every disagreement (file, signal, expected, got).
 *
 * A signal that no loaded rule declares (e.g. stale_date or non_english while
 * their analyzers are not integrated yet) is reported but left out of the bar,
 * and the output says so.
 *
 * --check: exit 1 unless every letter_date is right, every measured signal
 * has F1 >= 0.95 and the verdict
 * agreement is >= 90%, and no strong letter is called weak nor a weak letter
 * strong. Exit 2 on a usage, label-file, rule or letter error.
 * --f1-bar X and --verdict-bar X (0 to 1) replace the two bars, e.g.
 * `--f1-bar 0.90 --verdict-bar 0.85` for letters the rules were not tuned on.
 * --min-positives N leaves out of the F1 bar a signal with fewer than N
 * positive labels (an F1 over one or two letters says little); it is still
 * reported. --no-date-bar leaves wrong letter dates out of the bar (they are
 * still listed): for published letters whose dates were judged by a reader.
 * Paths in the label file are relative to the working directory (run it from
 * the repository root, as `make eval` does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lorlint.h"

#define F1_BAR 0.95
#define VERDICT_BAR 0.90
#define MAX_FIELDS 32
#define MAX_DIRS 16

typedef struct tally {
	unsigned tp, fp, fn, tn;
} tally;

typedef struct row {
	char *path, *verdict, *profile;
	char date[16];          /* expected letter date, "none", or "" when not labelled */
	int sig[LOR_SIG_COUNT]; /* -1: no label */
} row;

static void usage(FILE *fp)
{
	fprintf(fp, "usage: eval [--check] [--quiet] [--f1-bar X] [--verdict-bar X] [--min-positives N]\n"
	            "            [--no-date-bar] [--rules DIR]... [--as-of YYYY-MM-DD] EXPECTED.tsv\n");
}

/* Split line (modified in place) on tabs into at most max fields. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		char *tab = strchr(p, '\t');

		fields[n++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

static double ratio(unsigned num, unsigned den, double empty)
{
	return den ? (double)num / (double)den : empty;
}

static void free_rows(row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].path);
		free(rows[i].verdict);
		free(rows[i].profile);
	}
	free(rows);
}

/* Read the label file: rows into *out (count in *n). Returns 0 or -1 (message printed). */
static int read_labels(const char *file, row **out, size_t *n)
{
	FILE *fp = fopen(file, "r");
	char line[4096], *f[MAX_FIELDS];
	int col_path = -1, col_verdict = -1, col_profile = -1, col_date = -1, col_sig[LOR_SIG_COUNT];
	size_t nf, i, cap = 0, lineno = 0;
	row *rows = NULL;
	int s;

	*n = 0;
	if (!fp) {
		fprintf(stderr, "eval: cannot open '%s'\n", file);
		return -1;
	}
	for (s = 0; s < LOR_SIG_COUNT; s++)
		col_sig[s] = -1;
	if (!fgets(line, sizeof(line), fp)) {
		fprintf(stderr, "eval: %s: empty label file\n", file);
		fclose(fp);
		return -1;
	}
	lineno++;
	chomp(line);
	nf = split_tabs(line, f, MAX_FIELDS);
	for (i = 0; i < nf; i++) {
		if (!strcmp(f[i], "path"))
			col_path = (int)i;
		else if (!strcmp(f[i], "verdict"))
			col_verdict = (int)i;
		else if (!strcmp(f[i], "profile"))
			col_profile = (int)i;
		else if (!strcmp(f[i], "letter_date"))
			col_date = (int)i;
		else if ((s = lor_signal_find(f[i])) >= 0)
			col_sig[s] = (int)i;
	}
	if (col_path < 0 || col_verdict < 0) {
		fprintf(stderr, "eval: %s:1: the header needs 'path' and 'verdict' columns\n", file);
		fclose(fp);
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		row r;

		lineno++;
		chomp(line);
		if (!line[0] || line[0] == '#')
			continue;
		nf = split_tabs(line, f, MAX_FIELDS);
		if ((size_t)col_path >= nf || (size_t)col_verdict >= nf) {
			fprintf(stderr, "eval: %s:%zu: too few columns\n", file, lineno);
			continue;
		}
		memset(&r, 0, sizeof(r));
		r.path = dup_str(f[col_path]);
		r.verdict = dup_str(f[col_verdict]);
		r.date[0] = '\0';
		if (col_date >= 0 && (size_t)col_date < nf)
			snprintf(r.date, sizeof(r.date), "%s", f[col_date]);
		r.profile = dup_str(col_profile >= 0 && (size_t)col_profile < nf ? f[col_profile] : "residency");
		for (s = 0; s < LOR_SIG_COUNT; s++)
			r.sig[s] = col_sig[s] >= 0 && (size_t)col_sig[s] < nf ? (f[col_sig[s]][0] == '1') : -1;
		if (!r.path || !r.verdict || !r.profile) {
			fprintf(stderr, "eval: out of memory\n");
			free(r.path);
			free(r.verdict);
			free(r.profile);
			free_rows(rows, *n);
			*n = 0;
			fclose(fp);
			return -1;
		}
		if (*n == cap) {
			row *nr;

			cap = cap ? cap * 2 : 64;
			if (!(nr = realloc(rows, cap * sizeof(row)))) {
				fprintf(stderr, "eval: out of memory\n");
				free(r.path);
				free(r.verdict);
				free(r.profile);
				free_rows(rows, *n);
				*n = 0;
				fclose(fp);
				return -1;
			}
			rows = nr;
		}
		rows[(*n)++] = r;
	}
	fclose(fp);
	*out = rows;
	return 0;
}

static int verdict_index(const char *v)
{
	if (!strcmp(v, "strong"))
		return LOR_VERDICT_STRONG;
	if (!strcmp(v, "moderate"))
		return LOR_VERDICT_MODERATE;
	if (!strcmp(v, "weak"))
		return LOR_VERDICT_WEAK;
	return -1;
}

int main(int argc, char **argv)
{
	const char *dirs[MAX_DIRS], *labels = NULL;
	lor_ruleset_options ropts = LOR_RULESET_OPTIONS_INIT;
	lor_check_options copts = LOR_CHECK_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;
	row *rows = NULL;
	tally t[LOR_SIG_COUNT];
	int declared[LOR_SIG_COUNT], decided[LOR_SIG_COUNT];
	unsigned confusion[3][3], agree = 0, checked = 0, errors = 0, dates_checked = 0, date_wrong = 0;
	size_t nrows = 0, ndirs = 0, i, k;
	int check = 0, quiet = 0, s, ai, rc = 0, year = 2026, month = 11, day = 27;
	char buf[2200];
	const char *as_of = "2026-11-27";
	double f1_bar = F1_BAR, verdict_bar = VERDICT_BAR;
	unsigned min_pos = 0;
	int date_bar = 1;
	lor_verdict *got_verdict;
	int *got_sig, *got_score;

	for (ai = 1; ai < argc; ai++) {
		if (!strcmp(argv[ai], "--check")) {
			check = 1;
		} else if (!strcmp(argv[ai], "--quiet")) {
			quiet = 1;
		} else if ((!strcmp(argv[ai], "--f1-bar") || !strcmp(argv[ai], "--verdict-bar")) && ai + 1 < argc) {
			char *end;
			double v = strtod(argv[ai + 1], &end);

			if (end == argv[ai + 1] || *end || v < 0.0 || v > 1.0) {
				fprintf(stderr, "eval: %s wants a number from 0 to 1, not '%s'\n", argv[ai], argv[ai + 1]);
				return 2;
			}
			if (!strcmp(argv[ai], "--f1-bar"))
				f1_bar = v;
			else
				verdict_bar = v;
			ai++;
		} else if (!strcmp(argv[ai], "--min-positives") && ai + 1 < argc) {
			min_pos = (unsigned)strtoul(argv[++ai], NULL, 10);
		} else if (!strcmp(argv[ai], "--no-date-bar")) {
			date_bar = 0;
		} else if (!strcmp(argv[ai], "--rules") && ai + 1 < argc && ndirs < MAX_DIRS) {
			dirs[ndirs++] = argv[++ai];
		} else if (!strcmp(argv[ai], "--as-of") && ai + 1 < argc) {
			as_of = argv[++ai];
			if (lor_date_parse(as_of, &year, &month, &day)) {
				fprintf(stderr, "eval: --as-of wants YYYY-MM-DD, not '%s'\n", as_of);
				return 2;
			}
		} else if (!strcmp(argv[ai], "--help") || !strcmp(argv[ai], "-h")) {
			usage(stdout);
			return 0;
		} else if (argv[ai][0] == '-' || labels) {
			usage(stderr);
			return 2;
		} else {
			labels = argv[ai];
		}
	}
	if (!labels) {
		usage(stderr);
		return 2;
	}
	ropts.dirs = dirs;
	ropts.ndirs = ndirs;
	if (lor_ruleset_load(&rs, &ropts, &err)) {
		fprintf(stderr, "%s\n", lor_error_format(&err, buf, sizeof(buf)));
		return 2;
	}
	if (read_labels(labels, &rows, &nrows)) {
		lor_ruleset_free(rs);
		return 2;
	}
	memset(t, 0, sizeof(t));
	memset(confusion, 0, sizeof(confusion));
	memset(declared, 0, sizeof(declared));
	memset(decided, 0, sizeof(decided));
	for (i = 0; i < lor_ruleset_count(rs); i++) {
		lor_rule_info info;

		if (!lor_ruleset_rule(rs, i, &info) && info.signal && (s = lor_signal_find(info.signal)) >= 0)
			declared[s] = 1;
	}
	got_verdict = calloc(nrows ? nrows : 1, sizeof(*got_verdict));
	got_sig = calloc((nrows ? nrows : 1) * LOR_SIG_COUNT, sizeof(int));
	got_score = calloc(nrows ? nrows : 1, sizeof(int));
	if (!got_verdict || !got_sig || !got_score) {
		fprintf(stderr, "eval: out of memory\n");
		free(got_verdict);
		free(got_sig);
		free(got_score);
		free_rows(rows, nrows);
		lor_ruleset_free(rs);
		return 2;
	}
	copts.as_of_year = year;
	copts.as_of_month = month;
	copts.as_of_day = day;
	for (i = 0; i < nrows; i++) {
		lor_document *doc = NULL;
		lor_report *rep = NULL;

		got_score[i] = -1;
		copts.profile = rows[i].profile;
		if (lor_document_read(&doc, rows[i].path, &err) || lor_check(&rep, rs, doc, &copts, &err)) {
			/* The error names the letter; a profile error names none. */
			fprintf(stderr, "eval: %s%s%s\n", err.path[0] ? "" : rows[i].path, err.path[0] ? "" : ": ",
			        lor_error_format(&err, buf, sizeof(buf)));
			lor_document_free(doc);
			errors++;
			continue;
		}
		checked++;
		for (s = 0; s < LOR_SIG_COUNT; s++) {
			const char *by = NULL;
			int v = lor_report_signal(rep, (lor_signal)s, &by);

			got_sig[i * LOR_SIG_COUNT + (size_t)s] = v;
			if (by)
				decided[s] = 1;
			if (rows[i].sig[s] < 0)
				continue;
			if (v && rows[i].sig[s])
				t[s].tp++;
			else if (v)
				t[s].fp++;
			else if (rows[i].sig[s])
				t[s].fn++;
			else
				t[s].tn++;
		}
		got_verdict[i] = lor_report_verdict(rep);
		got_score[i] = lor_report_score(rep);
		if (rows[i].date[0]) {
			char got[16] = "none";

			lor_report_letter_date_iso(rep, got, sizeof(got));
			dates_checked++;
			if (strcmp(got, rows[i].date)) {
				date_wrong++;
				if (!quiet)
					printf("letter_date: %s: expected %s, got %s\n", rows[i].path, rows[i].date, got);
			}
		}
		{
			int want = verdict_index(rows[i].verdict);

			if (want >= 0) {
				confusion[want][got_verdict[i]]++;
				if (want == (int)got_verdict[i])
					agree++;
			}
		}
		lor_report_free(rep);
		lor_document_free(doc);
	}

	printf("lorlint eval: %u letters checked from %s (as of %s), %u errors\n\n", checked, labels, as_of,
	       errors);
	printf("%-30s %4s %4s %4s %4s  %9s %6s %6s  %s\n", "signal", "TP", "FP", "FN", "TN", "precision",
	       "recall", "F1", "bar");
	for (s = 0; s < LOR_SIG_COUNT; s++) {
		unsigned tp = t[s].tp, fp = t[s].fp, fn = t[s].fn;
		double p = ratio(tp, tp + fp, 1.0), r = ratio(tp, tp + fn, 1.0);
		double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
		int measured = declared[s] || decided[s], few = tp + fn < min_pos;
		const char *status = !measured ? "skipped: no rule sets this signal yet"
		                     : few ? "(too few positives for the bar)"
		                     : f1 >= f1_bar ? "ok" : "FAIL";

		if (measured && !few && f1 < f1_bar)
			rc = 1;
		printf("%-30s %4u %4u %4u %4u  %9.3f %6.3f %6.3f  %s\n", lor_signal_name((lor_signal)s), tp, fp,
		       fn, t[s].tn, p, r, f1, status);
	}
	{
		double va = ratio(agree, checked, 0.0);

		printf("\nverdict agreement: %u/%u = %.1f%%  (bar %.0f%%: %s)\n", agree, checked, 100.0 * va,
		       100.0 * verdict_bar, va >= verdict_bar ? "ok" : "FAIL");
		if (va < verdict_bar)
			rc = 1;
	}
	printf("  expected \\ got   strong moderate   weak\n");
	for (k = 0; k < 3; k++)
		printf("  %-15s %7u %8u %6u\n", lor_verdict_name((lor_verdict)k), confusion[k][0], confusion[k][1],
		       confusion[k][2]);
	{
		/* a strong letter called weak, or a weak letter called strong: never acceptable */
		unsigned cross = confusion[LOR_VERDICT_STRONG][LOR_VERDICT_WEAK] +
		                 confusion[LOR_VERDICT_WEAK][LOR_VERDICT_STRONG];

		printf("strong <-> weak confusions: %u (bar: none)%s\n", cross, cross ? "  FAIL" : "");
		if (cross)
			rc = 1;
	}
	printf("letter_date: %u/%u right (bar: %s)%s\n", dates_checked - date_wrong, dates_checked,
	       date_bar ? "all" : "none", date_wrong && date_bar ? "  FAIL" : "");
	if (date_wrong && date_bar)
		rc = 1;
	for (s = 0; s < LOR_SIG_COUNT; s++)
		if (!declared[s] && !decided[s])
			printf("note: %s is not measured in the bar: no loaded rule sets it yet\n",
			       lor_signal_name((lor_signal)s));

	if (!quiet) {
		unsigned shown = 0;

		printf("\ndisagreements (file, signal, expected, got):\n");
		for (i = 0; i < nrows; i++) {
			if (got_score[i] < 0)
				continue;
			for (s = 0; s < LOR_SIG_COUNT; s++) {
				int want = rows[i].sig[s], got = got_sig[i * LOR_SIG_COUNT + (size_t)s];

				if (want >= 0 && want != got) {
					printf("  %s\t%s\t%d\t%d%s\n", rows[i].path, lor_signal_name((lor_signal)s), want, got,
					       declared[s] || decided[s] ? "" : "\t(not measured)");
					shown++;
				}
			}
			if (verdict_index(rows[i].verdict) != (int)got_verdict[i]) {
				printf("  %s\tverdict\t%s\t%s (score %d, profile %s)\n", rows[i].path, rows[i].verdict,
				       lor_verdict_name(got_verdict[i]), got_score[i], rows[i].profile);
				shown++;
			}
		}
		if (!shown)
			printf("  none\n");
	}
	if (errors)
		rc = 2;
	printf("\n%s\n", rc == 0 ? "eval: PASS" : rc == 1 ? "eval: FAIL (below the bar)" : "eval: ERROR");
	free_rows(rows, nrows);
	free(got_verdict);
	free(got_sig);
	free(got_score);
	lor_ruleset_free(rs);
	return check ? rc : (errors ? 2 : 0);
}
