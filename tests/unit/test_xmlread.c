/* test_xmlread.c - the XML parser of src/extract_xml.c builds libxml2's tree, or leaves the part to libxml2.
 *
 * Each part is parsed with lor_xml__read (the own parser, libxml2 for what
 * it leaves) and with lor_xml__parse (libxml2 alone). When the own parser
 * took the part, libxml2 must have taken it too, without an error, and both
 * trees must print the same: every element with its namespace and its
 * attributes (name, namespace, value), every text node (comments and
 * processing instructions are not kept by the own parser, so they are not
 * printed; the text around them is two nodes in both). When it left the
 * part, the answer is libxml2's by construction; the code and message are
 * compared all the same. The parts: every XML entry of
 * tests/tools/docfixtures.h, and cases below that the parser must take
 * (and does, or the test fails: a parser that left everything to libxml2
 * would pass the comparison) and cases it must leave.
 */
#include "harness.h"

#include "extract.h"
#include "dynlib.h"
#include "../tools/docfixtures.h"

static void print_tree(lor_buf *b, const xmlNode *n, int depth)
{
	for (; n; n = n->next) {
		const xmlAttr *a;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			assert_int_equal(lor_buf__addf(b, "%*s%s[%s]\n", depth, "", n->type == XML_TEXT_NODE ? "text" : "cdata",
			                               (const char *)n->content), 0);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		assert_int_equal(lor_buf__addf(b, "%*s<%s {%s}\n", depth, "", (const char *)n->name,
		                               n->ns && n->ns->href ? (const char *)n->ns->href : "-"), 0);
		for (a = n->properties; a; a = a->next) {
			char *v = lor_xml__prop(n, (const char *)a->name, a->ns ? (const char *)a->ns->href : NULL, 0);

			assert_non_null(v);
			assert_int_equal(lor_buf__addf(b, "%*s @%s {%s} = [%s]\n", depth, "", (const char *)a->name,
			                               a->ns && a->ns->href ? (const char *)a->ns->href : "-", v), 0);
			free(v);
		}
		print_tree(b, n->children, depth + 1);
	}
}

/* Parse xml both ways and compare; returns whether the own parser took it. */
static int both_ways(const char *what, const char *xml, size_t len)
{
	void *own = NULL, *lib = NULL;
	lor_error e1, e2;
	int r1, r2, taken;
	lor_buf t1 = LOR_BUF_INIT, t2 = LOR_BUF_INIT;

	memset(&e1, 0, sizeof(e1));
	memset(&e2, 0, sizeof(e2));
	r1 = lor_xml__read(&own, "t.docx", "part.xml", xml, len, &e1);
	r2 = lor_xml__parse(&lib, "t.docx", "part.xml", xml, len, &e2);
	taken = !r1 && ((xmlDoc *)own)->_private != NULL;
	if (taken && r2)
		fail_msg("%s: the own parser took a part libxml2 refuses: %s", what, e2.message);
	assert_int_equal(r1, r2);
	if (r1) {
		assert_string_equal(e1.message, e2.message);
		return 0;
	}
	print_tree(&t1, lor_xml__root(own), 0);
	print_tree(&t2, lor_xml__root(lib), 0);
	if (strcmp(t1.data, t2.data))
		fail_msg("%s: the trees differ:\n%s\nlibxml2's:\n%s", what, t1.data, t2.data);
	lor_buf__release(&t1);
	lor_buf__release(&t2);
	lor_xml__free(own);
	lor_xml__free(lib);
	return taken;
}

static void test_fixture_parts(void **state)
{
	const fx_case *c;
	size_t k;

	(void)state;
	for (c = fx_cases; c->file; c++)
		for (k = 0; k < 6 && c->entries[k].name; k++) {
			const char *n = c->entries[k].name;

			if (strlen(n) < 4 || strcmp(n + strlen(n) - 4, ".xml"))
				continue;
			/* the parts of a letter that reads are ordinary: taken */
			if (!both_ways(c->file, c->entries[k].data, strlen(c->entries[k].data)) && c->accepted)
				fail_msg("%s: '%s' was left to libxml2", c->file, n);
		}
}

#define NS "xmlns:w=\"urn:w\" xmlns:x=\"urn:x\""

