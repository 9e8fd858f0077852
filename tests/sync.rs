//! `mlrun sync` between a folder written offline and a real MLflow tracking server on PostgreSQL
//! (started once for this binary), read back with MLflow's own Python client.
mod common;

use common::tracking_server::{python, server};
use common::TestEnv;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..12]
    )
}

fn mlrun(env: &TestEnv, args: &[&str]) -> std::process::Output {
    env.cmd().args(args).output().unwrap()
}

fn ok(env: &TestEnv, args: &[&str]) -> String {
    env.ok(args)
}

fn sync_json(env: &TestEnv, src: &str, dst: &str, extra: &[&str]) -> Value {
    let mut a = vec!["--output", "json", "sync", src, dst];
    a.extend_from_slice(extra);
    serde_json::from_str(&ok(env, &a)).unwrap()
}

/// The search-parity store (NaN, ±inf, odd keys, deleted runs, datasets) with its experiments
/// renamed apart from other tests', plus a nested run and artifacts. Returns (store, names).
fn offline_store(env: &TestEnv) -> (PathBuf, Vec<String>) {
    let store = env.store();
    let st = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gen_store.py"))
        .arg(&store)
        .arg("--tricky")
        .status()
        .unwrap();
    assert!(st.success());
    let mut names = Vec::new();
    for (id, base) in [
        ("200000000000000002", "tricky-a"),
        ("300000000000000003", "tricky-b"),
    ] {
        let name = unique(base);
        ok(env, &["experiments", "rename", id, &name]);
        names.push(name);
    }
    let parent = ok(
        env,
        &[
            "runs",
            "start",
            "--experiment-id",
            "200000000000000002",
            "--name",
            "parent",
        ],
    );
    let child = ok(
        env,
        &[
            "runs",
            "start",
            "--experiment-id",
            "200000000000000002",
            "--name",
            "child",
            "--parent-run-id",
            &parent,
        ],
    );
    ok(
        env,
        &[
            "log-metrics",
            "--run-id",
            &child,
            "--step",
            "0",
            "loss=0.5",
            "odd=nan",
        ],
    );
    ok(
        env,
        &[
            "log-metrics",
            "--run-id",
            &child,
            "--step",
            "1",
            "loss=0.25",
            "odd=inf",
        ],
    );
    let files = env.path().join("files");
    std::fs::create_dir_all(files.join("deep/er")).unwrap();
    std::fs::write(files.join("model.txt"), "weights").unwrap();
    std::fs::write(files.join("deep/er/blob.bin"), vec![7u8; 200_000]).unwrap();
    ok(
        env,
        &[
            "artifacts",
            "log",
            "--run-id",
            &child,
            files.to_str().unwrap(),
        ],
    );
    ok(env, &["runs", "end", &child]);
    (store, names)
}

