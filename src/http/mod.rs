//! The one HTTP/1.1 stack behind `mlrun ui`, `mlrun models serve` and the tracking server to come:
//! listener, connections, limits, one access-log record per request and graceful shutdown. An app
//! gives only a [`Handler`] (a whole request in, a response out), which runs in tokio's
//! `block_in_place`, so a handler that reads the store or waits on a Python worker never stalls
//! the front: the runtime moves the other connections to another thread while it runs.
//!
//! Why hyper 1.x (on tokio, with hyper-util): it is the HTTP/1.1 implementation most of the Rust
//! ecosystem serves with (axum, reqwest, Deno), maintained under the tokio project, and its server
//! exposes exactly the knobs this front needs — a header-read timeout that also bounds keep-alive
//! idling, a read-buffer cap that bounds the request head, frame-by-frame body polling (so bodies
//! are counted against a global memory budget as they arrive) and graceful connection shutdown.
//! axum would add a router, tower and extractors on top of the same hyper and take that control
//! away; the old fronts (tiny_http, whose pool starves keep-alive clients, and a hand-written one on
//! httparse) are gone.
//!
//! Invariants: at most `max_connections` connections and `max_handlers` handler calls at once;
//! a request head must arrive within `header_timeout` (the same bound closes idle keep-alive
//! connections), a body within `body_timeout`; a body over `max_body` is answered 413 and one that
//! would take the bodies in flight past `body_budget` bytes is answered 503, both unread and with the
//! connection closed (a body the handler asked for on disk, [`Handler::spool_dir`], is written to an
//! unnamed file piece by piece instead, up to `max_spooled_body`, never counted against the
//! budget); ambiguous framing is refused with 400 and close (see [`framing`]); a JSON body
//! nested deeper than `max_json_depth` never reaches the handler. Stopping lets requests in flight
//! finish, for at most `shutdown_grace`.
mod framing;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::{Body as _, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::io::{self, Read};
use std::net::{SocketAddr, ToSocketAddrs};
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch, Semaphore};

/// A request with its whole body read.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The request target as sent (path and query string).
    pub target: String,
    /// The target without its query string.
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub remote: Option<SocketAddr>,
    /// The body, when the handler asked for it on disk ([`Handler::spool_dir`]): an unnamed file,
    /// rewound; `body` is then empty.
    pub spooled: Option<std::fs::File>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub enum Body {
    Bytes(Vec<u8>),
    /// An open file of this many bytes, streamed from a blocking thread.
    File(std::fs::File, u64),
}

pub struct Response {
    pub status: u16,
    pub content_type: String,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Response {
    pub fn bytes(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type: content_type.to_string(),
            headers: Vec::new(),
            body: Body::Bytes(body.into()),
        }
    }

    pub fn body_len(&self) -> u64 {
        match &self.body {
            Body::Bytes(b) => b.len() as u64,
            Body::File(_, n) => *n,
        }
    }
}

/// Why the front answered a request itself, without calling the handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// 400: ambiguous or broken framing (a bad chunk size, a body cut short).
    BadFraming(String),
    /// 400: a JSON body nested deeper than the limit.
    TooDeep { limit: usize },
    /// 408: the body did not arrive in time.
    BodyTimeout,
    /// 413: the body is larger than the per-request limit.
    TooLarge { limit: usize },
    /// 503: the bodies in flight already take the whole memory budget.
    Busy,
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::BadFraming(_) | Refusal::TooDeep { .. } => 400,
            Refusal::BodyTimeout => 408,
            Refusal::TooLarge { .. } => 413,
            Refusal::Busy => 503,
        }
    }

    pub fn message(&self) -> String {
        match self {
            Refusal::BadFraming(m) => format!("Malformed HTTP request: {m}"),
            Refusal::TooDeep { limit } => {
                format!("The JSON body is nested more than {limit} levels deep")
            }
            Refusal::BodyTimeout => "The request body did not arrive in time".into(),
            Refusal::TooLarge { limit } => {
                format!("The request body is larger than the limit of {limit} bytes")
            }
            Refusal::Busy => {
                "The server is busy receiving other request bodies; retry shortly".into()
            }
        }
    }
}

