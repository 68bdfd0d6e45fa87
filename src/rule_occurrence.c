/* rule_occurrence.c - `extends: occurrence`: a pattern must appear between min and max times.
 *
 * Counts the matches of a token list in each scope span. Too few ("no
 * comparative ranking anywhere": min 1 over text) is one finding at the start
 * of the span; too many is a finding at the first match past max. The rule's
 * signal tells whether the pattern was present at all, so the same rule both
 * detects the strength and reports its absence. The message's %s is the count.
 * Keys: tokens, exceptions, nonword, min, max.
 */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

static const char *const keys[] = { "tokens", "exceptions", "nonword", "min", "max", NULL };

typedef struct occurrence {
	lor_pattern p;
	lor_bounds b;
} occurrence;

static void release(void *impl)
{
	occurrence *o = impl;

	lor_pattern__release(&o->p);
	free(o);
}

static int compile(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	occurrence *o = calloc(1, sizeof(*o));
	int rc;

	if (!o)
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	if ((rc = lor_rules__bounds(&o->b, y, map, 1, err)) || (rc = lor_rules__pattern(&o->p, rule, y, map, err))) {
		free(o);
		return rc;
	}
	rule->impl = o;
	return LOR_OK;
}

typedef struct tally {
	const occurrence *o;
	size_t count;
} tally;

static int count(lor_ctx *ctx, const lor_rule *rule, size_t ms, size_t me, void *arg)
{
	tally *t = arg;
	char num[32];

	t->count++;
	if (t->o->b.has_max && (double)t->count == t->o->b.max + 1) {
		snprintf(num, sizeof(num), "%zu", t->count);
		return lor_ctx__emit(ctx, rule, ms, me, num, NULL);
	}
	(void)rule;
	return LOR_OK;
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	const occurrence *o = rule->impl;
	lor_tok text;
	size_t n, i;
	const lor_tok *spans = lor_ctx__scopes(ctx, rule->scope, &text, &n);
	int rc;

	lor_ctx__signal(ctx, rule, 0);
	for (i = 0; i < n; i++) {
		tally t = { o, 0 };

		if ((rc = lor_ctx__each(ctx, rule, &o->p, spans[i].start, spans[i].end, count, &t)))
			return rc;
		if (t.count)
			lor_ctx__signal(ctx, rule, 1);
		if (o->b.has_min && (double)t.count < o->b.min) {
			char num[32];

			snprintf(num, sizeof(num), "%zu", t.count);
			if ((rc = lor_ctx__emit(ctx, rule, spans[i].start, spans[i].start, num, NULL)))
				return rc;
		}
	}
	return LOR_OK;
}

const lor_rule_kind lor_kind_occurrence = { "occurrence", keys, compile, check, release };
