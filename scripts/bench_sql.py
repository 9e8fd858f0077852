#!/usr/bin/env python3
"""SQL-store benchmark: mlrun and MLflow's client on the same SQLite database and the same PostgreSQL
database, in one run.

For each engine and each store size (1,000 and 10,000 runs: 10 params, 10 metrics, 5 tags each, built
by gen_store.py as a folder and copied in with `mlrun migrate`), it times:
  * log-metric  -- one metric point from a fresh process: `mlrun log-metric` against
                   `python -c "MlflowClient(uri).log_metric(...)"` (both pay their start-up, as a
                   script calling either in a loop does)
  * batch       -- 100,000 points into one run: `mlrun log-batch` reading them as JSON against
                   `MlflowClient.log_batch` in MLflow's 1,000-metric chunks (MLflow timed in a warm
                   interpreter, imports excluded)
  * search      -- a filtered, ordered `runs search` over the store (mlrun a fresh process, MLflow's
                   `search_runs` in a warm interpreter)
and prints the medians and the ratios, and how each grows from 1,000 to 10,000 runs.

PostgreSQL comes from Debian's server package (`apt-get install postgresql`), started here under a temp
folder. Run it with the Python of a venv holding MLflow and psycopg2 (`cargo test` makes one):

    cargo build --release && target/mlflow-server-venv/bin/python scripts/bench_sql.py
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXP = "1"
FILTER = "metrics.m1 > 0.5 and params.p1 = '0.2'"
ORDER = "metrics.m2 DESC"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def start_postgres(tmp):
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins:
        return None
    bin_dir = bins[-1]
    data = os.path.join(tmp, "pg")
    os.makedirs(data)
    as_pg = []
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
        shutil.chown(data, "postgres")
        as_pg = ["runuser", "-u", "postgres", "--"]
    run(as_pg + [f"{bin_dir}/initdb", "-D", data, "-U", "mlflow", "--auth=trust", "--no-sync"])
    port = 55000 + os.getpid() % 1000
    run(as_pg + [f"{bin_dir}/pg_ctl", "-D", data, "-l", os.path.join(tmp, "pg.log"), "-o",
                 f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start"])
    return bin_dir, data, as_pg, port


def pg_database(port, name):
    import psycopg2

    c = psycopg2.connect(host="127.0.0.1", port=port, user="mlflow", dbname="postgres")
    c.autocommit = True
    c.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
    c.cursor().execute(f'CREATE DATABASE "{name}"')
    c.close()
    return f"postgresql://mlflow@127.0.0.1:{port}/{name}"


def sqlalchemy_uri(uri):
    return uri.replace("postgresql://", "postgresql+psycopg2://", 1)


def build(binary, tmp, uri, runs):
    folder = os.path.join(tmp, f"store-{runs}")
    if not os.path.exists(folder):
        run([sys.executable, os.path.join(HERE, "gen_store.py"), folder, "--runs", str(runs),
             "--experiment-id", EXP, "--long-history", "100"])
    run([binary, "-q", "migrate", folder, uri])


def median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench(binary, uri, repeat):
    from mlflow.tracking import MlflowClient
    from mlflow.entities import Metric

    client = MlflowClient(tracking_uri=sqlalchemy_uri(uri))
    run_id = client.create_run(EXP).info.run_id
    my_run = run([binary, "--tracking-uri", uri, "runs", "start", "--experiment-id", EXP]).stdout.decode().strip()
    out = {}

    out["log-metric"] = (
        median_time(lambda: run([binary, "--tracking-uri", uri, "log-metric", "--run-id", my_run, "m", "1"]),
                    repeat),
        median_time(lambda: run([sys.executable, "-c",
                                 "import sys; from mlflow.tracking import MlflowClient; "
                                 "MlflowClient(tracking_uri=sys.argv[1]).log_metric(sys.argv[2], 'm', 1.0)",
                                 sqlalchemy_uri(uri), run_id]), repeat),
    )

    n = 100_000
    now = int(time.time() * 1000)
    batch = os.path.join(tempfile.gettempdir(), f"mlrun-bench-batch-{os.getpid()}.jsonl")
    with open(batch, "w") as f:
        for start in range(0, n, 1000):
            f.write(json.dumps({"metrics": [{"key": "b", "value": i * 0.5, "timestamp": now, "step": i}
                                            for i in range(start, start + 1000)]}) + "\n")
    def mlrun_batch():
        with open(batch) as f:
            subprocess.run([binary, "--tracking-uri", uri, "log-batch", "--run-id", my_run], stdin=f,
                           check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    def mlflow_batch():
        for start in range(0, n, 1000):
            client.log_batch(run_id, metrics=[Metric("b", i * 0.5, now, i) for i in range(start, start + 1000)])
    out["batch 100k"] = (median_time(mlrun_batch, 1), median_time(mlflow_batch, 1))
    os.remove(batch)

    out["search"] = (
        median_time(lambda: run([binary, "--tracking-uri", uri, "--output", "json", "runs", "search",
                                 "--experiment-id", EXP, "--filter", FILTER, "--order-by", ORDER,
                                 "--max-results", "50000"]), repeat),
        median_time(lambda: client.search_runs([EXP], FILTER, order_by=[ORDER], max_results=50000), repeat),
    )
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mlrun", default=os.path.join(ROOT, "target", "release", "mlrun"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", default="1000,10000")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="mlrun-bench-sql-")
    pg = start_postgres(tmp)
    try:
        results = {}
        for size in [int(s) for s in a.sizes.split(",")]:
            engines = [("sqlite", f"sqlite:///{tmp}/bench-{size}.db")]
            if pg:
                engines.append(("postgresql", pg_database(pg[3], f"bench_{size}")))
            for engine, uri in engines:
                print(f"building {size} runs in {engine}...", file=sys.stderr)
                build(a.mlrun, tmp, uri, size)
                results[(engine, size)] = bench(a.mlrun, uri, a.repeat)
        print(f"| engine | runs | what | mlrun | MLflow | MLflow / mlrun |")
        print("| --- | --- | --- | --- | --- | --- |")
        for (engine, size), r in results.items():
            for what, (mine, theirs) in r.items():
                print(f"| {engine} | {size:,} | {what} | {mine * 1000:.1f} ms | {theirs * 1000:.1f} ms | "
                      f"{theirs / mine:.1f}x |")
        sizes = sorted({s for _, s in results})
        if len(sizes) > 1:
            lo, hi = sizes[0], sizes[-1]
            print(f"\nGrowth from {lo:,} to {hi:,} runs (time at {hi:,} / time at {lo:,}):")
            for engine in sorted({e for e, _ in results}):
                for what in results[(engine, lo)]:
                    m = results[(engine, hi)][what][0] / results[(engine, lo)][what][0]
                    f_ = results[(engine, hi)][what][1] / results[(engine, lo)][what][1]
                    print(f"  {engine} {what}: mlrun {m:.2f}x, MLflow {f_:.2f}x")
    finally:
        if pg:
            subprocess.run(pg[2] + [f"{pg[0]}/pg_ctl", "-D", pg[1], "-m", "immediate", "stop"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
