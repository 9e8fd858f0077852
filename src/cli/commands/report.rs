//! `mlrun report`: a runs search as one self-contained HTML file (table + metric charts, nothing
//! fetched from anywhere) for CI to publish, or the same table as markdown/CSV/JSON on stdout.
use crate::cli::args::{experiment_ids, parse_run_search, RunFilterArgs};
use crate::cli::error::{CliError, CliResult};
use crate::cli::runs_table::{cell, default_columns, runs_table, Agg, Attr, ColumnSpec};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::store::RunQuery;
use mlrun::ui::report::{render_html, Chart, ChartSeries, ReportTable};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Experiment id to report on (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]
    #[arg(long = "experiment-id", value_name = "ID")]
    pub experiment_ids: Vec<String>,
    /// Experiment name to report on (repeatable)
    #[arg(long = "experiment-name", value_name = "NAME")]
    pub experiment_names: Vec<String>,
    #[command(flatten)]
    pub query: RunFilterArgs,
    /// Most runs in the report
    #[arg(long, default_value_t = 1000, allow_negative_numbers = true)]
    pub max_results: i64,
    /// Table columns, as `runs search --columns` takes them [default: run_id, run_name, status,
    /// start_time, then every metric and param]
    #[arg(long, short = 'c', value_delimiter = ',', value_name = "COLUMN")]
    pub columns: Vec<String>,
    /// Metrics to chart, comma-separated [default: the first four metrics]
    #[arg(long, value_delimiter = ',', value_name = "KEY")]
    pub metrics: Vec<String>,
    /// Runs drawn on each chart: the first N in the report's order
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub chart_runs: usize,
    /// Where to write the HTML report. Without it, `--output markdown|csv|json` prints the runs
    /// table on stdout instead
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn cmd_report(ctx: &Ctx, a: ReportArgs) -> CliResult {
    if a.out.is_none() && ctx.output == OutputFormat::Table {
        return Err(CliError::usage("no report file given").with_hint(
            "pass -o report.html, or --output markdown to print the runs table for a CI summary",
        ));
    }
    let store = ctx.store()?;
    let (filter, order_by, columns) = parse_run_search(&a.query, &a.columns)?;
    let exp_ids = experiment_ids(store, &a.experiment_ids, &a.experiment_names)?;
    let page = store.search_runs(&RunQuery {
        experiment_ids: exp_ids.clone(),
        filter,
        order_by,
        max_results: a.max_results,
        page_token: None,
        view: mlrun::ViewType::ActiveOnly,
        columns: None,
    })?;
    for b in &page.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    let columns = if columns.is_empty() {
        default_columns(&page.runs)
    } else {
        columns
    };
    let Some(out) = a.out else {
        let table = runs_table(store, &page.runs, &columns, ctx.output)?;
        return crate::cli::output::print_table(ctx, &table);
    };

    let mut rows = Vec::with_capacity(page.runs.len());
    for run in &page.runs {
        let mut row = Vec::with_capacity(columns.len());
        for c in &columns {
            let summary = match c {
                ColumnSpec::Metric(k, Agg::Min | Agg::Max) => {
                    store.metric_summary(&run.info.run_id, k)?
                }
                _ => None,
            };
            row.push(cell(run, c, summary.as_ref(), true));
        }
        rows.push(row);
    }
    let mut table = ReportTable {
        headers: columns.iter().map(ColumnSpec::name).collect(),
        numeric: columns
            .iter()
            .map(|c| matches!(c, ColumnSpec::Metric(..) | ColumnSpec::Attr(Attr::Duration)))
            .collect(),
        rows,
    };
    // The runs' dataset inputs, as a last column when any run has one.
    let inputs: Vec<Vec<mlrun::DatasetInput>> =
        page.runs.iter().map(mlrun::Run::dataset_inputs).collect();
    if inputs.iter().any(|i| !i.is_empty()) {
        table.headers.push("datasets".into());
        table.numeric.push(false);
        for (row, ds) in table.rows.iter_mut().zip(&inputs) {
            let text: Vec<String> = ds
                .iter()
                .map(|d| format!("{} {}", d.dataset.name, d.details()))
                .collect();
            row.push(text.join("; "));
        }
    }
    let chart_keys: Vec<String> = if a.metrics.is_empty() {
        columns
            .iter()
            .filter_map(|c| match c {
                ColumnSpec::Metric(k, _) => Some(k.clone()),
                _ => None,
            })
            .fold(Vec::new(), |mut v, k| {
                if !v.contains(&k) {
                    v.push(k);
                }
                v
            })
            .into_iter()
            .take(4)
            .collect()
    } else {
        a.metrics.clone()
    };
    let mut charts = Vec::new();
    for key in &chart_keys {
        let mut series = Vec::new();
        for run in page.runs.iter().take(a.chart_runs) {
            let points = store.metric_history(&run.info.run_id, key)?;
            if points.is_empty() {
                continue;
            }
            series.push(ChartSeries {
                label: format!(
                    "{} ({})",
                    run.info.run_name,
                    &run.info.run_id[..8.min(run.info.run_id.len())]
                ),
                points: points.iter().map(|m| (m.step as f64, m.value)).collect(),
            });
        }
        charts.push(Chart {
            title: key.clone(),
            series,
        });
    }
    let names: Vec<String> = exp_ids
        .iter()
        .map(|id| {
            store
                .get_experiment(id)
                .map(|e| e.name)
                .unwrap_or_else(|_| id.clone())
        })
        .collect();
    let title = format!("mlrun report: {}", names.join(", "));
    let mut subtitle = format!(
        "{} runs{}",
        page.runs.len(),
        if page.next_page_token.is_some() {
            format!(" (the first {}; more match)", a.max_results)
        } else {
            String::new()
        }
    );
    let filter_text = a.query.filter.as_deref().unwrap_or_default();
    if !filter_text.is_empty() {
        subtitle.push_str(&format!(" · filter: {filter_text}"));
    }
    if !a.query.order_by.is_empty() {
        subtitle.push_str(&format!(" · order by: {}", a.query.order_by.join(", ")));
    }
    let html = render_html(&title, &subtitle, &table, &charts);
    write_atomic(&out, html.as_bytes())?;
    ctx.say(&format!(
        "wrote {} ({} runs, {} charts)",
        out.display(),
        table.rows.len(),
        charts.len()
    ));
    Ok(())
}

/// Temp file beside the target, then rename: a CI job never publishes half a report.
fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> CliResult {
    use std::io::Write;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .map_err(|e| CliError::user(format!("{}: {e}", dir.display())))?;
    tmp.write_all(bytes)?;
    tmp.persist(path)
        .map_err(|e| CliError::user(format!("{}: {}", path.display(), e.error)))?;
    Ok(())
}
