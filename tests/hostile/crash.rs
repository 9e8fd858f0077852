//! A machine that kills mlrun at any system call (issue 13, "Crash safety"): every write command is
//! SIGKILLed at each rename and mkdir with strace's fault injection, and after each kill MLflow's own
//! client must still read the store, and `mlrun doctor --fix` must leave a store `doctor` calls clean.
use crate::common::{self, TestEnv};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The system calls a kill is injected at: every spelling of rename and mkdir.
const KILL_SYSCALLS: &[&str] = &["rename", "renameat", "renameat2", "mkdir", "mkdirat"];

/// strace must be there: a crash test that skips proves nothing.
fn require_strace() {
    let ok = Command::new("strace")
        .arg("-V")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "strace is missing: the crash tests need it (apt-get install -y strace)"
    );
}

/// Runs mlrun against `store` under strace, SIGKILLing it at the `n`th call of `syscall`. Returns
/// whether it was killed (false: the command finished before reaching that call).
fn run_killed_at(env: &TestEnv, store: &Path, syscall: &str, n: usize, args: &[&str]) -> bool {
    let log = env.path().join("strace.log");
    let _ = std::fs::remove_file(&log);
    let out = env
        .command("strace")
        .args(["-f", "-qq", "-o"])
        .arg(&log)
        .args(["-e", &format!("trace={syscall}")])
        .args(["-e", &format!("inject={syscall}:signal=SIGKILL:when={n}")])
        .arg(env!("CARGO_BIN_EXE_mlrun"))
        .args(args)
        .env("MLFLOW_TRACKING_URI", store)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A system call this architecture does not have (e.g. plain `rename` on arm64) is never made.
    if stderr.contains("invalid system call") {
        return false;
    }
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let killed = text.contains("killed by SIGKILL");
    if !killed {
        assert!(
            out.status.success(),
            "mlrun {args:?} failed without a kill (strace {syscall} when={n}): {stderr}"
        );
    }
    killed
}

fn copy_tree(src: &Path, dest: &Path) {
    std::fs::create_dir_all(dest).unwrap();
    for e in std::fs::read_dir(src).unwrap().flatten() {
        let ft = e.file_type().unwrap();
        let to = dest.join(e.file_name());
        if ft.is_dir() {
            copy_tree(&e.path(), &to);
        } else if ft.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(e.path()).unwrap(), &to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}

/// Every entry under `dir` (path, link target or bytes), never following a link.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let ft = e.file_type().unwrap();
        if ft.is_symlink() {
            let to = std::fs::read_link(e.path()).unwrap();
            out.push((e.path(), to.as_os_str().as_encoded_bytes().to_vec()));
        } else if ft.is_dir() {
            out.push((e.path(), vec![]));
            out.extend(snapshot(&e.path()));
        } else {
            out.push((e.path(), std::fs::read(e.path()).unwrap()));
        }
    }
    out
}

fn reset(store: &Path, pristine: &Path) {
    let _ = std::fs::remove_dir_all(store);
    copy_tree(pristine, store);
}

/// MLflow's client reads every store in `stores`: experiments (all), their runs (all, each also by
/// `get_run`), registered models (no name twice) and model versions. One Python process for all.
/// Returns the stores it failed on, with MLflow's error.
fn mlflow_failures(stores: &[PathBuf]) -> Vec<String> {
    if stores.is_empty() {
        return vec![];
    }
    let list: Vec<String> = stores.iter().map(|p| p.display().to_string()).collect();
    let script = format!(
        r#"
import json, logging, mlflow
logging.disable(logging.CRITICAL)
from mlflow import MlflowClient
from mlflow.entities import ViewType
for p in json.loads({list:?}):
    uri = "file://" + p
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    c = MlflowClient(tracking_uri=uri, registry_uri=uri)
    try:
        for e in c.search_experiments(view_type=ViewType.ALL):
            for r in c.search_runs([e.experiment_id], run_view_type=ViewType.ALL):
                c.get_run(r.info.run_id)
        names = [m.name for m in c.search_registered_models()]
        assert len(names) == len(set(names)), "a registered model is listed twice: %r" % names
        c.search_model_versions()
        print("OK", p)
    except Exception as ex:
        print("FAIL", p, type(ex).__name__, str(ex).splitlines()[0] if str(ex) else "")
"#,
        list = serde_json::to_string(&list).unwrap()
    );
    let out = common::run_mlflow(&stores[0], &script);
    let oks = out.lines().filter(|l| l.starts_with("OK ")).count();
    let mut fails: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with("FAIL "))
        .map(str::to_string)
        .collect();
    if oks + fails.len() != stores.len() {
        fails.push(format!(
            "MLflow checked {oks} stores of {}: {out}",
            stores.len()
        ));
    }
    fails
}

