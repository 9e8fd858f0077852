//! `mlrun run`: an MLflow project's entry point inside a tracked run, as `mlflow run` does it (same
//! tags, same shell-quoted params, same child variables), plus sweeps over parameter grids and
//! `mlrun runs rerun`. Every parameter is validated and every command built before anything is
//! written, so a bad value leaves the store untouched.
use super::args::{experiment_for_new_run, user, ExperimentSel};
use super::error::{CliError, CliResult};
use super::host;
use super::search::{runs_table, Agg, Attr, ColumnSpec};
use super::{env_vars, now_ms, parse_kv, Ctx};
use clap::{Args, ValueEnum};
use mlrun::project::env::{self, PlanRequest};
use mlrun::project::fetch::{self, GitInfo, ProjectUri};
use mlrun::project::spec::{Computed, EntryPoint};
use mlrun::project::{shlex_join, shlex_unquote, sweep, EnvManager, Plan, Project, Step, Tools};
use mlrun::store::NewRun;
use mlrun::supervise::child::{self, Outcome};
use mlrun::{Param, Run, RunStatus, Tag, TrackingStore};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Tags mlrun adds so `runs rerun` can repeat a project run.
const TAG_URI: &str = "mlrun.project.uri";
const TAG_VERSION: &str = "mlrun.project.version";
const TAG_CWD: &str = "mlrun.project.cwd";
const TAG_DIRTY: &str = "mlrun.source.git.dirty";
const TAG_RERUN_OF: &str = "mlrun.rerunOf";
const TAG_SWEEP: &str = "mlrun.sweep";
const TAG_BUILD_IMAGE: &str = "mlrun.project.buildImage";
/// Placeholder for ids in `--dry-run` output.
const DRY_RUN_ID: &str = "<run-id>";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EnvManagerArg {
    /// Run in the current environment, as is
    Local,
    /// Build the python_env with uv (cached)
    Uv,
    /// Build the python_env as a virtualenv (with uv when on PATH; cached)
    Virtualenv,
    /// Build conda.yaml with conda, mamba or micromamba (cached)
    Conda,
    /// Run in the docker_env image
    Docker,
}

impl From<EnvManagerArg> for EnvManager {
    fn from(a: EnvManagerArg) -> Self {
        match a {
            EnvManagerArg::Local => EnvManager::Local,
            EnvManagerArg::Uv => EnvManager::Uv,
            EnvManagerArg::Virtualenv => EnvManager::Virtualenv,
            EnvManagerArg::Conda => EnvManager::Conda,
            EnvManagerArg::Docker => EnvManager::Docker,
        }
    }
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The project: a folder, a file:// URI or a git URL; `#subdir` picks a folder inside it
    pub uri: String,
    /// Entry point in the MLproject file, or a .py/.sh file to run
    #[arg(short, long, default_value = "main")]
    pub entry_point: String,
    /// A parameter K=V (repeatable). A comma list (K=a,b) sweeps over its values
    #[arg(short = 'P', long = "param-list", value_name = "K=V", value_parser = parse_kv)]
    pub params: Vec<(String, String)>,
    /// How to provide the environment [default: from the MLproject: conda for conda_env,
    /// docker for docker_env, else virtualenv]
    #[arg(long, value_enum)]
    pub env_manager: Option<EnvManagerArg>,
    #[command(flatten)]
    pub exp: ExperimentSel,
    /// Name of the run (of the parent run, for a sweep)
    #[arg(long)]
    pub run_name: Option<String>,
    /// Git branch, tag or commit to run
    #[arg(short, long, value_name = "REF")]
    pub version: Option<String>,
    /// Build a docker image with the project copied in (docker_env projects)
    #[arg(long)]
    pub build_image: bool,
    /// Print the commands that would run (environment, image, entry point) and do nothing
    #[arg(long)]
    pub dry_run: bool,
    /// A `docker run` argument NAME[=VALUE] (repeatable); a bare NAME is a flag
    #[arg(short = 'A', long = "docker-args", value_name = "NAME[=VALUE]")]
    pub docker_args: Vec<String>,
    /// A sweep grid: a YAML or JSON map from parameter to a list of values (commas kept)
    #[arg(long, value_name = "FILE")]
    pub grid: Option<PathBuf>,
    /// How many runs of a sweep run at once
    #[arg(short, long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: u32,
}

