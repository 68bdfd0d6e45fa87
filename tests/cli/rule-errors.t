# Malformed rule files: each gives its own positioned one-line error and exit 2.
# A misspelt key:
$ lorlint --no-default-rules --rules tests/fixtures/rules/bad-key tests/fixtures/letters/faint.txt
? 2
! tests/fixtures/rules/bad-key/fx/Typo.yml:3:1: error: unknown key 'tokns' (did you mean 'tokens'?)

# An invalid regex: PCRE2's own message, the column inside the YAML file:
$ lorlint --no-default-rules --rules tests/fixtures/rules/bad-regex tests/fixtures/letters/faint.txt
? 2
! tests/fixtures/rules/bad-regex/fx/BadRegex.yml:5:38: error: invalid regex '(?:s?he|they) (will|would do well': missing closing parenthesis at offset 33

# A token that ends with a space can never match before a word (whole-word matching), so it is an error, not a silent miss:
$ lorlint --no-default-rules --rules tests/fixtures/rules/edge-space tests/fixtures/letters/faint.txt
? 2
! tests/fixtures/rules/edge-space/fx/EdgeSpace.yml:5:5: error: 'tokens' item 'the only one (?:to|who) ' ends with a space: items match whole words, so it can never match next to a word (use \b or a lookahead instead)

# No message:
$ lorlint --no-default-rules --rules tests/fixtures/rules/no-message tests/fixtures/letters/faint.txt
? 2
! tests/fixtures/rules/no-message/fx/NoMessage.yml:1:1: error: missing 'message' (what a finding says)

# A value of the wrong type:
$ lorlint --no-default-rules --rules tests/fixtures/rules/wrong-type tests/fixtures/letters/faint.txt
? 2
! tests/fixtures/rules/wrong-type/fx/WrongType.yml:3:6: error: 'min' must be a number, not 'one'

# The same rule name twice in one directory:
$ lorlint --no-default-rules --rules tests/fixtures/rules/dup tests/fixtures/letters/faint.txt
? 2
! tests/fixtures/rules/dup/fx/Dup.yml:1:1: error: duplicate rule name 'fx.Dup' (also defined in tests/fixtures/rules/dup/fx/Dup.yaml)

# Broken YAML:
$ lorlint --no-default-rules --rules tests/fixtures/rules/bad-yaml tests/fixtures/letters/faint.txt
? 2
! tests/fixtures/rules/bad-yaml/fx/Broken.yml:4:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar (started at 2:10)

# A rules directory that does not exist:
$ lorlint --rules tests/fixtures/rules/nope tests/fixtures/letters/faint.txt
? 2
! tests/fixtures/rules/nope: error: not a rules directory

# A catastrophic regex on a 100 KB line ends within a second with a positioned error naming the rule:
$ awk 'BEGIN{while(i++<100000)printf "a"; print "!"}' | timeout 1 lorlint --no-default-rules --rules tests/fixtures/rules/catastrophic -
? 2
> 0 files checked: 0 strong, 0 moderate, 0 weak; 1 error
! -:1:1: error: rule 'fx.Backtrack' (tests/fixtures/rules/catastrophic/fx/Backtrack.yml) stopped: regex match limit exceeded; the pattern backtracks catastrophically

# A token list too large for one PCRE2 regex is compiled in parts and matched as one.
$ printf 'We saw term0000 and Term2999ing and term1500ed but not term3000.\n' | lorlint --no-default-rules --rules tests/fixtures/rules/huge --min-level suggestion -
> -:1:8: suggestion: 'term0000' is a listed term [h.Huge]
> -:1:21: suggestion: 'Term2999ing' is a listed term [h.Huge]
> -:1:37: suggestion: 'term1500ed' is a listed term [h.Huge]
>
> -  score 0/100  weak  (profile residency, 10 words, 3 findings shown)
>   ✗ explicit_endorsement           (no rule checks this)
>   ✗ comparative_ranking            (no rule checks this)
>   ✗ concrete_informatics_example   (no rule checks this)
>   ✗ observation_context            (no rule checks this)
>   ✓ vague_endorsement              (no rule checks this)
>   ✓ generic_praise_only            (no rule checks this)
>   ✓ stale_date                     (no rule checks this)
>   ✓ non_english                    (no rule checks this)
>   ✓ visa_mention                   (no rule checks this)
>   ✓ short_letter                   (no rule checks this)
>
> 1 file checked: 0 strong, 0 moderate, 1 weak; 0 errors

