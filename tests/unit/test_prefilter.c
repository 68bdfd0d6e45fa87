/* test_prefilter.c - the one-pass prefilter (src/prefilter.c): its literal analysis, its scan,
 * and the property that matters: it never drops a match PCRE2 would find. Every rule example and
 * every letter of the corpus, the held-out sets and the fixtures is checked with the prefilter
 * on and off, under the built-in rules plus fixture rules of every kind, and the reports must be
 * the same finding for finding, signal for signal and point for point. */
#define _GNU_SOURCE
#include <glob.h>

#include "harness.h"
#include "internal.h"

/* The literals of re, sorted and joined with '|', or "" when the pattern always runs. */
static void literals_of(const char *re, char *out, size_t cap)
{
	char **v;
	size_t n, i, j;

	assert_int_equal(lor_prefilter__literals(re, strlen(re), &v, &n), LOR_OK);
	for (i = 1; i < n; i++) /* insertion sort: a few strings */
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			char *t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strncat(out, "|", cap - strlen(out) - 1);
		strncat(out, v[i], cap - strlen(out) - 1);
		free(v[i]);
	}
	free(v);
}

static void test_literals(void **state)
{
	static const char *const cases[][2] = {
		{ "hesitate", "hesitate" },
		{ "(?:would|will)\\s+not\\s+hesitate\\s+to", "hesitate" },     /* the longest run wins */
		{ "I\\s+(?:think|believe)", "believe|think" },
		{ "top ?5", "top 5|top5" },                                   /* optional parts multiply out */
		{ "Strong(?:ly)? Support", "strong support|strongly support" }, /* folded to lower case */
		{ "H-?4(?=\\s+(?:visa|status))", "status|visa" },             /* a lookahead's words are required */
		{ "(?<=very\\s)skilled", "skilled" },                         /* a lookbehind's are not */
		{ "(?<!\\w)(?:kind(?:ness)?)(?!\\w)", "kind|kindness" },
		{ "(?i)abcd", "abcd" },
		{ "abc\\.def", "abc.def" },
		{ "x[abc]yzw", "yzw" },                                       /* a class is any character */
		{ "(?:alpha|be)\\s+gamma", "gamma" },
		{ "(?:alpha|\\w+)", "" },                                     /* one branch can be anything */
		{ "colou?r{2,}ed", "colo|colou" },                            /* a repeat keeps one copy */
		{ "me|my", "" },                                              /* too common to filter */
		{ "(?:was|is)\\s+(?:ok|fine)", "fine|ok" },                   /* a rare pair beats common ones */
		{ "J-?1", "j-1|j1" },
		{ "a\\s+b", "" },                                             /* one byte is too short */
		{ "the\\s+best", "best" },                                    /* common words do not filter */
		{ "(?x) abc", "" },                                           /* not modelled: always runs */
		{ "\\Qabc\\E", "" },
		{ "(*UTF)abc", "" },
		{ "(?(1)abc|def)", "" },
		{ "abc\\Kdef", "" },
		{ "caf\xc3\xa9s", "caf" },                                    /* non-ASCII is any character */
		{ "(a+)+$", "" },
		{ "abc)", "" },                                               /* unbalanced: always runs */
		{ "[)]abc", "abc" },
		{ "(?#comment)abcd", "abcd" },
		{ "(?<name>abc)d", "abcd" },
		{ "a{2}bcd", "bcd" },
		{ "x{foo}", "x{foo}" },                                       /* not a quantifier: literal braces */
	};
	char got[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		literals_of(cases[i][0], got, sizeof(got));
		if (strcmp(got, cases[i][1]))
			fail_msg("literals of '%s': got '%s', want '%s'", cases[i][0], got, cases[i][1]);
	}
}

