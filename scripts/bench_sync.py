#!/usr/bin/env python3
"""Sync throughput: builds a store with scripts/gen_store.py and times `mlrun sync` from it, reporting
runs and metric points per second for the first (full) copy and the second (no-op) pass.

    scripts/bench_sync.py --runs 200 --history 100                  # folder -> folder
    scripts/bench_sync.py --runs 200 --server http://127.0.0.1:5000 # folder -> a running MLflow server

It compares, it does not assert. Build first: cargo build --release.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--history", type=int, default=100, help="points per long metric history")
    ap.add_argument("--server", help="an MLflow tracking server URL (default: a folder)")
    ap.add_argument("--mlrun", default=os.path.join(ROOT, "target", "release", "mlrun"))
    a = ap.parse_args()
    if not os.path.exists(a.mlrun):
        sys.exit(f"{a.mlrun} not found; run cargo build --release (or pass --mlrun)")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        subprocess.run(
            [sys.executable, os.path.join(ROOT, "scripts", "gen_store.py"), src,
             "--runs", str(a.runs), "--long-history", str(a.history)],
            check=True,
        )
        name = f"bench-sync-{uuid.uuid4().hex[:8]}"
        env = dict(os.environ, MLFLOW_TRACKING_URI=src)
        subprocess.run([a.mlrun, "experiments", "rename", "100000000000000001", name], check=True, env=env)
        dest = a.server or os.path.join(tmp, "dest")
        for label in ["first sync (full copy)", "second sync (no-op)"]:
            t0 = time.perf_counter()
            out = subprocess.run(
                [a.mlrun, "--output", "json", "sync", src, dest, "--experiment", name],
                check=True, capture_output=True, text=True, env=env,
            )
            dt = time.perf_counter() - t0
            r = json.loads(out.stdout)
            print(
                f"{label:26} {dt:7.2f} s  {r['runs'] / dt:8.1f} runs/s  "
                f"{r['metric_points'] / dt:10.0f} points/s  ({r['runs']} runs, {r['metric_points']} points copied)"
            )


if __name__ == "__main__":
    main()
