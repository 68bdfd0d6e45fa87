/* setprofile.c - letter-set profiles (rules/sets/<name>.yml): what a set of letters is judged on.
 *
 * A set profile is to the letter set (portfolio.c) what a scoring profile is
 * to one letter: data, not code. It names the number of letters expected,
 * the verdict thresholds, and a list of checks, each with its points, its
 * message, its fix, its next step and the guidance it rests on. A check is
 * one of five kinds, whose meaning is code and whose thresholds are data:
 *
 *   count      the number of letters is outside `min`..`max`
 *   letters    too few (`min`, or `min_share` percent) or too many (`max`)
 *              letters have a fact value (`fact: {kind: clinical}`) or a
 *              signal (`signal: visa_mention`); with too few, the letters
 *              that have the signal `near` but not the value are named by
 *              the next step `next_near` (the project a clinical letter
 *              mentions is the informatics letter to ask for)
 *   every      every letter has at least one of `signals`
 *   templated  two letters share at least `min_sentences` near-duplicate
 *              sentences (word-shingle Jaccard >= `similarity`)
 *   repeated   two letters that are not templated share a sentence
 *              (Jaccard >= `similarity`): the same anecdote told twice
 *
 *   description: ...
 *   verdict: {strong: 75, moderate: 50}
 *   shingle: 3                 # words per shingle
 *   min_words: 8               # shorter sentences are not compared
 *   boilerplate: [regex, ...]  # sentences every letter may share
 *   checks:
 *     - {id: clinical, check: letters, fact: {kind: clinical}, min: 1, points: -20,
 *        message: "...", fix: "...", next: "...", source: "..."}
 *
 * The set score starts at the mean of the letters' own scores; each check
 * that finds something adds its (negative) points; the result is clamped to
 * 0..100. Every step is a reason in the report.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const check_kinds[] = { "count", "letters", "every", "templated", "repeated", NULL };

static void check_release(lor_setcheck *c)
{
	free(c->id);
	free(c->message);
	free(c->fix);
	free(c->next);
	free(c->next_near);
	free(c->source);
	free(c->fact);
	free(c->value);
}

void lor_setprofile__free(lor_setprofile *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nchecks; i++)
		check_release(&p->checks[i]);
	if (p->has_boiler)
		lor_pattern__release(&p->boiler);
	free(p->checks);
	free(p->name);
	free(p->description);
	free(p);
}

/* An optional number within [lo, hi]; *has (when given) tells it was there. */
static int number_in(lor_yaml *y, yaml_node_t *map, const char *key, double lo, double hi, double *out,
                     int *has, lor_error *err)
{
	int rc = lor_yaml__number_in(y, map, key, lo, hi, out, err);

	if (!rc && has && lor_yaml__get(y, map, key))
		*has = 1;
	return rc;
}

static int text_key(lor_yaml *y, yaml_node_t *map, const char *key, int required, char **out,
                    lor_error *err)
{
	yaml_node_t *n = lor_yaml__get(y, map, key);

	if (!n)
		return required ? lor_yaml__fail(err, y, map, "a check needs '%s'", key) : LOR_OK;
	return lor_yaml__string(y, n, key, out, err);
}

/* fact: {name: value} */
static int load_fact(lor_setcheck *c, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	yaml_node_pair_t *pr;
	const char *k, *v;

	if (n->type != YAML_MAPPING_NODE || n->data.mapping.pairs.top - n->data.mapping.pairs.start != 1)
		return lor_yaml__fail(err, y, n, "'fact' must be one 'name: value' pair, e.g. {kind: clinical}");
	pr = n->data.mapping.pairs.start;
	k = lor_yaml__scalar(lor_yaml__node(y, pr->key));
	v = lor_yaml__scalar(lor_yaml__node(y, pr->value));
	if (!k || !v)
		return lor_yaml__fail(err, y, n, "'fact' must be one 'name: value' pair of strings");
	if (!(c->fact = lor__strdup(k)) || !(c->value = lor__strdup(v)))
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	return LOR_OK;
}

static int load_signals(lor_setcheck *c, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	yaml_node_item_t *it;

	if (n->type != YAML_SEQUENCE_NODE)
		return lor_yaml__fail(err, y, n, "'signals' must be a list of signal names");
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = lor_yaml__node(y, *it);
		int s = lor_signal_find(lor_yaml__scalar(item));

		if (s < 0)
			return lor_yaml__fail(err, y, item, "unknown signal '%s'",
			                      lor_yaml__scalar(item) ? lor_yaml__scalar(item) : "?");
		c->signals[s] = 1;
	}
	return LOR_OK;
}

