//! What `models generate-dockerfile` and `models build-docker` share: the model's files on this
//! machine, the mlrun binary to ship and the libraries it links.
use super::loading::resolve_model_path;
use crate::cli::error::{CliError, CliResult};
use crate::cli::{host, Ctx};
use clap::Args;
use mlrun::serve::container::{self, Context, ContextRequest};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct ContainerArgs {
    /// The model to bake in (any URI `models serve` takes); without it, the image serves the model
    /// mounted at /opt/ml/model when it starts
    #[arg(short = 'm', long = "model-uri", value_name = "URI")]
    pub model_uri: Option<String>,
    /// The base image [default: scratch for an ONNX model (no Python at all), python:3.11-slim
    /// otherwise]
    #[arg(long, value_name = "IMAGE")]
    pub base_image: Option<String>,
    /// The mlrun binary to put in the image [default: this one]
    #[arg(long, value_name = "PATH")]
    pub mlrun_binary: Option<PathBuf>,
}

/// The libraries a binary links, from `ldd` (none when it is static or `ldd` is missing).
fn libraries(binary: &Path) -> CliResult<Vec<PathBuf>> {
    let Some(ldd) = host::which("ldd") else {
        return Ok(vec![]);
    };
    let out = std::process::Command::new(ldd).arg(binary).output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    if text.contains("not found") {
        return Err(CliError::user(format!(
            "{} links libraries this machine lacks:\n{text}",
            binary.display()
        )));
    }
    Ok(container::parse_ldd(&text))
}

/// Writes the build context for `a` into `dest`.
pub fn write(ctx: &Ctx, a: &ContainerArgs, dest: &Path) -> CliResult<Context> {
    let binary = match &a.mlrun_binary {
        Some(b) => b.clone(),
        None => std::env::current_exe()?,
    };
    let model = match &a.model_uri {
        Some(uri) => Some(resolve_model_path(ctx, uri)?),
        None => None,
    };
    let libs = libraries(&binary)?;
    Ok(container::write_context(
        &ContextRequest {
            model: model.as_deref(),
            mlrun_binary: &binary,
            libraries: &libs,
            base_image: a.base_image.as_deref(),
        },
        dest,
    )?)
}
