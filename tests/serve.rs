//! `mlrun models serve` / `models predict` against the real MLflow (pinned in common::MLFLOW_VERSION):
//! models logged by MLflow's Python client are scored by mlrun's server and by `mlflow models
//! predict` on the same inputs, and must agree; bad requests get MLflow's 4xx while the server keeps
//! serving; a worker that dies or overruns is replaced; SIGTERM drains; ONNX needs no Python at all.
mod common;
use common::http::{self, Reply};
use common::{mlflow_sklearn_python, run_python, venv_python_with, TestEnv};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// PATH with the given Python's folder first, as a user would activate a venv.
fn path_with(python: &Path) -> String {
    format!(
        "{}:{}",
        python.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A running `mlrun models serve`, killed (by its own pid) when dropped.
struct Server {
    child: Child,
    url: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    fn start(env: &TestEnv, path: &str, args: &[&str]) -> Server {
        let mut cmd = env.cmd();
        cmd.env("PATH", path)
            .args(["models", "serve", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for l in BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&l);
                s.push('\n');
            }
        });
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(
            line.starts_with("http://127.0.0.1:"),
            "serve printed {line:?}; stderr:\n{}",
            stderr.lock().unwrap()
        );
        Server {
            child,
            url: line.trim().to_string(),
            stderr,
        }
    }

    fn post(&self, content_type: &str, body: &[u8]) -> Reply {
        http::request(
            "POST",
            &format!("{}/invocations", self.url),
            &[("Content-Type", content_type)],
            body,
        )
    }

    fn json(&self, body: &Value) -> Reply {
        self.post("application/json", body.to_string().as_bytes())
    }

    fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits (bounded) until the server's stderr contains `needle`.
    fn wait_log(&self, needle: &str) {
        for _ in 0..600 {
            if self.log().contains(needle) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("never saw {needle:?} in the server log:\n{}", self.log());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Logs an sklearn LinearRegression on columns a, b (with a signature) with MLflow's client;
/// returns the models:/ URI.
fn log_sklearn(env: &TestEnv) -> String {
    let out = run_python(
        &mlflow_sklearn_python(),
        &env.store(),
        r#"
import mlflow, pandas as pd
from sklearn.linear_model import LinearRegression
from mlflow.models import infer_signature
X = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0, 5.0], "b": [0.5, 1.5, 2.5, 0.0, 7.0]})
y = 2 * X.a - 3 * X.b + 0.1
m = LinearRegression().fit(X, y)
with mlflow.start_run():
    info = mlflow.sklearn.log_model(m, name="model", signature=infer_signature(X, m.predict(X)))
print(info.model_uri)
"#,
    );
    out.lines().last().unwrap().trim().to_string()
}

