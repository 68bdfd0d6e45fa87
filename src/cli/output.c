/* output.c - where a report goes: stdout, or a file written atomically.
 *
 * A report file is written to a temporary file in the same directory and
 * renamed into place only when complete, so a reader never sees half a
 * report; on failure the temporary file is removed and an existing file is
 * left as it was. The file gets the usual mode (0666 less the umask).
 *
 * A signal that ends the run (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE)
 * must not leave the temporary file behind either: while one exists, a
 * handler removes it with unlink(2), which is async-signal-safe, and then
 * dies of the same signal, so the caller sees the usual status (130 for
 * SIGINT in a shell). A signal the caller ignored (nohup, a background job)
 * stays ignored. SIGXFSZ is ignored, so that a file-size limit (ulimit -f)
 * is a write error like a full disk: a message and exit 2, not a core dump.
 *
 * A destination that exists and is not a regular file (/dev/null, a FIFO, a
 * terminal) is written in place: renaming over it would replace the device.
 * A symbolic link is followed, so the link stays and its target is replaced.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The one piece of file-scope mutable state in the command: a signal handler
 * can reach nothing else. The path is written before the flag is raised and
 * the flag is lowered only after the rename, so the handler never sees a
 * half-written path. */
static char pending_tmp[PATH_MAX + 32];
static volatile sig_atomic_t have_tmp;

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };

static void remove_tmp_and_die(int sig)
{
	if (have_tmp)
		unlink(pending_tmp);
	signal(sig, SIG_DFL);
	raise(sig); /* blocked until this handler returns, then the default action */
}

/* Install the handler on every fatal signal the caller has not ignored. */
static void catch_signals(void)
{
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGXFSZ, &sa, NULL);
	sa.sa_handler = remove_tmp_and_die;
	for (i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++)
		if (sigaction(fatal_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(fatal_signals[i], &sa, NULL);
}

const char *errno_text(int e, char *buf, size_t len)
{
	if (strerror_r(e, buf, len))
		snprintf(buf, len, "error %d", e);
	return buf;
}

/* Create the temporary file beside target, with signals blocked so that no
 * handler runs between its creation and the moment it is known. */
static int make_tmp(const char *target)
{
	sigset_t all, old;
	int fd;

	if (strlen(target) + sizeof(".tmp.XXXXXX") > sizeof(pending_tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	catch_signals();
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	snprintf(pending_tmp, sizeof(pending_tmp), "%s.tmp.XXXXXX", target);
	if ((fd = mkstemp(pending_tmp)) >= 0)
		have_tmp = 1;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return fd;
}

static void drop_tmp(void)
{
	if (have_tmp) {
		unlink(pending_tmp);
		have_tmp = 0;
	}
}

/* Open the report destination: stdout, the file itself when it is not a
 * regular file, or a temporary file beside it (*tmp is then the final path
 * to rename it to, owned by the caller through close_output). */
FILE *open_output(const char *output, char **tmp)
{
	struct stat st;
	int fd = -1, e;
	FILE *fp = NULL;
	char why[128];

	*tmp = NULL;
	if (!output || !strcmp(output, "-"))
		return stdout;
	if (stat(output, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			errno = EISDIR;
		else if ((fd = open(output, O_WRONLY | O_TRUNC | O_NOCTTY)) >= 0 && (fp = fdopen(fd, "w")))
			return fp;
	} else if (!(*tmp = realpath(output, NULL)) && errno == ENOENT) {
		*tmp = strdup(output); /* a new file; a dangling link is replaced */
	}
	if (*tmp && (fd = make_tmp(*tmp)) >= 0) {
		/* mkstemp makes the file private (0600); a report is an ordinary
		 * file, so give it the mode a plain create would have. */
		mode_t mask = umask(0);

		umask(mask);
		if (fchmod(fd, 0666 & ~mask) == 0 && (fp = fdopen(fd, "w")))
			return fp;
	}
	e = errno;
	if (fd >= 0)
		close(fd);
	drop_tmp();
	fprintf(stderr, "%s: error: cannot write: %s\n", output, errno_text(e, why, sizeof(why)));
	free(*tmp);
	*tmp = NULL;
	return NULL;
}

int close_output(FILE *fp, const char *output, char *tmp, int ok, int werr)
{
	int e = 0;
	char why[128];

	/* A write error is sticky (ferror), but its errno is gone by now unless
	 * the writer kept it (werr) or the final flush is the write that fails. */
	errno = 0;
	if (fflush(fp) || ferror(fp))
		e = werr ? werr : errno ? errno : EIO;
	if (fp == stdout) {
		if (e)
			fprintf(stderr, "lorlint: error: cannot write standard output: %s\n",
			        errno_text(e, why, sizeof(why)));
		return e ? -1 : 0;
	}
	if (!e && tmp && fsync(fileno(fp)))
		e = errno;
	if (fclose(fp) && !e)
		e = errno;
	if (!e && ok && tmp && rename(pending_tmp, tmp))
		e = errno;
	if (tmp && (e || !ok))
		drop_tmp();
	have_tmp = 0;
	free(tmp);
	if (e)
		fprintf(stderr, "%s: error: cannot write: %s\n", output, errno_text(e, why, sizeof(why)));
	return e || !ok ? -1 : 0;
}

int output_is_input(const char *output, const inputs *in)
{
	struct stat o, st;
	size_t i;

	if (!output || stat(output, &o) != 0 || !S_ISREG(o.st_mode))
		return -1; /* no file there yet, or a device: nothing to overwrite */
	for (i = 0; i < in->n; i++)
		if (strcmp(in->paths[i], "-") && stat(in->paths[i], &st) == 0 && st.st_dev == o.st_dev &&
		    st.st_ino == o.st_ino)
			return (int)i;
	return -1;
}
