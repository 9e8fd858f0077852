//! `mlrun runs delete-tag`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;

#[derive(Debug, Args)]
pub struct DeleteTagArgs {
    run_id: String,
    key: String,
}

pub fn cmd_delete_tag(ctx: &Ctx, a: DeleteTagArgs) -> CliResult {
    Ok(ctx.store()?.delete_tag(&a.run_id, &a.key)?)
}
