/* prefilter.c - one pass over the text to tell which rule patterns could match where.
 *
 * Running every rule's PCRE2 regex over every sentence costs one pass per
 * rule. Most sentences cannot match most rules: a match of "I (?:think|
 * believe) (?:s?he|they) will do well" must contain "think" or "believe".
 * So each compiled regex is read once, at rule load, for such *required
 * literals* (RE2's prefilter and Russ Cox's trigram index are the models):
 * a set of ASCII strings, at least one of which occurs, case-folded, inside
 * every match. The literals of all loaded patterns -- built-in and user
 * rules alike -- go into one Aho-Corasick automaton; a document is scanned
 * once, and lor_ctx__each then runs a pattern's regex over a span only when
 * one of its literals lies wholly inside that span. PCRE2 stays the judge of
 * every match: the prefilter only skips spans where no match can be.
 *
 * The analysis is conservative by construction. It parses the regex as
 * PCRE2 does (groups, alternation, quantifiers, classes, escapes); anything
 * it does not model exactly (character classes, \w, \s, non-ASCII
 * characters, back references) counts as "any string", lookarounds and
 * anchors as the empty string (they consume nothing), and a construct it does
 * not know at all ((?x), (*VERB), \Q, \K, conditionals) gives up on the
 * pattern, which then always runs. So does a pattern whose best literal set
 * has a literal shorter than LOR_PF_MINLEN bytes, or one of English's most
 * common words or letter pairs, which would pass nearly every sentence anyway.
 *
 * Case: literals are ASCII-folded and so is the scanned text; folding more
 * than a case-sensitive rule would is only less selective. Under PCRE2's
 * caseless UCP matching two non-ASCII characters equal ASCII letters (U+212A
 * KELVIN SIGN is k, U+017F LONG S is s): the scan reads them as those letters.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define LOR_PF_MINLEN 2       /* shorter literals filter too little */
#define LOR_PF_EXACT_MAX 64   /* the most strings of an exact set */
#define LOR_PF_REQ_MAX 4096   /* the most literals required of one pattern */
#define LOR_PF_DEPTH_MAX 200  /* group nesting the parser follows */

/* ----------------------------------------------------------- literal sets */

typedef struct sset {
	char **v;
	long *k;        /* the anchor analysis: each string's distance; unused by the literal one */
	size_t n, cap;
} sset;

static void sset_release(sset *s)
{
	lor__strings_free(s->v, s->n);
	free(s->k);
	memset(s, 0, sizeof(*s));
}

/* Add the string a b (distance k) to s. Duplicates are not looked for: they
 * do no harm (the automaton's build merges them), and looking costs more
 * than they do. */
static int sset_addk(sset *s, const char *a, size_t an, const char *b, size_t bn, long k)
{
	char *x;
	long *nk;

	if (lor__reserve(&s->v, &s->cap, s->n + 1, sizeof(char *)))
		return LOR_ENOMEM;
	if (!(nk = realloc(s->k, s->cap * sizeof(long))))
		return LOR_ENOMEM;
	s->k = nk;
	if (!(x = malloc(an + bn + 1)))
		return LOR_ENOMEM;
	memcpy(x, a, an);
	memcpy(x + an, b, bn);
	x[an + bn] = '\0';
	s->v[s->n] = x;
	s->k[s->n++] = k;
	return LOR_OK;
}

static int sset_addn(sset *s, const char *a, size_t an, const char *b, size_t bn)
{
	return sset_addk(s, a, an, b, bn, 0);
}

/* What is known of the strings a regex node matches. exact: s is every
 * string it can match (folded). Otherwise any: nothing is known; or s is a
 * set of literals at least one of which occurs in every match. The anchor
 * analysis also keeps, per node, the runs of white space its text can hold. */
typedef struct info {
	int exact, any;
	sset s;
	long runs;        /* anchors: most white-space runs the node's text can hold; AN_INF: no bound */
	int sponly;       /* anchors: it consumes only white space */
} info;

#define INFO_INIT { 0, 1, { NULL, NULL, 0, 0 }, 0, 0 }

static void set_any(info *a)
{
	sset_release(&a->s);
	a->exact = 0;
	a->any = 1;
}

static int set_exact(info *a, const char *str, size_t n)
{
	if (!n) { /* consumes nothing */
		a->sponly = 1;
		a->runs = 0;
	}
	sset_release(&a->s);
	a->exact = 1;
	a->any = 0;
	return sset_addn(&a->s, str, n, "", 0);
}

/* An exact set becomes a required one (each string starting where the node
 * starts); the empty string means nothing is required. */
static void to_req(info *a)
{
	size_t i;

	if (!a->exact)
		return;
	a->exact = 0;
	for (i = 0; i < a->s.n; i++)
		if (!a->s.v[i][0]) {
			set_any(a);
			return;
		}
	if (!a->s.n)
		set_any(a);
}

/* cur := every string of cur followed by every string of it (distances 0:
 * the strings start where the run starts). */
static int product(sset *cur, const sset *it)
{
	sset prod = { NULL, NULL, 0, 0 };
	size_t i, j;
	int rc = LOR_OK;

	for (i = 0; !rc && i < cur->n; i++)
		for (j = 0; !rc && j < it->n; j++)
			rc = sset_addn(&prod, cur->v[i], strlen(cur->v[i]), it->v[j], strlen(it->v[j]));
	sset_release(cur);
	*cur = prod;
	return rc;
}

/* English's most frequent short words (and so substrings of many more): a
 * literal that is one of them passes nearly every sentence, so it counts as
 * too short to filter. The list is about English text, not about any rule. */
static const char *const common[] = {
	"the", "and", "for", "her", "his", "was", "with", "that", "this", "are", "has", "have", "she",
	"they", "not", "our", "all", "who", "will", "been", "were", "had", "him", "them", "you",
	"can", "one", "ing", "ion", "ent", "ter",
	/* the fifty most frequent letter pairs of English text */
	"th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed",
	"is", "it", "al", "ar", "st", "to", "nt", "ng", "se", "ha", "as", "ou", "io", "le", "ve", "co",
	"me", "de", "hi", "ri", "ro", "ic", "ne", "ea", "ra", "ce", "li", "ch", "ll", "be", "ma", "si",
	"om", "ur", NULL
};

/* Characters rare enough in letters to anchor a token alone ('%' for a
 * percentage): one-character anchors are otherwise refused (a letter or a
 * digit is everywhere). */
#define RARE_CHARS "%$#@+=<>|~^*&"

/* A literal's length as a filter: common words count as one byte. */
static size_t strength(const char *lit)
{
	size_t i, n = strlen(lit);

	if (n == 1 && strchr(RARE_CHARS, lit[0]))
		return 3; /* about as rare as a three-letter word */

	for (i = 0; n <= 4 && common[i]; i++) /* the common words are all short */
		if (!strcmp(lit, common[i]))
			return 1;
	return n;
}

