/* lang_impl.h - what the two halves of the language module share: limits, the model's layout, hashing.
 *
 * lang.c identifies languages with a model; lang_model.c builds that model
 * from the profile files. Both need the model's layout and the feature
 * hashes, which must agree byte for byte; nothing outside the module
 * includes this file.
 */
#ifndef LOR_LANG_IMPL_H
#define LOR_LANG_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lang.h"

/* ------------------------------------------------------------------------ */
/* Limits and fixed numbers                                                 */

#define ROW 32             /* statistical languages per row: one cache line of int16 */
#define MAX_ORDER 5        /* longest character n-gram */
#define SCALE 32.0         /* int16 score = log-probability * weight * SCALE */
#define MAX_WORD_CPS 40    /* longer "words" are noise (hashes, base64), not evidence */
#define BATCH_WORDS 256    /* word records per batch (stack) */
#define BATCH_BYTES 4096   /* lowercased bytes per batch (stack) */
#define MAX_PHRASE 4       /* words in an ignored phrase */
#define ROW_FLOOR -1024    /* lowest row entry: log-probability floor of -32 nats */
#define FLUSH 31           /* rows summed in 16 bits before widening: 31 * 1024 < 32768 */
#define MAX_FEATURES ((MAX_WORD_CPS + 2) * MAX_ORDER + 1) /* per word */

/* Hash seeds: n-grams and whole words live in one table under different seeds. */
#define SEED_NGRAM 0xcbf29ce484222325ULL /* FNV-1a 64 offset basis */
#define SEED_WORD 0x84222325cbf29ce4ULL
#define SEED_CACHE 0x9e3779b97f4a7c15ULL
#define FNV_PRIME 0x100000001b3ULL

/* ------------------------------------------------------------------------ */
/* The model                                                                */

struct slot {
	uint32_t check; /* high half of the key, never 0 in a used slot */
	uint32_t row;
};

struct phrase {
	size_t n;
	uint64_t h[MAX_PHRASE];
};

struct suffix {
	char s[24];
	size_t len;
};

struct lor_lang__model {
	/* statistical (Latin-script) languages */
	size_t nlang;
	char code[ROW][8];
	char name[ROW][40];
	double prior[ROW];        /* added to the score, in nats */
	/* feature index and rows */
	struct slot *slots;
	size_t mask;
	int16_t *rows;            /* nrows * ROW, 64-byte aligned */
	size_t nrows;
	int max_order;            /* highest n-gram order with a non-zero weight */
	/* not-evidence lists */
	uint64_t *ignore;         /* sorted word keys */
	size_t nignore;
	struct phrase *phrases;
	size_t nphrases;
	struct suffix *suffixes;
	size_t nsuffixes;
	uint64_t suffix_bloom[16]; /* bit tail_bit() of every suffix (1024 bits) */
	/* parameters */
	size_t min_words, min_letters;
	double temperature;
	unsigned char capnouns[ROW]; /* 1: the language capitalises common nouns */
	size_t home;                 /* index of the home language (en), ROW if none */
	int16_t unseen_word[ROW];    /* each language's value for a whole word it does not list */
	int borrowed;                /* the arrays are the build's (lor_lang__model_prebuilt): not freed */
	uint64_t hash;               /* lor_lang__blobs_hash() of the files it was built from */
};

static inline uint64_t mix64(uint64_t x)
{
	/* splitmix64 finaliser: spreads FNV's weak low bits over the whole key */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static inline uint64_t fnv_bytes(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= FNV_PRIME;
	}
	return h;
}

static inline uint64_t word_key(const char *s, size_t n)
{
	return mix64(fnv_bytes(SEED_WORD, s, n));
}

/* One of 1024 bits for the last three bytes of a word or suffix: a cheap
 * pre-filter so most words skip the suffix list. */
static inline unsigned tail_bit(const char *s, size_t n)
{
	unsigned h = ((unsigned char)s[n - 1] * 131u + (unsigned char)s[n - 2]) * 131u + (unsigned char)s[n - 3];
	return (h * 2654435761u) >> 22;
}

static inline uint64_t cache_key(const char *s, size_t n)
{
	return mix64(fnv_bytes(SEED_CACHE, s, n));
}

static inline const int16_t *feature_row(const lor_lang__model *m, uint64_t key)
{
	uint32_t check = (uint32_t)(key >> 32) | 1u;
	size_t i = (size_t)key & m->mask;

	for (;;) {
		const struct slot *s = &m->slots[i];
		if (s->check == 0)
			return NULL;
		if (s->check == check)
			return m->rows + (size_t)s->row * ROW;
		i = (i + 1) & m->mask;
	}
}

static inline int is_ignored_word(const lor_lang__model *m, uint64_t key)
{
	size_t lo = 0, hi = m->nignore;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->ignore[mid] < key)
			lo = mid + 1;
		else if (m->ignore[mid] > key)
			hi = mid;
		else
			return 1;
	}
	return 0;
}


/* lang.c: the rows of the features of one lowercased Latin-script word,
 * and their sum into acc (the model builder precomputes listed words' sums
 * with the same two functions, so a listed word scores exactly as its parts). */
size_t lor_lang__word_rows(const lor_lang__model *m, const char *lo, size_t n, const int16_t **rows);
void lor_lang__add_rows(int32_t *acc, const int16_t *const *rows, size_t nr);

#endif /* LOR_LANG_IMPL_H */
