/* token.c - split the normalized view into paragraphs, sentences and words, once.
 *
 * Every analyzer reads the same tokens, so the rules of segmentation live only
 * here:
 *   - a paragraph is a block of lines separated by blank lines;
 *   - a sentence ends at . ! ? (and the CJK, Devanagari and Arabic stops)
 *     followed by closing quotes/brackets and then a space or the end, except
 *     after an abbreviation (Dr., e.g., U.S., Jan. 5, et al.), a lone initial
 *     (J. Smith), or a list number; a list item (a line starting "- ", "* ",
 *     "• ", "1. ", "2) ", "a) ") is always a sentence of its own; a lower-case
 *     word after a full stop means the stop did not end the sentence;
 *   - a word is a run of letters, marks and digits, joined through inner
 *     apostrophes and hyphens (time-to-antibiotics, don't) and, between digits,
 *     through '.' and ',' (3.5, 2,019); each Han or kana character is a word.
 * Spans are byte offsets into the normalized view; text.c maps them back.
 */
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

static utf8proc_int32_t decode(const char *s, size_t len, size_t i, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return (unsigned char)s[i];
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
	if (k <= 0) {
		*n = 1;
		return 0xFFFD;
	}
	*n = (size_t)k;
	return cp;
}

static int is_ideograph(utf8proc_int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||  /* hiragana, katakana */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||  /* CJK extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||  /* CJK unified */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||  /* compatibility ideographs */
	       (cp >= 0x20000 && cp <= 0x3FFFF);  /* CJK extensions B.. */
}

static int is_wordchar(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Abbreviations that never end a sentence, lower case, without the final dot.
 * Month abbreviations and "no" are handled apart: they end nothing only
 * before a number (Jan. 5, No. 3). */
static const char *const abbreviations[] = {
	"dr", "drs", "mr", "mrs", "ms", "mx", "prof", "st", "sr", "jr", "rev", "hon", "gen",
	"col", "lt", "capt", "sgt", "e.g", "i.e", "eg", "ie", "cf", "viz", "vs", "al",
	"u.s", "u.k", "u.s.a", "ph.d", "m.d", "d.o", "m.b.b.s", "m.s", "b.s", "m.p.h", "r.n",
	"a.m", "p.m", "approx", "dept", "univ", "assoc", "asst", "inc", "ltd", "corp", "co",
	"fig", "figs", "vol", "pp", "ed", "eds", "est", "ext", "tel", "ave", "blvd", "mt",
	"ft", "no", "nos", "dra", "sra", "sta", NULL
};
static const char *const months[] = {
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL
};

static int in_list(const char *const *list, const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; list[i]; i++) {
		if (strlen(list[i]) != n)
			continue;
		for (k = 0; k < n; k++) {
			char c = s[k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 'a' - 'A');
			if (c != list[i][k])
				break;
		}
		if (k == n)
			return 1;
	}
	return 0;
}

int lor_token__is_abbreviation(const char *s, size_t n)
{
	return in_list(abbreviations, s, n);
}

/* Length of a list marker at s[i] (at a line start, after spaces), or 0. */
static size_t list_marker(const char *s, size_t end, size_t i)
{
	size_t j = i;

	if (i >= end)
		return 0;
	if ((s[i] == '-' || s[i] == '*' || s[i] == '+') && i + 1 < end && s[i + 1] == ' ')
		return 2;
	/* U+2022 bullet, U+2023 triangular bullet, U+25E6 white bullet, U+00B7 middle dot,
	 * U+25AA/U+25CF small square / black circle */
	if (end - i >= 3 && (memcmp(s + i, "\xE2\x80\xA2", 3) == 0 || memcmp(s + i, "\xE2\x80\xA3", 3) == 0 ||
	                     memcmp(s + i, "\xE2\x97\xA6", 3) == 0 || memcmp(s + i, "\xE2\x96\xAA", 3) == 0 ||
	                     memcmp(s + i, "\xE2\x97\x8F", 3) == 0))
		return 3;
	if (end - i >= 2 && memcmp(s + i, "\xC2\xB7", 2) == 0)
		return 2;
	while (j < end && j - i < 3 && is_digit(s[j]))
		j++;
	if (j == i && j < end && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')) &&
	    j + 1 < end && s[j + 1] == ')')
		j++;
	if (j > i && j < end && (s[j] == '.' || s[j] == ')') && j + 1 < end && s[j + 1] == ' ')
		return j + 2 - i;
	return 0;
}

