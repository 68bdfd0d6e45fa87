/* score.c - scoring profiles: signals to category points, a 0-100 score and a verdict.
 *
 * Weights are data, not code: a profile (rules/profiles/<name>.yml) gives each
 * category a maximum, a starting value and a list of point grants or
 * deductions keyed by signal; the maxima add up to 100. The verdict comes from
 * the profile's thresholds. Every grant or deduction that applies is kept as a
 * reason, so the report can explain each point.
 *
 *   verdict: {strong: 75, moderate: 50}
 *   categories:
 *     endorsement:
 *       max: 25
 *       base: 0
 *       points:
 *         - {signal: explicit_endorsement, points: 25, reason: "states a firm recommendation"}
 *         - {signal: vague_endorsement, when: true, points: -10, reason: "..."}
 *         - {rule: lorlint.InformaticsFocus, points: 5, reason: "..."}
 *
 * A grant keyed by `rule` applies when that rule made at least one finding
 * (with `when: false`, when it made none); a rule that was not applied to the
 * letter (english_only on a letter in another language) grants nothing
 * either way. `requires: [signal, ...]` applies a grant only when those
 * signals are all true, so that a reason is listed only where it applies
 * ("a ranking no example supports" needs a ranking).
 *
 * `levels: {rule: level}` sets the level of a rule's findings under this
 * profile: the same missing informatics example is a warning for a
 * fellowship letter and a suggestion for a residency letter.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct grant {
	int signal, when, points;
	int requires[LOR_SIG_COUNT]; /* signals that must also be true */
	int has_requires;
	char *rule;   /* instead of a signal: this rule made a finding */
	char *reason;
} grant;

typedef struct category {
	int present, max, base;
	grant *grants;
	size_t n, cap;
} category;

typedef struct level_override {
	char *rule;
	lor_level level;
} level_override;

struct lor_profile {
	char *name, *description;
	int strong, moderate;
	category cat[LOR_CAT_COUNT];
	level_override *levels;
	size_t nlevels;
};

lor_level lor_profile__level(const lor_profile *p, const char *rule_id, lor_level dflt)
{
	size_t i;

	for (i = 0; p && i < p->nlevels; i++)
		if (!strcmp(p->levels[i].rule, rule_id))
			return p->levels[i].level;
	return dflt;
}

const char *lor_profile__name(const lor_profile *p)
{
	return p->name;
}

void lor_profile__free(lor_profile *p)
{
	size_t c, i;

	if (!p)
		return;
	for (i = 0; i < p->nlevels; i++)
		free(p->levels[i].rule);
	free(p->levels);
	for (c = 0; c < LOR_CAT_COUNT; c++) {
		for (i = 0; i < p->cat[c].n; i++) {
			free(p->cat[c].grants[i].reason);
			free(p->cat[c].grants[i].rule);
		}
		free(p->cat[c].grants);
	}
	free(p->name);
	free(p->description);
	free(p);
}

static int only_keys(lor_yaml *y, yaml_node_t *map, const char *what, const char *const *keys,
                     lor_error *err)
{
	yaml_node_pair_t *p;
	size_t i;

	if (map->type != YAML_MAPPING_NODE)
		return lor_yaml__fail(err, y, map, "%s must be a mapping", what);
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = lor_yaml__node(y, p->key);
		const char *k = lor_yaml__scalar(kn);

		for (i = 0; k && keys[i]; i++)
			if (!strcmp(keys[i], k))
				break;
		if (!k || !keys[i])
			return lor_yaml__fail(err, y, kn, "unknown key '%s' in %s", k ? k : "?", what);
	}
	return LOR_OK;
}

static int whole(lor_yaml *y, yaml_node_t *n, const char *key, int lo, int hi, int *out, lor_error *err)
{
	double d;
	int rc = lor_yaml__number(y, n, key, &d, err);

	if (rc)
		return rc;
	if (d != (double)(int)d || d < lo || d > hi)
		return lor_yaml__fail(err, y, n, "'%s' must be a whole number from %d to %d", key, lo, hi);
	*out = (int)d;
	return LOR_OK;
}

static int load_grant_rest(grant *gp, lor_yaml *y, yaml_node_t *n, lor_error *err);

