# --redact keeps the letter's words out of every format (the fixture letter's own phrases are grepped for).
$ for f in text json sarif summary html; do lorlint --redact --format $f --as-of 2026-11-27 tests/fixtures/letters/markup-chars.txt corpus/weak/01-hedged-think-well.txt | grep -c -i -e 'seems to be' -e 'Chaudhry' -e 'think he will'; done; echo done
> 0
> 0
> 0
> 0
> 0
> done

# The same letters without --redact do show them (so the grep above can fail).
$ for f in json html; do lorlint --format $f --as-of 2026-11-27 corpus/weak/01-hedged-think-well.txt | grep -c -i -e 'seems to be' -e 'Chaudhry'; done
> 1
> 4

# A symlink loop in a walked directory is followed once and ends.
$ d=$(mktemp -d) && mkdir $d/a && ln -s .. $d/a/loop && cp tests/fixtures/letters/firm.txt $d/a/ && lorlint --no-default-rules --rules tests/fixtures/rules/ok --format summary $d | grep -c 'firm.txt'; rm -rf $d
> 1

# SOURCE_DATE_EPOCH sets the default reference date (1767225600 is 2026-01-01 UTC); --as-of wins over it.
$ SOURCE_DATE_EPOCH=1767225600 lorlint --format json tests/fixtures/letters/firm.txt | grep -o '"as_of": "[0-9-]*"'
> "as_of": "2026-01-01"

$ SOURCE_DATE_EPOCH=1767225600 lorlint --as-of 2026-11-27 --format json tests/fixtures/letters/firm.txt | grep -o '"as_of": "[0-9-]*"'
> "as_of": "2026-11-27"

$ SOURCE_DATE_EPOCH=soon lorlint tests/fixtures/letters/firm.txt
? 2
! lorlint: error: SOURCE_DATE_EPOCH 'soon' is not a number of seconds
! Try 'lorlint --help' for more information.

# Colour only on a terminal, and never with NO_COLOR (script(1) gives the command a terminal).
$ env -u NO_COLOR script -qec "lorlint --no-default-rules --rules tests/fixtures/rules/ok tests/fixtures/letters/faint.txt" /dev/null | grep -c "$(printf '\033')\["
> 14

$ env NO_COLOR=1 script -qec "lorlint --no-default-rules --rules tests/fixtures/rules/ok tests/fixtures/letters/faint.txt" /dev/null | grep -c "$(printf '\033')\["
? 1
> 0

# A device that never ends is refused at its first NUL byte, not read to the size cap.
$ lorlint /dev/zero
? 2
> 0 files checked: 0 strong, 0 moderate, 0 weak; 1 error
! /dev/zero: error: binary file, not text

# Progress goes to stderr only on a terminal and only past 200 files.
$ d=$(mktemp -d) && for i in $(seq 1 250); do printf 'We had no complaints.\n' > $d/$i.txt; done && env -u NO_COLOR script -qec "lorlint --no-default-rules --rules tests/fixtures/rules/ok --format summary -o $d/out.txt $d" /dev/null | tr '\r' '\n' | grep -c 'letters checked'; lorlint --no-default-rules --rules tests/fixtures/rules/ok --format summary $d 2>&1 >/dev/null | grep -c 'letters checked'; rm -rf $d
> 5
> 0

