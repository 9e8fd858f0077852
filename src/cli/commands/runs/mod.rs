//! `mlrun runs …`: the group's subcommands, one file each, and their dispatch. `rerun` runs a
//! project again (with `cli/project.rs`, as `run` does), so its exit code passes through.
mod delete;
mod delete_tag;
mod describe;
mod end;
mod list;
mod rerun;
mod restore;
mod search;
mod set_tag;
mod start;

use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum RunsCmd {
    /// Start a run; prints its id
    Start(start::StartArgs),
    /// End a run (default status FINISHED)
    End(end::EndArgs),
    /// Show a run: info, params, latest metrics and tags
    Describe(describe::DescribeArgs),
    /// Search runs with MLflow's filter grammar and order-by; tables show chosen columns
    Search(search::SearchArgs),
    /// List runs of an experiment, newest first
    List(list::ListArgs),
    /// Delete a run (`gc` removes it for good)
    Delete(delete::DeleteArgs),
    /// Restore a deleted run
    Restore(restore::RestoreArgs),
    /// Set a tag on a run
    SetTag(set_tag::SetTagArgs),
    /// Delete a tag from a run
    DeleteTag(delete_tag::DeleteTagArgs),
    /// Run a project run again: its recorded URI, version, entry point and params (-P changes some)
    Rerun(rerun::RerunArgs),
}

/// Runs the subcommand; its exit code (a rerun's entry point's own).
pub fn cmd_runs(ctx: &Ctx, cmd: RunsCmd) -> CliResult<i32> {
    let done = match cmd {
        RunsCmd::Start(a) => start::cmd_start(ctx, a),
        RunsCmd::End(a) => end::cmd_end(ctx, a),
        RunsCmd::Describe(a) => describe::cmd_describe(ctx, a),
        RunsCmd::Search(a) => search::cmd_search(ctx, a),
        RunsCmd::List(a) => list::cmd_list(ctx, a),
        RunsCmd::Delete(a) => delete::cmd_delete(ctx, a),
        RunsCmd::Restore(a) => restore::cmd_restore(ctx, a),
        RunsCmd::SetTag(a) => set_tag::cmd_set_tag(ctx, a),
        RunsCmd::DeleteTag(a) => delete_tag::cmd_delete_tag(ctx, a),
        RunsCmd::Rerun(a) => return rerun::cmd_rerun(ctx, a),
    };
    done.map(|()| 0)
}
