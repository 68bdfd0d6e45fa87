/* main.c - the lorlint command: parse options, gather inputs, run the library, exit.
 *
 * A thin client of include/lorlint.h and nothing else of the library. One
 * option table drives both parsing and --help. Diagnostics go to stderr in
 * the house form ("path:line:col: error: message"); a usage error is one line
 * plus a hint. Output files are written atomically (a temporary file in the
 * same directory, then rename), so a reader never sees half a report.
 *
 * Exit codes: 0 clean; 1 a finding at or above --fail-level, or a score below
 * --fail-under; 2 usage, input or rule-file error (every other file is still
 * checked and reported).
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lorlint.h"

enum {
	OPT_FORMAT = 'f', OPT_OUTPUT = 'o', OPT_RULES = 'r', OPT_HELP = 'h', OPT_VERSION = 'V',
	OPT_PROFILE = 256, OPT_AS_OF, OPT_MIN_LEVEL, OPT_FAIL_LEVEL, OPT_FAIL_UNDER, OPT_REDACT,
	OPT_NO_DEFAULT_RULES, OPT_LIST_RULES, OPT_EXPLAIN, OPT_CONFIG, OPT_NO_CONFIG, OPT_MAN,
	OPT_LIST_CLASSES,
	OPT_JOBS = 'j'
};

typedef struct opt_def {
	int id;
	const char *name;
	const char *arg;   /* NULL: a flag */
	const char *help;
} opt_def;

static const opt_def options[] = {
	{ OPT_FORMAT, "format", "FORMAT", "output format: text (default), json, sarif, summary or html" },
	{ OPT_OUTPUT, "output", "FILE", "write the report to FILE (atomically) instead of stdout" },
	{ OPT_RULES, "rules", "DIR", "add or override rule styles from DIR (repeatable)" },
	{ OPT_NO_DEFAULT_RULES, "no-default-rules", NULL, "do not load the built-in rules" },
	{ OPT_PROFILE, "profile", "NAME", "scoring profile: residency (default), fellowship, feedback" },
	{ OPT_AS_OF, "as-of", "YYYY-MM-DD", "reference date (default: SOURCE_DATE_EPOCH, else today)" },
	{ OPT_MIN_LEVEL, "min-level", "LEVEL", "report only findings at or above LEVEL" },
	{ OPT_FAIL_LEVEL, "fail-level", "LEVEL", "exit 1 on a finding at or above LEVEL (default error)" },
	{ OPT_FAIL_UNDER, "fail-under", "SCORE", "exit 1 if any letter scores below SCORE (0-100)" },
	{ OPT_CONFIG, "config", "FILE", "read settings from FILE (default: .lorlint.yml here or above)" },
	{ OPT_NO_CONFIG, "no-config", NULL, "do not look for a .lorlint.yml" },
	{ OPT_JOBS, "jobs", "N", "check with N worker threads (default: the number of cores)" },
	{ OPT_REDACT, "redact", NULL, "keep all letter text out of the output" },
	{ OPT_LIST_RULES, "list-rules", NULL, "list the rules with their level and category, then exit" },
	{ OPT_LIST_CLASSES, "list-classes", NULL, "list the word classes that rule patterns use as {NAME}, then exit" },
	{ OPT_EXPLAIN, "explain", "NAME", "show a rule's (or word class's) description, fix, source and examples" },
	{ OPT_VERSION, "version", NULL, "print the version and exit" },
	{ OPT_MAN, "man", NULL, "print this manual as a man page (roff) and exit" },
	{ OPT_HELP, "help", NULL, "print this help and exit" },
	{ 0, NULL, NULL, NULL }
};

typedef struct config {
	const char *format, *output, *profile, *as_of, *explain, *config;
	const char **rules;
	size_t nrules;
	int builtin, redact, list_rules, list_classes, fail_under, no_config;
	long jobs;
	int min_level, fail_level; /* a lor_level, or -1 when not given */
} config;

typedef struct inputs {
	char **paths;
	size_t n, cap;
} inputs;

static void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("lorlint: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'lorlint --help' for more information.\n", stderr);
}

/* The texts --help and --man share. */
static const char *const synopsis = "[options] [FILE|DIR|-]...";
static const char *const about =
	"Check letters of recommendation and report their strength. A DIR is walked\n"
	"for *.txt and *.md files; - reads standard input.";
