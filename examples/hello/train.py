"""A Python entry point. Uses MLflow when it is installed (it attaches to mlrun's run through
MLFLOW_RUN_ID), else the standard library only, logging through the mlrun binary."""
import argparse
import os
import subprocess

parser = argparse.ArgumentParser()
parser.add_argument("--alpha", type=float, default=0.5)
parser.add_argument("--epochs", type=float, default=5)
args = parser.parse_args()

try:
    import mlflow
except ImportError:
    mlflow = None


def log_metric(key, value, step):
    if mlflow is not None:
        mlflow.log_metric(key, value, step=step)
    else:
        mlrun = os.environ.get("MLRUN", "mlrun")
        subprocess.run([mlrun, "log-metric", key, str(value), "--step", str(step)], check=True)


if mlflow is not None:
    mlflow.start_run()  # attaches to the run in MLFLOW_RUN_ID
loss = 1.0
for step in range(int(args.epochs)):
    loss *= 1 - args.alpha / 2
    log_metric("loss", loss, step)
print(f"final loss {loss:.6f}")
if mlflow is not None:
    mlflow.end_run()
