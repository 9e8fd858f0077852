//! `mlrun metrics history`: every logged point of some metrics of some runs, as a table, CSV, JSON
//! (MLflow's `GetMetricHistory` shape) or a chart drawn in the terminal.
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_chart, print_json, print_table};
use crate::cli::plot::{sparkline, Series};
use crate::cli::runs_table::{fmt_number, fmt_time};
use crate::cli::table::{Column, Table};
use crate::cli::{Ctx, OutputFormat};
use clap::{Args, ValueEnum};
use mlrun::Metric;
use serde_json::json;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The run; several runs comma-separated overlay on one chart
    #[arg(value_name = "RUN_ID[,RUN_ID...]")]
    pub runs: String,
    /// Metric keys
    #[arg(required = true, value_name = "KEY")]
    pub keys: Vec<String>,
    /// Draw a line chart in the terminal (one series per run and key)
    #[arg(long)]
    pub plot: bool,
    /// The x axis of the chart
    #[arg(long, value_enum, default_value_t = XAxis::Step)]
    pub x: XAxis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XAxis {
    /// The step logged with each point
    Step,
    /// Seconds since the run's first point of that metric
    Time,
}

pub fn cmd_history(ctx: &Ctx, a: HistoryArgs) -> CliResult {
    let store = ctx.store()?;
    let run_ids: Vec<String> = a
        .runs
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let mut all: Vec<(String, String, Vec<Metric>)> = Vec::new();
    let mut missing = Vec::new();
    for run_id in &run_ids {
        let run = store.get_run(run_id)?;
        for key in &a.keys {
            let points = store.metric_history(run_id, key)?;
            if points.is_empty() {
                let have: Vec<_> = run.data.metrics.iter().map(|m| m.key.as_str()).collect();
                missing.push((run_id.clone(), key.clone(), have.join(", ")));
                continue;
            }
            all.push((run_id.clone(), key.clone(), points));
        }
    }
    // One run lacking one of several series is worth a warning; nothing to show at all is an error.
    if all.is_empty() || (run_ids.len() == 1 && a.keys.len() == 1 && !missing.is_empty()) {
        if let Some((run_id, key, have)) = missing.into_iter().next() {
            return Err(
                CliError::user(format!("run {run_id} has no metric '{key}'")).with_hint(
                    if have.is_empty() {
                        "this run has no metrics".to_string()
                    } else {
                        format!("its metrics are: {have}")
                    },
                ),
            );
        }
        return Err(CliError::usage("no run given"));
    }
    for (run_id, key, _) in &missing {
        ctx.warn(&format!("run {run_id} has no metric '{key}'"));
    }
    let several_runs = run_ids.len() > 1;

    if a.plot {
        let series: Vec<Series> = all
            .iter()
            .map(|(run_id, key, points)| {
                let label = if several_runs {
                    format!("{} {key}", &run_id[..run_id.len().min(8)])
                } else {
                    key.clone()
                };
                let t0 = points.iter().map(|p| p.timestamp).min().unwrap_or(0);
                let pts = points
                    .iter()
                    .map(|p| match a.x {
                        XAxis::Step => (p.step as f64, p.value),
                        XAxis::Time => ((p.timestamp - t0) as f64 / 1000.0, p.value),
                    })
                    .collect();
                Series::new(label, pts)
            })
            .collect();
        print_chart(ctx, &series)?;
        // A one-line summary per series under the chart: range and where it ended.
        let mut summary = Table::new(vec![
            Column::new("series"),
            Column::number("points"),
            Column::number("min"),
            Column::number("max"),
            Column::number("last"),
            Column::new("trend"),
        ]);
        for (s, (_, _, points)) in series.iter().zip(&all) {
            let values: Vec<f64> = points.iter().map(|p| p.value).collect();
            let finite = values.iter().copied().filter(|v| !v.is_nan());
            let min = finite.clone().fold(f64::INFINITY, f64::min);
            let max = finite.fold(f64::NEG_INFINITY, f64::max);
            let last = mlrun::Metric::latest(points).map_or(f64::NAN, |m| m.value);
            summary.push_row([
                s.label.clone(),
                points.len().to_string(),
                fmt_number(min, true),
                fmt_number(max, true),
                fmt_number(last, true),
                sparkline(&values, 20),
            ]);
        }
        let text = summary.render(ctx.term_width, ctx.stdout_color);
        return crate::cli::output::print_line(text.trim_end());
    }

    if ctx.output == OutputFormat::Json {
        let metrics: Vec<_> = all
            .iter()
            .flat_map(|(run_id, _, points)| {
                points.iter().map(move |p| {
                    let mut v = serde_json::to_value(p).unwrap_or_default();
                    if several_runs {
                        v["run_id"] = json!(run_id);
                    }
                    v
                })
            })
            .collect();
        return print_json(&json!({ "metrics": metrics }));
    }
    let human = ctx.output == OutputFormat::Table;
    let mut cols = Vec::new();
    if several_runs {
        cols.push(Column::id("run_id"));
    }
    cols.extend([
        Column::new("key"),
        Column::number("step"),
        Column::new("timestamp"),
        Column::number("value"),
    ]);
    let mut table = Table::new(cols);
    for (run_id, key, points) in &all {
        for p in points {
            let mut row = Vec::new();
            if several_runs {
                row.push(run_id.clone());
            }
            row.extend([
                key.clone(),
                p.step.to_string(),
                if human {
                    fmt_time(p.timestamp, true)
                } else {
                    p.timestamp.to_string()
                },
                fmt_number(p.value, human),
            ]);
            table.push_row(row);
        }
    }
    print_table(ctx, &table)
}
