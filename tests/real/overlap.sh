#!/bin/sh
# overlap.sh - published letters that appear in more than one set (issue 10).
#
# Usage: tests/real/overlap.sh [MIN]   (MIN: the share of shared 5-word shingles, default 0.8)
# The same sample letter is often published on several sites and copied into repositories,
# so a helper collecting a new set can pick up, from another address, a letter an earlier set
# already holds. Such a letter is not held out. This lists every pair of letters in different
# sets whose 5-word shingles (lower case, words only) overlap by at least MIN of the smaller
# letter's, as "share<TAB>earlier<TAB>later", the sets in the order they were made.
set -eu
min=${1:-0.8}
order="dev test final fresh last holdout unseen sealed blind vault sentinel harbor beacon anchor compass delta echo foxtrot"
# a set made later and not yet named above comes last, in name order
for d in tests/real/*/letters; do
	s=${d#tests/real/}
	s=${s%/letters}
	case " $order " in *" $s "*) ;; *) order="$order $s" ;; esac
done
files=""
for s in $order; do
	for f in tests/real/$s/letters/*.txt; do
		[ -f "$f" ] && files="$files $f"
	done
done
[ -n "$files" ] || { echo "overlap: no letter texts here (see tests/real/README.md)" >&2; exit 2; }
# shellcheck disable=SC2086
awk -v min="$min" -v order="$order" '
	BEGIN { n = split(order, o, " "); for (i = 1; i <= n; i++) rank[o[i]] = i }
	FNR == 1 { f = FILENAME; split(f, p, "/"); set[f] = p[3]; nw = 0 }
	{
		line = tolower($0); gsub(/[^a-z0-9]+/, " ", line)
		k = split(line, w, " ")
		for (i = 1; i <= k; i++) {
			win[++nw] = w[i]
			if (nw >= 5) {
				s = win[nw - 4] " " win[nw - 3] " " win[nw - 2] " " win[nw - 1] " " win[nw]
				if (!((f, s) in seen)) { seen[f, s] = 1; size[f]++; holders[s] = holders[s] SUBSEP f }
			}
		}
	}
	END {
		for (s in holders) {
			m = split(substr(holders[s], 2), h, SUBSEP)
			if (m < 2 || m > 20) continue
			for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
				if (set[h[i]] != set[h[j]]) shared[h[i], h[j]]++
		}
		for (pair in shared) {
			split(pair, q, SUBSEP); a = q[1]; b = q[2]
			small = size[a] < size[b] ? size[a] : size[b]
			if (small == 0 || shared[pair] / small < min) continue
			if (rank[set[a]] > rank[set[b]]) { t = a; a = b; b = t }
			printf "%.2f\t%s\t%s\n", shared[pair] / small, a, b
		}
	}' $files | sort -k2,2 -k3,3
