/* extract.c - documents that are not plain text: the text builder, safe archives and XML, and which reader to use.
 *
 * The readers (extract_*.c) walk their format and feed this file's builder:
 * paragraphs opened and closed, text pieces appended, each piece remembering
 * the XML text node it came from so the annotators can find the words of a
 * finding again. The builder lays paragraphs out the way the tokenizer reads
 * a .txt letter: a blank line between paragraphs. A writer who spaces
 * paragraphs with empty paragraphs (a .txt opened in a word processor, or a
 * typewriter habit) has used paragraphs as lines; such a document is laid
 * out one line per paragraph, so its empty paragraphs are the blank lines,
 * exactly as in the .txt it came from.
 *
 * Archives (extract_zip.c) are read from memory, entry by entry, under a
 * budget of uncompressed bytes and a compression-ratio limit, so a zip bomb
 * stops at the limit instead of filling memory. XML is parsed by
 * extract_xml.c's strict parser when it can vouch for the part, else here
 * by libxml2, with no network, no DTD loading and no entity substitution,
 * under libxml2's own depth limit; a document type declaration is refused
 * outright (no office format uses one; XXE and "billion laughs" need one).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "dynlib.h"

static const char *const fmt_names[] = { "text", "docx", "odt", "pdf", "html", NULL };
static const char *const part_names[] = { "header", "body", "footnote", "footer", NULL };

const char *lor_extract__fmt_name(int fmt)
{
	return fmt >= 0 && fmt < LOR_FMT_COUNT ? fmt_names[fmt] : "text";
}

/* ----------------------------------------------------------------- builder */

void lor_xt__init(lor_xtext *xt, int keep_pieces)
{
	memset(xt, 0, sizeof(*xt));
	xt->text = (lor_buf)LOR_BUF_INIT;
	xt->text.max = LOR_MAX_INPUT;
	xt->keep_pieces = keep_pieces;
	xt->part = LOR_PART_BODY;
}

void lor_xt__release(lor_xtext *xt)
{
	lor_buf__release(&xt->text);
	free(xt->places);
	free(xt->pieces);
	free(xt->paras);
	memset(xt, 0, sizeof(*xt));
}

static int add_place(lor_xtext *xt)
{
	lor_xplace *p;

	if (lor__reserve(&xt->places, &xt->capplaces, xt->nplaces + 1, sizeof(*xt->places)))
		return LOR_ENOMEM;
	p = &xt->places[xt->nplaces++];
	p->offset = xt->text.len;
	p->paragraph = xt->npara ? xt->npara - 1 : 0; /* the builder's index until finish */
	p->page = xt->page;
	p->part = xt->part;
	return LOR_OK;
}

int lor_xt__para(lor_xtext *xt, int part, void *node)
{
	if (xt->open && lor_buf__add(&xt->text, "\n", 1))
		return LOR_ENOMEM;
	if (lor__reserve(&xt->paras, &xt->cappara, xt->npara + 1, sizeof(*xt->paras)))
		return LOR_ENOMEM;
	xt->paras[xt->npara].start = xt->text.len;
	xt->paras[xt->npara].part = part;
	xt->paras[xt->npara].node = node;
	xt->npara++;
	xt->part = part;
	xt->open = 1;
	return add_place(xt);
}

int lor_xt__add(lor_xtext *xt, const char *s, size_t n, void *node, size_t node_off)
{
	if (!n)
		return LOR_OK;
	if (!xt->open && lor_xt__para(xt, xt->part, NULL))
		return LOR_ENOMEM;
	if (xt->keep_pieces) {
		lor_xpiece *p;

		if (lor__reserve(&xt->pieces, &xt->cappieces, xt->npieces + 1, sizeof(*xt->pieces)))
			return LOR_ENOMEM;
		p = &xt->pieces[xt->npieces++];
		p->offset = xt->text.len;
		p->len = n;
		p->node = node;
		p->node_off = node_off;
		p->para = xt->npara - 1;
	}
	return lor_buf__add(&xt->text, s, n);
}

int lor_xt__break(lor_xtext *xt)
{
	return lor_xt__add(xt, "\n", 1, NULL, 0);
}

int lor_xt__page(lor_xtext *xt, size_t page)
{
	xt->page = page;
	return xt->open ? add_place(xt) : LOR_OK;
}

