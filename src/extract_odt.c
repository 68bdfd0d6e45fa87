/* extract_odt.c - the text of an OpenDocument (.odt) letter, as the reader sees it.
 *
 * content.xml's office:text is walked in document order (OpenDocument 1.3,
 * part 3, chapter 5): paragraphs and headings (text:p, text:h) in the body,
 * in lists, table cells and text boxes; spans, links and fields inside them
 * give their displayed text; text:s, text:tab and text:line-break are the
 * spaces, tabs and breaks they stand for. Existing comments (office:annotation)
 * are not the letter's text. Footnotes (text:note-body) are read after the
 * body, and the headers and footers of the page styles (styles.xml) before
 * and after it, as in a .docx.
 *
 * Tracked changes (text:tracked-changes) are read as accepted by default:
 * the inserted text is in the body already, the deleted text sits in the
 * change list and is left there. With `original`, insertions
 * (text:change-start .. text:change-end of an insertion region) are skipped
 * and each deletion's text is put back where its text:change mark stands.
 * A package whose manifest has encryption data is password-protected and is
 * refused.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "dynlib.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define SVG_NS "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"

typedef struct walk {
	lor_xtext *xt;
	int original, part, in_para;
	void *para;
	int skip;              /* inside an insertion, in the original view */
	int inline_only;       /* putting a deletion back: no new paragraphs */
	xmlNode *changes;      /* text:tracked-changes */
	xmlNode **notes;       /* note bodies, read after the body */
	size_t nnotes, capnotes;
} walk;

static int is_in(const xmlNode *n, const char *ns, const char *name)
{
	/* the short name first: most elements differ there */
	return n->type == XML_ELEMENT_NODE && (!name || !strcmp((const char *)n->name, name)) && n->ns &&
	       n->ns->href && !strcmp((const char *)n->ns->href, ns);
}

static int walk_children(walk *w, xmlNode *n, int depth);

static int paragraph(walk *w, xmlNode *p, int depth)
{
	int was = w->in_para, rc;
	void *outer = w->para;

	if (w->inline_only)
		return walk_children(w, p, depth + 1);
	if (lor_xt__para(w->xt, w->part, p))
		return LOR_ENOMEM;
	w->in_para = 1;
	w->para = p;
	rc = walk_children(w, p, depth + 1);
	w->in_para = was;
	w->para = outer;
	if (!rc && was && lor_xt__para(w->xt, w->part, outer))
		return LOR_ENOMEM;
	return rc;
}

/* The changed region with this id, and whether it is an insertion (1), a
 * deletion (2) or something else (0). */
