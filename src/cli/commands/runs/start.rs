//! `mlrun runs start`
use crate::cli::args::{
    experiment_for_new_run, source_tags, tags_of, user, ExperimentSel, TagArgs,
};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_line};
use crate::cli::{now_ms, Ctx, OutputFormat};
use clap::Args;
use mlrun::store::NewRun;
use mlrun::Tag;
use serde_json::json;

#[derive(Debug, Args)]
pub struct StartArgs {
    #[command(flatten)]
    pub exp: ExperimentSel,
    /// Run name [default: a random adjective-noun-number]
    #[arg(long)]
    pub name: Option<String>,
    /// Parent run, for nested runs
    #[arg(long)]
    pub parent_run_id: Option<String>,
    #[command(flatten)]
    pub tags: TagArgs,
}

pub fn cmd_start(ctx: &Ctx, a: StartArgs) -> CliResult {
    let store = ctx.store()?;
    let experiment_id = experiment_for_new_run(ctx, store, &a.exp)?;
    let user = user();
    let mut tags = source_tags(&user);
    let given = tags_of(a.tags.tags);
    tags.retain(|t| !given.iter().any(|g| g.key == t.key));
    tags.extend(given);
    if let Some(parent) = &a.parent_run_id {
        store.get_run(parent)?;
        tags.push(Tag::new("mlflow.parentRunId", parent.clone()));
    }
    let run = store.create_run(NewRun {
        experiment_id,
        user_id: user,
        start_time: now_ms(),
        run_name: a.name,
        tags,
    })?;
    if ctx.output == OutputFormat::Json {
        print_json(&json!({ "run": run }))
    } else {
        print_line(&run.info.run_id)
    }
}
