#!/bin/sh
# golden.sh - compare (or refresh) the JSON and text reports for corpus/ with tests/golden/.
#
# The letters are the five sample folders of corpus/ (corpus/portfolios/ has
# its own goldens: two letter sets, in the text, json and html formats).
#
# Usage: tests/golden.sh BUILD_DIR check|update
# The reports use a fixed --as-of so they never depend on today's date. A
# difference is printed as a unified diff; refresh only with `make golden`,
# after reading that diff.
set -u
build=$1 mode=$2
mkdir -p tests/golden
status=0
for fmt in json text; do
	want=tests/golden/corpus.$fmt
	got=$(NO_COLOR=1 "$build"/lorlint --format $fmt --as-of 2026-11-27 corpus/feedback corpus/mixed \
		corpus/moderate corpus/strong corpus/weak 2>&1; echo "exit $?")
	if [ "$mode" = update ]; then
		printf '%s\n' "$got" > "$want"
		echo "updated $want"
	elif ! printf '%s\n' "$got" | diff -u "$want" - >&2; then
		echo "golden: $want differs from the current output (make golden refreshes it)" >&2
		status=1
	fi
done
# Two letter sets (issue 13): a templated pair, and a fellowship set.
for set in 04-templated-one-writer:residency 07-fellowship-little-informatics:fellowship; do
	name=${set%%:*} profile=${set#*:}
	for fmt in text json html; do
		want=tests/golden/portfolio-$name.$fmt
		got=$(NO_COLOR=1 "$build"/lorlint --portfolio --profile "$profile" --format $fmt --as-of 2026-11-27 \
			"corpus/portfolios/$name" 2>&1; echo "exit $?")
		if [ "$mode" = update ]; then
			printf '%s\n' "$got" > "$want"
			echo "updated $want"
		elif ! printf '%s\n' "$got" | diff -u "$want" - >&2; then
			echo "golden: $want differs from the current output (make golden refreshes it)" >&2
			status=1
		fi
	done
done
exit $status
