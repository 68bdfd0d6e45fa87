/* lang.c - language identification: script rules plus a naive-Bayes n-gram model.
 *
 * Design.  A text is cut into whitespace-separated chunks and each chunk into
 * words (runs of letters and combining marks, an apostrophe allowed between
 * letters).  Words that are not evidence about the writer's language are
 * dropped first (lang.h lists the rules); what is left is split by script.
 * Non-Latin scripts mostly name their language outright (Unicode blocks, see
 * https://www.unicode.org/Public/UCD/latest/ucd/Blocks.txt), with a few
 * letter tests inside Cyrillic and Arabic script.  Latin-script words go to a
 * multinomial naive-Bayes classifier (the approach of Dunning 1994,
 * "Statistical identification of language", and of langid.py, Lui & Baldwin
 * 2012) over character 1..4-grams (up to 5 supported, see params.txt) of the
 * word padded with spaces, plus the whole word, which is what makes short
 * sentences work: function words such as "the", "de", "och" are the strongest
 * clue a 40-character sentence has.
 *
 * Speed.  At load, every feature of every profile gets one row of 32 int16
 * log-probabilities (one 64-byte cache line, one column per language, scaled
 * by SCALE and by the weight of its kind), found through an open-addressing
 * index keyed by a 64-bit FNV-1a hash of the feature's UTF-8 bytes.  The words
 * of the profiles' word lists (mostly function words, half of running text)
 * also get a row holding their whole precomputed sum.  Scoring a word is then
 * one probe for a listed word, else one probe per n-gram, and 16-bit vector
 * additions (SSE2 where available); nothing is allocated: the word records and
 * lowercased bytes of a text live in fixed stack buffers flushed in batches.
 * Hash collisions between distinct features are left to chance (a 32-bit
 * check on top of the slot index makes them ~2^-32 per probe).  Loading parses
 * about 49,000 lines and takes about 5 ms; a 300-character paragraph about
 * 10 us.
 *
 * The model is immutable after lor_lang__model_new returns.
 */
#include "lang.h"

#include <dirent.h>
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
/* ------------------------------------------------------------------------ */
/* Scripts                                                                  */

enum script {
	S_NONE, S_LATIN, S_GREEK, S_CYRILLIC, S_ARMENIAN, S_HEBREW, S_ARABIC, S_SYRIAC,
	S_THAANA, S_DEVANAGARI, S_BENGALI, S_GURMUKHI, S_GUJARATI, S_ORIYA, S_TAMIL,
	S_TELUGU, S_KANNADA, S_MALAYALAM, S_SINHALA, S_THAI, S_LAO, S_TIBETAN, S_MYANMAR,
	S_GEORGIAN, S_HANGUL, S_ETHIOPIC, S_CHEROKEE, S_KHMER, S_MONGOLIAN, S_KANA, S_HAN,
	S_COUNT
};

struct script_info {
	const char *code;  /* default language of the script */
	const char *name;  /* English name of that language */
	int unspaced;      /* written without spaces between words */
	int weight;        /* letters-equivalent of one character (Han: a morpheme) */
};

/* Default language per script.  Weights: one Han character stands for a
 * morpheme (about a short word), one kana or Hangul block for a syllable; a
 * rough letters-equivalent so one threshold (min_letters) serves all scripts. */
static const struct script_info script_info[S_COUNT] = {
	[S_NONE] = {"und", "undetermined", 0, 0},
	[S_LATIN] = {"und", "undetermined", 0, 1},
	[S_GREEK] = {"el", "Greek", 0, 1},
	[S_CYRILLIC] = {"ru", "Russian", 0, 1},
	[S_ARMENIAN] = {"hy", "Armenian", 0, 1},
	[S_HEBREW] = {"he", "Hebrew", 0, 1},
	[S_ARABIC] = {"ar", "Arabic", 0, 1},
	[S_SYRIAC] = {"syr", "Syriac", 0, 1},
	[S_THAANA] = {"dv", "Dhivehi", 0, 1},
	[S_DEVANAGARI] = {"hi", "Hindi", 0, 1},
	[S_BENGALI] = {"bn", "Bengali", 0, 1},
	[S_GURMUKHI] = {"pa", "Punjabi", 0, 1},
	[S_GUJARATI] = {"gu", "Gujarati", 0, 1},
	[S_ORIYA] = {"or", "Odia", 0, 1},
	[S_TAMIL] = {"ta", "Tamil", 0, 1},
	[S_TELUGU] = {"te", "Telugu", 0, 1},
	[S_KANNADA] = {"kn", "Kannada", 0, 1},
	[S_MALAYALAM] = {"ml", "Malayalam", 0, 1},
	[S_SINHALA] = {"si", "Sinhala", 0, 1},
	[S_THAI] = {"th", "Thai", 1, 1},
	[S_LAO] = {"lo", "Lao", 1, 1},
	[S_TIBETAN] = {"bo", "Tibetan", 1, 1},
	[S_MYANMAR] = {"my", "Burmese", 1, 1},
	[S_GEORGIAN] = {"ka", "Georgian", 0, 1},
	[S_HANGUL] = {"ko", "Korean", 0, 2},
	[S_ETHIOPIC] = {"am", "Amharic", 0, 2},
	[S_CHEROKEE] = {"chr", "Cherokee", 0, 1},
	[S_KHMER] = {"km", "Khmer", 1, 1},
	[S_MONGOLIAN] = {"mn", "Mongolian", 0, 1},
	[S_KANA] = {"ja", "Japanese", 1, 2},
	[S_HAN] = {"zh", "Chinese", 1, 3},
};

/* Languages told apart inside a script by their own letters (lang.c decides). */
static const struct {
	const char *code, *name;
} extra_names[] = {
	{"uk", "Ukrainian"}, {"bg", "Bulgarian"}, {"sr", "Serbian"}, {"mk", "Macedonian"},
	{"be", "Belarusian"}, {"kk", "Kazakh"}, {"fa", "Persian"}, {"ur", "Urdu"},
	{"yi", "Yiddish"}, {"as", "Assamese"},
};

