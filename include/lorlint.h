/* lorlint.h - the public API of liblorlint, a linter for letters of recommendation.
 *
 * The pipeline (one way, each stage owning one job):
 *
 *   bytes -> document -> tokens -> analyzers -> findings + signals -> score -> reporter
 *
 *   lor_document_*   reads and validates UTF-8 text, normalizes it (NFC, quotes,
 *                    dashes, spaces, line ends) for matching, keeps the original
 *                    bytes for reporting, and tokenizes it once into paragraphs,
 *                    sentences and words.
 *   lor_ruleset_*    loads YAML rule files (built-in and from directories) and
 *                    compiles them; the result is immutable.
 *   lor_check        runs every rule of a rule set over one document and scores
 *                    the result into a lor_report.
 *   lor_reporter_*   renders reports (text, json) to a stream.
 *
 * Ownership and threads:
 *   - Every `_new`/`_load`/`_read` function hands the caller one object to be
 *     released with the matching `_free`, and every `_free` accepts NULL.
 *   - Out-parameters are set only on success.
 *   - Getters borrow: strings and structs they return live as long as the
 *     object they came from.
 *   - A lor_ruleset is never modified after lor_ruleset_load() returns, so one
 *     rule set may be shared by any number of threads, each checking its own
 *     documents. Documents, reports and reporters belong to one thread at a time.
 *   - A lor_report borrows the document and the rule set it was made from:
 *     free the report first.
 *
 * Errors:
 *   Fallible functions return LOR_OK (0) or a negative lor_code, and fill the
 *   caller's lor_error (which may be NULL) with the code, the file, a 1-based
 *   line and column (0 when unknown) and a message. The library never prints
 *   and never exits. lor_error_format() renders the house form
 *   "path:line:col: error: message".
 */
#ifndef LORLINT_H
#define LORLINT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LOR_VERSION "0.1.0"

/* Error codes: LOR_OK or one of these negative values. */
typedef enum lor_code {
	LOR_OK = 0,
	LOR_ENOMEM = -1,   /* out of memory */
	LOR_EIO = -2,      /* a file or directory could not be read or written */
	LOR_EINPUT = -3,   /* input is not checkable text: invalid UTF-8, binary, too large */
	LOR_ERULE = -4,    /* a rule or profile file is malformed */
	LOR_ELIMIT = -5,   /* a regex hit its match or depth limit (runaway pattern) */
	LOR_EARG = -6,     /* an argument is invalid (bad option value, unknown name) */
	LOR_ENOTFOUND = -7 /* a named rule, profile or format does not exist */
} lor_code;

/* An error as a value. Fields are empty / zero when not applicable. */
typedef struct lor_error {
	int code;              /* a lor_code */
	char path[1024];       /* the file concerned, or "" */
	unsigned long line;    /* 1-based, 0 when the error has no position */
	unsigned long column;  /* 1-based, in code points */
	char message[1024];    /* lower case, no full stop, subjects in quotes */
} lor_error;

/* Render err as "path:line:col: error: message" (omitting the parts that are
 * empty) into buf of size len, always NUL-terminated. Returns buf. */
char *lor_error_format(const lor_error *err, char *buf, size_t len);

/* Short English text for a lor_code, e.g. "out of memory". Never NULL. */
const char *lor_strerror(int code);

/* Finding levels, in increasing order of severity. */
typedef enum lor_level {
	LOR_LEVEL_SUGGESTION = 0,
	LOR_LEVEL_WARNING = 1,
	LOR_LEVEL_ERROR = 2
} lor_level;

/* "suggestion", "warning" or "error". */
const char *lor_level_name(lor_level level);
/* Parse a level name into *out. Returns LOR_OK or LOR_EARG. */
int lor_level_parse(lor_level *out, const char *name);

/* ---------------------------------------------------------------- signals */

