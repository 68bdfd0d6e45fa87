/* rule_language.c - `extends: language`: find paragraphs and sentences not in the expected language.
 *
 * Programs discount letters with untranslated passages, so every paragraph is
 * judged, and every sentence inside a paragraph that passes as a whole (one
 * Portuguese sentence in an English paragraph must still be found). The
 * model (lang.c, data in rules/lang/) ignores names, acronyms, numbers, URLs
 * and listed loanwords, and says "not judged" below its evidence minimum, so
 * a short or name-heavy span is never flagged by accident; a paragraph that
 * is mostly capitalised words (a signature, an address block) is not judged
 * at all. A span is flagged
 * when it is judged, its language differs from `expected` and the model's
 * confidence reaches `min_confidence` (for English: the probability that
 * the span is not English at all; the reported confidence is the named
 * language's own). Each flagged span is a finding (%s:
 * "paragraph" or "sentence", then the language's name) and an entry of the
 * report's `languages`; the signal is set when any is found.
 * Keys: expected (ISO 639-1, default en), min_confidence (0..1, default 0.6).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

static const char *const keys[] = { "expected", "min_confidence", NULL };

typedef struct language {
	char expected[8];
	double min_confidence;
} language;

static void release(void *impl)
{
	free(impl);
}

static int compile(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err)
{
	language *l = calloc(1, sizeof(*l));
	yaml_node_t *n;
	int rc;

	if (!l)
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	snprintf(l->expected, sizeof(l->expected), "en");
	l->min_confidence = 0.6;
	if ((n = lor_rules__get(y, map, "expected"))) {
		const char *v = lor_yaml__scalar(n);

		if (!v || strlen(v) < 2 || strlen(v) > 3) {
			free(l);
			return lor_yaml__fail(err, y, n, "'expected' must be an ISO 639-1 code such as en");
		}
		snprintf(l->expected, sizeof(l->expected), "%s", v);
	}
	if ((n = lor_rules__get(y, map, "min_confidence"))) {
		if ((rc = lor_yaml__number(y, n, "min_confidence", &l->min_confidence, err))) {
			free(l);
			return rc;
		}
		if (l->min_confidence < 0 || l->min_confidence > 1) {
			free(l);
			return lor_yaml__fail(err, y, n, "'min_confidence' must be between 0 and 1");
		}
	}
	(void)rule;
	rule->impl = l;
	return LOR_OK;
}

/* English function words that are not also common words of the other
 * languages letters arrive in (no "a", "in", "is", "de", "die", "was", "for",
 * "have", "also", "me", "an", "on", "or"): a sentence where they are frequent is English without
 * asking the model. This fast path keeps language identification to a small
 * share of the run time; anything it does not pass goes to the model. */
static const char *const english_words[] = {
	"the", "and", "of", "to", "with", "she", "he", "her", "his", "him", "that", "this",
	"which", "our", "we", "were", "they", "their", "them", "from", "by", "has", "had",
	"been", "would", "will", "who", "as", "at", "are", "it", "its", "be", "my",
	"your", "you", "not", "these", "than", "very", "into", "during",
	NULL
};

