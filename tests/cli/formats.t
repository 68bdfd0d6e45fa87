# formats.t - the summary and sarif output formats (--format summary|sarif), end to end.
#
# The fixture rules (tests/fixtures/rules/ok, no scoring profile: every score
# is 0) keep these outputs small and stable. The summary is pinned exactly;
# SARIF is pinned exactly where the document is short, and by substrings where
# only one property matters. Exit codes are DESIGN section 5's, whatever the
# format: 1 for a finding at or above --fail-level, 2 when a file could not be
# checked (it is still reported, and the other files too).

# Summary: one row per letter in input order, file errors as ERROR rows, then the totals; no letter text.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format summary tests/fixtures/letters/firm.txt tests/fixtures/letters/bad-utf8.txt tests/fixtures/letters/faint.txt tests/fixtures/letters/missing.txt
? 2
> PATH                                 WORDS  SCORE  VERDICT   FAILED SIGNALS
> tests/fixtures/letters/firm.txt          5      0  weak      comparative_ranking, concrete_informatics_example, observation_context
> tests/fixtures/letters/bad-utf8.txt  ERROR invalid UTF-8 (byte 0xFF at offset 11)
> tests/fixtures/letters/faint.txt        11      0  weak      explicit_endorsement, comparative_ranking, concrete_informatics_example, observation_context, vague_endorsement
> tests/fixtures/letters/missing.txt   ERROR cannot open: No such file or directory
> 2 letters checked: 0 strong, 0 moderate, 2 weak; 2 errors; mean score 0.0
! tests/fixtures/letters/bad-utf8.txt:1:12: error: invalid UTF-8 (byte 0xFF at offset 11)
! tests/fixtures/letters/missing.txt: error: cannot open: No such file or directory

# Summary of a clean letter: exit 0, and the path column is only as wide as the paths.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format summary tests/fixtures/letters/firm.txt
> PATH                             WORDS  SCORE  VERDICT   FAILED SIGNALS
> tests/fixtures/letters/firm.txt      5      0  weak      comparative_ranking, concrete_informatics_example, observation_context
> 1 letter checked: 0 strong, 0 moderate, 1 weak; 0 errors; mean score 0.0

# Summary with --fail-under: the score decides the exit code, not the format.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format summary --fail-under 50 tests/fixtures/letters/firm.txt
? 1
> PATH                             WORDS  SCORE  VERDICT   FAILED SIGNALS
> tests/fixtures/letters/firm.txt      5      0  weak      comparative_ranking, concrete_informatics_example, observation_context
> 1 letter checked: 0 strong, 0 moderate, 1 weak; 0 errors; mean score 0.0

# Summary under --redact is the same table: it never holds letter text.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format summary --redact tests/fixtures/letters/crlf.txt
? 1
> PATH                             WORDS  SCORE  VERDICT   FAILED SIGNALS
> tests/fixtures/letters/crlf.txt      8      0  weak      explicit_endorsement, comparative_ranking, concrete_informatics_example, observation_context, vague_endorsement
> 1 letter checked: 0 strong, 0 moderate, 1 weak; 0 errors; mean score 0.0

# SARIF: the rules first, then one result per finding; columns in code points, plus byte offsets; a zero-length region for a missing recommendation.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format sarif tests/fixtures/letters/faint.txt
? 1
> {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lorlint", "version": "0.1.0", "semanticVersion": "0.1.0", "rules": [
>   {"id":"fx.Endorse","name":"Endorse","shortDescription":{"text":"no explicit recommendation (found …)"},"fullDescription":{"text":"no explicit recommendation (found …)"},"help":{"text":"no explicit recommendation (found …)"},"defaultConfiguration":{"level":"error"},"properties":{"category":"endorsement","tags":["endorsement"],"signal":"explicit_endorsement"}},
>   {"id":"fx.Faint","name":"Faint","shortDescription":{"text":"'…' is faint praise"},"fullDescription":{"text":"'…' is faint praise"},"help":{"text":"'…' is faint praise"},"defaultConfiguration":{"level":"warning"},"properties":{"category":"tone","tags":["tone"],"signal":"vague_endorsement"}}
> ]}}, "columnKind": "unicodeCodePoints", "results": [
>   {"ruleId":"fx.Endorse","ruleIndex":0,"level":"error","message":{"text":"no explicit recommendation (found 0)"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"tests/fixtures/letters/faint.txt","uriBaseId":"%SRCROOT%"},"region":{"startLine":1,"startColumn":1,"endLine":1,"endColumn":1,"byteOffset":0,"byteLength":0}}}]},
>   {"ruleId":"fx.Faint","ruleIndex":1,"level":"warning","message":{"text":"'met expectations' is faint praise"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"tests/fixtures/letters/faint.txt","uriBaseId":"%SRCROOT%"},"region":{"startLine":1,"startColumn":14,"endLine":1,"endColumn":30,"byteOffset":13,"byteLength":16}}}]},
>   {"ruleId":"fx.Faint","ruleIndex":1,"level":"warning","message":{"text":"'no complaints' is faint praise"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"tests/fixtures/letters/faint.txt","uriBaseId":"%SRCROOT%"},"region":{"startLine":2,"startColumn":8,"endLine":2,"endColumn":21,"byteOffset":38,"byteLength":13}}}]}
> ], "invocations": [{"executionSuccessful":true}]}]}

