//! One door to the stores: a tracking URI is parsed once (`mlrun::uri`) and `Stores::open` gives the
//! tracking store, the registry and the model files behind it, so model commands resolve the same on a
//! folder and on a real MLflow tracking server, and file URIs carry the bytes MLflow writes.
mod common;

use common::http;
use common::tracking_server::server;
use common::{mlflow_python, mlflow_sklearn_python, run_python, run_with_model, TestEnv};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
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

/// Where a two-backend test body runs: a store folder, or the shared real MLflow tracking server.
/// Names on the server are shared by every test of this binary, so each body makes its own.
struct Backend<'a> {
    env: &'a TestEnv,
    /// The tracking URI mlrun is given.
    uri: String,
    /// The same store as MLflow's Python client names it.
    python_uri: String,
    label: &'static str,
}

impl Backend<'_> {
    fn cmd(&self) -> Command {
        at(self.env, &self.uri)
    }

    fn ok(&self, args: &[&str]) -> String {
        self.env.ok_at(&self.uri, args)
    }

    fn json(&self, args: &[&str]) -> Value {
        self.env.json_at(&self.uri, args)
    }

    fn fails(&self, args: &[&str]) -> String {
        self.env.fails_at(&self.uri, args)
    }

    /// A name no other test (or earlier run of this one) uses on this backend.
    fn unique(&self, prefix: &str) -> String {
        format!(
            "{prefix}-{}",
            &uuid::Uuid::new_v4().simple().to_string()[..10]
        )
    }
}

/// Runs `body` on a store folder, then on the shared real MLflow tracking server.
fn on_both(body: impl Fn(&Backend)) {
    let env = TestEnv::new();
    let store = env.store();
    body(&Backend {
        env: &env,
        uri: store.display().to_string(),
        python_uri: format!("file://{}", store.display()),
        label: "folder",
    });
    let env = TestEnv::new();
    body(&Backend {
        env: &env,
        uri: server().url.clone(),
        python_uri: server().url.clone(),
        label: "server",
    });
}

