#!/usr/bin/env python3
"""Builds the bundled site and checks every chart: it parses as XML, has a
<title> and <desc>, and has as many bars or points as the data table that
follows it has rows."""
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
SVG = "{http://www.w3.org/2000/svg}"
problems, charts = [], 0

with tempfile.TemporaryDirectory() as out:
    subprocess.run([binary, "build", "--quiet", "--source", str(root), "--output", out], check=True)
    for page in sorted(pathlib.Path(out).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r"(<svg\b.*?</svg>)(.*?)</table>", html, flags=re.S):
            charts += 1
            where = f"{page.relative_to(out)} chart {charts}"
            try:
                svg = ET.fromstring(m.group(1))
            except ET.ParseError as e:
                problems.append(f"{where}: not valid XML: {e}")
                continue
            if svg.find(SVG + "title") is None or svg.find(SVG + "desc") is None:
                problems.append(f"{where}: no <title> or <desc>")
            marks = [e for e in svg.iter() if e.get("class") in ("bar", "point")]
            body = re.search(r"<tbody>(.*)", m.group(2), flags=re.S)
            rows = len(re.findall(r"<tr>", body.group(1))) if body else -1
            if len(marks) != rows or rows <= 0:
                problems.append(f"{where}: {len(marks)} bars or points, {rows} table rows")
for p in problems:
    print(p)
print(f"{charts} charts checked, {len(problems)} problems")
sys.exit(1 if problems or charts == 0 else 0)