static const char *const exit_text =
	"0 clean; 1 a finding at or above --fail-level or a score below\n"
	"--fail-under; 2 usage, input or rule-file error.";
static const char *const env_text =
	"NO_COLOR disables colour; SOURCE_DATE_EPOCH sets the default --as-of.";

/* Write s for roff: a leading '.' or '\'' is escaped, '\\' and '-' too. */
static void roff(const char *s)
{
	int bol = 1;

	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", stdout);
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
		bol = *s == '\n';
	}
}

static void print_man(void)
{
	const opt_def *o;

	printf(".TH LORLINT 1 \"\" \"lorlint %s\" \"User Commands\"\n", LOR_VERSION);
	puts(".SH NAME\nlorlint \\- lint letters of recommendation and report their strength");
	fputs(".SH SYNOPSIS\n.B lorlint\n", stdout);
	roff(synopsis);
	fputs("\n.SH DESCRIPTION\n", stdout);
	roff(about);
	fputs("\n.SH OPTIONS\n", stdout);
	for (o = options; o->name; o++) {
		fputs(".TP\n.B ", stdout);
		if (o->id < 256)
			printf("\\-%c, ", o->id);
		fputs("\\-\\-", stdout);
		roff(o->name);
		if (o->arg) {
			fputs(" \" \\fI", stdout);
			roff(o->arg);
			fputs("\\fR\"", stdout);
		}
		putchar('\n');
		roff(o->help);
		putchar('\n');
	}
	fputs(".SH EXIT STATUS\n", stdout);
	roff(exit_text);
	fputs("\n.SH ENVIRONMENT\n", stdout);
	roff(env_text);
	puts("\n.SH FILES\n.I .lorlint.yml\nproject settings, found from the working directory upward.");
}

static void print_help(void)
{
	const opt_def *o;

	printf("usage: lorlint %s\n\n%s\n\noptions:\n", synopsis, about);
	for (o = options; o->name; o++) {
		char left[64];

		if (o->id < 256)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->id, o->name, o->arg ? " " : "",
			         o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name, o->arg ? " " : "",
			         o->arg ? o->arg : "");
		printf("  %-30s %s\n", left, o->help);
	}
	printf("\nexit status: %s\n\nenvironment: %s\n", exit_text, env_text);
}

static int add_path(inputs *in, const char *p)
{
	char *copy;

	if (in->n == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 16;
		char **v = realloc(in->paths, cap * sizeof(char *));

		if (!v)
			return -1;
		in->paths = v;
		in->cap = cap;
	}
	if (!(copy = strdup(p)))
		return -1;
	in->paths[in->n++] = copy;
	return 0;
}

static void free_inputs(inputs *in)
{
	size_t k;

	for (k = 0; k < in->n; k++)
		free(in->paths[k]);
	free(in->paths);
	in->paths = NULL;
	in->n = in->cap = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int wanted(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && !strcmp(name + n - 4, ".txt")) || (n > 3 && !strcmp(name + n - 3, ".md"));
}

/* Directories already walked (device, inode), so symlink loops end. */
typedef struct visited {
	dev_t dev[256];
	ino_t ino[256];
	size_t n;
} visited;

/* Walk dir for *.txt and *.md in sorted order. Returns 0, or -1 after
 * printing an error (the walk goes on past unreadable entries). */
static int walk(inputs *in, const char *dir, visited *seen, int *errors, const lor_config *pc)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (stat(dir, &st) == 0) {
		for (i = 0; i < seen->n; i++)
			if (seen->dev[i] == st.st_dev && seen->ino[i] == st.st_ino)
				return 0;
		if (seen->n < 256) {
			seen->dev[seen->n] = st.st_dev;
			seen->ino[seen->n++] = st.st_ino;
		}
	}
	if (!(d = opendir(dir))) {
		fprintf(stderr, "%s: error: cannot open directory: %s\n", dir, strerror(errno));
		(*errors)++;
		return -1;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **v = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof(char *));

			if (!v)
				break;
			names = v;
		}
		if (!(names[n] = strdup(e->d_name)))
			break;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(char *), cmp_str);
	for (i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *p = malloc(len);

		if (p) {
			snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
			if (stat(p, &st) != 0) {
				fprintf(stderr, "%s: error: cannot read: %s\n", p, strerror(errno));
				(*errors)++;
			} else if (lor_config_ignored(pc, p)) {
				; /* ignored by the configuration */
			} else if (S_ISDIR(st.st_mode)) {
				walk(in, p, seen, errors, pc);
			} else if (wanted(names[i])) {
				add_path(in, p);
			}
			free(p);
		}
		free(names[i]);
	}
	free(names);
	return 0;
}

