//! `mlrun models describe`
use super::{explain, Lineage};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows, tags_text};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::RegisteredModel;
use mlrun::stores::Stores;

#[derive(Debug, Args)]
pub struct DescribeArgs {
    name: String,
}

pub fn cmd_describe(ctx: &Ctx, stores: &Stores, a: DescribeArgs) -> CliResult {
    let reg = stores.registry();
    let DescribeArgs { name } = a;
    let rm = reg
        .get_registered_model(&name)
        .map_err(|e| explain(reg, &name, e))?;
    // Where each latest version came from.
    let lineage: Vec<(i64, Lineage)> = rm
        .latest_versions
        .iter()
        .filter_map(|v| {
            let id = v.run_id.as_deref().filter(|id| !id.is_empty())?;
            Some((v.version, Lineage::of(stores.tracking(), id)))
        })
        .collect();
    print_model(ctx, &rm, &lineage)
}

fn print_model(ctx: &Ctx, rm: &RegisteredModel, lineage: &[(i64, Lineage)]) -> CliResult {
    if ctx.output == OutputFormat::Json {
        // MLflow's `{"registered_model": …}` (its field order kept), and each latest version's
        // lineage by version number.
        #[derive(serde::Serialize)]
        struct Out<'a> {
            registered_model: &'a RegisteredModel,
            #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
            lineage: serde_json::Map<String, serde_json::Value>,
        }
        return print_json(&Out {
            registered_model: rm,
            lineage: lineage
                .iter()
                .map(|(v, l)| (v.to_string(), l.to_json()))
                .collect(),
        });
    }
    let tags = tags_text(&rm.tags);
    let aliases = rm
        .aliases
        .iter()
        .map(|a| format!("@{}={}", a.alias, a.version))
        .collect::<Vec<_>>()
        .join(", ");
    let latest = rm
        .latest_versions
        .iter()
        .map(|v| format!("{}: {}", v.current_stage, v.version))
        .collect::<Vec<_>>()
        .join(", ");
    let fields = vec![
        vec!["name".into(), rm.name.clone()],
        vec![
            "description".into(),
            rm.description.clone().unwrap_or_default(),
        ],
        vec!["latest_versions".into(), latest],
        vec!["aliases".into(), aliases],
        vec!["tags".into(), tags],
        vec![
            "creation_timestamp".into(),
            rm.creation_timestamp.to_string(),
        ],
        vec![
            "last_updated_timestamp".into(),
            rm.last_updated_timestamp.to_string(),
        ],
    ];
    let mut fields = fields;
    for (v, l) in lineage {
        fields.extend(l.rows().into_iter().map(|mut row| {
            row[0] = format!("version {v} {}", row[0]);
            row
        }));
    }
    print_rows(ctx, &["Field", "Value"], &fields)
}
