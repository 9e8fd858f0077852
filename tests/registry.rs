//! The model registry and models from the command line, and interop with the real MLflow (pinned in
//! common::MLFLOW_VERSION, with scikit-learn) both ways on one store.
mod common;
use common::{run_mlflow_sklearn, TestEnv};
use serde_json::Value;
use std::path::Path;
use std::process::Stdio;

fn start_run(env: &TestEnv) -> String {
    env.ok(&["runs", "start", "--name", "trainer"])
}

/// A folder with a model MLflow can load is not needed for registry bookkeeping: any folder with an
/// MLmodel file will do.
fn fake_model_dir(env: &TestEnv, name: &str) -> String {
    let dir = env.path().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("MLmodel"),
        "flavors:\n  python_function:\n    loader_module: x\n",
    )
    .unwrap();
    dir.to_string_lossy().into_owned()
}

#[test]
fn registry_lifecycle() {
    let env = TestEnv::new();
    let model = fake_model_dir(&env, "m");
    assert_eq!(
        env.ok(&[
            "models",
            "create",
            "fraud",
            "--description",
            "d",
            "--tag",
            "team=ml"
        ]),
        "fraud"
    );
    assert_eq!(
        env.ok(&["models", "register", &model, "fraud", "--tag", "k=v"]),
        "1"
    );
    // register creates the model when missing
    assert_eq!(env.ok(&["models", "register", &model, "churn"]), "1");
    assert_eq!(
        env.ok(&[
            "models",
            "register",
            &model,
            "fraud",
            "--description",
            "second"
        ]),
        "2"
    );
    env.ok(&["models", "set-alias", "fraud", "champion", "1"]);
    env.ok(&["models", "transition", "fraud", "2", "staging"]);
    env.ok(&[
        "models",
        "set-tag",
        "fraud",
        "vt",
        "x",
        "--model-version",
        "2",
    ]);

    let v = env.json(&["models", "describe", "fraud"]);
    let rm = &v["registered_model"];
    assert_eq!(rm["name"], "fraud");
    assert_eq!(rm["description"], "d");
    assert_eq!(
        rm["tags"],
        serde_json::json!([{"key": "team", "value": "ml"}])
    );
    assert_eq!(
        rm["aliases"],
        serde_json::json!([{"alias": "champion", "version": "1"}])
    );
    let latest = common::pairs(&rm["latest_versions"], "current_stage", "version");
    assert_eq!(
        latest,
        vec![("None".into(), "1".into()), ("Staging".into(), "2".into())]
    );

    let mv = &env.json(&["models", "version", "fraud", "1"])["model_version"];
    assert_eq!(mv["version"], "1");
    assert_eq!(mv["aliases"], serde_json::json!(["champion"]));
    assert_eq!(mv["tags"], serde_json::json!([{"key": "k", "value": "v"}]));
    assert!(mv["source"].as_str().unwrap().ends_with("/m"));

    // URIs: alias, stage, latest, version all resolve to the same files.
    for uri in [
        "models:/fraud@champion",
        "models:/fraud/1",
        "models:/fraud/staging",
        "models:/fraud/latest",
        "models:/fraud@latest",
    ] {
        let dest = env
            .path()
            .join("dl")
            .join(uri.replace([':', '/', '@'], "_"));
        env.ok(&["models", "download", uri, "--dest", dest.to_str().unwrap()]);
        assert!(dest.join("MLmodel").is_file(), "{uri}");
    }

    // Searches use MLflow's grammar.
    let names = |v: &Value| -> Vec<String> {
        v["registered_models"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names(&env.json(&["models", "list"])),
        vec!["churn", "fraud"]
    );
    assert_eq!(
        names(&env.json(&["models", "search", "--filter", "tags.team = 'ml'"])),
        vec!["fraud"]
    );
    assert_eq!(
        names(&env.json(&["models", "search", "--order-by", "name DESC"])),
        vec!["fraud", "churn"]
    );
    let versions = env.json(&[
        "models",
        "versions",
        "--filter",
        "name = 'fraud' AND tags.vt = 'x'",
    ]);
    let found: Vec<&str> = versions["model_versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(found, vec!["2"]);

    // Deleting a version removes its aliases and never reuses its number.
    env.ok(&["models", "delete-version", "fraud", "1"]);
    let err = env.fails(&["models", "version", "fraud", "1"]);
    assert!(
        err.contains("not found") && err.contains("versions: 2"),
        "{err}"
    );
    let err = env.fails(&[
        "models",
        "download",
        "models:/fraud@champion",
        "--dest",
        "x",
    ]);
    assert!(err.contains("alias champion not found"), "{err}");
    assert!(
        err.contains("hint: 'fraud' has versions: 2; aliases: none"),
        "{err}"
    );
    assert_eq!(env.ok(&["models", "register", &model, "fraud"]), "3");

    env.ok(&["models", "rename", "fraud", "fraud2"]);
    let err = env.fails(&["models", "describe", "fraud"]);
    assert!(err.contains("registered models: churn, fraud2"), "{err}");
    let v = env.json(&["models", "describe", "fraud2"]);
    assert_eq!(v["registered_model"]["tags"][0]["key"], "team");
    env.ok(&["models", "delete", "fraud2"]);
    assert!(!env.store().join("models").join("fraud2").exists());
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let env = TestEnv::new();
    let model = fake_model_dir(&env, "m");
    env.ok(&["models", "register", &model, "good"]);
    let before = env.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (&["models", "create", "a/b"], "cannot contain '/'"),
        (
            &["models", "create", ".."],
            "must not resolve to other names",
        ),
        (&["models", "create", "../escape"], "cannot contain '/'"),
        (&["models", "create", "a:b"], "cannot contain '/' or ':'"),
        (&["models", "create", "a%b"], "'%'"),
        (&["models", "create", " "], "Missing value"),
        (&["models", "create", "good"], "already exists"),
        (&["models", "register", &model, "x/y"], "cannot contain '/'"),
        (
            &["models", "transition", "good", "1", "prod"],
            "Invalid Model Version stage: prod",
        ),
        (
            &[
                "models",
                "transition",
                "good",
                "1",
                "archived",
                "--archive-existing",
            ],
            "not an Active stage",
        ),
        (
            &["models", "set-alias", "good", "v1", "1"],
            "Version alias name 'v1' is reserved",
        ),
        (&["models", "set-alias", "good", "V12", "1"], "reserved"),
        (
            &["models", "set-alias", "good", "latest", "1"],
            "'latest' alias name",
        ),
        (
            &["models", "set-alias", "good", "a.b", "1"],
            "Invalid alias name",
        ),
        (
            &["models", "set-alias", "good", "champ", "7"],
            "version=7) not found",
        ),
        (
            &["models", "set-alias", "good", "champ", "x"],
            "must be an integer",
        ),
        (&["models", "set-tag", "good", "a@b", "v"], "Invalid value"),
        (&["models", "describe", "nope"], "not found"),
        (&["models", "version", "good", "2"], "not found"),
        (&["models", "rename", "good", "a/b"], "cannot contain '/'"),
        (
            &["models", "register", "models:/good/9", "other"],
            "not found",
        ),
        (
            &["models", "register", "/does/not/exist", "other"],
            "no MLmodel",
        ),
        (
            &["models", "download", "models:/a/b/c", "--dest", "d"],
            "Not a proper models:/ URI",
        ),
        (
            &["models", "search", "--filter", "bogus = 1"],
            "Invalid attribute key",
        ),
    ];
    for (args, want) in cases {
        let err = env.fails(args);
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(env.snapshot(), before, "{args:?} changed the store");
    }
    // What exists is named.
    let err = env.fails(&["models", "version", "good", "2"]);
    assert!(err.contains("hint: 'good' has versions: 1"), "{err}");
}

#[test]
fn concurrent_registrations_get_distinct_versions() {
    let env = TestEnv::new();
    let model = fake_model_dir(&env, "m");
    env.ok(&["experiments", "list"]);
    let children: Vec<_> = (0..8)
        .map(|_| {
            env.cmd()
                .args(["models", "register", &model, "race"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut got: Vec<i64> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout)
                .unwrap()
                .trim()
                .parse()
                .unwrap()
        })
        .collect();
    got.sort();
    assert_eq!(got, (1..=8).collect::<Vec<_>>());
    let dirs = std::fs::read_dir(env.store().join("models").join("race"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("version-"))
        .count();
    assert_eq!(dirs, 8);
    assert_eq!(
        env.json(&["models", "versions", "race"])["model_versions"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
}

#[test]
fn log_writes_mlmodel_for_a_bare_onnx_file() {
    let env = TestEnv::new();
    let run = start_run(&env);
    env.ok(&["log-param", "--run-id", &run, "alpha", "0.5"]);
    common::bare_onnx_files(env.path());
    let out = env.json(&[
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
        "net",
    ]);
    let model_id = out["model_id"].as_str().unwrap();
    assert!(model_id.starts_with("m-") && model_id.len() == 34);
    assert_eq!(out["model_version"]["version"], "1");
    assert_eq!(out["model_version"]["model_id"], model_id);
    let exp_dir = env.store().join("0");
    let lm = exp_dir.join("models").join(model_id);
    let mlmodel = std::fs::read_to_string(lm.join("artifacts").join("MLmodel")).unwrap();
    for line in [
        "  onnx:\n    code: null\n    data: net.onnx\n",
        "  python_function:\n    data: net.onnx\n    loader_module: mlflow.onnx\n",
        &format!("model_uuid: {model_id}\n"),
        &format!("run_id: {run}\n"),
        "  inputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", \"shape\": [-1, 2]}}]'\n",
        "  params: null\n",
        "  type: ndarray\n",
    ] {
        assert!(mlmodel.contains(line), "missing {line:?} in\n{mlmodel}");
    }
    assert_eq!(
        std::fs::read_to_string(lm.join("artifacts").join("input_example.json")).unwrap(),
        "[[1.0, 2.0]]"
    );
    assert_eq!(
        std::fs::read_to_string(lm.join("params").join("alpha")).unwrap(),
        "0.5"
    );
    assert_eq!(
        std::fs::read_to_string(lm.join("tags").join("mlflow.modelVersions")).unwrap(),
        "[{\"name\": \"net\", \"version\": 1}]"
    );
    let meta = std::fs::read_to_string(lm.join("meta.yaml")).unwrap();
    assert!(meta.contains("status: 2\n") && meta.contains(&format!("source_run_id: {run}\n")));
    assert!(exp_dir
        .join(&run)
        .join("outputs")
        .join(model_id)
        .join("meta.yaml")
        .is_file());

    // runs:/RUN/NAME falls back to the run's logged model, as in MLflow 3.
    let v = env.json(&["models", "inspect", &format!("runs:/{run}/model")]);
    assert_eq!(v["flavors"]["onnx"]["data"], "net.onnx");
    assert_eq!(v["signature"]["inputs"][0]["type"], "tensor");
    assert_eq!(v["input_example"], serde_json::json!([[1.0, 2.0]]));
    let v = env.json(&["models", "inspect", "models:/net/1"]);
    assert_eq!(v["model_id"], model_id);

    // A folder without MLmodel and without a recognisable file is refused before anything is written.
    std::fs::create_dir_all(env.path().join("junk")).unwrap();
    std::fs::write(env.path().join("junk").join("a.bin"), "x").unwrap();
    let before = env.snapshot();
    let err = env.fails(&["models", "log", "junk", "--run-id", &run]);
    assert!(err.contains("no MLmodel"), "{err}");
    assert_eq!(env.snapshot(), before);
}

/// MLflow logs and registers an sklearn model; mlrun lists, describes, aliases and downloads it, and
/// MLflow sees mlrun's alias and stage.
#[test]
fn mlrun_reads_models_mlflow_registered() {
    let env = TestEnv::new();
    let script = r#"
import json, mlflow, numpy as np
from sklearn.linear_model import LinearRegression
X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]]); y = np.array([1.0, 2.0, 3.5])
with mlflow.start_run() as r:
    info = mlflow.sklearn.log_model(LinearRegression().fit(X, y), name="model",
                                    input_example=X[:2], registered_model_name="SkModel")
c = mlflow.MlflowClient()
c.update_registered_model("SkModel", description="from mlflow")
c.set_registered_model_tag("SkModel", "team", "ml")
print(json.dumps({"run": r.info.run_id, "model_id": info.model_id}))
"#;
    let v: Value = serde_json::from_str(run_mlflow_sklearn(&env.store(), script).trim()).unwrap();
    let model_id = v["model_id"].as_str().unwrap();

    let list = env.json(&["models", "list"]);
    assert_eq!(list["registered_models"][0]["name"], "SkModel");
    let rm = &env.json(&["models", "describe", "SkModel"])["registered_model"];
    assert_eq!(rm["description"], "from mlflow");
    assert_eq!(rm["tags"][0]["value"], "ml");
    let mv = &env.json(&["models", "version", "SkModel", "1"])["model_version"];
    assert_eq!(mv["model_id"], model_id);
    assert_eq!(mv["source"], format!("models:/{model_id}"));
    assert_eq!(mv["run_id"], v["run"]);

    env.ok(&["models", "set-alias", "SkModel", "champion", "1"]);
    env.ok(&["models", "transition", "SkModel", "1", "Production"]);
    let dest = env.path().join("dl");
    env.ok(&[
        "models",
        "download",
        "models:/SkModel@champion",
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert!(dest.join("MLmodel").is_file());
    assert!(dest.join("model.skops").is_file() || dest.join("model.pkl").is_file());
    let insp = env.json(&["models", "inspect", "models:/SkModel@champion"]);
    assert_eq!(
        insp["flavors"]["python_function"]["loader_module"],
        "mlflow.sklearn"
    );
    assert_eq!(
        insp["signature"]["inputs"][0]["tensor-spec"]["shape"],
        serde_json::json!([-1, 2])
    );
    assert_eq!(
        insp["input_example"],
        serde_json::json!([[1.0, 2.0], [3.0, 4.0]])
    );

    let check = r#"
import json, mlflow, numpy as np
c = mlflow.MlflowClient()
mv = c.get_model_version_by_alias("SkModel", "champion")
m = mlflow.pyfunc.load_model("models:/SkModel/Production")
print(json.dumps({"version": mv.version, "stage": mv.current_stage,
                  "pred": len(m.predict(np.array([[1.0, 2.0]])))}))
"#;
    let out: Value = serde_json::from_str(run_mlflow_sklearn(&env.store(), check).trim()).unwrap();
    // The file store hands versions to Python as ints.
    assert_eq!(out["version"], 1);
    assert_eq!(out["stage"], "Production");
    assert_eq!(out["pred"], 1);
}

/// mlrun logs a pickled sklearn model (writing its MLmodel), registers, aliases and stages it; MLflow
/// finds the version, sees alias and stage, and loads `models:/NAME@ALIAS` to predict.
#[test]
fn mlflow_loads_models_mlrun_registered() {
    let env = TestEnv::new();
    let run = start_run(&env);
    env.ok(&["log-param", "--run-id", &run, "alpha", "0.5"]);
    let pickle = env.path().join("model.pkl");
    let train = format!(
        r#"
import pickle, numpy as np
from sklearn.linear_model import LinearRegression
X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]]); y = np.array([1.0, 2.0, 3.5])
m = LinearRegression().fit(X, y)
pickle.dump(m, open({:?}, "wb"))
import mlflow.sklearn
mlflow.sklearn.save_model(m, {:?})
"#,
        pickle.to_str().unwrap(),
        env.path().join("saved").to_str().unwrap()
    );
    run_mlflow_sklearn(&env.store(), &train);
    let uri = env.ok(&[
        "models",
        "log",
        "model.pkl",
        "--run-id",
        &run,
        "--flavor",
        "sklearn",
        "--register",
        "Mine",
        "--python-version",
        "3.11.7",
    ]);
    assert!(uri.starts_with("models:/m-"), "{uri}");
    assert_eq!(
        env.ok(&["models", "register", &format!("runs:/{run}/model"), "Mine"]),
        "2"
    );
    env.ok(&["models", "set-alias", "Mine", "champion", "2"]);
    env.ok(&["models", "transition", "Mine", "1", "Staging"]);
    env.ok(&[
        "models",
        "set-tag",
        "Mine",
        "owner",
        "me",
        "--model-version",
        "2",
    ]);
    // A folder MLflow saved (with its own MLmodel) is logged as is, with MLflow 3's ids filled in.
    env.ok(&[
        "models",
        "log",
        "saved",
        "--run-id",
        &run,
        "--name",
        "saved",
        "--register",
        "Saved",
    ]);
    env.ok(&["runs", "end", &run]);

    let script = format!(
        r#"
import json, mlflow, numpy as np
c = mlflow.MlflowClient()
mvs = c.search_model_versions("name = 'Mine'")
by_alias = c.get_model_version_by_alias("Mine", "champion")
m = mlflow.pyfunc.load_model("models:/Mine@champion")
pred = m.predict(np.array([[1.0, 2.0], [3.0, 4.0]]))
m2 = mlflow.pyfunc.load_model("runs:/{run}/model")
print(json.dumps({{
  "versions": sorted(v.version for v in mvs),
  "stages": {{v.version: v.current_stage for v in mvs}},
  "alias_version": by_alias.version, "aliases": by_alias.aliases, "tags": by_alias.tags,
  "model_id": by_alias.model_id, "run_id": by_alias.run_id,
  "pred": [round(float(p), 6) for p in pred],
  "pred2": [round(float(p), 6) for p in m2.predict(np.array([[1.0, 2.0]]))],
  "rm_aliases": c.get_registered_model("Mine").aliases,
  "latest": sorted((v.current_stage, v.version) for v in c.get_latest_versions("Mine")),
  "by_run": [v.version for v in c.search_model_versions("run_id = '{run}'")],
  "lm_versions": json.loads(c.get_logged_model(by_alias.model_id).tags["mlflow.modelVersions"]),
  "lm_params": c.get_logged_model(by_alias.model_id).params,
  "saved": [round(float(p), 6) for p in mlflow.pyfunc.load_model("models:/Saved/1").predict(np.array([[3.0, 4.0]]))],
  "saved_info": (lambda i: [i.run_id, i.model_uuid == i.model_id, i.artifact_path.startswith("file://")])(mlflow.models.get_model_info("models:/Saved/1")),
}}))
"#
    );
    let v: Value = serde_json::from_str(run_mlflow_sklearn(&env.store(), &script).trim()).unwrap();
    assert_eq!(v["versions"], serde_json::json!([1, 2]));
    assert_eq!(v["stages"]["1"], "Staging");
    assert_eq!(v["stages"]["2"], "None");
    assert_eq!(v["alias_version"], 2);
    assert_eq!(v["aliases"], serde_json::json!(["champion"]));
    assert_eq!(v["tags"]["owner"], "me");
    assert_eq!(v["model_id"], uri.trim_start_matches("models:/"));
    assert_eq!(v["run_id"], run.as_str());
    assert_eq!(v["pred"], serde_json::json!([1.0, 2.0]));
    assert_eq!(v["pred2"], serde_json::json!([1.0]));
    assert_eq!(v["rm_aliases"]["champion"], "2");
    assert_eq!(v["by_run"].as_array().unwrap().len(), 3);
    assert_eq!(v["saved"], serde_json::json!([2.0]));
    assert_eq!(
        v["lm_versions"],
        serde_json::json!([{"name": "Mine", "version": 1}, {"name": "Mine", "version": 2}])
    );
    assert_eq!(v["lm_params"]["alpha"], "0.5");
    assert_eq!(v["saved_info"], serde_json::json!([run, true, true]));
}

/// The same registry steps done by MLflow and by mlrun leave the same bytes on disk (timestamps and
/// the model name aside).
#[test]
fn registry_files_match_mlflow_byte_for_byte() {
    let env = TestEnv::new();
    let model = fake_model_dir(&env, "m");
    let src = std::fs::canonicalize(&model).unwrap();
    let src = src.to_str().unwrap();
    let script = format!(
        r#"
from mlflow import MlflowClient
c = MlflowClient()
c.create_registered_model("ByMlflow", tags={{"team": "ml", "n/x": "1"}}, description="désc: two")
c.create_model_version("ByMlflow", {src:?}, tags={{"k": "v"}}, description="first")
c.create_model_version("ByMlflow", {src:?})
c.set_registered_model_alias("ByMlflow", "champ", 1)
c.transition_model_version_stage("ByMlflow", 2, "staging")
c.delete_model_version("ByMlflow", 1)
"#
    );
    run_mlflow_sklearn(&env.store(), &script);
    env.ok(&[
        "models",
        "create",
        "ByMlrun",
        "--tag",
        "team=ml",
        "--tag",
        "n/x=1",
        "--description",
        "désc: two",
    ]);
    env.ok(&[
        "models",
        "register",
        &model,
        "ByMlrun",
        "--tag",
        "k=v",
        "--description",
        "first",
    ]);
    env.ok(&["models", "register", &model, "ByMlrun"]);
    env.ok(&["models", "set-alias", "ByMlrun", "champ", "1"]);
    env.ok(&["models", "transition", "ByMlrun", "2", "staging"]);
    env.ok(&["models", "delete-version", "ByMlrun", "1"]);

    let files = |name: &str| -> Vec<(String, String)> {
        let root = env.store().join("models").join(name);
        let mut out = Vec::new();
        fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                if e.path().is_dir() {
                    walk(root, &e.path(), out);
                } else {
                    let rel = e
                        .path()
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    out.push((rel, std::fs::read_to_string(e.path()).unwrap()));
                }
            }
        }
        walk(&root, &root, &mut out);
        out.sort();
        // Mask timestamps and the name.
        out.into_iter()
            .map(|(p, text)| {
                let masked: Vec<String> = text
                    .split('\n')
                    .map(|l| match l.split_once("timestamp: ") {
                        Some((k, _)) => format!("{k}timestamp: T"),
                        None => l.replace(name, "NAME"),
                    })
                    .collect();
                (p, masked.join("\n"))
            })
            .collect()
    };
    let theirs = files("ByMlflow");
    assert!(theirs.len() >= 6, "{theirs:?}");
    assert_eq!(files("ByMlrun"), theirs);
}

