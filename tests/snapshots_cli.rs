//! What a user sees, as reviewed snapshots (insta, under tests/snapshots/): tables, errors with their
//! hints, and `--help`. Each snapshot shows stdout, stderr and the exit code of one command run in a
//! pinned `TestEnv` (time, ids and width fixed), with the temp dir shown as `$TEST_ENV`. A change in
//! any of them fails here until `INSTA_UPDATE=always cargo test --test snapshots_cli` and a review.
mod common;
use common::{TestEnv, PINNED_EPOCH_MS, PINNED_STEP_MS};

/// One command as the user sees it, in jj's style.
fn shown(env: &TestEnv, args: &[&str]) -> String {
    let out = env.run(args);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let mut s = String::new();
    let stdout = text(&out.stdout);
    if !stdout.is_empty() {
        s.push_str(&format!("[stdout]\n{stdout}"));
    }
    let stderr = text(&out.stderr);
    if !stderr.is_empty() {
        s.push_str(&format!("[stderr]\n{stderr}"));
    }
    match out.status.code() {
        Some(c) => s.push_str(&format!("[exit status: {c}]\n")),
        None => s.push_str("[killed by a signal]\n"),
    }
    // The temp dir, however the command spelled it (a path, or a file: URI).
    let dir = env.path().to_string_lossy().into_owned();
    let real = std::fs::canonicalize(env.path())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| dir.clone());
    s.replace(&real, "$TEST_ENV").replace(&dir, "$TEST_ENV")
}

/// A pinned store with experiment `train` holding two finished runs (params, metrics, a tag) and a
/// running one, plus a registered model `fraud` with two versions. Returns (env, first, second).
fn pinned_store() -> (TestEnv, String, String) {
    let env = TestEnv::pinned();
    env.ok(&["experiments", "create", "train"]);
    env.ok(&["experiments", "create", "tune"]);
    let mut ids = Vec::new();
    for (depth, loss, acc) in [("3", "0.5", "0.8"), ("5", "0.25", "0.9")] {
        let id = env.ok(&["runs", "start", "--experiment-name", "train"]);
        env.ok(&[
            "log-params",
            "--run-id",
            &id,
            "lr=0.1",
            &format!("depth={depth}"),
        ]);
        env.ok(&[
            "log-metrics",
            "--run-id",
            &id,
            &format!("loss={loss}"),
            &format!("acc={acc}"),
        ]);
        ids.push(id);
    }
    env.ok(&["runs", "set-tag", &ids[1], "team", "vision"]);
    for id in &ids {
        env.ok(&["runs", "end", id]);
    }
    env.ok(&[
        "runs",
        "start",
        "--experiment-name",
        "train",
        "--name",
        "still-going",
    ]);
    let model = env.path().join("model");
    std::fs::create_dir_all(&model).unwrap();
    std::fs::write(
        model.join("MLmodel"),
        "flavors:\n  python_function:\n    loader_module: x\n",
    )
    .unwrap();
    let model = model.to_string_lossy().into_owned();
    env.ok(&["models", "register", &model, "fraud"]);
    env.ok(&[
        "models",
        "register",
        &model,
        "fraud",
        "--description",
        "deeper",
    ]);
    env.ok(&["models", "set-alias", "fraud", "champion", "2"]);
    let second = ids.pop().unwrap();
    (env, ids.pop().unwrap(), second)
}

