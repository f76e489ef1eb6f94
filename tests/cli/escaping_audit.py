#!/usr/bin/env python3
"""Output escaping audit (issue 8): escaping_audit.py MINHBACH REPO

Builds a site whose every text field holds a family of XSS and CSV-formula
payloads: front matter of every page kind in both languages, Markdown bodies,
data/*.yaml, site.yaml and the theme's UI strings. Then every output file is
parsed by its format and checked:

- HTML (html.parser): no <script> but the theme's own (src under /js/) and
  JSON-LD blocks, which must parse as JSON and hold no '<'; no on* attribute;
  no javascript:, vbscript: or data: URL; exactly the elements (with their
  attribute names) and comments that a build of the same site without
  payloads has, file by file; and values intact as text or attribute values.
- XML (Atom feeds, sitemap): parses; exactly the clean build's elements and
  attributes; no type="html" text constructs; values intact as text.
- JSON (search indexes, open data, Data Package): parses; values intact as
  strings; the clean build's structure (but for a search index's postings);
  search result URLs are paths of the site.
- CSV: every cell starting with = + - @ tab or CR is a plain number, or was
  neutralised with a leading apostrophe; values intact after that apostrophe.
- CSS, JS, robots.txt: no content reaches them.
Any other kind of output file fails the audit, so a new format gets audited.

Each value is "<lead><label> <payloads>" with a unique label (qa001…): a
value must show up intact somewhere (unless no page shows it by design), and
wherever its label shows, the payloads after it must be exactly as written,
so a value escaped twice, left unescaped or cut is found by its label.
"""
import csv
import html.parser
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml
from collections import Counter

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='x",
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "]]>",
    "-->",
    "<!--",
    "&amp; &#x3C;b&#x3E;",
    "{{t.home}} {{{body}}}",
]
PAY = " ".join(PAYLOADS)
# Values that open a CSV cell: spreadsheets run them as formulas.
FORMULAS = ['=HYPERLINK("https://evil.example/","x")', "+1", "-1+2", "@SUM(1)", "=1+1", "-2-1"]
# (and a note that is exactly "-1-1": it looks like a number but Excel computes it)

VALUES = {}  # label -> the exact text written in a source file
UNSHOWN = set()  # labels of values no page shows (still audited wherever they appear)


LABELS = (f"qa{n:03d}" for n in range(1, 1000))


def fresh(lead="", shown=True):
    label = next(LABELS)
    VALUES[label] = f"{lead}{label} {PAY}"
    if not shown:
        UNSHOWN.add(label)
    return VALUES[label]


def q(text):
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def loc(lead_vi="", lead_en="", shown=True):
    return "{vi: %s, en: %s}" % (q(fresh(lead_vi, shown)), q(fresh(lead_en, shown)))


