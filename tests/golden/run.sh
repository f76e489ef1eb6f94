#!/usr/bin/env bash
# Golden-site test: golden/run.sh MINHBACH CASE_DIR
# Builds CASE_DIR/site twice with the real binary (with the repository's
# default theme unless the case brings its own), requires byte-identical
# output, and compares it with CASE_DIR/expected/ and the diagnostics with
# CASE_DIR/expected.stderr. UPDATE_GOLDEN=1 rewrites both; review the diff.
set -uo pipefail
bin=$1
case_dir=$(cd "$2" && pwd)
repo=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp -r "$case_dir/site" "$tmp/site"
[ -d "$tmp/site/themes" ] || { mkdir -p "$tmp/site/themes"; cp -r "$repo/themes/default" "$tmp/site/themes/default"; }

build() {  # build OUTPUT STDERR
  (cd "$tmp/site" && "$bin" build --quiet --jobs "${JOBS:-0}" --output "$1") 2>"$2"
}
build "$tmp/out1" "$tmp/stderr1"; code=$?
if [ $code -ne 0 ]; then
  echo "FAIL: build exited $code"; cat "$tmp/stderr1"; exit 1
fi
JOBS=1 build "$tmp/out2" "$tmp/stderr2"
if ! diff -r "$tmp/out1" "$tmp/out2" >"$tmp/nondeterminism"; then
  echo "FAIL: two builds (all cores, then one thread) differ:"; head -40 "$tmp/nondeterminism"; exit 1
fi

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  rm -rf "$case_dir/expected"
  cp -r "$tmp/out1" "$case_dir/expected"
  if [ -s "$tmp/stderr1" ]; then cp "$tmp/stderr1" "$case_dir/expected.stderr"; else rm -f "$case_dir/expected.stderr"; fi
  echo "updated $case_dir"
  exit 0
fi

status=0
if ! diff -r "$case_dir/expected" "$tmp/out1" >"$tmp/diff"; then
  echo "FAIL: output differs from $case_dir/expected (UPDATE_GOLDEN=1 rewrites it):"
  head -80 "$tmp/diff"; status=1
fi
expected_stderr=/dev/null
[ -f "$case_dir/expected.stderr" ] && expected_stderr="$case_dir/expected.stderr"
if ! diff -u "$expected_stderr" "$tmp/stderr1"; then
  echo "FAIL: diagnostics differ from expected.stderr"; status=1
fi
[ $status -eq 0 ] && echo "ok: $(find "$tmp/out1" -type f | wc -l) files identical to expected, built twice identically"
exit $status
