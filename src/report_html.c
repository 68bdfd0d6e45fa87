/* report_html.c - the HTML report: one self-contained, offline page with every letter annotated.
 *
 * Design. The page has no external resources at all (inline CSS, no script,
 * no fonts, no images) so it can be mailed or archived and still open
 * offline. It is streamed like the JSON report: each letter's <article> is
 * written as soon as it is checked and nothing of its text is kept, so memory
 * stays flat; only one small entry per file (path, score, verdict, counts, or
 * the error) is remembered for the index. The index is therefore a <nav> at
 * the END of the document, moved to the top of the page by CSS (`order` in a
 * flex column); a skip link at the very top reaches it for keyboard and
 * screen-reader users, whose reading order is the document's.
 *
 * A letter is its original bytes, HTML-escaped (& < > " ') in a white-space:
 * pre-wrap block, with every finding of non-zero length highlighted in place
 * by <mark> elements covering exactly [offset, offset+length). Overlapping
 * findings nest: at every position where a finding starts or ends, the marks
 * that must close are closed, and those still running are reopened together
 * with the ones starting there, longest (latest end) outermost. So a finding
 * is one or more mark PARTS, in document order, all carrying its
 * data-finding (its 1-based number among the findings shown for the letter,
 * the same order as the JSON report's findings array), data-rule,
 * data-level, data-offset, data-length and data-message, plus data-part
 * (1, 2, ...); the first part alone has the id "fL-K" (letter L, finding K)
 * and tabindex="0". Concatenating the text of a finding's parts gives its
 * text exactly. Findings of zero length (an absence, such as no explicit
 * recommendation) cannot be highlighted and are listed in a panel above the
 * letter; those with a length are listed below it, each linked to its mark.
 *
 * Level is shown by colour AND by underline style (error double, warning
 * wavy, suggestion dotted) and by an icon and the level's name in the lists,
 * so colour is never the only cue. A mark shows its message on hover, on
 * keyboard focus and as the target of its link from the findings list (CSS
 * only), and is described (aria-describedby) by its entry in that list.
 *
 * With opts.redact no letter text is written at all: no text block, no marks,
 * and messages are the redacted ones; the findings are listed by position.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* What the index remembers of one input: a checked letter or an error. */
typedef struct hentry {
	char *path;
	char *error;            /* NULL for a checked letter */
	unsigned long line, column;
	size_t letter;          /* 1-based letter number (anchor "fN") */
	int score;
	lor_verdict verdict;
	size_t findings;
} hentry;

typedef struct hstate {
	int started;
	size_t letters;
	hentry *entries;
	size_t nentries, capentries;
} hstate;

/* A finding to highlight: its byte span clamped to the text, its number. */
typedef struct hspan {
	size_t start, end, k;
	const lor_finding *f;
	unsigned parts;
} hspan;

/* The whole style sheet. Level colours are paired with underline styles so
 * that colour-blind readers lose nothing; backgrounds are translucent so
 * nested (overlapping) marks read darker. */
