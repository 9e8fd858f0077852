//! `mlrun migrate SOURCE DEST`: an `mlruns/` folder into an empty MLflow database (SQLite or
//! PostgreSQL) with every id, value and timestamp kept, as `mlflow migrate-filestore` does; or a
//! database into a new folder the same way.
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::uri::TrackingUri;

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// What to copy: a folder store (an `mlruns` folder, or a folder holding one), or a database
    /// (sqlite:///path.db, postgresql://user:password@host:port/database)
    pub source: String,
    /// Where to copy it: an empty database for a folder (a SQLite file is made if missing), a new
    /// folder for a database
    pub dest: String,
}

pub fn cmd_migrate(ctx: &Ctx, a: MigrateArgs) -> CliResult {
    let other = |what: &str, uri: &str| {
        CliError::user(format!(
            "`mlrun migrate` copies a folder store into a database or a database into a folder; {what} '{}' is neither",
            mlrun::uri::display_uri(uri)
        ))
        .with_hint("`mlrun sync SOURCE DEST` copies between any two stores (new ids)")
    };
    let mut progress = |line: &str| ctx.say(line);
    let done = match (TrackingUri::parse(&a.source)?, TrackingUri::parse(&a.dest)?) {
        (TrackingUri::Local(source), TrackingUri::Database(dest)) => {
            mlrun::store::sql::migrate::migrate_folder(&source, &dest, &mut progress)?
        }
        (TrackingUri::Database(db), TrackingUri::Local(dest)) => {
            if let mlrun::uri::DbUri::Sqlite { path } = &db {
                if !path.is_file() {
                    return Err(CliError::user(format!(
                        "no database at {} to migrate from",
                        path.display()
                    )));
                }
            }
            let source = ctx.open(&a.source)?;
            mlrun::store::sql::migrate::store_to_folder(
                source.tracking(),
                source.registry(),
                &dest,
                &mut progress,
            )?
        }
        (TrackingUri::Local(_), _) => {
            return Err(other("the destination", &a.dest).with_hint(
                "a folder migrates into a database: sqlite:///path.db or postgresql://…",
            ))
        }
        (TrackingUri::Database(_), _) => {
            return Err(other("the destination", &a.dest)
                .with_hint("a database migrates into a new folder: a path"))
        }
        _ => return Err(other("the source", &a.source)),
    };
    for s in &done.skipped {
        ctx.warn(&format!("skipped (unreadable): {s}"));
    }
    if !done.experiments_with_traces.is_empty() {
        ctx.warn(&format!(
            "traces were not copied (mlrun does not read them) from experiments {}",
            done.experiments_with_traces.join(", ")
        ));
    }
    match ctx.output {
        OutputFormat::Json => print_json(&done)?,
        _ => {
            let rows: Vec<Vec<String>> = done
                .counts
                .iter()
                .map(|(t, n)| vec![t.to_string(), n.to_string()])
                .collect();
            print_rows(ctx, &["table", "rows"], &rows)?;
        }
    }
    ctx.say(&format!(
        "Migrated into {}",
        mlrun::uri::display_uri(&a.dest)
    ));
    Ok(())
}
