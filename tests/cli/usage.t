# Usage errors: one line plus a hint on stderr, exit 2.
$ lorlint --frobnicate x.txt
? 2
! lorlint: error: unknown option '--frobnicate'
! Try 'lorlint --help' for more information.

$ lorlint -z x.txt
? 2
! lorlint: error: unknown option '-z'
! Try 'lorlint --help' for more information.

$ lorlint --format
? 2
! lorlint: error: option '--format' needs a value
! Try 'lorlint --help' for more information.

$ lorlint --format yaml tests/fixtures/letters/firm.txt
? 2
! lorlint: error: unknown format 'yaml' (expected text, json, sarif, summary, html, docx or odt)
! Try 'lorlint --help' for more information.

$ lorlint --as-of 2026-02-30 tests/fixtures/letters/firm.txt
? 2
! lorlint: error: invalid date '2026-02-30' for --as-of (expected YYYY-MM-DD)
! Try 'lorlint --help' for more information.

$ lorlint --as-of yesterday tests/fixtures/letters/firm.txt
? 2
! lorlint: error: invalid date 'yesterday' for --as-of (expected YYYY-MM-DD)
! Try 'lorlint --help' for more information.

$ lorlint --min-level loud tests/fixtures/letters/firm.txt
? 2
! lorlint: error: invalid level 'loud' (expected suggestion, warning or error)
! Try 'lorlint --help' for more information.

$ lorlint --fail-under 101 tests/fixtures/letters/firm.txt
? 2
! lorlint: error: invalid score '101' for --fail-under (expected 0 to 100)
! Try 'lorlint --help' for more information.

$ lorlint --profile astronaut tests/fixtures/letters/firm.txt
? 2
! lorlint: error: unknown profile 'astronaut'
! Try 'lorlint --help' for more information.

$ lorlint
? 2
! lorlint: error: no input files (give FILE, DIR or - for standard input)
! Try 'lorlint --help' for more information.

$ lorlint --explain no.SuchRule
? 2
! lorlint: error: unknown rule or word class 'no.SuchRule'
! Try 'lorlint --list-rules' or 'lorlint --list-classes'.

$ lorlint --version
> lorlint 0.1.0

