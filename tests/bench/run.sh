#!/bin/sh
# run.sh - `make bench`: lorlint against the fixed ripgrep anchor, in one run.
#
# Usage: tests/bench/run.sh BUILD_DIR [LETTERS]   (default 2000 letters)
#        BASELINE=path/to/old/lorlint make bench   also measures an older binary
#                                                  in the same run (before/after)
#
# The corpus is made deterministically from the project's own sample letters
# in corpus/ (each copy gets a different reference line so no two files are
# identical) under BUILD_DIR/bench/, which is build output.
#
# The anchor (tests/bench/phrases.txt, a copy of ../shared/bench/phrases.txt,
# never edited) is one single-threaded byte-oriented pass of ripgrep over the
# letters; GNU grep with the same phrases runs beside it. Every wall-clock
# figure is the best of three runs, alternating between the programs, and the
# figures to compare are ratios taken in this one run: a shared machine is
# noisy. Callgrind's instruction counts (per byte of letter, for the whole
# run, for lor_check and for the rule matching in it) are exact and
# repeatable, so they are the figures to trust for small changes.
set -eu
build=$1 n=${2:-2000}
lorlint=$build/lorlint
base=${BASELINE:-}
out="$build/bench"
phrases=tests/bench/phrases.txt
rm -rf "$out" && mkdir -p "$out/letters"
if [ -f ../shared/bench/phrases.txt ] && ! cmp -s ../shared/bench/phrases.txt "$phrases"; then
	echo "bench: $phrases differs from ../shared/bench/phrases.txt (the anchor must not change)" >&2
	exit 2