/* The strength report's checklist (DESIGN.md section 3), in report order. */
typedef enum lor_signal {
	LOR_SIG_EXPLICIT_ENDORSEMENT = 0,
	LOR_SIG_COMPARATIVE_RANKING,
	LOR_SIG_CONCRETE_INFORMATICS_EXAMPLE,
	LOR_SIG_OBSERVATION_CONTEXT,
	LOR_SIG_VAGUE_ENDORSEMENT,
	LOR_SIG_GENERIC_PRAISE_ONLY,
	LOR_SIG_STALE_DATE,
	LOR_SIG_NON_ENGLISH,
	LOR_SIG_VISA_MENTION,
	LOR_SIG_SHORT_LETTER,
	LOR_SIG_COUNT
} lor_signal;

/* The signal's contract name, e.g. "explicit_endorsement"; NULL if out of range. */
const char *lor_signal_name(lor_signal sig);
/* 1 if a true signal counts in the letter's favour, 0 if it is a defect. */
int lor_signal_is_positive(lor_signal sig);
/* Look a signal up by name. Returns its index or -1. */
int lor_signal_find(const char *name);

/* Categories group findings and score points, in report order. */
typedef enum lor_category {
	LOR_CAT_ENDORSEMENT = 0,
	LOR_CAT_COMPARISON,
	LOR_CAT_EVIDENCE,
	LOR_CAT_OBSERVATION,
	LOR_CAT_TONE,
	LOR_CAT_FRESHNESS,
	LOR_CAT_LANGUAGE,
	LOR_CAT_COUNT
} lor_category;

const char *lor_category_name(lor_category cat);
int lor_category_find(const char *name);

/* --------------------------------------------------------------- rule sets */

typedef struct lor_ruleset lor_ruleset;

#define LOR_RULESET_OPTIONS_VERSION 2 /* 1: the same without 'catalogue' */
typedef struct lor_ruleset_options {
	unsigned version;       /* LOR_RULESET_OPTIONS_VERSION */
	int builtin;            /* 1: start from the rules embedded at build time */
	const char *const *dirs;/* extra rule directories, each holding style folders
	                           (DIR/<style>/<Rule>.yml) and optionally
	                           DIR/profiles/<name>.yml; later ones override */
	size_t ndirs;
	const char *const *disable;     /* rule ids to leave out */
	size_t ndisable;
	const char *const *level_ids;   /* rule ids whose level is overridden ... */
	const lor_level *levels;        /* ... with these levels */
	size_t nlevels;
	int catalogue;          /* 1: what describes the rules (ids, levels, categories,
	                           messages, help, examples, classes, profiles) without
	                           the built-in rules' patterns or language model, for
	                           listing and explaining: a fraction of the load. Rules
	                           from dirs are still compiled, so their errors are
	                           reported as in a full load. Such a set cannot check:
	                           lor_check and lor_ruleset_selftest return
	                           LOR_EARG. */
} lor_ruleset_options;
#define LOR_RULESET_OPTIONS_INIT { LOR_RULESET_OPTIONS_VERSION, 1, NULL, 0, NULL, 0, NULL, NULL, 0, 0 }

/* Load and compile rules and profiles into a new immutable rule set.
 * Rules named in opts->disable are left out and opts->level_ids get the
 * given levels; naming a rule that does not exist is LOR_ENOTFOUND.
 * A rule whose id (style.Name) is already loaded replaces the earlier one, so
 * a directory can override a built-in rule; two files with the same id in one
 * directory are an error. Any malformed file stops the load with LOR_ERULE and
 * err positioned at the offending YAML node ("rules/x/Y.yml:3:5"), LOR_EIO if
 * a directory or file cannot be read, LOR_ENOMEM. opts may be NULL (built-in
 * rules only). */
int lor_ruleset_load(lor_ruleset **out, const lor_ruleset_options *opts, lor_error *err);
void lor_ruleset_free(lor_ruleset *rs);

/* What a rule says about itself; all strings borrowed from the rule set. */
typedef struct lor_rule_info {
	const char *id;          /* "lorlint.HedgedEndorsement" */
	const char *kind;        /* "existence", "occurrence", ... */
	const char *path;        /* the file it came from ("rules/lorlint/X.yml" if built in) */
	const char *category;    /* a category name */
	const char *signal;      /* the signal it sets, or NULL */
	const char *message;
	const char *description; /* may be NULL */
	const char *fix;         /* may be NULL */
	const char *source;      /* may be NULL */
	const char *link;        /* may be NULL */
	const char *scope;       /* "text", "paragraph" or "sentence" */
	lor_level level;
	const char *const *bad;  /* examples that must be flagged */
	size_t nbad;
	const char *const *good; /* examples that must not be flagged */
	size_t ngood;
} lor_rule_info;

