//! Project execution: building a plan's environment (once, under a lock, so parallel runs share
//! it), preparing a project run (fetch or clone, entry point, the runs of a sweep, all checked
//! before anything is written) and the run tags `mlflow run` writes. The caller creates the runs
//! and runs the entry point under the supervisor (`crate::supervise::child`); progress is told to
//! a callback, never printed.
use super::env::{self, EnvManager, Plan, PlanRequest, Step, Tools, READY_MARKER};
use super::fetch::{self, GitInfo, ProjectUri};
use super::spec::{Computed, EntryPoint};
use super::{shlex_join, sweep, Project, ProjectError, Result};
use crate::clock::now_ms;
use crate::store::file::fsutil::{copy_tree, Links};
use crate::store::NewRun;
use crate::supervise::child::{self, Outcome};
use crate::supervise::{Supervisor, SUPERVISOR_TAG};
use crate::{LifecycleStage, Param, Run, RunStatus, Tag, TrackingStore};
use std::collections::BTreeSet;
use std::os::fd::BorrowedFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Tags mlrun adds so `runs rerun` can repeat a project run.
pub const TAG_URI: &str = "mlrun.project.uri";
pub const TAG_VERSION: &str = "mlrun.project.version";
pub const TAG_CWD: &str = "mlrun.project.cwd";
pub const TAG_DIRTY: &str = "mlrun.source.git.dirty";
pub const TAG_RERUN_OF: &str = "mlrun.rerunOf";
pub const TAG_SWEEP: &str = "mlrun.sweep";
pub const TAG_BUILD_IMAGE: &str = "mlrun.project.buildImage";
/// Placeholder for ids in plans made before a run exists (`--dry-run`, the up-front check).
pub const DRY_RUN_ID: &str = "<run-id>";

