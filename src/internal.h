/* internal.h - the library's cross-file internals (never installed).
 *
 * Names here follow the house rule lor_<module>__<verb>: visible between the
 * library's files, not part of the public API in include/lorlint.h. The types
 * are the document and its tokens (text.c, token.c), the YAML helpers
 * (yaml.c), compiled patterns (match.c), rules and the kind interface
 * (rules.c, rule_*.c), the per-check context (engine.c) and profiles
 * (score.c).
 */
#ifndef LOR_INTERNAL_H
#define LOR_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "dates.h"
#include "lang.h"
#include "lorlint.h"
#include "xutil.h"

#if defined(__GNUC__)
#define LOR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define LOR_PRINTF(f, a)
#endif

/* ------------------------------------------------------------------ util.c */

#if defined(__GNUC__)
#define LOR_MUST_CHECK __attribute__((warn_unused_result))
#else
#define LOR_MUST_CHECK
#endif

/* A growable byte buffer with git strbuf's and curl dynbuf's guarantees:
 * - `data` is never NULL and always NUL-terminated: an empty buffer points
 *   at a shared "" (lor_buf__empty) that is never written or freed;
 * - each buffer has its own size limit, `max` (0: LOR_BUF_MAX), and an
 *   append past it fails like out of memory, leaving the buffer as it was;
 * - every append's result must be used (LOR_MUST_CHECK).
 * lor_buf__release returns a buffer to the empty state; it can be reused. */
extern char lor_buf__empty[1];
typedef struct lor_buf {
	char *data;
	size_t len, cap;   /* cap 0: data is lor_buf__empty, owned by nobody */
	size_t max;        /* the limit on len, 0 for the default */
} lor_buf;
#define LOR_BUF_INIT { lor_buf__empty, 0, 0, 0 }

int lor_buf__grow(lor_buf *b, size_t extra) LOR_MUST_CHECK;
int lor_buf__add(lor_buf *b, const char *s, size_t n) LOR_MUST_CHECK;
int lor_buf__adds(lor_buf *b, const char *s) LOR_MUST_CHECK;
int lor_buf__addf(lor_buf *b, const char *fmt, ...) LOR_PRINTF(2, 3) LOR_MUST_CHECK;
/* Hand the buffer's memory to the caller (never NULL on success: "" when
 * empty; NULL only when copying "" fails); the buffer is left empty. */
char *lor_buf__detach(lor_buf *b);
void lor_buf__release(lor_buf *b);

/* Fill err (if not NULL) and return code. line/col 0 mean "no position". */
int lor_error__set(lor_error *err, int code, const char *path, unsigned long line,
                   unsigned long col, const char *fmt, ...) LOR_PRINTF(6, 7);

char *lor__strdup(const char *s);
char *lor__strndup(const char *s, size_t n);
/* ASCII-only case-insensitive comparison (locale-independent). */
int lor__strcasecmp(const char *a, const char *b);
/* Read a whole file (path "-" is stdin) into *out (NUL-terminated). */
int lor__read_file(const char *path, char **out, size_t *len, size_t max, lor_error *err);
/* errno e as text in buf (strerror_r: strerror's static buffer is not safe
 * in the worker threads that read letters). Returns buf. */
const char *lor__errno_text(int e, char *buf, size_t len);
/* The same for a letter: a file that starts like a document (zip, PDF, OLE)
 * is read whole, NUL bytes and all, for its reader to judge. */
int lor__read_input(const char *path, char **out, size_t *len, size_t max, lor_error *err);

/* ----------------------------------------------------------------- names.c */

/* Index of name in the NULL-terminated table names, or -1 (also for NULL). */
int lor__name_index(const char *const *names, const char *name);
/* Append the table as "a, b or c" (for "expected one of" messages). */
int lor__names_list(lor_buf *out, const char *const *names);
/* The NULL-terminated tables of signal, category and level names. */
const char *const *lor__signal_names(void);
const char *const *lor__category_names(void);
const char *const *lor__level_names(void);

/* ----------------------------------------------------------- text / tokens */

/* 32 bits each: a text is at most LOR_MAX_INPUT bytes (a 2 MB letter holds
 * some 350,000 words; at 8 bytes a field a token took 40 bytes, and the
 * tokens were a third of its peak memory). */
typedef struct lor_tok {
	uint32_t start, end;   /* normalized byte span [start, end) */
	uint32_t parent;       /* sentence of a word, paragraph of a sentence */
	uint32_t first, count; /* first child (sentence of a paragraph, word of a sentence) */
} lor_tok;

/* A word needs only its span: its sentence is the one whose [first,
 * first + count) holds it. */
typedef struct lor_word {
	uint32_t start, end;   /* normalized byte span [start, end) */
} lor_word;

struct lor_document {
	char *path;
	char *orig;          /* original bytes, NUL-terminated copy */
	size_t orig_len;
	char *norm;          /* normalized matching view, NUL-terminated; orig itself when
	                        the two are the same bytes (never written after text.c) */
	size_t norm_len;
	/* The map back to the original (text.c), in runs: the pairs (norm
	 * start, orig start) of map[2 * r], map[2 * r + 1], sorted. Inside a
	 * run each character's first byte comes from the original byte as far
	 * from the run's orig start as it is from its norm start, and the rest
	 * of a character's bytes from the same byte as its first; past the
	 * view, the original's end. A letter in plain ASCII is one run; one
	 * entry per normalized byte took 4 bytes a byte (8 MB of a 2 MB
	 * letter's peak). 32 bits: inputs are under LOR_MAX_INPUT. A view that
	 * would need more runs than bytes (a text of em dashes or of CRLF
	 * alone) keeps one entry a byte instead, map_dense set: never more
	 * than the dense map took. */
	uint32_t *map;
	size_t nmap;         /* runs in map; dense: entries (norm_len) */
	int map_dense;
	size_t *lines;       /* original offsets of line starts */
	size_t nlines;
	size_t *colck;       /* column at every LOR_COLCK-th original byte, so a
	                        position costs O(LOR_COLCK), not O(line length) */
	lor_tok *tok[3];     /* paragraphs and sentences, by lor_token_kind (tok[LOR_TOK_WORD] NULL) */
	lor_word *words;     /* the words: ntok[LOR_TOK_WORD] of them */
	size_t ntok[3];
	size_t caps[3];
	/* a document extracted from another format (extract.c): */
	int fmt;             /* lor_fmt; 0 for text */
	int original;        /* read as before its tracked changes */
	struct lor_xplace *places; /* text offsets to paragraph and page, sorted */
	size_t nplaces;
	char *src;           /* the file's bytes (docx, odt), for the annotators */
	size_t src_len;
};

