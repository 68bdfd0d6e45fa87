/* output.c - where a report goes: stdout, or a file written atomically.
 *
 * A report file is written to a temporary file in the same directory and
 * renamed into place only when complete, so a reader never sees half a
 * report; on failure the temporary file is removed and an existing file is
 * left as it was. The file gets the usual mode (0666 less the umask).
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

/* Open the report destination: stdout, or a temporary file beside FILE. */
FILE *open_output(const char *output, char **tmp)
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

int close_output(FILE *fp, const char *output, char *tmp, int ok)
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

int output_is_input(const char *output, const inputs *in)
{
	struct stat o, st;
	size_t i;

	if (!output || stat(output, &o) != 0)
		return -1; /* no file there yet: nothing to overwrite */
	for (i = 0; i < in->n; i++)
		if (strcmp(in->paths[i], "-") && stat(in->paths[i], &st) == 0 && st.st_dev == o.st_dev &&
		    st.st_ino == o.st_ino)
			return (int)i;
	return -1;
}