/* How well a required set filters: its weakest literal (capped), then fewer literals. */
static long quality(const info *a)
{
	size_t i, shortest = 16;

	if (a->any)
		return -1;
	for (i = 0; i < a->s.n && shortest > 1; i++) {
		size_t k = strength(a->s.v[i]);

		if (k < shortest)
			shortest = k;
	}
	return (long)shortest * 100000L - (long)(a->s.n < 99999 ? a->s.n : 99999);
}

/* Keep in best whichever of best and cand (both required sets) filters
 * better; *bq is best's quality, kept so that it is computed once. */
static void keep_better(info *best, long *bq, info *cand)
{
	long q;

	to_req(cand);
	if ((q = quality(cand)) > *bq) {
		info t = *best;

		*best = *cand;
		*cand = t;
		*bq = q;
	}
	set_any(cand);
}

/* a := a | b */
static int alternate(info *a, info *b)
{
	int exact = a->exact && b->exact && a->s.n + b->s.n <= LOR_PF_EXACT_MAX;

	if (!exact) {
		to_req(a);
		to_req(b);
		if (a->any || b->any || a->s.n + b->s.n > LOR_PF_REQ_MAX) {
			set_any(a);
			set_any(b);
			return LOR_OK;
		}
	}
	/* b's strings move over as they are */
	if (lor__reserve(&a->s.v, &a->s.cap, a->s.n + b->s.n, sizeof(char *)))
		return LOR_ENOMEM;
	memcpy(a->s.v + a->s.n, b->s.v, b->s.n * sizeof(char *));
	a->s.n += b->s.n;
	b->s.n = 0;
	set_any(b);
	return LOR_OK;
}

/* a := a{min,max} (max < 0: no limit) */
static int repeat(info *a, long min, long max)
{
	if (max == 0)
		return set_exact(a, "", 0);
	if (min == 0) {
		if (max == 1 && a->exact)
			return sset_addn(&a->s, "", 0, "", 0);
		set_any(a);
		return LOR_OK;
	}
	if (max != 1)
		to_req(a); /* every repetition holds one of a's strings */
	return LOR_OK;
}

/* ---------------------------------------------------------------- parser */

typedef struct parser {
	const char *p, *end;
	int depth;
	int fail;  /* a construct not modelled: the pattern always runs */
	int nomem;
} parser;

static void parser_init(parser *ps, const char *re, size_t len)
{
	ps->p = re;
	ps->end = re + len;
	ps->depth = 0;
	ps->fail = 0;
	ps->nomem = 0;
}

static int alt_expr(parser *ps, info *out);

/* Skip past the closing character c; fail when there is none. */
static void skip_to(parser *ps, char c)
{
	while (ps->p < ps->end && *ps->p != c)
		ps->p++;
	if (ps->p >= ps->end)
		ps->fail = 1;
	else
		ps->p++;
}

static void skip_class(parser *ps)
{
	if (ps->p < ps->end && *ps->p == '^')
		ps->p++;
	if (ps->p < ps->end && *ps->p == ']')
		ps->p++;
	while (ps->p < ps->end) {
		if (*ps->p == '\\' && ps->p + 1 < ps->end) {
			ps->p += 2;
		} else if (*ps->p == '[' && ps->p + 1 < ps->end && ps->p[1] == ':') {
			const char *q = ps->p + 2;

			while (q + 1 < ps->end && !(q[0] == ':' && q[1] == ']'))
				q++;
			ps->p = q + 1 < ps->end ? q + 2 : ps->p + 1;
		} else if (*ps->p == ']') {
			ps->p++;
			return;
		} else {
			ps->p++;
		}
	}
	ps->fail = 1;
}

static void skip_utf8(parser *ps)
{
	while (ps->p < ps->end && ((unsigned char)*ps->p & 0xC0) == 0x80)
		ps->p++;
}

/* After a backslash. */
static int escape(parser *ps, info *out)
{
	char c;
	int i;

	if (ps->p >= ps->end) {
		ps->fail = 1;
		return LOR_OK;
	}
	c = *ps->p++;
	if ((unsigned char)c >= 0x80) {
		skip_utf8(ps);
		set_any(out);
		return LOR_OK;
	}
	if (!isalnum((unsigned char)c)) /* an escaped punctuation character is itself */
		return set_exact(out, &c, 1);
	set_any(out);
	switch (c) {
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'E':
		return set_exact(out, "", 0);
	case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h': case 'H': case 'v':
	case 'V': case 'R': case 'X': case 'N': case 'C': case 'a': case 'e': case 'f': case 'n':
	case 'r': case 't':
		return LOR_OK;
	case 'p': case 'P': case 'x': case 'o':
		if (ps->p < ps->end && *ps->p == '{')
			skip_to(ps, '}');
		else if (c == 'x')
			for (i = 0; i < 2 && ps->p < ps->end && isxdigit((unsigned char)*ps->p); i++)
				ps->p++;
		else if (c != 'o' && ps->p < ps->end)
			ps->p++;
		return LOR_OK;
	case 'c':
		if (ps->p < ps->end)
			ps->p++;
		return LOR_OK;
	case 'g': case 'k':
		if (ps->p < ps->end && (*ps->p == '{' || *ps->p == '<' || *ps->p == '\'')) {
			char close = *ps->p == '{' ? '}' : *ps->p == '<' ? '>' : '\'';

			ps->p++;
			skip_to(ps, close);
		} else {
			if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
				ps->p++;
			while (ps->p < ps->end && isdigit((unsigned char)*ps->p))
				ps->p++;
		}
		return LOR_OK;
	default:
		if (isdigit((unsigned char)c)) { /* a back reference or an octal character */
			while (ps->p < ps->end && isdigit((unsigned char)*ps->p))
				ps->p++;
			return LOR_OK;
		}
		ps->fail = 1; /* \K, \Q and anything unknown */
		return LOR_OK;
	}
}

/* What follows '(': a plain group, a lookaround (positive lookahead apart:
 * what it sees is required, though not consumed), or a group that is
 * already over (a comment, an option setting such as (?i)); ps->fail for
 * anything not modelled, as (?x) or a verb. */
enum { G_FAIL, G_DONE, G_PLAIN, G_AHEAD, G_LOOK };

