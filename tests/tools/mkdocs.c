/* mkdocs.c - write the hand-made document fixtures (tests/tools/docfixtures.h) into a folder.
 *
 * Usage: mkdocs DIR
 * Writes every edge case and hostile file under its name, and for each case
 * with an expected text NAME.expected (and NAME.original-expected), so the
 * command-line checks of tests/docs/run.sh read the same documents as the
 * cmocka suite. Also writes text.pdf, a one-line PDF with a text layer.
 */
#include "docfixtures.h"

static int put(const char *dir, const char *name, const char *suffix, const char *data, size_t len)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s%s", dir, name, suffix);
	if (!(fp = fopen(path, "wb")) || fwrite(data, 1, len, fp) != len || fclose(fp)) {
		fprintf(stderr, "mkdocs: cannot write '%s'\n", path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const fx_case *c;
	size_t k, len;
	char *data;
	int bad = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: mkdocs DIR\n");
		return 2;
	}
	for (c = fx_cases; c->file; c++) {
		if (fx_bytes(c, &data, &len) || put(argv[1], c->file, "", data, len))
			bad = 1;
		free(data);
		if (c->accepted && put(argv[1], c->file, ".expected", c->accepted, strlen(c->accepted)))
			bad = 1;
		if (c->original && put(argv[1], c->file, ".original-expected", c->original, strlen(c->original)))
			bad = 1;
	}
	for (k = 0; fx_generated[k].file; k++) {
		if (fx_make(fx_generated[k].file, &data, &len) || put(argv[1], fx_generated[k].file, "", data, len))
			bad = 1;
		free(data);
	}
	if (fx_make("text.pdf", &data, &len) || put(argv[1], "text.pdf", "", data, len))
		bad = 1;
	free(data);
	return bad;
}
