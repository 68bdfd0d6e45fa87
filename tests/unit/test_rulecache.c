/* test_rulecache.c - what the build compiles once (src/rulecache.c, src/tools/mkcache.c) is
 * what a load would have made: every built-in regex decodes to the code its source compiles to,
 * with the same literals; every built-in YAML file rebuilds to the document libyaml parses; the
 * language model is the one rules/lang/ builds; and
 * the built-in rules (cached) judge every corpus and held-out letter exactly as the same files
 * loaded from rules/ (nothing cached) do. */
#define _GNU_SOURCE
#include <glob.h>

#include "harness.h"
#include "internal.h"
#include "lang.h"
#include "lang_impl.h"

static void test_table_finds_itself(void **state)
{
	size_t i, found = 0;

	(void)state;
	assert_true(lor_rulecache__count > 20); /* the build made a real table */
	for (i = 0; i < lor_rulecache__count; i++) {
		const lor_rulecache_entry *e = &lor_rulecache__entries[i];
		char *copy = malloc(e->len + 1);

		assert_ptr_equal(lor_rulecache__find(lor_rulecache__src(e), e->len, e->flags), e);
		/* one byte changed, or other flags: not the build's regex */
		memcpy(copy, lor_rulecache__src(e), e->len);
		copy[e->len - 1] = copy[e->len - 1] == ')' ? ']' : ')';
		assert_null(lor_rulecache__find(copy, e->len, e->flags));
		assert_null(lor_rulecache__find(lor_rulecache__src(e), e->len - 1, e->flags));
		assert_true(lor_rulecache__find(lor_rulecache__src(e), e->len, e->flags ^ PCRE2_MULTILINE) != e);
		free(copy);
		found++;
	}
	assert_int_equal(found, lor_rulecache__count);
}

/* Every match of a and b over text, start and end, must be the same. */
static void same_matches(const pcre2_code *a, const pcre2_code *b, const char *text)
{
	pcre2_match_data *ma = pcre2_match_data_create_from_pattern(a, NULL);
	pcre2_match_data *mb = pcre2_match_data_create_from_pattern(b, NULL);
	size_t len = strlen(text), pos = 0;

	while (pos <= len) {
		int ra = pcre2_match(a, (PCRE2_SPTR)text, len, pos, 0, ma, NULL);
		int rb = pcre2_match(b, (PCRE2_SPTR)text, len, pos, 0, mb, NULL);
		PCRE2_SIZE *oa = pcre2_get_ovector_pointer(ma), *ob = pcre2_get_ovector_pointer(mb);

		assert_int_equal(ra, rb);
		if (ra < 0)
			break;
		assert_int_equal(oa[0], ob[0]);
		assert_int_equal(oa[1], ob[1]);
		pos = oa[1] > oa[0] ? oa[1] : oa[0] + 1;
		while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
			pos++;
	}
	pcre2_match_data_free(ma);
	pcre2_match_data_free(mb);
}

static void test_decoded_is_compiled(void **state)
{
	size_t len, i, j, codes = 0;
	char *letter = h_slurp("corpus/strong/01-cmio-sepsis.txt", &len);

	(void)state;
	for (i = 0; i < lor_rulecache__count; i++) {
		const lor_rulecache_entry *e = &lor_rulecache__entries[i];
		pcre2_code *dec, *cmp;
		PCRE2_SIZE eoff, sa, sb;
		char **lits;
		size_t nlits;
		int ec;

		if (e->error) { /* too large as one alternation: PCRE2 still says so */
			assert_null(pcre2_compile((PCRE2_SPTR)lor_rulecache__src(e), e->len, e->flags, &ec, &eoff, NULL));
			assert_int_equal(ec, e->error);
			continue;
		}
		assert_non_null(dec = lor_rulecache__code(e));
		assert_non_null(cmp = pcre2_compile((PCRE2_SPTR)lor_rulecache__src(e), e->len, e->flags, &ec, &eoff, NULL));
		pcre2_pattern_info(dec, PCRE2_INFO_SIZE, &sa);
		pcre2_pattern_info(cmp, PCRE2_INFO_SIZE, &sb);
		assert_int_equal(sa, sb);
		same_matches(dec, cmp, letter);
		same_matches(dec, cmp, "I recommend her without reservation; she is one of the best residents I have "
		                       "supervised in ten years, and I think she will do well.");
		/* the literals the build stored are the ones the prefilter finds now */
		assert_int_equal(lor_prefilter__literals(lor_rulecache__src(e), e->len, &lits, &nlits), LOR_OK);
		assert_int_equal(nlits, e->nlits);
		for (j = 0; j < nlits; j++)
			assert_string_equal(lits[j], lor_rulecache__lit(e, j));
		lor__strings_free(lits, nlits);
		pcre2_code_free(dec);
		pcre2_code_free(cmp);
		codes++;
	}
	assert_true(codes > 20);
	free(letter);
}

