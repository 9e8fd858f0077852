//! `mlrun ui`: the web UI, served by this binary with its pages embedded at build time. The HTTP
//! side (tiny_http, a few worker threads, one log line per request on stderr) lives here; what each
//! request means is `mlrun::ui`, over the same store code as every other command.
use super::error::{CliError, CliResult};
use super::Ctx;
use clap::Args;
use mlrun::ui::{Body, Request, Ui, WRITE_HEADER};
use std::io::{Read, Write};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, Args)]
pub struct UiArgs {
    /// Address to listen on. Loopback by default: any other address lets everyone who can reach
    /// it read the store and rename, tag or delete its runs
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free one; the URL is printed on stdout)
    #[arg(long, default_value_t = 5000)]
    pub port: u16,
    /// Open the UI in the default browser
    #[arg(long)]
    pub open: bool,
}

/// Requests served at once; each worker has its own store handle and scratch folder.
const WORKERS: usize = 4;
/// Largest request body accepted (writes are small JSON objects).
const MAX_BODY: u64 = 1 << 20;

pub fn ui(ctx: &Ctx, a: UiArgs) -> CliResult {
    // Open once up front so a bad tracking URI fails before anything listens.
    let stores = ctx.stores()?;
    let shown = match stores.local_root() {
        Some(root) => root.display().to_string(),
        None => stores.display_uri().to_string(),
    };
    let ip: IpAddr = match a.host.as_str() {
        "localhost" => IpAddr::from([127, 0, 0, 1]),
        h => h.trim_matches(['[', ']']).parse().map_err(|_| {
            CliError::usage(format!("--host '{h}' is not an IP address"))
                .with_hint("use 127.0.0.1 (the default), ::1, or 0.0.0.0 to listen everywhere")
        })?,
    };
    let server = tiny_http::Server::http((ip, a.port)).map_err(|e| {
        CliError::user(format!("cannot listen on {}:{}: {e}", a.host, a.port))
            .with_hint("pick another --port (0 picks a free one)")
    })?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| CliError::user("the server has no IP address"))?;
    let port = addr.port();
    let url = format!("http://{addr}/");
    let allowed_hosts = allowed_hosts(ip, port, &a.host);
    if !ip.is_loopback() {
        ctx.warn(&format!(
            "listening on {ip}: anyone who can reach this address can read and change the store"
        ));
    }
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{url}")?;
        out.flush()?;
    }
    ctx.say(&format!("serving {} at {url} (Ctrl-C to stop)", shown));
    if a.open {
        open_browser(ctx, &url);
    }

    let server = Arc::new(server);
    let mut workers = Vec::new();
    for _ in 0..WORKERS {
        let server = Arc::clone(&server);
        // Each worker has stores of its own.
        let stores = ctx.open(&ctx.tracking_uri)?;
        let hosts = allowed_hosts.clone();
        let quiet = ctx.quiet;
        workers.push(std::thread::spawn(move || -> CliResult {
            let scratch = tempfile::tempdir()?;
            let ui = Ui {
                store: stores.tracking(),
                registry: Some(stores.registry()),
                allowed_hosts: hosts,
                scratch: scratch.path(),
            };
            for request in server.incoming_requests() {
                serve(&ui, request, quiet);
            }
            Ok(())
        }));
    }
    for w in workers {
        match w.join() {
            Ok(r) => r?,
            Err(_) => return Err(CliError::user("a server thread panicked")),
        }
    }
    Ok(())
}

/// Host headers a browser sends for this server: the address it was opened at, by number or as
/// localhost. Anything else is a DNS-rebinding page or a misdirected request. Listening on every
/// address (0.0.0.0) accepts any Host, since the names it is reached by are unknown.
fn allowed_hosts(ip: IpAddr, port: u16, host_flag: &str) -> Vec<String> {
    if ip.is_unspecified() {
        return Vec::new();
    }
    let mut hosts = vec![match ip {
        IpAddr::V4(v4) => format!("{v4}:{port}"),
        IpAddr::V6(v6) => format!("[{v6}]:{port}"),
    }];
    if ip.is_loopback() {
        hosts.push(format!("localhost:{port}"));
    }
    if host_flag != ip.to_string() && !host_flag.starts_with('[') {
        hosts.push(format!("{host_flag}:{port}"));
    }
    hosts
}

fn serve(ui: &Ui, mut request: tiny_http::Request, quiet: bool) {
    let started = Instant::now();
    let method = request.method().as_str().to_string();
    let url = request.url().to_string();
    let header = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str().to_string())
    };
    let host = header("Host");
    let write_header = header(WRITE_HEADER).is_some();
    let mut body = Vec::new();
    let too_big = request.body_length().is_some_and(|n| n as u64 > MAX_BODY);
    if !too_big {
        let _ = request
            .as_reader()
            .take(MAX_BODY + 1)
            .read_to_end(&mut body);
    }
    let response = if too_big || body.len() as u64 > MAX_BODY {
        None
    } else {
        let mut req = Request::parse(&method, &url, &body);
        req.host = host.as_deref();
        req.write_header = write_header;
        Some(ui.handle(&req))
    };
    let (status, len) = match response {
        None => {
            let _ = request.respond(tiny_http::Response::empty(413));
            (413, 0)
        }
        Some(r) => {
            let status = r.status;
            let len = r.body_len();
            let mut headers = vec![header_of("Content-Type", &r.content_type)];
            headers.extend(r.headers.iter().map(|(k, v)| header_of(k, v)));
            let result = match r.body {
                Body::Bytes(b) => {
                    let mut resp = tiny_http::Response::from_data(b).with_status_code(status);
                    for h in headers {
                        resp.add_header(h);
                    }
                    request.respond(resp)
                }
                Body::File(f, n) => request.respond(tiny_http::Response::new(
                    tiny_http::StatusCode(status),
                    headers,
                    f,
                    Some(n as usize),
                    None,
                )),
            };
            let _ = result;
            (status, len)
        }
    };
    if !quiet {
        let _ = writeln!(
            std::io::stderr(),
            "{method} {url} {status} {len}B {:.1}ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}

fn header_of(k: &str, v: &str) -> tiny_http::Header {
    // Values come from this program (never from the request), so they are always valid.
    tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes())
        .unwrap_or_else(|()| tiny_http::Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).unwrap())
}

fn open_browser(ctx: &Ctx, url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    match std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(_) => {}
        Err(e) => ctx.warn(&format!(
            "could not open a browser ({opener}: {e}); open {url}"
        )),
    }
}
