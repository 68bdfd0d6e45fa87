/* config.c - the project configuration file, .lorlint.yml.
 *
 * A CI job or a mentor's folder of drafts keeps its settings beside the
 * letters: extra rule directories, the profile, disabled rules, per-rule
 * levels, path ignores and the fail thresholds. The file is found from the
 * working directory upward (like .editorconfig or .vale.ini), or named with
 * --config. It is validated as strictly as a rule file: an unknown key or a
 * wrong type is a positioned error, because a typo in a CI gate ("fial_under")
 * must not silently turn the gate off. Command-line options win over it.
 *
 *   rules: [house-rules]          # relative to this file
 *   profile: fellowship
 *   disable: [lorlint.MissingDate]
 *   levels: {lorlint.AmbiguousDate: warning}
 *   ignore: ["old-drafts", "x.notes.md"]   # fnmatch globs, on the path and the base name
 *   fail_level: warning
 *   fail_under: 60
 *   min_level: suggestion
 *
 * A configuration can be proposed by anyone in a pull request, so its rules:
 * may only name folders inside the repository (the nearest folder at or
 * above the file's that holds .git, else the file's own folder), symbolic
 * links resolved: rules from elsewhere on the machine need --rules on the
 * command line, which only the person running lorlint writes.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

#define CONFIG_NAME ".lorlint.yml"

static const char *const keys[] = { "rules", "profile", "disable", "levels", "ignore",
	                            "fail_level", "fail_under", "min_level", NULL };

void lor_config_free(lor_config *c)
{
	if (!c)
		return;
	free(c->path);
	lor__strings_free(c->rules, c->nrules);
	free(c->profile);
	lor__strings_free(c->disable, c->ndisable);
	lor__strings_free(c->level_ids, c->nlevels);
	free(c->levels);
	lor__strings_free(c->ignore, c->nignore);
	free(c);
}

static int level_of(lor_yaml *y, yaml_node_t *n, const char *key, int *out, lor_error *err)
{
	const char *v = lor_yaml__scalar(n);
	lor_level l;

	if (!v || lor_level_parse(&l, v))
		return lor_yaml__fail(err, y, n, "'%s' must be suggestion, warning or error", key);
	*out = (int)l;
	return LOR_OK;
}

/* The repository of the configuration at path, resolved, in a new string:
 * the nearest folder at or above the file's own that holds .git, else the
 * file's own folder. NULL when that folder cannot be resolved. */
static char *repository_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	lor_buf b = LOR_BUF_INIT;
	char *own;
	size_t n;
	struct stat st;

	if (lor_buf__add(&b, path, slash ? (size_t)(slash - path) + (slash == path) : 0) ||
	    (!slash && lor_buf__adds(&b, "."))) {
		lor_buf__release(&b);
		return NULL;
	}
	own = realpath(b.data, NULL);
	lor_buf__release(&b);
	if (!own)
		return NULL;
	for (n = strlen(own);;) {
		int found = !lor_buf__add(&b, own, n) && !lor_buf__adds(&b, "/.git") && stat(b.data, &st) == 0;

		lor_buf__release(&b);
		if (found) {
			own[n ? n : 1] = '\0'; /* "/" itself keeps its slash */
			return own;
		}
		if (!n)
			return own; /* no .git above: the file's own folder, untouched */
		while (n > 0 && own[--n] != '/')
			;
	}
}

/* 1 if dir, resolved, lies outside root (a resolved folder); a folder that
 * does not exist is left to the rule loader's own error. */
static int outside(const char *root, const char *dir)
{
	char *t = realpath(dir, NULL);
	size_t n = strlen(root);
	int in;

	if (!t)
		return 0;
	in = !strcmp(root, "/") || (!strncmp(t, root, n) && (t[n] == '\0' || t[n] == '/'));
	free(t);
	return !in;
}

/* Make each rule directory (the items of the sequence node rules) relative to
 * the config file's directory, and refuse one outside the repository. */
static int resolve_dirs(lor_config *c, lor_yaml *y, yaml_node_t *rules, lor_error *err)
{
	const char *slash = strrchr(c->path, '/');
	size_t dirlen = slash ? (size_t)(slash - c->path) : 0, i;
	char *root = repository_of(c->path);
	int rc = LOR_OK;

	for (i = 0; i < c->nrules && !rc; i++) {
		lor_buf b = LOR_BUF_INIT;

		if (c->rules[i][0] != '/' && dirlen) {
			if (lor_buf__add(&b, c->path, dirlen) || lor_buf__addf(&b, "/%s", c->rules[i])) {
				lor_buf__release(&b);
				rc = lor_error__set(err, LOR_ENOMEM, c->path, 0, 0, "out of memory");
				break;
			}
			free(c->rules[i]);
			c->rules[i] = lor_buf__detach(&b);
		}
		if (root && outside(root, c->rules[i]))
			rc = lor_yaml__fail(err, y, lor_yaml__node(y, rules->data.sequence.items.start[i]),
			                    "rules folder '%s' is outside the repository '%s'; a configuration "
			                    "may not load rules from elsewhere (give it with --rules)",
			                    c->rules[i], root);
	}
	free(root);
	return rc;
}

