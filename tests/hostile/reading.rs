//! Reading what is there, correctly (issue 13): names PyYAML keeps as strings but a YAML 1.2 reader
//! types, damaged metric files, and stores whose shape is wrong.
use crate::common::{self, TestEnv};

/// Strings PyYAML writes unquoted (its resolver keeps them `str`) that a YAML 1.2 reader types as
/// numbers: the attack class. Derived from resolver.py: a float needs a `.` and a signed exponent,
/// `.5` takes no sign, and `0o` is no YAML 1.1 prefix.
const UNQUOTED: &[&str] = &[
    "1e3", "1E10", ".5e1", "0o17", "+1e3", "-2e5", "1e+3", "1.5e3", "-.5", "+.5", "1e-5", "6e0",
    "09",
];
/// Strings PyYAML types (int, float, bool, null, timestamp), so it writes them quoted.
const QUOTED: &[&str] = &[
    "1000.0",
    "0x1F",
    "1_000",
    "yes",
    "1:30",
    "2001-12-14",
    "~",
    ".inf",
    "0b11",
    "017",
    ".5e+1",
];

fn all_names() -> Vec<&'static str> {
    UNQUOTED.iter().chain(QUOTED).copied().collect()
}

/// Registered model names may not hold `:`.
fn registry_names() -> Vec<&'static str> {
    all_names()
        .into_iter()
        .filter(|n| !n.contains(':'))
        .collect()
}

fn py_list(names: &[&str]) -> String {
    serde_json::to_string(names).unwrap()
}

/// Attack: an experiment named `1e3` (or any spelling PyYAML leaves a string but YAML 1.2 reads as a
/// number) is read back as `1000.0`: `runs start --experiment-name 1e3` makes a second experiment,
/// `runs search --experiment-name 1e3` finds nothing, `experiments create 1000.0` is refused, and
/// the same happens in the trash. Every spelling round-trips through mlrun and through MLflow.
#[test]
fn yaml_number_like_experiment_names() {
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "seed"]);
    // `1e3` comes before `1000.0`: a YAML 1.2 reader refuses the second as taken.
    for name in all_names() {
        let id = env.ok(&["experiments", "create", "--", name]);
        let before = env.json(&["experiments", "list"])["experiments"]
            .as_array()
            .unwrap()
            .len();
        let run = env.ok(&["runs", "start", &format!("--experiment-name={name}")]);
        let after = env.json(&["experiments", "list"])["experiments"]
            .as_array()
            .unwrap()
            .len();
        assert_eq!(
            before, after,
            "runs start made a second experiment for {name:?}"
        );
        let found = env.json(&["runs", "search", &format!("--experiment-name={name}")]);
        assert_eq!(found["runs"][0]["info"]["run_id"], run.as_str(), "{name:?}");
        let exp = env.json(&["experiments", "describe", "--", name]);
        assert_eq!(exp["experiment"]["experiment_id"], id.as_str(), "{name:?}");
        assert_eq!(exp["experiment"]["name"], name);
    }
    // MLflow reads every name back as written, and what it writes mlrun reads back the same.
    let out = common::run_mlflow(
        &env.store(),
        &format!(
            "import mlflow\n\
             c = mlflow.MlflowClient()\n\
             for n in {names}:\n\
             \x20   e = c.get_experiment_by_name(n)\n\
             \x20   assert e is not None and e.name == n, (n, e and e.name)\n\
             \x20   c.create_experiment('p' + n)\n\
             print('ok')\n",
            names = py_list(&all_names())
        ),
    );
    assert_eq!(out.trim(), "ok");
    for name in all_names() {
        let pname = format!("p{name}");
        let exp = env.json(&["experiments", "describe", &pname]);
        assert_eq!(exp["experiment"]["name"], pname.as_str());
    }
    // MLflow itself writes names like `1e3` unquoted; read one it made without a prefix.
    common::run_mlflow(
        &env.store(),
        "import mlflow\nmlflow.MlflowClient().create_experiment('2e4')\n",
    );
    let exp = env.json(&["experiments", "describe", "2e4"]);
    assert_eq!(exp["experiment"]["name"], "2e4");
    // Deleted experiments are read from the trash with the same rules.
    let id = env.json(&["experiments", "describe", "1e3"])["experiment"]["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    env.ok(&["experiments", "delete", &id]);
    let deleted = env.json(&["experiments", "list", "--view", "deleted"]);
    assert_eq!(deleted["experiments"][0]["name"], "1e3", "{deleted}");
    env.ok(&["experiments", "restore", &id]);
    assert_eq!(
        env.json(&["experiments", "describe", "1e3"])["experiment"]["experiment_id"],
        id.as_str()
    );
}