/* Parts the own parser must take, and build as libxml2 does. */
static const char *const taken_cases[] = {
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:d " NS "><w:t>a &amp; b &lt;c&gt; &quot;&apos;</w:t></w:d>",
	"<?xml version='1.0' encoding='utf-8'?><d>&#x201C;quoted&#8221; &#65;&#x10348; \xE2\x80\x99 \xF0\x9F\x98\x80</d>",
	"<d a=\"x&#10;y\" b=\"tab\there\nline\" c='single \"q\"' d = \"spaced\" e=\"\" f=\"a&amp;b&lt;\" g=\"&gt;>\"/>",
	"<d>one<!-- a comment -->two<?pi some data?>three<!---->four</d>",
	"<w:d " NS "><w:t xml:space=\"preserve\"> lead and trail </w:t><x:y w:val=\"1\" x:val=\"2\" val=\"3\"/></w:d>",
	"<d xmlns=\"urn:default\"><e/><f xmlns=\"\"><g/></f><h xmlns=\"urn:other\"><i/></h></d>",
	"<w:d " NS "><w:e xmlns:w=\"urn:inner\"><w:f w:a=\"1\"/></w:e><w:g/></w:d >",
	"\n  <!-- before -->\n<?keep going?>\n<d>\n  <e>  </e>\n\t<f/>\n</d>\n<!-- after -->\n",
	"<d>]] &gt; ]&gt; ] ] > text with > and ]</d>",
	"<w:d " NS "><w:p><w:r><w:t>I th</w:t></w:r><w:r><w:t>ink</w:t></w:r></w:p><w:p/></w:d>",
	"<d a=\"1\" b=\"2\"\n   c=\"3\"\t/>",
	"<a.b-c_d><e1.x/></a.b-c_d>",
	"<_d><Z9/></_d>",
	/* a prefix rebound on an empty element, then used again by its sibling */
	"<w:d " NS "><w:e xmlns:w=\"urn:inner\" w:a=\"1\"/><w:g w:b=\"2\"/><x:h xmlns:x=\"urn:y\"/><x:i/></w:d>",
	NULL
};

/* Parts it must leave to libxml2 (which may take them or refuse them). */
static const char *const left_cases[] = {
	"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e \"x\">]><d>&e;</d>",
	"<d><![CDATA[a < b]]></d>",
	"\xEF\xBB\xBF<d>bom</d>",
	"<d>crlf\r\nline</d>",
	"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><d>latin</d>",
	"<?xml version=\"1.1\"?><d/>",
	"<?xml version=\"1.0\"?><?xml version=\"1.0\"?><d/>",
	"<d>&nbsp;</d>",
	"<d>&#0;</d>",
	"<d>&#xD800;</d>",
	"<d>&#xFFFE;</d>",
	"<d>&#12345678;</d>",
	"<d></e>",
	"<w:d " NS "><w:e></x:e></w:d>",
	"<d><e></d>",
	"<d>",
	"<d/><e/>",
	"<d/>text",
	"<d>a ]]> b</d>",
	"<d a=\"<\"/>",
	"<d a=\"1\" a=\"2\"/>",
	"<d xmlns:a=\"urn:u\" xmlns:b=\"urn:u\" a:x=\"1\" b:x=\"2\"/>",
	"<d xmlns:a=\"urn:u\" xmlns:a=\"urn:v\"/>",
	"<p:d/>",
	"<d p:a=\"1\"/>",
	"<d xmlns:p=\"\"/>",
	"<d xmlns:xml=\"urn:x\"/>",
	"<d>\xC3\x28</d>",
	"<d>\x01</d>",
	"<d>\xED\xA0\x80</d>",
	"<d>\xEF\xBF\xBE</d>",
	"<d><!-- a -- b --></d>",
	"<d><!-- a ---></d>",
	"<d><?xml nope?></d>",
	"<d a=\"1\"b=\"2\"/>",
	"<d\xC3\xA9/>",
	"<d>caf\xC3\xA9 \xEF\xBB\xBF</d>",
	"",
	"   ",
	"<d a=1/>",
	"<d>&amp</d>",
	"<d>&#x;</d>",
	"<1d/>",
	"<d:/>",
	"<xml:d/>",
	"<xmlns:d/>",
	"<-d/>",
	"<.d/>",
	"<d:-e xmlns:d=\"urn:d\"/>",
	"<d xmlns=\"urn:a&amp;b\"/>",  /* libxml2 keeps the reference in a namespace's name */
	NULL
};

static void test_cases(void **state)
{
	size_t k;

	(void)state;
	for (k = 0; taken_cases[k]; k++)
		if (!both_ways(taken_cases[k], taken_cases[k], strlen(taken_cases[k])))
			fail_msg("case %zu was left to libxml2: %s", k, taken_cases[k]);
	for (k = 0; left_cases[k]; k++)
		if (both_ways(left_cases[k], left_cases[k], strlen(left_cases[k])))
			fail_msg("case %zu was taken: %s", k, left_cases[k]);
}