static int group_head(parser *ps)
{
	const char *q;

	if (++ps->depth > LOR_PF_DEPTH_MAX || ps->p >= ps->end || *ps->p == '*') {
		ps->fail = 1;
		return G_FAIL;
	}
	if (*ps->p != '?')
		return G_PLAIN;
	if ((q = ps->p + 1) >= ps->end) {
		ps->fail = 1;
		return G_FAIL;
	}
	if (*q == ':' || *q == '>' || *q == '|') {
		ps->p = q + 1;
		return G_PLAIN;
	}
	if (*q == '=' || *q == '!') {
		ps->p = q + 1;
		return *q == '=' ? G_AHEAD : G_LOOK;
	}
	if (*q == '<' && q + 1 < ps->end && (q[1] == '=' || q[1] == '!')) {
		ps->p = q + 2;
		return G_LOOK;
	}
	if (*q == '<' || *q == '\'' || (*q == 'P' && q + 1 < ps->end && q[1] == '<')) {
		ps->p = q + (*q == 'P' ? 2 : 1);
		skip_to(ps, *q == '\'' ? '\'' : '>');
		return ps->fail ? G_FAIL : G_PLAIN;
	}
	if (*q == '#') {
		ps->p = q;
		skip_to(ps, ')');
		ps->depth--;
		return ps->fail ? G_FAIL : G_DONE;
	}
	/* option settings: (?i) (?-i) (?i:...); (?x) changes what white space means */
	while (q < ps->end && (isalpha((unsigned char)*q) || *q == '-' || *q == '^')) {
		if (*q == 'x')
			ps->fail = 1;
		q++;
	}
	if (ps->fail || q >= ps->end || (*q != ')' && *q != ':')) {
		ps->fail = 1;
		return G_FAIL;
	}
	ps->p = q + 1;
	if (*q == ')') {
		ps->depth--;
		return G_DONE;
	}
	return G_PLAIN;
}

/* The group's closing ')'; 0 (and ps->fail) when it is missing. */
static int group_tail(parser *ps)
{
	if (ps->p >= ps->end || *ps->p != ')') {
		ps->fail = 1;
		return 0;
	}
	ps->p++;
	ps->depth--;
	return 1;
}

/* After '(': a group of any kind. */
static int group(parser *ps, info *out)
{
	int kind = group_head(ps), rc;

	if (kind == G_FAIL)
		return LOR_OK;
	if (kind == G_DONE)
		return set_exact(out, "", 0);
	if ((rc = alt_expr(ps, out)) || !group_tail(ps))
		return rc;
	if (kind == G_AHEAD) { /* what it sees is inside the span: required, not consumed */
		to_req(out);
		return LOR_OK;
	}
	return kind == G_LOOK ? set_exact(out, "", 0) : LOR_OK;
}

static int atom(parser *ps, info *out)
{
	char c = *ps->p++;

	switch (c) {
	case '(':
		return group(ps, out);
	case '[':
		skip_class(ps);
		set_any(out);
		return LOR_OK;
	case '\\':
		return escape(ps, out);
	case '.':
		set_any(out);
		return LOR_OK;
	case '^': case '$':
		return set_exact(out, "", 0);
	default:
		if ((unsigned char)c >= 0x80) {
			skip_utf8(ps);
			set_any(out);
			return LOR_OK;
		}
		c = (char)tolower((unsigned char)c);
		return set_exact(out, &c, 1);
	}
}

/* A quantifier at ps->p, if there is one: {n}, {n,}, {n,m}, {,m}, ?, *, +. */
static int quantifier(parser *ps, long *min, long *max)
{
	const char *q = ps->p;
	long a = 0, b;
	int digits = 0;

	if (q >= ps->end)
		return 0;
	if (*q == '?' || *q == '*' || *q == '+') {
		*min = *q == '+';
		*max = *q == '?' ? 1 : -1;
		ps->p = q + 1;
	} else if (*q == '{') {
		for (q++; q < ps->end && isdigit((unsigned char)*q); q++, digits++)
			a = a < 100000 ? a * 10 + (*q - '0') : a;
		b = a;
		if (q < ps->end && *q == ',') {
			int bd = 0;

			for (q++, b = 0; q < ps->end && isdigit((unsigned char)*q); q++, bd++)
				b = b < 100000 ? b * 10 + (*q - '0') : b;
			if (!bd)
				b = -1;
			digits += bd;
		}
		if (!digits || q >= ps->end || *q != '}')
			return 0; /* not a quantifier: a literal '{' */
		*min = a;
		*max = b;
		ps->p = q + 1;
	} else {
		return 0;
	}
	if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '+')) /* lazy or possessive */
		ps->p++;
	return 1;
}

/* One item of a sequence: an atom and its quantifiers, read by either analysis. */
static int item(parser *ps, info *it, int (*atom_fn)(parser *, info *), int (*repeat_fn)(info *, long, long))
{
	long min, max;
	int rc = atom_fn(ps, it);

	while (!rc && !ps->fail && quantifier(ps, &min, &max))
		rc = repeat_fn(it, min, max);
	return rc;
}

/* A sequence of items. Consecutive exact items multiply into one exact set
 * (cur), so "I", "\\s+" and "(?:think|believe)" leave "think"/"believe"
 * rather than one character; each run that ends, and each inexact item, is a
 * candidate required set, and the best candidate is the sequence's. */
static int seq_expr(parser *ps, info *out)
{
	info cur = INFO_INIT, best = INFO_INIT;
	long bq = -1; /* best's quality: nothing yet */
	int rc = set_exact(&cur, "", 0), broken = 0;

	while (!rc && !ps->fail && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
		info it = INFO_INIT;

		rc = item(ps, &it, atom, repeat);
		if (rc || ps->fail) {
			set_any(&it);
			break;
		}
		if (it.exact && it.s.n == 1) { /* one string (a character, mostly): extend in place */
			size_t i, add = strlen(it.s.v[0]);

			for (i = 0; !rc && i < cur.s.n; i++) {
				size_t l = strlen(cur.s.v[i]);
				char *x = realloc(cur.s.v[i], l + add + 1);

				if (!x) {
					rc = LOR_ENOMEM;
					break;
				}
				memcpy(x + l, it.s.v[0], add + 1);
				cur.s.v[i] = x;
			}
			set_any(&it);
			continue;
		}
		if (it.exact && cur.s.n * it.s.n <= LOR_PF_EXACT_MAX) {
			rc = product(&cur.s, &it.s);
			set_any(&it);
			continue;
		}
		/* the run ends here */
		broken = 1;
		keep_better(&best, &bq, &cur);
		if (it.exact) {
			cur = it; /* a new run starts with it */
		} else {
			keep_better(&best, &bq, &it);
			rc = set_exact(&cur, "", 0);
		}
	}
	if (rc || !broken) {
		set_any(&best);
		*out = cur;
		return rc;
	}
	keep_better(&best, &bq, &cur);
	*out = best;
	return LOR_OK;
}

