//! The model registry (`registered-models/…`, `model-versions/…`) over the
//! [`ModelRegistry`] trait, and MLflow 3's logged models (`logged-models/…`) over the tracking
//! store trait: what MLflow's client calls to register, alias, stage and load models.
use super::request::{ApiError, ApiResult, Params};
use super::{empty, Endpoint, Server};
use crate::registry::{self, ModelRegistry, NewVersion, RegistryQuery, Stage};
use crate::store::LoggedModel;
use serde_json::{json, Value};

/// MLflow's defaults for `max_results` in registry searches.
const MODELS_PAGE: i64 = 100;
const VERSIONS_PAGE: i64 = 10_000;

pub(super) fn route(method: &str, endpoint: &str) -> Option<Endpoint> {
    Some(match (method, endpoint) {
        ("POST", "registered-models/create") => create_model,
        ("GET", "registered-models/get") => get_model,
        ("GET" | "POST", "registered-models/search") => search_models,
        ("POST", "registered-models/rename") => rename_model,
        ("PATCH", "registered-models/update") => update_model,
        ("DELETE", "registered-models/delete") => delete_model,
        ("POST", "registered-models/set-tag") => set_model_tag,
        ("DELETE", "registered-models/delete-tag") => delete_model_tag,
        ("POST", "registered-models/alias") => set_alias,
        ("DELETE", "registered-models/alias") => delete_alias,
        ("GET", "registered-models/alias") => get_by_alias,
        ("GET" | "POST", "registered-models/get-latest-versions") => latest_versions,
        ("POST", "model-versions/create") => create_version,
        ("GET", "model-versions/get") => get_version,
        ("GET" | "POST", "model-versions/search") => search_versions,
        ("PATCH", "model-versions/update") => update_version,
        ("POST", "model-versions/transition-stage") => transition_stage,
        ("DELETE", "model-versions/delete") => delete_version,
        ("POST", "model-versions/set-tag") => set_version_tag,
        ("DELETE", "model-versions/delete-tag") => delete_version_tag,
        ("GET", "model-versions/get-download-uri") => download_uri,
        ("POST", "logged-models/search") => search_logged_models,
        ("POST", "logged-models") => create_logged_model,
        (m, e) => match (m, model_path(e)?.1) {
            ("GET", "") => get_logged_model,
            ("PATCH", "") => finalize_logged_model,
            ("PATCH", "tags") => set_logged_model_tags,
            ("POST", "params") => log_logged_model_params,
            _ => return None,
        },
    })
}

/// `logged-models/<id>[/<what>]`: the id a path names and what of it.
fn model_path(endpoint: &str) -> Option<(&str, &str)> {
    let rest = endpoint.strip_prefix("logged-models/")?;
    let (id, what) = rest.split_once('/').unwrap_or((rest, ""));
    (!id.is_empty() && id != "search").then_some((id, what))
}

/// Puts what the path names into the parameters, as Flask's route variables.
pub(super) fn path_params(endpoint: &str, p: &mut Params) {
    if let Some((id, _)) = model_path(endpoint) {
        p.0.insert("model_id".into(), json!(crate::uri::percent_decode(id)));
    }
}

fn reg(s: &Server) -> &dyn ModelRegistry {
    s.stores.registry()
}

/// A version number: a string (as MLflow's proto has it) or a number.
fn version(p: &Params) -> ApiResult<i64> {
    let v = match p.0.get("version") {
        Some(Value::Number(n)) => n.to_string(),
        _ => p.required("version")?,
    };
    Ok(registry::parse_version(&v)?)
}

/// A model version as MLflow's server answers it: description and run link always present (empty
/// when unset).
fn version_value(v: &registry::ModelVersion) -> Value {
    let mut out = json!(v);
    for k in ["description", "run_link"] {
        if out.get(k).is_none() {
            out[k] = json!("");
        }
    }
    out
}

/// A registered model as MLflow's server answers it: its latest versions without their aliases
/// (the model lists those).
fn model_value(m: &registry::RegisteredModel) -> Value {
    let mut out = json!(m);
    if !m.latest_versions.is_empty() {
        out["latest_versions"] = m
            .latest_versions
            .iter()
            .map(|v| {
                let mut v = version_value(v);
                if let Some(o) = v.as_object_mut() {
                    o.remove("aliases");
                }
                v
            })
            .collect();
    }
    out
}

fn model_json(m: &registry::RegisteredModel) -> Value {
    json!({ "registered_model": model_value(m) })
}

fn version_json(v: &registry::ModelVersion) -> Value {
    json!({ "model_version": version_value(v) })
}

