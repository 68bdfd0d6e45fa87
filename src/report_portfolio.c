/* report_portfolio.c - the letter set as the formats show it: one JSON object, one text overview.
 *
 * The json and sarif formats carry the same "portfolio" object (the set as
 * its own object, beside the files), built here once; the text format prints
 * the overview built here after the letters (a table of the letters' facts
 * and scores, the set findings, the points, the next steps). The html format
 * writes its own overview above the letters (report_html.c). With --redact
 * no shared sentence is shown, only where it is.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const fact_columns[] = { "role", "kind", "observation", "setting", "focus", NULL };

json_t *lor_report__facts_json(const lor_report *r)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; o && i < lor_report_fact_count(r); i++)
		json_object_set_new(o, lor_report_fact(r, i)->name, json_string(lor_report_fact(r, i)->value));
	return o;
}

static const char *path_of(const lor_portfolio *pf, size_t i)
{
	return lor_document_path(lor_report_document(lor_portfolio_letter(pf, i)));
}

static json_t *pairs_json(const lor_reporter *rep, const lor_portfolio *pf, const lor_set_finding *f)
{
	json_t *a = json_array();
	size_t i, k;

	for (i = 0; a && i < f->npairs; i++) {
		const lor_set_pair *p = &f->pairs[i];
		json_t *sh = json_array();

		for (k = 0; sh && k < p->nshared; k++) {
			const lor_set_shared *s = &p->shared[k];
			json_t *o = json_pack("{s:I, s:I, s:f}", "a_line", (json_int_t)s->a_line, "b_line",
			                      (json_int_t)s->b_line, "similarity", s->similarity);

			if (o && !rep->opts.redact) {
				json_object_set_new(o, "a_text", json_string(s->a_text));
				json_object_set_new(o, "b_text", json_string(s->b_text));
			}
			json_array_append_new(sh, o);
		}
		json_array_append_new(a, json_pack("{s:s, s:s, s:f, s:o}", "a", path_of(pf, p->a), "b",
		                                   path_of(pf, p->b), "similarity", p->similarity, "shared",
		                                   sh ? sh : json_array()));
	}
	return a;
}

json_t *lor_report__portfolio_json(const lor_reporter *rep, const lor_portfolio *pf)
{
	json_t *o = json_object(), *letters = json_array(), *finds = json_array(), *pts = json_array(),
	       *steps = json_array();
	size_t i, k;

	if (!o || !letters || !finds || !pts || !steps) {
		json_decref(o);
		json_decref(letters);
		json_decref(finds);
		json_decref(pts);
		json_decref(steps);
		return NULL;
	}
	json_object_set_new(o, "profile", json_string(lor_portfolio_profile(pf)));
	json_object_set_new(o, "score", json_integer(lor_portfolio_score(pf)));
	json_object_set_new(o, "verdict", json_string(lor_verdict_name(lor_portfolio_verdict(pf))));
	for (i = 0; i < lor_portfolio_letter_count(pf); i++) {
		const lor_report *r = lor_portfolio_letter(pf, i);

		json_array_append_new(letters, json_pack("{s:s, s:o, s:i, s:s}", "path", path_of(pf, i), "facts",
		                                         lor_report__facts_json(r), "score", lor_report_score(r),
		                                         "verdict", lor_verdict_name(lor_report_verdict(r))));
	}
	json_object_set_new(o, "letters", letters);
	for (i = 0; i < lor_portfolio_finding_count(pf); i++) {
		const lor_set_finding *f = lor_portfolio_finding(pf, i);
		json_t *fo = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s}", "id", f->id, "check", f->check,
		                       "points", f->points, "message", f->message, "fix", f->fix, "next",
		                       f->next, "source", f->source);
		json_t *which = json_array();

		for (k = 0; which && k < f->nletters; k++)
			json_array_append_new(which, json_string(path_of(pf, f->letters[k])));
		if (fo) {
			json_object_set_new(fo, "letters", which ? which : json_array());
			if (f->npairs)
				json_object_set_new(fo, "pairs", pairs_json(rep, pf, f));
		} else {
			json_decref(which);
		}
		json_array_append_new(finds, fo);
	}
	json_object_set_new(o, "findings", finds);
	for (i = 0; i < lor_portfolio_reason_count(pf); i++) {
		const lor_reason *rs = lor_portfolio_reason(pf, i);

		json_array_append_new(pts, json_pack("{s:s, s:i, s:s}", "category", rs->category, "points",
		                                     rs->points, "reason", rs->reason));
	}
	json_object_set_new(o, "points", pts);
	for (i = 0; i < lor_portfolio_step_count(pf); i++)
		json_array_append_new(steps, json_string(lor_portfolio_step(pf, i)));
	json_object_set_new(o, "next_steps", steps);
	return o;
}

/* ------------------------------------------------------------------ text */

