/* report_json.c - the JSON report of DESIGN.md section 4, built with jansson.
 *
 * The report is streamed: the header, then one file object per line as each
 * document is checked, so memory stays flat however many letters a run
 * covers; errors are collected (they are few) and written with the summary at
 * the end. jansson does all escaping; nothing here writes a string by hand.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct jstate {
	json_t *errors;
	int started;
} jstate;

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

static json_t *finding_json(lor_reporter *rep, const lor_report *r, const lor_finding *f)
{
	json_t *o = json_object();
	lor_buf ex = LOR_BUF_INIT;

	if (!o)
		return NULL;
	json_object_set_new(o, "rule", json_string(f->rule));
	json_object_set_new(o, "category", json_string(f->category));
	json_object_set_new(o, "level", json_string(lor_level_name(f->level)));
	json_object_set_new(o, "line", json_integer((json_int_t)f->span.line));
	json_object_set_new(o, "column", json_integer((json_int_t)f->span.column));
	json_object_set_new(o, "end_line", json_integer((json_int_t)f->span.end_line));
	json_object_set_new(o, "end_column", json_integer((json_int_t)f->span.end_column));
	json_object_set_new(o, "offset", json_integer((json_int_t)f->span.offset));
	json_object_set_new(o, "length", json_integer((json_int_t)f->span.length));
	{
		/* a letter read from a document: where it is in the document */
		const lor_document *doc = lor_report_document(r);
		lor_place p;

		if (f->span.length && lor_document_place(doc, f->span.offset, &p))
			json_object_set_new(o, "location", json_pack("{s:s, s:I, s:o}", "part", p.part, "paragraph",
			                                             (json_int_t)p.paragraph, "page",
			                                             p.page ? json_integer((json_int_t)p.page)
			                                                    : json_null()));
	}
	if (!rep->opts.redact) {
		if (lor_reporter__excerpt(lor_report_document(r), &f->span, 200, &ex)) {
			json_decref(o);
			return NULL;
		}
		json_object_set_new(o, "excerpt", json_string(ex.data));
		lor_buf__release(&ex);
	}
	json_object_set_new(o, "message", json_string(lor_reporter__message(rep, f)));
	json_object_set_new(o, "fix", f->fix ? json_string(f->fix) : json_null());
	return o;
}

static int file(lor_reporter *rep, const lor_report *r)
{
	jstate *st;
	json_t *o, *sig, *cats, *langs, *finds, *pts;
	int c;
	size_t i;
	char date[16];

	if (start(rep))
		return LOR_ENOMEM;
	st = rep->state;
	if (!(o = json_object()))
		return LOR_ENOMEM;
	json_object_set_new(o, "path", json_string(lor_document_path(lor_report_document(r))));
	json_object_set_new(o, "words", json_integer((json_int_t)lor_report_words(r)));
	if (lor_report_letter_date_iso(r, date, sizeof(date))) {
		json_object_set_new(o, "letter_date", json_string(date));
	} else {
		json_object_set_new(o, "letter_date", json_null());
	}
	json_object_set_new(o, "judged", json_boolean(!lor_report_not_judged(r)));
	if (lor_report_not_judged(r))
		json_object_set_new(o, "not_judged", json_string(lor_report_not_judged(r)));
	json_object_set_new(o, "score", json_integer(lor_report_score(r)));
	json_object_set_new(o, "verdict", json_string(lor_verdict_name(lor_report_verdict(r))));
	sig = json_object();
	for (c = 0; c < LOR_SIG_COUNT; c++)
		json_object_set_new(sig, lor_signal_name((lor_signal)c),
		                    json_boolean(lor_report_signal(r, (lor_signal)c, NULL)));
	json_object_set_new(o, "signals", sig);
	cats = json_object();
	for (c = 0; c < LOR_CAT_COUNT; c++) {
		int sc, mx;

		lor_report_category(r, (lor_category)c, &sc, &mx);
		json_object_set_new(cats, lor_category_name((lor_category)c),
		                    json_pack("{s:i, s:i}", "score", sc, "max", mx));
	}
	json_object_set_new(o, "categories", cats);
	langs = json_array();
	for (i = 0; i < lor_report_language_count(r); i++) {
		const lor_language_span *l = lor_report_language(r, i);

		json_array_append_new(langs, json_pack("{s:I, s:I, s:s, s:f}", "paragraph",
		                                       (json_int_t)l->paragraph, "line", (json_int_t)l->line,
		                                       "lang", l->lang, "confidence", l->confidence));
	}
	json_object_set_new(o, "languages", langs);
	finds = json_array();
	for (i = 0; i < lor_report_finding_count(r); i++) {
		const lor_finding *f = lor_report_finding(r, i);

		if (f->level < rep->opts.min_level)
			continue;
		json_array_append_new(finds, finding_json(rep, r, f));
	}
	json_object_set_new(o, "findings", finds);
	pts = json_array();
	for (i = 0; i < lor_report_reason_count(r); i++) {
		const lor_reason *rs = lor_report_reason(r, i);

		json_array_append_new(pts, json_pack("{s:s, s:i, s:s}", "category", rs->category,
		                                     "points", rs->points, "reason", rs->reason));
	}
	json_object_set_new(o, "points", pts);
	fputs(rep->files > 1 ? ",\n  " : "\n  ", rep->fp);
	(void)st;
	return dump(rep, o);
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
	fputs(rep->files ? "\n], \"errors\": " : "], \"errors\": ", rep->fp);
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

const lor_reporter_ops lor_report_json = { "json", file, error, finish, release };
