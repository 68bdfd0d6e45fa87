/* portfolio.c - --portfolio: check every letter, judge them as one set, then report the set and the letters.
 *
 * The letters go through the same runner as always (so every input format
 * the single-letter mode reads works here too), but their reports are kept
 * until all are checked: the set is judged from all of them, handed to the
 * reporter first (formats put the overview where it belongs), then each
 * letter is reported in input order as usual. --fail-under applies to the
 * set score as well as to each letter's.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void run_portfolio(runner *r, const inputs *in, long jobs, const char *profile, int *errors, int *failed)
{
	const lor_report **letters = NULL;
	lor_portfolio *pf = NULL;
	lor_error err;
	size_t k, n = 0;

	if (!in->n) {
		fputs("lorlint: error: no letters to judge as a portfolio (a folder is walked for *.txt and *.md)\n",
		      stderr);
		(*errors)++;
		return;
	}
	r->keep = 1;
	if (!(r->kept = calloc(in->n, sizeof(job))) || !(letters = calloc(in->n, sizeof(*letters))) ||
	    run_jobs(r, in, jobs)) {
		fputs("lorlint: error: out of memory\n", stderr);
		free(r->kept);
		free(letters);
		(*errors)++;
		return;
	}
	for (k = 0; k < in->n; k++)
		if (!r->kept[k].rc)
			letters[n++] = r->kept[k].report;
	if (!n) {
		fputs("lorlint: error: no letter of the portfolio could be checked\n", stderr);
		(*errors)++;
	} else if (lor_portfolio_judge(&pf, r->rs, profile, letters, n, &err)) {
		/* the set's error belongs to no one file: the command's name stands for it */
		fprintf(stderr, "lorlint: error: %s\n", err.message);
		(*errors)++;
	} else {
		if (lor_reporter_portfolio(r->rep, pf))
			(*errors)++;
		if (r->fail_under >= 0 && lor_portfolio_score(pf) < r->fail_under)
			r->failed = 1;
		lor_portfolio_free(pf); /* the reporter has rendered it; it borrows the reports */
	}
	r->keep = 0;
	for (k = 0; k < in->n; k++)
		report_job(r, &r->kept[k]);
	*errors += r->errors;
	*failed |= r->failed;
	free(r->kept);
	free(letters);
}
