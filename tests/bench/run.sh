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
i=0
while [ $i -lt "$n" ]; do
	for f in $src; do
		[ $i -ge "$n" ] && break
		{ cat "$f"; printf '\nReference %d of the benchmark corpus.\n' "$i"; } > "$out/letters/$(printf '%05d' $i).txt"
		i=$((i + 1))
	done
done
bytes=$(cat "$out"/letters/* | wc -c)
# The phrase patterns of the built-in rules, for ripgrep: every `tokens` item.
awk '/^[a-z]+:/ { intok = ($1 == "tokens:") } intok && /^  - / { sub(/^  - /, ""); gsub(/^["'"'"']|["'"'"']$/, ""); print }' \
	rules/lorlint/*.yml > "$out/patterns.txt"
npat=$(wc -l < "$out/patterns.txt")
measure() { # label, command...: prints seconds and peak KiB
	label=$1; shift
	/usr/bin/time -f '%e %M' -o "$out/time.$label" "$@" > /dev/null 2> "$out/err.$label" || true
	tail -n 1 "$out/time.$label"
}
set -- $(measure lorlint "$build/lorlint" --format json --as-of 2026-11-27 "$out/letters")
lt=$1 lrss=$2
set -- $(measure j1 "$build/lorlint" -j 1 --format json --as-of 2026-11-27 "$out/letters")
j1=$1 j1rss=$2
set -- $(measure j2 "$build/lorlint" -j 2 --format json --as-of 2026-11-27 "$out/letters")
j2=$1 j2rss=$2
# Language identification's share: the same run without the NonEnglish rule
# (best of three each, as the difference is small against the noise).
printf 'disable: [lorlint.NonEnglish]\n' > "$out/nolang.yml"
best() { # label, command...: the fastest of three runs
	label=$1; shift
	b=""
	for k in 1 2 3; do
		set -- "$@"
		t=$(measure "$label" "$@" | cut -d' ' -f1)
		b=$(awk -v a="$b" -v t="$t" 'BEGIN { print (a == "" || t < a) ? t : a }')
	done
	echo "$b"
}
wl=$(best withlang "$build/lorlint" -j 1 --no-config --format json --as-of 2026-11-27 "$out/letters")
nl=$(best nolang "$build/lorlint" -j 1 --config "$out/nolang.yml" --format json --as-of 2026-11-27 "$out/letters")
set -- $(measure rg rg -i -c -P -f "$out/patterns.txt" "$out/letters")
rt=$1 rrss=$2
awk -v n="$n" -v b="$bytes" -v lt="$lt" -v rt="$rt" -v lrss="$lrss" -v rrss="$rrss" -v np="$npat" -v ns="$nsrc" \
    -v j1="$j1" -v j2="$j2" -v j1rss="$j1rss" -v j2rss="$j2rss" -v cores="$(nproc)" -v wl="$wl" -v nl="$nl" 'BEGIN {
	if (lt <= 0) lt = 0.001; if (rt <= 0) rt = 0.001; if (j1 <= 0) j1 = 0.001; if (j2 <= 0) j2 = 0.001
	printf "corpus: %d letters (%.1f MB) generated from %d sample letters; %d rule patterns\n", n, b / 1e6, ns, np
	printf "%-28s %8s %12s %10s %12s\n", "run", "seconds", "letters/s", "MB/s", "peak RSS KiB"
	printf "%-28s %8.2f %12.0f %10.2f %12d\n", "lorlint (default -j, json)", lt, n / lt, b / 1e6 / lt, lrss
	printf "%-28s %8.2f %12.0f %10.2f %12d\n", "lorlint -j 1", j1, n / j1, b / 1e6 / j1, j1rss
	printf "%-28s %8.2f %12.0f %10.2f %12d\n", "lorlint -j 2", j2, n / j2, b / 1e6 / j2, j2rss
	printf "%-28s %8.2f %12.0f %10.2f %12d\n", "rg -i -c -P -f patterns", rt, n / rt, b / 1e6 / rt, rrss
	printf "ratio lorlint/rg time: %.2f (lorlint tokenizes, scores and reports; rg only counts lines)\n", lt / rt
	printf "speed-up -j 2 over -j 1: %.2fx on %d cores\n", j1 / j2, cores
	if (wl > 0) printf "language identification: %.1f%% of the run time (-j 1, best of 3: %.2f s with, %.2f s without lorlint.NonEnglish)\n", 100 * (wl - nl) / wl, wl, nl
}'
