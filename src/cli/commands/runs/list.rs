//! `mlrun runs list`
use crate::cli::args::{ExperimentSel, ViewArg};
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_table};
use crate::cli::runs_table::{runs_table, Attr, ColumnSpec};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    exp: ExperimentSel,
    #[command(flatten)]
    view: ViewArg,
}

pub fn cmd_list(ctx: &Ctx, a: ListArgs) -> CliResult {
    let store = ctx.store()?;
    let ids = match (&a.exp.experiment_id, &a.exp.experiment_name) {
        (Some(id), _) => vec![id.clone()],
        (None, Some(name)) => vec![
            store
                .get_experiment_by_name(name)?
                .ok_or_else(|| CliError::user(format!("no experiment named '{name}'")))?
                .experiment_id,
        ],
        (None, None) => vec!["0".into()],
    };
    let listing = store.list_runs(&ids, a.view.view.into())?;
    for b in &listing.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    if ctx.output == OutputFormat::Json {
        return print_json(&json!({ "runs": listing.items }));
    }
    let columns = [
        Attr::RunId,
        Attr::RunName,
        Attr::Status,
        Attr::StartTime,
        Attr::Duration,
    ]
    .map(ColumnSpec::Attr);
    let table = runs_table(store, &listing.items, &columns, ctx.output)?;
    print_table(ctx, &table)
}