/// What building an environment is doing, for the caller to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'a> {
    /// The cached environment is ready and reused.
    Reusing(&'a Path),
    /// The environment is being created (a half-built one was removed first).
    Creating(&'a Path),
    /// A build command starts (shell-quoted).
    Running(&'a str),
}

/// Where a build command's stdout goes. Its stderr is always kept for the error message.
#[derive(Debug, Clone, Copy)]
pub enum ToolOutput<'a> {
    /// Kept (and dropped): nothing reaches the terminal.
    Capture,
    /// Into this file (the binary passes its stderr: build tools' output is talk, never data).
    Into(BorrowedFd<'a>),
}

/// Builds the cached environment unless it is ready (under a lock, so parallel runs build it
/// once), then runs the always-needed steps (a docker build).
pub fn prepare_env(
    plan: &Plan,
    output: ToolOutput,
    progress: &mut dyn FnMut(Progress),
) -> Result<()> {
    if let Some(env_dir) = &plan.env_dir {
        let parent = env_dir.parent().unwrap_or(Path::new("/"));
        std::fs::create_dir_all(parent).map_err(|e| ProjectError::io(parent, e))?;
        let lock_path = env_lock_path(env_dir);
        if let Some(locks) = lock_path.parent() {
            std::fs::create_dir_all(locks).map_err(|e| ProjectError::io(locks, e))?;
        }
        // Where mlrun before 0.2 kept it, beside the environments: no longer used.
        let _ = std::fs::remove_file(env_dir.with_extension("lock"));
        let lock =
            std::fs::File::create(&lock_path).map_err(|e| ProjectError::io(&lock_path, e))?;
        lock.lock().map_err(|e| ProjectError::io(&lock_path, e))?;
        if plan.env_ready() {
            progress(Progress::Reusing(env_dir));
        } else {
            // A folder without the marker is a build that did not finish: start over.
            if env_dir.exists() {
                std::fs::remove_dir_all(env_dir).map_err(|e| ProjectError::io(env_dir, e))?;
            }
            progress(Progress::Creating(env_dir));
            let built = run_steps(&plan.setup, output, progress);
            if built.is_err() {
                let _ = std::fs::remove_dir_all(env_dir);
            }
            built?;
            let marker = env_dir.join(READY_MARKER);
            std::fs::write(&marker, "").map_err(|e| ProjectError::io(&marker, e))?;
        }
    }
    run_steps(&plan.prepare, output, progress)
}

/// The folder of environment build locks, under the environments' root: MLflow's tooling never
/// looks in it (a lock beside the environments would be one more entry of `~/.mlflow/envs`).
pub const LOCKS_DIR: &str = ".mlrun-locks";

/// The lock taken while `env_dir` is built: `<root>/.mlrun-locks/<env name>.lock`.
fn env_lock_path(env_dir: &Path) -> PathBuf {
    let mut name = env_dir.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    env_dir
        .parent()
        .unwrap_or(Path::new("/"))
        .join(LOCKS_DIR)
        .join(name)
}

fn run_steps(steps: &[Step], output: ToolOutput, progress: &mut dyn FnMut(Progress)) -> Result<()> {
    for step in steps {
        match step {
            Step::Write { path, contents } => {
                std::fs::write(path, contents).map_err(|e| ProjectError::io(path, e))?
            }
            Step::CopyDir { from, to } => copy_tree(from, to, Links::Copy)?,
            Step::Run { argv, cwd } => {
                let shown = shlex_join(argv);
                progress(Progress::Running(&shown));
                let mut cmd = Command::new(&argv[0]);
                cmd.args(&argv[1..]).current_dir(cwd).stdin(Stdio::null());
                if let ToolOutput::Into(fd) = output {
                    let fd = fd
                        .try_clone_to_owned()
                        .map_err(|source| ProjectError::StepStart {
                            command: shown.clone(),
                            source,
                        })?;
                    cmd.stdout(Stdio::from(fd));
                }
                let out = cmd.output().map_err(|source| ProjectError::StepStart {
                    command: shown.clone(),
                    source,
                })?;
                if !out.status.success() {
                    return Err(ProjectError::StepFailed {
                        command: shown,
                        status: out.status.to_string(),
                        stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
                    });
                }
            }
        }
    }
    Ok(())
}

/// What to run: the project, entry point and parameters as the user gave them.
pub struct RunRequest<'a> {
    /// A folder, a file:// URI or a git URL; `#subdir` picks a folder inside it.
    pub uri: &'a str,
    pub entry_point: &'a str,
    /// `K=V` pairs. With `split_commas`, `K=a,b` sweeps over a and b; without (a rerun), values are
    /// taken whole.
    pub params: &'a [(String, String)],
    pub split_commas: bool,
    /// None: from the MLproject.
    pub env_manager: Option<EnvManager>,
    /// A git branch, tag or commit.
    pub version: Option<&'a str>,
    pub build_image: bool,
    /// `docker run` arguments NAME[=VALUE].
    pub docker_args: &'a [String],
    /// A sweep grid file (YAML or JSON).
    pub grid: Option<&'a Path>,
    /// Where relative paths (the URI, path parameters) are resolved.
    pub cwd: PathBuf,
    /// The shell for `.sh` entry points.
    pub shell: &'a str,
    pub git_bin: PathBuf,
}

/// One run of a project: its params as logged, and its shell line.
pub struct PlannedRun {
    pub logged: Computed,
    pub line: String,
}

impl PlannedRun {
    /// The params logged on the run.
    pub fn params(&self) -> Vec<Param> {
        self.logged
            .logged()
            .into_iter()
            .map(|(k, v)| Param::new(k, v))
            .collect()
    }
}

/// Everything decided before anything is written: the project, its entry point, each run's params.
pub struct Prepared {
    pub uri: ProjectUri,
    /// Holds a cloned project until the runs end.
    _checkout: Option<tempfile::TempDir>,
    pub project: Project,
    pub entry: EntryPoint,
    pub manager: EnvManager,
    pub git: GitInfo,
    pub git_bin: PathBuf,
    pub cwd: PathBuf,
    pub version: Option<String>,
    pub build_image: bool,
    pub docker_args: Vec<(String, Option<String>)>,
    /// A scratch folder (docker build context) that lives as long as the runs.
    scratch: tempfile::TempDir,
    /// One entry per run: the logged form and the shell line.
    pub runs: Vec<PlannedRun>,
    /// More than one run (or a grid): a parent run with one child per entry of `runs`.
    pub sweep: bool,
    pub axes: Vec<sweep::Axis>,
}

fn check_repeats(params: &[(String, String)]) -> Result<()> {
    let mut seen = BTreeSet::new();
    for (k, _) in params {
        if !seen.insert(k) {
            return Err(ProjectError::Usage(format!("Repeated parameter: '{k}'")));
        }
    }
    Ok(())
}

fn docker_args(raw: &[String]) -> Result<Vec<(String, Option<String>)>> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for a in raw {
        let (k, v) = match a.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (a.clone(), None),
        };
        if k.is_empty() {
            return Err(ProjectError::Usage(format!(
                "Invalid format for -A parameter: '{a}'. Use -A name=value."
            )));
        }
        if out.iter().any(|(n, _)| n == &k) {
            return Err(ProjectError::Usage(format!("Repeated parameter: '{k}'")));
        }
        out.push((k, v));
    }
    Ok(out)
}

