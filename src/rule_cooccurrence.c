/* rule_cooccurrence.c - `extends: cooccurrence`: every group must match in one window.
 *
 * Evidence is a combination: an informatics artefact AND what the candidate
 * did with it (AND, ideally, a measured outcome). `groups` is a list of token
 * lists; a window (a scope span, or with `window: N` and sentence scope, N
 * adjacent sentences of one paragraph) matches when each group matches in it.
 * Without min/max each matching window is a finding; with `min`, too few
 * matching windows is one finding at the start of the text. The signal tells
 * whether any window matched. In a window of several sentences each group
 * must match within one of them (a match does not run across a sentence
 * end), which lets each sentence be searched once per group.
 * Keys: groups, exceptions, nonword, window, min, max.
 */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

static const char *const keys[] = { "groups", "exceptions", "nonword", "window", "min", "max", NULL };

typedef struct cooc {
	lor_pattern *groups;
	size_t n;
	size_t window;
	lor_bounds b;
} cooc;

static void release(void *impl)
{
	cooc *c = impl;
	size_t i;

	for (i = 0; i < c->n; i++)
		lor_pattern__release(&c->groups[i]);
	free(c->groups);
	free(c);
}

static int compile(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	yaml_node_t *g = lor_yaml__get(y, map, "groups"), *n;
	yaml_node_item_t *it;
	int nonword = 0, rc;
	double w = 1;
	cooc *c;

	if (!g)
		return lor_yaml__fail(err, y, map, "missing 'groups' (a list of token lists)");
	if (g->type != YAML_SEQUENCE_NODE || g->data.sequence.items.top - g->data.sequence.items.start < 2)
		return lor_yaml__fail(err, y, g, "'groups' must be a list of at least two token lists");
	if ((n = lor_yaml__get(y, map, "nonword")) && (rc = lor_yaml__bool(y, n, "nonword", &nonword, err)))
		return rc;
	if ((n = lor_yaml__get(y, map, "window"))) {
		if ((rc = lor_yaml__number(y, n, "window", &w, err)))
			return rc;
		if (w < 1 || w > 10 || w != (double)(size_t)w)
			return lor_yaml__fail(err, y, n, "'window' must be a whole number from 1 to 10");
		if (rule->scope != LOR_SCOPE_SENTENCE && w > 1)
			return lor_yaml__fail(err, y, n, "'window' needs 'scope: sentence'");
	}
	if (!(c = calloc(1, sizeof(*c))) ||
	    !(c->groups = calloc((size_t)(g->data.sequence.items.top - g->data.sequence.items.start),
	                         sizeof(lor_pattern)))) {
		free(c);
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	}
	c->window = (size_t)w;
	if ((rc = lor_rules__bounds(&c->b, y, map, 0, err))) {
		release(c);
		return rc;
	}
	for (it = g->data.sequence.items.start; it < g->data.sequence.items.top; it++) {
		yaml_node_t *item = lor_yaml__node(y, *it);

		if (item->type != YAML_SEQUENCE_NODE) {
			release(c);
			return lor_yaml__fail(err, y, item, "each of 'groups' must be a list of tokens");
		}
		if ((rc = lor_pattern__compile(&c->groups[c->n], y, item, lor_yaml__get(y, map, "exceptions"),
		                               rule->ignorecase, nonword, err))) {
			release(c);
			return rc;
		}
		c->n++;
	}
	rule->impl = c;
	return LOR_OK;
}

static int found(lor_ctx *ctx, const lor_rule *rule, size_t ms, size_t me, void *arg)
{
	(void)ctx;
	(void)rule;
	(void)ms;
	(void)me;
	*(int *)arg = 1;
	return 1; /* stop at the first match: presence is all that counts */
}

/* Could every group match within [start, end)? The prefilter answers for
 * all groups before any regex runs, so a window that lacks one group's
 * words costs no regex at all, whatever the order of the groups. */
