#!/bin/sh
# portfolios.sh - every portfolio of corpus/portfolios/ gets exactly its expected set findings and verdict.
#
# Usage: tests/portfolios.sh BUILD_DIR [report]
# Each folder corpus/portfolios/NN-name/ holds letters (links to corpus
# letters or new ones) and a file `expected`: "profile: P", "verdict: V",
# "findings: id id ..." (sorted; "none" for none). The folder is checked with
# `lorlint --portfolio --profile P --as-of 2026-11-27 --format json` and the
# set's verdict and finding ids are compared. Prints one line per portfolio
# (with `report`, also its score and findings) and a total; exits 1 on any
# difference.
set -u
build=$1 mode=${2:-check}
pass=0 fail=0
for dir in corpus/portfolios/[0-9]*/; do
	dir=${dir%/}
	exp="$dir/expected"
	[ -f "$exp" ] || continue
	profile=$(sed -n 's/^profile: //p' "$exp")
	want_v=$(sed -n 's/^verdict: //p' "$exp")
	want_f=$(sed -n 's/^findings: //p' "$exp")
	json=$("$build"/lorlint --portfolio --profile "$profile" --as-of 2026-11-27 --format json "$dir" 2>&1)
	# the set object: "portfolio": {... "verdict": "V", ... "findings": [{"id": "x", ...
	set_part=$(printf '%s' "$json" | sed -n 's/.*"portfolio": *\(.*\), *"errors".*/\1/p')
	got_v=$(printf '%s' "$set_part" | sed -n 's/^{"profile": *"[a-z]*", *"score": *[0-9]*, *"verdict": *"\([a-z]*\)".*/\1/p')
	got_s=$(printf '%s' "$set_part" | sed -n 's/^{"profile": *"[a-z]*", *"score": *\([0-9]*\).*/\1/p')
	findings=$(printf '%s' "$set_part" | sed 's/.*"findings": *\[//; s/\], *"points".*//')
	got_f=$(printf '%s' "$findings" | grep -o '{"id": *"[a-z_]*", *"check"' | sed 's/{"id": *"\([a-z_]*\)".*/\1/' | sort | tr '\n' ' ' | sed 's/ $//')
	[ -n "$got_f" ] || got_f=none
	if [ "$got_v" = "$want_v" ] && [ "$got_f" = "$want_f" ]; then
		pass=$((pass + 1))
		[ "$mode" = report ] && printf 'ok   %-40s %-10s %3s/100 %-8s %s\n' "$dir" "$profile" "$got_s" "$got_v" "$got_f"
	else
		fail=$((fail + 1))
		printf 'FAIL %-40s expected %s [%s], got %s [%s]\n' "$dir" "$want_v" "$want_f" "${got_v:-?}" "$got_f" >&2
	fi
done
echo "portfolios: $pass of $((pass + fail)) with exactly their expected set findings and verdict"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