fn temp_dir(prefix: &str) -> Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .map_err(|e| ProjectError::io(std::env::temp_dir(), e))
}

/// Finds (or clones) the project, picks the entry point and environment manager, and computes
/// every run's parameters and command line. Nothing is written to a store.
pub fn prepare(a: &RunRequest) -> Result<Prepared> {
    check_repeats(a.params)?;
    let git_bin = a.git_bin.clone();
    let cwd = a.cwd.clone();
    let mut uri = fetch::parse_uri(a.uri, &cwd)?;
    // A bare repository is a git remote that happens to be on this disk: clone it.
    if let Some(l) = uri.local.clone() {
        if fetch::run_git(&git_bin, &l, &["rev-parse", "--is-bare-repository"])
            .is_ok_and(|s| s == "true")
        {
            uri.local = None;
            uri.base = l.to_string_lossy().into_owned();
        }
    }
    let (root, checkout) = match (&uri.local, a.version) {
        (Some(local), None) => (local.clone(), None),
        (local, version) => {
            if let (Some(l), Some(_)) = (local, version) {
                if fetch::run_git(&git_bin, l, &["rev-parse", "--git-dir"]).is_err() {
                    return Err(ProjectError::Execution(
                        "Setting a version is only supported for Git project URIs".into(),
                    ));
                }
            }
            // A folder inside a work tree: clone the whole repository, then go back down.
            let (url, inner) = match local {
                Some(l) => {
                    let top = fetch::run_git(&git_bin, l, &["rev-parse", "--show-toplevel"])
                        .map(PathBuf::from)
                        .unwrap_or_else(|_| l.clone());
                    let inner = l
                        .strip_prefix(&top)
                        .map(Path::to_path_buf)
                        .unwrap_or_default();
                    (top.to_string_lossy().into_owned(), inner)
                }
                None => (uri.base.clone(), PathBuf::new()),
            };
            let tmp = temp_dir("mlrun-project-")?;
            let dst = tmp.path().join("project");
            fetch::clone(&git_bin, &url, version, &dst)?;
            (dst.join(inner), Some(tmp))
        }
    };
    let dir = if uri.subdir.is_empty() {
        root.clone()
    } else {
        root.join(&uri.subdir)
    };
    if !dir.is_dir() {
        return Err(ProjectError::Execution(format!(
            "Could not find subdirectory {} of {}",
            uri.subdir,
            root.display()
        )));
    }
    let project = super::load_project(&dir)?;
    let entry = project.entry_point(a.entry_point, a.shell)?;
    let manager = env::resolve_manager(&project, a.env_manager)?;

    let grid = match a.grid {
        Some(f) => sweep::read_grid(f)?,
        None => vec![],
    };
    let param_axes = if a.split_commas {
        sweep::axes_from_params(a.params)
    } else {
        a.params
            .iter()
            .map(|(k, v)| (k.clone(), vec![v.clone()]))
            .collect()
    };
    let is_sweep = a.grid.is_some() || param_axes.iter().any(|(_, v)| v.len() > 1);
    let axes = sweep::merge(grid, param_axes)?;
    let mut runs = Vec::new();
    for user in sweep::expand(&axes) {
        let logged = entry.compute(&user, None)?;
        let resolved = entry.compute(&user, Some(&cwd))?;
        let line = entry.command_line(&resolved)?;
        runs.push(PlannedRun { logged, line });
    }
    let mut git = fetch::git_info(&git_bin, &dir, a.version);
    if let (Some(l), Some(_)) = (&uri.local, &checkout) {
        // A local folder cloned at a version: its remote is the one to record, not the clone's.
        git.repo_url = fetch::git_info(&git_bin, l, None).repo_url;
    }
    Ok(Prepared {
        uri,
        _checkout: checkout,
        project,
        entry,
        manager,
        git,
        git_bin,
        cwd,
        version: a.version.map(str::to_string),
        build_image: a.build_image,
        docker_args: docker_args(a.docker_args)?,
        scratch: temp_dir("mlrun-run-")?,
        runs,
        sweep: is_sweep,
        axes,
    })
}

