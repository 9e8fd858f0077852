//! `mlrun experiments describe`
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_rows, tags_text};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::{Experiment, TrackingStore};
use serde_json::json;

#[derive(Debug, Args)]
pub struct DescribeArgs {
    id_or_name: String,
}

/// Finds an experiment by id, else by name.
fn resolve(store: &dyn TrackingStore, id_or_name: &str) -> CliResult<Experiment> {
    match store.get_experiment(id_or_name) {
        Ok(e) => Ok(e),
        Err(mlrun::StoreError::NotFound(_)) | Err(mlrun::StoreError::InvalidParameter(_)) => {
            store.get_experiment_by_name(id_or_name)?.ok_or_else(|| {
                CliError::user(format!("no experiment with id or name '{id_or_name}'"))
                    .with_hint("`mlrun experiments list --view all` shows what exists")
            })
        }
        Err(e) => Err(e.into()),
    }
}

pub fn cmd_describe(ctx: &Ctx, a: DescribeArgs) -> CliResult {
    let store = ctx.store()?;
    let e = resolve(store, &a.id_or_name)?;
    if ctx.output == OutputFormat::Json {
        return print_json(&json!({ "experiment": e }));
    }
    let tags = tags_text(&e.tags);
    let fields = vec![
        vec!["experiment_id".into(), e.experiment_id.clone()],
        vec!["name".into(), e.name.clone()],
        vec!["artifact_location".into(), e.artifact_location.clone()],
        vec!["lifecycle_stage".into(), e.lifecycle_stage.as_str().into()],
        vec![
            "creation_time".into(),
            e.creation_time.map(|t| t.to_string()).unwrap_or_default(),
        ],
        vec![
            "last_update_time".into(),
            e.last_update_time
                .map(|t| t.to_string())
                .unwrap_or_default(),
        ],
        vec!["tags".into(), tags],
    ];
    print_rows(ctx, &["Field", "Value"], &fields)
}
