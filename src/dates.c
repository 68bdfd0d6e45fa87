/* dates.c - the date scanner declared in dates.h (the letter-date rule is letterdate.c).
 *
 * One left-to-right pass over the text, a token at a time.  At the start of a
 * digit run the numeric patterns are tried, at the start of a word the word
 * patterns, always in the same fixed order; the first match wins and the scan
 * resumes after it, so spans never overlap and the result depends on the text
 * alone.  The vocabulary (month and season names, relative phrases, cue and
 * label words) lives in static const tables, so a language is a few rows, not
 * code.  Two short passes over the finished list then mark ranges and context.
 * The letter-date rule (letterdate.c) works on lines and only reads what the
 * scanner found; the calendar arithmetic (days between dates) is at the end.
 *
 * Every read is bounds-checked against the length: the text is a span, never
 * assumed to be NUL-terminated.  Bytes >= 0x80 count as letters, which is
 * right for the normalised input (dashes, quotes and NBSP are ASCII by now)
 * and lets accented month names match byte for byte without any locale.
 */
#include "dates.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dates_impl.h"


#define MAX_RELATIVE 64

struct scan {
	struct text t;
	lor_dates__list list;
	int oom;
};

/* ---- vocabulary ------------------------------------------------------- */

struct name {
	const char *name;
	int value;
	int abbrev;  /* may be followed by '.' */
};

/* Non-ASCII letters are UTF-8 escapes, so the tables survive any editor or
 * source charset; octal where a hex digit follows ("d\303\251cembre"), as
 * "\xa9c" would be read as one escape.
 *
 * Foreign abbreviations are left out on purpose: "ago", "set", "out", "mar"
 * are ordinary words, and a false month costs more than a missed one. */
static const struct name months[] = {
	{ "january", 1, 0 }, { "february", 2, 0 }, { "march", 3, 0 },
	{ "april", 4, 0 }, { "may", 5, 0 }, { "june", 6, 0 }, { "july", 7, 0 },
	{ "august", 8, 0 }, { "september", 9, 0 }, { "october", 10, 0 },
	{ "november", 11, 0 }, { "december", 12, 0 },
	{ "jan", 1, 1 }, { "feb", 2, 1 }, { "mar", 3, 1 }, { "apr", 4, 1 },
	{ "jun", 6, 1 }, { "jul", 7, 1 }, { "aug", 8, 1 }, { "sep", 9, 1 },
	{ "sept", 9, 1 }, { "oct", 10, 1 }, { "nov", 11, 1 }, { "dec", 12, 1 },
	/* Spanish */
	{ "enero", 1, 0 }, { "febrero", 2, 0 }, { "marzo", 3, 0 },
	{ "abril", 4, 0 }, { "mayo", 5, 0 }, { "junio", 6, 0 }, { "julio", 7, 0 },
	{ "agosto", 8, 0 }, { "septiembre", 9, 0 }, { "setiembre", 9, 0 },
	{ "octubre", 10, 0 }, { "noviembre", 11, 0 }, { "diciembre", 12, 0 },
	/* Portuguese (abril, agosto as in Spanish) */
	{ "janeiro", 1, 0 }, { "fevereiro", 2, 0 }, { "mar\xc3\xa7o", 3, 0 },
	{ "marco", 3, 0 }, { "maio", 5, 0 }, { "junho", 6, 0 }, { "julho", 7, 0 },
	{ "setembro", 9, 0 }, { "outubro", 10, 0 }, { "novembro", 11, 0 },
	{ "dezembro", 12, 0 },
	/* French */
	{ "janvier", 1, 0 }, { "f\xc3\xa9vrier", 2, 0 }, { "fevrier", 2, 0 },
	{ "mars", 3, 0 }, { "avril", 4, 0 }, { "mai", 5, 0 }, { "juin", 6, 0 },
	{ "juillet", 7, 0 }, { "ao\xc3\xbbt", 8, 0 }, { "aout", 8, 0 },
	{ "septembre", 9, 0 }, { "octobre", 10, 0 }, { "novembre", 11, 0 },
	{ "d\303\251cembre", 12, 0 }, { "decembre", 12, 0 },
	/* German (April, August, September, November as in English; Mai as in French) */
	{ "januar", 1, 0 }, { "j\303\244nner", 1, 0 }, { "februar", 2, 0 }, { "m\303\244rz", 3, 0 },
	{ "juni", 6, 0 }, { "juli", 7, 0 }, { "oktober", 10, 0 }, { "dezember", 12, 0 },
	/* English abbreviations of old letters, the last letters raised in the
	 * manuscript: "Septr. 18th. 1812", "Octobr. 1st. 1814", "Sepr 9. 1780",
	 * "Decemr. 12. 1803" (as the Founders Online transcriptions print them) */
	{ "jany", 1, 1 }, { "janry", 1, 1 }, { "feby", 2, 1 }, { "febry", 2, 1 }, { "aprl", 4, 1 },
	{ "augt", 8, 1 }, { "septr", 9, 1 }, { "sepr", 9, 1 }, { "septemr", 9, 1 },
	{ "octr", 10, 1 }, { "octobr", 10, 1 }, { "novr", 11, 1 }, { "novemr", 11, 1 },
	{ "decr", 12, 1 }, { "decemr", 12, 1 },
};

static const struct name seasons[] = {
	{ "spring", LOR_DATE__SPRING, 0 }, { "summer", LOR_DATE__SUMMER, 0 },
	{ "fall", LOR_DATE__FALL, 0 }, { "autumn", LOR_DATE__FALL, 0 },
	{ "winter", LOR_DATE__WINTER, 0 },
	{ "primavera", LOR_DATE__SPRING, 0 }, { "verano", LOR_DATE__SUMMER, 0 },
	{ "ver\xc3\xa3o", LOR_DATE__SUMMER, 0 }, { "oto\xc3\xb1o", LOR_DATE__FALL, 0 },
	{ "outono", LOR_DATE__FALL, 0 }, { "invierno", LOR_DATE__WINTER, 0 },
	{ "inverno", LOR_DATE__WINTER, 0 }, { "printemps", LOR_DATE__SPRING, 0 },
	{ "\xc3\xa9t\xc3\xa9", LOR_DATE__SUMMER, 0 }, { "automne", LOR_DATE__FALL, 0 },
	{ "hiver", LOR_DATE__WINTER, 0 },
};