/* Nesting: taken under its limit, left above it (libxml2 refuses past 256). */
static void test_depth(void **state)
{
	size_t depth, k, n;
	char *xml = malloc(400 * 8 + 16);

	(void)state;
	assert_non_null(xml);
	for (depth = 100; depth <= 400; depth += 300) {
		n = 0;
		for (k = 0; k < depth; k++)
			n += (size_t)sprintf(xml + n, "<e>");
		for (k = 0; k < depth; k++)
			n += (size_t)sprintf(xml + n, "</e>");
		assert_int_equal(both_ways("deep", xml, n), depth < 128);
	}
	free(xml);
}

/* Many attributes on one element, many namespaces in scope: taken up to
 * the limits that keep the pairwise checks cheap, left past them. */
static void test_wide(void **state)
{
	char *xml = malloc(64 * 1024);
	size_t n, k, count;

	(void)state;
	assert_non_null(xml);
	for (count = 64; count <= 65; count++) {
		n = (size_t)sprintf(xml, "<d");
		for (k = 0; k < count; k++)
			n += (size_t)sprintf(xml + n, " a%zu=\"%zu\"", k, k);
		n += (size_t)sprintf(xml + n, "/>");
		assert_int_equal(both_ways("attributes", xml, n), count <= 64);
	}
	for (count = 256; count <= 257; count++) {
		/* 60 declarations an element, four elements deep */
		n = (size_t)sprintf(xml, "<d");
		for (k = 0; k < count; k++)
			n += (size_t)sprintf(xml + n, " xmlns:p%zu=\"urn:%zu\"%s", k, k, k % 60 == 59 ? "><e" : "");
		n += (size_t)sprintf(xml + n, "/>");
		for (k = 0; k < count / 60; k++)
			n += (size_t)sprintf(xml + n, "%s", k + 1 == count / 60 ? "</d>" : "</e>");
		assert_int_equal(both_ways("namespaces", xml, n), count <= 256);
	}
	free(xml);
}

/* The attribute and text helpers, on both kinds of tree, as libxml2's own
 * functions answer on libxml2's tree. */
static void test_helpers(void **state)
{
	static const char xml[] = "<d xmlns:t=\"urn:t\" t:id=\"ns\" id=\"plain\" e=\"\"><i>a<b>b</b><!--x-->c</i></d>";
	void *docs[2] = { NULL, NULL };
	lor_error err;
	int k;

	(void)state;
	assert_int_equal(lor_xml__read(&docs[0], "t", "p", xml, strlen(xml), &err), 0);
	assert_int_equal(lor_xml__parse(&docs[1], "t", "p", xml, strlen(xml), &err), 0);
	assert_non_null(((xmlDoc *)docs[0])->_private);
	for (k = 0; k < 2; k++) {
		xmlNode *root = lor_xml__root(docs[k]);
		char *v;

		v = lor_xml__prop(root, "id", "urn:t", 0);
		assert_string_equal(v, "ns");
		free(v);
		v = lor_xml__prop(root, "id", NULL, 0);
		assert_string_equal(v, "plain");
		free(v);
		v = lor_xml__prop(root, "id", NULL, 1); /* xmlGetProp: the first of the name */
		assert_string_equal(v, "ns");
		free(v);
		v = lor_xml__prop(root, "e", NULL, 0);
		assert_string_equal(v, "");
		free(v);
		assert_null(lor_xml__prop(root, "none", NULL, 1));
		assert_null(lor_xml__prop(root, "e", "urn:t", 0));
		v = lor_xml__text(root->children);
		assert_string_equal(v, "abc");
		free(v);
		lor_xml__free(docs[k]);
	}
	/* libxml2's own answers on its tree */
	assert_int_equal(lor_dl__need_xml("t", &err), 0);
	assert_int_equal(lor_xml__parse(&docs[1], "t", "p", xml, strlen(xml), &err), 0);
	{
		xmlNode *root = lor_xml__root(docs[1]);
		xmlChar *a = xmlGetProp(root, (const xmlChar *)"id"), *b = xmlNodeGetContent(root->children);

		assert_string_equal((const char *)a, "ns");
		assert_string_equal((const char *)b, "abc");
		xmlFree(a);
		xmlFree(b);
	}
	lor_xml__free(docs[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_parts),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_wide),
		cmocka_unit_test(test_helpers),
	};

	(void)fx_bytes; /* docfixtures.h's archive makers: not needed here */
	(void)fx_make;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
