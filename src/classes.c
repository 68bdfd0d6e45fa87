/* classes.c - named word classes that rule patterns share: {DURATION}, {PERSON}, ...
 *
 * A word class is a file rules/classes/NAME.yml (or DIR/classes/NAME.yml under
 * --rules DIR) whose `members` are regex alternatives, written like tokens. A
 * pattern anywhere in a rule names it as {NAME}: at load time the reference
 * becomes the non-capturing group (?:m1|m2|...), so PCRE2 sees one ordinary
 * regex and the classes cost nothing at match time. Members may use other
 * classes; a cycle is an error. The model is LanguageTool's token classes and
 * Vale's vocabularies: define "a duration", "a supervising role", "a strength
 * adverb" once, so twenty rules cannot drift apart in how they spell them.
 *
 * A reference is an upper-case name in braces, {[A-Z][A-Z0-9_]*}, outside a
 * character class and not escaped. PCRE2 itself never reads such text as a
 * quantifier (quantifiers are digits), so no valid regex changes meaning.
 *
 * Each class carries examples, {match: [...], nomatch: [...]}, that the
 * class as a whole must (not) match in full; the self-test runs them like
 * rule examples.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const class_keys[] = { "description", "members", "examples", "source", NULL };

static void class_free(lor_class *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->path);
	free(c->description);
	free(c->source);
	free(c->pattern);
	lor__strings_free(c->members, c->nmembers);
	lor__strings_free(c->match, c->nmatch);
	lor__strings_free(c->nomatch, c->nnomatch);
	free(c->member_line);
	free(c->member_col);
	free(c);
}

void lor_classes__release(lor_classes *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++)
		class_free(cs->v[i]);
	free(cs->v);
	memset(cs, 0, sizeof(*cs));
}

int lor_classes__valid_name(const char *s, size_t n)
{
	size_t i;

	if (!n || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

long lor_classes__find(const lor_classes *cs, const char *name, size_t n)
{
	size_t i;

	for (i = 0; cs && i < cs->n; i++)
		if (strlen(cs->v[i]->name) == n && !memcmp(cs->v[i]->name, name, n))
			return (long)i;
	return -1;
}

/* Is pat[i] the '{' of a class reference? Sets *len to the reference's length. */
static int reference_at(const char *pat, size_t i, size_t *len)
{
	size_t j = i + 1;

	if (pat[i] != '{')
		return 0;
	while ((pat[j] >= 'A' && pat[j] <= 'Z') || (pat[j] >= '0' && pat[j] <= '9') || pat[j] == '_')
		j++;
	if (pat[j] != '}' || !lor_classes__valid_name(pat + i + 1, j - i - 1))
		return 0;
	*len = j + 1 - i;
	return 1;
}

int lor_classes__expand(const lor_classes *cs, const char *pat, lor_buf *out, size_t *bad_at,
                        size_t *map_out, size_t map_cap)
{
	int in_class = 0;
	size_t i, len, m;

	for (i = 0; pat[i]; i++) {
		if (pat[i] == '\\' && pat[i + 1]) {
			if (lor_buf__add(out, pat + i, 2))
				return LOR_ENOMEM;
			if (map_out && out->len <= map_cap)
				map_out[out->len - 2] = i, map_out[out->len - 1] = i + 1;
			i++;
			continue;
		}
		if (pat[i] == '[' && !in_class)
			in_class = 1;
		else if (pat[i] == ']' && in_class)
			in_class = 0;
		if (!in_class && reference_at(pat, i, &len)) {
			long k = lor_classes__find(cs, pat + i + 1, len - 2);
			size_t from = out->len;

			if (k < 0 || !cs->v[k]->pattern) {
				*bad_at = i;
				return LOR_ENOTFOUND;
			}
			if (out->max && strlen(cs->v[k]->pattern) > out->max - out->len)
				return LOR_ELIMIT; /* out's own limit: the expansion is too long */
			if (lor_buf__adds(out, cs->v[k]->pattern))
				return LOR_ENOMEM;
			for (m = from; map_out && m < out->len && m < map_cap; m++)
				map_out[m] = i;
			i += len - 1;
			continue;
		}
		/* the run of bytes up to the next one that may start something */
		len = 1 + strcspn(pat + i + 1, "\\[]{");
		if (lor_buf__add(out, pat + i, len))
			return LOR_ENOMEM;
		for (m = 0; map_out && m < len && out->len - len + m < map_cap; m++)
			map_out[out->len - len + m] = i + m;
		i += len - 1;
	}
	return LOR_OK;
}

