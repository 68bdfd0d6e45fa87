#!/bin/sh
# deps.sh - make sure the libraries and tools lorlint builds and tests with are there.
#
# Usage: src/tools/deps.sh [build|test|bench]
# Each library is asked of pkg-config first, each tool of the PATH, so any
# system where they are installed builds (Fedora, Arch, macOS with Homebrew,
# a Debian machine without dpkg-query on the PATH). Only what is missing is
# installed: with apt-get as root on Debian (Debian's own archive only,
# non-interactive); anywhere else the exact install line for the system's
# package manager is printed and the script fails.
set -eu

# pkg-config module, then the package that provides it on Debian, Fedora, Arch, Homebrew
libs="libpcre2-8:libpcre2-dev:pcre2-devel:pcre2:pcre2
libutf8proc:libutf8proc-dev:utf8proc-devel:libutf8proc:utf8proc
yaml-0.1:libyaml-dev:libyaml-devel:libyaml:libyaml
jansson:libjansson-dev:jansson-devel:jansson:jansson
libzip:libzip-dev:libzip-devel:libzip:libzip
zlib:zlib1g-dev:zlib-devel:zlib:zlib
libxml-2.0:libxml2-dev:libxml2-devel:libxml2:libxml2"
# command, then its package on Debian, Fedora, Arch, Homebrew
tools=""
case "${1:-build}" in
test) libs="$libs
cmocka:libcmocka-dev:libcmocka-devel:cmocka:cmocka"
	# the document tests: real producers (LibreOffice, pandoc) and poppler
	tools="soffice:libreoffice-writer-nogui:libreoffice-writer:libreoffice-fresh:libreoffice
pandoc:pandoc:pandoc:pandoc-cli:pandoc
pdftotext:poppler-utils:poppler-utils:poppler:poppler
pdftoppm:poppler-utils:poppler-utils:poppler:poppler" ;;
bench) tools="rg:ripgrep:ripgrep:ripgrep:ripgrep
valgrind:valgrind:valgrind:valgrind:valgrind" ;;
esac

missing_deb="" missing_rpm="" missing_arch="" missing_brew=""
add() { # deb rpm arch brew
	missing_deb="$missing_deb $1" missing_rpm="$missing_rpm $2" missing_arch="$missing_arch $3"
	missing_brew="$missing_brew $4"
}
if ! command -v pkg-config >/dev/null 2>&1; then
	add pkg-config pkgconf-pkg-config pkgconf pkg-config
	libs_unknown=1
else
	libs_unknown=0
fi
for l in $libs; do
	IFS=: read -r mod deb rpm arch brew <<EOF
$l
EOF
	if [ "$libs_unknown" = 1 ] || ! pkg-config --exists "$mod"; then
		add "$deb" "$rpm" "$arch" "$brew"
	fi
done
for t in $tools; do
	IFS=: read -r cmd deb rpm arch brew <<EOF
$t
EOF
	command -v "$cmd" >/dev/null 2>&1 || add "$deb" "$rpm" "$arch" "$brew"
done
if { [ "${1:-build}" = bench ] || [ "${1:-build}" = test ]; } && [ ! -x /usr/bin/time ]; then
	add time time time gnu-time
fi
[ -z "$missing_deb" ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "lorlint: missing:$missing_deb" >&2
		echo "run: sudo apt-get install -y$missing_deb" >&2
		exit 1
	fi
	echo "lorlint: installing$missing_deb" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || true
	apt-get install -y -qq --no-install-recommends $missing_deb >&2
	exit 0
fi
if command -v dnf >/dev/null 2>&1; then
	line="sudo dnf install -y$missing_rpm"
elif command -v pacman >/dev/null 2>&1; then
	line="sudo pacman -S --needed$missing_arch"
elif command -v brew >/dev/null 2>&1; then
	line="brew install$missing_brew"
else
	line="install the development packages of:$missing_deb (Debian names)"
fi
echo "lorlint: missing libraries or tools (pkg-config and the PATH do not find them)" >&2
echo "run: $line" >&2
exit 1
