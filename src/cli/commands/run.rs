//! `mlrun run`: an MLflow project's entry point in a new run. The flags (`RunArgs`) and the running
//! are `cli/project.rs`'s, which `runs rerun` shares.
use crate::cli::error::CliResult;
use crate::cli::project::{run_with, RunArgs};
use crate::cli::Ctx;

pub fn cmd_run(ctx: &Ctx, a: RunArgs) -> CliResult<i32> {
    run_with(ctx, a, true, None, None)
}