static void same_node(yaml_document_t *a, yaml_document_t *b, int id)
{
	yaml_node_t *x = yaml_document_get_node(a, id), *y = yaml_document_get_node(b, id);
	long i, n;

	assert_non_null(x);
	assert_non_null(y);
	assert_int_equal(x->type, y->type);
	assert_string_equal((const char *)x->tag, (const char *)y->tag);
	assert_int_equal(x->start_mark.line, y->start_mark.line);
	assert_int_equal(x->start_mark.column, y->start_mark.column);
	assert_int_equal(x->start_mark.index, y->start_mark.index);
	assert_int_equal(x->end_mark.line, y->end_mark.line);
	assert_int_equal(x->end_mark.column, y->end_mark.column);
	switch (x->type) {
	case YAML_SCALAR_NODE:
		assert_int_equal(x->data.scalar.style, y->data.scalar.style);
		assert_int_equal(x->data.scalar.length, y->data.scalar.length);
		assert_memory_equal(x->data.scalar.value, y->data.scalar.value, x->data.scalar.length);
		break;
	case YAML_SEQUENCE_NODE:
		n = x->data.sequence.items.top - x->data.sequence.items.start;
		assert_int_equal(n, y->data.sequence.items.top - y->data.sequence.items.start);
		for (i = 0; i < n; i++)
			assert_int_equal(x->data.sequence.items.start[i], y->data.sequence.items.start[i]);
		break;
	case YAML_MAPPING_NODE:
		n = x->data.mapping.pairs.top - x->data.mapping.pairs.start;
		assert_int_equal(n, y->data.mapping.pairs.top - y->data.mapping.pairs.start);
		for (i = 0; i < n; i++) {
			assert_int_equal(x->data.mapping.pairs.start[i].key, y->data.mapping.pairs.start[i].key);
			assert_int_equal(x->data.mapping.pairs.start[i].value, y->data.mapping.pairs.start[i].value);
		}
		break;
	default:
		fail_msg("node %d has no type", id);
	}
}

static void test_prebuilt_yaml_is_parsed(void **state)
{
	size_t i, files = 0, nodes = 0;

	(void)state;
	for (i = 0; i < lor_yaml__nprebuilt; i++) {
		const lor_embedded_file *f = &lor_embedded__files[lor_yaml__prebuilt[i].file];
		char *copy = malloc(f->len + 1);
		lor_yaml pre, parsed;
		lor_error err;
		int id;

		memcpy(copy, f->data, f->len);
		/* the parse was made from these very bytes (yaml.c trusts it without hashing) */
		assert_true(lor_rulecache__hash(f->data, f->len, 0) == lor_yaml__prebuilt[i].hash);
		assert_int_equal(lor_yaml__load(&pre, f->path, f->data, f->len, &err), LOR_OK);   /* the build's */
		assert_int_equal(lor_yaml__load(&parsed, f->path, copy, f->len, &err), LOR_OK);   /* libyaml's */
		for (id = 1; yaml_document_get_node(&parsed.doc, id); id++, nodes++)
			same_node(&pre.doc, &parsed.doc, id);
		assert_null(yaml_document_get_node(&pre.doc, id));
		lor_yaml__release(&pre);
		lor_yaml__release(&parsed);
		free(copy);
		files++;
	}
	assert_true(files > 50);
	assert_true(nodes > 5000);
}

