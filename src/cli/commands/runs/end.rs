//! `mlrun runs end`
use crate::cli::error::CliResult;
use crate::cli::{env_vars, missing_run_id, now_ms, Ctx};
use clap::Args;
use mlrun::RunStatus;

#[derive(Debug, Args)]
pub struct EndArgs {
    /// The run [default: $MLFLOW_RUN_ID]
    #[arg(env = env_vars::RUN_ID)]
    run_id: Option<String>,
    #[arg(long, default_value = "FINISHED", value_parser = parse_end_status)]
    status: RunStatus,
}

fn parse_end_status(s: &str) -> Result<RunStatus, String> {
    let st: RunStatus = s.parse()?;
    if st.is_terminated() {
        Ok(st)
    } else {
        Err(format!(
            "'{s}' is not a final status (FINISHED, FAILED or KILLED)"
        ))
    }
}

pub fn cmd_end(ctx: &Ctx, a: EndArgs) -> CliResult {
    let store = ctx.store()?;
    let run_id = a.run_id.ok_or_else(missing_run_id)?;
    store.update_run(&run_id, a.status, Some(now_ms()))?;
    Ok(())
}