/* Is paragraph i empty (nothing but spaces)? */
static int para_empty(const lor_xtext *xt, size_t i)
{
	size_t a = xt->paras[i].start, b = i + 1 < xt->npara ? xt->paras[i + 1].start : xt->text.len, k;

	for (k = a; k < b; k++)
		if (xt->text.data[k] != ' ' && xt->text.data[k] != '\n' && xt->text.data[k] != '\t')
			return 0;
	return 1;
}

int lor_xt__finish(lor_xtext *xt)
{
	size_t i, empties = 0, full = 0, seen_full = 0, pending = 0, k, count[LOR_PART_COUNT] = { 0 };
	size_t *number;
	int lines;

	if (xt->open && lor_buf__add(&xt->text, "\n", 1))
		return LOR_ENOMEM;
	xt->open = 0;
	/* Empty paragraphs at the end are nothing at all. */
	while (xt->npara && para_empty(xt, xt->npara - 1)) {
		size_t at = xt->paras[--xt->npara].start;

		xt->text.len = at;
		if (xt->text.cap)
			xt->text.data[at] = '\0';
		while (xt->nplaces && xt->places[xt->nplaces - 1].offset >= at && xt->nplaces > 1)
			xt->nplaces--;
		while (xt->npieces && xt->pieces[xt->npieces - 1].offset >= at)
			xt->npieces--;
	}
	/* Empty body paragraphs between full ones: the writer's blank lines. */
	for (i = 0; i < xt->npara; i++) {
		if (xt->paras[i].part != LOR_PART_BODY)
			continue;
		if (para_empty(xt, i)) {
			pending += seen_full ? 1 : 0;
		} else {
			full++;
			seen_full = 1;
			empties += pending;
			pending = 0;
		}
	}
	/* One empty paragraph for every three full ones or more: paragraphs
	 * are lines (a .txt letter opened in a word processor has one between
	 * nearly every pair); fewer are spacing accidents in a styled letter. */
	lines = full > 1 && empties * 3 >= full;
	if (!(number = calloc(xt->npara + 1, sizeof(size_t))))
		return LOR_ENOMEM;
	for (i = 0; i < xt->npara; i++)
		number[i] = para_empty(xt, i) ? count[xt->paras[i].part] + 1 : ++count[xt->paras[i].part];
	if (!lines && xt->npara) {
		/* one more '\n' after each paragraph: paragraph i's text moves by i */
		lor_buf out = LOR_BUF_INIT;

		out.max = LOR_MAX_INPUT + xt->npara + 1;
		for (i = 0; i < xt->npara; i++) {
			size_t a = xt->paras[i].start, b = i + 1 < xt->npara ? xt->paras[i + 1].start : xt->text.len;

			if (lor_buf__add(&out, xt->text.data + a, b - a) || lor_buf__add(&out, "\n", 1)) {
				lor_buf__release(&out);
				free(number);
				return LOR_ENOMEM;
			}
		}
		for (k = 0; k < xt->nplaces; k++)
			xt->places[k].offset += xt->places[k].paragraph;
		for (k = 0; k < xt->npieces; k++)
			xt->pieces[k].offset += xt->pieces[k].para;
		for (i = 0; i < xt->npara; i++)
			xt->paras[i].start += i;
		lor_buf__release(&xt->text);
		xt->text = out;
	}
	for (k = 0; k < xt->nplaces; k++)
		xt->places[k].paragraph = number[xt->places[k].paragraph];
	free(number);
	return LOR_OK;
}

const char *lor_extract__part_name(int part)
{
	return part >= 0 && part < LOR_PART_COUNT ? part_names[part] : "body";
}

/* --------------------------------------------------------------------- XML */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

/* Where the document type declaration would be: before the root element,
 * after the XML declaration, comments and processing instructions. */
static int has_doctype(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		if (i + 1 < len && (s[i + 1] == '?' || (i + 3 < len && !memcmp(s + i, "<!--", 4)))) {
			const char *end = s[i + 1] == '?' ? "?>" : "-->";
			size_t k = i + 2;

			while (k + strlen(end) <= len && memcmp(s + k, end, strlen(end)))
				k++;
			i = k + strlen(end);
			continue;
		}
		return i + 2 < len && s[i + 1] == '!'; /* <!DOCTYPE (or <!ENTITY) */
	}
	return 0;
}

