//! The HTTP side of the REST store: `ureq` agents, credentials on every request, retries with
//! backoff, and MLflow's error bodies turned into `StoreError`s. Invariants: no message built here
//! ever holds a credential (the base URL is kept without its user info, and headers are never shown);
//! every string a server sends reaches a message through [`server_text`] (escaped, bounded); a JSON
//! answer is read whole only up to [`MAX_JSON_ANSWER`].
//!
//! Timeouts (`MLFLOW_HTTP_REQUEST_TIMEOUT`): a JSON request must be done, connect to last byte of
//! the answer, within the timeout: a deadline, so a server trickling a byte a second cannot hold
//! mlrun. A transfer (artifact download or upload, any size) cannot have a deadline; it gets the
//! timeout for each step up to the answer's headers (connect, send, headers) and then as an idle
//! timeout: it fails when no byte moves for that long, and goes on as long as bytes move.
use super::RestConfig;
use crate::store::{Result, StoreError};
use std::io::Read;
use std::path::Path;
use std::time::Duration;
use ureq::http::Response;
use ureq::Body;

/// What a request sends.
pub(super) enum Payload<'a> {
    Empty,
    Json(Vec<u8>),
    /// A file streamed from disk (never buffered whole), with its length for Content-Length.
    File {
        path: &'a Path,
        len: u64,
        progress: &'a dyn Fn(u64),
    },
}

/// Whether repeating a request is harmless. MLflow's rule: a non-idempotent POST is retried only
/// when the server cannot have processed it (connection refused, 408, 429).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Retry {
    Idempotent,
    OnlyUnprocessed,
}

/// The largest JSON answer read (128 MiB). A page of 1,000 runs with their params, tags and
/// metrics is a few MiB; an answer near this is a broken or hostile server, not data.
pub const MAX_JSON_ANSWER: u64 = 128 << 20;

/// How many characters of a server-provided string a message quotes.
pub const MAX_QUOTED: usize = 1000;

pub(super) struct Client {
    /// For JSON requests: the timeout is a deadline for the whole request.
    agent: ureq::Agent,
    /// For transfers: the timeout bounds each step up to the headers, then idle time.
    transfer_agent: ureq::Agent,
    timeout: Duration,
    /// scheme://host[:port][/prefix], without user info or a trailing slash.
    pub base: String,
    auth: Option<String>,
    max_retries: u32,
    backoff_factor: f64,
}

impl Client {
    pub fn new(uri: &str, cfg: &RestConfig) -> Result<Self> {
        let (base, uri_user) = split_userinfo(uri.trim_end_matches('/'));
        let auth = if let Some(t) = cfg.token.as_deref().filter(|t| !t.is_empty()) {
            Some(format!("Bearer {t}"))
        } else if let Some(u) = cfg.username.as_deref().filter(|u| !u.is_empty()) {
            Some(basic(u, cfg.password.as_deref().unwrap_or("")))
        } else {
            uri_user.map(|(u, p)| basic(&u, &p))
        };
        let mut tls = ureq::tls::TlsConfig::builder().disable_verification(cfg.insecure_tls);
        if let Some(path) = &cfg.server_cert_path {
            let pem = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
            let certs: Vec<_> = ureq::tls::parse_pem(&pem)
                .filter_map(|i| match i {
                    Ok(ureq::tls::PemItem::Certificate(c)) => Some(c),
                    _ => None,
                })
                .collect();
            if certs.is_empty() {
                return Err(StoreError::InvalidParameter(format!(
                    "no PEM certificate in server certificate file '{}'",
                    path.display()
                )));
            }
            tls = tls.root_certs(ureq::tls::RootCerts::new_with_certs(&certs));
        }
        if let Some(path) = &cfg.client_cert_path {
            let pem = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
            let mut certs = Vec::new();
            let mut key = None;
            for item in ureq::tls::parse_pem(&pem).flatten() {
                match item {
                    ureq::tls::PemItem::Certificate(c) => certs.push(c),
                    ureq::tls::PemItem::PrivateKey(k) => key = Some(k),
                    _ => {}
                }
            }
            let (false, Some(key)) = (certs.is_empty(), key) else {
                return Err(StoreError::InvalidParameter(format!(
                    "client certificate file '{}' must hold a PEM certificate and its private key",
                    path.display()
                )));
            };
            tls = tls.client_cert(Some(ureq::tls::ClientCert::new_with_certs(&certs, key)));
        }
        let timeout = Some(cfg.timeout);
        let tls = tls.build();
        let config = || {
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .tls_config(tls.clone())
                .user_agent(concat!("mlrun/", env!("CARGO_PKG_VERSION")))
        };
        let agent: ureq::Agent = config().timeout_global(timeout).build().into();
        let transfer_agent: ureq::Agent = config()
            .timeout_connect(timeout)
            .timeout_send_request(timeout)
            .timeout_recv_response(timeout)
            .timeout_per_read(timeout)
            .timeout_per_write(timeout)
            .build()
            .into();
        Ok(Self {
            agent,
            transfer_agent,
            timeout: cfg.timeout,
            base,
            auth,
            max_retries: cfg.max_retries,
            backoff_factor: cfg.backoff_factor,
        })
    }

