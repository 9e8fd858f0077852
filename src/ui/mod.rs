//! The web UI's core: a request (method, path, query, body) in, a response out, over the same
//! `TrackingStore` and `ModelRegistry` the CLI uses. No sockets here (the server is `cli/ui.rs`), so
//! everything is callable from a test. Invariants: every artifact read goes through the store's own
//! path checks (`download_artifacts`), writes happen only on POST with the `X-Mlrun-Write` header
//! (which a cross-site form or a plain `<img>` cannot send), and a request whose Host is not ours is
//! refused (DNS rebinding). The pages build their DOM with `textContent`, never markup from data.
pub mod report;

use crate::entities::{Metric, Run, Tag};
use crate::registry::{ModelRegistry, RegistryQuery};
use crate::search::columns::{needs_of, parse_column, KeySpelling};
use crate::search::{self, Needs, SearchError};
use crate::store::{RunQuery, StoreError, TrackingStore};
use crate::ViewType;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The pages and their scripts, embedded at build time.
pub const INDEX_HTML: &str = include_str!("../../assets/ui/index.html");
pub const APP_JS: &str = include_str!("../../assets/ui/app.js");
/// The chart library (an ES module app.js imports: axes, zoom, tooltips, downloads).
pub const CHARTS_JS: &str = include_str!("../../assets/ui/charts.js");
pub const STYLE_CSS: &str = include_str!("../../assets/ui/style.css");

/// Header every write must carry: browsers only send a custom header cross-origin after a CORS
/// preflight, which this server never grants.
pub const WRITE_HEADER: &str = "X-Mlrun-Write";

/// Most runs one page of the runs table may ask for.
pub const MAX_PAGE: usize = 1000;
/// Input examples larger than this are named, not shown.
pub const EXAMPLE_LIMIT: u64 = 64 * 1024;
/// Artifacts larger than this are offered for download only, not previewed.
pub const PREVIEW_LIMIT: u64 = 2 * 1024 * 1024;

/// The tag MLflow keeps a run's notes in, and the one that nests a run under its parent.
pub const NOTE_TAG: &str = "mlflow.note.content";
pub const PARENT_TAG: &str = "mlflow.parentRunId";

pub struct Request<'a> {
    pub method: &'a str,
    /// The path without the query string.
    pub path: &'a str,
    pub query: Vec<(String, String)>,
    pub body: &'a [u8],
    /// The Host header, when sent.
    pub host: Option<&'a str>,
    /// Whether the write header was present.
    pub write_header: bool,
}

impl<'a> Request<'a> {
    /// Splits `/path?query` and decodes the query.
    pub fn parse(method: &'a str, url: &'a str, body: &'a [u8]) -> Self {
        let (path, q) = url.split_once('?').unwrap_or((url, ""));
        Request {
            method,
            path,
            query: parse_query(q),
            body,
            host: None,
            write_header: false,
        }
    }
    fn get(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn all(&self, name: &str) -> Vec<&str> {
        self.query
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
    fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.get(name)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| ApiError::bad(format!("missing query parameter '{name}'")))
    }
}

pub use crate::http::{Body, Response};

impl Response {
    fn json(status: u16, v: &impl Serialize) -> Self {
        let body = serde_json::to_vec(v).unwrap_or_else(|e| e.to_string().into_bytes());
        Self::bytes(status, "application/json; charset=utf-8", body)
    }
}

/// An API error, shown by the page where it happened: MLflow's `error_code` and message, and for
/// filters the byte span and which field it was in, so the page can underline it.
#[derive(Debug, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    pub status: u16,
    pub error_code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
}

impl ApiError {
    fn bad(message: impl Into<String>) -> Self {
        ApiError {
            status: 400,
            error_code: "INVALID_PARAMETER_VALUE",
            message: message.into(),
            field: None,
            span: None,
        }
    }
    fn search(field: &str, e: SearchError) -> Self {
        ApiError {
            field: Some(field.to_string()),
            span: e.span.map(|s| [s.start, s.end]),
            ..Self::bad(e.message)
        }
    }
    fn status(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            error_code: code,
            message: message.into(),
            field: None,
            span: None,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let status = match &e {
            StoreError::NotFound(_) => 404,
            StoreError::InvalidParameter(_)
            | StoreError::AlreadyExists(_)
            | StoreError::UnsafeName { .. }
            | StoreError::Symlink { .. } => 400,
            _ => 500,
        };
        ApiError::status(status, e.code(), e.to_string())
    }
}

