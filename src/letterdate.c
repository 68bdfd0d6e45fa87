/* letterdate.c - which of a letter's dates is the letter's own (dates.h, "the letter date").
 *
 * The scanner (dates.c) finds every date; this file only reads what it found
 * and the lines around it: the date line at the top, a "Date:" field, a date
 * beside the signature, in that order (rules 1 to 3 of dates.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dates_impl.h"

/* Lines that open the body: the header ends before them.  Prefixes. */
static const char *const salutations[] = {
	"dear ", "to whom", "to the ", "estimad", "prezad", "querid", "caro ",
	"cara ", "cher ", "ch\xc3\xa8re ", "chers ", "madame", "monsieur",
	"a quien", "a quem", "hello", "greetings", NULL
};

/* Lines that close the body: the signature follows them.  Prefixes. */
static const char *const closings[] = {
	"sincerely", "respectfully", "best regards", "kind regards",
	"warm regards", "warmest regards", "with best", "with kind", "with warm",
	"regards", "yours", "cordially", "best wishes", "all the best", "warmly",
	"best,", "atentamente", "cordialmente", "atenciosamente", "saludos",
	"un saludo", "respetuosamente", "respeitosamente", "cordialement",
	"bien cordialement", "bien \xc3\xa0 vous", "salutations",
	"respectueusement", "sinc\xc3\xa8res salutations", NULL
};

/* Set aside before the date on a date line: "Paris, le 5 mars 2023". */
static const char *const date_leads[] = {
	"le", "ce", "el", "em", "on", "the", "this", "signed", "dated", /* "Paris, ce 3 mai" */
	"a", /* "Guadalajara, Jalisco, a 3 de mayo de 2024" */
	"den", "am", /* "Berlin, den 28. Juni 1930" */
	/* a weekday before the date, with or without a comma */
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"lunes", "martes", "mi\303\251rcoles", "miercoles", "jueves", "viernes", "s\303\241bado", "sabado",
	"domingo", "segunda-feira", "ter\303\247a-feira", "quarta-feira", "quinta-feira", "sexta-feira",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", NULL
};

/* ---- the letter date --------------------------------------------------- */

#define HEADER_LINES 10     /* letterhead or address (~8 lines) + date line */
#define PARAGRAPH_BYTES 100 /* a longer line is body text */
#define SIGNATURE_LINES 10  /* the closing lies among the last this many */
#define CLOSING_BYTES 40    /* "Sincerely," is short; a body line is not */
#define PREFIX_BYTES 60     /* "São Paulo, " or "Date of submission: " */

static size_t line_start(const struct text *t, size_t p)
{
	while (p > 0 && t->s[p - 1] != '\n')
		p--;
	return p;
}

static size_t line_end(const struct text *t, size_t p)
{
	while (p < t->n && t->s[p] != '\n')
		p++;
	return p;
}

/* A clock time at i ("9:14 AM", "09:14", "17:05:09 GMT"), as e-mail headers
 * put after the date: its end, or i when there is none. */
static size_t time_after(const struct text *t, size_t i)
{
	size_t d = digits_end(t, i), m;

	if (d == i || d - i > 2 || at(t, d) != ':')
		return i;
	m = digits_end(t, d + 1);
	if (m - d - 1 != 2)
		return i;
	if (at(t, m) == ':' && digits_end(t, m + 1) == m + 3)
		m += 3;
	for (;;) { /* AM, p.m., GMT, UTC+1: on the same line */
		size_t w = m, we;

		while (w < t->n && is_blank(t->s[w]))
			w++;
		we = w;
		while (we < t->n && (is_alpha(t->s[we]) || t->s[we] == '.' || t->s[we] == '+' ||
		                     is_digit(t->s[we])))
			we++;
		if (we == w || we - w > 6)
			return m;
		m = we;
	}
}

/* Capitalised words that stand before a date on a line of their own but
 * date something other than the letter. */
