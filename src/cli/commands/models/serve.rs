//! `mlrun models serve`: load the model (`loading.rs`) and serve it on the shared HTTP front
//! (`mlrun::http`); here are the flags, what is said on stderr, and the URL on stdout.
//!
//! SIGTERM/SIGINT stop the intake, let requests already received finish, then close the workers'
//! pipes (a second signal exits at once).
use super::loading::{load, resolve_model_path, ModelEnvManager};
use crate::cli::args::{listen, listen_ip};
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::access_log;
use crate::cli::Ctx;
use clap::Args;
use mlrun::http;
use mlrun::serve::front::{Front, MAX_JSON_DEPTH};
use mlrun::serve::{Backend, ServedModel};
use std::io::{self, Write};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The model: models:/NAME/VERSION, models:/NAME@ALIAS, models:/MODEL_ID, runs:/RUN_ID/path, or
    /// a path (a model folder, or a bare .onnx file)
    #[arg(short = 'm', long = "model-uri", value_name = "URI")]
    pub model_uri: String,
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free one; the URL is printed on stdout once the model is loaded)
    #[arg(short = 'p', long, default_value_t = 5000)]
    pub port: u16,
    /// Python worker processes (python_function models), or requests scored at once (ONNX)
    /// [default: 1 for Python, the number of CPUs for ONNX]
    #[arg(short = 'w', long, env = "MLRUN_WORKERS")]
    pub workers: Option<usize>,
    /// How to build the model's Python environment (ignored for ONNX, which needs no Python)
    #[arg(long, value_enum, default_value_t = ModelEnvManager::Virtualenv)]
    pub env_manager: ModelEnvManager,
    /// Seconds a request may take before it is answered 504 (its worker is then restarted)
    #[arg(short = 't', long, default_value_t = 60, env = "MLRUN_TIMEOUT")]
    pub timeout: u64,
    /// Let one model call score up to N queued requests together (their rows joined, scored once,
    /// split back; only requests with the same columns and no params). Much higher throughput under
    /// load, for models that score each row on its own (sklearn, xgboost, …); the last digits of
    /// floating-point results may differ from scoring each request alone, as BLAS sums a larger
    /// batch in another order. Off by default
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub batch_size: usize,
    /// Largest request body accepted, in bytes (larger ones get 413)
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_body_size: usize,
}

pub fn cmd_serve(ctx: &Ctx, a: ServeArgs) -> CliResult {
    let ip = listen_ip(&a.host)?;
    if a.workers == Some(0) {
        return Err(CliError::usage("--workers must be at least 1"));
    }
    // Signals are caught from here on: a Ctrl-C while workers load stops cleanly too.
    let mut signals = crate::cli::signals::GracefulStop::catch()?;

    let path = resolve_model_path(ctx, &a.model_uri)?;
    let is_onnx = matches!(ServedModel::open(&path)?.backend, Backend::Onnx(_));
    let workers = a.workers.unwrap_or(if is_onnx {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        1
    });
    let timeout = Duration::from_secs(a.timeout.max(1));
    let loaded = load(
        ctx,
        &a.model_uri,
        a.env_manager,
        workers,
        a.batch_size,
        timeout.max(Duration::from_secs(600)),
    )?;
    let version = loaded.mlflow_version(env!("CARGO_PKG_VERSION"));
    let server = listen(ip, &a.host, a.port)?;
    let addr = server.local_addr()?;
    let stopper = server.stopper();
    let front = Arc::new(Front::new(loaded, version, timeout, workers));
    {
        let mut out = io::stdout().lock();
        writeln!(out, "http://{addr}")?;
        out.flush()?;
    }
    ctx.say(&format!(
        "Listening at http://{addr} (POST /invocations; Ctrl-C or SIGTERM to stop)"
    ));

    signals.on_signal(ctx.quiet, move || stopper.stop());
    let logger = access_log(ctx, |a| {
        let remote = a.remote.map_or_else(|| "-".to_string(), |r| r.to_string());
        let path = a.target.split('?').next().unwrap_or_default();
        format!(
            "{remote} \"{} {path}\" {} {}B {:.2}ms",
            a.method,
            a.status,
            a.bytes,
            a.elapsed.as_secs_f64() * 1000.0
        )
    });
    let cfg = http::Config {
        max_body: a.max_body_size,
        // Bodies in flight may hold four of the largest, and never less than 256 MiB.
        body_budget: a.max_body_size.saturating_mul(4).max(256 << 20),
        // MLflow's server parses with Python's json, which gives up past its recursion limit.
        max_json_depth: Some(MAX_JSON_DEPTH),
        // A request may wait for a worker up to --timeout; let it finish on a stop.
        shutdown_grace: timeout + Duration::from_secs(5),
        logger,
        ..http::Config::default()
    };
    server.serve(cfg, front.clone())?;
    front.loaded().shutdown();
    ctx.say("Stopped.");
    signals.finish();
    Ok(())
}