type ApiResult<T = Response> = Result<T, ApiError>;

/// The UI over one store (and its registry, when it has one).
pub struct Ui<'a> {
    pub store: &'a dyn TrackingStore,
    pub registry: Option<&'a dyn ModelRegistry>,
    /// Host headers accepted (`127.0.0.1:5000`, `localhost:5000` …); empty accepts any.
    pub allowed_hosts: Vec<String>,
    /// Where artifact copies are made before they are served (and unlinked).
    pub scratch: &'a Path,
}

impl Ui<'_> {
    pub fn handle(&self, req: &Request) -> Response {
        if !self.allowed_hosts.is_empty()
            && !req
                .host
                .is_some_and(|h| self.allowed_hosts.iter().any(|a| a.eq_ignore_ascii_case(h)))
        {
            return error_response(ApiError::status(
                403,
                "PERMISSION_DENIED",
                format!(
                    "Host '{}' is not this server; open it as http://{}/",
                    req.host.unwrap_or(""),
                    self.allowed_hosts.first().map_or("", String::as_str)
                ),
            ));
        }
        let mut resp = match self.route(req) {
            Ok(r) => r,
            Err(e) => error_response(e),
        };
        for (k, v) in [
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
        ] {
            resp.headers.push((k.into(), v.into()));
        }
        if !resp
            .headers
            .iter()
            .any(|(k, _)| *k == "Content-Security-Policy")
        {
            resp.headers.push((
                "Content-Security-Policy".into(),
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                 connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
                    .into(),
            ));
        }
        resp
    }

    fn route(&self, req: &Request) -> ApiResult {
        let is_write = req.method == "POST";
        if is_write && !req.write_header {
            return Err(ApiError::status(
                403,
                "PERMISSION_DENIED",
                format!("writes need the {WRITE_HEADER} header"),
            ));
        }
        match (req.method, req.path) {
            ("GET" | "HEAD", "/" | "/index.html") => Ok(page(INDEX_HTML, "text/html")),
            ("GET" | "HEAD", "/assets/app.js") => Ok(page(APP_JS, "text/javascript")),
            ("GET" | "HEAD", "/assets/charts.js") => Ok(page(CHARTS_JS, "text/javascript")),
            ("GET" | "HEAD", "/assets/style.css") => Ok(page(STYLE_CSS, "text/css")),
            ("GET", "/api/experiments") => self.experiments(),
            ("GET", "/api/experiments/get") => {
                let e = self.store.get_experiment(req.required("experiment_id")?)?;
                Ok(Response::json(200, &json!({ "experiment": e })))
            }
            ("GET", "/api/runs/search") => self.search(req),
            ("GET", "/api/runs/get") => self.run(req.required("run_id")?),
            ("GET", "/api/runs/batch") => self.runs_batch(req),
            ("GET", "/api/metrics/histories") => self.histories(req),
            ("GET", "/api/artifacts/list") => {
                let files = self
                    .store
                    .list_artifacts(req.required("run_id")?, req.get("path"))?;
                Ok(Response::json(200, &json!({ "files": files })))
            }
            ("GET", "/api/artifacts/get") => self.artifact(req),
            ("GET", "/api/logged-models/get") => self.logged_model(req),
            ("GET", "/api/registry/models") => self.models(req),
            ("GET", "/api/registry/model") => self.model(req),
            ("POST", path) if path.starts_with("/api/runs/") => self.write(req),
            ("POST", path) if path.starts_with("/api/registry/") => self.registry_write(req),
            (_, path) if path.starts_with("/api/") => Err(ApiError::status(
                404,
                "ENDPOINT_NOT_FOUND",
                format!("no endpoint {} {path}", req.method),
            )),
            ("GET", _) => Err(ApiError::status(
                404,
                "RESOURCE_DOES_NOT_EXIST",
                "no such page",
            )),
            _ => Err(ApiError::status(
                405,
                "METHOD_NOT_ALLOWED",
                "method not allowed",
            )),
        }
    }

    /// Every experiment with its run count and the start of its latest run.
    fn experiments(&self) -> ApiResult {
        let listing = self.store.list_experiments(ViewType::ActiveOnly)?;
        let mut out = Vec::new();
        for e in listing.items {
            // Only meta.yaml is read per run (no values are needed): cheap even for 10k runs.
            let page = self.store.search_runs(&RunQuery {
                experiment_ids: vec![e.experiment_id.clone()],
                filter: search::parse_run_filter("").map_err(|e| ApiError::search("filter", e))?,
                order_by: Vec::new(),
                max_results: 50_000,
                page_token: None,
                view: ViewType::ActiveOnly,
                columns: Some(Needs::default()),
            })?;
            let last = page.runs.iter().map(|r| r.info.start_time).max();
            out.push(json!({
                "experiment": e,
                "run_count": page.runs.len(),
                "more_runs": page.next_page_token.is_some(),
                "last_run_start": last,
            }));
        }
        let broken: Vec<String> = listing.broken.iter().map(|b| b.to_string()).collect();
        Ok(Response::json(
            200,
            &json!({ "experiments": out, "broken": broken }),
        ))
    }

    /// One page of the runs table: MLflow's filter and order-by, only the columns asked for (plus
    /// the parent tag, to nest runs). Without `columns`, whole runs and the keys they have, so the
    /// page can offer them as columns.
    fn search(&self, req: &Request) -> ApiResult {
        let filter_text = req.get("filter").unwrap_or("");
        let filter =
            search::parse_run_filter(filter_text).map_err(|e| ApiError::search("filter", e))?;
        let mut order_by = Vec::new();
        // MLflow checks the last order-by first; report the same one it would.
        for (i, o) in req.all("order_by").iter().enumerate().rev() {
            if o.trim().is_empty() {
                continue;
            }
            let parsed = search::parse_run_order_by(o)
                .map_err(|e| ApiError::search(&format!("order_by.{i}"), e))?;
            order_by.push(parsed);
        }
        order_by.reverse();
        let max_results = page_size(req)?;
        let view = match req.get("view").unwrap_or("active") {
            "active" => ViewType::ActiveOnly,
            "deleted" => ViewType::DeletedOnly,
            "all" => ViewType::All,
            v => return Err(ApiError::bad(format!("unknown view '{v}'"))),
        };
        let columns = match req.get("columns") {
            None => None,
            Some(c) => Some(parse_columns(c)?),
        };
        let experiment_ids: Vec<String> = req
            .all("experiment_id")
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        if experiment_ids.is_empty() {
            return Err(ApiError::bad("missing query parameter 'experiment_id'"));
        }
        let needs = columns.as_ref().map(|c| {
            let mut n = c.clone();
            n.tags.insert(PARENT_TAG.to_string());
            n.tags.insert("mlflow.runName".to_string());
            n
        });
        let page = self.store.search_runs(&RunQuery {
            experiment_ids,
            filter,
            order_by,
            max_results,
            page_token: page_token(req),
            view,
            columns: needs,
        })?;
        let runs: Vec<Value> = page
            .runs
            .iter()
            .map(|r| run_row(r, columns.as_ref()))
            .collect();
        let mut out = json!({
            "runs": runs,
            "next_page_token": page.next_page_token,
            "broken": page.broken.iter().map(|b| b.to_string()).collect::<Vec<_>>(),
        });
        if columns.is_none() {
            let keys = |f: &dyn Fn(&Run) -> Vec<&str>| -> Vec<String> {
                let set: BTreeSet<&str> = page.runs.iter().flat_map(f).collect();
                set.into_iter().map(String::from).collect()
            };
            out["keys"] = json!({
                "metrics": keys(&|r| r.data.metrics.iter().map(|m| m.key.as_str()).collect()),
                "params": keys(&|r| r.data.params.iter().map(|m| m.key.as_str()).collect()),
                "tags": keys(&|r| r.data.tags.iter().map(|m| m.key.as_str()).collect()),
            });
        }
        Ok(Response::json(200, &out))
    }

    /// A whole run with each metric's latest, min, max, count and best value.
    fn run(&self, run_id: &str) -> ApiResult {
        let run = self.store.get_run(run_id)?;
        let mut metrics = Vec::new();
        for m in &run.data.metrics {
            let s = self.store.metric_summary(run_id, &m.key)?;
            let lower = crate::entities::lower_is_better(&m.key);
            metrics.push(json!({
                "key": m.key,
                "latest": num(m.value),
                "step": m.step,
                "timestamp": m.timestamp,
                "min": s.map(|s| num(s.min)),
                "max": s.map(|s| num(s.max)),
                "count": s.map(|s| s.count),
                "best": s.map(|s| num(if lower { s.min } else { s.max })),
                "lower_is_better": lower,
            }));
        }
        let parent = run.tag(PARENT_TAG).map(String::from);
        Ok(Response::json(
            200,
            &json!({ "run": run, "metrics": metrics, "parent_run_id": parent }),
        ))
    }

    fn runs_batch(&self, req: &Request) -> ApiResult {
        let ids = split_list(req.required("run_ids")?);
        if ids.len() > 100 {
            return Err(ApiError::bad("at most 100 runs at once"));
        }
        let mut runs = Vec::new();
        for id in &ids {
            runs.push(self.store.get_run(id)?);
        }
        Ok(Response::json(200, &json!({ "runs": runs })))
    }

    /// Histories of some metrics of some runs, as compact `[step, timestamp, value]` triples.
    fn histories(&self, req: &Request) -> ApiResult {
        let ids = split_list(req.required("run_ids")?);
        let keys = split_list(req.required("keys")?);
        if ids.len() * keys.len() > 400 {
            return Err(ApiError::bad("at most 400 series at once"));
        }
        let mut series = Vec::new();
        for id in &ids {
            let run = self.store.get_run(id)?;
            for key in &keys {
                let points = self.store.metric_history(id, key)?;
                if points.is_empty() {
                    continue;
                }
                series.push(json!({
                    "run_id": id,
                    "run_name": run.info.run_name,
                    "status": run.info.status,
                    "key": key,
                    "points": points_json(&points),
                }));
            }
        }
        Ok(Response::json(200, &json!({ "series": series })))
    }

    /// A logged model (MLflow 3 `models/<id>`) with what its MLmodel says: flavors and their
    /// settings, the signature, and the saved input example (up to [`EXAMPLE_LIMIT`] bytes).
    fn logged_model(&self, req: &Request) -> ApiResult {
        use crate::models::mlmodel::{scalar_text, MlModel};
        let m = self.store.get_logged_model(req.required("model_id")?)?;
        let tmp =
            tempfile::tempdir_in(self.scratch).map_err(|e| StoreError::io(self.scratch, e))?;
        let files = self
            .store
            .model_files(&m.artifact_location, tmp.path(), &|_| {})?;
        let mlmodel = MlModel::read(&files.path)?;
        let flavors: Vec<Value> = mlmodel
            .flavors()
            .iter()
            .map(|f| {
                let config: BTreeMap<&str, String> = f
                    .config
                    .iter()
                    .map(|(k, v)| (k.as_str(), scalar_text(v)))
                    .collect();
                json!({ "name": f.name, "config": config })
            })
            .collect();
        let signature = mlmodel
            .signature()
            .map(|s| json!({ "inputs": s.inputs, "outputs": s.outputs, "params": s.params }));
        // The example's file name comes from the MLmodel: a plain name in the model's folder only.
        let example = mlmodel.input_example_info().and_then(|info| {
            let name = info.iter().find(|(k, _)| k == "artifact_path")?.1.clone();
            if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
                return None;
            }
            let path = files.path.join(&name);
            let meta = std::fs::symlink_metadata(&path).ok()?;
            if !meta.is_file() || meta.len() > EXAMPLE_LIMIT {
                return Some(json!({ "name": name, "size": meta.len(), "text": null }));
            }
            let text = std::fs::read(&path).ok()?;
            Some(json!({
                "name": name,
                "size": meta.len(),
                "text": String::from_utf8_lossy(&text),
            }))
        });
        Ok(Response::json(
            200,
            &json!({
                "model": {
                    "model_id": m.model_id,
                    "name": m.name,
                    "status": m.status,
                    "source_run_id": m.source_run_id,
                    "creation_timestamp": m.creation_timestamp,
                },
                "flavors": flavors,
                "signature": signature,
                "input_example": example,
                "model_size_bytes": mlmodel.model_size_bytes(),
            }),
        ))
    }

    /// An artifact's bytes, copied out through the store (whose path checks refuse `..`, absolute
    /// paths and any symlink on the way) and served as a type that cannot run script in this origin.
    fn artifact(&self, req: &Request) -> ApiResult {
        let run_id = req.required("run_id")?;
        let path = req.required("path")?;
        let download = req.get("download").is_some_and(|v| v == "1");
        let size = self.store.artifact_size(run_id, Some(path))?;
        let listing = self
            .store
            .list_artifacts(run_id, Some(path))
            .unwrap_or_default();
        if !listing.is_empty() {
            return Err(ApiError::bad(format!("'{path}' is a folder")));
        }
        if !download && size > PREVIEW_LIMIT {
            return Err(ApiError::status(
                413,
                "RESOURCE_LIMIT_EXCEEDED",
                format!("'{path}' is {size} bytes; download it instead"),
            ));
        }
        let tmp =
            tempfile::tempdir_in(self.scratch).map_err(|e| StoreError::io(self.scratch, e))?;
        let copied = self
            .store
            .download_artifacts(run_id, Some(path), tmp.path(), &|_| {})?
            .path;
        if !copied.is_file() {
            return Err(ApiError::status(
                404,
                "RESOURCE_DOES_NOT_EXIST",
                format!("No artifact file at '{path}' in run {run_id}"),
            ));
        }
        let file = std::fs::File::open(&copied).map_err(|e| StoreError::io(&copied, e))?;
        let len = file.metadata().map(|m| m.len()).unwrap_or(size);
        drop(tmp); // unlinks the copy; the open file stays readable
        let name = path.rsplit('/').next().unwrap_or(path);
        let mut resp = Response {
            status: 200,
            content_type: artifact_type(name, download).to_string(),
            headers: vec![(
                "Content-Security-Policy".into(),
                "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'".into(),
            )],
            body: Body::File(file, len),
        };
        if download {
            let safe: String = name
                .chars()
                .map(|c| {
                    if c.is_ascii_graphic() && c != '"' && c != '\\' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            resp.headers.push((
                "Content-Disposition".into(),
                format!("attachment; filename=\"{safe}\""),
            ));
        }
        Ok(resp)
    }

    /// One page of registered models (by name), each with its number of versions.
    fn models(&self, req: &Request) -> ApiResult {
        let Some(reg) = self.registry else {
            return Ok(Response::json(
                200,
                &json!({ "models": [], "present": false }),
            ));
        };
        let page = reg.search_registered_models(&RegistryQuery {
            max_results: page_size(req)?,
            page_token: page_token(req),
            ..Default::default()
        })?;
        let versions = reg.list_model_versions(None)?;
        let models: Vec<Value> = page
            .items
            .iter()
            .map(|m| {
                let n = versions.items.iter().filter(|v| v.name == m.name).count();
                json!({ "model": m, "version_count": n })
            })
            .collect();
        let present = !page.items.is_empty() || page_token(req).is_some();
        let mut body = json!({ "models": models, "present": present });
        if let Some(t) = page.next_page_token {
            body["next_page_token"] = json!(t);
        }
        Ok(Response::json(200, &body))
    }

    /// A registered model and one page of its versions, highest first.
    fn model(&self, req: &Request) -> ApiResult {
        let name = req.required("name")?;
        let reg = self
            .registry
            .ok_or_else(|| ApiError::status(404, "RESOURCE_DOES_NOT_EXIST", "no registry"))?;
        let model = reg.get_registered_model(name)?;
        let page = reg.search_model_versions(
            Some(name),
            &RegistryQuery {
                order_by: vec!["version_number DESC".into()],
                max_results: page_size(req)?,
                page_token: page_token(req),
                ..Default::default()
            },
        )?;
        let mut body = json!({ "model": model, "versions": page.items });
        if let Some(t) = page.next_page_token {
            body["next_page_token"] = json!(t);
        }
        Ok(Response::json(200, &body))
    }

    /// The writes a user expects from a run page, each one store call.
    fn write(&self, req: &Request) -> ApiResult {
        let body = json_body(req)?;
        let s = |k: &str| str_field(&body, k);
        let run_id = s("run_id")?;
        match req.path {
            "/api/runs/rename" => {
                let name = s("name")?;
                self.store
                    .log_batch(&run_id, &[], &[], &[Tag::new("mlflow.runName", name)])?;
            }
            "/api/runs/set-tag" => {
                self.store
                    .log_batch(&run_id, &[], &[], &[Tag::new(s("key")?, s("value")?)])?;
            }
            "/api/runs/delete-tag" => self.store.delete_tag(&run_id, &s("key")?)?,
            "/api/runs/note" => {
                self.store
                    .log_batch(&run_id, &[], &[], &[Tag::new(NOTE_TAG, s("content")?)])?;
            }
            "/api/runs/delete" => self.store.delete_run(&run_id)?,
            "/api/runs/restore" => self.store.restore_run(&run_id)?,
            p => return Err(no_endpoint(p)),
        }
        Ok(Response::json(200, &json!({})))
    }
}

impl Ui<'_> {
    /// The registry page's in-place edits (aliases, stages, tags), through the registry's own
    /// checked writes; like the run writes, only on POST with the write header.
    fn registry_write(&self, req: &Request) -> ApiResult {
        let registry = self.registry.ok_or_else(|| {
            ApiError::from(StoreError::Unsupported(
                "this store has no model registry".into(),
            ))
        })?;
        let body = json_body(req)?;
        let s = |k: &str| str_field(&body, k);
        let version = || -> ApiResult<i64> {
            match body.get("version") {
                Some(Value::Number(n)) => n
                    .as_i64()
                    .ok_or_else(|| ApiError::bad(format!("version '{n}' is not a whole number"))),
                Some(Value::String(v)) => Ok(crate::registry::parse_version(v)?),
                _ => Err(ApiError::bad("missing field 'version'")),
            }
        };
        let name = s("name")?;
        match req.path {
            "/api/registry/set-alias" => {
                registry.set_registered_model_alias(&name, &s("alias")?, version()?)?
            }
            "/api/registry/delete-alias" => {
                registry.delete_registered_model_alias(&name, &s("alias")?)?
            }
            "/api/registry/transition" => {
                let stage = crate::registry::Stage::parse(&s("stage")?)?;
                let archive = body
                    .get("archive_existing_versions")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                registry.transition_model_version_stage(&name, version()?, stage, archive)?;
            }
            "/api/registry/set-version-tag" => registry.set_model_version_tag(
                &name,
                version()?,
                &Tag::new(s("key")?, s("value")?),
            )?,
            "/api/registry/delete-version-tag" => {
                registry.delete_model_version_tag(&name, version()?, &s("key")?)?
            }
            "/api/registry/set-model-tag" => {
                registry.set_registered_model_tag(&name, &Tag::new(s("key")?, s("value")?))?
            }
            "/api/registry/delete-model-tag" => {
                registry.delete_registered_model_tag(&name, &s("key")?)?
            }
            p => return Err(no_endpoint(p)),
        }
        Ok(Response::json(200, &json!({})))
    }
}

