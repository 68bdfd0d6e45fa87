/* selftest.c - run each rule on its own examples (make test does, for every built-in rule).
 *
 * A rule's `bad` examples must each get a finding from it and its `good`
 * examples none. The rule runs alone, with the reference date 2026-11-27, as
 * the labels of corpus/ were judged.
 */
#include <string.h>

#include "internal.h"

/* Run one rule over text; *hits is the number of findings it makes. */
static int run_one(const lor_ruleset *rs, const lor_rule *rule, const char *text, size_t *hits,
                   lor_error *err)
{
	lor_document *doc;
	lor_ctx ctx;
	int rc;

	if ((rc = lor_document_new(&doc, rule->path, text, strlen(text), err)))
		return rc;
	if ((rc = lor_ctx__init(&ctx, doc, err))) {
		lor_document_free(doc);
		return rc;
	}
	ctx.rs = rs;
	ctx.as_of_year = 2026;
	ctx.as_of_month = 11;
	ctx.as_of_day = 27;
	rc = rule->kind->check(rule, &ctx);
	*hits = ctx.nfindings;
	lor_ctx__release(&ctx);
	lor_document_free(doc);
	return rc;
}

int lor_ruleset_selftest(const lor_ruleset *rs, size_t i, lor_error *err)
{
	const lor_rule *rule;
	size_t k, hits;
	int rc;

	if (!rs || i >= rs->nrules)
		return lor_error__set(err, LOR_EARG, "", 0, 0, "no rule %zu", i);
	rule = rs->rules[i];
	for (k = 0; k < rule->nbad; k++) {
		if ((rc = run_one(rs, rule, rule->bad[k], &hits, err)))
			return rc;
		if (!hits)
			return lor_error__set(err, LOR_ERULE, rule->path, 0, 0,
			                      "rule '%s' does not flag its bad example %zu: '%s'", rule->id,
			                      k + 1, rule->bad[k]);
	}
	for (k = 0; k < rule->ngood; k++) {
		if ((rc = run_one(rs, rule, rule->good[k], &hits, err)))
			return rc;
		if (hits)
			return lor_error__set(err, LOR_ERULE, rule->path, 0, 0,
			                      "rule '%s' flags its good example %zu: '%s'", rule->id, k + 1,
			                      rule->good[k]);
	}
	return LOR_OK;
}
