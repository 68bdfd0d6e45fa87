/* extract_docx.c - the text of a Word (.docx, Office Open XML) letter, as the reader sees it.
 *
 * word/document.xml is walked in document order (ECMA-376 Part 1, 17.3):
 * paragraphs (w:p) in the body, in table cells and in text boxes, their runs
 * (w:r) and the text (w:t), tabs, breaks and non-breaking hyphens inside
 * them, whatever wraps the runs (hyperlinks, smart tags, content controls,
 * simple fields). Runs split inside a word ("I th" + "ink") join up because
 * text is appended as it comes, with nothing between runs.
 *
 * What a reader does not see is left out: the instructions of complex fields
 * (w:instrText between w:fldChar begin and separate; the displayed result
 * after separate is kept), properties, the VML fallback of a text box that
 * also has a DrawingML version (mc:Fallback), existing comments (a separate
 * part, never read) and, by default, deleted text: tracked changes are read
 * as accepted (w:ins and w:moveTo kept, w:del and w:moveFrom dropped), or
 * with `original` as before them (the reverse, w:delText read).
 *
 * Headers come before the body and footnotes, endnotes and footers after it,
 * each numbered as its own part. A document encrypted with a password is an
 * OLE container, not a zip, and is refused before this file is reached.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "dynlib.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

typedef struct walk {
	lor_xtext *xt;
	int original;
	int part;
	/* complex fields, innermost last: FLD_INSTR while the instruction is
	 * read, FLD_SHOWN for a displayed result, FLD_HIDDEN for the result of a
	 * page-number field (furniture of the page, not the letter) */
	unsigned char fld[64];
	size_t nfld;
	char instr[32];        /* the start of the innermost field's instruction */
	size_t ninstr;
	int in_para;
	void *para;
} walk;

enum { FLD_SHOWN = 0, FLD_INSTR = 1, FLD_HIDDEN = 2 };

/* Is a field instruction a page number or count ("PAGE", " NUMPAGES \\* Arabic")? */
static int page_field(const char *instr)
{
	static const char *const names[] = { "PAGE", "NUMPAGES", "SECTIONPAGES", NULL };
	char word[16];
	size_t i = 0, n = 0;

	while (instr[i] == ' ')
		i++;
	while (instr[i] && instr[i] != ' ' && n + 1 < sizeof(word))
		word[n++] = instr[i++];
	word[n] = '\0';
	return lor__name_index(names, word) >= 0;
}

static int is_ns(const xmlNode *n, const char *ns)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href && !strcmp((const char *)n->ns->href, ns);
}

/* Text is shown unless we are inside the instruction of a complex field. */
static int showing(const walk *w)
{
	size_t i;

	for (i = 0; i < w->nfld; i++)
		if (w->fld[i])
			return 0;
	return 1;
}

static const char *w_attr(const xmlNode *n, const char *name, char *buf, size_t len)
{
	char *v = lor_xml__prop(n, name, W_NS, 0);

	if (!v)
		return NULL;
	snprintf(buf, len, "%s", v);
	free(v);
	return buf;
}

static int walk_children(walk *w, xmlNode *n, int depth);

