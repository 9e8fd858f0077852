//! `RestRegistry`: the `ModelRegistry` trait over an MLflow tracking server's ModelRegistryService
//! (`/api/2.0/mlflow/registered-models/*`, `/model-versions/*`, spec §10.2), with the same HTTP
//! client, retries and error mapping as `RestStore`. The server validates, numbers versions and
//! keeps stages and aliases; this module only translates.
use super::client::{Client, Retry};
use super::{next_token, Pages, RestConfig};
use crate::entities::Tag;
use crate::registry::{
    ModelAlias, ModelRegistry, ModelVersion, NewVersion, RegisteredModel, RegistryPage,
    RegistryQuery, Stage,
};
use crate::store::{Listing, Result, StoreError};
use serde_json::{json, Value};

const API: &str = "/api/2.0/mlflow";
/// Page sizes for listings that read everything: the server's maxima for each search.
const MODELS_PAGE: i64 = 1000;
const VERSIONS_PAGE: i64 = 10_000;

pub struct RestRegistry {
    client: Client,
}

fn bad(what: &str) -> StoreError {
    StoreError::Transport(format!(
        "the tracking server sent a malformed {what}; is it an MLflow tracking server?"
    ))
}

fn s(v: &Value, k: &str) -> Option<String> {
    match v.get(k) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn i(v: &Value, k: &str) -> i64 {
    match v.get(k) {
        Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
        Some(Value::String(s)) => s.parse().unwrap_or(0),
        _ => 0,
    }
}

fn tags(v: &Value) -> Vec<Tag> {
    super::wire::kvs(v.get("tags"))
}

/// A model version in MLflow's REST shape.
pub(super) fn model_version(v: &Value) -> Result<ModelVersion> {
    if !v.is_object() {
        return Err(bad("model version"));
    }
    let stage = s(v, "current_stage").unwrap_or_else(|| "None".into());
    Ok(ModelVersion {
        name: s(v, "name").unwrap_or_default(),
        version: i(v, "version"),
        creation_timestamp: i(v, "creation_timestamp"),
        last_updated_timestamp: i(v, "last_updated_timestamp"),
        user_id: s(v, "user_id"),
        current_stage: Stage::from_meta(&stage).unwrap_or(Stage::None),
        description: s(v, "description").filter(|d| !d.is_empty()),
        source: s(v, "source").unwrap_or_default(),
        run_id: s(v, "run_id"),
        status: s(v, "status").unwrap_or_else(|| "READY".into()),
        status_message: s(v, "status_message"),
        tags: tags(v),
        run_link: s(v, "run_link"),
        aliases: v
            .get("aliases")
            .and_then(|a| a.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        model_id: s(v, "model_id"),
        deployment_job_state: None,
        storage_location: None,
    })
}

/// A registered model in MLflow's REST shape.
pub(super) fn registered_model(v: &Value) -> Result<RegisteredModel> {
    if !v.is_object() {
        return Err(bad("registered model"));
    }
    let versions = |k: &str| -> Result<Vec<ModelVersion>> {
        v.get(k)
            .and_then(|a| a.as_array())
            .map(|a| a.iter().map(model_version).collect())
            .unwrap_or_else(|| Ok(Vec::new()))
    };
    Ok(RegisteredModel {
        name: s(v, "name").unwrap_or_default(),
        creation_timestamp: i(v, "creation_timestamp"),
        last_updated_timestamp: i(v, "last_updated_timestamp"),
        user_id: s(v, "user_id"),
        description: s(v, "description").filter(|d| !d.is_empty()),
        latest_versions: versions("latest_versions")?,
        tags: tags(v),
        aliases: v
            .get("aliases")
            .and_then(|a| a.as_array())
            .map(|a| {
                a.iter()
                    .map(|x| ModelAlias {
                        alias: s(x, "alias").unwrap_or_default(),
                        version: i(x, "version"),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        deployment_job_id: s(v, "deployment_job_id").filter(|d| !d.is_empty()),
        deployment_job_state: None,
    })
}

/// A filter-string literal for `value` (MLflow's parser takes '…' or "…").
/// A search's query string: page size, filter (when not blank), orderings, page token.
fn search_query(
    filter: Option<&str>,
    order_by: &[String],
    max_results: i64,
    page_token: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut q = vec![("max_results", max_results.to_string())];
    if let Some(f) = filter.filter(|f| !f.trim().is_empty()) {
        q.push(("filter", f.to_string()));
    }
    q.extend(order_by.iter().map(|o| ("order_by", o.clone())));
    if let Some(t) = page_token {
        q.push(("page_token", t.to_string()));
    }
    q
}

fn quoted(value: &str) -> String {
    if value.contains('\'') {
        format!("\"{value}\"")
    } else {
        format!("'{value}'")
    }
}

impl RestRegistry {
    pub fn new(uri: &str, config: RestConfig) -> Result<Self> {
        Ok(Self {
            client: Client::new(uri, &config)?,
        })
    }

    fn call(
        &self,
        method: &str,
        endpoint: &str,
        query: &[(&str, String)],
        body: Option<Value>,
        retry: Retry,
    ) -> Result<Value> {
        self.client.json(
            method,
            &format!("{API}/{endpoint}"),
            query,
            body.as_ref(),
            retry,
        )
    }

    /// The versions filter naming one model; a missing model is an error, as in the file
    /// registry (the server's search would just be empty).
    fn model_filter(&self, name: Option<&str>) -> Result<Option<String>> {
        match name {
            Some(n) => {
                self.get_registered_model(n)?;
                Ok(Some(format!("name = {}", quoted(n))))
            }
            None => Ok(None),
        }
    }

    fn get(&self, endpoint: &str, query: &[(&str, String)]) -> Result<Value> {
        self.call("GET", endpoint, query, None, Retry::Idempotent)
    }

    /// One page of `GET registered-models/search`, as the server filters, orders and pages it.
    fn models_page(
        &self,
        filter: Option<&str>,
        order_by: &[String],
        max_results: i64,
        page_token: Option<&str>,
    ) -> Result<RegistryPage<RegisteredModel>> {
        let query = search_query(filter, order_by, max_results, page_token);
        self.search_page(
            "registered-models/search",
            "registered_models",
            &query,
            registered_model,
        )
    }

    /// One page of `GET model-versions/search`.
    fn versions_page(
        &self,
        filter: Option<&str>,
        order_by: &[String],
        max_results: i64,
        page_token: Option<&str>,
    ) -> Result<RegistryPage<ModelVersion>> {
        let query = search_query(filter, order_by, max_results, page_token);
        self.search_page(
            "model-versions/search",
            "model_versions",
            &query,
            model_version,
        )
    }

    /// One page of a search endpoint: the items under `field`, and the next page's token.
    fn search_page<T>(
        &self,
        endpoint: &str,
        field: &str,
        query: &[(&str, String)],
        parse: fn(&Value) -> Result<T>,
    ) -> Result<RegistryPage<T>> {
        let v = self.get(endpoint, query)?;
        let items = v
            .get(field)
            .and_then(|a| a.as_array())
            .map(|a| a.iter().map(parse).collect::<Result<Vec<_>>>())
            .transpose()?
            .unwrap_or_default();
        Ok(RegistryPage {
            items,
            next_page_token: next_token(&v),
            broken: Vec::new(),
        })
    }
}

impl ModelRegistry for RestRegistry {
    fn create_registered_model(
        &self,
        name: &str,
        tags: &[Tag],
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        let mut body = json!({"name": name, "tags": super::wire::kvs_json(tags)});
        if let Some(d) = description {
            body["description"] = json!(d);
        }
        let v = self.call(
            "POST",
            "registered-models/create",
            &[],
            Some(body),
            Retry::OnlyUnprocessed,
        )?;
        registered_model(&v["registered_model"])
    }

    fn get_registered_model(&self, name: &str) -> Result<RegisteredModel> {
        let v = self.get("registered-models/get", &[("name", name.into())])?;
        registered_model(&v["registered_model"])
    }

    fn list_registered_models(&self) -> Result<Listing<RegisteredModel>> {
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        let mut pages = Pages::new(&self.client.base, "registered-models/search");
        loop {
            let page =
                self.models_page(None, &["name ASC".into()], MODELS_PAGE, token.as_deref())?;
            items.extend(page.items);
            token = pages.next(page.next_page_token)?;
            if token.is_none() {
                break;
            }
        }
        Ok(Listing {
            items,
            broken: Vec::new(),
        })
    }

    fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel> {
        let v = self.call(
            "POST",
            "registered-models/rename",
            &[],
            Some(json!({"name": name, "new_name": new_name})),
            Retry::OnlyUnprocessed,
        )?;
        registered_model(&v["registered_model"])
    }

    fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        let v = self.call(
            "PATCH",
            "registered-models/update",
            &[],
            Some(json!({"name": name, "description": description.unwrap_or("")})),
            Retry::Idempotent,
        )?;
        registered_model(&v["registered_model"])
    }

    fn delete_registered_model(&self, name: &str) -> Result<()> {
        self.call(
            "DELETE",
            "registered-models/delete",
            &[],
            Some(json!({"name": name})),
            Retry::OnlyUnprocessed,
        )
        .map(drop)
    }

    fn set_registered_model_tag(&self, name: &str, tag: &Tag) -> Result<()> {
        self.call(
            "POST",
            "registered-models/set-tag",
            &[],
            Some(json!({"name": name, "key": tag.key, "value": tag.value})),
            Retry::Idempotent,
        )
        .map(drop)
    }

    fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()> {
        self.call(
            "DELETE",
            "registered-models/delete-tag",
            &[],
            Some(json!({"name": name, "key": key})),
            Retry::Idempotent,
        )
        .map(drop)
    }

    fn create_model_version(&self, new: NewVersion) -> Result<ModelVersion> {
        let mut body = json!({
            "name": new.name,
            "source": new.source,
            "tags": super::wire::kvs_json(&new.tags),
        });
        for (k, v) in [
            ("run_id", &new.run_id),
            ("description", &new.description),
            ("run_link", &new.run_link),
            ("model_id", &new.model_id),
        ] {
            if let Some(v) = v {
                body[k] = json!(v);
            }
        }
        let v = self.call(
            "POST",
            "model-versions/create",
            &[],
            Some(body),
            Retry::OnlyUnprocessed,
        )?;
        model_version(&v["model_version"])
    }

    fn get_model_version(&self, name: &str, version: i64) -> Result<ModelVersion> {
        let v = self.get(
            "model-versions/get",
            &[("name", name.into()), ("version", version.to_string())],
        )?;
        model_version(&v["model_version"])
    }

    fn search_registered_models(&self, q: &RegistryQuery) -> Result<RegistryPage<RegisteredModel>> {
        self.models_page(
            q.filter.as_deref(),
            &q.order_by,
            q.max_results,
            q.page_token.as_deref(),
        )
    }

    fn search_model_versions(
        &self,
        model: Option<&str>,
        q: &RegistryQuery,
    ) -> Result<RegistryPage<ModelVersion>> {
        let filter = match (self.model_filter(model)?, &q.filter) {
            (Some(m), Some(f)) if !f.trim().is_empty() => Some(format!("{m} AND {f}")),
            (Some(m), _) => Some(m),
            (None, f) => f.clone(),
        };
        self.versions_page(
            filter.as_deref(),
            &q.order_by,
            q.max_results,
            q.page_token.as_deref(),
        )
    }

    fn list_model_versions(&self, name: Option<&str>) -> Result<Listing<ModelVersion>> {
        let filter = self.model_filter(name)?;
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        let mut pages = Pages::new(&self.client.base, "model-versions/search");
        loop {
            let page =
                self.versions_page(filter.as_deref(), &[], VERSIONS_PAGE, token.as_deref())?;
            items.extend(page.items);
            token = pages.next(page.next_page_token)?;
            if token.is_none() {
                break;
            }
        }
        items.sort_by(|a, b| a.name.cmp(&b.name).then(b.version.cmp(&a.version)));
        Ok(Listing {
            items,
            broken: Vec::new(),
        })
    }

    fn update_model_version(
        &self,
        name: &str,
        version: i64,
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        let v = self.call(
            "PATCH",
            "model-versions/update",
            &[],
            Some(json!({
                "name": name,
                "version": version.to_string(),
                "description": description.unwrap_or(""),
            })),
            Retry::Idempotent,
        )?;
        model_version(&v["model_version"])
    }

    fn transition_model_version_stage(
        &self,
        name: &str,
        version: i64,
        stage: Stage,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        let v = self.call(
            "POST",
            "model-versions/transition-stage",
            &[],
            Some(json!({
                "name": name,
                "version": version.to_string(),
                "stage": stage.as_str(),
                "archive_existing_versions": archive_existing_versions,
            })),
            Retry::OnlyUnprocessed,
        )?;
        model_version(&v["model_version"])
    }

    fn delete_model_version(&self, name: &str, version: i64) -> Result<()> {
        self.call(
            "DELETE",
            "model-versions/delete",
            &[],
            Some(json!({"name": name, "version": version.to_string()})),
            Retry::OnlyUnprocessed,
        )
        .map(drop)
    }

    fn set_model_version_tag(&self, name: &str, version: i64, tag: &Tag) -> Result<()> {
        self.call(
            "POST",
            "model-versions/set-tag",
            &[],
            Some(json!({
                "name": name,
                "version": version.to_string(),
                "key": tag.key,
                "value": tag.value,
            })),
            Retry::Idempotent,
        )
        .map(drop)
    }

    fn delete_model_version_tag(&self, name: &str, version: i64, key: &str) -> Result<()> {
        self.call(
            "DELETE",
            "model-versions/delete-tag",
            &[],
            Some(json!({"name": name, "version": version.to_string(), "key": key})),
            Retry::Idempotent,
        )
        .map(drop)
    }

    fn set_registered_model_alias(&self, name: &str, alias: &str, version: i64) -> Result<()> {
        self.call(
            "POST",
            "registered-models/alias",
            &[],
            Some(json!({"name": name, "alias": alias, "version": version.to_string()})),
            Retry::Idempotent,
        )
        .map(drop)
    }

    fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()> {
        self.call(
            "DELETE",
            "registered-models/alias",
            &[],
            Some(json!({"name": name, "alias": alias})),
            Retry::Idempotent,
        )
        .map(drop)
    }

    fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion> {
        let v = self.get(
            "registered-models/alias",
            &[("name", name.into()), ("alias", alias.into())],
        )?;
        model_version(&v["model_version"])
    }

    /// Where the server says a version's files are (`storage_location`, or `source`).
    fn get_model_version_download_uri(&self, name: &str, version: i64) -> Result<String> {
        let v = self.get(
            "model-versions/get-download-uri",
            &[("name", name.into()), ("version", version.to_string())],
        )?;
        s(&v, "artifact_uri").ok_or_else(|| bad("download URI"))
    }

    fn get_latest_versions(&self, name: &str, stages: &[Stage]) -> Result<Vec<ModelVersion>> {
        let stages: Vec<&str> = stages.iter().map(|s| s.as_str()).collect();
        let v = self.call(
            "POST",
            "registered-models/get-latest-versions",
            &[],
            Some(json!({"name": name, "stages": stages})),
            Retry::Idempotent,
        )?;
        v.get("model_versions")
            .and_then(|a| a.as_array())
            .map(|a| a.iter().map(model_version).collect())
            .unwrap_or_else(|| Ok(Vec::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_from_rest_json() {
        let mv = model_version(&json!({
            "name": "RM", "version": "3", "creation_timestamp": 1, "last_updated_timestamp": 2,
            "current_stage": "Staging", "source": "mlflow-artifacts:/1/r/artifacts/model",
            "run_id": "r", "status": "READY", "tags": [{"key": "x", "value": "y"}],
            "run_link": "", "aliases": ["champ"], "unknown": 1
        }))
        .unwrap();
        assert_eq!(mv.version, 3);
        assert_eq!(mv.current_stage, Stage::Staging);
        assert_eq!(mv.tag("x"), Some("y"));
        assert_eq!(mv.aliases, vec!["champ".to_string()]);
        let rm = registered_model(&json!({
            "name": "RM", "aliases": [{"alias": "champ", "version": "3"}],
            "latest_versions": [{"name": "RM", "version": "3"}]
        }))
        .unwrap();
        assert_eq!(rm.aliases[0].version, 3);
        assert_eq!(rm.latest_versions[0].version, 3);
        assert!(model_version(&json!(null)).is_err());
        assert_eq!(quoted("a'b"), "\"a'b\"");
    }
}
