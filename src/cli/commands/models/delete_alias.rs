//! `mlrun models delete-alias`
use super::explain;
use crate::cli::error::CliResult;
use clap::Args;
use mlrun::registry::ModelRegistry;

#[derive(Debug, Args)]
pub struct DeleteAliasArgs {
    name: String,
    alias: String,
}

pub fn cmd_delete_alias(reg: &dyn ModelRegistry, a: DeleteAliasArgs) -> CliResult {
    let DeleteAliasArgs { name, alias } = a;
    reg.delete_registered_model_alias(&name, &alias)
        .map_err(|e| explain(reg, &name, e))
}
