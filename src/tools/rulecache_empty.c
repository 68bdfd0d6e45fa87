/* rulecache_empty.c - no regexes compiled at build time: what src/tools/mkcache.c links
 * against while it makes the real table (build/rulecache_data.c). rulecache.c
 * then finds nothing and every regex compiles at load. */
#include "internal.h"

const lor_rulecache_entry lor_rulecache__entries[1];
const size_t lor_rulecache__count = 0, lor_rulecache__ncodes = 0, lor_rulecache__blob_size = 0;
const uint8_t lor_rulecache__blob[1];