/// What an app provides: the meaning of a request. Called where it may block (`block_in_place`).
pub trait Handler: Send + Sync + 'static {
    fn handle(&self, req: Request) -> Response;

    /// A fast path: answer at once when that cannot block (a bounded bit of CPU work, no waiting
    /// on a lock, a pipe or a disk), else None and the request goes to [`Handler::handle`]. It
    /// runs on the async front itself, which saves the thread hand-off `handle` costs.
    fn try_inline(&self, _req: &Request) -> Option<Response> {
        None
    }

    /// Where this request's body (the request has its head only here) is written, to an unnamed
    /// file, as it arrives rather than held in memory: up to `max_spooled_body` bytes, each piece
    /// within `body_timeout` of the last. For large uploads; `None` (the default) holds it in
    /// memory.
    fn spool_dir(&self, _head: &Request) -> Option<std::path::PathBuf> {
        None
    }

    /// The answer to a request the front refused (the app's own error shape).
    fn refuse(&self, refusal: &Refusal) -> Response {
        Response::bytes(
            refusal.status(),
            "text/plain; charset=utf-8",
            refusal.message(),
        )
    }
}

/// One line of the access log, handed to the app's logger after each response is made.
#[derive(Debug)]
pub struct Access<'a> {
    pub remote: Option<SocketAddr>,
    pub method: &'a str,
    pub target: &'a str,
    pub status: u16,
    pub bytes: u64,
    pub elapsed: Duration,
}

pub type Logger = Arc<dyn Fn(&Access) + Send + Sync>;

#[derive(Clone)]
pub struct Config {
    /// Largest request body; larger ones get 413.
    pub max_body: usize,
    /// Most bytes all request bodies in flight may hold together; past it, 503.
    pub body_budget: usize,
    /// Connections open at once; more are answered 503 and closed.
    pub max_connections: usize,
    /// Handler calls at once (more requests wait, with their bodies read).
    pub max_handlers: usize,
    /// Largest request head (request line and headers); larger ones get 431.
    pub max_head: usize,
    /// Time a request head may take to arrive, counted from the end of the previous response on
    /// a keep-alive connection (so it is also the idle timeout).
    pub header_timeout: Duration,
    /// Time a request body may take to arrive (a spooled body: between two of its pieces).
    pub body_timeout: Duration,
    /// Largest body the handler takes on disk ([`Handler::spool_dir`]); larger ones get 413.
    pub max_spooled_body: u64,
    /// JSON bodies (by content type) nested deeper than this are refused before the handler.
    pub max_json_depth: Option<usize>,
    /// How long a stop waits for requests in flight.
    pub shutdown_grace: Duration,
    pub logger: Option<Logger>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            max_body: 64 * 1024 * 1024,
            body_budget: 256 * 1024 * 1024,
            max_connections: 4096,
            max_handlers: 256,
            max_head: 64 * 1024,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            max_spooled_body: 0,
            max_json_depth: None,
            shutdown_grace: Duration::from_secs(30),
            logger: None,
        }
    }
}

/// Stops a running [`Server::serve`]: no new connections; requests in flight finish.
#[derive(Clone)]
pub struct Stopper(Arc<watch::Sender<bool>>);

impl Stopper {
    pub fn stop(&self) {
        self.0.send_replace(true);
    }
}

pub struct Server {
    listener: std::net::TcpListener,
    stop: Arc<watch::Sender<bool>>,
}

impl Server {
    pub fn bind(addr: impl ToSocketAddrs) -> io::Result<Self> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        Ok(Self {
            listener,
            stop: Arc::new(watch::channel(false).0),
        })
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(Arc::clone(&self.stop))
    }

    /// Serves until stopped, then waits (at most `shutdown_grace`) for requests in flight.
    pub fn serve<H: Handler>(self, cfg: Config, handler: Arc<H>) -> io::Result<()> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("mlrun-http")
            // A handler in block_in_place and each file read take one; the rest is headroom so
            // that a worker's core always finds a thread to move to.
            .max_blocking_threads(cfg.max_handlers.max(1) + 64)
            .enable_all()
            .build()?;
        let grace = cfg.shutdown_grace;
        let result = rt.block_on(accept_loop(self, cfg, handler));
        // Handlers still running past the grace are abandoned with the process.
        rt.shutdown_timeout(grace);
        result
    }
}

struct Shared<H> {
    cfg: Config,
    handler: Arc<H>,
    handlers: Semaphore,
    budget: Budget,
}

