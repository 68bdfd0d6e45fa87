/* text.c - turn raw bytes into checkable text: validation, NFC, the matching view.
 *
 * A document keeps two texts. The original bytes are what every position in a
 * report refers to (offsets are bytes, columns code points, lines split on LF,
 * CRLF or CR). The normalized view is what rules match against: NFC, curly
 * quotes and apostrophes made ASCII, hyphens and dashes made '-', every space
 * character made ' ', line ends made '\n', invisible format characters
 * dropped and a leading BOM skipped. A map gives, for each normalized byte, the
 * original byte it came from, so a match maps back exactly; it is kept as
 * runs where the two advance together (lor_document.map), so a plain letter
 * is one run, not four bytes a byte.
 *
 * NFC is applied per segment (a starter and the combining marks after it),
 * which is exact for every script letters are written in except conjoining
 * Hangul jamo and a few two-part Indic vowels: those stay decomposed, which
 * changes nothing for English rules.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

static int line_col(const char *s, size_t len, size_t off, unsigned long *line,
                    unsigned long *col)
{
	size_t i;
	unsigned long l = 1, c = 1;

	for (i = 0; i < off && i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n' || (ch == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if (ch != '\r' && (ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
	return 0;
}

/* Text if every byte decodes and control characters are rare. */
static int validate(const lor_document *doc, lor_error *err)
{
	const unsigned char *s = (const unsigned char *)doc->orig;
	size_t len = doc->orig_len, i = 0, controls = 0, chars = 0;

	if (memchr(s, '\0', len))
		return lor_error__set(err, LOR_EINPUT, doc->path, 0, 0, "binary file, not text");
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;

		if (s[i] < 0x80) {
			if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' &&
			    s[i] != '\f' && s[i] != '\v')
				controls++;
			i++;
			chars++;
			continue;
		}
		n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0) {
			unsigned long line, col;

			line_col(doc->orig, len, i, &line, &col);
			return lor_error__set(err, LOR_EINPUT, doc->path, line, col,
			                      "invalid UTF-8 (byte 0x%02X at offset %zu)", s[i], i);
		}
		i += (size_t)n;
		chars++;
	}
	/* Real letters have almost no C0 controls; executables and images have many. */
	if (controls * 20 > chars)
		return lor_error__set(err, LOR_EINPUT, doc->path, 0, 0, "binary file, not text");
	return LOR_OK;
}

/* The map as it is made (see lor_document.map): runs, or once those would
 * take more room than one entry a byte (past a little slack, so that a
 * short text never switches), the dense form. */
#define MAP_SLACK 1024u
typedef struct runs {
	uint32_t *v;         /* (norm start, orig start) pairs; dense: each byte's origin */
	size_t n, cap;       /* pairs; dense: entries */
	int dense;
} runs;

/* Norm byte at (a character's first byte) comes from the original byte
 * from: start a run there unless the current one already says so. */
static int run_at(runs *r, size_t at, size_t from)
{
	if (r->n && from - r->v[2 * r->n - 1] == at - r->v[2 * r->n - 2])
		return LOR_OK;
	if (lor__reserve(&r->v, &r->cap, 2 * (r->n + 1), sizeof(uint32_t)))
		return LOR_ENOMEM;
	r->v[2 * r->n] = (uint32_t)at; /* inputs are under LOR_MAX_INPUT bytes */
	r->v[2 * r->n + 1] = (uint32_t)from;
	r->n++;
	return LOR_OK;
}

/* Turn the runs over the view v[0, len) into one entry a byte. */
static int to_dense(runs *r, const char *v, size_t len)
{
	uint32_t *d = malloc((len + 1) * sizeof(uint32_t)), cur = 0;
	size_t i, at = 0;

	if (!d)
		return LOR_ENOMEM;
	for (i = 0; i < len; i++) {
		if (((unsigned char)v[i] & 0xC0) != 0x80) {
			while (at + 1 < r->n && r->v[2 * (at + 1)] <= i)
				at++;
			cur = (uint32_t)(r->v[2 * at + 1] + (i - r->v[2 * at]));
		}
		d[i] = cur; /* a character's later bytes: where its first came from */
	}
	free(r->v);
	r->v = d;
	r->n = len;
	r->cap = len + 1;
	r->dense = 1;
	return LOR_OK;
}

