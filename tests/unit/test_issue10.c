/* test_issue10.c - judgement on letters written by other people: word classes, letters not in
 * English, translations, word counts, profile levels and conditions, honest dates.
 *
 * Each test checks one behaviour through the public API with the built-in
 * rules (or a fixture rule directory), so that a rule file or a profile that
 * drifts is caught with the phenomenon's name, not only by a corpus figure.
 */
#include "harness.h"


static int has_finding(const lor_report *r, const char *rule, const char *needle, lor_level *level)
{
	size_t i;

	for (i = 0; i < lor_report_finding_count(r); i++) {
		const lor_finding *f = lor_report_finding(r, i);

		if (!strcmp(f->rule, rule) && (!needle || strstr(f->message, needle))) {
			if (level)
				*level = f->level;
			return 1;
		}
	}
	return 0;
}

static size_t count_findings(const lor_report *r, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < lor_report_finding_count(r); i++)
		n += !strcmp(lor_report_finding(r, i)->rule, rule);
	return n;
}

/* A class defined once is used by a rule as {NAME}; classes nest; the
 * built-in classes describe themselves and run their examples. */
static void test_word_classes(void **state)
{
	lor_ruleset *rs = h_rules("tests/fixtures/rules/classes-ok");
	lor_error err;
	lor_document *doc;
	lor_report *r;
	lor_class_info c;
	long k;

	(void)state;
	assert_int_equal(lor_ruleset_class_count(rs), 2);
	k = lor_ruleset_find_class(rs, "SPAN");
	assert_true(k >= 0);
	assert_int_equal(lor_ruleset_class(rs, (size_t)k, &c), LOR_OK);
	assert_int_equal(c.nmembers, 2);
	assert_string_equal(c.members[0], "{UNIT_COUNT} (?:weeks?|months?|summers?)");
	assert_int_equal(lor_ruleset_class_selftest(rs, (size_t)k, &err), LOR_OK);
	doc = h_doc("She was in my lab for two summers and for the whole academic year, not for two apples.");
	r = h_check(rs, doc);
	assert_int_equal(count_findings(r, "fx.Span"), 2);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);

	rs = h_rules(NULL);
	assert_true(lor_ruleset_find_class(rs, "DURATION") >= 0);
	assert_true(lor_ruleset_find_class(rs, "RELATION") >= 0);
	assert_true(lor_ruleset_find_class(rs, "duration") >= 0); /* found case-insensitively */
	lor_ruleset_free(rs);
}

/* A class whose example is wrong is caught by the self-test, naming it. */
static void test_class_selftest_catches(void **state)
{
	lor_ruleset *rs = h_rules("tests/fixtures/rules/classes-wrong");
	lor_error err;
	long k;

	(void)state;
	k = lor_ruleset_find_class(rs, "WRONG");
	assert_true(k >= 0);
	assert_int_equal(lor_ruleset_class_selftest(rs, (size_t)k, &err), LOR_ERULE);
	assert_string_equal(err.message, "word class 'WRONG' does not match its example 1: 'three weeks'");
	lor_ruleset_free(rs);
}

/* A letter wholly in another language is not judged as an English letter:
 * no "never says that you recommend", and the report says why. */