/* extract.c: a document from bytes of any format (see lor_document_new_as).
 * own: NULL, or where the caller keeps data as a malloc'd, NUL-terminated
 * buffer it may give away: a plain-text document then takes data as its
 * original bytes instead of copying them, and sets *own to NULL (on
 * success only; otherwise the buffer stays the caller's). */
int lor_extract__document(lor_document **out, const char *path, const char *data, size_t len,
                          char **own, const lor_read_options *opts, lor_error *err);
/* document.c: lor_document_new taking data (malloc'd, len bytes and a NUL)
 * as the document's own original bytes, not a copy, on success only: on
 * failure the caller keeps and frees it. */
int lor_document__adopt(lor_document **out, const char *path, char *data, size_t len, lor_error *err);

#define LOR_COLCK 1024

/* text.c: validate and normalize doc->orig into norm/map/lines. */
int lor_text__prepare(lor_document *doc, lor_error *err);
/* Original offset of normalized offset n. */
size_t lor_text__orig(const lor_document *doc, size_t n);
/* Span (original offsets, positions) of normalized [start, end). */
void lor_text__span(const lor_document *doc, size_t start, size_t end, lor_span *out);

/* token.c: fill doc->tok from doc->norm. */
int lor_token__split(lor_document *doc);
/* The number of words in normalized [start, end), as a reader counts them:
 * a run of Han or kana characters counts one word per two characters. */
size_t lor_token__count_words(const lor_document *doc, size_t start, size_t end);
/* Is the word at norm [s, e) an abbreviation that does not end a sentence? */
int lor_token__is_abbreviation(const char *s, size_t n);

/* ------------------------------------------------------------------ yaml.c */

/* A loaded YAML file: the libyaml document plus its path for messages. */
typedef struct lor_classes lor_classes;
typedef struct lor_prefilter lor_prefilter;
typedef struct lor_yaml {
	yaml_document_t doc;
	const char *path;
	int loaded;
	void *prebuilt;             /* the node array of a prebuilt document (load_prebuilt), or NULL */
	const lor_classes *classes; /* word classes that patterns may name ({DURATION}); may be NULL */
	lor_prefilter *pf;          /* where the patterns' literals go; may be NULL */
	int trusted;                /* a built-in rule: its tokens were all checked at build and test time */
	int cached;                 /* the build's table of built-in regexes may be used (rulecache.c) */
	const struct lor_rulecache_rec *rec;  /* mkcache: told each regex source; may be NULL */
	/* A built-in file loaded with the built-in word classes only: the table
	 * entries its token lists look up, in the order they do (the build
	 * recorded them, lor_rulecache__plans), so none is expanded, wrapped or
	 * hashed again. NULL: look each up by its source. */
	const uint32_t *plan;
	size_t nplan, plan_pos;
} lor_yaml;

/* Bounds on a YAML file, checked on libyaml's events before any tree is
 * built, so that a hostile file fails at once (lor_yaml__load: LOR_ERULE at
 * the first event past one). A real rule file nests 4 deep and holds a few
 * hundred values. */
#define LOR_YAML_MAX_DEPTH 64
#define LOR_YAML_MAX_ALIASES 100
#define LOR_YAML_MAX_VALUES 100000
#define LOR_YAML_MAX_SCALAR (64u * 1024u)
int lor_yaml__load(lor_yaml *y, const char *path, const char *data, size_t len, lor_error *err);

/* The built-in YAML files as the build parsed them (src/tools/mkcache.c
 * writes the tables into build/rulecache_data.c): lor_yaml__load() of an
 * embedded file's own bytes rebuilds its document from these nodes instead
 * of parsing it twice with libyaml. Nodes are in libyaml's order (id =
 * position + 1); marks are libyaml's (0-based). */
typedef struct lor_yaml_node {
	int type, style;              /* yaml_node_type_t, and the scalar/sequence/mapping style */
	unsigned long line, column, end_line, end_column;
	size_t index, end_index;
	uint32_t tag;                 /* in lor_rulecache__pool; LOR_NO_STR: none */
	uint32_t value;               /* a scalar's, len bytes, in lor_rulecache__pool */
	size_t len;
	size_t first, count;          /* a sequence's items, a mapping's key-value pairs, in _items */
} lor_yaml_node;
typedef struct lor_yaml_prebuilt {
	size_t file;                  /* its index in lor_embedded__files */
	uint64_t hash;                /* lor_rulecache__hash() of its bytes, checked by test_rulecache */
	size_t first, count;          /* its nodes in lor_yaml__prebuilt_nodes */
} lor_yaml_prebuilt;
extern const lor_yaml_prebuilt lor_yaml__prebuilt[];
extern const size_t lor_yaml__nprebuilt;
extern const lor_yaml_node lor_yaml__prebuilt_nodes[];
extern const int lor_yaml__prebuilt_items[];
void lor_yaml__release(lor_yaml *y);
yaml_node_t *lor_yaml__root(lor_yaml *y);
yaml_node_t *lor_yaml__node(lor_yaml *y, int index);
/* Set a positioned LOR_ERULE error at node (y's path, the node's line:col). */
int lor_yaml__fail(lor_error *err, lor_yaml *y, const yaml_node_t *node, const char *fmt, ...)
	LOR_PRINTF(4, 5);