/// A write's JSON body.
fn json_body(req: &Request) -> ApiResult<Value> {
    serde_json::from_slice(req.body)
        .map_err(|e| ApiError::bad(format!("request body is not JSON: {e}")))
}

/// A string field of a write's body.
fn str_field(body: &Value, k: &str) -> ApiResult<String> {
    body.get(k)
        .and_then(Value::as_str)
        .map(String::from)
        .ok_or_else(|| ApiError::bad(format!("missing string field '{k}'")))
}

fn no_endpoint(path: &str) -> ApiError {
    ApiError::status(
        404,
        "ENDPOINT_NOT_FOUND",
        format!("no endpoint POST {path}"),
    )
}

fn page(text: &'static str, ty: &str) -> Response {
    let mut r = Response::bytes(200, &format!("{ty}; charset=utf-8"), text.as_bytes());
    r.headers.push(("Cache-Control".into(), "no-cache".into()));
    r
}

fn error_response(e: ApiError) -> Response {
    Response::json(e.status, &json!({ "error": e }))
}

/// Inline only types that cannot script this origin; SVG and HTML come back as text or bytes, and
/// the sandbox CSP on every artifact response covers what a browser might still render.
fn artifact_type(name: &str, download: bool) -> &'static str {
    if download {
        return "application/octet-stream";
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("bmp") => "image/bmp",
        _ => "text/plain; charset=utf-8",
    }
}

