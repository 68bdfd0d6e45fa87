/* rule_existence.c - `extends: existence`: flag every match of a token list.
 *
 * The simplest kind and the most used: hedges, faint praise, visa status. Each
 * match in each scope span that no exception overlaps is a finding, and sets
 * the rule's signal. Keys: tokens, exceptions, nonword.
 */
#include <stdlib.h>

#include "internal.h"

static const char *const keys[] = { "tokens", "exceptions", "nonword", NULL };

static int compile(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	lor_pattern *p = calloc(1, sizeof(*p));
	int rc;

	if (!p)
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	if ((rc = lor_rules__pattern(p, rule, y, map, err))) {
		free(p);
		return rc;
	}
	rule->impl = p;
	return LOR_OK;
}

static int hit(lor_ctx *ctx, const lor_rule *rule, size_t ms, size_t me, void *arg)
{
	(void)arg;
	lor_ctx__signal(ctx, rule, 1);
	return lor_ctx__emit(ctx, rule, ms, me, NULL, NULL);
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	lor_tok text;
	size_t n, i;
	const lor_tok *spans = lor_ctx__scopes(ctx, rule->scope, &text, &n);
	int rc;

	lor_ctx__signal(ctx, rule, 0);
	for (i = 0; i < n; i++)
		if ((rc = lor_ctx__each(ctx, rule, rule->impl, spans[i].start, spans[i].end, hit, NULL)))
			return rc;
	return LOR_OK;
}

static void release(void *impl)
{
	lor_pattern__release(impl);
	free(impl);
}

const lor_rule_kind lor_kind_existence = { "existence", keys, compile, check, release };