# A language rule with no language model loaded is an error, not a rule that silently finds nothing.
$ lorlint --no-default-rules --rules tests/fixtures/rules/nolang tests/fixtures/letters/firm.txt
? 2
! tests/fixtures/rules/nolang/fx/NonEnglish.yml:1:1: error: rule 'fx.NonEnglish' needs a language model (a lang/ folder beside the styles) and none is loaded


# Word classes: a rule names a class from the source's classes/ folder as {NAME};
# classes may use classes. A misspelt class is positioned at its reference:
$ lorlint --no-default-rules --rules tests/fixtures/rules/classes-ok tests/fixtures/letters/span.txt --format summary --as-of 2026-11-27
? 0
> PATH                             WORDS  SCORE  VERDICT   FAILED SIGNALS
> tests/fixtures/letters/span.txt     15      0  weak      explicit_endorsement, comparative_ranking, concrete_informatics_example, observation_context
> 1 letter checked: 0 strong, 0 moderate, 1 weak; 0 errors; mean score 0.0

$ lorlint --no-default-rules --rules tests/fixtures/rules/classes-unknown tests/fixtures/letters/span.txt
? 2
! tests/fixtures/rules/classes-unknown/fx/Unknown.yml:4:10: error: unknown word class '{DURATOIN}' (classes are files in a classes/ folder; see lorlint --list-classes)

# Classes that refer to each other in a circle:
$ lorlint --no-default-rules --rules tests/fixtures/rules/classes-cycle tests/fixtures/letters/span.txt
? 2
! tests/fixtures/rules/classes-cycle/classes/PING.yml:1:11: error: word class 'PING' refers to itself through its members

# A class file is named as it is used, in upper case:
$ lorlint --no-default-rules --rules tests/fixtures/rules/classes-badname tests/fixtures/letters/span.txt
? 2
! tests/fixtures/rules/classes-badname/classes/duration.yml:1:1: error: a word class file is named in upper case, as it is used: 'duration' is not (expected e.g. DURATION.yml)

# A member that is not a regex, at its line and column:
$ lorlint --no-default-rules --rules tests/fixtures/rules/classes-badregex tests/fixtures/letters/span.txt
? 2
! tests/fixtures/rules/classes-badregex/classes/BROKEN.yml:4:5: error: invalid regex '(?:unclosed' in word class 'BROKEN': missing closing parenthesis

# --explain shows a class's members and examples:
$ lorlint --no-default-rules --rules tests/fixtures/rules/classes-ok --explain {UNIT_COUNT}
? 0
> {UNIT_COUNT} (word class, 4 members)
> file: tests/fixtures/rules/classes-ok/classes/UNIT_COUNT.yml
>
> A small number.
>
> members:
>   - \d+
>   - one
>   - two
>   - three
>
> matches:
>   - 3
>   - two
>
> does not match:
>   - many

# A malformed language profile under --rules DIR/lang: the file and its line, as every rule error.
$ lorlint --rules tests/fixtures/rules/badlang tests/fixtures/letters/firm.txt
? 2
! tests/fixtures/rules/badlang/lang/xx:2:1: error: count 'abc' is not a positive integer

