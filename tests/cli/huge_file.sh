#!/usr/bin/env bash
# A huge content file is refused from its size, before it is read: a 2 GiB
# page (sparse, so it costs no disk) under a 1 GiB address-space limit must
# give the size error quickly, not exhaust memory. (errors/huge-markdown has
# the exact diagnostic for a real 50 MB file.)
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
built_base_site "$tmp/site"
truncate -s 2G "$tmp/site/content/pages/lon.vi.md"
truncate -s 1G "$tmp/site/data/measures.yaml"
(ulimit -v $((1024 * 1024)); cd "$tmp/site" && timeout 20 "$bin" build) >/dev/null 2>"$tmp/err"; code=$?
[ $code -eq 1 ] || fail "exit $code, expected 1: $(head -c 2000 "$tmp/err")"
expected="content/pages/lon.vi.md:1:1: error: file is too large (2048 MB; the limit is 8 MB)
  hint: split the text into several pages, or attach the document as a file
data/measures.yaml:1:1: error: file is too large (1024 MB; the limit is 8 MB)
  hint: split the text into several pages, or attach the document as a file
2 errors, 0 warnings"
[ "$(cat "$tmp/err")" = "$expected" ] || fail "diagnostics differ: $(diff <(echo "$expected") "$tmp/err")"
diff -r "$tmp/before" "$tmp/site/public" >/dev/null || fail "the failed build changed public/"
echo "ok"
