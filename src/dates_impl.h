/* dates_impl.h - what the date scanner (dates.c) and the letter-date rule (letterdate.c) share.
 *
 * Byte-level reading of the normalised text: a span with bounds-checked
 * access and the small token helpers both halves use. Nothing outside the
 * date module includes this file.
 */
#ifndef LOR_DATES_IMPL_H
#define LOR_DATES_IMPL_H

#include <stddef.h>
#include <string.h>

#include "dates.h"

struct text {
	const unsigned char *s;
	size_t n;
};

/* ---- characters and tokens ------------------------------------------- */

static inline int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int is_wordbyte(unsigned char c) { return is_alpha(c) || c >= 0x80; }
static inline int is_alnum(unsigned char c) { return is_digit(c) || is_wordbyte(c); }
static inline int is_blank(unsigned char c) { return c == ' ' || c == '\t'; }
static inline unsigned char lower(unsigned char c) { return is_upper(c) ? (unsigned char)(c + 32) : c; }

/* The byte at i, or NUL past the end: NUL is no class we test for. */
static inline unsigned char at(const struct text *t, size_t i) { return i < t->n ? t->s[i] : 0; }

static inline int one_of(unsigned char c, const char *set) { return c != 0 && strchr(set, c) != NULL; }

static inline size_t digits_end(const struct text *t, size_t p)
{
	while (p < t->n && is_digit(t->s[p]))
		p++;
	return p;
}

static inline size_t word_end(const struct text *t, size_t p)
{
	while (p < t->n && is_wordbyte(t->s[p]))
		p++;
	return p;
}

static inline size_t blanks_end(const struct text *t, size_t p)
{
	while (p < t->n && is_blank(t->s[p]))
		p++;
	return p;
}

/* Skip blanks and at most one newline: a date may wrap onto the next line of
 * a paragraph, but never runs across a blank line. */
static inline size_t skip_ws(const struct text *t, size_t p)
{
	int newline = 0;

	for (; p < t->n; p++) {
		if (t->s[p] == '\n' && !newline)
			newline = 1;
		else if (!is_blank(t->s[p]))
			break;
	}
	return p;
}

/* Blank, or Markdown emphasis around a field: "**Date:** 19 October 2026". */
static inline int is_filler(unsigned char c) { return is_blank(c) || c == '*' || c == '_'; }

static inline void trim(const struct text *t, size_t *s, size_t *e)
{
	while (*s < *e && is_filler(t->s[*s]))
		(*s)++;
	while (*e > *s && is_filler(t->s[*e - 1]))
		(*e)--;
}

/* Value of the digit run [p, e); callers keep runs to at most 4 digits. */
static inline int number(const struct text *t, size_t p, size_t e)
{
	int v = 0;

	for (; p < e; p++)
		v = v * 10 + (t->s[p] - '0');
	return v;
}

/* [p, e) equals w: ASCII letters case-insensitively, other bytes exactly. */
static inline int word_is(const struct text *t, size_t p, size_t e, const char *w)
{
	size_t k, i;

	/* The first byte rejects most table rows before strlen runs: every
	 * word start is checked against a few hundred of them. */
	if (e <= p || lower(t->s[p]) != lower((unsigned char)w[0]))
		return 0;
	k = strlen(w);
	if (e - p != k)
		return 0;
	for (i = 0; i < k; i++)
		if (lower(t->s[p + i]) != lower((unsigned char)w[i]))
			return 0;
	return 1;
}

static inline int word_in(const struct text *t, size_t p, size_t e, const char *const *set)
{
	for (; *set; set++)
		if (word_is(t, p, e, *set))
			return 1;
	return 0;
}

/* The trimmed line [s, e) starts with one of `set`, case-insensitively. */
static inline int starts_with_any(const struct text *t, size_t s, size_t e, const char *const *set)
{
	for (; *set; set++) {
		size_t k = strlen(*set);
		if (k <= e - s && word_is(t, s, s + k, *set))
			return 1;
	}
	return 0;
}

#endif /* LOR_DATES_IMPL_H */