/// Compares every run of `names` in `src` with its copy in `dst` through MLflow's client; returns
/// "OK <runs>" or the differences. A copy is found by its sync tag, and must be there exactly once.
fn compare(src: &str, dst: &str, names: &[String]) -> String {
    let script = format!(
        r##"
import math, sys
from mlflow import MlflowClient
from mlflow.entities import ViewType
src, dst = MlflowClient(tracking_uri={src:?}), MlflowClient(tracking_uri={dst:?})
MAX = sys.float_info.max
def norm(v):
    if math.isnan(v): return "nan"
    if math.isinf(v): return MAX if v > 0 else -MAX  # MLflow's SQL store keeps inf as max float
    return v
def files(c, run, path=None):
    out = []
    for f in c.list_artifacts(run, path):
        out += files(c, run, f.path) if f.is_dir else [(f.path, f.file_size)]
    return sorted(out)
problems, n = [], 0
for name in {names:?}:
    se, de = src.get_experiment_by_name(name), dst.get_experiment_by_name(name)
    if de is None:
        problems.append(f"no experiment {{name}}"); continue
    sruns = src.search_runs([se.experiment_id], run_view_type=ViewType.ALL, max_results=50000)
    druns = dst.search_runs([de.experiment_id], run_view_type=ViewType.ALL, max_results=50000)
    by_origin = {{}}
    for d in druns:
        o = d.data.tags.get("mlrun.sync.source", "#").rsplit("#", 1)[1]
        by_origin.setdefault(o, []).append(d)
    ids = {{s.info.run_id: by_origin.get(s.info.run_id, [None])[0] for s in sruns}}
    for s in sruns:
        ds = by_origin.get(s.info.run_id, [])
        if len(ds) != 1:
            problems.append(f"{{s.info.run_id}}: {{len(ds)}} copies"); continue
        d, n = ds[0], n + 1
        for f in ["status", "start_time", "end_time", "lifecycle_stage", "user_id"]:
            if getattr(s.info, f) != getattr(d.info, f):
                problems.append(f"{{s.info.run_id}} {{f}}: {{getattr(s.info, f)}} != {{getattr(d.info, f)}}")
        if s.info.run_name and s.info.run_name != d.info.run_name:
            problems.append(f"{{s.info.run_id}} run_name")
        if s.data.params != d.data.params:
            problems.append(f"{{s.info.run_id}} params {{s.data.params}} != {{d.data.params}}")
        for k, v in s.data.tags.items():
            if k == "mlflow.parentRunId":
                v = ids[v].info.run_id if ids.get(v) else v
            if (k == "mlflow.runName" and v == "") or k == "mlrun.sync.source":
                continue
            if d.data.tags.get(k) != v:
                problems.append(f"{{s.info.run_id}} tag {{k}}: {{v!r}} != {{d.data.tags.get(k)!r}}")
        for k in s.data.metrics:
            hs = sorted({{(m.step, m.timestamp, norm(m.value)) for m in src.get_metric_history(s.info.run_id, k)}}, key=str)
            hd = sorted({{(m.step, m.timestamp, norm(m.value)) for m in dst.get_metric_history(d.info.run_id, k)}}, key=str)
            if hs != hd:
                problems.append(f"{{s.info.run_id}} metric {{k}}: {{hs}} != {{hd}}")
        if set(d.data.metrics) != set(s.data.metrics):
            problems.append(f"{{s.info.run_id}} metric keys")
        if files(src, s.info.run_id) != files(dst, d.info.run_id):
            problems.append(f"{{s.info.run_id}} artifacts {{files(src, s.info.run_id)}} != {{files(dst, d.info.run_id)}}")
print("\n".join(problems) if problems else f"OK {{n}}")
"##
    );
    python(&script).trim().to_string()
}

fn file_uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn count_points(v: &Value) -> u64 {
    v["metric_points"].as_u64().unwrap()
}