int lor_xml__parse(void **out, const char *path, const char *what, const char *data, size_t len,
                   lor_error *err)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	int rc;

	if ((rc = lor_dl__need_xml(path, err)))
		return rc;
	pthread_once(&xml_once, xml_init);
	if (len > (size_t)0x7fffffff)
		return lor_error__set(err, LOR_EINPUT, path, 0, 0, "'%s' is too large", what);
	if (has_doctype(data, len))
		return lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                      "'%s' has a document type declaration (DTDs and entities are refused)", what);
	if (!(ctxt = xmlNewParserCtxt()))
		return lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	/* No XML_PARSE_NOENT (entities are never substituted), no DTDLOAD, no
	 * HUGE (libxml2 keeps its depth and size limits). */
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, what, NULL,
	                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc || !ctxt->wellFormed || doc->intSubset || !xmlDocGetRootElement(doc)) {
		xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
		char msg[200];
		size_t n;

		snprintf(msg, sizeof(msg), "%s", e && e->message ? e->message : "no root element");
		if (strstr(msg, " use XML_PARSE_HUGE")) /* libxml2's hint to programmers, not to users */
			*strstr(msg, " use XML_PARSE_HUGE") = '\0';
		n = strlen(msg);
		while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		if (doc && doc->intSubset)
			snprintf(msg, sizeof(msg), "document type declaration refused");
		lor_error__set(err, LOR_EINPUT, path, 0, 0, "damaged document: '%s' line %d: %s", what,
		               e ? e->line : 0, msg);
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		return LOR_EINPUT;
	}
	xmlFreeParserCtxt(ctxt);
	*out = doc;
	return LOR_OK;
}

/* ---------------------------------------------------------------- sniffing */

static int ends_with(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);

	return n > e && !lor__strcasecmp(path + n - e, ext);
}

static int starts_ci(const char *s, size_t len, const char *with)
{
	size_t i, n = strlen(with);

	if (len < n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 'a' - 'A');
		if (c != with[i])
			return 0;
	}
	return 1;
}

static int looks_html(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
		i++;
	return starts_ci(s + i, len - i, "<!doctype html") || starts_ci(s + i, len - i, "<html");
}

int lor_extract__sniff(int *fmt, const char *path, const char *data, size_t len, int hint,
                       lor_error *err)
{
	if (len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                      "encrypted or password-protected document, or a legacy .doc (an OLE "
		                      "container): save it as .docx without a password");
	/* what the user named text is text: its bytes are judged as text */
	if (hint < 0 && (ends_with(path, ".txt") || ends_with(path, ".md")))
		hint = LOR_FMT_TEXT;
	if (hint >= 0) {
		*fmt = hint;
		return LOR_OK;
	}
	if (len >= 4 && !memcmp(data, "PK\x03\x04", 4)) {
		/* An ODF package stores its mimetype first and uncompressed. */
		if (len >= 38 + 39 && !memcmp(data + 30, "mimetype", 8) &&
		    !memcmp(data + 38, "application/vnd.oasis.opendocument.text", 39))
			*fmt = LOR_FMT_ODT;
		else if (ends_with(path, ".odt"))
			*fmt = LOR_FMT_ODT;
		else
			*fmt = LOR_FMT_DOCX;
		return LOR_OK;
	}
	if (len >= 5 && !memcmp(data, "%PDF-", 5)) {
		*fmt = LOR_FMT_PDF;
		return LOR_OK;
	}
	if (ends_with(path, ".pdf") || ends_with(path, ".docx") || ends_with(path, ".odt")) {
		/* named as a document but not one: say what is wrong, not "binary" */
		if (ends_with(path, ".pdf") && len && !memchr(data, '\0', len < 1024 ? len : 1024))
			return lor_error__set(err, LOR_EINPUT, path, 0, 0, "not a PDF (no %%PDF- header)");
		if (!ends_with(path, ".pdf"))
			return lor_error__set(err, LOR_EINPUT, path, 0, 0,
			                      "damaged archive: not a zip file (no PK header)");
	}
	*fmt = ends_with(path, ".html") || ends_with(path, ".htm") || looks_html(data, len)
	       ? LOR_FMT_HTML : LOR_FMT_TEXT;
	return LOR_OK;
}