/// Attack: registered models, model versions, run names and dataset inputs named like YAML numbers
/// are misread in the registry's meta.yaml and the inputs' meta.yaml as in the experiment's.
#[test]
fn yaml_number_like_names_in_registry_runs_and_inputs() {
    let env = TestEnv::new();
    let exp = env.ok(&["experiments", "create", "e"]);
    for name in registry_names() {
        env.ok(&[
            "models",
            "create",
            &format!("--description={name}"),
            "--",
            name,
        ]);
    }
    let out = common::run_mlflow(
        &env.store(),
        &format!(
            "import mlflow\n\
             from mlflow.entities import Dataset, DatasetInput, InputTag\n\
             c = mlflow.MlflowClient()\n\
             names = {names}\n\
             for n in {models}:\n\
             \x20   m = c.get_registered_model(n)\n\
             \x20   assert m.name == n and m.description == n, (n, m.name, m.description)\n\
             \x20   c.create_model_version(n, 'file:///tmp/m', description=n)\n\
             r = c.create_run('{exp}', run_name='1e3')\n\
             c.log_inputs(r.info.run_id, datasets=[DatasetInput(Dataset(name=n, digest='d' + str(i), source_type='local', source=n), tags=[InputTag('mlflow.data.context', n)]) for i, n in enumerate(names)])\n\
             print(r.info.run_id)\n",
            names = py_list(&all_names()),
            models = py_list(&registry_names())
        ),
    );
    let run_id = out.trim();
    for name in registry_names() {
        let m = env.json(&["models", "describe", "--", name]);
        assert_eq!(m["registered_model"]["name"], name, "{m}");
        assert_eq!(m["registered_model"]["description"], name, "{m}");
        let v = env.json(&["models", "version", "--", name, "1"]);
        assert_eq!(v["model_version"]["name"], name, "{v}");
        assert_eq!(v["model_version"]["description"], name, "{v}");
    }
    let run = env.json(&["runs", "describe", run_id]);
    assert_eq!(run["run"]["info"]["run_name"], "1e3");
    let inputs = run["run"]["inputs"]["dataset_inputs"].as_array().unwrap();
    let mut got: Vec<(String, String)> = inputs
        .iter()
        .map(|i| {
            (
                i["dataset"]["name"].as_str().unwrap().to_string(),
                i["tags"][0]["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = all_names()
        .iter()
        .map(|n| (n.to_string(), n.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want);
}

/// What a child did, with stdout and stderr capped (the rest is drained and counted) and the
/// child's peak resident memory from `wait4`'s rusage.
struct Measured {
    code: Option<i32>,
    stderr: String,
    stderr_len: usize,
    max_rss_kb: i64,
}

// The child is reaped by `wait4` (for its rusage), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run_measured(env: &TestEnv, args: &[&str]) -> Measured {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    let mut child = env
        .cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut kept = Vec::new();
            let mut total = 0usize;
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                match r.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        total += n;
                        if kept.len() < 64 * 1024 {
                            kept.extend_from_slice(&buf[..n]);
                        }
                    }
                }
            }
            (kept, total)
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid; wait4 reaps our own child by pid.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid);
    let _ = out.join().unwrap();
    let (kept, stderr_len) = err.join().unwrap();
    Measured {
        code: std::process::ExitStatus::from_raw(status).code(),
        stderr: String::from_utf8_lossy(&kept).into_owned(),
        stderr_len,
        max_rss_kb: usage.ru_maxrss,
    }
}

/// A run with one good metric, and the path of its metrics folder.
fn run_with_metrics(env: &TestEnv) -> (String, std::path::PathBuf) {
    let exp = env.ok(&["experiments", "create", "m"]);
    let run = env.ok(&["runs", "start", "--experiment-id", &exp]);
    env.ok(&["log-metric", "--run-id", &run, "good", "1.5"]);
    let dir = env.store().join(&exp).join(&run).join("metrics");
    assert!(dir.join("good").is_file());
    (run, dir)
}

/// The commands that read a metric file, each given the run and the metric's key, and whether it
/// lists runs. A command about one run fails on a damaged metric file, as MLflow's reader raises; a
/// search lists the other runs and warns about the damaged one (a damaged run never hides the
/// rest), in the same words.
fn metric_readers(run: &str, key: &str) -> Vec<(Vec<String>, bool)> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        (s(&["metrics", "history", run, key]), false),
        (s(&["runs", "describe", run]), false),
        (s(&["compare", run, run]), false),
        (
            s(&[
                "runs",
                "search",
                "--experiment-name",
                "m",
                "--filter",
                &format!("metrics.{key} > 0"),
            ]),
            true,
        ),
        (
            s(&[
                "runs",
                "search",
                "--experiment-name",
                "m",
                "--order-by",
                &format!("metrics.{key} DESC"),
            ]),
            true,
        ),
    ]
}

