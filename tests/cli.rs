//! The binary driven as a user would: tracking verbs, bad input, concurrency, generated files.
mod common;
use common::TestEnv;

fn start(env: &TestEnv) -> String {
    env.ok(&["runs", "start", "--experiment-name", "exp", "--name", "r"])
}

#[test]
fn experiments_lifecycle() {
    let env = TestEnv::new();
    let id = env.ok(&[
        "experiments",
        "create",
        "e1",
        "--tag",
        "team=ml",
        "--tag",
        "nested/t=v",
    ]);
    assert!(id.chars().all(|c| c.is_ascii_digit()) && !id.is_empty());
    let e = env.json(&["experiments", "describe", "e1"]);
    assert_eq!(e["experiment"]["experiment_id"], id.as_str());
    let mut tags: Vec<String> = e["experiment"]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_string())
        .collect();
    tags.sort();
    assert_eq!(tags, ["nested/t", "team"]);
    env.fails(&["experiments", "create", "e1"]);
    env.ok(&["experiments", "rename", &id, "e2"]);
    env.ok(&["experiments", "delete", &id]);
    assert!(env
        .store()
        .join(".trash")
        .join(&id)
        .join("meta.yaml")
        .is_file());
    let listed = env.json(&["experiments", "list", "--view", "deleted"]);
    assert_eq!(listed["experiments"][0]["name"], "e2");
    env.fails(&["experiments", "create", "e2"]);
    env.ok(&["experiments", "restore", &id]);
    env.ok(&["experiments", "set-tag", &id, "k", "v"]);
    env.ok(&["experiments", "delete-tag", &id, "k"]);
    env.fails(&["experiments", "delete-tag", &id, "k"]);
    let err = env.fails(&["experiments", "delete", "0"]);
    assert!(
        err.contains("Cannot delete the default experiment"),
        "{err}"
    );
}