/* ------------------------------------------------------------ the document */

/* Make doc's text from a document's bytes: extract, then the usual path. */
int lor_extract__document(lor_document **out, const char *path, const char *data, size_t len,
                          char **own, const lor_read_options *opts, lor_error *err)
{
	lor_xopts xo = { 0, NULL };
	lor_xtext xt;
	lor_document *doc = NULL;
	int fmt, hint = -1, rc;

	if (!path)
		path = "-";
	if (opts && opts->format && strcmp(opts->format, "auto")) {
		if ((hint = lor__name_index(fmt_names, opts->format)) < 0) {
			lor_buf list = LOR_BUF_INIT;

			rc = lor__names_list(&list, fmt_names)
			     ? lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory")
			     : lor_error__set(err, LOR_EARG, path, 0, 0, "unknown input format '%s' (expected %s)",
			                      opts->format, list.data);
			lor_buf__release(&list);
			return rc;
		}
	}
	if (opts) {
		xo.original = opts->original;
		xo.pdftotext = opts->pdftotext;
	}
	if ((rc = lor_extract__sniff(&fmt, path, data, len, hint, err)))
		return rc;
	/* a zip is a Word or an OpenDocument file by what it holds, whatever
	 * its name or the format asked for says */
	if ((fmt == LOR_FMT_DOCX || fmt == LOR_FMT_ODT) && len >= 4 && !memcmp(data, "PK\x03\x04", 4)) {
		lor_xzip z;

		if (!lor_xzip__open_read(&z, path, data, len, NULL)) {
			if (!lor_xzip__has(&z, "word/document.xml") && lor_xzip__has(&z, "content.xml"))
				fmt = LOR_FMT_ODT;
			else if (lor_xzip__has(&z, "word/document.xml"))
				fmt = LOR_FMT_DOCX;
			lor_xzip__close(&z);
		}
	}
	if (fmt == LOR_FMT_TEXT && own && *own == data) {
		/* the letter's bytes are its original: take them, not a copy */
		if ((rc = lor_document__adopt(out, path, *own, len, err)) == LOR_OK)
			*own = NULL;
		return rc;
	}
	if (fmt == LOR_FMT_TEXT)
		return lor_document_new(out, path, data, len, err);
	lor_xt__init(&xt, 0);
	switch (fmt) {
	case LOR_FMT_DOCX: rc = lor_docx__extract(&xt, path, data, len, &xo, NULL, err); break;
	case LOR_FMT_ODT: rc = lor_odt__extract(&xt, path, data, len, &xo, NULL, err); break;
	case LOR_FMT_PDF: rc = lor_pdf__extract(&xt, path, data, len, &xo, err); break;
	default: rc = lor_html__extract(&xt, path, data, len, err); break;
	}
	if (!rc && lor_xt__finish(&xt))
		rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
	if (!rc)
		rc = lor_document_new(&doc, path, xt.text.data, xt.text.len, err);
	if (!rc) {
		doc->fmt = fmt;
		doc->original = xo.original;
		doc->places = xt.places;
		doc->nplaces = xt.nplaces;
		xt.places = NULL;
		/* the annotators rebuild the file from its bytes */
		if ((fmt == LOR_FMT_DOCX || fmt == LOR_FMT_ODT) && !(doc->src = lor__strndup(data, len))) {
			lor_document_free(doc);
			rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		} else {
			doc->src_len = len;
			*out = doc;
		}
	}
	lor_xt__release(&xt);
	return rc;
}

const char *lor_document_format(const lor_document *doc)
{
	return lor_extract__fmt_name(doc->fmt);
}

int lor_document_place(const lor_document *doc, size_t offset, lor_place *out)
{
	size_t lo = 0, hi = doc->nplaces;

	if (!doc->nplaces)
		return 0;
	/* the last place starting at or before offset */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->places[mid].offset <= offset)
			lo = mid;
		else
			hi = mid;
	}
	out->part = lor_extract__part_name(doc->places[lo].part);
	out->paragraph = doc->places[lo].paragraph;
	out->page = doc->places[lo].page;
	return 1;
}
