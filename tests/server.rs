//! `mlrun server` driven by MLflow's own Python client (never a mock): the fluent API and
//! `MlflowClient` log through it into a folder, which MLflow's file store client and mlrun's CLI
//! then read back equal; its JSON is compared with a real `mlflow server`'s; the artifact proxy
//! refuses every way out of its root. One server per test binary, each test with its own names.
mod common;

use common::http::{get, request};
use common::{mlflow_python, run_mlflow, TestEnv};
use serde_json::{json, Value};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

/// A running `mlrun server`, stopped (by its own pid) when the test binary ends.
struct Running {
    url: String,
    /// Its store folder and artifacts destination.
    store: PathBuf,
    artifacts: PathBuf,
    _child: Child,
    _dir: tempfile::TempDir,
}

fn start(extra: &[&str]) -> Running {
    start_on(None, extra)
}

/// A server over `backend` (a database URI), or over a new folder.
fn start_on(backend: Option<&str>, extra: &[&str]) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("mlruns");
    let backend = backend.map_or_else(|| store.to_string_lossy().into_owned(), str::to_string);
    let artifacts = dir.path().join("mlartifacts");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrun"));
    cmd.arg("server")
        .arg("--backend-store-uri")
        .arg(&backend)
        .arg("--artifacts-destination")
        .arg(&artifacts)
        .args(["--port", "0"])
        .args(extra)
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .stderr(Stdio::null())
        .process_group(0);
    let (child, line) = common::spawn_printing_url(cmd);
    // The shared server lives in a static, never dropped: it ends when this test binary does.
    common::tracking_server::watchdog(child.id(), "TERM");
    let url = line.trim().to_string();
    assert!(
        url.starts_with("http://127.0.0.1:"),
        "server printed {line:?}"
    );
    Running {
        url,
        store,
        artifacts,
        _child: child,
        _dir: dir,
    }
}

/// The server shared by this binary's tests.
fn shared() -> &'static Running {
    static S: OnceLock<Running> = OnceLock::new();
    S.get_or_init(|| start(&[]))
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self._child.kill();
        let _ = self._child.wait();
    }
}

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", uuid::Uuid::new_v4().simple())
}

/// A Python script with MLflow's client pointed at `url`; returns its stdout.
fn client(url: &str, script: &str) -> String {
    common::run_python_at(&mlflow_python(), url, script)
}

fn last_json(out: &str) -> Value {
    serde_json::from_str(out.lines().last().unwrap_or("")).unwrap()
}

fn post(url: &str, path: &str, body: &Value) -> (u16, Value) {
    let r = request(
        "POST",
        &format!("{url}{path}"),
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    );
    (r.status, r.json())
}

#[test]
fn the_fluent_api_and_client_log_through_the_server_and_the_folder_reads_back_equal() {
    let s = shared();
    let exp = unique("fluent");
    let script = format!(
        r#"
import json, mlflow
from mlflow import MlflowClient
mlflow.set_experiment("{exp}")
with mlflow.start_run(run_name="outer") as r:
    mlflow.log_param("lr", 0.1)
    mlflow.log_params({{"depth": 3, "kind": "tree"}})
    for s in range(4):
        mlflow.log_metric("loss", 1.0 / (s + 1), step=s, timestamp=1000 + s)
    mlflow.log_metrics({{"acc": 0.75, "f1": 0.5}}, step=2, timestamp=5000)
    mlflow.set_tag("team", "ml")
    with mlflow.start_run(run_name="inner", nested=True) as n:
        mlflow.log_metric("x", 2.0, timestamp=7000)
c = MlflowClient()
run = c.get_run(r.info.run_id)
inner = c.get_run(n.info.run_id)
hist = [(m.step, m.value, m.timestamp) for m in c.get_metric_history(r.info.run_id, "loss")]
print(json.dumps({{
  "run_id": r.info.run_id, "inner_id": n.info.run_id,
  "experiment_id": r.info.experiment_id,
  "status": run.info.status, "end_time": run.info.end_time,
  "params": run.data.params, "metrics": run.data.metrics,
  "tags": {{k: v for k, v in run.data.tags.items() if not k.startswith("mlflow.source")}},
  "parent": inner.data.tags.get("mlflow.parentRunId"),
  "history": hist,
  "artifact_uri": run.info.artifact_uri,
}}))
"#
    );
    let logged = last_json(&client(&s.url, &script));
    let run_id = logged["run_id"].as_str().unwrap();
    let exp_id = logged["experiment_id"].as_str().unwrap();
    assert_eq!(logged["status"], "FINISHED");
    assert_eq!(logged["parent"], run_id);
    assert_eq!(
        logged["params"],
        json!({"lr": "0.1", "depth": "3", "kind": "tree"})
    );
    assert_eq!(
        logged["metrics"],
        json!({"loss": 0.25, "acc": 0.75, "f1": 0.5})
    );
    assert_eq!(
        logged["history"],
        json!([
            [0, 1.0, 1000],
            [1, 0.5, 1001],
            [2, 1.0 / 3.0, 1002],
            [3, 0.25, 1003]
        ])
    );
    assert_eq!(
        logged["artifact_uri"],
        format!("mlflow-artifacts:/{exp_id}/{run_id}/artifacts")
    );

    // MLflow's own file store client reads the folder the server wrote.
    let read = run_mlflow(
        &s.store,
        &format!(
            r#"
import json
from mlflow import MlflowClient
c = MlflowClient()
run = c.get_run("{run_id}")
hist = [(m.step, m.value, m.timestamp) for m in c.get_metric_history("{run_id}", "loss")]
print(json.dumps({{"status": run.info.status, "end_time": run.info.end_time,
  "params": run.data.params, "metrics": run.data.metrics,
  "tags": {{k: v for k, v in run.data.tags.items() if not k.startswith("mlflow.source")}},
  "history": hist, "artifact_uri": run.info.artifact_uri}}))
"#
        ),
    );
    let read = last_json(&read);
    for k in [
        "status",
        "end_time",
        "params",
        "metrics",
        "tags",
        "history",
        "artifact_uri",
    ] {
        assert_eq!(read[k], logged[k], "{k}");
    }

    // And mlrun's CLI reads it the same.
    let env = TestEnv::new();
    let described = env.json_at(s.store.to_str().unwrap(), &["runs", "describe", run_id]);
    let params: Vec<(String, String)> =
        common::pairs(&described["run"]["data"]["params"], "key", "value");
    let mut want: Vec<(String, String)> = logged["params"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    want.sort();
    assert_eq!(params, want);
    assert_eq!(described["run"]["info"]["status"], "FINISHED");
    assert_eq!(described["run"]["info"]["end_time"], logged["end_time"]);
}

#[test]
fn search_runs_and_experiments_filter_order_and_page_through_the_server() {
    let s = shared();
    let exp = unique("search");
    let script = format!(
        r#"
import json, mlflow
from mlflow import MlflowClient
c = MlflowClient()
eid = c.create_experiment("{exp}", tags={{"team": "search"}})
for i in range(5):
    r = c.create_run(eid, run_name=f"r{{i}}", start_time=1000 + i)
    c.log_metric(r.info.run_id, "score", float(i), timestamp=1, step=0)
    c.log_param(r.info.run_id, "i", str(i))
    c.set_terminated(r.info.run_id)
page1 = c.search_runs([eid], "metrics.score >= 0", order_by=["metrics.score DESC"], max_results=2)
page2 = c.search_runs([eid], "metrics.score >= 0", order_by=["metrics.score DESC"], max_results=2, page_token=page1.token)
page3 = c.search_runs([eid], "metrics.score >= 0", order_by=["metrics.score DESC"], max_results=2, page_token=page2.token)
fluent = mlflow.search_runs([eid], filter_string="params.i = '3'", output_format="list")
exps = c.search_experiments(filter_string="name = '{exp}' and tags.team = 'search'", order_by=["name ASC"])
try:
    c.search_runs([eid], "metrics.score >>> 1")
    bad = None
except mlflow.exceptions.MlflowException as e:
    bad = e.error_code
print(json.dumps({{
  "pages": [[r.info.run_name for r in p] for p in (page1, page2, page3)],
  "last_token": page3.token,
  "fluent": [r.info.run_name for r in fluent],
  "exps": [(e.name, e.experiment_id == eid, e.artifact_location) for e in exps],
  "eid": eid, "bad": bad,
}}))
"#
    );
    let out = last_json(&client(&s.url, &script));
    assert_eq!(out["pages"], json!([["r4", "r3"], ["r2", "r1"], ["r0"]]));
    assert_eq!(out["last_token"], Value::Null);
    assert_eq!(out["fluent"], json!(["r3"]));
    let eid = out["eid"].as_str().unwrap();
    assert_eq!(
        out["exps"],
        json!([[exp, true, format!("mlflow-artifacts:/{eid}")]])
    );
    assert_eq!(out["bad"], "INVALID_PARAMETER_VALUE");
}

#[test]
fn answers_have_mlflow_shapes_errors_and_statuses() {
    let s = shared();
    let url = &s.url;
    let name = unique("shapes");
    for prefix in ["/api/2.0/mlflow", "/ajax-api/2.0/mlflow"] {
        let (st, v) = post(
            url,
            &format!("{prefix}/experiments/create"),
            &json!({"name": format!("{name}{prefix}")}),
        );
        assert_eq!(st, 200, "{v}");
        assert!(v["experiment_id"].is_string(), "{v}");
    }
    let r = get(&format!(
        "{url}/api/2.0/mlflow/experiments/get-by-name?experiment_name={name}/api/2.0/mlflow"
    ));
    let e = &r.json()["experiment"];
    // int64 fields are JSON numbers, as MLflow's message_to_json writes them; no tags: no field.
    assert!(e["creation_time"].is_i64(), "{e}");
    assert!(e.get("tags").is_none(), "{e}");
    let exp_id = e["experiment_id"].as_str().unwrap().to_string();

    let (st, v) = post(
        url,
        "/api/2.0/mlflow/runs/create",
        &json!({"experiment_id": exp_id, "start_time": 1000, "run_name": "r"}),
    );
    assert_eq!(st, 200, "{v}");
    let info = &v["run"]["info"];
    assert_eq!(info["start_time"], 1000);
    assert_eq!(info["status"], "RUNNING");
    assert!(info.get("end_time").is_none());
    assert_eq!(v["run"]["inputs"], json!({}));
    let run_id = info["run_id"].as_str().unwrap().to_string();
    let (st, _) = post(
        url,
        "/api/2.0/mlflow/runs/log-metric",
        &json!({"run_id": run_id, "key": "m", "value": 1.5, "timestamp": 5, "step": 2}),
    );
    assert_eq!(st, 200);
    let h = get(&format!(
        "{url}/api/2.0/mlflow/metrics/get-history?run_id={run_id}&metric_key=m"
    ))
    .json();
    assert_eq!(
        h,
        json!({"metrics": [{"key": "m", "value": 1.5, "timestamp": 5, "step": 2}]})
    );

    // Errors: MLflow's codes, statuses and words.
    let (st, v) = post(
        url,
        "/api/2.0/mlflow/runs/create",
        &json!({"experiment_id": 5}),
    );
    assert_eq!(st, 400);
    assert_eq!(v["error_code"], "INVALID_PARAMETER_VALUE");
    assert_eq!(
        v["message"],
        "Invalid value 5 for parameter 'experiment_id' supplied:  Hint: Value was of type 'int'. See the API docs for more information about request parameters."
    );
    let (st, v) = post(url, "/api/2.0/mlflow/experiments/create", &json!({}));
    assert_eq!(
        (st, v["error_code"].as_str()),
        (400, Some("INVALID_PARAMETER_VALUE"))
    );
    assert!(v["message"]
        .as_str()
        .unwrap()
        .starts_with("Missing value for required parameter 'name'"));
    let r = get(&format!(
        "{url}/api/2.0/mlflow/runs/get?run_id=0123456789abcdef0123456789abcdef"
    ));
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error_code"], "RESOURCE_DOES_NOT_EXIST");
    let r = request(
        "POST",
        &format!("{url}/api/2.0/mlflow/experiments/create"),
        &[("Content-Type", "text/plain")],
        b"{}",
    );
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json()["message"],
        "Bad Request. Content-Type must be one of ['application/json']."
    );
    // Endpoints not served answer JSON, never HTML or a hang.
    for path in [
        "/api/2.0/mlflow/traces/search",
        "/api/2.0/mlflow/nope",
        "/api/3.0/mlflow/traces",
    ] {
        let r = get(&format!("{url}{path}"));
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.json()["error_code"], "ENDPOINT_NOT_FOUND", "{path}");
    }
    assert_eq!(get(&format!("{url}/health")).text(), "OK");
    assert_eq!(get(&format!("{url}/version")).status, 200);
}

