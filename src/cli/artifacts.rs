//! `mlrun artifacts …`: log, list and download, with a progress bar on a terminal for large copies.
use super::error::{CliError, CliResult};
use super::log::RunSel;
use super::output::{print_json, print_line, print_rows};
use super::{missing_run_id, Ctx, OutputFormat};
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;

const PROGRESS_MIN_BYTES: u64 = 8 << 20;

#[derive(Debug, Subcommand)]
pub enum ArtifactsCmd {
    /// Log files and folders (a folder's contents) into the run's artifacts
    Log {
        #[command(flatten)]
        run: RunSel,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Folder inside the run's artifacts
        #[arg(long)]
        artifact_path: Option<String>,
    },
    /// List artifacts at a path
    List {
        #[command(flatten)]
        run: RunSel,
        path: Option<String>,
    },
    /// Download an artifact file or folder
    Download {
        #[command(flatten)]
        run: RunSel,
        path: Option<String>,
        /// Where to put it
        #[arg(long)]
        dest: PathBuf,
        /// runs:/RUN_ID/path instead of --run-id and PATH
        #[arg(long, conflicts_with = "path")]
        uri: Option<String>,
    },
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
        ctx.say(&super::table::one_line(n));
    }
}

/// Splits `runs:/RUN_ID/path`.
fn parse_runs_uri(uri: &str) -> CliResult<(String, Option<String>)> {
    let rest = uri.strip_prefix("runs:/").ok_or_else(|| {
        CliError::user(format!("unsupported artifact URI '{uri}'"))
            .with_hint("use runs:/RUN_ID/path")
    })?;
    let rest = rest.trim_start_matches('/');
    let (run, path) = match rest.split_once('/') {
        Some((r, p)) => (r.to_string(), Some(p.to_string()).filter(|p| !p.is_empty())),
        None => (rest.to_string(), None),
    };
    if run.is_empty() {
        return Err(CliError::user(format!("no run id in '{uri}'")));
    }
    Ok((run, path))
}

pub fn run(ctx: &Ctx, cmd: ArtifactsCmd) -> CliResult {
    let store = ctx.store()?;
    match cmd {
        ArtifactsCmd::Log {
            run,
            paths,
            artifact_path,
        } => {
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
        ArtifactsCmd::List { run, path } => {
            let run_id = run.run_id.ok_or_else(missing_run_id)?;
            let files = store.list_artifacts(&run_id, path.as_deref())?;
            if ctx.output == OutputFormat::Json {
                let root = store.get_run(&run_id)?.info.artifact_uri;
                return print_json(&serde_json::json!({ "root_uri": root, "files": files }));
            }
            let rows: Vec<Vec<String>> = files
                .iter()
                .map(|f| {
                    vec![
                        f.path.clone(),
                        if f.is_dir {
                            "dir".into()
                        } else {
                            "file".into()
                        },
                        f.file_size.map(|s| s.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            print_rows(ctx, &["Path", "Type", "Size"], &rows)
        }
        ArtifactsCmd::Download {
            run,
            path,
            dest,
            uri,
        } => {
            let (run_id, path) = match uri {
                Some(u) => parse_runs_uri(&u)?,
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
    }
}