    /// A request that must answer JSON; MLflow's error bodies become `StoreError`s.
    pub fn json(
        &self,
        method: &str,
        path: &str,
        query: &[(&str, String)],
        body: Option<&serde_json::Value>,
        retry: Retry,
    ) -> Result<serde_json::Value> {
        let payload = match body {
            Some(b) => Payload::Json(serde_json::to_vec(b).unwrap_or_default()),
            None => Payload::Empty,
        };
        let url = format!("{}{path}", self.base);
        let mut resp = self.send(&self.agent, method, &url, query, &payload, retry)?;
        let status = resp.status().as_u16();
        let too_big = |size: String| StoreError::ServerLimit {
            server: self.base.clone(),
            at: format!("{method} {url}"),
            what: format!(
                "the answer is larger than mlrun's {} MiB limit for a JSON answer ({size})",
                MAX_JSON_ANSWER >> 20
            ),
        };
        let declared = resp
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if let Some(n) = declared.filter(|n| *n > MAX_JSON_ANSWER) {
            return Err(too_big(format!("Content-Length: {n}")));
        }
        let mut bytes = Vec::new();
        resp.body_mut()
            .as_reader()
            .take(MAX_JSON_ANSWER + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| self.transport(method, path, &self.describe(&ureq::Error::from(e))))?;
        if bytes.len() as u64 > MAX_JSON_ANSWER {
            return Err(too_big("it went on past that".into()));
        }
        let redirected = self.redirected(&resp);
        if !(200..300).contains(&status) {
            let e = self.http_error(method, path, status, &bytes);
            return Err(match redirected {
                Some(to) => with_redirect_note(e, &self.base, &to),
                None => e,
            });
        }
        if bytes.is_empty() {
            return Ok(serde_json::Value::Object(Default::default()));
        }
        serde_json::from_slice(&bytes).map_err(|e| {
            StoreError::Transport(format!(
                "{method} {}{path}: the answer is not MLflow JSON ({e}); is this an MLflow tracking server?{}",
                self.base,
                redirected.map(|to| format!(" (it came from {to}, where {} redirected)", self.base)).unwrap_or_default()
            ))
        })
    }