static const char css[] =
	":root{color-scheme:light;--err:#b3261e;--warn:#8a5a00;--sug:#1d5fa8;--ok:#1e7a34}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",\"DejaVu Sans\",sans-serif;"
	"color:#1b1b1b;background:#f4f4f2;display:flex;flex-direction:column}\n"
	"body>header{order:-2;padding:1rem 1.5rem .5rem}\n"
	"body>nav{order:-1;margin:0 1.5rem 1rem;padding:.75rem 1rem;background:#fff;"
	"border:1px solid #ccc;border-radius:6px}\n"
	"body>main{padding:0 1.5rem}\n"
	"body>footer{padding:1rem 1.5rem;color:#555;font-size:.85rem}\n"
	"h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:0 0 .25rem;"
	"overflow-wrap:anywhere}h3{font-size:.95rem;margin:1rem 0 .35rem}\n"
	".skip{position:absolute;left:-999px}.skip:focus{position:static}\n"
	".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
	"white-space:nowrap}\n"
	".meta{color:#444;margin:.1rem 0}\n"
	".legend mark{cursor:default}\n"
	"nav table{border-collapse:collapse;width:100%}nav th,nav td{text-align:left;"
	"padding:.2rem .6rem;border-bottom:1px solid #e3e3e3;vertical-align:top}\n"
	"nav td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"nav tr.error td{color:var(--err)}\n"
	"article{background:#fff;border:1px solid #ccc;border-radius:6px;margin:0 0 1.5rem;"
	"padding:1rem 1.25rem;scroll-margin-top:1rem}\n"
	".cols{display:grid;grid-template-columns:minmax(0,1fr) 20rem;gap:1.5rem;margin-top:.75rem}\n"
	"@media (max-width:900px){.cols{grid-template-columns:minmax(0,1fr)}}\n"
	".text{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;font:16px/1.75 Georgia,"
	"\"DejaVu Serif\",serif;padding:.75rem 1rem;background:#fcfcfa;border:1px solid #e3e3e3;"
	"border-radius:4px}\n"
	".redacted{font-style:italic;color:#555}\n"
	"mark{color:inherit;background:none;position:relative;text-decoration-thickness:2px;"
	"text-decoration-skip-ink:none;border-radius:2px}\n"
	"mark.lv-error{background:rgba(179,38,30,.16);text-decoration:underline double var(--err);"
	"text-underline-offset:3px}\n"
	"mark.lv-warning{background:rgba(230,160,0,.22);text-decoration:underline wavy var(--warn);"
	"text-underline-offset:4px}\n"
	"mark.lv-suggestion{background:rgba(29,95,168,.13);"
	"text-decoration:underline dotted var(--sug);text-underline-offset:5px}\n"
	"mark[tabindex]:focus,mark:target{outline:2px solid #1b1b1b;outline-offset:2px}\n"
	/* :target too, so following a finding's link from the list shows it. */
	"mark:hover::after,mark[tabindex]:focus::after,mark:target::after{content:attr(data-level) \": \" "
	"attr(data-message) \"  [\" attr(data-rule) \"]\";position:absolute;left:0;top:100%;"
	"z-index:10;width:max-content;max-width:26rem;white-space:normal;background:#1b1b1b;"
	"color:#fff;padding:.3rem .55rem;border-radius:4px;font:13px/1.35 system-ui,\"DejaVu Sans\","
	"sans-serif;pointer-events:none}\n"
	/* Only the innermost hovered mark speaks (browsers without :has show both). */
	"mark:has(mark:hover)::after{display:none}\n"
	".panel{border-left:4px solid var(--err);background:#fbf3f2;padding:.4rem .8rem;"
	"margin:0 0 .75rem}\n"
	".panel h3{margin:.2rem 0}\n"
	"ul.list,ol.list{list-style:none;padding:0;margin:0}\n"
	".list li{margin:.3rem 0;padding-left:1.5rem;text-indent:-1.5rem}\n"
	".icon{display:inline-block;width:1.5rem;text-indent:0}\n"
	".i-error{color:var(--err)}.i-warning{color:var(--warn)}.i-suggestion{color:var(--sug)}\n"
	".rule,.pos{color:#555;font-size:.85em}.fix{color:#333;font-size:.9em;margin:.1rem 0 0 1.5rem;"
	"text-indent:0}\n"
	"aside{font-size:.92rem}\n"
	".score{font-size:2rem;font-weight:700;line-height:1.1}\n"
	".verdict{display:inline-block;padding:.05rem .5rem;border-radius:3px;font-weight:700;"
	"border:2px solid}\n"
	".v-strong{color:var(--ok)}.v-moderate{color:var(--warn)}.v-weak{color:var(--err)}\n"
	".cat{display:grid;grid-template-columns:6.5rem 1fr 3.2rem;gap:.4rem;align-items:center;"
	"margin:.15rem 0}\n"
	".bar{height:.7rem;background:#e6e6e6;border-radius:3px;overflow:hidden}\n"
	".bar span{display:block;height:100%;background:#3b6ea8}\n"
	".cat .num{text-align:right;font-variant-numeric:tabular-nums}\n"
	".good .icon{color:var(--ok)}.bad .icon{color:var(--err)}\n"
	".pts{font-variant-numeric:tabular-nums;display:inline-block;width:2.5rem;text-indent:0}\n"
	"@media print{body{background:#fff}body>nav,article{break-inside:avoid-page}"
	"mark::after{display:none}}\n";