#[test]
fn artifacts_go_through_the_proxy_and_come_back() {
    let s = shared();
    let exp = unique("artifacts");
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), "alpha").unwrap();
    std::fs::write(src.join("sub/b.txt"), "beta").unwrap();
    let script = format!(
        r#"
import json, mlflow, os
mlflow.set_experiment("{exp}")
with mlflow.start_run() as r:
    mlflow.log_artifact("{src}/a.txt")
    mlflow.log_artifacts("{src}", artifact_path="tree")
    mlflow.log_dict({{"k": [1, 2]}}, "d/dict.json")
c = mlflow.MlflowClient()
listed = sorted((f.path, f.is_dir, f.file_size) for f in c.list_artifacts(r.info.run_id, "tree"))
p = mlflow.artifacts.download_artifacts(run_id=r.info.run_id, artifact_path="d/dict.json", dst_path="{dst}")
t = mlflow.artifacts.download_artifacts(run_id=r.info.run_id, artifact_path="tree", dst_path="{dst}")
print(json.dumps({{"run_id": r.info.run_id, "exp_id": r.info.experiment_id, "listed": listed,
  "dict": json.load(open(p)), "b": open(os.path.join(t, "sub", "b.txt")).read()}}))
"#,
        src = src.display(),
        dst = dir.path().join("dst").display(),
    );
    let out = last_json(&client(&s.url, &script));
    assert_eq!(
        out["listed"],
        json!([["tree/a.txt", false, 5], ["tree/sub", true, null]])
    );
    assert_eq!(out["dict"], json!({"k": [1, 2]}));
    assert_eq!(out["b"], "beta");
    let run_dir = s
        .artifacts
        .join(out["exp_id"].as_str().unwrap())
        .join(out["run_id"].as_str().unwrap())
        .join("artifacts");
    assert_eq!(
        std::fs::read_to_string(run_dir.join("a.txt")).unwrap(),
        "alpha"
    );
    assert_eq!(
        std::fs::read_to_string(run_dir.join("tree/sub/b.txt")).unwrap(),
        "beta"
    );
}

fn files_under(p: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(p)
        .into_iter()
        .flatten()
        .map(|e| e.path().to_path_buf())
        .collect()
}

#[test]
fn the_artifact_proxy_never_leaves_its_root() {
    let s = start(&[]);
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(&s.artifacts).unwrap();
    std::os::unix::fs::symlink(outside.path(), s.artifacts.join("link")).unwrap();
    std::fs::write(outside.path().join("secret"), "s").unwrap();
    let base = format!("{}/api/2.0/mlflow-artifacts/artifacts", s.url);
    for path in [
        "/../escape.txt",
        "/a/../../escape.txt",
        "/%2e%2e/escape.txt",
        "/a/%2E%2E/%2e%2e/escape.txt",
        "/%252e%252e/escape.txt",
        "/..%2fescape.txt",
        "//etc/escape.txt",
        "/%2Fetc/escape.txt",
        "/a%5c..%5cescape.txt",
        "/link/escape.txt",
        "/link",
    ] {
        let put = request("PUT", &format!("{base}{path}"), &[], b"x");
        assert!(
            put.status == 400 || put.status == 404,
            "PUT {path}: {} {}",
            put.status,
            put.text()
        );
        assert!(put.json()["error_code"].is_string(), "{path}");
        let got = request("GET", &format!("{base}{path}"), &[], b"");
        assert_ne!(got.status, 200, "GET {path}: {}", got.text());
    }
    let listed = get(&format!("{base}?path=link"));
    assert_ne!(listed.status, 200, "{}", listed.text());
    let listed = get(&format!("{base}?path=..%2F"));
    assert_eq!(listed.status, 400, "{}", listed.text());
    let deleted = request("DELETE", &format!("{base}/link/secret"), &[], b"");
    assert_ne!(deleted.status, 200);
    assert_eq!(
        std::fs::read_to_string(outside.path().join("secret")).unwrap(),
        "s"
    );
    assert_eq!(
        files_under(outside.path()).len(),
        2,
        "only the secret outside"
    );
    // Only the link was ever in the root: nothing was written anywhere.
    assert_eq!(
        files_under(&s.artifacts).len(),
        2,
        "{:?}",
        files_under(&s.artifacts)
    );
    assert!(!s.artifacts.parent().unwrap().join("escape.txt").exists());

    // A plain upload, download and delete work.
    let put = request("PUT", &format!("{base}/ok/f.txt"), &[], b"hello");
    assert_eq!(put.status, 200, "{}", put.text());
    assert_eq!(get(&format!("{base}/ok/f.txt")).text(), "hello");
    assert_eq!(
        get(&format!("{base}?path=ok")).json(),
        json!({"files": [{"path": "f.txt", "is_dir": false, "file_size": 5}]})
    );
    assert_eq!(
        request("DELETE", &format!("{base}/ok/f.txt"), &[], b"").status,
        200
    );
    assert!(!s.artifacts.join("ok/f.txt").exists());
}

