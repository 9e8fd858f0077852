//! `mlrun runs rerun`
use crate::cli::args::ExperimentSel;
use crate::cli::error::{CliError, CliResult};
use crate::cli::parse_kv;
use crate::cli::project::{run_with, EnvManagerArg, RunArgs};
use crate::cli::Ctx;
use clap::Args;
use mlrun::project::run::{TAG_BUILD_IMAGE, TAG_CWD, TAG_SWEEP, TAG_URI, TAG_VERSION};
use mlrun::project::shlex_unquote;
use std::path::PathBuf;

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

/// `mlrun runs rerun`: the recorded project, version, entry point and params, with changes.
pub fn cmd_rerun(ctx: &Ctx, a: RerunArgs) -> CliResult<i32> {
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
        system_metrics: Default::default(),
    };
    ctx.say(&format!("Rerunning {} ({})", a.run_id, args.uri));
    run_with(ctx, args, false, Some(&a.run_id), cwd)
}
