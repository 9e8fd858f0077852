//! `mlrun log-input`: a dataset input on a run, as `mlflow.log_input` records it.
use crate::cli::args::RunSel;
use crate::cli::error::{CliError, CliResult};
use crate::cli::Ctx;
use clap::Args;
use mlrun::datasets;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  mlrun log-input --name train --source data/train.csv --context training
  mlrun log-input --name test --source data/test.parquet --context testing
  mlrun log-input --run-id RUN --name eval --source https://example.com/eval.csv --digest 1a2b3c4d")]
pub struct LogInputArgs {
    #[command(flatten)]
    pub run: RunSel,
    /// The dataset's name
    #[arg(long)]
    pub name: String,
    /// Where the dataset is: a path (a `local` source) or a URI (`http(s)://`, `s3://`, …)
    #[arg(long)]
    pub source: String,
    /// The dataset's digest [default: for a local CSV or Parquet file, the digest, schema and
    /// profile `mlflow.data.from_pandas(pd.read_csv(PATH))` (or `pd.read_parquet`) records;
    /// otherwise MLflow's digest of a dataset known by its source: the first 8 hex digits of the
    /// SHA-256 of its name, source and schema]
    #[arg(long)]
    pub digest: Option<String>,
    /// What the dataset was used for (the `mlflow.data.context` tag), e.g. training, validation
    #[arg(long)]
    pub context: Option<String>,
    /// A JSON file with the dataset's schema (MLflow's `{"mlflow_colspec": [...]}`)
    #[arg(long, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// A JSON file with the dataset's profile (e.g. `{"num_rows": 100}`)
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

/// A JSON file's text as written (MLflow records a schema and a profile as the JSON text
/// `json.dumps` made; a file written by it is kept byte for byte).
fn json_file(path: &PathBuf, what: &str) -> CliResult<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::user(format!(
            "cannot read the {what} file '{}': {e}",
            path.display()
        ))
    })?;
    serde_json::from_str::<serde_json::Value>(&text).map_err(|e| {
        CliError::user(format!(
            "the {what} file '{}' is not JSON: {e}",
            path.display()
        ))
    })?;
    Ok(text.trim().to_string())
}

pub fn cmd_log_input(ctx: &Ctx, a: LogInputArgs) -> CliResult {
    let run_id = a.run.get()?;
    if a.name.is_empty() {
        return Err(CliError::usage("--name must not be empty"));
    }
    let (source_type, source_json) = datasets::source_of(&a.source);
    let schema = a
        .schema
        .as_ref()
        .map(|p| json_file(p, "schema"))
        .transpose()?;
    let profile = a
        .profile
        .as_ref()
        .map(|p| json_file(p, "profile"))
        .transpose()?;
    // A local CSV or Parquet file with no digest given: what `mlflow.log_input(mlflow.data.
    // from_pandas(pd.read_csv(path) or pd.read_parquet(path), source=path))` records (its
    // digest, schema and profile). Parquet is told by its magic bytes (or its extension).
    let file = std::path::Path::new(&a.source);
    let local = source_type == "local" && !a.source.contains("://") && file.is_file();
    let ext = |x: &str| file.extension().is_some_and(|e| e.eq_ignore_ascii_case(x));
    let read: Option<fn(&std::path::Path) -> Result<datasets::PandasRecord, _>> = if !local {
        None
    } else if datasets::is_parquet(file) || ext("parquet") || ext("pq") {
        Some(datasets::parquet_dataset)
    } else if ext("csv") {
        Some(datasets::csv_dataset)
    } else {
        None
    };
    let (digest, schema, profile) = match (a.digest, read) {
        (Some(d), _) => (d, schema, profile),
        (None, Some(read)) => {
            let ds = read(file).map_err(|e| {
                CliError::user(e.to_string())
                    .with_hint("pass --digest to record the dataset with a digest of your own")
            })?;
            (
                ds.digest,
                schema.or(Some(ds.schema)),
                profile.or(Some(ds.profile)),
            )
        }
        (None, None) => (
            datasets::meta_digest(&a.name, &source_json, &source_type, schema.as_deref())
                .map_err(|e| CliError::user(format!("--schema: {e}")))?,
            schema,
            profile,
        ),
    };
    let input = datasets::dataset_input(
        &a.name,
        &digest,
        &source_type,
        &source_json,
        schema.as_deref(),
        profile.as_deref(),
        a.context.as_deref(),
    );
    ctx.store()?.log_inputs(run_id, &[input])?;
    ctx.say(&format!(
        "Logged dataset '{}' (digest {digest}) as an input of run {run_id}",
        a.name
    ));
    Ok(())
}
