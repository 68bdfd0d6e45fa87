#!/bin/sh
# Check lorlint's JSON "letter_date" against tests/data/letterdates-heldout.tsv.
# Usage: LORLINT=/path/to/lorlint sh tests/data/letterdates-check.sh [TSV]
# Run from the repository root (the tsv holds repo-relative paths).
LORLINT=${LORLINT:-build/lorlint}
TSV=${1:-tests/data/letterdates-heldout.tsv}
tab=$(printf '\t')
right=0
wrong=0
while IFS="$tab" read -r file expected; do
    case $file in ''|'#'*) continue ;; esac
    got=$("$LORLINT" --no-config --as-of 2026-11-27 --format json "$file" 2>/dev/null |
        sed -n 's/^.*"letter_date":\([n"][^,}]*\).*$/\1/p' | sed -n '1p')
    case $got in
        null) got=none ;;
        '"'*) got=$(printf '%s' "$got" | sed 's/"//g') ;;
        '') got='(no letter_date in output)' ;;
    esac
    if [ "$got" = "$expected" ]; then
        right=$((right + 1))
    else
        wrong=$((wrong + 1))
        printf 'MISMATCH %s expected %s got %s\n' "$file" "$expected" "$got"
    fi
done < "$TSV"
echo "letterdates: $right right, $wrong wrong"
[ "$wrong" -eq 0 ]