fn create_model(s: &Server, p: &Params) -> ApiResult {
    let m = reg(s).create_registered_model(
        &p.required("name")?,
        &p.key_values("tags")?,
        p.str("description", false)?.as_deref(),
    )?;
    Ok(model_json(&m))
}

fn get_model(s: &Server, p: &Params) -> ApiResult {
    Ok(model_json(
        &reg(s).get_registered_model(&p.required("name")?)?,
    ))
}

fn query(p: &Params, default_max: i64) -> ApiResult<RegistryQuery> {
    Ok(RegistryQuery {
        filter: p.str("filter", false)?,
        order_by: p.strings("order_by")?,
        max_results: p.int("max_results", false)?.unwrap_or(default_max),
        page_token: p.str("page_token", false)?.filter(|t| !t.is_empty()),
    })
}

fn page<T>(field: &str, items: &[T], token: Option<String>, each: fn(&T) -> Value) -> Value {
    let mut out = json!({});
    if !items.is_empty() {
        out[field] = items.iter().map(each).collect();
    }
    if let Some(t) = token {
        out["next_page_token"] = json!(t);
    }
    out
}

fn search_models(s: &Server, p: &Params) -> ApiResult {
    let r = reg(s).search_registered_models(&query(p, MODELS_PAGE)?)?;
    Ok(page(
        "registered_models",
        &r.items,
        r.next_page_token,
        model_value,
    ))
}

fn rename_model(s: &Server, p: &Params) -> ApiResult {
    let m = reg(s).rename_registered_model(&p.required("name")?, &p.required("new_name")?)?;
    Ok(model_json(&m))
}

fn update_model(s: &Server, p: &Params) -> ApiResult {
    let m = reg(s).update_registered_model(
        &p.required("name")?,
        p.str("description", false)?.as_deref(),
    )?;
    Ok(model_json(&m))
}

fn delete_model(s: &Server, p: &Params) -> ApiResult {
    reg(s).delete_registered_model(&p.required("name")?)?;
    Ok(empty())
}

fn set_model_tag(s: &Server, p: &Params) -> ApiResult {
    let tag = p.key_value()?;
    reg(s).set_registered_model_tag(&p.required("name")?, &tag)?;
    Ok(empty())
}

fn delete_model_tag(s: &Server, p: &Params) -> ApiResult {
    reg(s).delete_registered_model_tag(&p.required("name")?, &p.required("key")?)?;
    Ok(empty())
}

fn set_alias(s: &Server, p: &Params) -> ApiResult {
    reg(s).set_registered_model_alias(&p.required("name")?, &p.required("alias")?, version(p)?)?;
    Ok(empty())
}

fn delete_alias(s: &Server, p: &Params) -> ApiResult {
    reg(s).delete_registered_model_alias(&p.required("name")?, &p.required("alias")?)?;
    Ok(empty())
}

fn get_by_alias(s: &Server, p: &Params) -> ApiResult {
    let v = reg(s).get_model_version_by_alias(&p.required("name")?, &p.required("alias")?)?;
    Ok(version_json(&v))
}

fn latest_versions(s: &Server, p: &Params) -> ApiResult {
    let stages = p
        .strings("stages")?
        .iter()
        .map(|st| Stage::parse(st))
        .collect::<crate::error::Result<Vec<_>>>()?;
    let versions = reg(s).get_latest_versions(&p.required("name")?, &stages)?;
    Ok(page("model_versions", &versions, None, version_value))
}

fn create_version(s: &Server, p: &Params) -> ApiResult {
    let source = p.required("source")?;
    let model_id = p.str("model_id", false)?.filter(|r| !r.is_empty());
    // As MLflow's registry stores do: a `models:/m-…` source is stored where its logged model's
    // files are, and a version of a logged model takes the run that made it when none is given.
    let logged = source
        .strip_prefix("models:/")
        .or(model_id.as_deref())
        .and_then(|id| s.stores.tracking().get_logged_model(id).ok());
    let run_id = p
        .str("run_id", false)?
        .filter(|r| !r.is_empty())
        .or_else(|| logged.as_ref().and_then(|m| m.source_run_id.clone()));
    let storage_location = source
        .starts_with("models:/")
        .then(|| logged.map(|m| m.artifact_location))
        .flatten();
    let v = reg(s).create_model_version(NewVersion {
        name: p.required("name")?,
        source,
        run_id,
        tags: p.key_values("tags")?,
        description: p.str("description", false)?,
        run_link: p.str("run_link", false)?.filter(|r| !r.is_empty()),
        model_id,
        storage_location,
    })?;
    Ok(version_json(&v))
}

fn get_version(s: &Server, p: &Params) -> ApiResult {
    Ok(version_json(
        &reg(s).get_model_version(&p.required("name")?, version(p)?)?,
    ))
}

