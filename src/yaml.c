/* yaml.c - load a YAML file with libyaml and read typed values with positions.
 *
 * Rule files, profiles and (later) the config file are small YAML mappings.
 * libyaml's document API keeps each node's start mark, so every complaint
 * about a value can name its file, line and column (1-based, code points).
 * Types are checked strictly: a list where a string belongs is an error, not
 * a guess, because silent coercion hides typos in rules.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int lor_yaml__pick(lor_yaml *y, yaml_node_t *n, const char *key, const char *const *names, int *out,
                   lor_error *err)
{
	const char *v = lor_yaml__scalar(n);
	lor_buf list = LOR_BUF_INIT;
	int i, rc;

	if (!v)
		return lor_yaml__fail(err, y, n, "'%s' must be a string", key);
	if ((i = lor__name_index(names, v)) >= 0) {
		*out = i;
		return LOR_OK;
	}
	if (lor__names_list(&list, names))
		rc = lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	else
		rc = lor_yaml__fail(err, y, n, "unknown %s '%s' (expected %s)", key, v, list.data);
	lor_buf__release(&list);
	return rc;
}

yaml_node_t *lor_yaml__get(lor_yaml *y, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = lor_yaml__scalar(lor_yaml__node(y, p->key));

		if (k && !strcmp(k, key))
			return lor_yaml__node(y, p->value);
	}
	return NULL;
}

/* libyaml's own complaint, positioned. The context ("while scanning a quoted
 * scalar") starts where the trouble began, which is more useful than the end
 * of the file. */
static int syntax_error(const yaml_parser_t *parser, const char *path, lor_error *err)
{
	const yaml_mark_t *m = &parser->problem_mark;
	char where[64] = "";

	if (parser->error == YAML_MEMORY_ERROR)
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	if (parser->context)
		snprintf(where, sizeof(where), " (started at %lu:%lu)", (unsigned long)parser->context_mark.line + 1,
		         (unsigned long)parser->context_mark.column + 1);
	return lor_error__set(err, LOR_ERULE, path, (unsigned long)m->line + 1, (unsigned long)m->column + 1,
	                      "invalid YAML: %s%s%s%s", parser->problem ? parser->problem : "parse error",
	                      parser->context ? " " : "", parser->context ? parser->context : "", where);
}

/* A hostile file (a rule or .lorlint.yml proposed in a pull request) must
 * fail fast, in bounded time and memory, before libyaml builds a tree: its
 * loader and scanner slow down with the square of the nesting depth (100,000
 * nested '[' took 23 s). So the events are read first and the file is
 * refused at the first event past a bound: nesting depth, aliases, values,
 * or a scalar's length. The bounds are far above what any real rule needs. */
static int check_shape(const char *path, const char *data, size_t len, lor_error *err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	size_t depth = 0, aliases = 0, values = 0;
	int rc = LOR_OK, done = 0;

	if (!yaml_parser_initialize(&parser))
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done && !rc) {
		const char *too = NULL, *unit = "";
		unsigned long limit = 0;

		if (!yaml_parser_parse(&parser, &ev)) {
			rc = syntax_error(&parser, path, err);
			break;
		}
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > LOR_YAML_MAX_DEPTH)
				too = "nested deeper than", limit = LOR_YAML_MAX_DEPTH, unit = " levels";
			values++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_ALIAS_EVENT:
			if (++aliases > LOR_YAML_MAX_ALIASES)
				too = "with more than", limit = LOR_YAML_MAX_ALIASES, unit = " aliases";
			values++;
			break;
		case YAML_SCALAR_EVENT:
			if (ev.data.scalar.length > LOR_YAML_MAX_SCALAR)
				too = "value longer than", limit = LOR_YAML_MAX_SCALAR, unit = " bytes";
			values++;
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		if (!too && values > LOR_YAML_MAX_VALUES)
			too = "with more than", limit = LOR_YAML_MAX_VALUES, unit = " values";
		if (too)
			rc = lor_error__set(err, LOR_ERULE, path, (unsigned long)ev.start_mark.line + 1,
			                    (unsigned long)ev.start_mark.column + 1, "YAML %s %lu%s (a limit for rule and config files)",
			                    too, limit, unit);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return rc;
}

/* The build's parse of data, when data is an embedded file's own bytes
 * (the same pointer and length); NULL otherwise. The parse and the bytes come
 * from one build (build/rulecache_data.c is made from build/embedded.c's
 * files); test_rulecache checks each entry's hash against its file and its
 * nodes against libyaml's parse, so a run does not hash 220 KB of rules again
 * (an eighth of `--list-rules`). */