static int today(char *buf, size_t len)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;

	if (sde && *sde) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno || *end || v < 0) {
			usage_error("SOURCE_DATE_EPOCH '%s' is not a number of seconds", sde);
			return -1;
		}
		t = (time_t)v;
	}
	if (!gmtime_r(&t, &tm))
		return -1;
	strftime(buf, len, "%Y-%m-%d", &tm);
	return 0;
}

static void print_rule_list(const lor_ruleset *rs)
{
	size_t i;

	printf("%-40s %-10s %-12s %-13s %s\n", "RULE", "LEVEL", "CATEGORY", "KIND", "SIGNAL");
	for (i = 0; i < lor_ruleset_count(rs); i++) {
		lor_rule_info r;

		lor_ruleset_rule(rs, i, &r);
		printf("%-40s %-10s %-12s %-13s %s\n", r.id, lor_level_name(r.level), r.category, r.kind,
		       r.signal ? r.signal : "-");
	}
}

static void print_class_list(const lor_ruleset *rs)
{
	size_t i;

	printf("%-24s %-8s %s\n", "CLASS", "MEMBERS", "DESCRIPTION");
	for (i = 0; i < lor_ruleset_class_count(rs); i++) {
		lor_class_info c;
		const char *d;

		lor_ruleset_class(rs, i, &c);
		d = c.description ? c.description : "-";
		printf("%-24s %-8zu %.*s\n", c.name, c.nmembers, (int)strcspn(d, "\n"), d);
	}
}

static int explain_class(const lor_ruleset *rs, long i)
{
	lor_class_info c;
	size_t k;

	lor_ruleset_class(rs, (size_t)i, &c);
	printf("{%s} (word class, %zu members)\nfile: %s\n", c.name, c.nmembers, c.path);
	if (c.description)
		printf("\n%s\n", c.description);
	if (c.source)
		printf("source: %s\n", c.source);
	puts("\nmembers:");
	for (k = 0; k < c.nmembers; k++)
		printf("  - %s\n", c.members[k]);
	if (c.nmatch)
		puts("\nmatches:");
	for (k = 0; k < c.nmatch; k++)
		printf("  - %s\n", c.match[k]);
	if (c.nnomatch)
		puts("\ndoes not match:");
	for (k = 0; k < c.nnomatch; k++)
		printf("  - %s\n", c.nomatch[k]);
	return 0;
}

static int explain(const lor_ruleset *rs, const char *id)
{
	long i = lor_ruleset_find(rs, id);
	lor_rule_info r;
	size_t k;

	if (i < 0) {
		char name[128];
		size_t n = strlen(id);

		/* a class may be named as it is used: {DURATION} */
		if (n > 2 && n < sizeof(name) && id[0] == '{' && id[n - 1] == '}')
			snprintf(name, sizeof(name), "%.*s", (int)(n - 2), id + 1);
		else
			snprintf(name, sizeof(name), "%s", id);
		if ((i = lor_ruleset_find_class(rs, name)) >= 0)
			return explain_class(rs, i);
		fprintf(stderr, "lorlint: error: unknown rule or word class '%s'\nTry 'lorlint --list-rules' "
		        "or 'lorlint --list-classes'.\n", id);
		return 2;
	}
	lor_ruleset_rule(rs, (size_t)i, &r);
	printf("%s (%s, %s, category %s, scope %s%s%s)\n", r.id, r.kind, lor_level_name(r.level),
	       r.category, r.scope, r.signal ? ", signal " : "", r.signal ? r.signal : "");
	printf("file: %s\nmessage: %s\n", r.path, r.message);
	if (r.description)
		printf("\n%s\n", r.description);
	if (r.fix)
		printf("\nfix: %s\n", r.fix);
	if (r.source)
		printf("source: %s\n", r.source);
	if (r.link)
		printf("link: %s\n", r.link);
	if (r.nbad)
		puts("\nflagged:");
	for (k = 0; k < r.nbad; k++)
		printf("  - %s\n", r.bad[k]);
	if (r.ngood)
		puts("\nnot flagged:");
	for (k = 0; k < r.ngood; k++)
		printf("  - %s\n", r.good[k]);
	return 0;
}

