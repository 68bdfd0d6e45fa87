/* engine.c - run a rule set over one document and assemble the report.
 *
 * The engine is the document walker; rules are the checks (Vale's split). It
 * owns the per-check context (matcher, findings, signals) and the helpers
 * every rule kind shares (scopes, exception filtering, message expansion),
 * and fills the report (report.c holds it and its accessors). The names of
 * signals and categories live in names.c, suppression comments in
 * suppress.c, the rule self-test in selftest.c. Nothing here prints.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------ the context */

/* The text of normalized [start, end), white space folded, cut at max bytes
 * on a character boundary: a message's %s, a shared sentence of two letters. */
int lor_engine__excerpt(const lor_document *doc, size_t start, size_t end, size_t max, lor_buf *b)
{
	size_t i;
	int space = 0;

	for (i = start; i < end; i++) {
		char c = doc->norm[i];

		/* cut at 120 bytes, but only at a character boundary: a cut inside
		 * a multi-byte character would make the message invalid UTF-8 */
		if (b->len >= max && ((unsigned char)c & 0xC0) != 0x80)
			break;
		if (c == ' ' || c == '\n') {
			space = 1;
			continue;
		}
		if ((space && b->len && lor_buf__add(b, " ", 1)) || lor_buf__add(b, &c, 1))
			return LOR_ENOMEM;
		space = 0;
	}
	return LOR_OK;
}

/* Expand "%s" (twice at most) and "%%" in the message: it is data, never a format. */
static char *expand(const char *m, const char *a1, const char *a2)
{
	lor_buf msg = LOR_BUF_INIT;
	const char *args[2];
	int used = 0;

	args[0] = a1;
	args[1] = a2;
	for (; *m; m++) {
		int rc;

		if (m[0] == '%' && m[1] == 's' && used < 2) {
			rc = lor_buf__adds(&msg, args[used++]);
			m++;
		} else if (m[0] == '%' && m[1] == '%') {
			rc = lor_buf__add(&msg, "%", 1);
			m++;
		} else {
			rc = lor_buf__add(&msg, m, 1);
		}
		if (rc) {
			lor_buf__release(&msg);
			return NULL; /* the caller reports out of memory */
		}
	}
	return lor_buf__detach(&msg);
}

int lor_ctx__emit(lor_ctx *ctx, const lor_rule *rule, size_t start, size_t end, const char *arg1,
                  const char *arg2)
{
	return lor_ctx__emit_as(ctx, rule, rule->message, start, end, arg1, arg2);
}

int lor_ctx__emit_as(lor_ctx *ctx, const lor_rule *rule, const char *message, size_t start, size_t end,
                     const char *arg1, const char *arg2)
{
	lor_buf ex = LOR_BUF_INIT;
	const char *text;
	lor_ifinding *f;

	if (lor_engine__excerpt(ctx->doc, start, end, 120, &ex)) {
		lor_buf__release(&ex);
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	}
	text = ex.data;
	if (lor__reserve(&ctx->findings, &ctx->capfindings, ctx->nfindings + 1, sizeof(lor_ifinding))) {
		lor_buf__release(&ex);
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	}
	f = &ctx->findings[ctx->nfindings];
	f->rule = rule;
	f->start = start;
	f->end = end;
	f->message = expand(message, arg1 ? arg1 : text, arg2 ? arg2 : text);
	f->redacted = expand(message, arg1 ? arg1 : "[redacted]", arg2 ? arg2 : "[redacted]");
	lor_buf__release(&ex);
	if (!f->message || !f->redacted) {
		free(f->message);
		free(f->redacted);
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	}
	ctx->nfindings++;
	return LOR_OK;
}

void lor_ctx__signal(lor_ctx *ctx, const lor_rule *rule, int value)
{
	int s = rule->signal;

	if (s < 0)
		return;
	if (value && !ctx->signal[s]) {
		ctx->signal[s] = 1;
		ctx->signal_rule[s] = rule;
	} else if (!ctx->signal_rule[s]) {
		ctx->signal_rule[s] = rule;
	}
}

