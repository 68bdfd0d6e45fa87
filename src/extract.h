/* extract.h - the document readers' internals: the text builder with its map back to places, and one entry per format.
 *
 * A letter that lives in a word-processor file, a PDF or a web page is turned
 * into plain UTF-8 text (the document's "original" from then on: every offset
 * in a report refers to it) plus a table of places, so a finding can say
 * "paragraph 4" or "page 2" instead of a line of a text the user never saw.
 * The readers (extract_docx.c, extract_odt.c, extract_html.c, extract_pdf.c)
 * share one builder (extract.c), which also keeps, for the annotators, which
 * XML text node every piece of the text came from. Archives are read by
 * extract_zip.c, and the parts of .docx and .odt files parsed by
 * extract_xml.c, each leaving to libzip or libxml2 what it cannot vouch for.
 *
 * Every reader treats its input as hostile: archives are read under size and
 * ratio limits, XML is parsed without network, DTDs or entity substitution
 * and under a depth limit, and external programs run without a shell under a
 * time and output limit. Failures are LOR_EINPUT errors naming the file.
 */
#ifndef LOR_EXTRACT_H
#define LOR_EXTRACT_H

#include <stddef.h>

#include "internal.h"

/* The formats a document can come from (lor_document_format's names). */
typedef enum lor_fmt {
	LOR_FMT_TEXT = 0, LOR_FMT_DOCX, LOR_FMT_ODT, LOR_FMT_PDF, LOR_FMT_HTML, LOR_FMT_COUNT
} lor_fmt;
const char *lor_extract__fmt_name(int fmt);
const char *lor_extract__part_name(int part);

/* Parts of a document, in the order their text is laid out: a header's date
 * comes before the body, as on the page. */
typedef enum lor_part {
	LOR_PART_HEADER = 0, LOR_PART_BODY, LOR_PART_FOOTNOTE, LOR_PART_FOOTER, LOR_PART_COUNT
} lor_part;

/* A place: the text from offset on belongs to paragraph `paragraph` (1-based,
 * counted within its part) of `part`, on page `page` (0: unknown). */
typedef struct lor_xplace {
	size_t offset, paragraph, page;
	int part;
} lor_xplace;

/* A piece of the text that came from an XML text node (for annotation):
 * text [offset, offset + len) is bytes [node_off, node_off + len) of node's
 * content. Pieces made up by the reader (a tab, a space) have node NULL. */
typedef struct lor_xpiece {
	size_t offset, len, node_off;
	void *node;
	size_t para;   /* index of the paragraph (in the builder's order) */
} lor_xpiece;

/* A paragraph: where its text starts, its part, its XML element (or NULL). */
typedef struct lor_xpara {
	size_t start;
	int part;
	void *node;
} lor_xpara;

/* The builder: paragraphs are opened and closed by the readers; text goes to
 * the open one. Paragraph separation is decided when the text is finished
 * (lor_xt__finish): see extract.c. */
typedef struct lor_xtext {
	lor_buf text;
	lor_xplace *places;
	size_t nplaces, capplaces;
	lor_xpiece *pieces;
	size_t npieces, cappieces;
	lor_xpara *paras;        /* every paragraph, in the builder's order */
	size_t npara, cappara;
	size_t count[LOR_PART_COUNT];
	size_t page;
	int part, open, keep_pieces;
} lor_xtext;

void lor_xt__init(lor_xtext *xt, int keep_pieces);
void lor_xt__release(lor_xtext *xt);
/* Open a paragraph of part (closing any open one); node is its XML element. */
int lor_xt__para(lor_xtext *xt, int part, void *node) LOR_MUST_CHECK;
/* Append text to the open paragraph (opening a body one if none is). */
int lor_xt__add(lor_xtext *xt, const char *s, size_t n, void *node, size_t node_off) LOR_MUST_CHECK;
/* A line break inside the paragraph. */
int lor_xt__break(lor_xtext *xt) LOR_MUST_CHECK;
/* The page changes from here on (PDF). */
int lor_xt__page(lor_xtext *xt, size_t page) LOR_MUST_CHECK;
/* Lay the paragraphs out: one blank line between them, or, when the writer
 * spaced them with empty paragraphs, one line each (see extract.c). */
int lor_xt__finish(lor_xtext *xt) LOR_MUST_CHECK;

/* Limits on what a document may make us read. */
#define LOR_X_MAX_ENTRY (32u * 1024u * 1024u)   /* one XML part, uncompressed */
#define LOR_X_MAX_TOTAL (64u * 1024u * 1024u)   /* all parts read, uncompressed */
#define LOR_X_MAX_RATIO 200u                    /* uncompressed / compressed, beyond 1 MB */
#define LOR_X_MAX_DEPTH 256                     /* XML element nesting */
#define LOR_X_MAX_ENTRIES 10000u