/* Typed getters: each checks the node's type and sets a positioned error
 * naming key when it is wrong. */
int lor_yaml__string(lor_yaml *y, yaml_node_t *n, const char *key, char **out, lor_error *err);
int lor_yaml__bool(lor_yaml *y, yaml_node_t *n, const char *key, int *out, lor_error *err);
int lor_yaml__number(lor_yaml *y, yaml_node_t *n, const char *key, double *out, lor_error *err);
/* A list of strings (a single string is not accepted: it is a wrong type). */
int lor_yaml__strings(lor_yaml *y, yaml_node_t *n, const char *key, char ***out, size_t *count,
                      lor_error *err);
void lor__strings_free(char **v, size_t n);
const char *lor_yaml__scalar(const yaml_node_t *n); /* NULL unless a scalar */
/* The optional number `key` of map into *out (left alone when absent), which
 * must lie within [lo, hi]. */
int lor_yaml__number_in(lor_yaml *y, yaml_node_t *map, const char *key, double lo, double hi, double *out,
                        lor_error *err);
/* A positioned error unless map is a mapping whose keys are all in the
 * NULL-terminated keys ("unknown key 'x' in WHAT"). */
int lor_yaml__only_keys(lor_yaml *y, yaml_node_t *map, const char *what, const char *const *keys,
                        lor_error *err);
/* Look up a key in a mapping node; NULL when absent. */
yaml_node_t *lor_yaml__get(lor_yaml *y, yaml_node_t *map, const char *key);
/* The index in the NULL-terminated table names of the scalar n, or a
 * positioned "unknown KEY 'x' (expected a, b or c)" error. */
int lor_yaml__pick(lor_yaml *y, yaml_node_t *n, const char *key, const char *const *names, int *out,
                   lor_error *err);

/* ----------------------------------------------------------------- match.c */

/* Limits that keep any rule from hanging: see match.c for the numbers. */
#define LOR_MATCH_LIMIT 2000000u
#define LOR_DEPTH_LIMIT 10000u

/* One compiled regex. code is never changed once made, so threads share
 * it; a built-in regex is made on its first run from the build's table
 * (entry, rulecache.c), published atomically like the JIT copy. JIT compilation is lazy: once the regex has been run over
 * LOR_JIT_AFTER bytes in all, the thread that crosses the mark JIT-compiles
 * a copy and publishes it (jit, atomically); until then, and wherever JIT is
 * unavailable, the interpreter runs it. A one-letter run JITs almost nothing. */
#define LOR_JIT_AFTER 16384u
typedef struct lor_regex {
	_Atomic(pcre2_code *) code; /* NULL until first run when it comes from the build (entry) */
	const struct lor_rulecache_entry *entry;
	_Atomic(pcre2_code *) jit;
	atomic_size_t scanned;
	size_t chunk;         /* which alternation of its list it belongs to (lor_match__first) */
	size_t win;           /* 1 + its window pattern in the prefilter (lor_windows); 0: none */
	/* A token that opens with an unbounded run of bytes outside a set,
	 * "[^.\n]*" (the sentence that holds a word): if no match starts at a
	 * start where the opening assertion holds, none starts later in the same
	 * run (each later start tries a subset of the same paths), so the search
	 * tries one start per run, not every byte of it (see lor_match__next):
	 * linear where PCRE2 is quadratic in the run's length. nstop 0: no. */
	unsigned char stop[4];
	unsigned char nstop;
	unsigned char assert_nonword; /* the wrapper's "(?<!\w)" opens it */
} lor_regex;

/* A compiled token list. The tokens are joined into one alternation (or,
 * when that is too large for PCRE2, a few alternations of consecutive
 * tokens, each a chunk, matched together as one) for the prefilter's
 * literals; the regexes run are the tokens, one each, in list order and
 * marked with their chunk, so that lor_match__first gives exactly what the
 * alternations would (see there). Exceptions are compiled the same way. Matches
 * are whole words unless nonword is set. */
typedef struct lor_pattern {
	lor_regex *re;
	size_t nre;
	size_t pf;            /* 1 + the pattern's id in the rule set's prefilter; 0: always run */
	lor_regex *except;    /* NULL when there are no exceptions */
	size_t nexcept;
} lor_pattern;

/* Where in one text each windowed token may start a match (match.c): the
 * prefilter's hits of the token's anchors, each widened back over k runs of
 * white space, merged; built per token on its first use in the text. hits
 * NULL: no windows (every token searches its whole span). */
typedef struct lor_windows {
	const lor_prefilter *pf;
	const struct lor_prefilter_hits *hits;
	const char *text;
	size_t len;
	uint32_t *runs;       /* where each run of white space starts */
	size_t nruns, capruns;
	int runs_done;
	size_t *at;           /* per window pattern: 1 + its first pair in pairs; 0: not built */
	size_t *count;        /* per window pattern: its number of windows */
	uint32_t *pairs;      /* first, last start of each window */
	size_t npairs, cappairs;
	/* The last whole-span search of each built-in token, by its table entry:
	 * the same token in two rules ({RELATION} in two groups of
	 * ObservationContext) then searches the text once. Its leftmost match
	 * from `from` is the leftmost from any start in [from, ms] (none when
	 * found is 0): see lor_match__next. */
	struct lor_memo {
		const void *entry;
		size_t end, from, ms, me;
		int found;
	} memo[64];
} lor_windows;
void lor_windows__release(lor_windows *w);

