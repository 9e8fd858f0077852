//! Loading a model for scoring, as `models serve` and `models predict` both do: through
//! `mlrun::serve` (Python workers in the model's environment, or ONNX in-process). The pool, its
//! supervision and the request handling are library code (`mlrun::serve::{pool, front, env}`).
use crate::cli::error::{CliError, CliResult};
use crate::cli::host::{self, env_root, which};
use crate::cli::Ctx;
use clap::ValueEnum;
use mlrun::models::ModelUri;
use mlrun::project::env::{EnvManager, Tools};
use mlrun::serve::env::{worker_plan, WorkerEnvError, WorkerPlan};
use mlrun::serve::front::Loaded;
use mlrun::serve::onnx::OnnxModel;
use mlrun::serve::pool::{Pool, PoolError, Scorer, WorkerCmd, WorkerLog};
use mlrun::serve::{Backend, ServedModel, WORKER_PY};
use std::io::{self, Write};
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
pub fn resolve_model_path(ctx: &Ctx, uri: &str) -> CliResult<PathBuf> {
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

pub fn load(
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