/* Start of the line containing i, and whether [linestart, i) is only spaces. */
static size_t line_start(const char *s, size_t pstart, size_t i)
{
	while (i > pstart && s[i - 1] != '\n')
		i--;
	return i;
}

static size_t skip_spaces(const char *s, size_t i, size_t end)
{
	while (i < end && (s[i] == ' ' || s[i] == '\n'))
		i++;
	return i;
}

typedef struct splitter {
	lor_document *doc;
} splitter;

static int add_word(lor_document *doc, size_t start, size_t end)
{
	lor_word *t;

	if (lor__reserve(&doc->words, &doc->caps[LOR_TOK_WORD], doc->ntok[LOR_TOK_WORD] + 1, sizeof(lor_word)))
		return LOR_ENOMEM;
	t = &doc->words[doc->ntok[LOR_TOK_WORD]++];
	t->start = (uint32_t)start; /* a text is far below 4 GB */
	t->end = (uint32_t)end;
	return LOR_OK;
}

static int add_tok(lor_document *doc, int kind, size_t start, size_t end, size_t parent)
{
	lor_tok *t;

	if (lor__reserve(&doc->tok[kind], &doc->caps[kind], doc->ntok[kind] + 1, sizeof(lor_tok)))
		return LOR_ENOMEM;
	t = &doc->tok[kind][doc->ntok[kind]++];
	t->start = (uint32_t)start; /* a text is far below 4 GB (lor_tok) */
	t->end = (uint32_t)end;
	t->parent = (uint32_t)parent;
	t->first = 0;
	t->count = 0;
	return LOR_OK;
}

/* Does the full stop at s[dot] end a sentence? next is the first non-space after it. */
static int stop_ends(const char *s, size_t start, size_t dot, size_t next, size_t end)
{
	size_t w = dot, n;
	size_t ls;

	/* The word before the stop: letters, digits and inner dots. */
	while (w > start && (is_wordchar((unsigned char)s[w - 1]) || (unsigned char)s[w - 1] >= 0x80 ||
	                     (s[w - 1] == '.' && w - 1 > start && s[w - 2] != '.')))
		w--;
	n = dot - w;
	if (n > 0 && s[w] == '.') {
		w++;
		n--;
	}
	if (next >= end)
		return 1;
	if (n > 0) {
		if (lor_token__is_abbreviation(s + w, n)) {
			static const char *const numero[] = { "no", "nos", NULL };

			if (in_list(numero, s + w, n))
				return !is_digit(s[next]); /* "No. 5", but "the answer was no." */
			return 0;
		}
		if (in_list(months, s + w, n) && is_digit(s[next]))
			return 0;
		/* A lone capital is an initial: "J. Smith". */
		if (n == 1 && s[w] >= 'A' && s[w] <= 'Z')
			return 0;
		/* A list number at the start of its line: "1. First". */
		ls = line_start(s, start, w);
		if (ls == skip_spaces(s, ls, w) && list_marker(s, end, w) > 0)
			return 0;
	}
	/* A lower-case word after the stop: the stop did not end the sentence. */
	if (s[next] >= 'a' && s[next] <= 'z')
		return 0;
	return 1;
}

/* Length of a sentence-ending mark at s[i] that needs no following space
 * (CJK, Devanagari, Arabic), or 0. */