#[test]
fn read_only_refuses_every_write_with_permission_denied() {
    let s = start(&["--read-only"]);
    let (st, v) = post(
        &s.url,
        "/api/2.0/mlflow/experiments/create",
        &json!({"name": "x"}),
    );
    assert_eq!(st, 403, "{v}");
    assert_eq!(v["error_code"], "PERMISSION_DENIED");
    let put = request(
        "PUT",
        &format!("{}/api/2.0/mlflow-artifacts/artifacts/a/b.txt", s.url),
        &[],
        b"x",
    );
    assert_eq!(put.status, 403);
    assert!(!s.artifacts.join("a").exists());
    // Reads still answer, searches (POSTs that change nothing) too.
    let r = get(&format!(
        "{}/api/2.0/mlflow/experiments/get?experiment_id=0",
        s.url
    ));
    assert_eq!(r.status, 200, "{}", r.text());
    let (st, v) = post(
        &s.url,
        "/api/2.0/mlflow/experiments/search",
        &json!({"max_results": 10}),
    );
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["experiments"][0]["name"], "Default");
}

/// A JSON value's shape: its keys and each value's JSON type, recursively (values themselves,
/// ids and times, differ between two servers).
fn shape(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), shape(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(shape).collect()),
        Value::String(_) => json!("string"),
        Value::Number(n) if n.is_f64() => json!("float"),
        Value::Number(_) => json!("int"),
        Value::Bool(_) => json!("bool"),
        Value::Null => json!("null"),
    }
}

/// Where two servers' answers to the same requests differ: the status, the error code of an
/// error, or else what `same` compares of a success.
fn differences(
    answers: &[Vec<(u16, Value)>],
    what: &str,
    same: fn(&Value, &Value) -> bool,
) -> Vec<String> {
    let (theirs, ours) = (&answers[0], &answers[1]);
    let mut differ = Vec::new();
    for (i, (t, o)) in theirs.iter().zip(ours).enumerate() {
        let alike = t.0 == o.0
            && if t.1.get("error_code").is_some() {
                t.1["error_code"] == o.1["error_code"]
            } else {
                same(&t.1, &o.1)
            };
        if !alike {
            differ.push(format!(
                "{what} {i}: mlflow {} {} / mlrun {} {}",
                t.0, t.1, o.0, o.1
            ));
        }
    }
    differ
}

/// The same requests to `mlflow server` (on PostgreSQL) and to `mlrun server`: the same statuses,
/// error codes and answer shapes (field names, int64 as numbers, empty fields left out).
#[test]
fn answers_match_a_real_mlflow_server() {
    let ours = &shared().url;
    let theirs = &common::tracking_server::server().url;
    let name = unique("parity");
    let mut answers: Vec<Vec<(u16, Value)>> = Vec::new();
    for url in [theirs, ours] {
        let mut got = Vec::new();
        let mut call = |method: &str, path: &str, body: Value| {
            let r = if method == "GET" {
                get(&format!("{url}{path}"))
            } else {
                request(
                    method,
                    &format!("{url}{path}"),
                    &[("Content-Type", "application/json")],
                    body.to_string().as_bytes(),
                )
            };
            let v = r.json();
            got.push((r.status, v.clone()));
            v
        };
        let api = "/api/2.0/mlflow";
        let e = call(
            "POST",
            &format!("{api}/experiments/create"),
            json!({"name": name, "tags": [{"key": "a", "value": "b"}]}),
        );
        let eid = e["experiment_id"].as_str().unwrap().to_string();
        call(
            "GET",
            &format!("{api}/experiments/get?experiment_id={eid}"),
            json!({}),
        );
        let r = call(
            "POST",
            &format!("{api}/runs/create"),
            json!({"experiment_id": eid, "start_time": 1000, "run_name": "r",
                   "tags": [{"key": "t", "value": "v"}]}),
        );
        let rid = r["run"]["info"]["run_id"].as_str().unwrap().to_string();
        call(
            "POST",
            &format!("{api}/runs/log-metric"),
            json!({"run_id": rid, "key": "m", "value": 1.5, "timestamp": 5, "step": 2}),
        );
        call(
            "POST",
            &format!("{api}/runs/log-batch"),
            json!({"run_id": rid, "params": [{"key": "p", "value": "1"}],
                   "metrics": [{"key": "n", "value": 2, "timestamp": 6}]}),
        );
        call("GET", &format!("{api}/runs/get?run_id={rid}"), json!({}));
        call(
            "GET",
            &format!("{api}/metrics/get-history?run_id={rid}&metric_key=m"),
            json!({}),
        );
        call(
            "POST",
            &format!("{api}/runs/update"),
            json!({"run_id": rid, "status": "FINISHED", "end_time": 2000}),
        );
        call(
            "POST",
            &format!("{api}/runs/search"),
            json!({"experiment_ids": [eid], "filter": "params.p = '1'"}),
        );
        call(
            "POST",
            &format!("{api}/experiments/search"),
            json!({"filter": format!("name = '{name}'")}),
        );
        // Errors: statuses and codes.
        call(
            "POST",
            &format!("{api}/runs/create"),
            json!({"experiment_id": 5}),
        );
        call(
            "POST",
            &format!("{api}/experiments/create"),
            json!({"name": name}),
        );
        call(
            "GET",
            &format!("{api}/runs/get?run_id=0123456789abcdef0123456789abcdef"),
            json!({}),
        );
        // The registry.
        let model = format!("{name}-model");
        call(
            "POST",
            &format!("{api}/registered-models/create"),
            json!({"name": model, "tags": [{"key": "k", "value": "v"}]}),
        );
        call(
            "POST",
            &format!("{api}/model-versions/create"),
            json!({"name": model, "source": format!("runs:/{rid}/model"), "run_id": rid}),
        );
        call(
            "POST",
            &format!("{api}/registered-models/alias"),
            json!({"name": model, "alias": "champion", "version": "1"}),
        );
        call(
            "GET",
            &format!("{api}/registered-models/alias?name={model}&alias=champion"),
            json!({}),
        );
        call(
            "POST",
            &format!("{api}/model-versions/transition-stage"),
            json!({"name": model, "version": "1", "stage": "Staging",
                   "archive_existing_versions": false}),
        );
        call(
            "POST",
            &format!("{api}/registered-models/get-latest-versions"),
            json!({"name": model, "stages": ["Staging"]}),
        );
        call(
            "GET",
            &format!("{api}/registered-models/get?name={model}"),
            json!({}),
        );
        call(
            "GET",
            &format!("{api}/registered-models/get?name={name}-missing"),
            json!({}),
        );
        call(
            "POST",
            &format!("{api}/runs/delete"),
            json!({"run_id": rid}),
        );
        call(
            "POST",
            &format!("{api}/runs/set-tag"),
            json!({"run_id": rid, "key": "x", "value": "y"}),
        );
        answers.push(got);
    }
    let differ = differences(&answers, "request", |t, o| shape(t) == shape(o));
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// `log_model` with registration, aliases, stages and loading by alias, all through the server;
/// the registry then read back by MLflow's file store client.
#[test]
fn sklearn_models_log_register_and_load_through_the_server() {
    let s = shared();
    let exp = unique("models");
    let model = unique("lin");
    let script = format!(
        r#"
import json, mlflow
from sklearn.linear_model import LinearRegression
mlflow.set_experiment("{exp}")
m = LinearRegression().fit([[0], [1], [2]], [0, 1, 2])
with mlflow.start_run() as r:
    mlflow.log_param("fit", "ols")
    info = mlflow.sklearn.log_model(m, name="model", registered_model_name="{model}")
c = mlflow.MlflowClient()
c.set_registered_model_alias("{model}", "champion", 1)
c.transition_model_version_stage("{model}", 1, "Production")
c.set_registered_model_tag("{model}", "team", "ml")
c.update_model_version("{model}", 1, description="first")
loaded = mlflow.pyfunc.load_model("models:/{model}@champion")
latest = c.get_latest_versions("{model}", ["Production"])
found = c.search_registered_models(filter_string="name = '{model}'")
print(json.dumps({{"pred": [round(float(x), 6) for x in loaded.predict([[3]])],
  "latest": [(v.version, v.current_stage, list(v.aliases)) for v in latest],
  "found": [(f.name, f.tags) for f in found], "model_id": info.model_id,
  "uri": c.get_model_version_download_uri("{model}", 1)}}))
"#
    );
    let out = run_sklearn_client(&s.url, &script);
    assert_eq!(out["pred"], json!([3.0]));
    assert_eq!(out["latest"], json!([["1", "Production", ["champion"]]]));
    assert_eq!(out["found"], json!([[model, {"team": "ml"}]]));
    let uri = out["uri"].as_str().unwrap();
    assert!(uri.starts_with("mlflow-artifacts:/"), "{uri}");
    assert!(uri.contains(out["model_id"].as_str().unwrap()), "{uri}");

    // MLflow's file store client reads the registry and the logged model the server wrote.
    let read = run_mlflow(
        &s.store,
        &format!(
            r#"
import json
from mlflow import MlflowClient
c = MlflowClient()
v = c.get_model_version_by_alias("{model}", "champion")
lm = c.get_logged_model("{id}")
print(json.dumps([v.version, v.current_stage, v.description, lm.name, str(lm.status), lm.params]))
"#,
            id = out["model_id"].as_str().unwrap()
        ),
    );
    assert_eq!(
        last_json(&read),
        json!([1, "Production", "first", "model", "READY", {"fit": "ols"}])
    );
}

fn run_sklearn_client(url: &str, script: &str) -> Value {
    last_json(&common::run_python_at(
        &common::mlflow_sklearn_python(),
        url,
        script,
    ))
}

#[test]
fn listening_beyond_loopback_warns() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrun"));
    cmd.args([
        "server",
        "--host",
        "0.0.0.0",
        "--port",
        "0",
        "--workers",
        "2",
    ])
    .arg("--backend-store-uri")
    .arg(dir.path().join("mlruns"))
    .current_dir(dir.path())
    .env_clear()
    .env("PATH", std::env::var("PATH").unwrap_or_default())
    .stderr(Stdio::piped());
    let (mut child, line) = common::spawn_printing_url(cmd);
    assert!(line.starts_with("http://0.0.0.0:"), "{line}");
    let mut err = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stderr.take().unwrap()),
        &mut err,
    )
    .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        err.contains("warning") && err.contains("anyone who can reach"),
        "{err}"
    );
}

