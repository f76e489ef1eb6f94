#!/usr/bin/env bash
# Vietnamese written in NFD (decomposed: "ư" + U+0301 rather than "ứ"), as
# some editors and macOS tools save it, must give exactly the site the NFC
# text gives: titles, heading ids, slugs of cited documents, the search index,
# feeds and open data byte-for-byte. Every text file of the site is
# converted: content, data, site.yaml and the theme's strings and templates.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"

base_site "$tmp/nfc"
cat >"$tmp/nfc/content/pages/about.vi.md" <<'MD'
---
title: Giới thiệu về Phường An Bình
summary: "Thông tin: tiếp công dân, giải quyết đơn thư, cải cách hành chính"
weight: 1
---

## Kết quả đạt được

Ủy ban nhân dân phường tiếp 07 lượt công dân; mức độ hài lòng trên 98%.

### Những hạn chế, vướng mắc

Nguyễn Thị Hường, Trưởng ban Dân vận.
MD
python3 - "$tmp/nfc" "$tmp/nfd" <<'PY' || fail "could not write the NFD site"
import pathlib, shutil, sys, unicodedata
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
shutil.copytree(src, dst)
changed = set()
for p in dst.rglob("*"):
    if p.is_file() and p.suffix in (".md", ".yaml", ".mustache"):
        text = p.read_text("utf-8")
        nfd = unicodedata.normalize("NFD", text)
        if nfd != text:
            p.write_text(nfd, "utf-8")
            changed.add(p.relative_to(dst).as_posix())
for must in ("site.yaml", "data/indicators.yaml", "data/fields.yaml", "data/measures.yaml",
             "content/localities/an-binh/reports/2023-bao-cao.vi.md", "content/pages/about.vi.md",
             "themes/default/i18n/vi.yaml", "themes/default/i18n/en.yaml"):
    assert must in changed, must
assert any(c.endswith(".mustache") for c in changed), changed
PY
"$bin" build --quiet --source "$tmp/nfc" --output "$tmp/out-nfc" 2>"$tmp/err" || fail "NFC site: $(cat "$tmp/err")"
"$bin" build --quiet --source "$tmp/nfd" --output "$tmp/out-nfd" 2>"$tmp/err" || fail "NFD site: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "NFD site: unexpected diagnostics: $(cat "$tmp/err")"
diff -r "$tmp/out-nfc" "$tmp/out-nfd" >"$tmp/diff" || fail "NFD output differs from NFC: $(head -30 "$tmp/diff")"
grep -q 'id="ket-qua-dat-duoc"' "$tmp/out-nfd/about/index.html" || fail "heading id not folded from Vietnamese"
grep -q 'Giới thiệu về Phường An Bình' "$tmp"/out-nfd/tim-kiem/docs/*.json || fail "title not in the search index"
# And nothing decomposed anywhere in the output.
python3 - "$tmp/out-nfd" <<'PY' || fail "decomposed text in the output"
import pathlib, sys, unicodedata
bad = []
for p in pathlib.Path(sys.argv[1]).rglob("*"):
    if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv", ".txt", ".js", ".css"):
        text = p.read_text("utf-8")
        if unicodedata.normalize("NFC", text) != text:
            bad.append(str(p))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
echo "ok"
