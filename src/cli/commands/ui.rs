//! `mlrun ui`: the web UI, with its pages embedded at build time: `mlrun server` on loopback
//! (`cli::serving`, the same code path), without the artifact proxy so nothing is written outside
//! the store, and with the small request limits of a browser's writes.
use crate::cli::error::CliResult;
use crate::cli::serving::{self, Launch};
use crate::cli::Ctx;
use clap::Args;

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

/// Largest request body accepted (the UI's writes and MLflow's REST calls are small JSON objects).
const MAX_BODY: usize = 1 << 20;
/// Nesting a JSON body may have (writes are flat objects).
const MAX_JSON_DEPTH: usize = 64;

pub fn cmd_ui(ctx: &Ctx, a: UiArgs) -> CliResult {
    // Opened up front so a bad tracking URI fails before anything listens.
    let stores = ctx.open(&ctx.tracking_uri)?;
    serving::serve(
        ctx,
        Launch {
            host: a.host,
            port: a.port,
            stores,
            artifacts: None,
            read_only: false,
            limits: serving::limits(MAX_BODY, 64 * MAX_BODY, 64, MAX_JSON_DEPTH),
            page_url: true,
            open: a.open,
            ui: true,
            allowed_hosts: None,
            auth: None,
        },
    )
}
