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