impl Prepared {
    /// The tags `mlflow run` writes, plus mlrun's own for `rerun` and the git dirty state.
    pub fn run_tags(&self, user: &str, parent: Option<&str>) -> Vec<Tag> {
        let source_name = self.uri.source_name(&self.git_bin);
        let mut tags = vec![
            Tag::new("mlflow.user", user),
            Tag::new("mlflow.source.name", source_name),
            Tag::new("mlflow.source.type", "PROJECT"),
            Tag::new("mlflow.project.entryPoint", self.entry.name.clone()),
        ];
        if let Some(c) = &self.git.commit {
            tags.push(Tag::new("mlflow.source.git.commit", c.clone()));
        }
        if let Some(parent) = parent {
            tags.push(Tag::new("mlflow.parentRunId", parent));
        }
        if let Some(u) = &self.git.repo_url {
            tags.push(Tag::new("mlflow.source.git.repoURL", u.clone()));
        }
        if let Some(b) = &self.git.branch {
            tags.push(Tag::new("mlflow.source.git.branch", b.clone()));
        }
        tags.push(Tag::new("mlflow.project.backend", "local"));
        if let Some(env) = self.manager.tag() {
            tags.push(Tag::new("mlflow.project.env", env));
        }
        if let Some(d) = self.git.dirty {
            tags.push(Tag::new(TAG_DIRTY, d.to_string()));
        }
        // What `rerun` needs: a local folder by its absolute path, a remote as given.
        let uri = match &self.uri.local {
            Some(l) if self.uri.subdir.is_empty() => l.to_string_lossy().into_owned(),
            Some(l) => format!("{}#{}", l.display(), self.uri.subdir),
            None => self.uri.uri.clone(),
        };
        tags.push(Tag::new(TAG_URI, uri));
        if let Some(v) = &self.version {
            tags.push(Tag::new(TAG_VERSION, v.clone()));
        }
        tags.push(Tag::new(TAG_CWD, self.cwd.to_string_lossy().into_owned()));
        if self.build_image {
            tags.push(Tag::new(TAG_BUILD_IMAGE, "true"));
        }
        tags
    }

    /// The tag on a sweep's parent run: the grid, as a JSON map from parameter to values.
    pub fn sweep_tag(&self) -> Tag {
        let grid: serde_json::Map<String, serde_json::Value> = self
            .axes
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::json!(v)))
            .collect();
        Tag::new(TAG_SWEEP, serde_json::Value::Object(grid).to_string())
    }
}

/// Creates a RUNNING run, tagged with who supervises it (so a run left RUNNING by a killed mlrun
/// can be found and ended).
pub fn create_run(
    store: &dyn TrackingStore,
    experiment_id: &str,
    user: &str,
    run_name: Option<String>,
    mut tags: Vec<Tag>,
) -> crate::store::Result<Run> {
    tags.extend(Supervisor::current().map(|s| s.tag()));
    store.create_run(NewRun {
        experiment_id: experiment_id.to_string(),
        user_id: user.to_string(),
        start_time: now_ms(),
        run_name,
        tags,
    })
}

/// Ends the run with `status` and now as its end time, as `mlflow run` does: even when the entry
/// point ended the run itself (MLflow 3.17.2 means to leave such a run alone, but its check
/// compares a status name with status numbers, so the exit code always decides). A run the entry
/// point deleted is left as it is. Deletes the supervisor record either way.
pub fn end_run(
    store: &dyn TrackingStore,
    run_id: &str,
    status: RunStatus,
) -> crate::store::Result<()> {
    let current = store.get_run(run_id)?;
    if current.info.lifecycle_stage != LifecycleStage::Deleted {
        store.update_run(run_id, status, Some(now_ms()))?;
    }
    // After the status: a crash in between leaves a stale record on an ended run (ignored).
    let _ = store.delete_tag(run_id, SUPERVISOR_TAG);
    Ok(())
}

/// What running a project tells its caller, as it goes (from the sweep's threads too).
#[derive(Debug, Clone, Copy)]
pub enum RunEvent<'a> {
    /// The entry point's command starts in the run.
    Starting { run_id: &'a str, line: &'a str },
    /// The command ended and the run with it.
    Ended {
        run_id: &'a str,
        outcome: &'a Outcome,
    },
    /// Logging system metrics into the run failed; they stop, the command goes on.
    SystemMetricsStopped {
        run_id: &'a str,
        error: &'a crate::error::StoreError,
    },
    /// A sweep's parent run exists; its runs start, `jobs` at a time.
    SweepStarted {
        parent_id: &'a str,
        runs: usize,
        jobs: usize,
    },
}

