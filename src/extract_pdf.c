/* extract_pdf.c - the text of a PDF letter, page by page, from poppler's pdftotext run as a separate program.
 *
 * Poppler is GPL; lorlint is MIT. So pdftotext is run, never linked: spawned
 * without a shell (posix_spawnp, arguments as a vector), the PDF's bytes
 * written to its standard input ("fd://0"), its text read from a pipe, under
 * a time limit and an output limit, after which it is killed. No temporary
 * copy of the letter is ever written. -layout keeps the blank lines between
 * paragraphs that the default reading mode drops; each paragraph's lines are
 * then joined with a space (a line ending in a hyphen before a lower-case
 * letter is joined without one), and the form feed that ends each page moves
 * the page count on.
 *
 * A PDF that gives no text at all is a scan (an image of a letter): that is
 * an error telling the user to run OCR, never an empty report. A PDF whose
 * end-of-file marker is missing has been cut short and is refused before
 * pdftotext runs, since poppler would silently read what is left.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "extract.h"

extern char **environ;

#define PDF_SECONDS 20                 /* a letter takes well under a second */
#define PDF_ERR_MAX 4096               /* what is kept of pdftotext's messages */

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)(t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void cloexec(int fd)
{
	fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* Run the extractor on data; *out gets its standard output. Returns LOR_OK,
 * or an error naming what went wrong. */
static int run(const char *path, const char *prog, const char *data, size_t len, lor_buf *out,
               lor_error *err)
{
	char *const argv[] = { (char *)prog, "-layout", "-enc", "UTF-8", "-eol", "unix", "fd://0", "-", NULL };
	posix_spawn_file_actions_t fa;
	int in[2] = { -1, -1 }, po[2] = { -1, -1 }, pe[2] = { -1, -1 }, status = 0, rc = LOR_OK, e;
	pid_t pid;
	struct timespec t0;
	size_t sent = 0;
	lor_buf msgs = LOR_BUF_INIT;
	int killed = 0;
	char why[128]; /* strerror_r's buffer: this runs in worker threads */

	/* a socket, not a pipe, for its input: send() with MSG_NOSIGNAL cannot
	 * raise SIGPIPE in the caller if the child stops reading */
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, in) || pipe(po) || pipe(pe)) {
		e = errno;
		rc = lor_error__set(err, LOR_EIO, path, 0, 0, "cannot run pdftotext: %s",
		                    lor__errno_text(e, why, sizeof(why)));
		goto done;
	}
	cloexec(in[0]);
	cloexec(in[1]);
	cloexec(po[0]);
	cloexec(po[1]);
	cloexec(pe[0]);
	cloexec(pe[1]);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[1], 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	e = posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(in[1]);
	close(po[1]);
	close(pe[1]);
	in[1] = po[1] = pe[1] = -1;
	if (e) {
		if (e == ENOENT)
			rc = lor_error__set(err, LOR_EINPUT, path, 0, 0,
			                    "cannot read PDF: '%s' not found; install poppler's pdftotext "
			                    "(Debian/Ubuntu: apt-get install poppler-utils; Fedora: dnf install "
			                    "poppler-utils; macOS: brew install poppler)", prog);
		else
			rc = lor_error__set(err, LOR_EIO, path, 0, 0, "cannot run '%s': %s", prog,
			                    lor__errno_text(e, why, sizeof(why)));
		goto done;
	}
	fcntl(in[0], F_SETFL, fcntl(in[0], F_GETFL) | O_NONBLOCK);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	msgs.max = PDF_ERR_MAX;
	out->max = LOR_MAX_INPUT;
	while (!killed && (po[0] >= 0 || pe[0] >= 0)) {
		struct pollfd p[3];
		nfds_t np = 0, k;
		long left = PDF_SECONDS * 1000L - ms_since(&t0);

		if (left <= 0) {
			killed = 1;
			rc = lor_error__set(err, LOR_EINPUT, path, 0, 0,
			                    "pdftotext took over %d seconds: refused as a hostile PDF", PDF_SECONDS);
			break;
		}
		if (po[0] >= 0)
			p[np].fd = po[0], p[np++].events = POLLIN;
		if (pe[0] >= 0)
			p[np].fd = pe[0], p[np++].events = POLLIN;
		if (in[0] >= 0)
			p[np].fd = in[0], p[np++].events = POLLOUT;
		if (poll(p, np, (int)(left > 1000 ? 1000 : left)) < 0) {
			if (errno == EINTR)
				continue;
			killed = 1;
			rc = lor_error__set(err, LOR_EIO, path, 0, 0, "cannot read pdftotext's output");
			break;
		}
		for (k = 0; k < np && !killed; k++) {
			char chunk[16384];
			ssize_t n;

			if (!p[k].revents)
				continue;
			if (p[k].fd == in[0]) {
				n = send(in[0], data + sent, len - sent > 65536 ? 65536 : len - sent, MSG_NOSIGNAL);
				if (n > 0)
					sent += (size_t)n;
				if ((n < 0 && errno != EAGAIN && errno != EINTR) || sent == len) {
					close(in[0]); /* done, or it stopped reading: it says why on stderr */
					in[0] = -1;
				}
				continue;
			}
			n = read(p[k].fd, chunk, sizeof(chunk));
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (n <= 0) { /* end of that stream */
				close(p[k].fd);
				*(p[k].fd == po[0] ? &po[0] : &pe[0]) = -1;
			} else if (p[k].fd == pe[0]) {
				/* messages past the cap are dropped: the first line is what we show */
				if (msgs.len + (size_t)n <= PDF_ERR_MAX && lor_buf__add(&msgs, chunk, (size_t)n))
					continue;
			} else if (lor_buf__add(out, chunk, (size_t)n)) {
				killed = 1;
				rc = lor_error__set(err, LOR_EINPUT, path, 0, 0,
				                    "PDF text over %u bytes: refused", LOR_MAX_INPUT);
			}
		}
	}
	if (killed)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!rc && (!WIFEXITED(status) || WEXITSTATUS(status))) {
		const char *m = msgs.data;
		size_t n;

		/* poppler's first message line, without its "Syntax Error: " noise */
		while (!strncmp(m, "Syntax Warning", 14) && strchr(m, '\n'))
			m = strchr(m, '\n') + 1;
		n = strcspn(m, "\n");
		if (strstr(msgs.data, "assword") || strstr(msgs.data, "ncrypt"))
			rc = lor_error__set(err, LOR_EINPUT, path, 0, 0,
			                    "encrypted or password-protected PDF: save it without a password");
		else
			rc = lor_error__set(err, LOR_EINPUT, path, 0, 0, "damaged PDF: %.*s", (int)(n > 200 ? 200 : n),
			                    n ? m : "pdftotext failed");
	}
