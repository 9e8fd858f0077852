//! One door to the stores: a tracking URI is parsed once (`mlrun::uri`) and `Stores::open` gives the
//! tracking store, the registry and the model files behind it, so model commands resolve the same on a
//! folder and on a real MLflow tracking server, and file URIs carry the bytes MLflow writes.
mod common;

use common::http;
use common::tracking_server::server;
use common::{mlflow_python, mlflow_sklearn_python, run_python, TestEnv};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// The binary with `MLFLOW_TRACKING_URI` set to `uri` (and the harness's environment otherwise).
fn at(env: &TestEnv, uri: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut c = env.cmd();
    c.env("MLFLOW_TRACKING_URI", uri);
    c
}

/// `mlrun doctor` against a tracking server: doctor checks a folder, and says so (before: "scheme
/// 'http' is not supported yet", as if the URI were wrong).
#[test]
fn doctor_names_a_tracking_server_as_not_a_folder() {
    let env = TestEnv::new();
    let out = at(&env, "http://user:secret@127.0.0.1:9/")
        .args(["doctor"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("checks a local store folder") && err.contains("http://127.0.0.1:9"),
        "{err}"
    );
    assert!(!err.contains("secret"), "{err}");
}

/// A `file:` URI naming another machine (`file://elsewhere/x`) was read as the relative path
/// `elsewhere/x`, and a store was created there; MLflow refuses it, and so does mlrun now.
#[test]
fn a_file_uri_naming_another_host_is_refused() {
    let env = TestEnv::new();
    let out = at(&env, "file://elsewhere/x")
        .args(["experiments", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a valid remote uri"), "{err}");
    assert!(!env.path().join("elsewhere").exists());
}

/// A store whose path holds characters a URI must escape (`+`, `&`, `é`, `'`…): the
/// artifact_location mlrun writes is byte for byte the one MLflow writes for that store, and MLflow
/// reads mlrun's experiment back with the same location.
#[test]
fn artifact_locations_are_encoded_as_mlflow_encodes_them() {
    let env = TestEnv::new();
    let dir = env.path().join("a b+c&d=é'(x)");
    std::fs::create_dir_all(&dir).unwrap();
    let store = dir.join("mlruns");
    let out = at(&env, &store)
        .args(["experiments", "create", "mine"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let meta = std::fs::read_to_string(store.join(&id).join("meta.yaml")).unwrap();
    let ours = meta
        .lines()
        .find_map(|l| l.strip_prefix("artifact_location: "))
        .unwrap()
        .to_string();
    let theirs = run_python(
        &mlflow_python(),
        &store,
        &format!(
            r#"
from mlflow.utils.file_utils import path_to_local_file_uri
from mlflow import MlflowClient
print(path_to_local_file_uri({store:?}) + "/{id}")
print(MlflowClient().get_experiment("{id}").artifact_location)
"#,
            store = store.to_str().unwrap()
        ),
    );
    let lines: Vec<&str> = theirs.lines().collect();
    assert_eq!(ours, lines[0], "what MLflow writes");
    assert_eq!(ours, lines[1], "what MLflow reads back");
    assert!(ours.contains("a%20b%2Bc%26d%3D%C3%A9%27%28x%29"), "{ours}");
}

/// Logs an sklearn LinearRegression (y = 2a - 3b + 0.1) to the tracking server with MLflow's
/// client, registers it as `name` and points the alias `champ` at it.
fn register_on_server(env: &TestEnv, name: &str) {
    let url = &server().url;
    run_python(
        &mlflow_sklearn_python(),
        &env.store(),
        &format!(
            r#"
import mlflow, pandas as pd
from sklearn.linear_model import LinearRegression
from mlflow.models import infer_signature
mlflow.set_tracking_uri({url:?})
mlflow.set_experiment("stores-serve")
X = pd.DataFrame({{"a": [1.0, 2.0, 3.0, 4.0, 5.0], "b": [0.5, 1.5, 2.5, 0.0, 7.0]}})
y = 2 * X.a - 3 * X.b + 0.1
m = LinearRegression().fit(X, y)
with mlflow.start_run():
    info = mlflow.sklearn.log_model(m, name="model", signature=infer_signature(X, m.predict(X)))
mv = mlflow.register_model(info.model_uri, {name:?})
mlflow.MlflowClient().set_registered_model_alias({name:?}, "champ", mv.version)
"#
        ),
    );
}

fn predictions(v: &Value) -> Vec<f64> {
    v["predictions"]
        .as_array()
        .unwrap_or_else(|| panic!("no predictions in {v}"))
        .iter()
        .map(|p| p.as_f64().unwrap())
        .collect()
}

fn close(got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-6, "{got:?} vs {want:?}");
    }
}

/// `models serve -m models:/NAME@champ` (and `models predict`) with the tracking URI a real MLflow
/// tracking server: the alias resolves through the server's registry and the files come through its
/// artifact proxy (before, model URIs resolved only in a store folder).
#[test]
fn models_serve_resolves_an_alias_through_a_tracking_server() {
    let env = TestEnv::new();
    let name = format!(
        "served-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..10]
    );
    register_on_server(&env, &name);
    let uri = format!("models:/{name}@champ");
    let python = mlflow_sklearn_python();
    let path = format!(
        "{}:{}",
        python.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let input =
        json!({"dataframe_split": {"columns": ["a", "b"], "data": [[1.0, 1.0], [0.0, 2.0]]}});
    let want = [2.0 - 3.0 + 0.1, -6.0 + 0.1];

    // models predict: resolve, download, score once.
    let file = env.path().join("in.json");
    std::fs::write(&file, input.to_string()).unwrap();
    let out = at(&env, &server().url)
        .env("PATH", &path)
        .args([
            "-q",
            "models",
            "predict",
            "-m",
            &uri,
            "--env-manager",
            "local",
            "-i",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    close(
        &predictions(&serde_json::from_slice(&out.stdout).unwrap()),
        &want,
    );

    // models serve: the same model behind HTTP.
    let mut child = at(&env, &server().url)
        .env("PATH", &path)
        .args([
            "models",
            "serve",
            "--port",
            "0",
            "-m",
            &uri,
            "--env-manager",
            "local",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let reply = line.starts_with("http://127.0.0.1:").then(|| {
        http::request(
            "POST",
            &format!("{}/invocations", line.trim()),
            &[("Content-Type", "application/json")],
            input.to_string().as_bytes(),
        )
    });
    let _ = child.kill();
    let _ = child.wait();
    let reply = reply.unwrap_or_else(|| panic!("serve printed {line:?}"));
    assert_eq!(reply.status, 200, "{}", reply.text());
    close(&predictions(&reply.json()), &want);
}
