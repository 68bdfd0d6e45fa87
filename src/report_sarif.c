/* report_sarif.c - SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.
 *
 * One run whose tool.driver describes every rule of the rule set, then one
 * result per finding, then one invocation carrying the files that could not
 * be checked. The document is streamed like the JSON report: the header and
 * the rules array are written first (from opts.rules), each result is dumped
 * as its letter is reported, and only the file errors (few) wait for the
 * end, so memory stays flat over thousands of letters. Without opts.rules
 * the rules are only known as findings name them, so the tool object is
 * written after the results instead; JSON member order carries no meaning,
 * so both layouts are the same SARIF. jansson writes every value; only the
 * constant member names are written by hand.
 *
 * lorlint counts columns in code points, so the run says so (columnKind
 * "unicodeCodePoints"; SARIF's default is UTF-16 code units), and regions
 * also carry byteOffset/byteLength, which are exact whatever the column
 * convention. Artifact URIs are relative to the working directory, as
 * GitHub resolves them against the repository root: paths given relative
 * stay as they are, absolute paths under the working directory lose that
 * prefix, others become file:// URIs; anything outside RFC 3986's
 * unreserved set is percent-encoded.
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

typedef struct sstate {
	json_t *index;   /* rule id -> its index in the rules array */
	json_t *seen;    /* the rules array, built from findings when opts.rules is NULL */
	json_t *errors;  /* toolExecutionNotifications */
	char *cwd;       /* NULL when it cannot be known: then absolute paths stay file:// URIs */
	size_t results;
	int started;
} sstate;

static const char *sarif_level(lor_level l)
{
	return l == LOR_LEVEL_ERROR ? "error" : l == LOR_LEVEL_WARNING ? "warning" : "note";
}

static int dump(lor_reporter *rep, json_t *v)
{
	int rc;

	if (!v)
		return LOR_ENOMEM;
	rc = json_dumpf(v, rep->fp, DUMP_FLAGS);
	json_decref(v);
	return rc ? LOR_EIO : LOR_OK;
}

/* The working directory, malloc'd; NULL if it cannot be had (it may have
 * been removed, or be too deep), which only costs relative URIs. */
static char *current_dir(void)
{
	size_t cap = 256;
	char *buf = NULL;

	for (;;) {
		char *p = realloc(buf, cap);

		if (!p)
			break;
		buf = p;
		if (getcwd(buf, cap))
			return buf;
		if (errno != ERANGE || cap > 65536)
			break;
		cap *= 2;
	}
	free(buf);
	return NULL;
}

/* RFC 3986 unreserved characters, plus '/' which separates path segments.
 * Everything else (':' could pass for a scheme in a relative reference, '%',
 * spaces, and each byte of a non-ASCII character) is percent-encoded. */
static int uri_safe(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

/* The artifact URI of a report path into out; *relative tells whether it is
 * a repository-relative reference (which gets uriBaseId %SRCROOT%). */
static int path_uri(const sstate *st, const char *path, lor_buf *out, int *relative)
{
	const char *p = path;

	*relative = 0;
	if (!strcmp(path, "-"))
		return lor_buf__adds(out, "stdin");
	if (path[0] == '/') {
		size_t n = st->cwd ? strlen(st->cwd) : 0;

		if (n && !strncmp(path, st->cwd, n) && (path[n] == '/' || st->cwd[n - 1] == '/')) {
			p = path + n;
			*relative = 1;
		} else if (lor_buf__adds(out, "file://")) {
			return LOR_ENOMEM;
		}
	} else {
		*relative = 1;
		/* "./x" and "x" are the same file; GitHub matches alerts across runs
		 * by path, so give it one spelling */
		while (p[0] == '.' && p[1] == '/')
			for (p += 2; *p == '/'; p++)
				;
	}
	if (*relative)
		while (*p == '/')
			p++;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (uri_safe(c) ? lor_buf__add(out, p, 1) : lor_buf__addf(out, "%%%02X", c))
			return LOR_ENOMEM;
	}
	return LOR_OK;
}