/* Number of rules, in id order. */
size_t lor_ruleset_count(const lor_ruleset *rs);
/* Describe rule i (0 <= i < count) into *out. Returns LOR_OK or LOR_EARG. */
int lor_ruleset_rule(const lor_ruleset *rs, size_t i, lor_rule_info *out);
/* Index of the rule with this id (exact, or case-insensitive), or -1. */
long lor_ruleset_find(const lor_ruleset *rs, const char *id);
/* A named word class (rules/classes/NAME.yml), which rule patterns use as
 * {NAME}. Borrowed from the rule set, valid while it lives. */
typedef struct lor_class_info {
	const char *name;         /* "DURATION" */
	const char *path;         /* the file it came from */
	const char *description;  /* may be NULL */
	const char *source;       /* may be NULL */
	const char *const *members; /* the regex alternatives, as written */
	size_t nmembers;
	const char *const *match;   /* examples the class matches in full */
	size_t nmatch;
	const char *const *nomatch; /* examples it must not match */
	size_t nnomatch;
} lor_class_info;

/* Number of word classes, in name order. */
size_t lor_ruleset_class_count(const lor_ruleset *rs);
/* Describe class i (0 <= i < count) into *out. Returns LOR_OK or LOR_EARG. */
int lor_ruleset_class(const lor_ruleset *rs, size_t i, lor_class_info *out);
/* Index of the class with this name (exact, or case-insensitive), or -1. */
long lor_ruleset_find_class(const lor_ruleset *rs, const char *name);
/* Run class i's own examples. Returns LOR_OK, or LOR_ERULE naming the class
 * and the example that failed. */
int lor_ruleset_class_selftest(const lor_ruleset *rs, size_t i, lor_error *err);

/* Names of the scoring profiles loaded (residency, ...), in name order. */
size_t lor_ruleset_profile_count(const lor_ruleset *rs);
const char *lor_ruleset_profile_name(const lor_ruleset *rs, size_t i);

/* Run rule i against its own examples: every `bad` example must get at least
 * one finding from that rule, no `good` example may. On the first example that
 * fails, returns LOR_ERULE with err naming the rule, the kind of example and
 * the example text; LOR_OK when all hold. */
int lor_ruleset_selftest(const lor_ruleset *rs, size_t i, lor_error *err);

/* ---------------------------------------------------------------- documents */

typedef struct lor_document lor_document;

/* The largest letter accepted, in bytes of text, for each letter; a larger
 * one is LOR_EINPUT ("file too large"). 2 MiB is some forty times the longest
 * letter of recommendation, and keeps a check within seconds and a few tens
 * of MB. A file read from disk may be larger, up to LOR_MAX_FILE (a .docx
 * with a letterhead image), as long as the text in it is not. */
#define LOR_MAX_INPUT (2u * 1024u * 1024u)
#define LOR_MAX_FILE (64u * 1024u * 1024u)

/* Make a document from len bytes at data (copied). path names it in reports.
 * Fails with LOR_EINPUT for invalid UTF-8 (err positioned at the bad byte),
 * binary content (a NUL byte or mostly control characters: "binary file, not
 * text"), or input over LOR_MAX_INPUT; LOR_ENOMEM. An empty or blank input is
 * valid and yields a document with no tokens. */
int lor_document_new(lor_document **out, const char *path, const char *data, size_t len,
                     lor_error *err);
/* Read the whole file at path ("-": standard input) into a new document.
 * LOR_EIO if it cannot be opened or read (a directory is LOR_EIO), then as
 * lor_document_new(). The file is only read, never written or copied. */
int lor_document_read(lor_document **out, const char *path, lor_error *err);
void lor_document_free(lor_document *doc);

/* Letters that live in documents: .docx, .odt, .pdf and .html are read into
 * their text, with a map back to paragraph (and page) for reports. */