/* A text element (w:t, or w:delText in the original view): its text node. */
static int text_of(walk *w, xmlNode *el)
{
	xmlNode *c;

	if (!showing(w))
		return LOR_OK;
	for (c = el->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			if (lor_xt__add(w->xt, (const char *)c->content, strlen((const char *)c->content), c, 0))
				return LOR_ENOMEM;
	return LOR_OK;
}

static int field_char(walk *w, xmlNode *n)
{
	char t[32];

	if (!w_attr(n, "fldCharType", t, sizeof(t)))
		return LOR_OK;
	if (!strcmp(t, "begin")) {
		if (w->nfld < sizeof(w->fld))
			w->fld[w->nfld] = FLD_INSTR;
		w->nfld++;
		w->ninstr = 0;
	} else if (!strcmp(t, "separate")) {
		w->instr[w->ninstr] = '\0';
		if (w->nfld && w->nfld <= sizeof(w->fld))
			w->fld[w->nfld - 1] = page_field(w->instr) ? FLD_HIDDEN : FLD_SHOWN;
	} else if (!strcmp(t, "end") && w->nfld) {
		w->nfld--;
	}
	return LOR_OK;
}

static int paragraph(walk *w, xmlNode *p, int depth)
{
	int was = w->in_para, rc;
	void *outer = w->para;

	if (lor_xt__para(w->xt, w->part, p))
		return LOR_ENOMEM;
	w->in_para = 1;
	w->para = p;
	rc = walk_children(w, p, depth + 1);
	w->in_para = was;
	w->para = outer;
	/* a text box inside a paragraph: the rest of the outer one goes on */
	if (!rc && was && lor_xt__para(w->xt, w->part, outer))
		return LOR_ENOMEM;
	return rc;
}

static int node(walk *w, xmlNode *n, int depth)
{
	const char *name = (const char *)n->name;

	if (n->type != XML_ELEMENT_NODE)
		return LOR_OK;
	if (depth > LOR_X_MAX_DEPTH)
		return LOR_ELIMIT;
	if (is_ns(n, MC_NS))
		/* mc:AlternateContent offers the same content twice: read the choice */
		return !strcmp(name, "Fallback") ? LOR_OK : walk_children(w, n, depth + 1);
	if (!is_ns(n, W_NS))
		return walk_children(w, n, depth + 1); /* drawings and text boxes lead to w:txbxContent */
	if (!strcmp(name, "p"))
		return paragraph(w, n, depth);
	if (!strcmp(name, "t"))
		return text_of(w, n);
	if (!strcmp(name, "delText"))
		return w->original ? text_of(w, n) : LOR_OK;
	if (!strcmp(name, "ins") || !strcmp(name, "moveTo"))
		return w->original ? LOR_OK : walk_children(w, n, depth + 1);
	if (!strcmp(name, "del") || !strcmp(name, "moveFrom"))
		return w->original ? walk_children(w, n, depth + 1) : LOR_OK;
	if (!strcmp(name, "tab") || !strcmp(name, "ptab"))
		return showing(w) ? lor_xt__add(w->xt, "\t", 1, NULL, 0) : LOR_OK;
	if (!strcmp(name, "br") || !strcmp(name, "cr"))
		return showing(w) ? lor_xt__break(w->xt) : LOR_OK;
	if (!strcmp(name, "noBreakHyphen"))
		return showing(w) ? lor_xt__add(w->xt, "\xE2\x80\x91", 3, NULL, 0) : LOR_OK;
	if (!strcmp(name, "fldChar"))
		return field_char(w, n);
	if (!strcmp(name, "instrText")) {
		char *v = lor_xml__text(n);
		size_t k;

		for (k = 0; v && v[k] && w->ninstr + 1 < sizeof(w->instr); k++)
			w->instr[w->ninstr++] = v[k];
		free(v);
		return LOR_OK;
	}
	if (!strcmp(name, "fldSimple")) {
		char instr[64];

		if (w_attr(n, "instr", instr, sizeof(instr)) && page_field(instr))
			return LOR_OK;
		return walk_children(w, n, depth + 1);
	}
	/* No text a reader sees: properties, field instructions, comment
	 * marks, the paragraph-mark and cell properties; a symbol (w:sym) is a
	 * glyph of a symbol font, not a word. */
	if (!strcmp(name, "pPr") || !strcmp(name, "rPr") || !strcmp(name, "sectPr") ||
	    !strcmp(name, "tblPr") || !strcmp(name, "tcPr") || !strcmp(name, "trPr") ||
	    !strcmp(name, "tblGrid") || !strcmp(name, "sdtPr") || !strcmp(name, "sdtEndPr") ||
	    !strcmp(name, "delInstrText") || !strcmp(name, "sym") ||
	    !strcmp(name, "commentReference") || !strcmp(name, "footnoteReference") ||
	    !strcmp(name, "endnoteReference") || !strcmp(name, "annotationRef"))
		return LOR_OK;
	return walk_children(w, n, depth + 1);
}

static int walk_children(walk *w, xmlNode *n, int depth)
{
	xmlNode *c;
	int rc;

	for (c = n->children; c; c = c->next)
		if ((rc = node(w, c, depth)))
			return rc;
	return LOR_OK;
}

/* Read part `name` (if the archive has it) as `part`. For footnotes and
 * endnotes, the separator notes Word keeps there are skipped. */
static int read_part(lor_xzip *z, walk *w, const char *name, int part, void **keep, lor_error *err)
{
	char *data = NULL;
	size_t len;
	void *doc = NULL;
	xmlNode *root, *c;
	int rc = lor_xzip__read(z, name, &data, &len, err);

	if (rc == LOR_ENOTFOUND)
		return part == LOR_PART_BODY
		       ? lor_error__set(err, LOR_EINPUT, z->path, 0, 0, "not a Word document (no '%s')", name)
		       : LOR_OK;
	if (rc)
		return rc;
	/* the annotators edit the body: libxml2's own tree for them */
	rc = keep ? lor_xml__parse(&doc, z->path, name, data, len, err)
	          : lor_xml__read(&doc, z->path, name, data, len, err);
	free(data);
	if (rc)
		return rc;
	root = lor_xml__root(doc);
	w->part = part;
	w->nfld = 0;
	if (part == LOR_PART_FOOTNOTE) {
		for (c = root->children; c && !rc; c = c->next) {
			char t[32];

			if (c->type == XML_ELEMENT_NODE && !w_attr(c, "type", t, sizeof(t)))
				rc = node(w, c, 1);
		}
	} else {
		rc = walk_children(w, root, 1);
	}
	if (rc == LOR_ELIMIT)
		rc = lor_error__set(err, LOR_EINPUT, z->path, 0, 0, "'%s' is nested too deeply", name);
	else if (rc == LOR_ENOMEM)
		rc = lor_error__set(err, LOR_ENOMEM, z->path, 0, 0, "out of memory");
	if (keep && !rc)
		*keep = doc;
	else
		lor_xml__free(doc);
	return rc;
}

/* The archive's entries named prefix<digits>.xml, in name order. */
static int parts_named(lor_xzip *z, walk *w, const char *prefix, int part, lor_error *err)
{
	size_t i, n = lor_xzip__count(z);
	char **names = NULL;
	size_t count = 0, cap = 0, k;
	int rc = LOR_OK;

	for (i = 0; i < n; i++) {
		const char *nm = lor_xzip__name(z, i);
		size_t pl = strlen(prefix), l;

		if (!nm || strncmp(nm, prefix, pl) || (l = strlen(nm)) < pl + 5 || strcmp(nm + l - 4, ".xml") ||
		    strspn(nm + pl, "0123456789") != l - pl - 4)
			continue;
		if (lor__reserve(&names, &cap, count + 1, sizeof(char *)) || !(names[count] = lor__strdup(nm))) {
			rc = lor_error__set(err, LOR_ENOMEM, z->path, 0, 0, "out of memory");
			break;
		}
		count++;
	}
	/* header1, header2, ... header10: by number, as Word numbers them */
	for (k = 1; k < count; k++) {
		char *v = names[k];
		size_t j = k;

		while (j > 0 && (strlen(names[j - 1]) > strlen(v) ||
		                 (strlen(names[j - 1]) == strlen(v) && strcmp(names[j - 1], v) > 0))) {
			names[j] = names[j - 1];
			j--;
		}
		names[j] = v;
	}
	for (k = 0; k < count; k++) {
		if (!rc)
			rc = read_part(z, w, names[k], part, NULL, err);
		free(names[k]);
	}
	free(names);
	return rc;
}

int lor_docx__extract(lor_xtext *xt, const char *path, const char *data, size_t len,
                      const lor_xopts *o, void **keep, lor_error *err)
{
	lor_xzip z;
	walk w;
	int rc;

	memset(&w, 0, sizeof(w));
	w.xt = xt;
	w.original = o ? o->original : 0;
	if ((rc = lor_xzip__open_read(&z, path, data, len, err)))
		return rc;
	if (lor_xzip__has(&z, "EncryptionInfo")) {
		lor_xzip__close(&z);
		return lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                      "encrypted or password-protected document: save it without a password");
	}
	if (!lor_xzip__has(&z, "word/document.xml")) {
		lor_xzip__close(&z);
		return lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                      "not a Word document (no 'word/document.xml' in the archive)");
	}
	rc = parts_named(&z, &w, "word/header", LOR_PART_HEADER, err);
	if (!rc)
		rc = read_part(&z, &w, "word/document.xml", LOR_PART_BODY, keep, err);
	if (!rc)
		rc = read_part(&z, &w, "word/footnotes.xml", LOR_PART_FOOTNOTE, NULL, err);
	if (!rc)
		rc = read_part(&z, &w, "word/endnotes.xml", LOR_PART_FOOTNOTE, NULL, err);
	if (!rc)
		rc = parts_named(&z, &w, "word/footer", LOR_PART_FOOTER, err);
	lor_xzip__close(&z);
	if (rc && keep && *keep) {
		lor_xml__free(*keep);
		*keep = NULL;
	}
	return rc;
}
