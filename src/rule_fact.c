/* rule_fact.c - `extends: fact`: rules that vote for a fact about the letter instead of flagging it.
 *
 * A fact is a named property of a letter with one value out of several: the
 * writer's role, the kind of letter, direct observation or title only, a U.S.
 * setting or not (issue 13). Each fact rule names a fact and a value; every
 * match of its tokens adds its `weight` (default 1) to that value's votes,
 * and after all rules have run the value with the most votes is the
 * letter's (ties: the value with the heaviest single rule, then the first
 * rule by id). A rule with `default: true` and no tokens names the value a
 * fact takes when nothing voted. Fact rules make no findings and set no
 * signal, so they never change a letter's score; the letter-set judgement
 * (portfolio.c) reads the facts.
 *
 * Where a rule looks is its `scope` (text, paragraph, sentence) cut to its
 * `region`: `text` (everything), `body` (salutation to closing) or
 * `signature` (the letterhead before the salutation and the signature block
 * after the closing; without a closing line, the last paragraph). With
 * `once: true` a scope span votes at most once, so a paragraph counts as one
 * piece of evidence however many words in it match. With `share: P` (text
 * scope) the rule votes once when at least P percent of the paragraphs of
 * `min_words` words or more (default 20) match: "informatics in every
 * paragraph" is `share: 100`.
 *
 * Keys: fact, value, tokens, exceptions, nonword, weight, default, once,
 * region, share, min_words.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const keys[] = { "fact", "value", "tokens", "exceptions", "nonword", "weight",
	                            "default", "once", "region", "share", "min_words", NULL };

typedef enum region { R_TEXT = 0, R_BODY, R_SIGNATURE } region;
static const char *const region_names[] = { "text", "body", "signature", NULL };

typedef struct fact {
	char *name, *value;
	double weight, share, min_words;
	int dflt, once, has_share;
	region where;
	lor_pattern p;
	int has_p;
} fact;

static void release(void *impl)
{
	fact *f = impl;

	if (!f)
		return;
	if (f->has_p)
		lor_pattern__release(&f->p);
	free(f->name);
	free(f->value);
	free(f);
}

/* A fact or value name: [a-z][a-z0-9_]*, so that it can be a JSON key and a
 * profile word without quoting. */
