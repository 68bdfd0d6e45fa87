/* rules.c - load rule files and profiles into an immutable, shareable rule set.
 *
 * A rule set is built from sources in order: the rules embedded at build time
 * (a copy of rules/), then each --rules directory. A source holds style
 * folders, SOURCE/<style>/<Name>.yml, each file one rule with the id
 * "<style>.<Name>", SOURCE/profiles/<name>.yml scoring profiles and
 * SOURCE/sets/<name>.yml letter-set profiles (setprofile.c); the
 * folder "lang" holds language-model data and is not a style. A later source
 * replaces a rule or profile of the same name; within one source a name may
 * appear only once.
 *
 * This file owns the keys every rule shares (extends, message, level, ...) and
 * the registry of rule kinds; each kind's own keys and matching live in its
 * rule_<kind>.c behind lor_rule_kind, so adding a kind is one file plus one
 * line in `kinds` below.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

extern const lor_rule_kind lor_kind_existence, lor_kind_substitution, lor_kind_occurrence,
	lor_kind_cooccurrence, lor_kind_metric, lor_kind_dates, lor_kind_language, lor_kind_fact;

/* The registry: one line per rule kind. */
static const lor_rule_kind *const kinds[] = {
	&lor_kind_existence,
	&lor_kind_substitution,
	&lor_kind_occurrence,
	&lor_kind_cooccurrence,
	&lor_kind_metric,
	&lor_kind_dates,
	&lor_kind_language,
	&lor_kind_fact,
	NULL
};

/* The registry's names, in the same order as kinds[], for lor_yaml__pick
 * (every load checks that the name it picked is its kind's own). */
static const char *const kind_names[] = {
	"existence", "substitution", "occurrence", "cooccurrence", "metric", "dates", "language", "fact",
	NULL
};

static const char *const common_keys[] = {
	"extends", "message", "level", "category", "signal", "scope", "ignorecase",
	"description", "fix", "source", "link", "examples", "unless", "profiles", "english_only", NULL
};

static const char *const scope_names[] = { "text", "paragraph", "sentence", NULL };

const char *lor_rules__scope_name(lor_scope s)
{
	return scope_names[s];
}

int lor_rules__pattern(lor_pattern *p, const lor_rule *rule, lor_yaml *y, yaml_node_t *map,
                       lor_error *err)
{
	yaml_node_t *tokens = lor_yaml__get(y, map, "tokens"), *n;
	int nonword = 0, rc;

	if (!tokens)
		return lor_yaml__fail(err, y, map, "missing 'tokens' (the patterns to match)");
	if ((n = lor_yaml__get(y, map, "nonword")) && (rc = lor_yaml__bool(y, n, "nonword", &nonword, err)))
		return rc;
	return lor_pattern__compile(p, y, tokens, lor_yaml__get(y, map, "exceptions"), rule->ignorecase,
	                            nonword, err);
}

int lor_rules__bounds(lor_bounds *b, lor_yaml *y, yaml_node_t *map, int required, lor_error *err)
{
	yaml_node_t *n;
	int rc;

	memset(b, 0, sizeof(*b));
	if ((n = lor_yaml__get(y, map, "min"))) {
		if ((rc = lor_yaml__number(y, n, "min", &b->min, err)))
			return rc;
		b->has_min = 1;
	}
	if ((n = lor_yaml__get(y, map, "max"))) {
		if ((rc = lor_yaml__number(y, n, "max", &b->max, err)))
			return rc;
		b->has_max = 1;
		if (b->has_min && b->max < b->min)
			return lor_yaml__fail(err, y, n, "'max' (%g) is below 'min' (%g)", b->max, b->min);
	}
	if (required && !b->has_min && !b->has_max)
		return lor_yaml__fail(err, y, map, "missing 'min' or 'max'");
	return LOR_OK;
}

static void rule_free(lor_rule *r)
{
	if (!r)
		return;
	if (r->kind && r->kind->release && r->impl)
		r->kind->release(r->impl);
	free(r->id);
	free(r->path);
	free(r->message);
	free(r->description);
	free(r->fix);
	free(r->source);
	free(r->link);
	free(r->category_name);
	lor__strings_free(r->bad, r->nbad);
	lor__strings_free(r->good, r->ngood);
	lor__strings_free(r->profiles, r->nprofiles);
	free(r);
}

static int in_keys(const char *const *keys, const char *k)
{
	size_t i;

	for (i = 0; keys && keys[i]; i++)
		if (!strcmp(keys[i], k))
			return 1;
	return 0;
}

