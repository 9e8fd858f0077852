//! `mlrun experiments restore`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;

#[derive(Debug, Args)]
pub struct RestoreArgs {
    id: String,
}

pub fn cmd_restore(ctx: &Ctx, a: RestoreArgs) -> CliResult {
    ctx.store()?.restore_experiment(&a.id)?;
    ctx.say(&format!("Experiment with id {} has been restored.", a.id));
    Ok(())
}