typedef struct outbuf {
	lor_buf b;
	runs map;
} outbuf;

/* emit() and emit_copy() in the dense form (step 0 and 1), switching to it
 * first if need be: rare, and kept out of line so that they stay small
 * enough to inline in the loop over the letter. */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static int emit_dense(outbuf *o, const char *s, size_t n, size_t from, size_t step)
{
	runs *r = &o->map;
	size_t i;

	if (!r->dense && to_dense(r, o->b.data, o->b.len))
		return LOR_ENOMEM;
	if (lor__reserve(&r->v, &r->cap, o->b.len + n + 1, sizeof(uint32_t)))
		return LOR_ENOMEM;
	for (i = 0; i < n; i++)
		r->v[o->b.len + i] = (uint32_t)(from + i * step);
	r->n = o->b.len + n;
	return lor_buf__add(&o->b, s, n);
}

static int map_dense_now(const outbuf *o)
{
	return o->map.dense || 2 * o->map.n > o->b.len + MAP_SLACK;
}

/* Append the whole characters s[0, n), every byte of them from the
 * original byte from. */
static int emit(outbuf *o, const char *s, size_t n, size_t from)
{
	size_t i;

	if (map_dense_now(o))
		return emit_dense(o, s, n, from, 0);
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && run_at(&o->map, o->b.len + i, from))
			return LOR_ENOMEM;
	return lor_buf__add(&o->b, s, n);
}

/* Append the ASCII bytes s[0, n) as they are, byte k from the original
 * byte from + k: one run at most. */
static int emit_copy(outbuf *o, const char *s, size_t n, size_t from)
{
	if (map_dense_now(o))
		return emit_dense(o, s, n, from, 1);
	if (run_at(&o->map, o->b.len, from))
		return LOR_ENOMEM;
	return lor_buf__add(&o->b, s, n);
}

/* The original byte of norm byte n (the original's end past the view). */
static size_t map_lookup(const lor_document *doc, size_t n)
{
	const uint32_t *r = doc->map;
	size_t lo = 0, hi = doc->nmap;

	if (n >= doc->norm_len || !doc->nmap)
		return doc->orig_len;
	if (doc->map_dense)
		return r[n];
	while (hi - lo > 1) { /* the last run starting at or before n */
		size_t mid = lo + (hi - lo) / 2;

		if (r[2 * mid] <= n)
			lo = mid;
		else
			hi = mid;
	}
	/* a character's later bytes come from where its first byte does */
	while (n > r[2 * lo] && ((unsigned char)doc->norm[n] & 0xC0) == 0x80)
		n--;
	return r[2 * lo + 1] + (n - r[2 * lo]);
}

/* The matching form of one code point: what to append (possibly nothing). */
static const char *fold_punct(utf8proc_int32_t cp, char *tmp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
	case 0xFF07:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
	case 0x00BB: case 0xFF02:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63:
	case 0xFF0D:
		return "-";
	case 0x2014: case 0x2015:
		return " - "; /* an em dash separates words; keep them apart */
	case 0x2026:
		return "...";
	case 0x2028: case 0x2029: case 0x0085:
		return "\n";
	case 0x200B: case 0x2060: case 0xFEFF: case 0x00AD:
		return "";
	default:
		break;
	}
	if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
		return " ";
	{
		utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)tmp);

		tmp[n] = '\0';
	}
	return tmp;
}

static int emit_segment(outbuf *o, const unsigned char *s, size_t n, size_t from, int single)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t m, i = 0;
	char tmp[8];

	if (single) {
		utf8proc_int32_t cp;
		const utf8proc_property_t *p;

		utf8proc_iterate(s, (utf8proc_ssize_t)n, &cp);
		p = utf8proc_get_property(cp);
		/* No canonical decomposition: NFC leaves a lone starter as it is. */
		if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) {
			const char *f = fold_punct(cp, tmp);

			return emit(o, f, strlen(f), from);
		}
	}
	m = utf8proc_map(s, (utf8proc_ssize_t)n, &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (m < 0)
		return m == UTF8PROC_ERROR_NOMEM ? LOR_ENOMEM : LOR_EINPUT;
	while (i < m) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(nfc + i, m - i, &cp);
		const char *f;

		if (k <= 0)
			break;
		f = fold_punct(cp, tmp);
		if (emit(o, f, strlen(f), from)) {
			free(nfc);
			return LOR_ENOMEM;
		}
		i += k;
	}
	free(nfc);
	return LOR_OK;
}

