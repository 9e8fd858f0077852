//! `mlrun experiments rename`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;

#[derive(Debug, Args)]
pub struct RenameArgs {
    id: String,
    new_name: String,
}

pub fn cmd_rename(ctx: &Ctx, a: RenameArgs) -> CliResult {
    let RenameArgs { id, new_name } = a;
    ctx.store()?.rename_experiment(&id, &new_name)?;
    ctx.say(&format!(
        "Experiment with id {id} has been renamed to '{new_name}'."
    ));
    Ok(())
}