/* The built-in rules (cached regexes, prebuilt YAML) and the same files read from rules/ (nothing
 * cached: every token compiled and checked) give the same report for every letter. */
static void test_cached_rules_judge_alike(void **state)
{
	static const char *const patterns[] = { "corpus/*/*.txt", "corpus/*/*.md", "tests/heldout/letters/*",
	                                        "tests/heldout2/letters/*" };
	const char *dirs[] = { "rules" };
	lor_ruleset_options bo = LOR_RULESET_OPTIONS_INIT, fo = LOR_RULESET_OPTIONS_INIT;
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_ruleset *b, *f;
	lor_error err;
	size_t k, i, j, letters = 0, findings = 0;
	int s;

	(void)state;
	fo.builtin = 0;
	fo.dirs = dirs;
	fo.ndirs = 1;
	assert_int_equal(lor_ruleset_load(&b, &bo, &err), LOR_OK);
	if (lor_ruleset_load(&f, &fo, &err) != LOR_OK)
		fail_msg("%s:%lu:%lu: %s", err.path, err.line, err.column, err.message);
	o.as_of_year = 2026;
	o.as_of_month = 11;
	o.as_of_day = 27;
	for (k = 0; k < sizeof(patterns) / sizeof(patterns[0]); k++) {
		glob_t g;

		if (glob(patterns[k], 0, NULL, &g))
			continue;
		for (i = 0; i < g.gl_pathc; i++, letters++) {
			lor_document *doc;
			lor_report *x, *y;

			assert_int_equal(lor_document_read(&doc, g.gl_pathv[i], &err), LOR_OK);
			assert_int_equal(lor_check(&x, b, doc, &o, &err), LOR_OK);
			assert_int_equal(lor_check(&y, f, doc, &o, &err), LOR_OK);
			assert_int_equal(x->nfindings, y->nfindings);
			for (j = 0; j < x->nfindings; j++) {
				assert_string_equal(x->findings[j].rule, y->findings[j].rule);
				assert_int_equal(x->findings[j].span.offset, y->findings[j].span.offset);
				assert_int_equal(x->findings[j].span.length, y->findings[j].span.length);
				assert_string_equal(x->findings[j].message, y->findings[j].message);
			}
			for (s = 0; s < LOR_SIG_COUNT; s++)
				assert_int_equal(x->signal[s], y->signal[s]);
			assert_int_equal(x->score.total, y->score.total);
			findings += x->nfindings;
			lor_report_free(x);
			lor_report_free(y);
			lor_document_free(doc);
		}
		globfree(&g);
	}
	assert_true(letters > 100);
	assert_true(findings > 500);
	lor_ruleset_free(b);
	lor_ruleset_free(f);
}

/* The language model the build made equals the one the embedded rules/lang/ files build now,
 * field for field and array for array. */