/// Registration, versions, aliases, stages, tags, download and inspect: one body, run on a folder
/// and on a real MLflow tracking server, must behave alike.
#[test]
fn registry_and_model_files_behave_alike_on_a_folder_and_a_server() {
    on_both(|b| {
        let label = b.label;
        let name = b.unique("both");
        let run = run_with_model(b.env, &b.uri, &b.unique("models-exp"), "m1");
        let source = format!("runs:/{run}/model");
        assert_eq!(
            b.ok(&["models", "register", &source, &name, "--tag", "k=v"]),
            "1"
        );
        assert_eq!(
            b.ok(&[
                "models",
                "register",
                &source,
                &name,
                "--description",
                "second"
            ]),
            "2"
        );
        b.ok(&["models", "set-alias", &name, "champion", "1"]);
        b.ok(&["models", "transition", &name, "2", "staging"]);
        b.ok(&["models", "set-tag", &name, "team", "ml"]);
        b.ok(&[
            "models",
            "set-tag",
            &name,
            "vt",
            "x",
            "--model-version",
            "2",
        ]);

        let rm = &b.json(&["models", "describe", &name])["registered_model"];
        assert_eq!(
            rm["tags"],
            json!([{"key": "team", "value": "ml"}]),
            "{label}"
        );
        assert_eq!(
            rm["aliases"],
            json!([{"alias": "champion", "version": "1"}]),
            "{label}"
        );
        let latest = common::pairs(&rm["latest_versions"], "current_stage", "version");
        assert_eq!(
            latest,
            vec![("None".into(), "1".into()), ("Staging".into(), "2".into())],
            "{label}"
        );
        let mv = &b.json(&["models", "version", &name, "1"])["model_version"];
        assert_eq!(mv["aliases"], json!(["champion"]), "{label}");
        assert_eq!(mv["tags"], json!([{"key": "k", "value": "v"}]), "{label}");
        assert_eq!(mv["run_id"], run.as_str(), "{label}");
        assert!(
            mv["source"].as_str().unwrap().ends_with("/artifacts/model"),
            "{label}: {mv}"
        );
        let versions = b.json(&["models", "versions", &name]);
        let numbers: Vec<&str> = versions["model_versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["version"].as_str().unwrap())
            .collect();
        assert_eq!(numbers.len(), 2, "{label}: {versions}");
        assert_eq!(
            b.json(&["models", "version", &name, "2"])["model_version"]["tags"],
            json!([{"key": "vt", "value": "x"}]),
            "{label}"
        );

        // Every way of naming a version leads to the same files.
        for (i, uri) in [
            format!("models:/{name}@champion"),
            format!("models:/{name}/1"),
            format!("models:/{name}/staging"),
            format!("models:/{name}/latest"),
            format!("models:/{name}@latest"),
            source.clone(),
        ]
        .iter()
        .enumerate()
        {
            let dest = b.env.path().join(format!("down{i}"));
            let out = b.ok(&["models", "download", uri, "--dest", dest.to_str().unwrap()]);
            assert_eq!(Path::new(&out), dest, "{label} {uri}");
            assert_eq!(
                std::fs::read_to_string(dest.join("weights.bin")).unwrap(),
                "m1".repeat(100),
                "{label} {uri}"
            );
            assert!(dest.join("MLmodel").is_file(), "{label} {uri}");
        }
        let v = b.json(&["models", "inspect", &format!("models:/{name}@champion")]);
        assert_eq!(
            v["flavors"]["python_function"]["loader_module"], "xm1",
            "{label}: {v}"
        );

        // A registered version registers again under another name, with its run.
        let copy = b.unique("both-copy");
        assert_eq!(
            b.ok(&[
                "models",
                "register",
                &format!("models:/{name}@champion"),
                &copy
            ]),
            "1"
        );
        let mv = &b.json(&["models", "version", &copy, "1"])["model_version"];
        assert_eq!(mv["run_id"], run.as_str(), "{label}");
        let dest = b.env.path().join("copy");
        b.ok(&[
            "models",
            "download",
            &format!("models:/{copy}/1"),
            "--dest",
            dest.to_str().unwrap(),
        ]);
        assert!(dest.join("weights.bin").is_file(), "{label}");

        // What does not exist is named, with a hint of what does.
        let err = b.fails(&[
            "models",
            "download",
            &format!("models:/{name}@nope"),
            "--dest",
            "x",
        ]);
        assert!(err.contains("nope"), "{label}: {err}");
        let err = b.fails(&["models", "register", &format!("runs:/{run}/nothing"), &name]);
        assert!(
            err.contains("Unable to find a logged_model"),
            "{label}: {err}"
        );

        // Alias and version deletes.
        b.ok(&["models", "delete-alias", &name, "champion"]);
        assert!(b
            .fails(&["models", "inspect", &format!("models:/{name}@champion")])
            .contains("champion"));
        b.ok(&["models", "delete-version", &name, "1"]);
        let versions = b.json(&["models", "versions", &name]);
        assert_eq!(
            versions["model_versions"].as_array().unwrap().len(),
            1,
            "{label}: {versions}"
        );
        b.ok(&["models", "delete", &name]);
        assert!(b
            .fails(&["models", "describe", &name])
            .contains("not found"));
    });
}

/// `models log` of a bare model file, with a signature, an input example and `--register`: one
/// body on a folder and on a server, read back by mlrun and by MLflow's own client.
#[test]
fn models_log_alike_on_a_folder_and_a_server() {
    on_both(|b| {
        let label = b.label;
        let exp = b.unique("log-exp");
        b.ok(&["experiments", "create", &exp]);
        let run = b.ok(&["runs", "start", "--experiment-name", &exp]);
        b.ok(&["log-param", "--run-id", &run, "alpha", "0.5"]);
        common::bare_onnx_files(b.env.path());
        let name = b.unique("logged");
        let out = b.json(&[
            "models",
            "log",
            "net.onnx",
            "--run-id",
            &run,
            "--signature",
            "sig.json",
            "--input-example",
            "ex.json",
            "--register",
            &name,
        ]);
        let model_id = out["model_id"].as_str().unwrap().to_string();
        assert!(model_id.starts_with("m-"), "{label}: {out}");
        assert_eq!(out["model_version"]["version"], "1", "{label}");
        // (A server keeps no model id on a version; its source names the model.)
        assert_eq!(
            out["model_version"]["source"],
            format!("models:/{model_id}"),
            "{label}"
        );

        // runs:/RUN/NAME falls back to the run's logged model, as in MLflow 3.
        let v = b.json(&["models", "inspect", &format!("runs:/{run}/model")]);
        assert_eq!(v["flavors"]["onnx"]["data"], "net.onnx", "{label}: {v}");
        assert_eq!(v["signature"]["inputs"][0]["type"], "tensor", "{label}");
        assert_eq!(v["input_example"], json!([[1.0, 2.0]]), "{label}");
        let v = b.json(&["models", "inspect", &format!("models:/{name}/1")]);
        assert_eq!(v["model_id"], model_id.as_str(), "{label}");
        let dest = b.env.path().join("down");
        b.ok(&[
            "models",
            "download",
            &format!("models:/{name}/1"),
            "--dest",
            dest.to_str().unwrap(),
        ]);
        assert_eq!(
            std::fs::read(dest.join("net.onnx")).unwrap(),
            b"\x08\x07onnx-bytes",
            "{label}"
        );

        let read = run_python(
            &mlflow_python(),
            &b.env.store(),
            &format!(
                r#"
import json, mlflow
from mlflow.entities import LoggedModelStatus
mlflow.set_tracking_uri({uri:?})
c = mlflow.MlflowClient()
lm = c.get_logged_model({model_id:?})
print(lm.status == LoggedModelStatus.READY, lm.source_run_id == {run:?}, lm.name, lm.params)
print([(v["name"], int(v["version"])) for v in json.loads(lm.tags["mlflow.modelVersions"])])
print([o.model_id for o in c.get_run({run:?}).outputs.model_outputs])
"#,
                uri = b.python_uri
            ),
        );
        assert_eq!(
            read.trim(),
            format!("True True model {{'alpha': '0.5'}}\n[('{name}', 1)]\n['{model_id}']"),
            "{label}"
        );
    });
}

/// Logs an sklearn LinearRegression (y = 2a - 3b + 0.1) with MLflow's client (MLflow 3: a logged
/// model, not run artifacts), registers it with mlrun by `runs:/RUN/model` and points the alias
/// `champ` at it; returns the logged model's id.
fn log_sklearn(b: &Backend, name: &str) -> String {
    let uri = &b.python_uri;
    let exp = b.unique("stores-serve");
    let out = run_python(
        &mlflow_sklearn_python(),
        &b.env.store(),
        &format!(
            r#"
import mlflow, pandas as pd
from sklearn.linear_model import LinearRegression
from mlflow.models import infer_signature
mlflow.set_tracking_uri({uri:?})
mlflow.set_experiment({exp:?})
X = pd.DataFrame({{"a": [1.0, 2.0, 3.0, 4.0, 5.0], "b": [0.5, 1.5, 2.5, 0.0, 7.0]}})
y = 2 * X.a - 3 * X.b + 0.1
m = LinearRegression().fit(X, y)
with mlflow.start_run() as run:
    info = mlflow.sklearn.log_model(m, name="model", signature=infer_signature(X, m.predict(X)))
print(run.info.run_id, info.model_id)
"#
        ),
    );
    // MLflow also prints a line with a link to the run.
    let last = out.trim().lines().last().unwrap();
    let (run, model_id) = last.split_once(' ').unwrap();
    assert_eq!(
        b.ok(&["models", "register", &format!("runs:/{run}/model"), name]),
        "1"
    );
    b.ok(&["models", "set-alias", name, "champ", "1"]);
    model_id.to_string()
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

/// `models serve -m models:/NAME@champ` (and `models predict`) on a folder and with the tracking
/// URI a real MLflow tracking server: the alias resolves through the registry and the files come in
/// place or through the server's artifact proxy (before, model URIs resolved only in a store
/// folder). Registering MLflow's logged model records the version on it, as MLflow's client does.
#[test]
fn models_serve_resolves_an_alias_through_a_tracking_server() {
    on_both(serve_by_alias);
}

fn serve_by_alias(b: &Backend) {
    let env = b.env;
    let name = b.unique("served");
    let model_id = log_sklearn(b, &name);
    let recorded = run_python(
        &mlflow_sklearn_python(),
        &env.store(),
        &format!(
            "import mlflow\nmlflow.set_tracking_uri({:?})\nprint(mlflow.MlflowClient().get_logged_model({model_id:?}).tags['mlflow.modelVersions'])\n",
            b.python_uri
        ),
    );
    // Once (a server records it itself; mlrun adds it only where it is missing), the version as
    // the backend numbers it.
    let versions: Value = serde_json::from_str(recorded.trim().lines().last().unwrap()).unwrap();
    let versions = versions.as_array().unwrap();
    assert_eq!(versions.len(), 1, "{}: {versions:?}", b.label);
    assert_eq!(versions[0]["name"], name.as_str(), "{}", b.label);
    assert_eq!(
        versions[0]["version"].to_string().trim_matches('"'),
        "1",
        "{}",
        b.label
    );
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
    let out = b
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
    let mut child = b
        .cmd()
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
