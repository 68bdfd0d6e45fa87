#!/bin/sh
# deps-check.sh - src/tools/deps.sh asks pkg-config first: with every library installed but
# dpkg-query missing from the PATH (Fedora, Arch, macOS, or a trimmed Debian), it succeeds.
# Usage: tests/deps-check.sh BUILD_DIR
set -u
dir=$1/nodpkg
rm -rf "$dir" && mkdir -p "$dir" || exit 1
for d in /usr/local/bin /usr/bin /bin /usr/sbin /sbin; do
	[ -d "$d" ] || continue
	for f in "$d"/*; do
		b=${f##*/}
		[ "$b" = dpkg-query ] || [ -e "$dir/$b" ] || ln -s "$f" "$dir/$b" 2>/dev/null
	done
done
if PATH=$dir sh -c 'command -v dpkg-query' >/dev/null 2>&1; then
	echo "deps-check: could not hide dpkg-query" >&2
	exit 1
fi
if ! PATH=$dir src/tools/deps.sh test; then
	echo "deps-check: deps.sh failed without dpkg-query although pkg-config finds every library" >&2
	exit 1
fi
echo "deps-check: ok without dpkg-query on the PATH"