/* Levenshtein distance, capped: for "did you mean" hints on misspelt keys. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, row[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0], tmp;

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t best = prev + (a[i - 1] != b[j - 1]);

			tmp = row[j];
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

static const char *suggest(const char *k, const char *const *a, const char *const *b)
{
	const char *best = NULL;
	size_t bd = 3, i, d;

	for (i = 0; a && a[i]; i++)
		if ((d = distance(k, a[i])) < bd) {
			bd = d;
			best = a[i];
		}
	for (i = 0; b && b[i]; i++)
		if ((d = distance(k, b[i])) < bd) {
			bd = d;
			best = b[i];
		}
	return best;
}

static int check_keys(lor_yaml *y, yaml_node_t *map, const lor_rule_kind *kind, lor_error *err)
{
	yaml_node_pair_t *p;

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = lor_yaml__node(y, p->key);
		const char *k = lor_yaml__scalar(kn);
		yaml_node_pair_t *q;

		if (!k)
			return lor_yaml__fail(err, y, kn, "keys must be strings");
		for (q = map->data.mapping.pairs.start; q < p; q++) {
			const char *k2 = lor_yaml__scalar(lor_yaml__node(y, q->key));

			if (k2 && !strcmp(k, k2))
				return lor_yaml__fail(err, y, kn, "duplicate key '%s'", k);
		}
		if (!in_keys(common_keys, k) && !in_keys(kind->keys, k)) {
			const char *hint = suggest(k, common_keys, kind->keys);

			if (hint)
				return lor_yaml__fail(err, y, kn, "unknown key '%s' (did you mean '%s'?)", k, hint);
			return lor_yaml__fail(err, y, kn, "unknown key '%s' for a rule of kind '%s'", k,
			                      kind->name);
		}
	}
	return LOR_OK;
}

static int load_examples(lor_rule *r, lor_yaml *y, yaml_node_t *n, lor_error *err)
{
	yaml_node_pair_t *p;
	int rc, seen_bad = 0, seen_good = 0;

	if (n->type != YAML_MAPPING_NODE)
		return lor_yaml__fail(err, y, n, "'examples' must be a mapping with 'bad' and 'good' lists");
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = lor_yaml__node(y, p->key), *vn = lor_yaml__node(y, p->value);
		const char *k = lor_yaml__scalar(kn);

		/* a second list would replace (and leak) the first: found by fuzz_rule */
		if (k && ((!strcmp(k, "bad") && seen_bad++) || (!strcmp(k, "good") && seen_good++)))
			rc = lor_yaml__fail(err, y, kn, "duplicate key '%s' in 'examples'", k);
		else if (k && !strcmp(k, "bad"))
			rc = lor_yaml__strings(y, vn, "examples.bad", &r->bad, &r->nbad, err);
		else if (k && !strcmp(k, "good"))
			rc = lor_yaml__strings(y, vn, "examples.good", &r->good, &r->ngood, err);
		else
			rc = lor_yaml__fail(err, y, kn, "unknown key '%s' in 'examples' (expected 'bad' or 'good')",
			                    k ? k : "?");
		if (rc)
			return rc;
	}
	return LOR_OK;
}

