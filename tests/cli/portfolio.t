# portfolio.t - lorlint --portfolio: an applicant's letters judged as one set (issue 13).
#
# The letters are checked as always and reported in input order; the set
# comes after them in the text format, as a "portfolio" object in json and
# sarif, above the letters in html, as one line in the summary. Exit codes
# are those of the single-letter mode; --fail-under also applies to the set.

# Two honest letters about the same observership are not templated: no set finding.
$ lorlint --portfolio --as-of 2026-11-27 corpus/portfolios/11-same-rotation-honest
>? Letter set: score 90/100  strong  (profile residency, 3 letters)
>?   corpus/portfolios/11-same-rotation-honest/n11-rotation-attending.txt          attending           clinical    direct      us         94  strong
>?   corpus/portfolios/11-same-rotation-honest/n12-rotation-fellow-pharmacist.txt  other               clinical    direct      us         76  moderate
>?   set findings: none
>?    +90 letters          the mean of the 3 letters' own scores
>? 3 files checked: 2 strong, 1 moderate, 0 weak; 0 errors

# A templated pair: the pair, its shared sentences with their lines, and the next step naming the letters
# (exit 1: the templated letters have error-level findings of their own).
$ lorlint --portfolio --as-of 2026-11-27 corpus/portfolios/04-templated-one-writer
? 1
>?  -20 templated: letters share a template: corpus/portfolios/04-templated-one-writer/n05-templated-a.txt and corpus/portfolios/04-templated-one-writer/n06-templated-b.txt
>?           line 9: "He is hard-working, punctual and reliable, and he always completes his tasks on time."
>?   1. Ask the writers of the templated letters (corpus/portfolios/04-templated-one-writer/n05-templated-a.txt and corpus/portfolios/04-templated-one-writer/n06-templated-b.txt) to rewrite them in their own words, each about the work they saw.

# --redact: the shared sentences are left out, only their lines are shown.
$ lorlint --portfolio --redact --as-of 2026-11-27 corpus/portfolios/04-templated-one-writer | grep -c 'hard-working, punctual'
> 0
? 1

$ lorlint --portfolio --redact --format json --as-of 2026-11-27 corpus/portfolios/04-templated-one-writer | grep -c '"a_text"'
> 0
? 1

# The fellowship set profile: at least half informatics letters, one informatics throughout.
$ lorlint --portfolio --profile fellowship --format summary --as-of 2026-11-27 corpus/portfolios/07-fellowship-little-informatics
>? letter set: score 53/100, moderate (profile fellowship); findings: informatics, informatics_throughout

