//! MLflow Projects: finding and parsing an `MLproject`, typing and shell-quoting parameters into an
//! entry point's command, fetching git projects, planning environments (local, uv, virtualenv,
//! conda, docker) as exact argv lists, and running a project's entry point in tracked runs (`run`:
//! building the environment, sweeps, the run tags, the command under the supervisor). Nothing here
//! prints, exits or reads the environment: the caller passes in what it found on PATH and in the
//! environment, and is told what happens through callbacks.
pub mod env;
pub mod fetch;
pub mod quote;
pub mod run;
pub mod spec;
pub mod sweep;

pub use env::{EnvManager, Plan, Step, Tools};
pub use quote::{format_named, shlex_join, shlex_quote, shlex_unquote};
pub use spec::{
    load_project, DockerEnv, DockerEnvVar, EntryPoint, ParamType, Parameter, Project, ProjectEnv,
};

use std::path::{Path, PathBuf};

/// What went wrong, with the value at fault. `Execution` carries MLflow's own message verbatim.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// MLflow's `ExecutionException` text, word for word.
    #[error("{0}")]
    Execution(String),
    #[error("No value given for missing parameters: {}", names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", "))]
    MissingParameters { names: Vec<String> },
    #[error("bad entry point command {command:?}: {message}")]
    Command { command: String, message: String },
    #[error("{path}: {message}")]
    InvalidFile { path: PathBuf, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A program the plan needs is not on PATH.
    #[error("{message}")]
    ToolMissing { tool: String, message: String },
    #[error("`git {args}` failed: {message}")]
    Git { args: String, message: String },
    #[error("{0}")]
    Grid(String),
    /// A command that builds an environment could not be started.
    #[error("could not start `{command}`: {source}")]
    StepStart {
        command: String,
        #[source]
        source: std::io::Error,
    },
    /// A command that builds an environment failed; its stderr, trimmed, follows the status.
    #[error("`{command}` failed ({status}){}", if stderr.is_empty() { String::new() } else { format!(":\n{stderr}") })]
    StepFailed {
        command: String,
        status: String,
        stderr: String,
    },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The entry point's command could not be started.
    #[error("could not start {program}: {source}")]
    Spawn {
        program: String,
        #[source]
        source: std::io::Error,
    },
    /// Arguments that contradict each other (a repeated parameter, a malformed `-A`).
    #[error("{0}")]
    Usage(String),
}

impl ProjectError {
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
}

pub type Result<T, E = ProjectError> = std::result::Result<T, E>;
