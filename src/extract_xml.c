/* extract_xml.c - the XML parts of .docx and .odt letters, parsed without libxml2 when that is safe.
 *
 * Loading libxml2 (with ICU, libstdc++ and liblzma behind it) costs a
 * one-letter run 5.0M instructions of relocation, more than parsing the
 * letter's parts does. The readers need little of it: elements with their
 * namespaces and attributes, and text, in a tree they walk once. So a part
 * is parsed here first, into a tree of libxml2's own node structures (the
 * readers walk either kind alike), when this parser can vouch that libxml2
 * would build the same tree and raise no error: UTF-8 with no character XML
 * forbids, no carriage return, an XML declaration of version 1.0 in UTF-8 (or
 * none), ASCII names, every prefix bound, no attribute or namespace declared
 * twice on an element, only the five predefined entities and character
 * references to allowed characters, well-formed comments and processing
 * instructions, nothing but those after the root, nesting under 128, at
 * most 64 attributes on an element and 256 namespaces in scope (so the
 * pairwise checks stay cheap on a hostile part), and a part under 4 MB. Anything else (a document type declaration, a CDATA
 * section, a byte order mark, an unknown entity, a mismatched tag, a
 * truncated part) is left to libxml2 (lor_xml__parse), whose tree and whose
 * error messages are then the ones lorlint has always used. The
 * annotators, which edit and write the tree back, always use libxml2.
 *
 * The tree as libxml2 builds it without XML_PARSE_NOBLANKS: character data
 * between two pieces of markup is one text node (entity and character
 * references decoded into it, white space kept), comments and processing
 * instructions split text but are not kept (the readers skip them), and an
 * attribute's value is one text node, its tabs and line feeds turned into
 * spaces (XML 1.0, 3.3.3).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "dynlib.h"

#define MAX_PART (4u * 1024u * 1024u)
#define MAX_DEPTH 128
#define MAX_NAME 1000
#define MAX_ATTRS 64         /* on one element (they are compared pairwise) */
#define MAX_BINDINGS 256     /* namespace declarations in scope (looked up in a row) */
#define XML_NS_HREF "http://www.w3.org/XML/1998/namespace"

/* The marker an own tree's doc->_private points to (libxml2 leaves it NULL). */
static const char own_tree = 0;

/* Memory for one tree, in chunks freed together. */
typedef struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
} chunk;

typedef struct tree {
	xmlDoc doc;
	chunk *chunks;
} tree;

/* A namespace in scope: bound by an element at depth `depth`. */
typedef struct nsbind {
	const char *prefix;    /* NULL: the default namespace */
	size_t plen;
	xmlNs *ns;             /* NULL: no namespace (xmlns="") */
	int depth;
} nsbind;

/* An attribute as written, before namespaces are resolved. */
typedef struct rawattr {
	const char *qname, *local;
	size_t qlen, plen, llen;   /* plen: prefix length (0: none) */
	char *value;
	int refs;                  /* the value as written has a reference */
} rawattr;

typedef struct parser {
	const char *s;
	size_t len, i;
	tree *t;
	xmlNode *cur;          /* the open element (NULL outside the root) */
	int depth;
	nsbind *ns;
	size_t nns, capns;
	rawattr *attrs;
	size_t nattrs, capattrs;
	lor_buf text;          /* character data not yet made a node */
	xmlNs *xml_ns;         /* the xml: prefix, made when first used */
	/* prefixes looked up since the bindings last changed (gen) */
	struct {
		const char *prefix;
		size_t plen;
		xmlNs *ns;
		unsigned gen;
	} seen[32];
	unsigned gen;
} parser;