static int load_grant(category *c, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	static const char *const keys[] = { "signal", "rule", "when", "points", "reason", "requires", NULL };
	yaml_node_t *v;
	grant g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.signal = -1;
	g.when = 1;
	if ((rc = only_keys(y, n, "a points entry", keys, err)))
		return rc;
	if ((v = lor_yaml__get(y, n, "rule"))) {
		if (lor_yaml__get(y, n, "signal"))
			return lor_yaml__fail(err, y, v, "a points entry takes 'signal' or 'rule', not both");
		if ((rc = lor_yaml__string(y, v, "rule", &g.rule, err)))
			return rc;
	} else if (!(v = lor_yaml__get(y, n, "signal")) || !lor_yaml__scalar(v)) {
		return lor_yaml__fail(err, y, v ? v : n, "a points entry needs 'signal' or 'rule'");
	} else if ((g.signal = lor_signal_find(lor_yaml__scalar(v))) < 0) {
		return lor_yaml__fail(err, y, v, "unknown signal '%s'", lor_yaml__scalar(v));
	}
	rc = load_grant_rest(&g, y, n, err);
	if (rc) {
		free(g.rule);
		return rc;
	}
	if (lor__reserve(&c->grants, &c->cap, c->n + 1, sizeof(grant))) {
		free(g.rule);
		free(g.reason);
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	}
	c->grants[c->n++] = g;
	return LOR_OK;
}

static int load_grant_rest(grant *gp, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	grant g = *gp;
	yaml_node_t *v;
	int rc;

	if ((v = lor_yaml__get(y, n, "when")) && (rc = lor_yaml__bool(y, v, "when", &g.when, err)))
		return rc;
	if ((v = lor_yaml__get(y, n, "requires"))) {
		yaml_node_item_t *it;

		if (v->type != YAML_SEQUENCE_NODE)
			return lor_yaml__fail(err, y, v, "'requires' must be a list of signal names");
		for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
			yaml_node_t *item = lor_yaml__node(y, *it);
			int sg = lor_signal_find(lor_yaml__scalar(item));

			if (sg < 0)
				return lor_yaml__fail(err, y, item, "unknown signal '%s' in 'requires'",
				                      lor_yaml__scalar(item) ? lor_yaml__scalar(item) : "?");
			g.requires[sg] = 1;
			g.has_requires = 1;
		}
	}
	if (!(v = lor_yaml__get(y, n, "points")))
		return lor_yaml__fail(err, y, n, "a points entry needs 'points'");
	if ((rc = whole(y, v, "points", -100, 100, &g.points, err)))
		return rc;
	if (!(v = lor_yaml__get(y, n, "reason")))
		return lor_yaml__fail(err, y, n, "a points entry needs 'reason' (shown in the report)");
	if ((rc = lor_yaml__string(y, v, "reason", &g.reason, err)))
		return rc;
	*gp = g;
	return LOR_OK;
}

static int load_category(category *c, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	static const char *const keys[] = { "max", "base", "points", NULL };
	yaml_node_t *v;
	yaml_node_item_t *it;
	int rc;

	if ((rc = only_keys(y, n, "a category", keys, err)))
		return rc;
	if (!(v = lor_yaml__get(y, n, "max")))
		return lor_yaml__fail(err, y, n, "a category needs 'max'");
	if ((rc = whole(y, v, "max", 0, 100, &c->max, err)))
		return rc;
	if ((v = lor_yaml__get(y, n, "base")) && (rc = whole(y, v, "base", 0, c->max, &c->base, err)))
		return rc;
	c->present = 1;
	if (!(v = lor_yaml__get(y, n, "points")))
		return LOR_OK;
	if (v->type != YAML_SEQUENCE_NODE)
		return lor_yaml__fail(err, y, v, "'points' must be a list");
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
		if ((rc = load_grant(c, y, lor_yaml__node(y, *it), err)))
			return rc;
	return LOR_OK;
}

static int load_levels(lor_profile *p, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	yaml_node_pair_t *pr;
	size_t cap = 0;

	if (n->type != YAML_MAPPING_NODE)
		return lor_yaml__fail(err, y, n, "'levels' must be a mapping of rule ids to levels");
	for (pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top; pr++) {
		const char *k = lor_yaml__scalar(lor_yaml__node(y, pr->key));
		yaml_node_t *vn = lor_yaml__node(y, pr->value);
		int l, rc;

		if (!k)
			return lor_yaml__fail(err, y, lor_yaml__node(y, pr->key), "a rule id must be a string");
		if ((rc = lor_yaml__pick(y, vn, "level", lor__level_names(), &l, err)))
			return rc;
		if (lor__reserve(&p->levels, &cap, p->nlevels + 1, sizeof(*p->levels)) ||
		    !(p->levels[p->nlevels].rule = lor__strdup(k)))
			return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
		p->levels[p->nlevels++].level = (lor_level)l;
	}
	return LOR_OK;
}