/* Load one class file into a new lor_class (members not yet expanded). */
static int class_parse(lor_class **out, const char *name, const char *path, const char *data,
                       size_t len, lor_error *err)
{
	lor_yaml y;
	yaml_node_t *root, *n;
	yaml_node_pair_t *p;
	yaml_node_item_t *it;
	lor_class *c = NULL;
	int rc;

	if ((rc = lor_yaml__load(&y, path, data, len, err)))
		goto out;
	root = lor_yaml__root(&y);
	if (root->type != YAML_MAPPING_NODE) {
		rc = lor_yaml__fail(err, &y, root, "a word class file must be a mapping of keys");
		goto out;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		const char *k = lor_yaml__scalar(lor_yaml__node(&y, p->key));
		size_t i;

		for (i = 0; class_keys[i] && (!k || strcmp(k, class_keys[i])); i++)
			;
		if (!class_keys[i]) {
			rc = lor_yaml__fail(err, &y, lor_yaml__node(&y, p->key),
			                    "unknown key '%s' in a word class (expected description, members, "
			                    "examples or source)", k ? k : "?");
			goto out;
		}
	}
	if (!(c = calloc(1, sizeof(*c))) || !(c->name = lor__strdup(name)) ||
	    !(c->path = lor__strdup(path))) {
		if (c)
			class_free(c);
		rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		goto out;
	}
	if (((n = lor_yaml__get(&y, root, "description")) &&
	     (rc = lor_yaml__string(&y, n, "description", &c->description, err))) ||
	    ((n = lor_yaml__get(&y, root, "source")) &&
	     (rc = lor_yaml__string(&y, n, "source", &c->source, err))))
		goto fail;
	if (!(n = lor_yaml__get(&y, root, "members"))) {
		rc = lor_yaml__fail(err, &y, root, "missing 'members' (the words or patterns of the class)");
		goto fail;
	}
	if ((rc = lor_yaml__strings(&y, n, "members", &c->members, &c->nmembers, err)))
		goto fail;
	if (!c->nmembers) {
		rc = lor_yaml__fail(err, &y, n, "'members' must not be empty");
		goto fail;
	}
	if (!(c->member_line = calloc(c->nmembers, sizeof(unsigned long))) ||
	    !(c->member_col = calloc(c->nmembers, sizeof(unsigned long)))) {
		rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		goto fail;
	}
	{
		size_t i = 0;

		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++, i++) {
			yaml_node_t *item = lor_yaml__node(&y, *it);

			c->member_line[i] = (unsigned long)item->start_mark.line + 1;
			c->member_col[i] = (unsigned long)item->start_mark.column + 1;
			if (!*c->members[i]) {
				rc = lor_yaml__fail(err, &y, item, "'members' item is empty");
				goto fail;
			}
		}
	}
	if ((n = lor_yaml__get(&y, root, "examples"))) {
		yaml_node_t *e;

		if (n->type != YAML_MAPPING_NODE) {
			rc = lor_yaml__fail(err, &y, n, "'examples' must be a mapping with 'match' and 'nomatch'");
			goto fail;
		}
		for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			const char *k = lor_yaml__scalar(lor_yaml__node(&y, p->key));

			if (!k || (strcmp(k, "match") && strcmp(k, "nomatch"))) {
				rc = lor_yaml__fail(err, &y, lor_yaml__node(&y, p->key),
				                    "unknown key '%s' in examples (expected match or nomatch)",
				                    k ? k : "?");
				goto fail;
			}
		}
		if (((e = lor_yaml__get(&y, n, "match")) &&
		     (rc = lor_yaml__strings(&y, e, "match", &c->match, &c->nmatch, err))) ||
		    ((e = lor_yaml__get(&y, n, "nomatch")) &&
		     (rc = lor_yaml__strings(&y, e, "nomatch", &c->nomatch, &c->nnomatch, err))))
			goto fail;
	}
	*out = c;
	lor_yaml__release(&y);
	return LOR_OK;
fail:
	class_free(c);
out:
	lor_yaml__release(&y);
	return rc;
}

int lor_classes__add(lor_classes *cs, const char *file, const char *path, const char *data,
                     size_t len, int *seen_here, int trusted, lor_error *err)
{
	const char *dot = strrchr(file, '.');
	size_t n = dot ? (size_t)(dot - file) : strlen(file);
	char name[128];
	lor_class *c = NULL;
	long k;
	int rc;

	if (!lor_classes__valid_name(file, n) || n >= sizeof(name))
		return lor_error__set(err, LOR_ERULE, path, 1, 1,
		                      "a word class file is named in upper case, as it is used: "
		                      "'%.*s' is not (expected e.g. DURATION.yml)", (int)n, file);
	snprintf(name, sizeof(name), "%.*s", (int)n, file);
	k = lor_classes__find(cs, name, n);
	if (k >= 0 && seen_here[k])
		return lor_error__set(err, LOR_ERULE, path, 1, 1,
		                      "duplicate word class '%s' (also defined in %s)", name, cs->v[k]->path);
	if ((rc = class_parse(&c, name, path, data, len, err)))
		return rc;
	c->trusted = trusted;
	if (k >= 0) {
		class_free(cs->v[k]);
		cs->v[k] = c;
		seen_here[k] = 1;
		return LOR_OK;
	}
	if (lor__reserve(&cs->v, &cs->cap, cs->n + 1, sizeof(*cs->v))) {
		class_free(c);
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	}
	seen_here[cs->n] = 1;
	cs->v[cs->n++] = c;
	return LOR_OK;
}

/* Resolve class k: expand its members' references (depth-first), check each
 * member compiles, and build its (?:...) pattern. state: 0 new, 1 on the
 * current path (a second visit is a cycle), 2 done. */
