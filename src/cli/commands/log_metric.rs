//! `mlrun log-metric`: one metric point to a run.
use crate::cli::args::{parse_metric_value, RunSel};
use crate::cli::error::CliResult;
use crate::cli::{now_ms, Ctx};
use clap::Args;
use mlrun::Metric;

#[derive(Debug, Args)]
pub struct LogMetricArgs {
    #[command(flatten)]
    pub run: RunSel,
    pub key: String,
    /// A number (Python spellings such as nan, inf, 1e-05 are accepted)
    #[arg(value_parser = parse_metric_value, allow_hyphen_values = true)]
    pub value: f64,
    /// Step (an integer)
    #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
    pub step: i64,
    /// Timestamp in milliseconds since the epoch [default: now]
    #[arg(long, allow_hyphen_values = true)]
    pub timestamp: Option<i64>,
}

pub fn cmd_log_metric(ctx: &Ctx, a: LogMetricArgs) -> CliResult {
    let run_id = a.run.get()?;
    let m = Metric {
        key: a.key,
        value: a.value,
        timestamp: a.timestamp.unwrap_or_else(now_ms),
        step: a.step,
    };
    Ok(ctx.store()?.log_batch(run_id, &[m], &[], &[])?)
}
