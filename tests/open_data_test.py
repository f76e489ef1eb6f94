#!/usr/bin/env python3
"""Builds the bundled site and checks /data/indicators.csv against the reports'
front matter: the same values, the same count, nothing else. Also checks the
BOM, the per-indicator CSVs, indicators.json and datapackage.json agree."""
import csv
import io
import json
import pathlib
import subprocess
import sys
import tempfile

import yaml

binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
problems = []

expected = {}
for path in sorted((root / "content" / "localities").glob("*/reports/*.vi.md")):
    fm = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    locality, report = path.parts[-3], path.name[: -len(".vi.md")]
    for indicator, value in (fm.get("indicators") or {}).items():
        if not isinstance(value, dict):
            value = {"value": value}
        if "value" in value:
            expected[(locality, report, indicator, "")] = (float(value["value"]), value.get("note", ""))
        for item, v in (value.get("breakdown") or {}).items():
            expected[(locality, report, indicator, item)] = (float(v), "")

with tempfile.TemporaryDirectory() as out:
    subprocess.run([binary, "build", "--quiet", "--source", str(root), "--output", out], check=True)
    data = pathlib.Path(out) / "data"
    raw = (data / "indicators.csv").read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("indicators.csv has no UTF-8 byte-order mark")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    seen = {}
    for row in rows:
        key = (row["locality"], row["report"], row["indicator"], row["breakdown"])
        if key in seen:
            problems.append(f"duplicate row {key}")
        seen[key] = (float(row["value"]), row["note"])
        if not row["source_url"].endswith(f"/{row['locality']}/bao-cao/{row['report']}/"):
            problems.append(f"{key}: source_url {row['source_url']} is not the report page")
    for key in sorted(set(expected) | set(seen)):
        if key not in seen:
            problems.append(f"missing from the CSV: {key} = {expected[key]}")
        elif key not in expected:
            problems.append(f"in the CSV but in no report: {key} = {seen[key]}")
        elif abs(seen[key][0] - expected[key][0]) > 1e-9 or seen[key][1] != expected[key][1]:
            problems.append(f"{key}: CSV has {seen[key]}, the report {expected[key]}")

    per_indicator = 0
    for path in sorted(data.glob("*.csv")):
        if path.name == "indicators.csv":
            continue
        per_indicator += len(list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))))
    if per_indicator != len(rows):
        problems.append(f"per-indicator CSVs hold {per_indicator} rows, indicators.csv {len(rows)}")
    values = json.loads((data / "indicators.json").read_text(encoding="utf-8"))["values"]
    if len(values) != len(rows):
        problems.append(f"indicators.json holds {len(values)} values, indicators.csv {len(rows)}")
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if not (data / resource["path"]).exists():
            problems.append(f"datapackage.json lists {resource['path']}, which does not exist")

for p in problems:
    print(p)
print(f"{len(expected)} figures in front matter, {len(rows)} CSV rows, {len(problems)} problems")
sys.exit(1 if problems or not rows else 0)
