#!/usr/bin/env bash
# The installed library as a dependency: `cmake --install` into a temporary prefix, then a small
# program built against it three ways (pkg-config with the shared library, pkg-config --static,
# CMake's find_package) and run. Also: the shared library exports depeche_* only.
# usage: tests/install.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # what, expected pattern, output
    if grep -qE "$2" <<<"$3"; then echo "ok: $1"; else echo "FAIL: $1: $3"; fail=1; fi
}

cmake --install "$build" --prefix "$tmp/prefix" > /dev/null
libdir=$(ls -d "$tmp"/prefix/lib*/ | head -1)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
check "pkg-config knows the version" '^0\.' "$(pkg-config --modversion depeche)"

cc -o "$tmp/hello-shared" "$here/install/hello.c" $(pkg-config --cflags --libs depeche)
check "built with pkg-config, shared" '^depeche [0-9.]+ \(header [0-9.]+\): 1 event$' \
      "$(LD_LIBRARY_PATH="$libdir" "$tmp/hello-shared")"
check "the program needs libdepeche.so.0" 'libdepeche\.so\.0 ' "$(LD_LIBRARY_PATH="$libdir" ldd "$tmp/hello-shared")"

cc -o "$tmp/hello-static" "$here/install/hello.c" $(pkg-config --cflags depeche) \
   "$libdir/libdepeche.a" $(pkg-config --libs --static depeche | sed 's/-ldepeche//')
check "built with pkg-config --static" ': 1 event$' "$("$tmp/hello-static")"

cmake -S "$here/install" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" > /dev/null
cmake --build "$tmp/consumer" > /dev/null
check "built with find_package(depeche)" ': 1 event$' "$(LD_LIBRARY_PATH="$libdir" "$tmp/consumer/hello")"

others=$(nm -D --defined-only "$libdir/libdepeche.so" | awk '$2 ~ /[TDRB]/ && $3 !~ /^depeche_/ {print $3}')
check "only depeche_* exported" '^$' "$others"
check "a SONAME" 'SONAME +libdepeche\.so\.0$' "$(objdump -p "$libdir/libdepeche.so" | grep SONAME)"
exit $fail