static int valid_name(const char *s)
{
	if (!s || !(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static int name_key(lor_yaml *y, yaml_node_t *map, const char *key, char **out, lor_error *err)
{
	yaml_node_t *n = lor_yaml__get(y, map, key);
	int rc;

	if (!n)
		return lor_yaml__fail(err, y, map, "missing '%s' (a fact rule names a fact and a value)", key);
	if ((rc = lor_yaml__string(y, n, key, out, err)))
		return rc;
	if (!valid_name(*out))
		return lor_yaml__fail(err, y, n, "'%s' must be a lower-case name ([a-z][a-z0-9_]*), not '%s'",
		                      key, *out);
	return LOR_OK;
}

static int compile_keys(fact *f, lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	yaml_node_t *n;
	int rc, v;

	if ((rc = name_key(y, map, "fact", &f->name, err)) || (rc = name_key(y, map, "value", &f->value, err)))
		return rc;
	if ((n = lor_yaml__get(y, map, "weight"))) {
		if ((rc = lor_yaml__number(y, n, "weight", &f->weight, err)))
			return rc;
		if (f->weight <= 0)
			return lor_yaml__fail(err, y, n, "'weight' must be above 0");
	}
	if ((n = lor_yaml__get(y, map, "default")) && (rc = lor_yaml__bool(y, n, "default", &f->dflt, err)))
		return rc;
	if ((n = lor_yaml__get(y, map, "once")) && (rc = lor_yaml__bool(y, n, "once", &f->once, err)))
		return rc;
	if ((n = lor_yaml__get(y, map, "region"))) {
		if ((rc = lor_yaml__pick(y, n, "region", region_names, &v, err)))
			return rc;
		f->where = (region)v;
	}
	if ((n = lor_yaml__get(y, map, "share"))) {
		if ((rc = lor_yaml__number(y, n, "share", &f->share, err)))
			return rc;
		if (f->share <= 0 || f->share > 100)
			return lor_yaml__fail(err, y, n, "'share' is a percentage above 0, at most 100");
		if (rule->scope != LOR_SCOPE_TEXT)
			return lor_yaml__fail(err, y, n, "'share' needs 'scope: text'");
		f->has_share = 1;
	}
	if ((n = lor_yaml__get(y, map, "min_words"))) {
		if (!f->has_share)
			return lor_yaml__fail(err, y, n, "'min_words' is only used with 'share'");
		if ((rc = lor_yaml__number(y, n, "min_words", &f->min_words, err)))
			return rc;
	}
	if (f->dflt) {
		if ((n = lor_yaml__get(y, map, "tokens")))
			return lor_yaml__fail(err, y, n, "a 'default: true' fact rule has no 'tokens': it names the "
			                                 "value when no rule of the fact matched");
		return LOR_OK;
	}
	if ((rc = lor_rules__pattern(&f->p, rule, y, map, err)))
		return rc;
	f->has_p = 1;
	return LOR_OK;
}

static int compile(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	fact *f = calloc(1, sizeof(*f));
	int rc;

	if (!f)
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	f->weight = 1;
	f->min_words = 20;
	if ((rc = compile_keys(f, rule, y, map, err))) {
		release(f);
		return rc;
	}
	rule->impl = f;
	return LOR_OK;
}

typedef struct tally {
	const fact *f;
	size_t count;
} tally;

static int count(lor_ctx *ctx, const lor_rule *rule, size_t ms, size_t me, void *arg)
{
	tally *t = arg;

	(void)ctx;
	(void)rule;
	(void)ms;
	(void)me;
	t->count++;
	return t->f->once ? 1 : LOR_OK; /* 1 stops the scan: one vote is enough */
}

/* The parts of the letter a region covers, as normalized spans; *n of them. */
static size_t region_spans(const lor_ctx *ctx, region where, size_t a[2], size_t z[2])
{
	const lor_document *doc = ctx->doc;
	size_t start, end, np = doc->ntok[LOR_TOK_PARAGRAPH];

	if (where == R_TEXT) {
		a[0] = 0;
		z[0] = doc->norm_len;
		return 1;
	}
	lor_metric__body_span(doc, &start, &end);
	if (where == R_BODY) {
		a[0] = start;
		z[0] = end;
		return 1;
	}
	a[0] = 0;
	z[0] = start;
	a[1] = end;
	z[1] = doc->norm_len;
	/* no closing line: the signature is the last paragraph */
	if (end == doc->norm_len && np && doc->tok[LOR_TOK_PARAGRAPH][np - 1].start >= start)
		a[1] = doc->tok[LOR_TOK_PARAGRAPH][np - 1].start;
	return 2;
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	const fact *f = rule->impl;
	lor_tok text;
	size_t n, i, k, nr, a[2], z[2], votes = 0;
	const lor_tok *spans;
	int rc;

	if (f->dflt)
		return LOR_OK;
	if (f->has_share) {
		double v;

		if ((rc = lor_metric__share(ctx, rule, &f->p, f->min_words, &v)))
			return rc;
		return v >= f->share ? lor_ctx__vote(ctx, rule, f->weight) : LOR_OK;
	}
	spans = lor_ctx__scopes(ctx, rule->scope, &text, &n);
	nr = region_spans(ctx, f->where, a, z);
	for (k = 0; k < nr; k++)
		for (i = 0; i < n; i++) {
			size_t s = spans[i].start > a[k] ? spans[i].start : a[k];
			size_t e = spans[i].end < z[k] ? spans[i].end : z[k];
			tally t = { f, 0 };

			if (s >= e)
				continue;
			rc = lor_ctx__each(ctx, rule, &f->p, s, e, count, &t);
			if (rc < 0)
				return rc;
			votes += t.count;
		}
	return votes ? lor_ctx__vote(ctx, rule, f->weight * (double)votes) : LOR_OK;
}

const lor_rule_kind lor_kind_fact = { "fact", keys, compile, check, release };

/* ---------------------------------------------------------- resolution */

const char *lor_fact__name(const lor_rule *rule)
{
	return rule->kind == &lor_kind_fact ? ((const fact *)rule->impl)->name : NULL;
}

const char *lor_fact__value(const lor_rule *rule)
{
	return rule->kind == &lor_kind_fact ? ((const fact *)rule->impl)->value : NULL;
}

static int cmp_fact(const void *a, const void *b)
{
	return strcmp(((const lor_fact *)a)->name, ((const lor_fact *)b)->name);
}

/* Has the fact `name` been resolved into out[0, n) already? */
static int resolved(const lor_fact *out, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(out[i].name, name))
			return 1;
	return 0;
}

int lor_fact__resolve(const lor_ruleset *rs, const lor_ivote *votes, size_t nvotes, lor_fact **out,
                      size_t *nout)
{
	lor_fact *v = NULL;
	size_t n = 0, cap = 0, i, j, k;

	for (i = 0; i < rs->nrules; i++) {
		const fact *fi;
		lor_fact best = { NULL, NULL, 0, NULL };
		double best_peak = 0;

		if (rs->rules[i]->kind != &lor_kind_fact)
			continue;
		fi = rs->rules[i]->impl;
		if (resolved(v, n, fi->name))
			continue;
		/* every value of this fact: its total and its heaviest rule */
		for (j = i; j < rs->nrules; j++) {
			const lor_rule *rj = rs->rules[j];
			const fact *fj = rj->kind == &lor_kind_fact ? rj->impl : NULL;
			double total = 0, peak = 0;
			const char *top = NULL;

			if (!fj || strcmp(fj->name, fi->name))
				continue;
			if (fj->dflt) {
				if (!best.value) {
					best.name = fj->name;
					best.value = fj->value;
					best.rule = rj->id;
				}
				continue;
			}
			for (k = 0; k < nvotes; k++) {
				const fact *fk = votes[k].rule->impl;

				if (strcmp(fk->name, fj->name) || strcmp(fk->value, fj->value))
					continue;
				total += votes[k].weight;
				if (votes[k].weight > peak) {
					peak = votes[k].weight;
					top = votes[k].rule->id;
				}
			}
			/* the same value from an earlier rule was counted there */
			for (k = i; k < j; k++) {
				const lor_rule *rk = rs->rules[k];
				const fact *fk = rk->kind == &lor_kind_fact ? rk->impl : NULL;

				if (fk && !fk->dflt && !strcmp(fk->name, fj->name) && !strcmp(fk->value, fj->value))
					break;
			}
			if (k < j || total <= 0)
				continue;
			if (total > best.votes || (total == best.votes && peak > best_peak)) {
				best.name = fj->name;
				best.value = fj->value;
				best.votes = total;
				best.rule = top;
				best_peak = peak;
			}
		}
		if (!best.value)
			continue; /* no votes and no default: the fact is unknown */
		if (lor__reserve(&v, &cap, n + 1, sizeof(*v))) {
			free(v);
			return LOR_ENOMEM;
		}
		v[n++] = best;
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_fact);
	*out = v;
	*nout = n;
	return LOR_OK;
}