/* Per-check matching state: one per thread, never shared. */
typedef struct lor_matcher {
	pcre2_match_data *md;
	pcre2_match_context *mc;
	pcre2_jit_stack *js;  /* the thread's (match.c), freed here only when js_owned */
	int js_owned;
} lor_matcher;

int lor_matcher__init(lor_matcher *m);
void lor_matcher__release(lor_matcher *m);

/* Compile one regex; on error a positioned message at the YAML scalar node
 * (the column points at PCRE2's offset inside the pattern). */
int lor_match__compile(pcre2_code **out, lor_yaml *y, yaml_node_t *node, const char *pattern,
                       int ignorecase, lor_error *err);
/* Compile the token list under node (a YAML sequence of strings). */
int lor_pattern__compile(lor_pattern *p, lor_yaml *y, yaml_node_t *tokens, yaml_node_t *exceptions,
                         int ignorecase, int nonword, lor_error *err);
void lor_pattern__release(lor_pattern *p);

/* Find the next match of re in subject[start, end). Returns 1 and sets
 * ms and me, 0 when none, or a negative PCRE2 error (match/depth limit). */
int lor_match__next(lor_matcher *m, lor_regex *re, lor_windows *w, const char *subject, size_t end,
                    size_t start, size_t *ms, size_t *me);
/* The leftmost (then longest) match of any of n regexes, as one pattern
 * would give; cache holds 2n entries, set to LOR_MATCH_UNKNOWN before the
 * first call of a scan and passed unchanged to the following ones (each
 * regex is then re-run only when the scan has passed its last match). */
#define LOR_MATCH_UNKNOWN ((size_t)-2)
int lor_match__first(lor_matcher *m, lor_regex *re, size_t n, lor_windows *w, const char *subject,
                     size_t end, size_t start, size_t *cache, size_t *ms, size_t *me);

/* ------------------------------------------------------------- rulecache.c */

/* One regex of the built-in rules as the build compiled it (rulecache.c;
 * the table is build/rulecache_data.c, written by src/tools/mkcache.c). */
/* The build's tables hold offsets, not pointers: a pointer in a table of a
 * position-independent executable is a relocation the loader writes at every
 * start (31,000 of them, a tenth of a one-letter run's time here, all in
 * pages copied on write). Strings are in lor_rulecache__pool (each ended by
 * a NUL), lists of strings are runs of offsets in lor_rulecache__strs, the
 * anchors' distances run beside theirs in lor_rulecache__ks, and the
 * serialized codes are in lor_rulecache__blobs, each 16-aligned. */
#define LOR_NO_STR UINT32_MAX
extern const char lor_rulecache__pool[];
extern const uint32_t lor_rulecache__strs[];
extern const int32_t lor_rulecache__ks[];
extern const uint8_t lor_rulecache__blobs[];

typedef struct lor_rulecache_entry {
	uint64_t hash;            /* lor_rulecache__hash(src, len, flags); the table is sorted by it */
	uint32_t flags;           /* PCRE2 compile options */
	uint32_t len;
	uint32_t src;             /* the regex source, word classes expanded (pool) */
	uint32_t blob;            /* its code, serialized on its own (blobs); LOR_NO_STR: none */
	uint32_t lits, nlits;     /* its prefilter literals (strs); nlits 0: it always runs */
	int error;                /* not 0: PCRE2 refused it with this error (too large as one) */
	uint32_t anchors, nanchors; /* its anchors (strs, and their distances in ks); 0: none */
} lor_rulecache_entry;
static inline const char *lor_rulecache__src(const lor_rulecache_entry *e)
{
	return lor_rulecache__pool + e->src;
}
static inline const char *lor_rulecache__lit(const lor_rulecache_entry *e, size_t i)
{
	return lor_rulecache__pool + lor_rulecache__strs[e->lits + i];
}
extern const lor_rulecache_entry lor_rulecache__entries[];
extern const size_t lor_rulecache__count;

uint64_t lor_rulecache__hash(const char *src, size_t len, uint32_t flags);
/* The entry the build made of exactly src/flags, or NULL. */
const lor_rulecache_entry *lor_rulecache__find(const char *src, size_t len, uint32_t flags);
/* A new code for the entry: decoded, or compiled from its source when this
 * PCRE2 refuses the serialized form. NULL on no memory. */
pcre2_code *lor_rulecache__code(const lor_rulecache_entry *e);

/* mkcache's recorder: add() is told every regex source match.c compiles
 * for a token list while the rules load, and PCRE2's error (0: compiled). */
typedef struct lor_rulecache_rec {
	int (*add)(void *arg, const char *src, size_t len, uint32_t flags, int error);
	void *arg;
	int (*file)(void *arg, const char *path); /* a built-in rule file begins; may be NULL */
} lor_rulecache_rec;

/* Per built-in rule file, the table entries (indices into
 * lor_rulecache__entries) its load looks up, in order: see lor_yaml.plan. */
typedef struct lor_rulecache_plan {
	const char *path;         /* "rules/lorlint/X.yml" */
	size_t first, count;      /* in lor_rulecache__plan_entries */
} lor_rulecache_plan;
extern const lor_rulecache_plan lor_rulecache__plans[];
extern const size_t lor_rulecache__nplans;
extern const uint32_t lor_rulecache__plan_entries[];
/* The plan of the built-in file at path, or NULL. */
const lor_rulecache_plan *lor_rulecache__plan(const char *path);
/* The next entry of y's plan, when it has the flags expected; else the plan
 * is dropped (y->plan NULL: the caller looks up by source) and NULL. */
const lor_rulecache_entry *lor_rulecache__next(lor_yaml *y, uint32_t flags);
/* lor_ruleset_load() with the recorder set (and the cache not used). */
int lor_ruleset__load_recorded(lor_ruleset **out, const lor_ruleset_options *opts,
                               const lor_rulecache_rec *rec, lor_error *err);

