# .lorlint.yml: found from the working directory upward; unknown keys and wrong types are positioned errors (exit 2).
$ cd tests/fixtures/config/typo && lorlint x.txt
? 2
! .lorlint.yml:2:1: error: unknown key 'fial_under'

$ cd tests/fixtures/config/badtype && lorlint x.txt
? 2
! .lorlint.yml:1:13: error: 'fail_under' must be a number, not 'sixty'

$ cd tests/fixtures/config/badrule && lorlint x.txt
? 2
! .lorlint.yml: error: unknown rule 'lorlint.NoSuchRule' in disabled rules

# A good configuration: house rules, a disabled rule, a level override, ignored paths, min_level.
$ cd tests/fixtures/config/good/sub && lorlint --no-default-rules --as-of 2026-11-27 ..
? 1
>? ../sub/letter.txt:1:8: error: 'no complaints' is faint praise [fx.Faint]
>? (profile residency, 4 words, 1 finding shown)
>?   ✗ explicit_endorsement           (no rule checks this)
>? 1 file checked: 0 strong, 0 moderate, 1 weak; 0 errors

# The command line wins over the file; --no-config ignores it.
$ cd tests/fixtures/config/good && lorlint --no-default-rules --min-level error --fail-level warning --as-of 2026-11-27 sub/letter.txt
? 1
>? sub/letter.txt:1:8: error: 'no complaints' is faint praise [fx.Faint]
>? (profile residency, 4 words, 1 finding shown)
>? 1 file checked: 0 strong, 0 moderate, 1 weak; 0 errors

$ cd tests/fixtures/config/typo && lorlint --no-config --no-default-rules --rules ../../rules/ok ../../letters/firm.txt
>
> ../../letters/firm.txt  score 0/100  weak  (profile residency, 5 words, 0 findings shown)
>   ✓ explicit_endorsement           fx.Endorse
>   ✗ comparative_ranking            (no rule checks this)
>   ✗ concrete_informatics_example   (no rule checks this)
>   ✗ observation_context            (no rule checks this)
>   ✓ vague_endorsement              fx.Faint
>   ✓ generic_praise_only            (no rule checks this)
>   ✓ stale_date                     (no rule checks this)
>   ✓ non_english                    (no rule checks this)
>   ✓ visa_mention                   (no rule checks this)
>   ✓ short_letter                   (no rule checks this)
>
> 1 file checked: 0 strong, 0 moderate, 1 weak; 0 errors

$ lorlint --config tests/fixtures/config/nope.yml tests/fixtures/letters/firm.txt
? 2
! tests/fixtures/config/nope.yml: error: cannot open: No such file or directory

