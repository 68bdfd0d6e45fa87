/* xutil.c - one growth loop and one directory reader for the library and its build tools (xutil.h). */
#include "xutil.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lor__reserve(void *ptrp, size_t *cap, size_t need, size_t elem)
{
	void **pp = (void **)ptrp;
	size_t n;
	void *p;

	if (need <= *cap)
		return 0;
	n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2 / elem)
			return -1;
		n *= 2;
	}
	p = realloc(*pp, n * elem);
	if (!p)
		return -1;
	*pp = p;
	*cap = n;
	return 0;
}

int lor_x__read_file(const char *path, unsigned char **data, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;
	int e;

	if (!fp)
		return -1;
	for (;;) {
		size_t got;

		if (lor__reserve(&buf, &cap, n + 65536 + 1, 1)) {
			errno = ENOMEM;
			goto fail;
		}
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp))
		goto fail;
	fclose(fp);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
fail:
	e = errno;
	free(buf);
	fclose(fp);
	errno = e;
	return -1;
}

/* strdup is POSIX, not C11: the build tools compile this file without it */
static char *copy(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void lor_x__free_names(char **names, size_t count)
{
	size_t i;

	for (i = 0; names && i < count; i++)
		free(names[i]);
	free(names);
}

int lor_x__list_dir(const char *dir, char ***names, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0, cap = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (lor__reserve(&v, &cap, n + 1, sizeof(char *)) || !(v[n] = copy(e->d_name))) {
			closedir(d);
			lor_x__free_names(v, n);
			errno = ENOMEM;
			return -1;
		}
		n++;
	}
	closedir(d);
	if (n)
		qsort(v, n, sizeof(char *), cmp_name);
	*names = v;
	*count = n;
	return 0;
}

int lor_x__parse_decimal(const char *s, size_t n, double *out)
{
	double v = 0.0, scale = 1.0;
	size_t i = 0;
	int neg = 0, digits = 0, dot = 0;

	if (n > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	for (; i < n; i++) {
		if (s[i] == '.' && !dot) {
			dot = 1;
		} else if (s[i] >= '0' && s[i] <= '9') {
			digits++;
			if (dot) {
				scale /= 10.0;
				v += (s[i] - '0') * scale;
			} else {
				v = v * 10.0 + (s[i] - '0');
			}
		} else {
			return -1;
		}
	}
	if (!digits || digits > 12)
		return -1;
	*out = neg ? -v : v;
	return 0;
}
