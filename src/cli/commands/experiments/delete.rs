//! `mlrun experiments delete`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;

#[derive(Debug, Args)]
pub struct DeleteArgs {
    id: String,
}

pub fn cmd_delete(ctx: &Ctx, a: DeleteArgs) -> CliResult {
    ctx.store()?.delete_experiment(&a.id)?;
    ctx.say(&format!("Experiment with ID {} has been deleted.", a.id));
    Ok(())
}