static const char *const event_words[] = {
	"born", "since", "until", "till", "from", "to", "due", "deadline", "expires", "valid",
	"effective", "start", "starts", "end", "ends", "by", "before", "after", "date", NULL
};

/* Lower-case words a place name can hold: "Newcastle upon Tyne", "Head
 * qrs" (headquarters, as army letters of the 18th century head themselves).
 * Not "de", "du", "von": "Stage du 5 février 2023" is a sentence. */
static const char *const place_particles[] = { "upon", "qrs", "quarters", NULL };

/* 1 if [s, e) is a place name alone, one to three capitalised words and
 * nothing else: "Wilmington" in "Wilmington 16 April 1802", as letters of
 * the 18th and 19th centuries (and some from abroad today) set the place
 * before the date without a comma. An editor's brackets may hold part of it
 * ("Head qrs [Bergen County]"). A last word in -ed ("Revised", "Received")
 * labels another event, not a place. */
static int place_alone(const struct text *t, size_t s, size_t e)
{
	int words = 0, bracket = 0;

	while (s < e) {
		size_t w = s;

		if (t->s[w] == '[' && !bracket) {
			bracket = 1;
			s++;
			continue;
		}
		if (!is_upper(t->s[w]) && t->s[w] < 0x80) {
			while (w < e && is_wordbyte(t->s[w]))
				w++;
			if (!words || !word_in(t, s, w, place_particles))
				return 0;
		}
		while (w < e && (is_wordbyte(t->s[w]) || t->s[w] == '-' || t->s[w] == '\''))
			w++;
		if (bracket == 1 && w < e && t->s[w] == ']')
			bracket = 2, w++;
		if (w == s || ++words > (bracket ? 5 : 3) || word_in(t, s, w, event_words))
			return 0;
		if (w == e && w - s >= 2 && lower(t->s[w - 2]) == 'e' && lower(t->s[w - 1]) == 'd')
			return 0;
		if (w < e && !is_blank(t->s[w]))
			return 0;
		for (s = w; s < e && is_blank(t->s[s]); s++)
			;
	}
	return words > 0;
}

/* The date holds its line: see "date line" in dates.h. */
static int on_date_line(const struct text *t, const lor_date__item *it)
{
	size_t s = it->offset, e = it->offset, i, w, bare;
	unsigned char closer = 0; /* "[December 20, 1766]": an editor's brackets */

	/* Look back no further than a prefix can reach, so a long line full
	 * of dates costs linear time, not quadratic. */
	for (; s > 0 && t->s[s - 1] != '\n'; s--)
		if (it->offset - s > 2 * PREFIX_BYTES)
			return 0;

	for (i = it->offset + it->length; i < t->n && t->s[i] != '\n'; i++) {
		if (is_digit(t->s[i])) { /* "Monday, October 12, 2026 9:14 AM" */
			size_t te = time_after(t, i);

			if (te == i)
				return 0;
			i = te - 1;
			continue;
		}
		if ((t->s[i] == ']' || t->s[i] == ')') && !closer) {
			closer = (unsigned char)t->s[i];
			continue;
		}
		if (!is_filler(t->s[i]) && !one_of(t->s[i], ".,;"))
			return 0;
	}
	if (closer) { /* in brackets: the date alone, or the place and the date */
		trim(t, &s, &e);
		if (e == s || (unsigned char)t->s[s] != (closer == ']' ? '[' : '('))
			return 0;
		if (e - s == 1)
			return 1;
		s++; /* "[Philadelphia, 12 June 1793]": what leads it is read as on any line */
	}
	/* Set apart by a gap of two or more spaces (or a tab) from what stands
	 * before it on the line: a date column, "/s/ Jane Doe, M.D.    10/20/2026". */
	if (it->offset - s >= 2 && it->offset - s <= PREFIX_BYTES && t->s[it->offset - 1] == ' ' &&
	    t->s[it->offset - 2] == ' ')
		return 1;
	trim(t, &s, &e);
	bare = e;
	for (;;) {  /* "Signed on", "Paris, le", "Friday" */
		for (w = e; w > s && is_wordbyte(t->s[w - 1]); w--)
			;
		if (w == e || (w > s && is_alnum(t->s[w - 1])) || !word_in(t, w, e, date_leads))
			break;
		e = w;
		trim(t, &s, &e);
	}
	if (s == e)
		return 1;
	if (e - s > PREFIX_BYTES)
		return 0;
	/* "Boston, " or "Monday, "; but of labels only the date's own:
	 * "Fecha de ingreso: 5.4.2023" dates an admission, not the letter. */
	if (t->s[e - 1] == ':')
		return (it->context & LOR_DATE__CTX_LABEL) != 0;
	/* "Date: - 08/08/2016": a dash after the label */
	if (t->s[e - 1] == '-' && e - s >= 2) {
		size_t k = e - 1;

		while (k > s && is_blank(t->s[k - 1]))
			k--;
		if (k > s && t->s[k - 1] == ':')
			return 1;
	}
	/* a place set off by a comma, a full stop or a dash, as letters from
	 * abroad write it: "Lagos, Nigeria. 2nd October 2026", "Accra, Ghana - 14 March 2025" */
	return t->s[e - 1] == ',' || (t->s[e - 1] == '.' && e - s >= 4 && is_wordbyte(t->s[e - 2])) ||
	       (t->s[e - 1] == '-' && e - s >= 3 && is_blank(t->s[e - 2])) ||
	       (e == bare && place_alone(t, s, e)); /* "Iniciou em 10 de marco" is no place */
}