static void print_error(const lor_error *e)
{
	char buf[2200];

	fprintf(stderr, "%s\n", lor_error_format(e, buf, sizeof(buf)));
}

static int parse_args(config *cfg, int argc, char **argv)
{
	struct option longopts[sizeof(options) / sizeof(options[0])];
	char shortopts[64];
	size_t i, s = 0;
	int c;
	char *end;

	for (i = 0; options[i].name; i++) {
		longopts[i].name = options[i].name;
		longopts[i].has_arg = options[i].arg ? required_argument : no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = options[i].id;
		if (options[i].id < 256) {
			shortopts[s++] = (char)options[i].id;
			if (options[i].arg)
				shortopts[s++] = ':';
		}
	}
	memset(&longopts[i], 0, sizeof(longopts[i]));
	shortopts[s] = '\0';
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT: cfg->format = optarg; break;
		case OPT_OUTPUT: cfg->output = optarg; break;
		case OPT_RULES: {
			const char **v = realloc(cfg->rules, (cfg->nrules + 1) * sizeof(char *));

			if (!v)
				return 2;
			cfg->rules = v;
			cfg->rules[cfg->nrules++] = optarg;
			break;
		}
		case OPT_NO_DEFAULT_RULES: cfg->builtin = 0; break;
		case OPT_PROFILE: cfg->profile = optarg; break;
		case OPT_AS_OF: cfg->as_of = optarg; break;
		case OPT_MIN_LEVEL:
		case OPT_FAIL_LEVEL: {
			lor_level l;

			if (lor_level_parse(&l, optarg)) {
				usage_error("invalid level '%s' (expected suggestion, warning or error)", optarg);
				return 2;
			}
			*(c == OPT_MIN_LEVEL ? &cfg->min_level : &cfg->fail_level) = (int)l;
			break;
		}
		case OPT_CONFIG: cfg->config = optarg; break;
		case OPT_NO_CONFIG: cfg->no_config = 1; break;
		case OPT_FAIL_UNDER:
			errno = 0;
			cfg->fail_under = (int)strtol(optarg, &end, 10);
			if (errno || *end || !*optarg || cfg->fail_under < 0 || cfg->fail_under > 100) {
				usage_error("invalid score '%s' for --fail-under (expected 0 to 100)", optarg);
				return 2;
			}
			break;
		case OPT_JOBS:
			errno = 0;
			cfg->jobs = strtol(optarg, &end, 10);
			if (errno || *end || !*optarg || cfg->jobs < 1 || cfg->jobs > 256) {
				usage_error("invalid number '%s' for --jobs (expected 1 to 256)", optarg);
				return 2;
			}
			break;
		case OPT_REDACT: cfg->redact = 1; break;
		case OPT_LIST_RULES: cfg->list_rules = 1; break;
		case OPT_LIST_CLASSES: cfg->list_classes = 1; break;
		case OPT_EXPLAIN: cfg->explain = optarg; break;
		case OPT_VERSION: printf("lorlint %s\n", LOR_VERSION); return 0;
		case OPT_HELP: print_help(); return 0;
		case OPT_MAN: print_man(); return 0;
		case ':':
			usage_error("option '%s' needs a value", argv[optind - 1]);
			return 2;
		default:
			if (optopt && optopt < 256) {
				char name[3] = { '-', (char)optopt, '\0' };

				if (optind > 0 && argv[optind - 1][1] == '-')
					usage_error("option '%s' needs a value", argv[optind - 1]);
				else
					usage_error("unknown option '%s'", name);
			} else {
				usage_error("unknown option '%s'", argv[optind - 1]);
			}
			return 2;
		}
	}
	return -1;
}

/* Read .lorlint.yml (found upward from the working directory, or --config)
 * and fill what the command line left unset. Returns -1 after printing an
 * error. Rule directories from the file come before --rules ones, so the
 * command line overrides. */
