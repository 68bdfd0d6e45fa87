/* report_json.c - the JSON report of DESIGN.md section 4.
 *
 * The report is streamed: the header, then one file object per line as each
 * document is checked, so memory stays flat however many letters a run
 * covers; errors are collected (they are few) and written with the summary at
 * the end. The file objects, one per letter, are written straight into a
 * buffer by a small writer that gives the bytes jansson's json_dumpf gives
 * (compact, members in order; strings escaped as jansson escapes them, and a
 * member whose string is not valid UTF-8 left out, as json_object_set_new
 * leaves out the NULL that json_string returns): building a jansson tree per
 * letter and dumping it was an eighth of a whole run (issue 14). The rest
 * (header, errors, summary, the letter set, a real number) stays jansson's;
 * test_json checks the writer's strings against jansson's, byte for byte.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct jstate {
	json_t *errors;
	int started;
} jstate;

/* ------------------------------------------------------------- the writer */

/* The length of the UTF-8 character at s[i] (n bytes in all), or 0 when it
 * is not valid as jansson reads it: no overlong forms, no surrogates,
 * nothing above U+10FFFF. */
static size_t utf8_char(const unsigned char *s, size_t i, size_t n)
{
	unsigned c = s[i], k, cp, j;

	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (i + k > n)
		return 0;
	cp = c & (0x3Fu >> (k - 1));
	for (j = 1; j < k; j++) {
		if ((s[i + j] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i + j] & 0x3Fu);
	}
	if ((k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return k;
}

int lor_json__string(lor_buf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0, run = 0, k, at = b->len;
	char esc[8];

	if (lor_buf__add(b, "\"", 1))
		return LOR_ENOMEM;
	while (i < n) {
		const char *e = NULL;
		size_t elen = 2;

		if (!(k = utf8_char(s, i, n))) {
			b->len = at; /* as json_string: no string at all */
			return LOR_EINPUT;
		}
		if (s[i] >= 0x20 && s[i] != '"' && s[i] != '\\') {
			i += k;
			continue;
		}
		switch (s[i]) {
		case '\\': e = "\\\\"; break;
		case '"': e = "\\\""; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		default:
			snprintf(esc, sizeof(esc), "\\u%04X", (unsigned)s[i]);
			e = esc;
			elen = 6;
		}
		if (lor_buf__add(b, str + run, i - run) || lor_buf__add(b, e, elen))
			return LOR_ENOMEM;
		run = ++i;
	}
	if (lor_buf__add(b, str + run, n - run) || lor_buf__add(b, "\"", 1))
		return LOR_ENOMEM;
	return LOR_OK;
}

/* One JSON value written as it goes; first[d]: nothing yet at depth d. */
typedef struct jw {
	lor_buf b;
	unsigned char first[8];
	int depth;
	int oom;
} jw;

static void jw_add(jw *w, const char *s, size_t n)
{
	if (!w->oom && lor_buf__add(&w->b, s, n))
		w->oom = 1;
}

static void jw_sep(jw *w)
{
	if (!w->first[w->depth])
		jw_add(w, ",", 1);
	w->first[w->depth] = 0;
}

static void jw_open(jw *w, const char *key, char c)
{
	jw_sep(w);
	if (key) {
		jw_add(w, "\"", 1);
		jw_add(w, key, strlen(key));
		jw_add(w, "\":", 2);
	}
	jw_add(w, &c, 1);
	w->first[++w->depth] = 1;
}

static void jw_close(jw *w, char c)
{
	jw_add(w, &c, 1);
	w->depth--;
}

/* "key": and a value in text form (a number, true, false, null). */
static void jw_raw(jw *w, const char *key, const char *v)
{
	jw_sep(w);
	if (key) {
		jw_add(w, "\"", 1);
		jw_add(w, key, strlen(key));
		jw_add(w, "\":", 2);
	}
	jw_add(w, v, strlen(v));
}

static void jw_int(jw *w, const char *key, long long v)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", v);
	jw_raw(w, key, num);
}

/* Is str a string jansson takes (not NULL, valid UTF-8)? */
static int jw_valid(const char *str)
{
	size_t n, i, k;

	if (!str)
		return 0;
	for (n = strlen(str), i = 0; i < n; i += k)
		if (!(k = utf8_char((const unsigned char *)str, i, n)))
			return 0;
	return 1;
}

/* "key":"str"; nothing at all when str is NULL or not valid UTF-8. */
static void jw_str(jw *w, const char *key, const char *str)
{
	if (!jw_valid(str))
		return;
	jw_sep(w);
	if (key) {
		jw_add(w, "\"", 1);
		jw_add(w, key, strlen(key));
		jw_add(w, "\":", 2);
	}
	if (!w->oom && lor_json__string(&w->b, str))
		w->oom = 1;
}

/* "key": a real number, as jansson writes it. */
static void jw_real(jw *w, const char *key, double v)
{
	json_t *r = json_real(v);
	char num[64];
	size_t n = r ? json_dumpb(r, num, sizeof(num) - 1, JSON_COMPACT | JSON_ENCODE_ANY) : 0;

	json_decref(r);
	if (!n || n >= sizeof(num)) {
		w->oom = 1;
		return;
	}
	num[n] = '\0';
	jw_raw(w, key, num);
}

/* "key": a jansson value, dumped in place. */
static void jw_json(jw *w, const char *key, json_t *v)
{
	char *text = v ? json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) : NULL;

	json_decref(v);
	if (!text) {
		w->oom = 1;
		return;
	}
	jw_raw(w, key, text);
	free(text);
}

