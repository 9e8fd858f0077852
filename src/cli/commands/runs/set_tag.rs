//! `mlrun runs set-tag`
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;
use mlrun::Tag;

#[derive(Debug, Args)]
pub struct SetTagArgs {
    run_id: String,
    key: String,
    value: String,
}

pub fn cmd_set_tag(ctx: &Ctx, a: SetTagArgs) -> CliResult {
    Ok(ctx
        .store()?
        .log_batch(&a.run_id, &[], &[], &[Tag::new(a.key, a.value)])?)
}
