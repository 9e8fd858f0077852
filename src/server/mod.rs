//! `mlrun server`: MLflow's tracking REST API (`/api/2.0/mlflow/…`, `/ajax-api/2.0/mlflow/…`) and
//! its artifact proxy (`/api/2.0/mlflow-artifacts/…`) over any store [`Stores::open`] opens, on the
//! shared HTTP front ([`crate::http`]). It speaks only through the store traits, so a folder, a
//! database or another server behind it answer alike. Answers are MLflow's JSON shapes (int64 as
//! numbers, empty fields left out); errors are MLflow's `{"error_code", "message"}` with its HTTP
//! status; a path it does not serve answers `ENDPOINT_NOT_FOUND` rather than HTML. With the UI on
//! (`ui_scratch`), every path that is not MLflow's is the web UI's ([`crate::ui`]: its pages and
//! its own `/api/…` JSON), as `mlflow server` serves its UI. Before anything is read: basic auth
//! (`auth`), then a Host header that is not the server's, then a write from another site's page,
//! are refused.
mod artifacts;
pub mod auth;
mod registry;
mod request;
mod tracking;

use crate::http;
use crate::stores::Stores;
use request::{json_response, ApiResult, Params};
pub use request::{status_of, ApiError};
use serde_json::Value;
use std::path::PathBuf;

/// The prefixes MLflow serves its REST API under (the UI's is `ajax-api`).
const API_PREFIXES: &[&str] = &["/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/"];
const ARTIFACT_PREFIXES: &[&str] = &[
    "/api/2.0/mlflow-artifacts/artifacts",
    "/ajax-api/2.0/mlflow-artifacts/artifacts",
];

/// How the server was started.
pub struct Options {
    /// Where the artifact proxy keeps files (`--artifacts-destination`); `None` when artifacts
    /// are not served (`--no-serve-artifacts`).
    pub artifacts: Option<PathBuf>,
    /// Refuse every write (`--read-only`), the UI's too.
    pub read_only: bool,
    /// Where the web UI copies artifacts before serving them; `None`: no UI at `/`.
    pub ui_scratch: Option<PathBuf>,
    /// Host headers accepted (`127.0.0.1:5000`, `localhost:5000`, `*.example.com:*` …), against
    /// DNS rebinding: compared without case, `*` matching any run of characters; empty accepts
    /// any (a server listening on every address cannot know its names).
    pub allowed_hosts: Vec<String>,
    /// HTTP basic auth (`--auth-file`): every request but `/health` must name one of its users.
    pub auth: Option<auth::Credentials>,
}

/// The MLflow release whose REST API this server speaks (what `/version` answers; MLflow's
/// clients read it to decide which endpoints they may call).
pub const MLFLOW_API_VERSION: &str = "3.17.2";

/// The server's request handler: one set of stores shared by every request.
pub struct Server {
    stores: Stores,
    opts: Options,
}

/// The URI experiments created through the server get as artifact location when the server
/// proxies artifacts (MLflow's `mlflow-artifacts:/`).
pub const PROXIED_ARTIFACT_ROOT: &str = "mlflow-artifacts:/";

impl Server {
    pub fn new(stores: Stores, opts: Options) -> Self {
        Self { stores, opts }
    }

    pub fn stores(&self) -> &Stores {
        &self.stores
    }

    fn route(&self, req: &http::Request) -> ApiResult<http::Response> {
        let path = req.path.as_str();
        if path == "/health" {
            // Load balancers ask by address: no Host check, as MLflow's.
            return Ok(http::Response::bytes(200, "text/plain", "OK"));
        }
        if let Some(users) = &self.opts.auth {
            if !users.allows(req.header("Authorization")) {
                return Ok(unauthenticated());
            }
        }
        if !self.host_allowed(req) {
            return Err(ApiError::new(
                "PERMISSION_DENIED",
                format!(
                    "Host '{}' is not this server; open it as http://{}/",
                    req.header("Host").unwrap_or(""),
                    self.opts.allowed_hosts.first().map_or("", String::as_str)
                ),
            ));
        }
        if cross_origin_write(req) {
            return Err(ApiError::new(
                "PERMISSION_DENIED",
                format!(
                    "A {} from the page at {} is refused: writes come from this server's own pages",
                    req.method,
                    req.header("Origin").unwrap_or("")
                ),
            ));
        }
        if !is_mlflow_path(path) {
            if let Some(scratch) = &self.opts.ui_scratch {
                return self.ui(req, scratch);
            }
        }
        if req.method == "GET" && path == "/version" {
            return Ok(http::Response::bytes(200, "text/plain", MLFLOW_API_VERSION));
        }
        if let Some(rest) = ARTIFACT_PREFIXES
            .iter()
            .find_map(|p| path.strip_prefix(p))
            .filter(|r| r.is_empty() || r.starts_with('/'))
        {
            let Some(root) = &self.opts.artifacts else {
                return Ok(http::Response::bytes(
                    503,
                    "text/plain",
                    format!(
                        "Endpoint: {path} disabled due to the mlflow server running with \
                         `--no-serve-artifacts`. To enable artifacts server functionality, run \
                         `mlflow server` with `--serve-artifacts`"
                    ),
                ));
            };
            if req.method != "GET" && req.method != "HEAD" {
                self.check_writable()?;
            }
            return artifacts::handle(root, req, rest.strip_prefix('/').unwrap_or(rest));
        }
        let Some(endpoint) = API_PREFIXES.iter().find_map(|p| path.strip_prefix(p)) else {
            return Err(not_found(req));
        };
        let method = req.method.as_str();
        let write = method != "GET" && method != "HEAD" && !is_read_by_post(endpoint);
        let Some(handler) =
            tracking::route(method, endpoint).or_else(|| registry::route(method, endpoint))
        else {
            return Err(not_found(req));
        };
        if write {
            self.check_writable()?;
        }
        let mut params = Params::of(req)?;
        registry::path_params(endpoint, &mut params);
        tracking::repeated_run_ids(endpoint, req, &mut params);
        Ok(json_response(200, &handler(self, &params)?))
    }

