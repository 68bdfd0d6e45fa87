/* report_docx.c - the reviewed copy: the letter's own .docx or .odt with each finding as a margin comment.
 *
 * The "docx" and "odt" formats write one document, not a report about
 * letters: a copy of the letter in which every finding is a comment by
 * "lorlint" anchored on the words it concerns, and the strength report
 * (score, verdict, checklist, top fixes) is a comment on the first
 * paragraph. A finding about the whole letter, or one in a header, footer or
 * footnote (where a comment cannot be anchored), is listed in that report
 * comment instead.
 *
 * The copy is made from the letter's own bytes: the main part (word/
 * document.xml or content.xml) is read again with the reader that made the
 * letter's text, keeping which XML text node every piece of the text came
 * from, so a finding's offsets lead to the exact text nodes. Runs are split
 * there (the split run keeps its properties) and the comment marks are put
 * between them: commentRangeStart/End and a commentReference run with the
 * comment in word/comments.xml (ECMA-376 Part 1, 17.13.4), or
 * office:annotation and office:annotation-end (ODF 1.3, 14.1). Marks are put
 * in from the end of the text backwards, so a split never moves a place
 * still to be marked. Every other entry of the archive is copied as it is,
 * compressed bytes and all; only the main part, the comments part, the
 * relationships and the content types are written anew.
 *
 * A letter that is not a .docx (plain text, Markdown, PDF, HTML) gets a fresh
 * minimal .docx (or .odt) made from its text, one paragraph per line, which is
 * then annotated the same way. The report's text and the copy's text are
 * matched by their non-space characters, which both have in the same order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "dynlib.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_NS "http://schemas.openxmlformats.org/package/2006/content-types"
#define COMMENTS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
#define COMMENTS_CT "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define DC_NS "http://purl.org/dc/elements/1.1/"

typedef struct mark {
	size_t at;        /* offset in the copy's text */
	int end;          /* 1: the end of a range, 0: its start */
	size_t note;      /* index into the notes */
	xmlNode *node;    /* the text node, and the byte in it */
	size_t off;
} mark;

typedef struct job {
	lor_reporter *rep;
	const lor_report *r;
	int odt;
	lor_xtext xt;
	void *dom;                /* the main part, as read again */
	char **notes;             /* comment texts, lines separated by '\n' */
	size_t nnotes, capnotes;
	mark *marks;
	size_t nmarks, capmarks;
	lor_buf elsewhere;        /* findings that have no words to anchor on */
	size_t first_id;          /* the first free comment id (docx) */
} job;

/* ------------------------------------------------------------ text match */

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

/* Offsets of the copy's non-space bytes, in order; and, for the report's
 * text, how many non-space bytes precede each offset. */
static int skeleton(const char *a, size_t alen, const char *b, size_t blen, size_t **before_a,
                    size_t **pos_b, size_t *nb)
{
	size_t i, n = 0, k = 0;

	*before_a = malloc((alen + 1) * sizeof(size_t));
	*pos_b = malloc((blen + 1) * sizeof(size_t));
	if (!*before_a || !*pos_b)
		return LOR_ENOMEM;
	for (i = 0; i < alen; i++) {
		(*before_a)[i] = k;
		k += !is_space(a[i]);
	}
	(*before_a)[alen] = k;
	for (i = 0; i < blen; i++)
		if (!is_space(b[i]))
			(*pos_b)[n++] = i;
	*nb = n;
	/* the same characters in the same order, or the copy is not this letter */
	if (n != k)
		return LOR_EINPUT;
	for (i = 0, k = 0; i < alen; i++)
		if (!is_space(a[i]) && a[i] != b[(*pos_b)[k++]])
			return LOR_EINPUT;
	return LOR_OK;
}

/* The body piece that holds text offset at (end: the one holding at - 1),
 * with a text node; searching inward from there within [lo, hi). */
static const lor_xpiece *piece_at(const job *j, size_t at, int end, size_t lo, size_t hi)
{
	const lor_xtext *xt = &j->xt;
	size_t k;

	if (!end) {
		for (k = 0; k < xt->npieces; k++) {
			const lor_xpiece *p = &xt->pieces[k];

			if (p->offset + p->len <= at || !p->node || xt->paras[p->para].part != LOR_PART_BODY)
				continue;
			return p->offset < hi ? p : NULL;
		}
		return NULL;
	}
	for (k = xt->npieces; k-- > 0;) {
		const lor_xpiece *p = &xt->pieces[k];

		if (p->offset >= at || !p->node || xt->paras[p->para].part != LOR_PART_BODY)
			continue;
		return p->offset + p->len > lo ? p : NULL;
	}
	return NULL;
}

