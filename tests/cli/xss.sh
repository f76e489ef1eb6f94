#!/usr/bin/env bash
# Content cannot inject script: raw HTML in Markdown is removed (with a
# warning), template values are escaped, javascript: links are refused.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
base_site "$tmp/site"
page="$tmp/site/content/pages/about.vi.md"
cat >"$page" <<'MD'
---
title: "<script>alert(1)</script>"
summary: "\"><img src=x onerror=alert(1)>"
weight: 1
---

<script>alert(1)</script>

Chữ <img src=x onerror=alert(1)> giữa đoạn.

<a href="javascript:alert(1)">x</a> và <div onmouseover="alert(1)">y</div>

![ảnh](https://example.gov.vn/a.png "\" onerror=\"alert(1)")
MD
"$bin" build --quiet --source "$tmp/site" >/dev/null 2>"$tmp/err"; code=$?
[ $code -eq 0 ] || fail "build exited $code: $(cat "$tmp/err")"
n=$(grep -c "warning: raw HTML is not allowed" "$tmp/err")
[ "$n" -eq 6 ] || fail "expected 6 raw-HTML warnings (one per tag), got $n: $(cat "$tmp/err")"
out="$tmp/site/public"
[ -f "$out/about/index.html" ] || fail "the page was not built"
python3 "$(dirname "$0")/check_no_script.py" "$out" || fail "script, event handler or javascript: URL in the output"
grep -rqi 'javascript:' "$out" && fail "a javascript: URL survives somewhere in the output"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$out/about/index.html" || fail "the title was not shown escaped"

# A javascript: link in Markdown is an error: nothing is published.
rm -rf "$out"
printf -- '---\ntitle: Trang\nweight: 1\n---\n\n[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html;base64,PHNjcmlwdD4=)\n' >"$page"
"$bin" build --quiet --source "$tmp/site" >/dev/null 2>"$tmp/err"; code=$?
[ $code -eq 1 ] || fail "javascript: link: exit $code, expected 1"
n=$(grep -c "error: link target uses the '\(javascript\|data\):' scheme" "$tmp/err")
[ "$n" -eq 3 ] || fail "expected 3 refused links, got $n: $(cat "$tmp/err")"
[ ! -e "$out" ] || fail "a failed build created public/"
echo "ok"