/* The scan: literal hits by pattern, the span test, and PCRE2's ASCII case folds. */
static void test_scan(void **state)
{
	lor_prefilter *pf;
	lor_prefilter_hits h;
	size_t id0, id1;
	char *a[] = { strdup("support") }, *b[] = { strdup("think"), strdup("believe") };
	const char *text = "I think. Strong \xc5\xbfupport!"; /* U+017F LONG S folds to s */

	(void)state;
	assert_int_equal(lor_prefilter__new(&pf), LOR_OK);
	assert_int_equal(lor_prefilter__add(pf, a, 1, &id0), LOR_OK);
	assert_int_equal(lor_prefilter__add(pf, b, 2, &id1), LOR_OK);
	assert_int_equal(lor_prefilter__build(pf), LOR_OK);
	assert_int_equal(lor_prefilter__scan(pf, text, strlen(text), &h), LOR_OK);
	assert_true(lor_prefilter__may_match(&h, id1, 0, 8));   /* "think" in "I think." */
	assert_false(lor_prefilter__may_match(&h, id1, 3, 8));  /* only part of it */
	assert_false(lor_prefilter__may_match(&h, id0, 0, 8));
	assert_true(lor_prefilter__may_match(&h, id0, 9, strlen(text)));
	assert_false(lor_prefilter__may_match(&h, id1, 9, strlen(text)));
	lor_prefilter__hits_release(&h);
	lor_prefilter__free(pf);
}

/* The anchors of re as "literal:k" sorted and joined with '|', or "" for none. */
static void anchors_of(const char *re, char *out, size_t cap)
{
	char **v, buf[64];
	long *k;
	size_t n, i, j;

	assert_int_equal(lor_prefilter__anchors(re, strlen(re), &v, &k, &n), LOR_OK);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			char *t = v[j];
			long tk = k[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
			k[j] = k[j - 1];
			k[j - 1] = tk;
		}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%s%s:%ld", i ? "|" : "", v[i], k[i]);
		strncat(out, buf, cap - strlen(out) - 1);
		free(v[i]);
	}
	free(v);
	free(k);
}

/* Anchors and their distances, in runs of white space before the literal
 * (src/prefilter.c, lor_prefilter__anchors): each case is what a token list
 * compiles to, wrapped as match.c wraps it. */
static void test_anchors(void **state)
{
	static const char *const cases[][2] = {
		/* a word after one run: "think" one run in */
		{ "(?<!\\w)(?:(?:I\\s+think\\s+(?:s?he|they)\\s+will))(?!\\w)", "think:1" },
		/* up to three words of any length before it: three runs */
		{ "(?<!\\w)(?:(?:(?:[\\w'-]+\\s+){0,3}course))(?!\\w)", "course:3" },
		/* an optional word and two runs, then the best literal */
		{ "(?:is|was)(?:\\s+[\\w'-]+){0,2}?\\s+top\\s+\\d+", "top:3" },
		/* each branch keeps its own distance */
		{ "(?:first\\s+in\\s+(?:her|his)\\s+class|valedictorian)", "first:0|valedictorian:0" },
		/* white space repeated is one run, however long */
		{ "ranked\\s*\\s+(?:\\s)+first", "ranked:0" },
		/* a lookahead's literal is counted from where the lookahead stands */
		{ "(?:[\\w-]+\\s+)(?=award(?:ed)?\\b)", "award:1|awarded:1" },
		/* unbounded: any number of words before every literal */
		{ "(?<!\\w)(?:(?:[^.\\n]*(?<!\\w)(?:interest|passion)(?!\\w)[^.\\n]*))(?!\\w)", "" },
		{ ".*\\s+recommend", "" },
		/* too far: more than 64 runs */
		{ "(?:[\\w-]+\\s+){0,80}residents", "" },
		/* anchors found in nearly every sentence would make windows covering the text */
		{ "(?<!\\w)(?:(?:in|or|me|an|on|at))(?!\\w)", "" },
		/* a rarer word later wins over common words at the start */
		{ "(?:in|at)\\s+(?:the\\s+)?clinic", "clinic:2" },
		/* a literal holding white space is no anchor */
		{ "foo\\ bar", "" },
		/* one character anchors only when it is rare in letters: the '%' of a percentage, not a
		 * letter or a digit */
		{ "(?<!\\w)(?:(?:\\d+(?:\\.\\d+)?\\s?%))", "%:1" },
		{ "(?:\\d+\\s?(?:%|percent))", "%:1|percent:1" },
		{ "(?:x|y)\\s+z", "" },
		/* not modelled */
		{ "(a)\\s+\\1", "" },
		{ "(?x) a b", "" },
	};
	char got[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		anchors_of(cases[i][0], got, sizeof(got));
		if (strcmp(got, cases[i][1]))
			fail_msg("anchors of %s: got '%s', want '%s'", cases[i][0], got, cases[i][1]);
	}
}