fn search_versions(s: &Server, p: &Params) -> ApiResult {
    let r = reg(s).search_model_versions(None, &query(p, VERSIONS_PAGE)?)?;
    Ok(page(
        "model_versions",
        &r.items,
        r.next_page_token,
        version_value,
    ))
}

fn update_version(s: &Server, p: &Params) -> ApiResult {
    let v = reg(s).update_model_version(
        &p.required("name")?,
        version(p)?,
        p.str("description", false)?.as_deref(),
    )?;
    Ok(version_json(&v))
}

fn transition_stage(s: &Server, p: &Params) -> ApiResult {
    let stage = Stage::parse(&p.required("stage")?)?;
    let archive = match p.0.get("archive_existing_versions") {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    };
    let v =
        reg(s).transition_model_version_stage(&p.required("name")?, version(p)?, stage, archive)?;
    Ok(version_json(&v))
}

fn delete_version(s: &Server, p: &Params) -> ApiResult {
    reg(s).delete_model_version(&p.required("name")?, version(p)?)?;
    Ok(empty())
}

fn set_version_tag(s: &Server, p: &Params) -> ApiResult {
    let tag = p.key_value()?;
    reg(s).set_model_version_tag(&p.required("name")?, version(p)?, &tag)?;
    Ok(empty())
}

fn delete_version_tag(s: &Server, p: &Params) -> ApiResult {
    reg(s).delete_model_version_tag(&p.required("name")?, version(p)?, &p.required("key")?)?;
    Ok(empty())
}

fn download_uri(s: &Server, p: &Params) -> ApiResult {
    let uri = reg(s).get_model_version_download_uri(&p.required("name")?, version(p)?)?;
    Ok(json!({ "artifact_uri": uri }))
}

/// MLflow's `LoggedModelStatus` names for the ints stored.
fn status_name(status: i64) -> &'static str {
    match status {
        1 => "LOGGED_MODEL_PENDING",
        2 => "LOGGED_MODEL_READY",
        3 => "LOGGED_MODEL_UPLOAD_FAILED",
        _ => "LOGGED_MODEL_STATUS_UNSPECIFIED",
    }
}

/// A logged model as MLflow's `LoggedModel` message.
fn logged_model_json(m: &LoggedModel) -> Value {
    let mut info = json!({
        "experiment_id": m.experiment_id,
        "model_id": m.model_id,
        "name": m.name,
        "artifact_uri": m.artifact_location,
        "creation_timestamp_ms": m.creation_timestamp,
        "last_updated_timestamp_ms": m.creation_timestamp,
        "status": status_name(m.status),
    });
    if let Some(r) = &m.source_run_id {
        info["source_run_id"] = json!(r);
    }
    json!({"info": info, "data": {}})
}

fn logged_model_status(p: &Params) -> ApiResult<i64> {
    let status = match p.0.get("status") {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(name)) => (0..4).find(|i| status_name(*i) == name),
        _ => None,
    };
    status.ok_or_else(|| {
        ApiError::invalid(format!(
            "Invalid value {} for parameter 'status'",
            p.0.get("status").cloned().unwrap_or(Value::Null)
        ))
    })
}

/// A logged model of a run, its files to come through the artifact proxy.
fn create_logged_model(s: &Server, p: &Params) -> ApiResult {
    let st = s.stores.tracking();
    let name = p.required("name")?;
    let Some(run_id) = p.str("source_run_id", false)?.filter(|r| !r.is_empty()) else {
        return Err(ApiError::new(
            "NOT_IMPLEMENTED",
            "mlrun server records logged models made by a run only (source_run_id)",
        ));
    };
    let run = st.get_run(&run_id)?;
    let experiment_id = p.required("experiment_id")?;
    if experiment_id != run.info.experiment_id {
        return Err(ApiError::invalid(format!(
            "Run '{run_id}' is not in experiment {experiment_id}"
        )));
    }
    check_run_params(&run, &p.key_values("params")?)?;
    let m = st.create_logged_model_record(&run, &name)?;
    for t in p.key_values("tags")? {
        st.update_logged_model_tag(&m.model_id, &t.key, &|_| Some(t.value.clone()))?;
    }
    Ok(json!({ "model": logged_model_json(&m) }))
}

/// The params a logged model records are its run's: others cannot be kept, so they are refused.
fn check_run_params(
    run: &crate::entities::Run,
    params: &[crate::entities::Param],
) -> ApiResult<()> {
    for q in params {
        if !run.data.params.contains(q) {
            return Err(ApiError::new(
                "NOT_IMPLEMENTED",
                format!(
                    "mlrun server records a logged model with its run's params only; '{}' is not one",
                    q.key
                ),
            ));
        }
    }
    Ok(())
}

