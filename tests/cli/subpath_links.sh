#!/usr/bin/env bash
# With base_url https://example.gov.vn/bao-cao/, every internal link and
# asset reference in every page starts with /bao-cao/.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
cp -r "$repo/tests/golden/subpath-base-url/site" "$tmp/site"; mkdir -p "$tmp/site/themes"; cp -r "$repo/themes/default" "$tmp/site/themes/"
"$bin" build --quiet --source "$tmp/site" || fail "build failed"
refs=$(grep -rhoE '(href|src)="[^"]*"' "$tmp/site/public" | sed -E 's/^(href|src)="(.*)"$/\2/' | sort -u)
[ -n "$refs" ] || fail "no links found"
bad=$(grep -vE '^(/bao-cao/|#|https?://|mailto:)' <<<"$refs" || true)
[ -z "$bad" ] || fail "internal links outside /bao-cao/: $bad"
abs=$(grep -E '^https?://example\.gov\.vn' <<<"$refs" | grep -v '^https://example.gov.vn/bao-cao/' || true)
[ -z "$abs" ] || fail "absolute links outside the sub-path: $abs"
echo "ok: $(wc -l <<<"$refs") distinct references checked"
