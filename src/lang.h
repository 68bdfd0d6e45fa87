/* lang.h - say which language a sentence or paragraph of a letter is written in.
 *
 * Programs discount letters that are not in English or that carry untranslated
 * passages, so lorlint asks this module about each sentence and paragraph.  It
 * must name the language of foreign text and must never flag an English letter
 * because it is full of foreign names, places, drug names or acronyms.
 *
 * Two stages (see lang.c for the details and the sources):
 *   1. Tokens that are not evidence are dropped: all-caps acronyms (EHR,
 *      FHIR), mixed-case tokens (eGFR), tokens with digits, URLs, e-mail
 *      addresses, listed loanwords and Latin phrases ("de novo", "barangay",
 *      "et al."), and drug-like words ending in a USAN stem ("-mab", "-pril").
 *      Capitalised words are held apart as probable names: one opening a
 *      sentence counts if it is a known common word ("The", "Die"); other
 *      capitalised words count only once the lowercase words have already
 *      pointed to a language other than the home language (params.txt
 *      "home", English), or, inside sentences, to a language that
 *      capitalises its nouns (German).  So a foreign name can never make an
 *      English sentence foreign.
 *   2. Letters in a non-Latin script decide by script (Cyrillic, Arabic, Han,
 *      Hangul, Devanagari, ...; a few languages inside a script are told apart
 *      by their own letters).  Latin-script words are scored by a naive-Bayes
 *      model over character 1..4-grams and whole common words, one profile per
 *      language, read from rules/lang/ (built by src/tools/lang/build.sh).
 *
 * Ownership: a model is built once, is immutable afterwards and may be shared
 * by any number of threads; lor_lang__identify allocates nothing.  Internal
 * module: no global mutable state, no printing, no exit().
 */
#ifndef LOR_LANG_H
#define LOR_LANG_H

#include <stddef.h>
#include <stdint.h>

#include "lorlint.h"

/* The model: language profiles plus the not-evidence lists.  Opaque. */
typedef struct lor_lang__model lor_lang__model;

/* One data file handed to lor_lang__model_new: its name as it should appear
 * in error messages (the repository path, e.g. "rules/lang/es.txt") and its
 * bytes (not NUL-terminated; borrowed for the duration of the call only). */
typedef struct lor_lang__blob {
	const char *name;
	const unsigned char *data;
	size_t len;
} lor_lang__blob;

/* Build a model from the contents of the rules/lang/ files.
 *
 * The file kind is taken from the base name: "params.txt" (tunable numbers),
 * "ignore.txt" (words, phrases and suffixes that are not evidence), names
 * ending in ".md" are skipped, and every other file is one language profile.
 * The formats are described in rules/lang/README.md.  At least one profile is
 * required.  Nothing in the blobs is kept: the caller may free them after the
 * call.
 *
 * Returns 0 and sets *out on success (free it with lor_lang__model_free).
 * Returns -1 on bad arguments, malformed data or out of memory; *out is left
 * untouched and, when err is not NULL, it is filled as every lorlint error
 * is (lorlint.h): code LOR_ERULE, path the file's name, line its line (0 when
 * the problem is not on one line), and the message, so that
 * lor_error_format prints "rules/lang/es.txt:12:1: error: count 'x1' is not
 * a positive integer".
 */
int lor_lang__model_new(lor_lang__model **out, const lor_lang__blob *blobs, size_t nblobs,
			lor_error *err);

/* The model the build made of the built-in rules/lang/ files (written into
 * build/rulecache_data.c by src/tools/mkcache.c, like the built-in regexes):
 * the model's own bytes and its arrays, used in place, read-only. */
typedef struct lor_lang__prebuilt {
	uint64_t hash;                 /* lor_lang__blobs_hash() of the files it was built from */
	const unsigned char *model;    /* the struct itself, model_size bytes (0: there is none) */
	size_t model_size;
	const void *slots, *rows, *ignore, *phrases, *suffixes;
} lor_lang__prebuilt;
extern const lor_lang__prebuilt lor_lang__prebuilt_model;

/* A hash of the blobs' names and bytes, in order. */
uint64_t lor_lang__blobs_hash(const lor_lang__blob *blobs, size_t nblobs);
/* The prebuilt model, if it was made from exactly these blobs (by their
 * hash) by this build; *out is NULL (and 0 returned) otherwise, or when out
 * of memory. same_build: the caller passes the build's own embedded files
 * (rules.c), so the hash is not computed again (test_rulecache checks it).
 * Free it with lor_lang__model_free like any other. */
