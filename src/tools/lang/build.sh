#!/bin/sh
# build.sh - regenerate the language profiles rules/lang/CODE.txt from the training texts in src/tools/lang/text/.
#
# Usage (from the repository root): src/tools/lang/build.sh [CC]
#
# Only needed when a training text, src/tools/lang/languages.tsv or the pruning
# below changes: the generated profiles are committed, so neither CI nor a
# user build runs this.  It compiles src/tools/lang/build_model.c against the
# library's own tokenizer (src/lang.c, so training and identification cut
# words identically) and runs it once per language listed in languages.tsv.
# Needs a C11 compiler and pkg-config's libutf8proc, nothing else.
#
# MAX_ORDER is the longest character n-gram written; keep it equal to the
# highest order with a non-zero weight in rules/lang/params.txt.
# Pruning (keeps rules/lang/ well under 3 MB): a feature must occur at least
# MINCOUNT times in the text; at most PER_ORDER n-grams of each order
# and MAX_WORDS whole words are kept per language.  The totals written are
# always those of the whole text, so probabilities stay honest.
set -eu
CC=${1:-${CC:-cc}}
MAX_ORDER=4
MINCOUNT=3
PER_ORDER=1500
MAX_WORDS=500
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2046
$CC -std=c11 -O2 -Isrc -Iinclude -o "$tmp/build_model" src/tools/lang/build_model.c src/lang.c src/lang_model.c src/xutil.c \
	$(pkg-config --cflags --libs libutf8proc) -lm
grep -v '^#' src/tools/lang/languages.tsv | while IFS="$(printf '\t')" read -r code name; do
	[ -n "$code" ] || continue
	"$tmp/build_model" -g "$MAX_ORDER" -m "$MINCOUNT" -n "$PER_ORDER" -w "$MAX_WORDS" \
		"$code" "$name" "src/tools/lang/text/$code.txt" "rules/lang/$code.txt"
done
echo "build.sh: wrote $(grep -cv '^#' src/tools/lang/languages.tsv) profiles to rules/lang/"