#[test]
fn bodies_the_front_refuses_get_mlflow_error_bodies() {
    let s = shared();
    let deep = format!("{}{}", "[".repeat(1100), "]".repeat(1100));
    let r = request(
        "POST",
        &format!("{}/api/2.0/mlflow/runs/log-batch", s.url),
        &[("Content-Type", "application/json")],
        deep.as_bytes(),
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error_code"], "BAD_REQUEST");
    // A body that is not JSON is an empty request, as MLflow's silent parse makes it.
    let r = request(
        "POST",
        &format!("{}/api/2.0/mlflow/runs/log-batch", s.url),
        &[("Content-Type", "application/json")],
        b"{not json",
    );
    assert_eq!(r.status, 400);
    assert!(
        r.json()["message"]
            .as_str()
            .unwrap()
            .starts_with("Missing value for required parameter 'run_id'"),
        "{}",
        r.text()
    );
}

/// mlrun's own REST backend against `mlrun server`: the CLI logs through it, and `mlrun sync`
/// copies what it serves into a folder.
#[test]
fn mlrun_cli_and_sync_work_against_mlrun_server() {
    let s = shared();
    let env = TestEnv::new();
    let name = unique("cli");
    let exp = env.ok_at(&s.url, &["experiments", "create", &name]);
    let exp = exp.trim();
    let run = env.ok_at(
        &s.url,
        &["runs", "start", "--experiment-id", exp, "--name", "r1"],
    );
    let run = run.trim();
    env.ok_at(&s.url, &["log-param", "--run-id", run, "lr", "0.1"]);
    env.ok_at(&s.url, &["log-metric", "--run-id", run, "loss", "0.5"]);
    let found = env.json_at(&s.url, &["runs", "search", "--experiment-id", exp]);
    assert_eq!(found["runs"][0]["info"]["run_id"], run, "{found}");
    let copy = env.path().join("copy");
    env.ok_at(
        &s.url,
        &[
            "sync",
            &s.url,
            copy.to_str().unwrap(),
            "--experiment",
            &name,
        ],
    );
    let copied = env.json_at(
        copy.to_str().unwrap(),
        &["runs", "search", "--experiment-name", &name],
    );
    let params = common::pairs(&copied["runs"][0]["data"]["params"], "key", "value");
    assert_eq!(params, vec![("lr".to_string(), "0.1".to_string())]);
}

/// `mlflow.log_input` with a pandas dataset through the server, read back by MLflow's file store
/// client.
#[test]
fn dataset_inputs_log_through_the_server() {
    let s = shared();
    let exp = unique("inputs");
    let script = format!(
        r#"
import json, mlflow, pandas as pd
mlflow.set_experiment("{exp}")
df = pd.DataFrame({{"a": [1, 2, 3], "b": [0.5, 0.25, 0.125]}})
ds = mlflow.data.from_pandas(df, name="train")
with mlflow.start_run() as r:
    mlflow.log_input(ds, context="training")
print(json.dumps({{"run_id": r.info.run_id, "digest": ds.digest}}))
"#
    );
    let out = last_json(&client(&s.url, &script));
    let read = run_mlflow(
        &s.store,
        &format!(
            r#"
import json
from mlflow import MlflowClient
run = MlflowClient().get_run("{}")
d = run.inputs.dataset_inputs
print(json.dumps([(i.dataset.name, i.dataset.digest, i.dataset.source_type,
  {{t.key: t.value for t in i.tags}}) for i in d]))
"#,
            out["run_id"].as_str().unwrap()
        ),
    );
    assert_eq!(
        last_json(&read),
        json!([["train", out["digest"], "code", {"mlflow.data.context": "training"}]])
    );
    // A dataset without its name is refused with MLflow's code.
    let (st, v) = post(
        &s.url,
        "/api/2.0/mlflow/runs/log-inputs",
        &json!({"run_id": out["run_id"], "datasets": [{"dataset": {"digest": "d"}}]}),
    );
    assert_eq!(
        (st, v["error_code"].as_str()),
        (400, Some("INVALID_PARAMETER_VALUE"))
    );
}

/// MLflow's client logs the same scenario through `mlrun server` over SQLite and over PostgreSQL
/// (params, metrics with steps, tags, a nested run, a dataset input, an sklearn model registered
/// with an alias), and MLflow's own database client then reads every value back from the database.
#[test]
fn the_client_scenario_on_sqlite_and_postgresql_reads_back_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite:///{}", dir.path().join("mlflow.db").display());
    let pg = common::tracking_server::postgres().database("server_scenario");
    for (backend, read_uri) in [
        (sqlite.clone(), sqlite.clone()),
        (
            pg.clone(),
            pg.replacen("postgresql://", "postgresql+psycopg2://", 1),
        ),
    ] {
        let server = start_on(Some(&backend), &[]);
        let exp = unique("db");
        let model = unique("dbm");
        let script = format!(
            r#"
import json, mlflow, pandas as pd
from sklearn.linear_model import LinearRegression
mlflow.set_experiment("{exp}")
with mlflow.start_run(run_name="parent") as p:
    mlflow.log_params({{"lr": "0.1", "layers": "3"}})
    for i, v in enumerate([0.9, 0.5, float("nan"), 0.25]):
        mlflow.log_metric("loss", v, step=i)
    mlflow.set_tag("team", "ü")
    mlflow.log_input(mlflow.data.from_pandas(pd.DataFrame({{"a": [1, 2]}}), name="train"), context="training")
    with mlflow.start_run(run_name="child", nested=True) as c:
        mlflow.log_metric("acc", 0.75)
    info = mlflow.sklearn.log_model(LinearRegression().fit([[0], [1]], [0, 2]), name="model", registered_model_name="{model}")
mlflow.MlflowClient().set_registered_model_alias("{model}", "champion", 1)
print(json.dumps({{"parent": p.info.run_id, "child": c.info.run_id, "model_id": info.model_id}}))
"#
        );
        let ids = run_sklearn_client(&server.url, &script);
        let read = format!(
            r#"
import json, math
from mlflow import MlflowClient
c = MlflowClient(tracking_uri="{read_uri}", registry_uri="{read_uri}")
p = c.get_run("{parent}")
h = [(m.step, "nan" if math.isnan(m.value) else m.value) for m in c.get_metric_history("{parent}", "loss")]
ch = c.get_run("{child}")
v = c.get_model_version_by_alias("{model}", "champion")
lm = c.get_logged_model("{model_id}")
print(json.dumps({{"params": p.data.params, "team": p.data.tags.get("team"), "history": h,
  "inputs": [(i.dataset.name, i.tags[0].value) for i in p.inputs.dataset_inputs],
  "child_parent": ch.data.tags.get("mlflow.parentRunId"), "acc": ch.data.metrics.get("acc"),
  "version": [v.version, v.run_id], "logged": [lm.name, str(lm.status), lm.source_run_id],
  "status": [p.info.status, ch.info.status]}}))
"#,
            parent = ids["parent"].as_str().unwrap(),
            child = ids["child"].as_str().unwrap(),
            model_id = ids["model_id"].as_str().unwrap(),
        );
        let out = Command::new(common::tracking_server::server_python())
            .args(["-c", &read])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{backend}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = last_json(&String::from_utf8_lossy(&out.stdout));
        assert_eq!(
            got,
            json!({
                "params": {"lr": "0.1", "layers": "3"}, "team": "ü",
                "history": [[0, 0.9], [1, 0.5], [2, "nan"], [3, 0.25]],
                "inputs": [["train", "training"]],
                "child_parent": ids["parent"], "acc": 0.75,
                "version": [1, ids["parent"]],
                "logged": ["model", "READY", ids["parent"]],
                "status": ["FINISHED", "FINISHED"]
            }),
            "{backend}"
        );
    }
}

