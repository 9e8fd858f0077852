//! `mlrun experiments search`
use super::{rows, HEADERS};
use crate::cli::args::{search_error, PageTokenArg, ViewArg};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::search;
use serde_json::json;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// MLflow filter, e.g. "name LIKE 'bert-%' and tags.team = 'nlp'"
    #[arg(long, short = 'f', value_name = "FILTER")]
    pub filter: Option<String>,
    /// Order, e.g. "last_update_time DESC" (repeatable) [default: creation_time DESC]
    #[arg(long = "order-by", value_name = "KEY [ASC|DESC]")]
    pub order_by: Vec<String>,
    /// Most experiments to return (at most 50000)
    #[arg(long, default_value_t = 1000, allow_negative_numbers = true)]
    pub max_results: i64,
    #[command(flatten)]
    pub page: PageTokenArg,
    #[command(flatten)]
    pub view: ViewArg,
}

/// MLflow's `search_experiments`: list, filter, sort and page in memory (experiments are few).
pub fn cmd_search(ctx: &Ctx, a: SearchArgs) -> CliResult {
    let store = ctx.store()?;
    let text = a.filter.clone().unwrap_or_default();
    let filter =
        search::parse_experiment_filter(&text).map_err(|e| search_error("filter", &text, e))?;
    let order_by = a
        .order_by
        .iter()
        .map(|o| search::parse_experiment_order_by(o).map_err(|e| search_error("order-by", o, e)))
        .collect::<CliResult<Vec<_>>>()?;
    search::check_experiment_max_results(a.max_results).map_err(mlrun::StoreError::from)?;
    let listing = store.list_experiments(a.view.view.into())?;
    for b in &listing.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    let (page, next) = search::select_experiments(
        listing.items,
        &filter,
        &order_by,
        a.max_results,
        a.page.page_token.as_deref(),
    )
    .map_err(mlrun::StoreError::from)?;
    let page = &page[..];
    if ctx.output == OutputFormat::Json {
        let mut v = json!({ "experiments": page });
        if let Some(t) = &next {
            v["next_page_token"] = json!(t);
        }
        return print_json(&v);
    }
    print_rows(ctx, &HEADERS, &rows(page))?;
    if let Some(t) = next {
        ctx.say(&format!(
            "more experiments match: pass --page-token {t} for the next page"
        ));
    }
    Ok(())
}
