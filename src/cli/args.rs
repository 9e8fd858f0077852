//! Argument groups several commands share (which runs' view, which experiment a new run goes to)
//! and what resolves them, so no command file imports another's.
use super::error::CliResult;
use super::{env_vars, Ctx};
use clap::{Args, ValueEnum};
use mlrun::{TrackingStore, ViewType};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum View {
    Active,
    Deleted,
    All,
}

impl From<View> for ViewType {
    fn from(v: View) -> Self {
        match v {
            View::Active => ViewType::ActiveOnly,
            View::Deleted => ViewType::DeletedOnly,
            View::All => ViewType::All,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExperimentSel {
    /// Experiment id [env: MLFLOW_EXPERIMENT_ID]
    #[arg(long, env = env_vars::EXPERIMENT_ID, conflicts_with = "experiment_name")]
    pub experiment_id: Option<String>,
    /// Experiment name [env: MLFLOW_EXPERIMENT_NAME]
    #[arg(long, env = env_vars::EXPERIMENT_NAME)]
    pub experiment_name: Option<String>,
}

/// Resolves the experiment for a new run: id, else name (created if missing), else `0`.
pub fn experiment_for_new_run(
    ctx: &Ctx,
    store: &dyn TrackingStore,
    sel: &ExperimentSel,
) -> CliResult<String> {
    if let Some(id) = &sel.experiment_id {
        store.get_experiment(id)?;
        return Ok(id.clone());
    }
    if let Some(name) = &sel.experiment_name {
        if let Some(e) = store.get_experiment_by_name(name)? {
            return Ok(e.experiment_id);
        }
        let id = store.create_experiment(name, None, &[])?;
        ctx.say(&format!(
            "Experiment '{name}' does not exist. Created it with id {id}."
        ));
        return Ok(id);
    }
    Ok("0".into())
}

pub fn user() -> String {
    for k in [
        env_vars::TRACKING_USERNAME,
        "LOGNAME",
        "USER",
        "LNAME",
        "USERNAME",
    ] {
        if let Ok(v) = std::env::var(k) {
            if !v.is_empty() {
                return v;
            }
        }
    }
    mlrun::account::login_name().unwrap_or_else(|| "unknown".into())
}
