#!/bin/sh
# run.sh - run one libFuzzer target of build/fuzz/bin/ over its corpus and seeds, keeping the log.
#
# Usage: tests/fuzz/run.sh TARGET [libFuzzer options...]   (from the repo root, after make fuzz-build)
#   e.g. tests/fuzz/run.sh fuzz_dates -runs=10000000
# The working corpus is a fresh mktemp directory holding tests/fuzz/corpus/TARGET/
# and the target's seeds (below), so nothing in the tree grows while it runs.
# With FUZZ_MERGE=1 the working corpus is then minimized (-merge=1) into
# tests/fuzz/corpus/TARGET/, which `make test` replays. FUZZ_LOGS names a
# directory for the log and any crash (default: a new mktemp directory);
# the log's last lines give the executions, coverage and crashes that
# tests/fuzz/CAMPAIGN.md records. A second run of a target into the same
# directory logs to TARGET.2.log (then .3, ...), so that summarize.sh can
# add up the runs that each resumed from the corpus the one before left.
# FUZZ_MAX_LEN (default 8192) caps the input length of the run and of the
# merge alike: a merge must not cut a .docx in the checked-in corpus short
# of its zip directory.
set -eu
t=$1
shift
bin=build/fuzz/bin/$t
[ -x "$bin" ] || { echo "run.sh: no $bin (make fuzz-build first)" >&2; exit 2; }
logs=${FUZZ_LOGS:-$(mktemp -d)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 143' INT TERM HUP
mkdir -p "$work/in" tests/fuzz/corpus/$t
# Seeds: the inputs of the same kind that the project already has.
case $t in
fuzz_check | fuzz_letter | fuzz_suppress)
	seeds="corpus/*/*.txt corpus/*/*.md tests/fixtures/letters/*" ;;
fuzz_dates) seeds="tests/data/letterdates/* tests/fixtures/letters/*" ;;
fuzz_lang) seeds="tests/fixtures/letters/* corpus/mixed/*" ;;
fuzz_rule) seeds="rules/*/*.yml rules/classes/*.yml tests/fixtures/rules/*/*/*.yml tests/fixtures/rules/*/*.yml" ;;
fuzz_config) seeds="tests/fixtures/config/*/.lorlint.yml tests/fixtures/config/*/*.yml" ;;
*) seeds="" ;;
esac
n=0
for f in $seeds tests/fuzz/corpus/$t/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$work/in/seed-$n"
done
dict=
[ -f tests/fuzz/$t.dict ] && dict=-dict=tests/fuzz/$t.dict
log=$logs/$t.log
runs=1
while [ -e "$log" ]; do
	runs=$((runs + 1))
	log=$logs/$t.$runs.log
done
echo "run.sh: $t over $n seeds, log in $log" >&2
rc=0
len=${FUZZ_MAX_LEN:-8192}
"$bin" $dict -max_len="$len" -timeout=60 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$logs/$t-" \
	"$@" "$work/in" >"$log" 2>&1 || rc=$?
tail -n 20 "$log" >&2
if [ "$rc" -eq 0 ] && [ "${FUZZ_MERGE:-0}" = 1 ]; then
	rm -rf "$work/min" && mkdir "$work/min"
	"$bin" -merge=1 -max_len="$len" -timeout=60 "$work/min" "$work/in" >"${log%.log}.merge.log" 2>&1
	# libFuzzer names an input by its SHA-1; a file named otherwise is a
	# regression input (a crash once found, see CAMPAIGN.md) and stays
	for f in tests/fuzz/corpus/$t/*; do
		name=${f##*/}
		case $name in *[!0-9a-f]*) continue ;; esac
		[ ${#name} -eq 40 ] && rm -f "$f"
	done
	for f in "$work/min"/*; do [ -f "$f" ] && cp "$f" tests/fuzz/corpus/$t/; done
	echo "run.sh: $(ls tests/fuzz/corpus/$t | wc -l) files in tests/fuzz/corpus/$t" >&2
fi
exit $rc
