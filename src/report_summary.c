/* report_summary.c - one line per letter: path, words, score, verdict, failed signals; then totals.
 *
 * The batch view: a reader scanning a folder of letters wants to see at a
 * glance which ones are weak and why, not every finding. A signal "failed"
 * when it cost the letter: a positive signal that is false or a defect that
 * is true (lor_signal_is_positive), the same test as the text report's
 * checklist marks. Files that could not be checked are rows of their own,
 * "ERROR <message>", in input order.
 *
 * The path column is as wide as the longest path (capped; a longer path keeps
 * its tail, where the file name is, behind "..."), so rows are kept until
 * finish: a small struct per letter, never any of its text. That is also why
 * this format is safe under --redact without looking at the option: it holds
 * nothing but paths, numbers and signal names. Colour (the verdict, ERROR)
 * follows opts.color only, as in report_text.c; widths are counted in code
 * points so colour codes and UTF-8 paths do not skew the columns.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"

/* The widest path column, in code points; longer paths are cut at the front. */
#define PATH_MAX_COLS 60
#define VERDICT_COLS 8 /* "moderate" */

typedef struct srow {
	char *path;       /* display form: control characters replaced, maybe shortened */
	char *error;      /* NULL for a checked letter */
	size_t words;
	int score;
	lor_verdict verdict;
	unsigned failed;  /* bit (1u << signal) for each failed signal */
} srow;

typedef struct sumstate {
	srow *rows;
	size_t n, cap;
	long long score_sum;
} sumstate;

static const char *col(const lor_reporter *rep, const char *code)
{
	return rep->opts.color ? code : "";
}

static const char *verdict_color(lor_verdict v)
{
	return v == LOR_VERDICT_STRONG ? C_GREEN : v == LOR_VERDICT_MODERATE ? C_YELLOW : C_RED;
}

/* Display width of UTF-8 text, counted in code points (a wide CJK character
 * counts as one: good enough for file names, and never splits one). */
