/* build_model.c - count the n-grams and words of one language's training text into a rules/lang profile.
 *
 * Usage: build_model [-g MAX_ORDER] [-m MINCOUNT] [-n MAX_PER_ORDER] [-w MAX_WORDS] CODE NAME TEXT OUT
 *
 * The text is cut into words by the library's own tokenizer
 * (lor_lang__each_word with no model), so the profile sees exactly the
 * features lor_lang__identify will look up: every evidence word, lowercased,
 * padded with one space on each side, gives its character 1..MAX_ORDER-grams
 * (MAX_ORDER at most 5, default 4; the lone boundary excepted) and counts once
 * as a whole word.  Lines starting with '#'
 * in TEXT are comments.  The totals written are those of the whole text; the
 * listed features are pruned (count >= MINCOUNT, at most MAX_PER_ORDER per
 * n-gram order and MAX_WORDS words, most frequent first, ties by byte order) to
 * keep rules/lang/ small.  In OUT, '_' stands for the word boundary.
 * src/tools/lang/build.sh runs this for every language; see rules/lang/README.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

#define MAX_ORDER 5

struct entry {
	char *key;
	unsigned long count;
	int kind; /* 1..5 n-gram, 6 word */
};

struct map {
	struct entry *e;
	size_t cap, n;
	unsigned long total[MAX_ORDER + 2];
};

static unsigned long hash_str(const char *s, int kind)
{
	unsigned long h = 1469598103u + (unsigned long)kind;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void die(const char *msg)
{
	fprintf(stderr, "build_model: %s\n", msg);
	exit(1);
}

static void map_add(struct map *m, const char *key, int kind)
{
	size_t i;

	if (m->n * 2 >= m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 4096, j;
		struct entry *ne = calloc(nc, sizeof(*ne));
		if (!ne)
			die("out of memory");
		for (j = 0; j < m->cap; j++) {
			if (m->e[j].key) {
				size_t k = hash_str(m->e[j].key, m->e[j].kind) & (nc - 1);
				while (ne[k].key)
					k = (k + 1) & (nc - 1);
				ne[k] = m->e[j];
			}
		}
		free(m->e);
		m->e = ne;
		m->cap = nc;
	}
	m->total[kind]++;
	i = hash_str(key, kind) & (m->cap - 1);
	while (m->e[i].key) {
		if (m->e[i].kind == kind && strcmp(m->e[i].key, key) == 0) {
			m->e[i].count++;
			return;
		}
		i = (i + 1) & (m->cap - 1);
	}
	m->e[i].key = malloc(strlen(key) + 1);
	if (!m->e[i].key)
		die("out of memory");
	strcpy(m->e[i].key, key);
	m->e[i].kind = kind;
	m->e[i].count = 1;
	m->n++;
}

static size_t cp_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static int max_order = 4;

static void on_word(void *ctx, size_t off, size_t len, const char *lower)
{
	struct map *m = ctx;
	char buf[300], gram[64];
	size_t offs[300], n = 0, blen, i;
	int order;

	(void)off;
	(void)len;
	blen = strlen(lower);
	if (blen + 3 > sizeof(buf))
		return;
	buf[0] = '_';
	memcpy(buf + 1, lower, blen);
	buf[blen + 1] = '_';
	buf[blen + 2] = '\0';
	blen += 2;
	for (i = 0; i < blen; i += cp_len((unsigned char)buf[i]))
		offs[n++] = i;
	offs[n] = blen;
	for (i = 0; i < n; i++) {
		for (order = 1; order <= max_order && i + (size_t)order <= n; order++) {
			size_t a = offs[i], z = offs[i + (size_t)order];
			if (order == 1 && buf[a] == '_')
				continue;
			if (z - a >= sizeof(gram))
				break;
			memcpy(gram, buf + a, z - a);
			gram[z - a] = '\0';
			map_add(m, gram, order);
		}
	}
	map_add(m, lower, MAX_ORDER + 1);
}

static int by_count(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind - y->kind;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->key, y->key);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (!fp)
		die("cannot open the training text");
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n)
		die("cannot read the training text");
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static unsigned long parse_ulong(const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	if (*s == '\0' || *end != '\0')
		die("bad number in options");
	return v;
}

int main(int argc, char **argv)
{
	unsigned long mincount = 2, per_order = 3000, max_words = 600;
	struct map m;
	char *text;
	size_t len, i, w = 0;
	int a = 1, kind;
	FILE *out;

	while (a + 1 < argc && argv[a][0] == '-') {
		if (strcmp(argv[a], "-g") == 0) {
			max_order = (int)parse_ulong(argv[a + 1]);
			if (max_order < 1 || max_order > MAX_ORDER)
				die("-g takes 1 to 5");
		} else if (strcmp(argv[a], "-m") == 0)
			mincount = parse_ulong(argv[a + 1]);
		else if (strcmp(argv[a], "-n") == 0)
			per_order = parse_ulong(argv[a + 1]);
		else if (strcmp(argv[a], "-w") == 0)
			max_words = parse_ulong(argv[a + 1]);
		else
			die("unknown option");
		a += 2;
	}
	if (argc - a != 4) {
		fprintf(stderr, "usage: build_model [-g MAX_ORDER] [-m MINCOUNT] [-n MAX_PER_ORDER] [-w MAX_WORDS] CODE NAME TEXT OUT\n");
		return 2;
	}
	memset(&m, 0, sizeof(m));
	text = slurp(argv[a + 2], &len);
	/* blank out comment lines so they contribute nothing */
	for (i = 0; i < len; i++) {
		if ((i == 0 || text[i - 1] == '\n') && text[i] == '#') {
			while (i < len && text[i] != '\n')
				text[i++] = ' ';
		}
	}
	if (lor_lang__each_word(NULL, text, len, on_word, &m) < 0)
		die("tokenizer failed");
	for (i = 0; i < m.cap; i++)
		if (m.e[i].key)
			m.e[w++] = m.e[i];
	qsort(m.e, w, sizeof(*m.e), by_count);

	out = fopen(argv[a + 3], "w");
	if (!out)
		die("cannot write the profile");
	fprintf(out, "# %s - %s profile for lorlint's language model (generated by src/tools/lang/build.sh from src/tools/lang/text/%s.txt; do not edit)\n",
		argv[a + 3], argv[a + 1], argv[a]);
	fprintf(out, "lang\t%s\t%s\n", argv[a], argv[a + 1]);
	for (kind = 1; kind <= max_order; kind++)
		fprintf(out, "total\t%d\t%lu\n", kind, m.total[kind]);
	fprintf(out, "total\tw\t%lu\n", m.total[MAX_ORDER + 1]);
	{
		unsigned long kept[MAX_ORDER + 2] = {0};
		for (i = 0; i < w; i++) {
			struct entry *e = &m.e[i];
			unsigned long cap = e->kind == MAX_ORDER + 1 ? max_words : per_order;
			if (e->count < mincount || kept[e->kind] >= cap)
				continue;
			kept[e->kind]++;
			fprintf(out, "%s\t%s\t%lu\n", e->kind == MAX_ORDER + 1 ? "w" : "n", e->key, e->count);
		}
	}
	if (fclose(out) != 0)
		die("cannot write the profile");
	for (i = 0; i < w; i++)
		free(m.e[i].key);
	free(m.e);
	free(text);
	return 0;
}
