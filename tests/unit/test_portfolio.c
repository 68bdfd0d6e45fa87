/* test_portfolio.c - letter sets: shingles, template detection, set scoring, letter facts, profile errors. */
#include "harness.h"
#include "internal.h"

/* The built-in rules plus a fixture folder (its letter-set profiles). */
static lor_ruleset *with_fixture(const char *dir)
{
	lor_ruleset_options o = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;
	const char *dirs[1];
	char buf[2200];

	dirs[0] = dir;
	o.dirs = dirs;
	o.ndirs = 1;
	if (lor_ruleset_load(&rs, &o, &err))
		fail_msg("%s", lor_error_format(&err, buf, sizeof(buf)));
	return rs;
}

/* Word spans of a plain ASCII string: words are runs of letters. */
static size_t words_of(const char *s, size_t *ws, size_t *we, size_t max)
{
	size_t i = 0, n = 0;

	while (s[i] && n < max) {
		while (s[i] == ' ')
			i++;
		if (!s[i])
			break;
		ws[n] = i;
		while (s[i] && s[i] != ' ')
			i++;
		we[n++] = i;
	}
	return n;
}

static void shingles_of(const char *s, size_t k, uint64_t **out, size_t *n)
{
	size_t ws[64], we[64], nw = words_of(s, ws, we, 64);

	assert_int_equal(lor_portfolio__shingles(s, ws, we, nw, k, out, n), LOR_OK);
}

static void test_shingles_fold_case_and_count_runs(void **state)
{
	uint64_t *a, *b, *c;
	size_t na, nb, nc;

	(void)state;
	shingles_of("the cat sat on the mat", 3, &a, &na);
	shingles_of("THE Cat SAT on THE mat", 3, &b, &nb);
	assert_int_equal(na, 4); /* six words, runs of three */
	assert_int_equal(nb, 4);
	assert_true(lor_portfolio__jaccard(a, na, b, nb) == 1.0);
	shingles_of("two words", 3, &c, &nc); /* fewer words than a shingle */
	assert_null(c);
	assert_int_equal(nc, 0);
	free(a);
	free(b);
	/* a repeated run counts once */
	shingles_of("a b c a b c", 3, &a, &na);
	assert_int_equal(na, 3); /* abc, bca, cab */
	free(a);
}

static void test_jaccard(void **state)
{
	uint64_t a[] = { 1, 2, 3, 4 }, b[] = { 3, 4, 5, 6 }, c[] = { 7, 8 };

	(void)state;
	assert_true(lor_portfolio__jaccard(a, 4, a, 4) == 1.0);
	assert_true(lor_portfolio__jaccard(a, 4, c, 2) == 0.0);
	assert_true(lor_portfolio__jaccard(a, 4, b, 4) == 2.0 / 6.0);
	assert_true(lor_portfolio__jaccard(NULL, 0, NULL, 0) == 0.0);
}

static lor_report *check_text(const lor_ruleset *rs, const char *path, const char *text, lor_document **doc)
{
	lor_error err;

	assert_int_equal(lor_document_new(doc, path, text, strlen(text), &err), LOR_OK);
	return h_check(rs, *doc);
}

static const lor_set_finding *finding(const lor_portfolio *pf, const char *id)
{
	size_t i;

	for (i = 0; i < lor_portfolio_finding_count(pf); i++)
		if (!strcmp(lor_portfolio_finding(pf, i)->id, id))
			return lor_portfolio_finding(pf, i);
	return NULL;
}

/* Two letters from one template: names and a word or two changed. */
static const char *const tmpl_a =
	"Dear Program Director,\n\nIt is my great pleasure to recommend Dr. Lina Haddad for your internal "
	"medicine residency program.\n\nShe demonstrated excellent clinical skills and a genuine commitment to "
	"patient care during her rotation with us. She communicates clearly with patients and their families and "
	"works well with the nurses. Please do not hesitate to contact me with any questions about her work.\n\n"
	"Sincerely,\nDr. A. One\nAttending Physician\n";
static const char *const tmpl_b =
	"Dear Program Director,\n\nIt is my great pleasure to recommend Dr. Lina Haddad for your pediatrics "
	"residency program.\n\nShe demonstrated excellent clinical skills and a real commitment to patient care "
	"during her rotation with us. She communicates clearly with patients and their families and works well "
	"with the nurses. Please do not hesitate to contact me with any questions about her work.\n\n"
	"Sincerely,\nDr. B. Two\nConsultant Physician\n";

/* The two templated letters judged under the fixture profile "basic". */
typedef struct tmpl_set {
	lor_ruleset *rs;
	lor_document *doc[2];
	const lor_report *r[2];
	lor_portfolio *pf;
} tmpl_set;

