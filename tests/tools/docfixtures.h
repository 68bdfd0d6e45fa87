/* docfixtures.h - hand-made documents for the reader tests: edge cases and hostile files, built in memory.
 *
 * Shared by the cmocka suite (tests/unit/test_extract.c), which reads each
 * fixture from memory and compares the text with the expected one, and by
 * tests/tools/mkdocs.c, which writes them to a folder for the command-line
 * checks (tests/docs/run.sh). Each case is data: the archive's entries, the
 * text expected as accepted and as original, or the error expected. Nothing
 * binary is committed; the few generated ones (a zip bomb, deep nesting, PDFs)
 * are made by the functions at the end.
 */
#ifndef LOR_DOCFIXTURES_H
#define LOR_DOCFIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define FX_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " \
	"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " \
	"xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " \
	"xmlns:v=\"urn:schemas-microsoft-com:vml\""
#define FX_DOC(body) "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " FX_W \
	"><w:body>" body "</w:body></w:document>"
#define FX_PART(root, body) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:" root " " FX_W ">" body "</w:" root ">"
#define FX_CT "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/" \
	"package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override " \
	"PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument." \
	"wordprocessingml.document.main+xml\"/></Types>"
#define FX_ODT_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
	"xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
	"xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" " \
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
#define FX_ODT(body) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " FX_ODT_NS \
	" office:version=\"1.2\"><office:body><office:text>" body "</office:text></office:body>" \
	"</office:document-content>"
#define FX_MIME "application/vnd.oasis.opendocument.text"

typedef struct fx_entry {
	const char *name, *data;
} fx_entry;

typedef struct fx_case {
	const char *file;          /* the fixture's file name (its extension is its format) */
	fx_entry entries[6];       /* a zip's entries; for other files entries[0].data is the file */
	const char *accepted;      /* the text expected (NULL: an error is expected) */
	const char *original;      /* the text with --docx-view original, or NULL: same as accepted */
	const char *error;         /* a part of the expected error message */
} fx_case;

