//! `mlrun models version`
use super::{explain, version_arg, Lineage};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows, tags_text};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::ModelVersion;
use mlrun::stores::Stores;

#[derive(Debug, Args)]
pub struct VersionArgs {
    name: String,
    #[arg(id = "model_version", value_name = "VERSION")]
    version: String,
}

pub fn cmd_version(ctx: &Ctx, stores: &Stores, a: VersionArgs) -> CliResult {
    let reg = stores.registry();
    let VersionArgs { name, version } = a;
    let mv = reg
        .get_model_version(&name, version_arg(&version)?)
        .map_err(|e| explain(reg, &name, e))?;
    let lineage = mv
        .run_id
        .as_deref()
        .filter(|id| !id.is_empty())
        .map(|id| Lineage::of(stores.tracking(), id));
    print_version(ctx, &mv, lineage.as_ref())
}

fn print_version(ctx: &Ctx, mv: &ModelVersion, lineage: Option<&Lineage>) -> CliResult {
    if ctx.output == OutputFormat::Json {
        // MLflow's `{"model_version": …}` (its field order kept), and where it came from.
        #[derive(serde::Serialize)]
        struct Out<'a> {
            model_version: &'a ModelVersion,
            #[serde(skip_serializing_if = "Option::is_none")]
            lineage: Option<serde_json::Value>,
        }
        return print_json(&Out {
            model_version: mv,
            lineage: lineage.map(Lineage::to_json),
        });
    }
    let tags = tags_text(&mv.tags);
    let fields = vec![
        vec!["name".into(), mv.name.clone()],
        vec!["version".into(), mv.version.to_string()],
        vec!["current_stage".into(), mv.current_stage.to_string()],
        vec!["aliases".into(), mv.aliases.join(", ")],
        vec![
            "description".into(),
            mv.description.clone().unwrap_or_default(),
        ],
        vec!["source".into(), mv.source.clone()],
        vec!["download_uri".into(), mv.download_uri().to_string()],
        vec!["run_id".into(), mv.run_id.clone().unwrap_or_default()],
        vec!["model_id".into(), mv.model_id.clone().unwrap_or_default()],
        vec!["status".into(), mv.status.clone()],
        vec![
            "creation_timestamp".into(),
            mv.creation_timestamp.to_string(),
        ],
        vec![
            "last_updated_timestamp".into(),
            mv.last_updated_timestamp.to_string(),
        ],
        vec!["tags".into(), tags],
    ];
    let mut fields = fields;
    fields.extend(lineage.map(Lineage::rows).unwrap_or_default());
    print_rows(ctx, &["Field", "Value"], &fields)
}
