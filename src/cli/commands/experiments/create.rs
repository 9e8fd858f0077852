//! `mlrun experiments create`
use crate::cli::args::{tags_of, TagArgs};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_line};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::ViewType;
use serde_json::json;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Experiment name (unique among active and deleted experiments)
    pub name: String,
    /// Where the experiment's artifacts go (a path or URI)
    #[arg(long, value_name = "URI")]
    pub artifact_location: Option<String>,
    #[command(flatten)]
    pub tags: TagArgs,
}

pub fn cmd_create(ctx: &Ctx, a: CreateArgs) -> CliResult {
    let store = ctx.store()?;
    // An experiment whose meta.yaml cannot be read might hold this name: say so.
    if let Ok(listing) = store.list_experiments(ViewType::All) {
        for b in &listing.broken {
            ctx.warn(&format!("could not check this experiment's name: {b}"));
        }
    }
    let id = store.create_experiment(
        &a.name,
        a.artifact_location.as_deref(),
        &tags_of(a.tags.tags),
    )?;
    if ctx.output == OutputFormat::Json {
        print_json(&json!({ "experiment_id": id }))
    } else {
        print_line(&id)
    }
}
