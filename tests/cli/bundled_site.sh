#!/usr/bin/env bash
# The bundled site builds with no error and no warning, with a page for every
# locality, report and initiative in both languages, none marked untranslated.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
"$bin" build --quiet --source "$repo" --output "$tmp/public" >"$tmp/out" 2>"$tmp/err" || fail "build failed: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "diagnostics on the bundled site: $(cat "$tmp/err")"
out="$tmp/public"
for f in index.html en/index.html dia-phuong/index.html en/localities/index.html css/main.css; do
  [ -s "$out/$f" ] || fail "missing $f"
done
count=0
for dir in "$repo"/content/localities/*/; do
  loc=$(basename "$dir")
  [ -s "$out/dia-phuong/$loc/index.html" ] && [ -s "$out/en/localities/$loc/index.html" ] || fail "locality $loc"
  for f in "$dir"reports/*.vi.md; do
    [ -e "$f" ] || continue
    r=$(basename "$f" .vi.md)
    [ -s "$out/dia-phuong/$loc/bao-cao/$r/index.html" ] && [ -s "$out/en/localities/$loc/reports/$r/index.html" ] || fail "report $loc/$r"
    count=$((count + 1))
  done
  for f in "$dir"initiatives/*.vi.md; do
    [ -e "$f" ] || continue
    i=$(basename "$f" .vi.md)
    [ -s "$out/dia-phuong/$loc/mo-hinh/$i/index.html" ] && [ -s "$out/en/localities/$loc/initiatives/$i/index.html" ] || fail "initiative $loc/$i"
    count=$((count + 1))
  done
done
[ $count -gt 0 ] || fail "no reports or initiatives found"
for f in "$repo"/content/pages/*.vi.md; do
  p=$(basename "$f" .vi.md)
  [ -s "$out/$p/index.html" ] && [ -s "$out/en/$p/index.html" ] || fail "page $p"
  count=$((count + 1))
done
! grep -rl 'class="notice untranslated"' "$out" || fail "pages marked as not translated"
grep -q '<html lang="en">' "$out/en/index.html" || fail "English home is not lang=en"
echo "ok: $count reports, initiatives and pages in both languages"
