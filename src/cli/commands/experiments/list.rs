//! `mlrun experiments list`
use super::{rows, HEADERS};
use crate::cli::args::ViewArg;
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    view: ViewArg,
}

pub fn cmd_list(ctx: &Ctx, a: ListArgs) -> CliResult {
    let store = ctx.store()?;
    let listing = store.list_experiments(a.view.view.into())?;
    for b in &listing.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    if ctx.output == OutputFormat::Json {
        print_json(&json!({ "experiments": listing.items }))
    } else {
        print_rows(ctx, &HEADERS, &rows(&listing.items))
    }
}
