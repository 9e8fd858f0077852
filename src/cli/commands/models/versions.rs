//! `mlrun models versions`
use super::{check_max, explain, fmt_ms, keyed, tag_map};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::{ModelRegistry, ModelVersion};
use mlrun::search::{self, ModelVersionRecord};
use mlrun::StoreError;
use std::collections::HashMap;

const MAX_VERSIONS_RESULTS: usize = 200_000;

const VERSION_HEADERS: &[&str] = &[
    "Name", "Version", "Stage", "Aliases", "Run Id", "Source", "Created",
];

#[derive(Debug, Args)]
pub struct VersionsArgs {
    /// Only this registered model
    name: Option<String>,
    /// MLflow filter, e.g. "run_id = 'abc'" or "tags.k = 'v'"
    #[arg(long)]
    filter: Option<String>,
    /// e.g. "version_number DESC" (repeatable)
    #[arg(long = "order-by")]
    order_by: Vec<String>,
    #[arg(long, default_value_t = 10_000)]
    max_results: usize,
}

pub fn cmd_versions(ctx: &Ctx, reg: &dyn ModelRegistry, a: VersionsArgs) -> CliResult {
    let VersionsArgs {
        name,
        filter,
        order_by,
        max_results,
    } = a;
    check_max(max_results, MAX_VERSIONS_RESULTS)?;
    let listing = match &name {
        Some(n) => reg
            .list_model_versions(Some(n))
            .map_err(|e| explain(reg, n, e))?,
        None => reg.list_model_versions(None)?,
    };
    for b in &listing.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    let mut versions = filter_versions(listing.items, filter.as_deref(), &order_by)?;
    versions.truncate(max_results);
    if ctx.output == OutputFormat::Json {
        print_json(&keyed("model_versions", &versions))
    } else {
        print_rows(ctx, VERSION_HEADERS, &version_rows(&versions))
    }
}

/// MLflow's model-version search (default order: last_updated_timestamp DESC, name ASC,
/// version_number DESC), prompts' versions excluded.
fn filter_versions(
    versions: Vec<ModelVersion>,
    filter: Option<&str>,
    order_by: &[String],
) -> CliResult<Vec<ModelVersion>> {
    let f =
        search::parse_model_version_filter(&search::registry::with_prompt_filter(filter, false))
            .map_err(StoreError::from)?;
    let orders = order_by
        .iter()
        .map(|o| search::parse_model_version_order_by(o))
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    let tags: Vec<HashMap<String, String>> = versions.iter().map(|v| tag_map(&v.tags)).collect();
    let mut records: Vec<ModelVersionRecord> = versions
        .iter()
        .zip(&tags)
        .map(|(v, t)| ModelVersionRecord {
            name: &v.name,
            version: v.version,
            run_id: v.run_id.as_deref(),
            source: &v.source,
            current_stage: v.current_stage.as_str(),
            creation_timestamp: v.creation_timestamp,
            last_updated_timestamp: v.last_updated_timestamp,
            tags: t,
        })
        .filter(|r| f.matches(r))
        .collect();
    search::sort_model_versions(&mut records, &orders);
    let order: Vec<(String, i64)> = records
        .iter()
        .map(|r| (r.name.to_string(), r.version))
        .collect();
    let mut by_key: HashMap<(String, i64), ModelVersion> = versions
        .into_iter()
        .map(|v| ((v.name.clone(), v.version), v))
        .collect();
    Ok(order.iter().filter_map(|k| by_key.remove(k)).collect())
}

fn version_rows(versions: &[ModelVersion]) -> Vec<Vec<String>> {
    versions
        .iter()
        .map(|v| {
            vec![
                v.name.clone(),
                v.version.to_string(),
                v.current_stage.to_string(),
                v.aliases
                    .iter()
                    .map(|a| format!("@{a}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                v.run_id.clone().unwrap_or_default(),
                v.source.clone(),
                fmt_ms(v.creation_timestamp),
            ]
        })
        .collect()
}
