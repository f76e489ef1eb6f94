#!/usr/bin/env bash
# `minhbach new`: both language files, ready to build; never overwrites;
# an invalid slug is refused with the slug to use; a missing locality too.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
base_site "$tmp/site"
cd "$tmp/site" || exit 1

out=$("$bin" new locality hoa-binh) || fail "new locality exited $?"
[ -f content/localities/hoa-binh/_index.vi.md ] && [ -f content/localities/hoa-binh/_index.en.md ] || fail "locality files: $out"
"$bin" new report hoa-binh 2025-bao-cao --kind five-year-review --period 2021-2025 >/dev/null || fail "new report"
grep -q "period: {from: 2021-01-01, to: 2025-12-31}" content/localities/hoa-binh/reports/2025-bao-cao.vi.md || fail "report period"
grep -q "kind: five-year-review" content/localities/hoa-binh/reports/2025-bao-cao.vi.md || fail "report kind"
"$bin" new initiative hoa-binh duong-hoa >/dev/null || fail "new initiative"
[ -f content/localities/hoa-binh/initiatives/duong-hoa.en.md ] || fail "initiative files"

# What it made builds with no error and no stale translation.
"$bin" check >"$tmp/check" 2>&1 || fail "the scaffolds do not pass check: $(cat "$tmp/check")"
! grep -q "changed since this translation" "$tmp/check" || fail "scaffolded English twins are stale"

before=$(cat content/localities/hoa-binh/_index.vi.md)
err=$("$bin" new locality hoa-binh 2>&1); code=$?
[ $code -eq 1 ] || fail "overwrite: exit $code"
grep -q "already exists" <<<"$err" || fail "overwrite message: $err"
[ "$(cat content/localities/hoa-binh/_index.vi.md)" = "$before" ] || fail "a file was overwritten"

err=$("$bin" new locality "Hòa Bình 2" 2>&1); code=$?
[ $code -eq 1 ] || fail "invalid slug: exit $code"
[ "$err" = "minhbach: locality 'Hòa Bình 2' is not a valid slug
  hint: use lower-case ASCII letters, digits and hyphens, e.g. 'hoa-binh-2'" ] || fail "invalid slug message: $err"

err=$("$bin" new report hoa-bin x 2>&1); code=$?
[ $code -eq 1 ] || fail "missing locality: exit $code"
grep -q "hint: did you mean 'hoa-binh'?" <<<"$err" || fail "missing locality message: $err"

err=$("$bin" new report hoa-binh y --period 25 2>&1); code=$?
[ $code -eq 1 ] && grep -q "period must be a year" <<<"$err" || fail "bad period: $code $err"
echo "ok"
