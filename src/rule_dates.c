/* rule_dates.c - `extends: dates`: judge the letter's date and dated activities against --as-of.
 *
 * Dates are extracted once per document by dates.c (through lor_ctx__dates);
 * each dates rule asks one question of them, chosen by `check`:
 *   stale        the letter date is more than `years` before the reference date
 *                (and, with `max_years`, at most that many: one finding per
 *                problem, so a very stale letter gets the very-stale rule's
 *                error and not this warning as well)
 *   future       the letter date is after the reference date
 *   missing      no letter date was found
 *   ambiguous    a numeric date could be read day-first or month-first
 *   observation  a dated activity ("I supervised her in 2016") ended more than
 *                `years` before the reference date: every age in a report is
 *                measured from the same date. Graduation, admission and other
 *                milestones date no observed work (dates.c leaves them out)
 * Thresholds live in the rule file, so a program can say "3 years" without a
 * rebuild. A coarse date (a month, a season, a year) counts from its last day,
 * so it never looks older than it could be. Messages: stale and future take
 * the date (ISO) and the age in years; ambiguous takes the text and its
 * reading; observation the text and the age. Keys: check, years, max_years.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const keys[] = { "check", "years", "max_years", NULL };

typedef enum dcheck { D_STALE, D_FUTURE, D_MISSING, D_AMBIGUOUS, D_OBSERVATION } dcheck;
static const char *const check_names[] = { "stale", "future", "missing", "ambiguous", "observation", NULL };

#define DAYS_PER_YEAR 365.2425

typedef struct dates_rule {
	dcheck check;
	double years;
	double max_years; /* stale: 0, or the age above which another rule speaks */
} dates_rule;

static void release(void *impl)
{
	free(impl);
}

static int compile(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	yaml_node_t *n = lor_yaml__get(y, map, "check");
	dates_rule *d;
	int i, rc;

	(void)rule;
	if (!n)
		return lor_yaml__fail(err, y, map, "missing 'check' (stale, future, missing, ambiguous or observation)");
	if ((rc = lor_yaml__pick(y, n, "check", check_names, &i, err)))
		return rc;
	if (!(d = calloc(1, sizeof(*d))))
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	d->check = (dcheck)i;
	if ((n = lor_yaml__get(y, map, "years"))) {
		if ((rc = lor_yaml__number(y, n, "years", &d->years, err))) {
			free(d);
			return rc;
		}
		if (d->years <= 0 || d->years > 100) {
			free(d);
			return lor_yaml__fail(err, y, n, "'years' must be a number above 0 and at most 100");
		}
	} else if (d->check == D_STALE || d->check == D_OBSERVATION) {
		free(d);
		return lor_yaml__fail(err, y, map, "missing 'years' (the age threshold)");
	}
	if ((n = lor_yaml__get(y, map, "max_years"))) {
		if (d->check != D_STALE) {
			free(d);
			return lor_yaml__fail(err, y, n, "'max_years' is only used by 'check: stale'");
		}
		if ((rc = lor_yaml__number(y, n, "max_years", &d->max_years, err))) {
			free(d);
			return rc;
		}
		if (d->max_years <= d->years) {
			double mx = d->max_years, yr = d->years;

			free(d);
			return lor_yaml__fail(err, y, n, "'max_years' (%g) must be above 'years' (%g)", mx, yr);
		}
	}
	rule->impl = d;
	return LOR_OK;
}

/* First and last day an item can mean. */
static void first_day(const lor_date__item *it, int *y, int *m, int *d)
{
	*y = it->year;
	*m = it->month ? it->month : 1;
	*d = it->day ? it->day : 1;
}

static void fmt_years(char *buf, size_t len, long days)
{
	snprintf(buf, len, "%.1f", (double)days / DAYS_PER_YEAR);
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	const dates_rule *dr = rule->impl;
	const lor_date__item *letter;
	char a[32], b[32];
	size_t i;
	int rc, y, m, d;
	long days;

	lor_ctx__signal(ctx, rule, 0);
	if ((rc = lor_ctx__dates(ctx)))
		return rc;
	letter = ctx->letter_date >= 0 ? &ctx->dates.items[ctx->letter_date] : NULL;
	switch (dr->check) {
	case D_MISSING:
		if (letter)
			return LOR_OK;
		lor_ctx__signal(ctx, rule, 1);
		return lor_ctx__emit(ctx, rule, 0, 0, "", "");
	case D_STALE:
	case D_FUTURE:
		if (!letter)
			return LOR_OK;
		if (dr->check == D_STALE)
			lor_dates__last_day(letter, &y, &m, &d);
		else
			first_day(letter, &y, &m, &d);
		days = lor_dates__days_between(y, m, d, ctx->as_of_year, ctx->as_of_month, ctx->as_of_day);
		if (days == LOR_DATES__BAD_SPAN)
			return LOR_OK;
		if (dr->check == D_STALE ? (double)days <= dr->years * DAYS_PER_YEAR : days >= 0)
			return LOR_OK;
		if (dr->check == D_STALE && dr->max_years > 0 && (double)days > dr->max_years * DAYS_PER_YEAR)
			return LOR_OK; /* the very-stale rule's problem */
		lor_ctx__signal(ctx, rule, 1);
		if (letter->kind == LOR_DATE__DAY)
			snprintf(a, sizeof(a), "%04d-%02d-%02d", letter->year, letter->month, letter->day);
		else if (letter->month)
			snprintf(a, sizeof(a), "%04d-%02d", letter->year, letter->month);
		else
			snprintf(a, sizeof(a), "%04d", letter->year);
		fmt_years(b, sizeof(b), days < 0 ? -days : days);
		return lor_ctx__emit(ctx, rule, letter->offset, letter->offset + letter->length, a, b);
	case D_AMBIGUOUS:
		for (i = 0; i < ctx->dates.count; i++) {
			const lor_date__item *it = &ctx->dates.items[i];

			if (!it->ambiguous)
				continue;
			lor_ctx__signal(ctx, rule, 1);
			snprintf(a, sizeof(a), "%04d-%02d-%02d", it->year, it->month, it->day);
			if ((rc = lor_ctx__emit(ctx, rule, it->offset, it->offset + it->length, NULL, a)))
				return rc;
		}
		return LOR_OK;
	case D_OBSERVATION:
		y = ctx->as_of_year;
		m = ctx->as_of_month;
		d = ctx->as_of_day;
		for (i = 0; i < ctx->dates.count; i++) {
			const lor_date__item *it = &ctx->dates.items[i];
			int iy, im, id;

			if (!(it->context & LOR_DATE__CTX_OBSERVATION) || it->kind == LOR_DATE__RELATIVE ||
			    (long)i == ctx->letter_date)
				continue;
			/* A range counts from its end: skip a start whose end follows. */
			if (i + 1 < ctx->dates.count && ctx->dates.items[i + 1].range_end)
				continue;
			lor_dates__last_day(it, &iy, &im, &id);
			days = lor_dates__days_between(iy, im, id, y, m, d);
			if (days == LOR_DATES__BAD_SPAN || (double)days <= dr->years * DAYS_PER_YEAR)
				continue;
			lor_ctx__signal(ctx, rule, 1);
			snprintf(b, sizeof(b), "%ld", days / 365);
			if ((rc = lor_ctx__emit(ctx, rule, it->offset, it->offset + it->length, NULL, b)))
				return rc;
		}
		return LOR_OK;
	}
	return LOR_OK;
}

const lor_rule_kind lor_kind_dates = { "dates", keys, compile, check, release };
