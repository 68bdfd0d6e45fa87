#!/bin/sh
# summarize.sh - the CAMPAIGN.md table row of each target, from the logs that campaign.sh kept.
#
# Usage: tests/fuzz/summarize.sh LOGDIR   prints one Markdown row per target:
# executions, seconds, executions per second, coverage (cov: edges, ft: features)
# at the end, the corpus after -merge=1, and the crash, timeout, leak and
# out-of-memory inputs libFuzzer wrote (their names, or "none"). A target run
# more than once (TARGET.log, TARGET.2.log, ...: each run resumed from the
# corpus the one before left, see run.sh) gets one row: executions and
# seconds added up, coverage from the last run; the runs column counts them.
set -eu
logs=$1
echo "| target | executions | seconds | exec/s | cov | ft | minimized corpus | runs | crashes, timeouts, leaks, OOMs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
for log in "$logs"/fuzz_*.log; do
	case $log in *.merge.log | *.first.log | *.second.log) continue ;; esac
	t=$(basename "$log" .log)
	case $t in *.[0-9]*) continue ;; esac # a later run: added to the first below
	runs=0 secs=0 n=0 last=$log
	for l in "$log" "$logs/$t".[0-9]*.log; do
		case $l in *.merge.log) continue ;; esac
		[ -f "$l" ] || continue
		r=$(sed -n 's/^stat::number_of_executed_units: *//p' "$l" | tail -n 1)
		s=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$l" | tail -n 1)
		# a run that did not finish has no totals: the row says so
		[ -n "$r" ] && [ -n "$s" ] || { runs=?; secs=?; }
		[ "$runs" = ? ] || { runs=$((runs + r)); secs=$((secs + s)); }
		n=$((n + 1))
		last=$l
	done
	eps=?
	[ "$runs" = ? ] || [ "$secs" -eq 0 ] || eps=$((runs / secs))
	line=$(grep -aE '^#[0-9]+' "$last" | tail -n 1)
	cov=$(echo "$line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	files=$(ls tests/fuzz/corpus/"$t" 2>/dev/null | wc -l)
	bad=$(cd "$logs" && ls "$t"-crash-* "$t"-timeout-* "$t"-leak-* "$t"-oom-* 2>/dev/null | tr '\n' ' ' || true)
	echo "| $t | $runs | $secs | $eps | ${cov:-?} | ${ft:-?} | $files files | $n | ${bad:-none} |"
done
