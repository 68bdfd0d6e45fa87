/* test_cli.c - CLI transcript tests: run commands, compare stdout, stderr and exit code exactly.
 *
 * Each .t file in tests/cli holds cases in a jq-like plain format:
 *
 *   # a comment
 *   $ lorlint --format json --no-default-rules --rules tests/fixtures/rules/ok x.txt
 *   ? 2                       expected exit code (default 0)
 *   > a line of stdout        (all of stdout, exactly, in order)
 *   ! a line of stderr        (all of stderr, exactly, in order)
 *   >? only-this-line-somewhere-in-stdout      (a substring that must appear)
 *
 * Cases about inputs and configuration check their findings and totals with
 * ">?" lines; the strength report itself is checked exactly in run.t and in
 * tests/golden, so it is not pasted into every case.
 * A case ends at the next "$" line or the end of the file. The command runs
 * under /bin/sh from the repo root with the build directory (LORLINT_BUILD,
 * default "build") first on PATH, NO_COLOR set and stdin from /dev/null.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

typedef struct tcase {
	char *file, *cmd;
	int line, code;
	char *out, *err;       /* expected exact text, or NULL when not given */
	char **contains;
	size_t ncontains;
} tcase;

static void add_line(char **buf, const char *text)
{
	size_t old = *buf ? strlen(*buf) : 0, n = strlen(text);
	char *p = realloc(*buf, old + n + 2);

	assert_non_null(p);
	memcpy(p + old, text, n);
	p[old + n] = '\n';
	p[old + n + 1] = '\0';
	*buf = p;
}

static char *run(const char *cmd, const char *path, int *code, char **err_text)
{
	char outp[] = "/tmp/lorlint-cli-XXXXXX", errp[] = "/tmp/lorlint-cli-XXXXXX";
	int fo = mkstemp(outp), fe = mkstemp(errp), status;
	pid_t pid;
	char *out;

	assert_true(fo >= 0 && fe >= 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char newpath[8192], abs[4096];
		const char *build = getenv("LORLINT_BUILD");

		/* absolute, so that a case may cd elsewhere */
		if (!realpath(build ? build : "build", abs))
			snprintf(abs, sizeof(abs), "%s", build ? build : "build");
		snprintf(newpath, sizeof(newpath), "%s:%s", abs, path);
		setenv("PATH", newpath, 1);
		setenv("NO_COLOR", "1", 1);
		unsetenv("SOURCE_DATE_EPOCH");
		dup2(fo, 1);
		dup2(fe, 2);
		if (!freopen("/dev/null", "r", stdin))
			_exit(126);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	*code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	close(fo);
	close(fe);
	out = h_slurp(outp, NULL);
	*err_text = h_slurp(errp, NULL);
	unlink(outp);
	unlink(errp);
	return out;
}

static int check_case(const tcase *c, const char *path)
{
	int code, ok = 1;
	char *err, *out = run(c->cmd, path, &code, &err);
	size_t i;

	if (code != c->code) {
		print_error("%s:%d: exit code %d, expected %d\n", c->file, c->line, code, c->code);
		ok = 0;
	}
	if (strcmp(out, c->out ? c->out : "") && (c->out || !c->ncontains)) {
		print_error("%s:%d: stdout differs\n--- expected\n%s--- got\n%s---\n", c->file, c->line,
		            c->out ? c->out : "", out);
		ok = 0;
	}
	for (i = 0; i < c->ncontains; i++)
		if (!strstr(out, c->contains[i])) {
			print_error("%s:%d: stdout lacks '%s'\n--- got\n%s---\n", c->file, c->line,
			            c->contains[i], out);
			ok = 0;
		}
	if (strcmp(err, c->err ? c->err : "")) {
		print_error("%s:%d: stderr differs\n--- expected\n%s--- got\n%s---\n", c->file, c->line,
		            c->err ? c->err : "", err);
		ok = 0;
	}
	free(out);
	free(err);
	return ok;
}

static void free_case(tcase *c)
{
	size_t i;

	free(c->cmd);
	free(c->out);
	free(c->err);
	for (i = 0; i < c->ncontains; i++)
		free(c->contains[i]);
	free(c->contains);
	memset(c, 0, sizeof(*c));
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_transcripts(void **state)
{
	DIR *d = opendir("tests/cli");
	struct dirent *e;
	char *names[256] = { NULL };
	size_t n = 0, i, cases = 0, failed = 0;
	const char *path = getenv("PATH");

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d)) && n < 256) {
		size_t len = strlen(e->d_name);

		if (len > 2 && !strcmp(e->d_name + len - 2, ".t"))
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		char file[512], *text, *line, *save = NULL;
		tcase c;
		int lineno = 0;

		snprintf(file, sizeof(file), "tests/cli/%s", names[i]);
		text = h_slurp(file, NULL);
		memset(&c, 0, sizeof(c));
		c.file = file;
		for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			lineno++;
			/* strtok_r folds empty lines; transcripts use "> " and "! " for blank ones */
			if (line[0] == '$' && line[1] == ' ') {
				if (c.cmd) {
					cases++;
					failed += !check_case(&c, path ? path : "/usr/bin:/bin");
					free_case(&c);
					c.file = file;
				}
				c.cmd = strdup(line + 2);
				c.line = lineno;
			} else if (line[0] == '?' && line[1] == ' ') {
				c.code = (int)strtol(line + 2, NULL, 10);
			} else if (line[0] == '>' && line[1] == '?' && line[2] == ' ') {
				c.contains = realloc(c.contains, (c.ncontains + 1) * sizeof(char *));
				c.contains[c.ncontains++] = strdup(line + 3);
			} else if (line[0] == '>' && (line[1] == ' ' || !line[1])) {
				add_line(&c.out, line[1] ? line + 2 : "");
			} else if (line[0] == '!' && (line[1] == ' ' || !line[1])) {
				add_line(&c.err, line[1] ? line + 2 : "");
			}
		}
		if (c.cmd) {
			cases++;
			failed += !check_case(&c, path ? path : "/usr/bin:/bin");
		}
		free_case(&c);
		free(text);
		free(names[i]);
	}
	print_message("%zu transcript cases, %zu failed\n", cases, failed);
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transcripts),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
