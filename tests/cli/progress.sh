#!/usr/bin/env bash
# On a terminal a build shows its stages and pages done/total; piped, it
# prints nothing extra; --quiet prints nothing; --verbose times each stage.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
base_site "$tmp/site"
cd "$tmp/site" || exit 1

"$bin" build >"$tmp/out" 2>"$tmp/err" || fail "build"
[ ! -s "$tmp/err" ] || fail "piped stderr is not empty: $(cat -A "$tmp/err" | head -3)"
! grep -q $'\r' "$tmp/out" || fail "piped stdout carries carriage returns"
grep -q "^Built " "$tmp/out" || fail "no summary"

"$bin" build --quiet >"$tmp/out" 2>&1 || fail "build --quiet"
[ ! -s "$tmp/out" ] || fail "--quiet printed: $(cat "$tmp/out")"

"$bin" build --verbose >"$tmp/out" 2>&1 || fail "build --verbose"
for stage in config scan parse model derive theme render write; do
  grep -qE "^  $stage: [0-9.]+ ms$" "$tmp/out" || fail "--verbose does not time '$stage': $(cat "$tmp/out")"
done

script -qec "$bin build" /dev/null >"$tmp/tty" 2>&1 || fail "build on a terminal"
grep -qE "render: [0-9]+/[0-9]+ pages" "$tmp/tty" || fail "no progress on a terminal: $(cat -A "$tmp/tty" | head -3)"
grep -q "Built " "$tmp/tty" || fail "no summary on a terminal"
echo "ok"