#[derive(Debug, Args)]
pub struct RerunArgs {
    /// The run to repeat (it must have been started by `mlrun run`)
    pub run_id: String,
    /// Change a parameter K=V (repeatable); others keep their recorded values
    #[arg(short = 'P', long = "param-list", value_name = "K=V", value_parser = parse_kv)]
    pub params: Vec<(String, String)>,
    /// Print the commands that would run and do nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// One run of a project: its params as given, as logged, and its shell line.
struct PlannedRun {
    logged: Computed,
    line: String,
}

/// Everything decided before anything is written: the project, its entry point, each run's params.
struct Prepared {
    uri: ProjectUri,
    /// Holds a cloned project until the runs end.
    _checkout: Option<tempfile::TempDir>,
    project: Project,
    entry: EntryPoint,
    manager: EnvManager,
    git: GitInfo,
    git_bin: PathBuf,
    cwd: PathBuf,
    version: Option<String>,
    build_image: bool,
    docker_args: Vec<(String, Option<String>)>,
    /// A scratch folder (docker build context) that lives as long as the runs.
    scratch: tempfile::TempDir,
    /// One entry per run: the user's params, the logged form and the shell line.
    runs: Vec<PlannedRun>,
    sweep: bool,
    axes: Vec<sweep::Axis>,
}

fn check_repeats(params: &[(String, String)]) -> CliResult {
    let mut seen = BTreeSet::new();
    for (k, _) in params {
        if !seen.insert(k) {
            return Err(CliError::usage(format!("Repeated parameter: '{k}'")));
        }
    }
    Ok(())
}

fn docker_args(raw: &[String]) -> CliResult<Vec<(String, Option<String>)>> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for a in raw {
        let (k, v) = match a.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (a.clone(), None),
        };
        if k.is_empty() {
            return Err(CliError::usage(format!(
                "Invalid format for -A parameter: '{a}'. Use -A name=value."
            )));
        }
        if out.iter().any(|(n, _)| n == &k) {
            return Err(CliError::usage(format!("Repeated parameter: '{k}'")));
        }
        out.push((k, v));
    }
    Ok(out)
}