static int alt_expr(parser *ps, info *out)
{
	int rc = seq_expr(ps, out);

	while (!rc && !ps->fail && ps->p < ps->end && *ps->p == '|') {
		info b = INFO_INIT;

		ps->p++;
		rc = seq_expr(ps, &b);
		if (!rc)
			rc = alternate(out, &b);
		set_any(&b);
	}
	return rc;
}

int lor_prefilter__literals(const char *re, size_t len, char ***out, size_t *n)
{
	parser ps;
	info root = INFO_INIT;
	size_t i;
	int rc;

	*out = NULL;
	*n = 0;
	parser_init(&ps, re, len);
	rc = alt_expr(&ps, &root);
	if (rc) {
		set_any(&root);
		return rc;
	}
	if (ps.p != ps.end)
		ps.fail = 1; /* an unbalanced ')' */
	to_req(&root);
	for (i = 0; !root.any && i < root.s.n; i++)
		if (strength(root.s.v[i]) < LOR_PF_MINLEN)
			root.any = 1;
	if (ps.fail || root.any) {
		set_any(&root);
		return LOR_OK;
	}
	free(root.s.k); /* the literal analysis keeps no distances */
	*out = root.s.v;
	*n = root.s.n;
	return LOR_OK;
}

/* ------------------------------------------------- anchors: where a match starts */

/* The third analysis gives each literal a distance: a set of ASCII-folded
 * strings one of which every match contains, and for each string the most
 * runs of white space the match can hold before it. Given where a literal
 * occurs, a match holding it must then start after the (k+1)-th run of white
 * space back from it, and no later than the literal itself: that is the
 * literal's *window*, and lor_match__next lets PCRE2 try starts only inside
 * windows (PCRE2_USE_OFFSET_LIMIT) instead of at every character of a span.
 *
 * The count is of runs, not bytes, because the tokens' words are unbounded
 * ([\w'-]+) while the number of words between a match's start and its
 * literal is bounded by the regex. A node's runs: a character that can be
 * white space is one run; X{n,m} of X that only ever consumes white space is
 * as many runs as X (its repetitions touch one run); other X{n,m} is m times
 * X's runs, and unbounded when m is; sequences add, alternations take the
 * larger. A run of the text touched by the part of a match before its literal
 * holds a character consumed by one of these counted runs, so the count is a
 * bound. Anything not modelled (back references, \K, (?x), verbs) gives no
 * window; so does a literal holding white space, or a distance over 64 runs. */

#define AN_INF (-1L)
#define LOR_PF_KMAX 64
#define LOR_PF_MAXCOST 0.5 /* expected window runs per byte past which anchors do not pay */
#define AN_EXACT_MAX 64
#define AN_REQ_MAX 4096

static long runs_add(long a, long b)
{
	return a == AN_INF || b == AN_INF ? AN_INF : a + b;
}

static long runs_max(long a, long b)
{
	return a == AN_INF || b == AN_INF ? AN_INF : a > b ? a : b;
}

/* An anchor no window can be made of: a single letter (it occurs in nearly
 * every word, so its windows would be the whole text, at the cost of a hit
 * per occurrence) or one holding white space (runs are counted before it). */
static int unusable_anchor(const char *lit)
{
	if (lit[0] && !lit[1])
		return !strchr(RARE_CHARS, lit[0]);
	return strlen(lit) < 2 || lit[strcspn(lit, " \t\n\r\f\v")] != '\0';
}

/* How well a set of anchors narrows the search, as minus its expected cost:
 * each literal is taken to occur 10^-strength times a byte (a common word
 * counts as one byte: it is everywhere) and to cost a window of k + 1 runs.
 * A rare word far into the match can lose to a plainer one at its start. */
static double ai_quality(const info *a)
{
	static const double freq[] = { 1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8 };
	double cost = 0;
	size_t i;

	if (a->any)
		return -1e300;
	for (i = 0; i < a->s.n; i++) {
		size_t st = strength(a->s.v[i]);

		if (a->s.k[i] == AN_INF || a->s.k[i] > LOR_PF_KMAX || unusable_anchor(a->s.v[i]))
			return -1e300;
		cost += freq[st < 8 ? st : 8] * (double)(a->s.k[i] + 1);
	}
	return -cost;
}

static void ai_shift(info *a, long by)
{
	size_t i;

	for (i = 0; i < a->s.n; i++)
		a->s.k[i] = runs_add(a->s.k[i], by);
}

static void ai_keep_better(info *best, double *bq, info *cand, long before)
{
	double q;

	to_req(cand);
	ai_shift(cand, before);
	if ((q = ai_quality(cand)) > *bq) {
		sset t = best->s;
		int any = best->any;

		best->s = cand->s;
		best->any = cand->any;
		best->exact = 0;
		cand->s = t;
		cand->any = any;
		*bq = q;
	}
	sset_release(&cand->s);
}

static int ai_alt_expr(parser *ps, info *out);

/* After '['. Reads the class: may it hold white space, and only white space? */
static void ai_class(parser *ps, info *out)
{
	const char *q = ps->p;
	int negated = 0, space = 0, other = 0;

	if (q < ps->end && *q == '^') {
		negated = 1;
		q++;
	}
	if (q < ps->end && *q == ']') {
		other = 1;
		q++;
	}
	while (q < ps->end && *q != ']') {
		unsigned char c = (unsigned char)*q;

		if (c == '\\' && q + 1 < ps->end) {
			char e = q[1];

			if (e == 's' || e == 'h' || e == 'v' || e == 'n' || e == 't' || e == 'r' || e == 'f')
				space = 1;
			else if (e == 'S' || e == 'W' || e == 'D' || e == 'H' || e == 'V' || e == 'P' || e == 'x' ||
			         e == 'N' || e == 'R' || e == 'X' || e == 'C')
				space = other = 1;
			else if (e == 'p') {
				const char *r = q + 2;

				if (r < ps->end && *r == '{') {
					const char *z = memchr(r, '}', (size_t)(ps->end - r));
					size_t n = z ? (size_t)(z - r - 1) : 0;

					if (!z || (n >= 1 && (r[1] == 'Z' || r[1] == 'C')) || (n >= 2 && r[1] == 'X') ||
					    r[1] == '^')
						space = 1;
					other = 1;
				} else {
					space = other = 1;
				}
			} else
				other = 1;
			q += 2;
			continue;
		}
		if (c == '[' && q + 1 < ps->end && q[1] == ':') {
			space = other = 1;
			q += 2;
			while (q + 1 < ps->end && !(q[0] == ':' && q[1] == ']'))
				q++;
			q += 2;
			continue;
		}
		if (c == '-' && q + 1 < ps->end && q[1] != ']' && q > ps->p) {
			/* a range: unknown ends hold spaces unless both are alphanumeric */
			if (!isalnum((unsigned char)q[-1]) || !isalnum((unsigned char)q[1]))
				space = 1;
			other = 1;
			q += 2;
			continue;
		}
		if (c == ' ' || c == '\t' || c >= 0x80)
			space = 1;
		if (c != ' ' && c != '\t')
			other = 1;
		q++;
	}
	skip_class(ps);
	set_any(out);
	if (negated) {
		out->runs = 1;
		out->sponly = 0;
		return;
	}
	out->runs = space ? 1 : 0;
	out->sponly = space && !other;
	if (!space && !other)
		out->sponly = 0;
}