def body(kind):
    """Markdown with payloads as text, in code, in link titles and as raw HTML
    (removed with a warning). Labels in code spans must come out intact."""
    code = fresh()
    cell = fresh()
    VALUES.pop(cell.split()[0])  # Markdown text: checked by the shape comparison only
    return f"""
## Mục {kind} \\<script>alert(1)\\</script> " ' --> ]]> &lt;b&gt;

Đoạn có mã `{code}`, chữ \\<img src=x onerror=alert(1)> đã thoát, và HTML thô
<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a> bị gỡ.

[liên kết](https://example.gov.vn/?q=%22%3E%3Cscript%3E "tiêu đề \\" onmouseover=\\"alert(1)")
và ![ảnh "><img src=x onerror=alert(1)>](https://example.gov.vn/a.png "' onmouseover='x").

| Cột "><b>x</b> | `</script>` |
|---|---|
| ]]> --> {cell} | <!-- |

Chú thích[^1].

[^1]: Chú thích "><script>alert(1)</script> javascript:alert(1).

```
</script><script>alert(1)</script> ]]> -->
```
"""


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def hostile_site(root, repo):
    shutil.copytree(repo / "tests/errors/base", root)
    shutil.copytree(repo / "themes/default", root / "themes/default")
    write(root, "site.yaml", f"""title: {loc()}
description: {loc(shown=False)}
publisher: {loc()}
base_url: https://example.gov.vn/
languages: [vi, en]
theme: default
edit_url: https://example.gov.vn/sua/
""")
    write(root, "data/indicators.yaml", f"""breakdowns:
  service-field:
    name: {loc()}
    items:
      justice: {loc()}
      land: {loc()}
categories:
  citizen-reception:
    name: {loc()}
  satisfaction:
    name: {loc()}
indicators:
  citizen_receptions:
    name: {loc()}
    unit: {loc(FORMULAS[1] + " ")}
    category: citizen-reception
    better: none
    definition: {loc()}
    per_capita: true
  satisfaction_rate:
    name: {loc()}
    unit: percent
    category: satisfaction
    better: higher
    definition: {loc()}
    breakdown: service-field
""")
    write(root, "data/fields.yaml", f"urban: {loc()}\n")
    write(root, "data/measures.yaml", f"length_m: {{name: {loc()}, unit: {loc()}}}\n")
    write(root, "data/documents.yaml", f"""types:
  CT: {loc()}
  KH: {loc()}
issuers:
  TTg: {{name: {loc()}, national: true}}
  UBND: {{name: {loc(shown=False)}}}
documents:
  "33/CT-TTg":
    date: 2021-11-26
    title: {loc()}
  "12/KH-UBND@an-binh":
    issuer: {loc()}
    title: {loc()}
""")
    write(root, "content/_index.vi.md", f"""---
title: {q(fresh())}
summary: {q(fresh())}
---
{body("home")}""")
    write(root, "content/_index.en.md", f"""---
title: {q(fresh())}
summary: {q(fresh())}
---
{body("home-en")}""")
    write(root, "content/localities/an-binh/_index.vi.md", f"""---
title: {q(fresh(FORMULAS[0] + " "))}
summary: {q(fresh())}
kind: ward
province: {q(fresh())}
district: {q(fresh())}
code: {q(fresh())}
merged_from: [{q(fresh())}, {q(fresh())}]
population: {{value: 14000, note: {q(fresh())}}}
households: 4075
area_km2: {{value: 0.84, note: {q(fresh())}}}
website: "https://example.gov.vn/?q=%3Cscript%3E&x=javascript:alert(1)"
facts:
  length_m: {{value: 12, note: {q(fresh())}}}
---
{body("locality")}""")
    write(root, "content/localities/an-binh/_index.en.md", f"""---
title: {q(fresh(FORMULAS[2] + " "))}
summary: {q(fresh())}
province: {q(fresh())}
district: {q(fresh())}
notes:
  population: {q(fresh())}
  length_m: {q(fresh())}
---
{body("locality-en")}""")
    attachment = "\"><img src=x onerror=alert(1)> ' onmouseover='x.pdf"
    write(root, f"content/localities/an-binh/files/{attachment}", "%PDF-1.4\n")
    write(root, "content/localities/an-binh/reports/2023-bao-cao.vi.md", f"""---
title: {q(fresh())}
summary: {q(fresh())}
kind: semiannual
period: {{from: 2023-01-01, to: 2023-06-30}}
number: {q(fresh())}
date: 2023-07-05
place: {q(fresh())}
issuer: {q(fresh())}
recipient: {q(fresh())}
signer: {{name: {q(fresh())}, title: {q(fresh())}}}
distribution: [{q(fresh())}, {q(fresh())}]
directives: [33/CT-TTg, 12/KH-UBND]
indicators:
  citizen_receptions: {{value: 7, note: {q(fresh(FORMULAS[3] + " "))}}}
  satisfaction_rate: {{value: 98, note: trên, breakdown: {{justice: 90, land: 95}}}}
initiatives: [duong-hoa]
attachments: [{q(attachment)}]
---
{body("report")}
Theo 33/CT-TTg và 12/KH-UBND, xem [mô hình](../initiatives/duong-hoa.md).
""")
    write(root, "content/localities/an-binh/reports/2023-bao-cao.en.md", f"""---
title: {q(fresh())}
summary: {q(fresh())}
issuer: {q(fresh())}
recipient: {q(fresh())}
signer: {{title: {q(fresh())}}}
distribution: [{q(fresh())}, {q(fresh())}]
notes:
  citizen_receptions: {q(fresh(FORMULAS[4] + " "))}
translation_of: {q(fresh(shown=False))}
---
{body("report-en")}""")
    write(root, "content/localities/an-binh/reports/2024-bao-cao.vi.md", f"""---
title: {q(fresh())}
kind: semiannual
period: {{from: 2024-01-01, to: 2024-06-30}}
number: ""
date: 2024-07
issuer: {q(fresh())}
signer: {{name: {q(fresh())}, title: {q(fresh())}}}
indicators:
  citizen_receptions: {{value: 9, note: {q(fresh(FORMULAS[5] + " "))}}}
  satisfaction_rate: {{value: 97, note: "-1-1"}}
---
""")
    write(root, "content/localities/an-binh/initiatives/duong-hoa.vi.md", f"""---
title: {q(fresh())}
summary: {q(fresh())}
field: urban
year: 2023
status: registered
results:
  length_m: {{value: 200, note: {q(fresh())}}}
---
{body("initiative")}""")
    write(root, "content/localities/an-binh/initiatives/duong-hoa.en.md", f"""---
title: {q(fresh())}
summary: {q(fresh())}
notes:
  length_m: {q(fresh())}
---
{body("initiative-en")}""")
    write(root, "content/pages/about.vi.md", f"""---
title: {q(fresh())}
summary: {q(fresh())}
weight: 1
---
{body("page")}""")
    write(root, "content/pages/about.en.md", f"""---
title: {q(fresh())}
summary: {q(fresh())}
---
{body("page-en")}""")
    # Every UI string and English qualifier of the theme carries payloads too.
    for lang in ("vi", "en"):
        path = root / f"themes/default/i18n/{lang}.yaml"
        table = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        lines = ["paths:"] + [f"  {k}: {v}" for k, v in table["paths"].items()]
        if "qualifiers" in table:
            # Only "trên" is used by the site's figures.
            lines += ["qualifiers:"] + [f"  {q(k)}: {q(fresh(v + ' ', k == 'trên'))}"
                                        for k, v in table["qualifiers"].items()]
        lines += ["strings:"] + [f"  {k}: {q(fresh(v + ' '))}" for k, v in table["strings"].items()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return attachment


def clean_site(root, repo):
    """The same site with every payload replaced by plain words: the tags and
    attributes its output has are the ones a correct build may have."""
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".md", ".yaml"):
            text = path.read_text(encoding="utf-8")
            for p in PAYLOADS:
                text = text.replace(q(p)[1:-1], "chữ").replace(p, "chữ")
            for f in FORMULAS:
                text = text.replace(q(f)[1:-1], "số")
            # Markdown's deliberate raw HTML and escapes become words.
            text = re.sub(r"<[^>\n]*>", "thẻ", text)
            path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- checks

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data", "background", "srcset"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def squeezed(url):
    """As a browser reads a scheme: controls and spaces dropped, any case."""
    return "".join(ch for ch in url if ord(ch) > 0x20).lower()