int lor_ctx__vote(lor_ctx *ctx, const lor_rule *rule, double weight)
{
	if (lor__reserve(&ctx->votes, &ctx->capvotes, ctx->nvotes + 1, sizeof(lor_ivote)))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	ctx->votes[ctx->nvotes].rule = rule;
	ctx->votes[ctx->nvotes++].weight = weight;
	return LOR_OK;
}

const lor_tok *lor_ctx__scopes(lor_ctx *ctx, lor_scope scope, lor_tok *text, size_t *count)
{
	switch (scope) {
	case LOR_SCOPE_PARAGRAPH:
		*count = ctx->doc->ntok[LOR_TOK_PARAGRAPH];
		return ctx->doc->tok[LOR_TOK_PARAGRAPH];
	case LOR_SCOPE_SENTENCE:
		*count = ctx->doc->ntok[LOR_TOK_SENTENCE];
		return ctx->doc->tok[LOR_TOK_SENTENCE];
	default:
		memset(text, 0, sizeof(*text));
		text->end = (uint32_t)ctx->doc->norm_len; /* at most LOR_MAX_INPUT-scale: 32 bits */
		*count = 1;
		return text;
	}
}

int lor_ctx__match_error(lor_ctx *ctx, const lor_rule *rule, int rc, size_t at)
{
	lor_span sp;
	const char *why = rc == PCRE2_ERROR_MATCHLIMIT ? "match limit"
	                  : rc == PCRE2_ERROR_DEPTHLIMIT ? "depth limit"
	                  : rc == PCRE2_ERROR_HEAPLIMIT ? "heap limit" : NULL;
	PCRE2_UCHAR msg[256];

	lor_text__span(ctx->doc, at, at, &sp);
	if (!why) {
		pcre2_get_error_message(rc, msg, sizeof(msg));
		why = (const char *)msg;
	}
	return lor_error__set(ctx->err, LOR_ELIMIT, ctx->doc->path, (unsigned long)sp.line,
	                      (unsigned long)sp.column,
	                      "rule '%s' (%s) stopped: regex %s exceeded; the pattern backtracks "
	                      "catastrophically", rule->id, rule->path, why);
}

/* The exception matches of [start, end), found once per span: sequential
 * matches are disjoint and ordered, so one forward cursor answers every
 * "is this match excepted?" question in linear time overall. */
typedef struct spans {
	size_t *v;     /* start, end pairs */
	size_t n, cap, cursor;
	int loaded;
} spans;

/* Scratch for lor_match__first's cache: on the stack for up to 256 regexes
 * (a list's tokens), on the heap past that. */
typedef struct mcache {
	size_t local[512];
	size_t *v;
} mcache;

static size_t *mcache_init(mcache *c, size_t n)
{
	size_t i;

	c->v = 2 * n <= 512 ? c->local : malloc(2 * n * sizeof(size_t));
	for (i = 0; c->v && i < 2 * n; i++)
		c->v[i] = LOR_MATCH_UNKNOWN;
	return c->v;
}

static void mcache_release(mcache *c)
{
	if (c->v != c->local)
		free(c->v);
}

/* The windows of the document's tokens (match.c), or NULL when the
 * prefilter is off: then every token searches its whole span. */
static lor_windows *ctx_windows(lor_ctx *ctx)
{
	if (!ctx->rs || !ctx->rs->pf || ctx->rs->pf_off)
		return NULL;
	if (!ctx->pfh.scanned && lor_prefilter__scan(ctx->rs->pf, ctx->doc->norm, ctx->doc->norm_len, &ctx->pfh))
		return NULL; /* out of memory: search without windows, which is only slower */
	if (!ctx->pfh.scanned)
		return NULL; /* nothing scanned, no windows known */
	if (!ctx->win.hits) {
		ctx->win.pf = ctx->rs->pf;
		ctx->win.hits = &ctx->pfh;
		ctx->win.text = ctx->doc->norm;
		ctx->win.len = ctx->doc->norm_len;
	}
	return &ctx->win;
}

