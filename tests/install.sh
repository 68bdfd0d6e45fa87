#!/bin/sh
# install.sh - `make install DESTDIR=...` checked file by file, and the installed pieces used.
#
# Usage: tests/install.sh BUILD_DIR  (run by tests/run.sh)
set -eu
build=$1
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
san=""
case "$build" in *asan*) san="SAN=1" ;; esac
make --no-print-directory -s install BUILD="$build" $san DESTDIR="$d" PREFIX=/usr >/dev/null
fail=0
for f in bin/lorlint lib/liblorlint.a lib/pkgconfig/lorlint.pc include/lorlint.h \
	share/man/man1/lorlint.1 share/lorlint/rules/README.md share/lorlint/rules/profiles/residency.yml \
	share/lorlint/rules/lorlint/HedgedEndorsement.yml; do
	[ -f "$d/usr/$f" ] || { echo "install: missing /usr/$f" >&2; fail=1; }
done
[ -x "$d/usr/bin/lorlint" ] || { echo "install: lorlint is not executable" >&2; fail=1; }
grep -q '^prefix=/usr$' "$d/usr/lib/pkgconfig/lorlint.pc" || { echo "install: bad prefix in lorlint.pc" >&2; fail=1; }
grep -q '^\.TH LORLINT 1' "$d/usr/share/man/man1/lorlint.1" || { echo "install: bad man page" >&2; fail=1; }
# The man page lists every option --help lists.
for opt in $("$build"/lorlint --help | grep -o -- '--[a-z-]*' | sort -u); do
	esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
	grep -q -- "$esc" "$d/usr/share/man/man1/lorlint.1" || { echo "install: man page lacks $opt" >&2; fail=1; }
done
# The installed binary runs, and the installed library links through pkg-config.
"$d/usr/bin/lorlint" --version >/dev/null
printf '#include <lorlint.h>\nint main(void) { lor_ruleset *rs; return lor_ruleset_load(&rs, 0, 0) ? 1 : (lor_ruleset_free(rs), 0); }\n' > "$d/t.c"
# shellcheck disable=SC2046
PKG_CONFIG_PATH="$d/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$d" \
	cc -o "$d/t" "$d/t.c" $(PKG_CONFIG_PATH="$d/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$d" pkg-config --cflags --libs --static lorlint) $([ -n "$san" ] && echo -fsanitize=address,undefined) \
	|| { echo "install: cannot link against the installed library" >&2; fail=1; }
[ "$fail" -eq 0 ] && "$d/t" || { echo "install: test program failed" >&2; fail=1; }
[ "$fail" -eq 0 ] && echo "install: $(find "$d/usr" -type f | wc -l) files installed and checked"
exit $fail