LABEL = re.compile(r"qa\d{3}")


def check_intact(path, text, problems):
    """Wherever a value's label shows, its payloads follow unaltered: text
    escaped once, never twice, never unescaped, never cut."""
    for m in LABEL.finditer(text):
        # A label in Markdown text (not in code) has its payloads read as
        # Markdown: raw HTML removed, entities decoded. Those are not values.
        if m.group() in VALUES and not text.startswith(" " + PAY, m.end()):
            problems.append(f"{path}: value {m.group()} altered: {text[m.start():m.start() + 90]!r}")


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shape, self.texts, self.attr_values = Counter(), [], []
        self.scripts, self.problems, self.comments = [], [], 0
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        self.shape[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        a = dict(attrs)
        for name, val in attrs:
            val = val or ""
            self.attr_values.append(val)
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={val!r} on <{tag}>")
            if name in URL_ATTRS and squeezed(val).startswith(BAD_SCHEMES):
                self.problems.append(f"{name}={val!r} on <{tag}>")
        if tag == "script":
            if a.get("type") == "application/ld+json" and len(attrs) == 1:
                self.in_script = "json"
            elif re.fullmatch(r"/js/[a-z-]+\.js", a.get("src") or "") and set(a) <= {"src", "defer"}:
                self.in_script = "theme"
            else:
                self.problems.append(f"<script {attrs}>")
                self.in_script = "bad"
            self.scripts.append([self.in_script, ""])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.in_script = None

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1][1] += data
        else:
            self.texts.append(data)

    def handle_comment(self, data):
        self.comments += 1