/* The line after the salutation still belongs to the header when it is
 * short: letters of the 18th and 19th centuries, and their printed
 * editions, often put the place and date there ("Dear Sir,\n\nPhiladelphia
 * Decemr. 12. 1803", "Monsieur,\nPassy, Sept. 11. 1780."). Only a date that
 * holds that line can date the letter (on_date_line), so a first sentence
 * of the body ("On March 3 she joined us.") does not. */
static size_t line_after_salutation(const struct text *t, size_t p, size_t end)
{
	while (p < t->n) {
		size_t le = line_end(t, p), s = p, e = le;

		trim(t, &s, &e);
		if (s < e)
			return e - s <= PARAGRAPH_BYTES ? le : end;
		p = le + 1;
	}
	return end;
}

/* End of the header: see rule 1 in dates.h. */
static size_t header_end(const struct text *t)
{
	size_t p = 0, end = 0, s, e;
	int lines = 0;

	while (p < t->n) {
		size_t le = line_end(t, p);

		s = p;
		e = le;
		trim(t, &s, &e);
		if (s < e) {
			if (starts_with_any(t, s, e, salutations))
				return line_after_salutation(t, le + 1, end);
			if (e - s > PARAGRAPH_BYTES || ++lines > HEADER_LINES)
				break;
			end = le;
		}
		p = le + 1;
	}
	return end;
}

/* Start of the signature block: the last closing line, if that is among the
 * last SIGNATURE_LINES non-empty lines; SIZE_MAX if there is none. The
 * closing's own line belongs to it: "Yours sincerely, 11/12/02". */
static size_t signature_start(const struct text *t)
{
	size_t le = t->n, ls, s, e;
	int lines = 0;

	for (;;) {
		ls = line_start(t, le);
		s = ls;
		e = le;
		trim(t, &s, &e);
		if (s < e) {
			if (++lines > SIGNATURE_LINES)
				return SIZE_MAX;
			if (e - s <= CLOSING_BYTES && starts_with_any(t, s, e, closings))
				return ls;
		}
		if (ls == 0)
			return SIZE_MAX;
		le = ls - 1;
	}
}

/* Only a DAY or MONTH that is no part of a range, within the text, can date
 * the letter. */
