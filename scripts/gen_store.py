#!/usr/bin/env python3
"""Writes a synthetic MLflow file store (`mlruns/`) straight to disk, in MLflow 3.x's exact layout.

Used by the search benchmark (thousands of runs in seconds, where MLflow's client would take minutes)
and by the search parity test, whose `--tricky` mode adds the values that break naive searches: missing
metrics, NaN, +-inf, equal values and start times, deleted runs, nested and odd keys, dataset inputs.
Only the standard library is used, with PyYAML when present (meta.yaml then matches MLflow byte for byte).
"""
import argparse
import hashlib
import json
import math
import os
import random
import uuid

try:
    import yaml

    def dump_yaml(d):
        return yaml.safe_dump(d, default_flow_style=False, allow_unicode=True, sort_keys=True)

except ImportError:  # a plain `key: value` writer is enough for the flat files written here

    def _scalar(v):
        if v is None:
            return "null"
        if isinstance(v, int):
            return str(v)
        if v == "" or v.isdigit():
            return f"'{v}'"
        return v

    def dump_yaml(d):
        lines = []
        for k in sorted(d):
            v = d[k]
            if isinstance(v, list):
                lines.append(f"{k}: []")
            elif isinstance(v, dict):
                lines.append(f"{k}:")
                lines += [f"  {a}: {_scalar(b)}" for a, b in sorted(v.items())]
            else:
                lines.append(f"{k}: {_scalar(v)}")
        return "\n".join(lines) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def fmt(v):
    # Python's repr of a float is exactly what MLflow writes into a metric line.
    return repr(float(v))


def experiment(root, exp_id, name, t):
    d = os.path.join(root, exp_id)
    write(
        os.path.join(d, "meta.yaml"),
        dump_yaml(
            {
                "artifact_location": f"file://{d}",
                "creation_time": t,
                "effective_trace_archival_retention": None,
                "experiment_id": exp_id,
                "last_update_time": t,
                "lifecycle_stage": "active",
                "name": name,
                "trace_location": None,
                "workspace": "default",
            }
        ),
    )
    return d


