#!/usr/bin/env python3
"""A killed build never damages public/.

The bundled site is built once; then, again and again, the content is changed
(so that the new output differs) and a rebuild is killed with SIGKILL after a
seeded random delay spread over a build's duration, as measured first and then
kept up to date from the builds that finish before their kill. After every kill
public/ must be exactly what it was before the rebuild started: the same
paths, the same bytes, the same inodes and modification times (nothing was
rewritten in place) -- or, when the kill came after the swap, exactly the new
output. Where each kill landed is read from what it left beside public/ (no
staging folder yet, a staging folder with some of the files, all of them, or
a swapped output). Half the kill points are drawn over the whole build, half
over its write phase: from the moment the first file appears in the staging
folder (watched for, so that a machine slowed by other work moves the kill
with the build), a random part of the write phase's measured length. At
least MIN_WHILE_WRITING kills must land while files are being written.

Then: a build after all those kills succeeds, public/ is the new output and
no staging or retired folder remains beside it; leftovers of a build killed
right after the swap are cleared by the next build; and two builds of
different sites started together into the same public/ both succeed and
leave exactly one of the two outputs.

usage: crash_publish.py MINHBACH REPO [SEED]"""
import hashlib
import os
import pathlib
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

binary, repo = sys.argv[1], pathlib.Path(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261123
rng = random.Random(seed)
# At least MIN_ITERATIONS kills, 20 unless they took LOOP_SECONDS (a slow,
# sanitized binary), and more, up to MAX_ITERATIONS, until MIN_WHILE_WRITING
# of them landed while files were being written.
MIN_ITERATIONS, MAX_ITERATIONS, MIN_WHILE_WRITING, LOOP_SECONDS = 15, 40, 10, 30
problems = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"), flush=True)
    if not ok:
        problems.append(name)
    return ok


def snapshot(root):
    """path → (kind, bytes hash, inode, mtime) for everything under root, links not followed."""
    tree = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            if os.path.islink(path):
                tree[rel] = ("link", os.readlink(path), st.st_ino, st.st_mtime_ns)
            elif os.path.isdir(path):
                tree[rel] = ("dir", None, st.st_ino, None)
            else:
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
                tree[rel] = ("file", digest, st.st_ino, st.st_mtime_ns)
    return tree


def contents(tree):
    """The part of a snapshot that two builds of the same site share: paths, kinds and bytes."""
    return {rel: entry[:2] for rel, entry in tree.items()}


def differences(a, b, limit=5):
    keys = sorted(set(a) | set(b))
    out = [f"{k}: {'missing' if k not in b else 'extra' if k not in a else 'differs'}" for k in keys if a.get(k) != b.get(k)]
    return f"{len(out)} paths: " + ", ".join(out[:limit])


def leftovers(parent, name="public"):
    return sorted(p.name for p in parent.iterdir()
                  if p.name.startswith(f".{name}.staging-") or p.name.startswith(f".{name}.retired-"))


def no_leftovers_within(parent, seconds=30, name="public"):
    """The previous output is deleted by a detached `rm -rf`: wait for it, with a deadline."""
    deadline = time.monotonic() + seconds
    while leftovers(parent, name) and time.monotonic() < deadline:
        time.sleep(0.05)
    return leftovers(parent, name)


def make_site(path, title_suffix=""):
    path.mkdir(parents=True)
    for name in ["site.yaml", "content", "data", "themes", "static", "templates"]:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, path / name)
        elif source.is_file():
            shutil.copy2(source, path / name)
    if title_suffix:
        set_title(path, title_suffix)
    return path


def set_title(site, suffix):
    """Changes the site's title, which every page shows: every page is rewritten."""
    config = site / "site.yaml"
    lines = config.read_text(encoding="utf-8").split("\n")
    at = lines.index("title:") + 1
    assert lines[at].startswith("  vi: ")
    lines[at] = "  vi: " + lines[at][len("  vi: "):].split(" · ")[0] + " · " + suffix
    config.write_text("\n".join(lines), encoding="utf-8")


def set_version(site, version):
    """A new version of the content: the title on even versions (all pages
    change), one free page's text on odd ones (a few files change, the others
    are hard-linked from the previous output)."""
    if version % 2 == 0:
        set_title(site, f"bản {version}")
    else:
        page = site / "content/pages/gioi-thieu.vi.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\nLần sửa {version}.\n", encoding="utf-8")


def build(site, output=None, check_rc=True):
    command = [binary, "build", "--quiet", "--source", str(site)] + (["--output", str(output)] if output else [])
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check_rc and result.returncode != 0:
        sys.exit(f"FAIL build of {site} exited {result.returncode}: {result.stdout[-2000:]}")
    return result