/* Compile one rule from a YAML file's contents. */
static int rule_compile(lor_rule **out, const lor_classes *classes, lor_prefilter *pf, int trusted,
                        int describe_only, int planned, const lor_rulecache_rec *rec, const char *id,
                        const char *path, const char *data, size_t len, lor_error *err)
{
	lor_yaml y;
	yaml_node_t *root, *n;
	lor_rule *r = NULL;
	const char *const *sigs = lor__signal_names();
	int rc, v;

	if ((rc = lor_yaml__load(&y, path, data, len, err)))
		goto out_yaml;
	y.classes = classes;
	y.pf = pf;
	y.trusted = trusted;
	y.cached = trusted && !rec; /* mkcache, recording, compiles everything itself */
	y.rec = rec;
	if (rec && rec->file && rec->file(rec->arg, path)) {
		rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		goto out_yaml;
	}
	if (planned && y.cached) {
		const lor_rulecache_plan *p = lor_rulecache__plan(path);

		if (p) {
			y.plan = lor_rulecache__plan_entries + p->first;
			y.nplan = p->count;
		}
	}
	root = lor_yaml__root(&y);
	if (root->type != YAML_MAPPING_NODE) {
		rc = lor_yaml__fail(err, &y, root, "a rule file must be a mapping of keys");
		goto out_yaml;
	}
	r = calloc(1, sizeof(*r));
	if (!r || !(r->id = lor__strdup(id)) || !(r->path = lor__strdup(path))) {
		rule_free(r);
		rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		goto out_yaml;
	}
	r->level = LOR_LEVEL_WARNING;
	r->signal = -1;
	r->category = LOR_CAT_TONE;
	r->scope = LOR_SCOPE_TEXT;
	if (!(n = lor_yaml__get(&y, root, "extends"))) {
		rc = lor_yaml__fail(err, &y, root, "missing 'extends' (the rule kind)");
		goto fail;
	}
	if ((rc = lor_yaml__pick(&y, n, "rule kind", kind_names, &v, err)))
		goto fail;
	r->kind = kinds[v];
	if (strcmp(r->kind->name, kind_names[v])) { /* the two lists drifted apart: a build error in effect */
		rc = lor_yaml__fail(err, &y, n, "internal error: rule kind '%s' is not registered in order", kind_names[v]);
		goto fail;
	}
	if ((rc = check_keys(&y, root, r->kind, err)))
		goto fail;
	if (!(n = lor_yaml__get(&y, root, "message"))) {
		rc = lor_yaml__fail(err, &y, root, "missing 'message' (what a finding says)");
		goto fail;
	}
	if ((rc = lor_yaml__string(&y, n, "message", &r->message, err)))
		goto fail;
	if ((n = lor_yaml__get(&y, root, "level"))) {
		if ((rc = lor_yaml__pick(&y, n, "level", lor__level_names(), &v, err)))
			goto fail;
		r->level = (lor_level)v;
	}
	if ((n = lor_yaml__get(&y, root, "category"))) {
		if ((rc = lor_yaml__pick(&y, n, "category", lor__category_names(), &r->category, err)))
			goto fail;
	}
	if ((n = lor_yaml__get(&y, root, "signal"))) {
		if ((rc = lor_yaml__pick(&y, n, "signal", sigs, &r->signal, err)))
			goto fail;
	}
	if ((n = lor_yaml__get(&y, root, "scope"))) {
		if ((rc = lor_yaml__pick(&y, n, "scope", scope_names, &v, err)))
			goto fail;
		r->scope = (lor_scope)v;
	}
	if ((n = lor_yaml__get(&y, root, "ignorecase")) &&
	    (rc = lor_yaml__bool(&y, n, "ignorecase", &r->ignorecase, err)))
		goto fail;
	if ((n = lor_yaml__get(&y, root, "english_only")) &&
	    (rc = lor_yaml__bool(&y, n, "english_only", &r->english_only, err)))
		goto fail;
	if (((n = lor_yaml__get(&y, root, "description")) &&
	     (rc = lor_yaml__string(&y, n, "description", &r->description, err))) ||
	    ((n = lor_yaml__get(&y, root, "fix")) && (rc = lor_yaml__string(&y, n, "fix", &r->fix, err))) ||
	    ((n = lor_yaml__get(&y, root, "source")) &&
	     (rc = lor_yaml__string(&y, n, "source", &r->source, err))) ||
	    ((n = lor_yaml__get(&y, root, "link")) && (rc = lor_yaml__string(&y, n, "link", &r->link, err))))
		goto fail;
	if ((n = lor_yaml__get(&y, root, "examples")) && (rc = load_examples(r, &y, n, err)))
		goto fail;
	if ((n = lor_yaml__get(&y, root, "profiles")) &&
	    (rc = lor_yaml__strings(&y, n, "profiles", &r->profiles, &r->nprofiles, err)))
		goto fail;
	if ((n = lor_yaml__get(&y, root, "unless"))) {
		yaml_node_item_t *it;

		if (n->type != YAML_SEQUENCE_NODE) {
			rc = lor_yaml__fail(err, &y, n, "'unless' must be a list of signal names");
			goto fail;
		}
		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
			yaml_node_t *item = lor_yaml__node(&y, *it);

			if ((rc = lor_yaml__pick(&y, item, "signal", sigs, &v, err)))
				goto fail;
			r->unless[v] = 1;
			r->has_unless = 1;
		}
	}
	if (!(r->category_name = lor__strdup(lor_category_name((lor_category)r->category)))) {
		rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		goto fail;
	}
	/* A catalogue load keeps a built-in rule's description only: its
	 * patterns were compiled and checked at build time (mkcache, make test),
	 * and a catalogue set never checks a letter. */
	if (!describe_only && (rc = r->kind->compile(r, &y, root, err)))
		goto fail;
	lor_yaml__release(&y);
	*out = r;
	return LOR_OK;
