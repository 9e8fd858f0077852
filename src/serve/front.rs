//! The scoring server's request handling behind the shared HTTP front (`crate::http`): routes,
//! MLflow's error bodies for refused requests, and ONNX scoring slots (small bodies scored on the
//! front itself when a slot is free). Python requests go to the worker pool ([`super::pool`]).
use super::pool::{Reply, Scorer};
use super::protocol::{self, ScoringError};
use super::ServedModel;
use crate::http;
use crate::models::mlmodel::MlModel;
use std::sync::Mutex;
use std::time::Duration;

/// The model behind a URI, loaded and ready to score.
pub struct Loaded {
    pub model: ServedModel,
    pub scorer: Scorer,
    /// Keeps the worker script on disk while workers may (re)start.
    pub script_dir: Option<tempfile::TempDir>,
}

impl Loaded {
    /// Stops the Python workers, if any (each finishes the request it has).
    pub fn shutdown(&self) {
        if let Scorer::Python(pool) = &self.scorer {
            pool.shutdown();
        }
    }

    /// What `/version` answers: the MLflow version the workers report, else the one the MLmodel
    /// was written by, else `fallback`.
    pub fn mlflow_version(&self, fallback: &str) -> String {
        match &self.scorer {
            Scorer::Python(p) if !p.mlflow_version.is_empty() => p.mlflow_version.clone(),
            _ => MlModel::read(&self.model.dir)
                .ok()
                .and_then(|m| m.get_str("mlflow_version").map(str::to_string))
                .unwrap_or_else(|| fallback.to_string()),
        }
    }
}

/// The scoring server's handler on the HTTP front: `/ping`, `/health`, `/version` and
/// `/invocations`, MLflow's answers to refused requests.
pub struct Front {
    loaded: Loaded,
    version: String,
    timeout: Duration,
    /// ONNX: scoring slots (handlers run on the HTTP front's blocking pool; at most `workers`
    /// score at once).
    slots: Semaphore,
}

impl Front {
    /// `timeout`: how long one request may score; `workers`: ONNX requests scored at once.
    pub fn new(loaded: Loaded, version: String, timeout: Duration, workers: usize) -> Self {
        Self {
            loaded,
            version,
            timeout,
            slots: Semaphore::new(workers),
        }
    }

    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }
}

/// A counting semaphore (std has none).
struct Semaphore {
    free: Mutex<usize>,
    cv: std::sync::Condvar,
}

impl Semaphore {
    fn new(n: usize) -> Self {
        Self {
            free: Mutex::new(n),
            cv: std::sync::Condvar::new(),
        }
    }
    /// A slot if one is free now (given back when the guard drops).
    fn try_take(&self) -> Option<SlotGuard<'_>> {
        let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
        if *free == 0 {
            return None;
        }
        *free -= 1;
        Some(SlotGuard(self))
    }
    fn run<T>(&self, f: impl FnOnce() -> T) -> T {
        {
            let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
            while *free == 0 {
                free = self.cv.wait(free).unwrap_or_else(|p| p.into_inner());
            }
            *free -= 1;
        }
        let out = f();
        *self.free.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.cv.notify_one();
        out
    }
}

struct SlotGuard<'a>(&'a Semaphore);

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.0.cv.notify_one();
    }
}

/// Largest ONNX request body scored on the HTTP front itself (a few hundred rows at most).
const INLINE_BODY: usize = 16 * 1024;

/// Nesting a JSON body may have: Python's default recursion limit, where MLflow's own
/// `json.loads` fails.
pub const MAX_JSON_DEPTH: usize = 1000;

impl http::Handler for Front {
    fn handle(&self, req: http::Request) -> http::Response {
        let json = protocol::CONTENT_TYPE_JSON;
        let reply = match (req.method.as_str(), req.path.as_str()) {
            ("GET", "/ping" | "/health") => Reply {
                status: 200,
                content_type: json,
                body: b"\n".to_vec(),
            },
            ("GET", "/version") => Reply {
                status: 200,
                content_type: json,
                body: self.version.clone().into_bytes(),
            },
            ("POST", "/invocations") => invocations(self, &req, true),
            (_, "/ping" | "/health" | "/version" | "/invocations") => Reply {
                status: 405,
                content_type: json,
                body: br#"{"detail":"Method Not Allowed"}"#.to_vec(),
            },
            _ => Reply {
                status: 404,
                content_type: json,
                body: br#"{"detail":"Not Found"}"#.to_vec(),
            },
        };
        http::Response::bytes(reply.status, reply.content_type, reply.body)
    }

    /// ONNX scoring of a small body with a scoring slot free is a bounded bit of CPU: it is done
    /// on the front (a thread hand-off would cost more than the scoring); the rest goes to `handle`.
    fn try_inline(&self, req: &http::Request) -> Option<http::Response> {
        let Scorer::Onnx(_) = &self.loaded.scorer else {
            return None;
        };
        if req.method != "POST" || req.path != "/invocations" || req.body.len() > INLINE_BODY {
            return None;
        }
        let _slot = self.slots.try_take()?;
        let reply = invocations(self, req, false);
        Some(http::Response::bytes(
            reply.status,
            reply.content_type,
            reply.body,
        ))
    }

    fn refuse(&self, refusal: &http::Refusal) -> http::Response {
        let e = match refusal {
            http::Refusal::TooLarge { limit } => ScoringError::too_large(*limit),
            http::Refusal::TooDeep { .. } => ScoringError::invalid_input(&format!(
                "Ensure that input is a valid JSON formatted string. Error: '{}'",
                refusal.message()
            )),
            r if r.status() == 400 => ScoringError::mlflow("BAD_REQUEST", &r.message()),
            r => ScoringError::text(r.status(), &r.message()),
        };
        http::Response::bytes(e.status, e.content_type, e.body)
    }
}

/// `take_slot`: false when the caller already holds an ONNX scoring slot.
fn invocations(front: &Front, req: &http::Request, take_slot: bool) -> Reply {
    let kind = match protocol::content_kind(req.header("content-type")) {
        Ok(k) => k,
        Err(e) => return e.into(),
    };
    let parsed = match protocol::parse_body(kind, &req.body, &front.loaded.model.inputs) {
        Ok(p) => p,
        Err(e) => return e.into(),
    };
    match &front.loaded.scorer {
        Scorer::Onnx(_) if take_slot => front
            .slots
            .run(|| front.loaded.scorer.score(parsed, Some(front.timeout))),
        Scorer::Onnx(_) => front.loaded.scorer.score(parsed, Some(front.timeout)),
        Scorer::Python(_) => front.loaded.scorer.score(parsed, Some(front.timeout)),
    }
}
