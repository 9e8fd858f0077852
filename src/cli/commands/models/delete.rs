//! `mlrun models delete`
use super::explain;
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;
use mlrun::registry::ModelRegistry;

#[derive(Debug, Args)]
pub struct DeleteArgs {
    name: String,
}

pub fn cmd_delete(ctx: &Ctx, reg: &dyn ModelRegistry, a: DeleteArgs) -> CliResult {
    let DeleteArgs { name } = a;
    reg.delete_registered_model(&name)
        .map_err(|e| explain(reg, &name, e))?;
    ctx.say(&format!("Deleted registered model '{name}'."));
    Ok(())
}
