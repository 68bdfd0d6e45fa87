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
 *
 * False alarms are the worst thing this rule can produce (telling an
 * international graduate that a plain English sentence is French), so a
 * single sentence inside an English letter - a sentence of an English
 * paragraph, or a one-sentence paragraph among English ones - is flagged only
 * on overwhelming evidence: at least strict_min_words words of evidence,
 * non-English probability of at least strict_confidence, and at least
 * strict_function_words of that language's own function words (words its
 * profile lists and English does not), unless the script decides.
 *
 * Consecutive foreign paragraphs are one passage and one finding. When the
 * letter also has an English text at least as long as half the passage, the
 * passage reads as a translation and the finding uses translation_message
 * instead (a letter published with its translation is not told to translate
 * each paragraph). When most of the letter's words are in one other
 * language, the engine is told (ctx->foreign) so that rules marked
 * english_only are not applied to it.
 *
 * Keys: expected (ISO 639-1, default en), min_confidence (0..1, default 0.6),
 * strict_confidence (default 0.95), strict_function_words (default 2),
 * strict_min_words (default 5), translation_message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

static const char *const keys[] = { "expected", "min_confidence", "strict_confidence",
	                            "strict_function_words", "strict_min_words", "translation_message",
	                            NULL };

typedef struct language {
	char expected[8];
	double min_confidence, strict_confidence, strict_function_words, strict_min_words;
	char *translation_message; /* NULL: the rule's message */
} language;

