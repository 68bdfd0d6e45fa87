/* report.c - the report of one checked letter: its lifetime and its accessors.
 *
 * engine.c fills a report (struct lor_report, internal.h); everything a
 * caller reads of it goes through these accessors, which borrow from it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void lor_report_free(lor_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nfindings; i++) {
		free((char *)r->findings[i].message);
		free((char *)r->findings[i].message_redacted);
	}
	free(r->findings);
	free(r->profile);
	free(r->langs);
	free(r->lang_codes);
	free(r->not_judged);
	free(r->facts);
	lor_score__release(&r->score);
	free(r);
}

const lor_document *lor_report_document(const lor_report *r)
{
	return r->doc;
}

const char *lor_report_profile(const lor_report *r)
{
	return r->profile;
}

size_t lor_report_finding_count(const lor_report *r)
{
	return r->nfindings;
}

const lor_finding *lor_report_finding(const lor_report *r, size_t i)
{
	return i < r->nfindings ? &r->findings[i] : NULL;
}

int lor_report_signal(const lor_report *r, lor_signal sig, const char **decided_by)
{
	if ((unsigned)sig >= LOR_SIG_COUNT)
		return 0;
	if (decided_by)
		*decided_by = r->decided_by[sig];
	return r->signal[sig];
}

int lor_report_score(const lor_report *r)
{
	return r->score.total;
}

lor_verdict lor_report_verdict(const lor_report *r)
{
	return r->score.verdict;
}

void lor_report_category(const lor_report *r, lor_category cat, int *score, int *max)
{
	int okc = (unsigned)cat < LOR_CAT_COUNT;

	if (score)
		*score = okc ? r->score.category_score[cat] : 0;
	if (max)
		*max = okc ? r->score.category_max[cat] : 0;
}

size_t lor_report_reason_count(const lor_report *r)
{
	return r->score.nreasons;
}

const lor_reason *lor_report_reason(const lor_report *r, size_t i)
{
	return i < r->score.nreasons ? &r->score.reasons[i] : NULL;
}

size_t lor_report_words(const lor_report *r)
{
	return r->words;
}

int lor_report_letter_date(const lor_report *r, int *year, int *month, int *day)
{
	if (!r->has_date)
		return 0;
	*year = r->year;
	*month = r->month;
	*day = r->day;
	return 1;
}

const char *lor_report_letter_date_iso(const lor_report *r, char *buf, size_t len)
{
	if (!r->has_date || len < 11)
		return NULL;
	if (r->day)
		snprintf(buf, len, "%04d-%02d-%02d", r->year, r->month, r->day);
	else
		snprintf(buf, len, "%04d-%02d", r->year, r->month);
	return buf;
}

const char *lor_report_not_judged(const lor_report *r)
{
	return r ? r->not_judged : NULL;
}

size_t lor_report_language_count(const lor_report *r)
{
	return r->nlangs;
}

const lor_language_span *lor_report_language(const lor_report *r, size_t i)
{
	return i < r->nlangs ? &r->langs[i] : NULL;
}

size_t lor_report_fact_count(const lor_report *r)
{
	return r->nfacts;
}

const lor_fact *lor_report_fact(const lor_report *r, size_t i)
{
	return i < r->nfacts ? &r->facts[i] : NULL;
}

const char *lor_report_fact_value(const lor_report *r, const char *name)
{
	size_t i;

	for (i = 0; name && i < r->nfacts; i++)
		if (!strcmp(r->facts[i].name, name))
			return r->facts[i].value;
	return NULL;
}
