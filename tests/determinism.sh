#!/bin/sh
# determinism.sh - the report of a letter does not depend on what runs beside it, the order, -j, the locale, or the run.
#
# Usage: tests/determinism.sh BUILD_DIR   (from the repo root; tests/run.sh calls it)
# A property test over every letter of corpus/ and the held-out sets: the
# reference is one run over all of them in sorted order with -j 1; then the
# same letters reversed with -j 3, shuffled (a fixed shuffle) with -j 2 under
# LC_ALL=de_DE.UTF-8 (C.UTF-8 when that locale is missing), each fifth letter
# alone, and the reference run again. Every run's JSON is split into one
# canonical line per letter (tests/tools/report_files.c) and compared with
# the reference; the repeated run must match it byte for byte.
set -u
build=${1:-build}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ls corpus/*/*.txt corpus/*/*.md tests/heldout/letters/* tests/heldout2/letters/* | LC_ALL=C sort > "$d/letters"
n=$(wc -l < "$d/letters")
lor() { "$build/lorlint" --format json --as-of 2026-11-27 "$@"; }
split() { "$build/report_files" "$1" | LC_ALL=C sort; }
fail=0
differs() { echo "determinism: $1 differs from the reference:" >&2; diff "$d/ref" "$2" | head -5 >&2; fail=1; }

lor -j 1 $(cat "$d/letters") > "$d/ref.json"
split "$d/ref.json" > "$d/ref"
[ "$(wc -l < "$d/ref")" -eq "$n" ] || { echo "determinism: $n letters but $(wc -l < "$d/ref") reports" >&2; exit 1; }

lor -j 3 $(LC_ALL=C sort -r "$d/letters") > "$d/rev.json"
split "$d/rev.json" > "$d/rev"
cmp -s "$d/ref" "$d/rev" || differs "reversed, -j 3" "$d/rev"

loc=de_DE.UTF-8
locale -a 2>/dev/null | grep -qi '^de_DE\.utf-*8$' || loc=C.UTF-8
awk '{ printf "%d %s\n", (NR * 7919) % 104729, $0 }' "$d/letters" | LC_ALL=C sort -n | cut -d' ' -f2- > "$d/shuffled"
LC_ALL=$loc lor -j 2 $(cat "$d/shuffled") > "$d/shuf.json"
split "$d/shuf.json" > "$d/shuf"
cmp -s "$d/ref" "$d/shuf" || differs "shuffled, -j 2, LC_ALL=$loc" "$d/shuf"

: > "$d/alone"
for f in $(awk 'NR % 5 == 1' "$d/letters"); do
	lor "$f" > "$d/one.json"
	split "$d/one.json" >> "$d/alone"
done
LC_ALL=C sort "$d/alone" | LC_ALL=C comm -23 - "$d/ref" > "$d/odd"
[ -s "$d/odd" ] && differs "a letter checked alone" "$d/odd"

lor -j 1 $(cat "$d/letters") > "$d/again.json"
cmp -s "$d/ref.json" "$d/again.json" || { echo "determinism: a repeated run differs" >&2; fail=1; }
[ "$fail" -eq 0 ] && echo "determinism: $n letters, the same reports reversed with -j 3, shuffled with -j 2 under $loc, $(wc -l < "$d/alone") alone, and again"
exit "$fail"
