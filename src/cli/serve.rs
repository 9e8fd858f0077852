//! `mlrun models serve` and `mlrun models predict`: parse the arguments, load the model through
//! `mlrun::serve` (Python workers in the model's environment, or ONNX in-process), and serve it on
//! the shared HTTP front (`mlrun::http`) or score one input. The pool, its supervision and the
//! request handling are library code (`mlrun::serve::{pool, front, env}`); here are the flags,
//! what is said on stderr, and the URL on stdout.
//!
//! SIGTERM/SIGINT stop the intake, let requests already received finish, then close the workers'
//! pipes (a second signal exits at once). `predict` runs the same parse → score path with no server.
use super::error::{CliError, CliResult};
use super::host::{self, env_root, which};
use super::Ctx;
use clap::{Args, ValueEnum};
use mlrun::http;
use mlrun::models::ModelUri;
use mlrun::project::env::{EnvManager, Tools};
use mlrun::serve::env::{worker_plan, WorkerEnvError, WorkerPlan};
use mlrun::serve::front::{Front, Loaded, MAX_JSON_DEPTH};
use mlrun::serve::onnx::OnnxModel;
use mlrun::serve::pool::{Pool, PoolError, Scorer, WorkerCmd, WorkerLog};
use mlrun::serve::protocol::{self, BodyKind, ScoringError};
use mlrun::serve::{Backend, ServedModel, WORKER_PY};
use std::io::{self, Read, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelEnvManager {
    /// Use the Python on PATH as it is
    Local,
    /// Build the model's python_env.yaml with uv (cached)
    Uv,
    /// Build the model's python_env.yaml as a virtualenv (with uv when on PATH; cached)
    Virtualenv,
    /// Build the model's conda.yaml with conda, mamba or micromamba (cached)
    Conda,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContentTypeArg {
    Json,
    Csv,
}

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
    #[arg(short = 'w', long)]
    pub workers: Option<usize>,
    /// How to build the model's Python environment (ignored for ONNX, which needs no Python)
    #[arg(long, value_enum, default_value_t = ModelEnvManager::Virtualenv)]
    pub env_manager: ModelEnvManager,
    /// Seconds a request may take before it is answered 504 (its worker is then restarted)
    #[arg(short = 't', long, default_value_t = 60)]
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

#[derive(Debug, Args)]
pub struct PredictArgs {
    /// The model (see `serve`)
    #[arg(short = 'm', long = "model-uri", value_name = "URI")]
    pub model_uri: String,
    /// The input file [default: stdin]
    #[arg(short = 'i', long = "input-path", value_name = "INPUT")]
    pub input: Option<PathBuf>,
    /// Where to write the predictions [default: stdout]
    #[arg(short = 'o', long = "output-path", value_name = "OUTPUT")]
    pub output_path: Option<PathBuf>,
    /// The input's format
    #[arg(short = 't', long, value_enum, default_value_t = ContentTypeArg::Json)]
    pub content_type: ContentTypeArg,
    /// How to build the model's Python environment (ignored for ONNX)
    #[arg(long, value_enum, default_value_t = ModelEnvManager::Virtualenv)]
    pub env_manager: ModelEnvManager,
}

/// The command that runs the worker script in the model's environment, building it first when
/// the manager keeps one.
fn worker_cmd(
    ctx: &Ctx,
    model: &ServedModel,
    manager: ModelEnvManager,
    script: &Path,
) -> CliResult<WorkerCmd> {
    let scratch = tempfile::tempdir()?;
    let env_manager = match manager {
        ModelEnvManager::Local => EnvManager::Local,
        ModelEnvManager::Uv => EnvManager::Uv,
        ModelEnvManager::Virtualenv => EnvManager::Virtualenv,
        ModelEnvManager::Conda => EnvManager::Conda,
    };
    let tools = Tools {
        which: &which,
        host_env: &host::host_env,
    };
    let planned = worker_plan(
        model,
        script,
        env_manager,
        env_root(),
        scratch.path(),
        &tools,
    )
    .map_err(|e| match e {
        WorkerEnvError::NoPython => CliError::user("no python on PATH for --env-manager local")
            .with_hint(
                "put a Python with mlflow installed first on PATH, or use --env-manager virtualenv",
            ),
        WorkerEnvError::NoEnvFile { .. } if manager == ModelEnvManager::Conda => {
            CliError::user(format!("{e} for --env-manager conda"))
        }
        WorkerEnvError::NoEnvFile { .. } => CliError::user(format!(
            "{e} for --env-manager {}",
            manager
                .to_possible_value()
                .map(|v| v.get_name().to_string())
                .unwrap_or_default()
        ))
        .with_hint("use --env-manager local to score with the Python on PATH"),
        WorkerEnvError::Project(e) => e.into(),
    })?;
    match planned {
        WorkerPlan::Ready(cmd) => Ok(cmd),
        WorkerPlan::Build(plan) => {
            host::prepare_env(ctx, &plan)?;
            Ok(plan.into())
        }
    }
}

/// The local files a model URI names (a plain path needs no store).
fn resolve_model_path(ctx: &Ctx, uri: &str) -> CliResult<PathBuf> {
    let parsed = ModelUri::parse(uri)?;
    // Absolute, since workers run in the model's folder.
    let absolute = |p: &Path| {
        std::fs::canonicalize(p)
            .map_err(|e| CliError::user(format!("cannot open the model at '{}': {e}", p.display())))
    };
    if let ModelUri::Local(p) = &parsed {
        if p.exists() {
            return absolute(p);
        }
    }
    absolute(&ctx.stores()?.model_files(uri)?.0)
}

fn load(
    ctx: &Ctx,
    uri: &str,
    manager: ModelEnvManager,
    workers: usize,
    batch_size: usize,
    load_timeout: Duration,
) -> CliResult<Loaded> {
    let path = resolve_model_path(ctx, uri)?;
    let model = ServedModel::open(&path)?;
    match &model.backend {
        Backend::Onnx(file) => {
            let m = OnnxModel::load(file)
                .map_err(CliError::user)?
                .with_signature(model.inputs.schema.as_ref());
            ctx.say(&format!(
                "Serving {} natively (ONNX; inputs: {})",
                file.display(),
                m.input_names().join(", ")
            ));
            Ok(Loaded {
                model,
                scorer: Scorer::Onnx(m),
                script_dir: None,
            })
        }
        Backend::Pyfunc => {
            let dir = tempfile::Builder::new().prefix("mlrun-serve-").tempdir()?;
            let script = dir.path().join("mlrun_worker.py");
            std::fs::write(&script, WORKER_PY)?;
            let cmd = worker_cmd(ctx, &model, manager, &script)?;
            ctx.say(&format!(
                "Starting {workers} Python worker{} for {}",
                if workers == 1 { "" } else { "s" },
                model.dir.display()
            ));
            let log: Option<WorkerLog> = (!ctx.quiet).then(|| {
                Arc::new(|idx: usize, m: &str| {
                    let _ = writeln!(io::stderr(), "mlrun: worker {idx}: {m}");
                }) as WorkerLog
            });
            let pool = Pool::start(cmd, workers, batch_size.max(1), load_timeout, log)
                .map_err(|e| match e {
                    PoolError::Load(_) => CliError::user(e.to_string()).with_hint("check that the model's environment has mlflow and the model's libraries (with --env-manager local, the Python on PATH is used)"),
                    e => CliError::user(e.to_string()),
                })?;
            Ok(Loaded {
                model,
                scorer: Scorer::Python(pool),
                script_dir: Some(dir),
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// predict

pub fn predict(ctx: &Ctx, a: PredictArgs) -> CliResult {
    let body = match &a.input {
        Some(p) if p.as_os_str() != "-" => std::fs::read(p).map_err(|e| {
            CliError::user(format!("cannot read the input file '{}': {e}", p.display()))
        })?,
        _ => {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b)?;
            b
        }
    };
    let loaded = load(
        ctx,
        &a.model_uri,
        a.env_manager,
        1,
        1,
        Duration::from_secs(600),
    )?;
    let kind = match a.content_type {
        ContentTypeArg::Json => BodyKind::Json,
        ContentTypeArg::Csv => BodyKind::Csv,
    };
    let reply = match protocol::parse_body(kind, &body, &loaded.model.inputs) {
        Ok(req) => loaded.scorer.score(req, None),
        Err(e) => e.into(),
    };
    loaded.shutdown();
    if reply.status != 200 {
        let e = ScoringError {
            status: reply.status,
            content_type: reply.content_type,
            body: String::from_utf8_lossy(&reply.body).into_owned(),
        };
        return Err(CliError::user(e.message()));
    }
    match &a.output_path {
        Some(p) => std::fs::write(p, &reply.body)
            .map_err(|e| CliError::user(format!("cannot write '{}': {e}", p.display())))?,
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&reply.body)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// serve

pub fn serve(ctx: &Ctx, a: ServeArgs) -> CliResult {
    let ip: IpAddr = match a.host.as_str() {
        "localhost" => IpAddr::from([127, 0, 0, 1]),
        h => h.trim_matches(['[', ']']).parse().map_err(|_| {
            CliError::usage(format!("--host '{h}' is not an IP address"))
                .with_hint("use 127.0.0.1 (the default), ::1, or 0.0.0.0 to listen everywhere")
        })?,
    };
    if a.workers == Some(0) {
        return Err(CliError::usage("--workers must be at least 1"));
    }
    // Signals are caught from here on: a Ctrl-C while workers load stops cleanly too.
    let mut signals = super::signals::GracefulStop::catch()?;

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
    let server = http::Server::bind((ip, a.port)).map_err(|e| {
        CliError::user(format!("cannot listen on {}:{}: {e}", a.host, a.port))
            .with_hint("pick another --port (0 picks a free one)")
    })?;
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
    let logger: Option<http::Logger> = (!ctx.quiet).then(|| {
        Arc::new(|a: &http::Access| {
            let remote = a.remote.map_or_else(|| "-".to_string(), |r| r.to_string());
            let path = a.target.split('?').next().unwrap_or_default();
            let _ = writeln!(
                io::stderr(),
                "{remote} \"{} {path}\" {} {}B {:.2}ms",
                a.method,
                a.status,
                a.bytes,
                a.elapsed.as_secs_f64() * 1000.0
            );
        }) as http::Logger
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
