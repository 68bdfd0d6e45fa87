/* rulecache.c - the built-in rules' regexes, compiled once at build time.
 *
 * Loading the built-in rules used to spend two thirds of start-up compiling
 * their token lists with PCRE2 and reading each compiled alternation for its
 * prefilter literals (prefilter.c), in every run. Both depend only on the
 * regex source and its compile flags, so the build does them once:
 * src/tools/mkcache.c loads the built-in rules, collects every alternation
 * source that match.c compiles, and writes build/rulecache_data.c with, per
 * source, its literals and its PCRE2 code serialized on its own
 * (pcre2serialize(3)).
 *
 * At load, match.c finds each built-in source here and takes its literals;
 * the regex itself stays unmade until a check first runs it
 * (lor_rulecache__code, called from match.c), so a run decodes only the
 * regexes it uses and `--list-rules` none. A source is found only when it is
 * byte for byte the one the build saw, with the same flags, so a user's class
 * that redefines a built-in one (and so changes the expanded source) misses
 * and compiles at load as before. The serialized code is only trusted as far
 * as PCRE2 trusts it: a different PCRE2 (version, code unit width,
 * configuration) refuses it in pcre2_serialize_decode(), and the source is
 * then compiled instead, with the same result.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

uint64_t lor_rulecache__hash(const char *src, size_t len, uint32_t flags)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a, 64-bit */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)src[i];
		h *= 1099511628211u;
	}
	h ^= flags;
	h *= 1099511628211u;
	return h;
}

const lor_rulecache_entry *lor_rulecache__find(const char *src, size_t len, uint32_t flags)
{
	uint64_t h = lor_rulecache__hash(src, len, flags);
	size_t lo = 0, hi = lor_rulecache__count;

	while (lo < hi) { /* the entries are sorted by hash */
		size_t mid = lo + (hi - lo) / 2;

		if (lor_rulecache__entries[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < lor_rulecache__count && lor_rulecache__entries[lo].hash == h; lo++) {
		const lor_rulecache_entry *e = &lor_rulecache__entries[lo];

		if (e->flags == flags && e->len == len && !memcmp(lor_rulecache__src(e), src, len))
			return e;
	}
	return NULL;
}

pcre2_code *lor_rulecache__code(const lor_rulecache_entry *e)
{
	pcre2_code *code = NULL;
	int ec;
	PCRE2_SIZE eoff;

	if (e->error)
		return NULL;
	if (e->blob != LOR_NO_STR) {
		const uint8_t *blob = lor_rulecache__blobs + e->blob;

		if (pcre2_serialize_get_number_of_codes(blob) == 1 && pcre2_serialize_decode(&code, 1, blob, NULL) == 1)
			return code;
	}
	/* refused (another PCRE2 build): the source compiles to the same code */
	return pcre2_compile((PCRE2_SPTR)lor_rulecache__src(e), e->len, e->flags, &ec, &eoff, NULL);
}

const lor_rulecache_plan *lor_rulecache__plan(const char *path)
{
	size_t i;

	for (i = 0; i < lor_rulecache__nplans; i++)
		if (!strcmp(lor_rulecache__plans[i].path, path))
			return &lor_rulecache__plans[i];
	return NULL;
}

const lor_rulecache_entry *lor_rulecache__next(lor_yaml *y, uint32_t flags)
{
	const lor_rulecache_entry *e;

	if (!y->plan)
		return NULL;
	if (y->plan_pos < y->nplan && y->plan[y->plan_pos] < lor_rulecache__count &&
	    (e = &lor_rulecache__entries[y->plan[y->plan_pos]])->flags == flags) {
		y->plan_pos++;
		return e;
	}
	y->plan = NULL; /* out of step with the build: find each by its source from here */
	return NULL;
}