/* Does a combining mark (which may compose with the character before) start at i? */
static int combining_next(const unsigned char *s, size_t len, size_t i)
{
	utf8proc_int32_t cp;

	if (i >= len || s[i] < 0x80)
		return 0;
	if (utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp) <= 0)
		return 0;
	return utf8proc_get_property(cp)->combining_class != 0;
}

static int normalize(lor_document *doc)
{
	const unsigned char *s = (const unsigned char *)doc->orig;
	size_t len = doc->orig_len, i = 0;
	outbuf o = { LOR_BUF_INIT, { NULL, 0, 0, 0 } };

	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	while (i < len) {
		unsigned char c = s[i];
		size_t e = i;

		/* A stretch of ASCII that the view keeps as it is, in one piece;
		 * its last byte stays out if a combining mark follows it. */
		while (e < len && s[e] < 0x80 && s[e] != '\r' && s[e] != '\t' && s[e] != '\f' && s[e] != '\v')
			e++;
		if (e < len && e > i && combining_next(s, len, e))
			e--;
		if (e > i) {
			if (emit_copy(&o, (const char *)s + i, e - i, i))
				goto nomem;
			i = e;
			continue;
		}
		if (c < 0x80 && !combining_next(s, len, i + 1)) {
			char ch = (char)c;
			size_t from = i;

			if (c == '\r') {
				ch = '\n';
				if (i + 1 < len && s[i + 1] == '\n')
					i++; /* CRLF: one '\n', mapped to the CR */
			} else if (c == '\t') {
				ch = ' ';
			} else if (c == '\f' || c == '\v') {
				ch = '\n';
			}
			if (emit(&o, &ch, 1, from))
				goto nomem;
			i++;
			continue;
		}
		{
			utf8proc_int32_t cp;
			size_t j = i + (size_t)utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
			int single = 1;

			/* Extend over the combining marks that follow the starter. */
			while (j < len) {
				utf8proc_int32_t cp2;
				utf8proc_ssize_t k = utf8proc_iterate(s + j, (utf8proc_ssize_t)(len - j), &cp2);

				if (k <= 0 || utf8proc_get_property(cp2)->combining_class == 0)
					break;
				j += (size_t)k;
				single = 0;
			}
			if (emit_segment(&o, s + i, j - i, i, single))
				goto nomem;
			i = j;
		}
	}
	doc->norm_len = o.b.len;
	doc->norm = lor_buf__detach(&o.b);
	doc->map = o.map.v;
	doc->nmap = o.map.n;
	doc->map_dense = o.map.dense;
	return doc->norm ? LOR_OK : LOR_ENOMEM;
nomem:
	lor_buf__release(&o.b);
	free(o.map.v);
	return LOR_ENOMEM;
}

/* Hard-wrapped prose (an e-mail, a plain-text letter set at 70 to 80
 * columns) has line ends inside its sentences. Rules match phrases with
 * spaces, so a phrase broken across two lines was missed, and a report
 * depended on where the lines happened to wrap ("Of the 34 house officers /
 * who passed through my unit, she was the best" lost its ranking). In the
 * view, a line end becomes a space when the text is wrapped (no line wider
 * than WRAP_MAX code points, at least WRAP_LINES lines of WRAP_MIN or more)
 * and the line was broken because the next word would not fit: its width,
 * a space and the next line's first word pass the margin (the width nine
 * long lines in ten keep within). That is the test of greedy wrapping at
 * any column, and a paragraph's short last line keeps its end. A list item, an indented line, a heading or quote, and a
 * line after a colon keep theirs too. Blanks left at the end of a joined line
 * are dropped from the view (the map keeps every position exact), so the
 * phrase reads with one space, as it was written. */
#define WRAP_MIN 40
#define WRAP_MAX 100
#define WRAP_LINES 3

/* Code points in v[a, b), trailing blanks left out. */
static size_t width_of(const char *v, size_t a, size_t b)
{
	size_t w = 0;

	while (b > a && v[b - 1] == ' ')
		b--;
	for (; a < b; a++)
		if (((unsigned char)v[a] & 0xC0) != 0x80)
			w++;
	return w;
}

