//! Registry searches as MLflow's file registry runs them: check `max_results`, filter (with its
//! prompt exclusion), order, then page with offset tokens. The folder registry runs them over its
//! listing; the REST registry hands the same query to the server, which does the same.
use super::{ModelRegistry, ModelVersion, RegisteredModel};
use crate::entities::Tag;
use crate::search::registry::{
    check_max_results, with_prompt_filter, SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD,
    SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD,
};
use crate::search::{self, ModelRecord, ModelVersionRecord};
use crate::store::{Result, StoreError};
use std::collections::HashMap;

/// MLflow's `search_registered_models` / `search_model_versions` request.
#[derive(Debug, Clone, Default)]
pub struct RegistryQuery {
    /// MLflow's filter string (`None` or blank: everything).
    pub filter: Option<String>,
    /// MLflow's order-by strings, each `KEY [ASC|DESC]`.
    pub order_by: Vec<String>,
    /// Signed as MLflow's is, so that 0 and negatives get MLflow's refusal.
    pub max_results: i64,
    pub page_token: Option<String>,
}

/// One page of a registry search, with the entries that could not be read (each names its file).
#[derive(Debug)]
pub struct RegistryPage<T> {
    pub items: Vec<T>,
    pub next_page_token: Option<String>,
    pub broken: Vec<StoreError>,
}

fn tag_map(tags: &[Tag]) -> HashMap<String, String> {
    tags.iter()
        .map(|t| (t.key.clone(), t.value.clone()))
        .collect()
}

fn page<T>(
    mut items: Vec<T>,
    broken: Vec<StoreError>,
    q: &RegistryQuery,
) -> Result<RegistryPage<T>> {
    let (range, next_page_token) =
        search::paginate(items.len(), q.max_results, q.page_token.as_deref())?;
    items.truncate(range.end);
    items.drain(..range.start);
    Ok(RegistryPage {
        items,
        next_page_token,
        broken,
    })
}

/// `search_registered_models` over a registry's whole listing (default order: name ASC).
pub fn search_models_locally<R: ModelRegistry + ?Sized>(
    reg: &R,
    q: &RegistryQuery,
) -> Result<RegistryPage<RegisteredModel>> {
    check_max_results(q.max_results, SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD)?;
    let listing = reg.list_registered_models()?;
    let models = filter_models(listing.items, q.filter.as_deref(), &q.order_by)?;
    page(models, listing.broken, q)
}

/// `search_model_versions` over a registry's versions of `model` (or of every model), default
/// order last_updated_timestamp DESC, name ASC, version_number DESC.
pub fn search_versions_locally<R: ModelRegistry + ?Sized>(
    reg: &R,
    model: Option<&str>,
    q: &RegistryQuery,
) -> Result<RegistryPage<ModelVersion>> {
    check_max_results(q.max_results, SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD)?;
    let listing = reg.list_model_versions(model)?;
    let versions = filter_versions(listing.items, q.filter.as_deref(), &q.order_by)?;
    page(versions, listing.broken, q)
}

/// The filter (with MLflow's prompt exclusion added, as its file store does), then the order
/// (name ASC as tie-breaker).
fn filter_models(
    models: Vec<RegisteredModel>,
    filter: Option<&str>,
    order_by: &[String],
) -> Result<Vec<RegisteredModel>> {
    let f = search::parse_model_filter(&with_prompt_filter(filter, false))?;
    let orders = order_by
        .iter()
        .map(|o| search::parse_model_order_by(o))
        .collect::<std::result::Result<Vec<_>, _>>()?;
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

/// The version filter (prompts' versions excluded), then the order.
fn filter_versions(
    versions: Vec<ModelVersion>,
    filter: Option<&str>,
    order_by: &[String],
) -> Result<Vec<ModelVersion>> {
    let f = search::parse_model_version_filter(&with_prompt_filter(filter, false))?;
    let orders = order_by
        .iter()
        .map(|o| search::parse_model_version_order_by(o))
        .collect::<std::result::Result<Vec<_>, _>>()?;
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
