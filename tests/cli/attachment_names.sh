#!/usr/bin/env bash
# An attachment whose name has spaces, Vietnamese letters, '#', '%' and
# parentheses: copied to public/ under its own name, and linked with one
# percent-encoded URL from the report's list of attachments and from its
# body, whether the body spells the name out or encodes it. A static
# server, which decodes the URL, finds the file.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
site=$tmp/site
base_site "$site"
name='Báo cáo #2 (50%).pdf'
url='/files/an-binh/B%C3%A1o%20c%C3%A1o%20%232%20%2850%25%29.pdf'
mkdir -p "$site/content/localities/an-binh/files"
printf '%%PDF-1.4 attachment test\n' >"$site/content/localities/an-binh/files/$name"
report=$site/content/localities/an-binh/reports/2023-bao-cao.vi.md
python3 - "$report" <<'PY' || fail "cannot edit the report"
import pathlib, sys
p = pathlib.Path(sys.argv[1])
text = p.read_text(encoding="utf-8")
front, body = text.split("\n---\n", 1)
front += '\nattachments: ["Báo cáo #2 (50%).pdf"]'
body += ("\nBản gốc: [tên viết thường](<../files/Báo cáo %232 (50%25).pdf>), "
         "[tên mã hóa](../files/B%C3%A1o%20c%C3%A1o%20%232%20%2850%25%29.pdf).\n")
p.write_text(front + "\n---\n" + body, encoding="utf-8")
PY
out=$("$bin" build --quiet --source "$site" 2>&1) || fail "build failed: $out"
[ -z "$out" ] || fail "build printed diagnostics: $out"
public=$site/public
cmp -s "$public/files/an-binh/$name" "$site/content/localities/an-binh/files/$name" ||
  fail "the attachment is not in public/ under its own name"
page=$public/dia-phuong/an-binh/bao-cao/2023-bao-cao/index.html
[ -f "$page" ] || fail "no report page at $page"
links=$(grep -o "href=\"$url\"" "$page" | wc -l)
[ "$links" -ge 3 ] || fail "expected the encoded URL from the list and both body links, found $links: $(grep -o 'href="[^"]*files/[^"]*"' "$page")"
stray=$(grep -o 'href="[^"]*files/an-binh/[^"]*"' "$page" | grep -v "href=\"$url\"" || true)
[ -z "$stray" ] || fail "links to the attachment that are not the encoded URL: $stray"
python3 -c 'import os, sys, urllib.parse; sys.exit(0 if os.path.isfile(sys.argv[1] + urllib.parse.unquote(sys.argv[2])) else 1)' \
  "$public" "$url" || fail "a static server would not find $url"
echo "ok: $links links to $url, and the file under its own name"