/// `doctor --fix` then `doctor` on a store: the second must find nothing (exit 0).
fn doctor_cleans(env: &TestEnv, store: &Path) -> Result<(), String> {
    let uri = store.to_string_lossy().into_owned();
    let fix = env.run(&["--tracking-uri", &uri, "doctor", "--fix"]);
    let check = env.run(&["--tracking-uri", &uri, "--output", "json", "doctor"]);
    if check.status.code() == Some(0) {
        Ok(())
    } else {
        Err(format!(
            "doctor --fix left problems (fix said {}{}; doctor says {})",
            String::from_utf8_lossy(&fix.stdout),
            String::from_utf8_lossy(&fix.stderr),
            String::from_utf8_lossy(&check.stdout)
        ))
    }
}

/// Every `.mlrun-new-*`, `.mlrun-tmp-*` or staging area left anywhere in the store.
fn leftovers(store: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(".mlrun-new-")
                || name.starts_with(".mlrun-tmp-")
                || name.starts_with(".mlrun-staging")
            {
                out.push(e.path());
            }
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                walk(&e.path(), out);
            }
        }
    }
    walk(store, &mut out);
    out
}

/// The ids of the store every kill point starts from.
struct Base {
    exp: String,
    run: String,
    deleted_run: String,
    deleted_exp: String,
    model_dir: String,
    file: String,
    batch: String,
}

/// A store with an experiment holding an active run (a metric, a param) and a deleted run, a deleted
/// experiment, and a registered model `m` with two versions.
fn base_store(env: &TestEnv) -> Base {
    let exp = env.ok(&["experiments", "create", "e"]);
    let run = env.ok(&["runs", "start", "--experiment-id", &exp]);
    env.ok(&["log-metric", "--run-id", &run, "loss", "0.5"]);
    env.ok(&["log-param", "--run-id", &run, "lr", "0.1"]);
    let deleted_run = env.ok(&["runs", "start", "--experiment-id", &exp]);
    env.ok(&["runs", "delete", &deleted_run]);
    let deleted_exp = env.ok(&["experiments", "create", "d"]);
    env.ok(&["runs", "start", "--experiment-id", &deleted_exp]);
    env.ok(&["experiments", "delete", &deleted_exp]);
    let model = env.path().join("model");
    std::fs::create_dir_all(&model).unwrap();
    std::fs::write(
        model.join("MLmodel"),
        "flavors:\n  python_function:\n    loader_module: x\n",
    )
    .unwrap();
    let model_dir = model.to_string_lossy().into_owned();
    env.ok(&["models", "register", &model_dir, "m"]);
    env.ok(&["models", "register", &model_dir, "m"]);
    let file = env.path().join("f.txt");
    std::fs::write(&file, "hello\n").unwrap();
    let batch = env.path().join("batch.json");
    std::fs::write(
        &batch,
        r#"{"metrics":[{"key":"acc","value":0.9,"timestamp":1,"step":0}],"params":[{"key":"bs","value":"32"}],"tags":[{"key":"t","value":"v"}]}"#,
    )
    .unwrap();
    Base {
        exp,
        run,
        deleted_run,
        deleted_exp,
        model_dir,
        file: file.to_string_lossy().into_owned(),
        batch: batch.to_string_lossy().into_owned(),
    }
}