#define LOR_READ_OPTIONS_VERSION 1
typedef struct lor_read_options {
	unsigned version;       /* LOR_READ_OPTIONS_VERSION */
	const char *format;     /* NULL or "auto": by content, then by the name's
	                           extension; else "text", "docx", "odt", "pdf", "html" */
	int original;           /* 1: a .docx/.odt with tracked changes is read as
	                           it was before them (insertions out, deletions in);
	                           0: as with every change accepted */
	const char *pdftotext;  /* the PDF text extractor; NULL: "pdftotext" on the PATH */
} lor_read_options;
#define LOR_READ_OPTIONS_INIT { LOR_READ_OPTIONS_VERSION, NULL, 0, NULL }

/* Make a document from len bytes of any supported format (opts may be NULL:
 * detected). Besides lor_document_new()'s errors, LOR_EINPUT with a one-line
 * reason for a damaged, encrypted or hostile document (a zip bomb, XML with a
 * DTD), a PDF without a text layer, or pdftotext missing or failing; LOR_EARG
 * for an unknown format name. A PDF is read by running pdftotext (poppler) as
 * a separate process, without a shell, under a time limit. */
int lor_document_new_as(lor_document **out, const char *path, const char *data, size_t len,
                        const lor_read_options *opts, lor_error *err);
/* Read the file at path ("-": standard input) the same way. lor_document_read()
 * is this with opts NULL. */
int lor_document_read_as(lor_document **out, const char *path, const lor_read_options *opts,
                         lor_error *err);
/* The format the document was read from: "text", "docx", "odt", "pdf", "html". */
const char *lor_document_format(const lor_document *doc);

/* Where an offset of an extracted document's text was in the original file. */
typedef struct lor_place {
	const char *part;       /* "body", "header", "footer" or "footnote" */
	size_t paragraph;       /* 1-based, counting the part's non-empty paragraphs */
	size_t page;            /* 1-based for PDF; 0 when the format has no pages */
} lor_place;
/* Fill *out for a byte offset of the text and return 1; return 0 for a
 * plain-text document (its lines and columns are the place). */
int lor_document_place(const lor_document *doc, size_t offset, lor_place *out);

const char *lor_document_path(const lor_document *doc);
/* The original bytes, exactly as read (not NUL-terminated: use the size). */
const char *lor_document_bytes(const lor_document *doc, size_t *len);
/* The normalized matching view (NUL-terminated) and its length. */
const char *lor_document_normalized(const lor_document *doc, size_t *len);

typedef enum lor_token_kind {
	LOR_TOK_PARAGRAPH = 0,
	LOR_TOK_SENTENCE,
	LOR_TOK_WORD
} lor_token_kind;

/* A span of the original text with its position. Lines and columns are
 * 1-based; columns count code points; end_* is the last character's position
 * plus one column, as compilers report ranges. */
typedef struct lor_span {
	size_t offset, length;        /* bytes in the original */
	size_t line, column, end_line, end_column;
} lor_span;

size_t lor_document_token_count(const lor_document *doc, lor_token_kind kind);
/* Span i of the given kind. Returns LOR_OK or LOR_EARG when out of range. */
int lor_document_token(const lor_document *doc, lor_token_kind kind, size_t i, lor_span *out);
/* Position of an original byte offset (clamped to the text). */
void lor_document_position(const lor_document *doc, size_t offset, size_t *line, size_t *column);

/* Parse a strict ISO date "YYYY-MM-DD" (a real calendar day). Returns LOR_OK
 * or LOR_EARG. */
int lor_date_parse(const char *s, int *year, int *month, int *day);

/* ------------------------------------------------------------------ checks */

typedef struct lor_report lor_report;

#define LOR_CHECK_OPTIONS_VERSION 2 /* 1: the same without skip_facts */
typedef struct lor_check_options {
	unsigned version;     /* LOR_CHECK_OPTIONS_VERSION */
	const char *profile;  /* scoring profile name; NULL: "residency" */
	int as_of_year, as_of_month, as_of_day; /* reference date for dates rules */
	int skip_facts;       /* 1: do not run the fact rules; the report has no facts
	                         (lor_report_fact_count 0). Facts serve the letter-set
	                         judgement (lor_portfolio_judge) and nothing else; the
	                         fact rules are about a sixth of a check. */
} lor_check_options;
#define LOR_CHECK_OPTIONS_INIT { LOR_CHECK_OPTIONS_VERSION, NULL, 1970, 1, 1, 0 }

