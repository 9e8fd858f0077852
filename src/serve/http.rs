//! A small HTTP/1.1 server for the scoring front: one thread per connection (bounded), keep-alive,
//! Content-Length and chunked bodies with a size limit, `Expect: 100-continue`, and a graceful stop
//! that lets requests in flight finish. Request heads are parsed by `httparse` (hyper's parser).
//!
//! Why not tiny_http, which `mlrun ui` uses: its connection pool queues a new keep-alive connection
//! behind busy ones when two arrive together (`TaskPool::spawn` trusts a stale idle count), so under
//! a load of more keep-alive clients than idle threads some connections are never read — requests
//! hang until the client gives up. A thread per connection has no such queue.
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const MAX_HEAD: usize = 64 * 1024;
/// How often an idle connection looks at the stop flag.
const TICK: Duration = Duration::from_millis(100);

/// A request with its whole body read.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The target without its query string.
    pub path: String,
    pub headers: Vec<(String, String)>,
    /// The body, or `Err(limit)` when it was larger than the limit (it was not read).
    pub body: Result<Vec<u8>, usize>,
    pub remote: Option<SocketAddr>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub max_body: usize,
    pub max_connections: usize,
    /// A keep-alive connection with no request for this long is closed.
    pub idle_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            max_body: 64 * 1024 * 1024,
            max_connections: 1024,
            idle_timeout: Duration::from_secs(75),
        }
    }
}

/// Stops a running [`Server::serve`]: no new connections; requests in flight finish.
#[derive(Clone)]
pub struct Stopper {
    stop: Arc<AtomicBool>,
    addr: SocketAddr,
}

impl Stopper {
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
    }
}

