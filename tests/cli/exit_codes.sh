#!/usr/bin/env bash
# Exit codes: 0 ok, 1 content errors, 2 usage or environment errors, and an
# environment error names the path and leaves the output alone.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"

(cd "$tmp" && "$bin" build) >/dev/null 2>"$tmp/err"; code=$?
[ $code -eq 2 ] || fail "no site.yaml: exit $code, expected 2"
grep -q "no site.yaml" "$tmp/err" || fail "no site.yaml: $(cat "$tmp/err")"

base_site "$tmp/site"
"$bin" build --quiet --source "$tmp/site" >"$tmp/out" 2>"$tmp/err"; code=$?
[ $code -eq 0 ] || fail "valid site: exit $code: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "--quiet printed: $(cat "$tmp/out")"
"$bin" check --source "$tmp/site" >/dev/null 2>&1 || fail "check on a valid site failed"

# check writes nothing, and reports errors with exit 1, as JSON lines when asked.
rm -rf "$tmp/site/public"
sed -i 's/households: 4075/populaton: 4075/' "$tmp/site/content/localities/an-binh/_index.vi.md"
"$bin" check --source "$tmp/site" --format json >"$tmp/out" 2>"$tmp/err"; code=$?
[ $code -eq 1 ] || fail "check with an error: exit $code, expected 1"
[ ! -e "$tmp/site/public" ] || fail "check wrote public/"
line=$(head -1 "$tmp/err")
[ "$line" = '{"column":1,"hint":"did you mean '"'"'population'"'"'?","line":6,"message":"unknown front-matter key '"'"'populaton'"'"'","path":"content/localities/an-binh/_index.vi.md","severity":"error"}' ] \
  || fail "unexpected JSON diagnostic: $line"

# An output folder that cannot be created is an environment error: exit 2, path named.
sed -i 's/populaton: 4075/households: 4075/' "$tmp/site/content/localities/an-binh/_index.vi.md"
"$bin" build --source "$tmp/site" --output /proc/minhbach-cannot-write >/dev/null 2>"$tmp/err"; code=$?
[ $code -eq 2 ] || fail "unwritable output: exit $code, expected 2"
grep -q "/proc" "$tmp/err" || fail "unwritable output: the message does not name the path: $(cat "$tmp/err")"
echo "ok"