static int dateable(const lor_dates__list *list, size_t i, size_t len)
{
	const lor_date__item *it = &list->items[i];

	if (it->kind != LOR_DATE__DAY && it->kind != LOR_DATE__MONTH)
		return 0;
	if (it->offset > len || it->length > len - it->offset)
		return 0;
	return !it->range_end && !(i + 1 < list->count && list->items[i + 1].range_end);
}

/* Start of the last block (after the last blank line): a signature block
 * that has no closing word ("Sincerely") above it. */
static size_t last_block_start(const struct text *t)
{
	size_t i = t->n;

	while (i > 0 && (t->s[i - 1] == '\n' || t->s[i - 1] == ' '))
		i--;
	for (; i > 1; i--)
		if (t->s[i - 1] == '\n') {
			size_t j = i - 1;

			while (j > 0 && t->s[j - 1] == ' ')
				j--;
			if (j > 0 && t->s[j - 1] == '\n')
				return i;
		}
	return 0;
}

/* Does a line from offset from on start with a closing word? Then rule 3
 * already judged that block, and a date above the closing is not the
 * signature's. */
static int block_has_closing(const struct text *t, size_t from)
{
	size_t s = from;

	while (s < t->n) {
		size_t e = s, a, b;

		while (e < t->n && t->s[e] != '\n')
			e++;
		a = s;
		b = e;
		trim(t, &a, &b);
		if (a < b && b - a <= CLOSING_BYTES && starts_with_any(t, a, b, closings))
			return 1;
		s = e + 1;
	}
	return 0;
}

/* Is the line holding p alone in its block (blank lines or the text's edges
 * around it), and not a sentence broken around it ("was on / March 3, 2021 /
 * and it was superb": the text before ends without a stop, or the text
 * after goes on in lower case)? */
static int line_alone(const struct text *t, size_t p)
{
	size_t ls = line_start(t, p), le = line_end(t, p), q;

	if (ls > 0) { /* the line before must be blank, the text before it must end */
		q = ls - 1;
		while (q > 0 && is_blank(t->s[q - 1]))
			q--;
		if (q > 0 && t->s[q - 1] != '\n')
			return 0;
		while (q > 0 && (t->s[q - 1] == '\n' || is_blank(t->s[q - 1])))
			q--;
		if (q > 0 && !one_of(t->s[q - 1], ".!?:)\"'"))
			return 0;
	}
	if (le < t->n) { /* the line after must be blank, the text after not go on */
		q = le + 1;
		while (q < t->n && is_blank(t->s[q]))
			q++;
		if (q < t->n && t->s[q] != '\n')
			return 0;
		while (q < t->n && (t->s[q] == '\n' || is_blank(t->s[q])))
			q++;
		if (q < t->n && t->s[q] >= 'a' && t->s[q] <= 'z')
			return 0;
	}
	return 1;
}

/* Number of blocks (paragraphs) that start after offset p. */
static size_t blocks_after(const struct text *t, size_t p)
{
	size_t n = 0, i = line_end(t, p);

	while (i < t->n) {
		size_t j = i + 1;
		int blank = 0;

		while (j < t->n && (is_blank(t->s[j]) || t->s[j] == '\n')) {
			if (t->s[j] == '\n')
				blank = 1;
			j++;
		}
		if (blank && j < t->n)
			n++;
		i = line_end(t, j);
	}
	return n;
}

/* The last DAY item on a date line of its own among the last three blocks
 * of the text (the date, then the name and title blocks). */
static long alone_date(const lor_dates__list *list, const struct text *t)
{
	size_t i;

	for (i = list->count; i-- > 0;) {
		const lor_date__item *it = &list->items[i];

		if (blocks_after(t, it->offset) > 2)
			break;
		if (it->kind == LOR_DATE__DAY && dateable(list, i, t->n) && on_date_line(t, it) &&
		    line_alone(t, it->offset))
			return (long)i;
	}
	return -1;
}