/// `metrics.a,params.b,tags.c` → the keys a page of the runs table needs (the column chooser sends
/// keys verbatim).
fn parse_columns(s: &str) -> ApiResult<Needs> {
    let mut columns = Vec::new();
    for c in split_list(s) {
        let spec = parse_column(&c, KeySpelling::Verbatim).map_err(|e| ApiError::bad(e.message))?;
        columns.extend(spec);
    }
    Ok(needs_of(&columns))
}

/// A run as the runs table shows it: info plus maps of the values asked for.
fn run_row(r: &Run, columns: Option<&Needs>) -> Value {
    let keep = |set: Option<&BTreeSet<String>>, k: &str| set.is_none_or(|s| s.contains(k));
    let metrics: BTreeMap<&str, Value> = r
        .data
        .metrics
        .iter()
        .filter(|m| keep(columns.map(|c| &c.metrics), &m.key))
        .map(|m| (m.key.as_str(), num(m.value)))
        .collect();
    let params: BTreeMap<&str, &str> = r
        .data
        .params
        .iter()
        .filter(|p| keep(columns.map(|c| &c.params), &p.key))
        .map(|p| (p.key.as_str(), p.value.as_str()))
        .collect();
    let tags: BTreeMap<&str, &str> = r
        .data
        .tags
        .iter()
        .filter(|t| t.key == PARENT_TAG || keep(columns.map(|c| &c.tags), &t.key))
        .map(|t| (t.key.as_str(), t.value.as_str()))
        .collect();
    let i = &r.info;
    json!({
        "run_id": i.run_id,
        "run_name": i.run_name,
        "status": i.status,
        "user_id": i.user_id,
        "start_time": i.start_time,
        "end_time": i.end_time,
        "lifecycle_stage": i.lifecycle_stage,
        "metrics": metrics,
        "params": params,
        "tags": tags,
    })
}