struct range {
	uint32_t lo, hi;
	unsigned char script;
};

/* Unicode blocks (Blocks.txt) of the scripts above, sorted by code point.
 * Combining marks (U+0300..U+036F etc.) are not listed: they take the script
 * of the letter they follow. */
static const struct range ranges[] = {
	{0x0041, 0x024F, S_LATIN},      {0x0250, 0x02AF, S_LATIN},      {0x0370, 0x03FF, S_GREEK},
	{0x0400, 0x052F, S_CYRILLIC},   {0x0530, 0x058F, S_ARMENIAN},   {0x0590, 0x05FF, S_HEBREW},
	{0x0600, 0x06FF, S_ARABIC},     {0x0700, 0x074F, S_SYRIAC},     {0x0750, 0x077F, S_ARABIC},
	{0x0780, 0x07BF, S_THAANA},     {0x08A0, 0x08FF, S_ARABIC},     {0x0900, 0x097F, S_DEVANAGARI},
	{0x0980, 0x09FF, S_BENGALI},    {0x0A00, 0x0A7F, S_GURMUKHI},   {0x0A80, 0x0AFF, S_GUJARATI},
	{0x0B00, 0x0B7F, S_ORIYA},      {0x0B80, 0x0BFF, S_TAMIL},      {0x0C00, 0x0C7F, S_TELUGU},
	{0x0C80, 0x0CFF, S_KANNADA},    {0x0D00, 0x0D7F, S_MALAYALAM},  {0x0D80, 0x0DFF, S_SINHALA},
	{0x0E00, 0x0E7F, S_THAI},       {0x0E80, 0x0EFF, S_LAO},        {0x0F00, 0x0FFF, S_TIBETAN},
	{0x1000, 0x109F, S_MYANMAR},    {0x10A0, 0x10FF, S_GEORGIAN},   {0x1100, 0x11FF, S_HANGUL},
	{0x1200, 0x139F, S_ETHIOPIC},   {0x13A0, 0x13FF, S_CHEROKEE},   {0x1780, 0x17FF, S_KHMER},
	{0x1800, 0x18AF, S_MONGOLIAN},  {0x1C80, 0x1C8F, S_CYRILLIC},   {0x1C90, 0x1CBF, S_GEORGIAN},
	{0x1E00, 0x1EFF, S_LATIN},      {0x1F00, 0x1FFF, S_GREEK},      {0x2C60, 0x2C7F, S_LATIN},
	{0x2D00, 0x2D2F, S_GEORGIAN},   {0x2D80, 0x2DDF, S_ETHIOPIC},   {0x2DE0, 0x2DFF, S_CYRILLIC},
	{0x3040, 0x309F, S_KANA},       {0x30A0, 0x30FF, S_KANA},       {0x3100, 0x312F, S_HAN},
	{0x3130, 0x318F, S_HANGUL},     {0x31F0, 0x31FF, S_KANA},       {0x3400, 0x4DBF, S_HAN},
	{0x4E00, 0x9FFF, S_HAN},        {0xA640, 0xA69F, S_CYRILLIC},   {0xA720, 0xA7FF, S_LATIN},
	{0xA8E0, 0xA8FF, S_DEVANAGARI}, {0xAB30, 0xAB6F, S_LATIN},      {0xAC00, 0xD7AF, S_HANGUL},
	{0xF900, 0xFAFF, S_HAN},        {0xFB00, 0xFB06, S_LATIN},      {0xFB1D, 0xFB4F, S_HEBREW},
	{0xFB50, 0xFDFF, S_ARABIC},     {0xFE70, 0xFEFF, S_ARABIC},     {0xFF21, 0xFF5A, S_LATIN},
	{0xFF66, 0xFF9F, S_KANA},       {0xFFA0, 0xFFDC, S_HANGUL},     {0x20000, 0x3134F, S_HAN},
};

static enum script script_of(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(ranges) / sizeof(ranges[0]);

	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? S_LATIN : S_NONE;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < ranges[mid].lo)
			hi = mid;
		else if (cp > ranges[mid].hi)
			lo = mid + 1;
		else
			return (enum script)ranges[mid].script;
	}
	return S_NONE;
}

/* ------------------------------------------------------------------------ */
/* UTF-8 and character classes                                              */

/* Decode one code point; an invalid or truncated sequence yields U+FFFD and
 * consumes one byte (then it is no letter, so it separates words). */