static lor_ruleset *load(void)
{
	const char *dirs[] = { "tests/fixtures/rules/kinds", "tests/fixtures/rules/huge",
	                       "tests/fixtures/rules/classes-ok", "tests/fixtures/rules/prefilter" };
	lor_ruleset_options opts = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;

	opts.dirs = dirs;
	opts.ndirs = sizeof(dirs) / sizeof(dirs[0]);
	if (lor_ruleset_load(&rs, &opts, &err) != LOR_OK)
		fail_msg("%s:%lu:%lu: %s", err.path, err.line, err.column, err.message);
	assert_non_null(rs->pf);
	return rs;
}

/* Check text with the prefilter on and off; the reports must agree. Returns the findings. */
static size_t same_report(lor_ruleset *rs, const char *path, const char *data, size_t len)
{
	lor_document *doc;
	lor_report *on, *off;
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_error err;
	size_t i, n;
	int s;

	o.as_of_year = 2026;
	o.as_of_month = 11;
	o.as_of_day = 27;
	if (lor_document_new(&doc, path, data, len, &err) != LOR_OK)
		return 0; /* not a letter (binary, bad UTF-8): nothing to compare */
	rs->pf_off = 0;
	assert_int_equal(lor_check(&on, rs, doc, &o, &err), LOR_OK);
	rs->pf_off = 1;
	assert_int_equal(lor_check(&off, rs, doc, &o, &err), LOR_OK);
	rs->pf_off = 0;
	if (on->nfindings != off->nfindings)
		fail_msg("%s: %zu findings with the prefilter, %zu without", path, on->nfindings, off->nfindings);
	for (i = 0; i < on->nfindings; i++) {
		const lor_finding *a = &on->findings[i], *b = &off->findings[i];

		if (strcmp(a->rule, b->rule) || a->span.offset != b->span.offset ||
		    a->span.length != b->span.length || strcmp(a->message, b->message) || a->level != b->level)
			fail_msg("%s: finding %zu differs: %s at %zu with the prefilter, %s at %zu without", path, i,
			         a->rule, a->span.offset, b->rule, b->span.offset);
	}
	for (s = 0; s < LOR_SIG_COUNT; s++)
		assert_int_equal(on->signal[s], off->signal[s]);
	assert_int_equal(on->score.total, off->score.total);
	assert_int_equal(on->score.verdict, off->score.verdict);
	n = on->nfindings;
	lor_report_free(on);
	lor_report_free(off);
	lor_document_free(doc);
	return n;
}

static void test_examples_same(void **state)
{
	lor_ruleset *rs = load();
	size_t i, j, findings = 0, texts = 0;

	(void)state;
	for (i = 0; i < rs->nrules; i++) {
		const lor_rule *r = rs->rules[i];

		for (j = 0; j < r->nbad; j++, texts++)
			findings += same_report(rs, r->path, r->bad[j], strlen(r->bad[j]));
		for (j = 0; j < r->ngood; j++, texts++)
			findings += same_report(rs, r->path, r->good[j], strlen(r->good[j]));
	}
	assert_true(texts > 100);
	assert_true(findings > 100); /* the comparison saw real matches, not only empty reports */
	lor_ruleset_free(rs);
}

static void test_letters_same(void **state)
{
	static const char *const patterns[] = { "corpus/*/*.txt", "corpus/*/*.md", "tests/heldout/letters/*",
	                                        "tests/heldout2/letters/*", "tests/fixtures/letters/*" };
	lor_ruleset *rs = load();
	size_t i, k, findings = 0, letters = 0;

	(void)state;
	for (k = 0; k < sizeof(patterns) / sizeof(patterns[0]); k++) {
		glob_t g;

		if (glob(patterns[k], 0, NULL, &g))
			continue;
		for (i = 0; i < g.gl_pathc; i++) {
			size_t len;
			char *data = h_slurp(g.gl_pathv[i], &len);

			findings += same_report(rs, g.gl_pathv[i], data, len);
			free(data);
			letters++;
		}
		globfree(&g);
	}
	assert_true(letters > 100);
	assert_true(findings > 500);
	lor_ruleset_free(rs);
}

