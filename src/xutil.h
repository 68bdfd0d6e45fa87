/* xutil.h - the few dependency-free helpers that the library and its build tools share.
 *
 * curl's curlx is the model: code that the library and a tool built beside
 * it (src/tools/lang/build_model.c links the language module) both need,
 * kept in one file with nothing but the C library behind it, so there is
 * one growth loop and one directory reader, not one per file.
 */
#ifndef LOR_XUTIL_H
#define LOR_XUTIL_H

#include <stddef.h>

/* Grow the array *ptrp of elem-size items (capacity *cap) to hold at least
 * need items, doubling. Returns 0, or -1 (LOR_ENOMEM) on overflow or out of
 * memory, leaving the array as it was. */
int lor__reserve(void *ptrp, size_t *cap, size_t need, size_t elem);

/* Read the whole file path into *data (malloc'd, *len bytes, with a NUL
 * after them that *len does not count). Returns 0, or -1 with errno set;
 * nothing is left allocated on failure. */
int lor_x__read_file(const char *path, unsigned char **data, size_t *len);

/* The names in dir, not those starting with '.', sorted bytewise, as a
 * malloc'd array of malloc'd strings (free with lor_x__free_names).
 * Returns 0, or -1 with errno set. */
int lor_x__list_dir(const char *dir, char ***names, size_t *count);
void lor_x__free_names(char **names, size_t count);

/* Parse exactly n bytes of s as "[-]digits[.digits]" (at most 12 digits)
 * into *out, the same under every locale: strtod follows LC_NUMERIC, and a
 * program that links the library and calls setlocale(LC_ALL, "") under
 * de_DE would read "0.6" as 0. Returns 0, or -1 when s is not such a number. */
int lor_x__parse_decimal(const char *s, size_t n, double *out);

#endif /* LOR_XUTIL_H */