    /// The web UI's answer; its writes are POSTs.
    fn ui(&self, req: &http::Request, scratch: &std::path::Path) -> ApiResult<http::Response> {
        if req.method == "POST" {
            self.check_writable()?;
        }
        let ui = crate::ui::Ui {
            store: self.stores.tracking(),
            registry: Some(self.stores.registry()),
            // Checked above, for every path.
            allowed_hosts: Vec::new(),
            scratch,
        };
        let mut r = crate::ui::Request::parse(&req.method, &req.target, &req.body);
        r.host = req.header("Host");
        r.write_header = req.header(crate::ui::WRITE_HEADER).is_some();
        Ok(ui.handle(&r))
    }

    fn host_allowed(&self, req: &http::Request) -> bool {
        let allowed = &self.opts.allowed_hosts;
        allowed.is_empty()
            || req.header("Host").is_some_and(|h| {
                allowed.iter().any(|a| {
                    a.eq_ignore_ascii_case(h)
                        || (a.contains('*')
                            && crate::search::like::like(h, &a.replace('*', "%"), true))
                })
            })
    }

    fn check_writable(&self) -> ApiResult<()> {
        if self.opts.read_only {
            return Err(ApiError::new(
                "PERMISSION_DENIED",
                "This server is read-only (mlrun server --read-only): writes are refused.",
            ));
        }
        Ok(())
    }
}

/// 401 with the challenge a browser or MLflow's client answers, in MLflow's error shape (MLflow's
/// own basic-auth app words it so, in plain text).
fn unauthenticated() -> http::Response {
    let mut r = ApiError::new(
        "UNAUTHENTICATED",
        "You are not authenticated. Please see \
         https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to \
         authenticate.",
    )
    .response();
    r.headers
        .push(("WWW-Authenticate".into(), "Basic realm=\"mlflow\"".into()));
    r
}

/// A write a browser sent from another site's page: its `Origin` is not this server (MLflow's
/// `block_cross_origin_state_changes`). Clients that are not browsers send no Origin.
fn cross_origin_write(req: &http::Request) -> bool {
    if matches!(req.method.as_str(), "GET" | "HEAD" | "OPTIONS") {
        return false;
    }
    let Some(origin) = req.header("Origin") else {
        return false;
    };
    let own = req.header("Host").unwrap_or("");
    let from = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .unwrap_or(origin);
    own.is_empty() || !from.eq_ignore_ascii_case(own)
}

/// MLflow's own paths (its REST API under any version, the UI's `ajax-api`, `/version`); every
/// other path is the web UI's, whose JSON lives under `/api/` without a version.
fn is_mlflow_path(path: &str) -> bool {
    path == "/version"
        || path.starts_with("/ajax-api/")
        || path
            .strip_prefix("/api/")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Searches are POSTs that change nothing.
fn is_read_by_post(endpoint: &str) -> bool {
    endpoint.ends_with("/search")
        || matches!(
            endpoint,
            "registered-models/get-latest-versions" | "logged-models/search"
        )
}

fn not_found(req: &http::Request) -> ApiError {
    ApiError::new(
        "ENDPOINT_NOT_FOUND",
        format!(
            "No endpoint {} {} on this server (mlrun server implements MLflow's tracking, registry \
             and artifact API; traces, prompts, gateway and webhooks are not served)",
            req.method, req.path
        ),
    )
}

impl http::Handler for Server {
    /// Artifact uploads go to disk as they arrive, on the destination's own file system (not a
    /// `/tmp` that may be memory), once the request may write at all (so an unauthenticated or
    /// refused client never fills the disk).
    fn spool_dir(&self, head: &http::Request) -> Option<PathBuf> {
        let root = self.opts.artifacts.as_ref()?;
        let may = head.method == "PUT"
            && !self.opts.read_only
            && ARTIFACT_PREFIXES.iter().any(|p| head.path.starts_with(p))
            && self.host_allowed(head)
            && self
                .opts
                .auth
                .as_ref()
                .is_none_or(|users| users.allows(head.header("Authorization")));
        // The destination is made on the first upload; until then, the folder it will be in (and
        // with neither there yet, this first body is held in memory, as any other).
        let dir = Some(root.as_path())
            .filter(|r| r.is_dir())
            .or_else(|| root.parent().filter(|p| p.is_dir()))?;
        may.then(|| dir.to_path_buf())
    }

    fn handle(&self, req: http::Request) -> http::Response {
        match self.route(&req) {
            Ok(r) => r,
            Err(e) => e.response(),
        }
    }

    fn refuse(&self, refusal: &http::Refusal) -> http::Response {
        let code = match refusal.status() {
            400 => "BAD_REQUEST",
            413 | 503 => "RESOURCE_EXHAUSTED",
            _ => "DEADLINE_EXCEEDED",
        };
        let mut e = ApiError::new(code, refusal.message());
        e.status = refusal.status();
        e.response()
    }
}

/// An endpoint's meaning: the request's parameters in, the response message out.
type Endpoint = fn(&Server, &Params) -> ApiResult;

/// `{}`: what MLflow answers for a write with an empty response message.
fn empty() -> Value {
    Value::Object(Default::default())
}