/* After a backslash: what it matches, as the literal analysis reads it,
 * and the white space it can consume. */
static int ai_escape(parser *ps, info *out)
{
	const char *at = ps->p;
	char c = at < ps->end ? *at : 0;
	int rc = escape(ps, out);

	out->runs = 0;
	out->sponly = 0;
	if (rc || ps->fail)
		return rc;
	if ((unsigned char)c >= 0x80) {
		out->runs = 1;
	} else if (!isalnum((unsigned char)c)) { /* an escaped character is itself */
		out->runs = c == ' ';
		out->sponly = c == ' ';
	} else {
		switch (c) {
		case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'E':
			out->sponly = 1; /* consumes nothing */
			break;
		case 's': case 'h': case 'v': case 'n': case 't': case 'r': case 'f':
			out->runs = 1;
			out->sponly = 1;
			break;
		case 'w': case 'd': case 'S':
			break;
		case 'p':
			/* \p{L...}, \p{N...}, \p{M...}, \p{P...}, \p{S...} hold no white space */
			{
				char n = at + 1 < ps->end && at[1] == '{' ? (at + 2 < ps->end ? at[2] : 0) : at + 1 < ps->end ? at[1] : 0;

				out->runs = !(n == 'L' || n == 'N' || n == 'M' || n == 'P' || n == 'S');
			}
			break;
		case 'g': case 'k':
			out->runs = AN_INF; /* a back reference: any text */
			break;
		default:
			out->runs = isdigit((unsigned char)c) ? AN_INF : 1;
			break;
		}
	}
	return LOR_OK;
}

static int ai_group(parser *ps, info *out)
{
	int kind = group_head(ps), rc;

	out->runs = 0;
	out->sponly = 0;
	if (kind == G_FAIL)
		return LOR_OK;
	if (kind == G_DONE)
		return set_exact(out, "", 0);
	if ((rc = ai_alt_expr(ps, out)) || !group_tail(ps))
		return rc;
	if (kind == G_AHEAD) { /* what it sees starts here and is required; it consumes nothing */
		to_req(out);
		out->runs = 0;
		out->sponly = 1;
		return LOR_OK;
	}
	if (kind == G_LOOK) {
		out->runs = 0;
		out->sponly = 0;
		return set_exact(out, "", 0);
	}
	return LOR_OK;
}

static int ai_atom(parser *ps, info *out)
{
	char c = *ps->p;
	int rc;

	out->runs = 0;
	out->sponly = 0;
	switch (c) {
	case '(':
		ps->p++;
		return ai_group(ps, out);
	case '[':
		ps->p++;
		ai_class(ps, out);
		return LOR_OK;
	case '\\':
		ps->p++;
		return ai_escape(ps, out);
	default: /* a character, '.', an anchor: as the literal analysis reads it */
		if ((rc = atom(ps, out)))
			return rc;
		out->runs = c == '.' || c == ' ' || c == '\t' || (unsigned char)c >= 0x80;
		out->sponly = c == ' ' || c == '\t' || c == '^' || c == '$';
		return LOR_OK;
	}
}

static int ai_repeat(info *a, long min, long max)
{
	/* runs */
	if (max == 0)
		a->runs = 0;
	else if (!a->sponly && a->runs != 0)
		a->runs = max < 0 ? AN_INF : runs_add(0, a->runs == AN_INF ? AN_INF : a->runs * max);
	if (max == 0) {
		long r = a->runs;
		int rc = set_exact(a, "", 0);

		a->runs = r;
		return rc;
	}
	if (min == 0) {
		if (max == 1 && a->exact)
			return sset_addk(&a->s, "", 0, "", 0, 0);
		set_any(a);
		return LOR_OK;
	}
	if (max != 1)
		to_req(a);
	return LOR_OK;
}

static int ai_seq_expr(parser *ps, info *out)
{
	info cur = INFO_INIT, best = INFO_INIT;
	double bq = -1e300; /* best's quality: nothing yet */
	long before = 0, cur_before = 0, total = 0;
	int rc = set_exact(&cur, "", 0), broken = 0, sponly = 1;

	while (!rc && !ps->fail && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
		info it = INFO_INIT;

		rc = item(ps, &it, ai_atom, ai_repeat);
		if (rc || ps->fail) {
			sset_release(&it.s);
			break;
		}
		before = total;
		total = runs_add(total, it.runs);
		if (!it.sponly)
			sponly = 0;
		if (it.exact && cur.exact && cur.s.n * it.s.n <= AN_EXACT_MAX) {
			rc = product(&cur.s, &it.s);
			sset_release(&it.s);
			continue;
		}
		/* the exact run ends here */
		broken = 1;
		ai_keep_better(&best, &bq, &cur, cur_before);
		if (it.exact) {
			cur = it;
			cur_before = before;
		} else {
			ai_keep_better(&best, &bq, &it, before);
			rc = set_exact(&cur, "", 0);
			cur_before = total;
		}
	}
	out->runs = total;
	out->sponly = sponly;
	if (rc || !broken) {
		sset_release(&best.s);
		out->exact = cur.exact;
		out->any = cur.any;
		out->s = cur.s;
		return rc;
	}
	ai_keep_better(&best, &bq, &cur, cur_before);
	out->exact = 0;
	out->any = best.any;
	out->s = best.s;
	return LOR_OK;
}

static int ai_alt_expr(parser *ps, info *out)
{
	int rc = ai_seq_expr(ps, out);

	while (!rc && !ps->fail && ps->p < ps->end && *ps->p == '|') {
		info b = INFO_INIT;
		size_t i;

		ps->p++;
		if ((rc = ai_seq_expr(ps, &b)))
			break;
		out->runs = runs_max(out->runs, b.runs);
		out->sponly = out->sponly && b.sponly;
		if (!(out->exact && b.exact && out->s.n + b.s.n <= AN_EXACT_MAX)) {
			to_req(out);
			to_req(&b);
			if (out->any || b.any || out->s.n + b.s.n > AN_REQ_MAX) {
				set_any(out);
				sset_release(&b.s);
				continue;
			}
		}
		for (i = 0; !rc && i < b.s.n; i++)
			rc = sset_addk(&out->s, b.s.v[i], strlen(b.s.v[i]), "", 0, b.s.k[i]);
		sset_release(&b.s);
	}
	return rc;
}