    /// A request whose body the caller reads (downloads); non-2xx answers are turned into errors.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        query: &[(&str, String)],
        payload: &Payload<'_>,
        retry: Retry,
    ) -> Result<Response<Body>> {
        let url = format!("{}{path}", self.base);
        let mut resp = self.send(&self.transfer_agent, method, &url, query, payload, retry)?;
        let status = resp.status().as_u16();
        if !(200..300).contains(&status) {
            let mut bytes = Vec::new();
            let _ = resp
                .body_mut()
                .as_reader()
                .take(1 << 20)
                .read_to_end(&mut bytes);
            let e = self.http_error(method, path, status, &bytes);
            return Err(match self.redirected(&resp) {
                Some(to) => with_redirect_note(e, &self.base, &to),
                None => e,
            });
        }
        Ok(resp)
    }

    /// Where an answer came from, when a redirect took the request off the server's origin.
    fn redirected(&self, resp: &Response<Body>) -> Option<String> {
        use ureq::ResponseExt;
        let uri = resp.get_uri();
        let origin = format!(
            "{}://{}",
            uri.scheme_str().unwrap_or(""),
            uri.authority().map(|a| a.as_str()).unwrap_or("")
        );
        let base = self.base.to_ascii_lowercase();
        let same = base == origin.to_ascii_lowercase()
            || base.starts_with(&format!("{}/", origin.to_ascii_lowercase()));
        (!same).then(|| server_text(&origin))
    }

    /// A transport error in words; a timeout names the setting and what it bounds.
    pub(super) fn describe(&self, e: &ureq::Error) -> String {
        match e {
            ureq::Error::Timeout(ureq::Timeout::PerRead | ureq::Timeout::PerWrite) => format!(
                "no data moved for {} s (MLFLOW_HTTP_REQUEST_TIMEOUT)",
                self.timeout.as_secs_f64()
            ),
            ureq::Error::Timeout(t) => format!(
                "timed out: no complete answer within {} s (MLFLOW_HTTP_REQUEST_TIMEOUT; {t})",
                self.timeout.as_secs_f64()
            ),
            other => describe(other),
        }
    }

    fn send(
        &self,
        agent: &ureq::Agent,
        method: &str,
        url: &str,
        query: &[(&str, String)],
        payload: &Payload<'_>,
        retry: Retry,
    ) -> Result<Response<Body>> {
        let mut attempt = 0u32;
        loop {
            let outcome = self.once(agent, method, url, query, payload);
            let last = attempt >= self.max_retries;
            let wait = match &outcome {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let again = match retry {
                        Retry::Idempotent => matches!(status, 408 | 429 | 500 | 502 | 503 | 504),
                        Retry::OnlyUnprocessed => matches!(status, 408 | 429),
                    };
                    if !again || last {
                        return outcome.map_err(|_| unreachable_err());
                    }
                    resp.headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<f64>().ok())
                }
                Err(e) => {
                    let unprocessed = matches!(
                        e,
                        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound
                    ) || matches!(e, ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused);
                    let again = unprocessed || retry == Retry::Idempotent;
                    if !again || last {
                        let path = url.strip_prefix(&self.base).unwrap_or(url);
                        let tries = if attempt == 0 {
                            String::new()
                        } else {
                            format!(" (after {} attempts)", attempt + 1)
                        };
                        return Err(self.transport(
                            method,
                            path,
                            &format!("{}{tries}", self.describe(e)),
                        ));
                    }
                    None
                }
            };
            attempt += 1;
            // urllib3's schedule: factor * 2^(n-1), capped at two minutes; Retry-After wins.
            let secs = wait.unwrap_or(self.backoff_factor * 2f64.powi(attempt as i32 - 1));
            std::thread::sleep(Duration::from_secs_f64(secs.clamp(0.0, 120.0)));
        }
    }

    fn once(
        &self,
        agent: &ureq::Agent,
        method: &str,
        url: &str,
        query: &[(&str, String)],
        payload: &Payload<'_>,
    ) -> std::result::Result<Response<Body>, ureq::Error> {
        let mut b = ureq::http::Request::builder().method(method).uri(url);
        if let Some(a) = &self.auth {
            b = b.header("Authorization", a);
        }
        let url_with_query = if query.is_empty() {
            url.to_string()
        } else {
            let q: Vec<String> = query
                .iter()
                .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
                .collect();
            format!("{url}?{}", q.join("&"))
        };
        b = b.uri(url_with_query);
        match payload {
            Payload::Empty => {
                let req = b.body(()).map_err(ureq::Error::Http)?;
                agent.run(req)
            }
            Payload::Json(bytes) => {
                let req = b
                    .header("Content-Type", "application/json")
                    .body(bytes.as_slice())
                    .map_err(ureq::Error::Http)?;
                agent.run(req)
            }
            Payload::File {
                path,
                len,
                progress,
            } => {
                let file = std::fs::File::open(path).map_err(ureq::Error::Io)?;
                let mut reader = Progress {
                    inner: file,
                    progress: *progress,
                };
                let req = b
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Length", len.to_string())
                    .body(ureq::SendBody::from_reader(&mut reader))
                    .map_err(ureq::Error::Http)?;
                agent.run(req)
            }
        }
    }

    fn transport(&self, method: &str, path: &str, what: &str) -> StoreError {
        StoreError::Transport(format!(
            "could not talk to the tracking server at {}: {method} {path}: {what}",
            self.base
        ))
    }

    fn http_error(&self, method: &str, path: &str, status: u16, body: &[u8]) -> StoreError {
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) {
            if let (Some(code), Some(message)) = (
                v.get("error_code").and_then(|c| c.as_str()),
                v.get("message").and_then(|m| m.as_str()),
            ) {
                return from_mlflow_error(code, message, status);
            }
        }
        let text = String::from_utf8_lossy(body);
        let snippet = server_text(text.trim());
        let what = match status {
            401 => "authentication failed (HTTP 401); check MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN".to_string(),
            403 => "permission denied (HTTP 403) for these credentials".to_string(),
            404 => format!("HTTP 404: no such endpoint; is {} an MLflow tracking server (with --serve-artifacts for artifacts)?", self.base),
            _ if snippet.is_empty() => format!("HTTP {status}"),
            _ => format!("HTTP {status}: {snippet}"),
        };
        let msg = format!("tracking server {}: {method} {path}: {what}", self.base);
        match status {
            401 => StoreError::Remote {
                code: "UNAUTHENTICATED",
                message: msg,
            },
            403 => StoreError::Remote {
                code: "PERMISSION_DENIED",
                message: msg,
            },
            _ => StoreError::Transport(msg),
        }
    }
}