fail:
	rule_free(r);
out_yaml:
	lor_yaml__release(&y);
	return rc;
}

int lor_rules__compile_data(const lor_ruleset *rs, const char *path, const char *data, size_t len,
                            lor_error *err)
{
	lor_rule *r = NULL;
	int rc = rule_compile(&r, &rs->classes, NULL, 0, 0, 0, NULL, "fuzz.Rule", path, data, len, err);

	rule_free(r);
	return rc;
}

static int cmp_rule(const void *a, const void *b)
{
	return strcmp((*(lor_rule *const *)a)->id, (*(lor_rule *const *)b)->id);
}

static int cmp_profile(const void *a, const void *b)
{
	return strcmp(lor_profile__name(*(lor_profile *const *)a),
	              lor_profile__name(*(lor_profile *const *)b));
}

static int cmp_class(const void *a, const void *b)
{
	return strcmp((*(lor_class *const *)a)->name, (*(lor_class *const *)b)->name);
}

/* Names seen in the current source, to catch duplicates within it. */
typedef struct seen {
	char **names;
	char **paths;
	size_t n, cap, pcap;
} seen;

static void seen_release(seen *s)
{
	lor__strings_free(s->names, s->n);
	lor__strings_free(s->paths, s->n);
	memset(s, 0, sizeof(*s));
}

static int seen_add(seen *s, const char *name, const char *path, const char **prev)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!lor__strcasecmp(s->names[i], name)) {
			*prev = s->paths[i];
			return 1;
		}
	if (lor__reserve(&s->names, &s->cap, s->n + 1, sizeof(char *)) ||
	    lor__reserve(&s->paths, &s->pcap, s->n + 1, sizeof(char *)))
		return -1;
	s->names[s->n] = lor__strdup(name);
	s->paths[s->n] = lor__strdup(path);
	if (!s->names[s->n] || !s->paths[s->n]) {
		free(s->names[s->n]);
		free(s->paths[s->n]);
		return -1;
	}
	s->n++;
	return 0;
}

static int has_ext(const char *name, const char **ext)
{
	size_t n = strlen(name);

	if (n > 4 && !strcmp(name + n - 4, ".yml")) {
		*ext = name + n - 4;
		return 1;
	}
	if (n > 5 && !strcmp(name + n - 5, ".yaml")) {
		*ext = name + n - 5;
		return 1;
	}
	return 0;
}

/* Add one file of a source: style/file.yml is a rule, profiles/x.yml a profile. */
static int add_file(lor_ruleset *rs, seen *sn, const char *style, const char *file, const char *path,
                    const char *data, size_t len, int trusted, lor_error *err)
{
	const char *ext, *prev;
	char id[512];
	int rc, dup;
	size_t i;

	if (!has_ext(file, &ext) || file[0] == '.')
		return LOR_OK;
	if (!strcmp(style, "sets")) {
		lor_setprofile *sp;

		snprintf(id, sizeof(id), "sets/%.*s", (int)(ext - file), file);
		if ((dup = seen_add(sn, id, path, &prev)) != 0)
			return dup < 0 ? lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory")
			               : lor_error__set(err, LOR_ERULE, path, 1, 1,
			                                "duplicate letter-set profile '%.*s' (also defined in %s)",
			                                (int)(ext - file), file, prev);
		if ((rc = lor_setprofile__load(&sp, path, data, len, trusted, rs->rec, err)))
			return rc;
		for (i = 0; i < rs->nsets; i++)
			if (!strcmp(rs->sets[i]->name, sp->name)) {
				lor_setprofile__free(rs->sets[i]);
				rs->sets[i] = sp;
				return LOR_OK;
			}
		if (lor__reserve(&rs->sets, &rs->capsets, rs->nsets + 1, sizeof(sp))) {
			lor_setprofile__free(sp);
			return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		}
		rs->sets[rs->nsets++] = sp;
		return LOR_OK;
	}
	if (!strcmp(style, "profiles")) {
		lor_profile *p;

		snprintf(id, sizeof(id), "profiles/%.*s", (int)(ext - file), file);
		if ((dup = seen_add(sn, id, path, &prev)) != 0)
			return dup < 0 ? lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory")
			               : lor_error__set(err, LOR_ERULE, path, 1, 1,
			                                "duplicate profile name '%.*s' (also defined in %s)",
			                                (int)(ext - file), file, prev);
		if ((rc = lor_profile__load(&p, path, data, len, err)))
			return rc;
		for (i = 0; i < rs->nprofiles; i++)
			if (!strcmp(lor_profile__name(rs->profiles[i]), lor_profile__name(p))) {
				lor_profile__free(rs->profiles[i]);
				rs->profiles[i] = p;
				return LOR_OK;
			}
		if (lor__reserve(&rs->profiles, &rs->capprofiles, rs->nprofiles + 1, sizeof(p))) {
			lor_profile__free(p);
			return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		}
		rs->profiles[rs->nprofiles++] = p;
		return LOR_OK;
	}
	{
		lor_rule *r = NULL;

		snprintf(id, sizeof(id), "%s.%.*s", style, (int)(ext - file), file);
		if ((dup = seen_add(sn, id, path, &prev)) != 0)
			return dup < 0 ? lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory")
			               : lor_error__set(err, LOR_ERULE, path, 1, 1,
			                                "duplicate rule name '%s' (also defined in %s)", id, prev);
		if ((rc = rule_compile(&r, &rs->classes, rs->pf, trusted, trusted && rs->catalogue,
		                       trusted && !rs->own_classes, rs->rec, id, path,
		                       data, len, err)))
			return rc;
		for (i = 0; i < rs->nrules; i++)
			if (!strcmp(rs->rules[i]->id, id)) {
				rule_free(rs->rules[i]);
				rs->rules[i] = r;
				return LOR_OK;
			}
		if (lor__reserve(&rs->rules, &rs->caprules, rs->nrules + 1, sizeof(r))) {
			rule_free(r);
			return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		}
		rs->rules[rs->nrules++] = r;
	}
	return LOR_OK;
}

