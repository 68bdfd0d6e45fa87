/* names.c - the public vocabulary: signal, category, level and verdict names, and dates.
 *
 * One table per vocabulary, and one lookup (lor__name_index) for all of
 * them, so a name added to a table is found, listed and reported the same
 * way everywhere ("expected one of ..." messages are built from the same
 * tables by lor__names_list).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const char *const signal_names[LOR_SIG_COUNT + 1] = {
	"explicit_endorsement", "comparative_ranking", "concrete_informatics_example",
	"observation_context", "vague_endorsement", "generic_praise_only", "stale_date",
	"non_english", "visa_mention", "short_letter", NULL
};
static const char *const category_names[LOR_CAT_COUNT + 1] = {
	"endorsement", "comparison", "evidence", "observation", "tone", "freshness", "language", NULL
};
static const char *const level_names[] = { "suggestion", "warning", "error", NULL };
static const char *const verdict_names[] = { "strong", "moderate", "weak", NULL };

int lor__name_index(const char *const *names, const char *name)
{
	int i;

	for (i = 0; name && names[i]; i++)
		if (!strcmp(names[i], name))
			return i;
	return -1;
}

int lor__names_list(lor_buf *out, const char *const *names)
{
	size_t i;

	for (i = 0; names[i]; i++)
		if (lor_buf__addf(out, "%s%s", i ? (names[i + 1] ? ", " : " or ") : "", names[i]))
			return LOR_ENOMEM;
	return LOR_OK;
}

const char *const *lor__signal_names(void)
{
	return signal_names;
}

const char *const *lor__category_names(void)
{
	return category_names;
}

const char *const *lor__level_names(void)
{
	return level_names;
}

const char *lor_signal_name(lor_signal sig)
{
	return (unsigned)sig < LOR_SIG_COUNT ? signal_names[sig] : NULL;
}

int lor_signal_is_positive(lor_signal sig)
{
	return sig <= LOR_SIG_OBSERVATION_CONTEXT;
}

int lor_signal_find(const char *name)
{
	return lor__name_index(signal_names, name);
}

const char *lor_category_name(lor_category cat)
{
	return (unsigned)cat < LOR_CAT_COUNT ? category_names[cat] : NULL;
}

int lor_category_find(const char *name)
{
	return lor__name_index(category_names, name);
}

const char *lor_level_name(lor_level level)
{
	return (unsigned)level <= LOR_LEVEL_ERROR ? level_names[level] : "unknown";
}

int lor_level_parse(lor_level *out, const char *name)
{
	int i = lor__name_index(level_names, name);

	if (i < 0)
		return LOR_EARG;
	*out = (lor_level)i;
	return LOR_OK;
}

const char *lor_verdict_name(lor_verdict v)
{
	return (unsigned)v <= LOR_VERDICT_WEAK ? verdict_names[v] : "weak";
}

int lor_date_parse(const char *s, int *year, int *month, int *day)
{
	return s && !lor_dates__parse_iso(s, year, month, day) ? LOR_OK : LOR_EARG;
}
