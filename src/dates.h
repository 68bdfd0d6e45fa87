/* dates.h - find the letter's own date and every dated activity in a letter.
 *
 * Program directors discount letters older than two to three years, so lorlint
 * needs the letter's date and the dates of the activities it describes.  This
 * module is one left-to-right scanner over the normalised text (see
 * lor_dates__extract) plus a line-based rule that picks the letter's own date
 * from what the scanner found (lor_dates__letter_date).  Nothing is resolved
 * against "today": relative phrases are recorded, never turned into dates, so
 * the output depends on the text alone and is reproducible.
 *
 * Internal module: callers outside src/ go through include/lorlint.h.  No
 * global mutable state, no printing, no exit().
 */
#ifndef LOR_DATES_H
#define LOR_DATES_H

#include <limits.h>
#include <stddef.h>

#include "lorlint.h" /* the lor_code values every fallible function returns */

enum lor_date__kind {
	LOR_DATE__DAY,      /* year, month and day known */
	LOR_DATE__MONTH,    /* year and month known, day 0 */
	LOR_DATE__SEASON,   /* year and season known, month and day 0 */
	LOR_DATE__YEAR,     /* year only */
	LOR_DATE__RELATIVE  /* "last year", "hace dos años": noted, not resolved */
};

/* Seasons are northern-hemisphere meteorological seasons (see lor_dates__last_day). */
enum lor_date__season {
	LOR_DATE__NO_SEASON = 0,
	LOR_DATE__SPRING,   /* spring, primavera, printemps */
	LOR_DATE__SUMMER,   /* summer, verano, verão, été */
	LOR_DATE__FALL,     /* fall, autumn, otoño, outono, automne */
	LOR_DATE__WINTER    /* winter, invierno, inverno, hiver */
};

/*
 * Bits of lor_date__item.context.  They are cues from the words that precede
 * the date in its sentence, cheap hints for rules such as "observation N years
 * old"; they are not a parse.  A sentence ends at '.', '!', '?' or ';' before
 * white space (not after a short title-case abbreviation such as "Dr." or
 * "Mar."), at a blank line, or at the end of a short (< 40 byte) line such as
 * a letterhead or signature line.
 */
enum lor_date__context {
	/* preceded in the sentence by supervised, worked, rotated, observed,
	 * taught, mentored, met, known, since, from, in, during, between, desde,
	 * durante, en, em, depuis, pendant, ... */
	LOR_DATE__CTX_OBSERVATION = 1 << 0,
	/* preceded in the sentence by will, expected, anticipated, upcoming,
	 * planned, graduating, ...: the date lies ahead of the writer */
	LOR_DATE__CTX_FUTURE = 1 << 1,
	/* directly after a field label on the same line: "Date:", "Dated:",
	 * "Submitted:", "Date of submission:", "Fecha:", "Data:", "Signed:" */
	LOR_DATE__CTX_LABEL = 1 << 2
};

typedef struct lor_date__item {
	size_t offset, length;  /* byte span in the text given */
	int year, month, day;   /* 0 where unknown (relative: all 0) */
	enum lor_date__kind kind;
	/* 1 for a numeric d/m/y date whose first two parts are both <= 12 and
	 * differ, so they could be swapped.  Such dates are read US-style, month
	 * first, with any separator ('/', '-' or '.'), as the project's contract
	 * says; a first part over 12 makes it day first.  See lor_dates__extract. */
	int ambiguous;
	/* 1 if this item ends a range whose start is the previous item */
	int range_end;
	int context;            /* lor_date__context bits */
	enum lor_date__season season;  /* LOR_DATE__SEASON items only, else 0 */
} lor_date__item;

/* A growable array: items[0 .. count-1] are valid, cap is allocated slots. */
typedef struct lor_dates__list {
	lor_date__item *items;
	size_t count, cap;
} lor_dates__list;

/* Lowest and highest year the scanner accepts in any date. */
#define LOR_DATES__MIN_YEAR 1800 /* old letters exist: Poincaré for Einstein, 1911 */
#define LOR_DATES__MAX_YEAR 2100
/* A year after a month in words may be older: Franklin's "December 20, 1766". */
#define LOR_DATES__MIN_NAMED_YEAR 1600

/* Returned by lor_dates__days_between for a date that is not valid. */
#define LOR_DATES__BAD_SPAN LONG_MIN

/* For the tests: each word of `text` (split at spaces and newlines) is
 * looked up in the scanner's hashed lexicon and in its word tables row by
 * row; 0 when the two agree on every word, else which part differs. */
int lor_dates__lexicon_check(const char *text, size_t len);

