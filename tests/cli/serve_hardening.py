#!/usr/bin/env python3
"""minhbach serve against hostile and careless clients.

- It listens on 127.0.0.1 only, unless told otherwise.
- Paths that leave the output folder are refused however they are written:
  .., percent-encoded (%2e, %2f, %5c, double encoding, overlong UTF-8),
  backslashes, NUL, absolute paths and request targets, symlinks out of the
  folder, very long paths; the server keeps serving afterwards.
- Slow and malformed clients do not block the others: while live-reload
  streams (open tabs), clients that send their headers a byte at a time,
  clients that connect and send nothing, garbage, endless headers and
  unfinished bodies are connected, a normal request is answered within 2 s;
  idle connections are closed by the server; a huge request body is refused
  without being kept in memory; SIGTERM stops the server promptly even with
  those clients still connected.
- It raises its open-file soft limit, and 1,000 concurrent connections from a
  loopback load generator (many well-behaved, some that hang up half-way) are
  all answered, do not crash it, and leave no file descriptor behind.

usage: serve_hardening.py MINHBACH REPO"""
import http.client
import os
import pathlib
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

binary, repo = sys.argv[1], pathlib.Path(sys.argv[2])
problems = []
SECRET = "MINHBACH-TOP-SECRET-7c1e"
PROMPT = 2.0  # seconds a normal request may take while misbehaving clients are connected


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"), flush=True)
    if not ok:
        problems.append(name)
    return ok


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw(request, timeout=5.0):
    """Sends bytes, returns (status or None, whole answer) once the server closes or goes quiet."""
    chunks = []
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(request)
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except (socket.timeout, ConnectionError):
            pass
    answer = b"".join(chunks)
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None
    return status, answer


def get(path, timeout=PROMPT):
    """A normal request; (status, body, seconds), status None when it failed or took too long."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        return response.status, body, time.monotonic() - started
    except (OSError, http.client.HTTPException):
        return None, b"", time.monotonic() - started
    finally:
        conn.close()


def prompt(label, count=5):
    """Normal requests, one after another, each answered within PROMPT seconds."""
    results = [get("/") for _ in range(count)]
    slowest = max(seconds for _, _, seconds in results)
    return check(f"{label}: {count} normal requests each answered within {PROMPT:.0f} s",
                 all(status == 200 for status, _, _ in results) and slowest < PROMPT,
                 f"statuses {[status for status, _, _ in results]}, slowest {slowest:.2f} s")


def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def settled_fd_count(pid, target, seconds):
    """The descriptor count once it is back to `target`, or after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        count = fd_count(pid)
        if count <= target or time.monotonic() > deadline:
            return count
        time.sleep(0.1)


