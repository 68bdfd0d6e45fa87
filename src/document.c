/* document.c - the lor_document lifecycle and its token accessors.
 *
 * A document is made once per input (file, stdin or an in-memory example),
 * validated and normalized by text.c and tokenized by token.c, then only read.
 * Input files are opened read-only and never copied anywhere but memory.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The document of len bytes: a copy of data, or owned itself (then taken
 * on success only). */
static int document_new(lor_document **out, const char *path, const char *data, char *owned,
                        size_t len, lor_error *err)
{
	lor_document *doc;
	int rc;

	if (!path)
		path = "-";
	if (len > LOR_MAX_INPUT)
		return lor_error__set(err, LOR_EINPUT, path, 0, 0, "file too large (over %u bytes)",
		                      LOR_MAX_INPUT);
	doc = calloc(1, sizeof(*doc));
	if (doc && owned)
		doc->orig = owned;
	if (!doc || !(doc->path = lor__strdup(path)) ||
	    (!owned && !(doc->orig = lor__strndup(data ? data : "", len)))) {
		rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		goto fail;
	}
	doc->orig_len = len;
	if ((rc = lor_text__prepare(doc, err)))
		goto fail;
	if (lor_token__split(doc)) {
		rc = lor_error__set(err, LOR_ENOMEM, path, 0, 0, "out of memory");
		goto fail;
	}
	*out = doc;
	return LOR_OK;
fail:
	if (doc && owned) { /* the caller's again */
		if (doc->norm == owned)
			doc->norm = NULL;
		doc->orig = NULL;
	}
	lor_document_free(doc);
	return rc;
}

int lor_document_new(lor_document **out, const char *path, const char *data, size_t len,
                     lor_error *err)
{
	return document_new(out, path, data, NULL, len, err);
}

int lor_document__adopt(lor_document **out, const char *path, char *data, size_t len, lor_error *err)
{
	return document_new(out, path, data, data, len, err);
}

int lor_document_new_as(lor_document **out, const char *path, const char *data, size_t len,
                        const lor_read_options *opts, lor_error *err)
{
	return lor_extract__document(out, path, data, len, NULL, opts, err);
}

int lor_document_read_as(lor_document **out, const char *path, const lor_read_options *opts,
                         lor_error *err)
{
	char *data;
	size_t len;
	int rc;

	if ((rc = lor__read_input(path, &data, &len, LOR_MAX_FILE, err)))
		return rc;
	rc = lor_extract__document(out, path, data, len, &data, opts, err); /* a text takes data */
	free(data);
	return rc;
}

int lor_document_read(lor_document **out, const char *path, lor_error *err)
{
	return lor_document_read_as(out, path, NULL, err);
}

void lor_document_free(lor_document *doc)
{
	int k;

	if (!doc)
		return;
	free(doc->path);
	if (doc->norm != doc->orig)
		free(doc->norm);
	free(doc->orig);
	free(doc->map);
	free(doc->lines);
	free(doc->colck);
	free(doc->places);
	free(doc->src);
	for (k = 0; k < 3; k++)
		free(doc->tok[k]);
	free(doc->words);
	free(doc);
}

const char *lor_document_path(const lor_document *doc)
{
	return doc->path;
}

const char *lor_document_bytes(const lor_document *doc, size_t *len)
{
	if (len)
		*len = doc->orig_len;
	return doc->orig;
}

const char *lor_document_normalized(const lor_document *doc, size_t *len)
{
	if (len)
		*len = doc->norm_len;
	return doc->norm;
}

size_t lor_document_token_count(const lor_document *doc, lor_token_kind kind)
{
	return (unsigned)kind < 3 ? doc->ntok[kind] : 0;
}

int lor_document_token(const lor_document *doc, lor_token_kind kind, size_t i, lor_span *out)
{
	if ((unsigned)kind >= 3 || i >= doc->ntok[kind])
		return LOR_EARG;
	if (kind == LOR_TOK_WORD)
		lor_text__span(doc, doc->words[i].start, doc->words[i].end, out);
	else
		lor_text__span(doc, doc->tok[kind][i].start, doc->tok[kind][i].end, out);
	return LOR_OK;
}