static int resolve(lor_classes *cs, size_t k, unsigned char *state, lor_error *err)
{
	lor_class *c = cs->v[k];
	lor_buf b = LOR_BUF_INIT;
	size_t i;
	int rc;

	if (state[k] == 2)
		return LOR_OK;
	if (state[k] == 1)
		return lor_error__set(err, LOR_ERULE, c->path, c->member_line[0], c->member_col[0],
		                      "word class '%s' refers to itself through its members", c->name);
	state[k] = 1;
	if (lor_buf__adds(&b, "(?:"))
		goto nomem;
	for (i = 0; i < c->nmembers; i++) {
		const char *m = c->members[i];
		size_t j, len, at = 0;
		lor_buf one = LOR_BUF_INIT;
		pcre2_code *re;
		int ec;
		PCRE2_SIZE eoff;

		/* first resolve the classes this member uses */
		for (j = 0; m[j]; j++) {
			if (m[j] == '\\' && m[j + 1]) {
				j++;
				continue;
			}
			if (reference_at(m, j, &len)) {
				long r = lor_classes__find(cs, m + j + 1, len - 2);

				if (r < 0) {
					lor_buf__release(&b);
					return lor_error__set(err, LOR_ERULE, c->path, c->member_line[i],
					                      c->member_col[i], "unknown word class '%.*s' in a member of "
					                      "'%s'", (int)len, m + j, c->name);
				}
				if ((rc = resolve(cs, (size_t)r, state, err))) {
					lor_buf__release(&b);
					return rc;
				}
				j += len - 1;
			}
		}
		rc = lor_classes__expand(cs, m, &one, &at, NULL, 0);
		if (rc == LOR_ENOMEM)
			goto nomem;
		re = c->trusted ? NULL : pcre2_compile((PCRE2_SPTR)one.data, one.len,
		                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &eoff, NULL);
		if (!re && !c->trusted) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(ec, msg, sizeof(msg));
			lor_buf__release(&one);
			lor_buf__release(&b);
			return lor_error__set(err, LOR_ERULE, c->path, c->member_line[i], c->member_col[i],
			                      "invalid regex '%s' in word class '%s': %s", m, c->name,
			                      (char *)msg);
		}
		pcre2_code_free(re);
		if ((i && lor_buf__adds(&b, "|")) || lor_buf__add(&b, one.data, one.len)) {
			lor_buf__release(&one);
			goto nomem;
		}
		lor_buf__release(&one);
	}
	if (lor_buf__adds(&b, ")"))
		goto nomem;
	c->pattern = lor_buf__detach(&b);
	state[k] = 2;
	return LOR_OK;
nomem:
	lor_buf__release(&b);
	return lor_error__set(err, LOR_ENOMEM, c->path, 0, 0, "out of memory");
}

int lor_classes__resolve(lor_classes *cs, lor_error *err)
{
	unsigned char *state;
	size_t i;
	int rc = LOR_OK;

	if (!cs->n)
		return LOR_OK;
	if (!(state = calloc(cs->n, 1)))
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	for (i = 0; i < cs->n && !rc; i++)
		rc = resolve(cs, i, state, err);
	free(state);
	return rc;
}

/* Does re match all of s? */
static int whole_match(pcre2_code *re, pcre2_match_data *md, const char *s)
{
	return pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL) >= 0;
}

int lor_classes__selftest(const lor_class *c, lor_error *err)
{
	lor_buf b = LOR_BUF_INIT;
	pcre2_code *re;
	pcre2_match_data *md;
	int ec, rc = LOR_OK;
	PCRE2_SIZE eoff;
	size_t i;

	/* examples are whole phrases with single spaces, matched caselessly */
	if (lor_buf__adds(&b, "^(?:") || lor_buf__adds(&b, c->pattern) || lor_buf__adds(&b, ")$"))
		goto nomem;
	re = pcre2_compile((PCRE2_SPTR)b.data, b.len, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &eoff,
	                   NULL);
	lor_buf__release(&b);
	if (!re)
		return lor_error__set(err, LOR_ERULE, c->path, 0, 0, "word class '%s' does not compile",
		                      c->name);
	if (!(md = pcre2_match_data_create_from_pattern(re, NULL))) {
		pcre2_code_free(re);
		goto nomem;
	}
	for (i = 0; i < c->nmatch && !rc; i++)
		if (!whole_match(re, md, c->match[i]))
			rc = lor_error__set(err, LOR_ERULE, c->path, 0, 0,
			                    "word class '%s' does not match its example %zu: '%s'", c->name,
			                    i + 1, c->match[i]);
	for (i = 0; i < c->nnomatch && !rc; i++)
		if (whole_match(re, md, c->nomatch[i]))
			rc = lor_error__set(err, LOR_ERULE, c->path, 0, 0,
			                    "word class '%s' matches its counter-example %zu: '%s'", c->name,
			                    i + 1, c->nomatch[i]);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return rc;
nomem:
	lor_buf__release(&b);
	return lor_error__set(err, LOR_ENOMEM, c->path, 0, 0, "out of memory");
}
