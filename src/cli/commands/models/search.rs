//! `mlrun models list` and `mlrun models search`
use super::{check_max, fmt_ms, keyed, tag_map};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::{ModelRegistry, RegisteredModel};
use mlrun::search::{self, ModelRecord};
use mlrun::StoreError;
use std::collections::HashMap;

const MAX_MODELS_RESULTS: usize = 1000;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// MLflow filter, e.g. "name LIKE 'fraud%'" or "tags.team = 'ml'"
    #[arg(long)]
    filter: Option<String>,
    /// e.g. "last_updated_timestamp DESC" (repeatable)
    #[arg(long = "order-by")]
    order_by: Vec<String>,
    #[arg(long, default_value_t = 100)]
    max_results: usize,
}

pub fn cmd_search(ctx: &Ctx, reg: &dyn ModelRegistry, search: SearchArgs) -> CliResult {
    check_max(search.max_results, MAX_MODELS_RESULTS)?;
    let listing = reg.list_registered_models()?;
    for b in &listing.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    let mut models = filter_models(listing.items, search.filter.as_deref(), &search.order_by)?;
    models.truncate(search.max_results);
    if ctx.output == OutputFormat::Json {
        print_json(&keyed("registered_models", &models))
    } else {
        print_rows(
            ctx,
            &[
                "Name",
                "Latest Version",
                "Aliases",
                "Last Updated",
                "Description",
            ],
            &model_rows(&models),
        )
    }
}

/// MLflow's registered-model search over everything listed: the filter (with MLflow's prompt
/// exclusion added, as its file store does), then the order (name ASC as tie-breaker).
fn filter_models(
    models: Vec<RegisteredModel>,
    filter: Option<&str>,
    order_by: &[String],
) -> CliResult<Vec<RegisteredModel>> {
    let f = search::parse_model_filter(&search::registry::with_prompt_filter(filter, false))
        .map_err(StoreError::from)?;
    let orders = order_by
        .iter()
        .map(|o| search::parse_model_order_by(o))
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    let tags: Vec<HashMap<String, String>> = models.iter().map(|m| tag_map(&m.tags)).collect();
    let mut records: Vec<ModelRecord> = models
        .iter()
        .zip(&tags)
        .map(|(m, t)| ModelRecord {
            name: &m.name,
            creation_timestamp: m.creation_timestamp,
            last_updated_timestamp: m.last_updated_timestamp,
            tags: t,
        })
        .filter(|r| f.matches(r))
        .collect();
    search::sort_models(&mut records, &orders);
    let order: Vec<String> = records.iter().map(|r| r.name.to_string()).collect();
    let mut by_name: HashMap<String, RegisteredModel> =
        models.into_iter().map(|m| (m.name.clone(), m)).collect();
    Ok(order.iter().filter_map(|n| by_name.remove(n)).collect())
}

fn model_rows(models: &[RegisteredModel]) -> Vec<Vec<String>> {
    models
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.latest_versions
                    .iter()
                    .map(|v| v.version)
                    .max()
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                m.aliases
                    .iter()
                    .map(|a| format!("@{}={}", a.alias, a.version))
                    .collect::<Vec<_>>()
                    .join(" "),
                fmt_ms(m.last_updated_timestamp),
                m.description.clone().unwrap_or_default(),
            ]
        })
        .collect()
}