/// Builds a plan's environment for the runner (the caller shows the progress).
pub type Setup<'a> = &'a (dyn Fn(&Plan) -> Result<()> + Sync);
/// Where [`RunEvent`]s go.
pub type Events<'a> = &'a (dyn Fn(RunEvent) + Sync);
/// The variables the entry point gets for (run id, tracking URI, experiment id).
pub type RunEnv<'a> = &'a (dyn Fn(&str, &str, &str) -> Vec<(String, String)> + Sync);

/// Runs a prepared project's entry point in runs of a local store, each under the supervisor.
pub struct Runner<'a> {
    pub prepared: &'a Prepared,
    pub tools: Tools<'a>,
    /// Where cached environments live.
    pub env_root: PathBuf,
    /// The store's folder (absolute) and the `file://` URI the entry point gets.
    pub tracking_dir: PathBuf,
    pub tracking_uri: String,
    pub run_env: RunEnv<'a>,
    /// Sample the machine into each run while its command runs (MLflow's system metrics).
    pub system_metrics: Option<crate::sysmetrics::Config>,
}

/// How one run of a sweep went: its index in `Prepared::runs`, its run id (empty when it could
/// not run) and its outcome.
pub type SweepEntry = (usize, String, Result<Outcome>);

/// How a sweep went.
pub struct SweepReport {
    pub parent_id: String,
    /// The runs that started, in the order of `Prepared::runs`.
    pub results: Vec<SweepEntry>,
    /// The signal that stopped the sweep, if one did.
    pub interrupted: Option<i32>,
    /// The parent run's status.
    pub status: RunStatus,
}

impl Runner<'_> {
    /// The plan for one command line in the run `run_id` of `experiment_id`.
    pub fn plan(
        &self,
        line: &str,
        run_id: &str,
        experiment_id: &str,
        artifact_dir: Option<PathBuf>,
    ) -> Result<Plan> {
        let p = self.prepared;
        let req = PlanRequest {
            project: &p.project,
            manager: p.manager,
            command: line.to_string(),
            env_root: self.env_root.clone(),
            run_env: (self.run_env)(run_id, &self.tracking_uri, experiment_id),
            tracking_dir: self.tracking_dir.clone(),
            artifact_dir,
            docker_args: p.docker_args.clone(),
            build_image: p.build_image,
            git_commit: p.git.commit.clone(),
            scratch: p.scratch.path().to_path_buf(),
        };
        env::plan(&req, &self.tools)
    }

    /// Builds the environment (with `setup`, when given) and runs `line` in `run`; ends the run
    /// with the command's status (see [`end_run`]), or FAILED when it could not run.
    pub fn execute(
        &self,
        store: &(dyn TrackingStore + Sync),
        run: &Run,
        line: &str,
        setup: Option<Setup>,
        events: Events,
    ) -> Result<Outcome> {
        let run_id = &run.info.run_id;
        let artifact_dir = crate::uri::local_path_from_uri(&run.info.artifact_uri).ok();
        let result = (|| -> Result<Outcome> {
            let plan = self.plan(line, run_id, &run.info.experiment_id, artifact_dir)?;
            if let Some(setup) = setup {
                setup(&plan)?;
            }
            if let (Some(image), EnvManager::Docker) = (&plan.image, plan.manager) {
                let uri_tag = Tag::new("mlflow.docker.image.uri", image.clone());
                store.log_batch(run_id, &[], &[], &[uri_tag])?;
                if let Some(id) = self.docker_image_id(image) {
                    store.log_batch(run_id, &[], &[], &[Tag::new("mlflow.docker.image.id", id)])?;
                }
            }
            events(RunEvent::Starting { run_id, line });
            let outcome = match &self.system_metrics {
                None => spawn(&plan)?,
                Some(config) => {
                    let (outcome, err) =
                        crate::sysmetrics::monitor_while(store, run_id, config, || spawn(&plan));
                    if let Some(e) = err {
                        events(RunEvent::SystemMetricsStopped { run_id, error: &e });
                    }
                    outcome?
                }
            };
            end_run(store, run_id, outcome.status())?;
            events(RunEvent::Ended {
                run_id,
                outcome: &outcome,
            });
            Ok(outcome)
        })();
        if result.is_err() {
            let _ = end_run(store, run_id, RunStatus::Failed);
        }
        result
    }

    /// Runs every run of a sweep under a parent run, `jobs` at a time: the environment is built
    /// once (with `setup`) before the runs race for it; no run starts after a signal.
    #[allow(clippy::too_many_arguments)]
    pub fn sweep(
        &self,
        store: &(dyn TrackingStore + Sync),
        experiment_id: &str,
        user: &str,
        run_name: Option<String>,
        jobs: usize,
        setup: Setup,
        events: Events,
    ) -> Result<SweepReport> {
        let p = self.prepared;
        let mut parent_tags = p.run_tags(user, None);
        parent_tags.push(p.sweep_tag());
        let parent = create_run(store, experiment_id, user, run_name, parent_tags)?;
        let parent_id = parent.info.run_id.clone();
        events(RunEvent::SweepStarted {
            parent_id: &parent_id,
            runs: p.runs.len(),
            jobs,
        });
        // Build the shared environment once, before the children race for it.
        let first = self.plan(&p.runs[0].line, DRY_RUN_ID, experiment_id, None);
        if let Err(e) = first.and_then(|plan| setup(&plan)) {
            let _ = end_run(store, &parent_id, RunStatus::Failed);
            return Err(e);
        }
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<SweepEntry>> = Mutex::new(Vec::new());
        std::thread::scope(|s| {
            for _ in 0..jobs.min(p.runs.len()) {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= p.runs.len() || child::received_signal().is_some() {
                        break;
                    }
                    let planned = &p.runs[i];
                    let mut id = String::new();
                    let r = (|| -> Result<Outcome> {
                        let tags = p.run_tags(user, Some(&parent_id));
                        let run = create_run(store, experiment_id, user, None, tags)?;
                        id = run.info.run_id.clone();
                        store.log_batch(&run.info.run_id, &[], &planned.params(), &[])?;
                        self.execute(store, &run, &planned.line, None, events)
                    })();
                    // A run that could not run is reported without its id (and left out of a
                    // comparison of the runs).
                    if r.is_err() {
                        id.clear();
                    }
                    if let Ok(mut v) = results.lock() {
                        v.push((i, id, r));
                    }
                });
            }
        });
        let mut results = results.into_inner().unwrap_or_default();
        results.sort_by_key(|r| r.0);
        let interrupted = child::received_signal();
        let failed = results
            .iter()
            .any(|(_, _, r)| !matches!(r, Ok(o) if o.exit_code() == 0));
        let status = if interrupted.is_some() {
            RunStatus::Killed
        } else if failed {
            RunStatus::Failed
        } else {
            RunStatus::Finished
        };
        end_run(store, &parent_id, status)?;
        Ok(SweepReport {
            parent_id,
            results,
            interrupted,
            status,
        })
    }

    fn docker_image_id(&self, image: &str) -> Option<String> {
        let out = Command::new((self.tools.which)("docker")?)
            .args(["image", "inspect", "--format", "{{.Id}}", image])
            .stderr(Stdio::null())
            .output()
            .ok()?;
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        (out.status.success() && !id.is_empty()).then_some(id)
    }
}