static inline size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0];
	size_t need, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		c &= 0x07;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n < need + 1) {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3Fu);
	}
	if ((need == 2 && c < 0x800) || (need == 3 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return need + 1;
}

static size_t encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

enum ccls { K_OTHER, K_SPACE, K_NEWLINE, K_UPPER, K_LOWER, K_LETTER, K_MARK, K_DIGIT };

/* Classes of the ASCII range, so the common case needs no utf8proc call. */
static const unsigned char ascii_class[128] = {
	['\t'] = K_SPACE, ['\n'] = K_NEWLINE, ['\v'] = K_SPACE, ['\f'] = K_SPACE, ['\r'] = K_SPACE,
	[' '] = K_SPACE,
	['0'] = K_DIGIT, ['1'] = K_DIGIT, ['2'] = K_DIGIT, ['3'] = K_DIGIT, ['4'] = K_DIGIT,
	['5'] = K_DIGIT, ['6'] = K_DIGIT, ['7'] = K_DIGIT, ['8'] = K_DIGIT, ['9'] = K_DIGIT,
	['A'] = K_UPPER, ['B'] = K_UPPER, ['C'] = K_UPPER, ['D'] = K_UPPER, ['E'] = K_UPPER,
	['F'] = K_UPPER, ['G'] = K_UPPER, ['H'] = K_UPPER, ['I'] = K_UPPER, ['J'] = K_UPPER,
	['K'] = K_UPPER, ['L'] = K_UPPER, ['M'] = K_UPPER, ['N'] = K_UPPER, ['O'] = K_UPPER,
	['P'] = K_UPPER, ['Q'] = K_UPPER, ['R'] = K_UPPER, ['S'] = K_UPPER, ['T'] = K_UPPER,
	['U'] = K_UPPER, ['V'] = K_UPPER, ['W'] = K_UPPER, ['X'] = K_UPPER, ['Y'] = K_UPPER,
	['Z'] = K_UPPER,
	['a'] = K_LOWER, ['b'] = K_LOWER, ['c'] = K_LOWER, ['d'] = K_LOWER, ['e'] = K_LOWER,
	['f'] = K_LOWER, ['g'] = K_LOWER, ['h'] = K_LOWER, ['i'] = K_LOWER, ['j'] = K_LOWER,
	['k'] = K_LOWER, ['l'] = K_LOWER, ['m'] = K_LOWER, ['n'] = K_LOWER, ['o'] = K_LOWER,
	['p'] = K_LOWER, ['q'] = K_LOWER, ['r'] = K_LOWER, ['s'] = K_LOWER, ['t'] = K_LOWER,
	['u'] = K_LOWER, ['v'] = K_LOWER, ['w'] = K_LOWER, ['x'] = K_LOWER, ['y'] = K_LOWER,
	['z'] = K_LOWER,
};

static inline enum ccls classify(uint32_t cp)
{
	if (cp < 0x80)
		return (enum ccls)ascii_class[cp];
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return K_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return K_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return K_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return K_MARK;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return K_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
		return K_SPACE;
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return K_NEWLINE;
	default:
		return K_OTHER;
	}
}

