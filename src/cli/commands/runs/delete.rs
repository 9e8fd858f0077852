//! `mlrun runs delete`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;

#[derive(Debug, Args)]
pub struct DeleteArgs {
    run_id: String,
}

pub fn cmd_delete(ctx: &Ctx, a: DeleteArgs) -> CliResult {
    ctx.store()?.delete_run(&a.run_id)?;
    ctx.say(&format!("Run with ID {} has been deleted.", a.run_id));
    Ok(())
}
