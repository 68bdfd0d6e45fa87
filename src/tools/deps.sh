#!/bin/sh
# deps.sh - make sure the Debian packages lorlint builds and tests with are installed.
#
# Usage: src/tools/deps.sh [build|test|bench]
# As root, installs what is missing with apt-get (non-interactive); otherwise
# prints the exact apt-get line to run and fails. Only Debian's own archive is
# used: nothing is downloaded from anywhere else.
set -eu
need="pkg-config libpcre2-dev libutf8proc-dev libyaml-dev libjansson-dev"
case "${1:-build}" in
test) need="$need libcmocka-dev" ;;
bench) need="$need ripgrep time valgrind" ;;
esac
missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "lorlint: missing Debian packages:$missing" >&2
	echo "run: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "lorlint: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 || true
apt-get install -y -qq --no-install-recommends $missing >&2