static const lor_yaml_prebuilt *prebuilt_for(const char *data, size_t len)
{
	size_t i;

	for (i = 0; i < lor_yaml__nprebuilt; i++) {
		const lor_yaml_prebuilt *p = &lor_yaml__prebuilt[i];
		const lor_embedded_file *f = p->file < lor_embedded__count ? &lor_embedded__files[p->file] : NULL;

		if (f && f->data == data && f->len == len)
			return p;
	}
	return NULL;
}

/* Set up the document libyaml made of an embedded file at build time: the
 * same nodes with the same ids, values and marks, in one array whose
 * scalars, tags, items and pairs point into the build's read-only tables
 * (no copy of each value, as yaml_document_add_scalar() would make: that
 * was half of loading the built-in rules). Only libyaml's readers touch it
 * (yaml_document_get_node() and the node fields); lor_yaml__release() frees
 * the array, not the tables. A sequence's items and a mapping's pairs are
 * the build's int arrays: yaml_node_item_t is an int, and yaml_node_pair_t
 * two ints (key, value), as the build wrote them. */
_Static_assert(sizeof(yaml_node_item_t) == sizeof(int), "an item is an int");
_Static_assert(sizeof(yaml_node_pair_t) == 2 * sizeof(int) && offsetof(yaml_node_pair_t, value) == sizeof(int),
               "a pair is two ints");

static int load_prebuilt(lor_yaml *y, const lor_yaml_prebuilt *p, lor_error *err)
{
	const lor_yaml_node *v = lor_yaml__prebuilt_nodes + p->first;
	yaml_node_t *nodes;
	size_t i;

	if (!p->count)
		return lor_error__set(err, LOR_ERULE, y->path, 1, 1, "empty file, expected a mapping");
	if (!(nodes = calloc(p->count, sizeof(*nodes))))
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	for (i = 0; i < p->count; i++) {
		yaml_node_t *n = &nodes[i];
		int *it = (int *)(uintptr_t)(lor_yaml__prebuilt_items + v[i].first);

		n->type = (yaml_node_type_t)v[i].type;
		n->tag = v[i].tag == LOR_NO_STR ? NULL : (yaml_char_t *)(uintptr_t)(lor_rulecache__pool + v[i].tag);
		if (v[i].type == YAML_SCALAR_NODE) {
			n->data.scalar.value = (yaml_char_t *)(uintptr_t)(lor_rulecache__pool + v[i].value);
			n->data.scalar.length = v[i].len;
			n->data.scalar.style = (yaml_scalar_style_t)v[i].style;
		} else if (v[i].type == YAML_SEQUENCE_NODE) {
			n->data.sequence.items.start = it;
			n->data.sequence.items.top = n->data.sequence.items.end = it + v[i].count;
			n->data.sequence.style = (yaml_sequence_style_t)v[i].style;
		} else {
			n->data.mapping.pairs.start = (yaml_node_pair_t *)(void *)it;
			n->data.mapping.pairs.top = n->data.mapping.pairs.end = (yaml_node_pair_t *)(void *)it + v[i].count;
			n->data.mapping.style = (yaml_mapping_style_t)v[i].style;
		}
		n->start_mark.index = v[i].index;
		n->start_mark.line = v[i].line;
		n->start_mark.column = v[i].column;
		n->end_mark.index = v[i].end_index;
		n->end_mark.line = v[i].end_line;
		n->end_mark.column = v[i].end_column;
	}
	memset(&y->doc, 0, sizeof(y->doc));
	y->doc.nodes.start = nodes;
	y->doc.nodes.top = y->doc.nodes.end = nodes + p->count;
	y->doc.start_implicit = y->doc.end_implicit = 1;
	y->prebuilt = nodes;
	y->loaded = 1;
	return LOR_OK;
}

int lor_yaml__load(lor_yaml *y, const char *path, const char *data, size_t len, lor_error *err)
{
	yaml_parser_t parser;
	const lor_yaml_prebuilt *pre;
	int rc;

	memset(y, 0, sizeof(*y));
	y->path = path;
	if ((pre = prebuilt_for(data, len)))
		return load_prebuilt(y, pre, err);
	if ((rc = check_shape(path, data, len, err)))
		return rc;
	if (!yaml_parser_initialize(&parser))
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &y->doc)) {
		rc = syntax_error(&parser, path, err);
		yaml_parser_delete(&parser);
		return rc;
	}
	yaml_parser_delete(&parser);
	y->loaded = 1;
	if (!yaml_document_get_root_node(&y->doc))
		return lor_error__set(err, LOR_ERULE, path, 1, 1, "empty file, expected a mapping");
	return LOR_OK;
}

void lor_yaml__release(lor_yaml *y)
{
	if (y->loaded && y->prebuilt)
		free(y->prebuilt); /* the build's tables stay */
	else if (y->loaded)
		yaml_document_delete(&y->doc);
	y->prebuilt = NULL;
	y->loaded = 0;
}

