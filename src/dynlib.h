/* dynlib.h - libxml2, libzip and zlib, loaded when a document first needs them.
 *
 * Most runs read plain text: a letter, a folder of letters, --list-rules.
 * Linking libxml2 and libzip into the program made every such run pay for
 * loading them and what they bring (ICU and libstdc++ with libxml2,
 * libcrypto with libzip): about 6.5 ms of a 12 ms `lorlint --version` on the
 * benchmark machine (bench/RESULTS.md). So the command does not link them;
 * the first .docx, .odt or .html read (or reviewed copy written) opens them
 * with dlopen(3) by the sonames the build found (Makefile, LOR_XML2_SONAME
 * and LOR_ZIP_SONAME, from pkg-config's libdir), and every call of theirs in
 * this library goes through the table below. A program that links them itself
 * (the tests' document tools) gets the same copies back from dlopen.
 *
 * Each library is opened on its own, only when a reader needs it: libzip
 * (with libcrypto and libbz2 behind it, 3.6M instructions of relocation) is
 * not needed to read a letter at all. An .html letter needs libxml2 alone;
 * a .docx or .odt one reads its archive with extract_zip.c's own reader,
 * which needs zlib alone (a dependency of both libxml2 and libzip, so already
 * on any machine that has them), and opens libzip only for an archive that
 * reader leaves to it, or to write a reviewed copy.
 *
 * Include this header last, after <libxml/...>, <zip.h> and <zlib.h>: from
 * here on each name below means the loaded function. Call lor_dl__need()
 * (both libxml2 and libzip), lor_dl__need_xml() or lor_dl__need_zip() before
 * the first of theirs, and lor_dl__need_z() before zlib's; each is
 * thread-safe and loads once per process.
 */
#ifndef LOR_DYNLIB_H
#define LOR_DYNLIB_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>
#include <zlib.h>

#include "internal.h"

#define LOR_DL_XML(X) \
	X(htmlReadMemory) \
	X(xmlAddChild) \
	X(xmlAddNextSibling) \
	X(xmlAddPrevSibling) \
	X(xmlCopyNode) \
	X(xmlCtxtGetLastError) \
	X(xmlCtxtReadMemory) \
	X(xmlDocDumpMemoryEnc) \
	X(xmlDocGetRootElement) \
	X(xmlDocSetRootElement) \
	X(xmlFree) \
	X(xmlFreeDoc) \
	X(xmlFreeNode) \
	X(xmlFreeParserCtxt) \
	X(xmlGetNsProp) \
	X(xmlGetProp) \
	X(xmlHasProp) \
	X(xmlInitParser) \
	X(xmlNewChild) \
	X(xmlNewDoc) \
	X(xmlNewNode) \
	X(xmlNewNs) \
	X(xmlNewNsProp) \
	X(xmlNewParserCtxt) \
	X(xmlNewProp) \
	X(xmlNewText) \
	X(xmlNewTextChild) \
	X(xmlNodeAddContent) \
	X(xmlNodeGetContent) \
	X(xmlNodeSetContentLen) \
	X(xmlNodeSetSpacePreserve) \
	X(xmlSearchNsByHref) \
	X(xmlSetNs) \
	X(xmlStrcasecmp) \
	X(xmlUnlinkNode)

#define LOR_DL_ZIP(X) \
	X(zip_close) \
	X(zip_discard) \
	X(zip_error_code_zip) \
	X(zip_error_fini) \
	X(zip_error_init) \
	X(zip_error_strerror) \
	X(zip_fclose) \
	X(zip_file_add) \
	X(zip_file_get_error) \
	X(zip_file_set_mtime) \
	X(zip_fopen_index) \
	X(zip_fread) \
	X(zip_get_error) \
	X(zip_get_name) \
	X(zip_get_num_entries) \
	X(zip_name_locate) \
	X(zip_open_from_source) \
	X(zip_set_file_compression) \
	X(zip_source_buffer) \
	X(zip_source_buffer_create) \
	X(zip_source_close) \
	X(zip_source_free) \
	X(zip_source_keep) \
	X(zip_source_open) \
	X(zip_source_read) \
	X(zip_source_zip) \
	X(zip_stat_index) \
	X(zip_stat_init)

#define LOR_DL_Z(X) \
	X(crc32) \
	X(inflate) \
	X(inflateEnd) \
	X(inflateInit2_)

typedef struct lor_dl_table {
#define LOR_DL_MEMBER(f) __typeof__(f) *f;
	LOR_DL_XML(LOR_DL_MEMBER)
	LOR_DL_ZIP(LOR_DL_MEMBER)
	LOR_DL_Z(LOR_DL_MEMBER)
#undef LOR_DL_MEMBER
	xmlFreeFunc *xmlFree_var; /* libxml2's xmlFree is a variable holding the function */
} lor_dl_table;

extern lor_dl_table lor_dl;

/* Load both libxml2 and libzip (once). LOR_OK, or LOR_EIO with a message
 * naming path (the document that needed them) and the library that is
 * missing. */
