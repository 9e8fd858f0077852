//! `mlrun log-params`: several params (K=V...) to a run.
use crate::cli::args::{params_from, RunSel};
use crate::cli::error::CliResult;
use crate::cli::{parse_kv, Ctx};
use clap::Args;
use mlrun::validate;

#[derive(Debug, Args)]
pub struct LogParamsArgs {
    #[command(flatten)]
    pub run: RunSel,
    /// Params as KEY=VALUE
    #[arg(value_parser = parse_kv, required = true, value_name = "K=V")]
    pub params: Vec<(String, String)>,
}

pub fn cmd_log_params(ctx: &Ctx, a: LogParamsArgs) -> CliResult {
    let run_id = a.run.get()?;
    let params = params_from(a.params, ctx);
    let store = ctx.store()?;
    for chunk in params.chunks(validate::MAX_BATCH_PARAMS) {
        store.log_batch(run_id, &[], chunk, &[])?;
    }
    Ok(())
}
