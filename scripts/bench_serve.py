#!/usr/bin/env python3
"""Serving benchmark: `mlflow models serve` vs `mlrun models serve` on the same models, same load.

Saves two models with MLflow's own client: an sklearn LinearRegression (python_function, scored by
MLflow's uvicorn workers or by mlrun's Python workers, with the same worker count) and the same kind
of model converted to ONNX (scored by MLflow's onnx flavor on onnxruntime, or natively by mlrun with
no Python). Each server is started on a free loopback port, warmed up, then driven with a fixed
number of POST /invocations requests over a fixed number of keep-alive connections. It prints
throughput and p50/p99 latency side by side, and the ratio.

Load comes from `hey` (Debian package `hey`) when it is on PATH, else from a small threaded Python
client (which then caps what can be measured). Benchmarks compare, they don't assert.

  cargo build --release && python3 scripts/bench_serve.py [--requests 4000] [--connections 8]

The Python side (MLflow pinned as in the tests, scikit-learn, skl2onnx, onnx, onnxruntime) lives in a
venv under target/ that this script creates on first use.
"""
import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MLFLOW = "mlflow==3.17.2"
REQS = [MLFLOW, "scikit-learn", "skl2onnx", "onnx", "onnxruntime"]


def venv_python(path):
    python = os.path.join(path, "bin", "python")
    ready = os.path.join(path, ".ready")
    if not (os.path.exists(ready) and open(ready).read() == "\n".join(REQS)):
        subprocess.run([sys.executable, "-m", "venv", "--clear", path], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "uv"], check=True)
        subprocess.run([os.path.join(path, "bin", "uv"), "pip", "install", "-q", "--python", python, *REQS],
                       check=True)
        open(ready, "w").write("\n".join(REQS))
    return python


MAKE_MODELS = r"""
import sys, numpy as np, pandas as pd, mlflow
from sklearn.linear_model import LinearRegression
from mlflow.models import infer_signature
from skl2onnx import to_onnx
out = sys.argv[1]
rng = np.random.default_rng(0)
X = pd.DataFrame(rng.normal(size=(200, 4)), columns=["f0", "f1", "f2", "f3"])
y = X.values @ np.array([1.0, -2.0, 0.5, 3.0]) + 0.1
m = LinearRegression().fit(X, y)
mlflow.sklearn.save_model(m, out + "/sklearn", signature=infer_signature(X, m.predict(X)))
Xf = X.values.astype(np.float32)
mlflow.onnx.save_model(to_onnx(m, Xf[:1]), out + "/onnx")
"""


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_ready(url, proc, seconds=300):
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/ping", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not become ready")


