//! The REST backend against a real MLflow tracking server on PostgreSQL (started once for this
//! binary by `common::tracking_server`), and against tiny fake servers for what a real one will not
//! do on demand: refuse credentials, fail transiently, be down.
mod common;

use common::tracking_server::{free_port, python, target};
use common::TestEnv;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::Output;
use std::sync::{Arc, Mutex};

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", uuid::Uuid::new_v4().simple())
}

/// mlrun with the tracking URI pointing at `url`.
fn at(env: &TestEnv, url: &str, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
    let mut c = env.cmd();
    c.env("MLFLOW_TRACKING_URI", url).args(args);
    for (k, v) in extra_env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn ok(env: &TestEnv, args: &[&str]) -> String {
    env.ok_at(&target(), args)
}

fn json(env: &TestEnv, args: &[&str]) -> Value {
    env.json_at(&target(), args)
}

fn fails(env: &TestEnv, args: &[&str]) -> String {
    env.fails_at(&target(), args)
}

#[test]
fn tracking_commands_work_against_a_real_server() {
    tracking_commands();
}

/// The same scenario, word for word, against `mlrun server` (over a folder, artifacts proxied):
/// what mlrun's REST backend does with MLflow's server it does with mlrun's.
#[test]
fn tracking_commands_work_against_mlrun_server() {
    let mlrun = common::MlrunServer::start();
    common::tracking_server::set_target(&mlrun.url);
    tracking_commands();
}

fn tracking_commands() {
    let env = TestEnv::new();
    let name = unique("rest");
    let exp = ok(&env, &["experiments", "create", &name]);
    let dup = fails(&env, &["experiments", "create", &name]);
    assert!(dup.contains("already exists"), "{dup}");
    ok(&env, &["experiments", "set-tag", &exp, "team", "ml"]);
    let described = json(&env, &["experiments", "describe", &exp]);
    assert_eq!(
        described["experiment"]["name"],
        name.as_str(),
        "{described}"
    );

    let mut runs = Vec::new();
    for (i, lr) in ["0.1", "0.01", "0.001"].iter().enumerate() {
        let r = ok(
            &env,
            &[
                "runs",
                "start",
                "--experiment-id",
                &exp,
                "--name",
                &format!("r{i}"),
                "--tag",
                "kind=sweep",
            ],
        );
        ok(&env, &["log-param", "--run-id", &r, "lr", lr]);
        for step in 0..3 {
            let loss = format!("loss={}", (i + 1) as f64 / (step + 1) as f64);
            ok(
                &env,
                &[
                    "log-metrics",
                    "--run-id",
                    &r,
                    "--step",
                    &step.to_string(),
                    &loss,
                ],
            );
        }
        runs.push(r);
    }
    // log-batch: NaN and ±inf survive as MLflow's server stores them, params and tags land.
    let batch = r#"{"metrics": [{"key": "odd", "value": "NaN", "timestamp": 5, "step": 0}, {"key": "odd", "value": 2.5, "timestamp": 6, "step": 1}], "params": [{"key": "opt", "value": "adam"}], "tags": [{"key": "note", "value": "x y"}]}"#;
    let mut c = env.cmd();
    c.env("MLFLOW_TRACKING_URI", target())
        .args(["log-batch", "--run-id", &runs[0]])
        .stdin(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(batch.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());

    let run = json(&env, &["runs", "describe", &runs[0]]);
    let text = run.to_string();
    assert!(text.contains("adam") && text.contains("x y"), "{text}");

    // Search: filter, order and pages are the server's.
    let page = json(
        &env,
        &[
            "runs",
            "search",
            "--experiment-id",
            &exp,
            "--filter",
            "params.lr != '0.1' and tags.kind = 'sweep'",
            "--order-by",
            "metrics.loss DESC",
            "--max-results",
            "1",
        ],
    );
    let ids: Vec<&str> = page["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["info"]["run_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [runs[2].as_str()], "{page}");
    let token = page["next_page_token"]
        .as_str()
        .expect("a next page")
        .to_string();
    let page2 = json(
        &env,
        &[
            "runs",
            "search",
            "--experiment-id",
            &exp,
            "--filter",
            "params.lr != '0.1' and tags.kind = 'sweep'",
            "--order-by",
            "metrics.loss DESC",
            "--max-results",
            "1",
            "--page-token",
            &token,
        ],
    );
    assert_eq!(
        page2["runs"][0]["info"]["run_id"],
        runs[1].as_str(),
        "{page2}"
    );
    assert!(page2.get("next_page_token").is_none(), "{page2}");
    // A filter the server refuses comes back with the server's message.
    let bad = fails(
        &env,
        &[
            "runs",
            "search",
            "--experiment-id",
            &exp,
            "--filter",
            "metrics.loss > 'x'",
        ],
    );
    assert!(bad.contains("numeric"), "{bad}");

    // Artifacts through the proxy: a folder up, listed, and down again byte for byte.
    let src = env.path().join("out");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), "hello").unwrap();
    let big: Vec<u8> = (0..3_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(src.join("sub/big.bin"), &big).unwrap();
    ok(
        &env,
        &[
            "artifacts",
            "log",
            "--run-id",
            &runs[0],
            src.to_str().unwrap(),
        ],
    );
    let listed = json(&env, &["artifacts", "list", "--run-id", &runs[0]]);
    let paths: Vec<&str> = listed["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["a.txt", "sub"], "{listed}");
    let dest = env.path().join("down");
    ok(
        &env,
        &[
            "artifacts",
            "download",
            "--run-id",
            &runs[0],
            "--dest",
            dest.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read(dest.join("sub/big.bin")).unwrap(), big);
    let one = env.path().join("one");
    ok(
        &env,
        &[
            "artifacts",
            "download",
            "--run-id",
            &runs[0],
            "sub/big.bin",
            "--dest",
            one.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read(one.join("big.bin")).unwrap(), big);
    let missing = fails(
        &env,
        &[
            "artifacts",
            "download",
            "--run-id",
            &runs[0],
            "nope.txt",
            "--dest",
            one.to_str().unwrap(),
        ],
    );
    assert!(missing.contains("nope.txt"), "{missing}");

    // Lifecycle.
    ok(&env, &["runs", "end", &runs[0]]);
    ok(&env, &["runs", "delete", &runs[1]]);
    let active = json(&env, &["runs", "search", "--experiment-id", &exp]);
    assert_eq!(active["runs"].as_array().unwrap().len(), 2);
    ok(&env, &["runs", "restore", &runs[1]]);
    let gone = fails(
        &env,
        &["runs", "describe", "0123456789abcdef0123456789abcdef"],
    );
    assert!(gone.contains("not found") || gone.contains("Run"), "{gone}");

    // What MLflow's own client reads back.
    let script = format!(
        r#"
import math
from mlflow import MlflowClient
c = MlflowClient(tracking_uri="{url}")
r = c.get_run("{run}")
h = c.get_metric_history("{run}", "odd")
print(r.info.status, r.data.params["lr"], r.data.params["opt"], r.data.tags["note"])
print(sorted((m.step, "nan" if math.isnan(m.value) else m.value) for m in h))
print(sorted(f.path for f in c.list_artifacts("{run}", "sub")))
"#,
        url = target(),
        run = runs[0]
    );
    let out = python(&script);
    assert_eq!(
        out.trim(),
        "FINISHED 0.1 adam x y\n[(0, 'nan'), (1, 2.5)]\n['sub/big.bin']"
    );
}

/// A fake server: answers each request with `reply(index, head)`, recording request heads.
fn fake_server(
    reply: impl Fn(usize, &str) -> (u16, String) + Send + 'static,
) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for (i, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            let mut len = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0u8; len];
            let _ = reader.read_exact(&mut body);
            log.lock().unwrap().push(head.clone());
            let (status, text) = reply(i, &head);
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
        }
    });
    (url, seen)
}

