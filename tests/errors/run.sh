#!/usr/bin/env bash
# Error-case test: errors/run.sh MINHBACH CASE_DIR
# Builds errors/base (a valid site) into public/, then applies the case:
# CASE_DIR/overlay/ is copied over the site and the paths listed in
# CASE_DIR/remove are deleted. The build must then fail with exactly
# CASE_DIR/expected.stderr and the exit code in CASE_DIR/expected.exit
# (default 1), and leave public/ byte-identical with no staging leftovers.
# Every error in it must read path:line:col and carry a hint.
# UPDATE_GOLDEN=1 rewrites expected.stderr; review the diff.
set -uo pipefail
bin=$1
case_dir=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
site="$tmp/site"

cp -r "$here/base" "$site"
mkdir -p "$site/themes" && cp -r "$repo/themes/default" "$site/themes/default"
if ! (cd "$site" && "$bin" build --quiet) >"$tmp/base.log" 2>&1; then
  echo "FAIL: the base site does not build"; cat "$tmp/base.log"; exit 1
fi
cp -a "$site/public" "$tmp/public.before"

[ -d "$case_dir/overlay" ] && cp -r "$case_dir/overlay/." "$site/"
if [ -f "$case_dir/remove" ]; then
  while IFS= read -r path; do [ -n "$path" ] && rm -rf "${site:?}/$path"; done <"$case_dir/remove"
fi
[ -x "$case_dir/prepare.sh" ] && (cd "$site" && "$case_dir/prepare.sh")

(cd "$site" && "$bin" build) >"$tmp/stdout" 2>"$tmp/stderr"
code=$?
expected_code=1
[ -f "$case_dir/expected.exit" ] && expected_code=$(cat "$case_dir/expected.exit")

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$tmp/stderr" "$case_dir/expected.stderr"
  echo "updated $case_dir/expected.stderr (exit $code)"
fi

status=0
if [ "$code" -ne "$expected_code" ]; then
  echo "FAIL: exit code $code, expected $expected_code"; status=1
fi
if ! diff -u "$case_dir/expected.stderr" "$tmp/stderr"; then
  echo "FAIL: diagnostics differ from expected.stderr"; status=1
fi
# Every error names its place as path:line:col and says what to do about it.
if ! awk '
  function check() { if (head != "" && !hinted) { print "FAIL: an error without a hint: " head; bad = 1 } }
  /^[^ ].*: error: / {
    check(); head = $0; hinted = 0
    if ($0 !~ /^[^ ].*:[0-9]+:[0-9]+: error: /) { print "FAIL: an error without path:line:col: " $0; bad = 1 }
    next
  }
  /^  hint: / { hinted = 1; next }
  /^  / { next }
  { check(); head = "" }
  END { check(); exit bad }' "$tmp/stderr"; then
  status=1
fi
if ! diff -r "$tmp/public.before" "$site/public" >"$tmp/public.diff"; then
  echo "FAIL: the failed build changed public/:"; head -20 "$tmp/public.diff"; status=1
fi
if ls -a "$site" | grep -q '^\.public\.'; then
  echo "FAIL: staging leftovers beside public/:"; ls -a "$site"; status=1
fi
[ $status -eq 0 ] && echo "ok: exit $code, exact diagnostics, public/ untouched"
exit $status
