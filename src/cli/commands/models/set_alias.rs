//! `mlrun models set-alias`
use super::{explain, version_arg};
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;
use mlrun::registry::ModelRegistry;

#[derive(Debug, Args)]
pub struct SetAliasArgs {
    name: String,
    alias: String,
    #[arg(id = "model_version", value_name = "VERSION")]
    version: String,
}

pub fn cmd_set_alias(ctx: &Ctx, reg: &dyn ModelRegistry, a: SetAliasArgs) -> CliResult {
    let SetAliasArgs {
        name,
        alias,
        version,
    } = a;
    let v = version_arg(&version)?;
    reg.set_registered_model_alias(&name, &alias, v)
        .map_err(|e| explain(reg, &name, e))?;
    ctx.say(&format!(
        "Alias '@{alias}' of '{name}' now points to version {v}."
    ));
    Ok(())
}