static int region(const walk *w, const xmlNode *mark, xmlNode **out)
{
	char *id = lor_xml__prop(mark, "change-id", TEXT_NS, 0);
	xmlNode *r, *c;
	int kind = 0;

	*out = NULL;
	if (!id || !w->changes) {
		free(id);
		return 0;
	}
	for (r = w->changes->children; r && !kind; r = r->next) {
		char *rid;

		if (!is_in(r, TEXT_NS, "changed-region"))
			continue;
		rid = lor_xml__prop(r, "id", TEXT_NS, 0);
		if (!rid) /* ODF 1.1 used xml:id alone */
			rid = lor_xml__prop(r, "id", NULL, 1);
		if (rid && !strcmp(rid, id))
			for (c = r->children; c && !kind; c = c->next) {
				if (is_in(c, TEXT_NS, "insertion"))
					kind = 1;
				else if (is_in(c, TEXT_NS, "deletion"))
					kind = 2;
				*out = c;
			}
		free(rid);
	}
	free(id);
	return kind;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Character data of a paragraph. ODF collapses white space in text (a run
 * of spaces, tabs and line ends is one space; text:s and text:tab are the
 * written ones), so the XML's own line breaks and indentation never reach the
 * letter; text between paragraphs is only indentation and is left out. */
static int text_node(walk *w, xmlNode *c)
{
	const char *s = (const char *)c->content;
	size_t i = 0;

	if (w->skip || !s || !(w->in_para || w->inline_only))
		return LOR_OK;
	while (s[i]) {
		size_t start = i;

		if (is_ws(s[i])) {
			const lor_buf *t = &w->xt->text;

			while (is_ws(s[i]))
				i++;
			/* one space, none at the paragraph's start or after another */
			if (t->len > w->xt->paras[w->xt->npara - 1].start && t->data[t->len - 1] != ' ' &&
			    t->data[t->len - 1] != '\n' && lor_xt__add(w->xt, " ", 1, c, start))
				return LOR_ENOMEM;
			continue;
		}
		while (s[i] && !is_ws(s[i]))
			i++;
		if (lor_xt__add(w->xt, s + start, i - start, c, start))
			return LOR_ENOMEM;
	}
	return LOR_OK;
}

static int node(walk *w, xmlNode *n, int depth)
{
	const char *name = (const char *)n->name;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return text_node(w, n);
	if (n->type != XML_ELEMENT_NODE)
		return LOR_OK;
	if (depth > LOR_X_MAX_DEPTH)
		return LOR_ELIMIT;
	if (is_in(n, OFFICE_NS, "annotation") || is_in(n, OFFICE_NS, "annotation-end") ||
	    is_in(n, SVG_NS, NULL) || is_in(n, OFFICE_NS, "forms"))
		return LOR_OK;
	if (!is_in(n, TEXT_NS, NULL))
		return walk_children(w, n, depth + 1); /* frames, text boxes, tables */
	if (!strcmp(name, "p") || !strcmp(name, "h"))
		return paragraph(w, n, depth);
	if (!strcmp(name, "s")) {
		char *c = lor_xml__prop(n, "c", TEXT_NS, 0);
		long k = c ? strtol(c, NULL, 10) : 1;

		free(c);
		for (k = k < 1 ? 1 : k > 1000 ? 1000 : k; k > 0 && !w->skip; k--)
			if (lor_xt__add(w->xt, " ", 1, NULL, 0))
				return LOR_ENOMEM;
		return LOR_OK;
	}
	if (!strcmp(name, "tab"))
		return w->skip ? LOR_OK : lor_xt__add(w->xt, "\t", 1, NULL, 0);
	if (!strcmp(name, "line-break"))
		return w->skip ? LOR_OK : lor_xt__break(w->xt);
	/* page numbers and counts are furniture of the page, not the letter */
	if (!strcmp(name, "tracked-changes") || !strcmp(name, "sequence-decls") ||
	    !strcmp(name, "page-number") || !strcmp(name, "page-count") ||
	    !strcmp(name, "note-citation") || !strcmp(name, "table-of-content-source") ||
	    !strcmp(name, "soft-page-break"))
		return LOR_OK;
	if (!strcmp(name, "note-body")) {
		if (lor__reserve(&w->notes, &w->capnotes, w->nnotes + 1, sizeof(xmlNode *)))
			return LOR_ENOMEM;
		w->notes[w->nnotes++] = n;
		return LOR_OK;
	}
	if (w->original && (!strcmp(name, "change-start") || !strcmp(name, "change-end") ||
	                    !strcmp(name, "change"))) {
		xmlNode *r;
		int kind = region(w, n, &r);

		if (kind == 1 && !strcmp(name, "change-start"))
			w->skip++;
		else if (kind == 1 && !strcmp(name, "change-end") && w->skip > 0)
			w->skip--;
		if (kind == 2 && !strcmp(name, "change") && !w->skip) {
			int was = w->inline_only, rc;

			w->inline_only = w->in_para; /* inside a paragraph: put the words back inline */
			rc = walk_children(w, r, depth + 1);
			w->inline_only = was;
			return rc;
		}
		return LOR_OK;
	}
	return walk_children(w, n, depth + 1);
}

static int walk_children(walk *w, xmlNode *n, int depth)
{
	xmlNode *c;
	int rc;

	for (c = n->children; c; c = c->next) {
		if (is_in(c, OFFICE_NS, "change-info"))
			continue;
		if ((rc = node(w, c, depth)))
			return rc;
	}
	return LOR_OK;
}

/* The first descendant element ns:name of n (breadth is small here). */
static xmlNode *find(xmlNode *n, const char *ns, const char *name, int depth)
{
	xmlNode *c, *f;

	if (depth > 8)
		return NULL;
	for (c = n->children; c; c = c->next) {
		if (is_in(c, ns, name))
			return c;
		if (c->type == XML_ELEMENT_NODE && (f = find(c, ns, name, depth + 1)))
			return f;
	}
	return NULL;
}

/* The headers (header = 1) or footers of every master page in styles.xml. */
static int page_parts(walk *w, xmlNode *styles_root, int header)
{
	xmlNode *ms = styles_root ? find(styles_root, OFFICE_NS, "master-styles", 0) : NULL, *mp, *c;
	int rc;

	if (!ms)
		return LOR_OK;
	w->part = header ? LOR_PART_HEADER : LOR_PART_FOOTER;
	for (mp = ms->children; mp; mp = mp->next) {
		if (!is_in(mp, STYLE_NS, "master-page"))
			continue;
		for (c = mp->children; c; c = c->next)
			if (is_in(c, STYLE_NS, NULL) && !strncmp((const char *)c->name, header ? "header" : "footer", 6) &&
			    !strstr((const char *)c->name, "style") && (rc = walk_children(w, c, 2)))
				return rc;
	}
	return LOR_OK;
}

static int finish_rc(int rc, const char *path, const char *what, lor_error *err)
{
	if (rc == LOR_ELIMIT)
		return lor_error__set(err, LOR_EINPUT, path, 0, 0, "'%s' is nested too deeply", what);
	if (rc == LOR_ENOMEM)
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	return rc;
}

int lor_odt__extract(lor_xtext *xt, const char *path, const char *data, size_t len,
                     const lor_xopts *o, void **keep, lor_error *err)
{
	lor_xzip z;
	walk w;
	char *buf = NULL;
	size_t n, k;
	void *content = NULL, *styles = NULL;
	xmlNode *root, *text;
	int rc;

	memset(&w, 0, sizeof(w));
	w.xt = xt;
	w.original = o ? o->original : 0;
	if ((rc = lor_xzip__open_read(&z, path, data, len, err)))
		return rc;
	rc = lor_xzip__read(&z, "META-INF/manifest.xml", &buf, &n, err);
	if (!rc && strstr(buf, "encryption-data"))
		rc = lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                    "encrypted or password-protected document: save it without a password");
	free(buf);
	buf = NULL;
	if (rc == LOR_ENOTFOUND)
		rc = LOR_OK;
	if (!rc && (rc = lor_xzip__read(&z, "content.xml", &buf, &n, err)) == LOR_ENOTFOUND)
		rc = lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                    "not an OpenDocument text (no 'content.xml' in the archive)");
	if (!rc)
		rc = keep ? lor_xml__parse(&content, path, "content.xml", buf, n, err) /* the annotators edit it */
		          : lor_xml__read(&content, path, "content.xml", buf, n, err);
	free(buf);
	buf = NULL;
	if (!rc && (rc = lor_xzip__read(&z, "styles.xml", &buf, &n, err)) == LOR_ENOTFOUND)
		rc = LOR_OK;
	else if (!rc)
		rc = lor_xml__read(&styles, path, "styles.xml", buf, n, err);
	free(buf);
	lor_xzip__close(&z);
	if (rc) {
		lor_xml__free(content);
		return rc;
	}
	root = lor_xml__root(content);
	if (!(text = find(root, OFFICE_NS, "text", 0))) {
		lor_xml__free(content);
		lor_xml__free(styles);
		return lor_error__set(err, LOR_EINPUT, path, 0, 0, "not an OpenDocument text (no office:text)");
	}
	w.changes = find(text, TEXT_NS, "tracked-changes", 0);
	rc = page_parts(&w, styles ? lor_xml__root(styles) : NULL, 1);
	w.part = LOR_PART_BODY;
	if (!rc)
		rc = walk_children(&w, text, 2);
	w.part = LOR_PART_FOOTNOTE;
	for (k = 0; !rc && k < w.nnotes; k++)
		rc = walk_children(&w, w.notes[k], 2);
	if (!rc)
		rc = page_parts(&w, styles ? lor_xml__root(styles) : NULL, 0);
	free(w.notes);
	lor_xml__free(styles);
	rc = finish_rc(rc, path, "content.xml", err);
	if (keep && !rc)
		*keep = content;
	else
		lor_xml__free(content);
	return rc;
}