int lor_prefilter__anchors(const char *re, size_t len, char ***out, long **ks, size_t *n)
{
	parser ps;
	info root = INFO_INIT;
	size_t i;
	int rc;

	*out = NULL;
	*ks = NULL;
	*n = 0;
	parser_init(&ps, re, len);
	if ((rc = ai_alt_expr(&ps, &root))) {
		sset_release(&root.s);
		return rc;
	}
	if (ps.p != ps.end)
		ps.fail = 1;
	to_req(&root);
	for (i = 0; !root.any && i < root.s.n; i++)
		if (root.s.k[i] == AN_INF || root.s.k[i] > LOR_PF_KMAX || unusable_anchor(root.s.v[i]))
			root.any = 1;
	/* anchors found in most sentences ("in", "or", "me" among the state
	 * codes) make windows that cover the text: the search is no narrower,
	 * and every occurrence costs a hit */
	if (!root.any && -ai_quality(&root) > LOR_PF_MAXCOST)
		root.any = 1;
	if (ps.fail || root.any) {
		sset_release(&root.s);
		return LOR_OK;
	}
	*out = root.s.v;
	*ks = root.s.k;
	*n = root.s.n;
	return LOR_OK;
}

/* -------------------------------------------------- the automaton (build) */

typedef struct pf_lit {
	char *s;
	size_t pattern; /* the pattern's id */
	uint32_t k;     /* an anchor's distance (runs of white space before it); 0 for the others */
	int borrowed;   /* s is the build's (rulecache.c), not the prefilter's to free */
} pf_lit;

struct lor_prefilter {
	/* while patterns are added */
	pf_lit *lits;
	size_t nlits, caplits;
	size_t npatterns;
	/* lor_prefilter__build freezes it; the automaton is made by the first
	 * scan (make), once, under mu: a run that checks nothing (--list-rules)
	 * never pays for it */
	int frozen;
	atomic_int built;
	int build_rc;
	pthread_mutex_t mu;
	unsigned char cls[256]; /* byte -> input class (0: no literal has it) */
	size_t ncls;
	uint32_t *delta;        /* state * ncls + class -> state (a full DFA) */
	uint16_t *delta16;      /* the same in half the bytes, when the states fit: the scan's
	                         * cost is its cache misses in this table */
	size_t nstates;
	int32_t *out;           /* state -> first entry of its outputs in outs, -1: none */
	uint32_t *outs;         /* per state: (pattern, length, distance) triples, ended by UINT32_MAX */
	size_t nouts, capouts;
	int prebuilt;           /* the tables are lor_prefilter__prebuilt's, not to be freed */
};

int lor_prefilter__new(lor_prefilter **out)
{
	if (!(*out = calloc(1, sizeof(**out))))
		return LOR_ENOMEM;
	atomic_init(&(*out)->built, 0);
	pthread_mutex_init(&(*out)->mu, NULL);
	return LOR_OK;
}

void lor_prefilter__free(lor_prefilter *pf)
{
	size_t i;

	if (!pf)
		return;
	for (i = 0; i < pf->nlits; i++)
		if (!pf->lits[i].borrowed)
			free(pf->lits[i].s);
	free(pf->lits);
	if (!pf->prebuilt) {
		free(pf->delta);
		free(pf->delta16);
		free(pf->out);
		free(pf->outs);
	}
	pthread_mutex_destroy(&pf->mu);
	free(pf);
}

int lor_prefilter__add(lor_prefilter *pf, char **lits, size_t n, size_t *id)
{
	return lor_prefilter__add_anchors(pf, (const char *const *)lits, NULL, n, 0, id);
}

/* Room for n more literals of a new pattern; they go at pf->lits[pf->nlits]. */
static int lits_room(lor_prefilter *pf, size_t n)
{
	if (pf->frozen)
		return LOR_EARG;
	return lor__reserve(&pf->lits, &pf->caplits, pf->nlits + n, sizeof(pf_lit)) ? LOR_ENOMEM : LOR_OK;
}

static void lit_put(lor_prefilter *pf, const char *s, long k, int borrowed)
{
	pf->lits[pf->nlits].s = (char *)(uintptr_t)s;
	pf->lits[pf->nlits].k = k > 0 ? (uint32_t)k : 0;
	pf->lits[pf->nlits].borrowed = borrowed;
	pf->lits[pf->nlits++].pattern = pf->npatterns;
}

int lor_prefilter__add_anchors(lor_prefilter *pf, const char *const *lits, const long *ks, size_t n,
                               int borrowed, size_t *id)
{
	size_t i;
	int rc;

	if ((rc = lits_room(pf, n)))
		return rc;
	for (i = 0; i < n; i++)
		lit_put(pf, lits[i], ks ? ks[i] : 0, borrowed);
	*id = pf->npatterns++;
	return LOR_OK;
}

int lor_prefilter__add_anchors_pooled(lor_prefilter *pf, const char *pool, const uint32_t *offs,
                                      const int32_t *ks, size_t n, size_t *id)
{
	size_t i;
	int rc;

	if ((rc = lits_room(pf, n)))
		return rc;
	for (i = 0; i < n; i++)
		lit_put(pf, pool + offs[i], ks[i], 1);
	*id = pf->npatterns++;
	return LOR_OK;
}