# SARIF with --redact: messages keep their shape, the letter's words are gone (compare with the case above).
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format sarif --redact tests/fixtures/letters/faint.txt
? 1
> {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lorlint", "version": "0.1.0", "semanticVersion": "0.1.0", "rules": [
>   {"id":"fx.Endorse","name":"Endorse","shortDescription":{"text":"no explicit recommendation (found …)"},"fullDescription":{"text":"no explicit recommendation (found …)"},"help":{"text":"no explicit recommendation (found …)"},"defaultConfiguration":{"level":"error"},"properties":{"category":"endorsement","tags":["endorsement"],"signal":"explicit_endorsement"}},
>   {"id":"fx.Faint","name":"Faint","shortDescription":{"text":"'…' is faint praise"},"fullDescription":{"text":"'…' is faint praise"},"help":{"text":"'…' is faint praise"},"defaultConfiguration":{"level":"warning"},"properties":{"category":"tone","tags":["tone"],"signal":"vague_endorsement"}}
> ]}}, "columnKind": "unicodeCodePoints", "results": [
>   {"ruleId":"fx.Endorse","ruleIndex":0,"level":"error","message":{"text":"no explicit recommendation (found 0)"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"tests/fixtures/letters/faint.txt","uriBaseId":"%SRCROOT%"},"region":{"startLine":1,"startColumn":1,"endLine":1,"endColumn":1,"byteOffset":0,"byteLength":0}}}]},
>   {"ruleId":"fx.Faint","ruleIndex":1,"level":"warning","message":{"text":"'[redacted]' is faint praise"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"tests/fixtures/letters/faint.txt","uriBaseId":"%SRCROOT%"},"region":{"startLine":1,"startColumn":14,"endLine":1,"endColumn":30,"byteOffset":13,"byteLength":16}}}]},
>   {"ruleId":"fx.Faint","ruleIndex":1,"level":"warning","message":{"text":"'[redacted]' is faint praise"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"tests/fixtures/letters/faint.txt","uriBaseId":"%SRCROOT%"},"region":{"startLine":2,"startColumn":8,"endLine":2,"endColumn":21,"byteOffset":38,"byteLength":13}}}]}
> ], "invocations": [{"executionSuccessful":true}]}]}

# SARIF of a clean letter: an empty results array, a successful run, exit 0.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format sarif tests/fixtures/letters/firm.txt
> {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lorlint", "version": "0.1.0", "semanticVersion": "0.1.0", "rules": [
>   {"id":"fx.Endorse","name":"Endorse","shortDescription":{"text":"no explicit recommendation (found …)"},"fullDescription":{"text":"no explicit recommendation (found …)"},"help":{"text":"no explicit recommendation (found …)"},"defaultConfiguration":{"level":"error"},"properties":{"category":"endorsement","tags":["endorsement"],"signal":"explicit_endorsement"}},
>   {"id":"fx.Faint","name":"Faint","shortDescription":{"text":"'…' is faint praise"},"fullDescription":{"text":"'…' is faint praise"},"help":{"text":"'…' is faint praise"},"defaultConfiguration":{"level":"warning"},"properties":{"category":"tone","tags":["tone"],"signal":"vague_endorsement"}}
> ]}}, "columnKind": "unicodeCodePoints", "results": [], "invocations": [{"executionSuccessful":true}]}]}

# SARIF with files that cannot be checked: error notifications with their positions; the run is not successful; exit 2.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format sarif tests/fixtures/letters/bad-utf8.txt tests/fixtures/letters/missing.txt
? 2
> {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lorlint", "version": "0.1.0", "semanticVersion": "0.1.0", "rules": [
>   {"id":"fx.Endorse","name":"Endorse","shortDescription":{"text":"no explicit recommendation (found …)"},"fullDescription":{"text":"no explicit recommendation (found …)"},"help":{"text":"no explicit recommendation (found …)"},"defaultConfiguration":{"level":"error"},"properties":{"category":"endorsement","tags":["endorsement"],"signal":"explicit_endorsement"}},
>   {"id":"fx.Faint","name":"Faint","shortDescription":{"text":"'…' is faint praise"},"fullDescription":{"text":"'…' is faint praise"},"help":{"text":"'…' is faint praise"},"defaultConfiguration":{"level":"warning"},"properties":{"category":"tone","tags":["tone"],"signal":"vague_endorsement"}}
> ]}}, "columnKind": "unicodeCodePoints", "results": [], "invocations": [{"executionSuccessful":false,"toolExecutionNotifications":[{"level":"error","message":{"text":"invalid UTF-8 (byte 0xFF at offset 11)"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"tests/fixtures/letters/bad-utf8.txt","uriBaseId":"%SRCROOT%"},"region":{"startLine":1,"startColumn":12}}}]},{"level":"error","message":{"text":"cannot open: No such file or directory"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"tests/fixtures/letters/missing.txt","uriBaseId":"%SRCROOT%"}}}]}]}]}]}
! tests/fixtures/letters/bad-utf8.txt:1:12: error: invalid UTF-8 (byte 0xFF at offset 11)
! tests/fixtures/letters/missing.txt: error: cannot open: No such file or directory