static int load_exceptions(lor_ctx *ctx, const lor_rule *rule, const lor_pattern *p, size_t start,
                           size_t end, spans *sp)
{
	size_t pos = start, es, ee;
	mcache mc;
	int rc;

	sp->loaded = 1;
	if (!mcache_init(&mc, p->nexcept))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	while ((rc = lor_match__first(&ctx->matcher, p->except, p->nexcept, ctx_windows(ctx), ctx->doc->norm, end, pos, mc.v,
	                              &es, &ee)) == 1) {
		if (ee > es) {
			if (lor__reserve(&sp->v, &sp->cap, 2 * (sp->n + 1), sizeof(size_t))) {
				mcache_release(&mc);
				return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
			}
			sp->v[2 * sp->n] = es;
			sp->v[2 * sp->n + 1] = ee;
			sp->n++;
		}
		pos = ee > es ? ee : es + 1;
		if (pos > end)
			break;
	}
	mcache_release(&mc);
	return rc < 0 ? lor_ctx__match_error(ctx, rule, rc, start) : LOR_OK;
}

static int excepted(const spans *sp, size_t *cursor, size_t ms, size_t me)
{
	while (*cursor < sp->n && sp->v[2 * *cursor + 1] <= ms)
		(*cursor)++;
	return *cursor < sp->n && sp->v[2 * *cursor] < me;
}

int lor_ctx__may_match(lor_ctx *ctx, const lor_pattern *p, size_t start, size_t end, int *may)
{
	*may = 1;
	if (!p->pf || !ctx->rs || !ctx->rs->pf || ctx->rs->pf_off)
		return LOR_OK;
	if (!ctx->pfh.scanned && lor_prefilter__scan(ctx->rs->pf, ctx->doc->norm, ctx->doc->norm_len, &ctx->pfh))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	*may = lor_prefilter__may_match(&ctx->pfh, p->pf - 1, start, end);
	return LOR_OK;
}

int lor_ctx__each(lor_ctx *ctx, const lor_rule *rule, const lor_pattern *p, size_t start,
                  size_t end, lor_match_fn fn, void *arg)
{
	size_t pos = start, ms, me;
	spans ex = { NULL, 0, 0, 0, 0 };
	mcache mc;
	int m, rc = LOR_OK;

	/* the prefilter: no literal of the pattern inside the span, no match there */
	if ((rc = lor_ctx__may_match(ctx, p, start, end, &m)) || !m)
		return rc;
	if (!mcache_init(&mc, p->nre))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	while ((m = lor_match__first(&ctx->matcher, p->re, p->nre, ctx_windows(ctx), ctx->doc->norm, end, pos,
	                             mc.v, &ms, &me)) == 1) {
		if (me == ms) { /* an empty match finds nothing; step over one character */
			pos = ms + 1;
			while (pos < end && ((unsigned char)ctx->doc->norm[pos] & 0xC0) == 0x80)
				pos++;
			if (pos > end)
				break;
			continue;
		}
		pos = me;
		if (p->except && !ex.loaded && (rc = load_exceptions(ctx, rule, p, start, end, &ex)))
			break;
		if (p->except && excepted(&ex, &ex.cursor, ms, me))
			continue;
		if ((rc = fn(ctx, rule, ms, me, arg)))
			break;
	}
	free(ex.v);
	mcache_release(&mc);
	if (m < 0) /* a PCRE2 failure: the match, depth or heap limit */
		return lor_ctx__match_error(ctx, rule, m, pos);
	return rc;
}

/* ------------------------------------------------------------- the check */