static int cmp_lit(const void *a, const void *b)
{
	const pf_lit *x = a, *y = b;
	int c = strcmp(x->s, y->s);

	return c ? c : x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

int lor_prefilter__build(lor_prefilter *pf)
{
	pf->frozen = 1;
	return LOR_OK;
}

uint64_t lor_prefilter__fingerprint(const lor_prefilter *pf)
{
	uint64_t h = lor_rulecache__hash("", 0, (uint32_t)pf->npatterns);
	size_t i;

	for (i = 0; i < pf->nlits; i++) {
		const pf_lit *l = &pf->lits[i];

		h ^= lor_rulecache__hash(l->s, strlen(l->s), (uint32_t)l->pattern * 131u + l->k);
		h *= 1099511628211u;
	}
	return h ? h : 1; /* 0 marks "no prebuilt automaton" */
}

/* The build's automaton, when it was made from exactly these literals. */
static int adopt_prebuilt(lor_prefilter *pf)
{
	const lor_prefilter_dfa *d = &lor_prefilter__prebuilt;

	if (!d->fingerprint || d->nlits != pf->nlits || d->npatterns != pf->npatterns ||
	    d->fingerprint != lor_prefilter__fingerprint(pf))
		return 0;
	memcpy(pf->cls, d->cls, sizeof(pf->cls));
	pf->ncls = d->ncls;
	pf->nstates = d->nstates;
	/* never written: the scan only reads them */
	pf->delta16 = (uint16_t *)(uintptr_t)d->delta16;
	pf->delta = (uint32_t *)(uintptr_t)d->delta;
	pf->out = (int32_t *)(uintptr_t)d->out;
	pf->outs = (uint32_t *)(uintptr_t)d->outs;
	pf->nouts = d->nouts;
	pf->prebuilt = 1;
	return 1;
}

/* The automaton of the frozen literals. */
static int make(lor_prefilter *pf)
{
	size_t i, j, total = 1, nstates = 1, head = 0, tail = 0;
	uint32_t *queue = NULL, *fail = NULL, *trie = NULL;
	int32_t *own = NULL; /* state -> first literal index ending there, -1 */
	int rc = LOR_ENOMEM;

	if (!pf->nlits)
		return LOR_OK;
	qsort(pf->lits, pf->nlits, sizeof(pf_lit), cmp_lit);
	/* input classes: one per byte any literal holds; upper case reads as lower */
	memset(pf->cls, 0, sizeof(pf->cls));
	pf->ncls = 1;
	for (i = 0; i < pf->nlits; i++)
		for (j = 0; pf->lits[i].s[j]; j++) {
			unsigned char c = (unsigned char)pf->lits[i].s[j];

			if (!pf->cls[c])
				pf->cls[c] = (unsigned char)pf->ncls++;
			total++;
		}
	for (i = 'A'; i <= 'Z'; i++)
		pf->cls[i] = pf->cls[i - 'A' + 'a'];
	/* the trie, then the failure links breadth first, then the full DFA */
	if (!(trie = calloc(total * pf->ncls, sizeof(uint32_t))) || !(own = malloc(total * sizeof(int32_t))))
		goto out;
	for (i = 0; i < total; i++)
		own[i] = -1;
	for (i = 0; i < pf->nlits; i++) {
		uint32_t s = 0;

		for (j = 0; pf->lits[i].s[j]; j++) {
			uint32_t *t = &trie[s * pf->ncls + pf->cls[(unsigned char)pf->lits[i].s[j]]];

			if (!*t)
				*t = (uint32_t)nstates++;
			s = *t;
		}
		if (own[s] < 0)
			own[s] = (int32_t)i; /* sorted: the same string's entries follow */
	}
	if (!(queue = malloc(nstates * sizeof(uint32_t))) || !(fail = calloc(nstates, sizeof(uint32_t))) ||
	    !(pf->out = malloc(nstates * sizeof(int32_t))))
		goto out;
	pf->delta = trie;
	trie = NULL;
	for (j = 0; j < pf->ncls; j++)
		if (pf->delta[j])
			queue[tail++] = pf->delta[j];
	while (head < tail) {
		uint32_t s = queue[head++];

		for (j = 0; j < pf->ncls; j++) {
			uint32_t *t = &pf->delta[s * pf->ncls + j];

			if (*t) {
				fail[*t] = pf->delta[fail[s] * pf->ncls + j];
				queue[tail++] = *t;
			} else {
				*t = pf->delta[fail[s] * pf->ncls + j];
			}
		}
	}
	/* Each state's outputs: its own literals and those of its failure chain,
	 * as (pattern, length, distance) triples, written once per state that has any. */
	pf->nstates = nstates;
	for (i = 0; i < nstates; i++)
		pf->out[i] = -1;
	for (i = 0; i < nstates; i++) {
		uint32_t s = (uint32_t)i;
		size_t start = pf->nouts;

		for (; s; s = fail[s]) {
			int32_t k;

			if (own[s] < 0)
				continue;
			for (k = own[s]; (size_t)k < pf->nlits && !strcmp(pf->lits[k].s, pf->lits[own[s]].s); k++) {
				if (lor__reserve(&pf->outs, &pf->capouts, pf->nouts + 4, sizeof(uint32_t)))
					goto out;
				pf->outs[pf->nouts++] = (uint32_t)pf->lits[k].pattern;
				pf->outs[pf->nouts++] = (uint32_t)strlen(pf->lits[k].s);
				pf->outs[pf->nouts++] = pf->lits[k].k;
			}
		}
		if (pf->nouts > start) {
			pf->out[i] = (int32_t)start;
			pf->outs[pf->nouts++] = UINT32_MAX;
		}
	}
	if (nstates <= UINT16_MAX && (pf->delta16 = malloc(nstates * pf->ncls * sizeof(uint16_t)))) {
		for (i = 0; i < nstates * pf->ncls; i++)
			pf->delta16[i] = (uint16_t)pf->delta[i];
		free(pf->delta);
		pf->delta = NULL;
	}
	rc = LOR_OK;
out:
	free(queue);
	free(fail);
	free(trie);
	free(own);
	return rc;
}

int lor_prefilter__is_prebuilt(const lor_prefilter *pf)
{
	return pf && pf->prebuilt;
}

int lor_prefilter__make_own(lor_prefilter *pf, lor_prefilter_dfa *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (!pf->frozen || atomic_load(&pf->built))
		return LOR_EARG;
	out->fingerprint = lor_prefilter__fingerprint(pf); /* before make() sorts the literals */
	out->nlits = pf->nlits;
	out->npatterns = pf->npatterns;
	pf->build_rc = rc = make(pf);
	atomic_store(&pf->built, 1);
	if (rc)
		return rc;
	out->cls = pf->cls;
	out->ncls = pf->ncls;
	out->nstates = pf->nstates;
	out->delta16 = pf->delta16;
	out->delta = pf->delta;
	out->out = pf->out;
	out->outs = pf->outs;
	out->nouts = pf->nouts;
	return LOR_OK;
}

/* ------------------------------------------------------- the scan (per text) */

typedef struct pf_hit { /* a letter is at most LOR_MAX_INPUT bytes: offsets fit 32 bits */
	uint32_t end, pattern, len, k;
} pf_hit;

/* Make the automaton once, under the mutex, if no scan has yet. */
static int ensure_built(const lor_prefilter *pf)
{
	if (!atomic_load_explicit(&pf->built, memory_order_acquire)) {
		/* logically const: made once, under the mutex, then only read */
		lor_prefilter *m = (lor_prefilter *)(uintptr_t)pf;

		pthread_mutex_lock(&m->mu);
		if (!atomic_load_explicit(&m->built, memory_order_relaxed)) {
			m->build_rc = adopt_prebuilt(m) ? LOR_OK : make(m);
			atomic_store_explicit(&m->built, 1, memory_order_release);
		}
		pthread_mutex_unlock(&m->mu);
	}
	return pf->build_rc;
}

/* What a walk over the text does with each hit (a pattern's literal ending
 * at end, of length len, distance k). The same pattern ending at the same
 * place as the hit just before: that hit keeps the shortest literal and
 * the larger distance (literals hold no white space, so a window from the
 * later start over more runs holds both). */
typedef struct walker {
	pf_hit *hits;           /* one pass: every hit, in text order */
	size_t nhits, caphits;
	size_t *count;          /* two passes, the first: hits per pattern */
	lor_prefilter_hits *h;  /* two passes, the second: into h, at fill */
	size_t *fill;
	uint32_t last_end, last_pattern;
	size_t last_at;         /* where the last hit went */
	int any;
} walker;

static int put_hit(walker *w, uint32_t end, uint32_t pattern, uint32_t len, uint32_t k)
{
	if (w->any && w->last_end == end && w->last_pattern == pattern) {
		if (w->hits) {
			pf_hit *x = &w->hits[w->last_at];

			if (len < x->len)
				x->len = len;
			if (k > x->k)
				x->k = k;
		} else if (w->h) {
			uint32_t *v = &w->h->v[2 * w->last_at];

			if (end - len > v[0])
				v[0] = end - len;
			if (k > w->h->k[w->last_at])
				w->h->k[w->last_at] = (uint8_t)k;
		}
		return LOR_OK;
	}
	w->any = 1;
	w->last_end = end;
	w->last_pattern = pattern;
	if (w->count) {
		w->count[pattern + 1]++;
	} else if (w->h) {
		size_t at = w->h->first[pattern] + w->fill[pattern]++;

		w->h->v[2 * at] = end - len;
		w->h->v[2 * at + 1] = end;
		w->h->k[at] = (uint8_t)k; /* at most LOR_PF_KMAX */
		w->last_at = at;
	} else {
		if (lor__reserve(&w->hits, &w->caphits, w->nhits + 1, sizeof(pf_hit)))
			return LOR_ENOMEM;
		w->hits[w->nhits].end = end;
		w->hits[w->nhits].pattern = pattern;
		w->hits[w->nhits].len = len;
		w->hits[w->nhits].k = k;
		w->last_at = w->nhits++;
	}
	return LOR_OK;
}

/* One pass of the automaton over the text, each hit to w. */
static int walk(const lor_prefilter *pf, const unsigned char *t, size_t len, walker *w)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned c = pf->cls[t[i]];
		int32_t o;

		if (t[i] >= 0x80) { /* the two non-ASCII characters PCRE2 folds to ASCII */
			if (t[i] == 0xC5 && i + 1 < len && t[i + 1] == 0xBF)
				c = pf->cls['s'], i++;
			else if (t[i] == 0xE2 && i + 2 < len && t[i + 1] == 0x84 && t[i + 2] == 0xAA)
				c = pf->cls['k'], i += 2;
		}
		s = pf->delta16 ? pf->delta16[s * pf->ncls + c] : pf->delta[s * pf->ncls + c];
		if ((o = pf->out[s]) < 0)
			continue;
		for (; pf->outs[o] != UINT32_MAX; o += 3)
			if (put_hit(w, (uint32_t)(i + 1), pf->outs[o], pf->outs[o + 1], pf->outs[o + 2]))
				return LOR_ENOMEM;
	}
	return LOR_OK;
}

