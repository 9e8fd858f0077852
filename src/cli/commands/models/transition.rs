//! `mlrun models transition`
use super::{explain, keyed, version_arg};
use crate::cli::error::CliResult;
use crate::cli::output::print_json;
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::{ModelRegistry, Stage};

#[derive(Debug, Args)]
pub struct TransitionArgs {
    name: String,
    #[arg(id = "model_version", value_name = "VERSION")]
    version: String,
    stage: String,
    /// Move the other versions in Staging/Production to Archived
    #[arg(long)]
    archive_existing: bool,
}

pub fn cmd_transition(ctx: &Ctx, reg: &dyn ModelRegistry, a: TransitionArgs) -> CliResult {
    let TransitionArgs {
        name,
        version,
        stage,
        archive_existing,
    } = a;
    let v = version_arg(&version)?;
    let stage = Stage::parse(&stage)?;
    let mv = reg
        .transition_model_version_stage(&name, v, stage, archive_existing)
        .map_err(|e| explain(reg, &name, e))?;
    ctx.say(&format!(
        "Version {v} of '{name}' is now in stage '{}'.",
        mv.current_stage
    ));
    if ctx.output == OutputFormat::Json {
        print_json(&keyed("model_version", &mv))
    } else {
        Ok(())
    }
}