static int parse(lor_config *c, lor_yaml *y, lor_error *err)
{
	yaml_node_t *root = lor_yaml__root(y), *n;
	yaml_node_pair_t *p;
	double d;
	int rc;

	if (root->type != YAML_MAPPING_NODE)
		return lor_yaml__fail(err, y, root, "a configuration file must be a mapping of keys");
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = lor_yaml__node(y, p->key);
		const char *k = lor_yaml__scalar(kn);
		size_t i;

		for (i = 0; k && keys[i] && strcmp(keys[i], k); i++)
			;
		if (!k || !keys[i])
			return lor_yaml__fail(err, y, kn, "unknown key '%s'", k ? k : "?");
	}
	if ((n = lor_yaml__get(y, root, "rules")) &&
	    ((rc = lor_yaml__strings(y, n, "rules", &c->rules, &c->nrules, err)) || (rc = resolve_dirs(c, y, n, err))))
		return rc;
	if ((n = lor_yaml__get(y, root, "profile")) && (rc = lor_yaml__string(y, n, "profile", &c->profile, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "disable")) &&
	    (rc = lor_yaml__strings(y, n, "disable", &c->disable, &c->ndisable, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "ignore")) &&
	    (rc = lor_yaml__strings(y, n, "ignore", &c->ignore, &c->nignore, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "fail_level")) && (rc = level_of(y, n, "fail_level", &c->fail_level, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "min_level")) && (rc = level_of(y, n, "min_level", &c->min_level, err)))
		return rc;
	if ((n = lor_yaml__get(y, root, "fail_under"))) {
		if ((rc = lor_yaml__number(y, n, "fail_under", &d, err)))
			return rc;
		if (d < 0 || d > 100 || d != (double)(int)d)
			return lor_yaml__fail(err, y, n, "'fail_under' must be a whole number from 0 to 100");
		c->fail_under = (int)d;
	}
	if ((n = lor_yaml__get(y, root, "levels"))) {
		size_t count, i = 0;

		if (n->type != YAML_MAPPING_NODE)
			return lor_yaml__fail(err, y, n, "'levels' must be a mapping of rule: level");
		count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
		if (count && (!(c->level_ids = calloc(count, sizeof(char *))) ||
		              !(c->levels = calloc(count, sizeof(lor_level)))))
			return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
		for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++, i++) {
			int l = 0;

			if ((rc = lor_yaml__string(y, lor_yaml__node(y, p->key), "levels key", &c->level_ids[i], err)) ||
			    (rc = level_of(y, lor_yaml__node(y, p->value), "levels value", &l, err))) {
				c->nlevels = i + (c->level_ids[i] != NULL);
				return rc;
			}
			c->levels[i] = (lor_level)l;
			c->nlevels = i + 1;
		}
	}
	return LOR_OK;
}

int lor_config__parse(lor_config **out, const char *path, const char *data, size_t len, lor_error *err)
{
	lor_config *c = calloc(1, sizeof(*c));
	lor_yaml y;
	int rc;

	if (!c || !(c->path = lor__strdup(path))) {
		free(c);
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	}
	c->fail_level = c->min_level = c->fail_under = -1;
	rc = lor_yaml__load(&y, path, data, len, err);
	if (!rc)
		rc = parse(c, &y, err);
	lor_yaml__release(&y);
	if (rc) {
		lor_config_free(c);
		return rc;
	}
	*out = c;
	return LOR_OK;
}

int lor_config_load(lor_config **out, const char *path, lor_error *err)
{
	char *data = NULL;
	size_t len;
	int rc;

	if ((rc = lor__read_file(path, &data, &len, 1u << 20, err)))
		return rc;
	rc = lor_config__parse(out, path, data, len, err);
	free(data);
	return rc;
}

int lor_config_find(char *buf, size_t len, const char *dir)
{
	lor_buf up = LOR_BUF_INIT;
	struct stat st, parent;
	int depth, found = 0;

	if (!dir)
		return 0;
	/* Walk up with "../" prefixes rather than absolute paths, so messages
	 * name the file as the user sees it from here (".lorlint.yml:2:1"). */
	for (depth = 0; depth < 64 && !found; depth++) {
		const char *base = strcmp(dir, ".") ? dir : "";
		int n = snprintf(buf, len, "%s%s%s%s", base, *base ? "/" : "", up.data,
		                 CONFIG_NAME);

		if (n > 0 && (size_t)n < len && stat(buf, &st) == 0 && S_ISREG(st.st_mode)) {
			found = 1;
			break;
		}
		/* Stop at the root: it is its own parent. */
		snprintf(buf, len, "%s%s%s.", base, *base ? "/" : "", up.data);
		if (stat(buf, &st) != 0)
			break;
		snprintf(buf, len, "%s%s%s..", base, *base ? "/" : "", up.data);
		if (stat(buf, &parent) != 0 || (st.st_dev == parent.st_dev && st.st_ino == parent.st_ino))
			break;
		if (lor_buf__adds(&up, "../"))
			break;
	}
	lor_buf__release(&up);
	if (!found && len)
		buf[0] = '\0';
	return found;
}

int lor_config_ignored(const lor_config *c, const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base ? base + 1 : path;
	for (i = 0; c && i < c->nignore; i++) {
		const char *p = path;

		if (p[0] == '.' && p[1] == '/')
			p += 2;
		if (!fnmatch(c->ignore[i], p, 0) || !fnmatch(c->ignore[i], base, 0))
			return 1;
	}
	return 0;
}
