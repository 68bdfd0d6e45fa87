/* harness.h - shared helpers for lorlint's cmocka suites (tests run from the repo root). */
#ifndef LOR_TEST_HARNESS_H
#define LOR_TEST_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lorlint.h"

/* Read a whole file into a NUL-terminated buffer (fails the test if it cannot). */
static inline char *h_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (!fp)
		fail_msg("cannot open test data '%s'", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	if (len)
		*len = (size_t)n;
	return buf;
}

/* Decode the escapes \n \r \t \\ \xHH and \u{HHHH} of a test-data line in place;
 * returns the decoded length. */
static inline size_t h_unescape(char *s)
{
	char *o = s, *i = s;

	while (*i) {
		if (i[0] == '\\' && i[1]) {
			i++;
			if (*i == 'n') { *o++ = '\n'; i++; }
			else if (*i == 'r') { *o++ = '\r'; i++; }
			else if (*i == 't') { *o++ = '\t'; i++; }
			else if (*i == 'x') { *o++ = (char)strtol((char[]){ i[1], i[2], 0 }, NULL, 16); i += 3; }
			else if (*i == 'u' && i[1] == '{') {
				unsigned long cp = strtoul(i + 2, &i, 16);

				if (*i == '}')
					i++;
				if (cp < 0x80) { *o++ = (char)cp; }
				else if (cp < 0x800) { *o++ = (char)(0xC0 | (cp >> 6)); *o++ = (char)(0x80 | (cp & 0x3F)); }
				else if (cp < 0x10000) { *o++ = (char)(0xE0 | (cp >> 12)); *o++ = (char)(0x80 | ((cp >> 6) & 0x3F)); *o++ = (char)(0x80 | (cp & 0x3F)); }
				else { *o++ = (char)(0xF0 | (cp >> 18)); *o++ = (char)(0x80 | ((cp >> 12) & 0x3F)); *o++ = (char)(0x80 | ((cp >> 6) & 0x3F)); *o++ = (char)(0x80 | (cp & 0x3F)); }
			} else { *o++ = *i++; }
		} else {
			*o++ = *i++;
		}
	}
	*o = '\0';
	return (size_t)(o - s);
}

/* Make a document from a C string; fails the test on error. */
static inline lor_document *h_doc(const char *text)
{
	lor_document *doc = NULL;
	lor_error err;

	if (lor_document_new(&doc, "test.txt", text, strlen(text), &err)) {
		char buf[2200];

		fail_msg("%s", lor_error_format(&err, buf, sizeof(buf)));
	}
	return doc;
}

/* Load a rule set: the built-in rules when dir is NULL, else only the rules
 * of dir (a fixture); fails the test on error. */
static inline lor_ruleset *h_rules(const char *dir)
{
	lor_ruleset_options o = LOR_RULESET_OPTIONS_INIT;
	lor_ruleset *rs = NULL;
	lor_error err;
	const char *dirs[1];
	char buf[2200];

	if (dir) {
		dirs[0] = dir;
		o.builtin = 0;
		o.dirs = dirs;
		o.ndirs = 1;
	}
	if (lor_ruleset_load(&rs, &o, &err))
		fail_msg("%s", lor_error_format(&err, buf, sizeof(buf)));
	return rs;
}

/* Check doc with rs as of 2026-11-27 (the project's reference date); fails
 * the test on error. */
static inline lor_report *h_check(const lor_ruleset *rs, const lor_document *doc)
{
	lor_check_options o = LOR_CHECK_OPTIONS_INIT;
	lor_report *r = NULL;
	lor_error err;

	o.as_of_year = 2026;
	o.as_of_month = 11;
	o.as_of_day = 27;
	if (lor_check(&r, rs, doc, &o, &err))
		fail_msg("check failed: %s", err.message);
	return r;
}

#endif