fn unreachable_err() -> StoreError {
    StoreError::Transport("unreachable".into())
}

/// MLflow's `error_code` as a `StoreError` kind, keeping the server's message.
pub(super) fn from_mlflow_error(code: &str, message: &str, status: u16) -> StoreError {
    let message = server_text(message);
    match code {
        "INVALID_PARAMETER_VALUE" | "BAD_REQUEST" => StoreError::InvalidParameter(message),
        "RESOURCE_DOES_NOT_EXIST" | "NOT_FOUND" | "ENDPOINT_NOT_FOUND" => {
            StoreError::NotFound(message)
        }
        "RESOURCE_ALREADY_EXISTS" | "ALREADY_EXISTS" => StoreError::AlreadyExists(message),
        _ => {
            const KNOWN: &[&str] = &[
                "UNAUTHENTICATED",
                "CUSTOMER_UNAUTHORIZED",
                "PERMISSION_DENIED",
                "ABORTED",
                "RESOURCE_CONFLICT",
                "REQUEST_LIMIT_EXCEEDED",
                "RESOURCE_EXHAUSTED",
                "CANCELLED",
                "INVALID_STATE",
                "DATA_LOSS",
                "NOT_IMPLEMENTED",
                "TEMPORARILY_UNAVAILABLE",
                "DEADLINE_EXCEEDED",
            ];
            let code = KNOWN
                .iter()
                .find(|k| **k == code)
                .copied()
                .unwrap_or("INTERNAL_ERROR");
            StoreError::Remote {
                code,
                message: format!("{message} (HTTP {status}, {code})"),
            }
        }
    }
}

/// Appends where an error answer came from after a redirect to another origin (credentials are
/// never sent there: ureq drops them on every redirect).
fn with_redirect_note(e: StoreError, base: &str, to: &str) -> StoreError {
    let note = format!(
        " (answered by {to}, where {base} redirected the request; no credentials were sent there)"
    );
    match e {
        StoreError::InvalidParameter(m) => StoreError::InvalidParameter(m + &note),
        StoreError::NotFound(m) => StoreError::NotFound(m + &note),
        StoreError::AlreadyExists(m) => StoreError::AlreadyExists(m + &note),
        StoreError::Transport(m) => StoreError::Transport(m + &note),
        StoreError::Remote { code, message } => StoreError::Remote {
            code,
            message: message + &note,
        },
        other => other,
    }
}

