//! `mlrun artifacts log`
use super::{progress, say_all};
use crate::cli::args::RunSel;
use crate::cli::error::CliResult;
use crate::cli::{missing_run_id, Ctx};
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct LogArgs {
    #[command(flatten)]
    run: RunSel,
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Folder inside the run's artifacts
    #[arg(long)]
    artifact_path: Option<String>,
}

pub fn cmd_log(ctx: &Ctx, a: LogArgs) -> CliResult {
    let store = ctx.store()?;
    let LogArgs {
        run,
        paths,
        artifact_path,
    } = a;
    let run_id = run.run_id.ok_or_else(missing_run_id)?;
    // Sized as the store will copy it (links followed), and only when a bar can show.
    let total: u64 = if ctx.quiet || !std::io::stderr().is_terminal() {
        0
    } else {
        mlrun::store::upload::plan(&paths, "")
            .map(|p| p.files.iter().map(|f| f.len).sum())
            .unwrap_or(0)
    };
    let pb = progress(ctx, total);
    let notices = store.log_artifacts(&run_id, &paths, artifact_path.as_deref(), &|n| {
        if let Some(pb) = &pb {
            pb.inc(n)
        }
    })?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    say_all(ctx, &notices);
    Ok(())
}