def rss_kb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def listening_addresses(pid, port):
    """Local addresses of the server's listening TCP sockets on `port`, from /proc."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ["tcp", "tcp6"]:
        for line in pathlib.Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            address, local_port = fields[1].split(":")
            if fields[3] == "0A" and int(local_port, 16) == port and fields[9] in inodes:
                if table == "tcp":
                    found.append(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
                else:
                    words = bytes.fromhex(address)
                    found.append(socket.inet_ntop(socket.AF_INET6, b"".join(words[i:i + 4][::-1] for i in range(0, 16, 4))))
    return found


class Misbehaving:
    """Clients that hold connections open in various bad ways, driven by one thread."""

    def __init__(self):
        self.sockets = []
        self.trickle = []  # (socket, bytes still to send a few at a time)
        self.answered = set()  # sockets the server sent something on
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def open(self, first=b"", then=b""):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.setblocking(False)
        if first:
            s.send(first)
        self.sockets.append(s)
        if then:
            self.trickle.append([s, then])
        return s

    def run(self):
        while not self.stop.wait(0.2):
            for item in self.trickle:
                s, rest = item
                if not rest:
                    continue
                step = 1 if len(rest) < 1000 else 16384
                try:
                    sent = s.send(rest[:step])
                    item[1] = rest[sent:]
                except (BlockingIOError, OSError):
                    pass

    def closed_by_server(self, s):
        """True once the server closed the connection (after an answer or not)."""
        try:
            while s.recv(65536):
                self.answered.add(s)
            return True
        except BlockingIOError:
            return False
        except OSError:
            return True

    def answered_or_closed(self, s):
        return self.closed_by_server(s) or s in self.answered

    def close(self):
        self.stop.set()
        for s in self.sockets:
            s.close()


def start(site, out, soft_limit=None):
    def limit():
        if soft_limit:
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft_limit, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))

    server = subprocess.Popen([binary, "serve", "--quiet", "--port", str(port), "--source", str(site), "--output", str(out)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=limit)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        if get("/")[0] == 200:
            break
        time.sleep(0.1)
    return server


def stop(server, seconds=5):
    """SIGTERM; (exit code or None if it did not stop within `seconds`, output)."""
    server.send_signal(signal.SIGTERM)
    try:
        output, _ = server.communicate(timeout=seconds)
        return server.returncode, output
    except subprocess.TimeoutExpired:
        server.kill()
        output, _ = server.communicate()
        return None, output


# The load generator and the server both need well over 1,000 descriptors.
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
CONNECTIONS = 1000 if hard >= 2200 else max(100, hard - 1200)

test_started = time.monotonic()
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    site = tmp / "site"
    shutil.copytree(repo / "tests/errors/base", site)
    shutil.copytree(repo / "themes/default", site / "themes/default")
    out = tmp / "out"
    (tmp / "secret.txt").write_text(SECRET + "\n")
    (tmp / "out-secret").mkdir()
    (tmp / "out-secret/index.html").write_text(SECRET + "\n")
    port = free_port()
    # Started with the usual soft limit of 1,024 open files.
    server = start(site, out, soft_limit=min(1024, hard))
    try:
        pid = server.pid
        check("the server starts", get("/")[0] == 200, server.stdout.read() if server.poll() is not None else "")

        # --- where it listens and how many files it may open
        addresses = listening_addresses(pid, port)
        check("it listens on 127.0.0.1 only by default", addresses == ["127.0.0.1"], str(addresses))
        ss = shutil.which("ss")
        if ss:
            lines = subprocess.run([ss, "-Hltn", f"sport = :{port}"], capture_output=True, text=True).stdout.split()
            backlog = int(lines[2]) if len(lines) > 2 and lines[2].isdigit() else 0
            check("its listen backlog is deeper than httplib's 5", backlog >= 128, str(lines))
        else:
            print("skip the listen backlog (no ss)")
        limits = pathlib.Path(f"/proc/{pid}/limits").read_text()
        line = next(l for l in limits.splitlines() if l.startswith("Max open files"))
        soft_now, hard_now = line.split()[3:5]
        check("it raises its open-file soft limit to the hard limit", soft_now == hard_now, line)

        # --- paths that leave the output folder
        (out / "leak").symlink_to(tmp)
        (out / "leak.txt").symlink_to(tmp / "secret.txt")
        (out / "inside").symlink_to("../out/index.html")  # resolves inside: allowed
        status, body, _ = get("/index.html")
        check("a plain file is served", status == 200 and SECRET.encode() not in body, str(status))
        status, body, _ = get("/inside")
        check("a symlink that stays inside the folder is served", status == 200, str(status))
        hostile = [
            "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt",
            "/%2e./secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/%2e%2e%2Fsecret.txt",
            "/x/..%2f..%2fsecret.txt", "/%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
            "/%25252e%25252e/secret.txt", "/..\\secret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt",
            "/..%255csecret.txt", "/%c0%ae%c0%ae/secret.txt", "/%c0%ae%c0%ae%c0%afsecret.txt",
            "/%e0%80%ae%e0%80%ae/secret.txt", "/..%00/secret.txt", "/%00/../secret.txt", "/index.html%00../../secret.txt",
            "/.%00./secret.txt", "//etc/passwd", "/%2fetc/passwd", "/%2Fetc%2Fpasswd", "/%2f%2fetc/passwd",
            "/../../../../../../../../etc/passwd", "/..;/secret.txt", "/../out-secret/index.html",
            "/../out-secret/", "/%2e%2e/out-secret/", "/leak/secret.txt", "/leak.txt", "/leak/out-secret/",
            "/leak/../secret.txt", "/./../secret.txt", "/." + "/.." * 50 + "/secret.txt",
            "/" + "../" * 2500 + "secret.txt", "/" + "%2e%2e/" * 1000 + "secret.txt",
        ]
        targets = [f"GET {path} HTTP/1.1\r\n" for path in hostile] + [
            "GET ../secret.txt HTTP/1.1\r\n", "GET secret.txt HTTP/1.1\r\n", "GET .. HTTP/1.1\r\n",
            f"GET http://127.0.0.1:{port}/../secret.txt HTTP/1.1\r\n", "GET /../secret.txt HTTP/1.0\r\n",
            "GET /..\x00/secret.txt HTTP/1.1\r\n", "GET /\\..\\secret.txt HTTP/1.1\r\n",
        ]
        leaked = []
        for target in targets:
            status, answer = raw((target + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").encode("latin-1"))
            if status is None or status == 200 or SECRET.encode() in answer or b"root:" in answer:
                leaked.append(f"{target.strip()[:60]!r} → {status}")
        check(f"{len(targets)} paths out of the output folder are refused (no 200, no secret)", not leaked,
              "; ".join(leaked))
        for length in [5000, 9000, 100000, 1000000]:
            status, answer = raw(("GET /" + "a" * length + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").encode())
            check(f"a {length}-byte path is refused", status in (None, 400, 404, 414), str(status))
        prompt("after the hostile paths")

        # --- slow and malformed clients
        misbehaving = Misbehaving()
        streams = [misbehaving.open(b"GET /__minhbach/events HTTP/1.1\r\nHost: x\r\n\r\n") for _ in range(12)]
        slow = [misbehaving.open(b"G", b"ET / HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"a" * 200 + b"\r\n\r\n")
                for _ in range(40)]
        idle = [misbehaving.open() for _ in range(40)]
        garbage = [misbehaving.open(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)))
                   for _ in range(10)]
        garbage += [misbehaving.open(b"HELLO\r\n\r\n"), misbehaving.open(b"GET\r\n\r\n"),
                    misbehaving.open(b"GET / HTTP/9.9\r\n\r\n"), misbehaving.open(b"\r\n" * 1000)]
        endless = [misbehaving.open(b"GET / HTTP/1.1\r\n", b"".join(b"X-%d: %s\r\n" % (i, b"b" * 90) for i in range(20000)))
                   for _ in range(5)]
        endless += [misbehaving.open(b"GET / HTTP/1.1\r\nX-Long: ", b"c" * 2000000) for _ in range(3)]
        stalled = [misbehaving.open(b"GET / HTTP/1.1\r\nHost: x\r\nX-Part") for _ in range(10)]
        unfinished = [misbehaving.open(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nabc")
                      for _ in range(10)]
        opened = time.monotonic()
        misbehaving.thread.start()

        def at(seconds):  # sleeps until `seconds` after the clients connected
            time.sleep(max(0.0, opened + seconds - time.monotonic()))

        at(1.0)
        held = len(misbehaving.sockets)
        prompt(f"with {held} slow, idle and malformed connections open")
        # A connection that sends nothing is closed after the keep-alive
        # timeout (2 s); a request stalled halfway is refused after the read
        # timeout (3 s: a 400, or a close when not even its first line came),
        # and the connection closed 2 s later. httplib's defaults are 5 s each.
        at(3.6)
        closed = sum(misbehaving.closed_by_server(s) for s in idle)
        check("connections that send nothing are closed by the server within 3.6 s", closed == len(idle),
              f"{closed} of {len(idle)} closed")
        at(4.6)
        done = sum(misbehaving.answered_or_closed(s) for s in stalled + garbage)
        check("requests stalled halfway or garbage are refused or closed within 4.6 s",
              done == len(stalled + garbage), f"{done} of {len(stalled + garbage)}")
        at(6.6)
        closed = sum(misbehaving.closed_by_server(s) for s in stalled + garbage)
        check("... and their connections closed within 6.6 s", closed == len(stalled + garbage),
              f"{closed} of {len(stalled + garbage)}")
        streaming = sum(not misbehaving.closed_by_server(s) for s in streams + slow)
        check("live-reload streams and clients still sending stay connected", streaming == len(streams + slow),
              f"{streaming} of {len(streams + slow)}")
        at(7.0)
        prompt(f"{held} such connections, 7 s later")

        # A huge body is refused, not read into memory: 300 MB of a body
        # announced as 1 GB, the server's memory sampled as they arrive.
        before = peak_rss = rss_kb(pid)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n")
            chunk = b"z" * 1048576
            sent = 0
            try:
                for i in range(300):
                    s.sendall(chunk)
                    sent += len(chunk)
                    if i % 10 == 0:
                        peak_rss = max(peak_rss, rss_kb(pid))
            except OSError:
                pass
            peak_rss = max(peak_rss, rss_kb(pid))
        grown = (peak_rss - before) // 1024
        check("a huge request body is not kept in memory", grown < 100,
              f"memory grew by {grown} MB while {sent >> 20} MB were sent")
        prompt("after the huge body")

        # Stopping with all those clients still connected.
        code, output = stop(server, seconds=6)
        check("SIGTERM stops the server within 6 s while such clients are connected", code == 0,
              f"exit {code}: {output[-300:]}")
        misbehaving.close()

        # --- 1,000 concurrent connections, the server started with a soft limit of 1,024 files
        server = start(site, out, soft_limit=min(1024, hard))
        pid = server.pid
        check("the server starts again", get("/")[0] == 200)
        time.sleep(0.5)
        baseline = fd_count(pid)
        results = [None] * CONNECTIONS
        lock = threading.Lock()
        connected = [0, 0]  # connections made, connections refused
        all_connected = threading.Event()
        go = threading.Event()  # all connected and mid-request until then

        def arrived(ok):
            with lock:
                connected[0 if ok else 1] += 1
                if sum(connected) == CONNECTIONS:
                    all_connected.set()

        def client(i):
            kind = ("normal", "normal", "normal", "normal", "keep-alive", "half request", "no read")[i % 7]
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=30)
            except OSError as e:
                results[i] = f"connect: {e}"
                arrived(False)
                return
            with s:
                try:
                    # The request starts at once and goes on, a header every half
                    # second, until all are connected: the server closes a connection
                    # silent for 3 s, and rightly so.
                    s.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n")
                    arrived(True)
                    while not go.wait(0.5):
                        s.sendall(b"X-Waiting: 1\r\n")
                except OSError as e:
                    results[i] = f"while waiting: {e!r}"
                    return
                try:
                    if kind == "half request":
                        s.sendall(b"X-Half: ")
                        results[i] = "ok"
                        return
                    header = b"Connection: close\r\n" if kind != "keep-alive" else b""
                    s.sendall(header + b"\r\n")
                    if kind == "no read":
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                        results[i] = "ok"
                        return
                    answer = b""
                    while b"</html>" not in answer:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        answer += chunk
                    results[i] = "ok" if answer.startswith(b"HTTP/1.1 200") and b"</html>" in answer else answer[:40]
                except OSError as e:
                    results[i] = f"{kind}: {e}"

        threads = [threading.Thread(target=client, args=(i,)) for i in range(CONNECTIONS)]
        for t in threads:
            t.start()
        all_connected.wait(60)
        check(f"{CONNECTIONS} connections are open at once", connected[0] == CONNECTIONS, str(connected))
        time.sleep(0.5)
        peak = fd_count(pid)
        during = get("/")
        check(f"a normal request is answered within {PROMPT:.0f} s while they are all open, mid-request",
              during[0] == 200 and during[2] < PROMPT, f"{during[0]} after {during[2]:.2f} s")
        go.set()
        for t in threads:
            t.join(60)
        failed = [r for r in results if r != "ok"]
        check(f"all {CONNECTIONS} clients are answered", not failed, f"{len(failed)} failed, e.g. {failed[:3]}")
        check("the server survives them", server.poll() is None and get("/")[0] == 200)
        after = settled_fd_count(pid, baseline, 15)
        check(f"no descriptor is left behind ({baseline} before, {peak} at the peak, {after} after)",
              after <= baseline and peak > baseline + CONNECTIONS // 2)
        code, output = stop(server)
        check("the server stops on SIGTERM", code == 0, f"exit {code}: {output[-300:]}")
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()

print(f"{len(problems)} problems in {time.monotonic() - test_started:.1f} s")
sys.exit(1 if problems else 0)