static int add_mark(job *j, size_t at, int end, size_t note, const lor_xpiece *p)
{
	mark *m;

	if (lor__reserve(&j->marks, &j->capmarks, j->nmarks + 1, sizeof(mark)))
		return LOR_ENOMEM;
	m = &j->marks[j->nmarks++];
	if (!end && at < p->offset)
		at = p->offset;
	if (end && at > p->offset + p->len)
		at = p->offset + p->len;
	m->at = at;
	m->end = end;
	m->note = note;
	m->node = p->node;
	m->off = p->node_off + (at - p->offset);
	return LOR_OK;
}

static int add_note(job *j, char *text)
{
	if (!text || lor__reserve(&j->notes, &j->capnotes, j->nnotes + 1, sizeof(char *))) {
		free(text);
		return LOR_ENOMEM;
	}
	j->notes[j->nnotes++] = text;
	return LOR_OK;
}

/* Anchor note on copy text [s, e); 1 if done, 0 if there are no words there. */
static int anchor(job *j, size_t s, size_t e, size_t note)
{
	const lor_xpiece *a = piece_at(j, s, 0, s, e), *b = piece_at(j, e, 1, s, e);

	if (!a || !b || a > b)
		return 0;
	if (add_mark(j, s, 0, note, a) || add_mark(j, e, 1, note, b))
		return -1;
	return 1;
}