/* "3rd", "1er", "1º" (U+00BA), "1°" (U+00B0) */
static const char *const ordinals[] = {
	"st", "nd", "rd", "th", "er", "\xc2\xba", "\xc2\xb0", NULL
};

/* Between a month or season and its year: "March of 2021", "marzo de 2021". */
static const char *const year_links[] = { "of", "de", "del", NULL };

/*
 * Relative phrases, tried in order at each token.  "<u>" is one time unit,
 * "<n>" one to three count tokens ("two", "a few", "a couple of", "3"); a
 * literal ending in an apostrophe is glued to the next element ("l'année").
 */
static const char *const relative_phrases[] = {
	"this past <u>", "last <u>", "last <n> <u>", "past <u>", "past <n> <u>",
	"this <u>", "next <u>", "previous <u>", "prior <u>", "<n> <u> ago",
	"el <u> pasado", "la <u> pasada", "el pasado <u>", "<u> pasado",
	"<u> pasada", "hace <n> <u>", "este <u>", "esta <u>",
	"<u> passado", "<u> passada", "h\xc3\xa1 <n> <u>", "neste <u>", "nesta <u>",
	"l' <u> derni\xc3\xa8re", "l' <u> dernier", "<u> derni\xc3\xa8re",
	"<u> dernier", "il y a <n> <u>", "cette <u>", "cet <u>", "ce <u>",
	NULL
};

_Static_assert(sizeof(relative_phrases) / sizeof(*relative_phrases) <= MAX_RELATIVE,
               "raise MAX_RELATIVE");

static const char *const units[] = {
	"year", "years", "month", "months", "week", "weeks", "semester",
	"semesters", "spring", "summer", "fall", "autumn", "winter",
	"a\xc3\xb1o", "a\xc3\xb1os", "mes", "meses", "semana", "semanas",
	"semestre", "semestres", "verano", "invierno", "oto\xc3\xb1o", "primavera",
	"ano", "anos", "m\xc3\xaas", "ver\xc3\xa3o", "inverno", "outono",
	"an", "ans", "ann\303\251e", "ann\303\251es", "mois", "semaine",
	"semaines", "\xc3\xa9t\xc3\xa9", "hiver", "printemps", "automne",
	NULL
};

static const char *const counts[] = {
	"a", "an", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "few", "several", "many",
	"some", "couple", "of",
	"un", "una", "uno", "unos", "dos", "tres", "cuatro", "cinco", "seis",
	"varios", "varias", "um", "uma", "dois", "duas", "tr\xc3\xaas", "quatro",
	"alguns", "algumas", "v\xc3\xa1rios", "une", "deux", "trois", "quatre",
	"cinq", "sept", "huit", "quelques", "plusieurs",
	NULL
};

/* A year right after one of these is a label's value, not a year. */
static const char *const number_labels[] = {
	"page", "pages", "p", "pp", "score", "scores", "scored", "step", "room",
	"rm", "suite", "ste", "apt", "unit", "box", "ext", "extension", "no",
	"number", "mrn", "npi", "id", "zip", "code", "pager", "fax", "tel",
	"phone", "bldg", "building", "floor", "ward", "bed", "usmle", "comlex",
	"total", "version", "pmid", NULL
};

/* Words that may sit between a label and its number: "a score of 2100". */
static const char *const label_glue[] = {
	"of", "was", "is", "a", "an", "the", "were", NULL
};

/* Australian states, matched case-sensitively: "Sydney NSW 2000". */
static const char *const states[] = {
	"NSW", "VIC", "QLD", "TAS", "ACT", "NT", "SA", "WA", NULL
};

/* "2019 patients" is a count; plural count nouns and units of measure. */
static const char *const count_nouns[] = {
	"patient", "patients", "resident", "residents", "student", "students",
	"encounters", "notes", "alerts", "orders", "charts", "cases", "hours",
	"hrs", "visits", "admissions", "procedures", "surgeries", "operations",
	"consults", "consultations", "people", "persons", "beds", "points",
	"words", "pages", "times", "members", "applicants", "participants",
	"subjects", "samples", "images", "studies", "articles", "citations",
	"calls", "shifts", "deliveries", "births", "children", "adults",
	"calories", "miles", "minutes", "days", "weeks", "months", "years",
	"dollars", "usd", "euros", "reais", "percent", "kg", "mg", "ml", "km",
	"lbs", "pacientes", "horas", "heures", NULL
};

/* ...unless the year follows a preposition: "in 2019 patients were ..." */
static const char *const year_preps[] = {
	"in", "since", "during", "until", "by", "from", "through", "to",
	"before", "after", "en", "em", "desde", "durante", "depuis", "pendant",
	NULL
};

static const char *const range_links[] = {
	"-", "/", "to", "through", "thru", "until", "till", "a", "al", "hasta",
	"at\xc3\xa9", "au", "\xc3\xa0", NULL
};

static const char *const between_words[] = { "between", "entre", NULL };
static const char *const and_words[] = { "and", "y", "e", "et", NULL };

static const char *const observation_cues[] = {
	"supervised", "supervise", "supervising", "supervisor", "worked", "work",
	"working", "rotated", "rotating", "rotation", "rotations", "since",
	"from", "in", "during", "observed", "observe", "observing", "taught",
	"teach", "teaching", "mentored", "mentor", "mentoring", "met", "known",
	"precepted", "precepting", "trained", "training", "attended",
	"clerkship", "elective", "between", "desde", "durante", "en", "em",
	"depuis", "pendant", "entre", NULL
};

/* The observation cues that only link a date to a clause ("in", "from"). */
static const char *const linking_cues[] = {
	"since", "from", "in", "during", "between", "desde", "durante", "en", "em", "depuis",
	"pendant", "entre", "known", "met", NULL
};

/* A date in a clause about a credential or a milestone dates no observed
 * work, however "in" or "from" it is introduced: "she graduated from
 * medical school in 2015", "admitted in 2018", "born in 1990". */