test_started = time.monotonic()
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    site = make_site(tmp / "site")
    public = site / "public"
    reference = tmp / "reference"  # the same version built elsewhere, to compare a swapped output with

    def reference_tree():
        shutil.rmtree(reference, ignore_errors=True)
        build(site, reference)
        return contents(snapshot(reference))

    # Timing: full rewrites (a new title), from the process start to the
    # first file in the staging folder and to the exit.
    version = 0
    firsts, ends = [], []
    for _ in range(3):
        version += 2
        set_title(site, f"bản {version}")
        started = time.monotonic()
        process = subprocess.Popen([binary, "build", "--quiet", "--source", str(site)], stdout=subprocess.DEVNULL)
        staging, first = site / f".public.staging-{process.pid}", None
        while process.poll() is None:
            if first is None and staging.is_dir() and any(files for _, _, files in os.walk(staging)):
                first = time.monotonic() - started
            time.sleep(0.002)
        ends.append(time.monotonic() - started)
        firsts.append(first if first is not None else 0.0)
        check("a timed build succeeds", process.returncode == 0, f"exit {process.returncode}")
    duration, first_file = statistics.median(ends), statistics.median(firsts)
    total_files = sum(1 for e in snapshot(public).values() if e[0] == "file")
    print(f"a build takes {duration * 1000:.0f} ms, its first file is written at {first_file * 1000:.0f} ms, "
          f"it writes {total_files} files; seed {seed}", flush=True)
    check("the first builds leave no staging or retired folder", not no_leftovers_within(site), leftovers(site))

    good = snapshot(public)
    landed = {"before the staging folder (start, clearing leftovers)": 0, "before the first file": 0, "while writing": 0,
              "all written, not swapped": 0, "after the swap": 0, "finished": 0}
    iteration = 0
    loop_started = time.monotonic()

    def more():
        if iteration >= MAX_ITERATIONS:
            return False
        if iteration < MIN_ITERATIONS or landed["while writing"] < MIN_WHILE_WRITING:
            return True
        return iteration < 20 and time.monotonic() - loop_started < LOOP_SECONDS

    # A build's length, by kind of version: a new title rewrites every file,
    # a one-page edit hard-links most of them and ends sooner. Both start from
    # the timed builds and follow the builds that finish before their kill, so
    # the kill points keep up with the machine's speed (another test may load
    # it at first and not later).
    lengths = {0: list(ends), 1: list(ends)}

    while more():
        iteration += 1
        version += 1
        set_version(site, version)
        length = statistics.median(lengths[version % 2][-3:])
        first = length * first_file / duration  # the first file comes at the same share of a build
        # Half the kill points anywhere in the build, counted from its start;
        # half in its write phase, counted from its first file.
        in_write_phase = rng.random() >= 0.5
        delay = rng.uniform(0, length - first) if in_write_phase else rng.uniform(0, length)
        started = time.monotonic()
        process = subprocess.Popen([binary, "build", "--quiet", "--source", str(site)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        staging = site / f".public.staging-{process.pid}"
        counting_from = None if in_write_phase else started
        while process.poll() is None:
            moment = time.monotonic()
            if counting_from is None and staging.is_dir() and any(files for _, _, files in os.walk(staging)):
                counting_from = moment
            if counting_from is not None and moment - counting_from >= delay:
                break
            time.sleep(0.002)
        finished = process.poll() is not None
        at = time.monotonic() - started  # when it was killed, from its start
        if finished:
            lengths[version % 2].append(time.monotonic() - started)
        if not finished:
            process.send_signal(signal.SIGKILL)
        code = process.wait()
        if not check(f"#{iteration}: the build {'finished' if finished else 'was killed'}",
                     code == 0 if finished else code in (0, -signal.SIGKILL), f"exit {code}"):
            continue
        now = snapshot(public) if public.is_dir() else None
        if now is None:
            check(f"#{iteration}: public/ exists after a kill at {at * 1000:.0f} ms", False, "public/ is gone")
            break
        if now == good:
            if finished:
                where = None  # a finished build must have swapped its output in: failed below
            elif not staging.exists():
                where = "before the staging folder (start, clearing leftovers)"
            else:
                written = sum(len(files) for _, _, files in os.walk(staging))
                where = ("before the first file" if written == 0 else
                         "while writing" if written < total_files else "all written, not swapped")
            if where:
                landed[where] += 1
                print(f"ok   #{iteration}: killed at {at * 1000:.0f} ms {where}; public/ is exactly "
                      f"the previous output", flush=True)
                continue
        # The new output was swapped in: it must be exactly the new version, complete.
        expected = reference_tree()
        where = "finished" if finished else "after the swap"
        if check(f"#{iteration}: public/ is exactly the previous or the new output "
                 f"({'finished' if finished else 'killed'} at {at * 1000:.0f} ms)", contents(now) == expected,
                 f"against the previous: {differences(contents(good), contents(now))}; "
                 f"against the new: {differences(expected, contents(now))}"):
            landed[where] += 1
        good = now
    print("kill points: " + ", ".join(f"{n} {where}" for where, n in landed.items()) + f" ({iteration} builds)",
          flush=True)
    check(f"at least {MIN_WHILE_WRITING} kills landed while the files were being written",
          landed["while writing"] >= MIN_WHILE_WRITING, str(landed["while writing"]))

    print(f"({time.monotonic() - test_started:.1f} s so far)", flush=True)

    # After all those kills, a normal build succeeds and cleans up.
    result = build(site, check_rc=False)
    check("a build after the kills succeeds", result.returncode == 0, result.stdout[-1000:])
    expected, now = reference_tree(), contents(snapshot(public))
    check("public/ is then the new output", now == expected, differences(expected, now))
    left = no_leftovers_within(site)
    check("no staging or retired folder remains beside public/", not left, ", ".join(left))

    # A kill right after the swap (between renameat2(RENAME_EXCHANGE) and the
    # rename of the old output to its retired name) is a window of two system
    # calls, too narrow to aim a signal at. Its outcome is known, though:
    # public/ is already the complete new output (the exchange is atomic) and
    # the old output sits in the staging folder's name, or, one call later,
    # the retired one; the next build must clear both. That state is made here
    # by hand, with the pid of a process that has exited.
    dead = subprocess.Popen(["true"])
    dead.wait()
    for tag in ["staging", "retired"]:
        shutil.copytree(public, site / f".public.{tag}-{dead.pid}", symlinks=True)
    before = contents(snapshot(public))
    result = build(site, check_rc=False)
    check("a build after a kill right after the swap succeeds", result.returncode == 0, result.stdout[-1000:])
    now = contents(snapshot(public))
    check("... and public/ is the complete output", now == before, differences(before, now))
    left = no_leftovers_within(site)
    check("... and clears the old output left in the staging and retired folders", not left, ", ".join(left))

    print(f"({time.monotonic() - test_started:.1f} s so far)", flush=True)

    # Two builds of different sites started together into one output folder,
    # which exists (both exchange) or does not (both rename). Two races are
    # only hit here by chance, their windows being microseconds wide (widen
    # them with strace's syscall delay injection to see them): commit() checks
    # that the output exists and then renames the staging folder onto it, so
    # the second of two first builds can fail with "Directory not empty"; and
    # add() compares a page with the output's copy and then hard-links that
    # path, which the other build may have swapped in the meantime, so one
    # build's output can hold the other's page.
    site_a = make_site(tmp / "site-a", "A")
    site_b = make_site(tmp / "site-b", "B")
    references = [subprocess.Popen([binary, "build", "--quiet", "--source", str(s), "--output", str(tmp / name)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                  for s, name in [(site_a, "ref-a"), (site_b, "ref-b")]]
    if any(r.wait() != 0 for r in references):
        sys.exit("FAIL the reference builds of sites A and B")
    tree_a, tree_b = contents(snapshot(tmp / "ref-a")), contents(snapshot(tmp / "ref-b"))
    assert tree_a != tree_b
    shared_parent = tmp / "shared"
    shared_parent.mkdir()
    shared = shared_parent / "public"
    # Missing first, then existing; one round fewer on a slow (sanitized) binary.
    rounds = [False, True, True] if duration < 1.5 else [False, True]
    for round_, exists in enumerate(rounds):
        if exists and not shared.exists():
            build(site_a if round_ % 2 else site_b, shared)
        elif not exists:
            shutil.rmtree(shared, ignore_errors=True)
        runs = [subprocess.Popen([binary, "build", "--quiet", "--source", str(s), "--output", str(shared)],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                for s in (site_a, site_b)]
        outputs = [(r.communicate()[0], r.returncode) for r in runs]
        state = "an existing" if exists else "a missing"
        check(f"concurrent #{round_ + 1}: both builds into {state} output folder succeed",
              all(code == 0 for _, code in outputs),
              "; ".join(f"exit {code}: {text.strip()[-300:]}" for text, code in outputs))
        now = contents(snapshot(shared)) if shared.is_dir() else {}
        check(f"concurrent #{round_ + 1}: the output is exactly one of the two sites", now in (tree_a, tree_b),
              f"against A: {differences(tree_a, now)}; against B: {differences(tree_b, now)}")
        left = no_leftovers_within(shared_parent)
        check(f"concurrent #{round_ + 1}: no staging or retired folder remains", not left, ", ".join(left))

print(f"{len(problems)} problems in {time.monotonic() - test_started:.1f} s")
sys.exit(1 if problems else 0)
