/* rule_substitution.c - `extends: substitution`: flag a phrase and suggest another.
 *
 * `swap` maps a pattern to its replacement ("hard worker": "who <did what>").
 * The message's first %s is the replacement, the second the matched text, as
 * in Vale. Each swap entry is its own compiled pattern, so the finding knows
 * which replacement to offer. Keys: swap, exceptions, nonword.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const keys[] = { "swap", "exceptions", "nonword", NULL };

typedef struct swap {
	lor_pattern *pats;
	char **repl;
	size_t n;
} swap;

static void release(void *impl)
{
	swap *s = impl;
	size_t i;

	for (i = 0; i < s->n; i++) {
		lor_pattern__release(&s->pats[i]);
		free(s->repl[i]);
	}
	free(s->pats);
	free(s->repl);
	free(s);
}

static int compile(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	yaml_node_t *sw = lor_yaml__get(y, map, "swap"), *n;
	yaml_node_pair_t *p;
	swap *s;
	int nonword = 0, rc;
	size_t count;

	if (!sw)
		return lor_yaml__fail(err, y, map, "missing 'swap' (pattern: replacement pairs)");
	if (sw->type != YAML_MAPPING_NODE)
		return lor_yaml__fail(err, y, sw, "'swap' must be a mapping of pattern: replacement");
	count = (size_t)(sw->data.mapping.pairs.top - sw->data.mapping.pairs.start);
	if (!count)
		return lor_yaml__fail(err, y, sw, "'swap' must not be empty");
	if ((n = lor_yaml__get(y, map, "nonword")) && (rc = lor_yaml__bool(y, n, "nonword", &nonword, err)))
		return rc;
	s = calloc(1, sizeof(*s));
	if (!s || !(s->pats = calloc(count, sizeof(lor_pattern))) || !(s->repl = calloc(count, sizeof(char *)))) {
		if (s) {
			free(s->pats);
			free(s);
		}
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	}
	for (p = sw->data.mapping.pairs.start; p < sw->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = lor_yaml__node(y, p->key), *vn = lor_yaml__node(y, p->value);
		yaml_node_t seq;
		yaml_node_item_t item = p->key;

		if (!lor_yaml__scalar(kn)) {
			release(s);
			return lor_yaml__fail(err, y, kn, "'swap' keys must be strings");
		}
		if ((rc = lor_yaml__string(y, vn, "swap value", &s->repl[s->n], err))) {
			release(s);
			return rc;
		}
		/* Present the key as a one-item token list to the shared compiler. */
		memset(&seq, 0, sizeof(seq));
		seq.type = YAML_SEQUENCE_NODE;
		seq.start_mark = kn->start_mark;
		seq.data.sequence.items.start = &item;
		seq.data.sequence.items.top = &item + 1;
		seq.data.sequence.items.end = &item + 1;
		rc = lor_pattern__compile(&s->pats[s->n], y, &seq, lor_yaml__get(y, map, "exceptions"),
		                          rule->ignorecase, nonword, err);
		s->n++;
		if (rc) {
			release(s);
			return rc;
		}
	}
	rule->impl = s;
	return LOR_OK;
}

static int hit(lor_ctx *ctx, const lor_rule *rule, size_t ms, size_t me, void *arg)
{
	lor_ctx__signal(ctx, rule, 1);
	return lor_ctx__emit(ctx, rule, ms, me, arg, NULL);
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	const swap *s = rule->impl;
	lor_tok text;
	size_t n, i, k;
	const lor_tok *spans = lor_ctx__scopes(ctx, rule->scope, &text, &n);
	int rc;

	lor_ctx__signal(ctx, rule, 0);
	for (i = 0; i < n; i++)
		for (k = 0; k < s->n; k++)
			if ((rc = lor_ctx__each(ctx, rule, &s->pats[k], spans[i].start, spans[i].end, hit,
			                        s->repl[k])))
				return rc;
	return LOR_OK;
}

const lor_rule_kind lor_kind_substitution = { "substitution", keys, compile, check, release };