static inline uint32_t lower(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

/* ------------------------------------------------------------------------ */
/* Pass 1: words                                                            */

/* word flags */
#define W_DROP 1u       /* not evidence */
#define W_INITIAL 2u    /* opens a sentence or a line */
#define W_TITLE 4u      /* first letter upper case, the rest lower */
#define W_NAME 8u       /* title case inside a sentence: a name, or a German noun */
#define W_OPENER 16u    /* title case opening a sentence, not a known word */

struct word {
	uint32_t off, len;       /* byte span in the text */
	uint32_t lo_off, lo_len; /* lowercased bytes in the batch buffer */
	uint32_t cps;            /* code points (letters and marks) */
	unsigned flags;
	enum script script;
	uint64_t key;            /* word_key of the lowercased form */
};

struct batch {
	struct word w[BATCH_WORDS];
	size_t n;
	char buf[BATCH_BYTES];
	size_t used;
};

/* Is cp a closing quote or bracket, skipped when looking for a sentence end? */
static int is_closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

/* Is cp a letter for the word builder? */
static int is_letter_class(enum ccls c)
{
	return c == K_UPPER || c == K_LOWER || c == K_LETTER;
}

/* The word being built while scanning. */
struct wstate {
	size_t ws, we;          /* byte span in the text */
	size_t lo_start;        /* start of its lowercased bytes in the batch */
	unsigned nupper, nlower;
	uint32_t cps;
	int first_upper, later_upper, seen_letter, initial;
	enum script sc;
};

/* Close the word being built: record it with its flags.  Words of more than
 * MAX_WORD_CPS letters (hashes, base64, gene sequences) are noise. */
static void end_word(struct batch *b, struct wstate *st)
{
	struct word *w = &b->w[b->n++];
	size_t lo_len = b->used - st->lo_start;

	w->off = (uint32_t)st->ws;
	w->len = (uint32_t)(st->we - st->ws);
	w->lo_off = (uint32_t)st->lo_start;
	w->lo_len = (uint32_t)lo_len;
	w->cps = st->cps;
	w->script = st->sc;
	w->flags = st->initial ? W_INITIAL : 0u;
	w->key = word_key(b->buf + st->lo_start, lo_len);
	if (st->sc == S_NONE || (st->cps > MAX_WORD_CPS && !script_info[st->sc].unspaced))
		w->flags |= W_DROP;
	else if (st->nupper >= 2 && st->nlower == 0)
		w->flags |= W_DROP; /* acronym: EHR, FHIR, CMIO */
	else if (st->later_upper)
		w->flags |= W_DROP; /* mixed case: eGFR, iPhone, McDonald */
	else if (st->first_upper && !(st->cps == 1 && b->buf[st->lo_start] == 'i'))
		w->flags |= W_TITLE; /* decided later: name or sentence opener; "I" is English */
}

/* Drop the words that make up a listed phrase ("de novo", "et al"). */
static void mark_phrases(const lor_lang__model *m, struct batch *b)
{
	size_t i, p, k;

	if (!m || m->nphrases == 0)
		return;
	for (i = 0; i < b->n; i++) {
		/* phrases are sorted by first word: find the first with this one */
		size_t lo = 0, hi = m->nphrases;
		uint64_t key = b->w[i].key;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (m->phrases[mid].h[0] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (p = lo; p < m->nphrases && m->phrases[p].h[0] == key; p++) {
			const struct phrase *ph = &m->phrases[p];
			if (i + ph->n > b->n)
				continue;
			for (k = 1; k < ph->n; k++)
				if (b->w[i + k].key != ph->h[k])
					break;
			if (k == ph->n) {
				for (k = 0; k < ph->n; k++)
					b->w[i + k].flags |= W_DROP;
			}
		}
	}
}

static int has_listed_suffix(const lor_lang__model *m, const char *s, size_t n)
{
	size_t i;

	unsigned bit;

	if (n < 6)
		return 0;
	bit = tail_bit(s, n);
	if (!(m->suffix_bloom[bit >> 6] & (1ULL << (bit & 63u))))
		return 0;
	for (i = 0; i < m->nsuffixes; i++) {
		size_t k = m->suffixes[i].len;
		if (n >= k + 3 && memcmp(s + n - k, m->suffixes[i].s, k) == 0)
			return 1;
	}
	return 0;
}

/* Decide the remaining drops that need the model: title-case words count only
 * when they open a sentence and are a known word of some profile; listed
 * loanwords and drug-like suffixes never count. */
static void finish_batch(const lor_lang__model *m, struct batch *b)
{
	size_t i;

	mark_phrases(m, b);
	for (i = 0; i < b->n; i++) {
		struct word *w = &b->w[i];
		if (w->flags & W_DROP)
			continue;
		if ((w->flags & W_TITLE) && !(w->flags & W_INITIAL))
			w->flags |= W_NAME;
		else if ((w->flags & W_TITLE) && m && !feature_row(m, w->key))
			w->flags |= W_OPENER;
		if (m && w->script == S_LATIN &&
		    (is_ignored_word(m, w->key) || has_listed_suffix(m, b->buf + w->lo_off, w->lo_len)))
			w->flags |= W_DROP;
	}
}

typedef void (*batch_fn)(void *ctx, const struct batch *b);

/* Room a chunk may take in a batch; a longer "chunk" is no prose. */
#define CHUNK_WORDS 64
#define CHUNK_BYTES 1024

static void flush(const lor_lang__model *m, struct batch *b, batch_fn fn, void *ctx)
{
	finish_batch(m, b);
	fn(ctx, b);
	b->n = 0;
	b->used = 0;
}

/* Scanner state between code points. */
struct scanner {
	const lor_lang__model *m;
	const unsigned char *s;
	struct batch *b;
	batch_fn fn;
	void *ctx;
	struct wstate st;
	size_t chunk_n, chunk_used, chunk_start;
	int initial, in_chunk, in_word, noise, first_word, chunk_uns;
	uint32_t last_sig;
};

static int ends_sentence(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == 0x3002 || cp == 0xFF01 ||
	       cp == 0xFF1F || cp == 0x0964 || cp == 0x06D4 || cp == 0x061F;
}

/* Close the current chunk at byte i: a noise chunk takes its words back. */
static void end_chunk(struct scanner *sc, size_t i)
{
	const unsigned char *s = sc->s;

	if (sc->in_word) {
		sc->in_word = 0;
		end_word(sc->b, &sc->st);
	}
	if (!sc->in_chunk)
		return;
	sc->in_chunk = 0;
	if (!sc->chunk_uns && !sc->noise && i - sc->chunk_start >= 4 && (s[sc->chunk_start] | 0x20) == 'w' &&
	    (s[sc->chunk_start + 1] | 0x20) == 'w' && (s[sc->chunk_start + 2] | 0x20) == 'w' &&
	    s[sc->chunk_start + 3] == '.')
		sc->noise = 1;
	if (sc->noise) {
		sc->b->n = sc->chunk_n;
		sc->b->used = sc->chunk_used;
	}
	sc->initial = ends_sentence(sc->last_sig);
}

static void begin_chunk(struct scanner *sc, size_t i, int uns)
{
	struct batch *b = sc->b;

	/* make sure a spaced chunk fits, so it can be taken back whole */
	if (b->n + CHUNK_WORDS > BATCH_WORDS || b->used + CHUNK_BYTES > BATCH_BYTES)
		flush(sc->m, b, sc->fn, sc->ctx);
	sc->in_chunk = 1;
	sc->noise = 0;
	sc->first_word = 1;
	sc->chunk_uns = uns;
	sc->chunk_start = i;
	sc->chunk_n = b->n;
	sc->chunk_used = b->used;
}

/* Walk the text once, cutting it into chunks and the chunks into words; full
 * batches go to fn.  A chunk is what lies between white space, except that a
 * run of a script written without spaces (Han, kana, Thai, ...) is a chunk of
 * its own.  A spaced chunk that carries no language evidence takes its words
 * back with it: digits (dates, doses, HL7 versions), '@' (e-mail), "://" and
 * "www." (URLs), '_', '#' and '=' (identifiers, hashtags, code).  In an
 * unspaced chunk such characters only separate words, since there the chunk
 * may be a whole paragraph. */
static void scan(const lor_lang__model *m, const char *text, size_t len, struct batch *b, batch_fn fn, void *ctx)
{
	struct scanner sc;
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	memset(&sc, 0, sizeof(sc));
	sc.m = m;
	sc.s = s;
	sc.b = b;
	sc.fn = fn;
	sc.ctx = ctx;
	sc.initial = 1;
	b->n = 0;
	b->used = 0;
	for (;;) {
		uint32_t cp = ' ';
		size_t k = 1;
		enum ccls c = K_SPACE;
		enum script script = S_NONE;
		int letter;

		if (i < len) {
			if (s[i] < 0x80) {
				cp = s[i];
				c = (enum ccls)ascii_class[cp];
			} else {
				k = decode(s + i, len - i, &cp);
				c = classify(cp);
				if (cp == 0x2019)
					cp = '\''; /* typographic apostrophe */
			}
		}
		if (cp == '\'' && sc.in_word) {
			/* an apostrophe stays in the word only before a letter */
			uint32_t nx = ' ';
			if (i + k < len)
				(void)decode(s + i + k, len - i - k, &nx);
			if (is_letter_class(classify(nx)))
				c = K_LOWER;
		}
		letter = is_letter_class(c) && cp != '\'';
		if (letter)
			script = script_of(cp);
		if (sc.in_word && !(is_letter_class(c) || c == K_MARK)) {
			sc.in_word = 0;
			end_word(b, &sc.st);
		}
		if (c == K_SPACE || c == K_NEWLINE) {
			end_chunk(&sc, i);
			if (c == K_NEWLINE)
				sc.initial = 1;
			if (i >= len)
				break;
			i += k;
			continue;
		}
		if (letter && sc.in_chunk && script_info[script].unspaced != sc.chunk_uns)
			end_chunk(&sc, i); /* spaced text meets unspaced text */
		if (!sc.in_chunk)
			begin_chunk(&sc, i, letter && script_info[script].unspaced);
		if (!is_closer(cp))
			sc.last_sig = cp;
		if (sc.noise) {
			i += k;
			continue;
		}
		if (sc.chunk_uns) {
			/* no taking back here: keep room by flushing between words,
			 * and cut very long runs (a paragraph without punctuation) */
			if (!sc.in_word && (b->n + 2 > BATCH_WORDS || b->used + 64 > BATCH_BYTES))
				flush(m, b, fn, ctx);
			if (sc.in_word && (sc.st.cps >= MAX_WORD_CPS || b->used + 8 > BATCH_BYTES)) {
				sc.in_word = 0;
				end_word(b, &sc.st);
				if (b->n + 2 > BATCH_WORDS || b->used + 64 > BATCH_BYTES)
					flush(m, b, fn, ctx);
			}
		} else if (c == K_DIGIT || cp == '@' || cp == '_' || cp == '#' || cp == '=' ||
			   (cp == ':' && i + 2 < len && s[i + 1] == '/' && s[i + 2] == '/') ||
			   b->n >= sc.chunk_n + CHUNK_WORDS - 1 || b->used + 8 >= sc.chunk_used + CHUNK_BYTES) {
			sc.noise = 1;
			sc.in_word = 0;
			i += k;
			continue;
		}
		if (is_letter_class(c) || (c == K_MARK && sc.in_word)) {
			struct wstate *st = &sc.st;
			uint32_t lc = cp;
			if (!sc.in_word) {
				sc.in_word = 1;
				memset(st, 0, sizeof(*st));
				st->ws = i;
				st->lo_start = b->used;
				st->initial = sc.initial && sc.first_word;
				sc.first_word = 0;
			}
			st->we = i + k;
			if (c == K_UPPER) {
				st->nupper++;
				if (!st->seen_letter)
					st->first_upper = 1;
				else
					st->later_upper = 1;
				lc = lower(cp);
			} else if (c == K_LOWER && cp != '\'') {
				st->nlower++;
			}
			if (letter) {
				st->seen_letter = 1;
				if (st->sc == S_NONE)
					st->sc = script;
			}
			b->used += encode(lc, b->buf + b->used);
			st->cps++;
		}
		i += k;
	}
	flush(m, b, fn, ctx);
}

/* ------------------------------------------------------------------------ */
/* Pass 2: evidence                                                         */

struct tally {
	const lor_lang__model *m;
	int32_t acc[ROW];
	size_t latin_words, latin_letters, features;
	/* capitalised words inside sentences (names, or German nouns) apart */
	int32_t acc_cap[ROW];
	size_t cap_words, cap_letters, cap_features;
	/* unknown capitalised words opening a sentence, apart too */
	int32_t acc_open[ROW];
	size_t open_words, open_letters, open_features;
	/* Cyrillic words that tell Russian from Bulgarian */
	size_t cyr_ru_words, cyr_bg_words, cyr_soft, cyr_soft_o;
	size_t units[S_COUNT], words[S_COUNT];
	/* letters that tell languages apart inside a script */
	size_t cyr_uk, cyr_be, cyr_sr, cyr_mk, cyr_jln, cyr_kk, cyr_hard, cyr_ru;
	size_t fa_letters, ur_letters, yi_letters, as_letters;
};

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* Rows of the features of one lowercased Latin-script word (n-grams of the
 * word padded with spaces, then the whole word); returns how many were found.
 * All keys are computed and their slots prefetched first, then the rows, so
 * the cache misses of one word overlap instead of queueing. */
size_t lor_lang__word_rows(const lor_lang__model *m, const char *lo, size_t n, const int16_t **rows)
{
	char buf[MAX_WORD_CPS * 4 + 8];
	size_t cpoff[MAX_WORD_CPS + 3];
	uint64_t keys[MAX_FEATURES];
	size_t ncp = 0, blen = 0, i, pos, nk = 0, nr = 0;

	if (n + 2 > sizeof(buf))
		return 0;
	buf[blen++] = ' ';
	memcpy(buf + blen, lo, n);
	blen += n;
	buf[blen++] = ' ';
	for (i = 0; i < blen && ncp < MAX_WORD_CPS + 2;) {
		unsigned char c = (unsigned char)buf[i];
		cpoff[ncp++] = i;
		i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	}
	cpoff[ncp] = blen;
	for (pos = 0; pos < ncp; pos++) {
		uint64_t h = SEED_NGRAM;
		int order;
		for (order = 1; order <= m->max_order && pos + (size_t)order <= ncp; order++) {
			size_t a = cpoff[pos + (size_t)order - 1], z = cpoff[pos + (size_t)order];
			h = fnv_bytes(h, buf + a, z - a);
			if (order == 1 && buf[a] == ' ')
				continue; /* the lone boundary says nothing */
			keys[nk] = mix64(h);
			PREFETCH(&m->slots[keys[nk] & m->mask]);
			nk++;
		}
	}
	keys[nk] = word_key(lo, n);
	PREFETCH(&m->slots[keys[nk] & m->mask]);
	nk++;
	for (i = 0; i < nk; i++) {
		const int16_t *row = feature_row(m, keys[i]);
		if (row) {
			PREFETCH(row);
			rows[nr++] = row;
		}
	}
	return nr;
}

/* Sum rows into acc.  The sum runs in 16 bits (vector registers), widened
 * every FLUSH rows: entries are >= ROW_FLOOR, so that cannot overflow.  Rows
 * are 64-byte aligned (finish_model), one cache line each. */
#if defined(__SSE2__)
void lor_lang__add_rows(int32_t *acc, const int16_t *const *rows, size_t nr)
{
	size_t i;

	for (i = 0; i < nr;) {
		__m128i s0 = _mm_setzero_si128(), s1 = s0, s2 = s0, s3 = s0;
		size_t stop = i + FLUSH < nr ? i + FLUSH : nr;
		__m128i part[4];
		int q;

		for (; i < stop; i++) {
			const __m128i *r = (const __m128i *)(const void *)rows[i];
			s0 = _mm_add_epi16(s0, _mm_load_si128(r));
			s1 = _mm_add_epi16(s1, _mm_load_si128(r + 1));
			s2 = _mm_add_epi16(s2, _mm_load_si128(r + 2));
			s3 = _mm_add_epi16(s3, _mm_load_si128(r + 3));
		}
		part[0] = s0;
		part[1] = s1;
		part[2] = s2;
		part[3] = s3;
		for (q = 0; q < 4; q++) {
			/* sign-extend 8 x int16 to two 4 x int32 (SSE2 has no pmovsx) */
			__m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(part[q], part[q]), 16);
			__m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(part[q], part[q]), 16);
			__m128i *a = (__m128i *)(void *)(acc + q * 8);
			_mm_storeu_si128(a, _mm_add_epi32(_mm_loadu_si128(a), lo));
			_mm_storeu_si128(a + 1, _mm_add_epi32(_mm_loadu_si128(a + 1), hi));
		}
	}
}
#else
void lor_lang__add_rows(int32_t *acc, const int16_t *const *rows, size_t nr)
{
	size_t i;

	for (i = 0; i < nr;) {
		int16_t a16[ROW] = {0};
		size_t stop = i + FLUSH < nr ? i + FLUSH : nr;
		int j;
		for (; i < stop; i++) {
			const int16_t *row = rows[i];
			for (j = 0; j < ROW; j++)
				a16[j] = (int16_t)(a16[j] + row[j]);
		}
		for (j = 0; j < ROW; j++)
			acc[j] += a16[j];
	}
}
#endif

