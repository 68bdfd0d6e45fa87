/* portfolio.c - an applicant's letters judged as a set: facts counted, repetition found, a set score.
 *
 * Program directors read the applicant's letters together (issue 13). The
 * letters are checked one by one as always (engine.c), which also decides
 * each letter's facts (rule_fact.c: writer role, kind, observation, setting).
 * This file judges the set under a letter-set profile (setprofile.c): it
 * counts letters by fact or signal, and it compares every pair of letters
 * sentence by sentence.
 *
 * Repetition is measured with word shingles, as near-duplicate detection in
 * documents usually is (Broder 1997): each body sentence of at least
 * `min_words` words becomes the set of its `shingle`-word runs (case-folded,
 * hashed with FNV-1a), two sentences are alike by the Jaccard index of their
 * sets, and a letter's best match for each sentence is looked for in the
 * other letter. Two honest letters about the same rotation share names,
 * places and a few words, not runs of words, so their sentences stay far
 * apart; a shared template keeps whole runs with a name or a department
 * changed. Sentences the profile calls boilerplate ("Please do not hesitate
 * to contact me") are not compared.
 *
 * The set score starts at the mean of the letters' scores and each finding
 * adds its points (setprofile.c); every step is kept as a reason.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* One compared sentence of a letter. */
typedef struct sent {
	size_t start, end, line;
	uint64_t *sh;   /* sorted, unique shingle hashes */
	size_t nsh;
} sent;

typedef struct letter_sents {
	sent *v;
	size_t n, cap;
	uint64_t *all;  /* every shingle of the letter, sorted and unique */
	size_t nall;
} letter_sents;

struct lor_portfolio {
	const lor_setprofile *prof;
	const lor_report **letters;
	size_t n;
	int score;
	lor_verdict verdict;
	lor_reason *reasons;
	size_t nreasons, capreasons;
	lor_set_finding *findings;
	size_t nfindings, capfindings;
	const char *steps[3];
	size_t nsteps;
	void **owned;   /* every string and array the accessors hand out */
	size_t nowned, capowned;
};

/* Keep p (freed with the portfolio); returns p, or NULL (p freed) when out of memory. */
static void *own(lor_portfolio *pf, void *p)
{
	if (!p)
		return NULL;
	if (lor__reserve(&pf->owned, &pf->capowned, pf->nowned + 1, sizeof(void *))) {
		free(p);
		return NULL;
	}
	pf->owned[pf->nowned++] = p;
	return p;
}

void lor_portfolio_free(lor_portfolio *pf)
{
	size_t i;

	if (!pf)
		return;
	for (i = 0; i < pf->nowned; i++)
		free(pf->owned[i]);
	free(pf->owned);
	free(pf->reasons);
	free(pf->findings);
	free(pf->letters);
	free(pf);
}

/* ------------------------------------------------------------ shingles */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static size_t sort_unique(uint64_t *v, size_t n)
{
	size_t i, k = 0;

	if (!n)
		return 0;
	qsort(v, n, sizeof(*v), cmp_u64);
	for (i = 1; i < n; i++)
		if (v[i] != v[k])
			v[++k] = v[i];
	return k + 1;
}

/* Jaccard index of two sorted, unique sets. */
double lor_portfolio__jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, both = 0;

	if (!na && !nb)
		return 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			both++;
			i++;
			j++;
		} else if (a[i] < b[j]) {
			i++;
		} else {
			j++;
		}
	}
	return (double)both / (double)(na + nb - both);
}

/* FNV-1a of a word, case-folded (ASCII), continuing from h. */
static uint64_t fold_hash(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h ^= c;
		h *= 1099511628211u;
	}
	return h;
}

int lor_portfolio__shingles(const char *text, const size_t *wstart, const size_t *wend, size_t nwords,
                            size_t k, uint64_t **out, size_t *nout)
{
	size_t i, j, n = nwords >= k ? nwords - k + 1 : 0;
	uint64_t *v;

	*out = NULL;
	*nout = 0;
	if (!n)
		return LOR_OK;
	if (!(v = malloc(n * sizeof(*v))))
		return LOR_ENOMEM;
	for (i = 0; i < n; i++) {
		uint64_t h = 1469598103934665603u;

		for (j = 0; j < k; j++) {
			h = fold_hash(h, text + wstart[i + j], wend[i + j] - wstart[i + j]);
			h = fold_hash(h, " ", 1);
		}
		v[i] = h;
	}
	*out = v;
	*nout = sort_unique(v, n);
	return LOR_OK;
}