static int cmp_finding(const void *a, const void *b)
{
	const lor_finding *x = a, *y = b;

	if (x->span.offset != y->span.offset)
		return x->span.offset < y->span.offset ? -1 : 1;
	if (x->span.length != y->span.length)
		return x->span.length < y->span.length ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

int lor_ctx__dates(lor_ctx *ctx)
{
	if (ctx->dates_done)
		return LOR_OK;
	if (lor_dates__extract(&ctx->dates, ctx->doc->norm, ctx->doc->norm_len))
		return lor_error__set(ctx->err, LOR_ENOMEM, ctx->doc->path, 0, 0, "out of memory");
	ctx->letter_date = lor_dates__letter_date(&ctx->dates, ctx->doc->norm, ctx->doc->norm_len);
	ctx->dates_done = 1;
	return LOR_OK;
}

void lor_ctx__release(lor_ctx *ctx)
{
	size_t i;

	lor_dates__list_release(&ctx->dates);
	free(ctx->langs);
	free(ctx->votes);
	for (i = 0; i < ctx->nfindings; i++) {
		free(ctx->findings[i].message);
		free(ctx->findings[i].redacted);
	}
	free(ctx->findings);
	lor_prefilter__hits_release(&ctx->pfh);
	lor_windows__release(&ctx->win);
	lor_matcher__release(&ctx->matcher);
}

int lor_ctx__init(lor_ctx *ctx, const lor_document *doc, lor_error *err)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->letter_date = -1;
	ctx->doc = doc;
	ctx->err = err;
	if (lor_matcher__init(&ctx->matcher))
		return lor_error__set(err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
	return LOR_OK;
}

static int unless_holds(const lor_rule *rule, const int *signals)
{
	int s;

	for (s = 0; s < LOR_SIG_COUNT; s++)
		if (rule->unless[s] && signals[s])
			return 1;
	return 0;
}

/* Does the rule run under this profile? */
static int in_profile(const lor_rule *rule, const char *profile)
{
	size_t i;

	if (!rule->profiles)
		return 1;
	for (i = 0; i < rule->nprofiles; i++)
		if (!strcmp(rule->profiles[i], profile))
			return 1;
	return 0;
}

typedef struct fired_arg {
	const lor_report *r;
	const lor_ruleset *rs;
} fired_arg;

static int rule_fired(const void *arg, const char *rule_id)
{
	const fired_arg *fa = arg;
	const lor_report *r = fa->r;
	size_t i;
	long k;

	/* a letter in another language: its english_only rules were not applied */
	if (r->not_judged && (k = lor_ruleset_find(fa->rs, rule_id)) >= 0 && fa->rs->rules[k]->english_only)
		return -1;
	for (i = 0; i < r->nfindings; i++)
		if (!strcmp(r->findings[i].rule, rule_id))
			return 1;
	return 0;
}

static const lor_profile *find_profile(const lor_ruleset *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rs->nprofiles; i++)
		if (!strcmp(lor_profile__name(rs->profiles[i]), name))
			return rs->profiles[i];
	return NULL;
}

