//! Processes (issue 13): the whole process tree of `mlrun exec`/`mlrun run` ends with the command,
//! even descendants that ignore SIGTERM or left the process group with `setsid`; a SIGKILLed mlrun
//! leaves no child behind, and its RUNNING run is found by `orphaned_runs` and marked FAILED.
//! Real processes only; every wait is a bounded poll on a marker file or on /proc.
use crate::common::TestEnv;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

/// Starts a grandchild in a new session (`setsid`) that ignores SIGTERM and writes its pid to
/// `gc.pid`, then `ready`, then loops until killed.
const SETSID_SCRIPT: &str = "\
setsid sh -c 'trap \"\" TERM; echo $$ > gc.pid.tmp; mv gc.pid.tmp gc.pid; while :; do sleep 0.1; done' &
while [ ! -s gc.pid ]; do sleep 0.02; done
touch ready
while :; do sleep 0.05; done
";

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

fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("mlrun did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn signal(pid: u32, sig: &str) {
    let st = Command::new("kill")
        .args([sig, &pid.to_string()])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success(), "kill {sig} {pid}");
}

/// Whether `pid` is a live process (a zombie is dead; only its parent has not reaped it yet).
fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            let state = stat.rsplit_once(')').map(|(_, rest)| rest.trim_start());
            !matches!(state.and_then(|s| s.chars().next()), Some('Z') | Some('X'))
        }
        Err(_) => false,
    }
}

