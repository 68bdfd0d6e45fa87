#!/bin/sh
# wrap.sh - a letter's judgement does not depend on where its lines wrap (issue 10).
#
# Usage: tests/wrap.sh BUILD_DIR FILE...
# Each letter is checked as written, and hard-wrapped at 72 columns the way
# e-mail and plain-text editors wrap (fold -s, fed on standard input, so no
# copy of a letter is written). Words, score, verdict and failed signals must
# be the same: a phrase broken across two lines is still the same phrase.
set -u
build=$1
shift
judge() { # the summary row without its PATH column
	"$build"/lorlint --as-of 2026-11-27 -f summary "$@" 2>&1 | sed -n 2p | cut -c1- | awk '{ $1 = ""; print }'
}
n=0 bad=0
for f in "$@"; do
	n=$((n + 1))
	a=$(judge "$f")
	b=$(fold -s -w 72 "$f" | judge -)
	if [ -z "$a" ] || [ "$a" != "$b" ]; then
		echo "wrap: $f: as written:$a; wrapped at 72 columns:$b" >&2
		bad=$((bad + 1))
	fi
done
echo "wrap: $n letters, $bad judged differently when hard-wrapped"
[ "$bad" -eq 0 ]
