//! `mlrun migrate FOLDER DATABASE` against MLflow 3.17.2's own `mlflow migrate-filestore`: the same
//! folder (written by MLflow's client, full of traps) migrated by both gives the same rows in every
//! table, MLflow's client reads the database mlrun wrote as it read the folder, and bad input
//! leaves the database as it was.
mod common;

use common::tracking_server::{postgres, server_python};
use common::*;
use std::path::Path;
use std::process::Command;

/// A folder store written by MLflow's client: NaN and ±inf metrics, nested keys, unicode, a
/// deleted run and experiment, a parent and child, a dataset input, a logged model with params,
/// tags, a metric and a run output, and a registry with tags, an alias and a stage.
const TRAPS: &str = r#"
import math, mlflow, pandas as pd
from mlflow.tracking import MlflowClient
from mlflow.entities import LoggedModelOutput
c = MlflowClient()
e = c.create_experiment("traps ü", tags={"a/b": "1", "note": "x"})
r = c.create_run(e, run_name="first ü", tags={"t": "v"})
rid = r.info.run_id
c.log_param(rid, "p/q", "x")
c.log_param(rid, "long", "v" * 500)
for i, v in enumerate([1.0, math.nan, math.inf, -math.inf, 2.5]):
    c.log_metric(rid, "m", v, step=i, timestamp=1000 + i)
c.log_metric(rid, "n/ested", 3.0, step=7, timestamp=5)
c.set_terminated(rid)
child = c.create_run(e, tags={"mlflow.parentRunId": rid})
c.log_metric(child.info.run_id, "loss", 0.5, step=0, timestamp=10)
c.set_terminated(child.info.run_id, "FAILED")
gone = c.create_run(e)
c.delete_run(gone.info.run_id)
e2 = c.create_experiment("deleted one")
c.create_run(e2)
c.delete_experiment(e2)
with mlflow.start_run(experiment_id=e, run_name="with data") as run:
    ds = mlflow.data.from_pandas(pd.DataFrame({"a": [1, 2]}), source="x.csv", name="d")
    mlflow.log_input(ds, context="training")
    lm = c.create_logged_model(e, name="lm", source_run_id=run.info.run_id, params={"lp": "1"}, tags={"lt": "2"})
    c.log_metric(run.info.run_id, "acc", 0.9, step=3, timestamp=77, model_id=lm.model_id)
    c.log_outputs(run.info.run_id, [LoggedModelOutput(lm.model_id, 3)])
c.create_registered_model("M", tags={"k": "v"}, description="d")
c.create_model_version("M", "file:///tmp/src", run_id=rid, tags={"vt": "1"}, description="first")
c.create_model_version("M", "file:///tmp/src2")
c.set_registered_model_alias("M", "champ", "1")
c.transition_model_version_stage("M", "2", "Staging")
c.create_registered_model("empty")
"#;

/// Every table of a SQLite database as sorted rows, with the uuids MLflow and mlrun each draw at
/// random (dataset and input ids: the folder store keeps none) replaced by what they stand for.
const DUMP: &str = r#"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ds = {u: f"dataset:{n}:{d}" for u, n, d in db.execute("select dataset_uuid, name, digest from datasets")}
inputs = {u: f"input:{st}:{ds.get(s, s)}:{dt}:{d}" for u, st, s, dt, d in db.execute(
    "select input_uuid, source_type, source_id, destination_type, destination_id from inputs")}
names = {**ds, **inputs}
out = {}
for (t,) in db.execute("select name from sqlite_master where type='table' order by name"):
    rows = [[names.get(v, v) if isinstance(v, str) else v for v in r] for r in db.execute(f'select * from "{t}"')]
    out[t] = sorted(json.dumps(r) for r in rows)
print(json.dumps(out))
"#;