static int text_pairs(const lor_reporter *rep, const lor_portfolio *pf, const lor_set_finding *f,
                      lor_buf *b)
{
	size_t i, k;

	for (i = 0; i < f->npairs; i++) {
		const lor_set_pair *p = &f->pairs[i];

		if (lor_buf__addf(b, "        %s and %s (letters %.2f alike):\n", path_of(pf, p->a),
		                  path_of(pf, p->b), p->similarity))
			return LOR_ENOMEM;
		for (k = 0; k < p->nshared; k++) {
			const lor_set_shared *s = &p->shared[k];
			int rc = rep->opts.redact
			         ? lor_buf__addf(b, "          line %zu ~ line %zu (%.2f)\n", s->a_line, s->b_line,
			                         s->similarity)
			         : lor_buf__addf(b, "          line %zu: \"%s\"\n          line %zu: \"%s\" (%.2f)\n",
			                         s->a_line, s->a_text, s->b_line, s->b_text, s->similarity);
			if (rc)
				return LOR_ENOMEM;
		}
	}
	return LOR_OK;
}

int lor_report__portfolio_text(const lor_reporter *rep, const lor_portfolio *pf, lor_buf *b)
{
	size_t i, k, w = 6;

	for (i = 0; i < lor_portfolio_letter_count(pf); i++)
		if (strlen(path_of(pf, i)) > w)
			w = strlen(path_of(pf, i));
	if (lor_buf__addf(b, "Letter set: score %d/100  %s  (profile %s, %zu letters)\n",
	                  lor_portfolio_score(pf), lor_verdict_name(lor_portfolio_verdict(pf)),
	                  lor_portfolio_profile(pf), lor_portfolio_letter_count(pf)) ||
	    lor_buf__addf(b, "  %-*s  %-19s %-11s %-11s %-7s %5s  %s\n", (int)w, "letter", "role", "kind",
	                  "observation", "setting", "score", "verdict"))
		return LOR_ENOMEM;
	for (i = 0; i < lor_portfolio_letter_count(pf); i++) {
		const lor_report *r = lor_portfolio_letter(pf, i);
		const char *v[5];

		for (k = 0; fact_columns[k]; k++)
			v[k] = lor_report_fact_value(r, fact_columns[k]) ? lor_report_fact_value(r, fact_columns[k]) : "-";
		if (lor_buf__addf(b, "  %-*s  %-19s %-11s %-11s %-7s %5d  %s\n", (int)w, path_of(pf, i), v[0], v[1],
		                  v[2], v[3], lor_report_score(r), lor_verdict_name(lor_report_verdict(r))))
			return LOR_ENOMEM;
	}
	if (lor_buf__adds(b, lor_portfolio_finding_count(pf) ? "  set findings:\n" : "  set findings: none\n"))
		return LOR_ENOMEM;
	for (i = 0; i < lor_portfolio_finding_count(pf); i++) {
		const lor_set_finding *f = lor_portfolio_finding(pf, i);

		if (lor_buf__addf(b, "  %+4d %s: %s\n        fix: %s\n        source: %s\n", f->points, f->id,
		                  f->message, f->fix, f->source) ||
		    text_pairs(rep, pf, f, b))
			return LOR_ENOMEM;
	}
	if (lor_buf__adds(b, "  points:\n"))
		return LOR_ENOMEM;
	for (i = 0; i < lor_portfolio_reason_count(pf); i++) {
		const lor_reason *rs = lor_portfolio_reason(pf, i);

		if (lor_buf__addf(b, "  %+4d %-16s %s\n", rs->points, rs->category, rs->reason))
			return LOR_ENOMEM;
	}
	for (i = 0; i < lor_portfolio_step_count(pf); i++)
		if (lor_buf__addf(b, "%s  %zu. %s\n", i ? "" : "  next steps:\n", i + 1, lor_portfolio_step(pf, i)))
			return LOR_ENOMEM;
	return lor_buf__adds(b, "\n");
}

int lor_report__portfolio_keep(lor_reporter *rep, const lor_portfolio *pf)
{
	json_decref(rep->set_json);
	rep->set_json = lor_report__portfolio_json(rep, pf);
	return rep->set_json ? LOR_OK : LOR_ENOMEM;
}

/* The set rendered by a format and waiting for finish(), freed with the reporter. */
void lor_report__set_release(lor_reporter *rep)
{
	json_decref(rep->set_json);
	free(rep->set_text);
	rep->set_json = NULL;
	rep->set_text = NULL;
}
