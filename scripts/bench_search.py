#!/usr/bin/env python3
"""Search benchmark: `mlrun runs search` against MLflow's `search_runs` on the same stores, in one run.

Builds stores of 1,000 and 10,000 runs (10 params, 10 metrics of which two have long histories in every
tenth run, 5 tags; see gen_store.py), then times three questions on each:
  * filter  -- one metric and one param, ordered by another metric (the runs that match, whole, as JSON)
  * columns -- the same search printed as a table of the four columns it names (CSV, so nothing is cut)
  * all     -- every run with every column (JSON)
MLflow has no cheaper path for `columns`, so it is timed doing the same `search_runs` as for `filter`.
mlrun is timed as a fresh process (startup included), MLflow as the `search_runs` call alone in a warm
interpreter (imports excluded), so the comparison favours MLflow. Run it with the Python of a venv
holding MLflow (`cargo test` makes one):

    cargo build --release && target/mlflow-venv-3.17.2/bin/python scripts/bench_search.py
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXP = "100000000000000001"
FILTER = "metrics.m1 > 0.5 and params.p1 = '0.2'"
ORDER = "metrics.m2 DESC"
COLUMNS = "run_id,metrics.m1,params.p1,metrics.m2"


def build(path, runs):
    marker = os.path.join(path, ".complete")
    if not os.path.exists(marker):
        subprocess.run(["rm", "-rf", path], check=True)
        t = time.perf_counter()
        subprocess.run([sys.executable, os.path.join(HERE, "gen_store.py"), path, "--runs", str(runs)], check=True)
        open(marker, "w").close()
        print(f"  built {runs} runs in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return path


def time_mlrun(binary, store, args, repeat, output="json"):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        p = subprocess.run(
            [binary, "--tracking-uri", store, "--output", output, "runs", "search", "--experiment-id", EXP,
             "--max-results", "50000", *args],
            check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        times.append(time.perf_counter() - t)
        out = p.stdout
    n = len(json.loads(out)["runs"]) if output == "json" else out.count(b"\n") - 1
    return statistics.median(times), n


def time_mlflow(store, repeat, **kw):
    import mlflow

    mlflow.set_tracking_uri("file://" + store)
    times, n = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        df = mlflow.search_runs([EXP], max_results=50000, **kw)
        times.append(time.perf_counter() - t)
        n = len(df)
    return statistics.median(times), n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--dir", default=os.path.join(ROOT, "target", "bench-stores"))
    ap.add_argument("--mlrun", default=os.path.join(ROOT, "target", "release", "mlrun"))
    ap.add_argument("--repeat", type=int, default=5, help="mlrun repetitions (median)")
    ap.add_argument("--mlflow-repeat", type=int, default=1)
    a = ap.parse_args()
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    os.makedirs(a.dir, exist_ok=True)
    rows = []
    for size in map(int, a.sizes.split(",")):
        store = build(os.path.join(a.dir, f"runs-{size}"), size)
        filtered = {"filter_string": FILTER, "order_by": [ORDER]}
        mlflow_times = {}
        for name, margs, kw, output in [
            ("filter", ["--filter", FILTER, "--order-by", ORDER], filtered, "json"),
            ("columns", ["--filter", FILTER, "--order-by", ORDER, "-c", COLUMNS], filtered, "csv"),
            ("all", [], {}, "json"),
        ]:
            # One untimed pass each, so both read from a warm page cache.
            time_mlrun(a.mlrun, store, margs, 1, output)
            m, mn = time_mlrun(a.mlrun, store, margs, a.repeat, output)
            key = json.dumps(kw, sort_keys=True)
            if key not in mlflow_times:
                mlflow_times[key] = time_mlflow(store, a.mlflow_repeat, **kw)
            f, fn = mlflow_times[key]
            if mn != fn:
                print(f"warning: {name}/{size}: mlrun found {mn} runs, MLflow {fn}", file=sys.stderr)
            rows.append((size, name, mn, m, f))
            print(f"{size:>6} runs  {name:<7} {mn:>6} matched  mlrun {m * 1000:8.1f} ms  "
                  f"MLflow {f * 1000:9.1f} ms  {f / m:6.1f}x", flush=True)
    by = {(s, n): m for s, n, _, m, _ in rows}
    sizes = sorted({s for s, *_ in rows})
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        for name in ("filter", "columns", "all"):
            print(f"growth {lo}->{hi} runs ({hi / lo:.0f}x more): mlrun {name} took "
                  f"{by[(hi, name)] / by[(lo, name)]:.1f}x as long")


if __name__ == "__main__":
    main()