async fn accept_loop<H: Handler>(server: Server, cfg: Config, handler: Arc<H>) -> io::Result<()> {
    let listener = tokio::net::TcpListener::from_std(server.listener)?;
    let mut stop = server.stop.subscribe();
    let connections = Arc::new(Semaphore::new(cfg.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let grace = cfg.shutdown_grace;
    let shared = Arc::new(Shared {
        handlers: Semaphore::new(cfg.max_handlers.max(1)),
        budget: Budget::new(cfg.body_budget),
        cfg,
        handler,
    });
    loop {
        if *stop.borrow_and_update() {
            break;
        }
        let (stream, remote) = tokio::select! {
            _ = stop.changed() => continue,
            accepted = listener.accept() => match accepted {
                Ok(x) => x,
                // Out of descriptors and the like: let others finish, then try again.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            tokio::spawn(too_many(stream));
            continue;
        };
        let _ = stream.set_nodelay(true);
        let flags = Arc::new(framing::Flags::default());
        let io = TokioIo::new(framing::Sniffer::new(
            stream,
            Arc::clone(&flags),
            // A chunked body past every limit is cut off as its sizes arrive.
            (shared.cfg.max_body as u64).max(shared.cfg.max_spooled_body),
        ));
        let service = {
            let shared = Arc::clone(&shared);
            hyper::service::service_fn(move |req| {
                let shared = Arc::clone(&shared);
                let flags = Arc::clone(&flags);
                async move {
                    Ok::<_, std::convert::Infallible>(
                        respond(&shared, req, Some(remote), &flags).await,
                    )
                }
            })
        };
        let conn = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(shared.cfg.header_timeout)
            .max_buf_size(shared.cfg.max_head.max(8192))
            .keep_alive(true)
            .serve_connection(io, service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(grace, graceful.shutdown()).await;
    Ok(())
}

async fn too_many(mut stream: tokio::net::TcpStream) {
    use tokio::io::AsyncWriteExt;
    let msg = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 20\r\nconnection: close\r\n\r\nToo many connections";
    let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(msg)).await;
}

async fn respond<H: Handler>(
    shared: &Arc<Shared<H>>,
    req: hyper::Request<Incoming>,
    remote: Option<SocketAddr>,
    flags: &framing::Flags,
) -> hyper::Response<OutBody> {
    let started = Instant::now();
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_string();
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.to_string(), |p| p.as_str().to_string());
    // One access line per response, however it was made.
    let log = |resp: &Response| {
        if let Some(log) = &shared.cfg.logger {
            log(&Access {
                remote,
                method: &method,
                target: &target,
                status: resp.status,
                bytes: resp.body_len(),
                elapsed: started.elapsed(),
            });
        }
    };
    let refuse = |r: Refusal| {
        let resp = shared.handler.refuse(&r);
        log(&resp);
        // The body was not read (or not whole): this connection carries nothing more.
        to_hyper(resp, true)
    };
    if flags.ambiguous.load(Ordering::SeqCst) {
        return refuse(Refusal::BadFraming(
            "both Content-Length and Transfer-Encoding".into(),
        ));
    }
    let cfg = &shared.cfg;
    let headers = parts
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).trim().to_string(),
            )
        })
        .collect();
    let mut request = Request {
        method: method.clone(),
        path: parts.uri.path().to_string(),
        target: target.clone(),
        headers,
        body: Vec::new(),
        remote,
        spooled: None,
    };
    let declared = body.size_hint().exact();
    let spool = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        shared.handler.spool_dir(&request)
    }))
    .unwrap_or(None);
    let reservation = if let Some(dir) = spool {
        if declared.is_some_and(|n| n > cfg.max_spooled_body) {
            return refuse(Refusal::TooLarge {
                limit: usize::try_from(cfg.max_spooled_body).unwrap_or(usize::MAX),
            });
        }
        match spool_body(body, &dir, cfg, flags).await {
            Ok(file) => request.spooled = Some(file),
            Err(r) => return refuse(r),
        }
        None
    } else {
        if declared.is_some_and(|n| n > cfg.max_body as u64) {
            return refuse(Refusal::TooLarge {
                limit: cfg.max_body,
            });
        }
        let deadline = tokio::time::Instant::now() + cfg.body_timeout;
        let read = read_body(body, declared, cfg, &shared.budget, deadline, flags);
        let (bytes, reservation) = match read.await {
            Ok(x) => x,
            Err(r) => return refuse(r),
        };
        let is_json = parts
            .headers
            .get(hyper::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("json"));
        if let Some(limit) = cfg.max_json_depth.filter(|_| is_json) {
            if json_too_deep(&bytes, limit) {
                return refuse(Refusal::TooDeep { limit });
            }
        }
        request.body = bytes;
        Some(reservation)
    };
    let Ok(_permit) = shared.handlers.acquire().await else {
        return refuse(Refusal::Busy);
    };
    // The app's fast path first; else block_in_place: the handler runs on this thread while the
    // runtime hands this worker's other connections to another thread.
    let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        shared.handler.try_inline(&request)
    }))
    .and_then(|inline| match inline {
        Some(r) => Ok(r),
        None => tokio::task::block_in_place(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                shared.handler.handle(request)
            }))
        }),
    })
    .map_err(|_| ());
    drop(reservation);
    let resp = handled.unwrap_or_else(|_| {
        Response::bytes(
            500,
            "text/plain; charset=utf-8",
            "The request handler failed",
        )
    });
    log(&resp);
    to_hyper(resp, false)
}