static void tmpl_judge(tmpl_set *t)
{
	lor_error err;

	t->rs = with_fixture("tests/fixtures/rules/sets-basic");
	t->r[0] = check_text(t->rs, "a.txt", tmpl_a, &t->doc[0]);
	t->r[1] = check_text(t->rs, "b.txt", tmpl_b, &t->doc[1]);
	assert_int_equal(lor_portfolio_judge(&t->pf, t->rs, "basic", t->r, 2, &err), LOR_OK);
}

static void tmpl_release(tmpl_set *t)
{
	lor_portfolio_free(t->pf);
	lor_report_free((lor_report *)t->r[0]);
	lor_report_free((lor_report *)t->r[1]);
	lor_document_free(t->doc[0]);
	lor_document_free(t->doc[1]);
	lor_ruleset_free(t->rs);
}

static void test_template_found_with_shared_sentences(void **state)
{
	tmpl_set t;
	lor_portfolio *pf;
	const lor_set_finding *f;
	size_t k;

	(void)state;
	tmpl_judge(&t);
	pf = t.pf;
	assert_non_null(f = finding(pf, "tmpl"));
	assert_string_equal(f->check, "templated");
	assert_int_equal(f->npairs, 1);
	assert_int_equal(f->pairs[0].a, 0);
	assert_int_equal(f->pairs[0].b, 1);
	/* the opening, the care sentence and the communication sentence; the
	 * boilerplate "do not hesitate" sentence is not compared */
	assert_int_equal(f->pairs[0].nshared, 3);
	for (k = 0; k < f->pairs[0].nshared; k++) {
		assert_true(f->pairs[0].shared[k].similarity >= 0.5);
		assert_null(strstr(f->pairs[0].shared[k].a_text, "hesitate"));
	}
	assert_string_equal(f->pairs[0].shared[2].a_text,
	                    "She communicates clearly with patients and their families and works well with the nurses.");
	assert_string_equal(f->message, "templated: a.txt and b.txt");
	/* a templated pair is not also a repeated sentence */
	assert_null(finding(pf, "repeat"));
	tmpl_release(&t);
}

/* Two honest letters about the same observership share names and places,
 * not sentences: neither templated nor repeated. */
static void test_same_rotation_is_not_templated(void **state)
{
	lor_ruleset *rs = with_fixture("tests/fixtures/rules/sets-basic");
	lor_document *d[2] = { NULL, NULL };
	const lor_report *r[2];
	const char *paths[2] = { "corpus/portfolios/letters/n11-rotation-attending.txt",
		                 "corpus/portfolios/letters/n12-rotation-fellow-pharmacist.txt" };
	lor_portfolio *pf = NULL;
	lor_error err;
	int i;

	(void)state;
	for (i = 0; i < 2; i++) {
		assert_int_equal(lor_document_read(&d[i], paths[i], &err), LOR_OK);
		r[i] = h_check(rs, d[i]);
	}
	assert_int_equal(lor_portfolio_judge(&pf, rs, "basic", r, 2, &err), LOR_OK);
	assert_null(finding(pf, "tmpl"));
	assert_null(finding(pf, "repeat"));
	lor_portfolio_free(pf);
	for (i = 0; i < 2; i++) {
		lor_report_free((lor_report *)r[i]);
		lor_document_free(d[i]);
	}
	lor_ruleset_free(rs);
}

/* The set score is the mean of the letters' scores plus each finding's
 * points, clamped; findings and next steps most costly first. */
static void test_set_score_is_explained(void **state)
{
	tmpl_set t;
	const lor_report *const *r;
	lor_portfolio *pf;
	size_t i;
	int mean, want, sum = 0;

	(void)state;
	tmpl_judge(&t);
	pf = t.pf;
	r = t.r;
	mean = (lor_report_score(r[0]) + lor_report_score(r[1]) + 1) / 2;
	/* two letters (few: -7), both clinical-kind letters by their evidence, and
	 * templated (-11) */
	assert_non_null(finding(pf, "few"));
	assert_string_equal(finding(pf, "few")->message, "2 letters, want 3");
	assert_string_equal(lor_report_fact_value(r[0], "kind"), "clinical");
	assert_null(finding(pf, "clinical"));
	assert_int_equal(lor_portfolio_reason(pf, 0)->points, mean);
	assert_string_equal(lor_portfolio_reason(pf, 0)->category, "letters");
	for (i = 0; i < lor_portfolio_finding_count(pf); i++) {
		sum += lor_portfolio_finding(pf, i)->points;
		assert_int_equal(lor_portfolio_reason(pf, i + 1)->points, lor_portfolio_finding(pf, i)->points);
		if (i)
			assert_true(lor_portfolio_finding(pf, i - 1)->points <= lor_portfolio_finding(pf, i)->points);
	}
	want = mean + sum < 0 ? 0 : mean + sum > 100 ? 100 : mean + sum;
	assert_int_equal(lor_portfolio_score(pf), want);
	assert_int_equal(lor_portfolio_verdict(pf), want >= 60 ? LOR_VERDICT_STRONG : want >= 30
	                                                      ? LOR_VERDICT_MODERATE : LOR_VERDICT_WEAK);
	assert_string_equal(lor_portfolio_finding(pf, 0)->id, "tmpl");
	assert_string_equal(lor_portfolio_step(pf, 0), "rewrite a.txt and b.txt");
	assert_true(lor_portfolio_step_count(pf) <= 3);
	tmpl_release(&t);
}