/// Kills `args` at every call of `syscall` in turn (N = 1, 2, … until it completes), starting each
/// time from `pristine`; after each kill, copies the store to `states/` (for MLflow) and hands the
/// killed store to `after`. Returns how many kills there were.
fn each_kill_point(
    env: &TestEnv,
    pristine: &Path,
    syscall: &str,
    args: &[&str],
    states: &mut Vec<PathBuf>,
    mut after: impl FnMut(&Path, usize) -> Result<(), String>,
    errors: &mut Vec<String>,
) -> usize {
    let store = env.store();
    let mut n = 1;
    loop {
        assert!(n < 200, "mlrun {args:?} makes over 200 {syscall} calls");
        reset(&store, pristine);
        if !run_killed_at(env, &store, syscall, n, args) {
            return n - 1;
        }
        let state = env
            .path()
            .join("states")
            .join(format!("{}-{syscall}-{n}", states.len()));
        copy_tree(&store, &state);
        states.push(state);
        if let Err(e) = after(&store, n) {
            errors.push(format!("mlrun {args:?} killed at {syscall} #{n}: {e}"));
        }
        n += 1;
    }
}

fn assert_mlflow_reads(states: &[PathBuf], errors: Vec<String>) {
    let mut errors = errors;
    errors.extend(mlflow_failures(states));
    assert!(
        errors.is_empty(),
        "{} problem(s):\n{}",
        errors.len(),
        errors.join("\n")
    );
}

fn pristine(env: &TestEnv) -> PathBuf {
    let p = env.path().join("pristine");
    copy_tree(&env.store(), &p);
    p
}

/// Attack: `runs start` killed at each rename (the last one moving the staged run into place) left
/// `<exp>/.mlrun-new-*/meta.yaml`, and MLflow's `search_runs` failed with "Invalid parent
/// directory".
#[test]
fn runs_start_killed_at_each_rename_is_invisible_to_mlflow() {
    require_strace();
    let env = TestEnv::new();
    let b = base_store(&env);
    let p = pristine(&env);
    let (mut states, mut errors) = (vec![], vec![]);
    let args = ["runs", "start", "--experiment-id", &b.exp];
    for sys in ["rename", "mkdir"] {
        each_kill_point(
            &env,
            &p,
            sys,
            &args,
            &mut states,
            |_, _| Ok(()),
            &mut errors,
        );
    }
    assert!(!states.is_empty(), "runs start was never killed");
    assert_mlflow_reads(&states, errors);
}

/// Attack: `models register` of a new name killed at its first rename left `models/.mlrun-new-*`
/// without meta.yaml (MLflow's `search_registered_models()` raised); killed at the next one, the
/// staged copy held a meta.yaml, and registering again listed the model twice.
#[test]
fn models_register_new_name_killed_at_each_rename_is_invisible_and_never_doubled() {
    require_strace();
    let env = TestEnv::new();
    let b = base_store(&env);
    let p = pristine(&env);
    let (mut states, mut errors) = (vec![], vec![]);
    let args = ["models", "register", b.model_dir.as_str(), "fresh"];
    each_kill_point(
        &env,
        &p,
        "rename",
        &args,
        &mut states,
        |_, _| Ok(()),
        &mut errors,
    );
    // And registering again after each kill: MLflow must list `fresh` once.
    let n = states.len();
    for i in 0..n {
        let again = env.path().join("again").join(i.to_string());
        copy_tree(&states[i], &again);
        let uri = again.to_string_lossy().into_owned();
        env.ok(&[
            "--tracking-uri",
            &uri,
            "models",
            "register",
            &b.model_dir,
            "fresh",
        ]);
        states.push(again);
    }
    assert!(n > 0, "models register was never killed");
    assert_mlflow_reads(&states, errors);
}

/// Attack: `experiments delete` killed before its move to `.trash` left an experiment marked
/// deleted in the root: `restore` said "Cannot restore an active experiment" and `delete` said
/// "already deleted". After a kill at any rename, `delete` finishes the job and `restore` undoes it.
#[test]
fn experiments_delete_killed_at_each_rename_is_finished_by_delete_and_undone_by_restore() {
    require_strace();
    let env = TestEnv::new();
    let b = base_store(&env);
    let p = pristine(&env);
    let (mut states, mut errors) = (vec![], vec![]);
    let args = ["experiments", "delete", b.exp.as_str()];
    let kills = each_kill_point(
        &env,
        &p,
        "rename",
        &args,
        &mut states,
        |store, _| {
            let uri = store.to_string_lossy().into_owned();
            let del = env.run(&["--tracking-uri", &uri, "experiments", "delete", &b.exp]);
            if !del.status.success() {
                return Err(format!(
                    "delete again failed: {}",
                    String::from_utf8_lossy(&del.stderr)
                ));
            }
            let res = env.run(&["--tracking-uri", &uri, "experiments", "restore", &b.exp]);
            if !res.status.success() {
                return Err(format!(
                    "restore failed: {}",
                    String::from_utf8_lossy(&res.stderr)
                ));
            }
            let run = env.run(&[
                "--tracking-uri",
                &uri,
                "--output",
                "json",
                "runs",
                "describe",
                &b.run,
            ]);
            let text = String::from_utf8_lossy(&run.stdout);
            if !text.contains("\"active\"") {
                return Err(format!("the run is not active after restore: {text}"));
            }
            Ok(())
        },
        &mut errors,
    );
    assert!(kills > 0, "experiments delete was never killed");
    assert_mlflow_reads(&states, errors);
}