static int load_config(config *cfg, lor_config **out)
{
	char path[4096];
	lor_config *pc = NULL;
	lor_error err;
	size_t k;

	*out = NULL;
	if (cfg->config) {
		snprintf(path, sizeof(path), "%s", cfg->config);
	} else if (cfg->no_config || !lor_config_find(path, sizeof(path), ".")) {
		path[0] = '\0';
	}
	if (path[0]) {
		if (lor_config_load(&pc, path, &err)) {
			print_error(&err);
			return -1;
		}
		if (!cfg->profile)
			cfg->profile = pc->profile;
		if (cfg->fail_level < 0)
			cfg->fail_level = pc->fail_level;
		if (cfg->min_level < 0)
			cfg->min_level = pc->min_level;
		if (cfg->fail_under < 0)
			cfg->fail_under = pc->fail_under;
		if (pc->nrules) {
			const char **v = malloc((pc->nrules + cfg->nrules) * sizeof(char *));

			if (!v) {
				lor_config_free(pc);
				return -1;
			}
			for (k = 0; k < pc->nrules; k++)
				v[k] = pc->rules[k];
			for (k = 0; k < cfg->nrules; k++)
				v[pc->nrules + k] = cfg->rules[k];
			free(cfg->rules);
			cfg->rules = v;
			cfg->nrules += pc->nrules;
		}
	}
	if (cfg->fail_level < 0)
		cfg->fail_level = LOR_LEVEL_ERROR;
	if (cfg->min_level < 0)
		cfg->min_level = LOR_LEVEL_SUGGESTION;
	*out = pc;
	return 0;
}

/* ------------------------------------------------------------ the runner */

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
	lor_reporter *rep;
	lor_level fail_level;
	int fail_under, progress;
	const inputs *in;
	size_t first_stdin;      /* index of the first "-", or SIZE_MAX */
	job *slots;
	size_t next, emitted, window;
	pthread_mutex_t lock;
	pthread_cond_t ready, room;
	int errors, failed;
} runner;

static void check_one(runner *r, size_t k)
{
	job *j = &r->slots[k % r->window];

	j->doc = NULL;
	j->report = NULL;
	/* Standard input can be read once; a second "-" is an error in its place. */
	if (!strcmp(r->in->paths[k], "-") && k != r->first_stdin) {
		j->rc = -1;
		memset(&j->err, 0, sizeof(j->err));
		snprintf(j->err.path, sizeof(j->err.path), "-");
		snprintf(j->err.message, sizeof(j->err.message), "standard input given more than once");
		return;
	}
	j->rc = lor_document_read(&j->doc, r->in->paths[k], &j->err);
	if (!j->rc)
		j->rc = lor_check(&j->report, r->rs, j->doc, r->copts, &j->err);
}

/* Workers take inputs in order, never more than `window` ahead of the
 * output, so memory stays flat however many letters there are. */
static void *worker(void *arg)
{
	runner *r = arg;

	for (;;) {
		size_t k;

		pthread_mutex_lock(&r->lock);
		while (r->next < r->in->n && r->next >= r->emitted + r->window)
			pthread_cond_wait(&r->room, &r->lock);
		if (r->next >= r->in->n) {
			pthread_mutex_unlock(&r->lock);
			return NULL;
		}
		k = r->next++;
		pthread_mutex_unlock(&r->lock);
		check_one(r, k);
		pthread_mutex_lock(&r->lock);
		r->slots[k % r->window].done = 1;
		pthread_cond_broadcast(&r->ready);
		pthread_mutex_unlock(&r->lock);
	}
}

static void emit(runner *r, size_t k)
{
	job *j = &r->slots[k % r->window];
	size_t f;

	if (j->rc) {
		print_error(&j->err);
		lor_reporter_error(r->rep, &j->err);
		r->errors++;
	} else {
		for (f = 0; f < lor_report_finding_count(j->report); f++)
			if (lor_report_finding(j->report, f)->level >= r->fail_level)
				r->failed = 1;
		if (r->fail_under >= 0 && lor_report_score(j->report) < r->fail_under)
			r->failed = 1;
		if (lor_reporter_file(r->rep, j->report))
			r->errors++;
	}
	lor_report_free(j->report);
	lor_document_free(j->doc);
	j->report = NULL;
	j->doc = NULL;
	if (r->progress && (k + 1) % 50 == 0)
		fprintf(stderr, "\rlorlint: %zu/%zu letters checked", k + 1, r->in->n);
}

static long default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : n;
}

/* Check every input with `jobs` threads (0: one per core) and report them in
 * input order. Returns -1 if memory for the slots could not be had. */
