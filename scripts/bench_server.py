#!/usr/bin/env python3
"""Server benchmark: `mlflow server` and `mlrun server` over the same kind of SQLite database (or, with
`--postgres`, two copies of one database on the same PostgreSQL server), in one run, driven by the same plain-HTTP client (MLflow's REST API, so neither side pays for the other's
client):

  * first answer  -- time from starting the process to the first `GET /health` answered 200
  * memory        -- resident memory of the server's processes when idle, and after the load
  * log-metric/s  -- `runs/log-metric` requests per second from 1 and from 8 client threads
  * batch points/s -- `runs/log-batch` of 1,000 metrics per request, one client
  * search        -- a filtered, ordered `runs/search` over `--runs` runs (10,000; the database built
                     once with gen_store.py and `mlrun migrate`, then copied for each server)

Run it with the Python of a venv holding MLflow (`cargo test` makes one):

    cargo build --release && target/mlflow-server-venv/bin/python scripts/bench_server.py
    target/mlflow-server-venv/bin/python scripts/bench_server.py --postgres postgresql://mlflow@127.0.0.1:5432/

With `--postgres URI` (a server URI; its databases `mlrun_bench_mlflow` and `mlrun_bench_mlrun` are
dropped and made again) both servers run on the same PostgreSQL, each on its own copy of the data.
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FILTER = "metrics.m1 > 0.5 and params.p1 = '0.2'"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    """Resident memory of a process and its children, in MiB."""
    total = 0
    pids = [pid]
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    pids += [int(p) for p in out.split()]
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        try:
            self.conn.request(method, path, body=data, headers={"Content-Type": "application/json"})
            r = self.conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # A server may close a keep-alive connection that sat idle (uvicorn after 5 s).
            self.conn.close()
            self.conn.request(method, path, body=data, headers={"Content-Type": "application/json"})
            r = self.conn.getresponse()
        payload = r.read()
        if r.status != 200:
            raise RuntimeError(f"{method} {path}: {r.status} {payload[:200]!r}")
        return json.loads(payload or b"{}")


def start(cmd, port, env):
    t = time.perf_counter()
    log = open(os.environ.get("BENCH_SERVER_LOG", os.devnull), "ab")
    proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=env,
                            start_new_session=True)
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/health")
            if c.getresponse().status == 200:
                return proc, time.perf_counter() - t
        except OSError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}")
        time.sleep(0.02)


def stop(proc):
    try:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)
    except Exception:
        os.killpg(proc.pid, 9)


def log_metric_rate(port, run_id, threads, per_thread):
    def work():
        c = Client(port)
        for i in range(per_thread):
            c.call("POST", "/api/2.0/mlflow/runs/log-metric",
                   {"run_id": run_id, "key": "m", "value": i * 0.5, "timestamp": 1, "step": i})
    ts = [threading.Thread(target=work) for _ in range(threads)]
    t = time.perf_counter()
    for th in ts:
        th.start()
    for th in ts:
        th.join()
    return threads * per_thread / (time.perf_counter() - t)


def bench(name, cmd, port, env, db_exp, runs):
    proc, first = start(cmd, port, env)
    try:
        idle = rss_mib(proc.pid)
        c = Client(port)
        exp = c.call("POST", "/api/2.0/mlflow/experiments/create", {"name": f"bench-{time.time_ns()}"})
        run_id = c.call("POST", "/api/2.0/mlflow/runs/create",
                        {"experiment_id": exp["experiment_id"], "start_time": 1})["run"]["info"]["run_id"]
        one = log_metric_rate(port, run_id, 1, 300)
        eight = log_metric_rate(port, run_id, 8, 150)
        t = time.perf_counter()
        for b in range(20):
            c.call("POST", "/api/2.0/mlflow/runs/log-batch", {"run_id": run_id, "metrics": [
                {"key": "b", "value": i * 0.25, "timestamp": 2, "step": b * 1000 + i} for i in range(1000)]})
        batch = 20_000 / (time.perf_counter() - t)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            c.call("POST", "/api/2.0/mlflow/runs/search", {"experiment_ids": [db_exp], "filter": FILTER,
                   "order_by": ["metrics.m2 DESC"], "max_results": 1000})
            times.append(time.perf_counter() - t)
        loaded = rss_mib(proc.pid)
        return {"first answer (ms)": first * 1000, "idle memory (MiB)": idle, "loaded memory (MiB)": loaded,
                "log-metric/s, 1 client": one, "log-metric/s, 8 clients": eight,
                "batch points/s": batch, f"search of {runs:,} runs (ms)": statistics.median(times) * 1000}
    finally:
        stop(proc)


def fresh_postgres_db(server, name):
    """Drops and makes database `name` on the PostgreSQL server `server`; returns its URI."""
    import urllib.parse
    import psycopg2
    u = urllib.parse.urlsplit(server)
    conn = psycopg2.connect(host=u.hostname, port=u.port or 5432, user=u.username,
                            password=u.password, dbname="postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    return urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + name, "", ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mlrun", default=os.path.join(ROOT, "target", "release", "mlrun"))
    ap.add_argument("--runs", type=int, default=10_000)
    ap.add_argument("--postgres", metavar="URI",
                    help="a PostgreSQL server (postgresql://user@host:port/) to run both servers on")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="mlrun-bench-server-")
    try:
        folder = os.path.join(tmp, "store")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_store.py"), folder, "--runs", str(a.runs),
                        "--experiment-id", "1", "--long-history", "10"], check=True)
        base = os.path.join(tmp, "base.db")
        if not a.postgres:
            subprocess.run([a.mlrun, "-q", "migrate", folder, f"sqlite:///{base}"], check=True,
                           stdout=subprocess.DEVNULL)
        env = dict(os.environ, MLFLOW_SERVER_ENABLE_JOB_EXECUTION="false")
        mlflow_bin = os.path.join(os.path.dirname(sys.executable), "mlflow")
        results = {}
        for name in ["mlflow", "mlrun"]:
            if a.postgres:
                uri = fresh_postgres_db(a.postgres, f"mlrun_bench_{name}")
                subprocess.run([a.mlrun, "-q", "migrate", folder, uri], check=True,
                               stdout=subprocess.DEVNULL)
            else:
                db = os.path.join(tmp, f"{name}.db")
                shutil.copy(base, db)
                uri = f"sqlite:///{db}"
            port = free_port()
            art = os.path.join(tmp, f"{name}-artifacts")
            if name == "mlflow":
                # MLflow's default PostgreSQL driver is psycopg 3; the venv has psycopg2.
                mlflow_uri = uri.replace("postgresql://", "postgresql+psycopg2://", 1)
                cmd = [mlflow_bin, "server", "--backend-store-uri", mlflow_uri, "--host", "127.0.0.1",
                       "--port", str(port), "--workers", "1", "--artifacts-destination", art]
            else:
                cmd = [a.mlrun, "server", "--backend-store-uri", uri, "--host", "127.0.0.1",
                       "--port", str(port), "--artifacts-destination", art]
            print(f"benchmarking {name} server...", file=sys.stderr)
            results[name] = bench(name, cmd, port, env, "1", a.runs)
        print(f"store: {'PostgreSQL' if a.postgres else 'SQLite'}")
        print("| measure | mlflow server | mlrun server | ratio |")
        print("| --- | --- | --- | --- |")
        for k in results["mlflow"]:
            m, r = results["mlflow"][k], results["mlrun"][k]
            higher_better = "/s" in k
            ratio = (r / m) if higher_better else (m / r)
            print(f"| {k} | {m:,.1f} | {r:,.1f} | {ratio:,.1f}x |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