#[test]
fn run_logging_and_latest_value() {
    let env = TestEnv::new();
    let run = start(&env);
    assert_eq!(run.len(), 32);
    env.ok(&[
        "log-metric",
        "--run-id",
        &run,
        "acc",
        "0.5",
        "--step",
        "0",
        "--timestamp",
        "100",
    ]);
    env.ok(&[
        "log-metric",
        "--run-id",
        &run,
        "acc",
        "0.75",
        "--step",
        "1",
        "--timestamp",
        "50",
    ]);
    env.ok(&[
        "log-metric",
        "--run-id",
        &run,
        "acc",
        "0.1",
        "--step",
        "0",
        "--timestamp",
        "200",
    ]);
    env.ok(&["log-metric", "--run-id", &run, "tiny", "1e-5"]);
    env.ok(&["log-metric", "--run-id", &run, "bad", "nan"]);
    env.ok(&[
        "log-metric",
        "--run-id",
        &run,
        "m/nested",
        "-inf",
        "--step",
        "5",
    ]);
    env.ok(&["log-params", "--run-id", &run, "lr=0.01", "nested/p=x=y"]);
    env.cmd()
        .args(["set-tag", "k", "v"])
        .env("MLFLOW_RUN_ID", &run)
        .output()
        .unwrap();
    let r = env.json(&["runs", "describe", &run]);
    let metric = |k: &str| {
        r["run"]["data"]["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["key"] == k)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(metric("acc"), 0.75);
    assert_eq!(metric("bad"), "NaN");
    assert_eq!(metric("m/nested"), "-Infinity");
    let exp_id = r["run"]["info"]["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let dir = env.store().join(&exp_id).join(&run);
    assert_eq!(
        std::fs::read_to_string(dir.join("metrics/acc")).unwrap(),
        "100 0.5 0\n50 0.75 1\n200 0.1 0\n"
    );
    assert!(std::fs::read_to_string(dir.join("metrics/tiny"))
        .unwrap()
        .ends_with(" 1e-05 0\n"));
    assert_eq!(
        std::fs::read_to_string(dir.join("params/nested/p")).unwrap(),
        "x=y"
    );
    assert_eq!(std::fs::read_to_string(dir.join("tags/k")).unwrap(), "v");
    env.ok(&["runs", "end", &run, "--status", "FAILED"]);
    let meta = std::fs::read_to_string(dir.join("meta.yaml")).unwrap();
    assert!(meta.contains("\nstatus: 4\n"), "{meta}");
    assert!(meta.contains(&format!("\nrun_uuid: {run}\n")), "{meta}");
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let env = TestEnv::new();
    let run = start(&env);
    env.ok(&["log-param", "--run-id", &run, "p", "1"]);
    let before = env.snapshot();
    for args in [
        vec!["log-param", "--run-id", &run, "p", "2"],
        vec!["log-param", "--run-id", &run, "../escape", "x"],
        vec!["log-param", "--run-id", &run, "/abs", "x"],
        vec!["log-param", "--run-id", &run, "a/../b", "x"],
        vec!["log-metric", "--run-id", &run, "a@b", "1"],
        vec![
            "log-metric",
            "--run-id",
            &run,
            "m",
            "1",
            "--timestamp",
            "-5",
        ],
        vec!["log-metric", "--run-id", "../../etc", "m", "1"],
        vec!["log-metrics", "--run-id", &run, "ok=1", "bad=abc"],
        vec![
            "log-metric",
            "--run-id",
            "0123456789abcdef0123456789abcdef",
            "m",
            "1",
        ],
        vec!["artifacts", "list", "--run-id", &run, "../.."],
        vec!["experiments", "delete", "0"],
        // Only the empty name: MLflow takes a name of spaces (issue 14), so mlrun does too.
        vec!["experiments", "create", ""],
    ] {
        let out = env.run(&args);
        assert_ne!(out.status.code(), Some(0), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
    // clap usage errors exit 2
    assert_eq!(
        env.run(&["log-metric", "--run-id", &run, "m", "notanumber"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        env.run(&["runs", "end", &run, "--status", "RUNNING"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(env.run(&["log-param", "k", "v"]).status.code(), Some(2));
    assert_eq!(
        before,
        env.snapshot(),
        "a refused command changed the store"
    );
    let err = env.fails(&["log-param", "--run-id", &run, "p", "2"]);
    assert!(
        err.contains("Changing param values is not allowed"),
        "{err}"
    );
    let err = env.fails(&[
        "--tracking-uri",
        "mysql://user@host/mlflow",
        "experiments",
        "list",
    ]);
    assert!(err.contains("not supported yet"), "{err}");
}

#[test]
fn broken_meta_is_named_and_others_still_list() {
    let env = TestEnv::new();
    let good = start(&env);
    let bad = start(&env);
    let exp = env.json(&["runs", "describe", &bad])["run"]["info"]["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let meta = env.store().join(&exp).join(&bad).join("meta.yaml");
    std::fs::write(&meta, "run_id: [unclosed\n").unwrap();
    let out = env.run(&["--output", "json", "runs", "list", "--experiment-id", &exp]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["runs"].as_array().unwrap().len(), 1);
    assert_eq!(v["runs"][0]["info"]["run_id"], good.as_str());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&meta.display().to_string()));
    let err = env.fails(&["runs", "describe", &bad]);
    assert!(err.contains(&meta.display().to_string()), "{err}");
}

#[test]
fn concurrent_writers_lose_nothing() {
    let env = TestEnv::new();
    let run = start(&env);
    let children: Vec<_> = (0..8)
        .map(|w| {
            let script = format!(
                "for i in $(seq 1 200); do \"$MLRUN\" log-metric --run-id {run} loss {w}.$i --step $i || exit 1; done"
            );
            env.shell(&script).spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let exp = env.json(&["runs", "describe", &run])["run"]["info"]["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let text =
        std::fs::read_to_string(env.store().join(exp).join(&run).join("metrics/loss")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1600);
    for l in &lines {
        let f: Vec<&str> = l.split(' ').collect();
        assert_eq!(f.len(), 3, "{l}");
        f[0].parse::<i64>().unwrap();
        f[1].parse::<f64>().unwrap();
        f[2].parse::<i64>().unwrap();
    }
}

#[test]
fn log_batch_streams_objects() {
    let env = TestEnv::new();
    let run = start(&env);
    let mut input = String::from(
        r#"{"params":[{"key":"p","value":"1"}],"tags":[{"key":"mlflow.runName","value":"renamed"}]}"#,
    );
    input.push('\n');
    for i in 0..2500 {
        input.push_str(&format!(
            "{{\"metrics\":[{{\"key\":\"m\",\"value\":{i},\"timestamp\":{i},\"step\":{i}}}]}}\n"
        ));
    }
    input.push_str(r#"{"metrics":[{"key":"n","value":"NaN","timestamp":1,"step":0}]}"#);
    let file = env.path().join("batch.jsonl");
    std::fs::write(&file, input).unwrap();
    env.ok(&["log-batch", "--run-id", &run, file.to_str().unwrap()]);
    let r = env.json(&["runs", "describe", &run]);
    assert_eq!(r["run"]["info"]["run_name"], "renamed");
    let exp = r["run"]["info"]["experiment_id"].as_str().unwrap();
    let text = std::fs::read_to_string(env.store().join(exp).join(&run).join("metrics/m")).unwrap();
    assert_eq!(text.lines().count(), 2500);
    assert!(text.starts_with("0 0.0 0\n1 1.0 1\n"));
    let bad = env.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"metrics":[{"key":"m","value":1,"timestamp":1}]} {"oops""#,
    )
    .unwrap();
    let err = env.fails(&["log-batch", "--run-id", &run, bad.to_str().unwrap()]);
    assert!(
        err.contains("bad.json") && err.contains("object 2"),
        "{err}"
    );
}

/// A JSON `true`/`false` metric value is a number to MLflow's client (Python's bool): its file
/// store writes `1.0` and `0.0`, and so does mlrun; other non-numbers are still refused.
#[test]
fn log_batch_takes_booleans_as_mlflow_does() {
    let env = TestEnv::new();
    let run = start(&env);
    let file = env.path().join("bools.json");
    std::fs::write(
        &file,
        r#"{"metrics":[{"key":"t","value":true,"timestamp":5,"step":0},{"key":"f","value":false,"timestamp":5,"step":0}]}"#,
    )
    .unwrap();
    env.ok(&["log-batch", "--run-id", &run, file.to_str().unwrap()]);
    let r = env.json(&["runs", "describe", &run]);
    let exp = r["run"]["info"]["experiment_id"].as_str().unwrap();
    let metrics = env.store().join(exp).join(&run).join("metrics");
    assert_eq!(
        std::fs::read_to_string(metrics.join("t")).unwrap(),
        "5 1.0 0\n"
    );
    assert_eq!(
        std::fs::read_to_string(metrics.join("f")).unwrap(),
        "5 0.0 0\n"
    );
    std::fs::write(&file, r#"{"metrics":[{"key":"n","value":null}]}"#).unwrap();
    let err = env.fails(&["log-batch", "--run-id", &run, file.to_str().unwrap()]);
    assert!(err.contains("is not a number"), "{err}");
}

#[test]
fn artifacts_roundtrip_and_gc() {
    let env = TestEnv::new();
    let run = start(&env);
    let src = env.path().join("src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), "hello").unwrap();
    std::fs::write(src.join("sub/b.txt"), "world!").unwrap();
    env.ok(&[
        "artifacts",
        "log",
        "--run-id",
        &run,
        src.to_str().unwrap(),
        "--artifact-path",
        "data",
    ]);
    let listed = env.json(&["artifacts", "list", "--run-id", &run, "data"]);
    assert_eq!(listed["files"][0]["path"], "data/a.txt");
    assert_eq!(listed["files"][0]["file_size"], 5);
    assert_eq!(listed["files"][1]["is_dir"], true);
    let dest = env.path().join("out");
    env.ok(&[
        "artifacts",
        "download",
        "--uri",
        &format!("runs:/{run}/data/sub"),
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read_to_string(dest.join("sub/b.txt")).unwrap(),
        "world!"
    );
    env.fails(&[
        "artifacts",
        "download",
        "--run-id",
        &run,
        "../../..",
        "--dest",
        dest.to_str().unwrap(),
    ]);
    env.ok(&["runs", "delete", &run]);
    env.fails(&["log-metric", "--run-id", &run, "m", "1"]);
    env.ok(&["gc", "--older-than", "1d"]);
    env.ok(&["runs", "describe", &run]);
    env.ok(&["gc"]);
    env.fails(&["runs", "describe", &run]);
}

#[test]
fn generated_files_are_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let env = TestEnv::new();
    for (shell, file) in [
        ("bash", "mlrun.bash"),
        ("zsh", "_mlrun"),
        ("fish", "mlrun.fish"),
        ("powershell", "_mlrun.ps1"),
        ("elvish", "mlrun.elv"),
    ] {
        let out = env
            .cmd()
            .args(["completions", shell])
            .output()
            .unwrap()
            .stdout;
        let stored = std::fs::read(root.join("completions").join(file)).unwrap_or_default();
        assert!(
            out == stored,
            "completions/{file} is stale: run scripts/gen-assets.sh"
        );
    }
    let out = env.cmd().arg("man").output().unwrap().stdout;
    assert!(
        out == std::fs::read(root.join("man/mlrun.1")).unwrap_or_default(),
        "man/mlrun.1 is stale: run scripts/gen-assets.sh"
    );
}

#[test]
fn killed_writer_leaves_readable_files() {
    use std::io::Write;
    let env = TestEnv::new();
    let run = start(&env);
    let exp = env.json(&["runs", "describe", &run])["run"]["info"]["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let metric_file = env.store().join(exp).join(&run).join("metrics/m");
    let mut child = env
        .cmd()
        .args(["log-batch", "--run-id", &run, "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut i = 0u64;
    // Feed points until some have landed on disk, then kill the writer mid-stream.
    while std::fs::metadata(&metric_file)
        .map(|m| m.len())
        .unwrap_or(0)
        == 0
    {
        let mut chunk = String::new();
        for _ in 0..500 {
            chunk.push_str(&format!("{{\"metrics\":[{{\"key\":\"m\",\"value\":{i}.5,\"timestamp\":{i},\"step\":{i}}}]}}\n"));
            i += 1;
        }
        stdin.write_all(chunk.as_bytes()).unwrap();
        assert!(i < 10_000_000, "log-batch never wrote anything");
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let text = std::fs::read_to_string(&metric_file).unwrap();
    assert!(text.ends_with('\n'));
    for l in text.lines() {
        assert_eq!(l.split(' ').count(), 3, "torn line {l:?}");
    }
    // The run still reads, and keeps taking points.
    env.ok(&["runs", "describe", &run]);
    env.ok(&["log-metric", "--run-id", &run, "m", "1"]);
}

/// With `LOGNAME`, `USER`, `LNAME` and `USERNAME` all unset (as in many CI containers), the user
/// recorded on a run is the account's name from the password database, as Python's
/// `getpass.getuser()` (and so MLflow) records it, not `unknown`.
#[test]
fn user_falls_back_to_the_account_name() {
    let env = TestEnv::new();
    let id = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    let account = String::from_utf8_lossy(&id.stdout).trim().to_string();
    assert!(id.status.success() && !account.is_empty());
    let out = env
        .cmd()
        .env_remove("USER")
        .args(["runs", "start"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let r = env.json(&["runs", "describe", &run]);
    assert_eq!(r["run"]["info"]["user_id"], account.as_str());
    let user_tag = r["run"]["data"]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "mlflow.user")
        .map(|t| t["value"].clone());
    assert_eq!(user_tag, Some(account.as_str().into()));
}
