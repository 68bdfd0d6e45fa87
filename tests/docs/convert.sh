#!/bin/sh
# convert.sh - the corpus letters as real word processors save them: LibreOffice and pandoc.
#
# Usage: tests/docs/convert.sh OUTDIR
# Copies every corpus/*/*.txt letter to OUTDIR/letters/ and converts them:
# LibreOffice (headless, a private profile) to OUTDIR/lo/*.docx, *.odt and
# *.pdf, one soffice call per format; pandoc, reading the letters as
# Markdown with hard line breaks (a line of the .txt stays a line) and
# straight quotes, to OUTDIR/pd/*.docx, *.odt and *.html. The Makefile keeps
# the result in build/docs/ until a letter changes, so the plain and the
# sanitizer runs of the tests convert once.
set -eu
out=$1
rm -rf "$out"
mkdir -p "$out/letters" "$out/lo" "$out/pd"
cp corpus/*/*.txt "$out/letters/"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT INT TERM
for to in docx odt pdf; do
	soffice -env:UserInstallation="file://$profile" --headless --convert-to "$to" --outdir "$out/lo" \
		"$out"/letters/*.txt >"$profile/log" 2>&1 || { cat "$profile/log" >&2; exit 1; }
done
for f in "$out"/letters/*.txt; do echo "$f"; done | xargs -P 2 -I{} sh -c '
	b=$(basename "$1" .txt)
	for to in docx odt html; do
		pandoc -f markdown-smart+hard_line_breaks -s --metadata pagetitle=letter -o "$2/$b.$to" "$1" || exit 1
	done' sh {} "$out/pd"
touch "$out/stamp"
