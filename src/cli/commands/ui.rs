//! `mlrun ui`: the web UI, served by this binary with its pages embedded at build time. The HTTP
//! side is the shared front (`mlrun::http`); here are a few worker threads that own the store
//! handles and one log line per request on stderr. What each request means is `mlrun::ui`, over
//! the same store code as every other command.
use crate::cli::args::{listen, listen_ip};
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{access_line, access_log};
use crate::cli::Ctx;
use clap::Args;
use mlrun::http;
use mlrun::ui::{Request, Ui, WRITE_HEADER};
use std::io::Write;
use std::net::IpAddr;
use std::sync::{mpsc, Arc, Mutex};

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
const MAX_BODY: usize = 1 << 20;
/// Nesting a JSON body may have (writes are flat objects).
const MAX_JSON_DEPTH: usize = 64;

pub fn cmd_ui(ctx: &Ctx, a: UiArgs) -> CliResult {
    // Open once up front so a bad tracking URI fails before anything listens.
    let stores = ctx.stores()?;
    let shown = match stores.local_root() {
        Some(root) => root.display().to_string(),
        None => stores.display_uri().to_string(),
    };
    let ip = listen_ip(&a.host)?;
    // Signals are caught from here on: a Ctrl-C lets requests in flight finish.
    let mut signals = crate::cli::signals::GracefulStop::catch()?;
    let server = listen(ip, &a.host, a.port)?;
    let addr = server.local_addr()?;
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

    // The store handles are not shared between threads: WORKERS threads each own one and take
    // requests from a queue; the HTTP front's handler only hands a request over and waits.
    let (jobs, queue) = mpsc::channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    let mut workers = Vec::new();
    for _ in 0..WORKERS {
        let queue = Arc::clone(&queue);
        // Each worker has stores of its own.
        let stores = ctx.open(&ctx.tracking_uri)?;
        let hosts = allowed_hosts.clone();
        workers.push(std::thread::spawn(move || -> CliResult {
            let scratch = tempfile::tempdir()?;
            let ui = Ui {
                store: stores.tracking(),
                registry: Some(stores.registry()),
                allowed_hosts: hosts,
                scratch: scratch.path(),
            };
            loop {
                let job = match queue.lock() {
                    Ok(q) => q.recv(),
                    Err(_) => return Ok(()),
                };
                let Ok((req, reply)) = job else {
                    return Ok(());
                };
                let _ = reply.send(serve(&ui, req));
            }
        }));
    }
    let stopper = server.stopper();
    signals.on_signal(ctx.quiet, move || stopper.stop());
    let logger = access_log(ctx, access_line);
    let cfg = http::Config {
        max_body: MAX_BODY,
        body_budget: 64 * MAX_BODY,
        max_handlers: 64,
        max_json_depth: Some(MAX_JSON_DEPTH),
        logger,
        ..http::Config::default()
    };
    let front = Arc::new(Front {
        jobs: Mutex::new(jobs),
    });
    server.serve(cfg, Arc::clone(&front))?;
    // Closing the queue ends the workers.
    drop(front);
    for w in workers {
        match w.join() {
            Ok(r) => r?,
            Err(_) => return Err(CliError::user("a server thread panicked")),
        }
    }
    signals.finish();
    Ok(())
}

/// A request for a UI worker, and where its answer goes.
type Job = (http::Request, mpsc::Sender<http::Response>);

/// The HTTP front's handler: passes each request to a UI worker.
struct Front {
    jobs: Mutex<mpsc::Sender<Job>>,
}

impl http::Handler for Front {
    fn handle(&self, req: http::Request) -> http::Response {
        let (tx, rx) = mpsc::channel();
        let sent = match self.jobs.lock() {
            Ok(jobs) => jobs.send((req, tx)).is_ok(),
            Err(_) => false,
        };
        match rx.recv() {
            Ok(r) if sent => r,
            _ => http::Response::bytes(500, "text/plain; charset=utf-8", "The UI worker failed"),
        }
    }
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

fn serve(ui: &Ui, request: http::Request) -> http::Response {
    let mut req = Request::parse(&request.method, &request.target, &request.body);
    req.host = request.header("Host");
    req.write_header = request.header(WRITE_HEADER).is_some();
    ui.handle(&req)
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
