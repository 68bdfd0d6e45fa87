/* domcheck.c - check the DOM Chromium rendered from an HTML report against the JSON report of the same run.
 *
 * Usage: domcheck REPORT.json DOM.html      (from the repo root: letters are
 *                                            read by the paths in the JSON)
 *
 * Design. The DOM is what `chromium --dump-dom` serializes after parsing the
 * page, so anything the HTML parser had to repair (misnested marks, a bad
 * entity, a swallowed line break) shows up here as a difference. For every
 * letter L of the JSON report the checker takes the letter block
 * (id="fL-t"), rebuilds its text from the DOM (entities decoded) and compares
 * it with the original file as an HTML parser sees it (CRLF and lone CR are
 * LF); then, for each finding K with a length, it collects the <mark> parts
 * with data-finding="K" and requires that they carry the finding's rule,
 * level, offset and length, are numbered 1, 2, ... in order, touch end to end,
 * cover exactly the finding's bytes [offset, offset+length) of the original
 * (mapped to DOM positions), and that their text, white space folded as the
 * JSON excerpt is, equals the excerpt. Findings of zero length must appear in
 * the panel of absences, each file in the index (when there are several), and
 * each error in it too. No mark may belong to no finding.
 *
 * It links only jansson, which lorlint already builds with, so the browser
 * test needs no python or node. Exit 0 when everything holds, 1 with one
 * line per problem otherwise, 2 when it cannot run.
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct piece {
	long finding, part, offset, length;
	char rule[256], level[32], id[64], tabindex[8];
	size_t start, end; /* bytes of the rebuilt DOM text */
} piece;

typedef struct text {
	char *s;
	size_t len, cap;
} text;

static int problems;

static void problem(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("domcheck: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	problems++;
}

static void *xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n ? n : 1))) {
		fputs("domcheck: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static void add(text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = xrealloc(t->s, t->cap);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	text t = { NULL, 0, 0 };
	char buf[65536];
	size_t n;

	if (!fp)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		add(&t, buf, n);
	fclose(fp);
	add(&t, "", 0);
	*len = t.len;
	return t.s;
}

static void utf8(text *t, unsigned long c)
{
	char b[4];
	size_t n;

	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	add(t, b, n);
}

/* Decode one entity at *p (pointing at '&') into t; advance *p. Chromium's
 * serializer only writes &amp; &lt; &gt; &quot; &nbsp;, but numeric ones are
 * accepted too. */
static void entity(const char **p, text *t)
{
	static const struct {
		const char *name, *text;
	} names[] = { { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
		      { "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", "\xC2\xA0" } };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strncmp(*p, names[i].name, strlen(names[i].name))) {
			add(t, names[i].text, strlen(names[i].text));
			*p += strlen(names[i].name);
			return;
		}
	if ((*p)[1] == '#') {
		char *end;
		int hex = (*p)[2] == 'x' || (*p)[2] == 'X';
		unsigned long c = strtoul(*p + (hex ? 3 : 2), &end, hex ? 16 : 10);

		if (*end == ';') {
			utf8(t, c);
			*p = end + 1;
			return;
		}
	}
	add(t, "&", 1); /* a bare ampersand */
	(*p)++;
}

/* The value of attribute name in the tag [tag, end), decoded, into out. */
static int attr(const char *tag, const char *end, const char *name, char *out, size_t size)
{
	char key[64];
	const char *p, *q;
	text t = { NULL, 0, 0 };

	snprintf(key, sizeof(key), " %s=\"", name);
	p = strstr(tag, key);
	if (!p || p >= end)
		return 0;
	p += strlen(key);
	q = memchr(p, '"', (size_t)(end - p));
	if (!q)
		return 0;
	while (p < q) {
		if (*p == '&')
			entity(&p, &t);
		else
			add(&t, p++, 1);
	}
	add(&t, "", 0);
	snprintf(out, size, "%s", t.s);
	free(t.s);
	return 1;
}

static long lattr(const char *tag, const char *end, const char *name)
{
	char v[64];

	return attr(tag, end, name, v, sizeof(v)) ? strtol(v, NULL, 10) : -1;
}

/* Parse the letter block starting after its opening tag: text and marks
 * only, up to its </div>. Fills t with the text and *pieces with the marks. */
static int parse_block(const char *p, text *t, piece **pieces, size_t *npieces, int letter)
{
	size_t stack[256], depth = 0, n = 0, cap = 0;
	piece *pc = NULL;

	for (;;) {
		if (!*p) {
			problem("letter %d: text block is not closed", letter);
			return -1;
		}
		if (*p == '&') {
			entity(&p, t);
		} else if (*p != '<') {
			add(t, p++, 1);
		} else if (!strncmp(p, "</mark>", 7)) {
			if (!depth) {
				problem("letter %d: stray </mark>", letter);
				return -1;
			}
			pc[stack[--depth]].end = t->len;
			p += 7;
		} else if (!strncmp(p, "<mark ", 6) || !strncmp(p, "<mark>", 6)) {
			const char *end = strchr(p, '>');
			piece *x;

			if (!end || depth == sizeof(stack) / sizeof(stack[0]))
				return -1;
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				pc = xrealloc(pc, cap * sizeof(*pc));
			}
			x = &pc[n];
			memset(x, 0, sizeof(*x));
			x->finding = lattr(p, end, "data-finding");
			x->part = lattr(p, end, "data-part");
			x->offset = lattr(p, end, "data-offset");
			x->length = lattr(p, end, "data-length");
			attr(p, end, "data-rule", x->rule, sizeof(x->rule));
			attr(p, end, "data-level", x->level, sizeof(x->level));
			attr(p, end, "id", x->id, sizeof(x->id));
			attr(p, end, "tabindex", x->tabindex, sizeof(x->tabindex));
			x->start = t->len;
			stack[depth++] = n++;
			p = end + 1;
		} else if (!strncmp(p, "</div>", 6)) {
			if (depth)
				problem("letter %d: %zu mark(s) left open", letter, depth);
			break;
		} else {
			problem("letter %d: unexpected markup in the letter text: %.40s", letter, p);
			return -1;
		}
	}
	*pieces = pc;
	*npieces = n;
	return 0;
}