#[test]
fn offline_store_to_server_and_back_with_every_value_equal() {
    let env = TestEnv::new();
    let (store, names) = offline_store(&env);
    let url = &server().url;
    let src = store.to_str().unwrap();

    let dry = sync_json(&env, src, url, &["--dry-run"]);
    assert!(dry["runs_created"].as_u64().unwrap() > 10, "{dry}");
    assert!(count_points(&dry) > 0);
    let absent = python(&format!(
        "from mlflow import MlflowClient\nprint(MlflowClient(tracking_uri={url:?}).get_experiment_by_name({:?}))",
        names[0]
    ));
    assert_eq!(absent.trim(), "None", "a dry run wrote to the server");

    let first = sync_json(&env, src, url, &[]);
    assert_eq!(first["failed"], serde_json::json!([]), "{first}");
    assert_eq!(first["runs_created"], dry["runs_created"], "{first}");
    assert_eq!(first["metric_points"], dry["metric_points"], "{first}");
    assert_eq!(first["artifact_files"], 2, "{first}");
    let n = first["runs"].as_u64().unwrap();
    assert_eq!(compare(&file_uri(&store), url, &names), format!("OK {n}"));

    // Again: nothing to copy.
    let second = sync_json(&env, src, url, &[]);
    for k in [
        "runs_created",
        "runs_updated",
        "params",
        "tags",
        "metric_points",
        "artifact_files",
    ] {
        assert_eq!(second[k], 0, "{k}: {second}");
    }
    assert_eq!(second["runs_unchanged"], n);

    // A run that gained points gets just those.
    let run = ok(
        &env,
        &[
            "runs",
            "search",
            "--experiment-id",
            "200000000000000002",
            "--filter",
            "attributes.run_name = 'child'",
            "--output",
            "csv",
            "--columns",
            "run_id",
        ],
    );
    let run = run.lines().nth(1).unwrap().trim().to_string();
    ok(
        &env,
        &[
            "log-metrics",
            "--run-id",
            &run,
            "--step",
            "2",
            "loss=0.125",
            "extra=1",
        ],
    );
    ok(
        &env,
        &[
            "log-metrics",
            "--run-id",
            &run,
            "--step",
            "3",
            "loss=0.0625",
        ],
    );
    let third = sync_json(&env, src, url, &[]);
    assert_eq!(count_points(&third), 3, "{third}");
    assert_eq!(third["runs_updated"], 1, "{third}");
    assert_eq!(compare(&file_uri(&store), url, &names), format!("OK {n}"));

    // Server → folder, then folder → folder: the same values each hop.
    let back = env.path().join("back");
    let fourth = sync_json(
        &env,
        url,
        back.to_str().unwrap(),
        &["--experiment", &names[0], "--experiment", &names[1]],
    );
    assert_eq!(fourth["failed"], serde_json::json!([]), "{fourth}");
    assert_eq!(compare(url, &file_uri(&back), &names), format!("OK {n}"));
    let again = env.path().join("again");
    sync_json(&env, back.to_str().unwrap(), again.to_str().unwrap(), &[]);
    assert_eq!(
        compare(&file_uri(&back), &file_uri(&again), &names),
        format!("OK {n}")
    );
}

#[test]
// A panic while polling leaves the child to finish on its own; it is bounded by the store's size.
#[allow(clippy::zombie_processes)]
fn an_interrupted_sync_resumes_without_duplicates() {
    let env = TestEnv::new();
    let store = env.store();
    let st = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gen_store.py"))
        .arg(&store)
        .args(["--runs", "150", "--long-history", "50"])
        .status()
        .unwrap();
    assert!(st.success());
    let name = unique("bench");
    ok(
        &env,
        &["experiments", "rename", "100000000000000001", &name],
    );
    let url = &server().url;
    let mut child = env
        .cmd()
        .args(["sync", store.to_str().unwrap(), url, "--experiment", &name])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some runs are on the server but (we check) before it has finished.
    let probe = TestEnv::new();
    let mut killed = false;
    for _ in 0..3000 {
        let out = probe
            .cmd()
            .env("MLFLOW_TRACKING_URI", url)
            .args(["--output", "json", "experiments", "describe", &name])
            .output()
            .unwrap();
        if out.status.success() {
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            let id = v["experiment"]["experiment_id"]
                .as_str()
                .unwrap()
                .to_string();
            let runs = probe
                .cmd()
                .env("MLFLOW_TRACKING_URI", url)
                .args([
                    "--output",
                    "json",
                    "runs",
                    "search",
                    "--experiment-id",
                    &id,
                    "--max-results",
                    "50000",
                ])
                .output()
                .unwrap();
            let v: Value = serde_json::from_slice(&runs.stdout).unwrap_or_default();
            if v["runs"].as_array().is_some_and(|r| r.len() >= 20) {
                let finished_early = child.try_wait().unwrap().is_some();
                let _ = child.kill();
                child.wait().unwrap();
                assert!(
                    !finished_early,
                    "the sync finished before it could be interrupted"
                );
                killed = true;
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    if !killed {
        let _ = child.kill();
        let _ = child.wait();
    }
    assert!(killed, "no runs reached the server");
    let resumed = sync_json(&env, store.to_str().unwrap(), url, &["--experiment", &name]);
    assert_eq!(resumed["failed"], serde_json::json!([]), "{resumed}");
    assert!(resumed["runs_created"].as_u64().unwrap() < 150, "{resumed}");
    assert_eq!(
        compare(&file_uri(&store), url, std::slice::from_ref(&name)),
        "OK 150"
    );
    // Values read back over REST are exact, so nothing is resent.
    let again = sync_json(&env, store.to_str().unwrap(), url, &["--experiment", &name]);
    assert_eq!(count_points(&again), 0, "{again}");
}

/// A proxy to the server that answers the `fail_at`-th log-batch request with a 500 (without
/// passing it on), once.
fn failing_proxy(upstream: &str, fail_at: usize) -> String {
    let up = upstream.strip_prefix("http://").unwrap().to_string();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let batches = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let up = up.clone();
            let batches = batches.clone();
            std::thread::spawn(move || {
                let _ = proxy_one(stream, &up, &batches, fail_at);
            });
        }
    });
    url
}

