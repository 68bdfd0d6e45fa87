/* options.c - the option table, which drives parsing, --help and --man, and the .lorlint.yml merge.
 *
 * One table: adding an option is one row, and its help and man-page lines
 * follow. A usage error is one line plus a hint on stderr, exit 2.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

enum {
	OPT_FORMAT = 'f', OPT_OUTPUT = 'o', OPT_RULES = 'r', OPT_HELP = 'h', OPT_VERSION = 'V',
	OPT_PROFILE = 256, OPT_AS_OF, OPT_MIN_LEVEL, OPT_FAIL_LEVEL, OPT_FAIL_UNDER, OPT_REDACT,
	OPT_NO_DEFAULT_RULES, OPT_LIST_RULES, OPT_EXPLAIN, OPT_CONFIG, OPT_NO_CONFIG, OPT_MAN,
	OPT_LIST_CLASSES, OPT_STDIN_FORMAT, OPT_DOCX_VIEW, OPT_ANNOTATE, OPT_PORTFOLIO,
	OPT_JOBS = 'j'
};

typedef struct opt_def {
	int id;
	const char *name;
	const char *arg;   /* NULL: a flag */
	const char *help;
} opt_def;

static const opt_def options[] = {
	/* "%F" is the library's list of formats, so the list is written once */
	{ OPT_FORMAT, "format", "FORMAT", "output format: %F (default text)" },
	{ OPT_OUTPUT, "output", "FILE", "write the report to FILE (atomically) instead of stdout" },
	{ OPT_ANNOTATE, "annotate", "FILE", "write a copy of the letter (.docx or .odt) with each finding as a margin comment" },
	{ OPT_STDIN_FORMAT, "stdin-format", "FORMAT", "what standard input is: auto (default), text, docx, odt, pdf or html" },
	{ OPT_DOCX_VIEW, "docx-view", "VIEW", "tracked changes: accepted (default) or original (as before them)" },
	{ OPT_RULES, "rules", "DIR", "add or override rule styles from DIR (repeatable)" },
	{ OPT_NO_DEFAULT_RULES, "no-default-rules", NULL, "do not load the built-in rules" },
	{ OPT_PROFILE, "profile", "NAME", "scoring profile: residency (default), fellowship, feedback" },
	{ OPT_PORTFOLIO, "portfolio", NULL, "judge the inputs as one applicant's letter set (rules/sets/PROFILE.yml)" },
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

void usage_error(const char *fmt, ...)
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
	"Check letters of recommendation and report their strength. Letters may be\n"
	".txt, .md, .docx, .odt, .pdf (read with poppler's pdftotext) or .html; a DIR\n"
	"is walked for those files; - reads standard input.";
static const char *const exit_text =
	"0 clean; 1 a finding at or above --fail-level or a score below\n"
	"--fail-under; 2 usage, input, rule-file or write error; 128+N killed by\n"
	"signal N (the temporary file of -o is removed).";
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

/* An option's help text, with %F replaced by the library's formats. */
static const char *help_text(const opt_def *o, char *buf, size_t len)
{
	const char *f = strstr(o->help, "%F"), *const *names = lor_reporter_formats();
	size_t n, i;

	if (!f)
		return o->help;
	n = (size_t)snprintf(buf, len, "%.*s", (int)(f - o->help), o->help);
	for (i = 0; names[i] && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? (names[i + 1] ? ", " : " or ") : "", names[i]);
	if (n < len)
		snprintf(buf + n, len - n, "%s", f + 2);
	return buf;
}

void print_man(void)
{
	const opt_def *o;
	char buf[256];

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
		roff(help_text(o, buf, sizeof(buf)));
		putchar('\n');
	}
	fputs(".SH EXIT STATUS\n", stdout);
	roff(exit_text);
	fputs("\n.SH ENVIRONMENT\n", stdout);
	roff(env_text);
	puts("\n.SH FILES\n.I .lorlint.yml\nproject settings, found from the working directory upward.");
}

void print_help(void)
{
	const opt_def *o;

	printf("usage: lorlint %s\n\n%s\n\noptions:\n", synopsis, about);
	for (o = options; o->name; o++) {
		char left[64], buf[256];

		if (o->id < 256)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->id, o->name, o->arg ? " " : "",
			         o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name, o->arg ? " " : "",
			         o->arg ? o->arg : "");
		printf("  %-30s %s\n", left, help_text(o, buf, sizeof(buf)));
	}
	printf("\nexit status: %s\n\nenvironment: %s\n", exit_text, env_text);
}

void print_error(const lor_error *e)
{
	char buf[2200];

	fprintf(stderr, "%s\n", lor_error_format(e, buf, sizeof(buf)));
}

int parse_args(config *cfg, int argc, char **argv)
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
				return CLI_EXIT_ERROR;
			cfg->rules = v;
			cfg->rules[cfg->nrules++] = optarg;
			break;
		}
		case OPT_NO_DEFAULT_RULES: cfg->builtin = 0; break;
		case OPT_ANNOTATE: cfg->annotate = optarg; break;
		case OPT_STDIN_FORMAT: cfg->stdin_format = optarg; break;
		case OPT_DOCX_VIEW:
			if (strcmp(optarg, "accepted") && strcmp(optarg, "original")) {
				usage_error("invalid view '%s' for --docx-view (expected accepted or original)", optarg);
				return CLI_EXIT_ERROR;
			}
			cfg->original = !strcmp(optarg, "original");
			break;
		case OPT_PROFILE: cfg->profile = optarg; break;
		case OPT_PORTFOLIO: cfg->portfolio = 1; break;
		case OPT_AS_OF: cfg->as_of = optarg; break;
		case OPT_MIN_LEVEL:
		case OPT_FAIL_LEVEL: {
			lor_level l;

			if (lor_level_parse(&l, optarg)) {
				usage_error("invalid level '%s' (expected suggestion, warning or error)", optarg);
				return CLI_EXIT_ERROR;
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
				return CLI_EXIT_ERROR;
			}
			break;
		case OPT_JOBS:
			errno = 0;
			cfg->jobs = strtol(optarg, &end, 10);
			if (errno || *end || !*optarg || cfg->jobs < 1 || cfg->jobs > 256) {
				usage_error("invalid number '%s' for --jobs (expected 1 to 256)", optarg);
				return CLI_EXIT_ERROR;
			}
			break;
		case OPT_REDACT: cfg->redact = 1; break;
		case OPT_LIST_RULES: cfg->list_rules = 1; break;
		case OPT_LIST_CLASSES: cfg->list_classes = 1; break;
		case OPT_EXPLAIN: cfg->explain = optarg; break;
		case OPT_VERSION: printf("lorlint %s\n", LOR_VERSION); return CLI_EXIT_OK;
		case OPT_HELP: print_help(); return CLI_EXIT_OK;
		case OPT_MAN: print_man(); return CLI_EXIT_OK;
		case ':':
			usage_error("option '%s' needs a value", argv[optind - 1]);
			return CLI_EXIT_ERROR;
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
			return CLI_EXIT_ERROR;
		}
	}
	return -1;
}

/* Read .lorlint.yml (found upward from the working directory, or --config)
 * and fill what the command line left unset. Returns -1 after printing an
 * error. Rule directories from the file come before --rules ones, so the
 * command line overrides. */
int load_config(config *cfg, lor_config **out)
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