/* Build the language model from blobs, replacing any earlier one. */
static int load_lang(lor_ruleset *rs, const lor_lang__blob *blobs, size_t n, int prebuilt, lor_error *err)
{
	lor_lang__model *m = NULL;

	if (!n)
		return LOR_OK;
	/* the built-in files: the model the build made of them, if it matches */
	if (prebuilt && lor_lang__model_prebuilt(&m, blobs, n, 1)) /* the embedded files */
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	if (!m && lor_lang__model_new(&m, blobs, n, err))
		return LOR_ERULE;
	lor_lang__model_free(rs->lang);
	rs->lang = m;
	return LOR_OK;
}

static int load_embedded(lor_ruleset *rs, lor_error *err)
{
	seen sn = { 0 };
	size_t i, nblobs = 0;
	int rc = LOR_OK;
	lor_lang__blob *blobs = calloc(lor_embedded__count + 1, sizeof(*blobs));

	if (!blobs)
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	for (i = 0; i < lor_embedded__count; i++)
		if (!strncmp(lor_embedded__files[i].path, "rules/lang/", 11)) {
			blobs[nblobs].name = lor_embedded__files[i].path;
			blobs[nblobs].data = (const unsigned char *)lor_embedded__files[i].data;
			blobs[nblobs++].len = lor_embedded__files[i].len;
		}
	rc = rs->catalogue ? LOR_OK : load_lang(rs, blobs, nblobs, !rs->rec, err);
	free(blobs);

	for (i = 0; i < lor_embedded__count && !rc; i++) {
		const lor_embedded_file *f = &lor_embedded__files[i];
		const char *rest = f->path + strlen("rules/"), *slash = strchr(rest, '/');
		char style[256];

		if (strncmp(f->path, "rules/", 6) || !slash || strchr(slash + 1, '/') ||
		    (size_t)(slash - rest) >= sizeof(style))
			continue;
		snprintf(style, sizeof(style), "%.*s", (int)(slash - rest), rest);
		if (!strcmp(style, "lang") || !strcmp(style, "classes"))
			continue;
		rc = add_file(rs, &sn, style, slash + 1, f->path, f->data, f->len, 1, err);
	}
	seen_release(&sn);
	return rc;
}

/* Sorted names in dir (no dot files); *names to be freed with lor__strings_free. */
static int list_dir(const char *dir, char ***names, size_t *count, lor_error *err)
{
	char why[128];

	if (!lor_x__list_dir(dir, names, count))
		return LOR_OK;
	if (errno == ENOMEM)
		return lor_error__set(err, LOR_ENOMEM, dir, 0, 0, "out of memory");
	return lor_error__set(err, LOR_EIO, dir, 0, 0, "cannot open rules directory: %s",
	                      lor__errno_text(errno, why, sizeof(why)));
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}