/// Polls (at most 100 times, 50 ms apart) until `pid` is gone; kills it if it never goes, so a
/// failing test leaves nothing behind. Returns whether it went by itself.
fn gone(pid: u32) -> bool {
    for _ in 0..100 {
        if !alive(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .stderr(Stdio::null())
        .status();
    false
}

fn read_pid(path: &Path) -> u32 {
    std::fs::read_to_string(path)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Attack: `mlrun exec -- sh script` whose script starts a grandchild with `setsid` that ignores
/// SIGTERM; mlrun gets SIGTERM, forwards it to the command's group, exits 143 — and the grandchild
/// kept running.
#[test]
fn exec_sigterm_ends_a_setsid_grandchild_that_ignores_term() {
    let env = TestEnv::new();
    std::fs::write(env.path().join("script.sh"), SETSID_SCRIPT).unwrap();
    let mut mlrun = env
        .cmd()
        .args(["exec", "--", "sh", "script.sh"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_file(&env.path().join("ready"), &mut mlrun);
    let gc = read_pid(&env.path().join("gc.pid"));
    signal(mlrun.id(), "-TERM");
    let code = wait_exit(&mut mlrun).code();
    assert!(gone(gc), "the setsid grandchild {gc} outlived mlrun exec");
    assert_eq!(code, Some(143));
}

/// Attack: the same grandchild under `mlrun run` on a tiny MLproject (local env manager).
#[test]
fn run_sigterm_ends_a_setsid_grandchild_that_ignores_term() {
    let env = TestEnv::new();
    let dir = env.path().join("p");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("MLproject"),
        "entry_points:\n  main:\n    command: \"sh script.sh\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("script.sh"), SETSID_SCRIPT).unwrap();
    let mut mlrun = env
        .cmd()
        .args(["run", dir.to_str().unwrap(), "--env-manager", "local"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_file(&dir.join("ready"), &mut mlrun);
    let gc = read_pid(&dir.join("gc.pid"));
    signal(mlrun.id(), "-TERM");
    let code = wait_exit(&mut mlrun).code();
    assert!(gone(gc), "the setsid grandchild {gc} outlived mlrun run");
    assert_eq!(code, Some(143));
}

/// Attack: a command that exits 0 but leaves a `setsid` daemon behind that ignores SIGTERM; the
/// daemon outlived `mlrun exec`.
#[test]
fn exec_normal_exit_ends_a_leftover_setsid_daemon() {
    let env = TestEnv::new();
    std::fs::write(
        env.path().join("script.sh"),
        "setsid sh -c 'trap \"\" TERM; echo $$ > gc.pid.tmp; mv gc.pid.tmp gc.pid; \
         while :; do sleep 0.1; done' </dev/null >/dev/null 2>&1 &\n\
         while [ ! -s gc.pid ]; do sleep 0.02; done\n",
    )
    .unwrap();
    let out = env.run(&["exec", "--", "sh", "script.sh"]);
    assert_eq!(out.status.code(), Some(0));
    let gc = read_pid(&env.path().join("gc.pid"));
    assert!(gone(gc), "the daemon {gc} outlived mlrun exec");
    // The run ended normally, so its supervisor record is gone.
    let runs = env.json(&["runs", "search"]);
    let tags = runs["runs"][0]["data"]["tags"].to_string();
    assert!(tags.contains("mlrun.command"), "{tags}");
    assert!(!tags.contains("mlrun.supervisor"), "{tags}");
}

/// `mlrun exec` of a command that writes its pid to `child.pid` and loops until killed; returns
/// once the pid is written.
fn exec_endless(env: &TestEnv) -> Child {
    let mut mlrun = env
        .cmd()
        .args([
            "exec",
            "--",
            "sh",
            "-c",
            "echo $$ > child.pid.tmp; mv child.pid.tmp child.pid; while :; do sleep 0.05; done",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_file(&env.path().join("child.pid"), &mut mlrun);
    mlrun
}

/// Attack: SIGKILL to `mlrun exec` itself. The command kept running and the run stayed RUNNING
/// forever. Now the command dies with mlrun (PR_SET_PDEATHSIG), and `orphaned_runs` finds the run
/// (its recorded supervisor is gone) and `mark_orphaned` ends it FAILED with a reason.
#[test]
fn sigkill_of_exec_kills_the_child_and_the_run_is_marked_orphaned() {
    let env = TestEnv::new();
    let mut mlrun = exec_endless(&env);
    let child = read_pid(&env.path().join("child.pid"));
    let store = mlrun::open_store(env.store().to_str().unwrap()).unwrap();
    // While mlrun lives, its run is not an orphan.
    assert!(mlrun::supervise::orphaned_runs(store.as_ref())
        .unwrap()
        .is_empty());
    signal(mlrun.id(), "-KILL");
    let _ = wait_exit(&mut mlrun);
    assert!(
        gone(child),
        "the command {child} outlived a SIGKILLed mlrun"
    );

    let runs = store
        .list_runs(&["0".to_string()], mlrun::ViewType::All)
        .unwrap()
        .items;
    assert_eq!(runs.len(), 1);
    let run_id = runs[0].info.run_id.clone();
    assert_eq!(runs[0].info.status, mlrun::RunStatus::Running);
    let orphans = mlrun::supervise::orphaned_runs(store.as_ref()).unwrap();
    assert_eq!(orphans.len(), 1, "{orphans:?}");
    assert_eq!(orphans[0].run_id, run_id);
    mlrun::supervise::mark_orphaned(store.as_ref(), &orphans[0]).unwrap();
    let run = store.get_run(&run_id).unwrap();
    assert_eq!(run.info.status, mlrun::RunStatus::Failed);
    assert!(run.info.end_time.is_some());
    let reason = run
        .data
        .tags
        .iter()
        .find(|t| t.key == mlrun::supervise::END_REASON_TAG)
        .map(|t| t.value.clone())
        .unwrap_or_default();
    assert!(reason.contains("supervising mlrun"), "{reason}");
    // The stale record is gone: a run MLflow resumes later is not ended again.
    assert!(!run
        .data
        .tags
        .iter()
        .any(|t| t.key == mlrun::supervise::SUPERVISOR_TAG));
    assert!(mlrun::supervise::orphaned_runs(store.as_ref())
        .unwrap()
        .is_empty());
    // MLflow's own client reads the run as mlrun marked it.
    let seen = crate::common::run_mlflow(
        &env.store(),
        &format!(
            "from mlflow import MlflowClient\n\
             r = MlflowClient().get_run('{run_id}')\n\
             print(r.info.status, r.info.end_time is not None, 'mlrun.supervisor' in r.data.tags)\n\
             print(r.data.tags['mlrun.end_reason'])"
        ),
    );
    assert!(
        seen.starts_with("FAILED True False\nits supervising mlrun"),
        "{seen}"
    );
}

/// Attack: SIGKILL to `mlrun exec` while its command has a `setsid` grandchild that ignores
/// SIGTERM. PR_SET_PDEATHSIG takes the direct child along, but the grandchild is reparented to
/// init and kept running. `orphaned_runs` lists it (found by the `MLRUN_SUPERVISOR` marker in its
/// environment) and `mark_orphaned` kills it before ending the run.
#[test]
fn sigkill_of_exec_leaves_no_setsid_grandchild_once_the_run_is_marked() {
    let env = TestEnv::new();
    std::fs::write(env.path().join("script.sh"), SETSID_SCRIPT).unwrap();
    let mut mlrun = env
        .cmd()
        .args(["exec", "--", "sh", "script.sh"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_file(&env.path().join("ready"), &mut mlrun);
    let gc = read_pid(&env.path().join("gc.pid"));
    signal(mlrun.id(), "-KILL");
    let _ = wait_exit(&mut mlrun);
    let store = mlrun::open_store(env.store().to_str().unwrap()).unwrap();
    let orphans = mlrun::supervise::orphaned_runs(store.as_ref()).unwrap();
    if let Some(o) = orphans.first() {
        mlrun::supervise::mark_orphaned(store.as_ref(), o).unwrap();
    }
    assert!(gone(gc), "the setsid grandchild {gc} outlived the marking");
    assert_eq!(orphans.len(), 1, "{orphans:?}");
    assert!(
        orphans[0].leftover_pids.contains(&gc),
        "{gc} not among the leftovers {:?}",
        orphans[0].leftover_pids
    );
    let run = store.get_run(&orphans[0].run_id).unwrap();
    assert_eq!(run.info.status, mlrun::RunStatus::Failed);
}

/// Attack: SIGKILL to `mlrun exec`, then nothing else touches the run. `mlrun doctor` reports the
/// RUNNING run whose supervisor is gone (exit 1), `doctor --fix` ends it FAILED with the reason, and
/// a second `doctor` finds nothing.
#[test]
fn doctor_finds_and_ends_a_run_whose_mlrun_was_killed() {
    let env = TestEnv::new();
    let mut mlrun = exec_endless(&env);
    // While mlrun lives, doctor has nothing to say about its run.
    let out = env.run(&["--output", "json", "doctor"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    signal(mlrun.id(), "-KILL");
    let _ = wait_exit(&mut mlrun);

    let out = env.run(&["--output", "json", "doctor"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = found.to_string();
    assert!(text.contains("orphaned_run"), "{text}");
    assert!(text.contains("supervising mlrun"), "{text}");

    let out = env.run(&["doctor", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let runs = env.json(&["runs", "list", "--experiment-id", "0"]);
    let text = runs.to_string();
    assert!(text.contains("FAILED"), "{text}");
    assert!(text.contains("mlrun.end_reason"), "{text}");
    let out = env.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