/// The UI's own JSON at `url` lists experiment `exp` with one run.
fn ui_lists_one_run(url: &str, exp: &str) {
    let listed = get(&format!("{url}/api/experiments")).json();
    assert!(
        listed["experiments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["experiment"]["name"] == exp && e["run_count"] == 1),
        "{listed}"
    );
}

/// The web UI is served by the same process at `/`: its page, its own JSON (`/api/…`, beside
/// MLflow's `/api/2.0/…`) and its writes; a foreign Host is refused on every path but `/health`;
/// `--read-only` refuses the UI's writes too.
#[test]
fn the_web_ui_is_served_at_the_root_by_the_same_server() {
    let s = start(&[]);
    let exp = unique("ui");
    let (st, v) = post(
        &s.url,
        "/api/2.0/mlflow/experiments/create",
        &json!({"name": exp}),
    );
    assert_eq!(st, 200, "{v}");
    let eid = v["experiment_id"].as_str().unwrap().to_string();
    let (_, v) = post(
        &s.url,
        "/api/2.0/mlflow/runs/create",
        &json!({"experiment_id": eid, "run_name": "before"}),
    );
    let rid = v["run"]["info"]["run_id"].as_str().unwrap().to_string();

    let page = get(&format!("{}/", s.url));
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(page.text().contains("app.js"), "{}", page.text());
    assert_eq!(get(&format!("{}/assets/app.js", s.url)).status, 200);
    ui_lists_one_run(&s.url, &exp);
    // `--no-ui`: only MLflow's API; the UI's paths answer MLflow's JSON 404, never HTML.
    let plain = start(&["--no-ui"]);
    for path in ["/", "/assets/app.js", "/api/experiments"] {
        let r = get(&format!("{}{path}", plain.url));
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.json()["error_code"], "ENDPOINT_NOT_FOUND", "{path}");
    }
    // A write of the UI's, then read back through MLflow's API.
    let rename = |url: &str, name: &str| {
        request(
            "POST",
            &format!("{url}/api/runs/rename"),
            &[("X-Mlrun-Write", "1"), ("Content-Type", "application/json")],
            json!({"run_id": rid, "name": name}).to_string().as_bytes(),
        )
    };
    let run_name = || {
        let run = get(&format!("{}/api/2.0/mlflow/runs/get?run_id={rid}", s.url)).json();
        run["run"]["info"]["run_name"].clone()
    };
    let w = rename(&s.url, "after");
    assert_eq!(w.status, 200, "{}", w.text());
    assert_eq!(run_name(), "after");

    // DNS rebinding: a foreign Host gets 403 on the UI and on MLflow's API; /health answers.
    for path in [
        "/api/experiments",
        "/",
        "/api/2.0/mlflow/experiments/search?max_results=1",
    ] {
        let r = request(
            "GET",
            &format!("{}{path}", s.url),
            &[("Host", "evil.example:80")],
            b"",
        );
        assert_eq!(r.status, 403, "{path}: {}", r.text());
        assert_eq!(r.json()["error_code"], "PERMISSION_DENIED", "{path}");
    }
    let h = request(
        "GET",
        &format!("{}/health", s.url),
        &[("Host", "evil.example")],
        b"",
    );
    assert_eq!(h.status, 200);

    // A write from another site's page (its Origin) is refused, on MLflow's API and the UI's; the
    // server's own page may write.
    let own = s.url.clone();
    for (origin, want) in [
        ("http://evil.example", 403),
        ("null", 403),
        (own.as_str(), 200),
    ] {
        let name = unique("origin");
        let r = request(
            "POST",
            &format!("{}/api/2.0/mlflow/experiments/create", s.url),
            &[("Content-Type", "application/json"), ("Origin", origin)],
            json!({"name": name}).to_string().as_bytes(),
        );
        assert_eq!(r.status, want, "{origin}: {}", r.text());
        let found = get(&format!(
            "{}/api/2.0/mlflow/experiments/get-by-name?experiment_name={name}",
            s.url
        ));
        assert_eq!(found.status == 200, want == 200, "{origin}");
    }
    let r = request(
        "POST",
        &format!("{}/api/runs/rename", s.url),
        &[
            ("X-Mlrun-Write", "1"),
            ("Content-Type", "application/json"),
            ("Origin", "http://evil.example"),
        ],
        json!({"run_id": rid, "name": "evil"})
            .to_string()
            .as_bytes(),
    );
    assert_eq!(r.status, 403);

    // Read-only: the UI's writes are refused and nothing changes.
    let ro = start_on(Some(s.store.to_str().unwrap()), &["--read-only"]);
    let before = files_under(&s.store);
    let w = rename(&ro.url, "refused");
    assert_eq!(w.status, 403, "{}", w.text());
    assert_eq!(w.json()["error_code"], "PERMISSION_DENIED");
    assert_eq!(get(&format!("{}/api/experiments", ro.url)).status, 200);
    assert_eq!(files_under(&s.store), before);
    assert_eq!(run_name(), "after");
}

/// An htpasswd line for `user`, hashed with bcrypt by the C library's crypt(3) through Python (not
/// by mlrun's own code), at the lowest cost so the test stays quick.
fn htpasswd_line(user: &str, password: &str) -> String {
    let script = format!(
        "import crypt; print('{user}:' + crypt.crypt('{password}', \
         crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))"
    );
    let line = common::run_python_at(&mlflow_python(), "", &script)
        .trim()
        .to_string();
    assert!(line.starts_with(&format!("{user}:$2")), "{line}");
    line
}

