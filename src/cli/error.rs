//! CLI errors: a message, optional hint, and the exit code (1 user error, 2 usage error).
use mlrun::project::ProjectError;
use mlrun::StoreError;

#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hint: Option<String>,
    pub code: i32,
}

impl CliError {
    pub fn user(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: None,
            code: 1,
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: None,
            code: 2,
        }
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        let hint = match &e {
            StoreError::UnsupportedScheme { .. } => Some(
                "point --tracking-uri or MLFLOW_TRACKING_URI at a local mlruns folder".to_string(),
            ),
            StoreError::InvalidState { .. } => {
                Some("the file named above is damaged; fix or remove it".to_string())
            }
            _ => None,
        };
        Self {
            message: e.to_string(),
            hint,
            code: 1,
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        Self::user(e.to_string())
    }
}

impl From<ProjectError> for CliError {
    fn from(e: ProjectError) -> Self {
        let hint = match &e {
            ProjectError::MissingParameters { .. } => {
                Some("give each with -P NAME=VALUE".to_string())
            }
            ProjectError::ToolMissing { tool, .. } => Some(match tool.as_str() {
                "uv" => "install uv (`pip install uv`), or use --env-manager virtualenv or local"
                    .to_string(),
                "conda" => {
                    "install Miniforge (conda, mamba) or micromamba, or use --env-manager local"
                        .to_string()
                }
                "docker" => {
                    "install Docker, or use --env-manager local to run without it".to_string()
                }
                other => format!("install {other}, or use --env-manager uv or local"),
            }),
            ProjectError::Command { .. } => {
                Some("write literal braces in an MLproject command as {{ and }}".to_string())
            }
            _ => None,
        };
        match e {
            ProjectError::Store(e) => return e.into(),
            ProjectError::Usage(message) => return Self::usage(message),
            ProjectError::Spawn { program, source } => {
                return Self {
                    message: format!("could not start {program}: {source}"),
                    hint: None,
                    code: mlrun::supervise::child::spawn_error_code(&source),
                }
            }
            _ => {}
        }
        let mut err = CliError::user(e.to_string());
        err.hint = hint;
        err
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