fn proxy_one(
    mut client: TcpStream,
    up: &str,
    batches: &AtomicUsize,
    fail_at: usize,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut head = String::new();
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        if line == "\r\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            len = v.trim().parse().unwrap_or(0);
        }
        if !lower.starts_with("connection:") {
            head.push_str(&line);
        }
    }
    let mut body = vec![0u8; len];
    reader.read_exact(&mut body)?;
    if head.contains("/runs/log-batch") && batches.fetch_add(1, Ordering::SeqCst) + 1 == fail_at {
        let msg = r#"{"error_code": "INTERNAL_ERROR", "message": "injected failure"}"#;
        write!(
            client,
            "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{msg}",
            msg.len()
        )?;
        return Ok(());
    }
    let mut server = TcpStream::connect(up)?;
    server.write_all(head.as_bytes())?;
    server.write_all(b"Connection: close\r\n\r\n")?;
    server.write_all(&body)?;
    let mut answer = Vec::new();
    server.read_to_end(&mut answer)?;
    // Tell the client this connection ends here, so it does not reuse it.
    let text_end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(answer.len());
    let head = String::from_utf8_lossy(&answer[..text_end]);
    let head: Vec<&str> = head
        .split("\r\n")
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .collect();
    client.write_all(head.join("\r\n").as_bytes())?;
    client.write_all(b"\r\nConnection: close")?;
    client.write_all(&answer[text_end..])?;
    Ok(())
}

#[test]
fn a_server_error_mid_sync_names_the_run_and_loses_nothing() {
    let env = TestEnv::new();
    let (store, names) = offline_store(&env);
    let proxy = failing_proxy(&server().url, 5);
    let src = store.to_str().unwrap();
    let out = mlrun(&env, &["sync", src, &proxy]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("1 run(s) could not be copied") && err.contains("injected failure"),
        "{err}"
    );
    assert!(
        err.contains("run ") && err.contains("experiment '"),
        "{err}"
    );
    let again = sync_json(&env, src, &proxy, &[]);
    assert_eq!(again["failed"], serde_json::json!([]), "{again}");
    assert_eq!(again["runs_created"], 0, "{again}");
    let n = again["runs"].as_u64().unwrap();
    assert_eq!(
        compare(&file_uri(&store), &server().url, &names),
        format!("OK {n}")
    );
}

