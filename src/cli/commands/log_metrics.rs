//! `mlrun log-metrics`: several metrics (K=V...) at one step.
use crate::cli::args::{metric_value, RunSel};
use crate::cli::error::CliResult;
use crate::cli::{now_ms, parse_kv, Ctx};
use clap::Args;
use mlrun::{validate, Metric};

#[derive(Debug, Args)]
pub struct LogMetricsArgs {
    #[command(flatten)]
    pub run: RunSel,
    /// Metrics as KEY=VALUE
    #[arg(value_parser = parse_kv, required = true, value_name = "K=V")]
    pub metrics: Vec<(String, String)>,
    #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
    pub step: i64,
    #[arg(long, allow_hyphen_values = true)]
    pub timestamp: Option<i64>,
}

pub fn cmd_log_metrics(ctx: &Ctx, a: LogMetricsArgs) -> CliResult {
    let run_id = a.run.get()?;
    let ts = a.timestamp.unwrap_or_else(now_ms);
    let metrics = a
        .metrics
        .into_iter()
        .map(|(k, v)| {
            Ok(Metric {
                value: metric_value(&k, &v)?,
                key: k,
                timestamp: ts,
                step: a.step,
            })
        })
        .collect::<CliResult<Vec<_>>>()?;
    let store = ctx.store()?;
    for chunk in metrics.chunks(validate::MAX_BATCH_METRICS) {
        store.log_batch(run_id, chunk, &[], &[])?;
    }
    Ok(())
}
