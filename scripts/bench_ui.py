#!/usr/bin/env python3
"""UI benchmark: time to first render of an experiment's runs table in headless Chromium.

Builds stores of 1,000 and 10,000 runs with gen_store.py, serves each with `mlrun ui --port 0`, and
opens `#/exp/<id>` through chromedriver's WebDriver API (standard library only). It reports, as
medians over --repeat loads of a fresh page:
  * render   -- navigation start to the runs table in the DOM (the page stamps body[data-rendered-at])
  * search   -- the /api/runs/search request as the browser timed it (server + transfer)
  * first    -- the first page's rows (the UI asks for 100 runs a page, never all of them)
Run it with a release build:  cargo build --release && python3 scripts/bench_ui.py
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXP = "100000000000000001"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000"]


def wd(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())["value"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def build(path, runs):
    if not os.path.exists(os.path.join(path, EXP, "meta.yaml")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_store.py"), path, "--runs", str(runs)],
                       check=True)
    return path


def measure(mlrun, store, repeat, base, session):
    ui = subprocess.Popen([mlrun, "--tracking-uri", store, "-q", "ui", "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = ui.stdout.readline().strip()
        renders, searches, rows = [], [], 0
        for i in range(repeat + 1):
            # A new query string each time makes it a fresh document load, not a hash change.
            wd(base, "POST", f"/session/{session}/url", {"url": f"{url}?n={i}#/exp/{EXP}"})
            deadline = time.time() + 120
            while True:
                v = wd(base, "POST", f"/session/{session}/execute/sync", {"args": [], "script": """
                    if (!document.querySelector('#runs tbody tr') || !document.body.dataset.renderedAt) return null;
                    const nav = performance.getEntriesByType('navigation')[0];
                    const s = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/runs/search'));
                    return [Number(document.body.dataset.renderedAt) - performance.timeOrigin,
                            s.length ? s[s.length - 1].duration : null,
                            document.querySelectorAll('#runs tbody tr').length];"""})
                if v:
                    break
                if time.time() > deadline:
                    raise SystemExit("the runs table never rendered")
                time.sleep(0.01)
            if i == 0:
                continue  # one untimed load: warm page cache and browser
            renders.append(v[0])
            searches.append(v[1])
            rows = v[2]
        return statistics.median(renders), statistics.median(searches), rows
    finally:
        ui.kill()
        ui.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mlrun", default=os.path.join(ROOT, "target", "release", "mlrun"))
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "mlrun-bench-ui"))
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port)).close()
                break
            except OSError:
                time.sleep(0.05)
        profile = tempfile.mkdtemp()
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium", "args": ARGS + [f"--user-data-dir={profile}"]}}}}
        session = wd(base, "POST", "/session", caps)["sessionId"]
        print(f"{'runs':>7} {'render ms':>10} {'search ms':>10} {'rows':>5}")
        for size in map(int, a.sizes.split(",")):
            store = build(os.path.join(a.dir, f"runs-{size}"), size)
            render, search, rows = measure(a.mlrun, store, a.repeat, base, session)
            print(f"{size:>7} {render:>10.0f} {search:>10.0f} {rows:>5}")
        wd(base, "DELETE", f"/session/{session}")
    finally:
        driver.kill()
        driver.wait()


if __name__ == "__main__":
    main()
