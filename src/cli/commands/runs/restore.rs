//! `mlrun runs restore`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;

#[derive(Debug, Args)]
pub struct RestoreArgs {
    run_id: String,
}

pub fn cmd_restore(ctx: &Ctx, a: RestoreArgs) -> CliResult {
    ctx.store()?.restore_run(&a.run_id)?;
    ctx.say(&format!("Run with id {} has been restored.", a.run_id));
    Ok(())
}
