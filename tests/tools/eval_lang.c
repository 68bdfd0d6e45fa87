/* eval_lang.c - measure lorlint's language identification on a labelled set and fail below the bars.
 *
 * Usage: eval_lang [-v] [-q] [-t THRESHOLD] [-r REPEAT] MODEL_DIR EVAL_TSV
 *
 * EVAL_TSV holds one item per line, "code<TAB>text" ('#' comments and blank
 * lines skipped; format in tests/lang/README.md).  Each item is identified
 * once (timed -r times) and scored:
 *   flagged        judged, code other than "en", confidence >= THRESHOLD
 *                  (default 0.5: what the rule is advised to use, lang.h)
 *   en-vs-not ok   an English item not flagged, or a foreign item flagged
 *   exact ok       a foreign item judged with exactly its code
 *   not-en         also shown: flagged by 1 - home >= THRESHOLD instead of
 *                  confidence (lang.h), for rules that only ask "English?"
 * Items fall in length buckets by code points: short (< 80, the ~40-character
 * items), medium (80..199, ~120) and long (>= 200, ~300).
 *
 * Printed: accuracy per language and bucket, English-vs-not per bucket, exact
 * accuracy on foreign items, and microseconds per identify call per bucket.
 * Exit status: 0 when the bars hold (English-vs-not >= 99% on medium and
 * long, >= 95% on short; exact >= 95% on foreign items), 1 when one fails,
 * 2 on a usage, file or model error.  -v lists every miss; -q prints only the
 * summary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang.h"

#define MAX_LANGS 96
#define NBUCKET 3

static const char *const bucket_name[NBUCKET] = {"short(~40)", "medium(~120)", "long(~300)"};

struct cell {
	unsigned long n, ok;
};

struct lang_row {
	char code[8];
	struct cell b[NBUCKET];
};

struct stats {
	struct lang_row langs[MAX_LANGS];
	size_t nlangs;
	struct cell envsnot[NBUCKET], exact[NBUCKET], en_items[NBUCKET], foreign_flagged[NBUCKET], notenv[NBUCKET];
	double usec[NBUCKET];
	unsigned long calls[NBUCKET];
	unsigned long unjudged_foreign, items;
};

static size_t count_cps(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static int bucket_of(size_t cps)
{
	return cps < 80 ? 0 : cps < 200 ? 1 : 2;
}

static struct lang_row *row_for(struct stats *st, const char *code)
{
	size_t i;

	for (i = 0; i < st->nlangs; i++)
		if (strcmp(st->langs[i].code, code) == 0)
			return &st->langs[i];
	if (st->nlangs == MAX_LANGS)
		return NULL;
	snprintf(st->langs[st->nlangs].code, sizeof(st->langs[0].code), "%s", code);
	return &st->langs[st->nlangs++];
}

static double now_us(void)
{
	struct timespec ts;

	timespec_get(&ts, TIME_UTC);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static double pct(struct cell c)
{
	return c.n ? 100.0 * (double)c.ok / (double)c.n : 100.0;
}

static int cmp_rows(const void *a, const void *b)
{
	const struct lang_row *x = a, *y = b;
	if (strcmp(x->code, "en") == 0)
		return -1;
	if (strcmp(y->code, "en") == 0)
		return 1;
	return strcmp(x->code, y->code);
}

int main(int argc, char **argv)
{
	lor_lang__model *m = NULL;
	lor_error err;
	char errtext[2200];
	double threshold = 0.5;
	int verbose = 0, quiet = 0, a = 1, b, fail = 0;
	unsigned long repeat = 1;
	FILE *fp;
	char *line = NULL;
	size_t cap = 0, i;
	static struct stats st;
	struct cell exact_all = {0, 0};

	while (a < argc && argv[a][0] == '-') {
		if (strcmp(argv[a], "-v") == 0) {
			verbose = 1;
			a++;
		} else if (strcmp(argv[a], "-q") == 0) {
			quiet = 1;
			a++;
		} else if (strcmp(argv[a], "-t") == 0 && a + 1 < argc) {
			char *end;
			threshold = strtod(argv[a + 1], &end);
			if (*end != '\0' || threshold < 0.0 || threshold > 1.0) {
				fprintf(stderr, "eval_lang: threshold '%s' is not a number in 0..1\n", argv[a + 1]);
				return 2;
			}
			a += 2;
		} else if (strcmp(argv[a], "-r") == 0 && a + 1 < argc) {
			char *end;
			repeat = strtoul(argv[a + 1], &end, 10);
			if (*end != '\0' || repeat == 0) {
				fprintf(stderr, "eval_lang: repeat '%s' is not a positive integer\n", argv[a + 1]);
				return 2;
			}
			a += 2;
		} else {
			break;
		}
	}
	if (argc - a != 2) {
		fprintf(stderr, "usage: eval_lang [-v] [-q] [-t THRESHOLD] [-r REPEAT] MODEL_DIR EVAL_TSV\n");
		return 2;
	}
	if (lor_lang__model_load_dir(&m, argv[a], &err) != 0) {
		fprintf(stderr, "eval_lang: %s\n", lor_error_format(&err, errtext, sizeof(errtext)));
		return 2;
	}
	fp = fopen(argv[a + 1], "r");
	if (!fp) {
		fprintf(stderr, "eval_lang: cannot open '%s'\n", argv[a + 1]);
		lor_lang__model_free(m);
		return 2;
	}
	for (;;) {
		int c;
		size_t n = 0, cps;
		char *tab, *text, gold[8];
		lor_lang__guess g;
		struct lang_row *row;
		int flagged, is_en, envs_ok;
		double t0;
		unsigned long r;

		/* read one line of any length */
		while ((c = fgetc(fp)) != EOF && c != '\n') {
			if (n + 2 > cap) {
				size_t nc = cap ? cap * 2 : 1024;
				char *nl = realloc(line, nc);
				if (!nl) {
					fprintf(stderr, "eval_lang: out of memory\n");
					return 2;
				}
				line = nl;
				cap = nc;
			}
			line[n++] = (char)c;
		}
		if (c == EOF && n == 0)
			break;
		if (!line)
			continue;
		line[n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		tab = strchr(line, '\t');
		if (!tab || tab == line || (size_t)(tab - line) >= sizeof(gold)) {
			fprintf(stderr, "eval_lang: %s: expected 'code<TAB>text': %.60s\n", argv[a + 1], line);
			free(line);
			lor_lang__model_free(m);
			fclose(fp);
			return 2;
		}
		memcpy(gold, line, (size_t)(tab - line));
		gold[tab - line] = '\0';
		text = tab + 1;
		n = strlen(text);
		cps = count_cps(text, n);
		b = bucket_of(cps);

		t0 = now_us();
		for (r = 0; r < repeat; r++)
			lor_lang__identify(m, text, n, &g);
		st.usec[b] += (now_us() - t0) / (double)repeat;
		st.calls[b]++;
		st.items++;

		is_en = strcmp(gold, "en") == 0;
		flagged = g.judged && strcmp(g.code, "en") != 0 && g.confidence >= threshold;
		envs_ok = is_en ? !flagged : flagged;
		{
			int f2 = g.judged && strcmp(g.code, "en") != 0 &&
				 (g.script_based ? g.confidence >= threshold : 1.0 - g.home >= threshold);
			st.notenv[b].n++;
			st.notenv[b].ok += (unsigned long)(is_en ? !f2 : f2);
		}
		st.envsnot[b].n++;
		st.envsnot[b].ok += (unsigned long)envs_ok;
		row = row_for(&st, gold);
		if (row) {
			row->b[b].n++;
			row->b[b].ok += (unsigned long)(is_en ? envs_ok : (g.judged && strcmp(g.code, gold) == 0));
		}
		if (is_en) {
			st.en_items[b].n++;
			st.en_items[b].ok += (unsigned long)!flagged;
		} else {
			int ok = g.judged && strcmp(g.code, gold) == 0;
			st.exact[b].n++;
			st.exact[b].ok += (unsigned long)ok;
			exact_all.n++;
			exact_all.ok += (unsigned long)ok;
			st.foreign_flagged[b].n++;
			st.foreign_flagged[b].ok += (unsigned long)flagged;
			if (!g.judged)
				st.unjudged_foreign++;
		}
		if (verbose && ((is_en && flagged) || (!is_en && !(g.judged && strcmp(g.code, gold) == 0)) ||
				(!is_en && !flagged)))
			printf("MISS %s -> %s (%.3f, 2nd %s)%s: %s\n", gold, g.code, g.confidence, g.second,
			       g.judged ? "" : " not judged", text);
	}
	free(line);
	fclose(fp);

	qsort(st.langs, st.nlangs, sizeof(st.langs[0]), cmp_rows);
	if (!quiet) {
		printf("accuracy by language (en: not flagged; others: exact code), %% correct (items)\n");
		printf("%-6s %16s %16s %16s\n", "lang", bucket_name[0], bucket_name[1], bucket_name[2]);
		for (i = 0; i < st.nlangs; i++) {
			printf("%-6s", st.langs[i].code);
			for (b = 0; b < NBUCKET; b++) {
				if (st.langs[i].b[b].n)
					printf(" %10.1f (%3lu)", pct(st.langs[i].b[b]), st.langs[i].b[b].n);
				else
					printf(" %16s", "-");
			}
			printf("\n");
		}
		printf("\n");
	}
	printf("threshold %.2f, %lu items\n", threshold, st.items);
	printf("%-14s %14s %14s %14s %14s %10s %10s\n", "bucket", "en-vs-not", "en kept", "foreign flag", "exact",
	       "not-en", "us/call");
	for (b = 0; b < NBUCKET; b++) {
		printf("%-14s %8.2f%% %4lu %8.2f%% %4lu %8.2f%% %4lu %8.2f%% %4lu %9.2f%% %10.2f\n", bucket_name[b],
		       pct(st.envsnot[b]), st.envsnot[b].n, pct(st.en_items[b]), st.en_items[b].n,
		       pct(st.foreign_flagged[b]), st.foreign_flagged[b].n, pct(st.exact[b]), st.exact[b].n,
		       pct(st.notenv[b]), st.calls[b] ? st.usec[b] / (double)st.calls[b] : 0.0);
	}
	printf("exact language on foreign items: %.2f%% of %lu (%lu not judged)\n", pct(exact_all), exact_all.n,
	       st.unjudged_foreign);

	if (pct(st.envsnot[0]) < 95.0) {
		printf("FAIL: en-vs-not on short items %.2f%% < 95%%\n", pct(st.envsnot[0]));
		fail = 1;
	}
	for (b = 1; b < NBUCKET; b++) {
		if (pct(st.envsnot[b]) < 99.0) {
			printf("FAIL: en-vs-not on %s items %.2f%% < 99%%\n", bucket_name[b], pct(st.envsnot[b]));
			fail = 1;
		}
	}
	if (pct(exact_all) < 95.0) {
		printf("FAIL: exact language on foreign items %.2f%% < 95%%\n", pct(exact_all));
		fail = 1;
	}
	if (!fail)
		printf("PASS: all bars met\n");
	lor_lang__model_free(m);
	return fail;
}