/* The report comment's text: the strength report as the text format writes it. */
static char *strength_text(job *j)
{
	lor_reporter tmp = *j->rep;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (!fp)
		return NULL;
	tmp.fp = fp;
	tmp.opts.color = 0;
	fputs("lorlint review\n", fp);
	lor_report_text__strength(&tmp, j->r, j->nnotes);
	if (j->elsewhere.len)
		fprintf(fp, "  not anchored on words:\n%s", j->elsewhere.data);
	if (fclose(fp)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Decide every comment and where it goes. */
static int plan(job *j)
{
	const lor_document *doc = lor_report_document(j->r);
	size_t olen, *before = NULL, *pos = NULL, npos, i, report_note;
	const char *orig = lor_document_bytes(doc, &olen);
	int rc = skeleton(orig, olen, j->xt.text.data, j->xt.text.len, &before, &pos, &npos);

	/* note 0 is the strength report; its text is made last */
	if (!rc)
		rc = add_note(j, lor__strdup(""));
	report_note = 0;
	for (i = 0; !rc && i < lor_report_finding_count(j->r); i++) {
		const lor_finding *f = lor_report_finding(j->r, i);
		lor_buf t = LOR_BUF_INIT;
		size_t ks, ke;
		int done = 0;

		if (f->level < j->rep->opts.min_level)
			continue;
		if (lor_buf__addf(&t, "%s: %s [%s]", lor_level_name(f->level), lor_reporter__message(j->rep, f),
		                  f->rule) || (f->fix && lor_buf__addf(&t, "\nfix: %s", f->fix))) {
			lor_buf__release(&t);
			rc = LOR_ENOMEM;
			break;
		}
		ks = before[f->span.offset < olen ? f->span.offset : olen];
		ke = before[f->span.offset + f->span.length <= olen ? f->span.offset + f->span.length : olen];
		if (f->span.length && ke > ks) {
			size_t s = pos[ks], e = pos[ke - 1] + 1;

			if ((rc = add_note(j, lor__strdup(t.data))))
				break;
			if ((done = anchor(j, s, e, j->nnotes - 1)) < 0)
				rc = LOR_ENOMEM;
			if (!done) { /* not in the body: listed in the report comment */
				free(j->notes[--j->nnotes]);
			}
		}
		if (!rc && !done) {
			char where[96];
			const char *w = lor_reporter__place(doc, &f->span, where, sizeof(where));

			if (lor_buf__addf(&j->elsewhere, "  - %s: %s\n", w ? w : "whole letter", t.data))
				rc = LOR_ENOMEM;
		}
		lor_buf__release(&t);
	}
	/* the report on the first paragraph that has words */
	for (i = 0; !rc && i < j->xt.npara; i++) {
		size_t a = j->xt.paras[i].start, b = i + 1 < j->xt.npara ? j->xt.paras[i + 1].start : j->xt.text.len;
		int got;

		while (b > a && is_space(j->xt.text.data[b - 1]))
			b--;
		if (j->xt.paras[i].part != LOR_PART_BODY || b <= a)
			continue;
		if ((got = anchor(j, a, b, report_note)) < 0)
			rc = LOR_ENOMEM;
		if (got)
			break;
	}
	if (!rc) {
		char *s = strength_text(j);

		if (!s) {
			rc = LOR_ENOMEM;
		} else {
			free(j->notes[report_note]);
			j->notes[report_note] = s;
		}
	}
	free(before);
	free(pos);
	return rc;
}

/* Marks from the end of the text backwards; at one place, ends before starts. */
static int cmp_mark(const void *pa, const void *pb)
{
	const mark *a = pa, *b = pb;

	if (a->at != b->at)
		return a->at > b->at ? -1 : 1;
	if (a->end != b->end)
		return a->end ? -1 : 1;
	return a->note < b->note ? -1 : a->note > b->note;
}

/* -------------------------------------------------------------- the marks */

static xmlNode *w_el(xmlNs *ns, const char *name, size_t id)
{
	xmlNode *n = xmlNewNode(ns, (const xmlChar *)name);
	char v[32];

	if (n && id != (size_t)-1) {
		snprintf(v, sizeof(v), "%zu", id);
		xmlNewNsProp(n, ns, (const xmlChar *)"id", (const xmlChar *)v);
	}
	return n;
}

/* Keep the first off bytes of text node t (its content is copied first:
 * libxml2 frees the old content while setting the new). */
static int truncate_text(xmlNode *t, size_t off)
{
	char *head = lor__strndup((const char *)t->content, off);

	if (!head)
		return LOR_ENOMEM;
	xmlNodeSetContentLen(t, (const xmlChar *)head, (int)off);
	free(head);
	return LOR_OK;
}

/* Split the run around text node t at byte off; returns the run that starts
 * there (perhaps empty), put right after the old one. */
static xmlNode *split_run(xmlNode *t, size_t off)
{
	xmlNode *wt = t->parent, *r = wt ? wt->parent : NULL, *r2, *c, *next, *from;
	size_t len = t->content ? strlen((const char *)t->content) : 0;

	if (!r || !(r2 = xmlNewNode(r->ns, r->name)))
		return NULL;
	for (c = r->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "rPr")) {
			xmlAddChild(r2, xmlCopyNode(c, 1));
			break;
		}
	from = off == 0 ? wt : wt->next;
	if (off > 0 && off < len) {
		xmlNode *wt2 = xmlNewNode(wt->ns, wt->name);
		char *rest = lor__strdup((const char *)t->content + off);

		if (!wt2 || !rest) {
			xmlFreeNode(wt2);
			free(rest);
			xmlFreeNode(r2);
			return NULL;
		}
		if (truncate_text(t, off)) {
			xmlFreeNode(wt2);
			free(rest);
			xmlFreeNode(r2);
			return NULL;
		}
		xmlNodeAddContent(wt2, (const xmlChar *)rest);
		free(rest);
		xmlNodeSetSpacePreserve(wt, 1);
		xmlNodeSetSpacePreserve(wt2, 1);
		xmlAddChild(r2, wt2);
	}
	for (c = from; c; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddChild(r2, c);
	}
	return xmlAddNextSibling(r, r2);
}

static xmlNode *docx_mark(job *j, const mark *m, xmlNs *w)
{
	xmlNode *n = w_el(w, m->end ? "commentRangeEnd" : "commentRangeStart", j->first_id + m->note);

	return n;
}

/* Put the docx marks in: commentRangeStart, commentRangeEnd and a run with
 * the commentReference. */
static int docx_marks(job *j)
{
	xmlNs *w = xmlSearchNsByHref(j->dom, xmlDocGetRootElement(j->dom), (const xmlChar *)W_NS);
	size_t i = 0;

	if (!w)
		return LOR_EINPUT;
	while (i < j->nmarks) {
		size_t g = i;
		xmlNode *anchor_run = split_run(j->marks[i].node, j->marks[i].off);

		if (!anchor_run)
			return LOR_ENOMEM;
		for (; g < j->nmarks && j->marks[g].node == j->marks[i].node && j->marks[g].off == j->marks[i].off; g++) {
			xmlNode *mk = docx_mark(j, &j->marks[g], w);

			if (!mk || !xmlAddPrevSibling(anchor_run, mk))
				return LOR_ENOMEM;
			if (j->marks[g].end) {
				xmlNode *run = xmlNewNode(w, (const xmlChar *)"r"),
				        *ref = w_el(w, "commentReference", j->first_id + j->marks[g].note);

				if (!run || !ref || !xmlAddChild(run, ref) || !xmlAddPrevSibling(anchor_run, run))
					return LOR_ENOMEM;
			}
		}
		i = g;
	}
	return LOR_OK;
}

/* An office:annotation with the note's lines as paragraphs. */
static xmlNode *odt_annotation(job *j, size_t note, xmlNs *office, xmlNs *text, xmlNs *dc)
{
	xmlNode *a = xmlNewNode(office, (const xmlChar *)"annotation");
	const char *s = j->notes[note];
	char name[32], date[40];

	if (!a)
		return NULL;
	snprintf(name, sizeof(name), "lorlint%zu", note);
	snprintf(date, sizeof(date), "%sT00:00:00", j->rep->opts.as_of && *j->rep->opts.as_of
	         ? j->rep->opts.as_of : "1970-01-01");
	xmlNewNsProp(a, office, (const xmlChar *)"name", (const xmlChar *)name);
	xmlNewTextChild(a, dc, (const xmlChar *)"creator", (const xmlChar *)"lorlint");
	xmlNewTextChild(a, dc, (const xmlChar *)"date", (const xmlChar *)date);
	while (*s) {
		size_t n = strcspn(s, "\n");
		char *line = lor__strndup(s, n);

		if (!line)
			return a;
		xmlNewTextChild(a, text, (const xmlChar *)"p", (const xmlChar *)line);
		free(line);
		s += n + (s[n] == '\n');
	}
	return a;
}

static int odt_marks(job *j)
{
	xmlNode *root = xmlDocGetRootElement(j->dom);
	xmlNs *office = xmlSearchNsByHref(j->dom, root, (const xmlChar *)OFFICE_NS),
	      *text = xmlSearchNsByHref(j->dom, root, (const xmlChar *)TEXT_NS),
	      *dc = xmlSearchNsByHref(j->dom, root, (const xmlChar *)DC_NS);
	size_t i = 0;

	if (!office || !text)
		return LOR_EINPUT;
	if (!dc)
		dc = xmlNewNs(root, (const xmlChar *)DC_NS, (const xmlChar *)"dc");
	while (i < j->nmarks) {
		xmlNode *t = j->marks[i].node, *last = NULL;
		size_t off = j->marks[i].off, len = t->content ? strlen((const char *)t->content) : 0, g;
		char *rest = off > 0 && off < len ? lor__strdup((const char *)t->content + off) : NULL;

		if (off > 0 && off < len && !rest)
			return LOR_ENOMEM;
		if (rest && truncate_text(t, off)) {
			free(rest);
			return LOR_ENOMEM;
		}
		for (g = i; g < j->nmarks && j->marks[g].node == t && j->marks[g].off == off; g++) {
			xmlNode *mk;
			char name[32];

			if (j->marks[g].end) {
				mk = xmlNewNode(office, (const xmlChar *)"annotation-end");
				snprintf(name, sizeof(name), "lorlint%zu", j->marks[g].note);
				if (mk)
					xmlNewNsProp(mk, office, (const xmlChar *)"name", (const xmlChar *)name);
			} else {
				mk = odt_annotation(j, j->marks[g].note, office, text, dc);
			}
			if (!mk)
				return LOR_ENOMEM;
			/* elements only are put next to the text node: no text merging */
			if (off == 0)
				xmlAddPrevSibling(t, mk);
			else
				xmlAddNextSibling(last ? last : t, mk);
			last = mk;
		}
		if (rest) {
			xmlAddNextSibling(last, xmlNewText((const xmlChar *)rest));
			free(rest);
		}
		i = g;
	}
	return LOR_OK;
}

/* ------------------------------------------------------------ docx parts */

static char *dump(void *doc, size_t *len)
{
	xmlChar *buf = NULL;
	int n = 0;
	char *out;

	xmlDocDumpMemoryEnc(doc, &buf, &n, "UTF-8");
	if (!buf || n < 0)
		return NULL;
	out = lor__strndup((const char *)buf, (size_t)n);
	xmlFree(buf);
	*len = (size_t)n;
	return out;
}

/* word/comments.xml with our notes appended (ids from first_id on). */
static char *comments_part(job *j, const char *old, size_t oldlen, size_t *len)
{
	void *doc = NULL;
	xmlNode *root, *c;
	xmlNs *w;
	lor_error err;
	size_t k;
	char date[40], *out;

	if (old) {
		if (lor_xml__parse(&doc, "", "word/comments.xml", old, oldlen, &err))
			return NULL;
		root = xmlDocGetRootElement(doc);
		w = xmlSearchNsByHref(doc, root, (const xmlChar *)W_NS);
	} else {
		doc = xmlNewDoc((const xmlChar *)"1.0");
		root = xmlNewNode(NULL, (const xmlChar *)"comments");
		w = xmlNewNs(root, (const xmlChar *)W_NS, (const xmlChar *)"w");
		xmlSetNs(root, w);
		xmlDocSetRootElement(doc, root);
	}
	if (!w) {
		xmlFreeDoc(doc);
		return NULL;
	}
	snprintf(date, sizeof(date), "%sT00:00:00Z", j->rep->opts.as_of && *j->rep->opts.as_of
	         ? j->rep->opts.as_of : "1970-01-01");
	for (k = 0; k < j->nnotes; k++) {
		const char *s = j->notes[k];

		c = w_el(w, "comment", j->first_id + k);
		xmlNewNsProp(c, w, (const xmlChar *)"author", (const xmlChar *)"lorlint");
		xmlNewNsProp(c, w, (const xmlChar *)"initials", (const xmlChar *)"LL");
		xmlNewNsProp(c, w, (const xmlChar *)"date", (const xmlChar *)date);
		xmlAddChild(root, c);
		while (*s) {
			size_t n = strcspn(s, "\n");
			char *line = lor__strndup(s, n);
			xmlNode *p = xmlNewChild(c, w, (const xmlChar *)"p", NULL),
			        *r = xmlNewChild(p, w, (const xmlChar *)"r", NULL),
			        *t = line ? xmlNewTextChild(r, w, (const xmlChar *)"t", (const xmlChar *)line) : NULL;

			if (t)
				xmlNodeSetSpacePreserve(t, 1);
			free(line);
			s += n + (s[n] == '\n');
		}
	}
	out = dump(doc, len);
	xmlFreeDoc(doc);
	return out;
}

/* The highest w:id among the existing comments, plus one. */
static size_t free_id(const char *comments, size_t len)
{
	void *doc;
	lor_error err;
	xmlNode *c;
	size_t next = 0;

	if (!comments || lor_xml__parse(&doc, "", "word/comments.xml", comments, len, &err))
		return 0;
	for (c = xmlDocGetRootElement(doc)->children; c; c = c->next) {
		xmlChar *v = c->type == XML_ELEMENT_NODE ? xmlGetNsProp(c, (const xmlChar *)"id", (const xmlChar *)W_NS) : NULL;
		unsigned long id = v ? strtoul((const char *)v, NULL, 10) : 0;

		if (v && id + 1 > next)
			next = id + 1;
		xmlFree(v);
	}
	xmlFreeDoc(doc);
	return next;
}

/* Add an element to part `old` (or a new part with root `root`) unless an
 * element with attribute key=value is there already. */
static char *ensure(const char *old, size_t oldlen, const char *what, const char *ns,
                    const char *root_name, const char *el, const char *key, const char *value,
                    const char *const *attrs, size_t *len)
{
	void *doc = NULL;
	xmlNode *root, *c;
	lor_error err;
	char *out;
	size_t k;

	if (old) {
		if (lor_xml__parse(&doc, "", what, old, oldlen, &err))
			return NULL;
		root = xmlDocGetRootElement(doc);
	} else {
		doc = xmlNewDoc((const xmlChar *)"1.0");
		root = xmlNewNode(NULL, (const xmlChar *)root_name);
		xmlSetNs(root, xmlNewNs(root, (const xmlChar *)ns, NULL));
		xmlDocSetRootElement(doc, root);
	}
	for (c = root->children; c; c = c->next) {
		xmlChar *v = c->type == XML_ELEMENT_NODE ? xmlGetProp(c, (const xmlChar *)key) : NULL;
		int same = v && !strcmp((const char *)v, value);

		xmlFree(v);
		if (same)
			break;
	}
	if (!c) {
		c = xmlNewChild(root, root->ns, (const xmlChar *)el, NULL);
		for (k = 0; attrs[k]; k += 2)
			xmlNewProp(c, (const xmlChar *)attrs[k], (const xmlChar *)attrs[k + 1]);
	}
	out = dump(doc, len);
	xmlFreeDoc(doc);
	return out;
}

/* ------------------------------------------------------------ the archive */

typedef struct part {
	const char *name;
	char *data;
	size_t len;
} part;

/* Write the archive: every entry of `in` (NULL for none) copied as it is
 * unless a part replaces it, then the new parts. */
static int write_zip(FILE *fp, zip_t *in, part *parts, size_t nparts)
{
	zip_error_t ze;
	zip_source_t *buf;
	zip_t *out;
	zip_int64_t i, n = in ? zip_get_num_entries(in, 0) : 0;
	size_t k;
	int rc = LOR_OK;
	char chunk[16384];

	zip_error_init(&ze);
	if (!(buf = zip_source_buffer_create(NULL, 0, 0, &ze)))
		return LOR_ENOMEM;
	zip_source_keep(buf);
	if (!(out = zip_open_from_source(buf, ZIP_TRUNCATE, &ze))) {
		zip_source_free(buf);
		return LOR_ENOMEM;
	}
	for (i = 0; i < n && !rc; i++) {
		const char *name = zip_get_name(in, (zip_uint64_t)i, 0);
		zip_source_t *s = NULL;
		zip_stat_t st;
		zip_int64_t ix;

		for (k = 0; k < nparts && name && strcmp(parts[k].name, name); k++)
			;
		zip_stat_init(&st);
		zip_stat_index(in, (zip_uint64_t)i, 0, &st);
		if (k < nparts) {
			s = zip_source_buffer(out, parts[k].data, parts[k].len, 0);
			parts[k].name = ""; /* written */
		} else {
			s = zip_source_zip(out, in, (zip_uint64_t)i, ZIP_FL_COMPRESSED, 0, -1);
		}
		if (!s || !name || (ix = zip_file_add(out, name, s, ZIP_FL_ENC_UTF_8)) < 0) {
			/* an entry that cannot be copied (two of one name, a damaged
			 * header) is damage, unless libzip ran out of memory */
			rc = zip_error_code_zip(zip_get_error(out)) == ZIP_ER_MEMORY ? LOR_ENOMEM : LOR_EINPUT;
			zip_source_free(s);
			break;
		}
		if (st.valid & ZIP_STAT_MTIME)
			zip_file_set_mtime(out, (zip_uint64_t)ix, st.mtime, 0);
		if (k < nparts && !strcmp(name, "mimetype"))
			zip_set_file_compression(out, (zip_uint64_t)ix, ZIP_CM_STORE, 0);
	}
	for (k = 0; k < nparts && !rc; k++) {
		zip_source_t *s;
		zip_int64_t ix;

		if (!*parts[k].name)
			continue;
		if (!(s = zip_source_buffer(out, parts[k].data, parts[k].len, 0)) ||
		    (ix = zip_file_add(out, parts[k].name, s, ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(s);
			rc = LOR_ENOMEM;
			break;
		}
		/* a reproducible copy: new parts get a fixed time (1 January 2000) */
		zip_file_set_mtime(out, (zip_uint64_t)ix, 946684800, 0);
		if (!strcmp(parts[k].name, "mimetype"))
			zip_set_file_compression(out, (zip_uint64_t)ix, ZIP_CM_STORE, 0);
	}
	if (rc || zip_close(out)) {
		/* closing reads the copied entries: a damaged one fails here */
		zip_discard(out);
		zip_source_free(buf);
		return rc ? rc : LOR_EINPUT;
	}
	if (zip_source_open(buf) == 0) {
		zip_int64_t got;

		while ((got = zip_source_read(buf, chunk, sizeof(chunk))) > 0)
			if (fwrite(chunk, 1, (size_t)got, fp) != (size_t)got) {
				rc = LOR_EIO;
				break;
			}
		zip_source_close(buf);
	} else {
		rc = LOR_ENOMEM;
	}
	zip_source_free(buf);
	return rc;
}

/* ------------------------------------------------------------ fresh copies */

/* s escaped for XML text; control characters XML cannot hold become spaces. */
static int add_escaped(lor_buf *b, const char *s, size_t n)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < n && !rc; i++) {
		unsigned char c = (unsigned char)s[i];

		rc = c == '&' ? lor_buf__adds(b, "&amp;") : c == '<' ? lor_buf__adds(b, "&lt;")
		   : c == '>' ? lor_buf__adds(b, "&gt;") : c < 0x20 ? lor_buf__add(b, " ", 1)
		   : lor_buf__add(b, s + i, 1);
	}
	return rc;
}

/* A minimal .docx or .odt holding text, one paragraph per line. */
static int fresh(lor_buf *out, const char *text, size_t len, int odt)
{
	static const char *const docx_ct =
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		"<Types xmlns=\"" CT_NS "\"><Default Extension=\"rels\" ContentType=\""
		"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
		"ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\""
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
	static const char *const docx_rels =
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		"<Relationships xmlns=\"" REL_NS "\"><Relationship Id=\"rId1\" Type=\""
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
		"Target=\"word/document.xml\"/></Relationships>";
	static const char *const odt_manifest =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
		"manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
		"manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry "
		"manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
	static const char *const odt_mime = "application/vnd.oasis.opendocument.text";
	lor_buf body = LOR_BUF_INIT;
	size_t i = 0;
	int rc;
	part parts[4];
	char *data;
	size_t n;
	FILE *fp;

	rc = lor_buf__adds(&body, odt
	     ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content xmlns:office=\"" OFFICE_NS
	       "\" xmlns:text=\"" TEXT_NS "\" xmlns:dc=\"" DC_NS "\" office:version=\"1.2\"><office:body>"
	       "<office:text>"
	     : "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" W_NS
	       "\"><w:body>");
	while (!rc && i <= len) {
		size_t e = i;

		while (e < len && text[e] != '\n')
			e++;
		if (e == len && i == len)
			break;
		if (odt)
			rc = lor_buf__adds(&body, "<text:p>") || add_escaped(&body, text + i, e - i) ||
			     lor_buf__adds(&body, "</text:p>");
		else
			rc = lor_buf__adds(&body, "<w:p><w:r><w:t xml:space=\"preserve\">") ||
			     add_escaped(&body, text + i, e - i) || lor_buf__adds(&body, "</w:t></w:r></w:p>");
		i = e + 1;
	}
	if (!rc)
		rc = lor_buf__adds(&body, odt ? "</office:text></office:body></office:document-content>"
		                              : "</w:body></w:document>");
	if (rc) {
		lor_buf__release(&body);
		return LOR_ENOMEM;
	}
	if (odt) {
		parts[0] = (part){ "mimetype", (char *)odt_mime, strlen(odt_mime) };
		parts[1] = (part){ "META-INF/manifest.xml", (char *)odt_manifest, strlen(odt_manifest) };
		parts[2] = (part){ "content.xml", body.data, body.len };
		n = 3;
	} else {
		parts[0] = (part){ "[Content_Types].xml", (char *)docx_ct, strlen(docx_ct) };
		parts[1] = (part){ "_rels/.rels", (char *)docx_rels, strlen(docx_rels) };
		parts[2] = (part){ "word/document.xml", body.data, body.len };
		n = 3;
	}
	data = NULL;
	{
		size_t dlen = 0;

		if (!(fp = open_memstream(&data, &dlen))) {
			lor_buf__release(&body);
			return LOR_ENOMEM;
		}
		rc = write_zip(fp, NULL, parts, n);
		if (fclose(fp))
			rc = LOR_ENOMEM;
		if (!rc)
			rc = lor_buf__add(out, data, dlen);
	}
	free(data);
	lor_buf__release(&body);
	return rc;
}

/* ------------------------------------------------------------ the format */

static int annotate(lor_reporter *rep, const lor_report *r, int odt)
{
	const lor_document *doc = lor_report_document(r);
	lor_xopts xo = { doc->original, NULL };
	lor_buf made = LOR_BUF_INIT;
	const char *src = doc->src;
	size_t srclen = doc->src_len, k, nparts = 0, plen;
	lor_error err;
	lor_xzip z;
	job j;
	part parts[4];
	char *old = NULL;
	int rc;

	if ((rc = lor_dl__need(doc->path, &err)))
		return rc;
	memset(&j, 0, sizeof(j));
	j.rep = rep;
	j.r = r;
	j.odt = odt;
	j.elsewhere = (lor_buf)LOR_BUF_INIT;
	memset(&z, 0, sizeof(z));
	if (doc->fmt != (odt ? LOR_FMT_ODT : LOR_FMT_DOCX)) {
		size_t olen;
		const char *orig = lor_document_bytes(doc, &olen);

		if ((rc = fresh(&made, orig, olen, odt)))
			return rc;
		src = made.data;
		srclen = made.len;
		xo.original = 0;
	}
	lor_xt__init(&j.xt, 1);
	rc = odt ? lor_odt__extract(&j.xt, doc->path, src, srclen, &xo, &j.dom, &err)
	         : lor_docx__extract(&j.xt, doc->path, src, srclen, &xo, &j.dom, &err);
	if (!rc)
		rc = lor_xt__finish(&j.xt);
	if (!rc)
		rc = lor_xzip__open(&z, doc->path, src, srclen, &err);
	if (!rc && !odt) {
		rc = lor_xzip__read(&z, "word/comments.xml", &old, &plen, &err);
		if (rc == LOR_ENOTFOUND)
			rc = LOR_OK;
		j.first_id = old ? free_id(old, plen) : 0;
	}
	if (!rc)
		rc = plan(&j);
	if (!rc) {
		qsort(j.marks, j.nmarks, sizeof(mark), cmp_mark);
		rc = odt ? odt_marks(&j) : docx_marks(&j);
	}
	if (!rc) {
		parts[nparts].name = odt ? "content.xml" : "word/document.xml";
		rc = (parts[nparts].data = dump(j.dom, &parts[nparts].len)) ? LOR_OK : LOR_ENOMEM;
		nparts++;
	}
	if (!rc && !odt) {
		static const char *const rel[] = { "Id", "rIdLorlintComments", "Type", COMMENTS_REL,
		                                   "Target", "comments.xml", NULL };
		static const char *const ct[] = { "PartName", "/word/comments.xml", "ContentType", COMMENTS_CT, NULL };
		char *rels = NULL, *types = NULL;
		size_t rl = 0, tl = 0;

		parts[nparts].name = "word/comments.xml";
		parts[nparts].data = comments_part(&j, old, plen, &parts[nparts].len);
		rc = parts[nparts++].data ? LOR_OK : LOR_ENOMEM;
		if (!rc && (rc = lor_xzip__read(&z, "word/_rels/document.xml.rels", &rels, &rl, &err)) == LOR_ENOTFOUND)
			rc = LOR_OK;
		if (!rc) {
			parts[nparts].name = "word/_rels/document.xml.rels";
			parts[nparts].data = ensure(rels, rl, "word/_rels/document.xml.rels", REL_NS, "Relationships",
			                            "Relationship", "Type", COMMENTS_REL, rel, &parts[nparts].len);
			rc = parts[nparts++].data ? LOR_OK : LOR_ENOMEM;
		}
		/* a package without content types (not one Word wrote) is left so */
		if (!rc && (rc = lor_xzip__read(&z, "[Content_Types].xml", &types, &tl, &err)) == LOR_OK) {
			parts[nparts].name = "[Content_Types].xml";
			parts[nparts].data = ensure(types, tl, "[Content_Types].xml", CT_NS, "Types", "Override",
			                            "PartName", "/word/comments.xml", ct, &parts[nparts].len);
			rc = parts[nparts++].data ? LOR_OK : LOR_ENOMEM;
		} else if (rc == LOR_ENOTFOUND) {
			rc = LOR_OK;
		}
		free(rels);
		free(types);
	}
	if (!rc)
		rc = write_zip(rep->fp, z.za, parts, nparts);
	for (k = 0; k < nparts; k++)
		free(parts[k].data);
	lor_xzip__close(&z);
	free(old);
	lor_xml__free(j.dom);
	lor_xt__release(&j.xt);
	for (k = 0; k < j.nnotes; k++)
		free(j.notes[k]);
	free(j.notes);
	free(j.marks);
	lor_buf__release(&j.elsewhere);
	lor_buf__release(&made);
	return rc == LOR_EINPUT || rc == LOR_ENOTFOUND ? LOR_EINPUT : rc;
}

static int file_docx(lor_reporter *rep, const lor_report *r)
{
	/* one letter, one copy: a second would be written over the first */
	if (rep->files > 1)
		return LOR_EARG;
	return annotate(rep, r, 0);
}

static int file_odt(lor_reporter *rep, const lor_report *r)
{
	if (rep->files > 1)
		return LOR_EARG;
	return annotate(rep, r, 1);
}

const lor_reporter_ops lor_report_docx = { "docx", file_docx, NULL, NULL, NULL, NULL };
const lor_reporter_ops lor_report_odt = { "odt", file_odt, NULL, NULL, NULL, NULL };