/* Add the evidence of one lowercased Latin-script word to acc.  Words of
 * the profiles' word lists (mostly function words, half of running text)
 * have their whole sum precomputed at load: one probe instead of ~30. */
static void score_latin(const lor_lang__model *m, int32_t *acc, size_t *features, const char *lo, size_t n)
{
	const int16_t *rows[MAX_FEATURES];
	const int16_t *cached = feature_row(m, cache_key(lo, n));
	size_t nr;

	if (cached) {
		lor_lang__add_rows(acc, &cached, 1);
		*features += 1;
		return;
	}
	nr = lor_lang__word_rows(m, lo, n, rows);
	lor_lang__add_rows(acc, rows, nr);
	*features += nr;
}

/* Frequent function words of Russian and of Bulgarian that the other lacks
 * (Russian что/это/который..., Bulgarian че/ще/това/който...): with the
 * letters ы э ё (Russian only) and ъ (a vowel, common in Bulgarian only)
 * they tell the two apart in text too short to contain those letters. */
static const char *const ru_words[] = {
	"что", "это", "как", "который", "которая", "которые", "его", "её", "она", "он", "они",
	"был", "была", "было", "были", "уже", "ещё", "еще", "только", "если", "всегда", "всё", "когда",
	"тоже", "также", "очень", "сегодня", "нет", "меня", "тебя", "себя", "мы", "вы", "потому",
};
static const char *const bg_words[] = {
	"че", "ще", "са", "това", "тази", "тези", "като", "който", "която", "които", "което", "във", "със",
	"съм", "сме", "сте", "тя", "той", "беше", "бяха", "днес", "винаги", "всичко", "нещо", "защото",
	"ли", "ние", "вие", "тук", "там", "нашия", "нашата",
};