def run(exp_dir, exp_id, rng, start, name, deleted=False, status=3, user="bench", old_meta=False):
    run_id = uuid.UUID(int=rng.getrandbits(128), version=4).hex
    d = os.path.join(exp_dir, run_id)
    for sub in ("metrics", "params", "artifacts", "tags"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    meta = {
        "artifact_uri": f"file://{d}/artifacts",
        "end_time": None if status == 1 else start + 1000,
        "entry_point_name": "",
        "experiment_id": exp_id,
        "lifecycle_stage": "deleted" if deleted else "active",
        "run_id": run_id,
        "run_name": name,
        "source_name": "",
        "source_type": 4,
        "source_version": "",
        "start_time": start,
        "status": status,
        "tags": [],
        "user_id": user,
    }
    if deleted:
        meta["deleted_time"] = start + 2000
    if old_meta:
        # MLflow <= 1.29 wrote no run_name: readers take it from the mlflow.runName tag.
        del meta["run_name"]
    write(os.path.join(d, "meta.yaml"), dump_yaml(meta))
    write(os.path.join(d, "tags", "mlflow.runName"), name)
    write(os.path.join(d, "tags", "mlflow.user"), user)
    return run_id, d


def value(d, kind, key, text):
    write(os.path.join(d, kind, *key.split("/")), text)


def metric(d, key, points):
    """points: (timestamp, value, step) tuples, written in the given order."""
    value(d, "metrics", key, "".join(f"{t} {fmt(v)} {s}\n" for t, v, s in points))


def dataset_input(exp_dir, run_id, run_dir, name, digest, context):
    ds_id = hashlib.md5((name + digest).encode()).hexdigest()
    ds_meta = os.path.join(exp_dir, "datasets", ds_id, "meta.yaml")
    if not os.path.exists(ds_meta):
        write(
            ds_meta,
            dump_yaml(
                {
                    "digest": digest,
                    "name": name,
                    "profile": json.dumps({"num_rows": 3}),
                    "schema": "",
                    "source": json.dumps({"uri": "s3://bucket/data.csv"}),
                    "source_type": "s3",
                }
            ),
        )
    input_id = hashlib.md5((ds_id + run_id).encode()).hexdigest()
    write(
        os.path.join(run_dir, "inputs", input_id, "meta.yaml"),
        dump_yaml(
            {
                "destination_id": ds_id,
                "destination_type": "RUN",
                "source_id": ds_id,
                "source_type": "DATASET",
                "tags": {"mlflow.data.context": context},
            }
        ),
    )


def bench_store(root, n_runs, n_params, n_metrics, n_tags, long_history, seed, exp_id="100000000000000001"):
    """n_runs runs with n_params params, n_metrics metrics and n_tags tags each."""
    rng = random.Random(seed)
    exp_dir = experiment(root, exp_id, "bench", 1_700_000_000_000)
    experiment(root, "0", "Default", 1_700_000_000_000)
    for i in range(n_runs):
        start = 1_700_000_000_000 + i * 1000 + rng.randrange(500)
        run_id, d = run(exp_dir, exp_id, rng, start, f"run-{i}")
        for p in range(n_params):
            value(d, "params", f"p{p}", str(rng.choice([0.001, 0.01, 0.1, 1, 10, 100]) * (p + 1)))
        for m in range(n_metrics):
            # Every tenth run has two long histories; the rest are short, as in a sweep.
            steps = (long_history if i % 10 == 0 else 20) if m < 2 else 5
            metric(
                d,
                f"m{m}",
                [(start + s, rng.random() * (m + 1), s) for s in range(steps)],
            )
        for t in range(n_tags):
            value(d, "tags", f"t{t}", rng.choice(["alpha", "beta", "gamma", "delta"]))


def tricky_store(root, seed):
    """A store made to catch search differences: every run id is printed with its story."""
    rng = random.Random(seed)
    exps = [("200000000000000002", "tricky-a"), ("300000000000000003", "tricky-b")]
    experiment(root, "0", "Default", 1_700_000_000_000)
    base = 1_700_000_000_000
    values = [0.5, 0.5, 1.0, -1.0, 0.0, -0.0, math.nan, math.inf, -math.inf, 1e-20, 1.5e300, 2.0, 3.25]
    names = ["alpha", "beta", "alpha", "Alpha-1", "gamma_2", "d%lta", "e.psilon", "x y", "ünï", ""]
    for exp_id, exp_name in exps:
        exp_dir = experiment(root, exp_id, exp_name, base)
        for i in range(40):
            # Several runs share a start time so the run_id tie-break matters.
            start = base + (i // 3) * 1000
            deleted = i % 11 == 5
            status = [3, 4, 5, 1, 3][i % 5]
            name = names[i % len(names)] + (str(i) if i % 4 == 0 else "")
            run_id, d = run(exp_dir, exp_id, rng, start, name, deleted, status, ["ann", "bob", "cy"][i % 3],
                            old_meta=i % 13 == 7)
            if i % 6 != 0:
                metric(d, "acc", [(start, rng.choice(values), 0), (start + 5, rng.choice(values), 1)])
            if i % 4 != 1:
                metric(d, "loss", [(start + s, rng.choice(values), s) for s in range(rng.randrange(1, 4))])
            if i % 5 == 0:
                metric(d, "m/nested", [(start, rng.choice(values), 0)])
            if i % 3 != 2:
                value(d, "params", "lr", rng.choice(["0.1", "0.01", "1e-3", "0.1", "abc", "ABC", "a_c"]))
            if i % 2 == 0:
                value(d, "params", "model", rng.choice(["cnn", "rnn", "CNN-big", "mlp"]))
            if i % 7 == 3:
                value(d, "params", "nested/param", "v")
            value(d, "tags", "team", rng.choice(["ml", "ML", "ops", "m%l", "m_l"]))
            if i % 3 == 0:
                value(d, "tags", "with space", rng.choice(["yes", "no"]))
            if i % 4 == 2:
                dataset_input(exp_dir, run_id, d, rng.choice(["train", "eval"]), rng.choice(["d1", "d2"]),
                              rng.choice(["training", "validation"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root")
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--params", type=int, default=10)
    ap.add_argument("--metrics", type=int, default=10)
    ap.add_argument("--tags", type=int, default=5)
    ap.add_argument("--long-history", type=int, default=1000, help="points in the first two metrics of every tenth run")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--experiment-id", default="100000000000000001", help="the benchmark experiment's id (a database's ids are small)")
    ap.add_argument("--tricky", action="store_true", help="the search-parity store instead")
    a = ap.parse_args()
    os.makedirs(a.root, exist_ok=True)
    if a.tricky:
        tricky_store(a.root, a.seed)
    else:
        bench_store(a.root, a.runs, a.params, a.metrics, a.tags, a.long_history, a.seed, a.experiment_id)


if __name__ == "__main__":
    main()
