#!/usr/bin/env python3
"""Integrity of the bundled content (issue: the five seed localities).

- Every indicator value in a report's front matter appears in that report's
  Vietnamese body, written the Vietnamese way (679 → "679", 71.5 → "71,5",
  14000 → "14.000" or "14000", 7 → "7" or "07").
- Every initiative a report lists exists, and every initiative link in a
  body points at an existing initiative file.
- Every page exists in both languages, and every English body is complete:
  at least half the length of the Vietnamese body, with the same number of
  headings.
- All text is NFC.
"""
import pathlib
import re
import sys
import unicodedata

import yaml

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
content = root / "content"
problems = []


def split(path):
    text = path.read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", text) != text:
        problems.append(f"{path}: not NFC")
    parts = text.split("---\n", 2)
    return yaml.safe_load(parts[1]) or {}, parts[2]


def vietnamese_forms(value):
    """The ways a Vietnamese report writes the number."""
    if float(value).is_integer():
        n = int(value)
        grouped = f"{n:,}".replace(",", ".")
        return {str(n), grouped, f"{n:02d}", f"{n:03d}"}
    text = repr(float(value)).rstrip("0").replace(".", ",")
    forms = {text}
    whole, frac = text.split(",")
    forms.add(f"{int(whole):,}".replace(",", ".") + "," + frac)
    forms.add(text + "0")  # "7,20" for 7.2
    return forms


def appears(body, value):
    for form in vietnamese_forms(value):
        if re.search(r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)", body):
            return True
    return False


def headings(body):
    return len(re.findall(r"^#{1,6} ", body, flags=re.M))


checked = 0
for vi in sorted(content.rglob("*.vi.md")):
    en = vi.with_name(vi.name[: -len(".vi.md")] + ".en.md")
    if not en.exists():
        problems.append(f"{vi}: no English twin")
        continue
    fm_vi, body_vi = split(vi)
    fm_en, body_en = split(en)
    body_vi, body_en = body_vi.strip(), body_en.strip()
    if len(body_en) < len(body_vi) / 2:
        problems.append(f"{en}: English body has {len(body_en)} characters, under half of the Vietnamese {len(body_vi)}")
    if headings(body_vi) != headings(body_en):
        problems.append(f"{en}: {headings(body_en)} headings, the Vietnamese has {headings(body_vi)}")
    checked += 1
    if vi.parent.name != "reports":
        continue
    for key, value in (fm_vi.get("indicators") or {}).items():
        figures = [(key, value)]
        if isinstance(value, dict):
            figures = [(key, value["value"])] if "value" in value else []
            figures += [(f"{key}.{item}", v) for item, v in (value.get("breakdown") or {}).items()]
        for name, number in figures:
            if not appears(body_vi, number):
                problems.append(f"{vi}: indicator {name} = {number} does not appear in the body "
                                f"(looked for {sorted(vietnamese_forms(number))})")
    initiatives = vi.parent.parent / "initiatives"
    for slug in fm_vi.get("initiatives") or []:
        if not (initiatives / f"{slug}.vi.md").exists():
            problems.append(f"{vi}: initiative {slug} does not exist")
    for body, path in ((body_vi, vi), (body_en, en)):
        for target in re.findall(r"\]\(\.\./initiatives/([a-z0-9-]+)\.md\)", body):
            if not (initiatives / f"{target}.vi.md").exists():
                problems.append(f"{path}: links to missing initiative {target}")

for en in sorted(content.rglob("*.en.md")):
    if not en.with_name(en.name[: -len(".en.md")] + ".vi.md").exists():
        problems.append(f"{en}: no Vietnamese source")

for p in problems:
    print(p)
print(f"{checked} pages checked, {len(problems)} problems")
sys.exit(1 if problems or checked == 0 else 0)
