#!/usr/bin/env python3
"""minhbach serve: start on a free loopback port, fetch a page, edit a file's
body and observe the quick path (the reload event names only the changed pages,
then the full build follows) and the changed page; break a file and observe the
overlay over the last good page while the server keeps serving; fix it and
observe recovery. Also: path traversal is refused, and the reload script is
only in served pages, never in `build` output."""
import http.client
import json
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

binary, repo = sys.argv[1], pathlib.Path(sys.argv[2])
problems = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))
    if not ok:
        problems.append(name)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def status():
    return json.loads(get("/__minhbach/status")[1])


def search_terms():
    """Every shard of the Vietnamese search index's terms, as one text."""
    manifest = json.loads(get("/tim-kiem/index.json")[1])
    return "".join(get(f"/tim-kiem/terms/{k}.json")[1] for k in range(len(manifest["shards"])))


def settle(after, seconds=30):
    """Waits until the preview is up to date with a change made after build number `after`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        s = status()
        if s["builds"] > after and s["settled"]:
            return s
        time.sleep(0.05)
    return status()


class Events:
    """Reads the server-sent events stream in the background: the reloads' messages."""

    def __init__(self):
        self.messages = []
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/__minhbach/events")
        self.response = conn.getresponse()
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        try:
            while True:
                line = self.response.readline()
                if not line:
                    return
                if line.startswith(b"data: reload"):
                    self.messages.append(line.decode("utf-8").split()[2:])
        except Exception:
            return

    def wait(self, count, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline and len(self.messages) < count:
            time.sleep(0.05)
        return len(self.messages) >= count

    def arrives(self, message, since, seconds=20):
        """Waits for `message` among those after the first `since`. The status
        can say settled before the stream's reader thread has read the event."""
        deadline = time.time() + seconds
        while time.time() < deadline and message not in self.messages[since:]:
            time.sleep(0.05)
        return message in self.messages[since:]


with tempfile.TemporaryDirectory() as tmp:
    site = pathlib.Path(tmp) / "site"
    shutil.copytree(repo / "tests/errors/base", site)
    shutil.copytree(repo / "themes/default", site / "themes/default")
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--source", str(site)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 30
        status_code = None
        while time.time() < deadline:
            try:
                status_code, page = get("/dia-phuong/an-binh/")
                break
            except OSError:
                time.sleep(0.1)
        check("the server starts and serves a page", status_code == 200, str(status_code))
        check("served pages carry the reload script", '<script src="/__minhbach/reload.js"></script>' in page)
        events = Events()
        time.sleep(0.3)

        locality = site / "content/localities/an-binh/_index.vi.md"
        good = locality.read_text(encoding="utf-8")
        g = status()["builds"]
        check("the search index lacks the word to come", '"truoc"' not in search_terms())
        locality.write_text(good.replace("Phường An Bình là phường thử nghiệm.", "Đã sửa trong lúc xem trước."),
                            encoding="utf-8")
        check("an edit sends a reload event", events.wait(1))
        # The English twin has its own body: its page does not change.
        check("a body edit reloads only its own page", events.messages[:1] == [["/dia-phuong/an-binh/"]],
              str(events.messages))
        status_code, page = get("/dia-phuong/an-binh/")
        check("the page shows the edit", "Đã sửa trong lúc xem trước." in page)
        state = settle(g)
        check("the full build follows the quick one", state["settled"] and not state["errors"], str(state))
        check("the search index follows the edit", '"truoc"' in search_terms())  # a word the site did not have

        g, seen = status()["builds"], len(events.messages)
        locality.write_text(good.replace("households: 4075", "households: nhiều"), encoding="utf-8")
        check("a broken file sends a reload event to every page",
              settle(g)["errors"] and events.arrives(["*"], seen), str(events.messages))
        status_code, page = get("/dia-phuong/an-binh/")
        check("the server still serves the last good page", status_code == 200 and "Đã sửa trong lúc xem trước." in page)
        check("the page shows the errors in an overlay",
              'id="minhbach-errors"' in page and "_index.vi.md:" in page and "&#39;households&#39; must be a number" in page,
              page[:300])

        g, seen = status()["builds"], len(events.messages)
        locality.write_text(good, encoding="utf-8")
        check("the fix sends a reload event", not settle(g)["errors"] and events.arrives(["*"], seen),
              str(events.messages))
        status_code, page = get("/dia-phuong/an-binh/")
        check("the overlay is gone once the file is fixed", 'id="minhbach-errors"' not in page)
        check("the page is back to the file's text", "Phường An Bình là phường thử nghiệm." in page)

        for bad in ["/../site.yaml", "/%2e%2e/site.yaml", "/dia-phuong/../../site.yaml", "//etc/passwd"]:
            status_code, body = get(bad)
            check(f"{bad} is refused", status_code == 404 and "households" not in body, str(status_code))
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    check("the server stops on SIGTERM", server.returncode == 0, f"exit {server.returncode}: {output[-500:]}")
    check("the terminal shows the diagnostics", "_index.vi.md:" in output and "must be a number" in output)
    check("the terminal shows the quick path", "rebuilt 2 pages " in output and "ms after the change" in output, output[-500:])

    out = pathlib.Path(tmp) / "public"
    subprocess.run([binary, "build", "--quiet", "--source", str(site), "--output", str(out)], check=True)
    leaked = [str(p) for p in out.rglob("*.html") if "__minhbach" in p.read_text(encoding="utf-8")]
    check("build output never carries the reload script", not leaked, ", ".join(leaked[:3]))

print(f"{len(problems)} problems")
sys.exit(1 if problems else 0)