static void test_facts_of_a_letter(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_document *doc = h_doc("October 1, 2026\n\nDear Program Director,\n\nAlthough I did not work with "
	                          "her directly, her teachers speak highly of her, and she was punctual and "
	                          "respectful.\n\nI recommend her.\n\nSincerely,\nProf. D. Karimova\nDean, "
	                          "Faculty of Medicine\n");
	lor_report *r = h_check(rs, doc);

	(void)state;
	assert_string_equal(lor_report_fact_value(r, "role"), "chair_dean");
	assert_string_equal(lor_report_fact_value(r, "observation"), "title_only");
	assert_string_equal(lor_report_fact_value(r, "setting"), "outside");
	assert_null(lor_report_fact_value(r, "no_such_fact"));
	/* facts are sorted by name and never make a finding */
	assert_true(lor_report_fact_count(r) >= 4);
	assert_true(strcmp(lor_report_fact(r, 0)->name, lor_report_fact(r, 1)->name) < 0);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void test_judge_errors(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_document *doc = h_doc("Dear Program Director,\n\nShe is kind.\n");
	const lor_report *r[1];
	lor_portfolio *pf = NULL;
	lor_error err;

	(void)state;
	r[0] = h_check(rs, doc);
	assert_int_equal(lor_portfolio_judge(&pf, rs, "feedback", r, 1, &err), LOR_ENOTFOUND);
	assert_string_equal(err.message, "no letter-set profile 'feedback' (rules/sets/feedback.yml) for --portfolio");
	assert_int_equal(lor_portfolio_judge(&pf, rs, NULL, r, 0, &err), LOR_EARG);
	assert_null(pf);
	{ /* more letters than one applicant has: refused before any is read */
		const lor_report *many[LOR_PORTFOLIO_MAX + 1] = { NULL };

		assert_int_equal(lor_portfolio_judge(&pf, rs, NULL, many, LOR_PORTFOLIO_MAX + 1, &err), LOR_EARG);
		assert_string_equal(err.message, "a portfolio is one applicant's letters: 257 given, at most 256 are compared");
		assert_null(pf);
	}
	lor_report_free((lor_report *)r[0]);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

static void load_fails(const char *dir, const char *want)
{
	lor_ruleset_options o = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;
	const char *dirs[1];
	char buf[2200];

	dirs[0] = dir;
	o.builtin = 0;
	o.dirs = dirs;
	o.ndirs = 1;
	assert_int_equal(lor_ruleset_load(&rs, &o, &err), LOR_ERULE);
	assert_string_equal(lor_error_format(&err, buf, sizeof(buf)), want);
}

static void test_profile_and_fact_rule_errors(void **state)
{
	(void)state;
	load_fails("tests/fixtures/rules/sets-bad",
	           "tests/fixtures/rules/sets-bad/sets/residency.yml:3:5: error: a 'letters' check needs 'fact' or "
	           "'signal' (one of them)");
	load_fails("tests/fixtures/rules/fact-bad",
	           "tests/fixtures/rules/fact-bad/x/Role.yml:6:9: error: a 'default: true' fact rule has no "
	           "'tokens': it names the value when no rule of the fact matched");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shingles_fold_case_and_count_runs),
		cmocka_unit_test(test_jaccard),
		cmocka_unit_test(test_template_found_with_shared_sentences),
		cmocka_unit_test(test_same_rotation_is_not_templated),
		cmocka_unit_test(test_set_score_is_explained),
		cmocka_unit_test(test_facts_of_a_letter),
		cmocka_unit_test(test_judge_errors),
		cmocka_unit_test(test_profile_and_fact_rule_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
