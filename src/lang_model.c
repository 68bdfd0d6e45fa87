/* lang_model.c - build the language model from the profile files of rules/lang/.
 *
 * Loading parses each profile (counts of character n-grams and whole words
 * per language), the ignore lists and the parameters, turns the counts into
 * weighted, scaled log-probabilities and builds the open-addressing index
 * that lang.c probes (see lang.c for the design and the sources). A
 * malformed file is reported as "file:line: error: ..."; the model is
 * immutable once built.
 */
#include "lang.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lang_impl.h"
#include "xutil.h"

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

/* What a profile line contributes before the log-probabilities exist. */
/* A word of a profile's word list, in place in its blob. */
struct wref {
	const char *s;
	size_t n;
};

/* One listed count of one feature in one profile. */
struct count {
	uint32_t row, count;
	unsigned char lang;
};

struct builder {
	/* temporary index: full key -> row + 1 */
	uint64_t *tkeys;
	uint32_t *trows;
	size_t tmask;
	/* rows */
	uint64_t *rkey;
	struct count *counts; /* one per profile line: sparse, most rows are zero */
	size_t ncounts, capcounts;
	unsigned char *kind; /* 1..MAX_ORDER n-gram, MAX_ORDER + 1 word */
	size_t nrows, cap;
	/* the words of all word lists, for the precomputed word sums; they
	 * point into the blobs, which outlive the builder */
	struct wref *words;
	size_t nwords, capwords;
	/* per language totals, per kind */
	double total[ROW][MAX_ORDER + 2];
	/* ignore lists */
	uint64_t *ignore;
	size_t nignore, capignore;
	struct phrase *phrases;
	size_t nphrases, capphrases;
	struct suffix *suffixes;
	size_t nsuffixes, capsuffixes;
	/* params */
	double weight[MAX_ORDER + 2];
	double alpha, temperature;
	double prior[ROW];
	char prior_code[ROW][8];
	size_t nprior;
	char cap_code[ROW][8];
	size_t ncap;
	char home_code[8];
	size_t min_words, min_letters;
	int have_params;
};

#define KIND_WORD (MAX_ORDER + 1)

#if defined(__GNUC__)
#define LANG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define LANG_PRINTF(f, a)
#endif

static int errf(lor_error *err, const char *name, size_t line, const char *fmt, ...) LANG_PRINTF(4, 5);

/* Fill err (when given) as every library error is filled: the file, its
 * line (0: not on one line), the message; always returns -1. */
