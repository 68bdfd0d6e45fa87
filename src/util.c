/* util.c - buffers, errors-as-values and file reading shared by the library.
 *
 * Small and boring on purpose: a growable NUL-terminated buffer (in the spirit
 * of git's strbuf and curl's dynbuf, capped so a runaway input cannot eat the
 * machine), the one function that fills a lor_error, and whole-file reading
 * with a size cap. No unbounded string functions are used anywhere.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

/* No single buffer in lorlint legitimately needs more than this. */
#define LOR_BUF_MAX ((size_t)1 << 30)

char lor_buf__empty[1];

int lor_buf__grow(lor_buf *b, size_t extra)
{
	size_t max = b->max ? b->max : LOR_BUF_MAX;

	if (b->len > max || extra > max - b->len)
		return LOR_ENOMEM;
	if (!b->cap) { /* the shared "" is never reallocated */
		char *p = malloc(b->len + extra + 1 > 16 ? b->len + extra + 1 : 16);

		if (!p)
			return LOR_ENOMEM;
		p[0] = '\0';
		b->data = p;
		b->cap = b->len + extra + 1 > 16 ? b->len + extra + 1 : 16;
		return LOR_OK;
	}
	return lor__reserve(&b->data, &b->cap, b->len + extra + 1, 1);
}

int lor_buf__add(lor_buf *b, const char *s, size_t n)
{
	if (lor_buf__grow(b, n))
		return LOR_ENOMEM;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return LOR_OK;
}

int lor_buf__adds(lor_buf *b, const char *s)
{
	return lor_buf__add(b, s, strlen(s));
}

int lor_buf__addf(lor_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || lor_buf__grow(b, (size_t)n))
		return LOR_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return LOR_OK;
}

char *lor_buf__detach(lor_buf *b)
{
	char *p = b->cap ? b->data : lor__strdup("");

	b->data = lor_buf__empty;
	b->len = b->cap = 0;
	return p;
}

void lor_buf__release(lor_buf *b)
{
	if (b->cap)
		free(b->data);
	b->data = lor_buf__empty;
	b->len = b->cap = 0;
}

char *lor__strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *lor__strdup(const char *s)
{
	return s ? lor__strndup(s, strlen(s)) : NULL;
}

int lor__strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb || !ca)
			return ca - cb;
	}
}

static void copy_str(char *dst, size_t size, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

int lor_error__set(lor_error *err, int code, const char *path, unsigned long line,
                   unsigned long col, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	copy_str(err->path, sizeof(err->path), path);
	err->line = line;
	err->column = col;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

char *lor_error_format(const lor_error *err, char *buf, size_t len)
{
	if (!buf || !len)
		return buf;
	if (!err) {
		buf[0] = '\0';
		return buf;
	}
	if (err->path[0] && err->line)
		snprintf(buf, len, "%s:%lu:%lu: error: %s", err->path, err->line,
		         err->column ? err->column : 1, err->message);
	else if (err->path[0])
		snprintf(buf, len, "%s: error: %s", err->path, err->message);
	else
		snprintf(buf, len, "error: %s", err->message);
	return buf;
}

const char *lor_strerror(int code)
{
	switch (code) {
	case LOR_OK: return "success";
	case LOR_ENOMEM: return "out of memory";
	case LOR_EIO: return "input/output error";
	case LOR_EINPUT: return "input is not checkable text";
	case LOR_ERULE: return "malformed rule file";
	case LOR_ELIMIT: return "regex match limit exceeded";
	case LOR_EARG: return "invalid argument";
	case LOR_ENOTFOUND: return "not found";
	default: return "unknown error";
	}
}

const char *lor__errno_text(int e, char *buf, size_t len)
{
	if (strerror_r(e, buf, len))
		snprintf(buf, len, "error %d", e);
	return buf;
}

/* Do the first bytes of a file say it is a document (zip, PDF, OLE)? Such a
 * file holds NUL bytes by design, so the "binary" check does not apply. */
static int document_magic(const char *s, size_t n)
{
	return (n >= 4 && !memcmp(s, "PK\x03\x04", 4)) || (n >= 5 && !memcmp(s, "%PDF-", 5)) ||
	       (n >= 4 && !memcmp(s, "\xD0\xCF\x11\xE0", 4));
}

static int read_file(const char *path, char **out, size_t *len, size_t max, int documents,
                     lor_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	lor_buf b = LOR_BUF_INIT;
	struct stat st;
	char chunk[65536];
	size_t n;

	if (!fp)
		return lor_error__set(err, LOR_EIO, path, 0, 0, "cannot open: %s",
		                      lor__errno_text(errno, chunk, sizeof(chunk)));
	if (!is_stdin && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		return lor_error__set(err, LOR_EIO, path, 0, 0, "is a directory");
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		/* A NUL byte means binary: say so now rather than read on (a device
		 * such as /dev/zero would otherwise be read up to the size cap). */
		if (b.len == 0 && documents && document_magic(chunk, n))
			documents = 2;
		if (documents != 2 && memchr(chunk, '\0', n)) {
			if (!is_stdin)
				fclose(fp);
			lor_buf__release(&b);
			return lor_error__set(err, LOR_EINPUT, path, 0, 0, "binary file, not text");
		}
		if (b.len + n > max) {
			if (!is_stdin)
				fclose(fp);
			lor_buf__release(&b);
			return lor_error__set(err, LOR_EINPUT, path, 0, 0,
			                      "file too large (over %zu bytes)", max);
		}
		if (lor_buf__add(&b, chunk, n)) {
			if (!is_stdin)
				fclose(fp);
			lor_buf__release(&b);
			return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		}
	}
	if (ferror(fp)) {
		int e = errno;

		if (!is_stdin)
			fclose(fp);
		lor_buf__release(&b);
		return lor_error__set(err, LOR_EIO, path, 0, 0, "cannot read: %s",
		                      lor__errno_text(e, chunk, sizeof(chunk)));
	}
	if (!is_stdin)
		fclose(fp);
	*len = b.len;
	*out = lor_buf__detach(&b);
	if (!*out)
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	return LOR_OK;
}

int lor__read_file(const char *path, char **out, size_t *len, size_t max, lor_error *err)
{
	return read_file(path, out, len, max, 0, err);
}

int lor__read_input(const char *path, char **out, size_t *len, size_t max, lor_error *err)
{
	return read_file(path, out, len, max, 1, err);
}