/// A metric value as JSON: a number, or MLflow's strings for NaN and ±inf.
pub fn num(v: f64) -> Value {
    if v.is_nan() {
        json!("NaN")
    } else if v.is_infinite() {
        json!(if v > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        json!(v)
    }
}

fn points_json(points: &[Metric]) -> Vec<Value> {
    points
        .iter()
        .map(|m| json!([m.step, m.timestamp, num(m.value)]))
        .collect()
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Decodes an `application/x-www-form-urlencoded` query (`+` is a space; bad escapes kept as is).
pub fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

pub use crate::uri::form_decode as percent_decode;

/// A page's size from `max_results` (default 100, at most [`MAX_PAGE`]).
fn page_size(req: &Request) -> ApiResult<i64> {
    match req.get("max_results") {
        Some(s) => s
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .map(|n| n as i64)
            .ok_or_else(|| {
                ApiError::bad(format!("max_results must be 1 to {MAX_PAGE}, got '{s}'"))
            }),
        None => Ok(100),
    }
}

/// The page token asked for (an empty one is the first page).
fn page_token(req: &Request) -> Option<String> {
    req.get("page_token")
        .filter(|t| !t.is_empty())
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_decode() {
        assert_eq!(
            parse_query("a=1+2&b=%3Cx%3E&c&d=%zz&e=%4"),
            vec![
                ("a".into(), "1 2".into()),
                ("b".into(), "<x>".into()),
                ("c".into(), "".into()),
                ("d".into(), "%zz".into()),
                ("e".into(), "%4".into()),
            ]
        );
        assert_eq!(percent_decode("..%2F..%2Fetc"), "../../etc");
        assert_eq!(percent_decode("%"), "%");
    }

    #[test]
    fn artifact_types_never_script() {
        for name in ["a.svg", "a.html", "a.htm", "a.js", "a.xml", "a.xhtml"] {
            assert_eq!(artifact_type(name, false), "text/plain; charset=utf-8");
        }
        assert_eq!(artifact_type("a.PNG", false), "image/png");
        assert_eq!(artifact_type("a.png", true), "application/octet-stream");
    }
}
