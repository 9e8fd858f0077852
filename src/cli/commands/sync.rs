//! `mlrun sync SOURCE DEST`: copies experiments and runs between stores (folders and tracking
//! servers), idempotently; the work is `mlrun::sync`, this module only opens stores and reports.
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use indicatif::{ProgressBar, ProgressStyle};
use mlrun::sync::{SyncEvent, SyncOptions, SyncReport};
use serde_json::json;
use std::cell::RefCell;
use std::io::IsTerminal;

/// Copy experiments, runs and registered models from SOURCE to DEST: run info, params, full
/// metric histories, tags, artifacts, dataset inputs and parent links; models with their versions, tags,
/// descriptions, stages and aliases.
///
/// Each store is a local path or file: URI, a database (sqlite:///…, postgresql://…) or an http(s)://
/// MLflow tracking server (credentials
/// from MLFLOW_TRACKING_USERNAME / _PASSWORD / _TOKEN). Each copied run is tagged
/// `mlrun.sync.source=<SOURCE>#<run id>`, so syncing again copies only what is new (a run that
/// gained points gets just those), and an interrupted sync resumes where it stopped. Experiments
/// and registered models are matched by name; each copied version is tagged the same way
/// (`<SOURCE>#<name>/<version>`), and its source points at the copied run's artifacts. Exits 1,
/// naming each run, if any run could not be copied.
#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// Where to copy from
    pub source: String,
    /// Where to copy to
    pub dest: String,
    /// Only this experiment (by name; repeatable)
    #[arg(long = "experiment", value_name = "NAME")]
    pub experiments: Vec<String>,
    /// Show what would be copied and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn cmd_sync(ctx: &Ctx, a: SyncArgs) -> CliResult {
    // Opening a folder creates it (as MLflow does); a source must exist already.
    if let Some(p) = ctx.folder_of(&a.source)? {
        if !p.is_dir() {
            return Err(CliError::user(format!(
                "source store '{}' does not exist",
                p.display()
            )));
        }
    }
    let src = ctx.open(&a.source)?;
    let dst = ctx.open(&a.dest)?;
    let opts = SyncOptions {
        experiments: a.experiments,
        dry_run: a.dry_run,
        source_label: src.sync_label(),
    };
    let bar: RefCell<Option<ProgressBar>> = RefCell::new(None);
    let show = !ctx.quiet && std::io::stderr().is_terminal();
    let report = mlrun::sync::sync(src.tracking(), dst.tracking(), &opts, &|ev| match ev {
        SyncEvent::Total(n) if show => {
            let pb = ProgressBar::new(n as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {pos}/{len} runs {per_sec} {wide_msg}")
            {
                pb.set_style(style);
            }
            *bar.borrow_mut() = Some(pb);
        }
        SyncEvent::RunDone { name } => {
            if let Some(pb) = bar.borrow().as_ref() {
                pb.set_message(name.to_string());
                pb.inc(1);
            }
        }
        _ => {}
    });
    if let Some(pb) = bar.borrow_mut().take() {
        pb.finish_and_clear();
    }
    let mut report = report?;
    // Then the registered models, whose version sources point into the runs just copied.
    mlrun::sync::sync_models(
        src.tracking(),
        dst.tracking(),
        src.registry(),
        dst.registry(),
        &opts,
        &mut report,
    )?;
    for w in &report.model_warnings {
        ctx.warn(w);
    }
    show_report(
        ctx,
        &report,
        a.dry_run,
        src.display_uri(),
        dst.display_uri(),
    )?;
    if report.failed.is_empty() {
        return Ok(());
    }
    let mut msg = format!("{} run(s) could not be copied:", report.failed.len());
    for f in &report.failed {
        let who = if f.run_id.is_empty() {
            format!("experiment '{}'", f.experiment)
        } else {
            format!(
                "run {} ('{}', experiment '{}')",
                f.run_id, f.run_name, f.experiment
            )
        };
        msg.push_str(&format!("\n  {who}: {}", f.error));
    }
    Err(CliError::user(msg).with_hint(
        "what was copied is kept; fix the cause and run the same sync again to copy the rest",
    ))
}

fn show_report(ctx: &Ctx, r: &SyncReport, dry_run: bool, source: &str, dest: &str) -> CliResult {
    if ctx.output == OutputFormat::Json {
        let failed: Vec<_> = r
            .failed
            .iter()
            .map(|f| json!({"experiment": f.experiment, "run_id": f.run_id, "run_name": f.run_name, "error": f.error.to_string()}))
            .collect();
        return print_json(&json!({
            "source": source,
            "dest": dest,
            "dry_run": dry_run,
            "experiments_created": r.experiments_created,
            "runs": r.runs_seen,
            "runs_created": r.runs_created,
            "runs_updated": r.runs_updated,
            "runs_unchanged": r.runs_unchanged,
            "params": r.params,
            "tags": r.tags,
            "metric_points": r.points,
            "artifact_files": r.artifact_files,
            "artifact_bytes": r.artifact_bytes,
            "datasets": r.datasets,
            "models_created": r.models_created,
            "model_versions_created": r.model_versions_created,
            "model_changes": r.model_changes,
            "model_warnings": r.model_warnings,
            "failed": failed,
        }));
    }
    if dry_run {
        ctx.say("dry run: nothing was written; this is what a sync would copy");
    }
    let rows: Vec<Vec<String>> = [
        ("experiments created", r.experiments_created as u64),
        ("runs", r.runs_seen as u64),
        ("runs created", r.runs_created as u64),
        ("runs updated", r.runs_updated as u64),
        ("runs unchanged", r.runs_unchanged as u64),
        ("runs failed", r.failed.len() as u64),
        ("params", r.params as u64),
        ("tags", r.tags as u64),
        ("metric points", r.points as u64),
        ("artifact files", r.artifact_files as u64),
        ("artifact bytes", r.artifact_bytes),
        ("dataset inputs", r.datasets as u64),
        ("registered models created", r.models_created as u64),
        ("model versions created", r.model_versions_created as u64),
        ("model changes", r.model_changes as u64),
    ]
    .iter()
    .map(|(k, v)| vec![k.to_string(), v.to_string()])
    .collect();
    print_rows(ctx, &["What", "Copied"], &rows)
}
