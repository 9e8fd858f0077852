//! `mlrun log-input` against `mlflow.log_input` on a folder and on a SQLite database: the dataset
//! mlrun records for a source equals the one MLflow records for the same source (name, digest,
//! source type, source, schema, profile, context), read back by MLflow's client.
mod common;

use common::*;
use std::process::Command;

/// MLflow logs `MetaDataset`s of the same sources into a run of its own and prints, for a run id
/// given, its dataset inputs as MLflow's client reads them.
const READ: &str = r#"
import json, os, sys
import mlflow
from mlflow import MlflowClient
from mlflow.data.meta_dataset import MetaDataset
from mlflow.data.sources import LocalArtifactDatasetSource
from mlflow.data.http_dataset_source import HTTPDatasetSource
from mlflow.types import Schema, ColSpec
uri = os.environ["URI"]
mlflow.set_tracking_uri(uri)
with mlflow.start_run(experiment_id="0") as r:
    mlflow.log_input(MetaDataset(LocalArtifactDatasetSource("data/train.csv"), name="train"), context="training")
    mlflow.log_input(MetaDataset(HTTPDatasetSource("https://example.com/é.csv"), name="eval",
                     schema=Schema([ColSpec("double", "x"), ColSpec("string", "y")])), context="validation")
def inputs(run_id):
    run = MlflowClient(tracking_uri=uri).get_run(run_id)
    return sorted([i.dataset.name, i.dataset.digest, i.dataset.source_type, i.dataset.source,
                   i.dataset.schema, {t.key: t.value for t in i.tags}] for i in run.inputs.dataset_inputs)
print(json.dumps([inputs(r.info.run_id), inputs(sys.argv[1])]))
"#;

#[test]
fn log_input_records_what_mlflow_log_input_records() {
    let env = TestEnv::new();
    let schema = env.path().join("schema.json");
    std::fs::write(
        &schema,
        r#"{"mlflow_colspec": [{"type": "double", "name": "x", "required": true}, {"type": "string", "name": "y", "required": true}]}"#,
    )
    .unwrap();
    let sqlite = format!("sqlite:///{}", env.path().join("mlflow.db").display());
    let folder = format!("file://{}", env.store().display());
    for uri in [folder, sqlite] {
        let run = env.ok_at(&uri, &["runs", "start"]);
        let run = run.trim();
        env.ok_at(
            &uri,
            &[
                "log-input",
                "--run-id",
                run,
                "--name",
                "train",
                "--source",
                "data/train.csv",
                "--context",
                "training",
            ],
        );
        env.ok_at(
            &uri,
            &[
                "log-input",
                "--run-id",
                run,
                "--name",
                "eval",
                "--source",
                "https://example.com/é.csv",
                "--context",
                "validation",
                "--schema",
                schema.to_str().unwrap(),
            ],
        );
        // Logged twice, it is one input (MLflow keeps one per dataset and run).
        env.ok_at(
            &uri,
            &[
                "log-input",
                "--run-id",
                run,
                "--name",
                "train",
                "--source",
                "data/train.csv",
                "--context",
                "training",
            ],
        );
        let out = Command::new(mlflow_python())
            .args(["-c", READ, run])
            .env("URI", &uri)
            .env("MLFLOW_ALLOW_FILE_STORE", "true")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{uri}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let both: serde_json::Value =
            serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().last().unwrap())
                .unwrap();
        assert_eq!(both[0].as_array().unwrap().len(), 2, "{uri}: {both}");
        assert_eq!(both[0], both[1], "{uri}");
    }
    // A run that does not exist, or a schema that is not JSON: refused, named.
    let err = env.fails(&[
        "log-input",
        "--run-id",
        "0123456789abcdef0123456789abcdef",
        "--name",
        "x",
        "--source",
        "x.csv",
    ]);
    assert!(err.contains("0123456789abcdef0123456789abcdef"), "{err}");
    std::fs::write(&schema, "{nope").unwrap();
    let run = env.ok(&["runs", "start"]);
    let err = env.fails(&[
        "log-input",
        "--run-id",
        run.trim(),
        "--name",
        "x",
        "--source",
        "x.csv",
        "--schema",
        schema.to_str().unwrap(),
    ]);
    assert!(
        err.contains("schema.json") && err.contains("not JSON"),
        "{err}"
    );
}

/// MLflow logs two runs of one experiment, each with a pandas dataset (same name, other rows, so
/// another digest) and a source commit, and registers the second run's model.
const LINEAGE: &str = r#"
import json, mlflow, pandas as pd
from mlflow import MlflowClient
mlflow.set_experiment("lineage")
out = {}
for i in (1, 2):
    with mlflow.start_run() as r:
        df = pd.DataFrame({"x": [1, 2, i], "y": [0.5, 1.5, 2.5]})
        mlflow.log_input(mlflow.data.from_pandas(df, source="data/train.csv", name="train"), context="training")
        mlflow.set_tag("mlflow.source.git.commit", "abc123" + str(i))
        out["run%d" % i] = r.info.run_id
        out["uri%d" % i] = r.info.artifact_uri