/// Writes a body to an unnamed temporary file in `dir` as its pieces arrive (one piece in memory at a
/// time), within `max_spooled_body` and with at most `body_timeout` between pieces; the file
/// comes back rewound.
async fn spool_body(
    mut body: Incoming,
    dir: &std::path::Path,
    cfg: &Config,
    flags: &framing::Flags,
) -> Result<std::fs::File, Refusal> {
    use std::io::{Seek, Write};
    let too_large = Refusal::TooLarge {
        limit: usize::try_from(cfg.max_spooled_body).unwrap_or(usize::MAX),
    };
    let failed = |e: io::Error| Refusal::BadFraming(format!("the body could not be stored: {e}"));
    let mut file = tempfile::tempfile_in(dir).map_err(failed)?;
    let mut written = 0u64;
    loop {
        let deadline = tokio::time::Instant::now() + cfg.body_timeout;
        let Some(data) = next_data(&mut body, deadline, flags, &too_large).await? else {
            break;
        };
        written += data.len() as u64;
        if written > cfg.max_spooled_body {
            return Err(too_large);
        }
        tokio::task::block_in_place(|| file.write_all(&data)).map_err(failed)?;
    }
    file.rewind().map_err(failed)?;
    Ok(file)
}

/// The next piece of a body's data (trailers skipped), `None` at its end; refused past the
/// deadline, on broken framing, or (as `too_large`) once the framing sniffer saw an oversize chunk.
async fn next_data(
    body: &mut Incoming,
    deadline: tokio::time::Instant,
    flags: &framing::Flags,
    too_large: &Refusal,
) -> Result<Option<Bytes>, Refusal> {
    loop {
        if flags.oversize.load(Ordering::SeqCst) {
            return Err(too_large.clone());
        }
        let next = tokio::select! {
            next = tokio::time::timeout_at(deadline, body.frame()) => next,
            _ = flags.notify.notified() => continue,
        };
        let frame = match next {
            Err(_) => return Err(Refusal::BodyTimeout),
            Ok(None) => return Ok(None),
            Ok(Some(Err(e))) => return Err(Refusal::BadFraming(e.to_string())),
            Ok(Some(Ok(f))) => f,
        };
        if let Ok(data) = frame.into_data() {
            return Ok(Some(data));
        }
    }
}

/// Reads a whole body within the per-request limit, the memory budget and the deadline.
async fn read_body(
    mut body: Incoming,
    declared: Option<u64>,
    cfg: &Config,
    budget: &Budget,
    deadline: tokio::time::Instant,
    flags: &framing::Flags,
) -> Result<(Vec<u8>, Reservation), Refusal> {
    let too_large = Refusal::TooLarge {
        limit: cfg.max_body,
    };
    let mut reservation = budget.reservation();
    let mut out = Vec::new();
    if let Some(n) = declared {
        let n = n as usize;
        if !reservation.grow(n) {
            return Err(Refusal::Busy);
        }
        out.reserve_exact(n);
    }
    loop {
        let Some(data) = next_data(&mut body, deadline, flags, &too_large).await? else {
            break;
        };
        if out.len() + data.len() > cfg.max_body {
            return Err(too_large);
        }
        if declared.is_none() {
            // Count what the buffer will hold after growing (amortized doubling).
            let want = (out.len() + data.len()).max(out.capacity());
            if want > reservation.held && !reservation.grow(want - reservation.held) {
                return Err(Refusal::Busy);
            }
        }
        out.extend_from_slice(&data);
    }
    Ok((out, reservation))
}

/// Bytes of request bodies in flight, against a fixed budget.
struct Budget {
    used: Arc<AtomicUsize>,
    limit: usize,
}

impl Budget {
    fn new(limit: usize) -> Self {
        Self {
            used: Arc::new(AtomicUsize::new(0)),
            limit,
        }
    }
    fn reservation(&self) -> Reservation {
        Reservation {
            used: Arc::clone(&self.used),
            limit: self.limit,
            held: 0,
        }
    }
}

/// A share of the budget, given back when dropped.
struct Reservation {
    used: Arc<AtomicUsize>,
    limit: usize,
    held: usize,
}

