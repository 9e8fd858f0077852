//! `mlrun server`: MLflow's tracking REST API over a store, for MLflow's own clients. The meaning
//! of each request is `mlrun::server`; here are the flags, the listener and the access log.
use crate::cli::args::{listen, listen_ip};
use crate::cli::error::CliResult;
use crate::cli::output::{access_line, access_log};
use crate::cli::Ctx;
use clap::Args;
use mlrun::http;
use mlrun::server::{Options, Server, PROXIED_ARTIFACT_ROOT};
use mlrun::Stores;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Args)]
pub struct ServerArgs {
    /// The store to serve: a folder, file: URI, sqlite:/// or postgresql:// database [default:
    /// --tracking-uri, else ./mlruns]
    #[arg(long, value_name = "URI")]
    pub backend_store_uri: Option<String>,
    /// Address to listen on. Loopback by default: any other address lets everyone who can reach
    /// it read and write the store
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free one; the URL is printed on stdout)
    #[arg(long, short = 'p', default_value_t = 5000)]
    pub port: u16,
    /// Proxy artifacts through this server (the default): new experiments get
    /// `mlflow-artifacts:/<id>` locations, stored under --artifacts-destination
    #[arg(long, overrides_with = "no_serve_artifacts")]
    pub serve_artifacts: bool,
    /// Do not serve artifacts: clients read and write experiments' artifact locations themselves
    #[arg(long)]
    pub no_serve_artifacts: bool,
    /// Where proxied artifacts are stored
    #[arg(long, value_name = "PATH", default_value = "./mlartifacts")]
    pub artifacts_destination: PathBuf,
    /// Requests handled at once
    #[arg(long, short = 'w', default_value_t = 4)]
    pub workers: usize,
    /// Refuse every write with PERMISSION_DENIED
    #[arg(long)]
    pub read_only: bool,
}

/// Largest request body: an artifact upload is one file in one PUT.
const MAX_BODY: usize = 512 << 20;
/// Nesting a JSON body may have: Python's recursion limit, where MLflow's own parser stops.
const MAX_JSON_DEPTH: usize = 1000;

pub fn cmd_server(ctx: &Ctx, a: ServerArgs) -> CliResult {
    let uri = a
        .backend_store_uri
        .clone()
        .unwrap_or_else(|| ctx.tracking_uri.clone());
    let serve_artifacts = !a.no_serve_artifacts;
    let root = serve_artifacts.then_some(PROXIED_ARTIFACT_ROOT);
    let stores = Stores::open_with_artifact_root(&uri, &ctx.rest, root)?
        .truncate_long_values(ctx.truncate_long_values);
    let artifacts = if serve_artifacts {
        Some(std::path::absolute(&a.artifacts_destination)?)
    } else {
        None
    };
    let ip = listen_ip(&a.host)?;
    let mut signals = crate::cli::signals::GracefulStop::catch()?;
    let server = listen(ip, &a.host, a.port)?;
    let addr = server.local_addr()?;
    if !ip.is_loopback() {
        ctx.warn(&format!(
            "listening on {ip}: anyone who can reach this address can read and change the store{}",
            if a.read_only {
                " (read-only: read it)"
            } else {
                ""
            }
        ));
    }
    let url = format!("http://{addr}");
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{url}")?;
        out.flush()?;
    }
    ctx.say(&format!(
        "serving {} at {url} (Ctrl-C to stop)",
        stores.display_uri()
    ));
    let stopper = server.stopper();
    signals.on_signal(ctx.quiet, move || stopper.stop());
    let logger = access_log(ctx, access_line);
    let cfg = http::Config {
        max_body: MAX_BODY,
        body_budget: 2 * MAX_BODY,
        max_handlers: a.workers.max(1),
        max_json_depth: Some(MAX_JSON_DEPTH),
        logger,
        ..http::Config::default()
    };
    let handler = Server::new(
        stores,
        Options {
            artifacts,
            read_only: a.read_only,
        },
    );
    server.serve(cfg, Arc::new(handler))?;
    signals.finish();
    Ok(())
}
