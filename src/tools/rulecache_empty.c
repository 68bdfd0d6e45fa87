/* rulecache_empty.c - no regexes compiled, no YAML parsed and no language model built at build time: what
 * src/tools/mkcache.c links against while it makes the real tables
 * (build/rulecache_data.c). rulecache.c and yaml.c then find nothing, and
 * every regex compiles and every file parses at load. */
#include "internal.h"
#include "lang.h"

const char lor_rulecache__pool[1];
const uint32_t lor_rulecache__strs[1];
const int32_t lor_rulecache__ks[1];
const uint8_t lor_rulecache__blobs[1];
const lor_rulecache_entry lor_rulecache__entries[1];
const size_t lor_rulecache__count = 0;
const lor_rulecache_plan lor_rulecache__plans[1];
const size_t lor_rulecache__nplans = 0;
const uint32_t lor_rulecache__plan_entries[1];

const lor_yaml_node lor_yaml__prebuilt_nodes[1];
const int lor_yaml__prebuilt_items[1];
const lor_yaml_prebuilt lor_yaml__prebuilt[1];
const size_t lor_yaml__nprebuilt = 0;

const lor_lang__prebuilt lor_lang__prebuilt_model;

const lor_prefilter_dfa lor_prefilter__prebuilt;
