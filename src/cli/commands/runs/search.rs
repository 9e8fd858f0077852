//! `mlrun runs search`: MLflow's runs search, as MLflow's JSON or as a table of chosen columns.
use crate::cli::args::{experiment_ids, parse_run_search, PageTokenArg, RunFilterArgs, View};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_table};
use crate::cli::runs_table::{default_columns, runs_table};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::search::columns::needs_of;
use mlrun::store::{RunPage, RunQuery};
use mlrun::Run;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Experiment id to search (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]
    #[arg(long = "experiment-id", value_name = "ID")]
    pub experiment_ids: Vec<String>,
    /// Experiment name to search (repeatable)
    #[arg(long = "experiment-name", value_name = "NAME")]
    pub experiment_names: Vec<String>,
    #[command(flatten)]
    pub query: RunFilterArgs,
    /// Most runs to return (at most 50000)
    #[arg(long, default_value_t = 1000, allow_negative_numbers = true)]
    pub max_results: i64,
    #[command(flatten)]
    pub page: PageTokenArg,
    /// Which runs: active, deleted or all
    #[arg(long, value_enum, default_value_t = View::Active)]
    pub view: View,
    /// Columns to show, comma-separated: metrics.K[:min|:max|:last], params.K, tags.K, or an
    /// attribute (run_id, run_name, status, user_id, start_time, end_time, duration, experiment_id,
    /// artifact_uri) [default: run_id, run_name, status, start_time, then every metric and param]
    #[arg(long, short = 'c', value_delimiter = ',', value_name = "COLUMN")]
    pub columns: Vec<String>,
}

pub fn cmd_search(ctx: &Ctx, a: SearchArgs) -> CliResult {
    let store = ctx.store()?;
    let (filter, order_by, columns) = parse_run_search(&a.query, &a.columns)?;
    let experiment_ids = experiment_ids(store, &a.experiment_ids, &a.experiment_names)?;
    // JSON gives MLflow's whole runs; a table reads only the columns it shows.
    let needs =
        (!columns.is_empty() && ctx.output != OutputFormat::Json).then(|| needs_of(&columns));
    let page = store.search_runs(&RunQuery {
        experiment_ids,
        filter,
        order_by,
        max_results: a.max_results,
        page_token: a.page.page_token,
        view: a.view.into(),
        columns: needs,
    })?;
    for b in &page.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    if ctx.output == OutputFormat::Json {
        return print_page_json(&page);
    }
    let columns = if columns.is_empty() {
        default_columns(&page.runs)
    } else {
        columns
    };
    let table = runs_table(store, &page.runs, &columns, ctx.output)?;
    print_table(ctx, &table)?;
    if let Some(t) = &page.next_page_token {
        ctx.say(&format!(
            "more runs match: pass --page-token {t} for the next page"
        ));
    }
    Ok(())
}

/// MLflow's `SearchRuns` response, serialized straight from the runs (no JSON tree in between:
/// a big search prints tens of megabytes).
#[derive(serde::Serialize)]
struct SearchRunsResponse<'a> {
    runs: &'a [Run],
    #[serde(skip_serializing_if = "Option::is_none")]
    next_page_token: Option<&'a str>,
}

fn print_page_json(page: &RunPage) -> CliResult {
    print_json(&SearchRunsResponse {
        runs: &page.runs,
        next_page_token: page.next_page_token.as_deref(),
    })
}
