//! `mlrun artifacts …`: log, list and download, with a progress bar on a terminal for large copies.
mod download;
mod list;
mod log;

use crate::cli::error::CliResult;
use crate::cli::Ctx;
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

const PROGRESS_MIN_BYTES: u64 = 8 << 20;

#[derive(Debug, Subcommand)]
pub enum ArtifactsCmd {
    /// Log files and folders (a folder's contents) into the run's artifacts
    Log(log::LogArgs),
    /// List artifacts at a path
    List(list::ListArgs),
    /// Download an artifact file or folder
    Download(download::DownloadArgs),
}

pub fn cmd_artifacts(ctx: &Ctx, cmd: ArtifactsCmd) -> CliResult {
    match cmd {
        ArtifactsCmd::Log(a) => log::cmd_log(ctx, a),
        ArtifactsCmd::List(a) => list::cmd_list(ctx, a),
        ArtifactsCmd::Download(a) => download::cmd_download(ctx, a),
    }
}

fn progress(ctx: &Ctx, total: u64) -> Option<ProgressBar> {
    if ctx.quiet || total < PROGRESS_MIN_BYTES || !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = ProgressBar::new(total);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec}")
    {
        pb.set_style(style);
    }
    Some(pb)
}

/// The store's notices (links followed or skipped), as talk on stderr, one line each.
fn say_all(ctx: &Ctx, notices: &[String]) {
    for n in notices {
        ctx.say(&crate::cli::table::one_line(n));
    }
}
