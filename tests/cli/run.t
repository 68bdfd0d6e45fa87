# Suppression comments in a Markdown letter: off/on, disable/enable per rule.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --min-level warning --as-of 2026-11-27 tests/fixtures/letters/suppress.md
? 1
> tests/fixtures/letters/suppress.md:1:1: error: no explicit recommendation (found 0) [fx.Endorse]
> tests/fixtures/letters/suppress.md:3:8: warning: 'no complaints' is faint praise [fx.Faint]
> tests/fixtures/letters/suppress.md:13:8: warning: 'no complaints' is faint praise [fx.Faint]
>
> tests/fixtures/letters/suppress.md  score 0/100  weak  (profile residency, 45 words, 3 findings shown)
>   ✗ explicit_endorsement           fx.Endorse
>   ✗ comparative_ranking            (no rule checks this)
>   ✗ concrete_informatics_example   (no rule checks this)
>   ✗ observation_context            (no rule checks this)
>   ✗ vague_endorsement              fx.Faint at 3:8
>   ✓ generic_praise_only            (no rule checks this)
>   ✓ stale_date                     (no rule checks this)
>   ✓ non_english                    (no rule checks this)
>   ✓ visa_mention                   (no rule checks this)
>   ✓ short_letter                   (no rule checks this)
>
> 1 file checked: 0 strong, 0 moderate, 1 weak; 0 errors

# Output order is the input order whatever -j is: -j 1 and -j 3 give the same bytes.
$ d=$(mktemp -d) && lorlint -j 1 --format json --as-of 2026-11-27 corpus > "$d/j1.json"; lorlint -j 3 --format json --as-of 2026-11-27 corpus > "$d/j3.json"; cmp "$d/j1.json" "$d/j3.json" && echo identical; rm -rf "$d"
> identical

$ lorlint -j 0 x.txt
? 2
! lorlint: error: invalid number '0' for --jobs (expected 1 to 256)
! Try 'lorlint --help' for more information.

# -o writes atomically: the file appears complete, no temporary file is left behind.
$ d=$(mktemp -d) && lorlint --no-default-rules --rules tests/fixtures/rules/ok --format json --as-of 2026-11-27 -o $d/out.json tests/fixtures/letters/firm.txt; echo "exit $?"; ls $d; grep -c '"summary"' $d/out.json; rm -rf $d
> exit 0
> out.json
> 1

# An unwritable output: a clear error and exit 2; nothing is left behind.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok -o /nonexistent-dir/out.json tests/fixtures/letters/firm.txt
? 2
! /nonexistent-dir/out.json: error: cannot write: No such file or directory

# Interrupted mid-run (SIGTERM, or SIGINT from a terminal): the temporary file is removed, the
# existing report is left as it was, and lorlint dies of the signal (status 128 + signal number).
$ d=$(mktemp -d) && echo old > $d/out.txt && for sig in TERM INT; do env --default-signal=INT lorlint -j 1 --as-of 2026-11-27 -o $d/out.txt $(for i in $(seq 200); do echo corpus/*/*.txt; done) & pid=$!; n=0; while [ -z "$(find $d -name 'out.txt.tmp.*' -size +0)" ] && [ $n -lt 1000 ]; do sleep 0.01; n=$((n + 1)); done; kill -$sig $pid; wait $pid 2>/dev/null; echo "$sig: exit $?"; ls $d; cat $d/out.txt; done; rm -rf $d
> TERM: exit 143
> out.txt
> old
> INT: exit 130
> out.txt
> old

# A write error (here the file-size limit; a full disk is the same): one line, exit 2, the
# temporary file removed and the existing report left as it was.
$ d=$(mktemp -d) && echo old > $d/out.json && (ulimit -f 1 && lorlint --format json --as-of 2026-11-27 -o $d/out.json corpus 2>&1; echo "exit $?") | sed "s|$d|DIR|"; ls $d; cat $d/out.json; rm -rf $d
> DIR/out.json: error: cannot write: File too large
> exit 2
> out.json
> old

# A device is written in place, never renamed over: /dev/full is a full disk, in every format
# (summary writes its table at the end, and said "Input/output error" until its errno was kept).
$ for f in text json sarif html summary; do lorlint --format $f --as-of 2026-11-27 -o /dev/full corpus 2>&1; echo "$f: exit $?"; done; ls -l /dev/full | cut -c1
> /dev/full: error: cannot write: No space left on device
> text: exit 2
> /dev/full: error: cannot write: No space left on device
> json: exit 2
> /dev/full: error: cannot write: No space left on device
> sarif: exit 2
> /dev/full: error: cannot write: No space left on device
> html: exit 2
> /dev/full: error: cannot write: No space left on device
> summary: exit 2
> c

$ lorlint --as-of 2026-11-27 corpus > /dev/full
? 2
! lorlint: error: cannot write standard output: No space left on device

# A closed pipe on standard output ends the run as it ends any filter: by SIGPIPE (141), or,
# when the caller ignores SIGPIPE, with one line and exit 2.
$ { env --default-signal=PIPE lorlint --as-of 2026-11-27 $(for i in $(seq 20); do echo corpus/*/*.txt; done); echo "exit $?" >&2; } | head -c 1; echo
> c
! exit 141