/// A model folder downloaded by a `models:/` URI carries `registered_model_meta` as MLflow's
/// download writes it: the name, and the version as MLflow types it (the URI's string for a
/// version, stage or `latest`; the registry's integer for an alias). mlrun's file and MLflow's are
/// compared byte for byte, for each kind of URI.
#[test]
fn downloads_carry_registered_model_meta_as_mlflow_writes_it() {
    let env = TestEnv::new();
    let model = common::model_dir(env.path(), "m");
    env.ok(&["models", "register", model.to_str().unwrap(), "Reg"]);
    env.ok(&["models", "register", model.to_str().unwrap(), "Reg"]);
    env.ok(&["models", "set-alias", "Reg", "champ", "1"]);
    env.ok(&["models", "transition", "Reg", "2", "Staging"]);
    let uris = [
        "models:/Reg/1",
        "models:/Reg@champ",
        "models:/Reg/latest",
        "models:/Reg/Staging",
    ];
    let script = format!(
        r#"
import json, os, mlflow
out = []
for i, u in enumerate({uris:?}):
    d = os.path.join({root:?}, "mlflow-%d" % i)
    os.makedirs(d)
    p = mlflow.artifacts.download_artifacts(u, dst_path=d)
    out.append(open(os.path.join(p, "registered_model_meta")).read())
print(json.dumps(out))
"#,
        root = env.path().to_str().unwrap()
    );
    let mlflow: Vec<String> =
        serde_json::from_str(common::run_mlflow(&env.store(), &script).trim()).unwrap();
    for (i, uri) in uris.iter().enumerate() {
        let dest = env.path().join(format!("mlrun-{i}"));
        let out = env.ok(&["models", "download", uri, "--dest", dest.to_str().unwrap()]);
        let meta =
            std::fs::read_to_string(std::path::Path::new(&out).join("registered_model_meta"))
                .unwrap_or_else(|e| panic!("{uri}: {e}"));
        assert_eq!(meta, mlflow[i], "{uri}");
    }
    // A run's artifacts are not a registered model: no file, as under MLflow.
    let dest = env.path().join("plain");
    env.ok(&[
        "models",
        "download",
        model.to_str().unwrap(),
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert!(!dest.join("registered_model_meta").exists());
}