#[test]
fn bad_credentials_are_a_clear_error_that_shows_no_secret() {
    let env = TestEnv::new();
    let (url, seen) = fake_server(|_, _| (401, "<html>You are not authenticated</html>".into()));
    let with_user = url.replace("http://", "http://alice:pw-in-url-93@");
    for (uri, vars) in [
        (
            url.as_str(),
            vec![
                ("MLFLOW_TRACKING_USERNAME", "alice"),
                ("MLFLOW_TRACKING_PASSWORD", "hunter2-secret-77"),
            ],
        ),
        (
            url.as_str(),
            vec![("MLFLOW_TRACKING_TOKEN", "tok-secret-55")],
        ),
        (with_user.as_str(), vec![]),
    ] {
        let out = at(&env, uri, &["experiments", "list"], &vars);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{all}");
        assert!(
            all.contains("401") && all.contains("authentication"),
            "{all}"
        );
        for secret in ["hunter2-secret-77", "tok-secret-55", "pw-in-url-93"] {
            assert!(!all.contains(secret), "secret leaked: {all}");
        }
    }
    let heads = seen.lock().unwrap();
    // Basic auth from the variables; the token when given; user info from the URI.
    assert!(
        heads[0].contains("Basic YWxpY2U6aHVudGVyMi1zZWNyZXQtNzc="),
        "{}",
        heads[0]
    );
    assert!(heads[1].contains("Bearer tok-secret-55"), "{}", heads[1]);
    assert!(
        heads[2].contains("Basic YWxpY2U6cHctaW4tdXJsLTkz"),
        "{}",
        heads[2]
    );
    // 401 is not retried.
    assert_eq!(heads.len(), 3);
}

#[test]
fn transient_errors_are_retried_and_a_down_server_is_named() {
    let env = TestEnv::new();
    let (url, seen) = fake_server(|i, _| {
        if i < 2 {
            (503, "busy".into())
        } else {
            (200, r#"{"experiments": [{"experiment_id": "0", "name": "Default", "artifact_location": "mlflow-artifacts:/0", "lifecycle_stage": "active"}]}"#.into())
        }
    });
    let retry = [
        ("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "3"),
        ("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.01"),
    ];
    let out = at(
        &env,
        &url,
        &["--output", "json", "experiments", "list"],
        &retry,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Default"));
    assert_eq!(seen.lock().unwrap().len(), 3);

    // Nobody listens on this port.
    let down = format!("http://127.0.0.1:{}", free_port());
    let out = at(&env, &down, &["experiments", "list"], &retry);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&down) && err.contains("(is the server up?)"),
        "{err}"
    );
    assert!(err.contains("after 4 attempts"), "{err}");

    // A bad setting is a usage error naming the variable.
    let out = at(
        &env,
        &down,
        &["experiments", "list"],
        &[("MLFLOW_HTTP_REQUEST_TIMEOUT", "soon")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("MLFLOW_HTTP_REQUEST_TIMEOUT"));
}