/// Attack: an experiment marked deleted but never moved to `.trash` (what a delete killed before
/// its move left): `delete` said "already deleted" and `restore` said "Cannot restore an active
/// experiment". Now `delete` finishes the move and `restore` undoes the marks.
#[test]
fn experiment_marked_deleted_in_the_root_is_finished_by_delete_or_undone_by_restore() {
    let env = TestEnv::new();
    let store = env.store();
    let mut ids = vec![];
    for name in ["to-delete", "to-restore"] {
        let id = env.ok(&["experiments", "create", name]);
        let run = env.ok(&["runs", "start", "--experiment-id", &id]);
        for meta in [
            store.join(&id).join("meta.yaml"),
            store.join(&id).join(&run).join("meta.yaml"),
        ] {
            let text = std::fs::read_to_string(&meta).unwrap();
            std::fs::write(
                &meta,
                text.replace("lifecycle_stage: active", "lifecycle_stage: deleted"),
            )
            .unwrap();
        }
        ids.push((id, run));
    }
    let (del, del_run) = &ids[0];
    env.ok(&["experiments", "delete", del]);
    assert!(store
        .join(".trash")
        .join(del)
        .join(del_run)
        .join("meta.yaml")
        .is_file());
    assert!(!store.join(del).exists());
    let (res, res_run) = &ids[1];
    env.ok(&["experiments", "restore", res]);
    let exp = env.json(&["experiments", "describe", res]).to_string();
    assert!(exp.contains("\"active\""), "{exp}");
    let run = env.json(&["runs", "describe", res_run]).to_string();
    assert!(run.contains("\"active\""), "{run}");
    assert_mlflow_reads(&[store], vec![]);
}

/// Attack: `gc` ignored the `.mlrun-new-*`/`.mlrun-tmp-*` leftovers of killed writers (61 after 250
/// kills). It must remove them, but never a staged folder a live writer holds.
#[test]
fn gc_removes_leftovers_of_killed_writers_but_not_a_live_writers_staging() {
    require_strace();
    let env = TestEnv::new();
    let b = base_store(&env);
    let store = env.store();
    for (sys, n) in [("rename", 1), ("rename", 3), ("rename", 5), ("mkdir", 3)] {
        run_killed_at(
            &env,
            &store,
            sys,
            n,
            &["runs", "start", "--experiment-id", &b.exp],
        );
    }
    run_killed_at(
        &env,
        &store,
        "rename",
        1,
        &["models", "register", &b.model_dir, "x"],
    );
    assert!(
        !leftovers(&store).is_empty(),
        "the kills left nothing to collect"
    );
    // A writer in flight: its staged folder is locked for as long as it lives.
    let area = store.join(".mlrun-staging.trash");
    let live = area.join(".mlrun-new-live");
    std::fs::create_dir_all(&live).unwrap();
    let lock = std::fs::File::open(&live).unwrap();
    lock.lock().unwrap();
    env.ok(&["gc"]);
    assert_eq!(leftovers(&store), vec![area.clone(), live.clone()]);
    drop(lock);
    env.ok(&["gc"]);
    assert_eq!(leftovers(&store), Vec::<PathBuf>::new());
}

fn doctor_json(env: &TestEnv, fix: bool) -> (i32, Vec<serde_json::Value>) {
    let mut args = vec!["--output", "json", "doctor"];
    if fix {
        args.push("--fix");
    }
    let out = env.run(&args);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "doctor printed no JSON: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (
        out.status.code().unwrap_or(-1),
        v.as_array().cloned().unwrap_or_default(),
    )
}

