//! `mlrun models evaluate` against `mlflow.models.evaluate` on the same sklearn models and data:
//! every metric mlrun logs equals MLflow's (1e-9 relative), and `--threshold` gates exit 3.
mod common;

use common::*;
use std::path::Path;
use std::process::Command;

/// Fits three sklearn models (a regressor, a binary and a three-class classifier) on data made here,
/// logs them into the folder store, writes each test set as CSV, evaluates each with
/// `mlflow.models.evaluate`, and prints {name: [model uri, csv, model type, MLflow's metrics]}.
const MAKE: &str = r#"
import json, os, sys, warnings
warnings.filterwarnings("ignore")
import numpy as np, pandas as pd, mlflow
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.tree import DecisionTreeClassifier
out_dir = sys.argv[1]
rng = np.random.default_rng(3)
X = rng.normal(size=(120, 3))
cases = {
    "regressor": (LinearRegression(), X @ [1.5, -2.0, 0.5] + rng.normal(scale=0.7, size=120) + 3.0, "regressor"),
    "binary": (LogisticRegression(), (X[:, 0] + 0.8 * rng.normal(size=120) > 0).astype(int), "classifier"),
    "multiclass": (DecisionTreeClassifier(max_depth=2, random_state=0), np.digitize(X[:, 1] + 0.5 * rng.normal(size=120), [-0.5, 0.5]), "classifier"),
}
result = {}
for name, (model, y, kind) in cases.items():
    model.fit(X[:80], y[:80])
    test = pd.DataFrame(X[80:], columns=["a", "b", "c"])
    test["y"] = y[80:]
    path = os.path.join(out_dir, name + ".csv")
    test.to_csv(path, index=False)
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(model, name="model", skops_trusted_types=["sklearn.tree._tree.Tree"])
        ev = mlflow.models.evaluate(info.model_uri, data=test, targets="y", model_type=kind, evaluators=["default"])
    result[name] = [info.model_uri, path, kind, {k: float(v) for k, v in ev.metrics.items()}]
print(json.dumps(result))
"#;

fn path_with(python: &Path) -> String {
    format!(
        "{}:{}",
        python.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

#[test]
fn metrics_equal_mlflow_models_evaluate_and_thresholds_gate() {
    let env = TestEnv::new();
    let python = mlflow_sklearn_python();
    let out = Command::new(&python)
        .args(["-c", MAKE])
        .arg(env.path())
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .env(
            "MLFLOW_TRACKING_URI",
            format!("file://{}", env.store().display()),
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cases: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let path = path_with(&python);
    let mut computed = std::collections::BTreeMap::new();
    for (name, case) in cases.as_object().unwrap() {
        let (uri, csv, kind, theirs) = (
            case[0].as_str().unwrap(),
            case[1].as_str().unwrap(),
            case[2].as_str().unwrap(),
            &case[3],
        );
        let out = env
            .command(env!("CARGO_BIN_EXE_mlrun"))
            .args([
                "--output", "json", "models", "evaluate", "-m", uri, "--data", csv,
            ])
            .args([
                "--targets",
                "y",
                "--model-type",
                kind,
                "--env-manager",
                "local",
            ])
            .args(["--experiment-name", "evals"])
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ours: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let ours = ours["metrics"].as_object().unwrap();
        assert!(ours.len() >= 5, "{name}: {ours:?}");
        computed.insert(name.clone(), ours.keys().cloned().collect::<Vec<_>>());
        for (k, v) in ours {
            let mine = v.as_f64().unwrap();
            let Some(expected) = theirs[k].as_f64() else {
                panic!("{name}: MLflow has no {k}: {theirs}");
            };
            let tol = 1e-9 * expected.abs().max(1e-12);
            assert!(
                (mine - expected).abs() <= tol,
                "{name} {k}: mlrun {mine}, MLflow {expected}"
            );
        }
        // The metrics are in the run, with the plot beside them.
        let run_id = serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["run_id"]
            .as_str()
            .unwrap()
            .to_string();
        let files = env.ok(&["artifacts", "list", "--run-id", &run_id]);
        let plot = if kind == "regressor" {
            "residuals_plot.svg"
        } else {
            "confusion_matrix.svg"
        };
        assert!(files.contains(plot), "{name}: {files}");
    }

    // Probabilities (the sklearn model's predict_proba, as MLflow's evaluator uses it) give the
    // metrics MLflow computes from them, checked equal above.
    for (name, want) in [
        (
            "binary",
            &["log_loss", "roc_auc", "precision_recall_auc"][..],
        ),
        ("multiclass", &["log_loss", "roc_auc"][..]),
    ] {
        for k in want {
            assert!(
                computed[name].iter().any(|c| c == k),
                "{name}: no {k} in {:?}",
                computed[name]
            );
        }
    }

    // The gate: met → 0; missed → 3 with the shortfall named; a metric not computed → 2, nothing
    // logged.
    let reg = &cases["regressor"];
    let run = |threshold: &str| {
        env.command(env!("CARGO_BIN_EXE_mlrun"))
            .args([
                "models",
                "evaluate",
                "-m",
                reg[0].as_str().unwrap(),
                "--data",
            ])
            .arg(reg[1].as_str().unwrap())
            .args([
                "--targets",
                "y",
                "--model-type",
                "regressor",
                "--env-manager",
                "local",
            ])
            .args(["--experiment-name", "gates", "--threshold", threshold])
            .env("PATH", &path)
            .output()
            .unwrap()
    };
    assert_eq!(run("r2_score>=0.5").status.code(), Some(0));
    let missed = run("r2_score>=1.5");
    assert_eq!(missed.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&missed.stderr).contains("r2_score"));
    let before = env.json(&[
        "runs",
        "search",
        "--experiment-name",
        "gates",
        "--output",
        "json",
    ]);
    let unknown = run("accuracy_score>=0.5");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("does not compute"));
    let after = env.json(&[
        "runs",
        "search",
        "--experiment-name",
        "gates",
        "--output",
        "json",
    ]);
    assert_eq!(
        before["runs"].as_array().unwrap().len(),
        after["runs"].as_array().unwrap().len()
    );
}