impl Reservation {
    fn grow(&mut self, n: usize) -> bool {
        let ok = self
            .used
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |u| {
                u.checked_add(n).filter(|&t| t <= self.limit)
            })
            .is_ok();
        if ok {
            self.held += n;
        }
        ok
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        self.used.fetch_sub(self.held, Ordering::SeqCst);
    }
}

/// Whether `[` and `{` outside strings nest deeper than `limit` (the JSON is not validated here).
pub fn json_too_deep(body: &[u8], limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in body {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn to_hyper(resp: Response, close: bool) -> hyper::Response<OutBody> {
    let status = hyper::StatusCode::from_u16(resp.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let body = match resp.body {
        Body::Bytes(b) => OutBody::Full(Some(Bytes::from(b))),
        Body::File(f, n) => OutBody::stream_file(f, n),
    };
    let mut out = hyper::Response::new(body);
    *out.status_mut() = status;
    let headers = out.headers_mut();
    if let Ok(v) = hyper::header::HeaderValue::from_str(&resp.content_type) {
        headers.insert(hyper::header::CONTENT_TYPE, v);
    }
    for (k, v) in &resp.headers {
        if let (Ok(k), Ok(v)) = (
            hyper::header::HeaderName::from_bytes(k.as_bytes()),
            hyper::header::HeaderValue::from_str(v),
        ) {
            headers.append(k, v);
        }
    }
    if close {
        headers.insert(
            hyper::header::CONNECTION,
            hyper::header::HeaderValue::from_static("close"),
        );
    }
    out
}

/// A response body: bytes in memory, or a file read in chunks on a blocking thread.
enum OutBody {
    Full(Option<Bytes>),
    Stream {
        rx: mpsc::Receiver<io::Result<Bytes>>,
        left: u64,
    },
}

impl OutBody {
    /// A task reads the file a chunk at a time on the blocking pool (holding a thread only while
    /// it reads, never while the client is slow to take the bytes).
    fn stream_file(file: std::fs::File, len: u64) -> Self {
        let (tx, rx) = mpsc::channel(4);
        tokio::spawn(async move {
            let mut file = Some(file);
            let mut left = len;
            while left > 0 {
                let Some(mut f) = file.take() else { return };
                let want = (64 * 1024).min(left as usize);
                let read = tokio::task::spawn_blocking(move || {
                    let mut buf = vec![0u8; want];
                    let r = f.read(&mut buf).map(|n| {
                        buf.truncate(n);
                        buf
                    });
                    (f, r)
                })
                .await;
                let chunk = match read {
                    Ok((f, Ok(buf))) if !buf.is_empty() => {
                        file = Some(f);
                        left -= buf.len() as u64;
                        Ok(Bytes::from(buf))
                    }
                    Ok((_, Ok(_))) | Err(_) => Err(io::ErrorKind::UnexpectedEof.into()),
                    Ok((_, Err(e))) => Err(e),
                };
                let failed = chunk.is_err();
                if tx.send(chunk).await.is_err() || failed {
                    return; // the client went away, or the file broke
                }
            }
        });
        OutBody::Stream { rx, left: len }
    }
}

impl hyper::body::Body for OutBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        match self.get_mut() {
            OutBody::Full(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            OutBody::Stream { rx, left } => {
                if *left == 0 {
                    return Poll::Ready(None);
                }
                match rx.poll_recv(cx) {
                    Poll::Ready(Some(Ok(b))) => {
                        *left = left.saturating_sub(b.len() as u64);
                        Poll::Ready(Some(Ok(Frame::data(b))))
                    }
                    Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e))),
                    Poll::Ready(None) => {
                        Poll::Ready(Some(Err(io::ErrorKind::UnexpectedEof.into())))
                    }
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            OutBody::Full(b) => b.is_none(),
            OutBody::Stream { left, .. } => *left == 0,
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            OutBody::Full(b) => SizeHint::with_exact(b.as_ref().map_or(0, |b| b.len() as u64)),
            OutBody::Stream { left, .. } => SizeHint::with_exact(*left),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_depth_counts_brackets_outside_strings() {
        assert!(!json_too_deep(br#"{"a": [[1, 2], {"b": "[[[["}]}"#, 3));
        assert!(json_too_deep(br#"{"a": [[1, 2], {"b": [[]]}]}"#, 3));
        assert!(json_too_deep(&[b'['; 100_000], 1000));
        assert!(!json_too_deep(br#""\"[[[[""#, 1));
    }

    #[test]
    fn budget_reservations_are_given_back() {
        let b = Budget::new(10);
        let mut r1 = b.reservation();
        assert!(r1.grow(6));
        let mut r2 = b.reservation();
        assert!(!r2.grow(6));
        drop(r1);
        assert!(r2.grow(6));
    }
}