static void sents_release(letter_sents *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++)
		free(ls->v[i].sh);
	free(ls->v);
	free(ls->all);
	memset(ls, 0, sizeof(*ls));
}

static int boilerplate(const lor_setprofile *p, lor_matcher *m, const lor_document *doc, size_t s, size_t e)
{
	size_t i, ms, me;
	int rc;

	for (i = 0; p->has_boiler && i < p->boiler.nre; i++)
		if ((rc = lor_match__next(m, &p->boiler.re[i], NULL, doc->norm, e, s, &ms, &me)) != 0)
			return rc; /* 1: boilerplate; < 0: a limit */
	return 0;
}

/* The compared sentences of one letter's body and their shingles. */
static int letter_sentences(const lor_setprofile *p, lor_matcher *m, const lor_document *doc,
                            letter_sents *ls)
{
	size_t bs, be, i, cap = 0, wscap = 0, wecap = 0, *ws = NULL, *we = NULL;
	int rc = LOR_OK;

	lor_metric__body_span(doc, &bs, &be);
	for (i = 0; i < doc->ntok[LOR_TOK_SENTENCE] && !rc; i++) {
		const lor_tok *t = &doc->tok[LOR_TOK_SENTENCE][i];
		size_t w;
		sent s;
		lor_span sp;

		if (t->start < bs || t->end > be || t->count < p->min_words)
			continue;
		if ((rc = boilerplate(p, m, doc, t->start, t->end)) != 0) {
			rc = rc < 0 ? LOR_ELIMIT : LOR_OK;
			continue;
		}
		if (lor__reserve(&ws, &wscap, t->count, sizeof(size_t)) || lor__reserve(&we, &wecap, t->count, sizeof(size_t))) {
			rc = LOR_ENOMEM;
			break;
		}
		for (w = 0; w < t->count; w++) {
			ws[w] = doc->words[t->first + w].start;
			we[w] = doc->words[t->first + w].end;
		}
		memset(&s, 0, sizeof(s));
		s.start = t->start;
		s.end = t->end;
		lor_text__span(doc, t->start, t->end, &sp);
		s.line = sp.line;
		if ((rc = lor_portfolio__shingles(doc->norm, ws, we, t->count, p->shingle, &s.sh, &s.nsh)))
			break;
		if (lor__reserve(&ls->v, &ls->cap, ls->n + 1, sizeof(sent))) {
			free(s.sh);
			rc = LOR_ENOMEM;
			break;
		}
		ls->v[ls->n++] = s;
		cap += s.nsh;
	}
	free(ws);
	free(we);
	if (!rc && cap) {
		size_t k = 0;

		if (!(ls->all = malloc(cap * sizeof(uint64_t))))
			return LOR_ENOMEM;
		for (i = 0; i < ls->n; i++) {
			memcpy(ls->all + k, ls->v[i].sh, ls->v[i].nsh * sizeof(uint64_t));
			k += ls->v[i].nsh;
		}
		ls->nall = sort_unique(ls->all, k);
	}
	return rc;
}

/* ------------------------------------------------------------ messages */

/* The letter's name as findings show it: its path. */
static const char *letter_name(const lor_portfolio *pf, size_t i)
{
	return lor_document_path(lor_report_document(pf->letters[i]));
}

typedef struct vars {
	size_t count, n;
	double need;
	const size_t *letters;
	size_t nletters;
	const lor_set_pair *pairs;
	size_t npairs;
} vars;

static int add_names(lor_buf *b, const lor_portfolio *pf, const vars *v)
{
	size_t i;

	if (v->npairs) {
		for (i = 0; i < v->npairs; i++)
			if (lor_buf__addf(b, "%s%s and %s", i ? "; " : "", letter_name(pf, v->pairs[i].a),
			                  letter_name(pf, v->pairs[i].b)))
				return LOR_ENOMEM;
		return LOR_OK;
	}
	if (!v->nletters)
		return lor_buf__adds(b, "none");
	for (i = 0; i < v->nletters; i++)
		if (lor_buf__addf(b, "%s%s", i ? (i + 1 == v->nletters ? " and " : ", ") : "",
		                  letter_name(pf, v->letters[i])))
			return LOR_ENOMEM;
	return LOR_OK;
}

