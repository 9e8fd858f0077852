//! `mlrun experiments delete-tag`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;

#[derive(Debug, Args)]
pub struct DeleteTagArgs {
    id: String,
    key: String,
}

pub fn cmd_delete_tag(ctx: &Ctx, a: DeleteTagArgs) -> CliResult {
    Ok(ctx.store()?.delete_experiment_tag(&a.id, &a.key)?)
}