/* ------------------------------------------------------------- prefilter.c */

/* The rule set's prefilter: required literals of every pattern in one
 * Aho-Corasick automaton (see prefilter.c). Built while rules load (_add),
 * frozen by _build, then read-only and shared by threads. */
int lor_prefilter__new(lor_prefilter **out);
void lor_prefilter__free(lor_prefilter *pf);
/* The literals of the regex source re[0, len): ASCII-folded strings, one of
 * which occurs in every match. *n = 0 when none can be told (the pattern
 * always runs). *out is malloc'd, and so is each string. */
int lor_prefilter__literals(const char *re, size_t len, char ***out, size_t *n);
/* Register one pattern's literals (the prefilter takes the strings, not the
 * array); *id is its id. */
int lor_prefilter__add(lor_prefilter *pf, char **lits, size_t n, size_t *id);
/* The anchors of the regex source re[0, len): ASCII-folded literals, one of
 * which every match holds, each with the most runs of white space the match
 * can hold before it (*ks). *n = 0 when none can be told. Both arrays and the
 * strings are malloc'd. */
int lor_prefilter__anchors(const char *re, size_t len, char ***out, long **ks, size_t *n);
/* Register a regex's anchors with their distances (ks) as one pattern;
 * lor_windows reads its hits. The prefilter takes the strings, unless
 * borrowed (the build's table's, never freed). */
int lor_prefilter__add_anchors(lor_prefilter *pf, const char *const *lits, const long *ks, size_t n,
                               int borrowed, size_t *id);
/* The same for anchors lent from the build's tables: strings at pool + offs[i],
 * distances ks[i]. */
int lor_prefilter__add_anchors_pooled(lor_prefilter *pf, const char *pool, const uint32_t *offs,
                                      const int32_t *ks, size_t n, size_t *id);
int lor_prefilter__build(lor_prefilter *pf);

/* The automaton of the built-in rules' literals, made at build time
 * (src/tools/mkcache.c writes it into build/rulecache_data.c): a scan uses it
 * instead of making its own when the prefilter holds exactly the literals it
 * was made from (the same fingerprint: every literal, its pattern and its
 * distance, in the order they were added), as a load of the built-in rules
 * alone gives; rules from folders change the literals, and the automaton is
 * then made at the first scan as before. */
typedef struct lor_prefilter_dfa {
	uint64_t fingerprint;   /* lor_prefilter__fingerprint() of the literals; 0: none */
	size_t nlits, npatterns;
	const unsigned char *cls; /* 256 input classes */
	size_t ncls, nstates;
	const uint16_t *delta16;  /* one of the two transition tables */
	const uint32_t *delta;
	const int32_t *out;
	const uint32_t *outs;
	size_t nouts;
} lor_prefilter_dfa;
extern const lor_prefilter_dfa lor_prefilter__prebuilt;
uint64_t lor_prefilter__fingerprint(const lor_prefilter *pf);
/* Make pf's automaton now, from its literals (never the prebuilt one), and
 * describe it in *out (pointers into pf): for mkcache and the tests. */
int lor_prefilter__make_own(lor_prefilter *pf, lor_prefilter_dfa *out);
/* Is the automaton in use the build's (after the first scan)? For the tests. */
int lor_prefilter__is_prebuilt(const lor_prefilter *pf);

/* The literal occurrences of one text, grouped by pattern. */
typedef struct lor_prefilter_hits {
	uint32_t *v;        /* start, end pairs (a letter is under LOR_MAX_INPUT: 32 bits) */
	uint8_t *k;         /* each pair's distance (anchors: runs of white space before it) */
	size_t *first;      /* pattern id -> its first pair; npatterns + 1 entries */
	size_t npatterns;
	int scanned;
} lor_prefilter_hits;
int lor_prefilter__scan(const lor_prefilter *pf, const char *text, size_t len, lor_prefilter_hits *h);
/* The same, walking the text once (hits listed, then grouped) or, two set,
 * twice (counted, then written in place): what lor_prefilter__scan picks by
 * the text's length; the same hits either way. */
#define LOR_PF_TWO_PASS (64u * 1024u)
int lor_prefilter__scan_passes(const lor_prefilter *pf, const char *text, size_t len, lor_prefilter_hits *h,
                               int two);
/* Can pattern id match inside [start, end)? 0 only when none of its
 * literals lies wholly inside the span. */
int lor_prefilter__may_match(const lor_prefilter_hits *h, size_t id, size_t start, size_t end);
void lor_prefilter__hits_release(lor_prefilter_hits *h);

/* --------------------------------------------------------------- classes.c */

/* A named word class (rules/classes/NAME.yml): regex members that any rule
 * pattern can use as {NAME}. */
typedef struct lor_class {
	char *name, *path, *description, *source;
	char **members;
	size_t nmembers;
	unsigned long *member_line, *member_col; /* each member's place in the file */
	char **match, **nomatch;                 /* the class's own examples */
	size_t nmatch, nnomatch;
	char *pattern;                           /* (?:m1|m2|...) with nested classes expanded */
	int trusted;                             /* built in: members not compiled one by one */
} lor_class;

struct lor_classes {
	lor_class **v;
	size_t n, cap;
};

/* Is s[0, n) a valid class name ([A-Z][A-Z0-9_]*)? */
int lor_classes__valid_name(const char *s, size_t n);
/* Index of the class named name[0, n), or -1. */
long lor_classes__find(const lor_classes *cs, const char *name, size_t n);
/* Add the class file `file` (NAME.yml) of one source; a class of the same
 * name from an earlier source is replaced. seen_here marks the classes this
 * source defined (sized for cs->n + 1), to catch duplicates within it. */
/* trusted: a built-in class, whose members were each compiled at build and
 * test time (test_rules loads rules/ as a folder): resolve skips that. */
