//! `mlrun metrics …`: metric histories as tables or terminal charts.
mod history;

use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum MetricsCmd {
    /// Show the full history of metrics: a table, CSV, JSON, or a chart with --plot
    History(history::HistoryArgs),
}

pub fn cmd_metrics(ctx: &Ctx, cmd: MetricsCmd) -> CliResult {
    match cmd {
        MetricsCmd::History(a) => history::cmd_history(ctx, a),
    }
}