static void test_prebuilt_lang_model(void **state)
{
	lor_lang__blob blobs[64];
	lor_lang__model *pre, *built;
	lor_error err;
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < lor_embedded__count; i++)
		if (!strncmp(lor_embedded__files[i].path, "rules/lang/", 11)) {
			assert_true(n < 64);
			blobs[n].name = lor_embedded__files[i].path;
			blobs[n].data = (const unsigned char *)lor_embedded__files[i].data;
			blobs[n++].len = lor_embedded__files[i].len;
		}
	assert_true(n > 10);
	assert_int_equal(lor_lang__model_prebuilt(&pre, blobs, n, 0), 0); /* hashed: the build's files */
	assert_non_null(pre);
	assert_int_equal(pre->borrowed, 1);
	assert_int_equal(lor_lang__model_new(&built, blobs, n, &err), 0);
	assert_int_equal(pre->nlang, built->nlang);
	assert_memory_equal(pre->code, built->code, sizeof(pre->code));
	assert_memory_equal(pre->prior, built->prior, sizeof(pre->prior));
	assert_int_equal(pre->mask, built->mask);
	assert_int_equal(pre->nrows, built->nrows);
	assert_memory_equal(pre->slots, built->slots, (pre->mask + 1) * sizeof(*pre->slots));
	assert_memory_equal(pre->rows, built->rows, pre->nrows * ROW * sizeof(*pre->rows));
	assert_int_equal(pre->nignore, built->nignore);
	assert_memory_equal(pre->ignore, built->ignore, pre->nignore * sizeof(*pre->ignore));
	assert_int_equal(pre->nphrases, built->nphrases);
	assert_memory_equal(pre->phrases, built->phrases, pre->nphrases * sizeof(*pre->phrases));
	assert_int_equal(pre->nsuffixes, built->nsuffixes);
	assert_memory_equal(pre->suffixes, built->suffixes, pre->nsuffixes * sizeof(*pre->suffixes));
	assert_memory_equal(pre->unseen_word, built->unseen_word, sizeof(pre->unseen_word));
	assert_int_equal(pre->hash, built->hash);
	/* other files (one byte changed) are not the build's: no prebuilt model */
	{
		unsigned char *copy = malloc(blobs[0].len);
		lor_lang__model *none;

		memcpy(copy, blobs[0].data, blobs[0].len);
		copy[blobs[0].len / 2] ^= 1;
		blobs[0].data = copy;
		assert_int_equal(lor_lang__model_prebuilt(&none, blobs, n, 0), 0);
		assert_null(none);
		free(copy);
	}
	lor_lang__model_free(pre);
	lor_lang__model_free(built);
}

/* a and b hold the same hits; both are released. Returns how many. */
static size_t same_hits(lor_prefilter_hits *a, lor_prefilter_hits *b)
{
	size_t n;

	assert_int_equal(a->npatterns, b->npatterns);
	assert_memory_equal(a->first, b->first, (a->npatterns + 1) * sizeof(size_t));
	n = a->first[a->npatterns];
	if (n) {
		assert_memory_equal(a->v, b->v, 2 * n * sizeof(uint32_t));
		assert_memory_equal(a->k, b->k, n);
	}
	lor_prefilter__hits_release(a);
	lor_prefilter__hits_release(b);
	return n;
}

/* The prefilter automaton the build made is the one the built-in rules'
 * literals make at run time: a built-in load adopts it, and on the corpus
 * letters it reports exactly the hits (pattern, span, distance) of the
 * automaton made afresh from the same literals. */
static void test_prebuilt_prefilter(void **state)
{
	lor_ruleset *a = NULL, *b = NULL;
	lor_prefilter_dfa d;
	lor_error err;
	glob_t g;
	size_t i, letters = 0, hits = 0;

	(void)state;
	assert_true(lor_prefilter__prebuilt.fingerprint != 0);
	assert_int_equal(lor_ruleset_load(&a, NULL, &err), LOR_OK);
	assert_int_equal(lor_ruleset_load(&b, NULL, &err), LOR_OK);
	assert_int_equal(lor_prefilter__make_own(b->pf, &d), LOR_OK);
	assert_true(d.fingerprint == lor_prefilter__prebuilt.fingerprint);
	assert_int_equal(d.nstates, lor_prefilter__prebuilt.nstates);
	assert_int_equal(glob("corpus/*/*.txt", 0, NULL, &g), 0);
	for (i = 0; i < g.gl_pathc; i++) {
		lor_document *doc = NULL;
		lor_prefilter_hits ha, hb;

		assert_int_equal(lor_document_read(&doc, g.gl_pathv[i], &err), LOR_OK);
		assert_int_equal(lor_prefilter__scan(a->pf, doc->norm, doc->norm_len, &ha), LOR_OK);
		assert_int_equal(lor_prefilter__scan(b->pf, doc->norm, doc->norm_len, &hb), LOR_OK);
		assert_true(lor_prefilter__is_prebuilt(a->pf));
		assert_false(lor_prefilter__is_prebuilt(b->pf));
		hits += same_hits(&ha, &hb);
		lor_document_free(doc);
		letters++;
	}
	globfree(&g);
	assert_true(letters > 20);
	assert_true(hits > 1000);
	lor_ruleset_free(a);
	lor_ruleset_free(b);
}