/*
 * Find every date in `text` (`len` bytes, need not be NUL-terminated) and
 * store them in `out`, in text order, with non-overlapping spans.
 *
 * `text` is UTF-8 already validated and normalised: NFC, curly quotes and
 * dashes mapped to ASCII ' and -, NBSP to space, CRLF to \n.  Month and
 * season names match case-insensitively for ASCII letters and byte-exactly for
 * accented letters ("Março" and "marco" match, "MARÇO" does not).
 *
 * What is read (every year must lie in LOR_DATES__MIN_YEAR..MAX_YEAR, or from
 * LOR_DATES__MIN_NAMED_YEAR after a month in words):
 *   DAY      "March 3, 2021", "Mar. 3 2021", "March 3rd, 2021", "3 March
 *            2021", "3rd of March, 2021", "12 de agosto de 2025", "le 5
 *            février 2023", "1er mars 2022", "1º de maio de 2020", "1.º de
 *            maio de 2020", "2021-03-03", "2021/03/03", "03/04/2021", "3-4-2021",
 *            "3.4.2021", "15-Oct-2026" (see `ambiguous` for the reading of
 *            numeric dates; a two-digit year is read only with slashes,
 *            "10/15/26", as 20YY below 70 and 19YY from 70); "October 22-25, 2023" gives two
 *            DAY items, "October 22" and "25, 2023", the second a range end
 *   MONTH    "March 2021", "Sept. 2019", "March of 2021", "septiembre 2020",
 *            "setembro de 2019", "03/2021"
 *   SEASON   "Spring 2022", "the fall of 2019", "primavera de 2022", "été 2021"
 *   YEAR     "in 2019"; "2018-2020", "2018 - 2020", "2018-20", "2019/2020"
 *            give two YEAR items, the second with range_end
 *   RELATIVE "last year", "this past spring", "two years ago", "a few months
 *            ago", "el año pasado", "hace dos años", "ano passado", "há dois
 *            anos", "l'année dernière", "il y a deux ans"; not when followed
 *            by "of" ("her last year of residency" is not a date)
 * Ranges: an item gets range_end when only "-", "/", "to", "through", "thru",
 * "until", "till", "a", "al", "hasta", "até", "au" or "à" separates it from
 * the previous item, or "and"/"y"/"e"/"et" after "between"/"entre".  So "from
 * July 2019 to June 2021" and "July 2019 - June 2021" are two MONTH items, the
 * second a range end.
 *
 * What is not a date:
 *   - an invalid calendar date ("February 30, 2021", "13/13/2020",
 *     "31.04.2021", "Feb 29, 2023") is skipped entirely: no item, and its
 *     year is not re-read as a bare YEAR;
 *   - a month or day without a year ("March 3", "in May");
 *   - a digit run glued to other digits by ".,:/-" ("2,019", "2021.5",
 *     "555-2019", "+55 11 2020-3344", "02115-2019"), a part of a longer digit
 *     run ("MRN 20210303"), a number after '$', '#' or '+', or before '%';
 *   - a bare year next to another number across spaces ("555 2019"), after a
 *     label such as page, score, step, room, suite, box, no., ext., MRN, NPI,
 *     ID, ZIP ("score of 2100", "Step 1: 2050", "page 2020 of"), after
 *     "<number> of" ("page 12 of 2019"), after an Australian state code
 *     ("NSW 2000") or a European country prefix ("CH-2000"), or before a
 *     count noun ("2019 patients", "2019 hours") unless a preposition such as
 *     in/since/during comes first ("in 2019 patients were ...");
 *   - times ("20:19") and decades ("1990s").
 *
 * Returns LOR_OK on success, with *out taking ownership of a new array (release it
 * with lor_dates__list_release; it is NULL when nothing was found).  Returns
 * LOR_ENOMEM when out of memory, LOR_EARG when out is NULL or text is NULL with len > 0;
 * *out is then left untouched and nothing leaks.  *out must be zero-initialised or
 * released before the call: its old contents are overwritten, not freed.
 */
int lor_dates__extract(lor_dates__list *out, const char *text, size_t len);

/* Free the items of `list` and zero it so it can be reused.  Accepts NULL and
 * a zero-initialised list. */
void lor_dates__list_release(lor_dates__list *list);

