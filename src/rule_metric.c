/* rule_metric.c - `extends: metric`: a measure of each scope span must stay within bounds.
 *
 * Measures: words, sentences, paragraphs, words_per_sentence, density (the
 * matches of `tokens` per 100 words, e.g. hedge density), and share (the
 * percentage of paragraphs of at least `min_words` words, default 25, in
 * which `tokens` match: how much of a letter speaks of informatics work;
 * salutations and signatures are too short to count; text scope only). A span whose measure
 * is below min or above max is a finding (at the start of the text for the
 * text scope, over the span otherwise) and sets the signal ("short_letter").
 * The message's %s is the measured value. Keys: metric, tokens, exceptions,
 * nonword, min, max, min_words, body.
 *
 * Words are counted as a reader counts them (lor_token__count_words: Han and
 * kana characters are not one word each). With `body: true` (words, text
 * scope) only the letter's body counts: from the salutation ("Dear ...", "To
 * whom it may concern") to the closing ("Sincerely", "Yours faithfully"),
 * without the letterhead, the address blocks and the signature, and without
 * the paragraphs the language rules found in another language when the
 * letter itself is in English (a translation repeats the letter, it does not
 * lengthen it). A letter with no salutation is counted from its start, one
 * with no closing to its end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const keys[] = { "metric", "tokens", "exceptions", "nonword", "min", "max",
	                            "min_words", "body", NULL };

typedef enum measure { M_WORDS, M_SENTENCES, M_PARAGRAPHS, M_WPS, M_DENSITY, M_SHARE } measure;
static const char *const measure_names[] = { "words", "sentences", "paragraphs",
	                                     "words_per_sentence", "density", "share", NULL };

typedef struct metric {
	measure m;
	lor_pattern p; /* density and share */
	lor_bounds b;
	double min_words; /* share: paragraphs shorter than this do not count */
	int body;         /* words: count only the letter body */
} metric;

static void release(void *impl)
{
	metric *m = impl;

	lor_pattern__release(&m->p);
	free(m);
}

static int compile(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	yaml_node_t *n = lor_yaml__get(y, map, "metric");
	metric *m;
	int rc, i;

	if (!n)
		return lor_yaml__fail(err, y, map, "missing 'metric' (words, sentences, paragraphs, "
		                                   "words_per_sentence, density or share)");
	if ((rc = lor_yaml__pick(y, n, "metric", measure_names, &i, err)))
		return rc;
	if (!(m = calloc(1, sizeof(*m))))
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	m->m = (measure)i;
	if ((rc = lor_rules__bounds(&m->b, y, map, 1, err))) {
		free(m);
		return rc;
	}
	m->min_words = 25;
	if ((n = lor_yaml__get(y, map, "min_words"))) {
		if (m->m != M_SHARE) {
			free(m);
			return lor_yaml__fail(err, y, n, "'min_words' is only used by 'metric: share'");
		}
		if ((rc = lor_yaml__number(y, n, "min_words", &m->min_words, err))) {
			free(m);
			return rc;
		}
	}
	if ((n = lor_yaml__get(y, map, "body"))) {
		if ((rc = lor_yaml__bool(y, n, "body", &m->body, err))) {
			free(m);
			return rc;
		}
		if (m->body && (m->m != M_WORDS || rule->scope != LOR_SCOPE_TEXT)) {
			free(m);
			return lor_yaml__fail(err, y, n, "'body' is only used by 'metric: words' with 'scope: text'");
		}
	}
	if (m->m == M_SHARE && rule->scope != LOR_SCOPE_TEXT) {
		free(m);
		return lor_yaml__fail(err, y, map, "'metric: share' needs 'scope: text'");
	}
	if (m->m == M_DENSITY || m->m == M_SHARE) {
		if ((rc = lor_rules__pattern(&m->p, rule, y, map, err))) {
			free(m);
			return rc;
		}
	} else if ((n = lor_yaml__get(y, map, "tokens"))) {
		free(m);
		return lor_yaml__fail(err, y, n, "'tokens' is only used by 'metric: density' and 'metric: share'");
	}
	rule->impl = m;
	return LOR_OK;
}

