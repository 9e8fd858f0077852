//! The one tracking server behind `mlrun server` and `mlrun ui`: MLflow's REST API, the artifact
//! proxy and the web UI ([`mlrun::server`]) on the shared HTTP front, with the listener, the Host
//! check's names, the access log and graceful stop. The two commands differ only in flags and
//! limits.
use crate::cli::args::{listen, listen_ip};
use crate::cli::error::CliResult;
use crate::cli::output::{access_line, access_log};
use crate::cli::Ctx;
use mlrun::http;
use mlrun::server::auth::Credentials;
use mlrun::server::{Options, Server};
use mlrun::Stores;
use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// One server to start.
pub struct Launch {
    pub host: String,
    pub port: u16,
    pub stores: Stores,
    /// Where proxied artifacts go; `None`: no artifact proxy.
    pub artifacts: Option<PathBuf>,
    pub read_only: bool,
    /// The front's limits (its logger is set here).
    pub limits: http::Config,
    /// Print the UI's page (`http://…/`) rather than the tracking URI (`http://…`).
    pub page_url: bool,
    /// Open the UI in the default browser.
    pub open: bool,
    /// Serve the web UI at `/`.
    pub ui: bool,
    /// Host headers accepted instead of the listening address's (`*` alone: any).
    pub allowed_hosts: Option<Vec<String>>,
    /// HTTP basic auth: the users every request must name.
    pub auth: Option<Credentials>,
}

pub fn serve(ctx: &Ctx, l: Launch) -> CliResult {
    let shown = match l.stores.local_root() {
        Some(root) => root.display().to_string(),
        None => l.stores.display_uri().to_string(),
    };
    let ip = listen_ip(&l.host)?;
    // Signals are caught from here on: a Ctrl-C lets requests in flight finish.
    let mut signals = crate::cli::signals::GracefulStop::catch()?;
    let server = listen(ip, &l.host, l.port)?;
    let addr = server.local_addr()?;
    if !ip.is_loopback() {
        ctx.warn(&format!(
            "listening on {ip}: anyone who can reach this address can read and change the store{}",
            if l.read_only {
                " (read-only: read it)"
            } else {
                ""
            }
        ));
    }
    let url = format!("http://{addr}{}", if l.page_url { "/" } else { "" });
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{url}")?;
        out.flush()?;
    }
    ctx.say(&format!("serving {shown} at {url} (Ctrl-C to stop)"));
    if l.open {
        open_browser(ctx, &url);
    }
    // The UI copies an artifact here before serving it.
    let scratch = tempfile::tempdir()?;
    let handler = Server::new(
        l.stores,
        Options {
            artifacts: l.artifacts,
            read_only: l.read_only,
            ui_scratch: l.ui.then(|| scratch.path().to_path_buf()),
            allowed_hosts: match l.allowed_hosts {
                Some(given) if given.iter().any(|h| h.trim() == "*") => Vec::new(),
                Some(given) => given.into_iter().map(|h| h.trim().to_string()).collect(),
                None => allowed_hosts(ip, addr.port(), &l.host),
            },
            auth: l.auth,
        },
    );
    let stopper = server.stopper();
    signals.on_signal(ctx.quiet, move || stopper.stop());
    let cfg = http::Config {
        logger: access_log(ctx, access_line),
        ..l.limits
    };
    server.serve(cfg, Arc::new(handler))?;
    signals.finish();
    Ok(())
}

/// The front's limits: the largest body, the bytes all bodies in flight may hold, the requests
/// handled at once and the deepest JSON body.
pub fn limits(
    max_body: usize,
    body_budget: usize,
    max_handlers: usize,
    max_json_depth: usize,
) -> http::Config {
    http::Config {
        max_body,
        body_budget,
        max_handlers: max_handlers.max(1),
        max_json_depth: Some(max_json_depth),
        ..http::Config::default()
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