static int load(lor_profile *p, lor_yaml *y, lor_error *err)
{
	static const char *const keys[] = { "name", "description", "verdict", "categories", "levels", NULL };
	static const char *const vkeys[] = { "strong", "moderate", NULL };
	yaml_node_t *root = lor_yaml__root(y), *n, *v;
	yaml_node_pair_t *pr;
	int rc, sum = 0, c;

	if ((rc = only_keys(y, root, "a profile", keys, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "name")) && (rc = lor_yaml__string(y, n, "name", &p->name, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "description")) &&
	    (rc = lor_yaml__string(y, n, "description", &p->description, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "levels")) && (rc = load_levels(p, y, n, err)))
		return rc;
	if (!(n = lor_yaml__get(y, root, "verdict")))
		return lor_yaml__fail(err, y, root, "missing 'verdict' (strong and moderate thresholds)");
	if ((rc = only_keys(y, n, "'verdict'", vkeys, err)))
		return rc;
	if (!(v = lor_yaml__get(y, n, "strong")) || !lor_yaml__get(y, n, "moderate"))
		return lor_yaml__fail(err, y, n, "'verdict' needs both 'strong' and 'moderate'");
	if ((rc = whole(y, v, "strong", 1, 100, &p->strong, err)) ||
	    (rc = whole(y, lor_yaml__get(y, n, "moderate"), "moderate", 1, p->strong, &p->moderate, err)))
		return rc;
	if (!(n = lor_yaml__get(y, root, "categories")))
		return lor_yaml__fail(err, y, root, "missing 'categories'");
	if (n->type != YAML_MAPPING_NODE)
		return lor_yaml__fail(err, y, n, "'categories' must be a mapping");
	for (pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top; pr++) {
		yaml_node_t *kn = lor_yaml__node(y, pr->key);
		const char *k = lor_yaml__scalar(kn);

		if ((c = lor_category_find(k)) < 0)
			return lor_yaml__fail(err, y, kn, "unknown category '%s'", k ? k : "?");
		if (p->cat[c].present)
			return lor_yaml__fail(err, y, kn, "duplicate category '%s'", k);
		if ((rc = load_category(&p->cat[c], y, lor_yaml__node(y, pr->value), err)))
			return rc;
		sum += p->cat[c].max;
	}
	if (sum != 100)
		return lor_yaml__fail(err, y, n, "category maxima add up to %d, not 100", sum);
	return LOR_OK;
}

int lor_profile__load(lor_profile **out, const char *path, const char *data, size_t len,
                      lor_error *err)
{
	lor_profile *p = calloc(1, sizeof(*p));
	lor_yaml y;
	int rc;

	if (!p)
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	if ((rc = lor_yaml__load(&y, path, data, len, err)) || (rc = load(p, &y, err))) {
		lor_yaml__release(&y);
		lor_profile__free(p);
		return rc;
	}
	lor_yaml__release(&y);
	if (!p->name) {
		/* Default name: the file's base name without extension. */
		const char *base = strrchr(path, '/'), *dot;

		base = base ? base + 1 : path;
		dot = strrchr(base, '.');
		p->name = lor__strndup(base, dot ? (size_t)(dot - base) : strlen(base));
		if (!p->name) {
			lor_profile__free(p);
			return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		}
	}
	*out = p;
	return LOR_OK;
}

int lor_score__compute(lor_scored *out, const lor_profile *p, const int *signals,
                       int (*fired)(const void *arg, const char *rule_id), const void *arg)
{
	size_t c, i, cap = 0;

	memset(out, 0, sizeof(*out));
	for (c = 0; c < LOR_CAT_COUNT; c++) {
		const category *cat = &p->cat[c];
		int s = cat->base;

		for (i = 0; i < cat->n; i++) {
			const grant *g = &cat->grants[i];
			lor_reason *r;

			int on = g->rule ? fired(arg, g->rule) : signals[g->signal], k, unmet = 0;

			if (on < 0 || !on != !g->when)
				continue; /* on < 0: the rule was not applied to this letter */
			for (k = 0; g->has_requires && k < LOR_SIG_COUNT; k++)
				unmet |= g->requires[k] && !signals[k];
			if (unmet)
				continue;
			s += g->points;
			if (lor__reserve(&out->reasons, &cap, out->nreasons + 1, sizeof(lor_reason)))
				return LOR_ENOMEM;
			r = &out->reasons[out->nreasons++];
			r->category = lor_category_name((lor_category)c);
			r->points = g->points;
			r->reason = g->reason;
		}
		if (s < 0)
			s = 0;
		if (s > cat->max)
			s = cat->max;
		out->category_score[c] = s;
		out->category_max[c] = cat->max;
		out->total += s;
	}
	out->verdict = out->total >= p->strong ? LOR_VERDICT_STRONG
	               : out->total >= p->moderate ? LOR_VERDICT_MODERATE : LOR_VERDICT_WEAK;
	return LOR_OK;
}

void lor_score__release(lor_scored *s)
{
	free(s->reasons);
	s->reasons = NULL;
	s->nreasons = 0;
}