/* An opened archive with its read budget (extract_zip.c). */
typedef struct lor_xzent lor_xzent;
typedef struct lor_xzip {
	void *za;              /* zip_t, when libzip has opened the archive */
	void *src;             /* zip_source_t over the caller's bytes */
	size_t total;          /* uncompressed bytes read so far */
	const char *path;
	const char *data;      /* the archive's bytes (the caller's) */
	size_t len;
	lor_xzent *ent;        /* extract_zip.c's own index, when it made one */
	size_t nent;
	char *names;
} lor_xzip;

/* Open an archive with libzip (z->za is then set; the reviewed copies write
 * through it). The bytes are borrowed until lor_xzip__close. */
int lor_xzip__open(lor_xzip *z, const char *path, const char *data, size_t len, lor_error *err);
/* Open an archive to read entries: with extract_zip.c's own reader when it
 * can vouch for the archive (z->za stays NULL, and libzip is not loaded),
 * else as lor_xzip__open. The same entries, bytes and errors either way. */
int lor_xzip__open_read(lor_xzip *z, const char *path, const char *data, size_t len, lor_error *err);
void lor_xzip__close(lor_xzip *z);
/* The entries, in the central directory's order; a name is borrowed. */
size_t lor_xzip__count(const lor_xzip *z);
const char *lor_xzip__name(const lor_xzip *z, size_t i);
/* Is there an entry of that name? */
int lor_xzip__has(const lor_xzip *z, const char *name);
/* Read entry `name` into *out (*len bytes, NUL-terminated), under the
 * limits. LOR_ENOTFOUND (no error text set) when there is no such entry. */
int lor_xzip__read(lor_xzip *z, const char *name, char **out, size_t *len, lor_error *err);

/* Parse XML safely (no network, no DTD, no entities, depth-limited); a
 * DOCTYPE is refused. *out is an xmlDoc. `what` names the part in errors. */
int lor_xml__parse(void **out, const char *path, const char *what, const char *data, size_t len,
                   lor_error *err);
/* Free a tree of lor_xml__parse or lor_xml__read (NULL is fine). */
void lor_xml__free(void *doc);
/* Parse XML for reading only (extract_xml.c): with lorlint's own parser when
 * it can vouch that libxml2 would build the same tree without a complaint,
 * else with lor_xml__parse (its tree, its errors). The tree has libxml2's
 * node structures but must not be given to libxml2: read it with the
 * helpers below and free it with lor_xml__free. */
int lor_xml__read(void **out, const char *path, const char *what, const char *data, size_t len,
                  lor_error *err);
/* For trees of either kind: the root element (xmlDocGetRootElement); an
 * attribute's value as xmlGetNsProp gives it (ns NULL: no namespace) or,
 * with any_ns, as xmlGetProp does; a node's text as xmlNodeGetContent
 * does. The strings are malloc'd (free them); NULL: no such attribute, or
 * out of memory. */
struct _xmlNode *lor_xml__root(void *doc);
char *lor_xml__prop(const struct _xmlNode *n, const char *name, const char *ns, int any_ns);
char *lor_xml__text(const struct _xmlNode *n);

/* The readers. Each fills xt (not finished) from the file's bytes. */
typedef struct lor_xopts {
	int original;            /* docx/odt: tracked changes as before them */
	const char *pdftotext;   /* NULL: "pdftotext" from the PATH */
} lor_xopts;

/* docx and odt readers keep their parsed main part in *keep when keep is not
 * NULL (for annotation: the pieces point into it); free with lor_xml__free. */
int lor_docx__extract(lor_xtext *xt, const char *path, const char *data, size_t len,
                      const lor_xopts *o, void **keep, lor_error *err);
int lor_odt__extract(lor_xtext *xt, const char *path, const char *data, size_t len,
                     const lor_xopts *o, void **keep, lor_error *err);
int lor_html__extract(lor_xtext *xt, const char *path, const char *data, size_t len, lor_error *err);
int lor_pdf__extract(lor_xtext *xt, const char *path, const char *data, size_t len,
                     const lor_xopts *o, lor_error *err);

/* Which format the bytes are (by content first, then by the name's
 * extension); hint >= 0 forces one. A zip that is neither docx nor odt, and
 * an OLE container (an encrypted Office file or a legacy .doc), are errors. */
int lor_extract__sniff(int *fmt, const char *path, const char *data, size_t len, int hint,
                       lor_error *err);

#endif /* LOR_EXTRACT_H */