/// Attack: a 300 MB metric file of NUL bytes with no newline (sparse: `set_len` costs no disk) is
/// read whole: `metrics history` held it all in memory and quoted all of it to stderr, while
/// `runs describe` took it for an append in flight and said nothing. Every reader streams it in
/// bounded memory, fails, and names the file and line with a short escaped quote.
#[test]
fn nul_metric_file_is_streamed_and_quoted_briefly() {
    let env = TestEnv::new();
    let (run, dir) = run_with_metrics(&env);
    let path = dir.join("nul");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    // (No store snapshot here: reading 300 MB into this process would raise the peak RSS a forked
    // child reports.)
    for (args, listing) in metric_readers(&run, "nul") {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let m = run_measured(&env, &args);
        let want = if listing { 0 } else { 1 };
        assert_eq!(m.code, Some(want), "{args:?}: {}", m.stderr);
        assert!(
            m.stderr_len < 4096,
            "{args:?}: {} bytes of stderr",
            m.stderr_len
        );
        assert!(
            m.stderr.contains(&path.display().to_string()),
            "{args:?}: {}",
            m.stderr
        );
        assert!(m.stderr.contains("line 1"), "{args:?}: {}", m.stderr);
        assert!(m.stderr.contains("\\x00\\x00"), "{args:?}: {}", m.stderr);
        assert!(
            m.max_rss_kb < 100 * 1024,
            "{args:?}: peak RSS {} KB",
            m.max_rss_kb
        );
    }
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 300 << 20);
}

/// Attack: a garbage line in the middle of a metric file. `metrics history` quoted it, `runs
/// describe` and search said the same thing without a line number; every reader now fails with
/// one message naming the file, the line number and the line's start.
#[test]
fn garbage_metric_line_is_named_the_same_everywhere() {
    let env = TestEnv::new();
    let (run, dir) = run_with_metrics(&env);
    let path = dir.join("bad");
    let long = "x".repeat(5000);
    std::fs::write(
        &path,
        format!("1 1.0 0\n2 2.0 1\n\x1b]0;pwned\x07 {long}\n3 3.0 2\n"),
    )
    .unwrap();
    let mut messages = Vec::new();
    for (args, listing) in metric_readers(&run, "bad") {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = if listing {
            let out = env.run(&args);
            assert!(out.status.success(), "{args:?}");
            assert!(
                !String::from_utf8_lossy(&out.stdout).contains(&run),
                "{args:?}"
            );
            String::from_utf8(out.stderr).unwrap()
        } else {
            env.fails(&args)
        };
        assert!(err.contains(&path.display().to_string()), "{args:?}: {err}");
        assert!(err.contains("line 3"), "{args:?}: {err}");
        assert!(err.contains("\\x1b]0;pwned\\x07"), "{args:?}: {err}");
        assert!(!err.contains('\x1b') && err.len() < 1024, "{args:?}: {err}");
        let first = err.lines().next().unwrap();
        messages.push(first[first.find(": /").unwrap()..].to_string());
    }
    messages.dedup();
    assert_eq!(messages.len(), 1, "{messages:#?}");
}

/// Attack: a run whose `metrics` is a file, not a folder. Every command said "Run … not found";
/// now each says what is wrong and where.
#[test]
fn metrics_folder_that_is_a_file_is_named() {
    let env = TestEnv::new();
    let (run, dir) = run_with_metrics(&env);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "").unwrap();
    let before = env.snapshot();
    for args in [
        vec!["runs", "describe", &run],
        vec!["metrics", "history", &run, "good"],
        vec!["log-metric", "--run-id", &run, "x", "1"],
    ] {
        let err = env.fails(&args);
        assert!(!err.contains("not found"), "{args:?}: {err}");
        assert!(err.contains(&dir.display().to_string()), "{args:?}: {err}");
        assert!(err.contains("not a file"), "{args:?}: {err}");
    }
    assert!(
        env.snapshot() == before,
        "a failed command changed the store"
    );
}

