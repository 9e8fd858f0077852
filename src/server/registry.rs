//! MLflow 3's logged models (`logged-models/…`) over the tracking store trait: what MLflow's
//! client reads when it resolves a run's artifacts or a `models:/m-…` URI.
use super::request::{ApiError, ApiResult, Params};
use super::{Endpoint, Server};
use crate::store::LoggedModel;
use serde_json::{json, Value};

pub(super) fn route(method: &str, endpoint: &str) -> Option<Endpoint> {
    Some(match (method, endpoint) {
        ("POST", "logged-models/search") => search_logged_models,
        ("GET", e) if model_id_of(e).is_some() => get_logged_model,
        _ => return None,
    })
}

/// `logged-models/<id>`: the id a path names.
fn model_id_of(endpoint: &str) -> Option<&str> {
    endpoint
        .strip_prefix("logged-models/")
        .filter(|id| !id.is_empty() && !id.contains('/') && *id != "search")
}

/// Puts what the path names into the parameters, as Flask's route variables.
pub(super) fn path_params(endpoint: &str, p: &mut Params) {
    if let Some(id) = model_id_of(endpoint) {
        p.0.insert("model_id".into(), json!(crate::uri::percent_decode(id)));
    }
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
