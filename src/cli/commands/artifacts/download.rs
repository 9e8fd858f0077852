//! `mlrun artifacts download`
use super::{progress, say_all};
use crate::cli::args::RunSel;
use crate::cli::error::CliResult;
use crate::cli::output::print_line;
use crate::cli::{missing_run_id, Ctx};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct DownloadArgs {
    #[command(flatten)]
    run: RunSel,
    path: Option<String>,
    /// Where to put it
    #[arg(long)]
    dest: PathBuf,
    /// runs:/RUN_ID/path instead of --run-id and PATH
    #[arg(long, conflicts_with = "path")]
    uri: Option<String>,
}

pub fn cmd_download(ctx: &Ctx, a: DownloadArgs) -> CliResult {
    let store = ctx.store()?;
    let DownloadArgs {
        run,
        path,
        dest,
        uri,
    } = a;
    let (run_id, path) = match uri {
        Some(u) => {
            let (run, path) = mlrun::uri::parse_runs_uri(&u)?;
            (run, Some(path).filter(|p| !p.is_empty()))
        }
        None => (run.run_id.ok_or_else(missing_run_id)?, path),
    };
    let total = store.artifact_size(&run_id, path.as_deref())?;
    let pb = progress(ctx, total);
    let out = store.download_artifacts(&run_id, path.as_deref(), &dest, &|n| {
        if let Some(pb) = &pb {
            pb.inc(n)
        }
    })?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    say_all(ctx, &out.notices);
    print_line(&out.path.display().to_string())
}
