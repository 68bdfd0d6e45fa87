#!/bin/sh
# campaign.sh - the recorded fuzzing campaign: targets one after another, each to a number of runs or a time cap.
#
# Usage: nice -n 19 tests/fuzz/campaign.sh LOGDIR TARGET:RUNS:SECONDS...   (from the repo root)
#   e.g. tests/fuzz/campaign.sh "$(mktemp -d)" fuzz_dates:10000000:1800 fuzz_rule:10000000:1800
# Each target stops at RUNS executions or after SECONDS, whichever comes
# first, and its corpus is then minimized into tests/fuzz/corpus/TARGET/
# (run.sh with FUZZ_MERGE=1). Run two of these side by side on two cores.
# LOGDIR keeps TARGET.log (libFuzzer's output with -print_final_stats) and
# any crash input; tests/fuzz/CAMPAIGN.md records what they say.
# FUZZ_EXTRA adds libFuzzer options to every run, e.g. FUZZ_EXTRA=-entropic=0:
# libFuzzer's entropic schedule spent half of fuzz_check's time updating the
# frequencies of its 46,000 features (perf, CAMPAIGN.md), so the pipeline
# target ran 1.7 times as many inputs a CPU second without it.
set -u
logs=$1
shift
for spec in "$@"; do
	t=${spec%%:*}
	rest=${spec#*:}
	runs=${rest%%:*}
	secs=${rest#*:}
	case $t in
	fuzz_dates | fuzz_lang) len=256 ;;
	fuzz_check | fuzz_letter) len=4096 ;;
	fuzz_docx) len=16384 ;; # the small .docx and .odt seeds are 1 to 14 KB
	fuzz_html) len=4096 ;;  # a letter saved by pandoc, its style sheet included
	*) len=2048 ;;
	esac
	echo "campaign: $t start $(date -u +%H:%M:%S)" >>"$logs/campaign.txt"
	FUZZ_LOGS=$logs FUZZ_MERGE=1 FUZZ_MAX_LEN=$len tests/fuzz/run.sh "$t" -runs="$runs" -max_total_time="$secs" ${FUZZ_EXTRA:-} \
		2>>"$logs/campaign.txt"
	echo "campaign: $t end $(date -u +%H:%M:%S) exit $?" >>"$logs/campaign.txt"
done
