/* selftest.c - run each rule on its own examples (make test does, for every built-in rule).
 *
 * A rule's `bad` examples must each get a finding from it and its `good`
 * examples none. A fact rule's `bad` examples must each give its fact the
 * rule's value when every rule of that fact runs, its `good` ones must not.
 * A rule runs alone, with the reference date 2026-11-27, as
 * the labels of corpus/ were judged.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A fact rule's example: run every rule of the rule's fact and resolve it;
 * *hits is 1 when the fact takes this rule's value. */
static int run_fact(lor_ctx *ctx, const lor_rule *rule, size_t *hits)
{
	const lor_ruleset *rs = ctx->rs;
	const char *name = lor_fact__name(rule);
	lor_fact *facts = NULL;
	size_t i, n = 0;
	int rc;

	*hits = 0;
	for (i = 0; i < rs->nrules; i++) {
		const char *other = lor_fact__name(rs->rules[i]);

		if (other && !strcmp(other, name) && (rc = rs->rules[i]->kind->check(rs->rules[i], ctx)))
			return rc;
	}
	if (lor_fact__resolve(rs, ctx->votes, ctx->nvotes, &facts, &n))
		return lor_error__set(ctx->err, LOR_ENOMEM, rule->path, 0, 0, "out of memory");
	for (i = 0; i < n; i++)
		if (!strcmp(facts[i].name, name))
			*hits = !strcmp(facts[i].value, lor_fact__value(rule));
	free(facts);
	return LOR_OK;
}

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
	if (lor_fact__name(rule)) {
		rc = run_fact(&ctx, rule, hits);
	} else {
		rc = rule->kind->check(rule, &ctx);
		*hits = ctx.nfindings;
	}
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
	if (rs->catalogue)
		return lor_error__set(err, LOR_EARG, "", 0, 0,
		                      "the rule set was loaded as a catalogue (for listing), so its examples cannot run");
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
