//! `mlrun models register`
use super::{keyed, source_error};
use crate::cli::args::tags_of;
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_line};
use crate::cli::{parse_kv, Ctx, OutputFormat};
use clap::Args;
use mlrun::stores::Stores;

#[derive(Debug, Args)]
pub struct RegisterArgs {
    source: String,
    name: String,
    /// A version tag K=V (repeatable)
    #[arg(long = "tag", value_name = "K=V", value_parser = parse_kv)]
    tags: Vec<(String, String)>,
    /// The version's description
    #[arg(long)]
    description: Option<String>,
}

pub fn cmd_register(ctx: &Ctx, stores: &Stores, a: RegisterArgs) -> CliResult {
    let reg = stores.registry();
    let (mv, created) = stores
        .models()
        .register(
            &a.source,
            &a.name,
            &tags_of(a.tags),
            a.description.as_deref(),
        )
        .map_err(|e| source_error(reg, &a.source, e))?;
    if created {
        ctx.say(&format!("Successfully registered model '{}'.", a.name));
    }
    ctx.say(&format!(
        "Created version '{}' of model '{}'.",
        mv.version, mv.name
    ));
    if ctx.output == OutputFormat::Json {
        print_json(&keyed("model_version", &mv))
    } else {
        print_line(&mv.version.to_string())
    }
}
