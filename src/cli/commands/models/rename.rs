//! `mlrun models rename`
use super::{explain, keyed};
use crate::cli::error::CliResult;
use crate::cli::output::print_json;
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::ModelRegistry;

#[derive(Debug, Args)]
pub struct RenameArgs {
    name: String,
    new_name: String,
}

pub fn cmd_rename(ctx: &Ctx, reg: &dyn ModelRegistry, a: RenameArgs) -> CliResult {
    let RenameArgs { name, new_name } = a;
    let rm = reg
        .rename_registered_model(&name, &new_name)
        .map_err(|e| explain(reg, &name, e))?;
    ctx.say(&format!(
        "Renamed registered model '{name}' to '{new_name}'."
    ));
    if ctx.output == OutputFormat::Json {
        print_json(&keyed("registered_model", &rm))
    } else {
        Ok(())
    }
}
