//! `mlrun server`: MLflow's tracking REST API and the web UI over a store, for MLflow's own
//! clients. The meaning of each request is `mlrun::server`; the listener is `cli::serving`, shared
//! with `mlrun ui`; here are the flags.
use crate::cli::error::{CliError, CliResult};
use crate::cli::serving::{self, Launch};
use crate::cli::Ctx;
use clap::Args;
use mlrun::http;
use mlrun::server::auth::Credentials;
use mlrun::server::PROXIED_ARTIFACT_ROOT;
use mlrun::Stores;
use std::path::PathBuf;

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
    /// Host headers to accept, comma-separated (`mlflow.example.com,10.0.0.5:*`; `*` matches any
    /// run of characters, `*` alone any Host). Default: the address listened on (and localhost on
    /// loopback), or any Host when listening on every address
    #[arg(long, value_name = "HOSTS", value_delimiter = ',')]
    pub allowed_hosts: Vec<String>,
    /// Do not serve the web UI at / (served by default, as `mlflow server` serves its UI): only
    /// MLflow's REST API, /health and /version
    #[arg(long)]
    pub no_ui: bool,
    /// Require HTTP basic auth from the users of this htpasswd file (bcrypt lines only: make one
    /// with `htpasswd -nB USER`). MLflow's clients send MLFLOW_TRACKING_USERNAME/PASSWORD. Read
    /// once at start
    #[arg(long, value_name = "FILE")]
    pub auth_file: Option<PathBuf>,
}

/// Largest request body held in memory.
const MAX_BODY: usize = 512 << 20;
/// Largest artifact upload (one file in one PUT), written to disk as it arrives.
const MAX_ARTIFACT: u64 = 1 << 40;
/// Nesting a JSON body may have: Python's recursion limit, where MLflow's own parser stops.
const MAX_JSON_DEPTH: usize = 1000;

pub fn cmd_server(ctx: &Ctx, a: ServerArgs) -> CliResult {
    // Read before anything opens or listens: a bad file is named with its line.
    let auth = match &a.auth_file {
        Some(f) => Some(Credentials::load(f).map_err(|e| CliError::user(e.to_string()))?),
        None => None,
    };
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
    serving::serve(
        ctx,
        Launch {
            host: a.host,
            port: a.port,
            stores,
            artifacts,
            read_only: a.read_only,
            limits: http::Config {
                max_spooled_body: MAX_ARTIFACT,
                ..serving::limits(MAX_BODY, 2 * MAX_BODY, a.workers, MAX_JSON_DEPTH)
            },
            page_url: false,
            open: false,
            ui: !a.no_ui,
            allowed_hosts: (!a.allowed_hosts.is_empty()).then_some(a.allowed_hosts),
            auth,
        },
    )
}