static void cyrillic_word(struct tally *t, const char *lo, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(ru_words) / sizeof(ru_words[0]); i++)
		if (strlen(ru_words[i]) == n && memcmp(ru_words[i], lo, n) == 0)
			t->cyr_ru_words++;
	for (i = 0; i < sizeof(bg_words) / sizeof(bg_words[0]); i++)
		if (strlen(bg_words[i]) == n && memcmp(bg_words[i], lo, n) == 0)
			t->cyr_bg_words++;
}

static void note_script_letters(struct tally *t, enum script sc, const char *lo, size_t n)
{
	size_t i = 0;

	uint32_t prev = 0;

	if (sc == S_CYRILLIC)
		cyrillic_word(t, lo, n);
	while (i < n) {
		uint32_t cp;
		i += decode((const unsigned char *)lo + i, n - i, &cp);
		if (sc == S_CYRILLIC) {
			if (cp == 0x044C)
				t->cyr_soft++;                                                 /* ь */
			else if (cp == 0x043E && prev == 0x044C)
				t->cyr_soft_o++;                                               /* ьо */
			prev = cp;
			switch (cp) {
			case 0x0456: case 0x0457: case 0x0454: case 0x0491: t->cyr_uk++; break; /* і ї є ґ */
			case 0x045E: t->cyr_be++; break;                                      /* ў */
			case 0x0452: case 0x045B: case 0x045F: t->cyr_sr++; break;            /* ђ ћ џ */
			case 0x0453: case 0x045C: case 0x0455: t->cyr_mk++; break;            /* ѓ ќ ѕ */
			case 0x0458: case 0x0459: case 0x045A: t->cyr_jln++; break;           /* ј љ њ */
			case 0x04D9: case 0x0493: case 0x049B: case 0x04A3: case 0x04E9: case 0x04B1:
			case 0x04AF: case 0x04BB: t->cyr_kk++; break;                         /* ә ғ қ ң ө ұ ү һ */
			case 0x044A: t->cyr_hard++; break;                                    /* ъ */
			case 0x044B: case 0x044D: case 0x0451: t->cyr_ru++; break;            /* ы э ё */
			default: break;
			}
		} else if (sc == S_ARABIC) {
			switch (cp) {
			case 0x067E: case 0x0686: case 0x0698: case 0x06AF: case 0x06CC: case 0x06A9:
				t->fa_letters++; break;                                        /* پ چ ژ گ ی ک */
			case 0x06D2: case 0x06BA: case 0x0679: case 0x0688: case 0x0691: case 0x06BE:
				t->ur_letters++; break;                                        /* ے ں ٹ ڈ ڑ ھ */
			default: break;
			}
		} else if (sc == S_HEBREW) {
			if (cp == 0x05F0 || cp == 0x05F1 || cp == 0x05F2 || cp == 0xFB1F)
				t->yi_letters++;                                               /* װ ױ ײ */
		} else if (sc == S_BENGALI) {
			if (cp == 0x09F0 || cp == 0x09F1)
				t->as_letters++;                                               /* ৰ ৱ */
		}
	}
}