done:
	lor_buf__release(&msgs);
	if (in[0] >= 0)
		close(in[0]);
	if (in[1] >= 0)
		close(in[1]);
	if (po[0] >= 0)
		close(po[0]);
	if (po[1] >= 0)
		close(po[1]);
	if (pe[0] >= 0)
		close(pe[0]);
	if (pe[1] >= 0)
		close(pe[1]);
	return rc;
}

/* Has the file its end-of-file marker near the end? */
static int complete(const char *data, size_t len)
{
	size_t from = len > 1024 ? len - 1024 : 0, i;

	for (i = from; i + 5 <= len; i++)
		if (!memcmp(data + i, "%%EOF", 5))
			return 1;
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The line at s[i..] without its page feeds and edge spaces: [*a, *b);
 * returns where the next line starts. */
static size_t line_at(const char *s, size_t len, size_t i, size_t *a, size_t *b)
{
	size_t e = i;

	while (e < len && s[e] != '\n')
		e++;
	*a = i;
	*b = e;
	while (*a < *b && (s[*a] == '\f' || is_space(s[*a])))
		(*a)++;
	while (*b > *a && (is_space(s[*b - 1]) || s[*b - 1] == '\f'))
		(*b)--;
	return e + 1;
}

/* pdftotext's layout text into paragraphs and pages. Inside a paragraph, a
 * line that runs (nearly) to the right margin was wrapped by the layout and
 * joins the next with a space; a shorter one ended where the writer ended
 * it (an address, a signature, a date line) and keeps its line break. */
static int lay_out(lor_xtext *xt, const char *s, size_t len)
{
	size_t i, a, b, page = 1, any = 0, widest = 0, prev = 0;
	int in_para = 0;

	for (i = 0; i < len; i = line_at(s, len, i, &a, &b))
		if (b - a > widest)
			widest = b - a;
	if (lor_xt__page(xt, page))
		return LOR_ENOMEM;
	for (i = 0; i < len;) {
		size_t k, next = line_at(s, len, i, &a, &b);

		for (k = i; k < a; k++)
			if (s[k] == '\f' && lor_xt__page(xt, ++page))
				return LOR_ENOMEM;
		i = next;
		if (a == b) {
			in_para = 0; /* a blank line ends the paragraph */
			continue;
		}
		if (!in_para) {
			if (lor_xt__para(xt, LOR_PART_BODY, NULL))
				return LOR_ENOMEM;
		} else if (prev * 4 < widest * 3) {
			if (lor_xt__break(xt))
				return LOR_ENOMEM;
		} else {
			const char *t = xt->text.data + xt->text.len;
			int hyphen = t[-1] == '-' && s[a] >= 'a' && s[a] <= 'z';

			if (!hyphen && lor_xt__add(xt, " ", 1, NULL, 0))
				return LOR_ENOMEM;
		}
		if (lor_xt__add(xt, s + a, b - a, NULL, 0))
			return LOR_ENOMEM;
		prev = b - a;
		in_para = 1;
		any = 1;
	}
	return any ? LOR_OK : LOR_ENOTFOUND;
}

int lor_pdf__extract(lor_xtext *xt, const char *path, const char *data, size_t len,
                     const lor_xopts *o, lor_error *err)
{
	lor_buf out = LOR_BUF_INIT;
	int rc;

	if (!complete(data, len))
		return lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                      "truncated PDF: no end-of-file marker (%%%%EOF); the file was cut short");
	if ((rc = run(path, o && o->pdftotext ? o->pdftotext : "pdftotext", data, len, &out, err))) {
		lor_buf__release(&out);
		return rc;
	}
	rc = lay_out(xt, out.data, out.len);
	lor_buf__release(&out);
	if (rc == LOR_ENOTFOUND)
		return lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                      "no text layer: the PDF is a scan; run OCR first");
	if (rc)
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	return LOR_OK;
}