/* The fixture rule's examples: folds, lookarounds and case-sensitive tokens match through it. */
static void test_fixture_cases(void **state)
{
	lor_ruleset *rs = load();
	long k = lor_ruleset_find(rs, "pf.Fold");
	size_t j;

	(void)state;
	assert_true(k >= 0);
	for (j = 0; j < rs->rules[k]->nbad; j++) {
		const char *t = rs->rules[k]->bad[j];

		assert_true(same_report(rs, "bad example", t, strlen(t)) >= 1);
	}
	lor_ruleset_free(rs);
}

/* A built-in (trusted) rule skips the one-by-one compile of its tokens; when
 * the alternation fails, the error must still be the same positioned one.
 * (A token such as 'a)|(b' compiles inside the alternation: for the built-in
 * rules test_rules.c's folder load catches it.) */
static void test_trusted_errors(void **state)
{
	static const char *const files[] = {
		"tokens:\n  - fine\n  - '{NOPE} here'\n",
		"tokens:\n  - fine\n  - '(unclosed'\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		lor_error e[2];
		int k;

		for (k = 0; k < 2; k++) {
			lor_yaml y;
			lor_pattern p;
			yaml_node_t *root;

			assert_int_equal(lor_yaml__load(&y, "t.yml", files[i], strlen(files[i]), &e[k]), LOR_OK);
			y.trusted = k;
			root = lor_yaml__root(&y);
			assert_int_equal(lor_pattern__compile(&p, &y, lor_yaml__get(&y, root, "tokens"), NULL, 1, 0, &e[k]),
			                 LOR_ERULE);
			lor_yaml__release(&y);
		}
		assert_string_equal(e[0].message, e[1].message);
		assert_int_equal(e[0].line, e[1].line);
		assert_int_equal(e[0].column, e[1].column);
	}
}

/* Each token runs as its own regex, in its windows (src/match.c); the list
 * must still match exactly as its alternation does: the leftmost start, and
 * there the first token in list order, whatever the tokens' lengths, their
 * anchors' distances or lookbehinds. Checked against PCRE2 running the
 * alternation itself, with and without windows. */