static size_t line_end_at(const char *v, size_t n, size_t s)
{
	const char *nl = memchr(v + s, '\n', n - s);

	return nl ? (size_t)(nl - v) : n;
}

/* 1 if the line at s starts as running prose does: not blank, not indented,
 * not a list item ("- ", "* ", "• ", "3. ", "b) "), a heading, a quote, a
 * table row or a comment. */
static int prose_start(const char *v, size_t s, size_t e)
{
	const unsigned char *u = (const unsigned char *)v;
	size_t i = s;

	if (s >= e || v[s] == ' ')
		return 0;
	if (strchr("-*+#>|<", v[s]))
		return 0;
	if (e - s >= 2 && ((u[s] == 0xC2 && u[s + 1] == 0xB7) || /* middle dot */
	                   (e - s >= 3 && u[s] == 0xE2 && ((u[s + 1] == 0x80 && (u[s + 2] == 0xA2 || u[s + 2] == 0xA3)) ||
	                                                   (u[s + 1] == 0x96 && u[s + 2] == 0xAA) ||
	                                                   (u[s + 1] == 0x97 && u[s + 2] == 0xA6) ||
	                                                   (u[s + 1] == 0x96 && u[s + 2] == 0xA0)))))
		return 0; /* bullets: • ‣ ▪ ◦ ■ */
	while (i < e && i - s < 3 && ((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'z' && i == s)))
		i++;
	if (i > s && i < e && (v[i] == '.' || v[i] == ')') && (i + 1 == e || v[i + 1] == ' '))
		return 0; /* "3. ", "b) " */
	return 1;
}

static int unwrap(lor_document *doc)
{
	char *v = doc->norm;
	size_t n = doc->norm_len, s, e, hist[WRAP_MAX + 1] = { 0 }, long_lines = 0, seen = 0, margin,
	       dropped = 0;

	for (s = 0; s < n; s = e + 1) {
		size_t w;

		e = line_end_at(v, n, s);
		w = width_of(v, s, e);
		if (w > WRAP_MAX)
			return LOR_OK; /* a line this long is not wrapped text */
		if (w >= WRAP_MIN) {
			hist[w]++;
			long_lines++;
		}
	}
	if (long_lines < WRAP_LINES)
		return LOR_OK;
	/* The margin: the width that nine long lines in ten keep within, so
	 * one wider line (an address, a signature) does not move it. */
	for (margin = WRAP_MIN; margin < WRAP_MAX; margin++) {
		seen += hist[margin];
		if (seen * 10 >= long_lines * 9)
			break;
	}
	for (s = 0; s < n; s = e + 1) {
		size_t w, ns, ne, fw, k;

		e = line_end_at(v, n, s);
		if (e >= n)
			break;
		w = width_of(v, s, e);
		ns = e + 1;
		ne = line_end_at(v, n, ns);
		if (w < WRAP_MIN || !prose_start(v, ns, ne))
			continue;
		for (k = e; k > s && v[k - 1] == ' '; k--)
			;
		if (v[k - 1] == ':')
			continue;
		for (k = ns; k < ne && v[k] != ' '; k++)
			;
		fw = width_of(v, ns, k);
		if (w + 1 + fw <= margin)
			continue;
		v[e] = ' ';
		for (k = e; k > s && v[k - 1] == ' '; k--)
			v[k - 1] = '\0'; /* "period, \nshe" reads "period, she": one space */
		dropped += e - k;
	}
	if (dropped) { /* the view holds no NUL (binary input is refused): drop the marks */
		size_t r, d = 0, at = 0;
		runs m = { NULL, 0, 0, 0 };

		if (doc->map_dense) {
			for (r = 0; r < n; r++)
				if (v[r]) {
					v[d] = v[r];
					doc->map[d++] = doc->map[r];
				}
			v[d] = '\0';
			doc->norm_len = doc->nmap = d;
			return LOR_OK;
		}
		/* the kept bytes' origins, read in order from the old runs, make the new ones */
		for (r = 0; r < n; r++) {
			if (!v[r])
				continue;
			if (((unsigned char)v[r] & 0xC0) != 0x80) {
				while (at + 1 < doc->nmap && doc->map[2 * (at + 1)] <= r)
					at++;
				if (run_at(&m, d, doc->map[2 * at + 1] + (r - doc->map[2 * at]))) {
					free(m.v);
					return LOR_ENOMEM;
				}
			}
			v[d++] = v[r];
		}
		v[d] = '\0';
		doc->norm_len = d;
		free(doc->map);
		doc->map = m.v;
		doc->nmap = m.n;
	}
	return LOR_OK;
}

