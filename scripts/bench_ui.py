#!/usr/bin/env python3
"""UI benchmark: MLflow's web UI against mlrun's, on the same experiment, in one headless Chromium.

Builds a store of --runs runs with gen_store.py (every tenth run has two 1,000-step metrics), migrates
it into SQLite with MLflow's own `mlflow migrate-filestore`, and serves:

  * mlflow   -- `mlflow server --backend-store-uri sqlite:///…` (MLflow's UI on the migrated database)
  * mlrun-db -- `mlrun ui` on that same SQLite database
  * mlrun    -- `mlrun ui` on the folder

For each it opens the experiment through chromedriver's WebDriver API (standard library only) and
reports, as medians over --repeat fresh page loads (one untimed load first):

  * table -- navigation start to the first runs-table rows in the DOM
  * chart -- navigation start to the first metric chart drawn in the experiment's chart view

and for mlrun, `chart50`: navigation start to a chart of 50 runs x 1,000 steps drawn (the runs named
run-…0, which carry the long histories). Times come from the page's own clock (performance.now(),
whose origin is the navigation start), read when the element first appears: a page watches itself
with requestAnimationFrame, so the figures do not include WebDriver's polling.

    cargo build --release && target/mlflow-server-venv/bin/python scripts/bench_ui.py
"""
import argparse
import json
import os
import shutil
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
LONG_RUNS = "attributes.run_name LIKE 'run-%0'"

# What "drawn" means on each UI: a CSS test run in the page until it holds.
MLFLOW_TABLE = "document.querySelectorAll('.ag-center-cols-container .ag-row').length > 0"
MLFLOW_CHART = "document.querySelectorAll('.js-plotly-plot .scatterlayer .trace').length > 0"
MLRUN_TABLE = "document.body.dataset.firstTable"
MLRUN_CHART = "document.body.dataset.firstChart"


def wd(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read())["value"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_http(url, proc, limit=300):
    deadline = time.time() + limit
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{url}: the server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{url} never answered")


def build(workdir, runs, mlflow):
    """The folder store and its SQLite twin made by MLflow's migrate-filestore, both kept for reuse."""
    base = os.path.join(workdir, f"runs-{runs}")
    folder = os.path.join(base, "mlruns")
    db = os.path.join(base, "mlflow.db")
    if not os.path.exists(os.path.join(folder, EXP, "meta.yaml")):
        shutil.rmtree(base, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_store.py"), folder, "--runs", str(runs)],
                       check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists(db):
        print(f"migrating {runs} runs into SQLite with mlflow migrate-filestore…", file=sys.stderr)
        subprocess.run([mlflow, "migrate-filestore", "--source", base, "--target", f"sqlite:///{db}.tmp",
                        "--no-progress"], check=True, stdout=subprocess.DEVNULL)
        os.rename(db + ".tmp", db)
    return folder, db


def page_time(base, session, url, ready, limit_s=300):
    """Loads url afresh and returns performance.now() at the first frame where `ready` holds."""
    wd(base, "POST", f"/session/{session}/url", {"url": url})
    script = f"""
        const done = arguments[arguments.length - 1];
        const limit = performance.now() + {limit_s * 1000};
        (function look() {{
            let ok = false;
            try {{ ok = !!({ready}); }} catch (e) {{}}
            if (ok) return done(performance.now());
            if (performance.now() > limit) return done(null);
            requestAnimationFrame(look);
        }})();"""
    v = wd(base, "POST", f"/session/{session}/execute/async", {"args": [], "script": script})
    if v is None:
        raise SystemExit(f"{url}: never drawn ({ready})")
    return v


def stamped(base, session, key):
    """The performance.now() mlrun's page stamped on body[data-key] the moment it drew."""
    return wd(base, "POST", f"/session/{session}/execute/sync",
              {"args": [], "script": f"return Number(document.body.dataset.{key});"})


def median_of(repeat, measure):
    times = []
    for i in range(repeat + 1):
        t = measure(i)
        if i:  # the first load warms the browser's and the server's caches
            times.append(t)
    return statistics.median(times)


def mlflow_ui(a, base, session, db):
    port = free_port()
    env = dict(os.environ, MLFLOW_SERVER_ENABLE_JOB_EXECUTION="false")
    srv = subprocess.Popen([a.mlflow, "server", "--backend-store-uri", f"sqlite:///{db}", "--port", str(port)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_http(url + "/health", srv)
        table = median_of(a.repeat, lambda i: page_time(
            base, session, f"{url}/?n={i}#/experiments/{EXP}/runs?compareRunsMode=TABLE", MLFLOW_TABLE))
        chart = median_of(a.repeat, lambda i: page_time(
            base, session, f"{url}/?c={i}#/experiments/{EXP}/runs?compareRunsMode=CHART", MLFLOW_CHART))
        return table, chart, None
    finally:
        srv.kill()
        srv.wait()


def mlrun_ui(a, base, session, store):
    ui = subprocess.Popen([a.mlrun, "--tracking-uri", store, "-q", "ui", "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = ui.stdout.readline().strip().rstrip("/")

        def table(i):
            page_time(base, session, f"{url}/?n={i}#/exp/{EXP}", MLRUN_TABLE)
            return stamped(base, session, "firstTable")

        def chart(q):
            def go(i):
                page_time(base, session, f"{url}/?c={i}#/exp/{EXP}?{q}", MLRUN_CHART)
                return stamped(base, session, "firstChart")
            return go

        t = median_of(a.repeat, table)
        c = median_of(a.repeat, chart("view=chart"))
        long_filter = urllib.request.quote(LONG_RUNS)
        c50 = median_of(a.repeat, chart(f"view=chart&filter={long_filter}&size=50&charts=m0"))
        return t, c, c50
    finally:
        ui.kill()
        ui.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mlrun", default=os.path.join(ROOT, "target", "release", "mlrun"))
    ap.add_argument("--mlflow", default=os.path.join(os.path.dirname(sys.executable), "mlflow"))
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "mlrun-bench-ui"))
    ap.add_argument("--runs", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    folder, db = build(a.dir, a.runs, a.mlflow)
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
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "timeouts": {"script": 600_000},
                                                 "goog:chromeOptions": {
            "binary": "/usr/bin/chromium", "args": ARGS + [f"--user-data-dir={profile}"]}}}}
        session = wd(base, "POST", "/session", caps)["sessionId"]
        rows = {
            "mlflow": mlflow_ui(a, base, session, db),
            "mlrun-db": mlrun_ui(a, base, session, f"sqlite:///{db}"),
            "mlrun": mlrun_ui(a, base, session, folder),
        }
        wd(base, "DELETE", f"/session/{session}")
    finally:
        driver.kill()
        driver.wait()
    mt, mc, _ = rows["mlflow"]
    print(f"{a.runs} runs, medians of {a.repeat} fresh loads (ms from navigation start)")
    print(f"{'ui':<9} {'table':>8} {'x':>6} {'chart':>8} {'x':>6} {'chart 50x1000':>14}")
    for name, (t, c, c50) in rows.items():
        tail = "" if c50 is None else f"{c50:>14.0f}"
        print(f"{name:<9} {t:>8.0f} {mt / t:>6.1f} {c:>8.0f} {mc / c:>6.1f} {tail}")


if __name__ == "__main__":
    main()