$ { env --ignore-signal=PIPE lorlint --as-of 2026-11-27 $(for i in $(seq 20); do echo corpus/*/*.txt; done); echo "exit $?" >&2; } | head -c 1; echo
> c
! lorlint: error: cannot write standard output: Broken pipe
! exit 2

# --fail-under and --fail-level decide the exit code.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --fail-level warning --min-level error tests/fixtures/letters/faint.txt > /dev/null; echo "exit $?"
> exit 1

$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --fail-level error tests/fixtures/letters/firm.txt > /dev/null; echo "exit $?"
> exit 0

$ lorlint --fail-under 101 tests/fixtures/letters/firm.txt
? 2
! lorlint: error: invalid score '101' for --fail-under (expected 0 to 100)
! Try 'lorlint --help' for more information.

$ lorlint --fail-under 90 --as-of 2026-11-27 tests/fixtures/letters/firm.txt > /dev/null; echo "exit $?"
> exit 1

# Standard input is read once: a second "-" is an error in its place, the rest is reported.
$ printf 'We had no complaints.\n' | lorlint --no-default-rules --rules tests/fixtures/rules/ok --format summary - -
? 2
> PATH  WORDS  SCORE  VERDICT   FAILED SIGNALS
> -         4      0  weak      explicit_endorsement, comparative_ranking, concrete_informatics_example, observation_context, vague_endorsement
> -     ERROR standard input given more than once
> 1 letter checked: 0 strong, 0 moderate, 1 weak; 1 error; mean score 0.0
! -: error: standard input given more than once

# The report file gets the mode a plain create would (not mkstemp's private 0600).
$ d=$(mktemp -d) && (umask 022 && lorlint --no-default-rules --rules tests/fixtures/rules/ok -o $d/r.txt tests/fixtures/letters/firm.txt) && stat -c %a $d/r.txt; rm -rf $d
> 644


# A report never replaces a letter: an output path that is one of the inputs (by path, through a
# symbolic link or a hard link, or inside a walked directory) is refused before anything is read,
# with exit 2, and the letter is left as it was.
$ d=$(mktemp -d) && cp tests/fixtures/letters/firm.txt "$d/l.txt" && ln -s "$d/l.txt" "$d/sym.txt" && ln "$d/l.txt" "$d/hard.txt" && for o in l.txt sym.txt hard.txt; do (lorlint --no-default-rules --rules tests/fixtures/rules/ok "$d/l.txt" -o "$d/$o" 2>&1; echo "exit $?") | sed "s|$d|DIR|g"; done; (lorlint --no-default-rules --rules tests/fixtures/rules/ok "$d" -o "$d/l.txt" 2>&1; echo "exit $?") | sed "s|$d|DIR|g"; cmp -s "$d/l.txt" tests/fixtures/letters/firm.txt && echo unchanged; rm -rf "$d"
> lorlint: error: output 'DIR/l.txt' is the input 'DIR/l.txt'; refusing to overwrite it
> exit 2
> lorlint: error: output 'DIR/sym.txt' is the input 'DIR/l.txt'; refusing to overwrite it
> exit 2
> lorlint: error: output 'DIR/hard.txt' is the input 'DIR/l.txt'; refusing to overwrite it
> exit 2
> lorlint: error: output 'DIR/l.txt' is the input 'DIR/hard.txt'; refusing to overwrite it
> exit 2
> unchanged