static void test_tokens_as_alternation(void **state)
{
	static const char *const toks[] = {
		"top", "top\\s+(?:\\d+|five)\\s*(?:percent|%)", "(?:[\\w-]+\\s+){0,3}residents",
		"(?:is|was)(?:\\s+[\\w'-]+){0,2}?\\s+the\\s+best", "best", "the\\s+best\\s+resident",
		"(?<!\\bnot\\s)recommend(?:ed|s)?", "(?:[\\w-]+\\s+){1,2}(?=award)", "rank(?:ed|s)?\\s+first",
	};
	static const char *const texts[] = {
		"She is top five percent of the residents I have trained, and the best resident of them.",
		"He was, I think, the best. I do not recommend lightly; I recommend her. Ranked first in 2020.",
		"Top 5 % of all the senior residents; top five percent; the  best\n resident. best best",
		"Among our twelve brilliant residents, she ranks first. He won the award twice: an award.",
		"is the best, was the best, is truly the best, was by far the best",
	};
	lor_buf yml = LOR_BUF_INIT, alt = LOR_BUF_INIT;
	lor_prefilter *pf;
	lor_yaml y;
	lor_pattern p;
	lor_matcher m;
	lor_error err;
	pcre2_code *code;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int ec, on;
	size_t i, t, found = 0;
	PCRE2_SIZE eoff;

	(void)state;
	assert_int_equal(lor_buf__adds(&yml, "tokens:\n"), LOR_OK);
	assert_int_equal(lor_buf__adds(&alt, "(?<!\\w)(?:"), LOR_OK);
	for (i = 0; i < sizeof(toks) / sizeof(toks[0]); i++) {
		char line[256];
		size_t k, n = 0;

		for (k = 0; toks[i][k]; k++) { /* single-quoted YAML: a quote is doubled */
			if (toks[i][k] == '\'')
				line[n++] = '\'';
			line[n++] = toks[i][k];
		}
		line[n] = '\0';
		assert_int_equal(lor_buf__adds(&yml, "  - '"), LOR_OK);
		assert_int_equal(lor_buf__adds(&yml, line), LOR_OK);
		assert_int_equal(lor_buf__adds(&yml, "'\n"), LOR_OK);
		assert_int_equal(lor_buf__adds(&alt, i ? "|(?:" : "(?:"), LOR_OK);
		assert_int_equal(lor_buf__adds(&alt, toks[i]), LOR_OK);
		assert_int_equal(lor_buf__adds(&alt, ")"), LOR_OK);
	}
	assert_int_equal(lor_buf__adds(&alt, ")(?!\\w)"), LOR_OK);
	code = pcre2_compile((PCRE2_SPTR)alt.data, alt.len, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &eoff,
	                     NULL);
	assert_non_null(code);
	assert_int_equal(lor_prefilter__new(&pf), LOR_OK);
	assert_int_equal(lor_yaml__load(&y, "t.yml", yml.data, yml.len, &err), LOR_OK);
	y.pf = pf;
	assert_int_equal(lor_pattern__compile(&p, &y, lor_yaml__get(&y, lor_yaml__root(&y), "tokens"), NULL, 1, 0,
	                                      &err),
	                 LOR_OK);
	assert_int_equal(p.nre, sizeof(toks) / sizeof(toks[0])); /* one regex a token */
	for (i = 0, t = 0; i < p.nre; i++)
		t += p.re[i].win != 0;
	assert_true(t >= 6); /* most have anchors, so windows are really used */
	assert_int_equal(lor_prefilter__build(pf), LOR_OK);
	assert_int_equal(lor_matcher__init(&m), LOR_OK);
	for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
		const char *s = texts[t];
		size_t len = strlen(s);
		lor_prefilter_hits h;

		assert_int_equal(lor_prefilter__scan(pf, s, len, &h), LOR_OK);
		for (on = 0; on < 2; on++) {
			lor_windows w;
			size_t cache[2 * 16], pos = 0, want = 0;

			memset(&w, 0, sizeof(w));
			if (on) {
				w.pf = pf;
				w.hits = &h;
				w.text = s;
				w.len = len;
			}
			for (i = 0; i < 2 * p.nre; i++)
				cache[i] = LOR_MATCH_UNKNOWN;
			for (;;) {
				size_t ms, me;
				int got = lor_match__first(&m, p.re, p.nre, on ? &w : NULL, s, len, pos, cache, &ms, &me);
				int rc = pcre2_match(code, (PCRE2_SPTR)s, len, want, 0, md, NULL);

				assert_true(got >= 0);
				if (rc < 0) {
					assert_int_equal(got, 0);
					break;
				}
				assert_int_equal(got, 1);
				assert_int_equal(ms, pcre2_get_ovector_pointer(md)[0]);
				assert_int_equal(me, pcre2_get_ovector_pointer(md)[1]);
				found++;
				pos = want = me > ms ? me : ms + 1;
			}
			lor_windows__release(&w);
		}
		lor_prefilter__hits_release(&h);
	}
	assert_true(found > 20); /* the texts do match, in both modes */
	lor_matcher__release(&m);
	lor_pattern__release(&p);
	lor_yaml__release(&y);
	lor_prefilter__free(pf);
	pcre2_code_free(code);
	pcre2_match_data_free(md);
	lor_buf__release(&yml);
	lor_buf__release(&alt);
}

/* A token that opens with a run outside a byte set ("[^.\n]*...") is searched
 * one start per run (src/match.c, run_search); from every start offset of
 * every text it must find what PCRE2's own unanchored search finds: the
 * same start and end, or no match. Mid-word starts, non-ASCII letters before
 * a run, empty runs and stops at the ends are all in the texts. */
