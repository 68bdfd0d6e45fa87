/* report_text.c - the human report: compiler-style findings, then the strength report.
 *
 * Findings come first in the form every editor and CI log understands,
 * "path:line:col: level: message [rule]", then per letter the score and
 * verdict, one bar per category, the signal checklist (each item with the rule
 * that decided it) and the points that made the score. Colour is the caller's
 * decision (a terminal, no NO_COLOR); this file only obeys opts.color.
 */
#include <string.h>

#include "internal.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_CYAN "\033[36m"
#define C_DIM "\033[2m"

static const char *col(const lor_reporter *rep, const char *code)
{
	return rep->opts.color ? code : "";
}

static const char *level_color(lor_level l)
{
	return l == LOR_LEVEL_ERROR ? C_RED : l == LOR_LEVEL_WARNING ? C_YELLOW : C_CYAN;
}

static const char *verdict_color(lor_verdict v)
{
	return v == LOR_VERDICT_STRONG ? C_GREEN : v == LOR_VERDICT_MODERATE ? C_YELLOW : C_RED;
}

static void bar(FILE *fp, int score, int max)
{
	int width = 20, filled = max > 0 ? (score * width + max / 2) / max : 0, i;

	for (i = 0; i < width; i++)
		fputs(i < filled ? "\xE2\x96\x88" : "\xE2\x96\x91", fp); /* full block, light shade */
}

static const lor_finding *first_of(const lor_report *r, const char *rule)
{
	size_t i;

	for (i = 0; i < lor_report_finding_count(r); i++)
		if (!strcmp(lor_report_finding(r, i)->rule, rule))
			return lor_report_finding(r, i);
	return NULL;
}

/* The three most important fixes, one per rule: errors first, then
 * warnings, then suggestions, each in the letter's order. */
static void top_fixes(lor_reporter *rep, const lor_report *r)
{
	const char *shown[3];
	size_t n = 0, i, k;
	int level;

	for (level = LOR_LEVEL_ERROR; level >= (int)rep->opts.min_level && n < 3; level--)
		for (i = 0; i < lor_report_finding_count(r) && n < 3; i++) {
			const lor_finding *f = lor_report_finding(r, i);

			if ((int)f->level != level || !f->fix)
				continue;
			for (k = 0; k < n && strcmp(shown[k], f->rule); k++)
				;
			if (k < n)
				continue;
			if (!n)
				fputs("  top fixes:\n", rep->fp);
			shown[n++] = f->rule;
			fprintf(rep->fp, "  %zu. %s %s[%s]%s\n", n, f->fix, col(rep, C_DIM), f->rule,
			        col(rep, C_RESET));
		}
}

static int file(lor_reporter *rep, const lor_report *r)
{
	FILE *fp = rep->fp;
	const char *path = lor_document_path(lor_report_document(r));
	size_t i, shown = 0;
	char where[96];

	for (i = 0; i < lor_report_finding_count(r); i++) {
		const lor_finding *f = lor_report_finding(r, i);

		if (f->level < rep->opts.min_level)
			continue;
		shown++;
		/* a document's finding names its place there, not a line of the
		 * text extracted from it */
		if (lor_reporter__place(lor_report_document(r), &f->span, where, sizeof(where)))
			fprintf(fp, "%s%s: %s:%s", col(rep, C_BOLD), path, where, col(rep, C_RESET));
		else
			fprintf(fp, "%s%s:%zu:%zu:%s", col(rep, C_BOLD), path, f->span.line, f->span.column,
			        col(rep, C_RESET));
		fprintf(fp, " %s%s:%s %s %s[%s]%s\n", col(rep, level_color(f->level)),
		        lor_level_name(f->level), col(rep, C_RESET), lor_reporter__message(rep, f),
		        col(rep, C_DIM), f->rule, col(rep, C_RESET));
	}
	fputc('\n', fp);
	lor_report_text__strength(rep, r, shown);
	fputc('\n', fp);
	return LOR_OK;
}

void lor_report_text__strength(lor_reporter *rep, const lor_report *r, size_t shown)
{
	FILE *fp = rep->fp;
	const char *path = lor_document_path(lor_report_document(r));
	size_t i;
	int c;
	char date[16];
	lor_verdict v = lor_report_verdict(r);

	fprintf(fp, "%s%s%s  score %d/100  %s%s%s  (profile %s, %zu words, %zu finding%s shown",
	        col(rep, C_BOLD), path, col(rep, C_RESET), lor_report_score(r),
	        col(rep, verdict_color(v)), lor_verdict_name(v), col(rep, C_RESET),
	        lor_report_profile(r), lor_report_words(r), shown, shown == 1 ? "" : "s");
	if (lor_report_letter_date_iso(r, date, sizeof(date)))
		fprintf(fp, ", dated %s", date);
	fputs(")\n", fp);
	if (lor_report_not_judged(r))
		fprintf(fp, "  not judged: %s\n", lor_report_not_judged(r));
	for (c = 0; c < LOR_CAT_COUNT; c++) {
		int sc, mx;

		lor_report_category(r, (lor_category)c, &sc, &mx);
		if (!mx)
			continue;
		fprintf(fp, "  %-12s ", lor_category_name((lor_category)c));
		bar(fp, sc, mx);
		fprintf(fp, " %3d/%d\n", sc, mx);
	}
	for (c = 0; c < LOR_SIG_COUNT; c++) {
		const char *by;
		int on = lor_report_signal(r, (lor_signal)c, &by);
		/* A check mark means "good for the letter": a positive signal that is
		 * present, or a defect that is absent. */
		int good = lor_signal_is_positive((lor_signal)c) ? on : !on;
		const lor_finding *f = by ? first_of(r, by) : NULL;
		char at[112] = "", place[96];

		/* The finding that decided it, when the rule made one: where it is. */
		if (f && f->span.length &&
		    lor_reporter__place(lor_report_document(r), &f->span, place, sizeof(place)))
			snprintf(at, sizeof(at), " in %s", place);
		else if (f && f->span.length)
			snprintf(at, sizeof(at), " at %zu:%zu", f->span.line, f->span.column);
		fprintf(fp, "  %s%s%s %-30s %s%s%s%s\n", col(rep, good ? C_GREEN : C_RED),
		        good ? "\xE2\x9C\x93" : "\xE2\x9C\x97", col(rep, C_RESET),
		        lor_signal_name((lor_signal)c), col(rep, C_DIM),
		        by ? by : "(no rule checks this)", at, col(rep, C_RESET));
	}
	for (i = 0; i < lor_report_reason_count(r); i++) {
		const lor_reason *rs = lor_report_reason(r, i);

		fprintf(fp, "  %+4d %-12s %s\n", rs->points, rs->category, rs->reason);
	}
	top_fixes(rep, r);
}

static int finish(lor_reporter *rep)
{
	fprintf(rep->fp, "%zu file%s checked: %zu strong, %zu moderate, %zu weak; %zu error%s\n",
	        rep->files, rep->files == 1 ? "" : "s", rep->verdicts[LOR_VERDICT_STRONG],
	        rep->verdicts[LOR_VERDICT_MODERATE], rep->verdicts[LOR_VERDICT_WEAK], rep->errors,
	        rep->errors == 1 ? "" : "s");
	return LOR_OK;
}

/* Errors are printed on stderr by the caller as they happen; the text report
 * only counts them. */
const lor_reporter_ops lor_report_text = { "text", file, NULL, finish, NULL };