static const fx_case fx_cases[] = {
	{ "split-runs.docx", {
		{ "word/document.xml", FX_DOC(
			"<w:p><w:r><w:t>I th</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ink she is \xE2\x80\x9C"
			"exceptional\xE2\x80\x9D</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\"> in </w:t></w:r>"
			"<w:proofErr w:type=\"spellStart\"/><w:r><w:t>our\xC2\xA0program.</w:t></w:r></w:p>"
			"<w:p><w:r><w:t>Second</w:t><w:br/><w:t>line, e</w:t><w:noBreakHyphen/><w:t>mail</w:t>"
			"<w:softHyphen/><w:sym w:font=\"Wingdings\" w:char=\"F04A\"/></w:r></w:p>"
			"<w:p><w:hyperlink r:id=\"rId9\"><w:r><w:t>our portal</w:t></w:r></w:hyperlink></w:p>") } },
	  "I think she is \xE2\x80\x9C" "exceptional\xE2\x80\x9D\t in our\xC2\xA0program.\n\n"
	  "Second\nline, e\xE2\x80\x91mail\n\nour portal\n\n", NULL, NULL },
	{ "tracked.docx", {
		{ "word/document.xml", FX_DOC(
			"<w:p><w:r><w:t xml:space=\"preserve\">I </w:t></w:r><w:del w:id=\"1\" w:author=\"A\">"
			"<w:r><w:delText>think she will do well</w:delText></w:r></w:del><w:ins w:id=\"2\" "
			"w:author=\"A\"><w:r><w:t>recommend her without reservation</w:t></w:r></w:ins>"
			"<w:r><w:t>.</w:t></w:r></w:p><w:p><w:moveFrom w:id=\"3\" w:author=\"A\"><w:r><w:t>Old "
			"place.</w:t></w:r></w:moveFrom><w:moveTo w:id=\"4\" w:author=\"A\"><w:r><w:t>New place."
			"</w:t></w:r></w:moveTo></w:p>") } },
	  "I recommend her without reservation.\n\nNew place.\n\n",
	  "I think she will do well.\n\nOld place.\n\n", NULL },
	{ "table-textbox.docx", {
		{ "word/document.xml", FX_DOC(
			"<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>Dept. of Medicine</w:t>"
			"</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>October 2, 2026</w:t></w:r></w:p></w:tc></w:tr>"
			"</w:tbl><w:p><w:r><w:t xml:space=\"preserve\">Before </w:t></w:r><w:r><mc:AlternateContent>"
			"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed "
			"text</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>"
			"<w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed text</w:t></w:r></w:p>"
			"</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r>"
			"<w:t>after.</w:t></w:r></w:p>") } },
	  "Dept. of Medicine\n\nOctober 2, 2026\n\nBefore \n\nBoxed text\n\nafter.\n\n", NULL, NULL },
	{ "header-fields-notes.docx", {
		{ "word/document.xml", FX_DOC(
			"<w:p><w:r><w:t xml:space=\"preserve\">Dated </w:t></w:r><w:r><w:fldChar "
			"w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DATE \\@ \"MMMM d, "
			"yyyy\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>October "
			"1, 2026</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\""
			">, page </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r>"
			"<w:t>.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>") },
		{ "word/header1.xml", FX_PART("hdr", "<w:p><w:r><w:t>Northgate Health, October 2, 2026</w:t></w:r></w:p>") },
		{ "word/footer1.xml", FX_PART("ftr", "<w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r><w:r>"
			"<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r>"
			"<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar "
			"w:fldCharType=\"end\"/></w:r></w:p>") },
		{ "word/footnotes.xml", FX_PART("footnotes", "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r>"
			"<w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"1\"><w:p><w:r><w:t>Observed "
			"weekly. I think she will do well.</w:t></w:r></w:p></w:footnote>") } },
	  "Northgate Health, October 2, 2026\n\nDated October 1, 2026, page .\n\nObserved weekly. I think she will do "
	  "well.\n\nPage \n\n",
	  NULL, NULL },
	{ "comments.docx", {
		{ "word/document.xml", FX_DOC(
			"<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>I think she will do well.</w:t></w:r>"
			"<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>") },
		{ "word/comments.xml", FX_PART("comments", "<w:comment w:id=\"0\" w:author=\"Mentor\"><w:p><w:r>"
			"<w:annotationRef/><w:t>SECRET REVIEW NOTE</w:t></w:r></w:p></w:comment>") } },
	  "I think she will do well.\n\n", NULL, NULL },
	{ "lines.docx", {
		{ "word/document.xml", FX_DOC(
			"<w:p><w:r><w:t>Dear committee,</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>First.</w:t></w:r></w:p>"
			"<w:p/><w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p><w:p><w:r><w:t>Professor</w:t></w:r></w:p>") } },
	  "Dear committee,\n\nFirst.\n\nJane Doe\nProfessor\n", NULL, NULL },
	{ "tracked.odt", {
		{ "mimetype", FX_MIME },
		{ "content.xml", FX_ODT(
			"<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:insertion><office:change-info>"
			"<dc:creator>A</dc:creator></office:change-info></text:insertion></text:changed-region>"
			"<text:changed-region text:id=\"ct2\"><text:deletion><office:change-info><dc:creator>A"
			"</dc:creator></office:change-info><text:p>think she will do well</text:p></text:deletion>"
			"</text:changed-region></text:tracked-changes><text:p>I <text:change-start text:change-id=\"ct1\"/>"
			"recommend her<text:change-end text:change-id=\"ct1\"/><text:change text:change-id=\"ct2\"/>."
			"</text:p>") } },
	  "I recommend her.\n\n", "I think she will do well.\n\n", NULL },
	{ "misc.odt", {
		{ "mimetype", FX_MIME },
		{ "content.xml", FX_ODT(
			"\n  <text:h>Letter</text:h>\n  <text:p>A<text:s text:c=\"3\"/>b<text:tab/>c<text:line-break/>"
			"<text:span>d</text:span>  <text:a>e\n f</text:a><office:annotation><dc:creator>M</dc:creator>"
			"<text:p>HIDDEN NOTE</text:p></office:annotation>.<text:note text:note-class=\"footnote\">"
			"<text:note-citation>1</text:note-citation><text:note-body><text:p>Observed weekly.</text:p>"
			"</text:note-body></text:note></text:p>\n  <text:list><text:list-item><text:p>Item one"
			"</text:p></text:list-item></text:list>") },
		{ "styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles " FX_ODT_NS ">"
			"<office:master-styles><style:master-page style:name=\"Standard\"><style:header><text:p>October "
			"2, 2026</text:p></style:header><style:footer><text:p>Page <text:page-number>1</text:page-number>"
			"</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>" } },
	  "October 2, 2026\n\nLetter\n\nA   b\tc\nd e f.\n\nItem one\n\nObserved weekly.\n\nPage \n\n", NULL, NULL },
	{ "letter.html", {
		{ "", "<!DOCTYPE html>\n<html><head><title>TITLE NOT SHOWN</title><style>p{color:red}</style>"
		      "<script>var x = \"SCRIPT NOT SHOWN\";</script></head>\n<body>\n<div><p>I recommend\n   "
		      "Dr.&nbsp;Ng &amp; her team&hellip; <b>without</b> reservation.</p>\n<p hidden>HIDDEN ONE</p>"
		      "<p style=\"display: none\">HIDDEN TWO</p><span aria-hidden=\"true\">HIDDEN THREE</span>"
		      "<input type=\"hidden\" value=\"x\"><noscript>NOSCRIPT</noscript>\n<p>Jane Doe<br>"
		      "Professor</p><ul><li>one</li><li>two</li></ul><pre>a  b</pre></div>\n</body></html>\n" } },
	  "I recommend Dr.\xC2\xA0Ng & her team\xE2\x80\xA6 without reservation.\n\nJane Doe\nProfessor\n\n"
	  "one\n\ntwo\n\na  b\n\n", NULL, NULL },
	/* hostile and broken files: each one error */
	{ "xxe.docx", {
		{ "word/document.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "
		  "\"file:///etc/passwd\">]>\n<w:document " FX_W "><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>"
		  "</w:body></w:document>" } },
	  NULL, NULL, "document type declaration" },
	{ "laughs.odt", {
		{ "mimetype", FX_MIME },
		{ "content.xml", "<?xml version=\"1.0\"?>\n<!-- a comment first -->\n<!DOCTYPE x [<!ENTITY a "
		  "\"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;"
		  "&b;&b;&b;\">]><office:document-content " FX_ODT_NS "><office:body><office:text><text:p>&c;&c;"
		  "</text:p></office:text></office:body></office:document-content>" } },
	  NULL, NULL, "document type declaration" },
	{ "encrypted.odt", {
		{ "mimetype", FX_MIME },
		{ "META-INF/manifest.xml", "<?xml version=\"1.0\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:"
		  "names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"content.xml\" "
		  "manifest:media-type=\"text/xml\"><manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" "
		  "manifest:checksum=\"x\"/></manifest:file-entry></manifest:manifest>" },
		{ "content.xml", "\x8e\x13 encrypted bytes \x01\x02" } },
	  NULL, NULL, "encrypted or password-protected" },
	{ "not-word.docx", {
		{ "xl/workbook.xml", "<workbook/>" } },
	  NULL, NULL, "not a Word document" },
	{ "damaged-xml.docx", {
		{ "word/document.xml", "<?xml version=\"1.0\"?>\n<w:document " FX_W "><w:body><w:p></w:body>" } },
	  NULL, NULL, "damaged document: 'word/document.xml' line 2" },
	{ NULL, { { NULL, NULL } }, NULL, NULL, NULL }
};