static int dump(lor_reporter *rep, json_t *v)
{
	int rc = json_dumpf(v, rep->fp, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);

	json_decref(v);
	return rc ? LOR_EIO : LOR_OK;
}

static int start(lor_reporter *rep)
{
	jstate *st = rep->state;
	json_t *tool, *v;

	if (!st) {
		if (!(st = calloc(1, sizeof(*st))) || !(st->errors = json_array())) {
			free(st);
			return LOR_ENOMEM;
		}
		rep->state = st;
	}
	if (st->started)
		return LOR_OK;
	st->started = 1;
	fputs("{\"tool\": ", rep->fp);
	tool = json_pack("{s:s, s:s}", "name", "lorlint", "version", LOR_VERSION);
	if (!tool || dump(rep, tool))
		return LOR_ENOMEM;
	fputs(", \"as_of\": ", rep->fp);
	if (!(v = json_string(rep->opts.as_of ? rep->opts.as_of : "")) || dump(rep, v))
		return LOR_ENOMEM;
	fputs(", \"profile\": ", rep->fp);
	if (!(v = json_string(rep->opts.profile ? rep->opts.profile : "residency")) || dump(rep, v))
		return LOR_ENOMEM;
	fputs(", \"files\": [", rep->fp);
	return LOR_OK;
}

static int finding(jw *w, lor_reporter *rep, const lor_report *r, const lor_finding *f)
{
	const lor_document *doc = lor_report_document(r);
	lor_place p;

	jw_open(w, NULL, '{');
	jw_str(w, "rule", f->rule);
	jw_str(w, "category", f->category);
	jw_str(w, "level", lor_level_name(f->level));
	jw_int(w, "line", (long long)f->span.line);
	jw_int(w, "column", (long long)f->span.column);
	jw_int(w, "end_line", (long long)f->span.end_line);
	jw_int(w, "end_column", (long long)f->span.end_column);
	jw_int(w, "offset", (long long)f->span.offset);
	jw_int(w, "length", (long long)f->span.length);
	/* a letter read from a document: where it is in the document */
	if (f->span.length && lor_document_place(doc, f->span.offset, &p) && jw_valid(p.part)) {
		jw_open(w, "location", '{');
		jw_str(w, "part", p.part);
		jw_int(w, "paragraph", (long long)p.paragraph);
		if (p.page)
			jw_int(w, "page", (long long)p.page);
		else
			jw_raw(w, "page", "null");
		jw_close(w, '}');
	}
	if (!rep->opts.redact) {
		lor_buf ex = LOR_BUF_INIT;

		if (lor_reporter__excerpt(doc, &f->span, 200, &ex))
			return LOR_ENOMEM;
		jw_str(w, "excerpt", ex.data);
		lor_buf__release(&ex);
	}
	jw_str(w, "message", lor_reporter__message(rep, f));
	if (f->fix)
		jw_str(w, "fix", f->fix);
	else
		jw_raw(w, "fix", "null");
	jw_close(w, '}');
	return LOR_OK;
}

