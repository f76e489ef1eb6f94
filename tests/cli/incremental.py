#!/usr/bin/env python3
"""Incremental rebuilds equal full builds. `minhbach serve` reuses pages whose
inputs did not change; after every step of seeded random edit sequences
(change a body or front matter, add, delete and rename content files, edit a
template), its output folder must be byte-identical to a full `build` of the
same files. When a step takes the quick path (a body edit: its pages first, the
full build a second later), the folder as the quick path left it may differ
from the final one only in the files that read every body: the search indexes
and the translation status pages. A failing step prints the seed and the edits
so far."""
import filecmp
import http.client
import json
import pathlib
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time

binary, repo = sys.argv[1], pathlib.Path(sys.argv[2])
SEEDS = [int(s) for s in sys.argv[3:]] or [1, 2, 3]
STEPS = 8


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_differences(a, b):
    out = []

    def walk(cmp, prefix=""):
        out.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        for name in cmp.common_files:
            if not filecmp.cmp(pathlib.Path(cmp.left) / name, pathlib.Path(cmp.right) / name, shallow=False):
                out.append(prefix + name)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(filecmp.dircmp(a, b))
    return out


def status(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/__minhbach/status")
    return json.loads(conn.getresponse().read())


# What a quick render leaves to the full build that follows it: the search
# indexes (every file under their folders) and the translation status pages.
READ_EVERY_BODY = {"trang-thai-dich/index.html", "en/translation-status/index.html"}
SEARCH_INDEXES = tuple(folder + name for folder in ("tim-kiem/", "en/search/") for name in ("index.json", "terms", "docs"))


def settle(port, after, preview, snapshot, seconds=60):
    """Waits until the preview is up to date with a change made after build
    number `after`. If a quick render comes first (built, not yet settled), the
    preview as it left it is copied to `snapshot`. Returns (settled, quick)."""
    deadline = time.time() + seconds
    quick = False
    while time.time() < deadline:
        s = status(port)
        if s["builds"] > after and s["settled"]:
            return True, quick
        if s["builds"] > after and not quick:
            shutil.copytree(preview, snapshot)
            quick = True
        time.sleep(0.02)
    return False, quick


def edits(site, rng):
    """Each returns a description, after changing the site so that it still builds."""
    reports = lambda: sorted((site / "content/localities/an-binh/reports").glob("*.vi.md"))
    pages = lambda: sorted((site / "content/pages").glob("*.vi.md"))

    def change_body():
        f = rng.choice(reports() + pages())
        f.write_text(f.read_text(encoding="utf-8") + f"\nĐoạn thêm {rng.randint(0, 999)}.\n", encoding="utf-8")
        return f"body of {f.name}"

    def change_title():
        f = rng.choice(pages())
        text = f.read_text(encoding="utf-8").replace("title: ", f"title: Mới {rng.randint(0, 99)} ", 1)
        f.write_text(text, encoding="utf-8")
        return f"title of {f.name}"

    def add_page():
        slug = f"trang-{rng.randint(0, 999)}"
        (site / f"content/pages/{slug}.vi.md").write_text(f"---\ntitle: Trang {slug}\nweight: 5\n---\n\nNội dung {slug}.\n", encoding="utf-8")
        (site / f"content/pages/{slug}.en.md").write_text(f"---\ntitle: Page {slug}\n---\n\nText of {slug}.\n", encoding="utf-8")
        return f"add {slug}"

    def delete_page():
        candidates = [p for p in pages() if p.name.startswith("trang-")]
        if not candidates:
            return add_page()
        f = rng.choice(candidates)
        f.unlink()
        f.with_name(f.name.replace(".vi.md", ".en.md")).unlink()
        return f"delete {f.name}"

    def rename_page():
        candidates = [p for p in pages() if p.name.startswith("trang-")]
        if not candidates:
            return add_page()
        f = rng.choice(candidates)
        new = f"trang-{rng.randint(1000, 1999)}"
        f.rename(f.with_name(new + ".vi.md"))
        f.with_name(f.name.replace(".vi.md", ".en.md")).rename(f.with_name(new + ".en.md"))
        return f"rename {f.name} → {new}"

    def edit_template():
        f = site / "themes/default/templates/partials/footer.mustache"
        f.write_text(f.read_text(encoding="utf-8").replace("</footer>", f"<!-- {rng.randint(0, 999)} --></footer>", 1), encoding="utf-8")
        return "template footer"

    def change_figure():
        f = rng.choice(reports())
        text = f.read_text(encoding="utf-8").replace("citizen_receptions: 7", "citizen_receptions: 8", 1)
        f.write_text(text.replace("Tiếp 07 lượt", "Tiếp 08 lượt"), encoding="utf-8")
        return f"figure in {f.name}"

    return [change_body, change_body, change_title, add_page, delete_page, rename_page, edit_template, change_figure]


failures = 0
quick_steps = 0
for seed in SEEDS:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        site = tmp / "site"
        shutil.copytree(repo / "tests/errors/base", site)
        shutil.copytree(repo / "themes/default", site / "themes/default")
        port = free_port()
        preview = tmp / "preview"
        server = subprocess.Popen([binary, "serve", "--quiet", "--port", str(port), "--source", str(site),
                                   "--output", str(preview)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        history = []
        try:
            deadline = time.time() + 30
            while time.time() < deadline:
                try:
                    status(port)
                    break
                except OSError:
                    time.sleep(0.1)
            time.sleep(0.3)
            actions = edits(site, rng)
            for step in range(1, STEPS + 1):
                before = status(port)["builds"]
                history.append(rng.choice(actions)())
                snapshot = tmp / f"quick-{step}"
                settled, quick = settle(port, before, preview, snapshot)
                if not settled:
                    print(f"FAIL seed {seed}: no rebuild after {history}")
                    failures += 1
                    break
                if quick:
                    quick_steps += 1
                    stale = {path for path in tree_differences(snapshot, preview)
                             if path not in READ_EVERY_BODY and not path.startswith(SEARCH_INDEXES)}
                    if stale:
                        print(f"FAIL seed {seed} step {step}: the quick path left {sorted(stale)[:5]} out of date; edits: {history}")
                        failures += 1
                        break
                    shutil.rmtree(snapshot)
                full = tmp / f"full-{step}"
                subprocess.run([binary, "build", "--quiet", "--source", str(site), "--output", str(full),
                                "--base-url", f"http://127.0.0.1:{port}/"], check=True)
                diff = tree_differences(preview, full)
                if diff:
                    print(f"FAIL seed {seed} step {step}: incremental output differs from a full build in {diff[:5]}; edits: {history}")
                    failures += 1
                    break
                shutil.rmtree(full)
            else:
                print(f"ok   seed {seed}: {STEPS} steps identical to full builds ({', '.join(history)})")
        finally:
            server.terminate()
            server.communicate(timeout=10)
print(f"{len(SEEDS) - failures} passed, {failures} failed; {quick_steps} steps took the quick path")
if not failures and not quick_steps:
    print("FAIL: no step took the quick path")
    failures = 1
sys.exit(1 if failures else 0)