yaml_node_t *lor_yaml__root(lor_yaml *y)
{
	return yaml_document_get_root_node(&y->doc);
}

yaml_node_t *lor_yaml__node(lor_yaml *y, int index)
{
	return yaml_document_get_node(&y->doc, index);
}

static int verror(lor_error *err, const char *path, const yaml_node_t *node, const char *fmt,
                  va_list ap) LOR_PRINTF(4, 0);
static int verror(lor_error *err, const char *path, const yaml_node_t *node, const char *fmt,
                  va_list ap)
{
	char msg[900];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	return lor_error__set(err, LOR_ERULE, path, node ? (unsigned long)node->start_mark.line + 1 : 1,
	                      node ? (unsigned long)node->start_mark.column + 1 : 1, "%s", msg);
}

int lor_yaml__fail(lor_error *err, lor_yaml *y, const yaml_node_t *node, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = verror(err, y->path, node, fmt, ap);
	va_end(ap);
	return rc;
}

const char *lor_yaml__scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static const char *type_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_MAPPING_NODE: return "a mapping";
	default: return "a scalar";
	}
}

int lor_yaml__string(lor_yaml *y, yaml_node_t *n, const char *key, char **out, lor_error *err)
{
	char *s;

	if (n->type != YAML_SCALAR_NODE)
		return lor_yaml__fail(err, y, n, "'%s' must be a string, not %s", key, type_name(n));
	s = lor__strndup((const char *)n->data.scalar.value, n->data.scalar.length);
	if (!s)
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	free(*out);
	*out = s;
	return LOR_OK;
}

int lor_yaml__bool(lor_yaml *y, yaml_node_t *n, const char *key, int *out, lor_error *err)
{
	const char *v = lor_yaml__scalar(n);

	if (v && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "True")) {
			*out = 1;
			return LOR_OK;
		}
		if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "False")) {
			*out = 0;
			return LOR_OK;
		}
	}
	return lor_yaml__fail(err, y, n, "'%s' must be true or false", key);
}

int lor_yaml__number(lor_yaml *y, yaml_node_t *n, const char *key, double *out, lor_error *err)
{
	const char *v = lor_yaml__scalar(n);
	double d;

	if (!v || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || !*v)
		return lor_yaml__fail(err, y, n, "'%s' must be a number", key);
	if (lor_x__parse_decimal(v, strlen(v), &d)) /* not strtod: the same under every locale */
		return lor_yaml__fail(err, y, n, "'%s' must be a number, not '%s'", key, v);
	*out = d;
	return LOR_OK;
}

void lor__strings_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int lor_yaml__strings(lor_yaml *y, yaml_node_t *n, const char *key, char ***out, size_t *count,
                      lor_error *err)
{
	yaml_node_item_t *it;
	char **v = NULL;
	size_t nv = 0, cap = 0;

	if (n->type != YAML_SEQUENCE_NODE)
		return lor_yaml__fail(err, y, n, "'%s' must be a list of strings, not %s", key, type_name(n));
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = lor_yaml__node(y, *it);

		if (!item || item->type != YAML_SCALAR_NODE) {
			lor__strings_free(v, nv);
			return lor_yaml__fail(err, y, item, "'%s' items must be strings, not %s", key,
			              item ? type_name(item) : "nothing");
		}
		if (lor__reserve(&v, &cap, nv + 1, sizeof(char *)) ||
		    !(v[nv] = lor__strndup((const char *)item->data.scalar.value, item->data.scalar.length))) {
			lor__strings_free(v, nv);
			return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
		}
		nv++;
	}
	*out = v;
	*count = nv;
	return LOR_OK;
}

int lor_yaml__number_in(lor_yaml *y, yaml_node_t *map, const char *key, double lo, double hi, double *out,
                        lor_error *err)
{
	yaml_node_t *n = lor_yaml__get(y, map, key);
	int rc;

	if (!n)
		return LOR_OK;
	if ((rc = lor_yaml__number(y, n, key, out, err)))
		return rc;
	if (*out < lo || *out > hi)
		return lor_yaml__fail(err, y, n, "'%s' must be between %g and %g", key, lo, hi);
	return LOR_OK;
}

int lor_yaml__only_keys(lor_yaml *y, yaml_node_t *map, const char *what, const char *const *keys,
                        lor_error *err)
{
	yaml_node_pair_t *p;

	if (map->type != YAML_MAPPING_NODE)
		return lor_yaml__fail(err, y, map, "%s must be a mapping", what);
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = lor_yaml__node(y, p->key);
		const char *k = lor_yaml__scalar(kn);

		if (!k || lor__name_index(keys, k) < 0)
			return lor_yaml__fail(err, y, kn, "unknown key '%s' in %s", k ? k : "?", what);
	}
	return LOR_OK;
}