static void test_run_tokens(void **state)
{
	static const struct {
		const char *tok;
		int runs; /* expected to take the run search */
	} toks[] = {
		{ "[^.\\n]*(?<!\\w)(?:interest(?:ed|s)?|passion)(?!\\w)[^.\\n]*", 1 },
		{ "[^.,;]*care", 1 },
		{ "[^\\n]*?best\\s+\\w+", 1 },
		{ "[^.]*+x", 1 },
		{ "[^.\\n]{0,60}interest", 0 }, /* bounded: a later start reaches further */
		{ "[^.\\n]*interest|passion", 0 }, /* an alternative without the run */
		{ "[^.\\n]*(\\w+)\\s+\\1", 0 },    /* a back reference */
	};
	static const char *const texts[] = {
		"My interest is clear. Her passion, and interests; uninterested.\nPassion",
		"caring care; scare. Careful: he took care of them, taking care.",
		"éinterest. Ünterest interest. ..interest..\n\ninterest",
		"the best one, best of all. bestow best\n best  friend. xx.x.",
		"", ".", "interest", "no stop at all and no keyword either",
	};
	size_t i, t, st, checked = 0;
	lor_matcher m;

	(void)state;
	assert_int_equal(lor_matcher__init(&m), LOR_OK);
	for (i = 0; i < sizeof(toks) / sizeof(toks[0]); i++) {
		lor_buf yml = LOR_BUF_INIT, wrapped = LOR_BUF_INIT;
		pcre2_match_data *md = pcre2_match_data_create(1, NULL);
		pcre2_code *code;
		lor_pattern p;
		lor_yaml y;
		lor_error err;
		size_t k;
		int ec;
		PCRE2_SIZE eoff;

		assert_int_equal(lor_buf__adds(&yml, "tokens:\n  - '"), LOR_OK);
		assert_int_equal(lor_buf__adds(&yml, toks[i].tok), LOR_OK);
		assert_int_equal(lor_buf__adds(&yml, "'\n"), LOR_OK);
		assert_int_equal(lor_yaml__load(&y, "t.yml", yml.data, yml.len, &err), LOR_OK);
		assert_int_equal(lor_pattern__compile(&p, &y, lor_yaml__get(&y, lor_yaml__root(&y), "tokens"), NULL, 1,
		                                      0, &err),
		                 LOR_OK);
		assert_int_equal(p.nre, 1);
		assert_int_equal(p.re[0].nstop != 0, toks[i].runs);
		assert_int_equal(lor_buf__adds(&wrapped, "(?<!\\w)(?:(?:"), LOR_OK);
		for (k = 0; toks[i].tok[k]; k++) /* the token's spaces read as \s+, as match.c reads them */
			assert_int_equal(lor_buf__add(&wrapped, toks[i].tok + k, 1), LOR_OK);
		assert_int_equal(lor_buf__adds(&wrapped, "))(?!\\w)"), LOR_OK);
		code = pcre2_compile((PCRE2_SPTR)wrapped.data, wrapped.len, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec,
		                     &eoff, NULL);
		assert_non_null(code);
		for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
			const char *s = texts[t];
			size_t len = strlen(s);

			for (st = 0; st <= len; st++) {
				size_t ms = 0, me = 0;
				int got, want;

				if (st < len && ((unsigned char)s[st] & 0xC0) == 0x80)
					continue; /* not a character boundary */
				got = lor_match__next(&m, &p.re[0], NULL, s, len, st, &ms, &me);
				want = pcre2_match(code, (PCRE2_SPTR)s, len, st, 0, md, NULL);
				assert_true(got >= 0);
				if (want < 0) {
					assert_int_equal(want, PCRE2_ERROR_NOMATCH);
					assert_int_equal(got, 0);
				} else {
					PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

					assert_int_equal(got, 1);
					assert_int_equal(ms, ov[0]);
					assert_int_equal(me, ov[1]);
				}
				checked++;
			}
		}
		pcre2_code_free(code);
		pcre2_match_data_free(md);
		lor_pattern__release(&p);
		lor_yaml__release(&y);
		lor_buf__release(&yml);
		lor_buf__release(&wrapped);
	}
	assert_true(checked > 1000);
	lor_matcher__release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literals),
		cmocka_unit_test(test_anchors),
		cmocka_unit_test(test_tokens_as_alternation),
		cmocka_unit_test(test_run_tokens),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_trusted_errors),
		cmocka_unit_test(test_fixture_cases),
		cmocka_unit_test(test_examples_same),
		cmocka_unit_test(test_letters_same),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