static int english_word(const char *s, size_t n)
{
	size_t i, k;

	if (n > 6)
		return 0;
	for (i = 0; english_words[i]; i++) {
		if (strlen(english_words[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if ((s[k] | 0x20) != english_words[i][k])
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Is sentence k plainly English (at least 2 function words, and at least a
 * fifth of its words)? */
static int plainly_english(const lor_document *doc, size_t k)
{
	const lor_tok *s = &doc->tok[LOR_TOK_SENTENCE][k];
	size_t w, hits = 0;

	for (w = s->first; w < s->first + s->count; w++) {
		const lor_tok *t = &doc->tok[LOR_TOK_WORD][w];

		hits += (size_t)english_word(doc->norm + t->start, t->end - t->start);
	}
	return hits >= 2 && hits * 5 >= s->count;
}

/* A block of names and titles - a signature, an address, a letterhead - is
 * mostly capitalised words; its institution names ("Hospital Materno-Infantil
 * Nossa Senhora de Nazaré") are not a passage in another language. */
static int name_block(const lor_document *doc, const lor_tok *para)
{
	size_t k, w, words = 0, caps = 0;

	for (k = para->first; k < para->first + para->count; k++) {
		const lor_tok *s = &doc->tok[LOR_TOK_SENTENCE][k];

		for (w = s->first; w < s->first + s->count; w++) {
			const lor_tok *t = &doc->tok[LOR_TOK_WORD][w];
			utf8proc_int32_t cp;

			words++;
			if (utf8proc_iterate((const utf8proc_uint8_t *)doc->norm + t->start,
			                     (utf8proc_ssize_t)(t->end - t->start), &cp) > 0 &&
			    (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
			     utf8proc_category(cp) == UTF8PROC_CATEGORY_LT))
				caps++;
		}
	}
	return words >= 3 && caps * 10 >= words * 6;
}

/* The evidence the model is asked about: the words of [start, end) that are
 * not capitalised, plus each sentence's first word. Names are no evidence of
 * a language, and where German capitalises its nouns a line of names
 * ("Rotated at Klinikum rechts der Isar, Munich.") would otherwise read as
 * German; without them it falls under the model's minimum and is not
 * judged. Words of scripts without case are all kept. */
static int evidence(const lor_document *doc, size_t start, size_t end, lor_buf *out)
{
	size_t w, sent = (size_t)-1;

	for (w = 0; w < doc->ntok[LOR_TOK_WORD]; w++) {
		const lor_tok *t = &doc->tok[LOR_TOK_WORD][w];
		utf8proc_int32_t cp;
		int keep;

		if (t->start < start)
			continue;
		if (t->end > end)
			break;
		if (utf8proc_iterate((const utf8proc_uint8_t *)doc->norm + t->start,
		                     (utf8proc_ssize_t)(t->end - t->start), &cp) <= 0)
			continue;
		switch (utf8proc_category(cp)) {
		case UTF8PROC_CATEGORY_LU:
		case UTF8PROC_CATEGORY_LT:
			keep = t->parent != sent; /* a sentence's first word */
			break;
		case UTF8PROC_CATEGORY_LL:
		case UTF8PROC_CATEGORY_LO:
		case UTF8PROC_CATEGORY_LM:
		case UTF8PROC_CATEGORY_MN:
		case UTF8PROC_CATEGORY_MC:
			keep = 1;
			break;
		default:
			keep = 0; /* numbers */
			break;
		}
		sent = t->parent;
		if (!keep)
			continue;
		if ((out->len && lor_buf__add(out, " ", 1)) ||
		    lor_buf__add(out, doc->norm + t->start, t->end - t->start))
			return LOR_ENOMEM;
	}
	if (!out->data && lor_buf__add(out, "", 0))
		return LOR_ENOMEM;
	return LOR_OK;
}

/* Flag [start, end) of paragraph p when it is judged foreign. Returns 1 if
 * flagged, 0 if not, or a negative error. */
static int judge(const lor_rule *rule, lor_ctx *ctx, size_t start, size_t end, size_t p,
                 const char *what)
{
	const language *l = rule->impl;
	lor_lang__guess g;
	lor_ilang *e;
	lor_span sp;
	const char *name;
	lor_buf ev = LOR_BUF_INIT;
	int rc;

	if (evidence(ctx->doc, start, end, &ev))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	rc = lor_lang__identify(ctx->rs->lang, ev.data, ev.len, &g);
	lor_buf__release(&ev);
	if (rc || !g.judged || !strcmp(g.code, l->expected))
		return 0;
	/* For English the model gives the probability that the text is English
	 * at all ("home"); a Spanish sentence whose runner-up is Catalan is
	 * surely not English even when "Spanish" itself is uncertain. */
	if ((!strcmp(l->expected, "en") ? 1.0 - g.home : g.confidence) < l->min_confidence)
		return 0;
	if (lor__reserve(&ctx->langs, &ctx->caplangs, ctx->nlangs + 1, sizeof(lor_ilang)))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	lor_text__span(ctx->doc, start, end, &sp);
	e = &ctx->langs[ctx->nlangs++];
	e->paragraph = p + 1;
	e->line = sp.line;
	snprintf(e->code, sizeof(e->code), "%s", g.code);
	e->confidence = g.confidence;
	lor_ctx__signal(ctx, rule, 1);
	name = lor_lang__name(ctx->rs->lang, g.code);
	if ((rc = lor_ctx__emit(ctx, rule, start, end, what, name ? name : g.code)))
		return rc;
	return 1;
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	const lor_document *doc = ctx->doc;
	const language *l = rule->impl;
	size_t p, k;
	int rc, english = !strcmp(l->expected, "en");

	lor_ctx__signal(ctx, rule, 0);
	if (!ctx->rs || !ctx->rs->lang)
		return LOR_OK; /* cannot happen: loading refuses a language rule without a model */
	for (p = 0; p < doc->ntok[LOR_TOK_PARAGRAPH]; p++) {
		const lor_tok *para = &doc->tok[LOR_TOK_PARAGRAPH][p];
		unsigned char plain[64];
		size_t n = para->count < 64 ? para->count : 64, doubtful = 0;

		/* Only paragraphs with a sentence that is not plainly English are
		 * judged by the model (and then, if English as a whole, those sentences). */
		for (k = 0; k < n; k++) {
			plain[k] = english ? (unsigned char)plainly_english(doc, para->first + k) : 0;
			doubtful += !plain[k];
		}
		if ((!doubtful && para->count <= 64) || name_block(doc, para))
			continue;
		if ((rc = judge(rule, ctx, para->start, para->end, p, "paragraph")) < 0)
			return rc;
		if (rc == 1 || para->count < 2)
			continue;
		for (k = para->first; k < para->first + para->count; k++) {
			const lor_tok *s = &doc->tok[LOR_TOK_SENTENCE][k];

			if (k - para->first < 64 && plain[k - para->first])
				continue;
			if ((rc = judge(rule, ctx, s->start, s->end, p, "sentence")) < 0)
				return rc;
		}
	}
	return LOR_OK;
}

const lor_rule_kind lor_kind_language = { "language", keys, compile, check, release };
