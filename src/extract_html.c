/* extract_html.c - the visible text of an HTML letter.
 *
 * libxml2's HTML parser (which tolerates real-world tag soup and decodes
 * character entities) builds the tree, with no network access; this file
 * walks it as a browser would lay it out in reading order: block elements
 * (p, div, li, headings, table cells, ...) are paragraphs, br is a line
 * break, and runs of white space collapse to one space outside pre. What a
 * reader never sees is left out: the head, scripts, styles, templates,
 * embedded objects, and elements hidden with the hidden attribute,
 * aria-hidden="true", an inline display:none or visibility:hidden, or
 * input type=hidden.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "dynlib.h"

typedef struct walk {
	lor_xtext *xt;
	int pre, space; /* inside pre; a space is due before the next word */
} walk;

static const char *const blocks[] = {
	"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "tr",
	"section", "article", "header", "footer", "address", "dd", "dt", "figcaption", "caption",
	"main", "aside", "nav", "ul", "ol", "dl", "table", "form", "fieldset", "center", "body", NULL
};
static const char *const unseen[] = {
	"head", "script", "style", "noscript", "template", "object", "embed", "iframe", "svg",
	"canvas", "audio", "video", "select", "datalist", "map", "title", "meta", "link", NULL
};

static int lower_eq(const xmlChar *v, const char *s)
{
	return v && !lor__strcasecmp((const char *)v, s);
}

/* Does an inline style hide the element? (display:none, visibility:hidden) */
static int style_hides(const xmlChar *style)
{
	char buf[512];
	size_t i, n = 0;

	if (!style)
		return 0;
	for (i = 0; style[i] && n + 1 < sizeof(buf); i++) {
		char c = (char)style[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		buf[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 'a' - 'A') : c;
	}
	buf[n] = '\0';
	return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

static int hidden(xmlNode *n)
{
	static const char *const attrs[] = { "aria-hidden", "style", "type", NULL };
	size_t k;
	int h = xmlHasProp(n, (const xmlChar *)"hidden") != NULL;

	for (k = 0; attrs[k] && !h; k++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[k]);

		if (k == 0)
			h = lower_eq(v, "true");
		else if (k == 1)
			h = style_hides(v);
		else
			h = !xmlStrcasecmp(n->name, (const xmlChar *)"input") && lower_eq(v, "hidden");
		xmlFree(v);
	}
	return h;
}

/* Start a paragraph, unless the open one is still empty: nested blocks
 * (body > div > p) are one paragraph, not a run of empty ones. */
static int new_para(walk *w, xmlNode *n)
{
	lor_xtext *xt = w->xt;

	w->space = 0;
	if (xt->open && xt->text.len == xt->paras[xt->npara - 1].start) {
		xt->paras[xt->npara - 1].node = n;
		return LOR_OK;
	}
	return lor_xt__para(xt, LOR_PART_BODY, n);
}

static int add_text(walk *w, const char *s)
{
	size_t i = 0;

	if (w->pre)
		return lor_xt__add(w->xt, s, strlen(s), NULL, 0);
	while (s[i]) {
		size_t start;

		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f') {
			w->space = 1;
			i++;
			continue;
		}
		start = i;
		while (s[i] && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f')
			i++;
		if (w->space && w->xt->open && w->xt->text.len &&
		    w->xt->text.data[w->xt->text.len - 1] != '\n' && lor_xt__add(w->xt, " ", 1, NULL, 0))
			return LOR_ENOMEM;
		w->space = 0;
		if (lor_xt__add(w->xt, s + start, i - start, NULL, 0))
			return LOR_ENOMEM;
	}
	return LOR_OK;
}

static int walk_node(walk *w, xmlNode *n, int depth)
{
	xmlNode *c;
	int block, was_pre = w->pre, rc;

	if (depth > LOR_X_MAX_DEPTH)
		return LOR_ELIMIT;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return n->content ? add_text(w, (const char *)n->content) : LOR_OK;
	if (n->type != XML_ELEMENT_NODE)
		return LOR_OK;
	if (lor__name_index(unseen, (const char *)n->name) >= 0 || hidden(n))
		return LOR_OK;
	if (!strcmp((const char *)n->name, "br")) {
		w->space = 0;
		return lor_xt__break(w->xt);
	}
	block = lor__name_index(blocks, (const char *)n->name) >= 0;
	if (block && new_para(w, n))
		return LOR_ENOMEM;
	if (!strcmp((const char *)n->name, "pre"))
		w->pre = 1;
	for (c = n->children; c; c = c->next)
		if ((rc = walk_node(w, c, depth + 1)))
			return rc;
	w->pre = was_pre;
	/* the text after a block is a paragraph of its own */
	if (block && new_para(w, NULL))
		return LOR_ENOMEM;
	return LOR_OK;
}

int lor_html__extract(lor_xtext *xt, const char *path, const char *data, size_t len, lor_error *err)
{
	htmlDocPtr doc;
	xmlNode *root;
	walk w = { xt, 0, 0 };
	int rc;

	if ((rc = lor_dl__need_xml(path, err)))
		return rc;
	if (len > (size_t)0x7fffffff)
		return lor_error__set(err, LOR_EINPUT, path, 0, 0, "file too large");
	/* Entities are decoded; nothing is fetched (HTML_PARSE_NONET). */
	doc = htmlReadMemory(data, (int)len, path, NULL,
	                     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (!doc || !(root = xmlDocGetRootElement(doc))) {
		xmlFreeDoc(doc);
		return lor_error__set(err, LOR_EINPUT, path, 0, 0, "not readable as HTML");
	}
	rc = walk_node(&w, root, 0);
	xmlFreeDoc(doc);
	if (rc == LOR_ELIMIT)
		return lor_error__set(err, LOR_EINPUT, path, 0, 0, "HTML nested too deeply");
	if (rc)
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	return LOR_OK;
}
