"""Compares mlrun with MLflow on the same work, in one run, and prints ratios.

Run with the Python of a venv that has MLflow (the tests make one):
    cargo build --release && target/mlflow-venv-3.17.2/bin/python scripts/bench.py
"""
import json, os, statistics, subprocess, sys, tempfile, time

N_FRESH = int(os.environ.get("BENCH_FRESH", "30"))
N_POINTS = int(os.environ.get("BENCH_POINTS", "100000"))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MLRUN = os.path.join(ROOT, "target", "release", "mlrun")


def timed(cmd, env, stdin=None):
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, input=stdin, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    tmp = tempfile.mkdtemp()
    store = os.path.join(tmp, "mlruns")
    env = dict(os.environ, MLFLOW_TRACKING_URI="file://" + store, MLFLOW_ALLOW_FILE_STORE="true")
    run = subprocess.run([MLRUN, "runs", "start"], env=env, check=True, capture_output=True, text=True).stdout.strip()

    mlrun_t = [timed([MLRUN, "log-metric", "--run-id", run, "m", str(i), "--step", str(i)], env) for i in range(N_FRESH)]
    py = f"from mlflow import MlflowClient; MlflowClient().log_metric('{run}', 'p', 1.0)"
    mlflow_t = [timed([sys.executable, "-c", py], env) for _ in range(max(3, N_FRESH // 5))]

    lines = "".join(
        json.dumps({"metrics": [{"key": "b", "value": i * 0.5, "timestamp": 1700000000000 + i, "step": i}]}) + "\n"
        for i in range(N_POINTS)
    ).encode()
    t_mlrun_batch = timed([MLRUN, "log-batch", "--run-id", run, "-", "-q"], env, stdin=lines)
    py_batch = (
        "import time; from mlflow import MlflowClient; from mlflow.entities import Metric\n"
        f"ms=[Metric('c', i*0.5, 1700000000000+i, i) for i in range({N_POINTS})]\n"
        "t=time.perf_counter()\n"
        f"MlflowClient().log_batch('{run}', metrics=ms)\n"
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", py_batch], env=env, check=True, capture_output=True, text=True)
    t_mlflow_batch = float(out.stdout.strip().splitlines()[-1])

    med_r, med_p = statistics.median(mlrun_t), statistics.median(mlflow_t)
    print(f"fresh-process log-metric: mlrun median {med_r*1000:.2f} ms, MLflow median {med_p*1000:.0f} ms, ratio {med_p/med_r:.0f}x")
    print(f"log-batch {N_POINTS} points: mlrun {t_mlrun_batch:.3f} s ({N_POINTS/t_mlrun_batch:,.0f} pts/s), "
          f"MLflow log_batch {t_mlflow_batch:.3f} s ({N_POINTS/t_mlflow_batch:,.0f} pts/s), ratio {t_mlflow_batch/t_mlrun_batch:.1f}x")


if __name__ == "__main__":
    main()
