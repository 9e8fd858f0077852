//! `mlrun exec` with real subprocesses: metrics read from output, teeing, exit codes, the child
//! logging into its own run, and signal forwarding. Nothing here asserts wall-clock times: the
//! signal tests wait on marker files written by the child, with generous timeouts.
#![cfg(unix)]
mod common;
use common::TestEnv;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

fn exec(env: &TestEnv, args: &[&str]) -> Output {
    let mut a = vec!["exec"];
    a.extend_from_slice(args);
    env.run(&a)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The id of the only run in the default experiment.
fn only_run(env: &TestEnv) -> String {
    let runs: Vec<String> = std::fs::read_dir(env.store().join("0"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(runs.len(), 1, "{runs:?}");
    runs[0].clone()
}

fn describe(env: &TestEnv, run_id: &str) -> Value {
    env.json(&["runs", "describe", run_id])["run"].clone()
}

fn tag(run: &Value, key: &str) -> Option<String> {
    run["data"]["tags"]
        .as_array()?
        .iter()
        .find(|t| t["key"] == key)
        .map(|t| t["value"].as_str().unwrap().to_string())
}

/// A metric's history as (value, step) from the store's own file.
fn history(env: &TestEnv, run_id: &str, key: &str) -> Vec<(f64, i64)> {
    let path = env.store().join("0").join(run_id).join("metrics").join(key);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            (f[1].parse().unwrap(), f[2].parse().unwrap())
        })
        .collect()
}

fn artifact(env: &TestEnv, run_id: &str, name: &str) -> Vec<u8> {
    std::fs::read(
        env.store()
            .join("0")
            .join(run_id)
            .join("artifacts")
            .join(name),
    )
    .unwrap()
}

fn wait_for_file(path: &Path, child: &mut Child) {
    let start = Instant::now();
    while !path.exists() {
        if let Some(st) = child.try_wait().unwrap() {
            panic!("mlrun exited ({st}) before {} appeared", path.display());
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn wait_exit(child: &mut Child) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st.code().expect("mlrun exited by a signal");
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("mlrun did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill(pid: u32, sig: &str) {
    let st = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(st.success());
}

/// mlrun exec in the background; its stderr goes to `mlrun-stderr` in the test's folder.
fn spawn_exec(env: &TestEnv, script: &str) -> Child {
    let stderr = std::fs::File::create(env.path().join("mlrun-stderr")).unwrap();
    env.cmd()
        .args(["exec", "--", "sh", "-c", script])
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

fn mlrun_stderr(env: &TestEnv) -> String {
    std::fs::read_to_string(env.path().join("mlrun-stderr")).unwrap()
}

fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_mlrun"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn metrics_from_output_with_steps_and_teed_streams() {
    let env = TestEnv::new();
    let script = r#"echo "loss: 0.5"; echo "loss: 0.4"; echo "step: 2"; echo "acc=0.9"; echo "loss: 0.25"
echo "epoch=3 loss=0.125, val/acc=0.75"; echo "not a metric: really"
echo "careful" >&2; printf "progress 10%%\rprogress 100%%\n"; printf "no newline""#;
    let out = exec(&env, &["--", "sh", "-c", script]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expected_stdout = "loss: 0.5\nloss: 0.4\nstep: 2\nacc=0.9\nloss: 0.25\n\
        epoch=3 loss=0.125, val/acc=0.75\nnot a metric: really\nprogress 10%\rprogress 100%\nno newline";
    // The child's stdout reaches mlrun's stdout byte for byte (the \r included); its stderr reaches
    // mlrun's stderr, next to mlrun's own messages.
    assert_eq!(text(&out.stdout), expected_stdout);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("careful\n"), "{stderr}");

    let id = only_run(&env);
    assert!(stderr.contains(&id), "the run id is reported: {stderr}");
    assert_eq!(
        history(&env, &id, "loss"),
        [(0.5, 0), (0.4, 1), (0.25, 2), (0.125, 2)]
    );
    assert_eq!(history(&env, &id, "acc"), [(0.9, 2)]);
    assert_eq!(history(&env, &id, "epoch"), [(3.0, 2)]);
    assert_eq!(history(&env, &id, "val/acc"), [(0.75, 2)]);
    // `step` is never a metric itself.
    assert!(!env
        .store()
        .join("0")
        .join(&id)
        .join("metrics/step")
        .exists());

    assert_eq!(text(&artifact(&env, &id, "stdout.txt")), expected_stdout);
    assert_eq!(text(&artifact(&env, &id, "stderr.txt")), "careful\n");

    let run = describe(&env, &id);
    assert_eq!(run["info"]["status"], "FINISHED");
    let cmdline = format!("sh -c '{script}'");
    assert_eq!(
        tag(&run, "mlrun.command").as_deref(),
        Some(cmdline.as_str())
    );
    assert_eq!(
        tag(&run, "mlflow.source.name").as_deref(),
        Some(cmdline.as_str())
    );
    assert_eq!(tag(&run, "mlflow.source.type").as_deref(), Some("LOCAL"));
    assert_eq!(tag(&run, "mlflow.user").as_deref(), Some("tester"));
}

#[test]
fn stderr_lines_are_read_too() {
    let env = TestEnv::new();
    let out = exec(
        &env,
        &["--", "sh", "-c", "echo 'warn: 1' >&2; echo 'warn: 2' >&2"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(history(&env, &only_run(&env), "warn"), [(1.0, 0), (2.0, 1)]);
}

#[test]
fn quiet_silences_mlrun_but_not_the_command() {
    let env = TestEnv::new();
    let out = env.run(&["-q", "exec", "--", "sh", "-c", "echo out; echo err >&2"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "out\n");
    assert_eq!(text(&out.stderr), "err\n");
}

#[test]
fn exit_code_passes_through_and_the_run_fails() {
    let env = TestEnv::new();
    let out = exec(&env, &["--", "sh", "-c", "echo partial; exit 3"]);
    assert_eq!(out.status.code(), Some(3));
    let id = only_run(&env);
    let run = describe(&env, &id);
    assert_eq!(run["info"]["status"], "FAILED");
    assert!(run["info"]["end_time"].as_i64().is_some());
    // The output is logged even though the command failed.
    assert_eq!(text(&artifact(&env, &id, "stdout.txt")), "partial\n");
}

#[test]
fn a_command_killed_by_a_signal_ends_killed() {
    let env = TestEnv::new();
    let out = exec(&env, &["--", "sh", "-c", "kill -KILL $$"]);
    assert_eq!(out.status.code(), Some(137));
    assert_eq!(describe(&env, &only_run(&env))["info"]["status"], "KILLED");
}

#[test]
fn params_experiment_and_run_name() {
    let env = TestEnv::new();
    let out = exec(
        &env,
        &[
            "--experiment-name",
            "wrapped",
            "--run-name",
            "baseline",
            "-P",
            "lr=0.01",
            "--param",
            "layers=3",
            "--",
            "sh",
            "-c",
            "echo lr=0.01; echo loss=1; echo $MLFLOW_EXPERIMENT_ID",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let runs = env.json(&["runs", "list", "--experiment-name", "wrapped"]);
    let run = &runs["runs"][0];
    assert_eq!(run["info"]["run_name"], "baseline");
    let exp_id = run["info"]["experiment_id"].as_str().unwrap();
    assert_eq!(text(&out.stdout).lines().last(), Some(exp_id));
    let mut params: Vec<(String, String)> = run["data"]["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["key"].as_str().unwrap().into(),
                p["value"].as_str().unwrap().into(),
            )
        })
        .collect();
    params.sort();
    assert_eq!(
        params,
        [("layers".into(), "3".into()), ("lr".into(), "0.01".into())]
    );
    // A param echoed by the command is not read back as a metric.
    let keys: Vec<&str> = run["data"]["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["loss"]);
}

#[test]
fn custom_metric_patterns_replace_the_defaults() {
    let env = TestEnv::new();
    let out = exec(
        &env,
        &[
            "--metric-pattern",
            r"Epoch (?P<step>\step): loss (?P<loss>\value)",
            "--metric-pattern",
            r"(\key) => (\value)",
            "--",
            "sh",
            "-c",
            "echo 'Epoch 1: loss 0.5'; echo 'Epoch 2: loss 0.25'; echo 'acc => 0.8'; echo 'f1: 0.7'",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let id = only_run(&env);
    assert_eq!(history(&env, &id, "loss"), [(0.5, 1), (0.25, 2)]);
    assert_eq!(history(&env, &id, "acc"), [(0.8, 2)]);
    assert!(!env.store().join("0").join(&id).join("metrics/f1").exists());
}

#[test]
fn a_bad_metric_pattern_is_a_usage_error_before_anything_runs() {
    let env = TestEnv::new();
    let out = exec(
        &env,
        &["--metric-pattern", "loss (\\value", "--", "touch", "ran"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid metric pattern"));
    assert!(!env.path().join("ran").exists());
    assert!(!env.store().join("0").exists());
}

#[test]
fn an_unknown_option_before_the_command_is_a_usage_error_before_anything_runs() {
    let env = TestEnv::new();
    for args in [
        &["--some-unknown-option", "--", "touch", "ran"][..],
        &["--some-unknown-option", "touch", "ran"],
        &["-z", "--", "touch", "ran"],
    ] {
        let out = exec(&env, args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(args[0]),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!env.path().join("ran").exists(), "{args:?}");
        assert!(!env.store().exists(), "{args:?}: nothing is written");
    }
    // Without `--`, the command's own options stay the command's.
    let out = exec(&env, &["sh", "-c", "touch ran-$0", "--x"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(env.path().join("ran---x").exists());
}

#[test]
fn the_command_logs_into_the_same_run_with_mlrun() {
    let env = TestEnv::new();
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = env
        .cmd()
        .env("PATH", path)
        .args([
            "exec",
            "--",
            "sh",
            "-c",
            "mkdir sub && cd sub && mlrun log-metric inner 1.5 --step 7 && mlrun set-tag from child \
             && echo \"$MLFLOW_TRACKING_URI\"",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let id = only_run(&env);
    assert_eq!(history(&env, &id, "inner"), [(1.5, 7)]);
    assert_eq!(tag(&describe(&env, &id), "from").as_deref(), Some("child"));
    let uri = text(&out.stdout);
    assert!(uri.starts_with("file:///"), "{uri}");
}

#[test]
fn an_unknown_command_exits_127_and_the_run_records_why() {
    let env = TestEnv::new();
    let out = exec(&env, &["--", "no-such-command-mlrun-test", "x"]);
    assert_eq!(out.status.code(), Some(127));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error: cannot run 'no-such-command-mlrun-test'"),
        "{stderr}"
    );
    let run = describe(&env, &only_run(&env));
    assert_eq!(run["info"]["status"], "FAILED");
    assert!(tag(&run, "mlrun.error")
        .unwrap()
        .contains("no-such-command-mlrun-test"));
}

#[test]
fn a_command_that_is_not_executable_exits_126() {
    let env = TestEnv::new();
    std::fs::write(env.path().join("script.sh"), "echo hi\n").unwrap();
    let out = exec(&env, &["--", "./script.sh"]);
    assert_eq!(out.status.code(), Some(126), "{}", text(&out.stderr));
}

#[test]
fn sigterm_is_forwarded_and_the_run_ends_killed() {
    let env = TestEnv::new();
    let mut child = spawn_exec(
        &env,
        "trap 'echo term > got-term; exit 7' TERM; echo hi; echo ready > ready; \
         while :; do sleep 0.05; done",
    );
    wait_for_file(&env.path().join("ready"), &mut child);
    kill(child.id(), "-TERM");
    assert_eq!(wait_exit(&mut child), 143);
    assert_eq!(
        std::fs::read_to_string(env.path().join("got-term")).unwrap(),
        "term\n"
    );
    let id = only_run(&env);
    assert_eq!(describe(&env, &id)["info"]["status"], "KILLED");
    // The output so far is logged even though the command was interrupted.
    assert_eq!(text(&artifact(&env, &id, "stdout.txt")), "hi\n");
}

#[test]
fn sigint_is_forwarded_once_and_exits_130() {
    let env = TestEnv::new();
    let mut child = spawn_exec(
        &env,
        "trap 'echo int >> got-int; exit 1' INT; echo ready > ready; while :; do sleep 0.05; done",
    );
    wait_for_file(&env.path().join("ready"), &mut child);
    kill(child.id(), "-INT");
    assert_eq!(wait_exit(&mut child), 130);
    assert_eq!(
        std::fs::read_to_string(env.path().join("got-int")).unwrap(),
        "int\n"
    );
    assert_eq!(describe(&env, &only_run(&env))["info"]["status"], "KILLED");
}

#[test]
fn a_command_that_ignores_sigterm_is_killed_by_the_second_signal() {
    let env = TestEnv::new();
    // The trap records each TERM and carries on, so the command outlives the first signal.
    let mut child = spawn_exec(
        &env,
        "trap 'echo term >> terms' TERM; echo $$ > pid; echo ready > ready; \
         while :; do sleep 0.05; done",
    );
    wait_for_file(&env.path().join("ready"), &mut child);
    kill(child.id(), "-TERM");
    wait_for_file(&env.path().join("terms"), &mut child);
    assert!(
        child.try_wait().unwrap().is_none(),
        "mlrun waits for a command that survived the first signal"
    );
    kill(child.id(), "-TERM");
    assert_eq!(wait_exit(&mut child), 143);
    let stderr = mlrun_stderr(&env);
    assert!(stderr.contains("sent SIGTERM to the command"), "{stderr}");
    assert!(stderr.contains("killed the command (SIGKILL)"), "{stderr}");
    let id = only_run(&env);
    assert_eq!(describe(&env, &id)["info"]["status"], "KILLED");
    // The command itself is gone.
    let pid = std::fs::read_to_string(env.path().join("pid")).unwrap();
    let alive = Command::new("kill")
        .args(["-0", pid.trim()])
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .success();
    assert!(!alive, "the command (pid {}) survived", pid.trim());
}

#[test]
fn many_metric_lines_are_all_logged() {
    let env = TestEnv::new();
    let out = env.run(&[
        "-q",
        "exec",
        "--",
        "sh",
        "-c",
        "i=0; while [ $i -lt 2500 ]; do echo \"loss=$i\"; i=$((i+1)); done",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let h = history(&env, &only_run(&env), "loss");
    assert_eq!(h.len(), 2500);
    assert!(h
        .iter()
        .enumerate()
        .all(|(i, &(v, s))| v == i as f64 && s == i as i64));
}

#[test]
fn no_capture_inherits_the_streams_and_logs_no_output() {
    let env = TestEnv::new();
    let out = exec(&env, &["--no-capture", "--", "sh", "-c", "echo loss=1"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "loss=1\n");
    let id = only_run(&env);
    assert!(!env
        .store()
        .join("0")
        .join(&id)
        .join("metrics/loss")
        .exists());
    assert!(!env
        .store()
        .join("0")
        .join(&id)
        .join("artifacts/stdout.txt")
        .exists());
}

/// MLflow's own Python client inside the command logs into the wrapped run (the pinned MLflow from
/// the cached venv the interop tests use).
#[test]
fn mlflow_python_inside_the_command_logs_into_the_same_run() {
    let env = TestEnv::new();
    let python = common::mlflow_python();
    let script = "import mlflow\n\
                  with mlflow.start_run() as r:\n    \
                  mlflow.log_metric('py_metric', 2.5, step=4)\n    \
                  mlflow.log_param('py_param', 'x')\n\
                  print('inner', r.info.run_id)\n";
    let out = env
        .cmd()
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .args(["exec", "--", python.to_str().unwrap(), "-c", script])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let id = only_run(&env);
    assert_eq!(text(&out.stdout).trim(), format!("inner {id}"));
    assert_eq!(history(&env, &id, "py_metric"), [(2.5, 4)]);
    let run = describe(&env, &id);
    assert_eq!(run["data"]["params"][0]["value"], "x");
    // MLflow's context manager ends the run too; mlrun then sets the status from the exit code.
    assert_eq!(run["info"]["status"], "FINISHED");
}

/// `--system-metrics`: a child that holds 1.5 GB and burns CPU shows it in MLflow's `system/…`
/// metrics at consecutive steps from 0; MLflow's client reads them; no GPU metric appears on a
/// machine without one.
#[test]
fn system_metrics_follow_a_child_that_allocates_and_burns_cpu() {
    let env = TestEnv::new();
    let out = exec(
        &env,
        &[
            "--system-metrics",
            "--system-metrics-interval",
            "0.3",
            "--",
            "python3",
            "-c",
            "import time\nt = time.time()\nwhile time.time() - t < 1: pass\nb = bytearray(1500 * 1024 * 1024)\nfor i in range(0, len(b), 4096): b[i] = 1\nt = time.time()\nwhile time.time() - t < 2: pass\n",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let run_id = only_run(&env);
    let run = describe(&env, &run_id);
    let keys: Vec<String> = run["data"]["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].as_str().unwrap().to_string())
        .collect();
    for k in [
        "system/cpu_utilization_percentage",
        "system/system_memory_usage_megabytes",
        "system/system_memory_usage_percentage",
        "system/disk_usage_percentage",
        "system/disk_usage_megabytes",
        "system/disk_available_megabytes",
        "system/network_receive_megabytes",
        "system/network_transmit_megabytes",
    ] {
        assert!(keys.iter().any(|x| x == k), "{k} missing from {keys:?}");
    }
    assert!(!keys.iter().any(|k| k.contains("gpu")), "{keys:?}");
    let memory = history(&env, &run_id, "system/system_memory_usage_megabytes");
    let steps: Vec<i64> = memory.iter().map(|m| m.1).collect();
    assert!(steps.len() >= 3, "{memory:?}");
    assert_eq!(steps, (0..steps.len() as i64).collect::<Vec<_>>());
    // The 1.5 GB the child held shows: the peak is well above the first reading (taken while it
    // only burned CPU). Other processes may come and go, so only a large rise is asserted.
    let first = memory[0].0;
    let peak = memory.iter().map(|m| m.0).fold(f64::MIN, f64::max);
    assert!(peak - first > 1000.0, "{memory:?}");
    let cpu = history(&env, &run_id, "system/cpu_utilization_percentage");
    assert!(cpu.iter().all(|c| (0.0..=100.0).contains(&c.0)), "{cpu:?}");
    assert!(cpu.iter().any(|c| c.0 > 0.0), "{cpu:?}");
    // MLflow's client reads them.
    let read = common::run_mlflow(
        &env.store(),
        &format!(
            "from mlflow.tracking import MlflowClient\nh = MlflowClient().get_metric_history('{run_id}', 'system/system_memory_usage_megabytes')\nprint([m.step for m in h])"
        ),
    );
    assert_eq!(read.trim(), format!("{steps:?}"));
}

#[test]
fn system_metrics_interval_must_be_positive() {
    let env = TestEnv::new();
    let out = exec(
        &env,
        &[
            "--system-metrics",
            "--system-metrics-interval",
            "0",
            "--",
            "true",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("positive number of seconds"));
    assert!(!env.store().join("0").exists() || only_run_count(&env) == 0);
}

fn only_run_count(env: &TestEnv) -> usize {
    std::fs::read_dir(env.store().join("0"))
        .map(|d| d.flatten().filter(|e| e.path().is_dir()).count())
        .unwrap_or(0)
}