/* The kind-specific keys of one check, and what each kind requires. */
static int load_kind_keys(lor_setcheck *c, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	yaml_node_t *v;
	int rc;

	c->similarity = c->kind == LOR_SETCHECK_TEMPLATED ? 0.5 : 0.8;
	c->min_sentences = 3;
	if ((rc = number_in(y, n, "min", 0, 100, &c->min, &c->has_min, err)) ||
	    (rc = number_in(y, n, "max", 0, 100, &c->max, &c->has_max, err)) ||
	    (rc = number_in(y, n, "min_share", 0, 100, &c->min_share, &c->has_min_share, err)) ||
	    (rc = number_in(y, n, "similarity", 0.05, 1, &c->similarity, NULL, err)) ||
	    (rc = number_in(y, n, "min_sentences", 1, 100, &c->min_sentences, NULL, err)))
		return rc;
	if ((v = lor_yaml__get(y, n, "fact")) && (rc = load_fact(c, y, v, err)))
		return rc;
	if ((v = lor_yaml__get(y, n, "signal"))) {
		if ((c->signal = lor_signal_find(lor_yaml__scalar(v))) < 0)
			return lor_yaml__fail(err, y, v, "unknown signal '%s'", lor_yaml__scalar(v) ? lor_yaml__scalar(v) : "?");
	}
	if ((v = lor_yaml__get(y, n, "signals")) && (rc = load_signals(c, y, v, err)))
		return rc;
	if ((v = lor_yaml__get(y, n, "near"))) {
		if ((c->near = lor_signal_find(lor_yaml__scalar(v))) < 0)
			return lor_yaml__fail(err, y, v, "unknown signal '%s'", lor_yaml__scalar(v) ? lor_yaml__scalar(v) : "?");
		if (!(v = lor_yaml__get(y, n, "next_near")))
			return lor_yaml__fail(err, y, n, "'near' needs 'next_near' (the next step that names those letters)");
		if ((rc = lor_yaml__string(y, v, "next_near", &c->next_near, err)))
			return rc;
	} else if ((v = lor_yaml__get(y, n, "next_near"))) {
		return lor_yaml__fail(err, y, v, "'next_near' needs 'near' (the signal of the letters it names)");
	}
	switch (c->kind) {
	case LOR_SETCHECK_COUNT:
		if (!c->has_min && !c->has_max)
			return lor_yaml__fail(err, y, n, "a 'count' check needs 'min' or 'max'");
		break;
	case LOR_SETCHECK_LETTERS:
		if (!c->fact == (c->signal < 0))
			return lor_yaml__fail(err, y, n, "a 'letters' check needs 'fact' or 'signal' (one of them)");
		if (!c->has_min && !c->has_max && !c->has_min_share)
			return lor_yaml__fail(err, y, n, "a 'letters' check needs 'min', 'min_share' or 'max'");
		break;
	case LOR_SETCHECK_EVERY: {
		int s, any = 0;

		for (s = 0; s < LOR_SIG_COUNT; s++)
			any |= c->signals[s];
		if (!any)
			return lor_yaml__fail(err, y, n, "an 'every' check needs 'signals'");
		break;
	}
	default:
		break;
	}
	return LOR_OK;
}

static int load_check(lor_setprofile *p, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	static const char *const keys[] = { "id", "check", "points", "message", "fix", "next", "source",
		                            "fact", "signal", "signals", "min", "max", "min_share",
		                            "similarity", "min_sentences", "near", "next_near", NULL };
	lor_setcheck c;
	yaml_node_t *v;
	double pts = 0;
	int rc, k;

	memset(&c, 0, sizeof(c));
	c.signal = -1;
	c.near = -1;
	if ((rc = lor_yaml__only_keys(y, n, "a check", keys, err)))
		return rc;
	if (!(v = lor_yaml__get(y, n, "check")))
		return lor_yaml__fail(err, y, n, "a check needs 'check' (count, letters, every, templated or repeated)");
	if ((rc = lor_yaml__pick(y, v, "check", check_kinds, &k, err)))
		return rc;
	c.kind = (lor_setcheck_kind)k;
	if (!(rc = text_key(y, n, "id", 1, &c.id, err)) && !(rc = text_key(y, n, "message", 1, &c.message, err)) &&
	    !(rc = text_key(y, n, "fix", 1, &c.fix, err)) && !(rc = text_key(y, n, "next", 1, &c.next, err)) &&
	    !(rc = text_key(y, n, "source", 1, &c.source, err)) &&
	    !(rc = number_in(y, n, "points", -100, 0, &pts, NULL, err)))
		rc = load_kind_keys(&c, y, n, err);
	if (!rc && !lor_yaml__get(y, n, "points"))
		rc = lor_yaml__fail(err, y, n, "a check needs 'points' (0 or less: what a finding costs the set)");
	c.points = (int)pts;
	if (!rc && lor__reserve(&p->checks, &p->capchecks, p->nchecks + 1, sizeof(c)))
		rc = lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	if (rc) {
		check_release(&c);
		return rc;
	}
	p->checks[p->nchecks++] = c;
	return LOR_OK;
}

