/* reporter.c - the reporter front end: pick a format, count verdicts, dispatch.
 *
 * Reporters are pure functions of reports: each format file (report_<fmt>.c)
 * fills a lor_reporter_ops, and this file is the registry plus the helpers
 * they share. Streams are borrowed; write errors surface as LOR_EIO.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const lor_reporter_ops *const formats[] = {
	&lor_report_text, &lor_report_json, &lor_report_sarif, &lor_report_summary, &lor_report_html,
	&lor_report_docx, &lor_report_odt, NULL
};
static const char *const format_names[] = { "text", "json", "sarif", "summary", "html", "docx", "odt",
                                             NULL };

const char *const *lor_reporter_formats(void)
{
	return format_names;
}

int lor_reporter_new(lor_reporter **out, const char *format, FILE *fp,
                     const lor_output_options *opts, lor_error *err)
{
	lor_output_options defaults = LOR_OUTPUT_OPTIONS_INIT;
	lor_reporter *rep;
	size_t i;

	for (i = 0; formats[i] && strcmp(formats[i]->name, format ? format : ""); i++)
		;
	if (!formats[i]) {
		lor_buf list = LOR_BUF_INIT;
		int rc;

		if (lor__names_list(&list, format_names))
			rc = lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
		else
			rc = lor_error__set(err, LOR_ENOTFOUND, "", 0, 0, "unknown format '%s' (expected %s)",
			                    format ? format : "", list.data);
		lor_buf__release(&list);
		return rc;
	}
	if (!(rep = calloc(1, sizeof(*rep))))
		return lor_error__set(err, LOR_ENOMEM, "", 0, 0, "out of memory");
	rep->ops = formats[i];
	rep->fp = fp;
	rep->opts = opts ? *opts : defaults;
	*out = rep;
	return LOR_OK;
}

/* A format's own failure as a library code: its negative lor_ code as it is
 * (a write error stays LOR_EIO), anything else out of memory. */
static int format_failure(lor_reporter *rep, int rc)
{
	if (rc < 0)
		return rc;
	return ferror(rep->fp) ? LOR_EIO : LOR_ENOMEM;
}

int lor_reporter_file(lor_reporter *rep, const lor_report *report)
{
	int rc;

	rep->files++;
	rep->verdicts[lor_report_verdict(report)]++;
	if ((rc = rep->ops->file(rep, report)))
		return format_failure(rep, rc);
	return ferror(rep->fp) ? LOR_EIO : LOR_OK;
}

int lor_reporter_error(lor_reporter *rep, const lor_error *e)
{
	int rc;

	rep->errors++;
	if (rep->ops->error && (rc = rep->ops->error(rep, e)))
		return format_failure(rep, rc);
	return ferror(rep->fp) ? LOR_EIO : LOR_OK;
}

int lor_reporter_finish(lor_reporter *rep)
{
	int rc;

	if (rep->ops->finish && (rc = rep->ops->finish(rep)))
		return format_failure(rep, rc);
	if (fflush(rep->fp) || ferror(rep->fp))
		return LOR_EIO;
	return LOR_OK;
}

void lor_reporter_free(lor_reporter *rep)
{
	if (!rep)
		return;
	if (rep->ops->release)
		rep->ops->release(rep);
	free(rep);
}

const char *lor_reporter__message(const lor_reporter *rep, const lor_finding *f)
{
	return rep->opts.redact ? f->message_redacted : f->message;
}

int lor_reporter__excerpt(const lor_document *doc, const lor_span *sp, size_t max, lor_buf *out)
{
	size_t len, i, end;
	const char *s = lor_document_bytes(doc, &len);
	int space = 0;

	end = sp->offset + sp->length;
	if (end > len)
		end = len;
	for (i = sp->offset; i < end; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
			space = 1;
			continue;
		}
		if (out->len >= max && (c & 0xC0) != 0x80) {
			if (lor_buf__adds(out, "..."))
				return LOR_ENOMEM;
			break;
		}
		if (space && out->len && lor_buf__add(out, " ", 1))
			return LOR_ENOMEM;
		space = 0;
		if (lor_buf__add(out, (const char *)&s[i], 1))
			return LOR_ENOMEM;
	}
	return LOR_OK;
}

const char *lor_reporter__place(const lor_document *doc, const lor_span *sp, char *buf, size_t len)
{
	lor_place p;
	int n = 0;

	if (!sp->length || !lor_document_place(doc, sp->offset, &p))
		return NULL;
	if (p.page)
		n = snprintf(buf, len, "page %zu, ", p.page);
	if (n >= 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, "%s%sparagraph %zu", strcmp(p.part, "body") ? p.part : "",
		         strcmp(p.part, "body") ? " " : "", p.paragraph);
	return buf;
}