/// Runs the plan's command under the supervisor, to its end.
fn spawn(plan: &Plan) -> Result<Outcome> {
    let mut cmd = Command::new(&plan.argv[0]);
    cmd.args(&plan.argv[1..])
        .current_dir(&plan.cwd)
        .envs(plan.env.iter().map(|(k, v)| (k, v)));
    child::run_supervised(cmd, None).map_err(|source| ProjectError::Spawn {
        program: plan.argv[0].clone(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn env_build_locks_stay_out_of_the_environments_folder() {
        let root = tempfile::tempdir().unwrap();
        let env_dir = root.path().join("mlrun-0123456789abcdef");
        // A lock an earlier mlrun left beside the environment is cleaned up.
        std::fs::write(env_dir.with_extension("lock"), "").unwrap();
        let plan = Plan {
            manager: EnvManager::Uv,
            env_dir: Some(env_dir.clone()),
            setup: vec![Step::Run {
                argv: vec!["mkdir".into(), env_dir.to_string_lossy().into_owned()],
                cwd: root.path().to_path_buf(),
            }],
            prepare: vec![],
            image: None,
            argv: vec!["true".into()],
            cwd: root.path().to_path_buf(),
            env: vec![],
        };
        for _ in 0..2 {
            prepare_env(&plan, ToolOutput::Capture, &mut |_| {}).unwrap();
            assert!(plan.env_ready());
            assert_eq!(
                names(root.path()),
                BTreeSet::from([LOCKS_DIR.to_string(), "mlrun-0123456789abcdef".into()])
            );
            assert_eq!(
                names(&root.path().join(LOCKS_DIR)),
                BTreeSet::from(["mlrun-0123456789abcdef.lock".to_string()])
            );
        }
    }
}
