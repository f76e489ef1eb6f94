#!/usr/bin/env python3
"""Turns a corpus made by shared/bench/gen_corpus.py into a site Minh Bạch
builds, without touching its content/: the generator writes a flat indicator
catalogue with "%" units and no definitions, and no fields or measures, so
this rewrites data/ in Minh Bạch's schema (docs/content.md) and copies the
default theme. Hugo reads the same content/ files.
Usage: prepare_corpus.py CORPUS_DIR REPO_DIR"""
import pathlib
import shutil
import sys

import yaml

corpus, repo = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
flat = yaml.safe_load((corpus / "data/indicators.yaml").read_text(encoding="utf-8"))
if "indicators" not in flat:  # not converted yet
    categories = sorted({v["category"] for v in flat.values()})
    out = {"categories": {c: {"name": {"vi": c, "en": c}} for c in categories}, "indicators": {}}
    for key, v in flat.items():
        percent = v["unit"]["vi"] == "%"
        out["indicators"][key] = {
            "name": v["name"],
            "unit": "percent" if percent else v["unit"],
            "category": v["category"],
            "better": v["better"],
            "definition": {"vi": v["name"]["vi"] + ".", "en": v["name"]["en"] + "."},
        }
    (corpus / "data/indicators.yaml").write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False), encoding="utf-8")
    fields = ["economy", "culture-society", "security-defence", "party-government", "urban"]
    (corpus / "data/fields.yaml").write_text("".join(f"{f}: {{vi: \"{f}\", en: \"{f}\"}}\n" for f in fields), encoding="utf-8")
    (corpus / "data/measures.yaml").write_text(
        "households_involved: {name: {vi: \"Số hộ tham gia\", en: \"Households involved\"}, unit: {vi: \"hộ\", en: \"households\"}}\n",
        encoding="utf-8")
theme = corpus / "themes/default"
if theme.exists():
    shutil.rmtree(theme)
shutil.copytree(repo / "themes/default", theme)
print(f"prepared {corpus}")
