//! The commands beyond logging and search on a SQLite database, as a user runs them: compare, diff,
//! metric history, report, sync to and from a folder (both ways, idempotent), gc, and a model
//! registered from a folder then predicted through `models:/NAME@alias`.
mod common;

use common::*;

fn run_with(env: &TestEnv, uri: &str, name: &str, lr: &str, losses: &[&str]) -> String {
    let run = env.ok_at(
        uri,
        &["runs", "start", "--experiment-name", "cmp", "--name", name],
    );
    let run = run.trim().to_string();
    env.ok_at(
        uri,
        &[
            "log-params",
            "--run-id",
            &run,
            &format!("lr={lr}"),
            "epochs=3",
        ],
    );
    for (step, loss) in losses.iter().enumerate() {
        env.ok_at(
            uri,
            &[
                "log-metric",
                "--run-id",
                &run,
                "loss",
                loss,
                "--step",
                &step.to_string(),
            ],
        );
    }
    env.ok_at(uri, &["runs", "end", &run]);
    run
}

#[test]
fn compare_diff_history_report_sync_and_gc_work_on_a_database() {
    let env = TestEnv::new();
    let uri = format!("sqlite:///{}", env.path().join("mlflow.db").display());
    let a = run_with(&env, &uri, "a", "0.1", &["0.9", "0.5", "0.25"]);
    let b = run_with(&env, &uri, "b", "0.01", &["0.8", "0.6"]);

    let cmp = env.ok_at(&uri, &["--output", "csv", "compare", &a, &b]);
    assert!(
        cmp.contains("params.lr") && cmp.contains("0.1") && cmp.contains("0.01"),
        "{cmp}"
    );
    let diff = env.json_at(&uri, &["diff", &a, &b, "--output", "json"]);
    assert!(diff.to_string().contains("lr"), "{diff}");
    let hist = env.json_at(
        &uri,
        &["metrics", "history", &a, "loss", "--output", "json"],
    );
    let steps: Vec<i64> = hist["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["step"].as_i64().unwrap())
        .collect();
    assert_eq!(steps, [0, 1, 2], "{hist}");
    let report = env.path().join("report.html");
    env.ok_at(
        &uri,
        &[
            "report",
            "--experiment-name",
            "cmp",
            "-o",
            report.to_str().unwrap(),
        ],
    );
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains(&a) && html.contains(&b));

    // Database → folder → a second database: every run arrives once, and again nothing.
    let folder = env.path().join("copy");
    env.ok(&["sync", &uri, folder.to_str().unwrap()]);
    let uri2 = format!("sqlite:///{}", env.path().join("second.db").display());
    env.ok(&["sync", folder.to_str().unwrap(), &uri2]);
    env.ok(&["sync", folder.to_str().unwrap(), &uri2]);
    let runs = env.json_at(
        &uri2,
        &[
            "runs",
            "search",
            "--experiment-name",
            "cmp",
            "--output",
            "json",
        ],
    );
    let runs = runs["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    let copied = env.json_at(
        &uri2,
        &[
            "metrics",
            "history",
            runs.iter().find(|r| r["info"]["run_name"] == "a").unwrap()["info"]["run_id"]
                .as_str()
                .unwrap(),
            "loss",
            "--output",
            "json",
        ],
    );
    assert_eq!(copied["metrics"].as_array().unwrap().len(), 3);

    // The web UI reads the database: its experiments and runs.
    let mut cmd = env.command(env!("CARGO_BIN_EXE_mlrun"));
    cmd.args(["--tracking-uri", &uri, "ui", "--port", "0"])
        .stderr(std::process::Stdio::null());
    let (mut ui, url) = spawn_printing_url(cmd);
    let url = url.trim().trim_end_matches('/').to_string();
    let exps = http::get(&format!("{url}/api/experiments"));
    let exps: serde_json::Value = serde_json::from_slice(&exps.body).unwrap();
    let exp_id = exps["experiments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["experiment"]["name"] == "cmp")
        .unwrap_or_else(|| panic!("{exps}"))["experiment"]["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let found = http::get(&format!("{url}/api/runs/search?experiment_id={exp_id}"));
    let found = String::from_utf8_lossy(&found.body).into_owned();
    assert!(found.contains(&a) && found.contains(&b), "{found}");
    let _ = ui.kill();
    let _ = ui.wait();

    // gc removes a deleted run for good.
    env.ok_at(&uri, &["runs", "delete", &b]);
    env.ok_at(&uri, &["gc", "--run-ids", &b]);
    let err = env.fails_at(&uri, &["runs", "describe", &b]);
    assert!(err.contains(&b), "{err}");
}

#[test]
fn a_model_registered_in_a_database_is_predicted_by_alias() {
    let env = TestEnv::new();
    let uri = format!("sqlite:///{}", env.path().join("mlflow.db").display());
    let dir = env.path().join("onnx");
    std::fs::create_dir_all(&dir).unwrap();
    let python = venv_python_with(&["scikit-learn", "skl2onnx", "onnxruntime"], "onnx-venv");
    let model = dir.join("linear.onnx");
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(format!(
            "import numpy as np\nfrom sklearn.linear_model import LinearRegression\nfrom skl2onnx import to_onnx\nX = np.arange(6, dtype=np.float32).reshape(3, 2)\nm = LinearRegression().fit(X, X @ np.array([1.0, 2.0]))\nopen({:?}, 'wb').write(to_onnx(m, X[:1]).SerializeToString())",
            model.to_string_lossy()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = env.ok_at(&uri, &["runs", "start", "--experiment-name", "m"]);
    let run = run.trim();
    // Logged as MLflow 3 logs a model (a logged model of the run), registered by its runs:/ URI.
    env.ok_at(
        &uri,
        &[
            "models",
            "log",
            model.to_str().unwrap(),
            "--run-id",
            run,
            "--name",
            "model",
        ],
    );
    env.ok_at(
        &uri,
        &["models", "register", &format!("runs:/{run}/model"), "lin"],
    );
    env.ok_at(&uri, &["models", "set-alias", "lin", "champion", "1"]);
    let input = env.path().join("in.json");
    std::fs::write(&input, r#"{"inputs": [[1, 1], [2, 0]]}"#).unwrap();
    let by_alias = env.json_at(
        &uri,
        &[
            "models",
            "predict",
            "-m",
            "models:/lin@champion",
            "-i",
            input.to_str().unwrap(),
        ],
    );
    let direct = env.json_at(
        &uri,
        &[
            "models",
            "predict",
            "-m",
            model.to_str().unwrap(),
            "-i",
            input.to_str().unwrap(),
        ],
    );
    assert_eq!(by_alias, direct);
    assert!(by_alias.to_string().contains("predictions"), "{by_alias}");
}
