//! `mlrun run` and `mlrun runs rerun` driven as a user would: MLproject params and quoting, the
//! child's variables, env managers (a real uv build; conda and docker as exact command lines),
//! git URLs, sweeps, signals, and interop with the real MLflow's `mlflow run`.
mod common;
use common::TestEnv;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
}

fn project(env: &TestEnv, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = env.path().join(name);
    write(&dir, files);
    dir
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every run in the store's experiment 0 (or all experiments), as MLflow's JSON.
fn runs(env: &TestEnv) -> Vec<Value> {
    let v = env.json(&["runs", "search", "--max-results", "1000"]);
    v["runs"].as_array().cloned().unwrap_or_default()
}

fn tags(run: &Value) -> BTreeMap<String, String> {
    run["data"]["tags"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|t| {
                    (
                        t["key"].as_str().unwrap().to_string(),
                        t["value"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn params(run: &Value) -> BTreeMap<String, String> {
    run["data"]["params"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|t| {
                    (
                        t["key"].as_str().unwrap().to_string(),
                        t["value"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn metric(run: &Value, key: &str) -> Option<f64> {
    run["data"]["metrics"]
        .as_array()?
        .iter()
        .find(|m| m["key"] == key)
        .and_then(|m| m["value"].as_f64())
}

const ECHO_PROJECT: &str = r#"
name: echo
entry_points:
  main:
    parameters:
      x: {type: string, default: "plain"}
      n: float
    command: "printf '[%s]\n' {x} {n}"
"#;

#[test]
fn no_parameter_value_can_inject_a_command() {
    let env = TestEnv::new();
    let dir = project(&env, "p", &[("MLproject", ECHO_PROJECT)]);
    let attacks = [
        "$(touch pwned1)",
        "; touch pwned2",
        "`touch pwned3`",
        "a\ntouch pwned4",
        "' ; touch pwned5 ; '",
        "$(touch pwned6)\"'",
    ];
    for (i, attack) in attacks.iter().enumerate() {
        let x = format!("x={attack}");
        let extra = format!("extra{i}={attack}");
        let out = env.run(&[
            "run",
            dir.to_str().unwrap(),
            "--env-manager",
            "local",
            "-P",
            &x,
            "-P",
            "n=1",
            "-P",
            &extra,
        ]);
        // printf prints each word in brackets: the attack arrives whole, as one argument.
        let printed = stdout(&out);
        assert!(
            printed.starts_with(&format!("[{attack}]\n[1]\n")),
            "{attack:?}: {printed}\n{}",
            stderr(&out)
        );
        assert!(
            printed.contains(&format!("[--extra{i}]\n[{attack}]\n")),
            "{printed}"
        );
    }
    for i in 1..=6 {
        for d in [env.path().to_path_buf(), dir.clone()] {
            assert!(
                !d.join(format!("pwned{i}")).exists(),
                "pwned{i} was created"
            );
        }
    }
    // Logged the way MLflow logs them: shell-quoted.
    let r = runs(&env)
        .into_iter()
        .find(|r| params(r).get("x").map(String::as_str) == Some("'$(touch pwned1)'"))
        .expect("the first run");
    assert_eq!(params(&r)["extra0"], "'$(touch pwned1)'");
    assert_eq!(params(&r)["n"], "1");
}

#[test]
fn bad_params_are_refused_before_anything_runs() {
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "e"]);
    let dir = project(
        &env,
        "p",
        &[(
            "MLproject",
            "entry_points:\n  main:\n    parameters:\n      need: float\n      also: string\n      u: {type: uri, default: \"s3://b/k\"}\n      d: {type: path, default: data.txt}\n    command: \"touch ran\"\n",
        )],
    );
    let before = env.snapshot();
    let d = dir.to_str().unwrap();
    let err = env.fails(&["run", d, "--env-manager", "local"]);
    assert!(
        err.contains("error: No value given for missing parameters: 'need', 'also'"),
        "{err}"
    );
    assert!(err.contains("hint: give each with -P NAME=VALUE"), "{err}");
    let err = env.fails(&[
        "run",
        d,
        "--env-manager",
        "local",
        "-P",
        "need=1",
        "-P",
        "also=a",
        "-P",
        "u=nope",
    ]);
    assert!(
        err.contains("Expected URI for parameter u but got nope"),
        "{err}"
    );
    // A path default is resolved against the caller's folder (not the project's), as in MLflow.
    let err = env.fails(&[
        "run",
        d,
        "--env-manager",
        "local",
        "-P",
        "need=1",
        "-P",
        "also=a",
    ]);
    assert!(
        err.contains(
            "Got value data.txt for parameter d, but no such file or directory was found."
        ),
        "{err}"
    );
    let err = env.fails(&["run", d, "-e", "nope", "--env-manager", "local"]);
    assert!(
        err.contains("Could not find nope among entry points ['main']"),
        "{err}"
    );
    let out = env.run(&["run", d, "-P", "need=1", "-P", "need=2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Repeated parameter: 'need'"));
    let err = env.fails(&["run", "no-such-dir", "--env-manager", "local"]);
    assert!(err.contains("error:"), "{err}");
    assert_eq!(env.snapshot(), before, "a refused run changed the store");
    assert!(!dir.join("ran").exists());
}

#[test]
fn shell_entry_point_logs_into_its_run_and_status_follows_exit_code() {
    let env = TestEnv::new();
    let dir = project(
        &env,
        "p",
        &[
            (
                "MLproject",
                "name: sh\nentry_points:\n  main:\n    parameters:\n      lr: {type: float, default: 0.5}\n    command: \"bash train.sh {lr}\"\n  fail:\n    command: \"exit 3\"\n",
            ),
            (
                "train.sh",
                "set -e\n\"$MLRUN\" log-metric loss 0.25 --step 1\n\"$MLRUN\" log-param from_sh \"$1\"\necho \"id=$MLFLOW_RUN_ID exp=$MLFLOW_EXPERIMENT_ID uri=$MLFLOW_TRACKING_URI\"\n",
            ),
        ],
    );
    let out = env.run(&[
        "run",
        dir.to_str().unwrap(),
        "--env-manager",
        "local",
        "--experiment-name",
        "proj",
        "--run-name",
        "first",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rs = env.json(&["runs", "search", "--experiment-name", "proj"]);
    let r = &rs["runs"][0];
    let id = r["info"]["run_id"].as_str().unwrap();
    assert_eq!(r["info"]["status"], "FINISHED");
    assert_eq!(r["info"]["run_name"], "first");
    assert_eq!(metric(r, "loss"), Some(0.25));
    assert_eq!(params(r)["from_sh"], "0.5");
    assert_eq!(params(r)["lr"], "0.5");
    let exp = r["info"]["experiment_id"].as_str().unwrap();
    let store = env.store();
    assert!(
        stdout(&out).contains(&format!(
            "id={id} exp={exp} uri=file://{}\n",
            store.display()
        )),
        "{}",
        stdout(&out)
    );
    let t = tags(r);
    assert_eq!(t["mlflow.source.type"], "PROJECT");
    assert_eq!(t["mlflow.project.entryPoint"], "main");
    assert_eq!(t["mlflow.project.backend"], "local");
    assert!(
        !t.contains_key("mlflow.project.env"),
        "no env tag for local"
    );

    let out = env.run(&[
        "run",
        dir.to_str().unwrap(),
        "-e",
        "fail",
        "--env-manager",
        "local",
    ]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "the child's code passes through"
    );
    let failed: Vec<_> = runs(&env)
        .into_iter()
        .filter(|r| tags(r)["mlflow.project.entryPoint"] == "fail")
        .collect();
    assert_eq!(failed[0]["info"]["status"], "FAILED");
}

#[test]
fn scripts_run_without_an_mlproject() {
    let env = TestEnv::new();
    let dir = project(&env, "p", &[("go.sh", "echo \"sh got $1 $2\"\n")]);
    let out = env.run(&[
        "run",
        dir.to_str().unwrap(),
        "-e",
        "go.sh",
        "--env-manager",
        "local",
        "-P",
        "k=v w",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "sh got --k v w\n");
}

/// `mlrun run --system-metrics` samples the machine into the entry point's run while it runs.
#[test]
fn system_metrics_are_logged_into_the_run_while_the_entry_point_runs() {
    let env = TestEnv::new();
    let dir = project(
        &env,
        "p",
        &[(
            "burn.sh",
            "end=$(($(date +%s) + 2)); while [ $(date +%s) -lt $end ]; do :; done\n",
        )],
    );
    let out = env.run(&[
        "run",
        dir.to_str().unwrap(),
        "-e",
        "burn.sh",
        "--env-manager",
        "local",
        "--system-metrics",
        "--system-metrics-interval",
        "0.25",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let runs = runs(&env);
    assert_eq!(runs.len(), 1);
    for key in [
        "system/cpu_utilization_percentage",
        "system/system_memory_usage_percentage",
        "system/disk_usage_percentage",
        "system/network_receive_megabytes",
    ] {
        assert!(metric(&runs[0], key).is_some(), "{key}: {}", runs[0]);
    }
}

/// A project using the real MLflow client: it attaches to mlrun's run through MLFLOW_RUN_ID.
const MLFLOW_PROJECT: &str = r#"
name: interop
entry_points:
  main:
    parameters:
      alpha: {type: float, default: 0.1}
      name: {type: string, default: "hello world"}
      data: {type: path, default: data.txt}
    command: "python train.py --alpha {alpha} --name {name} --data {data}"
"#;
const TRAIN_PY: &str = r#"
import sys, mlflow
with mlflow.start_run() as run:
    mlflow.log_metric("acc", 0.75, step=2)
    mlflow.set_tag("seen_args", " ".join(sys.argv[1:]))
    print("RUN", run.info.run_id)
"#;

#[test]
fn interop_real_mlflow_logs_into_mlrun_runs_and_tags_match_mlflow_run() {
    let python = common::mlflow_python();
    let bin = python.parent().unwrap().to_path_buf();
    let env = TestEnv::new();
    let _dir = project(
        &env,
        "proj",
        &[("MLproject", MLFLOW_PROJECT), ("train.py", TRAIN_PY)],
    );
    write(env.path(), &[("data.txt", "x")]);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let args = [
        "run",
        "proj",
        "--env-manager",
        "local",
        "-P",
        "alpha=0.5",
        "-P",
        "extra=a b",
    ];
    let out = env.cmd().env("PATH", &path).args(args).output().unwrap();
    assert!(out.status.success(), "{}\n{}", stdout(&out), stderr(&out));
    let ours = runs(&env);
    assert_eq!(
        ours.len(),
        1,
        "the child attached to the run rather than making one"
    );
    let r = &ours[0];
    let id = r["info"]["run_id"].as_str().unwrap();
    assert!(stdout(&out).contains(&format!("RUN {id}")));
    assert_eq!(metric(r, "acc"), Some(0.75));
    assert_eq!(r["info"]["status"], "FINISHED");
    assert_eq!(
        tags(r)["seen_args"],
        format!(
            "--alpha 0.5 --name hello world --data {}/data.txt --extra a b",
            std::fs::canonicalize(env.path()).unwrap().display()
        )
    );

    // The real `mlflow run` on the same project, from the same folder, into another store.
    let theirs_store = env.path().join("mlflow-store");
    let out = Command::new(&python)
        .args(["-m", "mlflow"])
        .args(args)
        .current_dir(env.path())
        .env("PATH", &path)
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .env(
            "MLFLOW_TRACKING_URI",
            format!("file://{}", theirs_store.display()),
        )
        .env_remove("MLFLOW_RUN_ID")
        .env_remove("MLFLOW_EXPERIMENT_ID")
        .env_remove("MLFLOW_EXPERIMENT_NAME")
        .output()
        .unwrap();
    assert!(out.status.success(), "mlflow run: {}", stderr(&out));
    let theirs = env
        .cmd()
        .env("MLFLOW_TRACKING_URI", &theirs_store)
        .args(["--output", "json", "runs", "search"])
        .output()
        .unwrap();
    let theirs: Value = serde_json::from_slice(&theirs.stdout).unwrap();
    let t = &theirs["runs"][0];
    assert_eq!(params(r), params(t), "params as MLflow logs them");
    assert_eq!(params(r)["name"], "'hello world'");
    assert_eq!(params(r)["extra"], "'a b'");
    assert_eq!(params(r)["data"], "data.txt");
    let mlflow_keys = |m: &BTreeMap<String, String>| -> Vec<String> {
        m.keys()
            .filter(|k| k.starts_with("mlflow."))
            .cloned()
            .collect()
    };
    let (mine, real) = (tags(r), tags(t));
    assert_eq!(mlflow_keys(&mine), mlflow_keys(&real));
    for k in [
        "mlflow.source.name",
        "mlflow.source.type",
        "mlflow.project.entryPoint",
        "mlflow.project.backend",
        "seen_args",
    ] {
        assert_eq!(mine.get(k), real.get(k), "tag {k}");
    }
    assert_eq!(metric(t, "acc"), Some(0.75));
}

/// Entry points that end their run themselves, then exit: `(how the script ends it, exit code)`.
const SELF_ENDED: &[(&str, i32)] = &[("FINISHED", 3), ("FAILED", 0), ("KILLED", 0)];

#[test]
fn interop_the_exit_code_decides_the_status_even_when_the_entry_point_ended_the_run() {
    // MLflow means to leave a run the entry point ended alone, but its check never matches: the
    // exit code decides (a script that crashes after `end_run()` is FAILED).
    let python = common::mlflow_python();
    let bin = python.parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let script = "import mlflow, os, sys\nmlflow.start_run()\nmlflow.end_run(status=os.environ['END'])\nsys.exit(int(os.environ['CODE']))\n";
    let env = TestEnv::new();
    let _dir = project(
        &env,
        "proj",
        &[
            (
                "MLproject",
                "name: ends\nentry_points:\n  main:\n    command: \"python ends.py\"\n",
            ),
            ("ends.py", script),
        ],
    );
    let status_of = |store: &Path| -> String {
        let v: Value = serde_json::from_slice(
            &env.cmd()
                .env("MLFLOW_TRACKING_URI", store)
                .args(["--output", "json", "runs", "search", "--max-results", "1"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        v["runs"][0]["info"]["status"].as_str().unwrap().to_string()
    };
    for (i, (end, code)) in SELF_ENDED.iter().enumerate() {
        let ours = env.path().join(format!("ours-{i}"));
        let out = env
            .cmd()
            .env("PATH", &path)
            .env("MLFLOW_TRACKING_URI", &ours)
            .env("END", end)
            .env("CODE", code.to_string())
            .args(["run", "proj", "--env-manager", "local"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(*code), "{}", stderr(&out));
        let theirs = env.path().join(format!("theirs-{i}"));
        let out = Command::new(&python)
            .args(["-m", "mlflow", "run", "proj", "--env-manager", "local"])
            .current_dir(env.path())
            .env("PATH", &path)
            .env("MLFLOW_ALLOW_FILE_STORE", "true")
            .env(
                "MLFLOW_TRACKING_URI",
                format!("file://{}", theirs.display()),
            )
            .env("END", end)
            .env("CODE", code.to_string())
            .env_remove("MLFLOW_RUN_ID")
            .env_remove("MLFLOW_EXPERIMENT_ID")
            .env_remove("MLFLOW_EXPERIMENT_NAME")
            .output()
            .unwrap();
        assert_eq!(out.status.success(), *code == 0, "{}", stderr(&out));
        let expected = if *code == 0 { "FINISHED" } else { "FAILED" };
        assert_eq!(status_of(&theirs), expected, "mlflow run, ended {end}");
        assert_eq!(status_of(&ours), expected, "mlrun run, ended {end}");
    }
}

fn uv_dir() -> PathBuf {
    // uv alone on PATH (the pinned MLflow venv carries it), so nothing else from that venv leaks in.
    let uv = common::mlflow_python().parent().unwrap().join("uv");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("uv-only-bin");
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("uv");
    if !link.exists() {
        std::os::unix::fs::symlink(&uv, &link).unwrap();
    }
    dir
}

#[test]
fn uv_builds_python_env_once_and_reuses_it() {
    let env = TestEnv::new();
    let dir = project(
        &env,
        "p",
        &[
            ("MLproject", "name: uvp\npython_env: python_env.yaml\nentry_points:\n  main:\n    command: \"python -c 'import six, sys; print(\\\"six\\\", six.__version__, sys.prefix)'\"\n"),
            ("python_env.yaml", "python: \"3.11\"\nbuild_dependencies: []\ndependencies:\n  - -r requirements.txt\n"),
            ("requirements.txt", "six==1.16.0\n"),
        ],
    );
    let env_root = env.path().join("envs");
    let path = format!("{}:{}", uv_dir().display(), std::env::var("PATH").unwrap());
    let home = std::env::var("HOME").unwrap_or_default();
    let go = || {
        env.cmd()
            .env("PATH", &path)
            .env("HOME", &home)
            .envs(
                [
                    "SSL_CERT_FILE",
                    "SSL_CERT_DIR",
                    "UV_INDEX_URL",
                    "PIP_INDEX_URL",
                    "UV_CACHE_DIR",
                ]
                .iter()
                .filter_map(|k| Some((k, std::env::var_os(k)?))),
            )
            .env("MLFLOW_ENV_ROOT", &env_root)
            .args(["run", dir.to_str().unwrap(), "--env-manager", "uv"])
            .output()
            .unwrap()
    };
    let first = go();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("Creating environment"),
        "{}",
        stderr(&first)
    );
    let printed = stdout(&first);
    assert!(printed.starts_with("six 1.16.0 "), "{printed}");
    assert!(
        printed.contains(&env_root.display().to_string()),
        "ran inside the env: {printed}"
    );
    let second = go();
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("Reusing environment"),
        "{}",
        stderr(&second)
    );
    assert!(!stderr(&second).contains("Creating environment"));
    assert_eq!(stdout(&second), printed, "the same env both times");
    // One environment, and its build lock kept where MLflow's tooling never looks.
    let entries: Vec<String> = std::fs::read_dir(&env_root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert!(entries.contains(&".mlrun-locks".to_string()), "{entries:?}");
    assert!(
        entries
            .iter()
            .any(|e| e.starts_with("mlrun-") && !e.contains('.')),
        "{entries:?}"
    );
    for r in runs(&env) {
        assert_eq!(tags(&r)["mlflow.project.env"], "uv");
        assert_eq!(r["info"]["status"], "FINISHED");
    }
}

fn fake_tool(dir: &Path, name: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, "#!/bin/sh\nexit 0\n").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// PATH with just the basics: the system's bash and git, none of conda/mamba/micromamba/docker.
fn bare_path(extra: &Path) -> String {
    let mut dirs = vec![extra.to_path_buf()];
    for tool in ["bash", "git", "sh", "env"] {
        if let Some(d) = which_dir(tool) {
            if !dirs.contains(&d) {
                dirs.push(d);
            }
        }
    }
    std::env::join_paths(dirs).unwrap().into_string().unwrap()
}

fn which_dir(tool: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .find(|d| d.join(tool).is_file())
        .filter(|d| {
            !["conda", "mamba", "micromamba", "docker"]
                .iter()
                .any(|t| d.join(t).exists())
        })
}

#[test]
fn conda_plans_are_exact_and_a_missing_conda_is_clear() {
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "e"]);
    let dir = project(
        &env,
        "p",
        &[
            (
                "MLproject",
                "name: c\nentry_points:\n  main:\n    command: \"python t.py\"\n",
            ),
            ("conda.yaml", "name: c\ndependencies: [python=3.11]\n"),
        ],
    );
    let tools = env.path().join("tools");
    std::fs::create_dir_all(&tools).unwrap();
    let before = env.snapshot();
    let out = env
        .cmd()
        .env("PATH", bare_path(&tools))
        .args(["run", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error: Could not find conda, mamba or micromamba on PATH"),
        "{err}"
    );
    assert!(err.contains("hint: install Miniforge"), "{err}");
    assert_eq!(env.snapshot(), before);

    fake_tool(&tools, "micromamba");
    let env_root = env.path().join("envs");
    let out = env
        .cmd()
        .env("PATH", bare_path(&tools))
        .env("MLFLOW_ENV_ROOT", &env_root)
        .args(["run", dir.to_str().unwrap(), "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let mm = tools.join("micromamba");
    let create = format!(
        "{} create --yes --prefix {}/mlrun-conda-",
        mm.display(),
        env_root.display()
    );
    assert!(lines[0].starts_with(&create), "{}", lines[0]);
    assert!(
        lines[0].ends_with(&format!(" --file {}/conda.yaml", dir.display())),
        "{}",
        lines[0]
    );
    let prefix = lines[0].split(' ').nth(4).unwrap();
    assert!(
        lines[1].ends_with(&format!(
            "{} run --prefix {prefix} bash -c 'python t.py'",
            mm.display()
        )),
        "{}",
        lines[1]
    );
    assert_eq!(env.snapshot(), before, "--dry-run creates nothing");
}

#[test]
fn docker_plans_mount_the_store_and_rewrite_the_uri() {
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "e"]);
    let dir = project(
        &env,
        "p",
        &[(
            "MLproject",
            "name: dock\ndocker_env:\n  image: python:3.11-slim\n  volumes: [\"/srv/data:/data\"]\n  environment: [[\"MODE\", \"fast\"], \"FROM_HOST\"]\nentry_points:\n  main:\n    parameters:\n      a: {default: \"x y\"}\n    command: \"python t.py {a}\"\n",
        )],
    );
    let tools = env.path().join("tools");
    std::fs::create_dir_all(&tools).unwrap();
    let before = env.snapshot();
    let go = |extra: &[&str], with_host: bool| {
        let mut c = env.cmd();
        c.env("PATH", bare_path(&tools))
            .args(["run", dir.to_str().unwrap()])
            .args(extra);
        if with_host {
            c.env("FROM_HOST", "h");
        }
        c.output().unwrap()
    };
    let out = go(&[], true);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Could not find Docker executable"),
        "{}",
        stderr(&out)
    );
    fake_tool(&tools, "docker");
    let out = go(&["--dry-run", "-A", "gpus=all", "-A", "t"], true);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = env.store();
    let docker = tools.join("docker");
    assert_eq!(
        stdout(&out),
        format!(
            "cd {} && {} run --rm --gpus all -t -v {}:/mlflow/tmp/mlruns -v /srv/data:/data -e 'MLFLOW_RUN_ID=<run-id>' -e MLFLOW_TRACKING_URI=file:///mlflow/tmp/mlruns -e 'MLFLOW_EXPERIMENT_ID=<experiment-id>' -e MLFLOW_ALLOW_FILE_STORE=true -e MLRUN={} -e MODE=fast -e FROM_HOST=h python:3.11-slim sh -c 'python t.py '\"'\"'x y'\"'\"''\n",
            dir.display(),
            docker.display(),
            store.display(),
            env!("CARGO_BIN_EXE_mlrun"),
        )
    );
    let out = go(&["--dry-run", "--build-image"], true);
    let text = stdout(&out);
    assert!(
        text.contains("FROM python:3.11-slim\n COPY mlflow-project-docker-build-context/ /mlflow/projects/code/\n WORKDIR /mlflow/projects/code/\n"),
        "{text}"
    );
    assert!(text.contains(" build --tag dock --file mlflow-project-docker-build-context/Dockerfile.mlflow-autogenerated "), "{text}");
    assert!(text.contains(" dock sh -c "), "{text}");
    let out = go(&["--dry-run"], false);
    assert!(
        stderr(&out).contains("but FROM_HOST was not set"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot(), before);
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    stdout(&out).trim().to_string()
}

#[test]
fn git_urls_are_cloned_at_a_version_with_a_subdirectory() {
    let env = TestEnv::new();
    let bare = env.path().join("remote.git");
    git(
        env.path(),
        &[
            "init",
            "--quiet",
            "--bare",
            "-b",
            "main",
            bare.to_str().unwrap(),
        ],
    );
    let work = env.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    git(&work, &["init", "--quiet", "-b", "main"]);
    write(
        &work,
        &[
            (
                "sub/MLproject",
                "name: g\nentry_points:\n  main:\n    command: \"cat version.txt\"\n",
            ),
            ("sub/version.txt", "one\n"),
        ],
    );
    git(&work, &["add", "."]);
    git(&work, &["commit", "--quiet", "-m", "one"]);
    git(&work, &["tag", "v1"]);
    let v1 = git(&work, &["rev-parse", "HEAD"]);
    write(&work, &[("sub/version.txt", "two\n")]);
    git(&work, &["commit", "--quiet", "-am", "two"]);
    let v2 = git(&work, &["rev-parse", "HEAD"]);
    git(&work, &["remote", "add", "origin", bare.to_str().unwrap()]);
    git(&work, &["push", "--quiet", "origin", "main", "--tags"]);

    let url = format!("file://{}#sub", bare.display());
    let run = |version: Option<&str>| {
        let mut args = vec!["run", url.as_str(), "--env-manager", "local"];
        if let Some(v) = version {
            args.extend(["--version", v]);
        }
        env.run(&args)
    };
    let out = run(Some("v1"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "one\n");
    let out = run(Some("main"));
    assert_eq!(stdout(&out), "two\n", "{}", stderr(&out));
    let out = run(Some(&v1));
    assert_eq!(stdout(&out), "one\n", "a commit: {}", stderr(&out));
    let out = run(None);
    assert_eq!(stdout(&out), "two\n", "{}", stderr(&out));
    let out = run(Some("nope"));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Unable to checkout version 'nope'"),
        "{}",
        stderr(&out)
    );

    let mut all = runs(&env);
    all.sort_by_key(|r| r["info"]["start_time"].as_i64());
    assert_eq!(all.len(), 4);
    let t: Vec<_> = all.iter().map(tags).collect();
    for tt in &t {
        assert_eq!(tt["mlflow.source.name"], url);
        assert_eq!(tt["mlflow.source.git.repoURL"], bare.display().to_string());
        assert_eq!(tt["mlrun.source.git.dirty"], "false");
    }
    assert_eq!(t[0]["mlflow.source.git.commit"], v1);
    assert!(
        !t[0].contains_key("mlflow.source.git.branch"),
        "a tag is not a branch"
    );
    assert_eq!(t[0]["mlrun.project.version"], "v1");
    assert_eq!(t[1]["mlflow.source.git.commit"], v2);
    assert_eq!(t[1]["mlflow.source.git.branch"], "main");
    assert_eq!(t[2]["mlflow.source.git.commit"], v1);
    assert_eq!(t[3]["mlflow.source.git.commit"], v2);
}

#[test]
fn sweeps_run_children_under_a_parent_and_compare_them() {
    let env = TestEnv::new();
    let dir = project(
        &env,
        "p",
        &[
            (
                "MLproject",
                "name: s\nentry_points:\n  main:\n    parameters:\n      a: float\n      b: string\n    command: \"bash t.sh {a} {b}\"\n",
            ),
            (
                "t.sh",
                "\"$MLRUN\" log-metric score \"$1\"\n[ \"$2\" != bad ]\n",
            ),
        ],
    );
    write(env.path(), &[("grid.yaml", "b: [\"x,y\", z]\n")]);
    let out = env.run(&[
        "--output",
        "csv",
        "run",
        dir.to_str().unwrap(),
        "--env-manager",
        "local",
        "-P",
        "a=1,2",
        "--grid",
        "grid.yaml",
        "-j",
        "2",
        "--run-name",
        "sweep",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let all = runs(&env);
    assert_eq!(all.len(), 5);
    let parent = all
        .iter()
        .find(|r| r["info"]["run_name"] == "sweep")
        .unwrap();
    let pid = parent["info"]["run_id"].as_str().unwrap();
    assert_eq!(parent["info"]["status"], "FINISHED");
    let children: Vec<_> = all
        .iter()
        .filter(|r| tags(r).get("mlflow.parentRunId").map(String::as_str) == Some(pid))
        .collect();
    assert_eq!(children.len(), 4);
    let mut combos: Vec<(String, String)> = children
        .iter()
        .map(|c| (params(c)["a"].clone(), params(c)["b"].clone()))
        .collect();
    combos.sort();
    assert_eq!(
        combos,
        [("1", "x,y"), ("1", "z"), ("2", "x,y"), ("2", "z")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    for c in &children {
        assert_eq!(c["info"]["status"], "FINISHED");
        assert_eq!(
            metric(c, "score").unwrap().to_string(),
            params(c)["a"],
            "each child logged into its own run"
        );
    }
    // The comparison table: a CSV row per child with the swept params and the metric.
    let csv = stdout(&out);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "run_id,run_name,status,duration,params.b,params.a,metrics.score"
    );
    assert_eq!(lines.count(), 4);

    // A failing child fails the parent, and mlrun.
    let out = env.run(&[
        "run",
        dir.to_str().unwrap(),
        "--env-manager",
        "local",
        "-P",
        "a=3",
        "-P",
        "b=ok,bad",
        "--run-name",
        "sweep2",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let all = runs(&env);
    let parent = all
        .iter()
        .find(|r| r["info"]["run_name"] == "sweep2")
        .unwrap();
    assert_eq!(parent["info"]["status"], "FAILED");
}

#[test]
fn sigterm_reaches_the_child_and_the_run_ends_killed() {
    let env = TestEnv::new();
    let dir = project(
        &env,
        "p",
        &[(
            "MLproject",
            "entry_points:\n  main:\n    command: \"bash slow.sh\"\n",
        ), (
            "slow.sh",
            "trap 'echo got-term > got; exit 7' TERM\ntouch started\nwhile true; do sleep 0.05; done\n",
        )],
    );
    let mut child = env
        .cmd()
        .args(["run", dir.to_str().unwrap(), "--env-manager", "local"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while !dir.join("started").exists() {
        assert!(child.try_wait().unwrap().is_none(), "mlrun ended early");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let st = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(143), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.join("got")).unwrap(),
        "got-term\n"
    );
    let r = &runs(&env)[0];
    assert_eq!(r["info"]["status"], "KILLED");
}

#[test]
fn rerun_repeats_a_run_with_changed_params() {
    let env = TestEnv::new();
    let dir = project(
        &env,
        "p",
        &[(
            "MLproject",
            "entry_points:\n  main:\n    parameters:\n      a: string\n      b: {default: \"1\"}\n    command: \"printf '%s|' {a} {b}\"\n",
        )],
    );
    let out = env.run(&[
        "run",
        dir.to_str().unwrap(),
        "--env-manager",
        "local",
        "-P",
        "a=x y,z",
        "--grid",
        "/dev/null",
    ]);
    // A grid file must be a map: an empty one is refused before anything runs.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(runs(&env).is_empty());
    let out = env.run(&[
        "run",
        dir.to_str().unwrap(),
        "--env-manager",
        "local",
        "-P",
        "a=x y",
        "-P",
        "extra=e",
    ]);
    assert_eq!(stdout(&out), "x y|1|--extra|e|");
    let first = runs(&env)[0]["info"]["run_id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = env.run(&["runs", "rerun", &first, "-P", "b=2,3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "x y|2,3|--extra|e|",
        "values are taken whole on rerun"
    );
    let again = runs(&env)
        .into_iter()
        .find(|r| tags(r).get("mlrun.rerunOf") == Some(&first))
        .unwrap();
    assert_eq!(params(&again)["a"], "'x y'");
    assert_eq!(params(&again)["b"], "2,3");
    let err = env.fails(&["runs", "rerun", &first[..5]]);
    assert!(err.contains("error:"), "{err}");
}

#[test]
fn the_example_project_runs_with_the_local_manager() {
    let env = TestEnv::new();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hello");
    let out = env.run(&[
        "run",
        example.to_str().unwrap(),
        "--env-manager",
        "local",
        "-P",
        "epochs=3",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("hello world from run "),
        "{}",
        stdout(&out)
    );
    let r = &runs(&env)[0];
    assert_eq!(params(r)["greeting"], "'hello world'");
    assert_eq!(params(r)["greeting_length"], "11");
    let id = r["info"]["run_id"].as_str().unwrap();
    let h = env.json(&["metrics", "history", id, "loss"]);
    assert_eq!(h["metrics"].as_array().map(Vec::len), Some(3), "{h}");
}

/// Every file below `dir`, as sorted paths relative to it (empty when `dir` is missing).
fn files_below(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            rel.to_string_lossy().into_owned()
        })
        .collect();
    out.sort();
    out
}

/// What a store's runs hold that does not depend on when or into which store they ran, keyed by
/// entry point: run ids, store paths and model ids are replaced by names that mean the same in
/// both stores (`<run:entry point>`, `<store>`), run names by whether there is one.
fn comparable_runs(env: &TestEnv, store: &Path) -> BTreeMap<String, Value> {
    let v: Value = serde_json::from_slice(
        &env.cmd()
            .env("MLFLOW_TRACKING_URI", store)
            .args(["--output", "json", "runs", "search", "--max-results", "100"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let runs = v["runs"].as_array().cloned().unwrap_or_default();
    let entry_of: BTreeMap<String, String> = runs
        .iter()
        .map(|r| {
            let id = r["info"]["run_id"].as_str().unwrap().to_string();
            (id, tags(r)["mlflow.project.entryPoint"].clone())
        })
        .collect();
    let store_text = store.display().to_string();
    let neutral = |s: &str| -> String {
        let mut s = s.replace(&store_text, "<store>");
        for (id, entry) in &entry_of {
            s = s.replace(id, &format!("<run:{entry}>"));
        }
        s
    };
    let mut out = BTreeMap::new();
    for r in &runs {
        let info = &r["info"];
        let run_name = info["run_name"].as_str().unwrap_or_default();
        let tags: BTreeMap<String, String> = tags(r)
            .into_iter()
            // mlrun's own tags (what `runs rerun` needs) are mlrun's, not MLflow's.
            .filter(|(k, _)| !k.starts_with("mlrun."))
            .map(|(k, v)| match k.as_str() {
                "mlflow.runName" => (k, (v == run_name).to_string()),
                _ => (k, neutral(&v)),
            })
            .collect();
        let params: BTreeMap<String, String> = params(r)
            .into_iter()
            .map(|(k, v)| (k, neutral(&v)))
            .collect();
        let mut metric_keys: Vec<&str> = r["data"]["metrics"]
            .as_array()
            .map(|a| a.iter().map(|m| m["key"].as_str().unwrap()).collect())
            .unwrap_or_default();
        metric_keys.sort();
        let artifacts = info["artifact_uri"]
            .as_str()
            .and_then(|u| u.strip_prefix("file://"))
            .map(|p| files_below(Path::new(p)))
            .unwrap_or_default();
        let models = r["outputs"]["model_outputs"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|m| {
                        let id = m["model_id"].as_str().unwrap();
                        let dir = store.join(info["experiment_id"].as_str().unwrap());
                        json!({
                            "step": m["step"],
                            "files": files_below(&dir.join("models").join(id).join("artifacts")),
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let entry = tags["mlflow.project.entryPoint"].clone();
        out.insert(
            entry,
            json!({
                "status": info["status"],
                "user_id": info["user_id"],
                "lifecycle_stage": info["lifecycle_stage"],
                "has_run_name": !run_name.is_empty(),
                "has_end_time": info["end_time"].is_number(),
                "params": params,
                "metric_keys": metric_keys,
                "tags": tags,
                "artifacts": artifacts,
                "models": models,
            }),
        );
    }
    out
}

/// Runs our copy of an MLflow example project under `mlrun run` and under the real `mlflow run`
/// (each into its own store, from the same folder, with the same environment: no `USER` or
/// `LOGNAME`, so both find the user as `getpass.getuser()` does) and requires the runs to agree.
fn example_project_matches_mlflow_run(
    name: &str,
    args: &[&str],
    as_git_repo: bool,
) -> BTreeMap<String, Value> {
    let python = common::mlflow_sklearn_python();
    let bin = python.parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let env = TestEnv::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/example_projects")
        .join(name);
    for file in files_below(&fixture) {
        write(
            &env.path().join(name),
            &[(
                &file,
                &std::fs::read_to_string(fixture.join(&file)).unwrap(),
            )],
        );
    }
    if as_git_repo {
        let dir = env.path().join(name);
        git(&dir, &["init", "-q"]);
        git(&dir, &["add", "."]);
        git(&dir, &["commit", "-qm", "example"]);
    }
    let run_args: Vec<&str> = ["run", name, "--env-manager", "local"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    let launch = |program: &Path, pre: &[&str], store: &Path| {
        let out = env
            .command(program)
            .args(pre)
            .args(&run_args)
            .env("PATH", &path)
            .env_remove("USER")
            .env("MLFLOW_ALLOW_FILE_STORE", "true")
            .env("MLFLOW_TRACKING_URI", format!("file://{}", store.display()))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{} {run_args:?}:\n{}\n{}",
            program.display(),
            stdout(&out),
            stderr(&out)
        );
    };
    let ours = env.path().join("ours");
    let theirs = env.path().join("theirs");
    launch(Path::new(env!("CARGO_BIN_EXE_mlrun")), &[], &ours);
    launch(&python, &["-m", "mlflow"], &theirs);
    let (ours, theirs) = (comparable_runs(&env, &ours), comparable_runs(&env, &theirs));
    assert!(!theirs.is_empty());
    assert_eq!(
        serde_json::to_string_pretty(&ours).unwrap(),
        serde_json::to_string_pretty(&theirs).unwrap(),
        "{name}: mlrun run (left) and mlflow run (right)"
    );
    for run in theirs.values() {
        let user = run["user_id"].as_str().unwrap();
        assert!(!user.is_empty() && user != "unknown", "{user}");
    }
    theirs
}

fn logged_an_mlmodel(run: &Value) -> bool {
    run["models"][0]["files"]
        .as_array()
        .is_some_and(|files| files.iter().any(|f| f == "MLmodel"))
}

#[test]
fn interop_example_elasticnet_wine_matches_mlflow_run() {
    let runs = example_project_matches_mlflow_run("elasticnet_wine", &["-P", "alpha=0.3"], true);
    assert!(logged_an_mlmodel(&runs["main"]), "{}", runs["main"]);
}

#[test]
fn interop_example_logistic_regression_matches_mlflow_run() {
    let runs = example_project_matches_mlflow_run("logistic_regression", &[], false);
    assert!(logged_an_mlmodel(&runs["main"]), "{}", runs["main"]);
}

#[test]
fn interop_example_multistep_workflow_matches_mlflow_run() {
    let runs = example_project_matches_mlflow_run("multistep", &["-P", "min_rating=3"], true);
    let entries: Vec<&String> = runs.keys().collect();
    assert_eq!(entries, ["etl_data", "load_raw_data", "main", "train"]);
    for step in ["etl_data", "load_raw_data", "train"] {
        assert_eq!(runs[step]["tags"]["mlflow.parentRunId"], "<run:main>");
    }
    assert_eq!(
        runs["train"]["params"]["ratings_data"],
        "file://<store>/0/<run:etl_data>/artifacts/ratings-clean-dir/ratings.csv"
    );
}

#[test]
fn interop_example_plain_python_env_matches_mlflow_run() {
    example_project_matches_mlflow_run("plain", &["-P", "label=a b"], false);
}
