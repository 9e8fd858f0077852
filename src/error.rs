//! The bottom floor: what can go wrong in the library, with the value at fault. Everything else
//! (validation, search, the stores) builds on this module, which imports nothing of mlrun's.
use std::path::{Path, PathBuf};

/// What went wrong, with the value at fault. `code()` gives MLflow's error code.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    InvalidParameter(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    AlreadyExists(String),
    #[error("{path}: {message}")]
    InvalidState { path: PathBuf, message: String },
    #[error(
        "tracking URI scheme '{scheme}' is not supported yet (local paths, file: URIs, sqlite:/// and postgresql:// databases, and http(s):// tracking servers are)"
    )]
    UnsupportedScheme { scheme: String },
    /// A database could not be opened, read or written as MLflow's schema (`db` is shown without
    /// its password).
    #[error("database {db}: {message}")]
    Database { db: String, message: String },
    /// An error the tracking server answered with that has no closer kind (its code and message).
    #[error("{message}")]
    Remote { code: &'static str, message: String },
    /// The tracking server could not be reached or answered something that is not MLflow's API
    /// (the message names the server, never its credentials).
    #[error("{0}")]
    Transport(String),
    /// A tracking server's answer went past a bound mlrun holds servers to (answer size, listing
    /// depth or count): `what` went wrong, `at` is the request or artifact path where mlrun stopped.
    #[error("tracking server {server}: {what}; stopped at '{at}'")]
    ServerLimit {
        server: String,
        at: String,
        what: String,
    },
    /// Something this backend cannot do (e.g. `gc` over REST).
    #[error("{0}")]
    Unsupported(String),
    /// A name a tracking server listed that would leave the folder it is listed in (see
    /// [`crate::validate::rel_path`]); control characters are shown escaped.
    #[error("refusing the artifact name '{}' listed by {origin}: {reason}", .name.escape_debug())]
    UnsafeName {
        name: String,
        origin: String,
        reason: &'static str,
    },
    /// A symbolic link met inside a store, where mlrun never reads or writes through one.
    #[error(
        "{path}: is a symbolic link; mlrun never reads or writes through a link inside a store"
    )]
    Symlink { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
    /// MLflow's error code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidParameter(_) => "INVALID_PARAMETER_VALUE",
            Self::NotFound(_) => "RESOURCE_DOES_NOT_EXIST",
            Self::AlreadyExists(_) => "RESOURCE_ALREADY_EXISTS",
            Self::InvalidState { .. } => "INVALID_STATE",
            Self::UnsupportedScheme { .. } => "NOT_IMPLEMENTED",
            Self::Database { .. } => "INTERNAL_ERROR",
            Self::Remote { code, .. } => code,
            Self::Transport(_) => "TEMPORARILY_UNAVAILABLE",
            Self::ServerLimit { .. } => "RESOURCE_EXHAUSTED",
            Self::Unsupported(_) => "NOT_IMPLEMENTED",
            Self::UnsafeName { .. } => "INVALID_PARAMETER_VALUE",
            Self::Symlink { .. } => "INVALID_STATE",
            Self::Io { .. } => "INTERNAL_ERROR",
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