static int first_hit(lor_ctx *ctx, const lor_rule *rule, size_t ms, size_t me, void *arg)
{
	(void)ctx;
	(void)rule;
	(void)ms;
	(void)me;
	*(size_t *)arg = 1;
	return 1; /* presence is enough */
}

/* Percentage of the paragraphs of at least min_words words where p matches;
 * -1 when no paragraph is long enough to count. (The fact rules use it too.) */
int lor_metric__share(lor_ctx *ctx, const lor_rule *rule, const lor_pattern *p, double min_words,
                      double *out)
{
	const lor_document *doc = ctx->doc;
	size_t i, eligible = 0, hits = 0;

	for (i = 0; i < doc->ntok[LOR_TOK_PARAGRAPH]; i++) {
		const lor_tok *para = &doc->tok[LOR_TOK_PARAGRAPH][i];
		size_t words = 0, k, found = 0;
		int rc;

		for (k = para->first; k < para->first + para->count; k++)
			words += doc->tok[LOR_TOK_SENTENCE][k].count;
		if ((double)words < min_words)
			continue;
		eligible++;
		rc = lor_ctx__each(ctx, rule, p, para->start, para->end, first_hit, &found);
		if (rc < 0)
			return rc;
		hits += found;
	}
	*out = eligible ? 100.0 * (double)hits / (double)eligible : -1;
	return LOR_OK;
}

static int count_hit(lor_ctx *ctx, const lor_rule *rule, size_t ms, size_t me, void *arg)
{
	(void)ctx;
	(void)rule;
	(void)ms;
	(void)me;
	(*(size_t *)arg)++;
	return LOR_OK;
}

typedef struct phrase {
	const char *s;
	size_t n;
} phrase;
#define P(s) { s, sizeof(s) - 1 }

/* Does the line at norm[i] open with one of the phrases (case-insensitive,
 * then a non-letter)? Leading white space and markup (*, #, >) are skipped. */
static int line_opens(const char *s, size_t i, size_t end, const phrase *phrases, size_t count)
{
	size_t k;

	while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '*' || s[i] == '#' || s[i] == '>'))
		i++;
	if (i >= end)
		return 0;
	for (k = 0; k < count; k++) {
		size_t n = phrases[k].n, j;

		if (i + n > end || (s[i] | 0x20) != (phrases[k].s[0] | 0x20))
			continue;
		for (j = 1; j < n && (s[i + j] | 0x20) == (phrases[k].s[j] | 0x20); j++)
			;
		if (j == n && (i + n == end || !((s[i + n] | 0x20) >= 'a' && (s[i + n] | 0x20) <= 'z')))
			return 1;
	}
	return 0;
}

/* Salutations and closings of letters in English and in the languages
 * letters from abroad arrive in. */
static const phrase salutations[] = {
	P("Dear"), P("To whom it may concern"), P("To Whom"), P("Respected"), P("Greetings"), P("Hello"),
	P("Ladies and Gentlemen"), P("Dear Sir"), P("Sir"), P("Madam"), P("Estimado"), P("Estimada"),
	P("Estimados"), P("Sehr geehrte"), P("Sehr geehrter"), P("Madame"), P("Monsieur"), P("Cher"),
	P("Prezado"), P("Prezada"), P("Querido"), P("Querida"), P("A quien corresponda"),
	P("A quien pueda interesar"),
};
static const phrase closings[] = {
	P("Sincerely"), P("Yours"), P("Respectfully"), P("Best regards"), P("Kind regards"),
	P("Warm regards"), P("Warmest regards"), P("Regards"), P("With best"), P("With kind"),
	P("With warm"), P("With warmest"), P("Best wishes"), P("Cordially"), P("Faithfully"),
	P("Very truly"), P("Truly yours"), P("Sincerely yours"), P("Atentamente"), P("Cordialmente"),
	P("Atenciosamente"), P("Mit freundlichen"), P("Cordialement"), P("Bien cordialement"), P("Saludos"),
};
#undef P
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The body of the letter, as normalized [*start, *end). */
void lor_metric__body_span(const lor_document *doc, size_t *start, size_t *end)
{
	const char *s = doc->norm;
	size_t i, eol, n = doc->norm_len;

	*start = 0;
	*end = n;
	for (i = 0; i < n; i = eol + 1) {
		for (eol = i; eol < n && s[eol] != '\n'; eol++)
			;
		if (line_opens(s, i, eol, salutations, COUNT(salutations))) {
			*start = i;
			break;
		}
	}
	for (i = *start; i < n; i = eol + 1) {
		for (eol = i; eol < n && s[eol] != '\n'; eol++)
			;
		/* a closing is a short line of its own, after the first line of the body */
		if (i > *start && eol - i < 60 && line_opens(s, i, eol, closings, COUNT(closings))) {
			*end = i;
			break;
		}
	}
}