def shape_diff(path, mine, clean, problems):
    """Elements (with their attribute names) that one build has more of."""
    for key in sorted(set(mine) | set(clean), key=repr):
        if mine[key] != clean[key]:
            problems.append(f"{path}: {mine[key]} × {key} where the clean build has {clean[key]}")


def check_html(path, text, clean, problems, found):
    page = Page()
    page.feed(text)
    page.close()
    for p in page.problems:
        problems.append(f"{path}: {p}")
    for kind, content in page.scripts:
        if kind == "theme" and content.strip():
            problems.append(f"{path}: inline code in a theme script")
        if kind == "json":
            if "<" in content:
                problems.append(f"{path}: '<' inside a JSON-LD block (</script> could end it)")
            try:
                strings = []
                collect_strings(json.loads(content), found, strings)
                for text in strings:
                    check_intact(path, text, problems)
            except ValueError as e:
                problems.append(f"{path}: JSON-LD does not parse: {e}")
    if clean is None:
        problems.append(f"{path}: not made by the clean build")
        return
    # The same site without payloads: any element, attribute or comment more
    # or less is markup that came out of a value.
    shape_diff(path, page.shape, clean.shape, problems)
    if page.comments != clean.comments:
        problems.append(f"{path}: {page.comments} comments where the clean build has {clean.comments}")
    # Text is split where inline elements start; runs of whitespace vary.
    flat = re.sub(r"\s+", " ", "".join(page.texts))
    for text in [flat] + page.attr_values:
        check_intact(path, text, problems)
    for label, v in VALUES.items():
        if v in flat or any(v in a for a in page.attr_values):
            found.add(label)


def collect_strings(obj, found, out=None):
    """Marks the values found in the strings of a JSON value; `out` gets
    every string that is not a key (keys of a search index are words)."""
    if isinstance(obj, str):
        for label, v in VALUES.items():
            if v in obj:
                found.add(label)
        if out is not None:
            out.append(obj)
    elif isinstance(obj, list):
        for x in obj:
            collect_strings(x, found, out)
    elif isinstance(obj, dict):
        for x in obj.values():
            collect_strings(x, found, out)


def xml_shape(root):
    return Counter((el.tag, tuple(sorted(el.attrib))) for el in root.iter())


def check_xml(path, data, clean, problems, found):
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        problems.append(f"{path}: XML does not parse: {e}")
        return
    if clean is None:
        problems.append(f"{path}: not made by the clean build")
    else:
        shape_diff(path, xml_shape(root), clean, problems)
    for el in root.iter():
        if el.get("type") in ("html", "xhtml"):
            problems.append(f"{path}: {el.tag} of type {el.get('type')}: feed readers would run its markup")
        for text in [el.text or ""] + list(el.attrib.values()):
            collect_strings(text, found)
            check_intact(path, text, problems)