# json: each letter's facts, and the set as its own object beside the files.
$ lorlint --portfolio --format json --as-of 2026-11-27 corpus/portfolios/08-visa
>? "facts":{"focus":"informatics_throughout","kind":"informatics","observation":"direct","role":"informatician","setting":"us"}
>? "portfolio": {"profile":"residency","score":92,"verdict":"strong","letters":[
>? "findings":[{"id":"visa","check":"letters","points":-5,"message":"visa or immigration status is discussed in 1 letter(s) (corpus/portfolios/08-visa/06-visa-j1-fellowship.txt)"

# sarif: the set in the run's property bag.
$ lorlint --portfolio --format sarif --as-of 2026-11-27 corpus/portfolios/13-repeated-anecdote
>? "properties": {"portfolio": {"profile":"residency","score":87,"verdict":"strong"

# html: the set overview comes before the first letter.
$ lorlint --portfolio --format html --as-of 2026-11-27 corpus/portfolios/10-too-many | grep -n -o -e 'class="panel portfolio"' -e '<article' | head -2
> 64:class="panel portfolio"
> 91:<article

# A Markdown letter belongs to a set like a text letter (any input the single-letter mode reads).
$ lorlint --portfolio --profile fellowship --as-of 2026-11-27 corpus/portfolios/14-fellowship-balanced
>?   corpus/portfolios/14-fellowship-balanced/05-pathology-lis-fellowship.md  informatician       informatics direct      outside   100  strong
>? Letter set: score 98/100  strong  (profile fellowship, 4 letters)

# A letter that cannot be read is an error in its place; the others are still judged as a set; exit 2.
$ lorlint --portfolio --format summary --as-of 2026-11-27 corpus/portfolios/08-visa tests/fixtures/letters/bad-utf8.txt
? 2
>? tests/fixtures/letters/bad-utf8.txt                       ERROR invalid UTF-8 (byte 0xFF at offset 11)
>? letter set: score 92/100, strong (profile residency); findings: visa
! tests/fixtures/letters/bad-utf8.txt:1:12: error: invalid UTF-8 (byte 0xFF at offset 11)

# --fail-under applies to the set score too: every letter is at least 76, the set 84.
$ lorlint --portfolio --format summary --fail-under 76 --as-of 2026-11-27 corpus/portfolios/10-too-many
>? letter set: score 84/100, strong (profile residency); findings: count

$ lorlint --portfolio --format summary --fail-under 85 --as-of 2026-11-27 corpus/portfolios/10-too-many
? 1
>? letter set: score 84/100, strong (profile residency); findings: count

# A profile with no letter set, and a folder with no letters: usage errors, exit 2.
$ lorlint --portfolio --profile feedback corpus/portfolios/08-visa
? 2
! lorlint: error: no letter-set profile 'feedback' for --portfolio (profiles of letter sets: rules/sets/*.yml)
! Try 'lorlint --help' for more information.

$ d=$(mktemp -d) && lorlint --portfolio --format summary --as-of 2026-11-27 "$d"; echo "exit $?"; rmdir "$d"
> 0 letters checked: 0 strong, 0 moderate, 0 weak; 0 errors; mean score -
> exit 2
! lorlint: error: no letters to judge as a portfolio (a folder is walked for *.txt and *.md)

# More letters than one applicant has: an error for the set (the letters are still reported), exit 2.
$ d=$(mktemp -d) && for i in $(seq 1 257); do printf 'Dear Program Director,\n\nLetter %s is kind.\n' "$i" > "$d/l$i.txt"; done; lorlint --portfolio --format summary --as-of 2026-11-27 "$d" > /dev/null; echo "exit $?"; rm -rf "$d"
> exit 2
! lorlint: error: a portfolio is one applicant's letters: 257 given, at most 256 are compared

# Standard input is a letter of the set like any file (two clinical letters: too few, no informatics letter).
$ lorlint --portfolio --format summary --as-of 2026-11-27 corpus/portfolios/08-visa/04-em-attending-chest-pain.txt - < corpus/portfolios/letters/n04-clinical-us-attending.txt
>? -                                                           171     94  strong    concrete_informatics_example
>? letter set: score 77/100, strong (profile residency); findings: count, informatics

# The set is the same whatever -j is: the letters are kept in input order until all are checked.
$ d=$(mktemp -d) && lorlint -j 1 --portfolio --format json --as-of 2026-11-27 corpus/portfolios/10-too-many > "$d/j1.json"; lorlint -j 3 --portfolio --format json --as-of 2026-11-27 corpus/portfolios/10-too-many > "$d/j3.json"; cmp "$d/j1.json" "$d/j3.json" && echo identical; rm -rf "$d"
> identical

# Any input the single-letter mode reads is a letter of the set: here an HTML letter beside two text letters.
$ d=$(mktemp -d) && { printf '<!DOCTYPE html><html><body>'; awk 'BEGIN{RS=""} {gsub(/\n/,"<br>"); print "<p>" $0 "</p>"}' corpus/portfolios/letters/n04-clinical-us-attending.txt; printf '</body></html>\n'; } > "$d/n04.html" && lorlint --portfolio --format json --as-of 2026-11-27 corpus/portfolios/letters/n01-research-biostat-qi.txt "$d/n04.html" corpus/strong/01-cmio-sepsis.txt | grep -o '"facts":{[^}]*}' | head -3; rm -rf "$d"
> "facts":{"focus":"mixed","kind":"research","observation":"direct","role":"research_supervisor","setting":"outside"}
> "facts":{"focus":"mixed","kind":"clinical","observation":"direct","role":"attending","setting":"us"}
> "facts":{"focus":"informatics_throughout","kind":"informatics","observation":"direct","role":"informatician","setting":"outside"}
