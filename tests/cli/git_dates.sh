#!/usr/bin/env bash
# Pages show the date of their file's last commit, and sitemap.xml carries it
# as lastmod; outside git the build still works and says so once. edit_url
# adds an "edit this page" link.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
base_site "$tmp/site"
cd "$tmp/site" || exit 1

out=$("$bin" build 2>&1) || fail "build outside git: $out"
[ "$(grep -c 'no git history' <<<"$out")" -eq 1 ] || fail "the missing history is not said exactly once: $out"
! grep -q 'page-updated' public/dia-phuong/an-binh/index.html || fail "a date shown without git"

git init -q . && git config user.email e@example.gov.vn && git config user.name Editor
GIT_AUTHOR_DATE=2024-03-05T10:00:00Z GIT_COMMITTER_DATE=2024-03-05T10:00:00Z git add -A && \
  GIT_AUTHOR_DATE=2024-03-05T10:00:00Z GIT_COMMITTER_DATE=2024-03-05T10:00:00Z git commit -qm first
echo "Thêm một câu." >> content/localities/an-binh/_index.vi.md
GIT_AUTHOR_DATE=2025-01-20T10:00:00Z GIT_COMMITTER_DATE=2025-01-20T10:00:00Z git commit -qam second

out=$("$bin" build 2>&1) || fail "build in git: $out"
! grep -q 'no git history' <<<"$out" || fail "says no history inside git"
grep -q '<time datetime="2025-01-20">ngày 20 tháng 1 năm 2025</time>' public/dia-phuong/an-binh/index.html || fail "locality date"
grep -q '<time datetime="2024-03-05">5 March 2024</time>' public/en/localities/an-binh/index.html || fail "English page date (its own file)"
grep -q '<time datetime="2024-03-05">' public/dia-phuong/an-binh/bao-cao/2023-bao-cao/index.html || fail "report date"
grep -A1 '<loc>https://example.gov.vn/dia-phuong/an-binh/</loc>' public/sitemap.xml | grep -q '<lastmod>2025-01-20</lastmod>' || fail "sitemap lastmod"
# edit_url in site.yaml adds an "edit this page" link to the page's source file.
echo 'edit_url: https://git.example.gov.vn/site/-/edit/main/' >> site.yaml
"$bin" build --quiet || fail "build with edit_url"
grep -q 'href="https://git.example.gov.vn/site/-/edit/main/content/localities/an-binh/_index.vi.md"' \
  public/dia-phuong/an-binh/index.html || fail "edit link"
grep -q 'href="https://git.example.gov.vn/site/-/edit/main/content/localities/an-binh/_index.en.md"' \
  public/en/localities/an-binh/index.html || fail "edit link of the English page"
echo "ok"
