//! `mlrun migrate SOURCE DEST`: an `mlruns/` folder into an empty MLflow database (SQLite or
//! PostgreSQL) with every id, value and timestamp kept, as `mlflow migrate-filestore` does.
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::uri::TrackingUri;

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// The folder store to copy: an `mlruns` folder, or a folder holding one
    pub source: String,
    /// The database to copy into, empty: sqlite:///path.db (made if missing) or
    /// postgresql://user:password@host:port/database
    pub dest: String,
}

pub fn cmd_migrate(ctx: &Ctx, a: MigrateArgs) -> CliResult {
    let source = match TrackingUri::parse(&a.source)? {
        TrackingUri::Local(p) => p,
        _ => {
            return Err(CliError::user(format!(
                "`mlrun migrate` copies a folder store into a database; the source '{}' is not a folder",
                mlrun::uri::display_uri(&a.source)
            ))
            .with_hint("`mlrun sync SOURCE DEST` copies between any two stores (new ids)"))
        }
    };
    let dest = match TrackingUri::parse(&a.dest)? {
        TrackingUri::Database(db) => db,
        _ => {
            return Err(CliError::user(format!(
                "`mlrun migrate` writes into a database (sqlite:///… or postgresql://…); '{}' is not one",
                mlrun::uri::display_uri(&a.dest)
            ))
            .with_hint("`mlrun sync SOURCE DEST` copies between any two stores (new ids)"))
        }
    };
    let done =
        mlrun::store::sql::migrate::migrate_folder(&source, &dest, &mut |line| ctx.say(line))?;
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
        "Migrated into {}. To serve it: mlflow server --backend-store-uri {}",
        dest.display(),
        dest.display()
    ));
    Ok(())
}
