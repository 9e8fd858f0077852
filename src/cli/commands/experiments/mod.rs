//! `mlrun experiments …`: the group's subcommands, one file each, and their dispatch.
mod create;
mod delete;
mod delete_tag;
mod describe;
mod list;
mod rename;
mod restore;
mod search;
mod set_tag;

use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Subcommand;
use mlrun::Experiment;

#[derive(Debug, Subcommand)]
pub enum ExperimentsCmd {
    /// Create an experiment; prints its id
    Create(create::CreateArgs),
    /// List experiments
    List(list::ListArgs),
    /// Search experiments with MLflow's filter grammar and order
    Search(search::SearchArgs),
    /// Show one experiment, by id or name
    Describe(describe::DescribeArgs),
    /// Rename an experiment
    Rename(rename::RenameArgs),
    /// Delete an experiment (moves it to .trash; `gc` removes it for good)
    Delete(delete::DeleteArgs),
    /// Restore a deleted experiment and its runs
    Restore(restore::RestoreArgs),
    /// Set a tag on an experiment
    SetTag(set_tag::SetTagArgs),
    /// Delete a tag from an experiment
    DeleteTag(delete_tag::DeleteTagArgs),
}

pub fn cmd_experiments(ctx: &Ctx, cmd: ExperimentsCmd) -> CliResult {
    match cmd {
        ExperimentsCmd::Create(a) => create::cmd_create(ctx, a),
        ExperimentsCmd::List(a) => list::cmd_list(ctx, a),
        ExperimentsCmd::Search(a) => search::cmd_search(ctx, a),
        ExperimentsCmd::Describe(a) => describe::cmd_describe(ctx, a),
        ExperimentsCmd::Rename(a) => rename::cmd_rename(ctx, a),
        ExperimentsCmd::Delete(a) => delete::cmd_delete(ctx, a),
        ExperimentsCmd::Restore(a) => restore::cmd_restore(ctx, a),
        ExperimentsCmd::SetTag(a) => set_tag::cmd_set_tag(ctx, a),
        ExperimentsCmd::DeleteTag(a) => delete_tag::cmd_delete_tag(ctx, a),
    }
}

/// The columns `list` and `search` show for each experiment.
const HEADERS: [&str; 4] = ["Experiment Id", "Name", "Stage", "Artifact Location"];

fn rows(exps: &[Experiment]) -> Vec<Vec<String>> {
    exps.iter()
        .map(|e| {
            vec![
                e.experiment_id.clone(),
                e.name.clone(),
                e.lifecycle_stage.as_str().to_string(),
                e.artifact_location.clone(),
            ]
        })
        .collect()
}