static void release(void *impl)
{
	language *l = impl;

	free(l->translation_message);
	free(l);
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
	if ((n = lor_yaml__get(y, map, "expected"))) {
		const char *v = lor_yaml__scalar(n);

		if (!v || strlen(v) < 2 || strlen(v) > 3) {
			free(l);
			return lor_yaml__fail(err, y, n, "'expected' must be an ISO 639-1 code such as en");
		}
		snprintf(l->expected, sizeof(l->expected), "%s", v);
	}
	l->strict_confidence = 0.95;
	l->strict_function_words = 2;
	l->strict_min_words = 5;
	if ((rc = lor_yaml__number_in(y, map, "min_confidence", 0, 1, &l->min_confidence, err)) ||
	    (rc = lor_yaml__number_in(y, map, "strict_confidence", 0, 1, &l->strict_confidence, err)) ||
	    (rc = lor_yaml__number_in(y, map, "strict_function_words", 0, 100, &l->strict_function_words, err)) ||
	    (rc = lor_yaml__number_in(y, map, "strict_min_words", 0, 1000, &l->strict_min_words, err)) ||
	    ((n = lor_yaml__get(y, map, "translation_message")) &&
	     (rc = lor_yaml__string(y, n, "translation_message", &l->translation_message, err)))) {
		release(l);
		return rc;
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
#define W(s) { s, sizeof(s) - 1 }
static const struct { const char *w; size_t n; } english_words[] = {
	W("the"), W("and"), W("of"), W("to"), W("with"), W("she"), W("he"), W("her"), W("his"), W("him"),
	W("that"), W("this"), W("which"), W("our"), W("we"), W("were"), W("they"), W("their"), W("them"),
	W("from"), W("by"), W("has"), W("had"), W("been"), W("would"), W("will"), W("who"), W("as"),
	W("at"), W("are"), W("it"), W("its"), W("be"), W("my"), W("your"), W("you"), W("not"),
	W("these"), W("than"), W("very"), W("into"), W("during"),
};
#undef W

/* Called for every word of every sentence: lengths and first letters are
 * compared before anything else. */
static int english_word(const char *s, size_t n)
{
	size_t i, k;
	char c;

	if (n < 2 || n > 6)
		return 0;
	c = (char)(s[0] | 0x20);
	for (i = 0; i < sizeof(english_words) / sizeof(english_words[0]); i++) {
		if (english_words[i].n != n || english_words[i].w[0] != c)
			continue;
		for (k = 1; k < n; k++)
			if ((s[k] | 0x20) != english_words[i].w[k])
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
		const lor_word *t = &doc->words[w];

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
			const lor_word *t = &doc->words[w];
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
	size_t k, w, sent = (size_t)-1;

	for (k = 0; k < doc->ntok[LOR_TOK_SENTENCE]; k++) {
		const lor_tok *s = &doc->tok[LOR_TOK_SENTENCE][k];

		for (w = s->first; w < s->first + s->count; w++) {
			const lor_word *t = &doc->words[w];
			utf8proc_int32_t cp;
			int keep;

			if (t->start < start)
				continue;
			if (t->end > end)
				return LOR_OK;
			if (utf8proc_iterate((const utf8proc_uint8_t *)doc->norm + t->start,
			                     (utf8proc_ssize_t)(t->end - t->start), &cp) <= 0)
				continue;
			switch (utf8proc_category(cp)) {
			case UTF8PROC_CATEGORY_LU:
			case UTF8PROC_CATEGORY_LT:
				keep = k != sent; /* a sentence's first word */
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
			sent = k;
			if (!keep)
				continue;
			if ((out->len && lor_buf__add(out, " ", 1)) ||
			    lor_buf__add(out, doc->norm + t->start, t->end - t->start))
				return LOR_ENOMEM;
		}
	}
	return LOR_OK;
}

/* Is [start, end) in another language? Returns 1 and fills *g when it is,
 * under the ordinary bar or, when strict, the bar for a lone sentence inside
 * an English letter; 0 when not; a negative error. */
static int judge(const lor_rule *rule, lor_ctx *ctx, size_t start, size_t end, int strict,
                 lor_lang__guess *g)
{
	const language *l = rule->impl;
	lor_buf ev = LOR_BUF_INIT;
	int rc, fw;
	size_t i, words = 0;
	double p;

	if (evidence(ctx->doc, start, end, &ev))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	rc = lor_lang__identify(ctx->rs->lang, ev.data, ev.len, g);
	if (rc || !g->judged || !strcmp(g->code, l->expected)) {
		lor_buf__release(&ev);
		return 0;
	}
	/* For English the model gives the probability that the text is English
	 * at all ("home"); a Spanish sentence whose runner-up is Catalan is
	 * surely not English even when "Spanish" itself is uncertain. */
	p = !strcmp(l->expected, "en") ? 1.0 - g->home : g->confidence;
	if (p < (strict ? l->strict_confidence : l->min_confidence)) {
		lor_buf__release(&ev);
		return 0;
	}
	/* the language's own function words; a script decides by itself */
	fw = g->script_based ? 1000 : lor_lang__function_words(ctx->rs->lang, g->code, ev.data, ev.len);
	for (i = 0; i < ev.len; i++)
		words += i == 0 || ev.data[i - 1] == ' ';
	lor_buf__release(&ev);
	if (strict && (fw < l->strict_function_words || (!g->script_based && (double)words < l->strict_min_words)))
		return 0;
	return 1;
}

/* Add [start, end) of paragraph p to the report's `languages`. */
static int record(lor_ctx *ctx, size_t start, size_t end, size_t p, int whole, const lor_lang__guess *g)
{
	lor_ilang *e;
	lor_span sp;

	if (lor__reserve(&ctx->langs, &ctx->caplangs, ctx->nlangs + 1, sizeof(lor_ilang)))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	lor_text__span(ctx->doc, start, end, &sp);
	e = &ctx->langs[ctx->nlangs++];
	e->paragraph = p + 1;
	e->whole = whole;
	e->line = sp.line;
	snprintf(e->code, sizeof(e->code), "%s", g->code);
	e->confidence = g->confidence;
	return LOR_OK;
}

static size_t para_words(const lor_document *doc, const lor_tok *para)
{
	return lor_token__count_words(doc, para->start, para->end);
}

static const char *lang_name(const lor_ctx *ctx, const char *code)
{
	const char *name = lor_lang__name(ctx->rs->lang, code);

	return name ? name : code;
}

/* One finding per passage of consecutive foreign paragraphs [a, b]. */
static int emit_passage(const lor_rule *rule, lor_ctx *ctx, size_t a, size_t b, const char *code,
                        size_t words, size_t eng_words)
{
	const language *l = rule->impl;
	const lor_document *doc = ctx->doc;
	/* a passage about as long as the English text beside it is its translation */
	int translation = l->translation_message && eng_words >= 40 && 2 * eng_words >= words &&
	                  2 * words >= eng_words;

	return lor_ctx__emit_as(ctx, rule, translation ? l->translation_message : rule->message,
	                        doc->tok[LOR_TOK_PARAGRAPH][a].start, doc->tok[LOR_TOK_PARAGRAPH][b].end,
	                        a == b ? "paragraph" : "passage", lang_name(ctx, code));
}

static int check(const lor_rule *rule, lor_ctx *ctx)
{
	const lor_document *doc = ctx->doc;
	const language *l = rule->impl;
	size_t p, k, np = doc->ntok[LOR_TOK_PARAGRAPH], english_sents = 0, eng_words = 0,
	             foreign_words = 0, run = (size_t)-1, run_words = 0, best_words = 0;
	int rc = LOR_OK, english = !strcmp(l->expected, "en");
	char (*codes)[8];
	unsigned char *foreign;

	lor_ctx__signal(ctx, rule, 0);
	if (!ctx->rs || !ctx->rs->lang)
		return LOR_OK; /* cannot happen: loading refuses a language rule without a model */
	for (k = 0; english && k < doc->ntok[LOR_TOK_SENTENCE]; k++)
		english_sents += (size_t)plainly_english(doc, k);
	if (!np)
		return LOR_OK;
	foreign = calloc(np, 1);
	codes = calloc(np, sizeof(*codes));
	if (!foreign || !codes) {
		free(foreign);
		free(codes);
		return lor_error__set(ctx->err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
	}
	for (p = 0; p < np && rc >= 0; p++) {
		const lor_tok *para = &doc->tok[LOR_TOK_PARAGRAPH][p];
		unsigned char plain[64];
		size_t n = para->count < 64 ? para->count : 64, doubtful = 0;
		lor_lang__guess g;
		int strict;

		/* Only paragraphs with a sentence that is not plainly English are
		 * judged by the model (and then, if English as a whole, those sentences). */
		for (k = 0; k < n; k++) {
			plain[k] = english ? (unsigned char)plainly_english(doc, para->first + k) : 0;
			doubtful += !plain[k];
		}
		if (name_block(doc, para))
			continue;
		if (!doubtful && para->count <= 64) {
			eng_words += para_words(doc, para);
			continue;
		}
		/* a one-sentence paragraph among English ones is a lone sentence */
		strict = english && para->count == 1 && english_sents >= 3;
		if ((rc = judge(rule, ctx, para->start, para->end, strict, &g)) < 0)
			break;
		if (rc == 1) {
			foreign[p] = 1;
			snprintf(codes[p], sizeof(codes[p]), "%s", g.code);
			/* a paragraph that mixes English in (a template's fill-in notes)
			 * does not make the letter foreign */
			if (g.confidence >= 0.8)
				foreign_words += para_words(doc, para);
			else
				eng_words += para_words(doc, para);
			if ((rc = record(ctx, para->start, para->end, p, 1, &g)) < 0)
				break;
			continue;
		}
		eng_words += para_words(doc, para);
		if (para->count < 2)
			continue;
		for (k = para->first; k < para->first + para->count; k++) {
			const lor_tok *s = &doc->tok[LOR_TOK_SENTENCE][k];

			if (k - para->first < 64 && plain[k - para->first])
				continue;
			if ((rc = judge(rule, ctx, s->start, s->end, 1, &g)) < 0)
				break;
			if (rc == 0)
				continue;
			lor_ctx__signal(ctx, rule, 1);
			if ((rc = record(ctx, s->start, s->end, p, 0, &g)) < 0 ||
			    (rc = lor_ctx__emit(ctx, rule, s->start, s->end, "sentence", lang_name(ctx, g.code))) < 0)
				break;
		}
	}
	/* passages: runs of foreign paragraphs (name blocks between them do not break a run) */
	for (p = 0; p <= np && rc >= 0; p++) {
		int in = p < np && foreign[p];
		int skip = p < np && !in && name_block(doc, &doc->tok[LOR_TOK_PARAGRAPH][p]);

		if (in) {
			if (run == (size_t)-1) {
				run = p;
				run_words = 0;
			}
			run_words += para_words(doc, &doc->tok[LOR_TOK_PARAGRAPH][p]);
			k = p; /* the run's last foreign paragraph */
			continue;
		}
		if (skip && run != (size_t)-1)
			continue;
		if (run != (size_t)-1) {
			lor_ctx__signal(ctx, rule, 1);
			rc = emit_passage(rule, ctx, run, k, codes[run], run_words, eng_words);
			if (run_words > best_words) {
				best_words = run_words;
				snprintf(ctx->foreign_code, sizeof(ctx->foreign_code), "%s", codes[run]);
			}
			run = (size_t)-1;
		}
	}
	/* most of the letter in another language: not an English letter to judge */
	if (rc >= 0 && english && foreign_words >= 20 && 10 * foreign_words >= 7 * (foreign_words + eng_words))
		ctx->foreign = 1;
	free(foreign);
	free(codes);
	return rc < 0 ? rc : LOR_OK;
}

const lor_rule_kind lor_kind_language = { "language", keys, compile, check, release };
