#!/bin/sh
# agreement.sh - how far two independent labellers of the published letters agree (issue 10).
#
# Usage: tests/real/agreement.sh
# For every set with a second labelling in tests/real/agreement/SET.tsv, compares it with the
# first labelling (tests/real/SET/expected.tsv) letter by letter: verdict agreement, and per
# signal the letters each labeller marked, the F1 of one against the other and Cohen's kappa.
# These are the bars lorlint is held to, measured between two careful readers.
set -u
files=""
for f in tests/real/agreement/*.tsv; do
	case $f in *-rationale.tsv) continue ;; esac
	set=$(basename "$f" .tsv)
	[ -f "tests/real/$set/expected.tsv" ] || continue
	files="$files tests/real/$set/expected.tsv $f"
done
[ -n "$files" ] || { echo "agreement: no second labelling found" >&2; exit 2; }
# shellcheck disable=SC2086
awk -F'\t' '
	FNR == 1 { for (i = 1; i <= NF; i++) col[i] = $i; nf = NF; second = (FILENAME ~ /agreement\//); next }
	!second { for (i = 2; i <= nf; i++) a[$1, col[i]] = $i; seen[$1] = 1; next }
	second && ($1 in seen) {
		n++
		if (a[$1, "verdict"] == $2) v++
		for (i = 4; i <= nf; i++) {
			s = col[i]; if (s == "profile") continue
			sig[s] = 1; x = (a[$1, s] == "1"); y = ($i == "1")
			tp[s] += x && y; fn[s] += x && !y; fp[s] += !x && y; tn[s] += !x && !y
		}
	}
	END {
		printf "%d letters labelled twice; verdicts agree on %d (%.1f%%)\n\n", n, v, 100 * v / n
		printf "%-30s %6s %6s %6s %7s %7s\n", "signal", "first", "second", "both", "F1", "kappa"
		split("explicit_endorsement comparative_ranking concrete_informatics_example observation_context vague_endorsement generic_praise_only stale_date non_english visa_mention short_letter", order, " ")
		for (k = 1; k in order; k++) {
			s = order[k]; if (!(s in sig)) continue
			t = tp[s] + fn[s] + fp[s] + tn[s]
			f1 = (2 * tp[s] + fn[s] + fp[s]) ? 2 * tp[s] / (2 * tp[s] + fn[s] + fp[s]) : 1
			po = (tp[s] + tn[s]) / t
			pe = ((tp[s] + fn[s]) * (tp[s] + fp[s]) + (tn[s] + fp[s]) * (tn[s] + fn[s])) / (t * t)
			kappa = pe < 1 ? (po - pe) / (1 - pe) : 1
			printf "%-30s %6d %6d %6d %7.2f %7.2f\n", s, tp[s] + fn[s], tp[s] + fp[s], tp[s], f1, kappa
		}
	}' $files