static void test_foreign_letter_not_judged(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_document *doc = h_doc(
		"Bogotá, 3 de octubre de 2026\n\nEstimado Director del Programa:\n\n"
		"Me permito presentar al Dr. Andrés Giraldo, médico egresado de la Universidad del Altiplano, "
		"quien desea realizar su residencia en medicina interna en su institución. Lo conozco desde hace "
		"varios años y siempre ha demostrado respeto por los pacientes y por sus compañeros.\n\n"
		"Por estas razones, lo recomiendo para su programa de residencia. Quedo atenta a cualquier "
		"información adicional que necesiten.\n\nCordialmente,\n\nDra. Luz Marina Cárdenas\n");
	lor_report *r = h_check(rs, doc);

	(void)state;
	assert_non_null(lor_report_not_judged(r));
	assert_non_null(strstr(lor_report_not_judged(r), "Spanish"));
	assert_true(lor_report_signal(r, LOR_SIG_NON_ENGLISH, NULL));
	assert_false(has_finding(r, "lorlint.ExplicitEndorsement", NULL, NULL));
	assert_false(has_finding(r, "lorlint.ObservationContext", NULL, NULL));
	assert_int_equal(count_findings(r, "lorlint.NonEnglish"), 1); /* one passage, one finding */
	assert_int_equal(lor_report_verdict(r), LOR_VERDICT_WEAK);
	lor_report_free(r);
	lor_document_free(doc);

	doc = h_doc("I recommend her without reservation. She worked on my ward for four weeks in 2026.\n");
	r = h_check(rs, doc);
	assert_null(lor_report_not_judged(r));
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

/* An English letter published with its translation: the translation is one
 * finding whose message recognises a translation, and it does not lengthen
 * the letter. */
static void test_translation_is_one_finding(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	const char *en =
		"Dear Committee,\n\n"
		"I am writing to recommend Dr. Ana Souza, who worked with us for two years in the internal medicine "
		"department of our hospital. She is careful with patients and she wrote the ward's new discharge "
		"protocol, which the nurses still use. I supervised her on every ward round and I recommend her "
		"without reservation for your residency program.\n\n"
		"She presented her audit of readmissions at our regional meeting and answered every question with "
		"care.\n\n";
	const char *pt =
		"Prezada Comissão,\n\n"
		"Escrevo para recomendar a Dra. Ana Souza, que trabalhou conosco durante dois anos no departamento "
		"de clínica médica do nosso hospital. Ela é cuidadosa com os pacientes e escreveu o novo protocolo "
		"de alta da enfermaria, que as enfermeiras ainda usam. Eu a supervisionei em todas as visitas e a "
		"recomendo sem reservas para o seu programa de residência.\n\n"
		"Ela apresentou a sua auditoria de readmissões na nossa reunião regional e respondeu a todas as "
		"perguntas com cuidado.\n\nSincerely,\n\nDr. Paulo Lima\n";
	char *text = malloc(strlen(en) + strlen(pt) + 1);
	lor_document *doc;
	lor_report *r;

	(void)state;
	assert_non_null(text);
	strcpy(text, en);
	strcat(text, pt);
	doc = h_doc(text);
	r = h_check(rs, doc);
	assert_null(lor_report_not_judged(r));
	assert_true(lor_report_signal(r, LOR_SIG_NON_ENGLISH, NULL));
	assert_int_equal(count_findings(r, "lorlint.NonEnglish"), 1);
	assert_true(has_finding(r, "lorlint.NonEnglish", "translation", NULL));
	assert_true(lor_report_signal(r, LOR_SIG_EXPLICIT_ENDORSEMENT, NULL));
	lor_report_free(r);
	lor_document_free(doc);
	free(text);
	lor_ruleset_free(rs);
}

/* A lone sentence of plain English among English paragraphs is never
 * another language, however many loanwords and names it carries. */
static void test_lone_sentence_needs_overwhelming_evidence(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_document *doc = h_doc(
		"Dear Committee,\n\n"
		"I supervised Dr. Mensah for four weeks on our general medicine ward in October 2026.\n\n"
		"She presented a case of tuberculous meningitis at grand rounds, with the differential laid out "
		"clearly.\n\n"
		"Comme il faut, she arrived prepared.\n\n"
		"Her notes were complete and her plans were sound.\n\n"
		"I recommend her without reservation.\n\nSincerely,\nDr. A. Brown\n");
	lor_report *r = h_check(rs, doc);

	(void)state;
	assert_false(lor_report_signal(r, LOR_SIG_NON_ENGLISH, NULL));
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

/* Words are counted as a reader counts them: Han characters two to a word;
 * short_letter counts the body, not the letterhead and signature. */
static void test_word_counts(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_document *doc = h_doc("\xe6\x88\x91\xe5\xbe\x88\xe9\xab\x98\xe5\x85\xb4\xe6\x8e\xa8\xe8\x8d\x90"
	                          "\xe4\xbb\x96\xe3\x80\x82 Dr. Wang"); /* 8 Han characters, then two words */
	lor_report *r = h_check(rs, doc);
	lor_level level;

	(void)state;
	assert_int_equal(lor_report_words(r), 4 + 2);
	lor_report_free(r);
	lor_document_free(doc);

	doc = h_doc("Department of Medicine\nCity Hospital\n12 Main Street\nSpringfield, IL 62701\n"
	            "Phone 555 0100\nFax 555 0101\n\nDear Committee,\n\n"
	            "I recommend Dr. Ruiz for your program. She worked with me for two years.\n\n"
	            "Sincerely,\n\nDr. Ana Example\nProfessor of Medicine\nCity Hospital\n");
	r = h_check(rs, doc);
	assert_true(has_finding(r, "lorlint.ShortLetter", "body has 16 words", &level));
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

/* Residency: a letter with the four strengths and examples of clinical work
 * is strong without informatics, and the missing informatics example is a
 * suggestion; fellowship still asks for it, as a warning. A ranking-discount
 * reason appears only where there is a ranking. */
static void test_profiles_fit_the_letter(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_document *doc = h_doc(
		"October 14, 2026\n\nDear Program Director,\n\n"
		"I supervised Dr. Okafor as her attending for all four weeks of her internal medicine "
		"sub-internship on our inpatient service in September 2026.\n\n"
		"One night she admitted a 67-year-old man with fever and back pain, recognised an epidural abscess "
		"before the imaging, and had neurosurgery at the bedside within the hour. She wrote the handover "
		"checklist that our residents still use, and she taught the new interns how to present a patient "
		"on rounds in under three minutes. On a busy weekend she ran the ward list with two interns, kept "
		"every family informed, and left a clear plan for each of her fourteen patients. Her notes were "
		"the ones the night team read first. She asked for feedback after every case and acted on it the "
		"next day, and by the last week she was leading the morning round herself.\n\n"
		"Of the 40 students I have supervised in ten years, she is in the top 5 percent.\n\n"
		"I recommend her without reservation for your internal medicine residency.\n\nSincerely,\nDr. B\n");
	lor_report *r = h_check(rs, doc);
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_level level = LOR_LEVEL_ERROR;
	lor_error err;
	size_t i;

	(void)state;
	assert_int_equal(lor_report_verdict(r), LOR_VERDICT_STRONG);
	assert_false(lor_report_signal(r, LOR_SIG_CONCRETE_INFORMATICS_EXAMPLE, NULL));
	assert_true(has_finding(r, "lorlint.ConcreteInformaticsExample", NULL, &level));
	assert_int_equal(level, LOR_LEVEL_SUGGESTION);
	lor_report_free(r);

	o.as_of_year = 2026;
	o.as_of_month = 11;
	o.as_of_day = 27;
	o.profile = "fellowship";
	assert_int_equal(lor_check(&r, rs, doc, &o, &err), LOR_OK);
	assert_true(has_finding(r, "lorlint.ConcreteInformaticsExample", NULL, &level));
	assert_int_equal(level, LOR_LEVEL_WARNING);
	assert_int_not_equal(lor_report_verdict(r), LOR_VERDICT_STRONG);
	lor_report_free(r);
	lor_document_free(doc);

	/* generic praise without a ranking: no "ranking no example supports" reason */
	doc = h_doc("Dear Committee,\n\nShe is hard-working, kind and a team player. I recommend her.\n");
	r = h_check(rs, doc);
	assert_true(lor_report_signal(r, LOR_SIG_GENERIC_PRAISE_ONLY, NULL));
	for (i = 0; i < lor_report_reason_count(r); i++)
		assert_null(strstr(lor_report_reason(r, i)->reason, "ranking"));
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

/* One finding per problem: a very stale letter gets the error alone; a
 * graduation year is no observed work. */
static void test_dates_honest(void **state)
{
	lor_ruleset *rs = h_rules(NULL);
	lor_document *doc = h_doc("March 3, 2021\n\nDear Committee,\n\n"
	                          "She graduated from medical school in 2012. I recommend her.\n");
	lor_report *r = h_check(rs, doc);

	(void)state;
	assert_true(has_finding(r, "lorlint.VeryStaleLetter", NULL, NULL));
	assert_false(has_finding(r, "lorlint.StaleLetter", NULL, NULL));
	assert_false(has_finding(r, "lorlint.OldObservation", NULL, NULL));
	assert_false(has_finding(r, "lorlint.ExplicitEndorsement", "never", NULL));
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
}

/* A match longer than the excerpt limit, full of multi-byte characters: the
 * message is cut at a character boundary, so it stays valid UTF-8 and every
 * reporter keeps it (the JSON library refuses invalid strings). Before the
 * fix the cut fell inside a character. */
static int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;

		if (n < 0)
			return 0;
		for (p++; n > 0; n--, p++)
			if ((*p & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

static void test_long_multibyte_match(void **state)
{
	lor_ruleset *rs = h_rules("tests/fixtures/rules/long-utf8");
	lor_error err;
	char *text = h_slurp("tests/fixtures/letters/long-utf8.txt", NULL);
	lor_document *doc;
	lor_report *r;
	const char *formats[] = { "json", "text", "sarif", "html" };
	size_t i;

	(void)state;
	doc = h_doc(text);
	r = h_check(rs, doc);
	assert_int_equal(lor_report_finding_count(r), 1);
	assert_true(valid_utf8(lor_report_finding(r, 0)->message));
	for (i = 0; i < sizeof(formats) / sizeof(*formats); i++) {
		lor_output_options oo = LOR_OUTPUT_OPTIONS_INIT;
		lor_reporter *rep = NULL;
		char *out = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&out, &len);

		oo.as_of = "2026-11-27";
		assert_int_equal(lor_reporter_new(&rep, formats[i], fp, &oo, &err), LOR_OK);
		assert_int_equal(lor_reporter_file(rep, r), LOR_OK);
		assert_int_equal(lor_reporter_finish(rep), LOR_OK);
		lor_reporter_free(rep);
		fclose(fp);
		assert_true(valid_utf8(out));
		assert_non_null(strstr(out, "is a long run of accented letters"));
		free(out);
	}
	lor_report_free(r);
	lor_document_free(doc);
	free(text);
	lor_ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_classes),
		cmocka_unit_test(test_class_selftest_catches),
		cmocka_unit_test(test_foreign_letter_not_judged),
		cmocka_unit_test(test_translation_is_one_finding),
		cmocka_unit_test(test_lone_sentence_needs_overwhelming_evidence),
		cmocka_unit_test(test_word_counts),
		cmocka_unit_test(test_profiles_fit_the_letter),
		cmocka_unit_test(test_dates_honest),
		cmocka_unit_test(test_long_multibyte_match),
	};

	return cmocka_run_group_tests_name("issue10", tests, NULL, NULL);
}