/* Fold white space as lor_reporter__excerpt() does: runs of space, tab, CR
 * and LF become one space, none at either end. */
static void fold(const char *s, size_t n, text *out)
{
	size_t i;
	int space = 0;

	out->len = 0;
	add(out, "", 0);
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			space = 1;
			continue;
		}
		if (space && out->len)
			add(out, " ", 1);
		space = 0;
		add(out, &s[i], 1);
	}
}

static int excerpt_matches(const char *folded, const char *excerpt)
{
	size_t e = strlen(excerpt);

	if (!strcmp(folded, excerpt))
		return 1;
	/* The JSON cuts long excerpts after 200 bytes and adds "...". */
	return e > 3 && !strcmp(excerpt + e - 3, "...") && strlen(folded) > e - 3 &&
	       !strncmp(folded, excerpt, e - 3);
}

static void check_letter(const char *dom, json_t *file, int letter)
{
	const char *path = json_string_value(json_object_get(file, "path"));
	json_t *findings = json_object_get(file, "findings");
	char key[64], *orig;
	const char *p;
	size_t olen, i, j, npieces = 0, *map;
	text want = { NULL, 0, 0 }, got = { NULL, 0, 0 }, ftext = { NULL, 0, 0 },
	     folded = { NULL, 0, 0 };
	piece *pc = NULL;

	if (!path || !(orig = slurp(path, &olen))) {
		problem("letter %d: cannot read '%s'", letter, path ? path : "?");
		return;
	}
	/* The original as the HTML parser delivers it, and where each original
	 * byte lands in it (map[olen] is the end). */
	map = xrealloc(NULL, (olen + 1) * sizeof(*map));
	add(&want, "", 0);
	for (i = 0; i < olen; i++) {
		map[i] = want.len;
		if (orig[i] == '\r' && i + 1 < olen && orig[i + 1] == '\n')
			continue;
		add(&want, orig[i] == '\r' ? "\n" : &orig[i], 1);
	}
	map[olen] = want.len;

	snprintf(key, sizeof(key), " id=\"f%d-t\"", letter);
	if (!(p = strstr(dom, key))) {
		problem("letter %d (%s): no text block %s", letter, path, key + 1);
		goto out;
	}
	p = strchr(p, '>') + 1;
	add(&got, "", 0);
	if (parse_block(p, &got, &pc, &npieces, letter))
		goto out;
	if (got.len != want.len || memcmp(got.s, want.s, want.len)) {
		for (i = 0; i < got.len && i < want.len && got.s[i] == want.s[i]; i++)
			;
		problem("letter %d (%s): text differs from the file at DOM byte %zu: got '%.30s', want "
		        "'%.30s'",
		        letter, path, i, got.s + i, want.s + i);
	}
	for (j = 0; j < json_array_size(findings); j++) {
		json_t *f = json_array_get(findings, j);
		const char *rule = json_string_value(json_object_get(f, "rule"));
		const char *level = json_string_value(json_object_get(f, "level"));
		const char *ex = json_string_value(json_object_get(f, "excerpt"));
		long off = (long)json_integer_value(json_object_get(f, "offset"));
		long len = (long)json_integer_value(json_object_get(f, "length"));
		long k = (long)j + 1, part = 0;
		size_t at = 0, s, e;
		char idwant[64], li[160];

		if (len == 0) {
			snprintf(li, sizeof(li), "<li id=\"f%d-d%ld\" data-finding=\"%ld\" data-rule=\"%s\"",
			         letter, k, k, rule);
			if (!strstr(dom, li))
				problem("letter %d finding %ld (%s): absence not listed (%s)", letter, k, rule,
				        li);
			continue;
		}
		if (off < 0 || (size_t)(off + len) > olen) {
			problem("letter %d finding %ld: span outside the file", letter, k);
			continue;
		}
		s = map[off];
		e = map[off + len];
		ftext.len = 0;
		add(&ftext, "", 0);
		snprintf(idwant, sizeof(idwant), "f%d-%ld", letter, k);
		for (i = 0; i < npieces; i++) {
			piece *x = &pc[i];

			if (x->finding != k)
				continue;
			part++;
			if (strcmp(x->rule, rule) || strcmp(x->level, level))
				problem("letter %d finding %ld: mark says %s/%s, JSON says %s/%s", letter, k,
				        x->rule, x->level, rule, level);
			if (x->offset != off || x->length != len)
				problem("letter %d finding %ld: data-offset/length %ld/%ld, JSON %ld/%ld", letter,
				        k, x->offset, x->length, off, len);
			if (x->part != part)
				problem("letter %d finding %ld: part %ld where %ld was expected", letter, k,
				        x->part, part);
			if (part == 1 && (strcmp(x->id, idwant) || strcmp(x->tabindex, "0")))
				problem("letter %d finding %ld: first part has id '%s' tabindex '%s'", letter, k,
				        x->id, x->tabindex);
			if (x->start != (part == 1 ? s : at))
				problem("letter %d finding %ld (%s): part %ld starts at DOM byte %zu, expected %zu",
				        letter, k, rule, part, x->start, part == 1 ? s : at);
			at = x->end;
			add(&ftext, got.s + x->start, x->end - x->start);
		}
		if (!part) {
			problem("letter %d finding %ld (%s '%s'): not highlighted", letter, k, rule,
			        ex ? ex : "");
			continue;
		}
		if (at != e)
			problem("letter %d finding %ld (%s): highlight ends at DOM byte %zu, expected %zu",
			        letter, k, rule, at, e);
		fold(ftext.s, ftext.len, &folded);
		if (!ex || !excerpt_matches(folded.s, ex))
			problem("letter %d finding %ld (%s): highlighted '%s', JSON excerpt '%s'", letter, k,
			        rule, folded.s, ex ? ex : "(none)");
	}
	for (i = 0; i < npieces; i++)
		if (pc[i].finding < 1 || (size_t)pc[i].finding > json_array_size(findings) ||
		    json_integer_value(json_object_get(
		        json_array_get(findings, (size_t)pc[i].finding - 1), "length")) == 0)
			problem("letter %d: a mark (data-finding %ld) belongs to no finding with a length",
			        letter, pc[i].finding);
	printf("letter %d: %s: %zu mark part(s) for %zu finding(s)\n", letter, path, npieces,
	       json_array_size(findings));
out:
	free(pc);
	free(map);
	free(orig);
	free(want.s);
	free(got.s);
	free(ftext.s);
	free(folded.s);
}

