#!/usr/bin/env bash
# `minhbach --help` and `minhbach build --help` describe every command and
# option; an unknown command exits 2 and suggests the nearest one.
set -uo pipefail
bin=$1
fail() { echo "FAIL: $*"; exit 1; }

top=$("$bin" --help) || fail "--help exited $?"
for word in build check serve new import "Exit codes"; do grep -q -- "$word" <<<"$top" || fail "--help does not mention '$word'"; done

help=$("$bin" build --help) || fail "build --help exited $?"
for opt in --source --output --base-url --jobs --quiet --verbose --help; do
  grep -q -- "$opt" <<<"$help" || fail "build --help does not describe $opt"
done
help=$("$bin" check --help) || fail "check --help exited $?"
for opt in --source --jobs --format; do grep -q -- "$opt" <<<"$help" || fail "check --help does not describe $opt"; done

err=$("$bin" bulid 2>&1 >/dev/null); code=$?
[ $code -eq 2 ] || fail "unknown command exited $code, expected 2"
[ "$err" = "minhbach: unknown command 'bulid'
  hint: did you mean 'build'?
  run 'minhbach --help' to list the commands" ] || fail "unexpected message: $err"

"$bin" build --jobs many >/dev/null 2>&1; code=$?
[ $code -eq 2 ] || fail "a malformed option exited $code, expected 2"
echo "ok"
