#!/bin/sh
# run.sh - letters where they live: documents made by real word processors, hostile files, reviewed copies.
#
# Usage: tests/docs/run.sh BUILD_DIR   (from the repo root; tests/run.sh calls it)
#   LORLINT_DOCS=DIR   the converted corpus (tests/docs/convert.sh; make keeps it in build/docs),
#                      else the letters are converted here
#   LORLINT_PNG=FILE   also keep the rendered annotated page (tests/docs/annotated.png is made so)
#
# 1. The hand-made fixtures (tests/tools/docfixtures.h, written by mkdocs):
#    doctext gives exactly the expected text, as accepted and as original.
# 2. Hostile files (zip bomb, deep XML, XXE, "billion laughs", encrypted
#    .docx and .odt, damaged archive and XML, a scanned and a truncated PDF):
#    each is one error line naming the file and exit 2, within 2 seconds and,
#    in a plain build, 100 MB of address space; a good letter given beside
#    them is still checked.
# 3. Real producers: every .txt letter of corpus/ converted by LibreOffice
#    (headless) to .docx, .odt and .pdf, and by pandoc to .docx, .odt and
#    .html, gives the same score and the same findings on the same excerpts
#    as the .txt (doccmp).
# 4. Reviewed copies of a sample of them (LibreOffice's and pandoc's .docx,
#    LibreOffice's .odt, fresh copies of the .txt) and of the hand-made edge
#    cases are opened again by LibreOffice and saved as .odt: annocheck finds
#    each finding's comment on the finding's words, and the report comment.
#    One annotated page is rendered to PNG with pdftoppm.
# Prints "documents: N passed, N failed"; exit 1 if any check failed.
set -u
build=${1:-build}
L="$build/lorlint"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*" >&2; }
now_ms() { date +%s%N | cut -c1-13; }
# LibreOffice, with a private profile so parallel runs never share one.
office() { soffice -env:UserInstallation="file://$tmp/profile" --headless "$@" >"$tmp/office.log" 2>&1; }