int lor_classes__add(lor_classes *cs, const char *file, const char *path, const char *data,
                     size_t len, int *seen_here, int trusted, lor_error *err);
/* Expand references among the members and check every member compiles;
 * call once, after the last source. Cycles and unknown names are errors. */
int lor_classes__resolve(lor_classes *cs, lor_error *err);
/* Append pat to out with every {NAME} replaced by its class's pattern. When
 * map_out is given, map_out[i] (for i < map_cap) is the offset in pat that
 * produced byte i of the expansion. Returns LOR_OK, LOR_ENOMEM, LOR_ELIMIT
 * when a class would take out past out->max (if set), or LOR_ENOTFOUND with
 * *bad_at the offset of the unknown reference. */
int lor_classes__expand(const lor_classes *cs, const char *pat, lor_buf *out, size_t *bad_at,
                        size_t *map_out, size_t map_cap);
/* Run the class's examples: each `match` matched in full, no `nomatch`. */
int lor_classes__selftest(const lor_class *c, lor_error *err);
void lor_classes__release(lor_classes *cs);

/* ----------------------------------------------------------------- rules.c */

typedef enum lor_scope { LOR_SCOPE_TEXT = 0, LOR_SCOPE_PARAGRAPH, LOR_SCOPE_SENTENCE } lor_scope;

typedef struct lor_rule lor_rule;
typedef struct lor_ctx lor_ctx;

/* One rule kind: a file rule_<kind>.c and a line in rules.c's registry. */
typedef struct lor_rule_kind {
	const char *name;
	const char *const *keys; /* keys this kind accepts beyond the common ones; NULL-terminated */
	/* Compile the kind-specific keys of the rule's YAML mapping into rule->impl. */
	int (*compile)(lor_rule *rule, lor_yaml *y, yaml_node_t *map, lor_error *err);
	/* Add findings for ctx's document; set rule's signal with lor_ctx__signal(). */
	int (*check)(const lor_rule *rule, lor_ctx *ctx);
	void (*release)(void *impl);
} lor_rule_kind;

struct lor_rule {
	char *id, *path, *message, *description, *fix, *source, *link, *category_name;
	int category;            /* lor_category */
	int signal;              /* lor_signal or -1 */
	lor_level level;
	lor_scope scope;
	int ignorecase;
	int english_only;        /* not applied to a letter mostly in another language */
	char **bad, **good;
	size_t nbad, ngood;
	int unless[LOR_SIG_COUNT]; /* skip the rule when any listed signal is true */
	int has_unless;
	char **profiles;           /* run only under these profiles (NULL: all) */
	size_t nprofiles;
	const lor_rule_kind *kind;
	void *impl;
};

/* Compile the rule's `tokens` (required), `exceptions` and `nonword` keys. */
int lor_rules__pattern(lor_pattern *p, const lor_rule *rule, lor_yaml *y, yaml_node_t *map,
                       lor_error *err);
/* Read the `min` and `max` keys; *has_* tell which were given. At least one
 * is required when required is set. */
typedef struct lor_bounds {
	double min, max;
	int has_min, has_max;
} lor_bounds;
int lor_rules__bounds(lor_bounds *b, lor_yaml *y, yaml_node_t *map, int required, lor_error *err);
const char *lor_rules__scope_name(lor_scope s);

extern const lor_rule_kind lor_kind_language, lor_kind_fact;

/* rule_metric.c: the letter body (salutation to closing) as normalized
 * [*start, *end), and the share of paragraphs of at least min_words words
 * in which p matches (percent; -1 when no paragraph is long enough). */
void lor_metric__body_span(const lor_document *doc, size_t *start, size_t *end);
int lor_metric__share(lor_ctx *ctx, const lor_rule *rule, const lor_pattern *p, double min_words,
                      double *out);

/* ---------------------------------------------------------------- score.c */

typedef struct lor_profile lor_profile;
int lor_profile__load(lor_profile **out, const char *path, const char *data, size_t len,
                      lor_error *err);
void lor_profile__free(lor_profile *p);
const char *lor_profile__name(const lor_profile *p);
/* The level of rule_id's findings under profile p (dflt unless it sets one). */
lor_level lor_profile__level(const lor_profile *p, const char *rule_id, lor_level dflt);

/* setprofile.c: a letter-set profile (rules/sets/<name>.yml). */
typedef enum lor_setcheck_kind {
	LOR_SETCHECK_COUNT = 0, LOR_SETCHECK_LETTERS, LOR_SETCHECK_EVERY, LOR_SETCHECK_TEMPLATED,
	LOR_SETCHECK_REPEATED
} lor_setcheck_kind;

typedef struct lor_setcheck {
	char *id, *message, *fix, *next, *source;
	char *next_near;             /* letters, too few: the next step when some letters are near */
	int near;                    /* ... that is, have this signal (-1: none) */
	lor_setcheck_kind kind;
	int points;
	char *fact, *value;          /* letters: a fact value ... */
	int signal;                  /* ... or a signal (-1) */
	int signals[LOR_SIG_COUNT];  /* every: any of these */
	double min, max, min_share, similarity, min_sentences;
	int has_min, has_max, has_min_share;
} lor_setcheck;

typedef struct lor_setprofile {
	char *name, *description;
	int strong, moderate;
	size_t shingle, min_words;
	lor_pattern boiler;          /* sentences that are not compared */
	int has_boiler;
	lor_setcheck *checks;
	size_t nchecks, capchecks;
} lor_setprofile;

/* trusted: a built-in file, whose patterns the build's table holds (and
 * whose lookups it planned, unless rec: mkcache recording the load). */
int lor_setprofile__load(lor_setprofile **out, const char *path, const char *data, size_t len, int trusted,
                         const struct lor_rulecache_rec *rec, lor_error *err);
