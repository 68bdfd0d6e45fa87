/* match.c - compile rule patterns with PCRE2 and match them without ever hanging.
 *
 * A rule's token list becomes one alternation, compiled once with UTF, UCP and
 * caseless as asked; matching a whole list is one pass, not one per token.
 * JIT compilation waits until a regex has been run over enough text to pay
 * for it (lor_regex in internal.h), so a one-letter run JITs almost nothing.
 * While the list compiles, its required literals are gathered for the rule
 * set's prefilter (prefilter.c). Tokens match whole words: the alternation is wrapped in
 * (?<!\w)...(?!\w) (Unicode-aware under UCP), which unlike \b also works for
 * tokens that begin or end with punctuation. A plain space in a token matches
 * any run of white space, so "do well" still matches across a line break (a
 * space followed by a quantifier, "top ?5", matches one white-space character;
 * inside a lookbehind a space stays a space, as lookbehinds must be fixed-length).
 *
 * Each token is first compiled on its own, so a bad one is reported with
 * PCRE2's own message at its exact column in the YAML file.
 *
 * What runs: each token of a list as its own regex (same wrapping), searched
 * only inside its *windows* when it has anchors (prefilter.c): a literal every
 * match holds and the most runs of white space before it, so a match can only
 * start between the (k+1)-th run back from an occurrence of the literal and
 * the occurrence itself. PCRE2 searches each window with an offset limit
 * (PCRE2_USE_OFFSET_LIMIT): one alternation of 80 tokens tried at every
 * character of a sentence became a few tokens tried where their words are
 * (bench/RESULTS.md). lor_match__first combines the tokens exactly as the
 * alternation would; the alternation itself is still compiled, once, for the
 * prefilter's literals and to find where PCRE2's size limit splits a list.
 *
 * Runaway patterns: every match runs under a match limit that grows with the
 * subject (LOR_MATCH_LIMIT plus 64 steps per byte: linear work is always
 * allowed, exponential backtracking never finishes inside it), a depth limit
 * and a heap limit, so a catastrophic rule ends in milliseconds with an error.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define LOR_HEAP_LIMIT_KIB 65536u
/* Compile limits on a rule's pattern (see compile_bounded). */
#define LOR_MAX_PATTERN (256u * 1024u)
#define LOR_PARENS_NEST 100u

/* The JIT stack: one per thread, made on its first check and kept until
 * the thread ends. One per check cost an mmap and a munmap of 1 MiB for
 * every letter, and with -j every munmap stopped the other cores to flush
 * their TLBs (bench/RESULTS.md). */
static pthread_key_t js_key;
static pthread_once_t js_once = PTHREAD_ONCE_INIT;
static int js_key_ok;

static void js_free(void *js)
{
	pcre2_jit_stack_free(js);
}

static void js_init(void)
{
	js_key_ok = pthread_key_create(&js_key, js_free) == 0;
}

static pcre2_jit_stack *thread_jit_stack(int *owned)
{
	pcre2_jit_stack *js;

	pthread_once(&js_once, js_init);
	*owned = 0;
	if (js_key_ok && (js = pthread_getspecific(js_key)))
		return js;
	if (!(js = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL)))
		return NULL;
	if (js_key_ok && pthread_setspecific(js_key, js) == 0)
		return js;
	*owned = 1; /* no thread-specific slot: this matcher frees it */
	return js;
}

int lor_matcher__init(lor_matcher *m)
{
	memset(m, 0, sizeof(*m));
	m->md = pcre2_match_data_create(1, NULL);
	m->mc = pcre2_match_context_create(NULL);
	m->js = thread_jit_stack(&m->js_owned);
	if (!m->md || !m->mc || !m->js) {
		lor_matcher__release(m);
		return LOR_ENOMEM;
	}
	pcre2_set_depth_limit(m->mc, LOR_DEPTH_LIMIT);
	pcre2_set_heap_limit(m->mc, LOR_HEAP_LIMIT_KIB);
	pcre2_jit_stack_assign(m->mc, NULL, m->js);
	return LOR_OK;
}

void lor_matcher__release(lor_matcher *m)
{
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mc);
	if (m->js_owned)
		pcre2_jit_stack_free(m->js);
	memset(m, 0, sizeof(*m));
}

/* Column (1-based, code points) in the YAML file of byte off of a scalar's
 * value: exact for one-line plain and quoted scalars, which is how tokens are
 * written; block scalars point at their first line. */