static size_t cols(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The path as shown: a control character (a newline in a file name would
 * break the table) becomes '?', and a path over PATH_MAX_COLS keeps its last
 * columns behind "...". */
static char *display_path(const char *path)
{
	size_t n = cols(path), skip = n > PATH_MAX_COLS ? n - (PATH_MAX_COLS - 3) : 0;
	lor_buf b = LOR_BUF_INIT;
	const char *p = path;

	if (skip && lor_buf__adds(&b, "..."))
		return NULL;
	for (; *p && skip; p++)
		if (((unsigned char)p[1] & 0xC0) != 0x80)
			skip--; /* p is the last byte of a character */
	for (; *p; p++) {
		char c = (unsigned char)*p < 0x20 || *p == 0x7F ? '?' : *p;

		if (lor_buf__add(&b, &c, 1)) {
			lor_buf__release(&b);
			return NULL;
		}
	}
	return lor_buf__detach(&b);
}

static srow *add_row(lor_reporter *rep, const char *path)
{
	sumstate *st = rep->state;
	srow *row;

	if (!st) {
		if (!(st = calloc(1, sizeof(*st))))
			return NULL;
		rep->state = st;
	}
	if (lor__reserve(&st->rows, &st->cap, st->n + 1, sizeof(srow)))
		return NULL;
	row = &st->rows[st->n];
	memset(row, 0, sizeof(*row));
	if (!(row->path = display_path(path)))
		return NULL;
	st->n++;
	return row;
}

static int file(lor_reporter *rep, const lor_report *r)
{
	srow *row = add_row(rep, lor_document_path(lor_report_document(r)));
	int c;

	if (!row)
		return LOR_ENOMEM;
	row->words = lor_report_words(r);
	row->score = lor_report_score(r);
	row->verdict = lor_report_verdict(r);
	for (c = 0; c < LOR_SIG_COUNT; c++) {
		int on = lor_report_signal(r, (lor_signal)c, NULL);

		if (lor_signal_is_positive((lor_signal)c) ? !on : on)
			row->failed |= 1u << c;
	}
	((sumstate *)rep->state)->score_sum += row->score;
	return LOR_OK;
}

static int error(lor_reporter *rep, const lor_error *e)
{
	srow *row = add_row(rep, e->path);

	if (!row)
		return LOR_ENOMEM;
	return (row->error = lor__strdup(e->message)) ? LOR_OK : LOR_ENOMEM;
}

static void pad(FILE *fp, size_t n)
{
	while (n--)
		fputc(' ', fp);
}

static void print_row(lor_reporter *rep, const srow *row, size_t width)
{
	FILE *fp = rep->fp;
	const char *sep = "";
	int c;

	fputs(row->path, fp);
	pad(fp, width - cols(row->path));
	if (row->error) {
		fprintf(fp, "  %sERROR%s %s\n", col(rep, C_RED), col(rep, C_RESET), row->error);
		return;
	}
	fprintf(fp, "  %5zu  %5d  %s%s%s", row->words, row->score, col(rep, verdict_color(row->verdict)),
	        lor_verdict_name(row->verdict), col(rep, C_RESET));
	pad(fp, VERDICT_COLS - strlen(lor_verdict_name(row->verdict)));
	fputs("  ", fp);
	for (c = 0; c < LOR_SIG_COUNT; c++)
		if (row->failed & (1u << c)) {
			fprintf(fp, "%s%s", sep, lor_signal_name((lor_signal)c));
			sep = ", ";
		}
	fputs(*sep ? "\n" : "-\n", fp);
}

/* --portfolio: one line for the set under the letters, with its findings by id. */
static int portfolio(lor_reporter *rep, const lor_portfolio *pf)
{
	lor_buf b = LOR_BUF_INIT;
	size_t i;
	int rc = lor_buf__addf(&b, "letter set: score %d/100, %s (profile %s); findings: ", lor_portfolio_score(pf),
	                       lor_verdict_name(lor_portfolio_verdict(pf)), lor_portfolio_profile(pf));

	for (i = 0; !rc && i < lor_portfolio_finding_count(pf); i++)
		rc = lor_buf__addf(&b, "%s%s", i ? ", " : "", lor_portfolio_finding(pf, i)->id);
	if (!rc)
		rc = lor_buf__adds(&b, lor_portfolio_finding_count(pf) ? "\n" : "none\n");
	if (rc) {
		lor_buf__release(&b);
		return LOR_ENOMEM;
	}
	free(rep->set_text);
	rep->set_text = lor_buf__detach(&b);
	return rep->set_text ? LOR_OK : LOR_ENOMEM;
}

static int finish(lor_reporter *rep)
{
	sumstate *st = rep->state;
	size_t i, width = 4; /* "PATH" */
	long long tenths;

	for (i = 0; st && i < st->n; i++)
		if (cols(st->rows[i].path) > width)
			width = cols(st->rows[i].path);
	if (st && st->n) {
		fprintf(rep->fp, "%sPATH", col(rep, C_BOLD));
		pad(rep->fp, width - 4);
		fprintf(rep->fp, "  WORDS  SCORE  %-*s  FAILED SIGNALS%s\n", VERDICT_COLS, "VERDICT",
		        col(rep, C_RESET));
		for (i = 0; i < st->n; i++)
			print_row(rep, &st->rows[i], width);
	}
	if (rep->set_text)
		fputs(rep->set_text, rep->fp);
	fprintf(rep->fp, "%zu letter%s checked: %zu strong, %zu moderate, %zu weak; %zu error%s; ",
	        rep->files, rep->files == 1 ? "" : "s", rep->verdicts[LOR_VERDICT_STRONG],
	        rep->verdicts[LOR_VERDICT_MODERATE], rep->verdicts[LOR_VERDICT_WEAK], rep->errors,
	        rep->errors == 1 ? "" : "s");
	if (!rep->files) {
		fputs("mean score -\n", rep->fp);
		return LOR_OK;
	}
	/* integer arithmetic, rounded half up: "%.1f" would follow LC_NUMERIC,
	 * and a library must not print "71,5" because its caller set a locale */
	tenths = (st->score_sum * 20 + (long long)rep->files) / (2 * (long long)rep->files);
	fprintf(rep->fp, "mean score %lld.%lld\n", tenths / 10, tenths % 10);
	return LOR_OK;
}

static void release(lor_reporter *rep)
{
	sumstate *st = rep->state;
	size_t i;

	if (!st)
		return;
	for (i = 0; i < st->n; i++) {
		free(st->rows[i].path);
		free(st->rows[i].error);
	}
	free(st->rows);
	free(st);
}

const lor_reporter_ops lor_report_summary = { "summary", file, error, finish, release, portfolio };