fn finalize_logged_model(s: &Server, p: &Params) -> ApiResult {
    let m = s
        .stores
        .tracking()
        .finalize_logged_model(&p.required("model_id")?, logged_model_status(p)?)?;
    Ok(json!({ "model": logged_model_json(&m) }))
}

fn set_logged_model_tags(s: &Server, p: &Params) -> ApiResult {
    let id = p.required("model_id")?;
    let st = s.stores.tracking();
    st.get_logged_model(&id)?;
    for t in p.key_values("tags")? {
        st.update_logged_model_tag(&id, &t.key, &|_| Some(t.value.clone()))?;
    }
    Ok(empty())
}

fn log_logged_model_params(s: &Server, p: &Params) -> ApiResult {
    let st = s.stores.tracking();
    let m = st.get_logged_model(&p.required("model_id")?)?;
    let params = p.key_values("params")?;
    match &m.source_run_id {
        Some(r) => check_run_params(&st.get_run(r)?, &params)?,
        None if params.is_empty() => {}
        None => {
            return Err(ApiError::new(
                "NOT_IMPLEMENTED",
                "this logged model has no run",
            ))
        }
    }
    Ok(empty())
}

/// `runs/outputs`: a logged model's output record is written with the model; one naming another
/// run's model cannot be kept.
pub(super) fn log_outputs(s: &Server, p: &Params) -> ApiResult {
    let st = s.stores.tracking();
    let run_id = p.required("run_id")?;
    for o in p.objects("models")? {
        let m = st.get_logged_model(&o.required("model_id")?)?;
        if m.source_run_id.as_deref() != Some(run_id.as_str()) {
            return Err(ApiError::new(
                "NOT_IMPLEMENTED",
                format!(
                    "mlrun server records a logged model as an output of the run that made it only ('{}')",
                    m.model_id
                ),
            ));
        }
    }
    Ok(empty())
}

fn get_logged_model(s: &Server, p: &Params) -> ApiResult {
    let m = s
        .stores
        .tracking()
        .get_logged_model(&p.required("model_id")?)?;
    Ok(json!({ "model": logged_model_json(&m) }))
}

/// The equality clauses of a logged-model filter (`name = 'x' AND source_run_id = 'y'`), the
/// ones MLflow's clients send; anything else is refused rather than answered wrongly.
fn equalities(filter: &str) -> ApiResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    if filter.trim().is_empty() {
        return Ok(out);
    }
    let unsupported = || {
        ApiError::invalid(format!(
            "Invalid filter '{filter}': mlrun server supports logged-model filters of \
             `name = '…'` and `source_run_id = '…'` joined by AND"
        ))
    };
    let lower = filter.to_ascii_lowercase();
    let mut rest = filter;
    let mut at = 0;
    loop {
        let end = lower[at..].find(" and ").map_or(filter.len(), |i| at + i);
        let clause = &rest[..end - at];
        let (key, value) = clause.split_once('=').ok_or_else(unsupported)?;
        let key = key.trim().trim_matches('`');
        let key = key.strip_prefix("attributes.").unwrap_or(key);
        let value = value.trim();
        let quoted = value.len() >= 2
            && ((value.starts_with('\'') && value.ends_with('\''))
                || (value.starts_with('"') && value.ends_with('"')));
        if !quoted || !matches!(key, "name" | "source_run_id") {
            return Err(unsupported());
        }
        out.push((key.to_string(), value[1..value.len() - 1].to_string()));
        if end == filter.len() {
            return Ok(out);
        }
        at = end + 5;
        rest = &filter[at..];
    }
}

fn search_logged_models(s: &Server, p: &Params) -> ApiResult {
    let ids = p.strings("experiment_ids")?;
    let wanted = equalities(&p.str("filter", false)?.unwrap_or_default())?;
    let mut models = s.stores.tracking().list_logged_models(&ids)?;
    models.retain(|m| {
        wanted.iter().all(|(k, v)| match k.as_str() {
            "name" => &m.name == v,
            _ => m.source_run_id.as_ref() == Some(v),
        })
    });
    // Newest first, as MLflow orders them by default.
    models.reverse();
    let max = p.int("max_results", false)?.unwrap_or(100).max(0) as usize;
    models.truncate(max);
    let mut out = json!({});
    if !models.is_empty() {
        out["models"] = models.iter().map(logged_model_json).collect();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logged_model_filters_are_read_or_refused() {
        assert_eq!(
            equalities("name = 'm' AND source_run_id = \"r\"").unwrap(),
            vec![
                ("name".into(), "m".into()),
                ("source_run_id".into(), "r".into())
            ]
        );
        assert!(equalities("").unwrap().is_empty());
        assert!(equalities("metrics.x > 1").is_err());
        assert!(equalities("name = m").is_err());
    }
}