static void *alloc(tree *t, size_t n)
{
	chunk *c = t->chunks;
	void *p;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!c || c->cap - c->used < n) {
		size_t cap = n > 16384 ? n : 16384;

		if (!(c = malloc(sizeof(chunk) + cap)))
			return NULL;
		c->next = t->chunks;
		c->used = 0;
		c->cap = cap;
		t->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

static char *strnew(tree *t, const char *s, size_t n)
{
	char *p = alloc(t, n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Is every character valid UTF-8 and one XML 1.0 allows (2.2), with no
 * carriage return (libxml2 would fold line ends) and no byte order mark? */
static int plain_chars(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		uint32_t cp;
		size_t n, k;

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n')
				return 0;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		if (len - i <= n)
			return 0;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp == 0xFEFF)
			return 0;
		i += n + 1;
	}
	return 1;
}

/* Does s[0..n) start with the ASCII letters of lower, in any case? */
static int same_ci(const char *s, size_t n, const char *lower)
{
	size_t k;

	for (k = 0; k < n && lower[k]; k++)
		if ((s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 'a' - 'A' : s[k]) != lower[k])
			return 0;
	return k == n && !lower[k];
}

/* Where two bytes first occur in s[0..n), or NULL. */
static const char *find2(const char *s, size_t n, const char *two)
{
	size_t k;

	for (k = 0; k + 1 < n; k++)
		if (s[k] == two[0] && s[k + 1] == two[1])
			return s + k;
	return NULL;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void skip_ws(parser *p)
{
	while (p->i < p->len && is_ws(p->s[p->i]))
		p->i++;
}

static int starts(const parser *p, const char *with)
{
	size_t n = strlen(with);

	return p->len - p->i >= n && !memcmp(p->s + p->i, with, n);
}

/* ASCII name characters: 1 may start a name, 2 may follow. */
static const unsigned char name_class[256] = {
	['-'] = 2, ['.'] = 2,
	['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
	['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3, ['G'] = 3, ['H'] = 3, ['I'] = 3,
	['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3, ['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3,
	['S'] = 3, ['T'] = 3, ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3, ['_'] = 3,
	['a'] = 3, ['b'] = 3, ['c'] = 3, ['d'] = 3, ['e'] = 3, ['f'] = 3, ['g'] = 3, ['h'] = 3, ['i'] = 3,
	['j'] = 3, ['k'] = 3, ['l'] = 3, ['m'] = 3, ['n'] = 3, ['o'] = 3, ['p'] = 3, ['q'] = 3, ['r'] = 3,
	['s'] = 3, ['t'] = 3, ['u'] = 3, ['v'] = 3, ['w'] = 3, ['x'] = 3, ['y'] = 3, ['z'] = 3,
};

static int name_start(char c)
{
	return name_class[(unsigned char)c] & 1;
}

static int name_char(char c)
{
	return name_class[(unsigned char)c] & 2;
}

/* A name of ASCII letters, digits, '_', '-', '.', with at most one ':'
 * between two non-empty parts. Its length, and where the local part starts
 * (*plen: the prefix's length, 0 when none); 0 when there is none here. */
static size_t qname(parser *p, size_t *plen)
{
	size_t a = p->i, colon = 0;

	*plen = 0;
	if (p->i >= p->len || !name_start(p->s[p->i]))
		return 0;
	while (p->i < p->len && (name_char(p->s[p->i]) || p->s[p->i] == ':')) {
		if (p->s[p->i] == ':') {
			if (colon || p->i + 1 >= p->len || !name_start(p->s[p->i + 1]))
				return 0;
			colon = p->i;
		}
		p->i++;
	}
	if (p->i - a > MAX_NAME || (p->i < p->len && (unsigned char)p->s[p->i] >= 0x80))
		return 0;
	*plen = colon ? colon - a : 0;
	return p->i - a;
}

/* A reference after '&' (p->i at it), decoded onto out. 0, or -1: not ours. */
static int reference(parser *p, lor_buf *out)
{
	static const char *const names[] = { "lt;", "gt;", "amp;", "apos;", "quot;" };
	static const char chars[] = "<>&'\"";
	uint32_t cp = 0;
	size_t k, digits = 0;
	char u[4];
	int hex;

	p->i++;
	for (k = 0; k < 5; k++)
		if (starts(p, names[k])) {
			p->i += strlen(names[k]);
			return lor_buf__add(out, &chars[k], 1) ? -1 : 0;
		}
	if (!starts(p, "#"))
		return -1;
	p->i++;
	hex = starts(p, "x");
	p->i += (size_t)hex;
	for (; p->i < p->len && p->s[p->i] != ';'; p->i++, digits++) {
		char c = p->s[p->i];
		unsigned v = c >= '0' && c <= '9' ? (unsigned)(c - '0')
		           : hex && c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
		           : hex && c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 99;

		if (v == 99 || digits >= 7)
			return -1;
		cp = cp * (hex ? 16u : 10u) + v;
	}
	if (!digits || p->i >= p->len)
		return -1;
	p->i++;
	/* the characters XML allows (2.2) */
	if (!(cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
	      (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF)))
		return -1;
	if (cp < 0x80) {
		u[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		k = 4;
	}
	return lor_buf__add(out, u, k) ? -1 : 0;
}

/* Append child to parent (the document when parent is NULL). */
static void append(parser *p, xmlNode *parent, xmlNode *child)
{
	xmlNode **first = parent ? &parent->children : &p->t->doc.children;
	xmlNode **last = parent ? &parent->last : &p->t->doc.last;

	child->parent = parent ? parent : (xmlNode *)&p->t->doc;
	child->doc = &p->t->doc;
	if (*last) {
		(*last)->next = child;
		child->prev = *last;
	} else {
		*first = child;
	}
	*last = child;
}

/* The character data gathered since the last markup, as a text node. */
static int flush_text(parser *p)
{
	xmlNode *n;
	size_t k;

	if (!p->text.len)
		return 0;
	if (!p->cur) { /* outside the root: only white space is allowed */
		for (k = 0; k < p->text.len; k++)
			if (!is_ws(p->text.data[k]))
				return -1;
		p->text.len = 0;
		return 0;
	}
	if (!(n = alloc(p->t, sizeof(*n))) || !(n->content = (xmlChar *)strnew(p->t, p->text.data, p->text.len)))
		return -1;
	n->type = XML_TEXT_NODE;
	n->name = (const xmlChar *)"text";
	append(p, p->cur, n);
	p->text.len = 0;
	return 0;
}

/* A comment or processing instruction at p->i: skipped. 0, or -1. */
static int comment_or_pi(parser *p)
{
	const char *end;

	if (starts(p, "<!--")) {
		p->i += 4;
		end = find2(p->s + p->i, p->len - p->i, "--");
		if (!end || (size_t)(end - p->s) + 3 > p->len || end[2] != '>')
			return -1;
		p->i = (size_t)(end - p->s) + 3;
		return 0;
	}
	{
		size_t plen, n, at;

		p->i += 2;
		at = p->i;
		if (!(n = qname(p, &plen)) || plen || same_ci(p->s + at, n, "xml"))
			return -1;
		if (!starts(p, "?>") && (p->i >= p->len || !is_ws(p->s[p->i])))
			return -1;
		end = find2(p->s + p->i, p->len - p->i, "?>");
		if (!end)
			return -1;
		p->i = (size_t)(end - p->s) + 2;
		return 0;
	}
}

/* The namespace bound to prefix (plen 0: the default one) in scope; *found
 * says whether any binding was. */
static xmlNs *lookup(parser *p, const char *prefix, size_t plen, int *found)
{
	size_t k = p->nns, h;

	*found = 1;
	if (plen == 3 && !memcmp(prefix, "xml", 3)) {
		if (!p->xml_ns && (p->xml_ns = alloc(p->t, sizeof(xmlNs)))) {
			p->xml_ns->type = XML_NAMESPACE_DECL;
			p->xml_ns->href = (const xmlChar *)XML_NS_HREF;
			p->xml_ns->prefix = (const xmlChar *)"xml";
		}
		*found = p->xml_ns != NULL;
		return p->xml_ns;
	}
	h = plen ? (plen * 7u + (unsigned char)prefix[0] + (unsigned char)prefix[plen - 1]) & 31u : 0;
	if (p->seen[h].gen == p->gen && p->seen[h].plen == plen && (!plen || !memcmp(p->seen[h].prefix, prefix, plen)))
		return p->seen[h].ns;
	while (k--)
		if (p->ns[k].plen == plen && (!plen || !memcmp(p->ns[k].prefix, prefix, plen)))
			break;
	if (k == (size_t)-1) {
		*found = plen == 0; /* no default namespace is no namespace */
		return NULL;
	}
	p->seen[h].prefix = prefix;
	p->seen[h].plen = plen;
	p->seen[h].ns = p->ns[k].ns;
	p->seen[h].gen = p->gen;
	return p->ns[k].ns;
}

static int same_href(const xmlNs *a, const xmlNs *b)
{
	return a && b && !strcmp((const char *)a->href, (const char *)b->href);
}

/* An attribute value after its opening quote; decoded, white space made
 * spaces; *refs says whether it had a reference. 0, or -1. */
static int att_value(parser *p, char quote, lor_buf *out, int *refs)
{
	out->len = 0;
	*refs = 0;
	while (p->i < p->len && p->s[p->i] != quote) {
		size_t at = p->i;

		if (p->s[p->i] == '<')
			return -1;
		if (p->s[p->i] == '&') {
			*refs = 1;
			if (reference(p, out))
				return -1;
			continue;
		}
		while (p->i < p->len && p->s[p->i] != quote && p->s[p->i] != '<' && p->s[p->i] != '&' &&
		       p->s[p->i] != '\t' && p->s[p->i] != '\n')
			p->i++;
		if (p->i == at) { /* a tab or a line feed: a space */
			p->i++;
			if (lor_buf__add(out, " ", 1))
				return -1;
		} else if (lor_buf__add(out, p->s + at, p->i - at)) {
			return -1;
		}
	}
	if (p->i >= p->len)
		return -1;
	p->i++;
	return 0;
}

/* A start tag at p->i ('<' and a name start): the element, open unless it
 * was empty (*empty). 0, or -1. */
static int start_tag(parser *p, int *empty)
{
	size_t qlen, plen, k, j, first_ns = p->nns;
	const char *q = p->s + p->i + 1;
	lor_buf v = LOR_BUF_INIT;
	xmlNode *el;
	xmlAttr *lasta = NULL;
	int found;

	p->i++;
	if (!(qlen = qname(p, &plen)) || p->depth >= MAX_DEPTH)
		return -1;
	p->nattrs = 0;
	for (;;) {
		size_t before = p->i, aq, ap;
		rawattr *a;
		char quote;

		skip_ws(p);
		if (starts(p, "/>") || starts(p, ">"))
			break;
		if (p->i == before) /* attributes are apart from the name and each other */
			goto fail;
		a = NULL;
		if (!(aq = qname(p, &ap)))
			goto fail;
		if (p->nattrs >= MAX_ATTRS || lor__reserve(&p->attrs, &p->capattrs, p->nattrs + 1, sizeof(*p->attrs)))
			goto fail;
		a = &p->attrs[p->nattrs];
		a->qname = p->s + p->i - aq;
		a->qlen = aq;
		a->plen = ap;
		a->local = a->qname + (ap ? ap + 1 : 0);
		a->llen = aq - (ap ? ap + 1 : 0);
		skip_ws(p);
		if (!starts(p, "="))
			goto fail;
		p->i++;
		skip_ws(p);
		if (p->i >= p->len || (p->s[p->i] != '"' && p->s[p->i] != '\''))
			goto fail;
		quote = p->s[p->i++];
		if (att_value(p, quote, &v, &a->refs) || !(a->value = strnew(p->t, v.data, v.len)))
			goto fail;
		for (j = 0; j < p->nattrs; j++)
			if (p->attrs[j].qlen == aq && !memcmp(p->attrs[j].qname, a->qname, aq))
				goto fail; /* an attribute twice */
		p->nattrs++;
	}
	*empty = starts(p, "/>");
	p->i += *empty ? 2 : 1;
	/* namespace declarations first: they hold for the element's own name */
	for (k = 0; k < p->nattrs; k++) {
		rawattr *a = &p->attrs[k];
		int is_default = a->qlen == 5 && !memcmp(a->qname, "xmlns", 5);
		xmlNs *ns = NULL;

		if (!is_default && !(a->plen == 5 && !memcmp(a->qname, "xmlns", 5)))
			continue;
		/* xml and xmlns are not to be declared; xmlns:p="" is not XML 1.0;
		 * libxml2 keeps "&#38;" for an "&amp;" in a namespace's name */
		if (a->refs || (!is_default && ((a->llen == 3 && !memcmp(a->local, "xml", 3)) ||
		                                (a->llen == 5 && !memcmp(a->local, "xmlns", 5)) || !a->value[0])))
			goto fail;
		if (a->value[0] && !(ns = alloc(p->t, sizeof(*ns))))
			goto fail;
		if (ns && !is_default && !(ns->prefix = (xmlChar *)strnew(p->t, a->local, a->llen)))
			goto fail;
		if (ns) {
			ns->type = XML_NAMESPACE_DECL;
			ns->href = (const xmlChar *)a->value;
		}
		if (p->nns >= MAX_BINDINGS || lor__reserve(&p->ns, &p->capns, p->nns + 1, sizeof(*p->ns)))
			goto fail;
		p->ns[p->nns].prefix = is_default ? NULL : a->local;
		p->ns[p->nns].plen = is_default ? 0 : a->llen;
		p->ns[p->nns].ns = ns;
		p->ns[p->nns].depth = p->depth + 1;
		for (j = first_ns; j < p->nns; j++)
			if (p->ns[j].plen == p->ns[p->nns].plen &&
			    (!p->ns[j].plen || !memcmp(p->ns[j].prefix, p->ns[p->nns].prefix, p->ns[j].plen)))
				goto fail; /* declared twice */
		p->nns++;
		p->gen++;
	}
	if (!(el = alloc(p->t, sizeof(*el))) ||
	    !(el->name = (const xmlChar *)strnew(p->t, q + (plen ? plen + 1 : 0), qlen - (plen ? plen + 1 : 0))))
		goto fail;
	el->type = XML_ELEMENT_NODE;
	if ((plen == 5 && !memcmp(q, "xmlns", 5)) || (plen == 3 && !memcmp(q, "xml", 3)))
		goto fail;
	el->ns = lookup(p, q, plen, &found);
	if (!found)
		goto fail;
	for (k = 0; k < p->nattrs; k++) {
		rawattr *a = &p->attrs[k];
		xmlAttr *at;
		xmlNode *tx;

		if ((a->qlen == 5 && !memcmp(a->qname, "xmlns", 5)) || (a->plen == 5 && !memcmp(a->qname, "xmlns", 5)))
			continue;
		if (!(at = alloc(p->t, sizeof(*at))) || !(tx = alloc(p->t, sizeof(*tx))) ||
		    !(at->name = (const xmlChar *)strnew(p->t, a->local, a->llen)))
			goto fail;
		at->type = XML_ATTRIBUTE_NODE;
		at->ns = a->plen ? lookup(p, a->qname, a->plen, &found) : NULL;
		if (a->plen && !found)
			goto fail;
		/* the same name in the same namespace twice, under two prefixes */
		for (j = 0; a->plen && j < k; j++)
			if (p->attrs[j].plen && p->attrs[j].llen == a->llen && !memcmp(p->attrs[j].local, a->local, a->llen) &&
			    !(p->attrs[j].plen == 5 && !memcmp(p->attrs[j].qname, "xmlns", 5)) &&
			    same_href(lookup(p, p->attrs[j].qname, p->attrs[j].plen, &found), at->ns))
				goto fail;
		at->parent = el;
		at->doc = &p->t->doc;
		tx->type = XML_TEXT_NODE;
		tx->name = (const xmlChar *)"text";
		tx->content = (xmlChar *)a->value;
		tx->parent = (xmlNode *)at;
		tx->doc = &p->t->doc;
		at->children = at->last = tx; /* one text node, as libxml2's SAX2 makes it (empty too) */
		if (lasta) {
			lasta->next = at;
			at->prev = lasta;
		} else {
			el->properties = at;
		}
		lasta = at;
	}
	lor_buf__release(&v);
	append(p, p->cur, el);
	if (*empty) {
		p->gen += p->nns > first_ns;
		p->nns = first_ns;
	} else {
		p->cur = el;
		p->depth++;
	}
	return 0;
fail:
	lor_buf__release(&v);
	return -1;
}

/* An end tag at p->i ("</"): it must close the open element. 0, or -1. */
static int end_tag(parser *p)
{
	const xmlNode *el = p->cur;
	size_t qlen, plen, ln = strlen((const char *)el->name);
	const char *q;

	p->i += 2;
	q = p->s + p->i;
	if (!(qlen = qname(p, &plen)))
		return -1;
	/* the same prefix and local name as the start tag */
	if (qlen - (plen ? plen + 1 : 0) != ln || memcmp(q + (plen ? plen + 1 : 0), el->name, ln))
		return -1;
	if (plen ? !el->ns || !el->ns->prefix || strlen((const char *)el->ns->prefix) != plen ||
	           memcmp(el->ns->prefix, q, plen)
	         : el->ns && el->ns->prefix)
		return -1;
	skip_ws(p);
	if (!starts(p, ">"))
		return -1;
	p->i++;
	while (p->nns && p->ns[p->nns - 1].depth == p->depth) {
		p->nns--;
		p->gen++;
	}
	p->depth--;
	p->cur = el->parent && el->parent->type == XML_ELEMENT_NODE ? el->parent : NULL;
	return 0;
}

/* <?xml version="1.0" encoding="UTF-8" standalone="yes"?>, each part
 * optional but the version, quoted either way. 0, or -1. */
static int declaration(parser *p)
{
	static const char *const keys[] = { "version", "encoding", "standalone" };
	size_t k;

	p->i += 5;
	for (k = 0; k < 3; k++) {
		size_t at = p->i, vlen;
		const char *v;
		char quote;

		skip_ws(p);
		if (p->i == at || !starts(p, keys[k])) {
			p->i = at;
			if (k == 0)
				return -1;
			continue;
		}
		p->i += strlen(keys[k]);
		skip_ws(p);
		if (!starts(p, "="))
			return -1;
		p->i++;
		skip_ws(p);
		if (p->i >= p->len || (p->s[p->i] != '"' && p->s[p->i] != '\''))
			return -1;
		quote = p->s[p->i++];
		v = p->s + p->i;
		while (p->i < p->len && p->s[p->i] != quote)
			p->i++;
		if (p->i >= p->len)
			return -1;
		vlen = (size_t)(p->s + p->i - v);
		p->i++;
		if (k == 0 ? vlen != 3 || memcmp(v, "1.0", 3)
		    : k == 1 ? !same_ci(v, vlen, "utf-8")
		    : !(vlen == 3 && !memcmp(v, "yes", 3)) && !(vlen == 2 && !memcmp(v, "no", 2)))
			return -1;
	}
	skip_ws(p);
	if (!starts(p, "?>"))
		return -1;
	p->i += 2;
	return 0;
}

static int parse(parser *p)
{
	int seen_root = 0;
	size_t at;

	if (starts(p, "<?xml") && p->len > 5 && is_ws(p->s[5]) && declaration(p))
		return -1;
	while (p->i < p->len) {
		char c = p->s[p->i];

		if (c != '<') {
			if (c == '&') {
				if (!p->cur || reference(p, &p->text))
					return -1;
				continue;
			}
			/* a run of plain character data, added at once */
			for (at = p->i; p->i < p->len && p->s[p->i] != '<' && p->s[p->i] != '&'; p->i++)
				if (p->s[p->i] == '>' && p->i >= 2 && p->s[p->i - 1] == ']' && p->s[p->i - 2] == ']')
					return -1; /* "]]>" outside a CDATA section */
			if (lor_buf__add(&p->text, p->s + at, p->i - at))
				return -1;
			continue;
		}
		if (flush_text(p))
			return -1;
		if (starts(p, "<!--") || starts(p, "<?")) {
			if (comment_or_pi(p))
				return -1;
		} else if (starts(p, "</")) {
			if (!p->cur || end_tag(p))
				return -1;
		} else if (p->i + 1 < p->len && name_start(p->s[p->i + 1])) {
			int empty;

			if ((!p->cur && seen_root) || start_tag(p, &empty))
				return -1;
			seen_root = 1;
		} else {
			return -1; /* a CDATA section, a document type, or no markup at all */
		}
	}
	return flush_text(p) || p->cur || !seen_root ? -1 : 0;
}

static void free_tree(tree *t)
{
	while (t->chunks) {
		chunk *c = t->chunks;

		t->chunks = c->next;
		free(c);
	}
	free(t);
}

int lor_xml__read(void **out, const char *path, const char *what, const char *data, size_t len,
                  lor_error *err)
{
	parser p;
	tree *t;
	int rc = -1;

	if (len <= MAX_PART && plain_chars((const unsigned char *)data, len) && (t = calloc(1, sizeof(*t)))) {
		memset(&p, 0, sizeof(p));
		p.s = data;
		p.len = len;
		p.t = t;
		p.text = (lor_buf)LOR_BUF_INIT;
		p.gen = 1; /* the empty cache entries are of generation 0 */
		t->doc.type = XML_DOCUMENT_NODE;
		t->doc._private = (void *)&own_tree;
		t->doc.doc = &t->doc;
		rc = parse(&p);
		lor_buf__release(&p.text);
		free(p.ns);
		free(p.attrs);
		if (rc)
			free_tree(t);
		else
			*out = &t->doc;
	}
	return rc ? lor_xml__parse(out, path, what, data, len, err) : LOR_OK;
}

void lor_xml__free(void *doc)
{
	if (doc && ((xmlDoc *)doc)->_private == &own_tree)
		free_tree((tree *)doc); /* the doc is the tree's first member */
	else if (doc)
		xmlFreeDoc(doc);
}

/* ------------------------------------------- reading either kind of tree */

xmlNode *lor_xml__root(void *doc)
{
	xmlNode *n;

	for (n = doc ? ((xmlDoc *)doc)->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* Text and CDATA of a node list (and, with deep, their descendants) onto b. */
static int gather(lor_buf *b, const xmlNode *n, int deep)
{
	for (; n; n = n->next) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
			if (lor_buf__adds(b, (const char *)n->content))
				return -1;
		} else if (deep && n->type == XML_ELEMENT_NODE && gather(b, n->children, 1)) {
			return -1;
		}
	}
	return 0;
}

char *lor_xml__prop(const xmlNode *n, const char *name, const char *ns, int any_ns)
{
	const xmlAttr *a;
	lor_buf b = LOR_BUF_INIT;

	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name))
			continue;
		if (any_ns || (ns ? a->ns && a->ns->href && !strcmp((const char *)a->ns->href, ns) : !a->ns))
			break;
	}
	if (!a)
		return NULL;
	if (gather(&b, a->children, 0)) {
		lor_buf__release(&b);
		return NULL;
	}
	return lor_buf__detach(&b);
}

char *lor_xml__text(const xmlNode *n)
{
	lor_buf b = LOR_BUF_INIT;

	if (gather(&b, n->children, 1)) {
		lor_buf__release(&b);
		return NULL;
	}
	return lor_buf__detach(&b);
}