static void tally_batch(void *ctx, const struct batch *b)
{
	struct tally *t = ctx;
	size_t i;

	for (i = 0; i < b->n; i++) {
		const struct word *w = &b->w[i];
		const char *lo = b->buf + w->lo_off;
		if (w->flags & W_DROP)
			continue;
		if (w->script != S_LATIN && (w->flags & (W_NAME | W_OPENER)))
			continue;
		if (w->script == S_LATIN) {
			if (w->flags & W_NAME) {
				t->cap_words++;
				t->cap_letters += w->cps;
				score_latin(t->m, t->acc_cap, &t->cap_features, lo, w->lo_len);
				continue;
			}
			if (w->flags & W_OPENER) {
				t->open_words++;
				t->open_letters += w->cps;
				score_latin(t->m, t->acc_open, &t->open_features, lo, w->lo_len);
				continue;
			}
			t->latin_words++;
			t->latin_letters += w->cps;
			score_latin(t->m, t->acc, &t->features, lo, w->lo_len);
		} else {
			/* count by code point: a run of Japanese mixes Han and kana */
			size_t j = 0;
			while (j < w->lo_len) {
				uint32_t cp;
				enum script cs = w->script;
				j += decode((const unsigned char *)lo + j, w->lo_len - j, &cp);
				if (classify(cp) != K_MARK) {
					cs = script_of(cp);
					if (cs == S_NONE || cs == S_LATIN)
						cs = w->script;
				}
				t->units[cs] += (size_t)script_info[cs].weight;
			}
			t->words[w->script]++;
			note_script_letters(t, w->script, lo, w->lo_len);
		}
	}
}