int lor_dl__need(const char *path, lor_error *err);
/* The same for libxml2 alone, and for libzip alone. */
int lor_dl__need_xml(const char *path, lor_error *err);
int lor_dl__need_zip(const char *path, lor_error *err);
/* Load zlib (once): 0, or -1 when it cannot be opened (the caller then
 * reads through libzip instead, so there is no message to make). */
int lor_dl__need_z(void);

#ifndef LOR_DYNLIB_IMPL
#define htmlReadMemory (*lor_dl.htmlReadMemory)
#define xmlAddChild (*lor_dl.xmlAddChild)
#define xmlAddNextSibling (*lor_dl.xmlAddNextSibling)
#define xmlAddPrevSibling (*lor_dl.xmlAddPrevSibling)
#define xmlCopyNode (*lor_dl.xmlCopyNode)
#define xmlCtxtGetLastError (*lor_dl.xmlCtxtGetLastError)
#define xmlCtxtReadMemory (*lor_dl.xmlCtxtReadMemory)
#define xmlDocDumpMemoryEnc (*lor_dl.xmlDocDumpMemoryEnc)
#define xmlDocGetRootElement (*lor_dl.xmlDocGetRootElement)
#define xmlDocSetRootElement (*lor_dl.xmlDocSetRootElement)
#define xmlFree (*lor_dl.xmlFree)
#define xmlFreeDoc (*lor_dl.xmlFreeDoc)
#define xmlFreeNode (*lor_dl.xmlFreeNode)
#define xmlFreeParserCtxt (*lor_dl.xmlFreeParserCtxt)
#define xmlGetNsProp (*lor_dl.xmlGetNsProp)
#define xmlGetProp (*lor_dl.xmlGetProp)
#define xmlHasProp (*lor_dl.xmlHasProp)
#define xmlInitParser (*lor_dl.xmlInitParser)
#define xmlNewChild (*lor_dl.xmlNewChild)
#define xmlNewDoc (*lor_dl.xmlNewDoc)
#define xmlNewNode (*lor_dl.xmlNewNode)
#define xmlNewNs (*lor_dl.xmlNewNs)
#define xmlNewNsProp (*lor_dl.xmlNewNsProp)
#define xmlNewParserCtxt (*lor_dl.xmlNewParserCtxt)
#define xmlNewProp (*lor_dl.xmlNewProp)
#define xmlNewText (*lor_dl.xmlNewText)
#define xmlNewTextChild (*lor_dl.xmlNewTextChild)
#define xmlNodeAddContent (*lor_dl.xmlNodeAddContent)
#define xmlNodeGetContent (*lor_dl.xmlNodeGetContent)
#define xmlNodeSetContentLen (*lor_dl.xmlNodeSetContentLen)
#define xmlNodeSetSpacePreserve (*lor_dl.xmlNodeSetSpacePreserve)
#define xmlSearchNsByHref (*lor_dl.xmlSearchNsByHref)
#define xmlSetNs (*lor_dl.xmlSetNs)
#define xmlStrcasecmp (*lor_dl.xmlStrcasecmp)
#define xmlUnlinkNode (*lor_dl.xmlUnlinkNode)
#define zip_close (*lor_dl.zip_close)
#define zip_discard (*lor_dl.zip_discard)
#define zip_error_code_zip (*lor_dl.zip_error_code_zip)
#define zip_error_fini (*lor_dl.zip_error_fini)
#define zip_error_init (*lor_dl.zip_error_init)
#define zip_error_strerror (*lor_dl.zip_error_strerror)
#define zip_fclose (*lor_dl.zip_fclose)
#define zip_file_add (*lor_dl.zip_file_add)
#define zip_file_get_error (*lor_dl.zip_file_get_error)
#define zip_file_set_mtime (*lor_dl.zip_file_set_mtime)
#define zip_fopen_index (*lor_dl.zip_fopen_index)
#define zip_fread (*lor_dl.zip_fread)
#define zip_get_error (*lor_dl.zip_get_error)
#define zip_get_name (*lor_dl.zip_get_name)
#define zip_get_num_entries (*lor_dl.zip_get_num_entries)
#define zip_name_locate (*lor_dl.zip_name_locate)
#define zip_open_from_source (*lor_dl.zip_open_from_source)
#define zip_set_file_compression (*lor_dl.zip_set_file_compression)
#define zip_source_buffer (*lor_dl.zip_source_buffer)
#define zip_source_buffer_create (*lor_dl.zip_source_buffer_create)
#define zip_source_close (*lor_dl.zip_source_close)
#define zip_source_free (*lor_dl.zip_source_free)
#define zip_source_keep (*lor_dl.zip_source_keep)
#define zip_source_open (*lor_dl.zip_source_open)
#define zip_source_read (*lor_dl.zip_source_read)
#define zip_source_zip (*lor_dl.zip_source_zip)
#define zip_stat_index (*lor_dl.zip_stat_index)
#define zip_stat_init (*lor_dl.zip_stat_init)
#define crc32 (*lor_dl.crc32)
#define inflate (*lor_dl.inflate)
#define inflateEnd (*lor_dl.inflateEnd)
#define inflateInit2_ (*lor_dl.inflateInit2_)
#undef xmlFree
#define xmlFree (*lor_dl.xmlFree_var)
#endif

#endif
