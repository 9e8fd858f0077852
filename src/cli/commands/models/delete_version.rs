//! `mlrun models delete-version`
use super::{explain, version_arg};
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;
use mlrun::registry::ModelRegistry;

#[derive(Debug, Args)]
pub struct DeleteVersionArgs {
    name: String,
    #[arg(id = "model_version", value_name = "VERSION")]
    version: String,
}

pub fn cmd_delete_version(ctx: &Ctx, reg: &dyn ModelRegistry, a: DeleteVersionArgs) -> CliResult {
    let DeleteVersionArgs { name, version } = a;
    let v = version_arg(&version)?;
    reg.delete_model_version(&name, v)
        .map_err(|e| explain(reg, &name, e))?;
    ctx.say(&format!("Deleted version {v} of '{name}'."));
    Ok(())
}