fn dump(db: &Path) -> serde_json::Value {
    let out = Command::new(mlflow_python())
        .args(["-c", DUMP])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// What MLflow's client reads from a store: experiments, runs (all views, every field), metric
/// histories, registered models and versions.
const READ: &str = r#"
import json, os
from mlflow.tracking import MlflowClient
from mlflow.entities import ViewType
c = MlflowClient(tracking_uri=os.environ["URI"], registry_uri=os.environ["URI"])
exps = sorted((e.experiment_id, e.name, e.lifecycle_stage, e.artifact_location, e.creation_time, sorted(e.tags.items()))
              for e in c.search_experiments(view_type=ViewType.ALL))
# Runs of active experiments: MLflow's database store leaves out those of a deleted experiment.
runs = c.search_runs([e[0] for e in exps if e[2] == "active"], run_view_type=ViewType.ALL, order_by=["attributes.start_time DESC", "attributes.run_id"])
out = {"experiments": exps, "runs": []}
for r in runs:
    d = r.to_dictionary()
    d["histories"] = {k: [(m.step, m.timestamp, repr(m.value)) for m in c.get_metric_history(r.info.run_id, k)]
                      for k in sorted(r.data.metrics)}
    d["data"]["metrics"] = {k: repr(v) for k, v in d["data"]["metrics"].items()}
    out["runs"].append(d)
out["models"] = sorted((m.name, m.description, sorted(m.tags.items()), sorted((a, str(v)) for a, v in m.aliases.items()), m.creation_timestamp)
                       for m in c.search_registered_models())
out["versions"] = sorted((v.name, v.version, v.source, v.run_id, v.current_stage, v.description, sorted(v.tags.items()), v.creation_timestamp)
                         for v in c.search_model_versions())
print(json.dumps(out, sort_keys=True, default=str))
"#;

fn mlflow_reads(python: &Path, uri: &str) -> serde_json::Value {
    let out = Command::new(python)
        .args(["-c", READ])
        .env("URI", uri)
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn migrate_writes_the_rows_mlflow_migrate_filestore_writes_and_mlflow_reads_them_back() {
    let env = TestEnv::new();
    let store = env.path().join("mlruns");
    run_mlflow(&store, TRAPS);
    let theirs = env.path().join("theirs.db");
    let ours = env.path().join("ours.db");
    let mlflow = mlflow_python().with_file_name("mlflow");
    let out = Command::new(&mlflow)
        .args(["migrate-filestore", "--no-progress", "--source"])
        .arg(&store)
        .arg("--target")
        .arg(format!("sqlite:///{}", theirs.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = env.ok(&[
        "migrate",
        store.to_str().unwrap(),
        &format!("sqlite:///{}", ours.display()),
    ]);
    assert!(
        table.contains("metrics") && table.contains("model_versions"),
        "{table}"
    );

    let (their_rows, ours_rows) = (dump(&theirs), dump(&ours));
    let tables: Vec<&String> = their_rows.as_object().unwrap().keys().collect();
    assert!(tables.len() > 50, "{tables:?}");
    for t in tables {
        assert_eq!(their_rows[t], ours_rows[t], "table {t}");
    }
    // The tables the traps fill are not empty (the comparison compared something).
    for t in [
        "metrics",
        "latest_metrics",
        "inputs",
        "input_tags",
        "logged_models",
        "logged_model_metrics",
        "registered_model_aliases",
    ] {
        assert!(!ours_rows[t].as_array().unwrap().is_empty(), "{t} is empty");
    }

    // MLflow's client reads the database mlrun wrote as it reads the one its own migration wrote
    // (which differs from reading the folder only where MLflow's stores differ: ±inf come back as
    // ±1.8e308 from a database, an alias's version as a number).
    let python = mlflow_python();
    let from_theirs = mlflow_reads(&python, &format!("sqlite:///{}", theirs.display()));
    let from_ours = mlflow_reads(&python, &format!("sqlite:///{}", ours.display()));
    assert_eq!(from_theirs, from_ours);
    // The four runs of the active experiments (one of them deleted).
    assert_eq!(from_ours["runs"].as_array().unwrap().len(), 4);
}

/// A point logged twice to a folder (the file store appends both lines) is one row in a database
/// (the metrics table's key is the whole point). MLflow's own migration stops on it with an
/// IntegrityError; mlrun keeps one row, as MLflow's database store does when the same point is
/// logged twice.
#[test]
fn a_point_logged_twice_is_one_row_where_mlflow_migrate_filestore_fails() {
    let env = TestEnv::new();
    let store = env.path().join("mlruns");
    run_mlflow(
        &store,
        r#"
from mlflow.tracking import MlflowClient
c = MlflowClient()
r = c.create_run("0")
for _ in range(2):
    c.log_metric(r.info.run_id, "m", 3.0, step=7, timestamp=5)
"#,
    );
    let mlflow = mlflow_python().with_file_name("mlflow");
    let out = Command::new(&mlflow)
        .args(["migrate-filestore", "--no-progress", "--source"])
        .arg(&store)
        .arg("--target")
        .arg(format!(
            "sqlite:///{}",
            env.path().join("theirs.db").display()
        ))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("UNIQUE constraint failed: metrics"));
    let ours = env.path().join("ours.db");
    env.ok(&[
        "migrate",
        store.to_str().unwrap(),
        &format!("sqlite:///{}", ours.display()),
    ]);
    assert_eq!(dump(&ours)["metrics"].as_array().unwrap().len(), 1);
    // The same point logged twice through MLflow's database store is one row too.
    let logged = env.path().join("logged.db");
    let out = Command::new(mlflow_python())
        .arg("-c")
        .arg(format!(
            r#"
from mlflow.tracking import MlflowClient
c = MlflowClient(tracking_uri="sqlite:///{}")
r = c.create_run("0")
for _ in range(2):
    c.log_metric(r.info.run_id, "m", 3.0, step=7, timestamp=5)
"#,
            logged.display()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(dump(&logged)["metrics"].as_array().unwrap().len(), 1);
}

#[test]
fn migrate_refuses_what_it_cannot_copy_and_leaves_the_database_as_it_was() {
    let env = TestEnv::new();
    let store = env.path().join("mlruns");
    let exp = env.ok(&["experiments", "create", "e"]);
    let _ = exp;
    let run = env.ok(&["runs", "start", "--experiment-name", "e"]);
    let run = run.trim();
    env.ok(&["log-metric", "--run-id", run, "m", "1"]);
    let db = env.path().join("m.db");
    let uri = format!("sqlite:///{}", db.display());

    // A damaged metric file: the file is named and nothing is written.
    let metric = std::fs::read_dir(&store)
        .unwrap()
        .flatten()
        .map(|e| e.path().join(run).join("metrics").join("m"))
        .find(|p| p.is_file())
        .unwrap();
    let good = std::fs::read(&metric).unwrap();
    std::fs::write(&metric, b"garbage line\n").unwrap();
    let err = env.fails(&["migrate", store.to_str().unwrap(), &uri]);
    assert!(err.contains(&metric.display().to_string()), "{err}");
    let counts = |_: &str| dump(&db)["runs"].as_array().map_or(0, |a| a.len());
    assert_eq!(counts(&uri), 0);

    // Fixed, it migrates; a second migrate into the now full database is refused unchanged.
    std::fs::write(&metric, good).unwrap();
    env.ok(&["migrate", store.to_str().unwrap(), &uri]);
    assert_eq!(counts(&uri), 1);
    let err = env.fails(&["migrate", store.to_str().unwrap(), &uri]);
    assert!(err.contains("Target database is not empty"), "{err}");
    assert_eq!(counts(&uri), 1);

    // Not a folder, not a database: usage errors naming the argument.
    let err = env.fails(&["migrate", &uri, &uri]);
    assert!(
        err.contains("is neither") && err.contains("into a new folder"),
        "{err}"
    );
    let err = env.fails(&["migrate", store.to_str().unwrap(), "/tmp/x"]);
    assert!(
        err.contains("is neither") && err.contains("into a database"),
        "{err}"
    );
    let err = env.fails(&[
        "migrate",
        env.path().join("nothing").to_str().unwrap(),
        &uri,
    ]);
    assert!(err.contains("Cannot find mlruns directory"), "{err}");
}

#[test]
fn migrate_into_postgresql_keeps_ids_and_refuses_ids_it_cannot_hold() {
    let env = TestEnv::new();
    let store = env.path().join("mlruns");
    // Runs in the Default experiment (id 0) and a registry fit PostgreSQL's 32-bit experiment ids.
    run_mlflow(
        &store,
        r#"
from mlflow.tracking import MlflowClient
c = MlflowClient()
r = c.create_run("0", run_name="pg")
c.log_metric(r.info.run_id, "m", float("nan"), step=1, timestamp=3)
c.log_param(r.info.run_id, "p", "1")
c.set_terminated(r.info.run_id)
c.create_registered_model("M")
c.create_model_version("M", "file:///tmp/x", run_id=r.info.run_id)
"#,
    );
    let pg = postgres();
    let uri = pg.database("migrate_ok");
    env.ok(&["migrate", store.to_str().unwrap(), &uri]);
    let python = server_python();
    let folder = mlflow_reads(&python, &format!("file://{}", store.display()));
    let db = mlflow_reads(
        &python,
        &uri.replacen("postgresql://", "postgresql+psycopg2://", 1),
    );
    assert_eq!(folder, db);

    // A folder store's usual experiment ids (18 digits) do not fit: refused, nothing written.
    env.ok(&["experiments", "create", "big"]);
    let uri = pg.database("migrate_big");
    let err = env.fails(&["migrate", store.to_str().unwrap(), &uri]);
    assert!(
        err.contains("32-bit") && !err.contains("Traceback"),
        "{err}"
    );
    let left = env.json_at(&uri, &["experiments", "list", "--output", "json"]);
    assert_eq!(
        left["experiments"].as_array().map(|a| a.len()),
        Some(1),
        "{left}"
    );
}

/// A database MLflow's client wrote (the same traps) into a new folder with `mlrun migrate`: MLflow's
/// file-store client reads the folder as its database client reads the database; ids, times and
/// statuses kept.
#[test]
fn a_database_migrates_back_into_a_folder_mlflow_reads_alike() {
    let env = TestEnv::new();
    let db = env.path().join("mlflow.db");
    let uri = format!("sqlite:///{}", db.display());
    let python = mlflow_python();
    let out = Command::new(&python)
        .args(["-c", TRAPS])
        .env("MLFLOW_TRACKING_URI", &uri)
        .current_dir(env.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let folder = env.path().join("back");
    env.ok(&["migrate", &uri, folder.to_str().unwrap()]);
    let from_db = mlflow_reads(&python, &uri);
    let from_folder = mlflow_reads(&python, &format!("file://{}", folder.display()));
    assert_eq!(from_db, from_folder);
    assert_eq!(from_folder["runs"].as_array().unwrap().len(), 4);
    // Not into a folder that already holds a store, and not from a database that is not there.
    let err = env.fails(&["migrate", &uri, folder.to_str().unwrap()]);
    assert!(err.contains("already holds a folder store"), "{err}");
    let missing = format!("sqlite:///{}", env.path().join("none.db").display());
    let err = env.fails(&["migrate", &missing, env.path().join("x").to_str().unwrap()]);
    assert!(err.contains("no database at"), "{err}");
    assert!(!env.path().join("none.db").exists());
}
