#!/bin/sh
# eval.sh - the published-letter sets of tests/real/ beside the corpus figures (make eval).
#
# Usage: tests/real/eval.sh BUILD_DIR [record]
# The letters themselves are not in the repository (their licences do not allow
# it; tests/real/README.md). When a set's texts are present in
# tests/real/<set>/letters/, the set is measured now; otherwise the figures
# recorded in tests/real/<set>/LATEST-RUN.txt are shown, and the output says so.
# With "record", each measured set's output is written to its LATEST-RUN.txt.
set -u
build=$1 mode=${2:-show}
for set in dev test final fresh last holdout unseen sealed blind vault sentinel harbor beacon anchor compass delta echo foxtrot golf hotel india juliet kilo lima; do
	dir=tests/real/$set
	[ -f "$dir/expected.tsv" ] || continue
	want=$(($(wc -l < "$dir/expected.tsv") - 1))
	have=$(find "$dir/letters" -type f 2>/dev/null | wc -l)
	echo
	if [ "$have" -ge "$want" ] && [ "$want" -gt 0 ]; then
		echo "== tests/real/$set: $want published letters, measured now =="
		if [ "$mode" = record ]; then
			{
				echo "# tests/real/$set: the latest run ($(git rev-parse --short HEAD 2>/dev/null || echo unknown)),"
				echo "# recorded with 'tests/real/eval.sh BUILD record'. FIRST-RUN.txt is the honest first measure."
				"$build"/eval --f1-bar 0.80 --verdict-bar 0.75 --min-positives 3 --no-date-bar "$dir/expected.tsv" 2>&1
			} > "$dir/LATEST-RUN.txt"
			sed -n '/^signal/,/^strong <->/p' "$dir/LATEST-RUN.txt"
		else
			"$build"/eval --f1-bar 0.80 --verdict-bar 0.75 --min-positives 3 --no-date-bar "$dir/expected.tsv" 2>&1 | sed -n '/^signal/,/^letter_date/p'
		fi
	elif [ -f "$dir/LATEST-RUN.txt" ]; then
		echo "== tests/real/$set: $want published letters; their texts are not here (see tests/real/README.md)"
		echo "== recorded figures from $dir/LATEST-RUN.txt:"
		sed -n '1,2p;/^signal/,/^strong <->/p' "$dir/LATEST-RUN.txt"
	fi
done
exit 0
