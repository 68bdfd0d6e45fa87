#!/bin/sh
# run.sh - browser test of the HTML report: render letters, load them in headless Chromium, check what it built.
#
# Usage: tests/browser/run.sh BUILD_DIR     (tests/run.sh calls it; exit 0 pass or skip, 1 fail)
#
# Design. The HTML report is only right if a browser reads it the way we meant,
# so the page is rendered by lorlint, parsed by Debian's headless Chromium, and
# the DOM Chromium dumps is checked against the JSON report of the same run by
# a small C program (domcheck.c, linked with jansson, which lorlint already
# needs: no python or node). Two runs cover real letters with the built-in
# rules (CRLF, NBSP, curly quotes, a binary file that must be listed as an
# error in the index) and fixture letters with the test rule kinds, whose
# findings overlap and cross (nested and split marks) and whose text is full
# of markup characters. A third, redacted, run must contain no line of any
# letter. Screenshots are kept in BUILD_DIR/browser/ for a human to look at.
# Without Chromium (and no way to install it) the test prints SKIP and passes:
# only then.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-${LORLINT_BUILD:-build}}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
cd "$root" || exit 1
out=$build/browser
lorlint=$build/lorlint
asof=2026-11-27
mkdir -p "$out"

fail() {
	echo "browser: FAIL: $*" >&2
	exit 1
}

[ -x "$lorlint" ] || fail "$lorlint is not built"

find_chromium() {
	for c in chromium chromium-browser; do
		if command -v "$c" >/dev/null 2>&1; then
			command -v "$c"
			return 0
		fi
	done
	return 1
}

# Install it the way src/tools/deps.sh installs build dependencies: as root, from
# Debian's archive, quietly; never anything else.
if ! chrome=$(find_chromium); then
	why="not installed"
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "browser: installing chromium (log: $out/apt.log)" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y -qq --no-install-recommends chromium >"$out/apt.log" 2>&1 ||
			{ apt-get update -qq >>"$out/apt.log" 2>&1 &&
				apt-get install -y -qq --no-install-recommends chromium >>"$out/apt.log" 2>&1; } ||
			why="not installed, and apt-get install chromium failed: see $out/apt.log"
	elif [ "$(id -u)" -ne 0 ]; then
		why="not installed, and only root may apt-get install chromium"
	else
		why="not installed, and no apt-get to install it with"
	fi
	if ! chrome=$(find_chromium); then
		echo "SKIP: chromium not available ($why)"
		exit 0
	fi
fi

# The flags keep a headless run offline and free of first-run work; a fresh
# profile per run keeps runs independent.
chromium_run() {
	profile=$(mktemp -d "${TMPDIR:-/tmp}/lorlint-chromium.XXXXXX")
	to=""
	command -v timeout >/dev/null 2>&1 && to="timeout 120"
	$to "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" "$@" 2>>"$out/chromium.log"
	rc=$?
	rm -rf "$profile"
	return $rc
}

: >"$out/chromium.log"
# shellcheck disable=SC2046 # pkg-config's flags are word-split on purpose
"${CC:-cc}" -std=c11 -O1 -Wall -Wextra $(pkg-config --cflags jansson) -o "$out/domcheck" \
	tests/browser/domcheck.c $(pkg-config --libs jansson) || fail "cannot compile tests/browser/domcheck.c"

# render NAME EXPECTED_EXIT LORLINT_ARGS...: the html and json reports of one run.
render() {
	name=$1 want=$2
	shift 2
	"$lorlint" --as-of $asof --format json -o "$out/$name.json" "$@" 2>"$out/$name.err"
	rc=$?
	[ $rc -eq "$want" ] || fail "$name: lorlint --format json exited $rc, expected $want (see $out/$name.err)"
	"$lorlint" --as-of $asof --format html -o "$out/$name.html" "$@" 2>>"$out/$name.err"
	rc=$?
	[ $rc -eq "$want" ] || fail "$name: lorlint --format html exited $rc, expected $want (see $out/$name.err)"
	[ -s "$out/$name.html" ] || fail "$name: -o wrote no $out/$name.html"
	# Self-contained: nothing that could load from anywhere.
	if grep -Eiq '<script|<link|<img|<iframe|<object|<embed| src=|url\(|@import|href="(https?:)?//' \
		"$out/$name.html"; then
		fail "$name: the page refers to an external resource: $(grep -Eio '<script|<link|<img|<iframe|<object|<embed| src=|url\(|@import|href="(https?:)?//' "$out/$name.html" | head -n 1)"
	fi
}

# check NAME: dump the DOM and compare it with the JSON report.
check() {
	chromium_run --dump-dom "file://$out/$1.html" >"$out/$1.dom" ||
		fail "$1: chromium --dump-dom failed (see $out/chromium.log)"
	grep -q '<nav id="index"' "$out/$1.dom" || fail "$1: chromium dumped no report (see $out/chromium.log)"
	"$out/domcheck" "$out/$1.json" "$out/$1.dom" >"$out/$1.check" ||
		fail "$1: the rendered DOM does not match the JSON report (above)"
}

# screenshot NAME: keep a picture of the rendered page.
screenshot() {
	rm -f "$out/$1.png"
	chromium_run --screenshot="$out/$1.png" --window-size=1280,1600 "file://$out/$1.html" >/dev/null ||
		fail "$1: chromium --screenshot failed (see $out/chromium.log)"
	[ "$(od -An -tx1 -N4 "$out/$1.png" 2>/dev/null | tr -d ' \n')" = 89504e47 ] ||
		fail "$1: no PNG screenshot at $out/$1.png"
}

# The first letter is the one the screenshot shows: a weak one, with highlights.
letters="corpus/weak/01-hedged-think-well.txt corpus/strong/01-cmio-sepsis.txt
corpus/weak/11-crlf-short-hedged.txt corpus/weak/12-curly-wish-success.txt
corpus/moderate/10-crlf-nbsp-neuroradiology.txt"
bad=tests/fixtures/letters/binary.txt
fixtures="tests/fixtures/letters/overlap-crlf.txt tests/fixtures/letters/markup-chars.txt"

# shellcheck disable=SC2086 # the lists are word-split on purpose
render report 2 $letters $bad
check report
screenshot report
# shellcheck disable=SC2086
render overlap 1 --rules tests/fixtures/rules/kinds $fixtures
check overlap
screenshot overlap
grep -q 'data-part="2"' "$out/overlap.html" || fail "overlap: no finding was split into parts"

# Redacted: no letter text at all, so no line of any letter may appear.
# shellcheck disable=SC2086
render redact 2 --redact $letters $bad $fixtures
grep -q '<mark[^>]*data-finding' "$out/redact.html" && fail "redact: the page has highlights"
grep -q 'class="text"' "$out/redact.html" && fail "redact: the page has a letter text block"
for f in $letters $fixtures; do
	# Lines long enough to be unmistakably the letter's, and free of
	# characters the page would escape.
	tr -d '\r' <"$f" | awk 'length >= 30 && !/[&<>"\047]/' >"$out/redact.lines"
	while IFS= read -r line; do
		grep -qF -- "$line" "$out/redact.html" && fail "redact: letter text of $f in the page: '$line'"
	done <"$out/redact.lines"
done

cat "$out/report.check" "$out/overlap.check"
echo "browser: ok (screenshots: $out/report.png $out/overlap.png)"
