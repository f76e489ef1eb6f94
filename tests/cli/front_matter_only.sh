#!/usr/bin/env bash
# A file that is only front matter is a page without text, for every kind
# (home, locality, report, initiative, free page) and both languages: it
# builds without a diagnostic, like Hugo or Zola would, and shows its front
# matter (title, figures, signer) with no empty text block. The closing
# fence may end the file without a newline, or be YAML's '...'.
# (docs/content.md, "Files and slugs", says so.)
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
base_site "$tmp/site"
python3 - "$tmp/site/content" <<'PY' || fail "could not strip the bodies"
import pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.md"))
assert len(files) == 10, files
for i, p in enumerate(files):
    text = p.read_text("utf-8")
    end = text.index("\n---\n", 3) + len("\n---\n")
    head = text[:end]
    if i % 3 == 1:
        head = head[:-1]  # no newline after the closing fence
    elif i % 3 == 2:
        head = head[:-4] + "...\n"  # YAML's document end marker
    p.write_text(head, "utf-8")
PY
"$bin" build --quiet --source "$tmp/site" 2>"$tmp/err"; code=$?
[ $code -eq 0 ] || fail "build exited $code: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "unexpected diagnostics: $(cat "$tmp/err")"
out="$tmp/site/public"
check() {  # check PAGE TEXT...
  local page=$out/$1; shift
  [ -f "$page" ] || fail "$page was not built"
  for text in "$@"; do grep -qF "$text" "$page" || fail "$page lacks '$text'"; done
  ! grep -q 'class="prose"' "$page" || fail "$page has an empty text block"
}
check index.html '<h1>Trang chủ</h1>'
check en/index.html '<h1>Home</h1>'
check dia-phuong/an-binh/index.html 'Phường An Bình' '14.000'
check dia-phuong/an-binh/bao-cao/2023-bao-cao/index.html 'Báo cáo 6 tháng đầu năm 2023' '12/BC-UBND' 'Nguyễn Văn A'
check en/localities/an-binh/reports/2023-bao-cao/index.html 'Report for the first half of 2023' 'Chairman'
check dia-phuong/an-binh/mo-hinh/duong-hoa/index.html 'Đường hoa'
check about/index.html 'Giới thiệu'
check en/about/index.html '<h1>About</h1>'
grep -q 'Báo cáo 6 tháng đầu năm 2023' "$out"/tim-kiem/docs/*.json || fail "the report is not in the search index"
echo "ok"