def start_mlflow(python, model, workers, env):
    port = free_port()
    proc = subprocess.Popen([python, "-m", "mlflow", "models", "serve", "-m", model, "--env-manager", "local",
                             "-h", "127.0.0.1", "-p", str(port), "-w", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    wait_ready(url, proc)
    return proc, url


def start_mlrun(mlrun, model, workers, env, batch=1):
    proc = subprocess.Popen([mlrun, "-q", "models", "serve", "-m", model, "--env-manager", "local", "--port", "0",
                             "--workers", str(workers), "--batch-size", str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                            start_new_session=True)
    url = proc.stdout.readline().strip()
    if not url.startswith("http://"):
        raise RuntimeError(f"mlrun serve printed {url!r}")
    wait_ready(url, proc)
    return proc, url


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def drive_hey(url, body_path, requests, connections):
    start = time.perf_counter()
    out = subprocess.run(["hey", "-n", str(requests), "-c", str(connections), "-m", "POST", "-T", "application/json",
                          "-D", body_path, "-o", "csv", url + "/invocations"],
                         check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    lat, errors = [], 0
    for line in out.splitlines()[1:]:
        cols = line.split(",")
        if len(cols) < 7:
            continue
        lat.append(float(cols[0]) * 1000)
        if cols[6] != "200":
            errors += 1
    errors += requests - len(lat)
    return lat, errors, wall


def drive_python(url, body, requests, connections):
    host, port = url[len("http://"):].split(":")
    lat, errors, lock = [], [0], threading.Lock()
    counter = iter(range(requests))

    def worker():
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        mine = []
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            t = time.perf_counter()
            try:
                conn.request("POST", "/invocations", body, {"Content-Type": "application/json"})
                r = conn.getresponse()
                r.read()
                ok = r.status == 200
            except OSError:
                conn = http.client.HTTPConnection(host, int(port), timeout=60)
                ok = False
            mine.append((time.perf_counter() - t) * 1000)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            lat.extend(mine)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lat, errors[0], time.perf_counter() - start


def measure(url, body, body_path, args):
    use_hey = not args.python_client and subprocess.run(["which", "hey"], capture_output=True).returncode == 0
    warm = max(args.connections * 10, 100)
    if use_hey:
        drive_hey(url, body_path, warm, args.connections)
        lat, errors, wall = drive_hey(url, body_path, args.requests, args.connections)
    else:
        drive_python(url, body, warm, args.connections)
        lat, errors, wall = drive_python(url, body, args.requests, args.connections)
    lat.sort()
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")
    return {"rps": len(lat) / wall, "p50": p(0.50), "p99": p(0.99), "errors": errors}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mlrun", default=os.path.join(ROOT, "target", "release", "mlrun"))
    ap.add_argument("--venv", default=os.path.join(ROOT, "target", "bench-serve-venv"))
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2, help="Python workers (both servers); ONNX threads for mlrun")
    ap.add_argument("--rows", type=int, default=1, help="rows per request")
    ap.add_argument("--only", choices=["sklearn", "onnx"], help="run one model only")
    ap.add_argument("--mlrun-batch", type=int, default=0, metavar="N",
                    help="also run the sklearn model on mlrun with --batch-size N")
    ap.add_argument("--python-client", action="store_true", help="use the Python load generator even if hey is there")
    args = ap.parse_args()

    python = venv_python(args.venv)
    env = dict(os.environ, PATH=os.path.dirname(python) + os.pathsep + os.environ.get("PATH", ""))
    tmp = tempfile.mkdtemp(prefix="bench-serve-")
    subprocess.run([python, "-c", MAKE_MODELS, tmp], check=True, env=env, stderr=subprocess.DEVNULL)
    rows = [[0.1 * i, -0.2, 0.3 + i, 1.5] for i in range(args.rows)]
    body = json.dumps({"dataframe_split": {"columns": ["f0", "f1", "f2", "f3"], "data": rows}})
    body_path = os.path.join(tmp, "body.json")
    open(body_path, "w").write(body)

    client = "hey" if not args.python_client and subprocess.run(["which", "hey"], capture_output=True).returncode == 0 \
        else "python threads"
    print(f"{args.requests} requests, {args.connections} connections, {args.rows} row(s) each, "
          f"{args.workers} worker(s), load from {client}, {os.cpu_count()} CPUs")
    print(f"{'model':<8} {'server':<8} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for kind in ["sklearn", "onnx"]:
        if args.only and args.only != kind:
            continue
        model = os.path.join(tmp, kind)
        results = {}
        answers = {}
        servers = ["mlflow", "mlrun"] + (["mlrun+b"] if kind == "sklearn" and args.mlrun_batch > 1 else [])
        for server in servers:
            if server == "mlflow":
                proc, url = start_mlflow(python, model, args.workers, env)
            else:
                batch = args.mlrun_batch if server == "mlrun+b" else 1
                proc, url = start_mlrun(args.mlrun, model, args.workers, env, batch)
            try:
                req = urllib.request.Request(url + "/invocations", body.encode(),
                                             {"Content-Type": "application/json"})
                answers[server] = json.loads(urllib.request.urlopen(req).read())
                results[server] = r = measure(url, body, body_path, args)
            finally:
                stop(proc)
            print(f"{kind:<8} {server:<8} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} {r['errors']:>6}",
                  flush=True)
        for server in servers[1:]:
            same = answers["mlflow"] == answers[server]
            ratio = results[server]["rps"] / results["mlflow"]["rps"]
            print(f"{kind:<8} {'ratio':<8} {ratio:>8.1f}x  {server} vs mlflow (same predictions: {same})", flush=True)


if __name__ == "__main__":
    main()