static int index_lines(lor_document *doc)
{
	size_t cap = 0, i, col = 1;

	if (lor__reserve(&doc->lines, &cap, 1, sizeof(size_t)) ||
	    !(doc->colck = malloc((doc->orig_len / LOR_COLCK + 1) * sizeof(size_t))))
		return LOR_ENOMEM;
	doc->lines[0] = 0;
	doc->nlines = 1;
	for (i = 0; i < doc->orig_len; i++) {
		char c = doc->orig[i];

		if (i % LOR_COLCK == 0)
			doc->colck[i / LOR_COLCK] = col;
		if (c == '\n' || (c == '\r' && (i + 1 >= doc->orig_len || doc->orig[i + 1] != '\n')))
			col = 1;
		else if (((unsigned char)c & 0xC0) != 0x80 && c != '\r')
			col++;

		if (c == '\n' || (c == '\r' && (i + 1 >= doc->orig_len || doc->orig[i + 1] != '\n'))) {
			if (lor__reserve(&doc->lines, &cap, doc->nlines + 1, sizeof(size_t)))
				return LOR_ENOMEM;
			doc->lines[doc->nlines++] = i + 1;
		}
	}
	return LOR_OK;
}

int lor_text__prepare(lor_document *doc, lor_error *err)
{
	int rc = validate(doc, err);
	size_t i;

	if (rc)
		return rc;
	if (normalize(doc) || index_lines(doc) || unwrap(doc))
		return lor_error__set(err, LOR_ENOMEM, doc->path, 0, 0, "out of memory");
	/* A view that is the original byte for byte (plain text without tabs,
	 * CR or typographic characters, most letters) is not kept twice. */
	if (doc->norm_len == doc->orig_len && memcmp(doc->norm, doc->orig, doc->orig_len) == 0) {
		free(doc->norm);
		doc->norm = doc->orig;
	}
	for (i = 0; i < doc->norm_len; i++)
		if (doc->norm[i] != ' ' && doc->norm[i] != '\n')
			return LOR_OK;
	return lor_error__set(err, LOR_EINPUT, doc->path, 0, 0, "empty file, no text to check");
}

size_t lor_text__orig(const lor_document *doc, size_t n)
{
	return map_lookup(doc, n);
}

void lor_document_position(const lor_document *doc, size_t offset, size_t *line, size_t *column)
{
	size_t lo = 0, hi = doc->nlines, i, col = 1;

	if (offset > doc->orig_len)
		offset = doc->orig_len;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	i = doc->lines[lo];
	/* Start from the last checkpoint inside this line, if there is one. */
	if (offset / LOR_COLCK * LOR_COLCK > i && offset / LOR_COLCK * LOR_COLCK < doc->orig_len) {
		i = offset / LOR_COLCK * LOR_COLCK;
		col = doc->colck[offset / LOR_COLCK];
	}
	for (; i < offset; i++)
		if (((unsigned char)doc->orig[i] & 0xC0) != 0x80 && doc->orig[i] != '\r')
			col++;
	/* A BOM is not a column. */
	if (lo == 0 && doc->orig_len >= 3 && memcmp(doc->orig, "\xEF\xBB\xBF", 3) == 0 && offset >= 3)
		col--;
	*line = lo + 1;
	*column = col;
}

void lor_text__span(const lor_document *doc, size_t start, size_t end, lor_span *out)
{
	size_t a = lor_text__orig(doc, start), b;

	if (end > start) {
		/* End at the byte after the last normalized byte's source character. */
		size_t last = lor_text__orig(doc, end - 1);

		b = lor_text__orig(doc, end);
		if (b <= last) {
			b = last + 1;
			while (b < doc->orig_len && ((unsigned char)doc->orig[b] & 0xC0) == 0x80)
				b++;
		}
	} else {
		b = a;
	}
	out->offset = a;
	out->length = b - a;
	lor_document_position(doc, a, &out->line, &out->column);
	lor_document_position(doc, b, &out->end_line, &out->end_column);
}
