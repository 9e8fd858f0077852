//! `mlrun models update`
use super::{explain, keyed, version_arg};
use crate::cli::args::ModelVersionArg;
use crate::cli::error::CliResult;
use crate::cli::output::print_json;
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::ModelRegistry;

#[derive(Debug, Args)]
pub struct UpdateArgs {
    name: String,
    /// The new description (omit to clear it)
    #[arg(long)]
    description: Option<String>,
    #[command(flatten)]
    version: ModelVersionArg,
}

pub fn cmd_update(ctx: &Ctx, reg: &dyn ModelRegistry, a: UpdateArgs) -> CliResult {
    let UpdateArgs {
        name,
        description,
        version: ModelVersionArg { version },
    } = a;
    match version {
        Some(v) => {
            let mv = reg
                .update_model_version(&name, version_arg(&v)?, description.as_deref())
                .map_err(|e| explain(reg, &name, e))?;
            if ctx.output == OutputFormat::Json {
                print_json(&keyed("model_version", &mv))
            } else {
                Ok(())
            }
        }
        None => {
            let rm = reg
                .update_registered_model(&name, description.as_deref())
                .map_err(|e| explain(reg, &name, e))?;
            if ctx.output == OutputFormat::Json {
                print_json(&keyed("registered_model", &rm))
            } else {
                Ok(())
            }
        }
    }
}
