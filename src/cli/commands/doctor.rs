//! `mlrun doctor [--fix]`: checks a local store the way MLflow's reader and mlrun's rules see it and
//! lists what is wrong; `--fix` repairs what can be repaired safely. Exit codes: 0 when nothing is
//! left to repair (clean, or everything found was fixed), 1 when problems remain (or the store
//! cannot be read), 2 on a usage error.
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Repair what can be repaired safely: remove staging leftovers no live writer owns, finish
    /// half-done experiment deletes, trim a metric file's torn last line, end FAILED the runs whose
    /// supervising mlrun was killed. Everything else is only reported.
    #[arg(long)]
    pub fix: bool,
}

pub fn cmd_doctor(ctx: &Ctx, a: DoctorArgs) -> CliResult {
    // Not opened as a store: opening creates a missing store, and doctor only checks one.
    let root = ctx.local_root()?.ok_or_else(|| {
        CliError::user(format!(
            "`mlrun doctor` checks a local store folder; {} is a tracking server",
            mlrun::uri::display_uri(&ctx.tracking_uri)
        ))
        .with_hint("point --tracking-uri or MLFLOW_TRACKING_URI at the mlruns folder to check")
    })?;
    let findings = mlrun::doctor::diagnose(&root, a.fix)?;
    match ctx.output {
        OutputFormat::Json => print_json(&findings)?,
        _ if findings.is_empty() => {}
        _ => {
            let rows: Vec<Vec<String>> = findings
                .iter()
                .map(|f| {
                    let status = match (f.fixed, f.fixable) {
                        (true, _) => "fixed",
                        (false, true) => "fixable",
                        (false, false) => "manual",
                    };
                    vec![
                        status.to_string(),
                        f.check.to_string(),
                        f.path.display().to_string(),
                        f.message.clone(),
                    ]
                })
                .collect();
            print_rows(ctx, &["status", "check", "path", "problem"], &rows)?;
        }
    }
    let left = findings.iter().filter(|f| !f.fixed).count();
    let fixed = findings.len() - left;
    if left == 0 {
        ctx.say(&if fixed == 0 {
            format!("{}: no problems found", root.display())
        } else {
            format!("{}: {fixed} problem(s) fixed, none left", root.display())
        });
        return Ok(());
    }
    let fixable = findings.iter().filter(|f| !f.fixed && f.fixable).count();
    let err = CliError::user(format!("{left} problem(s) in {}", root.display()));
    Err(if fixable > 0 && !a.fix {
        err.with_hint(format!("`mlrun doctor --fix` repairs {fixable} of them"))
    } else {
        err.with_hint("the problems marked `manual` need a person: see each line's message")
    })
}