/* The boilerplate patterns: a token list like a rule's (whole words, any case). */
static int load_boilerplate(lor_setprofile *p, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	int rc;

	if (n->type != YAML_SEQUENCE_NODE)
		return lor_yaml__fail(err, y, n, "'boilerplate' must be a list of patterns");
	if ((rc = lor_pattern__compile(&p->boiler, y, n, NULL, 1, 0, err)))
		return rc;
	p->has_boiler = 1;
	return LOR_OK;
}

static int load_root(lor_setprofile *p, lor_yaml *y, yaml_node_t *root, lor_error *err)
{
	static const char *const keys[] = { "description", "verdict", "shingle", "min_words", "boilerplate",
		                            "checks", NULL };
	static const char *const vkeys[] = { "strong", "moderate", NULL };
	yaml_node_t *n;
	yaml_node_item_t *it;
	double v;
	int rc;

	if ((rc = lor_yaml__only_keys(y, root, "a letter-set profile", keys, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "description")) &&
	    (rc = lor_yaml__string(y, n, "description", &p->description, err)))
		return rc;
	if (!(n = lor_yaml__get(y, root, "verdict")))
		return lor_yaml__fail(err, y, root, "missing 'verdict' ({strong: N, moderate: N})");
	if ((rc = lor_yaml__only_keys(y, n, "'verdict'", vkeys, err)))
		return rc;
	v = 75;
	if ((rc = number_in(y, n, "strong", 0, 100, &v, NULL, err)))
		return rc;
	p->strong = (int)v;
	v = 50;
	if ((rc = number_in(y, n, "moderate", 0, 100, &v, NULL, err)))
		return rc;
	p->moderate = (int)v;
	v = 3;
	if ((rc = number_in(y, root, "shingle", 1, 8, &v, NULL, err)))
		return rc;
	p->shingle = (size_t)v;
	v = 8;
	if ((rc = number_in(y, root, "min_words", 1, 100, &v, NULL, err)))
		return rc;
	p->min_words = (size_t)v;
	if ((n = lor_yaml__get(y, root, "boilerplate")) && (rc = load_boilerplate(p, y, n, err)))
		return rc;
	if (!(n = lor_yaml__get(y, root, "checks")) || n->type != YAML_SEQUENCE_NODE)
		return lor_yaml__fail(err, y, n ? n : root, "missing 'checks' (a list of checks)");
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
		if ((rc = load_check(p, y, lor_yaml__node(y, *it), err)))
			return rc;
	return LOR_OK;
}

int lor_setprofile__load(lor_setprofile **out, const char *path, const char *data, size_t len, int trusted,
                         const struct lor_rulecache_rec *rec, lor_error *err)
{
	const char *base = strrchr(path, '/'), *dot;
	lor_setprofile *p;
	lor_yaml y;
	int rc;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!(p = calloc(1, sizeof(*p))) ||
	    !(p->name = lor__strndup(base, dot ? (size_t)(dot - base) : strlen(base)))) {
		free(p);
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	}
	if ((rc = lor_yaml__load(&y, path, data, len, err))) {
		lor_setprofile__free(p);
		return rc;
	}
	y.trusted = trusted;
	y.cached = trusted && !rec; /* as a built-in rule file's (rules.c) */
	y.rec = rec;
	if (rec && rec->file && rec->file(rec->arg, path)) {
		lor_yaml__release(&y);
		lor_setprofile__free(p);
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	}
	if (y.cached) { /* its patterns name no word class: the plan holds whatever classes are loaded */
		const lor_rulecache_plan *plan = lor_rulecache__plan(path);

		if (plan) {
			y.plan = lor_rulecache__plan_entries + plan->first;
			y.nplan = plan->count;
		}
	}
	if (lor_yaml__root(&y)->type != YAML_MAPPING_NODE)
		rc = lor_yaml__fail(err, &y, lor_yaml__root(&y), "a letter-set profile must be a mapping of keys");
	else
		rc = load_root(p, &y, lor_yaml__root(&y), err);
	lor_yaml__release(&y);
	if (rc) {
		lor_setprofile__free(p);
		return rc;
	}
	*out = p;
	return LOR_OK;
}
