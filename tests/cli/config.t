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


# A hostile .lorlint.yml, 100,000 nested '[' (200 KB): refused at the 64th level, exit 2, within
# 1 s of CPU (ulimit -t) and 50 MB (GNU time's peak resident size). It took 23 s before.
$ d=$(mktemp -d) && awk 'BEGIN { printf "rules: "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' > $d/.lorlint.yml && cd $d && /usr/bin/time -f %M -o $d/kb sh -c 'ulimit -t 1 && exec lorlint x.txt'; echo "exit $?"; awk '$1 < 51200 { print "under 50 MB" }' $d/kb; rm -rf $d
> exit 2
> under 50 MB
! .lorlint.yml:1:71: error: YAML nested deeper than 64 levels (a limit for rule and config files)

# The bound is exact: 64 levels (the mapping and 63 lists) are read and judged as usual, 65 are not.
$ d=$(mktemp -d) && cd $d && for n in 63 64; do awk -v n=$n 'BEGIN { printf "rules: "; for (i = 0; i < n; i++) printf "["; for (i = 0; i < n; i++) printf "]"; print "" }' > .lorlint.yml; lorlint x.txt; echo "exit $?"; done; rm -rf $d
> exit 2
> exit 2
! .lorlint.yml:1:9: error: 'rules' items must be strings, not a list
! .lorlint.yml:1:71: error: YAML nested deeper than 64 levels (a limit for rule and config files)

# An alias bomb ("billion laughs"): refused at the 101st alias, before anything is expanded.
$ d=$(mktemp -d) && awk 'BEGIN { print "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"; p = "a"; for (c = 1; c <= 20; c++) { n = "x" c; printf "%s: &%s [", n, n; for (i = 0; i < 9; i++) printf "%s*%s", (i ? ", " : ""), p; print "]"; p = n } }' > $d/.lorlint.yml && cd $d && /usr/bin/time -f %M -o $d/kb sh -c 'ulimit -t 1 && exec lorlint x.txt'; echo "exit $?"; awk '$1 < 51200 { print "under 50 MB" }' $d/kb; rm -rf $d
> exit 2
> under 50 MB
! .lorlint.yml:13:18: error: YAML with more than 100 aliases (a limit for rule and config files)

# rules: in a configuration may not reach outside the repository (the folder holding .git, else
# the configuration's own), whether by '..', an absolute path or a symbolic link: a pull request
# could otherwise load any folder of the CI machine. --rules on the command line may.
$ d=$(mktemp -d) && mkdir -p $d/repo/.git $d/repo/house/s $d/elsewhere/s && cp tests/fixtures/rules/ok/*/*.yml $d/elsewhere/s/ && cp tests/fixtures/letters/firm.txt $d/repo/ && ln -s $d/elsewhere $d/repo/house/link && cd $d/repo && for r in ../elsewhere $d/elsewhere house/link; do printf 'rules: [house, %s]\n' "$r" > .lorlint.yml; { lorlint --no-default-rules firm.txt 2>&1; echo "exit $?"; } | sed "s|$d|D|g"; done; rm .lorlint.yml; lorlint --no-default-rules --rules ../elsewhere --format summary firm.txt > /dev/null; echo "--rules: exit $?"; rm -rf $d
> .lorlint.yml:1:16: error: rules folder '../elsewhere' is outside the repository 'D/repo'; a configuration may not load rules from elsewhere (give it with --rules)
> exit 2
> .lorlint.yml:1:16: error: rules folder 'D/elsewhere' is outside the repository 'D/repo'; a configuration may not load rules from elsewhere (give it with --rules)
> exit 2
> .lorlint.yml:1:16: error: rules folder 'house/link' is outside the repository 'D/repo'; a configuration may not load rules from elsewhere (give it with --rules)
> exit 2
> --rules: exit 0