# 1. hand-made fixtures
mkdir "$tmp/fx"
"$build/mkdocs" "$tmp/fx" || bad "mkdocs"
for exp in "$tmp"/fx/*.expected; do
	f=${exp%.expected}
	if "$build/doctext" "$f" | cmp -s - "$exp"; then ok; else bad "text of $(basename "$f")"; fi
done
for exp in "$tmp"/fx/*.original-expected; do
	f=${exp%.original-expected}
	if "$build/doctext" --original "$f" | cmp -s - "$exp"; then ok; else bad "original text of $(basename "$f")"; fi
done

# the fuzz targets as plain programs over every fixture (and the HTML letters below)
if "$build/fuzz_docx" "$tmp"/fx/*.docx "$tmp"/fx/*.odt "$tmp"/fx/*.pdf >/dev/null; then ok; else bad "fuzz_docx over the fixtures"; fi

# where a finding is: the document's paragraph (and page), in every format
# expect WHAT PATTERN COMMAND...: the command's output matches the grep pattern
expect() {
	what=$1 pat=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	if grep -q -- "$pat" "$tmp/out"; then ok; else bad "$what: no '$pat' in: $(head -c 400 "$tmp/out")"; fi
}
hedged="$tmp/fx/tracked.docx"
expect "text place" "^$hedged: paragraph 1: warning: .*\[lorlint.HedgedEndorsement\]" \
	"$L" --no-config --as-of 2026-11-27 --docx-view original "$hedged"
expect "json place" '"location":{"part":"body","paragraph":1,"page":null}' \
	"$L" --no-config --as-of 2026-11-27 --docx-view original -f json "$hedged"
expect "sarif place" '"message": *{"text": *"paragraph 1"}' \
	"$L" --no-config --as-of 2026-11-27 --docx-view original -f sarif "$hedged"
expect "html place" '<span class="pos">paragraph 1</span>' \
	"$L" --no-config --as-of 2026-11-27 --docx-view original -f html "$hedged"
expect "pdf page" '"location":{"part":"body","paragraph":1,"page":1}' \
	"$L" --no-config --as-of 2026-11-27 -f json "$tmp/fx/text.pdf"
expect "footnote place" 'footnote paragraph 1: warning' "$L" --no-config --as-of 2026-11-27 "$tmp/fx/header-fields-notes.docx"
# standard input: by its content, or as --stdin-format says
expect "docx on stdin" '^-: paragraph 1: ' sh -c "'$L' --no-config --as-of 2026-11-27 --docx-view original - <'$hedged'"
expect "pdf on stdin" '"page":1' sh -c "'$L' --no-config --as-of 2026-11-27 -f json --stdin-format pdf - <'$tmp/fx/text.pdf'"
# the reviewed copy never replaces the letter, and a folder is walked for documents
cp "$hedged" "$tmp/copy.docx"
"$L" --no-config --annotate "$tmp/copy.docx" "$tmp/copy.docx" >/dev/null 2>&1
if [ $? -eq 2 ] && cmp -s "$hedged" "$tmp/copy.docx"; then ok; else bad "--annotate over its own input"; fi
expect "directory walk" "misc.odt" "$L" --no-config --as-of 2026-11-27 -f summary "$tmp/fx"

# 2. hostile files: one line, exit 2, fast, small
case "$build" in *asan*) limit=unlimited ;; *) limit=102400 ;; esac
printf 'I recommend her without reservation.\n' >"$tmp/good.txt"
for name in bomb.docx deep.docx xxe.docx laughs.odt encrypted.docx encrypted.odt damaged.docx damaged-xml.docx \
	not-word.docx scan.pdf truncated.pdf; do
	f="$tmp/fx/$name"
	t0=$(now_ms)
	(ulimit -v "$limit" && exec "$L" --no-config -j 1 --as-of 2026-11-27 "$f") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	ms=$(($(now_ms) - t0))
	lines=$(wc -l <"$tmp/err")
	if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -q "^$f: error: " "$tmp/err" && [ "$ms" -lt 2000 ]; then
		ok
	else
		bad "$name: exit $rc, $lines error lines, $ms ms: $(head -c 300 "$tmp/err")"
	fi
done
"$L" --no-config --as-of 2026-11-27 -f json "$tmp/fx/bomb.docx" "$tmp/good.txt" "$tmp/fx/scan.pdf" >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q '"path":"'"$tmp"'/good.txt"' "$tmp/out" && [ "$(wc -l <"$tmp/err")" -eq 2 ]; then
	ok
else
	bad "the good letter beside hostile ones was not checked"
fi

# 3. real producers (converted once by tests/docs/convert.sh, kept in build/docs/)
conv=${LORLINT_DOCS:-}
if [ -z "$conv" ] || [ ! -f "$conv/stamp" ]; then
	conv="$tmp/conv"
	tests/docs/convert.sh "$conv" || bad "converting the corpus letters"
fi
n=0
for f in "$conv"/letters/*.txt; do
	b=$(basename "$f" .txt)
	if "$build/doccmp" "$f" "$conv/lo/$b.docx" "$conv/lo/$b.odt" "$conv/lo/$b.pdf" "$conv/pd/$b.docx" \
		"$conv/pd/$b.odt" "$conv/pd/$b.html" >"$tmp/cmp" 2>&1; then
		ok
	else
		bad "$b: $(cat "$tmp/cmp")"
	fi
	n=$((n + 6))
done
echo "documents: $n converted letters compared with their .txt"
if "$build/fuzz_html" "$tmp/fx/letter.html" "$conv"/pd/*.html >/dev/null; then ok; else bad "fuzz_html over the HTML letters"; fi

# 4. reviewed copies, opened again by LibreOffice (a sample: every eighth letter)
mkdir -p "$tmp/rev" "$tmp/rt"
# annotate SRC NAME: the reviewed copy of SRC as rev/NAME (.docx, or .odt for an .odt)
annotate() {
	case $1 in *.odt) to=odt ;; *) to=docx ;; esac
	"$L" --no-config --as-of 2026-11-27 --annotate "$tmp/rev/$2.$to" "$1" >/dev/null 2>"$tmp/err"
	[ $? -le 1 ] || bad "annotate $1: $(cat "$tmp/err")"
	echo "$1" >"$tmp/rev/$2.src"
}
k=0
for f in "$conv"/letters/*.txt; do
	k=$((k + 1))
	[ $((k % 8)) -eq 1 ] || continue
	b=$(basename "$f" .txt)
	annotate "$conv/lo/$b.docx" "lo-docx-$b"
	annotate "$conv/lo/$b.odt" "lo-odt-$b"
	annotate "$conv/pd/$b.docx" "pd-docx-$b"
	annotate "$f" "txt-$b"
done
# (header-fields-notes.docx is left out: its notes and header have no relationships, which LibreOffice needs)
for name in comments.docx split-runs.docx tracked.docx table-textbox.docx misc.odt \
	letter.html; do
	annotate "$tmp/fx/$name" "fx-$(echo "$name" | tr . -)"
done
office --convert-to odt --outdir "$tmp/rt" "$tmp"/rev/*.docx "$tmp"/rev/*.odt || bad "LibreOffice reopening the copies"
for src in "$tmp"/rev/*.src; do
	b=$(basename "$src" .src)
	if [ ! -s "$tmp/rt/$b.odt" ]; then
		bad "LibreOffice did not open $b"
	elif "$build/annocheck" "$(cat "$src")" "$tmp/rt/$b.odt" >"$tmp/chk" 2>&1; then
		ok
	else
		bad "$(cat "$tmp/chk")"
	fi
done
# one annotated page, as a reader sees it: a hedged letter's reviewed copy,
# comments exported as PDF annotations (LibreOffice 7.4, which Debian 12
# ships, has no option to print them in the margin)
annotate "$conv/lo/01-hedged-think-well.docx" page
office --convert-to 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}' \
	--outdir "$tmp/pdf" "$tmp/rev/page.docx" &&
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/pdf/page.pdf" "$tmp/page" 2>/dev/null
if [ -s "$tmp/page.png" ]; then
	ok
	if [ -n "${LORLINT_PNG:-}" ]; then cp "$tmp/page.png" "$LORLINT_PNG"; fi
else
	bad "rendering an annotated page"
fi
echo "documents: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