static const char *const milestone_words[] = {
	"graduated", "graduate", "graduating", "graduation", "admitted", "admission",
	"enrolled", "enrollment", "enrolment", "matriculated", "born", "qualified",
	"degree", "diploma", "licensed", "licence", "license", "certified", "certification",
	"passed", "obtained", "earned", "awarded", "received", "finished", "completed",
	"class", "promoted", "published", "married", "emigrated", "immigrated", "moved",
	"egresado", "egresada", "graduado", "graduada", "graduou", "formado", "formada",
	"dipl\303\264m\303\251", "dipl\303\264m\303\251e", NULL
};

static const char *const future_cues[] = {
	"will", "shall", "expected", "expects", "expect", "anticipated",
	"anticipates", "upcoming", "planned", "plans", "intends", "graduating",
	"pr\xc3\xb3ximo", "pr\xc3\xb3xima", "prochain", "prochaine", NULL
};

static const char *const field_labels[] = {
	"date", "dated", "submitted", "submission", "signed", "letter", "fecha",
	"data", "sent", NULL
};




/* ---- the lexicon ------------------------------------------------------
 *
 * Every word list above in one hash table, built once: which lists a word
 * is on (and which month or season it names, which relative phrases it
 * opens) is one hashed lookup of its ASCII-folded bytes, not a string
 * compare per row of each list.  The scanner looks up each word of the
 * letter at least once, so this is most of its work. */

enum {
	LX_UNIT = 1u << 0, LX_COUNT = 1u << 1, LX_YEAR_LINK = 1u << 2, LX_ORDINAL = 1u << 3,
	LX_NUMBER_LABEL = 1u << 4, LX_LABEL_GLUE = 1u << 5, LX_COUNT_NOUN = 1u << 6,
	LX_YEAR_PREP = 1u << 7, LX_RANGE_LINK = 1u << 8, LX_BETWEEN = 1u << 9, LX_AND = 1u << 10,
	LX_OBSERVATION = 1u << 11, LX_LINKING = 1u << 12, LX_MILESTONE = 1u << 13,
	LX_FUTURE = 1u << 14, LX_FIELD_LABEL = 1u << 15
};

/* The lists, each with its bit (in the order of the enum). */
static const char *const *const lx_lists[] = {
	units, counts, year_links, ordinals, number_labels, label_glue, count_nouns, year_preps,
	range_links, between_words, and_words, observation_cues, linking_cues, milestone_words,
	future_cues, field_labels,
};

struct lexent {
	const char *w;          /* as a table spells it; NULL: an empty slot */
	size_t len;
	uint32_t lists;         /* LX_* */
	uint64_t opens;         /* the relative phrases whose first element it is */
	signed char month, month_abbrev, season; /* 0: not one */
};

#define LX_SLOTS 1024 /* a power of two, over twice the words of all lists */
static struct lexent lx_table[LX_SLOTS];
static size_t lx_longest;
static uint64_t lx_opens_count, lx_opens_unit; /* phrases that open with "<n>", "<u>" */
static pthread_once_t lx_once = PTHREAD_ONCE_INIT;

static uint32_t lx_hash(const unsigned char *w, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ lower(w[i])) * 16777619u;
	return h;
}

