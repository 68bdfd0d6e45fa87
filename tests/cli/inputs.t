# Bad input among good files: a one-line error naming the file, the others still checked, exit 2.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --format json --as-of 2026-11-27 tests/fixtures/letters/firm.txt tests/fixtures/letters/bad-utf8.txt tests/fixtures/letters/faint.txt
? 2
> {"tool": {"name":"lorlint","version":"0.1.0"}, "as_of": "2026-11-27", "profile": "residency", "files": [
>   {"path":"tests/fixtures/letters/firm.txt","words":5,"letter_date":null,"judged":true,"score":0,"verdict":"weak","signals":{"explicit_endorsement":true,"comparative_ranking":false,"concrete_informatics_example":false,"observation_context":false,"vague_endorsement":false,"generic_praise_only":false,"stale_date":false,"non_english":false,"visa_mention":false,"short_letter":false},"categories":{"endorsement":{"score":0,"max":0},"comparison":{"score":0,"max":0},"evidence":{"score":0,"max":0},"observation":{"score":0,"max":0},"tone":{"score":0,"max":0},"freshness":{"score":0,"max":0},"language":{"score":0,"max":0}},"languages":[],"findings":[],"points":[]},
>   {"path":"tests/fixtures/letters/faint.txt","words":11,"letter_date":null,"judged":true,"score":0,"verdict":"weak","signals":{"explicit_endorsement":false,"comparative_ranking":false,"concrete_informatics_example":false,"observation_context":false,"vague_endorsement":true,"generic_praise_only":false,"stale_date":false,"non_english":false,"visa_mention":false,"short_letter":false},"categories":{"endorsement":{"score":0,"max":0},"comparison":{"score":0,"max":0},"evidence":{"score":0,"max":0},"observation":{"score":0,"max":0},"tone":{"score":0,"max":0},"freshness":{"score":0,"max":0},"language":{"score":0,"max":0}},"languages":[],"findings":[{"rule":"fx.Endorse","category":"endorsement","level":"error","line":1,"column":1,"end_line":1,"end_column":1,"offset":0,"length":0,"excerpt":"","message":"no explicit recommendation (found 0)","fix":null},{"rule":"fx.Faint","category":"tone","level":"warning","line":1,"column":14,"end_line":1,"end_column":30,"offset":13,"length":16,"excerpt":"met expectations","message":"'met expectations' is faint praise","fix":null},{"rule":"fx.Faint","category":"tone","level":"warning","line":2,"column":8,"end_line":2,"end_column":21,"offset":38,"length":13,"excerpt":"no complaints","message":"'no complaints' is faint praise","fix":null}],"points":[]}
> ], "errors": [{"path":"tests/fixtures/letters/bad-utf8.txt","message":"invalid UTF-8 (byte 0xFF at offset 11)","line":1,"column":12}], "summary": {"files":2,"strong":0,"moderate":0,"weak":2,"errors":1}}
! tests/fixtures/letters/bad-utf8.txt:1:12: error: invalid UTF-8 (byte 0xFF at offset 11)

# Binary, empty, missing and directory inputs:
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --min-level error tests/fixtures/letters/binary.txt tests/fixtures/letters/empty.txt tests/fixtures/letters/missing.txt tests/fixtures/rules
? 2
> 0 files checked: 0 strong, 0 moderate, 0 weak; 3 errors
! tests/fixtures/letters/binary.txt: error: binary file, not text
! tests/fixtures/letters/empty.txt: error: empty file, no text to check
! tests/fixtures/letters/missing.txt: error: cannot open: No such file or directory

# CRLF and curly quotes: positions come from the original bytes, matching from the normalized view:
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --format json --as-of 2026-11-27 tests/fixtures/letters/crlf.txt
? 1
> {"tool": {"name":"lorlint","version":"0.1.0"}, "as_of": "2026-11-27", "profile": "residency", "files": [
>   {"path":"tests/fixtures/letters/crlf.txt","words":8,"letter_date":null,"judged":true,"score":0,"verdict":"weak","signals":{"explicit_endorsement":false,"comparative_ranking":false,"concrete_informatics_example":false,"observation_context":false,"vague_endorsement":true,"generic_praise_only":false,"stale_date":false,"non_english":false,"visa_mention":false,"short_letter":false},"categories":{"endorsement":{"score":0,"max":0},"comparison":{"score":0,"max":0},"evidence":{"score":0,"max":0},"observation":{"score":0,"max":0},"tone":{"score":0,"max":0},"freshness":{"score":0,"max":0},"language":{"score":0,"max":0}},"languages":[],"findings":[{"rule":"fx.Endorse","category":"endorsement","level":"error","line":1,"column":1,"end_line":1,"end_column":1,"offset":0,"length":0,"excerpt":"","message":"no explicit recommendation (found 0)","fix":null},{"rule":"fx.Faint","category":"tone","level":"warning","line":2,"column":14,"end_line":2,"end_column":27,"offset":31,"length":13,"excerpt":"no complaints","message":"'no complaints' is faint praise","fix":null}],"points":[]}
> ], "errors": [], "summary": {"files":1,"strong":0,"moderate":0,"weak":1,"errors":0}}

# Standard input:
$ printf 'We had no complaints.\n' | lorlint --no-default-rules --rules tests/fixtures/rules/ok --min-level warning -
? 1
>? -:1:1: error: no explicit recommendation (found 0) [fx.Endorse]
>? -:1:8: warning: 'no complaints' is faint praise [fx.Faint]
>? (profile residency, 4 words, 2 findings shown)
>? 1 file checked: 0 strong, 0 moderate, 1 weak; 0 errors


# A letter over the byte limit (2 MiB, applied to each letter) is refused at once with a clear error:
$ awk 'BEGIN{while(i++<300000)printf "Good work. "; print ""}' | lorlint -
? 2
> 0 files checked: 0 strong, 0 moderate, 0 weak; 1 error
! -: error: file too large (over 2097152 bytes)
