#!/usr/bin/env bash
# A UTF-8 byte-order mark and CRLF (or lone CR) line endings must work: the
# same site saved that way — content, data, site.yaml and the theme's text
# files — builds to exactly the same public/ as with LF, and a diagnostic in
# such a file gives the same line:column as in the LF file.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"

# to_crlf DIR STYLE: every text file of the site in DIR gets a BOM and
# STYLE line endings ("crlf" or "cr").
to_crlf() {
  python3 - "$1" "$2" <<'PY'
import pathlib, sys
root, style = pathlib.Path(sys.argv[1]), sys.argv[2]
eol = b"\r\n" if style == "crlf" else b"\r"
files = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".yaml", ".mustache", ".scss")
         and "public" not in p.parts]
assert len(files) > 20, files
for p in files:
    data = p.read_bytes()
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf"), p
    p.write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", eol))
print(len(files), "files converted", file=sys.stderr)
PY
}

base_site "$tmp/lf"
# A report with a table, a list, a heading hierarchy and a line break, so
# that block structure depends on the line endings being read right.
cat >"$tmp/lf/content/pages/about.vi.md" <<'MD'
---
title: Giới thiệu
summary: "Trang giới thiệu: phường An Bình"
weight: 1
---

## I. Kết quả

Đoạn một,  
xuống dòng.

- mục một
- mục hai

| Lĩnh vực | Số |
|---|--:|
| Tư pháp | 7 |

```
mã giữ nguyên
```
MD
"$bin" build --quiet --source "$tmp/lf" --output "$tmp/out-lf" 2>"$tmp/err" || fail "the LF site does not build: $(cat "$tmp/err")"
grep -q '<table>' "$tmp/out-lf/about/index.html" || fail "the LF page has no table"

for style in crlf cr; do
  cp -r "$tmp/lf" "$tmp/$style"
  to_crlf "$tmp/$style" "$style" 2>/dev/null
  head -c 3 "$tmp/$style/site.yaml" | od -An -tx1 | grep -q 'ef bb bf' || fail "$style: no BOM written"
  "$bin" build --quiet --source "$tmp/$style" --output "$tmp/out-$style" 2>"$tmp/err" ||
    fail "the $style site does not build: $(cat "$tmp/err")"
  [ ! -s "$tmp/err" ] || fail "$style: unexpected diagnostics: $(cat "$tmp/err")"
  diff -r "$tmp/out-lf" "$tmp/out-$style" >"$tmp/diff" || fail "$style output differs from LF: $(head -20 "$tmp/diff")"
done

# Diagnostics: the same errors, at the same line and column, in every form.
# Loading errors stop the build before Markdown is read: a front-matter error
# and a refused link are two separate sites.
bad() {  # bad DIR KIND
  if [ "$2" = key ]; then
    printf -- '---\ntitle: Giới thiệu\nweight: 1\nsummry: Trang\n---\n\nVăn bản.\n' >"$1/content/pages/about.vi.md"
  else
    printf -- '---\ntitle: Giới thiệu\nweight: 1\n---\n\nVăn bản.\n\nPhường An Bình, [liên kết](javascript:alert(1)).\n' \
      >"$1/content/pages/about.vi.md"
  fi
}
expected_key="content/pages/about.vi.md:4:1: error: unknown front-matter key 'summry'
  4 | summry: Trang
    | ^~~~~~
  hint: did you mean 'summary'?
1 error, 0 warnings"
expected_link="content/pages/about.vi.md:8:28: error: link target uses the 'javascript:' scheme, which is not allowed
  8 | Phường An Bình, [liên kết](javascript:alert(1)).
    |                            ^~~~~~~~~~~~~~~~~~~
  hint: link to an https:// address or to a page of the site
1 error, 0 warnings"
for kind in key link; do
  for style in lf crlf cr; do
    rm -rf "$tmp/d"; base_site "$tmp/d"
    bad "$tmp/d" $kind
    [ $style = lf ] || to_crlf "$tmp/d" $style 2>/dev/null
    (cd "$tmp/d" && "$bin" check) >/dev/null 2>"$tmp/err"; code=$?
    [ $code -eq 1 ] || fail "$kind/$style: check exited $code"
    expected=expected_$kind
    [ "$(cat "$tmp/err")" = "${!expected}" ] || fail "$kind/$style diagnostics: $(diff <(echo "${!expected}") "$tmp/err")"
  done
done
echo "ok"
