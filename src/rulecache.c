/* rulecache.c - the built-in rules' regexes, compiled once at build time.
 *
 * Loading the built-in rules used to spend two thirds of start-up compiling
 * their token lists with PCRE2 and reading each compiled alternation for its
 * prefilter literals (prefilter.c), in every run. Both depend only on the
 * regex source and its compile flags, so the build does them once:
 * src/tools/mkcache.c loads the built-in rules, collects every alternation
 * source that match.c compiles, and writes build/rulecache_data.c with, per
 * source, its literals and its PCRE2 code in one pcre2_serialize_encode()
 * blob (pcre2serialize(3)).
 *
 * At run time the blob is decoded once per rule set (a copy, not a compile),
 * and match.c asks lor_rulecache__take() for each source before compiling
 * it. A source is found only when it is byte for byte the one the build saw,
 * with the same flags, so a user's class that redefines a built-in one (and
 * so changes the expanded source) simply misses and compiles as before. The
 * blob is only trusted as far as PCRE2 trusts it: a different PCRE2 (version,
 * code unit width, configuration) refuses it in pcre2_serialize_decode(), and
 * every regex then compiles at load as it did before; nothing else changes.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct lor_rulecache {
	pcre2_code **codes; /* decoded, in the blob's order */
	size_t n;
};

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

int lor_rulecache__open(lor_rulecache **out)
{
	lor_rulecache *c;
	int32_t n;

	*out = NULL;
	if (!lor_rulecache__count || !lor_rulecache__blob_size)
		return LOR_OK;
	n = pcre2_serialize_get_number_of_codes(lor_rulecache__blob);
	if (n <= 0 || (size_t)n != lor_rulecache__ncodes)
		return LOR_OK; /* not this PCRE2's format: compile as before */
	if (!(c = calloc(1, sizeof(*c))) || !(c->codes = calloc((size_t)n, sizeof(pcre2_code *)))) {
		free(c);
		return LOR_ENOMEM;
	}
	if (pcre2_serialize_decode(c->codes, n, lor_rulecache__blob, NULL) != n) {
		free(c->codes);
		free(c);
		return LOR_OK; /* refused (another PCRE2 build, or no memory): compile as before */
	}
	c->n = (size_t)n;
	*out = c;
	return LOR_OK;
}

void lor_rulecache__close(lor_rulecache *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++)
		pcre2_code_free(c->codes[i]);
	free(c->codes);
	free(c);
}

int lor_rulecache__take(const lor_rulecache *c, const char *src, size_t len, uint32_t flags,
                        pcre2_code **code, const lor_rulecache_entry **entry)
{
	uint64_t h;
	size_t lo = 0, hi = lor_rulecache__count;

	*code = NULL;
	*entry = NULL;
	if (!c)
		return LOR_OK;
	h = lor_rulecache__hash(src, len, flags);
	while (lo < hi) { /* the entries are sorted by hash */
		size_t mid = lo + (hi - lo) / 2;

		if (lor_rulecache__entries[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < lor_rulecache__count && lor_rulecache__entries[lo].hash == h; lo++) {
		const lor_rulecache_entry *e = &lor_rulecache__entries[lo];

		if (e->flags != flags || e->len != len || memcmp(e->src, src, len) ||
		    (!e->error && e->code >= c->n))
			continue;
		/* a copy shares the decoded character tables (PCRE2 counts them) */
		if (!e->error && !(*code = pcre2_code_copy(c->codes[e->code])))
			return LOR_ENOMEM;
		*entry = e;
		return LOR_OK;
	}
	return LOR_OK;
}