/* Read every YAML file of folder (sorted) and hand it to fn; stops at the
 * first error. The one reader of rule, profile and class folders. */
typedef int (*yaml_file_fn)(void *arg, const char *file, const char *path, const char *data, size_t len,
                            lor_error *err);

/* The most files one style or classes folder may hold (the built-in styles
 * hold a few dozen). */
#define LOR_MAX_FOLDER_FILES 1000

static int each_yaml_file(const char *folder, yaml_file_fn fn, void *arg, lor_error *err)
{
	char **files = NULL, path[4096];
	size_t nfiles = 0, j;
	int rc;

	if ((rc = list_dir(folder, &files, &nfiles, err)))
		return rc;
	/* A folder proposed in a pull request could hold a million files; the
	 * load (and its duplicate checks) would then stall a CI job. */
	if (nfiles > LOR_MAX_FOLDER_FILES) {
		lor__strings_free(files, nfiles);
		return lor_error__set(err, LOR_ERULE, folder, 0, 0,
		                      "rules folder holds %zu files, more than the limit of %d", nfiles,
		                      LOR_MAX_FOLDER_FILES);
	}
	for (j = 0; j < nfiles && !rc; j++) {
		const char *ext;
		char *data = NULL;
		size_t len;

		if (!has_ext(files[j], &ext))
			continue;
		snprintf(path, sizeof(path), "%s/%s", folder, files[j]);
		if ((rc = lor__read_file(path, &data, &len, 1u << 20, err)))
			break;
		rc = fn(arg, files[j], path, data, len, err);
		free(data);
	}
	lor__strings_free(files, nfiles);
	return rc;
}

/* A rule or profile file of one style folder. */
typedef struct style_arg {
	lor_ruleset *rs;
	seen *sn;
	const char *style;
} style_arg;

static int add_style_file(void *arg, const char *file, const char *path, const char *data, size_t len,
                          lor_error *err)
{
	style_arg *a = arg;

	return add_file(a->rs, a->sn, a->style, file, path, data, len, 0, err);
}

static int load_dir(lor_ruleset *rs, const char *dir, lor_error *err)
{
	char **styles = NULL;
	size_t nstyles = 0, i;
	seen sn = { 0 };
	int rc;
	char path[4096];

	if (!is_dir(dir))
		return lor_error__set(err, LOR_EIO, dir, 0, 0, "not a rules directory");
	if ((rc = list_dir(dir, &styles, &nstyles, err)))
		return rc;
	for (i = 0; i < nstyles && !rc; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, styles[i]);
		if (!is_dir(path) || !strcmp(styles[i], "classes"))
			continue;
		if (!strcmp(styles[i], "lang")) {
			lor_lang__model *m = NULL;

			if (lor_lang__model_load_dir(&m, path, err)) {
				rc = LOR_ERULE;
				break;
			}
			lor_lang__model_free(rs->lang);
			rs->lang = m;
			continue;
		}
		{
			style_arg a = { rs, &sn, styles[i] };

			rc = each_yaml_file(path, add_style_file, &a, err);
		}
	}
	lor__strings_free(styles, nstyles);
	seen_release(&sn);
	return rc;
}


/* Phase one of a load: the word classes of every source, before any rule
 * (a rule of the first source may use a class that a later one redefines). */
static int load_classes_embedded(lor_ruleset *rs, lor_error *err)
{
	size_t i, count = 0;
	int *seen_here, rc = LOR_OK;

	for (i = 0; i < lor_embedded__count; i++)
		count += !strncmp(lor_embedded__files[i].path, "rules/classes/", 14);
	if (!(seen_here = calloc(rs->classes.n + count + 1, sizeof(int))))
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	for (i = 0; i < lor_embedded__count && !rc; i++) {
		const lor_embedded_file *f = &lor_embedded__files[i];
		const char *ext;

		if (strncmp(f->path, "rules/classes/", 14) || strchr(f->path + 14, '/') ||
		    !has_ext(f->path + 14, &ext))
			continue;
		rc = lor_classes__add(&rs->classes, f->path + 14, f->path, f->data, f->len, seen_here, !rs->rec, err);
	}
	free(seen_here);
	return rc;
}

/* A class file of one source; seen_here marks the classes it defined. */
typedef struct class_arg {
	lor_ruleset *rs;
	int *seen_here;
} class_arg;