/*
 * Pick the letter's own date among the items of `list`, which must come from
 * lor_dates__extract on the same `text` and `len`.  Returns an index into
 * list->items, or -1 when the letter is undated.
 *
 * Only DAY and MONTH items that are neither end nor start of a range can be
 * the letter date, and the rules are tried in this order:
 *   1. Header: the non-empty lines before the salutation ("Dear", "To whom",
 *      "To the", "Estimado", "Prezado", "Cher", "Madame", "Re:", ...), at
 *      most the first 10 of them (room for a letterhead or address block of
 *      8 lines plus the date line) and stopping at the first line longer than
 *      100 bytes (a paragraph: the body has begun), and the first non-empty
 *      line after the salutation when it is no longer than that (old letters
 *      and their editions put "Philadelphia Decemr. 12. 1803" there).  The
 *      item must stand on a date line (below).  The first DAY wins, else the
 *      first MONTH.
 *   2. Label: an item carrying LOR_DATE__CTX_LABEL anywhere ("Date: ...",
 *      "Submitted: ..."); the first DAY wins, else the first MONTH.
 *   3. Signature: an item on a date line after a closing ("Sincerely",
 *      "Respectfully", "Best regards", "Yours", "Cordially", "Atenciosamente",
 *      "Cordialement", ...: a line of at most 40 bytes starting with one),
 *      where the closing is among the last 10 non-empty lines.  DAY first.
 *   4. Alone: a DAY date line standing alone between blank lines among the
 *      last three blocks, when the text before it ends a sentence and the
 *      text after it does not go on in lower case ("Dated this 3rd day of
 *      November, 2026." above the name block).
 *   5. Closing block: failing all that, an item on a date line in the last
 *      block of the text (after its last blank line), when the text has more
 *      than one block and that block has no closing line: a signature block
 *      with no closing word above it.
 *   6. Run on: failing all that, the last DAY when it ends the text and only
 *      two to six capitalised words or initials stand between it and the end
 *      of the last sentence, within 60 bytes: name, place and date after a
 *      certificate's text ("... with more ability. Sam [C.] Danforth Boston
 *      April 15th 1809.").
 * A date line holds the date and little else: before it, at most 60 bytes
 * ending in ',' (a place or weekday: "Boston, ", "lunes, ", "Paris, le "),
 * in a full stop or a dash after a place ("Lagos, Nigeria. ", "Accra - "),
 * or in the ':' of a date label (LOR_DATE__CTX_LABEL: "Date: ", not "Fecha
 * de ingreso: "), once trailing words among "le", "ce", "el", "em", "on",
 * "the", "this", "signed", "dated", "a", "den", "am" and the weekday names
 * are set aside ("Signed on ", "Friday "); or, with nothing set aside, one
 * to three capitalised words and nothing else, a place without its comma
 * ("Wilmington 16 April 1802"; "upon" and the "qrs" of "Head qrs" may stand
 * among them, and an editor's brackets may hold up to five: "Head qrs
 * [Bergen County] Sepr 9. 1780"; not a word in -ed, nor "Born", "Since",
 * "Until", "Due" and the like); or at most 60 bytes set apart from the date
 * by two or more spaces (a date column beside a name); or the date alone in
 * an editor's brackets ("[December 20, 1766]"). After it, only '.', ',',
 * ';', Markdown emphasis, a clock time ("9:14 AM") or the closing bracket.
 * This is what keeps "I met her on March 3, 2021." out of rule 1.
 * Body dates are activity dates and never the letter date.
 */
long lor_dates__letter_date(const lor_dates__list *list, const char *text, size_t len);

/* 1 if year-month-day is a real proleptic Gregorian date with year in
 * 1..9999 (leap years: divisible by 4, except centuries not divisible by
 * 400), else 0. */
int lor_dates__valid(int year, int month, int day);

/* Days from the first date to the second (d2 - d1: positive when the second is
 * later).  Returns LOR_DATES__BAD_SPAN if either date fails lor_dates__valid. */
long lor_dates__days_between(int y1, int m1, int d1, int y2, int m2, int d2);

/*
 * Parse `s`, a NUL-terminated string, as exactly "YYYY-MM-DD" (the --as-of
 * option): four, two and two ASCII digits, no sign, no space, nothing after,
 * and a valid date.  Returns LOR_OK and sets *y, *m, *d on success; returns
 * LOR_EARG and leaves them untouched otherwise (also when s is NULL).
 */
int lor_dates__parse_iso(const char *s, int *y, int *m, int *d);

/*
 * The last calendar day that `item` can denote: the day itself, the last day
 * of its month, season or year.  Age checks should measure from here so a
 * coarse date never makes an observation look older than it is.  Seasons are
 * northern meteorological: spring ends May 31, summer Aug 31, fall Nov 30,
 * and winter Y (December Y to February Y+1) on the last day of February Y+1.
 * Returns LOR_OK and sets *y, *m, *d; returns LOR_EARG and leaves them
 * untouched for a RELATIVE item or an item whose fields are out of range.
 */
int lor_dates__last_day(const lor_date__item *item, int *y, int *m, int *d);

#endif