static const char *level_icon(lor_level l)
{
	/* heavy multiplication x, black up-pointing triangle, black circle */
	return l == LOR_LEVEL_ERROR ? "\xE2\x9C\x96" : l == LOR_LEVEL_WARNING ? "\xE2\x96\xB2"
	                                                                        : "\xE2\x97\x8F";
}

/* Write n bytes of s HTML-escaped; s has avail >= n readable bytes, so a CR
 * at the end of the chunk can see whether an LF follows it. The HTML parser
 * turns CRLF and a lone CR into LF anyway; doing it here (dropping the CR of
 * a CRLF, writing a lone CR as LF) means a mark boundary that falls between
 * CR and LF cannot turn one line break into two. */
static void esc(FILE *fp, const char *s, size_t n, size_t avail)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		const char *rep;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\r': rep = i + 1 < avail && s[i + 1] == '\n' ? "" : "\n"; break;
		default: continue;
		}
		fwrite(s + run, 1, i - run, fp);
		fputs(rep, fp);
		run = i + 1;
	}
	fwrite(s + run, 1, n - run, fp);
}

static void escs(FILE *fp, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	esc(fp, s ? s : "", n, n);
}

static int start(lor_reporter *rep)
{
	hstate *st = rep->state;
	FILE *fp = rep->fp;

	if (!st) {
		if (!(st = calloc(1, sizeof(*st))))
			return LOR_ENOMEM;
		rep->state = st;
	}
	if (st->started)
		return LOR_OK;
	st->started = 1;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"lorlint " LOR_VERSION "\">\n"
	      "<title>lorlint report</title>\n<style>\n",
	      fp);
	fputs(css, fp);
	fputs("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#index\">Skip to the index of "
	      "letters</a>\n<header>\n<h1>lorlint report</h1>\n<p class=\"meta\">As of ",
	      fp);
	escs(fp, rep->opts.as_of);
	fputs(", profile ", fp);
	escs(fp, rep->opts.profile ? rep->opts.profile : "residency");
	fprintf(fp, ", findings at level %s and above%s.</p>\n", lor_level_name(rep->opts.min_level),
	        rep->opts.redact ? "; letter text redacted" : "");
	fputs("<p class=\"meta legend\">Highlights: <mark class=\"lv-error\">error</mark> (double "
	      "underline), <mark class=\"lv-warning\">warning</mark> (wavy underline), "
	      "<mark class=\"lv-suggestion\">suggestion</mark> (dotted underline). Overlapping "
	      "findings nest. Hover over or tab to a highlight to read its message.</p>\n"
	      "</header>\n<main>\n",
	      fp);
	return LOR_OK;
}

static int add_entry(hstate *st, hentry *e)
{
	if (lor__reserve(&st->entries, &st->capentries, st->nentries + 1, sizeof(*e)))
		return LOR_ENOMEM;
	st->entries[st->nentries++] = *e;
	return LOR_OK;
}