/// Runs `mlflow models predict --env-manager local` on one input file; returns its JSON.
fn mlflow_predict(env: &TestEnv, uri: &str, input: &Path, content_type: &str) -> Value {
    let python = mlflow_sklearn_python();
    let out = Command::new(python.parent().unwrap().join("mlflow"))
        .args(["models", "predict", "-m", uri, "-i"])
        .arg(input)
        .args(["-t", content_type, "--env-manager", "local"])
        .env("PATH", path_with(&python))
        .env(
            "MLFLOW_TRACKING_URI",
            format!("file://{}", env.store().display()),
        )
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .current_dir(env.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "mlflow models predict failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // MLflow prints the predictions last; anything before it is talk.
    let start = text
        .rfind("{\"predictions\"")
        .expect("predictions in mlflow's output");
    serde_json::from_str(text[start..].trim()).unwrap()
}

const SPLIT: &str =
    r#"{"dataframe_split": {"columns": ["a", "b"], "data": [[1.5, 2.0], [3.0, -1.25], [0, 7]]}}"#;
const RECORDS: &str =
    r#"{"dataframe_records": [{"a": 1.5, "b": 2.0}, {"a": 3.0, "b": -1.25}, {"b": 7, "a": 0}]}"#;
const INSTANCES: &str =
    r#"{"instances": [{"a": 1.5, "b": 2.0}, {"a": 3.0, "b": -1.25}, {"a": 0, "b": 7}]}"#;
const INPUTS: &str = r#"{"inputs": {"a": [1.5, 3.0, 0], "b": [2.0, -1.25, 7]}}"#;
const CSV: &str = "a,b\n1.5,2.0\n3.0,-1.25\n0,7\n";

#[test]
fn sklearn_model_scores_like_mlflow_in_every_payload_form() {
    let env = TestEnv::new();
    let uri = log_sklearn(&env);
    let python = mlflow_sklearn_python();
    let path = path_with(&python);

    let forms: Vec<(&str, &str, &str, &str)> = vec![
        ("split.json", SPLIT, "json", "application/json"),
        ("records.json", RECORDS, "json", "application/json"),
        ("instances.json", INSTANCES, "json", "application/json"),
        ("inputs.json", INPUTS, "json", "application/json"),
        ("data.csv", CSV, "csv", "text/csv"),
    ];
    // MLflow's answers, all forms at once (each is a Python start-up).
    let expected: Vec<Value> = std::thread::scope(|s| {
        let handles: Vec<_> = forms
            .iter()
            .map(|(file, body, ct, _)| {
                let input = env.path().join(file);
                std::fs::write(&input, body).unwrap();
                let (env, uri) = (&env, &uri);
                s.spawn(move || mlflow_predict(env, uri, &input, ct))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // All forms mean the same rows, so MLflow must agree with itself too.
    assert!(expected.windows(2).all(|w| w[0] == w[1]), "{expected:?}");
    assert_eq!(expected[0]["predictions"].as_array().unwrap().len(), 3);

    let server = Server::start(
        &env,
        &path,
        &["-m", &uri, "--env-manager", "local", "--workers", "2"],
    );
    for ((file, body, ct, mime), want) in forms.iter().zip(&expected) {
        let r = server.post(mime, body.as_bytes());
        assert_eq!(r.status, 200, "{file}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(&r.json(), want, "{file} over HTTP");
        // models predict: same path, no server.
        let out = env
            .cmd()
            .env("PATH", &path)
            .args([
                "-q",
                "models",
                "predict",
                "-m",
                &uri,
                "--env-manager",
                "local",
                "-t",
                ct,
                "-i",
            ])
            .arg(env.path().join(file))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(&got, want, "{file} via models predict");
    }

    // Health and version as MLflow answers them.
    let ping = http::get(&format!("{}/ping", server.url));
    assert_eq!((ping.status, ping.text().as_str()), (200, "\n"));
    assert_eq!(http::get(&format!("{}/health", server.url)).status, 200);
    let v = http::get(&format!("{}/version", server.url));
    assert_eq!(v.text(), common::MLFLOW_VERSION);
    assert_eq!(http::get(&format!("{}/nope", server.url)).status, 404);

    // Bad requests: 4xx with MLflow's error body, and the server keeps serving.
    let bad_json = server.post("application/json", b"{not json");
    assert_eq!(bad_json.status, 400);
    assert_eq!(bad_json.json()["error_code"], "BAD_REQUEST");
    assert!(bad_json.json()["message"]
        .as_str()
        .unwrap()
        .starts_with("Invalid input. Ensure that input is a valid JSON formatted string."));

    let no_key = server.json(&json!({"data": [[1, 2]]}));
    assert_eq!(no_key.status, 400);
    assert!(no_key.json()["message"]
        .as_str()
        .unwrap()
        .contains("Received dictionary with input fields: []"));

    let missing =
        server.json(&json!({"dataframe_split": {"columns": ["a", "c"], "data": [[1, 2]]}}));
    assert_eq!(missing.status, 400, "{}", missing.text());
    assert_eq!(missing.json()["error_class"], "SCHEMA_ENFORCEMENT_FAILED");
    assert!(missing.json()["message"]
        .as_str()
        .unwrap()
        .contains("Model is missing inputs ['b']. Note that there were extra inputs: ['c']."));

    let wrong_type = server.json(&json!({"dataframe_records": [{"a": "x", "b": 1}]}));
    assert_eq!(wrong_type.status, 400);
    assert_eq!(
        wrong_type.json()["message"],
        "Invalid input. Data is not compatible with model signature. Failed to convert column a to type 'float64'. Error: 'ValueError(\"could not convert string to float: 'x'\")'"
    );

    let bad_csv = server.post("text/csv", b"a,b\nx,1\n");
    assert_eq!(bad_csv.status, 400);

    let text = server.post("text/plain", b"hi");
    assert_eq!(text.status, 415);
    assert_eq!(
        text.text(),
        "This predictor only supports the following content types: Types: ['text/csv', 'application/json', 'application/vnd.apache.parquet']. Got 'text/plain'."
    );
    let old = server.post("application/json; format=pandas-split", SPLIT.as_bytes());
    assert_eq!(old.status, 415);
    assert!(old
        .text()
        .starts_with("Unrecognized content type parameters: format."));

    // A payload MLflow's own parser rejects deeper down comes back with MLflow's message verbatim.
    let tensor = server.json(&json!({"inputs": [[1.0, 2.0]]}));
    assert_eq!(tensor.status, 400);
    assert!(tensor.json()["message"]
        .as_str()
        .unwrap()
        .contains("Model is missing inputs ['a', 'b']"));

    let ok = server.post("application/json", SPLIT.as_bytes());
    assert_eq!(ok.status, 200);
    assert_eq!(ok.json(), expected[0]);

    // One log line per request: method, path, status, latency.
    let log = server.log();
    assert!(log.contains("\"POST /invocations\" 200"), "{log}");
    assert!(log.contains("\"POST /invocations\" 415"), "{log}");
    assert!(log.contains("\"GET /ping\" 200"), "{log}");
}

#[test]
fn oversize_bodies_get_413_and_batched_requests_get_their_own_answers() {
    let env = TestEnv::new();
    let uri = log_sklearn(&env);
    let path = path_with(&mlflow_sklearn_python());
    let server = Server::start(
        &env,
        &path,
        &[
            "-m",
            &uri,
            "--env-manager",
            "local",
            "--workers",
            "1",
            "--batch-size",
            "8",
            "--max-body-size",
            "2000",
        ],
    );
    let rows: Vec<Value> = (0..300).map(|i| json!([i, i])).collect();
    let big = json!({"dataframe_split": {"columns": ["a", "b"], "data": rows}});
    let r = server.json(&big);
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.json()["message"].as_str().unwrap().contains("2000 bytes"));
    let ok = server.post("application/json", SPLIT.as_bytes());
    assert_eq!(ok.status, 200, "{}", ok.text());

    // Requests of 1-3 rows each, one of them unscorable (a missing value): first one at a time
    // (nothing to batch), then all at once from many connections (one worker, so they queue and
    // share model calls). Every request must get its own answer both ways: same status, same
    // error, same predictions up to the last bits (BLAS may sum a larger batch in another order).
    let bodies: Vec<Value> = (0..24)
        .map(|i| {
            let n = 1 + i % 3;
            let data: Vec<Value> = (0..n)
                .map(|k| {
                    if i == 13 && k == 0 {
                        json!([null, 1.0])
                    } else {
                        json!([i as f64 * 0.5 + k as f64, 1.0 - i as f64])
                    }
                })
                .collect();
            json!({"dataframe_split": {"columns": ["a", "b"], "data": data}})
        })
        .collect();
    let one_by_one: Vec<(u16, Value)> = bodies
        .iter()
        .map(|b| {
            let r = server.json(b);
            (r.status, r.json())
        })
        .collect();
    assert_eq!(one_by_one[13].0, 400, "{:?}", one_by_one[13]);
    assert!(one_by_one
        .iter()
        .enumerate()
        .all(|(i, r)| i == 13 || r.0 == 200));
    let url = server.url.clone();
    let together: Vec<(u16, Value)> = std::thread::scope(|s| {
        let handles: Vec<_> = bodies
            .iter()
            .map(|b| {
                let url = url.clone();
                s.spawn(move || {
                    let r = http::request(
                        "POST",
                        &format!("{url}/invocations"),
                        &[("Content-Type", "application/json")],
                        b.to_string().as_bytes(),
                    );
                    (r.status, r.json())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (i, (a, b)) in one_by_one.iter().zip(&together).enumerate() {
        assert_eq!(a.0, b.0, "request {i}: {b:?}");
        if a.0 == 200 {
            let (x, y) = (
                a.1["predictions"].as_array().unwrap(),
                b.1["predictions"].as_array().unwrap(),
            );
            assert_eq!(x.len(), y.len(), "request {i}: {b:?}");
            for (p, q) in x.iter().zip(y) {
                let (p, q) = (p.as_f64().unwrap(), q.as_f64().unwrap());
                assert!(
                    (p - q).abs() <= 1e-12 * p.abs().max(1.0),
                    "request {i}: {p} vs {q}"
                );
            }
        } else {
            assert_eq!(a.1["error_code"], b.1["error_code"], "request {i}");
        }
    }
}

/// A custom pyfunc whose rows can ask it to crash its process, hang, or nap (printing its pid).
fn log_misbehaving(env: &TestEnv) -> String {
    let out = run_python(
        &mlflow_sklearn_python(),
        &env.store(),
        r#"
import mlflow, pandas as pd

class Misbehaving(mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input, params=None):
        import os, signal, sys, time
        for cmd in model_input["cmd"]:
            if cmd == "crash":
                os.kill(os.getpid(), signal.SIGKILL)
            if cmd == "hang":
                time.sleep(600)
            if cmd == "nap":
                print(f"napping in {os.getpid()}", file=sys.stderr, flush=True)
                time.sleep(1.0)
        return model_input["x"] * 2

example = pd.DataFrame({"cmd": ["ok"], "x": [1.0]})
with mlflow.start_run():
    info = mlflow.pyfunc.log_model(name="m", python_model=Misbehaving(), input_example=example)
print(info.model_uri)
"#,
    );
    out.lines().last().unwrap().trim().to_string()
}

fn cmd(c: &str, x: f64) -> Value {
    json!({"dataframe_split": {"columns": ["cmd", "x"], "data": [[c, x]]}})
}

fn pid_alive(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ")
}

#[test]
fn dead_or_hung_workers_are_replaced_and_sigterm_drains() {
    let env = TestEnv::new();
    let uri = log_misbehaving(&env);
    let path = path_with(&mlflow_sklearn_python());
    let server = Server::start(
        &env,
        &path,
        &[
            "-m",
            &uri,
            "--env-manager",
            "local",
            "--workers",
            "1",
            "--timeout",
            "5",
        ],
    );
    let ok = server.json(&cmd("ok", 2.0));
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.json(), json!({"predictions": [{"x": 4.0}]}));

    // The only worker is killed mid-request: an error, not a hang; then a new worker answers.
    let crash = server.json(&cmd("crash", 1.0));
    assert_eq!(crash.status, 500, "{}", crash.text());
    assert_eq!(crash.json()["error_code"], "INTERNAL_ERROR");
    assert!(crash.json()["message"].as_str().unwrap().contains("died"));
    let after = server.json(&cmd("ok", 5.0));
    assert_eq!(after.status, 200, "{}", after.text());
    assert_eq!(after.json(), json!({"predictions": [{"x": 10.0}]}));

    // A request over --timeout gets MLflow's 504; the hung worker is replaced.
    let hang = server.json(&cmd("hang", 1.0));
    assert_eq!(hang.status, 504);
    assert_eq!(hang.text(), "Request processing time exceeded limit");
    let after = server.json(&cmd("ok", 1.5));
    assert_eq!(after.status, 200, "{}", after.text());

    // SIGTERM while a request is in flight: it completes, then the server and its worker stop.
    let url = server.url.clone();
    let inflight = std::thread::spawn(move || {
        http::request(
            "POST",
            &format!("{url}/invocations"),
            &[("Content-Type", "application/json")],
            cmd("nap", 3.0).to_string().as_bytes(),
        )
    });
    server.wait_log("napping in ");
    let log = server.log();
    let pid: i32 = log
        .rsplit("napping in ")
        .next()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let mut server = server;
    // SAFETY: signals the server we started, by its own pid.
    unsafe {
        libc::kill(server.child.id() as i32, libc::SIGTERM);
    }
    let r = inflight.join().unwrap();
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json(), json!({"predictions": [{"x": 6.0}]}));
    let status = server.child.wait().unwrap();
    // Stopped gracefully, then ended by SIGTERM as uvicorn ends `mlflow models serve` (a shell
    // shows 143).
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(libc::SIGTERM),
        "serve ended with {status}\n{}",
        server.log()
    );
    assert!(!pid_alive(pid), "worker {pid} outlived the server");
    assert!(server.log().contains("finishing requests in flight"));
}

#[test]
fn workers_die_with_a_sigkilled_server() {
    let env = TestEnv::new();
    let uri = log_misbehaving(&env);
    let path = path_with(&mlflow_sklearn_python());
    let server = Server::start(
        &env,
        &path,
        &["-m", &uri, "--env-manager", "local", "--timeout", "600"],
    );
    let workers = mlrun::supervise::children_of(server.child.id());
    assert_eq!(workers.len(), 1, "expected one worker: {workers:?}");
    // The worker is busy (sleeping in predict), so only a signal can end it; its pipes closing
    // would not.
    let url = server.url.clone();
    let _hung = std::thread::spawn(move || {
        http::request(
            "POST",
            &format!("{url}/invocations"),
            &[("Content-Type", "application/json")],
            cmd("hang", 1.0).to_string().as_bytes(),
        )
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    let mut server = server;
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    let gone = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        !pid_alive(workers[0] as i32)
    });
    assert!(gone, "worker {} outlived its SIGKILLed server", workers[0]);
}

// ---------------------------------------------------------------------------------------------
// ONNX

fn onnx_python() -> PathBuf {
    venv_python_with(&["scikit-learn", "skl2onnx", "onnxruntime"], "onnx-venv")
}

/// Trains a LinearRegression on 3 features, converts it with skl2onnx, and returns the file with
/// onnxruntime's outputs for `X`.
fn make_onnx(dir: &Path) -> (PathBuf, Vec<Vec<f64>>, Vec<f64>) {
    let file = dir.join("linear.onnx");
    let script = format!(
        r#"
import json, numpy as np
from sklearn.linear_model import LinearRegression
from skl2onnx import to_onnx
import onnxruntime as ort
rng = np.random.default_rng(7)
X = rng.normal(size=(40, 3)).astype(np.float32)
y = X @ np.array([1.5, -2.0, 0.25]) + 0.3 + rng.normal(scale=0.01, size=40)
m = LinearRegression().fit(X, y)
onx = to_onnx(m, X[:1])
open({path:?}, "wb").write(onx.SerializeToString())
T = np.array([[0.1, 0.2, 0.3], [1.0, -1.0, 2.5], [-3.0, 0.0, 0.5]], dtype=np.float32)
sess = ort.InferenceSession({path:?}, providers=["CPUExecutionProvider"])
out = sess.run(None, {{sess.get_inputs()[0].name: T}})[0]
print(json.dumps({{"X": T.astype(float).tolist(), "y": out.reshape(-1).astype(float).tolist()}}))
"#,
        path = file.to_string_lossy()
    );
    let out = Command::new(onnx_python())
        .arg("-c")
        .arg(script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let x = v["X"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap())
                .collect()
        })
        .collect();
    let y = v["y"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    (file, x, y)
}

fn close(got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!(
            (g - w).abs() <= 1e-5 * w.abs().max(1.0),
            "{got:?} vs {want:?}"
        );
    }
}

/// Logs `file` with `mlrun models log` (plus `extra` arguments) in a run of its own; returns the
/// model's URI.
fn log_onnx(env: &TestEnv, file: &Path, extra: &[&str]) -> String {
    let run = env.ok(&["runs", "start", "--name", "onnx"]);
    let mut args = vec!["models", "log", file.to_str().unwrap(), "--run-id", &run];
    args.extend(["--name", "linear"]);
    args.extend(extra);
    let uri = env.ok(&args);
    env.ok(&["runs", "end", &run]);
    uri
}

#[test]
fn onnx_models_are_served_natively_without_python() {
    let env = TestEnv::new();
    let (file, x, want) = make_onnx(env.path());
    let uri = log_onnx(&env, &file, &[]);

    // No Python anywhere on PATH: the binary is called by its full path.
    let empty = env.path().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let no_python = empty.to_str().unwrap();
    let server = Server::start(&env, no_python, &["-m", &uri, "--workers", "2"]);

    let split =
        server.json(&json!({"dataframe_split": {"columns": ["f0", "f1", "f2"], "data": x}}));
    assert_eq!(split.status, 200, "{}", split.text());
    // A frame in gives records out, one key per ONNX output (MLflow's onnx pyfunc).
    let records = split.json()["predictions"].as_array().unwrap().clone();
    let got: Vec<f64> = records
        .iter()
        .map(|r| r["variable"].as_f64().unwrap())
        .collect();
    close(&got, &want);

    let tensor = server.json(&json!({"inputs": x}));
    assert_eq!(tensor.status, 200, "{}", tensor.text());
    let got: Vec<f64> = tensor.json()["predictions"]["variable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_f64().unwrap())
        .collect();
    close(&got, &want);

    let csv = format!(
        "f0,f1,f2\n{}",
        x.iter()
            .map(|r| r.iter().map(f64::to_string).collect::<Vec<_>>().join(",") + "\n")
            .collect::<String>()
    );
    let r = server.post("text/csv", csv.as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());

    // Wrong width: a 4xx, and the server keeps serving.
    let bad = server.json(&json!({"inputs": [[1.0, 2.0]]}));
    assert_eq!(bad.status, 400, "{}", bad.text());
    assert_eq!(server.json(&json!({"inputs": x})).status, 200);

    // models predict, with no Python either.
    let input = env.path().join("in.json");
    std::fs::write(
        &input,
        json!({"dataframe_split": {"columns": ["f0", "f1", "f2"], "data": x}}).to_string(),
    )
    .unwrap();
    let out = env
        .cmd()
        .env("PATH", no_python)
        .args(["-q", "models", "predict", "-m", &uri, "-i"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<f64> = v["predictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["variable"].as_f64().unwrap())
        .collect();
    close(&got, &want);
}

/// Starts a server, waits for `/ping`, sends SIGTERM and returns how it ended.
fn ends_after_sigterm(mut cmd: Command, url: &str) -> std::process::ExitStatus {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_ping(url, &mut child);
    // SAFETY: kill(2) on our own child's pid, not yet reaped.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    child.wait().unwrap()
}

#[test]
fn a_server_stopped_by_sigterm_ends_by_it_as_mlflow_models_serve_does() {
    use std::os::unix::process::ExitStatusExt;
    let env = TestEnv::new();
    let uri = log_sklearn(&env);
    let python = mlflow_sklearn_python();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let url = format!("http://127.0.0.1:{port}");
    let mut theirs = Command::new(python.parent().unwrap().join("mlflow"));
    theirs
        .args(["models", "serve", "-m", &uri, "--env-manager", "local"])
        .args(["-p", &port])
        .env("PATH", path_with(&python))
        .env(
            "MLFLOW_TRACKING_URI",
            format!("file://{}", env.store().display()),
        )
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .current_dir(env.path());
    let theirs = ends_after_sigterm(theirs, &url);
    assert_eq!(theirs.signal(), Some(libc::SIGTERM), "mlflow: {theirs}");
    let mut ours = env.cmd();
    ours.env("PATH", path_with(&python))
        .args(["models", "serve", "-m", &uri, "--env-manager", "local"])
        .args(["--port", &port]);
    let ours = ends_after_sigterm(ours, &url);
    assert_eq!(ours.signal(), Some(libc::SIGTERM), "mlrun: {ours}");
}

/// A PYTHONPATH folder that adds the ONNX venv's packages (onnx, onnxruntime) to the pinned
/// MLflow's venv, so the real `mlflow models serve` can load an ONNX model.
fn onnx_for_mlflow() -> PathBuf {
    let site = |python: &Path| {
        let lib = python.parent().unwrap().parent().unwrap().join("lib");
        let py = std::fs::read_dir(&lib).unwrap().flatten().next().unwrap();
        py.path().join("site-packages")
    };
    let (onnx, mlflow) = (site(&onnx_python()), site(&common::mlflow_python()));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mlflow-onnx-extra");
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(&onnx).unwrap().flatten() {
        let name = e.file_name();
        let link = dir.join(&name);
        if !mlflow.join(&name).exists() && link.symlink_metadata().is_err() {
            let _ = std::os::unix::fs::symlink(e.path(), &link);
        }
    }
    dir
}

/// Waits (bounded) until `url/ping` answers 200.
fn wait_ping(url: &str, child: &mut Child) {
    for _ in 0..1200 {
        if std::net::TcpStream::connect(url.trim_start_matches("http://")).is_ok()
            && http::get(&format!("{url}/ping")).status == 200
        {
            return;
        }
        if let Ok(Some(st)) = child.try_wait() {
            panic!("the server at {url} ended: {st}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{url} never answered /ping");
}

#[test]
fn onnx_with_a_tensor_signature_answers_as_mlflow_models_serve() {
    let env = TestEnv::new();
    let (file, x, _) = make_onnx(env.path());
    let sig = env.path().join("sig.json");
    std::fs::write(
        &sig,
        r#"{"inputs": [{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3]}}],
            "outputs": [{"name": "variable", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 1]}}]}"#,
    )
    .unwrap();
    let uri = log_onnx(&env, &file, &["--signature", sig.to_str().unwrap()]);

    let python = common::mlflow_python();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut real = Command::new(&python)
        .args(["-m", "mlflow", "models", "serve", "-m", &uri])
        .args(["--env-manager", "local", "-p", &port.to_string()])
        .env("PATH", path_with(&python))
        .env("PYTHONPATH", onnx_for_mlflow())
        .env(
            "MLFLOW_TRACKING_URI",
            format!("file://{}", env.store().display()),
        )
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .current_dir(env.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let real_url = format!("http://127.0.0.1:{port}");
    wait_ping(&real_url, &mut real);
    let empty = env.path().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let ours = Server::start(&env, empty.to_str().unwrap(), &["-m", &uri]);

    let rows = json!(x[..2]);
    let json_ct = "application/json";
    let cases: Vec<(&str, String)> = vec![
        (
            json_ct,
            json!({"dataframe_split": {"columns": ["f0", "f1", "f2"], "data": rows}}).to_string(),
        ),
        (
            json_ct,
            json!({"dataframe_split": {"data": rows}}).to_string(),
        ),
        (
            json_ct,
            json!({"dataframe_records": [
                {"f0": x[0][0], "f1": x[0][1], "f2": x[0][2]},
                {"f0": x[1][0], "f1": x[1][1], "f2": x[1][2]}]})
            .to_string(),
        ),
        (json_ct, json!({"instances": rows}).to_string()),
        (json_ct, json!({"inputs": rows}).to_string()),
        (json_ct, json!({"inputs": [[1.0, 2.0]]}).to_string()),
        (json_ct, json!({"inputs": [[[0.1, 0.2, 0.3]]]}).to_string()),
        (json_ct, json!({"inputs": {"X": rows}}).to_string()),
        (
            json_ct,
            json!({"dataframe_split": {"columns": ["f0", "f1"], "data": [[0.1, 0.2]]}}).to_string(),
        ),
        ("text/csv", "f0,f1,f2\n0.1,0.2,0.3\n1,-1,2.5\n".to_string()),
        // Bodies Python's json refuses: MLflow names the reason as Python does and quotes the
        // body as Python bytes.
        (json_ct, String::new()),
        (json_ct, "  \n ".to_string()),
        (json_ct, "{not json".to_string()),
        (json_ct, "{'inputs': \"it's\"}".to_string()),
        (json_ct, "{\"inputs\": [1,]}".to_string()),
        (json_ct, "{\"inputs\":\n  [[1, 2 3]]}".to_string()),
        (json_ct, "{\"inputs\": \"a\\qb\"}".to_string()),
        (json_ct, "{\"inputs\": [[1]]} []".to_string()),
        (json_ct, "{\"inputs\": \"\u{e9}\u{1}\"}".to_string()),
        ("text/csv", String::new()),
    ];
    // MLflow quotes the data in schema errors (numpy's and pandas' printing); mlrun leaves it out.
    let unquoted = |m: &str| -> String {
        match (m.find("Failed to predict data '"), m.find(" with schema '")) {
            (Some(0), Some(at)) => format!(
                "Failed to predict data. \nError: Failed to enforce schema of data{}",
                &m[at..]
            ),
            _ => m.to_string(),
        }
    };
    for (ct, body) in &cases {
        let theirs = http::request(
            "POST",
            &format!("{real_url}/invocations"),
            &[("Content-Type", ct)],
            body.as_bytes(),
        );
        let mine = ours.post(ct, body.as_bytes());
        assert_eq!(mine.status, theirs.status, "{body}: {}", mine.text());
        let (t, m) = (theirs.json(), mine.json());
        if theirs.status == 200 {
            let got = &m["predictions"]["variable"];
            let want = &t["predictions"]["variable"];
            assert_eq!(
                got.as_array().map(Vec::len),
                want.as_array().map(Vec::len),
                "{body}: {m} vs {t}"
            );
            for (g, w) in got.as_array().unwrap().iter().zip(want.as_array().unwrap()) {
                close(&[g[0].as_f64().unwrap()], &[w[0].as_f64().unwrap()]);
            }
        } else {
            for k in ["error_code", "error_class", "sqlstate"] {
                assert_eq!(m[k], t[k], "{body}: {k}: {m} vs {t}");
            }
            // MLflow adds a stack_trace to some 400s (a CSV pandas cannot read); a client that
            // reads it must find one here too.
            let keys =
                |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
            assert_eq!(keys(&m), keys(&t), "{body}: {m} vs {t}");
            assert_eq!(
                m["message"].as_str().map(unquoted),
                t["message"].as_str().map(unquoted),
                "{body}"
            );
        }
    }
    let _ = real.kill();
    let _ = real.wait();
}

#[test]
fn env_manager_uv_builds_the_models_environment_once() {
    let env = TestEnv::new();
    let uri = log_sklearn(&env);
    // uv sits next to the harness's Python; the built environment is cached under target/ by the
    // hash of the model's python_env.yaml, so later runs reuse it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("serve-envs");
    let input = env.path().join("split.json");
    std::fs::write(&input, SPLIT).unwrap();
    let mut cmd = env.cmd();
    // What uv needs to reach the package index from here: certificates, proxies, index settings.
    for (k, v) in std::env::vars() {
        let u = k.to_ascii_uppercase();
        if ["CERT", "PROXY", "CA_BUNDLE"].iter().any(|p| u.contains(p))
            || u.starts_with("PIP_")
            || u.starts_with("UV_")
        {
            cmd.env(k, v);
        }
    }
    let out = cmd
        .env("PATH", path_with(&mlflow_sklearn_python()))
        .env("HOME", std::env::var("HOME").unwrap_or_default())
        .env("MLFLOW_ENV_ROOT", &root)
        .args(["models", "predict", "-m", &uri, "--env-manager", "uv", "-i"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got, mlflow_predict(&env, &uri, &input, "json"));
    let talk = String::from_utf8_lossy(&out.stderr);
    assert!(talk.contains("environment"), "{talk}");
}

#[test]
fn json_refusals_are_named_as_pythons_json_names_them() {
    // The reasons MLflow's scoring server quotes are `repr()`s of what Python's `json.loads`
    // raises; mlrun's port is asked about the same bodies as the Python MLflow runs on.
    let bodies: Vec<&[u8]> = vec![
        b"",
        b"   ",
        b"\n\n  x",
        b"{not json",
        b"{'a': 1}",
        b"{\"a\" 1}",
        b"{\"a\": 1 \"b\"}",
        b"{\"a\": 1,}",
        b"{ }",
        b"{",
        b"[",
        b"[1,]",
        b"[1 2]",
        b"[1,\n 2\n 3]",
        b"{\"a\": tru}",
        b"{\"a\": nul}",
        b"{\"a\": \"x\\q\"}",
        b"{\"a\": \"\\u12\"}",
        b"{\"a\": \"\\u12zz\"}",
        b"{\"a\": \"\\ud800\\u12zz\"}",
        b"\"\\u1234",
        b"\"abc\\",
        b"{\"a\": \"abc",
        b"{\"a\": \"a\x01b\"}",
        b"{\"inputs\": [1]} x",
        b"{\"inputs\": 01}",
        b"{\"inputs\": -}",
        b"{\"inputs\": -",
        b"{\"inputs\": 1.e5}",
        b"{\"inputs\": 1e}",
        b"{\"inputs\": 1e+}",
        b"{\"inputs\": 1.5e-3x}",
        b"{\"inputs\": NaN, \"b\": -Infinity}",
        b"{\"a\": \"\xc3\xa9\", x}",
        b"\xff{}",
        b"{\"a\": \"\xe2\x28\xa1\"}",
        b"{\"a\": \"\xe2\x82\"",
        b"'\xf0\x9f\x98",
        b"{\"a\": \"\xed\xa0\x80\"}",
        b"\xc0\xaf",
        b"\xef\xbb\xbf{}",
        b"\"it's\" \"",
    ];
    let hex: Vec<String> = bodies
        .iter()
        .map(|b| b.iter().map(|x| format!("{x:02x}")).collect())
        .collect();
    let out = Command::new(common::mlflow_python())
        .arg("-c")
        .arg(
            "import json, sys\nout = []\nfor h in sys.argv[1:]:\n    try:\n        json.loads(bytes.fromhex(h))\n        out.append(None)\n    except Exception as e:\n        out.append(repr(e))\nprint(json.dumps(out))",
        )
        .args(&hex)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let python: Vec<Option<String>> = serde_json::from_slice(&out.stdout).unwrap();
    for (body, want) in bodies.iter().zip(&python) {
        let got = mlrun::pyjson::loads_error(body);
        assert_eq!(&got, want, "{}", String::from_utf8_lossy(body));
    }
}
