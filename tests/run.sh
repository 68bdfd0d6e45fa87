#!/bin/sh
# run.sh - run every test binary of a build, then the golden corpus check; print one total line.
#
# Usage: tests/run.sh BUILD_DIR   (from the repo root; `make check` calls it)
# Each cmocka suite prints its own report. The last line, "N passed, N failed",
# counts suites; the exit status is non-zero if any failed.
set -u
build=${1:-build}
export LORLINT_BUILD="$build"
pass=0 fail=0
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $t" >&2; fi
done
# The language bars through the NonEnglish rule, on both language sets.
if "$build"/lang_rule_check tests/lang/eval.tsv tests/lang/heldout.tsv; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: language bars through the rule" >&2; fi
# Letter dates of 80 letters written apart from the date code (tests/data/letterdates/).
if LORLINT="$build/lorlint" sh tests/data/letterdates-check.sh >/dev/null; then pass=$((pass + 1)); else fail=$((fail + 1)); LORLINT="$build/lorlint" sh tests/data/letterdates-check.sh | grep -v '^ok' >&2; echo "FAILED: held-out letter dates" >&2; fi
# The corpus labels: every signal's F1 and the verdict agreement (make eval for the table).
if "$build"/eval --check --quiet corpus/expected.tsv; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: corpus labels (make eval)" >&2; fi
# The held-out letters (tests/heldout/README.md), at the bars set for letters from outside.
if "$build"/eval --check --quiet --f1-bar 0.90 --verdict-bar 0.85 tests/heldout/expected.tsv; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: held-out labels" >&2; fi
if "$build"/eval --check --quiet --f1-bar 0.90 --verdict-bar 0.85 tests/heldout2/expected.tsv; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: second held-out labels" >&2; fi
# Phrasings of each signal's phenomenon, in words no measured letter uses (tests/real/README.md).
if "$build"/probe tests/real/probes.txt tests/heldout/probes.txt; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: signal probes" >&2; fi
# The fuzz target as a plain program over every sample and fixture letter.
if "$build"/fuzz_check corpus/*/*.txt corpus/*/*.md tests/heldout/letters/* tests/heldout2/letters/* tests/fixtures/letters/*; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: fuzz target over the samples" >&2; fi
if tests/deps-check.sh "$build"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: dependency check without dpkg-query" >&2; fi
if tests/install.sh "$build"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: make install" >&2; fi
if tests/golden.sh "$build" check; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: golden corpus reports" >&2; fi
if tests/browser/run.sh "$build"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: browser test of the html report" >&2; fi
echo "suites: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