void lor_setprofile__free(lor_setprofile *p);

struct lor_ruleset {
	lor_setprofile **sets;   /* letter-set profiles, from rules/sets/ */
	size_t nsets, capsets;
	lor_rule **rules;        /* sorted by id */
	size_t nrules, caprules;
	lor_profile **profiles;  /* sorted by name */
	size_t nprofiles, capprofiles;
	lor_lang__model *lang;   /* from the last source with a lang/ folder; may be NULL */
	lor_classes classes;     /* word classes, from every source's classes/ folder */
	lor_prefilter *pf;       /* the literals of every pattern (prefilter.c) */
	int pf_off;              /* tests only: run every pattern everywhere */
	const lor_rulecache_rec *rec; /* while loading, for mkcache only */
	int catalogue;           /* loaded for listing only: built-in rules have no patterns */
	int own_classes;         /* word classes came from a folder too: no load plans */
};

/* rules.c: compile one rule file's text against rs's word classes and throw
 * the rule away: what the rule-file fuzz target needs. Returns as a load does. */
int lor_rules__compile_data(const lor_ruleset *rs, const char *path, const char *data, size_t len,
                            lor_error *err);
/* config.c: lor_config_load() of text already read (path only names it). */
int lor_config__parse(lor_config **out, const char *path, const char *data, size_t len, lor_error *err);

/* ---------------------------------------------------------------- engine.c */

typedef struct lor_ifinding {
	const lor_rule *rule;
	size_t start, end;       /* normalized span */
	char *message, *redacted;
} lor_ifinding;

/* A paragraph or sentence in another language, as the language rules find it. */
typedef struct lor_ilang {
	size_t paragraph, line;
	int whole;               /* 1: the whole paragraph, 0: one sentence of it */
	char code[8];
	double confidence;
} lor_ilang;

/* One vote of a fact rule (rule_fact.c): weight for the rule's value. */
typedef struct lor_ivote {
	const lor_rule *rule;
	double weight;
} lor_ivote;

struct lor_ctx {
	const lor_document *doc;
	const lor_ruleset *rs;
	lor_ilang *langs;
	size_t nlangs, caplangs;
	lor_matcher matcher;
	lor_ifinding *findings;
	size_t nfindings, capfindings;
	int signal[LOR_SIG_COUNT];
	const lor_rule *signal_rule[LOR_SIG_COUNT];
	int as_of_year, as_of_month, as_of_day;
	lor_error *err;
	lor_dates__list dates;   /* extracted once, on first use */
	long letter_date;        /* index into dates, or -1 */
	int dates_done;
	/* set by the language rules: most of the letter is in another language,
	 * so rules marked english_only are not applied (code: that language) */
	int foreign;
	char foreign_code[8];
	lor_ivote *votes;        /* the fact rules' votes */
	size_t nvotes, capvotes;
	lor_prefilter_hits pfh;  /* the prefilter's scan of the text, made on first use */
	lor_windows win;         /* the tokens' windows in the text (match.c), made on use */
};

/* Add a fact rule's vote (rule_fact.c). Returns LOR_OK or LOR_ENOMEM. */
int lor_ctx__vote(lor_ctx *ctx, const lor_rule *rule, double weight);
/* rule_fact.c: the fact rule's fact name (NULL for other kinds), and every
 * fact of a letter from its votes, sorted by name (*out to be freed; names,
 * values and rule ids borrowed from rs). LOR_OK or LOR_ENOMEM. */
const char *lor_fact__name(const lor_rule *rule);
const char *lor_fact__value(const lor_rule *rule);
int lor_fact__resolve(const lor_ruleset *rs, const lor_ivote *votes, size_t nvotes, lor_fact **out,
                      size_t *nout);

/* The text of normalized [start, end), white space folded, at most about
 * max bytes (cut on a character boundary). LOR_OK or LOR_ENOMEM. */
int lor_engine__excerpt(const lor_document *doc, size_t start, size_t end, size_t max, lor_buf *b);

/* portfolio.c: the word shingles of nwords words (text[wstart[i], wend[i])),
 * k words each, case-folded and hashed, sorted and unique (*out malloc'd,
 * NULL when there are fewer than k words); and the Jaccard index of two
 * such sets. */
int lor_portfolio__shingles(const char *text, const size_t *wstart, const size_t *wend, size_t nwords,
                            size_t k, uint64_t **out, size_t *nout);
double lor_portfolio__jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* The document's dates and the letter's own date (-1: none), extracted on
 * first use. Returns LOR_OK or LOR_ENOMEM. */
int lor_ctx__dates(lor_ctx *ctx);

/* Record a finding of rule over normalized [start, end). The first and second
 * "%s" of the rule's message become arg1 and arg2 (NULL: the matched text). */
int lor_ctx__emit(lor_ctx *ctx, const lor_rule *rule, size_t start, size_t end, const char *arg1,
                  const char *arg2);
/* The same with another message template of the rule's (a variant the kind
 * chooses, such as the language rule's translation message). */
int lor_ctx__emit_as(lor_ctx *ctx, const lor_rule *rule, const char *message, size_t start, size_t end,
                     const char *arg1, const char *arg2);
/* Set rule's signal (if it has one) to value; a true value is never undone. */
void lor_ctx__signal(lor_ctx *ctx, const lor_rule *rule, int value);
/* The spans [start,end) of a scope; *count of them. Text is one span. */
const lor_tok *lor_ctx__scopes(lor_ctx *ctx, lor_scope scope, lor_tok *text, size_t *count);
/* Turn a regex failure into a positioned LOR_ELIMIT error naming the rule. */
int lor_ctx__match_error(lor_ctx *ctx, const lor_rule *rule, int rc, size_t at);
/* Could p match inside [start, end)? *may is 0 only when the rule set's
 * prefilter proves it cannot (no literal of p lies inside the span); the
 * scan of the text is made on first use. Returns LOR_OK or LOR_ENOMEM. */