static size_t wide_stop(const char *s, size_t i, size_t end)
{
	static const char *const stops[] = {
		"\xE3\x80\x82", /* 。 */ "\xEF\xBC\x81", /* ！ */ "\xEF\xBC\x9F", /* ？ */
		"\xE0\xA5\xA4", /* । */ "\xE0\xA5\xA5", /* ॥ */ "\xD8\x9F", /* ؟ */ "\xDB\x94", /* ۔ */
		NULL
	};
	size_t k;

	for (k = 0; stops[k]; k++) {
		size_t n = strlen(stops[k]);

		if (end - i >= n && memcmp(s + i, stops[k], n) == 0)
			return n;
	}
	return 0;
}

static size_t trim_end(const char *s, size_t start, size_t end)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n'))
		end--;
	return end;
}

static int add_sentence(lor_document *doc, size_t start, size_t end, size_t para)
{
	end = trim_end(doc->norm, start, end);
	if (end <= start)
		return LOR_OK;
	return add_tok(doc, LOR_TOK_SENTENCE, start, end, para);
}

static int split_sentences(lor_document *doc, size_t pstart, size_t pend, size_t para)
{
	const char *s = doc->norm;
	size_t i = pstart, sstart = pstart;
	int in_item = list_marker(s, pend, pstart) > 0;

	while (i < pend) {
		char c = s[i];
		size_t n;

		if (c == '\n') {
			size_t next = skip_spaces(s, i, pend);

			if (next < pend && (in_item || list_marker(s, pend, next) > 0)) {
				if (add_sentence(doc, sstart, i, para))
					return LOR_ENOMEM;
				sstart = next;
				in_item = list_marker(s, pend, next) > 0;
				i = next;
				continue;
			}
			i++;
			continue;
		}
		if (c == '.' || c == '!' || c == '?') {
			size_t j = i + 1, next;

			while (j < pend && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
				j++;
			while (j < pend && (s[j] == '"' || s[j] == '\'' || s[j] == ')' || s[j] == ']'))
				j++;
			if (j < pend && s[j] != ' ' && s[j] != '\n') {
				i = j;
				continue;
			}
			next = skip_spaces(s, j, pend);
			/* Skip opening quotes/brackets to judge the next word. */
			{
				size_t k = next;

				while (k < pend && (s[k] == '"' || s[k] == '\'' || s[k] == '(' || s[k] == '['))
					k++;
				int ends;

				if (c != '.')
					ends = 1;
				else if (i + 1 < pend && s[i + 1] == '.') /* "...": a capital must follow */
					ends = k >= pend || (s[k] >= 'A' && s[k] <= 'Z');
				else
					ends = stop_ends(s, sstart, i, k, pend);
				if (ends) {
					if (add_sentence(doc, sstart, j, para))
						return LOR_ENOMEM;
					sstart = next;
					in_item = list_marker(s, pend, next) > 0 && line_start(s, pstart, next) == next;
				}
			}
			i = next > j ? next : j;
			continue;
		}
		if ((unsigned char)c >= 0x80 && (n = wide_stop(s, i, pend)) > 0) {
			size_t j = i + n;

			while (j < pend && (s[j] == '"' || s[j] == '\'' || s[j] == ')'))
				j++;
			if (add_sentence(doc, sstart, j, para))
				return LOR_ENOMEM;
			sstart = skip_spaces(s, j, pend);
			i = sstart;
			continue;
		}
		i++;
	}
	return add_sentence(doc, sstart, pend, para);
}

static int split_words(lor_document *doc, size_t sent)
{
	const char *s = doc->norm;
	size_t len = doc->norm_len;
	size_t i = doc->tok[LOR_TOK_SENTENCE][sent].start, end = doc->tok[LOR_TOK_SENTENCE][sent].end;

	while (i < end) {
		size_t n, wstart;
		utf8proc_int32_t cp = decode(s, len, i, &n);

		if (!is_wordchar(cp)) {
			i += n;
			continue;
		}
		wstart = i;
		if (is_ideograph(cp)) {
			if (add_word(doc, i, i + n))
				return LOR_ENOMEM;
			i += n;
			continue;
		}
		i += n;
		while (i < end) {
			size_t m;
			utf8proc_int32_t c2 = decode(s, len, i, &m);

			if (is_wordchar(c2) && !is_ideograph(c2)) {
				i += m;
				continue;
			}
			/* Inner joiners: it's, time-to-antibiotics; 3.5, 2,019. */
			if (i + 1 < end && (c2 == '\'' || c2 == '-')) {
				size_t k;
				utf8proc_int32_t c3 = decode(s, len, i + 1, &k);

				if (is_wordchar(c3) && !is_ideograph(c3)) {
					i += 1;
					continue;
				}
			}
			if (i + 1 < end && (c2 == '.' || c2 == ',') && is_digit(s[i - 1]) && is_digit(s[i + 1])) {
				i += 1;
				continue;
			}
			break;
		}
		if (add_word(doc, wstart, i))
			return LOR_ENOMEM;
	}
	return LOR_OK;
}

static int blank_line(const char *s, size_t i, size_t end, size_t *next)
{
	/* s[i] is '\n'; is the following line empty (spaces only)? */
	size_t j = i + 1;

	while (j < end && s[j] == ' ')
		j++;
	if (j < end && s[j] != '\n')
		return 0;
	*next = j;
	return 1;
}

int lor_token__split(lor_document *doc)
{
	const char *s = doc->norm;
	size_t len = doc->norm_len, i = 0, p, k;

	while (i < len) {
		size_t start = skip_spaces(s, i, len), end = start, next;

		if (start >= len)
			break;
		for (end = start; end < len; end++)
			if (s[end] == '\n' && blank_line(s, end, len, &next))
				break;
		if (add_tok(doc, LOR_TOK_PARAGRAPH, start, trim_end(s, start, end), 0))
			return LOR_ENOMEM;
		i = end;
	}
	for (p = 0; p < doc->ntok[LOR_TOK_PARAGRAPH]; p++) {
		lor_tok *para = &doc->tok[LOR_TOK_PARAGRAPH][p];
		size_t before = doc->ntok[LOR_TOK_SENTENCE];

		if (split_sentences(doc, para->start, para->end, p))
			return LOR_ENOMEM;
		para = &doc->tok[LOR_TOK_PARAGRAPH][p];
		para->first = (uint32_t)before;
		para->count = (uint32_t)(doc->ntok[LOR_TOK_SENTENCE] - before);
	}
	for (k = 0; k < doc->ntok[LOR_TOK_SENTENCE]; k++) {
		size_t before = doc->ntok[LOR_TOK_WORD];

		if (split_words(doc, k))
			return LOR_ENOMEM;
		doc->tok[LOR_TOK_SENTENCE][k].first = (uint32_t)before;
		doc->tok[LOR_TOK_SENTENCE][k].count = (uint32_t)(doc->ntok[LOR_TOK_WORD] - before);
	}
	return LOR_OK;
}

/* Words are counted as a reader counts them. Chinese and Japanese are
 * written without spaces, and the tokenizer makes each Han or kana
 * character a word (so that patterns and language identification see
 * them); but a word of modern Chinese is most often two characters
 * (Japanese words run longer still), so counting characters would make a
 * 120-word letter look like 300. A run of such one-character tokens counts
 * as one word per two characters, rounded up. */
size_t lor_token__count_words(const lor_document *doc, size_t start, size_t end)
{
	size_t i, n = 0, run = 0, lo = 0, hi = doc->ntok[LOR_TOK_WORD];

	/* the first word at or after start, by binary search: words are in text
	 * order, and counting a paragraph must not walk the whole letter */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->words[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < doc->ntok[LOR_TOK_WORD]; i++) {
		const lor_word *t = &doc->words[i];
		size_t k;
		int ideo;

		if (t->start < start)
			continue;
		if (t->end > end)
			break;
		ideo = is_ideograph(decode(doc->norm, t->end, t->start, &k)) && k == t->end - t->start;
		if (ideo) {
			run++;
			continue;
		}
		n += (run + 1) / 2 + 1;
		run = 0;
	}
	return n + (run + 1) / 2;
}