int lor_prefilter__scan_passes(const lor_prefilter *pf, const char *text, size_t len, lor_prefilter_hits *h,
                               int two)
{
	const unsigned char *t = (const unsigned char *)text;
	walker w;
	size_t i, nhits, *first = NULL;
	int rc;

	memset(h, 0, sizeof(*h));
	memset(&w, 0, sizeof(w));
	if (!pf || !pf->frozen || len >= UINT32_MAX)
		return LOR_OK; /* not scanned: every pattern may match anywhere */
	if ((rc = ensure_built(pf)))
		return rc;
	if (!pf->nstates)
		return LOR_OK;
	if (!(first = calloc(pf->npatterns + 1, sizeof(size_t))))
		return LOR_ENOMEM;
	if (two) { /* count, then write each hit in its place: no list of every hit */
		w.count = first;
		walk(pf, t, len, &w);
	} else if ((rc = walk(pf, t, len, &w))) {
		free(w.hits);
		free(first);
		return rc;
	} else {
		for (i = 0; i < w.nhits; i++)
			first[w.hits[i].pattern + 1]++;
	}
	/* group by pattern, keeping text order within each (a counting sort) */
	for (i = 0; i < pf->npatterns; i++)
		first[i + 1] += first[i];
	nhits = first[pf->npatterns];
	h->first = first;
	h->npatterns = pf->npatterns;
	if ((nhits && (!(h->v = malloc(nhits * 2 * sizeof(uint32_t))) || !(h->k = malloc(nhits)))) ||
	    !(w.fill = calloc(pf->npatterns + 1, sizeof(size_t)))) {
		free(w.hits);
		lor_prefilter__hits_release(h);
		return LOR_ENOMEM;
	}
	if (two) {
		walker w2;

		memset(&w2, 0, sizeof(w2));
		w2.h = h;
		w2.fill = w.fill;
		walk(pf, t, len, &w2); /* writes only: cannot fail */
	} else {
		for (i = 0; i < w.nhits; i++) {
			size_t at = first[w.hits[i].pattern] + w.fill[w.hits[i].pattern]++;

			h->v[2 * at] = w.hits[i].end - w.hits[i].len;
			h->v[2 * at + 1] = w.hits[i].end;
			h->k[at] = (uint8_t)w.hits[i].k; /* at most LOR_PF_KMAX */
		}
	}
	free(w.fill);
	free(w.hits);
	h->scanned = 1;
	return LOR_OK;
}

int lor_prefilter__scan(const lor_prefilter *pf, const char *text, size_t len, lor_prefilter_hits *h)
{
	/* a long text is walked twice, so that its hits are not also held in a
	 * list of their own (16 bytes each, as many as one every two bytes of a
	 * long letter): the peak memory of a 2 MB letter */
	return lor_prefilter__scan_passes(pf, text, len, h, len > LOR_PF_TWO_PASS);
}

int lor_prefilter__may_match(const lor_prefilter_hits *h, size_t id, size_t start, size_t end)
{
	size_t lo, hi;

	if (!h->scanned || id >= h->npatterns)
		return 1;
	/* the first literal ending after start, by binary search on the ends */
	lo = h->first[id];
	hi = h->first[id + 1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h->v[2 * mid + 1] <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < h->first[id + 1] && h->v[2 * lo + 1] <= end; lo++)
		if (h->v[2 * lo] >= start)
			return 1;
	return 0;
}

void lor_prefilter__hits_release(lor_prefilter_hits *h)
{
	free(h->v);
	free(h->k);
	free(h->first);
	memset(h, 0, sizeof(*h));
}
