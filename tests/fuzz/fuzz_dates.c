/* fuzz_dates.c - the date scanner, the choice of the letter's own date, and the ISO date parser.
 *
 * Every item the scanner returns must lie inside the text, name a real date
 * for its kind, and have a last day; the letter date must be one of the
 * items or none. lor_date_parse (--as-of) sees the same bytes as a string.
 */
#include "fuzz.h"

#include "dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	lor_dates__list list = { 0 };
	long letter;
	size_t i;
	char iso[32];
	int y, m, d;

	snprintf(iso, sizeof(iso), "%.*s", (int)(size < sizeof(iso) ? size : sizeof(iso) - 1), text);
	if (lor_date_parse(iso, &y, &m, &d) == LOR_OK && !lor_dates__valid(y, m, d))
		abort();
	if (lor_dates__extract(&list, text, size) != LOR_OK)
		return 0; /* out of memory */
	for (i = 0; i < list.count; i++) {
		const lor_date__item *it = &list.items[i];

		if (it->offset > size || it->length > size - it->offset || !it->length)
			abort();
		if (it->kind == LOR_DATE__DAY && !lor_dates__valid(it->year, it->month, it->day))
			abort();
		if (it->kind != LOR_DATE__RELATIVE && lor_dates__last_day(it, &y, &m, &d) == LOR_OK &&
		    !lor_dates__valid(y, m, d))
			abort();
	}
	letter = lor_dates__letter_date(&list, text, size);
	if (letter < -1 || letter >= (long)list.count)
		abort();
	lor_dates__list_release(&list);
	return 0;
}
