//! `mlrun models delete-tag`
use super::{explain, version_arg};
use crate::cli::args::ModelVersionArg;
use crate::cli::error::CliResult;
use clap::Args;
use mlrun::registry::ModelRegistry;

#[derive(Debug, Args)]
pub struct DeleteTagArgs {
    name: String,
    key: String,
    #[command(flatten)]
    version: ModelVersionArg,
}

pub fn cmd_delete_tag(reg: &dyn ModelRegistry, a: DeleteTagArgs) -> CliResult {
    let DeleteTagArgs {
        name,
        key,
        version: ModelVersionArg { version },
    } = a;
    match version {
        Some(v) => reg.delete_model_version_tag(&name, version_arg(&v)?, &key),
        None => reg.delete_registered_model_tag(&name, &key),
    }
    .map_err(|e| explain(reg, &name, e))
}