/* Sort highlights by start, longest first, then by number. */
static int span_cmp(const void *a, const void *b)
{
	const hspan *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/* Should a be opened outside b: it ends later, or at the same place with a
 * lower number? */
static int later_first(const hspan *a, const hspan *b)
{
	return a->end != b->end ? a->end > b->end : a->k < b->k;
}

/* Can f be highlighted in a text of len bytes: does it cover any byte? */
static int in_text(const lor_finding *f, size_t len)
{
	return f->span.offset < len && f->span.length > 0;
}

static void open_mark(lor_reporter *rep, size_t letter, hspan *s)
{
	FILE *fp = rep->fp;
	const lor_level lv = s->f->level;

	s->parts++;
	fputs("<mark", fp);
	if (s->parts == 1)
		fprintf(fp, " id=\"f%zu-%zu\" tabindex=\"0\"", letter, s->k);
	fprintf(fp, " class=\"lv-%s\" data-finding=\"%zu\" data-part=\"%u\" data-rule=\"",
	        lor_level_name(lv), s->k, s->parts);
	escs(fp, s->f->rule);
	fprintf(fp, "\" data-level=\"%s\" data-offset=\"%zu\" data-length=\"%zu\" data-message=\"",
	        lor_level_name(lv), s->f->span.offset, s->f->span.length);
	escs(fp, lor_reporter__message(rep, s->f));
	fprintf(fp, "\" aria-describedby=\"f%zu-d%zu\">", letter, s->k);
}

/* Write text[0, len) with the highlights of sp (sorted by span_cmp) as
 * properly nested marks; see the file comment for the scheme. */
static int write_text(lor_reporter *rep, size_t letter, const char *text, size_t len, hspan *sp,
                      size_t n)
{
	size_t *stack = NULL, *open = NULL, depth = 0, next = 0, pos = 0, i, j, nopen;

	if (n && (!(stack = malloc(n * sizeof(*stack))) || !(open = malloc(n * sizeof(*open))))) {
		free(stack);
		return LOR_ENOMEM;
	}
	for (;;) {
		size_t b = len, low = depth;

		if (next < n && sp[next].start < b)
			b = sp[next].start;
		for (i = 0; i < depth; i++)
			if (sp[stack[i]].end < b)
				b = sp[stack[i]].end;
		esc(rep->fp, text + pos, b - pos, len - pos);
		pos = b;
		/* Close from the top down to the outermost mark ending here. */
		for (i = 0; i < depth; i++)
			if (sp[stack[i]].end <= pos) {
				low = i;
				break;
			}
		nopen = 0;
		for (i = depth; i > low; i--)
			fputs("</mark>", rep->fp);
		for (i = low; i < depth; i++)
			if (sp[stack[i]].end > pos)
				open[nopen++] = stack[i];
		depth = low;
		while (next < n && sp[next].start <= pos) {
			if (sp[next].end > pos)
				open[nopen++] = next;
			next++;
		}
		/* Reopen the survivors with the newcomers, latest end outermost, so
		 * that the fewest marks need splitting later (insertion sort: few). */
		for (i = 1; i < nopen; i++)
			for (j = i; j > 0 && later_first(&sp[open[j]], &sp[open[j - 1]]); j--) {
				size_t t = open[j];

				open[j] = open[j - 1];
				open[j - 1] = t;
			}
		for (i = 0; i < nopen; i++) {
			open_mark(rep, letter, &sp[open[i]]);
			stack[depth++] = open[i];
		}
		if (pos >= len)
			break;
	}
	free(stack);
	free(open);
	return LOR_OK;
}

static void position(FILE *fp, const lor_document *doc, const lor_finding *f)
{
	char where[96];

	if (lor_reporter__place(doc, &f->span, where, sizeof(where)))
		fprintf(fp, "<span class=\"pos\">%s</span>", where);
	else if (!f->span.length)
		fputs("<span class=\"pos\">whole letter</span>", fp);
	else if (f->span.end_line == f->span.line)
		fprintf(fp, "<span class=\"pos\">line %zu, columns %zu&ndash;%zu</span>", f->span.line,
		        f->span.column, f->span.end_column);
	else
		fprintf(fp, "<span class=\"pos\">line %zu, column %zu to line %zu, column %zu</span>",
		        f->span.line, f->span.column, f->span.end_line, f->span.end_column);
}

/* One entry of a findings list, the target of its marks' aria-describedby. */
static void finding_item(lor_reporter *rep, const lor_document *doc, size_t letter, size_t k,
                         const lor_finding *f)
{
	FILE *fp = rep->fp;
	const char *lv = lor_level_name(f->level);

	fprintf(fp, "<li id=\"f%zu-d%zu\" data-finding=\"%zu\" data-rule=\"", letter, k, k);
	escs(fp, f->rule);
	fprintf(fp, "\" data-level=\"%s\" data-offset=\"%zu\" data-length=\"%zu\">"
	            "<span class=\"icon i-%s\" aria-hidden=\"true\">%s</span><strong class=\"i-%s\">%s"
	            "</strong> ",
	        lv, f->span.offset, f->span.length, lv, level_icon(f->level), lv, lv);
	position(fp, doc, f);
	fputs(": ", fp);
	if (f->span.length && !rep->opts.redact)
		fprintf(fp, "<a href=\"#f%zu-%zu\">", letter, k);
	escs(fp, lor_reporter__message(rep, f));
	if (f->span.length && !rep->opts.redact)
		fputs("</a>", fp);
	fputs(" <span class=\"rule\">[", fp);
	escs(fp, f->rule);
	fputs("]</span>", fp);
	if (f->fix) {
		fputs("<p class=\"fix\">Fix: ", fp);
		escs(fp, f->fix);
		fputs("</p>", fp);
	}
	fputs("</li>\n", fp);
}

/* The strength report beside the letter: score, verdict, bars, signals, points. */
static void strength(lor_reporter *rep, const lor_report *r, size_t letter)
{
	FILE *fp = rep->fp;
	lor_verdict v = lor_report_verdict(r);
	size_t i;
	int c, heading;

	fprintf(fp, "<aside aria-labelledby=\"f%zu-s\">\n<h3 id=\"f%zu-s\">Strength</h3>\n"
	            "<p><span class=\"score\">%d</span>/100 <span class=\"verdict v-%s\">%s</span></p>\n",
	        letter, letter, lor_report_score(r), lor_verdict_name(v), lor_verdict_name(v));
	for (c = 0, heading = 0; c < LOR_CAT_COUNT; c++) {
		int sc, mx, pct;
		const char *name = lor_category_name((lor_category)c);

		lor_report_category(r, (lor_category)c, &sc, &mx);
		if (!mx) /* not scored in this profile */
			continue;
		if (!heading++)
			fputs("<h3>Categories</h3>\n", fp);
		pct = sc <= 0 ? 0 : sc >= mx ? 100 : sc * 100 / mx;
		fprintf(fp, "<div class=\"cat\"><span>%s</span><span class=\"bar\" role=\"img\" "
		            "aria-label=\"%s %d of %d\"><span style=\"width:%d%%\"></span></span>"
		            "<span class=\"num\">%d/%d</span></div>\n",
		        name, name, sc, mx, pct, sc, mx);
	}
	fputs("<h3>Signals</h3>\n<ul class=\"list signals\">\n", fp);
	for (c = 0; c < LOR_SIG_COUNT; c++) {
		const char *by;
		int on = lor_report_signal(r, (lor_signal)c, &by);
		/* As in the text report: a check mark means good for the letter. */
		int good = lor_signal_is_positive((lor_signal)c) ? on : !on;

		fprintf(fp, "<li class=\"%s\" data-signal=\"%s\" data-value=\"%s\"><span class=\"icon\" "
		            "aria-hidden=\"true\">%s</span><span class=\"vh\">%s: </span>%s "
		            "<span class=\"rule\">",
		        good ? "good" : "bad", lor_signal_name((lor_signal)c), on ? "true" : "false",
		        good ? "\xE2\x9C\x93" : "\xE2\x9C\x97", good ? "good" : "problem",
		        lor_signal_name((lor_signal)c));
		if (by)
			escs(fp, by);
		else
			fputs("(no rule checks this)", fp);
		fputs("</span></li>\n", fp);
	}
	fputs("</ul>\n", fp);
	if (lor_report_reason_count(r)) {
		fputs("<h3>Points</h3>\n<ul class=\"list points\">\n", fp);
		for (i = 0; i < lor_report_reason_count(r); i++) {
			const lor_reason *rs = lor_report_reason(r, i);

			fprintf(fp, "<li><span class=\"pts\">%+d</span> ", rs->points);
			escs(fp, rs->category);
			fputs(": ", fp);
			escs(fp, rs->reason);
			fputs("</li>\n", fp);
		}
		fputs("</ul>\n", fp);
	}
	if (lor_report_language_count(r)) {
		fputs("<h3>Other languages</h3>\n<ul class=\"list\">\n", fp);
		for (i = 0; i < lor_report_language_count(r); i++) {
			const lor_language_span *l = lor_report_language(r, i);

			fprintf(fp, "<li>paragraph %zu (line %zu): ", l->paragraph, l->line);
			escs(fp, l->lang);
			fprintf(fp, ", confidence %.0f%%</li>\n", l->confidence * 100.0);
		}
		fputs("</ul>\n", fp);
	}
	fputs("</aside>\n", fp);
}

static int file(lor_reporter *rep, const lor_report *r)
{
	hstate *st;
	FILE *fp = rep->fp;
	const lor_document *doc = lor_report_document(r);
	const char *path = lor_document_path(doc), *text;
	hspan *sp = NULL;
	size_t len, i, n = 0, k = 0, absent = 0, shown = 0, letter;
	lor_verdict v = lor_report_verdict(r);
	hentry e;
	int rc = LOR_OK;
	char date[16];

	if (start(rep))
		return LOR_ENOMEM;
	st = rep->state;
	letter = ++st->letters;
	text = lor_document_bytes(doc, &len);
	if (lor_report_finding_count(r) &&
	    !(sp = calloc(lor_report_finding_count(r), sizeof(*sp))))
		return LOR_ENOMEM;
	for (i = 0; i < lor_report_finding_count(r); i++) {
		const lor_finding *f = lor_report_finding(r, i);
		size_t s, end;

		if (f->level < rep->opts.min_level)
			continue;
		shown++;
		s = f->span.offset < len ? f->span.offset : len;
		end = f->span.length <= len - s ? s + f->span.length : len;
		if (end == s) {
			absent++;
			continue;
		}
		sp[n++] = (hspan){ s, end, shown, f, 0 };
	}
	if (n) /* qsort may not be given NULL, even for nothing */
		qsort(sp, n, sizeof(*sp), span_cmp);

	fprintf(fp, "<article id=\"f%zu\" class=\"letter\" data-verdict=\"%s\" aria-labelledby=\"f%zu-h\" "
	            "data-path=\"",
	        letter, lor_verdict_name(v), letter);
	escs(fp, path);
	fprintf(fp, "\">\n<h2 id=\"f%zu-h\">", letter);
	escs(fp, path);
	fprintf(fp, "</h2>\n<p class=\"meta\">Score %d/100, <span class=\"v-%s\">%s</span>; %zu words",
	        lor_report_score(r), lor_verdict_name(v), lor_verdict_name(v), lor_report_words(r));
	if (lor_report_letter_date_iso(r, date, sizeof(date)))
		fprintf(fp, "; dated %s", date);
	else
		fputs("; no date found", fp);
	fputs("; profile ", fp);
	escs(fp, lor_report_profile(r));
	fprintf(fp, "; %zu finding%s shown.</p>\n<div class=\"cols\">\n<div class=\"body\">\n", shown,
	        shown == 1 ? "" : "s");

	if (absent) {
		fputs("<section class=\"panel absent\">\n<h3>Missing from the letter</h3>\n"
		      "<ul class=\"list\">\n",
		      fp);
		for (i = 0, k = 0; i < lor_report_finding_count(r); i++) {
			const lor_finding *f = lor_report_finding(r, i);

			if (f->level < rep->opts.min_level)
				continue;
			k++;
			if (!in_text(f, len))
				finding_item(rep, lor_report_document(r), letter, k, f);
		}
		fputs("</ul>\n</section>\n", fp);
	}
	if (rep->opts.redact) {
		fputs("<p class=\"text redacted\">The letter text is redacted; findings are listed by "
		      "position.</p>\n",
		      fp);
	} else {
		fprintf(fp, "<div class=\"text\" id=\"f%zu-t\" data-letter=\"%zu\" lang=\"en\">", letter,
		        letter);
		rc = write_text(rep, letter, text, len, sp, n);
		fputs("</div>\n", fp);
	}
	if (n) {
		fprintf(fp, "<section class=\"found\">\n<h3>%s</h3>\n<ol class=\"list\">\n",
		        rep->opts.redact ? "Findings by position" : "Findings in the text");
		for (i = 0, k = 0; i < lor_report_finding_count(r); i++) {
			const lor_finding *f = lor_report_finding(r, i);

			if (f->level < rep->opts.min_level)
				continue;
			k++;
			if (in_text(f, len))
				finding_item(rep, lor_report_document(r), letter, k, f);
		}
		fputs("</ol>\n</section>\n", fp);
	}
	free(sp);
	fputs("</div>\n", fp);
	strength(rep, r, letter);
	fputs("</div>\n</article>\n", fp);
	if (rc)
		return rc;

	memset(&e, 0, sizeof(e));
	if (!(e.path = lor__strdup(path)))
		return LOR_ENOMEM;
	e.letter = letter;
	e.score = lor_report_score(r);
	e.verdict = v;
	e.findings = shown;
	if (add_entry(st, &e)) {
		free(e.path);
		return LOR_ENOMEM;
	}
	return LOR_OK;
}

/* Errors go to the index only: there is no letter to show. */
static int error(lor_reporter *rep, const lor_error *err)
{
	hentry e;

	if (start(rep))
		return LOR_ENOMEM;
	memset(&e, 0, sizeof(e));
	e.path = lor__strdup(err->path);
	e.error = lor__strdup(err->message);
	e.line = err->line;
	e.column = err->column;
	if (!e.path || !e.error || add_entry(rep->state, &e)) {
		free(e.path);
		free(e.error);
		return LOR_ENOMEM;
	}
	return LOR_OK;
}

static int finish(lor_reporter *rep)
{
	hstate *st;
	FILE *fp = rep->fp;
	size_t i;

	if (start(rep))
		return LOR_ENOMEM;
	st = rep->state;
	if (!st->letters)
		fputs("<p class=\"meta\">No letter could be checked.</p>\n", fp);
	fputs("</main>\n<nav id=\"index\" aria-labelledby=\"index-h\">\n<h2 id=\"index-h\">Letters</h2>\n",
	      fp);
	fprintf(fp, "<p class=\"meta summary\">%zu file%s checked: %zu strong, %zu moderate, %zu weak; "
	            "%zu error%s.</p>\n",
	        rep->files, rep->files == 1 ? "" : "s", rep->verdicts[LOR_VERDICT_STRONG],
	        rep->verdicts[LOR_VERDICT_MODERATE], rep->verdicts[LOR_VERDICT_WEAK], rep->errors,
	        rep->errors == 1 ? "" : "s");
	/* One letter alone needs no table of contents; errors always get one. */
	if (st->nentries > 1 || rep->errors) {
		fputs("<table>\n<thead><tr><th scope=\"col\">Letter</th><th scope=\"col\">Score</th>"
		      "<th scope=\"col\">Verdict</th><th scope=\"col\">Findings</th></tr></thead>\n"
		      "<tbody>\n",
		      fp);
		for (i = 0; i < st->nentries; i++) {
			const hentry *e = &st->entries[i];

			if (e->error) {
				fputs("<tr class=\"error\"><td>", fp);
				escs(fp, e->path);
				fputs("</td><td colspan=\"3\"><span aria-hidden=\"true\">\xE2\x9C\x96</span> error",
				      fp);
				if (e->line)
					fprintf(fp, " at line %lu, column %lu", e->line, e->column);
				fputs(": ", fp);
				escs(fp, e->error);
				fputs("</td></tr>\n", fp);
				continue;
			}
			fprintf(fp, "<tr><td><a href=\"#f%zu\">", e->letter);
			escs(fp, e->path);
			fprintf(fp, "</a></td><td class=\"num\">%d</td><td class=\"v-%s\">%s</td>"
			            "<td class=\"num\">%zu</td></tr>\n",
			        e->score, lor_verdict_name(e->verdict), lor_verdict_name(e->verdict),
			        e->findings);
		}
		fputs("</tbody>\n</table>\n", fp);
	}
	fputs("</nav>\n<footer>Generated by lorlint " LOR_VERSION ". This page is self-contained "
	      "and loads nothing from the network.</footer>\n</body>\n</html>\n",
	      fp);
	return LOR_OK;
}

static void release(lor_reporter *rep)
{
	hstate *st = rep->state;
	size_t i;

	if (!st)
		return;
	for (i = 0; i < st->nentries; i++) {
		free(st->entries[i].path);
		free(st->entries[i].error);
	}
	free(st->entries);
	free(st);
}

const lor_reporter_ops lor_report_html = { "html", file, error, finish, release };
