//! `RestStore`: the tracking store traits over an MLflow tracking server's REST API (`/api/2.0/mlflow`,
//! spec §10), with artifacts through the server's proxy (`mlflow-artifacts:` URIs). The server does the
//! validating, filtering and paging; this module only translates. Credentials and transport settings
//! come in a [`RestConfig`] (the binary reads them from `MLFLOW_TRACKING_*`), and never reach a message.
mod client;
pub mod registry;
pub(crate) mod wire;

pub use registry::RestRegistry;

use crate::entities::*;
use crate::store::{
    arg_rel, listed_rel, Downloaded, Listing, LoggedModel, ModelDraft, ModelFiles, NewRun, Result,
    RunPage, RunQuery, StoreError, TrackingStore,
};
use crate::validate;
use client::{encode_path, Client, Payload, Retry};
pub use client::{server_text, terminal_safe, MAX_JSON_ANSWER, MAX_QUOTED};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How to reach a tracking server: MLflow's client settings (spec §7.2), already resolved.
#[derive(Clone)]
pub struct RestConfig {
    pub username: Option<String>,
    pub password: Option<String>,
    /// Bearer token; wins over basic auth.
    pub token: Option<String>,
    pub insecure_tls: bool,
    pub server_cert_path: Option<PathBuf>,
    /// A PEM file with the client certificate and its private key.
    pub client_cert_path: Option<PathBuf>,
    pub max_retries: u32,
    pub backoff_factor: f64,
    pub timeout: Duration,
}

impl Default for RestConfig {
    /// MLflow's defaults: 7 retries, backoff factor 2, 120 s timeout.
    fn default() -> Self {
        Self {
            username: None,
            password: None,
            token: None,
            insecure_tls: false,
            server_cert_path: None,
            client_cert_path: None,
            max_retries: 7,
            backoff_factor: 2.0,
            timeout: Duration::from_secs(120),
        }
    }
}

impl std::fmt::Debug for RestConfig {
    /// Secrets are shown only as present or absent.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set = |o: &Option<String>| if o.is_some() { "<set>" } else { "<unset>" };
        f.debug_struct("RestConfig")
            .field("username", &self.username)
            .field("password", &set(&self.password))
            .field("token", &set(&self.token))
            .field("insecure_tls", &self.insecure_tls)
            .field("server_cert_path", &self.server_cert_path)
            .field("client_cert_path", &self.client_cert_path)
            .field("max_retries", &self.max_retries)
            .field("backoff_factor", &self.backoff_factor)
            .field("timeout", &self.timeout)
            .finish()
    }
}

const API: &str = "/api/2.0/mlflow";
const ARTIFACTS: &str = "/api/2.0/mlflow-artifacts/artifacts";
/// Page size for listings that read everything.
const PAGE: usize = 1000;

/// Bounds on one recursive walk of a server's artifact listing, so a listing in which every folder
/// holds a folder (or ten thousand) cannot keep mlrun asking forever. A real run is a few levels
/// deep with at most hundreds of folders.
#[derive(Clone, Copy)]
struct WalkLimits {
    /// Folder levels below where the walk starts.
    depth: usize,
    /// Listing requests per walk.
    listings: usize,
    /// Entries (files and folders) per walk.
    entries: usize,
}

const WALK_LIMITS: WalkLimits = WalkLimits {
    depth: 64,
    listings: 10_000,
    entries: 1_000_000,
};

pub struct RestStore {
    client: Client,
}

impl RestStore {
    pub fn new(uri: &str, config: RestConfig) -> Result<Self> {
        Ok(Self {
            client: Client::new(uri, &config)?,
        })
    }

    /// The server's URL without credentials (for messages and sync records).
    pub fn base_url(&self) -> &str {
        &self.client.base
    }

    fn get(&self, endpoint: &str, query: &[(&str, String)]) -> Result<Value> {
        self.client.json(
            "GET",
            &format!("{API}/{endpoint}"),
            query,
            None,
            Retry::Idempotent,
        )
    }

    fn post(&self, endpoint: &str, body: Value, retry: Retry) -> Result<Value> {
        self.client.json(
            "POST",
            &format!("{API}/{endpoint}"),
            &[],
            Some(&body),
            retry,
        )
    }

    /// The run's artifact root as a path under the proxy (`<exp>/<run>/artifacts`).
    fn artifact_root(&self, run_id: &str) -> Result<String> {
        let info = self.get_run(run_id)?.info;
        proxied_path(&info.artifact_uri)
    }

