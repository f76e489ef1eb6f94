#!/usr/bin/env python3
"""Serve-mode latency: from editing one report to its page written again.

Usage: bench/serve_latency.py MINHBACH CORPUS [RUNS]

Starts `minhbach serve` on a copy-free corpus (the report is edited in place
and restored afterwards), waits for the first build, then RUNS times appends
a sentence to one Vietnamese report and measures two times:

- from the write to the moment the page's HTML in the output folder contains
  the sentence, as seen from outside (polling every 2 ms);
- from the file event to the written page, as serve reports it ("rebuilt 1
  pages 12 ms after the change"): the watcher's quiet spell (30 ms, which
  gathers the files of one save) is part of both.

Between edits it waits for the preview to settle (the full build that follows
a quick render). Prints every time and the medians.
"""
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import json
import re


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    binary, corpus = sys.argv[1], os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    reports = sorted(
        os.path.join(d, f)
        for d, _, files in os.walk(os.path.join(corpus, "content", "localities"))
        for f in files
        if f.endswith(".vi.md") and os.sep + "reports" + os.sep in os.path.join(d, f)
    )
    report = reports[len(reports) // 2]
    rel = os.path.relpath(report, os.path.join(corpus, "content", "localities"))
    locality, _, name = rel.split(os.sep)
    out = tempfile.mkdtemp(prefix="mb-latency-")
    page = os.path.join(out, "site", "dia-phuong", locality, "bao-cao", name[: -len(".vi.md")], "index.html")
    original = open(report, "rb").read()
    port = free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--source", corpus, "--port", str(port), "--output", out + "/site"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    reported = []  # serve's own "N ms after the change", in order

    def read_output():
        for line in proc.stdout:
            m = re.search(r"rebuilt \d+ pages (\d+) ms after the change", line)
            if m:
                reported.append(int(m.group(1)))

    threading.Thread(target=read_output, daemon=True).start()

    def settled():
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/__minhbach/status", timeout=10) as r:
            return json.load(r)["settled"]

    times = []
    try:
        deadline = time.monotonic() + 600
        while not os.path.exists(page):
            if time.monotonic() > deadline or proc.poll() is not None:
                sys.exit("serve_latency: the first build did not produce " + page)
            time.sleep(0.05)
        while True:  # the server answers once the first build is written
            try:
                if settled():
                    break
            except OSError:
                pass
            time.sleep(0.1)
        for i in range(runs):
            marker = f"Câu thêm số {i} để đo."
            with open(report, "wb") as f:
                f.write(original + f"\n{marker}\n".encode())
            start = time.monotonic()
            while True:
                try:
                    if marker in open(page, encoding="utf-8").read():
                        break
                except FileNotFoundError:
                    pass
                if time.monotonic() - start > 120:
                    sys.exit("serve_latency: the page was not rewritten within 120 s")
                time.sleep(0.002)
            times.append(time.monotonic() - start)
            time.sleep(1.2)
            while not settled():
                time.sleep(0.1)
    finally:
        with open(report, "wb") as f:
            f.write(original)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(out, ignore_errors=True)
    print("edit to written page, seen from outside (ms):", " ".join(f"{t * 1000:.0f}" for t in times))
    print(f"median: {statistics.median(times) * 1000:.0f} ms")
    if reported:
        print("file event to written page, reported by serve (ms):", " ".join(map(str, reported)))
        print(f"median: {statistics.median(reported)} ms")
    else:
        print("serve reported no quick render: every edit took a full build")


if __name__ == "__main__":
    main()
