/* cli.h - the lorlint command's own parts: options, inputs, the ordered runner, output files.
 *
 * The command is a client of include/lorlint.h and nothing else of the
 * library: src/cli/ is built with -Iinclude only, so the build enforces it.
 * Each file has one job (libgit2's src/cli/ is the model):
 *   options.c  the option table, --help and --man, parsing, .lorlint.yml merge
 *   inputs.c   files, directories (sorted walk, symlink loops), ignore globs
 *   runner.c   worker threads whose reports come out in input order
 *   portfolio.c  --portfolio: the letters judged as one set before they are reported
 *   output.c   the report file, written atomically, or stdout
 *   main.c     what to do with the parsed options; the exit code
 */
#ifndef LOR_CLI_H
#define LOR_CLI_H

#include <pthread.h>
#include <stdio.h>
#include <sys/types.h>

#include "lorlint.h"

/* Exit codes (documented in README.md and --man). */
enum {
	CLI_EXIT_OK = 0,      /* no finding at or above --fail-level, every score at or above --fail-under */
	CLI_EXIT_FAILED = 1,  /* a finding at or above --fail-level, or a score below --fail-under */
	CLI_EXIT_ERROR = 2    /* usage, input or rule-file error (other files are still checked) */
};

typedef struct config {
	const char *format, *output, *profile, *as_of, *explain, *config;
	const char *annotate, *stdin_format; /* --annotate FILE; what "-" is */
	int original;                        /* --docx-view original */
	const char **rules;
	size_t nrules;
	int builtin, redact, list_rules, list_classes, fail_under, no_config;
	int portfolio;             /* --portfolio: the inputs are one letter set */
	long jobs;
	int min_level, fail_level; /* a lor_level, or -1 when not given */
} config;

typedef struct inputs {
	char **paths;
	size_t n, cap;
} inputs;

/* Directories already walked (device, inode), so symlink loops end. */
typedef struct visited {
	dev_t dev[256];
	ino_t ino[256];
	size_t n;
} visited;

/* One input's result, made by a worker and consumed in input order. Jobs
 * live in a ring of `window` slots: input k uses slot k % window, which is
 * free because input k - window has been reported before a worker may take k.
 * Memory is therefore bounded by the window, not by the number of inputs. */
typedef struct job {
	lor_document *doc;
	lor_report *report;
	lor_error err;
	int rc, done;
} job;

typedef struct runner {
	const lor_ruleset *rs;
	const lor_check_options *copts;
	const lor_read_options *ropts, *stdin_ropts; /* files; standard input */
	lor_reporter *rep;
	FILE *out;               /* where rep writes: its first write error is kept */
	int out_errno;
	lor_level fail_level;
	int fail_under, progress;
	const inputs *in;
	size_t first_stdin;      /* index of the first "-", or SIZE_MAX */
	job *slots;
	size_t next, emitted, window;
	pthread_mutex_t lock;
	pthread_cond_t ready, room;
	int errors, failed;
	/* --portfolio: reports are kept (in input order) instead of reported,
	 * so the set can be judged before anything is written */
	int keep;
	job *kept;
} runner;

/* options.c */
void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void print_error(const lor_error *e);
void print_help(void);
void print_man(void);
/* Parse argv into cfg: >= 0 is the exit code of an option that ends the run
 * (--help, --version, a usage error), -1 means go on. */
int parse_args(config *cfg, int argc, char **argv);
/* Read .lorlint.yml and fill what the command line left unset; -1 after
 * printing an error. */
int load_config(config *cfg, lor_config **out);

/* inputs.c */
int add_path(inputs *in, const char *p);
void free_inputs(inputs *in);
/* Walk dir for letters (*.txt, *.md, *.docx, *.odt, *.pdf, *.html, *.htm)
 * in sorted order; -1 after printing an error. */
int walk(inputs *in, const char *dir, visited *seen, int *errors, const lor_config *pc);

/* runner.c */
long default_jobs(void);
/* Check every input with `jobs` threads and report in input order. */
int run_jobs(runner *r, const inputs *in, long jobs);
/* Report one checked input (or its error) and free the job's document and report. */
void report_job(runner *r, job *j);
/* portfolio.c: --portfolio. Check every input, judge the set, then report
 * the set and the letters; adds to *errors and *failed. */
void run_portfolio(runner *r, const inputs *in, long jobs, const char *profile, int *errors, int *failed);

/* output.c */
/* errno e as text in buf (strerror_r: strerror's buffer is shared). */
const char *errno_text(int e, char *buf, size_t len);
FILE *open_output(const char *output, char **tmp);
/* The index of the input that is the output file itself (the same device
 * and inode, whatever the path or link), or -1: a report must never replace
 * the letter it is about. */
int output_is_input(const char *output, const inputs *in);
/* Flush and close the report; a file is renamed into place when ok, else
 * removed. werr is the errno of an earlier failed write (0 if none). Returns
 * -1 after printing an error (or when !ok), 0 when the report is written. */
int close_output(FILE *fp, const char *output, char *tmp, int ok, int werr);

#endif /* LOR_CLI_H */