/* Check doc against every rule in rs and score it. On success *out owns the
 * findings (sorted by position, then rule id), the signals and the score, and
 * borrows doc. Fails with LOR_ENOTFOUND for an unknown profile, LOR_ELIMIT when
 * a rule's regex runs away (err names the rule and the position in the letter),
 * LOR_ENOMEM. */
int lor_check(lor_report **out, const lor_ruleset *rs, const lor_document *doc,
              const lor_check_options *opts, lor_error *err);
void lor_report_free(lor_report *report);

typedef struct lor_finding {
	const char *rule;       /* rule id */
	const char *category;
	lor_level level;
	lor_span span;          /* where, in the original text */
	const char *message;    /* the rule's message, expanded */
	const char *message_redacted; /* the same, with letter text replaced by "[redacted]" */
	const char *fix;        /* what to do instead, or NULL */
} lor_finding;

typedef enum lor_verdict {
	LOR_VERDICT_STRONG = 0,
	LOR_VERDICT_MODERATE,
	LOR_VERDICT_WEAK
} lor_verdict;
const char *lor_verdict_name(lor_verdict v);

/* One line of the score's explanation: points granted (> 0) or deducted (< 0)
 * in a category, and why. */
typedef struct lor_reason {
	const char *category;
	int points;
	const char *reason;
} lor_reason;

const lor_document *lor_report_document(const lor_report *r);
const char *lor_report_profile(const lor_report *r);
size_t lor_report_finding_count(const lor_report *r);
const lor_finding *lor_report_finding(const lor_report *r, size_t i); /* NULL if out of range */
/* The signal's value (0/1), and the rule whose result decided it (NULL when no
 * rule speaks to it: the signal is then false by default). */
int lor_report_signal(const lor_report *r, lor_signal sig, const char **decided_by);
/* 0..100 */
int lor_report_score(const lor_report *r);
lor_verdict lor_report_verdict(const lor_report *r);
/* Points and maximum of a category in this report's profile. */
void lor_report_category(const lor_report *r, lor_category cat, int *score, int *max);
size_t lor_report_reason_count(const lor_report *r);
const lor_reason *lor_report_reason(const lor_report *r, size_t i);
size_t lor_report_words(const lor_report *r);
/* The letter's own date into y/m/d; returns 1 if there is one, 0 if not.
 * day is 0 when the letter gives only the month ("October 2026"). */
int lor_report_letter_date(const lor_report *r, int *year, int *month, int *day);
/* The letter's own date as ISO 8601 in buf (at least 11 bytes): "2026-10-12",
 * or "2026-10" when the letter gives only the month. Returns buf, or NULL
 * when the letter has no date. */
const char *lor_report_letter_date_iso(const lor_report *r, char *buf, size_t len);

/* Why the letter's content was not judged (most of it is in another
 * language), or NULL when it was. Borrowed from the report. */
const char *lor_report_not_judged(const lor_report *r);

/* One paragraph or sentence judged not to be in the expected language. */
typedef struct lor_language_span {
	size_t paragraph;     /* 1-based paragraph number */
	size_t line;          /* 1-based line of its start */
	const char *lang;     /* ISO 639-1 code */
	double confidence;    /* 0..1 */
} lor_language_span;
size_t lor_report_language_count(const lor_report *r);
const lor_language_span *lor_report_language(const lor_report *r, size_t i);

/* A fact about the letter, decided by the fact rules (`extends: fact`):
 * the writer's role, the kind of letter, direct observation or title only,
 * a U.S. setting. The value with the most votes wins; a fact no rule voted
 * for takes its default value (rule: the default rule) or is absent. */
