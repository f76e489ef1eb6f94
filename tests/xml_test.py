#!/usr/bin/env python3
"""Every sitemap.xml and Atom feed parses as XML with the expected root and
namespaces: those of the golden sites' expected output, and those of the
bundled site built by the real binary."""
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
ROOTS = {"sitemap.xml": "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset",
         "atom.xml": "{http://www.w3.org/2005/Atom}feed"}
problems, checked = [], 0


def check_tree(folder):
    global checked
    for name, tag in ROOTS.items():
        for path in sorted(pathlib.Path(folder).rglob(name)):
            checked += 1
            try:
                doc = ET.parse(path).getroot()
            except ET.ParseError as e:
                problems.append(f"{path}: not XML: {e}")
                continue
            if doc.tag != tag:
                problems.append(f"{path}: root is {doc.tag}, expected {tag}")
            if name == "sitemap.xml":
                for url in doc:
                    alternates = url.findall("{http://www.w3.org/1999/xhtml}link")
                    if not alternates:
                        problems.append(f"{path}: {url[0].text} has no xhtml:link alternates")
            else:
                updated = [e.findtext("{http://www.w3.org/2005/Atom}updated") for e in doc.findall("{http://www.w3.org/2005/Atom}entry")]
                if updated != sorted(updated, reverse=True):
                    problems.append(f"{path}: entries are not newest first")


for expected in sorted((root / "tests" / "golden").glob("*/expected")):
    check_tree(expected)
with tempfile.TemporaryDirectory() as out:
    subprocess.run([binary, "build", "--quiet", "--source", str(root), "--output", out], check=True)
    check_tree(out)
for p in problems:
    print(p)
print(f"{checked} XML files checked, {len(problems)} problems")
sys.exit(1 if problems or checked == 0 else 0)