/// Every run's dataset inputs in `src` and in its copy in `dst` (found by its sync tag), as
/// MLflow's client reads them: "OK <inputs>" or the differences.
fn compare_inputs(src: &str, dst: &str, name: &str) -> String {
    let script = format!(
        r##"
from mlflow import MlflowClient
src, dst = MlflowClient(tracking_uri={src:?}), MlflowClient(tracking_uri={dst:?})
def inputs(run):
    return sorted((i.dataset.name, i.dataset.digest, i.dataset.source_type, i.dataset.source,
                   i.dataset.schema, i.dataset.profile, sorted((t.key, t.value) for t in i.tags))
                  for i in run.inputs.dataset_inputs)
se, de = src.get_experiment_by_name({name:?}), dst.get_experiment_by_name({name:?})
copies = {{d.data.tags.get("mlrun.sync.source", "#").rsplit("#", 1)[1]: d
          for d in dst.search_runs([de.experiment_id])}}
problems, n = [], 0
for s in src.search_runs([se.experiment_id]):
    d = copies.get(s.info.run_id)
    if d is None:
        problems.append(f"{{s.info.run_id}}: no copy"); continue
    a, b = inputs(s), inputs(d)
    n += len(a)
    if a != b:
        problems.append(f"{{s.info.run_id}}: {{a}} != {{b}}")
print("\n".join(problems) if problems else f"OK {{n}}")
"##
    );
    python(&script).trim().to_string()
}

#[test]
fn dataset_inputs_travel_to_a_server_and_back_and_into_sqlite() {
    let env = TestEnv::new();
    let store = env.store();
    let name = unique("datasets");
    let script = format!(
        r#"
import mlflow, pandas as pd
from mlflow.data.meta_dataset import MetaDataset
from mlflow.data.http_dataset_source import HTTPDatasetSource
from mlflow.types import Schema, ColSpec
mlflow.set_tracking_uri({uri:?})
mlflow.set_experiment({name:?})
with mlflow.start_run() as r:
    df = pd.DataFrame({{"x": [1, 2, 3], "y": [0.5, float("nan"), 2.5], "s": ["a", "é", "c"]}})
    mlflow.log_input(mlflow.data.from_pandas(df, source="data/train.csv", name="train"), context="training")
    mlflow.log_input(MetaDataset(HTTPDatasetSource("https://example.com/eval.csv"), name="eval",
                     schema=Schema([ColSpec("double", "x")])), context="validation")
    print(r.info.experiment_id)
"#,
        uri = file_uri(&store)
    );
    let exp = python(&script).trim().to_string();
    // A run whose dataset mlrun logged.
    let run = ok(&env, &["runs", "start", "--experiment-id", &exp]);
    ok(
        &env,
        &[
            "log-input",
            "--run-id",
            &run,
            "--name",
            "holdout",
            "--source",
            "s3://bucket/holdout.parquet",
            "--context",
            "testing",
        ],
    );
    let url = &server().url;
    let src = store.to_str().unwrap();
    let first = sync_json(&env, src, url, &["--experiment", &name]);
    assert_eq!(first["failed"], serde_json::json!([]), "{first}");
    assert_eq!(first["datasets"], 3, "{first}");
    assert_eq!(compare_inputs(&file_uri(&store), url, &name), "OK 3");
    let second = sync_json(&env, src, url, &["--experiment", &name]);
    assert_eq!(second["datasets"], 0, "{second}");
    assert_eq!(second["runs_unchanged"], 2, "{second}");

    // Server → folder, and folder → SQLite.
    let back = env.path().join("back");
    let third = sync_json(&env, url, back.to_str().unwrap(), &["--experiment", &name]);
    assert_eq!(third["datasets"], 3, "{third}");
    assert_eq!(compare_inputs(url, &file_uri(&back), &name), "OK 3");
    let sqlite = format!("sqlite:///{}", env.path().join("mlflow.db").display());
    let fourth = sync_json(&env, src, &sqlite, &["--experiment", &name]);
    assert_eq!(fourth["datasets"], 3, "{fourth}");
    assert_eq!(compare_inputs(&file_uri(&store), &sqlite, &name), "OK 3");
    let fifth = sync_json(&env, src, &sqlite, &["--experiment", &name]);
    assert_eq!(fifth["datasets"], 0, "{fifth}");
}