fn kinds(findings: &[serde_json::Value]) -> Vec<String> {
    let mut k: Vec<String> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap_or("").to_string())
        .collect();
    k.sort();
    k
}

/// Attack: what a crash leaves (staged folders and temp files, an experiment marked deleted but not
/// moved, one moved but not marked, a torn last metric line) went unseen. `doctor` reports each
/// (exit 1), `doctor --fix` repairs each (exit 0), after which MLflow reads the store and `doctor`
/// finds nothing.
#[test]
fn doctor_fix_repairs_what_a_crash_leaves() {
    let env = TestEnv::new();
    let b = base_store(&env);
    let store = env.store();
    let root_exp = env.ok(&["experiments", "create", "half-deleted"]);
    let trash_exp = env.ok(&["experiments", "create", "half-moved"]);
    let half_run = env.ok(&["runs", "start", "--experiment-id", &trash_exp]);
    // Marked deleted in the root (what older mlrun left when killed before its move).
    let meta = store.join(&root_exp).join("meta.yaml");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(
        &meta,
        text.replace("lifecycle_stage: active", "lifecycle_stage: deleted"),
    )
    .unwrap();
    // Moved to .trash but still marked active.
    std::fs::rename(
        store.join(&trash_exp),
        store.join(".trash").join(&trash_exp),
    )
    .unwrap();
    // Leftovers: a staged run of older mlrun, a staged folder in the area, a temp file.
    std::fs::create_dir_all(store.join(&b.exp).join(".mlrun-new-old").join("metrics")).unwrap();
    std::fs::create_dir_all(store.join(".mlrun-staging.trash").join(".mlrun-new-x")).unwrap();
    std::fs::write(store.join(&b.exp).join(".mlrun-tmp-abc"), "half").unwrap();
    // A torn last metric line.
    let metric = store.join(&b.exp).join(&b.run).join("metrics").join("loss");
    let good = std::fs::read(&metric).unwrap();
    let mut torn = good.clone();
    torn.extend_from_slice(b"1700000000000 0.2");
    std::fs::write(&metric, &torn).unwrap();

    let (code, found) = doctor_json(&env, false);
    assert_eq!(code, 1, "{found:?}");
    assert_eq!(
        kinds(&found),
        [
            "half_moved_experiment",
            "half_moved_experiment",
            "leftover",
            "leftover",
            "leftover",
            "torn_metric"
        ],
        "{found:?}"
    );
    assert!(found
        .iter()
        .all(|f| f["fixable"] == true && f["fixed"] == false));
    let (code, fixed) = doctor_json(&env, true);
    assert_eq!(code, 0, "{fixed:?}");
    assert!(fixed.iter().all(|f| f["fixed"] == true), "{fixed:?}");
    let (code, after) = doctor_json(&env, false);
    assert_eq!((code, after.len()), (0, 0), "{after:?}");

    assert_eq!(std::fs::read(&metric).unwrap(), good);
    assert!(store
        .join(".trash")
        .join(&root_exp)
        .join("meta.yaml")
        .is_file());
    let moved =
        std::fs::read_to_string(store.join(".trash").join(&trash_exp).join("meta.yaml")).unwrap();
    assert!(moved.contains("lifecycle_stage: deleted"), "{moved}");
    let run_meta = std::fs::read_to_string(
        store
            .join(".trash")
            .join(&trash_exp)
            .join(&half_run)
            .join("meta.yaml"),
    )
    .unwrap();
    assert!(run_meta.contains("lifecycle_stage: deleted"), "{run_meta}");
    assert_eq!(leftovers(&store), Vec::<PathBuf>::new());
    env.ok(&["experiments", "restore", &root_exp]);
    assert_mlflow_reads(&[store], vec![]);
}

