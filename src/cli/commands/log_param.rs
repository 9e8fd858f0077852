//! `mlrun log-param`: one param to a run.
use crate::cli::args::{params_from, RunSel};
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;

#[derive(Debug, Args)]
pub struct LogParamArgs {
    #[command(flatten)]
    pub run: RunSel,
    pub key: String,
    pub value: String,
}

pub fn cmd_log_param(ctx: &Ctx, a: LogParamArgs) -> CliResult {
    let run_id = a.run.get()?;
    let params = params_from(vec![(a.key, a.value)], ctx);
    Ok(ctx.store()?.log_batch(run_id, &[], &params, &[])?)
}