static int run_jobs(runner *r, const inputs *in, long jobs)
{
	pthread_t tids[256];
	long nthreads = jobs > 0 ? jobs : default_jobs(), t, started = 0;
	size_t k;

	r->in = in;
	r->first_stdin = SIZE_MAX;
	for (k = 0; k < in->n && r->first_stdin == SIZE_MAX; k++)
		if (!strcmp(in->paths[k], "-"))
			r->first_stdin = k;
	if (!in->n)
		return 0;
	if ((size_t)nthreads > in->n)
		nthreads = (long)in->n;
	r->window = (size_t)nthreads * 4;
	if (!(r->slots = calloc(r->window, sizeof(job))))
		return -1;
	if (nthreads > 1) {
		pthread_mutex_init(&r->lock, NULL);
		pthread_cond_init(&r->ready, NULL);
		pthread_cond_init(&r->room, NULL);
		for (t = 0; t < nthreads; t++)
			if (!pthread_create(&tids[t], NULL, worker, r))
				started++;
	}
	for (k = 0; k < in->n; k++) {
		if (!started) { /* one thread, or none could be started: check in place */
			check_one(r, k);
			emit(r, k);
			continue;
		}
		pthread_mutex_lock(&r->lock);
		while (!r->slots[k % r->window].done)
			pthread_cond_wait(&r->ready, &r->lock);
		pthread_mutex_unlock(&r->lock);
		emit(r, k);
		pthread_mutex_lock(&r->lock);
		r->slots[k % r->window].done = 0;
		r->emitted = k + 1;
		pthread_cond_broadcast(&r->room);
		pthread_mutex_unlock(&r->lock);
	}
	if (nthreads > 1) {
		for (t = 0; t < started; t++)
			pthread_join(tids[t], NULL);
		pthread_cond_destroy(&r->ready);
		pthread_cond_destroy(&r->room);
		pthread_mutex_destroy(&r->lock);
	}
	if (r->progress)
		fputs("\n", stderr);
	free(r->slots);
	return 0;
}

