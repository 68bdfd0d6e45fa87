/* report_files.c - split lorlint JSON reports into one canonical line per letter, for comparing runs.
 *
 * Usage: report_files REPORT.json...   prints "path<TAB>{...}" for every entry
 * of "files" (keys sorted, compact) and "path<TAB>error: message" for every
 * entry of "errors", so that two runs over the same letters in any order,
 * with any -j, compare as sorted lines (tests/determinism.sh).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

static int print_entries(json_t *arr, int errors)
{
	size_t i;
	json_t *v;

	json_array_foreach(arr, i, v) {
		const char *path = json_string_value(json_object_get(v, "path"));
		char *s;

		if (!path)
			return -1;
		if (errors) {
			printf("%s\terror: %s\n", path, json_string_value(json_object_get(v, "message")));
			continue;
		}
		if (!(s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS)))
			return -1;
		printf("%s\t%s\n", path, s);
		free(s);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		json_error_t e;
		json_t *root = json_load_file(argv[i], 0, &e);

		if (!root || print_entries(json_object_get(root, "files"), 0) ||
		    print_entries(json_object_get(root, "errors"), 1)) {
			fprintf(stderr, "report_files: %s:%d:%d: %s\n", argv[i], e.line, e.column,
			        root ? "not a lorlint report" : e.text);
			json_decref(root);
			return 2;
		}
		json_decref(root);
	}
	return 0;
}
