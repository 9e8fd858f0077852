//! The environment a model's Python workers run in: the Python on PATH as it is, or the model's
//! `python_env.yaml` / `conda.yaml` planned as a cached environment by the project planner (the
//! caller builds it with `crate::project::run::prepare_env`, as `mlrun run` does).
use super::pool::WorkerCmd;
use super::ServedModel;
use crate::project::env::{self as penv, EnvManager, PlanRequest, Tools};
use crate::project::{shlex_join, Plan, Project, ProjectEnv, ProjectError};
use std::path::{Path, PathBuf};

/// How the worker script will run.
#[derive(Debug)]
pub enum WorkerPlan {
    /// Nothing to build: the command as it is.
    Ready(WorkerCmd),
    /// An environment to build first (`prepare_env`); the command is then [`WorkerCmd::from`] it.
    Build(Plan),
}

/// Why no worker command could be planned.
#[derive(Debug, thiserror::Error)]
pub enum WorkerEnvError {
    /// [`EnvManager::Local`] and neither `python` nor `python3` on PATH.
    #[error("no python on PATH")]
    NoPython,
    /// The model names no environment file for the manager (`file`: conda.yaml or python_env.yaml).
    #[error("the model at {} has no {file}", dir.display())]
    NoEnvFile { dir: PathBuf, file: &'static str },
    #[error(transparent)]
    Project(#[from] ProjectError),
}

impl From<Plan> for WorkerCmd {
    fn from(plan: Plan) -> Self {
        Self {
            argv: plan.argv,
            cwd: plan.cwd,
            env: plan.env,
        }
    }
}

/// Plans running `script` (the worker) on `model` with `manager` (Docker counts as Virtualenv:
/// models are not served in containers). `scratch` must outlive the plan's build.
pub fn worker_plan(
    model: &ServedModel,
    script: &Path,
    manager: EnvManager,
    env_root: PathBuf,
    scratch: &Path,
    tools: &Tools,
) -> Result<WorkerPlan, WorkerEnvError> {
    let script_s = script.to_string_lossy().into_owned();
    let dir_s = model.dir.to_string_lossy().into_owned();
    if manager == EnvManager::Local {
        let python = (tools.which)("python")
            .or_else(|| (tools.which)("python3"))
            .ok_or(WorkerEnvError::NoPython)?;
        return Ok(WorkerPlan::Ready(WorkerCmd {
            argv: vec![python.to_string_lossy().into_owned(), script_s, dir_s],
            cwd: model.dir.clone(),
            env: vec![],
        }));
    }
    let missing = |file| WorkerEnvError::NoEnvFile {
        dir: model.dir.clone(),
        file,
    };
    let (env, manager) = match manager {
        EnvManager::Conda => (
            ProjectEnv::Conda(
                model
                    .conda_env
                    .clone()
                    .ok_or_else(|| missing("conda.yaml"))?,
            ),
            EnvManager::Conda,
        ),
        m => (
            ProjectEnv::Python(Some(
                model
                    .python_env
                    .clone()
                    .ok_or_else(|| missing("python_env.yaml"))?,
            )),
            if m == EnvManager::Uv {
                EnvManager::Uv
            } else {
                EnvManager::Virtualenv
            },
        ),
    };
    let project = Project {
        dir: model.dir.clone(),
        name: None,
        env,
        entry_points: vec![],
    };
    let req = PlanRequest {
        project: &project,
        manager,
        command: shlex_join(&["python".to_string(), script_s, dir_s]),
        env_root,
        run_env: vec![],
        tracking_dir: model.dir.clone(),
        artifact_dir: None,
        docker_args: vec![],
        build_image: false,
        git_commit: None,
        scratch: scratch.to_path_buf(),
    };
    Ok(WorkerPlan::Build(penv::plan(&req, tools)?))
}