static json_t *artifact_location(const sstate *st, const char *path)
{
	lor_buf uri = LOR_BUF_INIT;
	int relative;
	json_t *o;

	if (path_uri(st, path, &uri, &relative))
		return NULL;
	o = relative ? json_pack("{s:s, s:s}", "uri", uri.data, "uriBaseId", "%SRCROOT%")
	             : json_pack("{s:s}", "uri", uri.data);
	lor_buf__release(&uri);
	return o;
}

/* A message template for a rule title: each "%s" becomes an ellipsis. */
static int template_text(const char *m, lor_buf *out)
{
	int rc = lor_buf__add(out, "", 0);

	for (; m && *m && !rc; m++) {
		if (m[0] == '%' && m[1] == 's') {
			rc = lor_buf__adds(out, "\xE2\x80\xA6");
			m++;
		} else if (m[0] == '%' && m[1] == '%') {
			rc = lor_buf__add(out, "%", 1);
			m++;
		} else {
			rc = lor_buf__add(out, m, 1);
		}
	}
	return rc ? LOR_ENOMEM : LOR_OK;
}

static const char *rule_name(const char *id)
{
	const char *dot = strrchr(id, '.');

	return dot && dot[1] ? dot + 1 : id;
}

/* A reportingDescriptor with the rule's full metadata. */
static json_t *rule_json(const lor_rule_info *ri)
{
	lor_buf title = LOR_BUF_INIT, help = LOR_BUF_INIT;
	json_t *o = NULL, *props;
	const char *full;
	int rc;

	rc = template_text(ri->message, &title);
	full = ri->description ? ri->description : title.data;
	if (!rc)
		rc = lor_buf__adds(&help, full ? full : "");
	if (!rc && ri->fix)
		rc = lor_buf__addf(&help, "\n\nFix: %s", ri->fix);
	if (!rc && ri->source)
		rc = lor_buf__addf(&help, "\n\nSource: %s", ri->source);
	if (!rc && (props = json_pack("{s:s, s:[s]}", "category", ri->category, "tags", ri->category))) {
		if (ri->signal)
			json_object_set_new(props, "signal", json_string(ri->signal));
		o = json_pack("{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:o}", "id", ri->id, "name",
		              rule_name(ri->id), "shortDescription", "text", title.data,
		              "fullDescription", "text", full, "help", "text", help.data,
		              "defaultConfiguration", "level", sarif_level(ri->level), "properties",
		              props);
		if (o && ri->link)
			json_object_set_new(o, "helpUri", json_string(ri->link));
	}
	lor_buf__release(&title);
	lor_buf__release(&help);
	return o;
}

/* The little a finding says about its rule, for runs without a rule set. */
static json_t *seen_rule_json(const lor_finding *f)
{
	return json_pack("{s:s, s:s, s:{s:s}, s:{s:s, s:[s]}}", "id", f->rule, "name",
	                 rule_name(f->rule), "defaultConfiguration", "level", sarif_level(f->level),
	                 "properties", "category", f->category ? f->category : "", "tags",
	                 f->category ? f->category : "");
}

static int write_header(lor_reporter *rep)
{
	fputs("{\"$schema\": ", rep->fp);
	if (dump(rep, json_string(SARIF_SCHEMA)))
		return LOR_ENOMEM;
	fputs(", \"version\": ", rep->fp);
	if (dump(rep, json_string("2.1.0")))
		return LOR_ENOMEM;
	fputs(", \"runs\": [{", rep->fp);
	return LOR_OK;
}

/* The tool object: the driver, then the rules one per line. */
static int write_tool(lor_reporter *rep, json_t *rules)
{
	size_t i;

	fputs("\"tool\": {\"driver\": {\"name\": ", rep->fp);
	if (dump(rep, json_string("lorlint")))
		return LOR_ENOMEM;
	fputs(", \"version\": ", rep->fp);
	if (dump(rep, json_string(LOR_VERSION)))
		return LOR_ENOMEM;
	fputs(", \"semanticVersion\": ", rep->fp);
	if (dump(rep, json_string(LOR_VERSION)))
		return LOR_ENOMEM;
	fputs(", \"rules\": [", rep->fp);
	for (i = 0; i < json_array_size(rules); i++) {
		fputs(i ? ",\n  " : "\n  ", rep->fp);
		if (json_dumpf(json_array_get(rules, i), rep->fp, DUMP_FLAGS))
			return LOR_EIO;
	}
	fputs(i ? "\n]}}" : "]}}", rep->fp);
	return LOR_OK;
}