/* Expand {count}, {need}, {n}, {letters} in a profile text. */
static char *expand(const lor_portfolio *pf, const char *t, const vars *v)
{
	lor_buf b = LOR_BUF_INIT;
	int rc = LOR_OK;

	while (*t && !rc) {
		if (!strncmp(t, "{count}", 7)) {
			rc = lor_buf__addf(&b, "%zu", v->count);
			t += 7;
		} else if (!strncmp(t, "{need}", 6)) {
			rc = lor_buf__addf(&b, "%g", v->need);
			t += 6;
		} else if (!strncmp(t, "{n}", 3)) {
			rc = lor_buf__addf(&b, "%zu", v->n);
			t += 3;
		} else if (!strncmp(t, "{letters}", 9)) {
			rc = add_names(&b, pf, v);
			t += 9;
		} else {
			rc = lor_buf__add(&b, t++, 1);
		}
	}
	if (rc) {
		lor_buf__release(&b);
		return NULL;
	}
	return lor_buf__detach(&b);
}

/* A finding of check c; its next step is the template next with the
 * variables nv (NULL: c's own next step with v). */
static int add_finding_next(lor_portfolio *pf, const lor_setcheck *c, const vars *v, const char *next_t,
                            const vars *nv)
{
	lor_set_finding f;
	char *msg, *next;

	memset(&f, 0, sizeof(f));
	f.id = c->id;
	f.check = c->kind == LOR_SETCHECK_COUNT ? "count" : c->kind == LOR_SETCHECK_LETTERS ? "letters"
	          : c->kind == LOR_SETCHECK_EVERY ? "every" : c->kind == LOR_SETCHECK_TEMPLATED ? "templated"
	          : "repeated";
	f.points = c->points;
	f.fix = c->fix;
	f.source = c->source;
	f.letters = v->letters;
	f.nletters = v->nletters;
	f.pairs = v->pairs;
	f.npairs = v->npairs;
	if (!(msg = own(pf, expand(pf, c->message, v))) ||
	    !(next = own(pf, expand(pf, next_t ? next_t : c->next, nv ? nv : v))))
		return LOR_ENOMEM;
	f.message = msg;
	f.next = next;
	if (lor__reserve(&pf->findings, &pf->capfindings, pf->nfindings + 1, sizeof(f)))
		return LOR_ENOMEM;
	pf->findings[pf->nfindings++] = f;
	return LOR_OK;
}

static int add_finding(lor_portfolio *pf, const lor_setcheck *c, const vars *v)
{
	return add_finding_next(pf, c, v, NULL, NULL);
}

/* ------------------------------------------------------------ the checks */

static int has_fact_or_signal(const lor_report *r, const lor_setcheck *c)
{
	if (c->fact) {
		const char *v = lor_report_fact_value(r, c->fact);

		return v && !strcmp(v, c->value);
	}
	return lor_report_signal(r, (lor_signal)c->signal, NULL);
}

static int check_letters(lor_portfolio *pf, const lor_setcheck *c)
{
	size_t i, count = 0, *which;
	vars v;

	memset(&v, 0, sizeof(v));
	if (!(which = own(pf, calloc(pf->n, sizeof(size_t)))))
		return LOR_ENOMEM;
	for (i = 0; i < pf->n; i++)
		if (has_fact_or_signal(pf->letters[i], c))
			which[count++] = i;
	v.count = count;
	v.n = pf->n;
	if (c->has_max && (double)count > c->max) {
		v.need = c->max;
		v.letters = which;
		v.nletters = count;
		return add_finding(pf, c, &v);
	}
	v.need = c->has_min ? c->min : 0;
	if (c->has_min_share) {
		double share_need = c->min_share * (double)pf->n / 100.0;
		double whole = (double)(size_t)share_need;

		share_need = share_need > whole ? whole + 1 : whole; /* at least half of 3 is 2 */
		if (share_need > v.need)
			v.need = share_need;
	}
	if (!(c->has_min || c->has_min_share) || (double)count >= v.need)
		return LOR_OK;
	if (c->near >= 0) { /* name the letters that come near: they have the signal, not the value */
		vars nv = v;
		size_t *near = own(pf, calloc(pf->n, sizeof(size_t)));

		if (!near)
			return LOR_ENOMEM;
		nv.nletters = 0;
		for (i = 0; i < pf->n; i++)
			if (!has_fact_or_signal(pf->letters[i], c) &&
			    lor_report_signal(pf->letters[i], (lor_signal)c->near, NULL))
				near[nv.nletters++] = i;
		nv.letters = near;
		if (nv.nletters)
			return add_finding_next(pf, c, &v, c->next_near, &nv);
	}
	return add_finding(pf, c, &v);
}