fn prepare(a: &RunArgs, split_commas: bool, cwd: Option<PathBuf>) -> CliResult<Prepared> {
    check_repeats(&a.params)?;
    let cwd = match cwd {
        Some(c) => c,
        None => std::env::current_dir()?,
    };
    let git_bin = host::which("git").unwrap_or_else(|| PathBuf::from("git"));
    let mut uri = fetch::parse_uri(&a.uri, &cwd)?;
    // A bare repository is a git remote that happens to be on this disk: clone it.
    if let Some(l) = uri.local.clone() {
        if fetch::run_git(&git_bin, &l, &["rev-parse", "--is-bare-repository"])
            .is_ok_and(|s| s == "true")
        {
            uri.local = None;
            uri.base = l.to_string_lossy().into_owned();
        }
    }
    let (root, checkout) = match (&uri.local, &a.version) {
        (Some(local), None) => (local.clone(), None),
        (local, version) => {
            if let (Some(l), Some(_)) = (local, version) {
                if fetch::run_git(&git_bin, l, &["rev-parse", "--git-dir"]).is_err() {
                    return Err(CliError::user(
                        "Setting a version is only supported for Git project URIs",
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
            let tmp = tempfile::Builder::new()
                .prefix("mlrun-project-")
                .tempdir()?;
            let dst = tmp.path().join("project");
            fetch::clone(&git_bin, &url, version.as_deref(), &dst)?;
            (dst.join(inner), Some(tmp))
        }
    };
    let dir = if uri.subdir.is_empty() {
        root.clone()
    } else {
        root.join(&uri.subdir)
    };
    if !dir.is_dir() {
        return Err(CliError::user(format!(
            "Could not find subdirectory {} of {}",
            uri.subdir,
            root.display()
        )));
    }
    let project = mlrun::project::load_project(&dir)?;
    let shell = std::env::var(env_vars::SHELL).unwrap_or_else(|_| "bash".into());
    let entry = project.entry_point(&a.entry_point, &shell)?;
    let manager = env::resolve_manager(&project, a.env_manager.map(Into::into))?;

    let grid = match &a.grid {
        Some(f) => sweep::read_grid(f)?,
        None => vec![],
    };
    let param_axes = if split_commas {
        sweep::axes_from_params(&a.params)
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
    let mut git = fetch::git_info(&git_bin, &dir, a.version.as_deref());
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
        version: a.version.clone(),
        build_image: a.build_image,
        docker_args: docker_args(&a.docker_args)?,
        scratch: tempfile::Builder::new().prefix("mlrun-run-").tempdir()?,
        runs,
        sweep: is_sweep,
        axes,
    })
}

/// The store's folder as an absolute path and as the `file://` URI the child gets.
fn tracking_location(ctx: &Ctx) -> CliResult<(PathBuf, String)> {
    let root = ctx.stores()?.local_root().ok_or_else(|| {
        CliError::user("`mlrun run` needs a local store folder as its tracking URI")
            .with_hint("run the project against a folder, then `mlrun sync` it to the server")
    })?;
    let abs = mlrun::project::spec::normalize(root);
    let uri = mlrun::uri::path_to_file_uri(&abs);
    Ok((abs, uri))
}

/// The variables the entry point gets, as `mlflow run` sets them, plus `MLRUN` (this binary, for
/// `$MLRUN log-metric …` in shell entry points) and the file-store opt-in MLflow 3 asks for.
fn run_env(run_id: &str, tracking_uri: &str, experiment_id: &str) -> Vec<(String, String)> {
    let mut env = vec![
        (env_vars::RUN_ID.to_string(), run_id.to_string()),
        (env_vars::TRACKING_URI.to_string(), tracking_uri.to_string()),
        (
            env_vars::EXPERIMENT_ID.to_string(),
            experiment_id.to_string(),
        ),
    ];
    if std::env::var_os(env_vars::ALLOW_FILE_STORE).is_none() {
        env.push((env_vars::ALLOW_FILE_STORE.to_string(), "true".to_string()));
    }
    if let Ok(exe) = std::env::current_exe() {
        env.push((
            env_vars::MLRUN.to_string(),
            exe.to_string_lossy().into_owned(),
        ));
    }
    env.extend(super::child_pins().into_iter().map(|(k, v)| (k.into(), v)));
    env
}

fn make_plan(
    ctx: &Ctx,
    p: &Prepared,
    line: &str,
    run_id: &str,
    experiment_id: &str,
    artifact_dir: Option<PathBuf>,
) -> CliResult<Plan> {
    let (tracking_dir, tracking_uri) = tracking_location(ctx)?;
    let req = PlanRequest {
        project: &p.project,
        manager: p.manager,
        command: line.to_string(),
        env_root: host::env_root(),
        run_env: run_env(run_id, &tracking_uri, experiment_id),
        tracking_dir,
        artifact_dir,
        docker_args: p.docker_args.clone(),
        build_image: p.build_image,
        git_commit: p.git.commit.clone(),
        scratch: p.scratch.path().to_path_buf(),
    };
    let tools = Tools {
        which: &host::which,
        host_env: &host::host_env,
    };
    Ok(env::plan(&req, &tools)?)
}

/// The tags `mlflow run` writes, plus mlrun's own for `rerun` and the git dirty state.
fn run_tags(p: &Prepared, user: &str, parent: Option<&str>) -> Vec<Tag> {
    let source_name = p.uri.source_name(&p.git_bin);
    let mut tags = vec![
        Tag::new("mlflow.user", user),
        Tag::new("mlflow.source.name", source_name),
        Tag::new("mlflow.source.type", "PROJECT"),
        Tag::new("mlflow.project.entryPoint", p.entry.name.clone()),
    ];
    if let Some(c) = &p.git.commit {
        tags.push(Tag::new("mlflow.source.git.commit", c.clone()));
    }
    if let Some(parent) = parent {
        tags.push(Tag::new("mlflow.parentRunId", parent));
    }
    if let Some(u) = &p.git.repo_url {
        tags.push(Tag::new("mlflow.source.git.repoURL", u.clone()));
    }
    if let Some(b) = &p.git.branch {
        tags.push(Tag::new("mlflow.source.git.branch", b.clone()));
    }
    tags.push(Tag::new("mlflow.project.backend", "local"));
    if let Some(env) = p.manager.tag() {
        tags.push(Tag::new("mlflow.project.env", env));
    }
    if let Some(d) = p.git.dirty {
        tags.push(Tag::new(TAG_DIRTY, d.to_string()));
    }
    // What `rerun` needs: a local folder by its absolute path, a remote as given.
    let uri = match &p.uri.local {
        Some(l) if p.uri.subdir.is_empty() => l.to_string_lossy().into_owned(),
        Some(l) => format!("{}#{}", l.display(), p.uri.subdir),
        None => p.uri.uri.clone(),
    };
    tags.push(Tag::new(TAG_URI, uri));
    if let Some(v) = &p.version {
        tags.push(Tag::new(TAG_VERSION, v.clone()));
    }
    tags.push(Tag::new(TAG_CWD, p.cwd.to_string_lossy().into_owned()));
    if p.build_image {
        tags.push(Tag::new(TAG_BUILD_IMAGE, "true"));
    }
    tags
}

fn params_of(c: &Computed) -> Vec<Param> {
    c.logged()
        .into_iter()
        .map(|(k, v)| Param::new(k, v))
        .collect()
}

pub fn run(ctx: &Ctx, a: RunArgs) -> CliResult<i32> {
    run_with(ctx, a, true, None, None)
}

/// `split_commas` off and `cwd` given for a rerun: values are taken whole, paths resolved where
/// the first run started.
fn run_with(
    ctx: &Ctx,
    a: RunArgs,
    split_commas: bool,
    rerun_of: Option<&str>,
    cwd: Option<PathBuf>,
) -> CliResult<i32> {
    let p = prepare(&a, split_commas, cwd)?;
    if a.dry_run {
        return dry_run(ctx, &p);
    }
    // Plan once before writing anything: a missing tool or host variable is reported now.
    for r in &p.runs {
        make_plan(ctx, &p, &r.line, DRY_RUN_ID, DRY_RUN_ID, None)?;
    }
    // Ctrl-C from here on reaches the child (or stops a sweep) instead of killing mlrun mid-write.
    // (Notices are said even with -q, as before the signal wiring moved.)
    super::signals::forward_to_commands(false)?;
    let store = ctx.store()?;
    let experiment_id = experiment_for_new_run(ctx, store, &a.exp)?;
    let user = user();
    if !p.sweep {
        let PlannedRun { logged, line } = &p.runs[0];
        let mut tags = run_tags(&p, &user, None);
        if let Some(r) = rerun_of {
            tags.push(Tag::new(TAG_RERUN_OF, r));
        }
        let run = create(store, &experiment_id, &user, a.run_name.clone(), tags)?;
        store.log_batch(&run.info.run_id, &[], &params_of(logged), &[])?;
        return execute(ctx, store, &p, &run, line, true);
    }
    run_sweep(ctx, store, &p, &a, &experiment_id, &user)
}

fn create(
    store: &dyn TrackingStore,
    experiment_id: &str,
    user: &str,
    run_name: Option<String>,
    mut tags: Vec<Tag>,
) -> CliResult<Run> {
    // Who supervises the run, so a run left RUNNING by a killed mlrun can be found and ended.
    tags.extend(mlrun::supervise::Supervisor::current().map(|s| s.tag()));
    Ok(store.create_run(NewRun {
        experiment_id: experiment_id.to_string(),
        user_id: user.to_string(),
        start_time: now_ms(),
        run_name,
        tags,
    })?)
}

/// Builds the environment (when not cached) and runs the entry point; ends the run with its
/// status, as MLflow does, only while the run is still RUNNING. Returns mlrun's exit code.
fn execute(
    ctx: &Ctx,
    store: &dyn TrackingStore,
    p: &Prepared,
    run: &Run,
    line: &str,
    setup: bool,
) -> CliResult<i32> {
    let run_id = &run.info.run_id;
    let artifact_dir = mlrun::uri::local_path_from_uri(&run.info.artifact_uri).ok();
    let result = (|| -> CliResult<i32> {
        let plan = make_plan(ctx, p, line, run_id, &run.info.experiment_id, artifact_dir)?;
        if setup {
            host::prepare_env(ctx, &plan)?;
        }
        if let (Some(image), EnvManager::Docker) = (&plan.image, plan.manager) {
            store.log_batch(
                run_id,
                &[],
                &[],
                &[Tag::new("mlflow.docker.image.uri", image.clone())],
            )?;
            if let Some(id) = docker_image_id(image) {
                store.log_batch(run_id, &[], &[], &[Tag::new("mlflow.docker.image.id", id)])?;
            }
        }
        ctx.say(&format!(
            "=== Running command '{line}' in run with ID '{run_id}' ==="
        ));
        let outcome = spawn(&plan)?;
        finish(ctx, store, run_id, outcome.status())?;
        if outcome.status() == RunStatus::Finished {
            ctx.say(&format!("=== Run (ID '{run_id}') succeeded ==="));
        } else {
            ctx.say(&format!(
                "=== Run (ID '{run_id}') failed: the entry point {} ===",
                outcome.describe()
            ));
        }
        Ok(outcome.exit_code())
    })();
    if result.is_err() {
        let _ = finish(ctx, store, run_id, RunStatus::Failed);
    }
    result
}

fn finish(ctx: &Ctx, store: &dyn TrackingStore, run_id: &str, status: RunStatus) -> CliResult {
    let current = store.get_run(run_id)?;
    if current.info.status == RunStatus::Running {
        store.update_run(run_id, status, Some(now_ms()))?;
    } else {
        ctx.say(&format!(
            "Run {run_id} was already ended as {} by the entry point; left as it is",
            current.info.status
        ));
    }
    // After the status: a crash in between leaves a stale record on an ended run (ignored).
    let _ = store.delete_tag(run_id, mlrun::supervise::SUPERVISOR_TAG);
    Ok(())
}

fn spawn(plan: &Plan) -> CliResult<Outcome> {
    let mut cmd = Command::new(&plan.argv[0]);
    cmd.args(&plan.argv[1..])
        .current_dir(&plan.cwd)
        .envs(plan.env.iter().map(|(k, v)| (k, v)));
    child::run_supervised(cmd, None).map_err(|e| CliError {
        message: format!("could not start {}: {e}", plan.argv[0]),
        hint: None,
        code: child::spawn_error_code(&e),
    })
}

fn docker_image_id(image: &str) -> Option<String> {
    let out = Command::new(host::which("docker")?)
        .args(["image", "inspect", "--format", "{{.Id}}", image])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !id.is_empty()).then_some(id)
}

/// `--dry-run`: the command lines, one per line, as they would run; nothing is created.
fn dry_run(ctx: &Ctx, p: &Prepared) -> CliResult<i32> {
    let mut out = Vec::new();
    for (i, r) in p.runs.iter().enumerate() {
        let plan = make_plan(ctx, p, &r.line, DRY_RUN_ID, "<experiment-id>", None)?;
        if i == 0 {
            if !plan.env_ready() {
                out.extend(plan.setup.iter().map(Step::display));
            }
            out.extend(plan.prepare.iter().map(Step::display));
        }
        let envs: Vec<String> = plan
            .env
            .iter()
            .filter(|(k, _)| k != env_vars::MLRUN && k != env_vars::ALLOW_FILE_STORE)
            .map(|(k, v)| mlrun::project::shlex_quote(&format!("{k}={v}")))
            .collect();
        let mut l = format!(
            "cd {} && ",
            mlrun::project::shlex_quote(&plan.cwd.to_string_lossy())
        );
        if !envs.is_empty() {
            l.push_str(&format!("env {} ", envs.join(" ")));
        }
        l.push_str(&shlex_join(&plan.argv));
        out.push(l);
    }
    for l in out {
        super::output::print_line(&l)?;
    }
    Ok(0)
}

fn run_sweep(
    ctx: &Ctx,
    store: &dyn TrackingStore,
    p: &Prepared,
    a: &RunArgs,
    experiment_id: &str,
    user: &str,
) -> CliResult<i32> {
    let mut parent_tags = run_tags(p, user, None);
    let grid: serde_json::Map<String, serde_json::Value> = p
        .axes
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::json!(v)))
        .collect();
    parent_tags.push(Tag::new(
        TAG_SWEEP,
        serde_json::Value::Object(grid).to_string(),
    ));
    let parent = create(store, experiment_id, user, a.run_name.clone(), parent_tags)?;
    let parent_id = parent.info.run_id.clone();
    ctx.say(&format!(
        "Sweep of {} runs under parent run {parent_id}, {} at a time",
        p.runs.len(),
        a.jobs
    ));
    // Build the shared environment once, before the children race for it.
    let first = make_plan(ctx, p, &p.runs[0].line, DRY_RUN_ID, experiment_id, None);
    let setup = first.and_then(|plan| host::prepare_env(ctx, &plan));
    if let Err(e) = setup {
        let _ = finish(ctx, store, &parent_id, RunStatus::Failed);
        return Err(e);
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, String, CliResult<i32>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..(a.jobs as usize).min(p.runs.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= p.runs.len() || child::received_signal().is_some() {
                    break;
                }
                let PlannedRun { logged, line } = &p.runs[i];
                let r = (|| -> CliResult<(String, i32)> {
                    let store = ctx.store()?;
                    let tags = run_tags(p, user, Some(&parent_id));
                    let run = create(store, experiment_id, user, None, tags)?;
                    store.log_batch(&run.info.run_id, &[], &params_of(logged), &[])?;
                    let code = execute(ctx, store, p, &run, line, false)?;
                    Ok((run.info.run_id, code))
                })();
                let entry = match r {
                    Ok((id, code)) => (i, id, Ok(code)),
                    Err(e) => (i, String::new(), Err(e)),
                };
                if let Ok(mut v) = results.lock() {
                    v.push(entry);
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by_key(|r| r.0);
    let interrupted = child::received_signal();
    let mut failed = 0;
    for (i, id, r) in &results {
        match r {
            Ok(0) => {}
            Ok(_) => failed += 1,
            Err(e) => {
                failed += 1;
                ctx.warn(&format!("sweep run {} ({id}): {}", i + 1, e.message));
            }
        }
    }
    let skipped = p.runs.len() - results.len();
    let status = if interrupted.is_some() {
        RunStatus::Killed
    } else if failed > 0 {
        RunStatus::Failed
    } else {
        RunStatus::Finished
    };
    finish(ctx, store, &parent_id, status)?;
    // The comparison table: one row per child, the swept params then every metric.
    let children: Vec<Run> = results
        .iter()
        .filter(|(_, id, _)| !id.is_empty())
        .map(|(_, id, _)| store.get_run(id))
        .collect::<Result<_, _>>()?;
    let mut columns = vec![
        ColumnSpec::Attr(Attr::RunId),
        ColumnSpec::Attr(Attr::RunName),
        ColumnSpec::Attr(Attr::Status),
        ColumnSpec::Attr(Attr::Duration),
    ];
    for (k, _) in &p.axes {
        if let Some((qk, _)) = p.runs[0]
            .logged
            .logged()
            .iter()
            .find(|(lk, _)| shlex_unquote(lk).as_deref() == Some(k.as_str()) || lk == k)
        {
            columns.push(ColumnSpec::Param(qk.clone()));
        }
    }
    let metrics: BTreeSet<&str> = children
        .iter()
        .flat_map(|r| r.data.metrics.iter().map(|m| m.key.as_str()))
        .collect();
    columns.extend(
        metrics
            .into_iter()
            .map(|k| ColumnSpec::Metric(k.to_string(), Agg::Latest)),
    );
    let table = runs_table(store, &children, &columns, ctx.output)?;
    super::output::print_table(ctx, &table)?;
    ctx.say(&format!(
        "Sweep {parent_id}: {} finished, {failed} failed{}",
        results.len() - failed,
        if skipped > 0 {
            format!(", {skipped} not started")
        } else {
            String::new()
        }
    ));
    Ok(match interrupted {
        Some(sig) => 128 + sig,
        None if failed > 0 => 1,
        None => 0,
    })
}

/// `mlrun runs rerun`: the recorded project, version, entry point and params, with changes.
pub fn rerun(ctx: &Ctx, a: RerunArgs) -> CliResult<i32> {
    let store = ctx.store()?;
    let run = store.get_run(&a.run_id)?;
    let tag = |k: &str| {
        run.data
            .tags
            .iter()
            .find(|t| t.key == k)
            .map(|t| t.value.clone())
    };
    let uri = tag(TAG_URI).ok_or_else(|| {
        CliError::user(format!(
            "run {} has no {TAG_URI} tag: only runs started by `mlrun run` can be rerun",
            a.run_id
        ))
    })?;
    if tag(TAG_SWEEP).is_some() {
        return Err(CliError::user(format!(
            "run {} is a sweep's parent; rerun one of its children, or the sweep itself with `mlrun run`",
            a.run_id
        )));
    }
    let mut params: Vec<(String, String)> = run
        .data
        .params
        .iter()
        .map(|p| {
            let k = shlex_unquote(&p.key).unwrap_or_else(|| p.key.clone());
            let v = shlex_unquote(&p.value).unwrap_or_else(|| p.value.clone());
            (k, v)
        })
        .collect();
    for (k, v) in a.params {
        match params.iter_mut().find(|(n, _)| n == &k) {
            Some(slot) => slot.1 = v,
            None => params.push((k, v)),
        }
    }
    let manager = match tag("mlflow.project.env").as_deref() {
        None => EnvManagerArg::Local,
        Some("uv") => EnvManagerArg::Uv,
        Some("virtualenv") => EnvManagerArg::Virtualenv,
        Some("conda") => EnvManagerArg::Conda,
        Some("docker") => EnvManagerArg::Docker,
        Some(other) => {
            return Err(CliError::user(format!(
                "run {} used env manager '{other}', which mlrun does not know",
                a.run_id
            )))
        }
    };
    // Path params were given relative to where the first run started.
    let cwd = tag(TAG_CWD).map(PathBuf::from).filter(|c| c.is_dir());
    let args = RunArgs {
        uri,
        entry_point: tag("mlflow.project.entryPoint").unwrap_or_else(|| "main".into()),
        params,
        env_manager: Some(manager),
        exp: ExperimentSel {
            experiment_id: Some(run.info.experiment_id.clone()),
            experiment_name: None,
        },
        run_name: None,
        version: tag(TAG_VERSION),
        build_image: tag(TAG_BUILD_IMAGE).is_some(),
        dry_run: a.dry_run,
        docker_args: vec![],
        grid: None,
        jobs: 1,
    };
    ctx.say(&format!("Rerunning {} ({})", a.run_id, args.uri));
    run_with(ctx, args, false, Some(&a.run_id), cwd)
}
