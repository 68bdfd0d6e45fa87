/* inputs.c - the inputs of a run: files, standard input and directories walked in sorted order.
 *
 * A directory contributes its letters (*.txt, *.md, and the documents
 * *.docx, *.odt, *.pdf, *.html, *.htm), sorted, so output order
 * never depends on the file system; symlink loops end (device and inode of
 * every directory walked are kept), and .lorlint.yml ignore globs apply.
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

int add_path(inputs *in, const char *p)
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

void free_inputs(inputs *in)
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
	static const char *const exts[] = { ".txt", ".md", ".docx", ".odt", ".pdf", ".html", ".htm", NULL };
	size_t n = strlen(name), i;

	if (!strncmp(name, "~$", 2))
		return 0; /* Word's lock file beside an open document, not a letter */
	for (i = 0; exts[i]; i++)
		if (n > strlen(exts[i]) && !strcmp(name + n - strlen(exts[i]), exts[i]))
			return 1;
	return 0;
}


/* Walk dir for letters in sorted order. Returns 0, or -1 after
 * printing an error (the walk goes on past unreadable entries). */
int walk(inputs *in, const char *dir, visited *seen, int *errors, const lor_config *pc)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	char why[128];

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
		fprintf(stderr, "%s: error: cannot open directory: %s\n", dir, errno_text(errno, why, sizeof(why)));
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
				fprintf(stderr, "%s: error: cannot read: %s\n", p, errno_text(errno, why, sizeof(why)));
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