static int add_class_file(void *arg, const char *file, const char *path, const char *data, size_t len,
                          lor_error *err)
{
	class_arg *a = arg;

	a->rs->own_classes = 1; /* the built-in rules' expansions may change: no load plans */
	return lor_classes__add(&a->rs->classes, file, path, data, len, a->seen_here, 0, err);
}

static int load_classes_dir(lor_ruleset *rs, const char *dir, lor_error *err)
{
	char path[4096], **files = NULL;
	size_t nfiles = 0;
	class_arg a;
	int rc;

	snprintf(path, sizeof(path), "%s/classes", dir);
	if (!is_dir(path))
		return LOR_OK;
	/* one mark per class this source may define: at most one per file */
	if ((rc = list_dir(path, &files, &nfiles, err)))
		return rc;
	lor__strings_free(files, nfiles);
	a.rs = rs;
	if (!(a.seen_here = calloc(rs->classes.n + nfiles + 1, sizeof(int))))
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	rc = each_yaml_file(path, add_class_file, &a, err);
	free(a.seen_here);
	return rc;
}

/* Leave out disabled rules and override levels, as a config file asks. */
static int apply_settings(lor_ruleset *rs, const lor_ruleset_options *opts, lor_error *err)
{
	size_t i, k;

	for (k = 0; k < opts->nlevels; k++) {
		for (i = 0; i < rs->nrules && strcmp(rs->rules[i]->id, opts->level_ids[k]); i++)
			;
		if (i == rs->nrules)
			return lor_error__set(err, LOR_ENOTFOUND, "", 0, 0, "unknown rule '%s' in level overrides",
			                      opts->level_ids[k]);
		rs->rules[i]->level = opts->levels[k];
	}
	for (k = 0; k < opts->ndisable; k++) {
		for (i = 0; i < rs->nrules && strcmp(rs->rules[i]->id, opts->disable[k]); i++)
			;
		if (i == rs->nrules)
			return lor_error__set(err, LOR_ENOTFOUND, "", 0, 0, "unknown rule '%s' in disabled rules",
			                      opts->disable[k]);
		rule_free(rs->rules[i]);
		rs->rules[i] = rs->rules[--rs->nrules];
	}
	return LOR_OK;
}

static int load(lor_ruleset **out, const lor_ruleset_options *opts, const lor_rulecache_rec *rec,
                lor_error *err)
{
	lor_ruleset_options defaults = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs;
	size_t i;
	int rc = LOR_OK;

	if (!opts)
		opts = &defaults;
	if (opts->version != 1 && opts->version != LOR_RULESET_OPTIONS_VERSION)
		return lor_error__set(err, LOR_EARG, "", 0, 0, "unsupported lor_ruleset_options version %u",
		                      opts->version);
	if (!(rs = calloc(1, sizeof(*rs))))
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	rs->rec = rec;
	rs->catalogue = opts->version >= 2 && opts->catalogue && !rec; /* version 1 has no such field */
	if (lor_prefilter__new(&rs->pf))
		rc = lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");

	if (!rc && opts->builtin)
		rc = load_classes_embedded(rs, err);
	for (i = 0; !rc && i < opts->ndirs; i++)
		rc = is_dir(opts->dirs[i]) ? load_classes_dir(rs, opts->dirs[i], err) : LOR_OK;
	if (!rc)
		rc = lor_classes__resolve(&rs->classes, err);
	if (!rc && rs->classes.n)
		qsort(rs->classes.v, rs->classes.n, sizeof(lor_class *), cmp_class);
	if (!rc && opts->builtin)
		rc = load_embedded(rs, err);
	for (i = 0; !rc && i < opts->ndirs; i++)
		rc = load_dir(rs, opts->dirs[i], err);
	if (!rc)
		rc = apply_settings(rs, opts, err);
	for (i = 0; !rc && i < rs->nrules; i++)
		if (rs->rules[i]->kind == &lor_kind_language && !rs->lang && !rs->catalogue)
			rc = lor_error__set(err, LOR_ERULE, rs->rules[i]->path, 1, 1,
			                    "rule '%s' needs a language model (a lang/ folder beside the "
			                    "styles) and none is loaded", rs->rules[i]->id);
	if (!rc && lor_prefilter__build(rs->pf))
		rc = lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	rs->rec = NULL;
	if (rc) {
		lor_ruleset_free(rs);
		return rc;
	}
	if (rs->nrules)
		qsort(rs->rules, rs->nrules, sizeof(lor_rule *), cmp_rule);
	if (rs->nprofiles)
		qsort(rs->profiles, rs->nprofiles, sizeof(lor_profile *), cmp_profile);
	*out = rs;
	return LOR_OK;
}