/* The load plans (lor_yaml.plan): a built-in rule file's load takes, in
 * order, exactly the table entries that looking each regex up by its source
 * would find. A fresh recording of the load (the same call sites tell the
 * recorder each source, in order) is resolved through the table and compared
 * with the build's plan, file by file. */
typedef struct plan_rec {
	const lor_rulecache_plan *plan; /* of the file being loaded; NULL: none */
	size_t pos, files, steps;
	int bad;
} plan_rec;

static int plan_file(void *arg, const char *path)
{
	plan_rec *p = arg;

	if (p->plan && p->pos != p->plan->count)
		p->bad = 1; /* the last file took fewer entries than its plan holds */
	p->plan = lor_rulecache__plan(path);
	p->pos = 0;
	p->files += p->plan != NULL;
	return 0;
}

static int plan_add(void *arg, const char *src, size_t len, uint32_t flags, int error)
{
	plan_rec *p = arg;
	const lor_rulecache_entry *e = lor_rulecache__find(src, len, flags);

	(void)error;
	if (!p->plan || !e || p->pos >= p->plan->count ||
	    &lor_rulecache__entries[lor_rulecache__plan_entries[p->plan->first + p->pos]] != e)
		p->bad = 1;
	p->pos++;
	p->steps++;
	return 0;
}

static void test_load_plans(void **state)
{
	plan_rec p = { NULL, 0, 0, 0, 0 };
	lor_rulecache_rec rec = { plan_add, &p, plan_file };
	lor_ruleset *rs = NULL;
	lor_error err;

	(void)state;
	assert_true(lor_rulecache__nplans > 20);
	assert_int_equal(lor_ruleset__load_recorded(&rs, NULL, &rec, &err), LOR_OK);
	plan_file(&p, "");
	assert_int_equal(p.bad, 0);
	assert_int_equal(p.files, lor_rulecache__nplans);
	assert_true(p.steps > 500);
	lor_ruleset_free(rs);
}

/* A long text is walked twice (counted, then written in place); a short one
 * once (listed, then grouped). The two give the same hits, on every corpus
 * letter and on all of them run together. */
static void test_scan_passes_agree(void **state)
{
	lor_ruleset *rs = NULL;
	lor_error err;
	lor_buf all = LOR_BUF_INIT;
	glob_t g;
	size_t i, total = 0;

	(void)state;
	assert_int_equal(lor_ruleset_load(&rs, NULL, &err), LOR_OK);
	assert_int_equal(glob("corpus/*/*.txt", 0, NULL, &g), 0);
	for (i = 0; i <= g.gl_pathc; i++) {
		lor_document *doc = NULL;
		lor_prefilter_hits one, two;
		const char *text;
		size_t len;

		if (i < g.gl_pathc) {
			assert_int_equal(lor_document_read(&doc, g.gl_pathv[i], &err), LOR_OK);
			text = doc->norm;
			len = doc->norm_len;
			assert_int_equal(lor_buf__add(&all, text, len), LOR_OK);
		} else {
			text = all.data; /* every letter at once: past LOR_PF_TWO_PASS */
			len = all.len;
			assert_true(len > LOR_PF_TWO_PASS);
		}
		assert_int_equal(lor_prefilter__scan_passes(rs->pf, text, len, &one, 0), LOR_OK);
		assert_int_equal(lor_prefilter__scan_passes(rs->pf, text, len, &two, 1), LOR_OK);
		total += same_hits(&one, &two);
		lor_document_free(doc);
	}
	globfree(&g);
	lor_buf__release(&all);
	assert_true(total > 2000);
	lor_ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_finds_itself),
		cmocka_unit_test(test_decoded_is_compiled),
		cmocka_unit_test(test_prebuilt_yaml_is_parsed),
		cmocka_unit_test(test_cached_rules_judge_alike),
		cmocka_unit_test(test_prebuilt_lang_model),
		cmocka_unit_test(test_prebuilt_prefilter),
		cmocka_unit_test(test_load_plans),
		cmocka_unit_test(test_scan_passes_agree),
	};

	return cmocka_run_group_tests_name("rulecache", tests, NULL, NULL);
}
