//! `mlrun models build-docker`: builds the `generate-dockerfile` context into an image with the
//! container engine found on PATH (docker, podman or buildah, in that order) or `--engine`.
use super::container::{write, ContainerArgs};
use crate::cli::error::{CliError, CliResult};
use crate::cli::{host, Ctx};
use clap::Args;
use mlrun::serve::container;

#[derive(Debug, Args)]
pub struct BuildDockerArgs {
    #[command(flatten)]
    pub container: ContainerArgs,
    /// The image name (and tag)
    #[arg(short = 'n', long, default_value = "mlflow-pyfunc-servable")]
    pub name: String,
    /// The engine that builds: docker, podman or buildah [default: the first found on PATH]
    #[arg(long, value_parser = ["docker", "podman", "buildah"])]
    pub engine: Option<String>,
}

pub fn cmd_build_docker(ctx: &Ctx, a: BuildDockerArgs) -> CliResult {
    let (engine, path) = match &a.engine {
        Some(e) => (
            e.clone(),
            host::which(e).ok_or_else(|| CliError::user(format!("{e} is not on PATH")))?,
        ),
        None => container::ENGINES
            .iter()
            .find_map(|e| host::which(e).map(|p| (e.to_string(), p)))
            .ok_or_else(|| {
                CliError::user("no container engine on PATH (docker, podman or buildah)")
                    .with_hint("`mlrun models generate-dockerfile` writes the build context for another machine")
            })?,
    };
    let scratch = tempfile::Builder::new().prefix("mlrun-image-").tempdir()?;
    let context_dir = scratch.path().join("context");
    let c = write(ctx, &a.container, &context_dir)?;
    let cmd = container::build_command(&engine, &path, &c.dir, &a.name);
    ctx.say(&format!(
        "Building {} ({} image on {}) with {engine}",
        a.name, c.kind, c.base_image
    ));
    let status = std::process::Command::new(&cmd[0])
        .args(&cmd[1..])
        .stdout(std::process::Stdio::from(std::io::stderr()))
        .status()?;
    if !status.success() {
        return Err(CliError::user(format!(
            "{engine} could not build the image (its output is above)"
        )));
    }
    ctx.say(&format!(
        "Built {}: it serves on port {}",
        a.name,
        container::PORT
    ));
    Ok(())
}