# SARIF from standard input, findings at or above error only: the artifact is "stdin".
$ printf 'We had no complaints.\n' | lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format sarif --min-level error -
? 1
> {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lorlint", "version": "0.1.0", "semanticVersion": "0.1.0", "rules": [
>   {"id":"fx.Endorse","name":"Endorse","shortDescription":{"text":"no explicit recommendation (found …)"},"fullDescription":{"text":"no explicit recommendation (found …)"},"help":{"text":"no explicit recommendation (found …)"},"defaultConfiguration":{"level":"error"},"properties":{"category":"endorsement","tags":["endorsement"],"signal":"explicit_endorsement"}},
>   {"id":"fx.Faint","name":"Faint","shortDescription":{"text":"'…' is faint praise"},"fullDescription":{"text":"'…' is faint praise"},"help":{"text":"'…' is faint praise"},"defaultConfiguration":{"level":"warning"},"properties":{"category":"tone","tags":["tone"],"signal":"vague_endorsement"}}
> ]}}, "columnKind": "unicodeCodePoints", "results": [
>   {"ruleId":"fx.Endorse","ruleIndex":0,"level":"error","message":{"text":"no explicit recommendation (found 0)"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"stdin"},"region":{"startLine":1,"startColumn":1,"endLine":1,"endColumn":1,"byteOffset":0,"byteLength":0}}}]}
> ], "invocations": [{"executionSuccessful":true}]}]}

# SARIF of an absolute path under the working directory: the URI is relative, as GitHub code scanning needs.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format sarif "$PWD/tests/fixtures/letters/faint.txt"
? 1
>? "artifactLocation":{"uri":"tests/fixtures/letters/faint.txt","uriBaseId":"%SRCROOT%"},"region":{"startLine":2,"startColumn":8,"endLine":2,"endColumn":21,"byteOffset":38,"byteLength":13}
>? "executionSuccessful":true

# SARIF of a path outside the working directory keeps it absolute, as a file URI; a space is percent-encoded. (DIR: a fresh temporary directory.)
$ d=$(mktemp -d /tmp/lorlint-formats.XXXXXX) && cp tests/fixtures/letters/faint.txt "$d/a letter.txt" && lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format sarif "$d/a letter.txt" >"$d/out"; rc=$?; sed "s|$d|DIR|g" "$d/out"; rm -rf "$d"; exit $rc
? 1
>? "artifactLocation":{"uri":"file://DIR/a%20letter.txt"}
>? "ruleId":"fx.Faint","ruleIndex":1,"level":"warning","message":{"text":"'no complaints' is faint praise"}

# SARIF written with -o: the document goes to the file (atomically), nothing to stdout.
$ d=$(mktemp -d /tmp/lorlint-formats.XXXXXX) && lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format sarif -o "$d/report.sarif" tests/fixtures/letters/faint.txt; rc=$?; grep -c '"executionSuccessful":true' "$d/report.sarif"; rm -rf "$d"; exit $rc
? 1
> 1


# --redact leaves no letter text in any format, errors included: a marker word planted in every
# letter of the corpus (copies in a temporary folder) in the salutation, before each pronoun, in a
# Portuguese paragraph (the language rule quotes it) and in a closing the rules quote, and in
# letters that fail (invalid UTF-8, binary), is in no output with --redact. Without it, the JSON
# excerpts and the HTML letters show it, so the marker is where a leak would be.
$ d=$(mktemp -d) && for f in corpus/*/*.txt corpus/*/*.md; do b=$(echo "$f" | tr / _); { echo "Dear Qzvmarker committee,"; echo; sed 's/\b\(I\|she\|he\|they\|Dr\.\)\b/Qzvmarker \1/g' "$f"; echo; echo "A Qzvmarker é uma médica excelente e trabalhou conosco durante três anos no hospital universitário, onde Qzvmarker liderou a equipe."; echo; echo "Qzvmarker strongly recommends Qzvmarker. Qzvmarker is hard-working. No complaints about Qzvmarker."; } > "$d/$b"; done; printf 'Qzvmarker \377 wrote this\n' > $d/bad.txt; printf 'Qzvmarker\000binary' > $d/bin.txt; for fmt in text json sarif html summary; do lorlint --redact --format $fmt --as-of 2026-11-27 $d > $d.out 2>&1; echo "$fmt --redact: $(grep -c Qzvmarker $d.out) lines with the marker"; done; for fmt in json html; do lorlint --format $fmt --as-of 2026-11-27 $d 2>&1 | grep -q Qzvmarker && echo "$fmt without --redact: the marker is there"; done; rm -rf $d $d.out
> text --redact: 0 lines with the marker
> json --redact: 0 lines with the marker
> sarif --redact: 0 lines with the marker
> html --redact: 0 lines with the marker
> summary --redact: 0 lines with the marker
> json without --redact: the marker is there
> html without --redact: the marker is there