static int start(lor_reporter *rep)
{
	sstate *st = rep->state;
	const lor_ruleset *rs = rep->opts.rules;
	json_t *rules;
	size_t i;
	int rc;

	if (st && st->started)
		return LOR_OK;
	if (!st) {
		if (!(st = calloc(1, sizeof(*st))))
			return LOR_ENOMEM;
		rep->state = st;
		st->index = json_object();
		st->errors = json_array();
		st->seen = json_array();
		if (!st->index || !st->errors || !st->seen)
			return LOR_ENOMEM;
		st->cwd = current_dir();
	}
	st->started = 1;
	if (write_header(rep))
		return LOR_EIO;
	if (rs) {
		if (!(rules = json_array()))
			return LOR_ENOMEM;
		for (i = 0; i < lor_ruleset_count(rs); i++) {
			lor_rule_info ri;

			if (lor_ruleset_rule(rs, i, &ri))
				continue;
			if (json_array_append_new(rules, rule_json(&ri)) ||
			    json_object_set_new(st->index, ri.id,
			                        json_integer((json_int_t)json_array_size(rules) - 1))) {
				json_decref(rules);
				return LOR_ENOMEM;
			}
		}
		rc = write_tool(rep, rules);
		json_decref(rules);
		if (rc)
			return rc;
		fputs(", ", rep->fp);
	}
	fputs("\"columnKind\": \"unicodeCodePoints\", \"results\": [", rep->fp);
	return LOR_OK;
}

/* The index of f's rule in the rules array, or -1 when a rule set was given
 * that does not hold it (the result then names its rule by id alone, which
 * SARIF allows). Without a rule set, a rule is added as first seen. */
static json_int_t rule_index(lor_reporter *rep, const lor_finding *f, int *oom)
{
	sstate *st = rep->state;
	json_t *ix = json_object_get(st->index, f->rule);

	if (ix)
		return json_integer_value(ix);
	if (rep->opts.rules)
		return -1;
	if (json_array_append_new(st->seen, seen_rule_json(f)) ||
	    json_object_set_new(st->index, f->rule,
	                        json_integer((json_int_t)json_array_size(st->seen) - 1))) {
		*oom = 1;
		return -1;
	}
	return (json_int_t)json_array_size(st->seen) - 1;
}

static json_t *result_json(lor_reporter *rep, const lor_document *doc, const lor_finding *f,
                           json_t *artifact)
{
	lor_place p;
	char where[96];
	int oom = 0;
	json_int_t ix = rule_index(rep, f, &oom);
	const char *level = sarif_level(f->level), *msg = lor_reporter__message(rep, f);
	json_t *loc;

	if (oom)
		return NULL;
	/* columns are code points (run.columnKind); end_* is one past the last
	 * character, as SARIF's endColumn is; a zero-length span is an insertion
	 * point, which SARIF allows */
	loc = json_pack("[{s:{s:O, s:{s:I, s:I, s:I, s:I, s:I, s:I}}}]", "physicalLocation",
	                "artifactLocation", artifact, "region", "startLine", (json_int_t)f->span.line,
	                "startColumn", (json_int_t)f->span.column, "endLine",
	                (json_int_t)f->span.end_line, "endColumn", (json_int_t)f->span.end_column,
	                "byteOffset", (json_int_t)f->span.offset, "byteLength",
	                (json_int_t)f->span.length);
	if (!loc)
		return NULL;
	/* a document's place, which its reader sees, beside the text region */
	if (lor_reporter__place(doc, &f->span, where, sizeof(where)) &&
	    lor_document_place(doc, f->span.offset, &p)) {
		json_t *l0 = json_array_get(loc, 0);

		if (json_object_set_new(l0, "message", json_pack("{s:s}", "text", where)) ||
		    json_object_set_new(l0, "properties",
		                        json_pack("{s:s, s:I, s:I}", "part", p.part, "paragraph",
		                                  (json_int_t)p.paragraph, "page", (json_int_t)p.page))) {
			json_decref(loc);
			return NULL;
		}
	}
	if (ix < 0)
		return json_pack("{s:s, s:s, s:{s:s}, s:o}", "ruleId", f->rule, "level", level,
		                 "message", "text", msg, "locations", loc);
	return json_pack("{s:s, s:I, s:s, s:{s:s}, s:o}", "ruleId", f->rule, "ruleIndex", ix,
	                 "level", level, "message", "text", msg, "locations", loc);
}