/* Words of the letter body, leaving out foreign paragraphs of an English letter. */
static size_t body_words(const lor_ctx *ctx)
{
	const lor_document *doc = ctx->doc;
	size_t start, end, p, k, n = 0;

	lor_metric__body_span(doc, &start, &end);
	for (p = 0; p < doc->ntok[LOR_TOK_PARAGRAPH]; p++) {
		const lor_tok *para = &doc->tok[LOR_TOK_PARAGRAPH][p];
		size_t a = para->start > start ? para->start : start, z = para->end < end ? para->end : end;
		int skip = 0;

		if (a >= z)
			continue;
		for (k = 0; !ctx->foreign && k < ctx->nlangs; k++)
			skip |= ctx->langs[k].paragraph == p + 1 && ctx->langs[k].whole;
		if (!skip)
			n += lor_token__count_words(doc, a, z);
	}
	return n;
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	const metric *m = rule->impl;
	const lor_document *doc = ctx->doc;
	lor_tok text;
	size_t n, i;
	const lor_tok *spans = lor_ctx__scopes(ctx, rule->scope, &text, &n);
	int rc;

	lor_ctx__signal(ctx, rule, 0);
	for (i = 0; i < n; i++) {
		size_t s = spans[i].start, e = spans[i].end, words, sents;
		double v;
		char num[32];

		/* Sentences know their word counts; larger spans are counted. */
		words = m->body ? body_words(ctx) : lor_token__count_words(doc, s, e);
		sents = rule->scope == LOR_SCOPE_SENTENCE ? 1
		        : rule->scope == LOR_SCOPE_PARAGRAPH ? spans[i].count : doc->ntok[LOR_TOK_SENTENCE];
		switch (m->m) {
		case M_WORDS: v = (double)words; break;
		case M_SENTENCES: v = (double)sents; break;
		case M_PARAGRAPHS:
			v = rule->scope == LOR_SCOPE_TEXT ? (double)doc->ntok[LOR_TOK_PARAGRAPH] : 1.0;
			break;
		case M_WPS: v = sents ? (double)words / (double)sents : 0.0; break;
		case M_SHARE:
			if ((rc = lor_metric__share(ctx, rule, &m->p, m->min_words, &v)))
				return rc;
			if (v < 0)
				continue; /* nothing long enough to judge */
			break;
		default: {
			size_t hits = 0;

			if ((rc = lor_ctx__each(ctx, rule, &m->p, s, e, count_hit, &hits)))
				return rc;
			v = words ? 100.0 * (double)hits / (double)words : 0.0;
		}
		}
		if (!((m->b.has_min && v < m->b.min) || (m->b.has_max && v > m->b.max)))
			continue;
		lor_ctx__signal(ctx, rule, 1);
		if (v == (double)(long)v)
			snprintf(num, sizeof(num), "%ld", (long)v);
		else
			snprintf(num, sizeof(num), "%.1f", v);
		if ((rc = lor_ctx__emit(ctx, rule, s, rule->scope == LOR_SCOPE_TEXT ? s : e, num, NULL)))
			return rc;
	}
	return LOR_OK;
}

const lor_rule_kind lor_kind_metric = { "metric", keys, compile, check, release };