static int check_every(lor_portfolio *pf, const lor_setcheck *c)
{
	size_t i, *all;
	int s;
	vars v;

	for (i = 0; i < pf->n; i++) {
		int any = 0;

		for (s = 0; s < LOR_SIG_COUNT; s++)
			any |= c->signals[s] && lor_report_signal(pf->letters[i], (lor_signal)s, NULL);
		if (!any)
			return LOR_OK;
	}
	if (!(all = own(pf, calloc(pf->n, sizeof(size_t)))))
		return LOR_ENOMEM;
	for (i = 0; i < pf->n; i++)
		all[i] = i;
	memset(&v, 0, sizeof(v));
	v.count = v.n = v.nletters = pf->n;
	v.letters = all;
	return add_finding(pf, c, &v);
}

/* The sentences of a that have a near-duplicate in b (similarity >= min). */
static int shared_sentences(lor_portfolio *pf, const letter_sents *a, const letter_sents *b,
                            const lor_document *da, const lor_document *db, double min,
                            lor_set_shared **out, size_t *nout)
{
	size_t i, j, cap = 0;
	lor_set_shared *v = NULL;

	*nout = 0;
	for (i = 0; i < a->n; i++) {
		double best = 0;
		size_t bj = 0;

		for (j = 0; j < b->n; j++) {
			double s = lor_portfolio__jaccard(a->v[i].sh, a->v[i].nsh, b->v[j].sh, b->v[j].nsh);

			if (s > best) {
				best = s;
				bj = j;
			}
		}
		if (best < min)
			continue;
		{
			lor_buf ea = LOR_BUF_INIT, eb = LOR_BUF_INIT;
			lor_set_shared sh;

			if (lor_engine__excerpt(da, a->v[i].start, a->v[i].end, 240, &ea) ||
			    lor_engine__excerpt(db, b->v[bj].start, b->v[bj].end, 240, &eb) ||
			    lor__reserve(&v, &cap, *nout + 1, sizeof(sh))) {
				lor_buf__release(&ea);
				lor_buf__release(&eb);
				free(v);
				return LOR_ENOMEM;
			}
			sh.a_line = a->v[i].line;
			sh.b_line = b->v[bj].line;
			sh.similarity = best;
			if (!(sh.a_text = own(pf, lor_buf__detach(&ea))) || !(sh.b_text = own(pf, lor_buf__detach(&eb)))) {
				lor_buf__release(&eb);
				free(v);
				return LOR_ENOMEM;
			}
			v[(*nout)++] = sh;
		}
	}
	if (v && !own(pf, v))
		return LOR_ENOMEM;
	*out = v;
	return LOR_OK;
}

/* templated (tmpl set) or repeated: the pairs that share sentences. *templated
 * marks the pairs found templated, so that `repeated` leaves them out. */
static int check_pairs(lor_portfolio *pf, const lor_setcheck *c, const letter_sents *ls, int *templated)
{
	size_t a, b, npairs = 0, cap = 0;
	lor_set_pair *pairs = NULL;
	vars v;
	int rc;

	for (a = 0; a < pf->n; a++)
		for (b = a + 1; b < pf->n; b++) {
			lor_set_pair p;
			lor_set_shared *sh;
			size_t nsh;
			int is_t = c->kind == LOR_SETCHECK_TEMPLATED;

			if (!is_t && templated[a * pf->n + b])
				continue;
			if ((rc = shared_sentences(pf, &ls[a], &ls[b], lor_report_document(pf->letters[a]),
			                           lor_report_document(pf->letters[b]), c->similarity, &sh, &nsh)))
				goto fail;
			if (!nsh || (is_t && (double)nsh < c->min_sentences))
				continue;
			if (is_t)
				templated[a * pf->n + b] = 1;
			p.a = a;
			p.b = b;
			p.similarity = lor_portfolio__jaccard(ls[a].all, ls[a].nall, ls[b].all, ls[b].nall);
			p.shared = sh;
			p.nshared = nsh;
			if (lor__reserve(&pairs, &cap, npairs + 1, sizeof(p))) {
				rc = LOR_ENOMEM;
				goto fail;
			}
			pairs[npairs++] = p;
		}
	if (!npairs)
		return LOR_OK;
	if (!own(pf, pairs))
		return LOR_ENOMEM;
	memset(&v, 0, sizeof(v));
	v.count = npairs;
	v.n = pf->n;
	v.pairs = pairs;
	v.npairs = npairs;
	return add_finding(pf, c, &v);
fail:
	free(pairs);
	return rc;
}