static int lx_same(const unsigned char *a, const char *b, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (lower(a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* The slot of w (len bytes): its entry, or the empty slot where it goes. */
static struct lexent *lx_slot(const unsigned char *w, size_t len)
{
	uint32_t i = lx_hash(w, len) & (LX_SLOTS - 1);

	while (lx_table[i].w && !(lx_table[i].len == len && lx_same(w, lx_table[i].w, len)))
		i = (i + 1) & (LX_SLOTS - 1);
	return &lx_table[i];
}

static struct lexent *lx_add(const char *w, size_t len)
{
	struct lexent *x = lx_slot((const unsigned char *)w, len);

	if (!x->w) {
		x->w = w;
		x->len = len;
		if (len > lx_longest)
			lx_longest = len;
	}
	return x;
}

static void lx_build(void)
{
	size_t i, k;
	const char *const *w;

	for (i = 0; i < sizeof(lx_lists) / sizeof(*lx_lists); i++)
		for (w = lx_lists[i]; *w; w++)
			lx_add(*w, strlen(*w))->lists |= 1u << i;
	/* a word on both tables names what the first row with it says, as a
	 * scan of the table in order would find */
	for (i = 0; i < sizeof(months) / sizeof(*months); i++) {
		struct lexent *x = lx_add(months[i].name, strlen(months[i].name));

		if (!x->month) {
			x->month = (signed char)months[i].value;
			x->month_abbrev = (signed char)months[i].abbrev;
		}
	}
	for (i = 0; i < sizeof(seasons) / sizeof(*seasons); i++) {
		struct lexent *x = lx_add(seasons[i].name, strlen(seasons[i].name));

		if (!x->season)
			x->season = (signed char)seasons[i].value;
	}
	for (i = 0; relative_phrases[i]; i++) {
		const char *ph = relative_phrases[i], *sp = strchr(ph, ' ');

		k = sp ? (size_t)(sp - ph) : strlen(ph);
		if (k == 3 && !memcmp(ph, "<n>", 3))
			lx_opens_count |= (uint64_t)1 << i;
		else if (k == 3 && !memcmp(ph, "<u>", 3))
			lx_opens_unit |= (uint64_t)1 << i;
		else /* a glued "l'" opens the word "l": the apostrophe ends a word */
			lx_add(ph, ph[k - 1] == '\'' ? k - 1 : k)->opens |= (uint64_t)1 << i;
	}
}

/* The lexicon's entry for the word [p, e), or NULL when it is on no list. */
static const struct lexent *lx_find(const struct text *t, size_t p, size_t e)
{
	const struct lexent *x;

	pthread_once(&lx_once, lx_build);
	if (e <= p || e - p > lx_longest)
		return NULL;
	x = lx_slot(t->s + p, e - p);
	return x->w ? x : NULL;
}

/* The month [p, e) names (1-12; *abbrev: it may take a '.'), or 0. */
static int lx_month(const struct text *t, size_t p, size_t e, int *abbrev)
{
	const struct lexent *x = lx_find(t, p, e);

	if (!x || !x->month)
		return 0;
	*abbrev = x->month_abbrev;
	return x->month;
}

/* Is [p, e) on the list `bit`?  (word_in of that list, in one lookup) */
static int lx_in(const struct text *t, size_t p, size_t e, uint32_t bit)
{
	const struct lexent *x = lx_find(t, p, e);

	return x && (x->lists & bit);
}

/* For the tests: does the lexicon say of the word [p, e) what a scan of
 * each table in order says?  0: it does; otherwise which part differs. */
static int lx_agrees(const struct text *t, size_t p, size_t e)
{
	const struct lexent *x = lx_find(t, p, e);
	size_t i, k;
	uint64_t opens = 0;
	int month = 0, abbrev = 0, season = 0;

	for (i = 0; i < sizeof(lx_lists) / sizeof(*lx_lists); i++)
		if (word_in(t, p, e, lx_lists[i]) != (x && (x->lists & (1u << i))))
			return 1;
	for (i = 0; i < sizeof(months) / sizeof(*months) && !month; i++)
		if (word_is(t, p, e, months[i].name))
			month = months[i].value, abbrev = months[i].abbrev;
	for (i = 0; i < sizeof(seasons) / sizeof(*seasons) && !season; i++)
		if (word_is(t, p, e, seasons[i].name))
			season = seasons[i].value;
	if (month != (x ? x->month : 0) || (month && abbrev != x->month_abbrev) || season != (x ? x->season : 0))
		return 2;
	for (i = 0; relative_phrases[i]; i++) {
		const char *ph = relative_phrases[i], *sp = strchr(ph, ' ');

		k = sp ? (size_t)(sp - ph) : strlen(ph);
		if (ph[0] == '<')
			continue;
		if (ph[k - 1] == '\'' ? e - p == k - 1 && lx_same(t->s + p, ph, k - 1) :
		                        e - p == k && lx_same(t->s + p, ph, k))
			opens |= (uint64_t)1 << i;
	}
	return opens != (x ? x->opens : 0) ? 3 : 0;
}

/* Check w, w in capitals, w less its last byte and w with 's' or '\'' added. */
static int lx_agrees_near(const char *w)
{
	unsigned char b[64];
	size_t n = strlen(w), i;
	struct text t = { b, 0 };
	int rc;

	if (n + 2 > sizeof(b))
		return 4;
	memcpy(b, w, n);
	if ((rc = lx_agrees(&t, 0, n)) || (n > 1 && (rc = lx_agrees(&t, 0, n - 1))))
		return rc;
	b[n] = 's';
	if ((rc = lx_agrees(&t, 0, n + 1)))
		return rc;
	b[n] = '\'';
	if ((rc = lx_agrees(&t, 0, n + 1)))
		return rc;
	for (i = 0; i < n; i++)
		b[i] = (unsigned char)(b[i] >= 'a' && b[i] <= 'z' ? b[i] - 32 : b[i]);
	return lx_agrees(&t, 0, n);
}

int lor_dates__lexicon_check(const char *text, size_t len)
{
	struct text t = { (const unsigned char *)text, len };
	size_t p = 0, e, i;
	const char *const *w;
	int rc;

	/* every word of every table, and words near them */
	for (i = 0; i < sizeof(lx_lists) / sizeof(*lx_lists); i++)
		for (w = lx_lists[i]; *w; w++)
			if ((rc = lx_agrees_near(*w)))
				return rc;
	for (i = 0; i < sizeof(months) / sizeof(*months); i++)
		if ((rc = lx_agrees_near(months[i].name)))
			return rc;
	for (i = 0; i < sizeof(seasons) / sizeof(*seasons); i++)
		if ((rc = lx_agrees_near(seasons[i].name)))
			return rc;
	for (i = 0; relative_phrases[i]; i++) {
		char b[64];
		const char *sp = strchr(relative_phrases[i], ' ');
		size_t k = sp ? (size_t)(sp - relative_phrases[i]) : strlen(relative_phrases[i]);

		if (k >= sizeof(b))
			return 4;
		memcpy(b, relative_phrases[i], k);
		b[k] = '\0';
		if ((rc = lx_agrees_near(b)))
			return rc;
	}

	while (p < len) {
		e = p;
		while (e < len && text[e] != ' ' && text[e] != '\n')
			e++;
		if (e > p && (rc = lx_agrees(&t, p, e)))
			return rc;
		p = e + 1;
	}
	return 0;
}

/* ---- the list ---------------------------------------------------------- */

static lor_date__item *push(struct scan *sc, size_t p, size_t e, enum lor_date__kind kind,
			    int year, int month, int day)
{
	lor_dates__list *l = &sc->list;
	lor_date__item *it;

	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		void *items;

		if (cap > SIZE_MAX / sizeof(*l->items) ||
		    !(items = realloc(l->items, cap * sizeof(*l->items)))) {
			sc->oom = 1;
			return NULL;
		}
		l->items = items;
		l->cap = cap;
	}
	it = &l->items[l->count++];
	memset(it, 0, sizeof(*it));
	it->offset = p;
	it->length = e - p;
	it->kind = kind;
	it->year = year;
	it->month = month;
	it->day = day;
	return it;
}

/* Push a DAY if the date is real.  An impossible one is dropped, but its span
 * is still consumed so that "February 30, 2021" leaves no bare 2021 behind. */
static size_t push_day(struct scan *sc, size_t p, size_t e, int y, int m, int d, int ambiguous)
{
	lor_date__item *it;

	if (lor_dates__valid(y, m, d) && (it = push(sc, p, e, LOR_DATE__DAY, y, m, d)))
		it->ambiguous = ambiguous;
	return e;
}

/* ---- numbers ----------------------------------------------------------- */

static int plausible(int y) { return y >= LOR_DATES__MIN_YEAR && y <= LOR_DATES__MAX_YEAR; }

/* A number starts cleanly: not after '$', '#' or '+', and not glued by one of
 * ".,:/-" to digits before it ("2,019", "555-2019"). */
static int left_clean(const struct text *t, size_t p)
{
	unsigned char c;

	if (p == 0)
		return 1;
	c = t->s[p - 1];
	if (c == '$' || c == '#' || c == '+')
		return 0;
	return !(one_of(c, ".,:/-") && p >= 2 && is_digit(t->s[p - 2]));
}

/* A number ends cleanly: not glued to letters, '%', or more digits. */
static int right_clean(const struct text *t, size_t e)
{
	unsigned char c = at(t, e);

	if (is_alnum(c) || c == '%')
		return 0;
	return !(one_of(c, ".,:/-") && is_digit(at(t, e + 1)));
}

/* After a month or season name ending at q: an optional '.', ',' and "of" or
 * "de", then a four-digit year from LOR_DATES__MIN_NAMED_YEAR on (a month
 * in words makes an older year plain).  Sets *ye past it. */
static int year_after(const struct text *t, size_t q, int abbrev, size_t *ye, int *year)
{
	size_t r, we, e;

	if (abbrev && at(t, q) == '.')
		q++;
	r = skip_ws(t, q);
	if (at(t, r) == ',')
		r = skip_ws(t, r + 1);
	else if (r == q)
		return 0;
	we = word_end(t, r);
	if (we > r && lx_in(t, r, we, LX_YEAR_LINK)) {
		r = skip_ws(t, we);
		if (r == we)
			return 0;
	}
	e = digits_end(t, r);
	if (e - r != 4 || !right_clean(t, e) || number(t, r, e) < LOR_DATES__MIN_NAMED_YEAR ||
	    number(t, r, e) > LOR_DATES__MAX_YEAR)
		return 0;
	*ye = e;
	*year = number(t, r, e);
	return 1;
}

/* Past an ordinal suffix at e, if any; European Portuguese writes "1.º". */
static size_t ordinal(const struct text *t, size_t e)
{
	size_t s = at(t, e) == '.' ? e + 1 : e, w = word_end(t, s);

	if (s > e && !word_is(t, s, w, "\xc2\xba")) {
		/* the German and Scandinavian ordinal dot: "28. Juni 1930" */
		if (s < t->n && is_blank(t->s[s]))
			return s;
		return e;
	}
	/* the old "2d", "3d", "23d" for 2nd, 3rd, 23rd */
	if (w == s + 1 && s == e && lower(t->s[s]) == 'd' && e > 0 && (t->s[e - 1] == '2' || t->s[e - 1] == '3'))
		return at(t, w) == '.' && is_blank(at(t, w + 1)) ? w + 1 : w;
	if (!(w > s && lx_in(t, s, w, LX_ORDINAL)))
		return e;
	/* "18th. Septr. 1812": a full stop after the ordinal */
	return at(t, w) == '.' && is_blank(at(t, w + 1)) ? w + 1 : w;
}

/* "2021-03-03", "2021/3/3", "03/04/2021", "3-4-2021", "3.4.2021", "03/2021" */
static size_t numeric_date(struct scan *sc, size_t p, size_t e1)
{
	const struct text *t = &sc->t;
	unsigned char sep = at(t, e1);
	size_t n1 = e1 - p, p2 = e1 + 1, e2, n2, p3, e3, n3;
	int a, b, y, m, d;

	if (!one_of(sep, "/-."))
		return 0;
	e2 = digits_end(t, p2);
	n2 = e2 - p2;
	a = n1 <= 4 ? number(t, p, e1) : 0;
	if (n1 <= 2 && sep == '/' && n2 == 4 && right_clean(t, e2)) {
		y = number(t, p2, e2);
		if (a < 1 || a > 12 || !plausible(y))
			return 0;
		push(sc, p, e2, LOR_DATE__MONTH, y, a, 0);
		return e2;
	}
	if (n2 < 1 || n2 > 2 || at(t, e2) != sep)
		return 0;
	b = number(t, p2, e2);
	p3 = e2 + 1;
	e3 = digits_end(t, p3);
	n3 = e3 - p3;
	if (!right_clean(t, e3))
		return 0;
	if (n1 == 4 && sep != '.' && n3 >= 1 && n3 <= 2) {
		y = a;
		if (!plausible(y))
			return 0;
		return push_day(sc, p, e3, y, b, number(t, p3, e3), 0);
	}
	if (n1 < 1 || n1 > 2 || (n3 != 4 && !(n3 == 2 && sep == '/')))
		return 0;
	y = number(t, p3, e3);
	/* "10/15/26": a two-digit year, with slashes only, is 19YY from 70 on */
	if (n3 == 2)
		y += y < 70 ? 2000 : 1900;
	if (!plausible(y))
		return 0;
	/* Month first, US-style, whatever the separator, unless the first part
	 * cannot be a month: the reading the project's contract fixes; the
	 * AmbiguousDate rule asks for the month in words when both could be. */
	m = a;
	d = b;
	if (m > 12 && d <= 12) {
		int x = m;
		m = d;
		d = x;
	}
	return push_day(sc, p, e3, y, m, d, a <= 12 && b <= 12 && a != b);
}

/* "3 March 2021", "3rd of March, 2021", "12 de agosto de 2025", "1er mars 2022",
 * "15-Oct-2026" */
static size_t day_first(struct scan *sc, size_t p, size_t e)
{
	const struct text *t = &sc->t;
	size_t q = ordinal(t, e), r, we, ye;
	int month, abbrev, year;

	if (q == e && at(t, e) == '-') { /* the hyphenated form, month in letters */
		size_t y0, y1;

		r = e + 1;
		we = word_end(t, r);
		if (we == r || !(month = lx_month(t, r, we, &abbrev)) ||
		    at(t, we) != '-')
			return 0;
		y0 = we + 1;
		y1 = digits_end(t, y0);
		if (y1 - y0 != 4 || !right_clean(t, y1) || !plausible(year = number(t, y0, y1)))
			return 0;
		return push_day(sc, p, y1, year, month, number(t, p, e), 0);
	}
	/* "NAIROBI, 3RD, JUNE, 2024": a comma between every part */
	r = skip_ws(t, at(t, q) == ',' ? q + 1 : q);
	if (r == q)
		return 0;
	we = word_end(t, r);
	if (word_is(t, r, we, "day")) { /* "this 12th day of October, 2026" */
		r = skip_ws(t, we);
		if (r == we)
			return 0;
		we = word_end(t, r);
		if (!word_is(t, r, we, "of"))
			return 0;
	}
	if (word_is(t, r, we, "of") || word_is(t, r, we, "de")) {
		r = skip_ws(t, we);
		if (r == we)
			return 0;
		we = word_end(t, r);
	}
	if (we == r || !(month = lx_month(t, r, we, &abbrev)))
		return 0;
	if (!year_after(t, we, abbrev, &ye, &year))
		return 0;
	return push_day(sc, p, ye, year, month, number(t, p, e), 0);
}

/* ---- relative phrases -------------------------------------------------- */

static size_t phrase_at(const struct text *t, size_t p, const char *pat);

/* What follows an element that ended at e: the rest of the pattern, after
 * white space unless the element was glued ("l'"). */
static size_t phrase_next(const struct text *t, size_t e, const char *rest, int glued)
{
	size_t q;

	if (!rest)
		return e;
	q = glued ? e : skip_ws(t, e);
	if (q == e && !glued)
		return 0;
	return phrase_at(t, q, rest);
}

/* One count token at p ("3", "two", "few"): its end, or 0. */
static size_t count_token(const struct text *t, size_t p)
{
	size_t e = digits_end(t, p);

	if (e > p)
		return e - p <= 3 && !is_wordbyte(at(t, e)) ? e : 0;
	e = word_end(t, p);
	return e > p && lx_in(t, p, e, LX_COUNT) ? e : 0;
}

/* Match the pattern `pat` at p; returns the end of the match or 0.  "<n>"
 * tries one, two and three tokens so that "il y a un an" (where "an" is both
 * a count and a unit) still matches. */
static size_t phrase_at(const struct text *t, size_t p, const char *pat)
{
	const char *sp = strchr(pat, ' ');
	size_t k = sp ? (size_t)(sp - pat) : strlen(pat), e, i, r;
	const char *rest = sp ? sp + 1 : NULL;
	int n;

	if (k == 3 && memcmp(pat, "<n>", 3) == 0) {
		for (n = 0; n < 3; n++) {
			if (!(e = count_token(t, p)))
				return 0;
			if ((r = phrase_next(t, e, rest, 0)))
				return r;
			p = skip_ws(t, e);
			if (p == e)
				return 0;
		}
		return 0;
	}
	if (k == 3 && memcmp(pat, "<u>", 3) == 0) {
		e = word_end(t, p);
		if (e == p || !lx_in(t, p, e, LX_UNIT))
			return 0;
		return phrase_next(t, e, rest, 0);
	}
	if (k > t->n - p)
		return 0;
	for (i = 0; i < k; i++)
		if (lower(t->s[p + i]) != lower((unsigned char)pat[i]))
			return 0;
	e = p + k;
	if (pat[k - 1] == '\'')
		return phrase_next(t, e, rest, 1);
	if (is_alnum(at(t, e)))
		return 0;
	return phrase_next(t, e, rest, 0);
}

/* A relative phrase at p, unless followed by "of": "last year of residency"
 * names a stage of training, not a time. */
static size_t relative(struct scan *sc, size_t p)
{
	const struct text *t = &sc->t;
	size_t e, q, we, w = word_end(t, p);
	const struct lexent *x = lx_find(t, p, w);
	/* The phrases whose first element fits the word at p, in table order:
	 * those it opens as a word, and those opening with a count or a unit
	 * when it is one.  This runs at every word that could open one. */
	uint64_t fit = (x ? x->opens : 0) | (count_token(t, p) ? lx_opens_count : 0) |
	               (x && (x->lists & LX_UNIT) ? lx_opens_unit : 0);

	while (fit) {
		int i = __builtin_ctzll(fit);

		fit &= fit - 1;
		if (!(e = phrase_at(t, p, relative_phrases[i])))
			continue;
		q = skip_ws(t, e);
		we = word_end(t, q);
		if (word_is(t, q, we, "of"))
			return 0;
		push(sc, p, e, LOR_DATE__RELATIVE, 0, 0, 0);
		return e;
	}
	return 0;
}

/* ---- bare years -------------------------------------------------------- */

enum { TOK_NONE, TOK_WORD, TOK_DIGITS };

/* The token before p, skipping blanks and ":.#" on the same line;
 * *blank_only tells whether only blanks were skipped. */
static int prev_token(const struct text *t, size_t p, size_t *s, size_t *e, int *blank_only)
{
	size_t i = p;
	int kind;

	*blank_only = 1;
	while (i > 0 && (is_blank(t->s[i - 1]) || one_of(t->s[i - 1], ":.#"))) {
		if (!is_blank(t->s[i - 1]))
			*blank_only = 0;
		i--;
	}
	*e = i;
	if (i > 0 && is_digit(t->s[i - 1])) {
		kind = TOK_DIGITS;
		while (i > 0 && is_digit(t->s[i - 1]))
			i--;
	} else if (i > 0 && is_wordbyte(t->s[i - 1])) {
		kind = TOK_WORD;
		while (i > 0 && is_wordbyte(t->s[i - 1]))
			i--;
	} else {
		return TOK_NONE;
	}
	*s = i;
	return kind;
}

static int exact_in(const struct text *t, size_t p, size_t e, const char *const *set)
{
	for (; *set; set++)
		if (strlen(*set) == e - p && memcmp(t->s + p, *set, e - p) == 0)
			return 1;
	return 0;
}

/* Does what comes before the four digits at p let them be a year? */
static int year_context_ok(const struct text *t, size_t p, int *after_prep)
{
	size_t s1 = 0, e1 = 0, s2, e2, i;
	int blank, blank2, k1, k2;

	*after_prep = 0;
	/* "CH-2000", "D-2020": a country prefix on a postcode */
	if (p >= 2 && t->s[p - 1] == '-') {
		for (i = p - 1; i > 0 && is_upper(t->s[i - 1]); i--)
			;
		if (p - 1 - i >= 1 && p - 1 - i <= 2 && (i == 0 || !is_alnum(t->s[i - 1])))
			return 0;
	}
	k1 = prev_token(t, p, &s1, &e1, &blank);
	if (k1 == TOK_DIGITS && blank)
		return 0;  /* "555 2019", "+55 11 2020" */
	if (k1 == TOK_WORD) {
		if (lx_in(t, s1, e1, LX_NUMBER_LABEL) || exact_in(t, s1, e1, states))
			return 0;
		*after_prep = lx_in(t, s1, e1, LX_YEAR_PREP);
	}
	if (k1 == TOK_DIGITS || (k1 == TOK_WORD && lx_in(t, s1, e1, LX_LABEL_GLUE))) {
		k2 = prev_token(t, s1, &s2, &e2, &blank2);
		if (k2 == TOK_WORD && lx_in(t, s2, e2, LX_NUMBER_LABEL))
			return 0;  /* "score of 2100", "Step 1: 2050" */
		if (k2 == TOK_DIGITS && word_is(t, s1, e1, "of"))
			return 0;  /* "page 3 of 2019" */
	}
	return 1;
}

/* "in 2019", and the year ranges "2018-2020", "2018 - 2020", "2018-20",
 * "2019/2020". */
static size_t bare_year(struct scan *sc, size_t p, size_t e)
{
	const struct text *t = &sc->t;
	size_t q = blanks_end(t, e), r, e2, we;
	int y = number(t, p, e), y2, after_prep;

	if (!plausible(y) || !year_context_ok(t, p, &after_prep))
		return 0;
	if (at(t, q) == '-' || at(t, q) == '/') {
		r = blanks_end(t, q + 1);
		e2 = digits_end(t, r);
		if ((e2 - r == 4 || e2 - r == 2) && right_clean(t, e2)) {
			y2 = number(t, r, e2);
			if (e2 - r == 2)
				y2 += y / 100 * 100;
			if (plausible(y2) && y2 > y) {
				if (push(sc, p, e, LOR_DATE__YEAR, y, 0, 0))
					push(sc, r, e2, LOR_DATE__YEAR, y2, 0, 0);
				return e2;
			}
		}
	}
	if (!right_clean(t, e) || is_digit(at(t, q)))
		return 0;
	we = word_end(t, q);
	if (q > e && we > q && lx_in(t, q, we, LX_COUNT_NOUN) && !after_prep)
		return 0;  /* "2019 patients" */
	push(sc, p, e, LOR_DATE__YEAR, y, 0, 0);
	return e;
}

/* ---- the scanner ------------------------------------------------------- */

static size_t scan_number(struct scan *sc, size_t p)
{
	size_t e = digits_end(&sc->t, p), r;

	if (!left_clean(&sc->t, p))
		return 0;
	if ((r = numeric_date(sc, p, e)))
		return r;
	if (e - p <= 2 && (r = day_first(sc, p, e)))
		return r;
	if ((r = relative(sc, p)))
		return r;
	return e - p == 4 ? bare_year(sc, p, e) : 0;
}

/* "March 2021", "Sept. 2019", "March 3, 2021", "Mar 3rd 2021", "Spring 2022",
 * "October 22-25, 2023" */
static size_t scan_word(struct scan *sc, size_t p)
{
	const struct text *t = &sc->t;
	size_t e = word_end(t, p), q, r, de, ye, r2 = 0, de2 = 0;
	int month, season, abbrev = 0, year, d1, d2;
	const struct lexent *x = lx_find(t, p, e);

	/* most words are on no list: one lookup tells */
	if (!x)
		return 0;
	if ((x->opens || (x->lists & (LX_COUNT | LX_UNIT))) && (r = relative(sc, p)))
		return r;
	if ((season = x->season)) {
		lor_date__item *it;

		if (!year_after(t, e, 0, &ye, &year))
			return 0;
		if ((it = push(sc, p, ye, LOR_DATE__SEASON, year, 0, 0)))
			it->season = (enum lor_date__season)season;
		return ye;
	}
	if (!(month = x->month))
		return 0;
	abbrev = x->month_abbrev;
	if (year_after(t, e, abbrev, &ye, &year)) {
		push(sc, p, ye, LOR_DATE__MONTH, year, month, 0);
		return ye;
	}
	q = abbrev && at(t, e) == '.' ? e + 1 : e;
	r = skip_ws(t, q);
	de = digits_end(t, r);
	if (r == q || de - r < 1 || de - r > 2)
		return 0;
	q = ordinal(t, de);
	if (at(t, q) == '-') {  /* a range of days in one month */
		r2 = q + 1;
		de2 = digits_end(t, r2);
		if (de2 - r2 < 1 || de2 - r2 > 2)
			return 0;
	}
	if (!year_after(t, ordinal(t, r2 ? de2 : q), 0, &ye, &year))
		return 0;
	d1 = number(t, r, de);
	if (!r2)
		return push_day(sc, p, ye, year, month, d1, 0);
	/* Both days or neither, like any invalid date: "February 28-30". */
	d2 = number(t, r2, de2);
	if (d2 > d1 && lor_dates__valid(year, month, d1) && lor_dates__valid(year, month, d2) &&
	    push(sc, p, q, LOR_DATE__DAY, year, month, d1))
		push(sc, r2, ye, LOR_DATE__DAY, year, month, d2);
	return ye;
}

/* ---- ranges and context ------------------------------------------------ */

static void mark_ranges(struct scan *sc)
{
	const struct text *t = &sc->t;
	size_t i, s, e, ws, we;

	for (i = 1; i < sc->list.count; i++) {
		lor_date__item *a = &sc->list.items[i - 1], *b = &sc->list.items[i];

		if (a->kind == LOR_DATE__RELATIVE || b->kind == LOR_DATE__RELATIVE)
			continue;
		s = a->offset + a->length;
		e = b->offset;
		while (s < e && (is_blank(t->s[s]) || t->s[s] == '\n'))
			s++;
		while (e > s && (is_blank(t->s[e - 1]) || t->s[e - 1] == '\n'))
			e--;
		if (lx_in(t, s, e, LX_RANGE_LINK)) {
			b->range_end = 1;
		} else if (lx_in(t, s, e, LX_AND)) {
			/* "between 2018 and 2020" */
			for (we = a->offset; we > 0 && is_blank(t->s[we - 1]); we--)
				;
			for (ws = we; ws > 0 && is_wordbyte(t->s[ws - 1]); ws--)
				;
			b->range_end = lx_in(t, ws, we, LX_BETWEEN);
		}
	}
}

/* A '.' at i ends "Dr", "Mr", "Prof", "Mar", "Sept": a title-case word of at
 * most four letters, which is an abbreviation rather than a sentence end. */
static int abbrev_dot(const struct text *t, size_t i)
{
	size_t s = i;

	while (s > 0 && i - s < 5 && is_alpha(t->s[s - 1]))
		s--;
	if (s == i || i - s > 4 || (s > 0 && is_alnum(t->s[s - 1])) || !is_upper(t->s[s]))
		return 0;
	for (s++; s < i; s++)
		if (is_upper(t->s[s]))
			return 0;
	return 1;
}

/* How far back the context of a date is read: one long sentence at most. */
#define CONTEXT_BYTES 400
/* A line this short is a letterhead, list or signature line, not wrapped prose. */
#define SHORT_LINE 40

static size_t sentence_start(const struct text *t, size_t p)
{
	size_t i, k, floor = p > CONTEXT_BYTES ? p - CONTEXT_BYTES : 0;

	for (i = p; i > floor; i--) {
		unsigned char c = t->s[i - 1];

		if (c == '\n') {
			for (k = i - 1; k > 0 && t->s[k - 1] != '\n' && i - 1 - k < SHORT_LINE; k--)
				;
			if (i - 1 - k < SHORT_LINE)
				return i;
		} else if (one_of(c, ".!?;") && (is_blank(at(t, i)) || at(t, i) == '\n') &&
			   !abbrev_dot(t, i - 1)) {
			return i;
		}
	}
	return floor;
}

static int after_label(const struct text *t, size_t p)
{
	size_t i = p, e;

	while (i > 0 && is_filler(t->s[i - 1]))
		i--;
	if (i == 0 || t->s[i - 1] != ':')
		return 0;
	for (i--; i > 0 && is_filler(t->s[i - 1]); i--)
		;
	for (e = i; i > 0 && is_wordbyte(t->s[i - 1]); i--)
		;
	return lx_in(t, i, e, LX_FIELD_LABEL);
}

static void mark_context(struct scan *sc)
{
	const struct text *t = &sc->t;
	size_t i, p, e;

	for (i = 0; i < sc->list.count; i++) {
		lor_date__item *it = &sc->list.items[i];
		int milestone = 0;

		for (p = sentence_start(t, it->offset); p < it->offset; p = e) {
			if (!is_wordbyte(t->s[p])) {
				e = p + 1;
				continue;
			}
			e = word_end(t, p);
			if (e > it->offset)
				break;
			if (lx_in(t, p, e, LX_OBSERVATION)) {
				it->context |= LOR_DATE__CTX_OBSERVATION;
				/* a verb of observed work after the milestone wins:
				 * "after she graduated she worked with me in 2019" */
				if (!lx_in(t, p, e, LX_LINKING))
					milestone = 0;
			}
			if (lx_in(t, p, e, LX_MILESTONE))
				milestone = 1;
			if (lx_in(t, p, e, LX_FUTURE))
				it->context |= LOR_DATE__CTX_FUTURE;
		}
		if (milestone)
			it->context &= ~(int)LOR_DATE__CTX_OBSERVATION;
		if (after_label(t, it->offset))
			it->context |= LOR_DATE__CTX_LABEL;
	}
}

int lor_dates__extract(lor_dates__list *out, const char *text, size_t len)
{
	struct scan sc;
	size_t p = 0, e;

	if (!out || (!text && len))
		return LOR_EARG;
	memset(&sc, 0, sizeof(sc));
	sc.t.s = (const unsigned char *)text;
	sc.t.n = len;
	while (p < len) {
		unsigned char c = sc.t.s[p];
		int start = p == 0 || !is_alnum(sc.t.s[p - 1]);

		e = 0;
		if (start && is_digit(c))
			e = scan_number(&sc, p);
		else if (start && is_wordbyte(c))
			e = scan_word(&sc, p);
		if (sc.oom) {
			lor_dates__list_release(&sc.list);
			return LOR_ENOMEM;
		}
		if (e)
			p = e;
		else if (is_digit(c))
			p = digits_end(&sc.t, p);
		else if (is_wordbyte(c))
			p = word_end(&sc.t, p);
		else
			p++;
	}
	mark_ranges(&sc);
	mark_context(&sc);
	*out = sc.list;
	return LOR_OK;
}

void lor_dates__list_release(lor_dates__list *list)
{
	if (!list)
		return;
	free(list->items);
	memset(list, 0, sizeof(*list));
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : days[m - 1];
}

int lor_dates__valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= days_in_month(year, month);
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar: H. Hinnant's
 * days_from_civil, counting from March so the leap day falls last. */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long lor_dates__days_between(int y1, int m1, int d1, int y2, int m2, int d2)
{
	if (!lor_dates__valid(y1, m1, d1) || !lor_dates__valid(y2, m2, d2))
		return LOR_DATES__BAD_SPAN;
	return days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1);
}

int lor_dates__parse_iso(const char *s, int *y, int *m, int *d)
{
	static const char shape[] = "dddd-dd-dd";
	int v[3] = { 0, 0, 0 }, k = 0;
	size_t i;

	if (!s || !y || !m || !d)
		return LOR_EARG;
	/* Checked byte by byte, so the scan stops at the first NUL. */
	for (i = 0; i < sizeof(shape) - 1; i++) {
		unsigned char c = (unsigned char)s[i];

		if (shape[i] == '-') {
			if (c != '-')
				return LOR_EARG;
			k++;
		} else if (!is_digit(c)) {
			return LOR_EARG;
		} else {
			v[k] = v[k] * 10 + (c - '0');
		}
	}
	if (s[i] != '\0' || !lor_dates__valid(v[0], v[1], v[2]))
		return LOR_EARG;
	*y = v[0];
	*m = v[1];
	*d = v[2];
	return LOR_OK;
}

int lor_dates__last_day(const lor_date__item *item, int *y, int *m, int *d)
{
	static const int season_end[] = { 0, 5, 8, 11, 2 };
	int year, month;

	if (!item || !y || !m || !d)
		return LOR_EARG;
	year = item->year;
	switch (item->kind) {
	case LOR_DATE__DAY:
		if (!lor_dates__valid(year, item->month, item->day))
			return LOR_EARG;
		*y = year;
		*m = item->month;
		*d = item->day;
		return LOR_OK;
	case LOR_DATE__MONTH:
		month = item->month;
		break;
	case LOR_DATE__SEASON:
		if (item->season < LOR_DATE__SPRING || item->season > LOR_DATE__WINTER)
			return LOR_EARG;
		month = season_end[item->season];
		if (item->season == LOR_DATE__WINTER) {
			if (year < 1 || year >= 9999)
				return LOR_EARG;
			year++;
		}
		break;
	case LOR_DATE__YEAR:
		month = 12;
		break;
	default:
		return LOR_EARG;
	}
	if (!lor_dates__valid(year, month, 1))
		return LOR_EARG;
	*y = year;
	*m = month;
	*d = days_in_month(year, month);
	return LOR_OK;
}