/* A date that ends the text on the line of the signature itself, after the
 * last sentence: "... with more ability. Sam [C.] Danforth Boston April 15th
 * 1809." (a certificate of one paragraph, name, place and date run on).
 * Between the sentence's end and the date stand only two to six capitalised
 * words or initials, within PREFIX_BYTES. The last DAY item, or -1. */
static long trailing_date(const lor_dates__list *list, const struct text *t)
{
	size_t i = list->count, p, k, words = 0, caps = 0;
	const lor_date__item *it;

	while (i > 0 && list->items[i - 1].kind != LOR_DATE__DAY)
		i--;
	if (!i || !dateable(list, i - 1, t->n))
		return -1;
	it = &list->items[i - 1];
	for (k = it->offset + it->length; k < t->n; k++)
		if (!is_blank(t->s[k]) && t->s[k] != '\n' && t->s[k] != '.')
			return -1; /* more follows the date */
	for (p = it->offset; p > 0 && it->offset - p <= PREFIX_BYTES;) {
		size_t e = p, s;

		while (e > 0 && is_blank(t->s[e - 1]))
			e--;
		if (e == 0 || t->s[e - 1] == '\n')
			return -1; /* the line began: the signature-line rules judged it */
		for (s = e; s > 0 && !is_blank(t->s[s - 1]) && t->s[s - 1] != '\n'; s--)
			;
		{
			size_t a = s + (t->s[s] == '['), b = e - (t->s[e - 1] == ']');
			int initial = b - a == 2 && is_upper(t->s[a]) && t->s[a + 1] == '.';

			if (!initial && one_of(t->s[e - 1], ".!?"))
				return words >= 2 && caps >= 2 ? (long)(i - 1) : -1; /* the sentence's end */
			if (!(is_upper(t->s[a]) || t->s[a] >= 0x80) || ++words > 6)
				return -1;
			caps += !initial;
		}
		p = s;
	}
	return -1;
}

/* Which rule is being applied by pick(). */
enum rule { RULE_HEADER, RULE_LABEL, RULE_SIGNATURE, RULE_LAST_BLOCK };

static long pick(const lor_dates__list *list, const struct text *t, enum rule rule)
{
	size_t i, from = 0, to = t->n;
	long month = -1;

	if (rule == RULE_HEADER)
		to = header_end(t);
	else if (rule == RULE_SIGNATURE)
		from = signature_start(t);
	else if (rule == RULE_LAST_BLOCK)
		from = last_block_start(t);
	for (i = 0; i < list->count; i++) {
		const lor_date__item *it = &list->items[i];

		if (!dateable(list, i, t->n) || it->offset < from || it->offset + it->length > to)
			continue;
		if (rule == RULE_LABEL ? !(it->context & LOR_DATE__CTX_LABEL) : !on_date_line(t, it))
			continue;
		if (it->kind == LOR_DATE__DAY)
			return (long)i;
		if (month < 0)
			month = (long)i;
	}
	return month;
}

long lor_dates__letter_date(const lor_dates__list *list, const char *text, size_t len)
{
	struct text t;
	long i;

	if (!list || !list->count || !text)
		return -1;
	t.s = (const unsigned char *)text;
	t.n = len;
	if ((i = pick(list, &t, RULE_HEADER)) >= 0)
		return i;
	if ((i = pick(list, &t, RULE_LABEL)) >= 0)
		return i;
	if ((i = pick(list, &t, RULE_SIGNATURE)) >= 0)
		return i;
	/* A date line standing alone between blank lines among the last three
	 * blocks: "Dated this 3rd day of November, 2026." above the name. */
	if ((i = alone_date(list, &t)) >= 0)
		return i;
	/* A date line in the closing block, as signature blocks without a closing
	 * word end: "Name, title, institution, 27 August 2026". */
	if (list->count && last_block_start(&t) > 0 && !block_has_closing(&t, last_block_start(&t)) &&
	    (i = pick(list, &t, RULE_LAST_BLOCK)) >= 0)
		return i;
	return trailing_date(list, &t);
}

/* ---- calendar ---------------------------------------------------------- */

