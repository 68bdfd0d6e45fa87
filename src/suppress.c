/* suppress.c - suppression comments: silence findings in place, as linters do in code.
 *
 * Markdown letters can carry HTML comments that silence lorlint over a
 * stretch of text; the engine calls lor_suppress__apply once, after every
 * rule has run and before the report is assembled.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Markdown letters can silence lorlint in place, as linters do in code:
 *   <!-- lorlint off --> ... <!-- lorlint on -->      every rule
 *   <!-- lorlint disable Rule.Name, Other.Rule -->     those rules, to the end
 *   <!-- lorlint enable Rule.Name -->                  or until enabled again
 * A finding that starts inside a silenced stretch is dropped. Signals and the
 * score are left as they are: they describe the letter, and a reader of the
 * letter sees the silenced words too. */
static int silenced_at(const char *norm, size_t at, const char *rule)
{
	const char *p = norm, *end = norm + at;
	int off = 0, disabled = 0;
	size_t rl = strlen(rule);

	while ((p = strstr(p, "<!--")) && p < end) {
		const char *close = strstr(p, "-->"), *q = p + 4;

		if (!close)
			break;
		while (q < close && *q == ' ')
			q++;
		if (!strncmp(q, "lorlint ", 8)) {
			q += 8;
			while (q < close && *q == ' ')
				q++;
			if (!strncmp(q, "off", 3))
				off = 1;
			else if (!strncmp(q, "on", 2))
				off = 0;
			else if (!strncmp(q, "disable ", 8) || !strncmp(q, "enable ", 7)) {
				int en = *q == 'e';
				const char *r = q + (en ? 7 : 8);

				/* a comma- or space-separated list of rule ids */
				while (r < close) {
					const char *e2;

					while (r < close && (*r == ' ' || *r == ','))
						r++;
					for (e2 = r; e2 < close && *e2 != ' ' && *e2 != ','; e2++)
						;
					if ((size_t)(e2 - r) == rl && !strncmp(r, rule, rl))
						disabled = !en;
					r = e2;
				}
			}
		}
		p = close + 3;
	}
	return off || disabled;
}

void lor_suppress__apply(lor_ctx *ctx)
{
	size_t i, kept = 0;

	if (!strstr(ctx->doc->norm, "<!--"))
		return;
	for (i = 0; i < ctx->nfindings; i++) {
		lor_ifinding *f = &ctx->findings[i];

		if (silenced_at(ctx->doc->norm, f->start, f->rule->id)) {
			free(f->message);
			free(f->redacted);
			continue;
		}
		ctx->findings[kept++] = *f;
	}
	ctx->nfindings = kept;
}