static int errf(lor_error *err, const char *name, size_t line, const char *fmt, ...)
{
	if (err) {
		va_list ap;

		memset(err, 0, sizeof(*err));
		err->code = LOR_ERULE;
		snprintf(err->path, sizeof(err->path), "%s", name);
		err->line = (unsigned long)line;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof(err->message), fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void builder_release(struct builder *b)
{
	free(b->tkeys);
	free(b->trows);
	free(b->rkey);
	free(b->counts);
	free(b->kind);
	free(b->ignore);
	free(b->phrases);
	free(b->suffixes);
	free(b->words);
}

static int grow_index(struct builder *b, size_t want)
{
	size_t newcap = b->tmask ? (b->tmask + 1) * 2 : 1024, i;
	uint64_t *nk;
	uint32_t *nr;

	while (newcap < want)
		newcap *= 2;
	nk = calloc(newcap, sizeof(*nk));
	nr = calloc(newcap, sizeof(*nr));
	if (!nk || !nr) {
		free(nk);
		free(nr);
		return -1;
	}
	for (i = 0; b->tmask && i <= b->tmask; i++) {
		if (b->trows[i]) {
			size_t j = (size_t)b->tkeys[i] & (newcap - 1);
			while (nr[j])
				j = (j + 1) & (newcap - 1);
			nk[j] = b->tkeys[i];
			nr[j] = b->trows[i];
		}
	}
	free(b->tkeys);
	free(b->trows);
	b->tkeys = nk;
	b->trows = nr;
	b->tmask = newcap - 1;
	return 0;
}

/* Row of a feature key, created when absent; SIZE_MAX when out of memory. */
static size_t builder_row(struct builder *b, uint64_t key, unsigned char kind)
{
	size_t j;

	if (b->nrows * 2 >= b->tmask && grow_index(b, 0) < 0)
		return SIZE_MAX;
	j = (size_t)key & b->tmask;
	while (b->trows[j]) {
		if (b->tkeys[j] == key)
			return b->trows[j] - 1;
		j = (j + 1) & b->tmask;
	}
	if (b->nrows == b->cap) {
		/* two arrays, one capacity: grow the keys, then the kinds to match */
		size_t kcap = b->cap, ccap = b->cap;

		if (lor__reserve(&b->rkey, &kcap, b->nrows + 1, sizeof(*b->rkey)) ||
		    lor__reserve(&b->kind, &ccap, kcap, sizeof(*b->kind)))
			return SIZE_MAX;
		b->cap = kcap;
	}
	b->rkey[b->nrows] = key;
	b->kind[b->nrows] = kind;
	b->tkeys[j] = key;
	b->trows[j] = (uint32_t)(b->nrows + 1);
	return b->nrows++;
}

/* A line cut into at most 4 tab-separated fields (not NUL-terminated). */
struct fields {
	const char *f[4];
	size_t n[4];
	size_t count;
};

static void split_tabs(const char *s, size_t n, struct fields *fl)
{
	const char *p = s, *end = s + n;

	fl->count = 0;
	for (;;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *stop = tab ? tab : end;
		if (fl->count < 4) {
			fl->f[fl->count] = p;
			fl->n[fl->count] = (size_t)(stop - p);
		}
		fl->count++;
		if (!tab)
			break;
		p = tab + 1;
	}
}

static int field_is(const struct fields *fl, size_t i, const char *word)
{
	return fl->n[i] == strlen(word) && memcmp(fl->f[i], word, fl->n[i]) == 0;
}

/* Parse a positive decimal integer that fits in 32 bits. */
static int parse_count(const char *s, size_t n, uint32_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (n == 0 || n > 10)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v == 0 || v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static void quote(char *dst, size_t cap, const char *s, size_t n)
{
	if (n > cap - 1)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static const char *base_name(const char *path)
{
	const char *p = strrchr(path, '/');
	return p ? p + 1 : path;
}

/* Split lowercase text into word keys (for phrases and ignore words). */
struct phrase_ctx {
	struct phrase ph;
	int overflow;
};

static void phrase_word(void *ctx, size_t off, size_t len, const char *lo)
{
	struct phrase_ctx *p = ctx;
	(void)off;
	(void)len;
	if (p->ph.n == MAX_PHRASE) {
		p->overflow = 1;
		return;
	}
	p->ph.h[p->ph.n++] = word_key(lo, strlen(lo));
}

/* The next line of blob from *pos that is neither blank nor a comment ('#'):
 * its start and length without a trailing CR. *line counts every line read,
 * for messages. Returns 0 at the end of the data. */
static int next_line(const lor_lang__blob *blob, size_t *pos, size_t *line, const char **start,
                     size_t *len)
{
	const char *s = (const char *)blob->data;

	while (*pos < blob->len) {
		const char *nl = memchr(s + *pos, '\n', blob->len - *pos);
		size_t at = *pos, end = nl ? (size_t)(nl - s) : blob->len, n = end - at;

		(*line)++;
		*pos = end + 1;
		if (n > 0 && s[at + n - 1] == '\r')
			n--;
		if (n == 0 || s[at] == '#')
			continue;
		*start = s + at;
		*len = n;
		return 1;
	}
	return 0;
}

static int load_ignore(struct builder *b, const lor_lang__blob *blob, lor_error *err)
{
	const char *ln;
	size_t pos = 0, line = 0, n;

	while (next_line(blob, &pos, &line, &ln, &n)) {
		struct fields fl;
		char tmp[128];

		split_tabs(ln, n, &fl);
		if (fl.count != 2 || fl.n[1] == 0 || fl.n[1] >= sizeof(tmp))
			return errf(err, blob->name, line, "expected 'word|phrase|suffix<TAB>text'");
		quote(tmp, sizeof(tmp), fl.f[1], fl.n[1]);
		if (field_is(&fl, 0, "word") || field_is(&fl, 0, "phrase")) {
			struct phrase_ctx pc;
			memset(&pc, 0, sizeof(pc));
			lor_lang__each_word(NULL, tmp, strlen(tmp), phrase_word, &pc);
			if (pc.overflow || pc.ph.n == 0)
				return errf(err, blob->name, line, "'%s' is not 1 to 4 lowercase words", tmp);
			if (field_is(&fl, 0, "word")) {
				if (pc.ph.n != 1)
					return errf(err, blob->name, line, "'%s' is not one word", tmp);
				if (lor__reserve(&b->ignore, &b->capignore, b->nignore + 1, sizeof(*b->ignore)))
					return errf(err, blob->name, line, "out of memory");
				b->ignore[b->nignore++] = pc.ph.h[0];
			} else {
				if (pc.ph.n < 2)
					return errf(err, blob->name, line, "phrase '%s' has only one word", tmp);
				if (lor__reserve(&b->phrases, &b->capphrases, b->nphrases + 1, sizeof(*b->phrases)))
					return errf(err, blob->name, line, "out of memory");
				b->phrases[b->nphrases++] = pc.ph;
			}
		} else if (field_is(&fl, 0, "suffix")) {
			size_t k;
			if (fl.n[1] >= sizeof(b->suffixes[0].s) || fl.n[1] < 3)
				return errf(err, blob->name, line, "suffix '%s' is not 3 to 23 letters", tmp);
			for (k = 0; k < fl.n[1]; k++)
				if (fl.f[1][k] < 'a' || fl.f[1][k] > 'z')
					return errf(err, blob->name, line, "suffix '%s' is not lowercase a-z", tmp);
			if (lor__reserve(&b->suffixes, &b->capsuffixes, b->nsuffixes + 1, sizeof(*b->suffixes)))
				return errf(err, blob->name, line, "out of memory");
			/* zeroed first: the model's bytes are the same in every build (mkcache) */
			memset(&b->suffixes[b->nsuffixes], 0, sizeof(b->suffixes[0]));
			memcpy(b->suffixes[b->nsuffixes].s, tmp, fl.n[1] + 1);
			b->suffixes[b->nsuffixes].len = fl.n[1];
			b->nsuffixes++;
		} else {
			quote(tmp, sizeof(tmp), fl.f[0], fl.n[0]);
			return errf(err, blob->name, line, "unknown entry kind '%s'", tmp);
		}
	}
	return 0;
}

static int load_params(struct builder *b, const lor_lang__blob *blob, lor_error *err)
{
	const char *ln;
	size_t pos = 0, line = 0, n;

	while (next_line(blob, &pos, &line, &ln, &n)) {
		struct fields fl;
		char tmp[64];
		double v;

		split_tabs(ln, n, &fl);
		if (fl.count < 2 || fl.count > 3)
			return errf(err, blob->name, line, "expected 'name<TAB>value'");
		quote(tmp, sizeof(tmp), fl.f[fl.count - 1], fl.n[fl.count - 1]);
		if (lor_x__parse_decimal(fl.f[fl.count - 1], fl.n[fl.count - 1], &v) < 0)
			return errf(err, blob->name, line, "value '%s' is not a number", tmp);
		if (fl.count == 2 && field_is(&fl, 0, "min_words") && v >= 1 && v <= 100) {
			b->min_words = (size_t)v;
		} else if (fl.count == 2 && field_is(&fl, 0, "min_letters") && v >= 1 && v <= 1000) {
			b->min_letters = (size_t)v;
		} else if (fl.count == 2 && field_is(&fl, 0, "alpha") && v > 0 && v <= 10) {
			b->alpha = v;
		} else if (fl.count == 2 && field_is(&fl, 0, "temperature") && v > 0 && v <= 1000) {
			b->temperature = v;
		} else if (fl.count == 3 && field_is(&fl, 0, "weight") && v >= 0 && v <= 100) {
			size_t k;
			if (field_is(&fl, 1, "w"))
				k = KIND_WORD;
			else if (fl.n[1] == 1 && fl.f[1][0] >= '1' && fl.f[1][0] <= '0' + MAX_ORDER)
				k = (size_t)(fl.f[1][0] - '0');
			else
				return errf(err, blob->name, line, "weight kind must be 1..5 or w");
			b->weight[k] = v;
		} else if (fl.count == 3 && field_is(&fl, 0, "capnouns") && (v == 0.0 || v == 1.0)) {
			if (fl.n[1] == 0 || fl.n[1] > 7 || b->ncap == ROW)
				return errf(err, blob->name, line, "bad capnouns language code");
			quote(b->cap_code[b->ncap++], 8, fl.f[1], fl.n[1]);
			if (v == 0.0)
				b->ncap--;
		} else if (fl.count == 3 && field_is(&fl, 0, "home") && v == 1.0) {
			if (fl.n[1] == 0 || fl.n[1] > 7)
				return errf(err, blob->name, line, "bad home language code");
			quote(b->home_code, 8, fl.f[1], fl.n[1]);
		} else if (fl.count == 3 && field_is(&fl, 0, "prior") && v >= -20 && v <= 20) {
			if (fl.n[1] == 0 || fl.n[1] > 7 || b->nprior == ROW)
				return errf(err, blob->name, line, "bad prior language code");
			quote(b->prior_code[b->nprior], 8, fl.f[1], fl.n[1]);
			b->prior[b->nprior++] = v;
		} else {
			quote(tmp, sizeof(tmp), fl.f[0], fl.n[0]);
			return errf(err, blob->name, line, "unknown parameter '%s' or value out of range", tmp);
		}
	}
	b->have_params = 1;
	return 0;
}

static int load_profile(struct builder *b, lor_lang__model *m, const lor_lang__blob *blob, lor_error *err)
{
	const char *ln;
	size_t pos = 0, line = 0, n, lang = SIZE_MAX;

	while (next_line(blob, &pos, &line, &ln, &n)) {
		struct fields fl;
		char tmp[128];
		uint32_t count;

		split_tabs(ln, n, &fl);
		if (lang == SIZE_MAX) {
			size_t k;
			if (fl.count != 3 || !field_is(&fl, 0, "lang"))
				return errf(err, blob->name, line,
					    "expected 'lang<TAB>code<TAB>name' first");
			if (fl.n[1] < 2 || fl.n[1] > 3 || fl.n[2] == 0 || fl.n[2] >= sizeof(m->name[0]))
				return errf(err, blob->name, line, "bad language code or name");
			for (k = 0; k < fl.n[1]; k++)
				if (fl.f[1][k] < 'a' || fl.f[1][k] > 'z')
					return errf(err, blob->name, line, "bad language code");
			if (m->nlang == ROW)
				return errf(err, blob->name, line, "more than 32 statistical languages");
			quote(tmp, sizeof(tmp), fl.f[1], fl.n[1]);
			for (k = 0; k < m->nlang; k++)
				if (strcmp(m->code[k], tmp) == 0)
					return errf(err, blob->name, line, "language '%s' defined twice", tmp);
			lang = m->nlang++;
			quote(m->code[lang], sizeof(m->code[0]), fl.f[1], fl.n[1]);
			quote(m->name[lang], sizeof(m->name[0]), fl.f[2], fl.n[2]);
			continue;
		}
		if (fl.count != 3)
			return errf(err, blob->name, line, "expected 3 tab-separated fields");
		if (parse_count(fl.f[2], fl.n[2], &count) < 0) {
			quote(tmp, sizeof(tmp), fl.f[2], fl.n[2]);
			return errf(err, blob->name, line, "count '%s' is not a positive integer", tmp);
		}
		if (field_is(&fl, 0, "total")) {
			size_t k;
			if (field_is(&fl, 1, "w"))
				k = KIND_WORD;
			else if (fl.n[1] == 1 && fl.f[1][0] >= '1' && fl.f[1][0] <= '0' + MAX_ORDER)
				k = (size_t)(fl.f[1][0] - '0');
			else
				return errf(err, blob->name, line, "total kind must be 1..5 or w");
			b->total[lang][k] = count;
		} else if (field_is(&fl, 0, "n") || field_is(&fl, 0, "w")) {
			char key[64];
			size_t k, ncp = 0, row;
			unsigned char kind;
			uint64_t h;

			if (fl.n[1] == 0 || fl.n[1] >= sizeof(key)) {
				quote(tmp, sizeof(tmp), fl.f[1], fl.n[1]);
				return errf(err, blob->name, line, "bad feature '%s'", tmp);
			}
			for (k = 0; k < fl.n[1]; k++) {
				char c = fl.f[1][k];
				key[k] = (c == '_') ? ' ' : c;
				if (((unsigned char)c & 0xC0) != 0x80)
					ncp++;
			}
			if (field_is(&fl, 0, "n")) {
				if (ncp > MAX_ORDER) {
					quote(tmp, sizeof(tmp), fl.f[1], fl.n[1]);
					return errf(err, blob->name, line, "n-gram '%s' is longer than 5", tmp);
				}
				kind = (unsigned char)ncp;
				h = mix64(fnv_bytes(SEED_NGRAM, key, fl.n[1]));
			} else {
				kind = KIND_WORD;
				h = word_key(key, fl.n[1]);
				if (ncp <= MAX_WORD_CPS && b->weight[kind] > 0.0) {
					if (lor__reserve(&b->words, &b->capwords, b->nwords + 1, sizeof(*b->words)))
						return errf(err, blob->name, line, "out of memory");
					b->words[b->nwords].s = fl.f[1];
					b->words[b->nwords].n = fl.n[1];
					b->nwords++;
				}
			}
			if (b->weight[kind] <= 0.0) {
				continue;
			}
			row = builder_row(b, h, kind);
			if (row == SIZE_MAX)
				return errf(err, blob->name, line, "out of memory");
			if (lor__reserve(&b->counts, &b->capcounts, b->ncounts + 1, sizeof(*b->counts)))
				return errf(err, blob->name, line, "out of memory");
			b->counts[b->ncounts].row = (uint32_t)row;
			b->counts[b->ncounts].lang = (unsigned char)lang;
			b->counts[b->ncounts].count = count;
			b->ncounts++;
		} else {
			quote(tmp, sizeof(tmp), fl.f[0], fl.n[0]);
			return errf(err, blob->name, line, "unknown entry kind '%s'", tmp);
		}
	}
	if (lang == SIZE_MAX)
		return errf(err, blob->name, line, "no 'lang' line");
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* A scaled log-probability as a row entry, floored at ROW_FLOOR. A kind of
 * feature with no weight and no vocabulary computes inf * 0 = NaN: it is
 * never used, and the floor keeps the conversion defined. */
static int16_t quantize(double v)
{
	if (!(v >= ROW_FLOOR)) /* also NaN */
		v = ROW_FLOOR;
	if (v > 0.0)
		v = 0.0;
	return (int16_t)(v - 0.5);
}

static void insert_slot(lor_lang__model *m, uint64_t key, size_t row)
{
	size_t j = (size_t)key & m->mask;

	while (m->slots[j].check)
		j = (j + 1) & m->mask;
	m->slots[j].check = (uint32_t)(key >> 32) | 1u;
	m->slots[j].row = (uint32_t)row;
}

static int cmp_wref(const void *a, const void *b)
{
	const struct wref *x = a, *y = b;
	int c = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);
	return c ? c : (x->n > y->n) - (x->n < y->n);
}

static int same_wref(const struct wref *x, const struct wref *y)
{
	return x->n == y->n && memcmp(x->s, y->s, x->n) == 0;
}

static int cmp_phrase(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;
	return (x->h[0] > y->h[0]) - (x->h[0] < y->h[0]);
}

/* Turn counts into weighted, scaled log-probabilities and build the index. */
static int finish_model(struct builder *b, lor_lang__model *m)
{
	size_t vocab[MAX_ORDER + 2] = {0};
	size_t r, l, cap, nuniq;
	double denom[ROW][MAX_ORDER + 2];
	int16_t unseen[MAX_ORDER + 2][ROW]; /* per kind: a row of unseen values */
	int k;

	for (r = 0; r < b->nrows; r++)
		vocab[b->kind[r]]++;
	m->max_order = 0;
	for (k = 1; k <= MAX_ORDER; k++)
		if (b->weight[k] > 0.0 && vocab[k] > 0)
			m->max_order = k;
	/* one extra row per distinct listed word: its precomputed sum */
	if (b->nwords > 1)
		qsort(b->words, b->nwords, sizeof(*b->words), cmp_wref);
	for (r = 0, nuniq = 0; r < b->nwords; r++)
		if (r == 0 || !same_wref(&b->words[r], &b->words[r - 1]))
			nuniq++;
	m->nrows = b->nrows + nuniq;
	m->rows = aligned_alloc(64, (m->nrows ? m->nrows : 1) * ROW * sizeof(int16_t));
	cap = 16;
	while (cap < m->nrows * 2 + 2)
		cap *= 2;
	m->slots = calloc(cap, sizeof(*m->slots));
	if (!m->rows || !m->slots)
		return -1;
	m->mask = cap - 1;
	/* A row starts at each language's value for an unseen feature of its
	 * kind, then the listed counts overwrite their cells: log() runs once
	 * per profile line, not once per cell. */
	memset(unseen, 0, sizeof(unseen));
	for (l = 0; l < m->nlang; l++)
		for (k = 1; k <= KIND_WORD; k++) {
			denom[l][k] = log(b->total[l][k] + b->alpha * (double)vocab[k]);
			unseen[k][l] = quantize((log(b->alpha) - denom[l][k]) * b->weight[k] * SCALE);
		}
	memcpy(m->unseen_word, unseen[KIND_WORD], sizeof(m->unseen_word));
	for (r = 0; r < b->nrows; r++) {
		memcpy(m->rows + r * ROW, unseen[b->kind[r]], sizeof(unseen[0]));
		insert_slot(m, b->rkey[r], r);
	}
	for (r = 0; r < b->ncounts; r++) {
		const struct count *c = &b->counts[r];
		unsigned char kind = b->kind[c->row];
		m->rows[(size_t)c->row * ROW + c->lang] =
			quantize((log((double)c->count + b->alpha) - denom[c->lang][kind]) * b->weight[kind] * SCALE);
	}
	/* Word sums, shifted so the best language scores 0 (a constant per word
	 * changes neither the argmax nor the softmax) and clamped at -32767. */
	for (r = 0, nuniq = 0; r < b->nwords; r++) {
		const int16_t *rows[MAX_FEATURES];
		int32_t sum[ROW] = {0}, top = INT32_MIN;
		int16_t *row;
		size_t len = b->words[r].n, nr;

		if (r > 0 && same_wref(&b->words[r], &b->words[r - 1]))
			continue;
		nr = lor_lang__word_rows(m, b->words[r].s, len, rows);
		lor_lang__add_rows(sum, rows, nr);
		for (l = 0; l < m->nlang; l++)
			if (sum[l] > top)
				top = sum[l];
		row = m->rows + (b->nrows + nuniq) * ROW;
		for (l = 0; l < ROW; l++) {
			int32_t v = l < m->nlang ? sum[l] - top : 0;
			row[l] = (int16_t)(v < -32767 ? -32767 : v);
		}
		insert_slot(m, cache_key(b->words[r].s, len), b->nrows + nuniq);
		nuniq++;
	}
	/* ignore lists move over */
	if (b->nignore > 1)
		qsort(b->ignore, b->nignore, sizeof(*b->ignore), cmp_u64);
	m->ignore = b->ignore;
	m->nignore = b->nignore;
	m->phrases = b->phrases;
	m->nphrases = b->nphrases;
	m->suffixes = b->suffixes;
	m->nsuffixes = b->nsuffixes;
	b->ignore = NULL;
	b->phrases = NULL;
	b->suffixes = NULL;
	if (m->nphrases > 1)
		qsort(m->phrases, m->nphrases, sizeof(*m->phrases), cmp_phrase);
	for (l = 0; l < m->nsuffixes; l++) {
		unsigned bit = tail_bit(m->suffixes[l].s, m->suffixes[l].len);
		m->suffix_bloom[bit >> 6] |= 1ULL << (bit & 63u);
	}
	m->home = ROW;
	for (l = 0; l < m->nlang; l++) {
		size_t p;
		if (strcmp(m->code[l], b->home_code) == 0)
			m->home = l;
		m->prior[l] = 0.0;
		for (p = 0; p < b->nprior; p++)
			if (strcmp(b->prior_code[p], m->code[l]) == 0)
				m->prior[l] = b->prior[p];
		for (p = 0; p < b->ncap; p++)
			if (strcmp(b->cap_code[p], m->code[l]) == 0)
				m->capnouns[l] = 1;
	}
	m->min_words = b->min_words;
	m->min_letters = b->min_letters;
	m->temperature = b->temperature;
	return 0;
}

int lor_lang__model_new(lor_lang__model **out, const lor_lang__blob *blobs, size_t nblobs, lor_error *err)
{
	struct builder *b;
	lor_lang__model *m;
	size_t i, l;
	int pass, rc = 0;

	if (!out || (!blobs && nblobs > 0))
		return errf(err, "rules/lang", 0, "no model data given");
	b = calloc(1, sizeof(*b));
	m = calloc(1, sizeof(*m));
	if (!b || !m) {
		free(b);
		free(m);
		return errf(err, "rules/lang", 0, "out of memory");
	}
	/* defaults, overridden by params.txt */
	for (i = 1; i <= KIND_WORD; i++)
		b->weight[i] = 1.0;
	b->alpha = 0.5;
	b->temperature = 6.0;
	b->min_words = 3;
	b->min_letters = 20;

	/* size the temporary index once: at most one row per line */
	{
		size_t lines = 0;
		for (i = 0; i < nblobs; i++) {
			const unsigned char *p = blobs[i].data, *end = p ? p + blobs[i].len : NULL;
			while (p && p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
				lines++;
				p++;
			}
		}
		if (grow_index(b, lines * 2 + 2) < 0)
			rc = errf(err, "rules/lang", 0, "out of memory");
	}
	/* params first (weights decide what is loaded), then the rest */
	for (pass = 0; pass < 2 && rc == 0; pass++) {
		for (i = 0; i < nblobs && rc == 0; i++) {
			const char *bn;
			size_t nl;
			if (!blobs[i].name || (!blobs[i].data && blobs[i].len > 0)) {
				rc = errf(err, "rules/lang", 0, "blob without name or data");
				break;
			}
			bn = base_name(blobs[i].name);
			nl = strlen(bn);
			if (bn[0] == '.' || (nl >= 3 && strcmp(bn + nl - 3, ".md") == 0))
				continue;
			if (strcmp(bn, "params.txt") == 0) {
				if (pass == 0)
					rc = load_params(b, &blobs[i], err);
			} else if (pass == 1) {
				if (strcmp(bn, "ignore.txt") == 0)
					rc = load_ignore(b, &blobs[i], err);
				else
					rc = load_profile(b, m, &blobs[i], err);
			}
		}
	}
	if (rc == 0 && m->nlang == 0)
		rc = errf(err, "rules/lang", 0, "no language profile given");
	for (l = 0; rc == 0 && l < m->nlang; l++) {
		int k;
		for (k = 1; k <= KIND_WORD; k++) {
			if (b->weight[k] > 0.0 && b->total[l][k] <= 0.0) {
				char what[8];
				snprintf(what, sizeof(what), "%s", m->code[l]);
				rc = errf(err, "rules/lang", 0, "profile '%s' lacks a total for a kind in use", what);
				break;
			}
		}
	}
	if (rc == 0 && finish_model(b, m) < 0)
		rc = errf(err, "rules/lang", 0, "out of memory");
	m->hash = lor_lang__blobs_hash(blobs, nblobs);
	builder_release(b);
	free(b);
	if (rc != 0) {
		lor_lang__model_free(m);
		return -1;
	}
	*out = m;
	return 0;
}

uint64_t lor_lang__blobs_hash(const lor_lang__blob *blobs, size_t nblobs)
{
	uint64_t h = SEED_NGRAM;
	size_t i;

	for (i = 0; i < nblobs; i++) {
		h = fnv_bytes(h, blobs[i].name, strlen(blobs[i].name) + 1);
		h = fnv_bytes(h, (const char *)blobs[i].data, blobs[i].len);
	}
	return mix64(h);
}

int lor_lang__model_prebuilt(lor_lang__model **out, const lor_lang__blob *blobs, size_t nblobs,
                             int same_build)
{
	const lor_lang__prebuilt *p = &lor_lang__prebuilt_model;
	lor_lang__model *m;

	*out = NULL;
	/* same_build: the blobs are this build's embedded files, from which the
	 * model was made (test_rulecache checks the hash once); else hash them */
	if (p->model_size != sizeof(*m) || !p->model ||
	    (!same_build && p->hash != lor_lang__blobs_hash(blobs, nblobs)))
		return 0;
	if (!(m = malloc(sizeof(*m))))
		return 0;
	memcpy(m, p->model, sizeof(*m));
	/* the arrays stay where the build put them, read-only */
	m->slots = (struct slot *)(uintptr_t)p->slots;
	m->rows = (int16_t *)(uintptr_t)p->rows;
	m->ignore = (uint64_t *)(uintptr_t)p->ignore;
	m->phrases = (struct phrase *)(uintptr_t)p->phrases;
	m->suffixes = (struct suffix *)(uintptr_t)p->suffixes;
	m->borrowed = 1;
	*out = m;
	return 0;
}

void lor_lang__model_free(lor_lang__model *m)
{
	if (!m)
		return;
	if (m->borrowed) {
		free(m);
		return;
	}
	free(m->slots);
	free(m->rows);
	free(m->ignore);
	free(m->phrases);
	free(m->suffixes);
	free(m);
}

/* ------------------------------------------------------------------------ */
/* Loading a directory                                                      */

int lor_lang__model_load_dir(lor_lang__model **out, const char *dir, lor_error *err)
{
	char **names = NULL, **paths = NULL;
	lor_lang__blob *blobs = NULL;
	size_t n = 0, i;
	int rc = -1;

	if (!out || !dir)
		return errf(err, "rules/lang", 0, "no directory given");
	if (lor_x__list_dir(dir, &names, &n))
		return errf(err, dir, 0, "cannot open directory");
	blobs = calloc(n ? n : 1, sizeof(*blobs));
	paths = calloc(n ? n : 1, sizeof(*paths));
	if (!blobs || !paths)
		goto done;
	for (i = 0; i < n; i++) {
		size_t plen = strlen(dir) + strlen(names[i]) + 2;
		unsigned char *data = NULL;
		size_t len = 0;

		if (!(paths[i] = malloc(plen)))
			goto done;
		snprintf(paths[i], plen, "%s/%s", dir, names[i]);
		if (lor_x__read_file(paths[i], &data, &len)) {
			errf(err, paths[i], 0, "cannot read file");
			goto done;
		}
		blobs[i].name = paths[i];
		blobs[i].data = data;
		blobs[i].len = len;
	}
	rc = lor_lang__model_new(out, blobs, n, err);
done:
	if (rc < 0 && err && !err->message[0])
		errf(err, dir, 0, "out of memory");
	for (i = 0; blobs && i < n; i++)
		free((void *)blobs[i].data);
	free(blobs);
	lor_x__free_names(paths, paths ? n : 0);
	lor_x__free_names(names, n);
	return rc;
}