/// `--auth-file`: MLflow's client with MLFLOW_TRACKING_USERNAME/PASSWORD logs; without them or with
/// a wrong password it gets 401 (with the Basic challenge and MLflow's error shape) and nothing is
/// written; a malformed file stops the server at start, naming the file and the line.
#[test]
fn basic_auth_from_an_htpasswd_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("users.htpasswd");
    std::fs::write(
        &file,
        format!(
            "# the team\n{}\n\n{}\n",
            htpasswd_line("alice", "wonder land"),
            htpasswd_line("bob", "b0b")
        ),
    )
    .unwrap();
    let s = start(&["--auth-file", file.to_str().unwrap()]);
    let exp = unique("auth");
    let script = |user: &str, password: &str| {
        format!(
            r#"
import json, os
os.environ["MLFLOW_TRACKING_USERNAME"] = "{user}"
os.environ["MLFLOW_TRACKING_PASSWORD"] = "{password}"
if not "{user}":
    del os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"]
import mlflow
from mlflow.exceptions import MlflowException
try:
    mlflow.set_experiment("{exp}")
    with mlflow.start_run() as r:
        mlflow.log_param("who", "{user}")
        mlflow.log_metric("m", 1.5, step=3)
    print(json.dumps({{"run_id": r.info.run_id}}))
except MlflowException as e:
    print(json.dumps({{"error_code": e.error_code, "message": str(e)}}))
"#
        )
    };
    for (user, password) in [("alice", "wrong"), ("", ""), ("carol", "wonder land")] {
        let before = files_under(&s.store);
        let got = last_json(&client(&s.url, &script(user, password)));
        assert_eq!(got["error_code"], "UNAUTHENTICATED", "{user}: {got}");
        assert_eq!(
            files_under(&s.store),
            before,
            "{user}: something was written"
        );
    }
    let got = last_json(&client(&s.url, &script("alice", "wonder land")));
    let run_id = got["run_id"].as_str().unwrap_or_else(|| panic!("{got}"));
    let read = last_json(&run_mlflow(
        &s.store,
        &format!(
            r#"
import json
from mlflow import MlflowClient
r = MlflowClient().get_run("{run_id}")
print(json.dumps({{"params": r.data.params, "metrics": r.data.metrics}}))
"#
        ),
    ));
    assert_eq!(
        read,
        json!({"params": {"who": "alice"}, "metrics": {"m": 1.5}})
    );

    // Raw HTTP: the challenge and MLflow's error body; the right pair answers.
    let url = format!("{}/api/2.0/mlflow/experiments/create", s.url);
    let body = json!({"name": unique("raw")}).to_string();
    let before = files_under(&s.store);
    for auth in [
        None,
        Some("Basic Ym9iOm5vcGU="),
        Some("Bearer x"),
        Some("Basic !!"),
    ] {
        let mut headers = vec![("Content-Type", "application/json")];
        headers.extend(auth.map(|a| ("Authorization", a)));
        let r = request("POST", &url, &headers, body.as_bytes());
        assert_eq!(r.status, 401, "{auth:?}");
        assert_eq!(r.header("www-authenticate"), Some("Basic realm=\"mlflow\""));
        assert_eq!(r.json()["error_code"], "UNAUTHENTICATED");
    }
    assert_eq!(get(&format!("{}/", s.url)).status, 401);
    assert_eq!(files_under(&s.store), before);
    assert_eq!(get(&format!("{}/health", s.url)).status, 200);
    // bob:b0b
    let r = request(
        "GET",
        &format!("{}/api/2.0/mlflow/experiments/get?experiment_id=0", s.url),
        &[("Authorization", "Basic Ym9iOmIwYg==")],
        b"",
    );
    assert_eq!(r.status, 200, "{}", r.text());

    // A file with a plain password on line 3: the server does not start, and says where.
    std::fs::write(
        &file,
        format!("# team\n{}\nbob:secret\n", htpasswd_line("alice", "x")),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mlrun"))
        .args(["server", "--port", "0", "--auth-file"])
        .arg(&file)
        .arg("--backend-store-uri")
        .arg(dir.path().join("never"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}, line 3", file.display())) && err.contains("bob"),
        "{err}"
    );
    assert!(!dir.path().join("never").exists());
}