static int file(lor_reporter *rep, const lor_report *r)
{
	sstate *st;
	json_t *artifact;
	size_t i;
	int rc = LOR_OK;

	if ((rc = start(rep)))
		return rc;
	st = rep->state;
	/* one artifact location per letter, shared by its results */
	if (!(artifact = artifact_location(st, lor_document_path(lor_report_document(r)))))
		return LOR_ENOMEM;
	for (i = 0; i < lor_report_finding_count(r) && !rc; i++) {
		const lor_finding *f = lor_report_finding(r, i);

		if (f->level < rep->opts.min_level)
			continue;
		fputs(st->results++ ? ",\n  " : "\n  ", rep->fp);
		rc = dump(rep, result_json(rep, lor_report_document(r), f, artifact));
	}
	json_decref(artifact);
	return rc;
}

/* A file that could not be checked: an error notification of the invocation. */
static int error(lor_reporter *rep, const lor_error *e)
{
	sstate *st;
	json_t *n, *phys;
	int rc;

	if ((rc = start(rep)))
		return rc;
	st = rep->state;
	n = json_pack("{s:s, s:{s:s}}", "level", "error", "message", "text", e->message);
	if (!n)
		return LOR_ENOMEM;
	if (e->path[0]) {
		phys = json_pack("{s:o}", "artifactLocation", artifact_location(st, e->path));
		if (phys && e->line &&
		    json_object_set_new(phys, "region",
		                        json_pack("{s:I, s:I}", "startLine", (json_int_t)e->line,
		                                  "startColumn", (json_int_t)(e->column ? e->column : 1)))) {
			json_decref(phys);
			phys = NULL;
		}
		/* json_pack's "o" takes phys over, on failure too */
		if (!phys ||
		    json_object_set_new(n, "locations", json_pack("[{s:o}]", "physicalLocation", phys))) {
			json_decref(n);
			return LOR_ENOMEM;
		}
	}
	return json_array_append_new(st->errors, n) ? LOR_ENOMEM : LOR_OK;
}

static int finish(lor_reporter *rep)
{
	sstate *st;
	json_t *inv;
	int rc;

	if ((rc = start(rep)))
		return rc;
	st = rep->state;
	fputs(st->results ? "\n]" : "]", rep->fp);
	if (!rep->opts.rules) {
		fputs(", ", rep->fp);
		if ((rc = write_tool(rep, st->seen)))
			return rc;
	}
	inv = json_pack("{s:b}", "executionSuccessful", rep->errors == 0);
	if (!inv)
		return LOR_ENOMEM;
	if (json_array_size(st->errors))
		json_object_set(inv, "toolExecutionNotifications", st->errors);
	fputs(", \"invocations\": [", rep->fp);
	if ((rc = dump(rep, inv)))
		return rc;
	fputs("]}]}\n", rep->fp);
	return LOR_OK;
}

static void release(lor_reporter *rep)
{
	sstate *st = rep->state;

	if (st) {
		json_decref(st->index);
		json_decref(st->seen);
		json_decref(st->errors);
		free(st->cwd);
		free(st);
	}
}

const lor_reporter_ops lor_report_sarif = { "sarif", file, error, finish, release };
