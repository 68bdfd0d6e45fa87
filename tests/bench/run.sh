#!/bin/sh
# run.sh - `make bench`: lorlint against ripgrep on a generated corpus, in one run.
#
# Usage: tests/bench/run.sh BUILD_DIR [LETTERS]   (default 5000 letters)
# The corpus is made deterministically from the project's own sample letters
# in corpus/ (each copy gets a different reference line so no two files are
# identical) under BUILD_DIR/bench/, which is build output. Timings are wall-clock
# seconds of a single run each; the figures that matter are the ratios,
# because a shared machine is noisy. Peak RSS comes from GNU time.
set -eu
build=$1 n=${2:-5000}
out="$build/bench"
rm -rf "$out" && mkdir -p "$out/letters"
src=$(find corpus -name '*.txt' -o -name '*.md' | grep -v README | sort)
nsrc=$(printf '%s\n' "$src" | wc -l)
# gen DIR COUNT: COUNT letters, cycling through the samples, in one awk process.
gen() {
	mkdir -p "$1"
	# shellcheck disable=SC2086
	awk -v dir="$1" -v n="$2" '
		FNR == 1 { k++ } { text[k] = text[k] $0 "\n" }
		END { for (i = 0; i < n; i++) {
			f = sprintf("%s/%05d.txt", dir, i)
			printf "%s\nReference %d of the benchmark corpus.\n", text[i % k + 1], i > f
			close(f) } }' $src
}
gen "$out/letters" "$n"
bytes=$(cat "$out"/letters/* | wc -c)
# The phrase patterns of the built-in rules, for ripgrep: every `tokens` item.
# YAML single quotes are unquoted ('' is one quote).
awk '/^[a-z]+:/ { intok = ($1 == "tokens:") }
	intok && /^  - / { sub(/^  - /, "")
		if ($0 ~ /^'"'"'.*'"'"'$/) { $0 = substr($0, 2, length($0) - 2); gsub(/'"''"'/, "'"'"'") }
		else if ($0 ~ /^".*"$/) { $0 = substr($0, 2, length($0) - 2) }
		print }' rules/lorlint/*.yml > "$out/patterns.txt"
# ripgrep joins -f patterns into one regex, which PCRE2 limits in size: run
# it on chunks of 25 patterns, one after the other, and time them together.
rm -f "$out"/pat.*
split -l 25 "$out/patterns.txt" "$out/pat."
printf 'for f in "$@"; do rg -i -c -P -f "$f" %s >/dev/null; done\n' "$out/letters" > "$out/rg.sh"
npat=$(wc -l < "$out/patterns.txt")
measure() { # label, command...: prints seconds and peak KiB
	label=$1; shift
	/usr/bin/time -f '%e %M' -o "$out/time.$label" "$@" > /dev/null 2> "$out/err.$label" || true
	tail -n 1 "$out/time.$label"
}
set -- $(measure lorlint "$build/lorlint" --format json --as-of 2026-11-27 "$out/letters")
lt=$1 lrss=$2
# -j 1 against -j 2: the best of three runs each, alternating, so that a
# passing disturbance on the machine does not decide the ratio.
j1=0 j2=0
for k in 1 2 3; do
	set -- $(measure j1 "$build/lorlint" -j 1 --format json --as-of 2026-11-27 "$out/letters")
	if [ "$j1" = 0 ] || awk -v a="$1" -v b="$j1" 'BEGIN { exit !(a < b) }'; then j1=$1 j1rss=$2; fi
	set -- $(measure j2 "$build/lorlint" -j 2 --format json --as-of 2026-11-27 "$out/letters")
	if [ "$j2" = 0 ] || awk -v a="$1" -v b="$j2" 'BEGIN { exit !(a < b) }'; then j2=$1 j2rss=$2; fi
done
# Language identification's share of the work, counted in instructions by
# callgrind (exact and repeatable, unlike seconds on a shared machine): the
# same 50 letters with and without the NonEnglish rule, and the model load.
printf 'disable: [lorlint.NonEnglish]\n' > "$out/nolang.yml"
sample=$(ls "$out"/letters/*.txt | head -n 50)
instr() { # command...: total instructions
	valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" "$@" >/dev/null 2>"$out/cg.err" || true
	awk '/^summary:|^totals:/ { print $2; exit }' "$out/cg.out"
}
# shellcheck disable=SC2086
wl=$(instr "$build/lorlint" -j 1 --no-config --format json --as-of 2026-11-27 $sample)
# shellcheck disable=SC2086
nl=$(instr "$build/lorlint" -j 1 --config "$out/nolang.yml" --format json --as-of 2026-11-27 $sample)
set -- $(measure rg sh "$out/rg.sh" "$out"/pat.*)
rt=$1 rrss=$2
# Memory stays flat as the corpus grows: the same run over four times as many letters.
gen "$out/big" $((n * 4))
set -- $(measure big "$build/lorlint" -j 2 --format json --as-of 2026-11-27 "$out/big")
bt=$1 brss=$2
awk -v n="$n" -v b="$bytes" -v lt="$lt" -v rt="$rt" -v lrss="$lrss" -v rrss="$rrss" -v np="$npat" -v ns="$nsrc" \
    -v j1="$j1" -v j2="$j2" -v j1rss="$j1rss" -v j2rss="$j2rss" -v cores="$(nproc)" -v wl="$wl" -v nl="$nl" -v bt="$bt" -v brss="$brss" 'BEGIN {
	if (lt <= 0) lt = 0.001; if (rt <= 0) rt = 0.001; if (j1 <= 0) j1 = 0.001; if (j2 <= 0) j2 = 0.001
	printf "corpus: %d letters (%.1f MB) generated from %d sample letters; %d rule patterns\n", n, b / 1e6, ns, np
	printf "%-28s %8s %12s %10s %12s\n", "run", "seconds", "letters/s", "MB/s", "peak RSS KiB"
	printf "%-28s %8.2f %12.0f %10.2f %12d\n", "lorlint (default -j, json)", lt, n / lt, b / 1e6 / lt, lrss
	printf "%-28s %8.2f %12.0f %10.2f %12d\n", "lorlint -j 1 (best of 3)", j1, n / j1, b / 1e6 / j1, j1rss
	printf "%-28s %8.2f %12.0f %10.2f %12d\n", "lorlint -j 2 (best of 3)", j2, n / j2, b / 1e6 / j2, j2rss
	printf "%-28s %8.2f %12.0f %10.2f %12d\n", "rg -i -c -P -f (same patterns)", rt, n / rt, b / 1e6 / rt, rrss
	printf "ratio lorlint/rg time: %.2f (lorlint tokenizes, scores and reports; rg only counts lines)\n", lt / rt
	printf "speed-up -j 2 over -j 1: %.2fx on %d cores\n", j1 / j2, cores
	big_ratio = j2rss > 0 ? brss / j2rss : 0
	big_rate = bt > 0 ? 4 * n / bt : 0
	printf "peak RSS at -j 2: %d KiB for %d letters, %d KiB for %d letters (ratio %.2f; %.0f letters/s)\n", j2rss, n, brss, 4 * n, big_ratio, big_rate
	if (wl > 0) printf "language identification: %.1f%% of the instructions (callgrind, 50 letters: %.0fM with, %.0fM without lorlint.NonEnglish)\n", 100 * (wl - nl) / wl, wl / 1e6, nl / 1e6
}'