/// A string a server sent, fit for a message: control characters (terminal escape sequences,
/// carriage returns, bells, newlines) and bidi overrides are shown escaped (`\u{1b}`), and it is cut
/// after [`MAX_QUOTED`] characters. Use it wherever a server's text reaches an error or a notice.
pub fn server_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_QUOTED + 32));
    for (n, c) in s.chars().enumerate() {
        if n == MAX_QUOTED {
            let rest = s.chars().count() - n;
            out.push_str(&format!("… ({rest} more characters)"));
            break;
        }
        if drives_terminal(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A message with every control character but newline and tab escaped (`\u{1b}`), whole: the last
/// guard before any message reaches the terminal, whatever store or server its parts came from.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = |c: char| drives_terminal(c) && c != '\n' && c != '\t';
    if !s.chars().any(risky) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if risky(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Control characters (C0, DEL, C1: escape sequences, carriage return, bell) and the bidi controls
/// that reorder what a terminal shows.
fn drives_terminal(c: char) -> bool {
    c.is_control() || matches!(c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::ConnectionFailed => "connection failed (is the server up?)".into(),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused (is the server up?)".into()
        }
        ureq::Error::Timeout(t) => format!("timed out ({t})"),
        other => server_text(&other.to_string()),
    }
}

struct Progress<'a> {
    inner: std::fs::File,
    progress: &'a dyn Fn(u64),
}

impl Read for Progress<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            (self.progress)(n as u64);
        }
        Ok(n)
    }
}

fn basic(user: &str, password: &str) -> String {
    use base64::Engine;
    let pair = format!("{user}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

pub(super) use crate::uri::{encode_component, encode_path, split_userinfo};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userinfo_is_split_off() {
        let (base, user) = split_userinfo("http://al%40x:s3cret@host:5000/pre");
        assert_eq!(base, "http://host:5000/pre");
        assert_eq!(user, Some(("al@x".into(), "s3cret".into())));
        assert_eq!(split_userinfo("https://h").0, "https://h");
        assert_eq!(basic("u", "p"), "Basic dTpw");
    }

    #[test]
    fn server_text_escapes_controls_and_is_bounded() {
        assert_eq!(
            server_text("a\u{1b}]0;t\u{7}\u{1b}[2Jb\r\n\u{9b}"),
            "a\\u{1b}]0;t\\u{7}\\u{1b}[2Jb\\r\\n\\u{9b}"
        );
        assert_eq!(server_text("\u{202e}gnp.exe"), "\\u{202e}gnp.exe");
        assert_eq!(server_text("plain ünïcode 🙂"), "plain ünïcode 🙂");
        let long = server_text(&"é".repeat(MAX_QUOTED + 500));
        assert_eq!(
            long,
            format!("{}… (500 more characters)", "é".repeat(MAX_QUOTED))
        );
        assert_eq!(
            terminal_safe("line one\n\tline\u{1b}[2J two\r"),
            "line one\n\tline\\u{1b}[2J two\\r"
        );
        assert!(matches!(
            terminal_safe("calm\nmessage"),
            std::borrow::Cow::Borrowed(_)
        ));
        let e = from_mlflow_error("BAD_REQUEST", "x\u{1b}[31m", 400);
        assert_eq!(e.to_string(), "x\\u{1b}[31m");
    }

    #[test]
    fn error_codes_map_to_kinds() {
        assert!(matches!(
            from_mlflow_error("RESOURCE_DOES_NOT_EXIST", "Run 'x' not found", 404),
            StoreError::NotFound(m) if m == "Run 'x' not found"
        ));
        assert!(matches!(
            from_mlflow_error("RESOURCE_ALREADY_EXISTS", "m", 400),
            StoreError::AlreadyExists(_)
        ));
        let e = from_mlflow_error("SOMETHING_NEW", "boom", 500);
        assert_eq!(e.code(), "INTERNAL_ERROR");
        assert!(e.to_string().contains("boom"));
    }
}