def json_shape(obj):
    """The structure with every string blanked: keys and lengths must match."""
    if isinstance(obj, dict):
        return {k if not LABEL.search(k) else "": json_shape(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [json_shape(x) for x in obj]
    return "" if isinstance(obj, str) else obj


SITE_PATH = re.compile(r"/[A-Za-z0-9/_.~%-]*")


def check_json(path, data, clean, problems, found):
    try:
        obj = json.loads(data)
    except ValueError as e:
        problems.append(f"{path}: JSON does not parse: {e}")
        return
    strings = []
    collect_strings(obj, found, strings)
    for text in strings:
        check_intact(path, text, problems)
    # A search index's files depend on the words; other JSON must have the
    # clean build's structure exactly.
    part = SEARCH_FILE.search(path.as_posix())
    if not part and (clean is None or json_shape(obj) != json_shape(clean)):
        problems.append(f"{path}: JSON structure differs from the clean build")
    if part and part.group(1) == "docs/":  # a search index's results: [title, url, kind, locality, period]
        for doc in obj:
            if not SITE_PATH.fullmatch(doc[1]):
                problems.append(f"{path}: search result URL {doc[1]!r} is not a path of the site")


# The search index's manifest, shards of terms and files of results.
SEARCH_FILE = re.compile(r"(?:^|/)(?:tim-kiem|search)/(index\.json$|terms/|docs/)")


NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def csv_rows(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def check_csv(path, data, clean, problems, found):
    if not data.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path}: no byte-order mark (Excel would not read it as UTF-8)")
    rows = csv_rows(data)
    if clean is None or [len(r) for r in rows] != [len(r) for r in clean]:
        problems.append(f"{path}: rows or columns differ from the clean build")
    for r, row in enumerate(rows):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not NUMBER.fullmatch(cell):
                problems.append(f"{path}:{r + 1}: cell {cell[:50]!r} would run as a formula")
            text = cell[1:] if cell.startswith("'") else cell
            check_intact(f"{path}:{r + 1}", text, problems)
            for label, v in VALUES.items():
                if text == v or (v in text and label in text):
                    found.add(label)


def build(binary, site, out):
    r = subprocess.run([binary, "build", "--quiet", "--source", str(site), "--output", str(out)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: building {site} exited {r.returncode}:\n{r.stderr}")
    return r.stderr


def main():
    binary, repo = sys.argv[1], pathlib.Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        attachment = hostile_site(tmp / "site", repo)
        shutil.copytree(tmp / "site", tmp / "clean")
        clean_site(tmp / "clean", repo)
        (tmp / "clean/content/localities/an-binh/files" / attachment).rename(
            tmp / "clean/content/localities/an-binh/files/goc.pdf")
        text = (tmp / "clean/content/localities/an-binh/reports/2023-bao-cao.vi.md").read_text(encoding="utf-8")
        text = re.sub(r"attachments: \[.*\]", "attachments: [goc.pdf]", text)
        (tmp / "clean/content/localities/an-binh/reports/2023-bao-cao.vi.md").write_text(text, encoding="utf-8")

        warnings = build(binary, tmp / "site", tmp / "out")
        build(binary, tmp / "clean", tmp / "out-clean")
        if "raw HTML is not allowed" not in warnings:
            sys.exit("FAIL: the raw HTML in the bodies was not reported")

        # The clean build, file by file: what a correct build makes of the same site.
        clean = {}
        for path in (tmp / "out-clean").rglob("*"):
            rel = path.relative_to(tmp / "out-clean")
            if path.suffix == ".html":
                page = Page()
                page.feed(path.read_text(encoding="utf-8"))
                clean[rel] = page
            elif path.suffix == ".xml":
                clean[rel] = xml_shape(ET.fromstring(path.read_bytes()))
            elif path.suffix == ".json":
                clean[rel] = json.loads(path.read_text(encoding="utf-8"))
            elif path.suffix == ".csv":
                clean[rel] = csv_rows(path.read_bytes())

        problems, found = [], set()
        counts = {}
        out = tmp / "out"
        for path in sorted(out.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(out)
            data = path.read_bytes()
            kind = path.suffix
            if rel.parts[0] == "files":
                kind = "attachment"  # copied byte for byte
            elif kind in (".html", ".xml", ".json", ".csv", ".css", ".js", ".txt"):
                text = data.decode("utf-8")
            else:
                problems.append(f"{rel}: an output file of a kind this audit does not know")
                continue
            counts[kind] = counts.get(kind, 0) + 1
            if kind == ".html":
                check_html(rel, text, clean.get(rel), problems, found)
            elif kind == ".xml":
                check_xml(rel, data, clean.get(rel), problems, found)
            elif kind == ".json":
                check_json(rel, text, clean.get(rel), problems, found)
            elif kind == ".csv":
                check_csv(rel, data, clean.get(rel), problems, found)
            elif kind in (".css", ".js", ".txt"):
                if LABEL.search(text) or "alert(1)" in text:
                    problems.append(f"{rel}: content reached a {kind} file")
        if counts.get("attachment") != 1:
            problems.append(f"the attachment was not published once: {counts.get('attachment')}")

        missing = sorted(set(VALUES) - found - UNSHOWN)
        for label in missing:
            problems.append(f"value {label} never appears intact in any output: {VALUES[label][:70]!r}")
        if os.environ.get("AUDIT_KEEP"):  # to look at the sites and outputs afterwards
            shutil.copytree(tmp, os.environ["AUDIT_KEEP"], dirs_exist_ok=True)
        for p in problems:
            print(p)
        summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        print(f"{summary} files audited; {len(VALUES)} values, {len(found & set(VALUES))} found intact "
              f"({len(UNSHOWN)} shown nowhere by design); {len(problems)} problems")
        if problems or not counts.get(".html") or not counts.get(".csv"):
            sys.exit(1)
        print("ok")


main()