/* Open the report destination: stdout, or a temporary file beside FILE. */
static FILE *open_output(const char *output, char **tmp)
{
	size_t len;
	int fd;
	FILE *fp;

	*tmp = NULL;
	if (!output || !strcmp(output, "-"))
		return stdout;
	len = strlen(output) + 16;
	if (!(*tmp = malloc(len)))
		return NULL;
	snprintf(*tmp, len, "%s.tmp.XXXXXX", output);
	if ((fd = mkstemp(*tmp)) >= 0) {
		/* mkstemp makes the file private (0600); a report is an ordinary
		 * file, so give it the mode a plain create would have. */
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (fd < 0 || !(fp = fdopen(fd, "w"))) {
		fprintf(stderr, "%s: error: cannot write: %s\n", output, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(*tmp);
		}
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	return fp;
}

static int close_output(FILE *fp, const char *output, char *tmp, int ok)
{
	int rc = 0;

	if (fp == stdout)
		return fflush(stdout) ? -1 : 0;
	if (fflush(fp) || fsync(fileno(fp)) || ferror(fp))
		ok = 0;
	if (fclose(fp))
		ok = 0;
	if (!ok || rename(tmp, output)) {
		fprintf(stderr, "%s: error: cannot write: %s\n", output, strerror(errno));
		unlink(tmp);
		rc = -1;
	}
	free(tmp);
	return rc;
}

/* Everything after the rule set is loaded: dates, inputs, the run, the
 * output. Returns the exit code. */
static int check_inputs(config *cfg0, const lor_ruleset *rs, const lor_config *pc, int argc, char **argv)
{
	config cfg = *cfg0;
	lor_check_options copts = LOR_CHECK_OPTIONS_INIT;
	lor_output_options oopts = LOR_OUTPUT_OPTIONS_INIT;
	lor_reporter *rep = NULL;
	lor_error err;
	inputs in = { NULL, 0, 0 };
	visited seen;
	char date[16], *tmp = NULL;
	FILE *out;
	int rc, errors = 0, failed = 0, i;
	runner run;
	size_t k;
	const char *nc = getenv("NO_COLOR");

	if (cfg.list_rules || cfg.list_classes || cfg.explain) {
		rc = 0;
		if (cfg.list_rules)
			print_rule_list(rs);
		if (cfg.list_classes)
			print_class_list(rs);
		if (cfg.explain)
			rc = explain(rs, cfg.explain);
		return rc;
	}
	if (cfg.as_of) {
		snprintf(date, sizeof(date), "%s", cfg.as_of);
		if (strlen(cfg.as_of) >= sizeof(date) ||
		    lor_date_parse(date, &copts.as_of_year, &copts.as_of_month, &copts.as_of_day)) {
			usage_error("invalid date '%s' for --as-of (expected YYYY-MM-DD)", cfg.as_of);
			return 2;
		}
	} else if (today(date, sizeof(date)) ||
	           lor_date_parse(date, &copts.as_of_year, &copts.as_of_month, &copts.as_of_day)) {
		return 2;
	}
	if (cfg.profile) {
		for (k = 0; k < lor_ruleset_profile_count(rs); k++)
			if (!strcmp(lor_ruleset_profile_name(rs, k), cfg.profile))
				break;
		if (k == lor_ruleset_profile_count(rs)) {
			usage_error("unknown profile '%s'", cfg.profile);
			return 2;
		}
	}
	copts.profile = cfg.profile;
	if (optind >= argc) {
		usage_error("%s", "no input files (give FILE, DIR or - for standard input)");
		return 2;
	}
	seen.n = 0;
	for (i = optind; i < argc; i++) {
		struct stat st;

		if (strcmp(argv[i], "-") && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk(&in, argv[i], &seen, &errors, pc);
		else
			add_path(&in, argv[i]);
	}
	oopts.redact = cfg.redact;
	oopts.min_level = (lor_level)cfg.min_level;
	oopts.as_of = date;
	oopts.profile = cfg.profile ? cfg.profile : "residency";
	oopts.rules = rs;
	oopts.color = !cfg.output && isatty(STDOUT_FILENO) && !(nc && *nc);
	if (!(out = open_output(cfg.output, &tmp))) {
		free_inputs(&in);
		return 2;
	}
	memset(&run, 0, sizeof(run));
	run.rs = rs;
	run.copts = &copts;
	run.fail_level = (lor_level)cfg.fail_level;
	run.fail_under = cfg.fail_under;
	run.progress = isatty(STDERR_FILENO) && in.n > 200;
	if (lor_reporter_new(&rep, cfg.format, out, &oopts, &err)) {
		/* the library's own message: an unknown format names the formats it has */
		if (err.code == LOR_ENOTFOUND)
			usage_error("%s", err.message);
		else
			print_error(&err);
		close_output(out, cfg.output, tmp, 0);
		free_inputs(&in);
		return 2;
	}
	run.rep = rep;
	if (run_jobs(&run, &in, cfg.jobs))
		errors++;
	errors += run.errors;
	failed = run.failed;
	if (lor_reporter_finish(rep))
		errors++;
	lor_reporter_free(rep);
	if (close_output(out, cfg.output, tmp, 1))
		errors++;
	free_inputs(&in);
	return errors ? 2 : failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	config cfg = { .format = "text", .builtin = 1, .fail_under = -1, .min_level = -1, .fail_level = -1 };
	lor_config *pc = NULL;
	lor_ruleset_options ropts = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;
	int rc;

	if ((rc = parse_args(&cfg, argc, argv)) >= 0) {
		free(cfg.rules);
		return rc;
	}
	if (load_config(&cfg, &pc)) {
		free(cfg.rules);
		return 2;
	}
	ropts.builtin = cfg.builtin;
	ropts.dirs = cfg.rules;
	ropts.ndirs = cfg.nrules;
	if (pc) {
		ropts.disable = (const char *const *)pc->disable;
		ropts.ndisable = pc->ndisable;
		ropts.level_ids = (const char *const *)pc->level_ids;
		ropts.levels = pc->levels;
		ropts.nlevels = pc->nlevels;
	}
	if (lor_ruleset_load(&rs, &ropts, &err)) {
		if (pc && !err.path[0])
			snprintf(err.path, sizeof(err.path), "%s", pc->path);
		print_error(&err);
		free(cfg.rules);
		lor_config_free(pc);
		return 2;
	}
	free(cfg.rules);
	cfg.rules = NULL;
	rc = check_inputs(&cfg, rs, pc, argc, argv);
	lor_ruleset_free(rs);
	lor_config_free(pc);
	return rc;
}
