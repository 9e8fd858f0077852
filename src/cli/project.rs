//! Running an MLflow project's entry point inside a tracked run, as `mlflow run` does it (same
//! tags, same shell-quoted params, same child variables), plus sweeps over parameter grids: shared by
//! `mlrun run` and `mlrun runs rerun` (which rebuilds a `RunArgs` from a run's tags). Every parameter
//! is validated and every command built before anything is written, so a bad value leaves the store
//! untouched.
use super::args::{experiment_for_new_run, user, ExperimentSel};
use super::error::{CliError, CliResult};
use super::host;
use super::runs_table::{runs_table, Agg, Attr, ColumnSpec};
use super::{env_vars, parse_kv, Ctx};
use clap::{Args, ValueEnum};
use mlrun::project::run::{
    self as prun, Prepared, RunEvent, RunRequest, Runner, SweepReport, DRY_RUN_ID, TAG_RERUN_OF,
};
use mlrun::project::{shlex_join, shlex_unquote, EnvManager, Plan, Step, Tools};
use mlrun::{Run, RunStatus, Tag, TrackingStore};
use std::collections::BTreeSet;
use std::path::PathBuf;

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
    #[command(flatten)]
    pub system_metrics: crate::cli::args::SystemMetricsArgs,
}

fn prepare(a: &RunArgs, split_commas: bool, cwd: Option<PathBuf>) -> CliResult<Prepared> {
    let cwd = match cwd {
        Some(c) => c,
        None => std::env::current_dir()?,
    };
    let shell = std::env::var(env_vars::SHELL).unwrap_or_else(|_| "bash".into());
    Ok(prun::prepare(&RunRequest {
        uri: &a.uri,
        entry_point: &a.entry_point,
        params: &a.params,
        split_commas,
        env_manager: a.env_manager.map(Into::into),
        version: a.version.as_deref(),
        build_image: a.build_image,
        docker_args: &a.docker_args,
        grid: a.grid.as_deref(),
        cwd,
        shell: &shell,
        git_bin: host::which("git").unwrap_or_else(|| PathBuf::from("git")),
    })?)
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

/// The runner of a prepared project: into the local store, with the host's tools and variables.
fn runner<'a>(
    ctx: &Ctx,
    p: &'a Prepared,
    system_metrics: Option<mlrun::sysmetrics::Config>,
) -> CliResult<Runner<'a>> {
    let (tracking_dir, tracking_uri) = tracking_location(ctx)?;
    Ok(Runner {
        prepared: p,
        tools: Tools {
            which: &host::which,
            host_env: &host::host_env,
        },
        env_root: host::env_root(),
        tracking_dir,
        tracking_uri,
        run_env: &run_env,
        system_metrics,
    })
}

/// What the binary says as a project runs.
fn say_event(ctx: &Ctx, event: RunEvent) {
    match event {
        RunEvent::Starting { run_id, line } => ctx.say(&format!(
            "=== Running command '{line}' in run with ID '{run_id}' ==="
        )),
        RunEvent::Ended { run_id, outcome } if outcome.status() == RunStatus::Finished => {
            ctx.say(&format!("=== Run (ID '{run_id}') succeeded ==="))
        }
        RunEvent::Ended { run_id, outcome } => ctx.say(&format!(
            "=== Run (ID '{run_id}') failed: the entry point {} ===",
            outcome.describe()
        )),
        RunEvent::SystemMetricsStopped { run_id, error } => {
            ctx.warn(&format!("system metrics of run {run_id} stopped: {error}"))
        }
        RunEvent::SweepStarted {
            parent_id,
            runs,
            jobs,
        } => ctx.say(&format!(
            "Sweep of {runs} runs under parent run {parent_id}, {jobs} at a time"
        )),
    }
}

/// `split_commas` off and `cwd` given for a rerun: values are taken whole, paths resolved where
/// the first run started.
pub fn run_with(
    ctx: &Ctx,
    a: RunArgs,
    split_commas: bool,
    rerun_of: Option<&str>,
    cwd: Option<PathBuf>,
) -> CliResult<i32> {
    let p = prepare(&a, split_commas, cwd)?;
    let runner = runner(ctx, &p, a.system_metrics.config())?;
    if a.dry_run {
        return dry_run(&runner);
    }
    // Plan once before writing anything: a missing tool or host variable is reported now.
    for r in &p.runs {
        runner.plan(&r.line, DRY_RUN_ID, DRY_RUN_ID, None)?;
    }
    // Ctrl-C from here on reaches the child (or stops a sweep) instead of killing mlrun mid-write.
    // Notices of a forwarded signal are said even with -q, as `run` always has.
    super::signals::forward_to_commands(false)?;
    let store = ctx.store()?;
    let experiment_id = experiment_for_new_run(ctx, store, &a.exp)?;
    let user = user();
    let setup = |plan: &Plan| host::prepare_env(ctx, plan);
    let events = |event: RunEvent| say_event(ctx, event);
    if !p.sweep {
        let planned = &p.runs[0];
        let mut tags = p.run_tags(&user, None);
        if let Some(r) = rerun_of {
            tags.push(Tag::new(TAG_RERUN_OF, r));
        }
        let run = prun::create_run(store, &experiment_id, &user, a.run_name.clone(), tags)?;
        store.log_batch(&run.info.run_id, &[], &planned.params(), &[])?;
        let outcome = runner.execute(store, &run, &planned.line, Some(&setup), &events)?;
        return Ok(outcome.exit_code());
    }
    let report = runner.sweep(
        store,
        &experiment_id,
        &user,
        a.run_name.clone(),
        a.jobs as usize,
        &setup,
        &events,
    )?;
    sweep_summary(ctx, store, &p, &report)
}

/// `--dry-run`: the command lines, one per line, as they would run; nothing is created.
fn dry_run(runner: &Runner) -> CliResult<i32> {
    let mut out = Vec::new();
    for (i, r) in runner.prepared.runs.iter().enumerate() {
        let plan = runner.plan(&r.line, DRY_RUN_ID, "<experiment-id>", None)?;
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

/// A sweep's comparison table on stdout and its tally; returns mlrun's exit code.
fn sweep_summary(
    ctx: &Ctx,
    store: &dyn TrackingStore,
    p: &Prepared,
    report: &SweepReport,
) -> CliResult<i32> {
    let SweepReport {
        parent_id,
        results,
        interrupted,
        ..
    } = report;
    let mut failed = 0;
    for (i, id, r) in results {
        match r {
            Ok(o) if o.exit_code() == 0 => {}
            Ok(_) => failed += 1,
            Err(e) => {
                failed += 1;
                ctx.warn(&format!("sweep run {} ({id}): {e}", i + 1));
            }
        }
    }
    let skipped = p.runs.len() - results.len();
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