/// Attack: an experiment whose meta.yaml is a folder was hidden without a word, and its name could
/// be created again silently. Listing now warns and names the file; creating warns that the name
/// could not be checked (MLflow, too, lets the name be created when the meta cannot be read).
#[test]
fn experiment_meta_that_is_a_folder_is_reported() {
    let env = TestEnv::new();
    let id = env.ok(&["experiments", "create", "hidden"]);
    let meta = env.store().join(&id).join("meta.yaml");
    std::fs::remove_file(&meta).unwrap();
    std::fs::create_dir(&meta).unwrap();
    let out = env.run(&["experiments", "list"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&meta.display().to_string()), "{err}");
    let err = env.fails(&["experiments", "describe", &id]);
    assert!(err.contains(&meta.display().to_string()), "{err}");
    let out = env.run(&["experiments", "create", "hidden"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("could not check"), "{err}");
    assert!(err.contains(&meta.display().to_string()), "{err}");
}

/// Attack: an experiment whose meta.yaml is damaged (its id disagrees with its folder) but still
/// names it: its name could be created again, making two experiments of one name for MLflow.
/// Creating it now is refused, naming the file, and the store is unchanged.
#[test]
fn damaged_experiment_meta_still_holds_its_name() {
    let env = TestEnv::new();
    let id = env.ok(&["experiments", "create", "taken"]);
    let meta = env.store().join(&id).join("meta.yaml");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, text.replace(&format!("'{id}'"), "'999'")).unwrap();
    let before = env.snapshot();
    for args in [
        vec!["experiments", "create", "taken"],
        vec!["runs", "start", "--experiment-name", "taken"],
    ] {
        let err = env.fails(&args);
        assert!(err.contains("already exists"), "{args:?}: {err}");
        assert!(err.contains(&meta.display().to_string()), "{args:?}: {err}");
    }
    assert!(
        env.snapshot() == before,
        "a refused create changed the store"
    );
}

/// Attack: a logged model named `1e3` (MLflow 3's `<exp>/models/m-…/meta.yaml`) was read back as
/// `1000.0`, so `runs:/RUN/1e3` did not find it. mlrun finds it, and MLflow reads the name mlrun
/// wrote.
#[test]
fn yaml_number_like_logged_model_name() {
    let env = TestEnv::new();
    let exp = env.ok(&["experiments", "create", "e"]);
    let run = env.ok(&["runs", "start", "--experiment-id", &exp]);
    let model = env.path().join("mdl");
    std::fs::create_dir(&model).unwrap();
    std::fs::write(model.join("model.pkl"), "not really a pickle").unwrap();
    let uri = env.ok(&[
        "models",
        "log",
        model.to_str().unwrap(),
        "--run-id",
        &run,
        "--name",
        "1e3",
    ]);
    let id = uri.trim().strip_prefix("models:/").unwrap().to_string();
    env.ok(&["models", "inspect", &format!("runs:/{run}/1e3")]);
    let out = common::run_mlflow(
        &env.store(),
        &format!("import mlflow\nprint(repr(mlflow.get_logged_model('{id}').name))\n"),
    );
    assert_eq!(out.trim(), "'1e3'");
}

/// Attack: a run's `outputs/` (read since `runs describe` shows logged models) holds a damaged
/// record, a record that is a folder, and a link to a folder outside the store. Describing the
/// run names the damaged file and fails, as MLflow's reader raises; a search still lists the other
/// runs and names the damaged one; the link is never followed; nothing is written.
#[test]
fn damaged_or_linked_run_outputs_are_named_not_followed() {
    let env = TestEnv::new();
    let (run, metrics) = run_with_metrics(&env);
    let exp_dir = metrics.parent().unwrap().parent().unwrap().to_path_buf();
    let other = env.ok(&[
        "runs",
        "start",
        "--experiment-id",
        exp_dir.file_name().unwrap().to_str().unwrap(),
    ]);
    let outputs = metrics.parent().unwrap().join("outputs");
    // A link to a folder outside the store, holding a well-formed record: never read.
    let outside = env.path().join("outside");
    std::fs::create_dir_all(outside.join("m-outside")).unwrap();
    std::fs::write(
        outside.join("m-outside").join("meta.yaml"),
        "destination_id: m-outside\ndestination_type: MODEL_OUTPUT\nsource_id: m-outside\nsource_type: RUN_OUTPUT\nstep: 0\ntags: {}\n",
    )
    .unwrap();
    std::fs::create_dir_all(&outputs).unwrap();
    std::os::unix::fs::symlink(outside.join("m-outside"), outputs.join("m-link")).unwrap();
    let r = env.json(&["runs", "describe", &run]);
    assert_eq!(r["run"]["outputs"], serde_json::json!({}), "{r}");
    // A damaged record is named.
    let damaged = outputs.join("m-damaged").join("meta.yaml");
    std::fs::create_dir_all(damaged.parent().unwrap()).unwrap();
    std::fs::write(&damaged, "destination_type: MODEL_OUTPUT\nstep: [\n").unwrap();
    let before = env.snapshot();
    let err = env.fails(&["runs", "describe", &run]);
    assert!(err.contains(&damaged.display().to_string()), "{err}");
    let out = env
        .cmd()
        .args(["--output", "json", "runs", "search"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = listed["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["info"]["run_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [other.as_str()]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&damaged.display().to_string()),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.snapshot() == before, "a read changed the store");
}
