//! `mlrun experiments set-tag`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;
use mlrun::Tag;

#[derive(Debug, Args)]
pub struct SetTagArgs {
    id: String,
    key: String,
    value: String,
}

pub fn cmd_set_tag(ctx: &Ctx, a: SetTagArgs) -> CliResult {
    Ok(ctx
        .store()?
        .set_experiment_tag(&a.id, &Tag::new(a.key, a.value))?)
}