/* The generated hostile files, by name: made by fx_make below. */
static const struct fx_gen {
	const char *file, *error;
} fx_generated[] = {
	{ "bomb.docx", "refused as a zip bomb" },
	{ "deep.docx", "damaged document: 'word/document.xml'" },
	{ "encrypted.docx", "encrypted or password-protected document" },
	{ "damaged.docx", "damaged archive" },
	{ "scan.pdf", "no text layer: the PDF is a scan; run OCR first" },
	{ "truncated.pdf", "truncated PDF" },
	{ NULL, NULL }
};

/* A zip of the given entries (data lengths by strlen, or one big entry of
 * `big` bytes of `fill` wrapped in a w:t) into a malloc'd buffer. */
static int fx_zip(const fx_entry *e, size_t big, char fill, char **out, size_t *len)
{
	zip_error_t ze;
	zip_source_t *buf;
	zip_t *za;
	char *bigdata = NULL;
	size_t k;
	zip_int64_t n;

	zip_error_init(&ze);
	if (!(buf = zip_source_buffer_create(NULL, 0, 0, &ze)))
		return -1;
	zip_source_keep(buf);
	if (!(za = zip_open_from_source(buf, ZIP_TRUNCATE, &ze)))
		return -1;
	/* a Word document as Word packs it: content types and the package
	 * relationship to the main part, unless the case is about their absence */
	for (k = 0; e && e[k].name && strcmp(e[k].name, "[Content_Types].xml"); k++)
		;
	if (e && k && !e[k].name && !strcmp(e[0].name, "word/document.xml")) {
		static const char rels[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\""
			"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
			"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
			"Target=\"word/document.xml\"/></Relationships>";

		zip_file_add(za, "[Content_Types].xml", zip_source_buffer(za, FX_CT, strlen(FX_CT), 0), 0);
		zip_file_add(za, "_rels/.rels", zip_source_buffer(za, rels, strlen(rels), 0), 0);
	}
	for (k = 0; e && e[k].name; k++) {
		zip_source_t *s = zip_source_buffer(za, e[k].data, strlen(e[k].data), 0);
		zip_int64_t ix = s ? zip_file_add(za, e[k].name, s, 0) : -1;

		if (ix >= 0 && !strcmp(e[k].name, "mimetype"))
			zip_set_file_compression(za, (zip_uint64_t)ix, ZIP_CM_STORE, 0);
	}
	/* an OpenDocument package lists its parts in a manifest */
	if (e && e[0].name && !strcmp(e[0].name, "mimetype") && zip_name_locate(za, "META-INF/manifest.xml", 0) < 0) {
		static const char man[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
			"xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
			"<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" FX_MIME "\"/>"
			"<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
			"<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
			"</manifest:manifest>";

		zip_file_add(za, "META-INF/manifest.xml", zip_source_buffer(za, man, strlen(man), 0), 0);
	}
	if (big) {
		static const char head[] = FX_DOC("<w:p><w:r><w:t>"), *tail = "</w:t></w:r></w:p></w:body></w:document>";
		size_t hl = strlen(head) - strlen("</w:body></w:document>"), tl = strlen(tail);
		zip_source_t *s;

		if (!(bigdata = malloc(hl + big + tl)))
			return -1;
		memcpy(bigdata, head, hl);
		memset(bigdata + hl, fill, big);
		memcpy(bigdata + hl + big, tail, tl);
		s = zip_source_buffer(za, bigdata, hl + big + tl, 0);
		zip_file_add(za, "word/document.xml", s, 0);
	}
	if (zip_close(za)) {
		free(bigdata);
		return -1;
	}
	free(bigdata);
	zip_source_open(buf);
	zip_source_seek(buf, 0, SEEK_END);
	*len = (size_t)zip_source_tell(buf);
	zip_source_seek(buf, 0, SEEK_SET);
	*out = malloc(*len + 1);
	n = *out ? zip_source_read(buf, *out, *len) : -1;
	zip_source_close(buf);
	zip_source_free(buf);
	return n == (zip_int64_t)*len ? 0 : -1;
}

/* A one-page PDF whose content stream is `content` (NULL-free text), with a
 * correct cross-reference table. */
static char *fx_pdf(const char *content, size_t *len)
{
	char *objs[5], *out;
	size_t off[6], n = 0, k, cap = 4096 + strlen(content);
	int w;

	if (!(out = malloc(cap)))
		return NULL;
	objs[0] = "<< /Type /Catalog /Pages 2 0 R >>";
	objs[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
	objs[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
	          "/Resources << /Font << /F1 5 0 R >> >> >>";
	objs[3] = NULL; /* the content stream, below */
	objs[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
	n += (size_t)snprintf(out + n, cap - n, "%%PDF-1.4\n");
	for (k = 0; k < 5; k++) {
		off[k] = n;
		if (objs[k])
			w = snprintf(out + n, cap - n, "%zu 0 obj\n%s\nendobj\n", k + 1, objs[k]);
		else
			w = snprintf(out + n, cap - n, "%zu 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n",
			             k + 1, strlen(content), content);
		n += (size_t)w;
	}
	off[5] = n;
	n += (size_t)snprintf(out + n, cap - n, "xref\n0 6\n0000000000 65535 f \n");
	for (k = 0; k < 5; k++)
		n += (size_t)snprintf(out + n, cap - n, "%010zu 00000 n \n", off[k]);
	n += (size_t)snprintf(out + n, cap - n, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
	                      off[5]);
	*len = n;
	return out;
}

/* Make generated fixture `file` into *out. Returns 0, or -1. */
static int fx_make(const char *file, char **out, size_t *len)
{
	static const fx_entry good[] = { { "word/document.xml", FX_DOC("<w:p><w:r><w:t>I recommend her."
	                                   "</w:t></w:r></w:p>") }, { NULL, NULL } };

	if (!strcmp(file, "bomb.docx")) /* 48 MB of spaces: about 50 KB compressed */
		return fx_zip(NULL, (size_t)48 << 20, ' ', out, len);
	if (!strcmp(file, "deep.docx")) {
		/* 1000 nested elements: past libxml2's depth limit (256) */
		size_t depth = 1000, k, n = 0;
		char *xml = malloc(depth * 16 + 512);
		fx_entry e[2] = { { "word/document.xml", NULL }, { NULL, NULL } };
		int rc;

		if (!xml)
			return -1;
		n += (size_t)sprintf(xml + n, "<?xml version=\"1.0\"?>\n<w:document %s><w:body>", FX_W);
		for (k = 0; k < depth; k++)
			n += (size_t)sprintf(xml + n, "<w:sdt>");
		for (k = 0; k < depth; k++)
			n += (size_t)sprintf(xml + n, "</w:sdt>");
		sprintf(xml + n, "</w:body></w:document>");
		e[0].data = xml;
		rc = fx_zip(e, 0, 0, out, len);
		free(xml);
		return rc;
	}
	if (!strcmp(file, "encrypted.docx")) {
		/* what Word writes for a password-protected .docx: an OLE compound file */
		static const unsigned char cfb[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

		*len = 4096;
		if (!(*out = calloc(1, *len)))
			return -1;
		memcpy(*out, cfb, 8);
		memcpy(*out + 512, "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
		return 0;
	}
	if (!strcmp(file, "damaged.docx")) {
		if (fx_zip(good, 0, 0, out, len))
			return -1;
		*len = *len / 2; /* cut in the middle */
		return 0;
	}
	if (!strcmp(file, "scan.pdf")) { /* a drawn box, no text: what a scanner's image page gives */
		*out = fx_pdf("0.5 g 72 72 468 648 re f", len);
		return *out ? 0 : -1;
	}
	if (!strcmp(file, "text.pdf")) {
		*out = fx_pdf("BT /F1 12 Tf 72 720 Td (I think she will do well.) Tj ET", len);
		return *out ? 0 : -1;
	}
	if (!strcmp(file, "truncated.pdf")) {
		if (!(*out = fx_pdf("BT /F1 12 Tf 72 720 Td (I recommend her without reservation.) Tj ET", len)))
			return -1;
		*len -= 40; /* the trailer and the end-of-file marker are gone */
		return 0;
	}
	return -1;
}

/* The bytes of case c (a zip of its entries, or its one file). */
static int fx_bytes(const fx_case *c, char **out, size_t *len)
{
	if (!c->entries[0].name[0]) {
		*len = strlen(c->entries[0].data);
		*out = malloc(*len + 1);
		if (*out)
			memcpy(*out, c->entries[0].data, *len + 1);
		return *out ? 0 : -1;
	}
	return fx_zip(c->entries, 0, 0, out, len);
}

#endif /* LOR_DOCFIXTURES_H */
