#!/bin/sh
# golden.sh - compare (or refresh) the JSON and text reports for corpus/ with tests/golden/.
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
	got=$(NO_COLOR=1 "$build"/lorlint --format $fmt --as-of 2026-11-27 corpus 2>&1; echo "exit $?")
	if [ "$mode" = update ]; then
		printf '%s\n' "$got" > "$want"
		echo "updated $want"
	elif ! printf '%s\n' "$got" | diff -u "$want" - >&2; then
		echo "golden: $want differs from the current output (make golden refreshes it)" >&2
		status=1
	fi
done
exit $status