pub struct Server {
    listener: TcpListener,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn bind(addr: impl ToSocketAddrs) -> io::Result<Self> {
        Ok(Self {
            listener: TcpListener::bind(addr)?,
            stop: Arc::new(AtomicBool::new(false)),
        })
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    pub fn stopper(&self) -> io::Result<Stopper> {
        let mut addr = self.local_addr()?;
        if addr.ip().is_unspecified() {
            addr.set_ip(if addr.is_ipv4() {
                [127, 0, 0, 1].into()
            } else {
                std::net::Ipv6Addr::LOCALHOST.into()
            });
        }
        Ok(Stopper {
            stop: Arc::clone(&self.stop),
            addr,
        })
    }

    /// Serves until stopped, then waits for every connection to finish its request in flight.
    pub fn serve<H>(self, cfg: Config, handler: Arc<H>) -> io::Result<()>
    where
        H: Fn(Request) -> Response + Send + Sync + 'static,
    {
        let open = Arc::new(AtomicUsize::new(0));
        for stream in self.listener.incoming() {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            let Ok(mut stream) = stream else { continue };
            if open.load(Ordering::SeqCst) >= cfg.max_connections {
                let _ = write_response(
                    &mut stream,
                    &Response {
                        status: 503,
                        content_type: "text/plain; charset=utf-8".into(),
                        body: b"Too many connections".to_vec(),
                    },
                    false,
                );
                continue;
            }
            open.fetch_add(1, Ordering::SeqCst);
            let (open2, stop, handler, cfg) = (
                Arc::clone(&open),
                Arc::clone(&self.stop),
                Arc::clone(&handler),
                cfg.clone(),
            );
            let spawned = std::thread::Builder::new()
                .name("mlrun-conn".into())
                .spawn(move || {
                    let _ = connection(stream, &cfg, &stop, handler.as_ref());
                    open2.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                open.fetch_sub(1, Ordering::SeqCst);
            }
        }
        drop(self.listener);
        while open.load(Ordering::SeqCst) > 0 {
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(())
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

fn write_response(stream: &mut TcpStream, r: &Response, keep_alive: bool) -> io::Result<()> {
    let mut out = Vec::with_capacity(128 + r.body.len());
    write!(
        out,
        "HTTP/1.1 {} {}\r\ncontent-type: {}\r\ncontent-length: {}\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        r.body.len()
    )?;
    if !keep_alive {
        out.extend_from_slice(b"connection: close\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&r.body);
    stream.write_all(&out)?;
    stream.flush()
}

/// Reads more bytes into `buf`; Ok(false) at end of stream. Waits in ticks so a stop is noticed
/// while idle (`idle` true: no request has started yet).
fn fill(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    stop: &AtomicBool,
    idle: bool,
    deadline: Instant,
) -> io::Result<bool> {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if idle && stop.load(Ordering::SeqCst) {
            return Ok(false);
        }
        if Instant::now() >= deadline {
            return Err(io::Error::new(io::ErrorKind::TimedOut, "idle"));
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(false),
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                return Ok(true);
            }
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock
                        | io::ErrorKind::TimedOut
                        | io::ErrorKind::Interrupted
                ) =>
            {
                continue
            }
            Err(e) => return Err(e),
        }
    }
}

fn connection<H>(
    mut stream: TcpStream,
    cfg: &Config,
    stop: &AtomicBool,
    handler: &H,
) -> io::Result<()>
where
    H: Fn(Request) -> Response,
{
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(TICK))?;
    let remote = stream.peer_addr().ok();
    let mut buf: Vec<u8> = Vec::with_capacity(8 * 1024);
    loop {
        // The head.
        let deadline = Instant::now() + cfg.idle_timeout;
        let (head_len, method, path, headers, http10) = loop {
            let mut slots = [httparse::EMPTY_HEADER; 64];
            let mut req = httparse::Request::new(&mut slots);
            match req.parse(&buf) {
                Ok(httparse::Status::Complete(n)) => {
                    let headers: Vec<(String, String)> = req
                        .headers
                        .iter()
                        .map(|h| {
                            (
                                h.name.to_string(),
                                String::from_utf8_lossy(h.value).trim().to_string(),
                            )
                        })
                        .collect();
                    let target = req.path.unwrap_or("/");
                    break (
                        n,
                        req.method.unwrap_or("").to_string(),
                        target.split('?').next().unwrap_or("/").to_string(),
                        headers,
                        req.version == Some(0),
                    );
                }
                Ok(httparse::Status::Partial) => {
                    if buf.len() > MAX_HEAD {
                        let r = Response {
                            status: 431,
                            content_type: "text/plain; charset=utf-8".into(),
                            body: b"Request head too large".to_vec(),
                        };
                        return write_response(&mut stream, &r, false);
                    }
                    let idle = buf.is_empty();
                    if !fill(&mut stream, &mut buf, stop, idle, deadline)? {
                        return Ok(());
                    }
                }
                Err(e) => {
                    let r = Response {
                        status: 400,
                        content_type: "text/plain; charset=utf-8".into(),
                        body: format!("Malformed HTTP request: {e}").into_bytes(),
                    };
                    return write_response(&mut stream, &r, false);
                }
            }
        };
        buf.drain(..head_len);
        let get = |k: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.to_ascii_lowercase())
        };
        let conn = get("connection").unwrap_or_default();
        let mut keep_alive = if http10 {
            conn.contains("keep-alive")
        } else {
            !conn.contains("close")
        };
        let chunked = get("transfer-encoding").is_some_and(|t| t.contains("chunked"));
        let length: Option<usize> = get("content-length").and_then(|v| v.trim().parse().ok());
        if get("expect").is_some_and(|e| e.contains("100-continue"))
            && length.is_none_or(|n| n <= cfg.max_body)
        {
            stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        }
        let deadline = Instant::now() + cfg.idle_timeout;
        let body = if chunked {
            read_chunked(&mut stream, &mut buf, cfg.max_body, stop, deadline)?
        } else {
            let n = length.unwrap_or(0);
            if n > cfg.max_body {
                Err(cfg.max_body)
            } else {
                while buf.len() < n {
                    if !fill(&mut stream, &mut buf, stop, false, deadline)? {
                        return Ok(());
                    }
                }
                Ok(buf.drain(..n).collect())
            }
        };
        if body.is_err() {
            // The rest of the body was not read: this connection cannot carry another request.
            keep_alive = false;
        }
        let response = handler(Request {
            method,
            path,
            headers,
            body,
            remote,
        });
        if stop.load(Ordering::SeqCst) {
            keep_alive = false;
        }
        write_response(&mut stream, &response, keep_alive)?;
        if !keep_alive {
            let _ = stream.shutdown(std::net::Shutdown::Write);
            return Ok(());
        }
    }
}

/// Decodes a chunked body (trailers ignored); `Ok(Err(limit))` when it grows past the limit.
fn read_chunked(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    limit: usize,
    stop: &AtomicBool,
    deadline: Instant,
) -> io::Result<Result<Vec<u8>, usize>> {
    let mut body = Vec::new();
    let eof = || io::Error::new(io::ErrorKind::UnexpectedEof, "body ended early");
    loop {
        let line_end = loop {
            if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                break i;
            }
            if buf.len() > MAX_HEAD || !fill(stream, buf, stop, false, deadline)? {
                return Err(eof());
            }
        };
        let size_text = String::from_utf8_lossy(&buf[..line_end]).into_owned();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
        buf.drain(..line_end + 2);
        if size == 0 {
            // Trailers, then an empty line.
            loop {
                if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                    buf.drain(..i + 2);
                    if i == 0 {
                        return Ok(Ok(body));
                    }
                    continue;
                }
                if !fill(stream, buf, stop, false, deadline)? {
                    return Ok(Ok(body));
                }
            }
        }
        if body.len() + size > limit {
            return Ok(Err(limit));
        }
        while buf.len() < size + 2 {
            if !fill(stream, buf, stop, false, deadline)? {
                return Err(eof());
            }
        }
        body.extend_from_slice(&buf[..size]);
        buf.drain(..size + 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(r: Request) -> Response {
        let body = match r.body {
            Ok(b) => b,
            Err(limit) => {
                return Response {
                    status: 413,
                    content_type: "text/plain".into(),
                    body: format!("over {limit}").into_bytes(),
                }
            }
        };
        Response {
            status: 200,
            content_type: "text/plain".into(),
            body: [r.method.as_bytes(), b" ", r.path.as_bytes(), b" ", &body].concat(),
        }
    }

    fn read_response(s: &mut TcpStream) -> (u16, String) {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..i]).to_string();
                let len: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length: "))
                    .unwrap()
                    .parse()
                    .unwrap();
                while buf.len() < i + 4 + len {
                    let n = s.read(&mut chunk).unwrap();
                    buf.extend_from_slice(&chunk[..n]);
                }
                let status = head[9..12].parse().unwrap();
                return (
                    status,
                    String::from_utf8_lossy(&buf[i + 4..i + 4 + len]).into(),
                );
            }
            let n = s.read(&mut chunk).unwrap();
            assert!(n > 0, "connection closed");
            buf.extend_from_slice(&chunk[..n]);
        }
    }

    #[test]
    fn keep_alive_chunked_limits_and_stop() {
        let server = Server::bind("127.0.0.1:0").unwrap();
        let addr = server.local_addr().unwrap();
        let stopper = server.stopper().unwrap();
        let cfg = Config {
            max_body: 10,
            ..Config::default()
        };
        let t = std::thread::spawn(move || server.serve(cfg, Arc::new(echo)));
        let mut s = TcpStream::connect(addr).unwrap();
        // Two requests on one connection, the second chunked.
        s.write_all(b"POST /a?x=1 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")
            .unwrap();
        assert_eq!(read_response(&mut s), (200, "POST /a abc".into()));
        s.write_all(
            b"POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n1\r\n!\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(read_response(&mut s), (200, "POST /b hi!".into()));
        // Over the limit: the handler is told, the connection closes.
        s.write_all(b"POST /c HTTP/1.1\r\nContent-Length: 11\r\n\r\n")
            .unwrap();
        assert_eq!(read_response(&mut s), (413, "over 10".into()));
        let mut rest = Vec::new();
        s.read_to_end(&mut rest).unwrap();
        // A request in flight when stop is called still gets its answer.
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"GET /d HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!(read_response(&mut s), (200, "GET /d ".into()));
        stopper.stop();
        t.join().unwrap().unwrap();
        assert!(TcpStream::connect(addr).is_err());
    }
}
