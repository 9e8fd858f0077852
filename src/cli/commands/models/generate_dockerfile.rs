//! `mlrun models generate-dockerfile`: a build context (Dockerfile, the model, the mlrun binary and
//! what it needs) for an image that serves the model on port 8080.
use super::container::{write, ContainerArgs};
use crate::cli::error::CliResult;
use crate::cli::output::print_line;
use crate::cli::Ctx;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct GenerateDockerfileArgs {
    #[command(flatten)]
    pub container: ContainerArgs,
    /// The folder to write the build context into (new or empty)
    #[arg(
        short = 'd',
        long = "output-directory",
        default_value = "mlflow-dockerfile"
    )]
    pub output_directory: PathBuf,
}

pub fn cmd_generate_dockerfile(ctx: &Ctx, a: GenerateDockerfileArgs) -> CliResult {
    let c = write(ctx, &a.container, &a.output_directory)?;
    ctx.say(&format!(
        "Wrote a build context for a {} image on {} to {}",
        c.kind,
        c.base_image,
        c.dir.display()
    ));
    print_line(&c.dir.join("Dockerfile").display().to_string())
}