fi
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
cores=$(nproc)
one=$(ls corpus/strong/*.txt | head -n 1)

# measure LABEL COMMAND...: run once; print "seconds peakKiB" (GNU time).
# Output goes to a file, not /dev/null: GNU grep notices /dev/null and stops
# at the first match, which would time nothing.
measure() {
	label=$1; shift
	/usr/bin/time -f '%e %M' -o "$out/time.$label" "$@" > "$out/stdout" 2> "$out/err.$label" || true
	tail -n 1 "$out/time.$label"
}
# best LABEL: keep the lowest time seen for LABEL (best.LABEL holds "s kib").
best() {
	label=$1; shift
	set -- $(measure "$label" "$@")
	echo "$1" >> "$out/runs.$label"
	if [ ! -f "$out/best.$label" ] || awk -v a="$1" -v b="$(cut -d' ' -f1 "$out/best.$label")" 'BEGIN { exit !(a < b) }'; then
		echo "$1 $2" > "$out/best.$label"
	fi
}
L=$out/letters
for k in 1 2 3; do
	best rg rg -j1 --no-unicode -i -c -f "$phrases" "$L"
	best grep env LC_ALL=C grep -r -E -i -c -f "$phrases" "$L"
	best j1 "$lorlint" -j 1 --no-config --format json --as-of 2026-11-27 "$L"
	best jn "$lorlint" -j "$cores" --no-config --format json --as-of 2026-11-27 "$L"
	[ -n "$base" ] && best b1 "$base" -j 1 --no-config --format json --as-of 2026-11-27 "$L"
done
# Two more back-to-back pairs for the -j speed-up: a best-of-three of each
# side can pair a lucky -j 1 with an unlucky -j N on a machine with
# background load, so the speed-up is the median of five adjacent pairs.
for k in 1 2; do
	best j1 "$lorlint" -j 1 --no-config --format json --as-of 2026-11-27 "$L"
	best jn "$lorlint" -j "$cores" --no-config --format json --as-of 2026-11-27 "$L"
done

# Instructions per byte (callgrind) over 100 letters: the whole run, lor_check
# (tokens, rules, dates, language, score), lor_ctx__each (the rule matching)
# and, of that, JIT compilation (lazy now: paid once a regex has run over 4 KB,
# so over 100 letters it weighs far more than over thousands).
sample=$(ls "$L"/*.txt | head -n 100)
sbytes=$(cat $sample | wc -c)
# instr PROGRAM ARGS...: "total check match" instructions
instr() {
	valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" "$@" >/dev/null 2>"$out/cg.err" || true
	callgrind_annotate --inclusive=yes --threshold=100 "$out/cg.out" 2>/dev/null | awk '
		/PROGRAM TOTALS/ { gsub(",", "", $1); t = $1 }
		/:lor_check / { gsub(",", "", $1); if ($1 + 0 > c + 0) c = $1 + 0 }
		/:lor_ctx__each / { gsub(",", "", $1); if ($1 + 0 > m + 0) m = $1 + 0 }
		/pcre2_jit_compile_8 / { gsub(",", "", $1); if ($1 + 0 > j + 0) j = $1 + 0 }
		END { printf "%d %d %d %d\n", t, c, m, j }'
}
# shellcheck disable=SC2086
cg=$(instr "$lorlint" -j 1 --no-config --format json --as-of 2026-11-27 $sample)
cgl=$(instr "$lorlint" --list-rules)
cg1=$(instr "$lorlint" --no-config --as-of 2026-11-27 "$one")
if [ -n "$base" ]; then
	# shellcheck disable=SC2086
	bcg=$(instr "$base" -j 1 --no-config --format json --as-of 2026-11-27 $sample)
	bcgl=$(instr "$base" --list-rules)
	bcg1=$(instr "$base" --no-config --as-of 2026-11-27 "$one")
fi

# Start-up and one letter: the mean of 20 runs, in milliseconds.
ms() {
	t0=$(date +%s%N)
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do "$@" >/dev/null 2>&1 || true; done
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 20000000 ))
}
list_ms=$(ms "$lorlint" --list-rules)
one_ms=$(ms "$lorlint" --no-config --as-of 2026-11-27 "$one")
[ -n "$base" ] && blist_ms=$(ms "$base" --list-rules) && bone_ms=$(ms "$base" --no-config --as-of 2026-11-27 "$one")

# Memory: a 2 MB letter in paragraphs (the largest accepted: LOR_MAX_INPUT is
# 2 MiB a letter), a 10 MB one, and a 50 MB letter on one line.
awk -v want=2000000 'FNR == 1 { k++ } { t[k] = t[k] $0 "\n" }
	END { while (s + length(t[i % k + 1]) + 1 < want) { i = i % k + 1; printf "%s\n", t[i]; s += length(t[i]) + 1 } }' $src > "$out/big2.txt"
awk -v want=10000000 'FNR == 1 { k++ } { t[k] = t[k] $0 "\n" }
	END { while (s < want) { i = i % k + 1; printf "%s\n", t[i]; s += length(t[i]) + 1 } }' $src > "$out/big10.txt"
awk -v want=50000000 'FNR == 1 { k++ } { gsub(/[\t ]+/, " "); t[k] = t[k] $0 " " }
	END { while (s < want) { i = i % k + 1; printf "%s", t[i]; s += length(t[i]) }; print "" }' $src > "$out/one50.txt"
big() { # TITLE PROGRAM FILE TAG: one line of the large-letter table into big.txt
	t=$1 tag=$4
	set -- $(measure "$tag" timeout 120 "$2" -j 1 --no-config --format json --as-of 2026-11-27 "$3")
	printf '%-30s %8s %12s  %s\n' "$t" "$1" "$2" "$(head -n 1 "$out/err.$tag" | cut -c 1-100)" >> "$out/big.txt"
}
: > "$out/big.txt"
big "lorlint 2 MB in paragraphs" "$lorlint" "$out/big2.txt" m2
big "lorlint 10 MB in paragraphs" "$lorlint" "$out/big10.txt" m10
big "lorlint 50 MB on one line" "$lorlint" "$out/one50.txt" m50
if [ -n "$base" ]; then
	big "baseline 2 MB in paragraphs" "$base" "$out/big2.txt" b2
	big "baseline 10 MB in paragraphs" "$base" "$out/big10.txt" b10
	big "baseline 50 MB on one line" "$base" "$out/one50.txt" b50
fi

row() { # label, "seconds kib"
	set -- "$1" $2
	awk -v l="$1" -v s="$2" -v k="$3" -v n="$n" -v b="$bytes" -v rg="$(cut -d' ' -f1 "$out/best.rg")" 'BEGIN {
		if (s <= 0) s = 0.005; if (rg <= 0) rg = 0.005
		printf "%-44s %7.2f %9.0f %7.2f %10d %8.1fx\n", l, s, n / s, b / 1e6 / s, k, s / rg }'
}
printf 'corpus: %d letters (%.1f MB) generated from %d sample letters; %s cores; load %s\n' "$n" \
	"$(echo "$bytes" | awk '{ print $1 / 1e6 }')" "$nsrc" "$cores" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %7s %9s %7s %10s %9s\n' "run (best of 3)" seconds letters/s MB/s "RSS KiB" "x anchor"
row "anchor: rg -j1 --no-unicode -i -c -f phrases" "$(cat "$out/best.rg")"
row "LC_ALL=C grep -r -E -i -c -f phrases" "$(cat "$out/best.grep")"
row "lorlint -j 1 -f json" "$(cat "$out/best.j1")"
row "lorlint -j $cores -f json" "$(cat "$out/best.jn")"
[ -n "$base" ] && row "baseline lorlint -j 1 -f json" "$(cat "$out/best.b1")"
paste "$out/runs.j1" "$out/runs.jn" | awk -v c="$cores" '
	{ r[NR] = ($2 > 0 ? $1 / $2 : 0); pairs = pairs sprintf(" %.2f", r[NR]) }
	END { for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
	      printf "speed-up -j %d over -j 1: %.2fx, the median of %d back-to-back pairs (%s) (meaningful only on idle cores)\n",
	             c, r[int((NR + 1) / 2)], NR, substr(pairs, 2) }'
ipb() { # label "total check match jit"
	set -- "$1" $2
	awk -v l="$1" -v t="$2" -v c="$3" -v m="$4" -v j="$5" -v b="$sbytes" 'BEGIN {
		printf "%-30s %10.0f %12.0f %12.0f %12.0f\n", l, t / b, c / b, m / b, j / b }'
}
printf '\ninstructions per byte, callgrind, 100 letters (%d bytes):\n' "$sbytes"
printf '%-30s %10s %12s %12s %12s\n' "" "whole run" "lor_check" "rule match" "JIT compile"
ipb "lorlint" "$cg"
[ -n "$base" ] && ipb "baseline" "$bcg"
printf '\nstart-up (mean of 20 runs; callgrind instructions):\n'
printf '%-30s %8s %14s\n' "" ms instructions
printf '%-30s %8s %14s\n' "lorlint --list-rules" "$list_ms" "$(echo "$cgl" | cut -d' ' -f1)"
printf '%-30s %8s %14s\n' "lorlint one letter" "$one_ms" "$(echo "$cg1" | cut -d' ' -f1)"
if [ -n "$base" ]; then
	printf '%-30s %8s %14s\n' "baseline --list-rules" "$blist_ms" "$(echo "$bcgl" | cut -d' ' -f1)"
	printf '%-30s %8s %14s\n' "baseline one letter" "$bone_ms" "$(echo "$bcg1" | cut -d' ' -f1)"
fi
printf '\nlarge letters (-j 1, json; time limit 120 s):\n'
printf '%-30s %8s %12s  %s\n' "" seconds "peak KiB" "first line of stderr"
cat "$out/big.txt"