int lor_ctx__may_match(lor_ctx *ctx, const lor_pattern *p, size_t start, size_t end, int *may);
/* Every match of p in [start, end) not overlapped by an exception; calls fn
 * (nothing to do when the prefilter proves there is no match). */
typedef int (*lor_match_fn)(lor_ctx *ctx, const lor_rule *rule, size_t ms, size_t me, void *arg);
int lor_ctx__each(lor_ctx *ctx, const lor_rule *rule, const lor_pattern *p, size_t start,
                  size_t end, lor_match_fn fn, void *arg);

/* The context's life: lor_ctx__init sets up the matcher for doc (LOR_OK or
 * LOR_ENOMEM), lor_ctx__release frees what the check made. */
int lor_ctx__init(lor_ctx *ctx, const lor_document *doc, lor_error *err);
void lor_ctx__release(lor_ctx *ctx);

/* suppress.c: drop the findings that suppression comments silence. */
void lor_suppress__apply(lor_ctx *ctx);

/* score.c: compute the score of a checked document. */
typedef struct lor_scored {
	int category_score[LOR_CAT_COUNT], category_max[LOR_CAT_COUNT];
	int total;
	lor_verdict verdict;
	lor_reason *reasons;
	size_t nreasons;
} lor_scored;
/* fired(arg, rule_id) tells whether a rule made at least one finding (1),
 * made none (0), or was not applied to the letter (-1). */
int lor_score__compute(lor_scored *out, const lor_profile *p, const int *signals,
                       int (*fired)(const void *arg, const char *rule_id), const void *arg);
void lor_score__release(lor_scored *s);

/* ---------------------------------------------------------------- report.c */

/* One checked letter, as engine.c fills it and report.c reads it out. */
struct lor_report {
	const lor_document *doc;
	char *profile;
	lor_finding *findings;
	size_t nfindings;
	int signal[LOR_SIG_COUNT];
	const char *decided_by[LOR_SIG_COUNT];
	lor_scored score;
	size_t words;
	char *not_judged;        /* why the letter's content was not judged, or NULL */
	int has_date, year, month, day;
	lor_language_span *langs;
	char (*lang_codes)[8];
	size_t nlangs;
	lor_fact *facts;         /* sorted by name; strings borrowed from the rule set */
	size_t nfacts;
};

/* ------------------------------------------------------- reporter.c etc. */

typedef struct lor_reporter_ops {
	const char *name;
	int (*file)(lor_reporter *rep, const lor_report *report);
	int (*error)(lor_reporter *rep, const lor_error *e);
	int (*finish)(lor_reporter *rep);
	void (*release)(lor_reporter *rep);
	/* --portfolio: render the set now (pf is freed after the call); NULL:
	 * the format has no set view */
	int (*portfolio)(lor_reporter *rep, const lor_portfolio *pf);
} lor_reporter_ops;

struct lor_reporter {
	const lor_reporter_ops *ops;
	FILE *fp;
	lor_output_options opts;
	size_t files, verdicts[3], errors;
	void *state;   /* the format's own */
	int portfolio;              /* a letter set was given: letters show their facts */
	char *set_text;             /* the set, rendered, waiting for finish() */
	struct json_t *set_json;
};

/* report_text.c: the strength report of one letter (score, verdict, bars,
 * checklist, points, top fixes) to rep->fp; shown is the findings shown. */
void lor_report_text__strength(lor_reporter *rep, const lor_report *r, size_t shown);

extern const lor_reporter_ops lor_report_text, lor_report_json, lor_report_sarif,
	lor_report_summary, lor_report_html, lor_report_docx, lor_report_odt;

/* report_portfolio.c: the set as json and sarif carry it, a letter's facts
 * as a JSON object, the text overview; and the release of set_text and
 * set_json. */
struct json_t *lor_report__portfolio_json(const lor_reporter *rep, const lor_portfolio *pf);
struct json_t *lor_report__facts_json(const lor_report *r);
int lor_report__portfolio_text(const lor_reporter *rep, const lor_portfolio *pf, lor_buf *b);
void lor_report__set_release(lor_reporter *rep);
/* The portfolio op of json and sarif: keep the set's JSON for finish(). */
int lor_report__portfolio_keep(lor_reporter *rep, const lor_portfolio *pf);

/* report_json.c: str as a JSON string (quoted, escaped byte for byte as
 * jansson escapes it) appended to b; LOR_EINPUT, with b unchanged, when str
 * is not valid UTF-8 (json_string refuses it); LOR_ENOMEM. */
int lor_json__string(lor_buf *b, const char *str);

/* The finding's message as the options allow (redacted or not). */
const char *lor_reporter__message(const lor_reporter *rep, const lor_finding *f);
/* Where a finding is in a document read from .docx, .odt, .pdf or .html, in
 * the user's terms ("paragraph 4", "page 2, paragraph 7", "header paragraph
 * 1") into buf; returns buf, or NULL for a plain-text letter (whose line and
 * column are the place) and for a finding about the whole letter. */
const char *lor_reporter__place(const lor_document *doc, const lor_span *sp, char *buf, size_t len);
/* The original text of a span, white space folded, cut at max bytes on a
 * character boundary. */
int lor_reporter__excerpt(const lor_document *doc, const lor_span *sp, size_t max, lor_buf *out);

/* The embedded copy of rules/ (generated at build time by src/tools/embed.c). */
typedef struct lor_embedded_file {
	const char *path;
	const char *data;
	size_t len;
} lor_embedded_file;
extern const lor_embedded_file lor_embedded__files[];
extern const size_t lor_embedded__count;

#endif /* LOR_INTERNAL_H */