static int file(lor_reporter *rep, const lor_report *r)
{
	jw w;
	int c, rc = LOR_OK;
	size_t i;
	char date[16];

	if (start(rep))
		return LOR_ENOMEM;
	memset(&w, 0, sizeof(w));
	w.b = (lor_buf)LOR_BUF_INIT;
	w.first[0] = 1;
	jw_open(&w, NULL, '{');
	jw_str(&w, "path", lor_document_path(lor_report_document(r)));
	jw_int(&w, "words", (long long)lor_report_words(r));
	if (lor_report_letter_date_iso(r, date, sizeof(date)))
		jw_str(&w, "letter_date", date);
	else
		jw_raw(&w, "letter_date", "null");
	jw_raw(&w, "judged", lor_report_not_judged(r) ? "false" : "true");
	if (lor_report_not_judged(r))
		jw_str(&w, "not_judged", lor_report_not_judged(r));
	jw_int(&w, "score", lor_report_score(r));
	jw_str(&w, "verdict", lor_verdict_name(lor_report_verdict(r)));
	if (rep->portfolio)
		jw_json(&w, "facts", lor_report__facts_json(r));
	jw_open(&w, "signals", '{');
	for (c = 0; c < LOR_SIG_COUNT; c++)
		jw_raw(&w, lor_signal_name((lor_signal)c), lor_report_signal(r, (lor_signal)c, NULL) ? "true" : "false");
	jw_close(&w, '}');
	jw_open(&w, "categories", '{');
	for (c = 0; c < LOR_CAT_COUNT; c++) {
		int sc, mx;

		lor_report_category(r, (lor_category)c, &sc, &mx);
		jw_open(&w, lor_category_name((lor_category)c), '{');
		jw_int(&w, "score", sc);
		jw_int(&w, "max", mx);
		jw_close(&w, '}');
	}
	jw_close(&w, '}');
	jw_open(&w, "languages", '[');
	for (i = 0; i < lor_report_language_count(r); i++) {
		const lor_language_span *l = lor_report_language(r, i);

		if (!jw_valid(l->lang))
			continue; /* json_pack would have failed: left out */
		jw_open(&w, NULL, '{');
		jw_int(&w, "paragraph", (long long)l->paragraph);
		jw_int(&w, "line", (long long)l->line);
		jw_str(&w, "lang", l->lang);
		jw_real(&w, "confidence", l->confidence);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_open(&w, "findings", '[');
	for (i = 0; i < lor_report_finding_count(r) && !rc; i++) {
		const lor_finding *f = lor_report_finding(r, i);

		if (f->level >= rep->opts.min_level)
			rc = finding(&w, rep, r, f);
	}
	jw_close(&w, ']');
	jw_open(&w, "points", '[');
	for (i = 0; i < lor_report_reason_count(r); i++) {
		const lor_reason *rs = lor_report_reason(r, i);

		if (!jw_valid(rs->category) || !jw_valid(rs->reason))
			continue;
		jw_open(&w, NULL, '{');
		jw_str(&w, "category", rs->category);
		jw_int(&w, "points", rs->points);
		jw_str(&w, "reason", rs->reason);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_close(&w, '}');
	if (!rc && w.oom)
		rc = LOR_ENOMEM;
	if (!rc) {
		fputs(rep->files > 1 ? ",\n  " : "\n  ", rep->fp);
		if (fwrite(w.b.data, 1, w.b.len, rep->fp) != w.b.len)
			rc = LOR_EIO;
	}
	lor_buf__release(&w.b);
	return rc;
}

static int error(lor_reporter *rep, const lor_error *e)
{
	jstate *st;
	json_t *o;

	if (start(rep))
		return LOR_ENOMEM;
	st = rep->state;
	o = json_pack("{s:s, s:s}", "path", e->path, "message", e->message);
	if (!o)
		return LOR_ENOMEM;
	if (e->line) {
		json_object_set_new(o, "line", json_integer((json_int_t)e->line));
		json_object_set_new(o, "column", json_integer((json_int_t)e->column));
	}
	return json_array_append_new(st->errors, o) ? LOR_ENOMEM : LOR_OK;
}

static int finish(lor_reporter *rep)
{
	jstate *st;
	json_t *sum;

	if (start(rep))
		return LOR_ENOMEM;
	st = rep->state;
	fputs(rep->files ? "\n]" : "]", rep->fp);
	if (rep->set_json) {
		fputs(", \"portfolio\": ", rep->fp);
		if (json_dumpf(rep->set_json, rep->fp, JSON_COMPACT | JSON_PRESERVE_ORDER))
			return LOR_EIO;
	}
	fputs(", \"errors\": ", rep->fp);
	if (json_dumpf(st->errors, rep->fp, JSON_COMPACT | JSON_PRESERVE_ORDER))
		return LOR_EIO;
	fputs(", \"summary\": ", rep->fp);
	sum = json_pack("{s:I, s:I, s:I, s:I, s:I}", "files", (json_int_t)rep->files, "strong",
	                (json_int_t)rep->verdicts[LOR_VERDICT_STRONG], "moderate",
	                (json_int_t)rep->verdicts[LOR_VERDICT_MODERATE], "weak",
	                (json_int_t)rep->verdicts[LOR_VERDICT_WEAK], "errors", (json_int_t)rep->errors);
	if (!sum || dump(rep, sum))
		return LOR_ENOMEM;
	fputs("}\n", rep->fp);
	return LOR_OK;
}

static void release(lor_reporter *rep)
{
	jstate *st = rep->state;

	if (st) {
		json_decref(st->errors);
		free(st);
	}
}

const lor_reporter_ops lor_report_json = { "json", file, error, finish, release, lor_report__portfolio_keep };