static void set_code(char dst[8], const char *src)
{
	size_t n = strlen(src);

	if (n > 7)
		n = 7;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Name the language of a text whose evidence is mostly in script sc. */
static const char *script_language(const struct tally *t, enum script sc)
{
	switch (sc) {
	case S_CYRILLIC:
		if (t->cyr_kk >= 2)
			return "kk";
		if (t->cyr_be > 0 && t->cyr_ru == 0)
			return "be";
		if (t->cyr_uk > 0 && t->cyr_ru == 0)
			return "uk";
		if (t->cyr_ru == 0 && t->cyr_mk > t->cyr_sr)
			return "mk";
		if (t->cyr_ru == 0 && (t->cyr_sr > 0 || t->cyr_jln > 0))
			return "sr";
		/* Bulgarian has no ы э ё and puts ь only before о */
		if (t->cyr_hard + t->cyr_bg_words > t->cyr_ru + t->cyr_ru_words + (t->cyr_soft - t->cyr_soft_o))
			return "bg";
		return "ru";
	case S_ARABIC:
		if (t->ur_letters > 0)
			return "ur";
		if (t->fa_letters > 0)
			return "fa";
		return "ar";
	case S_HEBREW:
		return t->yi_letters > 0 ? "yi" : "he";
	case S_BENGALI:
		return t->as_letters > 0 ? "as" : "bn";
	default:
		return script_info[sc].code;
	}
}

/* Index of the best statistical language for accumulated scores acc (with
 * the priors); the runner-up goes to *second when second is not NULL. */
static size_t best_statistical(const lor_lang__model *m, const int32_t *acc, size_t *second)
{
	double bestv = -HUGE_VAL, secondv = -HUGE_VAL;
	size_t l, bi = 0, si = ROW;

	for (l = 0; l < m->nlang; l++) {
		double v = (double)acc[l] / SCALE + m->prior[l];
		if (v > bestv) {
			secondv = bestv;
			si = bi;
			bestv = v;
			bi = l;
		} else if (v > secondv) {
			secondv = v;
			si = l;
		}
	}
	if (second)
		*second = si == bi ? ROW : si;
	return bi;
}

int lor_lang__identify(const lor_lang__model *m, const char *text, size_t len, lor_lang__guess *out)
{
	struct batch b;
	struct tally t;
	size_t other = 0, best_units = 0, s;
	enum script best = S_NONE;
	lor_lang__guess g;

	if (!m || !out || (!text && len > 0))
		return -1;
	memset(&t, 0, sizeof(t));
	memset(&g, 0, sizeof(g));
	t.m = m;
	set_code(g.code, "und");
	if (len > 0)
		scan(m, text, len, &b, tally_batch, &t);

	/* Han and kana are one writing system for this decision. */
	t.units[S_HAN] += t.units[S_KANA];
	t.words[S_HAN] += t.words[S_KANA];
	for (s = S_GREEK; s < S_COUNT; s++) {
		if (s == S_KANA)
			continue;
		other += t.units[s];
		if (t.units[s] > best_units) {
			best_units = t.units[s];
			best = (enum script)s;
		}
	}

	if (best != S_NONE && best_units > t.latin_letters && best_units >= m->min_letters &&
	    (script_info[best].unspaced || t.words[best] >= m->min_words)) {
		const char *code = script_language(&t, best);
		if (best == S_HAN) {
			/* kana (re-counted from units) decide Japanese: Chinese never uses them */
			size_t kana = t.units[S_KANA] / (size_t)script_info[S_KANA].weight;
			if (kana >= 2)
				code = "ja";
		}
		set_code(g.code, code);
		g.judged = 1;
		g.script_based = 1;
		g.confidence = (double)best_units / (double)(other + t.latin_letters);
		*out = g;
		return 0;
	}

	/* German capitalises its common nouns (Duden, Die deutsche
	 * Rechtschreibung, rule 57), so the capitalised words set aside as names
	 * are evidence after all once the lowercase words already point to such a
	 * language.  Elsewhere they stay out, and a foreign name can never turn
	 * an English sentence foreign. */
	if (t.latin_words >= 2 && t.features > 0 && (t.cap_words > 0 || t.open_words > 0)) {
		size_t l, first = best_statistical(m, t.acc, NULL);
		if (t.cap_words > 0 && m->capnouns[first]) {
			for (l = 0; l < ROW; l++)
				t.acc[l] += t.acc_cap[l];
			t.latin_words += t.cap_words;
			t.latin_letters += t.cap_letters;
			t.features += t.cap_features;
		}
		/* An unknown word opening a sentence is a name as often as not;
		 * it counts only when the rest already points away from the home
		 * language (English for lorlint), where agglutinative languages
		 * (Finnish, Hungarian) would otherwise lose a third of a short
		 * sentence's evidence.  It can never make English text foreign. */
		if (t.open_words > 0 && first != m->home) {
			for (l = 0; l < ROW; l++)
				t.acc[l] += t.acc_open[l];
			t.latin_words += t.open_words;
			t.latin_letters += t.open_letters;
			t.features += t.open_features;
		}
	}

	if (t.latin_words >= m->min_words && t.latin_letters >= m->min_letters && t.features > 0 &&
	    t.latin_letters >= other) {
		double sc[ROW], z = 0.0;
		size_t l, si = ROW, bi = best_statistical(m, t.acc, &si);

		for (l = 0; l < m->nlang; l++)
			sc[l] = (double)t.acc[l] / SCALE + m->prior[l];
		for (l = 0; l < m->nlang; l++)
			z += exp((sc[l] - sc[bi]) / m->temperature);
		set_code(g.code, m->code[bi]);
		if (si < m->nlang)
			set_code(g.second, m->code[si]);
		g.judged = 1;
		g.confidence = 1.0 / z;
		if (m->home < m->nlang)
			g.home = exp((sc[m->home] - sc[bi]) / m->temperature) / z;
		/* foreign-script letters mixed in lower the confidence in proportion */
		if (other > 0) {
			g.confidence *= (double)t.latin_letters / (double)(t.latin_letters + other);
			g.home *= (double)t.latin_letters / (double)(t.latin_letters + other);
		}
	}
	*out = g;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Words for callers (the model builder)                                    */

struct each_ctx {
	const lor_lang__model *model;
	const char *text;
	lor_lang__word_fn fn;
	void *ctx;
	int count;
};

static void each_batch(void *ctx, const struct batch *b)
{
	struct each_ctx *e = ctx;
	char tmp[256];
	size_t i;

	for (i = 0; i < b->n; i++) {
		const struct word *w = &b->w[i];
		size_t n = w->lo_len;
		if ((w->flags & W_DROP) || (e->model && (w->flags & (W_NAME | W_OPENER))))
			continue;
		if (n > sizeof(tmp) - 1)
			continue;
		memcpy(tmp, b->buf + w->lo_off, n);
		tmp[n] = '\0';
		e->fn(e->ctx, w->off, w->len, tmp);
		e->count++;
	}
}

int lor_lang__each_word(const lor_lang__model *m, const char *text, size_t len, lor_lang__word_fn fn, void *ctx)
{
	struct batch b;
	struct each_ctx e;

	if (!fn || (!text && len > 0))
		return -1;
	e.model = m;
	e.text = text;
	e.fn = fn;
	e.ctx = ctx;
	e.count = 0;
	if (len > 0)
		scan(m, text, len, &b, each_batch, &e);
	return e.count;
}

struct marker_state {
	const lor_lang__model *m;
	size_t lang;
	int count;
};

static void count_marker(void *ctx, size_t offset, size_t length, const char *lower)
{
	struct marker_state *st = ctx;
	const int16_t *row = feature_row(st->m, word_key(lower, strlen(lower)));

	(void)offset;
	(void)length;
	if (!row || row[st->lang] <= st->m->unseen_word[st->lang])
		return;
	if (st->m->home < ROW && row[st->m->home] > st->m->unseen_word[st->m->home])
		return; /* a word English lists too ("a", "in", "me") proves nothing */
	st->count++;
}

int lor_lang__function_words(const lor_lang__model *m, const char *code, const char *text, size_t len)
{
	struct marker_state st;
	size_t l;

	if (!m || !code || (!text && len))
		return -1;
	for (l = 0; l < m->nlang && strcmp(m->code[l], code); l++)
		;
	if (l == m->nlang)
		return 0;
	st.m = m;
	st.lang = l;
	st.count = 0;
	if (lor_lang__each_word(m, text, len, count_marker, &st) < 0)
		return -1;
	return st.count;
}

const char *lor_lang__name(const lor_lang__model *m, const char *code)
{
	size_t i;

	if (!m || !code)
		return NULL;
	if (strcmp(code, "und") == 0)
		return "undetermined";
	for (i = 0; i < m->nlang; i++)
		if (strcmp(m->code[i], code) == 0)
			return m->name[i];
	for (i = S_GREEK; i < S_COUNT; i++)
		if (strcmp(script_info[i].code, code) == 0)
			return script_info[i].name;
	for (i = 0; i < sizeof(extra_names) / sizeof(extra_names[0]); i++)
		if (strcmp(extra_names[i].code, code) == 0)
			return extra_names[i].name;
	return NULL;
}