# Hostile rule files (a rule folder anyone may propose): 100,000 nested levels, an alias bomb, and
# a regex that nests 5,000 deep or expands past 256 KB: each refused at its file and line, exit 2,
# within 1 s of CPU and 50 MB (also in the ASan build: no built-in rules are loaded here).
$ d=$(mktemp -d) && mkdir -p $d/deep/x $d/bomb/x $d/nest/x $d/huge/x && awk 'BEGIN { printf "extends: existence\nmessage: x\ntokens: "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' > $d/deep/x/Deep.yml && awk 'BEGIN { print "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"; p = "a"; for (c = 1; c <= 20; c++) { n = "x" c; printf "%s: &%s [", n, n; for (i = 0; i < 9; i++) printf "%s*%s", (i ? ", " : ""), p; print "]"; p = n } }' > $d/bomb/x/Bomb.yml && awk 'BEGIN { printf "extends: existence\nmessage: x\ntokens:\n  - \""; for (i = 0; i < 5000; i++) printf "("; printf "a"; for (i = 0; i < 5000; i++) printf ")"; print "\"" }' > $d/nest/x/Nest.yml && mkdir $d/huge/classes && awk 'BEGIN { print "members:"; for (i = 0; i < 300; i++) print "  - member" i }' > $d/huge/classes/BIG.yml && awk 'BEGIN { printf "extends: existence\nmessage: x\ntokens:\n  - \""; for (i = 0; i < 6000; i++) printf "{BIG}"; print "\"" }' > $d/huge/x/Huge.yml && for r in deep bomb nest huge; do { /usr/bin/time -f %M -o $d/kb sh -c "ulimit -t 1 && exec lorlint --no-default-rules --rules $d/$r tests/fixtures/letters/firm.txt" 2>&1; echo "exit $?"; } | sed "s|$d|D|"; awk '$1 < 51200 { print "under 50 MB" }' $d/kb; done; rm -rf $d
> D/deep/x/Deep.yml:3:72: error: YAML nested deeper than 64 levels (a limit for rule and config files)
> exit 2
> under 50 MB
> D/bomb/x/Bomb.yml:13:18: error: YAML with more than 100 aliases (a limit for rule and config files)
> exit 2
> under 50 MB
> D/nest/x/Nest.yml:4:107: error: invalid regex '((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((...': parentheses are too deeply nested at offset 101
> exit 2
> under 50 MB
> D/huge/x/Huge.yml:4:5: error: regex longer than 262144 bytes once its word classes are expanded
> exit 2
> under 50 MB

# A style folder of thousands of files is refused before any is read (1,000 load in 0.2 s).
$ d=$(mktemp -d) && mkdir -p $d/r/big && awk -v d=$d/r/big 'BEGIN { for (i = 1; i <= 1001; i++) { f = d "/R" i ".yml"; printf "extends: existence\nmessage: x\ntokens: [w%d]\n", i > f; close(f) } }' && { lorlint --no-default-rules --rules $d/r tests/fixtures/letters/firm.txt 2>&1; echo "exit $?"; } | sed "s|$d|D|"; rm $d/r/big/R1001.yml; lorlint --no-default-rules --rules $d/r --format summary tests/fixtures/letters/firm.txt | tail -n 1; rm -rf $d
> D/r/big: error: rules folder holds 1001 files, more than the limit of 1000
> exit 2
> 1 letter checked: 0 strong, 0 moderate, 1 weak; 0 errors; mean score 0.0

# A second 'good:' (or 'bad:') list in examples is an error at its key; it used to replace the
# first and leak it (found by fuzz_rule; tests/fuzz/corpus/fuzz_rule/leak-duplicate-examples-key).
$ d=$(mktemp -d) && mkdir -p $d/x && printf 'extends: existence\nmessage: x\ntokens: [w]\nexamples:\n  good: [a]\n  bad: [w]\n  good: [b]\n' > $d/x/Dup.yml && { lorlint --no-default-rules --rules $d tests/fixtures/letters/firm.txt 2>&1; echo "exit $?"; } | sed "s|$d|D|"; rm -rf $d
> D/x/Dup.yml:7:3: error: duplicate key 'good' in 'examples'
> exit 2