    /// One level of the proxy's listing, as run-relative paths. Every listed name passes the one
    /// path checker before it can become a local path: a name that would leave its folder is an
    /// error naming it and the server.
    fn list_level(&self, root: &str, rel: &str) -> Result<Vec<FileInfo>> {
        let full = join(root, rel);
        let v = self
            .client
            .json("GET", ARTIFACTS, &[("path", full)], None, Retry::Idempotent)?;
        let mut out: Vec<FileInfo> = v
            .get("files")
            .and_then(|f| f.as_array())
            .map(|a| {
                a.iter()
                    .map(|f| {
                        let name = f.get("path").and_then(|p| p.as_str()).unwrap_or("");
                        Ok(FileInfo {
                            path: join(rel, &listed_rel(name, &self.client.base)?),
                            is_dir: f.get("is_dir").and_then(|d| d.as_bool()).unwrap_or(false),
                            file_size: f.get("file_size").and_then(|s| s.as_u64()),
                        })
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?
            .unwrap_or_default();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// Every file under `rel`, recursively, within [`WALK_LIMITS`].
    fn walk(&self, root: &str, rel: &str, out: &mut Vec<FileInfo>) -> Result<()> {
        let mut budget = WalkBudget {
            limits: WALK_LIMITS,
            listings: 0,
            entries: 0,
            server: &self.client.base,
        };
        budget.walk(&|r| self.list_level(root, r), rel, 0, out)
    }

    fn open_download(&self, root: &str, rel: &str) -> Result<ureq::http::Response<ureq::Body>> {
        self.client.raw(
            "GET",
            &format!("{ARTIFACTS}/{}", encode_path(&join(root, rel))),
            &[],
            &Payload::Empty,
            Retry::Idempotent,
        )
    }

    fn download_file(
        &self,
        root: &str,
        rel: &str,
        target: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<()> {
        let mut resp = self.open_download(root, rel)?;
        let parent = target.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
        // Into a temp file beside the target, renamed when whole: a broken download leaves nothing.
        let mut tmp =
            tempfile::NamedTempFile::new_in(parent).map_err(|e| StoreError::io(parent, e))?;
        let mut reader = resp.body_mut().as_reader();
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = reader.read(&mut buf).map_err(|e| {
                StoreError::Transport(format!(
                    "download of '{}' from {} broke off: {}",
                    server_text(rel),
                    self.client.base,
                    self.client.describe(&ureq::Error::from(e))
                ))
            })?;
            if n == 0 {
                break;
            }
            tmp.write_all(&buf[..n])
                .map_err(|e| StoreError::io(tmp.path(), e))?;
            progress(n as u64);
        }
        tmp.persist(target)
            .map_err(|e| StoreError::io(target, e.error))?;
        Ok(())
    }

    /// Sends one local file to `rel` under the proxy path `root`.
    fn upload_file(
        &self,
        root: &str,
        rel: &str,
        f: &crate::store::upload::Upload,
        progress: &dyn Fn(u64),
    ) -> Result<()> {
        self.client.raw(
            "PUT",
            &format!("{ARTIFACTS}/{}", encode_path(&join(root, rel))),
            &[],
            &Payload::File {
                path: &f.src,
                len: f.len,
                progress,
            },
            Retry::Idempotent,
        )?;
        Ok(())
    }

    /// Downloads what an `mlflow-artifacts:` URI names (a folder's contents, or one file) into
    /// `dest` through the server's proxy; returns the folder, or the file written.
    pub fn download_proxied(
        &self,
        uri: &str,
        dest: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<PathBuf> {
        let root = proxied_path(uri)?;
        listed_rel(&root, &self.client.base)?;
        let mut files = Vec::new();
        self.walk(&root, "", &mut files)?;
        if files.is_empty() {
            // Not a folder (or an empty one): one file, or nothing.
            let (dir, name) = root.rsplit_once('/').unwrap_or(("", root.as_str()));
            let target = dest.join(name);
            return match self.download_file(dir, name, &target, progress) {
                Ok(()) => Ok(target),
                Err(StoreError::NotFound(_)) | Err(StoreError::Transport(_)) => {
                    Err(StoreError::NotFound(format!(
                        "No artifacts at '{}' on {}",
                        server_text(uri),
                        self.client.base
                    )))
                }
                Err(e) => Err(e),
            };
        }
        std::fs::create_dir_all(dest).map_err(|e| StoreError::io(dest, e))?;
        for f in files {
            self.download_file(&root, &f.path, &dest.join(&f.path), progress)?;
        }
        Ok(dest.to_path_buf())
    }

    /// `GET /logged-models/{id}` (MLflow 3), as the server's JSON.
    fn get_logged_model_json(&self, model_id: &str) -> Result<Value> {
        let v = self.get(
            &format!("logged-models/{}", client::encode_component(model_id)),
            &[],
        )?;
        v.get("model").cloned().ok_or_else(|| {
            StoreError::NotFound(format!("Logged model with ID '{model_id}' not found."))
        })
    }

    fn search_page(
        &self,
        experiment_ids: &[String],
        filter: &str,
        order_by: &[String],
        max_results: i64,
        page_token: Option<&str>,
        view: ViewType,
    ) -> Result<(Vec<Run>, Option<String>)> {
        let mut body = json!({
            "experiment_ids": experiment_ids,
            "filter": filter,
            "run_view_type": wire::view_name(view),
            "max_results": max_results,
            "order_by": order_by,
        });
        if let Some(t) = page_token {
            body["page_token"] = json!(t);
        }
        let v = self.post("runs/search", body, Retry::Idempotent)?;
        let runs = v
            .get("runs")
            .and_then(|r| r.as_array())
            .map(|a| a.iter().map(wire::run).collect::<Result<Vec<_>>>())
            .transpose()?
            .unwrap_or_default();
        Ok((runs, next_token(&v)))
    }
}

/// What one walk has spent of its [`WalkLimits`].
struct WalkBudget<'a> {
    limits: WalkLimits,
    listings: usize,
    entries: usize,
    server: &'a str,
}

impl WalkBudget<'_> {
    fn walk(
        &mut self,
        list: &dyn Fn(&str) -> Result<Vec<FileInfo>>,
        rel: &str,
        depth: usize,
        out: &mut Vec<FileInfo>,
    ) -> Result<()> {
        let stop = |what: String| StoreError::ServerLimit {
            server: self.server.to_string(),
            at: server_text(rel),
            what,
        };
        if depth > self.limits.depth {
            return Err(stop(format!(
                "the artifact listing is more than {} folders deep (does it end?)",
                self.limits.depth
            )));
        }
        if self.listings >= self.limits.listings {
            return Err(stop(format!(
                "walking the artifact listing took more than {} folder listings",
                self.limits.listings
            )));
        }
        self.listings += 1;
        let level = list(rel)?;
        self.entries += level.len();
        if self.entries > self.limits.entries {
            return Err(stop(format!(
                "the artifact listing holds more than {} entries",
                self.limits.entries
            )));
        }
        for f in level {
            if f.is_dir {
                self.walk(list, &f.path, depth + 1, out)?;
            } else {
                out.push(f);
            }
        }
        Ok(())
    }
}

/// Most pages one paged listing reads (10 million runs at 1,000 a page).
const MAX_PAGES: usize = 10_000;

/// Guards a paged listing against a server that never says "last page": a page token it sent before
/// (a loop) or more than [`MAX_PAGES`] pages is an error naming the endpoint.
pub(crate) struct Pages<'a> {
    server: &'a str,
    endpoint: &'static str,
    seen: std::collections::HashSet<String>,
}

impl<'a> Pages<'a> {
    pub(crate) fn new(server: &'a str, endpoint: &'static str) -> Self {
        Self {
            server,
            endpoint,
            seen: Default::default(),
        }
    }

    /// The token for the next page, or `None` when the listing is done.
    pub(crate) fn next(&mut self, token: Option<String>) -> Result<Option<String>> {
        let Some(t) = token else { return Ok(None) };
        let stop = |what: String| StoreError::ServerLimit {
            server: self.server.to_string(),
            at: format!("{} page {}", self.endpoint, self.seen.len() + 1),
            what,
        };
        if self.seen.contains(&t) {
            return Err(stop(format!(
                "the listing sent page token '{}' a second time (it would never end)",
                server_text(&t)
            )));
        }
        if self.seen.len() + 1 >= MAX_PAGES {
            return Err(stop(format!("the listing goes on past {MAX_PAGES} pages")));
        }
        self.seen.insert(t.clone());
        Ok(Some(t))
    }
}

fn next_token(v: &Value) -> Option<String> {
    v.get("next_page_token")
        .and_then(|t| t.as_str())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn join(a: &str, b: &str) -> String {
    let (a, b) = (a.trim_end_matches('/'), b.trim_start_matches('/'));
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}/{b}"),
    }
}

/// `mlflow-artifacts:/<path>` or `mlflow-artifacts://host[:port]/<path>` → `<path>`.
fn proxied_path(uri: &str) -> Result<String> {
    let rest = uri.strip_prefix("mlflow-artifacts:").ok_or_else(|| {
        StoreError::Unsupported(format!(
            "the run's artifacts live at '{}', which mlrun cannot reach through the tracking server; \
             over REST, mlrun moves artifacts only through the server's proxy (mlflow-artifacts: URIs, \
             `mlflow server --serve-artifacts`)",
            server_text(uri)
        ))
    })?;
    let path = match rest.strip_prefix("//") {
        Some(r) => r.split_once('/').map(|(_, p)| p).unwrap_or(""),
        None => rest,
    };
    Ok(path.trim_matches('/').to_string())
}

/// A logged model in MLflow's REST shape (`{"info": {...}}`).
fn logged_model(v: &Value) -> Result<LoggedModel> {
    let info = &v["info"];
    let text = |k: &str| info.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let int = |k: &str| match info.get(k) {
        Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
        Some(Value::String(s)) => s.parse().unwrap_or(0),
        _ => 0,
    };
    let model_id = text("model_id").ok_or_else(|| {
        StoreError::Transport(
            "the tracking server sent a malformed logged model; is it an MLflow tracking server?"
                .into(),
        )
    })?;
    // The status enum's number, as a folder's meta.yaml holds it.
    let status = match text("status").as_deref() {
        Some("LOGGED_MODEL_PENDING") => 1,
        Some("LOGGED_MODEL_READY") => 2,
        Some("LOGGED_MODEL_UPLOAD_FAILED") => 3,
        _ => 0,
    };
    Ok(LoggedModel {
        model_id,
        experiment_id: text("experiment_id").unwrap_or_default(),
        name: text("name").unwrap_or_default(),
        artifact_location: text("artifact_uri").unwrap_or_default(),
        source_run_id: text("source_run_id").filter(|r| !r.is_empty()),
        status,
        creation_timestamp: int("creation_timestamp_ms"),
    })
}

fn summary(points: &[Metric]) -> Option<MetricSummary> {
    let latest = Metric::latest(points)?;
    let mut min = f64::NAN;
    let mut max = f64::NAN;
    for p in points {
        if p.value < min || min.is_nan() {
            min = p.value;
        }
        if p.value > max || max.is_nan() {
            max = p.value;
        }
    }
    Some(MetricSummary {
        timestamp: latest.timestamp,
        value: latest.value,
        step: latest.step,
        min,
        max,
        count: points.len(),
    })
}

impl TrackingStore for RestStore {
    fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[Tag],
    ) -> Result<String> {
        let mut body = json!({"name": name, "tags": wire::kvs_json(tags)});
        if let Some(a) = artifact_location {
            body["artifact_location"] = json!(a);
        }
        let v = self.post("experiments/create", body, Retry::OnlyUnprocessed)?;
        Ok(v.get("experiment_id")
            .and_then(|i| i.as_str())
            .unwrap_or_default()
            .to_string())
    }

    fn get_experiment(&self, experiment_id: &str) -> Result<Experiment> {
        let v = self.get(
            "experiments/get",
            &[("experiment_id", experiment_id.to_string())],
        )?;
        wire::experiment(&v["experiment"])
    }

    fn get_experiment_by_name(&self, name: &str) -> Result<Option<Experiment>> {
        match self.get(
            "experiments/get-by-name",
            &[("experiment_name", name.to_string())],
        ) {
            Ok(v) => Ok(Some(wire::experiment(&v["experiment"])?)),
            Err(StoreError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn list_experiments(&self, view: ViewType) -> Result<Listing<Experiment>> {
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        let mut pages = Pages::new(&self.client.base, "experiments/search");
        loop {
            let mut body = json!({"max_results": PAGE, "view_type": wire::view_name(view)});
            if let Some(t) = &token {
                body["page_token"] = json!(t);
            }
            let v = self.post("experiments/search", body, Retry::Idempotent)?;
            if let Some(a) = v.get("experiments").and_then(|e| e.as_array()) {
                for e in a {
                    items.push(wire::experiment(e)?);
                }
            }
            token = pages.next(next_token(&v))?;
            if token.is_none() {
                break;
            }
        }
        Ok(Listing {
            items,
            broken: Vec::new(),
        })
    }

    fn rename_experiment(&self, experiment_id: &str, new_name: &str) -> Result<()> {
        self.post(
            "experiments/update",
            json!({"experiment_id": experiment_id, "new_name": new_name}),
            Retry::Idempotent,
        )
        .map(drop)
    }

    fn delete_experiment(&self, experiment_id: &str) -> Result<()> {
        self.post(
            "experiments/delete",
            json!({"experiment_id": experiment_id}),
            Retry::OnlyUnprocessed,
        )
        .map(drop)
    }

    fn restore_experiment(&self, experiment_id: &str) -> Result<()> {
        self.post(
            "experiments/restore",
            json!({"experiment_id": experiment_id}),
            Retry::OnlyUnprocessed,
        )
        .map(drop)
    }

    fn set_experiment_tag(&self, experiment_id: &str, tag: &Tag) -> Result<()> {
        self.post(
            "experiments/set-experiment-tag",
            json!({"experiment_id": experiment_id, "key": tag.key, "value": tag.value}),
            Retry::Idempotent,
        )
        .map(drop)
    }

    fn delete_experiment_tag(&self, experiment_id: &str, key: &str) -> Result<()> {
        self.post(
            "experiments/delete-experiment-tag",
            json!({"experiment_id": experiment_id, "key": key}),
            Retry::OnlyUnprocessed,
        )
        .map(drop)
    }

    fn create_run(&self, run: NewRun) -> Result<Run> {
        let mut body = json!({
            "experiment_id": run.experiment_id,
            "user_id": run.user_id,
            "start_time": run.start_time,
            "tags": wire::kvs_json(&run.tags),
        });
        if let Some(n) = &run.run_name {
            body["run_name"] = json!(n);
        }
        let v = self.post("runs/create", body, Retry::OnlyUnprocessed)?;
        wire::run(&v["run"])
    }

    fn get_run(&self, run_id: &str) -> Result<Run> {
        let v = self.get("runs/get", &[("run_id", run_id.to_string())])?;
        wire::run(&v["run"])
    }

    fn update_run(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
    ) -> Result<RunInfo> {
        let mut body = json!({"run_id": run_id, "status": status.as_str()});
        if let Some(t) = end_time {
            body["end_time"] = json!(t);
        }
        let v = self.post("runs/update", body, Retry::Idempotent)?;
        wire::run_info(&v["run_info"])
    }

    fn list_runs(&self, experiment_ids: &[String], view: ViewType) -> Result<Listing<Run>> {
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        let mut pages = Pages::new(&self.client.base, "runs/search");
        loop {
            let (runs, next) =
                self.search_page(experiment_ids, "", &[], PAGE as i64, token.as_deref(), view)?;
            items.extend(runs);
            token = pages.next(next)?;
            if token.is_none() {
                break;
            }
        }
        Ok(Listing {
            items,
            broken: Vec::new(),
        })
    }

    fn search_runs(&self, query: &RunQuery) -> Result<RunPage> {
        let filter = wire::render_filter(&query.filter)?;
        let order_by = query
            .order_by
            .iter()
            .map(wire::render_order_by)
            .collect::<Result<Vec<_>>>()?;
        let (runs, next_page_token) = self.search_page(
            &query.experiment_ids,
            &filter,
            &order_by,
            query.max_results,
            query.page_token.as_deref(),
            query.view,
        )?;
        Ok(RunPage {
            runs,
            next_page_token,
            broken: Vec::new(),
        })
    }

    fn metric_summary(&self, run_id: &str, key: &str) -> Result<Option<MetricSummary>> {
        Ok(summary(&self.metric_history(run_id, key)?))
    }

    fn delete_run(&self, run_id: &str) -> Result<()> {
        self.post("runs/delete", json!({"run_id": run_id}), Retry::Idempotent)
            .map(drop)
    }

    fn restore_run(&self, run_id: &str) -> Result<()> {
        self.post("runs/restore", json!({"run_id": run_id}), Retry::Idempotent)
            .map(drop)
    }

    /// Split into requests within MLflow's batch limits (as its Python client does): params, then
    /// metrics, then tags. Only the metric requests are unsafe to repeat after a 5xx.
    fn log_inputs(&self, run_id: &str, datasets: &[serde_json::Value]) -> Result<()> {
        self.post(
            "runs/log-inputs",
            json!({"run_id": run_id, "datasets": datasets}),
            Retry::Idempotent,
        )?;
        Ok(())
    }

    fn log_batch(
        &self,
        run_id: &str,
        metrics: &[Metric],
        params: &[Param],
        tags: &[Tag],
    ) -> Result<()> {
        for chunk in params.chunks(validate::MAX_BATCH_PARAMS) {
            self.post(
                "runs/log-batch",
                json!({"run_id": run_id, "params": wire::kvs_json(chunk)}),
                Retry::Idempotent,
            )?;
        }
        for chunk in metrics.chunks(validate::MAX_BATCH_METRICS) {
            let ms: Vec<Value> = chunk.iter().map(wire::metric_json).collect();
            self.post(
                "runs/log-batch",
                json!({"run_id": run_id, "metrics": ms}),
                Retry::OnlyUnprocessed,
            )?;
        }
        for chunk in tags.chunks(validate::MAX_BATCH_TAGS) {
            self.post(
                "runs/log-batch",
                json!({"run_id": run_id, "tags": wire::kvs_json(chunk)}),
                Retry::Idempotent,
            )?;
        }
        Ok(())
    }

    fn delete_tag(&self, run_id: &str, key: &str) -> Result<()> {
        self.post(
            "runs/delete-tag",
            json!({"run_id": run_id, "key": key}),
            Retry::OnlyUnprocessed,
        )
        .map(drop)
    }

    fn metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>> {
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        let mut pages = Pages::new(&self.client.base, "metrics/get-history");
        loop {
            let mut q = vec![
                ("run_id", run_id.to_string()),
                ("metric_key", key.to_string()),
            ];
            if let Some(t) = &token {
                q.push(("page_token", t.clone()));
            }
            let v = self.get("metrics/get-history", &q)?;
            if let Some(a) = v.get("metrics").and_then(|m| m.as_array()) {
                for m in a {
                    out.push(wire::metric(m)?);
                }
            }
            token = pages.next(next_token(&v))?;
            if token.is_none() {
                break;
            }
        }
        Ok(out)
    }

    fn log_artifacts(
        &self,
        run_id: &str,
        sources: &[PathBuf],
        artifact_path: Option<&str>,
        progress: &dyn Fn(u64),
    ) -> Result<Vec<String>> {
        let rel = arg_rel(artifact_path)?;
        let plan = crate::store::upload::plan(sources, &rel)?;
        let root = self.artifact_root(run_id)?;
        for f in &plan.files {
            let dest = crate::store::upload::joined(&f.dest);
            self.upload_file(&root, &dest, f, progress)?;
        }
        Ok(plan.notices)
    }

    fn list_artifacts(&self, run_id: &str, path: Option<&str>) -> Result<Vec<FileInfo>> {
        let rel = arg_rel(path)?;
        let root = self.artifact_root(run_id)?;
        self.list_level(&root, &rel)
    }

    fn download_artifacts(
        &self,
        run_id: &str,
        path: Option<&str>,
        dest: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<Downloaded> {
        let rel = arg_rel(path)?;
        let root = self.artifact_root(run_id)?;
        let target = match rel.rsplit('/').next().filter(|n| !n.is_empty()) {
            Some(name) => dest.join(name),
            None => dest.to_path_buf(),
        };
        let mut files = Vec::new();
        self.walk(&root, &rel, &mut files)?;
        if files.is_empty() && !rel.is_empty() {
            // Not a folder (or an empty one): a single file, or nothing.
            return match self.download_file(&root, &rel, &target, progress) {
                Ok(()) => Ok(Downloaded {
                    path: target,
                    notices: vec![],
                }),
                Err(StoreError::NotFound(_)) | Err(StoreError::Transport(_))
                    if self
                        .list_level(&root, parent(&rel))?
                        .iter()
                        .all(|f| f.path != rel) =>
                {
                    Err(StoreError::NotFound(format!(
                        "No artifact at '{rel}' in run {run_id}"
                    )))
                }
                Err(e) => Err(e),
            };
        }
        std::fs::create_dir_all(&target).map_err(|e| StoreError::io(&target, e))?;
        for f in files {
            let sub = f
                .path
                .strip_prefix(&rel)
                .unwrap_or(&f.path)
                .trim_start_matches('/');
            self.download_file(&root, &f.path, &target.join(sub), progress)?;
        }
        Ok(Downloaded {
            path: target,
            notices: vec![],
        })
    }

    fn artifact_manifest(&self, run_id: &str) -> Result<Vec<ArtifactEntry>> {
        let root = self.artifact_root(run_id)?;
        let mut files = Vec::new();
        self.walk(&root, "", &mut files)?;
        let mut out = Vec::with_capacity(files.len());
        for f in files {
            let mut resp = self.open_download(&root, &f.path)?;
            let mut reader = resp.body_mut().as_reader();
            let entry = ArtifactEntry::read(f.path.clone(), &mut reader).map_err(|e| {
                StoreError::Transport(format!(
                    "reading '{}' from {} broke off: {}",
                    server_text(&f.path),
                    self.client.base,
                    self.client.describe(&ureq::Error::from(e))
                ))
            })?;
            out.push(entry);
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn artifact_size(&self, run_id: &str, path: Option<&str>) -> Result<u64> {
        let rel = arg_rel(path)?;
        let root = self.artifact_root(run_id)?;
        let mut files = Vec::new();
        self.walk(&root, &rel, &mut files)?;
        if files.is_empty() && !rel.is_empty() {
            let level = self.list_level(&root, parent(&rel))?;
            return Ok(level
                .iter()
                .find(|f| f.path == rel)
                .and_then(|f| f.file_size)
                .unwrap_or(0));
        }
        Ok(files.iter().filter_map(|f| f.file_size).sum())
    }

    fn gc(
        &self,
        _older_than_ms: Option<i64>,
        _run_ids: &[String],
        _experiment_ids: &[String],
        _now_ms: i64,
    ) -> Result<(Vec<String>, Vec<String>)> {
        Err(StoreError::Unsupported(
            "gc is not available over REST: run `mlflow gc --backend-store-uri …` next to the server's database".into(),
        ))
    }

    fn get_logged_model(&self, model_id: &str) -> Result<LoggedModel> {
        logged_model(&self.get_logged_model_json(model_id)?)
    }

    fn find_logged_model(&self, run: &Run, name: &str) -> Result<Option<LoggedModel>> {
        let q = |v: &str| format!("'{}'", v.replace('\'', ""));
        let v = self.post(
            "logged-models/search",
            json!({
                "experiment_ids": [run.info.experiment_id],
                "filter": format!("name = {} AND source_run_id = {}", q(name), q(&run.info.run_id)),
                "order_by": [{"field_name": "creation_timestamp", "ascending": false}],
                "max_results": 1,
            }),
            Retry::Idempotent,
        )?;
        v.get("models")
            .and_then(|m| m.as_array())
            .and_then(|m| m.first())
            .map(logged_model)
            .transpose()
    }

    /// As MLflow's client logs a model to a server: the logged model is created (with the run's
    /// params), its files are built locally and uploaded through the artifact proxy, then it is
    /// marked ready and recorded as the run's output.
    fn create_logged_model(
        &self,
        run: &Run,
        name: &str,
        fill: &dyn Fn(&ModelDraft) -> Result<()>,
    ) -> Result<LoggedModel> {
        let run_id = run.info.run_id.as_str();
        let params: Vec<Tag> = run
            .data
            .params
            .iter()
            .map(|p| Tag::new(&p.key, &p.value))
            .collect();
        let v = self.post(
            "logged-models",
            json!({
                "experiment_id": run.info.experiment_id,
                "name": name,
                "source_run_id": run_id,
                "params": wire::kvs_json(&params),
            }),
            Retry::OnlyUnprocessed,
        )?;
        let mut lm = logged_model(&v["model"])?;
        let root = proxied_path(&lm.artifact_location)?;
        listed_rel(&root, &self.client.base)?;
        let tmp = tempfile::tempdir().map_err(|e| StoreError::io(std::env::temp_dir(), e))?;
        let dir = tmp.path().join("artifacts");
        fill(&ModelDraft {
            dir: &dir,
            model_id: &lm.model_id,
            artifact_location: &lm.artifact_location,
            run_id,
            created: crate::clock::now(),
        })?;
        let plan = crate::store::upload::plan(&[dir], "")?;
        for f in &plan.files {
            let dest = crate::store::upload::joined(&f.dest);
            self.upload_file(&root, &dest, f, &|_| {})?;
        }
        let id = client::encode_component(&lm.model_id);
        self.client.json(
            "PATCH",
            &format!("{API}/logged-models/{id}"),
            &[],
            Some(&json!({"model_id": lm.model_id, "status": "LOGGED_MODEL_READY"})),
            Retry::Idempotent,
        )?;
        self.post(
            "runs/outputs",
            json!({"run_id": run_id, "models": [{"model_id": lm.model_id, "step": 0}]}),
            Retry::Idempotent,
        )?;
        lm.status = 2;
        Ok(lm)
    }

    fn update_logged_model_tag(
        &self,
        model_id: &str,
        key: &str,
        update: &dyn Fn(Option<&str>) -> Option<String>,
    ) -> Result<()> {
        let v = self.get_logged_model_json(model_id)?;
        let current = wire::kvs(v["info"].get("tags"))
            .into_iter()
            .find(|t| t.key == key)
            .map(|t| t.value);
        let Some(value) = update(current.as_deref()) else {
            return Ok(());
        };
        self.client.json(
            "PATCH",
            &format!(
                "{API}/logged-models/{}/tags",
                client::encode_component(model_id)
            ),
            &[],
            Some(&json!({"tags": [{"key": key, "value": value}]})),
            Retry::Idempotent,
        )?;
        Ok(())
    }

    fn model_files(&self, uri: &str, dest: &Path, progress: &dyn Fn(u64)) -> Result<ModelFiles> {
        if !uri.starts_with("mlflow-artifacts:") {
            return Err(StoreError::Unsupported(format!(
                "the model's files are at '{}', a location on the server's side that mlrun cannot fetch over REST (only mlflow-artifacts: locations, served by `mlflow server --serve-artifacts`)",
                server_text(uri)
            )));
        }
        Ok(ModelFiles {
            path: self.download_proxied(uri, dest, progress)?,
            copied: true,
        })
    }

    fn run_model_files(
        &self,
        run: &Run,
        path: &str,
        dest: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<Option<ModelFiles>> {
        let rel = arg_rel(Some(path))?;
        if rel.is_empty() {
            return Ok(None);
        }
        let art = format!("{}/{rel}", run.info.artifact_uri.trim_end_matches('/'));
        match self.download_proxied(&art, dest, progress) {
            Ok(path) => Ok(Some(ModelFiles { path, copied: true })),
            Err(StoreError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn local_model_source(&self, path: &Path) -> Result<String> {
        Err(StoreError::Unsupported(format!(
            "`models register` of a local folder ('{}') is not supported over REST yet: the server cannot read this machine's files; log it into a run first (`mlrun artifacts log --run-id RUN {}`) and register runs:/RUN/{}",
            path.display(),
            path.display(),
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "model".into()),
        )))
    }
}

fn parent(rel: &str) -> &str {
    rel.rsplit_once('/').map(|(p, _)| p).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxied_paths() {
        assert_eq!(
            proxied_path("mlflow-artifacts:/1/abc/artifacts").unwrap(),
            "1/abc/artifacts"
        );
        assert_eq!(
            proxied_path("mlflow-artifacts://h:5000/1/abc/artifacts").unwrap(),
            "1/abc/artifacts"
        );
        assert!(matches!(
            proxied_path("s3://b/1/abc"),
            Err(StoreError::Unsupported(_))
        ));
        assert!(arg_rel(Some("../x")).is_err());
        assert_eq!(arg_rel(Some("a/./b/")).unwrap(), "a/b");
    }

    /// A walk over a fake listing where `dirs(path)` names each folder's subfolders (plus one file).
    fn walk_fake(
        limits: WalkLimits,
        dirs: &dyn Fn(&str) -> usize,
    ) -> (Result<()>, usize, Vec<FileInfo>) {
        let calls = std::cell::Cell::new(0);
        let list = |rel: &str| {
            calls.set(calls.get() + 1);
            let mut level: Vec<FileInfo> = (0..dirs(rel))
                .map(|i| FileInfo {
                    path: join(rel, &format!("d{i}")),
                    is_dir: true,
                    file_size: None,
                })
                .collect();
            level.push(FileInfo {
                path: join(rel, "f"),
                is_dir: false,
                file_size: Some(1),
            });
            Ok(level)
        };
        let mut budget = WalkBudget {
            limits,
            listings: 0,
            entries: 0,
            server: "http://h",
        };
        let mut out = Vec::new();
        let r = budget.walk(&list, "", 0, &mut out);
        (r, calls.get(), out)
    }

    #[test]
    fn walks_are_bounded_in_depth_listings_and_entries() {
        let limits = WalkLimits {
            depth: 3,
            listings: 10,
            entries: 50,
        };
        // Within bounds: every file, in order.
        let (r, calls, out) = walk_fake(limits, &|rel| if rel.is_empty() { 2 } else { 0 });
        assert!(r.is_ok());
        assert_eq!(calls, 3);
        let paths: Vec<_> = out.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["d0/f", "d1/f", "f"]);
        // Endless depth: levels 0..=3 are listed, the fifth is refused, naming its path.
        let (r, calls, _) = walk_fake(limits, &|_| 1);
        assert_eq!(calls, 4);
        let e = r.unwrap_err();
        assert!(matches!(&e, StoreError::ServerLimit { at, .. } if at == "d0/d0/d0/d0"));
        assert!(e.to_string().contains("more than 3 folders deep"), "{e}");
        // Wide: the eleventh listing is refused.
        let (r, calls, _) = walk_fake(limits, &|rel| if rel.is_empty() { 20 } else { 0 });
        assert_eq!(calls, 10);
        assert!(r
            .unwrap_err()
            .to_string()
            .contains("more than 10 folder listings"));
        // Many entries in few listings.
        let few = WalkLimits {
            listings: 100,
            ..limits
        };
        let (r, calls, _) = walk_fake(few, &|rel| if rel.is_empty() { 60 } else { 0 });
        assert_eq!(calls, 1);
        assert!(r.unwrap_err().to_string().contains("more than 50 entries"));
    }

    #[test]
    fn debug_hides_secrets() {
        let c = RestConfig {
            password: Some("hunter2".into()),
            token: Some("tok-123".into()),
            ..Default::default()
        };
        let d = format!("{c:?}");
        assert!(!d.contains("hunter2") && !d.contains("tok-123"), "{d}");
    }
}
