//! `mlrun set-tag`: a tag on a run.
use crate::cli::args::RunSel;
use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Args;
use mlrun::Tag;

#[derive(Debug, Args)]
pub struct SetTagArgs {
    #[command(flatten)]
    pub run: RunSel,
    pub key: String,
    pub value: String,
}

pub fn cmd_set_tag(ctx: &Ctx, a: SetTagArgs) -> CliResult {
    let run_id = a.run.get()?;
    Ok(ctx
        .store()?
        .log_batch(run_id, &[], &[], &[Tag::new(a.key, a.value)])?)
}
