//! `mlrun models set-tag`
use super::{explain, version_arg};
use crate::cli::args::ModelVersionArg;
use crate::cli::error::CliResult;
use clap::Args;
use mlrun::registry::ModelRegistry;
use mlrun::Tag;

#[derive(Debug, Args)]
pub struct SetTagArgs {
    name: String,
    key: String,
    value: String,
    #[command(flatten)]
    version: ModelVersionArg,
}

pub fn cmd_set_tag(reg: &dyn ModelRegistry, a: SetTagArgs) -> CliResult {
    let SetTagArgs {
        name,
        key,
        value,
        version: ModelVersionArg { version },
    } = a;
    let tag = Tag::new(key, value);
    match version {
        Some(v) => reg.set_model_version_tag(&name, version_arg(&v)?, &tag),
        None => reg.set_registered_model_tag(&name, &tag),
    }
    .map_err(|e| explain(reg, &name, e))
}
