# html.t - the HTML report (--format html), end to end: exit codes, -o, escaping, nesting, redaction.
#
# The page itself is checked in a real browser by tests/browser/run.sh; these
# cases pin what a shell can see. The fixture rules (tests/fixtures/rules/ok
# and .../kinds, no built-in rules) keep the output stable. Exit codes are
# DESIGN section 5's whatever the format; a case that needs lorlint's own exit
# code and then inspects the file echoes it first.

# -o writes the page atomically and nothing to stdout; a finding at error level fails the run (exit 1).
# Each finding with a length is one mark (first part id f1-K); the absence (fx.Endorse) is listed instead.
$ t=${TMPDIR:-/tmp}/lorlint-html-$$.html; lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format html -o $t tests/fixtures/letters/faint.txt; echo "exit $?"; grep -o '<mark id="f1-[0-9]*"' $t; grep -o '>[^<>]*</mark>' $t | grep -v -e '>error<' -e '>warning<' -e '>suggestion<'; grep -o '<li id="f1-d[0-9]*" data-finding="[0-9]*" data-rule="[^"]*"' $t; rm -f $t
> exit 1
> <mark id="f1-2"
> <mark id="f1-3"
> >met expectations</mark>
> >no complaints</mark>
> <li id="f1-d1" data-finding="1" data-rule="fx.Endorse"
> <li id="f1-d2" data-finding="2" data-rule="fx.Faint"
> <li id="f1-d3" data-finding="3" data-rule="fx.Faint"

# A clean letter: exit 0, one complete page on stdout, no highlights.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format html tests/fixtures/letters/firm.txt
>? <!DOCTYPE html>
>? <div class="text" id="f1-t" data-letter="1" lang="en">I recommend her without reservation.
>? <p class="meta summary">1 file checked: 0 strong, 0 moderate, 1 weak; 0 errors.</p>
>? </html>

# A file that cannot be checked: exit 2, the error on stderr and in the index, the other letter still shown.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format html tests/fixtures/letters/firm.txt tests/fixtures/letters/bad-utf8.txt
? 2
>? <tr><td><a href="#f1">tests/fixtures/letters/firm.txt</a></td>
>? <tr class="error"><td>tests/fixtures/letters/bad-utf8.txt</td><td colspan="3"><span aria-hidden="true">✖</span> error at line 1, column 12: invalid UTF-8 (byte 0xFF at offset 11)</td></tr>
! tests/fixtures/letters/bad-utf8.txt:1:12: error: invalid UTF-8 (byte 0xFF at offset 11)

# Letter text is escaped (& < > " '), in messages and attributes too.
$ printf 'a <b> & "c" it'"'"'s: no complaints\n' | lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format html - | grep -o '<div class="text".*</mark>'
> <div class="text" id="f1-t" data-letter="1" lang="en">a &lt;b&gt; &amp; &quot;c&quot; it&#39;s: <mark id="f1-2" tabindex="0" class="lv-warning" data-finding="2" data-part="1" data-rule="fx.Faint" data-level="warning" data-offset="18" data-length="13" data-message="&#39;no complaints&#39; is faint praise" aria-describedby="f1-d2">no complaints</mark>

# Overlapping findings nest, latest end outermost; a finding that crosses another is split into parts
# (finding 11's second part has no id). CRLF becomes LF. Attributes other than id and data-finding are cut here.
$ lorlint --no-default-rules --rules tests/fixtures/rules/kinds --as-of 2026-11-27 --format html tests/fixtures/letters/overlap-crlf.txt | sed -n '/<div class="text"/,/<\/div>/p' | sed -E 's/ (data-(rule|level|offset|length|message|part|letter)|aria-describedby|tabindex|class|lang)="[^"]*"//g'
> <div id="f1-t">Re: Dr. Ana &lt;Lima&gt; &amp; &quot;Bo&quot; O&#39;Neil, 3 &lt; 4 &gt; 2.
>
> <mark id="f1-2" data-finding="2">She is <mark id="f1-3" data-finding="3">hard-working</mark> and a <mark id="f1-4" data-finding="4">team player</mark>; she built the sepsis dashboard and led the order set review, which seems to have helped maybe.
> I think she will do well in your program.</mark> <mark id="f1-6" data-finding="6"><mark id="f1-5" data-finding="5">I recommend her</mark>. <mark id="f1-7" data-finding="7">Perhaps she is a <mark id="f1-8" data-finding="8">hard working</mark> <mark id="f1-9" data-finding="9">team player</mark> who built a registry.</mark></mark>
>
> <mark id="f1-10" data-finding="10">We reviewed the new dashboard.
> <mark id="f1-11" data-finding="11">She designed it alone.</mark></mark><mark data-finding="11"> The order set was hers too.</mark>
> </div>

# --min-level drops findings below it: no highlights left, the absence at error level stays.
$ lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format html --min-level error tests/fixtures/letters/faint.txt | grep -o -e 'data-part=' -e '<li id="f1-d1" data-finding="1" data-rule="fx.Endorse"'
> <li id="f1-d1" data-finding="1" data-rule="fx.Endorse"

# --redact: no letter text at all (no text block, no marks, redacted messages), findings by position.
$ t=${TMPDIR:-/tmp}/lorlint-html-$$.html; lorlint --no-default-rules --rules tests/fixtures/rules/ok --as-of 2026-11-27 --format html --redact -o $t tests/fixtures/letters/crlf.txt; echo "exit $?"; echo "letter text: $(grep -c -e 'line one' -e 'second line' -e 'complaints here' -e 'class="text"' -e '<mark id=' $t)"; grep -o '<li id="f1-d2".*</li>' $t; rm -f $t
> exit 1
> letter text: 0
> <li id="f1-d2" data-finding="2" data-rule="fx.Faint" data-level="warning" data-offset="31" data-length="13"><span class="icon i-warning" aria-hidden="true">▲</span><strong class="i-warning">warning</strong> <span class="pos">line 2, columns 14&ndash;27</span>: &#39;[redacted]&#39; is faint praise <span class="rule">[fx.Faint]</span></li>
