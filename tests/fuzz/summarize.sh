#!/bin/sh
# summarize.sh - the CAMPAIGN.md table row of each target, from the logs that campaign.sh kept.
#
# Usage: tests/fuzz/summarize.sh LOGDIR   prints one Markdown row per TARGET.log:
# executions, seconds, executions per second, coverage (cov: edges, ft: features)
# at the end, the corpus after -merge=1, and the crash, timeout, leak and
# out-of-memory inputs libFuzzer wrote (their names, or "none").
set -eu
logs=$1
echo "| target | executions | seconds | exec/s | cov | ft | minimized corpus | crashes, timeouts, leaks, OOMs |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for log in "$logs"/fuzz_*.log; do
	case $log in *.merge.log | *.first.log | *.second.log) continue ;; esac
	t=$(basename "$log" .log)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	files=$(ls tests/fuzz/corpus/"$t" 2>/dev/null | wc -l)
	bad=$(cd "$logs" && ls "$t"-crash-* "$t"-timeout-* "$t"-leak-* "$t"-oom-* 2>/dev/null | tr '\n' ' ' || true)
	echo "| $t | ${runs:-?} | ${secs:-?} | ${eps:-?} | ${cov:-?} | ${ft:-?} | $files files | ${bad:-none} |"
done
