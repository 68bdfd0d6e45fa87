/* annocheck.c - are a reviewed copy's comments there, and on the right words, as LibreOffice reads them?
 *
 * Usage: annocheck LETTER ROUNDTRIP.odt
 * LETTER is the letter that was annotated; ROUNDTRIP.odt is the reviewed
 * copy after LibreOffice opened it and saved it as OpenDocument, so what is
 * checked is what a word processor made of the comments, not what lorlint
 * meant to write. Every finding of LETTER with words (built-in rules, as of
 * 2026-11-27) must be one comment by "lorlint" whose first line is
 * "level: message [rule]" and whose range holds exactly the finding's
 * excerpt (white space collapsed); the strength report must be one more
 * comment; there must be no other comment by lorlint. Prints what differs;
 * exit 1 if anything does, 2 if a file cannot be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "lorlint.h"

#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define DC_NS "http://purl.org/dc/elements/1.1/"

typedef struct anno {
	char name[128];
	char line[1024];   /* the comment's first line */
	char words[4096];  /* the text in its range, white space collapsed */
	int open, lorlint;
} anno;

static anno annos[512];
static size_t nannos;

static int is(const xmlNode *n, const char *ns, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, ns) &&
	       !strcmp((const char *)n->name, name);
}

static void add_words(const char *s)
{
	size_t k;

	for (k = 0; k < nannos; k++) {
		anno *a = &annos[k];
		size_t i, n = strlen(a->words);

		if (!a->open)
			continue;
		for (i = 0; s[i] && n + 2 < sizeof(a->words); i++) {
			int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';

			if (sp && (!n || a->words[n - 1] == ' '))
				continue;
			a->words[n++] = sp ? ' ' : s[i];
		}
		a->words[n] = '\0';
	}
}

static void walk(xmlNode *n)
{
	xmlNode *c;

	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			add_words((const char *)c->content);
		} else if (is(c, TEXT_NS, "s") || is(c, TEXT_NS, "tab") || is(c, TEXT_NS, "line-break")) {
			add_words(" ");
		} else if (is(c, OFFICE_NS, "annotation") && nannos < 512) {
			anno *a = &annos[nannos++];
			xmlChar *name = xmlGetNsProp(c, (const xmlChar *)"name", (const xmlChar *)OFFICE_NS);
			xmlNode *k;

			memset(a, 0, sizeof(*a));
			snprintf(a->name, sizeof(a->name), "%s", name ? (const char *)name : "");
			xmlFree(name);
			for (k = c->children; k; k = k->next) {
				xmlChar *v = xmlNodeGetContent(k);

				if (is(k, DC_NS, "creator") && v && !strcmp((const char *)v, "lorlint"))
					a->lorlint = 1;
				if (is(k, TEXT_NS, "p") && !a->line[0] && v)
					snprintf(a->line, sizeof(a->line), "%s", (const char *)v);
				xmlFree(v);
			}
			a->open = a->name[0] != '\0';
		} else if (is(c, OFFICE_NS, "annotation-end")) {
			xmlChar *name = xmlGetNsProp(c, (const xmlChar *)"name", (const xmlChar *)OFFICE_NS);
			size_t k;

			for (k = 0; name && k < nannos; k++)
				if (!strcmp(annos[k].name, (const char *)name))
					annos[k].open = 0;
			xmlFree(name);
		} else if (c->type == XML_ELEMENT_NODE) {
			walk(c);
		}
	}
}

static char *content_xml(const char *path, size_t *len)
{
	int e = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY, &e);
	zip_stat_t st;
	zip_file_t *f;
	char *buf;

	if (!za || zip_stat(za, "content.xml", 0, &st) || !(f = zip_fopen(za, "content.xml", 0)))
		return NULL;
	buf = malloc(st.size + 1);
	if (!buf || zip_fread(f, buf, st.size) != (zip_int64_t)st.size)
		return NULL;
	buf[st.size] = '\0';
	*len = st.size;
	zip_fclose(f);
	zip_close(za);
	return buf;
}

int main(int argc, char **argv)
{
	lor_check_options co = LOR_CHECK_OPTIONS_INIT;
	lor_ruleset *rs;
	lor_document *doc;
	lor_report *r;
	lor_error err;
	xmlDoc *x;
	char *xml, buf[2200];
	size_t len, i, k, found = 0, expected = 0, ours = 0;
	int bad = 0, report = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: annocheck LETTER ROUNDTRIP.odt\n");
		return 2;
	}
	co.as_of_year = 2026;
	co.as_of_month = 11;
	co.as_of_day = 27;
	if (lor_ruleset_load(&rs, NULL, &err) || lor_document_read(&doc, argv[1], &err) ||
	    lor_check(&r, rs, doc, &co, &err)) {
		fprintf(stderr, "%s\n", lor_error_format(&err, buf, sizeof(buf)));
		return 2;
	}
	if (!(xml = content_xml(argv[2], &len)) ||
	    !(x = xmlReadMemory(xml, (int)len, "content.xml", NULL, XML_PARSE_NONET))) {
		fprintf(stderr, "annocheck: cannot read content.xml of '%s'\n", argv[2]);
		return 2;
	}
	walk(xmlDocGetRootElement(x));
	for (k = 0; k < nannos; k++) {
		ours += (size_t)annos[k].lorlint;
		report += annos[k].lorlint && !strcmp(annos[k].line, "lorlint review");
	}
	for (i = 0; i < lor_report_finding_count(r); i++) {
		const lor_finding *f = lor_report_finding(r, i);
		const char *s = lor_document_bytes(doc, &len);
		char line[1024], words[4096];
		size_t n = 0, j;
		lor_place p;

		if (!f->span.length || (lor_document_place(doc, f->span.offset, &p) && strcmp(p.part, "body")))
			continue;
		expected++;
		snprintf(line, sizeof(line), "%s: %s [%s]", lor_level_name(f->level), f->message, f->rule);
		for (j = f->span.offset; j < f->span.offset + f->span.length && n + 2 < sizeof(words); j++) {
			int sp = s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r';

			if (sp && (!n || words[n - 1] == ' '))
				continue;
			words[n++] = sp ? ' ' : s[j];
		}
		while (n && words[n - 1] == ' ')
			n--;
		words[n] = '\0';
		for (k = 0; k < nannos; k++) {
			size_t wl = strlen(annos[k].words);

			while (wl && annos[k].words[wl - 1] == ' ')
				annos[k].words[--wl] = '\0';
			if (annos[k].lorlint && !strcmp(annos[k].line, line) && !strcmp(annos[k].words, words)) {
				annos[k].lorlint = 2; /* matched */
				found++;
				break;
			}
		}
		if (k == nannos) {
			printf("%s: no comment '%s' on '%s'\n", argv[2], line, words);
			bad = 1;
		}
	}
	if (report != 1) {
		printf("%s: %d strength-report comments, not 1\n", argv[2], report);
		bad = 1;
	}
	if (ours != expected + 1) {
		printf("%s: %zu comments by lorlint for %zu findings with words (plus the report)\n", argv[2], ours,
		       expected);
		bad = 1;
	}
	xmlFreeDoc(x);
	free(xml);
	lor_report_free(r);
	lor_document_free(doc);
	lor_ruleset_free(rs);
	if (!bad)
		printf("%s: %zu comments on their words, and the report\n", argv[2], found);
	return bad;
}