static int add_reason(lor_portfolio *pf, const char *category, int points, const char *reason)
{
	if (lor__reserve(&pf->reasons, &pf->capreasons, pf->nreasons + 1, sizeof(lor_reason)))
		return LOR_ENOMEM;
	pf->reasons[pf->nreasons].category = category;
	pf->reasons[pf->nreasons].points = points;
	pf->reasons[pf->nreasons++].reason = reason;
	return LOR_OK;
}

static int cmp_finding(const void *x, const void *y)
{
	const lor_set_finding *a = x, *b = y;

	return a->points != b->points ? (a->points < b->points ? -1 : 1) : 0;
}

/* Score, verdict and next steps from the findings. */
static int conclude(lor_portfolio *pf)
{
	long sum = 0;
	size_t i;
	int score;
	lor_buf why = LOR_BUF_INIT;
	char *text;

	for (i = 0; i < pf->n; i++)
		sum += lor_report_score(pf->letters[i]);
	score = (int)((sum + (long)pf->n / 2) / (long)pf->n);
	if (lor_buf__addf(&why, "the mean of the %zu letters' own scores", pf->n) ||
	    !(text = own(pf, lor_buf__detach(&why))) || add_reason(pf, "letters", score, text)) {
		lor_buf__release(&why);
		return LOR_ENOMEM;
	}
	/* most costly first; the order of the profile among equals (a stable sort) */
	for (i = 1; i < pf->nfindings; i++) {
		lor_set_finding f = pf->findings[i];
		size_t j = i;

		while (j > 0 && cmp_finding(&pf->findings[j - 1], &f) > 0) {
			pf->findings[j] = pf->findings[j - 1];
			j--;
		}
		pf->findings[j] = f;
	}
	for (i = 0; i < pf->nfindings; i++) {
		score += pf->findings[i].points;
		if (add_reason(pf, pf->findings[i].id, pf->findings[i].points, pf->findings[i].message))
			return LOR_ENOMEM;
		if (pf->nsteps < 3)
			pf->steps[pf->nsteps++] = pf->findings[i].next;
	}
	pf->score = score < 0 ? 0 : score > 100 ? 100 : score;
	pf->verdict = pf->score >= pf->prof->strong ? LOR_VERDICT_STRONG
	              : pf->score >= pf->prof->moderate ? LOR_VERDICT_MODERATE : LOR_VERDICT_WEAK;
	return LOR_OK;
}

static int judge(lor_portfolio *pf, lor_error *err)
{
	letter_sents *ls = calloc(pf->n, sizeof(*ls));
	int *templated = calloc(pf->n * pf->n, sizeof(int));
	lor_matcher m;
	size_t i;
	int rc = LOR_OK;

	if (!ls || !templated || lor_matcher__init(&m)) {
		free(ls);
		free(templated);
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	}
	for (i = 0; i < pf->n && !rc; i++)
		rc = letter_sentences(pf->prof, &m, lor_report_document(pf->letters[i]), &ls[i]);
	if (rc == LOR_ELIMIT)
		lor_error__set(err, rc, letter_name(pf, i - 1), 0, 0,
		               "a boilerplate pattern of letter-set profile '%s' stopped: regex limit exceeded",
		               pf->prof->name);
	/* templated before repeated whatever the profile's order: a pair found
	 * templated is not also reported as repeating one sentence */
	for (i = 0; i < 2 * pf->prof->nchecks && !rc; i++) {
		const lor_setcheck *c = &pf->prof->checks[i % pf->prof->nchecks];

		if ((c->kind == LOR_SETCHECK_REPEATED) != (i >= pf->prof->nchecks))
			continue;
		switch (c->kind) {
		case LOR_SETCHECK_COUNT:
			if ((c->has_min && (double)pf->n < c->min) || (c->has_max && (double)pf->n > c->max)) {
				vars v;

				memset(&v, 0, sizeof(v));
				v.count = v.n = pf->n;
				v.need = c->has_min && (double)pf->n < c->min ? c->min : c->max;
				rc = add_finding(pf, c, &v);
			}
			break;
		case LOR_SETCHECK_LETTERS: rc = check_letters(pf, c); break;
		case LOR_SETCHECK_EVERY: rc = check_every(pf, c); break;
		default: rc = check_pairs(pf, c, ls, templated); break;
		}
	}
	if (!rc)
		rc = conclude(pf);
	if (rc == LOR_ENOMEM)
		lor_error__set(err, rc, "", 0, 0, "out of memory");
	for (i = 0; i < pf->n; i++)
		sents_release(&ls[i]);
	free(ls);
	free(templated);
	lor_matcher__release(&m);
	return rc;
}