typedef struct lor_fact {
	const char *name;     /* "role", "kind", "observation", "setting", ... */
	const char *value;    /* "program_director", "clinical", ... */
	double votes;         /* the winning value's votes (0 for a default) */
	const char *rule;     /* the rule with the heaviest vote for it, or the default rule */
} lor_fact;
/* The letter's facts, sorted by name. Borrowed from the report. */
size_t lor_report_fact_count(const lor_report *r);
const lor_fact *lor_report_fact(const lor_report *r, size_t i); /* NULL if out of range */
/* The value of the fact `name`, or NULL when the letter has none. */
const char *lor_report_fact_value(const lor_report *r, const char *name);

/* --------------------------------------------------------------- portfolios */

/* An applicant's letters judged as a set (issue 13): each letter is checked
 * as usual, then the set is judged under a letter-set profile
 * (rules/sets/<profile>.yml) that names the checks, their points, messages,
 * fixes, next steps and sources. */
typedef struct lor_portfolio lor_portfolio;

/* Two letters' sentences that are near-duplicates. Texts are excerpts of the
 * letters (letter text: leave them out when redacting). */
typedef struct lor_set_shared {
	size_t a_line, b_line;       /* 1-based lines of the sentences */
	const char *a_text, *b_text;
	double similarity;           /* Jaccard of their word shingles, 0..1 */
} lor_set_shared;

/* A pair of letters (indices into the portfolio) and what they share. */
typedef struct lor_set_pair {
	size_t a, b;
	double similarity;           /* Jaccard of the two letters' shingles */
	const lor_set_shared *shared;
	size_t nshared;
} lor_set_pair;

/* One finding about the set: which check, what it costs, what to do. */
typedef struct lor_set_finding {
	const char *id;              /* the check's id in the profile, e.g. "clinical" */
	const char *check;           /* count, letters, every, templated or repeated */
	int points;                  /* what it cost the set score (0 or less) */
	const char *message;         /* expanded; names letters by path, never quotes them */
	const char *fix, *next, *source;
	const size_t *letters;       /* the letters concerned (indices), maybe none */
	size_t nletters;
	const lor_set_pair *pairs;   /* templated and repeated: the pairs */
	size_t npairs;
} lor_set_finding;

/* The most letters one portfolio compares (every pair of letters is
 * compared sentence by sentence; ERAS sends at most four). */
#define LOR_PORTFOLIO_MAX 256

/* Judge n checked letters as one set under the letter-set profile of that
 * name (NULL: "residency"). The portfolio borrows the reports (free it
 * first). Fails with LOR_EARG for no letters or more than
 * LOR_PORTFOLIO_MAX, LOR_ENOTFOUND for a profile
 * with no rules/sets/ file, LOR_ELIMIT if a boilerplate pattern runs away,
 * LOR_ENOMEM. */
int lor_portfolio_judge(lor_portfolio **out, const lor_ruleset *rs, const char *profile,
                        const lor_report *const *letters, size_t n, lor_error *err);
void lor_portfolio_free(lor_portfolio *pf);
const char *lor_portfolio_profile(const lor_portfolio *pf);
size_t lor_portfolio_letter_count(const lor_portfolio *pf);
const lor_report *lor_portfolio_letter(const lor_portfolio *pf, size_t i); /* NULL if out of range */
int lor_portfolio_score(const lor_portfolio *pf);            /* 0..100 */
lor_verdict lor_portfolio_verdict(const lor_portfolio *pf);
/* The score's explanation: the mean of the letters' scores, then each
 * finding's points (category: "letters" or the check's id). */
size_t lor_portfolio_reason_count(const lor_portfolio *pf);
const lor_reason *lor_portfolio_reason(const lor_portfolio *pf, size_t i);
/* Findings, most costly first. */
size_t lor_portfolio_finding_count(const lor_portfolio *pf);
const lor_set_finding *lor_portfolio_finding(const lor_portfolio *pf, size_t i);
/* The next steps: the `next` texts of the (at most three) most costly
 * findings, in that order. */
size_t lor_portfolio_step_count(const lor_portfolio *pf);
const char *lor_portfolio_step(const lor_portfolio *pf, size_t i);
/* Names of the letter-set profiles loaded, in load order. */
size_t lor_ruleset_set_count(const lor_ruleset *rs);
const char *lor_ruleset_set_name(const lor_ruleset *rs, size_t i);