int lor_check(lor_report **out, const lor_ruleset *rs, const lor_document *doc,
              const lor_check_options *opts, lor_error *err)
{
	lor_check_options defaults = LOR_CHECK_OPTIONS_INIT;
	const lor_profile *profile = NULL;
	const char *pname;
	lor_report *r;
	lor_ctx ctx;
	fired_arg fa;
	size_t i;
	int rc, s, pass;

	if (!opts)
		opts = &defaults;
	if (opts->version != 1 && opts->version != LOR_CHECK_OPTIONS_VERSION)
		return lor_error__set(err, LOR_EARG, doc->path, 0, 0,
		                      "unsupported lor_check_options version %u", opts->version);
	if (rs->catalogue)
		return lor_error__set(err, LOR_EARG, doc->path, 0, 0,
		                      "the rule set was loaded as a catalogue (for listing), so it cannot check letters");
	pname = opts->profile ? opts->profile : "residency";
	profile = find_profile(rs, pname);
	if (!profile && (opts->profile || rs->nprofiles))
		return lor_error__set(err, LOR_ENOTFOUND, "", 0, 0, "unknown profile '%s'", pname);
	if ((rc = lor_ctx__init(&ctx, doc, err)))
		return rc;
	ctx.rs = rs;
	ctx.as_of_year = opts->as_of_year;
	ctx.as_of_month = opts->as_of_month;
	ctx.as_of_day = opts->as_of_day;
	/* Language rules run first: a letter mostly in another language is not
	 * judged by the rules marked english_only. Rules with `unless` run last,
	 * when every signal they depend on is known. */
	for (pass = 0; pass < 3; pass++)
		for (i = 0; i < rs->nrules; i++) {
			const lor_rule *rule = rs->rules[i];
			int stage = rule->kind == &lor_kind_language ? 0 : rule->has_unless ? 2 : 1;

			if (stage != pass || !in_profile(rule, pname) ||
			    (opts->version >= 2 && opts->skip_facts && rule->kind == &lor_kind_fact))
				continue;
			if ((pass == 2 && unless_holds(rule, ctx.signal)) || (ctx.foreign && rule->english_only)) {
				lor_ctx__signal(&ctx, rule, 0); /* decided: the condition rules it out */
				continue;
			}
			if ((rc = rule->kind->check(rule, &ctx))) {
				lor_ctx__release(&ctx);
				return rc;
			}
		}
	lor_suppress__apply(&ctx);
	r = calloc(1, sizeof(*r));
	if (!r || !(r->profile = lor__strdup(pname)) ||
	    (ctx.nfindings && !(r->findings = calloc(ctx.nfindings, sizeof(lor_finding))))) {
		lor_report_free(r);
		lor_ctx__release(&ctx);
		return lor_error__set(err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
	}
	r->doc = doc;
	for (i = 0; i < ctx.nfindings; i++) {
		lor_ifinding *f = &ctx.findings[i];
		lor_finding *o = &r->findings[i];

		o->rule = f->rule->id;
		o->category = f->rule->category_name;
		o->level = lor_profile__level(profile, f->rule->id, f->rule->level);
		o->message = f->message;
		o->message_redacted = f->redacted;
		o->fix = f->rule->fix;
		f->message = f->redacted = NULL; /* now the report's */
		lor_text__span(doc, f->start, f->end, &o->span);
	}
	r->nfindings = ctx.nfindings;
	if (r->nfindings)
		qsort(r->findings, r->nfindings, sizeof(lor_finding), cmp_finding);
	for (s = 0; s < LOR_SIG_COUNT; s++) {
		r->signal[s] = ctx.signal[s];
		r->decided_by[s] = ctx.signal_rule[s] ? ctx.signal_rule[s]->id : NULL;
	}
	r->words = lor_token__count_words(doc, 0, doc->norm_len);
	if (!(opts->version >= 2 && opts->skip_facts) &&
	    lor_fact__resolve(rs, ctx.votes, ctx.nvotes, &r->facts, &r->nfacts)) {
		lor_report_free(r);
		lor_ctx__release(&ctx);
		return lor_error__set(err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
	}
	if (ctx.foreign) {
		const char *name = rs->lang ? lor_lang__name(rs->lang, ctx.foreign_code) : NULL;
		lor_buf nj = LOR_BUF_INIT;

		if (lor_buf__addf(&nj, "the letter is in %s, not English: its endorsement, comparison, "
		                  "observation and tone were not judged", name ? name : ctx.foreign_code)) {
			lor_report_free(r);
			lor_ctx__release(&ctx);
			return lor_error__set(err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
		}
		r->not_judged = lor_buf__detach(&nj);
	}
	if (ctx.nlangs) {
		if (!(r->langs = calloc(ctx.nlangs, sizeof(*r->langs))) ||
		    !(r->lang_codes = calloc(ctx.nlangs, sizeof(*r->lang_codes)))) {
			lor_report_free(r);
			lor_ctx__release(&ctx);
			return lor_error__set(err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
		}
		for (i = 0; i < ctx.nlangs; i++) {
			memcpy(r->lang_codes[i], ctx.langs[i].code, sizeof(r->lang_codes[i]));
			r->langs[i].paragraph = ctx.langs[i].paragraph;
			r->langs[i].line = ctx.langs[i].line;
			r->langs[i].lang = r->lang_codes[i];
			r->langs[i].confidence = ctx.langs[i].confidence;
		}
		r->nlangs = ctx.nlangs;
	}
	if (lor_ctx__dates(&ctx)) {
		lor_report_free(r);
		lor_ctx__release(&ctx);
		return lor_error__set(err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
	}
	if (ctx.letter_date >= 0) {
		const lor_date__item *d = &ctx.dates.items[ctx.letter_date];

		r->has_date = 1;
		r->year = d->year;
		r->month = d->month ? d->month : 1;
		r->day = d->kind == LOR_DATE__DAY ? d->day : 0; /* no day is invented */
	}
	lor_ctx__release(&ctx);
	fa.r = r;
	fa.rs = rs;
	if (profile && lor_score__compute(&r->score, profile, r->signal, rule_fired, &fa)) {
		lor_report_free(r);
		return lor_error__set(err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
	}
	if (!profile)
		r->score.verdict = LOR_VERDICT_WEAK;
	*out = r;
	return LOR_OK;
}