static unsigned long scalar_column(const yaml_node_t *node, const char *value, size_t off)
{
	unsigned long col = (unsigned long)node->start_mark.column + 1;
	size_t i;

	if (node->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    node->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		col++;
	else if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return col;
	for (i = 0; i < off && value[i]; i++)
		if (((unsigned char)value[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static uint32_t compile_flags(int ignorecase)
{
	return PCRE2_UTF | PCRE2_UCP | (ignorecase ? PCRE2_CASELESS : 0u);
}

/* A token's own regex may be searched inside windows: offset limits on. */
#define LOR_TOKEN_FLAGS PCRE2_USE_OFFSET_LIMIT

/* Expand the word classes of pattern into out, or set a positioned error at
 * the unknown reference. map (when not NULL) is filled as lor_classes__expand
 * describes and must be freed. */
static int expand(lor_buf *out, size_t **map, lor_yaml *y, yaml_node_t *node, const char *pattern,
                  lor_error *err)
{
	size_t bad = 0, cap = 0;
	int rc;

	out->max = LOR_MAX_PATTERN; /* stop a hostile expansion early: {BIG}{BIG}{BIG}... */
	rc = lor_classes__expand(y->classes, pattern, out, &bad, NULL, 0);
	if (rc == LOR_OK && map) {
		/* a second pass, now that the length is known, to map offsets back */
		cap = out->len + 1;
		out->len = 0;
		if (out->cap)
			out->data[0] = '\0';
		if (!(*map = calloc(cap, sizeof(size_t))))
			return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
		rc = lor_classes__expand(y->classes, pattern, out, &bad, *map, cap);
	}
	if (rc == LOR_OK)
		return LOR_OK;
	if (map) {
		free(*map);
		*map = NULL;
	}
	if (rc == LOR_ENOMEM)
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	if (rc == LOR_ELIMIT)
		return lor_error__set(err, LOR_ERULE, y->path, (unsigned long)node->start_mark.line + 1,
		                      (unsigned long)node->start_mark.column + 1,
		                      "regex longer than %u bytes once its word classes are expanded",
		                      LOR_MAX_PATTERN);
	{
		size_t len = strcspn(pattern + bad, "}") + 1;

		return lor_error__set(err, LOR_ERULE, y->path, (unsigned long)node->start_mark.line + 1,
		                      scalar_column(node, pattern, bad),
		                      "unknown word class '%.*s' (classes are files in a classes/ folder; "
		                      "see lorlint --list-classes)", (int)len, pattern + bad);
	}
}

/* A pattern of a rule file as PCRE2 code, under compile limits: a hostile
 * rule (a regex of megabytes, or parentheses nested thousands deep) is
 * refused with PCRE2's own message instead of costing time and memory. The
 * limits apply to the pattern with its word classes expanded; the built-in
 * rules stay far below them. */
static pcre2_code *compile_bounded(const char *pat, size_t len, uint32_t flags, int *ec, PCRE2_SIZE *eoff)
{
	pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
	pcre2_code *re;

	if (!cc) {
		*ec = PCRE2_ERROR_NOMEMORY;
		*eoff = 0;
		return NULL;
	}
	pcre2_set_max_pattern_length(cc, LOR_MAX_PATTERN);
	pcre2_set_parens_nest_limit(cc, LOR_PARENS_NEST);
	re = pcre2_compile((PCRE2_SPTR)pat, len, flags, ec, eoff, cc);
	pcre2_compile_context_free(cc);
	return re;
}

/* How much of a pattern an error message quotes: all of it, or its first 60
 * bytes cut at a character boundary, so that PCRE2's reason still fits. */
static int quoted_len(const char *pattern)
{
	size_t n = strlen(pattern);

	if (n <= 72)
		return (int)n;
	for (n = 60; n > 0 && ((unsigned char)pattern[n] & 0xC0) == 0x80; n--)
		;
	return (int)n;
}

int lor_match__compile(pcre2_code **out, lor_yaml *y, yaml_node_t *node, const char *pattern,
                       int ignorecase, lor_error *err)
{
	int ec, rc;
	PCRE2_SIZE eoff;
	lor_buf b = LOR_BUF_INIT;
	size_t *map = NULL;
	pcre2_code *re;

	if ((rc = expand(&b, &map, y, node, pattern, err))) {
		lor_buf__release(&b);
		return rc;
	}
	re = compile_bounded(b.data, b.len, compile_flags(ignorecase), &ec, &eoff);
	if (!re) {
		PCRE2_UCHAR msg[256];
		/* the offset in the pattern as written: a fault inside a class's
		 * expansion points at the reference */
		size_t at = eoff < b.len ? map[eoff] : strlen(pattern);

		pcre2_get_error_message(ec, msg, sizeof(msg));
		lor_buf__release(&b);
		free(map);
		return lor_error__set(err, LOR_ERULE, y->path, (unsigned long)node->start_mark.line + 1,
		                      scalar_column(node, pattern, at), "invalid regex '%.*s%s': %s at offset %zu",
		                      quoted_len(pattern), pattern, pattern[quoted_len(pattern)] ? "..." : "",
		                      (char *)msg, at);
	}
	lor_buf__release(&b);
	free(map);
	*out = re; /* not JIT-compiled: it only validates, or runs rarely (see lor_regex) */
	return LOR_OK;
}

/* Append token to b, turning unescaped spaces outside classes into \s+ --
 * except inside lookbehinds, which PCRE2 requires to be of fixed length. */
static int add_token(lor_buf *b, const char *t)
{
	int in_class = 0, depth = 0, behind_depth = -1;
	size_t i;

	for (i = 0; t[i]; i++) {
		char c = t[i];

		if (c == '\\' && t[i + 1]) {
			if (lor_buf__add(b, t + i, 2))
				return LOR_ENOMEM;
			i++;
			continue;
		}
		if (!in_class && c == '(') {
			depth++;
			if (behind_depth < 0 && t[i + 1] == '?' && t[i + 2] == '<' &&
			    (t[i + 3] == '=' || t[i + 3] == '!'))
				behind_depth = depth;
		} else if (!in_class && c == ')') {
			if (depth == behind_depth)
				behind_depth = -1;
			depth--;
		}
		if (c == '[' && !in_class)
			in_class = 1;
		else if (c == ']' && in_class)
			in_class = 0;
		if (c == ' ' && !in_class && behind_depth < 0) {
			while (t[i + 1] == ' ')
				i++;
			/* A quantified space ("top ?5") keeps its quantifier: \s? */
			if (lor_buf__adds(b, strchr("?*+{", t[i + 1]) && t[i + 1] ? "\\s" : "\\s+"))
				return LOR_ENOMEM;
			continue;
		}
		/* copy the run of bytes up to the next one the loop must look at */
		{
			size_t n = 1 + strcspn(t + i + 1, "\\()[] ");

			if (lor_buf__add(b, t + i, n))
				return LOR_ENOMEM;
			i += n - 1;
		}
	}
	return LOR_OK;
}

/* The prefilter literals of a token list's regexes, gathered as they compile
 * (prefilter.c). always: one regex has none, so the list always runs. */
typedef struct literals {
	char **v;
	size_t n, cap;
	int always;
} literals;

static void literals_release(literals *l)
{
	lor__strings_free(l->v, l->n);
	memset(l, 0, sizeof(*l));
}

/* Add the literals of the regex source re[0, len) to l. */
static int literals_add(literals *l, const char *re, size_t len)
{
	char **v;
	size_t n, i;

	if (l->always)
		return LOR_OK;
	if (lor_prefilter__literals(re, len, &v, &n))
		return LOR_ENOMEM;
	if (!n) {
		literals_release(l);
		l->always = 1;
		return LOR_OK;
	}
	if (lor__reserve(&l->v, &l->cap, l->n + n, sizeof(char *))) {
		for (i = 0; i < n; i++)
			free(v[i]);
		free(v);
		return LOR_ENOMEM;
	}
	memcpy(l->v + l->n, v, n * sizeof(char *));
	l->n += n;
	free(v);
	return LOR_OK;
}

/* Add the literals the build found for a cached regex (rulecache.c). */
static int literals_add_cached(literals *l, const lor_rulecache_entry *e)
{
	size_t i;

	if (l->always)
		return LOR_OK;
	if (!e->nlits) {
		literals_release(l);
		l->always = 1;
		return LOR_OK;
	}
	if (lor__reserve(&l->v, &l->cap, l->n + e->nlits, sizeof(char *)))
		return LOR_ENOMEM;
	for (i = 0; i < e->nlits; i++) {
		if (!(l->v[l->n] = lor__strdup(lor_rulecache__lit(e, i))))
			return LOR_ENOMEM;
		l->n++;
	}
	return LOR_OK;
}

typedef struct regexes {
	lor_regex *v;
	size_t n, cap;
	size_t chunks; /* alternations made so far */
} regexes;

/* One token's own regex, in the same whole-word wrapping as its list's
 * alternation, appended to r in chunk `chunk`; its anchors (cached or found
 * now) become its window pattern in the prefilter. */
/* Does tok open with "[^...]*" over a few ASCII bytes (see lor_regex.stop),
 * with nothing later that could make a later start match where an earlier
 * one did not: back references, recursion, conditionals, \G, \K, or an
 * alternative at the top level that does not open with the run? Sets the
 * stop bytes; 0 when it does not apply. */
static size_t run_prefix(const char *tok, unsigned char *stop, size_t max)
{
	size_t i = 2, n = 0;
	int depth = 0, in_class = 0;

	if (strncmp(tok, "[^", 2))
		return 0;
	while (tok[i] && tok[i] != ']') {
		unsigned char c = (unsigned char)tok[i];

		if (c == '\\') {
			char d = tok[i + 1];

			c = d == 'n' ? '\n' : d == 't' ? '\t' : d == 'r' ? '\r' : (d && strchr(".,;:!?()[]{}|/-'\"", d)) ? (unsigned char)d : 0;
			if (!c)
				return 0; /* \w, \s, \p...: not a byte set */
			i += 2;
		} else if (c < 0x80 && c != '-' && c != '[') {
			i++;
		} else {
			return 0;
		}
		if (n == max)
			return 0;
		stop[n++] = c;
	}
	if (tok[i] != ']' || tok[i + 1] != '*' || !n)
		return 0;
	for (i += 2; tok[i]; i++) {
		char c = tok[i];

		if (c == '\\') {
			char d = tok[i + 1];

			if (!d || strchr("123456789gkGKQ", d))
				return 0;
			i++;
		} else if (in_class) {
			if (c == ']')
				in_class = 0;
		} else if (c == '[') {
			in_class = 1;
			if (tok[i + 1] == '^')
				i++;
			if (tok[i + 1] == ']')
				i++;
		} else if (c == '(') {
			if (tok[i + 1] == '?' && (strchr("(|R&+0123456789", tok[i + 2]) ||
			                          (tok[i + 2] == 'P' && (tok[i + 3] == '=' || tok[i + 3] == '>'))))
				return 0;
			depth++;
		} else if (c == ')') {
			depth--;
		} else if (c == '|' && depth == 0) {
			return 0;
		}
	}
	return n;
}

/* run_prefix() of a token's wrapped source (add_token_regex). */
static size_t run_prefix_wrapped(const char *src, int nonword, unsigned char *stop, size_t max)
{
	const char *open = nonword ? "(?:(?:" : "(?<!\\w)(?:(?:";
	size_t n = strlen(open);

	return strncmp(src, open, n) ? 0 : run_prefix(src + n, stop, max);
}

#define PLAN_MISS (-1000) /* add_token_regex: the load plan is out of step */

/* Add token tok of a list as a regex of its own (chunk: its alternation).
 * tok NULL: take the next entry of y's load plan instead (PLAN_MISS when
 * there is none, and the caller expands the token and calls again). */
static int add_token_regex(regexes *r, lor_yaml *y, const char *tok, int ignorecase, int nonword,
                           size_t chunk)
{
	lor_buf b = LOR_BUF_INIT;
	const lor_rulecache_entry *cached = NULL;
	pcre2_code *code = NULL;
	uint32_t flags = compile_flags(ignorecase) | LOR_TOKEN_FLAGS;
	char **anchors = NULL;
	long *ks = NULL;
	size_t nanchors = 0, id;
	int ec = 0, rc = LOR_OK;
	PCRE2_SIZE eoff;
	const char *src;

	if (!tok) {
		if (!(cached = lor_rulecache__next(y, flags)) || cached->error) {
			y->plan = NULL;
			return PLAN_MISS;
		}
		src = lor_rulecache__src(cached);
	} else if (lor_buf__adds(&b, nonword ? "(?:(?:" : "(?<!\\w)(?:(?:") || add_token(&b, tok) ||
	           lor_buf__adds(&b, nonword ? "))" : "))(?!\\w)")) {
		goto nomem;
	} else {
		src = b.data;
	}
	if (tok && !(y->cached && (cached = lor_rulecache__find(b.data, b.len, flags)) && !cached->error)) {
		cached = NULL;
		if (!(code = pcre2_compile((PCRE2_SPTR)b.data, b.len, flags, &ec, &eoff, NULL)))
			rc = ec ? ec : 1; /* each token compiled alone before: only memory fails here */
		if (y->rec && y->rec->add(y->rec->arg, b.data, b.len, flags, code ? 0 : ec))
			goto nomem;
		if (code && y->pf && lor_prefilter__anchors(b.data, b.len, &anchors, &ks, &nanchors))
			goto nomem;
	}
	if (rc)
		goto out;
	if (lor__reserve(&r->v, &r->cap, r->n + 1, sizeof(lor_regex)))
		goto nomem;
	atomic_init(&r->v[r->n].code, code);
	r->v[r->n].entry = cached;
	atomic_init(&r->v[r->n].jit, NULL);
	atomic_init(&r->v[r->n].scanned, 0);
	r->v[r->n].chunk = chunk;
	r->v[r->n].win = 0;
	r->v[r->n].nstop = (unsigned char)run_prefix_wrapped(src, nonword, r->v[r->n].stop, sizeof(r->v[r->n].stop));
	r->v[r->n].assert_nonword = !nonword;
	code = NULL;
	if (cached && y->pf && cached->nanchors) { /* the build's anchors, lent */
		if (lor_prefilter__add_anchors_pooled(y->pf, lor_rulecache__pool, lor_rulecache__strs + cached->anchors,
		                                      lor_rulecache__ks + cached->anchors, cached->nanchors, &id))
			goto nomem_added;
		r->v[r->n].win = id + 1;
	} else if (nanchors) {
		if (lor_prefilter__add_anchors(y->pf, (const char *const *)anchors, ks, nanchors, 0, &id))
			goto nomem_added;
		free(anchors); /* the strings are the prefilter's now */
		anchors = NULL;
		nanchors = 0;
		r->v[r->n].win = id + 1;
	}
	r->n++;
	goto out;
nomem_added:
	r->n++; /* regexes_free releases it */
nomem:
	rc = LOR_ENOMEM;
out:
	pcre2_code_free(code);
	lor__strings_free(anchors, nanchors);
	free(ks);
	lor_buf__release(&b);
	return rc;
}

/* Compile items [from, to) of seq as one alternation into *out (and its
 * prefilter literals into lits, when not NULL). Returns LOR_OK, or the PCRE2
 * error code (positive) when it does not compile. */
static int compile_range(pcre2_code **out, const lor_rulecache_entry **entry, lor_yaml *y,
                         yaml_node_t *seq, size_t from, size_t to, int ignorecase, int nonword,
                         literals *lits, int *pcre_error)
{
	lor_buf b = LOR_BUF_INIT;
	const lor_rulecache_entry *cached;
	size_t i;
	int xrc;
	uint32_t flags;
	PCRE2_SIZE eoff;

	flags = compile_flags(ignorecase);
	*out = NULL;
	*entry = NULL;
	if (y->plan && (cached = lor_rulecache__next(y, flags))) { /* the build's, in the order it met them */
		if (cached->error) {
			*pcre_error = cached->error;
			return cached->error;
		}
		if (lits && literals_add_cached(lits, cached))
			return LOR_ENOMEM;
		*entry = cached;
		return LOR_OK;
	}
	if (lor_buf__adds(&b, nonword ? "(?:" : "(?<!\\w)(?:"))
		goto nomem;
	for (i = from; i < to; i++) {
		yaml_node_t *item = lor_yaml__node(y, seq->data.sequence.items.start[i]);
		const char *tok = lor_yaml__scalar(item);
		lor_buf x = LOR_BUF_INIT;

		/* every item was expanded once before (compile_list) unless the rule is
		 * trusted; a failure then is reported by compile_list's item check */
		if ((xrc = expand(&x, NULL, y, item, tok, NULL))) {
			lor_buf__release(&x);
			if (xrc == LOR_ENOMEM)
				goto nomem;
			lor_buf__release(&b);
			return LOR_ERULE;
		}
		if ((i > from && lor_buf__adds(&b, "|")) || lor_buf__adds(&b, "(?:") || add_token(&b, x.data) ||
		    lor_buf__adds(&b, ")")) {
			lor_buf__release(&x);
			goto nomem;
		}
		lor_buf__release(&x);
	}
	if (lor_buf__adds(&b, nonword ? ")" : ")(?!\\w)"))
		goto nomem;
	/* a built-in list the build compiled: its literals now, its code when it first runs */
	if (y->cached && (cached = lor_rulecache__find(b.data, b.len, flags))) {
		lor_buf__release(&b);
		if (cached->error) { /* too large as one: compile_split halves it */
			*pcre_error = cached->error;
			return cached->error;
		}
		if (lits && literals_add_cached(lits, cached))
			return LOR_ENOMEM;
		*entry = cached;
		return LOR_OK;
	}
	*out = pcre2_compile((PCRE2_SPTR)b.data, b.len, flags, pcre_error, &eoff, NULL);
	if (y->rec && y->rec->add(y->rec->arg, b.data, b.len, flags, *out ? 0 : *pcre_error)) {
		pcre2_code_free(*out);
		*out = NULL;
		goto nomem;
	}
	if (*out && lits && literals_add(lits, b.data, b.len)) {
		pcre2_code_free(*out);
		*out = NULL;
		goto nomem;
	}
	lor_buf__release(&b);
	if (!*out)
		return *pcre_error ? *pcre_error : 1;
	return LOR_OK; /* JIT-compiled later, if it is run enough (lor_regex) */
nomem:
	lor_buf__release(&b);
	return LOR_ENOMEM;
}

/* Compile [from, to) as few alternations as PCRE2's size limit allows:
 * the whole range, or else each half, recursively. With tokens set, each
 * alternation is only made for its literals (and to find the chunks), and
 * what goes into r is each token's own regex (add_token_regex). */
static int compile_split(regexes *r, lor_yaml *y, yaml_node_t *seq, const char *key, size_t from,
                         size_t to, int ignorecase, int nonword, literals *lits, int tokens,
                         lor_error *err)
{
	pcre2_code *re = NULL;
	const lor_rulecache_entry *entry = NULL;
	int ec = 0, rc = compile_range(&re, &entry, y, seq, from, to, ignorecase, nonword, lits, &ec);

	if (rc == LOR_ENOMEM)
		return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
	if (rc == LOR_OK && tokens) {
		size_t i, chunk = r->chunks++;

		pcre2_code_free(re);
		for (i = from; i < to; i++) {
			yaml_node_t *item = lor_yaml__node(y, seq->data.sequence.items.start[i]);
			lor_buf x = LOR_BUF_INIT;

			rc = y->plan ? add_token_regex(r, y, NULL, ignorecase, nonword, chunk) : PLAN_MISS;
			if (rc == PLAN_MISS && (rc = expand(&x, NULL, y, item, lor_yaml__scalar(item), NULL)) == LOR_OK)
				rc = add_token_regex(r, y, x.data, ignorecase, nonword, chunk);
			lor_buf__release(&x);
			if (rc == LOR_ENOMEM)
				return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
			if (rc)
				return lor_yaml__fail(err, y, item, "'%s' item does not compile on its own", key);
		}
		return LOR_OK;
	}
	if (rc == LOR_OK) {
		if (lor__reserve(&r->v, &r->cap, r->n + 1, sizeof(lor_regex))) {
			pcre2_code_free(re);
			return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
		}
		atomic_init(&r->v[r->n].code, re);
		r->v[r->n].entry = entry;
		atomic_init(&r->v[r->n].jit, NULL);
		atomic_init(&r->v[r->n].scanned, 0);
		r->v[r->n].chunk = r->chunks++;
		r->v[r->n].win = 0;
		r->v[r->n].nstop = 0;
		r->n++;
		return LOR_OK;
	}
	if (ec == PCRE2_ERROR_PATTERN_TOO_LARGE && to - from > 1) {
		size_t mid = from + (to - from) / 2;

		if ((rc = compile_split(r, y, seq, key, from, mid, ignorecase, nonword, lits, tokens, err)))
			return rc;
		return compile_split(r, y, seq, key, mid, to, ignorecase, nonword, lits, tokens, err);
	}
	{
		/* Each token compiled alone; together they can still fail (e.g. a
		 * token with an unbalanced ')' closing the wrapper). */
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(ec, msg, sizeof(msg));
		return lor_yaml__fail(err, y, lor_yaml__node(y, seq->data.sequence.items.start[from]),
		                      "'%s' do not combine into one regex: %s", key, (char *)msg);
	}
}

static void regexes_free(lor_regex *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		pcre2_code_free(atomic_load(&v[i].code));
		pcre2_code_free(atomic_load(&v[i].jit));
	}
	free(v);
}

/* Validate each item of seq on its own, then compile them as alternations. */
/* Check that every item of seq is a non-empty string and, when compile is
 * set, that each compiles on its own (an error then points at the item). */
/* A token with a space at either end can never match where the whole-word
 * wrapping is added: "(?<!\w)(?:top )(?!\w)" fails before every word. */
static int edge_space(const char *tok)
{
	size_t n = strlen(tok);

	return tok[0] == ' ' || (n >= 2 && tok[n - 1] == ' ' && tok[n - 2] != '\\');
}

static int check_items(lor_yaml *y, yaml_node_t *seq, const char *key, int ignorecase, int compile,
                       int nonword, lor_error *err)
{
	yaml_node_item_t *it;
	int rc;

	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *item = lor_yaml__node(y, *it);
		const char *tok = lor_yaml__scalar(item);
		pcre2_code *one;

		if (!tok)
			return lor_yaml__fail(err, y, item, "'%s' items must be strings", key);
		if (!*tok)
			return lor_yaml__fail(err, y, item, "'%s' item is empty", key);
		if (!nonword && edge_space(tok))
			return lor_yaml__fail(err, y, item,
			                      "'%s' item '%s' %s with a space: items match whole words, so it can never "
			                      "match next to a word (use \\b or a lookahead instead)",
			                      key, tok, tok[0] == ' ' ? "starts" : "ends");
		if (compile && (rc = lor_match__compile(&one, y, item, tok, ignorecase, err)))
			return rc;
		if (compile)
			pcre2_code_free(one);
	}
	return LOR_OK;
}

/* Validate each item of seq on its own, then compile them as alternations.
 * The built-in rules (y->trusted) skip the one-by-one compile, a quarter of
 * start-up, unless the alternation fails: then it runs to find the item at
 * fault. `make test` loads rules/ as a folder, where every item is checked. */
static int compile_list(lor_regex **out, size_t *nout, lor_yaml *y, yaml_node_t *seq,
                        const char *key, int ignorecase, int nonword, literals *lits, int tokens,
                        lor_error *err)
{
	regexes r = { NULL, 0, 0, 0 };
	size_t count;
	int rc;

	if (seq->type != YAML_SEQUENCE_NODE)
		return lor_yaml__fail(err, y, seq, "'%s' must be a list of strings", key);
	if (seq->data.sequence.items.start == seq->data.sequence.items.top)
		return lor_yaml__fail(err, y, seq, "'%s' must not be empty", key);
	if ((rc = check_items(y, seq, key, ignorecase, !y->trusted, nonword, err)))
		return rc;
	count = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
	if ((rc = compile_split(&r, y, seq, key, 0, count, ignorecase, nonword, lits, tokens, err))) {
		regexes_free(r.v, r.n);
		if (y->trusted && rc != LOR_ENOMEM) {
			int rc2 = check_items(y, seq, key, ignorecase, 1, nonword, err);

			return rc2 ? rc2 : rc;
		}
		return rc;
	}
	*out = r.v;
	*nout = r.n;
	return LOR_OK;
}

int lor_pattern__compile(lor_pattern *p, lor_yaml *y, yaml_node_t *tokens, yaml_node_t *exceptions,
                         int ignorecase, int nonword, lor_error *err)
{
	literals lits = { NULL, 0, 0, 0 };
	size_t id;
	int rc;

	memset(p, 0, sizeof(*p));
	if ((rc = compile_list(&p->re, &p->nre, y, tokens, "tokens", ignorecase, nonword, y->pf ? &lits : NULL,
	                       1, err))) {
		literals_release(&lits);
		return rc;
	}
	if (exceptions &&
	    (rc = compile_list(&p->except, &p->nexcept, y, exceptions, "exceptions", ignorecase, 0, NULL, 1,
	                       err))) {
		literals_release(&lits);
		lor_pattern__release(p);
		return rc;
	}
	if (y->pf && lits.n) {
		if (lor_prefilter__add(y->pf, lits.v, lits.n, &id)) {
			literals_release(&lits);
			lor_pattern__release(p);
			return lor_error__set(err, LOR_ENOMEM, y->path, 0, 0, "out of memory");
		}
		p->pf = id + 1;
		free(lits.v); /* the strings are the prefilter's now */
		memset(&lits, 0, sizeof(lits));
	}
	literals_release(&lits);
	return LOR_OK;
}

void lor_pattern__release(lor_pattern *p)
{
	regexes_free(p->re, p->nre);
	regexes_free(p->except, p->nexcept);
	memset(p, 0, sizeof(*p));
}

/* The leftmost match of the list, as its alternations would give it: a
 * chunk's alternation finds its leftmost start and, there, its first token
 * that matches, so each chunk's match is its earliest-starting token (the
 * first in list order on a tie); across chunks the leftmost wins, then the
 * longer (then the earlier chunk), as the alternations were always combined. */
int lor_match__first(lor_matcher *m, lor_regex *re, size_t n, lor_windows *w, const char *subject,
                     size_t end, size_t start, size_t *cache, size_t *ms, size_t *me)
{
	size_t i, best = (size_t)-1;

	for (i = 0; i < n; i++) {
		size_t *c = &cache[2 * i];

		if (c[0] == LOR_MATCH_UNKNOWN || (c[0] != (size_t)-1 && c[0] < start)) {
			int rc = lor_match__next(m, &re[i], w, subject, end, start, &c[0], &c[1]);

			if (rc < 0)
				return rc;
			if (rc == 0)
				c[0] = (size_t)-1; /* no more matches of this one */
		}
	}
	for (i = 0; i < n;) {
		size_t chunk = re[i].chunk, cb = (size_t)-1;

		for (; i < n && re[i].chunk == chunk; i++)
			if (cache[2 * i] != (size_t)-1 && (cb == (size_t)-1 || cache[2 * i] < cache[2 * cb]))
				cb = i;
		if (cb == (size_t)-1)
			continue;
		if (best == (size_t)-1 || cache[2 * cb] < cache[2 * best] ||
		    (cache[2 * cb] == cache[2 * best] && cache[2 * cb + 1] > cache[2 * best + 1]))
			best = cb;
	}
	if (best == (size_t)-1)
		return 0;
	*ms = cache[2 * best];
	*me = cache[2 * best + 1];
	return 1;
}

/* ------------------------------------------------------------- windows */

/* Is there a character PCRE2's \s matches (with UCP: Unicode's Z
 * categories, tab, LF, VT, FF, CR) at s[i]? Its length in *n. */
static int white_at(const unsigned char *s, size_t i, size_t len, size_t *n)
{
	unsigned c = s[i];

	*n = 1;
	if (c == ' ' || (c >= 0x09 && c <= 0x0D))
		return 1;
	if (c < 0xC2)
		return 0;
	if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) { /* U+00A0 */
		*n = 2;
		return 1;
	}
	if (i + 2 >= len || (c != 0xE1 && c != 0xE2 && c != 0xE3))
		return 0;
	*n = 3;
	if (c == 0xE1) /* U+1680 */
		return s[i + 1] == 0x9A && s[i + 2] == 0x80;
	if (c == 0xE3) /* U+3000 */
		return s[i + 1] == 0x80 && s[i + 2] == 0x80;
	if (s[i + 1] == 0x80) /* U+2000-200A, U+2028, U+2029, U+202F */
		return s[i + 2] <= 0x8A || s[i + 2] == 0xA8 || s[i + 2] == 0xA9 || s[i + 2] == 0xAF;
	return s[i + 1] == 0x81 && s[i + 2] == 0x9F; /* U+205F */
}

void lor_windows__release(lor_windows *w)
{
	free(w->runs);
	free(w->at);
	free(w->count);
	free(w->pairs);
	memset(w, 0, sizeof(*w));
}

static int cmp_pair(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1];
}

#define LOR_WINDOW_GAP 64u   /* windows closer than this are searched as one */
#define LOR_WINDOW_COST 256u /* a search counts as this many bytes more towards JIT */

/* The windows of window pattern id in w's text: *v holds *n (first, last)
 * pairs of starts, sorted and disjoint. LOR_ENOMEM or LOR_OK. */
static int windows_of(lor_windows *w, size_t id, const uint32_t **v, size_t *n)
{
	const lor_prefilter_hits *h = w->hits;
	size_t i, from, to, k, at, lo;

	if (!w->runs_done) {
		const unsigned char *s = (const unsigned char *)w->text;
		size_t len;
		int in = 0;

		for (i = 0; i < w->len; i += len) {
			int white = white_at(s, i, w->len, &len);

			if (white && !in) {
				if (lor__reserve(&w->runs, &w->capruns, w->nruns + 1, sizeof(uint32_t)))
					return LOR_ENOMEM;
				w->runs[w->nruns++] = (uint32_t)i;
			}
			in = white;
		}
		w->runs_done = 1;
	}
	if (!w->at && (!(w->at = calloc(h->npatterns + 1, sizeof(size_t))) ||
	               !(w->count = calloc(h->npatterns + 1, sizeof(size_t)))))
		return LOR_ENOMEM;
	if (id >= h->npatterns) {
		*v = NULL;
		*n = 0;
		return LOR_OK;
	}
	if (!w->at[id]) {
		from = h->first[id];
		to = h->first[id + 1];
		at = w->npairs;
		if (lor__reserve(&w->pairs, &w->cappairs, 2 * (at + (to - from)) + 2, sizeof(uint32_t)))
			return LOR_ENOMEM;
		for (i = from, lo = 0; i < to; i++) {
			uint32_t ls = h->v[2 * i];

			k = h->k[i];
			/* lo: the runs that start before the literal. The hits come in
			 * text order (of their ends): step back a little, or gallop on */
			while (lo > 0 && w->runs[lo - 1] >= ls)
				lo--;
			if (lo < w->nruns && w->runs[lo] < ls) {
				size_t step = 1, hi;

				while (lo + step < w->nruns && w->runs[lo + step] < ls)
					step *= 2;
				hi = lo + step < w->nruns ? lo + step : w->nruns;
				lo += step / 2 + (step == 1);
				while (lo < hi) { /* runs[lo - 1] < ls; the answer is in [lo, hi] */
					size_t mid = lo + (hi - lo) / 2;

					if (w->runs[mid] < ls)
						lo = mid + 1;
					else
						hi = mid;
				}
			}
			w->pairs[2 * w->npairs] = lo > k ? w->runs[lo - 1 - k] : 0;
			w->pairs[2 * w->npairs + 1] = ls;
			w->npairs++;
		}
		qsort(w->pairs + 2 * at, w->npairs - at, 2 * sizeof(uint32_t), cmp_pair);
		/* merge windows that overlap or lie close: one search over a short
		 * gap costs less than a second search */
		for (i = at, to = at; i < w->npairs; i++) {
			uint32_t a = w->pairs[2 * i], b = w->pairs[2 * i + 1];

			if (to > at && a <= w->pairs[2 * (to - 1) + 1] + LOR_WINDOW_GAP) {
				if (b > w->pairs[2 * (to - 1) + 1])
					w->pairs[2 * (to - 1) + 1] = b;
				continue;
			}
			w->pairs[2 * to] = a;
			w->pairs[2 * to + 1] = b;
			to++;
		}
		w->npairs = to;
		w->at[id] = at + 1;
		w->count[id] = to - at;
	}
	*v = w->pairs + 2 * (w->at[id] - 1);
	*n = w->count[id];
	return LOR_OK;
}

/* The regex's code, made now if it is a built-in one not yet run: decoded
 * from the build's table (or compiled from its source); when two threads
 * race, the first to publish wins and the other frees its copy. NULL when
 * there is no memory. */
static pcre2_code *base_code(lor_regex *re)
{
	pcre2_code *code = atomic_load_explicit(&re->code, memory_order_acquire), *none = NULL;

	if (code || !re->entry)
		return code;
	if (!(code = lor_rulecache__code(re->entry)))
		return NULL;
	if (!atomic_compare_exchange_strong_explicit(&re->code, &none, code, memory_order_acq_rel,
	                                             memory_order_acquire)) {
		pcre2_code_free(code);
		code = none;
	}
	return code;
}

/* The code to run for re over span more bytes: the JIT copy once re has
 * earned it (see lor_regex), else the interpreted original. */
static const pcre2_code *regex_code(lor_regex *re, size_t span, int *is_jit)
{
	pcre2_code *jit = atomic_load_explicit(&re->jit, memory_order_acquire), *code;
	size_t before;

	*is_jit = 0;
	if (jit) {
		*is_jit = 1;
		return jit;
	}
	if (!(code = base_code(re)))
		return NULL;
	before = atomic_fetch_add_explicit(&re->scanned, span, memory_order_relaxed);
	/* exactly one caller crosses the mark, so one thread compiles */
	if (before < LOR_JIT_AFTER && before + span >= LOR_JIT_AFTER) {
		if ((jit = pcre2_code_copy(code)) && pcre2_jit_compile(jit, PCRE2_JIT_COMPLETE) == 0) {
			atomic_store_explicit(&re->jit, jit, memory_order_release);
			*is_jit = 1;
			return jit;
		}
		pcre2_code_free(jit); /* no JIT here: the interpreter it stays */
	}
	return code;
}

/* One search of code in subject[0, end) from start, trying starts up to
 * limit (PCRE2_UNSET: any). */
static int search(lor_matcher *m, const pcre2_code *code, int is_jit, const char *subject, size_t end,
                  size_t start, size_t limit, size_t *ms, size_t *me)
{
	int rc;
	PCRE2_SIZE *ov;
	size_t span = end - start;

	pcre2_set_match_limit(m->mc, (uint32_t)(LOR_MATCH_LIMIT + (span > 60000000u ? 60000000u : span) * 64u));
	pcre2_set_offset_limit(m->mc, limit);
	/* JIT code is called directly: pcre2_match's checks are done (valid UTF
	 * is checked once per document, options are fixed) */
	rc = is_jit ? pcre2_jit_match(code, (PCRE2_SPTR)subject, end, start, 0, m->md, m->mc)
	            : pcre2_match(code, (PCRE2_SPTR)subject, end, start, PCRE2_NO_UTF_CHECK, m->md, m->mc);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return rc;
	ov = pcre2_get_ovector_pointer(m->md);
	*ms = ov[0];
	*me = ov[1];
	return 1;
}

/* Could the character before s[p] be one that \w matches? Certain only for
 * ASCII; any other byte counts as maybe. */
static int word_before(const unsigned char *s, size_t p)
{
	unsigned char c;

	if (!p)
		return 0;
	c = s[p - 1];
	return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The leftmost match of a token that opens with a run (lor_regex.stop):
 * one start per run where the opening assertion holds, each tried alone
 * (offset limit = the start), then on to the next run. What an unanchored
 * search from start would find, with linear work. */
static int run_search(lor_matcher *m, lor_regex *re, const char *subject, size_t end, size_t start,
                      size_t *ms, size_t *me)
{
	const unsigned char *s = (const unsigned char *)subject;
	size_t p = start;

	while (p < end) {
		int is_jit, rc;
		const pcre2_code *code = regex_code(re, end - p + 1, &is_jit);

		if (!code)
			return PCRE2_ERROR_NOMEMORY;
		if ((rc = search(m, code, is_jit, subject, end, p, p, ms, me)) != 0)
			return rc;
		if (re->assert_nonword && word_before(s, p)) {
			p++; /* nothing learnt: the assertion failed here, or may have */
			continue;
		}
		while (p < end && !memchr(re->stop, s[p], re->nstop))
			p++;
		p++; /* past the stop byte: the next run */
	}
	/* an empty match at the very end, as an unanchored search could give */
	if (p == end) {
		int is_jit;
		const pcre2_code *code = regex_code(re, 1, &is_jit);

		if (!code)
			return PCRE2_ERROR_NOMEMORY;
		return search(m, code, is_jit, subject, end, end, end, ms, me);
	}
	return 0;
}

int lor_match__next(lor_matcher *m, lor_regex *re, lor_windows *w, const char *subject, size_t end,
                    size_t start, size_t *ms, size_t *me)
{
	const uint32_t *v;
	size_t n, lo, hi;

	if (start > end)
		return 0;
	if (re->win && w && w->hits) {
		const pcre2_code *code;
		int rc, is_jit;

		if (windows_of(w, re->win - 1, &v, &n))
			return PCRE2_ERROR_NOMEMORY;
		lo = 0;
		hi = n;
		while (lo < hi) { /* the first window that ends at or after start */
			size_t mid = lo + (hi - lo) / 2;

			if (v[2 * mid + 1] < start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < n; lo++) {
			size_t from = v[2 * lo] > start ? v[2 * lo] : start;

			if (from >= end)
				break; /* a windowed token never matches the empty string */
			if (!(code = regex_code(re, v[2 * lo + 1] - from + LOR_WINDOW_COST, &is_jit)))
				return PCRE2_ERROR_NOMEMORY;
			if ((rc = search(m, code, is_jit, subject, end, from, v[2 * lo + 1], ms, me)) != 0)
				return rc;
		}
		return 0;
	}
	if (re->nstop)
		return run_search(m, re, subject, end, start, ms, me);
	{
		int is_jit, rc;
		const pcre2_code *code;
		struct lor_memo *mo = NULL;

		if (w && re->entry && subject == w->text) {
			mo = &w->memo[((uintptr_t)re->entry >> 4) % (sizeof(w->memo) / sizeof(w->memo[0]))];
			if (mo->entry == re->entry && mo->end == end && mo->from <= start && (!mo->found || start <= mo->ms)) {
				if (!mo->found)
					return 0;
				*ms = mo->ms;
				*me = mo->me;
				return 1;
			}
		}
		if (!(code = regex_code(re, end - start + 1, &is_jit)))
			return PCRE2_ERROR_NOMEMORY;
		if ((rc = search(m, code, is_jit, subject, end, start, PCRE2_UNSET, ms, me)) >= 0 && mo) {
			mo->entry = re->entry;
			mo->end = end;
			mo->from = start;
			mo->found = rc;
			mo->ms = rc ? *ms : 0;
			mo->me = rc ? *me : 0;
		}
		return rc;
	}
}