/* ------------------------------------------------------------------ config */

/* A project configuration file (.lorlint.yml). Every field is optional;
 * unset strings are NULL, unset levels and scores -1. Rule directories are
 * resolved relative to the file's own directory. */
typedef struct lor_config {
	char *path;              /* the file it was read from */
	char **rules;            /* extra rule directories */
	size_t nrules;
	char *profile;
	char **disable;          /* rule ids to leave out */
	size_t ndisable;
	char **level_ids;        /* per-rule level overrides */
	lor_level *levels;
	size_t nlevels;
	char **ignore;           /* path globs (fnmatch, '*' also crosses '/') */
	size_t nignore;
	int fail_level;          /* a lor_level, or -1 */
	int min_level;           /* a lor_level, or -1 */
	int fail_under;          /* 0..100, or -1 */
} lor_config;

/* Read the configuration file at path. Unknown keys and wrong types are
 * LOR_ERULE errors positioned at the YAML node (".lorlint.yml:2:1: error:
 * unknown key 'fial_under'"); LOR_EIO if it cannot be read. */
int lor_config_load(lor_config **out, const char *path, lor_error *err);
void lor_config_free(lor_config *cfg);
/* Look for ".lorlint.yml" in dir and its parents; on success copy its path,
 * relative to dir's own form (".lorlint.yml", "../.lorlint.yml" for dir "."),
 * into buf (of size len) and return 1, else 0. */
int lor_config_find(char *buf, size_t len, const char *dir);
/* 1 if path matches one of the config's ignore globs (whole path or base name). */
int lor_config_ignored(const lor_config *cfg, const char *path);

/* --------------------------------------------------------------- reporters */

typedef struct lor_reporter lor_reporter;

#define LOR_OUTPUT_OPTIONS_VERSION 1
typedef struct lor_output_options {
	unsigned version;     /* LOR_OUTPUT_OPTIONS_VERSION */
	int color;            /* 1: ANSI colours (text format only) */
	int redact;           /* 1: no letter text (excerpts) in any output */
	lor_level min_level;  /* findings below this level are not shown */
	const char *as_of;    /* "YYYY-MM-DD", echoed in the json report */
	const char *profile;  /* echoed in the json report */
	const lor_ruleset *rules; /* optional, borrowed: rule metadata (help texts) for
	                             formats that describe the rules, e.g. sarif */
} lor_output_options;
#define LOR_OUTPUT_OPTIONS_INIT { LOR_OUTPUT_OPTIONS_VERSION, 0, 0, LOR_LEVEL_SUGGESTION, "", "residency", NULL }

/* A reporter writes one run's output to fp in a format ("text", "json").
 * Call lor_reporter_file() per checked document and lor_reporter_error() per
 * file that could not be checked, in input order, then lor_reporter_finish()
 * once. Fails with LOR_ENOTFOUND for an unknown format, LOR_EIO when fp cannot
 * be written, LOR_ENOMEM. fp is borrowed. */
int lor_reporter_new(lor_reporter **out, const char *format, FILE *fp,
                     const lor_output_options *opts, lor_error *err);
int lor_reporter_file(lor_reporter *rep, const lor_report *report);
/* With --portfolio: the letter set, given before its letters. The reporter
 * renders it during the call (pf may be freed right after); each format puts
 * it where it belongs (text: after the letters; html: above them; json and
 * sarif: a "portfolio" object). Per-letter facts are shown from then on.
 * A format with no set view ignores it. LOR_OK, LOR_EIO or LOR_ENOMEM. */
int lor_reporter_portfolio(lor_reporter *rep, const lor_portfolio *pf);
int lor_reporter_error(lor_reporter *rep, const lor_error *e);
int lor_reporter_finish(lor_reporter *rep);
void lor_reporter_free(lor_reporter *rep);
/* Names of the formats, for help texts: "text", "json", ... NULL-terminated. */
const char *const *lor_reporter_formats(void);

#ifdef __cplusplus
}
#endif
#endif /* LORLINT_H */