c = MlflowClient()
c.create_registered_model("m")
c.create_model_version("m", out["uri2"] + "/model", run_id=out["run2"])
for i in (1, 2):
    out["digest%d" % i] = c.get_run(out["run%d" % i]).inputs.dataset_inputs[0].dataset.digest
print(json.dumps(out))
"#;

#[test]
fn datasets_shown_by_describe_diff_compare_report_search_and_model_lineage() {
    let env = TestEnv::new();
    let sqlite = format!("sqlite:///{}", env.path().join("mlflow.db").display());
    let folder = format!("file://{}", env.store().display());
    for uri in [folder, sqlite] {
        let out = run_python_at(&mlflow_python(), &uri, LINEAGE);
        let ids: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
        let s = |k: &str| ids[k].as_str().unwrap().to_string();
        let (run1, run2, d1, d2) = (s("run1"), s("run2"), s("digest1"), s("digest2"));
        assert_ne!(d1, d2, "{uri}");

        let table = env.ok_at(&uri, &["runs", "describe", &run2]);
        let row = table
            .lines()
            .find(|l| l.starts_with("dataset"))
            .unwrap_or_else(|| panic!("{uri}: no dataset row in\n{table}"));
        for want in ["train", d2.as_str(), "context training", "data/train.csv"] {
            assert!(row.contains(want), "{uri}: {want} not in {row}");
        }

        let diff = env.json_at(&uri, &["diff", &run1, &run2, "--no-artifacts"]);
        let change = diff["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["kind"] == "dataset")
            .unwrap_or_else(|| panic!("{uri}: {diff}"))
            .clone();
        assert_eq!(change["key"], "train (training)", "{uri}");
        assert!(
            change["a"].as_str().unwrap().contains(&d1),
            "{uri}: {change}"
        );
        assert!(
            change["b"].as_str().unwrap().contains(&d2),
            "{uri}: {change}"
        );

        let cmp = env.json_at(&uri, &["compare", &run1, &run2]);
        let row = cmp["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == "dataset.train")
            .unwrap_or_else(|| panic!("{uri}: {cmp}"))
            .clone();
        assert_eq!(row["same"], false);
        assert!(row["values"][&run1].as_str().unwrap().contains(&d1));
        assert!(row["values"][&run2].as_str().unwrap().contains(&d2));

        let html = env.path().join("report.html");
        env.ok_at(
            &uri,
            &[
                "report",
                "--experiment-name",
                "lineage",
                "-o",
                html.to_str().unwrap(),
            ],
        );
        let html = std::fs::read_to_string(&html).unwrap();
        assert!(html.contains(&d1) && html.contains(&d2) && html.contains("datasets"));

        for (filter, want) in [
            (format!("dataset.digest = '{d2}'"), vec![run2.clone()]),
            (
                "dataset.name = 'train' and dataset.context = 'training'".to_string(),
                vec![run1.clone(), run2.clone()],
            ),
            ("dataset.name = 'eval'".to_string(), vec![]),
        ] {
            let found = env.json_at(
                &uri,
                &[
                    "runs",
                    "search",
                    "--experiment-name",
                    "lineage",
                    "--filter",
                    &filter,
                ],
            );
            let mut got: Vec<String> = found["runs"]
                .as_array()
                .map(|rs| {
                    rs.iter()
                        .map(|r| r["info"]["run_id"].as_str().unwrap().to_string())
                        .collect()
                })
                .unwrap_or_default();
            got.sort();
            let mut want = want;
            want.sort();
            assert_eq!(got, want, "{uri}: {filter}");
        }

        // Lineage: the registered version names its run, commit and datasets.
        let v = env.json_at(&uri, &["models", "version", "m", "1"]);
        let l = &v["lineage"];
        assert_eq!(l["run_id"], run2.as_str(), "{uri}: {v}");
        assert_eq!(l["source_commit"], "abc1232");
        assert_eq!(l["dataset_inputs"][0]["dataset"]["digest"], d2.as_str());
        assert_eq!(v["model_version"]["version"], "1");
        let d = env.json_at(&uri, &["models", "describe", "m"]);
        assert_eq!(d["lineage"]["1"]["source_commit"], "abc1232", "{uri}: {d}");
        let t = env.ok_at(&uri, &["models", "version", "m", "1"]);
        assert!(
            t.contains("abc1232") && t.contains(&d2) && t.contains(&run2),
            "{t}"
        );
        let t = env.ok_at(&uri, &["models", "describe", "m"]);
        assert!(
            t.contains("version 1 source commit") && t.contains(&d2),
            "{t}"
        );
    }
}