int lor_lang__model_prebuilt(lor_lang__model **out, const lor_lang__blob *blobs, size_t nblobs,
                             int same_build);

/* Convenience for tests and tools: read every regular file in the directory
 * dir (names starting with '.' skipped) in name order and call
 * lor_lang__model_new with names "dir/file".  Same return contract; an
 * unreadable directory or file is reported with line 0. */
int lor_lang__model_load_dir(lor_lang__model **out, const char *dir, lor_error *err);

/* Release a model.  NULL is accepted and ignored. */
void lor_lang__model_free(lor_lang__model *m);

/* The answer for one text. */
typedef struct lor_lang__guess {
	char code[8];      /* ISO 639-1 code ("es", "zh"), "und" when not judged */
	double confidence; /* 0..1, see below; 0 when not judged */
	int judged;        /* 0: too little evidence to say anything */
	int script_based;  /* 1: decided by the writing system, not the n-gram model */
	char second[8];    /* runner-up of the n-gram model, "" when none */
	double home;       /* posterior of the home language (English), same
			    * softmax as confidence; 0 when not judged or
			    * script-based.  1 - home is the probability that
			    * the text is not English at all, high even when
			    * close relatives (es/ca, da/no) split confidence */
} lor_lang__guess;

/* Identify the language of text[0..len), valid UTF-8 (NFC, ASCII quotes),
 * typically one sentence or one paragraph.  Invalid bytes are treated as
 * separators, never as letters.
 *
 * Not judged (judged = 0, code "und", confidence 0) when, after dropping the
 * tokens that are not evidence, fewer than min_words (3) words or fewer than
 * min_letters (20) letters remain; for Han, kana and Hangul each character
 * counts as several letters (see script_info in lang.c).  A single loanword
 * or a Latin phrase inside English is therefore never a foreign passage on
 * its own.
 *
 * Confidence:
 *   - model-based: the posterior probability of the best language under the
 *     naive-Bayes model, p = 1 / sum_L exp((s_L - s_best) / T), where s_L is the
 *     summed log-likelihood and T (params.txt "temperature") undoes the double
 *     counting of overlapping n-grams; T = 9 was chosen by 5-fold
 *     cross-validation on the training text, where answers given 0.5-0.6
 *     were right 59% of the time, 0.7-0.8 82%, 0.8-0.9 94%, >= 0.9 99.7%.
 *   - script-based: the share of the evidence that is in the deciding script
 *     (1.0 for a text wholly in Cyrillic, 0.6 when 40% of it is English).
 * A rule should flag text as non-English only when judged, code differs from
 * "en" and confidence passes its threshold (0.5 is a sensible start); a rule
 * that only asks "is this English?" may test 1 - home instead, which does not
 * drop a Spanish sentence because Catalan came a close second.
 *
 * Returns 0 and fills *out; -1 (and *out untouched) when m or out is NULL or
 * text is NULL with len > 0.  Never allocates; safe to call concurrently on a
 * shared model.
 */
int lor_lang__identify(const lor_lang__model *m, const char *text, size_t len, lor_lang__guess *out);

/* How many evidence words of text[0..len) are common words of the language
 * `code` (its profile's word list: mostly function words such as "que",
 * "und", "och") that English does not also list. A whole sentence is called
 * foreign inside an English letter only when its own function words say so,
 * not on the character n-grams of a few names and loanwords. Returns the
 * count (0 for a language the model decides by script or does not know), or
 * -1 on bad arguments. Allocates nothing. */
int lor_lang__function_words(const lor_lang__model *m, const char *code, const char *text, size_t len);

/* English name of a language code the model can return ("es" -> "Spanish",
 * "und" -> "undetermined"); NULL for an unknown code or NULL arguments.  The
 * string is owned by the model (or is static) and lives as long as it. */
const char *lor_lang__name(const lor_lang__model *m, const char *code);

/* Call fn once for every word that counts as evidence, in text order, with
 * its byte span in text and its lowercased UTF-8 form (at most 255 bytes,
 * NUL-terminated, valid only during the call).  With a model, capitalised
 * words held apart as probable names are not reported.  m may be NULL: then
 * every word is reported, capitalised or not (the model builder uses this:
 * its training text has no names, and German nouns belong in its profile),
 * and no ignore lists apply.  Returns the number of words reported, or -1
 * when text is NULL with len > 0 or fn is NULL.  Allocates nothing. */
typedef void (*lor_lang__word_fn)(void *ctx, size_t offset, size_t length, const char *lower);
int lor_lang__each_word(const lor_lang__model *m, const char *text, size_t len, lor_lang__word_fn fn,
			void *ctx);

#endif /* LOR_LANG_H */
