/* main.c - the lorlint command: parse options, gather inputs, run the library, exit.
 *
 * A thin client of include/lorlint.h and nothing else of the library (the
 * other parts of the command are listed in cli.h). Diagnostics go to stderr
 * in the house form ("path:line:col: error: message").
 *
 * Exit codes: 0 clean; 1 a finding at or above --fail-level, or a score below
 * --fail-under; 2 usage, input or rule-file error (every other file is still
 * checked and reported).
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
		return CLI_EXIT_ERROR;
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

/* Everything after the rule set is loaded: dates, inputs, the run, the
 * output. Returns the exit code. */
static int check_inputs(config *cfg0, const lor_ruleset *rs, const lor_config *pc, int argc, char **argv)
{
	config cfg = *cfg0;
	lor_check_options copts = LOR_CHECK_OPTIONS_INIT;
	lor_output_options oopts = LOR_OUTPUT_OPTIONS_INIT;
	lor_read_options ropts = LOR_READ_OPTIONS_INIT, sropts = LOR_READ_OPTIONS_INIT;
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
			return CLI_EXIT_ERROR;
		}
	} else if (today(date, sizeof(date)) ||
	           lor_date_parse(date, &copts.as_of_year, &copts.as_of_month, &copts.as_of_day)) {
		return CLI_EXIT_ERROR;
	}
	if (cfg.profile) {
		for (k = 0; k < lor_ruleset_profile_count(rs); k++)
			if (!strcmp(lor_ruleset_profile_name(rs, k), cfg.profile))
				break;
		if (k == lor_ruleset_profile_count(rs)) {
			usage_error("unknown profile '%s'", cfg.profile);
			return CLI_EXIT_ERROR;
		}
	}
	if (cfg.portfolio) {
		const char *sp = cfg.profile ? cfg.profile : "residency";

		for (k = 0; k < lor_ruleset_set_count(rs) && strcmp(lor_ruleset_set_name(rs, k), sp); k++)
			;
		if (k == lor_ruleset_set_count(rs)) {
			usage_error("no letter-set profile '%s' for --portfolio (profiles of letter sets: "
			            "rules/sets/*.yml)", sp);
			return CLI_EXIT_ERROR;
		}
	}
	copts.profile = cfg.profile;
	copts.skip_facts = !cfg.portfolio; /* facts serve the letter-set judgement only */
	if (cfg.annotate) {
		/* --annotate FILE is -f docx|odt -o FILE, the format from the name */
		size_t n = strlen(cfg.annotate);
		int odt = n > 4 && !strcmp(cfg.annotate + n - 4, ".odt");

		if (!odt && !(n > 5 && !strcmp(cfg.annotate + n - 5, ".docx"))) {
			usage_error("--annotate '%s' must name a .docx or .odt file", cfg.annotate);
			return CLI_EXIT_ERROR;
		}
		if (cfg.output && strcmp(cfg.output, cfg.annotate)) {
			usage_error("%s", "--annotate names the output file: give it or -o, not both");
			return CLI_EXIT_ERROR;
		}
		cfg.format = odt ? "odt" : "docx";
		cfg.output = cfg.annotate;
	}
	if ((!strcmp(cfg.format, "docx") || !strcmp(cfg.format, "odt")) &&
	    (!cfg.output || !strcmp(cfg.output, "-")) && isatty(STDOUT_FILENO)) {
		usage_error("a .%s copy is not for a terminal: give -o FILE or --annotate FILE", cfg.format);
		return CLI_EXIT_ERROR;
	}
	ropts.original = sropts.original = cfg.original;
	sropts.format = cfg.stdin_format;
	if (optind >= argc) {
		usage_error("%s", "no input files (give FILE, DIR or - for standard input)");
		return CLI_EXIT_ERROR;
	}
	seen.n = 0;
	for (i = optind; i < argc; i++) {
		struct stat st;

		if (strcmp(argv[i], "-") && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk(&in, argv[i], &seen, &errors, pc);
		else
			add_path(&in, argv[i]);
	}
	if ((!strcmp(cfg.format, "docx") || !strcmp(cfg.format, "odt")) && in.n != 1) {
		usage_error("a reviewed .%s copy is of one letter, and %zu were given", cfg.format, in.n);
		free_inputs(&in);
		return CLI_EXIT_ERROR;
	}
	if (cfg.stdin_format) {
		static const char *const names[] = { "auto", "text", "docx", "odt", "pdf", "html", NULL };

		for (k = 0; names[k] && strcmp(names[k], cfg.stdin_format); k++)
			;
		if (!names[k]) {
			usage_error("invalid format '%s' for --stdin-format (expected auto, text, docx, odt, pdf or html)",
			            cfg.stdin_format);
			free_inputs(&in);
			return CLI_EXIT_ERROR;
		}
	}
	if ((i = output_is_input(cfg.output, &in)) >= 0) {
		fprintf(stderr, "lorlint: error: output '%s' is the input '%s'; refusing to overwrite it\n",
		        cfg.output, in.paths[i]);
		free_inputs(&in);
		return CLI_EXIT_ERROR;
	}
	oopts.redact = cfg.redact;
	oopts.min_level = (lor_level)cfg.min_level;
	oopts.as_of = date;
	oopts.profile = cfg.profile ? cfg.profile : "residency";
	oopts.rules = rs;
	oopts.color = !cfg.output && isatty(STDOUT_FILENO) && !(nc && *nc);
	if (!(out = open_output(cfg.output, &tmp))) {
		free_inputs(&in);
		return CLI_EXIT_ERROR;
	}
	memset(&run, 0, sizeof(run));
	run.rs = rs;
	run.out = out;
	run.copts = &copts;
	run.ropts = &ropts;
	run.stdin_ropts = &sropts;
	run.fail_level = (lor_level)cfg.fail_level;
	run.fail_under = cfg.fail_under;
	run.progress = isatty(STDERR_FILENO) && in.n > 200;
	if (lor_reporter_new(&rep, cfg.format, out, &oopts, &err)) {
		/* the library's own message: an unknown format names the formats it has */
		if (err.code == LOR_ENOTFOUND)
			usage_error("%s", err.message);
		else
			print_error(&err);
		close_output(out, cfg.output, tmp, 0, 0);
		free_inputs(&in);
		return CLI_EXIT_ERROR;
	}
	run.rep = rep;
	if (cfg.portfolio) {
		run_portfolio(&run, &in, cfg.jobs, cfg.profile, &errors, &failed);
	} else {
		if (run_jobs(&run, &in, cfg.jobs))
			errors++;
		errors += run.errors;
		failed = run.failed;
	}
	errno = 0; /* a format written at the end (summary) fails here: keep why */
	if (lor_reporter_finish(rep))
		errors++;
	if (!run.out_errno && ferror(out))
		run.out_errno = errno;
	lor_reporter_free(rep);
	if (close_output(out, cfg.output, tmp, 1, run.out_errno))
		errors++;
	free_inputs(&in);
	return errors ? CLI_EXIT_ERROR : failed ? CLI_EXIT_FAILED : CLI_EXIT_OK;
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
		return CLI_EXIT_ERROR;
	}
	ropts.builtin = cfg.builtin;
	ropts.dirs = cfg.rules;
	ropts.ndirs = cfg.nrules;
	/* listing and explaining need the rules' descriptions, not their
	 * patterns: check_inputs() returns before any letter is read */
	ropts.catalogue = cfg.list_rules || cfg.list_classes || cfg.explain;
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
		return CLI_EXIT_ERROR;
	}
	free(cfg.rules);
	cfg.rules = NULL;
	rc = check_inputs(&cfg, rs, pc, argc, argv);
	lor_ruleset_free(rs);
	lor_config_free(pc);
	return rc;
}