int main(int argc, char **argv)
{
	json_error_t jerr;
	json_t *report, *files, *errors;
	char *dom, *nav;
	size_t len, i;

	if (argc != 3) {
		fputs("usage: domcheck REPORT.json DOM.html\n", stderr);
		return 2;
	}
	if (!(report = json_load_file(argv[1], 0, &jerr))) {
		fprintf(stderr, "domcheck: %s:%d: %s\n", argv[1], jerr.line, jerr.text);
		return 2;
	}
	if (!(dom = slurp(argv[2], &len))) {
		fprintf(stderr, "domcheck: cannot read '%s'\n", argv[2]);
		return 2;
	}
	files = json_object_get(report, "files");
	errors = json_object_get(report, "errors");
	for (i = 0; i < json_array_size(files); i++)
		check_letter(dom, json_array_get(files, i), (int)i + 1);
	if (!(nav = strstr(dom, "<nav id=\"index\"")))
		problem("no <nav id=\"index\">");
	else if (json_array_size(files) + json_array_size(errors) > 1) {
		for (i = 0; i < json_array_size(files); i++) {
			char href[64];

			snprintf(href, sizeof(href), "<a href=\"#f%zu\">", i + 1);
			if (!strstr(nav, href))
				problem("index: no link %s", href);
		}
		for (i = 0; i < json_array_size(errors); i++) {
			json_t *e = json_array_get(errors, i);
			char row[1200];

			snprintf(row, sizeof(row), "<tr class=\"error\"><td>%s</td>",
			         json_string_value(json_object_get(e, "path")));
			if (!strstr(nav, row))
				problem("index: error for '%s' not listed",
				        json_string_value(json_object_get(e, "path")));
		}
	}
	json_decref(report);
	free(dom);
	if (problems)
		fprintf(stderr, "domcheck: %d problem(s)\n", problems);
	return problems ? 1 : 0;
}