/// Attack: damage no crash explains (a run whose folder and meta disagree, an unreadable meta.yaml,
/// garbage metric lines, a model version without meta, an artifact that is a link) went unseen.
/// `doctor` reports each and `--fix` leaves each alone (exit 1 both times).
#[test]
fn doctor_reports_damage_it_cannot_explain_and_leaves_it() {
    let env = TestEnv::new();
    let b = base_store(&env);
    let store = env.store();
    let exp_dir = store.join(&b.exp);
    // A run copied under another name: folder and meta disagree.
    copy_tree(
        &exp_dir.join(&b.run),
        &exp_dir.join("0123456789abcdef0123456789abcdef"),
    );
    // An unreadable experiment meta.
    let broken = env.ok(&["experiments", "create", "broken"]);
    std::fs::write(store.join(&broken).join("meta.yaml"), "{{{ not yaml").unwrap();
    // Garbage lines in a metric file (whole lines: not a torn tail).
    let metric = exp_dir.join(&b.run).join("metrics").join("loss");
    let mut bytes = std::fs::read(&metric).unwrap();
    bytes.extend_from_slice(b"garbage here\n\0\0\0\0\n");
    std::fs::write(&metric, &bytes).unwrap();
    // A model version without meta.yaml.
    std::fs::create_dir_all(store.join("models").join("m").join("version-9")).unwrap();
    // An artifact that is a link out of the store.
    std::os::unix::fs::symlink("/etc", exp_dir.join(&b.run).join("artifacts").join("etc")).unwrap();
    let before = snapshot(&store);

    let (code, found) = doctor_json(&env, false);
    assert_eq!(code, 1, "{found:?}");
    let expected = [
        "artifact_link",
        "folder_mismatch",
        "garbage_metric",
        "registry_meta",
        "unreadable_meta",
    ];
    assert_eq!(kinds(&found), expected, "{found:?}");
    let garbage = found
        .iter()
        .find(|f| f["kind"] == "garbage_metric")
        .unwrap();
    let msg = garbage["message"].as_str().unwrap();
    assert!(
        msg.contains("2 malformed") && msg.contains("line 2"),
        "{msg}"
    );
    let (code, fixed) = doctor_json(&env, true);
    assert_eq!(code, 1, "{fixed:?}");
    assert_eq!(kinds(&fixed), expected);
    assert!(fixed.iter().all(|f| f["fixed"] == false));
    assert!(
        snapshot(&store) == before,
        "doctor --fix changed damage it cannot explain"
    );
}

/// Attack: SIGKILL at every rename and mkdir of every write command. After each kill MLflow's
/// client must read the store (experiments, runs, `get_run`, registered models, versions), and
/// `doctor --fix` must leave a store that `doctor` reports clean.
#[test]
fn every_write_command_killed_at_every_rename_and_mkdir() {
    require_strace();
    let env = TestEnv::new();
    let b = base_store(&env);
    let p = pristine(&env);
    let commands: Vec<Vec<&str>> = vec![
        vec!["runs", "start", "--experiment-id", &b.exp],
        vec!["runs", "end", &b.run],
        vec!["runs", "delete", &b.run],
        vec!["runs", "restore", &b.deleted_run],
        vec!["log-metric", "--run-id", &b.run, "acc", "0.7"],
        vec!["log-param", "--run-id", &b.run, "depth", "3"],
        vec!["set-tag", "--run-id", &b.run, "team", "ml"],
        vec!["log-batch", "--run-id", &b.run, &b.batch],
        vec!["experiments", "create", "x"],
        vec!["experiments", "rename", &b.exp, "e2"],
        vec!["experiments", "delete", &b.exp],
        vec!["experiments", "restore", &b.deleted_exp],
        vec!["artifacts", "log", "--run-id", &b.run, &b.file],
        vec!["models", "register", &b.model_dir, "fresh"],
        vec!["models", "register", &b.model_dir, "m"],
        vec!["models", "set-alias", "m", "champion", "1"],
        vec!["models", "transition", "m", "1", "Staging"],
        vec!["models", "delete-version", "m", "1"],
        vec!["gc"],
    ];
    let (mut states, mut errors) = (vec![], vec![]);
    let mut kills = 0;
    for args in &commands {
        for sys in KILL_SYSCALLS {
            kills += each_kill_point(
                &env,
                &p,
                sys,
                args,
                &mut states,
                |store, _| doctor_cleans(&env, store),
                &mut errors,
            );
        }
        // The command run to its end leaves a clean store too.
        if let Err(e) = doctor_cleans(&env, &env.store()) {
            errors.push(format!("mlrun {args:?} (not killed): {e}"));
        }
    }
    assert!(kills > commands.len(), "only {kills} kills");
    assert_mlflow_reads(&states, errors);
}
