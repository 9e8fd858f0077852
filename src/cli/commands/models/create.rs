//! `mlrun models create`
use super::keyed;
use crate::cli::args::{tags_of, TagArgs};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_line};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::ModelRegistry;

#[derive(Debug, Args)]
pub struct CreateArgs {
    name: String,
    #[arg(long)]
    description: Option<String>,
    #[command(flatten)]
    tags: TagArgs,
}

pub fn cmd_create(ctx: &Ctx, reg: &dyn ModelRegistry, a: CreateArgs) -> CliResult {
    let CreateArgs {
        name,
        description,
        tags: TagArgs { tags },
    } = a;
    let rm = reg.create_registered_model(&name, &tags_of(tags), description.as_deref())?;
    ctx.say(&format!("Created registered model '{name}'."));
    if ctx.output == OutputFormat::Json {
        print_json(&keyed("registered_model", &rm))
    } else {
        print_line(&rm.name)
    }
}