int lor_portfolio_judge(lor_portfolio **out, const lor_ruleset *rs, const char *profile,
                        const lor_report *const *letters, size_t n, lor_error *err)
{
	const char *name = profile ? profile : "residency";
	const lor_setprofile *p = NULL;
	lor_portfolio *pf;
	size_t i;
	int rc;

	if (!n)
		return lor_error__set(err, LOR_EARG, "", 0, 0, "a portfolio needs at least one letter");
	if (n > LOR_PORTFOLIO_MAX)
		return lor_error__set(err, LOR_EARG, "", 0, 0,
		                      "a portfolio is one applicant's letters: %zu given, at most %d are compared",
		                      n, LOR_PORTFOLIO_MAX);
	for (i = 0; i < rs->nsets && !p; i++)
		if (!strcmp(rs->sets[i]->name, name))
			p = rs->sets[i];
	if (!p)
		return lor_error__set(err, LOR_ENOTFOUND, "", 0, 0,
		                      "no letter-set profile '%s' (rules/sets/%s.yml) for --portfolio", name, name);
	if (!(pf = calloc(1, sizeof(*pf))) || !(pf->letters = calloc(n, sizeof(*pf->letters)))) {
		free(pf);
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	}
	pf->prof = p;
	pf->n = n;
	memcpy(pf->letters, letters, n * sizeof(*letters));
	if ((rc = judge(pf, err))) {
		lor_portfolio_free(pf);
		return rc;
	}
	*out = pf;
	return LOR_OK;
}

/* ------------------------------------------------------------ accessors */

const char *lor_portfolio_profile(const lor_portfolio *pf)
{
	return pf->prof->name;
}

size_t lor_portfolio_letter_count(const lor_portfolio *pf)
{
	return pf->n;
}

const lor_report *lor_portfolio_letter(const lor_portfolio *pf, size_t i)
{
	return i < pf->n ? pf->letters[i] : NULL;
}

int lor_portfolio_score(const lor_portfolio *pf)
{
	return pf->score;
}

lor_verdict lor_portfolio_verdict(const lor_portfolio *pf)
{
	return pf->verdict;
}

size_t lor_portfolio_reason_count(const lor_portfolio *pf)
{
	return pf->nreasons;
}

const lor_reason *lor_portfolio_reason(const lor_portfolio *pf, size_t i)
{
	return i < pf->nreasons ? &pf->reasons[i] : NULL;
}

size_t lor_portfolio_finding_count(const lor_portfolio *pf)
{
	return pf->nfindings;
}

const lor_set_finding *lor_portfolio_finding(const lor_portfolio *pf, size_t i)
{
	return i < pf->nfindings ? &pf->findings[i] : NULL;
}

size_t lor_portfolio_step_count(const lor_portfolio *pf)
{
	return pf->nsteps;
}

const char *lor_portfolio_step(const lor_portfolio *pf, size_t i)
{
	return i < pf->nsteps ? pf->steps[i] : NULL;
}

size_t lor_ruleset_set_count(const lor_ruleset *rs)
{
	return rs ? rs->nsets : 0;
}

const char *lor_ruleset_set_name(const lor_ruleset *rs, size_t i)
{
	return rs && i < rs->nsets ? rs->sets[i]->name : NULL;
}
