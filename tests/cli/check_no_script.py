#!/usr/bin/env python3
"""Parses every HTML file under a folder and fails if any holds a <script>
element (other than a JSON-LD data block with no '<' inside, or the theme's
own script files under js/, loaded by src with nothing inline), an
event-handler attribute (on*), or a javascript:/vbscript:/data: URL in an
attribute. Text that merely reads like markup, once escaped, is harmless and
passes: this checks the parsed document, not the bytes."""
import html.parser
import pathlib
import re
import sys

BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


class Checker(html.parser.HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path, self.problems, self.in_data_block, self.in_theme_script = path, [], False, False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            a = dict(attrs)
            if a.get("type") == "application/ld+json" and len(attrs) == 1:
                self.in_data_block = True
            elif re.fullmatch(r"(/[a-z0-9/-]*)?/js/[a-z-]+\.js", a.get("src") or "") and set(a) <= {"src", "defer"}:
                self.in_theme_script = True
            else:
                self.problems.append(f"{self.path}: <script> element")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"{self.path}: event handler {name}={value!r} on <{tag}>")
            cleaned = "".join(ch for ch in (value or "") if ch > " ").lower()
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and cleaned.startswith(BAD_SCHEMES):
                self.problems.append(f"{self.path}: {name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_data_block = self.in_theme_script = False

    def handle_data(self, data):
        if self.in_data_block and "<" in data:
            self.problems.append(f"{self.path}: '<' inside a JSON-LD block")
        if self.in_theme_script and data.strip():
            self.problems.append(f"{self.path}: inline code in a theme <script src>")


problems, files = [], 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.html")):
    files += 1
    checker = Checker(path)
    checker.feed(path.read_text(encoding="utf-8"))
    problems += checker.problems
for p in problems:
    print(p)
print(f"{files} HTML files checked, {len(problems)} problems")
sys.exit(1 if problems or files == 0 else 0)