/// Pinned time and ids make a store and what commands print the same on every run: two stores built
/// by the same commands hold the same files, byte for byte (temp paths aside).
#[test]
fn pinned_stores_are_identical() {
    let (a, a1, a2) = pinned_store();
    let (b, b1, b2) = pinned_store();
    assert_eq!((&a1, &a2), (&b1, &b2));
    let files = |env: &TestEnv| -> Vec<(String, String)> {
        let root = env.path().to_string_lossy().into_owned();
        env.snapshot()
            .into_iter()
            .map(|(p, bytes)| {
                let p = p
                    .strip_prefix(env.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (
                    p,
                    String::from_utf8_lossy(&bytes).replace(&root, "$TEST_ENV"),
                )
            })
            .collect()
    };
    assert_eq!(files(&a), files(&b));
    let args = ["runs", "describe", &a2];
    assert_eq!(shown(&a, &args), shown(&b, &args));
}

/// The nth command of a pinned env reads the clock at the pinned time, 1 ms later per read.
#[test]
fn pinned_time_is_what_the_harness_set() {
    let env = TestEnv::pinned();
    let id = env.ok(&["runs", "start"]);
    let run = env.json(&["runs", "describe", &id]);
    let start = run["run"]["info"]["start_time"].as_i64().unwrap();
    let first = (PINNED_EPOCH_MS + PINNED_STEP_MS) as i64;
    assert!((first..first + 100).contains(&start), "{run}");
}

/// Without the pinning variables every run still gets fresh ids.
#[test]
fn unpinned_ids_differ() {
    let env = TestEnv::new();
    let a = env.ok(&["runs", "start"]);
    let b = env.ok(&["runs", "start"]);
    assert_ne!(a, b);
}

/// A bad pinning value is a usage error naming the variable, not a silently unpinned run.
#[test]
fn bad_pinning_value_is_refused() {
    let env = TestEnv::new();
    for var in ["MLRUN_TEST_TIMESTAMP", "MLRUN_TEST_SEED"] {
        let out = env
            .cmd()
            .env(var, "soon")
            .args(["runs", "start"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{var}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(var), "{err}");
    }
    assert!(!env.store().exists());
}

#[test]
fn runs_search_with_columns() {
    let (env, _, _) = pinned_store();
    insta::assert_snapshot!(shown(
        &env,
        &[
            "runs",
            "search",
            "--experiment-name",
            "train",
            "--columns",
            "run_name,status,start_time,duration,params.depth,metrics.loss,tags.team",
        ]
    ));
}

#[test]
fn runs_search_default_columns_ordered() {
    let (env, _, _) = pinned_store();
    insta::assert_snapshot!(shown(
        &env,
        &[
            "runs",
            "search",
            "--experiment-name",
            "train",
            "--filter",
            "metrics.loss < 1",
            "--order-by",
            "metrics.loss",
        ]
    ));
}

#[test]
fn experiments_list() {
    let (env, _, _) = pinned_store();
    insta::assert_snapshot!(shown(&env, &["experiments", "list"]));
}

#[test]
fn compare_two_runs() {
    let (env, a, b) = pinned_store();
    insta::assert_snapshot!(shown(&env, &["compare", &a, &b]));
}

#[test]
fn diff_two_runs() {
    let (env, a, b) = pinned_store();
    insta::assert_snapshot!(shown(&env, &["diff", &a, &b]));
}

#[test]
fn models_versions() {
    let (env, _, _) = pinned_store();
    insta::assert_snapshot!(shown(&env, &["models", "versions", "fraud"]));
}

#[test]
fn error_bad_filter_shows_a_caret() {
    let (env, _, _) = pinned_store();
    insta::assert_snapshot!(shown(
        &env,
        &[
            "runs",
            "search",
            "--experiment-name",
            "train",
            "--filter",
            "metrics.loss >> 1"
        ]
    ));
}

#[test]
fn error_unknown_run() {
    let (env, _, _) = pinned_store();
    insta::assert_snapshot!(shown(&env, &["runs", "describe", "0123abcd"]));
}

#[test]
fn error_unknown_experiment_has_a_hint() {
    let (env, _, _) = pinned_store();
    insta::assert_snapshot!(shown(
        &env,
        &["runs", "search", "--experiment-name", "trian"]
    ));
}

#[test]
fn error_param_change_refused() {
    let (env, a, _) = pinned_store();
    insta::assert_snapshot!(shown(&env, &["log-param", "--run-id", &a, "depth", "4"]));
}

#[test]
fn help_top_level() {
    let env = TestEnv::pinned();
    insta::assert_snapshot!(shown(&env, &["--help"]));
}

#[test]
fn help_runs_search() {
    let env = TestEnv::pinned();
    insta::assert_snapshot!(shown(&env, &["runs", "search", "--help"]));
}

#[test]
fn help_log_metric() {
    let env = TestEnv::pinned();
    insta::assert_snapshot!(shown(&env, &["log-metric", "--help"]));
}

#[test]
fn help_models_register() {
    let env = TestEnv::pinned();
    insta::assert_snapshot!(shown(&env, &["models", "register", "--help"]));
}

#[test]
fn help_short_runs() {
    let env = TestEnv::pinned();
    insta::assert_snapshot!(shown(&env, &["runs", "-h"]));
}

/// A command `mlrun exec` starts inherits the pinning, yet the ids it makes never repeat the
/// parent's: a nested run started inside a pinned exec is a second run, not the parent's id again.
#[test]
fn pinned_children_make_their_own_ids() {
    let env = TestEnv::pinned();
    let mlrun = env!("CARGO_BIN_EXE_mlrun");
    let parent = env.ok(&["exec", "--", mlrun, "runs", "start", "--experiment-id", "0"]);
    let runs = env.json(&["runs", "search", "--experiment-id", "0"]);
    let runs = runs["runs"].as_array().unwrap();
    let ids: std::collections::BTreeSet<_> = runs
        .iter()
        .map(|r| r["info"]["run_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{parent}\n{runs:?}");
}