/// The UI's chart endpoints, `metrics/get-history-bulk` and `…-bulk-interval`: the same JSON as a
/// real `mlflow server` (on PostgreSQL) for the same points, sampling and errors included.
#[test]
fn bulk_metric_histories_match_a_real_mlflow_server() {
    let ours = &shared().url;
    let theirs = &common::tracking_server::server().url;
    let mut answers: Vec<Vec<(u16, Value)>> = Vec::new();
    for url in [theirs, ours] {
        let (_, e) = post(
            url,
            "/api/2.0/mlflow/experiments/create",
            &json!({"name": unique("bulk")}),
        );
        let eid = e["experiment_id"].as_str().unwrap().to_string();
        let mut runs = Vec::new();
        for (n, name) in [(37, "a"), (6, "b")] {
            let (_, r) = post(
                url,
                "/api/2.0/mlflow/runs/create",
                &json!({"experiment_id": eid, "run_name": name, "start_time": 1}),
            );
            let rid = r["run"]["info"]["run_id"].as_str().unwrap().to_string();
            // Steps repeat and timestamps go back and forth, so every ordering key matters.
            let metrics: Vec<Value> = (0..n)
                .map(|i| {
                    json!({"key": "loss", "value": (i * 7 % 11) as f64 / 4.0,
                           "timestamp": 1000 + (i * 5 % 9), "step": i / 2})
                })
                .collect();
            let (st, v) = post(
                url,
                "/api/2.0/mlflow/runs/log-batch",
                &json!({"run_id": rid, "metrics": metrics}),
            );
            assert_eq!(st, 200, "{v}");
            runs.push(rid);
        }
        let (a, b) = (&runs[0], &runs[1]);
        let missing = "0123456789abcdef0123456789abcdef";
        let queries = [
            format!("get-history-bulk?run_id={b}&run_id={a}&metric_key=loss"),
            format!("get-history-bulk?run_id={a}&metric_key=loss&max_results=20"),
            format!("get-history-bulk?run_id={a}&metric_key=nope"),
            format!("get-history-bulk?run_id={a}"),
            "get-history-bulk?metric_key=loss".to_string(),
            format!("get-history-bulk-interval?run_ids={a}&run_ids={b}&metric_key=loss"),
            format!(
                "get-history-bulk-interval?run_ids={a}&run_ids={b}&metric_key=loss&max_results=5"
            ),
            format!(
                "get-history-bulk-interval?run_ids={a}&metric_key=loss&max_results=4\
                 &start_step=3&end_step=12"
            ),
            format!("get-history-bulk-interval?run_ids={a}&metric_key=loss&max_results=1"),
            format!("get-history-bulk-interval?run_ids={b}&metric_key=loss&max_results=6"),
            format!("get-history-bulk-interval?run_ids={a}&metric_key=nope&max_results=3"),
            format!("get-history-bulk-interval?run_ids={a}&metric_key=loss&start_step=3"),
            format!("get-history-bulk-interval?run_ids={a}&metric_key=loss&max_results=0"),
            format!(
                "get-history-bulk-interval?run_ids={a}&metric_key=loss&start_step=9&end_step=2"
            ),
            format!("get-history-bulk-interval?run_ids={missing}&metric_key=loss"),
            "get-history-bulk-interval?metric_key=loss".to_string(),
        ];
        let mut got = Vec::new();
        for q in &queries {
            let r = get(&format!("{url}/ajax-api/2.0/mlflow/metrics/{q}"));
            let text = r
                .text()
                .replace(a.as_str(), "RUN-A")
                .replace(b.as_str(), "RUN-B");
            let mut v: Value =
                serde_json::from_str(&text).unwrap_or_else(|_| panic!("{q}: {text}"));
            // get-history-bulk orders runs by id, and ids are random: A's points first (a stable
            // sort, so each run's own order is kept).
            if q.starts_with("get-history-bulk?") {
                if let Some(points) = v["metrics"].as_array_mut() {
                    points.sort_by_key(|p| p["run_id"].as_str().unwrap_or("").to_string());
                }
            }
            got.push((r.status, v));
        }
        // The interval endpoint is MLflow's REST API too.
        let r = get(&format!(
            "{url}/api/2.0/mlflow/metrics/get-history-bulk-interval?run_ids={b}&metric_key=loss"
        ));
        let text = r.text().replace(b.as_str(), "RUN-B");
        got.push((r.status, serde_json::from_str(&text).unwrap()));
        answers.push(got);
    }
    let differ = differences(&answers, "query", |t, o| t == o);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// An MLflow client script running against `url`, not waited for.
fn spawn_client(url: &str, script: &str) -> Child {
    Command::new(mlflow_python())
        .arg("-c")
        .arg(script)
        .env("MLFLOW_TRACKING_URI", url)
        .env_remove("MLFLOW_RUN_ID")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// 8 MLflow client processes × 500 `log_metric` and 2 `log_batch` streams into one run through
/// the server, while `mlrun log-metric` (the CLI) writes the same run's folder at once: every
/// point lands exactly once, and MLflow's file store client reads them all.
#[test]
fn concurrent_clients_and_the_cli_into_one_run_lose_nothing() {
    let s = shared();
    let (_, e) = post(
        &s.url,
        "/api/2.0/mlflow/experiments/create",
        &json!({"name": unique("crowd")}),
    );
    let eid = e["experiment_id"].as_str().unwrap().to_string();
    let (_, r) = post(
        &s.url,
        "/api/2.0/mlflow/runs/create",
        &json!({"experiment_id": eid, "start_time": 1}),
    );
    let rid = r["run"]["info"]["run_id"].as_str().unwrap().to_string();
    let mut children = Vec::new();
    for i in 0..8 {
        children.push(spawn_client(
            &s.url,
            &format!(
                "from mlflow import MlflowClient\nc = MlflowClient()\n\
                 for j in range(500):\n    c.log_metric('{rid}', 'c{i}', j / 2, timestamp=j, step=j)\n"
            ),
        ));
    }
    for i in 0..2 {
        children.push(spawn_client(
            &s.url,
            &format!(
                "from mlflow import MlflowClient\nfrom mlflow.entities import Metric\n\
                 c = MlflowClient()\nfor b in range(20):\n\
                 \x20   c.log_batch('{rid}', metrics=[Metric('b{i}', j, j, j) for j in range(b * 50, b * 50 + 50)])\n"
            ),
        ));
    }
    // The CLI writes the folder directly while the clients write through the server.
    let env = TestEnv::new();
    let store = s.store.to_str().unwrap();
    for j in 0..150 {
        let j = j.to_string();
        env.ok_at(
            store,
            &[
                "log-metric",
                "--run-id",
                &rid,
                "cli",
                &j,
                "--step",
                &j,
                "--timestamp",
                &j,
            ],
        );
    }
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let read = last_json(&run_mlflow(
        &s.store,
        &format!(
            r#"
import json
from mlflow import MlflowClient
c = MlflowClient()
keys = ["c%d" % i for i in range(8)] + ["b0", "b1", "cli"]
print(json.dumps({{k: sorted(m.step for m in c.get_metric_history("{rid}", k)) for k in keys}}))
"#
        ),
    ));
    for i in 0..8 {
        assert_eq!(
            read[format!("c{i}")],
            json!((0..500).collect::<Vec<_>>()),
            "c{i}"
        );
    }
    for k in ["b0", "b1"] {
        assert_eq!(read[k], json!((0..1000).collect::<Vec<_>>()), "{k}");
    }
    assert_eq!(read["cli"], json!((0..150).collect::<Vec<_>>()));
}

/// Clients sending their request head one byte a second, and 500 idle keep-alive connections:
/// the server keeps answering others quickly, and closes the slow and idle ones within its
/// header timeout.
#[test]
fn slow_heads_and_idle_keep_alive_connections_do_not_starve_others() {
    use std::io::{Read, Write};
    use std::net::{SocketAddr, TcpStream};
    use std::time::{Duration, Instant};
    let s = start(&[]);
    let addr: SocketAddr = s.url.trim_start_matches("http://").parse().unwrap();
    let ask = |keep: bool| -> (TcpStream, bool) {
        let mut c = TcpStream::connect(addr).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let conn = if keep { "keep-alive" } else { "close" };
        write!(
            c,
            "GET /health HTTP/1.1\r\nHost: {addr}\r\nConnection: {conn}\r\n\r\n"
        )
        .unwrap();
        let mut buf = [0u8; 512];
        let n = c.read(&mut buf).unwrap_or(0);
        let ok = buf[..n].starts_with(b"HTTP/1.1 200");
        (c, ok)
    };
    let idle: Vec<TcpStream> = (0..500)
        .map(|_| {
            let (c, ok) = ask(true);
            assert!(ok);
            c
        })
        .collect();
    let started = Instant::now();
    let slow: Vec<_> = (0..40)
        .map(|_| {
            std::thread::spawn(move || {
                let mut c = TcpStream::connect(addr).unwrap();
                let head = b"GET /api/2.0/mlflow/experiments/search?max_results=1 HTTP/1.1\r\n";
                for b in head.iter().cycle().take(40) {
                    if c.write_all(&[*b]).is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
                started.elapsed()
            })
        })
        .collect();
    // Others are answered, quickly, all the while.
    for _ in 0..12 {
        let t = Instant::now();
        let (_, ok) = ask(false);
        assert!(
            ok && t.elapsed() < Duration::from_secs(2),
            "{:?}",
            t.elapsed()
        );
        let r = get(&format!(
            "{}/api/2.0/mlflow/experiments/search?max_results=1",
            s.url
        ));
        assert_eq!(r.status, 200);
        std::thread::sleep(Duration::from_millis(500));
    }
    // The slow heads were cut off by the header timeout (10 s), long before their 40 bytes.
    for t in slow {
        let took = t.join().unwrap();
        assert!(
            took < Duration::from_secs(25),
            "a slow head lasted {took:?}"
        );
    }
    // And the idle connections were closed by the server (EOF, not a timeout).
    for mut c in idle {
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut buf = [0u8; 16];
        match c.read(&mut buf) {
            Ok(0) => {}
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
            other => panic!("an idle connection was left open: {other:?}"),
        }
    }
}

/// MLflow 2.x's client speaks the same API: its fluent scenario (params, metrics with steps, tags,
/// artifacts through the proxy, a filtered search) logs through the server and reads back equal,
/// through the server and from the folder by MLflow 3's file store client.
#[test]
fn mlflow_2_client_logs_and_searches_through_the_server() {
    let s = shared();
    let py2 = common::venv_python(common::MLFLOW2_REQUIREMENT, "mlflow2-venv");
    let exp = unique("two");
    let script = format!(
        r#"
import json, mlflow, os, tempfile
from mlflow import MlflowClient
assert mlflow.__version__.startswith("2."), mlflow.__version__
mlflow.set_experiment("{exp}")
ids = []
for lr in (0.1, 0.2):
    with mlflow.start_run(run_name="lr%s" % lr) as r:
        mlflow.log_params({{"lr": lr, "model": "tree"}})
        for s in range(3):
            mlflow.log_metric("loss", lr * (3 - s), step=s, timestamp=100 + s)
        mlflow.set_tags({{"team": "two", "lr": str(lr)}})
        mlflow.log_text("hello %s" % lr, "notes/hello.txt")
        d = tempfile.mkdtemp()
        with open(os.path.join(d, "data.csv"), "w") as f:
            f.write("a,b\n1,2\n")
        mlflow.log_artifact(os.path.join(d, "data.csv"), "tables")
        ids.append(r.info.run_id)
c = MlflowClient()
exp_id = c.get_experiment_by_name("{exp}").experiment_id
found = c.search_runs([exp_id], "params.lr = '0.2' and metrics.loss < 1", order_by=["metrics.loss DESC"])
out = {{"ids": ids, "found": [r.info.run_id for r in found], "runs": {{}}}}
for i in ids:
    r = c.get_run(i)
    out["runs"][i] = {{
        "params": r.data.params, "metrics": r.data.metrics,
        "tags": {{k: v for k, v in r.data.tags.items() if not k.startswith("mlflow.")}},
        "history": [(m.step, m.value, m.timestamp) for m in c.get_metric_history(i, "loss")],
        "artifacts": sorted(f.path for f in c.list_artifacts(i, "tables") + c.list_artifacts(i, "notes")),
        "text": mlflow.artifacts.load_text("runs:/%s/notes/hello.txt" % i),
        "status": r.info.status,
    }}
print(json.dumps(out))
"#
    );
    let logged = last_json(&common::run_python_at(&py2, &s.url, &script));
    let ids: Vec<String> = logged["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(logged["found"], json!([ids[1]]));
    let first = &logged["runs"][&ids[0]];
    assert_eq!(first["params"], json!({"lr": "0.1", "model": "tree"}));
    assert_eq!(first["metrics"], json!({"loss": 0.1}));
    assert_eq!(first["tags"], json!({"team": "two", "lr": "0.1"}));
    assert_eq!(
        first["history"],
        json!([[0, 0.30000000000000004, 100], [1, 0.2, 101], [2, 0.1, 102]])
    );
    assert_eq!(
        first["artifacts"],
        json!(["notes/hello.txt", "tables/data.csv"])
    );
    assert_eq!(first["text"], "hello 0.1");
    assert_eq!(first["status"], "FINISHED");

    // MLflow 3's file store client reads the same from the folder.
    let read = last_json(&run_mlflow(
        &s.store,
        &format!(
            r#"
import json
from mlflow import MlflowClient
c = MlflowClient()
out = {{}}
for i in {ids:?}:
    r = c.get_run(i)
    out[i] = {{"params": r.data.params, "metrics": r.data.metrics,
        "tags": {{k: v for k, v in r.data.tags.items() if not k.startswith("mlflow.")}},
        "history": [(m.step, m.value, m.timestamp) for m in c.get_metric_history(i, "loss")],
        "status": r.info.status}}
print(json.dumps(out))
"#
        ),
    ));
    for id in &ids {
        for k in ["params", "metrics", "tags", "history", "status"] {
            assert_eq!(read[id][k], logged["runs"][id][k], "{id} {k}");
        }
    }
    // The artifacts are files under the proxy's root.
    let data = files_under(&s.artifacts)
        .into_iter()
        .filter(|p| p.ends_with("tables/data.csv"))
        .count();
    assert_eq!(data, 2);
}

/// Two `mlrun server` processes on one PostgreSQL database, as behind a load balancer: clients
/// alternate between them, at once; every run, metric point and model version is there exactly
/// once, from either server, and version numbers have no gaps or duplicates.
#[test]
fn two_servers_on_one_postgresql_database_lose_and_repeat_nothing() {
    let db = common::tracking_server::postgres().database("two_servers");
    let servers = [start_on(Some(&db), &[]), start_on(Some(&db), &[])];
    let urls: Vec<String> = servers.iter().map(|s| s.url.clone()).collect();
    let (st, e) = post(
        &urls[0],
        "/api/2.0/mlflow/experiments/create",
        &json!({"name": "balanced"}),
    );
    assert_eq!(st, 200, "{e}");
    let eid = e["experiment_id"].as_str().unwrap().to_string();
    let (st, v) = post(
        &urls[1],
        "/api/2.0/mlflow/registered-models/create",
        &json!({"name": "shared-model"}),
    );
    assert_eq!(st, 200, "{v}");
    let (threads, each) = (6, 8);
    let logged: Vec<(String, i64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (urls, eid) = (&urls, &eid);
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for j in 0..each {
                        let (here, there) = (&urls[(t + j) % 2], &urls[(t + j + 1) % 2]);
                        let (st, r) = post(
                            here,
                            "/api/2.0/mlflow/runs/create",
                            &json!({"experiment_id": eid, "run_name": format!("r{t}-{j}"),
                                    "start_time": 1}),
                        );
                        assert_eq!(st, 200, "{r}");
                        let rid = r["run"]["info"]["run_id"].as_str().unwrap().to_string();
                        let metrics: Vec<Value> = (0..5)
                            .map(|k| json!({"key": "m", "value": k, "timestamp": k, "step": k}))
                            .collect();
                        let (st, v) = post(
                            there,
                            "/api/2.0/mlflow/runs/log-batch",
                            &json!({"run_id": rid, "metrics": metrics}),
                        );
                        assert_eq!(st, 200, "{v}");
                        let (st, v) = post(
                            here,
                            "/api/2.0/mlflow/model-versions/create",
                            &json!({"name": "shared-model", "run_id": rid,
                                    "source": format!("runs:/{rid}/model")}),
                        );
                        assert_eq!(st, 200, "{v}");
                        let version = v["model_version"]["version"].as_str().unwrap();
                        out.push((rid, version.parse::<i64>().unwrap()));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let total = threads * each;
    let mut versions: Vec<i64> = logged.iter().map(|(_, v)| *v).collect();
    versions.sort();
    assert_eq!(versions, (1..=total as i64).collect::<Vec<_>>());
    for url in &urls {
        let (st, v) = post(
            url,
            "/api/2.0/mlflow/runs/search",
            &json!({"experiment_ids": [eid], "max_results": 1000}),
        );
        assert_eq!(st, 200, "{v}");
        let mut names: Vec<&str> = v["runs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["info"]["run_name"].as_str().unwrap())
            .collect();
        names.sort();
        let mut want: Vec<String> = (0..threads)
            .flat_map(|t| (0..each).map(move |j| format!("r{t}-{j}")))
            .collect();
        want.sort();
        assert_eq!(names, want);
        for (rid, version) in &logged {
            let h = get(&format!(
                "{url}/api/2.0/mlflow/metrics/get-history?run_id={rid}&metric_key=m"
            ))
            .json();
            let steps: Vec<i64> = h["metrics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["step"].as_i64().unwrap())
                .collect();
            assert_eq!(steps, [0, 1, 2, 3, 4], "{rid}");
            let mv = get(&format!(
                "{url}/api/2.0/mlflow/model-versions/get?name=shared-model&version={version}"
            ))
            .json();
            assert_eq!(mv["model_version"]["run_id"], rid.as_str());
        }
    }
}

/// `--allowed-hosts` replaces the Host names the server answers (exact, or with `*`; `*` alone
/// accepts any), as `mlflow server --allowed-hosts` does, e.g. behind a load balancer's name.
#[test]
fn allowed_hosts_replace_the_listening_address() {
    let search = "/api/2.0/mlflow/experiments/search?max_results=1";
    let status = |url: &str, host: &str| {
        request("GET", &format!("{url}{search}"), &[("Host", host)], b"").status
    };
    let s = start(&["--allowed-hosts", "mlflow.example.com:*, 10.1.2.3:5000"]);
    assert_eq!(status(&s.url, "mlflow.example.com:443"), 200);
    assert_eq!(status(&s.url, "MLflow.Example.com:80"), 200);
    assert_eq!(status(&s.url, "10.1.2.3:5000"), 200);
    for refused in ["10.1.2.3:5001", "evil.example:80", "example.com:443"] {
        assert_eq!(status(&s.url, refused), 403, "{refused}");
    }
    let own = s.url.trim_start_matches("http://");
    assert_eq!(status(&s.url, own), 403);
    let any = start(&["--allowed-hosts", "*"]);
    assert_eq!(status(&any.url, "evil.example:80"), 200);
}

/// An artifact larger than any body held in memory (520 MiB, past the 512 MiB limit) goes through
/// the proxy to disk as it arrives: stored whole and exact, while the server's peak memory stays
/// a small fraction of the file.
#[test]
fn a_large_artifact_upload_is_streamed_to_disk() {
    use std::io::{BufRead, BufReader, Read, Write};
    const SIZE: usize = 520 << 20;
    let s = start(&[]);
    let pattern = |i: usize| (i % 251) as u8;
    let addr = s.url.trim_start_matches("http://");
    let mut c = std::net::TcpStream::connect(addr).unwrap();
    write!(
        c,
        "PUT /api/2.0/mlflow-artifacts/artifacts/big/blob.bin HTTP/1.1\r\nHost: {addr}\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: {SIZE}\r\n\r\n"
    )
    .unwrap();
    let chunk: Vec<u8> = (0..1 << 20).map(pattern).collect();
    for _ in 0..SIZE >> 20 {
        // Every MiB of the file is the same pattern, checked below by offset.
        c.write_all(&chunk).unwrap();
    }
    let mut status = String::new();
    BufReader::new(&mut c).read_line(&mut status).unwrap();
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    let stored = s.artifacts.join("big/blob.bin");
    assert_eq!(std::fs::metadata(&stored).unwrap().len(), SIZE as u64);
    let mut f = std::io::BufReader::new(std::fs::File::open(&stored).unwrap());
    let mut buf = vec![0u8; 1 << 20];
    let mut at = 0usize;
    loop {
        let n = f.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        for (k, b) in buf[..n].iter().enumerate() {
            assert_eq!(*b, pattern((at + k) % (1 << 20)), "byte {}", at + k);
        }
        at += n;
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", s._child.id())).unwrap();
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    assert!(peak_kib < 150 * 1024, "peak RSS {} MiB", peak_kib / 1024);
}

/// `mlrun ui` is the same server on loopback: MLflow's client logs to it, and its pages list what
/// was logged.
#[test]
fn mlrun_ui_answers_mlflow_clients_too() {
    let env = TestEnv::new();
    let ui = common::UiServer::start(&env.store());
    let exp = unique("via-ui");
    let out = client(
        &ui.url,
        &format!(
            r#"
import json, mlflow
mlflow.set_experiment("{exp}")
with mlflow.start_run() as r:
    mlflow.log_param("p", "1")
    mlflow.log_metric("m", 2.5, step=1)
print(json.dumps({{"run_id": r.info.run_id}}))
"#
        ),
    );
    let run_id = last_json(&out)["run_id"].as_str().unwrap().to_string();
    let described = env.json(&["runs", "describe", &run_id]);
    assert_eq!(
        common::pairs(&described["run"]["data"]["params"], "key", "value"),
        [("p".to_string(), "1".to_string())]
    );
    ui_lists_one_run(&ui.url, &exp);
}