static int all_may_match(lor_ctx *ctx, const cooc *c, size_t start, size_t end, int *may)
{
	size_t k;
	int rc;

	*may = 1;
	for (k = 0; k < c->n && *may; k++)
		if ((rc = lor_ctx__may_match(ctx, &c->groups[k], start, end, may)))
			return rc;
	return LOR_OK;
}

/* Does every group match within [start, end)? */
static int window_matches(lor_ctx *ctx, const lor_rule *rule, const cooc *c, size_t start, size_t end,
                          int *matched)
{
	size_t k;
	int rc;

	*matched = 0;
	if ((rc = all_may_match(ctx, c, start, end, matched)) || !*matched)
		return rc;
	*matched = 0;
	for (k = 0; k < c->n; k++) {
		int hit = 0;

		rc = lor_ctx__each(ctx, rule, &c->groups[k], start, end, found, &hit);

		if (rc < 0)
			return rc;
		if (!hit)
			return LOR_OK;
	}
	*matched = 1;
	return LOR_OK;
}

/* With windows of several sentences, each group is matched once per
 * sentence (found[k * n + i]: 0 unknown, 1 no, 2 yes), and a window
 * matches when every group matches in one of its sentences; a group is
 * only looked for where an earlier group already matched. */
static int window_matches_cached(lor_ctx *ctx, const lor_rule *rule, const cooc *c,
                                 const lor_tok *spans, size_t n, size_t first, size_t last,
                                 unsigned char *seen, int *matched)
{
	size_t k, i;
	int rc;

	if ((rc = all_may_match(ctx, c, spans[first].start, spans[last].end, matched)) || !*matched)
		return rc;
	*matched = 0;
	for (k = 0; k < c->n; k++) {
		int any = 0;

		for (i = first; i <= last && !any; i++) {
			unsigned char *f = &seen[k * n + i];

			if (!*f) {
				int hit = 0;

				rc = lor_ctx__each(ctx, rule, &c->groups[k], spans[i].start, spans[i].end, found, &hit);
				if (rc < 0)
					return rc;
				*f = hit ? 2 : 1;
			}
			any = *f == 2;
		}
		if (!any)
			return LOR_OK;
	}
	*matched = 1;
	return LOR_OK;
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	const cooc *c = rule->impl;
	lor_tok text;
	size_t n, i, windows = 0;
	const lor_tok *spans = lor_ctx__scopes(ctx, rule->scope, &text, &n);
	unsigned char *seen = NULL;
	int rc, matched;

	lor_ctx__signal(ctx, rule, 0);
	if (c->window > 1 && n && !(seen = calloc(c->n * n, 1)))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	for (i = 0; i < n; i++) {
		size_t last = i;

		/* A window of sentences never crosses a paragraph. */
		while (rule->scope == LOR_SCOPE_SENTENCE && last + 1 < n && last + 1 < i + c->window &&
		       spans[last + 1].parent == spans[i].parent)
			last++;
		rc = seen ? window_matches_cached(ctx, rule, c, spans, n, i, last, seen, &matched)
		          : window_matches(ctx, rule, c, spans[i].start, spans[last].end, &matched);
		if (rc) {
			free(seen);
			return rc;
		}
		if (!matched)
			continue;
		windows++;
		lor_ctx__signal(ctx, rule, 1);
		rc = LOR_OK;
		if (!c->b.has_min && !c->b.has_max)
			rc = lor_ctx__emit(ctx, rule, spans[i].start, spans[last].end, NULL, NULL);
		if (!rc && c->b.has_max && (double)windows == c->b.max + 1) {
			char num[32];

			snprintf(num, sizeof(num), "%zu", windows);
			rc = lor_ctx__emit(ctx, rule, spans[i].start, spans[last].end, num, NULL);
		}
		if (rc) {
			free(seen);
			return rc;
		}
	}
	free(seen);
	if (c->b.has_min && (double)windows < c->b.min) {
		char num[32];

		snprintf(num, sizeof(num), "%zu", windows);
		return lor_ctx__emit(ctx, rule, 0, 0, num, NULL);
	}
	return LOR_OK;
}

const lor_rule_kind lor_kind_cooccurrence = { "cooccurrence", keys, compile, check, release };