int lor_ruleset_load(lor_ruleset **out, const lor_ruleset_options *opts, lor_error *err)
{
	return load(out, opts, NULL, err);
}

int lor_ruleset__load_recorded(lor_ruleset **out, const lor_ruleset_options *opts,
                               const lor_rulecache_rec *rec, lor_error *err)
{
	return load(out, opts, rec, err);
}

void lor_ruleset_free(lor_ruleset *rs)
{
	size_t i;

	if (!rs)
		return;
	for (i = 0; i < rs->nrules; i++)
		rule_free(rs->rules[i]);
	for (i = 0; i < rs->nprofiles; i++)
		lor_profile__free(rs->profiles[i]);
	for (i = 0; i < rs->nsets; i++)
		lor_setprofile__free(rs->sets[i]);
	free(rs->sets);
	lor_lang__model_free(rs->lang);
	lor_classes__release(&rs->classes);
	lor_prefilter__free(rs->pf);
	free(rs->rules);
	free(rs->profiles);
	free(rs);
}

size_t lor_ruleset_count(const lor_ruleset *rs)
{
	return rs ? rs->nrules : 0;
}

int lor_ruleset_rule(const lor_ruleset *rs, size_t i, lor_rule_info *out)
{
	const lor_rule *r;

	if (!rs || i >= rs->nrules || !out)
		return LOR_EARG;
	r = rs->rules[i];
	out->id = r->id;
	out->kind = r->kind->name;
	out->path = r->path;
	out->category = r->category_name;
	out->signal = r->signal >= 0 ? lor_signal_name((lor_signal)r->signal) : NULL;
	out->message = r->message;
	out->description = r->description;
	out->fix = r->fix;
	out->source = r->source;
	out->link = r->link;
	out->scope = scope_names[r->scope];
	out->level = r->level;
	out->bad = (const char *const *)r->bad;
	out->nbad = r->nbad;
	out->good = (const char *const *)r->good;
	out->ngood = r->ngood;
	return LOR_OK;
}

/* Index of the name among n items (name_of(items, k) gives item k's name):
 * an exact match first, then one that differs only in ASCII case; -1. */
static long find_name(const void *items, size_t n, const char *(*name_of)(const void *, size_t),
                      const char *name)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (!strcmp(name_of(items, i), name))
			return (long)i;
	for (i = 0; name && i < n; i++)
		if (!lor__strcasecmp(name_of(items, i), name))
			return (long)i;
	return -1;
}

static const char *rule_id(const void *items, size_t i)
{
	return ((lor_rule *const *)items)[i]->id;
}

static const char *class_name(const void *items, size_t i)
{
	return ((lor_class *const *)items)[i]->name;
}

long lor_ruleset_find(const lor_ruleset *rs, const char *id)
{
	return rs ? find_name(rs->rules, rs->nrules, rule_id, id) : -1;
}

size_t lor_ruleset_profile_count(const lor_ruleset *rs)
{
	return rs ? rs->nprofiles : 0;
}

const char *lor_ruleset_profile_name(const lor_ruleset *rs, size_t i)
{
	return rs && i < rs->nprofiles ? lor_profile__name(rs->profiles[i]) : NULL;
}

size_t lor_ruleset_class_count(const lor_ruleset *rs)
{
	return rs ? rs->classes.n : 0;
}

int lor_ruleset_class(const lor_ruleset *rs, size_t i, lor_class_info *out)
{
	const lor_class *c;

	if (!rs || i >= rs->classes.n || !out)
		return LOR_EARG;
	c = rs->classes.v[i];
	out->name = c->name;
	out->path = c->path;
	out->description = c->description;
	out->source = c->source;
	out->members = (const char *const *)c->members;
	out->nmembers = c->nmembers;
	out->match = (const char *const *)c->match;
	out->nmatch = c->nmatch;
	out->nomatch = (const char *const *)c->nomatch;
	out->nnomatch = c->nnomatch;
	return LOR_OK;
}

long lor_ruleset_find_class(const lor_ruleset *rs, const char *name)
{
	return rs ? find_name(rs->classes.v, rs->classes.n, class_name, name) : -1;
}

int lor_ruleset_class_selftest(const lor_ruleset *rs, size_t i, lor_error *err)
{
	if (!rs || i >= rs->classes.n)
		return lor_error__set(err, LOR_EARG, "", 0, 0, "no word class %zu", i);
	return lor_classes__selftest(rs->classes.v[i], err);
}
